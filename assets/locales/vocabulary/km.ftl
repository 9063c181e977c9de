# ភាសាខ្មែរ: names of the catalogue's vocabulary in Khmer.
# Drafted by the catalogue's developers and not yet reviewed by native-speaking
# officials; corrections are welcome (see the About translations page).

## Topics
topic-trafficking-in-persons = ការជួញដូរមនុស្ស
topic-victim-identification-and-protection = ការកំណត់អត្តសញ្ញាណ និងការការពារជនរងគ្រោះ
topic-people-smuggling = ការរត់ពន្ធជនចំណាកស្រុក
topic-border-management = ការគ្រប់គ្រងព្រំដែន
topic-document-examination = ការត្រួតពិនិត្យឯកសារ
topic-biometrics-and-identity = ជីវមាត្រ និងអត្តសញ្ញាណ
topic-law-enforcement-cooperation = កិច្ចសហប្រតិបត្តិការអនុវត្តច្បាប់
topic-information-and-intelligence-sharing = ការចែករំលែកព័ត៌មាន និងព័ត៌មានស៊ើបការណ៍
topic-financial-investigation = ការស៊ើបអង្កេតហិរញ្ញវត្ថុ
topic-prosecution-and-legislation = ការចោទប្រកាន់ និងច្បាប់
topic-maritime-and-irregular-movements = ចលនាតាមសមុទ្រ និងចលនាមិនប្រក្រតី
topic-interviewing-techniques = បច្ចេកទេសសម្ភាសន៍
topic-child-protection = ការការពារកុមារ
topic-labour-exploitation = ការកេងប្រវ័ញ្ចកម្លាំងពលកម្ម
topic-returns-and-reintegration = ការវិលត្រឡប់ និងសមាហរណកម្មឡើងវិញ
topic-protection-and-asylum = ការការពារ និងសិទ្ធិជ្រកកោន
topic-information-campaigns = យុទ្ធនាការផ្សព្វផ្សាយព័ត៌មាន
topic-online-child-sexual-exploitation = ការកេងប្រវ័ញ្ចផ្លូវភេទលើកុមារតាមអនឡាញ
topic-training-of-trainers = ការបណ្តុះបណ្តាលគ្រូបង្គោល
topic-cybercrime = ឧក្រិដ្ឋកម្មតាមប្រព័ន្ធបច្ចេកវិទ្យា
topic-drug-law-enforcement = ការអនុវត្តច្បាប់លើគ្រឿងញៀន
topic-counter-terrorism = ការប្រឆាំងភេរវកម្ម
topic-anti-corruption = ការប្រឆាំងអំពើពុករលួយ
topic-environmental-crime = ឧក្រិដ្ឋកម្មបរិស្ថាន
topic-customs-and-trade = គយ និងពាណិជ្ជកម្ម

## Audiences
audience-frontline-border-officials = មន្ត្រីព្រំដែនជួរមុខ
audience-immigration-officers = មន្ត្រីអន្តោប្រវេសន៍
audience-police-investigators = អ្នកស៊ើបអង្កេតនគរបាល
audience-prosecutors-and-judges = ព្រះរាជអាជ្ញា និងចៅក្រម
audience-policy-makers = អ្នកធ្វើគោលនយោបាយ
audience-social-workers-and-victim-support = បុគ្គលិកសង្គមកិច្ច និងអ្នកគាំទ្រជនរងគ្រោះ
audience-labour-inspectors = អធិការការងារ
audience-coast-guard-and-maritime = ឆ្មាំឆ្នេរ និងមន្ត្រីដែនសមុទ្រ
audience-trainers = គ្រូបណ្តុះបណ្តាល
audience-consular-officials = មន្ត្រីកុងស៊ុល

## Kinds
kind-course = វគ្គសិក្សា
kind-workshop = សិក្ខាសាលា
kind-elearning = ការរៀនតាមអនឡាញ
kind-material = ឯកសារបណ្តុះបណ្តាល

## Delivery modes
delivery-in-person = ផ្ទាល់
delivery-online = អនឡាញ
delivery-blended = ចម្រុះ

## Languages
language-en = អង់គ្លេស
language-th = ថៃ
language-km = ខ្មែរ
language-vi = វៀតណាម
language-id = ឥណ្ឌូណេស៊ី
language-ms = ម៉ាឡេ
language-zh = ចិន
language-my = ភូមា
language-lo = ឡាវ
language-si = ស៊ីនហាឡា
language-ta = តាមីល
language-tet = តេទុំ
language-bn = បង់ក្លាដែស
language-fa = ពែរ្ស
language-prs = ដារី
language-ps = ប៉ាស្តូ
language-ur = អ៊ូរឌូ
language-ne = នេប៉ាល់
language-hi = ហិណ្ឌី
language-fil = ហ្វីលីពីន
language-tl = តាកាឡុក
language-ja = ជប៉ុន
language-ko = កូរ៉េ
language-mn = ម៉ុងហ្គោលី
language-dv = ឌីវេហ៊ី
language-tpi = តុកពីស៊ីន
language-fj = ហ្វីជី
language-sm = សាម័រ
language-to = តុងហ្គា
language-bi = ប៊ីស្លាម៉ា
language-fr = បារាំង
language-ar = អារ៉ាប់
language-ru = រុស្ស៊ី
language-tr = ទួរគី
language-mi = ម៉ៅរី
language-pt = ព័រទុយហ្គាល់

## Countries of the region
country-AF = អាហ្វហ្គានីស្ថាន
country-AU = អូស្ត្រាលី
country-BD = បង់ក្លាដែស
country-BT = ប៊ូតង់
country-BN = ព្រុយណេ
country-KH = កម្ពុជា
country-CN = ចិន
country-FJ = ហ្វីជី
country-HK = ហុងកុង
country-IN = ឥណ្ឌា
country-ID = ឥណ្ឌូណេស៊ី
country-IR = អ៊ីរ៉ង់
country-IQ = អ៊ីរ៉ាក់
country-JP = ជប៉ុន
country-JO = ហ្ស៊កដានី
country-KI = គិរីបាទី
country-KP = កូរ៉េខាងជើង
country-KR = កូរ៉េខាងត្បូង
country-LA = ឡាវ
country-MO = ម៉ាកាវ
country-MY = ម៉ាឡេស៊ី
country-MV = ម៉ាល់ឌីវ
country-MN = ម៉ុងហ្គោលី
country-MM = មីយ៉ាន់ម៉ា
country-NR = ណូរូ
country-NP = នេប៉ាល់
country-NZ = នូវែលសេឡង់
country-PK = ប៉ាគីស្ថាន
country-PW = ប៉ាឡៅ
country-PG = ប៉ាពួញូហ្គីណេ
country-PH = ហ្វីលីពីន
country-WS = សាម័រ
country-SG = សិង្ហបុរី
country-SB = កោះសាឡូម៉ូន
country-LK = ស្រីលង្កា
country-SY = ស៊ីរី
country-TH = ថៃ
country-TL = ទីម័រខាងកើត
country-TO = តុងហ្គា
country-TR = ទួរគី
country-TV = ទូវ៉ាលូ
country-AE = អេមីរ៉ាតអារ៉ាប់រួម
country-US = សហរដ្ឋអាមេរិក
country-VU = វ៉ានូទូ
country-VN = វៀតណាម
country-FR = បារាំង
country-GB = ចក្រភពអង់គ្លេស
country-CA = កាណាដា
country-KZ = កាហ្សាក់ស្ថាន
country-KG = កៀហ្ស៊ីស៊ីស្ថាន
country-TJ = តាជីគីស្ថាន
country-UZ = អ៊ូសបេគីស្ថាន
country-TM = តួកម៉េនីស្ថាន
