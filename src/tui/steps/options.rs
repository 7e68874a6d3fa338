//! Step 7: the choices the guidance leaves to the user (a system user for
//! own and clients' data together; scenario F's option), with the two F
//! options worked out for this plan beside them. Its keys are the form's.

use super::draw_form;
use crate::decision;
use crate::tui::app::{App, Row};
use crate::tui::i18n::{Strings, fill};
use crate::tui::widgets::{Theme, prose};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;

/// The keys line.
pub(crate) fn keys(_app: &App, t: &Strings) -> &'static str {
    t.keys_form
}

/// The form, what the selected choice means, and the F comparison.
pub(crate) fn draw(app: &App, t: &Strings, th: Theme, area: Rect, buf: &mut Buffer) {
    // Below the Continue row the F option's help stays.
    let help = match app.selected_row().map(|row| row.help(t)) {
        Some(help) if !help.is_empty() => help,
        _ => t.help_f_option,
    };
    let mut below = vec![Line::styled(prose(help), th.dim())];
    if app.selected_row() == Some(Row::SelfOnClient) {
        // Scenario H's choice, with where the guidance points; F's comparison
        // belongs to the F row (both together do not fit 80×24).
        below.extend(points_to(app, Row::SelfOnClient).map(Line::raw));
    } else {
        below.push(Line::raw(""));
        below.push(Line::styled(t.compare_title, th.bold()));
        below.extend(compare_lines(app).into_iter().map(Line::raw));
    }
    draw_form(app, (t, th), area, buf, t.options_intro, below);
}

/// Scenario F's two options for this plan, as lines beside the choice: the
/// same figures `sysuser compare` prints.
pub fn compare_lines(app: &App) -> Vec<String> {
    let t = app.t();
    let Some(c) = &app.computed.compare else {
        return Vec::new();
    };
    if !c.applies {
        return vec![t.compare_none.to_string()];
    }
    let side = |label: &str, s: &crate::compare::OptionSide| {
        let users: Vec<String> = s
            .system_users
            .iter()
            .map(|u| {
                format!(
                    "{} ({})",
                    u.name,
                    crate::text::thousands_in(u.clients, app.lang)
                )
            })
            .collect();
        fill(
            t.compare_side,
            &[
                label,
                &s.system_users.len().to_string(),
                &crate::text::thousands_in(s.client_links, app.lang),
                &users.join(", "),
            ],
        )
    };
    vec![
        fill(
            t.compare_applies,
            &[
                &crate::text::thousands_in(c.f_clients, app.lang),
                &c.extra_services
                    .iter()
                    .map(|code| crate::advisor::service_label_in(code, app.lang))
                    .collect::<Vec<_>>()
                    .join(", "),
            ],
        ),
        side(t.compare_option_1, &c.option_1),
        side(t.compare_option_2, &c.option_2),
        points_to(app, Row::FOption).unwrap_or_default(),
    ]
}

/// For a choice the guidance leaves to the user, where its criterion points
/// for this plan's numbers; `None` when the choice does not arise here.
pub(crate) fn points_to(app: &App, row: Row) -> Option<String> {
    let t = app.t();
    match row {
        Row::FOption => {
            let c = app.computed.compare.as_ref().filter(|c| c.applies)?;
            let option = if c.recommended == "per-service" {
                t.compare_option_2
            } else {
                t.compare_option_1
            };
            let option = option.to_lowercase();
            Some(fill(t.compare_points_to, &[&option]))
        }
        Row::SelfOnClient => {
            let i = decision::QUESTIONS
                .iter()
                .position(|q| q.id == "own-and-delegated")?;
            let yes = app.answers().get(i).is_some_and(|a| a.yes);
            yes.then(|| t.self_on_client_points.to_string())
        }
        _ => None,
    }
}
