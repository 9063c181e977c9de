# 한국어: names of the catalogue's vocabulary in Korean.
# Drafted by the catalogue's developers and not yet reviewed by native-speaking
# officials; corrections are welcome (see the About translations page).

## Topics
topic-trafficking-in-persons = 인신매매
topic-victim-identification-and-protection = 피해자 식별 및 보호
topic-people-smuggling = 이주민 밀입국 알선
topic-border-management = 국경 관리
topic-document-examination = 문서 감식
topic-biometrics-and-identity = 생체인식 및 신원
topic-law-enforcement-cooperation = 법집행 협력
topic-information-and-intelligence-sharing = 정보 및 첩보 공유
topic-financial-investigation = 금융수사
topic-prosecution-and-legislation = 기소 및 입법
topic-maritime-and-irregular-movements = 해상 및 비정규 이동
topic-interviewing-techniques = 면담 기법
topic-child-protection = 아동 보호
topic-labour-exploitation = 노동 착취
topic-returns-and-reintegration = 귀환 및 재통합
topic-protection-and-asylum = 보호 및 비호
topic-information-campaigns = 정보 캠페인
topic-online-child-sexual-exploitation = 온라인 아동 성착취
topic-training-of-trainers = 강사 양성 교육
topic-cybercrime = 사이버범죄
topic-drug-law-enforcement = 마약 단속
topic-counter-terrorism = 대테러
topic-anti-corruption = 반부패
topic-environmental-crime = 환경범죄
topic-customs-and-trade = 세관 및 무역

## Audiences
audience-frontline-border-officials = 일선 국경 공무원
audience-immigration-officers = 출입국관리 공무원
audience-police-investigators = 경찰 수사관
audience-prosecutors-and-judges = 검사 및 판사
audience-policy-makers = 정책 입안자
audience-social-workers-and-victim-support = 사회복지사 및 피해자 지원 인력
audience-labour-inspectors = 근로감독관
audience-coast-guard-and-maritime = 해양경찰 및 해양 기관
audience-trainers = 강사
audience-consular-officials = 영사 공무원

## Kinds
kind-course = 교육과정
kind-workshop = 워크숍
kind-elearning = 이러닝
kind-material = 교육 자료

## Delivery modes
delivery-in-person = 대면
delivery-online = 온라인
delivery-blended = 혼합형

## Languages
language-en = 영어
language-th = 태국어
language-km = 크메르어
language-vi = 베트남어
language-id = 인도네시아어
language-ms = 말레이어
language-zh = 중국어
language-my = 미얀마어
language-lo = 라오어
language-si = 싱할라어
language-ta = 타밀어
language-tet = 테툼어
language-bn = 벵골어
language-fa = 페르시아어
language-prs = 다리어
language-ps = 파슈토어
language-ur = 우르두어
language-ne = 네팔어
language-hi = 힌디어
language-fil = 필리핀어
language-tl = 타갈로그어
language-ja = 일본어
language-ko = 한국어
language-mn = 몽골어
language-dv = 디베히어
language-tpi = 톡피신어
language-fj = 피지어
language-sm = 사모아어
language-to = 통가어
language-bi = 비슬라마어
language-fr = 프랑스어
language-ar = 아랍어
language-ru = 러시아어
language-tr = 튀르키예어
language-mi = 마오리어
language-pt = 포르투갈어

## Countries of the region
country-AF = 아프가니스탄
country-AU = 호주
country-BD = 방글라데시
country-BT = 부탄
country-BN = 브루나이
country-KH = 캄보디아
country-CN = 중국
country-FJ = 피지
country-HK = 홍콩
country-IN = 인도
country-ID = 인도네시아
country-IR = 이란
country-IQ = 이라크
country-JP = 일본
country-JO = 요르단
country-KI = 키리바시
country-KP = 북한
country-KR = 대한민국
country-LA = 라오스
country-MO = 마카오
country-MY = 말레이시아
country-MV = 몰디브
country-MN = 몽골
country-MM = 미얀마
country-NR = 나우루
country-NP = 네팔
country-NZ = 뉴질랜드
country-PK = 파키스탄
country-PW = 팔라우
country-PG = 파푸아뉴기니
country-PH = 필리핀
country-WS = 사모아
country-SG = 싱가포르
country-SB = 솔로몬 제도
country-LK = 스리랑카
country-SY = 시리아
country-TH = 태국
country-TL = 동티모르
country-TO = 통가
country-TR = 튀르키예
country-TV = 투발루
country-AE = 아랍에미리트
country-US = 미국
country-VU = 바누아투
country-VN = 베트남
country-FR = 프랑스
country-GB = 영국
country-CA = 캐나다
country-KZ = 카자흐스탄
country-KG = 키르기스스탄
country-TJ = 타지키스탄
country-UZ = 우즈베키스탄
country-TM = 투르크메니스탄
