//! Rules a rubric declares besides its criteria: gates, bands, the total scale and the
//! unable-to-assess policy.

use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::error::{Error, Path};
use crate::num::exact;
use crate::rubric::Direction;

/// The largest magnitude allowed for the ends of a total scale (10^6). With it, points are
/// carried at [`POINTS_DECIMAL_PLACES`](crate::scoring::POINTS_DECIMAL_PLACES) places and their sums
/// never leave what a `Decimal` holds exactly.
pub const MAX_SCALE_MAGNITUDE: Decimal = Decimal::from_parts(1_000_000, 0, 0, false, 0);

/// The range the total is reported on; 0..100, higher is better, by default.
///
/// The weighted normalised score `N` in `[0, 1]` maps to `total = min + (max - min) · N`, or,
/// where lower is better (NIH's 10 = exceptional .. 90 = poor), to
/// `total = min + (max - min) · (1 - N)`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TotalScale {
    /// The lowest total.
    #[serde(with = "exact")]
    #[schemars(with = "crate::kinds::ScaleEnd")]
    pub min: Decimal,
    /// The highest total.
    #[serde(with = "exact")]
    #[schemars(with = "crate::kinds::ScaleEnd")]
    pub max: Decimal,
    /// Whether a higher or a lower total is better (default: higher).
    #[serde(default)]
    pub direction: Direction,
}

impl Default for TotalScale {
    fn default() -> TotalScale {
        TotalScale {
            min: Decimal::ZERO,
            max: Decimal::ONE_HUNDRED,
            direction: Direction::HigherIsBetter,
        }
    }
}

impl TotalScale {
    /// Checks that `value` lies on the scale; `at` is where it stands.
    pub(crate) fn check(self, value: Decimal, at: Path) -> Result<(), Error> {
        if value < self.min || value > self.max {
            return Err(Error::OutOfRange {
                path: at,
                value,
                min: self.min,
                max: self.max,
            });
        }
        Ok(())
    }

    pub(crate) fn validate(self, at: &Path) -> Result<TotalScale, Error> {
        for (key, value) in [("min", self.min), ("max", self.max)] {
            if value.abs() > MAX_SCALE_MAGNITUDE {
                return Err(Error::OutOfRange {
                    path: at.key(key),
                    value,
                    min: -MAX_SCALE_MAGNITUDE,
                    max: MAX_SCALE_MAGNITUDE,
                });
            }
        }
        for (key, value) in [("min", self.min), ("max", self.max)] {
            if value.scale() > crate::num::MAX_DECIMAL_PLACES {
                return Err(Error::TooPrecise {
                    path: at.key(key),
                    value,
                    max_dp: crate::num::MAX_DECIMAL_PLACES,
                });
            }
        }
        if self.min >= self.max {
            return Err(Error::EmptyScale {
                path: at.clone(),
                min: self.min,
                max: self.max,
            });
        }
        Ok(self)
    }
}

/// Whether a rubric assesses proposals (ex ante) or outcomes (ex post).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum RubricKind {
    /// A proposal, assessed before approval.
    Proposal,
    /// An outcome, assessed after the work ended.
    Outcome,
}

crate::label::labels!(RubricKind, "rubric kind" {
    Proposal => "proposal", "Proposal";
    Outcome => "outcome", "Outcome";
});

/// What an "unable to assess" answer does (and an omitted answer, when the rubric's
/// [`OmittedPolicy`] is [`OmittedPolicy::AsUnableToAssess`]).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum UnablePolicy {
    /// Leave the criterion out and share its weight among its siblings in proportion to
    /// theirs; the scorecard flags it. A group whose weighted criteria are all left out is left
    /// out in turn.
    #[default]
    Renormalise,
    /// Score the criterion 0 (its worst answer), flagged.
    CountAsMinimum,
    /// The assessment is incomplete: no total, not eligible. (A criterion of weight 0 cannot
    /// change the total, so it is left out instead.)
    Incomplete,
}

crate::label::labels!(UnablePolicy, "unable-to-assess policy" {
    Renormalise => "renormalise", "Renormalise the others";
    CountAsMinimum => "count_as_minimum", "Count as the minimum";
    Incomplete => "incomplete", "Incomplete";
});

/// What an answer left out of an assessment means. Leaving a criterion out is not the same as
/// answering "unable to assess", so a rubric says which it is; by default a sheet that leaves
/// out a weighted criterion is incomplete, and nothing is passed over in silence.
///
/// ```
/// use igf_rubric::{Assessment, Document, presets};
/// use igf_rubric::rubric::OmittedPolicy;
///
/// let rubric = presets::bpf_proposal();
/// assert_eq!(rubric.doc().omitted, OmittedPolicy::Incomplete);
/// let mut sheet = Assessment::from_json(include_str!("../../examples/data/proposals/ipv6-2016.json"))?;
/// sheet.answers.retain(|a| a.criterion != "P1");
/// let card = rubric.score(&sheet)?;
/// assert!(!card.complete);
/// assert_eq!(rubric.omitted(&sheet).map(|c| c.id.as_str()).collect::<Vec<_>>(), ["P1"]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum OmittedPolicy {
    /// The assessment is incomplete: no total, not eligible, flagged. (An omitted criterion of
    /// weight 0 cannot change the total, so it is left out instead, flagged.)
    #[default]
    Incomplete,
    /// Read as "unable to assess": the rubric's `unable_to_assess` policy applies, flagged.
    AsUnableToAssess,
    /// Score the criterion 0 (its worst answer), flagged.
    CountAsMinimum,
}

crate::label::labels!(OmittedPolicy, "omitted-answer policy" {
    Incomplete => "incomplete", "Incomplete";
    AsUnableToAssess => "as_unable_to_assess", "As unable to assess";
    CountAsMinimum => "count_as_minimum", "Count as the minimum";
});

/// A pass/fail condition: a subject that fails any gate is ineligible whatever its score.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Gate {
    /// Id, unique among the rubric's gates.
    #[schemars(with = "crate::kinds::Id")]
    pub id: String,
    /// Short label, e.g. "Proposal complete".
    pub label: String,
    /// Longer explanation for assessors and readers of the scorecard.
    #[serde(default)]
    pub description: String,
    /// The condition.
    #[serde(deserialize_with = "crate::json::exactly")]
    pub rule: GateRule,
}

/// The condition of a [`Gate`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum GateRule {
    /// A yes/no criterion must be answered yes ("not applicable" passes, where the criterion
    /// allows it; "unable to assess" fails).
    RequiresYes {
        /// The yes/no criterion.
        #[schemars(with = "crate::kinds::Id")]
        #[serde(deserialize_with = "crate::json::located::criterion::any")]
        criterion: String,
    },
    /// A criterion's answer must be at least as good as `threshold`, given in the criterion's
    /// own units (scale value, level points, count, percentage, distribution measure). Horizon
    /// Europe: at least 3 of 5 on each criterion. On a lower-is-better scale "at least as good"
    /// means "at most". Compared on normalised scores; an unassessed criterion fails.
    CriterionMinimum {
        /// The scored criterion.
        #[schemars(with = "crate::kinds::Id")]
        #[serde(deserialize_with = "crate::json::located::criterion::any")]
        criterion: String,
        /// The lowest acceptable answer.
        #[serde(
            serialize_with = "exact::serialize",
            deserialize_with = "crate::json::located::threshold::decimal"
        )]
        #[schemars(with = "crate::kinds::Decimal")]
        threshold: Decimal,
    },
    /// The published total must be at least as good as `threshold` (Horizon Europe: 10 of
    /// 15): at least it, or at most it on a lower-is-better total scale.
    TotalMinimum {
        /// The lowest acceptable published total.
        #[serde(
            serialize_with = "exact::serialize",
            deserialize_with = "crate::json::located::threshold::decimal"
        )]
        #[schemars(with = "crate::kinds::Decimal")]
        threshold: Decimal,
    },
    /// The assessor must not have declared a conflict of interest.
    #[serde(deserialize_with = "crate::json::no_fields")]
    NoConflictOfInterest,
}

/// A named range of the total, e.g. "recommend" from 60.
///
/// Bands are listed from the highest down; each covers totals from its `min` up to the next
/// higher band's `min` (exclusive), the first up to the scale's max. The last band's `min` must
/// be the scale's min, so every total has exactly one band. Bands compare the published total.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Band {
    /// Id, unique among the rubric's bands.
    #[schemars(with = "crate::kinds::Id")]
    pub id: String,
    /// Label shown to readers, e.g. "Highly Satisfactory".
    pub label: String,
    /// The lowest published total in the band (bands are numeric ranges whichever direction
    /// the scale has).
    #[serde(with = "exact")]
    #[schemars(with = "crate::kinds::Decimal")]
    pub min: Decimal,
}

pub(crate) fn validate_bands(bands: &[Band], scale: TotalScale, at: &Path) -> Result<(), Error> {
    let Some(lowest) = bands.last() else {
        return Ok(());
    };
    crate::document::check_ids(bands.iter().map(|b| b.id.as_str()), "band", |i, id| {
        at.item(i, id).key("id")
    })?;
    let mut previous: Option<&Band> = None;
    for (i, band) in bands.iter().enumerate() {
        let here = at.item(i, &band.id);
        scale.check(band.min, here.key("min"))?;
        if let Some(prev) = previous
            && band.min >= prev.min
        {
            return Err(Error::OutOfOrder {
                path: here.key("min"),
                what: "band",
                id: band.id.clone(),
                value: band.min,
                previous_id: prev.id.clone(),
                previous: prev.min,
            });
        }
        previous = Some(band);
    }
    if lowest.min > scale.min {
        return Err(Error::BandGap {
            path: at.clone(),
            from: scale.min,
            to: lowest.min,
        });
    }
    Ok(())
}

/// The band a published total falls in: the first (bands are listed best first) whose
/// minimum it reaches.
pub(crate) fn band_for(bands: &[Band], total: Decimal) -> Option<&Band> {
    band_position(bands, total).and_then(|at| bands.get(at))
}

/// The position in `bands` of [`band_for`]'s band.
pub(crate) fn band_position(bands: &[Band], total: Decimal) -> Option<usize> {
    bands.iter().position(|band| total >= band.min)
}

/// Names a rubric by id and version.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RubricRef {
    /// The rubric's id.
    #[schemars(with = "crate::kinds::Id")]
    pub id: String,
    /// The rubric's version.
    pub version: String,
}

impl std::fmt::Display for GateRule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            GateRule::RequiresYes { criterion } => write!(f, "`{criterion}` answered yes"),
            GateRule::CriterionMinimum {
                criterion,
                threshold,
            } => write!(f, "`{criterion}` at least as good as {threshold}"),
            GateRule::TotalMinimum { threshold } => {
                write!(f, "total at least as good as {threshold}")
            }
            GateRule::NoConflictOfInterest => f.write_str("no conflict of interest declared"),
        }
    }
}
