//! One request, one result: the evaluation agrees with scoring and reviewing by hand, and an
//! invalid request gets every error, each placed in the request.

use igf_rubric::Document;
use std::fs;

use igf_rubric::{Assessment, EvaluationResult, Panel, evaluate_json};
use serde_json::{Value, json};

fn proposals() -> Vec<Value> {
    crate::common::samples("proposals")
        .iter()
        .map(|f| serde_json::from_str(&fs::read_to_string(f).unwrap()).unwrap())
        .collect()
}

fn request(assessments: Vec<Value>) -> Value {
    json!({ "rubric": { "preset": { "id": "bpf-proposal" } }, "assessments": assessments })
}

fn codes_and_paths(text: &str) -> Vec<String> {
    let document = evaluate_json(text).unwrap_err();
    document
        .errors
        .iter()
        .map(|e| format!("{} {}", e.code, e.path))
        .collect()
}

#[test]
fn a_request_gives_the_numbers_of_scoring_and_reviewing_by_hand() {
    let assessments = proposals();
    let text = request(assessments.clone()).to_string();
    let result = evaluate_json(&text).unwrap();
    let rubric = igf_rubric::presets::bpf_proposal();
    let sheets: Vec<Assessment> = assessments
        .iter()
        .map(|a| Assessment::from_json(&a.to_string()).unwrap())
        .collect();
    assert_eq!(result.scorecards.len(), sheets.len());
    for (card, sheet) in result.scorecards.iter().zip(&sheets) {
        assert_eq!(card, &rubric.score(sheet).unwrap());
    }
    let panel = Panel::new(rubric, sheets).unwrap();
    assert_eq!(result.panel.as_ref(), Some(&rubric.review(&panel).unwrap()));
    let written = result.to_json().unwrap();
    assert_eq!(EvaluationResult::from_json(&written).unwrap(), result);
}

#[test]
fn a_rubric_document_can_travel_in_the_request() {
    let rubric = crate::common::rubric();
    let text = json!({
        "rubric": { "document": rubric },
        "assessments": [crate::common::assessment()],
        "options": { "review": false }
    })
    .to_string();
    let result = evaluate_json(&text).unwrap();
    let loaded = crate::common::load_rubric(&rubric);
    let sheet = Assessment::from_json(&crate::common::assessment().to_string()).unwrap();
    assert_eq!(result.scorecards, [loaded.score(&sheet).unwrap()]);
    assert!(result.panel.is_none());
}

#[test]
fn an_invalid_request_gets_every_error_placed_in_the_request() {
    let mut assessments = proposals();
    assessments[1]["answers"][4]["value"] = json!({ "scale": "4.5" });
    assessments[1]["answers"][5]["value"] = json!({ "level": "definde" });
    assessments[3]["answers"][0]["criterion"] = json!("G9");
    let text = request(assessments).to_string();
    assert_eq!(
        codes_and_paths(&text),
        [
            "off_step assessments[1](bpf-gender-digital-rights-2021).answers[4](P1).value.scale",
            "unknown_choice assessments[1](bpf-gender-digital-rights-2021).answers[5](P2).value.level",
            "unknown_criterion assessments[3](bpf-ipv6-2016).answers[0](G9).criterion",
            "missing_answer assessments[3](bpf-ipv6-2016).answers",
        ]
    );
    let document = evaluate_json(&text).unwrap_err();
    assert_eq!(document.errors[1].suggestions, ["defined"]);
}

#[test]
fn a_broken_id_is_reported_with_the_answers_that_break_the_rubric() {
    let mut assessments = proposals();
    assessments[0]["assessor"]["id"] = json!("");
    assessments[0]["subject"]["id"] = json!("bpf cyber");
    assessments[0]["answers"][4]["value"] = json!({ "scale": "4.5" });
    assessments[2]["answers"][4]["value"] = json!({ "scale": "6" });
    assert_eq!(
        codes_and_paths(&request(assessments).to_string()),
        [
            "invalid_id assessments[0](bpf cyber).subject.id",
            "invalid_id assessments[0](bpf cyber).assessor.id",
            "off_step assessments[0](bpf cyber).answers[4](P1).value.scale",
            "out_of_range assessments[2](bpf-iot-bigdata-ai-2018).answers[4](P1).value.scale",
        ]
    );
}

#[test]
fn request_level_errors_name_their_place() {
    let unknown = json!({ "rubric": { "preset": { "id": "bpf-proposals" } } }).to_string();
    let document = evaluate_json(&unknown).unwrap_err();
    assert_eq!(document.errors[0].code, "unknown_name");
    assert_eq!(document.errors[0].pointer, "/rubric/preset/id");
    assert_eq!(document.errors[0].suggestions, ["bpf-proposal"]);

    let old = json!({ "rubric": { "preset": { "id": "bpf-proposal", "version": "0.9" } } });
    assert_eq!(
        codes_and_paths(&old.to_string()),
        ["rubric_mismatch rubric.preset.version"]
    );

    let mut capacity = request(proposals());
    capacity["options"] = json!({ "rules": { "capacity": 0 } });
    assert_eq!(
        codes_and_paths(&capacity.to_string()),
        ["out_of_range options.rules.capacity"]
    );

    let mut future = request(proposals());
    future["schema_version"] = json!(2);
    let document = evaluate_json(&future.to_string()).unwrap_err();
    assert_eq!(
        document.errors[0].message,
        "version 2 is not supported (this crate reads 1)"
    );
    assert_eq!(document.errors[0].path, "schema_version");

    let mut bad_rubric = crate::common::rubric();
    bad_rubric["criteria"][0]["weight"] = json!(-1);
    let text = json!({ "rubric": { "document": bad_rubric } }).to_string();
    assert_eq!(
        codes_and_paths(&text),
        ["negative_weight rubric.document.criteria[0](fit).weight"]
    );
}

#[test]
fn only_the_reliability_figures_asked_for_are_returned() {
    let mut text = request(proposals());
    text["options"] = json!({ "reliability": ["totals_icc"] });
    let result = evaluate_json(&text.to_string()).unwrap();
    let reliability = &result.panel.unwrap().reliability;
    assert!(reliability.criteria_alpha.is_empty());
    assert!(reliability.bands_alpha.is_none());
    assert_eq!(
        reliability.totals_alpha.note.as_deref(),
        Some("not requested")
    );
    assert_eq!(reliability.totals_alpha.value, None);
}

#[test]
fn the_request_schema_lists_every_preset() {
    let schema = igf_rubric::schema::request();
    let text = schema.to_string();
    for (id, _) in igf_rubric::presets::all() {
        assert!(text.contains(&format!("\"{id}\"")), "{id}");
        assert!(igf_rubric::presets::get(id).is_some(), "{id}");
    }
}

fn evidence_request() -> serde_json::Value {
    let read = |p: &str| -> serde_json::Value {
        serde_json::from_str(
            &std::fs::read_to_string(format!("{}/examples/data/{p}", env!("CARGO_MANIFEST_DIR")))
                .unwrap(),
        )
        .unwrap()
    };
    serde_json::json!({
        "rubric": { "preset": { "id": "bpf-outcome" } },
        "assessments": [ read("evidence/cybersecurity-2019-assessment.json") ],
        "evidence": [ read("evidence/cybersecurity-2019.json"), read("evidence/ipv6-2016.json") ],
        "options": { "review": false }
    })
}

#[test]
fn a_request_fills_computed_answers_from_its_evidence_and_says_what_it_did_not_use() {
    let result = igf_rubric::evaluate_json(&evidence_request().to_string()).unwrap();
    let card = &result.scorecards[0];
    assert_eq!(card.total.unwrap().published.to_string(), "79.08");
    let o1 = card.criteria.iter().find(|c| c.id == "O1").unwrap();
    assert_eq!(
        o1.derivation.as_ref().unwrap().basis,
        "3 of 4 planned deliverables delivered"
    );
    let warnings: Vec<String> = result
        .warnings
        .iter()
        .map(|w| format!("{} {} {}", w.code, w.path, w.message))
        .collect();
    assert_eq!(
        warnings,
        [
            "unused_evidence evidence[1](bpf-ipv6-2016) no assessment is of `bpf-ipv6-2016` (2016), so its outcome record fills no answer"
        ]
    );
}

#[test]
fn a_request_reports_evidence_errors_where_they_are() {
    let mut request = evidence_request();
    request["evidence"][1] = request["evidence"][0].clone();
    request["assessments"][0]["answers"][1]
        .as_object_mut()
        .unwrap()
        .remove("override_reason");
    let errors = igf_rubric::evaluate_json(&request.to_string()).unwrap_err();
    let found: Vec<String> = errors
        .errors
        .iter()
        .map(|e| format!("{} {}", e.code, e.path))
        .collect();
    assert_eq!(
        found,
        [
            "duplicate_id evidence[1](bpf-cybersecurity-2019).subject.id",
            "missing_reason assessments[0](bpf-cybersecurity-2019).answers[1](O4a).override_reason",
        ]
    );
}
