//! Cohen's kappa from a two-rater contingency table, with its asymptotic standard errors,
//! confidence interval and test, as SAS PROC FREQ (AGREE) and Python's statsmodels compute them.

use std::fmt;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::special::normal_two_sided;
use super::{CategoricalRatings, Interpretation, KappaWeights};
use crate::error::Error;

const STATISTIC: &str = "Cohen's kappa";

/// The 0.975 quantile of the standard normal distribution.
const Z_975: f64 = 1.959_963_984_540_054;

/// Two raters' ratings as a square table of counts: row `i`, column `j` counts the units the
/// first rater put in category `i` and the second in `j`.
///
/// ```
/// use igf_rubric::reliability::{CategoricalRatings, ContingencyTable};
///
/// let ratings = CategoricalRatings::from_labels(
///     &[vec![Some("yes"), Some("yes")], vec![Some("no"), Some("yes")], vec![Some("no"), None]],
///     Some(&["no", "yes"]),
/// )?;
/// let table = ContingencyTable::from_ratings(&ratings)?;
/// assert_eq!(table.counts(), &[vec![0, 1], vec![0, 1]]); // the unit rated once is left out
/// # Ok::<(), igf_rubric::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct ContingencyTable {
    categories: Vec<String>,
    values: Vec<f64>,
    counts: Vec<Vec<u64>>,
}

impl ContingencyTable {
    /// A table of counts; `categories` names the rows and columns in order (default `1..=k`).
    /// When every name is a number and they increase (`["1", "2", "5"]`), weights use those
    /// numbers as the categories' values; otherwise the positions `1..=k`.
    ///
    /// ```
    /// use igf_rubric::reliability::{ContingencyTable, KappaWeights, cohen};
    ///
    /// let counts = vec![vec![10, 3, 1], vec![2, 12, 3], vec![0, 4, 9]];
    /// let spaced = ContingencyTable::new(counts.clone(), Some(vec!["1".into(), "2".into(), "5".into()]))?;
    /// let even = ContingencyTable::new(counts, None)?;
    /// let (a, b) = (cohen(&spaced, KappaWeights::Linear)?, cohen(&even, KappaWeights::Linear)?);
    /// assert!((a.value - b.value).abs() > 1e-3); // the values 1, 2, 5 are honoured
    /// assert!((cohen(&spaced, KappaWeights::LinearOnRanks)?.value - b.value).abs() < 1e-12);
    /// # Ok::<(), igf_rubric::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidData`] for an empty or non-square table, a list of categories of
    /// another length, or a table without a count.
    pub fn new(
        counts: Vec<Vec<u64>>,
        categories: Option<Vec<String>>,
    ) -> Result<ContingencyTable, Error> {
        let k = counts.len();
        let invalid = |reason: String| Error::InvalidData {
            statistic: STATISTIC,
            reason,
        };
        if k == 0 || counts.iter().any(|row| row.len() != k) {
            return Err(invalid(format!(
                "the table must be square and not empty; it has {k} rows of lengths {:?}",
                counts.iter().map(Vec::len).collect::<Vec<_>>()
            )));
        }
        if counts.iter().flatten().all(|c| *c == 0) {
            return Err(invalid("the table holds no rating".to_owned()));
        }
        let categories = categories.unwrap_or_else(|| (1..=k).map(|c| c.to_string()).collect());
        if categories.len() != k {
            return Err(invalid(format!(
                "{} categories named for a {k} x {k} table",
                categories.len()
            )));
        }
        let values = super::domain::declared_values(&categories);
        Ok(ContingencyTable {
            categories,
            values,
            counts,
        })
    }

    /// The table of two raters' ratings: units rated by both count, the others are left out.
    /// The categories (and the values weights use) are the ratings' own.
    ///
    /// # Errors
    /// [`Error::InvalidData`] when there are not exactly two raters, or no unit is rated by
    /// both.
    pub fn from_ratings(ratings: &CategoricalRatings) -> Result<ContingencyTable, Error> {
        if ratings.anonymous() {
            return Err(Error::InvalidData {
                statistic: STATISTIC,
                reason: "needs who gave which rating; ratings read from counts do not say"
                    .to_owned(),
            });
        }
        if ratings.raters() != 2 {
            return Err(Error::InvalidData {
                statistic: STATISTIC,
                reason: format!("needs exactly 2 raters, found {}", ratings.raters()),
            });
        }
        let k = ratings.categories().len();
        let mut counts = vec![vec![0u64; k]; k];
        for row in ratings.rows() {
            if let [Some(a), Some(b)] = row
                && let Some(cell) = counts.get_mut(*a).and_then(|r| r.get_mut(*b))
            {
                *cell = cell.saturating_add(1);
            }
        }
        let mut table = ContingencyTable::new(counts, Some(ratings.categories().to_vec()))
            .map_err(|_| Error::InvalidData {
                statistic: STATISTIC,
                reason: "no unit is rated by both raters".to_owned(),
            })?;
        table.values = ratings.values().to_vec();
        Ok(table)
    }

    /// The counts, rows by the first rater.
    #[must_use]
    pub fn counts(&self) -> &[Vec<u64>] {
        &self.counts
    }

    /// The categories, in order.
    #[must_use]
    pub fn categories(&self) -> &[String] {
        &self.categories
    }
}

/// Cohen's kappa with everything SAS's AGREE option prints.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct Kappa {
    /// Unweighted, or weighted by Cicchetti-Allison (linear) or Fleiss-Cohen (quadratic)
    /// agreement weights.
    pub weights: KappaWeights,
    /// The coefficient.
    pub value: f64,
    /// Observed (weighted) agreement `p_o`.
    pub observed_agreement: f64,
    /// Expected (weighted) agreement `p_e`.
    pub expected_agreement: f64,
    /// Asymptotic standard error (Fleiss, Cohen and Everitt 1969), for the interval.
    pub ase: f64,
    /// Asymptotic standard error under `kappa = 0`, for the test.
    pub ase0: f64,
    /// Lower end of the 95% interval, `value - 1.96 ASE`.
    pub ci95_lower: f64,
    /// Upper end of the 95% interval, `value + 1.96 ASE`.
    pub ci95_upper: f64,
    /// `value / ASE0`.
    pub z: f64,
    /// Two-sided p-value of `kappa = 0` from `z`.
    pub p_value: f64,
    /// Units (the table's total).
    pub units: u64,
    /// Categories.
    pub categories: usize,
    /// Landis and Koch's band.
    pub interpretation: Interpretation,
}

impl fmt::Display for Kappa {
    /// `Cohen's kappa = 0.610 (ASE 0.112; 95% CI 0.390 to 0.830; z = 4.39, p < 0.001; 50
    /// units, 3 categories), substantial`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let name = self.weights.kappa_name();
        write!(
            f,
            "{name} = {:.3} (ASE {:.3}; 95% CI {:.3} to {:.3}; z = {:.2}, ",
            self.value, self.ase, self.ci95_lower, self.ci95_upper, self.z
        )?;
        if self.p_value < 0.001 {
            write!(f, "p < 0.001")?;
        } else {
            write!(f, "p = {:.3}", self.p_value)?;
        }
        write!(
            f,
            "; {} units, {} categories), {}",
            self.units,
            self.categories,
            self.interpretation.label()
        )
    }
}

/// Cohen's kappa of a contingency table, unweighted or weighted, with the asymptotic standard
/// errors of Fleiss, Cohen and Everitt (1969) under the alternative and under `kappa = 0`, the
/// Wald interval and the z test, as SAS PROC FREQ's AGREE option and statsmodels'
/// `cohens_kappa` compute them.
///
/// # Formulas
/// ```text
/// p_ij cell proportions, p_i. and p_.j margins, w_ij agreement weights (1 on the diagonal):
///   linear    w_ij = 1 - |x_i - x_j| / (x_k - x_1)      (Cicchetti-Allison)
///   quadratic w_ij = 1 - (x_i - x_j)² / (x_k - x_1)²    (Fleiss-Cohen)
/// p_o = Σ w_ij p_ij    p_e = Σ w_ij p_i. p_.j    kappa = (p_o - p_e) / (1 - p_e)
/// w̄_i. = Σ_j p_.j w_ij    w̄_.j = Σ_i p_i. w_ij
/// Var   = [Σ p_ij (w_ij - (w̄_i. + w̄_.j)(1 - kappa))² - (kappa - p_e (1 - kappa))²] / ((1 - p_e)² n)
/// Var_0 = [Σ p_i. p_.j (w_ij - (w̄_i. + w̄_.j))² - p_e²] / ((1 - p_e)² n)
/// ```
/// Unweighted, the weights are the identity and these reduce to SAS's simple-kappa formulas.
///
/// # Examples
/// ```
/// use igf_rubric::reliability::{ContingencyTable, KappaWeights, cohen};
///
/// // Two MAG members' verdicts on 50 proposals: recommend / revise / reject.
/// let table = ContingencyTable::new(vec![vec![20, 4, 1], vec![3, 10, 2], vec![0, 2, 8]], None)?;
/// let kappa = cohen(&table, KappaWeights::Unweighted)?;
/// assert_eq!(format!("{:.4}", kappa.value), "0.6190"); // statsmodels: 0.6190476, ASE 0.0949450
/// assert!(kappa.to_string().starts_with("Cohen's kappa = 0.619 (ASE 0.095; 95% CI 0.433 to 0.805; z = 6.05, p < 0.001"));
/// # Ok::<(), igf_rubric::Error>(())
/// ```
///
/// Matches statsmodels' `stats.inter_rater.cohens_kappa(table, weights=values, wt=...)` (tests/fixtures/kappa.json).
///
/// # Errors
/// [`Error::Undefined`] when expected agreement is 1 (both raters used one category
/// throughout).
pub fn cohen(table: &ContingencyTable, weights: KappaWeights) -> Result<Kappa, Error> {
    let k = table.counts.len();
    let n_u = table
        .counts
        .iter()
        .flatten()
        .fold(0u64, |s, c| s.saturating_add(*c));
    let n = n_u as f64;
    let p: Vec<Vec<f64>> = table
        .counts
        .iter()
        .map(|row| row.iter().map(|c| *c as f64 / n).collect())
        .collect();
    let at = |i: usize, j: usize| p.get(i).and_then(|r| r.get(j)).copied().unwrap_or(0.0);
    let row: Vec<f64> = (0..k)
        .map(|i| (0..k).fold(0.0, |s, j| s + at(i, j)))
        .collect();
    let col: Vec<f64> = (0..k)
        .map(|j| (0..k).fold(0.0, |s, i| s + at(i, j)))
        .collect();
    let (first, last) = (
        table.values.first().copied().unwrap_or(0.0),
        table.values.last().copied().unwrap_or(0.0),
    );
    let range = last - first;
    let value_of = |i: usize| table.values.get(i).copied().unwrap_or(0.0);
    // Agreement weights: 1 less the disagreement over the largest one, values or positions.
    let largest = match weights {
        KappaWeights::Unweighted => 1.0,
        KappaWeights::Linear => range,
        KappaWeights::Quadratic => range * range,
        KappaWeights::LinearOnRanks => k.saturating_sub(1) as f64,
        KappaWeights::QuadraticOnRanks => (k.saturating_sub(1) as f64).powi(2),
    };
    let w = |i: usize, j: usize| -> f64 {
        if largest > 0.0 {
            1.0 - weights.disagreement((i, value_of(i)), (j, value_of(j))) / largest
        } else {
            f64::from(u8::from(i == j))
        }
    };
    let r = |i: usize| row.get(i).copied().unwrap_or(0.0);
    let c = |j: usize| col.get(j).copied().unwrap_or(0.0);
    let (mut po, mut pe) = (0.0, 0.0);
    for i in 0..k {
        for j in 0..k {
            po += w(i, j) * at(i, j);
            pe += w(i, j) * r(i) * c(j);
        }
    }
    if (1.0 - pe).abs() < f64::EPSILON {
        return Err(Error::Undefined {
            statistic: STATISTIC,
            reason: "expected agreement is 1: both raters used one category throughout".to_owned(),
        });
    }
    let kappa = (po - pe) / (1.0 - pe);
    let w_row: Vec<f64> = (0..k)
        .map(|i| (0..k).fold(0.0, |s, j| s + c(j) * w(i, j)))
        .collect();
    let w_col: Vec<f64> = (0..k)
        .map(|j| (0..k).fold(0.0, |s, i| s + r(i) * w(i, j)))
        .collect();
    let (mut a, mut a0) = (0.0, 0.0);
    for i in 0..k {
        for j in 0..k {
            let both = w_row.get(i).copied().unwrap_or(0.0) + w_col.get(j).copied().unwrap_or(0.0);
            a += at(i, j) * (w(i, j) - both * (1.0 - kappa)).powi(2);
            a0 += r(i) * c(j) * (w(i, j) - both).powi(2);
        }
    }
    let scale = (1.0 - pe).powi(2) * n;
    let var = (a - (kappa - pe * (1.0 - kappa)).powi(2)) / scale;
    let var0 = (a0 - pe * pe) / scale;
    let (ase, ase0) = (var.max(0.0).sqrt(), var0.max(0.0).sqrt());
    let z = if ase0 > 0.0 { kappa / ase0 } else { 0.0 };
    let result = Kappa {
        weights,
        value: kappa,
        observed_agreement: po,
        expected_agreement: pe,
        ase,
        ase0,
        ci95_lower: kappa - Z_975 * ase,
        ci95_upper: kappa + Z_975 * ase,
        z,
        p_value: normal_two_sided(z),
        units: n_u,
        categories: k,
        interpretation: Interpretation::for_kappa(kappa),
    };
    if [
        result.value,
        result.ase,
        result.ase0,
        result.z,
        result.p_value,
    ]
    .iter()
    .all(|v| v.is_finite())
    {
        Ok(result)
    } else {
        Err(Error::Undefined {
            statistic: STATISTIC,
            reason: "the table gives no finite value".to_owned(),
        })
    }
}
