//! Step 2: the organisation's number, name and form. Its keys are the form's.

use super::draw_form;
use crate::tui::app::{App, UNSET_ORGNR};
use crate::tui::i18n::Strings;
use crate::tui::widgets::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;

/// The keys line.
pub(crate) fn keys(_app: &App, t: &Strings) -> &'static str {
    t.keys_form
}

/// The form, and below it whether the number's check digit holds.
pub(crate) fn draw(app: &App, t: &Strings, th: Theme, area: Rect, buf: &mut Buffer) {
    let mut below = Vec::new();
    let o = &app.plan.organisation.orgnr;
    if o.as_str() != UNSET_ORGNR {
        if o.has_valid_check_digit() {
            below.push(Line::styled(format!("✓ {}", t.orgnr_valid), th.ok()));
        } else {
            below.push(Line::styled(format!("✗ {}", t.orgnr_bad_check), th.error()));
        }
    }
    draw_form(app, (t, th), area, buf, t.org_intro, below);
}
