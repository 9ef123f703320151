//! Promised against achieved: a proposal's targets set beside the outcome record of the same
//! BPF and year, row by row, as a results framework.

use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::OutcomeRecord;
use crate::assessment::Subject;
use crate::document::{check_format, check_id};
use crate::error::{Error, Path};
use crate::num::exact;
use crate::rubric::Indicator;

/// What a proposal promised: targets on indicators of the outcome record to come.
///
/// ```
/// use igf_rubric::{Document, evidence::{Commitments, OutcomeRecord}};
///
/// let promised = Commitments::from_json(include_str!(
///     "../../examples/data/commitments/cybersecurity-2019.json"
/// ))?;
/// let record = OutcomeRecord::from_json(include_str!(
///     "../../examples/data/evidence/cybersecurity-2019.json"
/// ))?;
/// let results = promised.compare(&record)?;
/// let lead = &results.rows[1];
/// assert_eq!(lead.label, "Days the draft preceded the annual meeting");
/// assert_eq!(lead.target.to_string(), "42");
/// assert_eq!(lead.achieved.map(|a| a.to_string()).as_deref(), Some("48"));
/// assert_eq!(lead.gap.map(|g| g.to_string()).as_deref(), Some("6"));
/// # Ok::<(), igf_rubric::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "Commitments")]
pub struct Commitments {
    /// Version of the document format; 1.
    #[serde(default = "format_version")]
    #[schemars(extend("const" = 1))]
    pub format_version: u32,
    /// The BPF and year the proposal is for.
    pub subject: Subject,
    /// The targets, in the order the proposal states them.
    #[schemars(length(min = 1))]
    pub targets: Vec<Target>,
}

fn format_version() -> u32 {
    crate::document::FORMAT_VERSION
}

/// One promise: a target on an indicator, with the baseline the proposal started from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Target {
    /// What is measured.
    #[serde(deserialize_with = "crate::json::exactly")]
    pub measure: Indicator,
    /// The value promised, in the indicator's units: a count, a percentage, 1 for yes, or the
    /// uptake rung (1 disseminated .. 4 practice). Reaching it or more meets it.
    #[serde(with = "exact")]
    #[schemars(with = "crate::kinds::NonNegativeDecimal")]
    pub target: Decimal,
    /// Where things stood when the proposal was written, where it says.
    #[serde(
        default,
        with = "exact::option",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(with = "Option<crate::kinds::NonNegativeDecimal>")]
    pub baseline: Option<Decimal>,
    /// The proposal's words for the promise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// The proposal's targets beside the outcome: one row per target.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[schemars(title = "ResultsFramework")]
#[non_exhaustive]
pub struct ResultsFramework {
    /// Version of the document format; 1.
    #[schemars(extend("const" = 1))]
    pub format_version: u32,
    /// The BPF and year.
    pub subject: Subject,
    /// One row per target, in the proposal's order.
    pub rows: Vec<IndicatorResult>,
    /// Rows whose target was met.
    pub met: usize,
    /// Rows the record could measure (the others lack the data, e.g. no draft date).
    pub measured: usize,
}

/// One indicator: baseline, target, achieved and the gap.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct IndicatorResult {
    /// What is measured.
    #[serde(deserialize_with = "crate::json::exactly")]
    pub measure: Indicator,
    /// Its name for people.
    pub label: String,
    /// Where things stood, as the proposal says.
    #[serde(
        default,
        with = "exact::option",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(with = "Option<crate::kinds::Decimal>")]
    pub baseline: Option<Decimal>,
    /// What was promised.
    #[serde(with = "exact")]
    #[schemars(with = "crate::kinds::Decimal")]
    pub target: Decimal,
    /// What the record shows; absent when it lacks the data.
    #[serde(
        default,
        with = "exact::option",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(with = "Option<crate::kinds::Decimal>")]
    pub achieved: Option<Decimal>,
    /// Achieved minus target: negative falls short.
    #[serde(
        default,
        with = "exact::option",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(with = "Option<crate::kinds::Decimal>")]
    pub gap: Option<Decimal>,
    /// Whether the target was met; absent when the record lacks the data.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub met: Option<bool>,
    /// How the achieved value was computed.
    pub basis: String,
    /// The proposal's words for the promise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl Commitments {
    /// Sets each target beside what the outcome record of the same BPF and year achieved.
    ///
    /// # Errors
    /// [`Error::Inconsistent`] when the record is about another BPF or year;
    /// [`Error::Overflow`] if a gap cannot be computed (values beyond 10^28).
    pub fn compare(&self, record: &OutcomeRecord) -> Result<ResultsFramework, Error> {
        let (ours, theirs) = (&self.subject, &record.subject);
        if (&ours.id, ours.year) != (&theirs.id, theirs.year) {
            return Err(Error::Inconsistent {
                path: Path::root().key("subject"),
                problem: format!(
                    "the commitments are for `{}` ({}), but the outcome record is of `{}` ({})",
                    ours.id, ours.year, theirs.id, theirs.year
                ),
            });
        }
        let mut rows = Vec::with_capacity(self.targets.len());
        for (i, target) in self.targets.iter().enumerate() {
            let here = Path::root().key("targets").item(i, target.measure.name());
            let (achieved, basis) = target.measure.number(record).map_err(|e| e.at(&here))?;
            let gap = achieved
                .map(|a| {
                    a.checked_sub(target.target).ok_or(Error::Overflow {
                        path: here.key("target"),
                        operation: "computing a gap",
                    })
                })
                .transpose()?;
            rows.push(IndicatorResult {
                measure: target.measure,
                label: target.measure.label(),
                baseline: target.baseline,
                target: target.target,
                achieved,
                gap: gap.map(|g| g.normalize()),
                met: achieved.map(|a| a >= target.target),
                basis,
                note: target.note.clone(),
            });
        }
        Ok(ResultsFramework {
            format_version: crate::document::FORMAT_VERSION,
            subject: self.subject.clone(),
            met: rows.iter().filter(|r| r.met == Some(true)).count(),
            measured: rows.iter().filter(|r| r.achieved.is_some()).count(),
            rows,
        })
    }
}

/// Read and written as a [`Document`](crate::Document).
///
/// Loads a proposal's commitments and checks each target against its indicator.
///
/// # Errors
/// [`Error::Json`] for malformed JSON and unknown or missing fields;
/// [`Error::UnsupportedFormat`], [`Error::InvalidId`]; [`Error::TooFew`] without targets;
/// [`Error::Inconsistent`] for a target
/// on a distribution; [`Error::OutOfRange`] for a target or baseline beyond what the
/// indicator can reach (100 for a percentage, 1 for yes/no, 4 for uptake).
impl crate::document::Document for Commitments {
    const NAME: &'static str = "commitments";

    fn format_version(&self) -> u32 {
        self.format_version
    }

    /// Checks what [`Commitments::from_json`](crate::Document::from_json) checks, for commitments built in code.
    ///
    /// # Errors
    /// As for [`Commitments::from_json`](crate::Document::from_json), less the JSON errors.
    fn check(&self) -> Result<(), Error> {
        let root = Path::root();
        check_format(self.format_version)?;
        check_id(&self.subject.id, &root.key("subject").key("id"))?;
        if self.targets.is_empty() {
            return Err(Error::TooFew {
                path: root.key("targets"),
                what: "targets",
                min: 1,
                found: 0,
            });
        }
        for (i, target) in self.targets.iter().enumerate() {
            let here = root.key("targets").item(i, target.measure.name());
            let ceiling = match target.measure.answer_type() {
                "distribution" => {
                    return Err(
                        super::indicator::no_single_number(target.measure).at(&here.key("measure"))
                    );
                }
                "percent" => Some(Decimal::ONE_HUNDRED),
                "yes_no" => Some(Decimal::ONE),
                "level" => Some(Decimal::from(4)),
                _ => None,
            };
            let values = std::iter::once(("target", Some(target.target)))
                .chain([("baseline", target.baseline)]);
            for (key, value) in values {
                let Some(value) = value else { continue };
                let max = ceiling.unwrap_or(Decimal::MAX);
                if value < Decimal::ZERO || value > max {
                    return Err(Error::OutOfRange {
                        path: here.key(key),
                        value,
                        min: Decimal::ZERO,
                        max,
                    });
                }
            }
        }
        Ok(())
    }
}

impl crate::document::sealed::Sealed for Commitments {}

impl crate::document::sealed::Sealed for ResultsFramework {
    const WRITTEN: bool = true;
}

impl crate::document::Document for ResultsFramework {
    const NAME: &'static str = "results-framework";

    fn format_version(&self) -> u32 {
        self.format_version
    }
}
