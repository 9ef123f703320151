//! One evaluation request, one result: what a front end sends and gets back.
//!
//! A request names a rubric (a preset by id, or a whole rubric document), carries the
//! assessments, and says how to combine them; [`evaluate`] scores every assessment, reviews
//! them as a panel, and returns the scorecards, the panel report and warnings, or every error
//! of the request at once. [`evaluate_json`] does the same from and to JSON text, errors as an
//! [`ErrorDocument`].
//!
//! ```
//! let request = format!(
//!     r#"{{ "rubric": {{ "preset": {{ "id": "bpf-proposal" }} }}, "assessments": [{}] }}"#,
//!     include_str!("../examples/data/proposals/ipv6-2016.json")
//! );
//! let result = igf_rubric::evaluate_json(&request).map_err(|doc| doc.errors[0].message.clone())?;
//! assert_eq!(result.scorecards.len(), 1);
//! let report = result.panel.as_ref().expect("a panel of one");
//! assert_eq!(report.subjects[0].subject.id, "bpf-ipv6-2016");
//! # Ok::<(), String>(())
//! ```

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::assessment::Assessment;
use crate::document::Document;
use crate::document::FORMAT_VERSION;
use crate::error::{Error, ErrorDocument, Path, Segment};
use crate::panel::{Consensus, Panel, PanelReport, SubjectStatus};
use crate::rubric::PanelRules;
use crate::rubric::RubricRef;
use crate::rubric::{Rubric, RubricDoc};
use crate::scoring::Scorecard;

/// The version of the request and result documents.
pub const SCHEMA_VERSION: u32 = 1;

/// What a front end asks the crate to evaluate.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "EvaluationRequest")]
#[non_exhaustive]
pub struct EvaluationRequest {
    /// Version of the request format; 1.
    #[serde(default = "schema_version")]
    #[schemars(extend("const" = 1))]
    pub schema_version: u32,
    /// The rubric every assessment answers.
    pub rubric: RubricSource,
    /// The assessments, scored in this order.
    #[serde(default)]
    pub assessments: Vec<Assessment>,
    /// Outcome records: each fills the computed answers of the assessments of its BPF and
    /// year ([`Rubric::apply_evidence`]) before they are scored.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<crate::evidence::OutcomeRecord>,
    /// How to combine the assessments.
    #[serde(default)]
    pub options: EvaluationOptions,
}

fn schema_version() -> u32 {
    SCHEMA_VERSION
}

impl EvaluationRequest {
    /// A request for `assessments` under `rubric`, with the default options.
    #[must_use]
    pub fn new(rubric: RubricSource, assessments: Vec<Assessment>) -> EvaluationRequest {
        EvaluationRequest {
            schema_version: SCHEMA_VERSION,
            rubric,
            assessments,
            evidence: Vec::new(),
            options: EvaluationOptions::default(),
        }
    }

    /// The same request with outcome records to fill the computed answers from.
    #[must_use]
    pub fn with_evidence(
        mut self,
        evidence: Vec<crate::evidence::OutcomeRecord>,
    ) -> EvaluationRequest {
        self.evidence = evidence;
        self
    }

    /// The same request with these options.
    #[must_use]
    pub fn with_options(mut self, options: EvaluationOptions) -> EvaluationRequest {
        self.options = options;
        self
    }
}

/// The rubric of a request: `{"preset": {"id": "bpf-proposal"}}` or `{"document": {...}}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum RubricSource {
    /// A preset shipped with the crate ([`presets`](crate::presets)).
    Preset {
        /// The preset's id, e.g. `bpf-proposal`.
        #[schemars(extend("enum" = [
            "bpf-proposal", "bpf-outcome", "horizon-europe-ria", "horizon-europe-ia",
            "nih-overall-impact"
        ]))]
        id: String,
        /// The version the caller expects; absent: whichever version the crate ships.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        version: Option<String>,
    },
    /// A whole rubric document.
    Document(Box<RubricDoc>),
}

impl From<&Rubric> for RubricSource {
    fn from(rubric: &Rubric) -> RubricSource {
        RubricSource::Document(Box::new(rubric.doc().clone()))
    }
}

/// How a request's assessments are combined.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct EvaluationOptions {
    /// Whether the assessments are reviewed as a panel (default `true`).
    #[serde(default = "yes")]
    pub review: bool,
    /// The panel's rules (aggregation, capacity, threshold, tie-break chain, ...); absent:
    /// the rubric's own, or the defaults.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rules: Option<PanelRules>,
    /// Scores the panel agreed after discussion.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub consensus: Vec<Consensus>,
    /// The reliability figures the panel report carries (default: all of them).
    #[serde(default = "ReliabilityFigure::all")]
    pub reliability: Vec<ReliabilityFigure>,
}

fn yes() -> bool {
    true
}

impl Default for EvaluationOptions {
    fn default() -> EvaluationOptions {
        EvaluationOptions {
            review: true,
            rules: None,
            consensus: Vec::new(),
            reliability: ReliabilityFigure::all(),
        }
    }
}

/// A reliability figure of a panel report.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ReliabilityFigure {
    /// Krippendorff's alpha of the assessors' totals.
    TotalsAlpha,
    /// Krippendorff's alpha of the bands.
    BandsAlpha,
    /// Gwet's AC1, Fleiss' kappa and Gwet's AC2 of the bands, with standard errors.
    BandsAgreement,
    /// The six intraclass correlations of the totals.
    TotalsIcc,
    /// Krippendorff's alpha of each criterion.
    CriteriaAlpha,
}

crate::label::labels!(ReliabilityFigure, "reliability figure" {
    TotalsAlpha => "totals_alpha", "Alpha of the totals";
    BandsAlpha => "bands_alpha", "Alpha of the bands";
    BandsAgreement => "bands_agreement", "Chance-corrected agreement on the bands";
    TotalsIcc => "totals_icc", "ICCs of the totals";
    CriteriaAlpha => "criteria_alpha", "Alpha of each criterion";
});

impl ReliabilityFigure {
    fn all() -> Vec<ReliabilityFigure> {
        ReliabilityFigure::ALL.to_vec()
    }
}

/// What an evaluation returns.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[schemars(title = "EvaluationResult")]
#[non_exhaustive]
pub struct EvaluationResult {
    /// Version of the result format; 1.
    #[schemars(extend("const" = 1))]
    pub schema_version: u32,
    /// The rubric used.
    pub rubric: RubricRef,
    /// One scorecard per assessment, in request order.
    pub scorecards: Vec<Scorecard>,
    /// The panel report (absent when no review was asked for or there was nothing to review).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub panel: Option<PanelReport>,
    /// What a reader should know that is not an error: assessments without a total, subjects
    /// with too few assessors.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<Warning>,
}

impl EvaluationResult {}

/// Something a reader of a result should know.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct Warning {
    /// A stable code: `incomplete` (an assessment has no total), `insufficient` (a subject
    /// has too few valid assessors to be scored) or `unused_evidence` (an outcome record no
    /// assessment is about).
    pub code: String,
    /// What happened, in words.
    pub message: String,
    /// Where, as people read it: `assessments[2](bpf-ipv6-2016)`.
    pub path: String,
    /// Where, as a JSON Pointer into the request.
    pub pointer: String,
}

impl Warning {
    fn new(code: &str, message: String, path: &Path) -> Warning {
        Warning {
            code: code.to_owned(),
            message,
            path: path.to_string(),
            pointer: path.pointer(),
        }
    }
}

/// The request's assessments with their evidence applied, and a warning for each outcome
/// record no assessment used.
fn with_evidence(
    rubric: &Rubric,
    request: &EvaluationRequest,
) -> Result<(Vec<Assessment>, Vec<Warning>), Vec<Error>> {
    let records = Path::root().key("evidence");
    let mut errors = Vec::new();
    for (i, record) in request.evidence.iter().enumerate() {
        let here = records.item(i, &record.subject.id);
        if let Err(error) = record.check() {
            errors.push(error.at(&here));
        }
        let first = request.evidence.iter().position(|r| {
            (&r.subject.id, r.subject.year) == (&record.subject.id, record.subject.year)
        });
        if let Some(first) = first.filter(|first| *first < i) {
            errors.push(Error::DuplicateId {
                path: here.key("subject").key("id"),
                what: "outcome record",
                id: format!("{} ({})", record.subject.id, record.subject.year),
                first: records
                    .item(first, &record.subject.id)
                    .key("subject")
                    .key("id"),
            });
        }
    }
    let mut used = vec![false; request.evidence.len()];
    let mut assessments = Vec::with_capacity(request.assessments.len());
    for (i, assessment) in request.assessments.iter().enumerate() {
        let subject = (&assessment.subject.id, assessment.subject.year);
        let record = request
            .evidence
            .iter()
            .position(|r| (&r.subject.id, r.subject.year) == subject);
        match record {
            Some(at) => {
                if let Some(flag) = used.get_mut(at) {
                    *flag = true;
                }
                let record = request.evidence.get(at);
                match record.map(|r| rubric.apply_evidence(assessment, r)) {
                    Some(Ok(filled)) => assessments.push(filled),
                    Some(Err(error)) => {
                        errors.push(
                            error.at(&Path::root()
                                .key("assessments")
                                .item(i, &assessment.subject.id)),
                        );
                        assessments.push(assessment.clone());
                    }
                    None => assessments.push(assessment.clone()),
                }
            }
            None => assessments.push(assessment.clone()),
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let unused = request
        .evidence
        .iter()
        .zip(&used)
        .enumerate()
        .filter(|(_, (_, used))| !**used)
        .map(|(i, (record, _))| {
            Warning::new(
                "unused_evidence",
                format!(
                    "no assessment is of `{}` ({}), so its outcome record fills no answer",
                    record.subject.id, record.subject.year
                ),
                &records.item(i, &record.subject.id),
            )
        })
        .collect();
    Ok((assessments, unused))
}

/// Evaluates a request: every assessment scored, then reviewed as a panel.
///
/// ```
/// use igf_rubric::{Document, EvaluationRequest, Panel, evaluate, presets};
///
/// let panel = Panel::from_json(include_str!("../examples/data/mag-panel.json"))?;
/// let request = EvaluationRequest::new(presets::bpf_proposal().into(), panel.assessments);
/// let result = evaluate(&request).map_err(|errors| errors[0].clone())?;
/// assert_eq!(result.scorecards.len(), 42);
/// assert_eq!(result.panel.map(|p| p.selected.len()), Some(3));
/// # Ok::<(), igf_rubric::Error>(())
/// ```
///
/// # Errors
/// Every error of the request, each with its path in the request: the rubric
/// (`rubric.document...`, or an unknown preset), each assessment (`assessments[i](subject)...`,
/// every error of each, as [`Rubric::assessment_errors`] finds them), and the panel
/// (`options.rules...`, `options.consensus...`, assessors described twice differently); the
/// outcome records (`evidence[i](subject)...`: their own errors, two records of one BPF and
/// year) and what applying them finds (`assessments[i](subject).answers[j]...override_reason`).
pub fn evaluate(request: &EvaluationRequest) -> Result<EvaluationResult, Vec<Error>> {
    let rubric = request.rubric.resolve().map_err(|e| vec![e])?;
    let rubric: &Rubric = &rubric;
    let list = Path::root().key("assessments");
    let (assessments, unused) = with_evidence(rubric, request)?;
    let mut errors = Vec::new();
    for (i, assessment) in assessments.iter().enumerate() {
        let here = list.item(i, &assessment.subject.id);
        errors.extend(
            rubric
                .assessment_errors(assessment)
                .into_iter()
                .map(|e| e.at(&here)),
        );
    }
    let panel = Panel {
        format_version: FORMAT_VERSION,
        description: String::new(),
        rubric: RubricRef::from(rubric),
        rules: request.options.rules.clone(),
        consensus: request.options.consensus.clone(),
        assessments,
    };
    let review = request.options.review && !panel.assessments.is_empty();
    // The review runs once, after the sheets are found sound; its error joins theirs.
    let report = match (review, errors.is_empty()) {
        (true, true) => match rubric.review(&panel) {
            Ok(report) => Some(report),
            Err(error) => return Err(vec![under_options(error)]),
        },
        _ => None,
    };
    if !errors.is_empty() {
        return Err(errors);
    }
    let scorecards = panel
        .assessments
        .iter()
        .enumerate()
        .map(|(i, a)| {
            rubric
                .score(a)
                .map_err(|e| e.at(&list.item(i, &a.subject.id)))
        })
        .collect::<Result<Vec<Scorecard>, Error>>()
        .map_err(|e| vec![e])?;
    let mut warnings: Vec<Warning> = scorecards
        .iter()
        .enumerate()
        .filter(|(_, card)| !card.complete)
        .map(|(i, card)| {
            Warning::new(
                "incomplete",
                format!(
                    "the assessment of `{}` by `{}` has no total: {}",
                    card.subject.id,
                    card.assessor.id,
                    card.flags
                        .iter()
                        .filter(|f| f.kind == crate::scoring::FlagKind::Incomplete)
                        .map(|f| f.message.as_str())
                        .collect::<Vec<_>>()
                        .join("; ")
                ),
                &list.item(i, &card.subject.id),
            )
        })
        .collect();
    warnings.extend(unused);
    let report = report.map(|mut report| {
        keep_only(&mut report, &request.options.reliability);
        // Each subject's first sheet, found once: a panel of thousands stays linear.
        let mut first: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
        for (i, a) in request.assessments.iter().enumerate() {
            first.entry(a.subject.id.as_str()).or_insert(i);
        }
        for subject in &report.subjects {
            if subject.status == SubjectStatus::Insufficient {
                let at = first
                    .get(subject.subject.id.as_str())
                    .map_or_else(|| list.clone(), |i| list.item(*i, &subject.subject.id));
                warnings.push(Warning::new(
                    "insufficient",
                    format!(
                        "subject `{}` has too few valid assessors to be scored",
                        subject.subject.id
                    ),
                    &at,
                ));
            }
        }
        report
    });
    Ok(EvaluationResult {
        schema_version: SCHEMA_VERSION,
        rubric: RubricRef::from(rubric),
        scorecards,
        panel: report,
        warnings,
    })
}

/// Evaluates a request written as JSON; errors come back as an [`ErrorDocument`] holding
/// every error found.
///
/// ```
/// // A request naming a preset that does not exist: the error document says where and what.
/// let errors = igf_rubric::evaluate_json(r#"{
///   "rubric": { "preset": { "id": "bpf-proposals" } }, "assessments": []
/// }"#).unwrap_err();
/// let error = &errors.errors[0];
/// assert_eq!((error.code.as_str(), error.pointer.as_str()), ("unknown_name", "/rubric/preset/id"));
/// assert_eq!(error.suggestions, ["bpf-proposal"]);
/// ```
///
/// # Errors
/// The error document of the request: every shape mistake when the text does not read as a
/// request (or one error saying what the document is, when it is another kind), else every
/// error [`evaluate`] finds.
pub fn evaluate_json(json: &str) -> Result<EvaluationResult, ErrorDocument> {
    // Read for shape only: `evaluate` checks every assessment's own rules with the rubric's,
    // so a broken id and an answer off its scale are reported together.
    let request: EvaluationRequest =
        crate::json::read_all(json, false).map_err(|errors| match another_document(json) {
            Some(error) => ErrorDocument::from(&error),
            None => ErrorDocument::new(&errors),
        })?;
    request
        .check_head()
        .map_err(|error| ErrorDocument::from(&error))?;
    evaluate(&request).map_err(|errors| ErrorDocument::new(&errors))
}

/// The error for a document of another kind given where a request belongs: what it is, and
/// the request that would hold it.
fn another_document(json: &str) -> Option<Error> {
    let (members, rubric) = crate::json::outline(json)?;
    let has = |key: &str| members.iter().any(|m| m == key);
    // A request names its rubric by preset or document, never by id.
    if has("schema_version") || (has("rubric") && rubric.is_none()) {
        return None;
    }
    let rubric = rubric.unwrap_or_else(|| "bpf-proposal".to_owned());
    let (what, request) = if has("answers") {
        (
            "an assessment",
            format!(
                "{{\"schema_version\": 1, \"rubric\": {{\"preset\": {{\"id\": \"{rubric}\"}}}}, \"assessments\": [this assessment]}}"
            ),
        )
    } else if has("assessments") {
        (
            "a panel",
            format!(
                "{{\"schema_version\": 1, \"rubric\": {{\"preset\": {{\"id\": \"{rubric}\"}}}}, \"assessments\": [its assessments], \"options\": {{\"rules\": its rules, \"consensus\": its consensus}}}}"
            ),
        )
    } else if has("criteria") {
        (
            "a rubric",
            "{\"schema_version\": 1, \"rubric\": {\"document\": this rubric}, \"assessments\": [the assessments to score]}".to_owned(),
        )
    } else if has("scorecards") || has("subjects") || has("totals") {
        (
            "a document the crate writes (a result, panel report or scorecard)",
            "a request: {\"schema_version\": 1, \"rubric\": ..., \"assessments\": [...]}"
                .to_owned(),
        )
    } else if has("dates") || has("targets") || has("code_book") || has("items") {
        (
            "an outcome record, commitments, a consultation or a feedback round",
            "a request: {\"schema_version\": 1, \"rubric\": ..., \"assessments\": [...]}"
                .to_owned(),
        )
    } else {
        return None;
    };
    Some(Error::Json {
        path: Path::root(),
        problem: crate::error::JsonProblem::WrongType,
        message: format!(
            "this is {what}, not an evaluation request; `evaluate` takes a request: {request}"
        ),
    })
}

impl RubricSource {
    /// The rubric this names: the preset (at the version asked for, if any) or the document,
    /// checked. Errors are placed as in a request (`rubric.preset.id`, `rubric.document...`).
    ///
    /// ```
    /// use igf_rubric::evaluation::RubricSource;
    ///
    /// let source = RubricSource::Preset { id: "bpf-proposal".into(), version: None };
    /// assert_eq!(source.resolve()?.id(), "bpf-proposal");
    /// # Ok::<(), igf_rubric::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::UnknownName`] for a preset the crate does not ship, [`Error::RubricMismatch`]
    /// for another version of it, and what [`Rubric::try_from`] finds in a document.
    pub fn resolve(&self) -> Result<std::borrow::Cow<'static, Rubric>, Error> {
        let at = Path::root().key("rubric");
        match self {
            RubricSource::Preset { id, version } => {
                let at = at.key("preset");
                let Some(rubric) = crate::presets::get(id) else {
                    let ids = crate::presets::all().map(|(id, _)| id);
                    return Err(crate::error::unknown_name(
                        Some(at.key("id")),
                        "preset",
                        id,
                        ids,
                    ));
                };
                match version {
                    Some(v) if v != rubric.version() => Err(Error::RubricMismatch {
                        path: at.key("version"),
                        what: "request",
                        expected: format!("`{}` version `{}`", rubric.id(), rubric.version()),
                        found: format!("`{id}` version `{}`", crate::error::shorten(v)),
                    }),
                    _ => Ok(std::borrow::Cow::Borrowed(rubric)),
                }
            }
            RubricSource::Document(doc) => Rubric::try_from(doc.as_ref().clone())
                .map(std::borrow::Cow::Owned)
                .map_err(|e| e.at(&at.key("document"))),
        }
    }
}

/// A panel error placed in the request: the panel's `rules` and `consensus` are under
/// `options`.
fn under_options(error: Error) -> Error {
    let first = error.path().and_then(|p| p.segments().first());
    match first {
        Some(Segment::Key(key)) if key == "rules" || key == "consensus" => {
            error.at(&Path::root().key("options"))
        }
        _ => error,
    }
}

/// Drops the reliability figures not asked for.
fn keep_only(report: &mut PanelReport, wanted: &[ReliabilityFigure]) {
    let reliability = &mut report.reliability;
    if !wanted.contains(&ReliabilityFigure::TotalsAlpha) {
        reliability.totals_alpha = crate::panel::Coefficient::not_requested();
    }
    if !wanted.contains(&ReliabilityFigure::BandsAlpha) {
        reliability.bands_alpha = None;
    }
    if !wanted.contains(&ReliabilityFigure::BandsAgreement) {
        reliability.bands_agreement = Vec::new();
    }
    if !wanted.contains(&ReliabilityFigure::TotalsIcc) {
        reliability.totals_icc = Vec::new();
        reliability.icc_note = None;
    }
    if !wanted.contains(&ReliabilityFigure::CriteriaAlpha) {
        reliability.criteria_alpha = Vec::new();
    }
}

/// Read and written as a [`Document`](crate::Document).
///
/// Reads a request from JSON (only the JSON and the version are checked here;
/// [`evaluate`] checks the rest, all of it at once).
///
/// # Errors
/// [`Error::Json`] for malformed JSON, [`Error::UnsupportedFormat`] for another version.
impl crate::document::Document for EvaluationRequest {
    const NAME: &'static str = "request";
    const VERSION_KEY: &'static str = "schema_version";
    const FORMAT_VERSION: u32 = SCHEMA_VERSION;

    fn format_version(&self) -> u32 {
        self.schema_version
    }

    /// Checks the request's version and each assessment's own rules (what they must keep
    /// against the rubric is checked when the request is evaluated).
    fn check(&self) -> Result<(), Error> {
        self.check_all().map_err(|errors| {
            errors
                .into_iter()
                .next()
                .unwrap_or_else(|| Error::invalid_data("request", "no error"))
        })
    }

    /// Every rule broken: the version or the preset, else every assessment's own.
    fn check_all(&self) -> Result<(), Vec<Error>> {
        self.check_head().map_err(|e| vec![e])?;
        let mut errors = Vec::new();
        for (i, assessment) in self.assessments.iter().enumerate() {
            if let Err(found) = assessment.check_all() {
                let here = Path::root()
                    .key("assessments")
                    .item(i, &assessment.subject.id);
                errors.extend(found.into_iter().map(|e| e.at(&here)));
            }
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }
}

impl EvaluationRequest {
    /// The request's version, and the preset it names.
    fn check_head(&self) -> Result<(), Error> {
        crate::document::check_version(
            Self::VERSION_KEY,
            self.schema_version,
            Self::FORMAT_VERSION,
        )?;
        if let RubricSource::Preset { id, .. } = &self.rubric
            && crate::presets::get(id).is_none()
        {
            return Err(crate::error::unknown_name(
                Some(Path::root().key("rubric").key("preset").key("id")),
                "preset",
                id,
                crate::presets::all().map(|(id, _)| id),
            ));
        }
        Ok(())
    }
}

impl crate::document::sealed::Sealed for EvaluationRequest {}

/// Read and written as a [`Document`](crate::Document).
///
/// Reads a result written by this crate, checking its version.
///
/// # Errors
/// [`Error::Json`] for malformed JSON, [`Error::UnsupportedFormat`] for another version.
impl crate::document::Document for EvaluationResult {
    const NAME: &'static str = "result";
    const VERSION_KEY: &'static str = "schema_version";
    const FORMAT_VERSION: u32 = SCHEMA_VERSION;

    fn format_version(&self) -> u32 {
        self.schema_version
    }

    /// Checks the result's version, and that of each document it holds.
    fn check(&self) -> Result<(), Error> {
        crate::document::check_version(
            Self::VERSION_KEY,
            self.schema_version,
            Self::FORMAT_VERSION,
        )?;
        for (i, card) in self.scorecards.iter().enumerate() {
            card.check()
                .map_err(|e| e.at(&Path::root().key("scorecards").index(i)))?;
        }
        match &self.panel {
            Some(panel) => panel.check().map_err(|e| e.at(&Path::root().key("panel"))),
            None => Ok(()),
        }
    }
}

impl crate::document::sealed::Sealed for EvaluationResult {
    const WRITTEN: bool = true;
}
