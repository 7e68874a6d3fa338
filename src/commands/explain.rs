//! `sysuser explain [RULE]`: the rule table, for people and for JSON.

use crate::cli::{Ctx, EXIT_OK, ExplainArgs, ReportFormat};
use crate::rules::{Rule, RuleInfo};
use crate::text::did_you_mean;
use serde::Serialize;

#[derive(Serialize)]
struct Doc {
    rule: &'static str,
    severity: &'static str,
    altinn_code: Option<&'static str>,
    when: &'static str,
    why: &'static str,
    fix: &'static str,
}

impl From<&'static RuleInfo> for Doc {
    fn from(i: &'static RuleInfo) -> Self {
        Doc {
            rule: i.id,
            severity: i.severity.as_str(),
            altinn_code: i.altinn_code,
            when: i.when,
            why: i.why,
            fix: i.fix,
        }
    }
}

pub fn run(args: &ExplainArgs, _ctx: &Ctx) -> anyhow::Result<u8> {
    let rules: Vec<Rule> = match &args.rule {
        None => Rule::ALL.to_vec(),
        Some(id) => match Rule::from_id(id.trim()) {
            Some(r) => vec![r],
            None => {
                let hint = did_you_mean(id, Rule::ALL.iter().map(|r| r.id()))
                    .map(|m| format!("; did you mean `{m}`?"))
                    .unwrap_or_default();
                anyhow::bail!("no rule `{id}`{hint} (`sysuser explain` lists them all)");
            }
        },
    };
    let docs: Vec<Doc> = rules.iter().map(|r| Doc::from(r.info())).collect();
    match args.format {
        ReportFormat::Json => super::emit(None, &super::to_json(&docs))?,
        ReportFormat::Text => {
            let mut s = String::new();
            for d in &docs {
                let code = d.altinn_code.map(|c| format!(" ({c})")).unwrap_or_default();
                s.push_str(&format!(
                    "{} — {}{code}\n  When: {}\n  Why:  {}\n  Fix:  {}\n\n",
                    d.rule, d.severity, d.when, d.why, d.fix
                ));
            }
            super::emit(None, s.trim_end_matches('\n'))?;
            super::emit(None, "\n")?;
        }
    }
    Ok(EXIT_OK)
}
