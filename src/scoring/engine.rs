//! The scoring computation: answers to normalised scores, effective weights and points.

use rust_decimal::{Decimal, RoundingStrategy};

use super::{CriterionStatus, Flag, FlagKind, POINTS_DECIMAL_PLACES, Scorecard};
use crate::assessment::{Answer, AnswerValue, Assessment};
use crate::error::{Error, Path};
use crate::num::{self, Score, exactness};
use crate::rubric::RubricRef;
use crate::rubric::{Direction, Fraction, Metric, Node, OmittedPolicy, Rubric, UnablePolicy};

/// What became of one node of the criteria tree.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Outcome {
    /// A normalised score in `[0, 1]` (a group's is filled in later).
    Scored(Decimal),
    /// Could not be assessed and scored 0 by policy.
    Minimum,
    /// Left out of the total.
    LeftOut(Exclusion),
    /// Free text, never scored.
    Unscored,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Exclusion {
    UnableToAssess,
    Unanswered,
    NotApplicable,
    /// A group whose weighted children were all left out.
    Empty,
}

impl Exclusion {
    fn describe(self) -> &'static str {
        match self {
            Exclusion::UnableToAssess => "unable to assess",
            Exclusion::Unanswered => "not answered (left out of the assessment)",
            Exclusion::NotApplicable => "not applicable",
            Exclusion::Empty => "none of its weighted criteria could be scored",
        }
    }
}

/// How much of the working a caller reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Wanted {
    /// Everything, with the flags worded.
    Scorecard,
    /// Each node's score (which, for a group, needs its points), without words.
    Sheet,
    /// The total alone.
    Total,
}

/// Working state per node, indexed like `Rubric::nodes`.
pub(super) struct Work<'a> {
    pub(super) rubric: &'a Rubric,
    pub(super) answers: &'a [Answer],
    pub(super) answer_of: Vec<Option<usize>>,
    pub(super) outcome: Vec<Outcome>,
    /// Each scored leaf's normalised score as the fraction it was divided from.
    pub(super) fraction: Vec<Fraction>,
    pub(super) share: Vec<Decimal>,
    pub(super) points: Vec<Decimal>,
    pub(super) flags: Vec<Flag>,
    pub(super) complete: bool,
    /// `N = Σ share_i · s_i`, as [`Work::distribute`] computed it (28 significant digits).
    pub(super) normalised_total: Decimal,
    /// Whether every division, product and sum on the way to `normalised_total` kept every
    /// digit: then it is the exact `N`, and publishing rounds it without exact fractions.
    pub(super) exact: bool,
    /// What the caller reads: flags are worded for a scorecard only, each criterion's points
    /// computed for a scorecard or a sheet, neither for a bare total.
    pub(super) wanted: Wanted,
    /// Whether the scorecard copies each answer (its value, comment, derivation and override
    /// reason) or leaves them for the caller to move in.
    pub(super) copy_answers: bool,
}

/// Checks and computes one assessment: the working state and the exact total (22 places).
/// `wanted` says how much of the working to keep.
pub(super) fn compute<'a>(
    rubric: &'a Rubric,
    assessment: &'a Assessment,
    wanted: Wanted,
) -> Result<(Work<'a>, Option<Decimal>), Error> {
    assessment.check_header()?;
    check_reference(rubric, assessment)?;
    let mut work = Work::new(rubric, &assessment.answers);
    work.wanted = wanted;
    work.match_answers()?;
    work.score_leaves()?;
    work.settle_groups();
    let normalised_total = work.distribute()?;
    let total = work.points_and_total(normalised_total)?;
    Ok((work, total))
}

pub(super) fn score(rubric: &Rubric, assessment: &Assessment) -> Result<Scorecard, Error> {
    let (work, total) = compute(rubric, assessment, Wanted::Scorecard)?;
    work.assemble(total, assessment)
}

/// As [`score`], moving each answer into its criterion's result instead of copying it.
pub(super) fn score_owned(rubric: &Rubric, mut assessment: Assessment) -> Result<Scorecard, Error> {
    let (mut work, total) = compute(rubric, &assessment, Wanted::Scorecard)?;
    work.copy_answers = false;
    let answer_of = work.answer_of.clone();
    let mut card = work.assemble(total, &assessment)?;
    move_answers(
        rubric,
        rubric.top(),
        &mut card.criteria,
        &answer_of,
        &mut assessment.answers,
    );
    Ok(card)
}

/// Moves the answer to each of `nodes` (indexed by `answer_of`) into its result, which the
/// scorecard lists in the same order, and so on down the tree.
fn move_answers(
    rubric: &Rubric,
    nodes: &[usize],
    results: &mut [super::CriterionResult],
    answer_of: &[Option<usize>],
    answers: &mut [Answer],
) {
    for (at, result) in nodes.iter().zip(results) {
        let answer = answer_of
            .get(*at)
            .copied()
            .flatten()
            .and_then(|i| answers.get_mut(i));
        if let Some(answer) = answer {
            result.answer = Some(std::mem::replace(
                &mut answer.value,
                AnswerValue::UnableToAssess,
            ));
            result.comment = answer.comment.take();
            result.derivation = answer.derivation.take().map(|d| *d);
            result.override_reason = answer.override_reason.take();
        }
        if let Some(node) = rubric.nodes().get(*at) {
            move_answers(
                rubric,
                &node.children,
                &mut result.criteria,
                answer_of,
                answers,
            );
        }
    }
}

/// The total of one assessment, checked and published as [`score`] checks and publishes it,
/// without building the scorecard or its messages.
pub(super) fn total(rubric: &Rubric, assessment: &Assessment) -> Result<Option<Score>, Error> {
    if let Some(total) = super::quick::total(rubric, assessment) {
        return Ok(Some(total));
    }
    let (work, total) = compute(rubric, assessment, Wanted::Total)?;
    total.map(|t| work.publish(t)).transpose()
}

/// `x` of the scale's span, rounded to the points' places.
pub(super) fn to_points(rubric: &Rubric, x: Decimal) -> Result<Decimal, Error> {
    const OP: &str = "computing points";
    let scale = rubric.scale();
    let span = num::sub(scale.max, scale.min, OP)?;
    Ok(num::mul(span, x, OP)?
        .round_dp_with_strategy(POINTS_DECIMAL_PLACES, RoundingStrategy::MidpointNearestEven))
}

/// What a panel reads of one assessment: the total, whether it is complete (and if not, why),
/// and each node's normalised score as the scorecard would give it, without the scorecard.
#[derive(Clone, Debug)]
pub(crate) struct SheetScore {
    pub(crate) total: Option<Score>,
    pub(crate) complete: bool,
    /// Why the assessment is incomplete (empty when it is complete).
    pub(crate) incomplete_because: Vec<String>,
    /// Indexed like the rubric's nodes: the normalised score of each node scored or counted as
    /// its minimum, `None` for those left out or unscored.
    pub(crate) normalised: Vec<Option<Decimal>>,
}

pub(crate) fn score_sheet(rubric: &Rubric, assessment: &Assessment) -> Result<SheetScore, Error> {
    let (work, total) = compute(rubric, assessment, Wanted::Sheet)?;
    let normalised = (0..rubric.nodes().len())
        .map(|at| {
            work.status(at).map(|(status, s)| match status {
                CriterionStatus::Scored | CriterionStatus::CountedAsMinimum => {
                    s.map(|s| s.normalize())
                }
                CriterionStatus::LeftOut | CriterionStatus::Unscored => None,
            })
        })
        .collect::<Result<Vec<_>, Error>>()?;
    // Reasons are worded only for the few sheets that need them.
    let incomplete_because = if work.complete {
        Vec::new()
    } else {
        score(rubric, assessment)?
            .flags
            .into_iter()
            .map(|f| f.message)
            .collect()
    };
    Ok(SheetScore {
        total: total.map(|t| work.publish(t)).transpose()?,
        complete: work.complete,
        incomplete_because,
        normalised,
    })
}

/// The total of a profile of leaf scores, as [`score`] would compute it from answers with
/// these normalised scores (`None`: left out, its siblings renormalised).
///
/// `leaf_scores` is indexed like the rubric's nodes; entries for groups are ignored. Returns
/// the exact total (`None` when nothing weighted is left) and each node's points.
pub(crate) fn score_profile(
    rubric: &Rubric,
    leaf_scores: &[Option<Decimal>],
) -> Result<(Option<Decimal>, Vec<Decimal>), Error> {
    let mut work = Work::new(rubric, &[]);
    for (at, node) in rubric.nodes().iter().enumerate() {
        let outcome = match (
            &node.criterion.metric,
            leaf_scores.get(at).copied().flatten(),
        ) {
            (Some(Metric::Text), _) | (None, _) => Outcome::Unscored,
            (Some(_), Some(s)) => {
                Work::set(&mut work.fraction, at, Fraction::whole(s));
                Outcome::Scored(s)
            }
            (Some(_), None) => Outcome::LeftOut(Exclusion::UnableToAssess),
        };
        Work::set(&mut work.outcome, at, outcome);
    }
    work.settle_groups();
    let normalised_total = work.distribute()?;
    let total = work.points_and_total(normalised_total)?;
    Ok((total, work.points))
}

fn check_reference(rubric: &Rubric, assessment: &Assessment) -> Result<(), Error> {
    match reference_errors(rubric, assessment).next() {
        Some(error) => Err(error),
        None => Ok(()),
    }
}

/// The ways an assessment names another rubric, version or kind than `rubric`.
pub(super) fn reference_errors(
    rubric: &Rubric,
    assessment: &Assessment,
) -> impl Iterator<Item = Error> {
    let RubricRef { id, version } = &assessment.rubric;
    let named = (id != rubric.id() || version != rubric.version()).then(|| Error::RubricMismatch {
        what: "assessment",
        path: Path::root().key("rubric"),
        expected: format!("`{}` version `{}`", rubric.id(), rubric.version()),
        found: format!("`{id}` version `{version}`"),
    });
    let kind = (assessment.kind != rubric.kind()).then(|| Error::RubricMismatch {
        what: "assessment",
        path: Path::root().key("kind"),
        expected: format!("`{}`", rubric.kind().as_str()),
        found: format!("`{}`", assessment.kind.as_str()),
    });
    named.into_iter().chain(kind)
}

impl<'a> Work<'a> {
    pub(super) fn new(rubric: &'a Rubric, answers: &'a [Answer]) -> Work<'a> {
        let count = rubric.nodes().len();
        Work {
            rubric,
            answers,
            answer_of: vec![None; count],
            outcome: vec![Outcome::Unscored; count],
            fraction: vec![Fraction::whole(Decimal::ZERO); count],
            share: vec![Decimal::ZERO; count],
            points: vec![Decimal::ZERO; count],
            flags: Vec::new(),
            complete: true,
            normalised_total: Decimal::ZERO,
            exact: true,
            wanted: Wanted::Scorecard,
            copy_answers: true,
        }
    }
}

impl Work<'_> {
    pub(super) fn node(&self, at: usize) -> Option<&Node> {
        self.rubric.nodes().get(at)
    }

    pub(super) fn outcome(&self, at: usize) -> Outcome {
        self.outcome.get(at).copied().unwrap_or(Outcome::Unscored)
    }

    pub(super) fn set<T>(slot: &mut [T], at: usize, value: T) {
        if let Some(place) = slot.get_mut(at) {
            *place = value;
        }
    }

    /// Records a flag, building its message only when the caller wants the explanation.
    fn flag(&mut self, kind: FlagKind, criterion: Option<&str>, message: impl FnOnce() -> String) {
        if self.wanted == Wanted::Scorecard {
            self.flags.push(Flag {
                kind,
                criterion: criterion.map(str::to_owned),
                message: message(),
            });
        }
    }

    /// Resolves each answer to its leaf, once, without hashing.
    fn match_answers(&mut self) -> Result<(), Error> {
        let list = Path::root().key("answers");
        for (i, answer) in self.answers.iter().enumerate() {
            let id = &answer.criterion;
            let here = || list.item(i, id);
            let Some(at) = self.rubric.leaf_position(i, id) else {
                return Err(self
                    .rubric
                    .unknown_criterion(id, here().key("criterion"), true));
            };
            if self.node(at).is_some_and(|n| n.criterion.metric.is_none()) {
                return Err(group_answered(id, here().key("criterion")));
            }
            if let Some(Some(first)) = self.answer_of.get(at) {
                return Err(Error::DuplicateId {
                    path: here().key("criterion"),
                    what: "answer",
                    id: id.clone(),
                    first: list.item(*first, id).key("criterion"),
                });
            }
            Self::set(&mut self.answer_of, at, Some(i));
        }
        Ok(())
    }

    /// Normalises each leaf's answer and applies the unable-to-assess policy.
    fn score_leaves(&mut self) -> Result<(), Error> {
        let policy = self.rubric.doc().unable_to_assess;
        for (at, node) in self.rubric.nodes().iter().enumerate() {
            let Some(metric) = &node.criterion.metric else {
                continue;
            };
            let id = &node.criterion.id;
            let answer = self
                .answer_of
                .get(at)
                .copied()
                .flatten()
                .and_then(|i| self.answers.get(i).map(|a| (i, a)));
            let outcome = match answer {
                None if node.criterion.required => {
                    return Err(Error::MissingAnswer {
                        path: Path::root().key("answers"),
                        criterion: id.clone(),
                    });
                }
                None if *metric == Metric::Text => Outcome::Unscored,
                None => Outcome::LeftOut(Exclusion::Unanswered),
                Some((i, answer)) => {
                    let (outcome, fraction) =
                        answer_outcome(node, metric, i, answer, &mut self.exact)?;
                    if let Some(fraction) = fraction {
                        Self::set(&mut self.fraction, at, fraction);
                    }
                    outcome
                }
            };
            let outcome = self.apply_policy(policy, node, outcome);
            Self::set(&mut self.outcome, at, outcome);
        }
        Ok(())
    }

    fn apply_policy(&mut self, policy: UnablePolicy, node: &Node, outcome: Outcome) -> Outcome {
        let id = &node.criterion.id;
        let Outcome::LeftOut(why) = outcome else {
            return outcome;
        };
        if why == Exclusion::NotApplicable {
            self.flag(FlagKind::LeftOut, Some(id), || {
                format!("`{id}` left out: not applicable")
            });
            return outcome;
        }
        if node.criterion.required {
            self.complete = false;
            self.flag(FlagKind::Incomplete, Some(id), || {
                format!("required criterion `{id}` is {}", why.describe())
            });
            return outcome;
        }
        // An omitted answer means what the rubric says it means.
        let policy = match (why, self.rubric.doc().omitted) {
            (Exclusion::Unanswered, OmittedPolicy::Incomplete) => UnablePolicy::Incomplete,
            (Exclusion::Unanswered, OmittedPolicy::CountAsMinimum) => UnablePolicy::CountAsMinimum,
            _ => policy,
        };
        // An unweighted criterion cannot change the total, so it never makes a sheet incomplete.
        let policy = match policy {
            UnablePolicy::Incomplete if node.weight().is_zero() => UnablePolicy::Renormalise,
            other => other,
        };
        match policy {
            UnablePolicy::Renormalise => {
                self.flag(FlagKind::LeftOut, Some(id), || {
                    format!("`{id}` left out: {}", why.describe())
                });
                outcome
            }
            UnablePolicy::CountAsMinimum => {
                self.flag(FlagKind::CountedAsMinimum, Some(id), || {
                    format!("`{id}` {}: counted as its minimum (0)", why.describe())
                });
                Outcome::Minimum
            }
            UnablePolicy::Incomplete => {
                self.complete = false;
                self.flag(FlagKind::Incomplete, Some(id), || {
                    format!(
                        "`{id}` is {}, and the rubric counts that as incomplete",
                        why.describe()
                    )
                });
                outcome
            }
        }
    }

    /// Whether a node takes part in the weighting: it has weight, and a score (a leaf) or a
    /// child that takes part (a group).
    pub(super) fn carries(&self, at: usize) -> bool {
        let Some(node) = self.node(at) else {
            return false;
        };
        !node.weight().is_zero()
            && matches!(self.outcome(at), Outcome::Scored(_) | Outcome::Minimum)
    }

    /// Marks groups scored or left out, children before parents (reverse document order).
    pub(super) fn settle_groups(&mut self) {
        for at in (0..self.rubric.nodes().len()).rev() {
            let Some(node) = self.node(at) else { continue };
            if node.criterion.metric.is_some() {
                continue;
            }
            let in_play = node.children.iter().any(|c| self.carries(*c));
            let weighted = node
                .children
                .iter()
                .any(|c| self.node(*c).is_some_and(|n| !n.weight().is_zero()));
            let outcome = if in_play || !weighted && node.weight().is_zero() {
                Outcome::Scored(Decimal::ZERO)
            } else {
                Outcome::LeftOut(Exclusion::Empty)
            };
            Self::set(&mut self.outcome, at, outcome);
        }
    }

    /// Shares the total among the nodes top-down and returns `N = Σ share_i · s_i`.
    fn distribute(&mut self) -> Result<Decimal, Error> {
        const OP: &str = "sharing weights";
        // The rubric outlives `self`, so its slices can be read while `self` is written.
        let rubric = self.rubric;
        let top = rubric.top();
        if !top.iter().any(|at| self.carries(*at)) {
            self.complete = false;
            self.flag(FlagKind::Incomplete, None, || {
                "no weighted criterion could be scored".to_owned()
            });
            return Ok(Decimal::ZERO);
        }
        match rubric.quick_plan(super::quick::plan_of) {
            Some(plan) if plan.all.fits(|at| self.carries(at)) => {
                self.share.clone_from_slice(&plan.all.shares);
                self.exact &= plan.all.exact;
            }
            _ => self.share_all()?,
        }
        let mut total = Decimal::ZERO;
        let mut exact = self.exact;
        for at in 0..self.rubric.nodes().len() {
            if let Some(toward) = self.toward_total(at)? {
                let share = self.share.get(at).copied().unwrap_or_default();
                let part = exactness::mul(share, toward, OP, &mut exact)?;
                total = exactness::add(total, part, OP, &mut exact)?;
            }
        }
        self.exact = exact;
        self.normalised_total = total;
        Ok(total)
    }

    /// Shares the whole among the top-level criteria, and each group's share among its
    /// criteria, top-down.
    pub(super) fn share_all(&mut self) -> Result<(), Error> {
        let rubric = self.rubric;
        self.share_among(rubric.top(), Decimal::ONE, None)?;
        for (at, node) in rubric.nodes().iter().enumerate() {
            if node.criterion.metric.is_none() && self.carries(at) {
                let share = self.share.get(at).copied().unwrap_or_default();
                self.share_among(&node.children, share, Some(&node.criterion.id))?;
            }
        }
        Ok(())
    }

    /// Splits `share` among `children` in proportion to the weights of those that take part.
    fn share_among(
        &mut self,
        children: &[usize],
        share: Decimal,
        parent: Option<&str>,
    ) -> Result<(), Error> {
        const OP: &str = "sharing weights";
        let playing: Vec<(usize, Decimal)> = children
            .iter()
            .filter(|c| self.carries(**c))
            .filter_map(|c| self.node(*c).map(|n| (*c, n.weight())))
            .collect();
        let dropped = children
            .iter()
            .any(|c| !self.carries(*c) && self.node(*c).is_some_and(|n| !n.weight().is_zero()));
        if dropped {
            self.flag(FlagKind::Renormalised, parent, || {
                let whose = parent.map_or_else(
                    || "the top-level criteria".to_owned(),
                    |id| format!("the criteria of `{id}`"),
                );
                format!("weights of {whose} renormalised over those still in")
            });
        }
        let mut exact = self.exact;
        let mut weight_sum = Decimal::ZERO;
        for (_, weight) in &playing {
            weight_sum = exactness::add(weight_sum, *weight, OP, &mut exact)?;
        }
        let Some(absorber) = largest(&playing) else {
            return Ok(());
        };
        let mut given = Decimal::ZERO;
        for (at, weight) in &playing {
            if *at != absorber {
                let ratio = exactness::div(*weight, weight_sum, OP, &mut exact)?;
                let part = exactness::mul(share, ratio, OP, &mut exact)?;
                given = exactness::add(given, part, OP, &mut exact)?;
                Self::set(&mut self.share, *at, part);
            }
        }
        let rest = exactness::sub(share, given, OP, &mut exact)?;
        self.exact = exact;
        if rest.is_sign_negative() && !rest.is_zero() {
            return Err(Error::Overflow {
                path: crate::error::Path::root(),
                operation: OP,
            });
        }
        Self::set(&mut self.share, absorber, rest);
        Ok(())
    }

    /// What a leaf adds to the normalised total: its score `s`, or `1 - s` on a total scale where
    /// lower is better (the leaf's points then measure its distance from the best). `None` for
    /// groups and for leaves left out or unscored. `1 - s` is always exact: both lie in
    /// `[0, 1]` with at most 28 places, so it fits a decimal's mantissa at the larger scale.
    pub(super) fn toward_total(&self, at: usize) -> Result<Option<Decimal>, Error> {
        let is_leaf = self.node(at).is_some_and(|n| n.criterion.metric.is_some());
        let s = match self.outcome(at) {
            Outcome::Scored(s) if is_leaf => s,
            Outcome::Minimum => Decimal::ZERO,
            _ => return Ok(None),
        };
        match self.rubric.scale().direction {
            Direction::HigherIsBetter => Ok(Some(s)),
            Direction::LowerIsBetter => {
                num::sub(Decimal::ONE, s, "scoring toward a lower-is-better total").map(Some)
            }
        }
    }

    /// Computes each leaf's points and each group's sum; returns the exact total.
    fn points_and_total(&mut self, normalised_total: Decimal) -> Result<Option<Decimal>, Error> {
        const OP: &str = "computing points";
        let scale = self.rubric.scale();
        let all_points = to_points(self.rubric, normalised_total)?;
        if self.wanted != Wanted::Total {
            self.leaf_and_group_points(all_points)?;
        }
        if !self.complete {
            return Ok(None);
        }
        Ok(Some(num::add(scale.min, all_points, OP)?))
    }

    /// Each leaf's points (the largest absorbing the rounding, so that they add up to
    /// `all_points`) and each group's sum.
    fn leaf_and_group_points(&mut self, all_points: Decimal) -> Result<(), Error> {
        const OP: &str = "computing points";
        let mut leaves: Vec<(usize, Decimal)> = Vec::new();
        for at in 0..self.rubric.nodes().len() {
            if let Some(toward) = self.toward_total(at)? {
                let share = self.share.get(at).copied().unwrap_or_default();
                leaves.push((at, num::mul(share, toward, OP)?));
            }
        }
        let mut given = Decimal::ZERO;
        let absorber = largest(&leaves);
        for (at, weighted) in &leaves {
            if Some(*at) != absorber {
                let points = to_points(self.rubric, *weighted)?;
                given = num::add(given, points, OP)?;
                Self::set(&mut self.points, *at, points);
            }
        }
        if let Some(absorber) = absorber {
            Self::set(&mut self.points, absorber, num::sub(all_points, given, OP)?);
        }
        for at in (0..self.rubric.nodes().len()).rev() {
            let Some(node) = self.node(at) else { continue };
            if node.criterion.metric.is_none() {
                let sum = num::sum(
                    node.children
                        .iter()
                        .filter_map(|c| self.points.get(*c).copied()),
                    OP,
                )?;
                Self::set(&mut self.points, at, sum);
            }
        }
        Ok(())
    }
}

/// The entry with the largest value, the first on ties.
fn largest(entries: &[(usize, Decimal)]) -> Option<usize> {
    let mut best: Option<(usize, Decimal)> = None;
    for (at, value) in entries {
        if best.is_none_or(|(_, b)| *value > b) {
            best = Some((*at, *value));
        }
    }
    best.map(|(at, _)| at)
}

/// What the `i`-th answer, to the leaf `node` with its `metric`, comes to before the
/// unable-to-assess policy: an outcome, and the fraction of a scored answer.
pub(super) fn answer_outcome(
    node: &Node,
    metric: &Metric,
    i: usize,
    answer: &Answer,
    exact: &mut bool,
) -> Result<(Outcome, Option<Fraction>), Error> {
    let id = &node.criterion.id;
    check_provenance(node, i, answer)?;
    let here = || Path::root().key("answers").item(i, id).key("value");
    Ok(match &answer.value {
        AnswerValue::UnableToAssess if *metric == Metric::Text => (Outcome::Unscored, None),
        AnswerValue::UnableToAssess => (Outcome::LeftOut(Exclusion::UnableToAssess), None),
        AnswerValue::NotApplicable if node.criterion.allow_not_applicable => {
            (Outcome::LeftOut(Exclusion::NotApplicable), None)
        }
        AnswerValue::NotApplicable => {
            return Err(Error::Mismatch {
                path: here(),
                criterion: id.clone(),
                problem:
                    "does not accept `not_applicable` (set `allow_not_applicable` in the rubric)"
                        .to_owned(),
            });
        }
        value => match metric.score_answer(id, value, &here)? {
            Some(fraction) => (Outcome::Scored(fraction.value(exact)?), Some(fraction)),
            None => (Outcome::Unscored, None),
        },
    })
}

/// Checks that a derivation or an override concerns a criterion that declares evidence, and
/// the indicator it declares.
fn check_provenance(node: &Node, i: usize, answer: &Answer) -> Result<(), Error> {
    let id = &node.criterion.id;
    let here = || Path::root().key("answers").item(i, id);
    let mismatch = |key: &str, problem: String| Error::Mismatch {
        path: here().key(key),
        criterion: id.clone(),
        problem,
    };
    match (&node.criterion.evidence, &answer.derivation) {
        (None, Some(_)) => Err(mismatch(
            "derivation",
            "declares no evidence, so its answer cannot be derived from a record".to_owned(),
        )),
        (None, None) if answer.override_reason.is_some() => Err(mismatch(
            "override_reason",
            "declares no evidence, so there is no computed answer to override".to_owned(),
        )),
        (Some(declared), Some(derivation)) if *declared != derivation.from => Err(mismatch(
            "derivation",
            format!(
                "takes its answer from `{}`, not from `{}`",
                declared.name(),
                derivation.from.name()
            ),
        )),
        _ => Ok(()),
    }
}

/// The error for an answer to a group.
pub(super) fn group_answered(id: &str, path: Path) -> Error {
    Error::Mismatch {
        path,
        criterion: id.to_owned(),
        problem: "is a group; answer its criteria instead".to_owned(),
    }
}
