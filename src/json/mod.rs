//! The crate's JSON reader: exact decimals without changing anyone else's serde_json.
//!
//! ```
//! use igf_rubric::Rubric;
//!
//! // A host's own type holding a rubric: every digit of its weight arrives, and nothing
//! // changes how the rest of the program reads JSON.
//! #[derive(serde::Deserialize)]
//! struct Call {
//!     rubric: Rubric,
//!     deadline: String,
//! }
//! let call: Call = igf_rubric::json::from_str(r#"{
//!   "rubric": { "id": "demo", "version": "1", "title": "Demo", "kind": "proposal",
//!     "criteria": [ { "id": "fit", "name": "Fit", "weight": 0.1000000000000000000000000001,
//!                     "metric": { "type": "yes_no" } } ] },
//!   "deadline": "2026-03-31"
//! }"#)?;
//! let weight = call.rubric.criterion("fit").and_then(|c| c.weight);
//! assert_eq!(weight.map(|w| w.to_string()).as_deref(), Some("0.1000000000000000000000000001"));
//! # Ok::<(), igf_rubric::Error>(())
//! ```
//!
//! Every `from_json` of the crate reads through here. The text is read straight into the
//! caller's types. The crate's own decimals are handed over as written, so a decimal such as
//! `0.1000000000000000000000000001` arrives with all its digits, even inside internally tagged
//! enums, without turning on serde_json's `arbitrary_precision` feature, which would change how
//! every other crate in the program reads JSON. The host's own types read numbers as
//! serde_json reads them: a `serde_json::Value`, an `f64` inside an untagged or internally
//! tagged enum, or a flattened map of floats reads to the same value through either reader
//! (a property test and a fuzz target compare the two).

//! The reader is stricter than serde_json where the crate's JSON Schemas are: a struct is read
//! from an object only (never from a positional array), and a whole-number field accepts any
//! number with a zero fraction (`3`, `3.0`, `3e0`), as JSON Schema's `integer` does. Errors carry
//! the path down to the field, with the id of each array item beside its index.
//!
//! # Limits
//! Arrays and objects may nest at most [`MAX_DEPTH`] levels; a deeper document is an error that
//! says so, never a stack overflow.

mod de;
pub(crate) mod located;
mod parse;
mod read_error;
mod recover;

use serde::Deserialize;
use serde::de::DeserializeOwned;

pub use parse::MAX_DEPTH;
pub use recover::MAX_ERRORS;
pub(crate) use recover::{read_all, recover};

use crate::error::{Error, JsonProblem, Path};

/// Reads a value of any type from JSON text, keeping decimals exact.
///
/// Use it for your own documents that embed the crate's types (a request holding a rubric and
/// assessments, say): serde_json without `arbitrary_precision` hands fractional numbers over as
/// binary floats, which the crate's decimal fields refuse rather than round.
///
/// ```
/// use igf_rubric::{Assessment, Rubric};
///
/// #[derive(serde::Deserialize)]
/// struct Request {
///     rubric: Rubric,
///     weight_note: String,
/// }
///
/// let request: Request = igf_rubric::json::from_str(r#"{
///   "rubric": { "id": "demo", "version": "1", "title": "Demo", "kind": "proposal",
///     "criteria": [ { "id": "fit", "name": "Fit", "weight": 0.1000000000000000000000000001,
///                     "metric": { "type": "yes_no" } } ] },
///   "weight_note": "28 decimal places survive"
/// }"#)?;
/// let weight = request.rubric.criterion("fit").and_then(|c| c.weight);
/// assert_eq!(weight.map(|w| w.to_string()).as_deref(), Some("0.1000000000000000000000000001"));
/// # Ok::<(), igf_rubric::Error>(())
/// ```
///
/// # Errors
/// [`Error::Json`] for malformed JSON (with line and column), a value of the wrong type, an
/// unknown or missing field, or a number that cannot be held exactly, with the path to it.
/// Errors of validating conversions (`#[serde(try_from)]`) arrive as their message only; the
/// crate's own `from_json` functions keep them typed.
pub fn from_str<T: DeserializeOwned>(text: &str) -> Result<T, Error> {
    read(text, false)
}

/// Reads a document; `written` for one the crate writes, whose decimals are strings only.
pub(crate) fn read<T: DeserializeOwned>(text: &str, written: bool) -> Result<T, Error> {
    let mut parser = parse::Parser::new(text);
    parser.written = written;
    let read = T::deserialize(&mut parser).and_then(|value| parser.end().map(|()| value));
    // A document that is not JSON at all is reported as such, wherever reading stopped.
    read.map_err(|error| into_error(parse::document(text).err().unwrap_or(error)))
}

/// Reads a field of the crate's types whose numbers serde buffers before they reach their reader
/// (an internally tagged enum such as a metric, a gate rule or an aggregation), so that the
/// crate's JSON reader hands those numbers over as their text and every digit of a decimal
/// survives. Host types around it keep serde_json's reading of numbers. The value must be an
/// object: serde would read an internally tagged enum from a positional array too.
pub(crate) fn exactly<'de, D, T>(deserializer: D) -> Result<T, D::Error>
where
    D: serde::Deserializer<'de>,
    T: serde::Deserialize<'de>,
{
    exact::<D, Object<T>>(deserializer).map(|Object(value)| value)
}

/// As [`exactly`], for an array of objects.
pub(crate) fn exactly_each<'de, D, T>(deserializer: D) -> Result<Vec<T>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: serde::Deserialize<'de>,
{
    exact::<D, Vec<Object<T>>>(deserializer).map(Object::unwrap_all)
}

/// As [`exactly`], for an optional member that, when present, is an object (never `null`).
pub(crate) fn exactly_present<'de, D, T>(deserializer: D) -> Result<Option<T>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: serde::Deserialize<'de>,
{
    exactly(deserializer).map(Some)
}

/// Reads a struct or a tagged enum from an object only, never from a positional array.
pub(crate) fn object<'de, D, T>(deserializer: D) -> Result<T, D::Error>
where
    D: serde::Deserializer<'de>,
    T: serde::Deserialize<'de>,
{
    Object::<T>::deserialize(deserializer).map(|Object(value)| value)
}

/// Reads whole numbers from the buffer of an internally tagged enum, where serde hands `2.0`
/// over as a float: any number with a zero fraction is whole, as JSON Schema's `integer` says.
pub(crate) fn wholes<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<Vec<usize>, D::Error> {
    struct Whole(usize);

    impl<'de> serde::Deserialize<'de> for Whole {
        fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            struct Number;

            impl<'de> serde::de::Visitor<'de> for Number {
                type Value = usize;

                fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                    write!(f, "a whole number from 0 to {}", crate::kinds::MAX_COUNT)
                }

                fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<usize, E> {
                    (v <= crate::kinds::MAX_COUNT)
                        .then(|| usize::try_from(v).ok())
                        .flatten()
                        .ok_or_else(|| E::invalid_value(serde::de::Unexpected::Unsigned(v), &self))
                }

                fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<usize, E> {
                    u64::try_from(v)
                        .map_err(|_| E::invalid_value(serde::de::Unexpected::Signed(v), &self))
                        .and_then(|v| self.visit_u64(v))
                }

                /// A number the crate's reader hands over as its text (inside `exactly`).
                fn visit_map<A: serde::de::MapAccess<'de>>(
                    self,
                    mut map: A,
                ) -> Result<usize, A::Error> {
                    use rust_decimal::prelude::ToPrimitive;
                    let text = match map.next_key::<String>()? {
                        Some(key) if key == crate::num::exact::NUMBER_TOKEN => {
                            map.next_value::<String>()?
                        }
                        _ => {
                            return Err(serde::de::Error::invalid_type(
                                serde::de::Unexpected::Map,
                                &self,
                            ));
                        }
                    };
                    let value = crate::num::parse_exact(&text).map_err(serde::de::Error::custom)?;
                    match value.fract().is_zero().then(|| value.to_u64()).flatten() {
                        Some(n) => self.visit_u64(n),
                        None => Err(serde::de::Error::custom(crate::kinds::not_a_count(
                            &text,
                            value.is_sign_positive() && value.fract().is_zero(),
                        ))),
                    }
                }

                #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
                fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<usize, E> {
                    // Whole floats up to 2^53 - 1 are exact, so the cast loses nothing.
                    if v.fract() == 0.0 && (0.0..=crate::kinds::MAX_COUNT as f64).contains(&v) {
                        self.visit_u64(v as u64)
                    } else {
                        Err(E::invalid_value(serde::de::Unexpected::Float(v), &self))
                    }
                }
            }

            deserializer.deserialize_any(Number).map(Whole)
        }
    }

    Vec::<Whole>::deserialize(deserializer).map(|all| all.into_iter().map(|Whole(n)| n).collect())
}

fn exact<'de, D, T>(deserializer: D) -> Result<T, D::Error>
where
    D: serde::Deserializer<'de>,
    T: serde::Deserialize<'de>,
{
    struct Exactly<T>(std::marker::PhantomData<T>);

    impl<'de, T: serde::Deserialize<'de>> serde::de::Visitor<'de> for Exactly<T> {
        type Value = T;

        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("a value")
        }

        fn visit_newtype_struct<D: serde::Deserializer<'de>>(
            self,
            deserializer: D,
        ) -> Result<T, D::Error> {
            T::deserialize(deserializer)
        }
    }

    deserializer.deserialize_newtype_struct(
        crate::num::exact::EXACT_TOKEN,
        Exactly(std::marker::PhantomData),
    )
}

/// A value read from a JSON object only, as the schemas require of every struct and tagged
/// enum: serde's derived readers also take a positional array, from serde_json and from the
/// buffer of an internally tagged enum alike.
pub(crate) struct Object<T>(pub(crate) T);

impl<T> Object<T> {
    pub(crate) fn unwrap_all(all: Vec<Object<T>>) -> Vec<T> {
        all.into_iter().map(|Object(value)| value).collect()
    }
}

impl<'de, T: serde::Deserialize<'de>> serde::Deserialize<'de> for Object<T> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Members<T>(std::marker::PhantomData<T>);

        impl<'de, T: serde::Deserialize<'de>> serde::de::Visitor<'de> for Members<T> {
            type Value = T;

            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("an object")
            }

            fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<T, A::Error> {
                T::deserialize(serde::de::value::MapAccessDeserializer::new(map))
            }
        }

        deserializer
            .deserialize_map(Members(std::marker::PhantomData))
            .map(Object)
    }
}

/// Reads a value from JSON bytes, which must be UTF-8; otherwise as [`from_str`].
///
/// # Errors
/// As for [`from_str`], and [`Error::Json`] naming the byte offset where the text stops being
/// UTF-8.
pub fn from_slice<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, Error> {
    let text = std::str::from_utf8(bytes).map_err(|e| Error::Json {
        path: Path::root(),
        problem: JsonProblem::NotUtf8,
        message: format!(
            "the document is not UTF-8 text (invalid byte at offset {})",
            e.valid_up_to()
        ),
    })?;
    from_str(text)
}

/// Reads the members of an internally tagged unit variant (`{"type": "yes_no"}`), which must
/// have none besides the tag: serde would otherwise skip them, and a misplaced field would be
/// dropped without a word.
pub(crate) fn no_fields<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<(), D::Error> {
    #[derive(serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    struct NoFields {}
    NoFields::deserialize(deserializer).map(|NoFields {}| ())
}

/// The member names of a document that is a JSON object, with the id of its `rubric` member
/// when it has one; `None` for any other document.
pub(crate) fn outline(text: &str) -> Option<(Vec<String>, Option<String>)> {
    let parse::Value::Object(members) = parse::document(text).ok()? else {
        return None;
    };
    let rubric = members
        .iter()
        .find(|(k, _)| k == "rubric")
        .and_then(|(_, v)| v.member("id").map(str::to_owned));
    Some((
        members.into_iter().map(|(k, _)| k.into_owned()).collect(),
        rubric,
    ))
}

fn into_error(error: read_error::ReadError) -> Error {
    error.into_error()
}
