//! Every scenario drawn in every format: the snapshots are the reviewed
//! drawings of the guidance's diagrams.

use std::path::Path;
use sysuser::render::{Format, Options, render};

const SCENARIOS: &[&str] = &[
    "a-own-reporting",
    "b-one-relationship-type",
    "c-multiple-relationship-types",
    "d-team-based-access",
    "e-locally-installed",
    "f-extra-services-option-1",
    "f-extra-services-option-2",
    "g-sub-entities",
    "h-own-and-delegated",
    "h-own-and-delegated-self-on-client",
    "h-own-delegated-and-accountant",
];

const FORMATS: &[(Format, &str)] = &[
    (Format::Text, "text"),
    (Format::Ascii, "ascii"),
    (Format::Markdown, "markdown"),
    (Format::Mermaid, "mermaid"),
    (Format::Dot, "dot"),
];

fn load(name: &str) -> sysuser::plan::Plan {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("scenarios/{name}.yaml"));
    sysuser::plan::load(&path).unwrap_or_else(|e| panic!("{name}: {e}"))
}

#[test]
fn every_scenario_in_every_format() {
    for name in SCENARIOS {
        let plan = load(name);
        for (format, fname) in FORMATS {
            let options = Options {
                format: *format,
                ..Options::default()
            };
            insta::assert_snapshot!(format!("{name}__{fname}"), render(&plan, &options));
        }
    }
}

#[test]
fn bokmal_text() {
    for name in [
        "c-multiple-relationship-types",
        "g-sub-entities",
        "h-own-and-delegated",
    ] {
        let options = Options {
            lang: "nb",
            ..Options::default()
        };
        insta::assert_snapshot!(format!("{name}__text_nb"), render(&load(name), &options));
    }
}
