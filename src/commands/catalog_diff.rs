//! `sysuser catalog diff EXPORT.json [--plan PLAN]`.

use crate::catalog_diff;
use crate::cli::{CatalogDiffArgs, Ctx, EXIT_FINDINGS, EXIT_OK, ReportFormat};

pub fn run(args: &CatalogDiffArgs, _ctx: &Ctx) -> anyhow::Result<u8> {
    let shown = args.export.display();
    let text = std::fs::read_to_string(&args.export)
        .map_err(|e| anyhow::anyhow!("cannot read {shown}: {e}"))?;
    let export = catalog_diff::parse_export(&text).map_err(|m| {
        anyhow::anyhow!(
            "{shown}: {m}\n  = help: save GET https://platform.altinn.no/accessmanagement/api/v1/meta/info/accesspackages/export as is"
        )
    })?;
    let plan = args.plan.as_deref().map(super::load_plan).transpose()?;
    let d = catalog_diff::diff(&export, plan.as_deref());
    match args.format {
        ReportFormat::Text => super::show(&catalog_diff::text(&d, plan.is_some()))?,
        ReportFormat::Json => super::emit(None, &super::to_json(&d))?,
    }
    let broken = d
        .added
        .iter()
        .chain(&d.removed)
        .chain(&d.reflagged)
        .flat_map(|c| &c.used)
        .any(|u| u.breaks.is_some());
    Ok(if broken { EXIT_FINDINGS } else { EXIT_OK })
}
