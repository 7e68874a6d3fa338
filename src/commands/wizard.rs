//! `sysuser` (no arguments) and `sysuser wizard [FILE] [--resume]`.

use crate::cli::{Ctx, EXIT_BAD_INPUT, EXIT_OK, WizardArgs};
use crate::tui::{self, App, Config, i18n};
use std::io::IsTerminal;

/// `sysuser` with no arguments: the wizard.
pub fn run_default(ctx: &Ctx) -> anyhow::Result<u8> {
    run(
        &WizardArgs {
            file: None,
            resume: None,
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
    let app = if let Some(generation) = args.resume {
        let Some(path) = config.state_path.clone() else {
            anyhow::bail!("no state directory: set HOME, XDG_STATE_HOME or SYSUSER_STATE_DIR");
        };
        let from = tui::state::generation_path(&path, generation);
        let saved = tui::state::load(&from).map_err(anyhow::Error::msg)?;
        let mut app = App::resume(config, saved);
        if generation > 0 {
            // A backup continues as a new session: the current one becomes a backup in turn.
            app.session_from_backup();
        }
        app
    } else if let Some(file) = &args.file {
        let shown = file.display().to_string();
        tui::app::regular_file(file, ctx.lang).map_err(anyhow::Error::msg)?;
        let (terminal, plan) =
            tui::open_while(&i18n::fill(t.reading, &[&shown]), || read_start(file))?;
        let app = App::with_plan(config, plan, Some(file));
        let (app, ending) = tui::run_in(terminal, app)?;
        return finish(app, ending, ctx);
    } else {
        App::new(config)
    };
    let (app, ending) = tui::run(app)?;
    finish(app, ending, ctx)
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
fn finish(app: App, ending: tui::Ending, ctx: &Ctx) -> anyhow::Result<u8> {
    let t = i18n::strings(app.lang);
    // A terminal that is gone cannot be told anything (printing to it would fail).
    if !ctx.quiet && ending != tui::Ending::TerminalGone {
        for p in &app.written {
            println!("{}", i18n::fill(t.cli_wrote, &[&p.display().to_string()]));
        }
        if let Some(e) = &app.session.error {
            eprintln!("{}", i18n::fill(t.cli_not_saved, &[e]));
        } else if app.unsaved
            && app.session.saved()
            && let Some(p) = &app.state_path
        {
            println!(
                "{}",
                i18n::fill(t.cli_resume_hint, &[&p.display().to_string()])
            );
        }
    }
    Ok(match ending {
        tui::Ending::Quit => EXIT_OK,
        signal => signal.exit_code(),
    })
}
