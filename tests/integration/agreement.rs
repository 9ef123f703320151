//! The chance-corrected agreement family against Python's irrCAC (fixtures from
//! `scripts/agreement_fixtures.py`), and its laws.

use igf_rubric::reliability::{
    CategoricalRatings, ChanceCorrected, Ratings, Weighting, chance_corrected,
};
use proptest::prelude::*;
use serde_json::Value;

fn fixtures() -> Value {
    serde_json::from_str(
        &std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/agreement.json"
        ))
        .unwrap(),
    )
    .unwrap()
}

fn data(case: &Value) -> CategoricalRatings {
    let rows = case["rows"].as_array().unwrap();
    if case["labels"].as_bool().unwrap() {
        let rows: Vec<Vec<Option<String>>> = rows
            .iter()
            .map(|r| {
                r.as_array()
                    .unwrap()
                    .iter()
                    .map(|v| v.as_str().map(str::to_owned))
                    .collect()
            })
            .collect();
        let declared: Option<Vec<String>> = case["categories"]
            .as_array()
            .map(|c| c.iter().map(|v| v.as_str().unwrap().to_owned()).collect());
        let declared: Option<Vec<&str>> = declared
            .as_ref()
            .map(|d| d.iter().map(String::as_str).collect());
        CategoricalRatings::from_labels(&rows, declared.as_deref()).unwrap()
    } else {
        let rows: Vec<Vec<Option<f64>>> = rows
            .iter()
            .map(|r| r.as_array().unwrap().iter().map(Value::as_f64).collect())
            .collect();
        let declared: Option<Vec<f64>> = case["categories"]
            .as_array()
            .map(|c| c.iter().map(|v| v.as_f64().unwrap()).collect());
        CategoricalRatings::from_numbers(&Ratings::from_rows(rows).unwrap(), declared.as_deref())
            .unwrap()
    }
}

fn coefficient(name: &str) -> ChanceCorrected {
    name.parse().unwrap()
}

#[test]
fn every_coefficient_agrees_with_irrcac() {
    let fixtures = fixtures();
    let mut worst: std::collections::BTreeMap<String, f64> = std::collections::BTreeMap::new();
    let mut compared = 0;
    for case in fixtures["cases"].as_array().unwrap() {
        let data = data(case);
        for expected in case["results"].as_array().unwrap() {
            let which = coefficient(expected["coefficient"].as_str().unwrap());
            let weights: Weighting = expected["weights"].as_str().unwrap().parse().unwrap();
            let label = format!("{} {:?} {:?}", case["name"], which, weights);
            let got =
                chance_corrected(&data, which, weights).unwrap_or_else(|e| panic!("{label}: {e}"));
            let p = if which == ChanceCorrected::BrennanPrediger {
                2.0
            } else {
                1.0
            } * expected["p_value"].as_f64().unwrap();
            let pairs = [
                ("value", got.value, expected["value"].as_f64().unwrap()),
                (
                    "pa",
                    got.percent_agreement,
                    expected["pa"].as_f64().unwrap(),
                ),
                ("pe", got.chance_agreement, expected["pe"].as_f64().unwrap()),
                ("se", got.standard_error, expected["se"].as_f64().unwrap()),
                ("lower", got.ci95_lower, expected["ci"][0].as_f64().unwrap()),
                ("upper", got.ci95_upper, expected["ci"][1].as_f64().unwrap()),
                ("p", got.p_value.unwrap_or(1.0), p.min(1.0)),
            ];
            for (what, a, b) in pairs {
                let diff = (a - b).abs();
                // irrCAC's interval and p-value rest on SciPy's t quantile and distribution,
                // good to about 1e-8 (its betainc at its own t(0.975, 39) is 0.0500000009);
                // the crate solves the quantile to 1e-14.
                let tolerance = if matches!(what, "lower" | "upper" | "p") {
                    1e-8
                } else {
                    1e-9
                };
                assert!(diff < tolerance, "{label} {what}: {a} vs irrCAC {b}");
                let key = format!("{:?} {what}", which);
                let entry = worst.entry(key).or_insert(0.0);
                *entry = entry.max(diff);
            }
            compared += 1;
        }
    }
    assert_eq!(compared, 380);
    // The worst differences, for the issue note: `cargo test --test integration agreement -- --nocapture`.
    for (what, diff) in worst {
        println!("worst difference {what}: {diff:.1e}");
    }
}

fn relabel_case() -> impl Strategy<Value = (Vec<Vec<Option<u8>>>, Vec<usize>)> {
    (2usize..5, 3usize..20).prop_flat_map(|(raters, units)| {
        (
            prop::collection::vec(
                prop::collection::vec(prop::option::weighted(0.85, 0u8..4), raters),
                units,
            ),
            Just((0..4).collect::<Vec<usize>>()).prop_shuffle(),
        )
    })
}

proptest! {
    /// Relabelling the categories (a permutation of the names) changes no unweighted
    /// coefficient; transposing the input (rater rows instead of unit rows) changes nothing.
    #[test]
    fn relabelling_and_transposing_change_nothing((rows, permutation) in relabel_case()) {
        let names = ["alpha", "beta", "gamma", "delta"];
        let labelled = |map: &dyn Fn(u8) -> &'static str| -> Vec<Vec<Option<&'static str>>> {
            rows.iter().map(|r| r.iter().map(|v| v.map(map)).collect()).collect()
        };
        let plain = labelled(&|v| names[usize::from(v)]);
        let renamed = labelled(&|v| names[permutation[usize::from(v)]]);
        let a = CategoricalRatings::from_labels(&plain, Some(&names)).unwrap();
        let b = CategoricalRatings::from_labels(&renamed, Some(&names)).unwrap();
        let columns: Vec<Vec<Option<&str>>> = (0..plain[0].len()).map(|g| plain.iter().map(|r| r[g]).collect()).collect();
        let c = CategoricalRatings::from_label_columns(&columns, Some(&names)).unwrap();
        for which in ChanceCorrected::ALL {
            let x = chance_corrected(&a, *which, Weighting::Identity);
            let y = chance_corrected(&b, *which, Weighting::Identity);
            let z = chance_corrected(&c, *which, Weighting::Identity);
            match (x, y, z) {
                (Ok(x), Ok(y), Ok(z)) => {
                    prop_assert!((x.value - y.value).abs() < 1e-12, "{:?}: {} vs {}", which, x.value, y.value);
                    prop_assert!((x.standard_error - y.standard_error).abs() < 1e-12);
                    prop_assert_eq!(x, z);
                }
                (Err(x), Err(y), Err(z)) => {
                    prop_assert_eq!(x.code(), y.code());
                    prop_assert_eq!(x, z);
                }
                (x, y, _) => prop_assert!(false, "{:?}: {:?} vs {:?}", which, x, y),
            }
        }
    }

    /// Whatever the data, a coefficient is finite or a typed error, never NaN or a panic.
    #[test]
    fn degenerate_data_give_a_value_or_a_typed_error(rows in prop::collection::vec(prop::collection::vec(prop::option::of(0u8..3), 1..4), 1..6)) {
        let width = rows[0].len();
        let rows: Vec<Vec<Option<f64>>> = rows.into_iter().map(|mut r| { r.resize(width, None); r.into_iter().map(|v| v.map(f64::from)).collect() }).collect();
        let Ok(ratings) = Ratings::from_rows(rows) else { return Ok(()) };
        let Ok(data) = CategoricalRatings::from_numbers(&ratings, Some(&[0.0, 1.0, 2.0])) else { return Ok(()) };
        for which in ChanceCorrected::ALL {
            for weights in Weighting::ALL {
                match chance_corrected(&data, *which, *weights) {
                    Ok(a) => prop_assert!(a.value.is_finite() && a.standard_error.is_finite() && a.ci95_lower.is_finite()),
                    Err(e) => prop_assert!(["undefined", "invalid_data"].contains(&e.code()), "{e}"),
                }
            }
        }
    }
}

#[test]
fn labels_outside_the_declared_list_are_named() {
    let error = CategoricalRatings::from_labels(
        &[vec![Some("good"), Some("grand")]],
        Some(&["poor", "good"]),
    )
    .unwrap_err();
    assert_eq!(
        error.to_string(),
        "categorical ratings: unit 0, rater 1: `grand` is not a declared category (poor, good)"
    );
    let one = CategoricalRatings::from_labels(
        &[
            vec![Some("good"), Some("good")],
            vec![Some("good"), Some("good")],
        ],
        None,
    )
    .unwrap();
    assert_eq!(
        chance_corrected(&one, ChanceCorrected::Fleiss, Weighting::Identity)
            .unwrap_err()
            .code(),
        "undefined"
    );
}

#[test]
fn cohens_kappa_and_its_standard_errors_agree_with_statsmodels() {
    use igf_rubric::reliability::{ContingencyTable, KappaWeights, cohen};
    let fixtures: Value = serde_json::from_str(
        &std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/kappa.json"
        ))
        .unwrap(),
    )
    .unwrap();
    let mut worst = 0.0_f64;
    let mut compared = 0;
    for case in fixtures["cases"].as_array().unwrap() {
        let table = match case["pairs"].as_array() {
            // Pairs of numbers on unevenly spaced categories: the weights use the values.
            Some(pairs) => {
                let rows: Vec<Vec<Option<f64>>> = pairs
                    .iter()
                    .map(|p| vec![p[0].as_f64(), p[1].as_f64()])
                    .collect();
                let values: Vec<f64> = case["values"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|v| v.as_f64().unwrap())
                    .collect();
                let ratings = CategoricalRatings::from_numbers(
                    &Ratings::from_rows(rows).unwrap(),
                    Some(&values),
                )
                .unwrap();
                ContingencyTable::from_ratings(&ratings).unwrap()
            }
            None => {
                let counts: Vec<Vec<u64>> = case["table"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|r| {
                        r.as_array()
                            .unwrap()
                            .iter()
                            .map(|c| c.as_u64().unwrap())
                            .collect()
                    })
                    .collect();
                ContingencyTable::new(counts, None).unwrap()
            }
        };
        let expected_counts: Vec<Vec<u64>> = case["table"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| {
                r.as_array()
                    .unwrap()
                    .iter()
                    .map(|c| c.as_u64().unwrap())
                    .collect()
            })
            .collect();
        assert_eq!(table.counts(), expected_counts.as_slice());
        for expected in case["results"].as_array().unwrap() {
            let weights: KappaWeights = expected["weights"].as_str().unwrap().parse().unwrap();
            let got = cohen(&table, weights).unwrap();
            let pairs = [
                (got.value, &expected["kappa"]),
                (got.ase, &expected["ase"]),
                (got.ase0, &expected["ase0"]),
                (got.ci95_lower, &expected["lower"]),
                (got.ci95_upper, &expected["upper"]),
                (got.z, &expected["z"]),
                (got.p_value, &expected["p_value"]),
            ];
            for (a, b) in pairs {
                let b = b.as_f64().unwrap();
                let diff = (a - b).abs() / b.abs().max(1.0);
                assert!(
                    diff < 1e-9,
                    "{} {weights:?}: {a} vs statsmodels {b}",
                    case["name"]
                );
                worst = worst.max(diff);
            }
            compared += 1;
        }
    }
    assert_eq!(compared, 48);
    println!("worst relative difference from statsmodels: {worst:.1e}");
}

proptest! {
    /// A subjects-by-categories count table gives what the ratings it counts give, for every
    /// coefficient that does not need rater identities.
    #[test]
    fn counts_give_what_the_ratings_give(rows in prop::collection::vec(prop::collection::vec(prop::option::weighted(0.8, 0u8..3), 3), 3..20)) {
        let names = ["low", "mid", "high"];
        let labelled: Vec<Vec<Option<&str>>> = rows.iter().map(|r| r.iter().map(|v| v.map(|v| names[usize::from(v)])).collect()).collect();
        let ratings = CategoricalRatings::from_labels(&labelled, Some(&names)).unwrap();
        let counted = CategoricalRatings::from_counts(&ratings.counts(), Some(&names)).unwrap();
        prop_assert_eq!(counted.counts(), ratings.counts());
        for which in [ChanceCorrected::Fleiss, ChanceCorrected::Gwet, ChanceCorrected::BrennanPrediger, ChanceCorrected::Krippendorff] {
            for weights in [Weighting::Identity, Weighting::Quadratic] {
                let (a, b) = (chance_corrected(&ratings, which, weights), chance_corrected(&counted, which, weights));
                match (a, b) {
                    (Ok(a), Ok(b)) => {
                        prop_assert!((a.value - b.value).abs() < 1e-12);
                        prop_assert!((a.standard_error - b.standard_error).abs() < 1e-12);
                    }
                    (Err(a), Err(b)) => prop_assert_eq!(a.code(), b.code()),
                    (a, b) => prop_assert!(false, "{:?} vs {:?}", a, b),
                }
            }
        }
    }
}

#[test]
fn fleiss_for_two_complete_raters_is_scotts_pi() {
    // Scott (1955): pi = (p_o - p_e) / (1 - p_e) with p_e from the pooled margins.
    let rows = [
        [0u8, 0],
        [0, 1],
        [1, 1],
        [2, 2],
        [1, 2],
        [0, 0],
        [2, 2],
        [1, 0],
    ];
    let labelled: Vec<Vec<Option<String>>> = rows
        .iter()
        .map(|r| r.iter().map(|v| Some(v.to_string())).collect())
        .collect();
    let data = CategoricalRatings::from_labels(&labelled, None).unwrap();
    let n = rows.len() as f64;
    let po = rows.iter().filter(|r| r[0] == r[1]).count() as f64 / n;
    let pooled: Vec<f64> = (0..3u8)
        .map(|k| rows.iter().flatten().filter(|v| **v == k).count() as f64 / (2.0 * n))
        .collect();
    let pe: f64 = pooled.iter().map(|p| p * p).sum();
    let pi = (po - pe) / (1.0 - pe);
    let fleiss = chance_corrected(&data, ChanceCorrected::Fleiss, Weighting::Identity).unwrap();
    assert!(
        (fleiss.value - pi).abs() < 1e-15,
        "{} vs {pi}",
        fleiss.value
    );
}

#[test]
fn the_sas_skin_condition_example() {
    use igf_rubric::reliability::{ContingencyTable, KappaWeights, cohen};
    // SAS/STAT User's Guide, PROC FREQ, "Agreement Study" (table 40.2): two dermatologists
    // rate 88 patients terrible / poor / marginal / clear. SAS prints simple kappa 0.3449,
    // ASE 0.0724, 95% limits 0.2030 and 0.4868; under H0 ASE 0.0612, Z 5.6366.
    let table = ContingencyTable::new(
        vec![
            vec![10, 4, 1, 0],
            vec![5, 10, 12, 2],
            vec![2, 4, 12, 5],
            vec![0, 2, 6, 13],
        ],
        Some(
            ["terrible", "poor", "marginal", "clear"]
                .map(str::to_owned)
                .to_vec(),
        ),
    )
    .unwrap();
    let kappa = cohen(&table, KappaWeights::Unweighted).unwrap();
    let shown = format!(
        "{:.4} {:.4} {:.4} {:.4} {:.4} {:.4}",
        kappa.value, kappa.ase, kappa.ci95_lower, kappa.ci95_upper, kappa.ase0, kappa.z
    );
    assert_eq!(shown, "0.3449 0.0724 0.2030 0.4868 0.0612 5.6366");
}
