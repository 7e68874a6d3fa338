//! `sysuser route` (one party and package) and `sysuser routes` (the whole table).

use crate::catalog::{URN_PREFIX, catalog};
use crate::cli::{Ctx, EXIT_FINDINGS, EXIT_OK, ReportFormat, RouteArgs, RoutesArgs, TableFormat};
use crate::engine::Index;
use crate::orgnr::Orgnr;
use crate::route::{self, NoRoute, Route, Status};
use serde::Serialize;
use std::io::Write;

#[derive(Serialize)]
struct Answer<'a> {
    #[serde(flatten)]
    route: Option<&'a Route<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    altinn_code: Option<&'static str>,
}

pub fn run(args: &RouteArgs, ctx: &Ctx) -> anyhow::Result<u8> {
    check_args(args)?;
    let plan = super::load_plan(&args.file)?;
    let found = route::lookup(&plan, &args.client, &args.package);
    let json = args.format == ReportFormat::Json;
    match &found {
        Ok(r) if json => super::emit(
            None,
            &super::to_json(&Answer {
                route: Some(r),
                error: None,
                altinn_code: None,
            }),
        )?,
        Ok(r) => super::show(&route_text(r, ctx.quiet))?,
        Err(e) if json => super::emit(
            None,
            &super::to_json(&Answer {
                route: None,
                error: Some(e.to_string()),
                altinn_code: e.altinn_code(),
            }),
        )?,
        Err(e) => super::note(&format!("no route: {e}")),
    }
    Ok(if found.is_ok() {
        EXIT_OK
    } else {
        EXIT_FINDINGS
    })
}

/// A malformed `--client` or an unknown `--package` is bad input (exit 2),
/// found before the plan is read; "no route" (exit 1) is for parties and
/// packages that exist.
fn check_args(args: &RouteArgs) -> anyhow::Result<()> {
    let party = Orgnr::parse(args.client.trim()).map_err(|m| anyhow::anyhow!("--client: {m}"))?;
    if !party.has_valid_check_digit() {
        anyhow::bail!(
            "--client: {party} fails the mod-11 check digit; copy the number again from Enhetsregisteret"
        );
    }
    let package = args.package.trim();
    if catalog().get(package).is_none() {
        let code = package.strip_prefix(URN_PREFIX).unwrap_or(package);
        let unknown = NoRoute::UnknownPackage {
            package: code.to_string(),
            nearest: catalog().nearest_codes(code, 3),
        };
        anyhow::bail!(
            "--package: {unknown} ({}); `sysuser packages --search TERM` lists them",
            unknown.altinn_code().unwrap_or_default()
        );
    }
    Ok(())
}

fn route_text(r: &Route, quiet: bool) -> String {
    let mut s = String::new();
    for su in &r.system_users {
        s.push_str(&format!(
            "{} (external ref: {})\n",
            su.name, su.external_ref
        ));
    }
    if r.status == Status::Ambiguous {
        super::note(&format!(
            "warning: {} system users serve {} with `{}`; keep each client and package on one (ambiguous-route)",
            r.system_users.len(),
            r.party,
            r.package
        ));
    }
    if !quiet && let Some(via) = r.via {
        super::note(&format!(
            "note: {} is an operational unit; it inherits from its main unit {via}",
            r.party
        ));
    }
    s
}

pub fn run_table(args: &RoutesArgs, _ctx: &Ctx) -> anyhow::Result<u8> {
    let plan = super::load_plan(&args.file)?;
    let ix = Index::new(&plan);
    match args.format {
        TableFormat::Json => super::stream(|out| {
            serde_json::to_writer_pretty(&mut *out, &route::table_with(&ix))?;
            out.write_all(b"\n")
        })?,
        TableFormat::Yaml => super::stream(|out| {
            serde_yaml::to_writer(out, &route::table_with(&ix)).map_err(std::io::Error::other)
        })?,
        TableFormat::Csv => super::stream_text(|out| csv(&ix, out))?,
        TableFormat::Text => super::stream_text(|out| table(&ix, out))?,
    }
    Ok(EXIT_OK)
}

fn names(r: &Route, sep: &str) -> (String, String) {
    let n: Vec<&str> = r.system_users.iter().map(|s| s.name).collect();
    let e: Vec<&str> = r.system_users.iter().map(|s| s.external_ref).collect();
    (n.join(sep), e.join(sep))
}

/// RFC 4180 quoting, only where needed.
fn field(s: &str) -> std::borrow::Cow<'_, str> {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\"")).into()
    } else {
        s.into()
    }
}

/// The rows as CSV, streamed: one pass of the routing walk.
fn csv(ix: &Index, out: &mut dyn Write) -> std::io::Result<()> {
    out.write_all(b"party,party_name,kind,via,package,status,system_users,external_refs\n")?;
    let mut result = Ok(());
    route::each_route(ix, |r| {
        if result.is_ok() {
            result = csv_row(r, out);
        }
    });
    result
}

fn csv_row(r: &Route, out: &mut dyn Write) -> std::io::Result<()> {
    let (n, e) = names(r, ";");
    let cells = [
        r.party,
        r.party_name,
        r.kind.as_str(),
        r.via.unwrap_or(""),
        r.package,
        r.status.as_str(),
        &n,
        &e,
    ];
    let line: Vec<_> = cells.iter().map(|c| field(c)).collect();
    writeln!(out, "{}", line.join(","))
}

/// The table's cells that are not plain borrows, kind (with `via`) and
/// users, written into reused buffers: no allocation per row.
fn derived(r: &Route, kind: &mut String, users: &mut String) {
    use std::fmt::Write as _;
    kind.clear();
    kind.push_str(r.kind.as_str());
    if let Some(v) = r.via {
        let _ = write!(kind, " via {v}");
    }
    users.clear();
    if r.system_users.is_empty() {
        users.push('-');
    }
    for (i, s) in r.system_users.iter().enumerate() {
        if i > 0 {
            users.push_str(", ");
        }
        let _ = write!(users, "{} ({})", s.name, s.external_ref);
    }
}

/// Padding for [`table`]'s columns, pushed as slices rather than char by char.
const SPACES: &str = "                                                                ";

/// Aligned columns. Two passes of the routing walk (widths, then lines)
/// rather than holding the rows: a million-client table has 1.5 million.
fn table(ix: &Index, out: &mut dyn Write) -> std::io::Result<()> {
    let head = [
        "PARTY",
        "NAME",
        "KIND",
        "PACKAGE",
        "STATUS",
        "SYSTEM USER (EXTERNAL REF)",
    ];
    let (mut kind, mut users) = (String::new(), String::new());
    let mut cells = |r: &Route, f: &mut dyn FnMut([&str; 6])| {
        derived(r, &mut kind, &mut users);
        f([
            r.party,
            r.party_name,
            &kind,
            r.package,
            r.status.as_str(),
            &users,
        ]);
    };
    let mut w = head.map(|h| h.chars().count());
    route::each_route(ix, |r| {
        cells(r, &mut |row| {
            for (i, c) in row.iter().enumerate() {
                w[i] = w[i].max(c.chars().count());
            }
        });
    });
    let mut s = String::with_capacity(256);
    let mut line = |row: [&str; 6]| {
        s.clear();
        for (i, c) in row.iter().enumerate() {
            s.push_str(c);
            if i + 1 < row.len() {
                let mut pad = w[i] - c.chars().count() + 2;
                while pad > 0 {
                    let n = pad.min(SPACES.len());
                    s.push_str(&SPACES[..n]);
                    pad -= n;
                }
            }
        }
        s.truncate(s.trim_end().len());
        s.push('\n');
        out.write_all(s.as_bytes())
    };
    line(head)?;
    let mut result = Ok(());
    route::each_route(ix, |r| {
        cells(r, &mut |row| {
            if result.is_ok() {
                result = line(row);
            }
        });
    });
    result
}
