//! Where a plan's entries are written, so that findings can point at them
//! (`--> plan.yaml:42:7`). Offsets are kept while loading; lines and columns
//! are worked out only for the entries a report names.

use crate::fastyaml::Marks;
use crate::plan::Plan;
use serde::Serialize;
use std::sync::OnceLock;

/// An entry of the plan a finding can be about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Subject {
    Organisation,
    System,
    /// By index in `clients`, `teams`, `system_users`.
    Client(usize),
    Team(usize),
    SystemUser(usize),
}

/// A place in a file, 1-based; the column counts characters.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Position {
    pub file: String,
    pub line: usize,
    pub column: usize,
}

/// Entry offsets in the plan text (and the text, to show the line).
#[derive(Debug, Default)]
pub struct SourceMap {
    file: String,
    text: String,
    /// Bytes before the text proper (a byte-order mark).
    skip: usize,
    organisation: Option<usize>,
    system: Option<usize>,
    clients: Vec<usize>,
    teams: Vec<usize>,
    system_users: Vec<usize>,
    /// The first YAML alias, if the plan uses any (only the general parser reads them).
    alias: Option<usize>,
    lines: OnceLock<LineIndex>,
}

/// Where the lines are, without an entry per line: how many line breaks come
/// before each block of [`BLOCK`] bytes, the rest counted when asked. A plan
/// of a million clients has seven million lines; an entry per line cost
/// 56 MB and a `memchr` call per line (5 % of `check`) to place the handful of
/// findings that are printed.
#[derive(Debug, Default)]
struct LineIndex {
    /// Line breaks before block `i`.
    before: Vec<usize>,
}

const BLOCK: usize = 1 << 16;

/// Line breaks in `bytes`, by a loop the compiler vectorises.
fn breaks(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| b == b'\n').count()
}

impl LineIndex {
    fn of(body: &[u8]) -> LineIndex {
        let mut before = Vec::with_capacity(body.len() / BLOCK + 1);
        let mut n = 0;
        for block in body.chunks(BLOCK) {
            before.push(n);
            n += breaks(block);
        }
        LineIndex { before }
    }

    /// The 1-based line `offset` is on.
    fn line_at(&self, body: &[u8], offset: usize) -> Option<usize> {
        // At the very end of a file of whole blocks there is no block `offset / BLOCK`.
        let block = (offset / BLOCK).min(self.before.len().saturating_sub(1));
        let counted = *self.before.get(block).unwrap_or(&0);
        Some(counted + breaks(body.get(block * BLOCK..offset)?) + 1)
    }

    /// Where 1-based line `line` starts.
    fn start_of(&self, body: &[u8], line: usize) -> Option<usize> {
        let skip = line.checked_sub(1)?;
        if skip == 0 {
            return Some(0);
        }
        // The last block with fewer than `skip` breaks before it holds the break.
        let block = self.before.partition_point(|&n| n < skip).checked_sub(1)?;
        let mut left = skip - self.before[block];
        for (i, &b) in body.get(block * BLOCK..)?.iter().enumerate() {
            if b == b'\n' {
                left -= 1;
                if left == 0 {
                    return Some(block * BLOCK + i + 1);
                }
            }
        }
        None
    }
}

const LISTS: [&str; 3] = ["clients", "teams", "system_users"];

impl SourceMap {
    /// From the fast reader's marks: keys it did not unescape are where
    /// they are written.
    pub(crate) fn from_marks(marks: Marks) -> SourceMap {
        let mut map = SourceMap::default();
        for mark in marks.entries {
            match mark.key.as_str() {
                "organisation" => map.organisation = mark.at,
                "system" => map.system = mark.at,
                list if LISTS.contains(&list) => {
                    *map.list_mut(list) = mark.items.unwrap_or_default();
                }
                _ => {}
            }
        }
        map
    }

    /// For text the fast reader declined: top-level keys at the start of a
    /// line and the `- ` items of their block lists. A list whose items are
    /// not all found this way (flow style) gets no positions rather than wrong ones.
    pub(crate) fn from_lines(text: &str, plan: &Plan) -> SourceMap {
        let mut map = SourceMap {
            alias: super::guard::first_alias(text),
            ..SourceMap::default()
        };
        let mut list: Option<(&str, Option<usize>, Vec<usize>)> = None;
        let finish = |map: &mut SourceMap, list: Option<(&str, Option<usize>, Vec<usize>)>| {
            if let Some((name, _, offsets)) = list {
                *map.list_mut(name) = offsets;
            }
        };
        let mut offset = 0;
        for line in text.split_inclusive('\n') {
            let start = offset;
            offset += line.len();
            let content = line.trim_start_matches(' ');
            let indent = line.len() - content.len();
            if content.trim().is_empty() || content.starts_with('#') {
                continue;
            }
            if indent == 0 && !content.starts_with('-') {
                finish(&mut map, list.take());
                let key = content.split(':').next().unwrap_or_default().trim();
                match key {
                    "organisation" => map.organisation = Some(start),
                    "system" => map.system = Some(start),
                    k if LISTS.contains(&k) => {
                        let name = LISTS.iter().find(|l| **l == k).copied().unwrap_or_default();
                        list = Some((name, None, Vec::new()));
                    }
                    _ => {}
                }
                continue;
            }
            if let Some((_, item_indent, offsets)) = &mut list
                && (content == "-\n" || content.starts_with("- ") || content.trim_end() == "-")
                && *item_indent.get_or_insert(indent) == indent
            {
                let after = content[1..].trim_start_matches(' ');
                let at = if after.trim().is_empty() {
                    start + indent
                } else {
                    start + line.len() - after.len()
                };
                offsets.push(at);
            }
        }
        finish(&mut map, list);
        for (name, want) in [
            ("clients", plan.clients.len()),
            ("teams", plan.teams.len()),
            ("system_users", plan.system_users.len()),
        ] {
            if map.list_mut(name).len() != want {
                map.list_mut(name).clear();
            }
        }
        map
    }

    fn list_mut(&mut self, name: &str) -> &mut Vec<usize> {
        match name {
            "clients" => &mut self.clients,
            "teams" => &mut self.teams,
            _ => &mut self.system_users,
        }
    }

    /// Gives the map the text its offsets are in, and the file's name.
    pub(crate) fn with_text(mut self, file: &str, text: String, skip: usize) -> SourceMap {
        self.file = file.to_string();
        self.text = text;
        self.skip = skip;
        self
    }

    /// Where the plan first uses a YAML alias (`*name`): writing it back would
    /// write every alias out in full.
    pub fn alias(&self) -> Option<Position> {
        self.position_at(self.alias?)
    }

    fn offset(&self, subject: Subject) -> Option<usize> {
        match subject {
            Subject::Organisation => self.organisation,
            Subject::System => self.system,
            Subject::Client(i) => self.clients.get(i).copied(),
            Subject::Team(i) => self.teams.get(i).copied(),
            Subject::SystemUser(i) => self.system_users.get(i).copied(),
        }
    }

    fn body(&self) -> &str {
        self.text.get(self.skip..).unwrap_or_default()
    }

    /// Where `subject` is written, if known.
    pub fn position(&self, subject: Subject) -> Option<Position> {
        self.position_at(self.offset(subject)?)
    }

    fn position_at(&self, offset: usize) -> Option<Position> {
        let body = self.body();
        let lines = self.lines.get_or_init(|| LineIndex::of(body.as_bytes()));
        let line = lines.line_at(body.as_bytes(), offset)?;
        let before = body.get(..offset)?;
        let start = before.rfind('\n').map_or(0, |i| i + 1);
        let column = before[start..].chars().count() + 1;
        Some(Position {
            file: self.file.clone(),
            line,
            column,
        })
    }

    /// Line `line` (1-based) as written, without its line break.
    pub fn line_text(&self, line: usize) -> Option<&str> {
        let lines = self.lines.get()?;
        let body = self.body();
        let start = lines.start_of(body.as_bytes(), line)?;
        let rest = body.get(start..)?;
        let end = rest.find('\n').unwrap_or(rest.len());
        Some(rest[..end].trim_end_matches('\r'))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The block index agrees with an entry per line, across block edges.
    #[test]
    fn lines_are_found_as_by_a_full_index() {
        let mut text = String::new();
        for i in 0..40_000 {
            text.push_str(&"x".repeat(i % 7));
            text.push_str(if i % 5 == 0 { "é\r\n" } else { "\n" });
        }
        let body = text.as_bytes();
        let starts: Vec<usize> = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        let index = LineIndex::of(body);
        for offset in (0..=body.len()).step_by(97).chain([body.len()]) {
            let want = starts.partition_point(|&s| s <= offset);
            assert_eq!(index.line_at(body, offset), Some(want), "offset {offset}");
        }
        assert_eq!(index.line_at(body, body.len() + 1), None);
        for line in (1..=starts.len()).step_by(13).chain([starts.len()]) {
            assert_eq!(
                index.start_of(body, line),
                Some(starts[line - 1]),
                "line {line}"
            );
        }
        assert_eq!(index.start_of(body, starts.len() + 1), None);
        assert_eq!(index.start_of(body, 0), None);
        let whole = "x\n".repeat(BLOCK);
        let index = LineIndex::of(whole.as_bytes());
        let end = whole.len();
        assert_eq!(index.line_at(whole.as_bytes(), end), Some(BLOCK + 1));
        let empty = LineIndex::of(b"");
        assert_eq!(empty.line_at(b"", 0), Some(1));
        assert_eq!(empty.start_of(b"", 1), Some(0));
        assert_eq!(empty.start_of(b"", 2), None);
    }
}
