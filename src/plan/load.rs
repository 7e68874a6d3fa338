//! Reading a plan: bytes to text to [`Plan`], every failure a [`LoadError`]
//! with file:line:column, the line, and what was expected.

mod guard;
mod source;

pub use source::{Position, SourceMap, Subject};

use super::Plan;
use crate::fastyaml::{self, Outcome};
use crate::text::did_you_mean;
use serde::de::DeserializeOwned;
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::mpsc::Receiver;

/// Plans larger than this are refused rather than read into memory.
pub const MAX_FILE_BYTES: u64 = 256 * 1024 * 1024;
/// More clients than any Norwegian provider has; beyond it, refuse.
pub const MAX_CLIENTS: usize = fastyaml::MAX_ITEMS;

/// A plan that could not be read: where, what, and what was expected.
#[derive(Debug, Clone, PartialEq)]
pub struct LoadError {
    pub path: String,
    pub line: Option<usize>,
    pub column: Option<usize>,
    /// The offending line, as written.
    pub line_text: Option<String>,
    pub message: String,
    /// What would have been accepted, or how to fix it.
    pub help: Option<String>,
}

impl std::error::Error for LoadError {}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "{}", self.message)?;
        f.write_str(&pointer(
            &self.path,
            self.line.zip(self.column),
            self.line_text.as_deref(),
        ))?;
        if let Some(h) = &self.help {
            writeln!(f, "  = help: {h}")?;
        }
        Ok(())
    }
}

/// `  --> file:line:column` and, when the line is known, the line with a
/// caret under the column, the way rustc and cargo point at code. Shared by
/// load errors and `check`'s findings.
pub fn pointer(path: &str, at: Option<(usize, usize)>, line_text: Option<&str>) -> String {
    use std::fmt::Write;
    let mut f = String::new();
    let Some((l, col)) = at else {
        let _ = writeln!(f, "  --> {path}");
        return f;
    };
    let _ = writeln!(f, "  --> {path}:{l}:{col}");
    let Some(text) = line_text else {
        return f;
    };
    let width = l.to_string().len();
    // A very long line (minified or generated YAML) is cut around the column.
    let col = col.max(1);
    let skip = col.saturating_sub(60);
    let shown: String = text.chars().skip(skip).take(120).collect();
    let more = text.chars().count() > skip + 120;
    let (text, col) = if skip > 0 || more {
        let lead = if skip > 0 { "…" } else { "" };
        let tail = if more { "…" } else { "" };
        (
            format!("{lead}{shown}{tail}"),
            col - skip + lead.chars().count(),
        )
    } else {
        (text.to_string(), col)
    };
    let _ = writeln!(f, "{:width$} |", "");
    let _ = writeln!(f, "{l} | {text}");
    let pad: String = text
        .chars()
        .take(col - 1)
        .map(|c| if c == '\t' { '\t' } else { ' ' })
        .collect();
    let _ = writeln!(f, "{:width$} | {pad}^", "");
    f
}

/// Files the general YAML parser must read (those outside the fast reader's
/// subset) are limited further: its events take up to ~50 times the text.
/// Everything sysuser writes is in the subset, so only hand-written plans of
/// more than this many bytes that use YAML beyond it are refused.
pub const MAX_GENERAL_BYTES: usize = 64 * 1024 * 1024;
/// Flow collections (`[…]`, `{…}`) nested deeper than this are refused before
/// the general parser sees them (its cost grows with the square of the depth);
/// a plan nests two.
pub const MAX_FLOW_DEPTH: usize = 32;
/// The general parser expands each YAML alias in full. Plans do not need
/// aliases, but they are valid YAML and some people share lists with them, so
/// they are read as long as the expanded plan has at most this many nodes per
/// byte of the file (a plan without aliases has at most one per two bytes).
const ALIAS_NODES_PER_BYTE: usize = 2;

/// A plan and where its entries are written, for findings that point at them.
#[derive(Debug)]
pub struct Loaded {
    pub plan: Plan,
    pub source: SourceMap,
}

/// Reads and parses a plan file. Every failure is a [`LoadError`]; nothing
/// panics, and memory stays bounded by the file's size.
pub fn load(path: &Path) -> Result<Plan, Box<LoadError>> {
    parse_bytes(&read(path)?, &shown_path(path, false))
}

/// [`load`] for a path given on the command line, where `-` is standard
/// input (not in the wizard, whose keys come from there).
pub fn load_arg(path: &Path) -> Result<Plan, Box<LoadError>> {
    parse_bytes(&read_arg(path)?, &shown_path(path, true))
}

/// [`load_arg`], keeping where each entry is written.
pub fn load_with_source(path: &Path) -> Result<Loaded, Box<LoadError>> {
    let shown = shown_path(path, true);
    let bytes = read_arg(path)?;
    let text = text_of(&bytes, &shown)?;
    let skip = bytes.len() - text.len();
    let (plan, source) = parse_located(text, &shown)?;
    // Checked as UTF-8 above; the text is kept to show the lines findings point at.
    let text = String::from_utf8(bytes).unwrap_or_default();
    Ok(Loaded {
        plan,
        source: source.with_text(&shown, text, skip),
    })
}

/// Any YAML document sysuser reads (the wizard's saved session), through the
/// same reading, limits and error messages as a plan.
pub fn load_as<T: DeserializeOwned>(path: &Path) -> Result<T, Box<LoadError>> {
    let shown = shown_path(path, false);
    let bytes = read(path)?;
    let text = text_of(&bytes, &shown)?;
    parse_as(text, &shown)
}

/// Loads on a worker thread, for front ends whose input must never wait on a
/// file (a slow disk, a FIFO, a huge plan): the answer arrives on the channel.
pub fn load_in_background(path: PathBuf) -> Receiver<Result<Plan, Box<LoadError>>> {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(load(&path));
    });
    rx
}

fn shown_path(path: &Path, dash_is_stdin: bool) -> String {
    if dash_is_stdin && is_stdin(path) {
        "<stdin>".into()
    } else {
        path.display().to_string()
    }
}

fn is_stdin(path: &Path) -> bool {
    path.as_os_str() == "-"
}

/// The bytes of a plan file, at most [`MAX_FILE_BYTES`] of them whatever the
/// file is: only regular files are read, so that `/dev/zero`, a FIFO or a
/// terminal cannot make a command read forever or block.
pub fn read(path: &Path) -> Result<Vec<u8>, Box<LoadError>> {
    read_from(path, false)
}

/// [`read`], or standard input for `-` through the same limit.
pub fn read_arg(path: &Path) -> Result<Vec<u8>, Box<LoadError>> {
    read_from(path, true)
}

fn read_from(path: &Path, dash_is_stdin: bool) -> Result<Vec<u8>, Box<LoadError>> {
    use crate::fsutil::{Also, ReadFailure, io_reason, read_limited, read_stdin_limited};
    let stdin = dash_is_stdin && is_stdin(path);
    let read = if stdin {
        read_stdin_limited(MAX_FILE_BYTES)
    } else {
        read_limited(path, MAX_FILE_BYTES, Also::Nothing)
    };
    read.map_err(|failure| {
        let (message, help) = match failure {
            ReadFailure::TooBig { bytes, limit } => (
                format!(
                    "the plan is {} MiB; plans over {} MiB are refused",
                    bytes / (1024 * 1024),
                    limit / (1024 * 1024)
                ),
                Some("split the client list, or check that this is the right file"),
            ),
            ReadFailure::Io(e) if stdin => (format!("cannot read standard input: {e}"), None),
            ReadFailure::Io(e) => {
                let help = match e.kind() {
                    std::io::ErrorKind::PermissionDenied => Some(
                        "check the file's permissions (`ls -l`); sysuser only needs to read it",
                    ),
                    _ => Some(
                        "give the path of a plan file (YAML), e.g. scenarios/a-own-reporting.yaml",
                    ),
                };
                (format!("cannot read the plan: {}", io_reason(&e)), help)
            }
            ReadFailure::Directory => (
                "cannot read the plan: it is a directory".to_string(),
                Some(NOT_REGULAR_HELP),
            ),
            ReadFailure::NotRegular(what) => (
                format!("cannot read the plan: it is {what}"),
                Some(NOT_REGULAR_HELP),
            ),
        };
        Box::new(LoadError {
            path: shown_path(path, dash_is_stdin),
            line: None,
            column: None,
            line_text: None,
            message,
            help: help.map(str::to_string),
        })
    })
}

const NOT_REGULAR_HELP: &str =
    "give the path of a plan file (YAML), or `-` to read the plan from standard input";

/// Parses plan bytes; `origin` names the source in messages.
pub fn parse_bytes(bytes: &[u8], origin: &str) -> Result<Plan, Box<LoadError>> {
    parse(text_of(bytes, origin)?, origin)
}

/// The bytes as text: UTF-8, without the byte-order mark Notepad and
/// PowerShell write; UTF-16, binary and other encodings are refused.
fn text_of<'a>(bytes: &'a [u8], origin: &str) -> Result<&'a str, Box<LoadError>> {
    let refuse = |message: &str, help: &str| {
        Box::new(LoadError {
            path: origin.to_string(),
            line: None,
            column: None,
            line_text: None,
            message: message.into(),
            help: Some(help.into()),
        })
    };
    if bytes.starts_with(&[0xff, 0xfe]) || bytes.starts_with(&[0xfe, 0xff]) {
        return Err(refuse(
            "the plan is UTF-16 text",
            "save the file as UTF-8 (plans are YAML text)",
        ));
    }
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    if bytes.contains(&0) {
        return Err(refuse(
            "the plan contains NUL bytes; it looks like a binary file",
            "give the path of a plan file (YAML text)",
        ));
    }
    std::str::from_utf8(bytes).map_err(|e| {
        let offset = e.valid_up_to();
        let (line, column) = line_col(&bytes[..offset]);
        Box::new(LoadError {
            path: origin.to_string(),
            line: Some(line),
            column: Some(column),
            line_text: None,
            message: "the plan is not UTF-8 text".into(),
            help: Some("save the file as UTF-8 (plans are YAML text)".into()),
        })
    })
}

fn line_col(prefix: &[u8]) -> (usize, usize) {
    let line = prefix.iter().filter(|&&b| b == b'\n').count() + 1;
    let start = prefix
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |p| p + 1);
    let column = String::from_utf8_lossy(&prefix[start..]).chars().count() + 1;
    (line, column)
}

/// Parses plan text; `origin` names the source in messages.
pub fn parse(text: &str, origin: &str) -> Result<Plan, Box<LoadError>> {
    parse_as(text.strip_prefix('\u{feff}').unwrap_or(text), origin)
}

/// Plan text and where its entries are written.
fn parse_located(text: &str, origin: &str) -> Result<(Plan, SourceMap), Box<LoadError>> {
    empty(text, origin)?;
    let (outcome, marks) =
        fastyaml::read_marked::<Plan>(text).map_err(|e| too_many(text, origin, e))?;
    match outcome {
        Outcome::Read(plan) => Ok((plan, SourceMap::from_marks(marks))),
        // Not a valid plan: the general parser words the error.
        Outcome::Invalid => general(text, origin).map(|p| (p, SourceMap::from_marks(marks))),
        Outcome::Declined => {
            let plan: Plan = general(text, origin)?;
            let source = SourceMap::from_lines(text, &plan);
            Ok((plan, source))
        }
    }
}

/// The one path from text to a document: the fast reader where it is sure,
/// else the general parser behind the limits above, errors in our words.
fn parse_as<T: DeserializeOwned>(text: &str, origin: &str) -> Result<T, Box<LoadError>> {
    empty(text, origin)?;
    match fastyaml::read::<T>(text).map_err(|e| too_many(text, origin, e))? {
        Outcome::Read(value) => Ok(value),
        Outcome::Invalid | Outcome::Declined => general(text, origin),
    }
}

/// An empty document (or only comments) is refused before any parser sees it.
fn empty(text: &str, origin: &str) -> Result<(), Box<LoadError>> {
    if text.trim().is_empty()
        || text
            .lines()
            .all(|l| l.trim().is_empty() || l.trim_start().starts_with('#'))
    {
        return Err(Box::new(LoadError {
            path: origin.into(),
            line: None,
            column: None,
            line_text: None,
            message: "the plan is empty".into(),
            help: Some(
                "a plan starts with `version: 1`, `organisation:` and `system:`; see scenarios/ for examples"
                    .into(),
            ),
        }));
    }
    Ok(())
}

/// A list longer than any plan's, refused where the fast reader saw it pass the limit.
fn too_many(text: &str, origin: &str, e: fastyaml::TooManyItems) -> Box<LoadError> {
    let (line, column) = line_col(&text.as_bytes()[..e.offset.min(text.len())]);
    Box::new(LoadError {
        path: origin.into(),
        line: Some(line),
        column: Some(column),
        line_text: text.lines().nth(line - 1).map(str::to_string),
        message: format!(
            "a list in the plan has more than {} entries; more than {MAX_CLIENTS} clients are refused",
            crate::text::thousands(fastyaml::MAX_ITEMS)
        ),
        help: Some("split the client list, or check that this is the right file".into()),
    })
}

/// The general YAML parser, after the guard: flow nesting and alias
/// expansion are bounded before anything is built from them.
fn general<T: DeserializeOwned>(text: &str, origin: &str) -> Result<T, Box<LoadError>> {
    let refuse = |message: String, help: &str| {
        Box::new(LoadError {
            path: origin.into(),
            line: None,
            column: None,
            line_text: None,
            message,
            help: Some(help.into()),
        })
    };
    if text.len() > MAX_GENERAL_BYTES {
        return Err(refuse(
            format!(
                "the plan is {} MiB and uses YAML beyond what sysuser reads quickly; such plans over {} MiB are refused",
                text.len() / (1024 * 1024),
                MAX_GENERAL_BYTES / (1024 * 1024)
            ),
            "write it in plain block style, as `sysuser` itself writes plans (e.g. read it and save it with `sysuser import --into`), or split the client list",
        ));
    }
    if let Some((offset, depth)) = guard::flow_too_deep(text, MAX_FLOW_DEPTH) {
        let (line, column) = line_col(&text.as_bytes()[..offset]);
        return Err(Box::new(LoadError {
            path: origin.into(),
            line: Some(line),
            column: Some(column),
            line_text: text.lines().nth(line - 1).map(str::to_string),
            message: format!(
                "`[` and `{{` are nested more than {depth} deep here; a plan nests them two deep"
            ),
            help: Some("close the brackets, or write the lists in block style (`- item`)".into()),
        }));
    }
    if guard::may_have_alias(text) {
        let budget = ALIAS_NODES_PER_BYTE * text.len() + 10_000;
        if let Err(e) = guard::expanded_nodes_within(text, budget) {
            if e.to_string().contains(guard::OVER_BUDGET) {
                let anchor = guard::most_used_alias(text).unwrap_or_default();
                return Err(refuse(
                    format!(
                        "the plan's YAML aliases expand it to more than {} values (the anchor `&{anchor}` is repeated most); refused to protect memory",
                        crate::text::thousands(budget)
                    ),
                    "write the repeated part out, or use fewer aliases of aliases",
                ));
            }
        }
    }
    serde_yaml::from_str(text).map_err(|e| Box::new(yaml_error(&e, text, origin)))
}

fn yaml_error(e: &serde_yaml::Error, text: &str, origin: &str) -> LoadError {
    let loc = e.location();
    let line = loc.as_ref().map(|l| l.line());
    let column = loc.as_ref().map(|l| l.column());
    let line_text = line
        .and_then(|l| text.lines().nth(l.saturating_sub(1)))
        .map(|s| s.to_string());
    let raw = e.to_string();
    let raw = match raw.rfind(" at line ") {
        Some(i) => raw[..i].to_string(),
        None => raw,
    };
    let raw = strip_inner_location(&raw);
    let (message, help) = explain(&raw);
    if raw.contains("more than one document") {
        let second = text
            .lines()
            .enumerate()
            .skip_while(|(_, l)| !is_content(l))
            .find(|(_, l)| l.starts_with("---"))
            .map(|(i, l)| (i + 1, l.to_string()));
        return LoadError {
            path: origin.into(),
            line: second.as_ref().map(|s| s.0),
            column: second.as_ref().map(|_| 1),
            line_text: second.map(|s| s.1),
            message: "the file holds more than one YAML document (`---`); a plan is one document"
                .into(),
            help: Some(
                "keep one plan per file: remove the `---` line and what follows, or split the file"
                    .into(),
            ),
        };
    }
    LoadError {
        path: origin.into(),
        line,
        column,
        line_text,
        message,
        help,
    }
}

/// A line that is YAML content (not blank, not a comment, not a document marker).
fn is_content(l: &str) -> bool {
    let t = l.trim();
    !t.is_empty() && !t.starts_with('#') && !t.starts_with("---") && !t.starts_with("%")
}

/// The YAML parser repeats the location inside its message ("… at line 4
/// column 4, while parsing …"); the location is shown once, below.
fn strip_inner_location(raw: &str) -> String {
    let Some(start) = raw.find(" at line ") else {
        return raw.to_string();
    };
    let rest = &raw[start + " at line ".len()..];
    let end = rest
        .find(", ")
        .map(|i| start + " at line ".len() + i)
        .unwrap_or(raw.len());
    format!("{}{}", &raw[..start], &raw[end..])
}

/// serde's names for the plan's types, as a person would say them.
const TYPE_WORDS: &[(&str, &str)] = &[
    (
        "struct Plan",
        "a plan (a mapping with `version`, `organisation`, `system`, …)",
    ),
    ("struct Organisation", "a mapping with `orgnr` and `name`"),
    (
        "struct System",
        "a mapping with `id`, `vendor` and `access_packages`",
    ),
    (
        "struct Options",
        "a mapping with `self_on_client_system_user` and `f_option`",
    ),
    (
        "struct Client",
        "a client: a mapping such as `{ orgnr: \"312655985\", name: …, er_roles: [regnskapsforer] }`",
    ),
    ("struct Unit", "a mapping with `orgnr` and `name`"),
    (
        "struct Team",
        "a team: a mapping with `name`, `handles` and `members`",
    ),
    (
        "struct SystemUser",
        "a system user: a mapping with `name`, `type` and `access_packages`",
    ),
    (
        "struct Advice",
        "a mapping with `scenarios` and `decision_path`",
    ),
    (
        "struct DecisionStep",
        "a mapping with `question`, `answer` and `why`",
    ),
    ("struct Unserved", "a mapping with `client` and `reason`"),
];

/// Turns serde's wording into ours: unknown fields get a suggestion, missing
/// fields and type errors say what is expected.
fn explain(raw: &str) -> (String, Option<String>) {
    if raw.contains("expected an organisation number of 9 digits, found") {
        return (
            raw.to_string(),
            Some("write it as 9 digits in quotes, e.g. `orgnr: \"310202398\"`; copy it from Enhetsregisteret (brreg.no)".into()),
        );
    }
    if raw.contains("unsupported plan version") {
        return (
            raw.to_string(),
            Some("write `version: 1`; a newer plan version needs a newer sysuser".into()),
        );
    }
    if let Some(rest) = raw.split("unknown field `").nth(1) {
        let field = rest.split('`').next().unwrap_or_default();
        let expected: Vec<&str> = rest
            .split("expected one of ")
            .nth(1)
            .or_else(|| rest.split("expected ").nth(1))
            .map(|s| s.split(", ").map(|f| f.trim_matches('`')).collect())
            .unwrap_or_default();
        let prefix = raw.split("unknown field").next().unwrap_or_default();
        let message = format!("{prefix}unknown field `{field}`");
        let help = match did_you_mean(field, expected.iter().copied()) {
            Some(m) => format!(
                "did you mean `{m}`? expected one of: {}",
                expected.join(", ")
            ),
            None => format!("expected one of: {}", expected.join(", ")),
        };
        return (message, Some(help));
    }
    if raw.contains("missing field `") {
        let field = raw
            .split("missing field `")
            .nth(1)
            .and_then(|r| r.split('`').next())
            .unwrap_or_default();
        let help = match field {
            "organisation" => "add `organisation:` with `orgnr` and `name`",
            "system" => "add `system:` with `id`, `vendor` and `access_packages`",
            "orgnr" => "add `orgnr: \"<9 digits>\"`",
            "type" => "add `type: standard` or `type: client`",
            "name" => "add `name: ...`",
            "id" => "add `id: \"<vendor orgnr>_<name>\"`",
            "vendor" => "add `vendor: \"<vendor orgnr>\"`",
            _ => "add the field",
        };
        return (raw.to_string(), Some(help.into()));
    }
    if raw.contains("unknown variant `") {
        let value = raw
            .split("unknown variant `")
            .nth(1)
            .and_then(|r| r.split('`').next())
            .unwrap_or_default();
        let expected: Vec<&str> = raw
            .split("expected one of ")
            .nth(1)
            .or_else(|| raw.split("expected ").nth(1))
            .map(|s| s.split(", ").map(|f| f.trim_matches('`')).collect())
            .unwrap_or_default();
        let help =
            did_you_mean(value, expected.iter().copied()).map(|m| format!("did you mean `{m}`?"));
        return (raw.replace("unknown variant", "unknown value"), help);
    }
    if raw.contains("duplicate field") || raw.contains("duplicate entry") {
        return (
            raw.to_string(),
            Some("each field may appear once; remove or merge the repeated one".into()),
        );
    }
    if raw.contains("invalid type") {
        let mut message = raw.to_string();
        for (serde_word, ours) in TYPE_WORDS {
            let from = format!("expected {serde_word}");
            if message.ends_with(&from) {
                message = format!("{}expected {ours}", &message[..message.len() - from.len()]);
            }
        }
        let number_for_orgnr =
            message.contains("integer `") && message.contains("organisation number");
        let help = if number_for_orgnr {
            Some("write organisation numbers as quoted strings of 9 digits, e.g. `orgnr: \"310202398\"`".to_string())
        } else if message.starts_with("invalid type") {
            Some("a plan file is one YAML mapping: `version: 1`, `organisation:`, `system:`, …; see scenarios/ for examples".to_string())
        } else {
            None
        };
        return (message.replace(" as u128", ""), help);
    }
    if raw.starts_with("unknown anchor") {
        return (
            "a YAML alias (`*name`) refers to no anchor (`&name`) defined before it".into(),
            Some("define the anchor first, or write the value out".into()),
        );
    }
    if raw.contains("did not find expected")
        || raw.contains("while parsing")
        || raw.contains("while scanning")
        || raw.contains("mapping values are not allowed")
    {
        return (
            format!("invalid YAML: {raw}"),
            Some("check the indentation (spaces, not tabs; keys of one mapping line up) and that every `[`, `{` and quote is closed".into()),
        );
    }
    if raw.contains("repetition limit") || raw.contains("recursion limit") {
        return (
            "the plan expands to too much data (YAML aliases or nesting beyond sane limits)".into(),
            Some("write the plan out without deeply nested or repeated aliases".into()),
        );
    }
    (raw.to_string(), None)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::to_yaml;

    const MINIMAL: &str = r#"
version: 1
organisation: { orgnr: "310202398", name: DISKRET NÆR TIGER AS, unit_type: AS }
system: { id: "991825827_smartcloud", vendor: "991825827", access_packages: [merverdiavgift] }
"#;

    #[test]
    fn loads_minimal_plan_with_defaults() {
        let p = parse(MINIMAL, "t.yaml").unwrap();
        assert_eq!(p.version, 1);
        assert!(p.system.visible);
        assert!(!p.system.locally_installed);
        assert!(p.is_situation());
    }

    #[test]
    fn urns_become_codes_and_round_trip() {
        let src = MINIMAL.replace(
            "[merverdiavgift]",
            "[\"urn:altinn:accesspackage:merverdiavgift\"]",
        );
        let p = parse(&src, "t.yaml").unwrap();
        assert_eq!(p.system.access_packages[0].code(), "merverdiavgift");
        let again = parse(&to_yaml(&p), "again.yaml").unwrap();
        assert_eq!(p, again);
    }

    #[test]
    fn unknown_field_suggests_the_right_one() {
        let src = format!("{MINIMAL}clents: []\n");
        let e = parse(&src, "t.yaml").unwrap_err();
        assert_eq!(e.message, "unknown field `clents`");
        assert!(
            e.help
                .as_deref()
                .unwrap()
                .starts_with("did you mean `clients`?"),
            "{e}"
        );
        assert_eq!(e.line, Some(5));
        assert_eq!(e.line_text.as_deref(), Some("clents: []"));
    }

    #[test]
    fn bad_orgnr_shape_points_at_the_line() {
        let src = MINIMAL.replace("\"310202398\"", "\"31020239X\"");
        let e = parse(&src, "t.yaml").unwrap_err();
        assert!(e.message.contains("9 digits"), "{e}");
        assert_eq!(e.line, Some(3));
        let shown = e.to_string();
        assert!(shown.contains("--> t.yaml:3:"), "{shown}");
    }

    #[test]
    fn empty_and_binary_input_are_refused() {
        assert_eq!(
            parse("", "e.yaml").unwrap_err().message,
            "the plan is empty"
        );
        assert!(parse_bytes(&[0xff, 0xfe, 0x00], "b.yaml").is_err());
    }

    #[test]
    fn unknown_unit_type_suggests() {
        let src = MINIMAL.replace("unit_type: AS", "unit_type: ESK");
        let e = parse(&src, "t.yaml").unwrap_err();
        assert!(
            e.message.contains("unknown organisation form `ESEK`") || e.message.contains("`ESK`"),
            "{e}"
        );
    }

    #[test]
    fn version_other_than_one_is_refused() {
        let src = MINIMAL.replace("version: 1", "version: 2");
        assert!(
            parse(&src, "t.yaml")
                .unwrap_err()
                .message
                .contains("version 2")
        );
    }
}
