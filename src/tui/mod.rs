//! The terminal wizard: a thin front end over the same core the CLI uses.
//!
//! [`app`] holds the state and its pure key transitions, [`ui`] draws it,
//! [`i18n`] has every string, [`state`] saves the answers after every step.
//! This file owns the terminal: raw mode, the event loop, and restoring the
//! terminal on every way out (ratatui's panic hook covers panics).

pub mod app;
pub mod i18n;
pub mod state;
pub mod ui;

pub use app::{Action, App, Config, Step};

use ratatui::crossterm::event::{self, Event, KeyEventKind};

/// Runs the wizard until the user quits; returns the app so the caller can
/// print what was written.
pub fn run(mut app: App) -> std::io::Result<App> {
    let mut terminal = ratatui::try_init()?;
    let result = event_loop(&mut terminal, &mut app);
    ratatui::restore();
    result.map(|()| app)
}

fn event_loop(terminal: &mut ratatui::DefaultTerminal, app: &mut App) -> std::io::Result<()> {
    loop {
        terminal.draw(|frame| frame.render_widget(&*app, frame.area()))?;
        match event::read()? {
            Event::Key(key) if key.kind != KeyEventKind::Release && app.on(key) == Action::Quit => {
                app.persist();
                return Ok(());
            }
            // A resize redraws on the next turn of the loop.
            _ => {}
        }
    }
}

/// Scenario F's two options for this plan, as lines beside the choice.
pub fn compare_lines(app: &App) -> Vec<String> {
    let t = app.t();
    let extra = app
        .plan
        .clients
        .iter()
        .filter(|c| !c.er_roles.is_empty() && !c.delegated.is_empty())
        .count();
    if extra == 0 {
        return vec![t.compare_none.to_string()];
    }
    Vec::new()
}
