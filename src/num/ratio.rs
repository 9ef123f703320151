//! Exact fractions, for deciding how a total rounds when its decimal digits cannot: [`Small`]
//! (a 64-bit numerator and denominator in lowest terms, no allocation, `None` where an
//! operation would overflow) and [`Big`] (big integers, never reduced, never overflowing). A
//! caller tries the small one first and takes the big one only when the small one overflows.

// Big integers neither overflow nor wrap; `Small` uses checked operations only, and neither
// divides by zero (callers pass positive divisors; gcds of nonzero values are nonzero).
#![allow(clippy::arithmetic_side_effects)]

use std::cmp::Ordering;

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};
use rust_decimal::Decimal;

use super::{Rounding, RoundingMode};

/// An exact fraction with the operations publishing needs. Each gives `None` when its result
/// does not fit the representation.
pub(crate) trait Exact: Clone + Sized {
    fn zero() -> Self;
    fn one() -> Self;
    /// A decimal: its mantissa over ten to its scale.
    fn of(value: Decimal) -> Option<Self>;
    fn plus(&self, other: &Self) -> Option<Self>;
    fn minus(&self, other: &Self) -> Option<Self>;
    fn times(&self, other: &Self) -> Option<Self>;
    /// Division by a positive fraction (callers check for zero).
    fn over(&self, other: &Self) -> Option<Self>;
    fn is_zero(&self) -> bool;
    /// The quotient of two decimals (`denominator` positive, callers check for zero).
    fn quotient(numerator: Decimal, denominator: Decimal) -> Option<Self> {
        Self::of(numerator)?.over(&Self::of(denominator)?)
    }
    /// Rounded as `rounding` declares, to a decimal with exactly `dp` places; `None` when the
    /// result does not fit a decimal (or, for `Small`, the working does not fit 128 bits).
    fn round(&self, rounding: Rounding) -> Option<Decimal>;
}

/// Whether a value rounds away from its floor (towards larger magnitude), from its sign,
/// whether the remainder is zero, how twice the remainder compares with the denominator, and
/// whether the floor is even.
fn rounds_up(
    mode: RoundingMode,
    negative: bool,
    rest_is_zero: bool,
    twice_rest: Ordering,
    floor_is_even: bool,
) -> bool {
    if rest_is_zero {
        return false;
    }
    match mode {
        RoundingMode::HalfEven => {
            twice_rest == Ordering::Greater || (twice_rest == Ordering::Equal && !floor_is_even)
        }
        RoundingMode::HalfUp => twice_rest != Ordering::Less,
        RoundingMode::HalfDown => twice_rest == Ordering::Greater,
        RoundingMode::Up => true,
        RoundingMode::Down => false,
        RoundingMode::Ceiling => !negative,
        RoundingMode::Floor => negative,
    }
}

/// The decimal `mantissa · 10^-dp`, with exactly `dp` places.
fn decimal(mantissa: i128, dp: u32) -> Option<Decimal> {
    let mut value = Decimal::try_from_i128_with_scale(mantissa, dp).ok()?;
    value.rescale(dp);
    Some(value)
}

/// A fraction of 64-bit integers in lowest terms, denominator positive: weights, scale
/// points and their quotients have small numerators and denominators, and 64-bit division is
/// several times faster than 128-bit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Small {
    numerator: i64,
    denominator: i64,
}

/// The greatest common divisor (binary: shifts and subtractions, no division); `gcd(0, b)` is
/// `b`.
fn gcd(a: u64, b: u64) -> u64 {
    let (mut a, mut b) = (a, b);
    if a == 0 || b == 0 {
        return a | b;
    }
    let shift = (a | b).trailing_zeros();
    a >>= a.trailing_zeros();
    loop {
        b >>= b.trailing_zeros();
        if a > b {
            std::mem::swap(&mut a, &mut b);
        }
        b -= a;
        if b == 0 {
            return a << shift;
        }
    }
}

/// `gcd(|a|, |b|)` as a divisor: at least 1, `None` only for `gcd = 2^63` (no `i64`).
fn common(a: i64, b: i64) -> Option<i64> {
    i64::try_from(gcd(a.unsigned_abs(), b.unsigned_abs()).max(1)).ok()
}

impl Small {
    /// `numerator / denominator` in lowest terms; `None` for a zero denominator or overflow.
    fn new(numerator: i64, denominator: i64) -> Option<Small> {
        if denominator == 0 {
            return None;
        }
        let g = common(numerator, denominator)?;
        let (mut numerator, mut denominator) =
            (numerator.checked_div(g)?, denominator.checked_div(g)?);
        if denominator < 0 {
            numerator = numerator.checked_neg()?;
            denominator = denominator.checked_neg()?;
        }
        Some(Small {
            numerator,
            denominator,
        })
    }

    fn add_or_sub(&self, other: &Small, subtract: bool) -> Option<Small> {
        // Over the least common denominator, so that the working stays small.
        let g = common(self.denominator, other.denominator)?;
        let left = self
            .numerator
            .checked_mul(other.denominator.checked_div(g)?)?;
        let right = other
            .numerator
            .checked_mul(self.denominator.checked_div(g)?)?;
        let numerator = if subtract {
            left.checked_sub(right)?
        } else {
            left.checked_add(right)?
        };
        Small::new(
            numerator,
            self.denominator
                .checked_div(g)?
                .checked_mul(other.denominator)?,
        )
    }
}

impl Exact for Small {
    fn zero() -> Small {
        Small {
            numerator: 0,
            denominator: 1,
        }
    }

    fn one() -> Small {
        Small {
            numerator: 1,
            denominator: 1,
        }
    }

    fn of(value: Decimal) -> Option<Small> {
        Small::new(
            i64::try_from(value.mantissa()).ok()?,
            10i64.checked_pow(value.scale())?,
        )
    }

    fn plus(&self, other: &Small) -> Option<Small> {
        self.add_or_sub(other, false)
    }

    fn minus(&self, other: &Small) -> Option<Small> {
        self.add_or_sub(other, true)
    }

    fn times(&self, other: &Small) -> Option<Small> {
        // Cross-cancelled first: the result is then already in lowest terms.
        let a = common(self.numerator, other.denominator)?;
        let b = common(other.numerator, self.denominator)?;
        let numerator = self
            .numerator
            .checked_div(a)?
            .checked_mul(other.numerator.checked_div(b)?)?;
        let denominator = self
            .denominator
            .checked_div(b)?
            .checked_mul(other.denominator.checked_div(a)?)?;
        Some(Small {
            numerator,
            denominator,
        })
    }

    fn over(&self, other: &Small) -> Option<Small> {
        let reciprocal = Small::new(other.denominator, other.numerator)?;
        self.times(&reciprocal)
    }

    fn is_zero(&self) -> bool {
        self.numerator == 0
    }

    fn round(&self, rounding: Rounding) -> Option<Decimal> {
        let scaled = i128::from(self.numerator).checked_mul(10i128.checked_pow(rounding.dp)?)?;
        let magnitude = scaled.checked_abs()?;
        let denominator = i128::from(self.denominator);
        let (floor, rest) = (
            magnitude.checked_div(denominator)?,
            magnitude.checked_rem(denominator)?,
        );
        let twice = rest.checked_mul(2)?.cmp(&denominator);
        let negative = scaled < 0;
        let up = rounds_up(rounding.mode, negative, rest == 0, twice, floor % 2 == 0);
        let magnitude = if up { floor.checked_add(1)? } else { floor };
        decimal(if negative { -magnitude } else { magnitude }, rounding.dp)
    }
}

/// A fraction of big integers, denominator positive, not necessarily reduced (no gcd: the one
/// division rounding needs works on the unreduced numerator and denominator just as well).
#[derive(Clone, Debug)]
pub(crate) struct Big {
    numerator: BigInt,
    denominator: BigInt,
}

impl Exact for Big {
    fn zero() -> Big {
        Big {
            numerator: BigInt::zero(),
            denominator: BigInt::one(),
        }
    }

    fn one() -> Big {
        Big {
            numerator: BigInt::one(),
            denominator: BigInt::one(),
        }
    }

    fn of(value: Decimal) -> Option<Big> {
        Some(Big {
            numerator: BigInt::from(value.mantissa()),
            denominator: BigInt::from(10u8).pow(value.scale()),
        })
    }

    fn plus(&self, other: &Big) -> Option<Big> {
        Some(Big {
            numerator: &self.numerator * &other.denominator + &other.numerator * &self.denominator,
            denominator: &self.denominator * &other.denominator,
        })
    }

    fn minus(&self, other: &Big) -> Option<Big> {
        Some(Big {
            numerator: &self.numerator * &other.denominator - &other.numerator * &self.denominator,
            denominator: &self.denominator * &other.denominator,
        })
    }

    fn times(&self, other: &Big) -> Option<Big> {
        Some(Big {
            numerator: &self.numerator * &other.numerator,
            denominator: &self.denominator * &other.denominator,
        })
    }

    fn over(&self, other: &Big) -> Option<Big> {
        Some(Big {
            numerator: &self.numerator * &other.denominator,
            denominator: &self.denominator * &other.numerator,
        })
    }

    fn is_zero(&self) -> bool {
        self.numerator.is_zero()
    }

    fn round(&self, rounding: Rounding) -> Option<Decimal> {
        let scaled = &self.numerator * BigInt::from(10u8).pow(rounding.dp);
        let negative = scaled.is_negative() != self.denominator.is_negative();
        let denominator = self.denominator.abs();
        let (floor, rest) = scaled.abs().div_rem(&denominator);
        let twice = (&rest * BigInt::from(2u8)).cmp(&denominator);
        let even = floor.is_even();
        let up = rounds_up(rounding.mode, negative, rest.is_zero(), twice, even);
        let magnitude = if up { floor + BigInt::one() } else { floor };
        let signed = if negative { -magnitude } else { magnitude };
        decimal(signed.to_i128()?, rounding.dp)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use proptest::prelude::*;
    use rust_decimal::Decimal;

    use super::{Big, Exact, Small};
    use crate::num::{Rounding, RoundingMode};

    const MODES: [RoundingMode; 7] = [
        RoundingMode::HalfEven,
        RoundingMode::HalfUp,
        RoundingMode::HalfDown,
        RoundingMode::Up,
        RoundingMode::Down,
        RoundingMode::Ceiling,
        RoundingMode::Floor,
    ];

    fn decimal() -> impl Strategy<Value = Decimal> {
        prop_oneof![
            (-1000i64..1000, 0u32..4).prop_map(|(m, s)| Decimal::new(m, s)),
            (any::<i64>(), 0u32..=28).prop_map(|(m, s)| Decimal::new(m, s)),
        ]
    }

    proptest! {
        /// The small fraction computes what the big one computes, or says it cannot.
        #[test]
        fn small_and_big_agree(
            values in prop::collection::vec(decimal(), 1..6),
            ops in prop::collection::vec(0u8..4, 5),
            dp in 0u32..5,
            mode in 0usize..7,
        ) {
            let rounding = Rounding { dp, mode: MODES[mode] };
            let (mut small, mut big) = (Some(Small::one()), Big::one());
            for (value, op) in values.iter().zip(&ops) {
                let (s, b) = (Small::of(*value), Big::of(*value).unwrap());
                if *op == 3 && value.is_sign_positive() && !value.is_zero() {
                    small = small.zip(s).and_then(|(x, s)| x.over(&s));
                    big = big.over(&b).unwrap();
                } else {
                    let pick = |(x, s): (Small, Small)| match op { 0 => x.plus(&s), 1 => x.minus(&s), _ => x.times(&s) };
                    small = small.zip(s).and_then(pick);
                    big = match op { 0 => big.plus(&b), 1 => big.minus(&b), _ => big.times(&b) }.unwrap();
                }
            }
            if let Some(small) = small.and_then(|s| s.round(rounding)) {
                prop_assert_eq!(Some(small), big.round(rounding));
            }
        }
    }

    #[test]
    fn thirds_add_up_to_whole_numbers_and_ties_round_as_declared() {
        let third = Small::one()
            .over(&Small::of(Decimal::from(3)).unwrap())
            .unwrap();
        let two = third
            .plus(&third)
            .unwrap()
            .times(&Small::of(Decimal::from(3)).unwrap());
        assert_eq!(two, Small::of(Decimal::from(2)));
        // 1/8 = 0.125: a true tie at two places.
        let eighth = Small::one()
            .over(&Small::of(Decimal::from(8)).unwrap())
            .unwrap();
        let at = |mode| eighth.round(Rounding { dp: 2, mode }).unwrap().to_string();
        assert_eq!(at(RoundingMode::HalfEven), "0.12");
        assert_eq!(at(RoundingMode::HalfUp), "0.13");
        assert_eq!(at(RoundingMode::Floor), "0.12");
        assert_eq!(at(RoundingMode::Up), "0.13");
    }
}
