//! Moving assessments and panels to a newer version of their rubric, explicitly: what carries
//! over, what is set aside and why, and which rankings move.

use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::diff::{RubricDiff, reference, shares};
use crate::assessment::{Answer, Assessment};
use crate::error::{Error, Path};
use crate::num::{Score, exact};
use crate::panel::{Consensus, Panel, PanelReport, SubjectReport};
use crate::rubric::Rubric;
use crate::rubric::RubricRef;

/// An assessment moved to a newer version of its rubric.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct Migration {
    /// The version the assessment was made under.
    pub from: RubricRef,
    /// The assessment under the newer version: the answers that still fit.
    pub assessment: Assessment,
    /// Answers that do not carry over, each with the reason.
    pub set_aside: Vec<SetAside>,
    /// Leaves of the newer version the assessment does not answer.
    pub unanswered: Vec<String>,
}

/// An answer left behind by a migration.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct SetAside {
    /// The answer, as given.
    pub answer: Answer,
    /// Why it does not carry over.
    pub reason: String,
}

/// A panel reviewed under an older and a newer version of its rubric, side by side.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[schemars(title = "Rescoring")]
#[non_exhaustive]
pub struct Rescoring {
    /// Version of the document format; 1.
    #[schemars(extend("const" = 1))]
    pub format_version: u32,
    /// What changed in the rubric.
    pub diff: RubricDiff,
    /// Assessments that lost answers or lack answers under the newer version (the others
    /// carried over whole).
    pub migrations: Vec<MigrationNote>,
    /// Agreed totals recorded under the older version: they do not carry over, since the
    /// scale they were agreed on changed meaning.
    pub consensus_set_aside: Vec<Consensus>,
    /// Each subject's rank and total before and after, with what moved it.
    pub moves: Vec<RankMove>,
    /// The review under the older version.
    pub before: PanelReport,
    /// The review under the newer version.
    pub after: PanelReport,
}

/// What one assessment lost or lacks under the newer version.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct MigrationNote {
    /// The subject.
    pub subject: String,
    /// The assessor.
    pub assessor: String,
    /// Answers that do not carry over, with the reasons.
    pub set_aside: Vec<SetAside>,
    /// Leaves of the newer version left unanswered.
    pub unanswered: Vec<String>,
}

/// One subject before and after.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct RankMove {
    /// The subject's id.
    pub subject: String,
    /// The subject's title.
    pub title: String,
    /// Rank under the older version (none: not ranked).
    pub rank_before: Option<usize>,
    /// Rank under the newer version.
    pub rank_after: Option<usize>,
    /// Total under the older version.
    pub total_before: Option<Score>,
    /// Total under the newer version.
    pub total_after: Option<Score>,
    /// Selected under the older version.
    pub selected_before: bool,
    /// Selected under the newer version.
    pub selected_after: bool,
    /// The criteria whose points for this subject changed, largest change first.
    pub drivers: Vec<Driver>,
}

/// How one criterion's points for a subject changed: its share of the total times the panel's
/// combined normalised score on it, times the range of the total.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct Driver {
    /// The criterion's id.
    pub criterion: String,
    /// Points before (0 where it was not in the rubric or not scored).
    #[serde(with = "exact")]
    #[schemars(with = "crate::kinds::Decimal")]
    pub points_before: Decimal,
    /// Points after.
    #[serde(with = "exact")]
    #[schemars(with = "crate::kinds::Decimal")]
    pub points_after: Decimal,
    /// After minus before.
    #[serde(with = "exact")]
    #[schemars(with = "crate::kinds::Decimal")]
    pub change: Decimal,
}

/// Places the drivers' points are shown to.
const DRIVER_DP: u32 = 4;

impl Rubric {
    /// Moves an assessment made under another version of this rubric to this version.
    ///
    /// The assessment names this version afterwards. Answers whose criterion is gone, or
    /// that no longer fit their criterion's metric (a value off a changed scale, a level that
    /// was renamed), are set aside with the reason; leaves the assessment does not answer are
    /// listed. Nothing is dropped without a word, and nothing is rescored silently: scoring an
    /// assessment under a version it does not name is an error ([`Rubric::score`]).
    ///
    /// # Errors
    /// [`Error::RubricMismatch`] when the assessment answers another rubric (id or kind).
    pub fn migrate(&self, assessment: &Assessment) -> Result<Migration, Error> {
        if (assessment.rubric.id.as_str(), assessment.kind) != (self.id(), self.kind()) {
            return Err(Error::RubricMismatch {
                path: Path::root().key("rubric"),
                what: "assessment",
                expected: format!("`{}` ({})", self.id(), self.kind().as_str()),
                found: format!("`{}` ({})", assessment.rubric.id, assessment.kind.as_str()),
            });
        }
        let mut moved = assessment.clone();
        moved.rubric = reference(self);
        moved.answers.clear();
        let mut set_aside = Vec::new();
        for (i, answer) in assessment.answers.iter().enumerate() {
            match self.answer_problem(moved.answers.len(), answer) {
                Some(error) => set_aside.push(SetAside {
                    answer: answer.clone(),
                    reason: format!("{} (was answers[{i}])", error.message()),
                }),
                None => moved.answers.push(answer.clone()),
            }
        }
        let unanswered = self
            .leaves()
            .filter(|leaf| !moved.answers.iter().any(|a| a.criterion == leaf.id))
            .map(|leaf| leaf.id.clone())
            .collect();
        Ok(Migration {
            from: assessment.rubric.clone(),
            assessment: moved,
            set_aside,
            unanswered,
        })
    }

    /// Reviews `panel` under `older` (the version it names) and, migrated, under this version,
    /// and sets the two side by side: which subjects moved, by how much, and which criteria
    /// moved them.
    ///
    /// # Errors
    /// As for [`Rubric::diff`], [`Rubric::migrate`] and [`Rubric::review`] (the older review
    /// and the newer one).
    pub fn rescore(&self, older: &Rubric, panel: &Panel) -> Result<Rescoring, Error> {
        let diff = older.diff(self)?;
        let before = older.review(panel)?;
        let mut moved = panel.clone();
        moved.rubric = reference(self);
        moved.assessments.clear();
        let mut migrations = Vec::new();
        for assessment in &panel.assessments {
            let migration = self.migrate(assessment)?;
            if !migration.set_aside.is_empty() || !migration.unanswered.is_empty() {
                migrations.push(MigrationNote {
                    subject: assessment.subject.id.clone(),
                    assessor: assessment.assessor.id.clone(),
                    set_aside: migration.set_aside,
                    unanswered: migration.unanswered,
                });
            }
            moved.assessments.push(migration.assessment);
        }
        let (kept, consensus_set_aside): (Vec<Consensus>, Vec<Consensus>) =
            moved.consensus.drain(..).partition(|c| {
                c.criterion.as_deref().is_some_and(|id| {
                    self.criterion(id).map(|k| &k.metric) == older.criterion(id).map(|k| &k.metric)
                })
            });
        moved.consensus = kept;
        let after = self.review(&moved)?;
        let moves = moves(older, self, &before, &after)?;
        Ok(Rescoring {
            format_version: crate::document::FORMAT_VERSION,
            diff,
            migrations,
            consensus_set_aside,
            moves,
            before,
            after,
        })
    }
}

fn moves(
    older: &Rubric,
    newer: &Rubric,
    before: &PanelReport,
    after: &PanelReport,
) -> Result<Vec<RankMove>, Error> {
    let (old_shares, new_shares) = (shares(older)?, shares(newer)?);
    let mut out = Vec::new();
    for subject in &after.subjects {
        let old = before
            .subjects
            .iter()
            .find(|s| s.subject.id == subject.subject.id);
        let mut drivers = Vec::new();
        let leaves = older
            .leaves()
            .map(|l| l.id.as_str())
            .chain(newer.leaves().map(|l| l.id.as_str()));
        let mut seen = std::collections::BTreeSet::new();
        for id in leaves {
            if !seen.insert(id) {
                continue;
            }
            let points_before = points(older, &old_shares, old, id)?;
            let points_after = points(newer, &new_shares, Some(subject), id)?;
            let change = points_after.checked_sub(points_before).unwrap_or_default();
            if !change.is_zero() {
                drivers.push(Driver {
                    criterion: id.to_owned(),
                    points_before,
                    points_after,
                    change,
                });
            }
        }
        drivers.sort_by_key(|d| std::cmp::Reverse(d.change.abs()));
        out.push(RankMove {
            subject: subject.subject.id.clone(),
            title: subject.subject.title.clone(),
            rank_before: old.and_then(|s| s.rank),
            rank_after: subject.rank,
            total_before: old.and_then(|s| s.total),
            total_after: subject.total,
            selected_before: old.is_some_and(|s| s.decision.selected),
            selected_after: subject.decision.selected,
            drivers,
        });
    }
    Ok(out)
}

/// A criterion's nominal points for a subject: range x share x combined normalised score, at
/// [`DRIVER_DP`] places.
fn points(
    rubric: &Rubric,
    shares: &std::collections::BTreeMap<String, Decimal>,
    subject: Option<&SubjectReport>,
    id: &str,
) -> Result<Decimal, Error> {
    let normalised = subject
        .and_then(|s| s.criteria.iter().find(|c| c.id == id))
        .and_then(|c| c.normalised)
        .unwrap_or_default();
    let share = shares.get(id).copied().unwrap_or_default();
    let scale = rubric.scale();
    scale
        .max
        .checked_sub(scale.min)
        .and_then(|range| range.checked_mul(share))
        .and_then(|p| p.checked_mul(normalised))
        .map(|p| {
            p.round_dp_with_strategy(
                DRIVER_DP,
                rust_decimal::RoundingStrategy::MidpointNearestEven,
            )
            .normalize()
        })
        .ok_or(Error::Overflow {
            path: Path::root().key("criteria"),
            operation: "computing a criterion's points",
        })
}

impl crate::document::sealed::Sealed for Rescoring {
    const WRITTEN: bool = true;
}

impl crate::document::Document for Rescoring {
    const NAME: &'static str = "rescoring";

    fn format_version(&self) -> u32 {
        self.format_version
    }

    /// Checks the rescoring's version, and that of the two panel reports it holds.
    fn check(&self) -> Result<(), Error> {
        crate::document::check_format(self.format_version)?;
        let root = crate::error::Path::root();
        self.before.check().map_err(|e| e.at(&root.key("before")))?;
        self.after.check().map_err(|e| e.at(&root.key("after")))
    }
}
