use crate::cli::{Ctx, WizardArgs};
use clap::CommandFactory;

/// `sysuser` with no arguments. Until the wizard exists: the help and a hint.
pub fn run_default(_ctx: &Ctx) -> anyhow::Result<u8> {
    crate::cli::Cli::command().print_help()?;
    println!("\nTry: sysuser check scenarios/c-multiple-relationship-types.yaml");
    Ok(crate::cli::EXIT_OK)
}

pub fn run(_args: &WizardArgs, _ctx: &Ctx) -> anyhow::Result<u8> {
    anyhow::bail!("`sysuser wizard` is not available yet")
}
