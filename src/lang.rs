//! The languages sysuser speaks: English and Norwegian bokmål. The core
//! (engine, advisor, decision tree) takes a [`Lang`] for its texts; the
//! command line and the wizard choose it.

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    En,
    Nb,
}

impl Lang {
    /// The language from `LANG`/`LC_ALL`/`LC_MESSAGES`: Norwegian (nb, no, nn) gives bokmål.
    pub fn from_env() -> Lang {
        let v = ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|k| std::env::var(k).ok())
            .find(|v| !v.is_empty())
            .unwrap_or_default()
            .to_lowercase();
        if v.starts_with("nb") || v.starts_with("no") || v.starts_with("nn") {
            Lang::Nb
        } else {
            Lang::En
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Nb => "nb",
        }
    }

    /// The language for a code as `render` and `Question::text` take it:
    /// "nb" (and "no", "nn") is bokmål, anything else English.
    pub fn from_code(code: &str) -> Lang {
        match code {
            "nb" | "no" | "nn" => Lang::Nb,
            _ => Lang::En,
        }
    }
}
