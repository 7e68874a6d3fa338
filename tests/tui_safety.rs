//! Nothing is lost: each data-safety path as a key sequence.

mod tui_support;

use ratatui::crossterm::event::KeyCode::*;
use sysuser::cli::Lang;
use sysuser::tui::app::{Overlay, Replace, Row};
use sysuser::tui::state;
use sysuser::tui::{App, Step};
use tui_support::*;

/// A config saving to `dir/wizard.yaml`, computed on the calling thread.
fn saving(dir: &std::path::Path) -> sysuser::tui::Config {
    let mut cfg = config(Lang::En);
    cfg.state_path = Some(dir.join("wizard.yaml"));
    cfg
}

/// A saved session with a named organisation, as an earlier run leaves it.
fn earlier_session(dir: &std::path::Path) {
    let mut app = App::with_plan(saving(dir), situation(), None);
    press(&mut app, &[Down]);
    enter_text(&mut app, "Earlier AS");
    assert!(dir.join("wizard.yaml").exists());
}

#[test]
fn new_plan_over_a_saved_session_asks_and_keeps_it_as_a_backup() {
    let dir = tempfile::tempdir().unwrap();
    earlier_session(dir.path());
    let mut app = App::new(saving(dir.path()));
    assert_eq!(app.rows()[1], Row::Resume, "Continue comes first");
    assert_eq!(app.selected_row(), Some(Row::Resume));
    press(&mut app, &[Down, Enter]);
    assert!(
        matches!(
            app.overlays.last(),
            Some(Overlay::ConfirmReplace(Replace::StartNew))
        ),
        "asks before putting the saved session aside"
    );
    press(&mut app, &[Char('n')]);
    assert_eq!(app.step, Step::Welcome);
    press(&mut app, &[Enter, Char('y')]);
    assert_eq!(app.step, Step::Organisation);
    // Quitting before typing anything leaves the saved session alone.
    app.persist();
    let kept = state::load(&dir.path().join("wizard.yaml")).unwrap();
    assert_eq!(kept.plan.organisation.name, "Earlier AS");

    enter_text(&mut app, "310202398");
    let now = state::load(&dir.path().join("wizard.yaml")).unwrap();
    assert_eq!(now.plan.organisation.orgnr.as_str(), "310202398");
    let backup = state::load(&state::generation_path(&dir.path().join("wizard.yaml"), 1))
        .expect("the earlier session is wizard.yaml.1");
    assert_eq!(backup.plan.organisation.name, "Earlier AS");
}

/// Esc on a client form with something typed asks before dropping it; an
/// untouched form closes at once, and so does an edit that changed nothing.
#[test]
fn esc_on_a_filled_in_client_form_asks_first() {
    let mut app = App::with_plan(config(Lang::En), situation(), None);
    app.go(Step::Clients);
    let before = app.plan.clients.len();
    press(&mut app, &[Char('a')]);
    press(&mut app, &[Esc]);
    assert!(app.overlays.is_empty(), "nothing typed: closes at once");
    press(&mut app, &[Char('a')]);
    enter_text(&mut app, "311040170");
    press(&mut app, &[Esc]);
    assert!(matches!(app.overlays.last(), Some(Overlay::ConfirmDrop)));
    assert!(screen(&app, 80, 24).contains("Drop what you typed?"));
    press(&mut app, &[Char('n')]);
    assert!(
        matches!(app.overlays.last(), Some(Overlay::Client(d)) if d.orgnr == "311040170"),
        "back to the form, as typed"
    );
    press(&mut app, &[Esc, Char('y')]);
    assert!(app.overlays.is_empty());
    assert_eq!(app.plan.clients.len(), before);
    // Editing a client and changing nothing: Esc just closes.
    press(&mut app, &[Enter, Esc]);
    assert!(app.overlays.is_empty());
    // A team with a name typed asks too.
    app.go(Step::Teams);
    press(&mut app, &[Char('a')]);
    enter_text(&mut app, "Payroll");
    press(&mut app, &[Esc]);
    assert!(matches!(app.overlays.last(), Some(Overlay::ConfirmDrop)));
}

/// A session saved after its export says so: continued, it does not claim
/// the plan is unexported (nor ask before quitting) until the next change.
#[test]
fn a_continued_session_remembers_its_export() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = App::with_plan(saving(dir.path()), situation(), None);
    app.go(Step::Clients);
    press(&mut app, &[Char('d')]);
    app.export_plan = dir.path().join("plan.yaml").display().to_string();
    app.export_tree = dir.path().join("plan-tree.txt").display().to_string();
    app.go(Step::Export);
    press(&mut app, &[Char('n')]);
    assert!(!app.unsaved, "exported");
    app.persist();
    app.finish_saving();
    let saved = state::load(&dir.path().join("wizard.yaml")).unwrap();
    assert!(saved.exported);
    let mut again = App::resume(saving(dir.path()), saved);
    assert!(!again.unsaved);
    assert!(!screen(&again, 80, 24).contains("Not exported yet"));
    again.go(Step::Clients);
    press(&mut again, &[Char('d')]);
    assert!(again.unsaved, "a change after the export");
    again.persist();
    again.finish_saving();
    assert!(
        !state::load(&dir.path().join("wizard.yaml"))
            .unwrap()
            .exported
    );
}

/// The welcome screen speaks the saved session's language, which continuing
/// it would switch to anyway.
#[test]
fn the_welcome_screen_speaks_the_saved_sessions_language() {
    let dir = tempfile::tempdir().unwrap();
    let mut cfg = saving(dir.path());
    cfg.lang = Lang::Nb;
    let mut app = App::with_plan(cfg, situation(), None);
    press(&mut app, &[Down]);
    enter_text(&mut app, "Tidligere AS");
    let app = App::new(saving(dir.path()));
    assert_eq!(app.lang, Lang::Nb);
    assert!(screen(&app, 80, 24).contains("Fortsett den lagrede økten"));
}

#[test]
fn quitting_from_the_welcome_screen_keeps_the_saved_session() {
    let dir = tempfile::tempdir().unwrap();
    earlier_session(dir.path());
    let before = std::fs::read(dir.path().join("wizard.yaml")).unwrap();
    let mut app = App::new(saving(dir.path()));
    press(&mut app, &[Char('q')]);
    app.persist();
    app.finish_saving();
    assert_eq!(
        std::fs::read(dir.path().join("wizard.yaml")).unwrap(),
        before
    );
}

#[test]
fn opening_a_file_over_unsaved_work_asks_first_and_undo_brings_it_back() {
    let dir = tempfile::tempdir().unwrap();
    let other = dir.path().join("other.yaml");
    std::fs::write(&other, format!("{}{}", SITUATION, COMPLETE)).unwrap();
    let mut app = App::new(config(Lang::En));
    press(&mut app, &[Down, Enter]);
    enter_text(&mut app, "310202398");
    press(&mut app, &[Esc]);
    assert_eq!(app.step, Step::Welcome);
    press(&mut app, &[Down]);
    assert_eq!(app.selected_row(), Some(Row::BackToPlan));
    press(&mut app, &[Down, Down]);
    assert_eq!(app.selected_row(), Some(Row::OpenFile));
    enter_text(&mut app, other.to_str().unwrap());
    assert!(matches!(
        app.overlays.last(),
        Some(Overlay::ConfirmReplace(Replace::Open(_)))
    ));
    let dialog = screen(&app, 80, 24);
    assert!(dialog.contains("u undoes this"), "{dialog}");
    press(&mut app, &[Char('y')]);
    assert_eq!(app.step, Step::Review);
    assert_eq!(app.plan.clients.len(), 6);
    press(&mut app, &[Char('u')]);
    assert_eq!(app.plan.clients.len(), 0);
    assert_eq!(app.plan.organisation.orgnr.as_str(), "310202398");
}

#[test]
fn delete_says_what_it_deleted_and_undo_and_redo_restore_it() {
    let mut app = App::with_plan(config(Lang::En), situation(), None);
    app.go(Step::Clients);
    press(&mut app, &[Down, Char('d')]);
    assert_eq!(app.plan.clients.len(), 5);
    let status = app.status.clone().unwrap();
    assert!(status.contains("Client B AS (312655993)"), "{status}");
    assert!(status.contains("u to undo"), "{status}");
    press(&mut app, &[Char('u')]);
    assert_eq!(app.plan.clients.len(), 6);
    assert_eq!(app.plan.clients[1].name, "Client B AS");
    press(&mut app, &[Char('u')]);
    assert_eq!(app.status.as_deref(), Some("Nothing to undo or redo."));
    app.on(ctrl('r'));
    assert_eq!(app.plan.clients.len(), 5);
    assert!(app.plan.clients.iter().all(|c| c.name != "Client B AS"));
}

#[test]
fn every_kind_of_edit_undoes() {
    let mut app = App::with_plan(config(Lang::En), situation(), None);
    let original = (*app.plan).clone();
    // A field, a toggle, a package pick, a client edit, a team.
    press(&mut app, &[Down]);
    enter_text(&mut app, "Renamed AS");
    press(&mut app, &[Char('n'), Down, Down, Down, Enter]);
    press(&mut app, &[Char('n'), Char(' ')]);
    press(&mut app, &[Char('n'), Enter, Down]);
    enter_text(&mut app, "Changed AS");
    press(&mut app, &[End, Enter]);
    press(&mut app, &[Char('n'), Char('d')]);
    assert_ne!(*app.plan, original);
    for _ in 0..5 {
        press(&mut app, &[Char('u')]);
    }
    assert_eq!(*app.plan, original);
    for _ in 0..5 {
        app.on(ctrl('r'));
    }
    assert_eq!(app.plan.organisation.name, "Renamed AS");
    assert_eq!(app.plan.teams.len(), 1);
    assert_eq!(app.plan.clients[0].name, "Changed AS");
}

#[test]
fn using_the_recommendation_merges_keeps_refs_asks_and_undoes() {
    let mut app = App::with_plan(config(Lang::En), complete(), None);
    assert!(app.own_layout);
    let mine = app.plan.system_users.clone();
    press(&mut app, &[Char('a')]);
    let Some(Overlay::ConfirmMerge(m)) = app.overlays.last() else {
        panic!("asks first: {:?}", app.overlays);
    };
    assert!(!m.steps.is_empty());
    let shown = screen(&app, 120, 40);
    assert!(shown.contains("Use the recommendation?"), "{shown}");
    assert!(
        shown.contains("1. "),
        "the diff's steps are listed: {shown}"
    );
    press(&mut app, &[Char('n')]);
    assert_eq!(app.plan.system_users, mine, "n keeps the layout");

    press(&mut app, &[Char('a'), Char('y')]);
    assert!(app.plan.system_users.len() > 1);
    let kept = app
        .plan
        .system_users
        .iter()
        .find(|u| u.external_ref == "accounting")
        .expect("the matching system user keeps its external ref");
    assert_eq!(kept.name, "Accounting");
    assert!(kept.why.is_some(), "and gains the recommendation's reason");
    // Pressing it again: the layout already is the recommendation.
    press(&mut app, &[Char('a')]);
    assert!(app.overlays.is_empty());
    assert!(app.status.as_deref().unwrap().contains("already"));

    press(&mut app, &[Char('u'), Char('u')]);
    assert_eq!(app.plan.system_users, mine);
}

#[test]
fn export_onto_dev_null_writes_through_and_leaves_the_device() {
    let mut app = App::with_plan(config(Lang::En), situation(), None);
    app.go(Step::Export);
    enter_text(&mut app, "/dev/null");
    press(&mut app, &[Enter, Enter]); // tree: text → Markdown → none
    assert_eq!(app.rows().len(), 3 + sysuser::tui::app::OUTPUTS.len()); // outputs off
    press(&mut app, &[Char('n')]);
    assert!(app.overlays.is_empty(), "a device is not a file to replace");
    assert_eq!(app.written, vec![std::path::PathBuf::from("/dev/null")]);
    use std::os::unix::fs::FileTypeExt;
    let meta = std::fs::metadata("/dev/null").unwrap();
    assert!(
        meta.file_type().is_char_device(),
        "/dev/null is still a device"
    );
}

#[test]
fn a_failing_autosave_keeps_saying_so() {
    let dir = tempfile::tempdir().unwrap();
    // The state folder is a file: every save fails.
    let blocker = dir.path().join("state");
    std::fs::write(&blocker, "").unwrap();
    let mut cfg = config(Lang::En);
    cfg.state_path = Some(blocker.join("wizard.yaml"));
    let mut app = App::with_plan(cfg, situation(), None);
    press(&mut app, &[Down]);
    enter_text(&mut app, "Unsaved AS");
    assert!(app.session.error.is_some());
    assert!(!app.session.saved());
    press(&mut app, &[Char('n'), Char('n')]);
    let s = screen(&app, 80, 24);
    assert!(s.contains("NOT being saved"), "{s}");
    assert!(!s.contains("saved as you go"), "{s}");
    press(&mut app, &[Char('q')]);
    let s = screen(&app, 80, 24);
    assert!(s.contains("could not be saved"), "{s}");
}

#[test]
fn the_client_dialog_checks_the_check_digit_and_duplicates_at_once() {
    let mut app = App::with_plan(config(Lang::En), situation(), None);
    app.go(Step::Clients);
    press(&mut app, &[Char('a')]);
    enter_text(&mut app, "312655986");
    let e = app.input.clone().unwrap().error.unwrap();
    assert!(e.contains("check digit"), "{e}");
    press(&mut app, &[Esc]);
    enter_text(&mut app, "312655985");
    let e = app.input.clone().unwrap().error.unwrap();
    assert!(e.contains("already in the list (Client A AS)"), "{e}");
}

#[test]
fn the_layout_is_edited_on_the_review_and_every_edit_undoes() {
    let mut app = App::with_plan(config(Lang::En), complete(), None);
    let mine = app.plan.system_users.clone();
    press(&mut app, &[Char('e')]);
    assert!(matches!(app.overlays.last(), Some(Overlay::Layout(0))));
    press(&mut app, &[Enter]);
    type_text(&mut app, "Bookkeeping");
    press(&mut app, &[Enter, Char('x')]);
    type_text(&mut app, "bookkeeping");
    press(&mut app, &[Enter]);
    assert_eq!(app.plan.system_users[0].name, "Bookkeeping");
    assert_eq!(app.plan.system_users[0].external_ref, "bookkeeping");
    assert!(app.status.as_deref().unwrap().contains("requested anew"));
    let shown = screen(&app, 80, 24);
    assert!(shown.contains("Edit the layout"), "{shown}");
    press(&mut app, &[Char('d')]);
    assert!(app.plan.system_users.is_empty());
    press(&mut app, &[Esc, Char('u'), Char('u'), Char('u')]);
    assert_eq!(app.plan.system_users, mine);

    // On the recommendation, editing starts from it as the plan's own layout.
    let mut app = App::with_plan(config(Lang::En), situation(), None);
    app.go(Step::Review);
    assert!(!app.own_layout);
    press(&mut app, &[Char('e')]);
    assert!(app.own_layout);
    assert_eq!(
        app.plan.system_users,
        app.computed.plan.as_ref().unwrap().system_users
    );
}

#[test]
fn a_finding_with_a_mechanical_fix_offers_it() {
    let mut plan = complete();
    plan.system
        .access_packages
        .retain(|p| p.code() != "regnskapsforer-med-signeringsrettighet");
    let mut app = App::with_plan(config(Lang::En), plan, None);
    let i = finding_index(&app, |f| f.rule == sysuser::rules::Rule::PackageNotInSystem)
        .expect("the register lacks the package");
    press(&mut app, &[Tab]);
    for _ in 0..i {
        press(&mut app, &[Down]);
    }
    press(&mut app, &[Enter]);
    assert!(screen(&app, 120, 40).contains("f fix it"));
    press(&mut app, &[Char('f')]);
    assert!(app.overlays.is_empty());
    assert!(
        app.plan
            .system
            .access_packages
            .iter()
            .any(|p| p.code() == "regnskapsforer-med-signeringsrettighet")
    );
    assert!(
        !app.computed
            .report
            .findings
            .iter()
            .any(|f| f.rule == sysuser::rules::Rule::PackageNotInSystem)
    );
    press(&mut app, &[Char('u')]);
    assert!(
        !app.plan
            .system
            .access_packages
            .iter()
            .any(|p| p.code() == "regnskapsforer-med-signeringsrettighet")
    );
}

#[test]
fn every_bad_row_of_a_client_list_is_listed() {
    let (_dir, app) = import_on_clients(
        "orgnr;name\n12345;Short AS\n312655985;Fine AS\n312655986;Bad digit AS\n",
    );
    let Some(Overlay::Errors(lines)) = app.overlays.last() else {
        panic!("{:?}", app.overlays);
    };
    assert!(lines.iter().any(|l| l.contains(":2:")), "{lines:?}");
    assert!(lines.iter().any(|l| l.contains(":4:")), "{lines:?}");
    assert!(screen(&app, 80, 24).contains("Problems"));
}

#[test]
fn a_client_lists_problems_are_in_the_wizards_language() {
    let csv =
        "orgnr;name;er_roles\n12345;Short AS;\n312655986;Bad digit AS;\n312655985;Fine AS;sjef\n";
    let (_dir, app) = import_on_clients_in(csv, Lang::Nb);
    let Some(Overlay::Errors(lines)) = app.overlays.last() else {
        panic!("{:?}", app.overlays);
    };
    let all = lines.join("\n");
    assert!(
        all.contains("forventet et organisasjonsnummer på 9 sifre"),
        "{all}"
    );
    assert!(all.contains("feil kontrollsiffer"), "{all}");
    assert!(all.contains("ukjent ER-rolle `sjef`"), "{all}");
    assert!(all.contains("3 feil på 3 linjer"), "{all}");
    assert!(
        !all.contains("expected") && !all.contains("unknown"),
        "{all}"
    );
    let s = screen(&app, 120, 40);
    assert!(s.contains("ukjent ER-rolle"), "{s}");
    // The same file in English.
    let (_dir, app) = import_on_clients_in(csv, Lang::En);
    let Some(Overlay::Errors(lines)) = app.overlays.last() else {
        panic!("{:?}", app.overlays);
    };
    assert!(
        lines.join("\n").contains("unknown ER role `sjef`"),
        "{lines:?}"
    );
}

/// The export writes on a thread of its own: an edit made while it writes is
/// not in the files, so the plan stays unsaved (quitting still asks).
#[test]
fn an_edit_during_the_export_keeps_the_plan_unsaved() {
    for edit in [false, true] {
        let dir = tempfile::tempdir().unwrap();
        let mut cfg = config(Lang::En);
        cfg.background = true;
        let mut app = App::with_plan(cfg, situation(), None);
        app.start();
        wait_for_worker(&mut app);
        app.go(Step::Export);
        enter_text(&mut app, &dir.path().join("plan.yaml").to_string_lossy());
        press(&mut app, &[Enter, Enter]); // tree: text → Markdown → none
        press(&mut app, &[Char('n')]);
        let effects = app.take_effects();
        assert_eq!(effects.len(), 1, "the export is queued: {:?}", app.status);
        if edit {
            app.go(Step::Organisation);
            press(&mut app, &[Down]);
            enter_text(&mut app, "Edited AS");
            assert!(app.unsaved);
        }
        for effect in effects {
            app.on_outcome(effect.run());
        }
        assert!(dir.path().join("plan.yaml").exists());
        assert_eq!(app.unsaved, edit, "edit during export: {edit}");
        wait_for_worker(&mut app);
    }
}
