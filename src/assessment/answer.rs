//! Answers: one per criterion, a value of the metric's type or "unable to assess".

use std::fmt;

use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::de::{MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize};

use crate::num::exact;

/// The answer to one criterion.
///
/// Where the criterion takes its answer from an outcome record
/// ([`Rubric::apply_evidence`](crate::Rubric::apply_evidence)), `derivation` says how the value
/// was computed; an assessor who answers otherwise gives an `override_reason`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Answer {
    /// The id of the leaf criterion answered.
    #[schemars(with = "crate::kinds::Id")]
    pub criterion: String,
    /// The answer.
    pub value: AnswerValue,
    /// The assessor's comment or justification; kept in the scorecard.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
    /// How the value was computed from an outcome record, where it was.
    // Boxed: most answers have none, and a parsed panel holds many answers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub derivation: Option<Box<Derivation>>,
    /// Why the assessor's value replaces the computed one: required when an answer to a
    /// computed criterion differs from what the record yields.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub override_reason: Option<String>,
}

impl Answer {
    /// An answer without comment or derivation.
    ///
    /// ```
    /// use igf_rubric::{Answer, AnswerValue};
    ///
    /// let answer = Answer::new("P1", AnswerValue::Scale(4.into())).with_comment("timely theme");
    /// assert_eq!(answer.comment.as_deref(), Some("timely theme"));
    /// ```
    #[must_use]
    pub fn new(criterion: impl Into<String>, value: AnswerValue) -> Answer {
        Answer {
            criterion: criterion.into(),
            value,
            comment: None,
            derivation: None,
            override_reason: None,
        }
    }

    /// The answer with the assessor's comment.
    #[must_use]
    pub fn with_comment(mut self, comment: impl Into<String>) -> Answer {
        self.comment = Some(comment.into());
        self
    }

    /// The answer marked as the assessor's override of a computed value, with the reason.
    #[must_use]
    pub fn overriding(mut self, reason: impl Into<String>) -> Answer {
        self.override_reason = Some(reason.into());
        self
    }

    /// Whether the assessor's value replaces one computed from evidence.
    #[must_use]
    pub fn is_override(&self) -> bool {
        self.override_reason.is_some()
    }
}

/// How an answer was computed from an outcome record: the indicator, the value it gave, and
/// the figures it used.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Derivation {
    /// The indicator the criterion declares as its evidence.
    #[serde(deserialize_with = "crate::json::exactly")]
    pub from: crate::rubric::Indicator,
    /// The value the record yields (the answer's value, unless the assessor overrode it).
    pub computed: AnswerValue,
    /// How it was computed, from which figures, e.g. "3 of 4 planned deliverables delivered".
    pub basis: String,
}

/// A raw answer, tagged with its type: `{"scale": 4}`, `{"level": "defined"}`,
/// `{"yes_no": true}`, `{"count": 3}`, `{"percent": "87.5"}`,
/// `{"distribution": {"government": 2, "civil_society": 3}}`, `{"text": "..."}`, or the strings
/// `"unable_to_assess"` and `"not_applicable"`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum AnswerValue {
    /// A value on a `scale` criterion.
    Scale(
        #[serde(with = "exact")]
        #[schemars(with = "crate::kinds::Decimal")]
        Decimal,
    ),
    /// The id of a level of a `levels` criterion.
    Level(String),
    /// The answer to a `yes_no` criterion.
    YesNo(bool),
    /// A whole count for a `count` criterion.
    Count(
        #[serde(with = "exact::count")]
        #[schemars(with = "crate::kinds::Count")]
        u64,
    ),
    /// A percentage from 0 to 100 for a `percent` criterion.
    Percent(
        #[serde(with = "exact")]
        #[schemars(with = "crate::kinds::Percent")]
        Decimal,
    ),
    /// Counts per category for a `distribution` criterion.
    Distribution(Distribution),
    /// A free-text answer for a `text` criterion.
    Text(String),
    /// The assessor could not assess the criterion; what follows is the rubric's policy.
    UnableToAssess,
    /// The criterion does not apply to this subject (only where the criterion allows it).
    NotApplicable,
}

impl AnswerValue {
    /// The answer's tag as written in JSON.
    #[must_use]
    pub fn type_name(&self) -> &'static str {
        match self {
            AnswerValue::Scale(_) => "scale",
            AnswerValue::Level(_) => "level",
            AnswerValue::YesNo(_) => "yes_no",
            AnswerValue::Count(_) => "count",
            AnswerValue::Percent(_) => "percent",
            AnswerValue::Distribution(_) => "distribution",
            AnswerValue::Text(_) => "text",
            AnswerValue::UnableToAssess => "unable_to_assess",
            AnswerValue::NotApplicable => "not_applicable",
        }
    }
}

impl fmt::Display for AnswerValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AnswerValue::Scale(v) | AnswerValue::Percent(v) => write!(f, "{v}"),
            AnswerValue::Level(id) => f.write_str(id),
            AnswerValue::YesNo(true) => f.write_str("yes"),
            AnswerValue::YesNo(false) => f.write_str("no"),
            AnswerValue::Count(n) => write!(f, "{n}"),
            AnswerValue::Distribution(d) => {
                let parts: Vec<String> = d.0.iter().map(|(k, v)| format!("{k} {v}")).collect();
                write!(f, "{}", parts.join(", "))
            }
            AnswerValue::Text(_) => f.write_str("(text)"),
            AnswerValue::UnableToAssess => f.write_str("unable to assess"),
            AnswerValue::NotApplicable => f.write_str("not applicable"),
        }
    }
}

/// Counts per category. A category named twice in JSON is an error, never a silent overwrite.
// A list sorted by category, each once: a panel keeps two or three of these a sheet, and a
// few pairs in a list take a third of a map's room.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Distribution(Vec<(String, u64)>);

impl fmt::Debug for Distribution {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map()
            .entries(self.0.iter().map(|(k, v)| (k, v)))
            .finish()
    }
}

impl Serialize for Distribution {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.0.iter().map(|(k, v)| (k, v)))
    }
}

impl JsonSchema for Distribution {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Distribution".into()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let count = generator.subschema_for::<crate::kinds::Count>();
        schemars::json_schema!({
            "description": "Counts per category: category ids as keys, whole counts as values.",
            "type": "object",
            "propertyNames": { "type": "string", "pattern": crate::kinds::ID_PATTERN },
            "additionalProperties": count
        })
    }
}

impl Distribution {
    /// A distribution from `(category, count)` pairs; a repeated category adds up.
    ///
    /// ```
    /// use igf_rubric::assessment::Distribution;
    ///
    /// let d = Distribution::new([("government", 2), ("civil_society", 3), ("government", 1)]);
    /// assert_eq!(d.get("government"), 3);
    /// assert_eq!(d.get("private_sector"), 0);
    /// ```
    #[must_use]
    pub fn new<I, S>(counts: I) -> Distribution
    where
        I: IntoIterator<Item = (S, u64)>,
        S: Into<String>,
    {
        let mut pairs: Vec<(String, u64)> = counts
            .into_iter()
            .map(|(category, count)| (category.into(), count))
            .collect();
        pairs.sort_by(|a, b| a.0.cmp(&b.0));
        let mut merged: Vec<(String, u64)> = Vec::with_capacity(pairs.len());
        for (category, count) in pairs {
            match merged.last_mut() {
                Some(last) if last.0 == category => last.1 = last.1.saturating_add(count),
                _ => merged.push((category, count)),
            }
        }
        Distribution(merged)
    }

    /// The count of a category (0 when absent).
    #[must_use]
    pub fn get(&self, category: &str) -> u64 {
        self.0
            .binary_search_by(|(k, _)| k.as_str().cmp(category))
            .ok()
            .and_then(|at| self.0.get(at))
            .map_or(0, |(_, n)| *n)
    }

    /// The categories named, in sorted order.
    pub fn categories(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(|(k, _)| k.as_str())
    }

    /// The counts of the categories named, in the order of [`Distribution::categories`].
    pub(crate) fn counts(&self) -> impl Iterator<Item = u64> + '_ {
        self.0.iter().map(|(_, n)| *n)
    }
}

impl<'de> Deserialize<'de> for Distribution {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Distribution, D::Error> {
        struct CountsVisitor;

        impl<'de> Visitor<'de> for CountsVisitor {
            type Value = Distribution;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object of whole counts per category")
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Distribution, A::Error> {
                #[derive(Deserialize)]
                struct Count(#[serde(with = "exact::count")] u64);
                let mut counts: Vec<(String, u64)> =
                    Vec::with_capacity(map.size_hint().unwrap_or(0));
                while let Some(category) = map.next_key::<String>()? {
                    let Count(n) = map.next_value()?;
                    counts.push((category, n));
                }
                counts.shrink_to_fit();
                counts.sort_by(|a, b| a.0.cmp(&b.0));
                if let Some(twice) = counts.windows(2).find_map(|w| match w {
                    [a, b] if a.0 == b.0 => Some(&a.0),
                    _ => None,
                }) {
                    return Err(serde::de::Error::custom(format!(
                        "category `{twice}` is named twice"
                    )));
                }
                Ok(Distribution(counts))
            }
        }

        deserializer.deserialize_map(CountsVisitor)
    }
}
