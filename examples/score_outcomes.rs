//! Ex-post evaluation: scores the sample BPF outcome assessments with the `bpf-outcome` preset
//! and prints each one's scorecard as Markdown: its rating on UNEP's six-point labels, the
//! gates, every criterion with its answer and points, and the assessor's comments.
//!
//! Run with `cargo run --example score_outcomes`.
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

use igf_rubric::{Assessment, Document, presets, report};

fn main() -> Result<(), Box<dyn Error>> {
    let rubric = presets::bpf_outcome();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/data/outcomes");
    let mut files: Vec<_> = fs::read_dir(&dir)?
        .map(|entry| entry.map(|e| e.path()))
        .collect::<Result<_, _>>()?;
    files.sort();
    for file in files
        .iter()
        .filter(|f| f.extension().is_some_and(|e| e == "json"))
    {
        let assessment = Assessment::from_json(&fs::read_to_string(file)?)
            .map_err(|e| format!("{}: {e}", file.display()))?;
        let card = rubric.score(&assessment)?;
        println!("{}", report::scorecard_markdown(&card, rubric)?);
    }
    Ok(())
}
