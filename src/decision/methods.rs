//! Ranking methods over a decision matrix: weighted sum and product, TOPSIS, VIKOR and
//! PROMETHEE II, each with its intermediate values so the result explains itself.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::matrix::{Table, invalid};
use super::normalise::{Normaliser, fold_lanes};
use super::{CriterionType, DecisionMatrix, Normalisation};
use crate::error::Error;

/// A ranking by one method: scores, ranks and the values it went through.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct Ranking {
    /// Version of the document format; 1.
    #[schemars(extend("const" = 1))]
    pub format_version: u32,
    /// The method, e.g. `TOPSIS (min-max)`.
    pub method: String,
    /// One score per subject, in the matrix's order.
    pub scores: Vec<f64>,
    /// Whether a higher score ranks better (false for VIKOR's Q).
    pub higher_is_better: bool,
    /// Ranks from 1, ties sharing the better rank (1, 2, 2, 4).
    pub ranks: Vec<usize>,
    /// What the method computed on the way.
    pub details: RankingDetails,
}

/// Whether a method keeps its subjects-by-criteria table (the normalised or weighted matrix)
/// in its details. The per-subject and per-criterion values are always kept.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Tables {
    /// Keep it: the result explains itself to the last cell.
    #[default]
    Keep,
    /// Leave it out: for large matrices and repeated runs.
    Omit,
}

impl Tables {
    fn keep(self, table: impl FnOnce() -> Table) -> Option<Table> {
        (self == Tables::Keep).then(table)
    }
}

/// A method's intermediate values.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case", tag = "method")]
#[non_exhaustive]
pub enum RankingDetails {
    /// Weighted sum or product: the normalised matrix.
    Weighted {
        /// The normalised matrix (left out on request: [`Tables::Omit`]).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        normalised: Option<Table>,
        /// For the weighted product: each subject's `log10` of its product,
        /// `Σ_j w_j log10 n_ij`, the score scikit-criteria reports; it ranks as the product
        /// does and does not underflow on large problems (`null` where a value is 0).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        log10_scores: Option<Vec<Option<f64>>>,
    },
    /// TOPSIS.
    Topsis {
        /// The normalised matrix, weighted (left out on request: [`Tables::Omit`]).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        weighted: Option<Table>,
        /// The ideal point (best weighted value per criterion).
        ideal: Vec<f64>,
        /// The anti-ideal point.
        anti_ideal: Vec<f64>,
        /// Each subject's distance to the ideal.
        to_ideal: Vec<f64>,
        /// Each subject's distance to the anti-ideal.
        to_anti_ideal: Vec<f64>,
    },
    /// VIKOR.
    Vikor {
        /// The weight of the strategy of the majority of criteria.
        v: f64,
        /// Group utility `S`.
        s: Vec<f64>,
        /// Individual regret `R`.
        r: Vec<f64>,
        /// The compromise ranking's `Q` (also the scores).
        q: Vec<f64>,
        /// Whether the best by Q leads the second by at least `1/(m-1)` (condition C1).
        acceptable_advantage: bool,
        /// Whether the best by Q is also best by S or by R (condition C2).
        acceptable_stability: bool,
        /// The compromise solution: the best alone when both conditions hold, else the
        /// subjects (indexes) the conditions leave in.
        #[serde(deserialize_with = "crate::json::wholes")]
        #[schemars(with = "Vec<crate::kinds::Count>")]
        compromise: Vec<usize>,
    },
    /// PROMETHEE II.
    Promethee {
        /// Positive (leaving) flows.
        positive_flow: Vec<f64>,
        /// Negative (entering) flows.
        negative_flow: Vec<f64>,
    },
}

/// Ranks of `scores` from 1, ties (equal to 1e-12, relative) sharing the better rank; a radix
/// sort, so `O(m)`.
#[must_use]
pub fn ranks(scores: &[f64], higher_is_better: bool) -> Vec<usize> {
    let same = |a: f64, b: f64| (a - b).abs() <= 1e-12 * a.abs().max(b.abs()).max(1.0);
    let at = |i: usize| scores.get(i).copied().unwrap_or(0.0);
    // Integer keys that order as the floats do (IEEE 754 total order), radix-sorted; the sort is
    // stable, so equal scores keep the matrix's order.
    let key = |x: f64| {
        let bits = x.to_bits();
        if bits >> 63 == 1 {
            !bits
        } else {
            bits | (1 << 63)
        }
    };
    let full = |i: usize| key(if higher_is_better { -at(i) } else { at(i) });
    // Radix-sort by the key's upper half (four byte passes at most), then put each run that
    // shares it (values equal to about 1e-6, relative) in the full key's order.
    let mut keyed: Vec<(u32, usize)> = (0..scores.len())
        .map(|i| ((full(i) >> 32) as u32, i))
        .collect();
    radsort::sort_by_key(&mut keyed, |(k, _)| *k);
    for run in keyed.chunk_by_mut(|a, b| a.0 == b.0) {
        if !run.is_sorted_by_key(|(_, i)| full(*i)) {
            run.sort_unstable_by_key(|(_, i)| (full(*i), *i));
        }
    }
    let mut ranks = vec![0; scores.len()];
    let mut leader: Option<(f64, usize)> = None;
    for (position, (_, i)) in keyed.into_iter().enumerate() {
        let rank = match leader {
            Some((value, rank)) if same(value, at(i)) => rank,
            _ => {
                leader = Some((at(i), position.saturating_add(1)));
                position.saturating_add(1)
            }
        };
        if let Some(slot) = ranks.get_mut(i) {
            *slot = rank;
        }
    }
    ranks
}

fn check_weights(matrix: &DecisionMatrix, weights: &[f64]) -> Result<(), Error> {
    if weights.len() != matrix.criteria().len() {
        return Err(invalid(format!(
            "{} weights for {} criteria",
            weights.len(),
            matrix.criteria().len()
        )));
    }
    if weights.iter().any(|w| !w.is_finite() || *w < 0.0) || weights.iter().all(|w| *w == 0.0) {
        return Err(invalid(
            "weights must be finite, >= 0 and not all 0".to_owned(),
        ));
    }
    Ok(())
}

fn finished(
    method: String,
    scores: Vec<f64>,
    higher_is_better: bool,
    details: RankingDetails,
) -> Result<Ranking, Error> {
    if scores.iter().any(|s| !s.is_finite()) {
        return Err(Error::Undefined {
            statistic: "decision method",
            reason: format!("{method} gives no finite score for these data"),
        });
    }
    let ranks = ranks(&scores, higher_is_better);
    Ok(Ranking {
        format_version: crate::document::FORMAT_VERSION,
        method,
        scores,
        higher_is_better,
        ranks,
        details,
    })
}

/// The weighted sum of the normalised matrix: `Σ_j w_j n_ij`.
///
/// Matches pymcdm's `methods.WSM` on the same normalised matrix (tests/fixtures/mcdm.json).
///
/// # Errors
/// [`Error::InvalidData`] for weights of the wrong length, negative or all 0, and for values
/// the normalisation cannot scale.
pub fn weighted_sum(
    matrix: &DecisionMatrix,
    weights: &[f64],
    normalisation: Normalisation,
) -> Result<Ranking, Error> {
    weighted_sum_with(matrix, weights, normalisation, Tables::Keep)
}

pub(crate) fn weighted_sum_with(
    matrix: &DecisionMatrix,
    weights: &[f64],
    normalisation: Normalisation,
    tables: Tables,
) -> Result<Ranking, Error> {
    let sum = |row: &[f64]| Some(row.iter().zip(weights).fold(0.0, |s, (x, w)| s + x * w));
    by_normalised_rows(matrix, weights, normalisation, tables, "weighted sum", sum)
}

/// A method that scores each normalised row on its own (weighted sum or product), the
/// normalised matrix kept in the details on request; `score` gives `None` for a row it cannot
/// score, which refuses the matrix.
fn by_normalised_rows(
    matrix: &DecisionMatrix,
    weights: &[f64],
    normalisation: Normalisation,
    tables: Tables,
    name: &str,
    mut score: impl FnMut(&[f64]) -> Option<f64>,
) -> Result<Ranking, Error> {
    check_weights(matrix, weights)?;
    let normaliser = Normaliser::new(matrix, normalisation)?;
    let mut scores = Vec::with_capacity(matrix.len());
    let mut refused = false;
    normaliser.for_each_row(matrix, None, |row| match score(row) {
        Some(value) => scores.push(value),
        None => refused = true,
    });
    if refused {
        return Err(invalid(format!(
            "the {name} needs values >= 0 after normalisation"
        )));
    }
    finished(
        format!("{name} ({normalisation:?})"),
        scores,
        true,
        RankingDetails::Weighted {
            normalised: tables.keep(|| normaliser.table(matrix, None)),
            log10_scores: None,
        },
    )
}

/// The weighted product of the normalised matrix: `Π_j n_ij ^ w_j` (the scores), with each
/// product's `log10`, `Σ_j w_j log10 n_ij`, in the details: the score of scikit-criteria's
/// `WeightedProductModel`, which ranks the same and stays finite where a product of many
/// small values underflows.
///
/// Matches pymcdm's `methods.WPM` (the product) and scikit-criteria's `agg.simple.WeightedProductModel` (the log10 score; tests/fixtures/methods.json).
///
/// # Errors
/// As for [`weighted_sum`], and for a negative normalised value.
pub fn weighted_product(
    matrix: &DecisionMatrix,
    weights: &[f64],
    normalisation: Normalisation,
) -> Result<Ranking, Error> {
    weighted_product_with(matrix, weights, normalisation, Tables::Keep)
}

pub(crate) fn weighted_product_with(
    matrix: &DecisionMatrix,
    weights: &[f64],
    normalisation: Normalisation,
    tables: Tables,
) -> Result<Ranking, Error> {
    let mut logs = Vec::with_capacity(matrix.len());
    let product = |row: &[f64]| {
        row.iter().all(|v| *v >= 0.0).then(|| {
            let log = row
                .iter()
                .zip(weights)
                .try_fold(0.0, |s, (x, w)| (*x > 0.0).then(|| s + w * x.log10()));
            logs.push(log);
            row.iter()
                .zip(weights)
                .fold(1.0, |s, (x, w)| s * x.powf(*w))
        })
    };
    let mut ranking = by_normalised_rows(
        matrix,
        weights,
        normalisation,
        tables,
        "weighted product",
        product,
    )?;
    if let RankingDetails::Weighted { log10_scores, .. } = &mut ranking.details {
        *log10_scores = Some(logs);
    }
    Ok(ranking)
}

/// TOPSIS (Hwang and Yoon 1981): closeness `D⁻ / (D⁺ + D⁻)` to the ideal point of the
/// weighted normalised matrix. With every subject equal, each scores 0.5. The details keep the
/// weighted matrix ([`Method::rank_with`](super::Method::rank_with) can leave it out: TOPSIS
/// then makes two passes over the matrix and holds nothing of its size).
///
/// Matches pymcdm's `methods.TOPSIS(normalization_function=...)` (tests/fixtures/mcdm.json).
///
/// # Errors
/// As for [`weighted_sum`].
pub fn topsis(
    matrix: &DecisionMatrix,
    weights: &[f64],
    normalisation: Normalisation,
) -> Result<Ranking, Error> {
    topsis_with(matrix, weights, normalisation, Tables::Keep)
}

pub(crate) fn topsis_with(
    matrix: &DecisionMatrix,
    weights: &[f64],
    normalisation: Normalisation,
    tables: Tables,
) -> Result<Ranking, Error> {
    check_weights(matrix, weights)?;
    let normaliser = Normaliser::new(matrix, normalisation)?;
    // The maps are monotone, so the ideal points follow from the columns' extremes.
    let (anti_ideal, ideal) = normaliser.extremes(weights);
    let m = matrix.len();
    let (mut to_ideal, mut to_anti_ideal) = (Vec::with_capacity(m), Vec::with_capacity(m));
    let mut push = |lanes: [(f64, f64); 4]| {
        let [a, b, c, d] = lanes.map(|(plus, _)| plus);
        to_ideal.push(f64::sqrt((a + b) + (c + d)));
        let [a, b, c, d] = lanes.map(|(_, minus)| minus);
        to_anti_ideal.push(f64::sqrt((a + b) + (c + d)));
    };
    let squares = |(plus, minus): (f64, f64), to_ideal: f64, to_anti_ideal: f64| {
        (
            plus + to_ideal * to_ideal,
            minus + to_anti_ideal * to_anti_ideal,
        )
    };
    if let Some(affine) = normaliser.weighted_affine(weights) {
        // A weighted value less a point is `x · a + (b - point)`: straight from the raw row.
        let scale: Vec<f64> = affine.iter().map(|(a, _)| *a).collect();
        let to_hi: Vec<f64> = affine
            .iter()
            .zip(&ideal)
            .map(|((_, b), hi)| b - hi)
            .collect();
        let to_lo: Vec<f64> = affine
            .iter()
            .zip(&anti_ideal)
            .map(|((_, b), lo)| b - lo)
            .collect();
        for row in matrix.values().iter_rows() {
            push(fold_lanes(
                (0.0, 0.0),
                row,
                [&scale, &to_hi, &to_lo],
                |acc, x, [a, hi, lo]| squares(acc, x * a + hi, x * a + lo),
            ));
        }
    } else {
        normaliser.for_each_row(matrix, Some(weights), |row| {
            push(fold_lanes(
                (0.0, 0.0),
                row,
                [&ideal, &anti_ideal],
                |acc, x, [hi, lo]| squares(acc, x - hi, x - lo),
            ));
        });
    }
    let scores = to_ideal
        .iter()
        .zip(&to_anti_ideal)
        .map(|(plus, minus)| {
            if plus + minus > 0.0 {
                minus / (plus + minus)
            } else {
                0.5
            }
        })
        .collect();
    let details = RankingDetails::Topsis {
        weighted: tables.keep(|| normaliser.table(matrix, Some(weights))),
        ideal,
        anti_ideal,
        to_ideal,
        to_anti_ideal,
    };
    finished(format!("TOPSIS ({normalisation:?})"), scores, true, details)
}

/// VIKOR (Opricovic and Tzeng 2004) on the values as they are (a cost `x` as `max - x`, as
/// `pymcdm` does): `S` the weighted sum and `R` the largest weighted distance from the best,
/// `Q = v (S - S*)/(S⁻ - S*) + (1 - v)(R - R*)/(R⁻ - R*)`, lower better; the compromise
/// conditions C1 (acceptable advantage, `DQ = 1/(m - 1)`) and C2 (acceptable stability). A
/// constant criterion adds nothing to `S` or `R` (where `pymcdm` refuses the matrix); a part
/// of `Q` whose spread is 0 is 0.
///
/// Matches pymcdm's `methods.VIKOR(v=...)` and scikit-criteria's `agg.vikor.VIKOR(use_compromise_set=False)` (tests/fixtures/mcdm.json, methods.json).
///
/// # Errors
/// As for [`weighted_sum`]; [`Error::InvalidData`] for `v` outside `[0, 1]`.
pub fn vikor(matrix: &DecisionMatrix, weights: &[f64], v: f64) -> Result<Ranking, Error> {
    check_weights(matrix, weights)?;
    if !(0.0..=1.0).contains(&v) {
        return Err(invalid(format!("VIKOR's v must lie in [0, 1], found {v}")));
    }
    let n = weights.len();
    let (worst, best) = (&matrix.stats().lo, &matrix.stats().hi);
    // Each criterion's term is `w_j (f*_j - f_ij) / (f*_j - f⁻_j)` on the values with costs as
    // `max - x`, which is `x · scale + shift` on the raw value; a constant criterion adds 0.
    let (scale, shift): (Vec<f64>, Vec<f64>) = (0..n)
        .map(|j| {
            let (hi, lo, w) = (
                best.get(j).copied().unwrap_or(0.0),
                worst.get(j).copied().unwrap_or(0.0),
                weights.get(j).copied().unwrap_or(0.0),
            );
            if hi <= lo {
                (0.0, 0.0)
            } else if matrix.kind(j) == CriterionType::Cost {
                (w / (hi - lo), -w * lo / (hi - lo))
            } else {
                (-w / (hi - lo), w * hi / (hi - lo))
            }
        })
        .collect();
    let m = matrix.len();
    let (mut s, mut r) = (Vec::with_capacity(m), Vec::with_capacity(m));
    for row in matrix.values().iter_rows() {
        let lanes = fold_lanes(
            (0.0, 0.0),
            row,
            [&scale, &shift],
            |(sum, most), x, [a, b]| {
                let term = x * a + b;
                (sum + term, if term > most { term } else { most })
            },
        );
        let [a, b, c, d] = lanes.map(|(sum, _)| sum);
        s.push((a + b) + (c + d));
        r.push(lanes.iter().fold(
            0.0,
            |most, (_, lane)| if *lane > most { *lane } else { most },
        ));
    }
    let spread = |x: &[f64]| {
        (
            x.iter().fold(f64::INFINITY, |a, b| a.min(*b)),
            x.iter().fold(f64::NEG_INFINITY, |a, b| a.max(*b)),
        )
    };
    let ((s_best, s_worst), (r_best, r_worst)) = (spread(&s), spread(&r));
    let part = |x: f64, lo: f64, hi: f64| if hi > lo { (x - lo) / (hi - lo) } else { 0.0 };
    let q: Vec<f64> = s
        .iter()
        .zip(&r)
        .map(|(si, ri)| v * part(*si, s_best, s_worst) + (1.0 - v) * part(*ri, r_best, r_worst))
        .collect();
    let m = q.len();
    let at = |x: &[f64], i: usize| x.get(i).copied().unwrap_or(0.0);
    // The best and second best by Q (the first index among equals), without sorting everyone.
    let better = |a: usize, b: usize| at(&q, a) < at(&q, b) || (at(&q, a) == at(&q, b) && a < b);
    let first = (0..m).fold(0, |best, i| if better(i, best) { i } else { best });
    let second = (0..m)
        .filter(|i| *i != first)
        .reduce(|best, i| if better(i, best) { i } else { best });
    let dq = if m > 1 { 1.0 / (m as f64 - 1.0) } else { 0.0 };
    let acceptable_advantage =
        second.is_none_or(|second| at(&q, second) - at(&q, first) >= dq - 1e-12);
    let acceptable_stability = at(&s, first) <= s_best + 1e-12 || at(&r, first) <= r_best + 1e-12;
    let compromise = match (acceptable_advantage, acceptable_stability, second) {
        (true, true, _) | (true, false, None) => vec![first],
        (true, false, Some(second)) => vec![first, second],
        (false, _, _) => {
            let mut near: Vec<usize> = (0..m)
                .filter(|i| at(&q, *i) - at(&q, first) < dq - 1e-12)
                .collect();
            near.sort_by(|a, b| at(&q, *a).total_cmp(&at(&q, *b)).then(a.cmp(b)));
            near
        }
    };
    let details = RankingDetails::Vikor {
        v,
        s,
        r,
        q: q.clone(),
        acceptable_advantage,
        acceptable_stability,
        compromise,
    };
    finished(format!("VIKOR (v = {v})"), q, false, details)
}

/// VIKOR as [`vikor`] computes it, ranked through the compromise set as scikit-criteria's
/// `VIKOR(use_compromise_set=True)` ranks: every subject of the compromise solution shares
/// rank 1, and the others follow in the order of `Q`, their ranks moved up by as many places
/// as the set closes (a set that holds the first three by Q makes the fourth rank 2). The scores
/// stay `Q`.
///
/// ```
/// use igf_rubric::decision::{CriterionType, DecisionMatrix, vikor, vikor_compromise};
///
/// let matrix = DecisionMatrix::new(
///     vec!["a".into(), "b".into(), "c".into(), "d".into()],
///     vec![("quality".into(), CriterionType::Benefit), ("cost".into(), CriterionType::Cost)],
///     vec![vec![8.0, 5.0], vec![7.0, 3.0], vec![9.0, 9.0], vec![2.0, 8.0]],
/// )?;
/// let by_q = vikor(&matrix, &[0.5, 0.5], 0.5)?;
/// let through_set = vikor_compromise(&matrix, &[0.5, 0.5], 0.5)?;
/// assert_eq!(by_q.scores, through_set.scores);
/// assert_eq!(by_q.ranks, [2, 1, 3, 4]);
/// assert_eq!(through_set.ranks, [1, 1, 2, 3]); // a and b form the compromise set
/// # Ok::<(), igf_rubric::Error>(())
/// ```
///
/// Matches scikit-criteria's `agg.vikor.VIKOR(use_compromise_set=True)` (tests/fixtures/methods.json).
///
/// # Errors
/// As for [`vikor`].
pub fn vikor_compromise(
    matrix: &DecisionMatrix,
    weights: &[f64],
    v: f64,
) -> Result<Ranking, Error> {
    let mut ranking = vikor(matrix, weights, v)?;
    if let RankingDetails::Vikor { compromise, .. } = &ranking.details {
        let closes = compromise
            .iter()
            .filter_map(|i| ranking.ranks.get(*i).copied())
            .max()
            .unwrap_or(1);
        for rank in &mut ranking.ranks {
            *rank = if *rank <= closes {
                1
            } else {
                rank.saturating_sub(closes).saturating_add(1)
            };
        }
    }
    ranking.method = format!("VIKOR (v = {v}, compromise set first)");
    Ok(ranking)
}

/// A preference function of PROMETHEE (Brans and Vincke 1985) on the difference `d` of two
/// subjects' values on one criterion.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case", tag = "function")]
#[non_exhaustive]
pub enum PreferenceFunction {
    /// Type I: 1 when `d > 0`.
    Usual,
    /// Type II: 1 when `d > q`.
    UShape {
        /// Indifference threshold.
        q: f64,
    },
    /// Type III: `d / p` up to `p`, then 1.
    VShape {
        /// Preference threshold.
        p: f64,
    },
    /// Type IV: 1/2 when `q < d <= p`, 1 beyond `p`.
    Level {
        /// Indifference threshold.
        q: f64,
        /// Preference threshold.
        p: f64,
    },
    /// Type V: `(d - q)/(p - q)` when `q < d <= p`, 1 beyond `p`.
    Linear {
        /// Indifference threshold.
        q: f64,
        /// Preference threshold.
        p: f64,
    },
    /// Type VI: `1 - exp(-d² / (2 s²))` when `d > 0`.
    Gaussian {
        /// The inflection point.
        s: f64,
    },
}

impl PreferenceFunction {
    fn check(self, name: &str) -> Result<(), Error> {
        let bad = |what: &str| Err(invalid(format!("criterion `{name}`: {what}")));
        match self {
            PreferenceFunction::Usual => Ok(()),
            PreferenceFunction::UShape { q } if q.is_finite() && q >= 0.0 => Ok(()),
            PreferenceFunction::VShape { p } if p.is_finite() && p > 0.0 => Ok(()),
            PreferenceFunction::Level { q, p } | PreferenceFunction::Linear { q, p }
                if q.is_finite() && p.is_finite() && q >= 0.0 && p > q =>
            {
                Ok(())
            }
            PreferenceFunction::Gaussian { s } if s.is_finite() && s > 0.0 => Ok(()),
            PreferenceFunction::UShape { .. } => bad("the indifference threshold q must be >= 0"),
            PreferenceFunction::VShape { .. } => bad("the preference threshold p must be > 0"),
            PreferenceFunction::Gaussian { .. } => bad("s must be > 0"),
            _ => bad("thresholds must satisfy 0 <= q < p"),
        }
    }

    fn apply(self, d: f64) -> f64 {
        match self {
            PreferenceFunction::Usual => f64::from(u8::from(d > 0.0)),
            PreferenceFunction::UShape { q } => f64::from(u8::from(d > q)),
            PreferenceFunction::VShape { p } if d > 0.0 && d <= p => d / p,
            PreferenceFunction::VShape { p } => f64::from(u8::from(d > p)),
            PreferenceFunction::Level { q, p } if d > q && d <= p => 0.5,
            PreferenceFunction::Level { p, .. } => f64::from(u8::from(d > p)),
            PreferenceFunction::Linear { q, p } if d > q && d <= p => (d - q) / (p - q),
            PreferenceFunction::Linear { p, .. } => f64::from(u8::from(d > p)),
            PreferenceFunction::Gaussian { s } if d > 0.0 => 1.0 - (-(d * d) / (2.0 * s * s)).exp(),
            PreferenceFunction::Gaussian { .. } => 0.0,
        }
    }
}

/// PROMETHEE II: net flows `φ = φ⁺ - φ⁻` from the weighted preference of each subject over
/// each other, per criterion's preference function on the raw differences (reversed for a
/// cost), as `pymcdm` computes them. One subject has flows 0.
///
/// Matches pymcdm's `methods.PROMETHEE_II(preference_function=...)` (tests/fixtures/mcdm.json).
///
/// # Errors
/// As for [`weighted_sum`]; [`Error::InvalidData`] for a preference list of the wrong length
/// or thresholds out of order.
pub fn promethee_ii(
    matrix: &DecisionMatrix,
    weights: &[f64],
    preferences: &[PreferenceFunction],
) -> Result<Ranking, Error> {
    check_weights(matrix, weights)?;
    if preferences.len() != weights.len() {
        return Err(invalid(format!(
            "{} preference functions for {} criteria",
            preferences.len(),
            weights.len()
        )));
    }
    for (pf, (name, _)) in preferences.iter().zip(matrix.criteria()) {
        pf.check(name)?;
    }
    let values: Vec<&[f64]> = matrix.values().iter_rows().collect();
    let m = values.len();
    let mut plus = vec![0.0; m];
    let mut minus = vec![0.0; m];
    for (a, row_a) in values.iter().enumerate() {
        for (b, row_b) in values.iter().enumerate() {
            if a == b {
                continue;
            }
            let pi = (0..weights.len()).fold(0.0, |s, j| {
                let d = row_a.get(j).copied().unwrap_or(0.0) - row_b.get(j).copied().unwrap_or(0.0);
                let d = if matrix.kind(j) == CriterionType::Cost {
                    -d
                } else {
                    d
                };
                s + weights.get(j).copied().unwrap_or(0.0)
                    * preferences.get(j).map_or(0.0, |pf| pf.apply(d))
            });
            if let Some(p) = plus.get_mut(a) {
                *p += pi;
            }
            if let Some(n) = minus.get_mut(b) {
                *n += pi;
            }
        }
    }
    let scale = if m > 1 { 1.0 / (m as f64 - 1.0) } else { 0.0 };
    let positive_flow: Vec<f64> = plus.iter().map(|p| p * scale).collect();
    let negative_flow: Vec<f64> = minus.iter().map(|n| n * scale).collect();
    let net = positive_flow
        .iter()
        .zip(&negative_flow)
        .map(|(p, n)| p - n)
        .collect();
    finished(
        "PROMETHEE II".to_owned(),
        net,
        true,
        RankingDetails::Promethee {
            positive_flow,
            negative_flow,
        },
    )
}

impl crate::document::sealed::Sealed for Ranking {
    const WRITTEN: bool = true;
}

impl crate::document::Document for Ranking {
    const NAME: &'static str = "ranking";

    fn format_version(&self) -> u32 {
        self.format_version
    }
}
