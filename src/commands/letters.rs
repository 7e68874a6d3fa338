//! `sysuser letters PLAN`: a letter per client not yet ready, and a CSV summary.

use crate::cli::{Ctx, EXIT_OK, LettersArgs, LettersFormat};
use crate::letters;

pub fn run(args: &LettersArgs, ctx: &Ctx) -> anyhow::Result<u8> {
    let plan = super::load_plan(&args.file)?;
    match (&args.output, args.format) {
        (Some(dir), _) => super::write_files(dir, &letters::files(&plan, ctx.lang), ctx.quiet)?,
        (None, LettersFormat::Text) => super::show(&letters::all_letters(&plan, ctx.lang))?,
        (None, LettersFormat::Csv) => {
            super::emit(None, &letters::csv(&letters::todos(&plan), ctx.lang))?
        }
    }
    Ok(EXIT_OK)
}
