//! Assessments: one assessor's answers about one subject (a proposal or a BPF outcome) under
//! one rubric, with the conflict-of-interest declaration and the three BPF questions.
//!
//! ```
//! use igf_rubric::{Document, AnswerValue, Assessment, Assessor, Region, Role, StakeholderGroup, Subject, presets};
//!
//! let rubric = presets::bpf_proposal();
//! let assessor = Assessor::new("mag-07", StakeholderGroup::TechnicalCommunity, Region::WesternEuropeanAndOthers, Role::MagMember);
//! let sheet = Assessment::new(rubric, Subject::new("bpf-ixps-2016", "BPF on IXPs", 2016), assessor)
//!     .answer("P1", AnswerValue::Scale(4.into()))
//!     .answer_with_comment("P2", AnswerValue::Level("defined".into()), "milestones by month")
//!     .build()?;
//! assert_eq!(sheet.answers.len(), 2);
//! // The same assessment, as the JSON a form sends:
//! assert_eq!(Assessment::from_json(&sheet.to_json()?)?, sheet);
//! # Ok::<(), igf_rubric::Error>(())
//! ```

mod answer;
mod assessor;
mod build;

use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

pub use answer::{Answer, AnswerValue, Derivation, Distribution};
pub use assessor::{Assessor, Region, Role, StakeholderGroup};

use crate::document::{FORMAT_VERSION, check_format, check_id_at, check_ids};
use crate::error::{Error, Path};
use crate::rubric::{RubricKind, RubricRef};

/// One assessor's assessment of one subject.
///
/// Loading with [`Assessment::from_json`](crate::Document::from_json) checks what the document says on its own (format,
/// ids, no criterion answered twice); [`Rubric::score`](crate::Rubric::score) checks it against
/// its rubric (ids, versions, answer types and ranges, required answers).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "Assessment")]
pub struct Assessment {
    /// Version of the document format; 1.
    #[serde(default = "format_version")]
    #[schemars(extend("const" = 1))]
    pub format_version: u32,
    /// The rubric the assessment answers.
    pub rubric: RubricRef,
    /// Whether this is a proposal (ex ante) or outcome (ex post) assessment; must match the
    /// rubric's kind.
    pub kind: RubricKind,
    /// What is assessed.
    pub subject: Subject,
    /// Who assessed it.
    pub assessor: Assessor,
    /// The assessor's conflict-of-interest declaration.
    pub conflict_of_interest: ConflictOfInterest,
    /// One answer per criterion.
    #[serde(deserialize_with = "answers")]
    pub answers: Vec<Answer>,
    /// The three standing BPF questions.
    #[serde(default, skip_serializing_if = "Lessons::is_empty")]
    pub lessons: Lessons,
}

/// Reads the answers into room for a typical rubric's worth at once, rather than growing the
/// list from nothing (three allocations and two copies for twelve answers), then gives back
/// what was not used.
fn answers<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<Vec<Answer>, D::Error> {
    struct Answers;
    impl<'de> serde::de::Visitor<'de> for Answers {
        type Value = Vec<Answer>;
        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("a sequence of answers")
        }
        fn visit_seq<A: serde::de::SeqAccess<'de>>(
            self,
            mut seq: A,
        ) -> Result<Vec<Answer>, A::Error> {
            let mut answers = Vec::with_capacity(16);
            while let Some(answer) = seq.next_element()? {
                answers.push(answer);
            }
            // Give back the room not used (a shrink in place with the common allocators): a
            // panel keeps many assessments.
            answers.shrink_to_fit();
            Ok(answers)
        }
    }
    deserializer.deserialize_seq(Answers)
}

fn format_version() -> u32 {
    FORMAT_VERSION
}

/// The proposal or BPF assessed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Subject {
    /// Stable id, e.g. `bpf-ipv6-2016`.
    #[schemars(with = "crate::kinds::Id")]
    pub id: String,
    /// Title of the proposal or BPF.
    pub title: String,
    /// The IGF year the subject belongs to.
    pub year: u16,
}

/// A conflict-of-interest declaration.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ConflictOfInterest {
    /// Whether the assessor declares a conflict of interest with the subject.
    pub declared: bool,
    /// The nature of the conflict, where one is declared.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub statement: Option<String>,
}

/// Answers to the three standing BPF questions; kept and returned, never scored.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Lessons {
    /// What worked well.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub worked_well: Option<String>,
    /// What worked less well.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub worked_less_well: Option<String>,
    /// With hindsight, what would you have done differently.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub do_differently: Option<String>,
}

impl Lessons {
    /// Whether no question is answered.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.worked_well.is_none()
            && self.worked_less_well.is_none()
            && self.do_differently.is_none()
    }
}

impl Assessment {
    /// Checks the format version and the subject and assessor ids; scoring checks the answers
    /// as it resolves them.
    pub(crate) fn check_header(&self) -> Result<(), Error> {
        match self.header_errors().next() {
            Some(error) => Err(error),
            None => Ok(()),
        }
    }

    /// Every rule the assessment breaks whatever its rubric, in document order: the header,
    /// the rubric's id, a criterion answered twice, a percentage out of range.
    fn problems(&self) -> impl Iterator<Item = Error> {
        let list = Path::root().key("answers");
        let rubric = check_id_at(&self.rubric.id, || Path::root().key("rubric").key("id")).err();
        let twice = check_ids(
            self.answers.iter().map(|a| a.criterion.as_str()),
            "answer",
            |i, id| list.item(i, id).key("criterion"),
        )
        .err();
        let percents = self
            .answers
            .iter()
            .enumerate()
            .filter_map(move |(i, answer)| {
                let AnswerValue::Percent(value) = answer.value else {
                    return None;
                };
                (!(Decimal::ZERO..=Decimal::ONE_HUNDRED).contains(&value)).then(|| {
                    Error::OutOfRange {
                        path: Path::root()
                            .key("answers")
                            .item(i, &answer.criterion)
                            .key("value")
                            .key("percent"),
                        value,
                        min: Decimal::ZERO,
                        max: Decimal::ONE_HUNDRED,
                    }
                })
            });
        self.header_errors()
            .chain(rubric)
            .chain(twice)
            .chain(percents)
    }

    /// Every problem of the format version and the subject and assessor ids.
    pub(crate) fn header_errors(&self) -> impl Iterator<Item = Error> {
        let id_of = |whose: &str| Path::root().key(whose).key("id");
        [
            check_format(self.format_version),
            check_id_at(&self.subject.id, || id_of("subject")),
            check_id_at(&self.assessor.id, || id_of("assessor")),
        ]
        .into_iter()
        .filter_map(Result::err)
    }
}

/// Read and written as a [`Document`](crate::Document).
///
/// Loads an assessment from JSON and checks what it says on its own.
///
/// ```
/// use igf_rubric::{Document, AnswerValue, Assessment};
///
/// let assessment = Assessment::from_json(r#"{
///   "rubric": { "id": "bpf-outcome", "version": "1.0.0" }, "kind": "outcome",
///   "subject": { "id": "bpf-ixps-2015", "title": "IXPs", "year": 2015 },
///   "assessor": { "id": "sec-01", "stakeholder_group": "technical_community",
///                 "region": "other", "role": "secretariat" },
///   "conflict_of_interest": { "declared": false },
///   "answers": [ { "criterion": "O6", "value": { "level": "presented" } } ],
///   "lessons": { "worked_well": "indicators of a successful IXP" }
/// }"#)?;
/// assert_eq!(assessment.answers[0].value, AnswerValue::Level("presented".into()));
/// assert!(Assessment::from_json(r#"{"rubric": 1}"#).is_err());
/// # Ok::<(), igf_rubric::Error>(())
/// ```
///
/// # Errors
/// [`Error::Json`] for malformed JSON, wrong types, unknown or missing fields and inexact
/// numbers; [`Error::UnsupportedFormat`], [`Error::InvalidId`], and
/// [`Error::DuplicateId`] when a criterion is answered twice
/// (`answers[3](P2).criterion: duplicate answer id `P2` (first defined at answers[1](P2).criterion)`).
impl crate::document::Document for Assessment {
    const NAME: &'static str = "assessment";

    fn format_version(&self) -> u32 {
        self.format_version
    }

    /// Checks the rules an assessment must keep whatever its rubric.
    ///
    /// # Errors
    /// As for [`Assessment::from_json`](crate::Document::from_json), less the JSON errors.
    fn check(&self) -> Result<(), Error> {
        match self.problems().next() {
            Some(error) => Err(error),
            None => Ok(()),
        }
    }

    /// Every rule an assessment breaks whatever its rubric.
    ///
    /// # Errors
    /// As for [`Assessment::check`](crate::Document::check), every one found.
    fn check_all(&self) -> Result<(), Vec<Error>> {
        let errors: Vec<Error> = self.problems().collect();
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }
}

impl crate::document::sealed::Sealed for Assessment {}
