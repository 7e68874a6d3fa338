//! `sysuser compare FILE`: scenario F's two options side by side.
use crate::cli::{CompareArgs, Ctx, EXIT_OK, ReportFormat};

pub fn run(args: &CompareArgs, ctx: &Ctx) -> anyhow::Result<u8> {
    let plan = super::load_plan(&args.file)?;
    let c = crate::compare::compare_in(&plan, ctx.lang);
    match args.format {
        ReportFormat::Json => super::emit(None, &super::to_json(&c))?,
        ReportFormat::Text => super::show(&crate::compare::to_text_in(
            &c,
            &plan.organisation.name,
            ctx.lang,
        ))?,
    }
    Ok(EXIT_OK)
}
