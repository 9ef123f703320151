//! The outcome record: the evidence of one BPF cycle, as the Secretariat or a coordinator
//! writes it down.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::Date;
use crate::assessment::{Distribution, Region, StakeholderGroup, Subject};
use crate::document::{check_format, check_id, check_ids};
use crate::error::{Error, Path};
use crate::num::exact;
use crate::rubric::UptakeLevel;

/// The evidence of one BPF and year: deliverables planned and delivered, key dates,
/// contributors, meetings, written contributions, partners and uptake, each with its source.
///
/// An outcome rubric's criteria that declare an [`Indicator`](crate::rubric::Indicator) take their
/// answers from it ([`Rubric::apply_evidence`](crate::Rubric::apply_evidence)), and a
/// proposal's [`Commitments`](crate::evidence::Commitments) are compared with it
/// ([`Commitments::compare`](crate::evidence::Commitments::compare)).
///
/// ```
/// use igf_rubric::Document;
/// use igf_rubric::evidence::OutcomeRecord;
///
/// let record = OutcomeRecord::from_json(include_str!(
///     "../../examples/data/evidence/cybersecurity-2019.json"
/// ))?;
/// assert_eq!(record.subject.year, 2019);
/// assert_eq!(record.delivered(), 3);
/// # Ok::<(), igf_rubric::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "OutcomeRecord")]
pub struct OutcomeRecord {
    /// Version of the document format; 1.
    #[serde(default = "format_version")]
    #[schemars(extend("const" = 1))]
    pub format_version: u32,
    /// The BPF and year the evidence is about.
    pub subject: Subject,
    /// Every deliverable the BPF planned, delivered or not.
    #[serde(default)]
    pub deliverables: Vec<Deliverable>,
    /// The key dates of the cycle.
    pub dates: KeyDates,
    /// Who contributed, counted by stakeholder group, region and gender.
    #[serde(default)]
    pub contributors: Contributors,
    /// Meetings held (virtual or in person), the annual-meeting session included.
    #[serde(with = "exact::count")]
    #[schemars(with = "crate::kinds::Count")]
    pub meetings_held: u64,
    /// Written contributions and case studies received.
    #[serde(with = "exact::count")]
    #[schemars(with = "crate::kinds::Count")]
    pub written_contributions: u64,
    /// Partner organisations that took part (expert communities, NRIs, RIRs...).
    #[serde(default)]
    pub partners: Vec<String>,
    /// Evidence that the output was taken up, each event with its source.
    #[serde(default)]
    pub uptake: Vec<UptakeEvent>,
    /// Where the figures come from, or a warning such as "illustrative figures".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

fn format_version() -> u32 {
    crate::document::FORMAT_VERSION
}

/// One deliverable a BPF planned.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Deliverable {
    /// Id, unique in the record.
    #[schemars(with = "crate::kinds::Id")]
    pub id: String,
    /// What it is, e.g. "Final report" or "Case-study collection".
    pub title: String,
    /// Whether it was delivered.
    pub delivered: bool,
    /// Where it is published, when delivered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// The dates of a BPF cycle that the metrics use.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct KeyDates {
    /// The first open call or kick-off meeting.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kick_off: Option<Date>,
    /// The draft output was published for comment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub draft_published: Option<Date>,
    /// The first day of the annual IGF meeting.
    pub annual_meeting: Date,
    /// The final output was published.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub final_published: Option<Date>,
}

/// Contributors counted three ways. Stakeholder groups and regions use the ids of
/// [`StakeholderGroup`] and [`Region`]; genders are the record's own categories.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Contributors {
    /// Contributors per stakeholder group.
    #[serde(default)]
    #[schemars(schema_with = "group_counts")]
    pub stakeholder_groups: Distribution,
    /// Contributors per regional group.
    #[serde(default)]
    #[schemars(schema_with = "region_counts")]
    pub regions: Distribution,
    /// Contributors per gender, as the record counts them (e.g. `women`, `men`, `undisclosed`).
    #[serde(default)]
    pub genders: Distribution,
}

fn group_counts(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
    counts_keyed_by(generator, StakeholderGroup::ALL.iter().map(|g| g.as_str()))
}

fn region_counts(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
    counts_keyed_by(generator, Region::ALL.iter().map(|r| r.as_str()))
}

/// A distribution whose keys are drawn from `names`.
fn counts_keyed_by<'a>(
    generator: &mut schemars::SchemaGenerator,
    names: impl Iterator<Item = &'a str>,
) -> schemars::Schema {
    let count = generator.subschema_for::<crate::kinds::Count>();
    let names: Vec<&str> = names.collect();
    schemars::json_schema!({
        "type": "object",
        "propertyNames": { "enum": names },
        "additionalProperties": count
    })
}

/// One piece of evidence that a BPF output was used beyond the IGF.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct UptakeEvent {
    /// How far the uptake went.
    pub level: UptakeLevel,
    /// What happened.
    pub description: String,
    /// Where it is documented: a link or a citation.
    pub source: String,
    /// When it happened, where known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
}

impl OutcomeRecord {
    fn check_dates(&self, at: &Path) -> Result<(), Error> {
        let d = &self.dates;
        let pairs = [
            ("kick_off", d.kick_off, "draft_published", d.draft_published),
            ("kick_off", d.kick_off, "final_published", d.final_published),
            (
                "draft_published",
                d.draft_published,
                "final_published",
                d.final_published,
            ),
            (
                "kick_off",
                d.kick_off,
                "annual_meeting",
                Some(d.annual_meeting),
            ),
        ];
        for (first_key, first, later_key, later) in pairs {
            if let (Some(first), Some(later)) = (first, later)
                && later < first
            {
                return Err(Error::Inconsistent {
                    path: at.key(later_key),
                    problem: format!("{later_key} {later} comes before {first_key} {first}"),
                });
            }
        }
        Ok(())
    }

    /// How many planned deliverables were delivered.
    #[must_use]
    pub fn delivered(&self) -> usize {
        self.deliverables.iter().filter(|d| d.delivered).count()
    }

    /// The highest rung of uptake evidence, with the event that reached it first in the record.
    #[must_use]
    pub fn highest_uptake(&self) -> Option<&UptakeEvent> {
        self.uptake.iter().rev().max_by_key(|event| event.level)
    }
}

/// Checks that every category of `counts` is one of `allowed`.
fn known<'a>(
    counts: &Distribution,
    allowed: impl Iterator<Item = &'a str> + Clone,
    what: &'static str,
    at: &Path,
) -> Result<(), Error> {
    match counts
        .categories()
        .find(|c| !allowed.clone().any(|id| id == *c))
    {
        Some(category) => Err(crate::error::unknown_name(
            Some(at.key(category)),
            what,
            category,
            allowed,
        )),
        None => Ok(()),
    }
}

/// Read and written as a [`Document`](crate::Document).
///
/// Loads an outcome record and checks it: ids, known stakeholder groups and regions, and
/// dates in order (kick-off before the draft, the draft before the final output).
///
/// # Errors
/// [`Error::Json`] for malformed JSON, unknown or missing fields and dates that do not
/// exist; [`Error::UnsupportedFormat`], [`Error::InvalidId`], [`Error::DuplicateId`];
/// [`Error::UnknownName`] for a stakeholder group or region that
/// is not one of the crate's; [`Error::Inconsistent`] for dates out of order.
impl crate::document::Document for OutcomeRecord {
    const NAME: &'static str = "outcome-record";

    fn format_version(&self) -> u32 {
        self.format_version
    }

    /// Checks what [`OutcomeRecord::from_json`](crate::Document::from_json) checks, for a record built in code.
    ///
    /// # Errors
    /// As for [`OutcomeRecord::from_json`](crate::Document::from_json), less the JSON errors.
    fn check(&self) -> Result<(), Error> {
        let root = Path::root();
        check_format(self.format_version)?;
        check_id(&self.subject.id, &root.key("subject").key("id"))?;
        for (i, deliverable) in self.deliverables.iter().enumerate() {
            check_id(
                &deliverable.id,
                &root.key("deliverables").item(i, &deliverable.id).key("id"),
            )?;
        }
        check_ids(
            self.deliverables.iter().map(|d| d.id.as_str()),
            "deliverable",
            |i, id| root.key("deliverables").item(i, id).key("id"),
        )?;
        let contributors = root.key("contributors");
        let groups = StakeholderGroup::ALL.iter().map(|g| g.as_str());
        known(
            &self.contributors.stakeholder_groups,
            groups,
            "stakeholder group",
            &contributors.key("stakeholder_groups"),
        )?;
        let regions = Region::ALL.iter().map(|r| r.as_str());
        known(
            &self.contributors.regions,
            regions,
            "region",
            &contributors.key("regions"),
        )?;
        self.check_dates(&root.key("dates"))
    }
}

impl crate::document::sealed::Sealed for OutcomeRecord {}
