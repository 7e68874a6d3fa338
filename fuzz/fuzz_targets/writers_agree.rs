//! Coverage-guided: the fast YAML writer writes what the general writer
//! writes, for any text as a scalar (alone, under a key, in a list) and for
//! any document the fast reader reads (the property `tests/fastyaml_writer.rs`
//! checks on chosen inputs).
#![no_main]

use libfuzzer_sys::fuzz_target;
use serde_json::{Value, json};
use sysuser::fastyaml;

fn same(value: &Value) {
    let general = serde_yaml::to_string(value).unwrap();
    let fast = fastyaml::to_string(value).unwrap();
    assert_eq!(fast, general, "writers differ for {value:?}");
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    same(&json!([text]));
    same(&json!({ "k": text, "l": [text, { "m": text }] }));
    if let Some(doc) = fastyaml::from_str::<Value>(text) {
        same(&doc);
    }
});
