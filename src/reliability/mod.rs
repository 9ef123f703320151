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

use std::sync::OnceLock;

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
    /// The cells as the caller laid them out: unit after unit, `raters` cells each, or, when
    /// `by_rater`, rater after rater, a unit's worth each. NaN is a missing rating.
    cells: Vec<f64>,
    by_rater: bool,
    /// The cells unit after unit, for cells given rater after rater: made the first time whole
    /// rows are asked for ([`Ratings::rows`]); the statistics read such cells in place.
    turned: OnceLock<Vec<f64>>,
}

impl PartialEq for Ratings {
    /// Equal raters and equal cells, missing where the other is missing, however each was
    /// laid out.
    fn eq(&self, other: &Ratings) -> bool {
        let (mine, theirs) = (self.unit_cells(), other.unit_cells());
        self.raters == other.raters
            && mine.len() == theirs.len()
            && mine
                .iter()
                .zip(theirs)
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
            return Err(not_finite(at, raters, false));
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
    pub fn from_values(raters: usize, cells: Vec<f64>) -> Result<Ratings, Error> {
        Ratings::checked(raters, cells, false)
    }

    /// Ratings of `raters` from `cells` laid out unit after unit, or rater after rater when
    /// `by_rater`: the shape and every value checked in one branch-free reading pass (it
    /// vectorises); the infinite cell is looked for only if there is one, and the cells are
    /// written only if one is -0.0.
    fn checked(raters: usize, mut cells: Vec<f64>, by_rater: bool) -> Result<Ratings, Error> {
        if raters == 0 {
            return Err(invalid_ratings("no raters".to_owned()));
        }
        if cells.is_empty() {
            return Err(invalid_ratings("no units".to_owned()));
        }
        if cells.len().checked_rem(raters) != Some(0) {
            return Err(invalid_ratings(if by_rater {
                format!("{} values do not fill rows of {raters} raters", cells.len())
            } else {
                format!("{} cells do not fill units of {raters} raters", cells.len())
            }));
        }
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
            let width = if by_rater {
                cells.len().checked_div(raters).unwrap_or(0)
            } else {
                raters
            };
            return Err(not_finite(at, width, by_rater));
        }
        if negative_zero {
            // -0.0 and 0.0 are one rating: adding 0.0 turns the first into the second, so no
            // statistic can tell them apart (a value lookup by bits would). NaN stays NaN.
            cells.iter_mut().for_each(|x| *x += 0.0);
        }
        Ok(Ratings {
            raters,
            cells,
            by_rater,
            turned: OnceLock::new(),
        })
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
        // The rows end to end, read once in order; the statistics read them in place.
        let count = raters.len();
        let cells = raters
            .iter()
            .flatten()
            .map(|value| match value {
                // A given NaN is no rating, and is refused as not finite, as `from_cells`
                // does: carried as infinity, `checked` names its place.
                Some(value) if value.is_nan() => f64::INFINITY,
                Some(value) => *value,
                None => f64::NAN,
            })
            .collect();
        drop(raters);
        Ratings::checked(count, cells, true)
    }

    /// Ratings from one flat list of values, rater after rater, `units` values per rater,
    /// NaN for a missing rating: the raters-by-units array Python's `krippendorff.alpha`
    /// takes, as it lies in memory (row-major). Taken as it is (no copy): the statistics read
    /// it in place, a few units at a time.
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
        Ratings::checked(raters, values, true)
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

    /// The ratings of each unit, in order, NaN where a rating is missing. For ratings given
    /// rater by rater, the first call turns the cells round (a copy kept with the ratings).
    pub fn rows(&self) -> impl Iterator<Item = &[f64]> {
        self.unit_cells().chunks(self.raters.max(1))
    }

    /// The ratings of each unit, in order, `None` where a rating is missing.
    pub fn rows_with_gaps(&self) -> impl Iterator<Item = Vec<Option<f64>>> + '_ {
        self.rows()
            .map(|row| row.iter().map(|v| (!v.is_nan()).then_some(*v)).collect())
    }

    /// Every cell, in the layout it was given in: for what does not depend on the order.
    pub(crate) fn cells(&self) -> &[f64] {
        &self.cells
    }

    /// The cells unit after unit.
    fn unit_cells(&self) -> &[f64] {
        if self.by_rater {
            self.turned
                .get_or_init(|| turned_round(&self.cells, self.raters))
        } else {
            &self.cells
        }
    }

    /// The first rating of the first unit that has one.
    pub(crate) fn first_rating(&self) -> Option<f64> {
        let units = self.units();
        if self.by_rater && self.turned.get().is_none() {
            (0..units).find_map(|unit| {
                self.cells
                    .iter()
                    .skip(unit)
                    .step_by(units.max(1))
                    .copied()
                    .find(|v| !v.is_nan())
            })
        } else {
            self.unit_cells().iter().copied().find(|v| !v.is_nan())
        }
    }

    /// Calls `f` with each unit's ratings, in order. Cells given rater by rater are read in
    /// place, a block of units at a time: each rater's values for the block (a run in memory)
    /// are gathered into a small buffer that stays in cache.
    pub(crate) fn for_each_unit(&self, mut f: impl FnMut(&[f64])) {
        let raters = self.raters.max(1);
        if !self.by_rater || self.turned.get().is_some() {
            self.unit_cells().chunks(raters).for_each(f);
            return;
        }
        let units = self.units().max(1);
        // About 32 KB of buffer, at least 8 units.
        let block = 4096_usize.checked_div(raters).unwrap_or(0).max(8);
        let rows: Vec<&[f64]> = self.cells.chunks_exact(units).collect();
        let mut buffer = vec![f64::NAN; block.saturating_mul(raters)];
        let mut start = 0;
        while start < units {
            let end = start.saturating_add(block).min(units);
            let width = end.saturating_sub(start);
            for (rater, row) in rows.iter().enumerate() {
                let cells = buffer.iter_mut().skip(rater).step_by(raters);
                for (cell, value) in cells.zip(row.get(start..end).unwrap_or(&[])) {
                    *cell = *value;
                }
            }
            buffer.chunks_exact(raters).take(width).for_each(&mut f);
            start = end;
        }
    }
}

/// Cells given rater after rater, unit after unit: each unit's values gathered from the
/// raters' rows, so the writes run in order and the reads touch one cache line per rater for
/// every eight units.
fn turned_round(cells: &[f64], raters: usize) -> Vec<f64> {
    let units = cells.len().checked_div(raters).unwrap_or(0);
    let rows: Vec<&[f64]> = cells.chunks_exact(units.max(1)).collect();
    let mut turned = Vec::with_capacity(cells.len());
    for unit in 0..units {
        turned.extend(
            rows.iter()
                .map(|row| row.get(unit).copied().unwrap_or(f64::NAN)),
        );
    }
    turned
}

/// The error for the cell at `at` of cells laid out in rows of `width` (a unit's raters, or,
/// when `by_rater`, a rater's units), named by unit and rater.
fn not_finite(at: usize, width: usize, by_rater: bool) -> Error {
    let (across, within) = (at.checked_div(width), at.checked_rem(width));
    let (unit, rater) = if by_rater {
        (within.unwrap_or(0), across.unwrap_or(0))
    } else {
        (across.unwrap_or(0), within.unwrap_or(0))
    };
    invalid_ratings(format!(
        "unit {unit}, rater {rater}: rating is not a finite number"
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
