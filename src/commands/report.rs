//! `sysuser report PLAN [-o FILE]`: the plan as one self-contained HTML page.

use crate::cli::{Ctx, EXIT_OK, ReportArgs};
use crate::progress::{Progress, Step};

/// Writes the report; the exit status is 0 whatever the findings (the page
/// states the verdict; `check` is the command whose status tells).
pub fn run(args: &ReportArgs, ctx: &Ctx) -> anyhow::Result<u8> {
    let progress = Progress::start(ctx.quiet, ctx.lang, Step::Read);
    let plan = super::load_plan(&args.file)?;
    progress.step(Step::Check);
    let page = crate::report::report(&plan, ctx.lang);
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
