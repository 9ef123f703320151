//! Judging an answer: checking it against its criterion's metric and turning it into the
//! normalised score the engine weighs.

use rust_decimal::{Decimal, MathematicalOps, RoundingStrategy};

use crate::assessment::AnswerValue;
use crate::error::{Error, Path};
use crate::num;
use crate::num::ratio::{Exact, Small};
use crate::rubric::{
    DistributionMeasure, EVENNESS_DECIMAL_PLACES, Fraction, Metric, RawValue, TableScore,
    out_of_range,
};

impl Metric {
    /// Checks an answer against the metric and returns its normalised score, as a fraction.
    ///
    /// `Ok(None)` for a text answer (never scored). `at` is the answer's path.
    pub(crate) fn score_answer(
        &self,
        criterion: &str,
        answer: &AnswerValue,
        at: &dyn Fn() -> Path,
    ) -> Result<Option<Fraction>, Error> {
        let raw = self.raw_value(criterion, answer, at)?;
        match raw {
            RawValue::Text => Ok(None),
            raw => self.normalise_fraction(&raw).map(Some),
        }
    }

    /// An answer's normalised score, as [`Metric::score_answer`] checks and computes it, looked
    /// up in `table` (from [`Metric::score_table`]) when the answer's value is there as written.
    /// `Ok(None)` for a text answer. Clears `exact` when the score was rounded by a division;
    /// with the score comes its exact value: the table's small fraction, or the fraction it
    /// was divided from.
    pub(crate) fn score_from_table(
        &self,
        criterion: &str,
        answer: &AnswerValue,
        at: &dyn Fn() -> Path,
        table: &[TableScore],
        exact: &mut bool,
    ) -> Result<Option<(Decimal, ExactScore)>, Error> {
        let found = |entry: &TableScore, exact: &mut bool| {
            *exact &= entry.exact;
            Some((entry.score, ExactScore::Small(entry.fraction)))
        };
        // A scale answer found in the table as written is in range and on a step: the table
        // holds exactly the scale's steps.
        if let (Metric::Scale { .. }, AnswerValue::Scale(v)) = (self, answer)
            && let Some(entry) = look_up(table, *v)
        {
            return Ok(found(entry, exact));
        }
        let v = match self.raw_value(criterion, answer, at)? {
            RawValue::Number(v) => v,
            RawValue::Text => return Ok(None),
        };
        if let Some(entry) = look_up(table, v) {
            return Ok(found(entry, exact));
        }
        let fraction = self.normalise_fraction(&RawValue::Number(v))?;
        Ok(Some((
            fraction.value(exact)?,
            ExactScore::Divided(fraction),
        )))
    }

    /// The raw number an already checked answer stands for, in the criterion's own units: a
    /// scale value, level points, 1 or 0 for yes or no, a count, a percentage, a distribution's
    /// measure. `None` for text, "unable to assess" and "not applicable".
    pub(crate) fn raw_number(&self, answer: &AnswerValue) -> Option<Decimal> {
        match self.raw_value("", answer, &Path::root) {
            Ok(RawValue::Number(v)) => Some(v),
            _ => None,
        }
    }

    /// Checks the answer's type and range and reduces it to the number the formula uses.
    fn raw_value(
        &self,
        criterion: &str,
        answer: &AnswerValue,
        at: &dyn Fn() -> Path,
    ) -> Result<RawValue, Error> {
        let value_at = || at().key(answer.type_name());
        match (self, answer) {
            (Metric::Scale { min, max, step, .. }, AnswerValue::Scale(v)) => {
                if v < min || v > max {
                    return Err(out_of_range(value_at(), *v, *min, *max));
                }
                if !num::on_step(*v, *min, *step)? {
                    return Err(Error::OffStep {
                        path: value_at(),
                        value: *v,
                        min: *min,
                        step: *step,
                    });
                }
                Ok(RawValue::Number(*v))
            }
            (Metric::Levels { levels }, AnswerValue::Level(id)) => levels
                .iter()
                .find(|level| &level.id == id)
                .map(|level| RawValue::Number(level.value))
                .ok_or_else(|| Error::UnknownChoice {
                    path: value_at(),
                    criterion: criterion.to_owned(),
                    what: "level",
                    found: crate::error::shorten(id),
                    allowed: levels.iter().map(|l| l.id.clone()).collect(),
                    nearest: crate::error::nearest_labelled(
                        id,
                        levels.iter().map(|l| (l.id.as_str(), l.label.as_str())),
                    ),
                }),
            (Metric::YesNo, AnswerValue::YesNo(yes)) => Ok(RawValue::Number(if *yes {
                Decimal::ONE
            } else {
                Decimal::ZERO
            })),
            (Metric::Count { .. }, AnswerValue::Count(n)) => {
                Ok(RawValue::Number(Decimal::from(*n)))
            }
            (Metric::Percent { .. }, AnswerValue::Percent(p)) => {
                if *p < Decimal::ZERO || *p > Decimal::ONE_HUNDRED {
                    return Err(out_of_range(
                        value_at(),
                        *p,
                        Decimal::ZERO,
                        Decimal::ONE_HUNDRED,
                    ));
                }
                Ok(RawValue::Number(*p))
            }
            (
                Metric::Distribution {
                    categories,
                    measure,
                    ..
                },
                AnswerValue::Distribution(counts),
            ) => {
                for category in counts.categories() {
                    if !categories.iter().any(|c| c == category) {
                        return Err(Error::UnknownChoice {
                            path: value_at().key(category),
                            criterion: criterion.to_owned(),
                            what: "category",
                            found: crate::error::shorten(category),
                            allowed: categories.iter().cloned().collect(),
                            nearest: crate::error::nearest(
                                category,
                                categories.iter().map(String::as_str),
                            ),
                        });
                    }
                }
                Ok(RawValue::Number(spread(categories, *measure, counts)?))
            }
            (Metric::Text, AnswerValue::Text(_)) => Ok(RawValue::Text),
            _ => Err(Error::Mismatch {
                path: at(),
                criterion: criterion.to_owned(),
                problem: format!(
                    "expects a `{}` answer, found `{}`",
                    self.answer_name(),
                    answer.type_name()
                ),
            }),
        }
    }
}

/// A score's exact value, as [`Metric::score_from_table`] found it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum ExactScore {
    /// From the table (`None`: it does not fit a small fraction).
    Small(Option<Small>),
    /// The fraction the score was divided from.
    Divided(Fraction),
}

impl ExactScore {
    /// The score as a small fraction, when it fits one.
    pub(crate) fn small(self) -> Option<Small> {
        match self {
            ExactScore::Small(small) => small,
            ExactScore::Divided(f) => Small::quotient(f.numerator, f.denominator),
        }
    }
}

/// The entry of `table` for `v` written alike (mantissa and scale). Whole numbers in a table
/// of consecutive whole numbers (levels 1 to 4, a count) are found by their place, others by
/// binary search.
fn look_up(table: &[TableScore], v: Decimal) -> Option<&TableScore> {
    let alike = |entry: &&TableScore| {
        entry.value.mantissa() == v.mantissa() && entry.value.scale() == v.scale()
    };
    let first = table.first()?;
    if v.scale() == 0 && first.value.scale() == 0 {
        let place = v
            .mantissa()
            .checked_sub(first.value.mantissa())
            .and_then(|d| usize::try_from(d).ok());
        if let Some(entry) = place.and_then(|p| table.get(p)).filter(alike) {
            return Some(entry);
        }
    }
    table
        .binary_search_by(|entry| entry.value.cmp(&v))
        .ok()
        .and_then(|at| table.get(at))
        .filter(alike)
}

/// The measured spread of a distribution whose categories are all the metric's: evenness `J`
/// or the number of covered categories.
fn spread(
    categories: &[String],
    measure: DistributionMeasure,
    counts: &crate::assessment::Distribution,
) -> Result<Decimal, Error> {
    const OP: &str = "measuring a distribution";
    if measure == DistributionMeasure::Coverage {
        // Every category named is the metric's (checked above), each once.
        return Ok(Decimal::from(counts.counts().filter(|n| *n > 0).count()));
    }
    let present: Vec<u64> = categories
        .iter()
        .map(|c| counts.get(c))
        .filter(|n| *n > 0)
        .collect();
    let total = num::sum(present.iter().map(|n| Decimal::from(*n)), OP)?;
    if total.is_zero() || present.len() < 2 {
        return Ok(Decimal::ZERO);
    }
    let ln = |x: Decimal| {
        x.checked_ln().ok_or(Error::Overflow {
            path: crate::error::Path::root(),
            operation: OP,
        })
    };
    let mut weighted = Decimal::ZERO;
    for n in &present {
        let n = Decimal::from(*n);
        weighted = num::add(weighted, num::mul(n, ln(n)?, OP)?, OP)?;
    }
    // H = ln N - (1/N) Σ c ln c: integer counts keep the sum exact until the one division.
    let entropy = num::sub(ln(total)?, num::div(weighted, total, OP)?, OP)?;
    let k = Decimal::from(categories.len());
    let evenness = num::div(entropy, ln(k)?, OP)?.round_dp_with_strategy(
        EVENNESS_DECIMAL_PLACES,
        RoundingStrategy::MidpointNearestEven,
    );
    Ok(evenness.clamp(Decimal::ZERO, Decimal::ONE))
}
