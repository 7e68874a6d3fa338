//! The wizard's workers: one analyses the newest plan revision, one saves
//! the session, so the input thread never waits for either.
//!
//! Requests queue up while the worker is busy; it takes the newest and drops
//! the stale ones (their saves are folded into the newest, whose plan has
//! every change). The plan travels as an `Arc`: nothing is copied to ask.

use super::*;
use crate::tui::state::Job;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender, TryRecvError, channel};

/// The plan the wizard edits, shared with the workers without a copy on the
/// input thread. Each worker copies it as soon as it takes a request; an edit
/// in that moment copies it on the input thread instead (copy on write), so a
/// worker's snapshot never changes under it.
#[derive(Debug, Clone)]
pub struct Shared(Arc<Plan>);

impl Shared {
    pub fn snapshot(&self) -> Arc<Plan> {
        Arc::clone(&self.0)
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

/// Work for the worker.
pub struct Request {
    pub key: Key,
    pub plan: Arc<Plan>,
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
    let tree = render::render(
        &a.reviewed,
        &render::Options {
            format: render::Format::Text,
            limit: Some(10),
            lang: lang.code(),
        },
    )
    .lines()
    .map(str::to_string)
    .collect();
    Computed {
        plan: Some(a.reviewed),
        report: a.report,
        tree,
        answers: a.answers,
        compare: Some(a.compare),
        routes: Some(a.routes),
    }
}

/// Does one request where it is: on the workers, or at once in tests.
/// It first makes a copy of the plan of its own and lets go of the shared
/// one (while a worker holds the wizard's plan, an edit would copy it on the
/// input thread); an analysis then keeps that copy as its reviewed plan.
fn serve(req: Request, reply: &dyn Fn(Reply)) {
    let Request {
        key,
        plan,
        analyse,
        save,
    } = req;
    let plan = Arc::try_unwrap(plan).unwrap_or_else(|shared| Plan::clone(&shared));
    match save {
        None if analyse => {
            let computed = compute_owned(plan, key.own_layout, key.lang);
            reply(Reply::Analysed(key, Box::new(computed)));
        }
        None => {}
        Some(mut job) => {
            if analyse {
                let computed = compute(&plan, key.own_layout, key.lang);
                reply(Reply::Analysed(key, Box::new(computed)));
            }
            job.plan = Arc::new(plan);
            reply(Reply::Saved(job.run()));
        }
    }
}

/// A thread that serves the newest of its queued requests.
struct Lane {
    tx: Option<Sender<Request>>,
    handle: Option<std::thread::JoinHandle<()>>,
}

impl Lane {
    fn spawn(reply_tx: Sender<Reply>) -> Lane {
        let (tx, jobs) = channel::<Request>();
        let handle = std::thread::spawn(move || {
            while let Ok(mut req) = jobs.recv() {
                while let Ok(newer) = jobs.try_recv() {
                    req = merge(req, newer);
                }
                serve(req, &|r| {
                    let _ = reply_tx.send(r);
                });
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

/// Two worker threads: one analyses, one saves, so that writing a large
/// session never delays the review (both read the same shared plan).
pub struct Worker {
    analyser: Lane,
    saver: Lane,
    rx: Receiver<Reply>,
}

impl Worker {
    pub fn spawn() -> Worker {
        let (reply_tx, rx) = channel();
        Worker {
            analyser: Lane::spawn(reply_tx.clone()),
            saver: Lane::spawn(reply_tx),
            rx,
        }
    }

    pub fn send(&mut self, req: Request) {
        let Request {
            key,
            plan,
            analyse,
            save,
        } = req;
        if analyse {
            self.analyser.send(Request {
                key,
                plan: Arc::clone(&plan),
                analyse,
                save: None,
            });
        }
        if save.is_some() {
            self.saver.send(Request {
                key,
                plan,
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

/// Runs a request on the calling thread (no worker), handing back its replies.
pub fn serve_here(req: Request) -> Vec<Reply> {
    let out = std::cell::RefCell::new(Vec::new());
    serve(req, &|r| out.borrow_mut().push(r));
    out.into_inner()
}
