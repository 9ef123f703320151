//! Rubric documents: a tree of weighted criteria with metrics, gates, bands and rounding,
//! validated when loaded.
//!
//! ```
//! use igf_rubric::{Document, Criterion, Metric, Rubric, RubricKind, rubric::RubricDoc};
//!
//! // In code...
//! let built = RubricDoc::new("workshop", "1", "Workshops", RubricKind::Proposal)
//!     .criterion(Criterion::leaf("relevance", "Relevance", 2, Metric::scale(1, 5)))
//!     .criterion(Criterion::leaf("partners", "Partners", 1, Metric::count(3)))
//!     .build()?;
//! // ...or from JSON, checked the same way: a rubric that loads is valid.
//! let loaded = Rubric::from_json(&built.to_json()?)?;
//! assert_eq!(loaded, built);
//! assert_eq!(loaded.criterion("partners").map(|c| c.name.as_str()), Some("Partners"));
//! # Ok::<(), igf_rubric::Error>(())
//! ```

mod aggregation;
mod build;
mod derivation;
mod indicator;
mod metric;
mod panel;
mod plan;
mod rule;

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

pub use crate::document::MAX_ID_LEN;
pub use crate::num::MAX_DECIMAL_PLACES;
pub use aggregation::{Aggregation, Trim};
pub use derivation::{WeightDerivation, WeightInputs};
pub use indicator::{Indicator, NO_UPTAKE, UptakeLevel};
pub use metric::{
    CountCurve, Direction, DistributionMeasure, EVENNESS_DECIMAL_PLACES, Level, Metric,
};
pub(crate) use metric::{Fraction, RawValue, TableScore, out_of_range};
pub use panel::{Basis, Calibration, PanelRules, RankingWeight, TieBreak};
use plan::PlanCell;
pub(crate) use plan::{QuickPlan, Sharing};
pub use rule::{
    Band, Gate, GateRule, MAX_SCALE_MAGNITUDE, OmittedPolicy, RubricKind, RubricRef, TotalScale,
    UnablePolicy,
};
pub(crate) use rule::{band_for, band_position};

use crate::document::{FORMAT_VERSION, check_format, check_id, check_ids};
use crate::error::{Error, Path};
use crate::num::{Rounding, exact};

/// The most levels of groups a rubric may nest: a criterion inside 32 groups is the deepest.
/// (A rubric in JSON this deep is about 70 levels of arrays and objects, within the reader's
/// [`MAX_DEPTH`](crate::json::MAX_DEPTH).)
pub const MAX_NESTING: usize = 32;

/// A rubric as written in JSON: the unvalidated shape of a [`Rubric`].
///
/// Build one in code and turn it into a [`Rubric`] with `Rubric::try_from`, or load JSON with
/// [`Rubric::from_json`](crate::Document::from_json). Unknown fields are rejected, so a typo is an error, not a silently
/// dropped setting.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "Rubric")]
pub struct RubricDoc {
    /// Version of the document format; 1.
    #[serde(default = "format_version")]
    #[schemars(extend("const" = 1))]
    pub format_version: u32,
    /// The rubric's id, e.g. `bpf-proposal`.
    #[schemars(with = "crate::kinds::Id")]
    pub id: String,
    /// The rubric's own version, e.g. `2021.1`; assessments name it.
    pub version: String,
    /// Title shown to assessors.
    pub title: String,
    /// Whether it assesses proposals or outcomes.
    pub kind: RubricKind,
    /// What the rubric is for and why it is built as it is.
    #[serde(default)]
    pub description: String,
    /// The range totals are reported on (default 0..100).
    #[serde(default)]
    pub scale: TotalScale,
    /// How published scores are rounded (default 2 places, half-even).
    #[serde(default)]
    pub rounding: Rounding,
    /// What an "unable to assess" answer does (default: renormalise).
    #[serde(default)]
    pub unable_to_assess: UnablePolicy,
    /// What a criterion left out of an assessment means (default: the sheet is incomplete).
    #[serde(default)]
    pub omitted: OmittedPolicy,
    /// The criteria tree: groups hold criteria, leaves carry a metric.
    #[schemars(length(min = 1))]
    pub criteria: Vec<Criterion>,
    /// Pass/fail conditions for eligibility.
    #[serde(default)]
    pub gates: Vec<Gate>,
    /// Named ranges of the total, highest first.
    #[serde(default)]
    pub bands: Vec<Band>,
    /// How panels using this rubric combine, rank and select, unless a panel says otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub panel: Option<PanelRules>,
    /// How derived weights were derived, one record per group (or the top level) whose
    /// criteria carry them ([`Rubric::with_weights`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub weighting: Vec<WeightDerivation>,
}

fn format_version() -> u32 {
    FORMAT_VERSION
}

/// A criterion: either a group of criteria or a scored leaf with a metric.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(extend(
    "if" = { "properties": { "metric": true }, "required": ["metric"] },
    "then" = { "not": { "properties": { "criteria": true }, "required": ["criteria"] } },
    "else" = { "properties": { "criteria": true }, "required": ["criteria"] }
))]
pub struct Criterion {
    /// Id, unique in the whole rubric: letters, digits, `_`, `-` and `.`.
    #[schemars(with = "crate::kinds::Id")]
    pub id: String,
    /// Short name.
    pub name: String,
    /// Guidance for assessors.
    #[serde(default)]
    pub description: String,
    /// Weight relative to its siblings (>= 0; siblings are normalised, so scaling them all by
    /// the same factor changes nothing). Required for scored criteria and groups; a text
    /// criterion has none or 0.
    #[serde(
        default,
        with = "exact::option",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(with = "Option<crate::kinds::NonNegativeDecimal>")]
    pub weight: Option<Decimal>,
    /// Whether an answer is required: a missing answer is an error, and "unable to assess"
    /// makes the assessment incomplete.
    #[serde(default, skip_serializing_if = "is_false")]
    pub required: bool,
    /// Whether "not applicable" is an accepted answer (e.g. "previous output published" for a
    /// new BPF). A not-applicable criterion is left out and its siblings renormalised.
    #[serde(default, skip_serializing_if = "is_false")]
    pub allow_not_applicable: bool,
    /// The metric of a leaf; absent on a group.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::json::exactly_present"
    )]
    #[schemars(with = "Metric")]
    pub metric: Option<Metric>,
    /// The indicator of an outcome record this leaf takes its answer from, e.g.
    /// `{"indicator": "delivery_rate"}` ([`Rubric::apply_evidence`]); its answer type must be
    /// the metric's.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::json::exactly_present"
    )]
    #[schemars(with = "Indicator")]
    pub evidence: Option<Indicator>,
    /// The children of a group (at least one); absent on a leaf.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "non_empty_group"
    )]
    #[schemars(length(min = 1))]
    pub criteria: Vec<Criterion>,
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// Reads a group's `criteria`: present means a group, so it must hold at least one criterion.
fn non_empty_group<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<Vec<Criterion>, D::Error> {
    let criteria = Vec::<Criterion>::deserialize(deserializer)?;
    if criteria.is_empty() {
        return Err(serde::de::Error::custom(
            "a group needs at least one criterion (leave `criteria` out of a leaf)",
        ));
    }
    Ok(criteria)
}

/// A validated rubric: every id unique, every weight and metric sound, every reference
/// resolved. A `Rubric` that exists is a valid one.
///
/// ```
/// use igf_rubric::Document;
/// use igf_rubric::Rubric;
///
/// let rubric = Rubric::from_json(r#"{
///   "id": "demo", "version": "1", "title": "Demo", "kind": "proposal",
///   "criteria": [
///     { "id": "relevance", "name": "Relevance", "weight": 2,
///       "metric": { "type": "scale", "min": 1, "max": 5 } },
///     { "id": "partners", "name": "Partners", "weight": 1,
///       "metric": { "type": "count", "target": 3 } }
///   ]
/// }"#)?;
/// assert_eq!(rubric.id(), "demo");
/// assert_eq!(rubric.criterion("partners").map(|c| c.name.as_str()), Some("Partners"));
/// # Ok::<(), igf_rubric::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "RubricDoc", into = "RubricDoc")]
pub struct Rubric {
    doc: RubricDoc,
    nodes: Vec<Node>,
    top: Vec<usize>,
    by_id: Vec<(String, usize)>,
    leaves: Vec<usize>,
    /// What the bare total's short way needs, worked out on first use.
    quick_plan: PlanCell,
}

/// A criterion of the tree, flattened in document order, with ids resolved to positions.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Node {
    pub(crate) criterion: Criterion,
    pub(crate) path: Path,
    pub(crate) children: Vec<usize>,
}

impl Node {
    pub(crate) fn weight(&self) -> Decimal {
        self.criterion.weight.unwrap_or(Decimal::ZERO)
    }
}

impl Rubric {
    /// The document the rubric was built from.
    #[must_use]
    pub fn doc(&self) -> &RubricDoc {
        &self.doc
    }

    /// The rubric's id.
    #[must_use]
    pub fn id(&self) -> &str {
        &self.doc.id
    }

    /// The rubric's version.
    #[must_use]
    pub fn version(&self) -> &str {
        &self.doc.version
    }

    /// Proposal or outcome.
    #[must_use]
    pub fn kind(&self) -> RubricKind {
        self.doc.kind
    }

    /// The range totals are reported on.
    #[must_use]
    pub fn scale(&self) -> TotalScale {
        self.doc.scale
    }

    /// How published scores are rounded.
    #[must_use]
    pub fn rounding(&self) -> Rounding {
        self.doc.rounding
    }

    /// The criterion with this id, group or leaf.
    ///
    /// ```
    /// let rubric = igf_rubric::presets::bpf_proposal();
    /// let p1 = rubric.criterion("P1").map(|c| c.name.as_str());
    /// assert_eq!(p1, Some("Relevance and timeliness"));
    /// assert!(rubric.criterion("P99").is_none());
    /// ```
    #[must_use]
    pub fn criterion(&self, id: &str) -> Option<&Criterion> {
        self.position(id)
            .and_then(|at| self.nodes.get(at))
            .map(|node| &node.criterion)
    }

    /// The leaf criteria (the ones answered), in document order.
    ///
    /// ```
    /// let rubric = igf_rubric::presets::bpf_proposal();
    /// let ids: Vec<&str> = rubric.leaves().map(|c| c.id.as_str()).collect();
    /// assert_eq!(ids.first(), Some(&"G1"));
    /// assert!(ids.contains(&"P5a") && !ids.contains(&"P5")); // a group is not a leaf
    /// ```
    pub fn leaves(&self) -> impl Iterator<Item = &Criterion> {
        self.leaves
            .iter()
            .filter_map(|at| self.nodes.get(*at))
            .map(|node| &node.criterion)
    }

    pub(crate) fn nodes(&self) -> &[Node] {
        &self.nodes
    }

    pub(crate) fn top(&self) -> &[usize] {
        &self.top
    }

    /// The position of a criterion id, by binary search over ids sorted once at load.
    pub(crate) fn position(&self, id: &str) -> Option<usize> {
        self.by_id
            .binary_search_by(|(key, _)| key.as_str().cmp(id))
            .ok()
            .and_then(|found| self.by_id.get(found))
            .map(|(_, at)| *at)
    }

    /// What the bare total's short way needs, if it can take it; `plan_of` (the scoring
    /// engine's) works it out the first time.
    pub(crate) fn quick_plan(
        &self,
        plan_of: impl FnOnce(&Rubric) -> Option<QuickPlan>,
    ) -> Option<&QuickPlan> {
        self.quick_plan.get_or_init(|| plan_of(self))
    }

    /// How the short way shares the total when the criteria at `left_out` (ascending) are left
    /// out; `sharing_of` (the scoring engine's) works it out the first time that set is met.
    pub(crate) fn sharing_without(
        &self,
        left_out: &[usize],
        sharing_of: impl FnOnce(&Rubric, &[usize]) -> Option<Sharing>,
    ) -> Option<std::sync::Arc<Sharing>> {
        self.quick_plan
            .without(left_out, || sharing_of(self, left_out))
    }

    /// The position of the leaf an answer names, trying the leaf at the answer's own ordinal
    /// first (answers are usually written in rubric order).
    pub(crate) fn leaf_position(&self, ordinal: usize, id: &str) -> Option<usize> {
        if let Some(at) = self.leaves.get(ordinal)
            && self.nodes.get(*at).is_some_and(|n| n.criterion.id == id)
        {
            return Some(*at);
        }
        self.position(id)
    }
}

impl From<Rubric> for RubricDoc {
    fn from(rubric: Rubric) -> RubricDoc {
        rubric.doc
    }
}

impl TryFrom<RubricDoc> for Rubric {
    type Error = Error;

    fn try_from(doc: RubricDoc) -> Result<Rubric, Error> {
        let root = Path::root();
        let mut walker = Walker::default();
        let walked = check_format(doc.format_version)
            .and_then(|()| check_id(&doc.id, &root.key("id")))
            .and_then(|()| doc.scale.validate(&root.key("scale")).map(|_| ()))
            .and_then(|()| doc.rounding.validate(&root.key("rounding")).map(|_| ()))
            .and_then(|()| walker.walk(&doc.criteria, &root.key("criteria"), "the rubric", true));
        let top = match walked {
            Ok(top) => top,
            Err(error) => {
                // A document built in code may nest deeper than the walker goes; dropping it
                // the ordinary way would recurse once per level.
                dismantle(doc.criteria);
                return Err(error);
            }
        };
        if walker.leaves.is_empty() {
            return Err(Error::TooFew {
                path: root.key("criteria"),
                what: "criteria",
                min: 1,
                found: 0,
            });
        }
        let mut by_id: Vec<(String, usize)> = walker
            .first_seen
            .into_iter()
            .map(|(id, (at, _))| (id, at))
            .collect();
        by_id.sort();
        let rubric = Rubric {
            nodes: walker.nodes,
            leaves: walker.leaves,
            top,
            by_id,
            doc,
            quick_plan: PlanCell::default(),
        };
        rubric.validate_gates()?;
        rule::validate_bands(&rubric.doc.bands, rubric.doc.scale, &root.key("bands"))?;
        if let Some(rules) = &rubric.doc.panel {
            rules.validate(&rubric, &root.key("panel"))?;
        }
        derivation::check(&rubric, &rubric.doc.weighting, &root.key("weighting"))?;
        Ok(rubric)
    }
}

impl Rubric {
    fn validate_gates(&self) -> Result<(), Error> {
        let list = Path::root().key("gates");
        check_ids(
            self.doc.gates.iter().map(|g| g.id.as_str()),
            "gate",
            |i, id| list.item(i, id).key("id"),
        )?;
        for (i, gate) in self.doc.gates.iter().enumerate() {
            let here = list.item(i, &gate.id);
            let rule_at = here.key("rule");
            match &gate.rule {
                GateRule::RequiresYes { criterion } => {
                    let node = self.gate_target(criterion, &rule_at)?;
                    if node.criterion.metric != Some(Metric::YesNo) {
                        return Err(Error::Mismatch {
                            path: rule_at.key("criterion"),
                            criterion: criterion.clone(),
                            problem:
                                "is not a yes_no criterion, so it cannot be required to be yes"
                                    .to_owned(),
                        });
                    }
                }
                GateRule::CriterionMinimum {
                    criterion,
                    threshold,
                } => {
                    let node = self.gate_target(criterion, &rule_at)?;
                    let Some(metric) = &node.criterion.metric else {
                        return Err(Error::Mismatch {
                            path: rule_at.key("criterion"),
                            criterion: criterion.clone(),
                            problem: "is a group; minimums apply to scored criteria".to_owned(),
                        });
                    };
                    metric.normalise_raw(criterion, *threshold, &rule_at.key("threshold"))?;
                }
                GateRule::TotalMinimum { threshold } => {
                    self.doc.scale.check(*threshold, rule_at.key("threshold"))?;
                }
                GateRule::NoConflictOfInterest => {}
            }
        }
        Ok(())
    }

    fn gate_target(&self, id: &str, rule_at: &Path) -> Result<&Node, Error> {
        self.position(id)
            .and_then(|at| self.nodes.get(at))
            .ok_or_else(|| self.unknown_criterion(id, rule_at.key("criterion"), false))
    }

    /// The error for a reference to a criterion the rubric lacks, with the nearest ids (of
    /// leaves only, where only a leaf fits).
    pub(crate) fn unknown_criterion(&self, id: &str, path: Path, leaves_only: bool) -> Error {
        let ids = self
            .nodes
            .iter()
            .filter(|n| !leaves_only || n.criterion.metric.is_some())
            .map(|n| n.criterion.id.as_str());
        Error::UnknownCriterion {
            path,
            id: crate::error::shorten(id),
            nearest: crate::error::nearest(id, ids),
        }
    }
}

/// Walks the criteria tree once, checking each node and flattening it.
#[derive(Default)]
struct Walker {
    nodes: Vec<Node>,
    leaves: Vec<usize>,
    first_seen: BTreeMap<String, (usize, Path)>,
    /// Groups entered on the way to the criteria being walked.
    depth: usize,
}

impl Walker {
    /// Checks and flattens `criteria` (the children of `parent`); returns their positions.
    fn walk(
        &mut self,
        criteria: &[Criterion],
        at: &Path,
        parent: &str,
        scored: bool,
    ) -> Result<Vec<usize>, Error> {
        if criteria.is_empty() {
            return Err(Error::TooFew {
                path: at.clone(),
                what: "criteria",
                min: 1,
                found: 0,
            });
        }
        let mut positions = Vec::with_capacity(criteria.len());
        let mut any_weight = false;
        let mut sum = Some(Decimal::ZERO);
        for (i, criterion) in criteria.iter().enumerate() {
            let here = at.item(i, &criterion.id);
            let position = self.node(criterion, &here)?;
            let weight = criterion.weight.unwrap_or_default();
            any_weight |= !weight.is_zero();
            sum = sum.and_then(|s| s.checked_add(weight));
            if sum.is_none() {
                return Err(Error::BadWeight {
                    path: here.key("weight"),
                    problem: format!(
                        "the weights of {parent} add up to more than a decimal holds ({}); only their ratios matter, so scale them down",
                        Decimal::MAX
                    ),
                });
            }
            positions.push(position);
        }
        if scored && !any_weight {
            return Err(Error::ZeroTotalWeight {
                path: at.clone(),
                parent: parent.to_owned(),
            });
        }
        Ok(positions)
    }

    fn node(&mut self, criterion: &Criterion, here: &Path) -> Result<usize, Error> {
        let id = &criterion.id;
        check_id(id, &here.key("id"))?;
        let position = self.nodes.len();
        if let Some((_, first)) = self.first_seen.get(id) {
            return Err(Error::DuplicateId {
                path: here.key("id"),
                what: "criterion",
                id: id.clone(),
                first: first.clone(),
            });
        }
        self.first_seen
            .insert(id.clone(), (position, here.key("id")));
        check_weight(criterion, here)?;
        // The node keeps the criterion without its children (they are nodes of their own).
        self.nodes.push(Node {
            criterion: Criterion {
                id: criterion.id.clone(),
                name: criterion.name.clone(),
                description: criterion.description.clone(),
                weight: criterion.weight,
                required: criterion.required,
                allow_not_applicable: criterion.allow_not_applicable,
                metric: criterion.metric.clone(),
                evidence: criterion.evidence,
                criteria: Vec::new(),
            },
            path: here.clone(),
            children: Vec::new(),
        });
        match (&criterion.metric, criterion.criteria.is_empty()) {
            (Some(_), false) => Err(malformed(
                here,
                id,
                "has both `metric` and `criteria`; a criterion is either a leaf or a group",
            )),
            (None, true) => Err(malformed(here, id, "has neither `metric` nor `criteria`")),
            (Some(metric), true) => {
                metric.validate(&here.key("metric"))?;
                if let Some(indicator) = criterion.evidence {
                    indicator.check_metric(id, metric, &here.key("evidence"))?;
                }
                self.leaves.push(position);
                Ok(position)
            }
            (None, false) if criterion.evidence.is_some() => Err(malformed(
                here,
                id,
                "is a group, which takes no `evidence` (give it to its leaves)",
            )),
            (None, false) if self.depth >= MAX_NESTING => Err(malformed(
                here,
                id,
                "nests groups deeper than the 32 levels a rubric may have",
            )),
            (None, false) => {
                let scored = criterion.weight.is_some_and(|w| !w.is_zero());
                self.depth = self.depth.saturating_add(1);
                let children = self.walk(
                    &criterion.criteria,
                    &here.key("criteria"),
                    &format!("group `{id}`"),
                    scored,
                );
                self.depth = self.depth.saturating_sub(1);
                let children = children?;
                if let Some(node) = self.nodes.get_mut(position) {
                    node.children = children;
                }
                Ok(position)
            }
        }
    }
}

/// Drops a criteria tree of any depth without recursing: children are moved to a list and
/// dropped one by one.
fn dismantle(criteria: Vec<Criterion>) {
    let mut pending = criteria;
    while let Some(mut criterion) = pending.pop() {
        pending.append(&mut criterion.criteria);
    }
}

fn malformed(here: &Path, id: &str, problem: &'static str) -> Error {
    Error::MalformedCriterion {
        path: here.clone(),
        id: id.to_owned(),
        problem,
    }
}

fn check_weight(criterion: &Criterion, here: &Path) -> Result<(), Error> {
    let at = here.key("weight");
    match (criterion.weight, &criterion.metric) {
        (Some(w), _) if w.is_sign_negative() && !w.is_zero() => {
            Err(Error::NegativeWeight { path: at, value: w })
        }
        (Some(w), Some(Metric::Text)) if !w.is_zero() => Err(Error::BadWeight {
            path: at,
            problem: format!(
                "text criterion `{}` is never scored, so its weight must be 0 or absent, not {w}",
                criterion.id
            ),
        }),
        (None, metric) if !matches!(metric, Some(Metric::Text)) => Err(Error::BadWeight {
            path: here.clone(),
            problem: format!(
                "criterion `{}` has no weight (give 0 to leave it out of the total)",
                criterion.id
            ),
        }),
        _ => Ok(()),
    }
}

/// Read and written as a [`Document`](crate::Document); a rubric that loads is valid, so
/// [`Document::check`](crate::Document::check) has nothing left to find.
///
/// # Errors
/// [`Error::Json`] for malformed JSON, wrong types, unknown or missing fields and numbers
/// that cannot be held exactly; the other variants for rules the rubric breaks, each with
/// its path, e.g. `criteria[1](P2).metric.levels[1].value: level `broad` has 1, which must
/// be above 2 of `vague``.
impl crate::document::Document for Rubric {
    const NAME: &'static str = "rubric";

    fn format_version(&self) -> u32 {
        self.doc.format_version
    }

    fn from_json(json: &str) -> Result<Rubric, Error> {
        Rubric::try_from(crate::json::from_str::<RubricDoc>(json)?)
    }

    fn from_json_all(json: &str) -> Result<Rubric, Vec<Error>> {
        Rubric::try_from(crate::json::read_all::<RubricDoc>(json, false)?).map_err(|e| vec![e])
    }

    /// Writes the document the rubric was built from.
    fn to_json(&self) -> Result<String, Error> {
        crate::document::to_json(&self.doc)
    }
}

impl crate::document::sealed::Sealed for Rubric {}

impl JsonSchema for Rubric {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        RubricDoc::schema_name()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        RubricDoc::json_schema(generator)
    }
}

#[cfg(test)]
mod tests {
    use rust_decimal::Decimal;

    use super::{GateRule, Metric, Trim};
    use crate::error::Segment;

    #[test]
    fn descriptions_read_as_sentences() {
        assert_eq!(
            Metric::scale(1, 5).to_string(),
            "scale 1 to 5 in steps of 1 (Higher is better)"
        );
        assert_eq!(
            GateRule::TotalMinimum {
                threshold: Decimal::from(60)
            }
            .to_string(),
            "total at least as good as 60"
        );
        assert_eq!(Trim::Count(1).to_string(), "1 at each end");
        assert_eq!(
            Segment::Index {
                index: 2,
                id: Some("P3".into())
            }
            .to_string(),
            "[2](P3)"
        );
    }
}
