//! The panel review: score every assessment, combine each subject's included assessors, apply
//! consensus and gates, then rank, select and measure agreement.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use super::panel::{Consensus, Panel};
use super::rank::{self, Candidate};
use super::report::{
    AssessorEntry, ConsensusRecord, CriterionAggregate, Decision, DecisionReason, PanelReport,
    SubjectReport, SubjectStatus,
};
use super::rules::{Basis, PanelRules};
use super::stats::{Aggregation, Spread};
use super::{calibrate, reliability};
use crate::assessment::{AnswerValue, Assessment};
use crate::error::{Error, Path};
use crate::num::{self, Score};
use crate::rubric::{FORMAT_VERSION, GateRule, Rubric, band_for};
use crate::scoring::{
    BandResult, CriterionResult, CriterionStatus, GateResult, Scorecard, judge_minimum,
    judge_total, score_profile,
};

/// One assessment of a subject, scored, with its place in the panel.
pub(super) struct Sheet<'a> {
    pub(super) assessment: &'a Assessment,
    pub(super) card: Scorecard,
    /// The scorecard's criteria in rubric (pre-)order, aligned with the rubric's nodes.
    pub(super) nodes: Vec<CriterionResult>,
    pub(super) excluded_because: Option<String>,
    pub(super) calibrated: Option<Decimal>,
}

impl Sheet<'_> {
    pub(super) fn included(&self) -> bool {
        self.excluded_because.is_none()
    }

    pub(super) fn total(&self) -> Option<Decimal> {
        self.card.total.map(|t| t.exact)
    }

    /// The total the panel combines: calibrated where the assessor was calibrated.
    fn combined_input(&self) -> Option<Decimal> {
        self.calibrated.or_else(|| self.total())
    }

    /// The normalised score of node `at`, where the assessor scored it.
    pub(super) fn normalised(&self, at: usize) -> Option<Decimal> {
        let node = self.nodes.get(at)?;
        match node.status {
            CriterionStatus::Scored | CriterionStatus::CountedAsMinimum => node.normalised,
            CriterionStatus::LeftOut | CriterionStatus::Unscored => None,
        }
    }
}

pub(super) fn review(rubric: &Rubric, panel: &Panel) -> Result<PanelReport, Error> {
    panel.check()?;
    let root = Path::root();
    if panel.rubric.id != rubric.id() || panel.rubric.version != rubric.version() {
        return Err(Error::RubricMismatch {
            what: "panel",
            path: root.key("rubric"),
            expected: format!("`{}` version `{}`", rubric.id(), rubric.version()),
            found: format!("`{}` version `{}`", panel.rubric.id, panel.rubric.version),
        });
    }
    let rules = match (&panel.rules, &rubric.doc().panel) {
        (Some(rules), _) => {
            rules.validate(rubric, &root.key("rules"))?;
            rules.clone()
        }
        (None, Some(rules)) => rules.clone(),
        (None, None) => PanelRules::default(),
    };
    check_consensus(rubric, &panel.consensus)?;

    let mut sheets: Vec<Sheet<'_>> = Vec::with_capacity(panel.assessments.len());
    for (i, assessment) in panel.assessments.iter().enumerate() {
        let card = rubric
            .score(assessment)
            .map_err(|e| e.at(&root.key("assessments").item(i, &assessment.subject.id)))?;
        let excluded_because = exclusion(&card);
        let nodes = flatten(&card.criteria);
        sheets.push(Sheet {
            assessment,
            card,
            nodes,
            excluded_because,
            calibrated: None,
        });
    }
    // One canonical order for everything below, whatever order the assessments came in.
    sheets.sort_by(|a, b| {
        let (x, y) = (a.assessment, b.assessment);
        (&x.subject.id, &x.assessor.id).cmp(&(&y.subject.id, &y.assessor.id))
    });
    let calibration = match rules.calibration {
        Some(c) => calibrate::apply(&mut sheets, c, rubric.scale())?,
        None => Vec::new(),
    };
    let mut by_subject: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, sheet) in sheets.iter().enumerate() {
        by_subject
            .entry(&sheet.assessment.subject.id)
            .or_default()
            .push(i);
    }
    let ranking_rubric = ranking_rubric(rubric, &rules)?;
    let mut subjects = Vec::with_capacity(by_subject.len());
    let mut candidates = Vec::new();
    for (id, members) in &by_subject {
        let group: Vec<&Sheet<'_>> = members.iter().filter_map(|i| sheets.get(*i)).collect();
        let consensus: Vec<&Consensus> = panel
            .consensus
            .iter()
            .filter(|c| c.subject == *id)
            .collect();
        let (report, candidate) =
            subject(rubric, ranking_rubric.as_ref(), &rules, &group, &consensus)?;
        if let Some(mut candidate) = candidate {
            candidate.index = subjects.len();
            candidates.push(candidate);
        }
        subjects.push(report);
    }
    let selected = rank::rank_and_select(&mut subjects, &candidates, &rules, rubric.scale())?;
    let reliability = reliability::of_panel(rubric, &sheets, &subjects)?;
    let breakdown = reliability::breakdown(&sheets, &subjects)?;
    Ok(PanelReport {
        format_version: FORMAT_VERSION,
        rubric: panel.rubric.clone(),
        rules,
        scale: rubric.scale(),
        rounding: rubric.rounding(),
        subjects: rank::in_rank_order(subjects),
        selected,
        calibration,
        reliability,
        breakdown,
    })
}

fn exclusion(card: &Scorecard) -> Option<String> {
    let declaration = &card.conflict_of_interest;
    if declaration.declared {
        return Some(match &declaration.statement {
            Some(statement) => format!("declared a conflict of interest: {statement}"),
            None => "declared a conflict of interest".to_owned(),
        });
    }
    if !card.complete {
        let why: Vec<&str> = card.flags.iter().map(|f| f.message.as_str()).collect();
        return Some(format!("incomplete assessment ({})", why.join("; ")));
    }
    None
}

/// The scorecard's criteria tree in pre-order: the same order as the rubric's nodes.
fn flatten(list: &[CriterionResult]) -> Vec<CriterionResult> {
    let mut out = Vec::new();
    for c in list {
        let mut node = c.clone();
        node.criteria = Vec::new();
        out.push(node);
        out.extend(flatten(&c.criteria));
    }
    out
}

fn check_consensus(rubric: &Rubric, consensus: &[Consensus]) -> Result<(), Error> {
    let list = Path::root().key("consensus");
    for (i, c) in consensus.iter().enumerate() {
        let here = list.item(i, &c.subject);
        match &c.criterion {
            Some(id) => {
                let metric = rubric.criterion(id).and_then(|n| n.metric.as_ref());
                let Some(metric) = metric else {
                    return Err(Error::UnknownCriterion {
                        path: here.key("criterion"),
                        id: id.clone(),
                    });
                };
                metric.normalise_threshold(id, c.value, &here.key("value"))?;
            }
            None => {
                let scale = rubric.scale();
                if c.value < scale.min || c.value > scale.max {
                    return Err(Error::OutOfRange {
                        path: here.key("value"),
                        value: c.value,
                        min: scale.min,
                        max: scale.max,
                    });
                }
            }
        }
    }
    Ok(())
}

/// The rubric with ranking-only weight multipliers applied, if the rules have any.
fn ranking_rubric(rubric: &Rubric, rules: &PanelRules) -> Result<Option<Rubric>, Error> {
    if rules.ranking_weights.is_empty() {
        return Ok(None);
    }
    fn scale(criteria: &mut [crate::rubric::Criterion], rules: &PanelRules) -> Result<(), Error> {
        for c in criteria {
            if let Some(w) = rules.ranking_weights.iter().find(|w| w.criterion == c.id) {
                c.weight = c
                    .weight
                    .map(|x| num::mul(x, w.factor, "applying ranking weights"))
                    .transpose()?;
            }
            scale(&mut c.criteria, rules)?;
        }
        Ok(())
    }
    let mut doc = rubric.doc().clone();
    scale(&mut doc.criteria, rules)?;
    Rubric::try_from(doc)
        .map(Some)
        .map_err(|e| e.at(&Path::root().key("rules").key("ranking_weights")))
}

/// Combines `values`, or `None` where there are none (or trimming leaves none).
fn combine(method: Aggregation, values: &[Decimal]) -> Result<Option<Decimal>, Error> {
    match method.combine(values) {
        Ok(v) => Ok(Some(v)),
        Err(Error::Undefined { .. }) => Ok(None),
        Err(e) => Err(e),
    }
}

fn subject(
    rubric: &Rubric,
    ranking_rubric: Option<&Rubric>,
    rules: &PanelRules,
    sheets: &[&Sheet<'_>],
    consensus: &[&Consensus],
) -> Result<(SubjectReport, Option<Candidate>), Error> {
    let first = sheets.first().map(|s| s.assessment.subject.clone());
    let Some(subject_info) = first else {
        return Err(Error::Undefined {
            statistic: "panel review",
            reason: "a subject without assessments".to_owned(),
        });
    };
    let rounding = rubric.rounding();
    let scale = rubric.scale();
    let span = num::sub(scale.max, scale.min, "measuring divergence")?;
    let included: Vec<&Sheet<'_>> = sheets.iter().copied().filter(|s| s.included()).collect();
    let assessors = sheets
        .iter()
        .map(|s| {
            Ok(AssessorEntry {
                id: s.assessment.assessor.id.clone(),
                stakeholder_group: s.assessment.assessor.stakeholder_group,
                region: s.assessment.assessor.region,
                role: s.assessment.assessor.role,
                included: s.included(),
                excluded_because: s.excluded_because.clone(),
                total: s.card.total,
                calibrated_total: s.calibrated,
            })
        })
        .collect::<Result<Vec<_>, Error>>()?;

    // Each criterion, combined over the included assessors, then any consensus on it.
    let mut records = Vec::new();
    let mut criteria = Vec::with_capacity(rubric.nodes().len());
    let mut profile: Vec<Option<Decimal>> = Vec::with_capacity(rubric.nodes().len());
    for (at, node) in rubric.nodes().iter().enumerate() {
        let id = &node.criterion.id;
        let scores: Vec<Decimal> = included.iter().filter_map(|s| s.normalised(at)).collect();
        let metric = node.criterion.metric.as_ref();
        let raws: Vec<Decimal> = match metric {
            Some(m) => included
                .iter()
                .filter(|s| s.normalised(at).is_some())
                .filter_map(|s| {
                    s.nodes
                        .get(at)
                        .and_then(|n| n.answer.as_ref())
                        .and_then(|a| m.raw_number(a))
                })
                .collect(),
            None => Vec::new(),
        };
        let mut normalised = combine(rules.aggregation, &scores)?;
        let mut raw = combine(rules.aggregation, &raws)?;
        let spread = if scores.is_empty() {
            None
        } else {
            Some(Spread::of(&scores)?)
        };
        let divergent = match (rules.divergence, &spread) {
            (Some(limit), Some(spread)) => spread.range > limit,
            _ => false,
        };
        if let (Some(agreed), Some(metric)) = (
            consensus.iter().find(|c| c.criterion.as_ref() == Some(id)),
            metric,
        ) {
            records.push(ConsensusRecord {
                criterion: Some(id.clone()),
                computed: raw,
                agreed: agreed.value,
                recorded_by: agreed.recorded_by.clone(),
                note: agreed.note.clone(),
            });
            normalised = Some(metric.normalise_threshold(id, agreed.value, &Path::root())?);
            raw = Some(agreed.value);
        }
        profile.push(if metric.is_some() { normalised } else { None });
        criteria.push(CriterionAggregate {
            id: id.clone(),
            n: scores.len(),
            normalised: normalised.map(|v| v.normalize()),
            raw: raw.map(|v| v.normalize()),
            spread,
            divergent,
        });
    }

    let totals: Vec<Decimal> = included.iter().filter_map(|s| s.total()).collect();
    let combined = if included.len() < rules.min_assessors {
        Err(format!(
            "{} valid assessor(s) of {}; the rules require {}",
            included.len(),
            sheets.len(),
            rules.min_assessors
        ))
    } else {
        match rules.basis {
            Basis::Totals => {
                let inputs: Vec<Decimal> =
                    included.iter().filter_map(|s| s.combined_input()).collect();
                match rules.aggregation.combine(&inputs) {
                    Ok(v) => Ok(v),
                    Err(Error::Undefined { reason, .. }) => {
                        Err(format!("{} valid assessor(s), but {reason}", inputs.len()))
                    }
                    Err(e) => return Err(e),
                }
            }
            Basis::Criteria => score_profile(rubric, &profile)?
                .0
                .ok_or_else(|| "no weighted criterion has a combined score".to_owned()),
        }
    };
    let computed = combined.as_ref().ok().copied();
    let status = if computed.is_some() {
        SubjectStatus::Scored
    } else {
        SubjectStatus::Insufficient
    };
    let mut total = computed;
    if let Some(agreed) = consensus.iter().find(|c| c.criterion.is_none()) {
        records.push(ConsensusRecord {
            criterion: None,
            computed,
            agreed: agreed.value,
            recorded_by: agreed.recorded_by.clone(),
            note: agreed.note.clone(),
        });
        if status == SubjectStatus::Scored {
            total = Some(agreed.value);
        }
    }
    let total = total.map(|t| Score::new(t, rounding)).transpose()?;
    let spread = if totals.is_empty() {
        None
    } else {
        Some(Spread::of(&totals)?)
    };
    let divergent = match (rules.divergence, &spread) {
        (Some(limit), Some(spread)) if !span.is_zero() => {
            num::div(spread.range, span, "measuring divergence")? > limit
        }
        _ => false,
    };
    let published = total.map(|t| t.published);
    let gates = gates(rubric, rules, &included, sheets.len(), &criteria, published)?;
    let eligible = status == SubjectStatus::Scored && gates.iter().all(|g| g.passed);
    let band = published
        .and_then(|t| band_for(&rubric.doc().bands, t))
        .map(|b| BandResult {
            id: b.id.clone(),
            label: b.label.clone(),
        });

    let ranking_score = match (
        ranking_rubric,
        total,
        consensus.iter().any(|c| c.criterion.is_none()),
    ) {
        (_, None, _) => None,
        (None, Some(t), _) | (Some(_), Some(t), true) => Some(t.exact),
        (Some(r), Some(_), false) => match rules.basis {
            Basis::Totals => {
                let mut values = Vec::with_capacity(included.len());
                for s in &included {
                    if let Some(t) = r.score(s.assessment)?.total {
                        values.push(t.exact);
                    }
                }
                combine(rules.aggregation, &values)?
            }
            Basis::Criteria => score_profile(r, &profile)?.0,
        },
    };
    let decision = match status {
        SubjectStatus::Insufficient => Decision {
            selected: false,
            reason: DecisionReason::Insufficient,
            explanation: combined.err().unwrap_or_default(),
        },
        SubjectStatus::Scored if !eligible => {
            let failed: Vec<String> = gates
                .iter()
                .filter(|g| !g.passed)
                .map(|g| format!("{} ({})", g.id, g.reason))
                .collect();
            Decision {
                selected: false,
                reason: DecisionReason::Ineligible,
                explanation: format!("ineligible: failed {}", failed.join("; ")),
            }
        }
        // Settled by ranking and selection.
        SubjectStatus::Scored => Decision {
            selected: false,
            reason: DecisionReason::BelowCapacity,
            explanation: String::new(),
        },
    };
    let ranking_score = ranking_score.map(|v| Score::new(v, rounding)).transpose()?;
    let candidate = match (eligible, ranking_score, total) {
        (true, Some(score), Some(total)) => Some(Candidate {
            index: 0,
            id: subject_info.id.clone(),
            score: score.published,
            published_total: total.published,
            tie_values: rules
                .tie_break
                .iter()
                .map(|step| rank::tie_value(step, rubric, &criteria, spread.as_ref()))
                .collect(),
        }),
        _ => None,
    };
    let report = SubjectReport {
        subject: subject_info,
        status,
        assessors,
        computed_total: computed.map(|t| Score::new(t, rounding)).transpose()?,
        total,
        consensus: records,
        spread,
        divergent,
        criteria,
        gates,
        eligible,
        band,
        ranking_score,
        rank: None,
        tied_with: Vec::new(),
        percentile: None,
        decision,
    };
    Ok((report, candidate))
}

/// The rubric's gates applied to a subject's combined scores.
fn gates(
    rubric: &Rubric,
    rules: &PanelRules,
    included: &[&Sheet<'_>],
    all: usize,
    criteria: &[CriterionAggregate],
    total: Option<Decimal>,
) -> Result<Vec<GateResult>, Error> {
    let half = Decimal::new(5, 1);
    let mut results = Vec::with_capacity(rubric.doc().gates.len());
    for gate in &rubric.doc().gates {
        let (passed, reason) = match &gate.rule {
            GateRule::RequiresYes { criterion } => {
                let at = rubric.position(criterion);
                let answers: Vec<&AnswerValue> = included
                    .iter()
                    .filter_map(|s| {
                        at.and_then(|at| s.nodes.get(at))
                            .and_then(|n| n.answer.as_ref())
                    })
                    .collect();
                let votes: Vec<Decimal> = answers
                    .iter()
                    .filter_map(|a| match a {
                        AnswerValue::YesNo(yes) => {
                            Some(if *yes { Decimal::ONE } else { Decimal::ZERO })
                        }
                        _ => None,
                    })
                    .collect();
                let yes = votes.iter().filter(|v| !v.is_zero()).count();
                match combine(rules.aggregation, &votes)? {
                    Some(v) if v >= half => (
                        true,
                        format!(
                            "`{criterion}`: {yes} of {} assessors answered yes",
                            votes.len()
                        ),
                    ),
                    Some(_) => (
                        false,
                        format!(
                            "`{criterion}`: only {yes} of {} assessors answered yes",
                            votes.len()
                        ),
                    ),
                    None if answers
                        .iter()
                        .any(|a| matches!(a, AnswerValue::NotApplicable)) =>
                    {
                        (true, format!("`{criterion}` not applicable"))
                    }
                    None => (false, format!("`{criterion}` was not assessed")),
                }
            }
            GateRule::CriterionMinimum {
                criterion,
                threshold,
            } => {
                let aggregate = rubric.position(criterion).and_then(|at| criteria.get(at));
                let scored = aggregate.and_then(|a| a.normalised.zip(a.raw));
                match rubric.criterion(criterion).and_then(|c| c.metric.as_ref()) {
                    Some(metric) => {
                        judge_minimum(criterion, metric, *threshold, scored, "combined")?
                    }
                    None => (false, format!("`{criterion}` is not a scored criterion")),
                }
            }
            GateRule::TotalMinimum { threshold } => judge_total(rubric.scale(), *threshold, total),
            GateRule::NoConflictOfInterest => {
                let conflicted = all.saturating_sub(included.len());
                if conflicted == 0 {
                    (true, "no assessor excluded".to_owned())
                } else {
                    (
                        true,
                        format!(
                            "{conflicted} assessor(s) excluded (conflict of interest or incomplete)"
                        ),
                    )
                }
            }
        };
        results.push(GateResult {
            id: gate.id.clone(),
            label: gate.label.clone(),
            passed,
            reason,
        });
    }
    Ok(results)
}

impl Rubric {
    /// Reviews a panel: scores every assessment, combines each subject's valid assessors under
    /// the panel's rules, applies consensus and gates, ranks with the tie-break chain, selects
    /// under capacity and reports the panel's reliability.
    ///
    /// Conflicted and incomplete assessments are excluded from their subject with the reason;
    /// a subject with fewer valid assessors than `min_assessors` is marked insufficient and
    /// never scored. Output does not depend on the order of assessments or subjects.
    ///
    /// # Errors
    /// Any error of [`Panel::check`] or [`Rubric::score`] (under `assessments[i]`);
    /// [`Error::RubricMismatch`] when the panel names another rubric; errors in `rules` and
    /// `consensus` with their paths.
    pub fn review(&self, panel: &Panel) -> Result<PanelReport, Error> {
        review(self, panel)
    }
}
