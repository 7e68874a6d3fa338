//! Coverage-guided: whenever the fast YAML reader accepts a text, the general
//! parser reads the same value from it, as a generic value and as a plan
//! (the property `tests/fastyaml_exact.rs` checks on chosen inputs).
#![no_main]

use libfuzzer_sys::fuzz_target;
use sysuser::fastyaml;
use sysuser::plan::Plan;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Some(fast) = fastyaml::from_str::<serde_json::Value>(text) {
        let full: Result<serde_json::Value, _> = serde_yaml::from_str(text);
        assert_eq!(Some(&fast), full.as_ref().ok(), "value differs for {text:?}");
    }
    if let Some(fast) = fastyaml::from_str::<Plan>(text) {
        let full: Result<Plan, _> = serde_yaml::from_str(text);
        assert_eq!(Some(&fast), full.as_ref().ok(), "plan differs for {text:?}");
    }
});
