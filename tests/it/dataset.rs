//! Fidelity of the embedded dataset to the seed text of 渝府办发〔2019〕103号.
//!
//! Structure, provenance of every text, the document's metadata, and the milestones.
//! The character-by-character accounting of the table is in tests/layout.rs.

use std::collections::HashSet;

use fgf::domain::text::squeeze;
use fgf::domain::{Catalog, Confidence, seeds};
use jiff::civil::Date;

fn cat() -> Catalog {
    seeds::embedded()
}

/// Seed lines 17..=333: the allocation table (1-based, inclusive).
fn table() -> String {
    let lines: Vec<&str> = seeds::SOURCE_TEXT.lines().collect();
    squeeze(&lines[16..333].join("\n"))
}

#[test]
fn three_sections_with_their_tasks_in_order() {
    let cat = cat();
    let d = &cat.doc;
    let shape: Vec<(&str, &str, &str, Vec<u32>)> = d
        .sections
        .iter()
        .map(|s| {
            let nums = s.tasks.iter().map(|t| t.number).collect();
            (s.key.as_str(), s.numeral.as_str(), s.title.as_str(), nums)
        })
        .collect();
    assert_eq!(
        shape,
        vec![
            ("放", "一", "深化简政放权", (1..=10).collect()),
            ("管", "二", "加强公正监管", (11..=18).collect()),
            ("服", "三", "优化政务服务", (19..=26).collect()),
        ]
    );
    for (_, t) in cat.tasks() {
        assert_eq!(t.id, t.number.to_string());
    }
}

#[test]
fn measure_counts_match_the_document() {
    let cat = cat();
    let per_section: Vec<usize> = cat
        .doc
        .sections
        .iter()
        .map(|s| s.tasks.iter().map(|t| t.measures.len()).sum())
        .collect();
    assert_eq!(per_section, vec![39, 37, 36]);
    // Tasks printed with a single un-numbered measure.
    let single: Vec<&str> = cat
        .tasks()
        .filter(|(_, t)| t.measures.len() == 1)
        .map(|(_, t)| t.id.as_str())
        .collect();
    assert_eq!(single, vec!["6", "17", "24"]);
}

#[test]
fn ids_are_unique_and_typeable() {
    let cat = cat();
    let mut seen = HashSet::new();
    for (_, t, m) in cat.measures() {
        assert_eq!(m.task_id(), t.id);
        assert!(seen.insert(m.id.clone()), "duplicate {}", m.id);
        for (i, k) in m.milestones.iter().enumerate() {
            assert_eq!(k.id, format!("{}.{}", m.id, i + 1));
            assert!(seen.insert(k.id.clone()), "duplicate {}", k.id);
        }
    }
    assert!(
        cat.ids()
            .all(|id| id.chars().all(|c| c.is_ascii_digit() || c == '.'))
    );
}

#[test]
fn every_measure_has_a_lead_unit_from_the_canonical_list() {
    let cat = cat();
    let names: HashSet<&str> = cat.doc.units.iter().map(|u| u.name.as_str()).collect();
    assert_eq!(names.len(), 48, "48 distinct unit names in the table");
    for (_, _, m) in cat.measures() {
        assert!(!m.lead.is_empty(), "{} has no lead unit", m.id);
        for u in m.lead.iter().chain(&m.support) {
            assert!(names.contains(u.as_str()), "{}: {u} is not canonical", m.id);
        }
        let lead: HashSet<_> = m.lead.iter().collect();
        assert!(
            m.support.iter().all(|u| !lead.contains(u)),
            "{}: a unit both leads and cooperates",
            m.id
        );
    }
}

/// Does `name` occur in `text` as an in-order subsequence spread over at most `3 × len` characters?
/// (Two cells printed side by side are interleaved line by line: 市药监市卫局生健康委.)
fn interleaved_in(text: &str, name: &str) -> bool {
    let text: Vec<char> = text.chars().collect();
    let name: Vec<char> = name.chars().collect();
    (0..text.len())
        .filter(|&i| text[i] == name[0])
        .any(|start| {
            let window = &text[start..text.len().min(start + 3 * name.len())];
            let mut it = window.iter();
            name.iter().all(|c| it.any(|w| w == c))
        })
}

#[test]
fn unit_names_are_as_printed() {
    let table = table();
    let cat = cat();
    let mut interleaved = Vec::new();
    for u in &cat.doc.units {
        if !table.contains(&u.name) {
            assert!(
                interleaved_in(&table, &u.name),
                "{} is not printed in the table",
                u.name
            );
            interleaved.push(u.name.as_str());
        }
    }
    // Only names whose every printing is interleaved with a neighbouring cell.
    assert_eq!(
        interleaved,
        [
            "市药监局",
            "市政府外办",
            "市城市管理局",
            "市能源局",
            "市政府督查办",
            "市政府各部门",
            "有关开发区管委会"
        ]
    );
    assert!(!interleaved_in("市药品监督管理局", "市药监局x"));
}

#[test]
fn uncertain_allocations_say_why() {
    let cat = cat();
    let mut uncertain = 0;
    for (_, _, m) in cat.measures() {
        assert!(!m.reading.is_empty(), "{}: no account of the reading", m.id);
        if m.confidence != Confidence::High {
            uncertain += 1;
        }
        if let Some(alt) = &m.alternative {
            assert!(
                m.confidence != Confidence::High,
                "{}: an alternative but high confidence",
                m.id
            );
            assert!(
                alt.lead != m.lead || alt.support != m.support,
                "{}: the alternative is the same reading",
                m.id
            );
        }
    }
    assert!(
        uncertain > 0,
        "the table's reading is not certain everywhere"
    );
}

#[test]
fn metadata_is_in_the_seed() {
    let cat = cat();
    let d = &cat.doc;
    let seed = seeds::SOURCE_TEXT;
    let lines: Vec<&str> = seed.lines().map(str::trim).collect();
    assert_eq!(d.number, "渝府办发〔2019〕103号");
    assert!(lines.contains(&d.number.as_str()));
    assert_eq!(lines[0], d.title);
    assert!(lines.contains(&d.issuer.as_str()));
    assert!(lines.contains(&d.table_title.as_str()));
    assert_eq!(
        d.signed.map(|d| d.to_string()).as_deref(),
        Some("2019-10-11")
    );
    assert!(seed.contains("2019年10月11日"));
    assert_eq!(
        d.published.map(|d| d.to_string()).as_deref(),
        Some("2019-10-18")
    );
    assert!(seed.contains("发布日期:2019-10-18"));
    let numerals: Vec<&str> = d.requirements.iter().map(|r| r.numeral.as_str()).collect();
    assert_eq!(numerals, ["一", "二", "三"]);
    for r in &d.requirements {
        assert!(lines.contains(&format!("{}、{}", r.numeral, r.title).as_str()));
        assert!(
            lines.contains(&r.text.as_str()),
            "requirement {} text",
            r.numeral
        );
    }
}

/// Texts that are not contiguous in the seed, with the seed fragments they are joined from:
/// page-break joins (1.1, 21.1, 25.x, 26.x), a heading interleaved with another (title 10),
/// and the last page, where unit cells are mixed into the measure sentences (23.3, 23.4, 24.1).
const JOINS: &[(&str, &[&str])] = &[
    (
        "1.1",
        &[
            "全面实施市场准入负面清单制度，建立完善工作机",
            "制，2019年底前对照国家市场准入负面清单开展“三个全面清理”（清理清单之外违规设立的行政许可、违规设置的隐形门槛、违规制定的其他形式的市场准入负面清单）。",
        ],
    ),
    ("title 10", &["治理各种不", "合理收费"]),
    (
        "21.1",
        &[
            "完善水电气价格管理政",
            "策，持续推进主城区配气价格改革，2019年底前出台地方电网和增量配电网价格管理办法，2020年研究完善供水价格形成机制。规范主城区城市公共管网（含延伸部分）居民供气安装收费，一般工商业电价再下降10%。",
        ],
    ),
    (
        "23.3",
        &[
            "制定《关于加强民营经济",
            "发展法律服务的实施意见》《进",
            "一步深化民营企业法治服务保障",
            "十五项措施》。",
        ],
    ),
    (
        "23.4",
        &[
            "开展营商环境百项诉求处",
            "理行动，针对企业和群众反映强",
            "烈的办事难、办事繁等营商环境",
            "问题抓好整改落实。",
        ],
    ),
    (
        "24.1",
        &[
            "鼓励支持有条件的区县在审",
            "批服务模式、集成服务创新、事",
            "中事后监管等方面先行先试。",
        ],
    ),
    (
        "25.1",
        &[
            "推动及时修改或清理废除滞后于改革要求、不利于优化营商环境、制约新产业新业态新模式发展的地方性法规、政府规章",
            "和规范性文件。",
        ],
    ),
    (
        "25.2",
        &[
            "加快推进改革立法，制定",
            "地方性法规、政府规章，固化行之有效、人民群众满意、市场主体支持的改革举措。",
        ],
    ),
    ("26.2", &["优化营商环境考核指标实", "施细则。"]),
    (
        "26.3",
        &[
            "落实督查奖惩机制，对成",
            "效明显的经验做法给予激励支持，对破坏营商环境的典型案例予以公开曝光。",
        ],
    ),
];

/// Every measure text and task title, whitespace removed, occurs in the table whitespace removed,
/// either whole or (only for the recorded joins) as its fragments, in order, each within a few lines.
#[test]
fn every_text_is_in_the_seed() {
    let cat = cat();
    let table = table();
    let mut texts: Vec<(String, String)> = Vec::new();
    for (_, t) in cat.tasks() {
        texts.push((format!("title {}", t.id), t.title.clone()));
        texts.extend(t.measures.iter().map(|m| (m.id.clone(), m.text.clone())));
    }
    assert_eq!(texts.len(), 26 + 112);
    let mut joined = 0;
    for (key, text) in &texts {
        let text = squeeze(text);
        match JOINS.iter().find(|(k, _)| k == key) {
            None => assert!(table.contains(&text), "{key} is not in the seed: {text}"),
            Some((_, parts)) => {
                joined += 1;
                assert!(
                    !table.contains(&text),
                    "{key} is whole in the seed: drop its join"
                );
                assert_eq!(
                    parts.concat(),
                    text,
                    "{key}: the fragments do not make the text"
                );
                let mut at = 0;
                for (i, p) in parts.iter().enumerate() {
                    let found = table[at..]
                        .find(p)
                        .unwrap_or_else(|| panic!("{key}: fragment {i} {p:?} not found in order"));
                    let gap = &table[at..at + found];
                    assert!(
                        i == 0 || gap.chars().count() < 80,
                        "{key}: fragment {i} is {} chars away",
                        gap.chars().count()
                    );
                    at += found + p.len();
                }
            }
        }
    }
    assert_eq!(joined, JOINS.len(), "every recorded join is used");
}

/// Finds every dated phrase (2019年底前, 2020年6月底前, 2019年 …) in a text, independently of the dataset.
fn dated_phrases(text: &str) -> Vec<(String, Date)> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let digits = |from: usize, max: usize| {
        chars[from..]
            .iter()
            .take(max)
            .take_while(|c| c.is_ascii_digit())
            .count()
    };
    let mut i = 0;
    while i + 5 <= chars.len() {
        if chars[i] == '2' && chars[i + 1] == '0' && digits(i, 4) == 4 && chars[i + 4] == '年' {
            let year: i16 = chars[i..i + 4].iter().collect::<String>().parse().unwrap();
            let mut end = i + 5;
            let mut month = 12;
            let n = digits(end, 2);
            if n > 0 && chars.get(end + n) == Some(&'月') {
                month = chars[end..end + n]
                    .iter()
                    .collect::<String>()
                    .parse()
                    .unwrap();
                end += n + 1;
            }
            if chars[end..].starts_with(&['底', '前']) {
                end += 2;
            }
            let first = Date::new(year, month, 1).unwrap();
            out.push((chars[i..end].iter().collect(), first.last_of_month()));
            i = end;
        } else {
            i += 1;
        }
    }
    out
}

#[test]
fn every_dated_phrase_of_the_seed_is_a_milestone() {
    let cat = cat();
    // 37 occurrences of 20xx年 in the seed: the signing date 2019年10月11日 and 36 in the table.
    let seed_years = dated_phrases(&squeeze(seeds::SOURCE_TEXT));
    assert_eq!(seed_years.len(), 37);
    let table_years = dated_phrases(&table());
    assert_eq!(table_years.len(), 36);

    let mut captured = Vec::new();
    for (_, _, m) in cat.measures() {
        let want = dated_phrases(&m.text);
        let dated: Vec<_> = m
            .milestones
            .iter()
            .filter(|k| k.deadline.is_some())
            .collect();
        assert_eq!(
            dated.len(),
            want.len(),
            "{}: milestones vs dated phrases",
            m.id
        );
        for (k, (phrase, date)) in dated.iter().zip(&want) {
            assert_eq!(k.phrase.as_deref(), Some(phrase.as_str()), "{}", k.id);
            assert_eq!(k.deadline, Some(*date), "{}: {phrase}", k.id);
            assert!(
                k.text.contains(phrase.as_str()),
                "{}: clause lacks its phrase",
                k.id
            );
            assert!(
                m.text.contains(&k.text),
                "{}: clause is not from the measure",
                k.id
            );
            captured.push((phrase.clone(), *date));
        }
        if want.is_empty() {
            assert_eq!(m.milestones.len(), 1, "{}: one undated milestone", m.id);
            assert_eq!(m.milestones[0].text, m.text);
        }
    }
    let mut table_sorted = table_years.clone();
    table_sorted.sort();
    captured.sort();
    assert_eq!(
        captured, table_sorted,
        "the milestones are exactly the table's dated phrases"
    );
}

#[test]
fn deadline_rules() {
    let d = |s: &str| dated_phrases(s)[0].1.to_string();
    assert_eq!(d("2019年底前完成"), "2019-12-31");
    assert_eq!(d("2020年6月底前全面推广"), "2020-06-30");
    assert_eq!(d("2020年研究完善"), "2020-12-31");
}
