//! Outcome evidence: the record of one BPF cycle, the indicators read from it, the answers
//! they give an outcome rubric, and the comparison of a proposal's promises with what came of
//! them.
//!
//! ```
//! use igf_rubric::{Document, AnswerValue, Assessment, presets, evidence::OutcomeRecord};
//!
//! // The Secretariat's record of the Cybersecurity BPF 2019, and an assessor's outcome sheet.
//! let record = OutcomeRecord::from_json(include_str!(
//!     "../../examples/data/evidence/cybersecurity-2019.json"
//! ))?;
//! let sheet = Assessment::from_json(include_str!(
//!     "../../examples/data/evidence/cybersecurity-2019-assessment.json"
//! ))?;
//! let rubric = presets::bpf_outcome();
//! // Criteria that declare an indicator take their answer from the record, with the working.
//! let filled = rubric.apply_evidence(&sheet, &record)?;
//! let lead = filled.answers.iter().find(|a| a.criterion == "O2a").map(|a| &a.value);
//! assert_eq!(lead, Some(&AnswerValue::Count(48)));
//! assert!(rubric.score(&filled)?.to_string().contains("computed: draft published 2019-10-08"));
//! # Ok::<(), igf_rubric::Error>(())
//! ```

mod date;
mod indicator;
mod record;
mod targets;

pub use date::Date;
pub use indicator::Reading;
pub use record::{Contributors, Deliverable, KeyDates, OutcomeRecord, UptakeEvent};
pub use targets::{Commitments, IndicatorResult, ResultsFramework, Target};

use crate::assessment::{Answer, AnswerValue, Assessment, Derivation, Distribution};
use crate::error::{Error, Path};
use crate::rubric::{Metric, Rubric};

impl Rubric {
    /// Fills the answers of an outcome assessment that the rubric computes from evidence.
    ///
    /// For every leaf that declares an [`Indicator`](crate::rubric::Indicator), the record's reading becomes the answer,
    /// with a [`Derivation`] that says how it was computed. An answer the assessor already gave
    /// to such a leaf stays when it equals the computed value or carries an
    /// `override_reason`; either way it records the derivation, so the scorecard shows both.
    /// Answers to other criteria, the lessons and the declaration are kept as they are.
    /// Applying again to the result changes nothing.
    ///
    /// A distribution answer keeps only the criterion's own categories; the basis names what
    /// it left out (e.g. contributors from academia under a five-group criterion).
    ///
    /// ```
    /// use igf_rubric::{Document, AnswerValue, Assessment, presets, evidence::OutcomeRecord};
    ///
    /// let rubric = presets::bpf_outcome();
    /// let record = OutcomeRecord::from_json(include_str!(
    ///     "../../examples/data/evidence/cybersecurity-2019.json"
    /// ))?;
    /// let sheet = Assessment::from_json(include_str!(
    ///     "../../examples/data/evidence/cybersecurity-2019-assessment.json"
    /// ))?;
    /// let filled = rubric.apply_evidence(&sheet, &record)?;
    /// let lead = filled.answers.iter().find(|a| a.criterion == "O2a").unwrap();
    /// assert_eq!(lead.value, AnswerValue::Count(48));
    /// let card = rubric.score(&filled)?;
    /// assert!(card.to_string().contains("computed: draft published 2019-10-08"));
    /// # Ok::<(), igf_rubric::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::Inconsistent`] when the record is about another BPF or year;
    /// [`Error::MissingReason`] when an assessor's answer differs from the computed value
    /// without an `override_reason`; [`Error::Overflow`] as for [`Indicator::read`](crate::rubric::Indicator::read).
    pub fn apply_evidence(
        &self,
        assessment: &Assessment,
        record: &OutcomeRecord,
    ) -> Result<Assessment, Error> {
        let (ours, theirs) = (&assessment.subject, &record.subject);
        if (&ours.id, ours.year) != (&theirs.id, theirs.year) {
            return Err(Error::Inconsistent {
                path: Path::root().key("subject"),
                problem: format!(
                    "the assessment is of `{}` ({}), but the outcome record is of `{}` ({})",
                    ours.id, ours.year, theirs.id, theirs.year
                ),
            });
        }
        let mut filled = assessment.clone();
        for leaf in self.leaves() {
            let (Some(indicator), Some(metric)) = (leaf.evidence, &leaf.metric) else {
                continue;
            };
            let reading = fit(indicator.read(record)?, metric);
            let derivation = Derivation {
                from: indicator,
                computed: reading.value.clone(),
                basis: reading.basis,
            };
            let given = filled
                .answers
                .iter_mut()
                .enumerate()
                .find(|(_, a)| a.criterion == leaf.id);
            match given {
                Some((i, answer)) => {
                    if answer.value != derivation.computed && answer.override_reason.is_none() {
                        return Err(Error::MissingReason {
                            path: Path::root()
                                .key("answers")
                                .item(i, &leaf.id)
                                .key("override_reason"),
                            what: format!(
                                "an answer of {} where the outcome record gives {} ({})",
                                answer.value, derivation.computed, derivation.basis
                            ),
                        });
                    }
                    answer.derivation = Some(Box::new(derivation));
                }
                None => {
                    let mut answer = Answer::new(leaf.id.clone(), derivation.computed.clone());
                    answer.derivation = Some(Box::new(derivation));
                    filled.answers.push(answer);
                }
            }
        }
        Ok(filled)
    }
}

/// Keeps a distribution reading to the metric's categories, naming what it leaves out.
fn fit(reading: Reading, metric: &Metric) -> Reading {
    let (AnswerValue::Distribution(counts), Metric::Distribution { categories, .. }) =
        (&reading.value, metric)
    else {
        return reading;
    };
    let outside: Vec<String> = counts
        .categories()
        .filter(|c| !categories.iter().any(|k| k == c))
        .map(|c| {
            let name = c
                .parse::<crate::assessment::StakeholderGroup>()
                .map(|g| g.label().to_owned());
            let name = name.or_else(|_| {
                c.parse::<crate::assessment::Region>()
                    .map(|r| r.label().to_owned())
            });
            format!(
                "{} {}",
                name.unwrap_or_else(|_| c.to_owned()),
                counts.get(c)
            )
        })
        .collect();
    if outside.is_empty() {
        return reading;
    }
    let kept = Distribution::new(
        counts
            .categories()
            .filter(|c| categories.iter().any(|k| k == c))
            .map(|c| (c.to_owned(), counts.get(c))),
    );
    Reading {
        value: AnswerValue::Distribution(kept),
        basis: format!(
            "{}; not among the criterion's categories, so left out: {}",
            reading.basis,
            outside.join(", ")
        ),
    }
}
