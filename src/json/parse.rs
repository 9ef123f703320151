//! The JSON lexer, and JSON text to a borrowed tree (for errors) whose numbers keep their text.

use std::borrow::Cow;

use super::read_error::ReadError;
use crate::error::JsonProblem;
use crate::error::Segment;

/// The deepest nesting of arrays and objects a document may have.
pub const MAX_DEPTH: usize = 128;

/// A parsed JSON value, for wording errors. Numbers are kept as their text, strings borrow
/// from the input unless they hold escapes, object members keep their order, and an array is
/// checked but not kept.
#[derive(Debug)]
pub(crate) enum Value<'a> {
    Null,
    Bool(bool),
    Number(&'a str),
    String(Cow<'a, str>),
    Array,
    Object(Vec<(Cow<'a, str>, Value<'a>)>),
}

impl<'a> Value<'a> {
    /// The string member `key` of an object.
    pub(crate) fn member(&self, key: &str) -> Option<&str> {
        let Value::Object(members) = self else {
            return None;
        };
        members.iter().find_map(|(k, v)| match v {
            Value::String(s) if k == key => Some(s.as_ref()),
            _ => None,
        })
    }
}

/// Parses a whole document: one value, surrounded by nothing but whitespace.
///
/// The reader streams documents through [`Parser`] without building this tree; it parses the
/// tree only when reading fails, so that a document with a syntax error anywhere is reported
/// as that syntax error, with its line and column, whatever the reader stumbled on first.
pub(crate) fn document(text: &str) -> Result<Value<'_>, ReadError> {
    let mut parser = Parser::new(text);
    if text.starts_with('\u{feff}') {
        return Err(parser.fail(
            "the document starts with a byte-order mark (U+FEFF); save it as UTF-8 without one",
        ));
    }
    parser.skip_whitespace();
    if parser.peek().is_none() {
        return Err(parser.fail("the document is empty: expected a JSON value"));
    }
    let value = parser.value()?;
    parser.end()?;
    Ok(value)
}

/// The lexer both the tree builder and the streaming reader read JSON text through.
pub(super) struct Parser<'a> {
    text: &'a str,
    bytes: &'a [u8],
    pos: usize,
    depth: usize,
    /// Whether a number that is not a plain integer is handed to `deserialize_any` as its text
    /// (inside a value the crate reads exactly) rather than as an `f64` (as serde_json does).
    pub(super) exact: bool,
    /// Whether the document is one the crate writes, whose decimals are strings only.
    pub(super) written: bool,
}

impl<'a> Parser<'a> {
    pub(super) fn new(text: &'a str) -> Parser<'a> {
        Parser {
            text,
            bytes: text.as_bytes(),
            pos: 0,
            depth: 0,
            exact: false,
            written: false,
        }
    }

    pub(super) fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    pub(super) fn bump(&mut self) {
        self.pos = self.pos.saturating_add(1);
    }

    /// The byte offset reached.
    pub(super) fn pos(&self) -> usize {
        self.pos
    }

    /// Checks that nothing but whitespace follows.
    pub(super) fn end(&mut self) -> Result<(), ReadError> {
        self.skip_whitespace();
        match self.peek() {
            None => Ok(()),
            Some(_) => Err(self.fail_found("unexpected text after the end of the document")),
        }
    }

    /// Steps into an array or object (past its opening bracket), refusing to go deeper than
    /// [`MAX_DEPTH`].
    pub(super) fn enter(&mut self) -> Result<(), ReadError> {
        if self.depth >= MAX_DEPTH {
            return Err(self
                .fail(&format!(
                    "the document nests arrays and objects deeper than {MAX_DEPTH} levels"
                ))
                .with_problem(JsonProblem::TooDeep));
        }
        self.depth = self.depth.saturating_add(1);
        self.bump();
        Ok(())
    }

    /// Steps out of an array or object (past its closing bracket).
    pub(super) fn leave(&mut self) {
        self.depth = self.depth.saturating_sub(1);
        self.bump();
    }

    /// The value starting at byte `start`, parsed into a tree on the side (for an error's
    /// wording); `None` if it does not parse.
    pub(super) fn value_at(&self, start: usize) -> Option<Value<'a>> {
        let mut side = Parser {
            text: self.text,
            bytes: self.bytes,
            pos: start,
            depth: self.depth,
            exact: self.exact,
            written: self.written,
        };
        side.value().ok()
    }

    pub(super) fn skip_whitespace(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\n' | b'\r' | b'\t')) {
            self.bump();
        }
    }

    /// Parses the value here into a tree.
    pub(super) fn value(&mut self) -> Result<Value<'a>, ReadError> {
        match self.peek() {
            Some(b'{') => self.object(),
            Some(b'[') => self.array(),
            Some(b'"') => self.string().map(Value::String),
            Some(b't') => self.keyword("true").map(|()| Value::Bool(true)),
            Some(b'f') => self.keyword("false").map(|()| Value::Bool(false)),
            Some(b'n') => self.keyword("null").map(|()| Value::Null),
            Some(b'-' | b'0'..=b'9') => self.number().map(Value::Number),
            _ => Err(self.no_value()),
        }
    }

    /// The error for a place where a value should start and none does.
    pub(super) fn no_value(&self) -> ReadError {
        match self.peek() {
            None => self.fail("the document ends where a value was expected"),
            Some(_) => self.fail_found(
                "expected a value (an object, array, string, number, true, false or null)",
            ),
        }
    }

    fn object(&mut self) -> Result<Value<'a>, ReadError> {
        self.enter()?;
        let mut members = Vec::new();
        self.skip_whitespace();
        if self.peek() == Some(b'}') {
            self.leave();
            return Ok(Value::Object(members));
        }
        loop {
            if self.peek() != Some(b'"') {
                return Err(self.fail_found("expected a member name in double quotes"));
            }
            let key = self.string()?;
            self.skip_whitespace();
            if self.peek() != Some(b':') {
                return Err(self
                    .fail_found("expected `:` after the member name")
                    .under(Segment::Key(key.into_owned())));
            }
            self.bump();
            self.skip_whitespace();
            let value = match self.value() {
                Ok(value) => value,
                Err(e) => return Err(e.under(Segment::Key(key.into_owned()))),
            };
            members.push((key, value));
            self.skip_whitespace();
            match self.peek() {
                Some(b',') => {
                    self.bump();
                    self.skip_whitespace();
                }
                Some(b'}') => {
                    self.leave();
                    return Ok(Value::Object(members));
                }
                _ => return Err(self.fail_found("expected `,` or `}` after an object member")),
            }
        }
    }

    fn array(&mut self) -> Result<Value<'a>, ReadError> {
        self.enter()?;
        self.skip_whitespace();
        if self.peek() == Some(b']') {
            self.leave();
            return Ok(Value::Array);
        }
        let mut index = 0_usize;
        loop {
            if let Err(e) = self.value() {
                return Err(e.under(Segment::Index { index, id: None }));
            }
            index = index.saturating_add(1);
            self.skip_whitespace();
            match self.peek() {
                Some(b',') => {
                    self.bump();
                    self.skip_whitespace();
                }
                Some(b']') => {
                    self.leave();
                    return Ok(Value::Array);
                }
                _ => return Err(self.fail_found("expected `,` or `]` after an array item")),
            }
        }
    }

    /// `true`, `false` or `null`.
    pub(super) fn keyword(&mut self, word: &str) -> Result<(), ReadError> {
        let end = self.pos.saturating_add(word.len());
        if self.bytes.get(self.pos..end) == Some(word.as_bytes()) {
            self.pos = end;
            Ok(())
        } else {
            Err(self.fail_found(
                "expected a value (an object, array, string, number, true, false or null)",
            ))
        }
    }

    /// A number as written, checked against the JSON grammar.
    pub(super) fn number(&mut self) -> Result<&'a str, ReadError> {
        let start = self.pos;
        if self.peek() == Some(b'-') {
            self.bump();
        }
        match self.peek() {
            Some(b'0') => {
                self.bump();
                if self.peek().is_some_and(|b| b.is_ascii_digit()) {
                    return Err(self.fail("a number may not start with 0 followed by digits"));
                }
            }
            Some(b'1'..=b'9') => self.digits(),
            _ => return Err(self.fail_found("expected a digit in a number")),
        }
        if self.peek() == Some(b'.') {
            self.bump();
            if !self.peek().is_some_and(|b| b.is_ascii_digit()) {
                return Err(self.fail_found("expected a digit after the decimal point"));
            }
            self.digits();
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.bump();
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.bump();
            }
            if !self.peek().is_some_and(|b| b.is_ascii_digit()) {
                return Err(self.fail_found("expected a digit in the exponent"));
            }
            self.digits();
        }
        Ok(self.text.get(start..self.pos).unwrap_or_default())
    }

    fn digits(&mut self) {
        while self.peek().is_some_and(|b| b.is_ascii_digit()) {
            self.bump();
        }
    }

    /// A string, borrowed when it has no escapes.
    pub(super) fn string(&mut self) -> Result<Cow<'a, str>, ReadError> {
        self.bump();
        let start = self.pos;
        self.skip_plain_text();
        loop {
            match self.peek() {
                Some(b'"') => {
                    let text = self.text.get(start..self.pos).unwrap_or_default();
                    self.bump();
                    return Ok(Cow::Borrowed(text));
                }
                Some(b'\\') => break,
                Some(0..=0x1f) => return Err(self.control_character()),
                Some(_) => self.bump(),
                None => return Err(self.fail("the document ends inside a string")),
            }
        }
        let mut owned = String::from(self.text.get(start..self.pos).unwrap_or_default());
        loop {
            let run = self.pos;
            while self
                .peek()
                .is_some_and(|b| b != b'"' && b != b'\\' && b >= 0x20)
            {
                self.bump();
            }
            owned.push_str(self.text.get(run..self.pos).unwrap_or_default());
            match self.peek() {
                Some(b'"') => {
                    self.bump();
                    return Ok(Cow::Owned(owned));
                }
                Some(b'\\') => {
                    self.bump();
                    owned.push(self.escape()?);
                }
                Some(_) => return Err(self.control_character()),
                None => return Err(self.fail("the document ends inside a string")),
            }
        }
    }

    /// Skips, eight bytes at a time, text that holds no quote, backslash or control
    /// character, stopping at the first that does (or within the last eight bytes of the text).
    fn skip_plain_text(&mut self) {
        const ONES: u64 = 0x0101_0101_0101_0101;
        const HIGHS: u64 = 0x8080_8080_8080_8080;
        // A lane of `word` is below `n` (n <= 0x80): the classic test, whose false alarms fall
        // only in lanes after a true one, so a clear result is always right.
        let below = |word: u64, n: u64| word.wrapping_sub(ONES.wrapping_mul(n)) & !word & HIGHS;
        while let Some(chunk) = self
            .bytes
            .get(self.pos..self.pos.saturating_add(8))
            .and_then(|chunk| <[u8; 8]>::try_from(chunk).ok())
        {
            let word = u64::from_le_bytes(chunk);
            let special = below(word ^ ONES.wrapping_mul(u64::from(b'"')), 1)
                | below(word ^ ONES.wrapping_mul(u64::from(b'\\')), 1)
                | below(word, 0x20);
            if special != 0 {
                // The lowest flagged lane is a true one: step to it.
                let lane = special.trailing_zeros() / 8;
                self.pos = self.pos.saturating_add(lane as usize);
                return;
            }
            self.pos = self.pos.saturating_add(8);
        }
    }

    fn control_character(&self) -> ReadError {
        self.fail(&format!(
            "control character U+{:04X} inside a string (write it as an escape such as \\n)",
            self.peek().unwrap_or_default()
        ))
    }

    /// The character of an escape, after its backslash.
    fn escape(&mut self) -> Result<char, ReadError> {
        let simple = match self.peek() {
            Some(b'"') => '"',
            Some(b'\\') => '\\',
            Some(b'/') => '/',
            Some(b'b') => '\u{8}',
            Some(b'f') => '\u{c}',
            Some(b'n') => '\n',
            Some(b'r') => '\r',
            Some(b't') => '\t',
            Some(b'u') => {
                self.bump();
                return self.unicode_escape();
            }
            None => return Err(self.fail("the document ends inside a string")),
            Some(_) => return Err(self.fail_found("unknown escape in a string")),
        };
        self.bump();
        Ok(simple)
    }

    /// A `\uXXXX` escape (after the `u`), joining a surrogate pair.
    fn unicode_escape(&mut self) -> Result<char, ReadError> {
        let first = self.hex4()?;
        let code = match first {
            0xD800..=0xDBFF => {
                let pair = self.bytes.get(self.pos..self.pos.saturating_add(2));
                if pair != Some(b"\\u".as_slice()) {
                    return Err(self.lone_surrogate(first));
                }
                self.pos = self.pos.saturating_add(2);
                let second = self.hex4()?;
                if !(0xDC00..=0xDFFF).contains(&second) {
                    return Err(self.lone_surrogate(first));
                }
                // Both halves are range-checked above, so this stays below 0x110000.
                0x10000u32
                    .wrapping_add(first.wrapping_sub(0xD800).wrapping_shl(10))
                    .wrapping_add(second.wrapping_sub(0xDC00))
            }
            0xDC00..=0xDFFF => return Err(self.lone_surrogate(first)),
            other => other,
        };
        char::from_u32(code).ok_or_else(|| self.lone_surrogate(first))
    }

    fn lone_surrogate(&self, code: u32) -> ReadError {
        self.fail(&format!(
            "the escape \\u{code:04X} is half of a surrogate pair without its other half, \
             so the string is not valid Unicode"
        ))
    }

    fn hex4(&mut self) -> Result<u32, ReadError> {
        let mut code = 0u32;
        for _ in 0..4 {
            let digit = self
                .peek()
                .and_then(|b| char::from(b).to_digit(16))
                .ok_or_else(|| self.fail_found("expected four hex digits after \\u"))?;
            code = code.wrapping_shl(4) | digit;
            self.bump();
        }
        Ok(code)
    }

    /// An error at the current position.
    pub(super) fn fail(&self, message: &str) -> ReadError {
        let before = self.bytes.get(..self.pos).unwrap_or(self.bytes);
        let line = before
            .iter()
            .filter(|b| **b == b'\n')
            .count()
            .saturating_add(1);
        let line_start = before
            .iter()
            .rposition(|b| *b == b'\n')
            .map_or(0, |at| at.saturating_add(1));
        let column = self
            .text
            .get(line_start..self.pos)
            .map_or(0, |s| s.chars().count())
            .saturating_add(1);
        ReadError::of(
            JsonProblem::Syntax,
            format!("{message} (line {line}, column {column})"),
        )
    }

    /// An error at the current position that quotes the character found there.
    pub(super) fn fail_found(&self, message: &str) -> ReadError {
        let found = match self
            .text
            .get(self.pos..)
            .and_then(|rest| rest.chars().next())
        {
            None => "the end of the document".to_owned(),
            Some(c) => format!("`{}`", c.escape_debug()),
        };
        self.fail(&format!("{message}, found {found}"))
    }
}

#[cfg(test)]
mod tests {
    use super::Parser;

    /// The eight-byte skip stops for a quote, backslash or control character at any offset.
    #[test]
    fn strings_end_escape_and_refuse_control_characters_at_every_offset() {
        for at in 0..20 {
            let plain = "é".repeat(at / 2) + &"a".repeat(at % 2);
            let quoted = format!("\"{plain}\" tail");
            let mut parser = Parser::new(&quoted);
            assert_eq!(parser.string().ok().as_deref(), Some(plain.as_str()));
            assert_eq!(parser.pos(), plain.len() + 2);

            let escaped = format!("\"{plain}\\n{plain}\"");
            let mut parser = Parser::new(&escaped);
            let expected = format!("{plain}\n{plain}");
            assert_eq!(parser.string().ok().as_deref(), Some(expected.as_str()));

            for control in ['\u{0}', '\u{1f}'] {
                let raw = format!("\"{plain}{control}{plain}\"");
                assert!(Parser::new(&raw).string().is_err(), "{raw:?}");
            }
            let unterminated = format!("\"{plain}");
            assert!(Parser::new(&unterminated).string().is_err());
        }
    }
}
