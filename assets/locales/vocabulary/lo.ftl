# ພາສາລາວ: names of the catalogue's vocabulary in Lao.
# Drafted by the catalogue's developers and not yet reviewed by native-speaking
# officials; corrections are welcome (see the About translations page).

## Topics
topic-trafficking-in-persons = ການຄ້າມະນຸດ
topic-victim-identification-and-protection = ການກຳນົດ ແລະ ປົກປ້ອງຜູ້ເຄາະຮ້າຍ
topic-people-smuggling = ການລັກລອບຂົນຄົນເຂົ້າເມືອງ
topic-border-management = ການຄຸ້ມຄອງຊາຍແດນ
topic-document-examination = ການກວດກາເອກະສານ
topic-biometrics-and-identity = ຊີວະມິຕິ ແລະ ຕົວຕົນ
topic-law-enforcement-cooperation = ການຮ່ວມມືດ້ານການບັງຄັບໃຊ້ກົດໝາຍ
topic-information-and-intelligence-sharing = ການແລກປ່ຽນຂໍ້ມູນ ແລະ ຂ່າວກອງ
topic-financial-investigation = ການສືບສວນທາງການເງິນ
topic-prosecution-and-legislation = ການດຳເນີນຄະດີ ແລະ ນິຕິກຳ
topic-maritime-and-irregular-movements = ການເຄື່ອນຍ້າຍທາງທະເລ ແລະ ແບບບໍ່ປົກກະຕິ
topic-interviewing-techniques = ເຕັກນິກການສຳພາດ
topic-child-protection = ການປົກປ້ອງເດັກ
topic-labour-exploitation = ການຂູດຮີດແຮງງານ
topic-returns-and-reintegration = ການສົ່ງກັບ ແລະ ການເຊື່ອມໂຍງຄືນສູ່ສັງຄົມ
topic-protection-and-asylum = ການປົກປ້ອງ ແລະ ການລີ້ໄພ
topic-information-campaigns = ການໂຄສະນາເຜີຍແຜ່ຂໍ້ມູນ
topic-online-child-sexual-exploitation = ການຂູດຮີດທາງເພດຕໍ່ເດັກທາງອອນລາຍ
topic-training-of-trainers = ການຝຶກອົບຮົມຄູຝຶກ
topic-cybercrime = ອາຊະຍາກຳທາງໄຊເບີ
topic-drug-law-enforcement = ການບັງຄັບໃຊ້ກົດໝາຍກ່ຽວກັບຢາເສບຕິດ
topic-counter-terrorism = ການຕ້ານການກໍ່ການຮ້າຍ
topic-anti-corruption = ການຕ້ານການສໍ້ລາດບັງຫຼວງ
topic-environmental-crime = ອາຊະຍາກຳດ້ານສິ່ງແວດລ້ອມ
topic-customs-and-trade = ພາສີ ແລະ ການຄ້າ

## Audiences
audience-frontline-border-officials = ເຈົ້າໜ້າທີ່ຊາຍແດນແຖວໜ້າ
audience-immigration-officers = ເຈົ້າໜ້າທີ່ກວດຄົນເຂົ້າເມືອງ
audience-police-investigators = ເຈົ້າໜ້າທີ່ສືບສວນຕຳຫຼວດ
audience-prosecutors-and-judges = ໄອຍະການ ແລະ ຜູ້ພິພາກສາ
audience-policy-makers = ຜູ້ກຳນົດນະໂຍບາຍ
audience-social-workers-and-victim-support = ພະນັກງານສັງຄົມສົງເຄາະ ແລະ ຜູ້ຊ່ວຍເຫຼືອຜູ້ເຄາະຮ້າຍ
audience-labour-inspectors = ເຈົ້າໜ້າທີ່ກວດກາແຮງງານ
audience-coast-guard-and-maritime = ຕຳຫຼວດນ້ຳ ແລະ ເຈົ້າໜ້າທີ່ທາງທະເລ
audience-trainers = ຄູຝຶກ
audience-consular-officials = ເຈົ້າໜ້າທີ່ກົງສຸນ

## Kinds
kind-course = ຫຼັກສູດ
kind-workshop = ກອງປະຊຸມສຳມະນາ
kind-elearning = ການຮຽນອອນລາຍ
kind-material = ເອກະສານຝຶກອົບຮົມ

## Delivery modes
delivery-in-person = ແບບພົບປະ
delivery-online = ອອນລາຍ
delivery-blended = ແບບປະສົມປະສານ

## Languages
language-en = ອັງກິດ
language-th = ໄທ
language-km = ຂະເໝນ
language-vi = ຫວຽດນາມ
language-id = ອິນໂດເນເຊຍ
language-ms = ມາເລ
language-zh = ຈີນ
language-my = ມຽນມາ
language-lo = ລາວ
language-si = ສິງຫາລາ
language-ta = ທະມິນ
language-tet = ເຕຕຸມ
language-bn = ເບັງການີ
language-fa = ເປີເຊຍ
language-prs = ດາຣີ
language-ps = ປາຊໂຕ
language-ur = ອູຣດູ
language-ne = ເນປານ
language-hi = ຮິນດີ
language-fil = ຟີລິບປິນ
language-tl = ຕາກາລ໋ອກ
language-ja = ຍີ່ປຸ່ນ
language-ko = ເກົາຫຼີ
language-mn = ມົງໂກລີ
language-dv = ດີເວຮີ
language-tpi = ທອກພິຊິນ
language-fj = ຟີຈີ
language-sm = ຊາມົວ
language-to = ຕົງກາ
language-bi = ບິດສລາມາ
language-fr = ຝຣັ່ງ
language-ar = ອາຣັບ
language-ru = ຣັດເຊຍ
language-tr = ຕວກກີ
language-mi = ເມົາຣີ
language-pt = ປອກຕຸຍການ

## Countries of the region
country-AF = ອັຟການິສຖານ
country-AU = ອົດສະຕຣາລີ
country-BD = ບັງກລາເທດ
country-BT = ພູຖານ
country-BN = ບຣູໄນ
country-KH = ກຳປູເຈຍ
country-CN = ຈີນ
country-FJ = ຟີຈີ
country-HK = ຮົງກົງ
country-IN = ອິນເດຍ
country-ID = ອິນໂດເນເຊຍ
country-IR = ອີຣານ
country-IQ = ອີຣັກ
country-JP = ຍີ່ປຸ່ນ
country-JO = ຈໍແດນ
country-KI = ຄີຣິບາຕີ
country-KP = ເກົາຫຼີເໜືອ
country-KR = ເກົາຫຼີໃຕ້
country-LA = ລາວ
country-MO = ມາເກົ໊າ
country-MY = ມາເລເຊຍ
country-MV = ມັນດີຟ
country-MN = ມົງໂກລີ
country-MM = ມຽນມາ
country-NR = ນາອູຣູ
country-NP = ເນປານ
country-NZ = ນິວຊີແລນ
country-PK = ປາກີສຖານ
country-PW = ປາເລົາ
country-PG = ປາປົວນິວກີນີ
country-PH = ຟີລິບປິນ
country-WS = ຊາມົວ
country-SG = ສິງກະໂປ
country-SB = ໝູ່ເກາະໂຊໂລມອນ
country-LK = ສີລັງກາ
country-SY = ຊີເຣຍ
country-TH = ໄທ
country-TL = ຕີມໍ-ເລສເຕ
country-TO = ຕົງກາ
country-TR = ຕວກກີ
country-TV = ຕູວາລູ
country-AE = ສະຫະລັດອາຣັບເອມິເຣດ
country-US = ສະຫະລັດອາເມລິກາ
country-VU = ວານູອາຕູ
country-VN = ຫວຽດນາມ
country-FR = ຝຣັ່ງ
country-GB = ສະຫະລາຊະອານາຈັກ
country-CA = ການາດາ
country-KZ = ກາຊັກສະຖານ
country-KG = ກີຣກີຊສະຖານ
country-TJ = ທາຈິກິສະຖານ
country-UZ = ອຸສເບກິສະຖານ
country-TM = ເທີກເມນິສະຖານ
