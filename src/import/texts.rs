//! What can be wrong with a client list, worded in English and bokmål: the
//! reader records the problem, the edge (the `import` command, the wizard)
//! words it in the user's language.

use crate::cli::Lang;

/// One problem with a client list's row or header.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// No line at all; `example`: show a header to start from.
    EmptyFile {
        example: bool,
    },
    TextAfterQuote {
        c: char,
    },
    UnclosedQuote,
    EmptyHeaderColumn {
        n: usize,
    },
    ColumnTwice {
        name: String,
        means: &'static str,
    },
    UnknownColumn {
        name: String,
        nearest: Option<&'static str>,
        known: String,
    },
    NoOrgnrColumn {
        found: String,
    },
    FieldCount {
        fields: usize,
        columns: usize,
    },
    ControlCharacter {
        column: &'static str,
        shown: String,
        code: u32,
    },
    UnitType {
        value: String,
        nearest: Option<String>,
    },
    SubEntity {
        value: String,
    },
    NoOrgnr,
    OrgnrEmpty {
        column: &'static str,
    },
    OrgnrShape {
        column: &'static str,
        found: String,
    },
    OrgnrCheckDigit {
        column: &'static str,
        orgnr: String,
    },
    Duplicate {
        orgnr: String,
        first: usize,
    },
    NoRows,
    UnknownRole {
        token: String,
        nearest: Option<String>,
    },
    UnknownPackage {
        token: String,
        nearest: Vec<String>,
    },
    MixedEncoding,
}

fn quoted_list(items: &[String]) -> String {
    items
        .iter()
        .map(|c| format!("`{c}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

impl Problem {
    pub fn text(&self, lang: Lang) -> String {
        match lang {
            Lang::En => self.en(),
            Lang::Nb => self.nb(),
        }
    }

    fn en(&self) -> String {
        match self {
            Problem::EmptyFile { example: true } => "the file is empty; expected a header row such as `orgnr;name;unit_type;er_roles;delegated`".into(),
            Problem::EmptyFile { example: false } => "the file is empty; expected a header row".into(),
            Problem::TextAfterQuote { c } => format!(
                "text after a closing quote (`{c}`); quote the whole field and write a quote inside it as `\"\"`"
            ),
            Problem::UnclosedQuote => "a quoted field is never closed; add the closing `\"`".into(),
            Problem::EmptyHeaderColumn { n } => format!("header column {n} is empty; name it"),
            Problem::ColumnTwice { name, means } => {
                format!("column `{name}` appears twice in the header (both mean `{means}`)")
            }
            Problem::UnknownColumn { name, nearest, known } => {
                let hint = nearest
                    .map(|m| format!("did you mean `{m}`? "))
                    .unwrap_or_default();
                format!(
                    "unknown column `{name}`; {hint}expected: {known} (Norwegian headers such as organisasjonsnummer, navn, organisasjonsform, roller, delegert also work)"
                )
            }
            Problem::NoOrgnrColumn { found } => format!(
                "the header has no `orgnr` column (found: {found}); the first row must name the columns"
            ),
            Problem::FieldCount { fields, columns } => format!(
                "{fields} fields, but the header has {columns} columns; a name with the separator in it must be quoted (\"…\")"
            ),
            Problem::ControlCharacter { column, shown, code } => format!(
                "{column}: contains the control character {shown} (U+{code:04X}), which could drive a terminal; remove it from the cell"
            ),
            Problem::UnitType { value, nearest } => {
                let hint = match nearest {
                    Some(m) => format!("; did you mean `{m}`?"),
                    None => "; expected an organisation form such as AS, ENK, ESEK, BRL, NUF, KOMM or ORGL".into(),
                };
                format!("unit_type: unknown organisation form `{value}`{hint}")
            }
            Problem::SubEntity { value } => format!(
                "sub_entity: `{value}` is not yes or no; write yes/no, ja/nei, true/false, 1/0 or leave it empty"
            ),
            Problem::NoOrgnr => "no orgnr".into(),
            Problem::OrgnrEmpty { column } => {
                format!("{column}: empty; every row needs the client's organisation number")
            }
            Problem::OrgnrShape { column, found } => format!(
                "{column}: expected an organisation number of 9 digits, found `{found}`"
            ),
            Problem::OrgnrCheckDigit { column, orgnr } => format!(
                "{column}: {orgnr} fails the mod-11 check digit; copy the number again from Enhetsregisteret"
            ),
            Problem::Duplicate { orgnr, first } => format!(
                "orgnr {orgnr} is listed twice (first on line {first}); merge the two rows"
            ),
            Problem::NoRows => "no client rows under the header".into(),
            Problem::UnknownRole { token, nearest } => {
                let hint = nearest
                    .as_ref()
                    .map(|m| format!("did you mean `{m}`? "))
                    .unwrap_or_default();
                format!(
                    "er_roles: unknown ER role `{token}`; {hint}expected an ER role such as regnskapsforer, revisor, forretningsforer or daglig-leder, or its code (REGN, REVI, FFØR, DAGL, ...)"
                )
            }
            Problem::UnknownPackage { token, nearest } => {
                let hint = if nearest.is_empty() {
                    "see `sysuser packages --search TERM`".to_string()
                } else {
                    format!("nearest: {}", quoted_list(nearest))
                };
                format!("delegated: unknown access package `{token}`; {hint}")
            }
            Problem::MixedEncoding => "a cell mixes UTF-8 and Windows-1252 (or another encoding); save the file as \"CSV UTF-8\" and check the letters on this line".into(),
        }
    }

    fn nb(&self) -> String {
        match self {
            Problem::EmptyFile { example: true } => "filen er tom; forventet en overskriftsrad som `orgnr;name;unit_type;er_roles;delegated`".into(),
            Problem::EmptyFile { example: false } => "filen er tom; forventet en overskriftsrad".into(),
            Problem::TextAfterQuote { c } => format!(
                "tekst etter et avsluttende anførselstegn (`{c}`); sett hele feltet i anførselstegn og skriv et anførselstegn inni som `\"\"`"
            ),
            Problem::UnclosedQuote => "et felt i anførselstegn lukkes aldri; legg til det avsluttende `\"`".into(),
            Problem::EmptyHeaderColumn { n } => format!("overskriftskolonne {n} er tom; gi den et navn"),
            Problem::ColumnTwice { name, means } => {
                format!("kolonnen `{name}` står to ganger i overskriften (begge betyr `{means}`)")
            }
            Problem::UnknownColumn { name, nearest, known } => {
                let hint = nearest
                    .map(|m| format!("mente du `{m}`? "))
                    .unwrap_or_default();
                format!(
                    "ukjent kolonne `{name}`; {hint}forventet: {known} (norske overskrifter som organisasjonsnummer, navn, organisasjonsform, roller, delegert virker også)"
                )
            }
            Problem::NoOrgnrColumn { found } => format!(
                "overskriften har ingen `orgnr`-kolonne (fant: {found}); første rad må navngi kolonnene"
            ),
            Problem::FieldCount { fields, columns } => format!(
                "{fields} felt, men overskriften har {columns} kolonner; et navn med skilletegnet i må stå i anførselstegn (\"…\")"
            ),
            Problem::ControlCharacter { column, shown, code } => format!(
                "{column}: inneholder kontrolltegnet {shown} (U+{code:04X}), som kan styre en terminal; fjern det fra cellen"
            ),
            Problem::UnitType { value, nearest } => {
                let hint = match nearest {
                    Some(m) => format!("; mente du `{m}`?"),
                    None => "; forventet en organisasjonsform som AS, ENK, ESEK, BRL, NUF, KOMM eller ORGL".into(),
                };
                format!("unit_type: ukjent organisasjonsform `{value}`{hint}")
            }
            Problem::SubEntity { value } => format!(
                "sub_entity: `{value}` er verken ja eller nei; skriv ja/nei, yes/no, true/false, 1/0 eller la cellen stå tom"
            ),
            Problem::NoOrgnr => "mangler orgnr".into(),
            Problem::OrgnrEmpty { column } => format!(
                "{column}: tom; hver rad trenger klientens organisasjonsnummer"
            ),
            Problem::OrgnrShape { column, found } => format!(
                "{column}: forventet et organisasjonsnummer på 9 sifre, fant `{found}`"
            ),
            Problem::OrgnrCheckDigit { column, orgnr } => format!(
                "{column}: {orgnr} har feil kontrollsiffer (mod 11); kopier nummeret på nytt fra Enhetsregisteret"
            ),
            Problem::Duplicate { orgnr, first } => format!(
                "orgnr {orgnr} står to ganger (første gang på linje {first}); slå sammen de to radene"
            ),
            Problem::NoRows => "ingen klientrader under overskriften".into(),
            Problem::UnknownRole { token, nearest } => {
                let hint = nearest
                    .as_ref()
                    .map(|m| format!("mente du `{m}`? "))
                    .unwrap_or_default();
                format!(
                    "er_roles: ukjent ER-rolle `{token}`; {hint}forventet en ER-rolle som regnskapsforer, revisor, forretningsforer eller daglig-leder, eller koden (REGN, REVI, FFØR, DAGL, ...)"
                )
            }
            Problem::UnknownPackage { token, nearest } => {
                let hint = if nearest.is_empty() {
                    "se `sysuser packages --search ORD`".to_string()
                } else {
                    format!("nærmest: {}", quoted_list(nearest))
                };
                format!("delegated: ukjent tilgangspakke `{token}`; {hint}")
            }
            Problem::MixedEncoding => "en celle blander UTF-8 og Windows-1252 (eller en annen tegnkoding); lagre filen som «CSV UTF-8» og sjekk bokstavene på denne linjen".into(),
        }
    }
}
