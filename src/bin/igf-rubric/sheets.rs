//! `igf-rubric template` and `igf-rubric import`: a rubric's scoring template as a workbook or
//! CSV, and filled sheets read back into an evaluation request (or evaluated at once).

use std::io::Write;
use std::path::{Path, PathBuf};

use igf_rubric::evaluation::RubricSource;
use igf_rubric::sheet::{self, Grid};
use igf_rubric::{Document, EvaluationRequest, Subject};

use crate::input::{read_input, rubric_argument, text};
use crate::{Failure, print, stream};

/// The formats of a template.
#[derive(Clone, Copy, clap::ValueEnum)]
pub(crate) enum TemplateFormat {
    /// An Excel workbook with drop-downs, limits and notes.
    Xlsx,
    /// Plain CSV: the header row and one row per subject.
    Csv,
}

/// Writes `rubric`'s template, with a row for each subject in `subjects` (a JSON list of
/// subjects, or a panel or request whose assessments name them), to `output`.
pub(crate) fn template(
    out: &mut impl Write,
    rubric: &str,
    format: TemplateFormat,
    subjects: Option<&Path>,
    output: Option<&Path>,
) -> Result<(), Failure> {
    let rubric = rubric_argument(rubric)?;
    let subjects = match subjects {
        Some(file) => subjects_of(file)?,
        None => Vec::new(),
    };
    let bytes = match format {
        TemplateFormat::Xlsx => sheet::template_xlsx(&rubric, &subjects)
            .map_err(|e| Failure::Io(format!("cannot write the template: {e}")))?,
        TemplateFormat::Csv => sheet::template_csv(&rubric, &subjects).into_bytes(),
    };
    match (output, format) {
        (Some(file), _) => std::fs::write(file, bytes)
            .map_err(|e| Failure::Io(format!("cannot write {}: {e}", file.display()))),
        (None, TemplateFormat::Csv) => print(out, &String::from_utf8_lossy(&bytes)),
        (None, TemplateFormat::Xlsx) => Err(Failure::Io(
            "a workbook is not text: name the file to write with -o FILE".to_owned(),
        )),
    }
}

/// The subjects listed in a file, each once, in order.
fn subjects_of(file: &Path) -> Result<Vec<Subject>, Failure> {
    let text =
        text(read_input(file)?).map_err(|e| Failure::Io(format!("{}: {e}", file.display())))?;
    let value: serde_json::Value = serde_json::from_str(&text)
        .map_err(|e| Failure::Io(format!("{} is not JSON: {e}", file.display())))?;
    let list = match value.get("assessments") {
        Some(serde_json::Value::Array(sheets)) => sheets
            .iter()
            .filter_map(|s| s.get("subject").cloned())
            .collect(),
        _ => match value {
            serde_json::Value::Array(list) => list,
            _ => {
                return Err(Failure::Io(format!(
                    "{} is neither a list of subjects ({{\"id\", \"title\", \"year\"}}) nor a panel or request",
                    file.display()
                )));
            }
        },
    };
    let mut subjects: Vec<Subject> = Vec::new();
    for (i, item) in list.into_iter().enumerate() {
        let subject: Subject = serde_json::from_value(item).map_err(|e| {
            Failure::Io(format!(
                "{}: subject {}: {e}",
                file.display(),
                i.saturating_add(1)
            ))
        })?;
        if !subjects.iter().any(|s| s.id == subject.id) {
            subjects.push(subject);
        }
    }
    Ok(subjects)
}

/// Reads filled sheets (`.xlsx`, `.csv`) against a rubric into one evaluation request;
/// every mistake goes to standard error with its cell (then exit 1).
pub(crate) fn import(files: &[PathBuf], rubric_given: &str) -> Result<EvaluationRequest, Failure> {
    let rubric = rubric_argument(rubric_given)?;
    let mut grids = Vec::new();
    for file in files {
        let bytes = read_input(file)?;
        let csv = file
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("csv"));
        let read = if csv {
            text(bytes).and_then(|t| sheet::read_csv(&t))
        } else {
            sheet::read_xlsx(&bytes)
        };
        let mut grid: Grid =
            read.map_err(|e| Failure::Io(format!("cannot read {}: {e}", file.display())))?;
        if files.len() > 1 || csv {
            let name = file
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            grid.sheet = if grid.sheet.is_empty() {
                name
            } else {
                format!("{name}:{}", grid.sheet)
            };
        }
        grids.push(grid);
    }
    let assessments = sheet::merge(&rubric, &grids).map_err(|errors| {
        let mut stderr = std::io::stderr().lock();
        let _ = writeln!(
            stderr,
            "igf-rubric: {} mistake{} in the filled sheet{}:",
            errors.len(),
            if errors.len() == 1 { "" } else { "s" },
            if files.len() == 1 { "" } else { "s" }
        );
        for error in &errors {
            let _ = writeln!(stderr, "  {error} [{}]", error.code);
        }
        Failure::Invalid
    })?;
    let source = if igf_rubric::presets::get(rubric_given).is_some() {
        RubricSource::Preset {
            id: rubric.id().to_owned(),
            version: Some(rubric.version().to_owned()),
        }
    } else {
        RubricSource::Document(Box::new(rubric.doc().clone()))
    };
    Ok(EvaluationRequest::new(source, assessments))
}

/// Prints a request as JSON.
pub(crate) fn print_request(
    out: &mut impl Write,
    request: &EvaluationRequest,
) -> Result<(), Failure> {
    request
        .check()
        .map_err(|e| Failure::Io(format!("the request read from the sheets is invalid: {e}")))?;
    stream(out, request)
}
