//! Shared fixtures: a small rubric that uses every metric, and a full assessment of it.

use igf_rubric::Document;
use serde_json::{Value, json};

/// A rubric with every metric type, a group, gates and bands.
pub fn rubric() -> Value {
    json!({
        "id": "mini", "version": "1", "title": "Mini", "kind": "proposal",
        "criteria": [
            { "id": "fit", "name": "Fit", "weight": "4",
              "metric": { "type": "scale", "min": "0", "max": "5", "step": "0.5" } },
            { "id": "clarity", "name": "Clarity", "weight": "2",
              "metric": { "type": "levels", "levels": [
                  { "id": "low", "label": "Low", "value": "1" },
                  { "id": "mid", "label": "Mid", "value": "2" },
                  { "id": "high", "label": "High", "value": "4" } ] } },
            { "id": "reach", "name": "Reach", "weight": "2", "criteria": [
                { "id": "partners", "name": "Partners", "weight": "1",
                  "metric": { "type": "count", "target": 4 } },
                { "id": "done", "name": "Done", "weight": "1",
                  "metric": { "type": "percent", "target": "80" } },
                { "id": "groups", "name": "Groups", "weight": "2",
                  "metric": { "type": "distribution", "categories": ["a", "b", "c", "d"],
                              "measure": "coverage", "target": "3" } } ] },
            { "id": "cost", "name": "Cost", "weight": "1",
              "metric": { "type": "scale", "min": "1", "max": "9", "direction": "lower_is_better" } },
            { "id": "complete", "name": "Complete", "weight": "0", "required": true,
              "metric": { "type": "yes_no" } },
            { "id": "notes", "name": "Notes", "metric": { "type": "text" } }
        ],
        "gates": [
            { "id": "complete", "label": "Complete", "rule": { "type": "requires_yes", "criterion": "complete" } },
            { "id": "fit-min", "label": "Fit at least 3", "rule": { "type": "criterion_minimum", "criterion": "fit", "threshold": "3" } },
            { "id": "total-min", "label": "Total at least 50", "rule": { "type": "total_minimum", "threshold": "50" } },
            { "id": "coi", "label": "No conflict", "rule": { "type": "no_conflict_of_interest" } }
        ],
        "bands": [
            { "id": "good", "label": "Good", "min": "70" },
            { "id": "fair", "label": "Fair", "min": "40" },
            { "id": "poor", "label": "Poor", "min": "0" }
        ]
    })
}

/// A complete assessment of [`rubric`].
pub fn assessment() -> Value {
    json!({
        "rubric": { "id": "mini", "version": "1" }, "kind": "proposal",
        "subject": { "id": "bpf-x", "title": "X", "year": 2020 },
        "assessor": { "id": "a1", "stakeholder_group": "civil_society", "region": "african", "role": "mag_member" },
        "conflict_of_interest": { "declared": false },
        "answers": [
            { "criterion": "fit", "value": { "scale": "4.5" } },
            { "criterion": "clarity", "value": { "level": "mid" } },
            { "criterion": "partners", "value": { "count": 2 } },
            { "criterion": "done", "value": { "percent": "60" } },
            { "criterion": "groups", "value": { "distribution": { "a": 3, "c": 1 } } },
            { "criterion": "cost", "value": { "scale": "3" } },
            { "criterion": "complete", "value": { "yes_no": true } },
            { "criterion": "notes", "value": { "text": "kept, never scored" }, "comment": "a comment" }
        ]
    })
}

/// `doc` with the value at JSON pointer `pointer` replaced (or inserted into an object).
#[track_caller]
pub fn with(mut doc: Value, pointer: &str, value: Value) -> Value {
    let (parent, key) = pointer.rsplit_once('/').unwrap();
    let target = doc
        .pointer_mut(parent)
        .unwrap_or_else(|| panic!("no {parent}"));
    match target {
        Value::Object(map) => {
            map.insert(key.to_owned(), value);
        }
        Value::Array(items) => items[key.parse::<usize>().unwrap()] = value,
        _ => panic!("{parent} is not a container"),
    }
    doc
}

/// `doc` without the value at `pointer`.
#[track_caller]
pub fn without(mut doc: Value, pointer: &str) -> Value {
    let (parent, key) = pointer.rsplit_once('/').unwrap();
    match doc.pointer_mut(parent).unwrap() {
        Value::Object(map) => {
            map.remove(key);
        }
        Value::Array(items) => {
            items.remove(key.parse::<usize>().unwrap());
        }
        _ => panic!("{parent} is not a container"),
    }
    doc
}

pub fn load_rubric(doc: &Value) -> igf_rubric::Rubric {
    igf_rubric::Rubric::from_json(&doc.to_string()).unwrap()
}

pub fn load_assessment(doc: &Value) -> igf_rubric::Assessment {
    igf_rubric::Assessment::from_json(&doc.to_string()).unwrap()
}

/// The sample assessments under `examples/data/<kind>/`, in name order.
pub fn samples(kind: &str) -> Vec<std::path::PathBuf> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("examples/data")
        .join(kind);
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    files
}

/// A fixture of `tests/fixtures/`, by file name.
pub fn fixture(name: &str) -> Value {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap()
}

/// A JSON array of numbers.
pub fn floats(v: &Value) -> Vec<f64> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_f64().unwrap())
        .collect()
}
