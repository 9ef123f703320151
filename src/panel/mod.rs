//! Combining many assessors: panel aggregation, spread, calibration, ranking, selection and the
//! panel's reliability.
//!
//! ```
//! use igf_rubric::{Document, Panel, presets};
//!
//! // The sample MAG panel: six proposals, each scored by several MAG members.
//! let panel = Panel::from_json(include_str!("../../examples/data/mag-panel.json"))?;
//! let report = presets::bpf_proposal().review(&panel)?;
//! // Every subject is ranked or says why not, and the selection keeps to the capacity.
//! assert_eq!(report.subjects.len(), 6);
//! assert!(report.selected.len() <= report.rules.capacity.unwrap_or(usize::MAX));
//! for subject in &report.subjects {
//!     assert!(!subject.decision.explanation.is_empty());
//! }
//! # Ok::<(), igf_rubric::Error>(())
//! ```

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
