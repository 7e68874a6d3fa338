use crate::cli::{ChecklistArgs, Ctx};

pub fn run(_args: &ChecklistArgs, _ctx: &Ctx) -> anyhow::Result<u8> {
    anyhow::bail!("`sysuser checklist` is not available yet")
}
