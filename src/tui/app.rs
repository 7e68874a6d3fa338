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
use crate::decision::{self, Answer};
use crate::orgnr::Orgnr;
use crate::plan::{
    Client, ErRole, FOption, Handle, Organisation, PackageRef, Plan, Relationship, System, Team,
    UnitType,
};
use crate::render;
use crate::rules::{Report, Rule};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::path::{Path, PathBuf};

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
}

/// The review screen's panes, in Tab order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    Tree,
    Findings,
    Why,
}

/// One row of a form: what it edits and how.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Row {
    Language,
    StartNew,
    OpenFile,
    Resume,
    Quit,
    OrgNr,
    OrgName,
    OrgUnitType,
    SysId,
    SysVendor,
    SysPackages,
    SysLocal,
    SysVisible,
    SelfOnClient,
    FOption,
    ExportPlan,
    ExportTreeFormat,
    ExportTree,
    ExportWrite,
    Continue,
    ClientOrgnr,
    ClientName,
    ClientUnitType,
    ClientRole(ErRole),
    ClientDelegated,
    ClientSubEntity,
    TeamName,
    TeamHandles,
    TeamMembers,
    Save,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowKind {
    /// Enter edits it as text.
    Text,
    /// Enter or Space flips it.
    Toggle,
    /// Enter opens the package picker.
    Packages,
    /// Enter does it.
    Action,
}

impl Row {
    pub fn kind(self) -> RowKind {
        use Row::*;
        match self {
            OpenFile | OrgNr | OrgName | OrgUnitType | SysId | SysVendor | ExportPlan
            | ExportTree | ClientOrgnr | ClientName | ClientUnitType | TeamName | TeamHandles
            | TeamMembers => RowKind::Text,
            Language | SysLocal | SysVisible | SelfOnClient | FOption | ExportTreeFormat
            | ClientRole(_) | ClientSubEntity => RowKind::Toggle,
            SysPackages | ClientDelegated => RowKind::Packages,
            StartNew | Resume | Quit | ExportWrite | Continue | Save => RowKind::Action,
        }
    }
}

/// Which list of packages a picker edits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PickTarget {
    System,
    Own,
    Delegated,
}

/// The searchable package picker over the catalog's organisation packages.
#[derive(Debug, Clone)]
pub struct Picker {
    pub target: PickTarget,
    pub filter: String,
    pub filtering: bool,
    pub sel: usize,
    pub chosen: Vec<PackageRef>,
    /// Indices into `catalog().packages()` that match the filter.
    pub matches: Vec<usize>,
}

impl Picker {
    pub fn new(target: PickTarget, chosen: Vec<PackageRef>) -> Picker {
        let mut p = Picker {
            target,
            filter: String::new(),
            filtering: false,
            sel: 0,
            chosen,
            matches: Vec::new(),
        };
        p.refilter();
        p
    }

    fn refilter(&mut self) {
        let all = catalog().packages();
        let hits: Vec<&str> = catalog()
            .search(&self.filter)
            .filter(|p| !p.is_person_package())
            .map(|p| p.code.as_str())
            .collect();
        self.matches = all
            .iter()
            .enumerate()
            .filter(|(_, p)| hits.contains(&p.code.as_str()))
            .map(|(i, _)| i)
            .collect();
        self.sel = self.sel.min(self.matches.len().saturating_sub(1));
    }

    pub fn is_chosen(&self, code: &str) -> bool {
        self.chosen.iter().any(|c| c.code() == code)
    }

    fn toggle(&mut self) {
        let Some(&i) = self.matches.get(self.sel) else {
            return;
        };
        let code = &catalog().packages()[i].code;
        if let Some(pos) = self.chosen.iter().position(|c| c.code() == code) {
            self.chosen.remove(pos);
        } else {
            self.chosen.push(PackageRef::new(code));
        }
    }

    /// Handles a key; `true` when the picker is done (Esc outside the filter).
    fn on(&mut self, key: KeyEvent) -> bool {
        if self.filtering {
            match key.code {
                KeyCode::Esc => {
                    self.filter.clear();
                    self.filtering = false;
                    self.refilter();
                }
                KeyCode::Enter | KeyCode::Down | KeyCode::Tab => self.filtering = false,
                KeyCode::Backspace => {
                    self.filter.pop();
                    self.refilter();
                }
                KeyCode::Char(c) => {
                    self.filter.push(c);
                    self.sel = 0;
                    self.refilter();
                }
                _ => {}
            }
            return false;
        }
        match key.code {
            KeyCode::Char('/') => {
                self.filtering = true;
                self.filter.clear();
                self.refilter();
            }
            KeyCode::Char(' ') | KeyCode::Enter => self.toggle(),
            KeyCode::Esc | KeyCode::Backspace => return true,
            code => move_sel(&mut self.sel, self.matches.len(), code),
        }
        false
    }
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
}

/// A team being added or edited, as typed.
#[derive(Debug, Clone)]
pub struct TeamDraft {
    pub index: Option<usize>,
    pub name: String,
    pub handles: String,
    pub members: String,
    pub sel: usize,
}

/// Something drawn over the current step; the top one gets the keys.
#[derive(Debug, Clone)]
pub enum Overlay {
    Help,
    ConfirmQuit,
    ConfirmOverwrite(Vec<PathBuf>),
    /// A finding's details, by its index in the report.
    Finding(usize),
    Picker(Picker),
    Client(ClientDraft),
    Team(TeamDraft),
}

/// A text field being typed into.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    pub row: Row,
    pub buffer: String,
    pub error: Option<String>,
    /// The buffer still holds the old value: the first typed character replaces it.
    pub fresh: bool,
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
    /// The reviewed plan: the recommended layout, or the user's own.
    pub plan: Option<Plan>,
    pub report: Report,
    pub tree: Vec<String>,
    pub answers: Vec<Answer>,
    /// Scenario F's two options for this plan (`sysuser compare`).
    pub compare: Option<crate::compare::Comparison>,
}

/// Advice, findings, tree, answers and F figures for one plan.
pub fn compute(plan: &Plan, own_layout: bool, lang: Lang) -> Computed {
    let reviewed = if own_layout {
        plan.clone()
    } else {
        let mut situation = plan.clone();
        situation.system_users.clear();
        situation.advice = None;
        crate::advisor::advise_in(&situation, lang)
    };
    let report = crate::engine::check_in(&reviewed, lang);
    let tree = render::render(
        &reviewed,
        &render::Options {
            format: render::Format::Text,
            limit: Some(10),
            lang: lang.code(),
        },
    )
    .lines()
    .map(str::to_string)
    .collect();
    let answers = decision::QUESTIONS
        .iter()
        .map(|q| decision::answer_in(q, plan, lang))
        .collect();
    let compare = Some(crate::compare::compare_in(plan, lang));
    Computed {
        plan: Some(reviewed),
        report,
        tree,
        answers,
        compare,
    }
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
    generation: u64,
    pending: Option<std::sync::mpsc::Receiver<(u64, Computed)>>,
    saver: Option<state::Saver>,
    started: bool,
    deferred_refresh: bool,
    deferred_persist: bool,
    pub lang: Lang,
    pub color: bool,
    pub state_path: Option<PathBuf>,
    pub step: Step,
    pub plan: Plan,
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
    pub why_scroll: usize,
    pub client_search: Option<String>,
    pub export_plan: String,
    pub export_tree: String,
    pub tree_export: TreeExport,
    /// Files written this session, printed after quitting.
    pub written: Vec<PathBuf>,
    /// The plan changed since it was loaded or last exported.
    pub unsaved: bool,
    pub status: Option<String>,
}

impl App {
    /// A new, empty situation on the welcome screen.
    pub fn new(config: Config) -> App {
        let plan = empty_plan();
        let mut app = App {
            background: config.background,
            generation: 0,
            pending: None,
            saver: (config.background && config.state_path.is_some()).then(state::Saver::spawn),
            started: false,
            deferred_refresh: false,
            deferred_persist: false,
            lang: config.lang,
            color: config.color,
            state_path: config.state_path,
            step: Step::Welcome,
            picker: Picker::new(PickTarget::Own, Vec::new()),
            plan,
            own_layout: false,
            computed: Computed::default(),
            sel: 0,
            overlays: Vec::new(),
            input: None,
            question: 0,
            pane: Pane::Tree,
            zoom: false,
            tree_scroll: 0,
            finding_sel: 0,
            why_scroll: 0,
            client_search: None,
            export_plan: "plan.yaml".into(),
            export_tree: "plan-tree.txt".into(),
            tree_export: TreeExport::Text,
            written: Vec::new(),
            unsaved: false,
            status: None,
        };
        app.refresh();
        app
    }

    /// Starts from a plan: a complete one (with system users) opens on the
    /// review, a situation on the first fact step.
    pub fn with_plan(config: Config, plan: Plan, origin: Option<&Path>) -> App {
        let mut app = App::new(config);
        app.load_plan(plan, origin);
        app
    }

    /// Continues a saved session.
    pub fn resume(config: Config, saved: Saved) -> App {
        let mut app = App::new(config);
        app.lang = if saved.lang == "nb" {
            Lang::Nb
        } else {
            Lang::En
        };
        app.plan = saved.plan;
        app.own_layout = saved.own_layout && !app.plan.system_users.is_empty();
        app.step = Step::from_id(&saved.step).unwrap_or(Step::Organisation);
        app.picker = Picker::new(PickTarget::Own, app.plan.own_packages.clone());
        app.unsaved = true;
        app.refresh();
        app
    }

    pub fn t(&self) -> &'static Strings {
        i18n::strings(self.lang)
    }

    fn load_plan(&mut self, plan: Plan, origin: Option<&Path>) {
        self.own_layout = !plan.system_users.is_empty();
        self.plan = plan;
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

    /// Re-runs advice, check and render for the current plan: at once, or on a
    /// worker thread when `background` is set (the terminal front end), so a
    /// 100,000-client plan never freezes the screen. A newer request makes an
    /// older result stale; [`App::poll_computed`] takes in the latest.
    pub fn refresh(&mut self) {
        if self.background && !self.started {
            self.deferred_refresh = true;
            return;
        }
        let plan = self.plan.clone();
        let (own, lang) = (self.own_layout, self.lang);
        if !self.background {
            self.apply(compute(&plan, own, lang));
            return;
        }
        self.generation += 1;
        let generation = self.generation;
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let _ = tx.send((generation, compute(&plan, own, lang)));
        });
        self.pending = Some(rx);
    }

    /// Takes in a finished background computation; `true` when the screen changed.
    pub fn poll_computed(&mut self) -> bool {
        if let Some((path, e)) = self.saver.as_ref().and_then(state::Saver::error) {
            self.status = Some(i18n::fill(
                self.t().state_not_saved,
                &[&path.display().to_string(), &e],
            ));
        }
        let Some(rx) = &self.pending else {
            return false;
        };
        match rx.try_recv() {
            Ok((generation, computed)) if generation == self.generation => {
                self.pending = None;
                self.apply(computed);
                true
            }
            Ok(_) => false,
            Err(std::sync::mpsc::TryRecvError::Empty) => false,
            Err(std::sync::mpsc::TryRecvError::Disconnected) => {
                self.pending = None;
                false
            }
        }
    }

    /// Whether advice and check are still being worked out.
    pub fn computing(&self) -> bool {
        self.pending.is_some()
    }

    fn apply(&mut self, computed: Computed) {
        self.computed = computed;
        self.finding_sel = self
            .finding_sel
            .min(self.computed.report.findings.len().saturating_sub(1));
    }

    /// The plan changed: mark it and recompute.
    fn changed(&mut self) {
        self.unsaved = true;
        self.refresh();
    }

    /// Moves to a step and saves the answers so far.
    pub fn go(&mut self, step: Step) {
        self.step = step;
        self.sel = 0;
        self.input = None;
        if step == Step::OwnPackages {
            self.picker = Picker::new(PickTarget::Own, self.plan.own_packages.clone());
        }
        self.persist();
    }

    /// Saves the answers to the state file, if there is one.
    pub fn persist(&mut self) {
        let Some(path) = self.state_path.clone() else {
            return;
        };
        if self.background && !self.started {
            self.deferred_persist = true;
            return;
        }
        let saved = Saved {
            step: self.step.id().to_string(),
            lang: self.lang.code().to_string(),
            own_layout: self.own_layout,
            plan: self.plan.clone(),
        };
        if let Some(saver) = &self.saver {
            saver.send(path, saved);
        } else if let Err(e) = state::save(&path, &saved) {
            self.status = Some(i18n::fill(
                self.t().state_not_saved,
                &[&path.display().to_string(), &e.to_string()],
            ));
        }
    }

    /// Called after the first frame is on screen: starts the work that
    /// copies the plan (advice, saving), which takes a while for large plans.
    pub fn start(&mut self) {
        self.started = true;
        if std::mem::take(&mut self.deferred_refresh) {
            self.refresh();
        }
        if std::mem::take(&mut self.deferred_persist) {
            self.persist();
        }
    }

    /// Waits for the state file to be written (before the process exits).
    pub fn finish_saving(&mut self) {
        if let Some(saver) = &mut self.saver {
            saver.finish();
        }
    }

    /// The rows of the form that has the keys: the top overlay's or the step's.
    pub fn rows(&self) -> Vec<Row> {
        match self.overlays.last() {
            Some(Overlay::Client(_)) => {
                let mut rows = vec![Row::ClientOrgnr, Row::ClientName, Row::ClientUnitType];
                rows.extend(ErRole::ALL.map(Row::ClientRole));
                rows.extend([Row::ClientDelegated, Row::ClientSubEntity, Row::Save]);
                return rows;
            }
            Some(Overlay::Team(_)) => {
                return vec![Row::TeamName, Row::TeamHandles, Row::TeamMembers, Row::Save];
            }
            _ => {}
        }
        match self.step {
            Step::Welcome => {
                let mut rows = vec![Row::Language, Row::StartNew, Row::OpenFile];
                if self.state_path.as_deref().is_some_and(Path::exists) {
                    rows.push(Row::Resume);
                }
                rows.push(Row::Quit);
                rows
            }
            Step::Organisation => vec![Row::OrgNr, Row::OrgName, Row::OrgUnitType, Row::Continue],
            Step::System => vec![
                Row::SysId,
                Row::SysVendor,
                Row::SysPackages,
                Row::SysLocal,
                Row::SysVisible,
                Row::Continue,
            ],
            Step::Options => vec![Row::SelfOnClient, Row::FOption, Row::Continue],
            Step::Export => {
                let mut rows = vec![Row::ExportPlan, Row::ExportTreeFormat];
                if self.tree_export != TreeExport::None {
                    rows.push(Row::ExportTree);
                }
                rows.push(Row::ExportWrite);
                rows
            }
            _ => Vec::new(),
        }
    }

    /// The value a row shows.
    pub fn value(&self, row: Row) -> String {
        let t = self.t();
        let yes_no = |b: bool| if b { t.yes } else { t.no }.to_string();
        let packages = |ps: &[PackageRef]| {
            if ps.is_empty() {
                t.none.to_string()
            } else {
                ps.iter()
                    .map(PackageRef::code)
                    .collect::<Vec<_>>()
                    .join(", ")
            }
        };
        let client = self.overlays.iter().rev().find_map(|o| match o {
            Overlay::Client(d) => Some(d),
            _ => None,
        });
        let team = self.overlays.iter().rev().find_map(|o| match o {
            Overlay::Team(d) => Some(d),
            _ => None,
        });
        match row {
            Row::Language => match self.lang {
                Lang::En => "English".into(),
                Lang::Nb => "Norsk (bokmål)".into(),
            },
            Row::OrgNr => show_orgnr(&self.plan.organisation.orgnr),
            Row::OrgName => self.plan.organisation.name.clone(),
            Row::OrgUnitType => self
                .plan
                .organisation
                .unit_type
                .as_ref()
                .map(|u| u.to_string())
                .unwrap_or_default(),
            Row::SysId => self.plan.system.id.clone(),
            Row::SysVendor => show_orgnr(&self.plan.system.vendor),
            Row::SysPackages => packages(&self.plan.system.access_packages),
            Row::SysLocal => yes_no(self.plan.system.locally_installed),
            Row::SysVisible => yes_no(self.plan.system.visible),
            Row::SelfOnClient => yes_no(self.plan.options.self_on_client_system_user),
            Row::FOption => match self.plan.options.f_option {
                None => t.f_unset.into(),
                Some(FOption::PerCombination) => t.f_per_combination.into(),
                Some(FOption::PerService) => t.f_per_service.into(),
            },
            Row::ExportPlan => self.export_plan.clone(),
            Row::ExportTree => self.export_tree.clone(),
            Row::ExportTreeFormat => match self.tree_export {
                TreeExport::None => t.tree_none.into(),
                TreeExport::Text => t.tree_text.into(),
                TreeExport::Markdown => t.tree_markdown.into(),
            },
            Row::ClientOrgnr => client.map(|d| d.orgnr.clone()).unwrap_or_default(),
            Row::ClientName => client.map(|d| d.name.clone()).unwrap_or_default(),
            Row::ClientUnitType => client.map(|d| d.unit_type.clone()).unwrap_or_default(),
            Row::ClientRole(r) => yes_no(client.is_some_and(|d| d.roles.contains(&r))),
            Row::ClientDelegated => client.map(|d| packages(&d.delegated)).unwrap_or_default(),
            Row::ClientSubEntity => yes_no(client.is_some_and(|d| d.sub_entity)),
            Row::TeamName => team.map(|d| d.name.clone()).unwrap_or_default(),
            Row::TeamHandles => team.map(|d| d.handles.clone()).unwrap_or_default(),
            Row::TeamMembers => team.map(|d| d.members.clone()).unwrap_or_default(),
            Row::StartNew
            | Row::OpenFile
            | Row::Resume
            | Row::Quit
            | Row::ExportWrite
            | Row::Continue
            | Row::Save => String::new(),
        }
    }

    /// How many packages a package row holds.
    pub fn value_count(&self, row: Row) -> usize {
        match row {
            Row::SysPackages => self.plan.system.access_packages.len(),
            Row::ClientDelegated => self
                .overlays
                .iter()
                .rev()
                .find_map(|o| match o {
                    Overlay::Client(d) => Some(d.delegated.len()),
                    _ => None,
                })
                .unwrap_or(0),
            _ => 0,
        }
    }

    fn form_sel(&self) -> usize {
        match self.overlays.last() {
            Some(Overlay::Client(d)) => d.sel,
            Some(Overlay::Team(d)) => d.sel,
            _ => self.sel,
        }
    }

    fn set_form_sel(&mut self, sel: usize) {
        match self.overlays.last_mut() {
            Some(Overlay::Client(d)) => d.sel = sel,
            Some(Overlay::Team(d)) => d.sel = sel,
            _ => self.sel = sel,
        }
    }

    /// The form row under the cursor, if the keys go to a form.
    pub fn selected_row(&self) -> Option<Row> {
        self.rows().get(self.form_sel()).copied()
    }

    /// Handles one key press.
    pub fn on(&mut self, key: KeyEvent) -> Action {
        if key.modifiers.contains(KeyModifiers::CONTROL)
            && matches!(key.code, KeyCode::Char('c') | KeyCode::Char('q'))
        {
            return Action::Quit;
        }
        self.status = None;
        if self.input.is_some() {
            self.on_input(key);
            return Action::Continue;
        }
        if let Some(overlay) = self.overlays.pop() {
            return self.on_overlay(overlay, key);
        }
        if self.client_search.is_some() {
            self.on_client_search(key);
            return Action::Continue;
        }
        if self.step == Step::OwnPackages && self.picker.filtering {
            self.picker.on(key);
            return Action::Continue;
        }
        match key.code {
            KeyCode::Char('?') => {
                self.overlays.push(Overlay::Help);
                return Action::Continue;
            }
            KeyCode::Char('q') => {
                if self.unsaved {
                    self.overlays.push(Overlay::ConfirmQuit);
                    return Action::Continue;
                }
                return Action::Quit;
            }
            KeyCode::Esc | KeyCode::Backspace | KeyCode::Left => {
                if self.step != Step::Welcome {
                    self.go(self.step.prev());
                }
                return Action::Continue;
            }
            KeyCode::Char('n') | KeyCode::Right if self.step != Step::Welcome => {
                self.next_step();
                return Action::Continue;
            }
            _ => {}
        }
        match self.step {
            Step::OwnPackages => {
                self.picker.on(key);
                if self.picker.chosen != self.plan.own_packages {
                    self.plan.own_packages = self.picker.chosen.clone();
                    self.changed();
                }
            }
            Step::Clients => self.on_clients(key),
            Step::Teams => self.on_teams(key),
            Step::Decision => self.on_decision(key),
            Step::Review => self.on_review(key),
            _ => self.on_form(key),
        }
        Action::Continue
    }

    /// Leaves the step forward, if what it needs is there.
    fn next_step(&mut self) {
        if self.step == Step::Organisation && self.plan.organisation.orgnr.as_str() == UNSET_ORGNR {
            self.status = Some(self.t().need_orgnr.into());
            self.sel = 0;
            return;
        }
        if self.step == Step::Export {
            self.start_export();
            return;
        }
        self.go(self.step.next());
    }

    fn on_form(&mut self, key: KeyEvent) {
        let rows = self.rows();
        let mut sel = self.form_sel();
        match key.code {
            KeyCode::Enter | KeyCode::Char(' ') => {
                if let Some(&row) = rows.get(sel) {
                    if key.code == KeyCode::Char(' ') && row.kind() != RowKind::Toggle {
                        return;
                    }
                    self.activate(row);
                }
            }
            code => {
                move_sel(&mut sel, rows.len(), code);
                self.set_form_sel(sel);
            }
        }
    }

    /// Enter on a row: edit it, flip it, open the picker, or do it.
    fn activate(&mut self, row: Row) {
        match row.kind() {
            RowKind::Text => {
                let buffer = if row == Row::OpenFile {
                    String::new()
                } else {
                    self.value(row)
                };
                self.input = Some(Input {
                    row,
                    buffer,
                    error: None,
                    fresh: true,
                });
            }
            RowKind::Toggle => self.toggle(row),
            RowKind::Packages => {
                let (target, chosen) = match (row, self.overlays.last()) {
                    (Row::ClientDelegated, Some(Overlay::Client(d))) => {
                        (PickTarget::Delegated, d.delegated.clone())
                    }
                    _ => (PickTarget::System, self.plan.system.access_packages.clone()),
                };
                self.overlays
                    .push(Overlay::Picker(Picker::new(target, chosen)));
            }
            RowKind::Action => self.act(row),
        }
    }

    fn toggle(&mut self, row: Row) {
        match row {
            Row::Language => {
                self.lang = match self.lang {
                    Lang::En => Lang::Nb,
                    Lang::Nb => Lang::En,
                };
                self.refresh();
            }
            Row::SysLocal => {
                self.plan.system.locally_installed = !self.plan.system.locally_installed;
                self.changed();
            }
            Row::SysVisible => {
                self.plan.system.visible = !self.plan.system.visible;
                self.changed();
            }
            Row::SelfOnClient => {
                let o = &mut self.plan.options;
                o.self_on_client_system_user = !o.self_on_client_system_user;
                self.changed();
            }
            Row::FOption => {
                let o = &mut self.plan.options;
                o.f_option = match o.f_option {
                    None => Some(FOption::PerCombination),
                    Some(FOption::PerCombination) => Some(FOption::PerService),
                    Some(FOption::PerService) => None,
                };
                self.changed();
            }
            Row::ExportTreeFormat => {
                self.tree_export = match self.tree_export {
                    TreeExport::None => TreeExport::Text,
                    TreeExport::Text => TreeExport::Markdown,
                    TreeExport::Markdown => TreeExport::None,
                };
                let stem = self
                    .export_tree
                    .rsplit_once('.')
                    .map_or(self.export_tree.as_str(), |(s, _)| s)
                    .to_string();
                match self.tree_export {
                    TreeExport::Text => self.export_tree = format!("{stem}.txt"),
                    TreeExport::Markdown => self.export_tree = format!("{stem}.md"),
                    TreeExport::None => {}
                }
            }
            Row::ClientRole(r) => {
                if let Some(Overlay::Client(d)) = self.overlays.last_mut() {
                    if let Some(p) = d.roles.iter().position(|x| *x == r) {
                        d.roles.remove(p);
                    } else {
                        d.roles.push(r);
                        d.roles.sort();
                    }
                }
            }
            Row::ClientSubEntity => {
                if let Some(Overlay::Client(d)) = self.overlays.last_mut() {
                    d.sub_entity = !d.sub_entity;
                }
            }
            _ => {}
        }
    }

    fn act(&mut self, row: Row) {
        match row {
            Row::StartNew => {
                self.plan = empty_plan();
                self.own_layout = false;
                self.unsaved = false;
                self.refresh();
                self.go(Step::Organisation);
            }
            Row::Resume => {
                let Some(path) = self.state_path.clone() else {
                    return;
                };
                match state::load(&path) {
                    Ok(saved) => {
                        let config = Config {
                            lang: self.lang,
                            color: self.color,
                            state_path: self.state_path.clone(),
                            background: self.background,
                        };
                        *self = App::resume(config, saved);
                    }
                    Err(e) => self.status = Some(e),
                }
            }
            Row::Quit => {
                self.overlays.push(Overlay::ConfirmQuit);
                if !self.unsaved {
                    self.overlays.pop();
                    self.status = Some(self.t().press_q.into());
                }
            }
            Row::Continue => self.next_step(),
            Row::ExportWrite => self.start_export(),
            Row::Save => self.save_draft(),
            _ => {}
        }
    }

    fn on_input(&mut self, key: KeyEvent) {
        let Some(mut input) = self.input.take() else {
            return;
        };
        match key.code {
            KeyCode::Esc => return,
            KeyCode::Enter => match self.commit(input.row, input.buffer.trim()) {
                Ok(()) => {
                    let rows = self.rows();
                    let sel = self.form_sel();
                    if sel + 1 < rows.len() && self.step != Step::Welcome {
                        self.set_form_sel(sel + 1);
                    }
                    return;
                }
                Err(e) => input.error = Some(e),
            },
            KeyCode::Backspace => {
                input.buffer.pop();
                input.error = None;
                input.fresh = false;
            }
            KeyCode::Char('u') if key.modifiers.contains(KeyModifiers::CONTROL) => {
                input.buffer.clear();
            }
            KeyCode::Char(c) => {
                if input.fresh {
                    input.buffer.clear();
                    input.fresh = false;
                }
                input.buffer.push(c);
                input.error = None;
            }
            _ => {}
        }
        self.input = Some(input);
    }

    /// Stores a typed value; the error says what is wrong with it.
    fn commit(&mut self, row: Row, text: &str) -> Result<(), String> {
        let t = self.t();
        let orgnr = |s: &str| Orgnr::parse(s).map_err(|_| t.orgnr_shape.to_string());
        let unit_type = |s: &str| {
            if s.is_empty() {
                Ok(None)
            } else {
                UnitType::parse(s).map(Some)
            }
        };
        match row {
            Row::OpenFile => return self.open_file(Path::new(text)),
            Row::OrgNr => {
                let o = orgnr(text)?;
                if self.plan.system.vendor.as_str() == UNSET_ORGNR {
                    self.plan.system.vendor = o.clone();
                }
                self.plan.organisation.orgnr = o;
            }
            Row::OrgName => self.plan.organisation.name = text.to_string(),
            Row::OrgUnitType => self.plan.organisation.unit_type = unit_type(text)?,
            Row::SysId => {
                if text.contains(char::is_whitespace) {
                    return Err(t.system_id_spaces.into());
                }
                self.plan.system.id = text.to_string();
            }
            Row::SysVendor => self.plan.system.vendor = orgnr(text)?,
            Row::ExportPlan => {
                if text.is_empty() {
                    return Err(t.need_path.into());
                }
                self.export_plan = text.to_string();
                return Ok(());
            }
            Row::ExportTree => {
                if text.is_empty() {
                    return Err(t.need_path.into());
                }
                self.export_tree = text.to_string();
                return Ok(());
            }
            Row::ClientOrgnr | Row::ClientName | Row::ClientUnitType => {
                if row == Row::ClientOrgnr {
                    orgnr(text)?;
                }
                if row == Row::ClientUnitType {
                    unit_type(text)?;
                }
                if let Some(Overlay::Client(d)) = self.overlays.last_mut() {
                    let field = match row {
                        Row::ClientOrgnr => &mut d.orgnr,
                        Row::ClientName => &mut d.name,
                        _ => &mut d.unit_type,
                    };
                    *field = text.to_string();
                }
                return Ok(());
            }
            Row::TeamName | Row::TeamHandles | Row::TeamMembers => {
                if let Some(Overlay::Team(d)) = self.overlays.last_mut() {
                    let field = match row {
                        Row::TeamName => &mut d.name,
                        Row::TeamHandles => &mut d.handles,
                        _ => &mut d.members,
                    };
                    *field = text.to_string();
                }
                return Ok(());
            }
            _ => return Ok(()),
        }
        self.changed();
        Ok(())
    }

    /// Opens a plan (YAML) or a client list (CSV) from the welcome screen or the clients step.
    fn open_file(&mut self, path: &Path) -> Result<(), String> {
        let t = self.t();
        if path.as_os_str().is_empty() {
            return Err(t.need_path.into());
        }
        let is_csv = path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("csv"));
        if is_csv {
            let text = std::fs::read_to_string(path)
                .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
            let clients = crate::import::parse_clients_csv(&text).map_err(|errs| {
                errs.iter()
                    .take(3)
                    .map(|e| format!("{}:{}: {}", path.display(), e.line, e.message))
                    .collect::<Vec<_>>()
                    .join("; ")
            })?;
            let n = clients.len();
            if self.step == Step::Welcome {
                self.plan = empty_plan();
                self.own_layout = false;
            }
            self.merge_clients(clients);
            self.changed();
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
            self.merge_clients(plan.clients);
            self.changed();
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
    fn merge_clients(&mut self, clients: Vec<Client>) {
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

    fn save_draft(&mut self) {
        let Some(overlay) = self.overlays.pop() else {
            return;
        };
        let t = self.t();
        match overlay {
            Overlay::Client(d) => {
                let orgnr = match Orgnr::parse(&d.orgnr) {
                    Ok(o) => o,
                    Err(_) => {
                        self.status = Some(t.orgnr_shape.into());
                        self.overlays
                            .push(Overlay::Client(ClientDraft { sel: 0, ..d }));
                        return;
                    }
                };
                let unit_type = UnitType::parse(&d.unit_type).ok();
                let old = d.index.and_then(|i| self.plan.clients.get(i));
                let client = Client {
                    orgnr,
                    name: d.name.clone(),
                    unit_type,
                    er_roles: d.roles.clone(),
                    delegated: d.delegated.clone(),
                    sub_entity: d.sub_entity,
                    operational_units: old.map(|c| c.operational_units.clone()).unwrap_or_default(),
                };
                match d.index {
                    Some(i) if i < self.plan.clients.len() => self.plan.clients[i] = client,
                    _ => {
                        self.plan.clients.push(client);
                        self.sel = self.plan.clients.len() - 1;
                    }
                }
            }
            Overlay::Team(d) => {
                if d.name.trim().is_empty() {
                    self.status = Some(t.need_team_name.into());
                    self.overlays.push(Overlay::Team(TeamDraft { sel: 0, ..d }));
                    return;
                }
                let team = Team {
                    name: d.name.trim().to_string(),
                    handles: d.handles.split_whitespace().map(parse_handle).collect(),
                    members: d.members.split_whitespace().map(str::to_string).collect(),
                };
                match d.index {
                    Some(i) if i < self.plan.teams.len() => self.plan.teams[i] = team,
                    _ => {
                        self.plan.teams.push(team);
                        self.sel = self.plan.teams.len() - 1;
                    }
                }
            }
            other => {
                self.overlays.push(other);
                return;
            }
        }
        self.changed();
    }

    fn on_overlay(&mut self, overlay: Overlay, key: KeyEvent) -> Action {
        match overlay {
            Overlay::Help => {}
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
            Overlay::Finding(i) => match key.code {
                KeyCode::Enter => self.jump_to_finding(i),
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
                        _ => {
                            if self.plan.system.access_packages != p.chosen {
                                self.plan.system.access_packages = p.chosen;
                                self.changed();
                            }
                        }
                    }
                } else {
                    self.overlays.push(Overlay::Picker(p));
                }
            }
            form @ (Overlay::Client(_) | Overlay::Team(_)) => {
                self.overlays.push(form);
                match key.code {
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

    fn on_clients(&mut self, key: KeyEvent) {
        let n = self.plan.clients.len();
        match key.code {
            KeyCode::Char('a') => self.overlays.push(Overlay::Client(ClientDraft {
                index: None,
                orgnr: String::new(),
                name: String::new(),
                unit_type: String::new(),
                roles: Vec::new(),
                delegated: Vec::new(),
                sub_entity: false,
                sel: 0,
            })),
            KeyCode::Enter | KeyCode::Char('e') => {
                if let Some(c) = self.plan.clients.get(self.sel) {
                    self.overlays.push(Overlay::Client(ClientDraft {
                        index: Some(self.sel),
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
                    }));
                }
            }
            KeyCode::Char('d') | KeyCode::Delete => {
                if self.sel < n {
                    self.plan.clients.remove(self.sel);
                    self.sel = self.sel.min(n.saturating_sub(2));
                    self.changed();
                }
            }
            KeyCode::Char('i') => {
                self.input = Some(Input {
                    row: Row::OpenFile,
                    buffer: String::new(),
                    error: None,
                    fresh: false,
                });
            }
            KeyCode::Char('/') => self.client_search = Some(String::new()),
            code => move_sel(&mut self.sel, n, code),
        }
    }

    fn on_client_search(&mut self, key: KeyEvent) {
        let Some(mut term) = self.client_search.take() else {
            return;
        };
        match key.code {
            KeyCode::Esc | KeyCode::Enter => return,
            KeyCode::Backspace => {
                term.pop();
            }
            KeyCode::Char(c) => term.push(c),
            _ => {}
        }
        let folded = crate::text::fold(&term);
        if !folded.is_empty()
            && let Some(i) = self.plan.clients.iter().position(|c| {
                c.orgnr.as_str().contains(&folded) || crate::text::fold(&c.name).contains(&folded)
            })
        {
            self.sel = i;
        }
        self.client_search = Some(term);
    }

    fn on_teams(&mut self, key: KeyEvent) {
        let n = self.plan.teams.len();
        match key.code {
            KeyCode::Char('a') => self.overlays.push(Overlay::Team(TeamDraft {
                index: None,
                name: String::new(),
                handles: String::new(),
                members: String::new(),
                sel: 0,
            })),
            KeyCode::Enter | KeyCode::Char('e') => {
                if let Some(team) = self.plan.teams.get(self.sel) {
                    let handles = team
                        .handles
                        .iter()
                        .map(|h| match h {
                            Handle::Relationship(r) => r.as_str().to_string(),
                            Handle::Package(p) => p.code().to_string(),
                        })
                        .collect::<Vec<_>>()
                        .join(" ");
                    self.overlays.push(Overlay::Team(TeamDraft {
                        index: Some(self.sel),
                        name: team.name.clone(),
                        handles,
                        members: team.members.join(" "),
                        sel: 0,
                    }));
                }
            }
            KeyCode::Char('d') | KeyCode::Delete => {
                if self.sel < n {
                    self.plan.teams.remove(self.sel);
                    self.sel = self.sel.min(n.saturating_sub(2));
                    self.changed();
                }
            }
            code => move_sel(&mut self.sel, n, code),
        }
    }

    fn on_decision(&mut self, key: KeyEvent) {
        let n = decision::QUESTIONS.len();
        match key.code {
            KeyCode::Enter => {
                if self.question + 1 < n {
                    self.question += 1;
                } else {
                    self.go(Step::Review);
                }
            }
            code => move_sel(&mut self.question, n, code),
        }
    }

    fn on_review(&mut self, key: KeyEvent) {
        match key.code {
            KeyCode::Tab => {
                self.pane = match self.pane {
                    Pane::Tree => Pane::Findings,
                    Pane::Findings => Pane::Why,
                    Pane::Why => Pane::Tree,
                }
            }
            KeyCode::BackTab => {
                self.pane = match self.pane {
                    Pane::Tree => Pane::Why,
                    Pane::Findings => Pane::Tree,
                    Pane::Why => Pane::Findings,
                }
            }
            KeyCode::Char('z') => self.zoom = !self.zoom,
            KeyCode::Char('a') => {
                if self.own_layout {
                    self.own_layout = false;
                    self.changed();
                    self.status = Some(self.t().now_recommended.into());
                }
            }
            KeyCode::Enter if self.pane == Pane::Findings => {
                if self.finding_sel < self.computed.report.findings.len() {
                    self.overlays.push(Overlay::Finding(self.finding_sel));
                }
            }
            code => match self.pane {
                Pane::Tree => move_sel(&mut self.tree_scroll, self.computed.tree.len(), code),
                Pane::Findings => move_sel(
                    &mut self.finding_sel,
                    self.computed.report.findings.len(),
                    code,
                ),
                Pane::Why => {
                    let n = self.why_lines().len();
                    move_sel(&mut self.why_scroll, n, code)
                }
            },
        }
    }

    /// The step that edits what a finding names, and the row or list entry to select.
    pub fn finding_target(&self, i: usize) -> Option<(Step, usize)> {
        let f = self.computed.report.findings.get(i)?;
        let client_index = f
            .client
            .as_deref()
            .and_then(|c| self.plan.clients.iter().position(|x| x.orgnr.as_str() == c));
        let team_index = f
            .team
            .as_deref()
            .and_then(|t| self.plan.teams.iter().position(|x| x.name == t));
        Some(match f.rule {
            Rule::InvalidOrgnr if client_index.is_none() => (Step::Organisation, 0),
            Rule::InvalidSystemId | Rule::LocallyInstalledNeedsOwnVendor => (Step::System, 0),
            Rule::PackageNotInSystem => (Step::System, 2),
            Rule::VisibleSystemWithClientOnlyPackage => (Step::System, 4),
            Rule::OwnNeedsUncovered => (Step::OwnPackages, 0),
            _ => match (client_index, team_index) {
                (Some(c), _) => (Step::Clients, c),
                (None, Some(t)) => (Step::Teams, t),
                _ if f.package.is_some() && f.system_user.is_none() => (Step::OwnPackages, 0),
                // About a system user of the layout: the review is where it is seen.
                _ => return None,
            },
        })
    }

    fn jump_to_finding(&mut self, i: usize) {
        if let Some((step, sel)) = self.finding_target(i) {
            self.go(step);
            self.sel = sel;
        }
    }

    /// The "why" pane: scenario letters, the decision path, each system user's reason.
    pub fn why_lines(&self) -> Vec<String> {
        let t = self.t();
        let mut out = Vec::new();
        let Some(plan) = &self.computed.plan else {
            return vec![t.working.into()];
        };
        let advice = plan.advice.as_ref();
        if let Some(a) = advice.filter(|a| !a.scenarios.is_empty()) {
            out.push(format!("{} {}", t.scenarios, a.scenarios.join(", ")));
        }
        for u in advice.map(|a| a.unserved.as_slice()).unwrap_or_default() {
            out.push(format!("! {} ({}): {}", u.name, u.client, u.reason));
        }
        let labels = render::labels(self.lang.code());
        for su in &plan.system_users {
            let kind = match (self.lang, su.kind) {
                (Lang::En, _) => su.kind.as_str(),
                (_, crate::plan::SystemUserType::Standard) => labels.standard,
                (_, crate::plan::SystemUserType::Client) => labels.client_relationship,
            };
            out.push(format!("{} ({kind})", su.name));
            match &su.why {
                Some(why) => out.push(format!("  {why}")),
                None => out.push(format!("  {}", t.no_why)),
            }
        }
        for n in advice.map(|a| a.notes.as_slice()).unwrap_or_default() {
            out.push(format!("· {n}"));
        }
        if out.is_empty() {
            out.push(t.no_layout.into());
        }
        out
    }

    fn start_export(&mut self) {
        let existing: Vec<PathBuf> = self
            .export_paths()
            .into_iter()
            .filter(|p| p.exists())
            .collect();
        if existing.is_empty() {
            self.write_export();
        } else {
            self.overlays.push(Overlay::ConfirmOverwrite(existing));
        }
    }

    fn export_paths(&self) -> Vec<PathBuf> {
        let mut v = vec![PathBuf::from(&self.export_plan)];
        if self.tree_export != TreeExport::None {
            v.push(PathBuf::from(&self.export_tree));
        }
        v
    }

    /// Writes the reviewed plan (and the tree), atomically.
    fn write_export(&mut self) {
        let Some(plan) = self.computed.plan.clone() else {
            return;
        };
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
            done.push(path.display().to_string());
        }
        self.unsaved = false;
        self.status = Some(i18n::fill(self.t().wrote, &[&done.join(", ")]));
        self.persist();
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

fn parse_handle(s: &str) -> Handle {
    Relationship::ALL
        .into_iter()
        .find(|r| r.as_str() == s)
        .map(Handle::Relationship)
        .unwrap_or_else(|| Handle::Package(PackageRef::new(s)))
}

fn show_orgnr(o: &Orgnr) -> String {
    if o.as_str() == UNSET_ORGNR {
        String::new()
    } else {
        o.to_string()
    }
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
