//! The rubric's gates applied to a panel's combined scores.

use rust_decimal::Decimal;

use super::report::CriterionAggregate;
use super::review::Sheet;
use super::subject::combine;
use crate::assessment::AnswerValue;
use crate::error::Error;
use crate::rubric::PanelRules;
use crate::rubric::{GateRule, Rubric};
use crate::scoring::{GateResult, judge_minimum, judge_total};

/// The rubric's gates applied to a subject's combined scores.
pub(super) fn gates(
    rubric: &Rubric,
    rules: &PanelRules,
    included: &[&Sheet<'_>],
    all: usize,
    criteria: &[CriterionAggregate],
    total: Option<Decimal>,
) -> Result<Vec<GateResult>, Error> {
    let half = Decimal::new(5, 1);
    let mut results = Vec::with_capacity(rubric.doc().gates.len());
    for gate in &rubric.doc().gates {
        let (passed, reason) = match &gate.rule {
            GateRule::RequiresYes { criterion } => {
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
                        AnswerValue::YesNo(yes) => {
                            Some(if *yes { Decimal::ONE } else { Decimal::ZERO })
                        }
                        _ => None,
                    })
                    .collect();
                let yes = votes.iter().filter(|v| !v.is_zero()).count();
                match combine(rules.aggregation, &votes)? {
                    Some(v) if v >= half => (
                        true,
                        format!(
                            "`{criterion}`: {yes} of {} assessors answered yes",
                            votes.len()
                        ),
                    ),
                    Some(_) => (
                        false,
                        format!(
                            "`{criterion}`: only {yes} of {} assessors answered yes",
                            votes.len()
                        ),
                    ),
                    None if answers
                        .iter()
                        .any(|a| matches!(a, AnswerValue::NotApplicable)) =>
                    {
                        (true, format!("`{criterion}` not applicable"))
                    }
                    None => (false, format!("`{criterion}` was not assessed")),
                }
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
                    None => (false, format!("`{criterion}` is not a scored criterion")),
                }
            }
            GateRule::TotalMinimum { threshold } => judge_total(rubric.scale(), *threshold, total),
            GateRule::NoConflictOfInterest => {
                let conflicted = all.saturating_sub(included.len());
                if conflicted == 0 {
                    (true, "no assessor excluded".to_owned())
                } else {
                    (
                        true,
                        format!(
                            "{conflicted} assessor(s) excluded (conflict of interest or incomplete)"
                        ),
                    )
                }
            }
        };
        results.push(GateResult {
            id: gate.id.clone(),
            label: gate.label.clone(),
            passed,
            reason,
        });
    }
    Ok(results)
}
