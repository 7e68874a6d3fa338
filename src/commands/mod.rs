//! One module per subcommand: read input, call the core, print. No rules here.

pub mod advise;
pub mod check;
pub mod checklist;
pub mod compare;
pub mod completions;
pub mod diff;
pub mod explain;
pub mod generate;
pub mod import;
pub mod packages;
pub mod render;
pub mod report;
pub mod route;
pub mod wizard;

use std::io::Write;
use std::mem::ManuallyDrop;
use std::path::Path;

/// Loads a plan; a failure carries the file:line:column message (exit 2).
///
/// The plan is never freed: each command ends the process right after using
/// it, and handing 100,000 clients back to the allocator one by one would
/// add a tenth to `check`'s time.
pub fn load_plan(path: &Path) -> anyhow::Result<ManuallyDrop<crate::plan::Plan>> {
    Ok(ManuallyDrop::new(crate::plan::load(path)?))
}

/// Writes `text` to `out` atomically, or to standard output when `out` is `None`.
pub fn emit(out: Option<&Path>, text: &str) -> anyhow::Result<()> {
    match out {
        Some(p) => crate::fsutil::write_atomic(p, text.as_bytes())
            .map_err(|e| anyhow::anyhow!("cannot write {}: {e}", p.display())),
        None => stream(|out| out.write_all(text.as_bytes())),
    }
}

/// Writes to standard output as `write` produces it, for outputs too large to
/// hold twice (the routing table of a large plan). A closed pipe is not an error.
pub fn stream(write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>) -> anyhow::Result<()> {
    let mut out = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
    match write(&mut out).and_then(|()| out.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        r => Ok(r?),
    }
}

/// JSON for `--format json`, pretty and newline-terminated.
pub fn to_json<T: serde::Serialize>(value: &T) -> String {
    let mut s = serde_json::to_string_pretty(value).expect("report types serialise");
    s.push('\n');
    s
}
