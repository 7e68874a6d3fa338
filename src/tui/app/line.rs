//! One line of text being typed, with a cursor: every text field and search
//! field of the wizard edits through [`TextLine::edit`], so the readline keys
//! mean the same everywhere.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// The text and where the cursor is in it (a character index, 0 ..= length).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TextLine {
    pub text: String,
    pub cursor: usize,
}

impl TextLine {
    /// `text` with the cursor after it.
    pub fn new(text: impl Into<String>) -> TextLine {
        let text = text.into();
        let cursor = text.chars().count();
        TextLine { text, cursor }
    }

    pub fn as_str(&self) -> &str {
        &self.text
    }

    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    pub fn clear(&mut self) {
        self.text.clear();
        self.cursor = 0;
    }

    /// The byte offset of character `i`.
    fn byte(&self, i: usize) -> usize {
        self.text
            .char_indices()
            .nth(i)
            .map_or(self.text.len(), |(b, _)| b)
    }

    /// The text before and after the cursor.
    pub fn split(&self) -> (&str, &str) {
        self.text.split_at(self.byte(self.cursor))
    }

    /// The editing keys: Backspace and Ctrl-H delete the character before
    /// the cursor, Delete the one under it, Ctrl-W the word before it, Ctrl-U
    /// everything before it, Ctrl-K everything after it; Ctrl-A and Home go
    /// to the start, Ctrl-E and End to the end, ← → (Ctrl-B, Ctrl-F) one
    /// character; other characters are typed at the cursor. `false` when the
    /// key is not an editing key.
    pub fn edit(&mut self, key: KeyEvent) -> bool {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        let len = self.text.chars().count();
        self.cursor = self.cursor.min(len);
        match key.code {
            KeyCode::Backspace | KeyCode::Char('h') if key.code == KeyCode::Backspace || ctrl => {
                if self.cursor > 0 {
                    self.cursor -= 1;
                    let at = self.byte(self.cursor);
                    self.text.remove(at);
                }
            }
            KeyCode::Delete => {
                if self.cursor < len {
                    let at = self.byte(self.cursor);
                    self.text.remove(at);
                }
            }
            KeyCode::Char('w') if ctrl => {
                let (before, _) = self.split();
                let kept = before
                    .trim_end()
                    .rfind(char::is_whitespace)
                    .map_or(0, |i| i + 1);
                let end = before.len();
                let removed = before[kept..].chars().count();
                self.text.replace_range(kept..end, "");
                self.cursor -= removed;
            }
            KeyCode::Char('u') if ctrl => {
                let end = self.byte(self.cursor);
                self.text.replace_range(..end, "");
                self.cursor = 0;
            }
            KeyCode::Char('k') if ctrl => {
                let start = self.byte(self.cursor);
                self.text.truncate(start);
            }
            KeyCode::Char('a') if ctrl => self.cursor = 0,
            KeyCode::Home => self.cursor = 0,
            KeyCode::Char('e') if ctrl => self.cursor = len,
            KeyCode::End => self.cursor = len,
            KeyCode::Char('b') if ctrl => self.cursor = self.cursor.saturating_sub(1),
            KeyCode::Left => self.cursor = self.cursor.saturating_sub(1),
            KeyCode::Char('f') if ctrl => self.cursor = (self.cursor + 1).min(len),
            KeyCode::Right => self.cursor = (self.cursor + 1).min(len),
            KeyCode::Char(_) if ctrl => {}
            KeyCode::Char(c) => {
                let at = self.byte(self.cursor);
                self.text.insert(at, c);
                self.cursor += 1;
            }
            _ => return false,
        }
        true
    }
}

impl std::fmt::Display for TextLine {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text)
    }
}

#[cfg(test)]
mod tests {
    use super::TextLine;
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    fn keys(line: &mut TextLine, keys: &[KeyEvent]) {
        for k in keys {
            line.edit(*k);
        }
    }
    fn k(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }
    fn ctrl(c: char) -> KeyEvent {
        KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)
    }

    #[test]
    fn readline_keys_edit_at_the_cursor() {
        let mut l = TextLine::new("Rett Revisjon AS");
        keys(&mut l, &[ctrl('a'), k(KeyCode::Char('Ø'))]);
        assert_eq!((l.as_str(), l.cursor), ("ØRett Revisjon AS", 1));
        keys(&mut l, &[ctrl('h')]);
        assert_eq!(l.as_str(), "Rett Revisjon AS");
        keys(&mut l, &[ctrl('e'), ctrl('w')]);
        assert_eq!((l.as_str(), l.cursor), ("Rett Revisjon ", 14));
        keys(&mut l, &[k(KeyCode::Left), k(KeyCode::Left), ctrl('w')]);
        assert_eq!((l.as_str(), l.cursor), ("Rett n ", 5));
        keys(&mut l, &[ctrl('u')]);
        assert_eq!((l.as_str(), l.cursor), ("n ", 0));
        keys(&mut l, &[k(KeyCode::Right), ctrl('k')]);
        assert_eq!((l.as_str(), l.cursor), ("n", 1));
        keys(
            &mut l,
            &[k(KeyCode::Home), k(KeyCode::Delete), k(KeyCode::Delete)],
        );
        assert_eq!((l.as_str(), l.cursor), ("", 0));
        assert!(!l.edit(k(KeyCode::Enter)));
    }

    #[test]
    fn the_cursor_counts_characters_not_bytes() {
        let mut l = TextLine::new("blåbær");
        keys(&mut l, &[k(KeyCode::Left), k(KeyCode::Backspace)]);
        assert_eq!(l.as_str(), "blåbr");
        assert_eq!(l.split(), ("blåb", "r"));
    }
}
