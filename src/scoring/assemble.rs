//! Assembling the scorecard: each criterion's result, the gates and the band.

use rust_decimal::Decimal;

use super::engine::{Outcome, Work};
use super::judge::{
    Conflicts, YesAnswers, judge_gates, judge_minimum, judge_no_conflict, judge_requires_yes,
    judge_total, not_scored,
};
use super::{BandResult, CriterionResult, CriterionStatus, GateResult, Scorecard};
use crate::assessment::{Answer, AnswerValue, Assessment};
use crate::document::FORMAT_VERSION;
use crate::error::Error;
use crate::num::{self, Score};
use crate::rubric::{Direction, GateRule, band_for};

impl Work<'_> {
    pub(super) fn assemble(
        mut self,
        total: Option<Decimal>,
        assessment: &Assessment,
    ) -> Result<Scorecard, Error> {
        let rounding = self.rubric.rounding();
        let total = total.map(|t| self.publish(t)).transpose()?;
        let published = total.map(|t| t.published);
        let gates = self.gates(published, assessment)?;
        let band = published
            .and_then(|t| band_for(&self.rubric.doc().bands, t))
            .map(|b| BandResult {
                id: b.id.clone(),
                label: b.label.clone(),
            });
        let eligible = self.complete && gates.iter().all(|g| g.passed);
        let criteria = self.results(self.rubric.top())?;
        let a = assessment;
        Ok(Scorecard {
            format_version: FORMAT_VERSION,
            rubric: a.rubric.clone(),
            kind: a.kind,
            subject: a.subject.clone(),
            assessor: a.assessor.clone(),
            conflict_of_interest: a.conflict_of_interest.clone(),
            scale: self.rubric.scale(),
            rounding,
            complete: self.complete,
            total,
            band,
            eligible,
            gates,
            criteria,
            flags: std::mem::take(&mut self.flags),
            lessons: a.lessons.clone(),
        })
    }

    fn answer(&self, at: usize) -> Option<&Answer> {
        self.answer_of
            .get(at)
            .copied()
            .flatten()
            .and_then(|i| self.answers.get(i))
    }

    /// A node's status and normalised score: a leaf's own score, a group's weighted mean of
    /// its children (its points over its share of the scale).
    pub(super) fn status(&self, at: usize) -> Result<(CriterionStatus, Option<Decimal>), Error> {
        const OP: &str = "explaining a group";
        let is_leaf = self.node(at).is_some_and(|n| n.criterion.metric.is_some());
        Ok(match self.outcome(at) {
            Outcome::Scored(s) if is_leaf => (CriterionStatus::Scored, Some(s)),
            Outcome::Scored(_) => {
                let share = self.share.get(at).copied().unwrap_or_default();
                let points = self.points.get(at).copied().unwrap_or_default();
                let scale = self.rubric.scale();
                let span = num::sub(scale.max, scale.min, OP)?;
                let denominator = num::mul(span, share, OP)?;
                let mean = if denominator.is_zero() {
                    None
                } else {
                    let toward = num::div(points, denominator, OP)?;
                    Some(match scale.direction {
                        Direction::HigherIsBetter => toward,
                        Direction::LowerIsBetter => num::sub(Decimal::ONE, toward, OP)?,
                    })
                };
                (CriterionStatus::Scored, mean)
            }
            Outcome::Minimum => (CriterionStatus::CountedAsMinimum, Some(Decimal::ZERO)),
            Outcome::LeftOut(_) => (CriterionStatus::LeftOut, None),
            Outcome::Unscored => (CriterionStatus::Unscored, None),
        })
    }

    fn results(&self, nodes: &[usize]) -> Result<Vec<CriterionResult>, Error> {
        let rounding = self.rubric.rounding();
        let mut out = Vec::with_capacity(nodes.len());
        for at in nodes {
            let Some(node) = self.node(*at) else { continue };
            let share = self.share.get(*at).copied().unwrap_or_default();
            let points = self.points.get(*at).copied().unwrap_or_default();
            let (status, normalised) = self.status(*at)?;
            let answer = self.answer(*at).filter(|_| self.copy_answers);
            out.push(CriterionResult {
                id: node.criterion.id.clone(),
                name: node.criterion.name.clone(),
                status,
                declared_weight: node.criterion.weight,
                effective_weight: share.normalize(),
                answer: answer.map(|a| a.value.clone()),
                comment: answer.and_then(|a| a.comment.clone()),
                derivation: answer.and_then(|a| a.derivation.as_deref().cloned()),
                override_reason: answer.and_then(|a| a.override_reason.clone()),
                normalised: normalised.map(|s| s.normalize()),
                contribution: Score::new(points, rounding)?,
                criteria: self.results(&node.children)?,
            });
        }
        Ok(out)
    }

    fn gates(
        &self,
        total: Option<Decimal>,
        assessment: &Assessment,
    ) -> Result<Vec<GateResult>, Error> {
        judge_gates(self.rubric, |rule| self.gate(rule, total, assessment))
    }

    fn gate(
        &self,
        rule: &GateRule,
        total: Option<Decimal>,
        assessment: &Assessment,
    ) -> Result<(bool, String), Error> {
        let target = |id: &str| {
            self.rubric
                .position(id)
                .map(|at| (at, self.answer(at).map(|a| &a.value)))
        };
        Ok(match rule {
            GateRule::RequiresYes { criterion } => {
                let answer = target(criterion).and_then(|(_, answer)| answer);
                let verdict = match answer {
                    Some(AnswerValue::YesNo(yes)) => Some(*yes),
                    _ => None,
                };
                let answers = YesAnswers {
                    yes: usize::from(verdict == Some(true)),
                    answered: usize::from(verdict.is_some()),
                    verdict,
                    not_applicable: matches!(answer, Some(AnswerValue::NotApplicable)),
                    panel: false,
                };
                judge_requires_yes(criterion, &answers)
            }
            GateRule::CriterionMinimum {
                criterion,
                threshold,
            } => {
                let Some((at, answer)) = target(criterion) else {
                    return Ok(not_scored(criterion));
                };
                let Some(metric) = self.node(at).and_then(|n| n.criterion.metric.as_ref()) else {
                    return Ok(not_scored(criterion));
                };
                let scored = match (self.outcome(at), answer) {
                    (Outcome::Scored(s), Some(answer)) => Some((s, answer)),
                    _ => None,
                };
                judge_minimum(criterion, metric, *threshold, scored, "answer")?
            }
            GateRule::TotalMinimum { threshold } => {
                judge_total(self.rubric.scale(), *threshold, total)
            }
            GateRule::NoConflictOfInterest => {
                let declaration = &assessment.conflict_of_interest;
                judge_no_conflict(Conflicts::Declared(
                    declaration.declared,
                    declaration.statement.as_deref(),
                ))
            }
        })
    }
}
