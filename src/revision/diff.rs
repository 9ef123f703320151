//! What changed between two versions of a rubric, criterion by criterion.

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::error::{Error, Path};
use crate::num::exact;
use crate::rubric::RubricRef;
use crate::rubric::{Criterion, Rubric};

/// The changes from one version of a rubric to another.
///
/// ```
/// use igf_rubric::{Rubric, presets, revision::ChangeKind};
///
/// let old = presets::bpf_proposal();
/// let mut doc = old.doc().clone();
/// doc.version = "1.1.0".into();
/// doc.criteria[5].weight = Some(25.into()); // P5, breadth: 15 -> 25
/// let new = Rubric::try_from(doc)?;
/// let diff = old.diff(&new)?;
/// assert_eq!(diff.changes.len(), 1);
/// assert_eq!(diff.changes[0].kind, ChangeKind::Reweighted);
/// assert_eq!(diff.changes[0].detail, "weight 15 -> 25; share of the total 15 % -> 22.7273 %");
/// # Ok::<(), igf_rubric::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[schemars(title = "RubricDiff")]
#[non_exhaustive]
pub struct RubricDiff {
    /// The older version.
    pub from: RubricRef,
    /// The newer version.
    pub to: RubricRef,
    /// Each change to a criterion, in the newer rubric's order, removed criteria last.
    pub changes: Vec<CriterionChange>,
    /// Changes to gates, bands, the total scale, rounding or the unable-to-assess policy, in
    /// words.
    pub rules: Vec<String>,
}

/// One change to one criterion.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct CriterionChange {
    /// The criterion's id.
    pub criterion: String,
    /// Its name (the newer one where it has one).
    pub name: String,
    /// What changed.
    pub kind: ChangeKind,
    /// Its share of the whole total before, where it was in the older rubric.
    #[serde(
        default,
        with = "exact::option",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(with = "Option<crate::kinds::Decimal>")]
    pub share_before: Option<Decimal>,
    /// Its share of the whole total after, where it is in the newer rubric.
    #[serde(
        default,
        with = "exact::option",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(with = "Option<crate::kinds::Decimal>")]
    pub share_after: Option<Decimal>,
    /// The change in words, with both values.
    pub detail: String,
}

/// The kinds of [`CriterionChange`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ChangeKind {
    /// New in the newer version.
    Added,
    /// Gone from the newer version.
    Removed,
    /// Its declared weight changed.
    Reweighted,
    /// Its metric changed (range, levels, target, type...).
    Rescaled,
    /// It moved to another group.
    Moved,
    /// Its name changed.
    Renamed,
}

crate::label::labels!(ChangeKind, "change kind" {
    Added => "added", "Added";
    Removed => "removed", "Removed";
    Reweighted => "reweighted", "Reweighted";
    Rescaled => "rescaled", "Rescaled";
    Moved => "moved", "Moved";
    Renamed => "renamed", "Renamed";
});

/// A criterion's place: its parent group (none at the top) and its share of the total.
struct Place<'a> {
    criterion: &'a Criterion,
    parent: Option<&'a str>,
    share: Decimal,
}

impl Rubric {
    /// The changes from this version of the rubric to `newer`.
    ///
    /// # Errors
    /// [`Error::RubricMismatch`] when `newer` is another rubric (another id or kind);
    /// [`Error::Overflow`] if a share cannot be computed.
    pub fn diff(&self, newer: &Rubric) -> Result<RubricDiff, Error> {
        if (self.id(), self.kind()) != (newer.id(), newer.kind()) {
            return Err(Error::RubricMismatch {
                path: Path::root().key("id"),
                what: "the newer rubric",
                expected: format!("`{}` ({})", self.id(), self.kind().as_str()),
                found: format!("`{}` ({})", newer.id(), newer.kind().as_str()),
            });
        }
        let before = places(self)?;
        let after = places(newer)?;
        let mut changes = Vec::new();
        for (id, new) in &after {
            let Some(old) = before.get(id) else {
                changes.push(change(
                    id,
                    new.criterion,
                    ChangeKind::Added,
                    None,
                    Some(new),
                    String::from("new criterion"),
                ));
                continue;
            };
            let (a, b) = (old.criterion, new.criterion);
            if a.weight != b.weight {
                let detail = format!(
                    "weight {} -> {}; share of the total {} -> {}",
                    shown(a.weight),
                    shown(b.weight),
                    percent(old.share),
                    percent(new.share)
                );
                changes.push(change(
                    id,
                    b,
                    ChangeKind::Reweighted,
                    Some(old),
                    Some(new),
                    detail,
                ));
            }
            if a.metric != b.metric || a.evidence != b.evidence {
                let describe = |c: &Criterion| {
                    c.metric
                        .as_ref()
                        .map_or("a group".to_owned(), ToString::to_string)
                };
                let detail = format!("{} -> {}", describe(a), describe(b));
                changes.push(change(
                    id,
                    b,
                    ChangeKind::Rescaled,
                    Some(old),
                    Some(new),
                    detail,
                ));
            }
            if old.parent != new.parent {
                let group = |p: Option<&str>| {
                    p.map_or("the top level".to_owned(), |p| format!("group `{p}`"))
                };
                let detail = format!("from {} to {}", group(old.parent), group(new.parent));
                changes.push(change(
                    id,
                    b,
                    ChangeKind::Moved,
                    Some(old),
                    Some(new),
                    detail,
                ));
            }
            if a.name != b.name {
                let detail = format!("\"{}\" -> \"{}\"", a.name, b.name);
                changes.push(change(
                    id,
                    b,
                    ChangeKind::Renamed,
                    Some(old),
                    Some(new),
                    detail,
                ));
            }
        }
        let newer_order: Vec<&str> = newer
            .nodes()
            .iter()
            .map(|n| n.criterion.id.as_str())
            .collect();
        changes.sort_by_key(|c| {
            newer_order
                .iter()
                .position(|id| *id == c.criterion)
                .unwrap_or(usize::MAX)
        });
        for node in self.nodes() {
            let id = node.criterion.id.as_str();
            if let (Some(old), false) = (before.get(id), after.contains_key(id)) {
                changes.push(change(
                    id,
                    old.criterion,
                    ChangeKind::Removed,
                    Some(old),
                    None,
                    String::from("no longer in the rubric"),
                ));
            }
        }
        Ok(RubricDiff {
            from: reference(self),
            to: reference(newer),
            changes,
            rules: rule_changes(self, newer),
        })
    }
}

pub(crate) fn reference(rubric: &Rubric) -> RubricRef {
    RubricRef {
        id: rubric.id().to_owned(),
        version: rubric.version().to_owned(),
    }
}

fn change(
    id: &str,
    criterion: &Criterion,
    kind: ChangeKind,
    old: Option<&Place<'_>>,
    new: Option<&Place<'_>>,
    detail: String,
) -> CriterionChange {
    CriterionChange {
        criterion: id.to_owned(),
        name: criterion.name.clone(),
        kind,
        share_before: old.map(|p| p.share.normalize()),
        share_after: new.map(|p| p.share.normalize()),
        detail,
    }
}

fn rule_changes(old: &Rubric, new: &Rubric) -> Vec<String> {
    let (a, b) = (old.doc(), new.doc());
    let mut out = Vec::new();
    if a.gates != b.gates {
        out.push(format!("gates: {} -> {}", a.gates.len(), b.gates.len()));
    }
    if a.bands != b.bands {
        let bands = |d: &crate::rubric::RubricDoc| {
            d.bands
                .iter()
                .map(|b| format!("{} from {}", b.label, b.min))
                .collect::<Vec<_>>()
                .join(", ")
        };
        out.push(format!("bands: {} -> {}", bands(a), bands(b)));
    }
    if a.scale != b.scale {
        out.push(format!(
            "total scale: {}..{} -> {}..{}",
            a.scale.min, a.scale.max, b.scale.min, b.scale.max
        ));
    }
    if a.rounding != b.rounding {
        out.push(format!(
            "rounding: {} places -> {} places",
            a.rounding.dp, b.rounding.dp
        ));
    }
    if a.unable_to_assess != b.unable_to_assess {
        out.push(format!(
            "unable to assess: {} -> {}",
            a.unable_to_assess, b.unable_to_assess
        ));
    }
    if a.omitted != b.omitted {
        out.push(format!("an omitted answer: {} -> {}", a.omitted, b.omitted));
    }
    out
}

/// Every criterion by id, with its parent and its nominal share of the total (the product of
/// its and its ancestors' weights over their siblings' sums, nobody left out).
pub(crate) fn shares(rubric: &Rubric) -> Result<BTreeMap<String, Decimal>, Error> {
    Ok(places(rubric)?
        .into_iter()
        .map(|(id, p)| (id.to_owned(), p.share))
        .collect())
}

fn places(rubric: &Rubric) -> Result<BTreeMap<&str, Place<'_>>, Error> {
    let mut out = BTreeMap::new();
    let mut stack: Vec<(&[Criterion], Option<&str>, Decimal)> =
        vec![(&rubric.doc().criteria, None, Decimal::ONE)];
    while let Some((siblings, parent, share)) = stack.pop() {
        let total = siblings
            .iter()
            .try_fold(Decimal::ZERO, |sum, c| {
                sum.checked_add(c.weight.unwrap_or_default())
            })
            .ok_or(Error::Overflow {
                path: Path::root().key("criteria"),
                operation: "adding weights",
            })?;
        for criterion in siblings {
            let own = if total.is_zero() {
                Decimal::ZERO
            } else {
                share
                    .checked_mul(criterion.weight.unwrap_or_default())
                    .and_then(|s| s.checked_div(total))
                    .ok_or(Error::Overflow {
                        path: Path::root().key("criteria"),
                        operation: "computing a share",
                    })?
            };
            out.insert(
                criterion.id.as_str(),
                Place {
                    criterion,
                    parent,
                    share: own,
                },
            );
            if !criterion.criteria.is_empty() {
                stack.push((&criterion.criteria, Some(criterion.id.as_str()), own));
            }
        }
    }
    Ok(out)
}

fn shown(weight: Option<Decimal>) -> String {
    weight.map_or("none".to_owned(), |w| w.normalize().to_string())
}

/// A share as a percentage at four places.
fn percent(share: Decimal) -> String {
    let value = share
        .checked_mul(Decimal::ONE_HUNDRED)
        .unwrap_or_default()
        .round_dp_with_strategy(4, rust_decimal::RoundingStrategy::MidpointNearestEven)
        .normalize();
    format!("{value} %")
}
