//! Decimal arithmetic that also says whether it rounded: each operation clears `exact` when
//! its result is not the mathematically exact one.
//!
//! A decimal holds a 96-bit mantissa and a scale of at most 28. An exact product has the
//! scale of its factors together, and an exact sum the larger of theirs; a result that had
//! to shed digits to fit comes back with a smaller scale. So a result with the full scale
//! rounded nothing, and one without it is counted as rounded (it may have shed only zeros:
//! the caller then takes its slow, exact way for nothing, never a wrong one). A quotient is
//! exact when multiplying it back, exactly, gives the dividend.

use rust_decimal::Decimal;

use super::{add as plain_add, div as plain_div, mul as plain_mul, sub as plain_sub};
use crate::error::Error;

/// `a · b`; clears `exact` when the product was rounded.
pub(crate) fn mul(
    a: Decimal,
    b: Decimal,
    operation: &'static str,
    exact: &mut bool,
) -> Result<Decimal, Error> {
    let product = plain_mul(a, b, operation)?;
    *exact &= a.is_zero() || b.is_zero() || product.scale() == a.scale().saturating_add(b.scale());
    Ok(product)
}

/// `a + b`; clears `exact` when the sum was rounded.
pub(crate) fn add(
    a: Decimal,
    b: Decimal,
    operation: &'static str,
    exact: &mut bool,
) -> Result<Decimal, Error> {
    let sum = plain_add(a, b, operation)?;
    *exact &= kept_scale(a, b, sum);
    Ok(sum)
}

/// `a - b`; clears `exact` when the difference was rounded.
pub(crate) fn sub(
    a: Decimal,
    b: Decimal,
    operation: &'static str,
    exact: &mut bool,
) -> Result<Decimal, Error> {
    let difference = plain_sub(a, b, operation)?;
    *exact &= kept_scale(a, b, difference);
    Ok(difference)
}

/// `a / b`; clears `exact` when the quotient was rounded (the division left a remainder).
pub(crate) fn div(
    a: Decimal,
    b: Decimal,
    operation: &'static str,
    exact: &mut bool,
) -> Result<Decimal, Error> {
    let quotient = plain_div(a, b, operation)?;
    if *exact {
        let mut back = true;
        let product = mul(quotient, b, operation, &mut back)?;
        *exact = back && product == a;
    }
    Ok(quotient)
}

/// Whether a sum or difference of `a` and `b` kept every digit: a zero operand gives the
/// other back as it is; otherwise the result has the larger scale unless it was rounded.
fn kept_scale(a: Decimal, b: Decimal, result: Decimal) -> bool {
    a.is_zero() || b.is_zero() || result.scale() == a.scale().max(b.scale())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::arithmetic_side_effects)]

    use num_bigint::BigInt;
    use proptest::prelude::*;
    use rust_decimal::Decimal;

    /// `value` as an exact fraction: mantissa over a power of ten.
    fn ratio(value: Decimal) -> (BigInt, BigInt) {
        (
            BigInt::from(value.mantissa()),
            BigInt::from(10u8).pow(value.scale()),
        )
    }

    fn equal(a: (BigInt, BigInt), b: (BigInt, BigInt)) -> bool {
        a.0 * b.1 == b.0 * a.1
    }

    fn decimal() -> impl Strategy<Value = Decimal> {
        // Mantissas from a few digits to the full 96 bits, scales from 0 to 28.
        (
            prop_oneof![
                -1000i128..1000,
                any::<i64>().prop_map(i128::from),
                any::<i128>()
            ],
            0u32..=28,
        )
            .prop_map(|(m, s)| {
                Decimal::try_from_i128_with_scale(m % (1i128 << 96), s).unwrap_or(Decimal::ONE)
            })
    }

    proptest! {
        /// Each operation says it was exact exactly when it was; a result counted as rounded
        /// that was in fact exact may only have shed zeros to fit.
        #[test]
        fn exactness_is_never_claimed_for_a_rounded_result(a in decimal(), b in decimal()) {
            let (ra, rb) = (ratio(a), ratio(b));
            let mut exact = true;
            if let Ok(p) = super::mul(a, b, "t", &mut exact) {
                let truth = equal(ratio(p), (&ra.0 * &rb.0, &ra.1 * &rb.1));
                prop_assert!(!exact || truth, "{a} * {b} = {p}");
            }
            let mut exact = true;
            if let Ok(s) = super::add(a, b, "t", &mut exact) {
                let truth = equal(ratio(s), (&ra.0 * &rb.1 + &rb.0 * &ra.1, &ra.1 * &rb.1));
                prop_assert!(!exact || truth, "{a} + {b} = {s}");
            }
            let mut exact = true;
            if let Ok(d) = super::sub(a, b, "t", &mut exact) {
                let truth = equal(ratio(d), (&ra.0 * &rb.1 - &rb.0 * &ra.1, &ra.1 * &rb.1));
                prop_assert!(!exact || truth, "{a} - {b} = {d}");
            }
            if !b.is_zero() {
                let mut exact = true;
                if let Ok(q) = super::div(a, b, "t", &mut exact) {
                    let truth = equal(ratio(q), (&ra.0 * &rb.1, &ra.1 * &rb.0));
                    prop_assert!(!exact || truth, "{a} / {b} = {q}");
                }
            }
        }

        /// Short decimals, such as weights and scale points, multiply and add exactly and say so.
        #[test]
        fn short_decimals_are_exact(a in -10_000i64..10_000, b in -10_000i64..10_000, s in 0u32..6, t in 0u32..6) {
            let (a, b) = (Decimal::new(a, s), Decimal::new(b, t));
            let mut exact = true;
            super::mul(a, b, "t", &mut exact).unwrap();
            super::add(a, b, "t", &mut exact).unwrap();
            super::sub(a, b, "t", &mut exact).unwrap();
            prop_assert!(exact);
        }
    }

    #[test]
    fn a_third_is_rounded_and_a_quarter_is_not() {
        let mut exact = true;
        super::div(Decimal::ONE, Decimal::from(4), "t", &mut exact).unwrap();
        assert!(exact);
        super::div(Decimal::ONE, Decimal::from(3), "t", &mut exact).unwrap();
        assert!(!exact);
        // Once rounded, always rounded.
        super::add(Decimal::ONE, Decimal::ONE, "t", &mut exact).unwrap();
        assert!(!exact);
    }
}
