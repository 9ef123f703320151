//! Outcome evidence: indicators computed from a record match hand calculations, the scorecard
//! shows each derivation, overrides need reasons, and promises meet results.

use igf_rubric::Document;
use igf_rubric::{
    AnswerValue, Assessment, Error, Rubric,
    evidence::{Commitments, Date, OutcomeRecord},
    presets,
    rubric::Indicator,
};
use serde_json::{Value, json};

fn text(path: &str) -> String {
    std::fs::read_to_string(format!("{}/{path}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

fn record() -> OutcomeRecord {
    OutcomeRecord::from_json(&text("examples/data/evidence/cybersecurity-2019.json")).unwrap()
}

fn record_json() -> Value {
    serde_json::from_str(&text("examples/data/evidence/cybersecurity-2019.json")).unwrap()
}

fn sheet() -> Assessment {
    Assessment::from_json(&text(
        "examples/data/evidence/cybersecurity-2019-assessment.json",
    ))
    .unwrap()
}

fn answer<'a>(sheet: &'a Assessment, id: &str) -> &'a igf_rubric::Answer {
    sheet.answers.iter().find(|a| a.criterion == id).unwrap()
}

#[test]
fn indicators_match_hand_calculations() {
    let record = record();
    let read = |indicator: Indicator| indicator.read(&record).unwrap();
    // 3 of the 4 deliverables are marked delivered.
    assert_eq!(
        read(Indicator::DeliveryRate).value,
        AnswerValue::Percent(75.into())
    );
    assert_eq!(
        read(Indicator::DeliverablesDelivered).value,
        AnswerValue::Count(3)
    );
    // 8 October to 25 November 2019: 23 days of October left + 25 = 48.
    assert_eq!(read(Indicator::DraftLeadDays).value, AnswerValue::Count(48));
    // 25 November 2019 to 15 January 2020: 5 + 31 + 15 = 51 days, within 60 but not 50.
    let within = |days| read(Indicator::FinalWithinDays { days }).value;
    assert_eq!(within(60), AnswerValue::YesNo(true));
    assert_eq!(within(51), AnswerValue::YesNo(true));
    assert_eq!(within(50), AnswerValue::YesNo(false));
    assert_eq!(
        read(Indicator::FinalWithinDays { days: 60 }).basis,
        "final output published 2020-01-15, 51 days after the annual meeting (2019-11-25)"
    );
    assert_eq!(
        read(Indicator::FinalPublished).value,
        AnswerValue::YesNo(true)
    );
    assert_eq!(read(Indicator::MeetingsHeld).value, AnswerValue::Count(8));
    assert_eq!(
        read(Indicator::WrittenContributions).value,
        AnswerValue::Count(12)
    );
    assert_eq!(read(Indicator::Partners).value, AnswerValue::Count(3));
    assert_eq!(
        read(Indicator::GroupsRepresented).value,
        AnswerValue::Count(6)
    );
    assert_eq!(
        read(Indicator::RegionsRepresented).value,
        AnswerValue::Count(5)
    );
    assert_eq!(
        read(Indicator::HighestUptake).value,
        AnswerValue::Level("cited".into())
    );
    // 2 of 3 is 66.6666666667 at ten places, half-even.
    let mut two_of_three = record.clone();
    two_of_three.deliverables.truncate(3);
    two_of_three.deliverables[0].delivered = false;
    assert_eq!(
        Indicator::DeliveryRate.read(&two_of_three).unwrap().value,
        AnswerValue::Percent("66.6666666667".parse().unwrap())
    );
}

#[test]
fn missing_data_reads_as_unable_to_assess_with_the_reason() {
    let mut record = record();
    record.deliverables.clear();
    record.dates.draft_published = None;
    record.uptake.clear();
    let delivery = Indicator::DeliveryRate.read(&record).unwrap();
    assert_eq!(delivery.value, AnswerValue::UnableToAssess);
    assert_eq!(delivery.basis, "no planned deliverables recorded");
    assert_eq!(
        Indicator::DraftLeadDays.read(&record).unwrap().value,
        AnswerValue::UnableToAssess
    );
    assert_eq!(
        Indicator::HighestUptake.read(&record).unwrap().value,
        AnswerValue::Level("none".into())
    );
    // A draft after the meeting gives no lead, and says so.
    record.dates.draft_published = Some("2019-11-27".parse().unwrap());
    let late = Indicator::DraftLeadDays.read(&record).unwrap();
    assert_eq!(late.value, AnswerValue::Count(0));
    assert_eq!(
        late.basis,
        "draft published 2019-11-27, 2 days after the annual meeting (2019-11-25)"
    );
}

#[test]
fn the_scorecard_shows_every_derivation_and_the_override() {
    let rubric = presets::bpf_outcome();
    let filled = rubric.apply_evidence(&sheet(), &record()).unwrap();
    let card = rubric.score(&filled).unwrap();
    // Hand total: O1 75 % of 20 = 15; O2 10 (48 >= 42 days, final in time); O3 S = (5-1)/5 of 10
    // = 8; O4 (6/6 + 12/15)/2 of 10 = 9; O5 15 (evenness 0.93 and 0.86, both over 0.7);
    // O6 cited 3/4 of 20 = 15; O7 follow-up 1/3 of 10 = 3.3333; O8 4 on 1..5 = 3/4 of 5 = 3.75.
    assert_eq!(card.total.as_ref().unwrap().published.to_string(), "79.08");
    let shown = card.to_string();
    for line in [
        "computed: 3 of 4 planned deliverables delivered",
        "computed: draft published 2019-10-08, 48 days before the annual meeting (2019-11-25)",
        "computed: 8 meetings held",
        "overridden (computed 8): Two of the eight recorded meetings were internal planning calls, not open meetings.",
        "computed: contributors by stakeholder group: Academia 2, Civil society 6, Government 4, Intergovernmental organisation 1, Private sector 4, Technical community 3; not among the criterion's categories, so left out: Academia 2",
        "computed: Cited in a policy process: The IGF Secretariat submitted an informal paper drawing on the BPF to the UN OEWG (S34, February 2020)",
    ] {
        assert!(shown.contains(line), "missing {line:?} in\n{shown}");
    }
    let derived: Vec<&str> = filled
        .answers
        .iter()
        .filter(|a| a.derivation.is_some())
        .map(|a| a.criterion.as_str())
        .collect();
    assert_eq!(
        derived,
        [
            "O4a",
            "published",
            "O1",
            "O2a",
            "O2b",
            "O4b",
            "O5a",
            "O5b",
            "O6"
        ]
    );
    // The filled sheet and its scorecard round-trip with their derivations.
    assert_eq!(
        Assessment::from_json(&filled.to_json().unwrap()).unwrap(),
        filled
    );
    assert_eq!(
        igf_rubric::Scorecard::from_json(&card.to_json().unwrap()).unwrap(),
        card
    );
}

#[test]
fn applying_evidence_twice_changes_nothing() {
    let rubric = presets::bpf_outcome();
    let once = rubric.apply_evidence(&sheet(), &record()).unwrap();
    assert_eq!(rubric.apply_evidence(&once, &record()).unwrap(), once);
}

#[test]
fn an_override_without_a_reason_is_refused_where_the_answer_differs() {
    let rubric = presets::bpf_outcome();
    let mut sheet = sheet();
    sheet.answers[1].override_reason = None;
    let error = rubric.apply_evidence(&sheet, &record()).unwrap_err();
    assert_eq!(error.code(), "missing_reason");
    assert_eq!(
        error.to_string(),
        "answers[1](O4a).override_reason: an answer of 6 where the outcome record gives 8 (8 meetings held) needs a reason"
    );
    // The same value as the record needs no reason.
    sheet.answers[1].value = AnswerValue::Count(8);
    let filled = rubric.apply_evidence(&sheet, &record()).unwrap();
    assert_eq!(answer(&filled, "O4a").value, AnswerValue::Count(8));
}

#[test]
fn evidence_for_another_bpf_or_year_is_refused() {
    let rubric = presets::bpf_outcome();
    let mut record = record();
    record.subject.year = 2020;
    let error = rubric.apply_evidence(&sheet(), &record).unwrap_err();
    assert_eq!(
        error.to_string(),
        "subject: the assessment is of `bpf-cybersecurity-2019` (2019), but the outcome record is of `bpf-cybersecurity-2019` (2020)"
    );
}

#[test]
fn derivations_and_overrides_only_where_the_rubric_declares_evidence() {
    let rubric = presets::bpf_outcome();
    let filled = rubric.apply_evidence(&sheet(), &record()).unwrap();
    let mut wrong = filled.clone();
    let o3 = wrong
        .answers
        .iter_mut()
        .find(|a| a.criterion == "O3")
        .unwrap();
    o3.override_reason = Some("no".into());
    let errors = rubric.assessment_errors(&wrong);
    assert_eq!(
        errors[0].to_string(),
        "answers[0](O3).override_reason: criterion `O3` declares no evidence, so there is no computed answer to override"
    );
    let mut wrong = filled.clone();
    let derivation = answer(&filled, "O1").derivation.clone();
    wrong
        .answers
        .iter_mut()
        .find(|a| a.criterion == "O3")
        .unwrap()
        .derivation = derivation.clone();
    assert_eq!(rubric.score(&wrong).unwrap_err().code(), "mismatch");
    let mut wrong = filled;
    wrong
        .answers
        .iter_mut()
        .find(|a| a.criterion == "O2a")
        .unwrap()
        .derivation = derivation;
    assert_eq!(
        rubric.score(&wrong).unwrap_err().to_string(),
        "answers[6](O2a).derivation: criterion `O2a` takes its answer from `draft_lead_days`, not from `delivery_rate`"
    );
}

fn rubric_with(evidence: Value, metric: Value) -> Result<Rubric, Error> {
    Rubric::from_json(
        &json!({
            "id": "r", "version": "1", "title": "R", "kind": "outcome",
            "criteria": [ { "id": "c", "name": "C", "weight": 1, "evidence": evidence, "metric": metric } ]
        })
        .to_string(),
    )
}

#[test]
fn a_rubric_ties_an_indicator_only_to_a_metric_of_its_type() {
    let error = rubric_with(
        json!({"indicator": "delivery_rate"}),
        json!({"type": "count", "target": 3}),
    )
    .unwrap_err();
    assert_eq!(
        error.to_string(),
        "criteria[0](c).evidence: criterion `c` takes `count` answers, but indicator `delivery_rate` yields `percent`"
    );
    let levels = json!({"type": "levels", "levels": [
        {"id": "none", "label": "None", "value": 0}, {"id": "disseminated", "label": "D", "value": 1},
        {"id": "presented", "label": "P", "value": 2}, {"id": "practice", "label": "X", "value": 4}]});
    let error = rubric_with(json!({"indicator": "highest_uptake"}), levels).unwrap_err();
    assert_eq!(
        error.message(),
        "criterion `c` has no level `cited`, which indicator `highest_uptake` can yield"
    );
    assert!(
        rubric_with(
            json!({"indicator": "partners"}),
            json!({"type": "count", "target": 3})
        )
        .is_ok()
    );
    let error = rubric_with(
        json!({"indicator": "partners", "target": 3}),
        json!({"type": "count", "target": 3}),
    )
    .unwrap_err();
    assert_eq!(error.code(), "unknown_field");
    let group = json!({
        "id": "r", "version": "1", "title": "R", "kind": "outcome",
        "criteria": [ { "id": "g", "name": "G", "weight": 1, "evidence": {"indicator": "partners"},
                        "criteria": [ { "id": "c", "name": "C", "weight": 1, "metric": {"type": "yes_no"} } ] } ]
    });
    assert_eq!(
        Rubric::from_json(&group.to_string()).unwrap_err().code(),
        "malformed_criterion"
    );
}

#[test]
fn a_record_loads_only_with_real_dates_in_order_and_known_groups() {
    let load = |edit: &dyn Fn(&mut Value)| {
        let mut doc = record_json();
        edit(&mut doc);
        OutcomeRecord::from_json(&doc.to_string())
    };
    let error = load(&|d| d["dates"]["final_published"] = json!("2019-02-29")).unwrap_err();
    assert_eq!(
        error.to_string(),
        "dates.final_published: `2019-02-29` is not a calendar date (write YYYY-MM-DD, a day that exists, years 1-9999)"
    );
    let error = load(&|d| d["dates"]["final_published"] = json!("2019-10-01")).unwrap_err();
    assert_eq!(
        error.to_string(),
        "dates.final_published: final_published 2019-10-01 comes before draft_published 2019-10-08"
    );
    let error =
        load(&|d| d["contributors"]["stakeholder_groups"]["goverment"] = json!(1)).unwrap_err();
    assert_eq!(error.code(), "unknown_name");
    assert!(error.to_string().starts_with("contributors.stakeholder_groups.goverment: unknown stakeholder group `goverment` (did you mean `government`?)"), "{error}");
    let error = load(&|d| d["deliverables"][1]["id"] = json!("final-report")).unwrap_err();
    assert_eq!(error.code(), "duplicate_id");
    let error = load(&|d| d["meetings_held"] = json!("8")).unwrap_err();
    assert_eq!(error.code(), "wrong_type");
    // The record round-trips.
    let record = record();
    assert_eq!(
        OutcomeRecord::from_json(&record.to_json().unwrap()).unwrap(),
        record
    );
}

#[test]
fn promised_against_achieved_row_by_row() {
    let promised =
        Commitments::from_json(&text("examples/data/commitments/cybersecurity-2019.json")).unwrap();
    let results = promised.compare(&record()).unwrap();
    let rows: Vec<String> = results
        .rows
        .iter()
        .map(|r| {
            let show = |v: Option<igf_rubric::Decimal>| v.map_or("-".to_owned(), |v| v.to_string());
            format!(
                "{} | {} | {} | {} | {} | {:?}",
                r.label,
                show(r.baseline),
                r.target,
                show(r.achieved),
                show(r.gap),
                r.met
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            "Deliverables delivered | 2 | 4 | 3 | -1 | Some(false)",
            "Days the draft preceded the annual meeting | - | 42 | 48 | 6 | Some(true)",
            "Final output within 60 days of the annual meeting | - | 1 | 1 | 0 | Some(true)",
            "Partner organisations | 1 | 3 | 3 | 0 | Some(true)",
            "Stakeholder groups represented | - | 5 | 6 | 1 | Some(true)",
            "Regions represented | 3 | 5 | 5 | 0 | Some(true)",
            "Highest uptake evidence | - | 3 | 3 | 0 | Some(true)",
        ]
    );
    assert_eq!((results.met, results.measured), (6, 7));
    let mut other = record();
    other.subject.id = "bpf-ixps-2019".into();
    assert_eq!(promised.compare(&other).unwrap_err().code(), "inconsistent");
}

#[test]
fn a_target_is_a_single_number_within_its_indicator_range() {
    let load = |target: Value| {
        Commitments::from_json(
            &json!({ "subject": { "id": "s", "title": "S", "year": 2020 }, "targets": [target] })
                .to_string(),
        )
    };
    let error =
        load(json!({"measure": {"indicator": "contributors_by_group"}, "target": 3})).unwrap_err();
    assert_eq!(
        error.path().unwrap().to_string(),
        "targets[0](contributors_by_group).measure.indicator"
    );
    let error =
        load(json!({"measure": {"indicator": "delivery_rate"}, "target": 120})).unwrap_err();
    assert_eq!(
        error.to_string(),
        "targets[0](delivery_rate).target: value 120 is outside [0, 100]"
    );
    let error =
        load(json!({"measure": {"indicator": "final_published"}, "baseline": 2, "target": 1}))
            .unwrap_err();
    assert_eq!(
        error.to_string(),
        "targets[0](final_published).baseline: value 2 is outside [0, 1]"
    );
    assert!(load(json!({"measure": {"indicator": "partners"}, "target": 12})).is_ok());
}

#[test]
fn dates_count_days_across_years_and_leap_days() {
    let d = |s: &str| s.parse::<Date>().unwrap();
    assert_eq!(d("2019-11-25").days_until(d("2020-01-15")), 51);
    assert_eq!(d("2020-02-28").days_until(d("2021-02-28")), 366);
    assert_eq!(
        serde_json::to_string(&d("2016-06-23")).unwrap(),
        "\"2016-06-23\""
    );
}
