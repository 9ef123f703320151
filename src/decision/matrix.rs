//! The decision matrix: subjects by criteria, each criterion a benefit or a cost.

use schemars::JsonSchema;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::error::Error;

/// Whether more of a criterion is better (benefit) or worse (cost).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum CriterionType {
    /// More is better.
    #[default]
    Benefit,
    /// Less is better.
    Cost,
}

crate::label::labels!(CriterionType, "criterion type" {
    Benefit => "benefit", "Benefit";
    Cost => "cost", "Cost";
});

/// A matrix of numbers stored row by row: subjects by criteria. It serialises as an array of
/// rows.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Table {
    columns: usize,
    data: Vec<f64>,
}

impl Table {
    pub(crate) fn from_data(columns: usize, data: Vec<f64>) -> Table {
        Table { columns, data }
    }

    /// Number of rows.
    #[must_use]
    pub fn rows(&self) -> usize {
        self.data.len().checked_div(self.columns).unwrap_or(0)
    }

    /// Number of columns.
    #[must_use]
    pub fn columns(&self) -> usize {
        self.columns
    }

    /// Row `i` (empty when out of range).
    #[must_use]
    pub fn row(&self, i: usize) -> &[f64] {
        let start = i.saturating_mul(self.columns);
        self.data
            .get(start..start.saturating_add(self.columns))
            .unwrap_or(&[])
    }

    /// The rows, in order.
    pub fn iter_rows(&self) -> impl Iterator<Item = &[f64]> {
        self.data.chunks(self.columns.max(1))
    }

    /// The value at row `i`, column `j` (0 when out of range).
    #[must_use]
    pub fn get(&self, i: usize, j: usize) -> f64 {
        self.row(i).get(j).copied().unwrap_or(0.0)
    }
}

impl Serialize for Table {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeSeq;
        let mut seq = serializer.serialize_seq(Some(self.rows()))?;
        for row in self.iter_rows() {
            seq.serialize_element(row)?;
        }
        seq.end()
    }
}

impl<'de> Deserialize<'de> for Table {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Table, D::Error> {
        let rows = Vec::<Vec<f64>>::deserialize(deserializer)?;
        let columns = rows.first().map_or(0, Vec::len);
        if rows.iter().any(|r| r.len() != columns) {
            return Err(serde::de::Error::custom(
                "the rows of a table differ in length",
            ));
        }
        Ok(Table {
            columns,
            data: rows.into_iter().flatten().collect(),
        })
    }
}

impl JsonSchema for Table {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Table".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A matrix as an array of rows of numbers, all of one length.",
            "type": "array",
            "items": { "type": "array", "items": { "type": "number" } }
        })
    }
}

/// Subjects (rows) by criteria (columns), all values finite. Built only through
/// [`DecisionMatrix::new`], [`DecisionMatrix::from_row_major`] or
/// [`DecisionMatrix::from_panel`](crate::decision::DecisionMatrix::from_panel), so one that
/// exists is valid (it serialises, but does not deserialise around the checks).
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct DecisionMatrix {
    #[serde(serialize_with = "serialize_subjects")]
    #[schemars(with = "Vec<String>")]
    subjects: Subjects,
    criteria: Vec<(String, CriterionType)>,
    values: Table,
    /// Taken in the pass that checks the values, for the normalisations.
    #[serde(skip)]
    #[schemars(skip)]
    stats: ColumnStats,
}

impl PartialEq for DecisionMatrix {
    fn eq(&self, other: &DecisionMatrix) -> bool {
        // The column figures follow from the values.
        self.subjects() == other.subjects()
            && self.criteria == other.criteria
            && self.values == other.values
    }
}

/// The subjects' names, or, for a matrix built without them, their row numbers from 1, written
/// out the first time they are asked for.
#[derive(Clone, Debug)]
struct Subjects {
    rows: usize,
    names: OnceLock<Vec<String>>,
}

impl Subjects {
    fn named(names: Vec<String>) -> Subjects {
        Subjects {
            rows: names.len(),
            names: OnceLock::from(names),
        }
    }

    fn numbered(rows: usize) -> Subjects {
        Subjects {
            rows,
            names: OnceLock::new(),
        }
    }

    fn names(&self) -> &[String] {
        self.names
            .get_or_init(|| (1..=self.rows).map(|i| i.to_string()).collect())
    }
}

fn serialize_subjects<S: serde::Serializer>(
    subjects: &Subjects,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    subjects.names().serialize(serializer)
}

/// Each column's smallest and largest value, sum and sum of squares, in row order (so each sum
/// has the same bits however it is used).
#[derive(Clone, Debug, Default)]
pub(crate) struct ColumnStats {
    pub(crate) lo: Vec<f64>,
    pub(crate) hi: Vec<f64>,
    pub(crate) sum: Vec<f64>,
    pub(crate) sum_of_squares: Vec<f64>,
}

impl ColumnStats {
    /// The figures of `data`, rows of `columns` values, from one pass that also checks every
    /// value is finite: the position of the first that is not, if any.
    fn of(columns: usize, data: &[f64]) -> Result<ColumnStats, usize> {
        let mut stats = ColumnStats {
            lo: vec![f64::INFINITY; columns],
            hi: vec![f64::NEG_INFINITY; columns],
            sum: vec![0.0; columns],
            sum_of_squares: vec![0.0; columns],
        };
        for row in data.chunks_exact(columns.max(1)) {
            let figures = stats
                .lo
                .iter_mut()
                .zip(stats.hi.iter_mut())
                .zip(stats.sum.iter_mut().zip(stats.sum_of_squares.iter_mut()));
            for (((lo, hi), (sum, squares)), x) in figures.zip(row) {
                // Comparisons rather than `f64::min`: this form vectorises.
                *lo = if *x < *lo { *x } else { *lo };
                *hi = if *x > *hi { *x } else { *hi };
                *sum += x;
                *squares += x * x;
            }
        }
        // An infinity shows in the extremes; a NaN, which no comparison keeps, in the sum (a
        // sum of finite values can overflow to an infinity, but never become NaN).
        let finite = stats.lo.iter().chain(&stats.hi).all(|x| x.is_finite())
            && !stats.sum.iter().any(|x| x.is_nan());
        if finite {
            Ok(stats)
        } else {
            Err(data.iter().position(|v| !v.is_finite()).unwrap_or(0))
        }
    }
}

pub(crate) const STATISTIC: &str = "decision matrix";

pub(crate) fn invalid(reason: String) -> Error {
    Error::InvalidData {
        statistic: STATISTIC,
        reason,
    }
}

impl DecisionMatrix {
    /// A matrix of `values`, one row per subject and one column per criterion.
    ///
    /// # Errors
    /// [`Error::InvalidData`] for no subjects or criteria, rows of the wrong length, or a value
    /// that is not finite (naming subject and criterion).
    pub fn new(
        subjects: Vec<String>,
        criteria: Vec<(String, CriterionType)>,
        values: Vec<Vec<f64>>,
    ) -> Result<DecisionMatrix, Error> {
        if subjects.is_empty() || criteria.is_empty() {
            return Err(invalid(
                "needs at least one subject and one criterion".to_owned(),
            ));
        }
        if values.len() != subjects.len() {
            return Err(invalid(format!(
                "{} rows for {} subjects",
                values.len(),
                subjects.len()
            )));
        }
        if let Some((subject, row)) = subjects
            .iter()
            .zip(&values)
            .find(|(_, row)| row.len() != criteria.len())
        {
            return Err(invalid(format!(
                "subject `{subject}` has {} values for {} criteria",
                row.len(),
                criteria.len()
            )));
        }
        let values = values.into_iter().flatten().collect();
        DecisionMatrix::checked(Subjects::named(subjects), criteria, values)
    }

    /// A matrix from values laid out row after row (`values[i * criteria + j]` is subject `i`
    /// on criterion `j`), the layout of a NumPy array or a flat buffer, taken without copying.
    /// Subjects without names are named by their row number from 1 (written out only when
    /// [`DecisionMatrix::subjects`] asks for them).
    ///
    /// ```
    /// use igf_rubric::decision::{CriterionType, DecisionMatrix};
    ///
    /// let criteria = vec![("cost".to_owned(), CriterionType::Cost), ("reach".to_owned(), CriterionType::Benefit)];
    /// let m = DecisionMatrix::from_row_major(None, criteria, vec![3.0, 10.0, 2.0, 7.5, 4.0, 12.0])?;
    /// assert_eq!(m.subjects(), ["1", "2", "3"]);
    /// assert_eq!(m.values().get(1, 1), 7.5);
    /// # Ok::<(), igf_rubric::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidData`] as [`DecisionMatrix::new`]: no subjects or criteria, a length
    /// that is not a whole number of rows (or not one row per named subject), a value that is
    /// not finite (naming its row and criterion).
    pub fn from_row_major(
        subjects: Option<Vec<String>>,
        criteria: Vec<(String, CriterionType)>,
        values: Vec<f64>,
    ) -> Result<DecisionMatrix, Error> {
        let width = criteria.len();
        let rows = values.len().checked_div(width).unwrap_or(0);
        if rows == 0 || !values.len().is_multiple_of(width.max(1)) {
            return Err(invalid(format!(
                "{} values are not a whole number of rows of {width} criteria (at least one)",
                values.len()
            )));
        }
        if let Some(names) = &subjects
            && names.len() != rows
        {
            return Err(invalid(format!("{rows} rows for {} subjects", names.len())));
        }
        let subjects = match subjects {
            Some(names) => Subjects::named(names),
            None => Subjects::numbered(rows),
        };
        DecisionMatrix::checked(subjects, criteria, values)
    }

    /// The matrix of `values`, whose length is a whole number of rows of `criteria`, one per
    /// subject: every value checked finite (the first that is not named) and the column
    /// figures taken in the same pass; -0.0 becomes 0.0, so that equal matrices print alike.
    fn checked(
        subjects: Subjects,
        criteria: Vec<(String, CriterionType)>,
        mut values: Vec<f64>,
    ) -> Result<DecisionMatrix, Error> {
        let width = criteria.len();
        let mut stats = match ColumnStats::of(width, &values) {
            Ok(stats) => stats,
            Err(at) => {
                let (row, col) = (
                    at.checked_div(width).unwrap_or(0),
                    at.checked_rem(width).unwrap_or(0),
                );
                let subject = match subjects.names.get() {
                    Some(names) => names.get(row).cloned().unwrap_or_default(),
                    None => row.saturating_add(1).to_string(),
                };
                let criterion = criteria.get(col).map_or("", |c| c.0.as_str());
                return Err(invalid(format!(
                    "subject `{subject}`, criterion `{criterion}`: the value is not a finite \
                     number"
                )));
            }
        };
        // Only a column that reaches 0 can hold a -0.0.
        let with_zero = stats
            .lo
            .iter_mut()
            .zip(stats.hi.iter_mut())
            .enumerate()
            .filter(|(_, (lo, hi))| **lo <= 0.0 && **hi >= 0.0);
        for (j, (lo, hi)) in with_zero {
            *lo += 0.0;
            *hi += 0.0;
            for v in values.iter_mut().skip(j).step_by(width.max(1)) {
                *v += 0.0;
            }
        }
        Ok(DecisionMatrix {
            subjects,
            criteria,
            values: Table::from_data(width, values),
            stats,
        })
    }

    /// The subjects, in row order.
    #[must_use]
    pub fn subjects(&self) -> &[String] {
        self.subjects.names()
    }

    /// The number of subjects (rows), without writing out the names of unnamed ones.
    #[must_use]
    pub fn len(&self) -> usize {
        self.subjects.rows
    }

    /// Whether the matrix has no subjects; never true of one that was built.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.subjects.rows == 0
    }

    /// The criteria and their types, in column order.
    #[must_use]
    pub fn criteria(&self) -> &[(String, CriterionType)] {
        &self.criteria
    }

    /// The values, one row per subject.
    #[must_use]
    pub fn values(&self) -> &Table {
        &self.values
    }

    /// Each column's extremes and sums.
    pub(crate) fn stats(&self) -> &ColumnStats {
        &self.stats
    }

    /// Column `j`'s values.
    pub(crate) fn column(&self, j: usize) -> Vec<f64> {
        self.values
            .iter_rows()
            .map(|row| row.get(j).copied().unwrap_or(0.0))
            .collect()
    }

    /// Column `j`'s type.
    pub(crate) fn kind(&self, j: usize) -> CriterionType {
        self.criteria.get(j).map_or(CriterionType::Benefit, |c| c.1)
    }
}
