//! The clients and teams steps: lists with add, edit, delete and find.

use super::*;

impl App {
    pub(super) fn save_draft(&mut self) {
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
                    handles: d.handles.split_whitespace().map(parse_handle).collect(),
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

    pub(super) fn on_clients(&mut self, key: KeyEvent) {
        let n = self.plan.clients.len();
        match key.code {
            KeyCode::Char('a') => {
                // A new client starts like the last one (form, roles,
                // delegations): clients of one firm mostly look alike.
                let last = self.plan.clients.last();
                self.overlays.push(Overlay::Client(ClientDraft {
                    index: None,
                    orgnr: String::new(),
                    name: String::new(),
                    unit_type: last
                        .and_then(|c| c.unit_type.as_ref())
                        .map(|u| u.to_string())
                        .unwrap_or_default(),
                    roles: last.map(|c| c.er_roles.clone()).unwrap_or_default(),
                    delegated: last.map(|c| c.delegated.clone()).unwrap_or_default(),
                    sub_entity: false,
                    sel: 0,
                }))
            }
            KeyCode::Enter | KeyCode::Char('e') => {
                if let Some(c) = self.plan.clients.get(self.sel) {
                    self.overlays.push(Overlay::Client(ClientDraft {
                        index: Some(self.sel),
                        orgnr: c.orgnr.to_string(),
                        name: c.name.clone(),
                        unit_type: c
                            .unit_type
                            .as_ref()
                            .map(|u| u.to_string())
                            .unwrap_or_default(),
                        roles: c.er_roles.clone(),
                        delegated: c.delegated.clone(),
                        sub_entity: c.sub_entity,
                        sel: 0,
                    }));
                }
            }
            KeyCode::Char('d') | KeyCode::Delete => {
                if self.sel < n {
                    let removed = self.plan.clients.remove(self.sel);
                    let what = format!("{} ({})", removed.name, removed.orgnr);
                    self.changed_from(Part::Removed(self.sel, removed));
                    self.sel = self.sel.min(n.saturating_sub(2));
                    self.status = Some(i18n::fill(self.t().deleted, &[&what]));
                }
            }
            KeyCode::Char('i') => {
                self.input = Some(Input {
                    row: Row::OpenFile,
                    buffer: String::new(),
                    error: None,
                    fresh: false,
                });
            }
            KeyCode::Char('/') => self.client_search = Some(String::new()),
            code => move_sel(&mut self.sel, n, code),
        }
    }

    pub(super) fn on_client_search(&mut self, key: KeyEvent) {
        let Some(mut term) = self.client_search.take() else {
            return;
        };
        // Down and Up go to the next and the previous match.
        let mut from = 0;
        let mut backwards = false;
        match key.code {
            KeyCode::Esc | KeyCode::Enter => return,
            KeyCode::Down | KeyCode::Tab => from = self.sel + 1,
            KeyCode::Up | KeyCode::BackTab => backwards = true,
            _ => {
                line_edit(&mut term, key);
            }
        }
        let folded = crate::text::fold(&term);
        let hit = |c: &Client| {
            c.orgnr.as_str().contains(&folded) || crate::text::fold(&c.name).contains(&folded)
        };
        let clients = &self.plan.clients;
        let found = if folded.is_empty() {
            None
        } else if backwards {
            clients[..self.sel.min(clients.len())].iter().rposition(hit)
        } else {
            clients
                .iter()
                .skip(from)
                .position(hit)
                .map(|i| i + from)
                .or_else(|| clients.iter().position(hit))
        };
        if let Some(i) = found {
            self.sel = i;
        }
        self.client_search = Some(term);
    }

    pub(super) fn on_teams(&mut self, key: KeyEvent) {
        let n = self.plan.teams.len();
        match key.code {
            KeyCode::Char('a') => self.overlays.push(Overlay::Team(TeamDraft {
                index: None,
                name: String::new(),
                handles: String::new(),
                members: String::new(),
                sel: 0,
            })),
            KeyCode::Enter | KeyCode::Char('e') => {
                if let Some(team) = self.plan.teams.get(self.sel) {
                    let handles = team
                        .handles
                        .iter()
                        .map(|h| match h {
                            Handle::Relationship(r) => r.as_str().to_string(),
                            Handle::Package(p) => p.code().to_string(),
                        })
                        .collect::<Vec<_>>()
                        .join(" ");
                    self.overlays.push(Overlay::Team(TeamDraft {
                        index: Some(self.sel),
                        name: team.name.clone(),
                        handles,
                        members: team.members.join(" "),
                        sel: 0,
                    }));
                }
            }
            KeyCode::Char('d') | KeyCode::Delete => {
                if self.sel < n {
                    let before = Part::Teams(self.plan.teams.clone());
                    let removed = self.plan.teams.remove(self.sel);
                    self.changed_from(before);
                    self.sel = self.sel.min(n.saturating_sub(2));
                    self.status = Some(i18n::fill(self.t().deleted, &[&removed.name]));
                }
            }
            code => move_sel(&mut self.sel, n, code),
        }
    }
}
