//! The judgements behind the minimum gates, shared by one scorecard and a panel.

use std::fmt::Display;

use rust_decimal::Decimal;

use crate::error::{Error, Path};
use crate::rubric::{Metric, TotalScale};

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
