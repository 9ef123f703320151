//! Metric types: how a raw answer becomes a normalised score in `[0, 1]`.

use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::document::check_ids;
use crate::error::{Error, Path};
use crate::num::ratio::{Exact, Small};
use crate::num::{self, exact};

/// Decimal places to which distribution evenness is computed before it is compared or
/// weighted. `ln` leaves the decimals, so the crate fixes its precision here: evenness is exact
/// to this many places (half-even), the same on every machine.
pub const EVENNESS_DECIMAL_PLACES: u32 = 20;

/// How a criterion is measured, and how its answer is normalised to `[0, 1]`.
///
/// In JSON the metric is an object with a `"type"` tag: `{"type": "scale", "min": 1, "max": 5}`.
/// Every metric that can be scored maps its answer to a normalised score `s` in `[0, 1]`
/// exactly (formulas on each variant); `text` is kept and never scored.
///
/// Scored through a rubric, a half-point scale from 0 to 5 turns 3.5 into `0.7`, and an NIH-style
/// scale (1 = best, 9 = worst) turns 3 into `0.75`: see [`Rubric::score`](crate::Rubric::score).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum Metric {
    /// A numeric scale from `min` to `max` in whole `step`s.
    ///
    /// `s = (v - min) / (max - min)` when higher is better, `s = (max - v) / (max - min)` when
    /// lower is better (NIH: 1 = exceptional .. 9 = poor). Requires `min < max` and a positive
    /// `step` that divides `max - min`; answers must lie on a step.
    Scale {
        /// Lowest answer.
        #[serde(
            serialize_with = "exact::serialize",
            deserialize_with = "crate::json::located::min::decimal"
        )]
        #[schemars(with = "crate::kinds::Decimal")]
        min: Decimal,
        /// Highest answer.
        #[serde(
            serialize_with = "exact::serialize",
            deserialize_with = "crate::json::located::max::decimal"
        )]
        #[schemars(with = "crate::kinds::Decimal")]
        max: Decimal,
        /// Distance between allowed answers: 1 for whole numbers, 0.5 for half points.
        #[serde(
            serialize_with = "exact::serialize",
            deserialize_with = "crate::json::located::step::decimal",
            default = "exact::one"
        )]
        #[schemars(with = "crate::kinds::PositiveDecimal")]
        step: Decimal,
        /// Whether high or low answers are better.
        #[serde(default, deserialize_with = "crate::json::located::direction::any")]
        direction: Direction,
    },
    /// Ordered levels with descriptors, listed from worst to best with strictly increasing
    /// values (Canvas and Moodle rubrics).
    ///
    /// `s = (value - first.value) / (last.value - first.value)`. At least two levels.
    Levels {
        /// The levels, worst first.
        #[schemars(length(min = 2))]
        #[serde(deserialize_with = "crate::json::located::levels::objects")]
        levels: Vec<Level>,
    },
    /// A yes/no question: `s = 1` for yes, `0` for no.
    #[serde(deserialize_with = "crate::json::no_fields")]
    YesNo,
    /// A count measured against a target (e.g. partner organisations, target 3).
    ///
    /// `linear`: `s = min(count, target) / target`; `all_or_nothing`: `s = 1` when
    /// `count >= target`, else `0`. The target is a whole number >= 1.
    Count {
        /// The count that earns the full score.
        #[serde(
            serialize_with = "exact::count::serialize",
            deserialize_with = "crate::json::located::target::count"
        )]
        #[schemars(with = "crate::kinds::PositiveCount")]
        target: u64,
        /// How counts below the target score.
        #[serde(default, deserialize_with = "crate::json::located::curve::any")]
        curve: CountCurve,
    },
    /// A percentage from 0 to 100, measured against a target in `(0, 100]` (default 100).
    ///
    /// `s = min(p, target) / target`.
    Percent {
        /// The percentage that earns the full score.
        #[serde(
            serialize_with = "exact::serialize",
            deserialize_with = "crate::json::located::target::decimal",
            default = "exact::hundred"
        )]
        #[schemars(with = "crate::kinds::PercentTarget")]
        target: Decimal,
    },
    /// Counts per category (stakeholder groups, regions, gender) scored by how evenly or how
    /// widely they are spread.
    ///
    /// With `k` declared categories, counts `c_i` and `N = Σ c_i`:
    /// - `evenness`: Pielou's `J = H / ln k` with `H = -Σ (c_i/N) ln(c_i/N)` (empty categories
    ///   add nothing to `H` but count in `k`), rounded half-even to 20 decimal places;
    ///   `s = min(J / target, 1)` with `target` in `(0, 1]`.
    /// - `coverage`: `C` = categories with a count above zero; `s = min(C / target, 1)` with
    ///   `target` a whole number from 1 to `k`.
    ///
    /// `N = 0` scores 0. At least two categories.
    Distribution {
        /// The category ids, e.g. the five IGF stakeholder groups.
        #[schemars(with = "Vec<crate::kinds::Id>", length(min = 2), extend("uniqueItems" = true))]
        #[serde(deserialize_with = "crate::json::located::categories::list")]
        categories: Vec<String>,
        /// Which spread is scored.
        #[serde(deserialize_with = "crate::json::located::measure::any")]
        measure: DistributionMeasure,
        /// The evenness (0..1) or number of covered categories that earns the full score.
        #[serde(
            serialize_with = "exact::serialize",
            deserialize_with = "crate::json::located::target::decimal"
        )]
        #[schemars(with = "crate::kinds::PositiveDecimal")]
        target: Decimal,
    },
    /// A free-text answer: kept and returned, never scored (weight 0).
    #[serde(deserialize_with = "crate::json::no_fields")]
    Text,
}

/// Whether high or low values are better, on a scale criterion or on the total.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// `max` is the best answer.
    #[default]
    HigherIsBetter,
    /// `min` is the best answer (NIH's 1 = exceptional).
    LowerIsBetter,
}

crate::label::labels!(Direction, "direction" {
    HigherIsBetter => "higher_is_better", "Higher is better";
    LowerIsBetter => "lower_is_better", "Lower is better";
});

impl Direction {
    /// Whether `value` is at least as good as `bar` in this direction.
    #[must_use]
    pub fn at_least_as_good(self, value: Decimal, bar: Decimal) -> bool {
        match self {
            Direction::HigherIsBetter => value >= bar,
            Direction::LowerIsBetter => value <= bar,
        }
    }

    /// Orders two values best first.
    #[must_use]
    pub fn best_first(self, a: Decimal, b: Decimal) -> std::cmp::Ordering {
        match self {
            Direction::HigherIsBetter => b.cmp(&a),
            Direction::LowerIsBetter => a.cmp(&b),
        }
    }

    /// `"minimum"` where higher is better, `"maximum"` where lower is.
    #[must_use]
    pub fn bound_word(self) -> &'static str {
        match self {
            Direction::HigherIsBetter => "minimum",
            Direction::LowerIsBetter => "maximum",
        }
    }
}

/// One level of a [`Metric::Levels`] criterion.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Level {
    /// Id used in answers, unique within the criterion.
    #[schemars(with = "crate::kinds::Id")]
    pub id: String,
    /// Short label, e.g. "Defined".
    pub label: String,
    /// What an assessor should see to choose this level.
    #[serde(default)]
    pub descriptor: String,
    /// Points of the level; strictly increasing from the first level to the last.
    #[serde(
        serialize_with = "exact::serialize",
        deserialize_with = "crate::json::located::value::decimal"
    )]
    #[schemars(with = "crate::kinds::Decimal")]
    pub value: Decimal,
}

/// How a [`Metric::Count`] scores counts below its target.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum CountCurve {
    /// Proportional to the target, capped at 1.
    #[default]
    Linear,
    /// 1 at or above the target, 0 below.
    AllOrNothing,
}

crate::label::labels!(CountCurve, "count curve" {
    Linear => "linear", "Linear";
    AllOrNothing => "all_or_nothing", "All or nothing";
});

/// Which spread a [`Metric::Distribution`] scores.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum DistributionMeasure {
    /// Normalised Shannon entropy (Pielou's evenness).
    Evenness,
    /// Number of categories with at least one count.
    Coverage,
}

crate::label::labels!(DistributionMeasure, "distribution measure" {
    Evenness => "evenness", "Evenness";
    Coverage => "coverage", "Coverage";
});

impl Metric {
    /// The metric's name as written in JSON (`"scale"`, `"levels"`, ...).
    #[must_use]
    pub fn type_name(&self) -> &'static str {
        match self {
            Metric::Scale { .. } => "scale",
            Metric::Levels { .. } => "levels",
            Metric::YesNo => "yes_no",
            Metric::Count { .. } => "count",
            Metric::Percent { .. } => "percent",
            Metric::Distribution { .. } => "distribution",
            Metric::Text => "text",
        }
    }

    /// Whether answers to this metric are scored (every metric but `text`).
    #[must_use]
    pub fn is_scored(&self) -> bool {
        !matches!(self, Metric::Text)
    }

    /// Checks the metric's own rules; `at` is the metric's path.
    pub(crate) fn validate(&self, at: &Path) -> Result<(), Error> {
        match self {
            Metric::Scale { min, max, step, .. } => validate_scale(*min, *max, *step, at),
            Metric::Levels { levels } => validate_levels(levels, &at.key("levels")),
            Metric::YesNo | Metric::Text => Ok(()),
            Metric::Count { target, .. } => {
                if *target == 0 {
                    return Err(out_of_range(
                        at.key("target"),
                        Decimal::ZERO,
                        Decimal::ONE,
                        Decimal::from(crate::kinds::MAX_COUNT),
                    ));
                }
                Ok(())
            }
            Metric::Percent { target } => {
                if *target <= Decimal::ZERO || *target > Decimal::ONE_HUNDRED {
                    return Err(above_range(
                        at.key("target"),
                        *target,
                        Decimal::ZERO,
                        Decimal::ONE_HUNDRED,
                    ));
                }
                Ok(())
            }
            Metric::Distribution {
                categories,
                measure,
                target,
            } => validate_distribution(categories, *measure, *target, at),
        }
    }

    /// The normalised score of a valid raw value of this metric, in `[0, 1]`.
    ///
    /// The answer has already been checked by [`Metric::check_value`].
    fn normalise_value(&self, value: &RawValue) -> Result<Decimal, Error> {
        self.normalise_fraction(value)?.value(&mut true)
    }

    /// The normalised score as the fraction it is the value of (before the division rounds it
    /// to 28 decimal places), so a total can be computed exactly where rounding needs it.
    pub(crate) fn normalise_fraction(&self, value: &RawValue) -> Result<Fraction, Error> {
        const OP: &str = "normalising an answer";
        let RawValue::Number(v) = value else {
            return Ok(Fraction::whole(Decimal::ZERO));
        };
        let capped = |target: Decimal| {
            if *v >= target {
                Fraction::whole(Decimal::ONE)
            } else {
                Fraction::new(*v, target)
            }
        };
        Ok(match self {
            Metric::Scale {
                min,
                max,
                direction,
                ..
            } => {
                let above = match direction {
                    Direction::HigherIsBetter => num::sub(*v, *min, OP)?,
                    Direction::LowerIsBetter => num::sub(*max, *v, OP)?,
                };
                Fraction::new(above, num::sub(*max, *min, OP)?)
            }
            Metric::Levels { levels } => match (levels.first(), levels.last()) {
                (Some(first), Some(last)) => Fraction::new(
                    num::sub(*v, first.value, OP)?,
                    num::sub(last.value, first.value, OP)?,
                ),
                _ => Fraction::whole(Decimal::ZERO),
            },
            Metric::YesNo => Fraction::whole(*v),
            Metric::Count { target, curve } => {
                let target = Decimal::from(*target);
                match curve {
                    CountCurve::Linear => capped(target),
                    CountCurve::AllOrNothing if *v >= target => Fraction::whole(Decimal::ONE),
                    CountCurve::AllOrNothing => Fraction::whole(Decimal::ZERO),
                }
            }
            Metric::Percent { target } | Metric::Distribution { target, .. } => capped(*target),
            Metric::Text => Fraction::whole(Decimal::ZERO),
        })
    }

    /// Each answer of a levels metric, a scale of at most 100 steps, a linear count toward at
    /// most 100 or a coverage of at most 100 categories, with its normalised score, ascending: scoring looks a score up here instead of dividing. An answer is
    /// matched as written (mantissa and scale: `2` does not match an entry `2.0`), so a score
    /// looked up is the very decimal the division gives; an answer written otherwise is divided.
    pub(crate) fn score_table(&self) -> Vec<TableScore> {
        use rust_decimal::prelude::ToPrimitive;
        let values: Vec<Decimal> = match self {
            Metric::Levels { levels } => levels.iter().map(|l| l.value).collect(),
            Metric::Scale { min, max, step, .. } => {
                let steps = max
                    .checked_sub(*min)
                    .and_then(|span| span.checked_div(*step))
                    .filter(|n| n.fract().is_zero() && *n <= Decimal::ONE_HUNDRED);
                let Some(steps) = steps.and_then(|n| n.to_u32()) else {
                    return Vec::new();
                };
                (0..=steps)
                    .filter_map(|k| step.checked_mul(Decimal::from(k))?.checked_add(*min))
                    .collect()
            }
            // A count or a coverage is a whole number: the first hundred are worth a table.
            Metric::Count {
                target,
                curve: CountCurve::Linear,
            } if *target <= 100 => (0..=*target).map(Decimal::from).collect(),
            Metric::Distribution {
                categories,
                measure: DistributionMeasure::Coverage,
                ..
            } if categories.len() <= 100 => (0..=categories.len()).map(Decimal::from).collect(),
            _ => return Vec::new(),
        };
        let mut table: Vec<TableScore> = values
            .into_iter()
            .filter_map(|value| {
                let mut exact = true;
                let fraction = self.normalise_fraction(&RawValue::Number(value)).ok()?;
                let score = fraction.value(&mut exact).ok()?;
                Some(TableScore {
                    value,
                    score,
                    exact,
                    fraction: Small::quotient(fraction.numerator, fraction.denominator),
                })
            })
            .collect();
        table.sort_by_key(|entry| entry.value);
        table
    }

    /// The normalised score a raw value stands for (a gate threshold, an agreed consensus), in
    /// this metric's units: a scale value, level points, a count, a percentage, or a
    /// distribution measure. Checks that the value lies in the metric's range.
    pub(crate) fn normalise_raw(
        &self,
        criterion: &str,
        threshold: Decimal,
        at: &Path,
    ) -> Result<Decimal, Error> {
        let (min, max) = match self {
            Metric::Scale { min, max, .. } => (*min, *max),
            Metric::Levels { levels } => match (levels.first(), levels.last()) {
                (Some(first), Some(last)) => (first.value, last.value),
                _ => (Decimal::ZERO, Decimal::ZERO),
            },
            Metric::Count { target, .. } => (Decimal::ZERO, Decimal::from(*target)),
            Metric::Percent { .. } => (Decimal::ZERO, Decimal::ONE_HUNDRED),
            Metric::Distribution { target, .. } => (Decimal::ZERO, *target),
            Metric::YesNo | Metric::Text => {
                return Err(Error::Mismatch {
                    path: at.clone(),
                    criterion: criterion.to_owned(),
                    problem: format!(
                        "is {}, which has no minimum (use a `requires_yes` gate for yes/no)",
                        self.type_name()
                    ),
                });
            }
        };
        if threshold < min || threshold > max {
            return Err(out_of_range(at.clone(), threshold, min, max));
        }
        self.normalise_value(&RawValue::Number(threshold))
    }

    /// The answer key this metric expects (`"level"` for levels, otherwise the type name).
    #[must_use]
    pub fn answer_name(&self) -> &'static str {
        match self {
            Metric::Levels { .. } => "level",
            other => other.type_name(),
        }
    }
}

/// An answer reduced to what the formula needs.
pub(crate) enum RawValue {
    Number(Decimal),
    Text,
}

fn validate_scale(min: Decimal, max: Decimal, step: Decimal, at: &Path) -> Result<(), Error> {
    if min >= max {
        return Err(Error::EmptyScale {
            path: at.clone(),
            min,
            max,
        });
    }
    if step <= Decimal::ZERO || !num::on_step(max, min, step).map_err(|e| e.at(at))? {
        return Err(Error::BadStep {
            path: at.key("step"),
            step,
            min,
            max,
        });
    }
    Ok(())
}

fn validate_levels(levels: &[Level], at: &Path) -> Result<(), Error> {
    if levels.len() < 2 {
        return Err(Error::TooFew {
            path: at.clone(),
            what: "levels",
            min: 2,
            found: levels.len(),
        });
    }
    check_ids(levels.iter().map(|l| l.id.as_str()), "level", |i, id| {
        at.item(i, id).key("id")
    })?;
    let mut previous: Option<&Level> = None;
    for (i, level) in levels.iter().enumerate() {
        let here = at.item(i, &level.id);
        if let Some(prev) = previous
            && level.value <= prev.value
        {
            return Err(Error::OutOfOrder {
                path: here.key("value"),
                what: "level",
                id: level.id.clone(),
                value: level.value,
                previous_id: prev.id.clone(),
                previous: prev.value,
            });
        }
        previous = Some(level);
    }
    Ok(())
}

fn validate_distribution(
    categories: &[String],
    measure: DistributionMeasure,
    target: Decimal,
    at: &Path,
) -> Result<(), Error> {
    let list = at.key("categories");
    if categories.len() < 2 {
        return Err(Error::TooFew {
            path: list,
            what: "categories",
            min: 2,
            found: categories.len(),
        });
    }
    check_ids(categories.iter().map(String::as_str), "category", |i, _| {
        list.index(i)
    })?;
    let target_at = at.key("target");
    match measure {
        DistributionMeasure::Evenness => {
            if target <= Decimal::ZERO || target > Decimal::ONE {
                return Err(above_range(target_at, target, Decimal::ZERO, Decimal::ONE));
            }
        }
        DistributionMeasure::Coverage => {
            let k = Decimal::from(categories.len());
            if target < Decimal::ONE || target > k || !target.fract().is_zero() {
                return Err(out_of_range(target_at, target, Decimal::ONE, k));
            }
        }
    }
    Ok(())
}

pub(crate) fn out_of_range(path: Path, value: Decimal, min: Decimal, max: Decimal) -> Error {
    Error::OutOfRange {
        path,
        value,
        min,
        max,
    }
}

fn above_range(path: Path, value: Decimal, above: Decimal, max: Decimal) -> Error {
    Error::OutOfOpenRange {
        path,
        value,
        above,
        max,
    }
}

/// One entry of a [`Metric::score_table`]: an answer's value as written, its normalised
/// score, whether that score is the exact quotient (not rounded by the division), and the
/// exact quotient.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct TableScore {
    pub(crate) value: Decimal,
    pub(crate) score: Decimal,
    pub(crate) exact: bool,
    /// The score as an exact fraction, when it fits a small one.
    pub(crate) fraction: Option<Small>,
}

/// A normalised score as numerator over denominator, both exact decimals (denominator > 0).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Fraction {
    pub(crate) numerator: Decimal,
    pub(crate) denominator: Decimal,
}

impl Fraction {
    pub(crate) fn new(numerator: Decimal, denominator: Decimal) -> Fraction {
        Fraction {
            numerator,
            denominator,
        }
    }

    pub(crate) fn whole(value: Decimal) -> Fraction {
        Fraction::new(value, Decimal::ONE)
    }

    /// The value, rounded by the division to at most 28 decimal places; clears `exact` when
    /// the division left a remainder.
    pub(crate) fn value(self, exact: &mut bool) -> Result<Decimal, Error> {
        if self.denominator == Decimal::ONE {
            // A whole score (yes, no, a count at its target): the quotient is the numerator.
            return Ok(self.numerator);
        }
        num::exactness::div(
            self.numerator,
            self.denominator,
            "normalising an answer",
            exact,
        )
    }
}

impl std::fmt::Display for Metric {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Metric::Scale {
                min,
                max,
                step,
                direction,
            } => write!(f, "scale {min} to {max} in steps of {step} ({direction})"),
            Metric::Levels { levels } => {
                let labels: Vec<&str> = levels.iter().map(|l| l.label.as_str()).collect();
                write!(f, "levels: {}", labels.join(", "))
            }
            Metric::YesNo => f.write_str("yes or no"),
            Metric::Count { target, curve } => match curve {
                CountCurve::Linear => write!(f, "count toward {target}"),
                CountCurve::AllOrNothing => write!(f, "count: {target} or more"),
            },
            Metric::Percent { target } => write!(f, "percentage toward {target} %"),
            Metric::Distribution {
                categories,
                measure,
                target,
            } => match measure {
                DistributionMeasure::Evenness => write!(
                    f,
                    "evenness over {} categories toward {target}",
                    categories.len()
                ),
                DistributionMeasure::Coverage => {
                    write!(f, "{target} of {} categories covered", categories.len())
                }
            },
            Metric::Text => f.write_str("free text"),
        }
    }
}
