//! `sysuser explain [RULE]`: the rule table, for people and for JSON.

use crate::cli::{Ctx, EXIT_OK, ExplainArgs, Lang, ReportFormat};
use crate::rules::Rule;
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

impl Doc {
    /// The rule's documentation with its when, why and fix in `lang`; the id,
    /// severity and code are the same in every language.
    fn of(rule: Rule, lang: Lang) -> Doc {
        let i = rule.info();
        Doc {
            rule: i.id,
            severity: i.severity.as_str(),
            altinn_code: i.altinn_code,
            when: rule.when_in(lang),
            why: rule.why_in(lang),
            fix: rule.fix_in(lang),
        }
    }
}

/// The words of the text output around the rule table's own texts.
struct Words {
    /// The labels before when, why and fix, padded to one width.
    when: &'static str,
    why: &'static str,
    fix: &'static str,
    /// "no rule `{0}`{1} (…)", with `{1}` the "did you mean" hint.
    no_rule: &'static str,
    did_you_mean: &'static str,
}

const EN: Words = Words {
    when: "When: ",
    why: "Why:  ",
    fix: "Fix:  ",
    no_rule: "no rule `{0}`{1} (`sysuser explain` lists them all)",
    did_you_mean: "; did you mean `{0}`?",
};

const NB: Words = Words {
    when: "Når:     ",
    why: "Hvorfor: ",
    fix: "Løsning: ",
    no_rule: "ingen regel `{0}`{1} (`sysuser explain` viser alle)",
    did_you_mean: "; mente du `{0}`?",
};

fn words(lang: Lang) -> &'static Words {
    match lang {
        Lang::En => &EN,
        Lang::Nb => &NB,
    }
}

pub fn run(args: &ExplainArgs, ctx: &Ctx) -> anyhow::Result<u8> {
    let w = words(ctx.lang);
    let rules: Vec<Rule> = match &args.rule {
        None => Rule::ALL.to_vec(),
        Some(id) => match Rule::from_id(id.trim()) {
            Some(r) => vec![r],
            None => {
                let hint = did_you_mean(id, Rule::ALL.iter().map(|r| r.id()))
                    .map(|m| w.did_you_mean.replace("{0}", m))
                    .unwrap_or_default();
                anyhow::bail!("{}", w.no_rule.replace("{0}", id).replace("{1}", &hint));
            }
        },
    };
    let docs: Vec<Doc> = rules.iter().map(|&r| Doc::of(r, ctx.lang)).collect();
    match args.format {
        ReportFormat::Json => super::emit(None, &super::to_json(&docs))?,
        ReportFormat::Text => super::show(&text(&docs, w))?,
    }
    Ok(EXIT_OK)
}

/// The rules for people: each with its severity and code, then when, why and fix.
pub fn text_in(rules: &[Rule], lang: Lang) -> String {
    let docs: Vec<Doc> = rules.iter().map(|&r| Doc::of(r, lang)).collect();
    text(&docs, words(lang))
}

fn text(docs: &[Doc], w: &Words) -> String {
    let mut s = String::new();
    for d in docs {
        let code = d.altinn_code.map(|c| format!(" ({c})")).unwrap_or_default();
        s.push_str(&format!(
            "{} — {}{code}\n  {}{}\n  {}{}\n  {}{}\n\n",
            d.rule, d.severity, w.when, d.when, w.why, d.why, w.fix, d.fix
        ));
    }
    let mut out = s.trim_end_matches('\n').to_string();
    out.push('\n');
    out
}
