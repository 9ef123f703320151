//! The crate's one error type, and the path that says where in a document it happened.
//!
//! ```
//! use igf_rubric::{Document, ErrorDocument, Rubric};
//!
//! let error = Rubric::from_json(r#"{
//!   "id": "demo", "version": "1", "title": "Demo", "kind": "proposal",
//!   "criteria": [ { "id": "fit", "name": "Fit", "weight": 1,
//!                   "metric": { "type": "scale", "min": 5, "max": 1 } } ]
//! }"#).unwrap_err();
//! // Where, what and why, for people...
//! assert_eq!(error.to_string(), "criteria[0](fit).metric: scale min 5 must be below max 1");
//! // ...and a stable code and a JSON Pointer, for programs and forms.
//! let detail = error.detail();
//! assert_eq!((detail.code.as_str(), detail.pointer.as_str()), ("empty_scale", "/criteria/0/metric"));
//! let document = ErrorDocument::from(&error);
//! assert_eq!(document.errors.len(), 1);
//! ```

mod detail;
mod nearest;

use std::fmt;

use rust_decimal::Decimal;

pub(crate) use detail::ERROR_DOCUMENT_VERSION;
pub use detail::{ErrorDetail, ErrorDocument, MAX_LISTED_ERRORS, MAX_MESSAGE_CHARS};
pub(crate) use nearest::{nearest, nearest_labelled};

/// Everything that can go wrong in this crate.
///
/// There is one error type for the whole crate, as in jiff: loading a rubric, loading an
/// assessment and scoring one all fail with `Error`, so callers match on one enum and never need
/// to parse a message. Each variant carries what failed, where (a [`Path`] into the JSON
/// document, with criterion ids beside indexes) and the offending value with what was allowed.
///
/// Messages are lowercase, start with the location and have no trailing period:
///
/// ```
/// use igf_rubric::Document;
/// use igf_rubric::Rubric;
///
/// let json = r#"{
///   "id": "demo", "version": "1", "title": "Demo", "kind": "proposal",
///   "criteria": [
///     { "id": "fit", "name": "Fit", "weight": 1,
///       "metric": { "type": "scale", "min": 5, "max": 1 } }
///   ]
/// }"#;
/// let err = Rubric::from_json(json).unwrap_err();
/// assert_eq!(
///     err.to_string(),
///     "criteria[0](fit).metric: scale min 5 must be below max 1"
/// );
/// ```
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The JSON text is malformed, has a value of the wrong type, an unknown field, a missing
    /// field, or a number that cannot be held exactly.
    #[non_exhaustive]
    #[error("{path}: {message}")]
    Json {
        /// Where the problem is.
        path: Path,
        /// Which kind of problem it is.
        problem: JsonProblem,
        /// What the reader said, in words.
        message: String,
    },
    /// The document declares a format version this crate does not read.
    #[non_exhaustive]
    #[error("{path}: version {found} is not supported (this crate reads {supported})")]
    UnsupportedFormat {
        /// Where the version is.
        path: Path,
        /// The version found.
        found: u32,
        /// The version this crate reads.
        supported: u32,
    },
    /// An id is empty, too long, or has characters outside `A-Z a-z 0-9 _ - .`.
    #[non_exhaustive]
    #[error("{path}: id `{}` is not valid ({reason})", shorten(id))]
    InvalidId {
        /// Where the id is.
        path: Path,
        /// The id as given.
        id: String,
        /// Why it is rejected.
        reason: &'static str,
    },
    /// Two items of one namespace (criteria, levels, categories, gates, bands, answers) share an
    /// id.
    #[non_exhaustive]
    #[error("{path}: duplicate {what} id `{id}` (first defined at {first})")]
    DuplicateId {
        /// Where the second occurrence is.
        path: Path,
        /// What kind of item the id names.
        what: &'static str,
        /// The repeated id.
        id: String,
        /// Where the first occurrence is.
        first: Path,
    },
    /// A criterion must either be a group (`criteria`) or a leaf (`metric`), not both or neither.
    #[non_exhaustive]
    #[error("{path}: criterion `{id}` {problem}")]
    MalformedCriterion {
        /// Where the criterion is.
        path: Path,
        /// Its id.
        id: String,
        /// What is wrong with its shape.
        problem: &'static str,
    },
    /// A list that must hold at least `min` items holds fewer.
    #[non_exhaustive]
    #[error("{path}: {what} needs at least {min} entries, found {found}")]
    TooFew {
        /// Where the list is.
        path: Path,
        /// What the list holds.
        what: &'static str,
        /// The smallest number allowed.
        min: usize,
        /// The number found.
        found: usize,
    },
    /// A weight is negative.
    #[non_exhaustive]
    #[error("{path}: weight {value} is negative (weights must be >= 0)")]
    NegativeWeight {
        /// Where the weight is.
        path: Path,
        /// The weight given.
        value: Decimal,
    },
    /// A scored criterion has no weight, or a free-text criterion has a non-zero one.
    #[non_exhaustive]
    #[error("{path}: {problem}")]
    BadWeight {
        /// Where the criterion is.
        path: Path,
        /// What is wrong.
        problem: String,
    },
    /// A panel rule or setting does not fit the rest of the document.
    #[non_exhaustive]
    #[error("{path}: {problem}")]
    InvalidRule {
        /// Where the rule is.
        path: Path,
        /// What is wrong.
        problem: String,
    },
    /// All the weights of a scored group (or of the rubric's top level) are zero.
    #[non_exhaustive]
    #[error("{path}: the weights of {parent} sum to zero")]
    ZeroTotalWeight {
        /// Where the group's children are.
        path: Path,
        /// The group (`the rubric` at the top level).
        parent: String,
    },
    /// A scale has `min >= max`.
    #[non_exhaustive]
    #[error("{path}: scale min {min} must be below max {max}")]
    EmptyScale {
        /// Where the scale is.
        path: Path,
        /// The lower end given.
        min: Decimal,
        /// The upper end given.
        max: Decimal,
    },
    /// A step is not positive or does not divide the scale's range.
    #[non_exhaustive]
    #[error("{path}: step {step} must be positive and divide the range {min}..{max}")]
    BadStep {
        /// Where the step is.
        path: Path,
        /// The step given.
        step: Decimal,
        /// The scale's lower end.
        min: Decimal,
        /// The scale's upper end.
        max: Decimal,
    },
    /// A value lies outside what its place allows.
    #[non_exhaustive]
    #[error("{path}: value {value} is outside [{min}, {max}]")]
    OutOfRange {
        /// Where the value is.
        path: Path,
        /// The value given.
        value: Decimal,
        /// The lowest value allowed.
        min: Decimal,
        /// The highest value allowed.
        max: Decimal,
    },
    /// A value lies outside a range whose lower end is excluded, such as a target in `(0, 1]`.
    #[non_exhaustive]
    #[error("{path}: value {value} is outside ({above}, {max}]")]
    OutOfOpenRange {
        /// Where the value is.
        path: Path,
        /// The value given.
        value: Decimal,
        /// The value must be above this.
        above: Decimal,
        /// The highest value allowed.
        max: Decimal,
    },
    /// A value has more decimal places than its place allows.
    #[non_exhaustive]
    #[error("{path}: value {value} has more than {max_dp} decimal places")]
    TooPrecise {
        /// Where the value is.
        path: Path,
        /// The value given.
        value: Decimal,
        /// The most decimal places allowed.
        max_dp: u32,
    },
    /// A value lies between two steps of its scale.
    #[non_exhaustive]
    #[error("{path}: value {value} is not on the scale's steps ({})", steps(*min, *step))]
    OffStep {
        /// Where the value is.
        path: Path,
        /// The value given.
        value: Decimal,
        /// The scale's lower end.
        min: Decimal,
        /// The scale's step.
        step: Decimal,
    },
    /// Ordered items (levels, bands) are not in their declared order.
    #[non_exhaustive]
    #[error(
        "{path}: {what} `{id}` has {value}, which must be {} {previous} of `{previous_id}`",
        order_word(what)
    )]
    OutOfOrder {
        /// Where the item is.
        path: Path,
        /// What the items are.
        what: &'static str,
        /// The item's id.
        id: String,
        /// Its value.
        value: Decimal,
        /// The previous item's id.
        previous_id: String,
        /// The previous item's value.
        previous: Decimal,
    },
    /// The bands do not cover the whole total scale.
    #[non_exhaustive]
    #[error("{path}: bands leave totals from {from} up to {to} without a band")]
    BandGap {
        /// Where the bands are.
        path: Path,
        /// The start of the uncovered range.
        from: Decimal,
        /// The end of the uncovered range (exclusive).
        to: Decimal,
    },
    /// A reference names a criterion the rubric does not have.
    #[non_exhaustive]
    #[error("{path}: unknown criterion `{id}`{}", did_you_mean(nearest))]
    UnknownCriterion {
        /// Where the reference is.
        path: Path,
        /// The id given.
        id: String,
        /// The rubric's ids nearest to it, closest first (at most three; may be empty).
        nearest: Box<[String]>,
    },
    /// A rule or an answer targets a criterion whose metric does not fit it.
    #[non_exhaustive]
    #[error("{path}: criterion `{criterion}` {problem}")]
    Mismatch {
        /// Where the rule or answer is.
        path: Path,
        /// The criterion.
        criterion: String,
        /// What does not fit, with what was expected.
        problem: String,
    },
    /// An answer names a level or category the criterion does not declare.
    #[non_exhaustive]
    #[error(
        "{path}: criterion `{criterion}` has no {what} `{found}`{} (allowed: {})",
        did_you_mean(nearest),
        allowed.join(", ")
    )]
    UnknownChoice {
        /// Where the answer is.
        path: Path,
        /// The criterion.
        criterion: String,
        /// `"level"` or `"category"`.
        what: &'static str,
        /// The id given.
        found: String,
        /// The ids allowed.
        allowed: Box<[String]>,
        /// The allowed ids nearest to the one given, closest first (at most three).
        nearest: Box<[String]>,
    },
    /// A criterion that must be answered has no answer.
    #[non_exhaustive]
    #[error("{path}: required criterion `{criterion}` has no answer")]
    MissingAnswer {
        /// Where the answers are.
        path: Path,
        /// The criterion.
        criterion: String,
    },
    /// An assessment or panel was made for another rubric, version or kind.
    #[non_exhaustive]
    #[error("{path}: {what} is for {found}, but the rubric is {expected}")]
    RubricMismatch {
        /// Where the reference is.
        path: Path,
        /// The document that names the rubric: `"assessment"` or `"panel"`.
        what: &'static str,
        /// What the rubric is.
        expected: String,
        /// What the assessment names.
        found: String,
    },
    /// Parts of one document, or two documents that belong together, disagree: dates out of
    /// order, an outcome record for another BPF or year, a target on a measure that has no
    /// single number.
    #[non_exhaustive]
    #[error("{path}: {problem}")]
    Inconsistent {
        /// Where the disagreeing value is.
        path: Path,
        /// What disagrees with what, with both values.
        problem: String,
    },
    /// A decision that needs its reason was recorded without one: an assessor's override of a
    /// computed answer, a feedback item not (or only partly) accepted.
    #[non_exhaustive]
    #[error("{path}: {what} needs a reason")]
    MissingReason {
        /// Where the reason belongs.
        path: Path,
        /// What needs the reason.
        what: String,
    },
    /// Data handed to a statistic is malformed (ragged rows, a value that is not finite, too
    /// few raters or units for the statistic).
    #[non_exhaustive]
    #[error("{statistic}: {reason}")]
    InvalidData {
        /// The statistic asked for.
        statistic: &'static str,
        /// What is wrong with the data.
        reason: String,
    },
    /// A statistic has no value for this data (no variation at all, every value missing, ...).
    #[non_exhaustive]
    #[error("{statistic} is undefined: {reason}")]
    Undefined {
        /// The statistic asked for.
        statistic: &'static str,
        /// Why it has no value.
        reason: String,
    },
    /// A name that is not one of those allowed: a preset, a stakeholder group or region, a
    /// theme, a finding, a value of one of the crate's closed sets. The one error for every
    /// unknown name, with the names allowed and the nearest of them as suggestions.
    #[non_exhaustive]
    #[error(
        "{}unknown {what} `{found}`{} (allowed: {})",
        placed(path.as_ref()),
        did_you_mean(nearest),
        allowed.join(", ")
    )]
    UnknownName {
        /// Where the name is; `None` for a name read with `FromStr`, outside any document.
        path: Option<Path>,
        /// What the name should name, e.g. `preset` or `stakeholder group`.
        what: &'static str,
        /// The text given, shortened and with control characters escaped.
        found: String,
        /// The names allowed.
        allowed: Box<[String]>,
        /// The allowed names nearest to the one given, closest first (at most three).
        nearest: Box<[String]>,
    },
    /// Decimal arithmetic left the range a `Decimal` can hold.
    #[non_exhaustive]
    #[error("{path}: decimal overflow while {operation}")]
    Overflow {
        /// Where the numbers that overflowed are (the document itself when the overflow is in
        /// a computation over the whole document).
        path: Path,
        /// What was being computed.
        operation: &'static str,
    },
}

/// The kinds of [`Error::Json`]: what is wrong with the JSON itself, before any rubric rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum JsonProblem {
    /// The text is not JSON (with line and column in the message).
    Syntax,
    /// The bytes are not UTF-8.
    NotUtf8,
    /// Arrays and objects nest deeper than [`json::MAX_DEPTH`](crate::json::MAX_DEPTH).
    TooDeep,
    /// A value has the wrong JSON type (a string where a number belongs, ...).
    WrongType,
    /// An object has a member the document type does not know.
    UnknownField,
    /// An object lacks a member it must have.
    MissingField,
    /// An object names a member twice.
    DuplicateKey,
    /// A value of the right type is not acceptable (a decimal that cannot be held exactly, a
    /// count out of range, ...).
    InvalidValue,
}

crate::label::labels!(JsonProblem, "JSON problem" {
    Syntax => "syntax", "Syntax";
    NotUtf8 => "not_utf8", "Not UTF-8";
    TooDeep => "too_deep", "Too deep";
    WrongType => "wrong_type", "Wrong type";
    UnknownField => "unknown_field", "Unknown field";
    MissingField => "missing_field", "Missing field";
    DuplicateKey => "duplicate_key", "Duplicate key";
    InvalidValue => "invalid_value", "Invalid value";
});

/// Applies `$body` to the path of every variant that has one.
macro_rules! with_path {
    ($error:expr, $path:ident => $body:expr) => {
        match $error {
            Error::Json { path: $path, .. }
            | Error::UnsupportedFormat { path: $path, .. }
            | Error::InvalidId { path: $path, .. }
            | Error::DuplicateId { path: $path, .. }
            | Error::MalformedCriterion { path: $path, .. }
            | Error::TooFew { path: $path, .. }
            | Error::NegativeWeight { path: $path, .. }
            | Error::BadWeight { path: $path, .. }
            | Error::InvalidRule { path: $path, .. }
            | Error::ZeroTotalWeight { path: $path, .. }
            | Error::EmptyScale { path: $path, .. }
            | Error::BadStep { path: $path, .. }
            | Error::OutOfRange { path: $path, .. }
            | Error::OutOfOpenRange { path: $path, .. }
            | Error::TooPrecise { path: $path, .. }
            | Error::OffStep { path: $path, .. }
            | Error::OutOfOrder { path: $path, .. }
            | Error::BandGap { path: $path, .. }
            | Error::UnknownCriterion { path: $path, .. }
            | Error::Mismatch { path: $path, .. }
            | Error::UnknownChoice { path: $path, .. }
            | Error::MissingAnswer { path: $path, .. }
            | Error::RubricMismatch { path: $path, .. }
            | Error::Inconsistent { path: $path, .. }
            | Error::MissingReason { path: $path, .. }
            | Error::Overflow { path: $path, .. }
            | Error::UnknownName {
                path: Some($path), ..
            } => Some($body),
            Error::InvalidData { .. } | Error::Undefined { .. } | Error::UnknownName { .. } => None,
        }
    };
}

/// The first steps of a scale, `1, 1.5, 2, ...`.
pub(crate) fn steps(min: Decimal, step: Decimal) -> String {
    let second = min.checked_add(step);
    let third = second.and_then(|s| s.checked_add(step));
    match (second, third) {
        (Some(second), Some(third)) => format!(
            "{}, {}, {}, ...",
            min.normalize(),
            second.normalize(),
            third.normalize()
        ),
        _ => format!("{min}, {min} + {step}, ..."),
    }
}

/// ` (did you mean `a` or `b`?)`, or nothing when there is no suggestion.
fn did_you_mean(nearest: &[String]) -> String {
    match nearest {
        [] => String::new(),
        [only] => format!(" (did you mean `{only}`?)"),
        [first @ .., last] => {
            let first: Vec<String> = first.iter().map(|id| format!("`{id}`")).collect();
            format!(" (did you mean {} or `{last}`?)", first.join(", "))
        }
    }
}

/// Levels rise from first to last; bands fall from first to last.
fn order_word(what: &str) -> &'static str {
    if what == "band" { "below" } else { "above" }
}

impl Error {
    /// An [`Error::InvalidData`]: data that `statistic` (what was being read or computed, e.g.
    /// `"request"`) cannot use, and why. Every variant is `#[non_exhaustive]`, so that variants
    /// can gain fields without breaking callers; this is how a program that embeds the crate
    /// reports its own problems in the crate's error documents.
    ///
    /// ```
    /// use igf_rubric::{Error, ErrorDocument};
    ///
    /// let error = Error::invalid_data("request", "the body is not UTF-8 text");
    /// assert_eq!(ErrorDocument::from(&error).errors[0].code, "invalid_data");
    /// ```
    #[must_use]
    pub fn invalid_data(statistic: &'static str, reason: impl Into<String>) -> Error {
        Error::InvalidData {
            statistic,
            reason: reason.into(),
        }
    }

    /// Moves the error under `prefix`: the error's own path is appended to it.
    ///
    /// Validated values report errors at [`Path::root`]; the code that walks a document
    /// re-anchors them where the value sits.
    ///
    /// ```
    /// use igf_rubric::{Document, Path, Rubric};
    ///
    /// // An error in a rubric that sits inside a request of your own, placed there.
    /// let error = Rubric::from_json("[]").unwrap_err().at(&Path::root().key("rubric"));
    /// assert_eq!(error.path().map(|p| p.to_string()).as_deref(), Some("rubric"));
    /// ```
    #[must_use]
    pub fn at(mut self, prefix: &Path) -> Error {
        if let Some(path) = self.path_mut() {
            *path = prefix.join(path);
        }
        self
    }

    /// Where in the document the error is, if it concerns one place.
    ///
    /// ```
    /// use igf_rubric::{Document, Rubric, reliability::{MeasurementLevel, Ratings, krippendorff_alpha}};
    ///
    /// let error = Rubric::from_json(r#"{"id": "a b", "version": "1", "title": "T", "kind": "proposal",
    ///   "criteria": [{"id": "c", "name": "C", "weight": 1, "metric": {"type": "yes_no"}}]}"#).unwrap_err();
    /// assert_eq!(error.path().map(|p| p.pointer()).as_deref(), Some("/id"));
    /// // A statistic that cannot be computed concerns no place in a document.
    /// let same = Ratings::from_rows(vec![vec![Some(1.0), Some(1.0)], vec![Some(1.0), Some(1.0)]])?;
    /// assert!(krippendorff_alpha(&same, MeasurementLevel::Interval).unwrap_err().path().is_none());
    /// # Ok::<(), igf_rubric::Error>(())
    /// ```
    #[must_use]
    pub fn path(&self) -> Option<&Path> {
        with_path!(self, path => path)
    }

    fn path_mut(&mut self) -> Option<&mut Path> {
        with_path!(self, path => path)
    }
}

/// Where in a JSON document something is: a list of keys and indexes.
///
/// Displays like a JSON path, with the id of an array item beside its index so a reader can
/// find the spot: `criteria[2](P3).metric.levels[1].value`. The empty path displays as `$`.
///
/// ```
/// use igf_rubric::Path;
///
/// let path = Path::root().key("criteria").item(2, "P3").key("weight");
/// assert_eq!(path.to_string(), "criteria[2](P3).weight");
/// assert_eq!(Path::root().to_string(), "$");
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Path {
    segments: Box<[Segment]>,
}

/// One step of a [`Path`].
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Segment {
    /// An object key.
    Key(String),
    /// An array index, with the item's id where it has one.
    Index {
        /// The position in the array, from 0.
        index: usize,
        /// The item's `id` (or `criterion`), shown beside the index.
        id: Option<String>,
    },
}

impl Path {
    /// The document itself.
    #[must_use]
    pub fn root() -> Path {
        Path::default()
    }

    /// This path followed by an object key.
    #[must_use]
    pub fn key(&self, key: &str) -> Path {
        self.with(Segment::Key(key.to_owned()))
    }

    /// This path followed by an array index.
    #[must_use]
    pub fn index(&self, index: usize) -> Path {
        self.with(Segment::Index { index, id: None })
    }

    /// This path followed by an array index and the id of the item there.
    #[must_use]
    pub fn item(&self, index: usize, id: &str) -> Path {
        self.with(Segment::Index {
            index,
            id: Some(id.to_owned()),
        })
    }

    /// This path followed by all of `other`.
    #[must_use]
    pub fn join(&self, other: &Path) -> Path {
        let segments = self.segments.iter().chain(other.segments.iter());
        Path {
            segments: segments.cloned().collect(),
        }
    }

    /// The steps of the path, outermost first.
    #[must_use]
    pub fn segments(&self) -> &[Segment] {
        &self.segments
    }

    fn with(&self, segment: Segment) -> Path {
        let segments = self
            .segments
            .iter()
            .cloned()
            .chain(std::iter::once(segment));
        Path {
            segments: segments.collect(),
        }
    }

    pub(crate) fn from_segments(segments: Vec<Segment>) -> Path {
        Path {
            segments: segments.into_boxed_slice(),
        }
    }
}

impl fmt::Display for Path {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.segments.is_empty() {
            return f.write_str("$");
        }
        for (n, segment) in self.segments.iter().enumerate() {
            match segment {
                Segment::Key(key) if n == 0 => f.write_str(key)?,
                Segment::Key(key) => write!(f, ".{key}")?,
                Segment::Index { index, id: None } => write!(f, "[{index}]")?,
                // An id that breaks the rules may hold anything: escaped and cut, as quoted
                // values are.
                Segment::Index {
                    index,
                    id: Some(id),
                } => write!(f, "[{index}]({})", shorten(id))?,
            }
        }
        Ok(())
    }
}

/// The error for a name `found` at `path` that is not one of `allowed` (a stakeholder group, a
/// theme, a preset), with the nearest as suggestions.
pub(crate) fn unknown_name<'a>(
    path: Option<Path>,
    what: &'static str,
    found: &str,
    allowed: impl IntoIterator<Item = &'a str>,
) -> Error {
    let allowed: Vec<&str> = allowed.into_iter().collect();
    Error::UnknownName {
        path,
        what,
        found: shorten(found),
        nearest: nearest(found, allowed.iter().copied()),
        allowed: allowed.into_iter().map(str::to_owned).collect(),
    }
}

/// `path: ` before a message, or nothing for an error outside any document.
fn placed(path: Option<&Path>) -> String {
    path.map(|p| format!("{p}: ")).unwrap_or_default()
}

/// The most characters of a value quoted in a message.
const QUOTE_LIMIT: usize = 80;

/// A value as quoted in a message: control characters escaped, and cut to [`QUOTE_LIMIT`]
/// characters with a note of the full length, so a huge or hostile value cannot flood a log or
/// a terminal.
pub(crate) fn shorten(text: &str) -> String {
    let mut out = String::new();
    for (n, c) in text.chars().enumerate() {
        if n == QUOTE_LIMIT {
            out.push_str(&format!("... ({} characters in all)", text.chars().count()));
            break;
        }
        if c.is_control() {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    out
}

impl std::fmt::Display for Segment {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Segment::Key(key) => f.write_str(key),
            Segment::Index { index, id: None } => write!(f, "[{index}]"),
            Segment::Index {
                index,
                id: Some(id),
            } => write!(f, "[{index}]({id})"),
        }
    }
}
