# 简体中文: names of the catalogue's vocabulary in Simplified Chinese.
# Drafted by the catalogue's developers and not yet reviewed by native-speaking
# officials; corrections are welcome (see the About translations page).

## Topics
topic-trafficking-in-persons = 人口贩运
topic-victim-identification-and-protection = 受害人识别与保护
topic-people-smuggling = 偷运移民
topic-border-management = 边境管理
topic-document-examination = 证件检验
topic-biometrics-and-identity = 生物识别与身份
topic-law-enforcement-cooperation = 执法合作
topic-information-and-intelligence-sharing = 信息与情报共享
topic-financial-investigation = 金融调查
topic-prosecution-and-legislation = 起诉与立法
topic-maritime-and-irregular-movements = 海上与非正常流动
topic-interviewing-techniques = 询问技巧
topic-child-protection = 儿童保护
topic-labour-exploitation = 劳动剥削
topic-returns-and-reintegration = 遣返与重新融入
topic-protection-and-asylum = 保护与庇护
topic-information-campaigns = 宣传活动
topic-online-child-sexual-exploitation = 网络儿童性剥削
topic-training-of-trainers = 培训师培训
topic-cybercrime = 网络犯罪
topic-drug-law-enforcement = 禁毒执法
topic-counter-terrorism = 反恐怖主义
topic-anti-corruption = 反腐败
topic-environmental-crime = 环境犯罪
topic-customs-and-trade = 海关与贸易

## Audiences
audience-frontline-border-officials = 一线边境官员
audience-immigration-officers = 移民管理官员
audience-police-investigators = 警察侦查人员
audience-prosecutors-and-judges = 检察官与法官
audience-policy-makers = 政策制定者
audience-social-workers-and-victim-support = 社会工作者与受害人援助人员
audience-labour-inspectors = 劳动监察员
audience-coast-guard-and-maritime = 海警与海事人员
audience-trainers = 培训师
audience-consular-officials = 领事官员

## Kinds
kind-course = 课程
kind-workshop = 研讨会
kind-elearning = 在线学习
kind-material = 培训材料

## Delivery modes
delivery-in-person = 面授
delivery-online = 在线
delivery-blended = 混合式

## Languages
language-en = 英语
language-th = 泰语
language-km = 高棉语
language-vi = 越南语
language-id = 印度尼西亚语
language-ms = 马来语
language-zh = 中文
language-my = 缅甸语
language-lo = 老挝语
language-si = 僧伽罗语
language-ta = 泰米尔语
language-tet = 德顿语
language-bn = 孟加拉语
language-fa = 波斯语
language-prs = 达利语
language-ps = 普什图语
language-ur = 乌尔都语
language-ne = 尼泊尔语
language-hi = 印地语
language-fil = 菲律宾语
language-tl = 他加禄语
language-ja = 日语
language-ko = 韩语
language-mn = 蒙古语
language-dv = 迪维希语
language-tpi = 托克皮辛语
language-fj = 斐济语
language-sm = 萨摩亚语
language-to = 汤加语
language-bi = 比斯拉马语
language-fr = 法语
language-ar = 阿拉伯语
language-ru = 俄语
language-tr = 土耳其语
language-mi = 毛利语
language-pt = 葡萄牙语

## Countries of the region
country-AF = 阿富汗
country-AU = 澳大利亚
country-BD = 孟加拉国
country-BT = 不丹
country-BN = 文莱
country-KH = 柬埔寨
country-CN = 中国
country-FJ = 斐济
country-HK = 中国香港
country-IN = 印度
country-ID = 印度尼西亚
country-IR = 伊朗
country-IQ = 伊拉克
country-JP = 日本
country-JO = 约旦
country-KI = 基里巴斯
country-KP = 朝鲜
country-KR = 韩国
country-LA = 老挝
country-MO = 中国澳门
country-MY = 马来西亚
country-MV = 马尔代夫
country-MN = 蒙古
country-MM = 缅甸
country-NR = 瑙鲁
country-NP = 尼泊尔
country-NZ = 新西兰
country-PK = 巴基斯坦
country-PW = 帕劳
country-PG = 巴布亚新几内亚
country-PH = 菲律宾
country-WS = 萨摩亚
country-SG = 新加坡
country-SB = 所罗门群岛
country-LK = 斯里兰卡
country-SY = 叙利亚
country-TH = 泰国
country-TL = 东帝汶
country-TO = 汤加
country-TR = 土耳其
country-TV = 图瓦卢
country-AE = 阿拉伯联合酋长国
country-US = 美国
country-VU = 瓦努阿图
country-VN = 越南
country-FR = 法国
country-GB = 英国
country-CA = 加拿大
country-KZ = 哈萨克斯坦
country-KG = 吉尔吉斯斯坦
country-TJ = 塔吉克斯坦
country-UZ = 乌兹别克斯坦
country-TM = 土库曼斯坦
