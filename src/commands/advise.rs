use crate::cli::{AdviseArgs, Ctx};

pub fn run(_args: &AdviseArgs, _ctx: &Ctx) -> anyhow::Result<u8> {
    anyhow::bail!("`sysuser advise` is not available yet")
}
