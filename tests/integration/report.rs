//! Reports: the BPF on BPFs example writes its expected files, SVG charts are well-formed XML,
//! CSV reads back with a CSV parser, and printed points add up to printed totals.

use igf_rubric::Document;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use igf_rubric::{Decimal, Scorecard, presets, report};
use proptest::prelude::*;

use crate::properties::case;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Every file under `dir`, by path relative to it.
fn tree(dir: &Path) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(here) = stack.pop() {
        for entry in std::fs::read_dir(&here).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let name = path
                    .strip_prefix(dir)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/");
                out.insert(name, std::fs::read_to_string(&path).unwrap());
            }
        }
    }
    out
}

fn csv_rows(text: &str) -> Vec<csv::StringRecord> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .from_reader(text.as_bytes());
    let width = reader.headers().unwrap().len();
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert!(rows.iter().all(|r| r.len() == width), "ragged CSV");
    rows
}

fn column(text: &str, name: &str) -> usize {
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    reader
        .headers()
        .unwrap()
        .iter()
        .position(|h| h == name)
        .unwrap()
}

#[test]
fn the_bpf_on_bpfs_example_writes_its_expected_report() {
    let exe = std::env::current_exe().unwrap();
    let profile_dir = exe.parent().and_then(Path::parent).unwrap();
    let binary = profile_dir.join("examples").join(format!(
        "bpf_on_bpfs_report{}",
        std::env::consts::EXE_SUFFIX
    ));
    let out: PathBuf = profile_dir.join("tmp-bpf-on-bpfs-report");
    let _ = std::fs::remove_dir_all(&out);
    let run = Command::new(&binary)
        .arg(&out)
        .output()
        .unwrap_or_else(|e| panic!("cannot run {}: {e}", binary.display()));
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let stdout = String::from_utf8(run.stdout).unwrap();
    assert!(
        stdout.starts_with(&format!("wrote 21 files under {}:", out.display())),
        "{stdout}"
    );
    let written = tree(&out);
    let expected_dir = root().join("tests/expected/bpf_on_bpfs_report");
    let expected = tree(&expected_dir);
    assert_eq!(
        written.keys().collect::<Vec<_>>(),
        expected.keys().collect::<Vec<_>>(),
        "if the change is intended, run\n  cargo run --example bpf_on_bpfs_report -- tests/expected/bpf_on_bpfs_report"
    );
    for (name, text) in &written {
        assert!(
            expected.get(name) == Some(text),
            "{name} differs from tests/expected/bpf_on_bpfs_report/{name}; if the change is intended, run\n  cargo run --example bpf_on_bpfs_report -- tests/expected/bpf_on_bpfs_report"
        );
        if name.ends_with(".svg") {
            let doc = roxmltree::Document::parse(text).unwrap_or_else(|e| panic!("{name}: {e}"));
            assert_eq!(doc.root_element().tag_name().name(), "svg", "{name}");
            assert!(
                doc.descendants().any(|n| n.has_tag_name("title")),
                "{name} has no title"
            );
        }
        if name.ends_with(".csv") {
            assert!(!csv_rows(text).is_empty(), "{name} has no rows");
        }
    }
    // The outcome table: each row's criterion points add up to its printed total.
    let outcomes = &written["draft/outcomes.csv"];
    let rows = csv_rows(outcomes);
    let (first, total) = (column(outcomes, "Assessor") + 1, column(outcomes, "Total"));
    assert_eq!(rows.len(), 8);
    for row in &rows {
        let points: Decimal = (first..total)
            .map(|i| row[i].parse::<Decimal>().unwrap())
            .sum();
        assert_eq!(points, row[total].parse::<Decimal>().unwrap(), "{row:?}");
    }
    // The final report applied the feedback and names what it could not take.
    let final_report = &written["final/report.md"];
    assert!(
        written["draft/report.md"].contains("*Draft report, 2020-06-01*")
            && final_report.contains("*Final report, 2020-08-31*"),
        "each report is dated by its own round"
    );
    assert!(final_report.contains("| O1 Deliverables achieved (of 20) |"));
    assert!(final_report.contains("evenness (Pielou's J) of 0.7"));
    assert!(
        !final_report.contains("bpf-ipv6-2016"),
        "BPFs are named by title and year, never by id"
    );
    assert!(
        final_report.contains("\n- **S33**: https://"),
        "the marks used are listed"
    );
    assert!(final_report.contains("140 of 345 contributions came from civil society"));
    assert!(final_report.contains("| fb06 | mag-11 (MAG member) | Civil society |"));
    assert!(final_report.contains("Items fb03, fb04 are taken up in the rubric's next version."));
}

/// Checks that a scorecard's CSV points add up: the top level to the printed total less the
/// minimum, each group's children to the group.
fn points_add_up(card: &Scorecard, csv: &str) -> Result<(), TestCaseError> {
    let rows = csv_rows(csv);
    let (level, points) = (column(csv, "Tree level"), column(csv, "Points"));
    let Some(total) = card.total else {
        return Ok(());
    };
    let value = |row: &csv::StringRecord| row[points].parse::<Decimal>().unwrap();
    let depth = |row: &csv::StringRecord| row[level].parse::<usize>().unwrap();
    let top: Decimal = rows.iter().filter(|r| depth(r) == 1).map(value).sum();
    prop_assert_eq!(top, total.published - card.scale.min);
    for (i, row) in rows.iter().enumerate() {
        let children: Vec<&csv::StringRecord> = rows[i + 1..]
            .iter()
            .take_while(|r| depth(r) > depth(row))
            .filter(|r| depth(r) == depth(row) + 1)
            .collect();
        if !children.is_empty() {
            prop_assert_eq!(
                children.into_iter().map(value).sum::<Decimal>(),
                value(row),
                "under {}",
                &row[0]
            );
        }
    }
    Ok(())
}

proptest! {
    /// Rounded report columns add up to the printed totals, at every level of the tree, for
    /// any rubric and assessment.
    #[test]
    fn printed_points_add_up_to_the_printed_total((rubric, assessment) in case()) {
        let card = rubric.score(&assessment).unwrap();
        let csv = report::scorecard_csv(&card, &rubric).unwrap();
        points_add_up(&card, &csv)?;
        let markdown = report::scorecard_markdown(&card, &rubric).unwrap();
        if let Some(total) = card.total {
            let shown = format!("**Total {} on", total.published);
            prop_assert!(markdown.contains(&shown));
        }
    }
}

#[test]
fn the_sample_outcome_scorecards_add_up_and_chart_well() {
    let rubric = presets::bpf_outcome();
    for name in ["cybersecurity-2019", "data-new-technologies-2020"] {
        let text =
            std::fs::read_to_string(root().join(format!("examples/data/outcomes/{name}.json")))
                .unwrap();
        let card = rubric
            .score(&igf_rubric::Assessment::from_json(&text).unwrap())
            .unwrap();
        points_add_up(&card, &report::scorecard_csv(&card, rubric).unwrap()).unwrap();
        roxmltree::Document::parse(&report::scorecard_svg(&card)).unwrap();
    }
}

#[test]
fn chart_text_is_escaped_and_labels_end_at_a_word() {
    let rubric = presets::bpf_proposal();
    let mut panel = igf_rubric::Panel::from_json(
        &std::fs::read_to_string(root().join("examples/data/mag-panel.json")).unwrap(),
    )
    .unwrap();
    for a in &mut panel.assessments {
        a.subject.title = format!(
            "<{}> & \"quotes\" {}",
            a.subject.title,
            "very long words ".repeat(4)
        );
    }
    let review = rubric.review(&panel).unwrap();
    let svg = report::panel_svg(&review);
    let doc = roxmltree::Document::parse(&svg).unwrap();
    let labels: Vec<(&str, &str)> = doc
        .descendants()
        .filter(|n| n.has_tag_name("text"))
        .filter_map(|n| {
            let tooltip = n
                .children()
                .find(|c| c.has_tag_name("title"))
                .and_then(|t| t.text())?;
            let shown = n
                .children()
                .filter(|c| c.is_text())
                .find_map(|c| c.text())?;
            Some((shown, tooltip))
        })
        .filter(|(shown, _)| shown.ends_with('…'))
        .collect();
    assert_eq!(labels.len(), 6);
    for (shown, full) in labels {
        // The label is the full text cut after a whole word, with the full text in the tooltip.
        let kept = shown.trim_end_matches('…');
        assert!(full.starts_with(kept), "{shown} / {full}");
        assert_eq!(
            full[kept.len()..].chars().next(),
            Some(' '),
            "{shown} cut inside a word"
        );
        assert!(full.contains("<") && full.contains("& \"quotes\""));
    }
}
