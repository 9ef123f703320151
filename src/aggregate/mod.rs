//! Combining many assessors: panel aggregation, spread, calibration, ranking, selection and the
//! panel's reliability.

mod calibrate;
mod gates;
mod panel;
mod rank;
mod reliability;
mod report;
mod review;
mod rules;
mod stats;
mod subject;

pub use panel::{Consensus, Panel};
pub use report::{
    AssessorEntry, Breakdown, CalibrationEntry, Coefficient, ConsensusRecord, CriterionAggregate,
    CriterionAlpha, CriterionComment, Decision, DecisionReason, GroupMean, PanelReliability,
    PanelReport, SubjectReport, SubjectStatus,
};
pub use rules::{Basis, Calibration, PanelRules, RankingWeight, TieBreak};
pub use stats::{Aggregation, MEAN_DECIMAL_PLACES, Spread, Trim};
