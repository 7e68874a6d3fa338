//! Where the wizard's keys come from, and noticing that the terminal is gone.
//!
//! When the terminal vanishes without a signal (its window closed while the
//! wizard runs in another session, a pseudo-terminal's other end closed),
//! reading it gives end-of-file or EIO at once, forever. crossterm's reader
//! retries those reads in a loop and never returns, so the wizard would spin
//! instead of saving. The terminal is therefore watched here first: crossterm
//! is asked for an event only when the terminal has bytes to read or nothing
//! at all; a hang-up or a readable terminal with nothing in it ends the wizard.

use ratatui::crossterm::event::{self, Event};
use std::io;
use std::time::Duration;

/// A source of terminal events.
pub trait EventSource {
    /// The next event, waiting at most `timeout`; `Ok(None)` when none came.
    /// An error means the terminal is gone: the wizard saves and ends.
    fn next(&mut self, timeout: Duration) -> io::Result<Option<Event>>;

    /// Ctrl-Z: gives the terminal back, stops the process until `fg`, takes
    /// the terminal again.
    fn suspend(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// The terminal the wizard runs in.
pub struct Terminal {
    #[cfg(unix)]
    tty: Tty,
}

impl Terminal {
    /// The terminal crossterm reads: standard input if it is one, else `/dev/tty`.
    pub fn open() -> io::Result<Terminal> {
        Ok(Terminal {
            #[cfg(unix)]
            tty: Tty::open()?,
        })
    }
}

impl EventSource for Terminal {
    fn next(&mut self, timeout: Duration) -> io::Result<Option<Event>> {
        #[cfg(unix)]
        {
            // Already-read events (a paste) first, without waiting.
            self.tty.check(Duration::ZERO)?;
            if event::poll(Duration::ZERO)? {
                return event::read().map(Some);
            }
            if !self.tty.check(timeout)? {
                // Nothing to read: a resize may still be waiting in crossterm.
                return if event::poll(Duration::ZERO)? {
                    event::read().map(Some)
                } else {
                    Ok(None)
                };
            }
            if event::poll(Duration::ZERO)? {
                return event::read().map(Some);
            }
            Ok(None)
        }
        #[cfg(not(unix))]
        {
            if event::poll(timeout)? {
                event::read().map(Some)
            } else {
                Ok(None)
            }
        }
    }

    fn suspend(&mut self) -> io::Result<()> {
        use ratatui::crossterm::{execute, terminal as term};
        ratatui::restore();
        #[cfg(unix)]
        signal_hook::low_level::raise(signal_hook::consts::SIGTSTP)?;
        term::enable_raw_mode()?;
        execute!(io::stdout(), term::EnterAlternateScreen)
    }
}

/// The terminal device, watched with `poll(2)`.
#[cfg(unix)]
struct Tty {
    fd: std::os::fd::OwnedFd,
}

#[cfg(unix)]
impl Tty {
    fn open() -> io::Result<Tty> {
        use std::os::fd::AsFd;
        let stdin = io::stdin();
        let fd = if rustix::termios::isatty(stdin.as_fd()) {
            stdin.as_fd().try_clone_to_owned()?
        } else {
            std::fs::OpenOptions::new()
                .read(true)
                .write(true)
                .open("/dev/tty")?
                .into()
        };
        Ok(Tty { fd })
    }

    /// Waits up to `timeout` for input: `true` when there are bytes to read,
    /// `false` when there are none (a signal or the timeout woke it); an
    /// error when the terminal hung up or reads as ended.
    fn check(&self, timeout: Duration) -> io::Result<bool> {
        use rustix::event::{PollFd, PollFlags, Timespec, poll};
        let gone = |why: &str| io::Error::new(io::ErrorKind::UnexpectedEof, why.to_string());
        let mut fds = [PollFd::new(&self.fd, PollFlags::IN)];
        let wait = Timespec {
            tv_sec: timeout.as_secs() as i64,
            tv_nsec: i64::from(timeout.subsec_nanos()),
        };
        match poll(&mut fds, Some(&wait)) {
            Ok(0) | Err(rustix::io::Errno::INTR) => return Ok(false),
            Ok(_) => {}
            Err(e) => return Err(e.into()),
        }
        let ready = fds[0].revents();
        if ready.intersects(PollFlags::HUP | PollFlags::ERR | PollFlags::NVAL) {
            return Err(gone("the terminal hung up"));
        }
        // Readable with nothing to read is the end of the input.
        match rustix::io::ioctl_fionread(&self.fd) {
            Ok(0) => Err(gone("the terminal's input ended")),
            Ok(_) => Ok(true),
            Err(e) => Err(e.into()),
        }
    }
}
