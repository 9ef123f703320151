//! Rubrics built in code equal the same rubrics loaded from JSON, and are validated the same.

use igf_rubric::Document;
use igf_rubric::{
    Band, Criterion, Error, Gate, Level, Metric, Rubric, RubricKind,
    rubric::{RubricDoc, RubricRef},
};
use serde_json::json;

fn in_code() -> RubricDoc {
    RubricDoc::new(
        "workshop",
        "2026.1",
        "Workshop proposals",
        RubricKind::Proposal,
    )
    .criterion(Criterion::leaf("on-theme", "On theme", 0, Metric::yes_no()).required())
    .criterion(Criterion::group(
        "quality",
        "Quality",
        3,
        [
            Criterion::leaf("relevance", "Relevance", 2, Metric::scale(1, 5)),
            Criterion::leaf(
                "format",
                "Format",
                1,
                Metric::levels([
                    Level::new("panel", "Panel", 1),
                    Level::new("open", "Open", 2),
                ]),
            ),
        ],
    ))
    .criterion(Criterion::leaf("speakers", "Speakers", 1, Metric::count(4)))
    .gate(Gate::requires_yes("theme", "On theme", "on-theme"))
    .band(Band::new("accept", "Accept", 70))
    .band(Band::new("reject", "Reject", 0))
}

#[test]
fn a_rubric_built_in_code_equals_its_json() {
    let json = json!({
        "id": "workshop", "version": "2026.1", "title": "Workshop proposals", "kind": "proposal",
        "criteria": [
            { "id": "on-theme", "name": "On theme", "weight": 0, "required": true, "metric": { "type": "yes_no" } },
            { "id": "quality", "name": "Quality", "weight": 3, "criteria": [
                { "id": "relevance", "name": "Relevance", "weight": 2, "metric": { "type": "scale", "min": 1, "max": 5 } },
                { "id": "format", "name": "Format", "weight": 1, "metric": { "type": "levels", "levels": [
                    { "id": "panel", "label": "Panel", "value": 1 }, { "id": "open", "label": "Open", "value": 2 } ] } } ] },
            { "id": "speakers", "name": "Speakers", "weight": 1, "metric": { "type": "count", "target": 4 } }
        ],
        "gates": [ { "id": "theme", "label": "On theme", "rule": { "type": "requires_yes", "criterion": "on-theme" } } ],
        "bands": [ { "id": "accept", "label": "Accept", "min": 70 }, { "id": "reject", "label": "Reject", "min": 0 } ]
    });
    let loaded = Rubric::from_json(&json.to_string()).unwrap();
    let built = in_code().build().unwrap();
    assert_eq!(built, loaded);
    assert_eq!(
        RubricRef::from(&built),
        RubricRef {
            id: "workshop".into(),
            version: "2026.1".into()
        }
    );
}

#[test]
fn build_validates_as_loading_does() {
    let err = in_code()
        .criterion(Criterion::leaf("bad", "Bad", 1, Metric::scale(5, 1)))
        .build()
        .unwrap_err();
    assert!(matches!(err, Error::EmptyScale { .. }), "{err}");
    assert_eq!(
        err.to_string(),
        "criteria[3](bad).metric: scale min 5 must be below max 1"
    );
}

#[test]
fn assessments_and_panels_built_in_code_are_reviewed() {
    use igf_rubric::{
        AnswerValue, Assessment, Assessor, Panel, Region, Role, StakeholderGroup, Subject,
    };
    let rubric = in_code().build().unwrap();
    let sheet = |assessor: &str, relevance: i64| {
        Assessment::new(
            &rubric,
            Subject::new("ws-1", "Community networks", 2026),
            Assessor::new(
                assessor,
                StakeholderGroup::Academia,
                Region::Other,
                Role::MagMember,
            ),
        )
        .answer("on-theme", AnswerValue::YesNo(true))
        .answer("relevance", AnswerValue::Scale(relevance.into()))
        .answer("format", AnswerValue::Level("open".into()))
        .answer("speakers", AnswerValue::Count(2))
        .build()
        .unwrap()
    };
    let panel = Panel::new(&rubric, [sheet("a1", 5), sheet("a2", 3)]).unwrap();
    let report = rubric.review(&panel).unwrap();
    // quality 3/4 of the total: relevance (1 or 0.5) x 2/3 + format 1 x 1/3; speakers 0.5 x 1/4.
    // a1: 75 x 1 + 12.5 = 87.5; a2: 75 x (1/3 + 1/3) + 12.5 = 62.5; mean 75.
    assert_eq!(
        report.subjects[0].total.unwrap().published.to_string(),
        "75.00"
    );
    let duplicate = Panel::new(&rubric, [sheet("a1", 5), sheet("a1", 3)]).unwrap_err();
    assert!(
        duplicate.to_string().contains("duplicate assessor id"),
        "{duplicate}"
    );
}
