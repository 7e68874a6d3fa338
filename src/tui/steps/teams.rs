//! Step 6: the teams, who handles which kind of client; the team dialog.

use crate::tui::app::{App, Overlay, RelationshipPicker, TEAM_ROWS, TeamDraft, move_sel};
use crate::tui::history::Part;
use crate::tui::i18n::{self, Strings};
use crate::tui::widgets::{
    Theme, centred, draw_list, form_lines, popup, prose, step_block, wrapped_height,
};
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

/// The keys line.
pub(crate) fn keys(_app: &App, t: &Strings) -> &'static str {
    t.keys_teams
}

pub(crate) fn draw(app: &App, t: &Strings, th: Theme, area: Rect, buf: &mut Buffer) {
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

pub(crate) fn draw_form(
    app: &App,
    d: &TeamDraft,
    t: &Strings,
    th: Theme,
    area: Rect,
    buf: &mut Buffer,
) {
    let r = centred(area, 72, 12);
    let title = if d.index.is_some() {
        t.edit_team
    } else {
        t.add_team
    };
    let inner = popup(r, buf, th, title);
    let rows = TEAM_ROWS;
    let mut lines = vec![Line::styled(t.team_form_intro, th.dim()), Line::raw("")];
    lines.extend(form_lines(app, t, th, &rows, d.sel, inner.width));
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .render(inner, buf);
}

pub(crate) fn on_key(app: &mut App, key: KeyEvent) {
    let n = app.plan.teams.len();
    match key.code {
        KeyCode::Char('a') => app.overlays.push(Overlay::Team(TeamDraft {
            index: None,
            name: String::new(),
            handles: Vec::new(),
            packages: Vec::new(),
            members: String::new(),
            sel: 0,
        })),
        KeyCode::Enter | KeyCode::Char('e') => {
            if let Some(team) = app.plan.teams.get(app.sel) {
                let draft = TeamDraft::of(app.sel, team);
                app.overlays.push(Overlay::Team(draft));
            }
        }
        KeyCode::Char('d') | KeyCode::Delete => {
            if app.sel < n {
                let before = Part::Teams(app.plan.teams.clone());
                let removed = app.plan.teams.remove(app.sel);
                app.changed_from(before);
                app.sel = app.sel.min(n.saturating_sub(2));
                app.status = Some(i18n::fill(app.t().deleted, &[&removed.name]));
            }
        }
        code => move_sel(&mut app.sel, n, code),
    }
}

/// The team's relationship types: every type there is, the chosen ones marked,
/// named as the guidance names them, with the plan file's id beside.
pub(crate) fn draw_relationships(
    app: &App,
    p: &RelationshipPicker,
    (t, th): (&Strings, Theme),
    area: Rect,
    buf: &mut Buffer,
) {
    let all = RelationshipPicker::list();
    let h = (all.len() as u16 + 4).min(area.height);
    let r = centred(area, area.width.saturating_sub(4).min(96), h);
    let inner = popup(r, buf, th, t.picker_relationships);
    let [intro, list] = Layout::vertical([Constraint::Length(2), Constraint::Min(0)]).areas(inner);
    Paragraph::new(Line::styled(t.relationships_intro, th.dim()))
        .wrap(Wrap { trim: true })
        .render(intro, buf);
    let width = all
        .iter()
        .map(|r| r.label_in(app.lang).chars().count())
        .max()
        .unwrap_or(0);
    draw_list(list, buf, all.len(), (p.sel, true), th, |i| {
        let r = all[i];
        let mark = if p.chosen.contains(&r) { "[x]" } else { "[ ]" };
        Line::from(vec![
            Span::raw(format!("{mark} {:<width$}  ", r.label_in(app.lang))),
            Span::styled(r.as_str(), th.dim()),
        ])
    });
}
