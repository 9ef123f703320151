//! Ranking eligible subjects with a tie-break chain, percentile ranks, and selection under
//! capacity.

use std::cmp::Ordering;

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use super::report::{CriterionAggregate, DecisionReason, SubjectReport};
use crate::error::Error;
use crate::num;
use crate::num::Spread;
use crate::rubric::{PanelRules, TieBreak};
use crate::rubric::{Rubric, TotalScale};

/// An eligible subject waiting to be ranked.
#[derive(Clone, Debug)]
pub(super) struct Candidate {
    /// Its position in the list of subject reports.
    pub(super) index: usize,
    pub(super) id: String,
    pub(super) score: Decimal,
    pub(super) published_total: Decimal,
    /// One value per tie-break step: higher is better (spreads are negated).
    pub(super) tie_values: Vec<Option<Decimal>>,
}

/// The value a subject brings to one tie-break step; higher wins.
pub(super) fn tie_value(
    step: &TieBreak,
    rubric: &Rubric,
    criteria: &[CriterionAggregate],
    spread: Option<&Spread>,
) -> Option<Decimal> {
    match step {
        TieBreak::Criterion { criterion } => rubric
            .position(criterion)
            .and_then(|at| criteria.get(at))
            .and_then(|c| c.normalised),
        TieBreak::SmallerSpread => spread.and_then(|s| Decimal::ZERO.checked_sub(s.range)),
    }
}

/// The others of a tie by id, the first three named and the rest counted, so that an
/// explanation stays short however large the tie. It reads at most four members of the group,
/// so a tie of thousands costs no more per member than a tie of two.
fn tied_with(group: &[&Candidate], index: usize) -> String {
    const NAMED: usize = 3;
    let named = group
        .iter()
        .filter(|c| c.index != index)
        .take(NAMED)
        .map(|c| c.id.as_str())
        .collect::<Vec<_>>()
        .join(", ");
    match group.len().saturating_sub(1).checked_sub(NAMED) {
        Some(rest) if rest > 0 => format!("{named} and {rest} more"),
        _ => named,
    }
}

/// Best first: by ranking score in the scale's direction, then each tie-break step (a missing
/// value loses).
fn compare(a: &Candidate, b: &Candidate, scale: TotalScale) -> Ordering {
    scale.direction.best_first(a.score, b.score).then_with(|| {
        a.tie_values
            .iter()
            .zip(&b.tie_values)
            .map(|(x, y)| y.cmp(x))
            .find(|o| o.is_ne())
            .unwrap_or(Ordering::Equal)
    })
}

/// Ranks the candidates, fills rank, ties, percentile and decision in `subjects`, and returns
/// the ids selected, in rank order.
pub(super) fn rank_and_select(
    subjects: &mut [SubjectReport],
    candidates: &[Candidate],
    rules: &PanelRules,
    scale: TotalScale,
) -> Result<Vec<String>, Error> {
    let mut order: Vec<&Candidate> = candidates.iter().collect();
    order.sort_by(|a, b| compare(a, b, scale).then_with(|| a.id.cmp(&b.id)));
    let mut groups: Vec<Vec<&Candidate>> = Vec::new();
    for candidate in order {
        match groups.last_mut() {
            Some(group)
                if group
                    .first()
                    .is_some_and(|g| compare(g, candidate, scale).is_eq()) =>
            {
                group.push(candidate)
            }
            _ => groups.push(vec![candidate]),
        }
    }
    let ranked = candidates.len();
    let mut selected = Vec::new();
    let mut rank = 1usize;
    // Once a tie straddles the capacity boundary, the remaining places are the panel's to give.
    let mut held = false;
    for group in &groups {
        let meets = |c: &Candidate| {
            rules
                .threshold
                .is_none_or(|t| scale.direction.at_least_as_good(c.published_total, t))
        };
        let meeting = group.iter().filter(|c| meets(c)).count();
        let room = rules.capacity.map(|c| c.saturating_sub(selected.len()));
        let fits = !held && room.is_none_or(|room| meeting <= room);
        for candidate in group {
            let Some(report) = subjects.get_mut(candidate.index) else {
                continue;
            };
            report.rank = Some(rank);
            report.tied = group.len().saturating_sub(1);
            report.percentile = percentile(rank, candidate.score, candidates, rules, scale)?;
            let of = format!("ranked {rank} of {ranked}");
            let decision = &mut report.decision;
            match (rules.threshold, meets(candidate)) {
                (Some(t), false) => {
                    decision.reason = DecisionReason::BelowThreshold;
                    decision.explanation = format!(
                        "{of}, but its total {} is below the threshold of {t}",
                        candidate.published_total
                    );
                }
                _ if fits => {
                    decision.selected = true;
                    decision.reason = DecisionReason::Selected;
                    decision.explanation = match rules.capacity {
                        Some(c) => format!("{of}; {} (capacity {c})", top(c)),
                        None => format!("{of}; no capacity limit"),
                    };
                    selected.push(candidate.id.clone());
                }
                _ if !held && room.is_some_and(|r| r > 0) => {
                    decision.reason = DecisionReason::TiedAtCapacity;
                    decision.explanation = format!(
                        "{of}, tied with {} for {} remaining place(s) of capacity {}: the panel must decide",
                        tied_with(group, candidate.index),
                        room.unwrap_or(0),
                        rules.capacity.unwrap_or(0)
                    );
                }
                _ => {
                    decision.reason = DecisionReason::BelowCapacity;
                    let capacity = rules.capacity.unwrap_or(0);
                    decision.explanation = if held {
                        format!(
                            "{of}; only {} (capacity {capacity}), and a tie above holds the last place",
                            top(capacity)
                        )
                    } else {
                        format!("{of}; only {} (capacity {capacity})", top(capacity))
                    };
                }
            }
        }
        held |= !fits && meeting > 0 && room.is_some_and(|r| r > 0);
        rank = rank.saturating_add(group.len());
    }
    Ok(selected)
}

/// `the first is selected`, `the top 3 are selected`.
fn top(capacity: usize) -> String {
    match capacity {
        1 => "the first is selected".to_owned(),
        n => format!("the top {n} are selected"),
    }
}

/// NIH's percentile: `ceil(100 · (r - 0.5) / N)`, clamped to 1..99, lower is better. Against a
/// reference pool, `r` is one plus the pool's totals strictly better than `score` and `N` the
/// pool's size; otherwise `r` is the rank among the `N` ranked subjects.
fn percentile(
    rank: usize,
    score: Decimal,
    candidates: &[Candidate],
    rules: &PanelRules,
    scale: TotalScale,
) -> Result<Option<u32>, Error> {
    const OP: &str = "computing a percentile";
    let (r, n) = if rules.reference_pool.is_empty() {
        (rank, candidates.len())
    } else {
        let better = rules
            .reference_pool
            .iter()
            .filter(|p| scale.direction.best_first(**p, score).is_lt())
            .count();
        (better.saturating_add(1), rules.reference_pool.len())
    };
    if n == 0 {
        return Ok(None);
    }
    let position = num::sub(Decimal::from(r), Decimal::new(5, 1), OP)?;
    let value = num::div(
        num::mul(Decimal::ONE_HUNDRED, position, OP)?,
        Decimal::from(n),
        OP,
    )?
    .ceil();
    let value = value.clamp(Decimal::ONE, Decimal::from(99));
    Ok(value.to_u32())
}

/// Ranked subjects in rank order (then by id), then the rest by id.
pub(super) fn in_rank_order(mut subjects: Vec<SubjectReport>) -> Vec<SubjectReport> {
    subjects.sort_by(|a, b| match (a.rank, b.rank) {
        (Some(x), Some(y)) => x.cmp(&y).then_with(|| a.subject.id.cmp(&b.subject.id)),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => a.subject.id.cmp(&b.subject.id),
    });
    subjects
}
