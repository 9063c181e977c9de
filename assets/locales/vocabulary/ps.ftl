# پښتو: names of the catalogue's vocabulary in Pashto.
# Drafted by the catalogue's developers and not yet reviewed by native-speaking
# officials; corrections are welcome (see the About translations page).

## Topics
topic-trafficking-in-persons = د انسانانو قاچاق
topic-victim-identification-and-protection = د قربانیانو پېژندنه او ساتنه
topic-people-smuggling = د کډوالو قاچاق
topic-border-management = د پولو مدیریت
topic-document-examination = د اسنادو ازموینه
topic-biometrics-and-identity = بایومتریک او هویت
topic-law-enforcement-cooperation = د قانون پلي کولو همکاري
topic-information-and-intelligence-sharing = د معلوماتو او استخباراتو شریکول
topic-financial-investigation = مالي تحقیقات
topic-prosecution-and-legislation = عدلي تعقیب او قانون جوړونه
topic-maritime-and-irregular-movements = سمندري او غیر منظم حرکتونه
topic-interviewing-techniques = د مرکې تخنیکونه
topic-child-protection = د ماشومانو ساتنه
topic-labour-exploitation = د کار استثمار
topic-returns-and-reintegration = بېرته ستنېدل او بیا یوځای کېدل
topic-protection-and-asylum = ساتنه او پناه
topic-information-campaigns = د معلوماتو کمپاینونه
topic-online-child-sexual-exploitation = د ماشومانو آنلاین جنسي استثمار
topic-training-of-trainers = د روزونکو روزنه
topic-cybercrime = سایبري جرمونه
topic-drug-law-enforcement = د مخدره توکو د قانون پلي کول
topic-counter-terrorism = له ترهګرۍ سره مبارزه
topic-anti-corruption = له فساد سره مبارزه
topic-environmental-crime = چاپېریالي جرمونه
topic-customs-and-trade = ګمرک او سوداګري

## Audiences
audience-frontline-border-officials = د لومړۍ کرښې سرحدي چارواکي
audience-immigration-officers = د کډوالۍ چارواکي
audience-police-investigators = د پولیسو څېړونکي
audience-prosecutors-and-judges = څارنوالان او قاضیان
audience-policy-makers = پالیسي جوړوونکي
audience-social-workers-and-victim-support = ټولنیز کارکوونکي او د قربانیانو ملاتړي
audience-labour-inspectors = د کار مفتشین
audience-coast-guard-and-maritime = ساحلي ساتونکي او سمندري ادارې
audience-trainers = روزونکي
audience-consular-officials = قونسلي چارواکي

## Kinds
kind-course = کورس
kind-workshop = ورکشاپ
kind-elearning = آنلاین زده کړه
kind-material = د روزنې توکي

## Delivery modes
delivery-in-person = حضوري
delivery-online = آنلاین
delivery-blended = ګډ

## Languages
language-en = انګلیسي
language-th = تایلنډي
language-km = خمیر
language-vi = ویتنامي
language-id = اندونیزیایي
language-ms = ملایی
language-zh = چینایي
language-my = برمایي
language-lo = لاوسي
language-si = سنهالي
language-ta = تامیل
language-tet = تیتوم
language-bn = بنګالي
language-fa = فارسي
language-prs = دري
language-ps = پښتو
language-ur = اردو
language-ne = نیپالي
language-hi = هندي
language-fil = فلیپیني
language-tl = تاګالوګ
language-ja = جاپاني
language-ko = کوریایي
language-mn = مغولي
language-dv = دیویهي
language-tpi = توک پیسین
language-fj = فیجیایي
language-sm = ساموایي
language-to = ټونګایي
language-bi = بیسلاما
language-fr = فرانسوي
language-ar = عربي
language-ru = روسي
language-tr = ترکي
language-mi = ماوري
language-pt = پرتګالي

## Countries of the region
country-AF = افغانستان
country-AU = آسټرالیا
country-BD = بنګله دېش
country-BT = بوتان
country-BN = برونای
country-KH = کمبوډیا
country-CN = چین
country-FJ = فیجي
country-HK = هانګ کانګ
country-IN = هند
country-ID = اندونیزیا
country-IR = ایران
country-IQ = عراق
country-JP = جاپان
country-JO = اردن
country-KI = کیریباتي
country-KP = شمالي کوریا
country-KR = سویلي کوریا
country-LA = لاوس
country-MO = مکاو
country-MY = مالیزیا
country-MV = مالدیپ
country-MN = مغولستان
country-MM = میانمار
country-NR = ناورو
country-NP = نیپال
country-NZ = نیوزیلینډ
country-PK = پاکستان
country-PW = پالاو
country-PG = پاپوا نیو ګیني
country-PH = فیلیپین
country-WS = ساموا
country-SG = سینګاپور
country-SB = سلیمان ټاپوګان
country-LK = سریلانکا
country-SY = سوریه
country-TH = تایلینډ
country-TL = ختیځ تیمور
country-TO = ټونګا
country-TR = ترکیه
country-TV = تووالو
country-AE = متحده عربي امارات
country-US = د امریکا متحده ایالات
country-VU = وانواتو
country-VN = ویتنام
country-FR = فرانسه
country-GB = بریتانیا
country-CA = کاناډا
country-KZ = قزاقستان
country-KG = قرغیزستان
country-TJ = تاجکستان
country-UZ = ازبکستان
country-TM = ترکمنستان
