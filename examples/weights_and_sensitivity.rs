//! Where the weights come from, and how much the ranking depends on them: the MAG sets the
//! weights of the `bpf-proposal` rubric's criteria by AHP (with the consistency ratio), ranks
//! the sample proposals by weighted sum, TOPSIS, VIKOR and PROMETHEE II on the panel's
//! combined scores, shows where the methods agree, and reports how stable the top 3 are.
//!
//! Run with `cargo run --example weights_and_sensitivity`.
// Tests, examples and benches may panic: the no-panic lints of Cargo.toml are for shipped code.
#![allow(
    clippy::arithmetic_side_effects,
    clippy::indexing_slicing,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::disallowed_methods
)]

use igf_rubric::Document;
use std::error::Error;
use std::fs;
use std::path::Path;

use igf_rubric::decision::{
    DecisionMatrix, Method, Normalisation, PairwiseMatrix, PreferenceFunction, PriorityMethod,
    Sampling, Weights, ahp, borda, equal, kendall_tau, one_at_a_time, rank_acceptability,
};
use igf_rubric::{Panel, presets};

fn main() -> Result<(), Box<dyn Error>> {
    let rubric = presets::bpf_proposal();
    let panel = Panel::from_json(&fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/data/mag-panel.json"),
    )?)?;
    let review = rubric.review(&panel)?;
    // Proposals by name and year, as the MAG knows them.
    let name = |id: &str| -> String {
        review
            .subjects
            .iter()
            .find(|s| s.subject.id == id)
            .map_or_else(
                || id.to_owned(),
                |s| format!("{} ({})", s.subject.title, s.subject.year),
            )
    };
    let criterion = |id: &str| -> String {
        rubric
            .criterion(id)
            .map_or_else(|| id.to_owned(), |c| format!("{id} {}", c.name))
    };

    // 1. Weights by AHP over the seven top-level criteria P1..P7 (illustrative comparisons:
    // relevance and a feasible plan matter most, coherence least).
    let top = ["P1", "P2", "P3", "P4", "P5", "P6", "P7"];
    let upper = [
        2.0,
        2.0,
        1.0,
        2.0,
        3.0,
        3.0, // P1 over P2..P7
        1.0,
        1.0 / 2.0,
        1.0,
        2.0,
        2.0, // P2 over P3..P7
        1.0 / 2.0,
        1.0,
        2.0,
        2.0, // P3 over P4..P7
        2.0,
        3.0,
        3.0, // P4 over P5..P7
        2.0,
        2.0, // P5 over P6, P7
        1.0, // P6 over P7
    ];
    let groups = ahp(
        &PairwiseMatrix::from_upper(&upper)?,
        PriorityMethod::Eigenvector,
    )?;
    let consistency = groups
        .consistency
        .clone()
        .ok_or("AHP always reports its consistency")?;
    println!("# Weights by AHP (principal eigenvector)\n");
    println!("| Criterion | Weight |\n|---|---:|");
    for (id, w) in top.iter().zip(&groups.values) {
        println!("| {} | {w:.4} |", criterion(id));
    }
    println!(
        "\nlambda_max = {:.4}, CI = {:.4}, RI = {:.2} from {}, CR = {:.4}: {}.",
        consistency.lambda_max,
        consistency.index,
        consistency.random_index,
        consistency.random_index_table.citation(),
        consistency.ratio,
        consistency.verdict
    );
    let decimals = groups.to_decimals(2)?;
    let written: Vec<String> = decimals.iter().map(ToString::to_string).collect();
    println!(
        "Written into a rubric at two places (largest remainder, adding up to 1): {}.",
        written.join(", ")
    );
    // Equal weights written apart: say why, or a reader takes it for a mistake.
    for i in 0..top.len() {
        for j in i + 1..top.len() {
            if (groups.values[i] - groups.values[j]).abs() < 1e-12 && decimals[i] != decimals[j] {
                println!(
                    "{} and {} weigh the same ({:.4}) but are written {} and {}: rounded alone, the seven would add up to {}, so the largest-remainder method takes the last hundredth from one of the two, the later in the rubric's order.",
                    top[i],
                    top[j],
                    groups.values[i],
                    decimals[i],
                    decimals[j],
                    groups
                        .values
                        .iter()
                        .map(|w| (w * 100.0).round() / 100.0)
                        .sum::<f64>()
                );
            }
        }
    }
    println!();

    // 2. The decision matrix: the panel's combined normalised scores on the scored leaves.
    // P5 is a group of two leaves, which share its weight equally.
    let (matrix, left_out) = DecisionMatrix::from_panel(&review, rubric)?;
    let locals: Vec<Weights> = top
        .iter()
        .map(|id| equal(if *id == "P5" { 2 } else { 1 }))
        .collect::<Result<_, _>>()?;
    let weights = Weights::hierarchy(&groups, &locals)?.values;
    if !left_out.is_empty() {
        println!(
            "Left out for lack of a combined score on every criterion: {}.\n",
            left_out
                .iter()
                .map(|id| name(id))
                .collect::<Vec<_>>()
                .join("; ")
        );
    }

    // 3. Four methods.
    let preferences = vec![PreferenceFunction::Linear { q: 0.05, p: 0.3 }; weights.len()];
    let methods = [
        Method::WeightedSum {
            normalisation: Normalisation::None,
        },
        Method::Topsis {
            normalisation: Normalisation::Vector,
        },
        Method::Vikor {
            v: 0.5,
            compromise_set: false,
        },
        Method::PrometheeII { preferences },
    ];
    let rankings = methods
        .iter()
        .map(|m| m.rank(&matrix, &weights))
        .collect::<Result<Vec<_>, _>>()?;
    let compromise = borda(&rankings.iter().map(|r| r.ranks.clone()).collect::<Vec<_>>())?;
    println!("# Rankings\n");
    println!(
        "| Proposal | Weighted sum | TOPSIS | VIKOR (Q) | PROMETHEE II | Borda |\n|---|---:|---:|---:|---:|---:|"
    );
    for (i, subject) in matrix.subjects().iter().enumerate() {
        let cells: Vec<String> = rankings
            .iter()
            .map(|r| format!("{} ({:.3})", r.ranks[i], r.scores[i]))
            .collect();
        println!(
            "| {} | {} | {} |",
            name(subject),
            cells.join(" | "),
            compromise[i]
        );
    }
    if let igf_rubric::decision::RankingDetails::Vikor {
        acceptable_advantage,
        acceptable_stability,
        compromise,
        ..
    } = &rankings[2].details
    {
        let names: Vec<String> = compromise
            .iter()
            .map(|i| name(&matrix.subjects()[*i]))
            .collect();
        let held = |held: bool| if held { "holds" } else { "does not hold" };
        println!(
            "\nVIKOR: the leader's acceptable advantage {}, its acceptable stability {}; the compromise solution is {}.",
            held(*acceptable_advantage),
            held(*acceptable_stability),
            names.join("; ")
        );
    }
    println!("\n# Where the methods agree (Kendall's tau-b of the scores)\n");
    let names = ["weighted sum", "TOPSIS", "VIKOR", "PROMETHEE II"];
    for a in 0..rankings.len() {
        for b in a + 1..rankings.len() {
            // VIKOR's Q is lower-better: compare its ranks, not its scores.
            let score =
                |i: usize| -> Vec<f64> { rankings[i].ranks.iter().map(|r| -(*r as f64)).collect() };
            println!(
                "- {} and {}: {:.3}",
                names[a],
                names[b],
                kendall_tau(&score(a), &score(b))?
            );
        }
    }

    // 4. How stable is the top 3?
    let weighted_sum = &methods[0];
    println!("\n# How stable the top 3 is (weighted sum)\n");
    println!(
        "One weight at a time (the others rescaled in proportion), the interval within which the selection holds:\n"
    );
    println!("| Criterion | Weight | Selection holds for |\n|---|---:|---|");
    for interval in one_at_a_time(&matrix, &weights, weighted_sum, 3)? {
        println!(
            "| {} | {:.4} | {:.4} to {:.4} |",
            criterion(&interval.criterion),
            interval.weight,
            interval.selection_holds.0,
            interval.selection_holds.1
        );
    }
    let sampling = Sampling::Dirichlet {
        concentration: 50.0,
    };
    let acceptability =
        rank_acceptability(&matrix, &weights, weighted_sum, 3, sampling, 10_000, 2026)?;
    println!(
        "\nWeights sampled around the AHP weights (Dirichlet, concentration 50; 10,000 samples; seed 2026):\n"
    );
    println!("| Proposal | P(rank 1) | P(in the top 3) |\n|---|---:|---:|");
    for (i, subject) in acceptability.subjects.iter().enumerate() {
        println!(
            "| {} | {:.3} | {:.3} |",
            name(subject),
            acceptability.rank_probability[i][0],
            acceptability.selected_probability[i]
        );
    }
    Ok(())
}
