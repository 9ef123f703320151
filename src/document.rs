//! What every document shares: its format version, the ids inside it, and reading and writing
//! it as JSON.

use crate::error::{Error, ErrorDocument, JsonProblem, Path};

/// The document format version this crate reads and writes.
pub const FORMAT_VERSION: u32 = 1;

/// The longest id accepted, in bytes.
pub const MAX_ID_LEN: usize = 64;

/// Checks that each id is valid and unique among its kind; `at(i, id)` is the path of the i-th.
/// A repeated id is reported where it first repeats, with where it first appeared.
pub(crate) fn check_ids<'a>(
    ids: impl IntoIterator<Item = &'a str>,
    what: &'static str,
    at: impl Fn(usize, &str) -> Path,
) -> Result<(), Error> {
    let ids: Vec<&str> = ids.into_iter().collect();
    for (i, id) in ids.iter().enumerate() {
        if let Some(reason) = id_problem(id) {
            return Err(invalid_id(id, at(i, id), reason));
        }
    }
    // Sorting positions by (id, position) puts repeats side by side; no paths are built
    // unless an id repeats.
    let mut order: Vec<(&str, usize)> = ids.iter().copied().zip(0..).collect();
    order.sort_unstable();
    let mut repeat: Option<(usize, usize)> = None;
    for pair in order.windows(2) {
        let [(a, _), (b, second)] = pair else {
            continue;
        };
        if a == b && repeat.is_none_or(|(_, r)| *second < r) {
            // The group's first entry is the id's first appearance.
            let first = order
                .iter()
                .find(|(id, _)| id == a)
                .map_or(*second, |(_, i)| *i);
            repeat = Some((first, *second));
        }
    }
    match repeat {
        Some((first, second)) => {
            let id = ids.get(second).copied().unwrap_or_default();
            Err(Error::DuplicateId {
                path: at(second, id),
                what,
                id: id.to_owned(),
                first: at(first, id),
            })
        }
        None => Ok(()),
    }
}

/// Checks that a document declares the format version this crate reads.
pub(crate) fn check_format(found: u32) -> Result<(), Error> {
    check_version("format_version", found, FORMAT_VERSION)
}

/// Checks that a document's version member `key` holds `supported`.
pub(crate) fn check_version(key: &str, found: u32, supported: u32) -> Result<(), Error> {
    if found == supported {
        return Ok(());
    }
    Err(Error::UnsupportedFormat {
        path: Path::root().key(key),
        found,
        supported,
    })
}

/// Checks that an id is 1 to 64 characters from `A-Z a-z 0-9 _ - .`.
pub(crate) fn check_id(id: &str, at: &Path) -> Result<(), Error> {
    check_id_at(id, || at.clone())
}

/// As [`check_id`], building the path only for an error.
pub(crate) fn check_id_at(id: &str, at: impl FnOnce() -> Path) -> Result<(), Error> {
    match id_problem(id) {
        Some(reason) => Err(invalid_id(id, at(), reason)),
        None => Ok(()),
    }
}

fn id_problem(id: &str) -> Option<&'static str> {
    if id.is_empty() {
        Some("it is empty")
    } else if id.len() > MAX_ID_LEN {
        Some("it is longer than 64 characters")
    } else if !id
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.'))
    {
        Some("use only letters, digits, `_`, `-` and `.`")
    } else {
        None
    }
}

fn invalid_id(id: &str, path: Path, reason: &'static str) -> Error {
    Error::InvalidId {
        path,
        id: id.to_owned(),
        reason,
    }
}

/// A document the crate reads from JSON and writes to JSON: a rubric, an assessment, a panel,
/// a scorecard, a panel report, an evaluation request or result, an outcome record,
/// commitments, a consultation, a report text, a feedback round or an error document.
///
/// Every document is read the same way: the crate's exact JSON reader (decimals keep every
/// digit), then its format version, then the rules it must keep on its own ([`check`]); and
/// written the same way, as pretty-printed JSON that reads back to an equal document. The
/// trait is sealed: only the crate's documents implement it, so it can gain methods without
/// breaking anyone.
///
/// ```
/// use igf_rubric::{Assessment, Document, Rubric, presets};
///
/// // Generic code over every kind of document.
/// fn round_trip<D: Document + PartialEq + std::fmt::Debug>(document: &D) -> Result<(), igf_rubric::Error> {
///     assert_eq!(&D::from_json(&document.to_json()?)?, document);
///     Ok(())
/// }
/// round_trip(presets::bpf_proposal())?;
/// let sheet = Assessment::from_json(include_str!("../examples/data/proposals/ixps-2016.json"))?;
/// round_trip(&sheet)?;
/// assert_eq!((Rubric::NAME, Assessment::NAME), ("rubric", "assessment"));
/// # Ok::<(), igf_rubric::Error>(())
/// ```
///
/// [`check`]: Document::check
pub trait Document: serde::Serialize + serde::de::DeserializeOwned + sealed::Sealed {
    /// The document's name, as its JSON Schema is named (`schemas/<NAME>.schema.json`).
    const NAME: &'static str;

    /// The member that holds the format version: `format_version`, or `schema_version` in an
    /// evaluation request and result.
    const VERSION_KEY: &'static str = "format_version";

    /// The format version this release reads and writes.
    const FORMAT_VERSION: u32 = FORMAT_VERSION;

    /// The format version the document declares.
    fn format_version(&self) -> u32;

    /// Checks the rules the document must keep on its own, beyond its JSON shape: its format
    /// version first, then ids valid and unique, references that resolve, values in range. A
    /// document read with [`Document::from_json`] has passed this; call it on one built or
    /// changed in code. A document with rules of its own checks its version before them.
    ///
    /// # Errors
    /// [`Error::UnsupportedFormat`] for another format version; the first rule broken, with
    /// its path.
    fn check(&self) -> Result<(), Error> {
        check_version(
            Self::VERSION_KEY,
            self.format_version(),
            Self::FORMAT_VERSION,
        )
    }

    /// Checks the document as [`Document::check`] does, but reports every rule broken that
    /// can be found at once (an assessment's invalid ids and out-of-range percentages, each
    /// assessment of a request), not only the first.
    ///
    /// ```
    /// use igf_rubric::{Assessment, Document};
    ///
    /// let mut sheet = Assessment::from_json(include_str!("../examples/data/proposals/ipv6-2016.json"))?;
    /// sheet.subject.id.clear();
    /// sheet.assessor.id = "mag 01".into();
    /// let errors = sheet.check_all().unwrap_err();
    /// let paths: Vec<String> = errors.iter().map(|e| e.detail().path).collect();
    /// assert_eq!(paths, ["subject.id", "assessor.id"]);
    /// # Ok::<(), igf_rubric::Error>(())
    /// ```
    ///
    /// # Errors
    /// Every rule found broken, in document order; the first is the one [`Document::check`]
    /// reports.
    fn check_all(&self) -> Result<(), Vec<Error>> {
        self.check().map_err(|e| vec![e])
    }

    /// Reads the document from JSON text and checks it.
    ///
    /// # Errors
    /// [`Error::Json`] for malformed JSON, a value of the wrong type, an unknown or missing
    /// member or a number that cannot be held exactly; [`Error::UnsupportedFormat`] for
    /// another format version; then what [`Document::check`] finds.
    fn from_json(json: &str) -> Result<Self, Error> {
        let document: Self = crate::json::read(json, Self::WRITTEN)?;
        document.check()?;
        Ok(document)
    }

    /// Reads the document from JSON text as [`Document::from_json`] does, but reports every
    /// shape mistake at once (an unknown member, a wrong type, a misspelt tag, each with its
    /// path and suggestions; at most [`MAX_ERRORS`](crate::json::MAX_ERRORS)), not only the
    /// first; a document of the right shape is then checked by [`Document::check_all`].
    ///
    /// ```
    /// use igf_rubric::{Assessment, Document};
    ///
    /// let text = include_str!("../examples/data/proposals/ipv6-2016.json")
    ///     .replace("\"year\"", "\"yaer\"")
    ///     .replace("\"declared\": false", "\"declared\": \"no\"");
    /// let errors = Assessment::from_json_all(&text).unwrap_err();
    /// let paths: Vec<String> = errors.iter().map(|e| e.detail().path).collect();
    /// assert_eq!(paths, ["subject.yaer", "conflict_of_interest.declared"]);
    /// ```
    ///
    /// # Errors
    /// Every shape mistake found, in the order reading meets them; else every rule
    /// [`Document::check_all`] finds broken.
    fn from_json_all(json: &str) -> Result<Self, Vec<Error>> {
        let document: Self = crate::json::read_all(json, Self::WRITTEN)?;
        document.check_all()?;
        Ok(document)
    }

    /// Writes the document as pretty-printed JSON, which [`Document::from_json`] reads back to
    /// an equal document.
    ///
    /// # Errors
    /// None in practice; serde_json's error is passed on as [`Error::Json`].
    fn to_json(&self) -> Result<String, Error> {
        to_json(self)
    }
}

pub(crate) mod sealed {
    /// Only the crate's documents are [`Document`](super::Document)s.
    pub trait Sealed {
        /// Whether the crate writes the document (an output), whose decimals are strings only.
        const WRITTEN: bool = false;
    }
}

/// Writes `value` as pretty-printed JSON.
pub(crate) fn to_json<T: serde::Serialize + ?Sized>(value: &T) -> Result<String, Error> {
    serde_json::to_string_pretty(value).map_err(|e| Error::Json {
        path: Path::root(),
        problem: JsonProblem::InvalidValue,
        message: e.to_string(),
    })
}

impl sealed::Sealed for ErrorDocument {
    const WRITTEN: bool = true;
}

impl Document for ErrorDocument {
    const NAME: &'static str = "error";
    const FORMAT_VERSION: u32 = crate::error::ERROR_DOCUMENT_VERSION;

    fn format_version(&self) -> u32 {
        self.format_version
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn first_repeat(ids: &[&str]) -> String {
        check_ids(ids.iter().copied(), "test", |i, _| Path::root().index(i))
            .unwrap_err()
            .to_string()
    }

    #[test]
    fn the_first_repeat_in_document_order_is_reported() {
        assert_eq!(
            first_repeat(&["a", "b", "a", "b", "a"]),
            "[2]: duplicate test id `a` (first defined at [0])"
        );
        assert_eq!(
            first_repeat(&["b", "c", "a", "a", "b"]),
            "[3]: duplicate test id `a` (first defined at [2])"
        );
        assert!(check_ids(["x", "y", "z"], "test", |i, _| Path::root().index(i)).is_ok());
    }
}
