//! Every rejected input, with the exact message it gets: a table of (input, message).

use igf_rubric::Document;
use serde_json::{Value, json};

use crate::common::{assessment, load_rubric, rubric, with, without};

/// What a case loads: a rubric document, or an assessment scored against the fixture rubric.
enum Input {
    Rubric(String),
    Assessment(String),
    Panel(String),
}

fn r(doc: Value) -> Input {
    Input::Rubric(doc.to_string())
}

fn a(doc: Value) -> Input {
    Input::Assessment(doc.to_string())
}

fn message(input: &Input) -> String {
    outcome(input).map_or_else(|e| e.to_string(), |()| "accepted".to_owned())
}

fn outcome(input: &Input) -> Result<(), igf_rubric::Error> {
    match input {
        Input::Rubric(text) => igf_rubric::Rubric::from_json(text).map(|_| ()),
        Input::Assessment(text) => igf_rubric::Assessment::from_json(text)
            .and_then(|assessment| load_rubric(&rubric()).score(&assessment).map(|_| ())),
        Input::Panel(text) => igf_rubric::Panel::from_json(text)
            .and_then(|panel| load_rubric(&rubric()).review(&panel).map(|_| ())),
    }
}

fn p(doc: Value) -> Input {
    Input::Panel(doc.to_string())
}

/// Two assessments of one subject under the fixture rubric, with panel rules.
fn panel() -> Value {
    let second = with(assessment(), "/assessor/id", json!("a2"));
    json!({
        "rubric": { "id": "mini", "version": "1" },
        "rules": { "aggregation": { "method": "median" }, "min_assessors": 1 },
        "assessments": [assessment(), second]
    })
}

fn zero_weights(mut doc: Value, pointers: &[&str]) -> Value {
    for p in pointers {
        doc = with(doc, p, json!("0"));
    }
    doc
}

fn cases() -> Vec<(&'static str, Input, &'static str)> {
    // 2^95: a string may hold it (29 digits, the first below 7), and max - min overflows.
    let big = "39614081257132168796771975168";
    vec![
        // Rubric: ids
        (
            "duplicate criterion id",
            r(with(rubric(), "/criteria/1/id", json!("fit"))),
            "criteria[1](fit).id: duplicate criterion id `fit` (first defined at criteria[0](fit).id)",
        ),
        (
            "duplicate id across depths",
            r(with(
                rubric(),
                "/criteria/2/criteria/0/id",
                json!("clarity"),
            )),
            "criteria[2](reach).criteria[0](clarity).id: duplicate criterion id `clarity` (first defined at criteria[1](clarity).id)",
        ),
        (
            "invalid id",
            r(with(rubric(), "/criteria/0/id", json!("fit ness"))),
            "criteria[0](fit ness).id: id `fit ness` is not valid (use only letters, digits, `_`, `-` and `.`)",
        ),
        (
            "empty id",
            r(with(rubric(), "/id", json!(""))),
            "id: id `` is not valid (it is empty)",
        ),
        (
            "duplicate gate id",
            r(with(rubric(), "/gates/1/id", json!("complete"))),
            "gates[1](complete).id: duplicate gate id `complete` (first defined at gates[0](complete).id)",
        ),
        // Rubric: tree shape
        (
            "empty group",
            r(with(rubric(), "/criteria/2/criteria", json!([]))),
            "criteria[2](reach).criteria: a group needs at least one criterion (leave `criteria` out of a leaf)",
        ),
        (
            "no criteria",
            r(with(rubric(), "/criteria", json!([]))),
            "criteria: criteria needs at least 1 entries, found 0",
        ),
        (
            "leaf and group at once",
            r(with(
                rubric(),
                "/criteria/2/metric",
                json!({ "type": "yes_no" }),
            )),
            "criteria[2](reach): criterion `reach` has both `metric` and `criteria`; a criterion is either a leaf or a group",
        ),
        // Rubric: weights
        (
            "negative weight",
            r(with(rubric(), "/criteria/0/weight", json!("-1"))),
            "criteria[0](fit).weight: weight -1 is negative (weights must be >= 0)",
        ),
        (
            "all-zero weights at the top",
            r(zero_weights(
                rubric(),
                &[
                    "/criteria/0/weight",
                    "/criteria/1/weight",
                    "/criteria/2/weight",
                    "/criteria/3/weight",
                ],
            )),
            "criteria: the weights of the rubric sum to zero",
        ),
        (
            "all-zero weights in a group",
            r(zero_weights(
                rubric(),
                &[
                    "/criteria/2/criteria/0/weight",
                    "/criteria/2/criteria/1/weight",
                    "/criteria/2/criteria/2/weight",
                ],
            )),
            "criteria[2](reach).criteria: the weights of group `reach` sum to zero",
        ),
        (
            "missing weight",
            r(without(rubric(), "/criteria/0/weight")),
            "criteria[0](fit): criterion `fit` has no weight (give 0 to leave it out of the total)",
        ),
        (
            "weighted text",
            r(with(rubric(), "/criteria/5/weight", json!(1))),
            "criteria[5](notes).weight: text criterion `notes` is never scored, so its weight must be 0 or absent, not 1",
        ),
        // Rubric: metrics
        (
            "scale min >= max",
            r(with(rubric(), "/criteria/0/metric/min", json!("5"))),
            "criteria[0](fit).metric: scale min 5 must be below max 5",
        ),
        (
            "step does not divide the range",
            r(with(rubric(), "/criteria/0/metric/step", json!("2"))),
            "criteria[0](fit).metric.step: step 2 must be positive and divide the range 0..5",
        ),
        (
            "zero step",
            r(with(rubric(), "/criteria/0/metric/step", json!(0))),
            "criteria[0](fit).metric.step: step 0 must be positive and divide the range 0..5",
        ),
        (
            "unordered levels",
            r(with(
                rubric(),
                "/criteria/1/metric/levels/2/value",
                json!("2"),
            )),
            "criteria[1](clarity).metric.levels[2](high).value: level `high` has 2, which must be above 2 of `mid`",
        ),
        (
            "duplicate level",
            r(with(
                rubric(),
                "/criteria/1/metric/levels/2/id",
                json!("mid"),
            )),
            "criteria[1](clarity).metric.levels[2](mid).id: duplicate level id `mid` (first defined at criteria[1](clarity).metric.levels[1](mid).id)",
        ),
        (
            "one level",
            r(with(
                rubric(),
                "/criteria/1/metric/levels",
                json!([{ "id": "x", "label": "X", "value": 1 }]),
            )),
            "criteria[1](clarity).metric.levels: levels needs at least 2 entries, found 1",
        ),
        (
            "count target 0",
            r(with(
                rubric(),
                "/criteria/2/criteria/0/metric/target",
                json!(0),
            )),
            "criteria[2](reach).criteria[0](partners).metric.target: value 0 is outside [1, 9007199254740991]",
        ),
        (
            "count target fractional",
            r(with(
                rubric(),
                "/criteria/2/criteria/0/metric/target",
                json!(2.5),
            )),
            "criteria[2](reach).criteria[0](partners).metric.target: 2.5 is not a whole number of 0 or more",
        ),
        (
            "percent target above 100",
            r(with(
                rubric(),
                "/criteria/2/criteria/1/metric/target",
                json!(120),
            )),
            "criteria[2](reach).criteria[1](done).metric.target: value 120 is outside (0, 100]",
        ),
        (
            "coverage target above the categories",
            r(with(
                rubric(),
                "/criteria/2/criteria/2/metric/target",
                json!(5),
            )),
            "criteria[2](reach).criteria[2](groups).metric.target: value 5 is outside [1, 4]",
        ),
        (
            "evenness target above 1",
            r(with(
                rubric(),
                "/criteria/2/criteria/2/metric",
                json!({ "type": "distribution", "categories": ["a", "b"], "measure": "evenness", "target": "1.5" }),
            )),
            "criteria[2](reach).criteria[2](groups).metric.target: value 1.5 is outside (0, 1]",
        ),
        (
            "duplicate category",
            r(with(
                rubric(),
                "/criteria/2/criteria/2/metric/categories/3",
                json!("a"),
            )),
            "criteria[2](reach).criteria[2](groups).metric.categories[3]: duplicate category id `a` (first defined at criteria[2](reach).criteria[2](groups).metric.categories[0])",
        ),
        // Rubric: scale, rounding, bands, gates
        (
            "total scale min >= max",
            r(with(rubric(), "/scale", json!({ "min": 10, "max": 10 }))),
            "scale: scale min 10 must be below max 10",
        ),
        (
            "total scale too large",
            r(with(
                rubric(),
                "/scale",
                json!({ "min": 0, "max": "10000000" }),
            )),
            "scale.max: value 10000000 is outside [-1000000, 1000000]",
        ),
        (
            "rounding places",
            r(with(rubric(), "/rounding", json!({ "dp": 11 }))),
            "rounding.dp: value 11 is outside [0, 10]",
        ),
        (
            "bands overlap",
            r(with(rubric(), "/bands/1/min", json!("70"))),
            "bands[1](fair).min: band `fair` has 70, which must be below 70 of `good`",
        ),
        (
            "bands leave a gap",
            r(with(rubric(), "/bands/2/min", json!("10"))),
            "bands: bands leave totals from 0 up to 10 without a band",
        ),
        (
            "band outside the scale",
            r(with(rubric(), "/bands/0/min", json!("120"))),
            "bands[0](good).min: value 120 is outside [0, 100]",
        ),
        (
            "gate names an unknown criterion",
            r(with(rubric(), "/gates/0/rule/criterion", json!("nope"))),
            "gates[0](complete).rule.criterion: unknown criterion `nope`",
        ),
        (
            "requires_yes on a scale",
            r(with(rubric(), "/gates/0/rule/criterion", json!("fit"))),
            "gates[0](complete).rule.criterion: criterion `fit` is not a yes_no criterion, so it cannot be required to be yes",
        ),
        (
            "minimum off the scale",
            r(with(rubric(), "/gates/1/rule/threshold", json!("6"))),
            "gates[1](fit-min).rule.threshold: value 6 is outside [0, 5]",
        ),
        (
            "minimum on a yes/no",
            r(with(rubric(), "/gates/1/rule/criterion", json!("complete"))),
            "gates[1](fit-min).rule.threshold: criterion `complete` is yes_no, which has no minimum (use a `requires_yes` gate for yes/no)",
        ),
        (
            "minimum on a group",
            r(with(rubric(), "/gates/1/rule/criterion", json!("reach"))),
            "gates[1](fit-min).rule.criterion: criterion `reach` is a group; minimums apply to scored criteria",
        ),
        (
            "total minimum off the scale",
            r(with(rubric(), "/gates/2/rule/threshold", json!(101))),
            "gates[2](total-min).rule.threshold: value 101 is outside [0, 100]",
        ),
        // Rubric: JSON shape and numbers
        (
            "unknown field",
            r(with(rubric(), "/criteria/0/wieght", json!(1))),
            "criteria[0](fit).wieght: unknown field `wieght` (did you mean `weight`?) (allowed: id, name, description, weight, required, allow_not_applicable, metric, evidence, criteria)",
        ),
        (
            "unknown metric field",
            r(with(rubric(), "/criteria/0/metric/stepp", json!(1))),
            "criteria[0](fit).metric: unknown field `stepp` (did you mean `step`?) (allowed: min, max, step, direction)",
        ),
        (
            "unknown metric type",
            r(with(rubric(), "/criteria/0/metric/type", json!("slider"))),
            "criteria[0](fit).metric.type: unknown value `slider` (allowed: scale, levels, yes_no, count, percent, distribution, text)",
        ),
        (
            "missing field",
            r(without(rubric(), "/title")),
            "$: missing field `title`",
        ),
        (
            "wrong JSON type",
            r(with(rubric(), "/criteria/0/weight", json!(true))),
            "criteria[0](fit).weight: expected a decimal number, as a JSON number or a string such as \"2.5\", found `true`",
        ),
        (
            "unsupported format",
            r(with(rubric(), "/format_version", json!(2))),
            "format_version: version 2 is not supported (this crate reads 1)",
        ),
        (
            "inexact decimal string",
            r(with(
                rubric(),
                "/criteria/0/weight",
                json!("1.00000000000000000000000000001"),
            )),
            "criteria[0](fit).weight: \"1.00000000000000000000000000001\" has 30 digits, more than a decimal holds (28 digits, or 29 up to 79228162514264337593543950335, at most 28 of them after the point)",
        ),
        (
            "inexact decimal number",
            Input::Rubric(rubric().to_string().replacen(
                r#""weight":"4""#,
                r#""weight":1.00000000000000000000000000001"#,
                1,
            )),
            "criteria[0](fit).weight: number `1.00000000000000000000000000001` cannot be held exactly as a decimal (at most 28 decimal places and 28 digits)",
        ),
        (
            "weights that overflow when summed",
            r(with(
                with(rubric(), "/criteria/0/weight", json!(big)),
                "/criteria/1/weight",
                json!(big),
            )),
            "criteria[1](clarity).weight: the weights of the rubric add up to more than a decimal holds (79228162514264337593543950335); only their ratios matter, so scale them down",
        ),
        (
            "decimal overflow",
            r(with(
                with(rubric(), "/criteria/0/metric/min", json!(format!("-{big}"))),
                "/criteria/0/metric/max",
                json!(big),
            )),
            "criteria[0](fit).metric: decimal overflow while checking a step",
        ),
        (
            "not JSON",
            Input::Rubric("{\"id\": ".to_owned()),
            "id: the document ends where a value was expected (line 1, column 8)",
        ),
        // Assessments
        (
            "answer of the wrong type",
            a(with(
                assessment(),
                "/answers/0/value",
                json!({ "level": "mid" }),
            )),
            "answers[0](fit).value: criterion `fit` expects a `scale` answer, found `level`",
        ),
        (
            "value off the scale",
            a(with(
                assessment(),
                "/answers/0/value",
                json!({ "scale": "5.5" }),
            )),
            "answers[0](fit).value.scale: value 5.5 is outside [0, 5]",
        ),
        (
            "value off the step",
            a(with(
                assessment(),
                "/answers/0/value",
                json!({ "scale": "4.25" }),
            )),
            "answers[0](fit).value.scale: value 4.25 is not on the scale's steps (0, 0.5, 1, ...)",
        ),
        (
            "percentage above 100",
            a(with(
                assessment(),
                "/answers/3/value",
                json!({ "percent": 120 }),
            )),
            "answers[3](done).value.percent: value 120 is outside [0, 100]",
        ),
        (
            "negative count",
            a(with(
                assessment(),
                "/answers/2/value",
                json!({ "count": -1 }),
            )),
            "answers[2](partners).value.count: -1 is not a whole number of 0 or more",
        ),
        (
            "unknown level",
            a(with(
                assessment(),
                "/answers/1/value",
                json!({ "level": "top" }),
            )),
            "answers[1](clarity).value.level: criterion `clarity` has no level `top` (allowed: low, mid, high)",
        ),
        (
            "unknown category",
            a(with(
                assessment(),
                "/answers/4/value",
                json!({ "distribution": { "z": 1 } }),
            )),
            "answers[4](groups).value.distribution.z: criterion `groups` has no category `z` (allowed: a, b, c, d)",
        ),
        (
            "category named twice",
            Input::Assessment(assessment().to_string().replacen(
                r#"{"a":3,"c":1}"#,
                r#"{"a":3,"a":1}"#,
                1,
            )),
            "answers[4](groups).value.distribution: category `a` is named twice",
        ),
        (
            "answer for an unknown criterion",
            a(with(assessment(), "/answers/0/criterion", json!("fitt"))),
            "answers[0](fitt).criterion: unknown criterion `fitt` (did you mean `fit`?)",
        ),
        (
            "answer for a group",
            a(with(assessment(), "/answers/0/criterion", json!("reach"))),
            "answers[0](reach).criterion: criterion `reach` is a group; answer its criteria instead",
        ),
        (
            "criterion answered twice",
            a(with(assessment(), "/answers/1/criterion", json!("fit"))),
            "answers[1](fit).criterion: duplicate answer id `fit` (first defined at answers[0](fit).criterion)",
        ),
        (
            "missing required answer",
            a(without(assessment(), "/answers/6")),
            "answers: required criterion `complete` has no answer",
        ),
        (
            "not applicable where not allowed",
            a(with(
                assessment(),
                "/answers/0/value",
                json!("not_applicable"),
            )),
            "answers[0](fit).value: criterion `fit` does not accept `not_applicable` (set `allow_not_applicable` in the rubric)",
        ),
        (
            "rubric version mismatch",
            a(with(assessment(), "/rubric/version", json!("2"))),
            "rubric: assessment is for `mini` version `2`, but the rubric is `mini` version `1`",
        ),
        (
            "rubric id mismatch",
            a(with(assessment(), "/rubric/id", json!("bpf-outcome"))),
            "rubric: assessment is for `bpf-outcome` version `1`, but the rubric is `mini` version `1`",
        ),
        (
            "kind mismatch",
            a(with(assessment(), "/kind", json!("outcome"))),
            "kind: assessment is for `outcome`, but the rubric is `proposal`",
        ),
        (
            "unknown assessment field",
            a(with(assessment(), "/answers/0/coment", json!("typo"))),
            "answers[0](fit).coment: unknown field `coment` (did you mean `comment`?) (allowed: criterion, value, comment, derivation, override_reason)",
        ),
        (
            "unknown stakeholder group",
            a(with(
                assessment(),
                "/assessor/stakeholder_group",
                json!("media"),
            )),
            "assessor.stakeholder_group: unknown value `media` (allowed: government, intergovernmental_organization, civil_society, technical_community, private_sector, academia)",
        ),
        (
            "inexact percentage",
            a(with(
                assessment(),
                "/answers/3/value",
                json!({ "percent": "60.00000000000000000000000000001" }),
            )),
            "answers[3](done).value.percent: \"60.00000000000000000000000000001\" has 31 digits, more than a decimal holds (28 digits, or 29 up to 79228162514264337593543950335, at most 28 of them after the point)",
        ),
        // Panels
        (
            "panel for another rubric",
            p(with(panel(), "/rubric/version", json!("2"))),
            "assessments[0](bpf-x).rubric: assessment is for `mini` version `1`, but the rubric is the panel's `mini` version `2`",
        ),
        (
            "panel reviewed under another rubric",
            p(with(
                with(
                    with(panel(), "/rubric/version", json!("2")),
                    "/assessments/0/rubric/version",
                    json!("2"),
                ),
                "/assessments/1/rubric/version",
                json!("2"),
            )),
            "rubric: panel is for `mini` version `2`, but the rubric is `mini` version `1`",
        ),
        (
            "assessor twice for one subject",
            p(with(panel(), "/assessments/1/assessor/id", json!("a1"))),
            "assessments[1](bpf-x).assessor.id: duplicate assessor id `a1 (of subject `bpf-x`)` (first defined at assessments[0](bpf-x).assessor.id)",
        ),
        (
            "subject described twice",
            p(with(panel(), "/assessments/1/subject/title", json!("Y"))),
            "assessments[1](bpf-x).subject: subject `bpf-x` is described differently at assessments[0] (title or year)",
        ),
        (
            "assessor described twice",
            p(with(
                with(panel(), "/assessments/1/subject/id", json!("bpf-y")),
                "/assessments/1/assessor",
                json!({ "id": "a1", "stakeholder_group": "government", "region": "african", "role": "mag_member" }),
            )),
            "assessments[1](bpf-y).assessor: assessor `a1` is described differently at assessments[0] (name, stakeholder group, region or role)",
        ),
        (
            "bad answer inside a strict panel",
            p(with(
                with(panel(), "/rules/strict", json!(true)),
                "/assessments/1/answers/0/value",
                json!({ "scale": "9" }),
            )),
            "assessments[1](bpf-x).answers[0](fit).value.scale: value 9 is outside [0, 5]",
        ),
        (
            "consensus for nobody's subject",
            p(with(
                panel(),
                "/consensus",
                json!([{ "subject": "bpf-y", "value": 50, "recorded_by": "chair" }]),
            )),
            "consensus[0](bpf-y).subject: no assessment of subject `bpf-y`",
        ),
        (
            "consensus twice",
            p(with(
                panel(),
                "/consensus",
                json!([{ "subject": "bpf-x", "value": 50, "recorded_by": "chair" }, { "subject": "bpf-x", "value": 60, "recorded_by": "chair" }]),
            )),
            "consensus[1](bpf-x): duplicate consensus id `bpf-x` (first defined at consensus[0](bpf-x))",
        ),
        (
            "consensus on an unknown criterion",
            p(with(
                panel(),
                "/consensus",
                json!([{ "subject": "bpf-x", "criterion": "nope", "value": 1, "recorded_by": "chair" }]),
            )),
            "consensus[0](bpf-x).criterion: unknown criterion `nope`",
        ),
        (
            "consensus off the criterion's scale",
            p(with(
                panel(),
                "/consensus",
                json!([{ "subject": "bpf-x", "criterion": "fit", "value": 7, "recorded_by": "chair" }]),
            )),
            "consensus[0](bpf-x).value: value 7 is outside [0, 5]",
        ),
        (
            "consensus total off the scale",
            p(with(
                panel(),
                "/consensus",
                json!([{ "subject": "bpf-x", "value": 170, "recorded_by": "chair" }]),
            )),
            "consensus[0](bpf-x).value: value 170 is outside [0, 100]",
        ),
        (
            "trim share of a half",
            p(with(
                panel(),
                "/rules/aggregation",
                json!({ "method": "trimmed_mean", "trim": { "share": "0.5" } }),
            )),
            "rules.aggregation.trim: trim share 0.5 is outside [0, 0.5)",
        ),
        (
            "unknown aggregation",
            p(with(
                panel(),
                "/rules/aggregation",
                json!({ "method": "mode" }),
            )),
            "rules.aggregation.method: unknown value `mode` (allowed: mean, median, trimmed_mean, winsorised_mean, min, max)",
        ),
        (
            "no assessor required",
            p(with(panel(), "/rules/min_assessors", json!(0))),
            "rules.min_assessors: value 0 is outside [1, 4294967295]",
        ),
        (
            "divergence of zero",
            p(with(panel(), "/rules/divergence", json!(0))),
            "rules.divergence: value 0 is outside (0, 1]",
        ),
        (
            "calibration on one subject",
            p(with(
                panel(),
                "/rules/calibration",
                json!({ "min_subjects": 1 }),
            )),
            "rules.calibration.min_subjects: value 1 is outside [2, 4294967295]",
        ),
        (
            "calibration of criteria",
            p(with(
                with(panel(), "/rules/calibration", json!({ "min_subjects": 2 })),
                "/rules/basis",
                json!("criteria"),
            )),
            "rules.calibration: calibration adjusts assessors' totals, so it needs `basis: totals`",
        ),
        (
            "threshold off the scale",
            p(with(panel(), "/rules/threshold", json!(101))),
            "rules.threshold: value 101 is outside [0, 100]",
        ),
        (
            "no capacity",
            p(with(panel(), "/rules/capacity", json!(0))),
            "rules.capacity: value 0 is outside [1, 4294967295]",
        ),
        (
            "ranking weight on an unknown criterion",
            p(with(
                panel(),
                "/rules/ranking_weights",
                json!([{ "criterion": "nope", "factor": 2 }]),
            )),
            "rules.ranking_weights[0](nope).criterion: unknown criterion `nope`",
        ),
        (
            "negative ranking weight",
            p(with(
                panel(),
                "/rules/ranking_weights",
                json!([{ "criterion": "fit", "factor": -1 }]),
            )),
            "rules.ranking_weights[0](fit).factor: weight -1 is negative (weights must be >= 0)",
        ),
        (
            "tie-break on an unknown criterion",
            p(with(
                panel(),
                "/rules/tie_break",
                json!([{ "by": "criterion", "criterion": "nope" }]),
            )),
            "rules.tie_break[0](nope).criterion: unknown criterion `nope`",
        ),
        (
            "reference pool off the scale",
            p(with(panel(), "/rules/reference_pool", json!([50, 120]))),
            "rules.reference_pool[1]: value 120 is outside [0, 100]",
        ),
        (
            "unknown rules field",
            p(with(panel(), "/rules/capacty", json!(3))),
            "rules.capacty: unknown field `capacty` (did you mean `capacity`?) (allowed: aggregation, basis, min_assessors, divergence, calibration, threshold, capacity, ranking_weights, tie_break, reference_pool, strict)",
        ),
        (
            "a scale end that is not a decimal, inside the tagged metric",
            r(with(rubric(), "/criteria/0/metric/min", json!("a"))),
            "criteria[0](fit).metric.min: \"a\" is not a decimal number (write digits with an optional `-` and decimal point, such as \"-2.5\")",
        ),
        (
            "a level that is not an object, inside the tagged metric",
            r(with(rubric(), "/criteria/1/metric/levels/1", json!("mid"))),
            "criteria[1](clarity).metric.levels[1]: expected an object, found the string \"mid\"",
        ),
        (
            "a level value that is not a decimal, inside the tagged metric",
            r(with(
                rubric(),
                "/criteria/1/metric/levels/2/value",
                json!("high"),
            )),
            "criteria[1](clarity).metric.levels[2].value: \"high\" is not a decimal number (write digits with an optional `-` and decimal point, such as \"-2.5\")",
        ),
        (
            "a gate threshold that is not a decimal, inside the tagged rule",
            r(with(rubric(), "/gates/1/rule/threshold", json!([3]))),
            "gates[1](fit-min).rule.threshold: expected a decimal number, as a JSON number or a string such as \"2.5\", found an array",
        ),
        (
            "a tie-break criterion that is not a string, inside the tagged step",
            p(with(
                panel(),
                "/rules/tie_break",
                json!([{ "by": "criterion", "criterion": 5 }]),
            )),
            "rules.tie_break[0].criterion: expected a string, found the number 5",
        ),
        (
            "a trim of an unknown kind, inside the tagged aggregation",
            p(with(
                panel(),
                "/rules/aggregation",
                json!({ "method": "trimmed_mean", "trim": { "half": 1 } }),
            )),
            "rules.aggregation.trim: unknown value `half` (allowed: share, count)",
        ),
        (
            "a field on a metric that takes none",
            r(with(rubric(), "/criteria/4/metric/min", json!(0))),
            "criteria[4](complete).metric: unknown field `min` (this kind takes no fields besides its tag)",
        ),
        (
            "rubric panel rules are checked at load",
            r(with(rubric(), "/panel", json!({ "capacity": 0 }))),
            "panel.capacity: value 0 is outside [1, 4294967295]",
        ),
    ]
}

#[test]
fn every_rejected_input_has_its_exact_message() {
    let mut wrong = Vec::new();
    for (name, input, expected) in cases() {
        let actual = message(&input);
        if actual != expected {
            wrong.push(format!(
                "{name}\n  expected: {expected}\n  actual:   {actual}"
            ));
        }
    }
    assert!(
        wrong.is_empty(),
        "{} messages differ:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}

/// The codes `Error::code` documents.
const CODES: [&str; 35] = [
    "syntax",
    "not_utf8",
    "too_deep",
    "wrong_type",
    "unknown_field",
    "missing_field",
    "duplicate_key",
    "invalid_value",
    "unsupported_format",
    "invalid_id",
    "duplicate_id",
    "malformed_criterion",
    "too_few",
    "negative_weight",
    "bad_weight",
    "invalid_rule",
    "zero_total_weight",
    "empty_scale",
    "bad_step",
    "out_of_range",
    "too_precise",
    "off_step",
    "out_of_order",
    "band_gap",
    "unknown_criterion",
    "mismatch",
    "unknown_choice",
    "missing_answer",
    "rubric_mismatch",
    "inconsistent",
    "missing_reason",
    "invalid_data",
    "undefined",
    "unknown_name",
    "overflow",
];

#[test]
fn every_rejected_input_has_a_code_a_place_and_a_message_without_the_place() {
    for (name, input, _) in cases() {
        let Err(error) = outcome(&input) else {
            continue;
        };
        let detail = error.detail();
        assert!(
            CODES.contains(&detail.code.as_str()),
            "{name}: {}",
            detail.code
        );
        assert_eq!(
            format!("{}: {}", detail.path, detail.message),
            error.to_string(),
            "{name}"
        );
        let pointer_depth = detail.pointer.matches('/').count();
        let path_depth = error.path().map_or(0, |p| p.segments().len());
        assert_eq!(pointer_depth, path_depth, "{name}: {}", detail.pointer);
        if detail.path.contains("criteria[") || detail.path.contains("answers[") {
            assert!(
                detail.criterion.is_some(),
                "{name}: no criterion for {}",
                detail.path
            );
        }
    }
}

#[test]
fn the_error_document_round_trips_and_keeps_every_field() {
    let text = with(rubric(), "/criteria/1/id", json!("fit")).to_string();
    let error = igf_rubric::Rubric::from_json(&text).unwrap_err();
    let document = igf_rubric::ErrorDocument::from(&error);
    let json = document.to_json().unwrap();
    assert_eq!(
        igf_rubric::ErrorDocument::from_json(&json).unwrap(),
        document
    );
    let value: Value = serde_json::from_str(&json).unwrap();
    assert_eq!(value["format_version"], 1);
    assert_eq!(value["errors"][0]["code"], error.code());
    let future = json.replace("\"format_version\": 1", "\"format_version\": 2");
    assert_eq!(
        igf_rubric::ErrorDocument::from_json(&future)
            .unwrap_err()
            .code(),
        "unsupported_format"
    );
}

#[test]
fn all_errors_of_an_assessment_include_the_one_scoring_stops_at() {
    let rubric = load_rubric(&rubric());
    for (name, input, _) in cases() {
        let Input::Assessment(text) = &input else {
            continue;
        };
        let Ok(sheet) = igf_rubric::Assessment::from_json(text) else {
            continue;
        };
        let all = rubric.assessment_errors(&sheet);
        match rubric.score(&sheet) {
            Ok(_) => assert!(all.is_empty(), "{name}: {all:?}"),
            Err(first) => assert!(all.contains(&first), "{name}: {first} not in {all:?}"),
        }
    }
}

#[test]
fn all_errors_of_an_assessment_are_reported_together() {
    let mut doc = assessment();
    doc["answers"] = json!([
        { "criterion": "fitt", "value": { "scale": 3 } },
        { "criterion": "clarity", "value": { "level": "hihg" } },
        { "criterion": "reach", "value": { "count": 1 } },
        { "criterion": "done", "value": { "percent": 120 } },
        { "criterion": "cost", "value": { "yes_no": true } },
        { "criterion": "cost", "value": { "scale": 2 } }
    ]);
    let errors = load_rubric(&rubric())
        .read_assessment(&doc.to_string())
        .unwrap_err();
    let found: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert_eq!(
        found,
        [
            "answers[0](fitt).criterion: unknown criterion `fitt` (did you mean `fit`?)",
            "answers[1](clarity).value.level: criterion `clarity` has no level `hihg` (did you mean `high`?) (allowed: low, mid, high)",
            "answers[2](reach).criterion: criterion `reach` is a group; answer its criteria instead",
            "answers[3](done).value.percent: value 120 is outside [0, 100]",
            "answers[4](cost).value: criterion `cost` expects a `scale` answer, found `yes_no`",
            "answers[5](cost).criterion: duplicate answer id `cost` (first defined at answers[4](cost).criterion)",
            "answers: required criterion `complete` has no answer",
        ]
    );
}

#[test]
fn a_member_given_twice_is_reported_and_reading_goes_on_past_it() {
    let text = assessment()
        .to_string()
        .replacen("\"subject\":{", "\"subject\":{\"title\":\"Again\",", 1)
        .replacen("\"assessor\":{", "\"assessor\":{\"nmae\":\"x\",", 1);
    let errors = igf_rubric::Assessment::from_json_all(&text).unwrap_err();
    let found: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert_eq!(
        found,
        [
            "assessor.nmae: unknown field `nmae` (did you mean `name`?) (allowed: id, name, stakeholder_group, region, role)",
            "subject: field `title` is given twice",
        ]
    );
}

#[test]
fn errors_inside_tagged_enums_keep_their_kind_and_place() {
    let text = with(rubric(), "/criteria/0/metric/step", json!([1])).to_string();
    let error = igf_rubric::Rubric::from_json(&text).unwrap_err();
    let detail = error.detail();
    assert_eq!(detail.code, "wrong_type");
    assert_eq!(detail.pointer, "/criteria/0/metric/step");
    assert_eq!(detail.criterion.as_deref(), Some("fit"));
    assert!(!detail.message.contains('\0'), "{:?}", detail.message);
}

/// The error stays within clippy's `result_large_err` limit (128 bytes), so a `Result` of the
/// crate costs callers little to pass around: 120 bytes on 64-bit targets, the largest variant
/// (`UnknownChoice`) being a path, four strings and a boxed list.
#[test]
fn the_error_is_small() {
    let size = std::mem::size_of::<igf_rubric::Error>();
    assert!(size <= 128, "size_of::<Error>() = {size} bytes");
    eprintln!("size_of::<Error>() = {size} bytes");
}

/// An error document stays small whatever the request: a value a megabyte long is not echoed
/// whole, and errors beyond the listed ones are counted.
#[test]
fn an_error_document_stays_small_for_huge_values_and_many_errors() {
    let digits = "9".repeat(1_000_000);
    let text = format!(
        r#"{{"rubric": {{"preset": {{"id": "bpf-proposal"}}}}, "assessments": [{{"subject": {{"id": "x", "title": "x", "year": {digits}}}}}]}}"#
    );
    let document = igf_rubric::evaluate_json(&text).unwrap_err();
    let written = document.to_json().unwrap();
    assert!(written.len() < 10_000, "{} bytes", written.len());
    assert!(
        document
            .errors
            .iter()
            .all(|e| e.message.chars().count() <= 1_100),
        "{written:.2000}"
    );
    let many: Vec<igf_rubric::Error> = (0..200_000)
        .map(|i| igf_rubric::Error::invalid_data("demo", format!("mistake {i}")))
        .collect();
    let document = igf_rubric::ErrorDocument::new(&many);
    assert_eq!(document.errors.len(), igf_rubric::error::MAX_LISTED_ERRORS);
    assert_eq!(
        document.omitted,
        200_000 - igf_rubric::error::MAX_LISTED_ERRORS
    );
    assert!(document.to_json().unwrap().len() < 1 << 20);
    let back = igf_rubric::ErrorDocument::from_json(&document.to_json().unwrap()).unwrap();
    assert_eq!(back, document);
}
