//! The `sh` runbook against a small Altinn stand-in on 127.0.0.1: it records
//! each call and answers as Altinn does (201 with a confirmUrl, 200 for an
//! existing key, an AUTH error body). The server handles a bounded number of
//! connections and stops by itself after a deadline.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpListener;
use std::path::Path;
use std::process::Command;
use std::sync::mpsc;
use std::time::{Duration, Instant};
use sysuser::plan::{Plan, load};
use sysuser::runbook::{self, Env};

#[derive(Debug)]
struct Recorded {
    method: String,
    path: String,
    authorization: String,
    body: String,
}

/// Serves `answers` (status, body) in order, one per connection, and returns
/// what it was sent. Stops after the answers, or after 20 s.
fn serve(answers: Vec<(u16, String)>) -> (String, mpsc::Receiver<Vec<Recorded>>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    listener.set_nonblocking(true).unwrap();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let deadline = Instant::now() + Duration::from_secs(20);
        let mut seen = Vec::new();
        let mut answers = answers.into_iter();
        while Instant::now() < deadline {
            let stream = match listener.accept() {
                Ok((s, _)) => s,
                Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {
                    std::thread::sleep(Duration::from_millis(10));
                    continue;
                }
                Err(_) => break,
            };
            stream.set_nonblocking(false).unwrap();
            stream
                .set_read_timeout(Some(Duration::from_secs(5)))
                .unwrap();
            let mut reader = BufReader::new(stream);
            let mut line = String::new();
            reader.read_line(&mut line).unwrap();
            let mut parts = line.split_whitespace();
            let method = parts.next().unwrap_or_default().to_string();
            let path = parts.next().unwrap_or_default().to_string();
            let (mut length, mut authorization) = (0usize, String::new());
            loop {
                let mut h = String::new();
                reader.read_line(&mut h).unwrap();
                let h = h.trim_end();
                if h.is_empty() {
                    break;
                }
                let (k, v) = h.split_once(':').unwrap();
                match k.to_ascii_lowercase().as_str() {
                    "content-length" => length = v.trim().parse().unwrap(),
                    "authorization" => authorization = v.trim().to_string(),
                    _ => {}
                }
            }
            let mut body = vec![0; length];
            reader.read_exact(&mut body).unwrap();
            seen.push(Recorded {
                method,
                path,
                authorization,
                body: String::from_utf8(body).unwrap(),
            });
            let (status, answer) = answers.next().unwrap_or((500, "{}".into()));
            let mut stream = reader.into_inner();
            let _ = write!(
                stream,
                "HTTP/1.1 {status} X\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{answer}",
                answer.len()
            );
            if answers.len() == 0 && !seen.is_empty() {
                // Give a misbehaving script the chance to call once more, then stop.
                let until = Instant::now() + Duration::from_millis(500);
                while Instant::now() < until {
                    if let Ok((s, _)) = listener.accept() {
                        drop(s);
                        seen.push(Recorded {
                            method: "EXTRA".into(),
                            path: String::new(),
                            authorization: String::new(),
                            body: String::new(),
                        });
                    }
                    std::thread::sleep(Duration::from_millis(10));
                }
                break;
            }
        }
        let _ = tx.send(seen);
    });
    (base, rx)
}

/// Scenario C with what only the vendor knows filled in: three client system users.
fn plan() -> Plan {
    let mut p = load(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/c-multiple-relationship-types.yaml"),
    )
    .unwrap();
    p.system.name.nb = "Regnskap".into();
    p.system.name.nn = "Rekneskap".into();
    p.system.name.en = "Accounting".into();
    p.system.description = p.system.name.clone();
    p.system.maskinporten_client_ids = vec!["7d9c1a2e-0000-4000-8000-000000000001".into()];
    p
}

fn run_script(script: &str, base: &str, arg: &str) -> std::process::Output {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("requests.sh");
    std::fs::write(&path, script).unwrap();
    Command::new("sh")
        .arg(&path)
        .arg(arg)
        .env("ALTINN_BASE_URL", base)
        .env("ALTINN_TOKEN", "test-token-not-a-secret")
        .output()
        .unwrap()
}

fn have_curl() -> bool {
    Command::new("curl").arg("--version").output().is_ok()
}

fn created(id: &str, agent: bool) -> String {
    let page = if agent { "agentrequest" } else { "request" };
    format!(
        r#"{{"id":"{id}","status":"New","confirmUrl":"https://am.ui.tt02.altinn.no/accessmanagement/ui/systemuser/{page}?id={id}&DONTCHOOSEREPORTEE=true","systemId":"991825827_regnskapssystem"}}"#
    )
}

#[test]
fn request_phase_in_order_and_stops_at_the_first_error() {
    if !have_curl() {
        eprintln!("curl not installed: skipped");
        return;
    }
    let p = plan();
    let rb = runbook::runbook(&p, None, Env::Tt02).unwrap();
    let auth_error = r#"{"type":"https://docs.altinn.studio/","title":"The system user request has packages the system lacks","status":400,"code":"AUTH-00063"}"#;
    let (base, rx) = serve(vec![
        (200, r#"{"id":"991825827_regnskapssystem"}"#.into()),
        (201, created("11111111-1111-4111-8111-111111111111", true)),
        (200, r#"{"id":"22222222-2222-4222-8222-222222222222","status":"Accepted","confirmUrl":"https://am.ui.tt02.altinn.no/accessmanagement/ui/systemuser/agentrequest?id=22222222-2222-4222-8222-222222222222"}"#.into()),
        (400, auth_error.into()),
    ]);
    let out = run_script(&runbook::sh(&rb), &base, "request");
    let calls = rx.recv_timeout(Duration::from_secs(30)).unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "{stdout}\n{stderr}");
    assert_eq!(
        calls
            .iter()
            .map(|c| format!("{} {}", c.method, c.path))
            .collect::<Vec<_>>(),
        [
            "POST /authentication/api/v1/systemregister/vendor",
            "POST /authentication/api/v1/systemuser/request/vendor/agent",
            "POST /authentication/api/v1/systemuser/request/vendor/agent",
            "POST /authentication/api/v1/systemuser/request/vendor/agent",
        ],
        "{stdout}\n{stderr}"
    );
    for c in &calls {
        assert_eq!(c.authorization, "Bearer test-token-not-a-secret");
    }
    // The bodies are exactly the runbook's.
    let expected: Vec<serde_json::Value> = rb
        .calls()
        .filter_map(|c| c.body.as_ref())
        .take(4)
        .map(|b| serde_json::from_str(&b.to_json()).unwrap())
        .collect();
    let sent: Vec<serde_json::Value> = calls
        .iter()
        .map(|c| serde_json::from_str(&c.body).unwrap())
        .collect();
    assert_eq!(sent, expected);
    assert_eq!(sent[1]["externalRef"], "registered-accountant");
    assert_eq!(sent[3]["externalRef"], "delegated-a-melding");
    // People are told where to approve, the existing request is recognised, and the error is shown.
    assert!(
        stdout.contains("systemuser/agentrequest?id=11111111-1111-4111-8111-111111111111"),
        "{stdout}"
    );
    assert!(
        stdout.contains("exists already (status Accepted)"),
        "{stdout}"
    );
    assert!(
        stderr.contains("answered HTTP 400") && stderr.contains("AUTH-00063"),
        "{stderr}"
    );
    assert!(!stdout.contains("finished without errors"));
    assert!(!stdout.contains("test-token") && !stderr.contains("test-token"));
}

#[test]
fn an_existing_system_is_left_alone_and_status_finds_the_ids() {
    if !have_curl() {
        eprintln!("curl not installed: skipped");
        return;
    }
    let p = plan();
    let rb = runbook::runbook(&p, None, Env::Tt02).unwrap();
    let (base, rx) = serve(vec![
        (409, r#"{"code":"AUTH.VLD-00002"}"#.into()),
        (201, created("a", true)),
        (201, created("b", true)),
        (201, created("c", true)),
    ]);
    let out = run_script(&runbook::sh(&rb), &base, "request");
    let calls = rx.recv_timeout(Duration::from_secs(30)).unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(calls.len(), 4, "{calls:?}");
    assert!(
        calls.iter().all(|c| c.method == "POST"),
        "409 never turns into a PUT"
    );
    assert!(stdout.contains("exists already: left as it is"));
    assert!(stdout.ends_with("finished without errors\n"));

    // After approval: one approved, one waiting, one approved.
    let (base, rx) = serve(vec![
        (200, r#"{"id":"a","status":"Accepted"}"#.into()),
        (
            200,
            r#"{"id":"su-1","integrationTitle":"Registered accountant","userType":"agent"}"#.into(),
        ),
        (200, r#"{"id":"b","status":"New"}"#.into()),
        (200, r#"{"id":"c","status":"Accepted"}"#.into()),
        (200, r#"{"id":"su-3","userType":"agent"}"#.into()),
    ]);
    let out = run_script(&runbook::sh(&rb), &base, "status");
    let calls = rx.recv_timeout(Duration::from_secs(30)).unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}");
    let paths: Vec<&str> = calls.iter().map(|c| c.path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "/authentication/api/v1/systemuser/request/vendor/agent/byexternalref/991825827_regnskapssystem/311040138/registered-accountant",
            "/authentication/api/v1/systemuser/vendor/byquery?system-id=991825827_regnskapssystem&orgno=311040138&external-ref=registered-accountant",
            "/authentication/api/v1/systemuser/request/vendor/agent/byexternalref/991825827_regnskapssystem/311040138/registered-auditor",
            "/authentication/api/v1/systemuser/request/vendor/agent/byexternalref/991825827_regnskapssystem/311040138/delegated-a-melding",
            "/authentication/api/v1/systemuser/vendor/byquery?system-id=991825827_regnskapssystem&orgno=311040138&external-ref=delegated-a-melding",
        ]
    );
    assert!(
        stdout.contains("system user id: su-1") && stdout.contains("system user id: su-3"),
        "{stdout}"
    );
    assert!(stdout.contains("status: New"));
}

#[test]
fn an_incomplete_plan_stops_before_any_call() {
    let p = load(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/c-multiple-relationship-types.yaml"),
    )
    .unwrap();
    let rb = runbook::runbook(&p, None, Env::Tt02).unwrap();
    // A port nothing listens on: any call would fail with "no answer".
    let closed = TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", closed.local_addr().unwrap());
    drop(closed);
    let out = run_script(&runbook::sh(&rb), &base, "request");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("fill in system.name, system.description, system.maskinporten_client_ids"),
        "{stderr}"
    );
    assert!(!stderr.contains("no answer"), "no call was tried: {stderr}");
}
