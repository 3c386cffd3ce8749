//! Big documents for benchmarks and load tests: the embedded document's real clauses, task titles
//! and units, recombined (deterministically, from a seed) into a valid document of any size.

use jiff::civil::date;

use super::model::{Confidence, Document, Measure, Milestone, Section, Task};
use super::seeds;

/// A small deterministic generator (SplitMix64), so that no dependency is needed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// Measures a generated task has.
pub const MEASURES_PER_TASK: usize = 10;

/// A valid document with `measures` measures (10 a task, tasks split over the three sections),
/// each made of 2 to 6 clauses of the embedded document, with its units as lead and support.
pub fn document(measures: usize, seed: u64) -> Document {
    let base = seeds::embedded().doc;
    let mut rng = Rng(seed);
    let clauses: Vec<&str> = base
        .sections
        .iter()
        .flat_map(|s| &s.tasks)
        .flat_map(|t| &t.measures)
        .flat_map(|m| m.text.split(['，', '。', '；']))
        .filter(|c| c.chars().count() >= 4)
        .collect();
    let titles: Vec<&str> = base
        .sections
        .iter()
        .flat_map(|s| &s.tasks)
        .map(|t| t.title.as_str())
        .collect();
    let units: Vec<&str> = base.units.iter().map(|u| u.name.as_str()).collect();
    let deadlines = [
        None,
        Some(date(2019, 12, 31)),
        Some(date(2020, 6, 30)),
        Some(date(2020, 12, 31)),
        Some(date(2021, 12, 31)),
    ];
    let tasks = measures.div_ceil(MEASURES_PER_TASK).max(1);
    let mut out_tasks = Vec::with_capacity(tasks);
    let mut left = measures.max(1);
    for ti in 0..tasks {
        let number = ti as u32 + 1;
        let id = number.to_string();
        let count = left.min(MEASURES_PER_TASK);
        left -= count;
        let list = (0..count)
            .map(|mi| {
                let mid = format!("{id}.{}", mi + 1);
                let n = 2 + rng.below(5);
                let mut text = (0..n)
                    .map(|_| clauses[rng.below(clauses.len())])
                    .collect::<Vec<_>>()
                    .join("，");
                text.push('。');
                let lead_count = 1 + usize::from(rng.next().is_multiple_of(4));
                let lead = pick(&mut rng, &units, lead_count, &[]);
                let support_count = rng.below(4);
                let support = pick(&mut rng, &units, support_count, &lead);
                let milestones = (0..1 + rng.below(2))
                    .map(|k| {
                        let deadline = deadlines[rng.below(deadlines.len())];
                        Milestone {
                            id: format!("{mid}.{}", k + 1),
                            deadline,
                            phrase: deadline.map(|d| format!("{}年底前", d.year())),
                            // The whole measure: the text is not repeated.
                            text: String::new(),
                            ..Milestone::default()
                        }
                    })
                    .collect();
                Measure {
                    id: mid,
                    text,
                    lead,
                    support,
                    confidence: Confidence::High,
                    alternative: None,
                    reading: String::new(),
                    milestones,
                    ..Measure::default()
                }
            })
            .collect();
        out_tasks.push(Task {
            id,
            number,
            numeral: String::new(),
            title: titles[rng.below(titles.len())].to_string(),
            measures: list,
            ..Task::default()
        });
    }
    let third = out_tasks.len().div_ceil(3).max(1);
    let mut sections = Vec::new();
    let mut rest = out_tasks.into_iter().peekable();
    for s in &base.sections {
        let tasks: Vec<Task> = rest.by_ref().take(third).collect();
        if !tasks.is_empty() {
            sections.push(Section {
                key: s.key.clone(),
                numeral: s.numeral.clone(),
                title: s.title.clone(),
                tasks,
                ..Section::default()
            });
        }
    }
    Document {
        id: format!("generated-{measures}"),
        // Never the real document's number: a synthetic file must not pass for 渝府办发〔2019〕103号.
        number: format!("测试文件（{measures} 项举措）"),
        title: format!("{}（生成的测试文件，{measures} 项举措）", base.title),
        sections,
        ..base
    }
}

/// Up to `k` distinct units, none of `not`.
fn pick(rng: &mut Rng, units: &[&str], k: usize, not: &[String]) -> Vec<String> {
    let mut v: Vec<String> = Vec::new();
    for _ in 0..k {
        let u = units[rng.below(units.len())].to_string();
        if !v.contains(&u) && !not.contains(&u) {
            v.push(u);
        }
    }
    v
}

/// Queries of every kind (scopes, operators, pinyin, ids, dates, officials, full-width), for
/// the same tests.
#[cfg(test)]
pub(crate) const QUERIES: &[&str] = &[
    "发改委",
    "营商",
    "fgw",
    "scjgj",
    "审批 服务",
    "服务 !海关",
    "'企业开办",
    "^全面",
    "机制$",
    "@fgw",
    "@@市场监管",
    "市场监管 | 税务",
    "9",
    "1.2",
    "#3",
    ">2020",
    "<2019-12-31",
    "重庆市发展和改革委员会",
    "市场监督管理局",
    "張",
    "副市长",
    "zhang",
    "ＡＢＣ",
    "x",
    "",
];

/// Documents of every kind, for tests that compare two ways of answering: the embedded 103号
/// (format 1), a generated notice, and an imported format-2 notice that names officials.
#[cfg(test)]
pub(crate) fn samples() -> Vec<Document> {
    use crate::domain::import::{Kind, import};
    let city = include_bytes!("../../tests/it/fixtures/import/city.txt");
    let (imported, _) = import(city, Kind::Text).expect("the fixture imports");
    vec![
        crate::domain::seeds::embedded().doc,
        document(300, 7),
        imported,
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Catalog;

    #[test]
    fn generated_documents_are_valid_and_sized() {
        for n in [1, 9, 10, 11, 1000] {
            let cat = Catalog::new(document(n, 7)).expect("valid");
            assert_eq!(cat.measures().count(), n);
        }
    }

    #[test]
    fn generation_is_deterministic() {
        assert_eq!(document(50, 1), document(50, 1));
        assert_ne!(document(50, 1), document(50, 2));
    }
}
