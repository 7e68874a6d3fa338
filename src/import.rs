//! Client lists from spreadsheets (CSV): the accounting firm's own export.
//!
//! A small, strict CSV reader written for this one job (no dependency): a
//! header row names the columns, in any order; the separator is `;` or `,`,
//! whichever the header uses (Norwegian Excel writes `;`; an Excel `sep=;`
//! first line is honoured); fields may be quoted with `"` (`""` inside is a
//! quote, and a quoted field may span lines); a UTF-8 byte order mark, CRLF
//! line ends and blank lines are accepted.
//! Every row is validated and every bad row is reported, so one run shows
//! everything to fix in the spreadsheet.

use crate::catalog::catalog;
use crate::orgnr::Orgnr;
use crate::plan::{Client, ErRole, PackageRef, Plan, Unit, UnitType};
use crate::text::{did_you_mean, fold, levenshtein};
use std::collections::HashMap;

mod file;
mod texts;
pub use file::{
    ClientFile, Decoded, FileProblem, MAX_CSV_BYTES, ReadError, decode, read_client_file,
};
pub use texts::Problem;

/// One bad row, by its line number in the file; worded at the edge.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowError {
    pub line: usize,
    pub problem: Problem,
}

impl RowError {
    /// What is wrong, in `lang`.
    pub fn message(&self, lang: crate::cli::Lang) -> String {
        self.problem.text(lang)
    }
}

impl std::fmt::Display for RowError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "line {}: {}",
            self.line,
            self.message(crate::cli::Lang::En)
        )
    }
}

/// The columns a client list may have.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Column {
    Orgnr,
    Name,
    UnitType,
    ErRoles,
    Delegated,
    SubEntity,
    OperationalUnits,
}

impl Column {
    pub const ALL: [Column; 7] = [
        Column::Orgnr,
        Column::Name,
        Column::UnitType,
        Column::ErRoles,
        Column::Delegated,
        Column::SubEntity,
        Column::OperationalUnits,
    ];

    /// The plan's field name, which is also the canonical header.
    pub fn as_str(self) -> &'static str {
        match self {
            Column::Orgnr => "orgnr",
            Column::Name => "name",
            Column::UnitType => "unit_type",
            Column::ErRoles => "er_roles",
            Column::Delegated => "delegated",
            Column::SubEntity => "sub_entity",
            Column::OperationalUnits => "operational_units",
        }
    }

    /// Headers accepted for this column, compared after folding case and
    /// Norwegian letters and dropping everything but letters and digits.
    pub fn aliases(self) -> &'static [&'static str] {
        match self {
            Column::Orgnr => &[
                "orgnr",
                "organisasjonsnummer",
                "orgnummer",
                "organisationnumber",
                "organizationnumber",
            ],
            Column::Name => &["name", "navn", "firmanavn", "kundenavn", "klientnavn"],
            Column::UnitType => &[
                "unittype",
                "organisasjonsform",
                "orgform",
                "organisationform",
                "enhetstype",
            ],
            Column::ErRoles => &["erroles", "roles", "roller", "erroller", "rolle"],
            Column::Delegated => &["delegated", "delegert", "delegerte", "delegertepakker"],
            Column::SubEntity => &["subentity", "organisasjonsledd", "orgledd"],
            Column::OperationalUnits => &["operationalunits", "underenheter"],
        }
    }

    fn from_header(h: &str) -> Option<Column> {
        let key = header_key(h);
        Column::ALL
            .into_iter()
            .find(|c| c.aliases().contains(&key.as_str()))
    }
}

/// The column whose name or alias is within two edits of a misspelt header
/// (transposed letters count two).
fn nearest_column(h: &str) -> Option<Column> {
    let key = header_key(h);
    let key = key.as_str();
    Column::ALL
        .into_iter()
        .flat_map(|c| c.aliases().iter().map(move |a| (levenshtein(key, a), c)))
        .filter(|(d, _)| *d <= 2 && *d < key.len())
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

fn header_key(h: &str) -> String {
    fold(h.trim())
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .collect()
}

/// A parsed client list: the clients, the line each came from, and which
/// columns the file had (a merge only overwrites what the file states).
#[derive(Debug, Clone, PartialEq)]
pub struct ClientList {
    pub clients: Vec<Client>,
    pub lines: Vec<usize>,
    pub columns: Vec<Column>,
}

/// Parses a client list with a header row (`;` or `,`); columns orgnr, name,
/// unit_type, er_roles, delegated (lists space-separated). Every bad row is reported.
pub fn parse_clients_csv(text: &str) -> Result<Vec<Client>, Vec<RowError>> {
    parse_client_list(text).map(|l| l.clients)
}

/// As [`parse_clients_csv`], keeping line numbers and the columns present.
pub fn parse_client_list(text: &str) -> Result<ClientList, Vec<RowError>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    // Excel's "sep=;" first line names the separator; it is kept as a blank
    // line so that line numbers stay those of the file.
    let (text, forced) = match text.split_once('\n') {
        Some((first, rest)) => match first.trim_end_matches('\r').strip_prefix("sep=") {
            Some(sep) if sep.len() == 1 && sep.is_ascii() => (
                std::borrow::Cow::Owned(format!("\n{rest}")),
                sep.bytes().next(),
            ),
            _ => (std::borrow::Cow::Borrowed(text), None),
        },
        None => (std::borrow::Cow::Borrowed(text), None),
    };
    let text = text.as_ref();
    let Some(sep) = forced.or_else(|| detect_separator(text)) else {
        return Err(vec![RowError {
            line: 1,
            problem: Problem::EmptyFile { example: true },
        }]);
    };
    let (records, mut errors) = split_records(text, sep);
    let mut records = records.into_iter().filter(|r| !r.is_blank());
    let Some(header) = records.next() else {
        errors.push(RowError {
            line: 1,
            problem: Problem::EmptyFile { example: false },
        });
        return Err(errors);
    };
    let columns = match read_header(&header) {
        Ok(c) => c,
        Err(mut e) => {
            errors.append(&mut e);
            errors.sort_by_key(|e| e.line);
            return Err(errors);
        }
    };
    let mut clients = Vec::new();
    let mut lines = Vec::new();
    let mut seen: HashMap<Orgnr, usize> = HashMap::new();
    for rec in records {
        match read_row(&rec, &columns) {
            Ok(client) => {
                if let Some(first) = seen.get(&client.orgnr) {
                    errors.push(RowError {
                        line: rec.line,
                        problem: Problem::Duplicate {
                            orgnr: client.orgnr.to_string(),
                            first: *first,
                        },
                    });
                    continue;
                }
                seen.insert(client.orgnr.clone(), rec.line);
                lines.push(rec.line);
                clients.push(client);
            }
            Err(mut e) => errors.append(&mut e),
        }
    }
    if errors.is_empty() && clients.is_empty() {
        errors.push(RowError {
            line: header.line + 1,
            problem: Problem::NoRows,
        });
    }
    if errors.is_empty() {
        Ok(ClientList {
            clients,
            lines,
            columns: columns.into_iter().flatten().collect(),
        })
    } else {
        errors.sort_by_key(|e| e.line);
        Err(errors)
    }
}

/// `;` if the header line has one outside quotes, else `,` (a single-column
/// file has neither). `None` for a file with no non-blank line.
fn detect_separator(text: &str) -> Option<u8> {
    let header = text.lines().find(|l| !l.trim().is_empty())?;
    let mut in_quotes = false;
    let (mut semi, mut comma) = (0, 0);
    for b in header.bytes() {
        match b {
            b'"' => in_quotes = !in_quotes,
            b';' if !in_quotes => semi += 1,
            b',' if !in_quotes => comma += 1,
            _ => {}
        }
    }
    Some(if semi > 0 && semi >= comma {
        b';'
    } else {
        b','
    })
}

/// One record and the line it starts on.
struct Record {
    line: usize,
    fields: Vec<String>,
}

impl Record {
    /// Blank lines, and spreadsheet rows with nothing but separators.
    fn is_blank(&self) -> bool {
        self.fields.iter().all(|f| f.trim().is_empty())
    }
}

/// Splits text into records. Quote errors are reported by line; the record
/// they occur in is dropped so that it is not reported twice.
fn split_records(text: &str, sep: u8) -> (Vec<Record>, Vec<RowError>) {
    let sep = char::from(sep);
    let mut records = Vec::new();
    let mut errors = Vec::new();
    let mut chars = text.chars().peekable();
    let mut line = 1;
    while chars.peek().is_some() {
        let start = line;
        let mut fields = Vec::new();
        let mut field = String::new();
        let mut bad: Option<Problem> = None;
        // State per field: at its start, inside quotes, after a closing quote, or unquoted.
        let mut quoted = false;
        let mut after_quote = false;
        let mut at_start = true;
        loop {
            let Some(c) = chars.next() else {
                if quoted {
                    bad.get_or_insert(Problem::UnclosedQuote);
                }
                fields.push(std::mem::take(&mut field));
                break;
            };
            if quoted {
                if c == '"' {
                    if chars.peek() == Some(&'"') {
                        chars.next();
                        field.push('"');
                    } else {
                        quoted = false;
                        after_quote = true;
                    }
                } else {
                    if c == '\n' {
                        line += 1;
                    }
                    field.push(c);
                }
                continue;
            }
            match c {
                '\r' if chars.peek() == Some(&'\n') => {}
                '\n' | '\r' => {
                    line += 1;
                    fields.push(std::mem::take(&mut field));
                    break;
                }
                c if c == sep => {
                    fields.push(std::mem::take(&mut field));
                    at_start = true;
                    after_quote = false;
                }
                '"' if at_start => {
                    quoted = true;
                    at_start = false;
                }
                c if after_quote => {
                    if !c.is_whitespace() {
                        bad.get_or_insert(Problem::TextAfterQuote { c });
                    }
                }
                c => {
                    if !(at_start && c.is_whitespace()) {
                        at_start = false;
                    }
                    field.push(c);
                }
            }
        }
        match bad {
            Some(problem) => errors.push(RowError {
                line: start,
                problem,
            }),
            None => records.push(Record {
                line: start,
                fields,
            }),
        }
    }
    (records, errors)
}

/// The column of each header cell. Unknown headers are errors rather than
/// ignored, so a misspelt `delegert` cannot silently drop every delegation;
/// only empty cells at the end (trailing separators, which Excel writes for
/// every formatted but empty column) map to `None`.
fn read_header(header: &Record) -> Result<Vec<Option<Column>>, Vec<RowError>> {
    let mut errors = Vec::new();
    let mut columns = Vec::new();
    let known: Vec<&str> = Column::ALL.iter().map(|c| c.as_str()).collect();
    let named = header
        .fields
        .iter()
        .rposition(|f| !f.trim().is_empty())
        .map_or(0, |i| i + 1);
    for (i, cell) in header.fields.iter().enumerate() {
        let name = cell.trim();
        if name.is_empty() {
            if i >= named {
                columns.push(None);
                continue;
            }
            errors.push(RowError {
                line: header.line,
                problem: Problem::EmptyHeaderColumn { n: i + 1 },
            });
            columns.push(None);
            continue;
        }
        match Column::from_header(name) {
            Some(c) if columns.contains(&Some(c)) => errors.push(RowError {
                line: header.line,
                problem: Problem::ColumnTwice {
                    name: name.to_string(),
                    means: c.as_str(),
                },
            }),
            Some(c) => columns.push(Some(c)),
            None => {
                errors.push(RowError {
                    line: header.line,
                    problem: Problem::UnknownColumn {
                        name: name.to_string(),
                        nearest: nearest_column(name).map(Column::as_str),
                        known: known.join(", "),
                    },
                });
                columns.push(None);
            }
        }
    }
    if !columns.contains(&Some(Column::Orgnr)) {
        errors.push(RowError {
            line: header.line,
            problem: Problem::NoOrgnrColumn {
                found: header
                    .fields
                    .iter()
                    .map(|f| format!("`{}`", f.trim()))
                    .collect::<Vec<_>>()
                    .join(", "),
            },
        });
    }
    if errors.is_empty() {
        Ok(columns)
    } else {
        Err(errors)
    }
}

fn read_row(rec: &Record, columns: &[Option<Column>]) -> Result<Client, Vec<RowError>> {
    let mut errors = Vec::new();
    let mut err = |problem: Problem| {
        errors.push(RowError {
            line: rec.line,
            problem,
        })
    };
    let extra = rec.fields.len() > columns.len()
        && rec.fields[columns.len()..]
            .iter()
            .any(|f| !f.trim().is_empty());
    let short =
        rec.fields.len() < columns.len() && columns[rec.fields.len()..].iter().any(Option::is_some);
    if extra || short {
        err(Problem::FieldCount {
            fields: rec.fields.len(),
            columns: columns.len(),
        });
        return Err(errors);
    }
    let mut client = Client {
        orgnr: Orgnr::parse("000000000").expect("nine digits"),
        name: String::new(),
        unit_type: None,
        er_roles: Vec::new(),
        delegated: Vec::new(),
        sub_entity: false,
        operational_units: Vec::new(),
    };
    let mut orgnr_ok = false;
    for (col, raw) in columns.iter().zip(&rec.fields) {
        let Some(col) = col else { continue };
        let value = raw.trim();
        if let Some(c) = crate::text::first_control(&value.replace(['\r', '\n'], "")) {
            err(Problem::ControlCharacter {
                column: col.as_str(),
                shown: crate::text::escaped(c).to_string(),
                code: u32::from(c),
            });
            continue;
        }
        match col {
            Column::Orgnr => match parse_orgnr(value, "orgnr") {
                Ok(o) => {
                    client.orgnr = o;
                    orgnr_ok = true;
                }
                Err(m) => err(m),
            },
            // A line break typed in the cell (Alt+Enter) is kept as `\n`.
            Column::Name => client.name = value.replace("\r\n", "\n").replace('\r', "\n"),
            Column::UnitType if value.is_empty() => {}
            Column::UnitType => match UnitType::parse(value) {
                Ok(u) => client.unit_type = Some(u),
                Err(_) => err(unit_type_problem(value)),
            },
            Column::ErRoles => {
                for token in list(value) {
                    match parse_role(token) {
                        Ok(r) if client.er_roles.contains(&r) => {}
                        Ok(r) => client.er_roles.push(r),
                        Err(m) => err(m),
                    }
                }
            }
            Column::Delegated => {
                for token in list(value) {
                    match parse_package(token) {
                        Ok(p) if client.delegated.contains(&p) => {}
                        Ok(p) => client.delegated.push(p),
                        Err(m) => err(m),
                    }
                }
            }
            Column::SubEntity => match parse_bool(value) {
                Some(b) => client.sub_entity = b,
                None => err(Problem::SubEntity {
                    value: value.to_string(),
                }),
            },
            Column::OperationalUnits => {
                for token in list(value) {
                    match parse_orgnr(token, "operational_units") {
                        Ok(o) => client.operational_units.push(Unit {
                            orgnr: o,
                            name: String::new(),
                        }),
                        Err(m) => err(m),
                    }
                }
            }
        }
    }
    if errors.is_empty() && !orgnr_ok {
        errors.push(RowError {
            line: rec.line,
            problem: Problem::NoOrgnr,
        });
    }
    if errors.is_empty() {
        Ok(client)
    } else {
        Err(errors)
    }
}

/// Lists in a cell: separated by spaces (commas and `|` also work, since no
/// code or orgnr contains them).
fn list(value: &str) -> impl Iterator<Item = &str> {
    value
        .split(|c: char| c.is_whitespace() || c == ',' || c == '|')
        .filter(|t| !t.is_empty())
}

fn parse_orgnr(value: &str, column: &'static str) -> Result<Orgnr, Problem> {
    if value.is_empty() {
        return Err(Problem::OrgnrEmpty { column });
    }
    let o = Orgnr::parse(value).map_err(|_| Problem::OrgnrShape {
        column,
        found: value.chars().take(40).collect(),
    })?;
    if o.has_valid_check_digit() {
        Ok(o)
    } else {
        Err(Problem::OrgnrCheckDigit {
            column,
            orgnr: o.to_string(),
        })
    }
}

/// An ER role by id or ER code, as `er_roles` in a plan: every role of the
/// ER-role table that makes a client relationship.
fn parse_role(token: &str) -> Result<ErRole, Problem> {
    ErRole::parse(&fold(token))
        .or_else(|| ErRole::parse(token))
        .ok_or_else(|| Problem::UnknownRole {
            token: token.to_string(),
            nearest: did_you_mean(token, ErRole::all().map(ErRole::as_str)).map(str::to_string),
        })
}

fn parse_package(token: &str) -> Result<PackageRef, Problem> {
    let p = PackageRef::new(token);
    if p.package().is_some() {
        return Ok(p);
    }
    let folded = PackageRef::new(&fold(token));
    if folded.package().is_some() {
        return Ok(folded);
    }
    Err(Problem::UnknownPackage {
        token: token.to_string(),
        nearest: catalog()
            .nearest_codes(token, 3)
            .into_iter()
            .map(|c| c.to_string())
            .collect(),
    })
}

fn parse_bool(value: &str) -> Option<bool> {
    match fold(value).as_str() {
        "" | "no" | "nei" | "false" | "0" | "n" => Some(false),
        "yes" | "ja" | "true" | "1" | "y" | "j" | "x" => Some(true),
        _ => None,
    }
}

/// How a merge went.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct MergeSummary {
    pub added: usize,
    pub updated: usize,
}

/// Merges imported clients into a plan: a client with the same orgnr is
/// updated (only the columns the file has; an empty name keeps the old one),
/// new ones are appended in file order. System users are left alone.
pub fn merge(plan: &mut Plan, list: &ClientList) -> MergeSummary {
    let mut summary = MergeSummary::default();
    let has = |c: Column| list.columns.contains(&c);
    // An index by orgnr keeps the merge linear (a search per row made
    // 100,000 rows into a 100,000-client plan take over a minute).
    let mut index: HashMap<Orgnr, usize> = plan
        .clients
        .iter()
        .enumerate()
        .map(|(i, c)| (c.orgnr.clone(), i))
        .collect();
    for new in &list.clients {
        match index.get(&new.orgnr).map(|&i| &mut plan.clients[i]) {
            Some(old) => {
                if has(Column::Name) && !new.name.is_empty() {
                    old.name = new.name.clone();
                }
                if has(Column::UnitType) {
                    old.unit_type = new.unit_type.clone();
                }
                if has(Column::ErRoles) {
                    old.er_roles = new.er_roles.clone();
                }
                if has(Column::Delegated) {
                    old.delegated = new.delegated.clone();
                }
                if has(Column::SubEntity) {
                    old.sub_entity = new.sub_entity;
                }
                if has(Column::OperationalUnits) {
                    old.operational_units = new.operational_units.clone();
                }
                summary.updated += 1;
            }
            None => {
                index.insert(new.orgnr.clone(), plan.clients.len());
                plan.clients.push(new.clone());
                summary.added += 1;
            }
        }
    }
    summary
}

/// The clients as a YAML `clients:` list, ready to paste into a plan.
pub fn clients_yaml(clients: &[Client]) -> String {
    #[derive(serde::Serialize)]
    struct Fragment<'a> {
        clients: &'a [Client],
    }
    crate::plan::write::document(&Fragment { clients })
}

/// An organisation form that is not one, with the nearest that is: the CSV
/// import's and the wizard's fields' problem.
pub fn unit_type_problem(value: &str) -> Problem {
    Problem::UnitType {
        value: value.to_string(),
        nearest: did_you_mean(
            &value.to_uppercase(),
            crate::plan::UNIT_TYPES.iter().copied(),
        )
        .map(str::to_string),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn semicolon_with_bom_crlf_and_quotes() {
        let text = "\u{feff}Organisasjonsnummer;Navn;Organisasjonsform;Roller;Delegert\r\n\
                    310202398;\"Tiger; Oslo \"\"AS\"\"\";AS;REGN;sykefravaer\r\n\r\n";
        let c = parse_clients_csv(text).unwrap();
        assert_eq!(c.len(), 1);
        assert_eq!(c[0].name, "Tiger; Oslo \"AS\"");
        assert_eq!(c[0].er_roles, vec![ErRole::REGNSKAPSFORER]);
        assert_eq!(c[0].delegated[0].code(), "sykefravaer");
    }

    #[test]
    fn separator_is_taken_from_the_header() {
        assert_eq!(detect_separator("orgnr,name\n1;2"), Some(b','));
        assert_eq!(detect_separator("orgnr;name\n1,2"), Some(b';'));
        assert_eq!(detect_separator("\"a;b\",c\n"), Some(b','));
        assert_eq!(detect_separator("\n  \n"), None);
    }

    #[test]
    fn unterminated_quote_is_reported_at_its_row() {
        let e = parse_clients_csv("orgnr,name\n310202398,\"open\n").unwrap_err();
        assert_eq!(e[0].line, 2);
        assert!(
            e[0].message(crate::cli::Lang::En).contains("never closed"),
            "{e:?}"
        );
    }
}
