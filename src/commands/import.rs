use crate::cli::{Ctx, ImportArgs};

pub fn run(_args: &ImportArgs, _ctx: &Ctx) -> anyhow::Result<u8> {
    anyhow::bail!("`sysuser import` is not available yet")
}
