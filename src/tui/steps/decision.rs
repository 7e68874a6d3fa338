//! Step 8: the guidance's seven questions, answered from the facts, with
//! the path taken so far; Enter goes to the step whose facts decide one.

use crate::decision;
use crate::tui::app::{App, Row, Step, move_sel};
use crate::tui::i18n::{Strings, fill};
use crate::tui::widgets::{Theme, step_block};
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

/// The keys line.
pub(crate) fn keys(_app: &App, t: &Strings) -> &'static str {
    t.keys_decision
}

pub(crate) fn draw(app: &App, t: &Strings, th: Theme, area: Rect, buf: &mut Buffer) {
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
            Span::styled(format!("{}: {}", row.label(t), app.value(row)), th.accent()),
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
