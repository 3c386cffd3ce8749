//! Issue 17's notes: a marker on what has a note in the tree, and `A` writing a note of several
//! lines in $EDITOR (keys -> state here; the real editor run in a pty with a script for editor).

use std::os::unix::fs::PermissionsExt;

use crate::support::pty::Pty;
use crate::support::sealed::Sandbox;
use crate::support::{app, press, screen};
use fgf::tui::action::Effect;

#[test]
fn a_note_puts_a_marker_on_its_milestone_and_measure_rows() {
    let mut a = app(120, 40);
    press(&mut a, "] o");
    let id = a.selected_id().unwrap();
    assert!(!screen(&a).contains('✎'));
    press(&mut a, "a x Enter");
    let milestone = format!("{id}.1");
    assert_eq!(a.progress().note(&milestone), Some("x"), "{id}");
    let row = screen(&a)
        .lines()
        .find(|l| l.contains(&format!("{id} ")))
        .unwrap()
        .to_string();
    assert!(row.contains("✎"), "{row}");
    // A milestone row of an opened measure shows it too (19.3 has three milestones).
    press(&mut a, "z M 3 g Enter j j j l j");
    assert_eq!(a.selected_id().as_deref(), Some("19.3.1"));
    press(&mut a, "a y Enter");
    let row = screen(&a)
        .lines()
        .find(|l| l.contains("19.3.1 "))
        .unwrap()
        .to_string();
    assert!(row.contains("✎"), "{row}");
}

#[test]
fn capital_a_asks_for_the_editor_with_the_note_as_it_is() {
    let mut a = app(120, 40);
    assert_eq!(
        crate::support::press(&mut a, "A"),
        Effect::None,
        "a task has no note"
    );
    assert!(a.status().unwrap().contains("请选择一个里程碑"));
    press(&mut a, "] o a o l d Enter");
    let milestone = format!("{}.1", a.selected_id().unwrap());
    let effect = press(&mut a, "A");
    assert_eq!(
        effect,
        Effect::Editor {
            milestone: milestone.clone(),
            text: "old".into()
        }
    );
}

#[test]
fn the_edited_text_is_neutralised_line_by_line_and_saved() {
    let mut a = app(120, 40);
    press(&mut a, "] o");
    let milestone = format!("{}.1", a.selected_id().unwrap());
    let text = "第一行\r\n\x1b[31m红\x07\t字  \n\n第三行\n\n\n".to_string();
    assert_eq!(a.note_edited(&milestone, Ok(text)), Effect::Save);
    let note = a.progress().note(&milestone).unwrap();
    assert_eq!(note, "第一行\n␛[31m红␇ 字\n\n第三行");
    assert!(!note.chars().any(|c| c.is_control() && c != '\n'));
    // The detail pane keeps the lines.
    let s = screen(&a);
    assert!(s.contains("备注：第一行"), "{s}");
    assert!(s.contains("第三行"), "{s}");
    // The same text again changes nothing; an empty file removes the note.
    let same = a.note_edited(&milestone, Ok(format!("{note}\n")));
    assert_eq!(same, Effect::None);
    assert_eq!(a.status(), Some("备注未改"));
    assert_eq!(a.note_edited(&milestone, Ok("\n \n".into())), Effect::Save);
    assert_eq!(a.progress().note(&milestone), None);
}

#[test]
fn a_failing_editor_leaves_the_note_and_says_so() {
    let mut a = app(120, 40);
    press(&mut a, "] o a k e p t Enter");
    let milestone = format!("{}.1", a.selected_id().unwrap());
    let effect = a.note_edited(&milestone, Err("vi: exit status: 1".into()));
    assert_eq!(effect, Effect::None);
    assert_eq!(a.progress().note(&milestone), Some("kept"));
    assert_eq!(
        a.status(),
        Some("编辑器未成功，备注未改：vi: exit status: 1")
    );
}

/// fgf in a pty with a script for editor, named by `var` ($EDITOR or $VISUAL): the script
/// records the terminal's mode in `side` (restored: not raw) and writes two lines, one with an
/// escape sequence, into the file it is given. Returns the pty and `side`.
fn with_fake_editor(var: &str) -> (Pty, std::path::PathBuf) {
    let sandbox = Sandbox::new();
    let script = sandbox.path().join("editor.sh");
    let side = sandbox.path().join("stty.txt");
    std::fs::write(
        &script,
        "#!/bin/sh\nstty -a > \"$SIDE\" 2>&1\nprintf 'first line\\n\\033[31msecond line\\n' > \"$1\"\n",
    )
    .unwrap();
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
    let (script_s, side_s) = (script.to_string_lossy(), side.to_string_lossy());
    let env = [(var, script_s.as_ref()), ("SIDE", side_s.as_ref())];
    let p = Pty::spawn_in(sandbox, 120, 40, &[], &env);
    p.wait_text("（一）进一步放宽市场准入");
    (p, side)
}

#[test]
fn the_editor_runs_on_a_restored_terminal_and_its_text_is_saved() {
    let (mut p, side) = with_fake_editor("EDITOR");
    p.send("]o");
    p.wait_text("1.1.1");
    p.send("A");
    p.wait_text("备注：first line");
    p.wait_text("␛[31msecond line");
    assert!(p.alternate(), "back on the alternate screen");
    let stty = std::fs::read_to_string(&side).unwrap();
    assert!(
        stty.contains(" icanon") && !stty.contains("-icanon"),
        "the editor ran in cooked mode: {stty}"
    );
    let state = std::fs::read_dir(p.sandbox.data_dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|f| f.extension().is_some_and(|x| x == "json"))
        .expect("a state file");
    let saved = std::fs::read_to_string(state).unwrap();
    assert!(
        saved.contains("first line\\n\\u241b[31msecond line")
            || saved.contains("first line\\n␛[31msecond line"),
        "{saved}"
    );
    p.send("q");
    assert_eq!(p.wait_exit(), 0);
    assert!(!p.alternate());
}

#[test]
fn visual_stands_in_for_editor_and_a_failing_one_changes_nothing() {
    let (mut p, _) = with_fake_editor("VISUAL");
    p.send("]oA");
    p.wait_text("备注：first line");
    p.send("q");
    assert_eq!(p.wait_exit(), 0);
    let mut p = Pty::spawn(120, 40, &[], &[("EDITOR", "false")]);
    p.wait_text("（一）");
    p.send("]oA");
    p.wait_text("编辑器未成功，备注未改");
    assert!(p.alternate());
    assert!(!p.screen().contains("备注："));
    p.send("q");
    assert_eq!(p.wait_exit(), 0);
}
