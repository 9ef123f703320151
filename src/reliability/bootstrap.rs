//! Bootstrap intervals from a seed: units resampled with replacement by a portable generator
//! (ChaCha8 from `rand_chacha`), so one seed gives one interval on every machine.

use rand_chacha::ChaCha8Rng;
use rand_core::{RngCore, SeedableRng};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{MeasurementLevel, Ratings, krippendorff_alpha};
use crate::error::Error;

/// A percentile bootstrap interval.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct BootstrapInterval {
    /// The coefficient on the data as given.
    pub estimate: f64,
    /// The 2.5th percentile of the resampled coefficients.
    pub ci95_lower: f64,
    /// The 97.5th percentile of the resampled coefficients.
    pub ci95_upper: f64,
    /// Resamples drawn.
    pub samples: usize,
    /// Resamples on which the coefficient is undefined (no variation), left out of the
    /// percentiles.
    pub undefined: usize,
    /// The seed.
    pub seed: u64,
}

impl std::fmt::Display for BootstrapInterval {
    /// `0.743, 95% bootstrap CI 0.446 to 0.941 (1000 resamples of units, seed 2026)`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{:.3}, 95% bootstrap CI {:.3} to {:.3} ({} resamples of units, seed {}",
            self.estimate, self.ci95_lower, self.ci95_upper, self.samples, self.seed
        )?;
        match self.undefined {
            0 => write!(f, ")"),
            n => write!(f, "; undefined on {n})"),
        }
    }
}

/// A uniform index below `n` (`n > 0`), without modulo bias (Lemire's multiply-and-reject).
fn index(rng: &mut ChaCha8Rng, n: usize) -> usize {
    let n = (n as u64).max(1);
    let zone = n.wrapping_neg().checked_rem(n).unwrap_or(0);
    loop {
        // A u64 times a u64 always fits in a u128.
        let wide = u128::from(rng.next_u64()).wrapping_mul(u128::from(n));
        let (high, low) = ((wide >> 64) as u64, wide as u64);
        if low >= zone {
            return usize::try_from(high).unwrap_or(0);
        }
    }
}

/// The `p` quantile of sorted values, interpolating linearly between ranks (NumPy's default).
fn quantile(sorted: &[f64], p: f64) -> f64 {
    let last = sorted.len().saturating_sub(1);
    let rank = p * last as f64;
    let below = rank.floor();
    let i = below as usize;
    let (a, b) = (
        sorted.get(i).copied().unwrap_or(0.0),
        sorted
            .get(i.saturating_add(1).min(last))
            .copied()
            .unwrap_or(0.0),
    );
    a + (b - a) * (rank - below)
}

/// Krippendorff's alpha with a percentile bootstrap interval over units: `samples` times, as
/// many units as there are are drawn with replacement and alpha is computed on them.
///
/// This is the nonparametric bootstrap over units (units are the sampling units of a
/// reliability study); Krippendorff's own macro resamples pairs of values instead, and its
/// intervals differ somewhat.
///
/// ```
/// use igf_rubric::reliability::{MeasurementLevel, Ratings, krippendorff_bootstrap};
///
/// let rows = vec![
///     vec![Some(1.0), Some(1.0), Some(2.0)], vec![Some(2.0), Some(2.0), Some(2.0)],
///     vec![Some(3.0), Some(3.0), Some(3.0)], vec![Some(3.0), Some(4.0), Some(4.0)],
///     vec![Some(4.0), Some(4.0), Some(4.0)], vec![Some(5.0), Some(5.0), Some(4.0)],
///     vec![Some(1.0), Some(2.0), Some(1.0)], vec![Some(2.0), Some(2.0), Some(3.0)],
/// ];
/// let ratings = Ratings::from_rows(rows)?;
/// let one = krippendorff_bootstrap(&ratings, MeasurementLevel::Interval, 2_000, 7)?;
/// let again = krippendorff_bootstrap(&ratings, MeasurementLevel::Interval, 2_000, 7)?;
/// assert_eq!(one, again); // one seed, one interval, on every machine
/// assert!(one.ci95_lower < one.estimate && one.estimate < one.ci95_upper);
/// # Ok::<(), igf_rubric::Error>(())
/// ```
///
/// # Errors
/// As for [`krippendorff_alpha`] on the data given; [`Error::InvalidData`] for fewer than 100
/// samples; [`Error::Undefined`] when alpha is undefined on more than half the resamples.
pub fn krippendorff_bootstrap(
    ratings: &Ratings,
    level: MeasurementLevel,
    samples: usize,
    seed: u64,
) -> Result<BootstrapInterval, Error> {
    const STATISTIC: &str = "bootstrap of Krippendorff's alpha";
    if samples < 100 {
        return Err(Error::InvalidData {
            statistic: STATISTIC,
            reason: format!("needs at least 100 samples, asked for {samples}"),
        });
    }
    let estimate = krippendorff_alpha(ratings, level)?;
    let rows: Vec<Vec<Option<f64>>> = ratings.rows_with_gaps().collect();
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let mut values = Vec::with_capacity(samples);
    let mut undefined = 0usize;
    for _ in 0..samples {
        let drawn: Vec<Vec<Option<f64>>> = (0..rows.len())
            .filter_map(|_| rows.get(index(&mut rng, rows.len())).cloned())
            .collect();
        match Ratings::from_rows(drawn).and_then(|r| krippendorff_alpha(&r, level)) {
            Ok(alpha) => values.push(alpha),
            Err(_) => undefined = undefined.saturating_add(1),
        }
    }
    if values.len() < samples / 2 {
        return Err(Error::Undefined {
            statistic: STATISTIC,
            reason: format!("alpha is undefined on {undefined} of {samples} resamples"),
        });
    }
    values.sort_by(f64::total_cmp);
    Ok(BootstrapInterval {
        estimate,
        ci95_lower: quantile(&values, 0.025),
        ci95_upper: quantile(&values, 0.975),
        samples,
        undefined,
        seed,
    })
}
