//! A fast reader and writer for the plain, block-style YAML that sysuser and
//! most people write: mappings, `- ` sequences, one-line flow collections,
//! quoted and plain scalars, comments.
//!
//! The general YAML parser reads about 15 MB/s, which made `check` of a
//! 100,000-client plan spend nine tenths of its second in parsing. This reader
//! never guesses: on anything outside its subset, or any scalar whose type it
//! is not certain of (`True`, `0x1F`, `.inf`, `012`, tags, anchors, block
//! scalars, multi-line values, duplicate keys, …) it declines, and the
//! caller uses the full parser, which also gives the located error messages.
//! It reads straight into the type asked for ([`de`]); property tests hold
//! its result equal to the full parser's on every text it accepts, and the
//! writer's ([`emit`]) output equal to the general writer's.

mod de;
mod emit;
mod scan;

pub use de::{Mark, Marks};
pub use emit::{to_string, to_string_fast};

use serde::Deserialize;
use serde::de::{DeserializeOwned, IgnoredAny};

/// Mappings in a plan have a handful of keys; more than this is not a plan,
/// and keeping the duplicate-key check linear needs a bound.
const MAX_KEYS: usize = 64;
/// Plans nest five levels deep; deeper input is left to the full parser,
/// which has its own limit, so that no input can exhaust the stack here.
const MAX_DEPTH: usize = 24;
/// More items in one sequence than any plan has (two million clients). The
/// limit is kept while reading, so that a huge file is refused before what
/// is built from it takes gigabytes.
pub const MAX_ITEMS: usize = 2_000_000;

/// A sequence with more than [`MAX_ITEMS`] items: refuse the document (the
/// full parser would need even more memory for it), at this byte offset.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TooManyItems {
    pub offset: usize,
}

/// What the fast reader made of a text.
#[derive(Debug)]
pub enum Outcome<T> {
    Read(T),
    /// In the subset, but not a valid `T`: the general parser words the error.
    Invalid,
    /// Outside the subset: the general parser decides.
    Declined,
}

/// `text` read as `T`, or `None` when the full parser must decide (outside
/// the subset, or not a valid `T`: the full parser then words the error).
pub fn from_str<T: DeserializeOwned>(text: &str) -> Option<T> {
    match read(text) {
        Ok(Outcome::Read(v)) => Some(v),
        _ => None,
    }
}

/// `text` read as `T`, telling apart a sequence over [`MAX_ITEMS`], which no
/// parser should read on.
pub fn read<'a, T: Deserialize<'a>>(text: &'a str) -> Result<Outcome<T>, TooManyItems> {
    read_inner(text, false).map(|(o, _)| o)
}

/// [`read`], with where the document's top-level entries are written (when
/// the text is in the subset, also if it is not a valid `T`).
pub fn read_marked<'a, T: Deserialize<'a>>(
    text: &'a str,
) -> Result<(Outcome<T>, Marks), TooManyItems> {
    read_inner(text, true).map(|(o, m)| (o, m.unwrap_or_default()))
}

fn read_inner<'a, T: Deserialize<'a>>(
    text: &'a str,
    marked: bool,
) -> Result<(Outcome<T>, Option<Marks>), TooManyItems> {
    if !printable(text) {
        return Ok((Outcome::Declined, None));
    }
    let (result, reader) = de::run::<T>(text, marked);
    match de::verdict(result, &reader) {
        de::Verdict::Read(v) => Ok((Outcome::Read(v), reader.into_marks())),
        de::Verdict::Declined => Ok((Outcome::Declined, None)),
        de::Verdict::TooMany(offset) => Err(TooManyItems { offset }),
        de::Verdict::TypeError => {
            // Whether the text is in the subset (or a list too long further
            // on) is for the rest of the text to say: read it for nothing.
            let (result, reader) = de::run::<IgnoredAny>(text, marked);
            match de::verdict(result, &reader) {
                de::Verdict::Read(_) => Ok((Outcome::Invalid, reader.into_marks())),
                de::Verdict::TooMany(offset) => Err(TooManyItems { offset }),
                de::Verdict::Declined | de::Verdict::TypeError => Ok((Outcome::Declined, None)),
            }
        }
    }
}

/// YAML refuses control characters and treats U+0085, U+2028 and U+2029 as
/// line breaks; a lone CR is a line break too. Leave all of these, and tabs
/// (whose meaning depends on where they stand), to the full parser.
fn printable(text: &str) -> bool {
    let bytes = text.as_bytes();
    // Without an early exit, so that the common case is a vector loop.
    let plain = |b: u8| (b >= 0x20 && b != 0x7f) | (b == b'\n') | (b == b'\r');
    let ascii_ok = bytes
        .chunks(256)
        .all(|c| c.iter().fold(true, |ok, &b| ok & plain(b)))
        && (!bytes.contains(&b'\r')
            || bytes
                .iter()
                .enumerate()
                .all(|(i, &b)| b != b'\r' || bytes.get(i + 1) == Some(&b'\n')));
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

    #[derive(serde::Deserialize, Debug)]
    #[serde(deny_unknown_fields)]
    struct Doc {
        #[allow(dead_code)]
        a: Vec<String>,
    }

    #[test]
    fn a_list_over_the_limit_is_refused_also_after_a_type_error() {
        // `b` is no field of `Doc`: the rest of the text is still read, for the limit.
        let text = format!("b: 1\na:\n{}", "- x\n".repeat(super::MAX_ITEMS + 1));
        let over = super::read::<Doc>(&text).unwrap_err();
        assert_eq!(&text[over.offset..over.offset + 4], "- x\n");
        assert!(matches!(
            super::read::<Doc>("b: 1\n"),
            Ok(super::Outcome::Invalid)
        ));
        assert!(matches!(
            super::read::<Doc>("b: 1\nc: True\n"),
            Ok(super::Outcome::Declined)
        ));
    }

    #[test]
    fn marks_say_where_top_level_entries_and_list_items_are() {
        let text = "organisation: {a: 1}\nclients:\n- orgnr: x\n  name: y\n-   'orgnr': z\nteams: [{name: t}, {}]\nsystem_users:\n- \"n\\u0041\": 1\n";
        let (outcome, marks) = super::read_marked::<Value>(text).unwrap();
        assert!(matches!(outcome, super::Outcome::Read(_)));
        let at = |key: &str| marks.entries.iter().find(|m| m.key == key).unwrap();
        assert_eq!(at("organisation").at, Some(0));
        assert_eq!(
            at("clients").items,
            Some(vec![
                text.find("orgnr").unwrap(),
                text.find("orgnr': z").unwrap()
            ])
        );
        // An item without keys, or whose first key had escapes undone, leaves the list unmarked.
        assert_eq!(at("teams").items, None);
        assert_eq!(at("system_users").items, None);
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
