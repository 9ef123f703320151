//! What a form needs of an error, as data: a stable code, a place, the criterion, the value
//! found and the values allowed; and the JSON error document that carries them.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Error, JsonProblem, Path, Segment, shorten};

/// The error document's format version.
pub const ERROR_DOCUMENT_VERSION: u32 = 1;

/// The most errors an [`ErrorDocument`] lists; the rest are counted in
/// [`ErrorDocument::omitted`], so that a request with 200,000 mistakes gets an answer of a
/// few hundred kilobytes, not 57 MB.
pub const MAX_LISTED_ERRORS: usize = 1_000;

/// The longest message an [`ErrorDetail`] carries, in characters; a longer one (a message that
/// quotes a megabyte-long value) is cut there and says how long it was.
pub const MAX_MESSAGE_CHARS: usize = 1_000;

/// One error as data, for a front end to place beside its field.
///
/// ```
/// use igf_rubric::Document;
/// use igf_rubric::Rubric;
///
/// let err = Rubric::from_json(r#"{
///   "id": "demo", "version": "1", "title": "Demo", "kind": "proposal",
///   "criteria": [ { "id": "fit", "name": "Fit", "weight": 1,
///                   "metric": { "type": "scale", "min": 1, "max": 5, "step": 3 } } ]
/// }"#).unwrap_err();
/// let detail = err.detail();
/// assert_eq!(detail.code, "bad_step");
/// assert_eq!(detail.pointer, "/criteria/0/metric/step");
/// assert_eq!(detail.criterion.as_deref(), Some("fit"));
/// assert_eq!(detail.found.as_deref(), Some("3"));
/// assert_eq!(detail.message, "step 3 must be positive and divide the range 1..5");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct ErrorDetail {
    /// A stable machine code, e.g. `out_of_range` ([`Error::code`] lists them).
    pub code: String,
    /// What is wrong, in words, without the place.
    pub message: String,
    /// The place as people read it, with item ids: `criteria[0](fit).weight`; `$` for the
    /// document itself; empty when the error concerns no place in a document.
    pub path: String,
    /// The place as a JSON Pointer (RFC 6901): `/criteria/0/weight`; empty for the document.
    pub pointer: String,
    /// The criterion concerned, where there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub criterion: Option<String>,
    /// The value found, as text (shortened to 80 characters, control characters escaped).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub found: Option<String>,
    /// The values allowed: each name allowed for an unknown name (`["african",
    /// "asia_pacific", ...]`), or one entry in words for a range or a rule (`["[0, 100]"]`,
    /// `["1, 2, 3, ..."]`); empty when the error allows no particular value.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub allowed: Vec<String>,
    /// Valid ids near a mistyped one, closest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub suggestions: Vec<String>,
}

/// The JSON error document: every error found, each placed.
///
/// ```
/// use igf_rubric::{Document, ErrorDocument, Rubric};
///
/// let err = Rubric::from_json("{").unwrap_err();
/// let doc = ErrorDocument::from(&err);
/// assert_eq!(doc.errors[0].code, "syntax");
/// let json = doc.to_json()?;
/// assert_eq!(ErrorDocument::from_json(&json)?, doc);
/// # Ok::<(), igf_rubric::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "ErrorDocument")]
#[non_exhaustive]
pub struct ErrorDocument {
    /// Version of the error document format; 1.
    #[schemars(extend("const" = 1))]
    pub format_version: u32,
    /// The errors, in document order where they have one: at most [`MAX_LISTED_ERRORS`].
    pub errors: Vec<ErrorDetail>,
    /// How many more errors were found than are listed (0: all are listed).
    #[serde(default, skip_serializing_if = "is_zero")]
    #[schemars(with = "Option<crate::kinds::Count>")]
    pub omitted: usize,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

impl ErrorDocument {
    /// A document of `errors`: the first [`MAX_LISTED_ERRORS`] listed, the rest counted.
    ///
    /// ```
    /// use igf_rubric::{Error, ErrorDocument};
    /// use igf_rubric::error::MAX_LISTED_ERRORS;
    ///
    /// let many: Vec<Error> = (0..1500).map(|i| Error::invalid_data("demo", format!("mistake {i}"))).collect();
    /// let document = ErrorDocument::new(&many);
    /// assert_eq!((document.errors.len(), document.omitted), (MAX_LISTED_ERRORS, 500));
    /// ```
    #[must_use]
    pub fn new<'a>(errors: impl IntoIterator<Item = &'a Error>) -> ErrorDocument {
        let mut listed = Vec::new();
        let mut omitted = 0_usize;
        for error in errors {
            if listed.len() < MAX_LISTED_ERRORS {
                listed.push(error.detail());
            } else {
                omitted = omitted.saturating_add(1);
            }
        }
        ErrorDocument {
            format_version: ERROR_DOCUMENT_VERSION,
            errors: listed,
            omitted,
        }
    }
}

impl From<&Error> for ErrorDocument {
    fn from(error: &Error) -> ErrorDocument {
        ErrorDocument::new([error])
    }
}

/// A message cut at [`MAX_MESSAGE_CHARS`], saying how long it was.
fn capped(message: String) -> String {
    match message.char_indices().nth(MAX_MESSAGE_CHARS) {
        Some((at, _)) => format!(
            "{}... ({} characters in all)",
            message.get(..at).unwrap_or_default(),
            message.chars().count()
        ),
        None => message,
    }
}

impl Error {
    /// A stable machine code for the kind of error, for programs and forms to branch on.
    ///
    /// The codes are: `syntax`, `not_utf8`, `too_deep`, `wrong_type`, `unknown_field`,
    /// `missing_field`, `duplicate_key`, `invalid_value` (the kinds of
    /// [`Error::Json`]), `unsupported_format`, `invalid_id`, `duplicate_id`,
    /// `malformed_criterion`, `too_few`, `negative_weight`, `bad_weight`, `invalid_rule`,
    /// `zero_total_weight`, `empty_scale`, `bad_step`, `out_of_range`, `too_precise`,
    /// `off_step`, `out_of_order`, `band_gap`, `unknown_criterion`, `mismatch`,
    /// `unknown_choice`, `missing_answer`, `rubric_mismatch`, `inconsistent`,
    /// `missing_reason`, `invalid_data`, `undefined`, `unknown_name`, `overflow`. A code, once published, keeps its meaning.
    ///
    /// ```
    /// use igf_rubric::{Document, Rubric};
    ///
    /// let error = Rubric::from_json(r#"{"id": "demo", "version": "1", "title": "Demo", "kind": "proposals", "criteria": []}"#).unwrap_err();
    /// assert_eq!(error.code(), "unknown_name"); // `kind` is `proposal` or `outcome`
    /// ```
    #[must_use]
    pub fn code(&self) -> &'static str {
        match self {
            Error::Json { problem, .. } => problem.as_str(),
            Error::UnsupportedFormat { .. } => "unsupported_format",
            Error::InvalidId { .. } => "invalid_id",
            Error::DuplicateId { .. } => "duplicate_id",
            Error::MalformedCriterion { .. } => "malformed_criterion",
            Error::TooFew { .. } => "too_few",
            Error::NegativeWeight { .. } => "negative_weight",
            Error::BadWeight { .. } => "bad_weight",
            Error::InvalidRule { .. } => "invalid_rule",
            Error::ZeroTotalWeight { .. } => "zero_total_weight",
            Error::EmptyScale { .. } => "empty_scale",
            Error::BadStep { .. } => "bad_step",
            Error::OutOfRange { .. } | Error::OutOfOpenRange { .. } => "out_of_range",
            Error::TooPrecise { .. } => "too_precise",
            Error::OffStep { .. } => "off_step",
            Error::OutOfOrder { .. } => "out_of_order",
            Error::BandGap { .. } => "band_gap",
            Error::UnknownCriterion { .. } => "unknown_criterion",
            Error::Mismatch { .. } => "mismatch",
            Error::UnknownChoice { .. } => "unknown_choice",
            Error::MissingAnswer { .. } => "missing_answer",
            Error::RubricMismatch { .. } => "rubric_mismatch",
            Error::Inconsistent { .. } => "inconsistent",
            Error::MissingReason { .. } => "missing_reason",
            Error::InvalidData { .. } => "invalid_data",
            Error::Undefined { .. } => "undefined",
            Error::UnknownName { .. } => "unknown_name",
            Error::Overflow { .. } => "overflow",
        }
    }

    /// What is wrong, in words, without the place (the `Display` text less its path).
    ///
    /// ```
    /// use igf_rubric::{Document, Rubric};
    ///
    /// let error = Rubric::from_json(r#"{"id": "demo"}"#).unwrap_err();
    /// assert_eq!(error.message(), "missing field `version`");
    /// assert_eq!(error.to_string(), "$: missing field `version`");
    /// ```
    #[must_use]
    pub fn message(&self) -> String {
        let text = self.to_string();
        match self.path() {
            Some(path) => {
                let prefix = format!("{path}: ");
                text.strip_prefix(&prefix)
                    .map_or(text.clone(), str::to_owned)
            }
            None => text,
        }
    }

    /// The criterion the error concerns: the one it names, or the innermost criterion or
    /// answer on its path.
    #[must_use]
    pub fn criterion(&self) -> Option<&str> {
        match self {
            Error::Mismatch { criterion, .. }
            | Error::UnknownChoice { criterion, .. }
            | Error::MissingAnswer { criterion, .. } => Some(criterion),
            Error::UnknownCriterion { id, .. } | Error::MalformedCriterion { id, .. } => Some(id),
            _ => self.path().and_then(Path::criterion),
        }
    }

    /// The error as data: code, message, place, criterion, value found, values allowed and
    /// suggestions.
    #[must_use]
    pub fn detail(&self) -> ErrorDetail {
        let (found, allowed) = self.found_and_allowed();
        let suggestions = match self {
            Error::UnknownCriterion { nearest, .. }
            | Error::UnknownChoice { nearest, .. }
            | Error::UnknownName { nearest, .. } => nearest.to_vec(),
            Error::Json {
                problem: JsonProblem::UnknownField,
                ..
            } => found
                .as_deref()
                .map(|field| super::nearest(field, allowed.iter().map(String::as_str)).to_vec())
                .unwrap_or_default(),
            _ => Vec::new(),
        };
        ErrorDetail {
            code: self.code().to_owned(),
            message: capped(self.message()),
            path: self.path().map(Path::to_string).unwrap_or_default(),
            pointer: self.path().map(Path::pointer).unwrap_or_default(),
            criterion: self.criterion().map(str::to_owned),
            found: found.map(|f| shorten(&f)),
            allowed,
            suggestions,
        }
    }

    fn found_and_allowed(&self) -> (Option<String>, Vec<String>) {
        let both = |found: String, allowed: String| (Some(found), vec![allowed]);
        match self {
            Error::UnsupportedFormat {
                found, supported, ..
            } => both(found.to_string(), supported.to_string()),
            Error::InvalidId { id, .. } => both(
                id.clone(),
                "1 to 64 characters from A-Z a-z 0-9 _ - .".to_owned(),
            ),
            Error::DuplicateId { id, .. } => (Some(id.clone()), Vec::new()),
            Error::TooFew { min, found, .. } => both(found.to_string(), format!("at least {min}")),
            Error::NegativeWeight { value, .. } => both(value.to_string(), ">= 0".to_owned()),
            Error::EmptyScale { min, max, .. } => {
                both(format!("{min}..{max}"), "min below max".to_owned())
            }
            Error::BadStep { step, min, max, .. } => both(
                step.to_string(),
                format!("a positive step that divides {min}..{max}"),
            ),
            Error::OutOfRange {
                value, min, max, ..
            } => both(value.to_string(), format!("[{min}, {max}]")),
            Error::OutOfOpenRange {
                value, above, max, ..
            } => both(value.to_string(), format!("({above}, {max}]")),
            Error::TooPrecise { value, max_dp, .. } => both(
                value.to_string(),
                format!("at most {max_dp} decimal places"),
            ),
            Error::OffStep {
                value, min, step, ..
            } => both(value.to_string(), super::steps(*min, *step)),
            Error::OutOfOrder { value, .. } => (Some(value.to_string()), Vec::new()),
            Error::UnknownCriterion { id, .. } => (Some(id.clone()), Vec::new()),
            Error::UnknownChoice { found, allowed, .. }
            | Error::UnknownName { found, allowed, .. } => (Some(found.clone()), allowed.to_vec()),
            Error::RubricMismatch {
                expected, found, ..
            } => both(found.clone(), expected.clone()),
            // The reader names the member it does not know at the path's end, and the members
            // allowed at the message's end.
            Error::Json {
                problem: JsonProblem::UnknownField,
                path,
                message,
            } => {
                let found = match path.segments().last() {
                    Some(Segment::Key(key)) => Some(key.clone()),
                    _ => None,
                };
                let allowed = message
                    .rsplit_once("(allowed: ")
                    .and_then(|(_, list)| list.strip_suffix(')'))
                    .map(|list| list.split(", ").map(str::to_owned).collect())
                    .unwrap_or_default();
                (found, allowed)
            }
            _ => (None, Vec::new()),
        }
    }
}

impl Path {
    /// The path as a JSON Pointer (RFC 6901): `/criteria/0/weight`; empty for the document.
    ///
    /// ```
    /// use igf_rubric::Path;
    ///
    /// let path = Path::root().key("a/b").item(2, "P3").key("c~d");
    /// assert_eq!(path.pointer(), "/a~1b/2/c~0d");
    /// ```
    #[must_use]
    pub fn pointer(&self) -> String {
        let mut out = String::new();
        for segment in self.segments() {
            out.push('/');
            match segment {
                Segment::Key(key) => out.push_str(&key.replace('~', "~0").replace('/', "~1")),
                Segment::Index { index, .. } => out.push_str(&index.to_string()),
            }
        }
        out
    }

    /// The id of the innermost criterion or answer on the path: the id beside an index in a
    /// `criteria` or `answers` list.
    #[must_use]
    pub fn criterion(&self) -> Option<&str> {
        self.segments()
            .windows(2)
            .rev()
            .find_map(|pair| match pair {
                [Segment::Key(list), Segment::Index { id: Some(id), .. }]
                    if list == "criteria" || list == "answers" =>
                {
                    Some(id.as_str())
                }
                _ => None,
            })
    }
}
