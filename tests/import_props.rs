//! Properties of the CSV reader: no text panics it, and any client list
//! written out as CSV (either separator, any quoting) reads back the same.

use proptest::prelude::*;
use sysuser::import::parse_clients_csv;
use sysuser::orgnr::Orgnr;

/// Valid organisation numbers, from 8 random digits plus the check digit.
fn orgnr() -> impl Strategy<Value = String> {
    (10_000_000u32..99_999_999).prop_filter_map("no check digit", |n| {
        Orgnr::with_check_digit(n).map(|o| o.to_string())
    })
}

fn name() -> impl Strategy<Value = String> {
    prop::string::string_regex("[A-Za-zÆØÅæøå0-9 ;,\"'\\-]{0,24}").unwrap()
}

fn quote(field: &str, sep: char) -> String {
    if field.contains(sep)
        || field.contains('"')
        || field.contains('\n')
        || field.starts_with(' ')
        || field.ends_with(' ')
    {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field.to_string()
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn any_text_is_read_or_refused_without_panic(text in ".{0,400}") {
        let _ = parse_clients_csv(&text);
    }

    #[test]
    fn written_clients_read_back(
        rows in prop::collection::vec((orgnr(), name(), any::<bool>(), any::<bool>()), 1..12),
        semicolon in any::<bool>(),
        crlf in any::<bool>(),
    ) {
        let sep = if semicolon { ';' } else { ',' };
        let eol = if crlf { "\r\n" } else { "\n" };
        let mut seen = std::collections::HashSet::new();
        let rows: Vec<_> = rows.into_iter().filter(|r| seen.insert(r.0.clone())).collect();
        let mut text = format!("orgnr{sep}name{sep}er_roles{sep}delegated{eol}");
        for (o, n, regn, sick) in &rows {
            let roles = if *regn { "regnskapsforer revisor" } else { "" };
            let delegated = if *sick { "sykefravaer" } else { "" };
            text.push_str(&format!("{}{sep}{}{sep}{}{sep}{}{eol}", quote(o, sep), quote(n, sep), roles, delegated));
        }
        let clients = parse_clients_csv(&text).map_err(|e| TestCaseError::fail(format!("{e:?}\n{text}")))?;
        prop_assert_eq!(clients.len(), rows.len());
        for (c, (o, n, regn, sick)) in clients.iter().zip(&rows) {
            prop_assert_eq!(c.orgnr.as_str(), o.as_str());
            prop_assert_eq!(&c.name, &n.trim().to_string());
            prop_assert_eq!(c.er_roles.len(), if *regn { 2 } else { 0 });
            prop_assert_eq!(c.delegated.len(), usize::from(*sick));
        }
    }
}
