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

/// Subjects (rows) by criteria (columns), all values finite. Built only through
/// [`DecisionMatrix::new`] or [`DecisionMatrix::from_panel`], so one that exists is valid (it
/// serialises, but does not deserialise around the checks).
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
pub struct DecisionMatrix {
    subjects: Vec<String>,
    criteria: Vec<(String, CriterionType)>,
    values: Vec<Vec<f64>>,
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
        let values = values
            .into_iter()
            .map(|row| row.into_iter().map(|v| v + 0.0).collect())
            .collect();
        Ok(DecisionMatrix {
            subjects,
            criteria,
            values,
        })
    }

    /// A matrix of a panel review: the scored subjects by the rubric's weighted leaf
    /// criteria, each cell the panel's combined normalised score (a benefit in `[0, 1]`).
    /// Subjects without a combined score on every such criterion are left out, and named in
    /// the second value.
    ///
    /// # Errors
    /// [`Error::InvalidData`] when no subject has every criterion scored.
    pub fn from_panel(
        review: &crate::PanelReport,
        rubric: &crate::Rubric,
    ) -> Result<(DecisionMatrix, Vec<String>), Error> {
        use rust_decimal::prelude::ToPrimitive;
        let leaves: Vec<&crate::Criterion> = rubric
            .leaves()
            .filter(|c| {
                c.metric.as_ref().is_some_and(crate::Metric::is_scored)
                    && c.weight.is_some_and(|w| !w.is_zero())
            })
            .collect();
        let (mut subjects, mut values, mut left_out) = (Vec::new(), Vec::new(), Vec::new());
        for subject in &review.subjects {
            let row: Option<Vec<f64>> = leaves
                .iter()
                .map(|leaf| {
                    subject
                        .criteria
                        .iter()
                        .find(|c| c.id == leaf.id)
                        .and_then(|c| c.normalised)
                        .and_then(|v| v.to_f64())
                })
                .collect();
            match row {
                Some(row) => {
                    subjects.push(subject.subject.id.clone());
                    values.push(row);
                }
                None => left_out.push(subject.subject.id.clone()),
            }
        }
        let criteria = leaves
            .iter()
            .map(|c| (c.id.clone(), CriterionType::Benefit))
            .collect();
        Ok((DecisionMatrix::new(subjects, criteria, values)?, left_out))
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
    pub fn values(&self) -> &[Vec<f64>] {
        &self.values
    }

    /// Column `j`'s values.
    pub(crate) fn column(&self, j: usize) -> Vec<f64> {
        self.values
            .iter()
            .map(|row| row.get(j).copied().unwrap_or(0.0))
            .collect()
    }

    /// Column `j`'s type.
    pub(crate) fn kind(&self, j: usize) -> CriterionType {
        self.criteria.get(j).map_or(CriterionType::Benefit, |c| c.1)
    }
}
