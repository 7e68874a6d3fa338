//! Drawing: `impl Widget for &App`. Reads the state, never changes it.
//!
//! This file draws the frame every step shares (header, side bar, status and
//! keys lines) and the pop-ups; each step draws itself (see [`super::steps`])
//! with the pieces in [`super::widgets`].

use super::app::{App, Input, Overlay, Row, Step};
use super::i18n::{Strings, fill};
use super::steps;
use super::widgets::{Theme, centred, clip, draw_picker, hanging, offset, popup, step_title};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Widget, Wrap};

mod layout_edit;

/// The smallest terminal the wizard draws in.
pub const MIN_WIDTH: u16 = 80;
pub const MIN_HEIGHT: u16 = 24;

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
        steps::draw(self, t, th, main, buf);
        for overlay in &self.overlays {
            draw_overlay(self, overlay, t, th, body, buf);
        }
        draw_status(self, t, th, status, buf);
        Paragraph::new(Line::from(key_hints(self, t)).style(th.dim())).render(keys, buf);
    }
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
            let done = s.index() < app.step.index().max(app.furthest.index());
            let mark = if s == app.step {
                "▶"
            } else if done {
                "✓"
            } else {
                " "
            };
            let text = format!("{mark} {:>2} {}", s.index() + 1, step_title(t, s));
            if s == app.step {
                Line::styled(text, th.selected())
            } else if done {
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
    // One line: what does not fit ends in "…" rather than mid-word.
    let text: String = line.spans.iter().map(|s| s.content.as_ref()).collect();
    let line = Line::styled(clip(&text, usize::from(area.width)), line.style);
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
        | Some(Overlay::ConfirmDrop)
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
        Some(Overlay::Finding(i)) if app.finding_target(*i).is_none() => {
            return t.keys_finding_close.into();
        }
        Some(Overlay::Finding(_)) => return t.keys_finding.into(),
        Some(Overlay::Edit(d)) => return layout_edit::keys(app, d, t),
        Some(Overlay::Layout(_)) => return t.keys_layout.into(),
        Some(Overlay::Picker(p)) if p.filtering => return t.keys_filter.into(),
        Some(Overlay::Picker(_)) => return t.keys_picker_overlay.into(),
        Some(Overlay::Relationships(_)) => return t.keys_relationships.into(),
        Some(Overlay::Client(_)) | Some(Overlay::Team(_)) => return t.keys_draft.into(),
        None => {}
    }
    steps::keys(app, t).into()
}

/// A form row's label (the layout editor's fields).
fn row_label(t: &Strings, row: Row) -> String {
    row.label(t).to_string()
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
        Overlay::ConfirmDrop => {
            let r = centred(area, 60, 6);
            let inner = popup(r, buf, th, t.drop_title);
            Paragraph::new(vec![
                Line::styled(t.drop_question, th.bold()),
                Line::raw(""),
                Line::styled(t.drop_y_n, th.bold()),
            ])
            .wrap(Wrap { trim: true })
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
            // Tall enough for the lines as they wrap, so no message loses its end.
            let w = area.width.saturating_sub(6).min(100);
            let wrapped: Vec<String> = lines
                .iter()
                .flat_map(|l| hanging(l, usize::from(w.saturating_sub(2))))
                .collect();
            let h = (wrapped.len() as u16 + 2).min(area.height.saturating_sub(2));
            let r = centred(area, w, h);
            let inner = popup(r, buf, th, t.problems_title);
            let text: Vec<Line> = wrapped.into_iter().map(Line::raw).collect();
            Paragraph::new(text).render(inner, buf);
        }
        Overlay::Finding(i) => steps::review::draw_finding(app, *i, (t, th), area, buf),
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
                super::app::PickTarget::TeamPackages => t.picker_team_packages,
                _ => t.picker_system,
            };
            let inner = popup(r, buf, th, title);
            draw_picker(p, app, t, th, inner, buf, None);
        }
        Overlay::Relationships(p) => steps::teams::draw_relationships(app, p, (t, th), area, buf),
        Overlay::Client(d) => steps::clients::draw_form(app, d, t, th, area, buf),
        Overlay::Team(d) => steps::teams::draw_form(app, d, t, th, area, buf),
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
                layout_edit::kind_label(app, u.kind),
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
