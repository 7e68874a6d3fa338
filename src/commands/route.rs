use crate::cli::{Ctx, RouteArgs, RoutesArgs};

pub fn run(_args: &RouteArgs, _ctx: &Ctx) -> anyhow::Result<u8> {
    anyhow::bail!("`sysuser route` is not available yet")
}

pub fn run_table(_args: &RoutesArgs, _ctx: &Ctx) -> anyhow::Result<u8> {
    anyhow::bail!("`sysuser routes` is not available yet")
}
