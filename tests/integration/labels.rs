//! Closed sets print their labels and read back from their JSON names or labels.

use std::str::FromStr;

use igf_rubric::reliability::{IccModel, IccType, IccUnit, KappaWeights, MeasurementLevel};
use igf_rubric::{
    CriterionStatus, Region, Role, RubricKind, StakeholderGroup,
    panel::{DecisionReason, SubjectStatus},
    rubric::{Basis, CountCurve, Direction, DistributionMeasure, UnablePolicy},
    scoring::FlagKind,
};

#[track_caller]
fn round_trips<T>(all: &[T])
where
    T: Copy
        + std::fmt::Display
        + FromStr<Err = igf_rubric::Error>
        + PartialEq
        + std::fmt::Debug
        + serde::Serialize,
{
    for value in all {
        let json = serde_json::to_value(value).unwrap();
        let name = json.as_str().unwrap();
        assert_eq!(T::from_str(name).unwrap(), *value, "{name}");
        let label = value.to_string();
        assert_eq!(T::from_str(&label).unwrap(), *value, "{label}");
        assert_eq!(
            T::from_str(&label.to_uppercase()).unwrap(),
            *value,
            "{label}"
        );
    }
}

#[test]
fn every_name_and_label_reads_back() {
    round_trips(StakeholderGroup::ALL);
    round_trips(Region::ALL);
    round_trips(Role::ALL);
    round_trips(RubricKind::ALL);
    round_trips(DecisionReason::ALL);
    round_trips(SubjectStatus::ALL);
    round_trips(CriterionStatus::ALL);
    round_trips(FlagKind::ALL);
    round_trips(Direction::ALL);
    round_trips(CountCurve::ALL);
    round_trips(DistributionMeasure::ALL);
    round_trips(UnablePolicy::ALL);
    round_trips(Basis::ALL);
    round_trips(MeasurementLevel::ALL);
    round_trips(KappaWeights::ALL);
    round_trips(IccModel::ALL);
    round_trips(IccType::ALL);
    round_trips(IccUnit::ALL);
    round_trips(igf_rubric::RoundingMode::ALL);
    for group in StakeholderGroup::ALL {
        assert_eq!(StakeholderGroup::from_str(group.as_str()).unwrap(), *group);
        let json = serde_json::to_string(group).unwrap();
        assert_eq!(json, format!("\"{}\"", group.as_str()));
    }
}

#[test]
fn labels_read_as_people_write_them() {
    assert_eq!(StakeholderGroup::CivilSociety.to_string(), "Civil society");
    assert_eq!(
        Region::LatinAmericanAndCaribbean.to_string(),
        "Latin American and Caribbean Group"
    );
    assert_eq!(Role::MagMember.to_string(), "MAG member");
    assert_eq!(
        DecisionReason::BelowCapacity.to_string(),
        "Below the capacity"
    );
}

#[test]
fn an_unknown_name_lists_the_allowed_ones() {
    assert_eq!(
        Role::from_str("chair\u{1b}").unwrap_err().to_string(),
        "unknown role `chair\\u{1b}` (allowed: mag_member, mag_chair, coordinator, lead_expert, \
         contributor, secretariat, external_reviewer)"
    );
}
