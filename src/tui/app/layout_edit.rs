//! The layout editor's dialogs: adding a system user, moving clients in and
//! out of a client system user, and changing a system user's packages.
//!
//! Every edit is one undo step (the layout as it was, [`Part::Layout`]) and
//! re-checks at once through the usual refresh. Whether a client may join a
//! client system user, and why not, is the engine's word
//! ([`crate::engine::qualifies`], [`crate::engine::join_findings`]).

use super::*;
use crate::engine;
use crate::plan::{SystemUser, SystemUserType};
use crate::tui::i18n::layout_edit::{LayoutStrings, strings};

/// A dialog of the layout editor, drawn over it.
#[derive(Debug, Clone)]
pub enum Dialog {
    /// A new system user being filled in.
    New(SuDraft),
    /// The clients of client system user `su`, `sel` selected.
    Clients { su: usize, sel: usize },
    /// Picking a client to add to a client system user.
    AddClient(ClientPick),
    /// Changing a client system user's packages means a new one in Altinn: asked first.
    ConfirmRepackage(usize),
}

/// Which system user a package picker opened from the layout editor edits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LayoutPick {
    /// The new system user being filled in.
    Draft,
    /// This system user of the layout.
    SystemUser(usize),
}

/// The rows of the new-system-user dialog, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DraftRow {
    Type,
    Name,
    Ref,
    Packages,
    Add,
}

impl DraftRow {
    pub const ALL: [DraftRow; 5] = [
        DraftRow::Type,
        DraftRow::Name,
        DraftRow::Ref,
        DraftRow::Packages,
        DraftRow::Add,
    ];
}

/// A system user being added, as typed.
#[derive(Debug, Clone)]
pub struct SuDraft {
    pub kind: SystemUserType,
    pub name: String,
    pub external_ref: String,
    pub packages: Vec<PackageRef>,
    pub sel: usize,
}

/// The clients that could be added to a client system user: those Altinn
/// accepts first, then the others (shown with the engine's reason).
#[derive(Debug, Clone)]
pub struct ClientPick {
    pub su: usize,
    /// Client indices not on the system user yet, and whether each qualifies.
    pub all: Vec<(usize, bool)>,
    /// Positions in `all` that match the filter.
    pub shown: Vec<usize>,
    pub filter: TextLine,
    pub filtering: bool,
    pub sel: usize,
}

impl ClientPick {
    fn refilter(&mut self, plan: &Plan) {
        let needle = self.filter.as_str().to_lowercase();
        self.shown = (0..self.all.len())
            .filter(|&k| {
                let c = &plan.clients[self.all[k].0];
                needle.is_empty()
                    || c.name.to_lowercase().contains(&needle)
                    || c.orgnr.as_str().contains(&needle)
            })
            .collect();
        self.sel = self.sel.min(self.shown.len().saturating_sub(1));
    }

    /// How many of the listed clients qualify.
    pub fn qualifying(&self) -> usize {
        self.all.iter().filter(|(_, ok)| *ok).count()
    }

    /// The client index and whether it qualifies, for shown row `row`.
    pub fn row(&self, row: usize) -> Option<(usize, bool)> {
        self.shown.get(row).map(|&k| self.all[k])
    }
}

/// Packages of the system register that a system user of `kind` can carry:
/// assignable ones for a standard system user, delegable ones for a client one.
pub fn packages_for(plan: &Plan, kind: SystemUserType) -> Vec<PackageRef> {
    plan.system
        .access_packages
        .iter()
        .filter(|p| {
            engine::usable(p.code()).is_some_and(|pkg| match kind {
                SystemUserType::Standard => pkg.is_assignable,
                SystemUserType::Client => pkg.is_delegable,
            })
        })
        .cloned()
        .collect()
}

/// Why Altinn refuses a client on a system user, short, from `check`'s
/// findings for the pair (the first error's rule and code decide the words).
pub fn refusal(findings: &[crate::rules::Finding], client: &Client, s: &LayoutStrings) -> String {
    let Some(f) = findings.first() else {
        return String::new();
    };
    let code = f.altinn_code.unwrap_or_default();
    let lacking: Vec<&str> = findings
        .iter()
        .filter(|f| f.rule == Rule::ClientMissingPackage)
        .filter_map(|f| f.package.as_deref())
        .collect();
    match f.rule {
        Rule::OrganisationAsClient => s.reason_organisation.into(),
        Rule::NotAClient if !client.has_relationship() => {
            i18n::fill(s.reason_no_relationship, &[code])
        }
        Rule::NotAClient => i18n::fill(s.reason_none, &[code]),
        Rule::ClientMissingPackage => i18n::fill(s.reason_lacks, &[&lacking.join(", "), code]),
        Rule::DelegatedClientOnlyPackage => i18n::fill(
            s.reason_client_only,
            &[f.package.as_deref().unwrap_or_default()],
        ),
        Rule::RolePackageWrongUnitType => i18n::fill(
            s.reason_form,
            &[f.package.as_deref().unwrap_or_default(), code],
        ),
        _ => f.rule.id().to_string(),
    }
}

impl App {
    /// The layout editor's strings.
    pub fn ls(&self) -> &'static LayoutStrings {
        strings(self.lang)
    }

    /// Keys of the layout editor beyond rename, external ref and delete:
    /// add a system user, its clients, its packages, undo and redo. `true`
    /// when the key was one of them (the editor is back on the stack).
    pub(super) fn layout_key(&mut self, sel: usize, key: KeyEvent) -> bool {
        let su = self.plan.system_users.get(sel).map(|u| u.name.clone());
        let kind = self.plan.system_users.get(sel).map(|u| u.kind);
        match key.code {
            KeyCode::Char('u') | KeyCode::Char('r') if self.history_key(key) => {
                let n = self.plan.system_users.len();
                self.overlays
                    .push(Overlay::Layout(sel.min(n.saturating_sub(1))));
            }
            KeyCode::Char('a') | KeyCode::Char('+') | KeyCode::Insert => {
                self.overlays.push(Overlay::Layout(sel));
                let kind = if self.plan.clients.is_empty() {
                    SystemUserType::Standard
                } else {
                    SystemUserType::Client
                };
                self.overlays.push(Overlay::Edit(Dialog::New(SuDraft {
                    kind,
                    name: String::new(),
                    external_ref: String::new(),
                    packages: Vec::new(),
                    sel: 0,
                })));
            }
            KeyCode::Char('c') if su.is_some() => {
                self.overlays.push(Overlay::Layout(sel));
                if kind == Some(SystemUserType::Client) {
                    self.overlays
                        .push(Overlay::Edit(Dialog::Clients { su: sel, sel: 0 }));
                } else {
                    let name = quoted(&su.unwrap_or_default());
                    self.status = Some(i18n::fill(self.ls().standard_no_clients, &[&name]));
                }
            }
            KeyCode::Char('p') if su.is_some() => {
                self.overlays.push(Overlay::Layout(sel));
                match kind {
                    Some(SystemUserType::Client) => self
                        .overlays
                        .push(Overlay::Edit(Dialog::ConfirmRepackage(sel))),
                    _ => self.pick_packages(LayoutPick::SystemUser(sel)),
                }
            }
            _ => return false,
        }
        true
    }

    /// `u` and Ctrl-R inside the editor: undo and redo without leaving it.
    fn history_key(&mut self, key: KeyEvent) -> bool {
        match key.code {
            KeyCode::Char('u') if key.modifiers.is_empty() => self.undo(),
            KeyCode::Char('r') if key.modifiers.contains(KeyModifiers::CONTROL) => self.redo(),
            _ => return false,
        }
        true
    }

    /// The package picker for a system user (or the draft), listing only the
    /// system register's packages its type can carry.
    fn pick_packages(&mut self, pick: LayoutPick) {
        let (kind, chosen) = match pick {
            LayoutPick::SystemUser(i) => match self.plan.system_users.get(i) {
                Some(u) => (u.kind, u.access_packages.clone()),
                None => return,
            },
            LayoutPick::Draft => match self.overlays.last() {
                Some(Overlay::Edit(Dialog::New(d))) => (d.kind, d.packages.clone()),
                _ => return,
            },
        };
        let picker =
            Picker::new(PickTarget::Layout(pick), chosen).only(packages_for(&self.plan, kind));
        self.overlays.push(Overlay::Picker(picker));
    }

    /// The picker opened from the layout editor is done.
    pub(super) fn layout_picked(&mut self, pick: LayoutPick, chosen: Vec<PackageRef>) {
        match pick {
            LayoutPick::Draft => {
                if let Some(Overlay::Edit(Dialog::New(d))) = self.overlays.last_mut() {
                    d.packages = chosen;
                }
            }
            LayoutPick::SystemUser(i) => self.set_packages(i, chosen),
        }
    }

    /// Gives system user `i` these packages: one undo step. For a client
    /// system user this is a new one in Altinn, and the status says so.
    fn set_packages(&mut self, i: usize, chosen: Vec<PackageRef>) {
        let before = self.layout_part();
        let Some(su) = self.plan.system_users.get_mut(i) else {
            return;
        };
        su.access_packages = chosen;
        // The advisor's reason was for the packages it chose.
        su.why = None;
        let (name, kind) = (su.name.clone(), su.kind);
        let codes = su
            .access_packages
            .iter()
            .map(PackageRef::code)
            .collect::<Vec<_>>()
            .join(", ");
        let unchanged = before.is_current(&self.plan, self.own_layout);
        self.changed_from(before);
        if unchanged {
            return;
        }
        let s = self.ls();
        let codes = if codes.is_empty() {
            self.t().none.to_string()
        } else {
            codes
        };
        let template = match kind {
            SystemUserType::Client => s.packages_changed_client,
            SystemUserType::Standard => s.packages_changed,
        };
        self.status = Some(i18n::fill(template, &[&quoted(&name), &codes]));
    }

    /// Keys of a dialog of the layout editor.
    pub(super) fn on_dialog(&mut self, dialog: Dialog, key: KeyEvent) {
        match dialog {
            Dialog::New(d) => self.on_new(d, key),
            Dialog::Clients { su, sel } => self.on_clients_of(su, sel, key),
            Dialog::AddClient(p) => self.on_add_client(p, key),
            Dialog::ConfirmRepackage(i) => match key.code {
                KeyCode::Char('y') | KeyCode::Char('j') => {
                    self.pick_packages(LayoutPick::SystemUser(i))
                }
                KeyCode::Char('n') | KeyCode::Esc => {}
                _ => self
                    .overlays
                    .push(Overlay::Edit(Dialog::ConfirmRepackage(i))),
            },
        }
    }

    /// The value a row of the new-system-user dialog shows.
    pub fn draft_value(&self, d: &SuDraft, row: DraftRow) -> String {
        let s = self.ls();
        match row {
            DraftRow::Type => match d.kind {
                SystemUserType::Standard => s.type_standard.into(),
                SystemUserType::Client => s.type_client.into(),
            },
            DraftRow::Name => d.name.clone(),
            DraftRow::Ref => d.external_ref.clone(),
            DraftRow::Packages if d.packages.is_empty() => self.t().none.into(),
            DraftRow::Packages => d
                .packages
                .iter()
                .map(PackageRef::code)
                .collect::<Vec<_>>()
                .join(", "),
            DraftRow::Add => String::new(),
        }
    }

    fn on_new(&mut self, mut d: SuDraft, key: KeyEvent) {
        let row = DraftRow::ALL[d.sel.min(DraftRow::ALL.len() - 1)];
        match key.code {
            KeyCode::Esc => return,
            KeyCode::Enter | KeyCode::Char(' ') => match row {
                DraftRow::Type => {
                    d.kind = match d.kind {
                        SystemUserType::Standard => SystemUserType::Client,
                        SystemUserType::Client => SystemUserType::Standard,
                    };
                    // Packages the other type cannot carry are dropped.
                    let fits = packages_for(&self.plan, d.kind);
                    d.packages.retain(|p| fits.contains(p));
                }
                _ if key.code == KeyCode::Char(' ') => {}
                DraftRow::Name | DraftRow::Ref => {
                    let buffer = if row == DraftRow::Name {
                        d.name.clone()
                    } else {
                        d.external_ref.clone()
                    };
                    let row = if row == DraftRow::Name {
                        Row::SuName
                    } else {
                        Row::SuRef
                    };
                    self.input = Some(Input::new(row, buffer));
                }
                DraftRow::Packages => {
                    self.overlays.push(Overlay::Edit(Dialog::New(d)));
                    self.pick_packages(LayoutPick::Draft);
                    return;
                }
                DraftRow::Add => {
                    if let Err(e) = self.add_system_user(&d) {
                        self.status = Some(e);
                    } else {
                        return;
                    }
                }
            },
            code => move_sel(&mut d.sel, DraftRow::ALL.len(), code),
        }
        self.overlays.push(Overlay::Edit(Dialog::New(d)));
    }

    /// Whether another system user than `except` has this name or external ref.
    fn clashes(&self, text: &str, except: Option<usize>) -> bool {
        self.plan
            .system_users
            .iter()
            .enumerate()
            .any(|(k, u)| Some(k) != except && (u.name == text || u.external_ref == text))
    }

    /// Stores the new system user's typed name or external ref.
    pub(super) fn commit_draft(&mut self, row: Row, text: &str) -> Result<(), String> {
        let t = self.t();
        if text.is_empty() {
            return Err(t.need_value.into());
        }
        if self.clashes(text, None) {
            return Err(t.su_clash.into());
        }
        if let Some(Overlay::Edit(Dialog::New(d))) = self.overlays.last_mut() {
            if row == Row::SuName {
                // The external ref follows the name until it is set.
                if d.external_ref.is_empty() || d.external_ref == slug(&d.name) {
                    d.external_ref = slug(text);
                }
                d.name = text.to_string();
            } else {
                d.external_ref = text.to_string();
            }
            d.sel = (d.sel + 1).min(DraftRow::ALL.len() - 1);
        }
        Ok(())
    }

    /// Adds the drafted system user (one undo step) and selects it in the editor.
    fn add_system_user(&mut self, d: &SuDraft) -> Result<(), String> {
        let (t, s) = (self.t(), self.ls());
        if d.name.is_empty() || d.external_ref.is_empty() {
            return Err(t.need_value.into());
        }
        if self.clashes(&d.name, None) || self.clashes(&d.external_ref, None) {
            return Err(t.su_clash.into());
        }
        if d.packages.is_empty() {
            return Err(s.need_packages.into());
        }
        let before = self.layout_part();
        self.plan.system_users.push(SystemUser {
            name: d.name.clone(),
            external_ref: d.external_ref.clone(),
            kind: d.kind,
            access_packages: d.packages.clone(),
            clients: Vec::new(),
            include_self: false,
            teams: Vec::new(),
            why: None,
        });
        self.changed_from(before);
        let i = self.plan.system_users.len() - 1;
        if let Some(Overlay::Layout(sel)) = self.overlays.last_mut() {
            *sel = i;
        }
        let template = match d.kind {
            SystemUserType::Client => s.add_clients_next,
            SystemUserType::Standard => s.added_su,
        };
        self.status = Some(i18n::fill(template, &[&quoted(&d.name)]));
        Ok(())
    }

    fn on_clients_of(&mut self, su: usize, mut sel: usize, key: KeyEvent) {
        let Some(u) = self.plan.system_users.get(su) else {
            return;
        };
        if u.kind != SystemUserType::Client {
            return;
        }
        let n = u.clients.len();
        match key.code {
            KeyCode::Esc | KeyCode::Char('q') => return,
            KeyCode::Char('u') | KeyCode::Char('r') if self.history_key(key) => {}
            KeyCode::Char('a') | KeyCode::Char('+') | KeyCode::Insert => {
                self.overlays
                    .push(Overlay::Edit(Dialog::Clients { su, sel }));
                let pick = self.client_pick(su);
                self.overlays.push(Overlay::Edit(Dialog::AddClient(pick)));
                return;
            }
            KeyCode::Char('d') | KeyCode::Delete if sel < n => {
                let before = self.layout_part();
                let gone = self.plan.system_users[su].clients.remove(sel);
                self.changed_from(before);
                let name = self.client_label(gone.as_str());
                let su_name = quoted(&self.plan.system_users[su].name);
                self.status = Some(i18n::fill(self.ls().client_removed, &[&name, &su_name]));
            }
            code => move_sel(&mut sel, n, code),
        }
        // An undo may have taken the system user away, or made it a standard one.
        let n = match self.plan.system_users.get(su) {
            Some(u) if u.kind == SystemUserType::Client => u.clients.len(),
            _ => return,
        };
        let sel = sel.min(n.saturating_sub(1));
        self.overlays
            .push(Overlay::Edit(Dialog::Clients { su, sel }));
    }

    /// "Client A AS (312655985)" for a client of the plan, else the number.
    pub fn client_label(&self, orgnr: &str) -> String {
        self.plan
            .clients
            .iter()
            .find(|c| c.orgnr.as_str() == orgnr)
            .map_or_else(|| orgnr.to_string(), Client::label)
    }

    /// The plan's clients not on system user `su` yet, those Altinn accepts first.
    fn client_pick(&self, su: usize) -> ClientPick {
        let u = &self.plan.system_users[su];
        let on: std::collections::HashSet<&str> = u.clients.iter().map(Orgnr::as_str).collect();
        let mut all: Vec<(usize, bool)> = self
            .plan
            .clients
            .iter()
            .enumerate()
            .filter(|(_, c)| !on.contains(c.orgnr.as_str()))
            .map(|(i, c)| (i, engine::qualifies(u, c)))
            .collect();
        all.sort_by_key(|&(_, ok)| !ok);
        let mut pick = ClientPick {
            su,
            all,
            shown: Vec::new(),
            filter: TextLine::default(),
            filtering: false,
            sel: 0,
        };
        pick.refilter(&self.plan);
        pick
    }

    /// Why Altinn would refuse client `c` on system user `su`, in `check`'s
    /// findings for the pair.
    pub fn join_findings(&self, su: usize, c: usize) -> Vec<crate::rules::Finding> {
        match (self.plan.system_users.get(su), self.plan.clients.get(c)) {
            (Some(u), Some(client)) => engine::join_findings(&self.plan, u, client),
            _ => Vec::new(),
        }
    }

    fn on_add_client(&mut self, mut p: ClientPick, key: KeyEvent) {
        if self.plan.system_users.get(p.su).is_none() {
            return;
        }
        if p.filtering {
            match key.code {
                KeyCode::Esc => {
                    p.filter.clear();
                    p.filtering = false;
                    p.refilter(&self.plan);
                }
                KeyCode::Enter | KeyCode::Down | KeyCode::Tab => p.filtering = false,
                _ => {
                    if p.filter.edit(key) {
                        p.sel = 0;
                        p.refilter(&self.plan);
                    }
                }
            }
            self.overlays.push(Overlay::Edit(Dialog::AddClient(p)));
            return;
        }
        match key.code {
            KeyCode::Esc | KeyCode::Backspace | KeyCode::Char('q') => return,
            KeyCode::Char('/') => {
                p.filtering = true;
                p.filter.clear();
                p.refilter(&self.plan);
            }
            KeyCode::Enter | KeyCode::Char(' ') => {
                if let Some((c, ok)) = p.row(p.sel) {
                    if self.add_client_to(p.su, c, ok) {
                        return;
                    }
                }
            }
            code => move_sel(&mut p.sel, p.shown.len(), code),
        }
        self.overlays.push(Overlay::Edit(Dialog::AddClient(p)));
    }

    /// Puts client `c` on system user `su` (one undo step), or says why
    /// Altinn would refuse it; `true` when added.
    fn add_client_to(&mut self, su: usize, c: usize, ok: bool) -> bool {
        let s = self.ls();
        let label = self.plan.clients[c].label();
        if !ok {
            let why = refusal(&self.join_findings(su, c), &self.plan.clients[c], s);
            self.status = Some(i18n::fill(s.refused, &[&label, &why]));
            return false;
        }
        let before = self.layout_part();
        let orgnr = self.plan.clients[c].orgnr.clone();
        self.plan.system_users[su].clients.push(orgnr);
        // The advisor's reason described the clients it chose; this one may differ.
        self.plan.system_users[su].why = None;
        self.changed_from(before);
        let su_name = quoted(&self.plan.system_users[su].name);
        self.status = Some(i18n::fill(s.client_added, &[&label, &su_name]));
        // The clients list beneath selects the one just added.
        let last = self.plan.system_users[su].clients.len() - 1;
        if let Some(Overlay::Edit(Dialog::Clients { sel, .. })) = self.overlays.last_mut() {
            *sel = last;
        }
        true
    }

    /// The system user a finding is about, when the fix is on its clients or
    /// packages: Enter opens the layout editor on it (and on the client).
    pub fn finding_system_user(&self, i: usize) -> Option<(usize, Option<usize>)> {
        let f = self.computed.report.findings.get(i)?;
        let name = f.system_user.as_deref()?;
        if f.client.is_none() && f.package.is_none() {
            return None;
        }
        let users = match (&self.computed.plan, self.own_layout) {
            (Some(p), false) => &p.system_users,
            _ => &self.plan.system_users,
        };
        let su = users.iter().position(|u| u.name == name)?;
        let client = f
            .client
            .as_deref()
            .and_then(|c| users[su].clients.iter().position(|o| o.as_str() == c));
        Some((su, client))
    }

    /// "Enter: edit system user "X" …" under a finding whose fix is in the layout editor.
    pub fn finding_jump(&self, i: usize) -> Option<String> {
        let (su, _) = self.finding_system_user(i)?;
        let users = match (&self.computed.plan, self.own_layout) {
            (Some(p), false) => &p.system_users,
            _ => &self.plan.system_users,
        };
        let name = quoted(&users.get(su)?.name);
        Some(i18n::fill(self.ls().finding_jump, &[&name]))
    }

    /// Enter on such a finding: the layout editor on its system user, with
    /// its clients open at the client when the finding names one of them.
    pub(super) fn edit_finding_system_user(&mut self, su: usize, client: Option<usize>) {
        self.edit_layout();
        if !self.own_layout {
            return;
        }
        self.overlays.pop();
        let su = su.min(self.plan.system_users.len().saturating_sub(1));
        self.overlays.push(Overlay::Layout(su));
        let is_client = self
            .plan
            .system_users
            .get(su)
            .is_some_and(|u| u.kind == SystemUserType::Client);
        if let (Some(sel), true) = (client, is_client) {
            self.overlays
                .push(Overlay::Edit(Dialog::Clients { su, sel }));
        }
    }
}

/// A system user's name as the findings write it: in quotes.
fn quoted(name: &str) -> String {
    format!("\"{name}\"")
}

/// An external ref made from a name: lower case, words joined by `-`.
fn slug(name: &str) -> String {
    name.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join("-")
}
