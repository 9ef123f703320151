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
//! sum on a scale within ±10^6 add at most `1e-20`. Otherwise the total is computed exactly as a
//! fraction of big integers (never reduced: no gcd) and rounded from there.

// Big rationals neither overflow nor wrap; the one operation that could panic, division by
// zero, is guarded where it happens (a zero denominator or weight sum is an error or skipped).
#![allow(clippy::arithmetic_side_effects)]

use num_bigint::BigInt;
use num_integer::Integer;
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

    /// `T` as an exact fraction of big integers, from the leaves' fractions and the weights of
    /// what takes part. Fractions are never reduced on the way (no gcd): the one division that
    /// rounding needs works on the unreduced numerator and denominator just as well.
    fn exact_total(&self) -> Result<Fraction, Error> {
        let nodes = self.rubric.nodes();
        let mut share: Vec<Fraction> = vec![Fraction::zero(); nodes.len()];
        self.share_exactly(self.rubric.top(), &Fraction::one(), &mut share);
        for (at, node) in nodes.iter().enumerate() {
            if node.criterion.metric.is_none() && self.carries(at) {
                let parent = share.get(at).cloned().unwrap_or_else(Fraction::zero);
                self.share_exactly(&node.children, &parent, &mut share);
            }
        }
        let lower_is_better = self.rubric.scale().direction == Direction::LowerIsBetter;
        let mut sum = Fraction::zero();
        for (at, node) in nodes.iter().enumerate() {
            let is_leaf = node.criterion.metric.is_some();
            let s = match self.outcome(at) {
                Outcome::Scored(_) if is_leaf => {
                    let f = self.fraction.get(at).copied().ok_or(Error::Overflow {
                        path: crate::error::Path::root(),
                        operation: OP,
                    })?;
                    if f.denominator.is_zero() {
                        return Err(Error::Overflow {
                            path: crate::error::Path::root(),
                            operation: OP,
                        });
                    }
                    Fraction::of(f.numerator).over(&Fraction::of(f.denominator))
                }
                Outcome::Minimum => Fraction::zero(),
                _ => continue,
            };
            let toward = if lower_is_better {
                Fraction::one().minus(&s)
            } else {
                s
            };
            let part = share.get(at).cloned().unwrap_or_else(Fraction::zero);
            sum = sum.plus(&part.times(&toward));
        }
        let scale = self.rubric.scale();
        let span = Fraction::of(num::sub(scale.max, scale.min, OP)?);
        Ok(Fraction::of(scale.min).plus(&span.times(&sum)))
    }

    fn share_exactly(&self, children: &[usize], parent: &Fraction, share: &mut [Fraction]) {
        let playing: Vec<(usize, Fraction)> = children
            .iter()
            .filter(|c| self.carries(**c))
            .filter_map(|c| self.node(*c).map(|n| (*c, Fraction::of(n.weight()))))
            .collect();
        let total = playing
            .iter()
            .fold(Fraction::zero(), |acc, (_, w)| acc.plus(w));
        if total.numerator.is_zero() {
            return;
        }
        for (at, weight) in playing {
            if let Some(slot) = share.get_mut(at) {
                *slot = parent.times(&weight).over(&total);
            }
        }
    }
}

/// An exact fraction of big integers, denominator positive, not necessarily reduced.
#[derive(Clone, Debug)]
struct Fraction {
    numerator: BigInt,
    denominator: BigInt,
}

impl Fraction {
    fn zero() -> Fraction {
        Fraction {
            numerator: BigInt::zero(),
            denominator: BigInt::one(),
        }
    }

    fn one() -> Fraction {
        Fraction {
            numerator: BigInt::one(),
            denominator: BigInt::one(),
        }
    }

    /// A decimal: its mantissa over ten to its scale.
    fn of(value: Decimal) -> Fraction {
        Fraction {
            numerator: BigInt::from(value.mantissa()),
            denominator: BigInt::from(10u8).pow(value.scale()),
        }
    }

    fn plus(&self, other: &Fraction) -> Fraction {
        Fraction {
            numerator: &self.numerator * &other.denominator + &other.numerator * &self.denominator,
            denominator: &self.denominator * &other.denominator,
        }
    }

    fn minus(&self, other: &Fraction) -> Fraction {
        Fraction {
            numerator: &self.numerator * &other.denominator - &other.numerator * &self.denominator,
            denominator: &self.denominator * &other.denominator,
        }
    }

    fn times(&self, other: &Fraction) -> Fraction {
        Fraction {
            numerator: &self.numerator * &other.numerator,
            denominator: &self.denominator * &other.denominator,
        }
    }

    /// Division by a positive fraction (callers check for zero).
    fn over(&self, other: &Fraction) -> Fraction {
        Fraction {
            numerator: &self.numerator * &other.denominator,
            denominator: &self.denominator * &other.numerator,
        }
    }
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

/// Rounds an exact fraction as `rounding` declares, to a decimal with exactly `dp` places.
fn round_exactly(value: &Fraction, rounding: Rounding) -> Result<Decimal, Error> {
    let overflow = || Error::Overflow {
        path: crate::error::Path::root(),
        operation: OP,
    };
    let scaled = &value.numerator * BigInt::from(10u8).pow(rounding.dp);
    let negative = scaled.is_negative() != value.denominator.is_negative();
    let (floor, rest) = scaled.abs().div_rem(&value.denominator.abs());
    // Compare the remainder with half the denominator: 2·rest against the denominator.
    let twice = &rest * BigInt::from(2u8);
    let denominator = value.denominator.abs();
    let is_even = (&floor % BigInt::from(2u8)).is_zero();
    let up = match rounding.mode {
        _ if rest.is_zero() => false,
        RoundingMode::HalfEven => twice > denominator || (twice == denominator && !is_even),
        RoundingMode::HalfUp => twice >= denominator,
        RoundingMode::HalfDown => twice > denominator,
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
