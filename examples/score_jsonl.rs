//! Scores a JSON Lines export of assessments (one assessment per line, as a form or a
//! spreadsheet export writes them) against a preset rubric, and prints how many scored, how
//! many have no total, and the sum of the published totals. Lines that do not read or score
//! are reported with their line number and error, and do not stop the run.
//!
//! `cargo run --release --example score_jsonl -- FILE.jsonl [PRESET]` (default `bpf-proposal`).
//! `benches/peers/compare.sh` measures this program's peak memory.
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
use std::io::{BufRead, BufReader};

use igf_rubric::{Assessment, Decimal, Document, presets};

fn main() -> Result<(), Box<dyn Error>> {
    let mut args = std::env::args().skip(1);
    let file = args
        .next()
        .ok_or("usage: score_jsonl FILE.jsonl [PRESET]")?;
    let preset = args.next().unwrap_or_else(|| "bpf-proposal".to_owned());
    let rubric = presets::get(&preset).ok_or_else(|| format!("no preset `{preset}`"))?;
    let (mut scored, mut without_total, mut failed, mut sum) =
        (0_usize, 0_usize, 0_usize, Decimal::ZERO);
    for (number, line) in BufReader::new(std::fs::File::open(&file)?)
        .lines()
        .enumerate()
    {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        match Assessment::from_json(&line).and_then(|a| rubric.score_owned(a)) {
            Ok(card) => {
                scored += 1;
                match card.total {
                    Some(total) => sum = sum.checked_add(total.published).ok_or("sum overflow")?,
                    None => without_total += 1,
                }
            }
            Err(error) => {
                failed += 1;
                eprintln!("line {}: {error}", number + 1);
            }
        }
    }
    println!(
        "{scored} scored ({without_total} without a total), {failed} refused; totals sum to {sum}"
    );
    Ok(())
}
