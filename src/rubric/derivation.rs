//! Derived weights recorded beside the criteria that carry them: which method, given what,
//! before rounding, and to how many places, so a front end can show where the weights come
//! from and a reader can reproduce them.

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Criterion, Node, Rubric};
use crate::decision::{self, AhpOptions, PairwiseMatrix, RandomIndex, Weights, WeightsMethod};
use crate::error::{Error, Path};
use crate::num::exact;

/// How the weights of one group's criteria (or of the top-level criteria) were derived.
///
/// A rubric that loads has weights that are exactly the largest-remainder rounding of
/// `derived` to `places`: each weight rounded down, the units left over given to the largest
/// remainders (the earlier criterion among equal ones), so they add up to exactly 1. Where the
/// inputs allow (direct, equal, rank-based and AHP weights), loading also derives the weights
/// again from `inputs` and checks them against `derived` to 1e-9.
/// See [`Rubric::with_weights`] for an example.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct WeightDerivation {
    /// The group whose criteria carry the weights; absent for the top-level criteria.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<crate::kinds::Id>")]
    pub group: Option<String>,
    /// The criteria, in the order of `derived` and of the inputs: every criterion of the group,
    /// each once.
    #[schemars(length(min = 1))]
    pub criteria: Vec<String>,
    /// The method.
    pub method: WeightsMethod,
    /// What the method was given.
    #[serde(deserialize_with = "crate::json::exactly")]
    pub inputs: WeightInputs,
    /// The weights as derived, before rounding (each `>= 0`, together 1 to 1e-9).
    #[serde(with = "exact::vec")]
    #[schemars(with = "Vec<crate::kinds::NonNegativeDecimal>")]
    pub derived: Vec<Decimal>,
    /// For AHP: the consistency ratio, on the table of [`WeightDerivation::random_index`].
    #[serde(
        default,
        with = "exact::option",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(with = "Option<crate::kinds::NonNegativeDecimal>")]
    pub consistency_ratio: Option<Decimal>,
    /// For AHP: the random index table the consistency ratio divides by (absent: Saaty 1980).
    #[serde(default, skip_serializing_if = "is_saaty_1980")]
    pub random_index: RandomIndex,
    /// The decimal places the weights were rounded to (at most 10).
    #[schemars(range(max = 10))]
    pub places: u32,
    /// Who derived them, when, from what.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

fn is_saaty_1980(table: &RandomIndex) -> bool {
    *table == RandomIndex::Saaty1980
}

/// What a weighting method was given.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case", tag = "kind", deny_unknown_fields)]
#[non_exhaustive]
pub enum WeightInputs {
    /// Nothing (equal weights).
    None,
    /// The weights as given, before normalising (direct weights).
    Given {
        /// One value per criterion, `>= 0`, not all 0.
        #[serde(with = "exact::vec")]
        #[schemars(with = "Vec<crate::kinds::NonNegativeDecimal>")]
        values: Vec<Decimal>,
    },
    /// An ordering (rank-order centroid, rank sum, reciprocal rank).
    Ranks {
        /// Each criterion's rank, 1 the most important; ties share a rank.
        #[schemars(with = "Vec<crate::kinds::PositiveCount>")]
        #[serde(deserialize_with = "crate::json::wholes")]
        ranks: Vec<usize>,
    },
    /// AHP's pairwise comparisons.
    Comparisons {
        /// The comparisons above the diagonal, row by row (`a_12, a_13, ..., a_23, ...`), each
        /// how many times more important the row's criterion is; `null` where not made.
        #[serde(with = "exact::option_vec")]
        #[schemars(with = "Vec<Option<crate::kinds::PositiveDecimal>>")]
        upper: Vec<Option<Decimal>>,
    },
    /// Data the weights were computed from (entropy, CRITIC): which data, in words.
    Data {
        /// E.g. `MAG panel 2026: 6 proposals x 8 criteria`.
        source: String,
    },
}

fn invalid(reason: String) -> Error {
    Error::InvalidData {
        statistic: "weights",
        reason,
    }
}

/// A float as the decimal that prints as its shortest round-tripping form.
fn decimal(x: f64) -> Option<Decimal> {
    format!("{x}").parse().ok()
}

impl WeightInputs {
    /// AHP comparisons given as floats (`1/3` as `0.3333333333333333`).
    ///
    /// # Errors
    /// [`Error::InvalidData`] for a value a decimal cannot hold.
    pub fn comparisons(upper: &[Option<f64>]) -> Result<WeightInputs, Error> {
        let upper = upper
            .iter()
            .map(|v| match v {
                Some(v) => decimal(*v).map(Some).ok_or_else(|| {
                    invalid(format!("the comparison {v} cannot be written as a decimal"))
                }),
                None => Ok(None),
            })
            .collect::<Result<_, _>>()?;
        Ok(WeightInputs::Comparisons { upper })
    }

    /// The weights these inputs give by `method`, where they can be derived again.
    fn derive(
        &self,
        method: WeightsMethod,
        random_index: RandomIndex,
        n: usize,
    ) -> Option<Result<Weights, Error>> {
        let floats = |v: &[Decimal]| v.iter().map(|d| d.to_f64().unwrap_or(f64::NAN)).collect();
        Some(match (method, self) {
            (WeightsMethod::Equal, WeightInputs::None) => decision::equal(n),
            (WeightsMethod::Direct, WeightInputs::Given { values }) => {
                Weights::direct(&floats(values) as &Vec<f64>)
            }
            (WeightsMethod::RankOrderCentroid, WeightInputs::Ranks { ranks }) => {
                decision::rank_order_centroid(ranks)
            }
            (WeightsMethod::RankSum, WeightInputs::Ranks { ranks }) => decision::rank_sum(ranks),
            (WeightsMethod::RankReciprocal, WeightInputs::Ranks { ranks }) => {
                decision::rank_reciprocal(ranks)
            }
            (WeightsMethod::Ahp { priorities }, WeightInputs::Comparisons { upper }) => {
                let upper: Vec<Option<f64>> = upper
                    .iter()
                    .map(|v| v.map(|d| d.to_f64().unwrap_or(f64::NAN)))
                    .collect();
                PairwiseMatrix::from_upper_partial(&upper)
                    .and_then(|m| decision::ahp(&m, AhpOptions::new(priorities, random_index)))
            }
            _ => return None,
        })
    }

    fn fits(&self, method: WeightsMethod) -> bool {
        matches!(
            (method, self),
            (WeightsMethod::Equal, WeightInputs::None)
                | (WeightsMethod::Direct, WeightInputs::Given { .. })
                | (
                    WeightsMethod::RankOrderCentroid
                        | WeightsMethod::RankSum
                        | WeightsMethod::RankReciprocal,
                    WeightInputs::Ranks { .. }
                )
                | (WeightsMethod::Ahp { .. }, WeightInputs::Comparisons { .. })
                | (
                    WeightsMethod::Entropy | WeightsMethod::Critic,
                    WeightInputs::Data { .. }
                )
        )
    }
}

impl WeightDerivation {
    /// The record of `weights` derived for `criteria` (of `group`, or the top level) from
    /// `inputs`, to be rounded to `places`.
    ///
    /// # Errors
    /// [`Error::InvalidData`] when the lengths differ or a weight cannot be written as a
    /// decimal.
    pub fn new(
        group: Option<&str>,
        criteria: Vec<String>,
        weights: &Weights,
        inputs: WeightInputs,
        places: u32,
        note: &str,
    ) -> Result<WeightDerivation, Error> {
        if criteria.len() != weights.values.len() {
            return Err(invalid(format!(
                "{} weights for {} criteria",
                weights.values.len(),
                criteria.len()
            )));
        }
        let derived = weights
            .values
            .iter()
            .map(|v| {
                decimal(*v).ok_or_else(|| {
                    invalid(format!("the weight {v} cannot be written as a decimal"))
                })
            })
            .collect::<Result<_, _>>()?;
        Ok(WeightDerivation {
            group: group.map(str::to_owned),
            criteria,
            method: weights.method,
            inputs,
            derived,
            consistency_ratio: weights.consistency.as_ref().and_then(|c| decimal(c.ratio)),
            random_index: weights
                .consistency
                .as_ref()
                .map_or(RandomIndex::default(), |c| c.random_index_table),
            places,
            note: note.to_owned(),
        })
    }

    /// The weights as the criteria carry them: `derived` rounded to `places` by largest
    /// remainder, adding up to exactly 1.
    ///
    /// # Errors
    /// [`Error::InvalidData`] for more than 10 places or weights that cannot add up to 1.
    pub fn rounded(&self) -> Result<Vec<Decimal>, Error> {
        if self.places > crate::num::MAX_DECIMAL_PLACES {
            return Err(invalid(format!(
                "at most {} places, found {}",
                crate::num::MAX_DECIMAL_PLACES,
                self.places
            )));
        }
        crate::num::largest_remainder(&self.derived, self.places, Decimal::ONE)
    }
}

/// Checks every recorded derivation against the rubric: the group exists and is a group, no
/// group is recorded twice, the criteria are its criteria, the inputs fit the method and give
/// `derived` again, and the weights are `derived` rounded.
pub(super) fn check(rubric: &Rubric, records: &[WeightDerivation], at: &Path) -> Result<(), Error> {
    for (k, record) in records.iter().enumerate() {
        let at = at.index(k);
        let inconsistent = |path: Path, problem: String| Error::Inconsistent { path, problem };
        if records
            .iter()
            .take(k)
            .any(|earlier| earlier.group == record.group)
        {
            return Err(inconsistent(
                at.key("group"),
                format!("{} has a second derivation", scope(record)),
            ));
        }
        let siblings = children(rubric, record, &at)?;
        let ids: Vec<&str> = siblings.iter().map(|c| c.id.as_str()).collect();
        let mut listed: Vec<&str> = record.criteria.iter().map(String::as_str).collect();
        listed.sort_unstable();
        let mut expected = ids.clone();
        expected.sort_unstable();
        if listed != expected {
            return Err(inconsistent(
                at.key("criteria"),
                format!(
                    "lists {:?}, but the criteria of {} are {ids:?}",
                    record.criteria,
                    scope(record)
                ),
            ));
        }
        if record.derived.len() != record.criteria.len() {
            return Err(inconsistent(
                at.key("derived"),
                format!(
                    "{} derived weights for {} criteria",
                    record.derived.len(),
                    record.criteria.len()
                ),
            ));
        }
        if !record.inputs.fits(record.method) {
            return Err(inconsistent(
                at.key("inputs"),
                format!("these inputs cannot give {:?} weights", record.method),
            ));
        }
        check_derived(record, &at)?;
        let rounded = record
            .rounded()
            .map_err(|e| inconsistent(at.key("derived"), e.to_string()))?;
        for (id, want) in record.criteria.iter().zip(rounded) {
            let given = siblings.iter().find(|c| c.id == *id).and_then(|c| c.weight);
            if given.is_none_or(|g| g != want) {
                return Err(inconsistent(
                    at.key("criteria"),
                    format!(
                        "criterion `{id}` has weight {}, but its derivation rounds to {want} \
                         at {} places",
                        given.map_or_else(|| "none".to_owned(), |g| g.to_string()),
                        record.places
                    ),
                ));
            }
        }
    }
    Ok(())
}

fn scope(record: &WeightDerivation) -> String {
    record
        .group
        .as_ref()
        .map_or_else(|| "the top level".to_owned(), |g| format!("group `{g}`"))
}

/// The criteria of the record's group (or the top level).
fn children<'r>(
    rubric: &'r Rubric,
    record: &WeightDerivation,
    at: &Path,
) -> Result<Vec<&'r Criterion>, Error> {
    let positions: &[usize] = match &record.group {
        None => rubric.top(),
        Some(id) => {
            let node: Option<&Node> = rubric.position(id).and_then(|p| rubric.nodes().get(p));
            match node {
                Some(node) if !node.children.is_empty() => &node.children,
                Some(_) => {
                    return Err(Error::Inconsistent {
                        path: at.key("group"),
                        problem: format!("`{id}` is a leaf, not a group"),
                    });
                }
                None => {
                    return Err(Error::UnknownCriterion {
                        path: at.key("group"),
                        id: id.clone(),
                        nearest: Box::new([]),
                    });
                }
            }
        }
    };
    Ok(positions
        .iter()
        .filter_map(|p| rubric.nodes().get(*p))
        .map(|n| &n.criterion)
        .collect())
}

/// `derived` sums to 1, and where the inputs can be derived again, agrees with them to 1e-9.
fn check_derived(record: &WeightDerivation, at: &Path) -> Result<(), Error> {
    let total = record
        .derived
        .iter()
        .try_fold(Decimal::ZERO, |s, v| s.checked_add(*v));
    let off = total
        .and_then(|t| t.checked_sub(Decimal::ONE))
        .map(|d| d.abs());
    if off.is_none_or(|off| off > Decimal::new(1, 9)) {
        return Err(Error::Inconsistent {
            path: at.key("derived"),
            problem: format!(
                "the derived weights add up to {}, not 1",
                total.map_or_else(|| "more than a decimal holds".to_owned(), |t| t.to_string())
            ),
        });
    }
    let Some(again) =
        record
            .inputs
            .derive(record.method, record.random_index, record.criteria.len())
    else {
        return Ok(());
    };
    let again = again.map_err(|e| Error::Inconsistent {
        path: at.key("inputs"),
        problem: e.to_string(),
    })?;
    for ((id, recorded), value) in record
        .criteria
        .iter()
        .zip(&record.derived)
        .zip(&again.values)
    {
        let recorded = recorded.to_f64().unwrap_or(f64::NAN);
        if (recorded - value).abs().is_nan() || (recorded - value).abs() > 1e-9 {
            return Err(Error::Inconsistent {
                path: at.key("derived"),
                problem: format!(
                    "criterion `{id}`: the inputs give {value:.6}, not the recorded {recorded}"
                ),
            });
        }
    }
    if let (Some(recorded), Some(consistency)) = (record.consistency_ratio, &again.consistency) {
        let recorded = recorded.to_f64().unwrap_or(f64::NAN);
        let off = (recorded - consistency.ratio).abs();
        if off.is_nan() || off > 1e-9 {
            return Err(Error::Inconsistent {
                path: at.key("consistency_ratio"),
                problem: format!(
                    "the comparisons give a consistency ratio of {:.6} on the random index of {}, not the recorded {recorded}",
                    consistency.ratio,
                    record.random_index.citation()
                ),
            });
        }
    }
    Ok(())
}

impl Rubric {
    /// This rubric with the weights of `derivation`'s criteria set to its rounded weights,
    /// and the derivation recorded beside them (replacing an earlier one for the same group).
    ///
    /// ```
    /// use igf_rubric::Document;
    /// use igf_rubric::decision::{PairwiseMatrix, PriorityMethod, ahp};
    /// use igf_rubric::{Rubric, rubric::{WeightDerivation, WeightInputs}};
    ///
    /// let scale = r#"{"type": "scale", "min": 1, "max": 5}"#;
    /// let rubric = Rubric::from_json(&format!(
    ///     r#"{{"id": "mini", "version": "1", "title": "Mini", "kind": "proposal", "criteria": [
    ///         {{"id": "relevance", "name": "Relevance", "weight": 1, "metric": {scale}}},
    ///         {{"id": "feasibility", "name": "Feasibility", "weight": 1, "metric": {scale}}},
    ///         {{"id": "inclusion", "name": "Inclusion", "weight": 1, "metric": {scale}}}]}}"#
    /// ))?;
    /// let top = vec!["relevance".to_owned(), "feasibility".to_owned(), "inclusion".to_owned()];
    /// // The MAG finds relevance twice as important as feasibility and four times as important
    /// // as inclusion; feasibility twice as important as inclusion.
    /// let upper = [Some(2.0), Some(4.0), Some(2.0)];
    /// let weights = ahp(&PairwiseMatrix::from_upper_partial(&upper)?, PriorityMethod::Eigenvector)?;
    /// let derivation = WeightDerivation::new(
    ///     None,
    ///     top,
    ///     &weights,
    ///     WeightInputs::comparisons(&upper)?,
    ///     2,
    ///     "MAG working session, 2026-11-29",
    /// )?;
    /// let weighted = rubric.with_weights(derivation)?;
    /// let given: Vec<String> =
    ///     weighted.doc().criteria.iter().map(|c| c.weight.unwrap_or_default().to_string()).collect();
    /// assert_eq!(given, ["0.57", "0.29", "0.14"]);
    /// // The record travels with the rubric and is checked when it loads again.
    /// assert_eq!(Rubric::from_json(&weighted.to_json()?)?, weighted);
    /// # Ok::<(), igf_rubric::Error>(())
    /// ```
    ///
    /// # Errors
    /// As for loading a rubric whose weights and record disagree: the group unknown, the
    /// criteria not the group's, the inputs not fitting the method or not giving the
    /// derived weights.
    pub fn with_weights(&self, derivation: WeightDerivation) -> Result<Rubric, Error> {
        let mut doc = self.doc.clone();
        let rounded = derivation.rounded()?;
        let siblings: &mut Vec<Criterion> = match &derivation.group {
            None => &mut doc.criteria,
            Some(id) => find_mut(&mut doc.criteria, id)
                .map(|c| &mut c.criteria)
                .ok_or_else(|| Error::UnknownCriterion {
                    path: Path::root().key("weighting"),
                    id: id.clone(),
                    nearest: Box::new([]),
                })?,
        };
        for (id, weight) in derivation.criteria.iter().zip(rounded) {
            if let Some(criterion) = siblings.iter_mut().find(|c| c.id == *id) {
                criterion.weight = Some(weight);
            }
        }
        doc.weighting.retain(|w| w.group != derivation.group);
        doc.weighting.push(derivation);
        Rubric::try_from(doc)
    }
}

fn find_mut<'c>(criteria: &'c mut [Criterion], id: &str) -> Option<&'c mut Criterion> {
    for criterion in criteria {
        if criterion.id == id {
            return Some(criterion);
        }
        if let Some(found) = find_mut(&mut criterion.criteria, id) {
            return Some(found);
        }
    }
    None
}
