# Bahasa Melayu: names of the catalogue's vocabulary in Malay.
# Drafted by the catalogue's developers and not yet reviewed by native-speaking
# officials; corrections are welcome (see the About translations page).

## Topics
topic-trafficking-in-persons = Pemerdagangan orang
topic-victim-identification-and-protection = Pengenalpastian dan perlindungan mangsa
topic-people-smuggling = Penyeludupan migran
topic-border-management = Pengurusan sempadan
topic-document-examination = Pemeriksaan dokumen
topic-biometrics-and-identity = Biometrik dan identiti
topic-law-enforcement-cooperation = Kerjasama penguatkuasaan undang-undang
topic-information-and-intelligence-sharing = Perkongsian maklumat dan perisikan
topic-financial-investigation = Penyiasatan kewangan
topic-prosecution-and-legislation = Pendakwaan dan perundangan
topic-maritime-and-irregular-movements = Pergerakan maritim dan tidak teratur
topic-interviewing-techniques = Teknik temu bual
topic-child-protection = Perlindungan kanak-kanak
topic-labour-exploitation = Eksploitasi buruh
topic-returns-and-reintegration = Penghantaran pulang dan integrasi semula
topic-protection-and-asylum = Perlindungan dan suaka
topic-information-campaigns = Kempen maklumat
topic-online-child-sexual-exploitation = Eksploitasi seksual kanak-kanak dalam talian
topic-training-of-trainers = Latihan untuk jurulatih
topic-cybercrime = Jenayah siber
topic-drug-law-enforcement = Penguatkuasaan undang-undang dadah
topic-counter-terrorism = Pencegahan keganasan
topic-anti-corruption = Pencegahan rasuah
topic-environmental-crime = Jenayah alam sekitar
topic-customs-and-trade = Kastam dan perdagangan

## Audiences
audience-frontline-border-officials = Pegawai sempadan barisan hadapan
audience-immigration-officers = Pegawai imigresen
audience-police-investigators = Pegawai penyiasat polis
audience-prosecutors-and-judges = Pendakwa raya dan hakim
audience-policy-makers = Penggubal dasar
audience-social-workers-and-victim-support = Pekerja sosial dan sokongan mangsa
audience-labour-inspectors = Pegawai pemeriksa buruh
audience-coast-guard-and-maritime = Pengawal pantai dan maritim
audience-trainers = Jurulatih
audience-consular-officials = Pegawai konsular

## Kinds
kind-course = Kursus
kind-workshop = Bengkel
kind-elearning = E-pembelajaran
kind-material = Bahan latihan

## Delivery modes
delivery-in-person = Bersemuka
delivery-online = Dalam talian
delivery-blended = Teradun

## Languages
language-en = Bahasa Inggeris
language-th = Bahasa Thai
language-km = Bahasa Khmer
language-vi = Bahasa Vietnam
language-id = Bahasa Indonesia
language-ms = Bahasa Melayu
language-zh = Bahasa Cina
language-my = Bahasa Myanmar
language-lo = Bahasa Lao
language-si = Bahasa Sinhala
language-ta = Bahasa Tamil
language-tet = Bahasa Tetum
language-bn = Bahasa Bengali
language-fa = Bahasa Parsi
language-prs = Bahasa Dari
language-ps = Bahasa Pashto
language-ur = Bahasa Urdu
language-ne = Bahasa Nepal
language-hi = Bahasa Hindi
language-fil = Bahasa Filipino
language-tl = Bahasa Tagalog
language-ja = Bahasa Jepun
language-ko = Bahasa Korea
language-mn = Bahasa Mongolia
language-dv = Bahasa Dhivehi
language-tpi = Bahasa Tok Pisin
language-fj = Bahasa Fiji
language-sm = Bahasa Samoa
language-to = Bahasa Tonga
language-bi = Bahasa Bislama
language-fr = Bahasa Perancis
language-ar = Bahasa Arab
language-ru = Bahasa Rusia
language-tr = Bahasa Turki
language-mi = Bahasa Maori
language-pt = Bahasa Portugis

## Countries of the region
country-AF = Afghanistan
country-AU = Australia
country-BD = Bangladesh
country-BT = Bhutan
country-BN = Brunei Darussalam
country-KH = Kemboja
country-CN = China
country-FJ = Fiji
country-HK = Hong Kong
country-IN = India
country-ID = Indonesia
country-IR = Iran
country-IQ = Iraq
country-JP = Jepun
country-JO = Jordan
country-KI = Kiribati
country-KP = Korea Utara
country-KR = Korea Selatan
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
country-PH = Filipina
country-WS = Samoa
country-SG = Singapura
country-SB = Kepulauan Solomon
country-LK = Sri Lanka
country-SY = Syria
country-TH = Thailand
country-TL = Timor-Leste
country-TO = Tonga
country-TR = Turkiye
country-TV = Tuvalu
country-AE = Emiriah Arab Bersatu
country-US = Amerika Syarikat
country-VU = Vanuatu
country-VN = Vietnam
country-FR = Perancis
country-GB = United Kingdom
country-CA = Kanada
country-KZ = Kazakhstan
country-KG = Kyrgyzstan
country-TJ = Tajikistan
country-UZ = Uzbekistan
country-TM = Turkmenistan
