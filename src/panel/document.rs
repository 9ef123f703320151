//! Panel documents: the assessments of several subjects under one rubric, with the panel's
//! rules and any consensus it recorded.

use std::collections::HashMap;

use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::assessment::Assessment;
use crate::document::Document;
use crate::document::{FORMAT_VERSION, check_format, check_id};
use crate::error::{Error, Path};
use crate::num::exact;
use crate::rubric::PanelRules;
use crate::rubric::RubricRef;

/// The assessments of several subjects under one rubric, reviewed together.
///
/// Load with [`Panel::from_json`] and review with [`Rubric::review`](crate::Rubric::review).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "Panel")]
pub struct Panel {
    /// Version of the document format; 1.
    #[serde(default = "format_version")]
    #[schemars(extend("const" = 1))]
    pub format_version: u32,
    /// What the panel reviews, and where its data come from.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// The rubric every assessment answers.
    pub rubric: RubricRef,
    /// The panel's rules; absent: the rubric's `panel` rules, or the defaults.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rules: Option<PanelRules>,
    /// Scores the panel agreed after discussion; each overrides the computed one.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub consensus: Vec<Consensus>,
    /// The individual assessments, one per assessor and subject.
    pub assessments: Vec<Assessment>,
}

fn format_version() -> u32 {
    FORMAT_VERSION
}

/// A score agreed by the panel after discussion.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Consensus {
    /// The subject's id.
    #[schemars(with = "crate::kinds::Id")]
    pub subject: String,
    /// The criterion agreed, in its own units (scale value, level points, count, percentage);
    /// absent: the total is agreed, on the rubric's total scale.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<crate::kinds::Id>")]
    pub criterion: Option<String>,
    /// The agreed value.
    #[serde(with = "exact")]
    #[schemars(with = "crate::kinds::Decimal")]
    pub value: Decimal,
    /// Who recorded it (e.g. the chair's id).
    #[schemars(with = "crate::kinds::Id")]
    pub recorded_by: String,
    /// Why, or what was discussed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl Panel {
    /// A panel of `assessments` under `rubric`, with the rubric's own rules and no consensus;
    /// checked as [`Panel::from_json`] checks it.
    ///
    /// ```
    /// use igf_rubric::{AnswerValue, Assessment, Assessor, Panel, Region, Role, StakeholderGroup, Subject, presets};
    ///
    /// let rubric = presets::nih_overall_impact();
    /// let sheet = |assessor: &str, score: i64| {
    ///     let who = Assessor::new(assessor, StakeholderGroup::Academia, Region::Other, Role::ExternalReviewer);
    ///     Assessment::new(rubric, Subject::new("r01-0042", "Open measurement of IXP traffic", 2026), who)
    ///         .answer("overall-impact", AnswerValue::Scale(score.into()))
    /// };
    /// let panel = Panel::new(rubric, [sheet("rev-1", 2), sheet("rev-2", 3), sheet("rev-3", 2)])?;
    /// let report = rubric.review(&panel)?;
    /// assert_eq!(report.subjects.len(), 1);
    /// # Ok::<(), igf_rubric::Error>(())
    /// ```
    ///
    /// # Errors
    /// As for [`Panel::check`].
    pub fn new(
        rubric: &crate::rubric::Rubric,
        assessments: impl IntoIterator<Item = Assessment>,
    ) -> Result<Panel, Error> {
        let panel = Panel {
            format_version: FORMAT_VERSION,
            description: String::new(),
            rubric: RubricRef::from(rubric),
            rules: None,
            consensus: Vec::new(),
            assessments: assessments.into_iter().collect(),
        };
        panel.check()?;
        Ok(panel)
    }

    /// Sets rules that override the rubric's, checked when the panel is reviewed.
    #[must_use]
    pub fn with_rules(mut self, rules: PanelRules) -> Panel {
        self.rules = Some(rules);
        self
    }

    /// The panel's own rules; with `each`, every assessment's own checks too (a review leaves
    /// those to scoring, which excludes a bad sheet instead of failing the panel).
    pub(crate) fn check_with(&self, each: bool) -> Result<(), Error> {
        check_format(self.format_version)?;
        if let Some(rules) = &self.rules {
            rules.check_own(&Path::root().key("rules"))?;
        }
        let list = Path::root().key("assessments");
        // Hash maps: the error reported is the first in the assessments' order either way.
        // Paths are built only for an error (one per assessment would cost three allocations).
        let mut seen: HashMap<(&str, &str), usize> = HashMap::with_capacity(self.assessments.len());
        let mut subjects: HashMap<&str, usize> = HashMap::new();
        let mut assessors: HashMap<&str, usize> = HashMap::new();
        for (i, a) in self.assessments.iter().enumerate() {
            let here = || list.item(i, &a.subject.id);
            if each {
                a.check().map_err(|e| e.at(&here()))?;
            }
            if a.rubric != self.rubric {
                return Err(Error::RubricMismatch {
                    what: "assessment",
                    path: here().key("rubric"),
                    expected: format!(
                        "the panel's `{}` version `{}`",
                        self.rubric.id, self.rubric.version
                    ),
                    found: format!("`{}` version `{}`", a.rubric.id, a.rubric.version),
                });
            }
            if let Some(first) = seen.insert((&a.subject.id, &a.assessor.id), i) {
                return Err(Error::DuplicateId {
                    path: here().key("assessor").key("id"),
                    what: "assessor",
                    id: format!("{} (of subject `{}`)", a.assessor.id, a.subject.id),
                    first: list.item(first, &a.subject.id).key("assessor").key("id"),
                });
            }
            let first = |index: &HashMap<&str, usize>, id: &str| {
                index
                    .get(id)
                    .and_then(|f| self.assessments.get(*f).map(|x| (*f, x)))
            };
            match first(&subjects, &a.subject.id) {
                Some((f, other)) if other.subject != a.subject => {
                    return Err(Error::InvalidRule {
                        path: here().key("subject"),
                        problem: format!(
                            "subject `{}` is described differently at assessments[{f}] (title or year)",
                            a.subject.id
                        ),
                    });
                }
                Some(_) => {}
                None => {
                    subjects.insert(&a.subject.id, i);
                }
            }
            match first(&assessors, &a.assessor.id) {
                Some((f, other)) if other.assessor != a.assessor => {
                    return Err(Error::InvalidRule {
                        path: here().key("assessor"),
                        problem: format!(
                            "assessor `{}` is described differently at assessments[{f}] (name, stakeholder group, region or role)",
                            a.assessor.id
                        ),
                    });
                }
                Some(_) => {}
                None => {
                    assessors.insert(&a.assessor.id, i);
                }
            }
        }
        let list = Path::root().key("consensus");
        let mut agreed: HashMap<(&str, Option<&str>), usize> = HashMap::new();
        for (i, c) in self.consensus.iter().enumerate() {
            let here = list.item(i, &c.subject);
            check_id(&c.recorded_by, &here.key("recorded_by"))?;
            if !subjects.contains_key(c.subject.as_str()) {
                return Err(Error::InvalidRule {
                    path: here.key("subject"),
                    problem: format!("no assessment of subject `{}`", c.subject),
                });
            }
            if let Some(first) = agreed.insert((&c.subject, c.criterion.as_deref()), i) {
                return Err(Error::DuplicateId {
                    path: here,
                    what: "consensus",
                    id: match &c.criterion {
                        Some(criterion) => format!("{} / {criterion}", c.subject),
                        None => c.subject.clone(),
                    },
                    first: list.item(first, &c.subject),
                });
            }
        }
        Ok(())
    }
}

/// Read and written as a [`Document`](crate::Document).
///
/// Loads a panel from JSON and checks what it says on its own.
///
/// ```
/// use igf_rubric::Document;
/// use igf_rubric::Panel;
///
/// let panel = Panel::from_json(r#"{
///   "rubric": { "id": "bpf-proposal", "version": "1.0.0" },
///   "rules": { "aggregation": { "method": "median" }, "min_assessors": 3, "capacity": 3 },
///   "assessments": []
/// }"#)?;
/// assert_eq!(panel.rules.map(|r| r.min_assessors), Some(3));
/// let twice = Panel::from_json(r#"{ "rubric": { "id": "x", "version": "1" }, "assessments": [], "rules": {}, "rules": {} }"#);
/// assert!(twice.is_err());
/// # Ok::<(), igf_rubric::Error>(())
/// ```
///
/// # Errors
/// [`Error::Json`] for malformed JSON; [`Error::UnsupportedFormat`]; any error of
/// [`Assessment::check`] under `assessments[i]`; [`Error::RubricMismatch`] when an
/// assessment names another rubric than the panel; [`Error::DuplicateId`] when one assessor
/// assessed one subject twice or a consensus is recorded twice; [`Error::InvalidRule`] when
/// assessments of one subject disagree on its title or year, assessments by one assessor
/// disagree on who they are, or a consensus names a subject nobody assessed.
impl crate::document::Document for Panel {
    const NAME: &'static str = "panel";

    fn format_version(&self) -> u32 {
        self.format_version
    }

    /// Checks the rules a panel must keep whatever its rubric.
    ///
    /// # Errors
    /// As for [`Panel::from_json`], less the JSON errors.
    fn check(&self) -> Result<(), Error> {
        self.check_with(true)
    }
}

impl crate::document::sealed::Sealed for Panel {}
