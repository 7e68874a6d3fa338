//! The wizard at 100,000 clients: how long after an edit the review is up to
//! date (the analysis runs on the worker), and how long one key takes to
//! handle and draw on the input thread. Run with `cargo bench --bench wizard`.

use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::time::Duration;
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
    // The same edit on the input thread only (the worker has the last revision).
    g.bench_function("edit key, handled and drawn", |b| {
        b.iter(|| {
            settle(&mut app);
            app.on(key(KeyCode::Enter));
            terminal
                .draw(|f| f.render_widget(&app, f.area()))
                .expect("draw");
        })
    });
    // An edit while the worker still analyses the one before (copy on write).
    g.bench_function("edit key while the worker is busy", |b| {
        b.iter(|| {
            app.on(key(KeyCode::Enter));
            app.on(key(KeyCode::Enter));
            terminal
                .draw(|f| f.render_widget(&app, f.area()))
                .expect("draw");
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
                terminal
                    .draw(|f| f.render_widget(&app, f.area()))
                    .expect("draw");
            })
        });
    }
    // Changing step: no copy of the plan and no session write on the input thread.
    g.bench_function("change step (n, Esc), handled and drawn", |b| {
        b.iter(|| {
            app.on(key(KeyCode::Char('n')));
            app.on(key(KeyCode::Esc));
            terminal
                .draw(|f| f.render_widget(&app, f.area()))
                .expect("draw");
        })
    });
    g.finish();
    app.finish_saving();
}

criterion_group!(benches, wizard);
criterion_main!(benches);
