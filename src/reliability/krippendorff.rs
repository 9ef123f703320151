//! Krippendorff's alpha for nominal, ordinal, interval and ratio data, with missing values.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Ratings, finite};
use crate::error::Error;

const STATISTIC: &str = "Krippendorff's alpha";

/// The level of measurement, which chooses alpha's difference function δ².
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum MeasurementLevel {
    /// Categories: δ² = 0 for equal values, 1 otherwise.
    Nominal,
    /// Ranks: δ² = (Σ_{g=c..k} n_g - (n_c + n_k)/2)², with n_g the pairable values equal to g.
    Ordinal,
    /// Differences: δ² = (c - k)².
    Interval,
    /// Ratios: δ² = ((c - k) / (c + k))².
    Ratio,
}

crate::label::labels!(MeasurementLevel, "measurement level" {
    Nominal => "nominal", "Nominal";
    Ordinal => "ordinal", "Ordinal";
    Interval => "interval", "Interval";
    Ratio => "ratio", "Ratio";
});

/// Krippendorff's alpha of `ratings` (units in rows, raters in columns, `None` missing).
///
/// # Formula
/// ```text
/// alpha = 1 - D_o / D_e
/// D_o = 1/n · Σ_u 1/(m_u - 1) · Σ_c Σ_k n_uc n_uk δ²(c, k)      (observed, within units)
/// D_e = 1/(n(n - 1)) · Σ_c Σ_k n_c n_k δ²(c, k)                  (expected, all pairable values)
/// ```
/// where a unit is pairable when it has `m_u >= 2` ratings, `n_uc` counts the value `c` in unit
/// `u`, `n_c = Σ_u n_uc` and `n = Σ_u m_u`: the coincidence-matrix form of Krippendorff (2011),
/// "Computing Krippendorff's alpha-reliability". For nominal, ordinal and interval data the
/// inner double sum has a closed form (ordinal δ is a difference of mid-ranks, looked up by
/// binary search), so the cost is `O(units · raters · log values)` with no pairs of raters;
/// ratio data costs `O(Σ_u d_u²)` more, with `d_u` the distinct values in unit `u` (at most
/// `min(raters, values)`).
///
/// # Examples
/// Krippendorff's own example (4 coders, 12 units, missing values): nominal alpha = 0.743.
/// ```
/// use igf_rubric::reliability::{MeasurementLevel, Ratings, krippendorff_alpha};
///
/// let coders = [
///     [Some(1.), Some(2.), Some(3.), Some(3.), Some(2.), Some(1.), Some(4.), Some(1.), Some(2.), None, None, None],
///     [Some(1.), Some(2.), Some(3.), Some(3.), Some(2.), Some(2.), Some(4.), Some(1.), Some(2.), Some(5.), None, Some(3.)],
///     [None, Some(3.), Some(3.), Some(3.), Some(2.), Some(3.), Some(4.), Some(2.), Some(2.), Some(5.), Some(1.), None],
///     [Some(1.), Some(2.), Some(3.), Some(3.), Some(2.), Some(4.), Some(4.), Some(1.), Some(2.), Some(5.), Some(1.), None],
/// ];
/// let units = (0..12).map(|u| coders.iter().map(|c| c[u]).collect()).collect();
/// let alpha = krippendorff_alpha(&Ratings::from_rows(units)?, MeasurementLevel::Nominal)?;
/// assert_eq!(format!("{alpha:.3}"), "0.743");
/// # Ok::<(), igf_rubric::Error>(())
/// ```
///
/// # Errors
/// [`Error::Undefined`] when fewer than two values are pairable or when every pairable value
/// is the same (no variation: `D_e = 0`).
pub fn krippendorff_alpha(ratings: &Ratings, level: MeasurementLevel) -> Result<f64, Error> {
    let units: Vec<Vec<f64>> = ratings
        .rows()
        .map(|row| row.iter().flatten().copied().collect::<Vec<f64>>())
        .filter(|values| values.len() >= 2)
        .collect();
    let mut all: Vec<f64> = units.iter().flatten().copied().collect();
    let n = all.len() as f64;
    if all.len() < 2 {
        return Err(undefined(
            "fewer than two pairable values (no unit has two ratings)",
        ));
    }
    all.sort_by(f64::total_cmp);
    let domain = value_counts(&all);
    let ranks = mid_ranks(&domain);
    let position = |value: f64| -> f64 {
        match level {
            MeasurementLevel::Ordinal => ranks
                .binary_search_by(|(v, _)| v.total_cmp(&value))
                .ok()
                .and_then(|i| ranks.get(i))
                .map_or(value, |(_, rank)| *rank),
            _ => value,
        }
    };
    let expected = disagreement(&domain, level, &position) / (n * (n - 1.0));
    if expected <= 0.0 {
        return Err(undefined("every pairable value is the same (no variation)"));
    }
    let mut observed = 0.0;
    for mut values in units {
        values.sort_by(f64::total_cmp);
        let m = values.len() as f64;
        observed += disagreement(&value_counts(&values), level, &position) / (m - 1.0);
    }
    finite(
        STATISTIC,
        1.0 - (observed / n) / expected,
        "the disagreements are not finite",
    )
}

fn undefined(reason: &str) -> Error {
    Error::Undefined {
        statistic: STATISTIC,
        reason: reason.to_owned(),
    }
}

/// Distinct values of a sorted slice with their counts.
fn value_counts(sorted: &[f64]) -> Vec<(f64, f64)> {
    let mut counts: Vec<(f64, f64)> = Vec::new();
    for &value in sorted {
        match counts.last_mut() {
            Some((last, count)) if *last == value => *count += 1.0,
            _ => counts.push((value, 1.0)),
        }
    }
    counts
}

/// Each distinct value with its ordinal position: the pairable values below it plus half of
/// those equal to it.
fn mid_ranks(domain: &[(f64, f64)]) -> Vec<(f64, f64)> {
    let mut below = 0.0;
    domain
        .iter()
        .map(|(value, count)| {
            let rank = below + count / 2.0;
            below += count;
            (*value, rank)
        })
        .collect()
}

/// `Σ_c Σ_k n_c n_k δ²(c, k)` over the value counts of one unit (or of all pairable values).
fn disagreement(
    counts: &[(f64, f64)],
    level: MeasurementLevel,
    position: &dyn Fn(f64) -> f64,
) -> f64 {
    let m: f64 = counts.iter().map(|(_, c)| c).fold(0.0, |a, c| a + c);
    match level {
        MeasurementLevel::Nominal => {
            m * m - counts.iter().map(|(_, c)| c * c).fold(0.0, |a, x| a + x)
        }
        MeasurementLevel::Interval | MeasurementLevel::Ordinal => {
            // Σ_c Σ_k n_c n_k (t_c - t_k)² = 2 m Σ_c n_c (t_c - mean)²
            let mean = counts
                .iter()
                .map(|(v, c)| c * position(*v))
                .fold(0.0, |a, x| a + x)
                / m;
            let spread = counts
                .iter()
                .map(|(v, c)| c * (position(*v) - mean).powi(2))
                .fold(0.0, |a, x| a + x);
            2.0 * m * spread
        }
        MeasurementLevel::Ratio => {
            let mut total = 0.0;
            for (c, nc) in counts {
                for (k, nk) in counts {
                    let sum = c + k;
                    if sum != 0.0 {
                        total += nc * nk * ((c - k) / sum).powi(2);
                    }
                }
            }
            total
        }
    }
}
