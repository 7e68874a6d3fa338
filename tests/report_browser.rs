//! The report in a real browser: headless Chromium opens the page of
//! scenario C and of a 100,000-client plan, takes a screenshot, and the page
//! as the browser built it (its DOM after the scripts ran) shows every system
//! user's box and the rows the client filter finds for `#client=…`.
//!
//! Skips, saying so, when no Chromium is installed (`.ci/run` installs it).
//! Screenshots go to `target/report-screenshots/`.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};
use sysuser::lang::Lang;
use sysuser::plan::Plan;

/// The browser: `SYSUSER_CHROMIUM`, else the first of the usual names on PATH.
fn chromium() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("SYSUSER_CHROMIUM") {
        return Some(PathBuf::from(p));
    }
    let path = std::env::var_os("PATH")?;
    [
        "chromium",
        "chromium-browser",
        "google-chrome",
        "google-chrome-stable",
    ]
    .iter()
    .flat_map(|name| std::env::split_paths(&path).map(move |d| d.join(name)))
    .find(|p| p.is_file())
}

/// Runs the browser headless with `args` and the page, and returns its
/// standard output; fails the test after two minutes.
fn browse(browser: &Path, args: &[&str], url: &str) -> String {
    let profile = tempfile::tempdir().expect("a profile directory");
    let mut child = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-extensions",
            "--hide-scrollbars",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .args(args)
        .arg(url)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("the browser starts");
    let mut stdout = child.stdout.take().expect("piped");
    let reader = std::thread::spawn(move || {
        let mut s = String::new();
        std::io::Read::read_to_string(&mut stdout, &mut s).ok();
        s
    });
    let deadline = Instant::now() + Duration::from_secs(120);
    loop {
        if child.try_wait().expect("waits").is_some() {
            break;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("the browser did not finish {url} within two minutes");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    reader.join().expect("read")
}

fn screenshots() -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .parent()
        .expect("target")
        .join("report-screenshots");
    std::fs::create_dir_all(&dir).expect("screenshot directory");
    dir
}

/// Writes the report, screenshots it, and returns the DOM with the filter set to `client`.
fn open(browser: &Path, plan: &Plan, name: &str, client: &str) -> String {
    let dir = tempfile::tempdir().expect("temp dir");
    let page = dir.path().join(format!("{name}.html"));
    let html = sysuser::report::report(plan, Lang::En);
    std::fs::write(&page, &html).expect("page written");
    let url = format!("file://{}", page.display());
    let shot = screenshots().join(format!("{name}.png"));
    let _ = std::fs::remove_file(&shot);
    browse(
        browser,
        &[
            "--window-size=1000,1400",
            &format!("--screenshot={}", shot.display()),
        ],
        &url,
    );
    let png = std::fs::read(&shot).expect("a screenshot");
    assert!(png.starts_with(b"\x89PNG") && png.len() > 10_000, "{name}");
    browse(
        browser,
        &["--dump-dom", "--virtual-time-budget=5000"],
        &format!("{url}#client={client}"),
    )
}

/// The `<tbody id="routes-body">` of the DOM.
fn route_rows(dom: &str) -> &str {
    let start = dom.find("id=\"routes-body\"").expect("the routes table");
    let end = start + dom[start..].find("</tbody>").expect("closed");
    &dom[start..end]
}

fn assert_every_system_user(dom: &str, plan: &Plan) {
    let boxes = dom.matches("data-system-user=").count();
    assert_eq!(boxes, plan.system_users.len(), "one box per system user");
    for su in &plan.system_users {
        let attr = format!("data-system-user=\"{}\"", su.name);
        assert!(dom.contains(&attr), "no box for {}", su.name);
    }
}

#[test]
fn scenario_c_and_a_hundred_thousand_clients_in_chromium() {
    let Some(browser) = chromium() else {
        eprintln!(
            "SKIPPED: no Chromium found (install Debian's `chromium`, or set SYSUSER_CHROMIUM); \
the report was not opened in a browser"
        );
        return;
    };

    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/c-multiple-relationship-types.yaml");
    let plan = sysuser::plan::load(&path).expect("scenario C");
    // Client E, by number: its one route is through "Delegated A-melding".
    let dom = open(
        &browser,
        &plan,
        "c-multiple-relationship-types",
        "311800655",
    );
    assert_every_system_user(&dom, &plan);
    let rows = route_rows(&dom);
    assert_eq!(rows.matches("<tr").count(), 1, "{rows}");
    assert!(
        rows.contains("Client E AS") && rows.contains("Delegated A-melding (delegated-a-melding)")
    );
    assert!(!rows.contains("Client A AS"), "the filter hides the others");
    assert!(dom.contains("Routes found: 1; parties: 1."), "status line");

    let big = sysuser::generate::plan(100_000, 4, 1);
    let client = &big.clients[61_234];
    let dom = open(
        &browser,
        &big,
        "generated-100000",
        &client.name.replace(' ', "%20"),
    );
    assert_every_system_user(&dom, &big);
    let rows = route_rows(&dom);
    assert!(
        rows.contains(client.orgnr.as_str()),
        "the filter finds {}",
        client.name
    );
    assert!(rows.matches("<tr").count() >= 1);
    assert!(
        rows.matches("<tr").count() <= 200,
        "at most the filter's limit"
    );
}
