//! The Horizon Europe and NIH presets reproduce their published rules.

use igf_rubric::Document;
use igf_rubric::{
    Panel, PanelReport, Rubric,
    panel::{DecisionReason, SubjectReport},
    presets,
};
use serde_json::{Value, json};

fn panel(rubric: &Rubric, sheets: &[(&str, &str, Value, bool)]) -> Panel {
    let assessments: Vec<Value> = sheets
        .iter()
        .map(|(subject, assessor, answers, conflicted)| {
            json!({
                "rubric": { "id": rubric.id(), "version": rubric.version() }, "kind": "proposal",
                "subject": { "id": subject, "title": subject, "year": 2025 },
                "assessor": { "id": assessor, "stakeholder_group": "technical_community", "region": "other", "role": "external_reviewer" },
                "conflict_of_interest": { "declared": conflicted },
                "answers": answers
            })
        })
        .collect();
    let doc = json!({ "rubric": { "id": rubric.id(), "version": rubric.version() }, "assessments": assessments });
    Panel::from_json(&doc.to_string()).unwrap()
}

fn subject<'a>(report: &'a PanelReport, id: &str) -> &'a SubjectReport {
    report.subjects.iter().find(|s| s.subject.id == id).unwrap()
}

fn he(e: &str, i: &str, m: &str) -> Value {
    json!([
        { "criterion": "excellence", "value": { "scale": e } },
        { "criterion": "impact", "value": { "scale": i } },
        { "criterion": "implementation", "value": { "scale": m } }
    ])
}

/// Three experts per proposal; medians per criterion in the comments.
fn he_sheets() -> Vec<(&'static str, &'static str, Value, bool)> {
    vec![
        // a: medians 4.5, 4, 4 -> 12.5
        ("a", "x1", he("4.5", "4", "4"), false),
        ("a", "x2", he("4", "3.5", "4.5"), false),
        ("a", "x3", he("5", "4", "3"), false),
        // b: medians 4, 4.5, 4 -> 12.5 (ties a on the sum; lower Excellence, higher Impact)
        ("b", "x1", he("4", "4.5", "4"), false),
        ("b", "x2", he("4", "4.5", "4"), false),
        ("b", "x3", he("3.5", "5", "4.5"), false),
        // c: medians 5, 2.5, 5 -> 12.5 but Impact below its threshold of 3
        ("c", "x1", he("5", "2.5", "5"), false),
        ("c", "x2", he("5", "2.5", "5"), false),
        ("c", "x3", he("4.5", "3", "4.5"), false),
        // d: medians 3, 3.5, 3 -> 9.5, below the overall threshold of 10
        ("d", "x1", he("3", "3.5", "3"), false),
        ("d", "x2", he("3", "3.5", "3"), false),
        ("d", "x3", he("3", "3.5", "3"), false),
        // e: medians 3.5, 3, 3.5 -> 10, exactly at the threshold
        ("e", "x1", he("3.5", "3", "3.5"), false),
        ("e", "x2", he("3.5", "3", "3.5"), false),
        ("e", "x3", he("3.5", "3", "3.5"), false),
    ]
}

#[test]
fn horizon_europe_sums_medians_and_applies_both_thresholds() {
    let rubric = presets::horizon_europe_ria();
    let report = rubric.review(&panel(rubric, &he_sheets())).unwrap();
    let totals: Vec<(&str, String, bool)> = ["a", "b", "c", "d", "e"]
        .iter()
        .map(|id| {
            let s = subject(&report, id);
            (*id, s.total.unwrap().published.to_string(), s.eligible)
        })
        .collect();
    assert_eq!(
        totals,
        [
            ("a", "12.5".to_owned(), true),
            ("b", "12.5".to_owned(), true),
            ("c", "12.5".to_owned(), false),
            ("d", "9.5".to_owned(), false),
            ("e", "10.0".to_owned(), true),
        ]
    );
    let c = subject(&report, "c");
    assert_eq!(c.decision.reason, DecisionReason::Ineligible);
    assert!(
        c.decision
            .explanation
            .contains("`impact` combined 2.5 is below the minimum 3"),
        "{}",
        c.decision.explanation
    );
    assert!(
        subject(&report, "d")
            .decision
            .explanation
            .contains("total 9.5 misses the minimum 10")
    );
}

#[test]
fn horizon_europe_ex_aequo_order_differs_between_ria_and_ia() {
    // RIA: a and b tie on 12.5; Excellence decides: a (4.5) before b (4).
    let ria = presets::horizon_europe_ria();
    let report = ria.review(&panel(ria, &he_sheets())).unwrap();
    let order: Vec<&str> = report
        .subjects
        .iter()
        .filter(|s| s.rank.is_some())
        .map(|s| s.subject.id.as_str())
        .collect();
    assert_eq!(order, ["a", "b", "e"]);
    // IA: Impact x1.5 for ranking: a 4.5 + 1.5·4 + 4 = 14.5, b 4 + 1.5·4.5 + 4 = 14.75, e 11.5;
    // rescaled to 0..15 by 15/17.5 the order is b, a, e, and the thresholds are unchanged.
    let ia = presets::horizon_europe_ia();
    let report = ia.review(&panel(ia, &he_sheets())).unwrap();
    let order: Vec<(&str, String)> = report
        .subjects
        .iter()
        .filter(|s| s.rank.is_some())
        .map(|s| {
            (
                s.subject.id.as_str(),
                s.ranking_score.unwrap().exact.round_dp(6).to_string(),
            )
        })
        .collect();
    let scaled = |x: f64| format!("{:.6}", x * 15.0 / 17.5);
    assert_eq!(
        order,
        [
            ("b", scaled(14.75)),
            ("a", scaled(14.5)),
            ("e", scaled(11.5))
        ]
    );
    assert_eq!(
        subject(&report, "a").total.unwrap().published.to_string(),
        "12.5"
    );
}

#[test]
fn horizon_europe_reports_a_tie_the_ex_aequo_scores_cannot_break() {
    let rubric = presets::horizon_europe_ria();
    let sheets: Vec<_> = he_sheets()
        .into_iter()
        .filter(|(s, ..)| *s == "a")
        .flat_map(|(_, x, answers, c)| [("a", x, answers.clone(), c), ("f", x, answers, c)])
        .collect();
    let report = rubric.review(&panel(rubric, &sheets)).unwrap();
    assert_eq!(subject(&report, "a").tied, 1);
    assert_eq!(
        (subject(&report, "a").rank, subject(&report, "f").rank),
        (Some(1), Some(1))
    );
}

fn nih(score: u8) -> Value {
    json!([{ "criterion": "overall-impact", "value": { "scale": score } }])
}

#[test]
fn nih_overall_impact_is_the_mean_rounded_to_one_decimal_times_ten() {
    let rubric = presets::nih_overall_impact();
    let sheets = vec![
        // 2, 2, 3 -> 2.33 -> 2.3 -> 23
        ("p1", "r1", nih(2), false),
        ("p1", "r2", nih(2), false),
        ("p1", "r3", nih(3), false),
        // 2, 2, 2, 3 -> 2.25 -> 2.3 (rounded half up) -> 23; the conflicted 9 does not count
        ("p2", "r1", nih(2), false),
        ("p2", "r2", nih(2), false),
        ("p2", "r3", nih(2), false),
        ("p2", "r4", nih(3), false),
        ("p2", "r5", nih(9), true),
        // 1, 2 -> 1.5 -> 15
        ("p3", "r1", nih(1), false),
        ("p3", "r2", nih(2), false),
        // 5, 6 -> 5.5 -> 55
        ("p4", "r1", nih(5), false),
        ("p4", "r2", nih(6), false),
    ];
    let report = rubric.review(&panel(rubric, &sheets)).unwrap();
    let scores: Vec<(&str, String, Option<usize>, Option<u32>)> = report
        .subjects
        .iter()
        .map(|s| {
            (
                s.subject.id.as_str(),
                s.total.unwrap().published.to_string(),
                s.rank,
                s.percentile,
            )
        })
        .collect();
    // Lower is better: p3 first. Percentiles ceil(100 · (r - 0.5) / 4): 13, 38 (shared rank 2), 88.
    assert_eq!(
        scores,
        [
            ("p3", "15".to_owned(), Some(1), Some(13)),
            ("p1", "23".to_owned(), Some(2), Some(38)),
            ("p2", "23".to_owned(), Some(2), Some(38)),
            ("p4", "55".to_owned(), Some(4), Some(88)),
        ]
    );
    let p2 = subject(&report, "p2");
    assert_eq!(p2.total.unwrap().exact.to_string(), "22.5");
    assert_eq!(p2.assessors.iter().filter(|a| a.included).count(), 4);
}

#[test]
fn nih_percentiles_against_a_reference_pool() {
    // A pool of 8 earlier scores; 24 is beaten by 10, 15, 20 -> r = 4, ceil(100 · 3.5 / 8) = 44.
    let rubric = presets::nih_overall_impact();
    let mut doc: Value = serde_json::from_str(
        &panel(
            rubric,
            &[
                ("p", "r1", nih(2), false),
                ("p", "r2", nih(3), false),
                ("p", "r3", nih(2), false),
                ("p", "r4", nih(3), false),
            ],
        )
        .to_json()
        .unwrap(),
    )
    .unwrap();
    let mut rules: Value = serde_json::to_value(rubric.doc().panel.clone().unwrap()).unwrap();
    rules["reference_pool"] = json!(["10", "15", "20", "25", "30", "40", "50", "60"]);
    doc["rules"] = rules;
    let report = rubric
        .review(&Panel::from_json(&doc.to_string()).unwrap())
        .unwrap();
    let p = &report.subjects[0];
    assert_eq!(p.total.unwrap().published.to_string(), "25");
    assert_eq!(p.percentile, Some(44));
}
