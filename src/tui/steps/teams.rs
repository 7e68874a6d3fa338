//! Step 6: the teams, who handles which kind of client; the team dialog.

use crate::plan::Handle;
use crate::tui::app::{App, Overlay, Row, TeamDraft, move_sel};
use crate::tui::history::Part;
use crate::tui::i18n::{self, Strings};
use crate::tui::widgets::{
    Theme, centred, draw_list, form_lines, popup, prose, step_block, wrapped_height,
};
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::Rect;
use ratatui::text::Line;
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
    let rows = [Row::TeamName, Row::TeamHandles, Row::TeamMembers, Row::Save];
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
            handles: String::new(),
            members: String::new(),
            sel: 0,
        })),
        KeyCode::Enter | KeyCode::Char('e') => {
            if let Some(team) = app.plan.teams.get(app.sel) {
                let handles = team
                    .handles
                    .iter()
                    .map(|h| match h {
                        Handle::Relationship(r) => r.as_str().to_string(),
                        Handle::Package(p) => p.code().to_string(),
                    })
                    .collect::<Vec<_>>()
                    .join(" ");
                app.overlays.push(Overlay::Team(TeamDraft {
                    index: Some(app.sel),
                    name: team.name.clone(),
                    handles,
                    members: team.members.join(" "),
                    sel: 0,
                }));
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
