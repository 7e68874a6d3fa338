//! The decision and review steps: the seven questions, the tree, findings and why.

use super::*;

impl App {
    pub(super) fn on_decision(&mut self, key: KeyEvent) {
        let n = decision::QUESTIONS.len();
        match key.code {
            KeyCode::Enter => {
                if self.question + 1 < n {
                    self.question += 1;
                } else {
                    self.go(Step::Review);
                }
            }
            code => move_sel(&mut self.question, n, code),
        }
    }

    pub(super) fn on_review(&mut self, key: KeyEvent) {
        match key.code {
            KeyCode::Tab => {
                self.pane = match self.pane {
                    Pane::Tree => Pane::Findings,
                    Pane::Findings => Pane::Why,
                    Pane::Why => Pane::Tree,
                }
            }
            KeyCode::BackTab => {
                self.pane = match self.pane {
                    Pane::Tree => Pane::Why,
                    Pane::Findings => Pane::Tree,
                    Pane::Why => Pane::Findings,
                }
            }
            KeyCode::Char('z') => self.zoom = !self.zoom,
            KeyCode::Char('a') => {
                if self.own_layout {
                    let before = Part::Layout {
                        own_layout: true,
                        system_users: self.plan.system_users.clone(),
                        advice: self.plan.advice.clone(),
                    };
                    self.own_layout = false;
                    self.changed_from(before);
                    self.status = Some(self.t().now_recommended.into());
                }
            }
            KeyCode::Enter if self.pane == Pane::Findings => {
                if self.finding_sel < self.computed.report.findings.len() {
                    self.overlays.push(Overlay::Finding(self.finding_sel));
                }
            }
            code => match self.pane {
                Pane::Tree => move_sel(&mut self.tree_scroll, self.computed.tree.len(), code),
                Pane::Findings => move_sel(
                    &mut self.finding_sel,
                    self.computed.report.findings.len(),
                    code,
                ),
                Pane::Why => {
                    let n = self.why_lines().len();
                    move_sel(&mut self.why_scroll, n, code)
                }
            },
        }
    }

    /// The step that edits what a finding names, and the row or list entry to select.
    pub fn finding_target(&self, i: usize) -> Option<(Step, usize)> {
        let f = self.computed.report.findings.get(i)?;
        let client_index = f
            .client
            .as_deref()
            .and_then(|c| self.plan.clients.iter().position(|x| x.orgnr.as_str() == c));
        let team_index = f
            .team
            .as_deref()
            .and_then(|t| self.plan.teams.iter().position(|x| x.name == t));
        Some(match f.rule {
            Rule::InvalidOrgnr if client_index.is_none() => (Step::Organisation, 0),
            Rule::InvalidSystemId | Rule::LocallyInstalledNeedsOwnVendor => (Step::System, 0),
            Rule::PackageNotInSystem => (Step::System, 2),
            Rule::VisibleSystemWithClientOnlyPackage => (Step::System, 4),
            Rule::OwnNeedsUncovered => (Step::OwnPackages, 0),
            _ => match (client_index, team_index) {
                (Some(c), _) => (Step::Clients, c),
                (None, Some(t)) => (Step::Teams, t),
                _ if f.package.is_some() && f.system_user.is_none() => (Step::OwnPackages, 0),
                // About a system user of the layout: the review is where it is seen.
                _ => return None,
            },
        })
    }

    pub(super) fn jump_to_finding(&mut self, i: usize) {
        if let Some((step, sel)) = self.finding_target(i) {
            self.go(step);
            self.sel = sel;
        }
    }

    /// The "why" pane: scenario letters, the decision path, each system user's reason.
    pub fn why_lines(&self) -> Vec<String> {
        let t = self.t();
        let mut out = Vec::new();
        let Some(plan) = &self.computed.plan else {
            return vec![t.working.into()];
        };
        let advice = plan.advice.as_ref();
        if let Some(a) = advice.filter(|a| !a.scenarios.is_empty()) {
            out.push(format!("{} {}", t.scenarios, a.scenarios.join(", ")));
        }
        for u in advice.map(|a| a.unserved.as_slice()).unwrap_or_default() {
            out.push(format!("! {} ({}): {}", u.name, u.client, u.reason));
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
        for n in advice.map(|a| a.notes.as_slice()).unwrap_or_default() {
            out.push(format!("· {n}"));
        }
        if out.is_empty() {
            out.push(t.no_layout.into());
        }
        out
    }
}
