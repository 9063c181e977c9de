# বাংলা: names of the catalogue's vocabulary in Bengali.
# Drafted by the catalogue's developers and not yet reviewed by native-speaking
# officials; corrections are welcome (see the About translations page).

## Topics
topic-trafficking-in-persons = মানব পাচার
topic-victim-identification-and-protection = ভুক্তভোগী শনাক্তকরণ ও সুরক্ষা
topic-people-smuggling = অভিবাসী চোরাচালান
topic-border-management = সীমান্ত ব্যবস্থাপনা
topic-document-examination = নথি পরীক্ষা
topic-biometrics-and-identity = বায়োমেট্রিক ও পরিচয়
topic-law-enforcement-cooperation = আইন প্রয়োগকারী সহযোগিতা
topic-information-and-intelligence-sharing = তথ্য ও গোয়েন্দা তথ্য বিনিময়
topic-financial-investigation = আর্থিক তদন্ত
topic-prosecution-and-legislation = বিচারিক কার্যক্রম ও আইন
topic-maritime-and-irregular-movements = সমুদ্রপথে ও অনিয়মিত চলাচল
topic-interviewing-techniques = সাক্ষাৎকার গ্রহণের কৌশল
topic-child-protection = শিশু সুরক্ষা
topic-labour-exploitation = শ্রম শোষণ
topic-returns-and-reintegration = প্রত্যাবাসন ও পুনরেকত্রীকরণ
topic-protection-and-asylum = সুরক্ষা ও আশ্রয়
topic-information-campaigns = তথ্য প্রচারাভিযান
topic-online-child-sexual-exploitation = অনলাইনে শিশু যৌন শোষণ
topic-training-of-trainers = প্রশিক্ষকদের প্রশিক্ষণ
topic-cybercrime = সাইবার অপরাধ
topic-drug-law-enforcement = মাদক আইন প্রয়োগ
topic-counter-terrorism = সন্ত্রাস দমন
topic-anti-corruption = দুর্নীতি দমন
topic-environmental-crime = পরিবেশগত অপরাধ
topic-customs-and-trade = শুল্ক ও বাণিজ্য

## Audiences
audience-frontline-border-officials = সম্মুখসারির সীমান্ত কর্মকর্তা
audience-immigration-officers = অভিবাসন কর্মকর্তা
audience-police-investigators = পুলিশ তদন্তকারী
audience-prosecutors-and-judges = সরকারি কৌঁসুলি ও বিচারক
audience-policy-makers = নীতিনির্ধারক
audience-social-workers-and-victim-support = সমাজকর্মী ও ভুক্তভোগী সহায়তাকারী
audience-labour-inspectors = শ্রম পরিদর্শক
audience-coast-guard-and-maritime = কোস্ট গার্ড ও সামুদ্রিক বাহিনী
audience-trainers = প্রশিক্ষক
audience-consular-officials = কনস্যুলার কর্মকর্তা

## Kinds
kind-course = কোর্স
kind-workshop = কর্মশালা
kind-elearning = ই-লার্নিং
kind-material = প্রশিক্ষণ উপকরণ

## Delivery modes
delivery-in-person = সরাসরি
delivery-online = অনলাইন
delivery-blended = মিশ্র

## Languages
language-en = ইংরেজি
language-th = থাই
language-km = খেমার
language-vi = ভিয়েতনামি
language-id = ইন্দোনেশীয়
language-ms = মালয়
language-zh = চীনা
language-my = বর্মি
language-lo = লাও
language-si = সিংহলি
language-ta = তামিল
language-tet = তেতুম
language-bn = বাংলা
language-fa = ফারসি
language-prs = দারি
language-ps = পশতু
language-ur = উর্দু
language-ne = নেপালি
language-hi = হিন্দি
language-fil = ফিলিপিনো
language-tl = তাগালগ
language-ja = জাপানি
language-ko = কোরীয়
language-mn = মঙ্গোলীয়
language-dv = দিবেহি
language-tpi = টোক পিসিন
language-fj = ফিজিয়ান
language-sm = সামোয়ান
language-to = টোঙ্গান
language-bi = বিসলামা
language-fr = ফরাসি
language-ar = আরবি
language-ru = রুশ
language-tr = তুর্কি
language-mi = মাওরি
language-pt = পর্তুগিজ

## Countries of the region
country-AF = আফগানিস্তান
country-AU = অস্ট্রেলিয়া
country-BD = বাংলাদেশ
country-BT = ভুটান
country-BN = ব্রুনাই
country-KH = কম্বোডিয়া
country-CN = চীন
country-FJ = ফিজি
country-HK = হংকং
country-IN = ভারত
country-ID = ইন্দোনেশিয়া
country-IR = ইরান
country-IQ = ইরাক
country-JP = জাপান
country-JO = জর্ডান
country-KI = কিরিবাতি
country-KP = উত্তর কোরিয়া
country-KR = দক্ষিণ কোরিয়া
country-LA = লাওস
country-MO = ম্যাকাও
country-MY = মালয়েশিয়া
country-MV = মালদ্বীপ
country-MN = মঙ্গোলিয়া
country-MM = মিয়ানমার
country-NR = নাউরু
country-NP = নেপাল
country-NZ = নিউজিল্যান্ড
country-PK = পাকিস্তান
country-PW = পালাউ
country-PG = পাপুয়া নিউগিনি
country-PH = ফিলিপাইন
country-WS = সামোয়া
country-SG = সিঙ্গাপুর
country-SB = সলোমন দ্বীপপুঞ্জ
country-LK = শ্রীলঙ্কা
country-SY = সিরিয়া
country-TH = থাইল্যান্ড
country-TL = তিমুর-লেস্তে
country-TO = টোঙ্গা
country-TR = তুরস্ক
country-TV = টুভালু
country-AE = সংযুক্ত আরব আমিরাত
country-US = মার্কিন যুক্তরাষ্ট্র
country-VU = ভানুয়াতু
country-VN = ভিয়েতনাম
country-FR = ফ্রান্স
country-GB = যুক্তরাজ্য
country-CA = কানাডা
country-KZ = কাজাখস্তান
country-KG = কিরগিজস্তান
country-TJ = তাজিকিস্তান
country-UZ = উজবেকিস্তান
country-TM = তুর্কমেনিস্তান
