//! What the scoring engine's short way to a bare total needs of a rubric: worked out by the
//! engine on first use and kept with the rubric, so each rubric pays for it once.

use std::sync::OnceLock;

use rust_decimal::Decimal;

use super::TableScore;
use crate::num::ratio::Small;

/// What the short way needs of a rubric, worked out once when it loads by the same steps the
/// long way takes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct QuickPlan {
    /// Which nodes take part in the weighting when every scored criterion is scored (see
    /// [`Work::carries`]).
    pub(crate) carries: Vec<bool>,
    /// Each node's share of the total then.
    pub(crate) shares: Vec<Decimal>,
    /// Whether every share is exact (no division or sum rounded it).
    pub(crate) exact_shares: bool,
    /// Each node's share as an exact fraction, for the totals whose decimal digits cannot
    /// decide how they round (`None` when a share does not fit a small fraction).
    pub(crate) fraction_shares: Option<Vec<Small>>,
    /// Each leaf's [`Metric::score_table`] (empty for groups and for metrics without one).
    pub(crate) tables: Vec<Vec<TableScore>>,
}

impl QuickPlan {
    /// Whether a sheet's nodes take part exactly as the plan assumes.
    pub(crate) fn fits(&self, carries: impl Fn(usize) -> bool) -> bool {
        self.carries
            .iter()
            .enumerate()
            .all(|(at, c)| *c == carries(at))
    }

    /// Each node's share when every weighted criterion takes part.
    pub(crate) fn shares(&self) -> &[Decimal] {
        &self.shares
    }
}

/// The rubric's [`QuickPlan`], once worked out (`None` inside when the short way never
/// applies). A cache of what the document already determines, so it never makes two rubrics
/// unequal.
#[derive(Clone, Debug, Default)]
pub(crate) struct PlanCell(OnceLock<Option<QuickPlan>>);

impl PlanCell {
    /// The plan, worked out by `plan_of` the first time it is asked for.
    pub(crate) fn get_or_init(
        &self,
        plan_of: impl FnOnce() -> Option<QuickPlan>,
    ) -> Option<&QuickPlan> {
        self.0.get_or_init(plan_of).as_ref()
    }
}

impl PartialEq for PlanCell {
    fn eq(&self, _: &PlanCell) -> bool {
        true
    }
}

impl Eq for PlanCell {}
