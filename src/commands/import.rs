//! `sysuser import clients.csv [--into plan.yaml] [-o OUT]`.

use crate::cli::{Ctx, EXIT_BAD_INPUT, EXIT_OK, ImportArgs};
use crate::import::{self, ReadError};

pub fn run(args: &ImportArgs, ctx: &Ctx) -> anyhow::Result<u8> {
    let file = match import::read_client_file(&args.csv) {
        Ok(f) => f,
        Err(e @ ReadError::File { .. }) => anyhow::bail!("{}", e.text(ctx.lang)),
        Err(e @ ReadError::Rows { .. }) => {
            let text = e.text(ctx.lang);
            let (rows, total) = text.rsplit_once('\n').unwrap_or(("", &text));
            for line in rows.lines() {
                super::note(line);
            }
            let nothing = match ctx.lang {
                crate::lang::Lang::En => "nothing was written",
                crate::lang::Lang::Nb => "ingenting ble skrevet",
            };
            super::note(&format!("error: {total}; {nothing}"));
            return Ok(EXIT_BAD_INPUT);
        }
    };
    if !ctx.quiet {
        for n in &file.notes {
            super::note(n);
        }
    }
    let list = file.list;
    let shown = args.csv.display();
    match &args.into {
        None => {
            super::emit(args.output.as_deref(), &import::clients_yaml(&list.clients))?;
            if !ctx.quiet {
                super::note(&format!(
                    "read {} from {shown}",
                    crate::text::counted(list.clients.len(), "client")
                ));
            }
        }
        Some(into) => {
            let loaded = crate::plan::load_with_source(into)?;
            if let Some(at) = loaded.source.alias() {
                let line = loaded.source.line_text(at.line);
                super::note(&format!(
                    "error: {} uses YAML aliases (`*name`); writing it back would write each one out in full, so nothing was written\n{}  = help: write the aliased values out in the plan (or remove the anchors and aliases), then run the import again",
                    at.file,
                    crate::plan::load::pointer(&at.file, Some((at.line, at.column)), line)
                ));
                return Ok(EXIT_BAD_INPUT);
            }
            let mut plan = std::mem::ManuallyDrop::new(loaded.plan);
            let summary = import::merge(&mut plan, &list);
            let target = args.output.as_deref().unwrap_or(into);
            super::emit(Some(target), &crate::plan::to_yaml(&plan))?;
            if !ctx.quiet {
                super::note(&format!(
                    "read {} from {shown}: {} added, {} updated; wrote {}",
                    crate::text::counted(list.clients.len(), "client"),
                    summary.added,
                    summary.updated,
                    target.display()
                ));
            }
        }
    }
    Ok(EXIT_OK)
}
