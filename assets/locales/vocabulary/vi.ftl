# Tiếng Việt: names of the catalogue's vocabulary in Vietnamese.
# Drafted by the catalogue's developers and not yet reviewed by native-speaking
# officials; corrections are welcome (see the About translations page).

## Topics
topic-trafficking-in-persons = Mua bán người
topic-victim-identification-and-protection = Xác định và bảo vệ nạn nhân
topic-people-smuggling = Đưa người di cư trái phép
topic-border-management = Quản lý biên giới
topic-document-examination = Giám định giấy tờ
topic-biometrics-and-identity = Sinh trắc học và danh tính
topic-law-enforcement-cooperation = Hợp tác thực thi pháp luật
topic-information-and-intelligence-sharing = Chia sẻ thông tin và tình báo
topic-financial-investigation = Điều tra tài chính
topic-prosecution-and-legislation = Truy tố và pháp luật
topic-maritime-and-irregular-movements = Di cư bằng đường biển và di chuyển không chính thức
topic-interviewing-techniques = Kỹ năng phỏng vấn
topic-child-protection = Bảo vệ trẻ em
topic-labour-exploitation = Bóc lột lao động
topic-returns-and-reintegration = Hồi hương và tái hòa nhập
topic-protection-and-asylum = Bảo vệ và tị nạn
topic-information-campaigns = Chiến dịch thông tin
topic-online-child-sexual-exploitation = Bóc lột tình dục trẻ em trên mạng
topic-training-of-trainers = Đào tạo giảng viên
topic-cybercrime = Tội phạm mạng
topic-drug-law-enforcement = Thực thi pháp luật về ma túy
topic-counter-terrorism = Chống khủng bố
topic-anti-corruption = Phòng, chống tham nhũng
topic-environmental-crime = Tội phạm môi trường
topic-customs-and-trade = Hải quan và thương mại

## Audiences
audience-frontline-border-officials = Cán bộ biên phòng tuyến đầu
audience-immigration-officers = Cán bộ xuất nhập cảnh
audience-police-investigators = Điều tra viên công an
audience-prosecutors-and-judges = Kiểm sát viên và thẩm phán
audience-policy-makers = Nhà hoạch định chính sách
audience-social-workers-and-victim-support = Nhân viên công tác xã hội và hỗ trợ nạn nhân
audience-labour-inspectors = Thanh tra lao động
audience-coast-guard-and-maritime = Cảnh sát biển và lực lượng hàng hải
audience-trainers = Giảng viên
audience-consular-officials = Cán bộ lãnh sự

## Kinds
kind-course = Khóa học
kind-workshop = Hội thảo
kind-elearning = Học trực tuyến
kind-material = Tài liệu đào tạo

## Delivery modes
delivery-in-person = Trực tiếp
delivery-online = Trực tuyến
delivery-blended = Kết hợp

## Languages
language-en = Tiếng Anh
language-th = Tiếng Thái
language-km = Tiếng Khmer
language-vi = Tiếng Việt
language-id = Tiếng Indonesia
language-ms = Tiếng Mã Lai
language-zh = Tiếng Trung
language-my = Tiếng Miến Điện
language-lo = Tiếng Lào
language-si = Tiếng Sinhala
language-ta = Tiếng Tamil
language-tet = Tiếng Tetum
language-bn = Tiếng Bengal
language-fa = Tiếng Ba Tư
language-prs = Tiếng Dari
language-ps = Tiếng Pashto
language-ur = Tiếng Urdu
language-ne = Tiếng Nepal
language-hi = Tiếng Hindi
language-fil = Tiếng Filipino
language-tl = Tiếng Tagalog
language-ja = Tiếng Nhật
language-ko = Tiếng Hàn
language-mn = Tiếng Mông Cổ
language-dv = Tiếng Dhivehi
language-tpi = Tiếng Tok Pisin
language-fj = Tiếng Fiji
language-sm = Tiếng Samoa
language-to = Tiếng Tonga
language-bi = Tiếng Bislama
language-fr = Tiếng Pháp
language-ar = Tiếng Ả Rập
language-ru = Tiếng Nga
language-tr = Tiếng Thổ Nhĩ Kỳ
language-mi = Tiếng Maori
language-pt = Tiếng Bồ Đào Nha

## Countries of the region
country-AF = Afghanistan
country-AU = Úc
country-BD = Bangladesh
country-BT = Bhutan
country-BN = Brunei
country-KH = Campuchia
country-CN = Trung Quốc
country-FJ = Fiji
country-HK = Hồng Kông
country-IN = Ấn Độ
country-ID = Indonesia
country-IR = Iran
country-IQ = Iraq
country-JP = Nhật Bản
country-JO = Jordan
country-KI = Kiribati
country-KP = Triều Tiên
country-KR = Hàn Quốc
country-LA = Lào
country-MO = Ma Cao
country-MY = Malaysia
country-MV = Maldives
country-MN = Mông Cổ
country-MM = Myanmar
country-NR = Nauru
country-NP = Nepal
country-NZ = New Zealand
country-PK = Pakistan
country-PW = Palau
country-PG = Papua New Guinea
country-PH = Philippines
country-WS = Samoa
country-SG = Singapore
country-SB = Quần đảo Solomon
country-LK = Sri Lanka
country-SY = Syria
country-TH = Thái Lan
country-TL = Timor-Leste
country-TO = Tonga
country-TR = Thổ Nhĩ Kỳ
country-TV = Tuvalu
country-AE = Các Tiểu vương quốc Ả Rập Thống nhất
country-US = Hoa Kỳ
country-VU = Vanuatu
country-VN = Việt Nam
country-FR = Pháp
country-GB = Vương quốc Anh
country-CA = Canada
country-KZ = Kazakhstan
country-KG = Kyrgyzstan
country-TJ = Tajikistan
country-UZ = Uzbekistan
country-TM = Turkmenistan
