//! Writing a plan back as YAML.

use super::Plan;
use std::path::Path;

/// The plan as YAML, with short package codes, in the spec's field order.
pub fn to_yaml(plan: &Plan) -> String {
    document(plan)
}

/// Any document sysuser writes (a plan, the wizard's session, a client
/// list), through the fast writer: the same text the general YAML writer
/// gives, several times faster.
pub fn document<T: serde::Serialize + ?Sized>(value: &T) -> String {
    crate::fastyaml::to_string(value).expect("sysuser's documents always serialise")
}

/// Writes the plan atomically.
pub fn save(path: &Path, plan: &Plan) -> std::io::Result<()> {
    crate::fsutil::write_atomic(path, to_yaml(plan).as_bytes())
}
