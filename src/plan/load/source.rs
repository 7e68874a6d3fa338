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
    line_starts: OnceLock<Vec<usize>>,
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
        let starts = self.line_starts.get_or_init(|| {
            std::iter::once(0)
                .chain(body.match_indices('\n').map(|(i, _)| i + 1))
                .collect()
        });
        let line = starts.partition_point(|&s| s <= offset);
        let start = *starts.get(line.checked_sub(1)?)?;
        let column = body.get(start..offset)?.chars().count() + 1;
        Some(Position {
            file: self.file.clone(),
            line,
            column,
        })
    }

    /// Line `line` (1-based) as written, without its line break.
    pub fn line_text(&self, line: usize) -> Option<&str> {
        let starts = self.line_starts.get()?;
        let start = *starts.get(line.checked_sub(1)?)?;
        let body = self.body();
        let end = starts.get(line).map_or(body.len(), |&e| e - 1);
        body.get(start..end).map(|l| l.trim_end_matches('\r'))
    }
}
