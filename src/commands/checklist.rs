//! `sysuser checklist FILE`: the guidance's go-live checklist, judged from the plan.

use crate::cli::{ChecklistArgs, Ctx, EXIT_FINDINGS, EXIT_OK, ReportFormat};

pub fn run(args: &ChecklistArgs, ctx: &Ctx) -> anyhow::Result<u8> {
    let plan = super::load_plan(&args.file)?;
    let list = crate::checklist::checklist_in(&plan, ctx.lang);
    match args.format {
        ReportFormat::Json => super::emit(None, &super::to_json(&list))?,
        ReportFormat::Text => super::show(&list.to_text_in(&plan, ctx.lang))?,
    }
    Ok(if list.has_failures() {
        EXIT_FINDINGS
    } else {
        EXIT_OK
    })
}
