//! JSON Schemas of the documents a front end exchanges: rubric, assessment, scorecard, panel
//! and panel report.
//!
//! Inputs (rubric, assessment, panel) use the deserialisation contract, outputs (scorecard,
//! panel report) the
//! serialisation one. The committed copies live in `schemas/`; `cargo run --example
//! write_schemas` regenerates them and a test fails when they are stale.
//!
//! ```
//! let schema = igf_rubric::schema::rubric();
//! assert_eq!(schema["title"], "Rubric");
//! ```

use schemars::JsonSchema;
use schemars::generate::SchemaSettings;
use serde_json::Value;

use crate::{Assessment, Panel, PanelReport, RubricDoc, Scorecard};

/// The schema of a rubric document.
#[must_use]
pub fn rubric() -> Value {
    input::<RubricDoc>()
}

/// The schema of an assessment document.
#[must_use]
pub fn assessment() -> Value {
    input::<Assessment>()
}

/// The schema of a scorecard document.
#[must_use]
pub fn scorecard() -> Value {
    output::<Scorecard>()
}

/// The schema of a panel document (assessments of several subjects with the panel's rules).
#[must_use]
pub fn panel() -> Value {
    input::<Panel>()
}

/// The schema of a panel report.
#[must_use]
pub fn panel_report() -> Value {
    output::<PanelReport>()
}

/// Every document schema with the file name it is committed under in `schemas/`.
#[must_use]
pub fn all() -> Vec<(&'static str, Value)> {
    vec![
        ("rubric.schema.json", rubric()),
        ("assessment.schema.json", assessment()),
        ("scorecard.schema.json", scorecard()),
        ("panel.schema.json", panel()),
        ("panel-report.schema.json", panel_report()),
    ]
}

fn output<T: JsonSchema>() -> Value {
    SchemaSettings::draft2020_12()
        .for_serialize()
        .into_generator()
        .into_root_schema_for::<T>()
        .to_value()
}

fn input<T: JsonSchema>() -> Value {
    SchemaSettings::draft2020_12()
        .for_deserialize()
        .into_generator()
        .into_root_schema_for::<T>()
        .to_value()
}

/// A schema as committed: pretty-printed JSON with a final newline.
///
/// # Errors
/// None in practice; serde_json's error is passed on as [`Error::Json`](crate::Error::Json).
pub fn to_text(schema: &Value) -> Result<String, crate::Error> {
    let mut text = crate::error::to_json(schema)?;
    text.push('\n');
    Ok(text)
}
