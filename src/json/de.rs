//! A serde `Deserializer` that reads straight from the text: exact numbers, objects only where
//! structs are expected, and errors that know their path.
//!
//! Nothing is built on the way but the values serde asks for; strings without escapes are
//! borrowed from the text. Errors are worded from a tree of the offending value parsed on the
//! side, so the fast path pays nothing for them.

use std::borrow::Cow;

use serde::de::value::{BorrowedStrDeserializer, StrDeserializer};
use serde::de::{
    self, DeserializeSeed, EnumAccess, IntoDeserializer, MapAccess, SeqAccess, VariantAccess,
    Visitor,
};
use serde::forward_to_deserialize_any;

use super::parse::{Parser, Value};
use super::read_error::{ReadError, describe, unexpected, wrong_type};
use crate::error::shorten;
use crate::error::{JsonProblem, Segment};
use crate::num::exact::{DECIMAL_TOKEN, EXACT_TOKEN, NUMBER_TOKEN};
use crate::num::parse_exact;

impl<'de> Parser<'de> {
    /// The error for the value here found where `expected` should be.
    fn wrong_type(&self, expected: &dyn de::Expected) -> ReadError {
        match self.value_at(self.pos()) {
            Some(value) => wrong_type(&value, expected),
            None => self.no_value(),
        }
    }

    /// A whole number, however it is written (`3`, `3.0`, `3e0`), as JSON Schema's `integer`
    /// reads it.
    fn whole<V: Visitor<'de>>(&mut self, visitor: V) -> Result<V::Value, ReadError> {
        self.skip_whitespace();
        if !matches!(self.peek(), Some(b'-' | b'0'..=b'9')) {
            return Err(self.wrong_type(&visitor));
        }
        let text = self.number()?;
        if let Ok(n) = text.parse::<u64>() {
            return visitor.visit_u64(n);
        }
        if let Ok(n) = text.parse::<i64>() {
            return visitor.visit_i64(n);
        }
        let not_whole = || wrong_type(&Value::Number(text), &visitor);
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

    /// Steps to the next entry of an array or object whose closing bracket is `close`: past
    /// the comma before it (`true`), or past the closing bracket (`false`, no more entries).
    fn next_entry(&mut self, close: u8, first: bool, after: &str) -> Result<bool, ReadError> {
        self.skip_whitespace();
        match self.peek() {
            Some(b) if b == close => {
                self.leave();
                Ok(false)
            }
            Some(b',') if !first => {
                self.bump();
                self.skip_whitespace();
                Ok(true)
            }
            _ if first => Ok(true),
            _ => Err(self.fail_found(after)),
        }
    }

    /// An array's items, each read by the visitor; the array must hold no more than it takes.
    fn items<V: Visitor<'de>>(&mut self, visitor: V) -> Result<V::Value, ReadError> {
        self.enter()?;
        let mut items = Items {
            parser: self,
            index: 0,
            done: false,
        };
        let value = visitor.visit_seq(&mut items)?;
        let Items { done, index, .. } = items;
        if !done {
            // A visitor that knows its length stops without asking for more.
            self.skip_whitespace();
            if self.peek() != Some(b']') {
                return Err(ReadError::of(
                    JsonProblem::WrongType,
                    format!("expected {index} items, found more"),
                ));
            }
            self.leave();
        }
        Ok(value)
    }

    /// An object's members, each read by the visitor.
    fn members<V: Visitor<'de>>(&mut self, visitor: V) -> Result<V::Value, ReadError> {
        self.enter()?;
        let mut members = Members {
            parser: self,
            first: true,
            done: false,
            key: Cow::Borrowed(""),
        };
        let value = visitor.visit_map(&mut members)?;
        if !members.done {
            self.skip_whitespace();
            if self.peek() != Some(b'}') {
                return Err(ReadError::new(
                    "the object has more members than the reader takes".to_owned(),
                ));
            }
            self.leave();
        }
        Ok(value)
    }

    /// An externally tagged variant written as an object: `{"variant": value}`.
    fn variant_object<V: Visitor<'de>>(&mut self, visitor: V) -> Result<V::Value, ReadError> {
        self.enter()?;
        self.skip_whitespace();
        if self.peek() != Some(b'"') {
            return Err(self.fail_found("expected a member name in double quotes"));
        }
        let key = self.string()?;
        self.skip_whitespace();
        if self.peek() != Some(b':') {
            return Err(self.fail_found("expected `:` after the member name"));
        }
        self.bump();
        let value = visitor.visit_enum(Variant { parser: self, key })?;
        self.skip_whitespace();
        if self.peek() != Some(b'}') {
            return Err(self.fail_found("expected `}` after the variant's value"));
        }
        self.leave();
        Ok(value)
    }
}

/// `deserialize_<int>` methods that all read through [`Parser::whole`].
macro_rules! whole_numbers {
    ($($method:ident)*) => {
        $(
            fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ReadError> {
                self.whole(visitor)
            }
        )*
    };
}

impl<'de> de::Deserializer<'de> for &mut Parser<'de> {
    type Error = ReadError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ReadError> {
        self.skip_whitespace();
        match self.peek() {
            Some(b'n') => self.keyword("null").and_then(|()| visitor.visit_unit()),
            Some(b't') => self.keyword("true").and_then(|()| visitor.visit_bool(true)),
            Some(b'f') => self
                .keyword("false")
                .and_then(|()| visitor.visit_bool(false)),
            Some(b'-' | b'0'..=b'9') => {
                let text = self.number()?;
                if let Ok(n) = text.parse::<u64>() {
                    visitor.visit_u64(n)
                } else if let Ok(n) = text.parse::<i64>() {
                    // Outside the crate's exact values, `-0` is a float, as serde_json reads it.
                    if n == 0 && !self.exact {
                        visitor.visit_f64(-0.0)
                    } else {
                        visitor.visit_i64(n)
                    }
                } else if self.exact {
                    visitor.visit_map(NumberText { text: Some(text) })
                } else {
                    visitor.visit_f64(binary_float(text)?)
                }
            }
            Some(b'"') => visit_text(self.string()?, visitor),
            Some(b'[') => self.items(visitor),
            Some(b'{') => self.members(visitor),
            _ => Err(self.no_value()),
        }
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ReadError> {
        self.skip_whitespace();
        match self.peek() {
            Some(b't') => self.keyword("true").and_then(|()| visitor.visit_bool(true)),
            Some(b'f') => self
                .keyword("false")
                .and_then(|()| visitor.visit_bool(false)),
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
        self.skip_whitespace();
        if !matches!(self.peek(), Some(b'-' | b'0'..=b'9')) {
            return Err(self.wrong_type(&visitor));
        }
        let text = self.number()?;
        visitor.visit_f64(binary_float(text)?)
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ReadError> {
        self.skip_whitespace();
        match self.peek() {
            Some(b'"') => visit_text(self.string()?, visitor),
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
        self.skip_whitespace();
        match self.peek() {
            Some(b'n') => self.keyword("null").and_then(|()| visitor.visit_none()),
            _ => visitor.visit_some(self),
        }
    }

    fn deserialize_unit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ReadError> {
        self.skip_whitespace();
        match self.peek() {
            Some(b'n') => self.keyword("null").and_then(|()| visitor.visit_unit()),
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

    /// The crate's exact readers ask for their value under [`EXACT_TOKEN`]: inside it, numbers
    /// reach `deserialize_any` as their text, so they survive serde's buffering of internally
    /// tagged enums. Every other deserializer reads such a value as it reads any newtype.
    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value, ReadError> {
        if name == DECIMAL_TOKEN && self.written {
            self.skip_whitespace();
            if matches!(self.peek(), Some(b'-' | b'0'..=b'9')) {
                let text = self.number()?;
                return Err(ReadError::of(
                    JsonProblem::WrongType,
                    format!(
                        "expected a decimal written as a string, as the crate writes them (\"{}\"), found the number {}",
                        shorten(text),
                        shorten(text)
                    ),
                ));
            }
        }
        if !(name == EXACT_TOKEN || name == DECIMAL_TOKEN) || self.exact {
            return visitor.visit_newtype_struct(self);
        }
        self.exact = true;
        let read = visitor.visit_newtype_struct(&mut *self);
        self.exact = false;
        read
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ReadError> {
        self.skip_whitespace();
        match self.peek() {
            Some(b'[') => self.items(visitor),
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
        self.skip_whitespace();
        match self.peek() {
            Some(b'{') => self.members(visitor),
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
        self.skip_whitespace();
        let start = self.pos();
        match self.peek() {
            Some(b'"') => {
                let name = self.string()?;
                visitor.visit_enum(IntoDeserializer::<ReadError>::into_deserializer(
                    name.as_ref(),
                ))
            }
            // A variant object must have exactly one member; that is checked (on the side)
            // only when reading it fails, before any complaint about the variant itself.
            Some(b'{') => {
                self.variant_object(visitor)
                    .map_err(|error| match self.value_at(start) {
                        Some(Value::Object(members)) if members.len() != 1 => {
                            ReadError::new(format!(
                                "expected an object with exactly one of the keys {}, found {} keys",
                                variants.join(", "),
                                members.len()
                            ))
                        }
                        _ => error,
                    })
            }
            _ => Err(match self.value_at(start) {
                Some(found) => ReadError::new(format!(
                    "expected one of {}, found {}",
                    variants.join(", "),
                    describe(&unexpected(&found))
                )),
                None => self.no_value(),
            }),
        }
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ReadError> {
        self.skip_whitespace();
        self.value()?;
        visitor.visit_unit()
    }

    forward_to_deserialize_any! { i128 u128 char bytes byte_buf }
}

/// A JSON number as the nearest binary float, as serde_json reads it; a number beyond the
/// float's range is an error, as there.
fn binary_float(text: &str) -> Result<f64, ReadError> {
    match text.parse::<f64>() {
        Ok(x) if x.is_finite() => Ok(x),
        _ => Err(ReadError::new(format!(
            "the number {} is too large for a binary float",
            shorten(text)
        ))),
    }
}

fn visit_text<'de, V: Visitor<'de>>(
    text: Cow<'de, str>,
    visitor: V,
) -> Result<V::Value, ReadError> {
    match text {
        Cow::Borrowed(s) => visitor.visit_borrowed_str(s),
        Cow::Owned(s) => visitor.visit_string(s),
    }
}

/// An array's items; an error inside item `i` gains `[i]`, with the item's id when it has one.
struct Items<'p, 'de> {
    parser: &'p mut Parser<'de>,
    index: usize,
    /// Whether the closing bracket has been read.
    done: bool,
}

impl<'de> SeqAccess<'de> for Items<'_, 'de> {
    type Error = ReadError;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, ReadError> {
        if self.done {
            return Ok(None);
        }
        let parser = &mut *self.parser;
        if !parser.next_entry(
            b']',
            self.index == 0,
            "expected `,` or `]` after an array item",
        )? {
            self.done = true;
            return Ok(None);
        }
        let index = self.index;
        self.index = self.index.saturating_add(1);
        let start = parser.pos();
        seed.deserialize(&mut *parser).map(Some).map_err(|e| {
            let item = parser.value_at(start);
            let id = item
                .as_ref()
                .and_then(|item| item.member("id").or_else(|| item.member("criterion")))
                .map(shorten);
            e.under(Segment::Index { index, id })
        })
    }
}

/// An object's members; an error inside a member gains its key.
struct Members<'p, 'de> {
    parser: &'p mut Parser<'de>,
    first: bool,
    /// Whether the closing brace has been read.
    done: bool,
    /// The key of the member being read.
    key: Cow<'de, str>,
}

impl<'de> MapAccess<'de> for Members<'_, 'de> {
    type Error = ReadError;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, ReadError> {
        if self.done {
            return Ok(None);
        }
        let parser = &mut *self.parser;
        if !parser.next_entry(
            b'}',
            self.first,
            "expected `,` or `}` after an object member",
        )? {
            self.done = true;
            return Ok(None);
        }
        self.first = false;
        if parser.peek() != Some(b'"') {
            return Err(parser.fail_found("expected a member name in double quotes"));
        }
        self.key = parser.string()?;
        parser.skip_whitespace();
        if parser.peek() != Some(b':') {
            return Err(parser.fail_found("expected `:` after the member name"));
        }
        parser.bump();
        let read = match &self.key {
            Cow::Borrowed(s) => seed.deserialize(BorrowedStrDeserializer::new(s)),
            Cow::Owned(s) => seed.deserialize(StrDeserializer::new(s)),
        };
        read.map(Some)
            .map_err(|e: ReadError| e.under(Segment::Key(shorten(&self.key))))
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, ReadError> {
        seed.deserialize(&mut *self.parser)
            .map_err(|e| e.under(Segment::Key(shorten(&self.key))))
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

/// An externally tagged enum value: `{"variant": value}`, read up to the value.
struct Variant<'p, 'de> {
    parser: &'p mut Parser<'de>,
    key: Cow<'de, str>,
}

impl<'p, 'de> EnumAccess<'de> for Variant<'p, 'de> {
    type Error = ReadError;
    type Variant = Variant<'p, 'de>;

    fn variant_seed<T: DeserializeSeed<'de>>(
        self,
        seed: T,
    ) -> Result<(T::Value, Variant<'p, 'de>), ReadError> {
        let tag = seed
            .deserialize(StrDeserializer::<ReadError>::new(&self.key))
            .map_err(|e: ReadError| e.under(Segment::Key(shorten(&self.key))))?;
        Ok((tag, self))
    }
}

impl<'de> VariantAccess<'de> for Variant<'_, 'de> {
    type Error = ReadError;

    fn unit_variant(self) -> Result<(), ReadError> {
        self.parser.skip_whitespace();
        if self.parser.peek() == Some(b'n') {
            return self.parser.keyword("null");
        }
        Err(ReadError::new(format!(
            "`{}` takes no value: write it as the string \"{}\"",
            shorten(&self.key),
            shorten(&self.key)
        )))
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value, ReadError> {
        seed.deserialize(&mut *self.parser)
            .map_err(|e| e.under(Segment::Key(shorten(&self.key))))
    }

    fn tuple_variant<V: Visitor<'de>>(
        self,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, ReadError> {
        de::Deserializer::deserialize_seq(&mut *self.parser, visitor)
            .map_err(|e| e.under(Segment::Key(shorten(&self.key))))
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, ReadError> {
        de::Deserializer::deserialize_map(&mut *self.parser, visitor)
            .map_err(|e| e.under(Segment::Key(shorten(&self.key))))
    }
}

#[cfg(test)]
mod tests {
    use serde::Deserialize;

    use crate::error::Error;

    #[derive(Debug, Deserialize, PartialEq)]
    #[serde(deny_unknown_fields)]
    struct Pair {
        a: (u8, u8),
    }

    #[test]
    fn an_array_with_more_items_than_a_tuple_takes_is_refused() {
        let read: Result<Pair, Error> = crate::json::from_str(r#"{"a": [1, 2, 3]}"#);
        let message = read.map_err(|e| e.to_string()).err().unwrap_or_default();
        assert!(
            message.contains("expected 2 items, found more"),
            "{message}"
        );
        let read: Result<Pair, Error> = crate::json::from_str(r#"{"a": [1, 2]}"#);
        assert_eq!(read.ok(), Some(Pair { a: (1, 2) }));
    }
}
