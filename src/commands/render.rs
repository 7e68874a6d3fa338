use crate::cli::{Ctx, RenderArgs};

pub fn run(_args: &RenderArgs, _ctx: &Ctx) -> anyhow::Result<u8> {
    anyhow::bail!("`sysuser render` is not available yet")
}
