//! A serde `Deserializer` over the parsed tree: exact numbers, objects only where structs are
//! expected, and errors that know their path and speak of JSON rather than Rust types.

use std::fmt;

use serde::de::value::{BorrowedStrDeserializer, StrDeserializer};
use serde::de::{
    self, DeserializeSeed, EnumAccess, Expected, IntoDeserializer, MapAccess, SeqAccess,
    Unexpected, VariantAccess, Visitor,
};
use serde::forward_to_deserialize_any;

use super::parse::Value;
use crate::error::shorten;
use crate::error::{JsonProblem, Path, Segment};
use crate::num::{exact::NUMBER_TOKEN, parse_exact};

/// A reading error with its place, built innermost first as the error travels outwards.
#[derive(Debug)]
pub(crate) struct ReadError {
    /// The path, innermost segment first.
    reversed: Vec<Segment>,
    problem: JsonProblem,
    message: String,
}

impl ReadError {
    /// An unacceptable value (the kind every serde `custom` error is).
    pub(crate) fn new(message: String) -> ReadError {
        ReadError::of(JsonProblem::InvalidValue, message)
    }

    pub(crate) fn of(problem: JsonProblem, message: String) -> ReadError {
        ReadError {
            reversed: Vec::new(),
            problem,
            message,
        }
    }

    /// The same error, of another kind.
    pub(crate) fn with_problem(mut self, problem: JsonProblem) -> ReadError {
        self.problem = problem;
        self
    }

    /// The same error, one level further out.
    pub(crate) fn under(mut self, segment: Segment) -> ReadError {
        self.reversed.push(segment);
        self
    }

    pub(crate) fn into_parts(self) -> (Path, JsonProblem, String) {
        let mut segments = self.reversed;
        segments.reverse();
        (Path::from_segments(segments), self.problem, self.message)
    }
}

impl fmt::Display for ReadError {
    /// The message alone, or, when the error has a place or a kind other than an invalid value,
    /// all of it in the form [`located::decode`](super::located::decode) reads: serde's buffer
    /// for tagged enums passes errors on as text.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.reversed.is_empty() && self.problem == JsonProblem::InvalidValue {
            return f.write_str(&self.message);
        }
        let segments: Vec<Segment> = self.reversed.iter().rev().cloned().collect();
        f.write_str(&super::located::encode(
            self.problem,
            &segments,
            &self.message,
        ))
    }
}

impl std::error::Error for ReadError {}

impl de::Error for ReadError {
    fn custom<T: fmt::Display>(message: T) -> ReadError {
        let text = message.to_string();
        match super::located::decode(&text) {
            Some((problem, segments, message)) => ReadError {
                reversed: segments.into_iter().rev().collect(),
                problem,
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
        ReadError::of(
            JsonProblem::UnknownValue,
            format!(
                "unknown value `{}` (allowed: {})",
                shorten(variant),
                expected.join(", ")
            ),
        )
    }

    fn unknown_field(field: &str, expected: &'static [&'static str]) -> ReadError {
        ReadError::of(
            JsonProblem::UnknownField,
            match expected {
                [] => format!(
                    "unknown field `{}` (this kind takes no fields besides its tag)",
                    shorten(field)
                ),
                _ => format!(
                    "unknown field `{}` (allowed: {})",
                    shorten(field),
                    expected.join(", ")
                ),
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
fn in_json_terms(expected: &dyn Expected) -> String {
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

fn describe(found: &Unexpected<'_>) -> String {
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

/// Deserialises one value of the tree.
#[derive(Clone, Copy)]
pub(crate) struct De<'a, 'de> {
    value: &'a Value<'de>,
}

impl<'a, 'de> De<'a, 'de> {
    pub(crate) fn new(value: &'a Value<'de>) -> De<'a, 'de> {
        De { value }
    }

    fn unexpected(&self) -> Unexpected<'a> {
        match self.value {
            Value::Null => Unexpected::Unit,
            Value::Bool(b) => Unexpected::Bool(*b),
            Value::Number(text) => Unexpected::Other(text),
            Value::String(s) => Unexpected::Str(s),
            Value::Array(_) => Unexpected::Seq,
            Value::Object(_) => Unexpected::Map,
        }
    }

    fn wrong_type(&self, expected: &dyn Expected) -> ReadError {
        match self.value {
            Value::Number(text) => ReadError::of(
                JsonProblem::WrongType,
                format!(
                    "expected {}, found the number {}",
                    in_json_terms(expected),
                    shorten(text)
                ),
            ),
            _ => de::Error::invalid_type(self.unexpected(), expected),
        }
    }

    /// A whole number, however it is written (`3`, `3.0`, `3e0`), as JSON Schema's `integer`
    /// reads it.
    fn whole<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ReadError> {
        let Value::Number(text) = self.value else {
            return Err(self.wrong_type(&visitor));
        };
        if let Ok(n) = text.parse::<u64>() {
            return visitor.visit_u64(n);
        }
        if let Ok(n) = text.parse::<i64>() {
            return visitor.visit_i64(n);
        }
        let not_whole = || {
            ReadError::of(
                JsonProblem::WrongType,
                format!(
                    "expected {}, found the number {}",
                    in_json_terms(&visitor),
                    shorten(text)
                ),
            )
        };
        let value = parse_exact(text).map_err(|_| not_whole())?;
        if !value.fract().is_zero() {
            return Err(not_whole());
        }
        use rust_decimal::prelude::ToPrimitive;
        if let Some(n) = value.to_u64() {
            visitor.visit_u64(n)
        } else if let Some(n) = value.to_i64() {
            visitor.visit_i64(n)
        } else {
            Err(not_whole())
        }
    }
}

/// `deserialize_<int>` methods that all read through [`De::whole`].
macro_rules! whole_numbers {
    ($($method:ident)*) => {
        $(
            fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ReadError> {
                self.whole(visitor)
            }
        )*
    };
}

impl<'de> de::Deserializer<'de> for De<'_, 'de> {
    type Error = ReadError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ReadError> {
        match self.value {
            Value::Null => visitor.visit_unit(),
            Value::Bool(b) => visitor.visit_bool(*b),
            Value::Number(text) => {
                if let Ok(n) = text.parse::<u64>() {
                    visitor.visit_u64(n)
                } else if let Ok(n) = text.parse::<i64>() {
                    visitor.visit_i64(n)
                } else {
                    visitor.visit_map(NumberText { text: Some(text) })
                }
            }
            Value::String(s) => visit_text(s, visitor),
            Value::Array(items) => visitor.visit_seq(Items::new(items)),
            Value::Object(members) => visitor.visit_map(Members::new(members)),
        }
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ReadError> {
        match self.value {
            Value::Bool(b) => visitor.visit_bool(*b),
            _ => Err(self.wrong_type(&visitor)),
        }
    }

    // Every integer width reads a whole number the same way.
    whole_numbers! {
        deserialize_u8 deserialize_u16 deserialize_u32 deserialize_u64
        deserialize_i8 deserialize_i16 deserialize_i32 deserialize_i64
    }

    fn deserialize_f32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ReadError> {
        self.deserialize_f64(visitor)
    }

    fn deserialize_f64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ReadError> {
        match self.value {
            Value::Number(text) => match text.parse::<f64>() {
                Ok(x) if x.is_finite() => visitor.visit_f64(x),
                _ => Err(ReadError::new(format!(
                    "the number {} is too large for a binary float",
                    shorten(text)
                ))),
            },
            _ => Err(self.wrong_type(&visitor)),
        }
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ReadError> {
        match self.value {
            Value::String(s) => visit_text(s, visitor),
            _ => Err(self.wrong_type(&visitor)),
        }
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ReadError> {
        self.deserialize_str(visitor)
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ReadError> {
        self.deserialize_str(visitor)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ReadError> {
        match self.value {
            Value::Null => visitor.visit_none(),
            _ => visitor.visit_some(self),
        }
    }

    fn deserialize_unit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ReadError> {
        match self.value {
            Value::Null => visitor.visit_unit(),
            _ => Err(self.wrong_type(&visitor)),
        }
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, ReadError> {
        self.deserialize_unit(visitor)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, ReadError> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ReadError> {
        match self.value {
            Value::Array(items) => visitor.visit_seq(Items::new(items)),
            _ => Err(self.wrong_type(&visitor)),
        }
    }

    fn deserialize_tuple<V: Visitor<'de>>(
        self,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, ReadError> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, ReadError> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ReadError> {
        match self.value {
            Value::Object(members) => visitor.visit_map(Members::new(members)),
            _ => Err(self.wrong_type(&visitor)),
        }
    }

    /// Structs are read from objects only: the positional array form serde also offers would
    /// let a document the schema rejects load.
    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, ReadError> {
        self.deserialize_map(visitor)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, ReadError> {
        match self.value {
            Value::String(s) => {
                visitor.visit_enum(IntoDeserializer::<ReadError>::into_deserializer(s.as_ref()))
            }
            Value::Object(members) => match members.as_slice() {
                [(variant, value)] => visitor.visit_enum(Variant { variant, value }),
                _ => Err(ReadError::new(format!(
                    "expected an object with exactly one of the keys {}, found {} keys",
                    variants.join(", "),
                    members.len()
                ))),
            },
            _ => Err(ReadError::new(format!(
                "expected one of {}, found {}",
                variants.join(", "),
                describe(&self.unexpected())
            ))),
        }
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ReadError> {
        visitor.visit_unit()
    }

    forward_to_deserialize_any! { i128 u128 char bytes byte_buf }
}

fn visit_text<'de, V: Visitor<'de>>(
    text: &std::borrow::Cow<'de, str>,
    visitor: V,
) -> Result<V::Value, ReadError> {
    match text {
        std::borrow::Cow::Borrowed(s) => visitor.visit_borrowed_str(s),
        std::borrow::Cow::Owned(s) => visitor.visit_str(s),
    }
}

/// An array's items; an error inside item `i` gains `[i]`, with the item's id when it has one.
struct Items<'a, 'de> {
    items: std::slice::Iter<'a, Value<'de>>,
    index: usize,
}

impl<'a, 'de> Items<'a, 'de> {
    fn new(items: &'a [Value<'de>]) -> Items<'a, 'de> {
        Items {
            items: items.iter(),
            index: 0,
        }
    }
}

impl<'de> SeqAccess<'de> for Items<'_, 'de> {
    type Error = ReadError;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, ReadError> {
        let Some(item) = self.items.next() else {
            return Ok(None);
        };
        let index = self.index;
        self.index = self.index.saturating_add(1);
        seed.deserialize(De::new(item)).map(Some).map_err(|e| {
            let id = item
                .member("id")
                .or_else(|| item.member("criterion"))
                .map(shorten);
            e.under(Segment::Index { index, id })
        })
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.items.len())
    }
}

/// An object's members; an error inside a member gains its key.
struct Members<'a, 'de> {
    members: std::slice::Iter<'a, (std::borrow::Cow<'de, str>, Value<'de>)>,
    pending: Option<&'a (std::borrow::Cow<'de, str>, Value<'de>)>,
}

impl<'a, 'de> Members<'a, 'de> {
    fn new(members: &'a [(std::borrow::Cow<'de, str>, Value<'de>)]) -> Members<'a, 'de> {
        Members {
            members: members.iter(),
            pending: None,
        }
    }
}

impl<'de> MapAccess<'de> for Members<'_, 'de> {
    type Error = ReadError;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, ReadError> {
        let Some(member) = self.members.next() else {
            return Ok(None);
        };
        self.pending = Some(member);
        let key = &member.0;
        let read = match key {
            std::borrow::Cow::Borrowed(s) => seed.deserialize(BorrowedStrDeserializer::new(s)),
            std::borrow::Cow::Owned(s) => seed.deserialize(StrDeserializer::new(s)),
        };
        read.map(Some)
            .map_err(|e: ReadError| e.under(Segment::Key(shorten(key))))
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, ReadError> {
        let Some((key, value)) = self.pending.take() else {
            return Err(ReadError::new(
                "a member value was asked for twice".to_owned(),
            ));
        };
        seed.deserialize(De::new(value))
            .map_err(|e| e.under(Segment::Key(shorten(key))))
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.members.len())
    }
}

/// A number that is not a plain integer, handed over as a one-member map so that its text
/// survives serde's buffering of internally tagged enums; the exact-decimal reader knows the
/// key.
struct NumberText<'de> {
    text: Option<&'de str>,
}

impl<'de> MapAccess<'de> for NumberText<'de> {
    type Error = ReadError;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, ReadError> {
        if self.text.is_none() {
            return Ok(None);
        }
        seed.deserialize(BorrowedStrDeserializer::new(NUMBER_TOKEN))
            .map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, ReadError> {
        match self.text.take() {
            Some(text) => seed.deserialize(BorrowedStrDeserializer::new(text)),
            None => Err(ReadError::new("a number was read twice".to_owned())),
        }
    }
}

/// An externally tagged enum value: `{"variant": value}`.
struct Variant<'a, 'de> {
    variant: &'a std::borrow::Cow<'de, str>,
    value: &'a Value<'de>,
}

impl<'a, 'de> EnumAccess<'de> for Variant<'a, 'de> {
    type Error = ReadError;
    type Variant = VariantValue<'a, 'de>;

    fn variant_seed<T: DeserializeSeed<'de>>(
        self,
        seed: T,
    ) -> Result<(T::Value, VariantValue<'a, 'de>), ReadError> {
        let key = self.variant;
        let tag = seed
            .deserialize(StrDeserializer::<ReadError>::new(key))
            .map_err(|e: ReadError| e.under(Segment::Key(shorten(key))))?;
        Ok((
            tag,
            VariantValue {
                key,
                value: self.value,
            },
        ))
    }
}

/// A variant's value, with its key as written (shortened only for an error's path).
struct VariantValue<'a, 'de> {
    key: &'a str,
    value: &'a Value<'de>,
}

impl<'de> VariantAccess<'de> for VariantValue<'_, 'de> {
    type Error = ReadError;

    fn unit_variant(self) -> Result<(), ReadError> {
        match self.value {
            Value::Null => Ok(()),
            _ => Err(ReadError::new(format!(
                "`{}` takes no value: write it as the string \"{}\"",
                shorten(self.key),
                shorten(self.key)
            ))),
        }
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value, ReadError> {
        seed.deserialize(De::new(self.value))
            .map_err(|e| e.under(Segment::Key(shorten(self.key))))
    }

    fn tuple_variant<V: Visitor<'de>>(
        self,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, ReadError> {
        de::Deserializer::deserialize_seq(De::new(self.value), visitor)
            .map_err(|e| e.under(Segment::Key(shorten(self.key))))
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, ReadError> {
        de::Deserializer::deserialize_map(De::new(self.value), visitor)
            .map_err(|e| e.under(Segment::Key(shorten(self.key))))
    }
}
