//! `sysuser check FILE`: the engine's findings, for people (like a compiler) or as JSON.

use crate::cli::{CheckArgs, Ctx, EXIT_FINDINGS, EXIT_OK, Lang, ReportFormat};
use crate::progress::{Progress, Step};
use crate::rules::{Finding, Report, Severity};

pub fn run(args: &CheckArgs, ctx: &Ctx) -> anyhow::Result<u8> {
    let progress = Progress::start(ctx.quiet, ctx.lang, Step::Read);
    let plan = super::load_plan(&args.file)?;
    progress.step(Step::Check);
    let report = crate::engine::check_in(&plan, ctx.lang);
    drop(progress);
    match args.format {
        ReportFormat::Json => super::emit(None, &super::to_json(&report))?,
        ReportFormat::Text => {
            let plain = text_in(&report, false, ctx.quiet, ctx.lang);
            super::show_styled(&plain, |t| {
                if ctx.color {
                    paint(t, &report, ctx.lang)
                } else {
                    t.to_string()
                }
            })?
        }
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
    text_in(report, color, quiet, Lang::En)
}

/// The words of the text report around the findings' own messages.
struct Words {
    system_user: &'static str,
    client: &'static str,
    package: &'static str,
    team: &'static str,
    hint: &'static str,
    nothing: &'static str,
    /// Singular and plural of "error", "warning", "info".
    counts: [(&'static str, &'static str); 3],
}

const EN: Words = Words {
    system_user: "system user",
    client: "client",
    package: "package",
    team: "team",
    hint: "hint",
    nothing: "no problems found",
    counts: [
        ("error", "errors"),
        ("warning", "warnings"),
        ("info", "infos"),
    ],
};

const NB: Words = Words {
    system_user: "systembruker",
    client: "klient",
    package: "tilgangspakke",
    team: "team",
    hint: "tips",
    nothing: "ingen problemer funnet",
    counts: [
        ("feil", "feil"),
        ("advarsel", "advarsler"),
        ("info", "info"),
    ],
};

fn words(lang: Lang) -> &'static Words {
    match lang {
        Lang::En => &EN,
        Lang::Nb => &NB,
    }
}

/// [`text`] in `lang`: the findings' messages are already in it (see
/// [`crate::engine::check_in`]); this words the subjects, hints and summary.
///
/// With `color`, the text is escaped ([`crate::text::visible`]) and then
/// painted, so that only sysuser's own colour sequences are in it.
pub fn text_in(report: &Report, color: bool, quiet: bool, lang: Lang) -> String {
    let w = words(lang);
    let mut s = String::new();
    for f in report
        .findings
        .iter()
        .filter(|f| !quiet || f.severity == Severity::Error)
    {
        finding(&mut s, f, w);
        s.push('\n');
    }
    s.push_str(&summary(report, false, w));
    s.push('\n');
    if color {
        paint(&crate::text::visible(&s), report, lang)
    } else {
        s
    }
}

/// Colours an escaped text report: each finding's severity and rule id
/// (lines that begin `error[rule]`), and the summary on the last line.
fn paint(text: &str, report: &Report, lang: Lang) -> String {
    let mut out = String::with_capacity(text.len() + 64);
    let body = text.strip_suffix('\n').unwrap_or(text);
    let (body, last) = body.rsplit_once('\n').map_or(("", body), |(b, l)| (b, l));
    for line in body.split_inclusive('\n').filter(|l| !l.is_empty()) {
        let head = [Severity::Error, Severity::Warning, Severity::Info]
            .into_iter()
            .find_map(|sev| {
                let rest = line.strip_prefix(sev.as_str())?.strip_prefix('[')?;
                let (rule, rest) = rest.split_once(']')?;
                Some((sev, rule, rest))
            });
        match head {
            Some((sev, rule, rest)) => out.push_str(&format!(
                "{}{}{RESET}{BOLD}[{rule}]{RESET}{rest}",
                colour(sev),
                sev.as_str()
            )),
            None => out.push_str(line),
        }
    }
    if !body.is_empty() {
        out.push('\n');
    }
    if last == summary(report, false, words(lang)) {
        out.push_str(&summary(report, true, words(lang)));
    } else {
        out.push_str(last);
    }
    out.push('\n');
    out
}

fn finding(s: &mut String, f: &Finding, w: &Words) {
    let sev = f.severity.as_str();
    let code = f.altinn_code.map(|c| format!(" {c}")).unwrap_or_default();
    s.push_str(&format!("{sev}[{}]{code}: {}\n", f.rule.id(), f.message));
    let subjects: Vec<String> = [
        (w.system_user, &f.system_user),
        (w.client, &f.client),
        (w.package, &f.package),
        (w.team, &f.team),
    ]
    .into_iter()
    .filter_map(|(k, v)| v.as_ref().map(|v| format!("{k}: {v}")))
    .collect();
    if !subjects.is_empty() {
        s.push_str(&format!("  {}\n", subjects.join(", ")));
    }
    if let Some(h) = &f.hint {
        s.push_str(&format!("  {}: {h}\n", w.hint));
    }
}

/// The summary line `check` ends with ("1 error, 2 warnings"), uncoloured;
/// the wizard titles its findings pane with it.
pub fn summary_line(report: &Report, lang: Lang) -> String {
    summary(report, false, words(lang))
}

fn summary(report: &Report, color: bool, w: &Words) -> String {
    let sm = &report.summary;
    if sm.errors + sm.warnings + sm.infos == 0 {
        return w.nothing.into();
    }
    let parts = [
        (sm.errors, w.counts[0], Severity::Error),
        (sm.warnings, w.counts[1], Severity::Warning),
        (sm.infos, w.counts[2], Severity::Info),
    ];
    parts
        .iter()
        .filter(|(n, _, _)| *n > 0)
        .map(|(n, (one, many), sev)| {
            let t = format!("{n} {}", if *n == 1 { one } else { many });
            if color {
                format!("{}{t}{RESET}", colour(*sev))
            } else {
                t
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}
