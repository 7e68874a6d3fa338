//! The reader as a serde `Deserializer`: values go to the type being read as
//! the lines are read (a plan's clients straight into `Client`s), with no
//! tree in between. It hands a type exactly what a tree of the same text
//! would (the same values, in the same order, with the same checks at the
//! same places), so that what it accepts is read as the general parser
//! reads it; `tests/fastyaml_exact.rs` holds it to that.

use super::scan::{
    Halt, Lines, Scalar, block_plain, flow_plain, flow_separator, is_comment_or_empty, is_item,
    key, map_key, quoted,
};
use super::{MAX_DEPTH, MAX_ITEMS, MAX_KEYS};
use serde::de::{
    self, DeserializeSeed, IgnoredAny, IntoDeserializer, MapAccess, SeqAccess, Visitor,
};
use serde::{Deserializer, forward_to_deserialize_any};
use std::borrow::Cow;
use std::fmt;

/// Any end of the reading before the end of the text, or of the writing
/// before the end of the value: the general reader or writer takes over.
/// Whether the text or the type being read ended a reading is kept in the
/// reader ([`Halt`]), so that an error costs no message.
#[derive(Debug)]
pub struct Stop;

impl fmt::Display for Stop {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("left to the general YAML reader or writer")
    }
}

impl std::error::Error for Stop {}

impl de::Error for Stop {
    fn custom<T: fmt::Display>(_: T) -> Self {
        Stop
    }
}

impl serde::ser::Error for Stop {
    fn custom<T: fmt::Display>(_: T) -> Self {
        Stop
    }
}

/// Where the top-level entries are written: each top-level key's offset and,
/// for a list, the offset of each item's first key (`None` when an item has
/// none, or the value is not a list). Offsets are `None` for keys whose
/// escapes were undone.
#[derive(Debug, Default)]
pub struct Marks {
    pub entries: Vec<Mark>,
}

#[derive(Debug)]
pub struct Mark {
    pub key: String,
    pub at: Option<usize>,
    pub items: Option<Vec<usize>>,
}

/// An item of a marked list whose first key is not known (yet).
const UNMARKED: usize = usize::MAX;

impl Marks {
    /// Lists with an item whose first key is unknown get no item offsets.
    fn settle(mut self) -> Marks {
        for m in &mut self.entries {
            if m.items.as_ref().is_some_and(|i| i.contains(&UNMARKED)) {
                m.items = None;
            }
        }
        self
    }
}

/// What a value is to the marks.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Role {
    Other,
    /// The document's mapping.
    Top,
    /// A value of the document's mapping.
    TopValue,
    /// An item of a list that is such a value.
    Item,
}

pub(super) struct Reader<'de> {
    pub lines: Lines<'de>,
    /// Where the last value inside `[…]`/`{…}` ended.
    flow_after: &'de str,
    /// Whether the last value handed to a type was read by it (a type that
    /// skips a value without reading it would leave the lines out of step).
    visited: bool,
    /// The keys of the mappings being read, innermost last, for the
    /// duplicate-key check without a set per mapping.
    keys: Vec<Cow<'de, str>>,
    pub marks: Option<Marks>,
}

impl<'de> Reader<'de> {
    pub fn new(text: &'de str, marked: bool) -> Reader<'de> {
        Reader {
            lines: Lines::new(text),
            flow_after: "",
            visited: false,
            keys: Vec::new(),
            marks: marked.then(Marks::default),
        }
    }

    /// The document as `T`; `None` when its first line rules it out.
    pub fn document<T: de::Deserialize<'de>>(&mut self) -> Option<Result<T, Stop>> {
        let first = self.lines.current?;
        if first.indent != 0 {
            return None;
        }
        let (at, role) = if is_item(first.text) {
            (At::Seq(0), Role::Other)
        } else {
            (At::Map(0), Role::Top)
        };
        let role = if self.marks.is_some() {
            role
        } else {
            Role::Other
        };
        Some(T::deserialize(Value { r: self, at, role }))
    }

    pub fn into_marks(self) -> Option<Marks> {
        self.marks.map(Marks::settle)
    }

    fn decline(&mut self) -> Stop {
        self.lines.decline();
        Stop
    }

    /// Notes a mapping's key for the marks (`first`: the mapping's first key);
    /// a key whose escapes were undone has no place in the text.
    fn mark_key(&mut self, role: Role, first: bool, k: &str, borrowed: bool) {
        let at = borrowed.then(|| self.lines.offset(k));
        let Some(marks) = &mut self.marks else { return };
        match role {
            Role::Top => marks.entries.push(Mark {
                key: k.to_string(),
                at,
                items: None,
            }),
            Role::Item if first => {
                if let Some(slot) = marks
                    .entries
                    .last_mut()
                    .and_then(|m| m.items.as_mut())
                    .and_then(|i| i.last_mut())
                {
                    *slot = at.unwrap_or(UNMARKED);
                }
            }
            _ => {}
        }
    }

    /// Notes the start of a list (`item`: `false`) or of one of its items.
    fn mark_list(&mut self, role: Role, item: bool) {
        if role != Role::TopValue {
            return;
        }
        if let Some(m) = self.marks.as_mut().and_then(|m| m.entries.last_mut()) {
            if item {
                m.items.get_or_insert_with(Vec::new).push(UNMARKED);
            } else {
                m.items = Some(Vec::new());
            }
        }
    }

    /// Adds a mapping's key after its value, refusing duplicates and
    /// oversized mappings (the mapping's keys start at `start`).
    fn insert(&mut self, start: usize, k: Cow<'de, str>) -> Result<(), Stop> {
        let have = &self.keys[start..];
        if have.len() >= MAX_KEYS || have.contains(&k) {
            return Err(self.decline());
        }
        self.keys.push(k);
        Ok(())
    }

    /// A value handed to a type's seed, checked to have been read.
    fn value<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
        at: At<'de>,
        role: Role,
    ) -> Result<T::Value, Stop> {
        self.visited = false;
        let v = seed.deserialize(Value { r: self, at, role })?;
        if self.visited { Ok(v) } else { Err(Stop) }
    }
}

/// Where a value is written.
#[derive(Clone, Copy)]
enum At<'de> {
    /// A block mapping whose keys sit at this indent (from the current line).
    Map(usize),
    /// A block sequence whose `- ` sit at this indent.
    Seq(usize),
    /// `key:` with nothing after it and nothing nested.
    Null,
    /// After `key: ` or `- `, followed by nothing but a comment.
    Inline(&'de str),
    /// Inside a flow collection at this depth, followed by `,` or its closer.
    Flow(&'de str, usize),
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum How {
    Any,
    Option,
    Enum,
}

struct Value<'r, 'de> {
    r: &'r mut Reader<'de>,
    at: At<'de>,
    role: Role,
}

impl<'de> Value<'_, 'de> {
    fn read<V: Visitor<'de>>(self, visitor: V, how: How) -> Result<V::Value, Stop> {
        self.r.visited = true;
        match self.at {
            At::Null if how == How::Option => visitor.visit_none(),
            At::Null => visitor.visit_unit(),
            At::Map(_) | At::Seq(_) if how == How::Option => visitor.visit_some(self),
            At::Map(indent) => self.block_map(indent, visitor),
            At::Seq(indent) => self.block_seq(indent, visitor),
            At::Inline(s) | At::Flow(s, _) => {
                let (inline, depth) = match self.at {
                    At::Flow(_, d) => (false, d + 1),
                    _ => (true, 0),
                };
                let Some(&first) = s.as_bytes().first() else {
                    return Err(self.r.decline());
                };
                if matches!(first, b'[' | b'{') {
                    if how == How::Option {
                        return visitor.visit_some(self);
                    }
                    let r = self.r;
                    let (v, after) = flow(r, s, depth, self.role, visitor)?;
                    r.end(inline, after)?;
                    return Ok(v);
                }
                let read = match first {
                    b'"' | b'\'' => quoted(s).map(|(v, t)| (Scalar::Str(v), t)),
                    _ if inline => block_plain(s),
                    _ => flow_plain(s),
                };
                let Some((scalar, after)) = read else {
                    return Err(self.r.decline());
                };
                self.r.end(inline, after)?;
                match how {
                    How::Any => scalar.deserialize_any(visitor),
                    How::Option => scalar.deserialize_option(visitor),
                    How::Enum => scalar.deserialize_enum("", &[], visitor),
                }
            }
        }
    }

    fn block_map<V: Visitor<'de>>(self, indent: usize, visitor: V) -> Result<V::Value, Stop> {
        if !self.r.lines.enter() {
            return Err(Stop);
        }
        let start = self.r.keys.len();
        let mut map = BlockMap {
            start,
            r: self.r,
            indent,
            role: self.role,
            first: true,
            pending: None,
        };
        let v = visitor.visit_map(&mut map)?;
        if map.next_key::<IgnoredAny>()?.is_some() {
            return Err(Stop);
        }
        map.r.keys.truncate(start);
        map.r.lines.depth -= 1;
        Ok(v)
    }

    fn block_seq<V: Visitor<'de>>(self, indent: usize, visitor: V) -> Result<V::Value, Stop> {
        if !self.r.lines.enter() {
            return Err(Stop);
        }
        self.r.mark_list(self.role, false);
        let mut seq = BlockSeq {
            r: self.r,
            indent,
            role: self.role,
            count: 0,
        };
        let v = visitor.visit_seq(&mut seq)?;
        if seq.next_element::<IgnoredAny>()?.is_some() {
            return Err(Stop);
        }
        seq.r.lines.depth -= 1;
        Ok(v)
    }
}

impl<'de> Reader<'de> {
    /// After a value: on its own line only a comment may follow; inside a
    /// flow collection the collection goes on from there.
    fn end(&mut self, inline: bool, after: &'de str) -> Result<(), Stop> {
        if inline {
            if !is_comment_or_empty(after) {
                return Err(self.decline());
            }
        } else {
            self.flow_after = after;
        }
        Ok(())
    }
}

/// A flow collection that closes on this line; returns the text after it.
fn flow<'de, V: Visitor<'de>>(
    r: &mut Reader<'de>,
    s: &'de str,
    depth: usize,
    role: Role,
    visitor: V,
) -> Result<(V::Value, &'de str), Stop> {
    if depth > MAX_DEPTH {
        return Err(r.decline());
    }
    let s = s.trim_start_matches(' ');
    if let Some(rest) = s.strip_prefix('[') {
        r.mark_list(role, false);
        let mut seq = FlowSeq {
            r,
            rest,
            depth,
            role,
            count: 0,
            done: false,
        };
        let v = visitor.visit_seq(&mut seq)?;
        if seq.next_element::<IgnoredAny>()?.is_some() {
            return Err(Stop);
        }
        return Ok((v, seq.rest));
    }
    let Some(rest) = s.strip_prefix('{') else {
        return Err(r.decline());
    };
    let start = r.keys.len();
    let mut map = FlowMap {
        start,
        r,
        rest,
        depth,
        role,
        first: true,
        pending: None,
        done: false,
    };
    let v = visitor.visit_map(&mut map)?;
    if map.next_key::<IgnoredAny>()?.is_some() {
        return Err(Stop);
    }
    map.r.keys.truncate(start);
    Ok((v, map.rest))
}

/// The role of an item of a list with `role`.
fn item_role(role: Role) -> Role {
    if role == Role::TopValue {
        Role::Item
    } else {
        Role::Other
    }
}

/// The role of a value of a mapping with `role`.
fn value_role(role: Role) -> Role {
    if role == Role::Top {
        Role::TopValue
    } else {
        Role::Other
    }
}

struct BlockMap<'r, 'de> {
    r: &'r mut Reader<'de>,
    indent: usize,
    role: Role,
    start: usize,
    first: bool,
    /// The key just read and the text after its colon.
    pending: Option<(Cow<'de, str>, &'de str)>,
}

impl<'de> MapAccess<'de> for BlockMap<'_, 'de> {
    type Error = Stop;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Stop> {
        let Some(line) = self.r.lines.current else {
            return Ok(None);
        };
        if line.indent < self.indent {
            return Ok(None);
        }
        if line.indent > self.indent || is_item(line.text) {
            return Err(self.r.decline());
        }
        let Some((k, rest)) = key(line.text) else {
            return Err(self.r.decline());
        };
        self.r.lines.advance();
        self.r
            .mark_key(self.role, self.first, &k, matches!(k, Cow::Borrowed(_)));
        self.first = false;
        self.pending = Some((k.clone(), rest));
        seed.deserialize(Scalar::Str(k)).map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Stop> {
        let (k, rest) = self.pending.take().ok_or(Stop)?;
        let at = if rest.is_empty() {
            self.nested()
        } else {
            At::Inline(rest)
        };
        let v = self.r.value(seed, at, value_role(self.role))?;
        self.r.insert(self.start, k)?;
        Ok(v)
    }
}

impl BlockMap<'_, '_> {
    /// The value of `key:` with nothing after it: a more indented block, a
    /// sequence at the key's own indent, or null.
    fn nested(&self) -> At<'static> {
        match self.r.lines.current {
            Some(next) if next.indent == self.indent && is_item(next.text) => At::Seq(self.indent),
            next => deeper(next, self.indent),
        }
    }
}

/// A block collection on the lines after `indent`'s, if indented deeper; else null.
fn deeper(next: Option<super::scan::Line<'_>>, indent: usize) -> At<'static> {
    match next {
        Some(next) if next.indent > indent && is_item(next.text) => At::Seq(next.indent),
        Some(next) if next.indent > indent => At::Map(next.indent),
        _ => At::Null,
    }
}

struct BlockSeq<'r, 'de> {
    r: &'r mut Reader<'de>,
    indent: usize,
    role: Role,
    count: usize,
}

impl<'de> SeqAccess<'de> for BlockSeq<'_, 'de> {
    type Error = Stop;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Stop> {
        let indent = self.indent;
        let Some(line) = self.r.lines.current else {
            return Ok(None);
        };
        if line.indent < indent || (line.indent == indent && !is_item(line.text)) {
            return Ok(None);
        }
        if self.count >= MAX_ITEMS {
            self.r.lines.too_many(line.text);
            return Err(Stop);
        }
        if line.indent > indent {
            return Err(self.r.decline());
        }
        let after = &line.text[1..];
        let rest = after.trim_start_matches(' ');
        let at = if rest.is_empty() {
            self.r.lines.advance();
            deeper(self.r.lines.current, indent)
        } else if is_item(rest) {
            return Err(self.r.decline());
        } else if key(rest).is_some() {
            // `- key: value` opens a mapping whose keys line up with `key`.
            let inner = indent + 1 + (after.len() - rest.len());
            self.r.lines.current = Some(super::scan::Line {
                indent: inner,
                text: rest,
            });
            At::Map(inner)
        } else {
            self.r.lines.advance();
            At::Inline(rest)
        };
        self.count += 1;
        self.r.mark_list(self.role, true);
        self.r.value(seed, at, item_role(self.role)).map(Some)
    }
}

/// Whether a flow collection has ended or ends here (its closer next, after
/// spaces), stepping past the closer; else `rest` starts at the next entry.
fn closed(rest: &mut &str, done: &mut bool, close: char) -> bool {
    if *done {
        return true;
    }
    *rest = rest.trim_start_matches(' ');
    if let Some(after) = rest.strip_prefix(close) {
        *rest = after;
        *done = true;
    }
    *done
}

struct FlowSeq<'r, 'de> {
    r: &'r mut Reader<'de>,
    /// The text after the last item (or the opener).
    rest: &'de str,
    depth: usize,
    role: Role,
    count: usize,
    done: bool,
}

impl<'de> SeqAccess<'de> for FlowSeq<'_, 'de> {
    type Error = Stop;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Stop> {
        if closed(&mut self.rest, &mut self.done, ']') {
            return Ok(None);
        }
        let rest = self.rest;
        if self.count >= MAX_ITEMS {
            self.r.lines.too_many(rest);
            return Err(Stop);
        }
        self.r.mark_list(self.role, true);
        let v = self
            .r
            .value(seed, At::Flow(rest, self.depth), item_role(self.role))?;
        let Some(rest) = flow_separator(self.r.flow_after, ']') else {
            return Err(self.r.decline());
        };
        self.rest = rest;
        self.count += 1;
        Ok(Some(v))
    }
}

struct FlowMap<'r, 'de> {
    r: &'r mut Reader<'de>,
    rest: &'de str,
    depth: usize,
    role: Role,
    start: usize,
    first: bool,
    /// The key just read and its value's text.
    pending: Option<(Cow<'de, str>, &'de str)>,
    done: bool,
}

impl<'de> MapAccess<'de> for FlowMap<'_, 'de> {
    type Error = Stop;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Stop> {
        if closed(&mut self.rest, &mut self.done, '}') {
            return Ok(None);
        }
        let Some((k, after)) = map_key(self.rest) else {
            return Err(self.r.decline());
        };
        if !after.starts_with(' ') {
            return Err(self.r.decline());
        }
        self.r
            .mark_key(self.role, self.first, &k, matches!(k, Cow::Borrowed(_)));
        self.first = false;
        self.pending = Some((k.clone(), after.trim_start_matches(' ')));
        seed.deserialize(Scalar::Str(k)).map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Stop> {
        let (k, text) = self.pending.take().ok_or(Stop)?;
        let v = self
            .r
            .value(seed, At::Flow(text, self.depth), value_role(self.role))?;
        let after = self.r.flow_after;
        self.r.insert(self.start, k)?;
        let Some(rest) = flow_separator(after, '}') else {
            return Err(self.r.decline());
        };
        self.rest = rest;
        Ok(v)
    }
}

impl<'de> Deserializer<'de> for Value<'_, 'de> {
    type Error = Stop;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Stop> {
        self.read(visitor, How::Any)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Stop> {
        self.read(visitor, How::Option)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Stop> {
        self.read(visitor, How::Enum)
    }

    forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf unit unit_struct newtype_struct seq tuple
        tuple_struct map struct identifier ignored_any
    }
}

/// A scalar reads as a tree's leaf would: text borrowed where no escape was
/// undone, an enum from text only.
impl<'de> Deserializer<'de> for Scalar<'de> {
    type Error = Stop;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Stop> {
        match self {
            Scalar::Null => visitor.visit_unit(),
            Scalar::Bool(b) => visitor.visit_bool(b),
            Scalar::Int(n) => visitor.visit_u64(n),
            Scalar::Str(Cow::Borrowed(s)) => visitor.visit_borrowed_str(s),
            Scalar::Str(Cow::Owned(s)) => visitor.visit_string(s),
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Stop> {
        match self {
            Scalar::Null => visitor.visit_none(),
            other => visitor.visit_some(other),
        }
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Stop> {
        match self {
            Scalar::Str(s) => visitor.visit_enum(s.into_deserializer()),
            other => other.deserialize_any(visitor),
        }
    }

    forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf unit unit_struct newtype_struct seq tuple
        tuple_struct map struct identifier ignored_any
    }
}

/// `T` read from `text` with no decision yet on what ended it.
pub(super) fn run<'de, T: de::Deserialize<'de>>(
    text: &'de str,
    marked: bool,
) -> (Option<Result<T, Stop>>, Reader<'de>) {
    let mut r = Reader::new(text, marked);
    let result = r.document::<T>();
    (result, r)
}

/// Whether `run` read the whole text and nothing but the text stopped it.
pub(super) fn verdict<T>(result: Option<Result<T, Stop>>, r: &Reader<'_>) -> Verdict<T> {
    match r.lines.halt {
        Some(Halt::TooMany(offset)) => Verdict::TooMany(offset),
        Some(Halt::Declined) => Verdict::Declined,
        None => match result {
            None => Verdict::Declined,
            Some(Ok(v)) if r.lines.current.is_none() && !r.lines.marker => Verdict::Read(v),
            Some(Ok(_)) => Verdict::Declined,
            Some(Err(Stop)) => Verdict::TypeError,
        },
    }
}

pub(super) enum Verdict<T> {
    Read(T),
    Declined,
    TooMany(usize),
    /// The type refused what the text says; the text itself may still be
    /// outside the subset further on.
    TypeError,
}
