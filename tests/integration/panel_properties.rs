//! Panel laws over generated data: order does not matter, shifts move centres exactly and leave
//! spreads alone, trimmed means stay within the data, ranking is a total preorder.

use igf_rubric::Document;
use igf_rubric::{
    Decimal, Panel, Rubric,
    panel::Spread,
    rubric::{Aggregation, Trim},
};
use proptest::prelude::*;
use serde_json::json;

const CASES: u32 = 256;

fn values() -> impl Strategy<Value = Vec<Decimal>> {
    prop::collection::vec(
        (-100_000i64..100_000).prop_map(|m| Decimal::new(m, 2)),
        1..12,
    )
}

fn method() -> impl Strategy<Value = Aggregation> {
    prop_oneof![
        Just(Aggregation::Mean),
        Just(Aggregation::Median),
        (0usize..4).prop_map(|k| Aggregation::TrimmedMean {
            trim: Trim::Count(k)
        }),
        (0i64..50).prop_map(|s| Aggregation::TrimmedMean {
            trim: Trim::Share(Decimal::new(s, 2))
        }),
        (0usize..4).prop_map(|k| Aggregation::WinsorisedMean {
            trim: Trim::Count(k)
        }),
    ]
}

fn shuffled<T: Clone>(items: &[T], seed: u64) -> Vec<T> {
    let mut out = items.to_vec();
    for i in (1..out.len()).rev() {
        let j = (seed
            .rotate_left(i as u32)
            .wrapping_mul(0x9E37_79B9_7F4A_7C15)
            % (i as u64 + 1)) as usize;
        out.swap(i, j);
    }
    out
}

fn pair_rubric() -> Rubric {
    Rubric::from_json(
        &json!({
            "id": "pair", "version": "1", "title": "Pair", "kind": "proposal",
            "criteria": [
                { "id": "A", "name": "A", "weight": 2, "metric": { "type": "scale", "min": 0, "max": 10, "step": "0.5" } },
                { "id": "B", "name": "B", "weight": 1, "metric": { "type": "scale", "min": 1, "max": 5, "direction": "lower_is_better" } }
            ],
            "gates": [{ "id": "coi", "label": "No conflict", "rule": { "type": "no_conflict_of_interest" } }],
            "panel": {
                "aggregation": { "method": "trimmed_mean", "trim": { "count": 1 } },
                "min_assessors": 2, "divergence": "0.4", "capacity": 2,
                "tie_break": [{ "by": "criterion", "criterion": "A" }, { "by": "smaller_spread" }]
            }
        })
        .to_string(),
    )
    .unwrap()
}

/// (subject, assessor, A in half points, B, conflicted)
fn rows() -> impl Strategy<Value = Vec<(u8, u8, u8, u8, bool)>> {
    prop::collection::vec(
        (0u8..5, 0u8..6, 0u8..=20, 1u8..=5, prop::bool::weighted(0.1)),
        1..30,
    )
}

fn panel(rows: &[(u8, u8, u8, u8, bool)]) -> Panel {
    let mut seen = std::collections::BTreeSet::new();
    let assessments: Vec<_> = rows
        .iter()
        .filter(|(s, r, ..)| seen.insert((*s, *r)))
        .map(|(s, r, a, b, conflicted)| {
            json!({
                "rubric": { "id": "pair", "version": "1" }, "kind": "proposal",
                "subject": { "id": format!("s{s}"), "title": "S", "year": 2021 },
                "assessor": { "id": format!("r{r}"), "stakeholder_group": "civil_society", "region": "african", "role": "mag_member" },
                "conflict_of_interest": { "declared": conflicted },
                "answers": [
                    { "criterion": "A", "value": { "scale": Decimal::new(i64::from(*a) * 5, 1).to_string() } },
                    { "criterion": "B", "value": { "scale": b } }
                ]
            })
        })
        .collect();
    Panel::from_json(
        &json!({ "rubric": { "id": "pair", "version": "1" }, "assessments": assessments })
            .to_string(),
    )
    .unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(CASES))]

    #[test]
    fn adding_a_constant_shifts_centres_exactly_and_spreads_not_at_all(v in values(), m in method(), c in -100_000i64..100_000) {
        let c = Decimal::new(c, 2);
        let shifted: Vec<Decimal> = v.iter().map(|x| *x + c).collect();
        match (m.combine(&v), m.combine(&shifted)) {
            (Ok(a), Ok(b)) => prop_assert_eq!(a + c, b, "{}", m),
            (Err(_), Err(_)) => {}
            other => prop_assert!(false, "{:?}", other),
        }
        let (a, b) = (Spread::of(&v).unwrap(), Spread::of(&shifted).unwrap());
        prop_assert_eq!((a.range, a.iqr, a.sd), (b.range, b.iqr, b.sd));
    }

    #[test]
    fn trimmed_means_stay_within_the_data(v in values(), m in method()) {
        if let Ok(centre) = m.combine(&v) {
            let (lo, hi) = (v.iter().min().unwrap(), v.iter().max().unwrap());
            prop_assert!(*lo <= centre && centre <= *hi, "{} not in [{}, {}]", centre, lo, hi);
        }
    }

    #[test]
    fn combining_ignores_order(v in values(), m in method(), seed in any::<u64>()) {
        let w = shuffled(&v, seed);
        prop_assert_eq!(m.combine(&v).ok(), m.combine(&w).ok());
        prop_assert_eq!(Spread::of(&v).unwrap(), Spread::of(&w).unwrap());
    }

    #[test]
    fn permuting_assessments_changes_no_result(rows in rows(), seed in any::<u64>()) {
        let rubric = pair_rubric();
        let original = panel(&rows);
        let mut permuted = original.clone();
        permuted.assessments = shuffled(&original.assessments, seed);
        prop_assert_eq!(rubric.review(&original).unwrap(), rubric.review(&permuted).unwrap());
    }

    #[test]
    fn ranking_is_a_total_preorder(rows in rows()) {
        let report = pair_rubric().review(&panel(&rows)).unwrap();
        let ranked: Vec<_> = report.subjects.iter().filter(|s| s.rank.is_some()).collect();
        prop_assert!(ranked.iter().all(|s| s.eligible));
        for a in &ranked {
            // A rank is one plus the number of subjects ranked strictly ahead.
            let ahead = ranked.iter().filter(|b| b.rank < a.rank).count();
            prop_assert_eq!(a.rank, Some(ahead + 1));
            for b in &ranked {
                if a.ranking_score.map(|x| x.published) > b.ranking_score.map(|x| x.published) {
                    prop_assert!(a.rank < b.rank, "{} {:?} vs {} {:?}", a.subject.id, a.ranking_score, b.subject.id, b.ranking_score);
                }
            }
            // A tie is counted by those who share the rank.
            let sharing = ranked.iter().filter(|b| b.rank == a.rank).count();
            prop_assert_eq!(a.tied, sharing - 1);
        }
        let selected = report.subjects.iter().filter(|s| s.decision.selected).count();
        prop_assert!(selected <= 2);
        prop_assert_eq!(selected, report.selected.len());
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(CASES))]

    #[test]
    fn no_panel_text_makes_the_loader_or_review_panic(rows in rows(), text in ".{0,100}", cut in any::<prop::sample::Index>()) {
        let json = panel(&rows).to_json().unwrap();
        let at = cut.index(json.len());
        for candidate in [
            json.get(..at).unwrap_or("").to_owned(),
            format!("{}{}{}", json.get(..at).unwrap_or(""), text, json.get(at..).unwrap_or("")),
        ] {
            if let Ok(panel) = Panel::from_json(&candidate) {
                let _ = pair_rubric().review(&panel);
            }
        }
    }
}

fn rules() -> impl Strategy<Value = serde_json::Value> {
    (
        method(),
        any::<bool>(),
        1usize..4,
        prop::option::of(1i64..=10),
        prop::option::of(2usize..4),
        prop::option::of(0i64..=100),
        prop::option::of(1usize..4),
        any::<bool>(),
    )
        .prop_map(|(aggregation, criteria, min, divergence, calibration, threshold, capacity, weights)| {
            let mut rules = json!({
                "aggregation": aggregation_json(aggregation),
                "basis": if criteria && calibration.is_none() { "criteria" } else { "totals" },
                "min_assessors": min,
                "tie_break": [{ "by": "smaller_spread" }, { "by": "criterion", "criterion": "B" }],
            });
            if let Some(d) = divergence {
                rules["divergence"] = json!(Decimal::new(d, 1).to_string());
            }
            if let Some(m) = calibration {
                rules["calibration"] = json!({ "min_subjects": m });
            }
            if let Some(t) = threshold {
                rules["threshold"] = json!(t);
            }
            if let Some(c) = capacity {
                rules["capacity"] = json!(c);
            }
            if weights {
                rules["ranking_weights"] = json!([{ "criterion": "B", "factor": "2.5" }]);
            }
            rules
        })
}

fn aggregation_json(method: Aggregation) -> serde_json::Value {
    serde_json::to_value(method).unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(CASES))]

    #[test]
    fn any_valid_rules_give_a_decision_for_every_subject(rows in rows(), rules in rules()) {
        let mut panel = panel(&rows);
        panel.rules = Some(serde_json::from_value(rules).unwrap());
        let report = pair_rubric().review(&panel).unwrap();
        let capacity = report.rules.capacity.unwrap_or(usize::MAX);
        prop_assert!(report.selected.len() <= capacity);
        for s in &report.subjects {
            prop_assert!(!s.decision.explanation.is_empty(), "{}: {:?}", s.subject.id, s.decision);
            prop_assert_eq!(s.rank.is_some(), s.eligible);
            prop_assert_eq!(s.decision.selected, report.selected.contains(&s.subject.id));
            if let (Some(total), Some(t)) = (s.total, report.rules.threshold)
                && s.decision.selected {
                    prop_assert!(total.published >= t);
                }
            if let Some(total) = s.total {
                prop_assert!(total.exact >= Decimal::ZERO && total.exact <= Decimal::ONE_HUNDRED);
            }
        }
    }
}
