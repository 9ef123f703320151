//! The main job: a MAG panel reviews six BPF proposals with the `bpf-proposal` preset, and the
//! example prints the ranking with spread and divergence, the panel's reliability, the
//! selection under the Secretariat's capacity with reasons, and the explanation of the top
//! proposal.
//!
//! Run with `cargo run --example score_proposals`.

use std::error::Error;
use std::fs;
use std::path::Path;

use igf_rubric::{
    Coefficient, Decimal, Panel, PanelReport, Rounding, RoundingMode, SubjectReport, presets,
};

/// `value` rounded half-even to `dp` places and padded, as every number here is printed.
fn shown(value: Decimal, dp: u32) -> String {
    Rounding {
        dp,
        mode: RoundingMode::HalfEven,
    }
    .apply(value)
    .map_or_else(|e| e.to_string(), |v| v.to_string())
}

fn main() -> Result<(), Box<dyn Error>> {
    let rubric = presets::bpf_proposal();
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/data/mag-panel.json");
    let panel = Panel::from_json(&fs::read_to_string(&path)?)
        .map_err(|e| format!("{}: {e}", path.display()))?;
    let report = rubric.review(&panel)?;

    println!("{} v{}", rubric.doc().title, rubric.version());
    println!(
        "{} assessments of {} proposals; combined by {}, at least {} valid assessors each\n",
        panel.assessments.len(),
        report.subjects.len(),
        report.rules.aggregation,
        report.rules.min_assessors
    );
    ranking(&report);
    reliability(&report);
    selection(&report);
    if let Some(top) = report.subjects.first() {
        explain(top);
    }
    Ok(())
}

fn ranking(report: &PanelReport) {
    println!(
        "{:>4}  {:<31} {:>6} {:>6} {:>6} {:>3}  {:<17} flags",
        "rank", "proposal", "total", "sd", "range", "n", "band"
    );
    for s in &report.subjects {
        let rank = s.rank.map_or_else(|| "-".to_owned(), |r| r.to_string());
        let total = s
            .total
            .map_or_else(|| "-".to_owned(), |t| t.published.to_string());
        let sd = s
            .spread
            .as_ref()
            .and_then(|x| x.sd)
            .map_or_else(|| "-".to_owned(), |v| shown(v, 2));
        let range = s
            .spread
            .as_ref()
            .map_or_else(|| "-".to_owned(), |x| shown(x.range, 2));
        let n = s.assessors.iter().filter(|a| a.included).count();
        let band = s.band.as_ref().map_or("-", |b| b.label.as_str());
        let mut flags: Vec<String> = Vec::new();
        if s.divergent {
            flags.push("totals diverge".to_owned());
        }
        let divergent: Vec<&str> = s
            .criteria
            .iter()
            .filter(|c| c.divergent)
            .map(|c| c.id.as_str())
            .collect();
        if !divergent.is_empty() {
            flags.push(format!("discuss {}", divergent.join(", ")));
        }
        let excluded = s.assessors.len().saturating_sub(n);
        if excluded > 0 {
            flags.push(format!("{excluded} excluded"));
        }
        if !s.consensus.is_empty() {
            flags.push("consensus".to_owned());
        }
        if !s.tied_with.is_empty() {
            flags.push(format!("tied with {}", s.tied_with.join(", ")));
        }
        println!(
            "{:>4}  {:<31} {:>6} {:>6} {:>6} {:>3}  {:<17} {}",
            rank,
            s.subject.id,
            total,
            sd,
            range,
            n,
            band,
            flags.join("; ")
        );
    }
}

fn coefficient(c: &Coefficient) -> String {
    match (c.value, c.interpretation, &c.note) {
        (Some(v), Some(band), _) => format!("{v:.3} ({})", band.label()),
        (_, _, Some(note)) => format!("undefined: {note}"),
        _ => "-".to_owned(),
    }
}

fn reliability(report: &PanelReport) {
    let r = &report.reliability;
    println!("\nReliability of the panel");
    println!(
        "  Krippendorff's alpha (interval) of the totals: {}",
        coefficient(&r.totals_alpha)
    );
    if let Some(bands) = &r.bands_alpha {
        println!(
            "  Krippendorff's alpha (ordinal) of the bands: {}",
            coefficient(bands)
        );
    }
    match &r.icc_note {
        Some(note) => println!("  ICC of the totals, {note}:"),
        None => println!("  ICC of the totals:"),
    }
    for icc in r
        .totals_icc
        .iter()
        .filter(|i| i.name == "ICC(2,1)" || i.name == "ICC(2,k)")
    {
        println!(
            "    {} = {}: {:.3}, 95% CI [{:.3}, {:.3}] ({})",
            icc.name,
            icc.mcgraw_wong,
            icc.value,
            icc.ci95_lower,
            icc.ci95_upper,
            icc.interpretation.label()
        );
    }
    let criteria: Vec<String> = r
        .criteria_alpha
        .iter()
        .map(|c| {
            format!(
                "{} {}",
                c.criterion,
                c.alpha.value.map_or("-".to_owned(), |v| format!("{v:.2}"))
            )
        })
        .collect();
    println!("  alpha by criterion: {}", criteria.join(", "));
    let groups: Vec<String> = report
        .breakdown
        .stakeholder_groups
        .iter()
        .map(|g| {
            let sign = if g.mean_difference.is_sign_negative() {
                ""
            } else {
                "+"
            };
            format!("{} {sign}{}", g.group, shown(g.mean_difference, 2))
        })
        .collect();
    println!(
        "  mean difference from the panel, by stakeholder group: {}",
        groups.join(", ")
    );
}

fn selection(report: &PanelReport) {
    let capacity = report
        .rules
        .capacity
        .map_or_else(|| "unlimited".to_owned(), |c| c.to_string());
    println!(
        "\nSelection (capacity {capacity}): {}",
        report.selected.join(", ")
    );
    for s in &report.subjects {
        let mark = if s.decision.selected {
            "selected"
        } else {
            "not selected"
        };
        println!(
            "  {:<31} {:<13} {}: {}",
            s.subject.id, mark, s.decision.reason, s.decision.explanation
        );
    }
}

fn explain(top: &SubjectReport) {
    println!("\nWhy {} ranks first", top.subject.id);
    for a in &top.assessors {
        let total = a
            .total
            .map_or_else(|| "-".to_owned(), |t| t.published.to_string());
        let note = a
            .excluded_because
            .as_deref()
            .map_or(String::new(), |why| format!(" (excluded: {why})"));
        let who = format!("{}, {}", a.stakeholder_group, a.region);
        println!("  {:<7} {:<68} {:>6}{note}", a.id, who, total);
    }
    println!(
        "  {:<12} {:>3} {:>8} {:>8} {:>6}",
        "criterion", "n", "combined", "raw", "range"
    );
    for c in top.criteria.iter().filter(|c| c.n > 0) {
        let normalised = c.normalised.map_or_else(|| "-".to_owned(), |v| shown(v, 4));
        let raw = c.raw.map_or_else(|| "-".to_owned(), |v| shown(v, 2));
        let range = c
            .spread
            .as_ref()
            .map_or_else(|| "-".to_owned(), |s| shown(s.range, 2));
        println!(
            "  {:<12} {:>3} {:>8} {:>8} {:>6}",
            c.id, c.n, normalised, raw, range
        );
    }
    for gate in &top.gates {
        println!(
            "  gate {} [{}]: {}",
            gate.id,
            if gate.passed { "pass" } else { "FAIL" },
            gate.reason
        );
    }
}
