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
    /// The plan was exported as it is saved: continuing it does not ask
    /// again before quitting.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub exported: bool,
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

/// How many earlier sessions are kept beside the current one
/// (`wizard.yaml.1` is the newest).
pub const BACKUPS: u32 = 3;

/// `wizard.yaml.N`: the Nth earlier session; `wizard.yaml` itself for 0.
pub fn generation_path(path: &Path, n: u32) -> PathBuf {
    if n == 0 {
        return path.to_path_buf();
    }
    let mut name = path.as_os_str().to_os_string();
    name.push(format!(".{n}"));
    PathBuf::from(name)
}

/// Moves the session to `wizard.yaml.1` and each backup one generation
/// back, dropping the oldest: called before a different session is first
/// saved, so that it never replaces the one before it.
pub fn rotate(path: &Path) -> std::io::Result<()> {
    if std::fs::symlink_metadata(path).is_err() {
        return Ok(());
    }
    for n in (1..BACKUPS).rev() {
        let from = generation_path(path, n);
        if from.exists() {
            std::fs::rename(&from, generation_path(path, n + 1))?;
        }
    }
    std::fs::rename(path, generation_path(path, 1))
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

/// A saved session as the welcome screen describes it.
#[derive(Debug, Clone)]
pub struct Found {
    pub saved: Saved,
    /// When it was last written.
    pub modified: Option<std::time::SystemTime>,
}

/// The session saved at `path`, if there is a readable one.
pub fn find(path: &Path) -> Option<Found> {
    let saved = load(path).ok()?;
    let modified = std::fs::metadata(path).and_then(|m| m.modified()).ok();
    Some(Found { saved, modified })
}

/// One write of the session (of the plan the saver holds).
#[derive(Debug, Clone)]
pub struct Job {
    pub path: PathBuf,
    pub step: String,
    pub lang: String,
    /// Keep the file there as `wizard.yaml.1` first (see [`rotate`]).
    pub rotate: bool,
    /// The plan being saved is the one last exported.
    pub exported: bool,
}

/// [`Saved`] borrowing its plan, to write without a copy.
#[derive(Serialize)]
struct SavedRef<'a> {
    step: &'a str,
    lang: &'a str,
    own_layout: bool,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    exported: bool,
    plan: &'a Plan,
}

impl Job {
    /// Writes `plan`; the error names the file.
    pub fn run(&self, plan: &Plan, own_layout: bool) -> Result<(), String> {
        let path = &self.path;
        let fail = |e: std::io::Error| format!("{}: {e}", path.display());
        if self.rotate {
            rotate(path).map_err(fail)?;
        }
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(fail)?;
        }
        let saved = SavedRef {
            step: &self.step,
            lang: &self.lang,
            own_layout,
            exported: self.exported,
            plan,
        };
        let text = crate::plan::write::document(&saved);
        crate::fsutil::write_atomic(path, text.as_bytes()).map_err(fail)
    }
}
