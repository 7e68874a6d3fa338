use crate::cli::{Ctx, DiffArgs};

pub fn run(_args: &DiffArgs, _ctx: &Ctx) -> anyhow::Result<u8> {
    anyhow::bail!("`sysuser diff` is not available yet")
}
