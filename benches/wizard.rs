//! The wizard at 100,000 clients: how long after an edit the review is up to
//! date (the analysis runs on the worker), and how long one key takes to
//! handle and draw on the input thread. Run with `cargo bench --bench wizard`.

use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::time::{Duration, Instant};
use sysuser::cli::Lang;
use sysuser::tui::{App, Config, Step};

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

/// The wizard as the terminal runs it: analyses and saves on the worker.
fn app(clients: usize, state: &std::path::Path) -> App {
    let config = Config {
        lang: Lang::En,
        color: true,
        state_path: Some(state.join("wizard.yaml")),
        background: true,
    };
    let mut app = App::with_plan(config, sysuser::generate::plan(clients, 0, 1), None);
    app.start();
    settle(&mut app);
    app
}

fn settle(app: &mut App) {
    while app.computing() {
        app.poll_computed();
        std::thread::sleep(Duration::from_micros(200));
    }
}

fn draw(terminal: &mut Terminal<TestBackend>, app: &App) {
    terminal
        .draw(|f| f.render_widget(app, f.area()))
        .expect("draw");
}

fn wizard(c: &mut Criterion) {
    let _ = sysuser::catalog::catalog();
    let n = 100_000;
    let dir = tempfile::tempdir().expect("temp dir");
    let mut app = app(n, dir.path());
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("backend");
    let mut g = c.benchmark_group(format!("wizard-{n}-clients"));
    g.sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(15));

    // An edit (flip "self-on-client") until the review shows its analysis.
    app.go(Step::Options);
    g.bench_function("edit until the review is up to date", |b| {
        b.iter(|| {
            app.on(key(KeyCode::Enter));
            settle(&mut app);
        })
    });
    // The same edit on the input thread only: the key and the next frame.
    g.bench_function("edit key, handled and drawn", |b| {
        b.iter_custom(|iters| {
            let mut spent = Duration::ZERO;
            for _ in 0..iters {
                settle(&mut app);
                let start = Instant::now();
                app.on(key(KeyCode::Enter));
                draw(&mut terminal, &app);
                spent += start.elapsed();
            }
            spent
        })
    });
    // An edit while the worker still analyses the one before: the plan is
    // copied on the input thread first (copy on write).
    g.bench_function("edit key while the worker is busy", |b| {
        b.iter_custom(|iters| {
            let mut spent = Duration::ZERO;
            for _ in 0..iters {
                settle(&mut app);
                app.on(key(KeyCode::Enter));
                let start = Instant::now();
                app.on(key(KeyCode::Enter));
                draw(&mut terminal, &app);
                spent += start.elapsed();
            }
            spent
        })
    });
    settle(&mut app);
    for (step, code) in [
        (Step::Clients, KeyCode::Down),
        (Step::Review, KeyCode::Tab),
        (Step::Decision, KeyCode::Down),
        (Step::OwnPackages, KeyCode::Down),
    ] {
        app.go(step);
        g.bench_function(format!("move key on {step:?}, handled and drawn"), |b| {
            b.iter(|| {
                app.on(key(code));
                draw(&mut terminal, &app);
            })
        });
    }
    // Changing step: no copy of the plan and no session write on the input thread.
    g.bench_function("change step (n, Esc), handled and drawn", |b| {
        b.iter(|| {
            app.on(key(KeyCode::Char('n')));
            app.on(key(KeyCode::Esc));
            draw(&mut terminal, &app);
        })
    });
    // A language switch: the review's analysis is worded again on the input
    // thread (names, reasons, notes, findings, tree, F's comparison).
    app.go(Step::Welcome);
    g.bench_function("language switch, reworded and drawn", |b| {
        b.iter(|| {
            app.on(key(KeyCode::Char(' ')));
            draw(&mut terminal, &app);
            assert!(!app.computing(), "a switch asks for no analysis");
        })
    });
    g.finish();
    app.finish_saving();

    // Where the time after an edit goes, on the worker.
    let plan = sysuser::generate::plan(n, 0, 1);
    let mut g = c.benchmark_group(format!("worker-{n}-clients"));
    g.sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(10));
    g.bench_function("analysis (advice, check, answers, F, routes)", |b| {
        b.iter(|| sysuser::analysis::analyse(&plan, false, Lang::En))
    });
    g.bench_function("analysis and tree", |b| {
        b.iter(|| sysuser::tui::app::compute(&plan, false, Lang::En))
    });
    g.finish();
}

criterion_group!(benches, wizard);
criterion_main!(benches);
