//! The short way to the bare total of the common sheet: every criterion answered, in rubric
//! order, each one that can be scored scored.
//!
//! Then every weighted criterion takes part, so each node's share is the one worked out when
//! the rubric was first scored ([`QuickPlan`](crate::rubric::QuickPlan)), levels and short scales read their scores from a table
//! instead of dividing, and the total is `Σ share · s` summed in the order the long way
//! ([`Work::distribute`]) sums it: the same decimal, to the last digit. Anything else, errors
//! included, goes the long way, which also words the error.

use rust_decimal::Decimal;

use super::engine::{Outcome, Work, reference_errors, to_points};
use super::publish::{exact_sum, published_from_decimal};
use crate::assessment::{AnswerValue, Assessment};
use crate::error::Path;
use crate::num::ratio::{Exact, Small};
use crate::num::{self, Score, exactness};
use crate::rubric::{Direction, Metric, QuickPlan, Rubric};

/// The most score-table entries a rubric keeps, in all (32 bytes each).
const TABLE_BUDGET: usize = 4096;

/// The plan of a rubric; `None` when sharing the weights among all its criteria would
/// flag something (a renormalisation) or fails, so that every sheet takes the long way and
/// is explained there.
pub(super) fn plan_of(rubric: &Rubric) -> Option<QuickPlan> {
    let mut work = Work::new(rubric, &[]);
    for (at, node) in rubric.nodes().iter().enumerate() {
        let outcome = match &node.criterion.metric {
            Some(Metric::Text) | None => Outcome::Unscored,
            Some(_) => Outcome::Scored(Decimal::ONE),
        };
        Work::set(&mut work.outcome, at, outcome);
    }
    work.settle_groups();
    if !rubric.top().iter().any(|at| work.carries(*at)) {
        return None;
    }
    work.share_all().ok()?;
    if !work.flags.is_empty() {
        return None;
    }
    let nodes = rubric.nodes();
    // Tables for the first leaves only, up to a budget, so that a rubric of a hundred
    // thousand criteria costs no more to load; the rest divide.
    let mut budget = TABLE_BUDGET;
    let mut table = |metric: &Metric| {
        if budget == 0 {
            return None;
        }
        let table = metric.score_table();
        budget = budget.saturating_sub(table.len());
        (budget > 0).then_some(table)
    };
    Some(QuickPlan {
        carries: (0..nodes.len()).map(|at| work.carries(at)).collect(),
        exact_shares: work.exact,
        fraction_shares: work.exact_shares(),
        shares: work.share,
        tables: nodes
            .iter()
            .map(|n| n.criterion.metric.as_ref().and_then(&mut table))
            .map(Option::unwrap_or_default)
            .collect(),
    })
}

/// The total of `assessment` the short way, or `None` when it does not apply (or when only
/// exact fractions can decide how it is published).
pub(super) fn total(rubric: &Rubric, assessment: &Assessment) -> Option<Score> {
    const OP: &str = "sharing weights";
    let plan = rubric.quick_plan(plan_of)?;
    if assessment.check_header().is_err() || reference_errors(rubric, assessment).next().is_some() {
        return None;
    }
    let lower_is_better = rubric.scale().direction == Direction::LowerIsBetter;
    let mut answers = assessment.answers.iter();
    let mut normalised_total = Decimal::ZERO;
    let mut exact = plan.exact_shares;
    for (at, node) in rubric.nodes().iter().enumerate() {
        let Some(metric) = &node.criterion.metric else {
            continue;
        };
        let answer = answers.next()?;
        if answer.criterion != node.criterion.id
            || answer.derivation.is_some()
            || answer.override_reason.is_some()
            || matches!(
                answer.value,
                AnswerValue::UnableToAssess | AnswerValue::NotApplicable
            )
        {
            return None;
        }
        let table = plan.tables.get(at).map_or(&[][..], Vec::as_slice);
        let Some(s) = metric
            .score_from_table(
                &node.criterion.id,
                &answer.value,
                &Path::root,
                table,
                &mut exact,
            )
            .ok()?
        else {
            continue; // text, never scored
        };
        let toward = if lower_is_better {
            num::sub(Decimal::ONE, s, OP).ok()?
        } else {
            s
        };
        let share = plan.shares.get(at)?;
        let part = exactness::mul(*share, toward, OP, &mut exact).ok()?;
        normalised_total = exactness::add(normalised_total, part, OP, &mut exact).ok()?;
    }
    if answers.next().is_some() {
        return None;
    }
    let published = match published_from_decimal(rubric, normalised_total, exact).ok()? {
        Some(published) => published,
        None => exact_total(rubric, plan, assessment)?.round(rubric.rounding())?,
    };
    let all_points = to_points(rubric, normalised_total).ok()?;
    let carried = num::add(rubric.scale().min, all_points, OP).ok()?;
    Some(Score {
        exact: carried.normalize(),
        published,
    })
}

/// The exact total of a sheet the short way has already read (every criterion answered, in
/// rubric order, each scored), as a small fraction; `None` when it does not fit one.
fn exact_total(rubric: &Rubric, plan: &QuickPlan, assessment: &Assessment) -> Option<Small> {
    let shares = plan.fraction_shares.as_ref()?;
    let mut answers = assessment.answers.iter();
    let mut leaves = Vec::new();
    for (at, node) in rubric.nodes().iter().enumerate() {
        let Some(metric) = &node.criterion.metric else {
            continue;
        };
        let answer = answers.next()?;
        if let Some(fraction) = metric
            .score_answer(&node.criterion.id, &answer.value, &Path::root)
            .ok()?
        {
            leaves.push((at, Some(fraction)));
        }
    }
    exact_sum(rubric, shares, leaves).ok()?
}

#[cfg(test)]
mod tests {
    use super::super::engine::{Wanted, compute};
    use crate::assessment::Assessment;
    use crate::rubric::Rubric;
    use crate::{Document, Score};

    /// The total the long way, published as a scorecard publishes it.
    fn long_way(rubric: &Rubric, sheet: &Assessment) -> Option<Score> {
        let (work, total) = compute(rubric, sheet, Wanted::Total).unwrap();
        total.map(|t| work.publish(t).unwrap())
    }

    fn rubric() -> Rubric {
        Rubric::from_json(
            r#"{ "id": "r", "version": "1", "title": "R", "kind": "proposal",
              "criteria": [
                { "id": "half", "name": "Half steps", "weight": 3,
                  "metric": { "type": "scale", "min": 0, "max": 4, "step": 0.5 } },
                { "id": "lvl", "name": "Levels", "weight": 2,
                  "metric": { "type": "levels", "levels": [
                    { "id": "low", "label": "Low", "value": 0 },
                    { "id": "mid", "label": "Mid", "value": 1.5 },
                    { "id": "top", "label": "Top", "value": 7 } ] } },
                { "id": "g", "name": "Group", "weight": 1, "criteria": [
                  { "id": "n", "name": "Count", "weight": 1,
                    "metric": { "type": "count", "target": 7 } },
                  { "id": "note", "name": "Note", "metric": { "type": "text" } } ] } ] }"#,
        )
        .unwrap()
    }

    fn sheet(half: &str, level: &str, count: u32) -> Assessment {
        Assessment::from_json(&format!(
            r#"{{ "rubric": {{ "id": "r", "version": "1" }}, "kind": "proposal",
              "subject": {{ "id": "s", "title": "S", "year": 2024 }},
              "assessor": {{ "id": "a", "stakeholder_group": "civil_society",
                            "region": "african", "role": "mag_member" }},
              "conflict_of_interest": {{ "declared": false }},
              "answers": [
                {{ "criterion": "half", "value": {{ "scale": {half} }} }},
                {{ "criterion": "lvl", "value": {{ "level": "{level}" }} }},
                {{ "criterion": "n", "value": {{ "count": {count} }} }},
                {{ "criterion": "note", "value": {{ "text": "fine" }} }} ] }}"#
        ))
        .unwrap()
    }

    /// The short way gives the long way's score digit for digit, carried and published,
    /// however a scale value is written (a value written otherwise than the table holds it is
    /// divided out instead).
    #[test]
    fn the_short_way_gives_the_long_ways_decimal_as_written() {
        let rubric = rubric();
        for half in ["0", "0.5", "1", "1.0", "1.00", "2.5", "3.50", "4"] {
            for level in ["low", "mid", "top"] {
                for count in [0, 3, 7, 9] {
                    let sheet = sheet(half, level, count);
                    let quick = super::total(&rubric, &sheet);
                    let long = long_way(&rubric, &sheet);
                    assert!(quick.is_some(), "{half} {level} {count}");
                    assert_eq!(quick, long, "{half} {level} {count}");
                }
            }
        }
    }

    /// A rubric with more table entries than the budget keeps tables for its first leaves
    /// only; the rest divide, to the same digits.
    #[test]
    fn tables_stop_at_the_budget_and_the_rest_divide() {
        let leaves = 100;
        let criteria: Vec<String> = (0..leaves)
            .map(|i| {
                format!(
                    r#"{{ "id": "c{i}", "name": "C{i}", "weight": {w},
                       "metric": {{ "type": "scale", "min": 0, "max": 100, "step": 1 }} }}"#,
                    w = i % 7 + 1
                )
            })
            .collect();
        let rubric = Rubric::from_json(&format!(
            r#"{{ "id": "r", "version": "1", "title": "R", "kind": "proposal",
               "criteria": [{}] }}"#,
            criteria.join(",")
        ))
        .unwrap();
        let plan = rubric.quick_plan(super::plan_of).unwrap();
        let kept = plan.tables.iter().filter(|t| !t.is_empty()).count();
        assert_eq!(kept, super::TABLE_BUDGET / 101);
        let answers: Vec<String> = (0..leaves)
            .map(|i| {
                format!(
                    r#"{{ "criterion": "c{i}", "value": {{ "scale": {} }} }}"#,
                    i * 37 % 101
                )
            })
            .collect();
        let sheet = Assessment::from_json(&format!(
            r#"{{ "rubric": {{ "id": "r", "version": "1" }}, "kind": "proposal",
               "subject": {{ "id": "s", "title": "S", "year": 2024 }},
               "assessor": {{ "id": "a", "stakeholder_group": "civil_society",
                             "region": "african", "role": "mag_member" }},
               "conflict_of_interest": {{ "declared": false }},
               "answers": [{}] }}"#,
            answers.join(",")
        ))
        .unwrap();
        let quick = super::total(&rubric, &sheet);
        let long = long_way(&rubric, &sheet);
        assert!(quick.is_some());
        assert_eq!(quick, long);
    }

    /// Sheets off the common path go the long way.
    #[test]
    fn uncommon_sheets_go_the_long_way() {
        let rubric = rubric();
        let mut unable = sheet("1", "mid", 2);
        if let Some(answer) = unable.answers.first_mut() {
            answer.value = crate::AnswerValue::UnableToAssess;
        }
        let mut reordered = sheet("1", "mid", 2);
        reordered.answers.swap(0, 1);
        let mut short = sheet("1", "mid", 2);
        short.answers.pop();
        for other in [unable, reordered, short] {
            assert_eq!(super::total(&rubric, &other), None);
        }
    }
}
