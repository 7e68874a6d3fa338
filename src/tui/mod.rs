//! The terminal wizard: a thin front end over the same core the CLI uses.
//!
//! [`app`] is the wizard's model and what changes it, [`keys`] what a key
//! means, [`steps`] one module per step (its drawing, keys and help line),
//! [`widgets`] the pieces they draw with, [`ui`] the frame and the pop-ups,
//! [`i18n`] every string, [`state`] the saved session.
//! This file owns the terminal: raw mode, the event loop, and restoring the
//! terminal on every way out (ratatui's panic hook covers panics).

pub mod app;
pub mod events;
pub mod history;
pub mod i18n;
pub mod keys;
pub mod state;
mod steps;
pub mod ui;
mod widgets;

pub use app::{Action, App, Config, Effect, Outcome, Step};

use events::EventSource;
use ratatui::crossterm::event::{Event, KeyEventKind};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

/// How the wizard ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ending {
    Quit,
    /// By this signal (SIGTERM, SIGHUP, SIGINT, SIGQUIT; Ctrl-C counts as SIGINT):
    /// the session was saved and the terminal restored; exit 128 + N.
    Signal(i32),
    /// The terminal went away without a signal (its input ended or hung up):
    /// the session was saved; exit 129, as for a hang-up.
    TerminalGone,
}

impl Ending {
    pub fn exit_code(self) -> u8 {
        match self {
            Ending::Quit => 0,
            Ending::Signal(n) => u8::try_from(128 + n).unwrap_or(u8::MAX),
            Ending::TerminalGone => {
                u8::try_from(128 + signal_hook::consts::SIGHUP).unwrap_or(u8::MAX)
            }
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
    let ending = match events::Terminal::open() {
        Ok(mut events) => drive(&mut terminal, &mut app, &mut events),
        Err(_) => {
            app.persist();
            Ending::TerminalGone
        }
    };
    // Whatever ended it, the session was saved (`drive`); the terminal is restored.
    if ending == Ending::TerminalGone {
        // Nothing to restore and nowhere to say that it failed: dropping the
        // terminal would try to show the cursor and print that it could not.
        let _ = ratatui::try_restore();
        std::mem::forget(terminal);
    } else {
        ratatui::restore();
    }
    app.finish_saving();
    Ok((app, ending))
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

/// Runs the wizard on `terminal`, reading `events`, until it ends, and
/// saves the session however it ended (the caller restores the terminal and
/// waits for the save with [`App::finish_saving`]).
pub fn drive<B: ratatui::backend::Backend>(
    terminal: &mut ratatui::Terminal<B>,
    app: &mut App,
    events: &mut dyn EventSource,
) -> Ending {
    let mut runner = Runner::default();
    let ending = match event_loop(terminal, app, events, &mut runner) {
        Ok(ending) => ending,
        // Reading or drawing failed: the terminal is gone.
        Err(_) => Ending::TerminalGone,
    };
    // An export under way is finished (it is listed after quitting); a file
    // read that ends now is dropped: it would replace a plan the user never saw.
    for outcome in runner.finish() {
        app.on_outcome(outcome);
    }
    app.persist();
    ending
}

/// Runs the effects keys ask for ([`Effect`]: reading a file, writing the
/// export) each on a thread of its own, so the input thread never waits on
/// a file, and collects what they came to.
struct Runner {
    tx: std::sync::mpsc::Sender<Outcome>,
    rx: std::sync::mpsc::Receiver<Outcome>,
    /// Effects to wait for before the wizard ends (exports).
    pending: Vec<std::thread::JoinHandle<()>>,
}

impl Default for Runner {
    fn default() -> Runner {
        let (tx, rx) = std::sync::mpsc::channel();
        Runner {
            tx,
            rx,
            pending: Vec::new(),
        }
    }
}

impl Runner {
    /// Starts the app's queued effects and hands it what finished; `true`
    /// when something finished (the screen changed).
    fn turn(&mut self, app: &mut App) -> bool {
        for effect in app.take_effects() {
            let tx = self.tx.clone();
            let wait = effect.must_finish();
            let handle = std::thread::spawn(move || {
                let _ = tx.send(effect.run());
            });
            if wait {
                self.pending.push(handle);
            }
        }
        self.pending.retain(|h| !h.is_finished());
        let mut changed = false;
        for outcome in self.rx.try_iter() {
            app.on_outcome(outcome);
            changed = true;
        }
        changed
    }

    /// Waits for the effects that must finish; what they came to.
    fn finish(self) -> Vec<Outcome> {
        for handle in self.pending {
            let _ = handle.join();
        }
        self.rx
            .try_iter()
            .filter(|o| matches!(o, Outcome::Exported { .. }))
            .collect()
    }
}

fn event_loop<B: ratatui::backend::Backend>(
    terminal: &mut ratatui::Terminal<B>,
    app: &mut App,
    events: &mut dyn EventSource,
    runner: &mut Runner,
) -> std::io::Result<Ending> {
    let gone = |e: B::Error| std::io::Error::other(e.to_string());
    terminal
        .draw(|frame| frame.render_widget(&*app, frame.area()))
        .map_err(gone)?;
    app.start();
    let mut dirty = true;
    loop {
        let signal = signal_flag().swap(0, Ordering::SeqCst);
        if signal != 0 {
            return Ok(Ending::Signal(signal as i32));
        }
        if dirty {
            terminal
                .draw(|frame| frame.render_widget(&*app, frame.area()))
                .map_err(gone)?;
        }
        // Wake up now and then for signals and the worker's analyses and saves.
        let Some(event) = events.next(std::time::Duration::from_millis(40))? else {
            dirty = app.poll_computed() | runner.turn(app);
            continue;
        };
        dirty = true;
        if let Event::Key(key) = event
            && key.kind != KeyEventKind::Release
        {
            match app.on(key) {
                Action::Continue => {}
                Action::Quit => return Ok(Ending::Quit),
                Action::Interrupt => return Ok(Ending::Signal(signal_hook::consts::SIGINT)),
                Action::Suspend => {
                    // Ctrl-Z: saved first, then the terminal is given back until `fg`.
                    app.persist();
                    events.suspend()?;
                    terminal.clear().map_err(gone)?;
                }
            }
        }
        runner.turn(app);
        app.poll_computed();
    }
}
