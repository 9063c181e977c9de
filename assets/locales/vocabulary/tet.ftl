# Tetun: names of the catalogue's vocabulary in Tetum.
# Drafted by the catalogue's developers and not yet reviewed by native-speaking
# officials; corrections are welcome (see the About translations page).

## Topics
topic-trafficking-in-persons = Tráfiku ema
topic-victim-identification-and-protection = Identifikasaun no protesaun ba vítima
topic-people-smuggling = Kontrabandu migrante
topic-border-management = Jestaun fronteira
topic-document-examination = Ezame dokumentu
topic-biometrics-and-identity = Biometria no identidade
topic-law-enforcement-cooperation = Kooperasaun aplikasaun lei
topic-information-and-intelligence-sharing = Fahe informasaun no intelijénsia
topic-financial-investigation = Investigasaun finanseira
topic-prosecution-and-legislation = Akuzasaun no lejizlasaun
topic-maritime-and-irregular-movements = Movimentu marítimu no irregulár
topic-interviewing-techniques = Téknika entrevista
topic-child-protection = Protesaun labarik
topic-labour-exploitation = Esplorasaun servisu
topic-returns-and-reintegration = Retornu no reintegrasaun
topic-protection-and-asylum = Protesaun no azilu
topic-information-campaigns = Kampaña informasaun
topic-online-child-sexual-exploitation = Esplorasaun seksuál labarik online
topic-training-of-trainers = Formasaun ba formadór
topic-cybercrime = Krime sibernétiku
topic-drug-law-enforcement = Aplikasaun lei kona-ba droga
topic-counter-terrorism = Kontra-terrorizmu
topic-anti-corruption = Anti-korrupsaun
topic-environmental-crime = Krime ambientál
topic-customs-and-trade = Alfándega no komérsiu

## Audiences
audience-frontline-border-officials = Ofisiál fronteira liña oin
audience-immigration-officers = Ofisiál imigrasaun
audience-police-investigators = Investigadór polísia
audience-prosecutors-and-judges = Prokuradór no juis
audience-policy-makers = Ema ne'ebé halo polítika
audience-social-workers-and-victim-support = Traballadór sosiál no apoiu ba vítima
audience-labour-inspectors = Inspetór servisu
audience-coast-guard-and-maritime = Guarda kosta no marítimu
audience-trainers = Formadór
audience-consular-officials = Ofisiál konsulár

## Kinds
kind-course = Kursu
kind-workshop = Workshop
kind-elearning = E-learning
kind-material = Materiál formasaun

## Delivery modes
delivery-in-person = Prezensiál
delivery-online = Online
delivery-blended = Mistura

## Languages
language-en = Inglés
language-th = Tailandés
language-km = Khmer
language-vi = Vietnamita
language-id = Indonéziu
language-ms = Malaiu
language-zh = Xinés
language-my = Birmanés
language-lo = Lao
language-si = Singalés
language-ta = Tamil
language-tet = Tetun
language-bn = Bengalí
language-fa = Persa
language-prs = Dari
language-ps = Pashto
language-ur = Urdu
language-ne = Nepalés
language-hi = Hindi
language-fil = Filipinu
language-tl = Tagalog
language-ja = Japonés
language-ko = Koreanu
language-mn = Mongól
language-dv = Dhivehi
language-tpi = Tok Pisin
language-fj = Fijianu
language-sm = Samoanu
language-to = Tonganés
language-bi = Bislama
language-fr = Fransés
language-ar = Árabe
language-ru = Rusu
language-tr = Turku
language-mi = Maori
language-pt = Portugés

## Countries of the region
country-AF = Afeganistaun
country-AU = Austrália
country-BD = Bangladexe
country-BT = Butaun
country-BN = Brunei
country-KH = Kamboja
country-CN = Xina
country-FJ = Fiji
country-HK = Hong Kong
country-IN = Índia
country-ID = Indonézia
country-IR = Iraun
country-IQ = Irake
country-JP = Japaun
country-JO = Jordánia
country-KI = Kiribati
country-KP = Koreia Norte
country-KR = Koreia Súl
country-LA = Laos
country-MO = Makau
country-MY = Malázia
country-MV = Maldivas
country-MN = Mongólia
country-MM = Myanmar
country-NR = Nauru
country-NP = Nepál
country-NZ = Nova Zelándia
country-PK = Paquistaun
country-PW = Palau
country-PG = Papua Nova Guiné
country-PH = Filipinas
country-WS = Samoa
country-SG = Singapura
country-SB = Illa Salomaun
country-LK = Sri Lanka
country-SY = Síria
country-TH = Tailándia
country-TL = Timor-Leste
country-TO = Tonga
country-TR = Turkia
country-TV = Tuvalu
country-AE = Emiradu Árabe Unidu
country-US = Estadu Unidu Amérika
country-VU = Vanuatu
country-VN = Vietname
country-FR = Fransa
country-GB = Reinu Unidu
country-CA = Kanadá
country-KZ = Kazakistaun
country-KG = Kirgistaun
country-TJ = Tajikistaun
country-UZ = Uzbekistaun
country-TM = Turkmenistaun
