#![doc = include_str!("../README.md")]
#![forbid(unsafe_code)]
#![warn(missing_docs, missing_debug_implementations)]
#![deny(
    clippy::arithmetic_side_effects,
    clippy::indexing_slicing,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::disallowed_methods
)]
#![cfg_attr(
    test,
    allow(
        clippy::unwrap_used,
        clippy::indexing_slicing,
        clippy::arithmetic_side_effects
    )
)]

mod panel;
mod assessment;
pub mod decision;
mod document;
pub mod design {
    #![doc = include_str!("../DESIGN.md")]
}
mod error;
mod evaluation;
mod evidence;
mod feedback;
pub mod json;
mod kinds;
mod label;
mod lessons;
mod num;
pub mod presets;
pub mod reliability;
pub mod report;
mod revision;
mod rubric;
pub mod schema;
mod scoring;

pub use panel::{
    Aggregation, AssessorEntry, Basis, Breakdown, Calibration, CalibrationEntry, Coefficient,
    Consensus, ConsensusRecord, CriterionAggregate, CriterionAlpha, CriterionComment, Decision,
    DecisionReason, GroupMean, MEAN_DECIMAL_PLACES, Panel, PanelReliability, PanelReport,
    PanelRules, RankingWeight, Spread, SubjectReport, SubjectStatus, TieBreak, Trim,
};
pub use assessment::{
    Answer, AnswerValue, Assessment, Assessor, ConflictOfInterest, Derivation, Distribution,
    Lessons, Region, Role, StakeholderGroup, Subject,
};
pub use error::{Error, ErrorDetail, ErrorDocument, JsonProblem, Path, Segment};
pub use evaluation::{
    EvaluationOptions, EvaluationRequest, EvaluationResult, ReliabilityFigure, RubricSource,
    SCHEMA_VERSION, Warning, evaluate, evaluate_json,
};
pub use evidence::{
    Commitments, Contributors, Date, Deliverable, Indicator, IndicatorResult, KeyDates, NO_UPTAKE,
    OutcomeRecord, Reading, ResultsFramework, Target, UptakeEvent, UptakeLevel,
};
pub use feedback::{
    AppliedItem, Disposition, FeedbackAuthor, FeedbackItem, FeedbackRound, FeedbackTarget, Finding,
    Recommendation, ReportText, Revision, Section, Stage,
};
pub use lessons::{
    BpfCount, Consultation, LessonsSummary, Question, QuestionCounts, Quote, Respondent, Response,
    RoleCount, Theme, ThemeSummary, YearCount,
};
pub use document::{FORMAT_VERSION, MAX_ID_LEN};
pub use num::{MAX_DECIMAL_PLACES, Rounding, RoundingMode, Score};
pub use revision::{
    ChangeKind, CriterionChange, Driver, Migration, MigrationNote, RankMove, Rescoring, RubricDiff,
    SetAside,
};
pub use rubric::{
    Band, CountCurve, Criterion, Direction, DistributionMeasure, EVENNESS_DECIMAL_PLACES,
    Gate, GateRule, Level, MAX_NESTING, MAX_SCALE_MAGNITUDE, Metric,
    Rubric, RubricDoc, RubricKind, RubricRef, TotalScale, UnablePolicy, WeightDerivation, WeightInputs,
};
pub use rust_decimal::Decimal;
pub use scoring::{
    BandResult, CriterionResult, CriterionStatus, Flag, FlagKind, GateResult,
    POINTS_DECIMAL_PLACES, Scorecard,
};
