//! The fast YAML reader never disagrees with the full parser: whenever it
//! accepts a text, the full parser reads the same value from it. Checked on
//! every plan file in the repository, on generated plans, and on random
//! mutations of them that aim at YAML's corner cases.

use proptest::prelude::*;
use serde_json::Value;
use std::path::Path;
use std::sync::OnceLock;
use sysuser::fastyaml;
use sysuser::plan::{self, Plan};

/// Every YAML file under `dir`, recursively.
fn yaml_files(dir: &Path, out: &mut Vec<String>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            yaml_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "yaml" || x == "yml")
            && let Ok(text) = std::fs::read_to_string(&p)
        {
            out.push(text);
        }
    }
}

fn corpus() -> &'static [String] {
    static TEXTS: OnceLock<Vec<String>> = OnceLock::new();
    TEXTS.get_or_init(|| {
        let mut texts = Vec::new();
        for dir in ["scenarios", "tests/bad_plans", "tests/bad_input", "data"] {
            yaml_files(&Path::new(env!("CARGO_MANIFEST_DIR")).join(dir), &mut texts);
        }
        assert!(texts.len() > 20, "the corpus was not found");
        texts
    })
}

/// The property: fast ⇒ same as full, both as a generic value and as a plan.
fn agrees(text: &str) -> Result<(), TestCaseError> {
    if let Some(fast) = fastyaml::from_str::<Value>(text) {
        let full: Result<Value, _> = serde_yaml::from_str(text);
        prop_assert_eq!(
            Some(&fast),
            full.as_ref().ok(),
            "value differs for {:?}",
            text
        );
    }
    if let Some(fast) = fastyaml::from_str::<Plan>(text) {
        let full: Result<Plan, _> = serde_yaml::from_str(text);
        prop_assert_eq!(
            Some(&fast),
            full.as_ref().ok(),
            "plan differs for {:?}",
            text
        );
    }
    Ok(())
}

#[test]
fn agrees_on_every_file_in_the_repository() {
    for text in corpus() {
        agrees(text).unwrap();
    }
}

#[test]
fn reads_every_scenario_and_what_sysuser_writes_without_falling_back() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios");
    let mut texts = Vec::new();
    yaml_files(&dir, &mut texts);
    for text in texts {
        let p: Plan = fastyaml::from_str(&text).expect("scenario read by the fast reader");
        let written = plan::to_yaml(&p);
        assert_eq!(fastyaml::from_str::<Plan>(&written), Some(p));
    }
    let mut data = Vec::new();
    yaml_files(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("data"),
        &mut data,
    );
    assert_eq!(
        data.len(),
        3,
        "the catalog, the ER roles and the search words"
    );
    for text in data {
        assert!(
            fastyaml::from_str::<Value>(&text).is_some(),
            "the built-in catalog falls back"
        );
    }
    let big = sysuser::generate::plan(2_000, 4, 7);
    assert_eq!(
        fastyaml::from_str::<Plan>(&plan::to_yaml(&big)).as_ref(),
        Some(&big)
    );
}

/// Pieces that change how YAML reads a line.
const PIECES: &[&str] = &[
    " ",
    "  ",
    "\n",
    "\n  ",
    "\n- ",
    "- ",
    ":",
    ": ",
    "#",
    " #",
    "'",
    "''",
    "\"",
    "\\",
    "\\n",
    "\\u",
    "\\u0041",
    "\\u+041",
    "\\u-041",
    "\\x41",
    "+04",
    "[",
    "]",
    "{",
    "}",
    ",",
    "&a",
    "*a",
    "!",
    "!!str ",
    "|",
    ">",
    "?",
    "%",
    "@",
    "`",
    "---",
    "...",
    "0",
    "01",
    "1",
    "1.5",
    "0x1F",
    "1_0",
    "-1",
    "+1",
    "~",
    "null",
    "Null",
    "true",
    "True",
    "yes",
    "no",
    "on",
    "y",
    "Yes",
    "OFF",
    "N",
    "n",
    ".inf",
    ".nan",
    "2026-11-23",
    "12:30",
    "\t",
    "\r",
    "\r\n",
    "\u{85}",
    "\u{2028}",
    "\u{feff}",
    "æ",
    "<<",
    "=",
    "0b1",
    "0o7",
    "1e5",
    "0x",
    "1-2",
    "7b",
];

fn mutated(base: &str, edits: &[(usize, usize, usize)]) -> String {
    let mut s: Vec<char> = base.chars().collect();
    for &(at, cut, piece) in edits {
        let at = at % (s.len() + 1);
        let end = (at + cut % 4).min(s.len());
        let piece: Vec<char> = PIECES[piece % PIECES.len()].chars().collect();
        s.splice(at..end, piece);
    }
    s.into_iter().collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2_000))]

    #[test]
    fn agrees_on_mutated_plans(
        which in 0usize..64,
        edits in prop::collection::vec((0usize..100_000, 0usize..8, 0usize..1_000), 1..4),
    ) {
        let texts = corpus();
        let base = &texts[which % texts.len()];
        agrees(&mutated(base, &edits))?;
    }

    #[test]
    fn agrees_on_generated_plans(clients in 0usize..40, users in 0usize..5, seed in any::<u64>()) {
        let text = plan::to_yaml(&sysuser::generate::plan(clients, users, seed));
        agrees(&text)?;
        prop_assert!(fastyaml::from_str::<Plan>(&text).is_some(), "fell back on {}", text);
    }

    /// Escapes in double quotes, where `\u+041` once read as `A` for the
    /// fast reader (Rust's hex parser takes a sign) but is an error in YAML.
    #[test]
    fn agrees_on_escapes(body in r#"(\\[uUx0abtnvfre "/\\N_LP]|[0-9a-fA-F+ -]){0,12}"#) {
        agrees(&format!("a: \"{body}\"\n"))?;
        agrees(&format!("version: 1\norganisation: {{ orgnr: \"310202398\", name: \"{body}\" }}\n"))?;
    }

    #[test]
    fn agrees_on_small_yaml_like_texts(text in "([a-z0-9_]{1,4}(: |:)|- |  |\n|[\\[\\]{},'\"#&*!|>?~.:-]|[0-9a-zA-Z ]{1,6}){1,24}") {
        agrees(&text)?;
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// Everything sysuser writes, it reads back on its fast path: a plan,
    /// `advise`'s output in either language, `import`'s fragment and merged
    /// plan, and the wizard's saved session (its export is a plan).
    #[test]
    fn every_writer_is_read_back_by_the_fast_reader(
        clients in 1usize..30,
        users in 0usize..4,
        seed in any::<u64>(),
        nb in any::<bool>(),
    ) {
        let lang = if nb { sysuser::lang::Lang::Nb } else { sysuser::lang::Lang::En };
        let generated = sysuser::generate::plan(clients, users, seed);
        let mut situation = generated.clone();
        situation.system_users.clear();
        situation.advice = None;
        let advised = sysuser::advisor::advise_in(&situation, lang);
        let csv: String = std::iter::once("orgnr;name\n".to_string())
            .chain(generated.clients.iter().map(|c| format!("{};{}\n", c.orgnr, c.name)))
            .collect();
        let list = sysuser::import::parse_client_list(&csv).expect("generated CSV reads");
        let mut merged = situation.clone();
        sysuser::import::merge(&mut merged, &list);
        for (what, plan) in [("plan", &generated), ("advise", &advised), ("import --into", &merged)] {
            let text = plan::to_yaml(plan);
            let read: Option<Plan> = fastyaml::from_str(&text);
            prop_assert_eq!(read.as_ref(), Some(plan), "{} fell back on {}", what, text);
        }
        let fragment = sysuser::import::clients_yaml(&list.clients);
        prop_assert!(fastyaml::from_str::<Value>(&fragment).is_some(), "import fell back on {}", fragment);
        let saved = sysuser::tui::state::Saved {
            step: "review".into(),
            lang: lang.code().into(),
            own_layout: nb,
            exported: !nb,
            plan: advised.clone(),
        };
        let text = plan::write::document(&saved);
        prop_assert_eq!(fastyaml::from_str::<sysuser::tui::state::Saved>(&text), Some(saved), "session fell back on {}", text);
    }
}
