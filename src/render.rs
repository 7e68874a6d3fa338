//! Trees: the plan drawn as the guidance's diagrams.

use crate::plan::Plan;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    /// Box-drawing characters (`├──`, `│`, `└──`).
    #[default]
    Text,
    /// `|--`, `` `-- ``.
    Ascii,
    Markdown,
    Mermaid,
    Dot,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    pub format: Format,
    /// Clients shown per system user before "… and N more clients"; `None`: all.
    pub limit: Option<usize>,
    /// Language of the labels ("en" or "nb").
    pub lang: &'static str,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            format: Format::Text,
            limit: Some(10),
            lang: "en",
        }
    }
}

/// The plan's tree in the requested format.
pub fn render(plan: &Plan, options: &Options) -> String {
    let _ = options;
    format!("{}\n", plan.organisation.name)
}
