//! The client and team dialogs' drafts, saved into the plan.

use super::*;

impl App {
    /// Whether the client or team form on top holds something the plan does
    /// not: a new one with anything typed, or an edited one that differs.
    pub(crate) fn draft_changed(&self) -> bool {
        match self.overlays.last() {
            Some(Overlay::Client(d)) => {
                match d.index.and_then(|i| Some((i, self.plan.clients.get(i)?))) {
                    Some((i, c)) => !d.same_answers(&ClientDraft::of(i, c)),
                    None => !d.orgnr.is_empty() || !d.name.is_empty(),
                }
            }
            Some(Overlay::Team(d)) => {
                match d.index.and_then(|i| Some((i, self.plan.teams.get(i)?))) {
                    Some((i, team)) => !d.same_answers(&TeamDraft::of(i, team)),
                    None => {
                        !d.name.is_empty()
                            || !d.members.trim().is_empty()
                            || !d.handles.is_empty()
                            || !d.packages.is_empty()
                    }
                }
            }
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
