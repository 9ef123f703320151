//! The adversarial table: hostile or careless input of every kind gets a clear error or a
//! defined result, never a panic, a hang or a stack overflow. Each row names its input and
//! what the crate answers; the limits it relies on are `json::MAX_DEPTH`, `MAX_NESTING`,
//! `MAX_ID_LEN` and the 28-digit decimals (see the README's "Limits").

use igf_rubric::Document;
use igf_rubric::{
    Assessment, Criterion, Decimal, Metric, Panel, Rubric, RubricKind, presets,
    rubric::{MAX_NESTING, RubricDoc},
};
use serde_json::{Value, json};

use crate::common::{assessment, rubric, with};

/// What the crate answered: `Ok(what)` for a defined result, `Err((code, message))`.
type Outcome = Result<String, (&'static str, String)>;

fn load(text: &str) -> Outcome {
    Rubric::from_json(text)
        .map(|r| format!("{} leaves", r.leaves().count()))
        .map_err(|e| (e.code(), e.to_string()))
}

fn leaf(id: &str) -> Value {
    json!({ "id": id, "name": id, "weight": 1, "metric": { "type": "yes_no" } })
}

fn rubric_of(criteria: Value) -> String {
    json!({ "id": "adv", "version": "1", "title": "A", "kind": "proposal", "criteria": criteria })
        .to_string()
}

/// `depth` groups, each holding the next, around one leaf, in JSON (written as text:
/// serde_json's own values recurse once per level).
fn nested_json(depth: usize) -> String {
    let mut criteria = format!("[{}]", leaf("x"));
    for level in (0..depth).rev() {
        criteria =
            format!(r#"[{{"id": "g{level}", "name": "g", "weight": 1, "criteria": {criteria}}}]"#);
    }
    rubric_of(json!("CRITERIA")).replace("\"CRITERIA\"", &criteria)
}

/// `depth` groups around one leaf, built in code (no JSON reader to stop it).
fn nested_in_code(depth: usize) -> Outcome {
    let mut criterion = Criterion::leaf("x", "x", Decimal::ONE, Metric::YesNo);
    for level in 0..depth {
        criterion = Criterion::group(format!("g{level}"), "g", Decimal::ONE, [criterion]);
    }
    let doc = RubricDoc::new("deep", "1", "Deep", RubricKind::Proposal).criterion(criterion);
    Rubric::try_from(doc)
        .map(|r| format!("{} leaves", r.leaves().count()))
        .map_err(|e| (e.code(), e.to_string()))
}

fn weight(value: Value) -> Outcome {
    load(&rubric_of(json!([
        { "id": "a", "name": "a", "weight": value, "metric": { "type": "yes_no" } },
        leaf("b")
    ])))
}

#[track_caller]
fn refused(outcome: Outcome, code: &str, says: &str) {
    match outcome {
        Err((got, message)) => {
            assert_eq!(got, code, "{message}");
            assert!(message.contains(says), "{message}");
            assert!(
                message.len() < 2_000,
                "a message of {} bytes",
                message.len()
            );
            assert!(!message.chars().any(char::is_control), "{message}");
        }
        Ok(what) => panic!("accepted ({what}), expected {code}"),
    }
}

#[test]
fn nesting() {
    refused(
        load(&nested_json(10_000)),
        "too_deep",
        "the document nests arrays and objects deeper than 128 levels",
    );
    refused(
        nested_in_code(10_000),
        "malformed_criterion",
        "nests groups deeper than the 32 levels a rubric may have",
    );
    // The limit itself: a leaf inside MAX_NESTING groups loads, from JSON and from code; one
    // more group is refused.
    assert_eq!(load(&nested_json(MAX_NESTING)), Ok("1 leaves".to_owned()));
    assert_eq!(nested_in_code(MAX_NESTING), Ok("1 leaves".to_owned()));
    refused(
        load(&nested_json(MAX_NESTING + 1)),
        "malformed_criterion",
        "criteria[0](g32)",
    );
}

#[test]
fn size() {
    // 100,000 criteria, each with a 500-character description: a 56 MB document. It loads,
    // and an assessment answering every criterion (8 MB) scores exactly.
    let description = "word ".repeat(100);
    let criteria: Vec<Value> = (0..100_000)
        .map(|i| {
            json!({ "id": format!("c{i}"), "name": format!("Criterion {i}"),
                    "description": description, "weight": 1, "metric": { "type": "yes_no" } })
        })
        .collect();
    let text = rubric_of(Value::Array(criteria));
    assert!(text.len() > 50_000_000, "{} bytes", text.len());
    let rubric = Rubric::from_json(&text).unwrap();
    assert_eq!(rubric.leaves().count(), 100_000);
    let answers: Vec<Value> = (0..100_000)
        .map(|i| json!({ "criterion": format!("c{i}"), "value": { "yes_no": i % 4 != 0 } }))
        .collect();
    let mut sheet = assessment();
    sheet["rubric"] = json!({ "id": "adv", "version": "1" });
    sheet["answers"] = Value::Array(answers);
    let sheet = rubric.read_assessment(&sheet.to_string()).unwrap();
    let card = rubric.score(&sheet).unwrap();
    assert_eq!(card.total.unwrap().published.to_string(), "75.00");
}

#[test]
fn ids() {
    refused(
        load(&rubric_of(json!([leaf("a\u{0}b\u{1b}[31m")]))),
        "invalid_id",
        "id `a\\u{0}b\\u{1b}[31m` is not valid",
    );
    // A Cyrillic `Р` that looks like a Latin `P`.
    refused(
        load(&rubric_of(json!([leaf("\u{420}1"), leaf("P1")]))),
        "invalid_id",
        "use only letters, digits",
    );
    refused(
        load(&rubric_of(json!([leaf(&"x".repeat(65))]))),
        "invalid_id",
        "longer than 64 characters",
    );
    refused(
        load(&rubric_of(json!([leaf("a"), leaf("a")]))),
        "duplicate_id",
        "duplicate criterion id `a`",
    );
}

#[test]
fn numbers() {
    refused(
        weight(json!("1e400")),
        "invalid_value",
        "not a decimal number",
    );
    refused(
        load(&rubric_of(json!([leaf("b")])).replace("\"weight\":1", "\"weight\":1e400")),
        "invalid_value",
        "1e400",
    );
    // -0 is 0: a defined result, and it prints as 0.
    for zero in [json!(-0), json!("-0"), json!("-0.0")] {
        let text = rubric_of(json!([
            { "id": "a", "name": "a", "weight": zero, "metric": { "type": "yes_no" } },
            leaf("b")
        ]));
        let rubric = Rubric::from_json(&text).unwrap();
        assert!(rubric.criterion("a").unwrap().weight.unwrap().is_zero());
    }
    refused(
        weight(json!("NaN")),
        "invalid_value",
        "\"NaN\" is not a decimal number",
    );
    refused(
        weight(json!("Infinity")),
        "invalid_value",
        "not a decimal number",
    );
    // 29 digits fit when the first is at most 6 (below 2^96); a 7 does not.
    assert_eq!(
        weight(json!("12345678901234567890123456789")),
        Ok("2 leaves".to_owned())
    );
    refused(
        weight(json!("99999999999999999999999999999")),
        "invalid_value",
        "",
    );
    refused(
        load(&rubric_of(json!([
            { "id": "a", "name": "a", "weight": "39614081257132168796771975168", "metric": { "type": "yes_no" } },
            { "id": "b", "name": "b", "weight": "39614081257132168796771975168", "metric": { "type": "yes_no" } }
        ]))),
        "bad_weight",
        "add up to more than a decimal holds",
    );
}

#[test]
fn text() {
    let good = rubric().to_string();
    refused(
        load(&format!("\u{feff}{good}")),
        "syntax",
        "byte-order mark",
    );
    refused(
        load(&good.replacen("\"id\":\"mini\"", "\"id\":\"mini\",\"id\":\"again\"", 1)),
        "duplicate_key",
        "`id`",
    );
    let error = igf_rubric::json::from_slice::<Assessment>(b"{\"kind\": \"\xff\"}").unwrap_err();
    assert_eq!(error.code(), "not_utf8");
    assert!(error.to_string().contains("not UTF-8"), "{error}");
    refused(load(""), "syntax", "");
    refused(load(&good[..good.len() / 2]), "syntax", "");
}

#[test]
fn panels_and_answers() {
    // A panel of one assessor: reviewed, and the reliability says why it has no value.
    let proposal = presets::bpf_proposal();
    let mut panel: Value = serde_json::from_str(
        &std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/examples/data/mag-panel.json"
        ))
        .unwrap(),
    )
    .unwrap();
    let first = panel["assessments"][0].clone();
    panel["assessments"] = json!([first]);
    panel["consensus"] = json!([]);
    let report = proposal
        .review(&Panel::from_json(&panel.to_string()).unwrap())
        .unwrap();
    assert_eq!(report.subjects.len(), 1);
    assert!(report.reliability.totals_alpha.value.is_none());
    assert!(report.reliability.totals_alpha.note.is_some());

    // Every answer "unable to assess": no total, and the scorecard says so.
    let mini = crate::common::load_rubric(&rubric());
    let mut sheet = assessment();
    for answer in sheet["answers"].as_array_mut().unwrap() {
        answer["value"] = json!("unable_to_assess");
    }
    let card = mini
        .score(&mini.read_assessment(&sheet.to_string()).unwrap())
        .unwrap();
    assert!(card.total.is_none());
    assert!(!card.complete);

    // Answers naming a criterion twice are refused, not summed.
    let twice = with(assessment(), "/answers/1/criterion", json!("fit"));
    let errors = mini.read_assessment(&twice.to_string()).unwrap_err();
    assert_eq!(errors[0].code(), "duplicate_id");
}
