//! One subject of a panel: its included assessors combined per criterion and in total, with
//! consensus, spread, gates, band, ranking score and the decision before ranking.

use rust_decimal::Decimal;

use super::document::Consensus;
use super::gates::gates;
use super::rank::{self, Candidate};
use super::report::{
    AssessorEntry, ConsensusRecord, CriterionAggregate, CriterionComment, Decision, DecisionReason,
    SubjectReport, SubjectStatus,
};
use super::review::Sheet;
use crate::error::{Error, Path};
use crate::num::{self, Score};
use crate::num::{Spread, Spreads};
use crate::rubric::Aggregation;
use crate::rubric::{Basis, PanelRules};
use crate::rubric::{Rubric, band_for};
use crate::scoring::{BandResult, GateResult, score_profile};

/// Combines `values`, or `None` where there are none (or trimming leaves none).
pub(super) fn combine(method: Aggregation, values: &[Decimal]) -> Result<Option<Decimal>, Error> {
    defined(method.combine(values))
}

/// A combined value, or `None` where the method leaves it undefined.
fn defined(combined: Result<Decimal, Error>) -> Result<Option<Decimal>, Error> {
    match combined {
        Ok(v) => Ok(Some(v)),
        Err(Error::Undefined { .. }) => Ok(None),
        Err(e) => Err(e),
    }
}

/// Reviews one subject from its sheets (in assessor order) and the consensus recorded for it.
/// Returns its report and, when it is eligible, its place in the ranking.
pub(super) fn review_subject(
    rubric: &Rubric,
    ranking_rubric: Option<&Rubric>,
    rules: &PanelRules,
    sheets: &[&Sheet<'_>],
    consensus: &[&Consensus],
    spreads: &mut Spreads,
) -> Result<(SubjectReport, Option<Candidate>), Error> {
    let Some(subject) = sheets.first().map(|s| s.assessment.subject.clone()) else {
        return Err(Error::Undefined {
            statistic: "panel review",
            reason: "a subject without assessments".to_owned(),
        });
    };
    let rounding = rubric.rounding();
    let included: Vec<&Sheet<'_>> = sheets.iter().copied().filter(|s| s.included()).collect();
    let mut records = Vec::new();
    let (criteria, profile) = criteria(rubric, rules, &included, consensus, spreads, &mut records)?;
    let combined = combined_total(rubric, rules, sheets.len(), &included, &profile)?;
    let computed = combined.as_ref().ok().copied();
    let status = match computed {
        Some(_) => SubjectStatus::Scored,
        None => SubjectStatus::Insufficient,
    };
    let agreed_total = consensus.iter().find(|c| c.criterion.is_none());
    if let Some(agreed) = agreed_total {
        records.push(record(None, computed, agreed));
    }
    let total = match (status, agreed_total) {
        (SubjectStatus::Scored, Some(agreed)) => Some(agreed.value),
        _ => computed,
    };
    let total = total.map(|t| Score::new(t, rounding)).transpose()?;
    let totals: Vec<Decimal> = included.iter().filter_map(|s| s.total()).collect();
    let spread = if totals.is_empty() {
        None
    } else {
        Some(Spread::of(&totals)?)
    };
    let divergent = diverges(rubric, rules, spread.as_ref())?;
    let published = total.map(|t| t.published);
    let gates = gates(rubric, rules, &included, sheets.len(), &criteria, published)?;
    let eligible = status == SubjectStatus::Scored && gates.iter().all(|g| g.passed);
    let band = published
        .and_then(|t| band_for(&rubric.doc().bands, t))
        .map(|b| BandResult {
            id: b.id.clone(),
            label: b.label.clone(),
        });
    let ranking_score = match (ranking_rubric, total, agreed_total) {
        (Some(r), Some(_), None) => ranking_score(r, rules, &included, &profile)?,
        (_, total, _) => total.map(|t| t.exact),
    };
    let ranking_score = ranking_score.map(|v| Score::new(v, rounding)).transpose()?;
    let decision = decision_before_ranking(combined, eligible, &gates);
    let candidate = match (eligible, ranking_score, total) {
        (true, Some(score), Some(total)) => Some(Candidate {
            index: 0,
            id: subject.id.clone(),
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
        subject,
        status,
        assessors: sheets.iter().map(|s| entry(s)).collect(),
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
        tied: 0,
        percentile: None,
        decision,
    };
    Ok((report, candidate))
}

/// The decision on a subject before ranking: insufficient (with why), ineligible (with the
/// gates it failed), or left to ranking and selection.
fn decision_before_ranking(
    combined: Result<Decimal, String>,
    eligible: bool,
    gates: &[GateResult],
) -> Decision {
    match combined {
        Err(why) => Decision {
            selected: false,
            reason: DecisionReason::Insufficient,
            explanation: why,
        },
        Ok(_) if !eligible => {
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
        Ok(_) => Decision {
            selected: false,
            reason: DecisionReason::BelowCapacity,
            explanation: String::new(),
        },
    }
}

fn entry(sheet: &Sheet<'_>) -> AssessorEntry {
    let assessor = &sheet.assessment.assessor;
    AssessorEntry {
        id: assessor.id.clone(),
        stakeholder_group: assessor.stakeholder_group,
        region: assessor.region,
        role: assessor.role,
        included: sheet.included(),
        excluded_because: sheet.excluded_because.clone(),
        total: sheet.card.as_ref().and_then(|c| c.total),
        calibrated_total: sheet.calibrated,
        comments: sheet
            .nodes
            .iter()
            .filter_map(|n| n.answer)
            .filter_map(|a| {
                a.comment.as_ref().map(|comment| CriterionComment {
                    criterion: a.criterion.clone(),
                    comment: comment.clone(),
                })
            })
            .collect(),
        lessons: sheet.assessment.lessons.clone(),
    }
}

fn record(
    criterion: Option<&str>,
    computed: Option<Decimal>,
    agreed: &Consensus,
) -> ConsensusRecord {
    ConsensusRecord {
        criterion: criterion.map(str::to_owned),
        computed,
        agreed: agreed.value,
        recorded_by: agreed.recorded_by.clone(),
        note: agreed.note.clone(),
    }
}

/// Each criterion combined over the included assessors, then any consensus on it; also the
/// profile of leaf scores (indexed like the rubric's nodes) that `basis: criteria` scores.
fn criteria(
    rubric: &Rubric,
    rules: &PanelRules,
    included: &[&Sheet<'_>],
    consensus: &[&Consensus],
    spreads: &mut Spreads,
    records: &mut Vec<ConsensusRecord>,
) -> Result<(Vec<CriterionAggregate>, Vec<Option<Decimal>>), Error> {
    let mut criteria = Vec::with_capacity(rubric.nodes().len());
    let mut profile = Vec::with_capacity(rubric.nodes().len());
    // One pair of buffers for every criterion, each sorted once for its combined value and
    // its spread (which share the mean when the method is the mean).
    let mut scores: Vec<Decimal> = Vec::with_capacity(included.len());
    let mut raws: Vec<Decimal> = Vec::with_capacity(included.len());
    for (at, node) in rubric.nodes().iter().enumerate() {
        let id = &node.criterion.id;
        let metric = node.criterion.metric.as_ref();
        scores.clear();
        raws.clear();
        for sheet in included {
            let Some(normalised) = sheet.normalised(at) else {
                continue;
            };
            scores.push(normalised);
            let answer = sheet.nodes.get(at).and_then(|n| n.answer);
            if let Some(raw) = answer.and_then(|a| metric.and_then(|m| m.raw_number(&a.value))) {
                raws.push(raw);
            }
        }
        // Stable, as `combine` and `Spread::of` sort: equal values may differ in scale.
        scores.sort();
        raws.sort();
        let mut normalised = defined(rules.aggregation.combine_sorted(&scores))?;
        let mut raw = defined(rules.aggregation.combine_sorted(&raws))?;
        let mean = normalised.filter(|_| rules.aggregation == Aggregation::Mean);
        let spread = if scores.is_empty() {
            None
        } else {
            Some(spreads.of_sorted(&scores, mean)?)
        };
        let divergent = match (rules.divergence, &spread) {
            (Some(limit), Some(spread)) => spread.range > limit,
            _ => false,
        };
        let agreed = consensus.iter().find(|c| c.criterion.as_ref() == Some(id));
        if let (Some(agreed), Some(metric)) = (agreed, metric) {
            records.push(record(Some(id), raw, agreed));
            normalised = Some(metric.normalise_raw(id, agreed.value, &Path::root())?);
            raw = Some(agreed.value);
        }
        profile.push(metric.and(normalised));
        criteria.push(CriterionAggregate {
            id: id.clone(),
            n: scores.len(),
            normalised: normalised.map(|v| v.normalize()),
            raw: raw.map(|v| v.normalize()),
            spread,
            divergent,
        });
    }
    Ok((criteria, profile))
}

/// The computed total, or why there is none.
fn combined_total(
    rubric: &Rubric,
    rules: &PanelRules,
    assessed: usize,
    included: &[&Sheet<'_>],
    profile: &[Option<Decimal>],
) -> Result<Result<Decimal, String>, Error> {
    if included.len() < rules.min_assessors {
        return Ok(Err(format!(
            "{} valid assessor(s) of {assessed}; the rules require {}",
            included.len(),
            rules.min_assessors
        )));
    }
    Ok(match rules.basis {
        Basis::Totals => {
            let inputs: Vec<Decimal> = included.iter().filter_map(|s| s.combined_input()).collect();
            match rules.aggregation.combine(&inputs) {
                Ok(v) => Ok(v),
                Err(Error::Undefined { reason, .. }) => {
                    Err(format!("{} valid assessor(s), but {reason}", inputs.len()))
                }
                Err(e) => return Err(e),
            }
        }
        Basis::Criteria => score_profile(rubric, profile)?
            .0
            .ok_or_else(|| "no weighted criterion has a combined score".to_owned()),
    })
}

/// Whether the assessors' totals span more than the rules allow, as a share of the scale.
fn diverges(rubric: &Rubric, rules: &PanelRules, spread: Option<&Spread>) -> Result<bool, Error> {
    let scale = rubric.scale();
    let span = num::sub(scale.max, scale.min, "measuring divergence")?;
    match (rules.divergence, spread) {
        (Some(limit), Some(spread)) if !span.is_zero() => {
            Ok(num::div(spread.range, span, "measuring divergence")? > limit)
        }
        _ => Ok(false),
    }
}

/// The combined total under ranking-only weights: the included assessments re-scored under the
/// re-weighted rubric (uncalibrated), or the combined profile scored under it.
fn ranking_score(
    ranking_rubric: &Rubric,
    rules: &PanelRules,
    included: &[&Sheet<'_>],
    profile: &[Option<Decimal>],
) -> Result<Option<Decimal>, Error> {
    match rules.basis {
        Basis::Totals => {
            let mut values = Vec::with_capacity(included.len());
            for s in included {
                if let Some(t) = ranking_rubric.score(s.assessment)?.total {
                    values.push(t.exact);
                }
            }
            combine(rules.aggregation, &values)
        }
        Basis::Criteria => Ok(score_profile(ranking_rubric, profile)?.0),
    }
}
