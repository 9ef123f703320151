//! Panel reviews by hand-computed cases: combining, exclusion, consensus, gates, ranking,
//! ties, percentiles and selection.

use igf_rubric::Document;
use igf_rubric::{
    Panel, PanelReport, Rubric,
    panel::{DecisionReason, SubjectReport, SubjectStatus},
};
use serde_json::{Value, json};

/// Two scale criteria 0..10 of equal weight: an assessor's total is `5 · (a + b)`.
fn rubric(rules: Value) -> Rubric {
    Rubric::from_json(
        &json!({
            "id": "pair", "version": "1", "title": "Pair", "kind": "proposal",
            "criteria": [
                { "id": "A", "name": "A", "weight": 1, "metric": { "type": "scale", "min": 0, "max": 10 } },
                { "id": "B", "name": "B", "weight": 1, "metric": { "type": "scale", "min": 0, "max": 10 } }
            ],
            "gates": [
                { "id": "a-min", "label": "A at least 3", "rule": { "type": "criterion_minimum", "criterion": "A", "threshold": 3 } }
            ],
            "panel": rules
        })
        .to_string(),
    )
    .unwrap()
}

/// (subject, assessor, a, b, conflicted)
type Row = (&'static str, &'static str, i64, i64, bool);

fn panel(rows: &[Row], consensus: Value) -> Panel {
    let groups = [
        "government",
        "civil_society",
        "technical_community",
        "private_sector",
    ];
    let assessments: Vec<Value> = rows
        .iter()
        .map(|(subject, assessor, a, b, conflicted)| {
            let n: usize = assessor.trim_start_matches('r').parse().unwrap();
            json!({
                "rubric": { "id": "pair", "version": "1" }, "kind": "proposal",
                "subject": { "id": subject, "title": subject, "year": 2021 },
                "assessor": { "id": assessor, "stakeholder_group": groups[n % 4], "region": "african", "role": "mag_member" },
                "conflict_of_interest": { "declared": conflicted },
                "answers": [
                    { "criterion": "A", "value": { "scale": a } },
                    { "criterion": "B", "value": { "scale": b } }
                ]
            })
        })
        .collect();
    Panel::from_json(&json!({ "rubric": { "id": "pair", "version": "1" }, "consensus": consensus, "assessments": assessments }).to_string())
        .unwrap()
}

fn subject<'a>(report: &'a PanelReport, id: &str) -> &'a SubjectReport {
    report.subjects.iter().find(|s| s.subject.id == id).unwrap()
}

fn total(report: &PanelReport, id: &str) -> String {
    subject(report, id)
        .total
        .map(|t| t.published.to_string())
        .unwrap_or_default()
}

const S1: [Row; 4] = [
    ("s1", "r1", 8, 6, false),
    ("s1", "r2", 6, 6, false),
    ("s1", "r3", 10, 8, false),
    ("s1", "r4", 0, 0, true),
];

#[test]
fn methods_combine_the_included_totals() {
    // Included totals 70, 60, 90; r4 declared a conflict and is excluded.
    let cases = [
        (json!({ "method": "mean" }), "73.33"),
        (json!({ "method": "median" }), "70.00"),
        (
            json!({ "method": "trimmed_mean", "trim": { "count": 1 } }),
            "70.00",
        ),
        (
            json!({ "method": "winsorised_mean", "trim": { "share": "0.34" } }),
            "70.00",
        ),
        (json!({ "method": "min" }), "60.00"),
        (json!({ "method": "max" }), "90.00"),
    ];
    for (method, expected) in cases {
        let report = rubric(json!({ "aggregation": method }))
            .review(&panel(&S1, json!([])))
            .unwrap();
        assert_eq!(total(&report, "s1"), expected, "{method}");
        let s1 = subject(&report, "s1");
        assert_eq!(s1.assessors.iter().filter(|a| a.included).count(), 3);
        let r4 = s1.assessors.iter().find(|a| a.id == "r4").unwrap();
        assert_eq!(
            r4.excluded_because.as_deref(),
            Some("declared a conflict of interest")
        );
    }
}

#[test]
fn criteria_basis_scores_the_combined_profile() {
    // Median A = 8, median B = 6: total 5 · 14 = 70; the median of totals is 70 as well, but
    // with a fourth valid assessor (4, 10) they differ: totals 70, 60, 90, 70 -> median 70;
    // criteria: A median (4, 6, 8, 10) = 7, B median (6, 6, 8, 10) = 7 -> 70. Use (2, 10):
    // totals 70, 60, 90, 60 -> 65; A (2, 6, 8, 10) -> 7, B (6, 6, 8, 10) -> 7 -> 70.
    let mut rows = S1.to_vec();
    rows[3] = ("s1", "r4", 2, 10, false);
    let p = panel(&rows, json!([]));
    let by_totals = rubric(json!({ "aggregation": { "method": "median" } }))
        .review(&p)
        .unwrap();
    let by_criteria = rubric(json!({ "aggregation": { "method": "median" }, "basis": "criteria" }))
        .review(&p)
        .unwrap();
    assert_eq!(total(&by_totals, "s1"), "65.00");
    assert_eq!(total(&by_criteria, "s1"), "70.00");
    let a = &subject(&by_criteria, "s1").criteria[0];
    assert_eq!((a.n, a.raw.unwrap().to_string()), (4, "7".to_owned()));
}

#[test]
fn too_few_valid_assessors_is_insufficient_never_scored() {
    let rows = [("s1", "r1", 8, 6, false), ("s1", "r2", 6, 6, true)];
    let report = rubric(json!({ "min_assessors": 2 }))
        .review(&panel(&rows, json!([])))
        .unwrap();
    let s1 = subject(&report, "s1");
    assert_eq!(s1.status, SubjectStatus::Insufficient);
    assert!(s1.total.is_none() && s1.rank.is_none() && !s1.decision.selected);
    assert_eq!(s1.decision.reason, DecisionReason::Insufficient);
    assert_eq!(
        s1.decision.explanation,
        "1 valid assessor(s) of 2; the rules require 2"
    );
}

#[test]
fn consensus_overrides_and_keeps_the_computed_total() {
    let consensus = json!([{ "subject": "s1", "value": "75", "recorded_by": "chair", "note": "agreed in the meeting" }]);
    let report = rubric(json!({})).review(&panel(&S1, consensus)).unwrap();
    let s1 = subject(&report, "s1");
    assert_eq!(s1.computed_total.unwrap().published.to_string(), "73.33");
    assert_eq!(s1.total.unwrap().published.to_string(), "75.00");
    assert_eq!(s1.consensus[0].recorded_by, "chair");
    assert_eq!(
        s1.consensus[0].computed.unwrap().round_dp(2).to_string(),
        "73.33"
    );
}

#[test]
fn divergence_flags_criteria_and_totals() {
    // A spans 6..10 of 10 (0.4), B 6..8 (0.2); totals span 60..90 of 100 (0.3).
    let report = rubric(json!({ "divergence": "0.35" }))
        .review(&panel(&S1, json!([])))
        .unwrap();
    let s1 = subject(&report, "s1");
    assert!(s1.criteria[0].divergent && !s1.criteria[1].divergent && !s1.divergent);
    let report = rubric(json!({ "divergence": "0.25" }))
        .review(&panel(&S1, json!([])))
        .unwrap();
    assert!(subject(&report, "s1").divergent);
}

/// s1 70 (A 8, B 6), s2 70 (A 6, B 8), s3 70 (A 6, B 8), s4 50, s5 20 with A 2 (fails the gate).
fn field() -> Vec<Row> {
    vec![
        ("s1", "r1", 8, 6, false),
        ("s2", "r1", 6, 8, false),
        ("s3", "r1", 6, 8, false),
        ("s4", "r1", 5, 5, false),
        ("s5", "r1", 2, 2, false),
    ]
}

#[test]
fn ranking_breaks_ties_by_the_chain_and_reports_what_it_cannot_break() {
    let rules = json!({ "tie_break": [{ "by": "criterion", "criterion": "A" }], "capacity": 2 });
    let report = rubric(rules).review(&panel(&field(), json!([]))).unwrap();
    let ranks: Vec<(&str, Option<usize>)> = report
        .subjects
        .iter()
        .map(|s| (s.subject.id.as_str(), s.rank))
        .collect();
    assert_eq!(
        ranks,
        [
            ("s1", Some(1)),
            ("s2", Some(2)),
            ("s3", Some(2)),
            ("s4", Some(4)),
            ("s5", None)
        ]
    );
    assert_eq!(subject(&report, "s2").tied, 1);
    assert_eq!(report.selected, ["s1"]);
    let s2 = subject(&report, "s2");
    assert_eq!(s2.decision.reason, DecisionReason::TiedAtCapacity);
    assert_eq!(
        s2.decision.explanation,
        "ranked 2 of 4, tied with s3 for 1 remaining place(s) of capacity 2: the panel must decide"
    );
    let s5 = subject(&report, "s5");
    assert_eq!(s5.decision.reason, DecisionReason::Ineligible);
    assert_eq!(
        s5.decision.explanation,
        "ineligible: failed a-min (`A` combined 2 is below the minimum 3)"
    );
    // The tie holds the last place: nobody below it is selected over it.
    let s4 = subject(&report, "s4");
    assert_eq!(s4.decision.reason, DecisionReason::BelowCapacity);
    assert_eq!(
        s4.decision.explanation,
        "ranked 4 of 4; only the top 2 are selected (capacity 2), and a tie above holds the last place"
    );
}

#[test]
fn thresholds_and_percentiles() {
    let rules = json!({ "threshold": 60 });
    let report = rubric(rules).review(&panel(&field(), json!([]))).unwrap();
    let s4 = subject(&report, "s4");
    assert_eq!(s4.decision.reason, DecisionReason::BelowThreshold);
    assert_eq!(
        s4.decision.explanation,
        "ranked 4 of 4, but its total 50.00 is below the threshold of 60"
    );
    // No tie-break: s1, s2, s3 share rank 1 of 4 -> ceil(100 · 0.5 / 4) = 13; s4 rank 4 -> 88.
    assert_eq!(subject(&report, "s1").percentile, Some(13));
    assert_eq!(s4.percentile, Some(88));
    assert_eq!(report.selected, ["s1", "s2", "s3"]);
    // Against a reference pool: 2 of 5 pool totals beat 50 -> r = 3, ceil(100 · 2.5 / 5) = 50.
    let rules = json!({ "reference_pool": [90, 80, 50, 40, 10] });
    let report = rubric(rules).review(&panel(&field(), json!([]))).unwrap();
    assert_eq!(subject(&report, "s4").percentile, Some(50));
}

#[test]
fn ranking_only_weights_reorder_without_moving_totals() {
    // With A x 3 for ranking, s1 (A 8) ranks 5 · (3·8 + 6)/2 ... above s2 (A 6): 75 vs 65.
    let rules = json!({ "ranking_weights": [{ "criterion": "A", "factor": 3 }] });
    let report = rubric(rules).review(&panel(&field(), json!([]))).unwrap();
    let s1 = subject(&report, "s1");
    assert_eq!(total(&report, "s1"), "70.00");
    assert_eq!(s1.ranking_score.unwrap().published.to_string(), "75.00");
    assert_eq!(
        subject(&report, "s2")
            .ranking_score
            .unwrap()
            .published
            .to_string(),
        "65.00"
    );
    assert_eq!((s1.rank, subject(&report, "s2").rank), (Some(1), Some(2)));
}

#[test]
fn calibration_maps_assessors_onto_the_panel() {
    // r1 scores 60, 70, 80; r2 scores 80, 90, 100 (same spread, 20 points more lenient).
    let rows = [
        ("s1", "r1", 6, 6, false),
        ("s2", "r1", 7, 7, false),
        ("s3", "r1", 8, 8, false),
        ("s1", "r2", 8, 8, false),
        ("s2", "r2", 9, 9, false),
        ("s3", "r2", 10, 10, false),
        ("s3", "r3", 9, 9, false),
    ];
    let rules = json!({ "calibration": { "min_subjects": 3 } });
    let report = rubric(rules).review(&panel(&rows, json!([]))).unwrap();
    let entries: Vec<(&str, bool)> = report
        .calibration
        .iter()
        .map(|c| (c.assessor.as_str(), c.calibrated))
        .collect();
    assert_eq!(entries, [("r1", true), ("r2", true), ("r3", false)]);
    assert_eq!(
        report.calibration[2].reason.as_deref(),
        Some("scored 1 subject(s); calibration needs at least 3")
    );
    // Both calibrated assessors give s2 the panel mean (z = 0): the panel's totals are
    // 60, 70, 80, 80, 90, 100, 90 with mean 81.428571...
    let s2 = subject(&report, "s2");
    let calibrated: Vec<String> = s2
        .assessors
        .iter()
        .map(|a| a.calibrated_total.unwrap().round_dp(4).to_string())
        .collect();
    assert_eq!(calibrated, ["81.4286", "81.4286"]);
}

#[test]
fn reliability_and_breakdown_are_reported() {
    let rows = [
        ("s1", "r1", 8, 6, false),
        ("s1", "r2", 7, 6, false),
        ("s2", "r1", 3, 4, false),
        ("s2", "r2", 4, 4, false),
        ("s3", "r1", 5, 9, false),
        ("s3", "r2", 6, 8, false),
    ];
    let report = rubric(json!({})).review(&panel(&rows, json!([]))).unwrap();
    let alpha = report.reliability.totals_alpha.value.unwrap();
    assert!(alpha > 0.9 && alpha <= 1.0, "{alpha}");
    assert_eq!(report.reliability.totals_icc.len(), 6);
    assert_eq!(report.reliability.criteria_alpha.len(), 2);
    // r1 (civil society) totals 70, 35, 70 against combined means 67.5, 37.5, 70: differences
    // 2.5, -2.5, 0 average 0; its mean total is 175/3.
    let groups: Vec<&str> = report
        .breakdown
        .stakeholder_groups
        .iter()
        .map(|g| g.group.as_str())
        .collect();
    assert_eq!(groups, ["civil_society", "technical_community"]);
    let r1 = &report.breakdown.stakeholder_groups[0];
    assert_eq!(
        (r1.assessments, r1.mean_difference.to_string()),
        (3, "0".to_owned())
    );
    assert_eq!(r1.mean_total.round_dp(4).to_string(), "58.3333");
}

#[test]
fn comments_and_lessons_reach_the_report() {
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/data/mag-panel.json");
    let panel = Panel::from_json(&std::fs::read_to_string(path).unwrap()).unwrap();
    let report = igf_rubric::presets::bpf_proposal().review(&panel).unwrap();
    let ipv6 = subject(&report, "bpf-ipv6-2016");
    let mag05 = ipv6.assessors.iter().find(|a| a.id == "mag-05").unwrap();
    assert_eq!(mag05.comments.len(), 1);
    assert_eq!(mag05.comments[0].criterion, "P6");
    assert_eq!(
        mag05.comments[0].comment,
        "Not enough information in the proposal."
    );
}

#[test]
fn band_agreement_is_reported_where_the_rubric_has_bands() {
    let report = rubric(json!({})).review(&panel(&S1, json!([]))).unwrap();
    assert!(report.reliability.bands_alpha.is_none());
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/data/mag-panel.json");
    let panel = Panel::from_json(&std::fs::read_to_string(path).unwrap()).unwrap();
    let report = igf_rubric::presets::bpf_proposal().review(&panel).unwrap();
    let bands = report.reliability.bands_alpha.unwrap();
    assert!(
        bands
            .value
            .is_some_and(|v| v < report.reliability.totals_alpha.value.unwrap())
    );
}

#[test]
fn an_assessment_that_cannot_be_scored_is_excluded_with_its_error() {
    let mut rows = S1.to_vec();
    rows.push(("s1", "r5", 12, 6, false));
    let panel = panel(&rows, json!([]));
    let report = rubric(json!({})).review(&panel).unwrap();
    let s1 = subject(&report, "s1");
    let r5 = s1.assessors.iter().find(|a| a.id == "r5").unwrap();
    assert!(!r5.included);
    assert_eq!(
        r5.excluded_because.as_deref(),
        Some("cannot be scored: answers[0](A).value.scale: value 12 is outside [0, 10]")
    );
    // The other three still count: (70 + 60 + 90) / 3.
    assert_eq!(total(&report, "s1"), "73.33");
    let strict = rubric(json!({ "strict": true }))
        .review(&panel)
        .unwrap_err();
    assert_eq!(
        strict.to_string(),
        "assessments[4](s1).answers[0](A).value.scale: value 12 is outside [0, 10]"
    );
}

#[test]
fn sparse_panels_say_in_words_why_there_is_no_icc() {
    // Each subject scored by two of four assessors: nobody scored every subject.
    let rows = [
        ("s1", "r1", 8, 6, false),
        ("s1", "r2", 7, 6, false),
        ("s2", "r3", 3, 4, false),
        ("s2", "r4", 4, 4, false),
        ("s3", "r1", 5, 9, false),
        ("s3", "r3", 6, 8, false),
    ];
    let report = rubric(json!({})).review(&panel(&rows, json!([]))).unwrap();
    assert!(report.reliability.totals_icc.is_empty());
    assert_eq!(
        report.reliability.icc_note.as_deref(),
        Some(
            "no intraclass correlation: it needs assessors who each scored every one of the 3 \
             scored subjects, and none of the 4 assessors did (Krippendorff's alpha above uses \
             every rating)"
        )
    );
    assert!(report.reliability.totals_alpha.value.is_some());
}

/// A tie of thousands is reported in space that grows with the panel: a count on each subject
/// and an explanation that names three others and counts the rest.
#[test]
fn a_large_tie_is_counted_not_listed() {
    let sample: serde_json::Value = serde_json::from_str(include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/examples/data/proposals/ipv6-2016.json"
    )))
    .unwrap();
    let assessments: Vec<serde_json::Value> = (0..2_000)
        .map(|i| {
            let mut sheet = sample.clone();
            sheet["subject"]["id"] = serde_json::json!(format!("bpf-{i:04}"));
            sheet
        })
        .collect();
    let request = serde_json::json!({
        "rubric": { "preset": { "id": "bpf-proposal" } },
        "assessments": assessments,
        "options": { "rules": { "min_assessors": 1, "capacity": 3 } }
    });
    let result = igf_rubric::evaluate_json(&request.to_string()).unwrap();
    let report = result.panel.unwrap();
    assert!(
        report
            .subjects
            .iter()
            .all(|s| s.tied == 1_999 && s.rank == Some(1))
    );
    let explanation = &report.subjects[0].decision.explanation;
    assert!(explanation.contains("and 1996 more"), "{explanation}");
    let written = serde_json::to_string(&report).unwrap();
    assert!(
        written.len() < request.to_string().len() * 20,
        "{} bytes",
        written.len()
    );
}
