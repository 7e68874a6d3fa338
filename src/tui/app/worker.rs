//! The wizard's workers: one analyses the newest plan revision, one saves
//! the session, so the input thread never waits for either.
//!
//! They work on a replica of the plan (see [`super::replica`]) that a third
//! thread keeps up to date from the changes the input thread sends. Requests
//! queue up while a worker is busy; it takes the newest and drops the stale
//! ones (their saves are folded into the newest, whose plan has every change).

use super::replica::{Batch, Replica};
use super::*;
use crate::tui::state::Job;
use std::sync::mpsc::{Receiver, Sender, TryRecvError, channel};
use std::sync::{Arc, Condvar, Mutex};

/// The plan the wizard edits. The workers see it only when the whole plan is
/// replaced (an opened file): the replica's thread then copies it at once, and
/// an edit in that moment copies it on the input thread instead (copy on
/// write). Every other change reaches the workers as the part it touched.
#[derive(Debug, Clone)]
pub struct Shared(Arc<Plan>);

impl Shared {
    pub fn snapshot(&self) -> Arc<Plan> {
        Arc::clone(&self.0)
    }

    /// The plan itself: a copy only while the replica still takes it.
    pub fn into_plan(self) -> Plan {
        Arc::try_unwrap(self.0).unwrap_or_else(|shared| Plan::clone(&shared))
    }
}

impl From<Plan> for Shared {
    fn from(plan: Plan) -> Shared {
        Shared(Arc::new(plan))
    }
}

impl std::ops::Deref for Shared {
    type Target = Plan;
    fn deref(&self) -> &Plan {
        &self.0
    }
}

impl std::ops::DerefMut for Shared {
    fn deref_mut(&mut self) -> &mut Plan {
        Arc::make_mut(&mut self.0)
    }
}

impl PartialEq<Plan> for Shared {
    fn eq(&self, other: &Plan) -> bool {
        *self.0 == *other
    }
}

/// What one analysis is of: a plan revision, the layout shown, the language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub revision: u64,
    pub own_layout: bool,
    pub lang: Lang,
}

/// Work for the workers, on the plan as of batch `seq`.
pub struct Request {
    pub seq: u64,
    pub lang: Lang,
    /// Analyse (else only save).
    pub analyse: bool,
    pub save: Option<Job>,
}

/// What the worker sends back.
pub enum Reply {
    Analysed(Key, Box<Computed>),
    Saved(Result<(), String>),
}

/// Advice, findings, answers, F figures, route totals and the tree for one plan.
pub fn compute(plan: &Plan, own_layout: bool, lang: Lang) -> Computed {
    compute_owned(plan.clone(), own_layout, lang)
}

/// [`compute`] on a plan of the caller's own, which becomes the reviewed plan.
fn compute_owned(plan: Plan, own_layout: bool, lang: Lang) -> Computed {
    let a = crate::analysis::analyse_owned(plan, own_layout, lang);
    Computed {
        tree: tree(&a.reviewed, lang),
        plan: Some(Arc::new(a.reviewed)),
        report: a.report,
        facts: Some(a.facts),
        compare: Some(a.compare),
        routes: Some(a.routes),
        texts: Some(a.texts),
    }
}

/// The review's tree of `plan`, in `lang`.
fn tree(plan: &Plan, lang: Lang) -> Vec<String> {
    render::render(
        plan,
        &render::Options {
            format: render::Format::Text,
            limit: Some(10),
            lang: lang.code(),
        },
    )
    .lines()
    .map(str::to_string)
    .collect()
}

impl Computed {
    /// The same analysis in `lang` ([`crate::analysis::Texts::reword`]),
    /// on the input thread: names, reasons, notes, the comparison and the
    /// tree are worded again; nothing is analysed. The reviewed plan is
    /// copied only if an export is writing it.
    pub fn reword(&mut self, lang: Lang) {
        let (Some(texts), Some(plan)) = (self.texts.as_mut(), self.plan.as_mut()) else {
            return;
        };
        let plan = Arc::make_mut(plan);
        self.compare = Some(texts.reword(lang, plan, &mut self.report));
        self.tree = tree(plan, lang);
    }
}

/// The analysis of a replica's plan, in `lang`.
fn analyse(replica: Replica, lang: Lang) -> Reply {
    let key = Key {
        revision: replica.revision,
        own_layout: replica.own_layout,
        lang,
    };
    Reply::Analysed(
        key,
        Box::new(compute_owned(replica.plan, replica.own_layout, lang)),
    )
}

/// The replica, shared by the thread that applies the input thread's
/// batches and the lanes that take copies of it.
#[derive(Default)]
struct Mirror {
    state: Mutex<Mirrored>,
    cond: Condvar,
}

#[derive(Default)]
struct Mirrored {
    replica: Replica,
    /// The applying thread ended: no batch will come.
    closed: bool,
}

impl Mirror {
    /// A copy of the replica once it has batch `seq`, unless `skip` says the
    /// lane already did this state's work; `None` when it never will.
    fn copy(&self, seq: u64, skip: impl Fn(&Replica) -> bool) -> Option<Option<Replica>> {
        let mut state = self.state.lock().ok()?;
        while state.replica.seq < seq && !state.closed {
            state = self.cond.wait(state).ok()?;
        }
        if state.replica.seq < seq {
            return None;
        }
        Some((!skip(&state.replica)).then(|| state.replica.clone()))
    }
}

/// Marks the mirror closed when the applying thread ends, also by a panic,
/// so that no lane waits for it forever.
struct Closer(Arc<Mirror>);

impl Drop for Closer {
    fn drop(&mut self) {
        if let Ok(mut state) = self.0.state.lock() {
            state.closed = true;
        }
        self.0.cond.notify_all();
    }
}

/// A thread that serves the newest of its queued requests on a copy of the replica.
struct Lane {
    tx: Option<Sender<Request>>,
    handle: Option<std::thread::JoinHandle<()>>,
}

impl Lane {
    fn spawn(mirror: Arc<Mirror>, reply_tx: Sender<Reply>) -> Lane {
        let (tx, jobs) = channel::<Request>();
        let handle = std::thread::spawn(move || {
            // The replica's batch and language of the last analysis made.
            let mut done: Option<(u64, Lang)> = None;
            while let Ok(mut req) = jobs.recv() {
                while let Ok(newer) = jobs.try_recv() {
                    req = merge(req, newer);
                }
                let lang = req.lang;
                let skip = |r: &Replica| req.save.is_none() && done == Some((r.seq, lang));
                let Some(copy) = mirror.copy(req.seq, skip) else {
                    return;
                };
                let Some(replica) = copy else { continue };
                if let Some(job) = &req.save {
                    let _ = reply_tx.send(Reply::Saved(job.run(&replica.plan, replica.own_layout)));
                }
                if req.analyse {
                    done = Some((replica.seq, lang));
                    let _ = reply_tx.send(analyse(replica, lang));
                }
            }
        });
        Lane {
            tx: Some(tx),
            handle: Some(handle),
        }
    }

    fn send(&self, req: Request) {
        if let Some(tx) = &self.tx {
            let _ = tx.send(req);
        }
    }

    fn finish(&mut self) {
        self.tx = None;
        if let Some(h) = self.handle.take() {
            let _ = h.join();
        }
    }
}

/// Three threads: one keeps the replica up to date (it only applies
/// changes, so it takes a shared plan at once), one analyses, one saves, so
/// that writing a large session never delays the review.
pub struct Worker {
    batches: Sender<Batch>,
    analyser: Lane,
    saver: Lane,
    rx: Receiver<Reply>,
}

impl Worker {
    pub fn spawn() -> Worker {
        let mirror = Arc::new(Mirror::default());
        let (batches, incoming) = channel::<Batch>();
        let applier = Arc::clone(&mirror);
        std::thread::spawn(move || {
            let closer = Closer(applier);
            for batch in incoming {
                let Ok(mut state) = closer.0.state.lock() else {
                    return;
                };
                state.replica.apply(batch);
                drop(state);
                closer.0.cond.notify_all();
            }
        });
        let (reply_tx, rx) = channel();
        Worker {
            batches,
            analyser: Lane::spawn(Arc::clone(&mirror), reply_tx.clone()),
            saver: Lane::spawn(mirror, reply_tx),
            rx,
        }
    }

    /// Sends the changes since the last batch, then the work on them.
    pub fn send(&mut self, batch: Batch, req: Request) {
        let _ = self.batches.send(batch);
        let Request {
            seq,
            lang,
            analyse,
            save,
        } = req;
        if analyse {
            self.analyser.send(Request {
                seq,
                lang,
                analyse,
                save: None,
            });
        }
        if save.is_some() {
            self.saver.send(Request {
                seq,
                lang,
                analyse: false,
                save,
            });
        }
    }

    /// The replies that arrived; `None` once the workers are gone.
    pub fn replies(&mut self) -> Option<Vec<Reply>> {
        let mut out = Vec::new();
        loop {
            match self.rx.try_recv() {
                Ok(r) => out.push(r),
                Err(TryRecvError::Empty) => return Some(out),
                Err(TryRecvError::Disconnected) => return (!out.is_empty()).then_some(out),
            }
        }
    }

    /// Lets the pending save finish (an analysis no one will see is not
    /// waited for) and returns the replies.
    pub fn finish(&mut self) -> Vec<Reply> {
        self.saver.finish();
        self.rx.try_iter().collect()
    }
}

/// Two queued requests as one: the newer's plan and analysis, and a save if
/// either asked for one (a rotation asked for by the older still happens).
fn merge(older: Request, newer: Request) -> Request {
    let save = match (older.save, newer.save) {
        (Some(o), Some(n)) => Some(Job {
            rotate: o.rotate || n.rotate,
            ..n
        }),
        (o, n) => n.or(o),
    };
    Request {
        analyse: older.analyse || newer.analyse,
        save,
        ..newer
    }
}

/// Applies a batch to `replica` and does the request on the calling thread
/// (no worker: tests), handing back its replies.
pub fn serve_here(replica: &mut Replica, batch: Batch, req: Request) -> Vec<Reply> {
    replica.apply(batch);
    let mut out = Vec::new();
    if let Some(job) = &req.save {
        out.push(Reply::Saved(job.run(&replica.plan, replica.own_layout)));
    }
    if req.analyse {
        out.push(analyse(replica.clone(), req.lang));
    }
    out
}
