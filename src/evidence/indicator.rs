//! Indicators: the numbers an outcome record yields, each with the sentence that shows how it
//! was computed.

use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{OutcomeRecord, UptakeLevel};
use crate::assessment::{AnswerValue, Distribution, Region, StakeholderGroup};
use crate::error::{Error, Path};
use crate::num::{MAX_DECIMAL_PLACES, exact};
use crate::rubric::Metric;

/// A number an [`OutcomeRecord`] yields, named so a rubric criterion can take its answer from
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
        #[schemars(with = "crate::schema::kinds::Count")]
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

/// An indicator's value for one record, and how it was reached.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reading {
    /// The value, as an answer of the indicator's type.
    pub value: AnswerValue,
    /// How it was computed, from which figures of the record.
    pub basis: String,
}

/// The level id for "no uptake evidence" in a levels metric fed by `highest_uptake`.
pub const NO_UPTAKE: &str = "none";

impl Indicator {
    /// The answer type the indicator yields: `yes_no`, `count`, `percent`, `distribution` or
    /// `level`, as [`AnswerValue::type_name`] writes it.
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

    /// Reads the indicator from a record.
    ///
    /// ```
    /// use igf_rubric::{AnswerValue, Indicator, OutcomeRecord};
    ///
    /// let record = OutcomeRecord::from_json(include_str!(
    ///     "../../examples/data/evidence/cybersecurity-2019.json"
    /// ))?;
    /// let lead = Indicator::DraftLeadDays.read(&record)?;
    /// assert_eq!(lead.value, AnswerValue::Count(48));
    /// assert_eq!(lead.basis, "draft published 2019-10-08, 48 days before the annual meeting (2019-11-25)");
    /// # Ok::<(), igf_rubric::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::Overflow`] if a percentage cannot be computed (never for real records).
    pub fn read(self, record: &OutcomeRecord) -> Result<Reading, Error> {
        let reading = |value: AnswerValue, basis: String| Ok(Reading { value, basis });
        let count = |n: usize| AnswerValue::Count(u64::try_from(n).unwrap_or(u64::MAX));
        let dates = &record.dates;
        let meeting = dates.annual_meeting;
        match self {
            Indicator::FinalPublished => match dates.final_published {
                Some(date) => reading(
                    AnswerValue::YesNo(true),
                    format!("final output published {date}"),
                ),
                None => reading(
                    AnswerValue::YesNo(false),
                    "no final output recorded".to_owned(),
                ),
            },
            Indicator::FinalWithinDays { days } => match dates.final_published {
                Some(date) => {
                    let after = meeting.days_until(date);
                    let within = after <= i64::try_from(days).unwrap_or(i64::MAX);
                    reading(
                        AnswerValue::YesNo(within),
                        format!(
                            "final output published {date}, {}",
                            relative(after, meeting)
                        ),
                    )
                }
                None => reading(
                    AnswerValue::YesNo(false),
                    "no final output recorded".to_owned(),
                ),
            },
            Indicator::DeliverablesDelivered => {
                let planned = record.deliverables.len();
                reading(
                    count(record.delivered()),
                    format!(
                        "{} of {planned} planned deliverables delivered",
                        record.delivered()
                    ),
                )
            }
            Indicator::DeliveryRate => {
                let (delivered, planned) = (record.delivered(), record.deliverables.len());
                if planned == 0 {
                    return reading(
                        AnswerValue::UnableToAssess,
                        "no planned deliverables recorded".to_owned(),
                    );
                }
                let rate = percent(delivered, planned)?;
                reading(
                    AnswerValue::Percent(rate),
                    format!("{delivered} of {planned} planned deliverables delivered"),
                )
            }
            Indicator::DraftLeadDays => match dates.draft_published {
                Some(draft) => {
                    let lead = draft.days_until(meeting);
                    let days = u64::try_from(lead.max(0)).unwrap_or(0);
                    reading(
                        AnswerValue::Count(days),
                        format!(
                            "draft published {draft}, {}",
                            relative(lead.saturating_neg(), meeting)
                        ),
                    )
                }
                None => reading(
                    AnswerValue::UnableToAssess,
                    "no draft publication date recorded".to_owned(),
                ),
            },
            Indicator::MeetingsHeld => reading(
                AnswerValue::Count(record.meetings_held),
                format!("{} meetings held", record.meetings_held),
            ),
            Indicator::WrittenContributions => reading(
                AnswerValue::Count(record.written_contributions),
                format!(
                    "{} written contributions received",
                    record.written_contributions
                ),
            ),
            Indicator::Partners => {
                let basis = match record.partners.as_slice() {
                    [] => "no partner organisations recorded".to_owned(),
                    names => format!(
                        "{} partner organisations: {}",
                        names.len(),
                        names.join(", ")
                    ),
                };
                reading(count(record.partners.len()), basis)
            }
            Indicator::ContributorsByGroup => distribution(
                &record.contributors.stakeholder_groups,
                "stakeholder group",
                group_name,
            ),
            Indicator::ContributorsByRegion => {
                distribution(&record.contributors.regions, "region", region_name)
            }
            Indicator::ContributorsByGender => {
                distribution(&record.contributors.genders, "gender", str::to_owned)
            }
            Indicator::GroupsRepresented => represented(
                &record.contributors.stakeholder_groups,
                "stakeholder groups",
                group_name,
            ),
            Indicator::RegionsRepresented => {
                represented(&record.contributors.regions, "regions", region_name)
            }
            Indicator::HighestUptake => match record.highest_uptake() {
                Some(event) => reading(
                    AnswerValue::Level(event.level.as_str().to_owned()),
                    format!(
                        "{}: {} ({})",
                        event.level.label(),
                        event.description,
                        event.source
                    ),
                ),
                None => reading(
                    AnswerValue::Level(NO_UPTAKE.to_owned()),
                    "no uptake evidence recorded".to_owned(),
                ),
            },
        }
    }

    /// The indicator as one number, for a target: a count, a percentage, 1 or 0 for yes or
    /// no, the rung of uptake (0 to 4). `None` where the record lacks what it needs.
    ///
    /// # Errors
    /// [`Error::Inconsistent`] for the `contributors_by_*` indicators, which have no single
    /// number.
    pub(crate) fn number(self, record: &OutcomeRecord) -> Result<(Option<Decimal>, String), Error> {
        let Reading { value, basis } = self.read(record)?;
        let number = match &value {
            AnswerValue::Count(n) => Some(Decimal::from(*n)),
            AnswerValue::Percent(p) => Some(*p),
            AnswerValue::YesNo(yes) => Some(Decimal::from(u8::from(*yes))),
            AnswerValue::Level(_) => Some(Decimal::from(
                record.highest_uptake().map_or(0, |e| e.level.rank()),
            )),
            AnswerValue::UnableToAssess => None,
            _ => return Err(no_single_number(self)),
        };
        Ok((number, basis))
    }
}

pub(crate) fn no_single_number(indicator: Indicator) -> Error {
    Error::Inconsistent {
        path: Path::root().key("indicator"),
        problem: format!(
            "indicator `{}` yields a distribution, which has no single number to set a target on (use `groups_represented` or `regions_represented`)",
            indicator.name()
        ),
    }
}

/// `N days after the annual meeting (date)` or `N days before ...`.
fn relative(after: i64, meeting: super::Date) -> String {
    match after {
        0 => format!("on the first day of the annual meeting ({meeting})"),
        a if a < 0 => format!(
            "{} days before the annual meeting ({meeting})",
            a.unsigned_abs()
        ),
        a => format!("{a} days after the annual meeting ({meeting})"),
    }
}

/// `part / whole x 100` at 10 places, half-even.
fn percent(part: usize, whole: usize) -> Result<Decimal, Error> {
    let overflow = || Error::Overflow {
        path: Path::root().key("deliverables"),
        operation: "computing the delivery rate",
    };
    let part = Decimal::from(u64::try_from(part).map_err(|_| overflow())?);
    let whole = Decimal::from(u64::try_from(whole).map_err(|_| overflow())?);
    part.checked_mul(Decimal::ONE_HUNDRED)
        .and_then(|p| p.checked_div(whole))
        .map(|p| {
            p.round_dp_with_strategy(
                MAX_DECIMAL_PLACES,
                rust_decimal::RoundingStrategy::MidpointNearestEven,
            )
            .normalize()
        })
        .ok_or_else(overflow)
}

/// A stakeholder group's name from its id.
fn group_name(id: &str) -> String {
    id.parse::<StakeholderGroup>()
        .map_or_else(|_| id.to_owned(), |g| g.label().to_owned())
}

/// A region's name from its id.
fn region_name(id: &str) -> String {
    id.parse::<Region>()
        .map_or_else(|_| id.to_owned(), |r| r.label().to_owned())
}

fn distribution(
    counts: &Distribution,
    what: &str,
    name: fn(&str) -> String,
) -> Result<Reading, Error> {
    let parts: Vec<String> = counts
        .categories()
        .map(|c| format!("{} {}", name(c), counts.get(c)))
        .collect();
    let basis = if parts.is_empty() {
        format!("no contributors recorded by {what}")
    } else {
        format!("contributors by {what}: {}", parts.join(", "))
    };
    Ok(Reading {
        value: AnswerValue::Distribution(counts.clone()),
        basis,
    })
}

fn represented(
    counts: &Distribution,
    what: &str,
    name: fn(&str) -> String,
) -> Result<Reading, Error> {
    let present: Vec<String> = counts
        .categories()
        .filter(|c| counts.get(c) > 0)
        .map(name)
        .collect();
    let basis = format!(
        "{} {what} with contributors: {}",
        present.len(),
        present.join(", ")
    );
    Ok(Reading {
        value: AnswerValue::Count(u64::try_from(present.len()).unwrap_or(u64::MAX)),
        basis,
    })
}
