//! Evidence indicators as a rubric declares them: which number of an outcome record feeds a
//! criterion's answer, and the rungs of uptake evidence. Reading them from a record is the
//! evidence module's job.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::Metric;
use crate::error::{Error, Path};
use crate::num::exact;

/// A number an [`OutcomeRecord`](crate::evidence::OutcomeRecord) yields, named so a rubric criterion can take its answer from
/// it (`"evidence": {"indicator": "delivery_rate"}`) and a proposal can set a target on it.
///
/// | indicator | answer | computed as |
/// |---|---|---|
/// | `final_published` | yes/no | the record has a final-output date |
/// | `final_within_days` (`days`) | yes/no | final output at most `days` after the annual meeting's first day |
/// | `deliverables_delivered` | count | deliverables marked delivered |
/// | `delivery_rate` | percent | delivered / planned x 100, at 10 places (half-even) |
/// | `draft_lead_days` | count | days from the draft to the annual meeting; 0 when the draft came later |
/// | `meetings_held`, `written_contributions`, `partners` | count | as recorded |
/// | `contributors_by_group`, `contributors_by_region`, `contributors_by_gender` | distribution | contributor counts |
/// | `groups_represented`, `regions_represented` | count | stakeholder groups or regions with at least one contributor |
/// | `highest_uptake` | level | the highest [`UptakeLevel`] reached, or `none` |
///
/// Where the record lacks what an indicator needs (no planned deliverables, no draft date),
/// the answer is "unable to assess", and the basis says why.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "indicator", rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum Indicator {
    /// Whether the final output is published.
    #[serde(deserialize_with = "crate::json::no_fields")]
    FinalPublished,
    /// Whether the final output came at most `days` after the annual meeting began.
    FinalWithinDays {
        /// The allowed delay in days.
        #[serde(with = "exact::count")]
        #[schemars(with = "crate::kinds::Count")]
        days: u64,
    },
    /// Deliverables delivered.
    #[serde(deserialize_with = "crate::json::no_fields")]
    DeliverablesDelivered,
    /// Share of the planned deliverables delivered, in percent.
    #[serde(deserialize_with = "crate::json::no_fields")]
    DeliveryRate,
    /// Days the draft preceded the annual meeting.
    #[serde(deserialize_with = "crate::json::no_fields")]
    DraftLeadDays,
    /// Meetings held.
    #[serde(deserialize_with = "crate::json::no_fields")]
    MeetingsHeld,
    /// Written contributions and case studies received.
    #[serde(deserialize_with = "crate::json::no_fields")]
    WrittenContributions,
    /// Partner organisations engaged.
    #[serde(deserialize_with = "crate::json::no_fields")]
    Partners,
    /// Contributors per stakeholder group.
    #[serde(deserialize_with = "crate::json::no_fields")]
    ContributorsByGroup,
    /// Contributors per regional group.
    #[serde(deserialize_with = "crate::json::no_fields")]
    ContributorsByRegion,
    /// Contributors per gender.
    #[serde(deserialize_with = "crate::json::no_fields")]
    ContributorsByGender,
    /// Stakeholder groups with at least one contributor.
    #[serde(deserialize_with = "crate::json::no_fields")]
    GroupsRepresented,
    /// Regional groups with at least one contributor.
    #[serde(deserialize_with = "crate::json::no_fields")]
    RegionsRepresented,
    /// The highest rung of uptake evidence.
    #[serde(deserialize_with = "crate::json::no_fields")]
    HighestUptake,
}

/// The level id for "no uptake evidence" in a levels metric fed by `highest_uptake`.
pub const NO_UPTAKE: &str = "none";

impl Indicator {
    /// The answer type the indicator yields: `yes_no`, `count`, `percent`, `distribution` or
    /// `level`, as [`AnswerValue::type_name`](crate::AnswerValue::type_name) writes it.
    #[must_use]
    pub fn answer_type(self) -> &'static str {
        match self {
            Indicator::FinalPublished | Indicator::FinalWithinDays { .. } => "yes_no",
            Indicator::DeliveryRate => "percent",
            Indicator::ContributorsByGroup
            | Indicator::ContributorsByRegion
            | Indicator::ContributorsByGender => "distribution",
            Indicator::HighestUptake => "level",
            Indicator::DeliverablesDelivered
            | Indicator::DraftLeadDays
            | Indicator::MeetingsHeld
            | Indicator::WrittenContributions
            | Indicator::Partners
            | Indicator::GroupsRepresented
            | Indicator::RegionsRepresented => "count",
        }
    }

    /// The indicator's name for people.
    #[must_use]
    pub fn label(self) -> String {
        match self {
            Indicator::FinalPublished => "Final output published".to_owned(),
            Indicator::FinalWithinDays { days } => {
                format!("Final output within {days} days of the annual meeting")
            }
            Indicator::DeliverablesDelivered => "Deliverables delivered".to_owned(),
            Indicator::DeliveryRate => "Delivery rate (%)".to_owned(),
            Indicator::DraftLeadDays => "Days the draft preceded the annual meeting".to_owned(),
            Indicator::MeetingsHeld => "Meetings held".to_owned(),
            Indicator::WrittenContributions => "Written contributions".to_owned(),
            Indicator::Partners => "Partner organisations".to_owned(),
            Indicator::ContributorsByGroup => "Contributors by stakeholder group".to_owned(),
            Indicator::ContributorsByRegion => "Contributors by region".to_owned(),
            Indicator::ContributorsByGender => "Contributors by gender".to_owned(),
            Indicator::GroupsRepresented => "Stakeholder groups represented".to_owned(),
            Indicator::RegionsRepresented => "Regions represented".to_owned(),
            Indicator::HighestUptake => "Highest uptake evidence".to_owned(),
        }
    }

    /// Checks that the indicator can feed a criterion with `metric`: the answer types agree,
    /// and a levels metric fed by `highest_uptake` has a level for `none` and for every
    /// [`UptakeLevel`]. `at` is the criterion's `evidence`.
    pub(crate) fn check_metric(
        self,
        criterion: &str,
        metric: &Metric,
        at: &Path,
    ) -> Result<(), Error> {
        let mismatch = |problem: String| Error::Mismatch {
            path: at.clone(),
            criterion: criterion.to_owned(),
            problem,
        };
        if metric.answer_name() != self.answer_type() {
            return Err(mismatch(format!(
                "takes `{}` answers, but indicator `{}` yields `{}`",
                metric.answer_name(),
                self.name(),
                self.answer_type()
            )));
        }
        if let (Indicator::HighestUptake, Metric::Levels { levels }) = (self, metric) {
            let ids = std::iter::once(NO_UPTAKE).chain(UptakeLevel::ALL.iter().map(|l| l.as_str()));
            for id in ids {
                if !levels.iter().any(|level| level.id == id) {
                    return Err(mismatch(format!(
                        "has no level `{id}`, which indicator `highest_uptake` can yield"
                    )));
                }
            }
        }
        Ok(())
    }

    /// The indicator's JSON name.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Indicator::FinalPublished => "final_published",
            Indicator::FinalWithinDays { .. } => "final_within_days",
            Indicator::DeliverablesDelivered => "deliverables_delivered",
            Indicator::DeliveryRate => "delivery_rate",
            Indicator::DraftLeadDays => "draft_lead_days",
            Indicator::MeetingsHeld => "meetings_held",
            Indicator::WrittenContributions => "written_contributions",
            Indicator::Partners => "partners",
            Indicator::ContributorsByGroup => "contributors_by_group",
            Indicator::ContributorsByRegion => "contributors_by_region",
            Indicator::ContributorsByGender => "contributors_by_gender",
            Indicator::GroupsRepresented => "groups_represented",
            Indicator::RegionsRepresented => "regions_represented",
            Indicator::HighestUptake => "highest_uptake",
        }
    }
}

/// The rungs of uptake evidence, lowest first; impact is scored as evidence levels, never as
/// counts. The ids are those of the `bpf-outcome` preset's criterion O6, where `none` is the
/// level below the first.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum UptakeLevel {
    /// Summarised in blogs or newsletters of other communities.
    Disseminated,
    /// Presented at external fora (RIR, NOG or NRI meetings).
    Presented,
    /// Cited in an external policy process.
    Cited,
    /// A documented change in practice attributed in part to the output.
    Practice,
}

crate::label::labels!(UptakeLevel, "uptake level" {
    Disseminated => "disseminated", "Disseminated";
    Presented => "presented", "Presented at external fora";
    Cited => "cited", "Cited in a policy process";
    Practice => "practice", "Documented change in practice";
});

impl UptakeLevel {
    /// The rung's number: 1 (disseminated) to 4 (practice); no evidence is 0.
    #[must_use]
    pub fn rank(self) -> u8 {
        match self {
            UptakeLevel::Disseminated => 1,
            UptakeLevel::Presented => 2,
            UptakeLevel::Cited => 3,
            UptakeLevel::Practice => 4,
        }
    }
}
