//! Indicators: the numbers an outcome record yields, each with the sentence that shows how it
//! was computed.

use rust_decimal::Decimal;

use super::OutcomeRecord;
use crate::assessment::{AnswerValue, Distribution, Region, StakeholderGroup};
use crate::error::{Error, Path};
use crate::num::MAX_DECIMAL_PLACES;
use crate::rubric::{Indicator, NO_UPTAKE};

/// An indicator's value for one record, and how it was reached.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reading {
    /// The value, as an answer of the indicator's type.
    pub value: AnswerValue,
    /// How it was computed, from which figures of the record.
    pub basis: String,
}

impl Indicator {
    /// Reads the indicator from a record.
    ///
    /// ```
    /// use igf_rubric::{Document, AnswerValue, rubric::Indicator, evidence::OutcomeRecord};
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
        let contributors = &record.contributors;
        match self {
            Indicator::FinalPublished
            | Indicator::FinalWithinDays { .. }
            | Indicator::DraftLeadDays => Ok(self.read_dates(record)),
            Indicator::DeliverablesDelivered | Indicator::DeliveryRate => {
                self.read_deliverables(record)
            }
            Indicator::MeetingsHeld | Indicator::WrittenContributions | Indicator::Partners => {
                Ok(self.read_activity(record))
            }
            Indicator::ContributorsByGroup => distribution(
                &contributors.stakeholder_groups,
                "stakeholder group",
                group_name,
            ),
            Indicator::ContributorsByRegion => {
                distribution(&contributors.regions, "region", region_name)
            }
            Indicator::ContributorsByGender => {
                distribution(&contributors.genders, "gender", str::to_owned)
            }
            Indicator::GroupsRepresented => represented(
                &contributors.stakeholder_groups,
                "stakeholder groups",
                group_name,
            ),
            Indicator::RegionsRepresented => {
                represented(&contributors.regions, "regions", region_name)
            }
            Indicator::HighestUptake => Ok(match record.highest_uptake() {
                Some(event) => Reading {
                    value: AnswerValue::Level(event.level.as_str().to_owned()),
                    basis: format!(
                        "{}: {} ({})",
                        event.level.label(),
                        event.description,
                        event.source
                    ),
                },
                None => Reading {
                    value: AnswerValue::Level(NO_UPTAKE.to_owned()),
                    basis: "no uptake evidence recorded".to_owned(),
                },
            }),
        }
    }

    /// The indicators read from the key dates: the final output, its delay, the draft's lead.
    fn read_dates(self, record: &OutcomeRecord) -> Reading {
        let reading = |value: AnswerValue, basis: String| Reading { value, basis };
        let dates = &record.dates;
        let meeting = dates.annual_meeting;
        match (self, dates.final_published, dates.draft_published) {
            (Indicator::DraftLeadDays, _, Some(draft)) => {
                let lead = draft.days_until(meeting);
                reading(
                    AnswerValue::Count(u64::try_from(lead.max(0)).unwrap_or(0)),
                    format!(
                        "draft published {draft}, {}",
                        relative(lead.saturating_neg(), meeting)
                    ),
                )
            }
            (Indicator::DraftLeadDays, _, None) => reading(
                AnswerValue::UnableToAssess,
                "no draft publication date recorded".to_owned(),
            ),
            (Indicator::FinalWithinDays { days }, Some(date), _) => {
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
            (_, Some(date), _) => reading(
                AnswerValue::YesNo(true),
                format!("final output published {date}"),
            ),
            (_, None, _) => reading(
                AnswerValue::YesNo(false),
                "no final output recorded".to_owned(),
            ),
        }
    }

    /// The indicators read from the deliverables: how many were delivered, and the rate.
    fn read_deliverables(self, record: &OutcomeRecord) -> Result<Reading, Error> {
        let (delivered, planned) = (record.delivered(), record.deliverables.len());
        let basis = format!("{delivered} of {planned} planned deliverables delivered");
        let value = match self {
            Indicator::DeliveryRate if planned == 0 => {
                return Ok(Reading {
                    value: AnswerValue::UnableToAssess,
                    basis: "no planned deliverables recorded".to_owned(),
                });
            }
            Indicator::DeliveryRate => AnswerValue::Percent(percent(delivered, planned)?),
            _ => count(delivered),
        };
        Ok(Reading { value, basis })
    }

    /// The indicators read from the cycle's activity: meetings, contributions, partners.
    fn read_activity(self, record: &OutcomeRecord) -> Reading {
        match self {
            Indicator::MeetingsHeld => Reading {
                value: AnswerValue::Count(record.meetings_held),
                basis: format!("{} meetings held", record.meetings_held),
            },
            Indicator::WrittenContributions => Reading {
                value: AnswerValue::Count(record.written_contributions),
                basis: format!(
                    "{} written contributions received",
                    record.written_contributions
                ),
            },
            _ => Reading {
                value: count(record.partners.len()),
                basis: match record.partners.as_slice() {
                    [] => "no partner organisations recorded".to_owned(),
                    names => format!(
                        "{} partner organisations: {}",
                        names.len(),
                        names.join(", ")
                    ),
                },
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
/// A count as an answer.
fn count(n: usize) -> AnswerValue {
    AnswerValue::Count(u64::try_from(n).unwrap_or(u64::MAX))
}

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
