//! Inside the wizard, findings speak in the wizard's terms: its steps and
//! keys, never `sysuser` commands or the plan file's keys (issue 10 item 5).

use sysuser::lang::Lang;
use sysuser::plan::Plan;
use sysuser::rules::{Report, Wording};

/// Keys of the plan file a wizard user never sees.
const KEYS: &[&str] = &[
    "own_packages",
    "er_roles",
    "access_packages",
    "include_self",
    "external_ref",
    "self_on_client",
    "sub_entity",
    "unit_type",
    "operational_units",
    "locally_installed",
    "f_option",
    "system_users",
    "`clients",
    "`teams",
    "`handles",
    "`delegated",
    "`visible",
    "`type:",
    "`system.",
    "`options.",
    "`vendor",
    "`members",
];

/// What in `text` a wizard user could not act on: a command or a plan key.
fn foreign(text: &str) -> Option<&'static str> {
    if text.contains("sysuser ") {
        return Some("sysuser ");
    }
    KEYS.iter().copied().find(|k| text.contains(k))
}

/// Every plan the wizard may be shown: the scenarios, the bad plans and the
/// examples in docs/rules.md.
fn plans() -> Vec<(String, Plan)> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out = Vec::new();
    for dir in ["scenarios", "tests/bad_plans"] {
        for e in std::fs::read_dir(root.join(dir)).unwrap() {
            let path = e.unwrap().path();
            if path.extension().is_some_and(|x| x == "yaml") {
                let plan = sysuser::plan::load(&path).unwrap();
                out.push((path.display().to_string(), plan));
            }
        }
    }
    let docs = std::fs::read_to_string(root.join("docs/rules.md")).unwrap();
    for (i, block) in docs.split("```yaml\n").skip(1).enumerate() {
        let text = block.split("```").next().unwrap();
        let plan = sysuser::plan::parse(text, "rules.md").unwrap();
        out.push((format!("docs/rules.md example {i}"), plan));
    }
    out
}

/// The findings the wizard shows for a plan: its own layout's and the
/// recommended layout's (the review shows either).
fn shown(plan: &Plan) -> Vec<Report> {
    vec![
        sysuser::engine::check(plan),
        sysuser::analysis::analyse(plan, false, Lang::En).report,
    ]
}

#[test]
fn the_wizard_words_findings_in_its_own_terms() {
    let mut cli_foreign = 0;
    let mut seen = std::collections::BTreeSet::new();
    for (name, plan) in plans() {
        for report in shown(&plan) {
            for f in &report.findings {
                seen.insert(f.rule);
                for lang in [Lang::En, Lang::Nb] {
                    let words = Wording::wizard(lang);
                    let texts = [Some(f.message(words)), f.hint(words)];
                    for text in texts.iter().flatten() {
                        assert_eq!(
                            foreign(text),
                            None,
                            "{name}: {} ({lang:?}) in the wizard: {text}",
                            f.rule.id()
                        );
                    }
                    let cli = [Some(f.message(lang)), f.hint(lang)];
                    cli_foreign += cli
                        .iter()
                        .flatten()
                        .filter(|t| foreign(t).is_some())
                        .count();
                }
            }
        }
    }
    // The command line does name keys and commands: the wizard's wording is
    // its own, not the same text with nothing to find.
    assert!(cli_foreign > 10, "{cli_foreign}");
    assert!(seen.len() > 30, "{} rules seen", seen.len());
}

/// The wizard's wording is the command line's where that has nothing the
/// wizard lacks: only the texts that name keys or commands differ.
#[test]
fn the_wizard_rewords_only_what_it_must() {
    for (_, plan) in plans() {
        for f in &sysuser::engine::check(&plan).findings {
            for lang in [Lang::En, Lang::Nb] {
                let (cli, wizard) = (f.message(lang), f.message(Wording::wizard(lang)));
                if foreign(&cli).is_none() {
                    assert_eq!(cli, wizard, "{}", f.rule.id());
                }
            }
        }
    }
}

/// The advisor's notes and unserved clients' reasons, as the Why pane shows
/// them, speak of the wizard's steps and rows, never the plan's keys; the
/// plan file's `advice` names the keys.
#[test]
fn the_why_pane_speaks_in_the_wizards_terms() {
    let mut plan_foreign = 0;
    for (name, plan) in plans() {
        for lang in [Lang::En, Lang::Nb] {
            let rec = sysuser::advisor::recommend_in(&plan, plan.options.f_option, lang);
            let texts = &rec.texts;
            for t in texts.notes.iter().chain(&texts.unserved).chain(&texts.whys) {
                let shown = t.wizard_text(lang);
                assert_eq!(
                    foreign(&shown),
                    None,
                    "{name} ({lang:?}) in the wizard: {shown}"
                );
                plan_foreign += usize::from(foreign(&t.text(lang)).is_some());
            }
        }
    }
    assert!(plan_foreign > 5, "{plan_foreign}");
}
