//! Fleiss' kappa for many raters and Cohen's kappa (unweighted, linear, quadratic) for two.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::domain::Domain;
use super::finite;
use crate::error::Error;

/// How Cohen's kappa weighs a disagreement between categories `x_i` and `x_j`.
///
/// `Linear` and `Quadratic` use the categories' **values** (a rating's number, or a category's
/// declared value): the agreement weight is `1 - |x_i - x_j| / (x_max - x_min)` or
/// `1 - (x_i - x_j)² / (x_max - x_min)²`, as statsmodels' `cohens_kappa(table, weights=values,
/// wt=...)` computes it (equivalently, disagreement `|x_i - x_j|` or `(x_i - x_j)²`: kappa does
/// not change when the weights are rescaled). The `…OnRanks` options use the categories'
/// **positions** `i, j` in sorted order instead, scikit-learn's `cohen_kappa_score(weights=...)`
/// convention. The two agree whenever the categories are evenly spaced.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum KappaWeights {
    /// Any disagreement counts 1.
    #[default]
    Unweighted,
    /// Disagreement `|x_i - x_j|` on the categories' values (Cicchetti-Allison).
    Linear,
    /// Disagreement `(x_i - x_j)²` on the categories' values (Fleiss-Cohen).
    Quadratic,
    /// Disagreement `|i - j|` on the categories' positions (scikit-learn's `"linear"`, and
    /// statsmodels' `wt="linear"` without category values).
    LinearOnRanks,
    /// Disagreement `(i - j)²` on the categories' positions (scikit-learn's `"quadratic"`, and
    /// statsmodels' `wt="quadratic"` without category values).
    QuadraticOnRanks,
}

crate::label::labels!(KappaWeights, "kappa weighting" {
    Unweighted => "unweighted", "Unweighted";
    Linear => "linear", "Linear";
    Quadratic => "quadratic", "Quadratic";
    LinearOnRanks => "linear_on_ranks", "Linear on ranks";
    QuadraticOnRanks => "quadratic_on_ranks", "Quadratic on ranks";
});

impl KappaWeights {
    /// The disagreement weight of categories at positions `i` and `j` with values `x_i` and
    /// `x_j` (0 on the diagonal).
    pub(crate) fn disagreement(self, (i, x_i): (usize, f64), (j, x_j): (usize, f64)) -> f64 {
        let rank = i.abs_diff(j) as f64;
        let value = (x_i - x_j).abs();
        match self {
            KappaWeights::Unweighted => f64::from(u8::from(i != j)),
            KappaWeights::Linear => value,
            KappaWeights::Quadratic => value * value,
            KappaWeights::LinearOnRanks => rank,
            KappaWeights::QuadraticOnRanks => rank * rank,
        }
    }

    /// The name of Cohen's kappa under these weights.
    pub(crate) fn kappa_name(self) -> &'static str {
        match self {
            KappaWeights::Unweighted => "Cohen's kappa",
            KappaWeights::Linear => "Cohen's weighted kappa (Cicchetti-Allison weights)",
            KappaWeights::Quadratic => "Cohen's weighted kappa (Fleiss-Cohen weights)",
            KappaWeights::LinearOnRanks => "Cohen's weighted kappa (linear weights on ranks)",
            KappaWeights::QuadraticOnRanks => "Cohen's weighted kappa (quadratic weights on ranks)",
        }
    }
}

/// Fleiss' kappa of a subjects × categories table of counts; every subject must be rated by the
/// same number of raters. With two raters per subject it is Scott's pi. A row is anything that reads as a slice of counts (`Vec<u64>`,
/// `[u64; N]`, `&[u64]` from `chunks` of a flat table), so large tables need no list per row.
///
/// # Formula
/// ```text
/// P_i = (Σ_j n_ij² - r) / (r (r - 1))     P̄ = mean of P_i
/// p_j = Σ_i n_ij / (N r)                  P_e = Σ_j p_j²
/// kappa = (P̄ - P_e) / (1 - P_e)
/// ```
///
/// # Examples
/// Fleiss (1971): 30 patients, 6 psychiatrists each, 5 diagnoses (the `diagnoses` data of R's
/// irr package, as counts): kappa = 0.430 (R irr and statsmodels: 0.4302445).
/// ```
/// use igf_rubric::reliability::fleiss_kappa;
///
/// let table = [
///     [0, 0, 0, 6, 0], [0, 3, 0, 0, 3], [0, 1, 4, 0, 1], [0, 0, 0, 0, 6], [0, 3, 0, 3, 0],
///     [2, 0, 4, 0, 0], [0, 0, 4, 0, 2], [2, 0, 3, 1, 0], [2, 0, 0, 4, 0], [0, 0, 0, 0, 6],
///     [1, 0, 0, 5, 0], [1, 1, 0, 4, 0], [0, 3, 3, 0, 0], [1, 0, 0, 5, 0], [0, 2, 0, 3, 1],
///     [0, 0, 5, 0, 1], [3, 0, 0, 1, 2], [5, 1, 0, 0, 0], [0, 2, 0, 4, 0], [1, 0, 2, 0, 3],
///     [0, 0, 0, 0, 6], [0, 1, 0, 5, 0], [0, 2, 0, 1, 3], [2, 0, 0, 4, 0], [1, 0, 0, 4, 1],
///     [0, 5, 0, 1, 0], [4, 0, 0, 0, 2], [0, 2, 0, 4, 0], [1, 0, 5, 0, 0], [0, 0, 0, 0, 6],
/// ];
/// assert_eq!(format!("{:.3}", fleiss_kappa(&table)?), "0.430");
/// # Ok::<(), igf_rubric::Error>(())
/// ```
///
/// Matches statsmodels' `stats.inter_rater.fleiss_kappa(table, method="fleiss")` (tests/fixtures/reliability.json).
///
/// # Errors
/// [`Error::InvalidData`] for an empty table, ragged rows, fewer than two raters or unequal
/// raters per subject; [`Error::Undefined`] when every rating falls in one category.
pub fn fleiss_kappa<R: AsRef<[u64]>>(table: &[R]) -> Result<f64, Error> {
    const STATISTIC: &str = "Fleiss' kappa";
    let invalid = |reason: String| Error::InvalidData {
        statistic: STATISTIC,
        reason,
    };
    let Some(first) = table.first().map(AsRef::as_ref) else {
        return Err(invalid("no subjects".to_owned()));
    };
    let categories = first.len();
    let raters: u64 = first.iter().fold(0u64, |a, c| a.saturating_add(*c));
    if raters < 2 {
        return Err(invalid(format!(
            "needs at least 2 raters per subject, found {raters}"
        )));
    }
    // Whole counts throughout (exact), proportions at the end.
    let mut totals = vec![0_u64; categories];
    let mut squares = 0_u64;
    for (i, row) in table.iter().map(AsRef::as_ref).enumerate() {
        if row.len() != categories {
            return Err(invalid(format!(
                "subject {i} has {} categories, subject 0 has {categories}",
                row.len()
            )));
        }
        let count = row.iter().fold(0u64, |a, c| a.saturating_add(*c));
        if count != raters {
            return Err(invalid(format!(
                "subject {i} has {count} ratings, subject 0 has {raters}"
            )));
        }
        for (total, c) in totals.iter_mut().zip(row) {
            *total = total.saturating_add(*c);
            squares = squares.saturating_add(c.saturating_mul(*c));
        }
    }
    let (n, r) = (table.len() as f64, raters as f64);
    // P̄ = mean of (Σ_j n_ij² - r) / (r (r - 1)) over the subjects.
    let p_bar = (squares as f64 - n * r) / (n * r * (r - 1.0));
    let p_e = totals
        .iter()
        .map(|t| (*t as f64 / (n * r)).powi(2))
        .fold(0.0, |a, x| a + x);
    if p_e >= 1.0 {
        return Err(Error::Undefined {
            statistic: STATISTIC,
            reason: "every rating falls in one category (chance agreement is 1)".to_owned(),
        });
    }
    finite(
        STATISTIC,
        (p_bar - p_e) / (1.0 - p_e),
        "chance agreement is not finite",
    )
}

/// Cohen's kappa of two raters' categorical ratings of the same units, in pairs.
///
/// The categories are the distinct values of either rater, sorted; [`KappaWeights`] says
/// whether weights use those values or their positions.
///
/// # Formula
/// ```text
/// kappa = 1 - Σ_ij w_ij o_ij / Σ_ij w_ij e_ij
/// ```
/// with `o` the observed proportions, `e` the products of the raters' marginal proportions and
/// `w` the disagreement weights (0 on the diagonal). Unweighted, this is `(p_o - p_e)/(1 - p_e)`.
///
/// # Examples
/// ```
/// use igf_rubric::reliability::{KappaWeights, cohen_kappa};
///
/// let a = [1., 2., 3., 3., 2., 1., 1., 2.];
/// let b = [1., 2., 3., 2., 2., 1., 2., 2.];
/// let pairs: Vec<(f64, f64)> = a.into_iter().zip(b).collect();
/// // p_o = 6/8, p_e = (3·2 + 3·5 + 2·1)/64 = 23/64: kappa = (48 - 23)/(64 - 23) = 25/41
/// assert_eq!(format!("{:.4}", cohen_kappa(&pairs, KappaWeights::Unweighted)?), "0.6098");
/// # Ok::<(), igf_rubric::Error>(())
/// ```
///
/// Matches statsmodels' `stats.inter_rater.cohens_kappa(table, wt=...)`: without category
/// values (as scikit-learn's `metrics.cohen_kappa_score(weights=...)`) it weighs positions, the
/// `…OnRanks` weights; given the values, `Linear` and `Quadratic` (tests/fixtures/reliability.json,
/// kappa.json).
///
/// # Errors
/// [`Error::InvalidData`] for no pairs or a value that is not finite; [`Error::Undefined`] when
/// chance disagreement is zero (both raters use one and the same category throughout).
pub fn cohen_kappa(pairs: &[(f64, f64)], weights: KappaWeights) -> Result<f64, Error> {
    const STATISTIC: &str = "Cohen's kappa";
    if pairs.is_empty() {
        return Err(Error::InvalidData {
            statistic: STATISTIC,
            reason: "no pairs of ratings".to_owned(),
        });
    }
    if pairs.iter().any(|(a, b)| !a.is_finite() || !b.is_finite()) {
        return Err(Error::InvalidData {
            statistic: STATISTIC,
            reason: "a rating is not a finite number".to_owned(),
        });
    }
    // `+ 0.0` makes -0.0 the same category as 0.0.
    let domain = Domain::of(|| pairs.iter().flat_map(|(a, b)| [a + 0.0, b + 0.0]));
    let k = domain.values.len();
    let index = |v: f64| domain.index(v + 0.0).unwrap_or(0);
    // Whole counts while counting (exact), proportions after.
    let mut counts = vec![0_u64; k.saturating_mul(k)];
    for (a, b) in pairs {
        let cell = index(*a).saturating_mul(k).saturating_add(index(*b));
        if let Some(count) = counts.get_mut(cell) {
            *count = count.saturating_add(1);
        }
    }
    let n = pairs.len() as f64;
    let observed: Vec<Vec<f64>> = counts
        .chunks(k.max(1))
        .map(|r| r.iter().map(|c| *c as f64 / n).collect())
        .collect();
    let row: Vec<f64> = observed
        .iter()
        .map(|r| r.iter().fold(0.0, |a, x| a + x))
        .collect();
    let col: Vec<f64> = (0..k)
        .map(|j| {
            observed
                .iter()
                .fold(0.0, |a, r| a + r.get(j).copied().unwrap_or(0.0))
        })
        .collect();
    let value = |i: usize| domain.values.get(i).copied().unwrap_or(0.0);
    let weight = |i: usize, j: usize| weights.disagreement((i, value(i)), (j, value(j)));
    let (mut disagree_observed, mut disagree_expected) = (0.0, 0.0);
    for (i, (obs_row, r)) in observed.iter().zip(&row).enumerate() {
        for (j, (o, c)) in obs_row.iter().zip(&col).enumerate() {
            disagree_observed += weight(i, j) * o;
            disagree_expected += weight(i, j) * r * c;
        }
    }
    if disagree_expected <= 0.0 {
        return Err(Error::Undefined {
            statistic: STATISTIC,
            reason: "chance disagreement is zero (one category throughout)".to_owned(),
        });
    }
    finite(
        STATISTIC,
        1.0 - disagree_observed / disagree_expected,
        "disagreement is not finite",
    )
}
