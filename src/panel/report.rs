//! The result of a panel review: per subject, the combined score with its spread, gates,
//! rank and decision; for the panel, the selection, calibration, reliability and breakdowns.

use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::assessment::{Lessons, Region, Role, StakeholderGroup, Subject};
use crate::num::Spread;
use crate::num::{Rounding, Score, exact};
use crate::reliability::{Icc, Interpretation};
use crate::rubric::PanelRules;
use crate::rubric::RubricRef;
use crate::rubric::TotalScale;
use crate::scoring::{BandResult, GateResult};

/// The outcome of [`Rubric::review`](crate::Rubric::review).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[schemars(title = "PanelReport")]
#[non_exhaustive]
pub struct PanelReport {
    /// Version of the document format; 1.
    #[schemars(extend("const" = 1))]
    pub format_version: u32,
    /// The rubric used.
    pub rubric: RubricRef,
    /// The rules applied.
    pub rules: PanelRules,
    /// The total scale.
    pub scale: TotalScale,
    /// How published numbers were rounded.
    pub rounding: Rounding,
    /// Every subject: ranked ones in rank order, then the others by id.
    pub subjects: Vec<SubjectReport>,
    /// The subjects selected, in rank order.
    pub selected: Vec<String>,
    /// Who was calibrated and who was not (empty without calibration).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub calibration: Vec<CalibrationEntry>,
    /// How far the assessors agree.
    pub reliability: PanelReliability,
    /// Mean totals by the assessors' stakeholder group and region.
    pub breakdown: Breakdown,
}

impl PanelReport {}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

/// One subject's review.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct SubjectReport {
    /// The subject.
    pub subject: Subject,
    /// Whether it had enough valid assessors to be scored.
    pub status: SubjectStatus,
    /// Every assessor of the subject, included or not, with the reason.
    pub assessors: Vec<AssessorEntry>,
    /// The combined total as computed, before any consensus.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub computed_total: Option<Score>,
    /// The total that counts: the consensus where one was recorded, otherwise the computed one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total: Option<Score>,
    /// Consensus scores recorded for this subject, with the computed values they replaced.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub consensus: Vec<ConsensusRecord>,
    /// Spread of the included assessors' totals.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub spread: Option<Spread>,
    /// Whether the totals diverge by more than the rules allow.
    pub divergent: bool,
    /// Each criterion combined across the included assessors, in rubric order.
    pub criteria: Vec<CriterionAggregate>,
    /// The rubric's gates applied to the combined scores.
    pub gates: Vec<GateResult>,
    /// Scored and every gate passed.
    pub eligible: bool,
    /// The band of the total.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub band: Option<BandResult>,
    /// The score ranked on: the total, or the total under ranking-only weights. Subjects are
    /// ranked on its published value, so two subjects shown with the same score tie.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ranking_score: Option<Score>,
    /// Competition rank among eligible subjects (ties share the best rank of their group).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rank: Option<usize>,
    /// How many other subjects tie with this one after the whole tie-break chain (0: none);
    /// they share its rank. A count, not a list, so that a report grows with the panel and
    /// not with the square of a tie.
    #[serde(default, skip_serializing_if = "is_zero")]
    #[schemars(with = "Option<crate::kinds::Count>")]
    pub tied: usize,
    /// NIH-style percentile: `ceil(100 · (rank - 0.5) / N)`, 1..99, lower is better.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub percentile: Option<u32>,
    /// Selected or not, and why.
    pub decision: Decision,
}

/// Whether a subject could be scored.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum SubjectStatus {
    /// Enough valid assessors.
    Scored,
    /// Fewer valid assessors than the rules require: not scored.
    Insufficient,
}

crate::label::labels!(SubjectStatus, "subject status" {
    Scored => "scored", "Scored";
    Insufficient => "insufficient", "Insufficient";
});

/// One assessor of one subject.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct AssessorEntry {
    /// The assessor's id.
    pub id: String,
    /// Stakeholder group.
    pub stakeholder_group: StakeholderGroup,
    /// Region.
    pub region: Region,
    /// Role.
    pub role: Role,
    /// Whether the assessment counts for this subject.
    pub included: bool,
    /// Why it does not count (conflict of interest, incomplete).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub excluded_because: Option<String>,
    /// The assessor's own total.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total: Option<Score>,
    /// The total after calibration, where the assessor was calibrated.
    #[serde(
        default,
        with = "exact::option",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(with = "Option<crate::kinds::Decimal>")]
    pub calibrated_total: Option<Decimal>,
    /// The assessor's comments on criteria, in rubric order, for the consensus discussion.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub comments: Vec<CriterionComment>,
    /// The assessor's answers to the three BPF questions.
    #[serde(default, skip_serializing_if = "Lessons::is_empty")]
    pub lessons: Lessons,
}

/// An assessor's comment on one criterion.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct CriterionComment {
    /// The criterion's id.
    pub criterion: String,
    /// The comment.
    pub comment: String,
}

/// A consensus score and the computed value it replaced.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct ConsensusRecord {
    /// The criterion agreed; absent for the total.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub criterion: Option<String>,
    /// The computed value (criterion: combined raw value; total: combined total).
    #[serde(
        default,
        with = "exact::option",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(with = "Option<crate::kinds::Decimal>")]
    pub computed: Option<Decimal>,
    /// The agreed value.
    #[serde(with = "exact")]
    #[schemars(with = "crate::kinds::Decimal")]
    pub agreed: Decimal,
    /// Who recorded it.
    pub recorded_by: String,
    /// The note recorded with it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// One criterion combined across a subject's included assessors.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct CriterionAggregate {
    /// The criterion's id.
    pub id: String,
    /// Number of assessors who scored it.
    pub n: usize,
    /// The combined normalised score in `[0, 1]` (after any consensus).
    #[serde(
        default,
        with = "exact::option",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(with = "Option<crate::kinds::Decimal>")]
    pub normalised: Option<Decimal>,
    /// The combined raw answer in the criterion's own units (leaves only; after any consensus).
    #[serde(
        default,
        with = "exact::option",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(with = "Option<crate::kinds::Decimal>")]
    pub raw: Option<Decimal>,
    /// Spread of the normalised scores.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub spread: Option<Spread>,
    /// Whether the assessors differ by more than the rules allow: discuss it.
    pub divergent: bool,
}

/// Selected or not, and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct Decision {
    /// Whether the subject is selected.
    pub selected: bool,
    /// The rule that decided.
    pub reason: DecisionReason,
    /// The rule and the numbers, in a sentence.
    pub explanation: String,
}

/// The rule behind a [`Decision`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum DecisionReason {
    /// Eligible, meets the threshold, and ranked within capacity.
    Selected,
    /// Too few valid assessors.
    Insufficient,
    /// A gate failed.
    Ineligible,
    /// The total misses the panel's threshold.
    BelowThreshold,
    /// Ranked below the capacity.
    BelowCapacity,
    /// Tied with others across the capacity boundary: the panel must decide.
    TiedAtCapacity,
}

crate::label::labels!(DecisionReason, "decision reason" {
    Selected => "selected", "Selected";
    Insufficient => "insufficient", "Too few valid assessors";
    Ineligible => "ineligible", "Ineligible";
    BelowThreshold => "below_threshold", "Below the threshold";
    BelowCapacity => "below_capacity", "Below the capacity";
    TiedAtCapacity => "tied_at_capacity", "Tied at the capacity";
});

/// Whether an assessor was calibrated.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct CalibrationEntry {
    /// The assessor's id.
    pub assessor: String,
    /// How many subjects the assessor validly scored.
    pub subjects: usize,
    /// Whether the assessor's totals were calibrated.
    pub calibrated: bool,
    /// The assessor's mean total.
    #[serde(with = "exact")]
    #[schemars(with = "crate::kinds::Decimal")]
    pub mean: Decimal,
    /// The assessor's sample standard deviation, where defined.
    #[serde(
        default,
        with = "exact::option",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(with = "Option<crate::kinds::Decimal>")]
    pub sd: Option<Decimal>,
    /// Why not, where not.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

/// Agreement among the panel's assessors.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct PanelReliability {
    /// Krippendorff's alpha (interval) of the assessors' totals, subjects as units.
    pub totals_alpha: Coefficient,
    /// Krippendorff's alpha (ordinal) of the bands the assessors' totals fall in: agreement on
    /// the decision a rubric's bands stand for (absent when the rubric has no bands).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bands_alpha: Option<Coefficient>,
    /// Chance-corrected agreement on the bands, a categorical decision: Gwet's AC1, Fleiss'
    /// kappa and Gwet's AC2 with ordinal weights over the bands' order, each with its standard
    /// error and interval (empty without bands, or when the bands give no value; see
    /// [`chance_corrected`](crate::reliability::chance_corrected)).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub bands_agreement: Vec<crate::reliability::Agreement>,
    /// The six ICCs of the totals, over the assessors who scored every scored subject.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub totals_icc: Vec<Icc>,
    /// Which assessors the ICCs leave out, or why they are absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub icc_note: Option<String>,
    /// Krippendorff's alpha (interval) of each scored criterion's normalised scores.
    pub criteria_alpha: Vec<CriterionAlpha>,
}

/// A reliability coefficient, or why it has no value.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct Coefficient {
    /// The value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<f64>,
    /// Its band.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interpretation: Option<Interpretation>,
    /// Why there is no value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl Coefficient {
    /// The figure a request did not ask for.
    pub(crate) fn not_requested() -> Coefficient {
        Coefficient {
            value: None,
            interpretation: None,
            note: Some("not requested".to_owned()),
        }
    }
}

/// Alpha of one criterion.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct CriterionAlpha {
    /// The criterion's id.
    pub criterion: String,
    /// Its alpha.
    pub alpha: Coefficient,
}

/// Mean totals by stakeholder group and by region.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct Breakdown {
    /// By the assessors' stakeholder group.
    pub stakeholder_groups: Vec<GroupMean>,
    /// By the assessors' region.
    pub regions: Vec<GroupMean>,
}

/// How one group of assessors scored.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct GroupMean {
    /// The group (stakeholder group or region id).
    pub group: String,
    /// Number of included assessments.
    pub assessments: usize,
    /// Their mean total.
    #[serde(with = "exact")]
    #[schemars(with = "crate::kinds::Decimal")]
    pub mean_total: Decimal,
    /// Their mean difference from the subject's combined (computed) total: positive means this
    /// group scores above the panel.
    #[serde(with = "exact")]
    #[schemars(with = "crate::kinds::Decimal")]
    pub mean_difference: Decimal,
}

/// Read and written as a [`Document`](crate::Document).
///
/// Reads a panel report written by this crate (or by a later release of the same format
/// version: fields it adds to the report's own objects are ignored).
///
/// # Errors
/// [`Error::Json`](crate::error::Error::Json) for malformed JSON or a missing or mistyped field;
/// [`Error::UnsupportedFormat`](crate::error::Error::UnsupportedFormat) for another format version.
impl crate::document::Document for PanelReport {
    const NAME: &'static str = "panel-report";

    fn format_version(&self) -> u32 {
        self.format_version
    }

    /// Checks the report's version, its total scale and the panel rules it repeats.
    fn check(&self) -> Result<(), crate::error::Error> {
        crate::document::check_format(self.format_version)?;
        let root = crate::error::Path::root();
        self.scale.validate(&root.key("scale"))?;
        self.rules.check_own(&root.key("rules"))
    }
}

impl crate::document::sealed::Sealed for PanelReport {
    const WRITTEN: bool = true;
}
