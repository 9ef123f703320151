//! Every published convention the crate offers, checked against the package that uses it
//! (tests/fixtures/methods.json, from scripts/methods_fixtures.py with the versions recorded):
//! AHP's random index tables (AHPy, pymcdm), the weighted product's log10 score and VIKOR
//! through its compromise set (scikit-criteria), Cronbach's alpha with pairwise deletion
//! (pingouin), and AHP over alternatives (AHPy, with its published leader example).

use igf_rubric::decision::{
    AhpOptions, CriterionType, DecisionMatrix, Normalisation, PairwiseMatrix, PriorityMethod,
    RandomIndex, RankingDetails, Synthesis, ahp, ahp_alternatives, vikor, vikor_compromise,
    weighted_product,
};
use igf_rubric::reliability::{MissingRatings, Ratings, cronbach_alpha};
use serde_json::Value;

use crate::common::{fixture, floats};

fn fixtures() -> Value {
    fixture("methods.json")
}

/// A case's matrix, its criteria of the kinds named by `kind(j)`.
fn matrix_of(case: &Value, kind: impl Fn(usize) -> CriterionType) -> DecisionMatrix {
    let rows: Vec<Vec<f64>> = case["matrix"]
        .as_array()
        .unwrap()
        .iter()
        .map(floats)
        .collect();
    let n = rows[0].len();
    DecisionMatrix::new(
        (0..rows.len()).map(|i| format!("s{i}")).collect(),
        (0..n).map(|j| (format!("c{j}"), kind(j))).collect(),
        rows,
    )
    .unwrap()
}

fn close(what: &str, ours: f64, theirs: f64, tolerance: f64) {
    assert!(
        (ours - theirs).abs() <= tolerance,
        "{what}: ours {ours}, theirs {theirs}"
    );
}

/// The comparisons above the diagonal, those at `missing` (row, column) left out.
fn partial(upper: &[f64], missing: &[(usize, usize)]) -> PairwiseMatrix {
    let n = (1..64).find(|n| n * (n - 1) / 2 == upper.len()).unwrap();
    let mut given = Vec::new();
    let mut next = upper.iter();
    for i in 0..n {
        for j in i + 1..n {
            let v = *next.next().unwrap();
            given.push((!missing.contains(&(i, j))).then_some(v));
        }
    }
    PairwiseMatrix::from_upper_partial(&given).unwrap()
}

#[test]
fn consistency_ratios_match_ahpy_and_pymcdm_under_their_tables() {
    let mut compared = 0;
    for case in fixtures()["random_index"].as_array().unwrap() {
        let n = case["n"].as_u64().unwrap();
        let matrix = PairwiseMatrix::from_upper(&floats(&case["upper"])).unwrap();
        for (key, table) in [
            ("ahpy_saaty", RandomIndex::Saaty2005),
            ("ahpy_dd", RandomIndex::DoneganDodd1991),
            ("pymcdm_tummala_ling", RandomIndex::TummalaLing1998),
        ] {
            let Some(expected) = case.get(key) else {
                continue;
            };
            let weights =
                ahp(&matrix, AhpOptions::new(PriorityMethod::Eigenvector, table)).unwrap();
            let consistency = weights.consistency.as_ref().unwrap();
            assert_eq!(consistency.random_index_table, table);
            // AHPy rounds its ratio and weights to 10 places.
            close(
                &format!("n = {n}, {key}: CR"),
                consistency.ratio,
                expected["cr"].as_f64().unwrap(),
                1e-9,
            );
            if let Some(theirs) = expected.get("weights") {
                for (a, b) in weights.values.iter().zip(floats(theirs)) {
                    close(&format!("n = {n}, {key}: weight"), *a, b, 1e-9);
                }
            }
            compared += 1;
        }
    }
    assert!(compared >= 30, "{compared} ratios compared");
}

#[test]
fn the_weighted_products_log_score_matches_scikit_criteria() {
    for case in fixtures()["wpm"].as_array().unwrap() {
        let matrix = matrix_of(case, |_| CriterionType::Benefit);
        let ranking =
            weighted_product(&matrix, &floats(&case["weights"]), Normalisation::None).unwrap();
        let RankingDetails::Weighted {
            log10_scores: Some(logs),
            ..
        } = &ranking.details
        else {
            panic!("no log scores: {:?}", ranking.details);
        };
        for ((ours, theirs), score) in logs
            .iter()
            .zip(floats(&case["log10_scores"]))
            .zip(&ranking.scores)
        {
            let ours = ours.unwrap();
            close("log10 score", ours, theirs, 1e-9);
            close(
                "product",
                *score,
                10f64.powf(theirs),
                1e-9 * score.abs().max(1e-300),
            );
        }
        let ranks: Vec<usize> = floats(&case["ranks"]).iter().map(|r| *r as usize).collect();
        assert_eq!(ranking.ranks, ranks);
    }
}

#[test]
fn vikor_matches_scikit_criteria_by_q_and_through_the_compromise_set() {
    let mut compared = 0;
    for case in fixtures()["vikor"].as_array().unwrap() {
        let matrix = matrix_of(case, |j| {
            if case["objectives"][j] == "cost" {
                CriterionType::Cost
            } else {
                CriterionType::Benefit
            }
        });
        let weights = floats(&case["weights"]);
        let through_set = case["use_compromise_set"].as_bool().unwrap();
        let ranking = if through_set {
            vikor_compromise(&matrix, &weights, 0.5).unwrap()
        } else {
            vikor(&matrix, &weights, 0.5).unwrap()
        };
        for (a, b) in ranking.scores.iter().zip(floats(&case["q"])) {
            close("Q", *a, b, 1e-9);
        }
        let RankingDetails::Vikor { compromise, .. } = &ranking.details else {
            panic!("not VIKOR's details");
        };
        let mut ours = compromise.clone();
        ours.sort_unstable();
        let theirs: Vec<usize> = floats(&case["compromise_set"])
            .iter()
            .map(|i| *i as usize)
            .collect();
        assert_eq!(ours, theirs, "compromise set of {case}");
        let ranks: Vec<usize> = floats(&case["ranks"]).iter().map(|r| *r as usize).collect();
        assert_eq!(
            ranking.ranks, ranks,
            "ranks (through the set: {through_set})"
        );
        compared += 1;
    }
    assert!(compared >= 20);
}

#[test]
fn cronbachs_alpha_with_pairwise_deletion_matches_pingouin() {
    for case in fixtures()["cronbach_pairwise"].as_array().unwrap() {
        let rows: Vec<Vec<Option<f64>>> = case["rows"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r.as_array().unwrap().iter().map(Value::as_f64).collect())
            .collect();
        let alpha =
            cronbach_alpha(&Ratings::from_rows(rows).unwrap(), MissingRatings::Pairwise).unwrap();
        close("alpha", alpha.value, case["alpha"].as_f64().unwrap(), 1e-9);
        // pingouin rounds its interval to three places.
        let ci = floats(&case["ci95_rounded"]);
        close("lower", alpha.ci95_lower, ci[0], 5e-4 + 1e-12);
        close("upper", alpha.ci95_upper, ci[1], 5e-4 + 1e-12);
    }
}

#[test]
fn ahp_over_alternatives_matches_ahpy() {
    for case in fixtures()["ahp_alternatives"].as_array().unwrap() {
        let name = case["name"].as_str().unwrap();
        let missing: Vec<(usize, usize)> = case["missing"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| {
                (
                    p[0].as_u64().unwrap() as usize,
                    p[1].as_u64().unwrap() as usize,
                )
            })
            .collect();
        let criteria = PairwiseMatrix::from_upper(&floats(&case["criteria_upper"])).unwrap();
        let alternatives: Vec<PairwiseMatrix> = case["alternatives_upper"]
            .as_array()
            .unwrap()
            .iter()
            .enumerate()
            .map(|(j, upper)| partial(&floats(upper), if j == 0 { &missing } else { &[] }))
            .collect();
        let result = ahp_alternatives(
            &criteria,
            &alternatives,
            PriorityMethod::Eigenvector,
            Synthesis::Distributive,
        )
        .unwrap();
        // AHPy rounds each local weight to 10 places before it multiplies them; it completes
        // a missing comparison with scipy's bounded minimisation, which stops at its default
        // xatol of 1e-5 on a flat optimum, where the crate converges to 1e-15.
        let tolerance = if missing.is_empty() { 1e-9 } else { 1e-6 };
        for (a, b) in result
            .criteria
            .values
            .iter()
            .zip(floats(&case["criteria_weights"]))
        {
            close(&format!("{name}: criterion weight"), *a, b, 1e-9);
        }
        for (ours, theirs) in result.local.iter().zip(case["local"].as_array().unwrap()) {
            for (a, b) in ours.values.iter().zip(floats(theirs)) {
                close(&format!("{name}: local priority"), *a, b, tolerance);
            }
        }
        for (a, b) in result.global.iter().zip(floats(&case["global"])) {
            close(&format!("{name}: global priority"), *a, b, tolerance);
        }
    }
}

/// AHPy's published leader example (its README, from an older version of Wikipedia's AHP
/// appendix): target weights Nell 0.493, Moll 0.358, Sue 0.15; experience CR 0.035 and the
/// criteria's 0.044 under Saaty's 2005 table, at AHPy's three places.
#[test]
fn ahpys_published_leader_example() {
    let saaty = AhpOptions::new(PriorityMethod::Eigenvector, RandomIndex::Saaty2005);
    let criteria = PairwiseMatrix::from_upper(&[4.0, 3.0, 7.0, 1.0 / 3.0, 3.0, 5.0]).unwrap();
    let alternatives = [
        PairwiseMatrix::from_upper(&[1.0 / 4.0, 4.0, 9.0]).unwrap(),
        PairwiseMatrix::from_upper(&[3.0, 1.0 / 5.0, 1.0 / 7.0]).unwrap(),
        PairwiseMatrix::from_upper(&[5.0, 9.0, 4.0]).unwrap(),
        PairwiseMatrix::from_upper(&[1.0 / 3.0, 5.0, 9.0]).unwrap(),
    ];
    let result =
        ahp_alternatives(&criteria, &alternatives, saaty, Synthesis::Distributive).unwrap();
    let shown: Vec<String> = result.global.iter().map(|g| format!("{g:.3}")).collect();
    assert_eq!(shown, ["0.358", "0.493", "0.149"]); // AHPy's 0.15 is 0.149 before rounding twice
    assert_eq!(result.ranks, [2, 1, 3]);
    let ratio =
        |w: &igf_rubric::decision::Weights| format!("{:.3}", w.consistency.as_ref().unwrap().ratio);
    assert_eq!(ratio(&result.local[0]), "0.035");
    assert_eq!(ratio(&result.criteria), "0.044");
    let criteria_weights: Vec<String> = result
        .criteria
        .values
        .iter()
        .map(|w| format!("{w:.3}"))
        .collect();
    assert_eq!(criteria_weights, ["0.548", "0.127", "0.270", "0.056"]);
    // The ideal mode keeps Nell first here, and its totals sum to 1 as well.
    let ideal = ahp_alternatives(&criteria, &alternatives, saaty, Synthesis::Ideal).unwrap();
    assert_eq!(ideal.ranks, [2, 1, 3]);
    close("ideal sum", ideal.global.iter().sum(), 1.0, 1e-12);
}

/// One meaning per name: `Linear` and `Quadratic` weigh the categories' values, so Cohen's
/// kappa from pairs on unevenly spaced categories equals statsmodels' (which takes the values);
/// scikit-learn's positions are the `…OnRanks` options, and the two part on such data.
#[test]
fn kappa_weights_use_category_values_as_statsmodels_does() {
    use igf_rubric::reliability::{KappaWeights, cohen_kappa};
    let kappa = fixture("kappa.json");
    let mut compared = 0;
    for case in kappa["cases"].as_array().unwrap() {
        let Some(pairs) = case["pairs"].as_array() else {
            continue;
        };
        let pairs: Vec<(f64, f64)> = pairs
            .iter()
            .map(|p| (p[0].as_f64().unwrap(), p[1].as_f64().unwrap()))
            .collect();
        for result in case["results"].as_array().unwrap() {
            let weights: KappaWeights = result["weights"].as_str().unwrap().parse().unwrap();
            let ours = cohen_kappa(&pairs, weights).unwrap();
            close(
                &format!("{} {weights:?}", case["name"]),
                ours,
                result["kappa"].as_f64().unwrap(),
                1e-9,
            );
            if weights != KappaWeights::Unweighted {
                let on_ranks = if weights == KappaWeights::Linear {
                    KappaWeights::LinearOnRanks
                } else {
                    KappaWeights::QuadraticOnRanks
                };
                let ranks = cohen_kappa(&pairs, on_ranks).unwrap();
                assert!(
                    (ranks - ours).abs() > 1e-6,
                    "uneven categories, yet ranks = values"
                );
            }
            compared += 1;
        }
    }
    assert!(compared >= 8, "{compared} kappas compared");
}

/// A rubric records which random index its consistency ratio divides by, and the ratio is
/// checked on load against the comparisons under that table.
#[test]
fn a_rubric_records_the_random_index_of_its_consistency_ratio() {
    use igf_rubric::rubric::{WeightDerivation, WeightInputs};
    use igf_rubric::{Document, Rubric};
    let scale = r#"{"type": "scale", "min": 1, "max": 5}"#;
    let criteria: Vec<String> = (0..4).map(|i| format!("c{i}")).collect();
    let members: Vec<String> = criteria
        .iter()
        .map(|id| format!(r#"{{"id": "{id}", "name": "{id}", "weight": 1, "metric": {scale}}}"#))
        .collect();
    let rubric = Rubric::from_json(&format!(
        r#"{{"id": "mini", "version": "1", "title": "Mini", "kind": "proposal", "criteria": [{}]}}"#,
        members.join(",")
    ))
    .unwrap();
    let upper = [
        Some(3.0),
        Some(5.0),
        Some(1.0 / 2.0),
        Some(2.0),
        Some(1.0 / 3.0),
        Some(4.0),
    ];
    let options = AhpOptions::new(PriorityMethod::Eigenvector, RandomIndex::DoneganDodd1991);
    let weights = ahp(
        &PairwiseMatrix::from_upper_partial(&upper).unwrap(),
        options,
    )
    .unwrap();
    let derivation = WeightDerivation::new(
        None,
        criteria,
        &weights,
        WeightInputs::comparisons(&upper).unwrap(),
        2,
        "",
    )
    .unwrap();
    assert_eq!(derivation.random_index, RandomIndex::DoneganDodd1991);
    let weighted = rubric.with_weights(derivation).unwrap();
    let text = weighted.to_json().unwrap();
    assert!(
        text.contains(r#""random_index": "donegan_dodd_1991""#),
        "{text}"
    );
    assert_eq!(Rubric::from_json(&text).unwrap(), weighted);
    // The same ratio claimed under Saaty's table does not hold.
    let claimed = text.replace(r#""random_index": "donegan_dodd_1991","#, "");
    let error = Rubric::from_json(&claimed).unwrap_err();
    assert_eq!(error.code(), "inconsistent");
    assert!(error.to_string().contains("Saaty (1980)"), "{error}");
}
