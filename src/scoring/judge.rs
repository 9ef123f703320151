//! The judge of every gate rule, shared by one scorecard and a panel: each rule's meaning and
//! wording live here once, and the sheet and the panel only gather what a rule looks at.

use std::fmt::Display;

use rust_decimal::Decimal;

use super::GateResult;
use crate::error::{Error, Path};
use crate::rubric::{GateRule, Metric, Rubric, TotalScale};

/// Each of the rubric's gates judged by `judge`, in the rubric's order.
pub(crate) fn judge_gates(
    rubric: &Rubric,
    mut judge: impl FnMut(&GateRule) -> Result<(bool, String), Error>,
) -> Result<Vec<GateResult>, Error> {
    let gates = &rubric.doc().gates;
    let mut results = Vec::with_capacity(gates.len());
    for gate in gates {
        let (passed, reason) = judge(&gate.rule)?;
        results.push(GateResult {
            id: gate.id.clone(),
            label: gate.label.clone(),
            passed,
            reason,
        });
    }
    Ok(results)
}

/// What a `requires_yes` gate looks at: the yes/no answers to its criterion, one sheet's or a
/// panel's.
pub(crate) struct YesAnswers {
    /// Answers of yes.
    pub(crate) yes: usize,
    /// Answers of yes or no.
    pub(crate) answered: usize,
    /// Whether the answers, combined, say yes (`None` without a yes or no).
    pub(crate) verdict: Option<bool>,
    /// Whether an answer says the criterion does not apply.
    pub(crate) not_applicable: bool,
    /// Whether the answers are a panel's (worded as counts) rather than one assessor's.
    pub(crate) panel: bool,
}

/// A `requires_yes` gate: passed when the answers say yes, or the criterion does not apply.
pub(crate) fn judge_requires_yes(criterion: &str, answers: &YesAnswers) -> (bool, String) {
    let YesAnswers {
        yes,
        answered,
        verdict,
        not_applicable,
        panel,
    } = *answers;
    match verdict {
        Some(true) if panel => (
            true,
            format!("`{criterion}`: {yes} of {answered} assessors answered yes"),
        ),
        Some(false) if panel => (
            false,
            format!("`{criterion}`: only {yes} of {answered} assessors answered yes"),
        ),
        Some(true) => (true, format!("`{criterion}` answered yes")),
        Some(false) => (false, format!("`{criterion}` answered no")),
        None if not_applicable => (true, format!("`{criterion}` not applicable")),
        None => (false, format!("`{criterion}` was not assessed")),
    }
}

/// What a `no_conflict_of_interest` gate looks at.
pub(crate) enum Conflicts<'a> {
    /// One assessor's declaration, with its statement where there is one.
    Declared(bool, Option<&'a str>),
    /// A panel's assessors left out for a conflict of interest or an incomplete sheet: the
    /// panel has already excluded them, so the gate passes and says how many.
    Excluded(usize),
}

/// A `no_conflict_of_interest` gate.
pub(crate) fn judge_no_conflict(conflicts: Conflicts<'_>) -> (bool, String) {
    match conflicts {
        Conflicts::Declared(false, _) => (true, "no conflict of interest declared".to_owned()),
        Conflicts::Declared(true, Some(statement)) => {
            (false, format!("conflict of interest declared: {statement}"))
        }
        Conflicts::Declared(true, None) => (false, "conflict of interest declared".to_owned()),
        Conflicts::Excluded(0) => (true, "no assessor excluded".to_owned()),
        Conflicts::Excluded(n) => (
            true,
            format!("{n} assessor(s) excluded (conflict of interest or incomplete)"),
        ),
    }
}

/// A `criterion_minimum` gate on a criterion that is not scored.
pub(crate) fn not_scored(criterion: &str) -> (bool, String) {
    (false, format!("`{criterion}` is not a scored criterion"))
}

/// A `criterion_minimum` gate: `scored` is the criterion's normalised score and `shown` what
/// the reason quotes (an answer, or a panel's combined value), `None` when unassessed.
pub(crate) fn judge_minimum(
    criterion: &str,
    metric: &Metric,
    threshold: Decimal,
    scored: Option<(Decimal, impl Display)>,
    what: &str,
) -> Result<(bool, String), Error> {
    let Some((normalised, shown)) = scored else {
        return Ok((
            false,
            format!("`{criterion}` was not assessed (minimum {threshold})"),
        ));
    };
    let bar = metric.normalise_raw(criterion, threshold, &Path::root())?;
    Ok(if normalised >= bar {
        (
            true,
            format!("`{criterion}` {what} {shown} meets the minimum {threshold}"),
        )
    } else {
        (
            false,
            format!("`{criterion}` {what} {shown} is below the minimum {threshold}"),
        )
    })
}

/// A `total_minimum` gate on the published total; "minimum" reads "maximum" where lower is
/// better.
pub(crate) fn judge_total(
    scale: TotalScale,
    threshold: Decimal,
    total: Option<Decimal>,
) -> (bool, String) {
    let bound = scale.direction.bound_word();
    match total {
        Some(t) if scale.direction.at_least_as_good(t, threshold) => {
            (true, format!("total {t} meets the {bound} {threshold}"))
        }
        Some(t) => (false, format!("total {t} misses the {bound} {threshold}")),
        None => (false, format!("no total (incomplete); {bound} {threshold}")),
    }
}
