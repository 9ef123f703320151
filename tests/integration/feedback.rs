//! Draft, feedback, final: dispositions with reasons, revisions applied, nothing pending.

use igf_rubric::Document;
use igf_rubric::{
    feedback::{Disposition, FeedbackRound, FeedbackTarget, ReportText, Stage},
    presets,
};
use serde_json::{Value, json};

fn text(path: &str) -> String {
    std::fs::read_to_string(format!("{}/{path}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

fn draft() -> ReportText {
    ReportText::from_json(&text("examples/data/report-draft.json")).unwrap()
}

fn round_json() -> Value {
    serde_json::from_str(&text("examples/data/feedback-round.json")).unwrap()
}

fn round_with(edit: impl Fn(&mut Value)) -> Result<FeedbackRound, igf_rubric::Error> {
    let mut doc = round_json();
    edit(&mut doc);
    FeedbackRound::from_json(&doc.to_string())
}

#[test]
fn the_final_text_applies_every_accepted_revision_and_lists_the_rest() {
    let round = round_with(|_| ()).unwrap();
    let revision = draft().apply(&round, presets::bpf_proposal()).unwrap();
    assert_eq!(revision.report.stage, Stage::Final);
    assert_eq!(
        revision.report.date.map(|d| d.to_string()).as_deref(),
        Some("2020-08-31"),
        "the final text is dated by the day its round closed"
    );
    let applied: Vec<(&str, &str)> = revision
        .applied
        .iter()
        .map(|a| (a.item.as_str(), a.on.id()))
        .collect();
    assert_eq!(
        applied,
        [("fb01", "R2"), ("fb02", "F4"), ("fb05", "method")]
    );
    assert_eq!(revision.for_the_rubric, ["fb03", "fb04"]);
    assert_eq!(revision.unchanged, ["fb06", "fb07"]);
    let r2 = revision
        .report
        .recommendations
        .iter()
        .find(|r| r.id == "R2")
        .unwrap();
    assert!(
        r2.text
            .starts_with("Approve no more Secretariat-supported BPFs")
    );
    assert_eq!(
        revision.applied[0].before,
        "Approve no more BPFs than the Secretariat can support with consultant time."
    );
    // Everything else is untouched.
    let before = draft();
    assert_eq!(revision.report.findings[0], before.findings[0]);
    assert_eq!(revision.report.title, before.title);
    assert_eq!(
        ReportText::from_json(&revision.report.to_json().unwrap()).unwrap(),
        revision.report
    );
}

#[test]
fn a_round_closes_after_the_draft_it_comments_on() {
    let early = round_with(|doc| doc["closed"] = json!("2020-05-31")).unwrap();
    let error = draft().apply(&early, presets::bpf_proposal()).unwrap_err();
    assert_eq!(error.code(), "inconsistent");
    assert!(
        error
            .to_string()
            .contains("2020-05-31, before the draft it comments on (2020-06-01)"),
        "{error}"
    );
    let undated = round_with(|doc| {
        doc.as_object_mut().unwrap().remove("closed");
    })
    .unwrap();
    let revision = draft().apply(&undated, presets::bpf_proposal()).unwrap();
    assert_eq!(
        revision.report.date, None,
        "no draft date is carried into the final text"
    );
}

#[test]
fn a_decision_short_of_acceptance_needs_its_reason() {
    let error = round_with(|d| d["items"][5]["reason"] = json!("  ")).unwrap_err();
    assert_eq!(
        error.to_string(),
        "items[5](fb06).reason: a feedback item not accepted needs a reason"
    );
    let error = round_with(|d| {
        d["items"][0].as_object_mut().unwrap().remove("reason");
    })
    .unwrap_err();
    assert_eq!(error.code(), "missing_reason");
    let error = round_with(|d| d["items"][5]["revision"] = json!("new text")).unwrap_err();
    assert_eq!(
        error.to_string(),
        "items[5](fb06).revision: a revision on an item not accepted changes nothing"
    );
}

#[test]
fn a_final_text_waits_for_every_item_and_finds_every_target() {
    let rubric = presets::bpf_proposal();
    let pending = round_with(|d| d["items"][6]["disposition"] = json!("pending")).unwrap();
    assert_eq!(pending.items[6].disposition, Disposition::Pending);
    let error = draft().apply(&pending, rubric).unwrap_err();
    assert_eq!(
        error.to_string(),
        "items[6](fb07).disposition: item `fb07` is still pending; decide it before the final text"
    );
    let unknown =
        round_with(|d| d["items"][1]["on"] = json!({ "type": "finding", "id": "F9" })).unwrap();
    let error = draft().apply(&unknown, rubric).unwrap_err();
    assert!(
        error
            .to_string()
            .starts_with("items[1](fb02).on.id: unknown finding `F9`"),
        "{error}"
    );
    let criterion =
        round_with(|d| d["items"][2]["on"] = json!({ "type": "criterion", "id": "P9" })).unwrap();
    assert_eq!(
        draft().apply(&criterion, rubric).unwrap_err().code(),
        "unknown_criterion"
    );
    let revised = round_with(|d| d["items"][2]["revision"] = json!("weight 15")).unwrap();
    assert_eq!(
        draft().apply(&revised, rubric).unwrap_err().code(),
        "inconsistent"
    );
    let target =
        round_with(|d| d["items"][0]["on"] = json!({ "type": "chapter", "id": "c1" })).unwrap_err();
    assert_eq!(target.code(), "unknown_name");
    assert_eq!(FeedbackTarget::Section("method".into()).kind(), "section");
}

#[test]
fn a_report_text_names_only_findings_it_has() {
    let mut doc: Value = serde_json::from_str(&text("examples/data/report-draft.json")).unwrap();
    doc["recommendations"][0]["findings"] = json!(["F2", "F7"]);
    let error = ReportText::from_json(&doc.to_string()).unwrap_err();
    assert!(
        error
            .to_string()
            .starts_with("recommendations[0](R1).findings[1]: unknown finding `F7`"),
        "{error}"
    );
}
