//! The analysis worker: newest revision wins, saves ride along, a language
//! switch rewords without working anything out again.

mod common;
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

/// What the review shows of an analysis, to compare it with a fresh one.
fn assert_same(
    shown: &sysuser::tui::app::Computed,
    fresh: &sysuser::tui::app::Computed,
    what: &str,
) {
    assert_eq!(shown.plan, fresh.plan, "{what}: the reviewed plan");
    assert_eq!(shown.report, fresh.report, "{what}: the findings");
    assert_eq!(shown.tree, fresh.tree, "{what}: the tree");
    assert_eq!(shown.compare, fresh.compare, "{what}: F's comparison");
    assert_eq!(shown.facts, fresh.facts, "{what}: the facts");
}

/// A language switch words the analysis on screen again from its texts
/// (system users' names, reasons, notes, unserved clients, findings about
/// the layout, the tree, F's comparison): no new analysis, and the result
/// is what an analysis in that language gives, for every scenario.
#[test]
fn a_language_switch_rewords_without_analysing_again() {
    let mut plans = vec![("situation".to_string(), situation())];
    for path in common::scenario_files() {
        plans.push((path.display().to_string(), common::load(&path)));
    }
    for (name, plan) in plans {
        let mut app = App::with_plan(config(Lang::En), plan, None);
        app.go(Step::Welcome);
        let asked = app.analyses_asked;
        for lang in [Lang::Nb, Lang::En, Lang::Nb] {
            press(&mut app, &[Char(' ')]);
            assert_eq!(app.lang, lang);
            assert_eq!(app.analyses_asked, asked, "{name}: nothing analysed again");
            let fresh = sysuser::tui::app::compute(&app.plan, app.own_layout, lang);
            assert_same(&app.computed, &fresh, &format!("{name} in {}", lang.code()));
        }
    }
}

/// Findings and the decision tree's answers are data: a language switch
/// rewords them at once, with no analysis asked of the worker; an analysis
/// asked for before the switch and answered after it is worded in the new
/// language too.
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
    let asked = app.analyses_asked;
    app.go(Step::Welcome);
    press(&mut app, &[Char(' ')]);
    assert_eq!(app.lang, Lang::Nb);
    assert!(!app.computing(), "nothing is asked of the worker");
    assert_eq!(app.analyses_asked, asked);
    app.go(Step::Review);
    let shown = screen(&app, 160, 40);
    assert!(shown.contains(&head(&nb)), "{shown}");
    assert_ne!(app.answers(), english_answers);
    let fresh = sysuser::tui::app::compute(&app.plan, false, Lang::Nb);
    assert_same(&app.computed, &fresh, "after the switch");

    // An edit asks for an analysis in bokmål; the switch back to English
    // comes before its answer is taken, which is then worded in English.
    app.go(Step::Clients);
    press(&mut app, &[Char('d')]);
    assert!(app.computing());
    app.go(Step::Welcome);
    press(&mut app, &[Char(' ')]);
    assert_eq!(app.lang, Lang::En);
    wait_for_worker(&mut app);
    let fresh = sysuser::tui::app::compute(&app.plan, false, Lang::En);
    assert_same(&app.computed, &fresh, "the analysis on its way");
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
    press(&mut app, &[Down, Down, Down]);
    assert_eq!(app.selected_row(), Some(sysuser::tui::app::Row::OpenFile));
    enter_text(&mut app, other.to_str().unwrap());
    for effect in app.take_effects() {
        app.on_outcome(effect.run());
    }
    assert_eq!(app.plan.clients.len(), 6);
    wait_for_worker(&mut app);
    let reviewed = app.computed.plan.as_ref().expect("analysed");
    assert_eq!(reviewed.clients.len(), 6, "the opened plan's analysis");
}
