//! The terminal wizard: a thin front end over the same core the CLI uses.
//!
//! [`app`] is the wizard's model and what changes it, [`keys`] what a key
//! means, [`steps`] one module per step (its drawing, keys and help line),
//! [`widgets`] the pieces they draw with, [`ui`] the frame and the pop-ups,
//! [`i18n`] every string, [`state`] the saved session.
//! This file owns the terminal: raw mode, the event loop, and restoring the
//! terminal on every way out (ratatui's panic hook covers panics).

pub mod app;
pub mod history;
pub mod i18n;
pub mod keys;
pub mod state;
mod steps;
pub mod ui;
mod widgets;

pub use app::{Action, App, Config, Step};

use ratatui::crossterm::event::{self, Event, KeyEventKind};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

/// How the wizard ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ending {
    Quit,
    /// By this signal (SIGTERM, SIGHUP, SIGINT, SIGQUIT; Ctrl-C counts as SIGINT):
    /// the session was saved and the terminal restored; exit 128 + N.
    Signal(i32),
}

impl Ending {
    pub fn exit_code(self) -> u8 {
        match self {
            Ending::Quit => 0,
            Ending::Signal(n) => u8::try_from(128 + n).unwrap_or(u8::MAX),
        }
    }
}

/// The signals that end the wizard cleanly.
const SIGNALS: [i32; 4] = [
    signal_hook::consts::SIGTERM,
    signal_hook::consts::SIGHUP,
    signal_hook::consts::SIGINT,
    signal_hook::consts::SIGQUIT,
];

/// The last of [`SIGNALS`] received (0: none). Registered once per process:
/// from then on these signals only set it, and the event loop ends the wizard.
fn signal_flag() -> &'static Arc<AtomicUsize> {
    static FLAG: std::sync::OnceLock<Arc<AtomicUsize>> = std::sync::OnceLock::new();
    FLAG.get_or_init(|| {
        let flag = Arc::new(AtomicUsize::new(0));
        for s in SIGNALS {
            // Without a handler the signal keeps its default action, as before.
            let _ = signal_hook::flag::register_usize(s, Arc::clone(&flag), s as usize);
        }
        flag
    })
}

/// Runs the wizard until the user quits or a signal ends it; returns the app
/// so the caller can print what was written.
pub fn run(app: App) -> std::io::Result<(App, Ending)> {
    signal_flag();
    run_in(ratatui::try_init()?, app)
}

/// [`run`] on a terminal already opened by [`open_while`].
pub fn run_in(
    mut terminal: ratatui::DefaultTerminal,
    mut app: App,
) -> std::io::Result<(App, Ending)> {
    signal_flag();
    let result = event_loop(&mut terminal, &mut app);
    // Whatever ended it: the session is saved, then the terminal restored.
    app.persist();
    ratatui::restore();
    app.finish_saving();
    result.map(|ending| (app, ending))
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
    signal_flag();
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

fn event_loop(terminal: &mut ratatui::DefaultTerminal, app: &mut App) -> std::io::Result<Ending> {
    terminal.draw(|frame| frame.render_widget(&*app, frame.area()))?;
    app.start();
    let mut dirty = true;
    loop {
        let signal = signal_flag().swap(0, Ordering::SeqCst);
        if signal != 0 {
            return Ok(Ending::Signal(signal as i32));
        }
        if dirty {
            terminal.draw(|frame| frame.render_widget(&*app, frame.area()))?;
        }
        // Wake up now and then for signals and the worker's analyses and saves.
        if !event::poll(std::time::Duration::from_millis(40))? {
            dirty = app.poll_computed();
            continue;
        }
        dirty = true;
        if let Event::Key(key) = event::read()?
            && key.kind != KeyEventKind::Release
        {
            match app.on(key) {
                Action::Continue => {}
                Action::Quit => return Ok(Ending::Quit),
                Action::Interrupt => return Ok(Ending::Signal(signal_hook::consts::SIGINT)),
                Action::Suspend => suspend(terminal, app)?,
            }
        }
        app.poll_computed();
    }
}

/// Ctrl-Z: saves, gives the terminal back, stops; on `fg` takes it again.
fn suspend(terminal: &mut ratatui::DefaultTerminal, app: &mut App) -> std::io::Result<()> {
    use ratatui::crossterm::{execute, terminal as term};
    app.persist();
    ratatui::restore();
    signal_hook::low_level::raise(signal_hook::consts::SIGTSTP)?;
    term::enable_raw_mode()?;
    execute!(std::io::stdout(), term::EnterAlternateScreen)?;
    terminal.clear()
}
