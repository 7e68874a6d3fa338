//! `sysuser render`: the plan drawn as the guidance's tree diagrams.

use crate::cli::{Ctx, EXIT_OK, RenderArgs, TreeFormat};
use crate::render::{Format, Options};

pub fn run(args: &RenderArgs, ctx: &Ctx) -> anyhow::Result<u8> {
    let plan = super::load_plan(&args.file)?;
    let options = Options {
        format: match args.format {
            TreeFormat::Text => Format::Text,
            TreeFormat::Ascii => Format::Ascii,
            TreeFormat::Markdown => Format::Markdown,
            TreeFormat::Mermaid => Format::Mermaid,
            TreeFormat::Dot => Format::Dot,
        },
        limit: (!args.all).then_some(args.limit),
        lang: ctx.lang.code(),
    };
    super::show(&crate::render::render(&plan, &options))?;
    Ok(EXIT_OK)
}
