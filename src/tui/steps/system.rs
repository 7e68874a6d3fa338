//! Step 3: the system in Altinn's register. Its keys are the form's.

use super::draw_form;
use crate::tui::app::App;
use crate::tui::i18n::Strings;
use crate::tui::widgets::{Theme, prose};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;

/// The keys line.
pub(crate) fn keys(_app: &App, t: &Strings) -> &'static str {
    t.keys_form
}

/// The form, and below it what the selected row means.
pub(crate) fn draw(app: &App, t: &Strings, th: Theme, area: Rect, buf: &mut Buffer) {
    let help = app.selected_row().map_or("", |row| row.help(t));
    let below = vec![Line::styled(prose(help), th.dim())];
    draw_form(app, (t, th), area, buf, t.system_intro, below);
}
