//! Every shape mistake of a document at once.
//!
//! serde stops at the first mistake. To find the next, the document is read as a plain tree
//! (numbers keep their text), the mistake is set aside (an unknown member removed, a misspelt
//! tag or key given its nearest valid name, a wrong value or a missing member given a stand-in
//! that reads), and the document is read again, until it reads or no stand-in gets past the
//! mistake. Only the mistakes are reported: what the stand-ins make of the document is never
//! seen by the caller.

use std::fmt;

use serde::de::{self, DeserializeOwned, MapAccess, SeqAccess, Visitor};

use crate::error::{Error, JsonProblem, Segment};
use crate::num::exact::{EXACT_TOKEN, NUMBER_TOKEN};

/// The most mistakes reported for one document.
pub const MAX_ERRORS: usize = 100;

/// The most bytes read again in search of further mistakes (a few dozen readings of a large
/// panel), so that a large document costs at most a bounded multiple of one reading.
const MAX_BYTES_REREAD: usize = 256 * 1024 * 1024;

/// A JSON value with its numbers as written.
#[derive(Clone, Debug, PartialEq)]
enum Tree {
    Null,
    Bool(bool),
    Number(String),
    String(String),
    Array(Vec<Tree>),
    Object(Vec<(String, Tree)>),
}

impl<'de> de::Deserialize<'de> for Tree {
    fn deserialize<D: de::Deserializer<'de>>(deserializer: D) -> Result<Tree, D::Error> {
        deserializer.deserialize_newtype_struct(EXACT_TOKEN, TreeVisitor)
    }
}

struct TreeVisitor;

impl<'de> Visitor<'de> for TreeVisitor {
    type Value = Tree;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_newtype_struct<D: de::Deserializer<'de>>(self, d: D) -> Result<Tree, D::Error> {
        d.deserialize_any(TreeVisitor)
    }

    fn visit_unit<E: de::Error>(self) -> Result<Tree, E> {
        Ok(Tree::Null)
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Tree, E> {
        Ok(Tree::Bool(v))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Tree, E> {
        Ok(Tree::Number(v.to_string()))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Tree, E> {
        Ok(Tree::Number(v.to_string()))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Tree, E> {
        Ok(Tree::Number(v.to_string()))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Tree, E> {
        Ok(Tree::String(v.to_owned()))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Tree, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element::<Tree>()? {
            items.push(item);
        }
        Ok(Tree::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Tree, A::Error> {
        let mut members = Vec::new();
        while let Some(key) = map.next_key::<String>()? {
            if key == NUMBER_TOKEN && members.is_empty() {
                return Ok(Tree::Number(map.next_value::<String>()?));
            }
            members.push((key, map.next_value::<Tree>()?));
        }
        Ok(Tree::Object(members))
    }
}

impl Tree {
    fn write(&self, out: &mut String) {
        match self {
            Tree::Null => out.push_str("null"),
            Tree::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            Tree::Number(n) => out.push_str(n),
            Tree::String(s) => string(s, out),
            Tree::Array(items) => {
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    item.write(out);
                }
                out.push(']');
            }
            Tree::Object(members) => {
                out.push('{');
                for (i, (key, value)) in members.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    string(key, out);
                    out.push(':');
                    value.write(out);
                }
                out.push('}');
            }
        }
    }

    fn text(&self) -> String {
        let mut out = String::new();
        self.write(&mut out);
        out
    }

    /// The value at `path`.
    fn at_mut(&mut self, path: &[Segment]) -> Option<&mut Tree> {
        let Some((first, rest)) = path.split_first() else {
            return Some(self);
        };
        let next = match (self, first) {
            (Tree::Object(members), Segment::Key(key)) => {
                members.iter_mut().find(|(k, _)| k == key).map(|(_, v)| v)
            }
            (Tree::Array(items), Segment::Index { index, .. }) => items.get_mut(*index),
            _ => None,
        }?;
        next.at_mut(rest)
    }
}

fn string(text: &str, out: &mut String) {
    match serde_json::to_string(text) {
        Ok(quoted) => out.push_str(&quoted),
        Err(_) => out.push_str("\"\""),
    }
}

/// One way to set a mistake aside.
enum Patch {
    /// Remove the member at the path.
    Remove,
    /// Put this value at the path (adding the member if it is missing).
    Set(Tree),
    /// Rename the path's last key, or the only key of the object at the path.
    Rename(String),
    /// Drop the later of two members of one name from the object at the path.
    DropRepeat,
}

/// The ways to set `error` aside, most likely first.
fn patches(error: &Error) -> Vec<Patch> {
    let detail = error.detail();
    if detail.code == "duplicate_key" {
        return vec![Patch::DropRepeat];
    }
    let mut out = Vec::new();
    // A misspelt member is most likely the one suggested: renamed, it sets aside the mistake
    // and the "missing" one its absence would bring; failing that, it is dropped.
    if detail.code == "unknown_field" {
        out.extend(
            detail
                .suggestions
                .iter()
                .map(|name| Patch::Rename(name.clone())),
        );
        out.push(Patch::Remove);
    }
    for name in detail
        .suggestions
        .iter()
        .chain(detail.allowed.iter())
        .take(8)
    {
        out.push(Patch::Set(Tree::String(name.clone())));
        out.push(Patch::Rename(name.clone()));
    }
    out.extend(
        [
            Tree::Bool(false),
            Tree::Number("0".to_owned()),
            Tree::Number("1".to_owned()),
            Tree::String(String::new()),
            Tree::String("x".to_owned()),
            Tree::Object(Vec::new()),
            Tree::Array(Vec::new()),
            Tree::Null,
        ]
        .into_iter()
        .map(Patch::Set),
    );
    if detail.code != "unknown_field" {
        out.push(Patch::Remove);
    }
    out
}

/// The document with `patch` applied where `error` points, and the place it touched; `None`
/// when it does not apply.
fn patched(tree: &Tree, error: &Error, patch: &Patch) -> Option<(Tree, Vec<Segment>)> {
    let segments = error
        .path()
        .map(|p| p.segments().to_vec())
        .unwrap_or_default();
    let missing = matches!(
        error,
        Error::Json {
            problem: JsonProblem::MissingField,
            ..
        }
    );
    let mut tree = tree.clone();
    if let Patch::DropRepeat = patch {
        let name = quoted(error)?;
        let Some(Tree::Object(members)) = tree.at_mut(&segments) else {
            return None;
        };
        let repeat = members.iter().rposition(|(k, _)| *k == name)?;
        if members.iter().filter(|(k, _)| *k == name).count() < 2 {
            return None;
        }
        members.remove(repeat);
        let mut place = segments;
        place.push(Segment::Key(name));
        return Some((tree, place));
    }
    // A missing member is reported at its object; its name is the message's first quoted word.
    let (parent, key): (Vec<Segment>, Option<String>) = if missing {
        (segments, quoted(error))
    } else {
        match segments.split_last() {
            Some((Segment::Key(key), parent)) => (parent.to_vec(), Some(key.clone())),
            _ => {
                let value = tree.at_mut(&segments)?;
                match patch {
                    Patch::Set(stand_in) => *value = stand_in.clone(),
                    Patch::Rename(name) => match value {
                        Tree::Object(members) if members.len() == 1 => {
                            if let Some((k, _)) = members.first_mut() {
                                *k = name.clone();
                            }
                        }
                        _ => return None,
                    },
                    Patch::Remove | Patch::DropRepeat => return None,
                }
                return Some((tree, segments));
            }
        }
    };
    let key = key?;
    let mut place = parent.clone();
    let Some(Tree::Object(members)) = tree.at_mut(&parent) else {
        return None;
    };
    let at = members.iter().position(|(k, _)| *k == key);
    match (patch, at) {
        (Patch::Remove, Some(i)) => {
            members.remove(i);
        }
        (Patch::Set(stand_in), Some(i)) => {
            let (_, value) = members.get_mut(i)?;
            *value = stand_in.clone();
        }
        (Patch::Set(stand_in), None) => members.push((key.clone(), stand_in.clone())),
        (Patch::Rename(name), Some(i)) => {
            if members.iter().any(|(k, _)| k == name) {
                return None;
            }
            let value = members.get_mut(i)?;
            match &mut value.1 {
                Tree::Object(inner) if inner.len() == 1 && !missing => {
                    if let Some((k, _)) = inner.first_mut() {
                        *k = name.clone();
                    }
                }
                _ => value.0 = name.clone(),
            }
            place.push(Segment::Key(name.clone()));
            return Some((tree, place));
        }
        _ => return None,
    }
    place.push(Segment::Key(key));
    Some((tree, place))
}

/// The member a missing or repeated member's error names: its message's first quoted word.
fn quoted(error: &Error) -> Option<String> {
    error.to_string().split('`').nth(1).map(str::to_owned)
}

/// Whether the reading has got past `error`, set aside at `patched` (the member or value the
/// patch touched): it reads, or stops at another mistake, neither the same nor inside what the
/// patch put in (a stand-in's own mistakes are not the caller's).
fn past(error: &Error, patched: &[Segment], next: &Result<(), Error>) -> bool {
    let Err(next) = next else {
        return true;
    };
    let at: &[Segment] = next.path().map(|p| p.segments()).unwrap_or_default();
    let same = next.path() == error.path() && next.code() == error.code();
    let inside = at.len() >= patched.len() && at.iter().zip(patched).all(|(a, b)| same_place(a, b));
    !same && !inside
}

fn same_place(a: &Segment, b: &Segment) -> bool {
    match (a, b) {
        (Segment::Key(a), Segment::Key(b)) => a == b,
        (Segment::Index { index: a, .. }, Segment::Index { index: b, .. }) => a == b,
        _ => false,
    }
}

/// Reads `text` as a `T`; on failure, every shape mistake found (at most [`MAX_ERRORS`]),
/// the first of them the one [`super::read`] reports.
pub(crate) fn read_all<T: DeserializeOwned>(text: &str, written: bool) -> Result<T, Vec<Error>> {
    let recovered = recover(text, written);
    match recovered.value {
        Some(value) if recovered.errors.is_empty() => Ok(value),
        _ => Err(recovered.errors),
    }
}

/// What reading a document found: its shape mistakes, and the document as read with each
/// mistake set aside (when that reads), with the places set aside, so that a caller can check
/// the rest of it without reporting what the stand-ins make of it.
pub(crate) struct Recovered<T> {
    pub(crate) errors: Vec<Error>,
    pub(crate) value: Option<T>,
    pub(crate) patched: Vec<Vec<Segment>>,
}

impl<T> Recovered<T> {
    /// Whether `error` lies inside a place set aside.
    pub(crate) fn set_aside(&self, error: &Error) -> bool {
        let at: &[Segment] = error.path().map(|p| p.segments()).unwrap_or_default();
        self.patched.iter().any(|place| {
            at.len() >= place.len() && at.iter().zip(place).all(|(a, b)| same_place(a, b))
        })
    }
}

/// Reads `text` as a `T`, setting aside one shape mistake after another.
pub(crate) fn recover<T: DeserializeOwned>(text: &str, written: bool) -> Recovered<T> {
    let first = match super::read::<T>(text, written) {
        Ok(value) => {
            return Recovered {
                errors: Vec::new(),
                value: Some(value),
                patched: Vec::new(),
            };
        }
        Err(error) => error,
    };
    let settled = matches!(
        first,
        Error::Json {
            problem: JsonProblem::Syntax | JsonProblem::NotUtf8 | JsonProblem::TooDeep,
            ..
        }
    );
    let mut recovered = Recovered {
        errors: vec![first],
        value: None,
        patched: Vec::new(),
    };
    let Some(mut tree) = (!settled)
        .then(|| super::read::<Tree>(text, false).ok())
        .flatten()
    else {
        return recovered;
    };
    let mut budget = MAX_BYTES_REREAD;
    while recovered.errors.len() < MAX_ERRORS {
        let Some(error) = recovered.errors.last() else {
            break;
        };
        let mut next = None;
        for patch in patches(error) {
            let Some((candidate, place)) = patched(&tree, error, &patch) else {
                continue;
            };
            let candidate_text = candidate.text();
            let Some(left) = budget.checked_sub(candidate_text.len()) else {
                return recovered;
            };
            budget = left;
            let read = super::read::<T>(&candidate_text, written);
            let outcome = read.as_ref().map(drop).map_err(Clone::clone);
            if past(error, &place, &outcome) {
                next = Some((candidate, place, read));
                break;
            }
        }
        let Some((candidate, place, read)) = next else {
            break;
        };
        tree = candidate;
        recovered.patched.push(place);
        match read {
            Ok(value) => {
                recovered.value = Some(value);
                break;
            }
            Err(e)
                if recovered
                    .errors
                    .iter()
                    .any(|seen| seen.path() == e.path() && seen.code() == e.code()) =>
            {
                break;
            }
            Err(e) => recovered.errors.push(e),
        }
    }
    recovered
}
