//! Scoring one assessment: the [`Scorecard`] with its full explanation.
//!
//! ```
//! use igf_rubric::{Document, Assessment, presets};
//!
//! let rubric = presets::bpf_proposal();
//! let sheet = Assessment::from_json(include_str!("../../examples/data/proposals/ixps-2016.json"))?;
//! let card = rubric.score(&sheet)?;
//! // The total as the rubric publishes it, its band, and every criterion's part in it...
//! let total = card.total.as_ref().map(|t| t.published.to_string());
//! assert!(card.band.is_some() && card.criteria.iter().any(|c| c.id == "P1"));
//! // ...and the bare total, without the explanation, for when only the number is wanted.
//! assert_eq!(rubric.total(&sheet)?.map(|t| t.published.to_string()), total);
//! # Ok::<(), igf_rubric::Error>(())
//! ```

mod answer;
mod assemble;
mod check;
mod engine;
mod explain;

pub(crate) use engine::{SheetScore, score_profile, score_sheet};

mod judge;
mod publish;
mod quick;
pub(crate) use judge::{
    Conflicts, YesAnswers, judge_gates, judge_minimum, judge_no_conflict, judge_requires_yes,
    judge_total, not_scored,
};

use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::assessment::{AnswerValue, Assessor, ConflictOfInterest, Lessons, Subject};
use crate::error::Error;
use crate::num::{Rounding, Score, exact};
use crate::rubric::RubricRef;
use crate::rubric::{RubricKind, TotalScale};

/// Decimal places at which criterion points (contributions to the total) are carried before
/// they are added up. At this precision, and with scale ends of at most 10^6, every sum of
/// points is exact, so contributions add up to the total to the last digit.
pub const POINTS_DECIMAL_PLACES: u32 = 22;

/// The result of scoring one assessment: the total, the band, eligibility, every gate and every
/// criterion with its answer, weights and contribution, and flags for anything left out.
///
/// All numbers are exact decimals; each [`Score`] also carries its value rounded and padded to
/// the rubric's declared decimal places. The scorecard serialises to JSON and reads back equal.
/// Its `Display` prints a readable explanation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[schemars(title = "Scorecard")]
#[non_exhaustive]
pub struct Scorecard {
    /// Version of the document format; 1.
    #[schemars(extend("const" = 1))]
    pub format_version: u32,
    /// The rubric used.
    pub rubric: RubricRef,
    /// Proposal or outcome.
    pub kind: RubricKind,
    /// What was assessed.
    pub subject: Subject,
    /// Who assessed it.
    pub assessor: Assessor,
    /// The assessor's declaration.
    pub conflict_of_interest: ConflictOfInterest,
    /// The range of the total.
    pub scale: TotalScale,
    /// How published numbers were rounded.
    pub rounding: Rounding,
    /// Whether the assessment could be scored; when false there is no total (see `flags`).
    pub complete: bool,
    /// The total on the rubric's scale: `scale.min` plus the sum of the contributions.
    pub total: Option<Score>,
    /// The band of the published total.
    pub band: Option<BandResult>,
    /// Whether the subject is eligible: complete, and every gate passed.
    pub eligible: bool,
    /// Each gate's result, in rubric order.
    pub gates: Vec<GateResult>,
    /// The criteria tree with each criterion's result, in rubric order.
    pub criteria: Vec<CriterionResult>,
    /// What the scoring had to do beyond the plain formula, in rubric order.
    pub flags: Vec<Flag>,
    /// The assessor's answers to the three BPF questions.
    #[serde(default, skip_serializing_if = "Lessons::is_empty")]
    pub lessons: Lessons,
}

impl Scorecard {}

/// The band a total falls in.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct BandResult {
    /// The band's id.
    pub id: String,
    /// The band's label.
    pub label: String,
}

/// The outcome of one gate.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct GateResult {
    /// The gate's id.
    pub id: String,
    /// The gate's label.
    pub label: String,
    /// Whether the gate passed.
    pub passed: bool,
    /// Why, with the numbers compared.
    pub reason: String,
}

/// How one criterion was scored.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct CriterionResult {
    /// The criterion's id.
    pub id: String,
    /// The criterion's name.
    pub name: String,
    /// What happened to it.
    pub status: CriterionStatus,
    /// The weight the rubric declares, relative to its siblings.
    #[serde(
        default,
        with = "exact::option",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(with = "Option<crate::kinds::Decimal>")]
    pub declared_weight: Option<Decimal>,
    /// Its share of the whole total, in `[0, 1]`, after renormalisation: the product of the
    /// normalised sibling weights from the top of the tree down.
    #[serde(with = "exact")]
    #[schemars(with = "crate::kinds::Decimal")]
    pub effective_weight: Decimal,
    /// The answer given (leaves only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub answer: Option<AnswerValue>,
    /// The assessor's comment (leaves only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
    /// How the answer was computed from an outcome record (leaves that declare evidence).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub derivation: Option<crate::assessment::Derivation>,
    /// Why the assessor replaced the computed answer, where they did.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub override_reason: Option<String>,
    /// The normalised score in `[0, 1]`: a leaf's answer through its metric, a group's weighted
    /// mean of its children. Absent when left out or unscored.
    #[serde(
        default,
        with = "exact::option",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(with = "Option<crate::kinds::Decimal>")]
    pub normalised: Option<Decimal>,
    /// Points this criterion adds to the total: `(max - min) x effective_weight x normalised`,
    /// carried at 22 decimal places; a group's is the sum of its children's.
    pub contribution: Score,
    /// The children of a group.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub criteria: Vec<CriterionResult>,
}

/// What happened to a criterion.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum CriterionStatus {
    /// Scored from its answer (or, for a group, from its children).
    Scored,
    /// Unable to assess or unanswered, scored 0 under the `count_as_minimum` policy.
    CountedAsMinimum,
    /// Left out of the total; its siblings' weights were renormalised.
    LeftOut,
    /// A free-text criterion: kept, never scored.
    Unscored,
}

crate::label::labels!(CriterionStatus, "criterion status" {
    Scored => "scored", "Scored";
    CountedAsMinimum => "counted_as_minimum", "Counted as its minimum";
    LeftOut => "left_out", "Left out";
    Unscored => "unscored", "Not scored";
});

/// Something the scoring did beyond the plain formula.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct Flag {
    /// What kind of event.
    pub kind: FlagKind,
    /// The criterion concerned, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub criterion: Option<String>,
    /// A sentence for readers.
    pub message: String,
}

/// The kinds of [`Flag`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum FlagKind {
    /// A criterion was left out (unable to assess, unanswered, or not applicable).
    LeftOut,
    /// A criterion was scored 0 because it could not be assessed.
    CountedAsMinimum,
    /// A group's weights were renormalised over the criteria still in.
    Renormalised,
    /// The assessment is incomplete because of this criterion (or because nothing weighted
    /// could be scored).
    Incomplete,
}

crate::label::labels!(FlagKind, "flag kind" {
    LeftOut => "left_out", "Left out";
    CountedAsMinimum => "counted_as_minimum", "Counted as its minimum";
    Renormalised => "renormalised", "Weights renormalised";
    Incomplete => "incomplete", "Incomplete";
});

impl crate::rubric::Rubric {
    /// Scores one assessment and explains the result.
    ///
    /// # Formula
    /// ```text
    /// s_i        normalised score of leaf i, in [0, 1] (see Metric)
    /// e_i        effective weight: product down the tree of w / Σ w over the siblings still in
    /// points_i = (max - min) · e_i · s_i              (carried at 22 decimal places)
    /// total    = min + Σ points_i
    /// ```
    /// Effective weights of siblings add up exactly to their parent's; the criterion with the
    /// largest share takes the last-digit residue of each division, and the criterion with the
    /// largest points takes that of the rounding to 22 places, so the points add up exactly to
    /// `total - min`. Rounding to the rubric's places happens only in `Score::published`.
    ///
    /// # Examples
    /// ```
    /// use igf_rubric::{Document, Assessment, Rubric};
    ///
    /// let rubric = Rubric::from_json(r#"{
    ///   "id": "demo", "version": "1", "title": "Demo", "kind": "proposal",
    ///   "criteria": [
    ///     { "id": "relevance", "name": "Relevance", "weight": 3,
    ///       "metric": { "type": "scale", "min": 1, "max": 5 } },
    ///     { "id": "partners", "name": "Partners", "weight": 1,
    ///       "metric": { "type": "count", "target": 3 } }
    ///   ]
    /// }"#)?;
    /// let assessment = Assessment::from_json(r#"{
    ///   "rubric": { "id": "demo", "version": "1" }, "kind": "proposal",
    ///   "subject": { "id": "bpf-ixps", "title": "IXPs", "year": 2015 },
    ///   "assessor": { "id": "a1", "stakeholder_group": "technical_community",
    ///                 "region": "african", "role": "mag_member" },
    ///   "conflict_of_interest": { "declared": false },
    ///   "answers": [
    ///     { "criterion": "relevance", "value": { "scale": 4 } },
    ///     { "criterion": "partners", "value": { "count": 2 } }
    ///   ]
    /// }"#)?;
    /// let card = rubric.score(&assessment)?;
    /// // 100 · (3/4 · 3/4 + 1/4 · 2/3) = 56.25 + 16.67 = 72.92
    /// assert_eq!(card.total.map(|t| t.published.to_string()).as_deref(), Some("72.92"));
    /// # Ok::<(), igf_rubric::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::RubricMismatch`] when the assessment names another rubric, version or kind;
    /// [`Error::UnknownCriterion`], [`Error::Mismatch`] (wrong answer type, an answer to a
    /// group, "not applicable" where not allowed), [`Error::OutOfRange`], [`Error::OffStep`],
    /// [`Error::UnknownChoice`] and [`Error::MissingAnswer`], each with the answer's path;
    /// [`Error::Overflow`] if decimal arithmetic overflows.
    pub fn score(&self, assessment: &crate::assessment::Assessment) -> Result<Scorecard, Error> {
        engine::score(self, assessment)
    }

    /// Scores an assessment the caller no longer needs: the scorecard of
    /// [`Rubric::score`](Self::score), with each answer, comment, derivation and override
    /// reason moved into it rather than copied. For scoring many documents as they are read.
    ///
    /// ```
    /// use igf_rubric::{Document, Assessment, presets};
    ///
    /// let rubric = presets::bpf_proposal();
    /// let text = std::fs::read_to_string(concat!(
    ///     env!("CARGO_MANIFEST_DIR"),
    ///     "/examples/data/proposals/ipv6-2016.json"
    /// ))?;
    /// let assessment = Assessment::from_json(&text)?;
    /// let copied = rubric.score(&assessment)?;
    /// assert_eq!(rubric.score_owned(assessment)?, copied);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    /// As for [`Rubric::score`](Self::score); the assessment is dropped (read it again from
    /// its document to report on it).
    pub fn score_owned(
        &self,
        assessment: crate::assessment::Assessment,
    ) -> Result<Scorecard, Error> {
        engine::score_owned(self, assessment)
    }

    /// The total of one assessment alone: the same checks and the same number as the `total`
    /// of [`Rubric::score`](Self::score), without the scorecard, its explanation, gates or
    /// band. For scoring many assessments where only the totals are needed.
    ///
    /// ```
    /// use igf_rubric::{Document, Assessment, presets};
    ///
    /// let rubric = presets::bpf_outcome();
    /// let text = std::fs::read_to_string(concat!(
    ///     env!("CARGO_MANIFEST_DIR"),
    ///     "/examples/data/outcomes/cybersecurity-2019.json"
    /// ))?;
    /// let assessment = Assessment::from_json(&text)?;
    /// let total = rubric.total(&assessment)?;
    /// assert_eq!(total, rubric.score(&assessment)?.total);
    /// assert_eq!(total.map(|t| t.published.to_string()).as_deref(), Some("80.08"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    /// As for [`Rubric::score`](Self::score).
    pub fn total(
        &self,
        assessment: &crate::assessment::Assessment,
    ) -> Result<Option<Score>, Error> {
        engine::total(self, assessment)
    }
}

/// Read and written as a [`Document`](crate::Document).
///
/// Reads a scorecard written by this crate (or by a later release of the same format
/// version: fields it adds to the scorecard's own objects are ignored).
///
/// ```
/// use igf_rubric::{Document, Assessment, Scorecard};
///
/// let rubric = igf_rubric::presets::bpf_proposal();
/// let json = include_str!("../../examples/data/proposals/ipv6-2016.json");
/// let card = rubric.score(&Assessment::from_json(json)?)?;
/// assert_eq!(Scorecard::from_json(&card.to_json()?)?, card);
/// # Ok::<(), igf_rubric::Error>(())
/// ```
///
/// # Errors
/// [`Error::Json`] for malformed JSON or a missing or mistyped field;
/// [`Error::UnsupportedFormat`] for another format version.
impl crate::document::Document for Scorecard {
    const NAME: &'static str = "scorecard";

    fn format_version(&self) -> u32 {
        self.format_version
    }

    /// Checks the scorecard's version and its total scale.
    fn check(&self) -> Result<(), Error> {
        crate::document::check_format(self.format_version)?;
        self.scale
            .validate(&crate::error::Path::root().key("scale"))?;
        Ok(())
    }
}

impl crate::document::sealed::Sealed for Scorecard {
    const WRITTEN: bool = true;
}
