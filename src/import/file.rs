//! Reading a client list from a file: what the file may be, how big, and
//! how its bytes become text (UTF-8, Windows-1252, or refused by line).

use super::{ClientList, RowError, parse_client_list};
use crate::cli::Lang;

/// A CSV file's text, and which lines were read as Windows-1252 or could
/// not be read at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    /// Lines with a cell that is not UTF-8, read as Windows-1252.
    pub cp1252_lines: Vec<usize>,
    /// Lines with a cell that mixes UTF-8 and other bytes: either reading
    /// would turn part of it into mojibake, so they are refused.
    pub mixed_lines: Vec<usize>,
}

/// Decodes a CSV file's bytes cell by cell: UTF-8 (with or without BOM), or
/// else Windows-1252, which Excel uses for "CSV (semicolon separated)" in
/// Norway, so a file pasted together from both is read right. A cell that
/// holds both is refused by line ([`Decoded::mixed_lines`]) rather than
/// guessed. UTF-16 and binary files are refused with advice.
pub fn decode(bytes: &[u8]) -> Result<Decoded, FileProblem> {
    if bytes.starts_with(&[0xff, 0xfe]) || bytes.starts_with(&[0xfe, 0xff]) {
        return Err(FileProblem::Utf16);
    }
    if bytes.contains(&0) {
        return Err(FileProblem::Binary);
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return Ok(Decoded {
            text: s.to_string(),
            cp1252_lines: Vec::new(),
            mixed_lines: Vec::new(),
        });
    }
    let mut out = Decoded {
        text: String::with_capacity(bytes.len() + bytes.len() / 16),
        cp1252_lines: Vec::new(),
        mixed_lines: Vec::new(),
    };
    let mut line = 1;
    // Separators, quotes and line ends are ASCII in both encodings, so the
    // pieces between them are cells (or parts of one).
    for piece in bytes.split_inclusive(|b| matches!(b, b'\n' | b';' | b',' | b'"' | b'\t')) {
        let (mut utf8, mut other) = (false, false);
        for chunk in piece.utf8_chunks() {
            utf8 |= !chunk.valid().is_ascii();
            other |= !chunk.invalid().is_empty();
        }
        let mark = |lines: &mut Vec<usize>| {
            if lines.last() != Some(&line) {
                lines.push(line);
            }
        };
        if !other {
            out.text
                .push_str(std::str::from_utf8(piece).expect("checked"));
        } else if utf8 {
            out.text.push_str(&String::from_utf8_lossy(piece));
            mark(&mut out.mixed_lines);
        } else {
            out.text.extend(piece.iter().map(|&b| cp1252(b)));
            mark(&mut out.cp1252_lines);
        }
        line += piece.iter().filter(|&&b| b == b'\n').count();
    }
    Ok(out)
}

/// Client lists larger than this are refused (the plan's limit).
pub const MAX_CSV_BYTES: u64 = crate::plan::MAX_FILE_BYTES;

/// A client list read from a file, with what the reader noticed on the way
/// (lines read as Windows-1252), for the caller to show.
#[derive(Debug, Clone, PartialEq)]
pub struct ClientFile {
    pub list: ClientList,
    pub notes: Vec<String>,
}

/// What is wrong with a client list's file itself: data, worded in
/// [`ReadError::text`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileProblem {
    NotFound,
    PermissionDenied,
    /// Another error from the system, as it words it.
    Io(String),
    Directory,
    /// A device or socket.
    NotRegular,
    TooLarge,
    Utf16,
    /// NUL bytes: a spreadsheet or another binary file.
    Binary,
}

impl FileProblem {
    /// The problem an error from the system names (a missing file, no access).
    pub fn from_io(e: &std::io::Error) -> FileProblem {
        match e.kind() {
            std::io::ErrorKind::NotFound => FileProblem::NotFound,
            std::io::ErrorKind::PermissionDenied => FileProblem::PermissionDenied,
            _ => FileProblem::Io(e.to_string()),
        }
    }

    /// The sentence for `file`, in `lang`.
    pub fn text(&self, file: &str, lang: Lang) -> String {
        let mib = MAX_CSV_BYTES / (1024 * 1024);
        match (lang, self) {
            (Lang::En, FileProblem::NotFound) => format!("cannot read {file}: no such file"),
            (Lang::En, FileProblem::PermissionDenied) => {
                format!("cannot read {file}: permission denied")
            }
            (Lang::En, FileProblem::Io(e)) => format!("cannot read {file}: {e}"),
            (Lang::En, FileProblem::Directory) => {
                format!("cannot read {file}: it is a directory; give the path of a CSV file")
            }
            (Lang::En, FileProblem::NotRegular) => {
                format!("cannot read {file}: it is not a regular file; give the path of a CSV file")
            }
            (Lang::En, FileProblem::TooLarge) => {
                format!("{file} is over {mib} MiB; client lists that large are refused")
            }
            (Lang::En, FileProblem::Utf16) => format!(
                "{file}: the file is UTF-16 text; save it as \"CSV UTF-8 (comma delimited)\" instead"
            ),
            (Lang::En, FileProblem::Binary) => format!(
                "{file}: the file contains NUL bytes; it looks like a binary file (an .xlsx?); save the sheet as CSV"
            ),
            (Lang::Nb, FileProblem::NotFound) => format!("kan ikke lese {file}: filen finnes ikke"),
            (Lang::Nb, FileProblem::PermissionDenied) => {
                format!("kan ikke lese {file}: ingen tilgang")
            }
            (Lang::Nb, FileProblem::Io(e)) => format!("kan ikke lese {file}: {e}"),
            (Lang::Nb, FileProblem::Directory) => {
                format!("kan ikke lese {file}: det er en mappe; oppgi stien til en CSV-fil")
            }
            (Lang::Nb, FileProblem::NotRegular) => format!(
                "kan ikke lese {file}: det er ikke en vanlig fil; oppgi stien til en CSV-fil"
            ),
            (Lang::Nb, FileProblem::TooLarge) => {
                format!("{file} er over {mib} MiB; så store klientlister avvises")
            }
            (Lang::Nb, FileProblem::Utf16) => format!(
                "{file}: filen er UTF-16-tekst; lagre den som «CSV UTF-8 (kommadelt)» i stedet"
            ),
            (Lang::Nb, FileProblem::Binary) => format!(
                "{file}: filen inneholder NUL-byte og ser ut som en binærfil (en .xlsx?); lagre arket som CSV"
            ),
        }
    }
}

/// Why a client list could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadError {
    /// The file itself: missing, a folder, a device, too large, UTF-16, binary.
    File { file: String, problem: FileProblem },
    /// Bad rows, every one of them, by line.
    Rows { file: String, errors: Vec<RowError> },
}

impl ReadError {
    /// What is wrong with the file, or one problem per line
    /// (`FILE:LINE: message`) and then how many, in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        match self {
            ReadError::File { file, problem } => problem.text(file, lang),
            ReadError::Rows { file, errors } => {
                let mut out = String::new();
                for e in errors {
                    out.push_str(&format!("{file}:{}: {}\n", e.line, e.message(lang)));
                }
                let rows: std::collections::BTreeSet<usize> =
                    errors.iter().map(|e| e.line).collect();
                let (problems, lines) = (errors.len(), rows.len());
                out.push_str(&match lang {
                    Lang::En => format!(
                        "{file}: {} on {}",
                        crate::text::counted(problems, "problem"),
                        crate::text::counted(lines, "line")
                    ),
                    Lang::Nb => format!(
                        "{file}: {problems} feil på {lines} {}",
                        if lines == 1 { "linje" } else { "linjer" }
                    ),
                });
                out
            }
        }
    }
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text(Lang::En))
    }
}

impl std::error::Error for ReadError {}

/// Reads a client list the way `import` and the wizard both do: `-` is
/// standard input; a regular file or a FIFO is read up to [`MAX_CSV_BYTES`]
/// (devices and folders are refused); bytes are decoded by [`decode`] and
/// parsed by [`parse_client_list`], every problem reported by line.
pub fn read_client_file(path: &std::path::Path) -> Result<ClientFile, ReadError> {
    use crate::fsutil::{Also, ReadFailure, read_limited, read_stdin_limited};
    let shown = if path.as_os_str() == "-" {
        "standard input".to_string()
    } else {
        path.display().to_string()
    };
    let fail = |problem: FileProblem| ReadError::File {
        file: shown.clone(),
        problem,
    };
    let read = if path.as_os_str() == "-" {
        read_stdin_limited(MAX_CSV_BYTES)
    } else {
        read_limited(path, MAX_CSV_BYTES, Also::Fifo)
    };
    let bytes = read.map_err(|e| {
        fail(match e {
            ReadFailure::Io(e) => FileProblem::from_io(&e),
            ReadFailure::Directory => FileProblem::Directory,
            ReadFailure::NotRegular(_) => FileProblem::NotRegular,
            ReadFailure::TooBig { .. } => FileProblem::TooLarge,
        })
    })?;
    let decoded = decode(&bytes).map_err(fail)?;
    let mut notes = Vec::new();
    if !decoded.cp1252_lines.is_empty() {
        notes.push(format!(
            "note: {shown}: {} not UTF-8; read as Windows-1252 (Excel's default)",
            lines_phrase(&decoded.cp1252_lines, decoded.text.lines().count())
        ));
    }
    let mut errors: Vec<RowError> = decoded
        .mixed_lines
        .iter()
        .map(|&line| RowError {
            line,
            problem: super::Problem::MixedEncoding,
        })
        .collect();
    match parse_client_list(&decoded.text) {
        Ok(list) if errors.is_empty() => Ok(ClientFile { list, notes }),
        Ok(_) => Err(ReadError::Rows {
            file: shown,
            errors,
        }),
        Err(mut e) => {
            errors.append(&mut e);
            errors.sort_by_key(|e| e.line);
            Err(ReadError::Rows {
                file: shown,
                errors,
            })
        }
    }
}

/// "every line is" / "line 3 is" / "lines 3, 7 are", up to ten numbers.
fn lines_phrase(lines: &[usize], total: usize) -> String {
    match lines {
        [one] if total > 1 => format!("line {one} is"),
        _ if lines.len() >= total => "the file is".into(),
        _ => {
            let mut shown: Vec<String> = lines.iter().take(10).map(usize::to_string).collect();
            if lines.len() > 10 {
                shown.push(format!("and {} more", lines.len() - 10));
            }
            format!("lines {} are", shown.join(", "))
        }
    }
}

fn cp1252(b: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž',
        '\u{8f}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}',
        'ž', 'Ÿ',
    ];
    match b {
        0x80..=0x9f => HIGH[usize::from(b - 0x80)],
        _ => char::from(b),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_1252_is_decoded() {
        let d = decode(b"navn\nGr\xfcnerl\xf8kka \x80").unwrap();
        assert_eq!(d.cp1252_lines, [2]);
        assert!(d.text.ends_with("Grünerløkka €"));
        assert!(decode(&[0xff, 0xfe, b'a', 0]).is_err());
    }

    #[test]
    fn encodings_are_decoded_per_cell_and_a_mixed_cell_is_named() {
        let mut bytes = "orgnr;navn\n1;Grünerløkka;Tøyen\n".as_bytes().to_vec();
        bytes.extend_from_slice(b"2;T\xf8yen;Gr\xfcnerl\xf8kka\n3;Bl\xe5 ");
        bytes.extend_from_slice("Grønn\n".as_bytes());
        let d = decode(&bytes).unwrap();
        assert_eq!(d.cp1252_lines, [3]);
        assert_eq!(d.mixed_lines, [4]);
        assert!(
            d.text
                .contains("1;Grünerløkka;Tøyen\n2;Tøyen;Grünerløkka\n")
        );
    }
}
