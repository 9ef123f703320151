//! JSON Schemas of the documents a front end exchanges, and one bundle that declares every
//! type once. Inputs: rubric, assessment, panel, evaluation request, outcome record,
//! commitments, consultation, report text and feedback round. Outputs: scorecard, panel
//! report, evaluation result, results framework, lessons summary, rescoring, ranking, weights,
//! rank acceptability and error document.
//!
//! Inputs are described as the loader reads them (defaults optional, decimals as numbers or
//! strings), outputs as the crate writes them (decimals as strings). A type whose written form
//! differs from its read form appears twice in the bundle, the written one named with the
//! prefix `Written` (`WrittenDecimal`, `WrittenTotalScale`).
//!
//! The schemas compile unchanged in Ajv (2020-12 dialect, `strict: true`) and Python
//! `jsonschema`: no non-standard `format`s, no type unions. The committed copies live in
//! `schemas/`; `cargo run --example write_schemas` regenerates them and a test fails when they
//! are stale.
//!
//! ```
//! let schema = igf_rubric::schema::rubric();
//! assert_eq!(schema["title"], "Rubric");
//! assert!(igf_rubric::schema::bundle()["$defs"]["Criterion"].is_object());
//! ```
//!
//! # Compatibility
//! Every document carries its format version (`format_version`, or `schema_version` for
//! requests and results), and `from_json` refuses a version it does not read. Within a version:
//! input documents reject members they do not know (a typo must not be dropped in silence), so
//! a later release adds only optional members to them, which older releases reject; output
//! documents may gain members in objects only outputs hold, and readers of this release ignore
//! them (their schemas allow them). Removing or renaming a member, changing its meaning, or
//! adding one to a type that inputs share bumps the version.
//!
#![doc = include_str!("../../schemas/loader-only-rules.md")]

mod portable;

use std::collections::BTreeMap;

use schemars::JsonSchema;
use schemars::generate::SchemaSettings;
use serde_json::{Map, Value, json};

use crate::assessment::Assessment;
use crate::panel::{Panel, PanelReport};
use crate::rubric::RubricDoc;
use crate::scoring::Scorecard;

/// The dialect every schema declares.
pub const DIALECT: &str = "https://json-schema.org/draft/2020-12/schema";

/// The schema of a rubric document.
///
/// ```
/// let schema = igf_rubric::schema::rubric();
/// assert_eq!(schema["title"], "Rubric");
/// assert_eq!(schema["$schema"], igf_rubric::schema::DIALECT);
/// ```
#[must_use]
pub fn rubric() -> Value {
    input::<RubricDoc>()
}

/// The schema of an assessment document.
#[must_use]
pub fn assessment() -> Value {
    input::<Assessment>()
}

/// The schema of a panel document (assessments of several subjects with the panel's rules).
#[must_use]
pub fn panel() -> Value {
    input::<Panel>()
}

/// The schema of an evaluation request ([`EvaluationRequest`](crate::evaluation::EvaluationRequest)).
#[must_use]
pub fn request() -> Value {
    input::<crate::evaluation::EvaluationRequest>()
}

/// The schema of an evaluation result ([`EvaluationResult`](crate::evaluation::EvaluationResult)).
#[must_use]
pub fn result() -> Value {
    output::<crate::evaluation::EvaluationResult>()
}

/// The schema of a scorecard document.
#[must_use]
pub fn scorecard() -> Value {
    output::<Scorecard>()
}

/// The schema of a panel report.
#[must_use]
pub fn panel_report() -> Value {
    output::<PanelReport>()
}

/// The schema of an outcome record ([`OutcomeRecord`](crate::evidence::OutcomeRecord)).
#[must_use]
pub fn outcome_record() -> Value {
    input::<crate::evidence::OutcomeRecord>()
}

/// The schema of a proposal's commitments ([`Commitments`](crate::evidence::Commitments)).
#[must_use]
pub fn commitments() -> Value {
    input::<crate::evidence::Commitments>()
}

/// The schema of a results framework, promised against achieved
/// ([`ResultsFramework`](crate::evidence::ResultsFramework)).
#[must_use]
pub fn results_framework() -> Value {
    output::<crate::evidence::ResultsFramework>()
}

/// The schema of a consultation: a code book and the answers to the three BPF questions
/// ([`Consultation`](crate::lessons::Consultation)).
#[must_use]
pub fn consultation() -> Value {
    input::<crate::lessons::Consultation>()
}

/// The schema of a lessons summary ([`LessonsSummary`](crate::lessons::LessonsSummary)).
#[must_use]
pub fn lessons_summary() -> Value {
    output::<crate::lessons::LessonsSummary>()
}

/// The schema of a rescoring: a panel under two versions of its rubric, the diff and the
/// moves ([`Rescoring`](crate::revision::Rescoring)).
#[must_use]
pub fn rescoring() -> Value {
    output::<crate::revision::Rescoring>()
}

/// The schema of a report's text ([`ReportText`](crate::feedback::ReportText)).
#[must_use]
pub fn report_text() -> Value {
    input::<crate::feedback::ReportText>()
}

/// The schema of a feedback round ([`FeedbackRound`](crate::feedback::FeedbackRound)).
#[must_use]
pub fn feedback_round() -> Value {
    input::<crate::feedback::FeedbackRound>()
}

/// The schema of a ranking by a decision method ([`Ranking`](crate::decision::Ranking)).
#[must_use]
pub fn ranking() -> Value {
    output::<crate::decision::Ranking>()
}

/// The schema of derived weights ([`Weights`](crate::decision::Weights)).
#[must_use]
pub fn weights() -> Value {
    output::<crate::decision::Weights>()
}

/// The schema of rank acceptability indices
/// ([`RankAcceptability`](crate::decision::RankAcceptability)).
#[must_use]
pub fn rank_acceptability() -> Value {
    output::<crate::decision::RankAcceptability>()
}

/// The schema of AHP's global priorities of alternatives
/// ([`AlternativePriorities`](crate::decision::AlternativePriorities)).
#[must_use]
pub fn ahp_priorities() -> Value {
    output::<crate::decision::AlternativePriorities>()
}

/// The schema of an error document ([`ErrorDocument`](crate::error::ErrorDocument)).
#[must_use]
pub fn error_document() -> Value {
    output::<crate::error::ErrorDocument>()
}

/// One schema holding every type of every document under `$defs`, each declared once and titled
/// (the documents by their titles: `Rubric`, `Scorecard`, ...; the other types by their names).
/// Generate types for a front end from this one, not from the per-document schemas.
#[must_use]
pub fn bundle() -> Value {
    let mut defs = BTreeMap::new();
    let mut roots = Vec::new();
    for (_, mut schema) in documents_with_names() {
        let Some(object) = schema.as_object_mut() else {
            continue;
        };
        if let Some(Value::Object(own)) = object.remove("$defs") {
            defs.extend(own);
        }
        object.remove("$schema");
        roots.push(schema);
    }
    let mut documents = Vec::new();
    for root in roots {
        // A document another document embeds (a rubric inside a request) is a definition
        // already: refer to it rather than declare it twice.
        let name = match defs.iter().find(|(_, def)| **def == root) {
            Some((name, _)) => name.clone(),
            None => {
                let title = root
                    .get("title")
                    .and_then(Value::as_str)
                    .unwrap_or_default()
                    .to_owned();
                defs.insert(title.clone(), root);
                title
            }
        };
        documents.push(json!({ "$ref": format!("#/$defs/{name}") }));
    }
    for (name, def) in &mut defs {
        if let Some(object) = def.as_object_mut() {
            object
                .entry("title")
                .or_insert_with(|| Value::String(name.clone()));
        }
    }
    json!({
        "$schema": DIALECT,
        "title": "IgfRubricDocument",
        "description": "Any document of igf-rubric; each document's own type is in $defs under its title.",
        "anyOf": documents,
        "$defs": defs,
    })
}

/// The schema of one document by its short name: the file name in `schemas/` without
/// `.schema.json` (`rubric`, `panel-report`, `outcome-record`, ...), or `bundle`.
///
/// ```
/// assert_eq!(igf_rubric::schema::named("panel-report"), Some(igf_rubric::schema::panel_report()));
/// assert_eq!(igf_rubric::schema::named("bundle"), Some(igf_rubric::schema::bundle()));
/// assert_eq!(igf_rubric::schema::named("rubrics"), None);
/// ```
#[must_use]
pub fn named(name: &str) -> Option<Value> {
    if name == "bundle" {
        return Some(bundle());
    }
    documents_with_names()
        .into_iter()
        .find(|(file, _)| file.strip_suffix(".schema.json") == Some(name))
        .map(|(_, schema)| schema)
}

/// Every schema with the file name it is committed under in `schemas/`.
#[must_use]
pub fn all() -> Vec<(&'static str, Value)> {
    let mut all = documents_with_names();
    all.push(("igf-rubric.schema.json", bundle()));
    all
}

fn documents_with_names() -> Vec<(&'static str, Value)> {
    vec![
        ("rubric.schema.json", rubric()),
        ("assessment.schema.json", assessment()),
        ("panel.schema.json", panel()),
        ("request.schema.json", request()),
        ("scorecard.schema.json", scorecard()),
        ("panel-report.schema.json", panel_report()),
        ("result.schema.json", result()),
        ("error.schema.json", error_document()),
        ("outcome-record.schema.json", outcome_record()),
        ("commitments.schema.json", commitments()),
        ("results-framework.schema.json", results_framework()),
        ("consultation.schema.json", consultation()),
        ("lessons-summary.schema.json", lessons_summary()),
        ("rescoring.schema.json", rescoring()),
        ("report-text.schema.json", report_text()),
        ("feedback-round.schema.json", feedback_round()),
        ("ranking.schema.json", ranking()),
        ("weights.schema.json", weights()),
        ("rank-acceptability.schema.json", rank_acceptability()),
        ("ahp-priorities.schema.json", ahp_priorities()),
    ]
}

fn generate<T: JsonSchema>(settings: SchemaSettings) -> Value {
    let mut schema = settings
        .into_generator()
        .into_root_schema_for::<T>()
        .to_value();
    portable::make_portable(&mut schema);
    schema
}

fn input<T: JsonSchema>() -> Value {
    generate::<T>(SchemaSettings::draft2020_12().for_deserialize())
}

/// An output schema, with each type whose written form differs from its read form renamed
/// `Written<Name>`, so that the bundle can hold both. A type that refers to a renamed type is
/// renamed too, until nothing changes.
fn output<T: JsonSchema>() -> Value {
    let mut generated = generate::<T>(SchemaSettings::draft2020_12().for_serialize());
    require_only_what_is_read(&mut generated, &input::<T>());
    let read = input_definitions();
    let mut renamed: BTreeMap<String, String> = BTreeMap::new();
    loop {
        let mut schema = generated.clone();
        rename_references(&mut schema, &renamed);
        let differing: Vec<String> = match schema.get("$defs") {
            Some(Value::Object(defs)) => defs
                .iter()
                .filter(|(name, def)| {
                    !renamed.contains_key(*name) && read.get(*name).is_some_and(|r| r != *def)
                })
                .map(|(name, _)| name.clone())
                .collect(),
            _ => Vec::new(),
        };
        if differing.is_empty() {
            if let Some(Value::Object(defs)) = schema.get_mut("$defs") {
                let old = std::mem::take(defs);
                *defs = old
                    .into_iter()
                    .map(|(name, def)| (renamed.get(&name).cloned().unwrap_or(name), def))
                    .collect::<Map<String, Value>>();
            }
            return schema;
        }
        renamed.extend(
            differing
                .into_iter()
                .map(|name| (name.clone(), format!("Written{name}"))),
        );
    }
}

/// Drops from each object's `required` the members its reader supplies when they are missing
/// (an `Option`, or a member with a default), so that the schema of a document the crate writes
/// rejects nothing its reader accepts.
fn require_only_what_is_read(written: &mut Value, read: &Value) {
    fn narrow(written: &mut Value, read: &Value) {
        let Some(required) = written.get_mut("required").and_then(Value::as_array_mut) else {
            return;
        };
        let read_required: Vec<&Value> = read
            .get("required")
            .and_then(Value::as_array)
            .map(|r| r.iter().collect())
            .unwrap_or_default();
        required.retain(|name| read_required.contains(&name));
    }
    narrow(written, read);
    let read_defs = read.get("$defs").and_then(Value::as_object);
    if let (Some(Value::Object(defs)), Some(read_defs)) = (written.get_mut("$defs"), read_defs) {
        for (name, def) in defs.iter_mut() {
            if let Some(read_def) = read_defs.get(name) {
                narrow(def, read_def);
            }
        }
    }
}

/// The definitions of every input document.
fn input_definitions() -> Map<String, Value> {
    let mut defs = Map::new();
    for mut schema in [rubric(), assessment(), panel(), request()] {
        if let Some(Value::Object(own)) = schema.get_mut("$defs").map(Value::take) {
            defs.extend(own);
        }
    }
    defs
}

fn rename_references(schema: &mut Value, renamed: &BTreeMap<String, String>) {
    match schema {
        Value::Object(object) => {
            for (key, value) in object.iter_mut() {
                if key == "$ref" {
                    let target = value
                        .as_str()
                        .and_then(|r| r.strip_prefix("#/$defs/"))
                        .and_then(|name| renamed.get(name));
                    if let Some(new) = target {
                        *value = Value::String(format!("#/$defs/{new}"));
                    }
                } else {
                    rename_references(value, renamed);
                }
            }
        }
        Value::Array(items) => items
            .iter_mut()
            .for_each(|item| rename_references(item, renamed)),
        _ => {}
    }
}

/// A schema as committed: pretty-printed JSON with a final newline.
///
/// # Errors
/// None in practice; serde_json's error is passed on as [`Error::Json`](crate::error::Error::Json).
pub fn to_text(schema: &Value) -> Result<String, crate::error::Error> {
    let mut text = crate::document::to_json(schema)?;
    text.push('\n');
    Ok(text)
}
