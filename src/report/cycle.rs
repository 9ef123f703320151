//! The BPF on BPFs cycle for people: themes from the three questions, the report's text, the
//! feedback log with every disposition, and a panel re-scored under a new rubric version.

use std::fmt::Write as _;

use super::table::{Align, Table};
use super::{criterion_name, decimal};
use crate::feedback::{Disposition, FeedbackRound, ReportText, Revision};
use crate::lessons::{LessonsSummary, Question, Quote};
use crate::revision::Rescoring;
use crate::rubric::Rubric;

/// Themes ranked, with counts by question, the BPFs raising them and their years.
pub(super) fn themes(summary: &LessonsSummary) -> Table {
    let mut table = Table::new(&[
        ("Rank", Align::Right),
        ("Theme", Align::Left),
        ("BPFs raising it", Align::Right),
        ("Answers", Align::Right),
        ("Worked well", Align::Right),
        ("Worked less well", Align::Right),
        ("Do differently", Align::Right),
        ("Raised by", Align::Left),
        ("Years", Align::Left),
    ]);
    for t in &summary.themes {
        let q = t.by_question;
        let roles: Vec<String> = t
            .by_role
            .iter()
            .map(|r| format!("{} {}", r.role.label(), r.counts.total()))
            .collect();
        let years: Vec<String> = t.by_year.iter().map(|y| y.year.to_string()).collect();
        table.row(vec![
            t.rank.to_string(),
            t.label.clone(),
            t.bpfs.len().to_string(),
            q.total().to_string(),
            q.worked_well.to_string(),
            q.worked_less_well.to_string(),
            q.do_differently.to_string(),
            roles.join(", "),
            years.join(", "),
        ]);
    }
    table
}

/// Every quote, one row each, for a spreadsheet.
pub(super) fn quotes(summary: &LessonsSummary) -> Table {
    let mut table = Table::new(&[
        ("Theme", Align::Left),
        ("Response", Align::Left),
        ("Question", Align::Left),
        ("Role", Align::Left),
        ("BPF", Align::Left),
        ("Title", Align::Left),
        ("Year", Align::Right),
        ("Answer", Align::Left),
    ]);
    let coded = summary
        .themes
        .iter()
        .flat_map(|t| t.quotes.iter().map(move |q| (t.label.as_str(), q)));
    let uncoded = summary.untagged.iter().map(|q| ("Not yet coded", q));
    for (theme, q) in coded.chain(uncoded) {
        table.row(vec![
            theme.to_owned(),
            q.response.clone(),
            q.question.label().to_owned(),
            q.role.label().to_owned(),
            q.bpf.clone(),
            q.title.clone(),
            q.year.to_string(),
            q.text.clone(),
        ]);
    }
    table
}

/// The lessons as a Markdown page: the ranking, then each theme with its quotes.
pub(super) fn lessons_markdown(summary: &LessonsSummary) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# Lessons learned: {}\n", summary.title);
    let _ = writeln!(
        out,
        "{} answers from {} people about {} BPFs, coded against {} themes; themes rank by the number of BPFs raising them, then by answers.\n",
        summary.responses,
        summary.respondents,
        summary.bpfs,
        summary.themes.len()
    );
    out.push_str(&themes(summary).markdown());
    for t in &summary.themes {
        let _ = writeln!(out, "\n## {}. {}\n", t.rank, t.label);
        if t.quotes.is_empty() {
            let _ = writeln!(out, "No answer raises this theme.");
            continue;
        }
        let _ = writeln!(
            out,
            "Raised about {}: {}.\n",
            plural(t.by_bpf.len(), "BPF", "BPFs"),
            t.by_bpf
                .iter()
                .map(|b| format!("{} ({})", b.title, b.year))
                .collect::<Vec<_>>()
                .join("; ")
        );
        for question in Question::ALL {
            let said: Vec<_> = t
                .quotes
                .iter()
                .filter(|q| q.question == *question)
                .collect();
            if said.is_empty() {
                continue;
            }
            let _ = writeln!(out, "**{}**\n", question.label());
            for q in said {
                quote(&mut out, q);
            }
        }
    }
    if !summary.untagged.is_empty() {
        let _ = writeln!(out, "\n## Not yet coded\n");
        let _ = writeln!(
            out,
            "{} not yet tagged with a theme:\n",
            plural(summary.untagged.len(), "answer is", "answers are"),
        );
        for q in &summary.untagged {
            let _ = writeln!(out, "*{}*\n", q.question.label());
            quote(&mut out, q);
        }
    }
    out
}

/// An answer as a block quote, signed with the respondent's role, the BPF's name and year and
/// the answer's id.
fn quote(out: &mut String, q: &Quote) {
    let _ = writeln!(
        out,
        "> {}\n>\n> — {}, {} ({}); answer {}\n",
        q.text,
        q.role.label(),
        q.title,
        q.year,
        q.response
    );
}

fn plural(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// The report's text as Markdown.
pub(super) fn report_text(text: &ReportText) -> String {
    let mut out = String::new();
    let date = text.date.map_or_else(String::new, |d| format!(", {d}"));
    let _ = writeln!(
        out,
        "# {}\n\n*{} report{date}*\n",
        text.title,
        text.stage.label()
    );
    for section in &text.sections {
        let _ = writeln!(out, "## {}\n\n{}\n", section.title, section.text);
    }
    if !text.findings.is_empty() {
        let _ = writeln!(out, "## Findings\n");
        for f in &text.findings {
            let _ = writeln!(out, "- **{}.** {}", f.id, f.text);
        }
        out.push('\n');
    }
    if !text.recommendations.is_empty() {
        let _ = writeln!(out, "## Recommendations\n");
        for r in &text.recommendations {
            let on = if r.findings.is_empty() {
                String::new()
            } else {
                format!(" (from {})", r.findings.join(", "))
            };
            let _ = writeln!(out, "- **{}.** {}{on}", r.id, r.text);
        }
    }
    out
}

/// The feedback log: every item with its author, target, disposition and reason.
pub(super) fn feedback(round: &FeedbackRound, rubric: &Rubric) -> Table {
    let mut table = Table::new(&[
        ("Item", Align::Left),
        ("From", Align::Left),
        ("Stakeholder group", Align::Left),
        ("On", Align::Left),
        ("Feedback", Align::Left),
        ("Disposition", Align::Left),
        ("Reason", Align::Left),
    ]);
    for item in &round.items {
        let author = &item.author;
        let who = match (&author.name, author.role) {
            (Some(name), _) => name.clone(),
            (None, Some(role)) => format!("{} ({})", author.id, role.label()),
            (None, None) => author.id.clone(),
        };
        let on = match &item.on {
            crate::feedback::FeedbackTarget::Criterion(id) => {
                format!("criterion {id} {}", criterion_name(rubric, id))
            }
            other => format!("{} {}", other.kind(), other.id()),
        };
        table.row(vec![
            item.id.clone(),
            who,
            author.stakeholder_group.label().to_owned(),
            on,
            item.text.clone(),
            item.disposition.label().to_owned(),
            item.reason.clone().unwrap_or_default(),
        ]);
    }
    table
}

/// The feedback round as a Markdown page: counts, the log, and what changed in the text.
pub(super) fn feedback_markdown(
    round: &FeedbackRound,
    revision: &Revision,
    rubric: &Rubric,
) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# Feedback log: {}\n", round.title);
    let counts: Vec<String> = Disposition::ALL
        .iter()
        .map(|d| {
            (
                d,
                round.items.iter().filter(|i| i.disposition == *d).count(),
            )
        })
        .filter(|(_, n)| *n > 0)
        .map(|(d, n)| format!("{} {n}", d.label().to_lowercase()))
        .collect();
    let _ = writeln!(out, "{} items: {}.\n", round.items.len(), counts.join(", "));
    out.push_str(&feedback(round, rubric).markdown());
    if !revision.applied.is_empty() {
        let _ = writeln!(out, "\n## Changes to the text\n");
        for change in &revision.applied {
            let _ = writeln!(
                out,
                "- {} {} (item {}): now reads \"{}\"",
                change.on.kind(),
                change.on.id(),
                change.item,
                change.after
            );
        }
    }
    if !revision.for_the_rubric.is_empty() {
        let _ = writeln!(out, "\n## For the rubric's next version\n");
        let _ = writeln!(
            out,
            "Items {} are taken up in the rubric's next version.",
            revision.for_the_rubric.join(", ")
        );
    }
    out
}

/// Each subject before and after a new rubric version.
pub(super) fn moves(rescoring: &Rescoring, newer: &Rubric) -> Table {
    let dp = rescoring.after.rounding.dp;
    let mut table = Table::new(&[
        ("Subject", Align::Left),
        ("Rank before", Align::Right),
        ("Rank after", Align::Right),
        ("Total before", Align::Right),
        ("Total after", Align::Right),
        ("Selected before", Align::Left),
        ("Selected after", Align::Left),
        ("Moved most by", Align::Left),
    ]);
    for m in &rescoring.moves {
        let rank = |r: Option<usize>| r.map_or_else(|| "-".to_owned(), |r| r.to_string());
        let total = |t: Option<crate::num::Score>| {
            t.map_or_else(|| "-".to_owned(), |t| t.published.to_string())
        };
        let drivers: Vec<String> = m
            .drivers
            .iter()
            .take(3)
            .map(|d| {
                let sign = if d.change > rust_decimal::Decimal::ZERO {
                    "+"
                } else {
                    ""
                };
                format!(
                    "{} {} {sign}{}",
                    d.criterion,
                    criterion_name(newer, &d.criterion),
                    decimal(d.change, dp)
                )
            })
            .collect();
        let yes = |b: bool| if b { "yes" } else { "no" }.to_owned();
        table.row(vec![
            m.title.clone(),
            rank(m.rank_before),
            rank(m.rank_after),
            total(m.total_before),
            total(m.total_after),
            yes(m.selected_before),
            yes(m.selected_after),
            drivers.join("; "),
        ]);
    }
    table
}

/// A rescoring as a Markdown page: what changed in the rubric, then who moved and why.
pub(super) fn rescoring_markdown(rescoring: &Rescoring, newer: &Rubric) -> String {
    let mut out = String::new();
    let diff = &rescoring.diff;
    let _ = writeln!(
        out,
        "# {} {} -> {}: the panel re-scored\n",
        diff.from.id, diff.from.version, diff.to.version
    );
    let _ = writeln!(out, "## What changed in the rubric\n");
    for change in &diff.changes {
        let _ = writeln!(
            out,
            "- {} {}: {} ({})",
            change.criterion,
            change.name,
            change.kind.label().to_lowercase(),
            change.detail
        );
    }
    for rule in &diff.rules {
        let _ = writeln!(out, "- {rule}");
    }
    if diff.changes.is_empty() && diff.rules.is_empty() {
        let _ = writeln!(out, "Nothing but the version.");
    }
    let _ = writeln!(out, "\n## Who moved\n");
    out.push_str(&moves(rescoring, newer).markdown());
    let _ = writeln!(
        out,
        "\n\"Moved most by\" lists the criteria whose points for the subject changed most: its share of the total times the panel's combined score on it, before and after."
    );
    if !rescoring.migrations.is_empty() {
        let _ = writeln!(out, "\n## Answers that did not carry over\n");
        for m in &rescoring.migrations {
            for s in &m.set_aside {
                let _ = writeln!(
                    out,
                    "- {} by {}: {} set aside: {}",
                    m.subject, m.assessor, s.answer.criterion, s.reason
                );
            }
            if !m.unanswered.is_empty() {
                let _ = writeln!(
                    out,
                    "- {} by {}: unanswered under the new version: {}",
                    m.subject,
                    m.assessor,
                    m.unanswered.join(", ")
                );
            }
        }
    }
    for c in &rescoring.consensus_set_aside {
        let what = c.criterion.as_deref().unwrap_or("total");
        let _ = writeln!(
            out,
            "- The agreed {what} of {} ({}) does not carry over: it was agreed under the old version.",
            c.subject, c.value
        );
    }
    out
}
