//! The panel review: score every assessment, combine each subject's included assessors, apply
//! consensus and gates, then rank, select and measure agreement.

use std::collections::HashMap;

use rust_decimal::Decimal;

use super::document::{Consensus, Panel};
use super::rank;
use super::report::PanelReport;
use super::subject::review_subject;
use super::{calibrate, reliability};
use crate::assessment::{Answer, Assessment};
use crate::document::FORMAT_VERSION;
use crate::error::{Error, Path};
use crate::num::{self, Spreads};
use crate::rubric::PanelRules;
use crate::rubric::Rubric;
use crate::scoring::{SheetScore, score_sheet};

/// One assessment of a subject, scored, with its place in the panel.
pub(super) struct Sheet<'a> {
    pub(super) assessment: &'a Assessment,
    /// The scores; `None` when the assessment could not be scored (it is then excluded).
    pub(super) card: Option<SheetScore>,
    /// What the panel reads of each criterion, aligned with the rubric's nodes.
    pub(super) nodes: Vec<NodeView<'a>>,
    pub(super) excluded_because: Option<String>,
    pub(super) calibrated: Option<Decimal>,
}

/// One criterion of one sheet: its normalised score where it was scored, and the answer.
#[derive(Clone, Copy, Default)]
pub(super) struct NodeView<'a> {
    pub(super) normalised: Option<Decimal>,
    pub(super) answer: Option<&'a Answer>,
}

impl Sheet<'_> {
    /// Whether two sheets assess the same subject (in canonical order, a subject's sheets lie
    /// together).
    pub(super) fn same_subject(&self, other: &Sheet<'_>) -> bool {
        self.assessment.subject.id == other.assessment.subject.id
    }

    pub(super) fn included(&self) -> bool {
        self.excluded_because.is_none()
    }

    pub(super) fn total(&self) -> Option<Decimal> {
        self.card.as_ref()?.total.map(|t| t.exact)
    }

    /// The total the panel combines: calibrated where the assessor was calibrated.
    pub(super) fn combined_input(&self) -> Option<Decimal> {
        self.calibrated.or_else(|| self.total())
    }

    /// The normalised score of node `at`, where the assessor scored it.
    pub(super) fn normalised(&self, at: usize) -> Option<Decimal> {
        self.nodes.get(at)?.normalised
    }
}

pub(super) fn review(rubric: &Rubric, panel: &Panel) -> Result<PanelReport, Error> {
    panel.check_with(false)?;
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

    // One canonical order for everything below, whatever order the assessments came in:
    // by subject, then assessor (a pair the check above found once at most), so each
    // subject's sheets lie together. Grouped by subject first, so only the subjects' ids and
    // each subject's few assessors are sorted.
    let mut groups: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, assessment) in panel.assessments.iter().enumerate() {
        groups.entry(&assessment.subject.id).or_default().push(i);
    }
    let mut groups: Vec<(&str, Vec<usize>)> = groups.into_iter().collect();
    groups.sort_unstable_by(|a, b| a.0.cmp(b.0));
    let assessor = |i: &usize| panel.assessments.get(*i).map(|a| a.assessor.id.as_str());
    let order = groups.into_iter().flat_map(|(_, mut members)| {
        members.sort_unstable_by(|a, b| assessor(a).cmp(&assessor(b)));
        members
    });
    let mut sheets: Vec<Sheet<'_>> = Vec::with_capacity(panel.assessments.len());
    for i in order {
        let Some(assessment) = panel.assessments.get(i) else {
            continue;
        };
        let (mut card, excluded_because) = match score_sheet(rubric, assessment) {
            Ok(card) => {
                let why = exclusion(&card, assessment);
                (Some(card), why)
            }
            Err(e) if rules.strict => {
                return Err(e.at(&root.key("assessments").item(i, &assessment.subject.id)));
            }
            Err(e) => (None, Some(format!("cannot be scored: {e}"))),
        };
        // The node scores move into the views: a sheet keeps them once.
        let normalised = card.as_mut().map(|c| std::mem::take(&mut c.normalised));
        let nodes = views(rubric, normalised, assessment);
        sheets.push(Sheet {
            assessment,
            card,
            nodes,
            excluded_because,
            calibrated: None,
        });
    }
    let calibration = match rules.calibration {
        Some(c) => calibrate::apply(&mut sheets, c, rubric.scale())?,
        None => Vec::new(),
    };
    let ranking_rubric = ranking_rubric(rubric, &rules)?;
    let mut agreed: HashMap<&str, Vec<&Consensus>> = HashMap::new();
    for c in &panel.consensus {
        agreed.entry(&c.subject).or_default().push(c);
    }
    let mut spreads = Spreads::default();
    let mut subjects = Vec::new();
    let mut candidates = Vec::new();
    for members in sheets.chunk_by(Sheet::same_subject) {
        let Some(id) = members.first().map(|s| s.assessment.subject.id.as_str()) else {
            continue;
        };
        let group: Vec<&Sheet<'_>> = members.iter().collect();
        let consensus = agreed.get(id).map_or(&[][..], Vec::as_slice);
        let (report, candidate) = review_subject(
            rubric,
            ranking_rubric.as_ref(),
            &rules,
            &group,
            consensus,
            &mut spreads,
        )?;
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

fn exclusion(card: &SheetScore, assessment: &Assessment) -> Option<String> {
    let declaration = &assessment.conflict_of_interest;
    if declaration.declared {
        return Some(match &declaration.statement {
            Some(statement) => format!("declared a conflict of interest: {statement}"),
            None => "declared a conflict of interest".to_owned(),
        });
    }
    if !card.complete {
        return Some(format!(
            "incomplete assessment ({})",
            card.incomplete_because.join("; ")
        ));
    }
    None
}

/// Each node's view of one sheet, in the rubric's order: the normalised scores taken from the
/// sheet's scores, answers by reference (kept for a sheet that could not be scored, too).
fn views<'a>(
    rubric: &Rubric,
    normalised: Option<Vec<Option<Decimal>>>,
    assessment: &'a Assessment,
) -> Vec<NodeView<'a>> {
    let mut views: Vec<NodeView<'a>> = match normalised {
        Some(normalised) => normalised
            .into_iter()
            .map(|normalised| NodeView {
                normalised,
                answer: None,
            })
            .collect(),
        None => vec![NodeView::default(); rubric.nodes().len()],
    };
    for (i, answer) in assessment.answers.iter().enumerate() {
        if let Some(view) = rubric
            .leaf_position(i, &answer.criterion)
            .and_then(|at| views.get_mut(at))
        {
            view.answer = Some(answer);
        }
    }
    views
}

fn check_consensus(rubric: &Rubric, consensus: &[Consensus]) -> Result<(), Error> {
    let list = Path::root().key("consensus");
    for (i, c) in consensus.iter().enumerate() {
        let here = list.item(i, &c.subject);
        match &c.criterion {
            Some(id) => {
                let metric = rubric.criterion(id).and_then(|n| n.metric.as_ref());
                let Some(metric) = metric else {
                    return Err(rubric.unknown_criterion(id, here.key("criterion"), true));
                };
                metric.normalise_raw(id, c.value, &here.key("value"))?;
            }
            None => {
                rubric.scale().check(c.value, here.key("value"))?;
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

impl Rubric {
    /// Reviews a panel: scores every assessment, combines each subject's valid assessors under
    /// the panel's rules, applies consensus and gates, ranks with the tie-break chain, selects
    /// under capacity and reports the panel's reliability.
    ///
    /// Conflicted and incomplete assessments are excluded from their subject with the reason,
    /// and so is an assessment that cannot be scored (an unknown criterion, a value off its
    /// scale...), with its error as the reason, unless the rules are `strict`; a subject with fewer valid assessors than `min_assessors` is marked insufficient and
    /// never scored. Output does not depend on the order of assessments or subjects.
    ///
    /// # Examples
    /// Two MAG members score one proposal; the preset's rules require four valid assessors, so
    /// the subject is insufficient and says why.
    /// ```
    /// use igf_rubric::{Document, Panel, presets, panel::DecisionReason};
    ///
    /// let rubric = presets::bpf_proposal();
    /// let sample = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/examples/data/mag-panel.json"))?;
    /// let mut panel = Panel::from_json(&sample)?;
    /// panel.assessments.retain(|a| a.subject.id == "bpf-ipv6-2016" && a.assessor.id <= "mag-02".to_owned());
    /// panel.consensus.clear(); // it concerns another subject, which the review would reject
    /// let report = rubric.review(&panel)?;
    /// let subject = &report.subjects[0];
    /// assert_eq!(subject.decision.reason, DecisionReason::Insufficient);
    /// assert_eq!(subject.decision.explanation, "2 valid assessor(s) of 2; the rules require 4");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    /// The panel-level errors of [`Panel::check`](crate::Document::check) (an assessment's own errors exclude that
    /// assessment, as scoring errors do); with `strict` rules, the first error of
    /// [`Rubric::score`] (under `assessments[i]`);
    /// [`Error::RubricMismatch`] when the panel names another rubric; errors in `rules` and
    /// `consensus` with their paths.
    pub fn review(&self, panel: &Panel) -> Result<PanelReport, Error> {
        review(self, panel)
    }
}
