//! The six intraclass correlations of Shrout and Fleiss (1979), with F tests and 95 % intervals.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::special::{f_ppf, f_sf};
use super::{Interpretation, Ratings};
use crate::error::Error;

const STATISTIC: &str = "intraclass correlation";

/// The ANOVA model behind an ICC.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum IccModel {
    /// Each unit rated by a different random set of raters (Shrout and Fleiss case 1).
    OneWayRandom,
    /// Raters are a random sample; all rate every unit (case 2).
    TwoWayRandom,
    /// The raters are the only raters of interest; all rate every unit (case 3).
    TwoWayMixed,
}

crate::label::labels!(IccModel, "ICC model" {
    OneWayRandom => "one_way_random", "One-way random";
    TwoWayRandom => "two_way_random", "Two-way random";
    TwoWayMixed => "two_way_mixed", "Two-way mixed";
});

/// Whether an ICC measures absolute agreement or consistency (McGraw and Wong 1996).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum IccType {
    /// Raters must give the same values.
    AbsoluteAgreement,
    /// Raters must rank units the same way; a constant rater offset does not count.
    Consistency,
}

crate::label::labels!(IccType, "ICC type" {
    AbsoluteAgreement => "absolute_agreement", "Absolute agreement";
    Consistency => "consistency", "Consistency";
});

/// Whether an ICC is the reliability of one rater or of the mean of all `k` raters.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum IccUnit {
    /// One rater's score.
    Single,
    /// The mean of the `k` raters' scores.
    Average,
}

crate::label::labels!(IccUnit, "ICC unit" {
    Single => "single", "Single rater";
    Average => "average", "Average of raters";
});

/// One intraclass correlation with its test and interval.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct Icc {
    /// Shrout and Fleiss's name, with the number of raters for `k`: `ICC(1,1)`, `ICC(2,1)`,
    /// `ICC(3,1)`, `ICC(1,4)`, `ICC(2,4)`, `ICC(3,4)` for four raters.
    pub name: String,
    /// McGraw and Wong's name of the same coefficient: `ICC(1)`, `ICC(A,1)`, `ICC(C,1)`,
    /// `ICC(k)`, `ICC(A,k)`, `ICC(C,k)`.
    pub mcgraw_wong: String,
    /// The model.
    pub model: IccModel,
    /// Agreement or consistency.
    #[serde(rename = "type")]
    pub kind: IccType,
    /// Single rater or average of raters.
    pub unit: IccUnit,
    /// The coefficient.
    pub value: f64,
    /// The F statistic testing `ICC = 0`.
    pub f: f64,
    /// Numerator degrees of freedom.
    pub df1: f64,
    /// Denominator degrees of freedom.
    pub df2: f64,
    /// The p-value of the F test.
    pub p_value: f64,
    /// Lower end of the 95 % confidence interval.
    pub ci95_lower: f64,
    /// Upper end of the 95 % confidence interval.
    pub ci95_upper: f64,
    /// Koo and Li's band.
    pub interpretation: Interpretation,
}

/// The six Shrout and Fleiss ICCs of complete `ratings` (units in rows, raters in columns).
///
/// # Formula
/// With `n` units, `k` raters and the two-way ANOVA mean squares `MSR` (units), `MSC` (raters),
/// `MSE` (residual) and `MSW = (SSC + SSE) / (n (k - 1))` (within units):
/// ```text
/// ICC(1,1) = (MSR - MSW) / (MSR + (k-1) MSW)            ICC(1,k) = (MSR - MSW) / MSR
/// ICC(2,1) = (MSR - MSE) / (MSR + (k-1) MSE + k (MSC - MSE) / n)
/// ICC(2,k) = (MSR - MSE) / (MSR + (MSC - MSE) / n)
/// ICC(3,1) = (MSR - MSE) / (MSR + (k-1) MSE)            ICC(3,k) = (MSR - MSE) / MSR
/// ```
/// F tests: `MSR / MSW` on `(n-1, n(k-1))` for case 1, `MSR / MSE` on `(n-1, (n-1)(k-1))`
/// otherwise. Intervals follow Shrout and Fleiss (1979) and McGraw and Wong (1996), with
/// Satterthwaite's degrees of freedom for case 2, as pingouin and R's psych do.
///
/// # Examples
/// Shrout and Fleiss's 6 targets rated by 4 judges: ICC(1,1) = .17, ICC(2,1) = .29,
/// ICC(3,1) = .71, ICC(1,4) = .44, ICC(2,4) = .62, ICC(3,4) = .91.
/// ```
/// use igf_rubric::reliability::{Ratings, intraclass_correlations};
///
/// let rows = [[9., 2., 5., 8.], [6., 1., 3., 2.], [8., 4., 6., 8.], [7., 1., 2., 6.], [10., 5., 6., 9.], [6., 2., 4., 7.]];
/// let ratings = Ratings::from_rows(rows.iter().map(|r| r.iter().map(|x| Some(*x)).collect()).collect())?;
/// let iccs = intraclass_correlations(&ratings)?;
/// let shown: Vec<String> = iccs.iter().map(|i| format!("{} {:.2}", i.name, i.value)).collect();
/// assert_eq!(shown, ["ICC(1,1) 0.17", "ICC(2,1) 0.29", "ICC(3,1) 0.71", "ICC(1,4) 0.44", "ICC(2,4) 0.62", "ICC(3,4) 0.91"]);
/// # Ok::<(), igf_rubric::Error>(())
/// ```
///
/// # Errors
/// [`Error::InvalidData`] when a rating is missing (ICCs need complete data) or there are fewer
/// than two units or two raters; [`Error::Undefined`] when the ratings do not vary.
pub fn intraclass_correlations(ratings: &Ratings) -> Result<Vec<Icc>, Error> {
    icc_analysis(ratings, MissingRatings::Refuse).map(|analysis| analysis.iccs.into())
}

/// What to do with units some rater did not rate: ICCs need complete data.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum MissingRatings {
    /// A missing rating is an error naming the unit.
    #[default]
    Refuse,
    /// Listwise deletion: units with a missing rating are left out, and named in the result.
    DropUnits,
    /// Pairwise deletion, for Cronbach's alpha only: each covariance from the units both
    /// raters rated (pingouin's default `nan_policy="pairwise"`, R's `psych::alpha(use =
    /// "pairwise")`). ICCs need whole rows and refuse it.
    Pairwise,
}

/// The two-way ANOVA of complete ratings: mean squares and their degrees of freedom.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct MeanSquares {
    /// Between units (rows), `MSR` (Shrout and Fleiss's BMS).
    pub rows: f64,
    /// Between raters (columns), `MSC` (JMS).
    pub columns: f64,
    /// Residual, `MSE` (EMS).
    pub error: f64,
    /// Within units, `MSW = (SSC + SSE) / (n (k - 1))` (WMS).
    pub within: f64,
    /// `n - 1`.
    pub df_rows: f64,
    /// `k - 1`.
    pub df_columns: f64,
    /// `(n - 1)(k - 1)`.
    pub df_error: f64,
    /// `n (k - 1)`.
    pub df_within: f64,
}

/// The six ICCs with what they rest on: the units and raters used, the units left out, and the
/// mean squares.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct IccAnalysis {
    /// Units used.
    pub units: usize,
    /// Raters.
    pub raters: usize,
    /// Units left out by listwise deletion (their positions in the ratings).
    pub dropped_units: Vec<usize>,
    /// The ANOVA.
    pub mean_squares: MeanSquares,
    /// The six ICCs, in the order ICC(1,1), ICC(2,1), ICC(3,1), ICC(1,k), ICC(2,k), ICC(3,k):
    /// six always, so [`IccAnalysis::get`] cannot fail, even on an analysis read from JSON.
    pub iccs: [Icc; 6],
}

impl IccAnalysis {
    /// The ICC of one form.
    ///
    /// ```
    /// use igf_rubric::reliability::{IccForm, MissingRatings, Ratings, icc_analysis};
    ///
    /// let rows = [[9., 2., 5., 8.], [6., 1., 3., 2.], [8., 4., 6., 8.], [7., 1., 2., 6.], [10., 5., 6., 9.], [6., 2., 4., 7.]];
    /// let ratings = Ratings::from_rows(rows.iter().map(|r| r.iter().map(|x| Some(*x)).collect()).collect())?;
    /// let analysis = icc_analysis(&ratings, MissingRatings::Refuse)?;
    /// let form: IccForm = "ICC(A,1)".parse()?; // McGraw and Wong's name for ICC(2,1)
    /// assert_eq!(format!("{:.2}", analysis.get(form).value), "0.29");
    /// assert_eq!(analysis.get("ICC(3,4)".parse()?).name, "ICC(3,4)");
    /// // Shrout and Fleiss (1979), table 2: BMS 11.24, JMS 32.49, EMS 1.02, WMS 6.26.
    /// let ms = analysis.mean_squares;
    /// assert_eq!(format!("{:.2} {:.2} {:.2} {:.2}", ms.rows, ms.columns, ms.error, ms.within), "11.24 32.49 1.02 6.26");
    /// # Ok::<(), igf_rubric::Error>(())
    /// ```
    #[must_use]
    pub fn get(&self, form: IccForm) -> &Icc {
        let at = match (form.model, form.unit) {
            (IccModel::OneWayRandom, IccUnit::Single) => 0,
            (IccModel::TwoWayRandom, IccUnit::Single) => 1,
            (IccModel::TwoWayMixed, IccUnit::Single) => 2,
            (IccModel::OneWayRandom, IccUnit::Average) => 3,
            (IccModel::TwoWayRandom, IccUnit::Average) => 4,
            (IccModel::TwoWayMixed, IccUnit::Average) => 5,
        };
        // The form asked for, wherever it stands; else the place it is written at.
        let [a, b, c, d, e, f] = &self.iccs;
        let placed = match at {
            0 => a,
            1 => b,
            2 => c,
            3 => d,
            4 => e,
            _ => f,
        };
        self.iccs
            .iter()
            .find(|icc| icc.model == form.model && icc.unit == form.unit)
            .unwrap_or(placed)
    }
}

/// One of the six ICC forms: a model and a unit (the model fixes the type: case 3 measures
/// consistency, cases 1 and 2 absolute agreement).
///
/// Reads Shrout and Fleiss's names (`ICC(2,1)`, `ICC(2,k)`, `ICC(2,4)` with `k` spelled out)
/// and McGraw and Wong's (`ICC(1)`, `ICC(A,1)`, `ICC(C,k)`, `ICC(k)`), without spaces.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
pub struct IccForm {
    /// The ANOVA model.
    pub model: IccModel,
    /// One rater or the average of the raters.
    pub unit: IccUnit,
}

impl std::str::FromStr for IccForm {
    type Err = Error;

    fn from_str(text: &str) -> Result<IccForm, Error> {
        let unknown = || {
            crate::error::unknown_name(
                None,
                "ICC form (k may be the number of raters)",
                text,
                [
                    "ICC(1,1)", "ICC(2,1)", "ICC(3,1)", "ICC(1,k)", "ICC(2,k)", "ICC(3,k)",
                    "ICC(1)", "ICC(A,1)", "ICC(C,1)", "ICC(k)", "ICC(A,k)", "ICC(C,k)",
                ],
            )
        };
        let inner = text
            .trim()
            .strip_prefix("ICC(")
            .and_then(|t| t.strip_suffix(')'))
            .ok_or_else(unknown)?;
        let unit = |u: &str| match u {
            "1" => Some(IccUnit::Single),
            "k" => Some(IccUnit::Average),
            digits if digits.parse::<u32>().is_ok_and(|k| k > 1) => Some(IccUnit::Average),
            _ => None,
        };
        let (model, unit) = match inner.split_once(',') {
            None => (Some(IccModel::OneWayRandom), unit(inner)),
            Some((m, u)) => (
                match m {
                    "1" => Some(IccModel::OneWayRandom),
                    "2" | "A" => Some(IccModel::TwoWayRandom),
                    "3" | "C" => Some(IccModel::TwoWayMixed),
                    _ => None,
                },
                unit(u),
            ),
        };
        match (model, unit) {
            (Some(model), Some(unit)) => Ok(IccForm { model, unit }),
            _ => Err(unknown()),
        }
    }
}

/// The six Shrout and Fleiss ICCs with their mean squares; missing ratings refused or their
/// units left out, as `missing` says.
///
/// Matches pingouin's `intraclass_corr` (tests/fixtures/icc.json).
///
/// # Errors
/// As for [`intraclass_correlations`]; with [`MissingRatings::DropUnits`], a missing rating
/// drops its unit instead of being an error, and fewer than two complete units is
/// [`Error::InvalidData`].
pub fn icc_analysis(ratings: &Ratings, missing: MissingRatings) -> Result<IccAnalysis, Error> {
    let k = ratings.raters();
    let (rows, dropped_units) = complete_units(ratings, missing)?;
    let n = rows.len();
    if n < 2 || k < 2 {
        return Err(Error::InvalidData {
            statistic: STATISTIC,
            reason: format!(
                "needs at least 2 units and 2 raters, found {n} complete units and {k} raters"
            ),
        });
    }
    let mean_squares = mean_squares(&rows, k)?;
    let iccs: [Icc; 6] =
        six_forms(&mean_squares, n, k)?
            .try_into()
            .map_err(|_| Error::Undefined {
                statistic: STATISTIC,
                reason: "the analysis did not give the six forms".to_owned(),
            })?;
    Ok(IccAnalysis {
        units: n,
        raters: k,
        dropped_units,
        mean_squares,
        iccs,
    })
}

/// Cronbach's alpha on the pairwise-complete covariance matrix, with Feldt's interval on
/// every unit.
fn pairwise_alpha(ratings: &Ratings) -> Result<CronbachAlpha, Error> {
    const ALPHA: &str = "Cronbach's alpha";
    let undefined = |reason: String| Error::Undefined {
        statistic: ALPHA,
        reason,
    };
    let (n, k) = (ratings.units(), ratings.raters());
    if k < 2 || n < 2 {
        return Err(Error::InvalidData {
            statistic: ALPHA,
            reason: format!("alpha needs at least 2 units and 2 raters, found {n} and {k}"),
        });
    }
    let rows: Vec<&[f64]> = ratings.rows().collect();
    let mut trace = 0.0;
    let mut total = 0.0;
    for a in 0..k {
        for b in a..k {
            let pairs: Vec<(f64, f64)> = rows
                .iter()
                .filter_map(|row| Some((*row.get(a)?, *row.get(b)?)))
                .filter(|(x, y)| !x.is_nan() && !y.is_nan())
                .collect();
            if pairs.len() < 2 {
                return Err(undefined(format!(
                    "raters {a} and {b} rated fewer than two units in common"
                )));
            }
            let m = pairs.len() as f64;
            let (mean_x, mean_y) = pairs
                .iter()
                .fold((0.0, 0.0), |(sx, sy), (x, y)| (sx + x / m, sy + y / m));
            let cov = pairs
                .iter()
                .fold(0.0, |s, (x, y)| s + (x - mean_x) * (y - mean_y))
                / (m - 1.0);
            if a == b {
                trace += cov;
                total += cov;
            } else {
                total += 2.0 * cov;
            }
        }
    }
    if total <= 0.0 {
        return Err(undefined("the units' totals do not vary".to_owned()));
    }
    let value = (k as f64 / (k as f64 - 1.0)) * (1.0 - trace / total);
    let df1 = n as f64 - 1.0;
    let df2 = df1 * (k as f64 - 1.0);
    let lower = 1.0 - (1.0 - value) * f_ppf(0.975, df1, df2);
    let upper = 1.0 - (1.0 - value) * f_ppf(0.025, df1, df2);
    if ![value, lower, upper].iter().all(|v| v.is_finite()) {
        return Err(undefined("the ratings give no finite value".to_owned()));
    }
    Ok(CronbachAlpha {
        value,
        ci95_lower: lower,
        ci95_upper: upper,
        units: n,
        raters: k,
        dropped_units: Vec::new(),
    })
}

/// The units every rater rated, and the positions of those left out (an error instead when
/// missing ratings are refused).
fn complete_units(
    ratings: &Ratings,
    missing: MissingRatings,
) -> Result<(Vec<Vec<f64>>, Vec<usize>), Error> {
    let mut rows: Vec<Vec<f64>> = Vec::with_capacity(ratings.units());
    let mut dropped_units = Vec::new();
    for (unit, row) in ratings.rows().enumerate() {
        let complete = row.iter().all(|v| !v.is_nan()).then(|| row.to_vec());
        match (complete, missing) {
            (Some(complete), _) => rows.push(complete),
            (None, MissingRatings::DropUnits) => dropped_units.push(unit),
            (None, MissingRatings::Pairwise) => {
                return Err(Error::InvalidData {
                    statistic: STATISTIC,
                    reason: format!(
                        "unit {unit} has a missing rating; pairwise deletion is for Cronbach's alpha, and ICCs need every rater to rate every unit (or leave such units out with listwise deletion)"
                    ),
                });
            }
            (None, MissingRatings::Refuse) => {
                return Err(Error::InvalidData {
                    statistic: STATISTIC,
                    reason: format!(
                        "unit {unit} has a missing rating; ICCs need every rater to rate every unit (or leave such units out with listwise deletion)"
                    ),
                });
            }
        }
    }
    Ok((rows, dropped_units))
}

/// The two-way analysis of variance of complete `rows` of `k` ratings each.
fn mean_squares(rows: &[Vec<f64>], k: usize) -> Result<MeanSquares, Error> {
    let (nf, kf) = (rows.len() as f64, k as f64);
    let grand = rows.iter().flatten().fold(0.0, |a, x| a + x) / (nf * kf);
    let row_means: Vec<f64> = rows
        .iter()
        .map(|r| r.iter().fold(0.0, |a, x| a + x) / kf)
        .collect();
    let col_means: Vec<f64> = (0..k)
        .map(|j| rows.iter().filter_map(|r| r.get(j)).fold(0.0, |a, x| a + x) / nf)
        .collect();
    let squares = |values: &mut dyn Iterator<Item = f64>| {
        values.map(|x| (x - grand).powi(2)).fold(0.0, |a, x| a + x)
    };
    let ss_total = squares(&mut rows.iter().flatten().copied());
    let ss_rows = kf * squares(&mut row_means.iter().copied());
    let ss_cols = nf * squares(&mut col_means.iter().copied());
    let ss_error = ss_total - ss_rows - ss_cols;
    if ss_total <= 0.0 {
        return Err(Error::Undefined {
            statistic: STATISTIC,
            reason: "every rating is the same (no variation)".to_owned(),
        });
    }
    let (df_rows, df_within, df_error) = (nf - 1.0, nf * (kf - 1.0), (nf - 1.0) * (kf - 1.0));
    Ok(MeanSquares {
        rows: ss_rows / df_rows,
        columns: ss_cols / (kf - 1.0),
        error: ss_error / df_error,
        within: (ss_cols + ss_error) / df_within,
        df_rows,
        df_columns: kf - 1.0,
        df_error,
        df_within,
    })
}

/// The six forms from the mean squares of `n` units by `k` raters, each with its F test and
/// 95% interval (Shrout and Fleiss 1979; McGraw and Wong 1996 for ICC(2,1)'s interval).
fn six_forms(ms: &MeanSquares, n: usize, k: usize) -> Result<Vec<Icc>, Error> {
    use IccModel::*;
    use IccType::*;
    use IccUnit::*;
    let (nf, kf) = (n as f64, k as f64);
    let (msr, msc, mse, msw) = (ms.rows, ms.columns, ms.error, ms.within);
    let (df_rows, df_within, df_error) = (ms.df_rows, ms.df_within, ms.df_error);

    let icc2 = (msr - mse) / (msr + (kf - 1.0) * mse + kf * (msc - mse) / nf);
    let q = 0.975;
    let f1 = msr / msw;
    let f3 = msr / mse;
    let f1l = f1 / f_ppf(q, df_rows, df_within);
    let f1u = f1 * f_ppf(q, df_within, df_rows);
    let f3l = f3 / f_ppf(q, df_rows, df_error);
    let f3u = f3 * f_ppf(q, df_error, df_rows);
    let fj = msc / mse;
    let vn = df_error * (kf * icc2 * fj + nf * (1.0 + (kf - 1.0) * icc2) - kf * icc2).powi(2);
    let vd = df_rows * kf.powi(2) * icc2.powi(2) * fj.powi(2)
        + (nf * (1.0 + (kf - 1.0) * icc2) - kf * icc2).powi(2);
    let v = vn / vd;
    let f2u = f_ppf(q, df_rows, v);
    let f2l = f_ppf(q, v, df_rows);
    let spread = kf * msc + (kf * nf - kf - nf) * mse;
    let l2 = nf * (msr - f2u * mse) / (f2u * spread + nf * msr);
    let u2 = nf * (f2l * msr - mse) / (spread + nf * f2l * msr);
    let single = |f: f64| (f - 1.0) / (f + kf - 1.0);
    let average = |f: f64| 1.0 - 1.0 / f;
    let to_average = |x: f64| x * kf / (1.0 + x * (kf - 1.0));
    let one_way = (f1, df_within, f_sf(f1, df_rows, df_within));
    let two_way = (f3, df_error, f_sf(f3, df_rows, df_error));

    let form = |names: (&str, &str),
                model,
                kind,
                unit,
                value: f64,
                test: (f64, f64, f64),
                ci: (f64, f64)| {
        let (f, df2, p) = test;
        let (name, mcgraw_wong) = names;
        if [value, f, p, ci.0, ci.1].iter().any(|x| !x.is_finite()) {
            return Err(Error::Undefined {
                statistic: STATISTIC,
                reason: format!("{name} is not finite for these ratings (a mean square is zero)"),
            });
        }
        Ok(Icc {
            name: name.replace(",k)", &format!(",{k})")),
            mcgraw_wong: mcgraw_wong.to_owned(),
            model,
            kind,
            unit,
            value,
            f,
            df1: df_rows,
            df2,
            p_value: p,
            ci95_lower: ci.0,
            ci95_upper: ci.1,
            interpretation: Interpretation::for_icc(value),
        })
    };
    Ok(vec![
        form(
            ("ICC(1,1)", "ICC(1)"),
            OneWayRandom,
            AbsoluteAgreement,
            Single,
            (msr - msw) / (msr + (kf - 1.0) * msw),
            one_way,
            (single(f1l), single(f1u)),
        )?,
        form(
            ("ICC(2,1)", "ICC(A,1)"),
            TwoWayRandom,
            AbsoluteAgreement,
            Single,
            icc2,
            two_way,
            (l2, u2),
        )?,
        form(
            ("ICC(3,1)", "ICC(C,1)"),
            TwoWayMixed,
            Consistency,
            Single,
            (msr - mse) / (msr + (kf - 1.0) * mse),
            two_way,
            (single(f3l), single(f3u)),
        )?,
        form(
            ("ICC(1,k)", "ICC(k)"),
            OneWayRandom,
            AbsoluteAgreement,
            Average,
            (msr - msw) / msr,
            one_way,
            (average(f1l), average(f1u)),
        )?,
        form(
            ("ICC(2,k)", "ICC(A,k)"),
            TwoWayRandom,
            AbsoluteAgreement,
            Average,
            (msr - mse) / (msr + (msc - mse) / nf),
            two_way,
            (to_average(l2), to_average(u2)),
        )?,
        form(
            ("ICC(3,k)", "ICC(C,k)"),
            TwoWayMixed,
            Consistency,
            Average,
            (msr - mse) / msr,
            two_way,
            (average(f3l), average(f3u)),
        )?,
    ])
}

impl std::fmt::Display for Icc {
    /// `ICC(2,1) = ICC(A,1) = 0.290 (two-way random, absolute agreement, single rater; 95% CI
    /// 0.019 to 0.761; F(5, 15) = 11.03, p < 0.001), poor`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} = {} = {:.3} ({}, {}, {}; 95% CI {:.3} to {:.3}; F({}, {}) = {:.2}, ",
            self.name,
            self.mcgraw_wong,
            self.value,
            self.model.label().to_lowercase(),
            self.kind.label().to_lowercase(),
            self.unit.label().to_lowercase(),
            self.ci95_lower,
            self.ci95_upper,
            self.df1,
            self.df2,
            self.f
        )?;
        if self.p_value < 0.001 {
            write!(f, "p < 0.001), {}", self.interpretation.label())
        } else {
            write!(
                f,
                "p = {:.3}), {}",
                self.p_value,
                self.interpretation.label()
            )
        }
    }
}

impl std::fmt::Display for CronbachAlpha {
    /// `Cronbach's alpha = 0.909 (95% CI 0.676 to 0.986, Feldt; 6 units, 4 raters)`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "Cronbach's alpha = {:.3} (95% CI {:.3} to {:.3}, Feldt; {} units, {} raters",
            self.value, self.ci95_lower, self.ci95_upper, self.units, self.raters
        )?;
        match self.dropped_units.len() {
            0 => write!(f, ")"),
            n => write!(f, "; {n} units with a missing rating left out)"),
        }
    }
}

/// Cronbach's alpha of the raters (items) over the units, with Feldt's 95% interval.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct CronbachAlpha {
    /// The coefficient: `k/(k-1) (1 - Σ s²_j / s²_total)`, which equals ICC(3,k).
    pub value: f64,
    /// Lower end of Feldt's 95% interval, `1 - (1 - alpha) F(0.975; n-1, (n-1)(k-1))`.
    pub ci95_lower: f64,
    /// Upper end of Feldt's 95% interval, `1 - (1 - alpha) F(0.025; n-1, (n-1)(k-1))`.
    pub ci95_upper: f64,
    /// Units used.
    pub units: usize,
    /// Raters (items).
    pub raters: usize,
    /// Units left out by listwise deletion.
    pub dropped_units: Vec<usize>,
}

/// Cronbach's alpha of complete ratings (units in rows, raters or items in columns), with
/// Feldt's interval, as pingouin's `cronbach_alpha` computes them (listwise deletion there is
/// `nan_policy="listwise"`).
///
/// ```
/// use igf_rubric::reliability::{MissingRatings, Ratings, cronbach_alpha, icc_analysis};
///
/// let rows = [[9., 2., 5., 8.], [6., 1., 3., 2.], [8., 4., 6., 8.], [7., 1., 2., 6.], [10., 5., 6., 9.], [6., 2., 4., 7.]];
/// let ratings = Ratings::from_rows(rows.iter().map(|r| r.iter().map(|x| Some(*x)).collect()).collect())?;
/// let alpha = cronbach_alpha(&ratings, MissingRatings::Refuse)?;
/// let icc3k = icc_analysis(&ratings, MissingRatings::Refuse)?.get("ICC(3,k)".parse()?).value;
/// assert!((alpha.value - icc3k).abs() < 1e-12);
/// assert_eq!(alpha.to_string(), "Cronbach's alpha = 0.909 (95% CI 0.676 to 0.986, Feldt; 6 units, 4 raters)");
/// let icc = icc_analysis(&ratings, MissingRatings::Refuse)?;
/// assert_eq!(icc.get("ICC(2,1)".parse()?).to_string(), "ICC(2,1) = ICC(A,1) = 0.290 (two-way random, absolute agreement, single rater; 95% CI 0.019 to 0.761; F(5, 15) = 11.03, p < 0.001), poor");
/// # Ok::<(), igf_rubric::Error>(())
/// ```
///
/// With [`MissingRatings::Pairwise`], alpha is `k/(k-1) (1 - tr C / Σ C)` on the
/// pairwise-complete covariance matrix `C`, and Feldt's interval counts every unit, as
/// pingouin's default does:
/// ```
/// use igf_rubric::reliability::{MissingRatings, Ratings, cronbach_alpha};
///
/// let rows = vec![
///     vec![Some(1.0), Some(2.0), Some(2.0)], vec![Some(3.0), None, Some(3.0)],
///     vec![Some(4.0), Some(5.0), Some(4.0)], vec![Some(2.0), Some(2.0), None],
///     vec![Some(5.0), Some(4.0), Some(5.0)],
/// ];
/// let ratings = Ratings::from_rows(rows)?;
/// let pairwise = cronbach_alpha(&ratings, MissingRatings::Pairwise)?;
/// let listwise = cronbach_alpha(&ratings, MissingRatings::DropUnits)?;
/// assert_eq!((pairwise.units, listwise.units), (5, 3));
/// assert!(pairwise.value != listwise.value);
/// # Ok::<(), igf_rubric::Error>(())
/// ```
///
/// Matches pingouin's `cronbach_alpha(nan_policy="listwise")`, or its default `nan_policy="pairwise"` with `MissingRatings::Pairwise` (tests/fixtures/icc.json, methods.json).
///
/// # Errors
/// As for [`icc_analysis`]; [`Error::Undefined`] when the units' totals do not vary, or (pairwise)
/// when two raters share fewer than two units.
pub fn cronbach_alpha(ratings: &Ratings, missing: MissingRatings) -> Result<CronbachAlpha, Error> {
    const ALPHA: &str = "Cronbach's alpha";
    if missing == MissingRatings::Pairwise {
        return pairwise_alpha(ratings);
    }
    let analysis = icc_analysis(ratings, missing).map_err(|e| match e {
        Error::InvalidData { reason, .. } => Error::InvalidData {
            statistic: ALPHA,
            reason,
        },
        Error::Undefined { reason, .. } => Error::Undefined {
            statistic: ALPHA,
            reason,
        },
        other => other,
    })?;
    let ms = analysis.mean_squares;
    if ms.rows <= 0.0 {
        return Err(Error::Undefined {
            statistic: ALPHA,
            reason: "the units' totals do not vary".to_owned(),
        });
    }
    // alpha = 1 - MSE / MSR (Hoyt's ANOVA form, identical to the variance form).
    let value = 1.0 - ms.error / ms.rows;
    let (df1, df2) = (ms.df_rows, ms.df_error);
    let lower = 1.0 - (1.0 - value) * f_ppf(0.975, df1, df2);
    let upper = 1.0 - (1.0 - value) * f_ppf(0.025, df1, df2);
    if ![value, lower, upper].iter().all(|v| v.is_finite()) {
        return Err(Error::Undefined {
            statistic: ALPHA,
            reason: "the ratings give no finite value".to_owned(),
        });
    }
    Ok(CronbachAlpha {
        value,
        ci95_lower: lower,
        ci95_upper: upper,
        units: analysis.units,
        raters: analysis.raters,
        dropped_units: analysis.dropped_units,
    })
}
