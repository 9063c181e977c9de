# සිංහල: names of the catalogue's vocabulary in Sinhala.
# Drafted by the catalogue's developers and not yet reviewed by native-speaking
# officials; corrections are welcome (see the About translations page).

## Topics
topic-trafficking-in-persons = මිනිස් ජාවාරම
topic-victim-identification-and-protection = වින්දිතයන් හඳුනා ගැනීම සහ ආරක්ෂා කිරීම
topic-people-smuggling = සංක්‍රමණිකයින් ජාවාරම
topic-border-management = දේශසීමා කළමනාකරණය
topic-document-examination = ලේඛන පරීක්ෂාව
topic-biometrics-and-identity = ජෛවමිතික සහ අනන්‍යතාව
topic-law-enforcement-cooperation = නීතිය ක්‍රියාත්මක කිරීමේ සහයෝගීතාව
topic-information-and-intelligence-sharing = තොරතුරු සහ බුද්ධි තොරතුරු හුවමාරුව
topic-financial-investigation = මූල්‍ය විමර්ශනය
topic-prosecution-and-legislation = නඩු පැවරීම සහ නීති
topic-maritime-and-irregular-movements = සමුද්‍රීය සහ අක්‍රමවත් සංචලනය
topic-interviewing-techniques = සම්මුඛ පරීක්ෂණ ක්‍රම
topic-child-protection = ළමා ආරක්ෂණය
topic-labour-exploitation = ශ්‍රම සූරාකෑම
topic-returns-and-reintegration = ආපසු පැමිණීම සහ නැවත ඒකාබද්ධ කිරීම
topic-protection-and-asylum = ආරක්ෂාව සහ සරණාගතභාවය
topic-information-campaigns = තොරතුරු ව්‍යාපාර
topic-online-child-sexual-exploitation = අන්තර්ජාලය හරහා ළමා ලිංගික සූරාකෑම
topic-training-of-trainers = පුහුණුකරුවන් පුහුණු කිරීම
topic-cybercrime = සයිබර් අපරාධ
topic-drug-law-enforcement = මත්ද්‍රව්‍ය නීතිය ක්‍රියාත්මක කිරීම
topic-counter-terrorism = ත්‍රස්තවාදය මැඩලීම
topic-anti-corruption = දූෂණ විරෝධී
topic-environmental-crime = පාරිසරික අපරාධ
topic-customs-and-trade = රේගුව සහ වෙළඳාම

## Audiences
audience-frontline-border-officials = ඉදිරි පෙළ දේශසීමා නිලධාරීන්
audience-immigration-officers = ආගමන නිලධාරීන්
audience-police-investigators = පොලිස් විමර්ශකයින්
audience-prosecutors-and-judges = නීතිඥවරුන් සහ විනිසුරුවරුන්
audience-policy-makers = ප්‍රතිපත්ති සම්පාදකයින්
audience-social-workers-and-victim-support = සමාජ සේවකයින් සහ වින්දිත සහාය
audience-labour-inspectors = කම්කරු පරීක්ෂකවරුන්
audience-coast-guard-and-maritime = වෙරළාරක්ෂක සහ සමුද්‍රීය නිලධාරීන්
audience-trainers = පුහුණුකරුවන්
audience-consular-officials = කොන්සියුලර් නිලධාරීන්

## Kinds
kind-course = පාඨමාලාව
kind-workshop = වැඩමුළුව
kind-elearning = ඊ-ඉගෙනුම
kind-material = පුහුණු ද්‍රව්‍ය

## Delivery modes
delivery-in-person = මුහුණට මුහුණ
delivery-online = මාර්ගගත
delivery-blended = මිශ්‍ර

## Languages
language-en = ඉංග්‍රීසි
language-th = තායි
language-km = කමර්
language-vi = වියට්නාම
language-id = ඉන්දුනීසියානු
language-ms = මැලේ
language-zh = චීන
language-my = බුරුම
language-lo = ලාඕ
language-si = සිංහල
language-ta = දෙමළ
language-tet = ටෙටම්
language-bn = බෙංගාලි
language-fa = පර්සියානු
language-prs = ඩාරි
language-ps = පෂ්තෝ
language-ur = උර්දු
language-ne = නේපාල
language-hi = හින්දි
language-fil = පිලිපීන
language-tl = ටගාලොග්
language-ja = ජපන්
language-ko = කොරියානු
language-mn = මොංගෝලියානු
language-dv = දිවෙහි
language-tpi = ටොක් පිසින්
language-fj = ෆීජි
language-sm = සැමෝවා
language-to = ටොංගා
language-bi = බිස්ලාමා
language-fr = ප්‍රංශ
language-ar = අරාබි
language-ru = රුසියානු
language-tr = තුර්කි
language-mi = මාඕරි
language-pt = පෘතුගීසි

## Countries of the region
country-AF = ඇෆ්ගනිස්ථානය
country-AU = ඕස්ට්‍රේලියාව
country-BD = බංග්ලාදේශය
country-BT = භූතානය
country-BN = බෲනායි
country-KH = කාම්බෝජය
country-CN = චීනය
country-FJ = ෆීජි
country-HK = හොංකොං
country-IN = ඉන්දියාව
country-ID = ඉන්දුනීසියාව
country-IR = ඉරානය
country-IQ = ඉරාකය
country-JP = ජපානය
country-JO = ජෝර්දානය
country-KI = කිරිබාටි
country-KP = උතුරු කොරියාව
country-KR = දකුණු කොරියාව
country-LA = ලාඕසය
country-MO = මැකාවු
country-MY = මැලේසියාව
country-MV = මාලදිවයින
country-MN = මොංගෝලියාව
country-MM = මියන්මාරය
country-NR = නාවුරු
country-NP = නේපාලය
country-NZ = නවසීලන්තය
country-PK = පාකිස්තානය
country-PW = පලාවු
country-PG = පැපුවා නිව්ගිනියාව
country-PH = පිලිපීනය
country-WS = සැමෝවා
country-SG = සිංගප්පූරුව
country-SB = සොලමන් දූපත්
country-LK = ශ්‍රී ලංකාව
country-SY = සිරියාව
country-TH = තායිලන්තය
country-TL = නැගෙනහිර ටිමෝරය
country-TO = ටොංගා
country-TR = තුර්කිය
country-TV = ටුවාලු
country-AE = එක්සත් අරාබි එමීර් රාජ්‍යය
country-US = ඇමරිකා එක්සත් ජනපදය
country-VU = වනුවාටු
country-VN = වියට්නාමය
country-FR = ප්‍රංශය
country-GB = එක්සත් රාජධානිය
country-CA = කැනඩාව
country-KZ = කසකස්තානය
country-KG = කිර්ගිස්තානය
country-TJ = ටජිකිස්තානය
country-UZ = උස්බෙකිස්තානය
country-TM = තුර්ක්මෙනිස්තානය
