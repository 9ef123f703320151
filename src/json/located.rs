//! Places for errors inside internally tagged enums (`metric`, a gate's `rule`, a panel's
//! `aggregation`, a `tie_break` step).
//!
//! serde reads such an enum by buffering the object and deserialising the variant from the
//! buffer, so the reader's path tracking stops at the object: `criteria[1](P1).metric`. Each
//! field of those variants therefore reads through a function here that names its key on the
//! error, and the reader turns the names back into path segments:
//! `criteria[1](P1).metric.target`. The names travel in the error's text (the only thing serde
//! passes through its buffer), framed by NUL characters, which no message of the crate holds.

use rust_decimal::Decimal;
use serde::de::{self, Deserialize, Deserializer};

use super::read_error::Kind;
use crate::error::{JsonProblem, Segment};

const MARK: char = '\u{0}';

/// An error's kind, path and message as text that [`decode`] reads back.
pub(super) fn encode(kind: Kind, outermost_first: &[Segment], message: &str) -> String {
    let mut text = format!("{MARK}{}", kind.as_str());
    for segment in outermost_first {
        text.push(MARK);
        match segment {
            Segment::Key(key) => text.push_str(key),
            Segment::Index { index, .. } => text.push_str(&format!("#{index}")),
        }
    }
    text.push(MARK);
    text.push(MARK);
    text.push_str(message);
    text
}

/// Reads text made by [`encode`]; `None` for any other text.
pub(super) fn decode(text: &str) -> Option<(Kind, Vec<Segment>, String)> {
    let rest = text.strip_prefix(MARK)?;
    let end = rest.find("\u{0}\u{0}")?;
    let header = rest.get(..end)?;
    let message = rest.get(end.saturating_add(2)..)?.to_owned();
    let mut parts = header.split(MARK);
    let kind = Kind::parse(parts.next()?);
    let segments = parts
        .map(
            |part| match part.strip_prefix('#').and_then(|n| n.parse().ok()) {
                Some(index) => Segment::Index { index, id: None },
                None => Segment::Key(part.to_owned()),
            },
        )
        .collect();
    Some((kind, segments, message))
}

/// The error of reading the member `key` (or the item at `index`), placed under it.
fn under<E: de::Error>(segment: Segment, error: E) -> E {
    let text = error.to_string();
    let (kind, mut segments, message) =
        decode(&text).unwrap_or((Kind::Json(JsonProblem::InvalidValue), Vec::new(), text));
    segments.insert(0, segment);
    E::custom(encode(kind, &segments, &message))
}

fn under_key<E: de::Error>(key: &str, error: E) -> E {
    under(Segment::Key(key.to_owned()), error)
}

/// Reads an array member, placing each item's errors under `key` and the item's index.
pub(crate) fn list<'de, D: Deserializer<'de>, T: Deserialize<'de>>(
    key: &str,
    deserializer: D,
) -> Result<Vec<T>, D::Error> {
    struct Items<T>(std::marker::PhantomData<T>);

    impl<'de, T: Deserialize<'de>> de::Visitor<'de> for Items<T> {
        type Value = Vec<T>;

        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("an array")
        }

        fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<T>, A::Error> {
            let mut items = Vec::new();
            loop {
                let index = items.len();
                match seq.next_element::<T>() {
                    Ok(Some(item)) => items.push(item),
                    Ok(None) => return Ok(items),
                    Err(e) => return Err(under(Segment::Index { index, id: None }, e)),
                }
            }
        }
    }

    deserializer
        .deserialize_seq(Items(std::marker::PhantomData))
        .map_err(|e| under_key(key, e))
}

/// Reads a member of any type, placing its errors under `key`.
pub(crate) fn any<'de, D: Deserializer<'de>, T: Deserialize<'de>>(
    key: &str,
    deserializer: D,
) -> Result<T, D::Error> {
    T::deserialize(deserializer).map_err(|e| under_key(key, e))
}

/// Reads an exact decimal member, placing its errors under `key`.
pub(crate) fn decimal<'de, D: Deserializer<'de>>(
    key: &str,
    deserializer: D,
) -> Result<Decimal, D::Error> {
    crate::num::exact::deserialize(deserializer).map_err(|e| under_key(key, e))
}

/// Reads a whole-count member, placing its errors under `key`.
pub(crate) fn count<'de, D: Deserializer<'de>>(
    key: &str,
    deserializer: D,
) -> Result<u64, D::Error> {
    crate::num::exact::count::deserialize(deserializer).map_err(|e| under_key(key, e))
}

/// One module per member name of the tagged enums' variants, for `deserialize_with`.
macro_rules! members {
    ($($key:ident),* $(,)?) => {$(
        #[doc = concat!("Reads the member `", stringify!($key), "`.")]
        pub(crate) mod $key {
            use rust_decimal::Decimal;
            use serde::{Deserialize, Deserializer};

            #[allow(dead_code)]
            pub(crate) fn any<'de, D: Deserializer<'de>, T: Deserialize<'de>>(
                d: D,
            ) -> Result<T, D::Error> {
                super::any(stringify!($key), d)
            }

            #[allow(dead_code)]
            pub(crate) fn decimal<'de, D: Deserializer<'de>>(d: D) -> Result<Decimal, D::Error> {
                super::decimal(stringify!($key), d)
            }

            #[allow(dead_code)]
            pub(crate) fn count<'de, D: Deserializer<'de>>(d: D) -> Result<u64, D::Error> {
                super::count(stringify!($key), d)
            }

            #[allow(dead_code)]
            pub(crate) fn objects<'de, D: Deserializer<'de>, T: Deserialize<'de>>(
                d: D,
            ) -> Result<Vec<T>, D::Error> {
                super::list(stringify!($key), d).map(crate::json::Object::unwrap_all)
            }

            #[allow(dead_code)]
            pub(crate) fn list<'de, D: Deserializer<'de>, T: Deserialize<'de>>(
                d: D,
            ) -> Result<Vec<T>, D::Error> {
                super::list(stringify!($key), d)
            }
        }
    )*};
}

members!(
    min, max, step, direction, levels, target, curve, categories, measure, criterion, threshold,
    trim, value,
);
