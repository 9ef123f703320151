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

/// Reads a JSON document into `T` with the crate's exact reader.
pub(crate) fn from_json<T: serde::de::DeserializeOwned>(json: &str) -> Result<T, Error> {
    crate::json::from_str(json)
}

/// Reads a document whose version member `key` must hold `supported` (`version` reads it).
pub(crate) fn read_versioned<T: serde::de::DeserializeOwned>(
    json: &str,
    key: &str,
    supported: u32,
    version: impl Fn(&T) -> u32,
) -> Result<T, Error> {
    let document: T = from_json(json)?;
    check_version(key, version(&document), supported)?;
    Ok(document)
}

/// Writes `value` as pretty-printed JSON.
pub(crate) fn to_json<T: serde::Serialize>(value: &T) -> Result<String, Error> {
    serde_json::to_string_pretty(value).map_err(|e| Error::Json {
        path: Path::root(),
        problem: JsonProblem::InvalidValue,
        message: e.to_string(),
    })
}

impl ErrorDocument {
    /// Reads an error document, checking its format version.
    ///
    /// # Errors
    /// [`Error::Json`] for malformed JSON, [`Error::UnsupportedFormat`] for another version.
    pub fn from_json(json: &str) -> Result<ErrorDocument, Error> {
        read_versioned(
            json,
            "format_version",
            crate::error::ERROR_DOCUMENT_VERSION,
            |doc: &ErrorDocument| doc.format_version,
        )
    }

    /// Writes the document as pretty-printed JSON.
    ///
    /// # Errors
    /// None in practice; serde_json's error is passed on as [`Error::Json`].
    pub fn to_json(&self) -> Result<String, Error> {
        to_json(self)
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
