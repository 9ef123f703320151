//! Combining many assessors: panel aggregation, spread, calibration, ranking, selection and the
//! panel's reliability.

mod calibrate;
mod gates;
mod matrix;
mod document;
mod rank;
mod reliability;
mod report;
mod review;
mod subject;

pub use document::{Consensus, Panel};
pub use report::{
    AssessorEntry, Breakdown, CalibrationEntry, Coefficient, ConsensusRecord, CriterionAggregate,
    CriterionAlpha, CriterionComment, Decision, DecisionReason, GroupMean, PanelReliability,
    PanelReport, SubjectReport, SubjectStatus,
};
pub use crate::num::{MEAN_DECIMAL_PLACES, Spread};
pub use crate::rubric::{Aggregation, Basis, Calibration, PanelRules, RankingWeight, TieBreak, Trim};
