//! Exact decimal numbers: checked arithmetic, the exact JSON reader, and declared rounding.

pub(crate) mod exactness;
pub(crate) mod ratio;
mod remainder;
mod stats;

use std::fmt;
use std::str::FromStr;

use rust_decimal::{Decimal, RoundingStrategy};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::error::{Error, Path};

pub(crate) use remainder::largest_remainder;
pub use stats::{MEAN_DECIMAL_PLACES, Spread};
pub(crate) use stats::{Spreads, mean, quantile, sample_sd, undefined};

/// The largest number of decimal places a rubric may publish.
pub const MAX_DECIMAL_PLACES: u32 = 10;

/// How published scores are rounded: decimal places and mode.
///
/// Scores are computed exactly (up to 28 significant digits) and rounded once, where they are
/// published. A published score always prints with exactly `dp` decimal places, so two machines
/// print the same text: with `dp = 2`, 7.5 prints as `7.50`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Rounding {
    /// Decimal places of published scores, from 0 to 10.
    #[schemars(range(max = 10))]
    pub dp: u32,
    /// How a value between two publishable values is rounded.
    #[serde(default)]
    pub mode: RoundingMode,
}

impl Default for Rounding {
    fn default() -> Rounding {
        Rounding {
            dp: 2,
            mode: RoundingMode::HalfEven,
        }
    }
}

impl Rounding {
    /// Rounds `value` as declared and pads it to exactly `dp` decimal places.
    ///
    /// ```
    /// use igf_rubric::{Rounding, RoundingMode};
    /// use rust_decimal::Decimal;
    ///
    /// let half_even = Rounding { dp: 2, mode: RoundingMode::HalfEven };
    /// assert_eq!(half_even.apply("2.345".parse()?)?.to_string(), "2.34");
    /// assert_eq!(half_even.apply("2.355".parse()?)?.to_string(), "2.36");
    /// assert_eq!(half_even.apply(Decimal::from(7))?.to_string(), "7.00");
    /// let half_up = Rounding { dp: 2, mode: RoundingMode::HalfUp };
    /// assert_eq!(half_up.apply("2.345".parse()?)?.to_string(), "2.35");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::Overflow`] when padding would need more than 28 significant digits, which a
    /// validated rubric's scale never does.
    pub fn apply(self, value: Decimal) -> Result<Decimal, Error> {
        let mut rounded = value.round_dp_with_strategy(self.dp, self.mode.strategy());
        rounded.rescale(self.dp);
        if rounded.scale() == self.dp {
            Ok(rounded)
        } else {
            Err(Error::Overflow {
                path: Path::root(),
                operation: "padding a published score",
            })
        }
    }

    pub(crate) fn validate(self, at: &Path) -> Result<Rounding, Error> {
        if self.dp > MAX_DECIMAL_PLACES {
            return Err(Error::OutOfRange {
                path: at.key("dp"),
                value: Decimal::from(self.dp),
                min: Decimal::ZERO,
                max: Decimal::from(MAX_DECIMAL_PLACES),
            });
        }
        Ok(self)
    }
}

/// How a value is rounded to the published decimal places.
///
/// Examples are for two decimal places.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum RoundingMode {
    /// Nearest; a tie goes to the even neighbour (banker's rounding): 2.345 -> 2.34,
    /// 2.355 -> 2.36. Unbiased over many scores, hence the default.
    #[default]
    HalfEven,
    /// Nearest; a tie goes away from zero: 2.345 -> 2.35, -2.345 -> -2.35.
    HalfUp,
    /// Nearest; a tie goes toward zero: 2.345 -> 2.34.
    HalfDown,
    /// Away from zero: 2.341 -> 2.35.
    Up,
    /// Toward zero (truncation): 2.349 -> 2.34.
    Down,
    /// Toward positive infinity: 2.341 -> 2.35, -2.349 -> -2.34.
    Ceiling,
    /// Toward negative infinity: 2.349 -> 2.34, -2.341 -> -2.35.
    Floor,
}

crate::label::labels!(RoundingMode, "rounding mode" {
    HalfEven => "half_even", "Half even";
    HalfUp => "half_up", "Half up";
    HalfDown => "half_down", "Half down";
    Up => "up", "Up";
    Down => "down", "Down";
    Ceiling => "ceiling", "Ceiling";
    Floor => "floor", "Floor";
});

impl RoundingMode {
    fn strategy(self) -> RoundingStrategy {
        match self {
            RoundingMode::HalfEven => RoundingStrategy::MidpointNearestEven,
            RoundingMode::HalfUp => RoundingStrategy::MidpointAwayFromZero,
            RoundingMode::HalfDown => RoundingStrategy::MidpointTowardZero,
            RoundingMode::Up => RoundingStrategy::AwayFromZero,
            RoundingMode::Down => RoundingStrategy::ToZero,
            RoundingMode::Ceiling => RoundingStrategy::ToPositiveInfinity,
            RoundingMode::Floor => RoundingStrategy::ToNegativeInfinity,
        }
    }
}

/// A score as computed and as published.
///
/// `exact` is the value as carried: a criterion's points and an assessment's total at 22
/// decimal places (so points add up to the total exactly), a panel's means at 20. `published`
/// is rounded once, as the rubric declares, with exactly the declared decimal places. For an
/// assessment's total it is rounded from the mathematically exact total (computed with big
/// integer fractions when the carried digits sit too close to a rounding boundary to decide), so it can
/// differ from rounding `exact` again: weights `0.5001499999999999999999999999` and
/// `0.4998500000000000000000000001` on a yes and a no give `exact` 50.015 and `published`
/// 50.01, since the exact total is 50.01499999.... Both serialise as JSON strings.
///
/// Scores order by `exact`, then `published`.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(deny_unknown_fields)]
pub struct Score {
    /// The unrounded value.
    #[serde(with = "exact")]
    #[schemars(with = "crate::kinds::Decimal")]
    pub exact: Decimal,
    /// The value rounded and padded to the rubric's decimal places.
    #[serde(with = "exact")]
    #[schemars(with = "crate::kinds::Decimal")]
    pub published: Decimal,
}

impl Score {
    pub(crate) fn new(exact: Decimal, rounding: Rounding) -> Result<Score, Error> {
        Ok(Score {
            exact: exact.normalize(),
            published: rounding.apply(exact)?,
        })
    }
}

impl fmt::Display for Score {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.published, f)
    }
}

fn overflow(operation: &'static str) -> Error {
    Error::Overflow {
        path: Path::root(),
        operation,
    }
}

pub(crate) fn add(a: Decimal, b: Decimal, operation: &'static str) -> Result<Decimal, Error> {
    a.checked_add(b).ok_or_else(|| overflow(operation))
}

pub(crate) fn sub(a: Decimal, b: Decimal, operation: &'static str) -> Result<Decimal, Error> {
    a.checked_sub(b).ok_or_else(|| overflow(operation))
}

pub(crate) fn mul(a: Decimal, b: Decimal, operation: &'static str) -> Result<Decimal, Error> {
    a.checked_mul(b).ok_or_else(|| overflow(operation))
}

/// Division; a zero divisor is reported as overflow (callers check for zero first).
pub(crate) fn div(a: Decimal, b: Decimal, operation: &'static str) -> Result<Decimal, Error> {
    a.checked_div(b).ok_or_else(|| overflow(operation))
}

pub(crate) fn sum(
    values: impl IntoIterator<Item = Decimal>,
    operation: &'static str,
) -> Result<Decimal, Error> {
    values
        .into_iter()
        .try_fold(Decimal::ZERO, |acc, v| add(acc, v, operation))
}

/// Whether `value` is a whole multiple of `step` above `base`.
pub(crate) fn on_step(value: Decimal, base: Decimal, step: Decimal) -> Result<bool, Error> {
    let offset = sub(value, base, "checking a step")?;
    let rem = offset
        .checked_rem(step)
        .ok_or_else(|| overflow("checking a step"))?;
    Ok(rem.is_zero())
}

/// Parses the text of a JSON number (or a string holding one) exactly.
///
/// Accepts JSON number grammar (`-12.5`, `3e2`, `1.25E-3`). Fails rather than round when the
/// value needs more than 28 decimal places or exceeds the `Decimal` range.
pub(crate) fn parse_exact(text: &str) -> Result<Decimal, String> {
    if !is_json_number(text) {
        return Err(format!("`{text}` is not a decimal number"));
    }
    let (mantissa, exponent) = match text.find(['e', 'E']) {
        Some(at) => (
            text.get(..at).unwrap_or(text),
            text.get(at.saturating_add(1)..).unwrap_or(""),
        ),
        None => (text, ""),
    };
    let inexact = || {
        format!(
            "number `{text}` cannot be held exactly as a decimal (at most 28 decimal places and 28 digits)"
        )
    };
    let mut value = Decimal::from_str_exact(mantissa).map_err(|_| inexact())?;
    if exponent.is_empty() {
        return Ok(value);
    }
    let exponent = i64::from_str(exponent.trim_start_matches('+')).map_err(|_| inexact())?;
    let scale = i64::from(value.scale()).saturating_sub(exponent);
    if scale >= 0 {
        let scale = u32::try_from(scale).map_err(|_| inexact())?;
        value.set_scale(scale).map_err(|_| inexact())?;
        return Ok(value.normalize());
    }
    if value.is_zero() {
        return Ok(Decimal::ZERO);
    }
    value.set_scale(0).map_err(|_| inexact())?;
    let mut power = scale.unsigned_abs();
    while power > 0 {
        value = value.checked_mul(Decimal::TEN).ok_or_else(inexact)?;
        power = power.saturating_sub(1);
    }
    Ok(value)
}

/// Reads a decimal written as a JSON string: an optional `-`, digits, and an optional `.` with
/// digits; no exponent. At most 29 digits, whose value a `Decimal` holds: every string of 28
/// digits, and of 29 up to 79228162514264337593543950335 (a JSON number may have an exponent
/// and any digits that a `Decimal` holds exactly; its text is read by [`parse_exact`]).
pub(crate) fn parse_decimal_string(text: &str) -> Result<Decimal, String> {
    let unsigned = text.strip_prefix('-').unwrap_or(text);
    let (whole, fraction) = unsigned.split_once('.').unwrap_or((unsigned, "0"));
    let digits = |part: &str| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit());
    if !digits(whole) || !digits(fraction) {
        return Err(format!(
            "\"{}\" is not a decimal number (write digits with an optional `-` and decimal point, such as \"-2.5\")",
            crate::error::shorten(text)
        ));
    }
    let count = unsigned.bytes().filter(u8::is_ascii_digit).count();
    let read = (count <= 29).then(|| parse_exact(text).ok()).flatten();
    read.ok_or_else(|| {
        format!(
            "\"{}\" has {count} digits, more than a decimal holds (28 digits, or 29 up to 79228162514264337593543950335, at most 28 of them after the point)",
            crate::error::shorten(text)
        )
    })
}

fn is_json_number(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut i = 0;
    let at = |i: usize| bytes.get(i).copied();
    if at(i) == Some(b'-') {
        i = i.saturating_add(1);
    }
    let digits = |mut i: usize| {
        let start = i;
        while at(i).is_some_and(|b| b.is_ascii_digit()) {
            i = i.saturating_add(1);
        }
        (i, i > start)
    };
    let (next, any) = digits(i);
    if !any {
        return false;
    }
    i = next;
    if at(i) == Some(b'.') {
        let (next, any) = digits(i.saturating_add(1));
        if !any {
            return false;
        }
        i = next;
    }
    if matches!(at(i), Some(b'e' | b'E')) {
        i = i.saturating_add(1);
        if matches!(at(i), Some(b'+' | b'-')) {
            i = i.saturating_add(1);
        }
        let (next, any) = digits(i);
        if !any {
            return false;
        }
        i = next;
    }
    i == bytes.len()
}

/// Serde support for exact decimals: written as strings, read from strings or JSON numbers
/// without passing through `f64`.
///
/// The crate's JSON reader hands a JSON number over as its text. A number that cannot be held
/// exactly is an error, never silently rounded; a binary float (from another deserializer) is
/// refused, since its digits may already have changed.
pub(crate) mod exact {
    use std::fmt;

    use rust_decimal::Decimal;
    use serde::de::{self, MapAccess, Visitor};
    use serde::{Deserializer, Serializer};

    /// The key under which the crate's JSON reader hands over the text of a number that is
    /// not a plain integer (see `json::de`).
    pub(crate) const NUMBER_TOKEN: &str = "$igf_rubric::private::Number";

    /// The newtype name under which the crate's exact readers ask for a value: the crate's JSON
    /// reader then hands numbers inside it over as their text (see `json::de`); any other
    /// deserializer reads it as a plain newtype.
    pub(crate) const EXACT_TOKEN: &str = "$igf_rubric::private::Exact";

    /// As [`EXACT_TOKEN`], asked by a decimal: in a document the crate writes, the crate's JSON
    /// reader then takes a string only, as the output schemas say.
    pub(crate) const DECIMAL_TOKEN: &str = "$igf_rubric::private::Decimal";

    pub(crate) fn serialize<S: Serializer>(
        value: &Decimal,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        serializer.collect_str(value)
    }

    pub(crate) fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Decimal, D::Error> {
        deserializer.deserialize_newtype_struct(DECIMAL_TOKEN, ExactVisitor)
    }

    pub(crate) struct ExactVisitor;

    impl<'de> Visitor<'de> for ExactVisitor {
        type Value = Decimal;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a decimal number, as a JSON number or a string such as \"2.5\"")
        }

        fn visit_newtype_struct<D: Deserializer<'de>>(
            self,
            deserializer: D,
        ) -> Result<Decimal, D::Error> {
            deserializer.deserialize_any(self)
        }

        fn visit_u64<E: de::Error>(self, v: u64) -> Result<Decimal, E> {
            Ok(Decimal::from(v))
        }

        fn visit_i64<E: de::Error>(self, v: i64) -> Result<Decimal, E> {
            Ok(Decimal::from(v))
        }

        fn visit_f64<E: de::Error>(self, v: f64) -> Result<Decimal, E> {
            Err(E::custom(format!(
                "the number {v} reached the decimal reader as a binary float, which may have \
                 changed its digits: read documents with the crate's `from_json` functions or \
                 `igf_rubric::json::from_str`, or write decimals as strings"
            )))
        }

        fn visit_str<E: de::Error>(self, v: &str) -> Result<Decimal, E> {
            super::parse_decimal_string(v).map_err(E::custom)
        }

        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Decimal, A::Error> {
            match map.next_key::<String>()? {
                Some(key) if key == NUMBER_TOKEN => {
                    let text: String = map.next_value()?;
                    super::parse_exact(&text).map_err(de::Error::custom)
                }
                _ => Err(de::Error::invalid_type(de::Unexpected::Map, &self)),
            }
        }
    }

    /// `Option<Decimal>` with the same rules.
    pub(crate) mod option {
        use rust_decimal::Decimal;
        use serde::{Deserialize, Deserializer, Serializer};

        pub(crate) fn serialize<S: Serializer>(
            value: &Option<Decimal>,
            serializer: S,
        ) -> Result<S::Ok, S::Error> {
            match value {
                Some(v) => serializer.collect_str(v),
                None => serializer.serialize_none(),
            }
        }

        pub(crate) fn deserialize<'de, D: Deserializer<'de>>(
            deserializer: D,
        ) -> Result<Option<Decimal>, D::Error> {
            #[derive(Deserialize)]
            struct Wrap(#[serde(with = "super")] Decimal);
            Ok(Option::<Wrap>::deserialize(deserializer)?.map(|Wrap(v)| v))
        }
    }

    /// A whole count: a JSON number with an integer value (`3`, `3.0`, `3e0`, as JSON Schema's
    /// `integer`) from 0 to 2^53 - 1; never a string. Read with the exact reader, so it also
    /// works inside internally tagged enums, where the crate's reader hands numbers that are not
    /// plain integers over as maps.
    pub(crate) mod count {
        use std::fmt;

        use rust_decimal::Decimal;
        use rust_decimal::prelude::ToPrimitive;
        use serde::de::{self, MapAccess, Visitor};
        use serde::{Deserializer, Serializer};

        use crate::kinds::MAX_COUNT;

        pub(crate) fn serialize<S: Serializer>(
            value: &u64,
            serializer: S,
        ) -> Result<S::Ok, S::Error> {
            serializer.serialize_u64(*value)
        }

        pub(crate) fn deserialize<'de, D: Deserializer<'de>>(
            deserializer: D,
        ) -> Result<u64, D::Error> {
            deserializer.deserialize_newtype_struct(super::EXACT_TOKEN, CountVisitor)
        }

        struct CountVisitor;

        fn out_of_range<E: de::Error>(shown: &dyn fmt::Display, too_large: bool) -> E {
            E::custom(crate::kinds::not_a_count(shown, too_large))
        }

        impl<'de> Visitor<'de> for CountVisitor {
            type Value = u64;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a whole number written as a JSON number")
            }

            fn visit_newtype_struct<D: Deserializer<'de>>(
                self,
                deserializer: D,
            ) -> Result<u64, D::Error> {
                deserializer.deserialize_any(self)
            }

            fn visit_u64<E: de::Error>(self, v: u64) -> Result<u64, E> {
                if v <= MAX_COUNT {
                    Ok(v)
                } else {
                    Err(out_of_range(&v, true))
                }
            }

            fn visit_i64<E: de::Error>(self, v: i64) -> Result<u64, E> {
                u64::try_from(v)
                    .map_err(|_| out_of_range(&v, false))
                    .and_then(|v| self.visit_u64(v))
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<u64, A::Error> {
                match map.next_key::<String>()? {
                    Some(key) if key == super::NUMBER_TOKEN => {
                        let text: String = map.next_value()?;
                        let value: Decimal =
                            super::super::parse_exact(&text).map_err(de::Error::custom)?;
                        match value.fract().is_zero().then(|| value.to_u64()).flatten() {
                            Some(n) => self.visit_u64(n),
                            None => Err(out_of_range(
                                &text,
                                value.is_sign_positive() && value.fract().is_zero(),
                            )),
                        }
                    }
                    _ => Err(de::Error::invalid_type(de::Unexpected::Map, &self)),
                }
            }
        }
    }

    /// `Vec<Decimal>` with the same rules.
    pub(crate) mod vec {
        use rust_decimal::Decimal;
        use serde::{Deserialize, Deserializer, Serializer};

        pub(crate) fn serialize<S: Serializer>(
            values: &[Decimal],
            serializer: S,
        ) -> Result<S::Ok, S::Error> {
            serializer.collect_seq(values.iter().map(ToString::to_string))
        }

        pub(crate) fn deserialize<'de, D: Deserializer<'de>>(
            deserializer: D,
        ) -> Result<Vec<Decimal>, D::Error> {
            #[derive(Deserialize)]
            struct Wrap(#[serde(with = "super")] Decimal);
            Ok(Vec::<Wrap>::deserialize(deserializer)?
                .into_iter()
                .map(|Wrap(v)| v)
                .collect())
        }
    }

    /// A list of decimals with gaps: `null` where a value is missing.
    pub(crate) mod option_vec {
        use rust_decimal::Decimal;
        use serde::{Deserialize, Deserializer, Serializer};

        pub(crate) fn serialize<S: Serializer>(
            values: &[Option<Decimal>],
            serializer: S,
        ) -> Result<S::Ok, S::Error> {
            serializer.collect_seq(values.iter().map(|v| v.map(|v| v.to_string())))
        }

        pub(crate) fn deserialize<'de, D: Deserializer<'de>>(
            deserializer: D,
        ) -> Result<Vec<Option<Decimal>>, D::Error> {
            #[derive(Deserialize)]
            struct Wrap(#[serde(with = "super")] Decimal);
            Ok(Vec::<Option<Wrap>>::deserialize(deserializer)?
                .into_iter()
                .map(|v| v.map(|Wrap(v)| v))
                .collect())
        }
    }

    pub(crate) fn one() -> Decimal {
        Decimal::ONE
    }

    pub(crate) fn hundred() -> Decimal {
        Decimal::ONE_HUNDRED
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_json_number_text_exactly() {
        let cases = [
            (
                "1.0000000000000000000000000001",
                "1.0000000000000000000000000001",
            ),
            ("-2.50", "-2.50"),
            ("3e2", "300"),
            ("1.25E-3", "0.00125"),
            ("0", "0"),
        ];
        for (text, expected) in cases {
            assert_eq!(parse_exact(text).unwrap().to_string(), expected, "{text}");
        }
    }

    #[test]
    fn rejects_what_it_cannot_hold_or_read() {
        for text in [
            "1.00000000000000000000000000001",
            "1e40",
            "",
            "+1",
            "1.",
            ".5",
            "1_0",
            "0x10",
            " 1",
        ] {
            assert!(parse_exact(text).is_err(), "{text}");
        }
    }
}
