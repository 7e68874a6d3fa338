//! Step 3: the system in Altinn's register. Its keys are the form's.

use super::draw_form;
use crate::rules::Wording;
use crate::tui::Step;
use crate::tui::app::App;
use crate::tui::i18n::{Strings, fill};
use crate::tui::widgets::{Theme, prose};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;

/// The keys line.
pub(crate) fn keys(_app: &App, t: &Strings) -> &'static str {
    t.keys_form
}

/// The review's findings this step fixes, at most this many (the rest are counted).
const FINDINGS_SHOWN: usize = 3;

/// The form; below it the review's findings that this step fixes (a visible
/// system with client-only packages is refused by Altinn), then what the
/// selected row means.
pub(crate) fn draw(app: &App, t: &Strings, th: Theme, area: Rect, buf: &mut Buffer) {
    let mut below = Vec::new();
    let here: Vec<usize> = (0..app.computed.report.findings.len())
        .filter(|&i| matches!(app.finding_target(i), Some((Step::System, _))))
        .collect();
    for &i in here.iter().take(FINDINGS_SHOWN) {
        let f = &app.computed.report.findings[i];
        let (mark, style) = th.severity(f.severity);
        below.push(Line::styled(
            format!("{mark} {}", f.message(Wording::wizard(app.lang))),
            style,
        ));
    }
    if here.len() > FINDINGS_SHOWN {
        let more = (here.len() - FINDINGS_SHOWN).to_string();
        below.push(Line::styled(fill(t.more_on_review, &[&more]), th.dim()));
    }
    if !here.is_empty() {
        below.push(Line::raw(""));
    }
    let help = app.selected_row().map_or("", |row| row.help(t));
    below.push(Line::styled(prose(help), th.dim()));
    draw_form(app, (t, th), area, buf, t.system_intro, below);
}
