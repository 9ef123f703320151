//! Rounds of a report: its text (sections, findings, recommendations), the feedback received
//! on a draft with the disposition of each item, and the final text that applies it.
//!
//! ```
//! use igf_rubric::{Document, presets, feedback::{FeedbackRound, ReportText, Stage}};
//!
//! let draft = ReportText::from_json(include_str!("../examples/data/report-draft.json"))?;
//! let round = FeedbackRound::from_json(include_str!("../examples/data/feedback-round.json"))?;
//! let revision = draft.apply(&round, presets::bpf_proposal())?;
//! assert_eq!(revision.report.stage, Stage::Final);
//! assert_eq!(revision.applied.len() + revision.for_the_rubric.len() + revision.unchanged.len(), round.items.len());
//! # Ok::<(), igf_rubric::Error>(())
//! ```

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::assessment::{Role, StakeholderGroup};
use crate::document::{check_format, check_id, check_ids};
use crate::error::{Error, Path};
use crate::evidence::Date;
use crate::rubric::Rubric;

/// The text of a report that takes feedback: sections, findings and recommendations, each
/// with an id feedback can point to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "ReportText")]
pub struct ReportText {
    /// Version of the document format; 1.
    #[serde(default = "format_version")]
    #[schemars(extend("const" = 1))]
    pub format_version: u32,
    /// The report's title.
    pub title: String,
    /// Draft or final.
    pub stage: Stage,
    /// The date of this text, where given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
    /// Sections of prose, in reading order.
    #[serde(default)]
    pub sections: Vec<Section>,
    /// What the evidence shows.
    #[serde(default)]
    pub findings: Vec<Finding>,
    /// What the report recommends, each resting on findings.
    #[serde(default)]
    pub recommendations: Vec<Recommendation>,
}

fn format_version() -> u32 {
    crate::document::FORMAT_VERSION
}

/// Draft or final.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    /// Published for comment.
    Draft,
    /// Published after the feedback was taken into account.
    Final,
}

crate::label::labels!(Stage, "stage" {
    Draft => "draft", "Draft";
    Final => "final", "Final";
});

/// A section of prose.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Section {
    /// Id, unique among sections.
    #[schemars(with = "crate::kinds::Id")]
    pub id: String,
    /// Heading.
    pub title: String,
    /// The prose (Markdown).
    pub text: String,
}

/// A finding.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Finding {
    /// Id, unique among findings.
    #[schemars(with = "crate::kinds::Id")]
    pub id: String,
    /// What was found.
    pub text: String,
    /// Themes of the consultation the finding rests on.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub themes: Vec<String>,
}

/// A recommendation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Recommendation {
    /// Id, unique among recommendations.
    #[schemars(with = "crate::kinds::Id")]
    pub id: String,
    /// What is recommended.
    pub text: String,
    /// Ids of the findings it rests on.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub findings: Vec<String>,
}

/// The feedback received on a draft in one round, each item with its disposition.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "FeedbackRound")]
pub struct FeedbackRound {
    /// Version of the document format; 1.
    #[serde(default = "format_version")]
    #[schemars(extend("const" = 1))]
    pub format_version: u32,
    /// Id of the round, e.g. `mag-june-2020`.
    #[schemars(with = "crate::kinds::Id")]
    pub id: String,
    /// What the round was, e.g. "MAG and public comment on the draft, June-August 2020".
    pub title: String,
    /// The day the round closed, `YYYY-MM-DD`: the final text that applies it is dated by it
    /// (absent: the final text carries no date).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub closed: Option<Date>,
    /// Every item received, in the order received.
    pub items: Vec<FeedbackItem>,
}

/// One piece of feedback.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(extend("allOf" = [
    {
        "if": { "properties": { "disposition": { "enum": ["partly_accepted", "not_accepted"] } } },
        "then": {
            "required": ["reason"],
            "properties": { "reason": { "type": "string", "pattern": "\\S" } }
        }
    },
    {
        "if": { "properties": { "disposition": { "enum": ["not_accepted", "pending"] } } },
        "then": { "properties": { "revision": { "type": "null" } } }
    }
]))]
pub struct FeedbackItem {
    /// Id, unique in the round.
    #[schemars(with = "crate::kinds::Id")]
    pub id: String,
    /// Who sent it.
    pub author: FeedbackAuthor,
    /// What it is about.
    pub on: FeedbackTarget,
    /// The feedback, as received.
    pub text: String,
    /// What was done with it.
    pub disposition: Disposition,
    /// Why it was accepted only in part, or not at all (required then).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// The new text of the finding, recommendation or section, where the item changes it
    /// (accepted or partly accepted items only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revision: Option<String>,
}

/// Who sent a feedback item.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FeedbackAuthor {
    /// Stable id (not necessarily a name).
    #[schemars(with = "crate::kinds::Id")]
    pub id: String,
    /// Name, where it may be shown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Their stakeholder group.
    pub stakeholder_group: StakeholderGroup,
    /// Their role (a MAG member, a coordinator...), where known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<Role>,
}

/// What a feedback item is about.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "type", content = "id", rename_all = "snake_case")]
pub enum FeedbackTarget {
    /// A criterion of the rubric under discussion.
    Criterion(#[schemars(with = "crate::kinds::Id")] String),
    /// A finding of the report.
    Finding(#[schemars(with = "crate::kinds::Id")] String),
    /// A recommendation of the report.
    Recommendation(#[schemars(with = "crate::kinds::Id")] String),
    /// A section of the report.
    Section(#[schemars(with = "crate::kinds::Id")] String),
}

impl FeedbackTarget {
    /// What kind of thing, in words: `criterion`, `finding`, `recommendation`, `section`.
    #[must_use]
    pub fn kind(&self) -> &'static str {
        match self {
            FeedbackTarget::Criterion(_) => "criterion",
            FeedbackTarget::Finding(_) => "finding",
            FeedbackTarget::Recommendation(_) => "recommendation",
            FeedbackTarget::Section(_) => "section",
        }
    }

    /// The id pointed to.
    #[must_use]
    pub fn id(&self) -> &str {
        match self {
            FeedbackTarget::Criterion(id)
            | FeedbackTarget::Finding(id)
            | FeedbackTarget::Recommendation(id)
            | FeedbackTarget::Section(id) => id,
        }
    }
}

/// What was done with a feedback item.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Disposition {
    /// Taken up as proposed.
    Accepted,
    /// Taken up in part; the reason says what was not.
    PartlyAccepted,
    /// Not taken up; the reason says why.
    NotAccepted,
    /// Not yet decided.
    Pending,
}

crate::label::labels!(Disposition, "disposition" {
    Accepted => "accepted", "Accepted";
    PartlyAccepted => "partly_accepted", "Partly accepted";
    NotAccepted => "not_accepted", "Not accepted";
    Pending => "pending", "Pending";
});

/// The final text, and what each feedback item did to it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct Revision {
    /// The text with every accepted revision applied, at the final stage.
    pub report: ReportText,
    /// Items that changed the text: the item's id, the target, and the text before.
    pub applied: Vec<AppliedItem>,
    /// Accepted or partly accepted items on rubric criteria: they go to the rubric's next
    /// version, not into the text.
    pub for_the_rubric: Vec<String>,
    /// Items that changed nothing: not accepted, or accepted without a revision.
    pub unchanged: Vec<String>,
}

/// One revision applied.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct AppliedItem {
    /// The feedback item's id.
    pub item: String,
    /// What it changed.
    pub on: FeedbackTarget,
    /// The text before.
    pub before: String,
    /// The text after.
    pub after: String,
}

impl ReportText {
    /// Applies a feedback round: each accepted or partly accepted item with a revision replaces
    /// the text of its finding, recommendation or section; items on rubric criteria are listed
    /// for the rubric's next version. The result is at the final stage, dated by the day the
    /// round closed.
    ///
    /// # Errors
    /// [`Error::Inconsistent`] when the round closed before the draft's date, when an item is
    /// still pending (a final text takes every item into account) or carries a revision for a
    /// criterion; [`Error::UnknownCriterion`] and
    /// [`Error::UnknownName`] when an item points at something neither the
    /// rubric nor the text has, each at `items[i].on.id`.
    pub fn apply(&self, round: &FeedbackRound, rubric: &Rubric) -> Result<Revision, Error> {
        if let (Some(draft), Some(closed)) = (self.date, round.closed)
            && closed < draft
        {
            return Err(Error::Inconsistent {
                path: Path::root().key("closed"),
                problem: format!(
                    "the round closed on {closed}, before the draft it comments on ({draft})"
                ),
            });
        }
        let mut report = self.clone();
        report.stage = Stage::Final;
        report.date = round.closed;
        let mut revision = Revision {
            report,
            applied: Vec::new(),
            for_the_rubric: Vec::new(),
            unchanged: Vec::new(),
        };
        for (i, item) in round.items.iter().enumerate() {
            let here = Path::root().key("items").item(i, &item.id);
            let target_at = here.key("on").key("id");
            if item.disposition == Disposition::Pending {
                return Err(Error::Inconsistent {
                    path: here.key("disposition"),
                    problem: format!(
                        "item `{}` is still pending; decide it before the final text",
                        item.id
                    ),
                });
            }
            let taken = matches!(
                item.disposition,
                Disposition::Accepted | Disposition::PartlyAccepted
            );
            let slot: Option<&mut String> = match &item.on {
                FeedbackTarget::Criterion(id) => {
                    if rubric.criterion(id).is_none() {
                        return Err(rubric.unknown_criterion(id, target_at, false));
                    }
                    if item.revision.is_some() {
                        return Err(Error::Inconsistent {
                            path: here.key("revision"),
                            problem: "a criterion is revised in the rubric's next version, not in the report's text".to_owned(),
                        });
                    }
                    if taken {
                        revision.for_the_rubric.push(item.id.clone());
                    } else {
                        revision.unchanged.push(item.id.clone());
                    }
                    continue;
                }
                FeedbackTarget::Finding(id) => {
                    find_text(&mut revision.report.findings, id, "finding", &target_at)?
                }
                FeedbackTarget::Recommendation(id) => find_text(
                    &mut revision.report.recommendations,
                    id,
                    "recommendation",
                    &target_at,
                )?,
                FeedbackTarget::Section(id) => {
                    find_text(&mut revision.report.sections, id, "section", &target_at)?
                }
            };
            match (slot, &item.revision, taken) {
                (Some(text), Some(new), true) => {
                    let before = std::mem::replace(text, new.clone());
                    revision.applied.push(AppliedItem {
                        item: item.id.clone(),
                        on: item.on.clone(),
                        before,
                        after: new.clone(),
                    });
                }
                _ => revision.unchanged.push(item.id.clone()),
            }
        }
        Ok(revision)
    }
}

/// A part of the report text feedback can revise.
trait Revisable {
    fn id(&self) -> &str;
    fn text_mut(&mut self) -> &mut String;
}

macro_rules! revisable {
    ($($ty:ty),*) => {$(
        impl Revisable for $ty {
            fn id(&self) -> &str {
                &self.id
            }

            fn text_mut(&mut self) -> &mut String {
                &mut self.text
            }
        }
    )*};
}

revisable!(Section, Finding, Recommendation);

/// The text of the part with id `id`, or the error naming the ids there are.
fn find_text<'a, T: Revisable>(
    items: &'a mut [T],
    id: &str,
    what: &'static str,
    at: &Path,
) -> Result<Option<&'a mut String>, Error> {
    if !items.iter().any(|item| item.id() == id) {
        let ids: Vec<&str> = items.iter().map(Revisable::id).collect();
        return Err(crate::error::unknown_name(Some(at.clone()), what, id, ids));
    }
    Ok(items
        .iter_mut()
        .find(|item| item.id() == id)
        .map(Revisable::text_mut))
}

impl FeedbackRound {}

/// Read and written as a [`Document`](crate::Document).
///
/// Loads a report text and checks it: ids unique per kind, every finding a recommendation
/// names exists.
///
/// # Errors
/// [`Error::Json`] for malformed JSON and unknown or missing fields;
/// [`Error::UnknownName`] for a finding a recommendation names that does not exist;
/// [`Error::UnsupportedFormat`], [`Error::InvalidId`], [`Error::DuplicateId`].
impl crate::document::Document for ReportText {
    const NAME: &'static str = "report-text";

    fn format_version(&self) -> u32 {
        self.format_version
    }

    /// Checks what [`ReportText::from_json`](crate::Document::from_json) checks.
    ///
    /// # Errors
    /// As for [`ReportText::from_json`](crate::Document::from_json), less the JSON errors.
    fn check(&self) -> Result<(), Error> {
        let root = Path::root();
        check_format(self.format_version)?;
        check_ids(
            self.sections.iter().map(|s| s.id.as_str()),
            "section",
            |i, id| root.key("sections").item(i, id).key("id"),
        )?;
        check_ids(
            self.findings.iter().map(|s| s.id.as_str()),
            "finding",
            |i, id| root.key("findings").item(i, id).key("id"),
        )?;
        check_ids(
            self.recommendations.iter().map(|s| s.id.as_str()),
            "recommendation",
            |i, id| root.key("recommendations").item(i, id).key("id"),
        )?;
        let findings = self.findings.iter().map(|f| f.id.as_str());
        for (i, recommendation) in self.recommendations.iter().enumerate() {
            let here = root
                .key("recommendations")
                .item(i, &recommendation.id)
                .key("findings");
            for (j, finding) in recommendation.findings.iter().enumerate() {
                if !findings.clone().any(|f| f == finding) {
                    return Err(crate::error::unknown_name(
                        Some(here.index(j)),
                        "finding",
                        finding,
                        findings.clone(),
                    ));
                }
            }
        }
        Ok(())
    }
}

impl crate::document::sealed::Sealed for ReportText {}

/// Read and written as a [`Document`](crate::Document).
///
/// Loads a feedback round and checks it: ids unique, a reason for every item not (or only
/// partly) accepted, revisions only on items taken up.
///
/// # Errors
/// [`Error::Json`] for malformed JSON and unknown or missing fields;
/// [`Error::UnsupportedFormat`], [`Error::InvalidId`], [`Error::DuplicateId`];
/// [`Error::MissingReason`]; [`Error::Inconsistent`] for a revision on an item not
/// taken up.
impl crate::document::Document for FeedbackRound {
    const NAME: &'static str = "feedback-round";

    fn format_version(&self) -> u32 {
        self.format_version
    }

    /// Checks what [`FeedbackRound::from_json`](crate::Document::from_json) checks.
    ///
    /// # Errors
    /// As for [`FeedbackRound::from_json`](crate::Document::from_json), less the JSON errors.
    fn check(&self) -> Result<(), Error> {
        let root = Path::root();
        check_format(self.format_version)?;
        check_id(&self.id, &root.key("id"))?;
        check_ids(
            self.items.iter().map(|s| s.id.as_str()),
            "feedback item",
            |i, id| root.key("items").item(i, id).key("id"),
        )?;
        for (i, item) in self.items.iter().enumerate() {
            let here = root.key("items").item(i, &item.id);
            check_id(&item.author.id, &here.key("author").key("id"))?;
            check_id(item.on.id(), &here.key("on").key("id"))?;
            let needs_reason = matches!(
                item.disposition,
                Disposition::PartlyAccepted | Disposition::NotAccepted
            );
            if needs_reason && item.reason.as_deref().is_none_or(|r| r.trim().is_empty()) {
                return Err(Error::MissingReason {
                    path: here.key("reason"),
                    what: format!(
                        "a feedback item {}",
                        item.disposition.label().to_lowercase()
                    ),
                });
            }
            let taken = matches!(
                item.disposition,
                Disposition::Accepted | Disposition::PartlyAccepted
            );
            if item.revision.is_some() && !taken {
                return Err(Error::Inconsistent {
                    path: here.key("revision"),
                    problem: format!(
                        "a revision on an item {} changes nothing",
                        item.disposition.label().to_lowercase()
                    ),
                });
            }
        }
        Ok(())
    }
}

impl crate::document::sealed::Sealed for FeedbackRound {}
