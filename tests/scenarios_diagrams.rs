//! Each scenario file, drawn, has the nodes of the guidance's diagram in the
//! guidance's order. The diagrams are transcribed below (one node a line,
//! indented two spaces a level under the organisation): `SU` system user,
//! `P` access package, `COV` what a standard system user covers, `C` client,
//! `OU` operational unit. Where the guidance writes a placeholder ("Access
//! packages: delegated by each sub-entity", "sykmelding", "Operational units:
//! schools and kindergartens") the transcription names what the scenario file
//! puts there, and says so.

mod common;
use common::scenario as load;

use sysuser::render::{Node, NodeKind, Options, tree};

fn walk(node: &Node, depth: usize, out: &mut Vec<String>) {
    for c in &node.children {
        let tag = match c.kind {
            NodeKind::SystemUser => "SU",
            NodeKind::Package => "P",
            NodeKind::Covers => "COV",
            NodeKind::Client => "C",
            NodeKind::OperationalUnit => "OU",
            NodeKind::More => "MORE",
            NodeKind::Note => "NOTE",
            NodeKind::Organisation => "ORG",
        };
        out.push(format!("{}{tag} {}", "  ".repeat(depth), c.key));
        walk(c, depth + 1, out);
    }
}

fn assert_diagram(name: &str, diagram: &str) {
    let root = tree(&load(name), &Options::default());
    let mut got = Vec::new();
    walk(&root, 0, &mut got);
    let want: Vec<String> = diagram
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.trim_end().to_string())
        .collect();
    assert_eq!(
        got, want,
        "{name}: the tree differs from the guidance's diagram"
    );
}

#[test]
fn a_own_reporting() {
    // Organisation └── System user (standard) └── Access packages: skatt-naering, merverdiavgift
    assert_diagram(
        "a-own-reporting",
        "
SU Own reporting
  P skatt-naering
  P merverdiavgift
",
    );
}

#[test]
fn b_one_relationship_type() {
    assert_diagram(
        "b-one-relationship-type",
        "
SU Accounting clients
  P regnskapsforer-med-signeringsrettighet
  C Client A AS
  C Client B AS
  C Client C AS
",
    );
}

#[test]
fn c_multiple_relationship_types() {
    assert_diagram(
        "c-multiple-relationship-types",
        "
SU Registered accountant
  P regnskapsforer-med-signeringsrettighet
  C Client A AS
  C Client B AS
SU Registered auditor
  P ansvarlig-revisor
  C Client C AS
  C Client D AS
SU Delegated A-melding
  P a-ordning
  C Client E AS
  C Client F AS
",
    );
}

#[test]
fn d_team_based_access() {
    assert_diagram(
        "d-team-based-access",
        "
SU Property management team
  P forretningsforer-eiendom
  C Housing cooperative A
  C Housing cooperative B
SU Accounting team
  P regnskapsforer-med-signeringsrettighet
  C Client C AS
  C Client D AS
",
    );
}

#[test]
fn e_locally_installed() {
    // "Access packages: as needed" — the file names three.
    assert_diagram(
        "e-locally-installed",
        "
SU Own reporting
  P a-ordning
  P merverdiavgift
  P skatt-naering
",
    );
}

#[test]
fn f_option_1() {
    // sykmelding → sykefravaer
    assert_diagram(
        "f-extra-services-option-1",
        "
SU Accounting only
  P regnskapsforer-med-signeringsrettighet
  C Client A AS
  C Client B AS
  C Client C AS
SU Accounting + sick leave
  P regnskapsforer-med-signeringsrettighet
  P sykefravaer
  C Client D AS
  C Client E AS
",
    );
}

#[test]
fn f_option_2() {
    // sykmelding → sykefravaer, inntektsmelding → a-ordning
    assert_diagram(
        "f-extra-services-option-2",
        "
SU Accounting (all clients)
  P regnskapsforer-med-signeringsrettighet
  C Client A AS
  C Client B AS
  C Client C AS
  C Client D AS
  C Client E AS
SU Sick leave
  P sykefravaer
  C Client D AS
  C Client E AS
SU Income reporting
  P a-ordning
  C Client E AS
",
    );
}

#[test]
fn g_sub_entities() {
    // "Access packages: delegated by each sub-entity" → a-ordning, sykefravaer
    assert_diagram(
        "g-sub-entities",
        "
SU Sub-entities
  P a-ordning
  P sykefravaer
  C Education Department
    OU Grünerløkka school
    OU Sagene school
    OU Bjølsen kindergarten
  C Grünerløkka district
    OU Grünerløkka health centre
    OU Sofienberg nursing home
",
    );
}

#[test]
fn h_own_and_delegated() {
    // "Covers: Oslo municipality + operational units" lists the file's units;
    // "schools and kindergartens" / "health centres and nursing homes" are G's units.
    assert_diagram(
        "h-own-and-delegated",
        "
SU Own reporting
  P sykefravaer
  COV Oslo municipality
    OU City Hall administration
    OU Municipal payroll office
SU Sub-entities
  P sykefravaer
  C Education Department
    OU Grünerløkka school
    OU Sagene school
    OU Bjølsen kindergarten
  C Grünerløkka district
    OU Grünerløkka health centre
    OU Sofienberg nursing home
",
    );
}

#[test]
fn h_self_on_client() {
    // The simplification: the organisation and its units on the client system user.
    assert_diagram(
        "h-own-and-delegated-self-on-client",
        "
SU Own reporting and sub-entities
  P sykefravaer
  COV Oslo municipality
    OU City Hall administration
    OU Municipal payroll office
  C Education Department
    OU Grünerløkka school
    OU Sagene school
    OU Bjølsen kindergarten
  C Grünerløkka district
    OU Grünerløkka health centre
    OU Sofienberg nursing home
",
    );
}

#[test]
fn h_corporate_group_with_accountant_clients() {
    assert_diagram(
        "h-own-delegated-and-accountant",
        "
SU Own reporting
  P sykefravaer
  COV Eksempel Konsern AS
    OU Eksempel Konsern Oslo
    OU Eksempel Konsern Bergen
SU Delegated relationships
  P sykefravaer
  C Subsidiary A AS
  C Subsidiary B AS
SU Registered accountant
  P regnskapsforer-med-signeringsrettighet
  C Customer X AS
  C Customer Y AS
",
    );
}
