//! The rubric's gates applied to a panel's combined scores.

use rust_decimal::Decimal;

use super::report::CriterionAggregate;
use super::review::Sheet;
use super::subject::combine;
use crate::assessment::AnswerValue;
use crate::error::Error;
use crate::rubric::PanelRules;
use crate::rubric::{GateRule, Rubric};
use crate::scoring::{
    Conflicts, GateResult, YesAnswers, judge_gates, judge_minimum, judge_no_conflict,
    judge_requires_yes, judge_total, not_scored,
};

/// The rubric's gates applied to a subject's combined scores.
pub(super) fn gates(
    rubric: &Rubric,
    rules: &PanelRules,
    included: &[&Sheet<'_>],
    all: usize,
    criteria: &[CriterionAggregate],
    total: Option<Decimal>,
) -> Result<Vec<GateResult>, Error> {
    judge_gates(rubric, |rule| {
        Ok(match rule {
            GateRule::RequiresYes { criterion } => {
                let answers = yes_answers(rubric, rules, included, criterion)?;
                judge_requires_yes(criterion, &answers)
            }
            GateRule::CriterionMinimum {
                criterion,
                threshold,
            } => {
                let aggregate = rubric.position(criterion).and_then(|at| criteria.get(at));
                let scored = aggregate.and_then(|a| a.normalised.zip(a.raw));
                match rubric.criterion(criterion).and_then(|c| c.metric.as_ref()) {
                    Some(metric) => {
                        judge_minimum(criterion, metric, *threshold, scored, "combined")?
                    }
                    None => not_scored(criterion),
                }
            }
            GateRule::TotalMinimum { threshold } => judge_total(rubric.scale(), *threshold, total),
            GateRule::NoConflictOfInterest => {
                judge_no_conflict(Conflicts::Excluded(all.saturating_sub(included.len())))
            }
        })
    })
}

/// The included assessors' answers to a yes/no criterion, combined by the panel's method: yes
/// when the combined vote (1 for yes, 0 for no) is at least one half.
fn yes_answers(
    rubric: &Rubric,
    rules: &PanelRules,
    included: &[&Sheet<'_>],
    criterion: &str,
) -> Result<YesAnswers, Error> {
    let at = rubric.position(criterion);
    let answers: Vec<&AnswerValue> = included
        .iter()
        .filter_map(|s| {
            at.and_then(|at| s.nodes.get(at))
                .and_then(|n| n.answer)
                .map(|a| &a.value)
        })
        .collect();
    let votes: Vec<Decimal> = answers
        .iter()
        .filter_map(|a| match a {
            AnswerValue::YesNo(yes) => Some(if *yes { Decimal::ONE } else { Decimal::ZERO }),
            _ => None,
        })
        .collect();
    let half = Decimal::new(5, 1);
    Ok(YesAnswers {
        yes: votes.iter().filter(|v| !v.is_zero()).count(),
        answered: votes.len(),
        verdict: combine(rules.aggregation, &votes)?.map(|v| v >= half),
        not_applicable: answers
            .iter()
            .any(|a| matches!(a, AnswerValue::NotApplicable)),
        panel: true,
    })
}
