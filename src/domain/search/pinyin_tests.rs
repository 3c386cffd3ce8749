use super::*;

/// Every unit of the embedded document: (name, readings, initials).
const UNITS: &[(&str, &str, &str)] = &[
    ("市发展改革委", "shi fa zhan gai ge wei", "sfzggw"),
    ("市商务委", "shi shang wu wei", "ssww"),
    ("市市场监管局", "shi shi chang jian guan ju", "sscjgj"),
    ("市司法局", "shi si fa ju", "ssfj"),
    (
        "市公共资源交易监管局",
        "shi gong gong zi yuan jiao yi jian guan ju",
        "sggzyjyjgj",
    ),
    ("市财政局", "shi cai zheng ju", "sczj"),
    ("市政府办公厅", "shi zheng fu ban gong ting", "szfbgt"),
    ("市公安局", "shi gong an ju", "sgaj"),
    ("市交通局", "shi jiao tong ju", "sjtj"),
    ("市人力社保局", "shi ren li she bao ju", "srlsbj"),
    (
        "市规划自然资源局",
        "shi gui hua zi ran zi yuan ju",
        "sghzrzyj",
    ),
    (
        "市住房城乡建委",
        "shi zhu fang cheng xiang jian wei",
        "szfcxjw",
    ),
    ("重庆市税务局", "chong qing shi shui wu ju", "cqsswj"),
    ("重庆海关", "chong qing hai guan", "cqhg"),
    ("市生态环境局", "shi sheng tai huan jing ju", "ssthjj"),
    ("市经济信息委", "shi jing ji xin xi wei", "sjjxxw"),
    ("市民政局", "shi min zheng ju", "smzj"),
    ("重庆铁路办事处", "chong qing tie lu ban shi chu", "cqtlbsc"),
    (
        "市政府口岸物流办",
        "shi zheng fu kou an wu liu ban",
        "szfkawlb",
    ),
    ("重庆银保监局", "chong qing yin bao jian ju", "cqybjj"),
    ("市农业农村委", "shi nong ye nong cun wei", "snyncw"),
    ("市文化旅游委", "shi wen hua lv you wei", "swhlyw"),
    ("市文化执法总队", "shi wen hua zhi fa zong dui", "swhzfzd"),
    ("市应急局", "shi ying ji ju", "syjj"),
    ("市药监局", "shi yao jian ju", "syjj"),
    ("市卫生健康委", "shi wei sheng jian kang wei", "swsjkw"),
    ("市医保局", "shi yi bao ju", "sybj"),
    ("市大数据发展局", "shi da shu ju fa zhan ju", "sdsjfzj"),
    (
        "人行重庆营管部",
        "ren hang chong qing ying guan bu",
        "rhcqygb",
    ),
    ("市知识产权局", "shi zhi shi chan quan ju", "szscqj"),
    ("重庆边检总站", "chong qing bian jian zong zhan", "cqbjzz"),
    ("市科技局", "shi ke ji ju", "skjj"),
    ("市政府外办", "shi zheng fu wai ban", "szfwb"),
    ("市城市管理局", "shi cheng shi guan li ju", "scsglj"),
    ("市能源局", "shi neng yuan ju", "snyj"),
    ("市通信管理局", "shi tong xin guan li ju", "stxglj"),
    ("市工商联", "shi gong shang lian", "sgsl"),
    ("市教委", "shi jiao wei", "sjw"),
    ("市体育局", "shi ti yu ju", "styj"),
    ("市政府督查办", "shi zheng fu du cha ban", "szfdcb"),
    (
        "两江新区管委会",
        "liang jiang xin qu guan wei hui",
        "ljxqgwh",
    ),
    ("高新区管委会", "gao xin qu guan wei hui", "gxqgwh"),
    ("各区县政府", "ge qu xian zheng fu", "gqxzf"),
    ("有关区县政府", "you guan qu xian zheng fu", "ygqxzf"),
    ("市政府有关部门", "shi zheng fu you guan bu men", "szfygbm"),
    ("市政府各部门", "shi zheng fu ge bu men", "szfgbm"),
    (
        "有关开发区管委会",
        "you guan kai fa qu guan wei hui",
        "ygkfqgwh",
    ),
    (
        "市级公用企事业单位",
        "shi ji gong yong qi shi ye dan wei",
        "sjgyqsydw",
    ),
];

/// Every alias of a unit.
const ALIASES: &[(&str, &str, &str)] = &[
    ("发展改革委", "fa zhan gai ge wei", "fzggw"),
    ("发改委", "fa gai wei", "fgw"),
    ("市发改委", "shi fa gai wei", "sfgw"),
    ("商务委", "shang wu wei", "sww"),
    ("市场监管局", "shi chang jian guan ju", "scjgj"),
    ("市场监管", "shi chang jian guan", "scjg"),
    ("市监局", "shi jian ju", "sjj"),
    ("司法局", "si fa ju", "sfj"),
    (
        "公共资源交易监管局",
        "gong gong zi yuan jiao yi jian guan ju",
        "ggzyjyjgj",
    ),
    ("公管局", "gong guan ju", "ggj"),
    ("财政局", "cai zheng ju", "czj"),
    ("政府办公厅", "zheng fu ban gong ting", "zfbgt"),
    ("市府办", "shi fu ban", "sfb"),
    ("办公厅", "ban gong ting", "bgt"),
    ("公安局", "gong an ju", "gaj"),
    ("交通局", "jiao tong ju", "jtj"),
    ("市交委", "shi jiao wei", "sjw"),
    ("交委", "jiao wei", "jw"),
    ("人力社保局", "ren li she bao ju", "rlsbj"),
    ("人社局", "ren she ju", "rsj"),
    ("市人社局", "shi ren she ju", "srsj"),
    ("规划自然资源局", "gui hua zi ran zi yuan ju", "ghzrzyj"),
    ("规资局", "gui zi ju", "gzj"),
    ("市规资局", "shi gui zi ju", "sgzj"),
    ("住房城乡建委", "zhu fang cheng xiang jian wei", "zfcxjw"),
    ("住建委", "zhu jian wei", "zjw"),
    ("市住建委", "shi zhu jian wei", "szjw"),
    ("市税务局", "shi shui wu ju", "sswj"),
    ("税务局", "shui wu ju", "swj"),
    ("税务", "shui wu", "sw"),
    ("海关", "hai guan", "hg"),
    ("生态环境局", "sheng tai huan jing ju", "sthjj"),
    ("环保局", "huan bao ju", "hbj"),
    ("经济信息委", "jing ji xin xi wei", "jjxxw"),
    ("经信委", "jing xin wei", "jxw"),
    ("市经信委", "shi jing xin wei", "sjxw"),
    ("民政局", "min zheng ju", "mzj"),
    ("铁路办事处", "tie lu ban shi chu", "tlbsc"),
    ("口岸物流办", "kou an wu liu ban", "kawlb"),
    ("口岸办", "kou an ban", "kab"),
    ("银保监局", "yin bao jian ju", "ybjj"),
    ("银保监", "yin bao jian", "ybj"),
    ("农业农村委", "nong ye nong cun wei", "nyncw"),
    ("农委", "nong wei", "nw"),
    ("文化旅游委", "wen hua lv you wei", "whlyw"),
    ("文旅委", "wen lv wei", "wlw"),
    ("市文旅委", "shi wen lv wei", "swlw"),
    ("文化执法总队", "wen hua zhi fa zong dui", "whzfzd"),
    ("应急局", "ying ji ju", "yjj"),
    ("应急管理局", "ying ji guan li ju", "yjglj"),
    ("药监局", "yao jian ju", "yjj"),
    ("卫生健康委", "wei sheng jian kang wei", "wsjkw"),
    ("卫健委", "wei jian wei", "wjw"),
    ("市卫健委", "shi wei jian wei", "swjw"),
    ("医保局", "yi bao ju", "ybj"),
    ("大数据发展局", "da shu ju fa zhan ju", "dsjfzj"),
    ("大数据局", "da shu ju ju", "dsjj"),
    ("市大数据局", "shi da shu ju ju", "sdsjj"),
    ("人行", "ren hang", "rh"),
    ("人民银行", "ren min yin hang", "rmyh"),
    ("营管部", "ying guan bu", "ygb"),
    ("知识产权局", "zhi shi chan quan ju", "zscqj"),
    ("边检总站", "bian jian zong zhan", "bjzz"),
    ("边检", "bian jian", "bj"),
    ("科技局", "ke ji ju", "kjj"),
    ("外办", "wai ban", "wb"),
    ("城市管理局", "cheng shi guan li ju", "csglj"),
    ("城管局", "cheng guan ju", "cgj"),
    ("市城管局", "shi cheng guan ju", "scgj"),
    ("能源局", "neng yuan ju", "nyj"),
    ("通信管理局", "tong xin guan li ju", "txglj"),
    ("通管局", "tong guan ju", "tgj"),
    ("工商联", "gong shang lian", "gsl"),
    ("教委", "jiao wei", "jw"),
    ("体育局", "ti yu ju", "tyj"),
    ("督查办", "du cha ban", "dcb"),
    ("两江新区", "liang jiang xin qu", "ljxq"),
    ("高新区", "gao xin qu", "gxq"),
    ("各区县", "ge qu xian", "gqx"),
    ("有关区县", "you guan qu xian", "ygqx"),
    ("有关部门", "you guan bu men", "ygbm"),
    ("各部门", "ge bu men", "gbm"),
    ("公用企事业单位", "gong yong qi shi ye dan wei", "gyqsydw"),
];

/// Every task title of the embedded document, read character by character.
const TITLES: &[(&str, &str)] = &[
    (
        "进一步放宽市场准入",
        "jin yi bu fang kuan shi chang zhun ru",
    ),
    ("压减行政许可事项", "ya jian xing zheng xu ke shi xiang"),
    (
        "压减工业产品生产许可证",
        "ya jian gong ye chan pin sheng chan xu ke zheng",
    ),
    (
        "清理减并资质资格许可事项",
        "qing li jian bing zi zhi zi ge xu ke shi xiang",
    ),
    ("整治各类变相审批", "zheng zhi ge lei bian xiang shen pi"),
    ("推进“证照分离”改革", "tui jin zheng zhao fen li gai ge"),
    ("压减企业开办时间", "ya jian qi ye kai ban shi jian"),
    (
        "完善市场主体退出机制",
        "wan shan shi chang zhu ti tui chu ji zhi",
    ),
    (
        "全面开展工程建设项目审批制度改革",
        "quan mian kai zhan gong cheng jian she xiang mu shen pi zhi du gai ge",
    ),
    ("治理各种不合理收费", "zhi li ge zhong bu he li shou fei"),
    (
        "清理规范、修订完善监管规则和标准",
        "qing li gui fan xiu ding wan shan jian guan gui ze he biao zhun",
    ),
    (
        "完善“双随机、一公开”监管制度",
        "wan shan shuang sui ji yi gong kai jian guan zhi du",
    ),
    (
        "对重点领域进行重点监管",
        "dui zhong dian ling yu jin xing zhong dian jian guan",
    ),
    (
        "加强社会信用体系建设",
        "jia qiang she hui xin yong ti xi jian she",
    ),
    ("推进“互联网+监管”", "tui jin hu lian wang jian guan"),
    (
        "对新兴产业实施包容审慎监管",
        "dui xin xing chan ye shi shi bao rong shen shen jian guan",
    ),
    ("依法开展案件查办", "yi fa kai zhan an jian cha ban"),
    ("构建协同监管格局", "gou jian xie tong jian guan ge ju"),
    (
        "增强服务意识，提升服务效率",
        "zeng qiang fu wu yi shi ti sheng fu wu xiao lv",
    ),
    (
        "实现“一网通办”“异地可办”“掌上办”",
        "shi xian yi wang tong ban yi di ke ban zhang shang ban",
    ),
    (
        "提升公用事业单位和服务机构的服务质量和效率",
        "ti sheng gong yong shi ye dan wei he fu wu ji gou de fu wu zhi liang he xiao lv",
    ),
    ("大力发展服务业", "da li fa zhan fu wu ye"),
    (
        "为营商环境提供法治保障，破解痛点难点",
        "wei ying shang huan jing ti gong fa zhi bao zhang po jie tong dian nan dian",
    ),
    (
        "鼓励支持各地大胆创新",
        "gu li zhi chi ge di da dan chuang xin",
    ),
    (
        "加快法规规章“立改废释”",
        "jia kuai fa gui gui zhang li gai fei shi",
    ),
    ("加强督查督办", "jia qiang du cha du ban"),
];

fn check(name: &str, full: &str, initials: &str) {
    assert_eq!(spell(name), full, "readings of {name}");
    let k = keys(name);
    assert_eq!(k.full(), full.replace(' ', ""), "full key of {name}");
    assert_eq!(k.initials(), initials, "initials of {name}");
}

#[test]
fn every_unit_name_reads_right() {
    for &(name, full, initials) in UNITS {
        check(name, full, initials);
    }
}

#[test]
fn every_alias_reads_right() {
    for &(name, full, initials) in ALIASES {
        check(name, full, initials);
    }
}

#[test]
fn every_task_title_reads_right() {
    for &(title, full) in TITLES {
        assert_eq!(spell(title), full, "readings of {title}");
    }
}

#[test]
fn the_tables_cover_the_embedded_document() {
    let cat = crate::domain::seeds::embedded();
    let units: Vec<&str> = UNITS.iter().map(|u| u.0).collect();
    let names: Vec<&str> = cat.doc.units.iter().map(|u| u.name.as_str()).collect();
    assert_eq!(units, names);
    let aliases: Vec<&str> = ALIASES.iter().map(|u| u.0).collect();
    let all: Vec<&str> = cat
        .doc
        .units
        .iter()
        .flat_map(|u| u.aliases.iter().map(String::as_str))
        .collect();
    assert_eq!(aliases, all);
    let titles: Vec<&str> = TITLES.iter().map(|t| t.0).collect();
    let all: Vec<&str> = cat.tasks().map(|(_, t)| t.title.as_str()).collect();
    assert_eq!(titles, all);
}

#[test]
fn heteronyms_in_context() {
    for (text, full) in [
        ("重庆", "chong qing"),
        ("银行", "yin hang"),
        ("行政", "xing zheng"),
        ("人行", "ren hang"),
        ("重点", "zhong dian"),
        ("重大", "zhong da"),
        ("重复", "chong fu"),
        ("行业", "hang ye"),
        ("行为", "xing wei"),
        ("进行", "jin xing"),
        ("通行证", "tong xing zheng"),
        ("调整", "tiao zheng"),
        ("供给", "gong ji"),
        ("长期", "chang qi"),
        ("增长", "zeng zhang"),
        ("曝光", "bao guang"),
        ("商标囤积", "shang biao tun ji"),
        ("市场", "shi chang"),
        ("单位", "dan wei"),
        ("效率", "xiao lv"),
    ] {
        assert_eq!(spell(text), full, "{text}");
    }
}

#[test]
fn every_override_differs_from_the_default() {
    for &(word, readings) in OVERRIDES {
        let default: Vec<&str> = word
            .chars()
            .map(|c| c.to_pinyin().map_or("?", |p| p.plain()))
            .collect();
        assert_ne!(default, readings, "{word} needs no override");
    }
}

#[test]
fn only_han_characters_have_pinyin() {
    assert_eq!(keys("压缩至３个工作日").full(), "yasuozhi-gegongzuori");
    assert_eq!(keys("压缩至３个").spelled(), "YaSuoZhi\0Ge");
    assert_eq!(keys("5G网络").initials(), "wl");
    assert_eq!(
        keys("a|b").spelled(),
        "\0",
        "ASCII is matched as itself, not as pinyin"
    );
    assert_eq!(keys("--foobar--").initials(), "");
    assert_eq!(keys("“互联网+监管”").full(), "-hulianwang-jianguan-");
}

#[test]
fn white_space_at_the_ends_is_not_a_separator() {
    assert_eq!(keys("\u{3000}\u{3000}重庆 ").spelled(), "ChongQing");
    assert_eq!(keys("海 关").spelled(), "Hai\0Guan");
}

#[test]
fn the_map_points_back_to_characters() {
    let (k, m) = keys_with_map("“重庆”海关");
    assert_eq!(k.spelled(), "\0ChongQing\0HaiGuan");
    assert_eq!(k.initials(), "cqhg");
    assert_eq!(
        m,
        [0, 1, 2, 3, 4, 5],
        "one character a syllable, a run of punctuation one separator"
    );
}

#[test]
fn syllable_chars_agree_with_the_key_map() {
    let cat = crate::domain::seeds::embedded();
    let texts = cat
        .measures()
        .map(|(_, _, m)| m.text.as_str())
        .chain(cat.tasks().map(|(_, t)| t.title.as_str()))
        .chain(["“重庆”银行5G、ＡＢ３ x", "", "\u{3000} 重庆 a ", "  ", "a"]);
    for text in texts {
        assert_eq!(syllable_chars(text), keys_with_map(text).1, "{text}");
    }
    for &(word, readings) in OVERRIDES {
        assert_eq!(
            word.chars().count(),
            readings.len(),
            "{word}: one reading a character"
        );
    }
}

#[test]
fn every_reading_has_a_number_and_spells_back() {
    let mut readings: Vec<String> = (0..=0x10FFFF_u32)
        .filter_map(char::from_u32)
        .filter_map(|c| c.to_pinyin())
        .map(|p| p.plain().replace('ü', "v"))
        .collect();
    readings.extend(
        OVERRIDES
            .iter()
            .flat_map(|(_, r)| r.iter().map(|s| s.to_string())),
    );
    readings.sort();
    readings.dedup();
    assert!(readings.len() > 400, "{}", readings.len());
    for r in &readings {
        let chars: Vec<char> = r.chars().collect();
        let n = number(&chars);
        assert!(n > 0, "{r}: not in the table of syllables");
        assert_eq!(SYLLABLES[usize::from(n)], r);
    }
    assert_eq!(
        number(&['q', 'x']),
        0,
        "not a syllable: kept as a separator"
    );
    assert_eq!(keys("重庆海关").ids().count(), 4);
}

#[test]
fn a_key_holds_no_more_than_its_syllables() {
    // A workspace keeps some 80k keys: grown by doubling they held a third more than they use.
    for text in [
        "重庆市发展和改革委员会",
        "优化营商环境 2019 年底前完成",
        "a",
        "",
    ] {
        let k = keys(text);
        assert_eq!(k.syl.capacity(), k.syl.len(), "{text}");
    }
    let cat = crate::domain::seeds::embedded();
    let index = crate::domain::search::Index::new(&cat);
    let all = index.entry_keys(&cat);
    assert!(
        all.iter()
            .all(|k| k.keys.syl.capacity() == k.keys.syl.len())
    );
    assert_eq!(index.keys.get().map(Vec::capacity), Some(index.len()));
}
