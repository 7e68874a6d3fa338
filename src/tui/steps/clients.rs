//! Step 5: the clients: a list with add, edit, delete, find, and reading a
//! client list (CSV) or a plan's clients from a file; the client dialog.

use crate::plan::Client;
use crate::tui::app::{App, ClientDraft, Input, Overlay, Row, TextLine, client_rows, move_sel};
use crate::tui::history::Part;
use crate::tui::i18n::{self, Strings};
use crate::tui::widgets::{
    Theme, centred, clip, cursor_text, draw_list, form_lines, popup, prose, step_block,
    wrapped_height,
};
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

/// The keys line: the list's, or the find field's while typing.
pub(crate) fn keys(app: &App, t: &Strings) -> &'static str {
    if app.client_search.is_some() {
        t.keys_filter
    } else {
        t.keys_clients
    }
}

pub(crate) fn draw(app: &App, t: &Strings, th: Theme, area: Rect, buf: &mut Buffer) {
    let block = step_block(app, t, th);
    let inner = block.inner(area);
    block.render(area, buf);
    let clients = &app.plan.clients;
    let intro_h = wrapped_height(t.clients_intro, inner.width);
    let count = crate::tui::i18n::clients(clients.len(), app.lang);
    // The find field, or the path being typed for `i` (a CSV file or a plan).
    let search = match (&app.client_search, &app.input) {
        (Some(s), _) => format!("   / {}", cursor_text(s)),
        (None, Some(input)) if input.row == Row::OpenFile => {
            format!(
                "   {}: {}",
                Row::OpenFile.label(t),
                cursor_text(&input.buffer)
            )
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
        // Cut to their columns with "…"; the client's form shows them whole.
        Line::raw(format!(
            "{:<10} {:<26} {:<18} {}",
            c.orgnr.as_str(),
            clip(&c.name, 26),
            clip(&roles.join(" "), 18),
            delegated.join(" ")
        ))
    });
}

pub(crate) fn draw_form(
    app: &App,
    d: &ClientDraft,
    t: &Strings,
    th: Theme,
    area: Rect,
    buf: &mut Buffer,
) {
    if !matches!(
        app.overlays.last(),
        Some(Overlay::Client(_))
            | Some(Overlay::Picker(_))
            | Some(Overlay::Help)
            | Some(Overlay::ConfirmDrop)
    ) {
        return;
    }
    // Room for the note on which client a new one started like (two or
    // three lines with a long name).
    let r = centred(area, 72, if d.like.is_some() { 19 } else { 17 });
    let title = if d.index.is_some() {
        t.edit_client
    } else {
        t.add_client
    };
    let inner = popup(r, buf, th, title);
    let rows = client_rows();
    let mut lines = vec![Line::styled(t.client_form_intro, th.dim()), Line::raw("")];
    lines.extend(form_lines(app, t, th, &rows, d.sel, inner.width));
    if let Some(like) = &d.like {
        lines.push(Line::raw(""));
        lines.push(Line::styled(
            i18n::fill(t.client_form_like, &[like]),
            th.dim(),
        ));
    }
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .render(inner, buf);
}

pub(crate) fn on_key(app: &mut App, key: KeyEvent) {
    let n = app.plan.clients.len();
    match key.code {
        KeyCode::Char('a') => {
            // A new client starts like the last one (form, roles,
            // delegations): clients of one firm mostly look alike.
            let last = app.plan.clients.last();
            app.overlays.push(Overlay::Client(ClientDraft {
                index: None,
                orgnr: String::new(),
                name: String::new(),
                unit_type: last
                    .and_then(|c| c.unit_type.as_ref())
                    .map(|u| u.to_string())
                    .unwrap_or_default(),
                roles: last.map(|c| c.er_roles.clone()).unwrap_or_default(),
                delegated: last.map(|c| c.delegated.clone()).unwrap_or_default(),
                sub_entity: false,
                sel: 0,
                like: last.map(|c| c.label()),
            }))
        }
        KeyCode::Enter | KeyCode::Char('e') => {
            if let Some(c) = app.plan.clients.get(app.sel) {
                let draft = ClientDraft::of(app.sel, c);
                app.overlays.push(Overlay::Client(draft));
            }
        }
        KeyCode::Char('d') | KeyCode::Delete => {
            if app.sel < n {
                let removed = app.plan.clients.remove(app.sel);
                let what = format!("{} ({})", removed.name, removed.orgnr);
                app.changed_from(Part::Removed(app.sel, removed));
                app.sel = app.sel.min(n.saturating_sub(2));
                app.status = Some(i18n::fill(app.t().deleted, &[&what]));
            }
        }
        KeyCode::Char('i') => {
            app.input = Some(Input {
                fresh: false,
                ..Input::new(Row::OpenFile, "")
            });
        }
        KeyCode::Char('/') => app.client_search = Some(TextLine::default()),
        code => move_sel(&mut app.sel, n, code),
    }
}

pub(crate) fn on_search(app: &mut App, key: KeyEvent) {
    let Some(mut term) = app.client_search.take() else {
        return;
    };
    // Down and Up go to the next and the previous match.
    let mut from = 0;
    let mut backwards = false;
    match key.code {
        KeyCode::Esc | KeyCode::Enter => return,
        KeyCode::Down | KeyCode::Tab => from = app.sel + 1,
        KeyCode::Up | KeyCode::BackTab => backwards = true,
        _ => {
            let before = term.text.clone();
            term.edit(key);
            if term.text == before {
                // Only the cursor moved: the selection stays.
                app.client_search = Some(term);
                return;
            }
        }
    }
    let folded = crate::text::fold(term.as_str());
    let hit = |c: &Client| {
        c.orgnr.as_str().contains(&folded) || crate::text::fold(&c.name).contains(&folded)
    };
    let clients = &app.plan.clients;
    let found = if folded.is_empty() {
        None
    } else if backwards {
        clients[..app.sel.min(clients.len())].iter().rposition(hit)
    } else {
        clients
            .iter()
            .skip(from)
            .position(hit)
            .map(|i| i + from)
            .or_else(|| clients.iter().position(hit))
    };
    if let Some(i) = found {
        app.sel = i;
    }
    app.client_search = Some(term);
}
