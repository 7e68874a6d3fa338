//! `sysuser report PLAN [-o FILE]`: the plan as one self-contained HTML page.

use crate::cli::{Ctx, EXIT_OK, ReportArgs};
use crate::progress::{Progress, Step};

/// Writes the report; the exit status is 0 whatever the findings (the page
/// states the verdict; `check` is the command whose status tells).
pub fn run(args: &ReportArgs, ctx: &Ctx) -> anyhow::Result<u8> {
    let progress = Progress::start(ctx.quiet, ctx.lang, Step::Read);
    // Never freed, as in `load_plan`: the process ends right after.
    let loaded = std::mem::ManuallyDrop::new(crate::plan::load_with_source(&args.file)?);
    progress.step(Step::Check);
    let mut findings = crate::engine::check(&loaded.plan);
    super::check::locate(&mut findings, &loaded.plan, &loaded.source);
    let page = crate::report::report_of(&loaded.plan, &findings, ctx.lang);
    progress.step(Step::Write);
    if args.output.is_some() {
        super::emit(args.output.as_deref(), &page)?;
        drop(progress);
    } else {
        drop(progress);
        super::emit(None, &page)?;
    }
    Ok(EXIT_OK)
}
