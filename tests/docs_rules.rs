//! `docs/rules.md` cannot drift from the rule table: every rule has a section
//! whose severity, Altinn code, when, why and fix are `rule.info()` word for
//! word, in `Rule::ALL` order; and every example plan does what it says.
//!
//! `UPDATE_DOCS=1 cargo test --test docs_rules` rewrites the generated part of
//! each section (and adds sections for new rules, whose examples a person then
//! writes); the examples are left as they are.

use sysuser::engine::check;
use sysuser::plan::parse;
use sysuser::rules::{Rule, Severity};

fn docs() -> String {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/rules.md")).unwrap()
}

/// The part of a section generated from the rule table.
fn expected_header(rule: Rule) -> String {
    let i = rule.info();
    let code = i
        .altinn_code
        .map(|c| format!("`{c}`"))
        .unwrap_or_else(|| "none".into());
    format!(
        "## `{}`\n\n**Severity:** {} · **Altinn code:** {code}\n\n**When:** {}\n\n**Why:** {}\n\n**Fix:** {}\n",
        i.id,
        i.severity.as_str(),
        i.when,
        i.why,
        i.fix
    )
}

/// Each rule's section: from its heading to the next.
fn sections(text: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for chunk in text.split("\n## `").skip(1) {
        let id = chunk.split('`').next().unwrap().to_string();
        out.push((id, format!("## `{chunk}")));
    }
    out
}

/// The YAML block after a label such as "Triggers it:".
fn example(section: &str, label: &str) -> Option<String> {
    let rest = section.split(&format!("\n{label}\n")).nth(1)?;
    let body = rest.split("```yaml\n").nth(1)?;
    Some(body.split("```").next()?.to_string())
}

/// Rewrites the generated part of every section, keeping intro and examples.
fn update_docs() {
    let text = docs();
    let intro = text.split("\n## `").next().unwrap().to_string();
    let old = sections(&text);
    let mut out = intro;
    for rule in Rule::ALL {
        let examples = old
            .iter()
            .find(|(id, _)| id == rule.id())
            .and_then(|(_, s)| s.find("\nTriggers it:").map(|i| s[i..].to_string()))
            .unwrap_or_default();
        out.push('\n');
        out.push_str(&expected_header(*rule));
        out.push_str(&examples);
    }
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/rules.md");
    sysuser::fsutil::write_atomic(&path, out.as_bytes()).unwrap();
}

#[test]
fn every_rule_has_its_section_in_order_and_no_other() {
    if std::env::var_os("UPDATE_DOCS").is_some() {
        update_docs();
    }
    let ids: Vec<String> = sections(&docs()).into_iter().map(|(id, _)| id).collect();
    let want: Vec<String> = Rule::ALL.iter().map(|r| r.id().to_string()).collect();
    assert_eq!(ids, want);
}

#[test]
fn headers_match_the_rule_table_word_for_word() {
    let text = docs();
    for (id, section) in sections(&text) {
        let rule = Rule::from_id(&id).unwrap();
        let want = expected_header(rule);
        assert!(
            section.starts_with(&want),
            "docs/rules.md section `{id}` is out of date; it should start with:\n\n{want}"
        );
    }
}

#[test]
fn every_trigger_example_triggers_its_rule() {
    for (id, section) in sections(&docs()) {
        let rule = Rule::from_id(&id).unwrap();
        let yaml =
            example(&section, "Triggers it:").unwrap_or_else(|| panic!("`{id}` has no example"));
        let plan = parse(&yaml, &format!("docs/rules.md#{id}")).unwrap_or_else(|e| panic!("{e}"));
        let report = check(&plan);
        assert!(
            report.of(rule).next().is_some(),
            "the example for `{id}` does not trigger it; it gives: {:?}",
            report
                .findings
                .iter()
                .map(|f| f.rule.id())
                .collect::<Vec<_>>()
        );
    }
}

#[test]
fn every_fixed_example_is_free_of_its_rule_and_of_errors() {
    for (id, section) in sections(&docs()) {
        let rule = Rule::from_id(&id).unwrap();
        let Some(yaml) = example(&section, "Fixed:") else {
            assert_eq!(rule, Rule::PackageImmutable, "`{id}` has no fixed example");
            continue;
        };
        let plan = parse(&yaml, &format!("docs/rules.md#{id}")).unwrap_or_else(|e| panic!("{e}"));
        let report = check(&plan);
        let left: Vec<_> = report
            .findings
            .iter()
            .filter(|f| f.rule == rule || f.severity == Severity::Error)
            .map(|f| format!("{}: {}", f.rule.id(), f.message(sysuser::lang::Lang::En)))
            .collect();
        assert!(
            left.is_empty(),
            "the fixed example for `{id}` still gives {left:#?}"
        );
    }
}
