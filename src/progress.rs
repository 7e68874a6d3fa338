//! Progress for long work (reading and checking a plan of a million
//! clients): a spinner with the current step and the time so far, on
//! standard error, only when standard error is a terminal and `--quiet` is
//! not given. Nothing appears for work that ends within [`DELAY`], and the
//! line is wiped before the command prints its result.

use crate::lang::Lang;
use std::io::{IsTerminal, Write};
use std::sync::{Arc, Condvar, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// Work shorter than this shows no progress at all.
pub const DELAY: Duration = Duration::from_millis(300);
const TICK: Duration = Duration::from_millis(100);
const FRAMES: [char; 10] = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

/// What the command is doing, worded in the command's language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Read,
    Check,
    Draw,
    Write,
}

impl Step {
    fn text(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Step::Read, Lang::En) => "reading the plan",
            (Step::Read, Lang::Nb) => "leser planen",
            (Step::Check, Lang::En) => "checking",
            (Step::Check, Lang::Nb) => "sjekker",
            (Step::Draw, Lang::En) => "drawing",
            (Step::Draw, Lang::Nb) => "tegner",
            (Step::Write, Lang::En) => "writing",
            (Step::Write, Lang::Nb) => "skriver",
        }
    }
}

struct State {
    step: &'static str,
    done: bool,
}

type Shared = Arc<(Mutex<State>, Condvar)>;

/// A spinner that runs while the value lives; dropping it wipes the line.
pub struct Progress {
    lang: Lang,
    shared: Option<Shared>,
    thread: Option<JoinHandle<()>>,
}

impl Progress {
    /// Progress on standard error when it is a terminal and not `quiet`;
    /// otherwise a value that does nothing.
    pub fn start(quiet: bool, lang: Lang, step: Step) -> Progress {
        let out: Option<Box<dyn Write + Send>> = (!quiet && std::io::stderr().is_terminal())
            .then(|| Box::new(std::io::stderr()) as Box<dyn Write + Send>);
        Progress::to(out, DELAY, lang, step)
    }

    /// Progress written to `out` (none: nothing at all), first drawn after `delay`.
    pub fn to(
        out: Option<Box<dyn Write + Send>>,
        delay: Duration,
        lang: Lang,
        step: Step,
    ) -> Progress {
        let Some(mut out) = out else {
            return Progress {
                lang,
                shared: None,
                thread: None,
            };
        };
        let shared: Shared = Arc::new((
            Mutex::new(State {
                step: step.text(lang),
                done: false,
            }),
            Condvar::new(),
        ));
        let theirs = Arc::clone(&shared);
        let thread = std::thread::spawn(move || {
            let start = Instant::now();
            let (lock, wake) = &*theirs;
            let mut drawn = false;
            let mut frame = 0;
            let mut wait = delay;
            let mut state = lock.lock().unwrap_or_else(|e| e.into_inner());
            loop {
                state = wake
                    .wait_timeout_while(state, wait, |s| !s.done)
                    .map(|(s, _)| s)
                    .unwrap_or_else(|e| e.into_inner().0);
                if state.done {
                    break;
                }
                let secs = start.elapsed().as_secs_f32();
                let _ = write!(
                    out,
                    "\r{} {} … {secs:.1} s\x1b[K",
                    FRAMES[frame], state.step
                );
                let _ = out.flush();
                drawn = true;
                frame = (frame + 1) % FRAMES.len();
                wait = TICK;
            }
            if drawn {
                let _ = write!(out, "\r\x1b[K");
                let _ = out.flush();
            }
        });
        Progress {
            lang,
            shared: Some(shared),
            thread: Some(thread),
        }
    }

    /// Moves on to the next step.
    pub fn step(&self, step: Step) {
        if let Some(shared) = &self.shared {
            let mut s = shared.0.lock().unwrap_or_else(|e| e.into_inner());
            s.step = step.text(self.lang);
        }
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        if let Some(shared) = &self.shared {
            shared.0.lock().unwrap_or_else(|e| e.into_inner()).done = true;
            shared.1.notify_all();
        }
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Clone, Default)]
    struct Sink(Arc<Mutex<Vec<u8>>>);

    impl Write for Sink {
        fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
            self.0.lock().unwrap().extend_from_slice(b);
            Ok(b.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    fn written(sink: &Sink) -> String {
        String::from_utf8(sink.0.lock().unwrap().clone()).unwrap()
    }

    #[test]
    fn long_work_shows_its_step_and_wipes_the_line() {
        let sink = Sink::default();
        let p = Progress::to(
            Some(Box::new(sink.clone())),
            Duration::ZERO,
            Lang::En,
            Step::Read,
        );
        std::thread::sleep(TICK * 2);
        p.step(Step::Check);
        std::thread::sleep(TICK * 2);
        drop(p);
        let out = written(&sink);
        assert!(out.contains("reading the plan"), "{out:?}");
        assert!(out.contains("checking"), "{out:?}");
        assert!(out.ends_with("\r\x1b[K"), "{out:?}");
    }

    #[test]
    fn short_work_shows_nothing() {
        let sink = Sink::default();
        let p = Progress::to(
            Some(Box::new(sink.clone())),
            Duration::from_secs(60),
            Lang::Nb,
            Step::Read,
        );
        drop(p);
        assert_eq!(written(&sink), "");
    }
}
