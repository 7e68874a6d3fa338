use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = sysuser::cli::Cli::parse();
    match sysuser::cli::run(cli) {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            eprintln!(
                "error: {}",
                sysuser::text::visible(format!("{e:#}").trim_end())
            );
            ExitCode::from(sysuser::cli::EXIT_BAD_INPUT)
        }
    }
}
