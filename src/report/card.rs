//! A scorecard for people: total and band, gates, each criterion with its answer in words and
//! points that add up to the printed total, derivations, overrides, comments and lessons; and
//! the results framework of an outcome review.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use rust_decimal::{Decimal, RoundingStrategy};

use super::table::{Align, Table};
use super::{answer_text, decimal, percent_of_one};
use crate::error::Error;
use crate::evidence::ResultsFramework;
use crate::num::largest_remainder;
use crate::rubric::{CountCurve, DistributionMeasure, Metric, Rubric};
use crate::rubric::{Indicator, UptakeLevel};
use crate::scoring::{CriterionResult, CriterionStatus, Scorecard};

/// One printed row of the criteria table.
struct Row<'a> {
    depth: usize,
    result: &'a CriterionResult,
    points: Decimal,
}

/// The criteria in tree order with their points rounded to the rubric's places: top-level
/// points add up to the printed total less the scale's minimum, and each group's children add
/// up to the group's printed points.
fn rows<'a>(card: &'a Scorecard) -> Result<Vec<Row<'a>>, Error> {
    let dp = card.rounding.dp;
    let mut out = Vec::new();
    let Some(total) = card.total else {
        flatten(&card.criteria, 0, None, dp, &mut out)?;
        return Ok(out);
    };
    let target = total
        .published
        .checked_sub(card.scale.min)
        .ok_or(Error::Overflow {
            path: crate::error::Path::root(),
            operation: "printing points",
        })?;
    flatten(&card.criteria, 0, Some(target), dp, &mut out)?;
    Ok(out)
}

fn flatten<'a>(
    list: &'a [CriterionResult],
    depth: usize,
    target: Option<Decimal>,
    dp: u32,
    out: &mut Vec<Row<'a>>,
) -> Result<(), Error> {
    let exact: Vec<Decimal> = list.iter().map(|c| c.contribution.exact).collect();
    let points = match target {
        Some(target) => largest_remainder(&exact, dp, target)?,
        None => exact.iter().map(|v| v.round_dp(dp)).collect(),
    };
    for (result, points) in list.iter().zip(points) {
        out.push(Row {
            depth,
            result,
            points,
        });
        if !result.criteria.is_empty() {
            flatten(
                &result.criteria,
                depth.saturating_add(1),
                Some(points),
                dp,
                out,
            )?;
        }
    }
    Ok(())
}

/// The criteria table, shared by Markdown and CSV; `notes` adds a column with each criterion's
/// flags (the CSV has no other place for them; the Markdown lists them under the table).
pub(super) fn criteria(card: &Scorecard, rubric: &Rubric, notes: bool) -> Result<Table, Error> {
    let dp = card.rounding.dp;
    let mut columns = vec![
        ("Id", Align::Left),
        ("Criterion", Align::Left),
        ("Tree level", Align::Right),
        ("Weight", Align::Right),
        ("Share of the total", Align::Right),
        ("Answer", Align::Left),
        ("Score (0-1)", Align::Right),
        ("Points", Align::Right),
        ("Status", Align::Left),
    ];
    if notes {
        columns.push(("Notes", Align::Left));
    }
    let mut table = Table::new(&columns);
    for row in rows(card)? {
        let c = row.result;
        let answer = match &c.answer {
            Some(a) => answer_text(rubric, &c.id, a),
            // A leaf without an answer was left out of the assessment: say so.
            None if c.criteria.is_empty() => "not answered".to_owned(),
            None => String::new(),
        };
        let mut cells = vec![
            c.id.clone(),
            c.name.clone(),
            row.depth.saturating_add(1).to_string(),
            c.declared_weight
                .map_or_else(String::new, |w| w.normalize().to_string()),
            percent_of_one(c.effective_weight),
            answer,
            c.normalised
                .map_or_else(|| "-".to_owned(), |v| decimal(v, 4)),
            decimal(row.points, dp),
            match c.status {
                CriterionStatus::Scored => String::new(),
                other => other.label().to_owned(),
            },
        ];
        if notes {
            let flags: Vec<String> = card
                .flags
                .iter()
                .filter(|f| f.criterion.as_deref() == Some(c.id.as_str()))
                .map(|f| super::panel::sentence(&f.message))
                .collect();
            cells.push(flags.join(" "));
        }
        table.row(cells);
    }
    Ok(table)
}

/// The scorecard as a Markdown page.
pub(super) fn markdown(card: &Scorecard, rubric: &Rubric) -> Result<String, Error> {
    let mut out = String::new();
    let a = &card.assessor;
    let _ = writeln!(
        out,
        "# {} ({}): {} assessment\n",
        card.subject.title,
        card.subject.year,
        card.kind.label().to_lowercase()
    );
    let _ = writeln!(
        out,
        "Assessed by {} ({}, {}, {}) under {} (version {}).\n",
        a.name.clone().unwrap_or_else(|| a.id.clone()),
        a.stakeholder_group.label(),
        a.region.label(),
        a.role.label(),
        rubric.doc().title,
        card.rubric.version
    );
    match card.total {
        Some(total) => {
            let band = card
                .band
                .as_ref()
                .map_or_else(String::new, |b| format!(", band **{}**", b.label));
            let _ = writeln!(
                out,
                "**Total {} on {} to {}**{band}; {}.",
                total.published,
                card.scale.min,
                card.scale.max,
                if card.eligible {
                    "eligible"
                } else {
                    "not eligible"
                }
            );
        }
        None => {
            let _ = writeln!(
                out,
                "**No total**: the assessment is incomplete (see the notes)."
            );
        }
    }
    if card.conflict_of_interest.declared {
        let statement = card
            .conflict_of_interest
            .statement
            .as_deref()
            .unwrap_or("no statement given");
        let _ = writeln!(
            out,
            "\nThe assessor declared a conflict of interest: {statement}"
        );
    }
    if !card.gates.is_empty() {
        let _ = writeln!(out, "\n## Gates\n");
        let mut gates = Table::new(&[
            ("Gate", Align::Left),
            ("Result", Align::Left),
            ("Why", Align::Left),
        ]);
        for g in &card.gates {
            gates.row(vec![
                g.label.clone(),
                if g.passed { "passed" } else { "failed" }.to_owned(),
                super::named(&g.reason, rubric),
            ]);
        }
        out.push_str(&gates.markdown());
    }
    let _ = writeln!(out, "\n## Criteria\n");
    out.push_str(&criteria(card, rubric, false)?.markdown());
    if let Some(total) = card.total {
        let _ = writeln!(
            out,
            "\nTop-level points add up to the total less the scale's minimum ({}), each group's to its own points; each is rounded by the largest-remainder method from the exact value.",
            total.published
        );
    }
    derivations(&mut out, card, rubric);
    let notes: Vec<String> = card
        .flags
        .iter()
        .map(|f| super::named(&f.message, rubric))
        .collect();
    if !notes.is_empty() {
        let _ = writeln!(out, "\n## Notes\n");
        for note in notes {
            let _ = writeln!(out, "- {}", super::panel::sentence(&note));
        }
    }
    let comments = all(&card.criteria);
    if comments.iter().any(|c| c.comment.is_some()) {
        let _ = writeln!(out, "\n## The assessor's comments\n");
        for c in comments {
            if let Some(comment) = &c.comment {
                let _ = writeln!(out, "- {} {}: {comment}", c.id, c.name);
            }
        }
    }
    let lessons = [
        ("What worked well", &card.lessons.worked_well),
        ("What worked less well", &card.lessons.worked_less_well),
        (
            "With hindsight, what would you do differently",
            &card.lessons.do_differently,
        ),
    ];
    if lessons.iter().any(|(_, a)| a.is_some()) {
        let _ = writeln!(out, "\n## The three questions\n");
        for (question, answer) in lessons {
            if let Some(answer) = answer {
                let _ = writeln!(out, "- {question}: {answer}");
            }
        }
    }
    Ok(out)
}

fn all(list: &[CriterionResult]) -> Vec<&CriterionResult> {
    let mut out = Vec::new();
    for c in list {
        out.push(c);
        out.extend(all(&c.criteria));
    }
    out
}

fn derivations(out: &mut String, card: &Scorecard, rubric: &Rubric) {
    let derived: Vec<&CriterionResult> = all(&card.criteria)
        .into_iter()
        .filter(|c| c.derivation.is_some())
        .collect();
    if derived.is_empty() {
        return;
    }
    let _ = writeln!(out, "\n## Answers computed from the outcome record\n");
    let mut table = Table::new(&[
        ("Criterion", Align::Left),
        ("Indicator", Align::Left),
        ("Computed", Align::Left),
        ("From", Align::Left),
        ("Assessor's override", Align::Left),
    ]);
    for c in derived {
        let Some(d) = &c.derivation else { continue };
        let overridden = match (&c.override_reason, &c.answer) {
            (Some(reason), Some(answer)) => {
                format!("{}: {reason}", answer_text(rubric, &c.id, answer))
            }
            _ => String::new(),
        };
        table.row(vec![
            format!("{} {}", c.id, c.name),
            d.from.label(),
            answer_text(rubric, &c.id, &d.computed),
            d.basis.clone(),
            overridden,
        ]);
    }
    out.push_str(&table.markdown());
}

/// A results framework as a table.
pub(super) fn results(results: &ResultsFramework) -> Table {
    let mut table = Table::new(&[
        ("Indicator", Align::Left),
        ("Baseline", Align::Right),
        ("Target", Align::Right),
        ("Achieved", Align::Right),
        ("Gap", Align::Right),
        ("Met", Align::Left),
        ("How it was measured", Align::Left),
        ("The promise", Align::Left),
    ]);
    for row in &results.rows {
        let value = |v: Option<Decimal>| {
            v.map_or_else(|| "-".to_owned(), |v| indicator_value(row.measure, v))
        };
        let gap = row.gap.map_or_else(
            || "-".to_owned(),
            |g| {
                let sign = if g > Decimal::ZERO { "+" } else { "" };
                format!("{sign}{}", g.normalize())
            },
        );
        table.row(vec![
            row.label.clone(),
            value(row.baseline),
            value(Some(row.target)),
            value(row.achieved),
            gap,
            match row.met {
                Some(true) => "yes",
                Some(false) => "no",
                None => "not measured",
            }
            .to_owned(),
            super::panel::sentence(&row.basis),
            row.note.clone().unwrap_or_default(),
        ]);
    }
    table
}

/// A value in an indicator's own words: yes or no, an uptake rung's label, or the number.
fn indicator_value(indicator: Indicator, value: Decimal) -> String {
    match indicator.answer_type() {
        "yes_no" if value == Decimal::ONE => "yes".to_owned(),
        "yes_no" if value.is_zero() => "no".to_owned(),
        "level" => UptakeLevel::ALL
            .iter()
            .find(|l| Decimal::from(l.rank()) == value)
            .map_or_else(
                || {
                    if value.is_zero() {
                        "none".to_owned()
                    } else {
                        value.normalize().to_string()
                    }
                },
                |l| l.label().to_owned(),
            ),
        "percent" => format!("{} %", value.normalize()),
        _ => value.normalize().to_string(),
    }
}

/// A results framework as a Markdown section.
pub(super) fn results_markdown(framework: &ResultsFramework) -> String {
    let mut out = String::new();
    let (subject, rows) = (&framework.subject, framework.rows.len());
    let _ = writeln!(
        out,
        "## Promised and achieved: {} ({})\n",
        subject.title, subject.year
    );
    let _ = writeln!(
        out,
        "{} of {rows} targets met; {} of {rows} could be measured from the outcome record.\n",
        framework.met, framework.measured
    );
    out.push_str(&results(framework).markdown());
    out
}

/// Outcome reviews side by side: one row per BPF with each top-level criterion's points,
/// rounded by largest remainder so that every row adds up to its printed total (less the
/// scale's minimum), then the total and the band.
/// The targets that decide the scores of a rubric's measured criteria, as a list after a
/// sentence (nothing when no criterion has a target).
pub(super) fn targets(rubric: &Rubric) -> String {
    let lines: Vec<String> = rubric
        .leaves()
        .filter(|c| c.weight.is_some_and(|w| !w.is_zero()))
        .filter_map(|c| {
            Some(format!(
                "- {} {}: {}",
                c.id,
                c.name,
                target(c.metric.as_ref()?)?
            ))
        })
        .collect();
    if lines.is_empty() {
        return String::new();
    }
    format!(
        "\nWhat earns the full score on the criteria measured against a target:\n\n{}\n",
        lines.join("\n")
    )
}

/// What earns a metric measured against a target its full score, in words.
fn target(metric: &Metric) -> Option<String> {
    Some(match metric {
        Metric::Count {
            target,
            curve: CountCurve::Linear,
        } => format!("full score from {target}, in proportion below"),
        Metric::Count {
            target,
            curve: CountCurve::AllOrNothing,
        } => format!("full score from {target}, none below"),
        Metric::Percent { target } => {
            format!(
                "full score from {} %, in proportion below",
                target.normalize()
            )
        }
        Metric::Distribution {
            categories,
            measure: DistributionMeasure::Evenness,
            target,
        } => format!(
            "full score from an evenness (Pielou's J) of {} over the {} categories, in proportion below; 1 is a perfectly even spread, and a spread with one large group can still reach {}",
            target.normalize(),
            categories.len(),
            target.normalize()
        ),
        Metric::Distribution {
            categories,
            measure: DistributionMeasure::Coverage,
            target,
        } => format!(
            "full score from {} of the {} categories covered, in proportion below",
            target.normalize(),
            categories.len()
        ),
        _ => return None,
    })
}

/// The most points a top-level criterion of `weight` can earn: its share of the top-level
/// weights times the total scale's span, at the rubric's places (trailing zeros dropped).
fn most_points(
    rubric: &Rubric,
    top: &[&crate::rubric::Criterion],
    weight: Decimal,
) -> Option<Decimal> {
    let mut sum = Decimal::ZERO;
    for w in top.iter().filter_map(|c| c.weight) {
        sum = sum.checked_add(w)?;
    }
    let scale = rubric.scale();
    let span = scale.max.checked_sub(scale.min)?;
    let most = weight.checked_mul(span)?.checked_div(sum)?;
    Some(
        most.round_dp_with_strategy(rubric.rounding().dp, RoundingStrategy::MidpointNearestEven)
            .normalize(),
    )
}

pub(super) fn outcomes(cards: &[Scorecard], rubric: &Rubric) -> Result<Table, Error> {
    let top: Vec<&crate::rubric::Criterion> = rubric
        .doc()
        .criteria
        .iter()
        .filter(|c| c.weight.is_some_and(|w| !w.is_zero()))
        .collect();
    let labels: Vec<String> = top
        .iter()
        .map(|c| {
            let most = c.weight.and_then(|w| most_points(rubric, &top, w));
            match most {
                Some(most) => format!("{} {} (of {})", c.id, c.name, most),
                None => format!("{} {}", c.id, c.name),
            }
        })
        .collect();
    let mut columns: Vec<(&str, Align)> = vec![
        ("BPF", Align::Left),
        ("Year", Align::Right),
        ("Assessor", Align::Left),
    ];
    columns.extend(labels.iter().map(|l| (l.as_str(), Align::Right)));
    columns.extend([("Total", Align::Right), ("Band", Align::Left)]);
    let mut table = Table::new(&columns);
    for card in cards {
        let points: BTreeMap<&str, Decimal> = rows(card)?
            .into_iter()
            .filter(|r| r.depth == 0)
            .map(|r| (r.result.id.as_str(), r.points))
            .collect();
        let mut cells = vec![
            card.subject.title.clone(),
            card.subject.year.to_string(),
            card.assessor.id.clone(),
        ];
        cells.extend(top.iter().map(|c| {
            points
                .get(c.id.as_str())
                .map_or_else(|| "-".to_owned(), |p| decimal(*p, card.rounding.dp))
        }));
        cells.push(
            card.total
                .map_or_else(|| "-".to_owned(), |t| t.published.to_string()),
        );
        cells.push(
            card.band
                .as_ref()
                .map_or_else(|| "-".to_owned(), |b| b.label.clone()),
        );
        table.row(cells);
    }
    Ok(table)
}
