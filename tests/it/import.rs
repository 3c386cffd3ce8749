//! `fgf import`: fixtures of our own in each pattern real notices use (made up, short), each
//! imported by the binary and compared with a hand-written digest of the expected document; the
//! output passes `fgf doc check`; GB18030, standard input, .docx and .xlsx made here; the report
//! on stderr; no allocation and a scrambled table refused with a clear message.

use std::io::Write;
use std::path::Path;
use std::process::Stdio;

use fgf::domain::{Document, Measure, Role, Roles};

use crate::support::sealed::Sandbox;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/it/fixtures/import");

/// A role list as the digest writes it: `L[word]=A、B等`.
fn role(out: &mut Vec<String>, letter: char, role: Role, list: &[String], roles: &Roles) {
    if list.is_empty() {
        return;
    }
    let word = roles.get(role).map_or("", |w| w.word.as_str());
    let word = if word.is_empty() {
        String::new()
    } else {
        format!("[{word}]")
    };
    let etc = if roles.etc(role) { "等" } else { "" };
    out.push(format!("{letter}{word}={}{etc}", list.join("、")));
}

fn alloc(
    lead: &[String],
    resp: &[String],
    sup: &[String],
    roles: &Roles,
    off: &[fgf::domain::Official],
) -> String {
    let mut out = Vec::new();
    role(&mut out, 'L', Role::Lead, lead, roles);
    role(&mut out, 'R', Role::Responsible, resp, roles);
    role(&mut out, 'S', Role::Support, sup, roles);
    for o in off {
        out.push(format!("O={}:{}", o.role, o.name));
    }
    out.join(" ")
}

fn measure(m: &Measure) -> String {
    let who = if m.lead.is_empty() && m.responsible.is_empty() && m.support.is_empty() {
        "^".to_string()
    } else {
        alloc(&m.lead, &m.responsible, &m.support, &m.roles, &m.officials)
    };
    let due: Vec<String> = m
        .milestones
        .iter()
        .map(|k| {
            let date = k.deadline.map_or("-".to_string(), |d| d.to_string());
            let star = if k.inferred { "*" } else { "" };
            match &k.phrase {
                Some(p) => format!("{date}{star}({p})"),
                None => "?".to_string(),
            }
        })
        .collect();
    let text: String = m.text.chars().take(6).collect();
    format!("  {} {} {text}|{who}|{}", m.id, m.label, due.join(";"))
}

/// The digest of a document: what the hand-written expectations say.
fn digest(d: &Document) -> String {
    let mut out = vec![format!(
        "D {}|{}|{}|{}",
        d.title,
        d.number,
        d.issuer,
        d.published.map_or(String::new(), |p| p.to_string())
    )];
    for s in &d.sections {
        out.push(format!("S {} {}{}", s.key, s.label, s.title));
        for t in &s.tasks {
            let who = alloc(&t.lead, &t.responsible, &t.support, &t.roles, &t.officials);
            out.push(format!("T{} {} {}|{who}", t.id, t.label, t.title));
            out.extend(t.measures.iter().map(measure));
        }
    }
    let mut units: Vec<String> = d
        .units
        .iter()
        .map(|u| {
            let mut s = u.name.clone();
            if u.collective {
                s.push('*');
            }
            s
        })
        .collect();
    units.sort();
    out.push(format!("U {}", units.join(" ")));
    out.join("\n")
}

/// Imports `path` with the binary, checks the file it writes with `fgf doc check`, and returns
/// the document and the report.
fn import(sandbox: &Sandbox, path: &Path) -> (Document, String) {
    let out = sandbox.path().join("out.json");
    let _ = std::fs::remove_file(&out);
    let o = sandbox.run(&[
        "import",
        path.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    let err = String::from_utf8(o.stderr).unwrap();
    assert!(o.status.success(), "{}: {err}", path.display());
    let check = sandbox.run(&["doc", "check", out.to_str().unwrap()]);
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stdout)
    );
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(
        !text.chars().any(|c| c.is_control() && c != '\n'),
        "raw control characters"
    );
    (serde_json::from_str(&text).unwrap(), err)
}

fn expect(name: &str, got: &Document, want: &str) {
    let got = digest(got);
    let want = want.trim();
    if got != want {
        let diff: Vec<String> = got
            .lines()
            .zip(want.lines().chain(std::iter::repeat("")))
            .filter(|(g, w)| g != w)
            .map(|(g, w)| format!("got  {g}\nwant {w}"))
            .collect();
        panic!(
            "{name}: the document differs from the expectation\n{}\n\nwhole:\n{got}",
            diff.join("\n")
        );
    }
}

fn fixture(name: &str) -> std::path::PathBuf {
    Path::new(FIXTURES).join(name)
}

fn expected(name: &str) -> String {
    std::fs::read_to_string(fixture(&format!("{name}.expected"))).unwrap()
}

#[test]
fn each_text_pattern_imports_as_expected() {
    let sandbox = Sandbox::new();
    for (name, file) in [
        ("guoban", "guoban.txt"),
        ("city", "city.txt"),
        ("district", "district.txt"),
        ("trad", "trad.txt"),
        ("table", "table.csv"),
    ] {
        let (doc, _) = import(&sandbox, &fixture(file));
        expect(name, &doc, &expected(name));
    }
}

#[test]
fn gb18030_and_standard_input_read_the_same_notice() {
    let sandbox = Sandbox::new();
    let text = std::fs::read_to_string(fixture("district.txt")).unwrap();
    let (gb, _, _) = encoding_rs::GB18030.encode(&text);
    let path = sandbox.path().join("district-gb.txt");
    std::fs::write(&path, &gb).unwrap();
    let (doc, err) = import(&sandbox, &path);
    expect("district (GB18030)", &doc, &expected("district"));
    assert!(err.contains("GB18030"), "{err}");
    let mut child = sandbox
        .command()
        .args(["import", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(&gb).unwrap();
    let o = child.wait_with_output().unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let doc: Document = serde_json::from_slice(&o.stdout).unwrap();
    expect("district (stdin)", &doc, &expected("district"));
}

/// A zip of `files` (name, text), as Word and Excel write them.
fn zip_of(files: &[(&str, String)]) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, text) in files {
        w.start_file(*name, zip::write::SimpleFileOptions::default())
            .unwrap();
        w.write_all(text.as_bytes()).unwrap();
    }
    w.finish().unwrap().into_inner()
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// A minimal .xlsx of one sheet, every cell an inline string.
fn xlsx(rows: &[&[&str]]) -> Vec<u8> {
    let mut sheet = String::from(
        r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#,
    );
    for (r, row) in rows.iter().enumerate() {
        sheet.push_str(&format!(r#"<row r="{}">"#, r + 1));
        for (c, cell) in row.iter().enumerate() {
            let col = (b'A' + c as u8) as char;
            sheet.push_str(&format!(
                r#"<c r="{col}{}" t="inlineStr"><is><t>{}</t></is></c>"#,
                r + 1,
                esc(cell)
            ));
        }
        sheet.push_str("</row>");
    }
    sheet.push_str("</sheetData></worksheet>");
    zip_of(&[
        ("[Content_Types].xml", r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"#.into()),
        ("_rels/.rels", r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#.into()),
        ("xl/workbook.xml", r#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="分工" sheetId="1" r:id="rId1"/></sheets></workbook>"#.into()),
        ("xl/_rels/workbook.xml.rels", r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#.into()),
        ("xl/worksheets/sheet1.xml", sheet),
    ])
}

/// A minimal .docx: paragraphs, then a table, then paragraphs.
fn docx(before: &[&str], table: &[&[&str]], after: &[&str]) -> Vec<u8> {
    let p = |t: &str| format!("<w:p><w:r><w:t>{}</w:t></w:r></w:p>", esc(t));
    let mut body = String::new();
    before.iter().for_each(|t| body.push_str(&p(t)));
    body.push_str("<w:tbl>");
    for row in table {
        body.push_str("<w:tr>");
        for cell in *row {
            body.push_str(&format!("<w:tc>{}</w:tc>", p(cell)));
        }
        body.push_str("</w:tr>");
    }
    body.push_str("</w:tbl>");
    after.iter().for_each(|t| body.push_str(&p(t)));
    let xml = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}</w:body></w:document>"#
    );
    zip_of(&[
        ("[Content_Types].xml", r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#.into()),
        ("word/document.xml", xml),
    ])
}

#[test]
fn an_xlsx_table_imports_by_its_headers() {
    let rows: &[&[&str]] = &[
        &[
            "序号",
            "工作任务",
            "牵头单位",
            "配合单位",
            "时间节点",
            "责任领导",
        ],
        &[
            "1",
            "推进企业开办标准化",
            "区市场监管局",
            "区税务局",
            "2099年5月底前",
            "王五",
        ],
        &[
            "2",
            "深化工程建设项目审批改革",
            "区住房城乡建设局",
            "区自然资源局、区发展改革局",
            "2099年10月",
            "",
        ],
        &["3", "推行“一业一证”", "区行政审批局", "", "持续推进", ""],
        &["4", "优化纳税服务", "区税务局", "", "2099年12月31日", ""],
        &["5", "规范中介服务", "发改局", "区财政局", "年底前", ""],
        &[
            "6",
            "加强信用体系建设",
            "区发展改革局",
            "各街道办事处",
            "2099年6月",
            "",
        ],
        &[
            "7",
            "推进“互联网+监管”",
            "区市场监管局",
            "区级各有关部门等",
            "长期坚持",
            "",
        ],
        &[
            "8",
            "优化水电气报装",
            "区住房城乡建设局",
            "区供电公司、区水务集团",
            "2099年8月底前",
            "",
        ],
        &[
            "9",
            "推广电子证照",
            "区政务服务中心",
            "区大数据局",
            "2099年9月30日前",
            "",
        ],
        &[
            "10",
            "建立政企沟通机制",
            "区工商联",
            "区发展改革局",
            "每季度末",
            "",
        ],
    ];
    let sandbox = Sandbox::new();
    let path = sandbox.path().join("分工表.xlsx");
    std::fs::write(&path, xlsx(rows)).unwrap();
    let (doc, err) = import(&sandbox, &path);
    expect("xlsx", &doc, &expected("xlsx"));
    assert!(err.contains("简称归并：发改局 → 区发展改革局"), "{err}");
}

#[test]
fn a_docx_with_a_table_imports_with_its_metadata() {
    let table: &[&[&str]] = &[
        &[
            "序号",
            "重点任务",
            "具体措施",
            "牵头单位",
            "配合单位",
            "完成时限",
        ],
        &[
            "1",
            "（一）优化开办服务",
            "1.压缩企业开办时间",
            "县市场监管局",
            "县税务局",
            "6月底前",
        ],
        &[
            "2",
            "",
            "2.推行电子营业执照",
            "县市场监管局",
            "",
            "2099年12月",
        ],
        &[
            "3",
            "（二）优化审批服务",
            "1.推行告知承诺制",
            "县司法局",
            "县级各有关部门",
            "持续推进",
        ],
        &[
            "4",
            "",
            "2.压减审批材料",
            "县政务服务中心",
            "县司法局",
            "年底前",
        ],
        &[
            "5",
            "（三）加强监管",
            "1.推行信用监管",
            "县发展改革局",
            "县市场监管局、县人民银行",
            "2099年9月30日",
        ],
        &[
            "6",
            "",
            "2.开展联合抽查",
            "县市场监管局",
            "县应急管理局等",
            "每季度末",
        ],
        &[
            "7",
            "（四）优化政务服务",
            "1.推进一网通办",
            "县政务服务中心",
            "县大数据中心",
            "2099年10月底前",
        ],
        &["8", "", "2.推行好差评", "县政务服务中心", "", "长期坚持"],
        &[
            "9",
            "",
            "3.建设便民服务站",
            "县政务服务中心",
            "各乡镇人民政府",
            "2099年",
        ],
        &[
            "10",
            "（五）保护市场主体",
            "1.清理拖欠账款",
            "县财政局",
            "县工业和信息化局",
            "2099年6月30日前",
        ],
    ];
    let bytes = docx(
        &[
            "示例县人民政府办公室关于印发2099年营商环境重点任务分工的通知",
            "示县府办〔2099〕8号",
        ],
        table,
        &["示例县人民政府办公室", "2099年4月1日"],
    );
    let sandbox = Sandbox::new();
    let path = sandbox.path().join("通知.docx");
    std::fs::write(&path, bytes).unwrap();
    let (doc, _) = import(&sandbox, &path);
    expect("docx", &doc, &expected("docx"));
}

#[test]
fn the_report_counts_and_names_what_it_could_not_place() {
    let sandbox = Sandbox::new();
    let (_, err) = import(&sandbox, &fixture("city.txt"));
    assert!(
        err.contains("读出 3 个部分、6 项任务、14 条举措、13 个单位、7 个时间节点"),
        "{err}"
    );
    assert!(err.contains("新建单位（13）：市市场监管局、"), "{err}");
    assert!(
        err.contains("疑似同一单位：市发改委 / 市发展改革委"),
        "{err}"
    );
    assert!(err.contains("第 4 行：现将《示例市2099年"), "{err}");
    let o = sandbox.run(&[
        "--lang",
        "en",
        "import",
        fixture("city.txt").to_str().unwrap(),
    ]);
    let err = String::from_utf8(o.stderr).unwrap();
    assert!(
        err.contains("read 3 sections, 6 tasks, 14 measures, 13 units, 7 deadlines"),
        "{err}"
    );
    assert!(err.contains("line 4: "), "{err}");
}

#[test]
fn no_allocation_and_a_scrambled_table_are_refused_clearly() {
    let sandbox = Sandbox::new();
    let plain = sandbox.path().join("plain.txt");
    std::fs::write(
        &plain,
        "关于做好春节期间值班工作的通知\n一、加强值班。\n二、及时报告。\n",
    )
    .unwrap();
    let o = sandbox.run(&["import", plain.to_str().unwrap()]);
    assert!(!o.status.success());
    assert!(o.stdout.is_empty(), "no document written");
    let err = String::from_utf8(o.stderr).unwrap();
    assert!(err.contains("没有找到分工"), "{err}");
    let scrambled = sandbox.path().join("pdf.txt");
    let text: String = (0..40)
        .map(|i| ["市发展", "改革委", "牵头", "市财政", "局", "2099年"][i % 6].to_string() + "\n")
        .collect();
    std::fs::write(&scrambled, text).unwrap();
    let o = sandbox.run(&["import", scrambled.to_str().unwrap()]);
    assert!(!o.status.success());
    let err = String::from_utf8(o.stderr).unwrap();
    assert!(err.contains("PDF 表格"), "{err}");
}

#[test]
fn an_existing_output_is_never_overwritten_without_force() {
    let sandbox = Sandbox::new();
    let out = sandbox.path().join("mine.json");
    std::fs::write(&out, "not fgf's").unwrap();
    let src = fixture("guoban.txt");
    let o = sandbox.run(&["import", src.to_str().unwrap(), "-o", out.to_str().unwrap()]);
    assert!(!o.status.success());
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "not fgf's");
    let o = sandbox.run(&[
        "import",
        src.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "--force",
    ]);
    assert!(o.status.success());
    assert!(
        std::fs::read_to_string(&out)
            .unwrap()
            .contains("\"format\": 2")
    );
}

#[test]
fn a_docx_of_paragraphs_reads_as_its_text() {
    let text = std::fs::read_to_string(fixture("guoban.txt")).unwrap();
    let paras: Vec<&str> = text.lines().collect();
    let sandbox = Sandbox::new();
    let path = sandbox.path().join("guoban.docx");
    std::fs::write(&path, docx(&paras, &[], &[])).unwrap();
    let (doc, _) = import(&sandbox, &path);
    expect("guoban (docx)", &doc, &expected("guoban"));
}

#[test]
fn parenthesised_and_circled_numbers_nest_and_label() {
    let notice = "示例镇2099年重点工作分工\n\
        1. 优化营商环境\n\
        （1）推行“一窗通办”。（镇便民服务中心负责）\n\
        （2）年底前建成企业服务专窗。（镇经济发展办牵头，镇财政所配合）\n\
        2. 加强安全监管\n\
        ① 开展燃气安全排查，每季度末报送。（镇应急办负责）\n\
        ② 整治消防通道。（镇综合执法队负责）\n";
    let (doc, report) =
        fgf::domain::import::import(notice.as_bytes(), fgf::domain::import::Kind::Text).unwrap();
    let want = "D 示例镇2099年重点工作分工|||
S 全部 示例镇2099年重点工作分工
T1 1. 优化营商环境|
  1.1 （1） 推行“一窗通|R=镇便民服务中心|?
  1.2 （2） 年底前建成企|L=镇经济发展办 S=镇财政所|2099-12-31*(年底前)
T2 2. 加强安全监管|
  2.1 ① 开展燃气安全|R=镇应急办|-(每季度末)
  2.2 ② 整治消防通道|R=镇综合执法队|?
U 镇便民服务中心 镇应急办 镇经济发展办 镇综合执法队 镇财政所";
    expect("circled", &doc, want);
    assert!(report.unplaced.is_empty(), "{:?}", report.unplaced);
}

/// A notice that names no lead for an item: `deadlines` shows who is responsible, never an empty
/// lead column, and its JSON carries `responsible`.
#[test]
fn deadlines_show_who_is_responsible_where_no_lead_is_named() {
    let sandbox = Sandbox::new();
    import(&sandbox, &fixture("district.txt"));
    let doc = sandbox.path().join("out.json");
    let o = sandbox.run(&["--doc", doc.to_str().unwrap(), "deadlines"]);
    let out = String::from_utf8(o.stdout).unwrap();
    let line = out
        .lines()
        .find(|l| l.contains("1.2.1"))
        .unwrap_or_else(|| panic!("1.2.1 listed: {out}"));
    assert!(line.contains("区行政审批局"), "{line}");
    let o = sandbox.run(&["--doc", doc.to_str().unwrap(), "deadlines", "--json"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let text = v.to_string();
    assert!(
        text.contains("\"responsible\":[\"区行政审批局\"]"),
        "{text}"
    );
}

/// A named official is found by `fgf search` (and so by `/` in the view) as by `fgf who`.
#[test]
fn search_finds_an_item_by_its_official() {
    let sandbox = Sandbox::new();
    let (doc, _) = import(&sandbox, &fixture("city.txt"));
    let official = doc
        .sections
        .iter()
        .flat_map(|s| &s.tasks)
        .flat_map(|t| {
            t.officials
                .iter()
                .chain(t.measures.iter().flat_map(|m| &m.officials))
        })
        .next()
        .expect("the city fixture names an official")
        .name
        .clone();
    let out = sandbox.path().join("out.json");
    let o = sandbox.run(&[
        "--doc",
        out.to_str().unwrap(),
        "search",
        &official,
        "--json",
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let hits: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let hits = hits.as_array().unwrap();
    assert!(!hits.is_empty(), "{official} found");
    assert!(
        hits.iter().any(|h| h.to_string().contains("official")),
        "the hit says it matched an official: {hits:?}"
    );
}
