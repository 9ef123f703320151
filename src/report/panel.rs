//! A panel review for people: ranking with spread, selection with every reason, exclusions
//! with who and why, consensus with what was agreed, reliability, comments and lessons.

use std::fmt::Write as _;

use super::table::{Align, Table};
use super::{criterion_name, decimal, group_label, region_label, subject_name};
use crate::panel::{Coefficient, PanelReport, SubjectReport};
use crate::rubric::Rubric;

/// The ranking as a table: one row per subject, best first.
pub(super) fn ranking(report: &PanelReport) -> Table {
    let dp = report.rounding.dp;
    let mut table = Table::new(&[
        ("Rank", Align::Right),
        ("Subject", Align::Left),
        ("Year", Align::Right),
        ("Total", Align::Right),
        ("Lowest", Align::Right),
        ("Highest", Align::Right),
        ("SD", Align::Right),
        ("Assessors", Align::Right),
        ("Band", Align::Left),
        ("Selected", Align::Left),
        ("Why", Align::Left),
    ]);
    for s in &report.subjects {
        let spread = s.spread.as_ref();
        let included = s.assessors.iter().filter(|a| a.included).count();
        table.row(vec![
            s.rank.map_or_else(|| "-".to_owned(), |r| r.to_string()),
            s.subject.title.clone(),
            s.subject.year.to_string(),
            s.total
                .map_or_else(|| "-".to_owned(), |t| t.published.to_string()),
            spread.map_or_else(|| "-".to_owned(), |x| decimal(x.min, dp)),
            spread.map_or_else(|| "-".to_owned(), |x| decimal(x.max, dp)),
            spread
                .and_then(|x| x.sd)
                .map_or_else(|| "-".to_owned(), |v| decimal(v, dp)),
            format!("{included} of {}", s.assessors.len()),
            s.band
                .as_ref()
                .map_or_else(|| "-".to_owned(), |b| b.label.clone()),
            if s.decision.selected { "yes" } else { "no" }.to_owned(),
            decision(&s.decision),
        ]);
    }
    table
}

/// A decision in a sentence: "Not selected: ranked 4 of 6; only the top 3 are selected."
fn decision(decision: &crate::panel::Decision) -> String {
    use crate::panel::DecisionReason;
    let verdict = match decision.reason {
        DecisionReason::Selected => "Selected",
        DecisionReason::BelowCapacity | DecisionReason::BelowThreshold => "Not selected",
        other => other.label(),
    };
    let why = decision
        .explanation
        .strip_prefix("ineligible: ")
        .unwrap_or(&decision.explanation);
    sentence(&format!("{verdict}: {why}"))
}

/// Every assessment left out, with who and why.
pub(super) fn exclusions(report: &PanelReport) -> Table {
    let mut table = Table::new(&[
        ("Subject", Align::Left),
        ("Assessor", Align::Left),
        ("Stakeholder group", Align::Left),
        ("Region", Align::Left),
        ("Why", Align::Left),
    ]);
    for s in &report.subjects {
        for a in s.assessors.iter().filter(|a| !a.included) {
            table.row(vec![
                s.subject.title.clone(),
                a.id.clone(),
                a.stakeholder_group.label().to_owned(),
                a.region.label().to_owned(),
                sentence(a.excluded_because.as_deref().unwrap_or("excluded")),
            ]);
        }
    }
    table
}

/// Every agreed value, with what was computed and what was agreed.
pub(super) fn consensus(report: &PanelReport, rubric: &Rubric) -> Table {
    let mut table = Table::new(&[
        ("Subject", Align::Left),
        ("What was agreed", Align::Left),
        ("Computed", Align::Right),
        ("Agreed", Align::Right),
        ("Recorded by", Align::Left),
        ("Note", Align::Left),
    ]);
    for s in &report.subjects {
        for c in &s.consensus {
            let what = match &c.criterion {
                Some(id) => format!("{id} {}", criterion_name(rubric, id)),
                None => "The total".to_owned(),
            };
            table.row(vec![
                s.subject.title.clone(),
                what,
                c.computed
                    .map_or_else(|| "-".to_owned(), |v| decimal(v, report.rounding.dp)),
                c.agreed.normalize().to_string(),
                c.recorded_by.clone(),
                c.note.clone().unwrap_or_default(),
            ]);
        }
    }
    table
}

/// The panel review as a Markdown page.
pub(super) fn markdown(report: &PanelReport, rubric: &Rubric) -> String {
    let mut out = String::new();
    let rules = &report.rules;
    let assessments = report
        .subjects
        .iter()
        .fold(0usize, |n, s| n.saturating_add(s.assessors.len()));
    let _ = writeln!(
        out,
        "# Panel review: {} (version {})\n",
        rubric.doc().title,
        report.rubric.version
    );
    let _ = writeln!(
        out,
        "{assessments} assessments of {} subjects. Scores are combined by {}, with at least {} valid assessors per subject; totals run from {} to {}.",
        report.subjects.len(),
        rules.aggregation,
        rules.min_assessors,
        report.scale.min,
        report.scale.max
    );
    let threshold = rules.threshold.map_or_else(
        || "no threshold".to_owned(),
        |t| format!("a threshold of {t}"),
    );
    let capacity = rules.capacity.map_or_else(
        || "no capacity limit".to_owned(),
        |c| format!("a capacity of {c}"),
    );
    let _ = writeln!(
        out,
        "Selection rule: eligible subjects, ranked by total, with {threshold} and {capacity}.\n"
    );
    let _ = writeln!(out, "## Ranking\n");
    out.push_str(&ranking(report).markdown());
    let selected: Vec<String> = report
        .subjects
        .iter()
        .filter(|s| s.decision.selected)
        .map(|s| subject_name(&s.subject))
        .collect();
    let _ = writeln!(out, "\n## Selection\n");
    if selected.is_empty() {
        let _ = writeln!(out, "No subject is selected.");
    } else {
        let _ = writeln!(
            out,
            "Selected ({} of {}): {}.",
            selected.len(),
            report.subjects.len(),
            selected.join("; ")
        );
    }
    let _ = writeln!(out, "\n## Assessments left out\n");
    let excluded = exclusions(report);
    if excluded.is_empty() {
        let _ = writeln!(out, "Every assessment was included.");
    } else {
        out.push_str(&excluded.markdown());
    }
    let _ = writeln!(out, "\n## Agreed by the panel\n");
    let agreed = consensus(report, rubric);
    if agreed.is_empty() {
        let _ = writeln!(
            out,
            "The panel recorded no agreed value; every figure is computed."
        );
    } else {
        out.push_str(&agreed.markdown());
    }
    divergence(&mut out, report, rubric);
    reliability(&mut out, report);
    breakdown(&mut out, report);
    for s in &report.subjects {
        comments(&mut out, s, rubric);
    }
    out
}

fn divergence(out: &mut String, report: &PanelReport, rubric: &Rubric) {
    let _ = writeln!(out, "\n## To discuss\n");
    let mut any = false;
    for s in &report.subjects {
        let criteria: Vec<String> = s
            .criteria
            .iter()
            .filter(|c| c.divergent)
            .map(|c| format!("{} {}", c.id, criterion_name(rubric, &c.id)))
            .collect();
        if s.divergent || !criteria.is_empty() {
            any = true;
            let mut parts = Vec::new();
            if s.divergent {
                parts.push("the totals diverge".to_owned());
            }
            if !criteria.is_empty() {
                parts.push(format!("assessors differ on {}", criteria.join("; ")));
            }
            let _ = writeln!(
                out,
                "- {}: {}.",
                subject_name(&s.subject),
                parts.join(", and ")
            );
        }
    }
    if !any {
        let _ = writeln!(
            out,
            "No total or criterion differs across assessors by more than the rules allow."
        );
    }
}

fn coefficient(c: &Coefficient) -> String {
    match (c.value, c.interpretation, &c.note) {
        (Some(v), Some(band), _) => format!("{v:.3} ({})", band.label()),
        (_, _, Some(note)) => format!("no value: {note}"),
        _ => "-".to_owned(),
    }
}

fn reliability(out: &mut String, report: &PanelReport) {
    let r = &report.reliability;
    let _ = writeln!(out, "\n## Agreement among assessors\n");
    let _ = writeln!(
        out,
        "- Krippendorff's alpha (interval) of the totals: {}",
        coefficient(&r.totals_alpha)
    );
    if let Some(bands) = &r.bands_alpha {
        let _ = writeln!(
            out,
            "- Krippendorff's alpha (ordinal) of the bands: {}",
            coefficient(bands)
        );
    }
    for agreement in &r.bands_agreement {
        let _ = writeln!(out, "- On the bands: {agreement}");
    }
    for icc in &r.totals_icc {
        let _ = writeln!(
            out,
            "- {} = {}: {:.3}, 95% CI [{:.3}, {:.3}] ({})",
            icc.name,
            icc.mcgraw_wong,
            icc.value,
            icc.ci95_lower,
            icc.ci95_upper,
            icc.interpretation.label()
        );
    }
    if let Some(note) = &r.icc_note {
        let _ = writeln!(out, "- ICC: {note}");
    }
    let reading = super::reading::reading(r);
    if !reading.is_empty() {
        let _ = writeln!(out, "\n{}", reading.join("\n\n"));
    }
}

fn breakdown(out: &mut String, report: &PanelReport) {
    let mut table = Table::new(&[
        ("Assessors", Align::Left),
        ("Grouped by", Align::Left),
        ("Assessments", Align::Right),
        ("Mean total", Align::Right),
        ("Above or below the panel", Align::Right),
    ]);
    let dp = report.rounding.dp;
    let groups = report
        .breakdown
        .stakeholder_groups
        .iter()
        .map(|g| (group_label(&g.group), "Stakeholder group", g));
    let regions = report
        .breakdown
        .regions
        .iter()
        .map(|g| (region_label(&g.group), "Region", g));
    for (label, by, g) in groups.chain(regions) {
        let sign = if g.mean_difference > rust_decimal::Decimal::ZERO {
            "+"
        } else {
            ""
        };
        table.row(vec![
            label,
            by.to_owned(),
            g.assessments.to_string(),
            decimal(g.mean_total, dp),
            format!("{sign}{}", decimal(g.mean_difference, dp)),
        ]);
    }
    if !table.is_empty() {
        let _ = writeln!(out, "\n## How each group of assessors scored\n");
        out.push_str(&table.markdown());
    }
}

fn comments(out: &mut String, s: &SubjectReport, rubric: &Rubric) {
    let mut lines = Vec::new();
    for a in &s.assessors {
        let who = format!(
            "{} ({}, {})",
            a.id,
            a.stakeholder_group.label(),
            a.region.label()
        );
        for c in &a.comments {
            lines.push(format!(
                "- {} on {} {}: {}",
                who,
                c.criterion,
                criterion_name(rubric, &c.criterion),
                c.comment
            ));
        }
        let lessons = [
            ("What worked well", &a.lessons.worked_well),
            ("What worked less well", &a.lessons.worked_less_well),
            ("What to do differently", &a.lessons.do_differently),
        ];
        for (question, answer) in lessons {
            if let Some(answer) = answer {
                lines.push(format!("- {who}, {}: {answer}", question.to_lowercase()));
            }
        }
    }
    if !lines.is_empty() {
        let _ = writeln!(out, "\n## Comments on {}\n", subject_name(&s.subject));
        for line in lines {
            let _ = writeln!(out, "{line}");
        }
    }
}

/// Capitalises the first letter and ends with a full stop.
pub(super) fn sentence(text: &str) -> String {
    let mut chars = text.trim().chars();
    let mut out: String = match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => return String::new(),
    };
    if !out.ends_with(['.', '!', '?']) {
        out.push('.');
    }
    out
}
