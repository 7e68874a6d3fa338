//! The HTML report and the SVG drawing: reviewed snapshots of every scenario
//! in English and bokmål, no external references, every plan string escaped,
//! and a 100,000-client plan kept to a light page.

mod common;
use common::{scenario as load, scenario_names};

use sysuser::lang::Lang;
use sysuser::plan::Plan;

fn svg(plan: &Plan, lang: Lang) -> String {
    let report = sysuser::engine::check(plan);
    sysuser::svg::document(plan, &report, lang, Some(10))
}

/// The page with its (constant) style sheet and filter script left out, so
/// that the snapshots show what differs between plans.
fn without_assets(html: &str) -> String {
    let mut out = cut_between(html, "<style>\n", "</style>");
    let start = out.rfind("<script>\n").expect("the filter script");
    let end = start + out[start..].find("</script>").expect("closed");
    out.replace_range(start + "<script>\n".len()..end, "…");
    out
}

fn cut_between(s: &str, open: &str, close: &str) -> String {
    let a = s.find(open).expect("opened") + open.len();
    let b = a + s[a..].find(close).expect("closed");
    format!("{}…{}", &s[..a], &s[b..])
}

#[test]
fn every_scenario_in_both_languages() {
    for name in &scenario_names() {
        let plan = load(name);
        for lang in [Lang::En, Lang::Nb] {
            let html = sysuser::report::report(&plan, lang);
            insta::assert_snapshot!(
                format!("{name}.{}.html", lang.code()),
                without_assets(&html)
            );
            insta::assert_snapshot!(
                format!("{name}.{}.svg", lang.code()),
                cut_between(&svg(&plan, lang), "<style>\n", "</style>")
            );
        }
    }
}

/// `src`, `href`, `url(`, `@import` and `xlink:href` values, which would load something.
fn references(markup: &str) -> Vec<String> {
    let mut out = Vec::new();
    for attr in ["src=", "href=", "url(", "@import", "srcset="] {
        let mut rest = markup;
        while let Some(i) = rest.find(attr) {
            let tail = &rest[i..];
            out.push(tail.chars().take(60).collect());
            rest = &rest[i + attr.len()..];
        }
    }
    out
}

#[test]
fn no_external_references() {
    for name in &scenario_names() {
        let plan = load(name);
        for lang in [Lang::En, Lang::Nb] {
            let html = sysuser::report::report(&plan, lang);
            assert_eq!(references(&html), Vec::<String>::new(), "{name}");
            for bad in ["http:", "https:", "//fonts", "<link", "<img", "<iframe"] {
                assert!(!html.contains(bad), "{name}: {bad}");
            }
            let svg = svg(&plan, lang);
            assert_eq!(references(&svg), Vec::<String>::new(), "{name}");
            // The one namespace declaration a standalone SVG needs is a name, not a reference.
            let rest = svg.replacen("xmlns=\"http://www.w3.org/2000/svg\"", "", 1);
            assert!(
                !rest.contains("http:") && !rest.contains("https:"),
                "{name}"
            );
        }
    }
}

const HOSTILE: &str = r#"
version: 1
organisation:
  orgnr: "311040138"
  name: "<script>alert('org')</script> & Co"
  operational_units:
    - { orgnr: "311654551", name: "<img src=x onerror=alert(1)>" }
system:
  id: "991825827_<b>sys</b>"
  vendor: "991825827"
  access_packages: [regnskapsforer-med-signeringsrettighet]
  visible: false
clients:
  - { orgnr: "311800132", name: "</script><script>alert('client')</script>", unit_type: AS, er_roles: [regnskapsforer] }
  - { orgnr: "311800264", name: "Tab\there \"quoted\" & <b>", unit_type: AS, er_roles: [regnskapsforer] }
system_users:
  - name: "<script>alert('su')</script>"
    external_ref: "ref\"><script>x</script>"
    type: client
    access_packages: [regnskapsforer-med-signeringsrettighet]
    clients: ["311800132", "311800264", "311800999"]
"#;

#[test]
fn every_plan_string_is_escaped() {
    let plan = sysuser::plan::parse(HOSTILE, "hostile.yaml").expect("a valid plan");
    for lang in [Lang::En, Lang::Nb] {
        let html = sysuser::report::report(&plan, lang);
        // Our own three scripts only: route patterns, route data, the filter.
        assert_eq!(html.matches("<script").count(), 3, "{html}");
        assert_eq!(html.matches("</script").count(), 3);
        for raw in [
            "<script>alert",
            "<img",
            "<b>sys</b>",
            "\"quoted\" & <b>",
            "onerror=alert(1)>",
        ] {
            assert!(!html.contains(raw), "{raw} left raw");
        }
        assert!(html.contains("&lt;script&gt;alert(&#39;org&#39;)&lt;/script&gt; &amp; Co"));
        assert!(html.contains("&lt;script&gt;alert(&#39;su&#39;)&lt;/script&gt;"));
        // The route data carries the client's name with `<` and `&` written as HTML does.
        assert!(html.contains("311800132\t&lt;/script>&lt;script>alert('client')&lt;/script>\t"));

        let svg = svg(&plan, lang);
        for raw in ["<script", "<img", "<b>"] {
            assert!(!svg.contains(raw), "{raw} left raw in the SVG");
        }
        assert!(svg.contains("&lt;script&gt;alert(&#39;su&#39;)&lt;/script&gt;"));
    }
}

#[test]
fn the_diagram_marks_a_findings_subject_and_draws_every_system_user() {
    let plan = sysuser::plan::parse(HOSTILE, "hostile.yaml").expect("a valid plan");
    let report = sysuser::engine::check(&plan);
    assert!(
        report
            .findings
            .iter()
            .any(|f| f.client.as_deref() == Some("311800999")),
        "the client missing from `clients:` is a finding"
    );
    let d = sysuser::svg::diagram(&plan, &report, Lang::En, Some(10));
    assert_eq!(d.system_users.len(), 1);
    let body = &d.system_users[0].body;
    assert!(body.contains("311800999 (not among the clients)"));
    assert!(body.contains("class=\"mark sev-error\""), "{body}");
    assert!(body.contains("class=\"su su-client sev-error\""), "{body}");
}

#[test]
fn a_hundred_thousand_clients_make_a_light_page() {
    let plan = sysuser::generate::plan(100_000, 4, 1);
    let html = sysuser::report::report(&plan, Lang::En);
    assert!(html.len() < 5_000_000, "{} bytes", html.len());
    // The diagram is cut as `render` cuts it, and names every system user.
    for su in &plan.system_users {
        assert!(html.contains(&format!("data-system-user=\"{}\"", su.name)));
    }
    assert!(html.contains("more clients"));
    // Every client travels in the route data, once.
    let data_start = html.find("id=\"routes-data\">").expect("route data");
    let data = &html[data_start..];
    for c in plan.clients.iter().step_by(9973) {
        assert_eq!(data.matches(&format!("\n{}\t", c.orgnr)).count(), 1);
    }
}

#[test]
fn the_commands_write_the_page_and_the_drawing_without_progress_in_pipes() {
    let dir = tempfile::tempdir().expect("temp dir");
    let page = dir.path().join("report.html");
    let plan = common::root().join("scenarios/c-multiple-relationship-types.yaml");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_sysuser"))
        .args(["report", "--lang", "nb", "-o"])
        .arg(&page)
        .arg(&plan)
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stdout.is_empty() && out.stderr.is_empty(), "{out:?}");
    let html = std::fs::read_to_string(&page).expect("written");
    // The command's findings point at the plan's lines; otherwise the page is the library's.
    let loaded = sysuser::plan::load_with_source(&plan).expect("loads");
    let mut findings = sysuser::engine::check(&loaded.plan);
    sysuser::commands::check::locate(&mut findings, &loaded.plan, &loaded.source);
    assert!(html.contains("c-multiple-relationship-types.yaml:27:5</code>"));
    assert_eq!(
        html,
        sysuser::report::report_of(&loaded.plan, &findings, Lang::Nb)
    );

    let out = std::process::Command::new(env!("CARGO_BIN_EXE_sysuser"))
        .args(["render", "--lang", "en", "--format", "svg"])
        .arg(&plan)
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stderr.is_empty());
    let svg = String::from_utf8(out.stdout).expect("UTF-8");
    assert_eq!(
        svg,
        self::svg(&load("c-multiple-relationship-types"), Lang::En)
    );
}
