//! `sysuser render` on the command line: flags map onto the options, bad
//! input exits 2 with the loader's message.

mod common;
use common::sysuser;

use std::process::Output;

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

const G: &str = "scenarios/g-sub-entities.yaml";

#[test]
fn text_by_default_in_english() {
    let o = sysuser(&["render", G]);
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).contains("├── Client: Education Department [312700131] (sub-entity)"));
}

#[test]
fn lang_nb_uses_bokmal_labels() {
    let o = sysuser(&["--lang", "nb", "render", G]);
    assert!(stdout(&o).contains("Klient: Education Department [312700131] (organisasjonsledd)"));
}

#[test]
fn limit_and_all() {
    let cut = stdout(&sysuser(&["render", G, "--limit", "1"]));
    assert!(cut.contains("Client: Education Department"));
    assert!(!cut.contains("Client: Grünerløkka district"));
    assert!(cut.contains("└── … and 1 more client\n"), "{cut}");
    assert!(cut.contains("… and 2 more operational units"), "{cut}");
    let all = stdout(&sysuser(&["render", G, "--limit", "1", "--all"]));
    assert!(all.contains("Client: Grünerløkka district") && !all.contains("more"));
}

#[test]
fn formats() {
    for (format, start) in [
        ("ascii", "Oslo municipality [311040782] (main entity)\n`-- "),
        ("markdown", "## System users — Oslo municipality\n"),
        ("mermaid", "flowchart TD\n"),
        ("dot", "digraph sysuser {\n"),
    ] {
        let out = stdout(&sysuser(&["render", G, "--format", format]));
        assert!(out.starts_with(start), "{format}: {out}");
    }
}

#[test]
fn unreadable_plan_exits_2() {
    let o = sysuser(&["render", "scenarios/no-such-file.yaml"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(o.stdout.is_empty());
}
