#![doc = include_str!("../README.md")]
#![forbid(unsafe_code)]
#![warn(missing_docs)]
// The no-panic lints are set for all shipped code in Cargo.toml's [lints] table.
#![cfg_attr(
    test,
    allow(
        clippy::unwrap_used,
        clippy::indexing_slicing,
        clippy::arithmetic_side_effects
    )
)]

pub mod assessment;
pub mod decision;
mod document;
pub mod error;
pub mod evaluation;
pub mod evidence;
pub mod feedback;
pub mod json;
mod kinds;
mod label;
pub mod lessons;
mod num;
pub mod panel;
pub mod presets;
pub mod reliability;
pub mod report;
pub mod revision;
pub mod rubric;
pub mod schema;
pub mod scoring;
#[cfg(feature = "xlsx")]
pub mod sheet;

// The common path: what a program that loads a rubric, scores assessments and reviews a panel
// names. Everything else is reached through its module.
pub use assessment::{
    Answer, AnswerValue, Assessment, Assessor, ConflictOfInterest, Region, Role, StakeholderGroup,
    Subject,
};
pub use document::{Document, FORMAT_VERSION};
pub use error::{Error, ErrorDocument, Path};
pub use evaluation::{EvaluationRequest, EvaluationResult, evaluate, evaluate_json};
pub use num::{Rounding, RoundingMode, Score};
pub use panel::{Panel, PanelReport};
pub use rubric::{
    Band, Criterion, Gate, GateRule, Level, Metric, PanelRules, Rubric, RubricKind, TotalScale,
};
pub use rust_decimal::Decimal;
pub use scoring::{CriterionResult, CriterionStatus, Flag, Scorecard};
