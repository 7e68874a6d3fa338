//! The decision tree's answers follow from a plan's facts.

use sysuser::advisor::answer;
use sysuser::decision::QUESTIONS;
use sysuser::plan::{Plan, parse};

fn plan(rest: &str) -> Plan {
    parse(
        &format!(
            "version: 1\norganisation: {{ orgnr: \"310202398\", name: Org AS, unit_type: AS }}\n{rest}"
        ),
        "d.yaml",
    )
    .unwrap()
}

/// The answers to all seven questions, "y"/"n", in order.
fn answers(p: &Plan) -> String {
    QUESTIONS
        .iter()
        .map(|q| if answer(q, p).yes { 'y' } else { 'n' })
        .collect()
}

const SYSTEM: &str = "system: { id: \"991825827_x\", vendor: \"991825827\", visible: false, access_packages: [merverdiavgift, a-ordning, sykefravaer, regnskapsforer-med-signeringsrettighet, ansvarlig-revisor] }\n";

#[test]
fn seven_questions_with_unique_ids_and_both_languages() {
    assert_eq!(QUESTIONS.len(), 7);
    let mut ids: Vec<&str> = QUESTIONS.iter().map(|q| q.id).collect();
    ids.dedup();
    assert_eq!(ids.len(), 7);
    for q in QUESTIONS {
        assert!(
            q.text("en").ends_with('?') && q.text("nb").ends_with('?'),
            "{}",
            q.id
        );
        assert_ne!(q.text("en"), q.text("nb"));
        assert!(q.explain("nb").starts_with("Ja"), "{}", q.id);
        assert!(!q.scenarios.is_empty());
    }
}

#[test]
fn own_only() {
    let p = plan(&format!("{SYSTEM}own_packages: [merverdiavgift]\n"));
    assert_eq!(answers(&p), "ynnnnnn");
    let a = answer(&QUESTIONS[0], &p);
    assert_eq!(
        a.why,
        "The organisation needs 1 package for its own reporting and has no clients."
    );
}

#[test]
fn one_relationship_type() {
    let p = plan(&format!(
        "{SYSTEM}clients:\n  - {{ orgnr: \"311037889\", unit_type: AS, er_roles: [regnskapsforer] }}\n"
    ));
    assert_eq!(answers(&p), "nynnnnn");
    assert_eq!(
        answer(&QUESTIONS[1], &p).why,
        "All clients come through one relationship type: registered accountant (1)."
    );
}

#[test]
fn several_types_extras_teams_sub_entities_and_own() {
    let p = plan(&format!(
        "{SYSTEM}own_packages: [merverdiavgift]
clients:
  - {{ orgnr: \"311037889\", unit_type: AS, er_roles: [regnskapsforer], delegated: [sykefravaer] }}
  - {{ orgnr: \"312655985\", unit_type: AS, er_roles: [revisor] }}
  - {{ orgnr: \"313000005\", unit_type: ORGL, sub_entity: true, delegated: [a-ordning] }}
teams:
  - {{ name: Accounting, handles: [regnskapsforer] }}
"
    ));
    assert_eq!(answers(&p), "nnyyyyy");
    assert_eq!(
        answer(&QUESTIONS[3], &p).why,
        "1 client with an ER relationship also delegated extra packages: Sick leave."
    );
    assert_eq!(
        answer(&QUESTIONS[5], &p).why,
        "1 client is a sub-entity (organisasjonsledd) that delegates packages to the organisation."
    );
}

#[test]
fn clients_that_cannot_be_served_do_not_count_as_a_relationship_type() {
    // forretningsfører gives nothing for an AS, so there is no client relationship to serve.
    let p = plan(&format!(
        "{SYSTEM}clients:\n  - {{ orgnr: \"311037889\", unit_type: AS, er_roles: [forretningsforer] }}\n"
    ));
    assert_eq!(answers(&p), "nnnnnnn");
}

#[test]
fn nothing_at_all_answers_no_everywhere_with_reasons() {
    let p = plan(SYSTEM);
    for q in QUESTIONS {
        let a = answer(q, &p);
        assert!(!a.yes, "{}", q.id);
        assert!(!a.why.is_empty(), "{}", q.id);
    }
}

#[test]
fn the_branch_shown_is_the_one_the_answer_takes() {
    for (i, q) in QUESTIONS.iter().enumerate() {
        assert_eq!(q.branch(true, "en"), q.explain("en"));
        assert_eq!(q.branch(true, "nb"), q.explain("nb"));
        let (no, nei) = (q.branch(false, "en"), q.branch(false, "nb"));
        assert!(no.starts_with("No → scenario"), "{no}");
        assert!(nei.starts_with("Nei → scenario"), "{nei}");
        for s in q.scenarios {
            assert!(no.contains(s) && nei.contains(s), "{no} / {nei}");
        }
        match QUESTIONS.get(i + 1) {
            Some(_) => assert!(no.ends_with(&format!("question {}.", i + 2)), "{no}"),
            None => assert!(no.contains("answers above"), "{no}"),
        }
    }
    assert_eq!(
        QUESTIONS[0].branch(false, "en"),
        "No → scenarios A and E do not apply; go on to question 2."
    );
}
