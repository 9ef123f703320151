//! Reading errors: their path, built as they travel outwards, and their wording, which speaks
//! of JSON rather than of Rust types.

use std::fmt;

use serde::de::{self, Expected, Unexpected};

use super::parse::Value;
use crate::error::shorten;
use crate::error::{Error, JsonProblem, Path, Segment};

/// What kind of reading error it is: a problem with the JSON itself, or a name (an enum's
/// value, a tag) that is not one of those allowed, which becomes [`Error::UnknownName`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    Json(JsonProblem),
    UnknownName,
}

impl Kind {
    /// The kind's name in an error travelling as text (see [`super::located::encode`]).
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Kind::Json(problem) => problem.as_str(),
            Kind::UnknownName => "unknown_name",
        }
    }

    pub(crate) fn parse(name: &str) -> Kind {
        match name {
            "unknown_name" => Kind::UnknownName,
            _ => Kind::Json(name.parse().unwrap_or(JsonProblem::InvalidValue)),
        }
    }
}

/// A reading error with its place, built innermost first as the error travels outwards.
#[derive(Debug)]
pub(crate) struct ReadError {
    /// The path, innermost segment first.
    reversed: Vec<Segment>,
    kind: Kind,
    message: String,
    /// For an unknown name: the name found and the names allowed.
    name: Option<(String, Vec<String>)>,
}

impl ReadError {
    /// An unacceptable value (the kind every serde `custom` error is).
    pub(crate) fn new(message: String) -> ReadError {
        ReadError::of(JsonProblem::InvalidValue, message)
    }

    pub(crate) fn of(problem: JsonProblem, message: String) -> ReadError {
        ReadError {
            reversed: Vec::new(),
            kind: Kind::Json(problem),
            message,
            name: None,
        }
    }

    /// The same error, of another kind.
    pub(crate) fn with_problem(mut self, problem: JsonProblem) -> ReadError {
        self.kind = Kind::Json(problem);
        self
    }

    /// The same error, one level further out.
    pub(crate) fn under(mut self, segment: Segment) -> ReadError {
        self.reversed.push(segment);
        self
    }

    /// The crate's error: [`Error::UnknownName`] for an unknown name, [`Error::Json`] for
    /// anything else.
    pub(crate) fn into_error(self) -> Error {
        let mut segments = self.reversed;
        segments.reverse();
        let path = Path::from_segments(segments);
        match (self.kind, self.name) {
            (Kind::UnknownName, Some((found, allowed))) => crate::error::unknown_name(
                Some(path),
                "value",
                &found,
                allowed.iter().map(String::as_str),
            ),
            (Kind::Json(problem), _) => Error::Json {
                path,
                problem,
                message: self.message,
            },
            (Kind::UnknownName, None) => Error::Json {
                path,
                problem: JsonProblem::InvalidValue,
                message: self.message,
            },
        }
    }
}

impl fmt::Display for ReadError {
    /// The message alone, or, when the error has a place or a kind other than an invalid value,
    /// all of it in the form [`located::decode`](super::located::decode) reads: serde's buffer
    /// for tagged enums passes errors on as text.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.reversed.is_empty() && self.kind == Kind::Json(JsonProblem::InvalidValue) {
            return f.write_str(&self.message);
        }
        let segments: Vec<Segment> = self.reversed.iter().rev().cloned().collect();
        f.write_str(&super::located::encode(self.kind, &segments, &self.message))
    }
}

impl std::error::Error for ReadError {}

impl de::Error for ReadError {
    fn custom<T: fmt::Display>(message: T) -> ReadError {
        let text = message.to_string();
        match super::located::decode(&text) {
            Some((kind, segments, message)) => ReadError {
                reversed: segments.into_iter().rev().collect(),
                kind,
                name: (kind == Kind::UnknownName)
                    .then(|| name_in(&message))
                    .flatten(),
                message,
            },
            None => ReadError::new(text),
        }
    }

    fn invalid_type(found: Unexpected<'_>, expected: &dyn Expected) -> ReadError {
        ReadError::of(
            JsonProblem::WrongType,
            format!(
                "expected {}, found {}",
                in_json_terms(expected),
                describe(&found)
            ),
        )
    }

    fn invalid_value(found: Unexpected<'_>, expected: &dyn Expected) -> ReadError {
        ReadError::new(format!(
            "{} is not allowed here: expected {}",
            describe(&found),
            in_json_terms(expected)
        ))
    }

    fn invalid_length(len: usize, expected: &dyn Expected) -> ReadError {
        ReadError::of(
            JsonProblem::WrongType,
            format!("expected {}, found {len} items", in_json_terms(expected)),
        )
    }

    fn unknown_variant(variant: &str, expected: &'static [&'static str]) -> ReadError {
        ReadError {
            reversed: Vec::new(),
            kind: Kind::UnknownName,
            message: format!(
                "unknown value `{}` (allowed: {})",
                shorten(variant),
                expected.join(", ")
            ),
            name: Some((
                variant.to_owned(),
                expected.iter().map(|name| (*name).to_owned()).collect(),
            )),
        }
    }

    fn unknown_field(field: &str, expected: &'static [&'static str]) -> ReadError {
        ReadError::of(
            JsonProblem::UnknownField,
            match expected {
                [] => format!(
                    "unknown field `{}` (this kind takes no fields besides its tag)",
                    shorten(field)
                ),
                _ => {
                    let near = crate::error::nearest(field, expected.iter().copied());
                    let hint = match near.first() {
                        Some(name) => format!(" (did you mean `{name}`?)"),
                        None => String::new(),
                    };
                    format!(
                        "unknown field `{}`{hint} (allowed: {})",
                        shorten(field),
                        expected.join(", ")
                    )
                }
            },
        )
    }

    fn missing_field(field: &'static str) -> ReadError {
        ReadError::of(
            JsonProblem::MissingField,
            format!("missing field `{field}`"),
        )
    }

    fn duplicate_field(field: &'static str) -> ReadError {
        ReadError::of(
            JsonProblem::DuplicateKey,
            format!("field `{field}` is given twice"),
        )
    }
}

/// What a visitor expects, in the words of JSON rather than of Rust types.
pub(super) fn in_json_terms(expected: &dyn Expected) -> String {
    let text = expected.to_string();
    match text.as_str() {
        "u8" | "u16" | "u32" | "u64" | "u128" | "usize" => "a whole number >= 0".to_owned(),
        "i8" | "i16" | "i32" | "i64" | "i128" | "isize" => "a whole number".to_owned(),
        "f32" | "f64" => "a number".to_owned(),
        "a boolean" => "true or false".to_owned(),
        "a string" | "a borrowed string" => "a string".to_owned(),
        _ if text.starts_with("struct ") || text.starts_with("a map") => "an object".to_owned(),
        _ if text.starts_with("internally tagged enum ") => {
            "an object with its type tag".to_owned()
        }
        _ if text.starts_with("enum ") || text.starts_with("variant identifier") => {
            "one of the allowed values".to_owned()
        }
        _ if text.starts_with("a sequence") || text.starts_with("tuple") => "an array".to_owned(),
        _ => text,
    }
}

/// A value found where another was expected, in words.
pub(super) fn describe(found: &Unexpected<'_>) -> String {
    match found {
        Unexpected::Bool(b) => format!("`{b}`"),
        Unexpected::Unsigned(n) => format!("the number {n}"),
        Unexpected::Signed(n) => format!("the number {n}"),
        Unexpected::Float(x) => format!("the number {x}"),
        Unexpected::Char(c) => format!("the string \"{}\"", c.escape_debug()),
        Unexpected::Str(s) => format!("the string \"{}\"", shorten(s)),
        Unexpected::Unit | Unexpected::Option => "null".to_owned(),
        Unexpected::Seq => "an array".to_owned(),
        Unexpected::Map => "an object".to_owned(),
        Unexpected::Enum | Unexpected::UnitVariant => "a value of another kind".to_owned(),
        Unexpected::NewtypeVariant | Unexpected::TupleVariant | Unexpected::StructVariant => {
            "an object with another key".to_owned()
        }
        Unexpected::Bytes(_) => "bytes".to_owned(),
        Unexpected::NewtypeStruct => "a value of another kind".to_owned(),
        Unexpected::Other(other) => (*other).to_owned(),
    }
}

/// A parsed value as serde's errors describe it.
pub(super) fn unexpected<'v>(value: &'v Value<'_>) -> Unexpected<'v> {
    match value {
        Value::Null => Unexpected::Unit,
        Value::Bool(b) => Unexpected::Bool(*b),
        Value::Number(text) => Unexpected::Other(text),
        Value::String(s) => Unexpected::Str(s),
        Value::Array => Unexpected::Seq,
        Value::Object(_) => Unexpected::Map,
    }
}

/// The error for `value` found where `expected` should be.
pub(super) fn wrong_type(value: &Value<'_>, expected: &dyn Expected) -> ReadError {
    match value {
        Value::Number(text) => ReadError::of(
            JsonProblem::WrongType,
            format!(
                "expected {}, found the number {}",
                in_json_terms(expected),
                shorten(text)
            ),
        ),
        _ => de::Error::invalid_type(unexpected(value), expected),
    }
}

/// The name found and the names allowed in an unknown name's message, as
/// `unknown_variant` words it, after the message has travelled through serde as text.
fn name_in(message: &str) -> Option<(String, Vec<String>)> {
    let (_, rest) = message.split_once('`')?;
    let (found, rest) = rest.split_once('`')?;
    let (_, allowed) = rest.split_once("(allowed: ")?;
    let allowed = allowed.strip_suffix(')')?;
    Some((
        found.to_owned(),
        allowed.split(", ").map(str::to_owned).collect(),
    ))
}
