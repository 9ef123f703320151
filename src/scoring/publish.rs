//! Publishing a total: rounded once, from the exact total.
//!
//! The total is `T = min + span · Σ_leaf (Π_path w / W) · t_leaf`, a rational number whose
//! divisions (by weight sums, by a scale's span) need not end. The decimal computation carries
//! about 28 significant digits, so it can sit on the other side of a rounding boundary than `T`
//! does (`50.01499…9` computed as `50.015`). Rounding it would then round twice.
//!
//! So the decimal value is used only when it is known to be exact, or lies farther from every
//! rounding boundary than its error can reach. It is exact when no division on the way left a
//! remainder and no product or sum was rounded (each operation says so as it goes, see
//! [`crate::num::exactness`]): weights that divide their sum evenly, scales whose span divides
//! the answer, and so on; then even a total on a boundary such as `x.xx5` is decided from the
//! decimal.
//!
//! Otherwise the error is bounded. Each division or product of values in `[0, 1]` errs by at
//! most `1e-28`; each elementary error reaches `N = Σ share · t` with a coefficient of at most
//! the tree's depth (shares below a node split its share, so errors are never multiplied by
//! more than 1 per level), and there are at most three such operations per node. Hence
//! `|N' - N| <= 3 · nodes · depth · 1e-28 <= (nodes + 1)² · 1e-27`, and the final product and
//! sum on a scale within ±10^6 add at most `1e-20`. Otherwise the total is computed exactly as a
//! fraction, of 64-bit integers in lowest terms or, where those would overflow, of big
//! integers ([`crate::num::ratio`]), and rounded from there.

use rust_decimal::Decimal;

use super::engine::{Outcome, Work};
use crate::error::Error;
use crate::num::ratio::{Big, Exact, Small};
use crate::num::{self, Rounding, RoundingMode, Score, exactness};
use crate::rubric::{Direction, Rubric};

const OP: &str = "publishing a total";

impl Work<'_> {
    /// The total as a [`Score`]: `exact` as carried (22 decimal places, the points' precision),
    /// `published` rounded once from the exact total.
    pub(super) fn publish(&self, carried: Decimal) -> Result<Score, Error> {
        let rounding = self.rubric.rounding();
        let published =
            match published_from_decimal(self.rubric, self.normalised_total, self.exact)? {
                Some(published) => published,
                None => match self.exact_total::<Small>()?.and_then(|t| t.round(rounding)) {
                    Some(published) => published,
                    None => self
                        .exact_total::<Big>()?
                        .and_then(|t| t.round(rounding))
                        .ok_or_else(overflow)?,
                },
            };
        Ok(Score {
            exact: carried.normalize(),
            published,
        })
    }

    /// `T` as an exact fraction, from the leaves' fractions and the weights of what takes
    /// part; `None` when it does not fit `R`.
    fn exact_total<R: Exact>(&self) -> Result<Option<R>, Error> {
        let Some(shares) = self.exact_shares::<R>() else {
            return Ok(None);
        };
        let nodes = self.rubric.nodes();
        let mut leaves = Vec::new();
        for (at, node) in nodes.iter().enumerate() {
            let s = match self.outcome(at) {
                Outcome::Scored(_) if node.criterion.metric.is_some() => {
                    let f = self.fraction.get(at).copied().ok_or_else(overflow)?;
                    if f.denominator.is_zero() {
                        return Err(overflow());
                    }
                    R::quotient(f.numerator, f.denominator)
                }
                Outcome::Minimum => Some(R::zero()),
                _ => continue,
            };
            leaves.push((at, s));
        }
        exact_sum(self.rubric, &shares, leaves)
    }

    /// Each node's exact share of the total, top-down, from the weights of what takes part;
    /// `None` when a share does not fit `R`.
    pub(super) fn exact_shares<R: Exact>(&self) -> Option<Vec<R>> {
        let nodes = self.rubric.nodes();
        let mut share: Vec<R> = vec![R::zero(); nodes.len()];
        self.share_exactly(self.rubric.top(), &R::one(), &mut share)?;
        for (at, node) in nodes.iter().enumerate() {
            if node.criterion.metric.is_none() && self.carries(at) {
                let parent = share.get(at).cloned()?;
                self.share_exactly(&node.children, &parent, &mut share)?;
            }
        }
        Some(share)
    }

    fn share_exactly<R: Exact>(
        &self,
        children: &[usize],
        parent: &R,
        share: &mut [R],
    ) -> Option<()> {
        let playing = || {
            children
                .iter()
                .filter(|c| self.carries(**c))
                .filter_map(|c| self.node(*c).map(|n| (*c, n.weight())))
        };
        let mut total = R::zero();
        for (_, weight) in playing() {
            total = total.plus(&R::of(weight)?)?;
        }
        if total.is_zero() {
            return Some(());
        }
        for (at, weight) in playing() {
            if let Some(slot) = share.get_mut(at) {
                *slot = parent.times(&R::of(weight)?)?.over(&total)?;
            }
        }
        Some(())
    }
}

/// `T = min + span · Σ share · s` exactly, over `leaves`: each a node and its exact score
/// (`None` when it does not fit `R`); `Ok(None)` when the total does not fit `R`.
pub(super) fn exact_sum<R: Exact>(
    rubric: &Rubric,
    shares: &[R],
    leaves: impl IntoIterator<Item = (usize, Option<R>)>,
) -> Result<Option<R>, Error> {
    let lower_is_better = rubric.scale().direction == Direction::LowerIsBetter;
    let mut sum = R::zero();
    for (at, s) in leaves {
        let toward = if lower_is_better {
            s.and_then(|s| R::one().minus(&s))
        } else {
            s
        };
        let part = toward
            .zip(shares.get(at))
            .and_then(|(t, share)| share.times(&t));
        match part.and_then(|p| sum.plus(&p)) {
            Some(next) => sum = next,
            None => return Ok(None),
        }
    }
    let scale = rubric.scale();
    let span = num::sub(scale.max, scale.min, OP)?;
    Ok(R::of(span)
        .and_then(|span| span.times(&sum))
        .zip(R::of(scale.min))
        .and_then(|(points, min)| min.plus(&points)))
}

fn overflow() -> Error {
    Error::Overflow {
        path: crate::error::Path::root(),
        operation: OP,
    }
}

/// The published total, `min + span · N` rounded, when the decimal `normalised_total` decides it:
/// when it was computed `exact`ly (no division left a remainder, no product or sum was
/// rounded), or when it lies farther from every rounding boundary than its error can reach.
/// `None` when only the exact fraction can decide.
pub(super) fn published_from_decimal(
    rubric: &Rubric,
    normalised_total: Decimal,
    exact: bool,
) -> Result<Option<Decimal>, Error> {
    let rounding = rubric.rounding();
    let scale = rubric.scale();
    let mut exact = exact;
    let span = exactness::sub(scale.max, scale.min, OP, &mut exact)?;
    let points = exactness::mul(span, normalised_total, OP, &mut exact)?;
    let approx = exactness::add(scale.min, points, OP, &mut exact)?;
    if exact {
        return rounding.apply(approx).map(Some);
    }
    match error_bound(rubric, span) {
        Some(bound) if clear_of_boundaries(approx, bound, rounding)? => {
            rounding.apply(approx).map(Some)
        }
        _ => Ok(None),
    }
}

/// `(nodes + 1)² · 1e-27 · span + 1e-20`, or `None` when that does not fit a decimal (the
/// exact path then decides).
fn error_bound(rubric: &Rubric, span: Decimal) -> Option<Decimal> {
    let nodes = Decimal::from(rubric.nodes().len()).checked_add(Decimal::ONE)?;
    nodes
        .checked_mul(nodes)?
        .checked_mul(Decimal::new(1, 27))?
        .checked_mul(span)?
        .checked_add(Decimal::new(1, 20))
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
