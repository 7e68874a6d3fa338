//! The analysis worker: newest revision wins, saves ride along, a language
//! switch back rewords without working anything out again.

mod tui_support;

use ratatui::crossterm::event::KeyCode::*;
use sysuser::cli::Lang;
use sysuser::tui::{App, Step};
use tui_support::*;

#[test]
fn the_review_shows_the_newest_revision_after_quick_edits() {
    let mut cfg = config(Lang::En);
    cfg.background = true;
    let dir = tempfile::tempdir().unwrap();
    cfg.state_path = Some(dir.path().join("wizard.yaml"));
    let mut app = App::with_plan(cfg, situation(), None);
    app.start();
    wait_for_worker(&mut app);
    app.go(Step::Clients);
    for _ in 0..4 {
        press(&mut app, &[Char('d')]);
    }
    assert_eq!(app.plan.clients.len(), 2);
    wait_for_worker(&mut app);
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
    let english = app.answers();
    let asked = app.analyses_asked;
    press(&mut app, &[Char(' ')]);
    assert_eq!(app.lang, Lang::Nb);
    assert_eq!(app.analyses_asked, asked + 1, "bokmål is worked out once");
    let bokmal = app.answers();
    assert_ne!(english, bokmal);
    press(&mut app, &[Char(' ')]);
    assert_eq!(app.lang, Lang::En);
    assert_eq!(
        app.analyses_asked,
        asked + 1,
        "English is taken back, not recomputed"
    );
    assert_eq!(app.answers(), english);
    press(&mut app, &[Char(' ')]);
    assert_eq!(app.analyses_asked, asked + 1);
    assert_eq!(app.answers(), bokmal);
}

/// Findings and the decision tree's answers are data: a language switch
/// rewords them at once, before the worker answers. (The new analysis still
/// comes: the advisor words the recommended system users' names, reasons and
/// notes, and scenario F's comparison, in the language.)
#[test]
fn a_language_switch_rewords_the_findings_at_once() {
    use sysuser::rules::Wording;
    let mut cfg = config(Lang::En);
    cfg.background = true;
    let mut app = App::with_plan(cfg, situation(), None);
    app.start();
    wait_for_worker(&mut app);
    let report = app.computed.report.clone();
    let first = &report.findings[0];
    let (en, nb) = (
        first.message(Wording::wizard(Lang::En)),
        first.message(Wording::wizard(Lang::Nb)),
    );
    assert_ne!(en, nb);
    let head = |s: &str| s.chars().take(30).collect::<String>();
    let english_answers = app.answers();
    assert_eq!(english_answers.len(), 7);
    app.go(Step::Review);
    assert!(screen(&app, 160, 40).contains(&head(&en)));
    app.go(Step::Welcome);
    press(&mut app, &[Char(' ')]);
    assert_eq!(app.lang, Lang::Nb);
    app.go(Step::Review);
    // The worker has not answered yet: the findings shown are the English
    // analysis's, worded in bokmål.
    assert!(app.computing());
    let shown = screen(&app, 160, 40);
    assert!(shown.contains(&head(&nb)), "{shown}");
    // So are the decision tree's answers: data (the facts), worded at draw.
    let bokmal_answers = app.answers();
    assert_ne!(bokmal_answers, english_answers);
    wait_for_worker(&mut app);
    assert_eq!(app.answers(), bokmal_answers);
    let rules = |r: &sysuser::rules::Report| r.findings.iter().map(|f| f.rule).collect::<Vec<_>>();
    assert_eq!(rules(&app.computed.report), rules(&report));
}

/// A key that opens a file only asks for it: the event loop reads it on a
/// thread of its own, so a FIFO nobody writes to cannot freeze the wizard.
#[test]
fn opening_a_file_is_an_effect_the_event_loop_runs() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("clients.csv");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    let csv = dir.path().join("more.csv");
    std::fs::write(&csv, "orgnr,name\n310000043,Ny Klient AS\n").unwrap();
    let mut cfg = config(Lang::En);
    cfg.background = true;
    let mut app = App::with_plan(cfg, situation(), None);
    app.go(Step::Clients);
    for path in [&fifo, &csv] {
        press(&mut app, &[Char('i')]);
        type_text(&mut app, path.to_str().unwrap());
        press(&mut app, &[Enter]);
    }
    assert_eq!(app.plan.clients.len(), 6, "nothing is read by the keys");
    let effects = app.take_effects();
    assert_eq!(effects.len(), 2);
    for effect in effects {
        let outcome = std::thread::spawn(move || effect.run()).join().unwrap();
        app.on_outcome(outcome);
    }
    assert_eq!(app.plan.clients.len(), 7, "the list was read");
    assert!(
        app.status.as_deref().unwrap().contains("Read 1 client"),
        "{:?}",
        app.status
    );
}

/// Opening a file while the analysis of the plan before is still under way:
/// that analysis is not taken for the opened plan's (the opened plan is a
/// new revision even before it is edited).
#[test]
fn an_analysis_of_the_plan_before_an_opened_file_is_dropped() {
    let dir = tempfile::tempdir().unwrap();
    let other = dir.path().join("other.yaml");
    std::fs::write(&other, SITUATION).unwrap();
    let mut cfg = config(Lang::En);
    cfg.background = true;
    let big = sysuser::generate::plan(20_000, 0, 1);
    let mut app = App::with_plan(cfg, big, None);
    app.start();
    app.go(Step::Welcome);
    press(&mut app, &[Down, Down]);
    enter_text(&mut app, other.to_str().unwrap());
    for effect in app.take_effects() {
        app.on_outcome(effect.run());
    }
    assert_eq!(app.plan.clients.len(), 6);
    wait_for_worker(&mut app);
    let reviewed = app.computed.plan.as_ref().expect("analysed");
    assert_eq!(reviewed.clients.len(), 6, "the opened plan's analysis");
}
