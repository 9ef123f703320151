//! The committed schemas are current, and every sample document validates against them.

use igf_rubric::Document;
use std::fs;
use std::path::Path;

use serde_json::Value;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn read_json(path: &Path) -> Value {
    serde_json::from_str(&fs::read_to_string(path).unwrap()).unwrap()
}

fn committed(name: &str) -> Value {
    read_json(&root().join("schemas").join(name))
}

#[test]
fn committed_schemas_are_up_to_date() {
    for (name, schema) in igf_rubric::schema::all() {
        let path = root().join("schemas").join(name);
        let on_disk = fs::read_to_string(&path).unwrap_or_default();
        assert!(
            on_disk == igf_rubric::schema::to_text(&schema).unwrap(),
            "{} is stale: run `cargo run --example write_schemas` and commit the result",
            path.display()
        );
    }
}

#[track_caller]
fn assert_valid(schema: &Value, document: &Value, what: &str) {
    let validator = jsonschema::validator_for(schema).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(document)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(
        errors.is_empty(),
        "{what} does not validate:\n{}",
        errors.join("\n")
    );
}

use crate::common::samples as sample_assessments;

#[test]
fn presets_validate_against_the_rubric_schema() {
    let schema = committed("rubric.schema.json");
    for (id, text) in igf_rubric::presets::all() {
        assert_valid(&schema, &serde_json::from_str(text).unwrap(), id);
    }
    assert_valid(&schema, &crate::common::rubric(), "test fixture");
}

#[test]
fn sample_assessments_and_their_scorecards_validate() {
    let assessment_schema = committed("assessment.schema.json");
    let scorecard_schema = committed("scorecard.schema.json");
    let proposals = igf_rubric::presets::bpf_proposal();
    let outcomes = igf_rubric::presets::bpf_outcome();
    let files = sample_assessments("proposals");
    assert!(files.len() >= 6);
    let outcome_files = sample_assessments("outcomes");
    assert!(outcome_files.len() >= 2);
    let all = files
        .iter()
        .map(|f| (&proposals, f))
        .chain(outcome_files.iter().map(|f| (&outcomes, f)));
    for (rubric, file) in all {
        let document = read_json(file);
        assert_valid(&assessment_schema, &document, &file.display().to_string());
        let assessment = igf_rubric::Assessment::from_json(&document.to_string()).unwrap();
        let card = serde_json::to_value(rubric.score(&assessment).unwrap()).unwrap();
        assert_valid(
            &scorecard_schema,
            &card,
            &format!("scorecard of {}", file.display()),
        );
    }
}

#[test]
fn the_schemas_reject_what_the_loader_rejects() {
    let schema = committed("rubric.schema.json");
    let validator = jsonschema::validator_for(&schema).unwrap();
    let typo = crate::common::with(
        crate::common::rubric(),
        "/criteria/0/wieght",
        serde_json::json!(1),
    );
    assert!(!validator.is_valid(&typo));
    let bad_number = crate::common::with(
        crate::common::rubric(),
        "/criteria/0/weight",
        serde_json::json!("1,5"),
    );
    assert!(!validator.is_valid(&bad_number));
}

#[test]
fn the_sample_panel_and_its_report_validate() {
    let document = read_json(&root().join("examples/data/mag-panel.json"));
    assert_valid(
        &committed("panel.schema.json"),
        &document,
        "examples/data/mag-panel.json",
    );
    let panel = igf_rubric::Panel::from_json(&document.to_string()).unwrap();
    let report = igf_rubric::presets::bpf_proposal().review(&panel).unwrap();
    let value = serde_json::to_value(&report).unwrap();
    assert_valid(
        &committed("panel-report.schema.json"),
        &value,
        "the sample panel's report",
    );
    let back: igf_rubric::PanelReport = serde_json::from_value(value).unwrap();
    assert_eq!(back, report);
}

/// Adds a member to an object.
fn add(mut value: Value, pointer: &str, key: &str) -> Value {
    value
        .pointer_mut(pointer)
        .and_then(Value::as_object_mut)
        .unwrap()
        .insert(key.to_owned(), serde_json::json!("from a later release"));
    value
}

#[test]
fn output_documents_follow_the_compatibility_policy() {
    let rubric = igf_rubric::presets::bpf_proposal();
    let text = fs::read_to_string(root().join("examples/data/proposals/ipv6-2016.json")).unwrap();
    let card = rubric
        .score(&igf_rubric::Assessment::from_json(&text).unwrap())
        .unwrap();
    let written: Value = serde_json::from_str(&card.to_json().unwrap()).unwrap();
    let later = add(
        add(written.clone(), "", "new_summary"),
        "/criteria/0",
        "new_note",
    );
    assert_valid(
        &committed("scorecard.schema.json"),
        &later,
        "a later scorecard",
    );
    assert_eq!(
        igf_rubric::Scorecard::from_json(&later.to_string()).unwrap(),
        card
    );
    let mut future = written;
    future["format_version"] = serde_json::json!(2);
    let err = igf_rubric::Scorecard::from_json(&future.to_string()).unwrap_err();
    assert_eq!(
        err.to_string(),
        "format_version: version 2 is not supported (this crate reads 1)"
    );

    let panel = fs::read_to_string(root().join("examples/data/mag-panel.json")).unwrap();
    let report = rubric
        .review(&igf_rubric::Panel::from_json(&panel).unwrap())
        .unwrap();
    let written: Value = serde_json::from_str(&report.to_json().unwrap()).unwrap();
    let later = add(add(written, "", "new_summary"), "/subjects/0", "new_note");
    assert_valid(
        &committed("panel-report.schema.json"),
        &later,
        "a later report",
    );
    assert_eq!(
        igf_rubric::PanelReport::from_json(&later.to_string()).unwrap(),
        report
    );
    // Input documents reject what they do not know: a typo must not be dropped.
    let typo = add(
        read_json(&root().join("examples/data/proposals/ipv6-2016.json")),
        "",
        "new_summary",
    );
    assert!(igf_rubric::Assessment::from_json(&typo.to_string()).is_err());
}

#[test]
fn the_bundle_declares_each_type_once_as_every_document_does() {
    let bundle = committed("igf-rubric.schema.json");
    let defs = bundle["$defs"].as_object().unwrap();
    for (name, schema) in igf_rubric::schema::all() {
        if name == "igf-rubric.schema.json" {
            continue;
        }
        for (def, body) in schema["$defs"].as_object().into_iter().flatten() {
            let mut bundled = defs.get(def).cloned().unwrap_or_default();
            if body.get("title").is_none() {
                assert_eq!(
                    bundled["title"],
                    def.as_str(),
                    "{name}: $defs/{def} has no title"
                );
                bundled.as_object_mut().unwrap().remove("title");
            }
            assert_eq!(
                &bundled, body,
                "{name}: $defs/{def} differs from the bundle"
            );
        }
        let mut root = schema.clone();
        let root = root.as_object_mut().unwrap();
        root.remove("$defs");
        root.remove("$schema");
        let root = Value::Object(root.clone());
        assert!(
            defs.values().any(|def| *def == root),
            "the {name} document is not in the bundle"
        );
    }
}

/// Each document's name is its committed schema's file name, and the document reads back
/// what it writes.
#[test]
fn every_document_names_its_schema_and_reads_back_what_it_writes() {
    use igf_rubric::{Document, ErrorDocument, EvaluationRequest, Panel, Rubric, evaluate};

    #[track_caller]
    fn check<D: Document + PartialEq + std::fmt::Debug>(document: &D) {
        let path = format!(
            "{}/schemas/{}.schema.json",
            env!("CARGO_MANIFEST_DIR"),
            D::NAME
        );
        assert!(std::path::Path::new(&path).exists(), "{path}");
        assert_eq!(
            &D::from_json(&document.to_json().unwrap()).unwrap(),
            document
        );
        document.check().unwrap();
    }
    let root = env!("CARGO_MANIFEST_DIR");
    let text = |path: &str| std::fs::read_to_string(format!("{root}/{path}")).unwrap();
    let rubric = igf_rubric::presets::bpf_proposal();
    check(rubric);
    let panel = Panel::from_json(&text("examples/data/mag-panel.json")).unwrap();
    check(&panel);
    check(&rubric.review(&panel).unwrap());
    let sheet = &panel.assessments[0];
    check(sheet);
    check(&rubric.score(sheet).unwrap());
    let request = EvaluationRequest::new(rubric.into(), panel.assessments.clone());
    check(&request);
    check(&evaluate(&request).unwrap());
    check(&ErrorDocument::from(&Rubric::from_json("{").unwrap_err()));
    check(
        &igf_rubric::evidence::OutcomeRecord::from_json(&text(
            "examples/data/evidence/cybersecurity-2019.json",
        ))
        .unwrap(),
    );
    check(
        &igf_rubric::evidence::Commitments::from_json(&text(
            "examples/data/commitments/cybersecurity-2019.json",
        ))
        .unwrap(),
    );
    check(
        &igf_rubric::lessons::Consultation::from_json(&text("examples/data/lessons.json")).unwrap(),
    );
    check(
        &igf_rubric::feedback::ReportText::from_json(&text("examples/data/report-draft.json"))
            .unwrap(),
    );
    check(
        &igf_rubric::feedback::FeedbackRound::from_json(&text("examples/data/feedback-round.json"))
            .unwrap(),
    );
}
