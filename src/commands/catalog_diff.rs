//! `sysuser catalog diff EXPORT.json [--plan PLAN]`.

use crate::catalog_diff;
use crate::cli::{CatalogDiffArgs, Ctx, EXIT_FINDINGS, EXIT_OK, ReportFormat};
use crate::fsutil::Also;

/// Altinn's whole catalog export is about 100 KB; a file this large is not it.
const MAX_EXPORT_BYTES: u64 = 64 * 1024 * 1024;

pub fn run(args: &CatalogDiffArgs, _ctx: &Ctx) -> anyhow::Result<u8> {
    let shown = args.export.display();
    let bytes = crate::fsutil::read_limited(&args.export, MAX_EXPORT_BYTES, Also::Nothing)
        .map_err(|e| anyhow::anyhow!("cannot read {shown}: {e}"))?;
    let text = String::from_utf8(bytes)
        .map_err(|_| anyhow::anyhow!("{shown}: not UTF-8 text; Altinn's export is UTF-8 JSON"))?;
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
