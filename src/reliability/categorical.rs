//! Categorical ratings: units by raters, each rating one of a declared list of categories,
//! read from labels or numbers, in either orientation.

use crate::error::Error;

use super::Ratings;

/// Ratings on a list of categories: units (rows) by raters (columns), each cell the category's
/// position in the list or missing.
///
/// The list is the categories declared, in order, or (when none are declared) those used,
/// sorted: labels in text order, numbers in numeric order. Declaring the list matters for
/// chance-corrected coefficients: a category nobody used still counts, and weights follow the
/// declared order (numbers weigh by their values, labels by their positions 1, 2, ...).
///
/// ```
/// use igf_rubric::reliability::CategoricalRatings;
///
/// let by_unit = CategoricalRatings::from_labels(
///     &[vec![Some("vague"), Some("defined")], vec![Some("defined"), None]],
///     Some(&["vague", "broad", "defined", "targeted"]),
/// )?;
/// assert_eq!((by_unit.units(), by_unit.raters(), by_unit.categories().len()), (2, 2, 4));
/// let by_rater = CategoricalRatings::from_label_columns(
///     &[vec![Some("vague"), Some("defined")], vec![Some("defined"), None]],
///     Some(&["vague", "broad", "defined", "targeted"]),
/// )?;
/// assert_eq!(by_rater.rating(0, 1), Some(2)); // unit 0, rater 1: "defined"
/// # Ok::<(), igf_rubric::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct CategoricalRatings {
    categories: Vec<String>,
    values: Vec<f64>,
    raters: usize,
    cells: Vec<Option<usize>>,
    /// Read from counts: who gave which rating is unknown.
    anonymous: bool,
}

const STATISTIC: &str = "categorical ratings";

fn invalid(reason: String) -> Error {
    Error::InvalidData {
        statistic: STATISTIC,
        reason,
    }
}

impl CategoricalRatings {
    /// Ratings from labels, one row per unit with one entry per rater. `categories`, when
    /// given, is the full list in order, and every label must be in it.
    ///
    /// # Errors
    /// [`Error::InvalidData`] for no units or raters, ragged rows, a label outside the
    /// declared list (naming unit, rater and label), or a declared list that repeats a label.
    pub fn from_labels<S: AsRef<str>>(
        rows: &[Vec<Option<S>>],
        categories: Option<&[&str]>,
    ) -> Result<CategoricalRatings, Error> {
        let raters = shape(rows.iter().map(Vec::len))?;
        let categories: Vec<String> = match categories {
            Some(list) => {
                let list: Vec<String> = list.iter().map(|c| (*c).to_owned()).collect();
                if let Some(twice) = list
                    .iter()
                    .enumerate()
                    .find(|(i, c)| list.iter().take(*i).any(|d| d == *c))
                {
                    return Err(invalid(format!("category `{}` is declared twice", twice.1)));
                }
                list
            }
            None => {
                let mut used: Vec<String> = rows
                    .iter()
                    .flatten()
                    .flatten()
                    .map(|s| s.as_ref().to_owned())
                    .collect();
                used.sort();
                used.dedup();
                used
            }
        };
        let mut cells = Vec::with_capacity(rows.len().saturating_mul(raters));
        for (unit, row) in rows.iter().enumerate() {
            for (rater, label) in row.iter().enumerate() {
                cells.push(match label {
                    None => None,
                    Some(label) => Some(categories.iter().position(|c| c == label.as_ref()).ok_or_else(|| {
                        invalid(format!(
                            "unit {unit}, rater {rater}: `{}` is not a declared category ({})",
                            crate::error::shorten(label.as_ref()),
                            categories.join(", ")
                        ))
                    })?),
                });
            }
        }
        Ok(CategoricalRatings::of_positions(categories, raters, cells))
    }

    /// Ratings already read as positions in `categories` (distinct labels, weighed by their
    /// positions 1, 2, ...), `raters` cells a unit; the caller keeps every position in the list.
    pub(crate) fn of_positions(
        categories: Vec<String>,
        raters: usize,
        cells: Vec<Option<usize>>,
    ) -> CategoricalRatings {
        let values = (1..=categories.len()).map(|p| p as f64).collect();
        CategoricalRatings {
            categories,
            values,
            raters,
            cells,
            anonymous: false,
        }
    }

    /// Ratings from labels, one row per rater with one entry per unit (the shape R's `irr`,
    /// `irrCAC` and Python's `krippendorff` take).
    ///
    /// # Errors
    /// As for [`CategoricalRatings::from_labels`].
    pub fn from_label_columns<S: AsRef<str> + Clone>(
        raters: &[Vec<Option<S>>],
        categories: Option<&[&str]>,
    ) -> Result<CategoricalRatings, Error> {
        CategoricalRatings::from_labels(&transpose(raters)?, categories)
    }

    /// Ratings from numbers (units by raters, as [`Ratings`]). `categories`, when given, is
    /// the full list of values (sorted here), and every rating must be one of them.
    ///
    /// # Errors
    /// [`Error::InvalidData`] for a rating outside the declared values, or a declared list
    /// that repeats a value or holds one that is not finite.
    pub fn from_numbers(
        ratings: &Ratings,
        categories: Option<&[f64]>,
    ) -> Result<CategoricalRatings, Error> {
        let mut values: Vec<f64> = match categories {
            Some(list) => {
                if list.iter().any(|v| !v.is_finite()) {
                    return Err(invalid(
                        "a declared category is not a finite number".to_owned(),
                    ));
                }
                list.iter().map(|v| v + 0.0).collect()
            }
            None => ratings
                .rows()
                .flatten()
                .copied()
                .filter(|v| !v.is_nan())
                .collect(),
        };
        values.sort_by(f64::total_cmp);
        let before = values.len();
        values.dedup();
        if categories.is_some() && values.len() != before {
            return Err(invalid("a category value is declared twice".to_owned()));
        }
        let raters = ratings.raters();
        let mut cells = Vec::with_capacity(ratings.units().saturating_mul(raters));
        for (unit, row) in ratings.rows_with_gaps().enumerate() {
            for (rater, value) in row.iter().enumerate() {
                cells.push(match value {
                    None => None,
                    Some(v) => Some(values.iter().position(|c| c == v).ok_or_else(|| {
                        invalid(format!(
                            "unit {unit}, rater {rater}: {v} is not a declared category"
                        ))
                    })?),
                });
            }
        }
        let categories = values.iter().map(|v| v.to_string()).collect();
        Ok(CategoricalRatings {
            categories,
            values,
            raters,
            cells,
            anonymous: false,
        })
    }

    /// Ratings from a subjects-by-categories table of counts (how many raters put each unit in
    /// each category; the input of Fleiss' kappa), units rated by different numbers of raters
    /// allowed. When every category name is a number and they increase, weights use those
    /// numbers as the categories' values; otherwise (and without names) the positions `1..=q`. Who gave which rating is unknown, so coefficients that need it (Conger's kappa,
    /// Cohen's table) refuse such ratings; the others do not depend on it.
    ///
    /// ```
    /// use igf_rubric::reliability::{CategoricalRatings, ChanceCorrected, Weighting, chance_corrected};
    ///
    /// let data = CategoricalRatings::from_counts(&[vec![3, 0], vec![1, 2], vec![0, 2]], None)?;
    /// assert_eq!(data.counts(), [vec![3, 0], vec![1, 2], vec![0, 2]]);
    /// let fleiss = chance_corrected(&data, ChanceCorrected::Fleiss, Weighting::Identity)?;
    /// assert!(chance_corrected(&data, ChanceCorrected::Conger, Weighting::Identity).is_err());
    /// # Ok::<(), igf_rubric::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidData`] for no units, rows of different lengths, or a list of categories
    /// of another length.
    pub fn from_counts(
        table: &[Vec<u64>],
        categories: Option<&[&str]>,
    ) -> Result<CategoricalRatings, Error> {
        let q = shape(table.iter().map(Vec::len))?;
        let categories: Vec<String> = match categories {
            Some(list) if list.len() == q => list.iter().map(|c| (*c).to_owned()).collect(),
            Some(list) => {
                return Err(invalid(format!(
                    "{} categories named for {q} columns",
                    list.len()
                )));
            }
            None => (1..=q).map(|k| k.to_string()).collect(),
        };
        let rated = |row: &Vec<u64>| row.iter().fold(0u64, |s, c| s.saturating_add(*c));
        let raters = usize::try_from(table.iter().map(rated).max().unwrap_or(0))
            .map_err(|_| invalid("too many raters".to_owned()))?;
        if raters == 0 {
            return Err(invalid("the table holds no rating".to_owned()));
        }
        let mut cells = Vec::with_capacity(table.len().saturating_mul(raters));
        for row in table {
            let mut unit: Vec<Option<usize>> = row
                .iter()
                .enumerate()
                .flat_map(|(k, c)| std::iter::repeat_n(Some(k), usize::try_from(*c).unwrap_or(0)))
                .collect();
            unit.resize(raters, None);
            cells.extend(unit);
        }
        let values = super::domain::declared_values(&categories);
        Ok(CategoricalRatings {
            categories,
            values,
            raters,
            cells,
            anonymous: true,
        })
    }

    /// Whether the ratings came from counts, without who gave which.
    #[must_use]
    pub fn anonymous(&self) -> bool {
        self.anonymous
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

    /// The categories, in the order the coefficients use.
    #[must_use]
    pub fn categories(&self) -> &[String] {
        &self.categories
    }

    /// The value each category weighs by: its number, or its position (1, 2, ...) for labels.
    #[must_use]
    pub fn values(&self) -> &[f64] {
        &self.values
    }

    /// The category (position in [`CategoricalRatings::categories`]) `rater` gave `unit`.
    #[must_use]
    pub fn rating(&self, unit: usize, rater: usize) -> Option<usize> {
        if rater >= self.raters {
            return None;
        }
        self.cells
            .get(unit.saturating_mul(self.raters).saturating_add(rater))
            .copied()
            .flatten()
    }

    /// Each unit's ratings, in order.
    pub fn rows(&self) -> impl Iterator<Item = &[Option<usize>]> {
        self.cells.chunks(self.raters.max(1))
    }

    /// The ratings as numbers: each category's value (its number, or its position 1, 2, ...
    /// for labels), for Krippendorff's alpha and the ICCs. With labels in their declared
    /// order, ordinal alpha ranks them in that order.
    ///
    /// ```
    /// use igf_rubric::reliability::{CategoricalRatings, MeasurementLevel, krippendorff_alpha};
    ///
    /// let levels = ["vague", "broad", "defined", "targeted"];
    /// let data = CategoricalRatings::from_labels(
    ///     &[vec![Some("vague"), Some("broad")], vec![Some("defined"), Some("targeted")], vec![Some("targeted"), Some("targeted")]],
    ///     Some(&levels),
    /// )?;
    /// let alpha = krippendorff_alpha(&data.to_ratings()?, MeasurementLevel::Ordinal)?;
    /// assert!(alpha > 0.0);
    /// # Ok::<(), igf_rubric::Error>(())
    /// ```
    ///
    /// # Errors
    /// None in practice; as for [`Ratings::from_rows`].
    pub fn to_ratings(&self) -> Result<Ratings, Error> {
        Ratings::from_rows(
            self.rows()
                .map(|row| {
                    row.iter()
                        .map(|k| k.and_then(|k| self.values.get(k).copied()))
                        .collect()
                })
                .collect(),
        )
    }

    /// The subjects-by-categories table of counts: how many raters put each unit in each
    /// category (the input of Fleiss' kappa).
    #[must_use]
    pub fn counts(&self) -> Vec<Vec<u64>> {
        self.rows()
            .map(|row| {
                let mut counts = vec![0u64; self.categories.len()];
                for k in row.iter().flatten() {
                    if let Some(c) = counts.get_mut(*k) {
                        *c = c.saturating_add(1);
                    }
                }
                counts
            })
            .collect()
    }
}

/// The common length of the rows, checked.
fn shape(lengths: impl Iterator<Item = usize>) -> Result<usize, Error> {
    let mut width = None;
    for (unit, len) in lengths.enumerate() {
        match width {
            None => width = Some(len),
            Some(w) if w != len => {
                return Err(invalid(format!(
                    "unit {unit} has {len} ratings, unit 0 has {w}"
                )));
            }
            Some(_) => {}
        }
    }
    match width {
        None => Err(invalid("no units".to_owned())),
        Some(0) => Err(invalid("no raters".to_owned())),
        Some(w) => Ok(w),
    }
}

fn transpose<S: Clone>(rows: &[Vec<Option<S>>]) -> Result<Vec<Vec<Option<S>>>, Error> {
    let units = shape(rows.iter().map(Vec::len))
        .map_err(|_| invalid("raters' rows are empty or of different lengths".to_owned()))?;
    Ok((0..units)
        .map(|u| rows.iter().map(|r| r.get(u).cloned().flatten()).collect())
        .collect())
}
