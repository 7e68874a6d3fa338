//! `check` on every scenario file: no errors, and the report (text and JSON) as reviewed.

use std::path::{Path, PathBuf};

fn scenarios() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios");
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .collect();
    files.sort();
    files
}

#[test]
fn every_scenario_checks_without_errors_as_snapshotted() {
    let files = scenarios();
    assert!(files.len() >= 11, "{files:?}");
    for path in files {
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        let plan = sysuser::plan::load(&path).unwrap_or_else(|e| panic!("{e}"));
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
