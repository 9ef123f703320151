//! How a panel combines the scores of several assessors of one subject: the aggregation methods
//! a rubric's panel rules name.

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::error::Error;
use crate::num::{self, exact, mean, quantile, undefined};

/// How the scores of several assessors of one subject are combined into one.
///
/// In JSON: `{"method": "median"}`, `{"method": "trimmed_mean", "trim": {"count": 1}}`,
/// `{"method": "winsorised_mean", "trim": {"share": "0.2"}}`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "method", rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum Aggregation {
    /// The arithmetic mean, carried at 20 decimal places (half-even).
    #[default]
    #[serde(deserialize_with = "crate::json::no_fields")]
    Mean,
    /// The middle value; the mean of the two middle values for an even count.
    #[serde(deserialize_with = "crate::json::no_fields")]
    Median,
    /// The mean after dropping `k` values at each end (SciPy's `trim_mean` with a share:
    /// `k = floor(share · n)`).
    TrimmedMean {
        /// How much to drop at each end.
        #[serde(deserialize_with = "crate::json::located::trim::any")]
        trim: Trim,
    },
    /// The mean after replacing the `k` lowest values by the next lowest and the `k` highest by
    /// the next highest (SciPy's `mstats.winsorize`, then the mean).
    WinsorisedMean {
        /// How much to replace at each end.
        #[serde(deserialize_with = "crate::json::located::trim::any")]
        trim: Trim,
    },
    /// The lowest value (for reference).
    #[serde(deserialize_with = "crate::json::no_fields")]
    Min,
    /// The highest value (for reference).
    #[serde(deserialize_with = "crate::json::no_fields")]
    Max,
}

/// How much a trimmed or winsorised mean cuts at each end.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Trim {
    /// A share of the values at each end, in `[0, 0.5)`; `k = floor(share · n)`.
    Share(
        #[serde(with = "exact")]
        #[schemars(with = "crate::kinds::Share")]
        Decimal,
    ),
    /// A number of values at each end: a whole number, however it is written (`1`, `1.0`).
    Count(
        #[serde(deserialize_with = "whole_count")]
        #[schemars(with = "crate::kinds::Count")]
        usize,
    ),
}

impl Trim {
    /// The number of values cut at each end of `n` values.
    fn at_each_end(self, n: usize) -> Result<usize, Error> {
        match self {
            Trim::Count(k) => Ok(k),
            Trim::Share(share) => {
                self.validate().map_err(|reason| Error::InvalidData {
                    statistic: "combined score",
                    reason,
                })?;
                let k = num::mul(share, Decimal::from(n), "trimming")?.floor();
                Ok(k.to_usize().unwrap_or(usize::MAX))
            }
        }
    }

    pub(crate) fn validate(self) -> Result<(), String> {
        match self {
            Trim::Share(s) if s < Decimal::ZERO || s >= Decimal::new(5, 1) => {
                Err(format!("trim share {s} is outside [0, 0.5)"))
            }
            _ => Ok(()),
        }
    }
}

impl Aggregation {
    /// Combines `values` (in any order) by this method.
    ///
    /// ```
    /// use igf_rubric::rubric::Aggregation;
    /// use igf_rubric::rubric::Trim;
    /// use igf_rubric::Decimal;
    ///
    /// let scores: Vec<Decimal> = [4, 5, 3, 4, 1].into_iter().map(Decimal::from).collect();
    /// assert_eq!(Aggregation::Median.combine(&scores)?, Decimal::from(4));
    /// let trimmed = Aggregation::TrimmedMean { trim: Trim::Count(1) };
    /// assert_eq!(trimmed.combine(&scores)?.round_dp(4).to_string(), "3.6667");
    /// # Ok::<(), igf_rubric::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::Undefined`] for no values, or when trimming would leave none;
    /// [`Error::Overflow`] if the sum overflows.
    pub fn combine(self, values: &[Decimal]) -> Result<Decimal, Error> {
        let mut sorted = values.to_vec();
        sorted.sort();
        self.combine_sorted(&sorted)
    }

    /// [`Aggregation::combine`] of values already sorted.
    pub(crate) fn combine_sorted(self, sorted: &[Decimal]) -> Result<Decimal, Error> {
        let n = sorted.len();
        let (Some(&lowest), Some(&highest)) = (sorted.first(), sorted.last()) else {
            return Err(undefined("no values to combine"));
        };
        match self {
            Aggregation::Mean => mean(sorted),
            Aggregation::Median => quantile(sorted, Decimal::new(5, 1)),
            Aggregation::Min => Ok(lowest),
            Aggregation::Max => Ok(highest),
            Aggregation::TrimmedMean { trim } | Aggregation::WinsorisedMean { trim } => {
                let k = trim.at_each_end(n)?;
                let kept = n.checked_sub(k.saturating_mul(2)).filter(|kept| *kept > 0);
                let Some(kept) = kept else {
                    return Err(undefined(&format!(
                        "cutting {k} at each end of {n} values leaves none"
                    )));
                };
                let middle = sorted.get(k..k.saturating_add(kept)).unwrap_or(&[]);
                if matches!(self, Aggregation::TrimmedMean { .. }) {
                    return mean(middle);
                }
                let (Some(&low), Some(&high)) = (middle.first(), middle.last()) else {
                    return Err(undefined("no values to combine"));
                };
                let winsorised: Vec<Decimal> =
                    sorted.iter().map(|v| (*v).clamp(low, high)).collect();
                mean(&winsorised)
            }
        }
    }
}

impl std::fmt::Display for Aggregation {
    /// `mean`, `median`, `trimmed mean (1 cut at each end)`, `winsorised mean (20% at each end)`,
    /// `min`, `max`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let cut = |trim: &Trim| match trim {
            Trim::Count(k) => format!("{k} cut at each end"),
            Trim::Share(s) => match s.checked_mul(Decimal::ONE_HUNDRED) {
                Some(percent) => format!("{}% at each end", percent.normalize()),
                None => format!("share {s} at each end"),
            },
        };
        match self {
            Aggregation::Mean => f.write_str("mean"),
            Aggregation::Median => f.write_str("median"),
            Aggregation::TrimmedMean { trim } => write!(f, "trimmed mean ({})", cut(trim)),
            Aggregation::WinsorisedMean { trim } => write!(f, "winsorised mean ({})", cut(trim)),
            Aggregation::Min => f.write_str("min"),
            Aggregation::Max => f.write_str("max"),
        }
    }
}

impl std::fmt::Display for Trim {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Trim::Share(share) => write!(f, "a share of {share} at each end"),
            Trim::Count(count) => write!(f, "{count} at each end"),
        }
    }
}

/// A count of values, read as the crate reads every count (so `1.0` is 1 inside the buffered
/// aggregation too, as the schema's `integer` says).
fn whole_count<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<usize, D::Error> {
    let count = exact::count::deserialize(deserializer)?;
    usize::try_from(count).map_err(serde::de::Error::custom)
}
