//! `sysuser requests PLAN`: the runbook, in one of four formats.

use crate::cli::{Ctx, EXIT_OK, EnvArg, RequestsArgs, RunbookFormat};
use crate::runbook::{self, Env};

pub fn run(args: &RequestsArgs, ctx: &Ctx) -> anyhow::Result<u8> {
    let plan = super::load_plan(&args.file)?;
    let from = args.from.as_deref().map(super::load_plan).transpose()?;
    let env = match args.env {
        EnvArg::Tt02 => Env::Tt02,
        EnvArg::Prod => Env::Prod,
    };
    let rb = runbook::runbook(&plan, from.as_deref(), env).map_err(|m| {
        anyhow::anyhow!(
            "{m}\n  --> {} and {}",
            args.file.display(),
            args.from
                .as_deref()
                .unwrap_or(args.file.as_path())
                .display()
        )
    })?;
    let (file, text) = match args.format {
        RunbookFormat::Markdown => ("runbook.md", runbook::markdown(&rb)),
        RunbookFormat::Json => ("runbook.json", runbook::json(&rb)),
        RunbookFormat::Http => ("requests.http", runbook::http(&rb)),
        RunbookFormat::Sh => ("requests.sh", runbook::sh(&rb)),
    };
    match &args.output {
        // Markdown is for people; the other formats are data or code and stay exact.
        None if args.format == RunbookFormat::Markdown => super::show(&text)?,
        None => super::emit(None, &text)?,
        Some(dir) => {
            let mut files = vec![(file.to_string(), text)];
            files.extend(
                rb.bodies()
                    .into_iter()
                    .map(|(name, body)| (format!("bodies/{name}"), body)),
            );
            super::write_files(dir, &files, ctx.quiet)?;
        }
    }
    Ok(EXIT_OK)
}
