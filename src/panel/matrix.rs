//! The bridge from a panel review to the decision methods: its combined criterion scores as a
//! decision matrix.

use super::PanelReport;
use crate::decision::{CriterionType, DecisionMatrix};
use crate::error::Error;
use crate::rubric::{Criterion, Metric, Rubric};

impl DecisionMatrix {
    /// A matrix of a panel review: the scored subjects by the rubric's weighted leaf
    /// criteria, each cell the panel's combined normalised score (a benefit in `[0, 1]`).
    /// Subjects without a combined score on every such criterion are left out, and named in
    /// the second value.
    ///
    /// # Errors
    /// [`Error::InvalidData`] when no subject has every criterion scored.
    pub fn from_panel(
        review: &PanelReport,
        rubric: &Rubric,
    ) -> Result<(DecisionMatrix, Vec<String>), Error> {
        use rust_decimal::prelude::ToPrimitive;
        let leaves: Vec<&Criterion> = rubric
            .leaves()
            .filter(|c| {
                c.metric.as_ref().is_some_and(Metric::is_scored)
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
}
