# اردو: names of the catalogue's vocabulary in Urdu.
# Drafted by the catalogue's developers and not yet reviewed by native-speaking
# officials; corrections are welcome (see the About translations page).

## Topics
topic-trafficking-in-persons = انسانی اسمگلنگ
topic-victim-identification-and-protection = متاثرین کی شناخت اور تحفظ
topic-people-smuggling = تارکین وطن کی اسمگلنگ
topic-border-management = سرحدی انتظام
topic-document-examination = دستاویزات کی جانچ
topic-biometrics-and-identity = بائیو میٹرک اور شناخت
topic-law-enforcement-cooperation = قانون نافذ کرنے والے اداروں کا تعاون
topic-information-and-intelligence-sharing = معلومات اور انٹیلی جنس کا تبادلہ
topic-financial-investigation = مالیاتی تحقیقات
topic-prosecution-and-legislation = استغاثہ اور قانون سازی
topic-maritime-and-irregular-movements = سمندری اور غیر قانونی نقل و حرکت
topic-interviewing-techniques = انٹرویو کی تکنیک
topic-child-protection = بچوں کا تحفظ
topic-labour-exploitation = مزدوروں کا استحصال
topic-returns-and-reintegration = واپسی اور بحالی
topic-protection-and-asylum = تحفظ اور پناہ
topic-information-campaigns = معلوماتی مہمات
topic-online-child-sexual-exploitation = بچوں کا آن لائن جنسی استحصال
topic-training-of-trainers = تربیت کاروں کی تربیت
topic-cybercrime = سائبر کرائم
topic-drug-law-enforcement = انسداد منشیات
topic-counter-terrorism = انسداد دہشت گردی
topic-anti-corruption = انسداد بدعنوانی
topic-environmental-crime = ماحولیاتی جرائم
topic-customs-and-trade = کسٹمز اور تجارت

## Audiences
audience-frontline-border-officials = سرحد پر تعینات اہلکار
audience-immigration-officers = امیگریشن افسران
audience-police-investigators = پولیس تفتیش کار
audience-prosecutors-and-judges = پراسیکیوٹرز اور جج
audience-policy-makers = پالیسی ساز
audience-social-workers-and-victim-support = سماجی کارکن اور متاثرین کے معاون
audience-labour-inspectors = لیبر انسپکٹرز
audience-coast-guard-and-maritime = کوسٹ گارڈ اور بحری ادارے
audience-trainers = تربیت کار
audience-consular-officials = قونصلر اہلکار

## Kinds
kind-course = کورس
kind-workshop = ورکشاپ
kind-elearning = ای لرننگ
kind-material = تربیتی مواد

## Delivery modes
delivery-in-person = بالمشافہ
delivery-online = آن لائن
delivery-blended = مخلوط

## Languages
language-en = انگریزی
language-th = تھائی
language-km = خمیر
language-vi = ویتنامی
language-id = انڈونیشیائی
language-ms = مالے
language-zh = چینی
language-my = برمی
language-lo = لاؤ
language-si = سنہالی
language-ta = تمل
language-tet = تیتم
language-bn = بنگالی
language-fa = فارسی
language-prs = دری
language-ps = پشتو
language-ur = اردو
language-ne = نیپالی
language-hi = ہندی
language-fil = فلپائنی
language-tl = ٹاگالوگ
language-ja = جاپانی
language-ko = کوریائی
language-mn = منگولین
language-dv = دیویہی
language-tpi = ٹوک پسن
language-fj = فجیائی
language-sm = ساموائی
language-to = ٹونگن
language-bi = بسلاما
language-fr = فرانسیسی
language-ar = عربی
language-ru = روسی
language-tr = ترکی
language-mi = ماؤری
language-pt = پرتگالی

## Countries of the region
country-AF = افغانستان
country-AU = آسٹریلیا
country-BD = بنگلہ دیش
country-BT = بھوٹان
country-BN = برونائی
country-KH = کمبوڈیا
country-CN = چین
country-FJ = فجی
country-HK = ہانگ کانگ
country-IN = بھارت
country-ID = انڈونیشیا
country-IR = ایران
country-IQ = عراق
country-JP = جاپان
country-JO = اردن
country-KI = کیریباتی
country-KP = شمالی کوریا
country-KR = جنوبی کوریا
country-LA = لاؤس
country-MO = مکاؤ
country-MY = ملائیشیا
country-MV = مالدیپ
country-MN = منگولیا
country-MM = میانمار
country-NR = ناورو
country-NP = نیپال
country-NZ = نیوزی لینڈ
country-PK = پاکستان
country-PW = پلاؤ
country-PG = پاپوا نیو گنی
country-PH = فلپائن
country-WS = ساموا
country-SG = سنگاپور
country-SB = جزائر سلیمان
country-LK = سری لنکا
country-SY = شام
country-TH = تھائی لینڈ
country-TL = مشرقی تیمور
country-TO = ٹونگا
country-TR = ترکیہ
country-TV = تووالو
country-AE = متحدہ عرب امارات
country-US = امریکہ
country-VU = وانواٹو
country-VN = ویتنام
country-FR = فرانس
country-GB = برطانیہ
country-CA = کینیڈا
country-KZ = قازقستان
country-KG = کرغیزستان
country-TJ = تاجکستان
country-UZ = ازبکستان
country-TM = ترکمانستان
