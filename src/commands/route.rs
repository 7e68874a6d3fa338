//! `sysuser route` (one party and package) and `sysuser routes` (the whole table).

use crate::cli::{Ctx, EXIT_FINDINGS, EXIT_OK, ReportFormat, RouteArgs, RoutesArgs, TableFormat};
use crate::route::{self, Route, Status};
use serde::Serialize;

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
        Ok(r) => super::emit(None, &route_text(r, ctx.quiet))?,
        Err(e) if json => super::emit(
            None,
            &super::to_json(&Answer {
                route: None,
                error: Some(e.to_string()),
                altinn_code: e.altinn_code(),
            }),
        )?,
        Err(e) => eprintln!("no route: {e}"),
    }
    Ok(if found.is_ok() {
        EXIT_OK
    } else {
        EXIT_FINDINGS
    })
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
        eprintln!(
            "warning: {} system users serve {} with `{}`; keep each client and package on one (ambiguous-route)",
            r.system_users.len(),
            r.party,
            r.package
        );
    }
    if !quiet && let Some(via) = r.via {
        eprintln!(
            "note: {} is an operational unit; it inherits from its main unit {via}",
            r.party
        );
    }
    s
}

pub fn run_table(args: &RoutesArgs, _ctx: &Ctx) -> anyhow::Result<u8> {
    let plan = super::load_plan(&args.file)?;
    let rows = route::table(&plan);
    let text = match args.format {
        TableFormat::Json => super::to_json(&rows),
        TableFormat::Yaml => serde_yaml::to_string(&rows)?,
        TableFormat::Csv => csv(&rows),
        TableFormat::Text => table(&rows),
    };
    super::emit(None, &text)?;
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

fn csv(rows: &[Route]) -> String {
    let mut s = String::with_capacity(rows.len() * 96);
    s.push_str("party,party_name,kind,via,package,status,system_users,external_refs\n");
    for r in rows {
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
        s.push_str(&line.join(","));
        s.push('\n');
    }
    s
}

fn table(rows: &[Route]) -> String {
    let head = [
        "PARTY",
        "NAME",
        "KIND",
        "PACKAGE",
        "STATUS",
        "SYSTEM USER (EXTERNAL REF)",
    ];
    let cells: Vec<[String; 6]> = rows
        .iter()
        .map(|r| {
            let users: Vec<String> = r
                .system_users
                .iter()
                .map(|s| format!("{} ({})", s.name, s.external_ref))
                .collect();
            let kind = match r.via {
                Some(v) => format!("{} via {v}", r.kind.as_str()),
                None => r.kind.as_str().to_string(),
            };
            [
                r.party.to_string(),
                r.party_name.to_string(),
                kind,
                r.package.to_string(),
                r.status.as_str().to_string(),
                if users.is_empty() {
                    "-".into()
                } else {
                    users.join(", ")
                },
            ]
        })
        .collect();
    let mut w = head.map(|h| h.chars().count());
    for row in &cells {
        for (i, c) in row.iter().enumerate() {
            w[i] = w[i].max(c.chars().count());
        }
    }
    let mut s = String::with_capacity((cells.len() + 1) * 100);
    let mut line = |row: &[&str]| {
        let mut l = String::new();
        for (i, c) in row.iter().enumerate() {
            if i + 1 == row.len() {
                l.push_str(c);
            } else {
                l.push_str(c);
                l.extend(std::iter::repeat_n(' ', w[i] - c.chars().count() + 2));
            }
        }
        s.push_str(l.trim_end());
        s.push('\n');
    };
    line(&head);
    for row in &cells {
        line(&row.each_ref().map(String::as_str));
    }
    s
}
