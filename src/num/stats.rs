//! Exact summary statistics over decimals: the combining methods of a panel and its spreads.

use std::collections::HashMap;

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::error::Error;
use crate::num::{self, exact};

pub(crate) fn undefined(reason: &str) -> Error {
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
    #[schemars(with = "crate::kinds::Decimal")]
    pub min: Decimal,
    /// Highest value.
    #[serde(with = "exact")]
    #[schemars(with = "crate::kinds::Decimal")]
    pub max: Decimal,
    /// `max - min`.
    #[serde(with = "exact")]
    #[schemars(with = "crate::kinds::Decimal")]
    pub range: Decimal,
    /// Interquartile range, `Q3 - Q1` (type 7 quantiles).
    #[serde(with = "exact")]
    #[schemars(with = "crate::kinds::Decimal")]
    pub iqr: Decimal,
    /// Sample standard deviation (divisor `n - 1`); absent for a single value. A square root:
    /// computed by rust_decimal's Newton iteration to 28 significant digits, the same on every
    /// machine.
    #[serde(
        default,
        with = "exact::option",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(with = "Option<crate::kinds::Decimal>")]
    pub sd: Option<Decimal>,
}

impl Spread {
    /// The spread of at least one value.
    ///
    /// ```
    /// use igf_rubric::{Decimal, panel::Spread};
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
        Spread::of_sorted(&sorted, None)
    }

    /// The spread of `sorted` values, given their [`mean`] where the caller already has it.
    pub(crate) fn of_sorted(sorted: &[Decimal], mean: Option<Decimal>) -> Result<Spread, Error> {
        let (Some(&min), Some(&max)) = (sorted.first(), sorted.last()) else {
            return Err(undefined("no values"));
        };
        let q1 = quantile(sorted, Decimal::new(25, 2))?;
        let q3 = quantile(sorted, Decimal::new(75, 2))?;
        Ok(Spread {
            n: sorted.len(),
            min: min.normalize(),
            max: max.normalize(),
            range: num::sub(max, min, "measuring spread")?.normalize(),
            iqr: num::sub(q3, q1, "measuring spread")?.normalize(),
            sd: match mean {
                Some(m) => sd_about(sorted, m)?,
                None => sample_sd(sorted)?,
            },
        })
    }
}

/// The spreads of many small samples, each measured once: a review measures one per subject
/// and criterion, and on levels and scales the same few values recur from subject to subject.
/// Keyed by the exact bits of the sorted values, so a spread found here is the one
/// [`Spread::of_sorted`] would compute, to the last digit.
#[derive(Default)]
pub(crate) struct Spreads {
    known: HashMap<Box<[u128]>, Spread>,
    key: Vec<u128>,
}

impl Spreads {
    /// The most spreads kept: past it (values that seldom recur) spreads are only computed.
    const KEPT: usize = 1 << 12;

    /// As [`Spread::of_sorted`].
    pub(crate) fn of_sorted(
        &mut self,
        sorted: &[Decimal],
        mean: Option<Decimal>,
    ) -> Result<Spread, Error> {
        self.key.clear();
        self.key
            .extend(sorted.iter().map(|v| u128::from_le_bytes(v.serialize())));
        if let Some(known) = self.known.get(self.key.as_slice()) {
            return Ok(known.clone());
        }
        let spread = Spread::of_sorted(sorted, mean)?;
        if self.known.len() < Spreads::KEPT {
            let key = self.key.as_slice().into();
            self.known.insert(key, spread.clone());
        }
        Ok(spread)
    }
}

/// Sample standard deviation, `None` for fewer than two values.
pub(crate) fn sample_sd(values: &[Decimal]) -> Result<Option<Decimal>, Error> {
    if values.len() < 2 {
        return Ok(None);
    }
    sd_about(values, mean(values)?)
}

/// Sample standard deviation of `values` about their [`mean`] `m`.
fn sd_about(values: &[Decimal], m: Decimal) -> Result<Option<Decimal>, Error> {
    const OP: &str = "computing a standard deviation";
    if values.len() < 2 {
        return Ok(None);
    }
    let mut squares = Decimal::ZERO;
    for v in values {
        let d = num::sub(*v, m, OP)?;
        squares = num::add(squares, num::mul(d, d, OP)?, OP)?;
    }
    let variance = num::div(squares, Decimal::from(values.len().saturating_sub(1)), OP)?;
    sqrt(variance)
        .map(|s| Some(s.normalize()))
        .ok_or(Error::Overflow {
            path: crate::error::Path::root(),
            operation: OP,
        })
}

/// The square root of `v >= 0` to the decimal's precision; `None` for a negative `v`.
///
/// Newton's iteration from a first guess that `f64` gives to about 16 digits: each step from
/// above the root stays above it and halves the digits still wrong, so two or three steps
/// reach the decimal's 28; it stops at the first step that no longer decreases, so it always
/// ends (a fixed iteration count or an equality test could cycle between neighbours).
pub(crate) fn sqrt(v: Decimal) -> Option<Decimal> {
    if v.is_sign_negative() && !v.is_zero() {
        return None;
    }
    if v.is_zero() {
        return Some(Decimal::ZERO);
    }
    let step = |r: Decimal| -> Option<Decimal> {
        r.checked_add(v.checked_div(r)?)?.checked_div(Decimal::TWO)
    };
    let guess = v
        .to_f64()
        .map(f64::sqrt)
        .and_then(Decimal::from_f64_retain)
        .filter(|g| !g.is_zero())
        .unwrap_or(Decimal::ONE);
    // One step from any positive guess lands on or above the root (the mean of r and v/r is
    // at least their geometric mean), up to the last digit's rounding.
    let mut r = step(guess)?;
    loop {
        let next = step(r)?;
        if next >= r {
            return Some(r);
        }
        r = next;
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::arithmetic_side_effects)]

    use proptest::prelude::*;
    use rust_decimal::{Decimal, MathematicalOps};

    proptest! {
        /// The root is rust_decimal's own Newton root to the last digit (so no published spread
        /// changes), and squares back to `v` to the decimal's precision.
        #[test]
        fn the_square_root_is_the_root(m in 1i64..i64::MAX, scale in 0u32..=28) {
            let v = Decimal::new(m, scale);
            let ours = super::sqrt(v).unwrap();
            let theirs = v.sqrt().unwrap();
            prop_assert_eq!(ours, theirs, "{}", v);
            let back = ours * ours;
            prop_assert!((back - v).abs() <= v * Decimal::new(1, 26), "{v}: {ours}² = {back}");
        }

        /// A spread remembered is the spread computed, to the last digit and the scale of each
        /// figure, whether the values recur as the same bits or as equal values written with
        /// other scales (which are measured afresh).
        #[test]
        fn a_remembered_spread_is_the_spread(
            samples in prop::collection::vec(
                prop::collection::vec((0i64..12, 0u32..3), 1..6),
                1..40,
            ),
        ) {
            let mut spreads = super::Spreads::default();
            for sample in samples.iter().chain(&samples) {
                let mut values: Vec<Decimal> =
                    sample.iter().map(|(m, scale)| Decimal::new(*m * 10i64.pow(*scale) / 3, *scale)).collect();
                values.sort();
                let computed = super::Spread::of_sorted(&values, None).unwrap();
                let remembered = spreads.of_sorted(&values, None).unwrap();
                prop_assert_eq!(format!("{computed:?}"), format!("{remembered:?}"));
            }
        }
    }

    #[test]
    fn roots_of_squares_are_exact() {
        for (v, root) in [
            ("0", "0"),
            ("1", "1"),
            ("0.25", "0.5"),
            ("2.25", "1.5"),
            ("144", "12"),
        ] {
            let v: Decimal = v.parse().unwrap();
            assert_eq!(super::sqrt(v).unwrap().normalize().to_string(), root);
        }
        assert_eq!(super::sqrt(Decimal::NEGATIVE_ONE), None);
    }
}
