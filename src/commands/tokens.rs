//! `sysuser tokens PLAN`: each system user's Maskinporten authorization_details.

use crate::cli::{Ctx, EXIT_OK, ReportFormat, TokensArgs};

pub fn run(args: &TokensArgs, _ctx: &Ctx) -> anyhow::Result<u8> {
    let plan = super::load_plan(&args.file)?;
    match args.format {
        ReportFormat::Text => super::show(&crate::tokens::text(&plan))?,
        ReportFormat::Json => super::emit(None, &super::to_json(&crate::tokens::tokens(&plan)))?,
    }
    Ok(EXIT_OK)
}
