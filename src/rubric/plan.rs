//! What the scoring engine's short way to a bare total needs of a rubric: worked out by the
//! engine on first use and kept with the rubric, so each rubric pays for it once.

use std::sync::{Arc, Mutex, OnceLock};

use rust_decimal::Decimal;

use super::TableScore;
use crate::num::ratio::Small;

/// How the total is shared among the nodes when a given set of criteria takes part, worked
/// out by the same steps the long way takes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Sharing {
    /// Which nodes take part in the weighting (see [`Work::carries`]).
    pub(crate) carries: Vec<bool>,
    /// Each node's share of the total.
    pub(crate) shares: Vec<Decimal>,
    /// Whether every share is exact (no division or sum rounded it).
    pub(crate) exact: bool,
    /// Each node's share as an exact fraction, for the totals whose decimal digits cannot
    /// decide how they round (`None` when a share does not fit a small fraction).
    pub(crate) fractions: Option<Vec<Small>>,
}

impl Sharing {
    /// Whether a sheet's nodes take part exactly as this sharing assumes.
    pub(crate) fn fits(&self, carries: impl Fn(usize) -> bool) -> bool {
        self.carries
            .iter()
            .enumerate()
            .all(|(at, c)| *c == carries(at))
    }
}

/// What the short way needs of a rubric.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct QuickPlan {
    /// The sharing when every criterion that can be scored is scored.
    pub(crate) all: Sharing,
    /// Each leaf's [`Metric::score_table`] (empty for groups and for metrics without one).
    pub(crate) tables: Vec<Vec<TableScore>>,
}

/// The most sharings kept for sheets that leave criteria out; past it, a sharing is worked
/// out for each sheet that needs it.
const KEPT_SHARINGS: usize = 256;

/// The sharings kept, each with the set of left-out criteria it is for (`None`: the short way
/// does not apply to that set).
type KeptSharings = Vec<(Vec<usize>, Option<Arc<Sharing>>)>;

/// The rubric's [`QuickPlan`], once worked out (`None` inside when the short way never
/// applies), and the sharings of the sets of left-out criteria met so far. A cache of what
/// the document already determines, so it never makes two rubrics unequal, and a clone
/// starts without it.
#[derive(Debug, Default)]
pub(crate) struct PlanCell {
    plan: OnceLock<Option<QuickPlan>>,
    without: Mutex<KeptSharings>,
}

impl PlanCell {
    /// The plan, worked out by `plan_of` the first time it is asked for.
    pub(crate) fn get_or_init(
        &self,
        plan_of: impl FnOnce() -> Option<QuickPlan>,
    ) -> Option<&QuickPlan> {
        self.plan.get_or_init(plan_of).as_ref()
    }

    /// The sharing when the criteria at `left_out` (ascending) are left out, worked out by
    /// `sharing_of` the first time that set is met.
    pub(crate) fn without(
        &self,
        left_out: &[usize],
        sharing_of: impl FnOnce() -> Option<Sharing>,
    ) -> Option<Arc<Sharing>> {
        // A poisoned lock only means another thread panicked while holding it; the list is
        // still whole (entries are pushed complete), so it is used as it is.
        let kept = |list: &KeptSharings| {
            list.iter()
                .find(|(set, _)| set.as_slice() == left_out)
                .map(|(_, sharing)| sharing.clone())
        };
        if let Some(found) = kept(&self.without.lock().unwrap_or_else(|e| e.into_inner())) {
            return found;
        }
        let sharing = sharing_of().map(Arc::new);
        let mut list = self.without.lock().unwrap_or_else(|e| e.into_inner());
        if list.len() < KEPT_SHARINGS && kept(&list).is_none() {
            list.push((left_out.to_vec(), sharing.clone()));
        }
        sharing
    }
}

impl Clone for PlanCell {
    fn clone(&self) -> PlanCell {
        PlanCell::default()
    }
}

impl PartialEq for PlanCell {
    fn eq(&self, _: &PlanCell) -> bool {
        true
    }
}

impl Eq for PlanCell {}
