//! Krippendorff's alpha for nominal, ordinal, interval and ratio data, with missing values.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::domain::Domain;
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
/// Matches the `krippendorff` package's `alpha(reliability_data=..., level_of_measurement=...)` (tests/fixtures/reliability.json).
///
/// # Errors
/// [`Error::Undefined`] when fewer than two values are pairable or when every pairable value
/// is the same (no variation: `D_e = 0`).
pub fn krippendorff_alpha(ratings: &Ratings, level: MeasurementLevel) -> Result<f64, Error> {
    if level == MeasurementLevel::Interval {
        return interval_alpha(ratings);
    }
    let domain = Domain::of(|| ratings.cells().iter().copied().filter(|v| !v.is_nan()));
    // Each pairable unit as its distinct values (indexes into the domain) with their counts,
    // end to end; the pairable values' counts over all units.
    let mut units: Vec<(usize, f64)> = Vec::new();
    let mut ends: Vec<usize> = Vec::new();
    let mut totals = vec![0.0; domain.values.len()];
    let mut unit_counts = vec![0.0; domain.values.len()];
    let mut seen: Vec<usize> = Vec::new();
    ratings.for_each_unit(|row| {
        seen.clear();
        for at in row
            .iter()
            .filter(|v| !v.is_nan())
            .filter_map(|v| domain.index(*v))
        {
            if let Some(count) = unit_counts.get_mut(at) {
                if *count == 0.0 {
                    seen.push(at);
                }
                *count += 1.0;
            }
        }
        let pairable = seen.iter().fold(0.0, |m, at| {
            m + unit_counts.get(*at).copied().unwrap_or(0.0)
        }) >= 2.0;
        for at in &seen {
            let count = unit_counts.get_mut(*at).map_or(0.0, std::mem::take);
            if pairable {
                units.push((*at, count));
                if let Some(total) = totals.get_mut(*at) {
                    *total += count;
                }
            }
        }
        if pairable {
            ends.push(units.len());
        }
    });
    let n = totals.iter().fold(0.0, |n, count| n + count);
    if n < 2.0 {
        return Err(undefined(
            "fewer than two pairable values (no unit has two ratings)",
        ));
    }
    // Each distinct value's position: its mid-rank for ordinal data, itself otherwise.
    let positions: Vec<f64> = match level {
        MeasurementLevel::Ordinal => mid_ranks(&totals),
        _ => domain.values.clone(),
    };
    let all: Vec<(usize, f64)> = totals.iter().copied().enumerate().collect();
    let expected = disagreement(&all, &domain.values, &positions, level) / (n * (n - 1.0));
    if expected <= 0.0 {
        return Err(undefined("every pairable value is the same (no variation)"));
    }
    let mut observed = 0.0;
    let mut start = 0;
    for end in ends {
        let unit = units.get(start..end).unwrap_or(&[]);
        let m = unit.iter().fold(0.0, |m, (_, count)| m + count);
        observed += disagreement(unit, &domain.values, &positions, level) / (m - 1.0);
        start = end;
    }
    finite(
        STATISTIC,
        1.0 - (observed / n) / expected,
        "the disagreements are not finite",
    )
}

/// Interval alpha from sums alone: for δ² = (c - k)², `Σ_c Σ_k n_c n_k δ²` is
/// `2 m Σ (x - mean)²` over the values, so neither the distinct values nor their counts are
/// needed. One pass: each unit's count, sum and sum of squares give its own spread, and their
/// totals the pooled one.
fn interval_alpha(ratings: &Ratings) -> Result<f64, Error> {
    // Values are taken relative to the first one, so that sums of squares of values far from
    // zero but close together do not cancel away their differences.
    let origin = ratings.first_rating().unwrap_or(0.0);
    // One pass: per unit, the count, sum and sum of squares of its values; the unit's
    // within-unit squared deviations follow as q - s²/m, and the pooled ones from the totals.
    let (mut n, mut total, mut squares, mut observed) = (0.0, 0.0, 0.0, 0.0);
    ratings.for_each_unit(|row| {
        let (m, sum, q) = moments(row, origin);
        if m >= 2.0 {
            n += m;
            total += sum;
            squares += q;
            observed += 2.0 * m * (q - sum * sum / m) / (m - 1.0);
        }
    });
    if n < 2.0 {
        return Err(undefined(
            "fewer than two pairable values (no unit has two ratings)",
        ));
    }
    let spread = squares - total * total / n;
    let expected = 2.0 * n * spread / (n * (n - 1.0));
    if expected <= 0.0 {
        return Err(undefined("every pairable value is the same (no variation)"));
    }
    finite(
        STATISTIC,
        1.0 - (observed / n) / expected,
        "the disagreements are not finite",
    )
}

/// The count, sum and sum of squares of a row's present values, each less `origin`, summed in
/// four independent lanes with missing values masked (so the loop vectorises).
fn moments(row: &[f64], origin: f64) -> (f64, f64, f64) {
    let (mut ms, mut ss, mut qs) = ([0.0_f64; 4], [0.0_f64; 4], [0.0_f64; 4]);
    let mut add = |chunk: &[f64; 4]| {
        let lanes = ms.iter_mut().zip(ss.iter_mut().zip(qs.iter_mut()));
        for (v, (m, (s, q))) in chunk.iter().zip(lanes) {
            let present = !v.is_nan();
            let x = if present { v - origin } else { 0.0 };
            *m += if present { 1.0 } else { 0.0 };
            *s += x;
            *q += x * x;
        }
    };
    let chunks = row.chunks_exact(4);
    let mut last = [f64::NAN; 4];
    last.iter_mut()
        .zip(chunks.remainder())
        .for_each(|(to, from)| *to = *from);
    chunks
        .filter_map(|chunk| <&[f64; 4]>::try_from(chunk).ok())
        .for_each(&mut add);
    add(&last);
    let total = |[a, b, c, d]: [f64; 4]| (a + b) + (c + d);
    (total(ms), total(ss), total(qs))
}

fn undefined(reason: &str) -> Error {
    Error::Undefined {
        statistic: STATISTIC,
        reason: reason.to_owned(),
    }
}

/// Each distinct value's ordinal position: the pairable values below it plus half of those
/// equal to it.
fn mid_ranks(counts: &[f64]) -> Vec<f64> {
    let mut below = 0.0;
    counts
        .iter()
        .map(|count| {
            let rank = below + count / 2.0;
            below += count;
            rank
        })
        .collect()
}

/// `Σ_c Σ_k n_c n_k δ²(c, k)` over `counts` (pairs of a value's index and its count), with
/// `values` and their `positions` (mid-ranks or the values), of one unit or of all pairable
/// values.
fn disagreement(
    counts: &[(usize, f64)],
    values: &[f64],
    positions: &[f64],
    level: MeasurementLevel,
) -> f64 {
    let m: f64 = counts.iter().fold(0.0, |a, (_, c)| a + c);
    let at = |list: &[f64], i: usize| list.get(i).copied().unwrap_or(0.0);
    match level {
        MeasurementLevel::Nominal => m * m - counts.iter().fold(0.0, |a, (_, c)| a + c * c),
        MeasurementLevel::Interval | MeasurementLevel::Ordinal => {
            // Σ_c Σ_k n_c n_k (t_c - t_k)² = 2 m Σ_c n_c (t_c - mean)²
            let mean = counts
                .iter()
                .fold(0.0, |a, (i, c)| a + c * at(positions, *i))
                / m;
            let spread = counts
                .iter()
                .fold(0.0, |a, (i, c)| a + c * (at(positions, *i) - mean).powi(2));
            2.0 * m * spread
        }
        MeasurementLevel::Ratio => {
            let mut total = 0.0;
            for (i, nc) in counts {
                for (k, nk) in counts {
                    let (c, k) = (at(values, *i), at(values, *k));
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
