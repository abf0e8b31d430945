#!/usr/bin/env python3
"""Generates src/main/resources/seed/registry.json: a varied national registry with the awkward cases documented in
national-systems/README.md. Deterministic (fixed random seed). Certificate numbers carry correct check characters
(GB 11643 resident IDs, GB 32100 unified social credit codes, GB 11714 organization codes); RegistrySeedTest checks
every one of them. Run: python3 national-systems/tools/generate_seed.py"""
import json, os, random

random.seed(20261123)
ID_W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
USCC_A = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_W = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
ORG_W = [3, 7, 9, 10, 5, 8, 4, 2]

def rid(region, birth, seq):
    s = region + birth + "%03d" % seq
    return s + "10X98765432"[sum(int(c) * w for c, w in zip(s, ID_W)) % 11]

def org(body):
    v = lambda c: int(c) if c.isdigit() else ord(c) - 55
    c = 11 - sum(v(ch) * w for ch, w in zip(body, ORG_W)) % 11
    return body + ("X" if c == 10 else "0" if c == 11 else str(c))

def uscc(authority, kind, region, body):
    s = authority + kind + region + org(body)
    c = 31 - sum(USCC_A.index(ch) * w for ch, w in zip(s, USCC_W)) % 31
    return s + USCC_A[0 if c == 31 else c]

PROV = {  # enum, code, abbreviation, region suffix
    "BEIJING": ("11", "京"), "TIANJIN": ("12", "津"), "HEBEI": ("13", "冀"), "SHANXI": ("14", "晋"),
    "INNER_MONGOLIA": ("15", "蒙"), "LIAONING": ("21", "辽"), "JILIN": ("22", "吉"), "HEILONGJIANG": ("23", "黑"),
    "SHANGHAI": ("31", "沪"), "JIANGSU": ("32", "苏"), "ZHEJIANG": ("33", "浙"), "ANHUI": ("34", "皖"),
    "FUJIAN": ("35", "闽"), "JIANGXI": ("36", "赣"), "SHANDONG": ("37", "鲁"), "HENAN": ("41", "豫"),
    "HUBEI": ("42", "鄂"), "HUNAN": ("43", "湘"), "GUANGDONG": ("44", "粤"), "GUANGXI": ("45", "桂"),
    "HAINAN": ("46", "琼"), "CHONGQING": ("50", "渝"), "SICHUAN": ("51", "川"), "GUIZHOU": ("52", "贵"),
    "YUNNAN": ("53", "云"), "TIBET": ("54", "藏"), "SHAANXI": ("61", "陕"), "GANSU": ("62", "甘"),
    "QINGHAI": ("63", "青"), "NINGXIA": ("64", "宁"), "XINJIANG": ("65", "新"),
}
PINYIN_SURNAMES = [("王", "wang"), ("李", "li"), ("张", "zhang"), ("刘", "liu"), ("陈", "chen"), ("杨", "yang"),
                   ("黄", "huang"), ("赵", "zhao"), ("吴", "wu"), ("周", "zhou"), ("徐", "xu"), ("孙", "sun"),
                   ("马", "ma"), ("朱", "zhu"), ("胡", "hu"), ("郭", "guo"), ("何", "he"), ("高", "gao"),
                   ("林", "lin"), ("罗", "luo")]
GIVEN = [("伟", "wei"), ("芳", "fang"), ("娜", "na"), ("敏", "min"), ("静", "jing"), ("磊", "lei"), ("洋", "yang"),
         ("艳", "yan"), ("勇", "yong"), ("军", "jun"), ("杰", "jie"), ("涛", "tao"), ("明", "ming"), ("超", "chao"),
         ("秀英", "xiuying"), ("建华", "jianhua"), ("晓东", "xiaodong"), ("海燕", "haiyan"), ("志强", "zhiqiang"),
         ("丽娟", "lijuan")]
UNIT_WORDS = [("星河", "xinghe"), ("云帆", "yunfan"), ("青禾", "qinghe"), ("远山", "yuanshan"), ("蓝鲸", "lanjing"),
              ("拾光", "shiguang"), ("知行", "zhixing"), ("鼎盛", "dingsheng"), ("同创", "tongchuang"),
              ("瑞丰", "ruifeng"), ("天工", "tiangong"), ("嘉禾", "jiahe"), ("南风", "nanfeng"), ("北辰", "beichen"),
              ("凌云", "lingyun"), ("海川", "haichuan"), ("松柏", "songbai"), ("启明", "qiming")]
CITY = {"BEIJING": "北京", "SHANGHAI": "上海", "GUANGDONG": "深圳", "ZHEJIANG": "杭州", "JIANGSU": "南京",
        "SICHUAN": "成都", "HUBEI": "武汉", "SHANDONG": "济南", "FUJIAN": "厦门", "HUNAN": "长沙", "HENAN": "郑州",
        "SHAANXI": "西安", "CHONGQING": "重庆", "TIANJIN": "天津", "ANHUI": "合肥", "YUNNAN": "昆明",
        "GUANGXI": "南宁", "HAINAN": "海口", "XINJIANG": "乌鲁木齐", "GANSU": "兰州", "NINGXIA": "银川",
        "QINGHAI": "西宁", "TIBET": "拉萨", "HEILONGJIANG": "哈尔滨", "INNER_MONGOLIA": "呼和浩特", "SHANXI": "太原",
        "LIAONING": "沈阳", "JILIN": "长春", "HEBEI": "石家庄", "JIANGXI": "南昌", "GUIZHOU": "贵阳"}
PROVIDERS = ["BEIAN", "ALIYUN", "TENCENT_CLOUD", "HUAWEI_CLOUD", "WEST_CN"]
REGISTRARS = ["阿里云计算有限公司（万网）", "腾讯云计算（北京）有限责任公司", "厦门三五互联科技股份有限公司",
              "成都西维数码科技有限公司", "北京新网数码信息技术有限公司", "华为云计算技术有限公司"]
SUFFIXES = [".cn", ".com", ".com.cn", ".net", ".top", ".xyz", ".org.cn"]

used_numbers, used_domains = set(), set()
mobile_seq = [0]

def number(prov):
    while True:
        n = PROV[prov][1] + "ICP备%08d号" % random.randint(10000000, 26999999)
        if n not in used_numbers:
            used_numbers.add(n)
            return n

def mobile():
    mobile_seq[0] += 1
    return "139%08d" % (10000000 + mobile_seq[0] * 7919 % 90000000)

def domain(stem):
    for s in SUFFIXES:
        d = stem + s
        if d not in used_domains:
            used_domains.add(d)
            return d
    raise ValueError(stem)

subjects, in_flight, registrations = [], [], []

def person(prov, surname, given, year, seq, provider="BEIAN", sites=1, status="NORMAL", website_status=None,
           filed="2019-06-18", cert=None, cert_type="RESIDENT_ID", stem=None):
    code = PROV[prov][0]
    name = surname[0] + given[0]
    cid = cert or rid(code + "0102", "%d%02d%02d" % (year, random.randint(1, 12), random.randint(1, 28)), seq)
    n = number(prov)
    m = mobile()
    stem = stem or surname[1] + given[1]
    websites = []
    for i in range(sites):
        d = domain(stem if i == 0 else stem + "blog")
        websites.append({"websiteFilingNumber": n + "-" + str(i + 1),
                         "name": name + ("的个人博客" if i == 0 else "的读书笔记"),
                         "status": website_status or ("DEREGISTERED" if status == "DEREGISTERED" else "NORMAL"),
                         "provider": provider, "domains": [d], "principalName": name, "principalMobile": m,
                         "filedOn": filed})
    s = {"subjectFilingNumber": n, "status": status, "nature": "PERSON", "name": name, "province": prov,
         "certificateType": cert_type, "certificateNumber": cid, "provider": provider,
         "principal": {"name": name, "certificateType": "RESIDENT_ID", "certificateNumber": cid if len(cid) == 18 else rid(code + "0102", "19" + cid[6:12], int(cid[12:15])),
                       "mobile": m, "email": stem + "@example.cn"},
         "password": "Seed#" + n[n.index("备") + 1:n.index("号")], "filedOn": filed, "websites": websites}
    subjects.append(s)
    return s

def unit(prov, word, suffix_name, nature="ENTERPRISE", provider="BEIAN", sites=1, status="NORMAL", filed="2018-03-09",
         cert_type="BUSINESS_LICENSE", kind=("9", "1"), principal=None, stem=None):
    code = PROV[prov][0]
    city = CITY[prov]
    name = city + word[0] + suffix_name
    body = "%08d" % random.randint(10000000, 99999999) if cert_type != "ORGANIZATION_CODE" else "MA%06d" % random.randint(0, 999999)
    cid = uscc(kind[0], kind[1], code + "0106", body) if cert_type != "ORGANIZATION_CODE" else org(body)
    if cert_type == "BUSINESS_LICENSE":
        cert_type = {"PUBLIC_INSTITUTION": "PUBLIC_INSTITUTION_CERTIFICATE",
                     "SOCIAL_ORGANIZATION": "SOCIAL_ORGANIZATION_CERTIFICATE",
                     "PRIVATE_NON_ENTERPRISE": "PRIVATE_NON_ENTERPRISE_CERTIFICATE"}.get(nature, cert_type)
    n = number(prov)
    psur, pgiv = random.choice(PINYIN_SURNAMES), random.choice(GIVEN)
    pname = principal or psur[0] + pgiv[0]
    pid = rid(code + "0104", "%d%02d%02d" % (random.randint(1965, 1995), random.randint(1, 12), random.randint(1, 28)),
              random.randint(1, 999))
    m = mobile()
    stem = stem or word[1] + ("tech" if nature == "ENTERPRISE" else "org")
    websites = []
    titles = ["官方网站", "产品中心", "招聘平台"]
    for i in range(sites):
        d = domain(stem if i == 0 else stem + ["shop", "jobs"][i - 1])
        websites.append({"websiteFilingNumber": n + "-" + str(i + 1), "name": word[0] + titles[i],
                         "status": "DEREGISTERED" if status == "DEREGISTERED" else "NORMAL", "provider": provider,
                         "domains": [d, "m." + d] if i == 0 and sites > 1 else [d],
                         "principalName": pname, "principalMobile": m, "filedOn": filed})
    s = {"subjectFilingNumber": n, "status": status, "nature": nature, "name": name, "province": prov,
         "certificateType": cert_type, "certificateNumber": cid, "provider": provider,
         "principal": {"name": pname, "certificateType": "RESIDENT_ID", "certificateNumber": pid, "mobile": m,
                       "email": "admin@" + websites[0]["domains"][0] if websites else "admin@example.cn"},
         "password": "Seed#" + n[n.index("备") + 1:n.index("号")], "filedOn": filed, "websites": websites}
    subjects.append(s)
    return s

# --- The awkward cases first (README documents them; their names and domains are stable). ---
# A1 person filed here, with two websites (new website / change / deregistration scenarios)
a1 = person("BEIJING", ("张", "zhang"), ("伟", "wei"), 1988, 11, sites=2, stem="zhangwei-demo")
# A2 unit filed here (access / change scenarios)
a2 = unit("BEIJING", ("星河", "xinghe"), "科技有限公司", sites=2, stem="xinghe-demo")
# A3 unit filed at another provider (NEW_WEBSITE_SUBJECT_ELSEWHERE, ACCESS_FILING)
a3 = unit("ZHEJIANG", ("云帆", "yunfan"), "网络科技有限公司", provider="ALIYUN", sites=1, stem="yunfan-elsewhere")
# A4 person filed at another provider
a4 = person("GUANGDONG", ("陈", "chen"), ("静", "jing"), 1992, 26, provider="TENCENT_CLOUD", stem="chenjing-elsewhere")
# A5 deregistered subject (its domain is free again)
a5 = person("SHANGHAI", ("刘", "liu"), ("洋", "yang"), 1979, 33, status="DEREGISTERED", filed="2015-04-02",
            stem="liuyang-deregistered")
# A6 empty shell website (access cancelled, no provider)
a6 = unit("SICHUAN", ("青禾", "qinghe"), "文化传媒有限公司", provider="HUAWEI_CLOUD", sites=1, stem="qinghe-emptyshell")
a6["websites"][0]["status"] = "EMPTY_SHELL"; a6["websites"][0]["provider"] = None
# A7 old-style 15-digit resident ID on record
old15 = "510104850612031"
a7 = person("SICHUAN", ("周", "zhou"), ("杰", "jie"), 1985, 31, cert=old15, stem="zhoujie-oldid")
# A8 old-style organization code on record (unit)
a8 = unit("HUBEI", ("远山", "yuanshan"), "教育咨询有限公司", cert_type="ORGANIZATION_CODE", stem="yuanshan-oldcode")
# A9 a live subject with one deregistered and one normal website
a9 = unit("SHANDONG", ("蓝鲸", "lanjing"), "信息技术有限公司", sites=2, stem="lanjing-demo")
a9["websites"][1]["status"] = "DEREGISTERED"
# A10 government and public institution units, Zhejiang subject here (30-day review)
a10 = unit("ZHEJIANG", ("知行", "zhixing"), "区教育局", nature="GOVERNMENT", kind=("1", "1"), stem="zhixing-gov")
a11 = unit("HENAN", ("启明", "qiming"), "职业技术学院", nature="PUBLIC_INSTITUTION", kind=("1", "2"), stem="qiming-edu")

# --- The varied rest: persons and units across every province. ---
provinces = list(PROV)
for i, prov in enumerate(provinces):
    sur, giv = PINYIN_SURNAMES[i % len(PINYIN_SURNAMES)], GIVEN[(i * 7) % len(GIVEN)]
    person(prov, sur, giv, 1970 + (i * 3) % 33, 100 + i, provider=PROVIDERS[i % len(PROVIDERS)],
           sites=1 + (i % 2), filed="20%02d-%02d-%02d" % (14 + i % 11, 1 + i % 12, 1 + i % 27))
for i, prov in enumerate(provinces[::2]):
    word = UNIT_WORDS[i % len(UNIT_WORDS)]
    nature = ["ENTERPRISE", "ENTERPRISE", "SOCIAL_ORGANIZATION", "ENTERPRISE", "PRIVATE_NON_ENTERPRISE"][i % 5]
    kind = {"ENTERPRISE": ("9", "1"), "SOCIAL_ORGANIZATION": ("5", "1"), "PRIVATE_NON_ENTERPRISE": ("5", "2")}[nature]
    suffix = {"ENTERPRISE": "科技有限公司", "SOCIAL_ORGANIZATION": "行业协会", "PRIVATE_NON_ENTERPRISE": "培训中心"}[nature]
    unit(prov, word, suffix, nature=nature, kind=kind, provider=PROVIDERS[(i + 2) % len(PROVIDERS)],
         sites=1 + i % 3, stem=word[1] + str(i), filed="20%02d-%02d-15" % (12 + i % 12, 1 + i % 12))

# Domains and subjects in flight at other providers.
inflight_person_id = rid("320102", "19900415", 57)  # 王芳, Jiangsu, submitted at ALIYUN
in_flight += [
    {"provider": "TENCENT_CLOUD", "domain": "inflight-elsewhere.cn", "since": "-P3D"},
    {"provider": "ALIYUN", "certificateType": "RESIDENT_ID", "certificateNumber": inflight_person_id,
     "domain": "wangfang-inflight.cn", "since": "-P5D"},
]

def reg(d, registrant, ctype, cnum, verified="-P400D", registered="2019-01-01", expires="+P300D", abroad=False,
        registrar=None):
    registrations.append({"domain": d, "registrar": registrar or random.choice(REGISTRARS), "registrantName": registrant,
                          "registrantCertificateType": ctype, "registrantCertificateNumber": cnum,
                          "realNameVerified": verified is not None, "realNameVerifiedAt": verified,
                          "registeredOn": registered, "expiresOn": expires, "registeredAbroad": abroad})

# Registry data for every seeded domain (registrant = subject), plus the awkward ones.
for s in subjects:
    for w in s["websites"]:
        for d in w["domains"]:
            if d.startswith("m."):
                continue
            reg(d, s["name"], s["certificateType"], s["certificateNumber"], registered=w["filedOn"])
AWKWARD_DOMAINS = {
    "fresh-person.cn": dict(registrant="李娜", ctype="RESIDENT_ID", cnum=rid("110105", "19950308", 42)),
    "fresh-unit.com.cn": dict(registrant="北京拾光数据有限公司", ctype="BUSINESS_LICENSE",
                              cnum=uscc("9", "1", "110108", "MA01XY7K")),
    "realname-pending.cn": dict(registrant="李娜", ctype="RESIDENT_ID", cnum=rid("110105", "19950308", 42), verified="-PT36H"),
    "realname-missing.cn": dict(registrant="李娜", ctype="RESIDENT_ID", cnum=rid("110105", "19950308", 42), verified=None),
    "registered-abroad.com": dict(registrant="Li Na", ctype="PASSPORT", cnum="E12345678", abroad=True,
                                  registrar="GoDaddy.com, LLC"),
    "expired-domain.cn": dict(registrant="李娜", ctype="RESIDENT_ID", cnum=rid("110105", "19950308", 42), expires="-P10D",
                              registered="2020-05-01"),
    "registrant-mismatch.cn": dict(registrant="孙明", ctype="RESIDENT_ID", cnum=rid("370102", "19870721", 18)),
    "inflight-elsewhere.cn": dict(registrant="赵磊", ctype="RESIDENT_ID", cnum=rid("440305", "19910203", 77)),
    "wangfang-inflight.cn": dict(registrant="王芳", ctype="RESIDENT_ID", cnum=inflight_person_id),
}
for d, a in AWKWARD_DOMAINS.items():
    reg(d, **a)

out = {"comment": "Generated by national-systems/tools/generate_seed.py; the awkward cases are listed in "
                  "national-systems/README.md. Relative dates: -P3D = 3 days before loading, +P300D = 300 days after.",
       "subjects": subjects, "inFlightElsewhere": in_flight, "domainRegistrations": registrations}
path = os.path.join(os.path.dirname(__file__), "..", "src", "main", "resources", "seed", "registry.json")
with open(path, "w", encoding="utf-8") as f:
    json.dump(out, f, ensure_ascii=False, indent=1)
print("subjects", len(subjects), "websites", sum(len(s["websites"]) for s in subjects), "registrations",
      len(registrations), "provinces", len({s["province"] for s in subjects}))
for s in subjects[:11]:
    print(s["subjectFilingNumber"], s["status"], s["nature"], s["name"], s["province"], s["certificateType"],
          s["certificateNumber"], s["provider"], s["password"], [(w["websiteFilingNumber"], w["status"], w["domains"]) for w in s["websites"]])
print("inflight person", inflight_person_id, "fresh person", rid("110105", "19950308", 42),
      "fresh unit", uscc("9", "1", "110108", "MA01XY7K"))
print("zhoujie 18:", rid("510104", "19850612", 31), "yuanshan uscc:", uscc("9", "1", "420106", a8["certificateNumber"][:8]))
