//! The decision matrix: subjects by criteria, each criterion a benefit or a cost.

use schemars::JsonSchema;
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
/// [`DecisionMatrix::new`] or [`DecisionMatrix::from_panel`](crate::decision::DecisionMatrix::from_panel), so one that exists is valid (it
/// serialises, but does not deserialise around the checks).
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
pub struct DecisionMatrix {
    subjects: Vec<String>,
    criteria: Vec<(String, CriterionType)>,
    values: Table,
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
        for (subject, row) in subjects.iter().zip(&values) {
            if row.len() != criteria.len() {
                return Err(invalid(format!(
                    "subject `{subject}` has {} values for {} criteria",
                    row.len(),
                    criteria.len()
                )));
            }
            if let Some((criterion, _)) = criteria.iter().zip(row).find(|(_, v)| !v.is_finite()) {
                return Err(invalid(format!(
                    "subject `{subject}`, criterion `{}`: the value is not a finite number",
                    criterion.0
                )));
            }
        }
        let values = Table::from_data(
            criteria.len(),
            values.into_iter().flatten().map(|v| v + 0.0).collect(),
        );
        Ok(DecisionMatrix {
            subjects,
            criteria,
            values,
        })
    }

    /// The subjects, in row order.
    #[must_use]
    pub fn subjects(&self) -> &[String] {
        &self.subjects
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
