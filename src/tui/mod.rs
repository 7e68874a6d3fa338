//! The terminal wizard: a thin front end over the same core the CLI uses.
//!
//! [`app`] holds the state and its pure key transitions, [`ui`] draws it,
//! [`i18n`] has every string, [`state`] saves the answers after every step.
//! This file owns the terminal: raw mode, the event loop, and restoring the
//! terminal on every way out (ratatui's panic hook covers panics).

pub mod app;
pub mod history;
pub mod i18n;
pub mod state;
pub mod ui;

pub use app::{Action, App, Config, Step};

use ratatui::crossterm::event::{self, Event, KeyEventKind};

/// Runs the wizard until the user quits; returns the app so the caller can
/// print what was written.
pub fn run(app: App) -> std::io::Result<App> {
    run_in(ratatui::try_init()?, app)
}

/// [`run`] on a terminal already opened by [`open_while`].
pub fn run_in(mut terminal: ratatui::DefaultTerminal, mut app: App) -> std::io::Result<App> {
    let result = event_loop(&mut terminal, &mut app);
    ratatui::restore();
    app.finish_saving();
    result.map(|()| app)
}

/// Opens the terminal and shows `message` while `work` runs (reading a large
/// plan takes a fifth of a second), so the first frame does not wait for it.
/// When `work` fails the terminal is restored before the error is returned,
/// so that it prints as on the command line.
pub fn open_while<T, E>(
    message: &str,
    work: impl FnOnce() -> Result<T, E>,
) -> anyhow::Result<(ratatui::DefaultTerminal, T)>
where
    E: Into<anyhow::Error>,
{
    let mut terminal = ratatui::try_init()?;
    let drawn = terminal.draw(|frame| {
        let area = frame.area();
        let line = ratatui::text::Line::raw(format!(" sysuser  {message}"));
        frame.render_widget(line, ratatui::layout::Rect { height: 1, ..area });
    });
    match drawn
        .map_err(anyhow::Error::from)
        .and_then(|_| work().map_err(Into::into))
    {
        Ok(value) => Ok((terminal, value)),
        Err(e) => {
            ratatui::restore();
            Err(e)
        }
    }
}

fn event_loop(terminal: &mut ratatui::DefaultTerminal, app: &mut App) -> std::io::Result<()> {
    terminal.draw(|frame| frame.render_widget(&*app, frame.area()))?;
    app.start();
    loop {
        terminal.draw(|frame| frame.render_widget(&*app, frame.area()))?;
        // While advice is worked out in the background, wake up to show it.
        while app.computing() && !event::poll(std::time::Duration::from_millis(40))? {
            if app.poll_computed() {
                terminal.draw(|frame| frame.render_widget(&*app, frame.area()))?;
            }
        }
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

/// Scenario F's two options for this plan, as lines beside the choice: the
/// same figures `sysuser compare` prints.
pub fn compare_lines(app: &App) -> Vec<String> {
    let t = app.t();
    let Some(c) = &app.computed.compare else {
        return Vec::new();
    };
    if !c.applies {
        return vec![t.compare_none.to_string()];
    }
    let side = |label: &str, s: &crate::compare::OptionSide| {
        let users: Vec<String> = s
            .system_users
            .iter()
            .map(|u| {
                format!(
                    "{} ({})",
                    u.name,
                    crate::text::thousands_in(u.clients, app.lang)
                )
            })
            .collect();
        i18n::fill(
            t.compare_side,
            &[
                label,
                &s.system_users.len().to_string(),
                &crate::text::thousands_in(s.client_links, app.lang),
                &users.join(", "),
            ],
        )
    };
    let recommended = if c.recommended == "per-service" {
        t.f_per_service
    } else {
        t.f_per_combination
    };
    vec![
        i18n::fill(
            t.compare_applies,
            &[
                &crate::text::thousands_in(c.f_clients, app.lang),
                &c.extra_services.join(", "),
            ],
        ),
        side(t.compare_option_1, &c.option_1),
        side(t.compare_option_2, &c.option_2),
        i18n::fill(t.compare_recommended, &[recommended]),
    ]
}
