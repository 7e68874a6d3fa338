//! `sysuser check FILE`: the engine's findings, for people (like a compiler) or as JSON.

use crate::cli::{CheckArgs, Ctx, EXIT_FINDINGS, EXIT_OK, ReportFormat};
use crate::rules::{Finding, Report, Severity};

pub fn run(args: &CheckArgs, ctx: &Ctx) -> anyhow::Result<u8> {
    let plan = super::load_plan(&args.file)?;
    let report = crate::engine::check(&plan);
    match args.format {
        ReportFormat::Json => super::emit(None, &super::to_json(&report))?,
        ReportFormat::Text => super::emit(None, &text(&report, ctx.color, ctx.quiet))?,
    }
    Ok(if report.has_errors() {
        EXIT_FINDINGS
    } else {
        EXIT_OK
    })
}

const RESET: &str = "\x1b[0m";
const BOLD: &str = "\x1b[1m";

fn colour(s: Severity) -> &'static str {
    match s {
        Severity::Error => "\x1b[1;31m",
        Severity::Warning => "\x1b[1;33m",
        Severity::Info => "\x1b[1;36m",
    }
}

/// The report as a person reads it: each finding with its subjects and hint,
/// a blank line between findings, and a summary line. `quiet`: errors only.
pub fn text(report: &Report, color: bool, quiet: bool) -> String {
    let mut s = String::new();
    for f in report
        .findings
        .iter()
        .filter(|f| !quiet || f.severity == Severity::Error)
    {
        finding(&mut s, f, color);
        s.push('\n');
    }
    s.push_str(&summary(report, color));
    s.push('\n');
    s
}

fn finding(s: &mut String, f: &Finding, color: bool) {
    let sev = f.severity.as_str();
    let code = f.altinn_code.map(|c| format!(" {c}")).unwrap_or_default();
    if color {
        s.push_str(&format!(
            "{}{sev}{RESET}{BOLD}[{}]{RESET}{code}: {}\n",
            colour(f.severity),
            f.rule.id(),
            f.message
        ));
    } else {
        s.push_str(&format!("{sev}[{}]{code}: {}\n", f.rule.id(), f.message));
    }
    let subjects: Vec<String> = [
        ("system user", &f.system_user),
        ("client", &f.client),
        ("package", &f.package),
        ("team", &f.team),
    ]
    .into_iter()
    .filter_map(|(k, v)| v.as_ref().map(|v| format!("{k}: {v}")))
    .collect();
    if !subjects.is_empty() {
        s.push_str(&format!("  {}\n", subjects.join(", ")));
    }
    if let Some(h) = &f.hint {
        s.push_str(&format!("  hint: {h}\n"));
    }
}

fn plural(n: usize, word: &str) -> String {
    format!("{n} {word}{}", if n == 1 { "" } else { "s" })
}

fn summary(report: &Report, color: bool) -> String {
    let sm = &report.summary;
    if sm.errors + sm.warnings + sm.infos == 0 {
        return "no problems found".into();
    }
    let parts = [
        (sm.errors, "error", Severity::Error),
        (sm.warnings, "warning", Severity::Warning),
        (sm.infos, "info", Severity::Info),
    ];
    parts
        .iter()
        .filter(|(n, _, _)| *n > 0)
        .map(|(n, w, sev)| {
            let t = plural(*n, w);
            if color {
                format!("{}{t}{RESET}", colour(*sev))
            } else {
                t
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}
