//! Reports people read: Markdown pages, CSV tables and SVG charts of scorecards, panel reviews,
//! outcome reviews, lessons, the report's text, feedback logs and rescorings.
//!
//! Everything here is a pure function from the crate's documents to a `String`; writing the
//! files is the caller's business. The renderers print what a MAG member needs on the page:
//! names and labels rather than ids (criteria by name, levels by label, stakeholder groups and
//! regions by their names), thresholds and capacity stated, every exclusion with who and why,
//! every agreed value with what was computed and what was agreed, the assessors' comments, and
//! columns of points that add up to the printed total (largest remainder). Nothing is cut
//! mid-word: tables keep full text, and chart labels cut at a word with the whole text in a
//! tooltip.
//!
//! ```
//! use igf_rubric::{Document, Panel, presets, report};
//!
//! let rubric = presets::bpf_proposal();
//! let panel = Panel::from_json(include_str!("../../examples/data/mag-panel.json"))?;
//! let review = rubric.review(&panel)?;
//! let page = report::panel_markdown(&review, rubric);
//! assert!(page.contains("| 1 | Gender and Digital Rights"));
//! assert!(page.contains("Not selected: ranked 4 of 6; only the top 3 are selected (capacity 3)."));
//! assert!(page.contains("Selection rule: eligible subjects, ranked by total, with a threshold of 60 and a capacity of 3."));
//! let csv = report::panel_csv(&review);
//! assert!(csv.starts_with("Rank,Subject,Year,Total"));
//! assert!(report::panel_svg(&review).starts_with("<svg"));
//! # Ok::<(), igf_rubric::Error>(())
//! ```

mod card;
mod cycle;
#[cfg(feature = "html")]
mod html;
mod panel;
mod reading;
mod svg;
pub(crate) mod table;

use rust_decimal::{Decimal, RoundingStrategy};

use crate::assessment::{AnswerValue, Region, StakeholderGroup, Subject};
use crate::error::Error;
use crate::evidence::ResultsFramework;
use crate::feedback::{FeedbackRound, ReportText, Revision};
use crate::lessons::LessonsSummary;
use crate::panel::PanelReport;
use crate::revision::Rescoring;
use crate::rubric::{DistributionMeasure, Metric, Rubric};
use crate::scoring::Scorecard;

#[cfg(feature = "html")]
pub use html::to_html;

/// A panel review as a Markdown page: the selection rule, the ranking with spread and every
/// decision's reason, the selection, assessments left out (who and why), values agreed by the
/// panel (computed and agreed), what to discuss, agreement among assessors, how each group
/// scored, and the assessors' comments and answers to the three questions.
///
/// ```
/// use igf_rubric::{Document, Panel, presets, report};
///
/// let rubric = presets::bpf_proposal();
/// let panel = Panel::from_json(include_str!("../../examples/data/mag-panel.json"))?;
/// let page = report::panel_markdown(&rubric.review(&panel)?, rubric);
/// assert!(page.contains("## Ranking") && page.contains("capacity of 3"));
/// # Ok::<(), igf_rubric::Error>(())
/// ```
#[must_use]
pub fn panel_markdown(review: &PanelReport, rubric: &Rubric) -> String {
    panel::markdown(review, rubric)
}

/// A panel review's ranking as CSV: rank, subject, year, total, lowest and highest assessor
/// total, SD, assessors included, band, selected, and why.
#[must_use]
pub fn panel_csv(review: &PanelReport) -> String {
    panel::ranking(review).csv()
}

/// A panel review as an SVG chart: combined totals with the spread of assessors' totals.
#[must_use]
pub fn panel_svg(review: &PanelReport) -> String {
    svg::panel(review)
}

/// A scorecard as a Markdown page: total, band and eligibility, gates, the criteria with
/// answers in words and points that add up to the printed total, computed answers with their
/// figures and any override, notes, comments and the three questions.
///
/// ```
/// use igf_rubric::{Assessment, Document, presets, report};
///
/// let rubric = presets::bpf_proposal();
/// let sheet = Assessment::from_json(include_str!("../../examples/data/proposals/ixps-2016.json"))?;
/// let page = report::scorecard_markdown(&rubric.score(&sheet)?, rubric)?;
/// assert!(page.starts_with("# "));
/// assert!(page.contains("Relevance and timeliness")); // criteria by name, not id
/// # Ok::<(), igf_rubric::Error>(())
/// ```
///
/// # Errors
/// [`Error::Overflow`] if rounding the points overflows (never for a scorecard this crate
/// wrote).
pub fn scorecard_markdown(card: &Scorecard, rubric: &Rubric) -> Result<String, Error> {
    card::markdown(card, rubric)
}

/// A scorecard's criteria as CSV, one row per criterion in tree order, with its level in the
/// tree; each level's points add up to its parent's (the top level's to the printed total less
/// the scale's minimum). A criterion left out of the assessment reads "not answered", and each
/// row's notes column holds what the scoring did to it (left out, counted as its minimum, made
/// the sheet incomplete).
///
/// # Errors
/// As for [`scorecard_markdown`].
pub fn scorecard_csv(card: &Scorecard, rubric: &Rubric) -> Result<String, Error> {
    Ok(card::criteria(card, rubric, true)?.csv())
}

/// A scorecard's top-level criteria as an SVG bar chart of their scores.
#[must_use]
pub fn scorecard_svg(card: &Scorecard) -> String {
    svg::profile(card)
}

/// Outcome reviews side by side as a Markdown table: one row per BPF with each weighted
/// top-level criterion's points (headed with the most it can earn), the total and the band;
/// every row's points add up to its printed total less the scale's minimum. Below the table,
/// the targets that decide the scores of the criteria measured against one.
///
/// # Errors
/// As for [`scorecard_markdown`].
pub fn outcomes_markdown(cards: &[Scorecard], rubric: &Rubric) -> Result<String, Error> {
    let mut out = card::outcomes(cards, rubric)?.markdown();
    out.push_str(&card::targets(rubric));
    Ok(out)
}

/// Outcome reviews side by side as CSV, as [`outcomes_markdown`].
///
/// # Errors
/// As for [`scorecard_markdown`].
pub fn outcomes_csv(cards: &[Scorecard], rubric: &Rubric) -> Result<String, Error> {
    Ok(card::outcomes(cards, rubric)?.csv())
}

/// Promised against achieved as a Markdown section.
#[must_use]
pub fn results_markdown(results: &ResultsFramework) -> String {
    card::results_markdown(results)
}

/// Promised against achieved as CSV.
#[must_use]
pub fn results_csv(results: &ResultsFramework) -> String {
    card::results(results).csv()
}

/// Lessons learned as a Markdown page: themes ranked, then each theme's quotes by question.
#[must_use]
pub fn lessons_markdown(summary: &LessonsSummary) -> String {
    cycle::lessons_markdown(summary)
}

/// Lessons learned as CSV: one row per theme.
#[must_use]
pub fn lessons_csv(summary: &LessonsSummary) -> String {
    cycle::themes(summary).csv()
}

/// Every quote under every theme, then every answer not yet coded, as CSV: one row each, with the answer's id.
#[must_use]
pub fn quotes_csv(summary: &LessonsSummary) -> String {
    cycle::quotes(summary).csv()
}

/// Themes by question as an SVG chart of stacked bars.
#[must_use]
pub fn lessons_svg(summary: &LessonsSummary) -> String {
    svg::themes(summary)
}

/// A report's text (sections, findings, recommendations) as Markdown.
#[must_use]
pub fn report_text_markdown(text: &ReportText) -> String {
    cycle::report_text(text)
}

/// A feedback round as a Markdown page: counts by disposition, the log, the changes made to
/// the text and the items for the rubric.
#[must_use]
pub fn feedback_markdown(round: &FeedbackRound, revision: &Revision, rubric: &Rubric) -> String {
    cycle::feedback_markdown(round, revision, rubric)
}

/// A feedback round as CSV: one row per item.
#[must_use]
pub fn feedback_csv(round: &FeedbackRound, rubric: &Rubric) -> String {
    cycle::feedback(round, rubric).csv()
}

/// A rescoring as a Markdown page: the rubric's changes, then each subject before and after
/// with the criteria that moved it most.
#[must_use]
pub fn rescoring_markdown(rescoring: &Rescoring, newer: &Rubric) -> String {
    cycle::rescoring_markdown(rescoring, newer)
}

/// A rescoring as CSV: one row per subject.
#[must_use]
pub fn rescoring_csv(rescoring: &Rescoring, newer: &Rubric) -> String {
    cycle::moves(rescoring, newer).csv()
}

/// `value` rounded half-even to `dp` places and padded.
fn decimal(value: Decimal, dp: u32) -> String {
    let mut v = value.round_dp_with_strategy(dp, RoundingStrategy::MidpointNearestEven);
    v.rescale(dp);
    v.to_string()
}

/// A share in `[0, 1]` as a percentage at two places: `0.15` -> `15.00 %`.
fn percent_of_one(share: Decimal) -> String {
    format!(
        "{} %",
        decimal(
            share.checked_mul(Decimal::ONE_HUNDRED).unwrap_or_default(),
            2
        )
    )
}

/// A criterion's name, or nothing when the rubric has no such criterion.
fn criterion_name(rubric: &Rubric, id: &str) -> String {
    rubric
        .criterion(id)
        .map(|c| c.name.clone())
        .unwrap_or_default()
}

/// A sentence of the crate's with each criterion written as `` `id` `` named instead: "`G1`
/// answered yes" reads "“Proposal complete” answered yes".
fn named(text: &str, rubric: &Rubric) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(open) = rest.find('`') {
        let (before, after) = rest.split_at(open);
        out.push_str(before);
        let inner = after.get(1..).unwrap_or("");
        match inner.find('`') {
            Some(close) => {
                let id = inner.get(..close).unwrap_or("");
                match rubric.criterion(id) {
                    Some(c) => {
                        out.push('“');
                        out.push_str(&c.name);
                        out.push('”');
                    }
                    None => {
                        out.push('`');
                        out.push_str(id);
                        out.push('`');
                    }
                }
                rest = inner.get(close.saturating_add(1)..).unwrap_or("");
            }
            None => {
                out.push_str(after);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// A subject as people name it: `Title (year)`.
fn subject_name(subject: &Subject) -> String {
    format!("{} ({})", subject.title, subject.year)
}

/// A stakeholder group's name from its id (the id itself when it is not one).
fn group_label(id: &str) -> String {
    id.parse::<StakeholderGroup>()
        .map_or_else(|_| id.to_owned(), |g| g.label().to_owned())
}

/// A region's name from its id (the id itself when it is not one).
fn region_label(id: &str) -> String {
    id.parse::<Region>()
        .map_or_else(|_| id.to_owned(), |r| r.label().to_owned())
}

/// An answer in words: a level's label, yes or no, a value on its scale, a percentage, a
/// distribution by category name, the full text.
fn answer_text(rubric: &Rubric, criterion: &str, answer: &AnswerValue) -> String {
    let metric = rubric.criterion(criterion).and_then(|c| c.metric.as_ref());
    match (answer, metric) {
        (AnswerValue::Level(id), Some(Metric::Levels { levels })) => levels
            .iter()
            .find(|l| &l.id == id)
            .map_or_else(|| id.clone(), |l| l.label.clone()),
        (AnswerValue::Scale(v), Some(Metric::Scale { min, max, .. })) => {
            format!("{} on {min} to {max}", v.normalize())
        }
        (AnswerValue::Count(n), Some(Metric::Count { target, .. })) => {
            format!("{n} (target {target})")
        }
        (AnswerValue::Percent(p), _) => format!("{} %", p.normalize()),
        (AnswerValue::Distribution(d), _) => {
            let parts: Vec<String> = d
                .categories()
                .map(|c| {
                    let name = c
                        .parse::<StakeholderGroup>()
                        .map(|g| g.label().to_owned())
                        .or_else(|_| c.parse::<Region>().map(|r| r.label().to_owned()));
                    format!("{} {}", name.unwrap_or_else(|_| c.to_owned()), d.get(c))
                })
                .collect();
            let measured = metric.and_then(|m| Some((m, m.raw_number(answer)?)));
            match measured {
                Some((
                    Metric::Distribution {
                        measure,
                        target,
                        categories,
                    },
                    value,
                )) => {
                    let spread = match measure {
                        DistributionMeasure::Evenness => format!(
                            "evenness {} over {} categories; full score from {}",
                            decimal(value, 2),
                            categories.len(),
                            target.normalize()
                        ),
                        DistributionMeasure::Coverage => format!(
                            "{} of {} categories; full score from {}",
                            value.normalize(),
                            categories.len(),
                            target.normalize()
                        ),
                    };
                    format!("{} ({spread})", parts.join(", "))
                }
                _ => parts.join(", "),
            }
        }
        (AnswerValue::Text(text), _) => text.clone(),
        (other, _) => other.to_string(),
    }
}
