//! `sysuser requests PLAN`: the runbook, in one of four formats.

use crate::cli::{Ctx, EXIT_OK, EnvArg, RequestsArgs, RunbookFormat};
use crate::runbook::{self, Env, Format};

pub fn run(args: &RequestsArgs, ctx: &Ctx) -> anyhow::Result<u8> {
    let plan = super::load_plan(&args.file)?;
    let from = args.from.as_deref().map(super::load_plan).transpose()?;
    let env = match args.env {
        EnvArg::Tt02 => Env::Tt02,
        EnvArg::Prod => Env::Prod,
    };
    let format = match args.format {
        RunbookFormat::Markdown => Format::Markdown,
        RunbookFormat::Json => Format::Json,
        RunbookFormat::Http => Format::Http,
        RunbookFormat::Sh => Format::Sh,
    };
    let rb = runbook::runbook(&plan, from.as_deref(), env).map_err(|m| {
        let current = args.from.as_deref().unwrap_or(args.file.as_path());
        anyhow::anyhow!(
            "{m}\n  --> {} and {}",
            current.display(),
            args.file.display()
        )
    })?;
    match &args.output {
        Some(dir) => super::write_files(dir, &runbook::files(&rb, format), ctx.quiet)?,
        // Markdown is for people; the other formats are data or code and stay exact.
        None if format == Format::Markdown => super::show(&runbook::markdown(&rb))?,
        None => super::emit(None, &runbook::render(&rb, format))?,
    }
    Ok(EXIT_OK)
}
