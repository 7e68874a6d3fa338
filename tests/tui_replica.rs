//! The workers' replica of the plan follows the input thread's plan through
//! any edits, undos and redos: it is sent the parts changes touch, never a
//! copy of the plan per change.

mod tui_support;

use proptest::prelude::*;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use sysuser::cli::Lang;
use sysuser::tui::{App, Step};
use tui_support::*;

/// Keys that move, edit, delete, merge, undo and redo on every step.
fn keys() -> impl Strategy<Value = KeyEvent> {
    let plain = prop::sample::select(vec![
        KeyCode::Char('a'),
        KeyCode::Char('d'),
        KeyCode::Char('e'),
        KeyCode::Char('u'),
        KeyCode::Char('u'),
        KeyCode::Char('x'),
        KeyCode::Char('y'),
        KeyCode::Char('f'),
        KeyCode::Char('n'),
        KeyCode::Char('r'),
        KeyCode::Char(' '),
        KeyCode::Char('3'),
        KeyCode::Char('4'),
        KeyCode::Char('5'),
        KeyCode::Char('6'),
        KeyCode::Char('7'),
        KeyCode::Char('2'),
        KeyCode::Char('b'),
        KeyCode::Char('9'),
        KeyCode::Enter,
        KeyCode::Enter,
        KeyCode::Down,
        KeyCode::Up,
        KeyCode::Tab,
        KeyCode::Esc,
        KeyCode::Backspace,
        KeyCode::Delete,
    ])
    .prop_map(key);
    prop_oneof![8 => plain, 1 => Just(ctrl('r'))]
}

fn same(app: &App) -> Result<(), TestCaseError> {
    let (plan, own_layout) = app.replica().expect("no worker in tests");
    prop_assert!(plan == &*app.plan, "the replica's plan differs");
    prop_assert_eq!(own_layout, app.own_layout);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn replica_follows_edits_undo_and_redo(
        complete_plan in any::<bool>(),
        start in prop::sample::select(vec![Step::Clients, Step::Review, Step::Organisation, Step::Options]),
        seq in prop::collection::vec(keys(), 1..80),
    ) {
        let plan = if complete_plan { complete() } else { situation() };
        let mut app = App::with_plan(config(Lang::En), plan, None);
        // `n` on the last step exports: into a folder of the test's own,
        // also after random keys typed another file name.
        let dir = tempfile::tempdir().unwrap();
        let (plan_file, tree_file) = (
            dir.path().join("plan.yaml").display().to_string(),
            dir.path().join("plan-tree.txt").display().to_string(),
        );
        app.go(start);
        same(&app)?;
        for k in seq {
            app.export_plan = plan_file.clone();
            app.export_tree = tree_file.clone();
            app.on(k);
            same(&app)?;
        }
        // Everything undone, then redone: still the same.
        for _ in 0..100 {
            app.on(key(KeyCode::Char('u')));
        }
        same(&app)?;
        for _ in 0..100 {
            app.on(KeyEvent::new(KeyCode::Char('r'), KeyModifiers::CONTROL));
        }
        same(&app)?;
    }
}

/// A whole client list (an import) reaches the replica too, and its undo.
#[test]
fn replica_follows_an_import_and_its_undo() {
    let (_dir, mut app) = import_on_clients("orgnr,name\n310000043,Ny Klient AS\n");
    let (plan, _) = app.replica().unwrap();
    assert_eq!(plan.clients.len(), 7);
    assert!(*app.plan == *plan);
    app.on(key(KeyCode::Char('u')));
    let (plan, _) = app.replica().unwrap();
    assert_eq!(plan.clients.len(), 6);
    assert!(*app.plan == *plan);
}
