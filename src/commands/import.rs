//! `sysuser import clients.csv [--into plan.yaml] [-o OUT]`.

use crate::cli::{Ctx, EXIT_BAD_INPUT, EXIT_OK, ImportArgs};
use crate::import;

pub fn run(args: &ImportArgs, ctx: &Ctx) -> anyhow::Result<u8> {
    let shown = args.csv.display().to_string();
    let meta = std::fs::metadata(&args.csv)
        .map_err(|e| anyhow::anyhow!("cannot read {shown}: {}", io_reason(&e)))?;
    if meta.is_dir() {
        anyhow::bail!("cannot read {shown}: it is a directory; give the path of a CSV file");
    }
    if meta.len() > crate::plan::MAX_FILE_BYTES {
        anyhow::bail!(
            "{shown} is {} MiB; client lists over {} MiB are refused",
            meta.len() / (1024 * 1024),
            crate::plan::MAX_FILE_BYTES / (1024 * 1024)
        );
    }
    let bytes = std::fs::read(&args.csv)
        .map_err(|e| anyhow::anyhow!("cannot read {shown}: {}", io_reason(&e)))?;
    let (text, fallback) = import::decode(&bytes).map_err(|m| anyhow::anyhow!("{shown}: {m}"))?;
    if fallback && !ctx.quiet {
        eprintln!("note: {shown} is not UTF-8; read it as Windows-1252 (Excel's default)");
    }
    let list = match import::parse_client_list(&text) {
        Ok(l) => l,
        Err(errors) => {
            for e in &errors {
                eprintln!("{shown}:{}: {}", e.line, e.message);
            }
            let rows: std::collections::BTreeSet<usize> = errors.iter().map(|e| e.line).collect();
            eprintln!(
                "error: {shown}: {} problem{} on {} line{}; nothing was written",
                errors.len(),
                if errors.len() == 1 { "" } else { "s" },
                rows.len(),
                if rows.len() == 1 { "" } else { "s" },
            );
            return Ok(EXIT_BAD_INPUT);
        }
    };
    match &args.into {
        None => {
            super::emit(args.output.as_deref(), &import::clients_yaml(&list.clients))?;
            if !ctx.quiet {
                eprintln!("read {} clients from {shown}", list.clients.len());
            }
        }
        Some(into) => {
            let loaded = crate::plan::load_with_source(into)?;
            if let Some(at) = loaded.source.alias() {
                let line = loaded.source.line_text(at.line);
                eprintln!(
                    "error: {} uses YAML aliases (`*name`); writing it back would write each one out in full, so nothing was written\n{}  = help: write the aliased values out in the plan (or remove the anchors and aliases), then run the import again",
                    at.file,
                    crate::plan::load::pointer(&at.file, Some((at.line, at.column)), line)
                );
                return Ok(EXIT_BAD_INPUT);
            }
            let mut plan = std::mem::ManuallyDrop::new(loaded.plan);
            let summary = import::merge(&mut plan, &list);
            let target = args.output.as_deref().unwrap_or(into);
            super::emit(Some(target), &crate::plan::to_yaml(&plan))?;
            if !ctx.quiet {
                eprintln!(
                    "read {} clients from {shown}: {} added, {} updated; wrote {}",
                    list.clients.len(),
                    summary.added,
                    summary.updated,
                    target.display()
                );
            }
        }
    }
    Ok(EXIT_OK)
}

fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => e.to_string(),
    }
}
