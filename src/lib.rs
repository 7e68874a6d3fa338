//! sysuser: plan, check, draw and route Altinn system users.
//!
//! Data flows one way: plan file → [`plan`] → [`advisor`] → [`engine`]
//! (findings) → [`render`] / export / [`route`]. The core knows nothing of
//! terminals; [`cli`] and [`tui`] are thin front ends over the same functions.

pub mod advisor;
pub mod altinn_import;
pub mod analysis;
pub mod catalog;
pub mod catalog_diff;
pub mod checklist;
pub mod cli;
pub mod commands;
pub mod compare;
pub mod decision;
pub mod diff;
pub mod engine;
pub mod fastyaml;
pub mod fsutil;
pub mod generate;
pub mod import;
pub mod lang;
pub mod letters;
pub mod markup;
pub mod orgnr;
pub mod pkgset;
pub mod plan;
pub mod progress;
pub mod render;
pub mod report;
pub mod role;
pub mod route;
pub mod rules;
pub mod runbook;
pub mod scalar;
pub mod schema;
pub mod svg;
pub mod text;
pub mod tokens;
pub mod tui;
