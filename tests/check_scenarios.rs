//! `check` on every scenario file: no errors, and the report (text and JSON) as reviewed.

mod common;
use common::{load, scenario_files};

#[test]
fn every_scenario_checks_without_errors_as_snapshotted() {
    let files = scenario_files();
    assert!(files.len() >= 11, "{files:?}");
    for path in files {
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        let plan = load(&path);
        let report = sysuser::engine::check(&plan);
        assert_eq!(report.summary.errors, 0, "{name}: {report:#?}");
        insta::assert_snapshot!(
            format!("check-{name}-text"),
            sysuser::commands::check::text(&report, false, false, sysuser::lang::Lang::En)
        );
        insta::assert_snapshot!(
            format!("check-{name}-json"),
            sysuser::commands::to_json(&report.worded(sysuser::lang::Lang::En))
        );
    }
}
