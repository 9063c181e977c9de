# دری: names of the catalogue's vocabulary in Dari.
# Drafted by the catalogue's developers and not yet reviewed by native-speaking
# officials; corrections are welcome (see the About translations page).

## Topics
topic-trafficking-in-persons = قاچاق انسان
topic-victim-identification-and-protection = شناسایی و حمایت از قربانیان
topic-people-smuggling = قاچاق مهاجران
topic-border-management = مدیریت سرحدات
topic-document-examination = بررسی اسناد
topic-biometrics-and-identity = بایومتریک و هویت
topic-law-enforcement-cooperation = همکاری در تطبیق قانون
topic-information-and-intelligence-sharing = تبادل معلومات و استخبارات
topic-financial-investigation = تحقیقات مالی
topic-prosecution-and-legislation = تعقیب عدلی و قانونگذاری
topic-maritime-and-irregular-movements = جابجایی‌های دریایی و غیرقانونی
topic-interviewing-techniques = تخنیک‌های مصاحبه
topic-child-protection = حمایت از اطفال
topic-labour-exploitation = بهره‌کشی کاری
topic-returns-and-reintegration = بازگشت و ادغام مجدد
topic-protection-and-asylum = حمایت و پناهندگی
topic-information-campaigns = کمپاین‌های اطلاع‌رسانی
topic-online-child-sexual-exploitation = بهره‌کشی جنسی آنلاین از اطفال
topic-training-of-trainers = آموزش مربیان
topic-cybercrime = جرایم سایبری
topic-drug-law-enforcement = تطبیق قانون مواد مخدر
topic-counter-terrorism = مبارزه با تروریزم
topic-anti-corruption = مبارزه با فساد
topic-environmental-crime = جرایم محیط زیستی
topic-customs-and-trade = گمرک و تجارت

## Audiences
audience-frontline-border-officials = مأموران خط مقدم سرحدی
audience-immigration-officers = مأموران مهاجرت
audience-police-investigators = پولیس تحقیق
audience-prosecutors-and-judges = سارنوالان و قاضیان
audience-policy-makers = پالیسی‌سازان
audience-social-workers-and-victim-support = کارکنان اجتماعی و حمایت‌کنندگان قربانیان
audience-labour-inspectors = مفتشان کار
audience-coast-guard-and-maritime = گارد ساحلی و نهادهای بحری
audience-trainers = مربیان
audience-consular-officials = مأموران قونسلی

## Kinds
kind-course = کورس
kind-workshop = ورکشاپ
kind-elearning = آموزش آنلاین
kind-material = مواد آموزشی

## Delivery modes
delivery-in-person = حضوری
delivery-online = آنلاین
delivery-blended = ترکیبی

## Languages
language-en = انگلیسی
language-th = تایلندی
language-km = خمری
language-vi = ویتنامی
language-id = اندونیزیایی
language-ms = مالایی
language-zh = چینایی
language-my = برمه‌ای
language-lo = لائوسی
language-si = سینهالی
language-ta = تامیل
language-tet = تتوم
language-bn = بنگالی
language-fa = فارسی
language-prs = دری
language-ps = پشتو
language-ur = اردو
language-ne = نیپالی
language-hi = هندی
language-fil = فلیپینی
language-tl = تاگالوگ
language-ja = جاپانی
language-ko = کوریایی
language-mn = مغولی
language-dv = دیوهی
language-tpi = توک پیسین
language-fj = فیجیایی
language-sm = ساموایی
language-to = تونگایی
language-bi = بیسلاما
language-fr = فرانسوی
language-ar = عربی
language-ru = روسی
language-tr = ترکی
language-mi = مائوری
language-pt = پرتگالی

## Countries of the region
country-AF = افغانستان
country-AU = آسترالیا
country-BD = بنگله‌دیش
country-BT = بوتان
country-BN = برونئی
country-KH = کمبودیا
country-CN = چین
country-FJ = فیجی
country-HK = هانگ کانگ
country-IN = هند
country-ID = اندونیزیا
country-IR = ایران
country-IQ = عراق
country-JP = جاپان
country-JO = اردن
country-KI = کیریباتی
country-KP = کوریای شمالی
country-KR = کوریای جنوبی
country-LA = لائوس
country-MO = ماکائو
country-MY = مالیزیا
country-MV = مالدیو
country-MN = مغولستان
country-MM = میانمار
country-NR = نائورو
country-NP = نیپال
country-NZ = زیلاند جدید
country-PK = پاکستان
country-PW = پالائو
country-PG = پاپوا گینی نو
country-PH = فیلیپین
country-WS = ساموا
country-SG = سنگاپور
country-SB = جزایر سلیمان
country-LK = سریلانکا
country-SY = سوریه
country-TH = تایلند
country-TL = تیمور شرقی
country-TO = تونگا
country-TR = ترکیه
country-TV = تووالو
country-AE = امارات متحده عربی
country-US = ایالات متحده امریکا
country-VU = وانواتو
country-VN = ویتنام
country-FR = فرانسه
country-GB = بریتانیا
country-CA = کانادا
country-KZ = قزاقستان
country-KG = قرغیزستان
country-TJ = تاجیکستان
country-UZ = ازبکستان
country-TM = ترکمنستان
