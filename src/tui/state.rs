//! The wizard's saved answers: written after every step so a crash, a closed
//! terminal or Ctrl-C never loses work; `sysuser wizard --resume` reads them back.

use crate::plan::Plan;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// What is saved: the situation (and layout, if the user brought one) plus where they were.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Saved {
    /// The step's id (see `Step::id`).
    pub step: String,
    pub lang: String,
    /// Whether the review shows the plan's own layout instead of the recommended one.
    #[serde(default)]
    pub own_layout: bool,
    pub plan: Plan,
}

/// `$SYSUSER_STATE_DIR/wizard.yaml`, else `$XDG_STATE_HOME/sysuser/wizard.yaml`,
/// else `~/.local/state/sysuser/wizard.yaml`; `None` when there is no home.
pub fn default_path() -> Option<PathBuf> {
    let var = |k: &str| {
        std::env::var_os(k)
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    };
    let dir = var("SYSUSER_STATE_DIR")
        .or_else(|| var("XDG_STATE_HOME").map(|d| d.join("sysuser")))
        .or_else(|| var("HOME").map(|h| h.join(".local/state/sysuser")))?;
    Some(dir.join("wizard.yaml"))
}

/// Writes the state atomically, creating its folder.
pub fn save(path: &Path, saved: &Saved) -> std::io::Result<()> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let text = serde_yaml::to_string(saved).map_err(std::io::Error::other)?;
    crate::fsutil::write_atomic(path, text.as_bytes())
}

/// Reads a saved state through the plan's one loading path (same limits,
/// same fast reader); the message says what went wrong.
pub fn load(path: &Path) -> Result<Saved, String> {
    if !path.exists() {
        return Err(format!("no saved wizard session in {}", path.display()));
    }
    crate::plan::load_as(path)
        .map_err(|e| format!("cannot read the saved session {}: {e}", path.display()))
}

/// Saves on a worker thread, newest state wins: writing a 100,000-client plan
/// takes seconds, and the screen must not wait for it. [`Saver::finish`]
/// waits for the last write, so quitting never loses it.
pub struct Saver {
    tx: Option<std::sync::mpsc::Sender<(PathBuf, Saved)>>,
    errors: std::sync::mpsc::Receiver<(PathBuf, String)>,
    handle: Option<std::thread::JoinHandle<()>>,
}

impl Saver {
    pub fn spawn() -> Saver {
        let (tx, rx) = std::sync::mpsc::channel::<(PathBuf, Saved)>();
        let (err_tx, errors) = std::sync::mpsc::channel();
        let handle = std::thread::spawn(move || {
            while let Ok(mut job) = rx.recv() {
                while let Ok(newer) = rx.try_recv() {
                    job = newer;
                }
                if let Err(e) = save(&job.0, &job.1) {
                    let _ = err_tx.send((job.0, e.to_string()));
                }
            }
        });
        Saver {
            tx: Some(tx),
            errors,
            handle: Some(handle),
        }
    }

    pub fn send(&self, path: PathBuf, saved: Saved) {
        if let Some(tx) = &self.tx {
            let _ = tx.send((path, saved));
        }
    }

    /// A failed write since the last call: the path and the reason.
    pub fn error(&self) -> Option<(PathBuf, String)> {
        self.errors.try_recv().ok()
    }

    /// Waits for the pending write.
    pub fn finish(&mut self) {
        self.tx = None;
        if let Some(h) = self.handle.take() {
            let _ = h.join();
        }
    }
}
