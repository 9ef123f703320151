//! The main job: a MAG panel reviews six BPF proposals with the `bpf-proposal` preset, and the
//! example prints the review as Markdown: the selection rule, the ranking with each proposal's
//! spread and the reason for every decision, the selection under the Secretariat's capacity,
//! assessments left out and why, values the panel agreed, what to discuss, agreement among
//! assessors, how each group scored, and the assessors' comments.
//!
//! Run with `cargo run --example score_proposals`.
// Tests, examples and benches may panic: the no-panic lints of Cargo.toml are for shipped code.
#![allow(
    clippy::arithmetic_side_effects,
    clippy::indexing_slicing,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::disallowed_methods
)]

use std::error::Error;
use std::fs;
use std::path::Path;

use igf_rubric::{Document, Panel, presets, report};

fn main() -> Result<(), Box<dyn Error>> {
    let rubric = presets::bpf_proposal();
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/data/mag-panel.json");
    let panel = Panel::from_json(&fs::read_to_string(&path)?)
        .map_err(|e| format!("{}: {e}", path.display()))?;
    let review = rubric.review(&panel)?;
    print!("{}", report::panel_markdown(&review, rubric));
    Ok(())
}
