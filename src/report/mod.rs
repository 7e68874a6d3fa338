//! The report: one self-contained HTML page for people who never open a
//! terminal — a summary and verdict, the layout drawn ([`crate::svg`]), the
//! findings by severity, the go-live checklist as judged, the decision path,
//! and the routes table with a client filter that works from a file.
//!
//! Every part is worded by the core functions the commands print
//! (the findings' own wording, `checklist_in`, the advisor's decision path, the
//! routing walk); this module only lays them out. Every string from the plan
//! is escaped ([`crate::markup::escape`]); the page loads nothing from
//! anywhere (no fonts, scripts, styles or images outside the file).

mod routes;
mod texts;

use crate::checklist::{Checklist, Status};
use crate::engine::Index;
use crate::lang::Lang;
use crate::markup::escape;
use crate::plan::{Plan, SystemUserType};
use crate::rules::{Finding, Report, Severity};
use crate::text::thousands_in;
use std::fmt::Write;
use texts::Words;

/// Findings listed per severity before the rest are counted.
const FINDINGS_SHOWN: usize = 200;
/// Details listed per checklist item before the rest are counted.
const DETAILS_SHOWN: usize = 20;
/// Clients drawn per system user in the diagram, as `render`'s default.
const DIAGRAM_LIMIT: usize = 10;

const STYLE: &str = include_str!("report.css");
const SCRIPT: &str = include_str!("report.js");

/// The report for `plan` in `lang`, as a complete HTML document.
pub fn report(plan: &Plan, lang: Lang) -> String {
    report_of(plan, &crate::engine::check(plan), lang)
}

/// [`report`] with the findings `check(plan)` made, as a front end
/// that has them (pointing at the plan's lines) passes them.
pub fn report_of(plan: &Plan, findings: &Report, lang: Lang) -> String {
    let advised = crate::advisor::recommend_in(plan, plan.options.f_option, lang);
    let checklist = crate::checklist::checklist_advised(plan, findings, &advised, lang);
    let advice = advised.advice;
    let index = Index::new(plan);
    let parts = Parts {
        plan,
        lang,
        w: texts::words(lang),
        findings,
        checklist: &checklist,
        advice: &advice,
        index: &index,
    };
    parts.page()
}

/// Everything the page is made of, computed once.
struct Parts<'a> {
    plan: &'a Plan,
    lang: Lang,
    w: &'static Words,
    findings: &'a Report,
    checklist: &'a Checklist,
    advice: &'a crate::plan::Advice,
    index: &'a Index<'a>,
}

impl Parts<'_> {
    fn page(&self) -> String {
        let org = crate::svg::display(self.plan);
        let mut out = String::with_capacity(64 * 1024 + self.plan.clients.len() * 40);
        let _ = write!(
            out,
            "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
<title>{title} — {org}</title>\n<style>\n{STYLE}{svg}</style>\n</head>\n<body>\n<main>\n\
<h1>{title} — {org}</h1>\n",
            lang = self.lang.code(),
            title = self.w.title,
            org = escape(org),
            svg = crate::svg::STYLE,
        );
        self.summary(&mut out);
        self.diagram(&mut out);
        self.findings(&mut out);
        self.checklist(&mut out);
        self.decision(&mut out);
        self.routes(&mut out);
        let _ = write!(
            out,
            "<footer><p>{}</p></footer>\n</main>\n<script>\n{SCRIPT}</script>\n</body>\n</html>\n",
            code_spans(
                &self
                    .w
                    .generated
                    .replace("{version}", env!("CARGO_PKG_VERSION"))
            )
        );
        out
    }

    fn count(&self, n: usize) -> String {
        thousands_in(n, self.lang)
    }

    fn summary(&self, out: &mut String) {
        let (plan, w) = (self.plan, self.w);
        let o = &plan.organisation;
        let mut org = format!(
            "{} ({})",
            escape(crate::svg::display(plan)),
            escape(o.orgnr.as_str())
        );
        let units = o.operational_units.len();
        if units > 0 {
            let (one, many) = w.operational_units;
            let word = if units == 1 { one } else { many };
            let _ = write!(org, ", {} {word}", self.count(units));
        }
        let system = format!(
            "<code>{}</code>, {} {}",
            escape(&plan.system.id),
            w.vendor,
            escape(plan.system.vendor.as_str())
        );
        let scenarios = if self.advice.scenarios.is_empty() {
            w.no_scenario.to_string()
        } else {
            let items: Vec<String> = self
                .advice
                .scenarios
                .iter()
                .map(|s| match w.scenario(s) {
                    Some(name) => format!("<li><b>{}</b> {}</li>", escape(s), name),
                    None => format!("<li><b>{}</b></li>", escape(s)),
                })
                .collect();
            format!("<ul class=\"scenarios\">{}</ul>", items.concat())
        };
        let standard = plan
            .system_users
            .iter()
            .filter(|s| s.kind == SystemUserType::Standard)
            .count();
        let client = plan.system_users.len() - standard;
        let users = format!(
            "{} ({} {}, {} {})",
            self.count(plan.system_users.len()),
            self.count(standard),
            w.standard,
            self.count(client),
            w.client_relationship
        );
        let links: usize = plan.system_users.iter().map(|s| s.clients.len()).sum();
        let (verdict_class, verdict) = if self.findings.has_errors() {
            ("refuse", w.refuse)
        } else {
            ("accept", w.accept)
        };
        let line = self.findings.summary.line(self.lang);
        let _ = write!(
            out,
            "<section aria-labelledby=\"summary\">\n<h2 id=\"summary\">{}</h2>\n\
<p class=\"verdict {verdict_class}\"><strong>{}: {verdict}</strong> ({})</p>\n<dl class=\"facts\">\n\
<dt>{}</dt><dd>{org}</dd>\n<dt>{}</dt><dd>{system}</dd>\n<dt>{}</dt><dd>{scenarios}</dd>\n\
<dt>{}</dt><dd>{users}</dd>\n<dt>{}</dt><dd>{}</dd>\n<dt>{}</dt><dd>{}</dd>\n</dl>\n</section>\n",
            w.summary,
            w.verdict,
            escape(&line),
            w.organisation,
            w.system,
            w.scenarios,
            w.system_users,
            w.clients,
            self.count(plan.clients.len()),
            w.client_links,
            self.count(links),
        );
    }

    fn diagram(&self, out: &mut String) {
        let d = crate::svg::diagram(self.plan, self.findings, self.lang, Some(DIAGRAM_LIMIT));
        let _ = write!(
            out,
            "<section aria-labelledby=\"layout\">\n<h2 id=\"layout\">{}</h2>\n<p class=\"note\">{}</p>\n\
<figure class=\"diagram\" aria-label=\"{}\">\n<div class=\"org-box\">{}</div>\n<div class=\"boxes\">\n",
            self.w.diagram,
            code_spans(self.w.diagram_note),
            escape(&crate::svg::overall_desc(self.plan, self.lang)),
            d.organisation.inline("org", "box org-svg"),
        );
        for (i, b) in d.system_users.iter().enumerate() {
            let _ = writeln!(out, "{}", b.inline(&format!("su{}", i + 1), "box su-svg"));
        }
        out.push_str("</div>\n");
        if let Some(legend) = &d.legend {
            let _ = writeln!(
                out,
                "<figcaption>{}</figcaption>",
                legend.inline("legend", "box legend-svg")
            );
        }
        out.push_str("</figure>\n</section>\n");
    }

    fn findings(&self, out: &mut String) {
        let w = self.w;
        let _ = write!(
            out,
            "<section aria-labelledby=\"findings\">\n<h2 id=\"findings\">{}</h2>\n",
            w.findings
        );
        if self.findings.findings.is_empty() {
            let _ = writeln!(out, "<p>{}</p>", w.no_findings);
        }
        let groups = [Severity::Error, Severity::Warning, Severity::Info];
        for (i, sev) in groups.into_iter().enumerate() {
            let list: Vec<&Finding> = self
                .findings
                .findings
                .iter()
                .filter(|f| f.severity == sev)
                .collect();
            if list.is_empty() {
                continue;
            }
            let _ = write!(
                out,
                "<h3 class=\"sev-{s}\">{} ({})</h3>\n<ol class=\"findings sev-{s}\">\n",
                w.severities[i],
                self.count(list.len()),
                s = sev.as_str()
            );
            for f in list.iter().take(FINDINGS_SHOWN) {
                self.finding(out, f);
            }
            out.push_str("</ol>\n");
            if list.len() > FINDINGS_SHOWN {
                let more = w
                    .more_findings
                    .replace("{n}", &self.count(list.len() - FINDINGS_SHOWN));
                let _ = writeln!(out, "<p class=\"note\">{}</p>", code_spans(&more));
            }
        }
        out.push_str("</section>\n");
    }

    fn finding(&self, out: &mut String, f: &Finding) {
        let w = self.w;
        let code = f
            .altinn_code
            .map(|c| format!(" <span class=\"altinn\">{} {c}</span>", w.altinn_code))
            .unwrap_or_default();
        let subjects: Vec<String> = [
            (w.subject_system_user, &f.system_user),
            (w.subject_client, &f.client),
            (w.subject_package, &f.package),
            (w.subject_team, &f.team),
        ]
        .into_iter()
        .filter_map(|(k, v)| v.as_ref().map(|v| format!("{k}: <b>{}</b>", escape(v))))
        .collect();
        let _ = write!(
            out,
            "<li><p class=\"f-head\"><span class=\"sev\">{}</span> <code>{}</code>{code}</p>\n<p>{}</p>\n",
            f.severity.as_str(),
            f.rule.id(),
            escape(&f.message(self.lang))
        );
        if !subjects.is_empty() {
            let _ = writeln!(out, "<p class=\"subjects\">{}</p>", subjects.join(" · "));
        }
        if let Some(p) = &f.location {
            let _ = writeln!(
                out,
                "<p class=\"where\"><code>{}:{}:{}</code></p>",
                escape(&p.file),
                p.line,
                p.column
            );
        }
        if let Some(h) = f.hint(self.lang) {
            let _ = writeln!(
                out,
                "<p class=\"hint\"><b>{}:</b> {}</p>",
                w.hint,
                code_spans(&h)
            );
        }
        out.push_str("</li>\n");
    }

    fn checklist(&self, out: &mut String) {
        let w = self.w;
        let _ = write!(
            out,
            "<section aria-labelledby=\"checklist\">\n<h2 id=\"checklist\">{}</h2>\n<ol class=\"checklist\">\n",
            w.checklist
        );
        for item in &self.checklist.items {
            let (class, word) = match item.status {
                Status::Pass => ("pass", w.statuses[0]),
                Status::Fail => ("fail", w.statuses[1]),
                Status::Manual => ("manual", w.statuses[2]),
            };
            let _ = write!(
                out,
                "<li class=\"{class}\"><p><span class=\"mark\" aria-hidden=\"true\">{}</span> \
<strong>{}</strong> <span class=\"status\">({word})</span></p>\n<p>{}</p>\n",
                item.status.mark(),
                escape(item.text),
                code_spans(&item.reason)
            );
            if !item.details.is_empty() {
                out.push_str("<ul>");
                for d in item.details.iter().take(DETAILS_SHOWN) {
                    let _ = write!(out, "<li>{}</li>", code_spans(d));
                }
                if item.details.len() > DETAILS_SHOWN {
                    let _ = write!(
                        out,
                        "<li>… +{}</li>",
                        self.count(item.details.len() - DETAILS_SHOWN)
                    );
                }
                out.push_str("</ul>\n");
            }
            out.push_str("</li>\n");
        }
        out.push_str("</ol>\n</section>\n");
    }

    fn decision(&self, out: &mut String) {
        let w = self.w;
        let _ = write!(
            out,
            "<section aria-labelledby=\"decision\">\n<h2 id=\"decision\">{}</h2>\n<div class=\"scroll\"><table class=\"decision\">\n\
<thead><tr><th scope=\"col\">#</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead>\n<tbody>\n",
            w.decision, w.question, w.answer, w.why
        );
        for (i, step) in self.advice.decision_path.iter().enumerate() {
            let question = crate::decision::QUESTIONS
                .iter()
                .find(|q| q.id == step.question)
                .map_or(step.question.as_str(), |q| q.text(self.lang.code()));
            let (class, answer) = if step.answer == "yes" {
                ("yes", w.yes)
            } else {
                ("no", w.no)
            };
            let _ = writeln!(
                out,
                "<tr><td>{}</td><th scope=\"row\">{}</th><td class=\"{class}\">{answer}</td><td>{}</td></tr>",
                i + 1,
                escape(question),
                escape(&step.why)
            );
        }
        out.push_str("</tbody>\n</table></div>\n</section>\n");
    }

    fn routes(&self, out: &mut String) {
        let w = self.w;
        let r = routes::routes(self.index, w);
        let _ = write!(
            out,
            "<section aria-labelledby=\"routes\">\n<h2 id=\"routes\">{}</h2>\n<p>{}</p>\n",
            w.routes, w.routes_intro
        );
        if r.total_rows == 0 {
            let _ = writeln!(out, "<p>{}</p>\n</section>", w.no_routes);
            return;
        }
        let template = if r.total_rows > routes::DRAWN_ROWS {
            w.routes_drawn
        } else {
            w.routes_all
        };
        let drawn = template
            .replace("{shown}", &self.count(r.total_rows.min(routes::DRAWN_ROWS)))
            .replace("{total}", &self.count(r.total_rows))
            .replace("{parties}", &self.count(r.parties));
        let _ = write!(
            out,
            "<form class=\"filter\" role=\"search\" hidden onsubmit=\"return false\"><label for=\"client-filter\">{}</label> \
<input type=\"search\" id=\"client-filter\" autocomplete=\"off\" placeholder=\"{}\"></form>\n\
<p id=\"routes-status\" aria-live=\"polite\" data-drawn=\"{}\">{}</p>\n\
<div class=\"scroll\"><table class=\"routes\">\n<thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th>\
<th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead>\n\
<tbody id=\"routes-body\">\n{}</tbody>\n</table></div>\n\
<script type=\"application/json\" id=\"routes-meta\">{}</script>\n\
<script type=\"text/plain\" id=\"routes-data\">\n{}</script>\n</section>\n",
            w.filter_label,
            w.filter_placeholder,
            escape(&drawn),
            escape(&drawn),
            w.col_party,
            w.col_orgnr,
            w.col_kind,
            w.col_package,
            w.col_status,
            w.col_system_user,
            r.drawn,
            r.meta,
            r.data,
        );
    }
}

/// Our own texts with `command` spans set as code (the texts hold no markup).
fn code_spans(s: &str) -> String {
    let mut out = String::new();
    for (i, part) in s.split('`').enumerate() {
        if i % 2 == 1 {
            let _ = write!(out, "<code>{}</code>", escape(part));
        } else {
            out.push_str(&escape(part));
        }
    }
    out
}
