//! Step 1: the language, and whether to continue, start anew or open a file.
//! Its keys are the form's (see `App::on_form`).

use crate::tui::app::{App, Row};
use crate::tui::i18n::Strings;
use crate::tui::widgets::{Theme, form_lines, prose, step_block};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget, Wrap};

/// The keys line.
pub(crate) fn keys(_app: &App, t: &Strings) -> &'static str {
    t.keys_welcome
}

pub(crate) fn draw(app: &App, t: &Strings, th: Theme, area: Rect, buf: &mut Buffer) {
    let block = step_block(app, t, th);
    let inner = block.inner(area);
    block.render(area, buf);
    let rows = app.rows();
    let mut lines = vec![Line::styled(t.welcome_title, th.accent()), Line::raw("")];
    lines.push(Line::raw(prose(t.welcome_text)));
    lines.push(Line::raw(""));
    if let Some(found) = app.found_summary() {
        lines.push(Line::styled(found, th.ok()));
        lines.push(Line::raw(""));
    }
    lines.extend(form_lines(app, t, th, &rows, app.sel, inner.width));
    if app.input.as_ref().is_some_and(|i| i.row == Row::OpenFile) {
        lines.push(Line::raw(""));
        lines.push(Line::styled(prose(t.open_file_help), th.dim()));
    }
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .render(inner, buf);
}
