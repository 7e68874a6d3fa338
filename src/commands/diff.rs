//! `sysuser diff OLD NEW`: the steps from one layout to another.

use crate::cli::{Ctx, DiffArgs, EXIT_OK, ReportFormat};

pub fn run(args: &DiffArgs, ctx: &Ctx) -> anyhow::Result<u8> {
    // Standard input can be read once: the second `-` would read nothing.
    if args.old.as_os_str() == "-" && args.new.as_os_str() == "-" {
        anyhow::bail!(
            "OLD and NEW are both `-`, and standard input can be read only once\n  \
             = help: give one of them as a file: sysuser diff - NEW.yaml < OLD.yaml"
        );
    }
    let old = super::load_plan(&args.old)?;
    let new = super::load_plan(&args.new)?;
    let diff = crate::diff::diff(&old, &new).map_err(|m| {
        anyhow::anyhow!(
            "{m}\n  --> {} and {}",
            args.old.display(),
            args.new.display()
        )
    })?;
    match args.format {
        ReportFormat::Json => {
            #[derive(serde::Serialize)]
            struct Out<'a> {
                steps: Vec<crate::diff::NumberedStep<'a>>,
            }
            super::emit(
                None,
                &super::to_json(&Out {
                    steps: diff.numbered_in(ctx.lang),
                }),
            )?
        }
        ReportFormat::Text => super::show(&diff.to_text_in(ctx.lang))?,
    }
    Ok(EXIT_OK)
}
