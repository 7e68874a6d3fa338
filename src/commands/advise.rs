//! `sysuser advise FILE [-o OUT] [--replace]`: the recommended layout, written as a plan.
use crate::cli::{AdviseArgs, Ctx, EXIT_BAD_INPUT, EXIT_FINDINGS, EXIT_OK};
use std::mem::ManuallyDrop;

pub fn run(args: &AdviseArgs, ctx: &Ctx) -> anyhow::Result<u8> {
    let plan = super::load_plan(&args.file)?;
    if !plan.system_users.is_empty() && !args.replace {
        super::note(&format!(
            "error: {} already has {} system user{}; `advise` would replace them.\n  = help: run `sysuser advise {} --replace` to replace them with the recommended layout, or `sysuser check` to judge the ones you have",
            args.file.display(),
            plan.system_users.len(),
            if plan.system_users.len() == 1 {
                ""
            } else {
                "s"
            },
            args.file.display()
        ));
        return Ok(EXIT_BAD_INPUT);
    }
    let advised = ManuallyDrop::new(crate::advisor::advise_into(
        ManuallyDrop::into_inner(plan),
        ctx.lang,
    ));
    super::emit(args.output.as_deref(), &crate::plan::to_yaml(&advised))?;
    if let Some(out) = &args.output
        && !ctx.quiet
    {
        let advice = advised.advice.as_ref();
        let clients: usize = advised.system_users.iter().map(|s| s.clients.len()).sum();
        let unserved = advice.map_or(0, |a| a.unserved.len());
        let scenarios = advice.map(|a| a.scenarios.join(", ")).unwrap_or_default();
        super::note(&format!(
            "wrote {}: {} system user{} (scenario{} {}), {} client link{}{}",
            out.display(),
            advised.system_users.len(),
            if advised.system_users.len() == 1 {
                ""
            } else {
                "s"
            },
            if scenarios.contains(',') { "s" } else { "" },
            if scenarios.is_empty() {
                "none"
            } else {
                &scenarios
            },
            crate::text::thousands(clients),
            if clients == 1 { "" } else { "s" },
            if unserved > 0 {
                format!(
                    ", {} client{} cannot be served (see advice.unserved)",
                    unserved,
                    if unserved == 1 { "" } else { "s" }
                )
            } else {
                String::new()
            }
        ));
    }
    // A situation that breaks a rule whatever the layout (a visible system
    // with client-only packages, a locally installed one registered by
    // another vendor) is said on stderr too, and the exit status says the
    // plan written has errors; the fixes are in advice.notes.
    let report = crate::engine::check(&advised);
    if report.has_errors() {
        for f in report
            .findings
            .iter()
            .filter(|f| f.severity == crate::rules::Severity::Error)
        {
            let hint = f
                .hint(ctx.lang)
                .map(|h| format!("\n  hint: {h}"))
                .unwrap_or_default();
            super::note(&format!(
                "error[{}]: {}{hint}",
                f.rule.id(),
                f.message(ctx.lang)
            ));
        }
        return Ok(EXIT_FINDINGS);
    }
    Ok(EXIT_OK)
}
