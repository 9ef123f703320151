//! Rubric versions: diffs, explicit migration, and a panel re-scored under a new version.

use igf_rubric::Document;
use igf_rubric::{
    AnswerValue, Assessment, Criterion, Metric, Panel, Rubric, presets, rubric::RubricDoc,
};
use proptest::prelude::*;

fn text(path: &str) -> String {
    std::fs::read_to_string(format!("{}/{path}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

fn panel() -> Panel {
    Panel::from_json(&text("examples/data/mag-panel.json")).unwrap()
}

fn next(edit: impl FnOnce(&mut RubricDoc)) -> Rubric {
    let mut doc = presets::bpf_proposal().doc().clone();
    doc.version = "1.1.0".into();
    edit(&mut doc);
    Rubric::try_from(doc).unwrap()
}

fn find<'a>(doc: &'a mut [Criterion], id: &str) -> &'a mut Criterion {
    fn walk<'b>(list: &'b mut [Criterion], id: &str) -> Option<&'b mut Criterion> {
        for c in list {
            if c.id == id {
                return Some(c);
            }
            if let Some(found) = walk(&mut c.criteria, id) {
                return Some(found);
            }
        }
        None
    }
    walk(doc, id).unwrap()
}

#[test]
fn a_diff_names_every_change_with_both_values() {
    let old = presets::bpf_proposal();
    let new = next(|doc| {
        find(&mut doc.criteria, "P1").name = "Relevance of the theme".into();
        find(&mut doc.criteria, "P7").metric = Some(Metric::scale(1, 4));
        let p6 = doc.criteria.remove(6);
        assert_eq!(p6.id, "P6");
        doc.criteria.push(Criterion::leaf(
            "P8",
            "Gender balance of the team",
            10,
            Metric::yes_no(),
        ));
        doc.bands[0].min = 65.into();
    });
    let diff = old.diff(&new).unwrap();
    let changes: Vec<String> = diff
        .changes
        .iter()
        .map(|c| format!("{} {}: {}", c.criterion, c.kind.as_str(), c.detail))
        .collect();
    assert_eq!(
        changes,
        [
            "P1 renamed: \"Relevance and timeliness\" -> \"Relevance of the theme\"",
            "P7 rescaled: scale 1 to 5 in steps of 1 (Higher is better) -> scale 1 to 4 in steps of 1 (Higher is better)",
            "P8 added: new criterion",
            "P6 removed: no longer in the rubric",
        ]
    );
    assert_eq!(diff.rules.len(), 1, "{:?}", diff.rules);
    assert!(
        diff.rules[0].starts_with("bands: Recommend from 60"),
        "{:?}",
        diff.rules
    );
    assert_eq!(
        (diff.from.version.as_str(), diff.to.version.as_str()),
        ("1.0.0", "1.1.0")
    );
    assert_eq!(
        old.diff(presets::bpf_outcome()).unwrap_err().code(),
        "rubric_mismatch"
    );
    assert!(old.diff(old).unwrap().changes.is_empty());
}

#[test]
fn migration_sets_aside_what_no_longer_fits_and_says_why() {
    let old_sheet = Assessment::from_json(&text("examples/data/proposals/ipv6-2016.json")).unwrap();
    let new = next(|doc| {
        find(&mut doc.criteria, "P7").metric = Some(Metric::scale(1, 3));
        doc.criteria.remove(6);
        doc.criteria.push(Criterion::leaf(
            "P8",
            "Gender balance of the team",
            10,
            Metric::yes_no(),
        ));
    });
    // Scoring under a version the assessment does not name is refused: migration is explicit.
    assert_eq!(new.score(&old_sheet).unwrap_err().code(), "rubric_mismatch");
    let p7 = old_sheet
        .answers
        .iter()
        .find(|a| a.criterion == "P7")
        .unwrap()
        .value
        .clone();
    assert_eq!(p7, AnswerValue::Scale(4.into()));
    let migration = new.migrate(&old_sheet).unwrap();
    let set_aside: Vec<(String, String)> = migration
        .set_aside
        .iter()
        .map(|s| (s.answer.criterion.clone(), s.reason.clone()))
        .collect();
    assert_eq!(set_aside.len(), 2, "{set_aside:?}");
    assert_eq!(set_aside[0].0, "P6");
    assert!(
        set_aside[0].1.starts_with("unknown criterion `P6`"),
        "{set_aside:?}"
    );
    assert_eq!(set_aside[1].0, "P7");
    assert!(
        set_aside[1].1.starts_with("value 4 is outside [1, 3]"),
        "{set_aside:?}"
    );
    assert_eq!(migration.unanswered, ["P7", "P8"]);
    assert_eq!(migration.assessment.rubric.version, "1.1.0");
    assert_eq!(
        migration.assessment.answers.len() + migration.set_aside.len(),
        old_sheet.answers.len(),
        "every answer is kept or set aside"
    );
    assert!(new.score(&migration.assessment).is_ok());
    let mut outcome =
        Assessment::from_json(&text("examples/data/outcomes/cybersecurity-2019.json")).unwrap();
    outcome.rubric.id = "bpf-proposal".into();
    assert_eq!(new.migrate(&outcome).unwrap_err().code(), "rubric_mismatch");
}

#[test]
fn a_panel_rescored_shows_who_moved_and_which_criteria_moved_them() {
    let old = presets::bpf_proposal();
    let new = next(|doc| {
        find(&mut doc.criteria, "P5").weight = Some(40.into());
        find(&mut doc.criteria, "P1").weight = Some(5.into());
    });
    let rescoring = new.rescore(old, &panel()).unwrap();
    assert_eq!(rescoring.diff.changes.len(), 2);
    assert!(rescoring.migrations.is_empty());
    // The sample's agreed P1 value carries over: P1's metric did not change.
    assert!(rescoring.consensus_set_aside.is_empty());
    assert_eq!(
        rescoring
            .after
            .subjects
            .iter()
            .map(|s| s.consensus.len())
            .sum::<usize>(),
        1
    );
    let moved: Vec<&igf_rubric::revision::RankMove> = rescoring
        .moves
        .iter()
        .filter(|m| m.rank_before != m.rank_after)
        .collect();
    assert!(!moved.is_empty());
    for m in &rescoring.moves {
        for d in &m.drivers {
            assert_eq!(d.change, d.points_after - d.points_before);
        }
    }
    // Where the panel takes the mean and every criterion is scored, the drivers account for
    // the whole change of the total (to their four places each).
    let mut mean_panel = panel();
    let mut rules = presets::bpf_proposal()
        .doc()
        .panel
        .clone()
        .unwrap_or_default();
    rules.aggregation = igf_rubric::rubric::Aggregation::Mean;
    mean_panel.rules = Some(rules);
    let rescoring = new.rescore(old, &mean_panel).unwrap();
    let mut checked = 0;
    for m in &rescoring.moves {
        if ["bpf-ipv6-2016", "bpf-ixps-2016", "bpf-local-content-2020"]
            .contains(&m.subject.as_str())
        {
            continue; // an "unable to assess" renormalises that sheet's weights
        }
        let before = rescoring
            .before
            .subjects
            .iter()
            .find(|s| s.subject.id == m.subject)
            .unwrap();
        let after = rescoring
            .after
            .subjects
            .iter()
            .find(|s| s.subject.id == m.subject)
            .unwrap();
        let (a, b) = (
            before.computed_total.unwrap(),
            after.computed_total.unwrap(),
        );
        let explained: igf_rubric::Decimal = m.drivers.iter().map(|d| d.change).sum();
        let change = b.exact - a.exact;
        assert!(
            (explained - change).abs() <= "0.0002".parse().unwrap(),
            "{}: {explained} vs {change}",
            m.subject
        );
        checked += 1;
    }
    assert_eq!(checked, 3);
}

proptest! {
    /// Re-scoring under a new version that changes nothing but its version string, with every
    /// weight scaled by one factor, moves no subject and changes no total.
    #[test]
    fn rescoring_under_an_identical_version_changes_nothing(factor in 1u32..50, version in "[0-9]\\.[0-9]\\.[0-9]") {
        let old = presets::bpf_proposal();
        let new = next(|doc| {
            doc.version = version;
            fn scale(list: &mut [Criterion], factor: u32) {
                for c in list {
                    c.weight = c.weight.map(|w| w * igf_rubric::Decimal::from(factor));
                    scale(&mut c.criteria, factor);
                }
            }
            scale(&mut doc.criteria, factor);
        });
        let mut panel = panel();
        panel.consensus.clear();
        let rescoring = new.rescore(old, &panel).unwrap();
        prop_assert!(rescoring.migrations.is_empty());
        for m in &rescoring.moves {
            prop_assert_eq!(m.rank_before, m.rank_after);
            prop_assert_eq!(m.total_before.map(|t| t.exact), m.total_after.map(|t| t.exact));
            prop_assert_eq!(m.selected_before, m.selected_after);
            prop_assert!(m.drivers.is_empty(), "{:?}", m.drivers);
        }
        prop_assert_eq!(&rescoring.before.selected, &rescoring.after.selected);
    }
}
