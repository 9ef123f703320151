//! The BPF on BPFs cycle, end to end: outcome evidence of eight BPFs (2014-2020) scored with
//! the `bpf-outcome` preset, a proposal's promises set against its outcome, the answers to the
//! three questions summarised by theme, the draft report; then one round of feedback applied,
//! the rubric revised as the feedback asked, the MAG panel re-scored under the new version,
//! and the final report. Markdown, CSV and SVG files, written by the crate's renderers.
//!
//! Run with `cargo run --example bpf_on_bpfs_report -- OUT_DIR` (default `target/report`).
// Tests, examples and benches may panic: the no-panic lints of Cargo.toml are for shipped code.
#![allow(
    clippy::arithmetic_side_effects,
    clippy::indexing_slicing,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::disallowed_methods
)]

use igf_rubric::Document;
use std::error::Error;
use std::fs;
use std::path::{Path, PathBuf};

use igf_rubric::{
    Assessment, Panel, Rubric, Scorecard,
    evidence::{Commitments, OutcomeRecord},
    feedback::{FeedbackRound, ReportText},
    lessons::Consultation,
    presets, report,
};

fn data(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("examples/data")
        .join(path)
}

fn read(path: &Path) -> Result<String, Box<dyn Error>> {
    fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()).into())
}

/// The JSON files of a folder whose names end with `suffix`, sorted.
fn files(dir: &str, suffix: &str) -> Result<Vec<PathBuf>, Box<dyn Error>> {
    let mut out: Vec<PathBuf> = fs::read_dir(data(dir))?
        .map(|entry| entry.map(|e| e.path()))
        .collect::<Result<_, _>>()?;
    out.retain(|p| p.to_string_lossy().ends_with(suffix));
    out.sort();
    Ok(out)
}

/// Pushes every heading one level down, to embed a standalone page in the report.
fn demote(markdown: &str) -> String {
    markdown
        .lines()
        .map(|line| {
            if line.starts_with('#') {
                format!("#{line}\n")
            } else {
                format!("{line}\n")
            }
        })
        .collect()
}

struct Out {
    dir: PathBuf,
    written: Vec<PathBuf>,
}

impl Out {
    fn write(&mut self, name: &str, text: &str) -> Result<(), Box<dyn Error>> {
        let path = self.dir.join(name);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent)?;
        }
        fs::write(&path, text).map_err(|e| format!("{}: {e}", path.display()))?;
        self.written.push(path);
        Ok(())
    }
}

/// Outcome scorecards of every BPF with evidence, oldest first.
fn outcomes(rubric: &Rubric) -> Result<Vec<Scorecard>, Box<dyn Error>> {
    let mut cards = Vec::new();
    for sheet in files("evidence", "-assessment.json")? {
        let record_path =
            PathBuf::from(sheet.to_string_lossy().replace("-assessment.json", ".json"));
        let record = OutcomeRecord::from_json(&read(&record_path)?)
            .map_err(|e| format!("{}: {e}", record_path.display()))?;
        let sheet = Assessment::from_json(&read(&sheet)?)
            .map_err(|e| format!("{}: {e}", sheet.display()))?;
        cards.push(rubric.score(&rubric.apply_evidence(&sheet, &record)?)?);
    }
    cards.sort_by(|a, b| (a.subject.year, &a.subject.id).cmp(&(b.subject.year, &b.subject.id)));
    Ok(cards)
}

/// The rubric for the next selection: the feedback items on criteria, taken up.
fn next_version(rubric: &Rubric) -> Result<Rubric, Box<dyn Error>> {
    let mut doc = rubric.doc().clone();
    doc.version = "1.1.0".into();
    for criterion in &mut doc.criteria {
        match criterion.id.as_str() {
            "P1" => criterion.weight = Some(15.into()), // fb04, partly accepted: 20 -> 15
            "P6" => criterion.weight = Some(15.into()), // fb03, accepted: 10 -> 15
            _ => {}
        }
    }
    Ok(Rubric::try_from(doc)?)
}

/// The source marks (`S33`) a text uses, each once, in the order of their numbers.
fn marks(text: &str) -> Vec<u32> {
    let mut found: Vec<u32> = text
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter_map(|word| word.strip_prefix('S')?.parse().ok())
        .collect();
    found.sort_unstable();
    found.dedup();
    found
}

/// A "Sources" section for the marks a report uses, from the sample data's source list.
fn sources(report: &str) -> Result<String, Box<dyn Error>> {
    let list = read(&data("SOURCES.md"))?;
    let mut out = String::from(
        "\n## Sources\n\nMarks such as (S33) in the text refer to these public pages:\n\n",
    );
    for mark in marks(report) {
        let entry = format!("- **S{mark}**: ");
        let line = list
            .lines()
            .find(|l| l.starts_with(&entry))
            .ok_or_else(|| format!("source S{mark} is not in examples/data/SOURCES.md"))?;
        out.push_str(line);
        out.push('\n');
    }
    Ok(out)
}

/// Where the evidence's charts are, relative to the report that shows them: a placeholder,
/// replaced for the draft (beside it) and the final report (in `../draft/`).
const CHARTS: &str = "{charts}/";

fn main() -> Result<(), Box<dyn Error>> {
    let dir = std::env::args().nth(1).map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("target/report"),
        PathBuf::from,
    );
    let mut out = Out {
        dir,
        written: Vec::new(),
    };
    let outcome_rubric = presets::bpf_outcome();
    let proposal_rubric = presets::bpf_proposal();

    // Evidence: outcome reviews, and promises against results.
    let cards = outcomes(outcome_rubric)?;
    let mut evidence = String::from("## Outcomes of the BPFs, 2014-2020\n\n");
    evidence.push_str("Each BPF's outcome assessment takes the answers it can from the BPF's outcome record (deliverables, dates, contributors, meetings, uptake); the Secretariat judged quality, continuity and efficiency. Points per criterion add up to each total.\n\n");
    evidence.push_str(&report::outcomes_markdown(&cards, outcome_rubric)?);
    evidence
        .push_str("\nEach BPF's criterion profile (its score on each criterion, from 0 to 1):\n\n");
    for card in &cards {
        let name = card.subject.id.trim_start_matches("bpf-");
        evidence.push_str(&format!(
            "- [{} ({})]({CHARTS}profiles/{name}.svg)\n",
            card.subject.title, card.subject.year
        ));
    }
    let mut results_csv = String::new();
    for path in files("commitments", ".json")? {
        let promised = Commitments::from_json(&read(&path)?)
            .map_err(|e| format!("{}: {e}", path.display()))?;
        let record_path = data(&format!(
            "evidence/{}",
            path.file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default()
        ));
        let results = promised.compare(&OutcomeRecord::from_json(&read(&record_path)?)?)?;
        evidence.push('\n');
        evidence.push_str(&demote(&report::results_markdown(&results)));
        results_csv.push_str(&report::results_csv(&results));
    }
    let consultation = Consultation::from_json(&read(&data("lessons.json"))?)?;
    let lessons = consultation.summarise();
    evidence.push('\n');
    evidence.push_str(&demote(&report::lessons_markdown(&lessons)));
    evidence.push_str(&format!(
        "\n![The themes of the three questions, by how often each was raised]({CHARTS}themes.svg)\n"
    ));

    // The draft.
    let draft = ReportText::from_json(&read(&data("report-draft.json"))?)?;
    let draft_report = format!(
        "{}\n{}",
        report::report_text_markdown(&draft),
        evidence.replace(CHARTS, "")
    );
    out.write(
        "draft/report.md",
        &format!("{draft_report}{}", sources(&draft_report)?),
    )?;
    let mut scorecards = String::new();
    for card in &cards {
        scorecards.push_str(&report::scorecard_markdown(card, outcome_rubric)?);
        scorecards.push('\n');
        let name = card.subject.id.trim_start_matches("bpf-");
        out.write(
            &format!("draft/profiles/{name}.svg"),
            &report::scorecard_svg(card),
        )?;
    }
    out.write("draft/outcome-scorecards.md", &scorecards)?;
    out.write(
        "draft/outcomes.csv",
        &report::outcomes_csv(&cards, outcome_rubric)?,
    )?;
    out.write("draft/results-framework.csv", &results_csv)?;
    out.write("draft/lessons.csv", &report::lessons_csv(&lessons))?;
    out.write("draft/quotes.csv", &report::quotes_csv(&lessons))?;
    out.write("draft/themes.svg", &report::lessons_svg(&lessons))?;

    // Feedback, the revised rubric, the panel re-scored, and the final report.
    let round = FeedbackRound::from_json(&read(&data("feedback-round.json"))?)?;
    let revision = draft.apply(&round, proposal_rubric)?;
    let newer = next_version(proposal_rubric)?;
    let panel = Panel::from_json(&read(&data("mag-panel.json"))?)?;
    let rescoring = newer.rescore(proposal_rubric, &panel)?;
    let mut final_report = report::report_text_markdown(&revision.report);
    final_report.push('\n');
    final_report.push_str(&evidence.replace(CHARTS, "../draft/"));
    final_report.push('\n');
    final_report.push_str(&demote(&report::feedback_markdown(
        &round,
        &revision,
        proposal_rubric,
    )));
    final_report.push('\n');
    final_report.push_str(&demote(&report::rescoring_markdown(&rescoring, &newer)));
    final_report.push_str(&format!(
        "\n![The MAG panel under version {}: combined totals with each proposal's spread](panel-{}.svg)\n\n![The same panel under version {}](panel-{}.svg)\n",
        proposal_rubric.version(),
        proposal_rubric.version(),
        newer.version(),
        newer.version()
    ));
    final_report.push_str(&sources(&final_report)?);
    out.write("final/report.md", &final_report)?;
    out.write(
        "final/feedback.csv",
        &report::feedback_csv(&round, proposal_rubric),
    )?;
    out.write(
        "final/rescoring.csv",
        &report::rescoring_csv(&rescoring, &newer),
    )?;
    out.write(
        &format!("final/panel-{}.svg", proposal_rubric.version()),
        &report::panel_svg(&rescoring.before),
    )?;
    out.write(
        &format!("final/panel-{}.svg", newer.version()),
        &report::panel_svg(&rescoring.after),
    )?;
    out.write(
        &format!("final/panel-{}.md", newer.version()),
        &report::panel_markdown(&rescoring.after, &newer),
    )?;

    println!(
        "wrote {} files under {}:",
        out.written.len(),
        out.dir.display()
    );
    for path in &out.written {
        println!(
            "  {}",
            path.strip_prefix(&out.dir).unwrap_or(path).display()
        );
    }
    Ok(())
}
