//! Inter-rater reliability: Krippendorff's alpha, the six Shrout and Fleiss intraclass
//! correlations, Fleiss' kappa and Cohen's kappa, each with its interpretation band.
//!
//! ```
//! use igf_rubric::reliability::{MeasurementLevel, Ratings, krippendorff_alpha};
//!
//! // Three MAG members band four proposals (1 = reject ... 4 = recommend); one did not rate the third.
//! let ratings = Ratings::from_rows(vec![
//!     vec![Some(4.0), Some(4.0), Some(3.0)],
//!     vec![Some(2.0), Some(2.0), Some(2.0)],
//!     vec![Some(1.0), Some(2.0), None],
//!     vec![Some(3.0), Some(3.0), Some(4.0)],
//! ])?;
//! let alpha = krippendorff_alpha(&ratings, MeasurementLevel::Ordinal)?;
//! assert!(alpha > 0.6 && alpha < 1.0);
//! # Ok::<(), igf_rubric::Error>(())
//! ```
//!
//! These statistics need square roots, logarithms and the F distribution, so they are computed
//! in `f64`. Each is cross-checked against a published worked example and against Python's
//! `krippendorff`, `pingouin` and `statsmodels` (fixtures in `tests/fixtures/`) to 1e-9. Degenerate
//! data (no variation, one rater, one unit, everything missing) gives a typed
//! [`Error::Undefined`] or [`Error::InvalidData`], never NaN.

mod bootstrap;
mod categorical;
mod chance;
mod cohen;
mod domain;
mod icc;
mod kappa;
mod krippendorff;
mod special;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

pub use bootstrap::{BootstrapInterval, krippendorff_bootstrap};
pub use categorical::CategoricalRatings;
pub use chance::{Agreement, ChanceCorrected, Weighting, chance_corrected, weight_matrix};
pub use cohen::{ContingencyTable, Kappa, cohen};
pub use icc::{
    CronbachAlpha, Icc, IccAnalysis, IccForm, IccModel, IccType, IccUnit, MeanSquares,
    MissingRatings, cronbach_alpha, icc_analysis, intraclass_correlations,
};
pub use kappa::{KappaWeights, cohen_kappa, fleiss_kappa};
pub use krippendorff::{MeasurementLevel, krippendorff_alpha};

use crate::error::Error;

/// Ratings of units (rows) by raters (columns); `None` is a missing rating.
///
/// ```
/// use igf_rubric::reliability::Ratings;
///
/// let ratings = Ratings::from_rows(vec![
///     vec![Some(1.0), Some(2.0), None],
///     vec![Some(3.0), Some(3.0), Some(3.0)],
/// ])?;
/// assert_eq!((ratings.units(), ratings.raters()), (2, 3));
/// # Ok::<(), igf_rubric::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct Ratings {
    raters: usize,
    /// Unit after unit, `raters` cells each; NaN is a missing rating (8 bytes a cell).
    cells: Vec<f64>,
}

impl PartialEq for Ratings {
    /// Equal raters and equal cells, missing where the other is missing.
    fn eq(&self, other: &Ratings) -> bool {
        self.raters == other.raters
            && self.cells.len() == other.cells.len()
            && self
                .cells
                .iter()
                .zip(&other.cells)
                .all(|(a, b)| a == b || (a.is_nan() && b.is_nan()))
    }
}

impl Ratings {
    /// Ratings from one row per unit, each with one entry per rater.
    ///
    /// # Errors
    /// [`Error::InvalidData`] when there are no rows, rows differ in length, or a value is not
    /// finite.
    pub fn from_rows(rows: Vec<Vec<Option<f64>>>) -> Result<Ratings, Error> {
        if rows.is_empty() {
            return Err(invalid_ratings("no units".to_owned()));
        }
        let raters = rows.first().map_or(0, Vec::len);
        if let Some((unit, row)) = rows.iter().enumerate().find(|(_, r)| r.len() != raters) {
            return Err(invalid_ratings(format!(
                "unit {unit} has {} ratings, unit 0 has {raters}",
                row.len()
            )));
        }
        Ratings::from_cells(raters, rows.into_iter().flatten().collect())
    }

    /// Ratings from one flat list of cells, unit after unit, `raters` cells per unit: no list
    /// per unit to allocate, for large panels.
    ///
    /// ```
    /// use igf_rubric::reliability::Ratings;
    ///
    /// let ratings = Ratings::from_cells(3, vec![Some(1.0), Some(2.0), None, Some(3.0), Some(3.0), Some(3.0)])?;
    /// assert_eq!((ratings.units(), ratings.raters()), (2, 3));
    /// # Ok::<(), igf_rubric::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidData`] when there are no cells or raters, the cells do not fill whole
    /// units, or a value is not finite.
    pub fn from_cells(raters: usize, cells: Vec<Option<f64>>) -> Result<Ratings, Error> {
        if let Some(at) = cells.iter().position(|v| v.is_some_and(|x| !x.is_finite())) {
            return Err(not_finite(at, raters));
        }
        Ratings::from_values(
            raters,
            cells.into_iter().map(|v| v.unwrap_or(f64::NAN)).collect(),
        )
    }

    /// Ratings from one flat list of values, unit after unit, `raters` values per unit, NaN
    /// for a missing rating: the layout of a numeric array, taken as it is (no copy).
    ///
    /// ```
    /// use igf_rubric::reliability::{MeasurementLevel, Ratings, krippendorff_alpha};
    ///
    /// let ratings = Ratings::from_values(2, vec![1.0, 1.0, 2.0, f64::NAN, 3.0, 3.0, 2.0, 1.0])?;
    /// assert_eq!((ratings.units(), ratings.raters()), (4, 2));
    /// assert!(krippendorff_alpha(&ratings, MeasurementLevel::Interval).is_ok());
    /// # Ok::<(), igf_rubric::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidData`] when there are no values or raters, the values do not fill whole
    /// units, or a value is infinite.
    pub fn from_values(raters: usize, mut cells: Vec<f64>) -> Result<Ratings, Error> {
        if raters == 0 {
            return Err(invalid_ratings("no raters".to_owned()));
        }
        if cells.is_empty() {
            return Err(invalid_ratings("no units".to_owned()));
        }
        if cells.len().checked_rem(raters) != Some(0) {
            return Err(invalid_ratings(format!(
                "{} cells do not fill units of {raters} raters",
                cells.len()
            )));
        }
        // One branch-free reading pass (it vectorises); the infinite cell is looked for only
        // if there is one, and the cells are written only if one is -0.0.
        let (infinite, negative_zero) = cells.iter().fold((false, false), |(inf, nz), x| {
            (
                inf | x.is_infinite(),
                nz | (x.to_bits() == (-0.0_f64).to_bits()),
            )
        });
        if let Some(at) = infinite
            .then(|| cells.iter().position(|x| x.is_infinite()))
            .flatten()
        {
            return Err(not_finite(at, raters));
        }
        if negative_zero {
            // -0.0 and 0.0 are one rating: adding 0.0 turns the first into the second, so no
            // statistic can tell them apart (a value lookup by bits would). NaN stays NaN.
            cells.iter_mut().for_each(|x| *x += 0.0);
        }
        Ok(Ratings { raters, cells })
    }

    /// Ratings from one row per rater, each with one entry per unit: the coders-by-units shape
    /// of Python's `krippendorff` and R's `irr::kripp.alpha`.
    ///
    /// ```
    /// use igf_rubric::reliability::Ratings;
    ///
    /// let by_rater = Ratings::from_rater_rows(vec![vec![Some(1.0), Some(2.0), None], vec![Some(1.0), Some(3.0), Some(3.0)]])?;
    /// assert_eq!((by_rater.units(), by_rater.raters()), (3, 2));
    /// assert_eq!(by_rater.rows_with_gaps().nth(1), Some(vec![Some(2.0), Some(3.0)]));
    /// # Ok::<(), igf_rubric::Error>(())
    /// ```
    ///
    /// # Errors
    /// As for [`Ratings::from_rows`].
    pub fn from_rater_rows(raters: Vec<Vec<Option<f64>>>) -> Result<Ratings, Error> {
        let units = raters.first().map_or(0, Vec::len);
        if raters.iter().any(|r| r.len() != units) {
            return Err(Error::InvalidData {
                statistic: "ratings",
                reason: "raters' rows differ in length".to_owned(),
            });
        }
        if raters.is_empty() {
            return Err(invalid_ratings("no raters".to_owned()));
        }
        // Straight into the unit-by-unit layout: each rater's row read once, in order, its
        // values written a rater apart (no row per unit is ever made).
        let count = raters.len();
        let mut cells = vec![f64::NAN; units.saturating_mul(count)];
        for (at, row) in raters.iter().enumerate() {
            for (slot, value) in cells.iter_mut().skip(at).step_by(count).zip(row) {
                if let Some(value) = value {
                    // A given NaN is no rating, and is refused as not finite, as
                    // `from_cells` does: carried as infinity, `from_values` names its place.
                    *slot = if value.is_nan() {
                        f64::INFINITY
                    } else {
                        *value
                    };
                }
            }
        }
        Ratings::from_values(count, cells)
    }

    /// Ratings from one flat list of values, rater after rater, `units` values per rater,
    /// NaN for a missing rating: the raters-by-units array Python's `krippendorff.alpha`
    /// takes, read as it lies in memory (row-major). Turned into the unit-by-unit layout in
    /// one pass over the values.
    ///
    /// ```
    /// use igf_rubric::reliability::Ratings;
    ///
    /// // Two raters, three units: rater 0 gave 1, 2, (none); rater 1 gave 1, 3, 3.
    /// let ratings = Ratings::from_rater_values(2, vec![1.0, 2.0, f64::NAN, 1.0, 3.0, 3.0])?;
    /// assert_eq!((ratings.units(), ratings.raters()), (3, 2));
    /// assert_eq!(ratings.rows_with_gaps().nth(1), Some(vec![Some(2.0), Some(3.0)]));
    /// # Ok::<(), igf_rubric::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidData`] when there are no values or raters, the values do not fill whole
    /// raters' rows, or a value is infinite (named by its unit and rater).
    pub fn from_rater_values(raters: usize, values: Vec<f64>) -> Result<Ratings, Error> {
        if raters == 0 {
            return Err(invalid_ratings("no raters".to_owned()));
        }
        if values.is_empty() {
            return Err(invalid_ratings("no units".to_owned()));
        }
        let Some(units) = values
            .len()
            .checked_div(raters)
            .filter(|_| values.len().checked_rem(raters) == Some(0))
        else {
            return Err(invalid_ratings(format!(
                "{} values do not fill rows of {raters} raters",
                values.len()
            )));
        };
        // Unit after unit, each unit's values gathered from the raters' rows: the writes run
        // in order, and the reads touch one cache line per rater for every eight units.
        let rows: Vec<&[f64]> = values.chunks_exact(units).collect();
        let mut cells = Vec::with_capacity(values.len());
        for unit in 0..units {
            cells.extend(
                rows.iter()
                    .map(|row| row.get(unit).copied().unwrap_or(f64::NAN)),
            );
        }
        drop(rows);
        drop(values);
        Ratings::from_values(raters, cells)
    }

    /// Number of units (rows).
    #[must_use]
    pub fn units(&self) -> usize {
        self.cells.len().checked_div(self.raters).unwrap_or(0)
    }

    /// Number of raters (columns).
    #[must_use]
    pub fn raters(&self) -> usize {
        self.raters
    }

    /// The ratings of each unit, in order, NaN where a rating is missing.
    pub fn rows(&self) -> impl Iterator<Item = &[f64]> {
        self.cells.chunks(self.raters.max(1))
    }

    /// The ratings of each unit, in order, `None` where a rating is missing.
    pub fn rows_with_gaps(&self) -> impl Iterator<Item = Vec<Option<f64>>> + '_ {
        self.rows()
            .map(|row| row.iter().map(|v| (!v.is_nan()).then_some(*v)).collect())
    }
}

fn not_finite(at: usize, raters: usize) -> Error {
    invalid_ratings(format!(
        "unit {}, rater {}: rating is not a finite number",
        at.checked_div(raters).unwrap_or(0),
        at.checked_rem(raters).unwrap_or(0)
    ))
}

fn invalid_ratings(reason: String) -> Error {
    Error::InvalidData {
        statistic: "ratings",
        reason,
    }
}

/// How strong an agreement coefficient is, on the scale its literature uses: Landis and Koch
/// for kappas, Krippendorff for alpha, Koo and Li for ICCs. Bands of different scales that share
/// a name share a variant.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Interpretation {
    /// Kappa below 0 (Landis and Koch 1977); ICC below 0.50 (Koo and Li 2016).
    Poor,
    /// Kappa 0.00 to 0.20.
    Slight,
    /// Kappa 0.21 to 0.40.
    Fair,
    /// Kappa 0.41 to 0.60; ICC 0.50 to 0.75.
    Moderate,
    /// Kappa 0.61 to 0.80.
    Substantial,
    /// Kappa 0.81 to 1.00.
    AlmostPerfect,
    /// Alpha below 0.667: unreliable (Krippendorff 2004).
    Unreliable,
    /// Alpha 0.667 to 0.800: tentative conclusions only.
    Tentative,
    /// Alpha 0.800 and above: reliable.
    Reliable,
    /// ICC 0.75 to 0.90.
    Good,
    /// ICC above 0.90.
    Excellent,
}

impl std::fmt::Display for Interpretation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.label())
    }
}

impl Interpretation {
    /// The band's name as its source writes it: "almost perfect", "tentative", "good", ...
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Interpretation::Poor => "poor",
            Interpretation::Slight => "slight",
            Interpretation::Fair => "fair",
            Interpretation::Moderate => "moderate",
            Interpretation::Substantial => "substantial",
            Interpretation::AlmostPerfect => "almost perfect",
            Interpretation::Unreliable => "unreliable",
            Interpretation::Tentative => "tentative",
            Interpretation::Reliable => "reliable",
            Interpretation::Good => "good",
            Interpretation::Excellent => "excellent",
        }
    }

    /// Landis and Koch's band for a kappa.
    #[must_use]
    pub fn for_kappa(kappa: f64) -> Interpretation {
        match kappa {
            k if k < 0.0 => Interpretation::Poor,
            k if k <= 0.20 => Interpretation::Slight,
            k if k <= 0.40 => Interpretation::Fair,
            k if k <= 0.60 => Interpretation::Moderate,
            k if k <= 0.80 => Interpretation::Substantial,
            _ => Interpretation::AlmostPerfect,
        }
    }

    /// Krippendorff's band for an alpha: 0.800 and 0.667.
    #[must_use]
    pub fn for_alpha(alpha: f64) -> Interpretation {
        match alpha {
            a if a >= 0.800 => Interpretation::Reliable,
            a if a >= 0.667 => Interpretation::Tentative,
            _ => Interpretation::Unreliable,
        }
    }

    /// Koo and Li's band for an ICC.
    #[must_use]
    pub fn for_icc(icc: f64) -> Interpretation {
        match icc {
            i if i < 0.50 => Interpretation::Poor,
            i if i < 0.75 => Interpretation::Moderate,
            i if i <= 0.90 => Interpretation::Good,
            _ => Interpretation::Excellent,
        }
    }
}

/// Fails with [`Error::Undefined`] unless `value` is finite.
fn finite(statistic: &'static str, value: f64, reason: &str) -> Result<f64, Error> {
    if value.is_finite() {
        Ok(value)
    } else {
        Err(Error::Undefined {
            statistic,
            reason: reason.to_owned(),
        })
    }
}
