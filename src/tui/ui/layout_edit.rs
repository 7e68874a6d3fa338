//! Drawing the layout editor's dialogs: a new system user, a client system
//! user's clients, the clients that could join it, the confirmation that new
//! packages mean a new client system user, and its package picker.

use super::row_label;
use crate::engine::{KeyMap, orgnr_key};
use crate::plan::SystemUserType;
use crate::tui::app::{App, Dialog, DraftRow, LayoutPick, Picker, Row, refusal};
use crate::tui::i18n::layout_edit::{LayoutStrings, strings};
use crate::tui::i18n::{self, Strings, fill};
use crate::tui::widgets::{
    Theme, centred, clip, cursor_text, draw_list, draw_picker, offset, popup, prose,
};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Widget, Wrap};

/// The bottom line's keys while a dialog of the editor has them.
pub(super) fn keys(app: &App, d: &Dialog, t: &Strings) -> String {
    let s = strings(app.lang);
    match d {
        Dialog::New(_) => s.keys_new,
        Dialog::Clients { .. } => s.keys_clients,
        Dialog::AddClient(p) if p.filtering => t.keys_filter,
        Dialog::AddClient(_) => s.keys_add_client,
        Dialog::ConfirmRepackage(_) => t.keys_yes_no,
    }
    .into()
}

pub(super) fn draw(app: &App, d: &Dialog, t: &Strings, th: Theme, area: Rect, buf: &mut Buffer) {
    let s = strings(app.lang);
    match d {
        Dialog::New(draft) => {
            let r = centred(area, 76, 12);
            let inner = popup(r, buf, th, s.new_title);
            let label = |row: DraftRow| match row {
                DraftRow::Type => s.row_type.to_string(),
                DraftRow::Name => row_label(t, Row::SuName),
                DraftRow::Ref => row_label(t, Row::SuRef),
                DraftRow::Packages => s.row_packages.to_string(),
                DraftRow::Add => s.row_add.to_string(),
            };
            let w = DraftRow::ALL[..4]
                .iter()
                .map(|r| label(*r).chars().count())
                .max()
                .unwrap_or(0);
            let mut lines = vec![Line::styled(prose(s.new_intro), th.dim()), Line::raw("")];
            for (i, &row) in DraftRow::ALL.iter().enumerate() {
                let selected = i == draft.sel;
                let mark = if selected { "›" } else { " " };
                let editing = app.input.as_ref().filter(|inp| {
                    selected
                        && matches!(
                            (row, inp.row),
                            (DraftRow::Name, Row::SuName) | (DraftRow::Ref, Row::SuRef)
                        )
                });
                let text = match (row, editing) {
                    (DraftRow::Add, _) => format!("{mark} ▸ {}", label(row)),
                    (_, Some(inp)) => {
                        format!("{mark} {:<w$}  {}", label(row), cursor_text(&inp.buffer))
                    }
                    (DraftRow::Packages, None) => {
                        let tail = format!("  [Enter: {}]", t.choose);
                        let room =
                            (inner.width as usize).saturating_sub(w + 4 + tail.chars().count());
                        let v = clip(&app.draft_value(draft, row), room);
                        format!("{mark} {:<w$}  {v}{tail}", label(row))
                    }
                    _ => {
                        let v = app.draft_value(draft, row);
                        let v = if v.is_empty() { "—".to_string() } else { v };
                        format!("{mark} {:<w$}  {v}", label(row))
                    }
                };
                lines.push(if editing.is_some() {
                    Line::styled(text, th.bold().add_modifier(Modifier::UNDERLINED))
                } else if selected {
                    Line::styled(
                        format!("{text:<w$}", w = inner.width as usize),
                        th.selected(),
                    )
                } else if row == DraftRow::Add {
                    Line::styled(text, th.bold())
                } else {
                    Line::raw(text)
                });
            }
            Paragraph::new(lines)
                .wrap(Wrap { trim: false })
                .render(inner, buf);
        }
        Dialog::Clients { su, sel } => draw_clients_of(app, *su, *sel, s, th, area, buf),
        Dialog::AddClient(p) => {
            let Some(u) = app.plan.system_users.get(p.su) else {
                return;
            };
            let r = centred(
                area,
                area.width.saturating_sub(6).min(100),
                area.height.saturating_sub(2),
            );
            let title = fill(s.add_client_title, &[&format!("\"{}\"", u.name)]);
            let inner = popup(r, buf, th, &title);
            let [head, list, detail] = Layout::vertical([
                Constraint::Length(2),
                Constraint::Min(1),
                Constraint::Length(if area.height >= 30 { 6 } else { 4 }),
            ])
            .areas(inner);
            let filter = if p.filtering {
                format!("/ {}", cursor_text(&p.filter))
            } else if p.filter.is_empty() {
                s.client_no_filter.to_string()
            } else {
                format!("/ {}", p.filter)
            };
            let counts = fill(
                s.qualify_counts,
                &[
                    &p.qualifying().to_string(),
                    &i18n::clients(p.all.len(), app.lang),
                ],
            );
            Paragraph::new(vec![
                Line::styled(packages_line(app, u), th.dim()),
                Line::from(vec![
                    Span::styled(filter, if p.filtering { th.bold() } else { th.dim() }),
                    Span::raw("   "),
                    Span::styled(counts, th.dim()),
                ]),
            ])
            .render(head, buf);
            if p.shown.is_empty() {
                let none = if p.all.is_empty() {
                    s.nothing_to_add
                } else {
                    t.picker_nothing
                };
                Paragraph::new(Line::styled(none, th.dim())).render(list, buf);
            }
            draw_list(list, buf, p.shown.len(), (p.sel, true), th, |row| {
                let Some((c, ok)) = p.row(row) else {
                    return Line::raw("");
                };
                let client = &app.plan.clients[c];
                if ok {
                    return Line::raw(format!("✓ {}", client.label()));
                }
                let why = refusal(&app.join_findings(p.su, c), client, s);
                Line::styled(format!("  {} — {why}", client.label()), th.dim())
            });
            // The selected client's refusal in check's words, with its fix.
            let mut d = Vec::new();
            if let Some((c, false)) = p.row(p.sel) {
                if let Some(f) = app.join_findings(p.su, c).first() {
                    let words = crate::rules::Wording::wizard(app.lang);
                    d.push(Line::raw(f.message(words)));
                    if let Some(h) = f.hint(words) {
                        d.push(Line::styled(h, th.dim()));
                    }
                }
            }
            Paragraph::new(d)
                .wrap(Wrap { trim: true })
                .block(Block::default().borders(Borders::TOP))
                .render(detail, buf);
        }
        Dialog::ConfirmRepackage(i) => {
            let Some(u) = app.plan.system_users.get(*i) else {
                return;
            };
            let r = centred(area, 72, 11);
            let inner = popup(r, buf, th, s.repackage_title);
            let clients = i18n::clients(u.clients.len(), app.lang);
            Paragraph::new(vec![
                Line::styled(
                    fill(s.repackage_text, &[&format!("\"{}\"", u.name)]),
                    th.bold(),
                ),
                Line::raw(""),
                Line::raw(fill(s.repackage_clients, &[&clients])),
                Line::raw(""),
                Line::styled(s.y_n_repackage, th.bold()),
            ])
            .wrap(Wrap { trim: true })
            .render(inner, buf);
        }
    }
}

/// A system user's type as the tree words it ("client relationship", "klientforhold").
pub(crate) fn kind_label(app: &App, kind: SystemUserType) -> &'static str {
    let labels = crate::render::labels(app.lang.code());
    match kind {
        SystemUserType::Standard => labels.standard,
        SystemUserType::Client => labels.client_relationship,
    }
}

/// "client relationship · a, b": a system user's type and packages.
fn packages_line(app: &App, u: &crate::plan::SystemUser) -> String {
    let kind = kind_label(app, u.kind);
    let codes: Vec<&str> = u.access_packages.iter().map(|p| p.code()).collect();
    format!("{kind} · {}", codes.join(", "))
}

/// A client system user's clients; one that no longer qualifies (after its
/// packages changed, say) is marked with the engine's reason.
fn draw_clients_of(
    app: &App,
    su: usize,
    sel: usize,
    s: &LayoutStrings,
    th: Theme,
    area: Rect,
    buf: &mut Buffer,
) {
    let Some(u) = app.plan.system_users.get(su) else {
        return;
    };
    if u.kind != SystemUserType::Client {
        return;
    }
    let r = centred(
        area,
        area.width.saturating_sub(12).min(90),
        // Ends above the editor's name and external ref lines.
        area.height.saturating_sub(10),
    );
    let title = fill(s.clients_title, &[&format!("\"{}\"", u.name)]);
    let inner = popup(r, buf, th, &title);
    let [head, list] = Layout::vertical([Constraint::Length(2), Constraint::Min(1)]).areas(inner);
    Paragraph::new(Line::styled(
        clip(&packages_line(app, u), head.width as usize),
        th.dim(),
    ))
    .render(head, buf);
    if u.clients.is_empty() {
        Paragraph::new(Line::styled(s.no_clients, th.dim())).render(list, buf);
        return;
    }
    // The rows on screen, resolved to clients in one pass over the plan's
    // clients (a lookup per row would be one pass each at 100,000 clients).
    let first = offset(sel, list.height as usize).min(u.clients.len());
    let visible = &u.clients[first..];
    let visible = &visible[..visible.len().min(list.height as usize)];
    let mut index: KeyMap<Option<usize>> = visible
        .iter()
        .filter_map(|o| orgnr_key(o.as_str()))
        .map(|k| (k, None))
        .collect();
    for (c, client) in app.plan.clients.iter().enumerate() {
        if let Some(slot @ None) = orgnr_key(client.orgnr.as_str()).and_then(|k| index.get_mut(&k))
        {
            *slot = Some(c);
        }
    }
    draw_list(list, buf, u.clients.len(), (sel, true), th, |i| {
        let orgnr = u.clients[i].as_str();
        let found = orgnr_key(orgnr).and_then(|k| index.get(&k).copied().flatten());
        match found {
            Some(c) if !crate::engine::qualifies(u, &app.plan.clients[c]) => {
                let client = &app.plan.clients[c];
                let why = refusal(&app.join_findings(su, c), client, s);
                Line::styled(format!("✗ {} — {why}", client.label()), th.warning())
            }
            Some(c) => Line::raw(format!("  {}", app.plan.clients[c].label())),
            None if orgnr == app.plan.organisation.orgnr.as_str() => Line::styled(
                format!("✗ {orgnr} — {}", s.reason_organisation),
                th.warning(),
            ),
            None => Line::styled(format!("✗ {orgnr} — {}", s.reason_not_listed), th.warning()),
        }
    });
}

/// The package picker of a system user (or the new one): the register's
/// packages its type can carry.
pub(super) fn draw_su_picker(
    app: &App,
    p: &Picker,
    pick: LayoutPick,
    t: &Strings,
    th: Theme,
    area: Rect,
    buf: &mut Buffer,
) {
    let s = strings(app.lang);
    let (name, kind) = match pick {
        LayoutPick::SystemUser(i) => match app.plan.system_users.get(i) {
            Some(u) => (u.name.clone(), u.kind),
            None => return,
        },
        LayoutPick::Draft => app
            .overlays
            .iter()
            .rev()
            .find_map(|o| match o {
                crate::tui::app::Overlay::Edit(Dialog::New(d)) => Some((d.name.clone(), d.kind)),
                _ => None,
            })
            .unwrap_or((String::new(), SystemUserType::Standard)),
    };
    let r = centred(
        area,
        area.width.saturating_sub(4),
        area.height.saturating_sub(2),
    );
    let title = if name.is_empty() {
        s.row_packages.to_string()
    } else {
        fill(s.packages_title, &[&format!("\"{name}\"")])
    };
    let inner = popup(r, buf, th, &title);
    let intro = match kind {
        _ if crate::tui::app::packages_for(&app.plan, kind).is_empty() => s.register_empty,
        SystemUserType::Standard => s.packages_intro_standard,
        SystemUserType::Client => s.packages_intro_client,
    };
    draw_picker(p, app, t, th, inner, buf, Some(intro));
}
