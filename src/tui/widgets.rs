//! Drawing pieces every step shares: the theme, the step's frame, pop-ups,
//! virtualised lists, form rows, the package picker and hanging wraps.
//!
//! Long lists (clients, findings, the catalog) are virtualised: only the rows
//! that fit are turned into text, so a 100,000-client plan draws as fast as a small one.

use super::app::{App, Picker, Row, RowKind, Step, TextLine, fit_label};
use super::i18n::{Strings, fill};
use crate::catalog::catalog;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget};

/// Styles that stay readable without colour (`NO_COLOR`): selection is
/// reverse video, emphasis is bold, and colour only adds to that.
#[derive(Clone, Copy)]
pub(crate) struct Theme {
    pub(crate) color: bool,
}

impl Theme {
    pub(crate) fn fg(self, c: Color) -> Style {
        if self.color {
            Style::new().fg(c)
        } else {
            Style::new()
        }
    }
    pub(crate) fn selected(self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)
    }
    pub(crate) fn bold(self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }
    pub(crate) fn dim(self) -> Style {
        if self.color {
            Style::new().fg(Color::DarkGray)
        } else {
            Style::new()
        }
    }
    /// A finding's mark and style by its severity: ✗ error, ! warning, i info.
    pub(crate) fn severity(self, s: crate::rules::Severity) -> (&'static str, Style) {
        match s {
            crate::rules::Severity::Error => ("✗", self.error()),
            crate::rules::Severity::Warning => ("!", self.warning()),
            crate::rules::Severity::Info => ("i", self.dim()),
        }
    }

    pub(crate) fn error(self) -> Style {
        self.fg(Color::Red).add_modifier(Modifier::BOLD)
    }
    pub(crate) fn warning(self) -> Style {
        self.fg(Color::Yellow)
    }
    pub(crate) fn ok(self) -> Style {
        self.fg(Color::Green)
    }
    pub(crate) fn accent(self) -> Style {
        self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
    }
    pub(crate) fn border(self, focused: bool) -> Style {
        if focused {
            self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
        } else {
            Style::new()
        }
    }
}

pub(crate) fn step_title(t: &Strings, step: Step) -> &'static str {
    t.steps[step.index()]
}

pub(crate) fn step_block(app: &App, t: &Strings, th: Theme) -> Block<'static> {
    Block::default()
        .borders(Borders::ALL)
        .border_style(th.border(app.overlays.is_empty()))
        .title(Span::styled(
            format!(" {} ", step_title(t, app.step)),
            th.accent(),
        ))
}

/// Form rows: "label  value", the selected one reversed, the edited one with a cursor.
pub(crate) fn form_lines(
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
        .map(|r| r.label(t).chars().count())
        .max()
        .unwrap_or(0)
        .min(width as usize / 2);
    rows.iter()
        .enumerate()
        .map(|(i, &row)| {
            let label = row.label(t);
            let selected = i == sel;
            let editing = selected && app.input.as_ref().is_some_and(|inp| inp.row == row);
            let mark = if selected { "›" } else { " " };
            let text = match row.kind() {
                RowKind::Action => format!("{mark} ▸ {label}"),
                _ if row == Row::OpenFile && !editing => format!("{mark} ▸ {label}"),
                _ => {
                    let value = if editing {
                        app.input
                            .as_ref()
                            .map(|i| cursor_text(&i.buffer))
                            .unwrap_or_default()
                    } else {
                        let v = app.value(row);
                        let room = (width as usize).saturating_sub(label_w + 6);
                        match row.kind() {
                            RowKind::Picker => {
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

/// A line being typed, with a bar where the cursor is.
pub(crate) fn cursor_text(line: &TextLine) -> String {
    let (before, after) = line.split();
    format!("{before}▏{after}")
}

/// At most `n` characters of `s`, with an ellipsis when cut.
pub(crate) fn clip(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        let mut out: String = s.chars().take(n.saturating_sub(1)).collect();
        out.push('…');
        out
    }
}

/// A string's hard line breaks as spaces, so the paragraph can wrap it to the width.
pub(crate) fn prose(s: &str) -> String {
    s.replace('\n', " ")
}

/// Rows a wrapped paragraph of `s` needs at `width`, with room for word breaks.
pub(crate) fn wrapped_height(s: &str, width: u16) -> u16 {
    let chars = s.chars().count() as u16;
    chars.div_ceil(width.max(1)) + 1
}

/// Rows a line of `s` takes when wrapped at word boundaries to `width`, as
/// [`ratatui::widgets::Wrap`] does (a word longer than the width is broken).
pub(crate) fn wrapped_rows(s: &str, width: u16) -> u16 {
    let width = usize::from(width.max(1));
    let (mut rows, mut used) = (1u16, 0usize);
    for word in s.split_whitespace() {
        let mut len = word.chars().count();
        let gap = usize::from(used > 0);
        if used + gap + len <= width {
            used += gap + len;
            continue;
        }
        if used > 0 {
            rows += 1;
        }
        while len > width {
            rows += 1;
            len -= width;
        }
        used = len;
    }
    rows
}

/// First row shown so that `sel` is visible in `height` rows.
pub(crate) fn offset(sel: usize, height: usize) -> usize {
    if height == 0 || sel < height {
        0
    } else {
        sel + 1 - height
    }
}

/// Draws rows `offset..offset+height` of a list of `len`, scrolled so that
/// `sel` is visible and highlighted when `highlight`; `line(i)` makes row i.
pub(crate) fn draw_list(
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

/// As [`draw_list`], for items that wrap: item i is a mark (`✗ `) and a
/// text, wrapped under the text's first letter. Only the items around `sel`
/// are wrapped, so a long list draws as fast as a short one.
pub(crate) fn draw_wrapped_list(
    area: Rect,
    buf: &mut Buffer,
    len: usize,
    (sel, highlight): (usize, bool),
    th: Theme,
    item: impl Fn(usize) -> (Span<'static>, String),
) {
    if area.width < 4 || area.height == 0 || len == 0 {
        return;
    }
    let h = usize::from(area.height);
    let width = usize::from(area.width - 1);
    let rows = |i: usize| -> (Span<'static>, Vec<String>) {
        let (mark, text) = item(i);
        let indent = mark.width();
        let lines = crate::text::wrap(&text, width.saturating_sub(indent).max(1));
        (mark, lines)
    };
    // The first item shown: from the top while the selected one fits, else
    // the selected one as low as it fits.
    let sel = sel.min(len - 1);
    let mut start = sel;
    let mut used = rows(sel).1.len().max(1);
    while start > 0 {
        let above = rows(start - 1).1.len().max(1);
        if used + above > h {
            break;
        }
        used += above;
        start -= 1;
    }
    let mut y = area.y;
    for i in start..len {
        if y >= area.bottom() {
            break;
        }
        let (mark, lines) = rows(i);
        let indent = mark.width();
        let selected = highlight && i == sel;
        for (k, text) in lines.iter().enumerate() {
            if y >= area.bottom() {
                break;
            }
            let r = Rect::new(area.x + 1, y, area.width - 1, 1);
            let mut l = if k == 0 {
                Line::from(vec![mark.clone(), Span::raw(text.clone())])
            } else {
                Line::raw(format!("{:indent$}{text}", ""))
            };
            if selected {
                if k == 0 {
                    buf.set_string(area.x, y, "›", th.bold());
                }
                l = l.patch_style(th.selected());
                buf.set_style(r, th.selected());
            }
            l.render(r, buf);
            y += 1;
        }
    }
}

pub(crate) fn draw_picker(
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
        format!("/ {}", cursor_text(&p.filter))
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
    let pkgs = catalog().packages();
    let selected = p.matches.get(p.sel).map(|&i| &pkgs[i]);
    // One line more for the selected code when the list cuts it.
    let long = selected.is_some_and(|pkg| pkg.code.chars().count() > CODE_COLUMN);
    let detail_h = 4 + u16::from(long);
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
    let lang = app.lang.code();
    let wide = area.width >= 90;
    if p.matches.is_empty() {
        Paragraph::new(Line::styled(t.picker_nothing, th.dim())).render(list, buf);
    }
    draw_list(list, buf, p.matches.len(), (p.sel, true), th, |i| {
        let pkg = &pkgs[p.matches[i]];
        let mark = if p.is_chosen(&pkg.code) { "[x]" } else { "[ ]" };
        let fit = fit_label(pkg.fit(), t);
        // A code longer than its column is cut (the detail below names it whole).
        let code = clip(&pkg.code, CODE_COLUMN);
        let text = if wide {
            format!("{mark} {code:<44} {:<17} {}", fit, pkg.name(lang))
        } else {
            format!("{mark} {code:<44} {}", fit)
        };
        Line::raw(text)
    });
    let mut d = Vec::new();
    if let Some(pkg) = selected {
        if long {
            d.push(Line::styled(pkg.code.clone(), th.bold()));
        }
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
    // One line each: what does not fit the width ends in "…".
    let w = usize::from(detail.width);
    let d: Vec<Line> = d
        .into_iter()
        .map(|l| {
            let text: String = l.spans.iter().map(|s| s.content.as_ref()).collect();
            Line::styled(clip(&text, w), l.style)
        })
        .collect();
    Paragraph::new(d)
        .block(Block::default().borders(Borders::TOP))
        .render(detail, buf);
}

/// The package picker's code column: most codes fit; longer ones are cut.
const CODE_COLUMN: usize = 44;

/// Wraps at spaces, continuing under the line's own indent (and after a `· `
/// or `! ` bullet), so that each reason reads as a block under its system user.
pub(crate) fn hanging(line: &str, width: usize) -> Vec<String> {
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

/// A line of a tree wrapped to `width`, its continuation lines under the
/// tree's guides ("├── " continues as "│   ", "└── " as "    "), so a long
/// name or client is read whole instead of cut at the pane's edge.
pub(crate) fn tree_wrap(line: &str, width: usize) -> Vec<String> {
    let body = line.trim_start_matches(['│', '├', '└', '─', ' ', '|', '`', '-']);
    let prefix = &line[..line.len() - body.len()];
    let indent = prefix.chars().count();
    if line.chars().count() <= width || width <= indent + 8 {
        return vec![line.to_string()];
    }
    let cont: String = prefix
        .chars()
        .map(|c| match c {
            '├' | '|' => '│',
            '│' => '│',
            _ => ' ',
        })
        .collect();
    let mut parts = crate::text::wrap(body, width - indent).into_iter();
    let Some(head) = parts.next() else {
        return vec![line.to_string()];
    };
    std::iter::once(format!("{prefix}{head}"))
        .chain(parts.map(|l| format!("{cont}{l}")))
        .collect()
}

/// A centred rectangle of at most `w`×`h` inside `area`.
pub(crate) fn centred(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    )
}

/// A bordered pop-up over `area`. Beside it, the screen behind is blanked
/// out to the nearest border (at most a few columns), so no stray letters
/// of a cut word stand between the pop-up and the frame.
pub(crate) fn popup(area: Rect, buf: &mut Buffer, th: Theme, title: &str) -> Rect {
    let area = area.intersection(buf.area);
    Clear.render(area, buf);
    let frame = |s: &str| {
        s.chars()
            .all(|c| matches!(c, '│' | '┌' | '┐' | '└' | '┘' | '├' | '┤' | '─'))
    };
    let bounds = buf.area;
    for y in area.top()..area.bottom() {
        let left = (area.left().saturating_sub(4)..area.left()).rev();
        let right = area.right()..area.right().saturating_add(4).min(bounds.right());
        for xs in [left.collect::<Vec<_>>(), right.collect()] {
            for x in xs {
                if x < bounds.left() {
                    break;
                }
                let cell = &mut buf[(x, y)];
                if frame(cell.symbol()) {
                    break;
                }
                cell.reset();
            }
        }
    }
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(th.border(true))
        .title(Span::styled(format!(" {title} "), th.accent()));
    let inner = block.inner(area);
    block.render(area, buf);
    inner
}

#[cfg(test)]
mod tests {
    use super::hanging;

    #[test]
    fn tree_lines_continue_under_their_guides() {
        assert_eq!(
            super::tree_wrap(
                "│   ├── Client: Client A AS [311800132] (registered accountant)",
                34
            ),
            [
                "│   ├── Client: Client A AS",
                "│   │   [311800132] (registered",
                "│   │   accountant)",
            ]
        );
        assert_eq!(
            super::tree_wrap("└── System user 2 — Accounting", 20),
            ["└── System user 2 —", "    Accounting"]
        );
        assert_eq!(super::tree_wrap("short", 20), ["short"]);
    }

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
