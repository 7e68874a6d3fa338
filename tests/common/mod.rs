//! What many integration tests share: the guidance's scenario plans and the
//! `sysuser` binary run from the repository's root. Each test binary uses a
//! part of it, hence `dead_code` is allowed.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use sysuser::plan::Plan;

/// The repository's root, where `scenarios/` and `tests/fixtures/` are.
pub fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The scenario plan files, sorted by name.
pub fn scenario_files() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(root().join("scenarios"))
        .expect("scenarios/")
        .map(|e| e.expect("scenarios/ entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .collect();
    files.sort();
    files
}

/// The scenarios' names (`a-own-reporting`, …), sorted.
pub fn scenario_names() -> Vec<String> {
    scenario_files()
        .iter()
        .map(|p| p.file_stem().unwrap().to_string_lossy().into_owned())
        .collect()
}

/// Scenario `name`, with or without its `.yaml`, loaded.
pub fn scenario(name: &str) -> Plan {
    let file = if name.ends_with(".yaml") {
        name.to_string()
    } else {
        format!("{name}.yaml")
    };
    load(&root().join("scenarios").join(file))
}

/// The plan at `path`, loaded; a test fails with the loader's message.
pub fn load(path: &Path) -> Plan {
    sysuser::plan::load(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// `sysuser ARGS`, run from the repository's root.
pub fn sysuser(args: &[&str]) -> Output {
    sysuser_in(root(), args)
}

/// `sysuser ARGS`, run in `dir`, without the caller's language and colour
/// settings, so that the output is the same on every machine.
pub fn sysuser_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_sysuser"))
        .args(args)
        .current_dir(dir)
        .env_remove("LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("NO_COLOR")
        .output()
        .expect("sysuser runs")
}
