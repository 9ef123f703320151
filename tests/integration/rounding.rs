//! The published total is rounded once, from the exact total: checked against an independent
//! computation in big rationals, for the scorecard and for the bare total alike.

use igf_rubric::Document;
use igf_rubric::{Assessment, Rubric};
use num_bigint::BigInt;
use num_rational::BigRational;
use num_traits::{Signed, Zero};
use proptest::prelude::*;
use serde_json::{Value, json};

const MODES: [&str; 7] = [
    "half_even",
    "half_up",
    "half_down",
    "up",
    "down",
    "ceiling",
    "floor",
];

/// One leaf: weight (decimal text), scale max (`None`: yes/no), answer.
type Leaf = (String, Option<u32>, u32);

fn ratio(text: &str) -> BigRational {
    let (int, frac) = text.split_once('.').unwrap_or((text, ""));
    let digits: BigInt = format!("{int}{frac}").parse().unwrap();
    BigRational::new(digits, BigInt::from(10).pow(frac.len() as u32))
}

/// Rounds `x` to `dp` places by the mode's definition.
fn round(x: &BigRational, dp: u32, mode: &str) -> String {
    let scaled = x * BigRational::from_integer(BigInt::from(10).pow(dp));
    let (lo, hi) = (scaled.floor(), scaled.ceil());
    let half = BigRational::new(1.into(), 2.into());
    let nearest = |tie_up: bool| {
        let rest = &scaled - &lo;
        if rest > half || (rest == half && tie_up) {
            hi.clone()
        } else {
            lo.clone()
        }
    };
    let even_lo = (lo.to_integer() % BigInt::from(2)).is_zero();
    let chosen = match mode {
        "half_even" => nearest(!even_lo),
        // The totals here are positive, so away from zero is up.
        "half_up" => nearest(true),
        "half_down" => nearest(false),
        "up" | "ceiling" => hi.clone(),
        _ => lo.clone(),
    };
    let n = chosen.to_integer();
    assert!(!n.is_negative());
    let text = format!("{:0>width$}", n.to_string(), width = dp as usize + 1);
    if dp == 0 {
        text
    } else {
        let (i, f) = text.split_at(text.len() - dp as usize);
        format!("{i}.{f}")
    }
}

fn documents(leaves: &[Leaf], dp: u32, mode: &str) -> (Value, Value) {
    let criteria: Vec<Value> = leaves
        .iter()
        .enumerate()
        .map(|(i, (w, max, _))| {
            let metric = match max {
                Some(max) => json!({ "type": "scale", "min": "0", "max": max.to_string() }),
                None => json!({ "type": "yes_no" }),
            };
            json!({ "id": format!("c{i}"), "name": format!("C{i}"), "weight": w, "metric": metric })
        })
        .collect();
    let answers: Vec<Value> = leaves
        .iter()
        .enumerate()
        .map(|(i, (_, max, a))| {
            let value = match max {
                Some(max) => json!({ "scale": (a % (max + 1)).to_string() }),
                None => json!({ "yes_no": a % 2 == 1 }),
            };
            json!({ "criterion": format!("c{i}"), "value": value })
        })
        .collect();
    let rubric = json!({
        "id": "r", "version": "1", "title": "R", "kind": "proposal",
        "rounding": { "dp": dp, "mode": mode }, "criteria": criteria
    });
    let assessment = json!({
        "rubric": { "id": "r", "version": "1" }, "kind": "proposal",
        "subject": { "id": "s", "title": "S", "year": 2026 },
        "assessor": { "id": "a", "stakeholder_group": "academia", "region": "african", "role": "mag_member" },
        "conflict_of_interest": { "declared": false },
        "answers": answers
    });
    (rubric, assessment)
}

fn exact_total(leaves: &[Leaf]) -> BigRational {
    let total_weight = leaves
        .iter()
        .fold(BigRational::zero(), |acc, (w, _, _)| acc + ratio(w));
    let mut sum = BigRational::zero();
    for (w, max, a) in leaves {
        let s = match max {
            Some(max) => BigRational::new(BigInt::from(a % (max + 1)), BigInt::from(*max)),
            None => BigRational::from_integer(BigInt::from(a % 2)),
        };
        sum += ratio(w) * s;
    }
    BigRational::from_integer(100.into()) * sum / total_weight
}

fn published(leaves: &[Leaf], dp: u32, mode: &str) -> String {
    let (rubric, assessment) = documents(leaves, dp, mode);
    let rubric = Rubric::from_json(&rubric.to_string()).unwrap();
    let assessment = Assessment::from_json(&assessment.to_string()).unwrap();
    let card = rubric.score(&assessment).unwrap();
    // The bare total publishes the same way, whichever way it goes.
    assert_eq!(rubric.total(&assessment).unwrap(), card.total);
    card.total.unwrap().published.to_string()
}

#[test]
fn a_total_just_below_a_midpoint_is_not_rounded_up() {
    let leaves = vec![
        ("0.5001499999999999999999999999".to_owned(), None, 1),
        ("0.4998500000000000000000000001".to_owned(), None, 0),
    ];
    for mode in ["half_even", "half_up", "half_down"] {
        assert_eq!(published(&leaves, 2, mode), "50.01", "{mode}");
    }
    assert_eq!(published(&leaves, 2, "up"), "50.02");
    assert_eq!(round(&exact_total(&leaves), 2, "half_up"), "50.01");
}

#[test]
fn exact_ties_still_round_as_declared() {
    // 1/8 of 100 = 12.5: a true midpoint at 0 places.
    let leaves = vec![("1".to_owned(), None, 1), ("7".to_owned(), None, 0)];
    assert_eq!(published(&leaves, 0, "half_even"), "12");
    assert_eq!(published(&leaves, 0, "half_up"), "13");
    assert_eq!(published(&leaves, 0, "half_down"), "12");
}

fn weight() -> impl Strategy<Value = String> {
    prop_oneof![
        (1u32..5).prop_map(|w| w.to_string()),
        // 28-digit weights just off simple values, the hard case for carried digits.
        (1u64..10, 0u64..1_000_000, any::<bool>()).prop_map(|(i, tail, up)| {
            let base = format!("{i}.{:0>26}", tail);
            if up {
                format!("{base}1")
            } else {
                format!("{base}9")
            }
        }),
        (1u64..100_000_000_000, 0u32..=18).prop_map(|(m, scale)| {
            rust_decimal::Decimal::from_i128_with_scale(m.into(), scale).to_string()
        }),
    ]
}

fn leaf() -> impl Strategy<Value = Leaf> {
    (
        weight(),
        prop_oneof![Just(None), (1u32..10).prop_map(Some)],
        0u32..10,
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn published_total_is_the_exact_total_rounded_once(
        leaves in prop::collection::vec(leaf(), 1..6),
        dp in 0u32..4,
        mode in 0usize..7,
    ) {
        let mode = MODES[mode];
        prop_assert_eq!(published(&leaves, dp, mode), round(&exact_total(&leaves), dp, mode));
    }
}
