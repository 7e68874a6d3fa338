//! The wizard's state and its pure transitions: `App::on(key) -> Action`.
//!
//! Nothing here touches a terminal, so every transition is testable by feeding
//! keys. The working data is a [`Plan`] (the situation); every answer edits it,
//! and [`App::refresh`] re-runs the advisor, the engine and the renderer, once
//! per change rather than once per frame.

use super::i18n::{self, Strings};
use super::state::{self, Saved};
use crate::catalog::{Fit, catalog};
use crate::cli::Lang;
use crate::decision::Answer;
use crate::orgnr::Orgnr;
use crate::plan::{
    Client, ErRole, FOption, Handle, Organisation, PackageRef, Plan, Relationship, System, Team,
    UnitType,
};
use crate::render;
use crate::rules::{Report, Rule};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::path::{Path, PathBuf};

mod files;
mod line;
pub use files::{OUTPUTS, Output, regular_file};
pub use line::TextLine;
mod drafts;
mod effects;
pub use effects::{Effect, Outcome, Unread};
use effects::{Export, Loaded, ReadInto};
mod forms;
mod layout_edit;
pub use layout_edit::{ClientPick, Dialog, DraftRow, LayoutPick, SuDraft, packages_for, refusal};
mod picker;
mod review;
pub use review::{Merge, merge_layout};
mod replica;
mod session;
mod worker;

use crate::tui::history::Part;
use forms::show_orgnr;
pub use forms::{Row, RowKind, TEAM_ROWS, client_rows};
pub use picker::{PickTarget, Picker, RelationshipPicker};
use replica::{Outbox, Replica};
pub use session::{Replace, Session};
use worker::{Key, Reply, Request, Worker};
pub use worker::{Shared, compute};

/// A new plan has no organisation number yet; this stands in for "not given".
pub const UNSET_ORGNR: &str = "000000000";

/// The wizard's steps, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Welcome,
    Organisation,
    System,
    OwnPackages,
    Clients,
    Teams,
    Options,
    Decision,
    Review,
    Export,
}

impl Step {
    pub const ALL: [Step; 10] = [
        Step::Welcome,
        Step::Organisation,
        Step::System,
        Step::OwnPackages,
        Step::Clients,
        Step::Teams,
        Step::Options,
        Step::Decision,
        Step::Review,
        Step::Export,
    ];

    /// Stable id, used in the state file.
    pub fn id(self) -> &'static str {
        match self {
            Step::Welcome => "welcome",
            Step::Organisation => "organisation",
            Step::System => "system",
            Step::OwnPackages => "own-packages",
            Step::Clients => "clients",
            Step::Teams => "teams",
            Step::Options => "options",
            Step::Decision => "decision",
            Step::Review => "review",
            Step::Export => "export",
        }
    }

    pub fn from_id(id: &str) -> Option<Step> {
        Step::ALL.into_iter().find(|s| s.id() == id)
    }

    pub fn index(self) -> usize {
        Step::ALL.iter().position(|s| *s == self).unwrap_or(0)
    }

    fn next(self) -> Step {
        Step::ALL[(self.index() + 1).min(Step::ALL.len() - 1)]
    }

    fn prev(self) -> Step {
        Step::ALL[self.index().saturating_sub(1)]
    }
}

/// What the event loop should do after a key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Continue,
    Quit,
    /// Ctrl-C: quit as SIGINT would (the session is saved, exit 130).
    Interrupt,
    /// Ctrl-Z: give the terminal back and stop until `fg`.
    Suspend,
}

/// The review screen's panes, in Tab order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    Tree,
    Findings,
    Why,
}

/// A client being added or edited, as typed.
#[derive(Debug, Clone)]
pub struct ClientDraft {
    /// Which client it replaces; `None` adds one.
    pub index: Option<usize>,
    pub orgnr: String,
    pub name: String,
    pub unit_type: String,
    pub roles: Vec<ErRole>,
    pub delegated: Vec<PackageRef>,
    pub sub_entity: bool,
    pub sel: usize,
    /// The client a new one was started like (its label), said on the form.
    pub like: Option<String>,
}

impl ClientDraft {
    /// The form for editing client `index`, as the plan holds it.
    pub fn of(index: usize, c: &Client) -> ClientDraft {
        ClientDraft {
            index: Some(index),
            orgnr: c.orgnr.to_string(),
            name: c.name.clone(),
            unit_type: c
                .unit_type
                .as_ref()
                .map(|u| u.to_string())
                .unwrap_or_default(),
            roles: c.er_roles.clone(),
            delegated: c.delegated.clone(),
            sub_entity: c.sub_entity,
            sel: 0,
            like: None,
        }
    }

    /// The same answers as `other` (where the cursor is aside).
    pub fn same_answers(&self, other: &ClientDraft) -> bool {
        self.orgnr == other.orgnr
            && self.name == other.name
            && self.unit_type == other.unit_type
            && self.roles == other.roles
            && self.delegated == other.delegated
            && self.sub_entity == other.sub_entity
    }
}

/// A team being added or edited, as typed.
#[derive(Debug, Clone)]
pub struct TeamDraft {
    pub index: Option<usize>,
    pub name: String,
    /// The relationship types it handles, picked from a list.
    pub handles: Vec<Relationship>,
    /// The access packages it handles, picked from the catalog.
    pub packages: Vec<PackageRef>,
    pub members: String,
    pub sel: usize,
}

impl TeamDraft {
    /// The form for editing team `index`, as the plan holds it: its handles
    /// split into relationship types and packages, its members in one line.
    pub fn of(index: usize, team: &Team) -> TeamDraft {
        let mut handles = Vec::new();
        let mut packages = Vec::new();
        for h in &team.handles {
            match h {
                Handle::Relationship(r) => handles.push(*r),
                Handle::Package(p) => packages.push(p.clone()),
            }
        }
        TeamDraft {
            index: Some(index),
            name: team.name.clone(),
            handles,
            packages,
            members: team.members.join(" "),
            sel: 0,
        }
    }

    /// The same answers as `other`, in whatever order the handles were picked.
    pub fn same_answers(&self, other: &TeamDraft) -> bool {
        fn same_set<T: PartialEq>(a: &[T], b: &[T]) -> bool {
            a.len() == b.len() && a.iter().all(|x| b.contains(x))
        }
        self.name == other.name
            && self
                .members
                .split_whitespace()
                .eq(other.members.split_whitespace())
            && same_set(&self.handles, &other.handles)
            && same_set(&self.packages, &other.packages)
    }
}

/// Something drawn over the current step; the top one gets the keys.
#[derive(Debug, Clone)]
pub enum Overlay {
    Help,
    ConfirmQuit,
    ConfirmOverwrite(Vec<PathBuf>),
    /// A new start or an opened file would put the current work aside.
    ConfirmReplace(Replace),
    /// `a` on the review: the recommendation merged into the layout, and its steps.
    ConfirmMerge(Box<Merge>),
    /// `e` on the review: the layout's system users, this one selected.
    Layout(usize),
    /// Problems to read, one per line (a client list's bad rows).
    Errors(Vec<String>),
    /// A finding's details, by its index in the report.
    Finding(usize),
    Picker(Picker),
    /// A dialog of the layout editor (new system user, its clients, its packages).
    Edit(Dialog),
    /// The team dialog's relationship types.
    Relationships(RelationshipPicker),
    Client(ClientDraft),
    Team(TeamDraft),
    /// Esc on a client or team form with typed changes: drop them?
    ConfirmDrop,
}

/// A text field being typed into.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    pub row: Row,
    pub buffer: TextLine,
    pub error: Option<String>,
    /// The buffer still holds the old value: the first typed character replaces it.
    pub fresh: bool,
}

impl Input {
    /// Editing `row`, which holds `value`, with the cursor after it.
    pub fn new(row: Row, value: impl Into<String>) -> Input {
        Input {
            row,
            buffer: TextLine::new(value),
            error: None,
            fresh: true,
        }
    }
}

/// How the tree is exported beside the plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TreeExport {
    None,
    Text,
    Markdown,
}

/// What the review shows, computed once per change.
#[derive(Debug, Clone, Default)]
pub struct Computed {
    /// The reviewed plan: the recommended layout, or the user's own
    /// (shared with the export, which writes it off the input thread).
    pub plan: Option<std::sync::Arc<Plan>>,
    pub report: Report,
    pub tree: Vec<String>,
    /// What the seven questions' answers follow from; worded at draw
    /// ([`App::answers`]), so a language switch rewords them at once.
    pub facts: Option<crate::decision::Facts>,
    /// Scenario F's two options for this plan (`sysuser compare`).
    pub compare: Option<crate::compare::Comparison>,
    /// The reviewed plan's routing table, totalled.
    pub routes: Option<crate::analysis::RouteTotals>,
    /// What the texts say, as data: a language switch rewords from these.
    pub texts: Option<crate::analysis::Texts>,
}

/// How the wizard starts.
#[derive(Debug, Clone)]
pub struct Config {
    pub lang: Lang,
    pub color: bool,
    /// Where answers are saved after every step; `None`: nowhere (tests).
    pub state_path: Option<PathBuf>,
    /// Recompute on a worker thread (the terminal); tests compute at once.
    pub background: bool,
}

pub struct App {
    pub background: bool,
    /// Analyses and saves off the input thread (`None`: at once, in tests).
    worker: Option<Worker>,
    /// The changes not yet sent to the workers' replica of the plan.
    outbox: Outbox,
    /// The replica itself when there is no worker (tests).
    local: Replica,
    /// What keys asked of the world outside, for the event loop to run.
    effects: Vec<effects::Effect>,
    /// The newest analysis asked for and not yet in.
    expected: Option<Key>,
    /// What `computed` is an analysis of.
    computed_key: Option<Key>,
    /// Analyses asked for so far (a language switch asks for none).
    pub analyses_asked: u64,
    /// The autosave, its backups and the undo history.
    pub session: Session,
    started: bool,
    deferred_refresh: bool,
    deferred_persist: bool,
    pub lang: Lang,
    pub color: bool,
    pub state_path: Option<PathBuf>,
    pub step: Step,
    /// The step the user left for the welcome screen, which then offers
    /// the way back to the plan (the welcome screen takes no step keys).
    pub came_from: Option<Step>,
    /// The furthest step reached: the steps before it keep their ✓ when
    /// the user goes back to one of them.
    pub furthest: Step,
    pub plan: Shared,
    /// Review the plan's own layout instead of the recommended one.
    pub own_layout: bool,
    pub computed: Computed,
    /// Selected row of the current step's form or list.
    pub sel: usize,
    pub overlays: Vec<Overlay>,
    pub input: Option<Input>,
    pub picker: Picker,
    pub question: usize,
    pub pane: Pane,
    /// The focused review pane fills the screen.
    pub zoom: bool,
    pub tree_scroll: usize,
    pub finding_sel: usize,
    /// The first line of the Why pane shown, counted in wrapped lines.
    pub why_scroll: usize,
    /// The Why pane's inner width and height when last drawn: its keys
    /// scroll by the lines as they wrap, a page at a time.
    pub why_view: std::cell::Cell<(u16, u16)>,
    /// The clients step's find field, while it is open.
    pub client_search: Option<TextLine>,
    pub export_plan: String,
    pub export_tree: String,
    pub tree_export: TreeExport,
    /// Which of [`OUTPUTS`] the export writes.
    pub export_outputs: [bool; OUTPUTS.len()],
    /// Files written this session, printed after quitting.
    pub written: Vec<PathBuf>,
    /// The files the last export wrote, listed on the export step; empty
    /// after an export that failed, so that no list suggests it worked.
    pub exported: Vec<PathBuf>,
    /// The plan changed since it was loaded or last exported.
    pub unsaved: bool,
    /// The revision the export under way writes: edits made while it writes
    /// keep the plan unsaved.
    exporting: Option<u64>,
    pub status: Option<String>,
}

impl App {
    /// A new, empty situation on the welcome screen.
    pub fn new(config: Config) -> App {
        let mut app = App::build(config, true);
        // The saved session's language, as continuing it (or `--resume`)
        // would use: the welcome screen does not speak English to someone
        // who chose bokmål.
        if let Some(found) = &app.session.found {
            app.lang = Lang::from_code(&found.saved.lang);
        }
        app
    }

    fn build(config: Config, look: bool) -> App {
        let plan = empty_plan();
        let session = Session::new(&config, look);
        let sel = usize::from(session.found.is_some());
        let lang = config.lang;
        let mut app = App {
            background: config.background,
            worker: None,
            outbox: Outbox::default(),
            local: Replica::default(),
            effects: Vec::new(),
            expected: None,
            computed_key: None,
            analyses_asked: 0,
            session,
            started: false,
            deferred_refresh: false,
            deferred_persist: false,
            lang,
            color: config.color,
            state_path: config.state_path,
            step: Step::Welcome,
            came_from: None,
            furthest: Step::Welcome,
            picker: Picker::new(PickTarget::Own, Vec::new()),
            plan: plan.into(),
            own_layout: false,
            computed: Computed::default(),
            sel,
            overlays: Vec::new(),
            input: None,
            question: 0,
            pane: Pane::Tree,
            zoom: false,
            tree_scroll: 0,
            finding_sel: 0,
            why_scroll: 0,
            why_view: std::cell::Cell::new((0, 0)),
            client_search: None,
            export_plan: "plan.yaml".into(),
            export_tree: "plan-tree.txt".into(),
            tree_export: TreeExport::Text,
            export_outputs: [false; OUTPUTS.len()],
            written: Vec::new(),
            exported: Vec::new(),
            unsaved: false,
            exporting: None,
            status: None,
        };
        app.refresh();
        app
    }

    /// Starts from a plan: a complete one (with system users) opens on the
    /// review, a situation on the first fact step.
    pub fn with_plan(config: Config, plan: Plan, origin: Option<&Path>) -> App {
        let mut app = App::build(config, true);
        app.load_plan(plan, origin);
        app
    }

    /// Continues a saved session.
    pub fn resume(config: Config, saved: Saved) -> App {
        let mut app = App::build(config, false);
        app.own_session(true);
        app.lang = Lang::from_code(&saved.lang);
        app.plan = saved.plan.into();
        app.own_layout = saved.own_layout && !app.plan.system_users.is_empty();
        app.outbox.whole_plan();
        app.step = Step::from_id(&saved.step).unwrap_or(Step::Organisation);
        app.furthest = app.step;
        app.picker = Picker::new(PickTarget::Own, app.plan.own_packages.clone());
        // Exported as saved: quitting needs no question until the next change.
        app.unsaved = !saved.exported;
        app.session.saved_exported = saved.exported;
        app.refresh();
        app
    }

    pub fn t(&self) -> &'static Strings {
        i18n::strings(self.lang)
    }

    /// The seven questions' answers in the wizard's language (none until
    /// the first analysis is in).
    pub fn answers(&self) -> Vec<Answer> {
        let Some(facts) = &self.computed.facts else {
            return Vec::new();
        };
        crate::decision::QUESTIONS
            .iter()
            .map(|q| crate::decision::answer_from_in(q, facts, self.lang))
            .collect()
    }

    fn load_plan(&mut self, plan: Plan, origin: Option<&Path>) {
        self.own_layout = !plan.system_users.is_empty();
        self.plan = plan.into();
        self.outbox.whole_plan();
        self.picker = Picker::new(PickTarget::Own, self.plan.own_packages.clone());
        if let Some(stem) = origin.and_then(|p| p.file_stem()).and_then(|s| s.to_str()) {
            self.export_plan = format!("{stem}-plan.yaml");
            self.export_tree = format!("{stem}-tree.txt");
        }
        self.unsaved = false;
        self.refresh();
        let step = if self.own_layout {
            Step::Review
        } else {
            Step::Organisation
        };
        self.go(step);
    }

    /// Asks for the current plan's analysis: on the worker when `background`
    /// is set (the terminal front end), so a 100,000-client plan never freezes
    /// the screen, else at once. [`App::poll_computed`] takes in the newest.
    pub fn refresh(&mut self) {
        self.ask(true, false);
    }

    /// What an analysis of the current state would be of.
    fn key(&self) -> Key {
        Key {
            revision: self.session.revision(),
            own_layout: self.own_layout,
            lang: self.lang,
        }
    }

    /// Sends the worker an analysis, a save of the session, or both.
    pub(crate) fn ask(&mut self, analyse: bool, save: bool) {
        if self.background && !self.started {
            self.deferred_refresh |= analyse;
            self.deferred_persist |= save;
            return;
        }
        let save = if save { self.save_job() } else { None };
        if !analyse && save.is_none() {
            return;
        }
        let key = self.key();
        if analyse {
            self.expected = Some(key);
            self.analyses_asked += 1;
        }
        let batch = self.outbox.batch(&self.plan, self.own_layout, key.revision);
        let req = Request {
            seq: batch.seq,
            lang: self.lang,
            analyse,
            save,
        };
        match &mut self.worker {
            Some(w) => w.send(batch, req),
            None => {
                for reply in worker::serve_here(&mut self.local, batch, req) {
                    self.take(reply);
                }
            }
        }
    }

    /// The workers' replica of the plan and its reviewed layout, when there
    /// is no worker (tests): it must equal [`App::plan`] after every change.
    pub fn replica(&self) -> Option<(&Plan, bool)> {
        (!self.background).then_some((&self.local.plan, self.local.own_layout))
    }

    /// Takes in the worker's replies; `true` when the screen changed.
    pub fn poll_computed(&mut self) -> bool {
        let Some(replies) = self.worker.as_mut().map(Worker::replies) else {
            return false;
        };
        let Some(replies) = replies else {
            // The worker is gone (it panicked): stop waiting for it.
            self.expected = None;
            return true;
        };
        let mut changed = false;
        for r in replies {
            changed |= self.take(r);
        }
        changed
    }

    fn take(&mut self, reply: Reply) -> bool {
        match reply {
            Reply::Analysed(mut key, mut computed) => {
                // Newest wins: an analysis of an older revision is dropped.
                // One asked for before a language switch is worded again.
                let lang = self.lang;
                if self.expected != Some(Key { lang, ..key }) {
                    return false;
                }
                self.expected = None;
                if key.lang != lang {
                    computed.reword(lang);
                    key.lang = lang;
                }
                self.apply(key, *computed);
                true
            }
            Reply::Saved(result) => {
                let was = self.session.error.clone();
                self.session.error = result.err();
                was != self.session.error
            }
        }
    }

    /// Whether advice and check are still being worked out.
    pub fn computing(&self) -> bool {
        self.expected.is_some()
    }

    fn apply(&mut self, key: Key, computed: Computed) {
        self.computed = computed;
        self.computed_key = Some(key);
        self.finding_sel = self
            .finding_sel
            .min(self.computed.report.findings.len().saturating_sub(1));
    }

    /// The language changed: the analysis on screen, and the one on its
    /// way, are worded again from their texts; nothing is analysed anew.
    pub(crate) fn reword(&mut self) {
        let lang = self.lang;
        if let Some(key) = self.computed_key.as_mut() {
            key.lang = lang;
            self.computed.reword(lang);
        }
        if let Some(key) = self.expected.as_mut() {
            key.lang = lang;
        }
    }

    /// Moves to a step. The session is saved when the plan changes, not per step.
    pub fn go(&mut self, step: Step) {
        if step == Step::Welcome && self.step != Step::Welcome {
            self.came_from = Some(self.step);
        }
        self.step = step;
        if step.index() > self.furthest.index() {
            self.furthest = step;
        }
        self.sel = 0;
        self.input = None;
        if step == Step::OwnPackages {
            self.picker = Picker::new(PickTarget::Own, self.plan.own_packages.clone());
        }
    }

    /// Called by the event loop after the first frame is on screen: starts
    /// the workers (advice, saving), whose first analysis of a large plan
    /// takes a while.
    pub fn start(&mut self) {
        self.started = true;
        if self.background && self.worker.is_none() {
            self.worker = Some(Worker::spawn());
        }
        if std::mem::take(&mut self.deferred_refresh) {
            self.refresh();
        }
        if std::mem::take(&mut self.deferred_persist) {
            self.persist();
        }
    }

    /// Leaves the step forward, if what it needs is there.
    pub(crate) fn next_step(&mut self) {
        if self.step == Step::Organisation && self.plan.organisation.orgnr.as_str() == UNSET_ORGNR {
            self.status = Some(self.t().need_orgnr.into());
            self.sel = 0;
            return;
        }
        if self.step == Step::Export {
            self.start_export();
            return;
        }
        let mut step = self.step.next();
        while !self.applies(step) {
            step = step.next();
        }
        self.go(step);
    }

    /// The step before this one that applies.
    pub(crate) fn prev_step(&self) -> Step {
        let mut step = self.step.prev();
        while !self.applies(step) {
            step = step.prev();
        }
        step
    }

    /// Whether a step has anything to ask for this plan: teams and the
    /// options are about clients, so without clients `n` and Esc pass them
    /// (a digit still opens them).
    pub fn applies(&self, step: Step) -> bool {
        match step {
            Step::Teams | Step::Options => !self.plan.clients.is_empty(),
            _ => true,
        }
    }

    pub(crate) fn on_overlay(&mut self, overlay: Overlay, key: KeyEvent) -> Action {
        match overlay {
            Overlay::Help | Overlay::Errors(_) => {}
            Overlay::ConfirmDrop => match key.code {
                KeyCode::Char('y') | KeyCode::Char('j') => {
                    self.overlays.pop();
                    self.status = Some(self.t().draft_dropped.into());
                }
                KeyCode::Char('n') | KeyCode::Esc => {}
                _ => self.overlays.push(Overlay::ConfirmDrop),
            },
            Overlay::ConfirmQuit => match key.code {
                KeyCode::Char('y') | KeyCode::Char('j') => return Action::Quit,
                KeyCode::Char('n') | KeyCode::Esc => {}
                _ => self.overlays.push(Overlay::ConfirmQuit),
            },
            Overlay::ConfirmOverwrite(paths) => match key.code {
                KeyCode::Char('y') | KeyCode::Char('j') => self.write_export(),
                KeyCode::Char('n') | KeyCode::Esc => {
                    self.status = Some(self.t().not_written.into());
                }
                _ => self.overlays.push(Overlay::ConfirmOverwrite(paths)),
            },
            Overlay::ConfirmReplace(what) => match key.code {
                KeyCode::Char('y') | KeyCode::Char('j') => {
                    if let Err(e) = self.replace_now(what) {
                        self.status = Some(e);
                    }
                }
                KeyCode::Char('n') | KeyCode::Esc => {}
                _ => self.overlays.push(Overlay::ConfirmReplace(what)),
            },
            Overlay::ConfirmMerge(m) => match key.code {
                KeyCode::Char('y') | KeyCode::Char('j') => {
                    let Merge {
                        system_users,
                        advice,
                        ..
                    } = *m;
                    self.apply_merge(system_users, Some(advice));
                    self.status = Some(self.t().now_recommended.into());
                }
                KeyCode::Char('n') | KeyCode::Esc => {}
                _ => self.overlays.push(Overlay::ConfirmMerge(m)),
            },
            Overlay::Layout(i) => self.on_layout(i, key),
            Overlay::Edit(d) => self.on_dialog(d, key),
            Overlay::Finding(i) => match key.code {
                KeyCode::Enter => self.jump_to_finding(i),
                KeyCode::Char('f') if self.fix_for(i).is_some() => self.apply_fix(i),
                KeyCode::Esc | KeyCode::Backspace | KeyCode::Char('q') => {}
                _ => self.overlays.push(Overlay::Finding(i)),
            },
            Overlay::Picker(mut p) => {
                if p.on(key) {
                    match p.target {
                        PickTarget::Delegated => {
                            if let Some(Overlay::Client(d)) = self.overlays.last_mut() {
                                d.delegated = p.chosen;
                            }
                        }
                        PickTarget::Layout(pick) => self.layout_picked(pick, p.chosen),
                        PickTarget::TeamPackages => {
                            if let Some(Overlay::Team(d)) = self.overlays.last_mut() {
                                d.packages = p.chosen;
                            }
                        }
                        _ => {
                            let before = Part::System(self.plan.system.clone());
                            self.plan.system.access_packages = p.chosen;
                            self.changed_from(before);
                        }
                    }
                } else {
                    self.overlays.push(Overlay::Picker(p));
                }
            }
            Overlay::Relationships(mut p) => {
                if p.on(key) {
                    if let Some(Overlay::Team(d)) = self.overlays.last_mut() {
                        d.handles = p.chosen;
                    }
                } else {
                    self.overlays.push(Overlay::Relationships(p));
                }
            }
            form @ (Overlay::Client(_) | Overlay::Team(_)) => {
                self.overlays.push(form);
                match key.code {
                    // What was typed is not thrown away without asking.
                    KeyCode::Esc if self.draft_changed() => {
                        self.overlays.push(Overlay::ConfirmDrop)
                    }
                    KeyCode::Esc => {
                        self.overlays.pop();
                    }
                    KeyCode::Char('?') => self.overlays.push(Overlay::Help),
                    _ => self.on_form(key),
                }
            }
        }
        Action::Continue
    }
}

/// Moves a list selection for ↑/↓, j/k, PageUp/PageDown, Home/End, g/G.
pub fn move_sel(sel: &mut usize, len: usize, code: KeyCode) {
    if len == 0 {
        *sel = 0;
        return;
    }
    let last = len - 1;
    *sel = match code {
        KeyCode::Up | KeyCode::Char('k') => sel.saturating_sub(1),
        KeyCode::Down | KeyCode::Char('j') => (*sel + 1).min(last),
        KeyCode::PageUp => sel.saturating_sub(10),
        KeyCode::PageDown => (*sel + 10).min(last),
        KeyCode::Home | KeyCode::Char('g') => 0,
        KeyCode::End | KeyCode::Char('G') => last,
        _ => (*sel).min(last),
    };
}

/// Whether a package fits the kind of system user it is meant for.
pub fn fit_label(fit: Fit, t: &Strings) -> &'static str {
    match fit {
        Fit::Standard => t.fit_standard,
        Fit::Client => t.fit_client,
        Fit::Both => t.fit_both,
        Fit::Neither => t.fit_neither,
    }
}

/// A situation with nothing filled in yet.
pub fn empty_plan() -> Plan {
    let unset = Orgnr::parse(UNSET_ORGNR).expect("nine digits");
    Plan {
        version: 1,
        organisation: Organisation {
            orgnr: unset.clone(),
            name: String::new(),
            unit_type: None,
            operational_units: Vec::new(),
        },
        system: System {
            id: String::new(),
            vendor: unset,
            access_packages: Vec::new(),
            visible: true,
            locally_installed: false,
            name: Default::default(),
            description: Default::default(),
            maskinporten_client_ids: Vec::new(),
            redirect_urls: Vec::new(),
        },
        own_packages: Vec::new(),
        options: Default::default(),
        clients: Vec::new(),
        teams: Vec::new(),
        system_users: Vec::new(),
        advice: None,
    }
}
