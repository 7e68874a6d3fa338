//! Everything a front end shows about one revision of a plan, worked out once:
//! the advice (or the plan's own layout), the check report, the decision
//! tree's answers, scenario F's comparison and the routing table's totals.
//!
//! The wizard asks for this on a worker after each change and every screen
//! reads the result, so no screen runs the advisor or the engine itself.
//! The advisor reads the clients once per revision ([`advisor::Study`]);
//! everything else it answers from the clients' few shapes, so the engine's
//! check of the reviewed plan is most of the cost.

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
    /// What the texts say, as data, for [`Analysis::reword`].
    pub texts: Texts,
}

/// The texts of an analysis as data: everything [`Analysis::reword`] needs
/// to say the same analysis in another language.
#[derive(Debug, Clone)]
pub struct Texts {
    /// The recommendation's (none when the plan's own layout is reviewed).
    pub advice: Option<advisor::AdviceTexts>,
    /// What the comparison was worked out from.
    pub compare: compare::Inputs,
}

impl Analysis {
    /// The same analysis in `lang`: the recommended system users renamed
    /// (and the findings about them), the advice, the answers and the
    /// comparison reworded. Nothing is analysed again; the layout, the
    /// external refs and every number stay as they are.
    pub fn reword(&mut self, lang: Lang) {
        if lang == self.lang {
            return;
        }
        self.compare = self
            .texts
            .reword(lang, &mut self.reviewed, &mut self.report);
        self.answers = answers(&self.facts, lang);
        self.lang = lang;
    }
}

impl Texts {
    /// Words `reviewed` (the plan these texts were analysed into) in `lang`,
    /// renames its system users in `report`, and gives the comparison in
    /// `lang`. The answers are worded from the facts.
    pub fn reword(&mut self, lang: Lang, reviewed: &mut Plan, report: &mut Report) -> Comparison {
        if let Some(texts) = &self.advice
            && let Some(advice) = reviewed.advice.as_mut()
        {
            let before: Vec<String> = reviewed
                .system_users
                .iter()
                .map(|su| su.name.clone())
                .collect();
            texts.word(lang, &mut reviewed.system_users, advice);
            let after: Vec<&str> = reviewed
                .system_users
                .iter()
                .map(|su| su.name.as_str())
                .collect();
            report.rename_system_users(&before, &after);
        }
        self.compare.numbers.name_in(lang);
        compare::compare_from(reviewed, &self.compare, lang)
    }
}

fn answers(facts: &decision::Facts, lang: Lang) -> Vec<Answer> {
    decision::QUESTIONS
        .iter()
        .map(|q| decision::answer_from_in(q, facts, lang))
        .collect()
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
    let study = advisor::Study::of(&plan);
    let facts = study.facts();
    let answers = answers(&facts, lang);

    let numbers = study.f_numbers(lang);
    let recommended = study.default_f_option();
    let chosen = plan.options.f_option.unwrap_or(recommended);
    let advice = (!own_layout).then(|| study.recommend(Some(chosen), lang));
    // The other option's layout is only counted (no names, no client lists).
    let system_users = [FOption::PerCombination, FOption::PerService].map(|f| match &advice {
        Some(rec) if rec.f_option == f => rec.system_users.len(),
        _ => study.system_user_count(Some(f)),
    });
    let inputs = compare::Inputs {
        numbers,
        recommended,
        system_users,
    };
    let compare = compare::compare_from(&plan, &inputs, lang);
    drop(study);

    let mut reviewed = plan;
    let mut advice_texts = None;
    if let Some(rec) = advice {
        reviewed.system_users = rec.system_users;
        reviewed.advice = Some(rec.advice);
        advice_texts = Some(rec.texts);
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
        texts: Texts {
            advice: advice_texts,
            compare: inputs,
        },
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

    /// Worded again in the other language, an analysis is the analysis made
    /// in that language, for the advice and for a plan's own layout.
    #[test]
    fn reworded_is_analysed_in_that_language() {
        for (n, seed) in [(0, 3), (7, 3), (60, 3), (40, 9)] {
            let plan = crate::generate::plan(n, 2, seed);
            for own_layout in [false, true] {
                for (from, to) in [(Lang::En, Lang::Nb), (Lang::Nb, Lang::En)] {
                    let mut a = analyse(&plan, own_layout, from);
                    a.reword(to);
                    let b = analyse(&plan, own_layout, to);
                    assert_eq!(a.reviewed, b.reviewed);
                    assert_eq!(a.report, b.report);
                    assert_eq!(a.answers, b.answers);
                    assert_eq!(a.compare, b.compare);
                    assert_eq!(a.lang, to);
                }
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
