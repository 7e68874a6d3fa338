//! One module per step of the wizard: each owns its drawing, its keys and
//! the help line at the bottom. The wizard's model and the keys every step
//! shares are in [`super::app`]; the pieces every step draws with are in
//! [`super::widgets`].
//!
//! The steps live beside `app` rather than inside it so that a step reaches
//! the model only through what `app` lets every step use.

pub(crate) mod clients;
pub(crate) mod decision;
pub(crate) mod export;
pub(crate) mod options;
pub(crate) mod organisation;
pub(crate) mod own_packages;
pub(crate) mod review;
pub(crate) mod system;
pub(crate) mod teams;
pub(crate) mod welcome;

use super::app::{App, Step};
use super::i18n::Strings;
use super::widgets::{Theme, form_lines, prose, step_block};
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget, Wrap};

/// Draws the current step in `area`.
pub(crate) fn draw(app: &App, t: &Strings, th: Theme, area: Rect, buf: &mut Buffer) {
    match app.step {
        Step::Welcome => welcome::draw(app, t, th, area, buf),
        Step::Organisation => organisation::draw(app, t, th, area, buf),
        Step::System => system::draw(app, t, th, area, buf),
        Step::OwnPackages => own_packages::draw(app, t, th, area, buf),
        Step::Clients => clients::draw(app, t, th, area, buf),
        Step::Teams => teams::draw(app, t, th, area, buf),
        Step::Options => options::draw(app, t, th, area, buf),
        Step::Decision => decision::draw(app, t, th, area, buf),
        Step::Review => review::draw(app, t, th, area, buf),
        Step::Export => export::draw(app, t, th, area, buf),
    }
}

/// The current step's keys, for the bottom line.
pub(crate) fn keys(app: &App, t: &Strings) -> &'static str {
    match app.step {
        Step::Welcome => welcome::keys(app, t),
        Step::Organisation => organisation::keys(app, t),
        Step::System => system::keys(app, t),
        Step::OwnPackages => own_packages::keys(app, t),
        Step::Clients => clients::keys(app, t),
        Step::Teams => teams::keys(app, t),
        Step::Options => options::keys(app, t),
        Step::Decision => decision::keys(app, t),
        Step::Review => review::keys(app, t),
        Step::Export => export::keys(app, t),
    }
}

/// A key the wizard's shared keys did not take: the current step's.
pub(crate) fn on_key(app: &mut App, key: KeyEvent) {
    match app.step {
        Step::OwnPackages => own_packages::on_key(app, key),
        Step::Clients => clients::on_key(app, key),
        Step::Teams => teams::on_key(app, key),
        Step::Decision => decision::on_key(app, key),
        Step::Review => review::on_key(app, key),
        Step::Welcome | Step::Organisation | Step::System | Step::Options | Step::Export => {
            app.on_form(key)
        }
    }
}

/// A form step: its intro, its rows, then the step's own lines below them.
fn draw_form(
    app: &App,
    (t, th): (&Strings, Theme),
    area: Rect,
    buf: &mut Buffer,
    intro: &str,
    below: Vec<Line<'static>>,
) {
    let block = step_block(app, t, th);
    let inner = block.inner(area);
    block.render(area, buf);
    let rows = app.rows();
    let mut lines = vec![Line::styled(prose(intro), th.dim())];
    lines.push(Line::raw(""));
    lines.extend(form_lines(app, t, th, &rows, app.sel, inner.width));
    lines.push(Line::raw(""));
    lines.extend(below);
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .render(inner, buf);
}
