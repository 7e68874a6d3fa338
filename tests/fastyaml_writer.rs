//! The fast YAML writer writes byte for byte what the general writer
//! (`serde_yaml`) writes: on every scenario, on generated and advised plans,
//! on the wizard's session, and on plans and YAML trees full of the strings
//! that make YAML quote, escape or break a scalar.

use proptest::prelude::*;
use serde_json::Value;
use std::path::Path;
use sysuser::fastyaml;
use sysuser::plan::{self, Plan};

fn same<T: serde::Serialize + ?Sized>(value: &T) -> Result<(), TestCaseError> {
    let general = serde_yaml::to_string(value).unwrap();
    let fast = fastyaml::to_string(value).unwrap();
    prop_assert_eq!(fast, general);
    Ok(())
}

#[test]
fn writes_every_scenario_and_its_advice_as_the_general_writer() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios");
    let mut n = 0;
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.extension().is_none_or(|x| x != "yaml") {
            continue;
        }
        let plan = plan::load(&path).unwrap();
        same(&plan).unwrap();
        for lang in [sysuser::lang::Lang::Nb, sysuser::lang::Lang::En] {
            same(&sysuser::advisor::advise_in(&plan, lang)).unwrap();
        }
        n += 1;
    }
    assert!(n > 5, "the scenarios were not found");
    // Generated plans and their advice take the fast path (no fallback).
    let generated = sysuser::generate::plan(3_000, 4, 1);
    same(&generated).unwrap();
    let mut situation = generated.clone();
    situation.system_users.clear();
    for p in [generated, sysuser::advisor::advise(&situation)] {
        assert_eq!(
            fastyaml::to_string_fast(&p),
            Some(serde_yaml::to_string(&p).unwrap())
        );
    }
}

/// Pieces that change how a scalar is written: indicators, quotes, spaces
/// at either end, line breaks, control and non-printable characters,
/// numbers and the words YAML types.
const PIECES: &[&str] = &[
    "",
    " ",
    "  ",
    "a",
    "AS",
    "Æ",
    "ø",
    "å",
    "é",
    "\u{a0}",
    "\u{85}",
    "\u{2028}",
    "\u{feff}",
    "\u{fffd}",
    "\u{1f600}",
    "\u{e000}",
    "\t",
    "\n",
    "\r",
    "\r\n",
    "\x01",
    "\x7f",
    ":",
    ": ",
    " :",
    "#",
    " #",
    "# ",
    "-",
    "- ",
    "--",
    "---",
    "...",
    "?",
    "? ",
    ",",
    "[",
    "]",
    "{",
    "}",
    "&",
    "*",
    "!",
    "|",
    ">",
    "'",
    "''",
    "\"",
    "%",
    "@",
    "`",
    "\\",
    "~",
    "null",
    "Null",
    "true",
    "True",
    "false",
    "yes",
    "no",
    "on",
    "y",
    "0",
    "01",
    "1",
    "12",
    "310000000",
    "1.5",
    "1e5",
    "0x1F",
    "0o7",
    "-1",
    "+1",
    ".inf",
    ".nan",
    "2026-11-30",
    "12:30",
    "1_000",
    "<<",
    "=",
];

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(0..PIECES.len(), 0..5)
        .prop_map(|ix| ix.into_iter().map(|i| PIECES[i]).collect())
}

fn tree() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        text().prop_map(Value::String),
    ];
    leaf.prop_recursive(5, 48, 5, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..5).prop_map(Value::Array),
            prop::collection::btree_map(text(), inner, 0..5)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1_000))]

    /// Any tree of mappings, sequences and scalars, at the top or nested.
    #[test]
    fn writes_any_tree_as_the_general_writer(value in tree()) {
        same(&value)?;
        same(&serde_json::json!({ "k": value.clone() }))?;
        same(&vec![value])?;
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// Generated plans with awkward names, notes and reasons, as a plan and
    /// as the wizard's session.
    #[test]
    fn writes_plans_with_any_text_as_the_general_writer(
        clients in 0usize..12,
        users in 0usize..4,
        seed in any::<u64>(),
        texts in prop::collection::vec(text(), 8),
    ) {
        let mut p: Plan = sysuser::generate::plan(clients, users, seed);
        p.organisation.name = texts[0].clone();
        for (i, c) in p.clients.iter_mut().enumerate() {
            c.name = texts[1 + i % 3].clone();
        }
        for (i, u) in p.system_users.iter_mut().enumerate() {
            u.name = texts[4 + i % 2].clone();
            u.why = Some(texts[6].clone());
        }
        p.system.id = texts[7].clone();
        same(&p)?;
        let mut situation = p.clone();
        situation.system_users.clear();
        same(&sysuser::advisor::advise_in(&situation, sysuser::lang::Lang::Nb))?;
        let saved = sysuser::tui::state::Saved {
            step: texts[2].clone(),
            lang: "nb".into(),
            own_layout: seed % 2 == 0,
            exported: seed % 3 == 0,
            plan: p,
        };
        same(&saved)?;
    }
}
