//! Writing a plan back as YAML.

use super::Plan;
use std::path::Path;

/// The plan as YAML, with short package codes, in the spec's field order.
pub fn to_yaml(plan: &Plan) -> String {
    serde_yaml::to_string(plan).expect("a plan always serialises")
}

/// Writes the plan atomically.
pub fn save(path: &Path, plan: &Plan) -> std::io::Result<()> {
    crate::fsutil::write_atomic(path, to_yaml(plan).as_bytes())
}
