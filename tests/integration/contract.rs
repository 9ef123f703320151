//! The JSON contract, proven both ways: a corpus of invalid documents, each breaking one rule,
//! rejected by the schema and by the loader alike, except those the manifest marks "loader
//! only" with the rule JSON Schema cannot state.
//!
//! The corpus lives in `tests/contract/` (manifest, invalid, valid and emitted documents) so that
//! validators this crate did not write (Ajv, Python `jsonschema`; see `tests/contract/check.mjs`
//! and `check.py`) check the same files. This test rebuilds it from the table below and fails
//! when the committed copy is stale; `IGF_RUBRIC_WRITE_CONTRACT=1 cargo test --test integration
//! contract` rewrites it.

use igf_rubric::Document;
use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use serde_json::{Value, json};

use crate::common;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn read(path: &str) -> Value {
    serde_json::from_str(&fs::read_to_string(root().join(path)).unwrap()).unwrap()
}

/// The document a case starts from, with the schema and the loader that judge it.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Base {
    /// The `bpf-proposal` preset, read by `Rubric::from_json`.
    Preset,
    /// The small test rubric with every metric, read by `Rubric::from_json`.
    Mini,
    /// A sample proposal assessment, read by `bpf_proposal().read_assessment`.
    Proposal,
    /// A complete assessment of the mini rubric, read by `mini.read_assessment`.
    MiniAssessment,
    /// A panel of two proposals, read by `Panel::from_json` and reviewed under `bpf-proposal`.
    Panel,
    /// An evaluation request, read by `evaluate_json`.
    Request,
    /// An outcome record, read by `OutcomeRecord::from_json`.
    Record,
    /// A proposal's commitments, read by `Commitments::from_json`.
    Commitments,
    /// Answers to the three questions with a code book, read by `Consultation::from_json`.
    Consultation,
    /// A draft report, read by `ReportText::from_json`.
    ReportText,
    /// The feedback on a draft, read by `FeedbackRound::from_json`.
    FeedbackRound,
    /// A document the crate writes (`tests/contract/emitted/<name>.json`), read by its
    /// `from_json`: outputs refuse what their schemas refuse, too.
    Output(&'static str),
}

impl Base {
    fn name(self) -> &'static str {
        match self {
            Base::Preset => "preset-rubric",
            Base::Mini => "mini-rubric",
            Base::Proposal => "proposal-assessment",
            Base::MiniAssessment => "mini-assessment",
            Base::Panel => "panel",
            Base::Request => "request",
            Base::Record => "outcome-record",
            Base::Commitments => "commitments",
            Base::Consultation => "consultation",
            Base::ReportText => "report-text",
            Base::FeedbackRound => "feedback-round",
            Base::Output(name) => name,
        }
    }

    fn schema(self) -> String {
        let name = match self {
            Base::Preset | Base::Mini => "rubric.schema.json",
            Base::Proposal | Base::MiniAssessment => "assessment.schema.json",
            Base::Panel => "panel.schema.json",
            Base::Request => "request.schema.json",
            Base::Record => "outcome-record.schema.json",
            Base::Commitments => "commitments.schema.json",
            Base::Consultation => "consultation.schema.json",
            Base::ReportText => "report-text.schema.json",
            Base::FeedbackRound => "feedback-round.schema.json",
            Base::Output(name) => return format!("{name}.schema.json"),
        };
        name.to_owned()
    }

    fn document(self) -> Value {
        match self {
            Base::Preset => read("presets/bpf-proposal.json"),
            Base::Mini => common::rubric(),
            Base::Proposal => read("examples/data/proposals/ipv6-2016.json"),
            Base::MiniAssessment => common::assessment(),
            Base::Panel => json!({
                "rubric": { "id": "bpf-proposal", "version": "1.0.0" },
                "rules": { "min_assessors": 1, "capacity": 1 },
                "consensus": [
                    { "subject": "bpf-ipv6-2016", "value": "70", "recorded_by": "chair", "note": "agreed" }
                ],
                "assessments": [
                    read("examples/data/proposals/ipv6-2016.json"),
                    read("examples/data/proposals/ixps-2016.json")
                ]
            }),
            Base::Record => read("examples/data/evidence/cybersecurity-2019.json"),
            Base::Commitments => read("examples/data/commitments/cybersecurity-2019.json"),
            Base::Consultation => read("examples/data/lessons.json"),
            Base::ReportText => read("examples/data/report-draft.json"),
            Base::FeedbackRound => read("examples/data/feedback-round.json"),
            Base::Output(name) => {
                let file = if name == "error" { "errors" } else { name };
                emitted().remove(&format!("{file}.json")).unwrap()
            }
            Base::Request => json!({
                "schema_version": 1,
                "rubric": { "preset": { "id": "bpf-proposal" } },
                "assessments": [read("examples/data/proposals/ipv6-2016.json")],
                "options": { "reliability": ["totals_alpha"] }
            }),
        }
    }

    /// Whether the crate accepts `document`; the first error when it does not.
    fn load(self, document: &Value) -> Result<(), igf_rubric::Error> {
        let text = document.to_string();
        let proposal = igf_rubric::presets::bpf_proposal();
        let first = |errors: Vec<igf_rubric::Error>| errors.into_iter().next().unwrap();
        match self {
            Base::Preset | Base::Mini => igf_rubric::Rubric::from_json(&text).map(|_| ()),
            Base::Proposal => proposal.read_assessment(&text).map(|_| ()).map_err(first),
            Base::MiniAssessment => common::load_rubric(&common::rubric())
                .read_assessment(&text)
                .map(|_| ())
                .map_err(first),
            Base::Panel => igf_rubric::Panel::from_json(&text)
                .and_then(|panel| proposal.review(&panel))
                .map(|_| ()),
            Base::Request => igf_rubric::EvaluationRequest::from_json(&text)
                .map_err(|e| vec![e])
                .and_then(|request| igf_rubric::evaluate(&request))
                .map(|_| ())
                .map_err(first),
            Base::Record => igf_rubric::evidence::OutcomeRecord::from_json(&text).map(|_| ()),
            Base::Commitments => igf_rubric::evidence::Commitments::from_json(&text).map(|_| ()),
            Base::Consultation => igf_rubric::lessons::Consultation::from_json(&text).map(|_| ()),
            Base::ReportText => igf_rubric::feedback::ReportText::from_json(&text).map(|_| ()),
            Base::FeedbackRound => {
                igf_rubric::feedback::FeedbackRound::from_json(&text).map(|_| ())
            }
            Base::Output(name) => read_output(name, &text),
        }
    }
}

/// Reads an output document of the kind `name` with its `from_json`.
fn read_output(name: &str, text: &str) -> Result<(), igf_rubric::Error> {
    use igf_rubric::{decision, error, evaluation, evidence, lessons, panel};
    match name {
        "scorecard" => igf_rubric::Scorecard::from_json(text).map(drop),
        "panel-report" => panel::PanelReport::from_json(text).map(drop),
        "result" => evaluation::EvaluationResult::from_json(text).map(drop),
        "error" => error::ErrorDocument::from_json(text).map(drop),
        "results-framework" => evidence::ResultsFramework::from_json(text).map(drop),
        "lessons-summary" => lessons::LessonsSummary::from_json(text).map(drop),
        "ranking" => decision::Ranking::from_json(text).map(drop),
        "weights" => decision::Weights::from_json(text).map(drop),
        "rank-acceptability" => decision::RankAcceptability::from_json(text).map(drop),
        "ahp-priorities" => decision::AlternativePriorities::from_json(text).map(drop),
        other => panic!("no output {other}"),
    }
}

/// A leaf inside `depth` groups, each holding the next.
fn nested_groups(depth: usize) -> Value {
    (0..depth).fold(
        json!([{ "id": "leaf", "name": "Leaf", "weight": 1, "metric": { "type": "yes_no" } }]),
        |inner, level| json!([{ "id": format!("g{level}"), "name": "G", "weight": 1, "criteria": inner }]),
    )
}

/// One rule broken: where, how, and whether JSON Schema can state the rule.
struct Case {
    base: Base,
    rule: &'static str,
    edit: Edit,
    loader_only: Option<&'static str>,
}

enum Edit {
    Set(&'static str, Value),
    Remove(&'static str),
}

fn set(base: Base, rule: &'static str, pointer: &'static str, value: Value) -> Case {
    Case {
        base,
        rule,
        edit: Edit::Set(pointer, value),
        loader_only: None,
    }
}

fn remove(base: Base, rule: &'static str, pointer: &'static str) -> Case {
    Case {
        base,
        rule,
        edit: Edit::Remove(pointer),
        loader_only: None,
    }
}

impl Case {
    /// The rule is the loader's alone: JSON Schema cannot state it, for `why`.
    fn loader_only(mut self, why: &'static str) -> Case {
        self.loader_only = Some(why);
        self
    }

    fn document(&self) -> Value {
        let mut document = self.base.document();
        match &self.edit {
            Edit::Set("", value) => document = value.clone(),
            Edit::Set(pointer, value) => {
                let (parent, key) = pointer.rsplit_once('/').unwrap();
                match document.pointer_mut(parent).unwrap() {
                    Value::Object(map) => {
                        map.insert(key.to_owned(), value.clone());
                    }
                    Value::Array(items) => items[key.parse::<usize>().unwrap()] = value.clone(),
                    other => panic!("{pointer}: cannot set inside {other}"),
                }
            }
            Edit::Remove(pointer) => {
                let (parent, key) = pointer.rsplit_once('/').unwrap();
                match document.pointer_mut(parent).unwrap() {
                    Value::Object(map) => {
                        map.remove(key).unwrap();
                    }
                    Value::Array(items) => {
                        items.remove(key.parse::<usize>().unwrap());
                    }
                    other => panic!("{pointer}: cannot remove from {other}"),
                }
            }
        }
        document
    }
}

const ALIKE: &str = "a rule across two items' values (the same id, described alike)";
const UNIQUE: &str = "ids are unique among their kind: JSON Schema's uniqueItems compares whole items, not one member";
const REFERENCE: &str =
    "a reference must name an item declared elsewhere in the document (or in the rubric)";
const ORDER: &str = "the order of values across items (levels rise, bands fall, min below max)";
const SUM: &str = "a rule on the sum or the ratios of several values";
const RUBRIC: &str = "a rule that depends on the rubric the document is checked against";
const WEIGHT: &str = "whether a weight is required depends on the metric's type";
const DERIVED: &str = "recorded weights must be their derivation rounded, and its inputs must give it again: arithmetic across the document";
const DEPTH: &str = "JSON Schema cannot bound how deeply a recursive definition nests";
const EXACT: &str = "whether a JSON number is held exactly by a 96-bit decimal (more than 28 significant digits, or beyond 7.9e28)";

#[allow(clippy::too_many_lines)]
fn cases() -> Vec<Case> {
    use Base::{Mini, MiniAssessment, Panel, Preset, Proposal, Request};
    let long_id = "x".repeat(65);
    let long_id: &'static str = Box::leak(long_id.into_boxed_str());
    let mut cases = vec![
        // Rubric: the document.
        set(Preset, "format_version is 1", "/format_version", json!(2)),
        set(Preset, "format_version is an integer", "/format_version", json!("1")),
        set(Preset, "a rubric is an object", "", json!([])),
        set(Preset, "a rubric is an object, not a string", "", json!("rubric")),
        set(Preset, "id is not empty", "/id", json!("")),
        set(Preset, "id has no spaces", "/id", json!("bpf proposal")),
        set(Preset, "id is at most 64 characters", "/id", json!(long_id)),
        set(Preset, "id has no control characters", "/id", json!("bpf\u{1b}[31m")),
        set(Preset, "id is ASCII", "/id", json!("bpf-propósito")),
        set(Preset, "id is a string", "/id", json!(123)),
        remove(Preset, "id is required", "/id"),
        remove(Preset, "version is required", "/version"),
        remove(Preset, "title is required", "/title"),
        remove(Preset, "kind is required", "/kind"),
        remove(Preset, "criteria are required", "/criteria"),
        set(Preset, "kind is proposal or outcome", "/kind", json!("ex_ante")),
        set(Preset, "title is a string", "/title", json!(null)),
        set(Preset, "description is a string", "/description", json!(5)),
        set(Preset, "no unknown top-level field", "/criterias", json!([])),
        set(Preset, "unable_to_assess is a known policy", "/unable_to_assess", json!("skip")),
        // Rubric: criteria.
        set(Preset, "criteria has at least one item", "/criteria", json!([])),
        set(Preset, "criteria is an array", "/criteria", json!({})),
        set(Preset, "a criterion is an object", "/criteria/1", json!("P1")),
        set(Preset, "no unknown criterion field", "/criteria/1/wieght", json!(1)),
        set(
            Preset,
            "a criterion is a leaf or a group, not both",
            "/criteria/1/criteria",
            json!([{ "id": "P1x", "name": "x", "weight": 1, "metric": { "type": "yes_no" } }]),
        ),
        remove(Preset, "a criterion has a metric or criteria", "/criteria/1/metric"),
        set(Preset, "a group has at least one criterion", "/criteria/5/criteria", json!([])),
        set(Preset, "criterion id is an id", "/criteria/1/id", json!("P 1")),
        set(Preset, "criterion name is a string", "/criteria/1/name", json!(["P1"])),
        remove(Preset, "criterion name is required", "/criteria/1/name"),
        set(Preset, "required is a boolean", "/criteria/1/required", json!("yes")),
        set(Preset, "criterion ids are unique", "/criteria/2/id", json!("P1")).loader_only(UNIQUE),
        // Rubric: weights and decimals.
        set(Preset, "weight is not negative", "/criteria/1/weight", json!(-1)),
        set(Preset, "weight string is not negative", "/criteria/1/weight", json!("-0.5")),
        set(Preset, "decimal string holds digits", "/criteria/1/weight", json!("abc")),
        set(Preset, "decimal string has no exponent", "/criteria/1/weight", json!("1e1")),
        set(Preset, "decimal string has no exponent that overflows", "/criteria/1/weight", json!("1e400")),
        set(Preset, "decimal string uses a point, not a comma", "/criteria/1/weight", json!("1,5")),
        set(Preset, "decimal string has no leading plus", "/criteria/1/weight", json!("+2")),
        set(Preset, "decimal string has digits after the point", "/criteria/1/weight", json!("2.")),
        set(Preset, "decimal string has digits before the point", "/criteria/1/weight", json!(".5")),
        set(Preset, "decimal string has no spaces", "/criteria/1/weight", json!(" 2")),
        set(Preset, "decimal string is not empty", "/criteria/1/weight", json!("")),
        set(
            Preset,
            "decimal string has at most 29 digits, the first below 7",
            "/criteria/1/weight",
            json!("99999999999999999999999999999"),
        ),
        set(
            Preset,
            "decimal string has at most 28 decimal places",
            "/criteria/1/weight",
            json!("0.00000000000000000000000000001"),
        ),
        set(Preset, "weight is a number or a string", "/criteria/1/weight", json!(true)),
        set(Preset, "weight is not an object", "/criteria/1/weight", json!({ "value": 1 })),
        set(Preset, "a scored criterion has a weight", "/criteria/1/weight", json!(null))
            .loader_only(WEIGHT),
        remove(Preset, "a scored criterion has a weight, absent", "/criteria/1/weight")
            .loader_only(WEIGHT),
        set(Mini, "a text criterion has no weight", "/criteria/5/weight", json!(1))
            .loader_only(WEIGHT),
        set(Preset, "weights must not all be zero", "/criteria", json!([
            { "id": "a", "name": "A", "weight": 0, "metric": { "type": "yes_no" } },
            { "id": "b", "name": "B", "weight": 0, "metric": { "type": "yes_no" } }
        ]))
        .loader_only(SUM),
        set(Preset, "weights must sum within a decimal", "/criteria", json!([
            { "id": "a", "name": "A", "weight": "39614081257132168796771975168", "metric": { "type": "yes_no" } },
            { "id": "b", "name": "B", "weight": "39614081257132168796771975168", "metric": { "type": "yes_no" } }
        ]))
        .loader_only(SUM),
        set(Preset, "groups nest at most 32 levels", "/criteria", nested_groups(33))
            .loader_only(DEPTH),
        // Rubric: derived weights recorded beside them.
        set(Preset, "weights are their recorded derivation, rounded", "/weighting", json!([{
            "group": "P5", "criteria": ["P5a", "P5b"], "method": { "method": "equal" },
            "inputs": { "kind": "none" }, "derived": ["0.5", "0.5"], "places": 2
        }]))
        .loader_only(DERIVED),
        set(Preset, "weight inputs are of a known kind", "/weighting", json!([{
            "group": "P5", "criteria": ["P5a", "P5b"], "method": { "method": "equal" },
            "inputs": { "kind": "guess" }, "derived": ["0.5", "0.5"], "places": 0
        }])),
        set(Preset, "weights are rounded to at most 10 places", "/weighting", json!([{
            "group": "P5", "criteria": ["P5a", "P5b"], "method": { "method": "equal" },
            "inputs": { "kind": "none" }, "derived": ["0.5", "0.5"], "places": 11
        }])),
        // Rubric: metrics.
        set(Preset, "metric type is known", "/criteria/1/metric/type", json!("slider")),
        remove(Preset, "metric type is required", "/criteria/1/metric/type"),
        set(Preset, "metric is an object", "/criteria/1/metric", json!("scale")),
        set(Preset, "no unknown scale field", "/criteria/1/metric/stpe", json!(1)),
        set(Preset, "scale min is a decimal", "/criteria/1/metric/min", json!("a")),
        remove(Preset, "scale max is required", "/criteria/1/metric/max"),
        set(Preset, "scale min is below max", "/criteria/1/metric/min", json!(9)).loader_only(ORDER),
        set(Preset, "scale step is positive", "/criteria/1/metric/step", json!("0")),
        set(Preset, "scale step is not negative", "/criteria/1/metric/step", json!(-1)),
        set(Preset, "scale step divides the range", "/criteria/1/metric/step", json!(3))
            .loader_only(SUM),
        set(Preset, "scale direction is known", "/criteria/1/metric/direction", json!("up")),
        set(Preset, "levels has at least two levels", "/criteria/2/metric/levels", json!([
            { "id": "only", "label": "Only", "value": 1 }
        ])),
        set(Preset, "levels is not empty", "/criteria/2/metric/levels", json!([])),
        set(Preset, "levels rise", "/criteria/2/metric/levels", json!([
            { "id": "a", "label": "A", "value": 2 },
            { "id": "b", "label": "B", "value": 1 }
        ]))
        .loader_only(ORDER),
        set(Preset, "level ids are unique", "/criteria/2/metric/levels", json!([
            { "id": "a", "label": "A", "value": 1 },
            { "id": "a", "label": "B", "value": 2 }
        ]))
        .loader_only(UNIQUE),
        remove(Preset, "a level has a label", "/criteria/2/metric/levels/0/label"),
        set(Preset, "level id is an id", "/criteria/2/metric/levels/0/id", json!("de fined")),
        set(Preset, "level value is a decimal", "/criteria/2/metric/levels/0/value", json!("x")),
        set(Preset, "no unknown level field", "/criteria/2/metric/levels/0/points", json!(1)),
        set(Preset, "count target is at least 1", "/criteria/6/metric/target", json!(0)),
        set(Preset, "count target is a JSON integer, not a string", "/criteria/6/metric/target", json!("3")),
        set(Preset, "count target is whole", "/criteria/6/metric/target", json!(2.5)),
        set(Preset, "count target is not negative", "/criteria/6/metric/target", json!(-1)),
        set(Preset, "count target is at most 2^53 - 1", "/criteria/6/metric/target", json!(9_007_199_254_740_992_u64)),
        set(Preset, "count curve is known", "/criteria/6/metric/curve", json!("exponential")),
        set(Preset, "distribution has at least two categories", "/criteria/5/criteria/0/metric/categories", json!(["government"])),
        set(Preset, "distribution categories are unique", "/criteria/5/criteria/0/metric/categories", json!(["government", "government", "civil_society"])),
        set(Preset, "distribution category is an id", "/criteria/5/criteria/0/metric/categories/0", json!("civil society")),
        remove(Preset, "distribution measure is required", "/criteria/5/criteria/0/metric/measure"),
        set(Preset, "distribution measure is known", "/criteria/5/criteria/0/metric/measure", json!("gini")),
        set(Preset, "distribution target is positive", "/criteria/5/criteria/0/metric/target", json!(0)),
        set(Preset, "coverage target is at most the number of categories", "/criteria/5/criteria/0/metric/target", json!(6))
            .loader_only("the bound is the length of another array"),
        set(Mini, "percent target is above 0", "/criteria/2/criteria/1/metric/target", json!(0)),
        set(Mini, "percent target is at most 100", "/criteria/2/criteria/1/metric/target", json!(150)),
        set(Mini, "percent target string is at most 100", "/criteria/2/criteria/1/metric/target", json!("100.5")),
        set(Mini, "percent target string is above 0", "/criteria/2/criteria/1/metric/target", json!("0.0")),
        set(Mini, "yes_no has no fields", "/criteria/4/metric/min", json!(0)),
        // Rubric: gates.
        set(Preset, "gate id is an id", "/gates/0/id", json!("pro posal")),
        set(Preset, "gate ids are unique", "/gates/1/id", json!("complete")).loader_only(UNIQUE),
        set(Preset, "gate rule type is known", "/gates/0/rule/type", json!("requires_no")),
        remove(Preset, "requires_yes names a criterion", "/gates/0/rule/criterion"),
        set(Preset, "a gate names a criterion of the rubric", "/gates/0/rule/criterion", json!("G9"))
            .loader_only(REFERENCE),
        set(Preset, "requires_yes names a yes_no criterion", "/gates/0/rule/criterion", json!("P1"))
            .loader_only(REFERENCE),
        remove(Preset, "a gate has a label", "/gates/0/label"),
        set(Preset, "gates is an array", "/gates", json!({})),
        set(Mini, "criterion_minimum threshold is a decimal", "/gates/1/rule/threshold", json!("three")),
        set(Mini, "criterion_minimum threshold lies on the criterion's scale", "/gates/1/rule/threshold", json!(7))
            .loader_only(REFERENCE),
        set(Mini, "total_minimum threshold lies on the total scale", "/gates/2/rule/threshold", json!(150))
            .loader_only(ORDER),
        set(Mini, "no unknown gate rule field", "/gates/3/rule/criterion", json!("fit")),
        // Rubric: bands, scale, rounding.
        set(Preset, "bands fall", "/bands/1/min", json!(70)).loader_only(ORDER),
        set(Preset, "band ids are unique", "/bands/1/id", json!("recommend")).loader_only(UNIQUE),
        set(Preset, "bands cover the scale down to its min", "/bands/2/min", json!(10)).loader_only(ORDER),
        set(Preset, "a band lies on the total scale", "/bands/0/min", json!(150)).loader_only(ORDER),
        remove(Preset, "a band has a label", "/bands/0/label"),
        set(Preset, "band min is a decimal", "/bands/0/min", json!([60])),
        set(Preset, "rounding dp is at most 10", "/rounding/dp", json!(11)),
        set(Preset, "rounding dp is not negative", "/rounding/dp", json!(-1)),
        set(Preset, "rounding dp is whole", "/rounding/dp", json!(2.5)),
        set(Preset, "rounding mode is known", "/rounding/mode", json!("round")),
        set(Preset, "total scale min is below max", "/scale", json!({ "min": 100, "max": 0 }))
            .loader_only(ORDER),
        set(Preset, "total scale ends are at most 10^6", "/scale/max", json!(2_000_000)),
        set(Preset, "total scale ends are at least -10^6", "/scale/min", json!("-1000000.5")),
        set(Preset, "a total scale end has at most 10 decimal places", "/scale/max", json!("100.00000000000")),
        set(Preset, "a total scale end written as a JSON number has at most 10 decimal places", "/scale/max", json!(99.00000000001))
            .loader_only("a validator reads a JSON number as a binary float, whose decimal places are not the ones written"),
        set(Preset, "total scale ends are decimals", "/scale/max", json!("1e7")),
        set(Preset, "total scale direction is known", "/scale/direction", json!("down")),
        // Rubric: panel rules.
        set(Preset, "min_assessors is at least 1", "/panel/min_assessors", json!(0)),
        set(Preset, "capacity is at least 1", "/panel/capacity", json!(0)),
        set(Preset, "capacity is whole", "/panel/capacity", json!(1.5)),
        set(Preset, "divergence is above 0", "/panel/divergence", json!(0)),
        set(Preset, "divergence is at most 1", "/panel/divergence", json!(1.5)),
        set(Preset, "divergence string is at most 1", "/panel/divergence", json!("1.01")),
        set(Preset, "divergence is not negative", "/panel/divergence", json!("-0.1")),
        set(Preset, "aggregation method is known", "/panel/aggregation", json!({ "method": "mode" })),
        set(Preset, "trim share is below 0.5", "/panel/aggregation/trim", json!({ "share": 0.5 })),
        set(Preset, "trim share string is below 0.5", "/panel/aggregation/trim", json!({ "share": "0.75" })),
        set(Preset, "trim count is whole", "/panel/aggregation/trim", json!({ "count": "1" })),
        set(Preset, "tie-break is known", "/panel/tie_break/2", json!({ "by": "coin" })),
        set(Preset, "a tie-break names a criterion of the rubric", "/panel/tie_break/0/criterion", json!("P9"))
            .loader_only(REFERENCE),
        set(Preset, "panel threshold lies on the total scale", "/panel/threshold", json!(150))
            .loader_only(RUBRIC),
        set(Preset, "calibration needs two subjects", "/panel/calibration", json!({ "min_subjects": 1 })),
        set(Preset, "calibration adjusts totals, not criteria", "/panel", json!({
            "basis": "criteria", "calibration": { "min_subjects": 2 } }))
            .loader_only("a rule across two fields' values (calibration with basis)"),
        set(Preset, "ranking factor is not negative", "/panel/ranking_weights", json!([{ "criterion": "P1", "factor": -1 }])),
        set(Preset, "a ranking weight names a criterion", "/panel/ranking_weights", json!([{ "criterion": "P9", "factor": 2 }]))
            .loader_only(REFERENCE),
        set(Preset, "no unknown panel field", "/panel/capacty", json!(3)),
        set(Preset, "reference pool lies on the total scale", "/panel/reference_pool", json!([50, 150]))
            .loader_only(RUBRIC),
        set(Preset, "basis is known", "/panel/basis", json!("medians")),
        // Assessment: the document.
        set(Proposal, "format_version is 1", "/format_version", json!(0)),
        set(Proposal, "an assessment is an object", "", json!([])),
        set(Proposal, "an assessment is not null", "", json!(null)),
        remove(Proposal, "rubric is required", "/rubric"),
        set(Proposal, "the assessment names its rubric", "/rubric/id", json!("bpf-proposals"))
            .loader_only(RUBRIC),
        set(Proposal, "the assessment names its rubric's version", "/rubric/version", json!("2"))
            .loader_only(RUBRIC),
        set(Proposal, "the assessment's kind is its rubric's", "/kind", json!("outcome"))
            .loader_only(RUBRIC),
        set(Proposal, "kind is known", "/kind", json!("later")),
        set(Proposal, "subject id is an id", "/subject/id", json!("")),
        set(Proposal, "year is whole", "/subject/year", json!(2016.5)),
        set(Proposal, "year is a number", "/subject/year", json!("2016")),
        set(Proposal, "year is not negative", "/subject/year", json!(-1)),
        set(Proposal, "year fits 16 bits", "/subject/year", json!(70_000)),
        remove(Proposal, "subject title is required", "/subject/title"),
        set(Proposal, "assessor id is an id", "/assessor/id", json!("mag 03")),
        set(Proposal, "stakeholder group is known", "/assessor/stakeholder_group", json!("media")),
        set(Proposal, "region is known", "/assessor/region", json!("europe")),
        set(Proposal, "role is known", "/assessor/role", json!("chair")),
        set(Proposal, "no unknown assessor field", "/assessor/email", json!("a@b.c")),
        remove(Proposal, "conflict of interest is declared", "/conflict_of_interest"),
        set(Proposal, "declared is a boolean", "/conflict_of_interest/declared", json!("no")),
        set(Proposal, "no unknown top-level field", "/lesson", json!({})),
        set(Proposal, "lessons are text", "/lessons/worked_well", json!(1)),
        set(Proposal, "no unknown lessons field", "/lessons/worked_badly", json!("x")),
        // Assessment: answers.
        set(Proposal, "answers is an array", "/answers", json!({})),
        set(Proposal, "an answer is an object", "/answers/0", json!("G1")),
        set(Proposal, "an answer names a criterion of the rubric", "/answers/4/criterion", json!("P9"))
            .loader_only(REFERENCE),
        set(Proposal, "an answer's criterion is an id", "/answers/4/criterion", json!("P 1")),
        set(Proposal, "a criterion is answered once", "/answers/5/criterion", json!("P1"))
            .loader_only(UNIQUE),
        set(Proposal, "a group is not answered", "/answers/8/criterion", json!("P5"))
            .loader_only(REFERENCE),
        set(Proposal, "a scale answer lies on a step", "/answers/4/value", json!({ "scale": "4.5" }))
            .loader_only(RUBRIC),
        set(Proposal, "a scale answer lies on the scale", "/answers/4/value", json!({ "scale": 9 }))
            .loader_only(RUBRIC),
        set(Proposal, "a scale answer is a decimal", "/answers/4/value", json!({ "scale": "four" })),
        set(Proposal, "a level answer names a level", "/answers/5/value", json!({ "level": "definde" }))
            .loader_only(RUBRIC),
        set(Proposal, "a level answer is a string", "/answers/5/value", json!({ "level": 3 })),
        set(Proposal, "the answer's type is the criterion's", "/answers/4/value", json!({ "yes_no": true }))
            .loader_only(RUBRIC),
        set(Proposal, "the answer type is known", "/answers/4/value", json!({ "slider": 3 })),
        set(Proposal, "an answer has one type", "/answers/4/value", json!({ "scale": 3, "level": "x" })),
        set(Proposal, "an answer value is not null", "/answers/4/value", json!(null)),
        set(Proposal, "a bare answer is unable_to_assess or not_applicable", "/answers/4/value", json!("unable")),
        remove(Proposal, "an answer has a value", "/answers/4/value"),
        set(Proposal, "no unknown answer field", "/answers/4/note", json!("x")),
        set(Proposal, "a comment is text", "/answers/4/comment", json!(5)),
        set(Proposal, "a count answer is a JSON integer", "/answers/10/value", json!({ "count": "3" })),
        set(Proposal, "a count answer is not negative", "/answers/10/value", json!({ "count": -1 })),
        set(Proposal, "a count answer is whole", "/answers/10/value", json!({ "count": 2.5 })),
        set(Proposal, "distribution counts are JSON integers", "/answers/8/value", json!({ "distribution": { "government": "2" } })),
        set(Proposal, "distribution counts are not negative", "/answers/8/value", json!({ "distribution": { "government": -1 } })),
        set(Proposal, "distribution categories are ids", "/answers/8/value", json!({ "distribution": { "civil society": 1 } })),
        set(Proposal, "distribution categories are the criterion's", "/answers/8/value", json!({ "distribution": { "academia": 1 } }))
            .loader_only(RUBRIC),
        set(Proposal, "a distribution is an object", "/answers/8/value", json!({ "distribution": [1, 2] })),
        set(Proposal, "not_applicable only where the criterion allows it", "/answers/4/value", json!("not_applicable"))
            .loader_only(RUBRIC),
        remove(Proposal, "required criteria are answered", "/answers/0").loader_only(RUBRIC),
        set(MiniAssessment, "a percent answer is at most 100", "/answers/3/value", json!({ "percent": 150 })),
        set(MiniAssessment, "a percent answer is not negative", "/answers/3/value", json!({ "percent": -5 })),
        set(MiniAssessment, "a percent answer string is at most 100", "/answers/3/value", json!({ "percent": "100.01" })),
        set(MiniAssessment, "a percent answer string is a decimal", "/answers/3/value", json!({ "percent": "60%" })),
        set(MiniAssessment, "a scale answer string has no exponent", "/answers/0/value", json!({ "scale": "4.5e0" })),
        set(MiniAssessment, "a text answer is a string", "/answers/7/value", json!({ "text": 7 })),
        set(MiniAssessment, "a yes_no answer is a boolean", "/answers/6/value", json!({ "yes_no": "yes" })),
        // Panel.
        set(Panel, "format_version is 1", "/format_version", json!(3)),
        set(Panel, "description is text", "/description", json!(1)),
        remove(Panel, "a panel names its rubric", "/rubric"),
        remove(Panel, "a panel has assessments", "/assessments"),
        set(Panel, "rules: capacity is at least 1", "/rules/capacity", json!(0)),
        set(Panel, "rules: min_assessors is at least 1", "/rules/min_assessors", json!(0)),
        set(Panel, "no unknown rules field", "/rules/quorum", json!(2)),
        set(Panel, "a consensus value is a decimal", "/consensus/0/value", json!("x")),
        set(Panel, "a consensus is recorded by an id", "/consensus/0/recorded_by", json!("the chair")),
        remove(Panel, "a consensus says who recorded it", "/consensus/0/recorded_by"),
        set(Panel, "a consensus names an assessed subject", "/consensus/0/subject", json!("bpf-nothing-2016"))
            .loader_only(REFERENCE),
        set(Panel, "a consensus total lies on the total scale", "/consensus/0/value", json!(150))
            .loader_only(RUBRIC),
        set(Panel, "every assessment answers the panel's rubric", "/assessments/1/rubric/version", json!("0.9"))
            .loader_only(REFERENCE),
        set(Panel, "an assessment inside a panel follows the assessment rules", "/assessments/1/answers/4/value", json!({ "scale": "x" })),
        set(Panel, "an assessor assesses a subject once", "/assessments/1", read("examples/data/proposals/ipv6-2016.json"))
            .loader_only(UNIQUE),
        // Request.
        set(Request, "schema_version is 1", "/schema_version", json!(2)),
        set(Request, "a request is an object", "", json!([])),
        set(Request, "the preset is one the crate ships", "/rubric/preset/id", json!("bpf-proposals")),
        set(Request, "the preset version is the shipped one", "/rubric/preset/version", json!("0.9"))
            .loader_only("the shipped versions change with the crate, so the schema leaves the version open"),
        set(Request, "a rubric source is a preset or a document, not both", "/rubric/document", common::rubric()),
        set(Request, "a rubric source is not empty", "/rubric", json!({})),
        set(Request, "a rubric document follows the rubric rules", "/rubric", json!({ "document": { "id": "x" } })),
        set(Request, "a rubric document has criteria", "/rubric", json!({ "document": {
            "id": "x", "version": "1", "title": "X", "kind": "proposal", "criteria": [] } })),
        set(Request, "no unknown options field", "/options/fast", json!(true)),
        set(Request, "reliability figures are known", "/options/reliability", json!(["alpha"])),
        set(Request, "review is a boolean", "/options/review", json!("yes")),
        set(Request, "assessments is an array", "/assessments", json!({})),
        set(Request, "options rules follow the panel rules", "/options/rules", json!({ "capacity": 0 })),
        set(Request, "an assessment in a request answers the rubric", "/assessments/0/answers/4/criterion", json!("P9"))
            .loader_only(REFERENCE),
        set(Request, "no unknown request field", "/rubrics", json!([])),
    ];
    // Exact decimals read from JSON numbers: the schema sees a number, the loader its digits.
    cases.push(
        set(
            Preset,
            "a JSON number that a decimal holds exactly",
            "/criteria/1/weight",
            json!(1e-30),
        )
        .loader_only(EXACT),
    );
    cases.push(set(
        Preset,
        "a JSON number is at most the largest decimal",
        "/criteria/1/weight",
        json!(1e40),
    ));
    cases.extend(evidence_cases());
    cases.extend(report_cases());
    cases.extend(output_cases());
    cases
}

/// Panels, report texts and feedback rounds: the rules across items.
fn report_cases() -> Vec<Case> {
    use Base::{FeedbackRound, Panel, ReportText};
    let twice = json!([
        { "subject": "bpf-ipv6-2016", "value": "70", "recorded_by": "chair" },
        { "subject": "bpf-ipv6-2016", "value": "72", "recorded_by": "vice-chair" }
    ]);
    vec![
        set(
            FeedbackRound,
            "the day a feedback round closed is a date",
            "/closed",
            json!("31 August 2020"),
        ),
        set(
            Panel,
            "a consensus is recorded once per subject",
            "/consensus",
            twice,
        )
        .loader_only(UNIQUE),
        set(
            Panel,
            "a subject is described the same way in every assessment",
            "/assessments/1/subject/id",
            json!("bpf-ipv6-2016"),
        )
        .loader_only(ALIKE),
        set(
            ReportText,
            "finding ids are unique",
            "/findings/1/id",
            json!("F1"),
        )
        .loader_only(UNIQUE),
        set(
            ReportText,
            "section ids are unique",
            "/sections/1/id",
            json!("purpose"),
        )
        .loader_only(UNIQUE),
        set(
            ReportText,
            "a recommendation cites findings that exist",
            "/recommendations/0/findings/0",
            json!("F99"),
        )
        .loader_only(REFERENCE),
        set(
            ReportText,
            "a finding id is an id",
            "/findings/0/id",
            json!("F 1"),
        ),
        remove(ReportText, "a finding has text", "/findings/0/text"),
        set(
            ReportText,
            "a report stage is known",
            "/stage",
            json!("second draft"),
        ),
        set(
            FeedbackRound,
            "feedback item ids are unique",
            "/items/1/id",
            json!("fb01"),
        )
        .loader_only(UNIQUE),
        remove(
            FeedbackRound,
            "an item partly accepted gives its reason",
            "/items/0/reason",
        ),
        set(
            FeedbackRound,
            "a reason is more than blanks",
            "/items/0/reason",
            json!("  "),
        ),
        set(
            FeedbackRound,
            "an item not accepted changes no text",
            "/items/0/disposition",
            json!("not_accepted"),
        ),
        set(
            FeedbackRound,
            "a disposition is known",
            "/items/0/disposition",
            json!("rejected"),
        ),
        set(
            FeedbackRound,
            "feedback is on a finding, recommendation, section or criterion",
            "/items/0/on/type",
            json!("paragraph"),
        ),
    ]
}

/// Documents the crate writes, read back: decimals are strings, versions and ranges hold.
fn output_cases() -> Vec<Case> {
    use Base::Output;
    let version = |name| {
        set(
            Output(name),
            "the format version is 1",
            "/format_version",
            json!(2),
        )
    };
    vec![
        version("scorecard"),
        set(
            Output("scorecard"),
            "an output decimal is a string",
            "/total/exact",
            json!(77.5),
        ),
        set(
            Output("scorecard"),
            "an output decimal holds at most 29 digits",
            "/total/exact",
            json!("792281625142643375935439503350"),
        ),
        set(
            Output("scorecard"),
            "a scorecard's scale ends are at most 10^6",
            "/scale/max",
            json!("2000000"),
        ),
        set(
            Output("scorecard"),
            "a criterion's status is known",
            "/criteria/0/criteria/0/status",
            json!("done"),
        ),
        remove(
            Output("scorecard"),
            "a scorecard names its subject",
            "/subject",
        ),
        set(
            Output("scorecard"),
            "a scorecard's rounding is closed",
            "/rounding/extra",
            json!(1),
        ),
        version("panel-report"),
        set(
            Output("panel-report"),
            "a panel report's capacity is at least 1",
            "/rules/capacity",
            json!(0),
        ),
        set(
            Output("panel-report"),
            "a panel report's threshold is a decimal string",
            "/rules/threshold",
            json!(60),
        ),
        set(
            Output("panel-report"),
            "a panel report's scale end has at most 10 places",
            "/scale/max",
            json!("100.00000000000"),
        ),
        set(
            Output("result"),
            "a result's schema version is 1",
            "/schema_version",
            json!(2),
        ),
        set(
            Output("result"),
            "a result's scorecards are a list",
            "/scorecards",
            json!({}),
        ),
        version("error"),
        set(
            Output("error"),
            "an error document is closed",
            "/errors/0/extra",
            json!(1),
        ),
        remove(Output("error"), "an error has a code", "/errors/0/code"),
        version("results-framework"),
        set(
            Output("results-framework"),
            "an achieved value is a decimal string",
            "/rows/0/achieved",
            json!(3),
        ),
        set(
            Output("results-framework"),
            "met is true or false",
            "/rows/0/met",
            json!("no"),
        ),
        version("lessons-summary"),
        set(
            Output("lessons-summary"),
            "a count of BPFs is whole",
            "/bpfs",
            json!(-1),
        ),
        version("ranking"),
        set(
            Output("ranking"),
            "higher_is_better is true or false",
            "/higher_is_better",
            json!("no"),
        ),
        version("weights"),
        set(
            Output("weights"),
            "a weight method is known",
            "/method/method",
            json!("magic"),
        ),
        version("rank-acceptability"),
        set(
            Output("rank-acceptability"),
            "a sample count is whole",
            "/samples",
            json!(-1),
        ),
        version("ahp-priorities"),
        set(
            Output("ahp-priorities"),
            "a synthesis is distributive or ideal",
            "/synthesis",
            json!("additive"),
        ),
        set(
            Output("ahp-priorities"),
            "a rank is whole",
            "/ranks/0",
            json!(1.5),
        ),
    ]
}

/// Outcome records, commitments and consultations.
fn evidence_cases() -> Vec<Case> {
    use Base::{Commitments, Consultation, Record, Request};
    vec![
        set(
            Request,
            "evidence is a list of outcome records",
            "/evidence",
            json!({}),
        ),
        set(
            Request,
            "evidence in a request follows the outcome record rules",
            "/evidence",
            json!([{ "subject": { "id": "x", "title": "X", "year": 2020 } }]),
        ),
        remove(Consultation, "a consultation has a code book", "/code_book"),
        set(
            Consultation,
            "a theme id is an id",
            "/code_book/0/id",
            json!("early start"),
        ),
        remove(Consultation, "a theme has a label", "/code_book/0/label"),
        set(
            Consultation,
            "theme ids are unique",
            "/code_book/1/id",
            json!("early-start"),
        )
        .loader_only(UNIQUE),
        set(
            Consultation,
            "a response answers one of the three questions",
            "/responses/0/question",
            json!("worked_badly"),
        ),
        set(
            Consultation,
            "a respondent has a known role",
            "/responses/0/respondent/role",
            json!("chair"),
        ),
        remove(
            Consultation,
            "a response says which BPF it is about",
            "/responses/0/bpf",
        ),
        set(
            Consultation,
            "a response's themes are in the code book",
            "/responses/0/themes",
            json!(["budget"]),
        )
        .loader_only(REFERENCE),
        set(
            Consultation,
            "a response raises a theme once",
            "/responses/0/themes",
            json!(["timeline", "timeline"]),
        ),
        set(
            Consultation,
            "a BPF has one title and year in a consultation",
            "/responses/1/bpf/title",
            json!("IPv6"),
        )
        .loader_only(ALIKE),
        set(
            Consultation,
            "response ids are unique",
            "/responses/1/id",
            json!("r01"),
        )
        .loader_only(UNIQUE),
        set(
            Consultation,
            "no unknown response field",
            "/responses/0/sentiment",
            json!("positive"),
        ),
        set(
            Record,
            "an outcome record's format_version is 1",
            "/format_version",
            json!(2),
        ),
        remove(Record, "an outcome record names its subject", "/subject"),
        remove(Record, "an outcome record has key dates", "/dates"),
        remove(
            Record,
            "the annual meeting date is required",
            "/dates/annual_meeting",
        ),
        set(
            Record,
            "a date is YYYY-MM-DD",
            "/dates/kick_off",
            json!("12 March 2019"),
        ),
        set(
            Record,
            "a month is 01 to 12",
            "/dates/kick_off",
            json!("2019-13-12"),
        ),
        set(
            Record,
            "a date is a day that exists",
            "/dates/final_published",
            json!("2019-02-29"),
        )
        .loader_only("the length of a month depends on the month and, for February, the year"),
        set(
            Record,
            "the final output follows the draft",
            "/dates/final_published",
            json!("2019-10-01"),
        )
        .loader_only(ORDER),
        set(
            Record,
            "meetings_held is a count",
            "/meetings_held",
            json!(-1),
        ),
        set(
            Record,
            "written_contributions is a JSON integer",
            "/written_contributions",
            json!("12"),
        ),
        set(
            Record,
            "a deliverable says whether it was delivered",
            "/deliverables/0",
            json!({ "id": "d", "title": "D" }),
        ),
        set(
            Record,
            "deliverable ids are unique",
            "/deliverables/1/id",
            json!("research-papers"),
        )
        .loader_only(UNIQUE),
        set(
            Record,
            "contributor counts are whole",
            "/contributors/genders/women",
            json!(2.5),
        ),
        set(
            Record,
            "contributors by group use known stakeholder groups",
            "/contributors/stakeholder_groups/govt",
            json!(1),
        ),
        set(
            Record,
            "contributors by region use known regions",
            "/contributors/regions/europe",
            json!(1),
        ),
        set(
            Record,
            "an uptake level is a known rung",
            "/uptake/0/level",
            json!("viral"),
        ),
        remove(
            Record,
            "an uptake event names its source",
            "/uptake/0/source",
        ),
        set(
            Record,
            "no unknown outcome record field",
            "/budget",
            json!(1000),
        ),
        set(
            Commitments,
            "commitments' format_version is 1",
            "/format_version",
            json!(2),
        ),
        set(
            Commitments,
            "commitments have at least one target",
            "/targets",
            json!([]),
        ),
        set(
            Commitments,
            "a target names a known indicator",
            "/targets/0/measure",
            json!({ "indicator": "budget" }),
        ),
        set(
            Commitments,
            "an indicator takes no unknown member",
            "/targets/0/measure",
            json!({ "indicator": "partners", "days": 3 }),
        ),
        remove(
            Commitments,
            "final_within_days states its days",
            "/targets/2/measure/days",
        ),
        set(
            Commitments,
            "a target is not negative",
            "/targets/0/target",
            json!(-1),
        ),
        set(
            Commitments,
            "a percentage target is at most 100",
            "/targets/0",
            json!({ "measure": { "indicator": "delivery_rate" }, "target": 120 }),
        )
        .loader_only("the range depends on the indicator named beside it"),
        set(
            Commitments,
            "a target is a single number, not a distribution",
            "/targets/0/measure",
            json!({ "indicator": "contributors_by_group" }),
        )
        .loader_only("the range depends on the indicator named beside it"),
    ]
}

/// The valid documents every validator must accept, with their schemas.
fn valid_documents() -> Vec<(String, &'static str)> {
    let mut valid = vec![
        (
            "tests/contract/valid/mini-rubric.json".to_owned(),
            "rubric.schema.json",
        ),
        (
            "tests/contract/valid/mini-assessment.json".to_owned(),
            "assessment.schema.json",
        ),
        (
            "tests/contract/valid/panel.json".to_owned(),
            "panel.schema.json",
        ),
        (
            "tests/contract/valid/request.json".to_owned(),
            "request.schema.json",
        ),
        (
            "examples/data/mag-panel.json".to_owned(),
            "panel.schema.json",
        ),
        (
            "tests/contract/emitted/scorecard.json".to_owned(),
            "scorecard.schema.json",
        ),
        (
            "tests/contract/emitted/result.json".to_owned(),
            "result.schema.json",
        ),
        (
            "tests/contract/emitted/errors.json".to_owned(),
            "error.schema.json",
        ),
        (
            "tests/contract/emitted/panel-report.json".to_owned(),
            "panel-report.schema.json",
        ),
        (
            "tests/contract/emitted/results-framework.json".to_owned(),
            "results-framework.schema.json",
        ),
        (
            "examples/data/evidence/cybersecurity-2019.json".to_owned(),
            "outcome-record.schema.json",
        ),
        (
            "examples/data/evidence/cybersecurity-2019-assessment.json".to_owned(),
            "assessment.schema.json",
        ),
        (
            "examples/data/commitments/cybersecurity-2019.json".to_owned(),
            "commitments.schema.json",
        ),
        (
            "examples/data/lessons.json".to_owned(),
            "consultation.schema.json",
        ),
        (
            "tests/contract/emitted/ranking.json".to_owned(),
            "ranking.schema.json",
        ),
        (
            "tests/contract/emitted/weights.json".to_owned(),
            "weights.schema.json",
        ),
        (
            "tests/contract/emitted/rank-acceptability.json".to_owned(),
            "rank-acceptability.schema.json",
        ),
        (
            "tests/contract/emitted/ahp-priorities.json".to_owned(),
            "ahp-priorities.schema.json",
        ),
        (
            "tests/contract/emitted/lessons-summary.json".to_owned(),
            "lessons-summary.schema.json",
        ),
    ];
    for (id, _) in igf_rubric::presets::all() {
        valid.push((format!("presets/{id}.json"), "rubric.schema.json"));
    }
    for kind in ["proposals", "outcomes"] {
        for file in common::samples(kind) {
            let name = file.file_name().unwrap().to_string_lossy().into_owned();
            valid.push((
                format!("examples/data/{kind}/{name}"),
                "assessment.schema.json",
            ));
        }
    }
    valid
}

/// Documents the crate writes: a scorecard, a panel report, a result and an error document.
fn emitted() -> BTreeMap<String, Value> {
    let request = Base::Request.document();
    let result = igf_rubric::evaluate_json(&request.to_string()).unwrap();
    let errors = igf_rubric::evaluate_json(
        &cases()
            .iter()
            .find(|c| c.rule == "an assessment in a request answers the rubric")
            .unwrap()
            .document()
            .to_string(),
    )
    .unwrap_err();
    let mut out = BTreeMap::new();
    out.insert(
        "scorecard.json".to_owned(),
        serde_json::to_value(&result.scorecards[0]).unwrap(),
    );
    out.insert(
        "panel-report.json".to_owned(),
        serde_json::to_value(result.panel.as_ref().unwrap()).unwrap(),
    );
    out.insert(
        "result.json".to_owned(),
        serde_json::to_value(&result).unwrap(),
    );
    let record =
        igf_rubric::evidence::OutcomeRecord::from_json(&Base::Record.document().to_string())
            .unwrap();
    let promised =
        igf_rubric::evidence::Commitments::from_json(&Base::Commitments.document().to_string())
            .unwrap();
    out.insert(
        "results-framework.json".to_owned(),
        serde_json::to_value(promised.compare(&record).unwrap()).unwrap(),
    );
    let consultation =
        igf_rubric::lessons::Consultation::from_json(&Base::Consultation.document().to_string())
            .unwrap();
    out.insert(
        "lessons-summary.json".to_owned(),
        serde_json::to_value(consultation.summarise()).unwrap(),
    );
    let matrix = igf_rubric::decision::DecisionMatrix::new(
        vec!["a".into(), "b".into(), "c".into()],
        vec![
            ("x".into(), igf_rubric::decision::CriterionType::Benefit),
            ("y".into(), igf_rubric::decision::CriterionType::Cost),
        ],
        vec![vec![7.0, 3.0], vec![9.0, 5.0], vec![5.0, 2.0]],
    )
    .unwrap();
    let weights = igf_rubric::decision::ahp(
        &igf_rubric::decision::PairwiseMatrix::from_upper(&[3.0]).unwrap(),
        igf_rubric::decision::PriorityMethod::Eigenvector,
    )
    .unwrap();
    let vikor = igf_rubric::decision::vikor(&matrix, &weights.values, 0.5).unwrap();
    let method = igf_rubric::decision::Method::Topsis {
        normalisation: igf_rubric::decision::Normalisation::Vector,
    };
    let sampling = igf_rubric::decision::Sampling::Dirichlet {
        concentration: 10.0,
    };
    let acceptability = igf_rubric::decision::rank_acceptability(
        &matrix,
        &weights.values,
        &method,
        1,
        sampling,
        100,
        1,
    )
    .unwrap();
    out.insert(
        "ranking.json".to_owned(),
        serde_json::to_value(&vikor).unwrap(),
    );
    out.insert(
        "weights.json".to_owned(),
        serde_json::to_value(&weights).unwrap(),
    );
    out.insert(
        "rank-acceptability.json".to_owned(),
        serde_json::to_value(&acceptability).unwrap(),
    );
    let pair = |v: f64| igf_rubric::decision::PairwiseMatrix::from_upper(&[v]).unwrap();
    let priorities = igf_rubric::decision::ahp_alternatives(
        &pair(3.0),
        &[pair(2.0), pair(0.5)],
        igf_rubric::decision::PriorityMethod::Eigenvector,
        igf_rubric::decision::Synthesis::Ideal,
    )
    .unwrap();
    out.insert(
        "ahp-priorities.json".to_owned(),
        serde_json::to_value(&priorities).unwrap(),
    );
    out.insert(
        "errors.json".to_owned(),
        serde_json::to_value(&errors).unwrap(),
    );
    out
}

/// File name of a case: its number and a slug of its rule.
fn file_name(n: usize, case: &Case) -> String {
    let slug: String = case
        .rule
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    let slug = slug
        .split('-')
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    format!("{:03}-{}-{slug}.json", n + 1, case.base.name())
}

fn pretty(value: &Value) -> String {
    let mut text = serde_json::to_string_pretty(value).unwrap();
    text.push('\n');
    text
}

/// Every file of `tests/contract/` this test owns, by path from the repository root.
fn files() -> BTreeMap<String, String> {
    let mut files = BTreeMap::new();
    let mut invalid = Vec::new();
    for (n, case) in cases().iter().enumerate() {
        let name = file_name(n, case);
        files.insert(
            format!("tests/contract/invalid/{name}"),
            pretty(&case.document()),
        );
        invalid.push(json!({
            "file": format!("tests/contract/invalid/{name}"),
            "schema": case.base.schema(),
            "rule": case.rule,
            "loader_only": case.loader_only,
        }));
    }
    for base in [Base::Mini, Base::MiniAssessment, Base::Panel, Base::Request] {
        files.insert(
            format!("tests/contract/valid/{}.json", base.name()),
            pretty(&base.document()),
        );
    }
    for (name, value) in emitted() {
        files.insert(format!("tests/contract/emitted/{name}"), pretty(&value));
    }
    let valid: Vec<Value> = valid_documents()
        .into_iter()
        .map(|(file, schema)| json!({ "file": file, "schema": schema }))
        .collect();
    let manifest = json!({
        "description": "The contract corpus: valid documents every validator accepts, and invalid ones, each breaking the one rule named; `loader_only` gives the reason JSON Schema cannot state a rule, and such documents pass the schema while the crate rejects them. Generated by tests/integration/contract.rs.",
        "valid": valid,
        "invalid": invalid,
    });
    files.insert("tests/contract/manifest.json".to_owned(), pretty(&manifest));
    files.insert(
        "schemas/loader-only-rules.md".to_owned(),
        loader_only_table(),
    );
    files
}

/// The rules JSON Schema cannot state, as a Markdown table: each with why, the loader's error
/// code and message for the corpus document that breaks it.
fn loader_only_table() -> String {
    let mut out = String::from(
        "# Rules the loader checks that JSON Schema cannot state\n\n\
         A document the schema accepts may still be rejected by the crate for one of these\n\
         rules; every other rule is in the schemas, and the schemas reject nothing the crate\n\
         accepts. Each row is a document of the contract corpus (`tests/contract/`), checked in\n\
         CI by the crate, Ajv and Python `jsonschema`. Generated by\n\
         `tests/integration/contract.rs`.\n\n\
         Two rules hold for every document and sit below what a schema sees, since a validator\n\
         reads the JSON text into a value first:\n\n\
         - **A member is given once.** An object that names a member twice (`{\"year\": 2016,\n  \
         \"year\": 2017}`) is refused with `duplicate_key`; most JSON parsers keep the last one.\n\
         - **At most 128 levels of nesting.** Arrays and objects nested deeper are refused with\n  \
         `too_deep` (the rubric's own limit on groups, far lower, is in the table).\n\n\
         | Rule | Why a schema cannot state it | Error code | The crate's message |\n\
         |---|---|---|---|\n",
    );
    for case in cases() {
        let Some(why) = case.loader_only else {
            continue;
        };
        let Err(error) = case.base.load(&case.document()) else {
            continue;
        };
        out.push_str(&format!(
            "| {} | {} | `{}` | `` {} `` |\n",
            case.rule,
            why,
            error.code(),
            error.to_string().replace('|', "\\|")
        ));
    }
    out
}

#[test]
fn the_contract_corpus_is_current() {
    let files = files();
    if std::env::var_os("IGF_RUBRIC_WRITE_CONTRACT").is_some() {
        for dir in ["invalid", "valid", "emitted"] {
            let _ = fs::remove_dir_all(root().join("tests/contract").join(dir));
            fs::create_dir_all(root().join("tests/contract").join(dir)).unwrap();
        }
        for (path, text) in &files {
            fs::write(root().join(path), text).unwrap();
        }
    }
    let mut stale = Vec::new();
    for (path, text) in &files {
        if fs::read_to_string(root().join(path)).ok().as_ref() != Some(text) {
            stale.push(path.clone());
        }
    }
    for dir in ["invalid", "valid", "emitted"] {
        for entry in fs::read_dir(root().join("tests/contract").join(dir)).unwrap() {
            let path = entry.unwrap().path();
            let relative = path
                .strip_prefix(root())
                .unwrap()
                .to_string_lossy()
                .into_owned();
            if !files.contains_key(&relative) {
                stale.push(format!("{relative} (not generated)"));
            }
        }
    }
    assert!(
        stale.is_empty(),
        "the contract corpus is stale: run `IGF_RUBRIC_WRITE_CONTRACT=1 cargo test --test integration contract` and commit tests/contract\n{}",
        stale.join("\n")
    );
}

#[test]
fn schema_and_loader_agree_on_every_document_of_the_corpus() {
    let mut validators = BTreeMap::new();
    for (name, schema) in igf_rubric::schema::all() {
        validators.insert(name, jsonschema::validator_for(&schema).unwrap());
    }
    for base in [
        Base::Preset,
        Base::Mini,
        Base::Proposal,
        Base::MiniAssessment,
        Base::Panel,
        Base::Request,
    ] {
        let document = base.document();
        assert!(
            validators[base.schema().as_str()].is_valid(&document),
            "{} base",
            base.name()
        );
        base.load(&document)
            .unwrap_or_else(|e| panic!("{} base: {e}", base.name()));
    }
    let (mut both, mut loader_only) = (0, 0);
    let mut wrong = Vec::new();
    for (n, case) in cases().iter().enumerate() {
        let name = file_name(n, case);
        let document = case.document();
        let schema_accepts = validators[case.base.schema().as_str()].is_valid(&document);
        let loader = case.base.load(&document);
        if loader.is_ok() {
            wrong.push(format!("{name}: the loader accepts it"));
        }
        match (case.loader_only, schema_accepts) {
            (None, true) => wrong.push(format!("{name}: the schema accepts it")),
            (Some(_), false) => wrong.push(format!(
                "{name}: marked loader only, but the schema rejects it too"
            )),
            (None, false) => both += 1,
            (Some(_), true) => loader_only += 1,
        }
    }
    assert!(
        wrong.is_empty(),
        "{} disagreements:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
    assert!(both + loader_only >= 150, "{} cases", both + loader_only);
    for (file, schema) in valid_documents() {
        assert!(
            validators[schema].is_valid(&read(&file)),
            "{file} does not validate"
        );
    }
}
