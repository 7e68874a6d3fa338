//! Small text helpers shared by search, suggestions and slugs, and the one
//! escaping of text that reaches a terminal ([`visible`], [`Visible`]).

use std::borrow::Cow;
use std::io::{self, Write};

/// Folds Norwegian letters and case so that `sykefravær`, `Sykefravaer` and
/// `SYKEFRAVAER` compare equal, the way Altinn spells package codes.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars().flat_map(char::to_lowercase) {
        match c {
            'æ' | 'ä' => out.push_str("ae"),
            'ø' | 'ö' | 'ó' | 'ò' | 'ô' => out.push('o'),
            'å' | 'á' | 'à' | 'â' => out.push('a'),
            'é' | 'è' | 'ê' | 'ë' => out.push('e'),
            'ü' | 'ú' | 'ù' => out.push('u'),
            'í' | 'ì' | 'ï' => out.push('i'),
            _ => out.push(c),
        }
    }
    out
}

/// A readable identifier: folded, letters and digits kept, everything else a
/// single `-`. Used for external refs, which the end-user system shows to people.
pub fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in fold(s).chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

/// Edit distance (insertions, deletions, substitutions), over chars.
pub fn levenshtein(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.chars().enumerate() {
        cur[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            cur[j + 1] = (prev[j + 1] + 1).min(cur[j] + 1).min(prev[j] + cost);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// The candidate closest to `word`, when it is close enough to be a likely typo.
pub fn did_you_mean<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let word = fold(word);
    candidates
        .into_iter()
        .map(|c| (levenshtein(&word, &fold(c)), c))
        .filter(|(d, c)| *d <= (c.chars().count().max(word.chars().count()) / 3).max(1))
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

/// `4812` → `4,812`: counts people read in trees and summaries.
pub fn thousands(n: usize) -> String {
    thousands_in(n, crate::lang::Lang::En)
}

/// [`thousands`] as the language writes it: `4,812`, or `4 812` in bokmål.
pub fn thousands_in(n: usize, lang: crate::lang::Lang) -> String {
    let sep = match lang {
        crate::lang::Lang::En => ',',
        crate::lang::Lang::Nb => ' ',
    };
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

/// Greedy word wrap at `width` characters; words longer than the width are cut.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let mut word = word.to_string();
        while word.chars().count() > width {
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            let head: String = word.chars().take(width).collect();
            word = word.chars().skip(width).collect();
            lines.push(head);
        }
        let needed = line.chars().count() + usize::from(!line.is_empty()) + word.chars().count();
        if needed > width && !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(&word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// `"s"` after an English count that is not one: `format!("{n} client{}", plural_s(n))`.
pub fn plural_s(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// An English count with its noun: "1 problem", "2 problems".
pub fn counted(n: usize, word: &str) -> String {
    format!("{n} {word}{}", plural_s(n))
}

/// The first character of `s` that [`visible`] would escape, if any: input
/// readers (`import`) refuse such text, saying where.
pub fn first_control(s: &str) -> Option<char> {
    // In blocks without an early exit, so the scan vectorises: the routing
    // table at a million clients passes 240 MB through here.
    let clean = |block: &[u8]| !block.iter().fold(false, |a, &b| a | may_start_control(b));
    if s.as_bytes().chunks(64).all(clean) {
        return None;
    }
    s.chars().find(|&c| is_control(c))
}

/// Whether `c` could drive a terminal or reorder what it shows: C0 controls
/// other than the newline (ESC starts title, clear-screen and cursor
/// sequences; CR and BS overwrite a line), DEL, C1 controls (U+009B is a
/// one-character CSI on some terminals) and the bidirectional overrides and
/// isolates that make a name read differently from what it is ("Trojan Source").
fn is_control(c: char) -> bool {
    matches!(c,
        '\0'..='\x09' | '\x0b'..='\x1f' | '\x7f'..='\u{9f}'
        | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Whether a byte can start an escaped character: the C0/DEL bytes, or the
/// lead bytes of U+0080–U+009F (0xC2) and of the bidi controls (0xE2). A
/// quick scan for these lets clean text through without a copy.
fn may_start_control(b: u8) -> bool {
    (b < 0x20 && b != b'\n') || b == 0x7f || b == 0xc2 || b == 0xe2
}

/// `s` as it may be shown on a terminal: every control character (see
/// [`is_control`]) written as a visible escape (`\x1b`, `\u{9b}`,
/// `\u{202e}`) so nothing a plan or a CSV cell says can set the terminal's
/// title, clear the screen or hide text. Newlines stay. Text outputs (not
/// JSON or YAML, which stay exact) and messages pass through here.
pub fn visible(s: &str) -> Cow<'_, str> {
    if first_control(s).is_none() {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        if is_control(c) {
            out.push_str(&escaped(c));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// How [`visible`] writes a control character: `\x1b`, `\u{202e}`.
pub fn escaped(c: char) -> String {
    if c.is_ascii() {
        format!("\\x{:02x}", u32::from(c))
    } else {
        format!("\\u{{{:x}}}", u32::from(c))
    }
}

/// A writer that passes everything through [`visible`]: streamed text
/// outputs (the routing table) escape as they are written. A UTF-8 sequence
/// cut between two writes is held back until its end arrives; bytes that are
/// not UTF-8 at all are written as `\xNN`.
pub struct Visible<W: Write> {
    inner: W,
    carry: Vec<u8>,
}

impl<W: Write> Visible<W> {
    pub fn new(inner: W) -> Self {
        Visible {
            inner,
            carry: Vec::new(),
        }
    }
}

impl<W: Write> Write for Visible<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let joined;
        let mut rest = if self.carry.is_empty() {
            buf
        } else {
            self.carry.extend_from_slice(buf);
            joined = std::mem::take(&mut self.carry);
            &joined[..]
        };
        loop {
            match std::str::from_utf8(rest) {
                Ok(s) => {
                    self.inner.write_all(visible(s).as_bytes())?;
                    return Ok(buf.len());
                }
                Err(e) => {
                    let (good, bad) = rest.split_at(e.valid_up_to());
                    let good = std::str::from_utf8(good).expect("valid up to here");
                    self.inner.write_all(visible(good).as_bytes())?;
                    let Some(n) = e.error_len() else {
                        self.carry = bad.to_vec();
                        return Ok(buf.len());
                    };
                    for b in &bad[..n] {
                        write!(self.inner, "\\x{b:02x}")?;
                    }
                    rest = &bad[n..];
                }
            }
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_norwegian_letters() {
        assert_eq!(fold("Sykefravær"), "sykefravaer");
        assert_eq!(fold("Økonomi og Å"), "okonomi og a");
    }

    #[test]
    fn slugs_are_readable() {
        assert_eq!(slug("Accounting + sick leave"), "accounting-sick-leave");
        assert_eq!(slug("  Grünerløkka bydel "), "grunerlokka-bydel");
    }

    #[test]
    fn suggests_close_words_only() {
        let fields = ["clients", "organisation", "system"];
        assert_eq!(did_you_mean("clents", fields), Some("clients"));
        assert_eq!(did_you_mean("zzzzzz", fields), None);
    }

    #[test]
    fn groups_thousands() {
        assert_eq!(thousands(4812), "4,812");
        assert_eq!(thousands(100000), "100,000");
        assert_eq!(thousands(12), "12");
    }

    #[test]
    fn control_characters_are_made_visible() {
        let evil = "A\x1b]0;owned\x07B\x1b[2J\r\t\x7f\u{9b}1m\u{202e}cba\u{2066}";
        assert_eq!(
            visible(evil),
            "A\\x1b]0;owned\\x07B\\x1b[2J\\x0d\\x09\\x7f\\u{9b}1m\\u{202e}cba\\u{2066}"
        );
        assert!(matches!(visible("Grünerløkka – “AS”\n"), Cow::Borrowed(_)));
    }

    #[test]
    fn the_writer_escapes_across_cut_writes() {
        let mut out = Visible::new(Vec::new());
        let text = "ø\u{9b}ø\x1b";
        for b in text.as_bytes() {
            out.write_all(&[*b]).unwrap();
        }
        out.write_all(b"\xff!").unwrap();
        assert_eq!(
            String::from_utf8(out.inner).unwrap(),
            "ø\\u{9b}ø\\x1b\\xff!"
        );
    }

    proptest::proptest! {
        /// Whatever the text, what reaches the terminal has no control
        /// character, is shown once (escaping again changes nothing), and
        /// text without controls is left exactly as it was.
        #[test]
        fn visible_text_is_inert(s in "(\\PC|[\\x00-\\x1f\\x7f-\\u{9f}\\u{202a}-\\u{202e}\\u{2066}-\\u{2069}])*") {
            let v = visible(&s);
            proptest::prop_assert!(first_control(&v).is_none());
            let again = visible(&v).into_owned();
            proptest::prop_assert_eq!(again.as_str(), v.as_ref());
            if first_control(&s).is_none() {
                proptest::prop_assert_eq!(v.as_ref(), s.as_str());
            }
        }

        /// The streaming writer gives what [`visible`] gives, however the
        /// bytes are cut into writes.
        #[test]
        fn the_writer_agrees_with_visible(s in "(\\PC|[\\x00-\\x1f\\u{9b}\\u{202e}])*", cuts in proptest::collection::vec(0usize..64, 0..8)) {
            let mut out = Visible::new(Vec::new());
            let mut rest = s.as_bytes();
            for c in cuts {
                let (head, tail) = rest.split_at(c.min(rest.len()));
                out.write_all(head).unwrap();
                rest = tail;
            }
            out.write_all(rest).unwrap();
            proptest::prop_assert_eq!(String::from_utf8(out.inner).unwrap(), visible(&s).into_owned());
        }
    }
}
