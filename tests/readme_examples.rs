//! Every `$ sysuser …` example in the README's console blocks, run as a
//! reader would run it (in order, from a folder that has the repository's
//! `scenarios/` and `tests/`), prints what the README shows. Examples that
//! read a file of the reader's own (`my-situation.yaml`) are skipped.

mod common;

use std::path::Path;
use std::process::Command;

/// The console blocks' examples: (command, expected output).
fn examples(readme: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for block in readme.split("```console\n").skip(1) {
        let block = block.split("```").next().unwrap_or_default();
        let mut current: Option<(String, Vec<&str>)> = None;
        for line in block.lines() {
            if let Some(cmd) = line.strip_prefix("$ ") {
                out.extend(current.take().map(|(c, l)| (c, l.join("\n"))));
                current = Some((cmd.to_string(), Vec::new()));
            } else if let Some((_, lines)) = current.as_mut() {
                lines.push(line);
            }
        }
        out.extend(current.map(|(c, l)| (c, l.join("\n"))));
    }
    out
}

#[test]
fn the_readme_examples_print_what_the_readme_shows() {
    let readme = std::fs::read_to_string(common::root().join("README.md")).unwrap();
    let dir = tempfile::tempdir().unwrap();
    for d in ["scenarios", "tests"] {
        std::os::unix::fs::symlink(common::root().join(d), dir.path().join(d)).unwrap();
    }
    let bin = Path::new(env!("CARGO_BIN_EXE_sysuser"));
    let path = format!(
        "{}:{}",
        bin.parent().unwrap().display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let mut ran = 0;
    for (cmd, expected) in examples(&readme) {
        let own_file = ["my-situation.yaml", "clients.csv", "plan.yaml"]
            .iter()
            .any(|f| cmd.split_whitespace().any(|w| w == *f) && !dir.path().join(f).exists());
        if own_file {
            continue;
        }
        let out = Command::new("sh")
            .arg("-c")
            .arg(&cmd)
            .current_dir(dir.path())
            .env("PATH", &path)
            .env_remove("LANG")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env("NO_COLOR", "1")
            .output()
            .unwrap();
        let got = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        if expected.lines().any(|l| l == "…") {
            // Shortened in the README: each line it shows is printed, in order.
            let mut lines = got.lines().map(str::trim_end);
            for want in expected.lines().filter(|l| !l.is_empty() && *l != "…") {
                assert!(
                    lines.any(|l| l == want),
                    "README example `{cmd}`: not printed (in order): {want}\n--- got:\n{got}"
                );
            }
        } else {
            assert_eq!(
                got.trim_end(),
                expected.trim_end(),
                "README example `{cmd}` prints something else"
            );
        }
        ran += 1;
    }
    assert!(ran >= 15, "only {ran} README examples ran");
}
