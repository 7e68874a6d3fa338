//! The workers' own copy of the plan, kept up to date by the changes the
//! input thread makes rather than by copies of its plan.
//!
//! Every change the wizard records for undo names the part of the plan it
//! touched; the input thread sends that part's new value ([`Part::current`]:
//! one client, the organisation, the layout …) and the replica swaps it in,
//! in order. So an edit at 100,000 clients sends one client, and no worker
//! ever holds the input thread's plan while it is edited. Only a change of
//! the whole client list or plan (an opened file, an import, a new start, or
//! undoing one) sends the plan itself, shared; the replica copies it on its
//! own thread at once and lets go of it.

use super::*;
use crate::tui::history::Doc;
use std::sync::Arc;

/// One change for the replica.
#[derive(Debug)]
pub enum Op {
    /// The new value of the part a change touched.
    Part(Box<Part>),
    /// The whole plan and which layout is reviewed (copied by the replica).
    Plan(Arc<Plan>, bool),
}

/// The changes since the last batch, and the revision they lead to.
#[derive(Debug)]
pub struct Batch {
    /// Numbers the batches: a job waits until the replica has its batch.
    pub seq: u64,
    /// The plan's revision after these changes.
    pub revision: u64,
    pub ops: Vec<Op>,
}

/// The plan as the workers see it.
#[derive(Debug, Clone)]
pub struct Replica {
    pub plan: Plan,
    pub own_layout: bool,
    /// The last batch applied.
    pub seq: u64,
    pub revision: u64,
}

impl Default for Replica {
    /// The plan every wizard starts from (see [`App::new`]).
    fn default() -> Replica {
        Replica {
            plan: empty_plan(),
            own_layout: false,
            seq: 0,
            revision: 0,
        }
    }
}

impl Replica {
    /// Applies a batch's changes in order.
    pub fn apply(&mut self, batch: Batch) {
        for op in batch.ops {
            match op {
                Op::Part(part) => {
                    (*part).swap(Doc {
                        plan: &mut self.plan,
                        own_layout: &mut self.own_layout,
                    });
                }
                Op::Plan(plan, own_layout) => {
                    self.plan = Plan::clone(&plan);
                    self.own_layout = own_layout;
                }
            }
        }
        self.seq = batch.seq;
        self.revision = batch.revision;
    }
}

/// What the input thread has changed and not yet sent to the replica.
#[derive(Debug, Default)]
pub struct Outbox {
    ops: Vec<Op>,
    /// The replica needs the whole plan (it replaces whatever is queued).
    whole: bool,
    seq: u64,
}

impl Outbox {
    /// A change: the touched part's new value, or `None` when the change was
    /// to the whole client list or plan.
    pub fn push(&mut self, part: Option<Part>) {
        match part {
            _ if self.whole => {}
            Some(part) => self.ops.push(Op::Part(Box::new(part))),
            None => self.whole_plan(),
        }
    }

    /// The plan was replaced: the replica takes the whole of it.
    pub fn whole_plan(&mut self) {
        self.whole = true;
        self.ops.clear();
    }

    /// The queued changes as a batch; `plan` is shared only when the whole
    /// plan is due.
    pub fn batch(&mut self, plan: &Shared, own_layout: bool, revision: u64) -> Batch {
        self.seq += 1;
        let ops = if std::mem::take(&mut self.whole) {
            vec![Op::Plan(plan.snapshot(), own_layout)]
        } else {
            std::mem::take(&mut self.ops)
        };
        Batch {
            seq: self.seq,
            revision,
            ops,
        }
    }
}
