//! The client and team dialogs' drafts, saved into the plan.

use super::*;

impl App {
    /// Whether the client or team form on top holds something the plan does
    /// not: a new one with anything typed, or an edited one that differs.
    pub(crate) fn draft_changed(&self) -> bool {
        match self.overlays.last() {
            Some(Overlay::Client(d)) => match d.index.and_then(|i| self.plan.clients.get(i)) {
                Some(c) => {
                    d.orgnr != c.orgnr.as_str()
                        || d.name != c.name
                        || d.unit_type
                            != c.unit_type
                                .as_ref()
                                .map(|u| u.to_string())
                                .unwrap_or_default()
                        || d.roles != c.er_roles
                        || d.delegated != c.delegated
                        || d.sub_entity != c.sub_entity
                }
                None => !d.orgnr.is_empty() || !d.name.is_empty(),
            },
            Some(Overlay::Team(d)) => match d.index.and_then(|i| self.plan.teams.get(i)) {
                Some(team) => {
                    let handles: Vec<Handle> = d
                        .handles
                        .iter()
                        .map(|r| Handle::Relationship(*r))
                        .chain(d.packages.iter().cloned().map(Handle::Package))
                        .collect();
                    let same_handles = handles.len() == team.handles.len()
                        && handles.iter().all(|h| team.handles.contains(h));
                    d.name != team.name
                        || d.members
                            .split_whitespace()
                            .ne(team.members.iter().map(String::as_str))
                        || !same_handles
                }
                None => {
                    !d.name.is_empty()
                        || !d.members.trim().is_empty()
                        || !d.handles.is_empty()
                        || !d.packages.is_empty()
                }
            },
            _ => false,
        }
    }

    pub(crate) fn save_draft(&mut self) {
        let Some(overlay) = self.overlays.pop() else {
            return;
        };
        let t = self.t();
        match overlay {
            Overlay::Client(d) => {
                let orgnr = match Orgnr::parse(&d.orgnr) {
                    Ok(o) => o,
                    Err(_) => {
                        self.status = Some(t.orgnr_shape.into());
                        self.overlays
                            .push(Overlay::Client(ClientDraft { sel: 0, ..d }));
                        return;
                    }
                };
                let unit_type = UnitType::parse(&d.unit_type).ok();
                let old = d.index.and_then(|i| self.plan.clients.get(i));
                let client = Client {
                    orgnr,
                    name: d.name.clone(),
                    unit_type,
                    er_roles: d.roles.clone(),
                    delegated: d.delegated.clone(),
                    sub_entity: d.sub_entity,
                    operational_units: old.map(|c| c.operational_units.clone()).unwrap_or_default(),
                };
                let before = match d.index {
                    Some(i) if i < self.plan.clients.len() => {
                        Part::Client(i, std::mem::replace(&mut self.plan.clients[i], client))
                    }
                    _ => {
                        self.plan.clients.push(client);
                        self.sel = self.plan.clients.len() - 1;
                        Part::Added(self.sel)
                    }
                };
                self.changed_from(before);
            }
            Overlay::Team(d) => {
                if d.name.trim().is_empty() {
                    self.status = Some(t.need_team_name.into());
                    self.overlays.push(Overlay::Team(TeamDraft { sel: 0, ..d }));
                    return;
                }
                let team = Team {
                    name: d.name.trim().to_string(),
                    handles: (d.handles.iter().copied().map(Handle::Relationship))
                        .chain(d.packages.iter().cloned().map(Handle::Package))
                        .collect(),
                    members: d.members.split_whitespace().map(str::to_string).collect(),
                };
                let before = Part::Teams(self.plan.teams.clone());
                match d.index {
                    Some(i) if i < self.plan.teams.len() => self.plan.teams[i] = team,
                    _ => {
                        self.plan.teams.push(team);
                        self.sel = self.plan.teams.len() - 1;
                    }
                }
                self.changed_from(before);
            }
            other => self.overlays.push(other),
        }
    }
}
