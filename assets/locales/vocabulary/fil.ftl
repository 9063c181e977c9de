# Filipino: names of the catalogue's vocabulary in Filipino.
# Drafted by the catalogue's developers and not yet reviewed by native-speaking
# officials; corrections are welcome (see the About translations page).

## Topics
topic-trafficking-in-persons = Trafiking ng tao
topic-victim-identification-and-protection = Pagkilala at proteksyon ng mga biktima
topic-people-smuggling = Pagpupuslit ng mga migrante
topic-border-management = Pamamahala ng hangganan
topic-document-examination = Pagsusuri ng dokumento
topic-biometrics-and-identity = Biometrics at pagkakakilanlan
topic-law-enforcement-cooperation = Kooperasyon sa pagpapatupad ng batas
topic-information-and-intelligence-sharing = Pagbabahagi ng impormasyon at intelihensiya
topic-financial-investigation = Imbestigasyong pinansyal
topic-prosecution-and-legislation = Pag-uusig at batas
topic-maritime-and-irregular-movements = Paggalaw sa dagat at iregular na paggalaw
topic-interviewing-techniques = Mga pamamaraan ng pakikipanayam
topic-child-protection = Proteksyon ng bata
topic-labour-exploitation = Pagsasamantala sa paggawa
topic-returns-and-reintegration = Pagbabalik at reintegrasyon
topic-protection-and-asylum = Proteksyon at asylum
topic-information-campaigns = Mga kampanya ng impormasyon
topic-online-child-sexual-exploitation = Online na sekswal na pagsasamantala sa mga bata
topic-training-of-trainers = Pagsasanay ng mga tagapagsanay
topic-cybercrime = Cybercrime
topic-drug-law-enforcement = Pagpapatupad ng batas sa droga
topic-counter-terrorism = Kontra-terorismo
topic-anti-corruption = Laban sa katiwalian
topic-environmental-crime = Krimen sa kapaligiran
topic-customs-and-trade = Adwana at kalakalan

## Audiences
audience-frontline-border-officials = Mga opisyal sa unahan ng hangganan
audience-immigration-officers = Mga opisyal ng imigrasyon
audience-police-investigators = Mga imbestigador ng pulisya
audience-prosecutors-and-judges = Mga tagausig at hukom
audience-policy-makers = Mga gumagawa ng patakaran
audience-social-workers-and-victim-support = Mga social worker at tagasuporta ng biktima
audience-labour-inspectors = Mga labor inspector
audience-coast-guard-and-maritime = Tanod-baybayin at mga ahensyang pandagat
audience-trainers = Mga tagapagsanay
audience-consular-officials = Mga opisyal ng konsulado

## Kinds
kind-course = Kurso
kind-workshop = Palihan
kind-elearning = E-learning
kind-material = Materyales sa pagsasanay

## Delivery modes
delivery-in-person = Harapan
delivery-online = Online
delivery-blended = Pinaghalo

## Languages
language-en = Ingles
language-th = Thai
language-km = Khmer
language-vi = Vietnamese
language-id = Indonesian
language-ms = Malay
language-zh = Chinese
language-my = Burmese
language-lo = Lao
language-si = Sinhala
language-ta = Tamil
language-tet = Tetum
language-bn = Bengali
language-fa = Persian
language-prs = Dari
language-ps = Pashto
language-ur = Urdu
language-ne = Nepali
language-hi = Hindi
language-fil = Filipino
language-tl = Tagalog
language-ja = Hapon
language-ko = Koreano
language-mn = Mongolian
language-dv = Dhivehi
language-tpi = Tok Pisin
language-fj = Fijian
language-sm = Samoan
language-to = Tongan
language-bi = Bislama
language-fr = Pranses
language-ar = Arabe
language-ru = Ruso
language-tr = Turko
language-mi = Maori
language-pt = Portuges

## Countries of the region
country-AF = Afghanistan
country-AU = Australia
country-BD = Bangladesh
country-BT = Bhutan
country-BN = Brunei
country-KH = Cambodia
country-CN = Tsina
country-FJ = Fiji
country-HK = Hong Kong
country-IN = India
country-ID = Indonesia
country-IR = Iran
country-IQ = Iraq
country-JP = Hapon
country-JO = Jordan
country-KI = Kiribati
country-KP = Hilagang Korea
country-KR = Timog Korea
country-LA = Laos
country-MO = Macau
country-MY = Malaysia
country-MV = Maldives
country-MN = Mongolia
country-MM = Myanmar
country-NR = Nauru
country-NP = Nepal
country-NZ = New Zealand
country-PK = Pakistan
country-PW = Palau
country-PG = Papua New Guinea
country-PH = Pilipinas
country-WS = Samoa
country-SG = Singapore
country-SB = Solomon Islands
country-LK = Sri Lanka
country-SY = Syria
country-TH = Thailand
country-TL = Timor-Leste
country-TO = Tonga
country-TR = Turkiye
country-TV = Tuvalu
country-AE = United Arab Emirates
country-US = Estados Unidos
country-VU = Vanuatu
country-VN = Vietnam
country-FR = Pransya
country-GB = United Kingdom
country-CA = Canada
country-KZ = Kazakhstan
country-KG = Kyrgyzstan
country-TJ = Tajikistan
country-UZ = Uzbekistan
country-TM = Turkmenistan
