//! Figures, not assertions: how long the wizard takes to draw with a
//! 100,000-client plan. Run in release:
//! `cargo test --release --test tui_perf -- --ignored --nocapture`

mod tui_support;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::KeyCode::*;
use std::time::{Duration, Instant};
use sysuser::cli::Lang;
use sysuser::tui::{App, Step};
use tui_support::*;

fn per_frame(app: &App, terminal: &mut Terminal<TestBackend>, frames: u32) -> Duration {
    let start = Instant::now();
    for _ in 0..frames {
        terminal.draw(|f| f.render_widget(app, f.area())).unwrap();
    }
    start.elapsed() / frames
}

#[test]
#[ignore = "prints timings; run in release with --ignored --nocapture"]
fn frame_times_with_100k_clients() {
    let plan = sysuser::generate::plan(100_000, 4, 1);
    let start = Instant::now();
    let copy = plan.clone();
    println!("clone the plan: {:?}", start.elapsed());
    drop(copy);
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();

    // As the terminal front end runs it: advice is worked out in the background.
    let mut cfg = config(Lang::En);
    cfg.background = true;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.yaml");
    sysuser::plan::save(&path, &plan).unwrap();
    let start = Instant::now();
    let loaded = sysuser::plan::load(&path).unwrap();
    println!("read the 100,000-client plan file: {:?}", start.elapsed());
    drop(loaded);
    let start = Instant::now();
    let mut app = App::with_plan(cfg, plan.clone(), None);
    terminal.draw(|f| f.render_widget(&app, f.area())).unwrap();
    let first = start.elapsed();
    app.start();
    while !app.poll_computed() {
        std::thread::sleep(Duration::from_millis(1));
    }
    terminal.draw(|f| f.render_widget(&app, f.area())).unwrap();
    println!(
        "100,000-client plan: first frame {first:?} ({:?}); advice, findings and tree in {:?}",
        app.step,
        start.elapsed()
    );

    let start = Instant::now();
    let mut sync = App::with_plan(config(Lang::En), plan.clone(), None);
    println!(
        "open + advise + check + render on the calling thread: {:?}",
        start.elapsed()
    );
    let start = Instant::now();
    sync.refresh();
    println!("recompute after a change: {:?}", start.elapsed());
    let dir = tempfile::tempdir().unwrap();
    sync.state_path = Some(dir.path().join("wizard.yaml"));
    let start = Instant::now();
    sync.persist();
    println!("save the state file: {:?}", start.elapsed());

    for step in [
        Step::Review,
        Step::Clients,
        Step::OwnPackages,
        Step::Decision,
    ] {
        app.go(step);
        let t = per_frame(&app, &mut terminal, 200);
        println!("frame {step:?} 120x40: {t:?}");
    }
    app.go(Step::Clients);
    press(&mut app, &[End]);
    println!(
        "frame Clients at the last of 100,000 rows: {:?}",
        per_frame(&app, &mut terminal, 200)
    );
    app.go(Step::Review);
    press(&mut app, &[Tab, End]);
    println!(
        "frame Review, last finding of {}: {:?}",
        app.computed.report.findings.len(),
        per_frame(&app, &mut terminal, 200)
    );
}

#[test]
#[ignore = "prints timings; run in release with --ignored --nocapture"]
fn layout_editor_with_100k_clients() {
    let plan = sysuser::generate::plan(100_000, 4, 1);
    let mut app = App::with_plan(config(Lang::En), plan, None);
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
    app.go(Step::Review);
    let big = (0..app.plan.system_users.len())
        .max_by_key(|&i| app.plan.system_users[i].clients.len())
        .unwrap();
    println!(
        "frame: the review beneath: {:?}",
        per_frame(&app, &mut terminal, 20)
    );
    press(&mut app, &[Char('e')]);
    for _ in 0..big {
        press(&mut app, &[Down]);
    }
    println!(
        "system user {:?}: {} clients",
        app.plan.system_users[big].name,
        app.plan.system_users[big].clients.len()
    );
    let start = Instant::now();
    let n = 100;
    let refused: usize = (0..n).map(|c| app.join_findings(big, c).len()).sum();
    println!(
        "check's reasons for one client on it (a cut-down check): {:?} ({refused} findings for {n} clients)",
        start.elapsed() / n as u32
    );
    press(&mut app, &[Char('c'), End]);
    println!(
        "frame: its clients, at the last: {:?}",
        per_frame(&app, &mut terminal, 20)
    );
    let start = Instant::now();
    press(&mut app, &[Char('d')]);
    println!(
        "remove a client (one undo step, re-check): {:?}",
        start.elapsed()
    );
    let start = Instant::now();
    press(&mut app, &[Char('a')]);
    println!("open the add-client picker: {:?}", start.elapsed());
    println!(
        "frame: the add-client picker: {:?}",
        per_frame(&app, &mut terminal, 20)
    );
    let start = Instant::now();
    press(&mut app, &[Char('/'), Char('x')]);
    println!("search a character: {:?}", start.elapsed());
}
