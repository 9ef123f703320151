//! The short way to the bare total of the common sheet: every criterion that can be scored
//! answered (in any order), each scored, left out as not applicable, or unable to assess under
//! a policy that leaves it out or counts it as its minimum.
//!
//! Then each node's share is one worked out once per rubric for the set of criteria left out
//! ([`Sharing`], the long way's own steps), levels, short scales, counts and coverages read
//! their scores from a table instead of dividing, and the total is `Σ share · s` summed in the
//! order the long way ([`Work::distribute`]) sums it: the same decimal, to the last digit,
//! published the same way.
//! Anything else (a required criterion unable to assess, an omitted answer, a derivation or
//! an override, any error) goes the long way, which also words the error.

use rust_decimal::Decimal;

use super::answer::ExactScore;
use super::engine::{Exclusion, Outcome, Work, reference_errors, to_points};
use super::publish::{exact_sum, published_from_decimal};
use crate::assessment::{AnswerValue, Assessment};
use crate::error::Path;
use crate::num::ratio::{Exact, Small};
use crate::num::{self, Score, exactness};
use crate::rubric::{Direction, Metric, Node, QuickPlan, Rubric, Sharing, UnablePolicy};

/// The most score-table entries a rubric keeps, in all (32 bytes each).
const TABLE_BUDGET: usize = 4096;

/// The plan of a rubric; `None` when sharing the weights among all its criteria would
/// flag something (a renormalisation) or fails, so that every sheet takes the long way and
/// is explained there.
pub(super) fn plan_of(rubric: &Rubric) -> Option<QuickPlan> {
    let (all, flagged) = sharing(rubric, &[])?;
    if flagged {
        return None;
    }
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
        all,
        tables: rubric
            .nodes()
            .iter()
            .map(|n| n.criterion.metric.as_ref().and_then(&mut table))
            .map(Option::unwrap_or_default)
            .collect(),
    })
}

/// The sharing when every criterion that can be scored is scored except those at
/// `left_out`, as [`Work::share_all`] works it out.
pub(super) fn sharing_of(rubric: &Rubric, left_out: &[usize]) -> Option<Sharing> {
    sharing(rubric, left_out).map(|(sharing, _)| sharing)
}

/// [`sharing_of`], and whether working it out flagged a renormalisation; `None` when nothing
/// weighted takes part or sharing fails.
fn sharing(rubric: &Rubric, left_out: &[usize]) -> Option<(Sharing, bool)> {
    let mut work = Work::new(rubric, &[]);
    for (at, node) in rubric.nodes().iter().enumerate() {
        let outcome = match &node.criterion.metric {
            _ if left_out.binary_search(&at).is_ok() => Outcome::LeftOut(Exclusion::NotApplicable),
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
    let sharing = Sharing {
        carries: (0..rubric.nodes().len())
            .map(|at| work.carries(at))
            .collect(),
        exact: work.exact,
        fractions: work.exact_shares(),
        shares: std::mem::take(&mut work.share),
    };
    Some((sharing, !work.flags.is_empty()))
}

/// How one sheet answers a leaf, on the short way.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Slot {
    Unanswered,
    /// Text, or unable to assess on a text criterion: never scored.
    Unscored,
    /// The score, and its exact value.
    Scored(Decimal, ExactScore),
    /// Unable to assess, counted as its minimum (0) by the rubric's policy.
    Minimum,
    /// Not applicable, or unable to assess and left out by the rubric's policy.
    LeftOut,
}

/// What "unable to assess" does to `node` when the short way can take it: left out or
/// counted as the minimum. `None` when it makes the sheet incomplete (the long way says why).
fn unable(rubric: &Rubric, node: &Node) -> Option<Slot> {
    if node.criterion.required {
        return None;
    }
    match rubric.doc().unable_to_assess {
        UnablePolicy::Renormalise => Some(Slot::LeftOut),
        UnablePolicy::CountAsMinimum => Some(Slot::Minimum),
        // An unweighted criterion cannot change the total: it is left out.
        UnablePolicy::Incomplete if node.weight().is_zero() => Some(Slot::LeftOut),
        UnablePolicy::Incomplete => None,
    }
}

/// Each leaf's slot for `assessment`, with the decimal path's exactness, or `None` when the
/// short way does not apply.
fn slots(
    rubric: &Rubric,
    plan: &QuickPlan,
    assessment: &Assessment,
    exact: &mut bool,
) -> Option<Vec<Slot>> {
    let nodes = rubric.nodes();
    let mut slots = vec![Slot::Unanswered; nodes.len()];
    for (i, answer) in assessment.answers.iter().enumerate() {
        let at = rubric.leaf_position(i, &answer.criterion)?;
        let node = nodes.get(at)?;
        let metric = node.criterion.metric.as_ref()?;
        let slot = slots.get_mut(at)?;
        if *slot != Slot::Unanswered
            || answer.derivation.is_some()
            || answer.override_reason.is_some()
        {
            return None;
        }
        *slot = match &answer.value {
            AnswerValue::UnableToAssess if *metric == Metric::Text => Slot::Unscored,
            AnswerValue::UnableToAssess => unable(rubric, node)?,
            AnswerValue::NotApplicable if node.criterion.allow_not_applicable => Slot::LeftOut,
            AnswerValue::NotApplicable => return None,
            value => {
                let table = plan.tables.get(at).map_or(&[][..], Vec::as_slice);
                match metric
                    .score_from_table(&node.criterion.id, value, &Path::root, table, exact)
                    .ok()?
                {
                    Some((s, fraction)) => Slot::Scored(s, fraction),
                    None => Slot::Unscored,
                }
            }
        };
    }
    let omitted = nodes.iter().zip(&slots).any(|(node, slot)| {
        *slot == Slot::Unanswered
            && node
                .criterion
                .metric
                .as_ref()
                .is_some_and(|m| *m != Metric::Text)
    });
    (!omitted).then_some(slots)
}

/// The total of `assessment` the short way, or `None` when it does not apply.
pub(super) fn total(rubric: &Rubric, assessment: &Assessment) -> Option<Score> {
    const OP: &str = "sharing weights";
    let plan = rubric.quick_plan(plan_of)?;
    if assessment.check_header().is_err() || reference_errors(rubric, assessment).next().is_some() {
        return None;
    }
    let mut exact = true;
    let slots = slots(rubric, plan, assessment, &mut exact)?;
    let left_out: Vec<usize> = (0..slots.len())
        .filter(|at| slots.get(*at) == Some(&Slot::LeftOut))
        .collect();
    let kept;
    let sharing = if left_out.is_empty() {
        &plan.all
    } else {
        kept = rubric.sharing_without(&left_out, sharing_of)?;
        &*kept
    };
    exact &= sharing.exact;
    let lower_is_better = rubric.scale().direction == Direction::LowerIsBetter;
    let mut normalised_total = Decimal::ZERO;
    for (at, slot) in slots.iter().enumerate() {
        let s = match slot {
            Slot::Scored(s, _) => *s,
            Slot::Minimum => Decimal::ZERO,
            _ => continue,
        };
        // `1 - s` is exact (see `Work::toward_total`).
        let toward = if lower_is_better {
            num::sub(Decimal::ONE, s, OP).ok()?
        } else {
            s
        };
        let share = sharing.shares.get(at)?;
        let part = exactness::mul(*share, toward, OP, &mut exact).ok()?;
        normalised_total = exactness::add(normalised_total, part, OP, &mut exact).ok()?;
    }
    let published = match published_from_decimal(rubric, normalised_total, exact).ok()? {
        Some(published) => published,
        None => exact_total(rubric, sharing, &slots)?.round(rubric.rounding())?,
    };
    let all_points = to_points(rubric, normalised_total).ok()?;
    let carried = num::add(rubric.scale().min, all_points, OP).ok()?;
    Some(Score {
        exact: carried.normalize(),
        published,
    })
}

/// The exact total of a sheet the short way has read into `slots`, as a small fraction;
/// `None` when it does not fit one (the long way then decides).
fn exact_total(rubric: &Rubric, sharing: &Sharing, slots: &[Slot]) -> Option<Small> {
    let shares = sharing.fractions.as_ref()?;
    let leaves = slots
        .iter()
        .enumerate()
        .filter_map(|(at, slot)| match slot {
            // An unweighted criterion adds nothing, whatever its score.
            Slot::Scored(..) if shares.get(at).is_some_and(Exact::is_zero) => None,
            Slot::Scored(_, score) => Some((at, score.small())),
            Slot::Minimum => Some((at, Some(Small::zero()))),
            _ => None,
        });
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

    /// Answers out of order, unable to assess (left out by the default policy) and not
    /// applicable take the short way, to the long way's score; omitted answers, duplicates
    /// and not-applicable answers to criteria that do not allow them go the long way.
    #[test]
    fn the_short_way_takes_the_realistic_sheet_and_leaves_the_rest() {
        let rubric = rubric();
        let mut unable = sheet("1", "mid", 2);
        unable.answers[0].value = crate::AnswerValue::UnableToAssess;
        let mut reordered = sheet("1", "mid", 2);
        reordered.answers.swap(0, 1);
        let mut text_unable = sheet("3", "top", 5);
        text_unable.answers[3].value = crate::AnswerValue::UnableToAssess;
        for common in [unable, reordered, text_unable] {
            let quick = super::total(&rubric, &common);
            assert!(quick.is_some(), "{:?}", common.answers);
            assert_eq!(quick, long_way(&rubric, &common));
        }
        let mut short = sheet("1", "mid", 2);
        short.answers.remove(1);
        let mut twice = sheet("1", "mid", 2);
        twice.answers[1].criterion = "half".into();
        let mut not_applicable = sheet("1", "mid", 2);
        not_applicable.answers[0].value = crate::AnswerValue::NotApplicable;
        for other in [short, twice, not_applicable] {
            assert_eq!(super::total(&rubric, &other), None);
        }
    }
}
