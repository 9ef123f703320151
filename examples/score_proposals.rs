//! The main job: score the sample BPF proposals with the `bpf-proposal` preset and print a
//! ranked, explained result.
//!
//! Run with `cargo run --example score_proposals`.

use std::error::Error;
use std::fs;
use std::path::Path;

use igf_rubric::{Assessment, Scorecard, presets};

fn main() -> Result<(), Box<dyn Error>> {
    let rubric = presets::bpf_proposal()?;
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/data/proposals");
    let mut files: Vec<_> = fs::read_dir(&dir)?
        .map(|entry| entry.map(|e| e.path()))
        .collect::<Result<_, _>>()?;
    files.sort();

    let mut cards: Vec<Scorecard> = Vec::new();
    for file in files
        .iter()
        .filter(|f| f.extension().is_some_and(|e| e == "json"))
    {
        let assessment = Assessment::from_json(&fs::read_to_string(file)?)
            .map_err(|e| format!("{}: {e}", file.display()))?;
        cards.push(rubric.score(&assessment)?);
    }
    // Eligible proposals first, then by published total, highest first; the subject id makes
    // the order of equal totals reproducible.
    cards.sort_by(|a, b| {
        b.eligible
            .cmp(&a.eligible)
            .then_with(|| {
                b.total
                    .map(|t| t.published)
                    .cmp(&a.total.map(|t| t.published))
            })
            .then_with(|| a.subject.id.cmp(&b.subject.id))
    });

    println!(
        "{} v{}: {} proposals\n",
        rubric.doc().title,
        rubric.version(),
        cards.len()
    );
    println!(
        "{:>4}  {:<32} {:>7}  {:<18} {:<12} gates failed",
        "rank", "proposal", "total", "band", "eligible"
    );
    for (rank, card) in cards.iter().enumerate() {
        let total = card
            .total
            .map_or_else(|| "-".to_owned(), |t| t.published.to_string());
        let band = card.band.as_ref().map_or("-", |b| b.label.as_str());
        let failed: Vec<&str> = card
            .gates
            .iter()
            .filter(|g| !g.passed)
            .map(|g| g.id.as_str())
            .collect();
        println!(
            "{:>4}  {:<32} {:>7}  {:<18} {:<12} {}",
            rank + 1,
            card.subject.id,
            total,
            band,
            if card.eligible { "yes" } else { "no" },
            if failed.is_empty() {
                "-".to_owned()
            } else {
                failed.join(", ")
            }
        );
    }
    if let Some(top) = cards.first() {
        println!("\nWhy {} ranks first:\n", top.subject.id);
        print!("{top}");
    }
    Ok(())
}
