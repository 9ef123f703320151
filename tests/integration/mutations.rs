//! Schema and reader agree on documents nobody wrote by hand: every document kind, input and
//! output, mutated one node at a time (a member removed or added, a value replaced by another
//! type, a number written another way, an object written as a positional array), judged by
//! the JSON Schema (the `jsonschema` crate) and by the crate's reader. A disagreement must be
//! a rule listed in `schemas/loader-only-rules.md`; anything else fails the test with the
//! mutation that shows it. Every document the reader accepts is written again, read back equal,
//! and accepted by its schema: the crate writes nothing it refuses.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use igf_rubric::Document;
use serde_json::{Map, Value, json};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn read(path: &str) -> Value {
    serde_json::from_str(&fs::read_to_string(root().join(path)).unwrap()).unwrap()
}

/// Reads `text` as the document the schema `name` describes, with the crate's own reader, and
/// writes what it read: the text the crate writes for it.
fn load(name: &str, text: &str) -> Result<String, igf_rubric::Error> {
    use igf_rubric::{decision, evaluation, evidence, feedback, lessons, panel, revision};
    match name {
        "rubric" => again::<igf_rubric::Rubric>(text),
        "assessment" => again::<igf_rubric::Assessment>(text),
        "panel" => again::<igf_rubric::Panel>(text),
        "request" => again::<evaluation::EvaluationRequest>(text),
        "result" => again::<evaluation::EvaluationResult>(text),
        "scorecard" => again::<igf_rubric::Scorecard>(text),
        "panel-report" => again::<panel::PanelReport>(text),
        "error" => again::<igf_rubric::error::ErrorDocument>(text),
        "outcome-record" => again::<evidence::OutcomeRecord>(text),
        "commitments" => again::<evidence::Commitments>(text),
        "results-framework" => again::<evidence::ResultsFramework>(text),
        "consultation" => again::<lessons::Consultation>(text),
        "lessons-summary" => again::<lessons::LessonsSummary>(text),
        "report-text" => again::<feedback::ReportText>(text),
        "feedback-round" => again::<feedback::FeedbackRound>(text),
        "rescoring" => again::<revision::Rescoring>(text),
        "ranking" => again::<decision::Ranking>(text),
        "weights" => again::<decision::Weights>(text),
        "rank-acceptability" => again::<decision::RankAcceptability>(text),
        "ahp-priorities" => again::<decision::AlternativePriorities>(text),
        other => panic!("no reader for {other}"),
    }
}

/// Reads a document, writes it, and reads what was written back to an equal document.
fn again<D: Document + PartialEq + std::fmt::Debug>(
    text: &str,
) -> Result<String, igf_rubric::Error> {
    let document = D::from_json(text)?;
    let written = document.to_json()?;
    match D::from_json(&written) {
        Ok(read) => assert_eq!(read, document, "read back differs:\n{written}"),
        Err(error) => panic!("the crate refuses what it wrote ({error}):\n{written}\nfrom\n{text}"),
    }
    Ok(written)
}

/// One document of every kind, as the crate writes it or as the examples hold it.
fn seeds() -> Vec<(&'static str, Value)> {
    let emitted = |name: &str| read(&format!("tests/contract/emitted/{name}.json"));
    let mut seeds = vec![
        ("rubric", read("tests/contract/valid/mini-rubric.json")),
        ("rubric", read("presets/bpf-proposal.json")),
        (
            "assessment",
            read("tests/contract/valid/mini-assessment.json"),
        ),
        (
            "assessment",
            read("examples/data/evidence/cybersecurity-2019-assessment.json"),
        ),
        ("panel", read("tests/contract/valid/panel.json")),
        ("request", read("tests/contract/valid/request.json")),
        (
            "outcome-record",
            read("examples/data/evidence/cybersecurity-2019.json"),
        ),
        (
            "commitments",
            read("examples/data/commitments/cybersecurity-2019.json"),
        ),
        ("consultation", read("examples/data/lessons.json")),
        ("report-text", read("examples/data/report-draft.json")),
        ("feedback-round", read("examples/data/feedback-round.json")),
        ("rescoring", serde_json::to_value(rescoring()).unwrap()),
    ];
    for name in [
        "scorecard",
        "panel-report",
        "result",
        "error",
        "results-framework",
        "lessons-summary",
        "ranking",
        "weights",
        "rank-acceptability",
        "ahp-priorities",
    ] {
        let file = if name == "error" { "errors" } else { name };
        seeds.push((name, emitted(file)));
    }
    seeds
}

/// The sample panel reviewed under the proposal preset and under a revision of it.
fn rescoring() -> igf_rubric::revision::Rescoring {
    let older = igf_rubric::presets::bpf_proposal();
    let mut newer = read("presets/bpf-proposal.json");
    newer["version"] = json!("1.1.0");
    newer["criteria"][1]["weight"] = json!("30");
    let newer = igf_rubric::Rubric::from_json(&newer.to_string()).unwrap();
    let panel =
        igf_rubric::Panel::from_json(&read("tests/contract/valid/panel.json").to_string()).unwrap();
    newer.rescore(older, &panel).unwrap()
}

/// A named change to one node of a document, with the text the reader is given: the document
/// as serde_json writes it, but for a number too long for a float, written as it stands.
struct Mutation {
    what: String,
    document: Value,
    text: String,
}

/// Numbers written out in full, which serde_json's `Value` cannot hold: each stands in the
/// document as a string `RAW` + digits, and is written bare into the reader's text.
const RAW: &str = "raw number ";

impl Mutation {
    fn new(what: String, document: Value) -> Mutation {
        let mut text = document.to_string();
        while let Some(start) = text.find(&format!("\"{RAW}")) {
            let digits = start + 1 + RAW.len();
            let Some(end) = text[digits..].find('"').map(|e| digits + e) else {
                break;
            };
            text = format!(
                "{}{}{}",
                &text[..start],
                &text[digits..end],
                &text[end + 1..]
            );
        }
        let document = serde_json::from_str(&text).unwrap();
        Mutation {
            what,
            document,
            text,
        }
    }
}

/// Every node's path (as JSON Pointer) in document order.
fn pointers(value: &Value, at: String, out: &mut Vec<String>) {
    out.push(at.clone());
    match value {
        Value::Object(map) => {
            for (key, inner) in map {
                pointers(
                    inner,
                    format!("{at}/{}", key.replace('~', "~0").replace('/', "~1")),
                    out,
                );
            }
        }
        Value::Array(items) => {
            for (i, inner) in items.iter().enumerate() {
                pointers(inner, format!("{at}/{i}"), out);
            }
        }
        _ => {}
    }
}

/// The values a node is replaced with: other types, and its own value written other ways.
fn replacements(value: &Value) -> Vec<(&'static str, Value)> {
    let mut out = vec![
        ("null", Value::Null),
        ("true", json!(true)),
        ("string", json!("x y")),
    ];
    match value {
        Value::Object(map) => {
            out.push((
                "positional array",
                Value::Array(map.values().cloned().collect()),
            ));
            let mut extra = map.clone();
            extra.insert("zz_unknown".to_owned(), json!(1));
            out.push(("unknown member", Value::Object(extra)));
            out.push(("empty object", Value::Object(Map::new())));
        }
        Value::Array(items) => {
            out.push(("empty array", json!([])));
            if let Some(first) = items.first() {
                let mut twice = items.clone();
                twice.push(first.clone());
                out.push(("first item repeated", Value::Array(twice)));
            }
            out.push(("object", json!({})));
        }
        Value::Number(n) => {
            if let Some(i) = n.as_u64() {
                out.push(("whole written with .0", json!(i as f64)));
                out.push(("as string", json!(i.to_string())));
            }
            for (name, v) in [
                ("zero", json!(0)),
                ("minus one", json!(-1)),
                ("one half", json!(0.5)),
                ("2^53 - 1", json!(9_007_199_254_740_991_u64)),
                ("2^53", json!(9_007_199_254_740_992_u64)),
                ("u64 max", json!(u64::MAX)),
                ("1e30", json!(1e30)),
                (
                    "largest decimal",
                    json!(format!("{RAW}79228162514264337593543950335")),
                ),
                (
                    "smallest decimal",
                    json!(format!("{RAW}-79228162514264337593543950335")),
                ),
                (
                    "28 places",
                    json!(format!("{RAW}0.1000000000000000000000000001")),
                ),
            ] {
                out.push((name, v));
            }
        }
        Value::String(s) => {
            out.push(("empty string", json!("")));
            out.push(("trailing newline", json!(format!("{s}\n"))));
            out.push(("long string", json!("x".repeat(65))));
            out.push(("number", json!(1)));
            if s.parse::<f64>().is_ok() {
                out.push((
                    "decimal as number",
                    serde_json::from_str(s).unwrap_or(json!(1)),
                ));
                out.push(("29 digits", json!("79228162514264337593543950335")));
                out.push(("29 digits, over", json!("79228162514264337593543950336")));
                out.push(("28 places", json!("0.1000000000000000000000000001")));
                out.push(("29 places", json!("0.10000000000000000000000000001")));
                out.push(("exponent", json!("1e400")));
                out.push(("negative", json!(format!("-{s}"))));
            }
        }
        Value::Bool(_) => out.push(("zero", json!(0))),
        Value::Null => out.push(("zero", json!(0))),
    }
    out
}

/// The most nodes of one document mutated: large documents are sampled at an even stride, so
/// that every part of them is still visited and the test stays quick.
const MAX_NODES: usize = 240;

fn mutations(seed: &Value) -> Vec<Mutation> {
    let mut all = Vec::new();
    let mut paths = Vec::new();
    pointers(seed, String::new(), &mut paths);
    let stride = paths.len().div_ceil(MAX_NODES).max(1);
    for pointer in paths.into_iter().step_by(stride) {
        let node = seed.pointer(&pointer).unwrap();
        for (what, value) in replacements(node) {
            let mut document = seed.clone();
            if pointer.is_empty() {
                document = value;
            } else {
                *document.pointer_mut(&pointer).unwrap() = value;
            }
            all.push(Mutation::new(format!("{pointer}: {what}"), document));
        }
        if let Some((parent, key)) = pointer.rsplit_once('/')
            && let Some(Value::Object(_)) = seed.pointer(parent)
        {
            let mut document = seed.clone();
            if let Some(Value::Object(map)) = document.pointer_mut(parent) {
                map.remove(&key.replace("~1", "/").replace("~0", "~"));
            }
            all.push(Mutation::new(format!("{pointer}: removed"), document));
        }
    }
    all
}

/// The reader's error codes for the rules `schemas/loader-only-rules.md` lists: ids unique
/// among their kind, references that resolve, order and sums across items, ranges that depend
/// on another member or on the rubric, a reason a decision needs, items with one id described
/// alike.
const LISTED_CODES: &[&str] = &[
    "inconsistent",
    "duplicate_id",
    "bad_weight",
    "zero_total_weight",
    "band_gap",
    "empty_scale",
    "bad_step",
    "out_of_order",
    "out_of_range",
    "rubric_mismatch",
    "invalid_rule",
    "unknown_name",
    "missing_reason",
    "too_precise",
];

/// Whether the reader refuses a number for a listed rule: a JSON number a decimal does not hold
/// exactly, or a 29-digit decimal string above 79228162514264337593543950335.
fn listed_number(what: &str, error: &igf_rubric::Error) -> bool {
    error.code() == "invalid_value"
        && (what.ends_with(": 1e30") || what.ends_with(": 29 digits, over"))
}

#[test]
fn schema_and_reader_agree_on_mutated_documents_of_every_kind() {
    let validators: BTreeMap<&str, jsonschema::Validator> = igf_rubric::schema::all()
        .into_iter()
        .map(|(name, schema)| (name, jsonschema::validator_for(&schema).unwrap()))
        .collect();
    let mut disagreements: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut count = 0;
    let mut extremes_written = 0;
    for (name, seed) in seeds() {
        let validator = &validators[format!("{name}.schema.json").as_str()];
        assert!(validator.is_valid(&seed), "{name} seed is invalid");
        load(name, &seed.to_string()).unwrap_or_else(|e| panic!("{name} seed: {e}"));
        for mutation in mutations(&seed) {
            count += 1;
            let schema = validator.is_valid(&mutation.document);
            let reader = load(name, &mutation.text);
            if let Ok(written) = &reader {
                let written: Value = serde_json::from_str(written).unwrap();
                if mutation.text.contains("79228162514264337593543950335") {
                    extremes_written += 1;
                }
                if !validator.is_valid(&written) {
                    disagreements
                        .entry(format!("{name}: the schema refuses what the crate wrote"))
                        .or_default()
                        .push(mutation.what.clone());
                }
            }
            let key = match (&reader, schema) {
                (Ok(_), false) => format!("{name}: reader accepts, schema rejects"),
                (Err(e), true)
                    if LISTED_CODES.contains(&e.code()) || listed_number(&mutation.what, e) =>
                {
                    continue;
                }
                (Err(e), true) => format!("{name}: schema accepts, reader rejects ({})", e.code()),
                _ => continue,
            };
            let detail = match reader {
                Ok(_) => mutation.what,
                Err(e) => format!("{} -> {e}", mutation.what),
            };
            disagreements.entry(key).or_default().push(detail);
        }
    }
    let mut report = String::new();
    for (key, list) in &disagreements {
        report.push_str(&format!("{key}: {}\n", list.len()));
        for line in list.iter().take(8) {
            report.push_str(&format!(
                "    {}\n",
                line.chars().take(300).collect::<String>()
            ));
        }
    }
    assert!(disagreements.is_empty(), "{count} mutations\n{report}");
    assert!(count > 15_000, "only {count} mutations");
    assert!(
        extremes_written > 50,
        "the largest decimal was read and written back {extremes_written} times only"
    );
}
