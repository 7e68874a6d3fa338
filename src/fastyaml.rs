//! A fast reader for the plain, block-style YAML that sysuser and most people
//! write: mappings, `- ` sequences, one-line flow collections, quoted and
//! plain scalars, comments.
//!
//! The general YAML parser reads about 15 MB/s, which made `check` of a
//! 100,000-client plan spend nine tenths of its second in parsing. This reader
//! never guesses: on anything outside its subset, or any scalar whose type it
//! is not certain of (`True`, `0x1F`, `.inf`, `012`, tags, anchors, block
//! scalars, multi-line values, duplicate keys, …) it returns `None`, and the
//! caller uses the full parser, which also gives the located error messages.
//! A property test holds its result equal to the full parser's on every plan
//! it accepts.

use serde::de::value::{Error, MapDeserializer, SeqDeserializer};
use serde::de::{DeserializeOwned, IntoDeserializer, Visitor};
use serde::{Deserializer, forward_to_deserialize_any};
use std::borrow::Cow;

/// Mappings in a plan have a handful of keys; more than this is not a plan,
/// and keeping the duplicate-key check linear needs a bound.
const MAX_KEYS: usize = 64;
/// Plans nest five levels deep; deeper input is left to the full parser,
/// which has its own limit, so that no input can exhaust the stack here.
const MAX_DEPTH: usize = 24;
/// More items in one sequence than any plan has (two million clients). The
/// limit is kept while reading, so that a huge file is refused before its
/// tree takes gigabytes; see [`parse_bounded`].
pub const MAX_ITEMS: usize = 2_000_000;

/// A sequence with more than [`MAX_ITEMS`] items: refuse the document (the
/// full parser would need even more memory for it), at this byte offset.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TooManyItems {
    pub offset: usize,
}

/// `text` read as `T`, or `None` when the full parser must decide (outside
/// the subset, or not a valid `T`: the full parser then words the error).
pub fn from_str<T: DeserializeOwned>(text: &str) -> Option<T> {
    T::deserialize(parse(text)?).ok()
}

/// A parsed node. Text is borrowed from the input wherever no escape was undone.
#[derive(Debug, Clone, PartialEq)]
pub enum Node<'a> {
    Null,
    Bool(bool),
    Int(u64),
    Str(Cow<'a, str>),
    Seq(Vec<Node<'a>>),
    Map(Vec<(Cow<'a, str>, Node<'a>)>),
}

/// The document as a tree, or `None` when the full parser must decide.
pub fn parse(text: &str) -> Option<Node<'_>> {
    parse_bounded(text).ok().flatten()
}

/// [`parse`], telling apart a sequence over [`MAX_ITEMS`], which no parser should read on.
pub fn parse_bounded(text: &str) -> Result<Option<Node<'_>>, TooManyItems> {
    if !printable(text) {
        return Ok(None);
    }
    let over = std::cell::Cell::new(None);
    let doc = parse_lines(text, &over);
    match over.get() {
        Some(offset) => Err(TooManyItems { offset }),
        None => Ok(doc),
    }
}

fn parse_lines<'a>(text: &'a str, over: &std::cell::Cell<Option<usize>>) -> Option<Node<'a>> {
    let mut p = Parser {
        rest: Some(text),
        current: None,
        declined: false,
        depth: 0,
        over,
        base: text.as_ptr() as usize,
    };
    p.advance();
    let first = p.peek()?;
    if first.indent != 0 {
        return None;
    }
    let doc = if is_item(first.text) {
        p.sequence(0)?
    } else {
        p.mapping(0)?
    };
    (p.current.is_none() && !p.declined).then_some(doc)
}

/// YAML refuses control characters and treats U+0085, U+2028 and U+2029 as
/// line breaks; a lone CR is a line break too. Leave all of these, and tabs
/// (whose meaning depends on where they stand), to the full parser.
fn printable(text: &str) -> bool {
    let bytes = text.as_bytes();
    let ascii_ok = bytes.iter().enumerate().all(|(i, &b)| {
        (b >= 0x20 && b != 0x7f) || b == b'\n' || (b == b'\r' && bytes.get(i + 1) == Some(&b'\n'))
    });
    ascii_ok
        && (text.is_ascii()
            || !text.chars().any(|c| {
                ('\u{80}'..='\u{9f}').contains(&c)
                    || matches!(
                        c,
                        '\u{2028}' | '\u{2029}' | '\u{feff}' | '\u{fffe}' | '\u{ffff}'
                    )
            }))
}

#[derive(Clone, Copy)]
struct Line<'a> {
    indent: usize,
    text: &'a str,
}

/// Lines are read one at a time as the parse goes, so that memory grows
/// with the tree only, never with a list of every line.
struct Parser<'a, 'o> {
    /// The text after the current line; `None` at the end.
    rest: Option<&'a str>,
    current: Option<Line<'a>>,
    /// A document marker or directive: the full parser must decide.
    declined: bool,
    depth: usize,
    /// Set, with the byte offset, when a sequence passes [`MAX_ITEMS`].
    over: &'o std::cell::Cell<Option<usize>>,
    base: usize,
}

/// Records a sequence that passed [`MAX_ITEMS`] (at the text `at`) and stops the parse.
fn too_many(over: &std::cell::Cell<Option<usize>>, base: usize, at: &str) -> Option<()> {
    over.set(Some((at.as_ptr() as usize).saturating_sub(base)));
    None
}

fn is_item(text: &str) -> bool {
    text == "-" || text.starts_with("- ")
}

impl<'a, 'o> Parser<'a, 'o> {
    fn limit(&self) -> Limit<'o> {
        Limit {
            over: self.over,
            base: self.base,
        }
    }

    fn peek(&self) -> Option<Line<'a>> {
        self.current
    }

    /// Moves to the next line with content (not blank, not a comment).
    fn advance(&mut self) {
        self.current = None;
        while let Some(rest) = self.rest {
            let (raw, after) = match rest.find('\n') {
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
                self.declined = true;
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

    /// A block mapping whose keys sit at `indent`.
    fn mapping(&mut self, indent: usize) -> Option<Node<'a>> {
        self.nest(|p| p.mapping_at(indent))
    }

    fn sequence(&mut self, indent: usize) -> Option<Node<'a>> {
        self.nest(|p| p.sequence_at(indent))
    }

    fn nest(&mut self, f: impl FnOnce(&mut Self) -> Option<Node<'a>>) -> Option<Node<'a>> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return None;
        }
        let node = f(self);
        self.depth -= 1;
        node
    }

    fn mapping_at(&mut self, indent: usize) -> Option<Node<'a>> {
        let mut map = Vec::new();
        while let Some(line) = self.peek() {
            if line.indent < indent {
                break;
            }
            if line.indent > indent || is_item(line.text) {
                return None;
            }
            let (key, rest) = key(line.text)?;
            self.advance();
            let value = if rest.is_empty() {
                self.nested(indent)?
            } else {
                let (v, tail) = inline_value(rest, self.limit())?;
                if !is_comment_or_empty(tail) {
                    return None;
                }
                v
            };
            insert(&mut map, key, value)?;
        }
        Some(Node::Map(map))
    }

    /// The value of `key:` with nothing after it: a more indented block, a
    /// sequence at the key's own indent, or null.
    fn nested(&mut self, indent: usize) -> Option<Node<'a>> {
        match self.peek() {
            Some(next) if next.indent > indent => {
                let i = next.indent;
                if is_item(next.text) {
                    self.sequence(i)
                } else {
                    self.mapping(i)
                }
            }
            Some(next) if next.indent == indent && is_item(next.text) => self.sequence(indent),
            _ => Some(Node::Null),
        }
    }

    /// A block sequence whose `- ` sit at `indent`.
    fn sequence_at(&mut self, indent: usize) -> Option<Node<'a>> {
        let mut items = Vec::new();
        while let Some(line) = self.peek() {
            if line.indent < indent || (line.indent == indent && !is_item(line.text)) {
                break;
            }
            if items.len() >= MAX_ITEMS {
                too_many(self.over, self.base, line.text)?;
            }
            if line.indent > indent {
                return None;
            }
            let after = &line.text[1..];
            let rest = after.trim_start_matches(' ');
            if rest.is_empty() {
                self.advance();
                match self.peek() {
                    Some(next) if next.indent > indent => {
                        let i = next.indent;
                        items.push(if is_item(next.text) {
                            self.sequence(i)?
                        } else {
                            self.mapping(i)?
                        });
                    }
                    _ => items.push(Node::Null),
                }
            } else if is_item(rest) {
                return None;
            } else if key(rest).is_some() {
                // `- key: value` opens a mapping whose keys line up with `key`.
                let inner = indent + 1 + (after.len() - rest.len());
                self.current = Some(Line {
                    indent: inner,
                    text: rest,
                });
                items.push(self.mapping(inner)?);
            } else {
                self.advance();
                let (v, tail) = inline_value(rest, self.limit())?;
                if !is_comment_or_empty(tail) {
                    return None;
                }
                items.push(v);
            }
        }
        Some(Node::Seq(items))
    }
}

fn is_comment_or_empty(tail: &str) -> bool {
    let t = tail.trim_start_matches(' ');
    t.is_empty() || (t.starts_with('#') && t.len() < tail.len())
}

/// `key: rest` or `key:` → the key and what follows the colon (trimmed).
fn key(text: &str) -> Option<(Cow<'_, str>, &str)> {
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
fn map_key(text: &str) -> Option<(Cow<'_, str>, &str)> {
    if text.starts_with('"') || text.starts_with('\'') {
        let (k, tail) = quoted(text)?;
        return Some((k, tail.strip_prefix(':')?));
    }
    let end = text.find(':')?;
    let k = &text[..end];
    let plain = !k.is_empty()
        && !k.starts_with('-')
        && k.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-');
    plain.then(|| (Cow::Borrowed(k), &text[end + 1..]))
}

/// After a flow item: a comma and more (not a trailing comma), or the closer.
fn flow_separator(rest: &str, close: char) -> Option<&str> {
    let rest = rest.trim_start_matches(' ');
    match rest.strip_prefix(',') {
        Some(after) => (!after.trim_start_matches(' ').starts_with(close)).then_some(after),
        None => rest.starts_with(close).then_some(rest),
    }
}

/// Where a flow sequence reports passing [`MAX_ITEMS`].
#[derive(Clone, Copy)]
struct Limit<'a> {
    over: &'a std::cell::Cell<Option<usize>>,
    base: usize,
}

/// A value after `key: ` or `- `: quoted, flow or plain; returns what follows it.
fn inline_value<'a>(s: &'a str, limit: Limit<'_>) -> Option<(Node<'a>, &'a str)> {
    match s.as_bytes().first()? {
        b'"' | b'\'' => quoted(s).map(|(v, t)| (Node::Str(v), t)),
        b'[' | b'{' => flow(s, 0, limit),
        _ => {
            let end = s.find(" #").unwrap_or(s.len());
            let text = s[..end].trim_end_matches(' ');
            if text.contains(": ") || text.ends_with(':') {
                return None;
            }
            Some((plain(text)?, &s[end..]))
        }
    }
}

/// A quoted scalar that closes on this line; returns the text after it.
fn quoted(s: &str) -> Option<(Cow<'_, str>, &str)> {
    if let Some(body) = s.strip_prefix('\'') {
        let i = body.find('\'')?;
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
    let end = body.find(['"', '\\'])?;
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
fn plain(text: &str) -> Option<Node<'_>> {
    let first = *text.as_bytes().first()?;
    if b"-?:,[]{}#&*!|>'\"%@`.+".contains(&first) {
        return None;
    }
    match text {
        "true" => return Some(Node::Bool(true)),
        "false" => return Some(Node::Bool(false)),
        "null" | "~" => return Some(Node::Null),
        _ => {}
    }
    if text.bytes().all(|b| b.is_ascii_digit()) {
        if text.len() > 1 && first == b'0' {
            return None;
        }
        return text.parse::<u64>().ok().map(Node::Int);
    }
    // The other spellings the general parser types (`True`, `NULL`, …) are
    // left to it. YAML 1.1's `yes`/`no`/`on`/`off`/`y`/`n` are text to it, as
    // to YAML 1.2, and `advise` writes `answer: yes`: read them as text.
    let ambiguous = text.len() <= 5
        && matches!(
            text.to_ascii_lowercase().as_str(),
            "true" | "false" | "null"
        );
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
    (!ambiguous && !numberish).then_some(Node::Str(Cow::Borrowed(text)))
}

/// A flow collection that closes on this line; returns the text after it.
fn flow<'a>(s: &'a str, depth: usize, limit: Limit<'_>) -> Option<(Node<'a>, &'a str)> {
    if depth > MAX_DEPTH {
        return None;
    }
    let s = s.trim_start_matches(' ');
    if let Some(mut rest) = s.strip_prefix('[') {
        let mut items = Vec::new();
        loop {
            rest = rest.trim_start_matches(' ');
            if let Some(after) = rest.strip_prefix(']') {
                return Some((Node::Seq(items), after));
            }
            if items.len() >= MAX_ITEMS {
                too_many(limit.over, limit.base, rest)?;
            }
            let (v, after) = flow_item(rest, depth, limit)?;
            items.push(v);
            rest = flow_separator(after, ']')?;
        }
    }
    let mut rest = s.strip_prefix('{')?;
    let mut map = Vec::new();
    loop {
        rest = rest.trim_start_matches(' ');
        if let Some(after) = rest.strip_prefix('}') {
            return Some((Node::Map(map), after));
        }
        let (k, after) = map_key(rest)?;
        if !after.starts_with(' ') {
            return None;
        }
        let (v, after) = flow_item(after.trim_start_matches(' '), depth, limit)?;
        insert(&mut map, k, v)?;
        rest = flow_separator(after, '}')?;
    }
}

/// One element inside `[…]` or a value inside `{…}`.
fn flow_item<'a>(s: &'a str, depth: usize, limit: Limit<'_>) -> Option<(Node<'a>, &'a str)> {
    match s.as_bytes().first()? {
        b'"' | b'\'' => quoted(s).map(|(v, t)| (Node::Str(v), t)),
        b'[' | b'{' => flow(s, depth + 1, limit),
        _ => {
            let end = s.find([',', ']', '}', '#', ':', '[', '{'])?;
            if !matches!(s.as_bytes()[end], b',' | b']' | b'}') {
                return None;
            }
            let text = s[..end].trim_end_matches(' ');
            Some((plain(text)?, &s[end..]))
        }
    }
}

/// Adds a key, refusing duplicates and oversized mappings.
fn insert<'a>(map: &mut Vec<(Cow<'a, str>, Node<'a>)>, k: Cow<'a, str>, v: Node<'a>) -> Option<()> {
    if map.len() >= MAX_KEYS || map.iter().any(|(have, _)| *have == k) {
        return None;
    }
    map.push((k, v));
    Some(())
}

/// Strings that borrow from the input are handed over as such, so that only
/// the fields the plan keeps are allocated.
fn visit_str<'de, V: Visitor<'de>>(s: Cow<'de, str>, visitor: V) -> Result<V::Value, Error> {
    match s {
        Cow::Borrowed(b) => visitor.visit_borrowed_str(b),
        Cow::Owned(o) => visitor.visit_string(o),
    }
}

impl<'de> Deserializer<'de> for Node<'de> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self {
            Node::Null => visitor.visit_unit(),
            Node::Bool(b) => visitor.visit_bool(b),
            Node::Int(n) => visitor.visit_u64(n),
            Node::Str(s) => visit_str(s, visitor),
            Node::Seq(items) => visitor.visit_seq(SeqDeserializer::new(items.into_iter())),
            Node::Map(entries) => visitor.visit_map(MapDeserializer::new(
                entries.into_iter().map(|(k, v)| (Node::Str(k), v)),
            )),
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self {
            Node::Null => visitor.visit_none(),
            other => visitor.visit_some(other),
        }
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        match self {
            Node::Str(s) => visitor.visit_enum(s.into_deserializer()),
            other => other.deserialize_any(visitor),
        }
    }

    forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf unit unit_struct newtype_struct seq tuple
        tuple_struct map struct identifier ignored_any
    }
}

impl<'de> IntoDeserializer<'de, Error> for Node<'de> {
    type Deserializer = Self;

    fn into_deserializer(self) -> Self {
        self
    }
}

#[cfg(test)]
mod tests {
    use serde_json::{Value, json};

    fn parse(text: &str) -> Option<Value> {
        super::from_str(text)
    }

    #[test]
    fn reads_block_style_as_written_by_sysuser() {
        let v = parse(
            "version: 1\norganisation:\n  orgnr: '310000000'\n  name: NÆR AS # a comment\nclients:\n- orgnr: '310000027'\n  er_roles:\n  - regnskapsforer\n- orgnr: \"310000035\"\n  delegated: []\n",
        )
        .unwrap();
        assert_eq!(
            v,
            json!({"version": 1, "organisation": {"orgnr": "310000000", "name": "NÆR AS"},
                   "clients": [{"orgnr": "310000027", "er_roles": ["regnskapsforer"]},
                               {"orgnr": "310000035", "delegated": []}]})
        );
    }

    #[test]
    fn reads_flow_collections_on_one_line() {
        let v = parse("system: { id: \"x_y\", vendor: 991825827, access_packages: [a, 'b c'] }\n")
            .unwrap();
        assert_eq!(
            v,
            json!({"system": {"id": "x_y", "vendor": 991825827u64, "access_packages": ["a", "b c"]}})
        );
    }

    #[test]
    fn deep_nesting_is_declined_not_a_stack_overflow() {
        // Without the limit the first would parse, the second recurse 100,000 deep.
        let block: String = (0..200).map(|i| format!("{}a:\n", " ".repeat(i))).collect();
        assert_eq!(parse(&block), None);
        let flow = format!("a: {}{}\n", "[".repeat(100_000), "]".repeat(100_000));
        assert_eq!(parse(&flow), None);
        let items = format!("a:\n{}x\n", "- ".repeat(100_000));
        assert_eq!(parse(&items), None);
    }

    #[test]
    fn identifiers_that_start_with_a_digit_are_text() {
        let v = parse(
            "id: 7b8a3aaa-c8ed-4ac4-923a-335f4f9eb45a\nsys: 991825827_generert\nb: 0bb5963e\n",
        );
        assert_eq!(
            v,
            Some(
                json!({"id": "7b8a3aaa-c8ed-4ac4-923a-335f4f9eb45a", "sys": "991825827_generert", "b": "0bb5963e"})
            )
        );
    }

    #[test]
    fn yaml_1_1_booleans_are_text_as_for_the_general_parser() {
        let v = parse("a: yes\nb: No\nc: [on, OFF, y, n]\n").unwrap();
        assert_eq!(
            v,
            json!({"a": "yes", "b": "No", "c": ["on", "OFF", "y", "n"]})
        );
    }

    #[test]
    fn sequences_may_sit_at_the_keys_indent_or_deeper() {
        let a = parse("k:\n- a\n- b\nz: 1\n").unwrap();
        let b = parse("k:\n  - a\n  - b\nz: 1\n").unwrap();
        assert_eq!(a, b);
    }

    #[test]
    fn declines_what_it_is_not_sure_of() {
        for text in [
            "a: 012\n",
            "a: 1.5\n",
            "a: 0x1F\n",
            "a: 1_000\n",
            "a: 2026-11-23\n",
            "a: 12:30\n",
            "a: 1e5\n",
            "a: 1e-5\n",
            "a: 0b101\n",
            "a: 0o17\n",
            "a: 1:20:30\n",
            "a: .inf\n",
            "a: &x 1\nb: *x\n",
            "a: !tag x\n",
            "a: |\n  text\n",
            "a: b\n  continued\n",
            "a: 1\na: 2\n",
            "---\na: 1\n",
            "a: [1,\n  2]\n",
            "a: 'open\n",
            "a:\tb\n",
            "<<: {}\n",
            "a: b: c\n",
            "a: True\n",
            "a: \"\\x41\"\n",
            "a: \"\\u+041\"\n",
            "a: \"\\u-041\"\n",
            "? a\n: b\n",
            "a: [x, ]\n",
            "a: x\x01y\n",
            "a: x\u{2028}y\n",
            "a: x\ry\n",
        ] {
            assert_eq!(parse(text), None, "{text:?}");
        }
    }
}
