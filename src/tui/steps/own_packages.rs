//! Step 4: the packages the organisation needs for its own reporting, picked
//! from the catalog. A pick also goes to the system's register when the
//! register lacks it.

use crate::plan::PackageRef;
use crate::tui::app::App;
use crate::tui::history::Part;
use crate::tui::i18n::{self, Strings};
use crate::tui::widgets::{Theme, draw_picker, step_block};
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

/// The keys line: the picker's, or the search field's while typing.
pub(crate) fn keys(app: &App, t: &Strings) -> &'static str {
    if app.picker.filtering {
        t.keys_filter
    } else {
        t.keys_picker
    }
}

pub(crate) fn draw(app: &App, t: &Strings, th: Theme, area: Rect, buf: &mut Buffer) {
    let block = step_block(app, t, th);
    let inner = block.inner(area);
    block.render(area, buf);
    draw_picker(&app.picker, app, t, th, inner, buf, Some(t.own_intro));
}

pub(crate) fn on_key(app: &mut App, key: KeyEvent) {
    app.picker.on(key);
    if app.picker.chosen != app.plan.own_packages {
        own_packages_picked(app);
    }
}

/// The organisation's needs follow the picker, and a package the system
/// register lacks is added there too (the system can only act with
/// packages it registers), saying so.
fn own_packages_picked(app: &mut App) {
    let before = Part::Group(vec![
        Part::OwnPackages(app.plan.own_packages.clone()),
        Part::System(app.plan.system.clone()),
    ]);
    app.plan.own_packages = app.picker.chosen.clone();
    let missing: Vec<PackageRef> = app
        .plan
        .own_packages
        .iter()
        .filter(|p| !app.plan.system.access_packages.contains(p))
        .cloned()
        .collect();
    let added = missing
        .iter()
        .map(|p| p.code().to_string())
        .collect::<Vec<_>>()
        .join(", ");
    app.plan.system.access_packages.extend(missing);
    app.changed_from(before);
    if !added.is_empty() {
        app.status = Some(i18n::fill(app.t().added_to_register, &[&added]));
    }
}
