# தமிழ்: names of the catalogue's vocabulary in Tamil.
# Drafted by the catalogue's developers and not yet reviewed by native-speaking
# officials; corrections are welcome (see the About translations page).

## Topics
topic-trafficking-in-persons = ஆட்கடத்தல்
topic-victim-identification-and-protection = பாதிக்கப்பட்டோரை அடையாளம் காணுதல் மற்றும் பாதுகாத்தல்
topic-people-smuggling = புலம்பெயர்ந்தோர் கடத்தல்
topic-border-management = எல்லை மேலாண்மை
topic-document-examination = ஆவணப் பரிசோதனை
topic-biometrics-and-identity = உயிரியளவியல் மற்றும் அடையாளம்
topic-law-enforcement-cooperation = சட்ட அமலாக்க ஒத்துழைப்பு
topic-information-and-intelligence-sharing = தகவல் மற்றும் உளவுத் தகவல் பகிர்வு
topic-financial-investigation = நிதிப் புலனாய்வு
topic-prosecution-and-legislation = வழக்குத் தொடுத்தல் மற்றும் சட்டமியற்றல்
topic-maritime-and-irregular-movements = கடல்வழி மற்றும் ஒழுங்கற்ற இடப்பெயர்வு
topic-interviewing-techniques = நேர்காணல் உத்திகள்
topic-child-protection = குழந்தைப் பாதுகாப்பு
topic-labour-exploitation = தொழிலாளர் சுரண்டல்
topic-returns-and-reintegration = தாயகம் திரும்புதல் மற்றும் மீள் ஒருங்கிணைப்பு
topic-protection-and-asylum = பாதுகாப்பு மற்றும் புகலிடம்
topic-information-campaigns = தகவல் பிரச்சாரங்கள்
topic-online-child-sexual-exploitation = இணையவழி குழந்தை பாலியல் சுரண்டல்
topic-training-of-trainers = பயிற்றுநர்களுக்கான பயிற்சி
topic-cybercrime = இணையக் குற்றம்
topic-drug-law-enforcement = போதைப்பொருள் சட்ட அமலாக்கம்
topic-counter-terrorism = பயங்கரவாத எதிர்ப்பு
topic-anti-corruption = ஊழல் ஒழிப்பு
topic-environmental-crime = சுற்றுச்சூழல் குற்றம்
topic-customs-and-trade = சுங்கம் மற்றும் வர்த்தகம்

## Audiences
audience-frontline-border-officials = முன்னணி எல்லை அலுவலர்கள்
audience-immigration-officers = குடிவரவு அலுவலர்கள்
audience-police-investigators = காவல்துறை புலனாய்வாளர்கள்
audience-prosecutors-and-judges = அரசு வழக்கறிஞர்கள் மற்றும் நீதிபதிகள்
audience-policy-makers = கொள்கை வகுப்பாளர்கள்
audience-social-workers-and-victim-support = சமூகப் பணியாளர்கள் மற்றும் பாதிக்கப்பட்டோர் ஆதரவாளர்கள்
audience-labour-inspectors = தொழிலாளர் ஆய்வாளர்கள்
audience-coast-guard-and-maritime = கடலோரக் காவல்படை மற்றும் கடல்சார் அமைப்புகள்
audience-trainers = பயிற்றுநர்கள்
audience-consular-officials = தூதரக அலுவலர்கள்

## Kinds
kind-course = பாடநெறி
kind-workshop = பட்டறை
kind-elearning = மின்-கற்றல்
kind-material = பயிற்சிப் பொருட்கள்

## Delivery modes
delivery-in-person = நேரடி
delivery-online = இணையவழி
delivery-blended = கலப்பு

## Languages
language-en = ஆங்கிலம்
language-th = தாய்
language-km = கெமர்
language-vi = வியட்நாமியம்
language-id = இந்தோனேசியம்
language-ms = மலாய்
language-zh = சீனம்
language-my = பர்மியம்
language-lo = லாவோ
language-si = சிங்களம்
language-ta = தமிழ்
language-tet = டெட்டம்
language-bn = வங்காளம்
language-fa = பாரசீகம்
language-prs = தாரி
language-ps = பஷ்தூ
language-ur = உருது
language-ne = நேபாளி
language-hi = இந்தி
language-fil = பிலிப்பினோ
language-tl = தகாலொக்
language-ja = ஜப்பானியம்
language-ko = கொரியம்
language-mn = மங்கோலியம்
language-dv = திவேகி
language-tpi = டோக் பிசின்
language-fj = பிஜியம்
language-sm = சமோவம்
language-to = டோங்கம்
language-bi = பிஸ்லாமா
language-fr = பிரெஞ்சு
language-ar = அரபு
language-ru = ரஷ்யம்
language-tr = துருக்கியம்
language-mi = மாவோரி
language-pt = போர்த்துகீசியம்

## Countries of the region
country-AF = ஆப்கானிஸ்தான்
country-AU = ஆஸ்திரேலியா
country-BD = வங்காளதேசம்
country-BT = பூட்டான்
country-BN = புருனே
country-KH = கம்போடியா
country-CN = சீனா
country-FJ = பிஜி
country-HK = ஹாங்காங்
country-IN = இந்தியா
country-ID = இந்தோனேசியா
country-IR = ஈரான்
country-IQ = ஈராக்
country-JP = ஜப்பான்
country-JO = ஜோர்டான்
country-KI = கிரிபட்டி
country-KP = வட கொரியா
country-KR = தென் கொரியா
country-LA = லாவோஸ்
country-MO = மக்காவு
country-MY = மலேசியா
country-MV = மாலத்தீவு
country-MN = மங்கோலியா
country-MM = மியான்மர்
country-NR = நவுரு
country-NP = நேபாளம்
country-NZ = நியூசிலாந்து
country-PK = பாகிஸ்தான்
country-PW = பலாவு
country-PG = பப்புவா நியூ கினி
country-PH = பிலிப்பைன்ஸ்
country-WS = சமோவா
country-SG = சிங்கப்பூர்
country-SB = சாலமன் தீவுகள்
country-LK = இலங்கை
country-SY = சிரியா
country-TH = தாய்லாந்து
country-TL = கிழக்கு திமோர்
country-TO = டோங்கா
country-TR = துருக்கி
country-TV = துவாலு
country-AE = ஐக்கிய அரபு அமீரகம்
country-US = அமெரிக்கா
country-VU = வனுவாட்டு
country-VN = வியட்நாம்
country-FR = பிரான்ஸ்
country-GB = ஐக்கிய இராச்சியம்
country-CA = கனடா
country-KZ = கசகஸ்தான்
country-KG = கிர்கிஸ்தான்
country-TJ = தஜிகிஸ்தான்
country-UZ = உஸ்பெகிஸ்தான்
country-TM = துர்க்மெனிஸ்தான்
