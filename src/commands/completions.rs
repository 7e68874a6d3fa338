//! Shell completions and the man page, generated from the same clap definition.

use crate::cli::{Cli, CompletionsArgs, EXIT_OK};
use clap::CommandFactory;

pub fn run(args: &CompletionsArgs) -> anyhow::Result<u8> {
    let mut cmd = Cli::command();
    let mut out = Vec::new();
    clap_complete::generate(args.shell, &mut cmd, "sysuser", &mut out);
    super::emit(None, &String::from_utf8_lossy(&out))?;
    Ok(EXIT_OK)
}

pub fn man() -> anyhow::Result<u8> {
    let mut out = Vec::new();
    clap_mangen::Man::new(Cli::command()).render(&mut out)?;
    super::emit(None, &String::from_utf8_lossy(&out))?;
    Ok(EXIT_OK)
}
