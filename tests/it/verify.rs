//! `fgf verify` (issue 15): a reading checked against a named source is kept in the state file,
//! merged like check-offs, shown in place of the inferred one, and undone with --clear.

use std::path::{Path, PathBuf};
use std::process::Output;

use fgf::domain::progress::{State, Verification};
use fgf::domain::{Item, seeds};
use fgf::tui::action::{Action, Effect};
use fgf::tui::app::{App, Mode};
use fgf::tui::i18n::Lang;
use fgf::tui::keymap::Ctx;
use serde_json::Value;

use crate::support::sealed::Sandbox;
use crate::support::{options, press, screen};

struct Env {
    sandbox: Sandbox,
}

impl Env {
    fn new() -> Env {
        Env {
            sandbox: Sandbox::new(),
        }
    }

    fn state(&self, name: &str) -> PathBuf {
        self.sandbox.path().join(name)
    }

    fn run(&self, state: &Path, args: &[&str]) -> Output {
        let mut all = vec!["--state", state.to_str().unwrap()];
        all.extend(args);
        self.sandbox.run(&all)
    }

    fn ok(&self, state: &Path, args: &[&str]) -> String {
        let o = self.run(state, args);
        assert!(
            o.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&o.stderr)
        );
        String::from_utf8(o.stdout).unwrap()
    }

    fn json(&self, state: &Path, args: &[&str]) -> Value {
        serde_json::from_str(&self.ok(state, args)).unwrap()
    }
}

const READING: &[&str] = &[
    "verify",
    "10.4",
    "--lead",
    "口岸办",
    "财政局",
    "--support",
    "海关",
    "铁路办事处",
    "各区县",
    "--source",
    "正式文本第6页",
    "--by",
    "张三",
];

#[test]
fn a_verified_reading_is_shown_in_place_of_the_inferred_one_everywhere() {
    let e = Env::new();
    let s = e.state("s.json");
    let out = e.ok(&s, READING);
    assert!(out.contains("✔ 已核实"), "{out}");
    let m = e.json(&s, &["show", "10.4", "--json"]);
    assert_eq!(
        m["lead"],
        serde_json::json!(["市政府口岸物流办", "市财政局"])
    );
    let v = &m["verified"];
    assert_eq!(v["lead"], m["lead"]);
    assert_eq!(v["support"][0], "重庆海关");
    assert_eq!(
        (&v["source"], &v["by"]),
        (&"正式文本第6页".into(), &"张三".into())
    );
    assert!(v["at"].as_str().unwrap().ends_with('Z'));
    assert_eq!(
        v["inferred"]["lead"][0], "重庆海关",
        "the document's reading kept"
    );
    let shown = e.ok(&s, &["show", "10.4"]);
    assert!(
        shown.contains("✔ 已核实（来源：正式文本第6页，张三"),
        "{shown}"
    );
    assert!(!shown.contains("分工读法不确定"), "{shown}");
    let list = e.ok(&s, &["list"]);
    let row = list.lines().find(|l| l.contains("10.4 ")).unwrap();
    assert!(
        row.contains("市政府口岸物流办") && row.contains("✔已核实"),
        "{row}"
    );
    let unit = e.ok(&s, &["unit", "口岸办"]);
    assert!(
        unit.lines()
            .any(|l| l.contains("10.4") && l.contains("✔已核实")),
        "{unit}"
    );
    let who = e.json(&s, &["who", "10.4", "--json"]);
    assert_eq!(who[0]["verified"]["source"], "正式文本第6页");
    let listed = e.json(&s, &["verify", "--list", "--json"]);
    assert_eq!(listed["verified"][0]["id"], "10.4");
    let inferred = listed["inferred"].as_array().unwrap();
    assert!(inferred.iter().all(|m| m["id"] != "10.4"));
    assert_eq!(inferred.len(), 31, "32 uncertain, one verified");
    let csv = e.ok(&s, &["export", "--format", "csv"]);
    let row = csv.lines().find(|l| l.contains(",10.4,")).unwrap();
    assert!(
        row.contains(",verified,已核实：正式文本第6页（文件推断 牵头 重庆海关"),
        "{row}"
    );
    // Without the state file, the document's reading.
    let other = e.json(&e.state("none.json"), &["show", "10.4", "--json"]);
    assert_eq!(other["lead"][0], "重庆海关");
    assert!(other.get("verified").is_none());
}

#[test]
fn clear_undoes_it_and_the_clear_is_kept_for_merges() {
    let e = Env::new();
    let s = e.state("s.json");
    e.ok(&s, READING);
    let out = e.ok(&s, &["verify", "10.4", "--clear"]);
    assert!(out.contains("已撤销核实"), "{out}");
    let m = e.json(&s, &["show", "10.4", "--json"]);
    assert_eq!(m["lead"][0], "重庆海关");
    assert!(m.get("verified").is_none(), "{m}");
    let file: Value = serde_json::from_str(&std::fs::read_to_string(&s).unwrap()).unwrap();
    assert_eq!(file["verified"]["10.4"]["cleared"], true);
    let again = e.ok(&s, &["verify", "10.4", "--clear"]);
    assert!(again.contains("没有核实记录"), "{again}");
}

#[test]
fn a_unit_the_document_does_not_know_is_an_error_with_the_nearest_names() {
    let e = Env::new();
    let s = e.state("s.json");
    let o = e.run(
        &s,
        &["verify", "10.4", "--lead", "口岸", "--source", "正式文本"],
    );
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("本文件没有名为 \"口岸\" 的单位"), "{err}");
    assert!(err.contains("市政府口岸物流办"), "{err}");
    assert!(!s.exists(), "nothing recorded");
    let o = e.run(&s, &["verify", "99.9", "--lead", "口岸办", "--source", "x"]);
    assert_eq!(o.status.code(), Some(2));
    let o = e.run(&s, &["verify", "10.4", "--lead", "口岸办", "--source", " "]);
    assert_ne!(o.status.code(), Some(0));
    let o = e.run(
        &s,
        &[
            "verify",
            "10.4",
            "--lead",
            "口岸办",
            "--support",
            "市政府口岸物流办",
            "--source",
            "x",
        ],
    );
    assert_ne!(
        o.status.code(),
        Some(0),
        "a unit both leading and cooperating"
    );
    assert!(!s.exists());
}

/// Two people verify the same measure differently: merging either file into the other keeps the
/// later reading; a later clear wins over an earlier verification too.
#[test]
fn conflicting_verifications_from_two_state_files_merge_to_the_later() {
    let e = Env::new();
    let (a, b) = (e.state("a.json"), e.state("b.json"));
    e.ok(&a, READING);
    e.ok(
        &b,
        &[
            "verify",
            "10.4",
            "--lead",
            "海关",
            "--source",
            "扫描件",
            "--by",
            "李四",
        ],
    );
    let lead = |s: &Path| e.json(s, &["show", "10.4", "--json"])["lead"].clone();
    let a2 = e.state("a2.json");
    std::fs::copy(&a, &a2).unwrap();
    e.ok(&a, &["state", "merge", b.to_str().unwrap()]);
    e.ok(&b, &["state", "merge", a2.to_str().unwrap()]);
    assert_eq!(lead(&a), serde_json::json!(["重庆海关"]), "b's is later");
    assert_eq!(lead(&b), lead(&a));
    assert_eq!(std::fs::read(&a).unwrap(), std::fs::read(&b).unwrap());
    // A clear made later in a third copy wins over both.
    let c = e.state("c.json");
    std::fs::copy(&a, &c).unwrap();
    e.ok(&c, &["verify", "10.4", "--clear"]);
    e.ok(&a, &["state", "merge", c.to_str().unwrap()]);
    assert_eq!(lead(&a)[0], "重庆海关");
    assert!(
        e.json(&a, &["show", "10.4", "--json"])
            .get("verified")
            .is_none()
    );
}

/// A state file as the current release writes it (no `verified`) loads; fgf keeps writing such a
/// file until something is verified, so an older fgf can still read it.
#[test]
fn state_files_without_verifications_stay_as_they_were() {
    let e = Env::new();
    let s = e.state("s.json");
    let old = "{\n  \"version\": 1,\n  \"document\": \"yufubanfa-2019-103\",\n  \"milestones\": {\n    \"1.1.1\": {\n      \"done\": true,\n      \"at\": \"2019-12-20T08:00:00Z\"\n    }\n  }\n}\n";
    std::fs::write(&s, old).unwrap();
    e.ok(&s, &["check", "1.2.1"]);
    let text = std::fs::read_to_string(&s).unwrap();
    assert!(!text.contains("verified"), "{text}");
    e.ok(&s, READING);
    let file: Value = serde_json::from_str(&std::fs::read_to_string(&s).unwrap()).unwrap();
    assert_eq!(file["milestones"]["1.1.1"]["done"], true, "check-offs kept");
    assert_eq!(file["verified"]["10.4"]["by"], "张三");
    let p = e.json(&s, &["progress", "--json"]);
    assert_eq!(p["done"], 2);
}

#[test]
fn the_tui_shows_the_verified_reading() {
    let mut state = State::new("yufubanfa-2019-103");
    state.verified.insert(
        "10.4".into(),
        Verification {
            lead: vec!["口岸办".into()],
            support: vec![],
            source: "正式文本第6页".into(),
            at: jiff::Timestamp::from_second(1_800_000_000).unwrap(),
            by: Some("张三".into()),
            cleared: false,
        },
    );
    let (cat, skipped) = seeds::embedded().with_verified(&state);
    assert!(skipped.is_empty());
    assert!(matches!(cat.get("10.4"), Some(Item::Measure(_, _, m)) if m.verified.is_some()));
    let mut a = App::new(cat, options(Lang::Zh));
    a.update(Action::Resize(120, 40));
    press(&mut a, "G Enter j j j j Enter");
    let s = screen(&a);
    assert!(s.contains("已核实：正式文本第6页 张三"), "{s}");
    assert!(!s.contains("分工读法不确定"), "{s}");
}

/// Moves the verify popup's cursor to a unit.
fn pick(a: &mut App, name: &str) {
    let Mode::Verify(form) = a.mode() else {
        panic!("not verifying")
    };
    let u = a.catalog().unit_index(name).unwrap();
    let at = a.units().order().iter().position(|&x| x == u).unwrap() as isize;
    let steps = at - form.cursor.sel as isize;
    let key = if steps > 0 { "j" } else { "k" };
    for _ in 0..steps.abs() {
        press(a, key);
    }
    press(a, "Space");
}

#[test]
fn v_in_the_tui_records_a_verification_from_picked_units_and_a_typed_source() {
    let mut a = crate::support::app(120, 40);
    press(&mut a, "G Enter j j j j");
    let Some(Item::Measure(_, _, m)) = a.selected_loc().map(|l| a.catalog().at(l)) else {
        panic!("10.4 selected")
    };
    assert_eq!(m.id, "10.4");
    let finance = a.catalog().unit_index("市财政局").unwrap();
    let leads = a.units().body(finance).lead;
    press(&mut a, "v");
    assert_eq!(a.ctx(), Ctx::Pick);
    let popup = screen(&a);
    assert!(
        popup.contains("[牵头] 重庆海关"),
        "starts from the reading shown"
    );
    insta::assert_snapshot!("verify_popup_120x40", popup);
    // 重庆海关, 重庆铁路办事处, 各区县政府: lead -> cooperating; 口岸办, 财政局: none -> lead.
    for u in ["重庆海关", "铁路办事处", "各区县政府", "口岸办", "财政局"] {
        pick(&mut a, u);
    }
    press(&mut a, "Enter");
    assert_eq!(a.ctx(), Ctx::Input, "now the source");
    assert_eq!(
        press(&mut a, "Enter"),
        Effect::None,
        "no source, nothing recorded"
    );
    for c in "正式文本第6页".chars() {
        press(&mut a, &c.to_string());
    }
    assert_eq!(press(&mut a, "Enter"), Effect::Save);
    assert_eq!(*a.mode(), Mode::Browse);
    let v = &a.progress().state().verified["10.4"];
    assert_eq!(v.lead, ["市财政局", "市政府口岸物流办"]);
    assert_eq!(v.support, ["重庆海关", "重庆铁路办事处", "各区县政府"]);
    assert_eq!(v.source, "正式文本第6页");
    let Some(Item::Measure(_, _, m)) = a.catalog().get("10.4") else {
        panic!()
    };
    assert_eq!(m.lead, v.lead, "shown in place of the inferred reading");
    assert_eq!(
        a.units().body(finance).lead,
        leads + 1,
        "the units view counts it"
    );
    press(&mut a, "Enter");
    assert!(
        screen(&a).contains("已核实：正式文本第6页"),
        "{}",
        screen(&a)
    );
    // Esc leaves without recording; a lead is required.
    press(&mut a, "Esc v");
    for u in ["财政局", "口岸办"] {
        pick(&mut a, u);
        pick(&mut a, u);
    }
    press(&mut a, "Enter");
    assert_eq!(a.ctx(), Ctx::Pick, "no lead unit: still picking");
    press(&mut a, "Esc");
    assert_eq!(*a.mode(), Mode::Browse);
}

/// A verification from a wrong clock would win every merge for ever: refused like a check-off's.
#[test]
fn a_verification_dated_in_the_future_is_refused() {
    let e = Env::new();
    let s = e.state("s.json");
    let file = r#"{"version": 1, "document": "yufubanfa-2019-103", "milestones": {},
  "verified": {"10.4": {"lead": ["市财政局"], "support": [], "source": "x", "at": "2099-01-01T00:00:00Z"}}}"#;
    std::fs::write(&s, file).unwrap();
    let o = e.run(&s, &["state", "check"]);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("verified[\"10.4\"]") && err.contains("ahead"),
        "{err}"
    );
    let o = e.run(&s, &["list"]);
    assert!(o.status.success(), "the document is still shown");
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("核实"),
        "says why no verified reading is shown: {err}"
    );
}

/// A verified reading that does not fit the document is named on stderr, neutralised: its id
/// comes from the state file.
#[test]
fn a_verification_that_does_not_fit_is_named_neutralised() {
    let env = crate::support::state_env::StateEnv::new();
    env.ok(&["verify", "10.4", "--lead", "口岸办", "--source", "正式文本"]);
    let text = std::fs::read_to_string(env.state()).unwrap();
    let evil = text.replacen("\"10.4\"", "\"10.4\\u001b]0;x\\u0007\"", 1);
    assert_ne!(evil, text, "the id is in the file");
    std::fs::write(env.state(), evil).unwrap();
    let o = env.run(&["who", "企业开办"]);
    let err = String::from_utf8(o.stderr).unwrap();
    assert!(err.contains("10.4"), "named: {err}");
    assert!(!err.contains('\u{1b}') && !err.contains('\u{7}'), "{err:?}");
}
