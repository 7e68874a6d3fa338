//! The decision and review steps: the seven questions, the tree, findings and why.

use super::*;
use crate::plan::SystemUser;

/// The recommended layout, with the names and external refs of the user's
/// system users kept where one matches (same type and packages): Altinn
/// knows a system user by its external ref, so keeping it avoids a re-creation.
pub fn merge_layout(own: &[SystemUser], recommended: Vec<SystemUser>) -> Vec<SystemUser> {
    fn key(u: &SystemUser) -> (crate::plan::SystemUserType, Vec<&str>) {
        let mut codes: Vec<&str> = u.access_packages.iter().map(PackageRef::code).collect();
        codes.sort_unstable();
        (u.kind, codes)
    }
    let mut taken = vec![false; own.len()];
    recommended
        .into_iter()
        .map(|mut r| {
            let k = key(&r);
            if let Some(i) = (0..own.len()).find(|&i| !taken[i] && key(&own[i]) == k) {
                taken[i] = true;
                r.name = own[i].name.clone();
                r.external_ref = own[i].external_ref.clone();
            }
            r
        })
        .collect()
}

/// The recommendation merged into the user's layout, waiting for a yes.
#[derive(Debug, Clone)]
pub struct Merge {
    pub system_users: Vec<SystemUser>,
    pub advice: crate::plan::Advice,
    /// What changes in Altinn, as `sysuser diff` words it.
    pub steps: Vec<String>,
}

impl App {
    /// `a` on the review of the user's own layout: works out the merge and
    /// shows its steps before anything changes; an equal layout just gains
    /// the recommendation's reasons.
    pub(crate) fn propose_recommendation(&mut self) {
        let rec = crate::advisor::recommend_in(&self.plan, self.plan.options.f_option, self.lang);
        let users = merge_layout(&self.plan.system_users, rec.system_users);
        let mut merged = (*self.plan).clone();
        merged.system_users = users;
        merged.advice = Some(rec.advice);
        match crate::diff::diff(&self.plan, &merged) {
            Ok(d) if d.is_empty() => {
                self.apply_merge(merged.system_users, merged.advice);
                self.status = Some(self.t().already_recommended.into());
            }
            Ok(d) => {
                let steps = d
                    .numbered_in(self.lang)
                    .iter()
                    .map(|s| format!("{}. {}", s.step, s.text))
                    .collect();
                self.overlays.push(Overlay::ConfirmMerge(Box::new(Merge {
                    system_users: merged.system_users,
                    advice: merged.advice.unwrap_or_default(),
                    steps,
                })));
            }
            Err(e) => self.status = Some(e),
        }
    }

    /// Puts the merged layout in, as one change that undo takes back.
    pub(super) fn apply_merge(
        &mut self,
        system_users: Vec<SystemUser>,
        advice: Option<crate::plan::Advice>,
    ) {
        let before = self.layout_part();
        self.plan.system_users = system_users;
        self.plan.advice = advice;
        self.own_layout = true;
        self.changed_from(before);
    }

    /// `e` on the review: edits the layout shown. The recommendation becomes
    /// the plan's own layout first (one change, undoable).
    pub(crate) fn edit_layout(&mut self) {
        if !self.own_layout {
            let Some(reviewed) = &self.computed.plan else {
                return;
            };
            let (users, advice) = (reviewed.system_users.clone(), reviewed.advice.clone());
            self.apply_merge(users, advice);
        }
        self.overlays.push(Overlay::Layout(0));
    }

    /// Keys in the layout editor: move, rename, external ref, delete.
    pub(super) fn on_layout(&mut self, i: usize, key: KeyEvent) {
        let n = self.plan.system_users.len();
        let mut sel = i.min(n.saturating_sub(1));
        if self.layout_key(sel, key) {
            return;
        }
        match key.code {
            KeyCode::Esc | KeyCode::Char('q') => return,
            KeyCode::Enter | KeyCode::Char('x') if sel < n => {
                let su = &self.plan.system_users[sel];
                let (row, buffer) = if key.code == KeyCode::Enter {
                    (Row::SuName, su.name.clone())
                } else {
                    (Row::SuRef, su.external_ref.clone())
                };
                self.input = Some(Input::new(row, buffer));
            }
            KeyCode::Char('d') | KeyCode::Delete if sel < n => {
                let before = self.layout_part();
                let gone = self.plan.system_users.remove(sel);
                self.changed_from(before);
                self.status = Some(i18n::fill(self.t().deleted, &[&gone.name]));
                sel = sel.min(n.saturating_sub(2));
            }
            code => move_sel(&mut sel, n, code),
        }
        self.overlays.push(Overlay::Layout(sel));
    }

    /// The layout as it is, for undo.
    pub(super) fn layout_part(&self) -> Part {
        Part::Layout {
            own_layout: self.own_layout,
            system_users: self.plan.system_users.clone(),
            advice: self.plan.advice.clone(),
        }
    }

    /// Stores a system user's new name or external ref (the layout editor's fields).
    pub(super) fn commit_layout(&mut self, row: Row, text: &str) -> Result<(), String> {
        if let Some(Overlay::Edit(Dialog::New(_))) = self.overlays.last() {
            return self.commit_draft(row, text);
        }
        let t = self.t();
        let Some(&Overlay::Layout(i)) = self.overlays.last() else {
            return Ok(());
        };
        if text.is_empty() {
            return Err(t.need_value.into());
        }
        let clash = self
            .plan
            .system_users
            .iter()
            .enumerate()
            .any(|(k, u)| k != i && (u.name == text || u.external_ref == text));
        if clash {
            return Err(t.su_clash.into());
        }
        let before = self.layout_part();
        let Some(su) = self.plan.system_users.get_mut(i) else {
            return Ok(());
        };
        let recreated = row == Row::SuRef && su.external_ref != text;
        let renamed = (row == Row::SuName && su.name != text).then(|| su.name.clone());
        match row {
            Row::SuName => su.name = text.to_string(),
            _ => su.external_ref = text.to_string(),
        }
        self.changed_from(before);
        if recreated {
            self.status = Some(t.ref_recreates.into());
        }
        if let Some(old) = renamed {
            self.status = Some(i18n::fill(self.ls().renamed, &[&old, text]));
        }
        Ok(())
    }

    /// The mechanical fix for a finding, if it has one: the package the
    /// system register lacks.
    pub fn fix_for(&self, i: usize) -> Option<String> {
        let f = self.computed.report.findings.get(i)?;
        match f.rule {
            Rule::PackageNotInSystem => f.package.clone(),
            _ => None,
        }
    }

    /// `f` on a finding: applies its fix (undoable) and goes back to the review.
    pub(super) fn apply_fix(&mut self, i: usize) {
        let Some(code) = self.fix_for(i) else {
            return;
        };
        let before = Part::System(self.plan.system.clone());
        let package = PackageRef::new(&code);
        if !self.plan.system.access_packages.contains(&package) {
            self.plan.system.access_packages.push(package);
        }
        self.changed_from(before);
        self.status = Some(i18n::fill(self.t().added_to_register, &[&code]));
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
        if let Some((su, client)) = self.finding_system_user(i) {
            return self.edit_finding_system_user(su, client);
        }
        if let Some((step, sel)) = self.finding_target(i) {
            self.go(step);
            self.sel = sel;
        }
    }
}
