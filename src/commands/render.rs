//! `sysuser render`: the plan drawn as the guidance's tree diagrams, or as SVG.

use crate::cli::{Ctx, EXIT_OK, RenderArgs, TreeFormat};
use crate::progress::{Progress, Step};
use crate::render::{Format, Options};

pub fn run(args: &RenderArgs, ctx: &Ctx) -> anyhow::Result<u8> {
    let progress = Progress::start(ctx.quiet, ctx.lang, Step::Read);
    let plan = super::load_plan(&args.file)?;
    let limit = (!args.all).then_some(args.limit);
    let format = match args.format {
        TreeFormat::Text => Format::Text,
        TreeFormat::Ascii => Format::Ascii,
        TreeFormat::Markdown => Format::Markdown,
        TreeFormat::Mermaid => Format::Mermaid,
        TreeFormat::Dot => Format::Dot,
        TreeFormat::Svg => {
            progress.step(Step::Check);
            let report = crate::engine::check(&plan);
            progress.step(Step::Draw);
            let svg = crate::svg::document(&plan, &report, ctx.lang, limit);
            drop(progress);
            // Markup is exact output: every plan string in it is already escaped.
            super::emit(None, &svg)?;
            return Ok(EXIT_OK);
        }
    };
    let options = Options {
        format,
        limit,
        lang: ctx.lang.code(),
    };
    progress.step(Step::Draw);
    let text = crate::render::render(&plan, &options);
    drop(progress);
    super::show(&text)?;
    Ok(EXIT_OK)
}
