//! `sysuser import` and `import::parse_clients_csv`: the CSV dialects people
//! export from spreadsheets, every bad row reported, nothing written on errors.

mod common;
use common::sysuser_in;

fn run(args: &[&str], dir: &Path) -> Output {
    sysuser_in(dir, args)
}

use std::path::Path;
use std::process::{Command, Output};
use sysuser::cli::Lang;
use sysuser::import::{parse_client_list, parse_clients_csv};
use sysuser::plan::ErRole;

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

const PLAN: &str = r#"version: 1
organisation: { orgnr: "310202398", name: DISKRET NÆR TIGER AS, unit_type: AS }
system: { id: "991825827_smartcloud", vendor: "991825827", access_packages: [regnskapsforer-med-signeringsrettighet] }
clients:
  - orgnr: "311037889"
    name: Old Name AS
    unit_type: AS
    er_roles: [regnskapsforer]
    sub_entity: true
system_users:
  - name: Accounting
    external_ref: accounting
    type: client
    access_packages: [regnskapsforer-med-signeringsrettighet]
    clients: ["311037889"]
"#;

#[test]
fn comma_file_in_canonical_columns() {
    let c = parse_clients_csv(
        "orgnr,name,unit_type,er_roles,delegated\n\
         311037889,Client A AS,AS,regnskapsforer,\n\
         974760673,Client B AS,as,regnskapsforer revisor,sykefravaer a-ordning\n",
    )
    .unwrap();
    assert_eq!(c.len(), 2);
    assert_eq!(c[0].orgnr.as_str(), "311037889");
    assert!(c[0].delegated.is_empty());
    assert_eq!(c[1].unit_type.as_ref().unwrap().as_str(), "AS");
    assert_eq!(c[1].er_roles, vec![ErRole::REGNSKAPSFORER, ErRole::REVISOR]);
    let codes: Vec<&str> = c[1].delegated.iter().map(|p| p.code()).collect();
    assert_eq!(codes, ["sykefravaer", "a-ordning"]);
}

#[test]
fn columns_in_any_order_norwegian_headers_and_er_codes() {
    let c = parse_clients_csv(
        "Delegert;ROLLER;Navn;Organisasjonsnummer;Organisasjonsform;Organisasjonsledd\n\
         urn:altinn:accesspackage:sykefravaer;FFØR;Borettslaget;311 037 889;brl;ja\n",
    )
    .unwrap();
    assert_eq!(c[0].orgnr.as_str(), "311037889");
    assert_eq!(c[0].name, "Borettslaget");
    assert_eq!(c[0].er_roles, vec![ErRole::FORRETNINGSFORER]);
    assert_eq!(c[0].delegated[0].code(), "sykefravaer");
    assert_eq!(c[0].unit_type.as_ref().unwrap().as_str(), "BRL");
    assert!(c[0].sub_entity);
}

/// Every ER role that makes a client relationship, by id or ER code;
/// `supplier` never does.
#[test]
fn every_client_making_er_role_by_id_or_code() {
    let c = parse_clients_csv("orgnr;er_roles\n311037889;DAGL, styreleder, KNUF, ffor\n").unwrap();
    let ids: Vec<&str> = c[0].er_roles.iter().map(|r| r.as_str()).collect();
    assert_eq!(
        ids,
        [
            "daglig-leder",
            "styreleder",
            "kontaktperson-nuf",
            "forretningsforer"
        ]
    );
    let e = parse_clients_csv("orgnr;er_roles\n311037889;supplier\n").unwrap_err();
    assert!(
        e[0].message(Lang::En)
            .contains("unknown ER role `supplier`"),
        "{e:?}"
    );
    let e = parse_clients_csv("orgnr;er_roles\n311037889;dagligleder\n").unwrap_err();
    assert!(
        e[0].message(Lang::En)
            .contains("did you mean `daglig-leder`"),
        "{e:?}"
    );
}

#[test]
fn quotes_escapes_multiline_fields_bom_crlf_and_blank_lines() {
    let c = parse_clients_csv(
        "\u{feff}orgnr;name;er_roles\r\n\r\n\
         \"311037889\";\"Hansen \"\"Regnskap\"\"; avd. 2\";REGN\r\n\
         ;;\r\n\
         974760673;\"Two\r\nlines\";revisor\r\n",
    )
    .unwrap();
    assert_eq!(c.len(), 2);
    assert_eq!(c[0].name, "Hansen \"Regnskap\"; avd. 2");
    // A line break typed in a cell is kept, as `\n` (a bare CR could overwrite a terminal line).
    assert_eq!(c[1].name, "Two\nlines");
}

#[test]
fn only_orgnr_is_required_and_operational_units_are_lists() {
    let l = parse_client_list("orgnr,operational_units\n311037889,974760673 310202398\n").unwrap();
    assert_eq!(l.clients[0].operational_units.len(), 2);
    assert_eq!(l.lines, vec![2]);
}

#[test]
fn every_bad_row_is_reported_by_line() {
    let e = parse_clients_csv(
        "orgnr;name;unit_type;er_roles;delegated\n\
         311037889;Good AS;AS;regnskapsforer;\n\
         310202399;Bad check digit AS;AS;regnskapsforer;\n\
         311037889;Duplicate AS;AS;revisor;\n\
         12345;Short;AS;;\n\
         974760673;Bad everything;ASS;boss;sykmelding\n\
         x;too;many;fields;here;really\n",
    )
    .unwrap_err();
    let lines: Vec<usize> = e.iter().map(|e| e.line).collect();
    assert_eq!(lines, [3, 4, 5, 6, 6, 6, 7], "{e:#?}");
    assert!(
        e[0].message(Lang::En).contains("mod-11"),
        "{}",
        e[0].message(Lang::En)
    );
    assert!(
        e[1].message(Lang::En).contains("first on line 2"),
        "{}",
        e[1].message(Lang::En)
    );
    assert!(
        e[2].message(Lang::En).contains("9 digits"),
        "{}",
        e[2].message(Lang::En)
    );
    assert!(
        e[3].message(Lang::En).contains("`ASS`"),
        "{}",
        e[3].message(Lang::En)
    );
    assert!(
        e[4].message(Lang::En).contains("unknown ER role `boss`"),
        "{}",
        e[4].message(Lang::En)
    );
    assert!(
        e[5].message(Lang::En).contains("`sykefravaer`"),
        "nearest code: {}",
        e[5].message(Lang::En)
    );
    assert!(
        e[6].message(Lang::En).contains("6 fields"),
        "{}",
        e[6].message(Lang::En)
    );
}

#[test]
fn header_problems_are_reported() {
    let e = parse_clients_csv("orgnummer;nmae\n311037889;A\n").unwrap_err();
    assert_eq!(e.len(), 1);
    assert!(
        e[0].message(Lang::En).contains("did you mean `name`"),
        "{}",
        e[0].message(Lang::En)
    );
    let e = parse_clients_csv("name;unit_type\nA;AS\n").unwrap_err();
    assert!(
        e[0].message(Lang::En).contains("no `orgnr` column"),
        "{}",
        e[0].message(Lang::En)
    );
    let e = parse_clients_csv("orgnr;navn;name\n").unwrap_err();
    assert!(
        e[0].message(Lang::En).contains("appears twice"),
        "{}",
        e[0].message(Lang::En)
    );
    assert!(parse_clients_csv("").is_err());
    assert!(parse_clients_csv("\u{feff}\r\n  \r\n").is_err());
    let e = parse_clients_csv("orgnr\n").unwrap_err();
    assert!(
        e[0].message(Lang::En).contains("no client rows"),
        "{}",
        e[0].message(Lang::En)
    );
}

#[test]
fn text_after_closing_quote_is_an_error() {
    let e = parse_clients_csv("orgnr,name\n311037889,\"A\"B\n").unwrap_err();
    assert_eq!(e[0].line, 2);
    assert!(e[0].message(Lang::En).contains("closing quote"));
}

#[test]
fn cli_prints_a_clients_list_without_into() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("clients.csv"),
        "orgnr;navn;organisasjonsform;roller;delegert\n311037889;Client A AS;AS;regnskapsforer;sykefravaer\n",
    )
    .unwrap();
    let out = run(&["import", "clients.csv"], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let yaml = text(&out.stdout);
    assert!(yaml.starts_with("clients:\n"), "{yaml}");
    assert!(
        yaml.contains("orgnr: '311037889'") || yaml.contains("orgnr: \"311037889\""),
        "{yaml}"
    );
    assert!(yaml.contains("- sykefravaer"), "{yaml}");

    let out = run(&["import", "clients.csv", "-o", "out.yaml"], dir.path());
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("out.yaml")).unwrap(),
        yaml
    );
}

#[test]
fn cli_two_bad_rows_reports_both_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("clients.csv"),
        "orgnr,name,unit_type,er_roles,delegated\n\
         311037889,Good,AS,regnskapsforer,\n\
         310202399,Bad digit,AS,regnskapsforer,\n\
         974760673,Bad role,AS,regnskapsfører boss,\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("plan.yaml"), PLAN).unwrap();
    let out = run(
        &["import", "clients.csv", "--into", "plan.yaml"],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(
        err.contains("clients.csv:3: orgnr: 310202399 fails the mod-11"),
        "{err}"
    );
    assert!(
        err.contains("clients.csv:4: er_roles: unknown ER role `boss`"),
        "{err}"
    );
    assert!(!err.contains("clients.csv:2:"), "{err}");
    assert!(err.contains("nothing was written"), "{err}");
    assert_eq!(
        std::fs::read_to_string(dir.path().join("plan.yaml")).unwrap(),
        PLAN
    );
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 2);
}

#[test]
fn cli_merges_into_a_plan() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("clients.csv"),
        "orgnr;name;er_roles;delegated\n\
         311037889;;regnskapsforer revisor;\n\
         974760673;New Client AS;regnskapsforer;sykefravaer\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("plan.yaml"), PLAN).unwrap();
    let out = run(
        &[
            "import",
            "clients.csv",
            "--into",
            "plan.yaml",
            "-o",
            "merged.yaml",
        ],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(text(&out.stderr).contains("1 added, 1 updated"));
    assert!(text(&out.stdout).is_empty());
    assert_eq!(
        std::fs::read_to_string(dir.path().join("plan.yaml")).unwrap(),
        PLAN
    );
    let merged = sysuser::plan::load(&dir.path().join("merged.yaml")).unwrap();
    assert_eq!(merged.clients.len(), 2);
    let a = &merged.clients[0];
    assert_eq!(a.name, "Old Name AS", "an empty name keeps the old one");
    assert_eq!(
        a.unit_type.as_ref().unwrap().as_str(),
        "AS",
        "no unit_type column: kept"
    );
    assert!(a.sub_entity, "no sub_entity column: kept");
    assert_eq!(a.er_roles, vec![ErRole::REGNSKAPSFORER, ErRole::REVISOR]);
    assert_eq!(merged.clients[1].name, "New Client AS");
    let original = sysuser::plan::parse(PLAN, "p").unwrap();
    assert_eq!(merged.system_users, original.system_users);

    let out = run(
        &["import", "clients.csv", "--into", "plan.yaml"],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(0));
    let back = sysuser::plan::load(&dir.path().join("plan.yaml")).unwrap();
    assert_eq!(back, merged);
}

#[test]
fn cli_bad_into_plan_is_bad_input() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("clients.csv"), "orgnr\n311037889\n").unwrap();
    std::fs::write(dir.path().join("plan.yaml"), "version: 1\nclents: []\n").unwrap();
    let out = run(
        &["import", "clients.csv", "--into", "plan.yaml"],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("plan.yaml"));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("plan.yaml")).unwrap(),
        "version: 1\nclents: []\n"
    );
}

#[test]
fn cli_reads_windows_1252_and_refuses_missing_files() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("clients.csv"),
        b"orgnr;navn\n311037889;Gr\xfcnerl\xf8kka bydel\n",
    )
    .unwrap();
    let out = run(&["import", "clients.csv"], dir.path());
    assert_eq!(out.status.code(), Some(0));
    assert!(text(&out.stdout).contains("Grünerløkka bydel"));
    assert!(text(&out.stderr).contains("Windows-1252"));
    let out = run(&["import", "nope.csv"], dir.path());
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("nope.csv: no such file"));
}

#[test]
fn excel_sep_line_sets_the_separator_and_keeps_line_numbers() {
    let l = parse_client_list("sep=,\norgnr,name\n311037889,Hansen; Regnskap\n").unwrap();
    assert_eq!(l.clients[0].name, "Hansen; Regnskap");
    assert_eq!(l.lines, vec![3]);
    let e = parse_clients_csv("sep=;\r\norgnr;name\r\n310202399;X\r\n").unwrap_err();
    assert_eq!(e[0].line, 3);
}

#[test]
fn cli_reads_files_from_real_editors() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    // Notepad/PowerShell: UTF-8 with a BOM. Excel: trailing empty columns
    // in the header and the rows.
    std::fs::write(
        d.join("bom.csv"),
        "\u{feff}orgnr;navn;;;\r\n311037889;Grünerløkka AS;;;\r\n974760673;Tøyen AS;;\r\n",
    )
    .unwrap();
    let out = run(&["import", "bom.csv"], d);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let yaml = text(&out.stdout);
    assert!(yaml.contains("name: Grünerløkka AS"), "{yaml}");
    assert!(yaml.contains("name: Tøyen AS"), "{yaml}");
    assert!(!text(&out.stderr).contains("Windows-1252"));
}

#[test]
fn cli_decodes_a_file_mixing_utf8_and_windows_1252_by_cell_and_names_the_lines() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let mut bytes = "orgnr;navn\n311037889;Grünerløkka AS\n".as_bytes().to_vec();
    bytes.extend_from_slice(b"974760673;T\xf8yen AS\n");
    std::fs::write(d.join("mixed.csv"), &bytes).unwrap();
    let out = run(&["import", "mixed.csv"], d);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let yaml = text(&out.stdout);
    assert!(
        yaml.contains("Grünerløkka AS") && yaml.contains("Tøyen AS"),
        "{yaml}"
    );
    assert!(
        text(&out.stderr).contains("mixed.csv: line 3 is not UTF-8; read as Windows-1252"),
        "{}",
        text(&out.stderr)
    );
    // One cell with both: either reading garbles part of it, so it is refused.
    bytes.extend_from_slice(b"310202398;Bl\xe5 ");
    bytes.extend_from_slice("Grønn AS\n".as_bytes());
    std::fs::write(d.join("mixed.csv"), &bytes).unwrap();
    let out = run(&["import", "mixed.csv"], d);
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(
        err.contains("mixed.csv:4: a cell mixes UTF-8 and Windows-1252"),
        "{err}"
    );
    assert!(out.stdout.is_empty());
}

#[test]
fn cli_lists_every_error_on_its_own_line() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(
        d.join("bad.csv"),
        "orgnr;er_roles\n12345;regnskapsforer\n311037889;regnskap\n310202399;revisor\n",
    )
    .unwrap();
    let out = run(&["import", "bad.csv"], d);
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 4, "{err}");
    assert!(lines[0].starts_with("bad.csv:2: orgnr: "), "{err}");
    assert!(
        lines[1].starts_with("bad.csv:3: er_roles: unknown ER role"),
        "{err}"
    );
    assert!(
        lines[2].starts_with("bad.csv:4: orgnr: 310202399 fails"),
        "{err}"
    );
    assert_eq!(
        lines[3],
        "error: bad.csv: 3 problems on 3 lines; nothing was written"
    );
    // In bokmål, the whole summary is.
    let out = run(&["import", "bad.csv", "--lang", "nb"], d);
    let err = text(&out.stderr);
    assert_eq!(
        err.lines().last(),
        Some("error: bad.csv: 3 feil på 3 linjer; ingenting ble skrevet"),
        "{err}"
    );
}

#[test]
fn cli_reads_standard_input_and_refuses_devices() {
    use std::io::Write;
    let dir = tempfile::tempdir().unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_sysuser"))
        .args(["import", "-"])
        .current_dir(dir.path())
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"orgnr\n311037889\n")
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("311037889"));
    #[cfg(unix)]
    {
        let out = run(&["import", "/dev/zero"], dir.path());
        assert_eq!(out.status.code(), Some(2));
        assert!(
            text(&out.stderr).contains("cannot read /dev/zero: it is not a regular file"),
            "{}",
            text(&out.stderr)
        );
    }
}

#[test]
fn the_wizard_reads_the_same_files_through_the_same_function() {
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = b"\xef\xbb\xbforgnr;navn;;\n311037889;T\xf8yen AS;;\n".to_vec();
    let path = dir.path().join("c.csv");
    std::fs::write(&path, &bytes).unwrap();
    let read = sysuser::import::read_client_file(&path).unwrap();
    assert_eq!(read.list.clients[0].name, "Tøyen AS");
    assert_eq!(read.notes.len(), 1);
    bytes.extend_from_slice(b"12;x\n");
    std::fs::write(&path, &bytes).unwrap();
    let e = sysuser::import::read_client_file(&path).unwrap_err();
    let shown = e.to_string();
    assert!(shown.contains("c.csv:3: orgnr: "), "{shown}");
    assert!(shown.ends_with("c.csv: 1 problem on 1 line"), "{shown}");
}
