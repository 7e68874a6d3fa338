//! `check --format sarif`: the findings as SARIF 2.1.0, the static-analysis
//! exchange format code-scanning services read. The rule table becomes the
//! tool's rules; each finding a result at its place in the plan.

use crate::lang::Lang;
use crate::rules::{Report, Rule, Severity};
use serde_json::{Value, json};

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// A relative reference as SARIF's `uri` wants it: path characters kept,
/// anything else percent-encoded.
fn uri(path: &str) -> String {
    let mut out = String::new();
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || b"/-._~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The report as a SARIF log with one run, pretty-printed.
pub fn report(report: &Report, lang: Lang) -> String {
    let rules: Vec<Value> = Rule::ALL
        .iter()
        .map(|r| {
            let mut rule = json!({
                "id": r.id(),
                "shortDescription": { "text": r.when_in(lang) },
                "help": { "text": r.fix_in(lang) },
                "defaultConfiguration": { "level": level(r.severity()) },
            });
            if let Some(code) = r.altinn_code() {
                rule["properties"] = json!({ "altinnCode": code });
            }
            rule
        })
        .collect();
    let results: Vec<Value> = report
        .findings
        .iter()
        .map(|f| {
            let mut text = f.message(lang);
            if let Some(h) = f.hint(lang) {
                text.push_str(&format!(" Hint: {h}"));
            }
            let mut result = json!({
                "ruleId": f.rule.id(),
                "ruleIndex": Rule::ALL.iter().position(|r| *r == f.rule),
                "level": level(f.severity),
                "message": { "text": text },
            });
            if let Some(l) = &f.location {
                result["locations"] = json!([{
                    "physicalLocation": {
                        "artifactLocation": { "uri": uri(&l.file) },
                        "region": { "startLine": l.line, "startColumn": l.column },
                    }
                }]);
            }
            result
        })
        .collect();
    let log = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": "sysuser",
                "version": env!("CARGO_PKG_VERSION"),
                "rules": rules,
            }},
            "results": results,
        }],
    });
    super::to_json(&log)
}
