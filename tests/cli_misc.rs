//! The command line's own surface: version, completions, man page, unknown
//! subcommands, and `explain`.

use std::process::{Command, Output};
use sysuser::rules::Rule;

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_sysuser"))
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

#[test]
fn version_names_the_crate_version() {
    let o = run(&["--version"]);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(
        stdout(&o).trim(),
        format!("sysuser {}", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn completions_for_every_shell() {
    for (shell, marker) in [
        ("bash", "complete -F"),
        ("zsh", "#compdef sysuser"),
        ("fish", "complete -c sysuser"),
        ("powershell", "Register-ArgumentCompleter"),
    ] {
        let o = run(&["completions", shell]);
        assert_eq!(o.status.code(), Some(0), "{shell}");
        let s = stdout(&o);
        assert!(s.contains(marker), "{shell}: {}", &s[..s.len().min(200)]);
        assert!(s.contains("checklist"), "{shell} completes subcommands");
    }
}

#[test]
fn man_page_is_roff() {
    let o = run(&["man"]);
    assert_eq!(o.status.code(), Some(0));
    let s = stdout(&o);
    assert!(s.contains(".TH sysuser"), "{}", &s[..s.len().min(200)]);
    assert!(s.contains(".SH NAME"));
}

#[test]
fn unknown_subcommand_is_a_usage_error() {
    let o = run(&["chek", "plan.yaml"]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("chek"), "{err}");
    assert!(err.contains("check"), "suggests the real one: {err}");
}

#[test]
fn explain_lists_every_rule() {
    let o = run(&["explain"]);
    assert_eq!(o.status.code(), Some(0));
    let s = stdout(&o);
    for r in Rule::ALL {
        assert!(
            s.contains(&format!("{} — {}", r.id(), r.severity().as_str())),
            "{}",
            r.id()
        );
        assert!(s.contains(r.info().why), "{}", r.id());
    }
    let o = run(&["explain", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v.as_array().unwrap().len(), Rule::ALL.len());
}

#[test]
fn explain_one_rule_and_a_misspelt_one() {
    let o = run(&["explain", "client-missing-package"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).contains("(AUTH-00080)"));
    let o = run(&["explain", "client-mising-package"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("did you mean `client-missing-package`?"));
}

/// The plan in the README's "plan file" section is one a reader can paste:
/// it loads and passes `check` without errors or warnings.
#[test]
fn the_readme_plan_example_passes_check() {
    let readme = include_str!("../README.md");
    let start = readme.find("```yaml\n").expect("a yaml block") + "```yaml\n".len();
    let end = start + readme[start..].find("```").expect("closed");
    let plan = sysuser::plan::parse(&readme[start..end], "README.md").expect("loads");
    let report = sysuser::engine::check(&plan);
    assert_eq!((report.summary.errors, report.summary.warnings), (0, 0));
    assert!(!plan.system_users.is_empty() && !plan.clients.is_empty());
}
