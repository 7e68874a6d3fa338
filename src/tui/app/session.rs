//! Nothing is lost: the autosaved session, its backups, undo and redo, and
//! asking before a new start or an opened file replaces unsaved work.

use super::*;
use crate::tui::history::{Doc, History, Part};
use crate::tui::state::{Found, Job};
use worker::Worker;

/// The autosaved session and the undo history.
pub struct Session {
    /// The file at the state path holds this session (resumed or saved by
    /// it); until then the first save keeps what is there as a backup.
    owns: bool,
    /// Bumped by every change to the plan.
    revision: u64,
    saved_revision: u64,
    saved_step: Option<Step>,
    /// Whether the file says the plan was exported, as last saved.
    pub(super) saved_exported: bool,
    /// Why the last save failed; kept until a save succeeds.
    pub error: Option<String>,
    /// The session saved on disk when the wizard started, if it was not
    /// continued yet: the welcome screen describes it.
    pub found: Option<Found>,
    pub history: History,
}

impl Session {
    /// `look`: read the saved session to describe it on the welcome screen.
    pub fn new(config: &Config, look: bool) -> Session {
        Session {
            owns: false,
            revision: 0,
            saved_revision: 0,
            saved_step: None,
            saved_exported: false,
            error: None,
            found: config
                .state_path
                .as_deref()
                .filter(|_| look)
                .and_then(state::find),
            history: History::default(),
        }
    }

    /// The plan's revision: bumped by every change.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// Whether the session file holds this session's answers.
    pub fn saved(&self) -> bool {
        self.owns && self.error.is_none()
    }
}

/// What a confirmed replacement does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Replace {
    StartNew,
    Open(PathBuf),
}

impl App {
    /// Marks the session file as this session's (resumed from it).
    pub(crate) fn own_session(&mut self, owns: bool) {
        self.session.owns = owns;
        self.session.found = None;
    }

    /// Resumed from a backup: the first save keeps the current session as a
    /// backup instead of replacing it, and saves this one even unchanged.
    pub fn session_from_backup(&mut self) {
        self.own_session(false);
        self.session.revision += 1;
    }

    /// Remembers a part of the plan before it changes, for undo.
    pub(crate) fn record(&mut self, before: Part) {
        self.session.history.record(before);
    }

    /// After an edit: remembers `before` for undo and recomputes, unless the
    /// edit left the plan as it was.
    pub(crate) fn changed_from(&mut self, before: Part) {
        if before.is_current(&self.plan, self.own_layout) {
            return;
        }
        let now = before.current(&self.plan, self.own_layout);
        self.outbox.push(now);
        self.record(before);
        self.changed();
    }

    /// `u`: puts back the plan as it was before the last change.
    pub(crate) fn undo(&mut self) {
        let doc = Doc {
            plan: &mut self.plan,
            own_layout: &mut self.own_layout,
        };
        let touched = self.session.history.undo(doc);
        let done = touched.is_some();
        if let Some(part) = touched {
            self.outbox.push(part.current(&self.plan, self.own_layout));
        }
        self.after_history(done, self.t().undone);
    }

    /// Ctrl-R: does the last undone change again.
    pub(crate) fn redo(&mut self) {
        let doc = Doc {
            plan: &mut self.plan,
            own_layout: &mut self.own_layout,
        };
        let touched = self.session.history.redo(doc);
        let done = touched.is_some();
        if let Some(part) = touched {
            self.outbox.push(part.current(&self.plan, self.own_layout));
        }
        self.after_history(done, self.t().redone);
    }

    fn after_history(&mut self, done: bool, message: &str) {
        if !done {
            self.status = Some(self.t().nothing_to_undo.into());
            return;
        }
        if self.step == Step::OwnPackages {
            self.picker.chosen = self.plan.own_packages.clone();
        }
        let n = match self.step {
            Step::Clients => self.plan.clients.len(),
            Step::Teams => self.plan.teams.len(),
            _ => usize::MAX,
        };
        if n != usize::MAX {
            self.sel = self.sel.min(n.saturating_sub(1));
        }
        self.changed();
        self.status = Some(message.into());
    }

    /// The plan changed: mark it, then analyse and save it (one request).
    pub(crate) fn changed(&mut self) {
        self.unsaved = true;
        self.session.revision += 1;
        self.ask(true, true);
    }

    /// Saves the answers if the plan changed since the last save (or, when
    /// this session already owns the file, the step did), on the worker.
    pub fn persist(&mut self) {
        self.ask(false, true);
    }

    /// The session write due now, if any; marks it as done (its outcome
    /// comes back from the worker).
    pub(crate) fn save_job(&mut self) -> Option<Job> {
        let path = self.state_path.clone()?;
        let s = &self.session;
        let plan_changed = s.revision != s.saved_revision;
        let step_changed = s.owns && s.saved_step != Some(self.step);
        let exported = !self.unsaved;
        let export_changed = s.owns && s.saved_exported != exported;
        if !plan_changed && !step_changed && !export_changed {
            return None;
        }
        let job = Job {
            path,
            step: self.step.id().to_string(),
            lang: self.lang.code().to_string(),
            rotate: !self.session.owns,
            exported,
        };
        let s = &mut self.session;
        s.saved_exported = exported;
        s.owns = true;
        s.found = None;
        s.saved_revision = s.revision;
        s.saved_step = Some(self.step);
        Some(job)
    }

    /// Waits for the worker's last save (before the process exits).
    pub fn finish_saving(&mut self) {
        let replies = self.worker.as_mut().map(Worker::finish).unwrap_or_default();
        for r in replies {
            self.take(r);
        }
    }

    /// Whether replacing the plan now would put work aside (it is then kept
    /// as a backup, after asking).
    fn work_at_stake(&self) -> bool {
        self.unsaved || self.session.found.is_some()
    }

    /// Starts a new plan or opens a file; asks first when there is work to keep.
    pub(crate) fn replace(&mut self, what: Replace) -> Result<(), String> {
        if self.work_at_stake() {
            self.overlays.push(Overlay::ConfirmReplace(what));
            return Ok(());
        }
        self.replace_now(what)
    }

    /// Does the replacement: a new start at once, an opened file once it is
    /// read (nothing changes if it cannot be).
    pub(crate) fn replace_now(&mut self, what: Replace) -> Result<(), String> {
        match what {
            Replace::StartNew => {
                self.replace_with(|app| {
                    app.plan = empty_plan().into();
                    app.own_layout = false;
                    app.outbox.whole_plan();
                    app.unsaved = false;
                    app.refresh();
                    app.go(Step::Organisation);
                });
                Ok(())
            }
            Replace::Open(path) => self.open_file(&path, ReadInto::Replace),
        }
    }

    /// Replaces the plan by `new`: the current work is saved first, and the
    /// next save moves it to `wizard.yaml.1`. Undo brings it back as well.
    pub(crate) fn replace_with(&mut self, new: impl FnOnce(&mut App)) {
        self.persist();
        // A new revision, so that an analysis of the old plan still under
        // way is not taken for the new one's; saved as the old one was.
        let s = &mut self.session;
        if s.saved_revision == s.revision {
            s.saved_revision += 1;
        }
        s.revision += 1;
        let old = std::mem::replace(&mut self.plan, empty_plan().into());
        let before = Part::Everything(Box::new(old.into_plan()), self.own_layout);
        self.session.owns = false;
        // A new plan has reached no step yet; `new` moves to its first.
        self.furthest = Step::Welcome;
        self.came_from = None;
        new(self);
        self.record(before);
        self.session.found = None;
    }

    /// The welcome screen's description of the saved session.
    pub fn found_summary(&self) -> Option<String> {
        let found = self.session.found.as_ref()?;
        let t = self.t();
        let plan = &found.saved.plan;
        let who = if plan.organisation.name.is_empty() {
            show_orgnr(&plan.organisation.orgnr)
        } else {
            plan.organisation.name.clone()
        };
        let step = Step::from_id(&found.saved.step).unwrap_or(Step::Organisation);
        let ago = found
            .modified
            .and_then(|m| m.elapsed().ok())
            .map(|d| crate::tui::i18n::ago(d, self.lang))
            .unwrap_or_default();
        Some(i18n::fill(
            t.found_session,
            &[
                if who.is_empty() { t.unnamed } else { &who },
                &(step.index() + 1).to_string(),
                t.steps[step.index()],
                &i18n::clients(plan.clients.len(), self.lang),
                &ago,
            ],
        ))
    }

    /// Continues the session found at start.
    pub(crate) fn continue_found(&mut self) {
        let Some(found) = self.session.found.take() else {
            return;
        };
        let config = Config {
            lang: self.lang,
            color: self.color,
            state_path: self.state_path.clone(),
            background: self.background,
        };
        let started = self.started;
        *self = App::resume(config, found.saved);
        if started {
            self.start();
        }
    }
}
