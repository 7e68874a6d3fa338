//! The last step: which files to write, and those written so far. Its keys
//! are the form's; the writing itself is in `app::files`.

use super::draw_form;
use crate::tui::app::App;
use crate::tui::i18n::Strings;
use crate::tui::widgets::{Theme, prose};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;

/// The keys line: `n` (next) writes the files on the last step.
pub(crate) fn keys(_app: &App, t: &Strings) -> &'static str {
    t.keys_export
}

pub(crate) fn draw(app: &App, t: &Strings, th: Theme, area: Rect, buf: &mut Buffer) {
    let mut below = vec![Line::styled(prose(t.help_export), th.dim())];
    if !app.exported.is_empty() {
        below.push(Line::raw(""));
        below.push(Line::styled(t.written_so_far, th.bold()));
        for p in &app.exported {
            below.push(Line::styled(format!("  ✓ {}", p.display()), th.ok()));
        }
    }
    draw_form(app, (t, th), area, buf, t.export_intro, below);
}
