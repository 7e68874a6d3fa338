//! `sysuser` (no arguments) and `sysuser wizard [FILE] [--resume]`.

use crate::cli::{Ctx, EXIT_BAD_INPUT, EXIT_OK, WizardArgs};
use crate::tui::{self, App, Config, i18n};
use std::io::IsTerminal;

/// `sysuser` with no arguments: the wizard.
pub fn run_default(ctx: &Ctx) -> anyhow::Result<u8> {
    run(
        &WizardArgs {
            file: None,
            resume: false,
        },
        ctx,
    )
}

pub fn run(args: &WizardArgs, ctx: &Ctx) -> anyhow::Result<u8> {
    let t = i18n::strings(ctx.lang);
    if !std::io::stdin().is_terminal() || !std::io::stdout().is_terminal() {
        eprintln!("{}", t.cli_not_a_terminal);
        return Ok(EXIT_BAD_INPUT);
    }
    let config = Config {
        lang: ctx.lang,
        color: ctx.color,
        state_path: tui::state::default_path(),
        background: true,
    };
    let app = if args.resume {
        let Some(path) = config.state_path.clone() else {
            anyhow::bail!("no state directory: set HOME, XDG_STATE_HOME or SYSUSER_STATE_DIR");
        };
        let saved = tui::state::load(&path).map_err(anyhow::Error::msg)?;
        App::resume(config, saved)
    } else if let Some(file) = &args.file {
        let shown = file.display().to_string();
        let (terminal, plan) =
            tui::open_while(&i18n::fill(t.reading, &[&shown]), || read_start(file))?;
        let app = App::with_plan(config, plan, Some(file));
        return finish(tui::run_in(terminal, app)?, ctx);
    } else {
        App::new(config)
    };
    finish(tui::run(app)?, ctx)
}

/// The plan the wizard starts from: a plan file, or a CSV client list.
fn read_start(file: &std::path::Path) -> anyhow::Result<crate::plan::Plan> {
    if !file
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("csv"))
    {
        return Ok(crate::plan::load(file)?);
    }
    let read = crate::import::read_client_file(file)?;
    let mut plan = tui::app::empty_plan();
    plan.clients = read.list.clients;
    Ok(plan)
}

/// After the terminal is restored: where files were written, how to resume.
fn finish(app: App, ctx: &Ctx) -> anyhow::Result<u8> {
    let t = i18n::strings(app.lang);
    if !ctx.quiet {
        for p in &app.written {
            println!("{}", i18n::fill(t.cli_wrote, &[&p.display().to_string()]));
        }
        if app.unsaved
            && let Some(p) = &app.state_path
        {
            println!(
                "{}",
                i18n::fill(t.cli_resume_hint, &[&p.display().to_string()])
            );
        }
    }
    Ok(EXIT_OK)
}
