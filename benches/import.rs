//! `fgf import` on a 500-item notice (run: `cargo bench --bench import`): 5 sections of 10 tasks
//! of 10 measures, each with a bracketed allocation and a deadline, as text (UTF-8 and GB18030)
//! and as a .csv table. The target is under 50 ms.

use std::time::Instant;

use fgf::domain::import::{Kind, import};

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

const UNITS: [&str; 8] = [
    "市发展改革委",
    "市财政局",
    "市市场监管局",
    "市政务服务办",
    "市住房城乡建设委",
    "市司法局",
    "市大数据发展局",
    "各区县政府",
];
const NUMERALS: [&str; 10] = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

fn notice() -> String {
    let mut s =
        String::from("示例市人民政府办公室关于印发重点任务分工方案的通知\n示府办发〔2099〕1号\n");
    let mut n = 0;
    for (si, sn) in NUMERALS.iter().take(5).enumerate() {
        s.push_str(&format!("{sn}、第{}部分改革任务\n", si + 1));
        for t in 0..10 {
            let tn = t + si * 10 + 1;
            s.push_str(&format!("（{}）推进第{tn}项重点任务\n", cn(tn)));
            for m in 1..=10 {
                n += 1;
                let (a, b) = (UNITS[n % 8], UNITS[(n + 3) % 8]);
                s.push_str(&format!(
                    "{m}. 完善第{n}项工作机制，优化办理流程，2099年{}月底前完成。（{a}牵头，{b}、市级有关部门等按职责分工负责）\n",
                    1 + n % 12
                ));
            }
        }
    }
    s
}

fn cn(n: usize) -> String {
    match n {
        1..=10 => NUMERALS[n - 1].to_string(),
        11..=19 => format!("十{}", NUMERALS[n - 11]),
        _ => format!(
            "{}十{}",
            NUMERALS[n / 10 - 1],
            if n.is_multiple_of(10) {
                ""
            } else {
                NUMERALS[n % 10 - 1]
            }
        ),
    }
}

fn csv() -> String {
    let mut s = String::from("序号,重点任务,具体措施,牵头单位,配合单位,完成时限\n");
    for n in 1..=500 {
        let task = if n % 10 == 1 {
            format!("（{}）推进第{}项重点任务", cn(n / 10 + 1), n / 10 + 1)
        } else {
            String::new()
        };
        s.push_str(&format!(
            "{n},{task},{}.完善第{n}项工作机制,{},{}、市级有关部门,2099年{}月底前\n",
            (n - 1) % 10 + 1,
            UNITS[n % 8],
            UNITS[(n + 3) % 8],
            1 + n % 12
        ));
    }
    s
}

fn bench(name: &str, bytes: &[u8], kind: Kind) {
    let (doc, report) = import(bytes, kind).expect("a document");
    assert_eq!(report.measures, 500, "{name}");
    let _ = doc;
    let mut v: Vec<f64> = (0..60)
        .map(|_| {
            let t = Instant::now();
            let r = import(bytes, kind);
            let ms = t.elapsed().as_secs_f64() * 1e3;
            drop(r);
            ms
        })
        .collect();
    v.sort_by(f64::total_cmp);
    let pick = |q: f64| v[((v.len() - 1) as f64 * q).round() as usize];
    println!(
        "{name:<40} {:>7} bytes  min {:>7.3}  median {:>7.3}  p90 {:>7.3}  max {:>7.3} ms",
        bytes.len(),
        pick(0.0),
        pick(0.5),
        pick(0.9),
        pick(1.0)
    );
}

fn main() {
    let text = notice();
    bench(
        "import 500-item notice (text, UTF-8)",
        text.as_bytes(),
        Kind::Text,
    );
    let (gb, _, _) = encoding_rs::GB18030.encode(&text);
    bench("import 500-item notice (text, GB18030)", &gb, Kind::Text);
    bench("import 500-item table (.csv)", csv().as_bytes(), Kind::Csv);
}
