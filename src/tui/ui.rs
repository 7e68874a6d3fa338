//! Drawing: `impl Widget for &App`. Reads the state, never changes it.
//!
//! Long lists (clients, findings, the catalog) are virtualised: only the rows
//! that fit are turned into text, so a 100,000-client plan draws as fast as a small one.

use super::app::{
    App, ClientDraft, Input, OUTPUTS, Overlay, Pane, Picker, Row, RowKind, Step, TeamDraft,
    fit_label,
};
use super::i18n::{Strings, fill};
use crate::catalog::catalog;
use crate::decision;
use crate::plan::ErRole;
use crate::rules::Severity;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget, Wrap};

mod layout_edit;

/// The smallest terminal the wizard draws in.
pub const MIN_WIDTH: u16 = 80;
pub const MIN_HEIGHT: u16 = 24;

/// Styles that stay readable without colour (`NO_COLOR`): selection is
/// reverse video, emphasis is bold, and colour only adds to that.
#[derive(Clone, Copy)]
struct Theme {
    color: bool,
}

impl Theme {
    fn fg(self, c: Color) -> Style {
        if self.color {
            Style::new().fg(c)
        } else {
            Style::new()
        }
    }
    fn selected(self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)
    }
    fn bold(self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }
    fn dim(self) -> Style {
        if self.color {
            Style::new().fg(Color::DarkGray)
        } else {
            Style::new()
        }
    }
    fn error(self) -> Style {
        self.fg(Color::Red).add_modifier(Modifier::BOLD)
    }
    fn warning(self) -> Style {
        self.fg(Color::Yellow)
    }
    fn ok(self) -> Style {
        self.fg(Color::Green)
    }
    fn accent(self) -> Style {
        self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
    }
    fn border(self, focused: bool) -> Style {
        if focused {
            self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
        } else {
            Style::new()
        }
    }
}

impl Widget for &App {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let t = self.t();
        let th = Theme { color: self.color };
        if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
            let msg = fill(
                t.too_small,
                &[
                    &area.width.to_string(),
                    &area.height.to_string(),
                    &MIN_WIDTH.to_string(),
                    &MIN_HEIGHT.to_string(),
                ],
            );
            let y = area.y + area.height / 2;
            Paragraph::new(msg)
                .centered()
                .wrap(Wrap { trim: true })
                .render(
                    Rect::new(area.x, y.saturating_sub(1), area.width, 3.min(area.height)),
                    buf,
                );
            return;
        }
        let [header, body, status, keys] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Min(0),
            Constraint::Length(1),
            Constraint::Length(1),
        ])
        .areas(area);
        draw_header(self, t, th, header, buf);
        let main = if area.width >= 100 && self.step != Step::Review {
            let [side, main] =
                Layout::horizontal([Constraint::Length(24), Constraint::Min(0)]).areas(body);
            draw_sidebar(self, t, th, side, buf);
            main
        } else {
            body
        };
        match self.step {
            Step::Welcome => draw_welcome(self, t, th, main, buf),
            Step::Organisation | Step::System | Step::Options | Step::Export => {
                draw_form_step(self, t, th, main, buf)
            }
            Step::OwnPackages => {
                let block = step_block(self, t, th);
                let inner = block.inner(main);
                block.render(main, buf);
                draw_picker(&self.picker, self, t, th, inner, buf, Some(t.own_intro));
            }
            Step::Clients => draw_clients(self, t, th, main, buf),
            Step::Teams => draw_teams(self, t, th, main, buf),
            Step::Decision => draw_decision(self, t, th, main, buf),
            Step::Review => draw_review(self, t, th, main, buf),
        }
        for overlay in &self.overlays {
            draw_overlay(self, overlay, t, th, body, buf);
        }
        draw_status(self, t, th, status, buf);
        Paragraph::new(Line::from(key_hints(self, t)).style(th.dim())).render(keys, buf);
    }
}

fn step_title(t: &Strings, step: Step) -> &'static str {
    t.steps[step.index()]
}

fn step_block(app: &App, t: &Strings, th: Theme) -> Block<'static> {
    Block::default()
        .borders(Borders::ALL)
        .border_style(th.border(app.overlays.is_empty()))
        .title(Span::styled(
            format!(" {} ", step_title(t, app.step)),
            th.accent(),
        ))
}

fn draw_header(app: &App, t: &Strings, th: Theme, area: Rect, buf: &mut Buffer) {
    let n = Step::ALL.len();
    let left = Line::from(vec![
        Span::styled(" sysuser ", th.selected()),
        Span::raw(" "),
        Span::styled(t.app_title, th.bold()),
    ]);
    Paragraph::new(left).render(area, buf);
    let right = fill(
        t.step_of,
        &[
            &(app.step.index() + 1).to_string(),
            &n.to_string(),
            step_title(t, app.step),
        ],
    );
    Paragraph::new(format!("{right} "))
        .right_aligned()
        .render(area, buf);
}

fn draw_sidebar(app: &App, t: &Strings, th: Theme, area: Rect, buf: &mut Buffer) {
    let block = Block::default()
        .borders(Borders::ALL)
        .title(format!(" {} ", t.steps_title));
    let inner = block.inner(area);
    block.render(area, buf);
    let lines: Vec<Line> = Step::ALL
        .iter()
        .map(|&s| {
            let mark = if s.index() < app.step.index() {
                "✓"
            } else if s == app.step {
                "▶"
            } else {
                " "
            };
            let text = format!("{mark} {:>2} {}", s.index() + 1, step_title(t, s));
            if s == app.step {
                Line::styled(text, th.selected())
            } else if s.index() < app.step.index() {
                Line::styled(text, th.ok())
            } else {
                Line::raw(text)
            }
        })
        .collect();
    Paragraph::new(lines).render(inner, buf);
    let summary = facts_summary(app, t);
    let top = inner.y + Step::ALL.len() as u16 + 1;
    if top < inner.bottom() {
        let rest = Rect::new(inner.x, top, inner.width, inner.bottom() - top);
        Paragraph::new(summary)
            .style(th.dim())
            .wrap(Wrap { trim: true })
            .render(rest, buf);
    }
}

/// What the user has told so far, in a few words (sidebar).
fn facts_summary(app: &App, t: &Strings) -> Vec<Line<'static>> {
    let p = &app.plan;
    let mut v = Vec::new();
    if !p.organisation.name.is_empty() {
        v.push(Line::raw(p.organisation.name.clone()));
    }
    let lang = app.lang;
    v.push(Line::raw(fill(
        t.summary_counts,
        &[
            &crate::tui::i18n::clients(p.clients.len(), lang),
            &crate::tui::i18n::counted(p.own_packages.len(), t.own_one, t.own_many, lang),
            &crate::tui::i18n::counted(p.teams.len(), t.team_one, t.team_many, lang),
        ],
    )));
    v
}

fn draw_status(app: &App, t: &Strings, th: Theme, area: Rect, buf: &mut Buffer) {
    let line = if let Some(Input { error: Some(e), .. }) = &app.input {
        Line::styled(format!(" ✗ {e}"), th.error())
    } else if let Some(s) = &app.status {
        Line::styled(format!(" {s}"), th.bold())
    } else if let Some(e) = &app.session.error {
        Line::styled(format!(" ✗ {}", fill(t.not_saved_note, &[e])), th.error())
    } else if app.unsaved && app.session.saved() {
        Line::styled(format!(" {}", t.unsaved_note), th.dim())
    } else if app.unsaved {
        Line::styled(format!(" {}", t.exported_note), th.dim())
    } else {
        Line::raw("")
    };
    Paragraph::new(line).render(area, buf);
}

/// The keys that work right now, for the bottom line.
fn key_hints(app: &App, t: &Strings) -> String {
    if app.input.is_some() {
        return t.keys_input.into();
    }
    match app.overlays.last() {
        Some(Overlay::Help) | Some(Overlay::Errors(_)) => return t.keys_close.into(),
        Some(Overlay::ConfirmQuit)
        | Some(Overlay::ConfirmOverwrite(_))
        | Some(Overlay::ConfirmReplace(_))
        | Some(Overlay::ConfirmMerge(_)) => {
            return t.keys_yes_no.into();
        }
        Some(Overlay::Finding(i)) if app.fix_for(*i).is_some() => {
            return t.keys_finding_fix.into();
        }
        Some(Overlay::Finding(i)) if app.finding_system_user(*i).is_some() => {
            return app.ls().keys_finding_layout.into();
        }
        Some(Overlay::Finding(_)) => return t.keys_finding.into(),
        Some(Overlay::Edit(d)) => return layout_edit::keys(app, d, t),
        Some(Overlay::Layout(_)) => return t.keys_layout.into(),
        Some(Overlay::Picker(p)) if p.filtering => return t.keys_filter.into(),
        Some(Overlay::Picker(_)) => return t.keys_picker_overlay.into(),
        Some(Overlay::Client(_)) | Some(Overlay::Team(_)) => return t.keys_draft.into(),
        None => {}
    }
    if app.client_search.is_some() || (app.step == Step::OwnPackages && app.picker.filtering) {
        return t.keys_filter.into();
    }
    match app.step {
        Step::Welcome => t.keys_welcome,
        Step::OwnPackages => t.keys_picker,
        Step::Clients => t.keys_clients,
        Step::Teams => t.keys_teams,
        Step::Decision => t.keys_decision,
        Step::Review => t.keys_review,
        _ => t.keys_form,
    }
    .into()
}

fn row_label(t: &Strings, row: Row) -> String {
    match row {
        Row::Language => t.row_language,
        Row::StartNew => t.row_start_new,
        Row::OpenFile => t.row_open_file,
        Row::Resume => t.row_resume,
        Row::Quit => t.row_quit,
        Row::OrgNr => t.row_orgnr,
        Row::OrgName => t.row_org_name,
        Row::OrgUnitType => t.row_unit_type,
        Row::SysId => t.row_system_id,
        Row::SysVendor => t.row_vendor,
        Row::SysPackages => t.row_system_packages,
        Row::SysLocal => t.row_locally_installed,
        Row::SysVisible => t.row_visible,
        Row::SelfOnClient => t.row_self_on_client,
        Row::FOption => t.row_f_option,
        Row::ExportPlan => t.row_export_plan,
        Row::ExportTreeFormat => t.row_export_tree_format,
        Row::ExportTree => t.row_export_tree,
        Row::ExportOutput(i) => OUTPUTS.get(i).map_or("", |o| (o.label)(t)),
        Row::ExportWrite => t.row_export_write,
        Row::Continue => t.row_continue,
        Row::ClientOrgnr => t.row_orgnr,
        Row::ClientName => t.row_client_name,
        Row::ClientUnitType => t.row_unit_type,
        Row::ClientRole(ErRole::REGNSKAPSFORER) => t.row_role_regnskapsforer,
        Row::ClientRole(ErRole::REVISOR) => t.row_role_revisor,
        Row::ClientRole(ErRole::FORRETNINGSFORER) => t.row_role_forretningsforer,
        Row::ClientRole(other) => other.as_str(),
        Row::ClientDelegated => t.row_delegated,
        Row::ClientSubEntity => t.row_sub_entity,
        Row::TeamName => t.row_team_name,
        Row::TeamHandles => t.row_team_handles,
        Row::TeamMembers => t.row_team_members,
        Row::SuName => t.row_su_name,
        Row::SuRef => t.row_su_ref,
        Row::Save => t.row_save,
    }
    .to_string()
}

/// Form rows: "label  value", the selected one reversed, the edited one with a cursor.
fn form_lines(
    app: &App,
    t: &Strings,
    th: Theme,
    rows: &[Row],
    sel: usize,
    width: u16,
) -> Vec<Line<'static>> {
    let label_w = rows
        .iter()
        .filter(|r| r.kind() != RowKind::Action && **r != Row::OpenFile)
        .map(|r| row_label(t, *r).chars().count())
        .max()
        .unwrap_or(0)
        .min(width as usize / 2);
    rows.iter()
        .enumerate()
        .map(|(i, &row)| {
            let label = row_label(t, row);
            let selected = i == sel;
            let editing = selected && app.input.as_ref().is_some_and(|inp| inp.row == row);
            let mark = if selected { "›" } else { " " };
            let text = match row.kind() {
                RowKind::Action => format!("{mark} ▸ {label}"),
                _ if row == Row::OpenFile && !editing => format!("{mark} ▸ {label}"),
                _ => {
                    let value = if editing {
                        format!(
                            "{}▏",
                            app.input.as_ref().map(|i| i.buffer.as_str()).unwrap_or("")
                        )
                    } else {
                        let v = app.value(row);
                        let room = (width as usize).saturating_sub(label_w + 6);
                        match row.kind() {
                            RowKind::Packages => {
                                let tail = format!("  [Enter: {}]", t.choose);
                                let n = app.value_count(row);
                                let v = if n > 1 { format!("({n}) {v}") } else { v };
                                let keep = room.saturating_sub(tail.chars().count());
                                format!("{}{tail}", clip(&v, keep))
                            }
                            _ if v.is_empty() => "—".into(),
                            _ => clip(&v, room),
                        }
                    };
                    format!("{mark} {label:<label_w$}  {value}")
                }
            };
            if editing {
                Line::styled(text, th.bold().add_modifier(Modifier::UNDERLINED))
            } else if selected {
                Line::styled(format!("{text:<w$}", w = width as usize), th.selected())
            } else if row.kind() == RowKind::Action || row == Row::OpenFile {
                Line::styled(text, th.bold())
            } else {
                Line::raw(text)
            }
        })
        .collect()
}

fn draw_welcome(app: &App, t: &Strings, th: Theme, area: Rect, buf: &mut Buffer) {
    let block = step_block(app, t, th);
    let inner = block.inner(area);
    block.render(area, buf);
    let rows = app.rows();
    let mut lines = vec![Line::styled(t.welcome_title, th.accent()), Line::raw("")];
    lines.push(Line::raw(prose(t.welcome_text)));
    lines.push(Line::raw(""));
    if let Some(found) = app.found_summary() {
        lines.push(Line::styled(found, th.ok()));
        lines.push(Line::raw(""));
    }
    lines.extend(form_lines(app, t, th, &rows, app.sel, inner.width));
    if app.input.as_ref().is_some_and(|i| i.row == Row::OpenFile) {
        lines.push(Line::raw(""));
        lines.push(Line::styled(prose(t.open_file_help), th.dim()));
    }
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .render(inner, buf);
}

fn draw_form_step(app: &App, t: &Strings, th: Theme, area: Rect, buf: &mut Buffer) {
    let block = step_block(app, t, th);
    let inner = block.inner(area);
    block.render(area, buf);
    let intro = match app.step {
        Step::Organisation => t.org_intro,
        Step::System => t.system_intro,
        Step::Options => t.options_intro,
        _ => t.export_intro,
    };
    let rows = app.rows();
    let mut lines = vec![Line::styled(prose(intro), th.dim())];
    lines.push(Line::raw(""));
    lines.extend(form_lines(app, t, th, &rows, app.sel, inner.width));
    lines.push(Line::raw(""));
    match app.step {
        Step::Organisation => {
            let o = &app.plan.organisation.orgnr;
            if o.as_str() != super::app::UNSET_ORGNR {
                if o.has_valid_check_digit() {
                    lines.push(Line::styled(format!("✓ {}", t.orgnr_valid), th.ok()));
                } else {
                    lines.push(Line::styled(format!("✗ {}", t.orgnr_bad_check), th.error()));
                }
            }
        }
        Step::System => {
            let row_help = match app.selected_row() {
                Some(Row::SysId) => t.help_system_id,
                Some(Row::SysVendor) => t.help_vendor,
                Some(Row::SysPackages) => t.help_system_packages,
                Some(Row::SysLocal) => t.help_locally_installed,
                Some(Row::SysVisible) => t.help_visible,
                _ => "",
            };
            lines.push(Line::styled(prose(row_help), th.dim()));
        }
        Step::Options => {
            let help = match app.selected_row() {
                Some(Row::SelfOnClient) => t.help_self_on_client,
                _ => t.help_f_option,
            };
            lines.push(Line::styled(prose(help), th.dim()));
            lines.push(Line::raw(""));
            lines.push(Line::styled(t.compare_title, th.bold()));
            lines.extend(super::compare_lines(app).into_iter().map(Line::raw));
        }
        Step::Export => {
            lines.push(Line::styled(prose(t.help_export), th.dim()));
            if !app.written.is_empty() {
                lines.push(Line::raw(""));
                lines.push(Line::styled(t.written_so_far, th.bold()));
                for p in &app.written {
                    lines.push(Line::styled(format!("  ✓ {}", p.display()), th.ok()));
                }
            }
        }
        _ => {}
    }
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .render(inner, buf);
}

/// At most `n` characters of `s`, with an ellipsis when cut.
fn clip(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        let mut out: String = s.chars().take(n.saturating_sub(1)).collect();
        out.push('…');
        out
    }
}

/// A string's hard line breaks as spaces, so the paragraph can wrap it to the width.
fn prose(s: &str) -> String {
    s.replace('\n', " ")
}

/// Rows a wrapped paragraph of `s` needs at `width`, with room for word breaks.
fn wrapped_height(s: &str, width: u16) -> u16 {
    let chars = s.chars().count() as u16;
    chars.div_ceil(width.max(1)) + 1
}

/// First row shown so that `sel` is visible in `height` rows.
fn offset(sel: usize, height: usize) -> usize {
    if height == 0 || sel < height {
        0
    } else {
        sel + 1 - height
    }
}

/// Draws rows `offset..offset+height` of a list of `len`, scrolled so that
/// `sel` is visible and highlighted when `highlight`; `line(i)` makes row i.
fn draw_list(
    area: Rect,
    buf: &mut Buffer,
    len: usize,
    (sel, highlight): (usize, bool),
    th: Theme,
    line: impl Fn(usize) -> Line<'static>,
) {
    let h = area.height as usize;
    let start = offset(sel, h);
    if area.width < 2 {
        return;
    }
    for (row, i) in (start..len.min(start + h)).enumerate() {
        let y = area.y + row as u16;
        let r = Rect::new(area.x + 1, y, area.width - 1, 1);
        let mut l = line(i);
        if highlight && i == sel {
            // A marker as well as reverse video, so the row is found without colour too.
            buf.set_string(area.x, y, "›", th.bold());
            l = l.patch_style(th.selected());
            buf.set_style(r, th.selected());
        }
        l.render(r, buf);
    }
}

fn draw_picker(
    p: &Picker,
    app: &App,
    t: &Strings,
    th: Theme,
    area: Rect,
    buf: &mut Buffer,
    intro: Option<&str>,
) {
    let mut top = Vec::new();
    if let Some(intro) = intro {
        top.push(Line::styled(intro.to_string(), th.dim()));
    }
    let filter = if p.filtering {
        format!("/ {}▏", p.filter)
    } else if p.filter.is_empty() {
        t.picker_no_filter.to_string()
    } else {
        format!("/ {}", p.filter)
    };
    top.push(Line::from(vec![
        Span::styled(filter, if p.filtering { th.bold() } else { th.dim() }),
        Span::raw("   "),
        Span::styled(
            fill(
                t.picker_counts,
                &[&p.matches.len().to_string(), &p.chosen.len().to_string()],
            ),
            th.dim(),
        ),
    ]));
    let top_h = top.len() as u16;
    let detail_h = 4u16;
    if area.height < top_h + detail_h + 2 {
        return;
    }
    let [head, list, detail] = Layout::vertical([
        Constraint::Length(top_h),
        Constraint::Min(1),
        Constraint::Length(detail_h),
    ])
    .areas(area);
    Paragraph::new(top).render(head, buf);
    let pkgs = catalog().packages();
    let lang = app.lang.code();
    let wide = area.width >= 90;
    if p.matches.is_empty() {
        Paragraph::new(Line::styled(t.picker_nothing, th.dim())).render(list, buf);
    }
    draw_list(list, buf, p.matches.len(), (p.sel, true), th, |i| {
        let pkg = &pkgs[p.matches[i]];
        let mark = if p.is_chosen(&pkg.code) { "[x]" } else { "[ ]" };
        let fit = fit_label(pkg.fit(), t);
        let text = if wide {
            format!("{mark} {:<44} {:<17} {}", pkg.code, fit, pkg.name(lang))
        } else {
            format!("{mark} {:<44} {}", pkg.code, fit)
        };
        Line::raw(text)
    });
    let mut d = Vec::new();
    if let Some(pkg) = p.matches.get(p.sel).map(|&i| &pkgs[i]) {
        d.push(Line::styled(format!("nb: {}", pkg.name_nb), th.bold()));
        d.push(Line::raw(format!("en: {}", pkg.name_en)));
        d.push(Line::raw(format!(
            "{} {}  ·  {} {}",
            t.fits,
            fit_label(pkg.fit(), t),
            t.area,
            if lang == "nb" {
                &pkg.area
            } else {
                &pkg.area_en
            }
        )));
    }
    Paragraph::new(d)
        .block(Block::default().borders(Borders::TOP))
        .render(detail, buf);
}

fn draw_clients(app: &App, t: &Strings, th: Theme, area: Rect, buf: &mut Buffer) {
    let block = step_block(app, t, th);
    let inner = block.inner(area);
    block.render(area, buf);
    let clients = &app.plan.clients;
    let intro_h = wrapped_height(t.clients_intro, inner.width);
    let count = crate::tui::i18n::clients(clients.len(), app.lang);
    // The find field, or the path being typed for `i` (a CSV file or a plan).
    let search = match (&app.client_search, &app.input) {
        (Some(s), _) => format!("   / {s}▏"),
        (None, Some(input)) if input.row == Row::OpenFile => {
            format!("   {}: {}▏", row_label(t, Row::OpenFile), input.buffer)
        }
        _ => String::new(),
    };
    let head = vec![
        Line::from(vec![Span::styled(count, th.bold()), Span::raw(search)]),
        Line::styled(
            format!(
                " {:<10} {:<26} {:<18} {}",
                t.col_orgnr, t.col_name, t.col_roles, t.col_delegated
            ),
            th.bold().add_modifier(Modifier::UNDERLINED),
        ),
    ];
    if inner.height <= intro_h + 3 {
        return;
    }
    let [intro, h, list] = Layout::vertical([
        Constraint::Length(intro_h),
        Constraint::Length(2),
        Constraint::Min(1),
    ])
    .areas(inner);
    Paragraph::new(Line::styled(prose(t.clients_intro), th.dim()))
        .wrap(Wrap { trim: true })
        .render(intro, buf);
    Paragraph::new(head).render(h, buf);
    if clients.is_empty() {
        Paragraph::new(Line::styled(prose(t.clients_empty), th.dim()))
            .wrap(Wrap { trim: true })
            .render(list, buf);
        return;
    }
    draw_list(list, buf, clients.len(), (app.sel, true), th, |i| {
        let c = &clients[i];
        let roles: Vec<&str> = c.er_roles.iter().map(|r| r.as_str()).collect();
        let mut delegated: Vec<&str> = c.delegated.iter().map(|p| p.code()).collect();
        if c.sub_entity {
            delegated.insert(0, t.sub_entity_mark);
        }
        let name: String = c.name.chars().take(26).collect();
        Line::raw(format!(
            "{:<10} {:<26} {:<18} {}",
            c.orgnr.as_str(),
            name,
            roles.join(" "),
            delegated.join(" ")
        ))
    });
}

fn draw_teams(app: &App, t: &Strings, th: Theme, area: Rect, buf: &mut Buffer) {
    let block = step_block(app, t, th);
    let inner = block.inner(area);
    block.render(area, buf);
    let lines = vec![Line::styled(prose(t.teams_intro), th.dim())];
    let head_h = wrapped_height(t.teams_intro, inner.width);
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .render(inner, buf);
    if inner.height <= head_h {
        return;
    }
    let list = Rect::new(
        inner.x,
        inner.y + head_h,
        inner.width,
        inner.height - head_h,
    );
    let teams = &app.plan.teams;
    if teams.is_empty() {
        Paragraph::new(Line::styled(prose(t.teams_empty), th.dim()))
            .wrap(Wrap { trim: true })
            .render(list, buf);
        return;
    }
    draw_list(list, buf, teams.len(), (app.sel, true), th, |i| {
        let team = &teams[i];
        let handles: Vec<String> = team
            .handles
            .iter()
            .map(|h| match h {
                crate::plan::Handle::Relationship(r) => r.as_str().to_string(),
                crate::plan::Handle::Package(p) => p.code().to_string(),
            })
            .collect();
        Line::raw(format!(
            "{:<18} {}: {}  ·  {}: {}",
            team.name,
            t.handles,
            handles.join(", "),
            t.members,
            team.members.join(", ")
        ))
    });
}

fn draw_decision(app: &App, t: &Strings, th: Theme, area: Rect, buf: &mut Buffer) {
    let block = step_block(app, t, th);
    let inner = block.inner(area);
    block.render(area, buf);
    let lang = app.lang.code();
    let qs = decision::QUESTIONS;
    let i = app.question.min(qs.len() - 1);
    let q = &qs[i];
    let answer = app.computed.answers.get(i);
    let [top, bottom] =
        Layout::vertical([Constraint::Min(8), Constraint::Length(qs.len() as u16 + 1)])
            .areas(inner);
    let mut lines = vec![
        Line::styled(
            fill(
                t.question_of,
                &[&(i + 1).to_string(), &qs.len().to_string()],
            ),
            th.dim(),
        ),
        Line::styled(q.text(lang).to_string(), th.bold()),
        Line::raw(""),
    ];
    if let Some(a) = answer {
        let (word, style) = if a.yes {
            (t.yes, th.ok().add_modifier(Modifier::BOLD))
        } else {
            (t.no, th.bold())
        };
        let mut spans = vec![
            Span::styled(format!("{} ", t.answer_from_facts), th.dim()),
            Span::styled(word.to_string(), style),
        ];
        if !a.why.is_empty() {
            spans.push(Span::raw(format!(" — {}", a.why)));
        }
        lines.push(Line::from(spans));
    }
    if let Some(row) = app.decision_choice() {
        lines.push(Line::from(vec![
            Span::styled(
                format!("{}: {}", row_label(t, row), app.value(row)),
                th.accent(),
            ),
            Span::styled(format!("  {}", t.left_to_you), th.dim()),
        ]));
    }
    lines.push(Line::from(vec![
        Span::styled(format!("{} ", t.guidance_says), th.dim()),
        Span::raw(q.explain(lang).to_string()),
    ]));
    Paragraph::new(lines)
        .wrap(Wrap { trim: true })
        .render(top, buf);
    let [path_title, path_area] =
        Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(bottom);
    Paragraph::new(Line::styled(format!("── {} ", t.path_so_far), th.bold()))
        .render(path_title, buf);
    let path: Vec<Line> = qs
        .iter()
        .enumerate()
        .map(|(k, q)| {
            let ans = match app.computed.answers.get(k) {
                Some(a) => {
                    if a.yes {
                        format!("{} → {}", t.yes, q.scenarios.join("/"))
                    } else {
                        t.no.to_string()
                    }
                }
                _ => "…".into(),
            };
            let text = format!("{}. {:<9} {}", k + 1, ans, q.text(lang));
            if k == i {
                Line::styled(text, th.selected())
            } else if k < i {
                Line::raw(text)
            } else {
                Line::styled(text, th.dim())
            }
        })
        .collect();
    Paragraph::new(path).render(path_area, buf);
}

fn draw_review(app: &App, t: &Strings, th: Theme, area: Rect, buf: &mut Buffer) {
    let [mut left, right] =
        Layout::horizontal([Constraint::Percentage(58), Constraint::Percentage(42)]).areas(area);
    let [mut top, mut bottom] =
        Layout::vertical([Constraint::Percentage(55), Constraint::Percentage(45)]).areas(right);
    if app.zoom {
        let none = Rect::default();
        (left, top, bottom) = match app.pane {
            Pane::Tree => (area, none, none),
            Pane::Findings => (none, area, none),
            Pane::Why => (none, none, area),
        };
    }
    let focus = |p: Pane| app.pane == p && app.overlays.is_empty();
    let layout_name = if app.computing() {
        format!("{} · {}", t.layout_recommended, t.working)
    } else if app.own_layout {
        t.layout_own.to_string()
    } else {
        t.layout_recommended.to_string()
    };
    let tree_block = Block::default()
        .borders(Borders::ALL)
        .border_style(th.border(focus(Pane::Tree)))
        .title(Span::styled(format!(" {layout_name} "), th.accent()));
    let inner = tree_block.inner(left);
    tree_block.render(left, buf);
    let tree = &app.computed.tree;
    if app.computed.plan.is_none() {
        Paragraph::new(Line::styled(t.working, th.dim())).render(inner, buf);
    }
    let h = inner.height as usize;
    let start = app.tree_scroll.min(tree.len().saturating_sub(h));
    let lines: Vec<Line> = tree
        .iter()
        .skip(start)
        .take(h)
        .map(|l| Line::raw(l.clone()))
        .collect();
    Paragraph::new(lines).render(inner, buf);

    // Before the first check has run there are no findings to count, not zero.
    let waiting = app.computed.plan.is_none();
    let counts = if waiting {
        t.working.to_string()
    } else {
        crate::commands::check::summary_line(&app.computed.report, app.lang)
    };
    let title = fill(t.findings_title, &[&counts]);
    let fb = Block::default()
        .borders(Borders::ALL)
        .border_style(th.border(focus(Pane::Findings)))
        .title(Span::styled(format!(" {title} "), th.accent()));
    let finner = fb.inner(top);
    fb.render(top, buf);
    let findings = &app.computed.report.findings;
    if waiting {
        Paragraph::new(Line::styled(t.working, th.dim())).render(finner, buf);
    } else if findings.is_empty() {
        Paragraph::new(Line::styled(format!("✓ {}", t.no_findings), th.ok()))
            .wrap(Wrap { trim: true })
            .render(finner, buf);
    } else {
        let focused = app.pane == Pane::Findings;
        draw_list(
            finner,
            buf,
            findings.len(),
            (app.finding_sel, focused),
            th,
            |i| {
                let f = &findings[i];
                let (mark, style) = match f.severity {
                    Severity::Error => ("✗", th.error()),
                    Severity::Warning => ("!", th.warning()),
                    Severity::Info => ("i", th.dim()),
                };
                Line::from(vec![
                    Span::styled(format!("{mark} "), style),
                    Span::raw(f.message.clone()),
                ])
            },
        );
    }

    let wb = Block::default()
        .borders(Borders::ALL)
        .border_style(th.border(focus(Pane::Why)))
        .title(Span::styled(format!(" {} ", t.why_title), th.accent()));
    let winner = wb.inner(bottom);
    wb.render(bottom, buf);
    let why: Vec<Line> = app
        .why_lines()
        .iter()
        .skip(app.why_scroll)
        .flat_map(|l| hanging(l, usize::from(winner.width)))
        .take(usize::from(winner.height))
        .map(Line::raw)
        .collect();
    Paragraph::new(why).render(winner, buf);
}

/// Wraps at spaces, continuing under the line's own indent (and after a `· `
/// or `! ` bullet), so that each reason reads as a block under its system user.
fn hanging(line: &str, width: usize) -> Vec<String> {
    let lead = line.len() - line.trim_start_matches(' ').len();
    let body = &line[lead..];
    let (bullet, text) = ["· ", "! "]
        .iter()
        .find_map(|b| body.strip_prefix(b).map(|rest| (*b, rest)))
        .unwrap_or(("", body));
    let first = format!("{}{bullet}", &line[..lead]);
    let indent = first.chars().count();
    if width <= indent + 8 {
        return vec![line.to_string()];
    }
    let mut lines = crate::text::wrap(text, width - indent).into_iter();
    let Some(head) = lines.next() else {
        return vec![first];
    };
    std::iter::once(format!("{first}{head}"))
        .chain(lines.map(|l| format!("{:indent$}{l}", "")))
        .collect()
}

/// A centred rectangle of at most `w`×`h` inside `area`.
fn centred(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    )
}

fn popup(area: Rect, buf: &mut Buffer, th: Theme, title: &str) -> Rect {
    Clear.render(area, buf);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(th.border(true))
        .title(Span::styled(format!(" {title} "), th.accent()));
    let inner = block.inner(area);
    block.render(area, buf);
    inner
}

fn draw_overlay(
    app: &App,
    overlay: &Overlay,
    t: &Strings,
    th: Theme,
    area: Rect,
    buf: &mut Buffer,
) {
    match overlay {
        Overlay::Help => {
            let r = centred(area, 76, area.height.saturating_sub(2));
            let inner = popup(r, buf, th, t.help_title);
            let lines: Vec<Line> = t
                .help_keys
                .iter()
                .map(|(k, v)| {
                    Line::from(vec![
                        Span::styled(format!("{k:<20}"), th.bold()),
                        Span::raw(v.to_string()),
                    ])
                })
                .collect();
            Paragraph::new(lines)
                .wrap(Wrap { trim: false })
                .render(inner, buf);
        }
        Overlay::ConfirmQuit => {
            let r = centred(area, 60, 7);
            let inner = popup(r, buf, th, t.quit_title);
            let state = match (&app.state_path, &app.session.error) {
                (Some(_), Some(e)) => fill(t.cli_not_saved, &[e]),
                (Some(p), None) if app.session.saved() => {
                    fill(t.quit_state_kept, &[&p.display().to_string()])
                }
                _ => String::new(),
            };
            Paragraph::new(vec![
                Line::styled(t.quit_question, th.bold()),
                Line::raw(state),
                Line::raw(""),
                Line::styled(t.y_n, th.bold()),
            ])
            .wrap(Wrap { trim: true })
            .render(inner, buf);
        }
        Overlay::ConfirmOverwrite(paths) => {
            let r = centred(area, 64, 6 + paths.len() as u16);
            let inner = popup(r, buf, th, t.overwrite_title);
            let mut lines = vec![Line::styled(t.overwrite_question, th.bold())];
            lines.extend(
                paths
                    .iter()
                    .map(|p| Line::raw(format!("  {}", p.display()))),
            );
            lines.push(Line::raw(""));
            lines.push(Line::styled(t.y_n_overwrite, th.bold()));
            Paragraph::new(lines)
                .wrap(Wrap { trim: false })
                .render(inner, buf);
        }
        Overlay::ConfirmReplace(what) => {
            let r = centred(area, 72, 8);
            let inner = popup(r, buf, th, t.replace_title);
            let question = match what {
                super::app::Replace::StartNew => t.replace_new.to_string(),
                super::app::Replace::Open(p) => fill(t.replace_open, &[&p.display().to_string()]),
            };
            Paragraph::new(vec![
                Line::styled(question, th.bold()),
                Line::raw(if app.state_path.is_some() {
                    t.replace_kept
                } else {
                    t.replace_undo
                }),
                Line::raw(""),
                Line::styled(t.y_n_replace, th.bold()),
            ])
            .wrap(Wrap { trim: true })
            .render(inner, buf);
        }
        Overlay::ConfirmMerge(m) => {
            let h = area
                .height
                .saturating_sub(2)
                .min(8 + 2 * m.steps.len() as u16);
            let r = centred(area, area.width.saturating_sub(6).min(100), h);
            let inner = popup(r, buf, th, t.merge_title);
            let mut lines = vec![Line::styled(t.merge_intro, th.bold()), Line::raw("")];
            lines.extend(m.steps.iter().map(|s| Line::raw(s.clone())));
            lines.push(Line::raw(""));
            lines.push(Line::styled(t.y_n_merge, th.bold()));
            // The answer stays visible however many steps there are.
            let keys = lines.pop().unwrap_or_default();
            let [body, foot] =
                Layout::vertical([Constraint::Min(0), Constraint::Length(1)]).areas(inner);
            Paragraph::new(lines)
                .wrap(Wrap { trim: true })
                .render(body, buf);
            Paragraph::new(keys).render(foot, buf);
        }
        Overlay::Layout(sel) => draw_layout_editor(app, *sel, t, th, area, buf),
        Overlay::Edit(d) => layout_edit::draw(app, d, t, th, area, buf),
        Overlay::Errors(lines) => {
            let h = (lines.len() as u16 + 2).min(area.height.saturating_sub(2));
            let r = centred(area, area.width.saturating_sub(6).min(100), h);
            let inner = popup(r, buf, th, t.problems_title);
            let text: Vec<Line> = lines.iter().map(|l| Line::raw(l.clone())).collect();
            Paragraph::new(text)
                .wrap(Wrap { trim: false })
                .render(inner, buf);
        }
        Overlay::Finding(i) => {
            let Some(f) = app.computed.report.findings.get(*i) else {
                return;
            };
            let r = centred(area, 72, 16);
            let inner = popup(r, buf, th, f.rule.id());
            let mut lines = vec![Line::styled(f.message.clone(), th.bold()), Line::raw("")];
            let mut field = |label: &str, v: Option<&str>| {
                if let Some(v) = v {
                    lines.push(Line::from(vec![
                        Span::styled(format!("{label:<14}"), th.dim()),
                        Span::raw(v.to_string()),
                    ]));
                }
            };
            field(t.f_severity, Some(f.severity.as_str()));
            field("Altinn", f.altinn_code);
            field(t.f_system_user, f.system_user.as_deref());
            field(t.f_client, f.client.as_deref());
            field(t.f_package, f.package.as_deref());
            field(t.f_team, f.team.as_deref());
            if let Some(h) = &f.hint {
                lines.push(Line::raw(""));
                lines.push(Line::from(vec![
                    Span::styled(format!("{} ", t.f_hint), th.bold()),
                    Span::raw(h.clone()),
                ]));
            }
            if let Some(jump) = layout_edit::finding_jump(app, *i) {
                lines.push(Line::raw(""));
                lines.push(Line::styled(jump, th.dim()));
            } else if let Some((step, _)) = app.finding_target(*i) {
                lines.push(Line::raw(""));
                lines.push(Line::styled(
                    fill(t.f_jump, &[step_title(t, step)]),
                    th.dim(),
                ));
            }
            Paragraph::new(lines)
                .wrap(Wrap { trim: true })
                .render(inner, buf);
        }
        Overlay::Picker(p) => {
            if let super::app::PickTarget::Layout(pick) = p.target {
                return layout_edit::draw_su_picker(app, p, pick, t, th, area, buf);
            }
            let r = centred(
                area,
                area.width.saturating_sub(4),
                area.height.saturating_sub(2),
            );
            let title = match p.target {
                super::app::PickTarget::Delegated => t.picker_delegated,
                _ => t.picker_system,
            };
            let inner = popup(r, buf, th, title);
            draw_picker(p, app, t, th, inner, buf, None);
        }
        Overlay::Client(d) => draw_client_form(app, d, t, th, area, buf),
        Overlay::Team(d) => draw_team_form(app, d, t, th, area, buf),
    }
}

/// The layout editor: one line per system user, the selected one's fields below.
fn draw_layout_editor(app: &App, sel: usize, t: &Strings, th: Theme, area: Rect, buf: &mut Buffer) {
    let users = &app.plan.system_users;
    let sel = sel.min(users.len().saturating_sub(1));
    let r = centred(
        area,
        area.width.saturating_sub(6).min(96),
        area.height.saturating_sub(2),
    );
    let inner = popup(r, buf, th, t.layout_title);
    let [list, fields] = Layout::vertical([Constraint::Min(0), Constraint::Length(3)]).areas(inner);
    let height = list.height as usize;
    let first = offset(sel, height);
    let lines: Vec<Line> = users
        .iter()
        .enumerate()
        .skip(first)
        .take(height)
        .map(|(i, u)| {
            let packages: Vec<&str> = u.access_packages.iter().map(|p| p.code()).collect();
            let text = format!(
                "{} {} ({}) · {} · {}",
                if i == sel { "›" } else { " " },
                u.name,
                u.kind.as_str(),
                packages.join(", "),
                crate::tui::i18n::clients(u.clients.len(), app.lang)
            );
            let text = clip(&text, list.width as usize);
            if i == sel {
                Line::styled(
                    format!("{text:<w$}", w = list.width as usize),
                    th.selected(),
                )
            } else {
                Line::raw(text)
            }
        })
        .collect();
    Paragraph::new(lines).render(list, buf);
    let Some(u) = users.get(sel) else {
        return;
    };
    let field = |row: Row, value: &str| {
        let editing = app.input.as_ref().filter(|i| i.row == row);
        match editing {
            Some(i) => Line::styled(
                format!("{}: {}▏", row_label(t, row), i.buffer),
                th.bold().add_modifier(Modifier::UNDERLINED),
            ),
            None => Line::raw(format!("{}: {value}", row_label(t, row))),
        }
    };
    Paragraph::new(vec![
        Line::raw(""),
        field(Row::SuName, &u.name),
        field(Row::SuRef, &u.external_ref),
    ])
    .render(fields, buf);
}

fn draw_client_form(
    app: &App,
    d: &ClientDraft,
    t: &Strings,
    th: Theme,
    area: Rect,
    buf: &mut Buffer,
) {
    if !matches!(
        app.overlays.last(),
        Some(Overlay::Client(_)) | Some(Overlay::Picker(_)) | Some(Overlay::Help)
    ) {
        return;
    }
    let r = centred(area, 72, 17);
    let title = if d.index.is_some() {
        t.edit_client
    } else {
        t.add_client
    };
    let inner = popup(r, buf, th, title);
    let rows = {
        let mut rows = vec![Row::ClientOrgnr, Row::ClientName, Row::ClientUnitType];
        rows.extend(ErRole::all().take(3).map(Row::ClientRole));
        rows.extend([Row::ClientDelegated, Row::ClientSubEntity, Row::Save]);
        rows
    };
    let mut lines = vec![Line::styled(t.client_form_intro, th.dim()), Line::raw("")];
    lines.extend(form_lines(app, t, th, &rows, d.sel, inner.width));
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .render(inner, buf);
}

fn draw_team_form(app: &App, d: &TeamDraft, t: &Strings, th: Theme, area: Rect, buf: &mut Buffer) {
    let r = centred(area, 72, 12);
    let title = if d.index.is_some() {
        t.edit_team
    } else {
        t.add_team
    };
    let inner = popup(r, buf, th, title);
    let rows = [Row::TeamName, Row::TeamHandles, Row::TeamMembers, Row::Save];
    let mut lines = vec![Line::styled(t.team_form_intro, th.dim()), Line::raw("")];
    lines.extend(form_lines(app, t, th, &rows, d.sel, inner.width));
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .render(inner, buf);
}

#[cfg(test)]
mod tests {
    use super::hanging;

    #[test]
    fn continues_under_the_indent_and_after_bullets() {
        assert_eq!(
            hanging(
                "  Scenario H: one standard system user for own reporting",
                24
            ),
            [
                "  Scenario H: one",
                "  standard system user",
                "  for own reporting"
            ]
        );
        assert_eq!(
            hanging("· a note that wraps here", 14),
            ["· a note that", "  wraps here"]
        );
        assert_eq!(hanging("short", 40), ["short"]);
        assert_eq!(
            hanging("  abcdefghijklmnopqrstuvwxyz", 12),
            ["  abcdefghij", "  klmnopqrst", "  uvwxyz"]
        );
    }
}
