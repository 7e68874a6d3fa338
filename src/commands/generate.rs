use crate::cli::{Ctx, GenerateArgs};

pub fn run(_args: &GenerateArgs, _ctx: &Ctx) -> anyhow::Result<u8> {
    anyhow::bail!("`sysuser generate` is not available yet")
}
