# မြန်မာဘာသာ: names of the catalogue's vocabulary in Burmese.
# Drafted by the catalogue's developers and not yet reviewed by native-speaking
# officials; corrections are welcome (see the About translations page).

## Topics
topic-trafficking-in-persons = လူကုန်ကူးမှု
topic-victim-identification-and-protection = ခံရသူ ဖော်ထုတ်ခြင်းနှင့် ကာကွယ်စောင့်ရှောက်ခြင်း
topic-people-smuggling = ရွှေ့ပြောင်းသူ မှောင်ခိုမှု
topic-border-management = နယ်စပ် စီမံခန့်ခွဲမှု
topic-document-examination = စာရွက်စာတမ်း စစ်ဆေးခြင်း
topic-biometrics-and-identity = ဇီဝမက်ထရစ်နှင့် ကိုယ်ရေးအထောက်အထား
topic-law-enforcement-cooperation = ဥပဒေစိုးမိုးရေး ပူးပေါင်းဆောင်ရွက်မှု
topic-information-and-intelligence-sharing = သတင်းအချက်အလက်နှင့် ထောက်လှမ်းရေး မျှဝေခြင်း
topic-financial-investigation = ငွေကြေးဆိုင်ရာ စုံစမ်းစစ်ဆေးခြင်း
topic-prosecution-and-legislation = တရားစွဲဆိုခြင်းနှင့် ဥပဒေပြုရေး
topic-maritime-and-irregular-movements = ပင်လယ်ရေကြောင်းနှင့် ပုံမှန်မဟုတ်သော ရွှေ့ပြောင်းမှုများ
topic-interviewing-techniques = မေးမြန်းခြင်း နည်းစနစ်များ
topic-child-protection = ကလေးသူငယ် ကာကွယ်စောင့်ရှောက်ရေး
topic-labour-exploitation = လုပ်အား အမြတ်ထုတ်ခြင်း
topic-returns-and-reintegration = ပြန်လည်ပို့ဆောင်ခြင်းနှင့် ပြန်လည်ပေါင်းစည်းခြင်း
topic-protection-and-asylum = ကာကွယ်စောင့်ရှောက်မှုနှင့် ခိုလှုံခွင့်
topic-information-campaigns = သတင်းအချက်အလက် လှုံ့ဆော်ရေး
topic-online-child-sexual-exploitation = အွန်လိုင်းပေါ်တွင် ကလေးသူငယ်များကို လိင်ပိုင်းဆိုင်ရာ အမြတ်ထုတ်ခြင်း
topic-training-of-trainers = နည်းပြ သင်တန်း
topic-cybercrime = ဆိုက်ဘာ ရာဇဝတ်မှု
topic-drug-law-enforcement = မူးယစ်ဆေးဝါး ဥပဒေစိုးမိုးရေး
topic-counter-terrorism = အကြမ်းဖက်မှု တိုက်ဖျက်ရေး
topic-anti-corruption = အကျင့်ပျက်ခြစားမှု တိုက်ဖျက်ရေး
topic-environmental-crime = သဘာဝပတ်ဝန်းကျင်ဆိုင်ရာ ရာဇဝတ်မှု
topic-customs-and-trade = အကောက်ခွန်နှင့် ကုန်သွယ်ရေး

## Audiences
audience-frontline-border-officials = ရှေ့တန်း နယ်စပ် အရာရှိများ
audience-immigration-officers = လူဝင်မှုကြီးကြပ်ရေး အရာရှိများ
audience-police-investigators = ရဲ စုံစမ်းစစ်ဆေးရေး အရာရှိများ
audience-prosecutors-and-judges = ဥပဒေအရာရှိများနှင့် တရားသူကြီးများ
audience-policy-makers = မူဝါဒချမှတ်သူများ
audience-social-workers-and-victim-support = လူမှုဝန်ထမ်းများနှင့် ခံရသူ ပံ့ပိုးကူညီသူများ
audience-labour-inspectors = အလုပ်သမား စစ်ဆေးရေး အရာရှိများ
audience-coast-guard-and-maritime = ကမ်းခြေစောင့်တပ်နှင့် ရေကြောင်း အဖွဲ့များ
audience-trainers = နည်းပြများ
audience-consular-officials = ကောင်စစ်ဝန် အရာရှိများ

## Kinds
kind-course = သင်တန်း
kind-workshop = အလုပ်ရုံဆွေးနွေးပွဲ
kind-elearning = အွန်လိုင်း သင်ယူမှု
kind-material = သင်တန်း စာရွက်စာတမ်း

## Delivery modes
delivery-in-person = မျက်နှာချင်းဆိုင်
delivery-online = အွန်လိုင်း
delivery-blended = ပေါင်းစပ်

## Languages
language-en = အင်္ဂလိပ်
language-th = ထိုင်း
language-km = ခမာ
language-vi = ဗီယက်နမ်
language-id = အင်ဒိုနီးရှား
language-ms = မလေး
language-zh = တရုတ်
language-my = မြန်မာ
language-lo = လာအို
language-si = ဆင်ဟာလာ
language-ta = တမီးလ်
language-tet = တီတွမ်
language-bn = ဘင်္ဂါလီ
language-fa = ပါရှန်
language-prs = ဒါရီ
language-ps = ပါရှ်တို
language-ur = အူရဒူ
language-ne = နီပေါ
language-hi = ဟိန္ဒီ
language-fil = ဖိလစ်ပီနို
language-tl = တာဂလော့
language-ja = ဂျပန်
language-ko = ကိုရီးယား
language-mn = မွန်ဂို
language-dv = ဒီဗီဟီ
language-tpi = တော့ခ်ပစ်ဆင်
language-fj = ဖီဂျီ
language-sm = ဆာမိုအာ
language-to = တွန်ဂါ
language-bi = ဘစ်စလာမာ
language-fr = ပြင်သစ်
language-ar = အာရပ်
language-ru = ရုရှ
language-tr = တူရကီ
language-mi = မောရီ
language-pt = ပေါ်တူဂီ

## Countries of the region
country-AF = အာဖဂန်နစ္စတန်
country-AU = သြစတြေးလျ
country-BD = ဘင်္ဂလားဒေ့ရှ်
country-BT = ဘူတန်
country-BN = ဘရူနိုင်း
country-KH = ကမ္ဘောဒီးယား
country-CN = တရုတ်
country-FJ = ဖီဂျီ
country-HK = ဟောင်ကောင်
country-IN = အိန္ဒိယ
country-ID = အင်ဒိုနီးရှား
country-IR = အီရန်
country-IQ = အီရတ်
country-JP = ဂျပန်
country-JO = ဂျော်ဒန်
country-KI = ကီရီဘာတီ
country-KP = မြောက်ကိုရီးယား
country-KR = တောင်ကိုရီးယား
country-LA = လာအို
country-MO = မကာအို
country-MY = မလေးရှား
country-MV = မော်လ်ဒိုက်
country-MN = မွန်ဂိုလီးယား
country-MM = မြန်မာ
country-NR = နော်ရူး
country-NP = နီပေါ
country-NZ = နယူးဇီလန်
country-PK = ပါကစ္စတန်
country-PW = ပလာအို
country-PG = ပါပူအာနယူးဂီနီ
country-PH = ဖိလစ်ပိုင်
country-WS = ဆာမိုအာ
country-SG = စင်ကာပူ
country-SB = ဆော်လမွန်ကျွန်းစု
country-LK = သီရိလင်္ကာ
country-SY = ဆီးရီးယား
country-TH = ထိုင်း
country-TL = တီမောလက်စ်တေ
country-TO = တွန်ဂါ
country-TR = တူရကီ
country-TV = တူဗားလူ
country-AE = အာရပ်စော်ဘွားများ ပြည်ထောင်စု
country-US = အမေရိကန် ပြည်ထောင်စု
country-VU = ဗနွားတူ
country-VN = ဗီယက်နမ်
country-FR = ပြင်သစ်
country-GB = ယူနိုက်တက်ကင်းဒမ်း
country-CA = ကနေဒါ
country-KZ = ကာဇက်စတန်
country-KG = ကာဂျစ္စတန်
country-TJ = တာဂျစ်ကစ္စတန်
country-UZ = ဥဇဘက်ကစ္စတန်
country-TM = တာ့ခ်မင်နစ္စတန်
