//! Reading plans and client lists into the wizard, and writing the export.

use super::*;

/// Refuses what is not a regular file before it is opened: reading a FIFO
/// blocks until someone writes to it and `/dev/zero` never ends, and the
/// wizard's input thread must never wait on a file (Ctrl-C is a key there).
pub fn regular_file(path: &Path, lang: Lang) -> Result<(), String> {
    match std::fs::metadata(path) {
        Ok(m) if !m.is_file() => Err(i18n::fill(
            i18n::strings(lang).not_regular,
            &[&path.display().to_string()],
        )),
        // Missing or unreadable: the reader says so in its own words.
        _ => Ok(()),
    }
}

impl App {
    /// Opens a plan (YAML) or a client list (CSV): a new start from it
    /// (`ReadInto::Replace`, the welcome screen) or its clients added
    /// (`ReadInto::Clients`). The file is read off the input thread; what it
    /// holds comes back to [`App::file_read`].
    pub(crate) fn open_file(&mut self, path: &Path, into: ReadInto) -> Result<(), String> {
        let t = self.t();
        if path.as_os_str().is_empty() {
            return Err(t.need_path.into());
        }
        self.effects.push(Effect::Read {
            path: path.to_path_buf(),
            into,
            lang: self.lang,
        });
        self.status = Some(i18n::fill(t.reading, &[&path.display().to_string()]));
        Ok(())
    }

    /// A file asked for by [`App::open_file`] was read (or not).
    pub(crate) fn file_read(
        &mut self,
        path: PathBuf,
        into: ReadInto,
        result: Result<Loaded, Unread>,
    ) {
        let t = self.t();
        let loaded = match result {
            Ok(loaded) => loaded,
            Err(Unread { summary, lines }) => {
                // The path goes back in its field, with the problem, to be corrected.
                let step = match into {
                    ReadInto::Replace => Step::Welcome,
                    ReadInto::Clients => Step::Clients,
                };
                if self.input.is_none() && self.step == step {
                    self.input = Some(Input {
                        error: Some(summary),
                        fresh: false,
                        ..Input::new(Row::OpenFile, path.display().to_string())
                    });
                    self.status = None;
                } else {
                    self.status = Some(summary);
                }
                if lines.len() > 1 {
                    self.overlays.push(Overlay::Errors(lines));
                }
                return;
            }
        };
        let n = match &loaded {
            Loaded::Clients(c) => c.len(),
            Loaded::Plan(p) => p.clients.len(),
        };
        let imported = i18n::fill(
            t.imported,
            &[&crate::text::thousands(n), &path.display().to_string()],
        );
        match (into, loaded) {
            (ReadInto::Clients, loaded) => {
                // On the clients step a plan is a source of clients, not a new start.
                let clients = match loaded {
                    Loaded::Clients(c) => c,
                    Loaded::Plan(p) => p.clients,
                };
                let before = Part::Clients(self.plan.clients.clone());
                self.merge_clients(clients);
                self.changed_from(before);
                self.status = Some(imported);
            }
            (ReadInto::Replace, Loaded::Clients(clients)) => {
                self.replace_with(|app| {
                    app.plan = empty_plan().into();
                    app.own_layout = false;
                    app.outbox.whole_plan();
                    app.merge_clients(clients);
                    app.changed();
                    app.go(Step::Organisation);
                });
                self.status = Some(imported);
            }
            (ReadInto::Replace, Loaded::Plan(plan)) => {
                self.replace_with(|app| app.load_plan(*plan, Some(&path)));
            }
        }
    }

    /// Adds clients, replacing those with the same orgnr.
    pub(crate) fn merge_clients(&mut self, clients: Vec<Client>) {
        let mut index: std::collections::HashMap<Orgnr, usize> = self
            .plan
            .clients
            .iter()
            .enumerate()
            .map(|(i, c)| (c.orgnr.clone(), i))
            .collect();
        for c in clients {
            match index.get(&c.orgnr) {
                Some(&i) => self.plan.clients[i] = c,
                None => {
                    index.insert(c.orgnr.clone(), self.plan.clients.len());
                    self.plan.clients.push(c);
                }
            }
        }
    }

    pub(crate) fn start_export(&mut self) {
        let existing: Vec<PathBuf> = self
            .export_paths()
            .into_iter()
            .filter(|p| std::fs::metadata(p).is_ok_and(|m| m.is_file()))
            .collect();
        if existing.is_empty() {
            self.write_export();
        } else {
            self.overlays.push(Overlay::ConfirmOverwrite(existing));
        }
    }

    pub(crate) fn export_paths(&self) -> Vec<PathBuf> {
        let mut v = vec![PathBuf::from(&self.export_plan)];
        if self.tree_export != TreeExport::None {
            v.push(PathBuf::from(&self.export_tree));
        }
        v.extend(self.chosen_outputs().into_iter().map(|(_, path)| path));
        v
    }

    /// The optional outputs switched on (their index in [`OUTPUTS`]), each
    /// with the file it goes to.
    fn chosen_outputs(&self) -> Vec<(usize, PathBuf)> {
        (0..OUTPUTS.len())
            .filter(|&i| self.export_outputs[i])
            .map(|i| (i, PathBuf::from(self.output_path(&OUTPUTS[i]))))
            .collect()
    }

    /// An optional output's file: the plan file's stem (without a `-plan`
    /// suffix, as the tree's default name) and the output's suffix.
    pub(crate) fn output_path(&self, output: &Output) -> String {
        format!("{}{}", self.plan_stem(), output.suffix)
    }

    /// The plan file's name without its extension and a `-plan` suffix:
    /// what the tree and the other outputs are named after.
    fn plan_stem(&self) -> &str {
        let plan = self.export_plan.as_str();
        let stem = match plan.rsplit_once('.') {
            Some((s, ext)) if !ext.contains('/') => s,
            _ => plan,
        };
        stem.strip_suffix("-plan").unwrap_or(stem)
    }

    /// The tree's file named after the plan file, with its own extension.
    pub(crate) fn tree_after_plan(&self) -> String {
        let ext = self.export_tree.rsplit_once('.').map_or("txt", |(_, e)| e);
        format!("{}-tree.{ext}", self.plan_stem())
    }

    /// Writes the reviewed plan (the tree and the outputs switched on),
    /// atomically, off the input thread ([`App::exported`] takes the outcome).
    pub(crate) fn write_export(&mut self) {
        let Some(plan) = self.computed.plan.clone() else {
            return;
        };
        self.exporting = self.computed_key.map(|k| k.revision);
        self.exported.clear();
        let tree = match self.tree_export {
            TreeExport::None => None,
            TreeExport::Text => Some(render::Format::Text),
            TreeExport::Markdown => Some(render::Format::Markdown),
        };
        let plan_path = PathBuf::from(&self.export_plan);
        self.status = Some(i18n::fill(
            self.t().writing,
            &[&plan_path.display().to_string()],
        ));
        let outputs = self.chosen_outputs();
        self.effects.push(Effect::Export(Export {
            plan,
            lang: self.lang,
            plan_path,
            tree: tree.map(|f| (PathBuf::from(&self.export_tree), f)),
            outputs,
        }));
    }

    /// The export's files were written, or the one named in `error` was not
    /// (nothing after it is written; the files before it are listed).
    pub(crate) fn exported(&mut self, written: Vec<PathBuf>, error: Option<String>) {
        for path in &written {
            if !self.written.contains(path) {
                self.written.push(path.clone());
            }
        }
        if let Some(e) = error {
            self.status = Some(e);
            return;
        }
        let shown: Vec<String> = written.iter().map(|p| p.display().to_string()).collect();
        self.exported = written;
        if self.exporting.take() == Some(self.session.revision()) {
            self.unsaved = false;
        }
        self.status = Some(i18n::fill(self.t().wrote, &[&shown.join(", ")]));
        self.persist();
    }

    /// What a queued effect came to.
    pub fn on_outcome(&mut self, outcome: Outcome) {
        match outcome {
            Outcome::Read { path, into, result } => self.file_read(path, into, result),
            Outcome::Exported { written, error } => self.exported(written, error),
        }
    }

    /// The effects keys asked for since the last call, for the event loop to run.
    pub fn take_effects(&mut self) -> Vec<Effect> {
        std::mem::take(&mut self.effects)
    }

    /// Without a terminal (tests): runs the queued effects at once.
    pub(crate) fn run_effects_here(&mut self) {
        while !self.effects.is_empty() {
            for effect in self.take_effects() {
                let outcome = effect.run();
                self.on_outcome(outcome);
            }
        }
    }
}

/// An optional output of the export step, beside the plan and the tree.
pub struct Output {
    /// Appended to the plan file's stem to name the file.
    pub suffix: &'static str,
    pub label: fn(&Strings) -> &'static str,
    /// The file's text; an error is shown instead of writing anything.
    pub render: fn(&Plan, Lang) -> Result<String, String>,
}

/// The optional outputs, one row of the export step each; all off at first.
/// Adding an output is adding a line here (and its label).
pub const OUTPUTS: [Output; 3] = [
    Output {
        suffix: "-runbook.md",
        label: |t| t.row_export_runbook,
        render: |plan, _| {
            crate::runbook::runbook(plan, None, crate::runbook::Env::Tt02)
                .map(|rb| crate::runbook::markdown(&rb))
        },
    },
    Output {
        suffix: "-letters.txt",
        label: |t| t.row_export_letters,
        render: |plan, lang| Ok(crate::letters::all_letters(plan, lang)),
    },
    Output {
        suffix: "-report.html",
        label: |t| t.row_export_report,
        render: |plan, lang| Ok(crate::report::report(plan, lang)),
    },
];
