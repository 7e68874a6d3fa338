//! Everything a front end shows about one revision of a plan, worked out once:
//! the advice (or the plan's own layout), the check report, the decision
//! tree's answers, scenario F's comparison and the routing table's totals.
//!
//! The wizard asks for this on a worker after each change and every screen
//! reads the result, so no screen runs the advisor or the engine itself.
//! The advisor's analysis of the clients is the expensive part: this runs it
//! four or five times per revision, where asking each function separately
//! ran it about twelve times.

use crate::advisor;
use crate::compare::{self, Comparison};
use crate::decision::{self, Answer};
use crate::engine::Index;
use crate::lang::Lang;
use crate::plan::{FOption, Plan};
use crate::route;
use crate::rules::Report;

/// The routing table in three numbers: what the review can say about it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RouteTotals {
    /// Party–package pairs served by exactly one system user.
    pub served: usize,
    /// Pairs more than one system user could serve.
    pub ambiguous: usize,
    /// Pairs no system user serves.
    pub none: usize,
}

/// One plan revision, analysed.
#[derive(Debug, Clone)]
pub struct Analysis {
    /// The reviewed plan: the recommended layout, or the plan's own.
    pub reviewed: Plan,
    /// The reviewed plan's findings: data, worded by whoever shows them.
    pub report: Report,
    /// The seven questions' answers, in [`decision::QUESTIONS`] order.
    pub answers: Vec<Answer>,
    /// The facts the answers follow from: data, for a front end that words
    /// the answers itself (in any language, without analysing again).
    pub facts: decision::Facts,
    pub compare: Comparison,
    pub routes: RouteTotals,
    /// The language the texts are in: the answers, the comparison, the
    /// advice's notes and the recommended system users' names.
    pub lang: Lang,
}

/// Analyses `plan`: with `own_layout` its own system users are checked,
/// else the advisor's recommendation for the situation. Texts are in `lang`.
pub fn analyse(plan: &Plan, own_layout: bool, lang: Lang) -> Analysis {
    analyse_owned(plan.clone(), own_layout, lang)
}

/// [`analyse`] taking the plan, which becomes the reviewed plan: a caller
/// with a copy of its own saves copying 100,000 clients once more.
/// The advisor reads the clients once ([`advisor::Study`]) for the answers,
/// F's numbers and both options' layouts; the check and the route totals
/// share one index of the reviewed plan.
pub fn analyse_owned(plan: Plan, own_layout: bool, lang: Lang) -> Analysis {
    let study = advisor::Study::of_in(&plan, lang);
    let facts = study.facts();
    let answers = decision::QUESTIONS
        .iter()
        .map(|q| decision::answer_from_in(q, &facts, lang))
        .collect();

    let numbers = study.f_numbers();
    let recommended = study.default_f_option();
    let chosen = plan.options.f_option.unwrap_or(recommended);
    let mut layouts = [None, None];
    let mut advice = None;
    if !own_layout {
        let rec = study.recommend(Some(chosen));
        layouts[side(chosen)] = Some(rec.system_users.len());
        advice = Some(rec);
    }
    let mut count = |f: FOption| match layouts[side(f)] {
        Some(n) => n,
        // Without clients in scenario F both options give the same layout.
        None if numbers.f_clients == 0 && layouts.iter().any(Option::is_some) => {
            layouts.iter().flatten().copied().next().unwrap_or(0)
        }
        None => {
            let n = study.recommend(Some(f)).system_users.len();
            layouts[side(f)] = Some(n);
            n
        }
    };
    let system_users = [count(FOption::PerCombination), count(FOption::PerService)];
    let compare = compare::compare_from(
        &plan,
        compare::Inputs {
            numbers,
            recommended,
            system_users,
        },
        lang,
    );
    drop(study);

    let mut reviewed = plan;
    if let Some(rec) = advice {
        reviewed.system_users = rec.system_users;
        reviewed.advice = Some(rec.advice);
    }
    let ix = Index::new(&reviewed);
    let report = crate::engine::check_with(&ix);
    let mut routes = RouteTotals::default();
    route::walk(&ix, true, |_, _, serving| match serving.len() {
        0 => routes.none += 1,
        1 => routes.served += 1,
        _ => routes.ambiguous += 1,
    });
    drop(ix);
    Analysis {
        reviewed,
        report,
        answers,
        facts,
        compare,
        routes,
        lang,
    }
}

fn side(f: FOption) -> usize {
    match f {
        FOption::PerCombination => 0,
        FOption::PerService => 1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The analysis says what the separate commands say.
    #[test]
    fn agrees_with_advise_check_compare_and_decide() {
        for n in [0, 7, 60] {
            let plan = crate::generate::plan(n, 0, 3);
            for lang in [Lang::En, Lang::Nb] {
                let a = analyse(&plan, false, lang);
                let advised = advisor::advise_in(&plan, lang);
                assert_eq!(a.reviewed, advised);
                assert_eq!(a.report, crate::engine::check(&advised));
                assert_eq!(a.compare, compare::compare_in(&plan, lang));
                let answers: Vec<Answer> = decision::QUESTIONS
                    .iter()
                    .map(|q| advisor::answer_in(q, &plan, lang))
                    .collect();
                assert_eq!(a.answers, answers);
                let table = route::table(&advised);
                assert_eq!(
                    a.routes.served + a.routes.ambiguous + a.routes.none,
                    table.len()
                );
            }
        }
    }

    #[test]
    fn own_layout_is_checked_as_it_is() {
        let plan = crate::generate::plan(20, 2, 5);
        let a = analyse(&plan, true, Lang::En);
        assert_eq!(a.reviewed, plan);
        assert_eq!(a.report, crate::engine::check(&plan));
    }
}
