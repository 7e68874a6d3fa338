//! The advisor: from a situation, the layout the guidance prescribes, and why.

use crate::plan::Plan;

/// The plan with `system_users` replaced by the recommended layout and
/// `advice` filled in. Reads `plan.options` (F option, self-on-client).
pub fn advise(plan: &Plan) -> Plan {
    plan.clone()
}
