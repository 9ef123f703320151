//! Schemas of the crate's value kinds (ids, exact decimals with their ranges, counts), shared
//! by every document so each is declared once.
//!
//! Each kind states, in plain JSON Schema, the same rule the loader applies. A decimal read from
//! a JSON number is any number up to the largest a `Decimal` holds (whether it holds that number
//! exactly is the loader's rule, listed in `schemas/loader-only-rules.md`); a decimal written as a
//! string is `-?digits(.digits)?` with at most 28 digits, or 29 up to 2^96 - 1. Documents the
//! crate writes hold decimals as strings only, so the output contract is stricter than the
//! input one.

use std::borrow::Cow;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde_json::{Value, json};

/// The largest whole number a count may hold: 2^53 - 1, the largest a JavaScript number holds
/// exactly, so every front end reads counts without loss.
pub(crate) const MAX_COUNT: u64 = 9_007_199_254_740_991;

/// What is wrong with a number given for a count, in words: negative or with a fraction, or
/// beyond [`MAX_COUNT`].
pub(crate) fn not_a_count(shown: &dyn std::fmt::Display, too_large: bool) -> String {
    if too_large {
        format!("{shown} is more than the largest count, {MAX_COUNT}")
    } else {
        format!("{shown} is not a whole number of 0 or more")
    }
}

/// The pattern of ids: 1 to 64 characters from `A-Z a-z 0-9 _ - .`.
pub(crate) const ID_PATTERN: &str = "^[A-Za-z0-9_.-]{1,64}$";

/// An id.
pub(crate) struct Id;

impl JsonSchema for Id {
    fn schema_name() -> Cow<'static, str> {
        "Id".into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        if generator.contract().is_serialize() {
            // Documents the crate writes repeat the ids of the documents it read, which were
            // checked there; their readers take any string, so the schema does too.
            return json_schema!({
                "description": "An id, as the document read gave it (1 to 64 characters from A-Z a-z 0-9 _ - .).",
                "type": "string"
            });
        }
        json_schema!({
            "description": "An id: 1 to 64 characters from A-Z a-z 0-9 _ - .",
            "type": "string",
            "pattern": ID_PATTERN
        })
    }
}

/// A whole count from 0 to [`MAX_COUNT`].
pub(crate) struct Count;

impl JsonSchema for Count {
    fn schema_name() -> Cow<'static, str> {
        "Count".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A whole number from 0 to 9007199254740991 (2^53 - 1), written as a JSON number.",
            "type": "integer",
            "minimum": 0,
            "maximum": MAX_COUNT
        })
    }
}

/// The largest value a `Decimal` holds (2^96 - 1), as the bound of JSON numbers.
const DECIMAL_MAX: f64 = 79_228_162_514_264_337_593_543_950_335.0;

/// The sign and range rules of the decimal kinds.
#[derive(Clone, Copy)]
enum Range {
    Any,
    NonNegative,
    Positive,
    Percent,
    PercentTarget,
    UnitInterval,
    Share,
}

/// A branch of the string forms: a pattern, and the length that bounds its digits.
fn form(pattern: &str, max_length: u32) -> Value {
    json!({ "type": "string", "pattern": pattern, "maxLength": max_length })
}

/// Unsigned decimals a `Decimal` may hold: at most 28 digits, or 29 whose first is 0 to 7 (a
/// 29-digit value above 79228162514264337593543950335, 2^96 - 1, is the loader's rule, listed).
/// `-` and `.` are not digits, so each branch bounds its digits by its length.
fn unsigned() -> Vec<Value> {
    vec![
        form("^[0-9]+$", 28),
        form("^[0-7][0-9]+$", 29),
        form("^[0-9]+\\.[0-9]+$", 29),
        form("^[0-7][0-9]*\\.[0-9]+$", 30),
    ]
}

fn negative() -> Vec<Value> {
    vec![
        form("^-[0-9]+$", 29),
        form("^-[0-7][0-9]+$", 30),
        form("^-[0-9]+\\.[0-9]+$", 30),
        form("^-[0-7][0-9]*\\.[0-9]+$", 31),
    ]
}

fn negative_zero() -> Vec<Value> {
    vec![form("^-0+$", 29), form("^-0+\\.0+$", 31)]
}

fn percent() -> Vec<Value> {
    vec![
        form("^(100(\\.0+)?|[0-6][0-9]?(\\.[0-9]+)?)$", 30),
        form("^[7-9][0-9]?(\\.[0-9]+)?$", 29),
    ]
}

/// Zero written any way: excluded from the kinds that must be above 0.
const ZERO: &str = "^-?0+(\\.0+)?$";

impl Range {
    /// The string forms, each as the loader reads it (see `num::parse_decimal_string`).
    fn strings(self) -> Value {
        let (forms, not_zero) = match self {
            Range::Any => ([unsigned(), negative()].concat(), false),
            Range::NonNegative => ([unsigned(), negative_zero()].concat(), false),
            Range::Positive => (unsigned(), true),
            Range::Percent => ([percent(), negative_zero()].concat(), false),
            Range::PercentTarget => (percent(), true),
            Range::UnitInterval => (vec![form("^(1(\\.0+)?|0+(\\.[0-9]+)?)$", 30)], true),
            Range::Share => (
                [vec![form("^0+(\\.[0-4][0-9]*)?$", 30)], negative_zero()].concat(),
                false,
            ),
        };
        let mut schema = json!({ "type": "string", "anyOf": forms });
        if not_zero && let Some(object) = schema.as_object_mut() {
            object.insert("not".into(), json!({ "type": "string", "pattern": ZERO }));
        }
        schema
    }

    fn numbers(self) -> Value {
        match self {
            // The largest value a decimal holds bounds every number, so that a number too large
            // for a float (`1e400`) is refused alike by validators that read it as infinity.
            Range::Any => {
                json!({ "type": "number", "minimum": -DECIMAL_MAX, "maximum": DECIMAL_MAX })
            }
            Range::NonNegative => json!({ "type": "number", "minimum": 0, "maximum": DECIMAL_MAX }),
            Range::Positive => {
                json!({ "type": "number", "exclusiveMinimum": 0, "maximum": DECIMAL_MAX })
            }
            Range::Percent => json!({ "type": "number", "minimum": 0, "maximum": 100 }),
            Range::PercentTarget => {
                json!({ "type": "number", "exclusiveMinimum": 0, "maximum": 100 })
            }
            Range::UnitInterval => json!({ "type": "number", "exclusiveMinimum": 0, "maximum": 1 }),
            Range::Share => json!({ "type": "number", "minimum": 0, "exclusiveMaximum": 0.5 }),
        }
    }

    fn schema(self, generator: &SchemaGenerator, description: &str) -> Schema {
        let value = if generator.contract().is_serialize() {
            json!({
                "description": format!("{description} Written as a string of digits with an optional sign and decimal point (\"2.5\"), never as a JSON number."),
                "anyOf": [self.strings()]
            })
        } else {
            json!({
                "description": format!(
                    "{description} A JSON number, or a string of digits with an optional sign and decimal point and at most 28 digits (\"2.5\"). Numbers are read from their text, never through binary floating point."
                ),
                "anyOf": [self.strings(), self.numbers()]
            })
        };
        Schema::try_from(value).unwrap_or_default()
    }
}

macro_rules! decimal_kinds {
    ($($kind:ident: $range:ident, $description:literal;)*) => {$(
        #[doc = $description]
        pub(crate) struct $kind;

        impl JsonSchema for $kind {
            fn schema_name() -> Cow<'static, str> {
                stringify!($kind).into()
            }

            fn json_schema(generator: &mut SchemaGenerator) -> Schema {
                Range::$range.schema(generator, $description)
            }
        }
    )*};
}

decimal_kinds! {
    Decimal: Any, "An exact decimal number.";
    NonNegativeDecimal: NonNegative, "An exact decimal number >= 0.";
    PositiveDecimal: Positive, "An exact decimal number > 0.";
    Percent: Percent, "A percentage from 0 to 100, as an exact decimal.";
    PercentTarget: PercentTarget, "A target percentage above 0 and at most 100, as an exact decimal.";
    UnitFraction: UnitInterval, "An exact decimal above 0 and at most 1.";
    Share: Share, "A share from 0 up to (not including) 0.5, as an exact decimal.";
}

/// An end of a rubric's total scale: an exact decimal from -10^6 to 10^6
/// ([`MAX_SCALE_MAGNITUDE`](crate::rubric::MAX_SCALE_MAGNITUDE)) with at most 10 decimal places
/// ([`MAX_DECIMAL_PLACES`](crate::num::MAX_DECIMAL_PLACES)). The places of a JSON number are the
/// loader's rule (a validator reads numbers as binary floats), listed.
pub(crate) struct ScaleEnd;

impl JsonSchema for ScaleEnd {
    fn schema_name() -> Cow<'static, str> {
        "ScaleEnd".into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let decimal = generator.subschema_for::<Decimal>();
        json_schema!({
            "description": "An end of the total scale: an exact decimal from -1000000 to 1000000 with at most 10 decimal places.",
            "allOf": [
                decimal,
                {
                    "anyOf": [
                        {
                            "type": "string",
                            "pattern": "^-?0*([0-9]{1,6}(\\.[0-9]{1,10})?|1000000(\\.0{1,10})?)$"
                        },
                        { "type": "number", "minimum": -1_000_000, "maximum": 1_000_000 }
                    ]
                }
            ]
        })
    }
}

/// A whole count from 1 to [`MAX_COUNT`].
pub(crate) struct PositiveCount;

impl JsonSchema for PositiveCount {
    fn schema_name() -> Cow<'static, str> {
        "PositiveCount".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A whole number from 1 to 9007199254740991 (2^53 - 1), written as a JSON number.",
            "type": "integer",
            "minimum": 1,
            "maximum": MAX_COUNT
        })
    }
}
