//! Exact summary statistics over decimals: the combining methods of a panel and its spreads.

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::{Decimal, MathematicalOps};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::error::Error;
use crate::num::{self, exact};

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
        #[schemars(with = "crate::schema::kinds::Share")]
        Decimal,
    ),
    /// A number of values at each end.
    Count(usize),
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
    /// use igf_rubric::Aggregation;
    /// use igf_rubric::Trim;
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
        let n = sorted.len();
        let (Some(&lowest), Some(&highest)) = (sorted.first(), sorted.last()) else {
            return Err(undefined("no values to combine"));
        };
        match self {
            Aggregation::Mean => mean(&sorted),
            Aggregation::Median => quantile(&sorted, Decimal::new(5, 1)),
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

fn undefined(reason: &str) -> Error {
    Error::Undefined {
        statistic: "combined score",
        reason: reason.to_owned(),
    }
}

/// Decimal places at which means are carried: rounded half-even, so that a mean of values
/// shifted by a constant (with at most this many places) is the mean shifted by exactly that
/// constant, whatever the magnitude of the values.
pub const MEAN_DECIMAL_PLACES: u32 = 20;

/// The arithmetic mean of at least one value, to [`MEAN_DECIMAL_PLACES`].
pub(crate) fn mean(values: &[Decimal]) -> Result<Decimal, Error> {
    if values.is_empty() {
        return Err(undefined("no values to combine"));
    }
    let quotient = num::div(
        num::sum(values.iter().copied(), "averaging")?,
        Decimal::from(values.len()),
        "averaging",
    )?;
    Ok(quotient.round_dp_with_strategy(
        MEAN_DECIMAL_PLACES,
        rust_decimal::RoundingStrategy::MidpointNearestEven,
    ))
}

/// The `p` quantile of sorted values by linear interpolation between order statistics
/// (Hyndman and Fan type 7, the default of R and NumPy): `h = (n - 1) p`.
pub(crate) fn quantile(sorted: &[Decimal], p: Decimal) -> Result<Decimal, Error> {
    const OP: &str = "taking a quantile";
    let last = sorted
        .len()
        .checked_sub(1)
        .ok_or_else(|| undefined("no values"))?;
    let h = num::mul(Decimal::from(last), p, OP)?;
    let below = h.floor();
    let i = below.to_usize().unwrap_or(0).min(last);
    let lower = sorted.get(i).copied().unwrap_or_default();
    let upper = sorted
        .get(i.saturating_add(1).min(last))
        .copied()
        .unwrap_or(lower);
    let fraction = num::sub(h, below, OP)?;
    num::add(
        lower,
        num::mul(fraction, num::sub(upper, lower, OP)?, OP)?,
        OP,
    )
}

/// How far apart the values of one subject (or criterion) are.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct Spread {
    /// Number of values.
    pub n: usize,
    /// Lowest value.
    #[serde(with = "exact")]
    #[schemars(with = "crate::schema::kinds::Decimal")]
    pub min: Decimal,
    /// Highest value.
    #[serde(with = "exact")]
    #[schemars(with = "crate::schema::kinds::Decimal")]
    pub max: Decimal,
    /// `max - min`.
    #[serde(with = "exact")]
    #[schemars(with = "crate::schema::kinds::Decimal")]
    pub range: Decimal,
    /// Interquartile range, `Q3 - Q1` (type 7 quantiles).
    #[serde(with = "exact")]
    #[schemars(with = "crate::schema::kinds::Decimal")]
    pub iqr: Decimal,
    /// Sample standard deviation (divisor `n - 1`); absent for a single value. A square root:
    /// computed by rust_decimal's Newton iteration to 28 significant digits, the same on every
    /// machine.
    #[serde(
        default,
        with = "exact::option",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(with = "Option<crate::schema::kinds::Decimal>")]
    pub sd: Option<Decimal>,
}

impl Spread {
    /// The spread of at least one value.
    ///
    /// ```
    /// use igf_rubric::{Decimal, Spread};
    ///
    /// let totals: Vec<Decimal> = [60, 70, 90].into_iter().map(Decimal::from).collect();
    /// let spread = Spread::of(&totals)?;
    /// assert_eq!((spread.range, spread.iqr), (Decimal::from(30), Decimal::from(15)));
    /// assert_eq!(spread.sd.map(|sd| sd.round_dp(4).to_string()).as_deref(), Some("15.2753"));
    /// # Ok::<(), igf_rubric::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::Undefined`] for no values; [`Error::Overflow`] if a sum overflows.
    pub fn of(values: &[Decimal]) -> Result<Spread, Error> {
        let mut sorted = values.to_vec();
        sorted.sort();
        let (Some(&min), Some(&max)) = (sorted.first(), sorted.last()) else {
            return Err(undefined("no values"));
        };
        let q1 = quantile(&sorted, Decimal::new(25, 2))?;
        let q3 = quantile(&sorted, Decimal::new(75, 2))?;
        Ok(Spread {
            n: sorted.len(),
            min: min.normalize(),
            max: max.normalize(),
            range: num::sub(max, min, "measuring spread")?.normalize(),
            iqr: num::sub(q3, q1, "measuring spread")?.normalize(),
            sd: sample_sd(&sorted)?,
        })
    }
}

/// Sample standard deviation, `None` for fewer than two values.
pub(crate) fn sample_sd(values: &[Decimal]) -> Result<Option<Decimal>, Error> {
    const OP: &str = "computing a standard deviation";
    if values.len() < 2 {
        return Ok(None);
    }
    let m = mean(values)?;
    let mut squares = Decimal::ZERO;
    for v in values {
        let d = num::sub(*v, m, OP)?;
        squares = num::add(squares, num::mul(d, d, OP)?, OP)?;
    }
    let variance = num::div(squares, Decimal::from(values.len().saturating_sub(1)), OP)?;
    variance
        .sqrt()
        .map(|s| Some(s.normalize()))
        .ok_or(Error::Overflow {
            path: crate::Path::root(),
            operation: OP,
        })
}
