//! `sysuser import-altinn DIR -o PLAN`: a plan from Altinn's saved answers.

use crate::cli::{Ctx, EXIT_OK, ImportAltinnArgs};

pub fn run(args: &ImportAltinnArgs, ctx: &Ctx) -> anyhow::Result<u8> {
    if !args.force && args.output.exists() {
        anyhow::bail!(
            "{} exists; nothing was written (give another file, or --force to replace it)",
            args.output.display()
        );
    }
    let plan = crate::altinn_import::import(&args.dir)?;
    let text = format!(
        "{}{}",
        crate::altinn_import::header(&args.dir),
        crate::plan::to_yaml(&plan)
    );
    super::emit(Some(&args.output), &text)?;
    if !ctx.quiet {
        super::note(&format!(
            "read {} and {}; wrote {}",
            crate::text::counted(plan.system_users.len(), "system user"),
            crate::text::counted(plan.clients.len(), "client"),
            args.output.display()
        ));
    }
    Ok(EXIT_OK)
}
