//! The result of an evaluation for people: Markdown tables and CSV rows.

use igf_rubric::{EvaluationResult, Scorecard};

fn score(card: &Scorecard) -> String {
    card.total
        .as_ref()
        .map_or_else(|| "-".to_owned(), |t| t.published.to_string())
}

fn band(card: &Scorecard) -> String {
    card.band
        .as_ref()
        .map_or_else(String::new, |b| b.label.clone())
}

/// What the scoring did beyond the plain formula (criteria left out or not answered, counted
/// as their minimum, an incomplete sheet), as one line.
fn notes(card: &Scorecard) -> String {
    card.flags
        .iter()
        .map(|f| f.message.replace('`', ""))
        .collect::<Vec<_>>()
        .join("; ")
}

/// A Markdown cell: pipes and line breaks escaped.
fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace(['\n', '\r'], " ")
}

/// The panel's ranking (when there is one) and every scorecard, as Markdown tables.
pub(crate) fn markdown(result: &EvaluationResult) -> String {
    let mut out = format!(
        "# Evaluation under {} {}\n\n",
        cell(&result.rubric.id),
        cell(&result.rubric.version)
    );
    if let Some(report) = &result.panel {
        out.push_str("## Ranking\n\n| Rank | Subject | Total | Band | Selected | Why |\n|---:|---|---:|---|---|---|\n");
        for subject in &report.subjects {
            out.push_str(&format!(
                "| {} | {} | {} | {} | {} | {} |\n",
                subject
                    .rank
                    .map_or_else(|| "-".to_owned(), |r| r.to_string()),
                cell(&subject.subject.title),
                subject
                    .total
                    .as_ref()
                    .map_or_else(|| "-".to_owned(), |t| t.published.to_string()),
                subject
                    .band
                    .as_ref()
                    .map_or_else(String::new, |b| cell(&b.label)),
                if subject.decision.selected {
                    "yes"
                } else {
                    "no"
                },
                cell(&subject.decision.explanation),
            ));
        }
        out.push('\n');
    }
    out.push_str("## Scorecards\n\n| Subject | Assessor | Total | Band | Eligible | Complete | Notes |\n|---|---|---:|---|---|---|---|\n");
    for card in &result.scorecards {
        out.push_str(&format!(
            "| {} | {} | {} | {} | {} | {} | {} |\n",
            cell(&card.subject.title),
            cell(&card.assessor.id),
            score(card),
            cell(&band(card)),
            if card.eligible { "yes" } else { "no" },
            if card.complete { "yes" } else { "no" },
            cell(&notes(card)),
        ));
    }
    for warning in &result.warnings {
        out.push_str(&format!(
            "\n> {}: {}\n",
            cell(&warning.path),
            cell(&warning.message)
        ));
    }
    out
}

/// A CSV field, quoted when it must be (RFC 4180).
fn field(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_owned()
    }
}

/// One row per scorecard, in request order.
pub(crate) fn csv(result: &EvaluationResult) -> String {
    let mut out =
        "subject_id,subject_title,assessor_id,total,band,eligible,complete,notes\n".to_owned();
    for card in &result.scorecards {
        let row = [
            field(&card.subject.id),
            field(&card.subject.title),
            field(&card.assessor.id),
            score(card),
            field(&band(card)),
            card.eligible.to_string(),
            card.complete.to_string(),
            field(&notes(card)),
        ];
        out.push_str(&row.join(","));
        out.push('\n');
    }
    out
}
