//! `sysuser checklist FILE`: the guidance's go-live checklist, judged from the plan.

use crate::cli::{ChecklistArgs, Ctx, EXIT_FINDINGS, EXIT_OK, ReportFormat};

pub fn run(args: &ChecklistArgs, _ctx: &Ctx) -> anyhow::Result<u8> {
    let plan = super::load_plan(&args.file)?;
    let list = crate::checklist::checklist(&plan);
    match args.format {
        ReportFormat::Json => super::emit(None, &super::to_json(&list))?,
        ReportFormat::Text => super::emit(None, &list.to_text(&plan))?,
    }
    Ok(if list.has_failures() {
        EXIT_FINDINGS
    } else {
        EXIT_OK
    })
}
