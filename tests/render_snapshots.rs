//! Every scenario drawn in every format: the snapshots are the reviewed
//! drawings of the guidance's diagrams.

mod common;
use common::{scenario as load, scenario_names};

use sysuser::render::{Format, Options, render};

const FORMATS: &[(Format, &str)] = &[
    (Format::Text, "text"),
    (Format::Ascii, "ascii"),
    (Format::Markdown, "markdown"),
    (Format::Mermaid, "mermaid"),
    (Format::Dot, "dot"),
];

#[test]
fn every_scenario_in_every_format() {
    for name in &scenario_names() {
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
