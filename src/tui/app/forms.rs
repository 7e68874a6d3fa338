//! Form steps (organisation, system, options, export, and the client and team
//! dialogs): their rows, the value each shows, and what Enter does to it.

use super::*;

/// One row of a form: what it edits and how.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Row {
    Language,
    StartNew,
    OpenFile,
    Resume,
    /// Back to the step the user left for the welcome screen.
    BackToPlan,
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
    /// Switches one of [`OUTPUTS`] on or off (its index).
    ExportOutput(usize),
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
    TeamPackages,
    TeamMembers,
    /// A system user's name, in the layout editor.
    SuName,
    /// A system user's external ref, in the layout editor.
    SuRef,
    Save,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowKind {
    /// Enter edits it as text.
    Text,
    /// Enter or Space flips it.
    Toggle,
    /// Enter opens a picker (packages, or a team's relationship types).
    Picker,
    /// Enter does it.
    Action,
}

/// One row of the form table: how Enter edits it, its label, the help shown
/// under the form while it is selected, and the value it shows. Every form
/// (the steps, the client and team dialogs, the layout editor) reads its
/// rows from [`Row::field`]; what a typed or flipped value does to the plan
/// is in [`App::commit`] and [`App::toggle`].
#[derive(Clone, Copy)]
pub struct Field {
    pub kind: RowKind,
    label: fn(&Strings, Row) -> &'static str,
    help: fn(&Strings) -> &'static str,
    value: fn(&App, Row) -> String,
    /// How many things a picker row holds (0 for other rows).
    count: fn(&App) -> usize,
}

/// A row with no value of its own (actions).
fn no_value(_: &App, _: Row) -> String {
    String::new()
}

fn yes_no(app: &App, b: bool) -> String {
    let t = app.t();
    if b { t.yes } else { t.no }.to_string()
}

fn packages(app: &App, ps: &[PackageRef]) -> String {
    if ps.is_empty() {
        app.t().none.to_string()
    } else {
        ps.iter()
            .map(PackageRef::code)
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// The client dialog's draft, if one is open.
fn client_draft(app: &App) -> Option<&ClientDraft> {
    app.overlays.iter().rev().find_map(|o| match o {
        Overlay::Client(d) => Some(d),
        _ => None,
    })
}

/// The team dialog's draft, if one is open.
fn team_draft(app: &App) -> Option<&TeamDraft> {
    app.overlays.iter().rev().find_map(|o| match o {
        Overlay::Team(d) => Some(d),
        _ => None,
    })
}

impl Row {
    /// The table of rows: one entry per row.
    pub fn field(self) -> Field {
        use RowKind::{Action, Picker, Text, Toggle};
        type Label = fn(&Strings, Row) -> &'static str;
        type Value = fn(&App, Row) -> String;
        let f = |kind: RowKind, label: Label, value: Value| Field {
            kind,
            label,
            help: |_| "",
            value,
            count: |_| 0,
        };
        match self {
            Row::Language => f(
                Toggle,
                |t, _| t.row_language,
                |a, _| match a.lang {
                    Lang::En => "English".into(),
                    Lang::Nb => "Norsk (bokmål)".into(),
                },
            ),
            Row::StartNew => f(Action, |t, _| t.row_start_new, no_value),
            Row::OpenFile => f(Text, |t, _| t.row_open_file, no_value),
            Row::Resume => f(Action, |t, _| t.row_resume, no_value),
            Row::BackToPlan => f(Action, |t, _| t.row_back_to_plan, no_value),
            Row::Quit => f(Action, |t, _| t.row_quit, no_value),
            Row::OrgNr => f(
                Text,
                |t, _| t.row_orgnr,
                |a, _| show_orgnr(&a.plan.organisation.orgnr),
            ),
            Row::OrgName => f(
                Text,
                |t, _| t.row_org_name,
                |a, _| a.plan.organisation.name.clone(),
            ),
            Row::OrgUnitType => f(
                Text,
                |t, _| t.row_unit_type,
                |a, _| {
                    let u = a.plan.organisation.unit_type.as_ref();
                    u.map(|u| u.to_string()).unwrap_or_default()
                },
            ),
            Row::SysId => Field {
                help: |t| t.help_system_id,
                ..f(
                    Text,
                    |t, _| t.row_system_id,
                    |a, _| a.plan.system.id.clone(),
                )
            },
            Row::SysVendor => Field {
                help: |t| t.help_vendor,
                ..f(
                    Text,
                    |t, _| t.row_vendor,
                    |a, _| show_orgnr(&a.plan.system.vendor),
                )
            },
            Row::SysPackages => Field {
                help: |t| t.help_system_packages,
                count: |a| a.plan.system.access_packages.len(),
                ..f(
                    Picker,
                    |t, _| t.row_system_packages,
                    |a, _| packages(a, &a.plan.system.access_packages),
                )
            },
            Row::SysLocal => Field {
                help: |t| t.help_locally_installed,
                ..f(
                    Toggle,
                    |t, _| t.row_locally_installed,
                    |a, _| yes_no(a, a.plan.system.locally_installed),
                )
            },
            Row::SysVisible => Field {
                help: |t| t.help_visible,
                ..f(
                    Toggle,
                    |t, _| t.row_visible,
                    |a, _| yes_no(a, a.plan.system.visible),
                )
            },
            Row::SelfOnClient => Field {
                help: |t| t.help_self_on_client,
                ..f(
                    Toggle,
                    |t, _| t.row_self_on_client,
                    |a, _| yes_no(a, a.plan.options.self_on_client_system_user),
                )
            },
            Row::FOption => Field {
                help: |t| t.help_f_option,
                ..f(
                    Toggle,
                    |t, _| t.row_f_option,
                    |a, _| {
                        let t = a.t();
                        match a.plan.options.f_option {
                            None => t.f_unset.into(),
                            Some(FOption::PerCombination) => t.f_per_combination.into(),
                            Some(FOption::PerService) => t.f_per_service.into(),
                        }
                    },
                )
            },
            Row::ExportPlan => f(Text, |t, _| t.row_export_plan, |a, _| a.export_plan.clone()),
            Row::ExportTreeFormat => f(
                Toggle,
                |t, _| t.row_export_tree_format,
                |a, _| {
                    let t = a.t();
                    match a.tree_export {
                        TreeExport::None => t.tree_none.into(),
                        TreeExport::Text => t.tree_text.into(),
                        TreeExport::Markdown => t.tree_markdown.into(),
                    }
                },
            ),
            Row::ExportTree => f(Text, |t, _| t.row_export_tree, |a, _| a.export_tree.clone()),
            Row::ExportOutput(_) => f(
                Toggle,
                |t, row| match row {
                    Row::ExportOutput(i) => OUTPUTS.get(i).map_or("", |o| (o.label)(t)),
                    _ => "",
                },
                |a, row| match row {
                    Row::ExportOutput(i) => match OUTPUTS.get(i) {
                        Some(o) if a.export_outputs[i] => a.output_path(o),
                        _ => a.t().no.into(),
                    },
                    _ => String::new(),
                },
            ),
            Row::ExportWrite => f(Action, |t, _| t.row_export_write, no_value),
            Row::Continue => f(Action, |t, _| t.row_continue, no_value),
            Row::ClientOrgnr => f(
                Text,
                |t, _| t.row_orgnr,
                |a, _| client_draft(a).map(|d| d.orgnr.clone()).unwrap_or_default(),
            ),
            Row::ClientName => f(
                Text,
                |t, _| t.row_client_name,
                |a, _| client_draft(a).map(|d| d.name.clone()).unwrap_or_default(),
            ),
            Row::ClientUnitType => f(
                Text,
                |t, _| t.row_unit_type,
                |a, _| {
                    let d = client_draft(a);
                    d.map(|d| d.unit_type.clone()).unwrap_or_default()
                },
            ),
            Row::ClientRole(_) => f(
                Toggle,
                |t, row| match row {
                    Row::ClientRole(ErRole::REGNSKAPSFORER) => t.row_role_regnskapsforer,
                    Row::ClientRole(ErRole::REVISOR) => t.row_role_revisor,
                    Row::ClientRole(ErRole::FORRETNINGSFORER) => t.row_role_forretningsforer,
                    Row::ClientRole(other) => other.as_str(),
                    _ => "",
                },
                |a, row| {
                    let has =
                        |d: &ClientDraft| matches!(row, Row::ClientRole(r) if d.roles.contains(&r));
                    yes_no(a, client_draft(a).is_some_and(has))
                },
            ),
            Row::ClientDelegated => Field {
                count: |a| client_draft(a).map_or(0, |d| d.delegated.len()),
                ..f(
                    Picker,
                    |t, _| t.row_delegated,
                    |a, _| {
                        let d = client_draft(a);
                        d.map(|d| packages(a, &d.delegated)).unwrap_or_default()
                    },
                )
            },
            Row::ClientSubEntity => f(
                Toggle,
                |t, _| t.row_sub_entity,
                |a, _| yes_no(a, client_draft(a).is_some_and(|d| d.sub_entity)),
            ),
            Row::TeamName => f(
                Text,
                |t, _| t.row_team_name,
                |a, _| team_draft(a).map(|d| d.name.clone()).unwrap_or_default(),
            ),
            Row::TeamHandles => Field {
                count: |a| team_draft(a).map_or(0, |d| d.handles.len()),
                ..f(
                    Picker,
                    |t, _| t.row_team_handles,
                    |a, _| {
                        let Some(d) = team_draft(a) else {
                            return String::new();
                        };
                        if d.handles.is_empty() {
                            return a.t().none.to_string();
                        }
                        let labels: Vec<&str> =
                            d.handles.iter().map(|r| r.label_in(a.lang)).collect();
                        labels.join(", ")
                    },
                )
            },
            Row::TeamPackages => Field {
                count: |a| team_draft(a).map_or(0, |d| d.packages.len()),
                ..f(
                    Picker,
                    |t, _| t.row_team_packages,
                    |a, _| {
                        let d = team_draft(a);
                        d.map(|d| packages(a, &d.packages)).unwrap_or_default()
                    },
                )
            },
            Row::TeamMembers => f(
                Text,
                |t, _| t.row_team_members,
                |a, _| team_draft(a).map(|d| d.members.clone()).unwrap_or_default(),
            ),
            Row::SuName => f(Text, |t, _| t.row_su_name, no_value),
            Row::SuRef => f(Text, |t, _| t.row_su_ref, no_value),
            Row::Save => f(Action, |t, _| t.row_save, no_value),
        }
    }

    pub fn kind(self) -> RowKind {
        self.field().kind
    }

    pub fn label(self, t: &Strings) -> &'static str {
        (self.field().label)(t, self)
    }

    /// What the row means, shown under its form while it is selected ("": nothing).
    pub fn help(self, t: &Strings) -> &'static str {
        (self.field().help)(t)
    }
}

/// The client dialog's rows: the three ER roles an accounting firm meets
/// most are toggles there.
pub fn client_rows() -> Vec<Row> {
    let mut rows = vec![Row::ClientOrgnr, Row::ClientName, Row::ClientUnitType];
    rows.extend(ErRole::all().take(3).map(Row::ClientRole));
    rows.extend([Row::ClientDelegated, Row::ClientSubEntity, Row::Save]);
    rows
}

/// The team dialog's rows.
pub const TEAM_ROWS: [Row; 5] = [
    Row::TeamName,
    Row::TeamHandles,
    Row::TeamPackages,
    Row::TeamMembers,
    Row::Save,
];

pub(crate) fn show_orgnr(o: &Orgnr) -> String {
    if o.as_str() == UNSET_ORGNR {
        String::new()
    } else {
        o.to_string()
    }
}

impl App {
    /// The rows of the form that has the keys: the top overlay's or the step's.
    pub fn rows(&self) -> Vec<Row> {
        match self.overlays.last() {
            Some(Overlay::Client(_)) => return client_rows(),
            Some(Overlay::Team(_)) => {
                return TEAM_ROWS.to_vec();
            }
            _ => {}
        }
        match self.step {
            Step::Welcome => {
                let mut rows = vec![Row::Language];
                if self.session.found.is_some() {
                    rows.push(Row::Resume);
                }
                if self.came_from.is_some() {
                    rows.push(Row::BackToPlan);
                }
                rows.extend([Row::StartNew, Row::OpenFile, Row::Quit]);
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
                rows.extend((0..OUTPUTS.len()).map(Row::ExportOutput));
                rows.push(Row::ExportWrite);
                rows
            }
            _ => Vec::new(),
        }
    }

    /// The value a row shows.
    pub fn value(&self, row: Row) -> String {
        (row.field().value)(self, row)
    }

    /// How many things a picker row holds.
    pub fn value_count(&self, row: Row) -> usize {
        (row.field().count)(self)
    }

    pub(crate) fn form_sel(&self) -> usize {
        match self.overlays.last() {
            Some(Overlay::Client(d)) => d.sel,
            Some(Overlay::Team(d)) => d.sel,
            _ => self.sel,
        }
    }

    pub(crate) fn set_form_sel(&mut self, sel: usize) {
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

    /// Whether the vendor's number was never set by the user: it is unset,
    /// the organisation's (a system of its own), or read from the system id.
    fn vendor_follows(&self) -> bool {
        let v = self.plan.system.vendor.as_str();
        v == UNSET_ORGNR
            || v == self.plan.organisation.orgnr.as_str()
            || self.plan.system.id.starts_with(&format!("{v}_"))
    }

    pub(crate) fn on_form(&mut self, key: KeyEvent) {
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
    pub(crate) fn activate(&mut self, row: Row) {
        match row.kind() {
            RowKind::Text => {
                let buffer = if row == Row::OpenFile {
                    String::new()
                } else {
                    self.value(row)
                };
                self.input = Some(Input::new(row, buffer));
            }
            RowKind::Toggle => self.toggle(row),
            RowKind::Picker => {
                let (target, chosen) = match (row, self.overlays.last()) {
                    (Row::ClientDelegated, Some(Overlay::Client(d))) => {
                        (PickTarget::Delegated, d.delegated.clone())
                    }
                    (Row::TeamHandles, Some(Overlay::Team(d))) => {
                        let p = RelationshipPicker::new(d.handles.clone());
                        self.overlays.push(Overlay::Relationships(p));
                        return;
                    }
                    (Row::TeamPackages, Some(Overlay::Team(d))) => {
                        (PickTarget::TeamPackages, d.packages.clone())
                    }
                    _ => (PickTarget::System, self.plan.system.access_packages.clone()),
                };
                let mut picker = Picker::new(target, chosen);
                if target == PickTarget::Delegated {
                    picker = picker.listing_first(self.plan.system.access_packages.clone());
                }
                self.overlays.push(Overlay::Picker(picker));
            }
            RowKind::Action => self.act(row),
        }
    }

    pub(crate) fn toggle(&mut self, row: Row) {
        match row {
            Row::Language => {
                self.lang = match self.lang {
                    Lang::En => Lang::Nb,
                    Lang::Nb => Lang::En,
                };
                self.reword();
            }
            Row::SysLocal => {
                let before = Part::System(self.plan.system.clone());
                self.plan.system.locally_installed = !self.plan.system.locally_installed;
                self.changed_from(before);
            }
            Row::SysVisible => {
                let before = Part::System(self.plan.system.clone());
                self.plan.system.visible = !self.plan.system.visible;
                self.changed_from(before);
            }
            Row::SelfOnClient => {
                let before = Part::Options(self.plan.options.clone());
                let o = &mut self.plan.options;
                o.self_on_client_system_user = !o.self_on_client_system_user;
                self.changed_from(before);
            }
            Row::FOption => {
                let before = Part::Options(self.plan.options.clone());
                let o = &mut self.plan.options;
                o.f_option = match o.f_option {
                    None => Some(FOption::PerCombination),
                    Some(FOption::PerCombination) => Some(FOption::PerService),
                    Some(FOption::PerService) => None,
                };
                self.changed_from(before);
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
            Row::ExportOutput(i) => {
                if let Some(on) = self.export_outputs.get_mut(i) {
                    *on = !*on;
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

    pub(crate) fn act(&mut self, row: Row) {
        match row {
            Row::StartNew => {
                if let Err(e) = self.replace(Replace::StartNew) {
                    self.status = Some(e);
                }
            }
            Row::Resume => self.continue_found(),
            Row::BackToPlan => {
                if let Some(step) = self.came_from {
                    self.go(step);
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

    pub(crate) fn on_input(&mut self, key: KeyEvent) {
        let Some(mut input) = self.input.take() else {
            return;
        };
        match key.code {
            KeyCode::Esc => return,
            KeyCode::Enter => match self.commit(input.row, input.buffer.as_str().trim()) {
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
            _ => {
                // A typed character replaces a prefilled value; an editing key edits it.
                let typed = matches!(key.code, KeyCode::Char(_))
                    && !key.modifiers.contains(KeyModifiers::CONTROL);
                if input.fresh && typed {
                    input.buffer.clear();
                }
                if input.buffer.edit(key) {
                    input.fresh = false;
                    input.error = None;
                }
            }
        }
        self.input = Some(input);
    }

    /// Stores a typed value; the error says what is wrong with it.
    pub(crate) fn commit(&mut self, row: Row, text: &str) -> Result<(), String> {
        let t = self.t();
        let orgnr = |s: &str| Orgnr::parse(s).map_err(|_| t.orgnr_shape.to_string());
        let lang = self.lang;
        let unit_type = |s: &str| {
            if s.is_empty() {
                return Ok(None);
            }
            UnitType::parse(s).map(Some).map_err(|_| {
                // The import's wording, without its column name.
                let text = crate::import::unit_type_problem(s).text(lang);
                text.strip_prefix("unit_type: ")
                    .unwrap_or(&text)
                    .to_string()
            })
        };
        let before = match row {
            Row::OrgNr => Part::Group(vec![
                Part::Organisation(self.plan.organisation.clone()),
                Part::System(self.plan.system.clone()),
            ]),
            Row::OrgName | Row::OrgUnitType => Part::Organisation(self.plan.organisation.clone()),
            _ => Part::System(self.plan.system.clone()),
        };
        if matches!(row, Row::SuName | Row::SuRef) {
            return self.commit_layout(row, text);
        }
        match row {
            Row::OpenFile if self.step == Step::Welcome => {
                if text.is_empty() {
                    return Err(t.need_path.into());
                }
                return self.replace(Replace::Open(PathBuf::from(text)));
            }
            Row::OpenFile => return self.open_file(Path::new(text), ReadInto::Clients),
            Row::OrgNr => {
                let o = orgnr(text)?;
                if self.vendor_follows() {
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
                // Altinn's system ids are "{vendor's orgnr}_{name}".
                let vendor = text
                    .split_once('_')
                    .and_then(|(o, _)| Orgnr::parse(o).ok())
                    .filter(Orgnr::has_valid_check_digit);
                if let Some(v) = vendor
                    && self.vendor_follows()
                {
                    self.plan.system.vendor = v;
                }
                self.plan.system.id = text.to_string();
            }
            Row::SysVendor => self.plan.system.vendor = orgnr(text)?,
            Row::ExportPlan => {
                if text.is_empty() {
                    return Err(t.need_path.into());
                }
                // A tree file named after the plan keeps following it.
                let follows = self.export_tree == self.tree_after_plan();
                self.export_plan = text.to_string();
                if follows {
                    self.export_tree = self.tree_after_plan();
                }
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
                    // As the CSV import does: the check digit and duplicates, at once.
                    let o = orgnr(text)?;
                    if !o.has_valid_check_digit() {
                        return Err(t.orgnr_bad_check.into());
                    }
                    let editing = match self.overlays.last() {
                        Some(Overlay::Client(d)) => d.index,
                        _ => None,
                    };
                    if let Some(other) = self
                        .plan
                        .clients
                        .iter()
                        .enumerate()
                        .find(|(i, c)| c.orgnr == o && Some(*i) != editing)
                    {
                        return Err(i18n::fill(t.client_duplicate, &[&other.1.name]));
                    }
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
            Row::TeamName | Row::TeamMembers => {
                if let Some(Overlay::Team(d)) = self.overlays.last_mut() {
                    let field = match row {
                        Row::TeamName => &mut d.name,
                        _ => &mut d.members,
                    };
                    *field = text.to_string();
                }
                return Ok(());
            }
            _ => return Ok(()),
        }
        self.changed_from(before);
        Ok(())
    }
}
