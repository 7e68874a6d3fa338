//! What keys ask of the world outside the wizard: reading a plan or client
//! list, writing the export. A key handler only queues an [`Effect`]; the
//! event loop runs it on a thread of its own (see `tui::Runner`), so a slow
//! disk, a large file or a FIFO that nobody writes to never holds up a key,
//! and hands the [`Outcome`] back to [`App::on_outcome`]. Without a terminal
//! (tests) effects run at once, after the key.

use super::*;
use std::sync::Arc;

/// Something to do outside the wizard.
#[derive(Debug)]
pub enum Effect {
    /// Read a plan (YAML) or client list (CSV); messages in `lang`.
    Read {
        path: PathBuf,
        into: ReadInto,
        lang: Lang,
    },
    /// Write the reviewed plan and what goes with it.
    Export(Export),
}

/// What a file that was read is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReadInto {
    /// A new start from it (the welcome screen; the work before is kept as a backup).
    Replace,
    /// Its clients join the plan's (the clients step).
    Clients,
}

/// The export's files, worked out and written off the input thread.
#[derive(Debug)]
pub struct Export {
    pub plan: Arc<Plan>,
    pub lang: Lang,
    pub plan_path: PathBuf,
    pub tree: Option<(PathBuf, render::Format)>,
    /// Indexes into [`OUTPUTS`], each with its file.
    pub outputs: Vec<(usize, PathBuf)>,
}

/// A file's contents, read.
#[derive(Debug)]
pub enum Loaded {
    Clients(Vec<Client>),
    Plan(Box<Plan>),
}

/// What an effect came to.
#[derive(Debug)]
pub enum Outcome {
    /// Read, or why not.
    Read {
        path: PathBuf,
        into: ReadInto,
        result: Result<Loaded, Unread>,
    },
    /// The files written, in order, and why the next one was not.
    Exported {
        written: Vec<PathBuf>,
        error: Option<String>,
    },
}

impl Effect {
    /// Does it, where it may wait.
    pub fn run(self) -> Outcome {
        match self {
            Effect::Read { path, into, lang } => Outcome::Read {
                result: read(&path, lang),
                path,
                into,
            },
            Effect::Export(e) => e.write(),
        }
    }

    /// Whether the wizard must wait for it before the process ends (a read
    /// no one will see is not waited for).
    pub fn must_finish(&self) -> bool {
        matches!(self, Effect::Export(_))
    }
}

/// Reads a plan or, by its extension, a client list (the one reader
/// `import` uses, every bad row listed). Messages are in English for plans
/// (the loader's located errors) and in the wizard's language for client lists.
/// Why a file was not read: a one-line summary for the path's field, and
/// every line of the problem (a client list's bad rows, a plan's location
/// and help) for the list shown when there is more than the summary.
#[derive(Debug)]
pub struct Unread {
    pub summary: String,
    pub lines: Vec<String>,
}

fn read(path: &Path, lang: Lang) -> Result<Loaded, Unread> {
    regular_file(path, lang).map_err(|e| Unread {
        summary: e.clone(),
        lines: vec![e],
    })?;
    let is_csv = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("csv"));
    if is_csv {
        return match crate::import::read_client_file(path) {
            Ok(read) => Ok(Loaded::Clients(read.list.clients)),
            Err(e) => {
                // The rows' problems first, the summary last.
                let lines: Vec<String> = e.text(lang).lines().map(str::to_string).collect();
                let summary = lines.last().cloned().unwrap_or_default();
                Err(Unread { summary, lines })
            }
        };
    }
    // A file that is not there or not readable is said in the wizard's
    // language, as for a client list.
    if let Err(e) = std::fs::File::open(path) {
        let text = crate::import::FileProblem::from_io(&e).text(&path.display().to_string(), lang);
        return Err(Unread {
            summary: text.clone(),
            lines: vec![text],
        });
    }
    crate::plan::load(path)
        .map(|p| Loaded::Plan(Box::new(p)))
        .map_err(|e| {
            // A file that cannot be read is said in the field; a plan with a
            // mistake in it is shown whole: the message, the line, the help.
            let lines: Vec<String> = match e.line {
                Some(_) => e.to_string().lines().map(str::to_string).collect(),
                None => vec![e.message.clone()],
            };
            Unread {
                summary: e.message.clone(),
                lines,
            }
        })
}

impl Export {
    fn write(self) -> Outcome {
        let fail = |path: &Path, e: &str| {
            let t = i18n::strings(self.lang);
            i18n::fill(t.write_failed, &[&path.display().to_string(), e])
        };
        let mut files: Vec<(PathBuf, String)> =
            vec![(self.plan_path.clone(), crate::plan::to_yaml(&self.plan))];
        if let Some((path, format)) = &self.tree {
            let options = render::Options {
                format: *format,
                limit: None,
                lang: self.lang.code(),
            };
            files.push((path.clone(), render::render(&self.plan, &options)));
        }
        for (i, path) in &self.outputs {
            match (OUTPUTS[*i].render)(&self.plan, self.lang) {
                Ok(text) => files.push((path.clone(), text)),
                Err(e) => {
                    return Outcome::Exported {
                        written: Vec::new(),
                        error: Some(fail(path, &e)),
                    };
                }
            }
        }
        let mut written = Vec::new();
        for (path, text) in files {
            if let Err(e) = crate::fsutil::write_atomic(&path, text.as_bytes()) {
                return Outcome::Exported {
                    error: Some(fail(&path, &e.to_string())),
                    written,
                };
            }
            written.push(path);
        }
        Outcome::Exported {
            written,
            error: None,
        }
    }
}
