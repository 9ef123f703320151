//! The chance-corrected agreement family on categorical ratings, after Gwet (2014), *Handbook
//! of Inter-Rater Reliability*, 4th ed.: Fleiss' generalised kappa, Gwet's AC1 and AC2,
//! Conger's kappa, Brennan and Prediger's coefficient (Randolph's free-marginal kappa) and
//! Krippendorff's alpha, each with its percent and chance agreement, its standard error by
//! Gwet's linearisation, a t-based confidence interval and test, as Python's `irrCAC` (and R's
//! `irrCAC`) computes them.

use std::fmt;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::special::{beta_inc, t_critical};
use super::{CategoricalRatings, Interpretation};
use crate::error::Error;

/// A chance-corrected agreement coefficient of the family.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ChanceCorrected {
    /// Fleiss' kappa, generalised to missing ratings and weights: chance agreement from the
    /// pooled category shares. With two raters it is Scott's pi (Scott 1955), of which Fleiss'
    /// kappa is the generalisation to more raters.
    Fleiss,
    /// Gwet's AC1 (identity weights) or AC2 (other weights): chance agreement from the
    /// propensity to rate at random.
    Gwet,
    /// Conger's kappa: chance agreement averaged over the raters' own category shares.
    Conger,
    /// Brennan and Prediger: chance agreement from equal shares `1/q`; with identity weights,
    /// Randolph's free-marginal multirater kappa.
    BrennanPrediger,
    /// Krippendorff's alpha in Gwet's formulation on the units rated at least twice.
    Krippendorff,
}

crate::label::labels!(ChanceCorrected, "chance-corrected coefficient" {
    Fleiss => "fleiss", "Fleiss' kappa";
    Gwet => "gwet", "Gwet's AC";
    Conger => "conger", "Conger's kappa";
    BrennanPrediger => "brennan_prediger", "Brennan-Prediger coefficient";
    Krippendorff => "krippendorff", "Krippendorff's alpha";
});

/// Agreement weights `w_kl` in `[0, 1]` between categories `k` and `l` (1 on the diagonal),
/// from the categories' values `x` ([`CategoricalRatings::values`]), as `irrCAC` defines them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Weighting {
    /// Full credit for the same category only (unweighted).
    #[default]
    Identity,
    /// `1 - |x_k - x_l| / (x_max - x_min)`.
    Linear,
    /// `1 - (x_k - x_l)² / (x_max - x_min)²`.
    Quadratic,
    /// `1 - m(m - 1)/2 / max`, with `m = |k - l| + 1` on positions.
    Ordinal,
    /// `1 - √|x_k - x_l| / √(x_max - x_min)`.
    Radical,
    /// `1 - ((x_k - x_l)/(x_k + x_l))² / ((x_max - x_min)/(x_max + x_min))²`; no category 0.
    Ratio,
    /// `1 - sin²(π (x_k - x_l) / U) / max`, `U = x_max - x_min + 1`.
    Circular,
    /// `1 - (x_k - x_l)² / ((x_k + x_l - 2 x_min)(2 x_max - x_k - x_l)) / max`.
    Bipolar,
}

crate::label::labels!(Weighting, "weighting" {
    Identity => "identity", "Identity";
    Linear => "linear", "Linear";
    Quadratic => "quadratic", "Quadratic";
    Ordinal => "ordinal", "Ordinal";
    Radical => "radical", "Radical";
    Ratio => "ratio", "Ratio";
    Circular => "circular", "Circular";
    Bipolar => "bipolar", "Bipolar";
});

/// A chance-corrected coefficient with everything a methods section reports.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct Agreement {
    /// Which coefficient.
    pub coefficient: ChanceCorrected,
    /// Its name as the literature writes it: `Gwet's AC1`, `Gwet's AC2`, `Fleiss' kappa`, ...
    pub name: String,
    /// The agreement weights used.
    pub weighting: Weighting,
    /// The coefficient.
    pub value: f64,
    /// Observed (weighted) percent agreement `p_a`.
    pub percent_agreement: f64,
    /// Chance agreement `p_e`.
    pub chance_agreement: f64,
    /// Standard error (Gwet's linearisation; no finite-population correction).
    pub standard_error: f64,
    /// Lower end of the 95% confidence interval, `value - t(0.975, df) · SE`.
    pub ci95_lower: f64,
    /// Upper end of the 95% confidence interval, capped at 1.
    pub ci95_upper: f64,
    /// `value / SE`, absent when the SE is 0.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub t: Option<f64>,
    /// Degrees of freedom of the t distribution: units used less one.
    pub df: f64,
    /// Two-sided p-value of `value = 0`, absent when the SE is 0.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub p_value: Option<f64>,
    /// Units used (rated at least once; at least twice for Krippendorff's alpha).
    pub units: usize,
    /// Raters.
    pub raters: usize,
    /// Categories.
    pub categories: usize,
    /// Landis and Koch's band for the value.
    pub interpretation: Interpretation,
}

impl fmt::Display for Agreement {
    /// `Gwet's AC1 = 0.775 (SE 0.143; 95% CI 0.461 to 1.000; t(11) = 5.42, p < 0.001; 12
    /// units, 4 raters, 5 categories; identity weights; p_a = 0.818, p_e = 0.190), substantial`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} = {:.3} (SE {:.3}; 95% CI {:.3} to {:.3}; ",
            self.name, self.value, self.standard_error, self.ci95_lower, self.ci95_upper
        )?;
        match (self.t, self.p_value) {
            (Some(t), Some(p)) if p < 0.001 => write!(f, "t({}) = {t:.2}, p < 0.001; ", self.df)?,
            (Some(t), Some(p)) => write!(f, "t({}) = {t:.2}, p = {p:.3}; ", self.df)?,
            _ => write!(f, "no test: the SE is 0; ")?,
        }
        write!(
            f,
            "{} units, {} raters, {} categories; {} weights; p_a = {:.3}, p_e = {:.3}), {}",
            self.units,
            self.raters,
            self.categories,
            self.weighting.as_str(),
            self.percent_agreement,
            self.chance_agreement,
            self.interpretation.label()
        )
    }
}

/// The weight matrix for `values` (the categories' values, in order).
///
/// # Errors
/// [`Error::InvalidData`] for ratio weights with a category 0, and for weights that need a
/// range (linear, quadratic, radical, ratio, bipolar) over fewer than two distinct values.
pub fn weight_matrix(weighting: Weighting, values: &[f64]) -> Result<Vec<Vec<f64>>, Error> {
    let q = values.len();
    let (min, max) = values
        .iter()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
            (lo.min(*v), hi.max(*v))
        });
    let range = max - min;
    let invalid = |reason: &str| Error::InvalidData {
        statistic: "agreement weights",
        reason: reason.to_owned(),
    };
    let needs_range = !matches!(
        weighting,
        Weighting::Identity | Weighting::Ordinal | Weighting::Circular
    );
    if needs_range && q > 1 && range <= 0.0 {
        return Err(invalid("the categories' values have no range"));
    }
    if weighting == Weighting::Ratio && values.contains(&0.0) {
        return Err(invalid("ratio weights cannot have a category 0"));
    }
    let raw = |k: usize, l: usize| -> f64 {
        let (a, b) = (
            values.get(k).copied().unwrap_or(0.0),
            values.get(l).copied().unwrap_or(0.0),
        );
        match weighting {
            Weighting::Identity => f64::from(u8::from(k == l)),
            Weighting::Linear => 1.0 - (a - b).abs() / range,
            Weighting::Quadratic => 1.0 - ((a - b) / range).powi(2),
            Weighting::Radical => 1.0 - (a - b).abs().sqrt() / range.sqrt(),
            Weighting::Ratio => 1.0 - ((a - b) / (a + b)).powi(2) / (range / (max + min)).powi(2),
            Weighting::Ordinal => {
                let m = k.abs_diff(l) as f64 + 1.0;
                m * (m - 1.0) / 2.0
            }
            Weighting::Circular => (std::f64::consts::PI * (a - b) / (range + 1.0))
                .sin()
                .powi(2),
            Weighting::Bipolar if k == l => 0.0,
            Weighting::Bipolar => (a - b).powi(2) / ((a + b - 2.0 * min) * (2.0 * max - a - b)),
        }
    };
    let mut w: Vec<Vec<f64>> = (0..q)
        .map(|k| (0..q).map(|l| raw(k, l)).collect())
        .collect();
    if matches!(
        weighting,
        Weighting::Ordinal | Weighting::Circular | Weighting::Bipolar
    ) {
        let top = w.iter().flatten().fold(0.0_f64, |m, v| m.max(*v));
        for v in w.iter_mut().flatten() {
            *v = if top > 0.0 { 1.0 - *v / top } else { 1.0 };
        }
    }
    Ok(w)
}

/// What every coefficient shares: the counts per unit and category, the weighted counts and
/// each unit's agreement.
struct Table {
    /// `r_ik` of the units rated at least once.
    counts: Vec<Vec<f64>>,
    /// `r_i`.
    rated: Vec<f64>,
    /// `Σ_k r_ik (r*_ik - 1)`, with `r*_ik = Σ_l w_kl r_il`.
    agreeing: Vec<f64>,
    weights: Vec<Vec<f64>>,
    /// The units' indexes in the ratings.
    kept: Vec<usize>,
}

impl Table {
    fn new(data: &CategoricalRatings, weights: Vec<Vec<f64>>) -> Table {
        let mut table = Table {
            counts: Vec::new(),
            rated: Vec::new(),
            agreeing: Vec::new(),
            weights,
            kept: Vec::new(),
        };
        for (i, row) in data.counts().into_iter().enumerate() {
            let counts: Vec<f64> = row.iter().map(|c| *c as f64).collect();
            let rated: f64 = counts.iter().fold(0.0, |s, c| s + c);
            if rated == 0.0 {
                continue;
            }
            let agreeing = counts
                .iter()
                .enumerate()
                .map(|(k, r)| {
                    let weighted = table.weights.get(k).map_or(0.0, |w| {
                        w.iter().zip(&counts).fold(0.0, |s, (w, c)| s + w * c)
                    });
                    r * (weighted - 1.0)
                })
                .fold(0.0, |s, v| s + v);
            table.counts.push(counts);
            table.rated.push(rated);
            table.agreeing.push(agreeing);
            table.kept.push(i);
        }
        table
    }

    fn n(&self) -> f64 {
        self.rated.len() as f64
    }

    fn q(&self) -> usize {
        self.weights.len()
    }

    /// Units rated at least twice.
    fn pairs(&self) -> f64 {
        self.rated.iter().filter(|r| **r >= 2.0).count() as f64
    }

    /// Each unit's percent agreement (0 for a unit rated once).
    fn unit_agreement(&self) -> Vec<f64> {
        self.rated
            .iter()
            .zip(&self.agreeing)
            .map(|(r, a)| if *r >= 2.0 { a / (r * (r - 1.0)) } else { 0.0 })
            .collect()
    }

    /// `p_a`: the mean of the units' agreement over the units rated at least twice.
    fn percent_agreement(&self) -> f64 {
        self.unit_agreement().iter().fold(0.0, |s, v| s + v) / self.pairs()
    }

    /// `π_k = mean_i r_ik / r_i`.
    fn shares(&self) -> Vec<f64> {
        let mut pi = vec![0.0; self.q()];
        for (row, r) in self.counts.iter().zip(&self.rated) {
            for (p, c) in pi.iter_mut().zip(row) {
                *p += c / r;
            }
        }
        let n = self.n();
        pi.iter().map(|p| p / n).collect()
    }

    fn weight_sum(&self) -> f64 {
        self.weights.iter().flatten().fold(0.0, |s, v| s + v)
    }

    /// `(Σ_l w_kl π_l + Σ_l w_lk π_l) / 2`.
    fn symmetric(&self, pi: &[f64]) -> Vec<f64> {
        (0..self.q())
            .map(|k| {
                let row = (0..self.q()).fold(0.0, |s, l| {
                    s + w(&self.weights, k, l) * pi.get(l).copied().unwrap_or(0.0)
                });
                let col = (0..self.q()).fold(0.0, |s, l| {
                    s + w(&self.weights, l, k) * pi.get(l).copied().unwrap_or(0.0)
                });
                (row + col) / 2.0
            })
            .collect()
    }
}

fn w(weights: &[Vec<f64>], k: usize, l: usize) -> f64 {
    weights
        .get(k)
        .and_then(|row| row.get(l))
        .copied()
        .unwrap_or(0.0)
}

fn dot(a: &[f64], b: &[f64]) -> f64 {
    a.iter().zip(b).fold(0.0, |s, (x, y)| s + x * y)
}

/// A chance-corrected agreement coefficient of categorical ratings, with its standard error,
/// 95% confidence interval and test.
///
/// # Formulas (Gwet 2014, chapters 2-5; `irrCAC`)
/// ```text
/// r_ik  raters putting unit i in category k     r_i = Σ_k r_ik     r*_ik = Σ_l w_kl r_il
/// p_a = mean over units with r_i >= 2 of Σ_k r_ik (r*_ik - 1) / (r_i (r_i - 1))
/// π_k = mean_i r_ik / r_i
/// Fleiss   p_e = Σ_kl w_kl π_k π_l
/// Gwet     p_e = Σ_kl w_kl / (q (q - 1)) · Σ_k π_k (1 - π_k)
/// BP       p_e = Σ_kl w_kl / q²
/// Conger   p_e = Σ_kl w_kl (p̄_k p̄_l - s²_kl / r), p_gk rater g's share of category k
/// coefficient = (p_a - p_e) / (1 - p_e)
/// ```
/// The variance is Gwet's linearisation: the sample variance of each unit's contribution
/// (corrected for the estimated `p_e`, except for Brennan-Prediger, whose `p_e` is fixed)
/// over `n (n - 1)`; the interval and the test use Student's t with `n - 1` degrees of freedom.
/// `irrCAC` reports Brennan-Prediger's p-value one-sided; here every p-value is two-sided.
///
/// # Examples
/// Gwet's four raters rating twelve units into five categories, with missing ratings (the
/// `raw_4raters` data of `irrCAC`): AC1 = 0.7754, Fleiss' kappa = 0.7612.
/// ```
/// use igf_rubric::reliability::{CategoricalRatings, ChanceCorrected, Ratings, Weighting, chance_corrected};
///
/// let ratings = Ratings::from_rows(vec![
///     vec![Some(1.0), Some(1.0), None, Some(1.0)], vec![Some(2.0), Some(2.0), Some(3.0), Some(2.0)],
///     vec![Some(3.0), Some(3.0), Some(3.0), Some(3.0)], vec![Some(3.0), Some(3.0), Some(3.0), Some(3.0)],
///     vec![Some(2.0), Some(2.0), Some(2.0), Some(2.0)], vec![Some(1.0), Some(2.0), Some(3.0), Some(4.0)],
///     vec![Some(4.0), Some(4.0), Some(4.0), Some(4.0)], vec![Some(1.0), Some(1.0), Some(2.0), Some(1.0)],
///     vec![Some(2.0), Some(2.0), Some(2.0), Some(2.0)], vec![None, Some(5.0), Some(5.0), Some(5.0)],
///     vec![None, None, Some(1.0), Some(1.0)], vec![None, None, Some(3.0), None],
/// ])?;
/// let data = CategoricalRatings::from_numbers(&ratings, None)?;
/// let ac1 = chance_corrected(&data, ChanceCorrected::Gwet, Weighting::Identity)?;
/// assert_eq!(format!("{:.5} {:.5} {:.5}", ac1.value, ac1.standard_error, ac1.ci95_lower), "0.77544 0.14295 0.46081");
/// let fleiss = chance_corrected(&data, ChanceCorrected::Fleiss, Weighting::Identity)?;
/// assert_eq!(format!("{:.5}", fleiss.value), "0.76117");
/// assert!(ac1.to_string().starts_with("Gwet's AC1 = 0.775 (SE 0.143; 95% CI 0.461 to 1.000; t(11) = 5.42"));
/// # Ok::<(), igf_rubric::Error>(())
/// ```
///
/// Matches irrCAC's `CAC(ratings, weights=...)` methods `gwet`, `fleiss`, `conger`, `bp` and `krippendorff` (tests/fixtures/agreement.json).
///
/// # Errors
/// [`Error::Undefined`] when no unit is rated twice, there are fewer than two units or two
/// categories, chance agreement is 1, or (Conger) a rater rated no unit; [`Error::InvalidData`]
/// as for [`weight_matrix`].
pub fn chance_corrected(
    data: &CategoricalRatings,
    coefficient: ChanceCorrected,
    weighting: Weighting,
) -> Result<Agreement, Error> {
    let statistic = match coefficient {
        ChanceCorrected::Fleiss => "Fleiss' kappa",
        ChanceCorrected::Gwet => "Gwet's AC",
        ChanceCorrected::Conger => "Conger's kappa",
        ChanceCorrected::BrennanPrediger => "Brennan-Prediger coefficient",
        ChanceCorrected::Krippendorff => "Krippendorff's alpha",
    };
    let undefined = |reason: &str| Error::Undefined {
        statistic,
        reason: reason.to_owned(),
    };
    let weights = weight_matrix(weighting, data.values())?;
    let table = Table::new(data, weights);
    if table.q() < 2 {
        return Err(undefined("needs at least two categories"));
    }
    if coefficient == ChanceCorrected::Conger && data.anonymous() {
        return Err(Error::InvalidData {
            statistic,
            reason: "needs who gave which rating; ratings read from counts do not say".to_owned(),
        });
    }
    if table.pairs() < 1.0 {
        return Err(undefined("no unit is rated by two raters or more"));
    }
    let estimate = match coefficient {
        ChanceCorrected::Krippendorff => krippendorff(&table),
        ChanceCorrected::Conger => conger(&table, data),
        other => pooled(&table, other),
    }
    .ok_or_else(|| {
        undefined("chance agreement is 1, or a rater rated no unit, or there is one unit")
    })?;
    let name = match (coefficient, weighting) {
        (ChanceCorrected::Gwet, Weighting::Identity) => "Gwet's AC1".to_owned(),
        (ChanceCorrected::Gwet, _) => "Gwet's AC2".to_owned(),
        (other, Weighting::Identity) => other.label().to_owned(),
        (other, _) => format!("weighted {}", other.label()),
    };
    let Estimate {
        value,
        pa,
        pe,
        variance,
        units,
    } = estimate;
    let se = variance.max(0.0).sqrt();
    let df = units as f64 - 1.0;
    let margin = t_critical(0.05, df) * se;
    let (t, p_value) = if se > 0.0 {
        let t = value / se;
        (Some(t), Some(beta_inc(df / 2.0, 0.5, df / (df + t * t))))
    } else {
        (None, None)
    };
    let agreement = Agreement {
        coefficient,
        name,
        weighting,
        value,
        percent_agreement: pa,
        chance_agreement: pe,
        standard_error: se,
        ci95_lower: value - margin,
        ci95_upper: (value + margin).min(1.0),
        t,
        df,
        p_value,
        units,
        raters: data.raters(),
        categories: table.q(),
        interpretation: Interpretation::for_kappa(value),
    };
    let finite = [
        value,
        pa,
        pe,
        se,
        agreement.ci95_lower,
        agreement.ci95_upper,
    ]
    .iter()
    .all(|v| v.is_finite());
    if !finite {
        return Err(undefined("the data give no finite value"));
    }
    Ok(agreement)
}

struct Estimate {
    value: f64,
    pa: f64,
    pe: f64,
    variance: f64,
    units: usize,
}

/// `(n / n₂) (p_a,i - p_e [r_i >= 2]) / (1 - p_e)`, each unit's contribution.
fn contributions(table: &Table, pe: f64) -> Vec<f64> {
    let (n, pairs) = (table.n(), table.pairs());
    table
        .unit_agreement()
        .iter()
        .zip(&table.rated)
        .map(|(pa_i, r)| (n / pairs) * (pa_i - if *r >= 2.0 { pe } else { 0.0 }) / (1.0 - pe))
        .collect()
}

/// The linearised variance: `Σ (x_i - value)² / (n (n - 1))`, where `x_i` corrects each
/// unit's contribution for its part in `p_e` (`pe_i`), unless `pe_i` is absent.
fn variance(contributions: &[f64], value: f64, pe: f64, pe_i: Option<&[f64]>) -> f64 {
    let n = contributions.len() as f64;
    let sum = contributions.iter().enumerate().fold(0.0, |s, (i, c)| {
        let x = match pe_i.and_then(|p| p.get(i)) {
            Some(pe_i) => c - 2.0 * (1.0 - value) * (pe_i - pe) / (1.0 - pe),
            None => *c,
        };
        s + (x - value).powi(2)
    });
    sum / (n * (n - 1.0))
}

/// Fleiss, Gwet and Brennan-Prediger: chance agreement from shares pooled over raters.
fn pooled(table: &Table, coefficient: ChanceCorrected) -> Option<Estimate> {
    let (n, q) = (table.n(), table.q() as f64);
    let pi = table.shares();
    let pa = table.percent_agreement();
    let weight_sum = table.weight_sum();
    let pe = match coefficient {
        ChanceCorrected::Gwet => {
            weight_sum / (q * (q - 1.0)) * pi.iter().fold(0.0, |s, p| s + p * (1.0 - p))
        }
        ChanceCorrected::BrennanPrediger => weight_sum / (q * q),
        _ => (0..table.q()).fold(0.0, |s, k| {
            s + dot(&table.weights.get(k).cloned().unwrap_or_default(), &pi)
                * pi.get(k).copied().unwrap_or(0.0)
        }),
    };
    if n < 2.0 || (1.0 - pe).abs() < f64::EPSILON {
        return None;
    }
    let value = (pa - pe) / (1.0 - pe);
    let units = contributions(table, pe);
    let pe_i: Option<Vec<f64>> = match coefficient {
        ChanceCorrected::Gwet => {
            let scale = weight_sum / (q * (q - 1.0));
            let complement: Vec<f64> = pi.iter().map(|p| 1.0 - p).collect();
            Some(
                table
                    .counts
                    .iter()
                    .zip(&table.rated)
                    .map(|(row, r)| scale * dot(row, &complement) / r)
                    .collect(),
            )
        }
        ChanceCorrected::BrennanPrediger => None,
        _ => {
            let pi_w = table.symmetric(&pi);
            Some(
                table
                    .counts
                    .iter()
                    .zip(&table.rated)
                    .map(|(row, r)| dot(row, &pi_w) / r)
                    .collect(),
            )
        }
    };
    Some(Estimate {
        value,
        pa,
        pe,
        variance: variance(&units, value, pe, pe_i.as_deref()),
        units: table.rated.len(),
    })
}

/// Krippendorff's alpha as Gwet writes it, on the units rated at least twice.
fn krippendorff(table: &Table) -> Option<Estimate> {
    let rows: Vec<(&Vec<f64>, f64, f64)> = table
        .counts
        .iter()
        .zip(&table.rated)
        .zip(&table.agreeing)
        .filter(|((_, r), _)| **r >= 2.0)
        .map(|((row, r), a)| (row, *r, *a))
        .collect();
    let n = rows.len() as f64;
    if n < 2.0 {
        return None;
    }
    let total = rows.iter().fold(0.0, |s, (_, r, _)| s + r);
    let mean = total / n;
    let epsilon = 1.0 / total;
    let pa_prime = rows
        .iter()
        .fold(0.0, |s, (_, r, a)| s + a / (mean * (r - 1.0)))
        / n;
    let pa = (1.0 - epsilon) * pa_prime + epsilon;
    let mut pi = vec![0.0; table.q()];
    for (row, _, _) in &rows {
        for (p, c) in pi.iter_mut().zip(row.iter()) {
            *p += c / mean / n;
        }
    }
    let pe = (0..table.q()).fold(0.0, |s, k| {
        s + dot(&table.weights.get(k).cloned().unwrap_or_default(), &pi)
            * pi.get(k).copied().unwrap_or(0.0)
    });
    if (1.0 - pe).abs() < f64::EPSILON {
        return None;
    }
    let value = (pa - pe) / (1.0 - pe);
    let prime = (pa_prime - pe) / (1.0 - pe);
    let pi_w = table.symmetric(&pi);
    let sum = rows.iter().fold(0.0, |s, (row, r, a)| {
        let pa_i = a / (mean * (r - 1.0)) - pa * (r - mean) / mean;
        let k_i = (pa_i - pe) / (1.0 - pe);
        let pe_i = dot(row, &pi_w) / mean - pe * (r - mean) / mean;
        let x = k_i - 2.0 * (1.0 - prime) * (pe_i - pe) / (1.0 - pe);
        s + (x - prime).powi(2)
    });
    Some(Estimate {
        value,
        pa,
        pe,
        variance: sum / (n * (n - 1.0)),
        units: rows.len(),
    })
}

/// Conger's kappa: chance agreement from each rater's own category shares.
fn conger(table: &Table, data: &CategoricalRatings) -> Option<Estimate> {
    let (n, r, q) = (table.n(), data.raters() as f64, table.q());
    if n < 2.0 || r < 2.0 {
        return None;
    }
    // p_gk: rater g's share of category k over the units rated at least once.
    let mut classified = vec![vec![0.0_f64; q]; data.raters()];
    for unit in &table.kept {
        for (g, shares) in classified.iter_mut().enumerate() {
            if let Some(k) = data.rating(*unit, g)
                && let Some(c) = shares.get_mut(k)
            {
                *c += 1.0;
            }
        }
    }
    let rated: Vec<f64> = classified
        .iter()
        .map(|row| row.iter().fold(0.0, |s, c| s + c))
        .collect();
    if rated.contains(&0.0) {
        return None;
    }
    let p: Vec<Vec<f64>> = classified
        .iter()
        .zip(&rated)
        .map(|(row, g)| row.iter().map(|c| c / g).collect())
        .collect();
    let mean: Vec<f64> = (0..q)
        .map(|k| {
            p.iter()
                .fold(0.0, |s, row| s + row.get(k).copied().unwrap_or(0.0))
                / r
        })
        .collect();
    let at = |g: usize, k: usize| p.get(g).and_then(|row| row.get(k)).copied().unwrap_or(0.0);
    let mut pe = 0.0;
    for k in 0..q {
        for l in 0..q {
            let cross = (0..data.raters()).fold(0.0, |s, g| s + at(g, k) * at(g, l));
            let s2 = (cross
                - r * mean.get(k).copied().unwrap_or(0.0) * mean.get(l).copied().unwrap_or(0.0))
                / (r - 1.0);
            pe += w(&table.weights, k, l)
                * (mean.get(k).copied().unwrap_or(0.0) * mean.get(l).copied().unwrap_or(0.0)
                    - s2 / r);
        }
    }
    if (1.0 - pe).abs() < f64::EPSILON {
        return None;
    }
    let pa = table.percent_agreement();
    let value = (pa - pe) / (1.0 - pe);
    // Each unit's part in p_e (irrCAC's lambda_ig).
    let pe_i: Vec<f64> = table
        .kept
        .iter()
        .map(|unit| {
            let mut lambda = 0.0;
            for g in 0..data.raters() {
                let given = data.rating(*unit, g);
                let rated_here = f64::from(u8::from(given.is_some()));
                let ng = rated.get(g).copied().unwrap_or(1.0);
                for k in 0..q {
                    let inner = (0..q).fold(0.0, |s, l| {
                        let delta = f64::from(u8::from(given == Some(l)));
                        s + w(&table.weights, k, l) * (delta - (rated_here - ng / n) * at(g, l))
                    }) * n
                        / ng;
                    let column = (0..data.raters()).fold(0.0, |s, h| s + at(h, k));
                    lambda += inner * (column - at(g, k));
                }
            }
            lambda / (r * (r - 1.0))
        })
        .collect();
    let units = contributions(table, pe);
    Some(Estimate {
        value,
        pa,
        pe,
        variance: variance(&units, value, pe, Some(&pe_i)),
        units: table.rated.len(),
    })
}
