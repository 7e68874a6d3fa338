//! Step 9: the review: the layout's tree, the engine's findings and why each
//! system user is there. Editing the layout is in `app::review` (and the
//! layout editor's drawing in `ui`).

use crate::cli::Lang;
use crate::render;
use crate::rules::Wording;
use crate::tui::app::{App, Overlay, Pane, move_sel};
use crate::tui::i18n::{Strings, fill};
use crate::tui::widgets::{
    Theme, centred, draw_wrapped_list, hanging, popup, step_title, tree_wrap, wrapped_rows,
};
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Widget, Wrap};

/// The keys line.
pub(crate) fn keys(_app: &App, t: &Strings) -> &'static str {
    t.keys_review
}

pub(crate) fn draw(app: &App, t: &Strings, th: Theme, area: Rect, buf: &mut Buffer) {
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
    // Long lines wrap under the tree's guides; the scroll counts the tree's
    // own lines (the review's tree is cut at 10 clients per system user).
    let h = inner.height as usize;
    let mut first_of = Vec::with_capacity(tree.len());
    let mut shown: Vec<String> = Vec::new();
    for l in tree {
        first_of.push(shown.len());
        shown.extend(tree_wrap(l, inner.width as usize));
    }
    let at = first_of
        .get(app.tree_scroll)
        .copied()
        .unwrap_or(shown.len());
    let start = at.min(shown.len().saturating_sub(h));
    let lines: Vec<Line> = shown
        .into_iter()
        .skip(start)
        .take(h)
        .map(Line::raw)
        .collect();
    Paragraph::new(lines).render(inner, buf);

    // Before the first check has run there are no findings to count, not zero.
    let waiting = app.computed.plan.is_none();
    let counts = if waiting {
        t.working.to_string()
    } else {
        app.computed.report.summary.line(app.lang)
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
        draw_wrapped_list(
            finner,
            buf,
            findings.len(),
            (app.finding_sel, focused),
            th,
            |i| {
                let f = &findings[i];
                let (mark, style) = th.severity(f.severity);
                (
                    Span::styled(format!("{mark} "), style),
                    f.message(Wording::wizard(app.lang)),
                )
            },
        );
    }

    let wb = Block::default()
        .borders(Borders::ALL)
        .border_style(th.border(focus(Pane::Why)))
        .title(Span::styled(format!(" {} ", t.why_title), th.accent()));
    let winner = wb.inner(bottom);
    wb.render(bottom, buf);
    app.why_view.set((winner.width, winner.height));
    let why = why_wrapped(app, winner.width);
    let start = app
        .why_scroll
        .min(why.len().saturating_sub(usize::from(winner.height)));
    let why: Vec<Line> = why
        .into_iter()
        .skip(start)
        .take(usize::from(winner.height))
        .map(Line::raw)
        .collect();
    Paragraph::new(why).render(winner, buf);
}

/// The Why pane's lines as they wrap at `width`.
fn why_wrapped(app: &App, width: u16) -> Vec<String> {
    app.why_lines()
        .iter()
        .flat_map(|l| hanging(l, usize::from(width)))
        .collect()
}

/// A finding in full: its fields, its hint, where Enter goes and the fix `f` applies.
pub(crate) fn draw_finding(
    app: &App,
    i: usize,
    (t, th): (&Strings, Theme),
    area: Rect,
    buf: &mut Buffer,
) {
    let Some(f) = app.computed.report.findings.get(i) else {
        return;
    };
    let words = Wording::wizard(app.lang);
    let mut lines = vec![Line::styled(f.message(words), th.bold()), Line::raw("")];
    let mut field = |label: &str, v: Option<&str>| {
        if let Some(v) = v {
            lines.push(Line::from(vec![
                Span::styled(format!("{label:<14}"), th.dim()),
                Span::raw(v.to_string()),
            ]));
        }
    };
    field(t.f_severity, Some(f.severity.word(app.lang)));
    field("Altinn", f.altinn_code);
    field(t.f_system_user, f.system_user.as_deref());
    field(t.f_client, f.client.as_deref());
    field(t.f_package, f.package.as_deref());
    field(t.f_team, f.team.as_deref());
    if let Some(h) = f.hint(words) {
        lines.push(Line::raw(""));
        lines.push(Line::from(vec![
            Span::styled(format!("{} ", t.f_hint), th.bold()),
            Span::raw(h),
        ]));
    }
    // Where Enter goes: kept on the pop-up's last row however long the hint.
    let jump = app.finding_jump(i).or_else(|| {
        app.finding_target(i)
            .map(|(step, _)| fill(t.f_jump, &[step_title(t, step)]))
    });
    let width = 72u16.min(area.width).saturating_sub(2);
    let height = |lines: &[Line]| -> u16 {
        lines
            .iter()
            .map(|l| wrapped_rows(&l.to_string(), width))
            .sum()
    };
    let jump_rows = jump.as_deref().map_or(0, |j| wrapped_rows(j, width) + 1);
    let r = centred(area, 72, height(&lines) + jump_rows + 2);
    let inner = popup(r, buf, th, f.rule.id());
    let [body, foot] =
        Layout::vertical([Constraint::Min(0), Constraint::Length(jump_rows)]).areas(inner);
    Paragraph::new(lines)
        .wrap(Wrap { trim: true })
        .render(body, buf);
    if let Some(jump) = jump {
        Paragraph::new(vec![Line::raw(""), Line::styled(jump, th.dim())])
            .wrap(Wrap { trim: true })
            .render(foot, buf);
    }
}

pub(crate) fn on_key(app: &mut App, key: KeyEvent) {
    match key.code {
        KeyCode::Tab => {
            app.pane = match app.pane {
                Pane::Tree => Pane::Findings,
                Pane::Findings => Pane::Why,
                Pane::Why => Pane::Tree,
            }
        }
        KeyCode::BackTab => {
            app.pane = match app.pane {
                Pane::Tree => Pane::Why,
                Pane::Findings => Pane::Tree,
                Pane::Why => Pane::Findings,
            }
        }
        KeyCode::Char('z') => app.zoom = !app.zoom,
        KeyCode::Char('a') if app.own_layout => app.propose_recommendation(),
        KeyCode::Char('e') => app.edit_layout(),
        KeyCode::Enter if app.pane == Pane::Findings => {
            if app.finding_sel < app.computed.report.findings.len() {
                app.overlays.push(Overlay::Finding(app.finding_sel));
            }
        }
        code => match app.pane {
            Pane::Tree => move_sel(&mut app.tree_scroll, app.computed.tree.len(), code),
            Pane::Findings => move_sel(
                &mut app.finding_sel,
                app.computed.report.findings.len(),
                code,
            ),
            Pane::Why => {
                // Scrolled by wrapped lines, a page being the pane's height,
                // and never past the last page.
                let (width, height) = app.why_view.get();
                let n = why_wrapped(app, width).len();
                let page = usize::from(height.max(1));
                let last = n.saturating_sub(page);
                app.why_scroll = match code {
                    KeyCode::PageDown => app.why_scroll + page,
                    KeyCode::PageUp => app.why_scroll.saturating_sub(page),
                    _ => {
                        let mut at = app.why_scroll.min(last);
                        move_sel(&mut at, n, code);
                        at
                    }
                }
                .min(last);
            }
        },
    }
}

/// Unserved clients the Why pane names one by one.
const MAX_UNSERVED_SHOWN: usize = 20;

impl App {
    /// The "why" pane: scenario letters, the decision path, each system user's reason.
    pub fn why_lines(&self) -> Vec<String> {
        let t = self.t();
        let mut out = Vec::new();
        let Some(plan) = &self.computed.plan else {
            return vec![t.working.into()];
        };
        let advice = plan.advice.as_ref();
        // The recommendation's notes and reasons as data, worded in the
        // wizard's terms (its steps and rows, not the plan file's keys).
        let texts = self
            .computed
            .texts
            .as_ref()
            .and_then(|t| t.advice.as_ref())
            .filter(|t| advice.is_some_and(|a| a.notes.len() == t.notes.len()));
        let said = |i: usize, of: fn(&crate::advisor::AdviceTexts) -> &[crate::advisor::Text]| {
            texts
                .and_then(|t| of(t).get(i))
                .map(|t| t.wizard_text(self.lang))
        };
        if let Some(a) = advice.filter(|a| !a.scenarios.is_empty()) {
            out.push(format!("{} {}", t.scenarios, a.scenarios.join(", ")));
        }
        // A few unserved clients say why; the rest are counted (a client list
        // read before its roles are set can leave every client unserved).
        let unserved = advice.map(|a| a.unserved.as_slice()).unwrap_or_default();
        for (i, u) in unserved.iter().enumerate().take(MAX_UNSERVED_SHOWN) {
            let reason = said(i, |t| &t.unserved).unwrap_or_else(|| u.reason.clone());
            out.push(format!("! {} ({}): {reason}", u.name, u.client));
        }
        if unserved.len() > MAX_UNSERVED_SHOWN {
            let more = crate::text::thousands_in(unserved.len() - MAX_UNSERVED_SHOWN, self.lang);
            out.push(fill(t.why_more_unserved, &[&more]));
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
        for (i, n) in advice
            .map(|a| a.notes.as_slice())
            .unwrap_or_default()
            .iter()
            .enumerate()
        {
            let n = said(i, |t| &t.notes).unwrap_or_else(|| n.clone());
            out.push(format!("· {n}"));
        }
        if out.is_empty() {
            out.push(t.no_layout.into());
        }
        out
    }
}
