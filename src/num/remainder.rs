//! Rounding a column so that it adds up to its printed total: the largest-remainder method.

use rust_decimal::{Decimal, RoundingStrategy};

use crate::error::{Error, Path};

/// Rounds `values` to `dp` places so that they add up exactly to `total` (itself at `dp`
/// places): each value is first cut down to `dp` places, then the units still missing go, one
/// each, to the values with the largest remainders (earlier first among equal remainders).
/// Each result is within one unit of the last place of its exact value whenever `total` is
/// the sum of `values` rounded to `dp` places.
///
/// # Errors
/// [`Error::Overflow`] if the sums overflow; [`Error::InvalidData`] when `total` cannot be
/// reached by moving each value by at most one unit (the column and its total disagree).
pub(crate) fn largest_remainder(
    values: &[Decimal],
    dp: u32,
    total: Decimal,
) -> Result<Vec<Decimal>, Error> {
    let overflow = || Error::Overflow {
        path: Path::root(),
        operation: "rounding a column to its total",
    };
    let unit = Decimal::new(1, dp);
    let floors: Vec<Decimal> = values
        .iter()
        .map(|v| v.round_dp_with_strategy(dp, RoundingStrategy::ToNegativeInfinity))
        .collect();
    let floor_sum = floors
        .iter()
        .try_fold(Decimal::ZERO, |s, v| s.checked_add(*v))
        .ok_or_else(overflow)?;
    let missing = total
        .checked_sub(floor_sum)
        .ok_or_else(overflow)?
        .checked_div(unit)
        .ok_or_else(overflow)?;
    let disagree = || Error::InvalidData {
        statistic: "largest-remainder rounding",
        reason: format!(
            "a column of {} values cannot add up to {total} at {dp} places",
            values.len()
        ),
    };
    if missing.fract() != Decimal::ZERO || missing < Decimal::ZERO {
        return Err(disagree());
    }
    let missing = usize::try_from(missing.mantissa())
        .ok()
        .filter(|m| *m <= values.len())
        .ok_or_else(disagree)?;
    let mut order: Vec<(usize, Decimal)> = values
        .iter()
        .zip(&floors)
        .enumerate()
        .map(|(i, (v, f))| (i, v.checked_sub(*f).unwrap_or_default()))
        .collect();
    order.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let mut out = floors;
    for (i, _) in order.into_iter().take(missing) {
        if let Some(v) = out.get_mut(i) {
            *v = v.checked_add(unit).ok_or_else(overflow)?;
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn the_issue_case_adds_up_to_the_printed_total() {
        // 25.235 + 25.235 + 25.22 is exactly 75.69, but each rounded on its own (half-even)
        // prints 25.24 + 25.24 + 25.22 = 75.70 under a total of 75.69.
        let values = [d("25.235"), d("25.235"), d("25.22")];
        let naive = values.iter().fold(Decimal::ZERO, |s, v| s + v.round_dp(2));
        assert_eq!(naive, d("75.70"));
        let total = d("75.69");
        let rounded = largest_remainder(&values, 2, total).unwrap();
        assert_eq!(rounded, [d("25.24"), d("25.23"), d("25.22")]);
        assert_eq!(rounded.iter().fold(Decimal::ZERO, |s, v| s + v), total);
    }

    #[test]
    fn a_total_out_of_reach_is_an_error() {
        assert!(largest_remainder(&[d("1.004"), d("2.004")], 2, d("3.10")).is_err());
        assert!(largest_remainder(&[d("1.004")], 2, d("0.90")).is_err());
        assert_eq!(
            largest_remainder(&[], 2, Decimal::ZERO).unwrap(),
            Vec::<Decimal>::new()
        );
    }
}
