//! Publishing a total: rounded once, from the exact total.
//!
//! The total is `T = min + span · Σ_leaf (Π_path w / W) · t_leaf`, a rational number whose
//! divisions (by weight sums, by a scale's span) need not end. The decimal computation carries
//! about 28 significant digits, so it can sit on the other side of a rounding boundary than `T`
//! does (`50.01499…9` computed as `50.015`). Rounding it would then round twice.
//!
//! So the decimal value is used only when it lies farther from every rounding boundary than its
//! error can reach. Each division or product of values in `[0, 1]` errs by at most `1e-28`;
//! each elementary error reaches `N = Σ share · t` with a coefficient of at most the tree's
//! depth (shares below a node split its share, so errors are never multiplied by more than 1
//! per level), and there are at most three such operations per node. Hence
//! `|N' - N| <= 3 · nodes · depth · 1e-28 <= (nodes + 1)² · 1e-27`, and the final product and
//! sum on a scale within ±10^6 add at most `1e-20`. Otherwise the total is computed exactly in
//! big rationals and rounded from there.

// Big rationals neither overflow nor wrap; the one operation that could panic, division by
// zero, is guarded where it happens (a zero denominator or weight sum is an error or skipped).
#![allow(clippy::arithmetic_side_effects)]

use num_bigint::BigInt;
use num_rational::BigRational;
use num_traits::{One, Signed, ToPrimitive, Zero};
use rust_decimal::Decimal;

use super::engine::{Outcome, Work};
use crate::error::Error;
use crate::num::{self, Rounding, RoundingMode, Score};
use crate::rubric::Direction;

const OP: &str = "publishing a total";

impl Work<'_> {
    /// The total as a [`Score`]: `exact` as carried (22 decimal places, the points' precision),
    /// `published` rounded once from the exact total.
    pub(super) fn publish(&self, carried: Decimal) -> Result<Score, Error> {
        let rounding = self.rubric.rounding();
        let scale = self.rubric.scale();
        let span = num::sub(scale.max, scale.min, OP)?;
        let approx = num::add(scale.min, num::mul(span, self.normalised_total, OP)?, OP)?;
        let published = match self.error_bound(span) {
            Some(bound) if clear_of_boundaries(approx, bound, rounding)? => {
                rounding.apply(approx)?
            }
            _ => round_exactly(&self.exact_total()?, rounding)?,
        };
        Ok(Score {
            exact: carried.normalize(),
            published,
        })
    }

    /// `(nodes + 1)² · 1e-27 · span + 1e-20`, or `None` when that does not fit a decimal (the
    /// exact path then decides).
    fn error_bound(&self, span: Decimal) -> Option<Decimal> {
        let nodes = Decimal::from(self.rubric.nodes().len()).checked_add(Decimal::ONE)?;
        nodes
            .checked_mul(nodes)?
            .checked_mul(Decimal::new(1, 27))?
            .checked_mul(span)?
            .checked_add(Decimal::new(1, 20))
    }

    /// `T` in big rationals, from the leaves' fractions and the weights of what takes part.
    fn exact_total(&self) -> Result<BigRational, Error> {
        let nodes = self.rubric.nodes();
        let mut share: Vec<BigRational> = vec![BigRational::zero(); nodes.len()];
        self.share_exactly(self.rubric.top(), &BigRational::one(), &mut share);
        for (at, node) in nodes.iter().enumerate() {
            if node.criterion.metric.is_none() && self.carries(at) {
                let parent = share.get(at).cloned().unwrap_or_default();
                self.share_exactly(&node.children, &parent, &mut share);
            }
        }
        let lower_is_better = self.rubric.scale().direction == Direction::LowerIsBetter;
        let mut sum = BigRational::zero();
        for (at, node) in nodes.iter().enumerate() {
            let is_leaf = node.criterion.metric.is_some();
            let s = match self.outcome(at) {
                Outcome::Scored(_) if is_leaf => {
                    let f = self
                        .fraction
                        .get(at)
                        .copied()
                        .ok_or(Error::Overflow { operation: OP })?;
                    if f.denominator.is_zero() {
                        return Err(Error::Overflow { operation: OP });
                    }
                    ratio(f.numerator) / ratio(f.denominator)
                }
                Outcome::Minimum => BigRational::zero(),
                _ => continue,
            };
            let toward = if lower_is_better {
                BigRational::one() - s
            } else {
                s
            };
            sum += share.get(at).cloned().unwrap_or_default() * toward;
        }
        let scale = self.rubric.scale();
        Ok(ratio(scale.min) + ratio(num::sub(scale.max, scale.min, OP)?) * sum)
    }

    fn share_exactly(&self, children: &[usize], parent: &BigRational, share: &mut [BigRational]) {
        let playing: Vec<(usize, BigRational)> = children
            .iter()
            .filter(|c| self.carries(**c))
            .filter_map(|c| self.node(*c).map(|n| (*c, ratio(n.weight()))))
            .collect();
        let total = playing
            .iter()
            .fold(BigRational::zero(), |acc, (_, w)| acc + w);
        if total.is_zero() {
            return;
        }
        for (at, weight) in playing {
            if let Some(slot) = share.get_mut(at) {
                *slot = parent * weight / &total;
            }
        }
    }
}

/// A decimal as an exact rational.
fn ratio(value: Decimal) -> BigRational {
    BigRational::new(
        BigInt::from(value.mantissa()),
        BigInt::from(10u8).pow(value.scale()),
    )
}

/// Whether `value` lies farther than `bound` from every value where rounding changes its
/// result: the midpoints for the half modes, the publishable values for the others.
fn clear_of_boundaries(value: Decimal, bound: Decimal, rounding: Rounding) -> Result<bool, Error> {
    let unit = Decimal::new(1, rounding.dp);
    let steps = num::div(value, unit, OP)?;
    let below = num::sub(steps, steps.floor(), OP)?;
    let distance = match rounding.mode {
        RoundingMode::HalfEven | RoundingMode::HalfUp | RoundingMode::HalfDown => {
            num::sub(below, Decimal::new(5, 1), OP)?.abs()
        }
        _ => below.min(num::sub(Decimal::ONE, below, OP)?),
    };
    Ok(num::mul(distance, unit, OP)? > bound)
}

/// Rounds an exact rational as `rounding` declares, to a decimal with exactly `dp` places.
fn round_exactly(value: &BigRational, rounding: Rounding) -> Result<Decimal, Error> {
    let overflow = || Error::Overflow { operation: OP };
    let scaled = value * BigRational::from_integer(BigInt::from(10u8).pow(rounding.dp));
    let negative = scaled.is_negative();
    let magnitude = scaled.abs();
    let floor = magnitude.floor();
    let rest = &magnitude - &floor;
    let half = BigRational::new(BigInt::from(1u8), BigInt::from(2u8));
    let floor = floor.to_integer();
    let is_even = (&floor % BigInt::from(2u8)).is_zero();
    let up = match rounding.mode {
        _ if rest.is_zero() => false,
        RoundingMode::HalfEven => rest > half || (rest == half && !is_even),
        RoundingMode::HalfUp => rest >= half,
        RoundingMode::HalfDown => rest > half,
        RoundingMode::Up => true,
        RoundingMode::Down => false,
        RoundingMode::Ceiling => !negative,
        RoundingMode::Floor => negative,
    };
    let magnitude = if up { floor + BigInt::one() } else { floor };
    let signed = if negative { -magnitude } else { magnitude };
    let mantissa = signed.to_i128().ok_or_else(overflow)?;
    let mut published =
        Decimal::try_from_i128_with_scale(mantissa, rounding.dp).map_err(|_| overflow())?;
    published.rescale(rounding.dp);
    Ok(published)
}
