//! Writing YAML byte for byte as the general writer (`serde_yaml`, over
//! libyaml's emitter) writes it, without its per-event machinery: block
//! mappings, indentless sequences under keys, `[]`/`{}` for empty ones, and
//! each scalar in the style libyaml would choose. What it is not certain of
//! (a scalar that needs quotes other than a number's, one spanning lines, tags,
//! floats, long keys) it asks the general writer about: one scalar, or the
//! whole document. `tests/fastyaml_exact.rs` holds the two writers equal.

use super::de::Stop as Unsure;
use serde::ser::{self, Serialize};
use std::fmt;

/// `value` as YAML, exactly as `serde_yaml::to_string` writes it.
pub fn to_string<T: Serialize + ?Sized>(value: &T) -> Result<String, serde_yaml::Error> {
    match to_string_fast(value) {
        Some(text) => Ok(text),
        None => serde_yaml::to_string(value),
    }
}

/// [`to_string`] by the fast writer alone: `None` where the general writer
/// is needed (a top-level scalar, a multi-line string, a tag, a float, …).
pub fn to_string_fast<T: Serialize + ?Sized>(value: &T) -> Option<String> {
    let mut e = Emitter {
        out: String::with_capacity(4096),
        stack: Vec::new(),
    };
    match value.serialize(&mut e) {
        Ok(()) if e.stack.is_empty() && !e.out.is_empty() => Some(e.out),
        _ => None,
    }
}

/// Where a collection starts.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Pos {
    /// The document itself.
    Top,
    /// Right after `key:`.
    AfterKey,
    /// Right after `- `.
    AfterDash,
}

struct Frame {
    map: bool,
    indent: usize,
    pos: Pos,
    count: usize,
    /// In a mapping: the next scalar is a key.
    want_key: bool,
}

struct Emitter {
    out: String,
    stack: Vec<Frame>,
}

/// How libyaml would write a scalar, when certain.
enum Style {
    Plain,
    SingleQuoted,
}

/// Keys longer than this are written as complex keys (`? `) by libyaml.
const MAX_SIMPLE_KEY: usize = 128;

impl Emitter {
    fn indent(&mut self, n: usize) {
        self.out.extend(std::iter::repeat_n(' ', n));
    }

    /// Where a new line of the collection on top starts (`first`: its first entry).
    fn entry_start(&mut self) {
        let Some(f) = self.stack.last() else { return };
        let (indent, pos, first) = (f.indent, f.pos, f.count == 0);
        if !first {
            self.indent(indent);
        } else if pos == Pos::AfterKey {
            self.out.push('\n');
            self.indent(indent);
        }
    }

    /// Before a value (scalar or collection): the key's `:` or the item's `- `
    /// is written; returns where a collection would start and its indent.
    fn value_start(&mut self) -> Result<(Pos, usize), Unsure> {
        let Some(f) = self.stack.last() else {
            return Ok((Pos::Top, 0));
        };
        if f.map {
            if f.want_key {
                return Err(Unsure);
            }
            let indent = f.indent;
            Ok((Pos::AfterKey, indent))
        } else {
            self.entry_start();
            self.out.push_str("- ");
            let f = self.stack.last_mut().ok_or(Unsure)?;
            f.count += 1;
            Ok((Pos::AfterDash, f.indent + 2))
        }
    }

    fn value_end(&mut self) {
        if let Some(f) = self.stack.last_mut()
            && f.map
        {
            f.want_key = true;
        }
    }

    fn scalar(&mut self, text: &str, style: Style) -> Result<(), Unsure> {
        if let Some(f) = self.stack.last()
            && f.map
            && f.want_key
        {
            if !matches!(style, Style::Plain) || text.len() > MAX_SIMPLE_KEY {
                return Err(Unsure);
            }
            self.entry_start();
            self.out.push_str(text);
            self.out.push(':');
            let f = self.stack.last_mut().ok_or(Unsure)?;
            f.count += 1;
            f.want_key = false;
            return Ok(());
        }
        let (pos, _) = self.value_start()?;
        match pos {
            Pos::Top => return Err(Unsure),
            Pos::AfterKey => self.out.push(' '),
            Pos::AfterDash => {}
        }
        match style {
            Style::Plain => self.out.push_str(text),
            Style::SingleQuoted => {
                self.out.push('\'');
                self.out.push_str(text);
                self.out.push('\'');
            }
        }
        self.out.push('\n');
        self.value_end();
        Ok(())
    }

    /// A string, in the style libyaml would write it; others are written as
    /// the general writer writes them (a single line), or left to it.
    fn string(&mut self, s: &str) -> Result<(), Unsure> {
        if plain_ok(s) {
            return self.scalar(s, Style::Plain);
        }
        // Numbers' digits and the empty string are quoted so they read back as text.
        if s.is_empty() || s.bytes().all(|b| b.is_ascii_digit()) {
            return self.scalar(s, Style::SingleQuoted);
        }
        // Line breaks of any kind make libyaml write a scalar over lines
        // indented as deep as it stands: leave the document to it.
        let breaks = ['\n', '\r', '\u{85}', '\u{2028}', '\u{2029}'];
        if s.contains(breaks) || self.stack.last().is_some_and(|f| f.map && f.want_key) {
            return Err(Unsure);
        }
        let written = serde_yaml::to_string(&[s]).map_err(|_| Unsure)?;
        let one = written
            .strip_prefix("- ")
            .and_then(|w| w.strip_suffix('\n'))
            .filter(|w| !w.contains('\n'))
            .ok_or(Unsure)?;
        self.scalar(one, Style::Plain)
    }

    fn open(&mut self, map: bool) -> Result<(), Unsure> {
        let (pos, indent) = self.value_start()?;
        // A mapping under a key is indented; a sequence under a key is not.
        let indent = if map && pos == Pos::AfterKey {
            indent + 2
        } else {
            indent
        };
        self.stack.push(Frame {
            map,
            indent,
            pos,
            count: 0,
            want_key: true,
        });
        Ok(())
    }

    fn close(&mut self) -> Result<(), Unsure> {
        let f = self.stack.pop().ok_or(Unsure)?;
        if f.map && !f.want_key {
            return Err(Unsure);
        }
        if f.count == 0 {
            if f.pos == Pos::AfterKey {
                self.out.push(' ');
            }
            self.out.push_str(if f.map { "{}\n" } else { "[]\n" });
        }
        self.value_end();
        Ok(())
    }
}

/// Whether libyaml writes `s` plain in block context and the general
/// reader reads it back as this text: the fast reader's test for text that
/// cannot be anything else, then libyaml's own analysis (printable, no
/// line breaks, no leading or trailing space, no `: ` or ` #`).
fn plain_ok(s: &str) -> bool {
    let printable = |c: char| match c {
        ' '..='~' => true,
        '\u{2028}' | '\u{2029}' | '\u{feff}' => false,
        '\u{a0}'..='\u{d7ff}' | '\u{e000}'..='\u{fffd}' | '\u{10000}'.. => true,
        _ => false,
    };
    let b = s.as_bytes();
    // One pass over the bytes: no ` #`, no `:` before a space or the end.
    let indicators = (0..b.len()).any(|i| {
        (b[i] == b'#' && i > 0 && b[i - 1] == b' ')
            || (b[i] == b':' && b.get(i + 1).is_none_or(|&n| n == b' '))
    });
    let printable = if s.is_ascii() {
        b.iter().all(|&c| (b' '..=b'~').contains(&c))
    } else {
        s.chars().all(printable)
    };
    !s.is_empty()
        && b[0] != b' '
        && b[b.len() - 1] != b' '
        && printable
        && !indicators
        && matches!(super::scan::plain(s), Some(super::scan::Scalar::Str(_)))
}

impl ser::Serializer for &mut Emitter {
    type Ok = ();
    type Error = Unsure;
    type SerializeSeq = Self;
    type SerializeTuple = Self;
    type SerializeTupleStruct = Self;
    type SerializeTupleVariant = ser::Impossible<(), Unsure>;
    type SerializeMap = Self;
    type SerializeStruct = Self;
    type SerializeStructVariant = ser::Impossible<(), Unsure>;

    fn serialize_bool(self, v: bool) -> Result<(), Unsure> {
        self.scalar(if v { "true" } else { "false" }, Style::Plain)
    }
    fn serialize_i8(self, v: i8) -> Result<(), Unsure> {
        self.serialize_i64(v.into())
    }
    fn serialize_i16(self, v: i16) -> Result<(), Unsure> {
        self.serialize_i64(v.into())
    }
    fn serialize_i32(self, v: i32) -> Result<(), Unsure> {
        self.serialize_i64(v.into())
    }
    fn serialize_i64(self, v: i64) -> Result<(), Unsure> {
        self.scalar(&v.to_string(), Style::Plain)
    }
    fn serialize_u8(self, v: u8) -> Result<(), Unsure> {
        self.serialize_u64(v.into())
    }
    fn serialize_u16(self, v: u16) -> Result<(), Unsure> {
        self.serialize_u64(v.into())
    }
    fn serialize_u32(self, v: u32) -> Result<(), Unsure> {
        self.serialize_u64(v.into())
    }
    fn serialize_u64(self, v: u64) -> Result<(), Unsure> {
        self.scalar(&v.to_string(), Style::Plain)
    }
    fn serialize_f32(self, _: f32) -> Result<(), Unsure> {
        Err(Unsure)
    }
    fn serialize_f64(self, _: f64) -> Result<(), Unsure> {
        Err(Unsure)
    }
    fn serialize_char(self, _: char) -> Result<(), Unsure> {
        Err(Unsure)
    }
    fn serialize_str(self, v: &str) -> Result<(), Unsure> {
        self.string(v)
    }
    fn serialize_bytes(self, _: &[u8]) -> Result<(), Unsure> {
        Err(Unsure)
    }
    fn serialize_none(self) -> Result<(), Unsure> {
        self.serialize_unit()
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), Unsure> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), Unsure> {
        self.scalar("null", Style::Plain)
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<(), Unsure> {
        self.serialize_unit()
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<(), Unsure> {
        self.string(variant)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<(), Unsure> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<(), Unsure> {
        Err(Unsure)
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Self, Unsure> {
        self.open(false)?;
        Ok(self)
    }
    fn serialize_tuple(self, _: usize) -> Result<Self, Unsure> {
        self.serialize_seq(None)
    }
    fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Self, Unsure> {
        self.serialize_seq(None)
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, Unsure> {
        Err(Unsure)
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self, Unsure> {
        self.open(true)?;
        Ok(self)
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Self, Unsure> {
        self.serialize_map(None)
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, Unsure> {
        Err(Unsure)
    }
    fn collect_str<T: fmt::Display + ?Sized>(self, value: &T) -> Result<(), Unsure> {
        self.string(&value.to_string())
    }
}

/// The three kinds of sequence serde has, written alike.
macro_rules! sequence {
    ($($kind:ident $element:ident),*) => {$(
        impl ser::$kind for &mut Emitter {
            type Ok = ();
            type Error = Unsure;
            fn $element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Unsure> {
                value.serialize(&mut **self)
            }
            fn end(self) -> Result<(), Unsure> {
                self.close()
            }
        }
    )*};
}

sequence!(
    SerializeSeq serialize_element,
    SerializeTuple serialize_element,
    SerializeTupleStruct serialize_field
);

impl ser::SerializeMap for &mut Emitter {
    type Ok = ();
    type Error = Unsure;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Unsure> {
        key.serialize(&mut **self)
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Unsure> {
        value.serialize(&mut **self)
    }
    fn end(self) -> Result<(), Unsure> {
        self.close()
    }
}

impl ser::SerializeStruct for &mut Emitter {
    type Ok = ();
    type Error = Unsure;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Unsure> {
        self.string(key)?;
        value.serialize(&mut **self)
    }
    fn end(self) -> Result<(), Unsure> {
        self.close()
    }
}
