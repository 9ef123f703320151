//! Integration tests: public behaviour of igf-rubric.
// Tests, examples and benches may panic: the no-panic lints of Cargo.toml are for shipped code.
#![allow(
    clippy::arithmetic_side_effects,
    clippy::indexing_slicing,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::disallowed_methods
)]

mod adversarial;
mod agreement;
mod building;
#[cfg(feature = "cli")]
mod cli;
mod common;
mod concurrency;
mod contract;
mod conventions;
mod decision;
mod errors;
mod evaluation;
mod evidence;
mod exactness;
mod example;
mod feedback;
mod floor_plan;
mod labels;
mod lessons;
mod mutations;
mod panel;
mod panel_properties;
mod presets;
mod properties;
mod reader;
mod reliability;
mod report;
mod revision;
mod round_trip;
mod rounding;
mod schemas;
mod schemes;
mod scoring;
#[cfg(feature = "xlsx")]
mod sheets;
