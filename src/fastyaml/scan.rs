//! The pieces of a line the reader understands: keys, quoted and plain
//! scalars, comments and flow separators, and the line iterator itself.

use super::MAX_DEPTH;
use std::borrow::Cow;

/// A line with content: its indent and its text without the indent.
#[derive(Clone, Copy)]
pub(super) struct Line<'a> {
    pub indent: usize,
    pub text: &'a str,
}

/// Why the text, not the type being read, ended the reading.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Halt {
    /// Outside the subset: the general parser decides.
    Declined,
    /// A sequence passed [`super::MAX_ITEMS`] at this byte offset.
    TooMany(usize),
}

/// Lines are read one at a time as the reading goes, so that memory grows
/// with what is built only, never with a list of every line.
pub(super) struct Lines<'a> {
    /// The text after the current line; `None` at the end.
    rest: Option<&'a str>,
    pub current: Option<Line<'a>>,
    /// A document marker or directive: the full parser must decide.
    pub marker: bool,
    /// Nesting of block collections, kept under [`MAX_DEPTH`].
    pub depth: usize,
    base: usize,
    /// The first reason the text stopped the reading; later ones do not count.
    pub halt: Option<Halt>,
}

impl<'a> Lines<'a> {
    pub fn new(text: &'a str) -> Lines<'a> {
        let mut lines = Lines {
            rest: Some(text),
            current: None,
            marker: false,
            depth: 0,
            base: text.as_ptr() as usize,
            halt: None,
        };
        lines.advance();
        lines
    }

    /// Where `at` (a slice of the text) starts, in bytes.
    pub fn offset(&self, at: &str) -> usize {
        (at.as_ptr() as usize).saturating_sub(self.base)
    }

    /// Moves to the next line with content (not blank, not a comment).
    pub fn advance(&mut self) {
        self.current = None;
        while let Some(rest) = self.rest {
            // A byte loop: lines are short, and `memchr`'s set-up per call
            // cost more than the search.
            let (raw, after) = match rest.bytes().position(|b| b == b'\n') {
                Some(i) => (&rest[..i], Some(&rest[i + 1..])),
                None => (rest, None),
            };
            self.rest = after;
            let raw = raw.strip_suffix('\r').unwrap_or(raw);
            let content = raw.trim_start_matches(' ');
            if content.is_empty() || content.starts_with('#') {
                continue;
            }
            let indent = raw.len() - content.len();
            if indent == 0
                && (content.starts_with("---")
                    || content.starts_with("...")
                    || content.starts_with('%'))
            {
                self.marker = true;
                self.rest = None;
                return;
            }
            self.current = Some(Line {
                indent,
                text: content.trim_end_matches(' '),
            });
            return;
        }
    }

    /// Records that the text is outside the subset (the first reason wins).
    pub fn decline(&mut self) {
        self.halt.get_or_insert(Halt::Declined);
    }

    /// Records a sequence over the item limit, at the text `at`.
    pub fn too_many(&mut self, at: &str) {
        let offset = self.offset(at);
        self.halt.get_or_insert(Halt::TooMany(offset));
    }

    /// Enters a block collection; `false` (declined) past [`MAX_DEPTH`].
    pub fn enter(&mut self) -> bool {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            self.decline();
            return false;
        }
        true
    }
}

pub(super) fn is_item(text: &str) -> bool {
    text == "-" || text.starts_with("- ")
}

pub(super) fn is_comment_or_empty(tail: &str) -> bool {
    let t = tail.trim_start_matches(' ');
    t.is_empty() || (t.starts_with('#') && t.len() < tail.len())
}

/// `key: rest` or `key:` → the key and what follows the colon (trimmed).
pub(super) fn key(text: &str) -> Option<(Cow<'_, str>, &str)> {
    let (k, after) = map_key(text)?;
    if !after.is_empty() && !after.starts_with(' ') {
        return None;
    }
    let rest = after.trim_start_matches(' ');
    if rest.starts_with('#') {
        return Some((k, ""));
    }
    Some((k, rest))
}

/// A mapping key, quoted or plain (letters, digits, `_` and `-`, not first),
/// and the text after its colon.
pub(super) fn map_key(text: &str) -> Option<(Cow<'_, str>, &str)> {
    if text.starts_with('"') || text.starts_with('\'') {
        let (k, tail) = quoted(text)?;
        return Some((k, tail.strip_prefix(':')?));
    }
    // One pass: the key's characters, then its colon (a colon after any
    // other character would make that character part of the key).
    let end = text
        .bytes()
        .position(|b| !(b.is_ascii_alphanumeric() || b == b'_' || b == b'-'))?;
    let k = &text[..end];
    let plain = text.as_bytes()[end] == b':' && !k.is_empty() && !k.starts_with('-');
    plain.then(|| (Cow::Borrowed(k), &text[end + 1..]))
}

/// After a flow item: a comma and more (not a trailing comma), or the closer.
pub(super) fn flow_separator(rest: &str, close: char) -> Option<&str> {
    let rest = rest.trim_start_matches(' ');
    match rest.strip_prefix(',') {
        Some(after) => (!after.trim_start_matches(' ').starts_with(close)).then_some(after),
        None => rest.starts_with(close).then_some(rest),
    }
}

/// A scalar as the reader types it.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Scalar<'a> {
    Null,
    Bool(bool),
    Int(u64),
    Str(Cow<'a, str>),
}

/// A plain scalar after `key: ` or `- `, up to a comment; returns what follows it.
pub(super) fn block_plain(s: &str) -> Option<(Scalar<'_>, &str)> {
    // Byte loops rather than substring searches: scalars are short, and a
    // searcher's set-up cost more than the search (a tenth of reading).
    let b = s.as_bytes();
    let end = (1..b.len())
        .find(|&i| b[i] == b'#' && b[i - 1] == b' ')
        .map_or(b.len(), |i| i - 1);
    let text = s[..end].trim_end_matches(' ');
    let t = text.as_bytes();
    // `key: value` or a trailing `:` would be a mapping.
    if (0..t.len()).any(|i| t[i] == b':' && t.get(i + 1).is_none_or(|&n| n == b' ')) {
        return None;
    }
    Some((plain(text)?, &s[end..]))
}

/// A plain scalar inside `[…]` or `{…}`; returns what follows it.
pub(super) fn flow_plain(s: &str) -> Option<(Scalar<'_>, &str)> {
    let end = s.find([',', ']', '}', '#', ':', '[', '{'])?;
    if !matches!(s.as_bytes()[end], b',' | b']' | b'}') {
        return None;
    }
    let text = s[..end].trim_end_matches(' ');
    Some((plain(text)?, &s[end..]))
}

/// A quoted scalar that closes on this line; returns the text after it.
pub(super) fn quoted(s: &str) -> Option<(Cow<'_, str>, &str)> {
    if let Some(body) = s.strip_prefix('\'') {
        let i = body.bytes().position(|b| b == b'\'')?;
        if !body[i + 1..].starts_with('\'') {
            return Some((Cow::Borrowed(&body[..i]), &body[i + 1..]));
        }
        let mut out = String::new();
        let mut rest = body;
        loop {
            let i = rest.find('\'')?;
            out.push_str(&rest[..i]);
            if rest[i + 1..].starts_with('\'') {
                out.push('\'');
                rest = &rest[i + 2..];
            } else {
                return Some((Cow::Owned(out), &rest[i + 1..]));
            }
        }
    }
    let body = s.strip_prefix('"')?;
    let end = body.bytes().position(|b| b == b'"' || b == b'\\')?;
    if body.as_bytes()[end] == b'"' {
        return Some((Cow::Borrowed(&body[..end]), &body[end + 1..]));
    }
    let mut out = String::new();
    let mut chars = body.char_indices();
    while let Some((i, c)) = chars.next() {
        match c {
            '"' => return Some((Cow::Owned(out), &body[i + 1..])),
            '\\' => {
                let (_, e) = chars.next()?;
                out.push(match e {
                    '"' => '"',
                    '\\' => '\\',
                    '/' => '/',
                    'n' => '\n',
                    't' => '\t',
                    'u' => {
                        // Four hex digits exactly: `from_str_radix` alone would take `+041`.
                        let hex: String = (0..4)
                            .map(|_| chars.next().map(|c| c.1).filter(char::is_ascii_hexdigit))
                            .collect::<Option<_>>()?;
                        char::from_u32(u32::from_str_radix(&hex, 16).ok()?)?
                    }
                    _ => return None,
                });
            }
            _ => out.push(c),
        }
    }
    None
}

/// A plain scalar, typed only where certain: `true`/`false`, `null`/`~`,
/// unsigned decimal integers without leading zeros, and text that cannot be
/// read as anything but a string.
pub(super) fn plain(text: &str) -> Option<Scalar<'_>> {
    let first = *text.as_bytes().first()?;
    if b"-?:,[]{}#&*!|>'\"%@`.+".contains(&first) {
        return None;
    }
    match text {
        "true" => return Some(Scalar::Bool(true)),
        "false" => return Some(Scalar::Bool(false)),
        "null" | "~" => return Some(Scalar::Null),
        _ => {}
    }
    if text.bytes().all(|b| b.is_ascii_digit()) {
        if text.len() > 1 && first == b'0' {
            return None;
        }
        return text.parse::<u64>().ok().map(Scalar::Int);
    }
    // The other spellings the general parser types (`True`, `NULL`, …) are
    // left to it. YAML 1.1's `yes`/`no`/`on`/`off`/`y`/`n` are text to it, as
    // to YAML 1.2, and `advise` writes `answer: yes`: read them as text.
    let ambiguous = ["true", "false", "null"]
        .iter()
        .any(|word| text.eq_ignore_ascii_case(word));
    // Anything a YAML resolver might read as a number (decimal, float,
    // exponent, hex/octal/binary, 1.1's sexagesimal and `_` separators) is
    // left to the full parser; identifiers such as UUIDs are plainly text.
    let digits = |ok: fn(u8) -> bool| text.bytes().skip(2).all(|b| ok(b) || b == b'_');
    let radix = first == b'0'
        && match text.as_bytes().get(1) {
            Some(b'x' | b'X') => digits(|b| b.is_ascii_hexdigit()),
            Some(b'o' | b'O') => digits(|b| (b'0'..=b'7').contains(&b)),
            Some(b'b' | b'B') => digits(|b| b == b'0' || b == b'1'),
            _ => false,
        };
    let numberish = first.is_ascii_digit()
        && (radix
            || text
                .bytes()
                .all(|b| b.is_ascii_digit() || b"_+-.:eE".contains(&b)));
    (!ambiguous && !numberish).then_some(Scalar::Str(Cow::Borrowed(text)))
}
