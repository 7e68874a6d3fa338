//! One module per subcommand: read input, call the core, print. No rules here.

pub mod advise;
pub mod catalog_diff;
pub mod check;
pub mod checklist;
pub mod compare;
pub mod completions;
pub mod diff;
pub mod explain;
pub mod generate;
pub mod import;
pub mod import_altinn;
pub mod letters;
pub mod packages;
pub mod render;
pub mod report;
pub mod requests;
pub mod route;
pub mod sarif;
pub mod schema;
pub mod tokens;
pub mod wizard;

use std::io::Write;
use std::mem::ManuallyDrop;
use std::path::Path;

/// Loads a plan (`-` is standard input); a failure carries the
/// file:line:column message (exit 2).
///
/// The plan is never freed: each command ends the process right after using
/// it, and handing 100,000 clients back to the allocator one by one would
/// add a tenth to `check`'s time.
pub fn load_plan(path: &Path) -> anyhow::Result<ManuallyDrop<crate::plan::Plan>> {
    Ok(ManuallyDrop::new(crate::plan::load_arg(path)?))
}

/// Writes data that must stay exact (a plan, JSON, YAML) to `out`
/// atomically, or to standard output when `out` is `None`.
pub fn emit(out: Option<&Path>, data: &str) -> anyhow::Result<()> {
    match out {
        Some(p) => crate::fsutil::write_atomic(p, data.as_bytes())
            .map_err(|e| anyhow::anyhow!("cannot write {}: {e}", p.display())),
        None => stream(|out| out.write_all(data.as_bytes())),
    }
}

/// Prints a text output for people (a report, a tree, a table) to standard
/// output. Every text output goes through here or [`stream_text`], so control
/// characters from a plan or a CSV are shown escaped ([`crate::text::visible`]),
/// never sent to the terminal.
pub fn show(text: &str) -> anyhow::Result<()> {
    show_styled(text, |s| s.to_string())
}

/// [`show`], with `style` applied to the escaped text: colours are added
/// after escaping, so only sysuser's own sequences reach the terminal.
pub fn show_styled(text: &str, style: impl FnOnce(&str) -> String) -> anyhow::Result<()> {
    let styled = style(&crate::text::visible(text));
    stream(|out| out.write_all(styled.as_bytes()))
}

/// A message on standard error (notes, warnings, per-line problems), escaped
/// as [`show`] escapes: messages quote names and CSV cells.
pub fn note(message: &str) {
    eprintln!("{}", crate::text::visible(message));
}

/// Writes to standard output as `write` produces it, for outputs too large to
/// hold twice (the routing table of a large plan). A closed pipe is not an error.
/// The output is exact; use [`stream_text`] for text for people.
pub fn stream(write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>) -> anyhow::Result<()> {
    let mut out = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
    match write(&mut out).and_then(|()| out.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        r => Ok(r?),
    }
}

/// [`stream`] for text for people: everything written is escaped as [`show`] escapes.
pub fn stream_text(
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> anyhow::Result<()> {
    stream(|out| write(&mut crate::text::Visible::new(out)))
}

/// JSON for `--format json`, pretty and newline-terminated.
pub fn to_json<T: serde::Serialize>(value: &T) -> String {
    let mut s = serde_json::to_string_pretty(value).expect("report types serialise");
    s.push('\n');
    s
}

/// Writes `files` (paths relative to `dir`) atomically into `dir`, creating
/// it and any subfolder; says on standard error what it wrote unless quiet.
pub fn write_files(dir: &Path, files: &[(String, String)], quiet: bool) -> anyhow::Result<()> {
    for (name, text) in files {
        let path = dir.join(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)
                .map_err(|e| anyhow::anyhow!("cannot create {}: {e}", parent.display()))?;
        }
        emit(Some(&path), text)?;
    }
    if !quiet {
        note(&format!(
            "wrote {} into {}",
            crate::text::counted(files.len(), "file"),
            dir.display()
        ));
    }
    Ok(())
}
