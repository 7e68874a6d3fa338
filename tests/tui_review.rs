//! The review's panes by key: the tree, the findings (Enter shows one and
//! goes where it is fixed), and the Why pane, which pages through its lines
//! and speaks in the wizard's terms.

mod tui_support;

use ratatui::crossterm::event::KeyCode::*;
use sysuser::cli::Lang;
use sysuser::rules::{Finding, Report, Rule};
use sysuser::tui::app::{Overlay, Pane};
use sysuser::tui::{App, Step};
use tui_support::*;

#[test]
fn a_complete_plan_opens_on_the_review_and_tab_cycles_panes() {
    let mut app = App::with_plan(config(Lang::En), complete(), None);
    assert_eq!(app.step, Step::Review);
    assert!(app.own_layout);
    assert_eq!(app.pane, Pane::Tree);
    press(&mut app, &[Tab]);
    assert_eq!(app.pane, Pane::Findings);
    press(&mut app, &[Tab]);
    assert_eq!(app.pane, Pane::Why);
    press(&mut app, &[BackTab]);
    assert_eq!(app.pane, Pane::Findings);
    press(&mut app, &[Char('z')]);
    assert!(app.zoom);
    let zoomed = screen(&app, 80, 24);
    assert!(zoomed.contains("Findings"), "{zoomed}");
    assert!(
        !zoomed.contains("Recommended layout") && !zoomed.contains(" Why "),
        "{zoomed}"
    );
    press(&mut app, &[Char('z')]);
    assert!(!app.zoom);
    press(&mut app, &[Char('a'), Char('y')]);
    assert!(
        app.plan.system_users.len() > 1,
        "a, y takes in the recommended layout"
    );
}

#[test]
fn a_finding_about_a_system_user_only_has_nowhere_to_jump() {
    let mut app = App::with_plan(config(Lang::En), complete(), None);
    app.computed.report = Report::new(vec![
        Finding::new(Rule::PackageImmutable, "cannot change later").system_user("Accounting"),
    ]);
    assert_eq!(app.finding_target(0), None);
    press(&mut app, &[Tab, Enter]);
    assert!(!screen(&app, 120, 40).contains("Enter goes to"));
    press(&mut app, &[Enter]);
    assert!(app.overlays.is_empty());
    assert_eq!(app.step, Step::Review);
}

#[test]
fn enter_on_a_finding_shows_it_and_jumps_to_the_client() {
    let mut app = App::with_plan(config(Lang::En), complete(), None);
    app.computed.report = Report::new(vec![
        Finding::new(Rule::ClientMissingPackage, "Client B lacks a package")
            .client("312655993")
            .with_hint("delegate it"),
        Finding::new(Rule::OwnNeedsUncovered, "merverdiavgift is not covered")
            .package("merverdiavgift"),
    ]);
    press(&mut app, &[Tab, Enter]);
    assert!(matches!(app.overlays.last(), Some(Overlay::Finding(0))));
    let shown = screen(&app, 120, 40);
    assert!(shown.contains("delegate it"), "{shown}");
    press(&mut app, &[Enter]);
    assert_eq!(app.step, Step::Clients);
    assert_eq!(app.sel, 1);

    app.go(Step::Review);
    app.computed.report = Report::new(vec![
        Finding::new(Rule::OwnNeedsUncovered, "merverdiavgift is not covered")
            .package("merverdiavgift"),
    ]);
    app.pane = Pane::Findings;
    app.finding_sel = 0;
    press(&mut app, &[Enter, Enter]);
    assert_eq!(app.step, Step::OwnPackages);
}

/// Page Down in the Why pane shows every line, a page at a time, and stops
/// at the last page.
#[test]
fn the_why_pane_pages_through_every_line() {
    let mut app = App::with_plan(config(Lang::En), situation(), None);
    app.go(Step::Review);
    press(&mut app, &[Tab, Tab]);
    let mut seen = String::new();
    let mut last = String::new();
    for _ in 0..40 {
        let shown = screen(&app, 80, 24);
        seen.push_str(&shown.replace(['│', '"', '\n'], " "));
        if shown == last {
            break;
        }
        last = shown;
        press(&mut app, &[PageDown]);
    }
    let words = |s: &str| {
        s.split_whitespace()
            .map(str::to_string)
            .collect::<Vec<_>>()
            .join(" ")
    };
    let seen = words(&seen);
    for line in app.why_lines() {
        let head: String = words(&line).chars().take(20).collect();
        assert!(seen.contains(head.trim()), "never shown: {line}");
    }
}

/// The Why pane's notes name the wizard's steps and rows, not the plan's keys.
#[test]
fn the_why_pane_names_the_wizards_rows() {
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/h-own-and-delegated.yaml");
    let mut plan = sysuser::plan::load(&path).unwrap();
    plan.system_users.clear();
    for lang in [Lang::En, Lang::Nb] {
        let app = App::with_plan(config(lang), plan.clone(), None);
        let why = app.why_lines().join("\n");
        let row = match lang {
            Lang::En => "«Own organisation on a client system user» on the Options step",
            Lang::Nb => "«Egen virksomhet på klientsystembruker» på steget Valg",
        };
        assert!(why.contains(row), "{why}");
        assert!(!why.contains("options.self_on_client"), "{why}");
    }
}

/// A client list read before its roles are set leaves every client unserved:
/// the Why pane names the first few and counts the rest.
#[test]
fn the_why_pane_counts_many_unserved_clients() {
    let mut plan = sysuser::generate::plan(300, 0, 1);
    for c in &mut plan.clients {
        c.er_roles.clear();
        c.delegated.clear();
    }
    let app = App::with_plan(config(Lang::En), plan, None);
    let why = app.why_lines();
    assert_eq!(
        why.iter()
            .filter(|l| l.starts_with("! ") && !l.contains('…'))
            .count(),
        20
    );
    assert!(
        why.contains(
            &"! … and 280 more clients on no system user (the findings name each).".to_string()
        ),
        "{why:?}"
    );
}

#[test]
fn findings_wrap_and_the_selected_one_stays_whole_on_screen() {
    let mut app = App::with_plan(config(Lang::En), situation(), None);
    app.go(Step::Review);
    let long = |n: usize| {
        format!(
            "Client {n} AS has not delegated sykefravaer, which system user Accounting + sick leave requires (finding {n} ends here)."
        )
    };
    app.computed.report = Report::new(
        (0..40)
            .map(|n| Finding::new(Rule::ClientMissingPackage, long(n)))
            .collect(),
    );
    press(&mut app, &[Tab]);
    assert_eq!(app.pane, Pane::Findings);
    let flat = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    for (keys, n) in [(vec![], 0), (vec![Down, Down, Down], 3), (vec![End], 39)] {
        press(&mut app, &keys);
        let s = screen(&app, 80, 24);
        // The pane's lines, right of the tree, joined: the whole message is there.
        let pane: String = s
            .lines()
            .map(|l| l.chars().skip(48).take(32).collect::<String>())
            .collect::<Vec<_>>()
            .join(" ");
        assert!(
            flat(&pane).contains(&format!("(finding {n} ends here).")),
            "{s}"
        );
    }
}
