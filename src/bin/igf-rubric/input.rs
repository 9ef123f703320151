//! Reading the command line's inputs: files with a size limit, and telling what a document is.

use std::borrow::Cow;
use std::io::Read;
use std::path::Path;

use clap::ValueEnum;
use igf_rubric::{Assessment, Error, Panel, Rubric};
use serde_json::Value;

use crate::Failure;
use igf_rubric::Document;

/// The largest input read: 256 MiB.
const MAX_BYTES: u64 = 256 * 1024 * 1024;

/// What a document is.
#[derive(Clone, Copy, ValueEnum)]
pub(crate) enum Kind {
    Rubric,
    Assessment,
    Panel,
    Request,
    OutcomeRecord,
    Commitments,
    Consultation,
    ReportText,
    FeedbackRound,
    Scorecard,
    PanelReport,
    Result,
    Error,
    ResultsFramework,
    LessonsSummary,
    Rescoring,
    Ranking,
    Weights,
    RankAcceptability,
    AhpPriorities,
}

/// The bytes of a file, or of standard input for `-`.
pub(crate) fn read_input(path: &Path) -> Result<Vec<u8>, Failure> {
    let name = path.display();
    let mut bytes = Vec::new();
    let read = if path == Path::new("-") {
        std::io::stdin()
            .lock()
            .take(MAX_BYTES + 1)
            .read_to_end(&mut bytes)
    } else {
        if path.is_dir() {
            return Err(Failure::Io(format!(
                "{name} is a directory, not a JSON document"
            )));
        }
        std::fs::File::open(path)
            .map_err(|e| Failure::Io(format!("cannot read {name}: {e}")))?
            .take(MAX_BYTES + 1)
            .read_to_end(&mut bytes)
    };
    read.map_err(|e| Failure::Io(format!("cannot read {name}: {e}")))?;
    if bytes.len() as u64 > MAX_BYTES {
        return Err(Failure::Io(format!(
            "{name} is larger than {} MiB, the most this tool reads",
            MAX_BYTES / 1024 / 1024
        )));
    }
    Ok(bytes)
}

/// The bytes as text, or the crate's error for bytes that are not UTF-8.
pub(crate) fn text(bytes: Vec<u8>) -> Result<String, Error> {
    String::from_utf8(bytes).map_err(|e| {
        igf_rubric::json::from_slice::<serde::de::IgnoredAny>(e.as_bytes())
            .err()
            .unwrap_or_else(|| Error::invalid_data("document", "not UTF-8 text"))
    })
}

/// The rubric named on the command line: a preset id, or a rubric file.
pub(crate) fn rubric_argument(given: &str) -> Result<Cow<'static, Rubric>, Failure> {
    if let Some(preset) = igf_rubric::presets::get(given) {
        return Ok(Cow::Borrowed(preset));
    }
    let text = text(read_input(Path::new(given))?)
        .map_err(|e| Failure::Io(format!("the rubric {given} is invalid: {e}")))?;
    Rubric::from_json(&text)
        .map(Cow::Owned)
        .map_err(|e| Failure::Io(format!("the rubric {given} is invalid: {e}")))
}

/// The outcome of checking one document.
pub(crate) struct Report {
    /// What the document was taken for, e.g. `assessment (checked against bpf-proposal 1.0.0)`.
    pub(crate) what: String,
    pub(crate) errors: Vec<Error>,
    /// What the reader should know of a document, valid or not: each criterion an assessment
    /// leaves out, and what the rubric makes of that.
    pub(crate) notes: Vec<String>,
}

/// A note for each scored criterion `assessment` leaves out; `whose` names the sheet in a panel.
fn omissions(rubric: &Rubric, assessment: &Assessment, whose: &str) -> Vec<String> {
    use igf_rubric::rubric::{OmittedPolicy, UnablePolicy};
    let meaning = match rubric.doc().omitted {
        OmittedPolicy::AsUnableToAssess => match rubric.doc().unable_to_assess {
            UnablePolicy::CountAsMinimum => {
                "is read as unable to assess, which counts it as its minimum (0)"
            }
            UnablePolicy::Incomplete => {
                "is read as unable to assess, which makes the sheet incomplete (no total)"
            }
            _ => {
                "is read as unable to assess, which leaves it out and renormalises the other weights"
            }
        },
        OmittedPolicy::CountAsMinimum => "counts as its minimum (0)",
        _ => "makes the sheet incomplete (no total) unless its weight is 0",
    };
    rubric
        .omitted(assessment)
        .map(|c| {
            format!(
                "{whose}criterion {} ({}) is not answered; under {} {} an omitted answer {meaning}",
                c.id,
                c.name,
                rubric.id(),
                rubric.version()
            )
        })
        .collect()
}

/// Checks a document of the given (or guessed) kind.
pub(crate) fn check(
    text: &str,
    kind: Option<Kind>,
    rubric: Option<&Cow<'static, Rubric>>,
) -> Report {
    let kind = kind.unwrap_or_else(|| guess(text));
    match kind {
        Kind::Rubric => Report {
            what: "rubric".to_owned(),
            errors: Rubric::from_json_all(text).err().unwrap_or_default(),
            notes: Vec::new(),
        },
        Kind::Request => Report {
            what: "request".to_owned(),
            errors: match igf_rubric::EvaluationRequest::from_json_all(text) {
                Ok(request) => igf_rubric::evaluate(&request).err().unwrap_or_default(),
                Err(errors) => errors,
            },
            notes: Vec::new(),
        },
        Kind::OutcomeRecord => own::<igf_rubric::evidence::OutcomeRecord>("outcome record", text),
        Kind::Commitments => own::<igf_rubric::evidence::Commitments>("commitments", text),
        Kind::Consultation => own::<igf_rubric::lessons::Consultation>("consultation", text),
        Kind::ReportText => own::<igf_rubric::feedback::ReportText>("report text", text),
        Kind::FeedbackRound => own::<igf_rubric::feedback::FeedbackRound>("feedback round", text),
        Kind::Scorecard => own::<igf_rubric::Scorecard>("scorecard", text),
        Kind::PanelReport => own::<igf_rubric::panel::PanelReport>("panel report", text),
        Kind::Result => own::<igf_rubric::EvaluationResult>("result", text),
        Kind::Error => own::<igf_rubric::error::ErrorDocument>("error document", text),
        Kind::ResultsFramework => {
            own::<igf_rubric::evidence::ResultsFramework>("results framework", text)
        }
        Kind::LessonsSummary => own::<igf_rubric::lessons::LessonsSummary>("lessons summary", text),
        Kind::Rescoring => own::<igf_rubric::revision::Rescoring>("rescoring", text),
        Kind::Ranking => own::<igf_rubric::decision::Ranking>("ranking", text),
        Kind::Weights => own::<igf_rubric::decision::Weights>("weights", text),
        Kind::RankAcceptability => {
            own::<igf_rubric::decision::RankAcceptability>("rank acceptability", text)
        }
        Kind::AhpPriorities => {
            own::<igf_rubric::decision::AlternativePriorities>("AHP priorities", text)
        }
        Kind::Assessment => {
            let named = named_rubric(text, rubric);
            match named {
                Some(rubric) => Report {
                    what: format!(
                        "assessment (checked against {} {})",
                        rubric.id(),
                        rubric.version()
                    ),
                    errors: rubric.read_assessment(text).err().unwrap_or_default(),
                    notes: Assessment::from_json(text)
                        .map(|a| omissions(&rubric, &a, ""))
                        .unwrap_or_default(),
                },
                None => Report {
                    what: "assessment (on its own: give --rubric to check its answers)".to_owned(),
                    errors: Assessment::from_json_all(text).err().unwrap_or_default(),
                    notes: Vec::new(),
                },
            }
        }
        Kind::Panel => {
            let named = named_rubric(text, rubric);
            let panel = Panel::from_json_all(text);
            match (panel, named) {
                (Err(e), _) => Report {
                    what: "panel".to_owned(),
                    errors: e,
                    notes: Vec::new(),
                },
                (Ok(panel), Some(rubric)) => Report {
                    what: format!(
                        "panel (reviewed under {} {})",
                        rubric.id(),
                        rubric.version()
                    ),
                    errors: rubric.review(&panel).err().into_iter().collect(),
                    notes: panel
                        .assessments
                        .iter()
                        .flat_map(|a| {
                            let whose = format!("{} by {}: ", a.subject.id, a.assessor.id);
                            omissions(&rubric, a, &whose)
                        })
                        .collect(),
                },
                (Ok(_), None) => Report {
                    what: "panel (on its own: give --rubric to review it)".to_owned(),
                    errors: Vec::new(),
                    notes: Vec::new(),
                },
            }
        }
    }
}

/// Checks a document that needs nothing beside it.
fn own<D: Document>(what: &str, text: &str) -> Report {
    Report {
        what: what.to_owned(),
        errors: D::from_json_all(text).err().unwrap_or_default(),
        notes: Vec::new(),
    }
}

/// The rubric given on the command line, or the preset the document names.
fn named_rubric(text: &str, given: Option<&Cow<'static, Rubric>>) -> Option<Cow<'static, Rubric>> {
    if let Some(rubric) = given {
        return Some(rubric.clone());
    }
    let value: Value = serde_json::from_str(text).ok()?;
    let id = value.get("rubric")?.get("id")?.as_str()?;
    igf_rubric::presets::get(id).map(Cow::Borrowed)
}

/// What a document looks like: a rubric has criteria, an assessment answers, a request names
/// its rubric source, a panel holds assessments, an outcome record has key dates, commitments
/// have targets, a consultation has a code book, a report text findings, a feedback round items.
fn guess(text: &str) -> Kind {
    let Ok(Value::Object(members)) = serde_json::from_str::<Value>(text) else {
        return Kind::Rubric;
    };
    if members.contains_key("answers") {
        Kind::Assessment
    } else if members.contains_key("schema_version")
        || members
            .get("rubric")
            .is_some_and(|r| r.get("preset").is_some() || r.get("document").is_some())
    {
        Kind::Request
    } else if members.contains_key("assessments") {
        Kind::Panel
    } else if members.contains_key("dates") {
        Kind::OutcomeRecord
    } else if members.contains_key("targets") {
        Kind::Commitments
    } else if members.contains_key("code_book") {
        Kind::Consultation
    } else if members.contains_key("findings") {
        Kind::ReportText
    } else if members.contains_key("items") {
        Kind::FeedbackRound
    } else {
        Kind::Rubric
    }
}
