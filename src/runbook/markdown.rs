//! The runbook for people: numbered stages, each with who, how and which
//! token; API calls with their exact bodies; portal steps as checklists.

use super::{Runbook, Stage};

pub fn markdown(rb: &Runbook) -> String {
    let mut s = format!("# Runbook: {} for {}\n\n", rb.system_id, org_label(rb));
    s.push_str(&format!(
        "Environment: {} (`{}`). Every step in order, grouped by who does it, each with the token it needs. sysuser never asks for, stores or prints a token, key or secret.\n",
        rb.env.as_str(),
        rb.base_url
    ));
    if rb.migration {
        s.push_str("\nA migration from the current plan (the steps of `sysuser diff`).\n");
    }
    if rb.check_errors > 0 {
        s.push_str(&format!(
            "\n> `sysuser check` finds {} in this plan: Altinn would refuse parts of this runbook. Fix the plan first.\n",
            crate::text::counted(rb.check_errors, "error")
        ));
    }
    if !rb.missing.is_empty() {
        s.push_str("\n## Fill in first\n\nThe system register entry needs what only the vendor knows. Write it under `system:` in the plan and run `sysuser requests` again; until then the bodies below leave it out.\n\n");
        for m in &rb.missing {
            s.push_str(&format!("- `{}`: {}\n", m.field, m.why));
        }
    }
    for (i, stage) in rb.stages.iter().enumerate() {
        stage_md(&mut s, i + 1, stage, rb);
    }
    s
}

fn org_label(rb: &Runbook) -> String {
    if rb.organisation_name.is_empty() {
        rb.organisation.clone()
    } else {
        format!("{} ({})", rb.organisation_name, rb.organisation)
    }
}

fn stage_md(s: &mut String, n: usize, stage: &Stage, rb: &Runbook) {
    s.push_str(&format!(
        "\n## {n}. {}: {}\n\n{} — token: {}.\n",
        stage.actor.label(),
        stage.title,
        match stage.how {
            "api" => "API",
            "portal" => "In Altinn's portal",
            _ => "In the end-user system",
        },
        stage.token
    ));
    for (j, c) in stage.calls.iter().enumerate() {
        s.push_str(&format!(
            "\n### {n}.{} {}\n\n`{} {}{}`  \nscope `{}`; success: {}\n",
            j + 1,
            c.title,
            c.method,
            rb.base_url,
            c.path,
            c.scope,
            c.ok.iter()
                .map(u16::to_string)
                .collect::<Vec<_>>()
                .join(", ")
        ));
        if let Some(b) = &c.body {
            s.push_str(&format!("\n```json\n{}```\n", b.to_json()));
        }
        if let Some(note) = &c.note {
            s.push_str(&format!("\n{note}\n"));
        }
    }
    if !stage.checklist.is_empty() {
        s.push('\n');
        for item in &stage.checklist {
            s.push_str(&format!("- [ ] {item}\n"));
        }
    }
    for note in &stage.notes {
        s.push_str(&format!("\n{note}\n"));
    }
}
