//! The rules a panel follows: how to combine assessors, when a subject has too few, what
//! counts as divergence, calibration, thresholds, capacity, ranking weights and tie-breaks.

use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::Aggregation;
use super::Rubric;
use crate::error::{Error, Path};
use crate::num::exact;

/// How a panel combines, checks, ranks and selects. A rubric may declare them (`panel`), and a
/// [`Panel`](crate::Panel) document may override them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PanelRules {
    /// How the assessors of one subject are combined (default: mean).
    #[serde(default, deserialize_with = "crate::json::exactly")]
    pub aggregation: Aggregation,
    /// Whether assessors' totals are combined, or each criterion is combined and the totals
    /// computed from the combined criteria (Horizon Europe's median per criterion, summed).
    #[serde(default)]
    pub basis: Basis,
    /// A subject with fewer valid assessors is marked insufficient, never scored (default 1).
    #[serde(default = "one")]
    #[schemars(range(min = 1, max = 4_294_967_295_u32))]
    pub min_assessors: usize,
    /// Flag a criterion (or the total) when its assessors' normalised scores span more than
    /// this, in `(0, 1]`: 0.5 is 2 points on a 1..5 scale.
    #[serde(
        default,
        with = "exact::option",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(with = "Option<crate::kinds::UnitFraction>")]
    pub divergence: Option<Decimal>,
    /// Per-assessor calibration of totals (z-scores mapped back to the panel's mean and spread).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub calibration: Option<Calibration>,
    /// The combined total a subject must reach (at least as good as) to be selected.
    #[serde(
        default,
        with = "exact::option",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(with = "Option<crate::kinds::Decimal>")]
    pub threshold: Option<Decimal>,
    /// How many subjects can be selected (e.g. the BPFs the Secretariat can support).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 1, max = 4_294_967_295_u32))]
    pub capacity: Option<usize>,
    /// Weight multipliers that count for ranking only, never for thresholds (Horizon Europe
    /// innovation actions: Impact x 1.5). The ranking score re-scores the included assessments
    /// (uncalibrated) or the combined criteria under the re-weighted rubric, on the total's
    /// scale; a consensus on the total is ranked as agreed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ranking_weights: Vec<RankingWeight>,
    /// How subjects with equal ranking scores are ordered, in turn; a tie the chain cannot
    /// break is reported as a tie.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "crate::json::exactly_each"
    )]
    pub tie_break: Vec<TieBreak>,
    /// Totals of a reference pool (e.g. the two previous rounds) for percentile ranks; empty:
    /// percentiles against this panel.
    #[serde(default, with = "exact::vec", skip_serializing_if = "Vec::is_empty")]
    #[schemars(with = "Vec<crate::kinds::Decimal>")]
    pub reference_pool: Vec<Decimal>,
    /// Whether an assessment that cannot be scored stops the review with its error (`true`), or
    /// is excluded from its subject with the error as the reason (`false`, the default), so
    /// that one bad sheet does not hold up a whole call.
    #[serde(default, skip_serializing_if = "is_false")]
    pub strict: bool,
}

fn is_false(b: &bool) -> bool {
    !*b
}

impl Default for PanelRules {
    fn default() -> PanelRules {
        PanelRules {
            aggregation: Aggregation::Mean,
            basis: Basis::Totals,
            min_assessors: 1,
            divergence: None,
            calibration: None,
            threshold: None,
            capacity: None,
            ranking_weights: Vec::new(),
            tie_break: Vec::new(),
            reference_pool: Vec::new(),
            strict: false,
        }
    }
}

fn one() -> usize {
    1
}

/// What a panel combines.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Basis {
    /// Combine each assessor's total.
    #[default]
    Totals,
    /// Combine each criterion's normalised scores, then score the combined profile.
    Criteria,
}

crate::label::labels!(Basis, "basis" {
    Totals => "totals", "Totals";
    Criteria => "criteria", "Criteria";
});

/// Per-assessor calibration: an assessor who scored at least `min_subjects` subjects has each
/// total replaced by `panel mean + z · panel sd`, with `z` the total's z-score among that
/// assessor's totals.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Calibration {
    /// The fewest subjects an assessor must have scored to be calibrated (at least 2).
    #[schemars(range(min = 2, max = 4_294_967_295_u32))]
    pub min_subjects: usize,
}

/// A weight multiplier used for ranking only.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RankingWeight {
    /// The criterion whose weight is multiplied.
    #[schemars(with = "crate::kinds::Id")]
    pub criterion: String,
    /// The multiplier, >= 0.
    #[serde(with = "exact")]
    #[schemars(with = "crate::kinds::NonNegativeDecimal")]
    pub factor: Decimal,
}

/// One step of a tie-break chain.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "by", rename_all = "snake_case", deny_unknown_fields)]
pub enum TieBreak {
    /// The higher combined normalised score on a criterion wins.
    Criterion {
        /// The criterion compared.
        #[schemars(with = "crate::kinds::Id")]
        #[serde(deserialize_with = "crate::json::located::criterion::any")]
        criterion: String,
    },
    /// The smaller spread (range) of the assessors' totals wins.
    #[serde(deserialize_with = "crate::json::no_fields")]
    SmallerSpread,
}

impl PanelRules {
    /// Checks the rules against the rubric they will run under; `at` is where they stand.
    pub(crate) fn validate(&self, rubric: &Rubric, at: &Path) -> Result<(), Error> {
        self.check_own(at)?;
        let scale = rubric.scale();
        if let Some(t) = self.threshold {
            scale.check(t, at.key("threshold"))?;
        }
        for (i, w) in self.ranking_weights.iter().enumerate() {
            known(
                rubric,
                &w.criterion,
                &at.key("ranking_weights").item(i, &w.criterion),
            )?;
        }
        for (i, step) in self.tie_break.iter().enumerate() {
            if let TieBreak::Criterion { criterion } = step {
                known(rubric, criterion, &at.key("tie_break").item(i, criterion))?;
            }
        }
        for (i, value) in self.reference_pool.iter().enumerate() {
            scale.check(*value, at.key("reference_pool").index(i))?;
        }
        Ok(())
    }

    /// Checks what the rules say on their own, whatever the rubric: ranges of counts, shares
    /// and factors. Run when a panel document loads.
    pub(crate) fn check_own(&self, at: &Path) -> Result<(), Error> {
        let out_of_range =
            |key: &str, value: Decimal, min: Decimal, max: Decimal| Error::OutOfRange {
                path: at.key(key),
                value,
                min,
                max,
            };
        match self.aggregation {
            Aggregation::TrimmedMean { trim } | Aggregation::WinsorisedMean { trim } => {
                trim.validate().map_err(|problem| Error::InvalidRule {
                    path: at.key("aggregation").key("trim"),
                    problem,
                })?;
            }
            _ => {}
        }
        let beyond = |n: usize, min: usize| n < min || u32::try_from(n).is_err();
        if beyond(self.min_assessors, 1) {
            return Err(out_of_range(
                "min_assessors",
                Decimal::from(self.min_assessors),
                Decimal::ONE,
                Decimal::from(u32::MAX),
            ));
        }
        if let Some(d) = self.divergence
            && (d <= Decimal::ZERO || d > Decimal::ONE)
        {
            return Err(Error::OutOfOpenRange {
                path: at.key("divergence"),
                value: d,
                above: Decimal::ZERO,
                max: Decimal::ONE,
            });
        }
        if let Some(c) = self.calibration {
            if beyond(c.min_subjects, 2) {
                let value = Decimal::from(c.min_subjects);
                return Err(Error::OutOfRange {
                    path: at.key("calibration").key("min_subjects"),
                    value,
                    min: Decimal::TWO,
                    max: Decimal::from(u32::MAX),
                });
            }
            if self.basis == Basis::Criteria {
                return Err(Error::InvalidRule {
                    path: at.key("calibration"),
                    problem: "calibration adjusts assessors' totals, so it needs `basis: totals`"
                        .to_owned(),
                });
            }
        }
        if let Some(capacity) = self.capacity
            && beyond(capacity, 1)
        {
            return Err(out_of_range(
                "capacity",
                Decimal::from(capacity),
                Decimal::ONE,
                Decimal::from(u32::MAX),
            ));
        }
        for (i, w) in self.ranking_weights.iter().enumerate() {
            if w.factor.is_sign_negative() && !w.factor.is_zero() {
                return Err(Error::NegativeWeight {
                    path: at
                        .key("ranking_weights")
                        .item(i, &w.criterion)
                        .key("factor"),
                    value: w.factor,
                });
            }
        }
        Ok(())
    }
}

fn known(rubric: &Rubric, id: &str, at: &Path) -> Result<(), Error> {
    match rubric.criterion(id) {
        Some(_) => Ok(()),
        None => Err(rubric.unknown_criterion(id, at.key("criterion"), false)),
    }
}

impl std::fmt::Display for TieBreak {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            TieBreak::Criterion { criterion } => write!(f, "better `{criterion}`"),
            TieBreak::SmallerSpread => f.write_str("smaller spread among assessors"),
        }
    }
}
