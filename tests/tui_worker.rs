//! The analysis worker: newest revision wins, saves ride along, a language
//! switch back rewords without working anything out again.

mod tui_support;

use ratatui::crossterm::event::KeyCode::*;
use std::time::{Duration, Instant};
use sysuser::cli::Lang;
use sysuser::tui::{App, Step};
use tui_support::*;

fn wait(app: &mut App) {
    let start = Instant::now();
    while app.computing() {
        assert!(
            start.elapsed() < Duration::from_secs(60),
            "the worker answers"
        );
        app.poll_computed();
        std::thread::sleep(Duration::from_millis(2));
    }
}

#[test]
fn the_review_shows_the_newest_revision_after_quick_edits() {
    let mut cfg = config(Lang::En);
    cfg.background = true;
    let dir = tempfile::tempdir().unwrap();
    cfg.state_path = Some(dir.path().join("wizard.yaml"));
    let mut app = App::with_plan(cfg, situation(), None);
    app.start();
    wait(&mut app);
    app.go(Step::Clients);
    for _ in 0..4 {
        press(&mut app, &[Char('d')]);
    }
    assert_eq!(app.plan.clients.len(), 2);
    wait(&mut app);
    let reviewed = app.computed.plan.as_ref().unwrap();
    assert_eq!(
        reviewed.clients.len(),
        2,
        "the analysis is of the last edit"
    );
    app.finish_saving();
    let saved = sysuser::tui::state::load(&dir.path().join("wizard.yaml")).unwrap();
    assert_eq!(saved.plan.clients.len(), 2, "the last save has every edit");
    assert!(app.session.error.is_none());
}

#[test]
fn switching_the_language_back_rewords_without_recomputing() {
    let mut app = App::new(config(Lang::En));
    let english = app.computed.answers.clone();
    let asked = app.analyses_asked;
    press(&mut app, &[Char(' ')]);
    assert_eq!(app.lang, Lang::Nb);
    assert_eq!(app.analyses_asked, asked + 1, "bokmål is worked out once");
    let bokmal = app.computed.answers.clone();
    assert_ne!(english, bokmal);
    press(&mut app, &[Char(' ')]);
    assert_eq!(app.lang, Lang::En);
    assert_eq!(
        app.analyses_asked,
        asked + 1,
        "English is taken back, not recomputed"
    );
    assert_eq!(app.computed.answers, english);
    press(&mut app, &[Char(' ')]);
    assert_eq!(app.analyses_asked, asked + 1);
    assert_eq!(app.computed.answers, bokmal);
}
