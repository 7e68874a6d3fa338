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

/// Reads a saved state; the message says what went wrong.
pub fn load(path: &Path) -> Result<Saved, String> {
    let text = std::fs::read_to_string(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => format!("no saved wizard session in {}", path.display()),
        _ => format!("cannot read {}: {e}", path.display()),
    })?;
    serde_yaml::from_str(&text)
        .map_err(|e| format!("cannot read the saved session {}: {e}", path.display()))
}
