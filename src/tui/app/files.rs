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
    /// Opens a plan (YAML) or a client list (CSV) from the welcome screen or the clients step.
    pub(crate) fn open_file(&mut self, path: &Path) -> Result<(), String> {
        let t = self.t();
        if path.as_os_str().is_empty() {
            return Err(t.need_path.into());
        }
        regular_file(path, self.lang)?;
        let is_csv = path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("csv"));
        if is_csv {
            // The one client-list reader `import` uses; every bad row is listed.
            let clients = match crate::import::read_client_file(path) {
                Ok(read) => read.list.clients,
                Err(e) => {
                    let text = e.text(self.lang);
                    let lines: Vec<String> = text.lines().map(str::to_string).collect();
                    let first = lines.last().cloned().unwrap_or_default();
                    if lines.len() > 1 {
                        self.overlays.push(Overlay::Errors(lines));
                    }
                    return Err(first);
                }
            };
            let n = clients.len();
            if self.step == Step::Welcome {
                // Reached through `replace_now`, which keeps the old plan for undo.
                self.plan = empty_plan().into();
                self.own_layout = false;
                self.merge_clients(clients);
                self.changed();
            } else {
                let before = Part::Clients(self.plan.clients.clone());
                self.merge_clients(clients);
                self.changed_from(before);
            }
            if self.step == Step::Welcome {
                self.go(Step::Organisation);
            }
            self.status = Some(i18n::fill(
                t.imported,
                &[&crate::text::thousands(n), &path.display().to_string()],
            ));
            return Ok(());
        }
        let plan = crate::plan::load(path).map_err(|e| e.to_string())?;
        if self.step == Step::Clients {
            // On the clients step a plan is a source of clients, not a new start.
            let n = plan.clients.len();
            let before = Part::Clients(self.plan.clients.clone());
            self.merge_clients(plan.clients);
            self.changed_from(before);
            self.status = Some(i18n::fill(
                t.imported,
                &[&crate::text::thousands(n), &path.display().to_string()],
            ));
            return Ok(());
        }
        self.load_plan(plan, Some(path));
        Ok(())
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
        v.extend(self.chosen_outputs().map(|(_, path)| path));
        v
    }

    /// The optional outputs switched on, each with the file it goes to.
    fn chosen_outputs(&self) -> impl Iterator<Item = (&'static Output, PathBuf)> + '_ {
        OUTPUTS
            .iter()
            .zip(self.export_outputs)
            .filter(|(_, on)| *on)
            .map(|(o, _)| (o, PathBuf::from(self.output_path(o))))
    }

    /// An optional output's file: the plan file's stem (without a `-plan`
    /// suffix, as the tree's default name) and the output's suffix.
    pub(crate) fn output_path(&self, output: &Output) -> String {
        let plan = self.export_plan.as_str();
        let stem = match plan.rsplit_once('.') {
            Some((s, ext)) if !ext.contains('/') => s,
            _ => plan,
        };
        let stem = stem.strip_suffix("-plan").unwrap_or(stem);
        format!("{stem}{}", output.suffix)
    }

    /// Writes the reviewed plan (the tree and the outputs switched on), atomically.
    pub(crate) fn write_export(&mut self) {
        let Some(plan) = self.computed.plan.clone() else {
            return;
        };
        self.exported.clear();
        let mut files: Vec<(PathBuf, String)> = vec![(
            PathBuf::from(&self.export_plan),
            crate::plan::to_yaml(&plan),
        )];
        let format = match self.tree_export {
            TreeExport::None => None,
            TreeExport::Text => Some(render::Format::Text),
            TreeExport::Markdown => Some(render::Format::Markdown),
        };
        if let Some(format) = format {
            let options = render::Options {
                format,
                limit: None,
                lang: self.lang.code(),
            };
            files.push((
                PathBuf::from(&self.export_tree),
                render::render(&plan, &options),
            ));
        }
        let outputs: Vec<_> = self.chosen_outputs().collect();
        for (output, path) in outputs {
            match (output.render)(&plan, self.lang) {
                Ok(text) => files.push((path, text)),
                Err(e) => {
                    self.status = Some(i18n::fill(
                        self.t().write_failed,
                        &[&path.display().to_string(), &e],
                    ));
                    return;
                }
            }
        }
        let mut done = Vec::new();
        for (path, text) in files {
            if let Err(e) = crate::fsutil::write_atomic(&path, text.as_bytes()) {
                self.status = Some(i18n::fill(
                    self.t().write_failed,
                    &[&path.display().to_string(), &e.to_string()],
                ));
                return;
            }
            if !self.written.contains(&path) {
                self.written.push(path.clone());
            }
            done.push(path);
        }
        let done_text: Vec<String> = done.iter().map(|p| p.display().to_string()).collect();
        self.exported = done;
        self.unsaved = false;
        self.status = Some(i18n::fill(self.t().wrote, &[&done_text.join(", ")]));
        self.persist();
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
