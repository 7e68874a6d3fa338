//! `sysuser packages`: the organisation packages, and which system user type each fits.

use crate::catalog::{Package, catalog};
use crate::cli::{Ctx, EXIT_OK, PackagesArgs, ReportFormat};
use serde::Serialize;

#[derive(Serialize)]
struct Row<'a> {
    code: &'a str,
    urn: &'a str,
    name_nb: &'a str,
    name_en: &'a str,
    area: &'a str,
    area_en: &'a str,
    fits: &'static str,
    is_assignable: bool,
    is_delegable: bool,
}

impl<'a> From<&'a Package> for Row<'a> {
    fn from(p: &'a Package) -> Self {
        Row {
            code: &p.code,
            urn: &p.urn,
            name_nb: &p.name_nb,
            name_en: &p.name_en,
            area: &p.area,
            area_en: &p.area_en,
            fits: p.fit().as_str(),
            is_assignable: p.is_assignable,
            is_delegable: p.is_delegable,
        }
    }
}

pub fn run(args: &PackagesArgs, ctx: &Ctx) -> anyhow::Result<u8> {
    let rows: Vec<Row> = catalog()
        .search(args.search.as_deref().unwrap_or(""))
        .filter(|p| args.persons || !p.is_person_package())
        .map(Row::from)
        .collect();
    match args.format {
        ReportFormat::Json => super::emit(None, &super::to_json(&rows))?,
        ReportFormat::Text => super::show(&table(&rows, ctx))?,
    }
    Ok(EXIT_OK)
}

fn table(rows: &[Row], ctx: &Ctx) -> String {
    let width = |cells: Vec<&str>, title: &str| {
        cells
            .iter()
            .map(|c| c.chars().count())
            .chain([title.chars().count()])
            .max()
            .unwrap_or(0)
    };
    let wc = width(rows.iter().map(|r| r.code).collect(), "CODE");
    let wf = width(rows.iter().map(|r| r.fits).collect(), "FITS");
    let wnb = width(rows.iter().map(|r| r.name_nb).collect(), "NAME (NB)");
    let mut s = format!(
        "{:wc$}  {:wf$}  {:wnb$}  NAME (EN) — AREA\n",
        "CODE", "FITS", "NAME (NB)"
    );
    for r in rows {
        s.push_str(&format!(
            "{:wc$}  {:wf$}  {:wnb$}  {} — {}\n",
            r.code, r.fits, r.name_nb, r.name_en, r.area_en
        ));
    }
    if !ctx.quiet {
        s.push_str(&format!(
            "\n{} packages. FITS: standard = standard system user only, client = client system user only, both, neither.\n",
            rows.len()
        ));
    }
    s
}
