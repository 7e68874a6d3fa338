//! Step 8: the guidance's seven questions, answered from the facts, with
//! the path taken so far; Enter goes to the step whose facts decide one.

use crate::decision;
use crate::tui::app::{App, Row, Step, move_sel};
use crate::tui::i18n::{Strings, fill};
use crate::tui::widgets::{Theme, clip, offset, step_block};
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

/// The keys line.
pub(crate) fn keys(app: &App, t: &Strings) -> &'static str {
    // Space is offered only where the guidance leaves a choice to the user.
    if app.decision_choice().is_some() {
        t.keys_decision_choice
    } else {
        t.keys_decision
    }
}

pub(crate) fn draw(app: &App, t: &Strings, th: Theme, area: Rect, buf: &mut Buffer) {
    let block = step_block(app, t, th);
    let inner = block.inner(area);
    block.render(area, buf);
    let lang = app.lang.code();
    let qs = decision::QUESTIONS;
    let i = app.question.min(qs.len() - 1);
    let q = &qs[i];
    let answers = app.answers();
    let answer = answers.get(i);
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
    lines.push(Line::from(vec![
        Span::styled(format!("{} ", t.guidance_says), th.dim()),
        Span::raw(answer.map_or_else(|| q.explain(lang).to_string(), |a| q.branch(a.yes, lang))),
    ]));
    if let Some(row) = app.decision_choice() {
        lines.push(Line::from(vec![
            Span::styled(format!("{}: {}", row.label(t), app.value(row)), th.accent()),
            Span::styled(format!("  {}", t.left_to_you), th.dim()),
        ]));
        if let Some(points) = super::options::points_to(app, row) {
            lines.push(Line::raw(points));
        }
    }
    // The path gets what the question leaves, all seven when there is room.
    let needed: usize = lines
        .iter()
        .map(|l| {
            crate::text::wrap(&l.to_string(), usize::from(inner.width))
                .len()
                .max(1)
        })
        .sum();
    let room = usize::from(inner.height).saturating_sub(needed);
    let path_h = room.clamp(4, qs.len() + 1) as u16;
    let [top, bottom] =
        Layout::vertical([Constraint::Min(0), Constraint::Length(path_h)]).areas(inner);
    Paragraph::new(lines)
        .wrap(Wrap { trim: true })
        .render(top, buf);
    let [path_title, path_area] =
        Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(bottom);
    Paragraph::new(Line::styled(format!("── {} ", t.path_so_far), th.bold()))
        .render(path_title, buf);
    // Scrolled so that the current question shows.
    let first = offset(i, usize::from(path_area.height));
    let path: Vec<Line> = qs
        .iter()
        .enumerate()
        .skip(first)
        .map(|(k, q)| {
            let ans = match answers.get(k) {
                Some(a) => {
                    if a.yes {
                        format!("{} → {}", t.yes, q.scenarios.join("/"))
                    } else {
                        t.no.to_string()
                    }
                }
                _ => "…".into(),
            };
            // One line per question, cut with "…" (the question is shown whole above).
            let text = clip(
                &format!("{}. {:<9} {}", k + 1, ans, q.text(lang)),
                usize::from(path_area.width),
            );
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

/// The step (and row) whose facts decide a decision-tree question.
fn deciding_step(question: &str) -> (Step, usize) {
    match question {
        "own-only" => (Step::OwnPackages, 0),
        "teams" => (Step::Teams, 0),
        "extra-delegated-packages" => (Step::Options, 1),
        "own-and-delegated" => (Step::Options, 0),
        _ => (Step::Clients, 0),
    }
}

pub(crate) fn on_key(app: &mut App, key: KeyEvent) {
    let n = decision::QUESTIONS.len();
    match key.code {
        // Enter goes to the step whose facts decide the question.
        KeyCode::Enter => {
            let (step, row) = deciding_step(decision::QUESTIONS[app.question.min(n - 1)].id);
            app.go(step);
            app.sel = row;
        }
        // Space: the choice the guidance leaves to the user, where there is one.
        KeyCode::Char(' ') => {
            if let Some(row) = app.decision_choice() {
                app.toggle(row);
            }
        }
        code => move_sel(&mut app.question, n, code),
    }
}

impl App {
    /// The option the current question leaves to the user (scenario F's
    /// option, a system user for own and clients' data together), if any.
    pub fn decision_choice(&self) -> Option<Row> {
        match decision::QUESTIONS.get(self.question)?.id {
            "extra-delegated-packages" => Some(Row::FOption),
            "own-and-delegated" => Some(Row::SelfOnClient),
            _ => None,
        }
    }
}
