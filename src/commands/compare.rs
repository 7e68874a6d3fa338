use crate::cli::{CompareArgs, Ctx};

pub fn run(_args: &CompareArgs, _ctx: &Ctx) -> anyhow::Result<u8> {
    anyhow::bail!("`sysuser compare` is not available yet")
}
