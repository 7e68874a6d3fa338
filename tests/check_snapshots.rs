//! `check` text and JSON for a few hand-written bad plans, as reviewed.

use std::path::Path;

fn report(id: &str) -> sysuser::rules::Report {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("tests/bad_plans/{id}.yaml"));
    sysuser::engine::check(&sysuser::plan::load(&path).unwrap())
}

#[test]
fn bad_plans_as_people_and_machines_read_them() {
    for id in [
        "client-missing-package",
        "role-package-wrong-unit-type",
        "not-a-client",
        "unknown-package",
        "duplicate-external-ref",
        "delegated-client-only-package",
        "invalid-system-id",
    ] {
        let r = report(id);
        insta::assert_snapshot!(
            format!("{id}-text"),
            sysuser::commands::check::text(&r, false, false, sysuser::lang::Lang::En)
        );
        insta::assert_snapshot!(
            format!("{id}-json"),
            sysuser::commands::to_json(&r.worded(sysuser::lang::Lang::En))
        );
    }
}

#[test]
fn quiet_text_keeps_errors_and_the_summary() {
    let r = report("clients-on-standard-system-user");
    insta::assert_snapshot!(sysuser::commands::check::text(
        &r,
        false,
        true,
        sysuser::lang::Lang::En
    ));
}
