//! Combining many assessors: panel aggregation, spread, calibration, ranking, selection and the
//! panel's reliability.

mod calibrate;
mod document;
mod gates;
mod matrix;
mod rank;
mod reliability;
mod report;
mod review;
mod subject;

pub use crate::num::{MEAN_DECIMAL_PLACES, Spread};
pub use document::{Consensus, Panel};
pub use report::{
    AssessorEntry, Breakdown, CalibrationEntry, Coefficient, ConsensusRecord, CriterionAggregate,
    CriterionAlpha, CriterionComment, Decision, DecisionReason, GroupMean, PanelReliability,
    PanelReport, SubjectReport, SubjectStatus,
};
