//! `sysuser check FILE`: the engine's findings, for people (like a compiler),
//! as JSON, as SARIF for code-scanning services, or as GitHub workflow
//! annotations; each finding points at the entry of the plan it is about.

use crate::cli::{CheckArgs, CheckFormat, Ctx, EXIT_FINDINGS, EXIT_OK, Lang};
use crate::plan::{Plan, SourceMap, Subject};
use crate::progress::{Progress, Step};
use crate::rules::{Finding, Report, Severity};
use std::mem::ManuallyDrop;

pub fn run(args: &CheckArgs, ctx: &Ctx) -> anyhow::Result<u8> {
    let progress = Progress::start(ctx.quiet, ctx.lang, Step::Read);
    // Never freed, as in `load_plan`: the process ends right after.
    let loaded = ManuallyDrop::new(crate::plan::load_with_source(&args.file)?);
    progress.step(Step::Check);
    let mut report = crate::engine::check(&loaded.plan);
    locate(&mut report, &loaded.plan, &loaded.source);
    drop(progress);
    match args.format {
        CheckFormat::Json => super::emit(None, &super::to_json(&report.worded(ctx.lang)))?,
        CheckFormat::Sarif => super::emit(None, &super::sarif::report(&report, ctx.lang))?,
        CheckFormat::Github => super::show(&github(&report, ctx.lang))?,
        CheckFormat::Text => {
            let plain = text_at(&report, false, ctx.quiet, ctx.lang, Some(&loaded.source));
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

/// The words of the text report around the findings' own messages.
struct Words {
    system_user: &'static str,
    client: &'static str,
    package: &'static str,
    team: &'static str,
    hint: &'static str,
}

const EN: Words = Words {
    system_user: "system user",
    client: "client",
    package: "package",
    team: "team",
    hint: "hint",
};

const NB: Words = Words {
    system_user: "systembruker",
    client: "klient",
    package: "tilgangspakke",
    team: "team",
    hint: "tips",
};

fn words(lang: Lang) -> &'static Words {
    match lang {
        Lang::En => &EN,
        Lang::Nb => &NB,
    }
}

/// Sets each finding's location: the entry of its system user, client or
/// team (in that order), else the system's or the organisation's entry.
pub fn locate(report: &mut Report, plan: &Plan, source: &SourceMap) {
    for f in &mut report.findings {
        f.location = subject(f, plan).and_then(|s| source.position(s));
    }
}

fn subject(f: &Finding, plan: &Plan) -> Option<Subject> {
    if let Some(name) = &f.system_user {
        return plan
            .system_users
            .iter()
            .position(|u| &u.name == name)
            .map(Subject::SystemUser);
    }
    if let Some(client) = &f.client {
        // The engine names a client by its label, "Name (orgnr)", or its number.
        let orgnr = client
            .rsplit(|c: char| !c.is_ascii_digit())
            .find(|d| d.len() == 9)?;
        return plan
            .clients
            .iter()
            .position(|c| c.orgnr.as_str() == orgnr)
            .map(Subject::Client);
    }
    if let Some(name) = &f.team {
        return plan
            .teams
            .iter()
            .position(|t| &t.name == name)
            .map(Subject::Team);
    }
    let about_system = matches!(
        f.rule.id(),
        "invalid-system-id"
            | "locally-installed-needs-own-vendor"
            | "visible-system-with-client-only-package"
    );
    Some(if about_system {
        Subject::System
    } else {
        Subject::Organisation
    })
}

/// GitHub Actions workflow commands: one `::error`/`::warning`/`::notice`
/// line per finding, at its place in the plan when known, worded in `lang`.
pub fn github(report: &Report, lang: Lang) -> String {
    // The workflow-command escapes: `%`, CR and LF everywhere, `:` and `,` in properties.
    let data = |s: &str| {
        s.replace('%', "%25")
            .replace('\r', "%0D")
            .replace('\n', "%0A")
    };
    let property = |s: &str| data(s).replace(':', "%3A").replace(',', "%2C");
    let mut out = String::new();
    for f in &report.findings {
        let command = match f.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "notice",
        };
        let mut props = Vec::new();
        if let Some(l) = &f.location {
            props.push(format!("file={}", property(&l.file)));
            props.push(format!("line={}", l.line));
            props.push(format!("col={}", l.column));
        }
        let code = f.altinn_code.map(|c| format!(" {c}")).unwrap_or_default();
        props.push(format!(
            "title={}",
            property(&format!("{}{code}", f.rule.id()))
        ));
        let mut message = f.message(lang);
        if let Some(h) = f.hint(lang) {
            message.push_str(&format!("\nhint: {h}"));
        }
        out.push_str(&format!(
            "::{command} {}::{}\n",
            props.join(","),
            data(&message)
        ));
    }
    out
}

/// The report as a person reads it, in `lang`: each finding with its
/// subjects and hint, a blank line between findings, and a summary line.
/// `quiet`: errors only.
///
/// With `color`, the text is escaped ([`crate::text::visible`]) and then
/// painted, so that only sysuser's own colour sequences are in it.
pub fn text(report: &Report, color: bool, quiet: bool, lang: Lang) -> String {
    text_at(report, color, quiet, lang, None)
}

/// [`text`], each located finding followed by `--> file:line:column` and
/// the line from `source`, as rustc shows code.
pub fn text_at(
    report: &Report,
    color: bool,
    quiet: bool,
    lang: Lang,
    source: Option<&SourceMap>,
) -> String {
    let mut s = String::new();
    for f in report
        .findings
        .iter()
        .filter(|f| !quiet || f.severity == Severity::Error)
    {
        finding(&mut s, f, lang, source);
        s.push('\n');
    }
    s.push_str(&summary(report, false, lang));
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
    if last == summary(report, false, lang) {
        out.push_str(&summary(report, true, lang));
    } else {
        out.push_str(last);
    }
    out.push('\n');
    out
}

fn finding(s: &mut String, f: &Finding, lang: Lang, source: Option<&SourceMap>) {
    let w = words(lang);
    let sev = f.severity.as_str();
    let code = f.altinn_code.map(|c| format!(" {c}")).unwrap_or_default();
    s.push_str(&format!(
        "{sev}[{}]{code}: {}\n",
        f.rule.id(),
        f.message(lang)
    ));
    if let Some(l) = &f.location {
        let line = source.and_then(|m| m.line_text(l.line));
        s.push_str(&crate::plan::load::pointer(
            &l.file,
            Some((l.line, l.column)),
            line,
        ));
    }
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
    if let Some(h) = f.hint(lang) {
        s.push_str(&format!("  {}: {h}\n", w.hint));
    }
}

/// The summary line, its counts coloured by severity when `color`.
fn summary(report: &Report, color: bool, lang: Lang) -> String {
    if !color {
        return report.summary.line(lang);
    }
    let parts = report.summary.parts(lang);
    if parts.is_empty() {
        return report.summary.line(lang);
    }
    parts
        .into_iter()
        .map(|(sev, t)| format!("{}{t}{RESET}", colour(sev)))
        .collect::<Vec<_>>()
        .join(", ")
}
