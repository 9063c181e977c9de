# ข้อความของส่วนติดต่อผู้ใช้: ภาษาไทย

## The frame of every page
site-name = แคตตาล็อกการฝึกอบรมระดับภูมิภาค
site-tagline = การฝึกอบรมเพื่อต่อต้านการลักลอบขนคนเข้าเมือง การค้ามนุษย์ และอาชญากรรมข้ามชาติที่เกี่ยวข้อง
site-footer = แคตตาล็อกนี้เป็นสารบบ การฝึกอบรมแต่ละรายการเป็นของผู้จัด โปรดติดต่อผู้จัดโดยตรง
skip-to-main = ข้ามไปยังเนื้อหาหลัก
skip-to-results = ข้ามไปยังผลการค้นหา
nav-account = บัญชี
nav-dashboard = แดชบอร์ด
nav-review = ตรวจทาน
nav-organisations = หน่วยงาน
nav-people = ผู้ใช้งาน
nav-topics = หัวข้อ
nav-sign-out = ออกจากระบบ
nav-sign-in = เข้าสู่ระบบ
nav-sign-in-why = เพื่อลงรายการการฝึกอบรมของคุณ
nav-languages = ภาษา
error-no-such-language = เว็บไซต์นี้ไม่มีส่วนติดต่อภาษา “{ $tag }” โปรดเลือก English, Bahasa Indonesia หรือ ไทย

## Names of values
kind-course = หลักสูตร
kind-workshop = การประชุมเชิงปฏิบัติการ
kind-elearning = การเรียนออนไลน์ (e-learning)
kind-material = สื่อการฝึกอบรม
delivery-in-person = แบบพบหน้า
delivery-online = ออนไลน์
delivery-blended = แบบผสมผสาน
provider-type-member-state = ประเทศสมาชิก
provider-type-international-organisation = องค์การระหว่างประเทศ
provider-type-regional-institution = สถาบันฝึกอบรมระดับภูมิภาค
provider-type-civil-society = ภาคประชาสังคม
provider-type-academic = สถาบันการศึกษา
state-draft = ฉบับร่าง
state-submitted = รอการตรวจทาน
state-changes-requested = ขอให้แก้ไข
state-published = เผยแพร่แล้ว
state-withdrawn = ถอนออกแล้ว
state-archived = เก็บเข้าคลังแล้ว
role-contributor = ผู้ลงรายการ
role-secretariat = สำนักเลขาธิการ
facet-topic = หัวข้อ
facet-language = ภาษา
facet-provider = ผู้จัด
facet-kind = ประเภท
facet-delivery = รูปแบบการจัด
facet-country = ประเทศ
facet-audience = กลุ่มเป้าหมาย

## The search page
search-title = ค้นหาการฝึกอบรม
search-title-query = “{ $query }”
search-label = ค้นหาหลักสูตร การประชุมเชิงปฏิบัติการ การเรียนออนไลน์ และสื่อการฝึกอบรม
search-placeholder = เช่น การตรวจเอกสาร การคัดแยกผู้เสียหาย
search-button = ค้นหา
sort-relevance = ตรงที่สุด
sort-start = รุ่นถัดไป
sort-updated = ปรับปรุงล่าสุด
sort-title = ชื่อเรื่อง
sort-label = เรียงลำดับผลการค้นหา
sort-by = เรียงตาม:
facets-heading = กรองผลการค้นหา
facets-explained = ตัวเลขท้ายตัวกรองแต่ละรายการคือจำนวนผลการค้นหาหากเลือกตัวกรองนั้น
facet-more = เพิ่มเติม ({ $count })
facet-selected = (เลือกอยู่ เลือกอีกครั้งเพื่อยกเลิก)
filters-in-use = ตัวกรองที่ใช้อยู่
filter-remove = (ยกเลิกตัวกรองนี้)
filters-clear = ล้างตัวกรองทั้งหมด
filters-jump = ตัวกรอง
results-none = ไม่พบการฝึกอบรม
results-count = { $count } รายการ
did-you-mean = หรือคุณหมายถึง:
results-page-empty = ไม่มีผลการค้นหาในหน้านี้
results-first-page = ไปหน้าแรก
results-nothing = ไม่พบรายการที่ตรงกับการค้นหานี้
results-advice = ตรวจสอบการสะกด หรือลองใช้คำให้น้อยลงหรือกว้างขึ้น
results-without-filters = ค้นหาอีกครั้งโดยไม่ใช้ตัวกรอง
results-browse-all = ดูแคตตาล็อกทั้งหมด
hit-translated = ฉบับแปล{ $shown } ต้นฉบับเป็น{ $original }
hit-next-session = รุ่นถัดไป
hit-any-time = เข้าถึงได้ตลอดเวลา
hit-on-request = จัดตามคำขอ
hit-none-scheduled = ยังไม่มีกำหนดการ
hit-languages = ภาษา
hit-topics = หัวข้อ
pages-label = หน้าผลการค้นหา
pages-previous = ก่อนหน้า
pages-next = ถัดไป
pages-page = หน้า

## Dates
month-1 = ม.ค.
month-2 = ก.พ.
month-3 = มี.ค.
month-4 = เม.ย.
month-5 = พ.ค.
month-6 = มิ.ย.
month-7 = ก.ค.
month-8 = ส.ค.
month-9 = ก.ย.
month-10 = ต.ค.
month-11 = พ.ย.
month-12 = ธ.ค.

## A listing's page
breadcrumb = เส้นทางนำทาง
listing-back = ค้นหาในแคตตาล็อก
listing-edit = แก้ไขรายการนี้
listing-history = ประวัติ
listing-contact = ติดต่อผู้จัด
listing-enquire = ส่งคำถาม
listing-enquire-about = เกี่ยวกับการฝึกอบรมนี้
listing-owned = แคตตาล็อกเพียงลงรายการการฝึกอบรมนี้ ผู้จัดเป็นเจ้าของและเป็นผู้ตอบคำถาม
listing-provider = ผู้จัด
listing-location = สถานที่
listing-languages = ภาษา
listing-topics = หัวข้อ
listing-audience = สำหรับ
listing-url = ข้อมูลเพิ่มเติม
listing-updated = ปรับปรุงล่าสุด
listing-confirmed = ผู้จัดยืนยันข้อมูลเมื่อ
listing-stale = ไม่ได้รับการยืนยันมานานกว่าหนึ่งปี โปรดตรวจสอบรายละเอียดกับผู้จัด
listing-about = เกี่ยวกับการฝึกอบรมนี้
listing-dates = กำหนดการ
listing-any-time = เข้าถึงได้ตลอดเวลา โปรดติดต่อผู้จัดเพื่อขอสิทธิ์เข้าถึงหรือสำเนา
listing-no-dates = ยังไม่มีกำหนดการ โปรดติดต่อผู้จัดเพื่อสอบถามรุ่นถัดไปหรือขอให้จัด
listing-session-ended = (สิ้นสุดแล้ว)
listing-session-next = (รุ่นถัดไป)
listing-in-language = ฉบับ{ $language }
listing-translation-shown = หน้านี้แสดงฉบับแปล{ $language }
listing-show-original = แสดงต้นฉบับ ({ $language })
listing-original-shown = นี่คือต้นฉบับ ซึ่งเป็น{ $language }
listing-show-translation = แสดงฉบับแปล{ $language }

## Enquiries
enquiry-title = สอบถามเกี่ยวกับ “{ $listing }”
enquiry-back = กลับไปที่รายการ
enquiry-heading = สอบถามผู้จัด
enquiry-about = เรื่อง:
enquiry-listed-by = ลงรายการโดย:
enquiry-explained = ข้อความของคุณจะส่งถึงผู้ดูแลรายการนี้ที่ { $provider } และผู้ดูแลจะตอบกลับทางอีเมล
enquiry-name = ชื่อของคุณ
enquiry-email = อีเมลของคุณ
enquiry-email-hint = ผู้จัดจะตอบกลับมาที่อีเมลนี้
enquiry-message = คำถามของคุณ
enquiry-message-hint = เช่น กำหนดการรุ่นถัดไป ผู้มีสิทธิ์เข้าร่วม วิธีสมัคร
enquiry-send = ส่งคำถาม

## Error pages
error-not-found = ไม่พบหน้านี้
error-bad-request = ไม่สามารถเข้าใจคำขอนี้
error-forbidden = ไม่ได้รับอนุญาต
error-conflict = ยังทำรายการนี้ไม่ได้ในขณะนี้
error-invalid = มีข้อมูลบางส่วนที่ต้องแก้ไข
error-too-many = พยายามหลายครั้งเกินไป
error-fault = เกิดข้อผิดพลาด
error-go-search = ไปที่หน้าค้นหา

## Forms
form-problems = โปรดแก้ไขปัญหา { $count } รายการ
form-optional = (ไม่บังคับ)
field-email = อีเมล
field-password = รหัสผ่าน
field-new-password = รหัสผ่านใหม่
field-confirm-password = รหัสผ่านใหม่อีกครั้ง
field-current-password = รหัสผ่านปัจจุบัน

## Signing in and passwords
sign-in-title = เข้าสู่ระบบ
sign-in-intro = สำหรับผู้อำนวยการฝึกอบรมระดับชาติ สถาบัน และสำนักเลขาธิการ ที่ลงรายการและดูแลการฝึกอบรม การค้นหาไม่ต้องใช้บัญชี
sign-in-button = เข้าสู่ระบบ
sign-in-forgotten = ลืมรหัสผ่าน?
sign-in-no-account = ยังไม่มีบัญชี? บัญชีสร้างได้โดยคำเชิญเท่านั้น โปรดขอให้สำนักเลขาธิการเชิญคุณเข้าหน่วยงานของคุณ
forgot-title = ตั้งรหัสผ่านใหม่
forgot-sent = หาก { $email } มีบัญชีอยู่ เราได้ส่งลิงก์สำหรับตั้งรหัสผ่านใหม่ไปแล้ว ลิงก์ใช้ได้ครั้งเดียว ภายใน { $hours } ชั่วโมง
forgot-nothing-arrived = ไม่ได้รับอีเมล? โปรดดูในโฟลเดอร์สแปม หรือขอให้สำนักเลขาธิการส่งลิงก์ให้
forgot-intro = กรอกอีเมลของบัญชีคุณ แล้วเราจะส่งลิงก์สำหรับตั้งรหัสผ่านใหม่ไปให้
forgot-button = ส่งลิงก์
password-hint = อย่างน้อย { $min } ตัวอักษร การใช้คำหลายคำที่ไม่เกี่ยวข้องกันจะได้รหัสผ่านที่ปลอดภัยและจำง่าย ระบบจะไม่รับรหัสผ่านที่ใช้กันทั่วไป
choose-password-welcome = ยินดีต้อนรับ: ตั้งรหัสผ่านของคุณ
choose-password-title = ตั้งรหัสผ่านใหม่
choose-password-hello = ยินดีต้อนรับ คุณ{ $name }
choose-password-invited = คุณได้รับเชิญให้ลงรายการและดูแลการฝึกอบรมของ { $organisation }
choose-password-finish = โปรดตั้งรหัสผ่านเพื่อตั้งค่าบัญชีให้เสร็จสมบูรณ์
choose-password-reset = คุณ{ $name } โปรดตั้งรหัสผ่านใหม่ ระบบจะนำคุณออกจากระบบในอุปกรณ์อื่นทั้งหมด
choose-password-button = บันทึกรหัสผ่านและเข้าสู่ระบบ
dead-link-title = ลิงก์นี้ใช้ไม่ได้
dead-link-new = ขอลิงก์ตั้งรหัสผ่านใหม่
dead-link-or-invite = หรือขอให้สำนักเลขาธิการเชิญคุณอีกครั้ง
change-password-title = เปลี่ยนรหัสผ่าน
change-password-intro = การเปลี่ยนรหัสผ่านจะนำคุณออกจากระบบในอุปกรณ์อื่นทั้งหมด
change-password-button = เปลี่ยนรหัสผ่าน

## Messages after an action
done-password = บันทึกรหัสผ่านของคุณแล้ว
done-saved = บันทึกเป็นฉบับร่างแล้ว ส่งตรวจทานได้เมื่อพร้อม
done-submitted = ส่งแล้ว สำนักเลขาธิการจะตรวจทาน และผลจะแสดงที่หน้านี้
done-withdrawn = ถอนออกแล้ว รายการนี้จะไม่ปรากฏในแคตตาล็อกอีก
done-confirmed = ขอบคุณ ยืนยันแล้วว่ารายการนี้เป็นปัจจุบัน
done-approved = อนุมัติและเผยแพร่แล้ว
done-changes-requested = ส่งกลับไปยังเจ้าของพร้อมความเห็นของคุณแล้ว
done-archived = เก็บเข้าคลังแล้ว รายการนี้จะไม่ปรากฏในแคตตาล็อกอีก
done-organisation = บันทึกหน่วยงานแล้ว
done-invited = ส่งคำเชิญแล้ว
done-reset = ส่งลิงก์ตั้งรหัสผ่านใหม่แล้ว
done-disabled = ปิดใช้งานบัญชีและนำออกจากระบบในทุกอุปกรณ์แล้ว
done-enabled = เปิดใช้งานบัญชีอีกครั้งแล้ว
done-topic = บันทึกหัวข้อแล้ว กำลังปรับดัชนีของรายการในหัวข้อนี้
done-sent = ส่งคำถามของคุณถึงผู้จัดแล้ว

## Errors said to the visitor
error-no-page = ไม่มีหน้าที่ { $path } โปรดตรวจสอบที่อยู่ หรือค้นหาในแคตตาล็อก
error-our-side = เกิดข้อผิดพลาดที่ระบบของเรา โปรดลองใหม่อีกครั้งในอีกสักครู่
error-too-many-from-address = มีการพยายามจากที่อยู่ของคุณมากเกินไป โปรดรอ { $seconds } วินาทีแล้วลองใหม่
error-form-expired = แบบฟอร์มนี้หมดอายุหรือไม่ได้ส่งจากเว็บไซต์นี้ โปรดย้อนกลับ โหลดหน้าใหม่ แล้วส่งอีกครั้ง
error-secretariat-only = เฉพาะสำนักเลขาธิการเท่านั้นที่ทำรายการนี้ได้ สิ่งที่หน่วยงานของคุณแก้ไขได้อยู่ในแดชบอร์ดของคุณ
error-cross-site = แบบฟอร์มนี้ถูกส่งมาจากเว็บไซต์อื่นจึงถูกปฏิเสธ โปรดเปิดหน้าบนเว็บไซต์นี้แล้วส่งจากที่นี่
error-email-invalid = อีเมล: โปรดกรอกให้ครบ เช่น name@example.org
enquiry-error-name = ชื่อของคุณ: โปรดกรอก ไม่เกิน 200 ตัวอักษร
enquiry-error-email = อีเมลของคุณ: โปรดกรอกให้ครบ เช่น name@example.org เพื่อให้ผู้จัดตอบกลับได้
enquiry-error-message = คำถามของคุณ: โปรดเขียนสิ่งที่ต้องการทราบ
enquiry-error-too-long = คำถามของคุณยาว { $length } ตัวอักษร โปรดย่อให้เหลือไม่เกิน { $max }
sign-in-no-match = อีเมลและรหัสผ่านนี้ไม่ตรงกับบัญชีใด โปรดตรวจสอบทั้งสองอย่าง หรือตั้งรหัสผ่านใหม่
sign-in-throttled-seconds = บัญชีนี้เข้าสู่ระบบไม่สำเร็จหลายครั้งเกินไป โปรดรอ { $seconds } วินาทีแล้วลองใหม่ หรือตั้งรหัสผ่านใหม่
sign-in-throttled-minutes = บัญชีนี้เข้าสู่ระบบไม่สำเร็จหลายครั้งเกินไป โปรดรอ { $minutes } นาทีแล้วลองใหม่ หรือตั้งรหัสผ่านใหม่
link-used = ลิงก์นี้ถูกใช้ไปแล้ว แต่ละลิงก์ใช้ได้เพียงครั้งเดียว
link-expired = ลิงก์นี้หมดอายุแล้ว
link-invalid = ลิงก์นี้ไม่ถูกต้อง โปรดตรวจสอบว่าคัดลอกมาครบถ้วน
password-mismatch = รหัสผ่านทั้งสองช่องไม่ตรงกัน โปรดพิมพ์รหัสผ่านเดียวกันสองครั้ง
password-current-wrong = รหัสผ่านปัจจุบันไม่ถูกต้อง
account-gone = บัญชีนี้ไม่มีอยู่แล้ว
review-comment-needed = โปรดระบุสิ่งที่ควรแก้ไข เจ้าของรายการจะอ่านความเห็นนี้
password-too-short = รหัสผ่านใหม่ยาว { $chars } ตัวอักษร โปรดใช้อย่างน้อย { $min } ตัวอักษร (ประโยคสั้น ๆ จำได้ง่าย)
password-too-long = รหัสผ่านใหม่ยาว { $chars } ตัวอักษร โปรดใช้ไม่เกิน { $max } ตัวอักษร
password-common = รหัสผ่านใหม่เป็นหนึ่งในรหัสผ่านที่ใช้กันมากที่สุดซึ่งถูกเดาได้ก่อน โปรดเลือกรหัสผ่านอื่น
