//! Decision methods and weights against pymcdm and AHPy (fixtures from
//! `scripts/mcdm_fixtures.py`), and their laws.

use igf_rubric::Document;
use igf_rubric::decision::{
    CriterionType, DecisionMatrix, Method, Normalisation, PairwiseMatrix, PreferenceFunction,
    PriorityMethod, RankingDetails, Tables, ahp, critic, entropy, kendall_tau, promethee_ii,
    spearman_rho, topsis, vikor, weighted_product, weighted_sum,
};
use proptest::prelude::*;
use serde_json::Value;

use crate::common::floats;

fn fixtures() -> Value {
    crate::common::fixture("mcdm.json")
}

fn matrix(case: &Value) -> DecisionMatrix {
    let values: Vec<Vec<f64>> = case["matrix"]
        .as_array()
        .unwrap()
        .iter()
        .map(floats)
        .collect();
    let types = case["types"].as_array().unwrap();
    let criteria = types
        .iter()
        .enumerate()
        .map(|(j, t)| {
            (
                format!("c{j}"),
                if t.as_i64() == Some(1) {
                    CriterionType::Benefit
                } else {
                    CriterionType::Cost
                },
            )
        })
        .collect();
    let subjects = (0..values.len()).map(|i| format!("s{i}")).collect();
    DecisionMatrix::new(subjects, criteria, values).unwrap()
}

#[test]
fn every_method_agrees_with_pymcdm() {
    let fixtures = fixtures();
    let mut worst: std::collections::BTreeMap<&str, f64> = std::collections::BTreeMap::new();
    for case in fixtures["matrices"].as_array().unwrap() {
        let m = matrix(case);
        let w = floats(&case["weights"]);
        let (q, p) = (floats(&case["q"]), floats(&case["p"]));
        let prefs = |f: &dyn Fn(f64, f64) -> PreferenceFunction| -> Vec<PreferenceFunction> {
            q.iter().zip(&p).map(|(q, p)| f(*q, *p)).collect()
        };
        let ours = [
            ("topsis_minmax", topsis(&m, &w, Normalisation::MinMax)),
            ("topsis_vector", topsis(&m, &w, Normalisation::Vector)),
            ("weighted_sum", weighted_sum(&m, &w, Normalisation::Sum)),
            (
                "weighted_product",
                weighted_product(&m, &w, Normalisation::Sum),
            ),
            ("vikor_0.5", vikor(&m, &w, 0.5)),
            ("vikor_0.3", vikor(&m, &w, 0.3)),
            (
                "promethee_usual",
                promethee_ii(&m, &w, &prefs(&|_, _| PreferenceFunction::Usual)),
            ),
            (
                "promethee_ushape",
                promethee_ii(&m, &w, &prefs(&|q, _| PreferenceFunction::UShape { q })),
            ),
            (
                "promethee_vshape",
                promethee_ii(&m, &w, &prefs(&|_, p| PreferenceFunction::VShape { p })),
            ),
            (
                "promethee_level",
                promethee_ii(&m, &w, &prefs(&|q, p| PreferenceFunction::Level { q, p })),
            ),
            (
                "promethee_linear",
                promethee_ii(&m, &w, &prefs(&|q, p| PreferenceFunction::Linear { q, p })),
            ),
        ];
        for (name, result) in ours {
            let result = result.unwrap_or_else(|e| panic!("{} {name}: {e}", case["name"]));
            let expected = floats(&case["scores"][name]);
            for (a, b) in result.scores.iter().zip(&expected) {
                let diff = (a - b).abs();
                assert!(diff < 1e-12, "{} {name}: {a} vs pymcdm {b}", case["name"]);
                let entry = worst.entry(name).or_insert(0.0);
                *entry = entry.max(diff);
            }
        }
        for (name, ours, expected) in [
            ("entropy", entropy(&m).unwrap(), &case["entropy"]),
            ("critic", critic(&m).unwrap(), &case["critic"]),
        ] {
            for (a, b) in ours.values.iter().zip(floats(expected)) {
                assert!(
                    (a - b).abs() < 1e-12,
                    "{} {name}: {a} vs pymcdm {b}",
                    case["name"]
                );
                let entry = worst.entry(name).or_insert(0.0);
                *entry = entry.max((a - b).abs());
            }
        }
    }
    for (name, diff) in worst {
        println!("worst difference from pymcdm, {name}: {diff:.1e}");
    }
}

#[test]
fn ahp_agrees_with_ahpy() {
    let fixtures = fixtures();
    let (mut worst_w, mut worst_lambda) = (0.0_f64, 0.0_f64);
    for case in fixtures["ahp"].as_array().unwrap() {
        let comparisons = PairwiseMatrix::from_upper(&floats(&case["upper"])).unwrap();
        let weights = ahp(&comparisons, PriorityMethod::Eigenvector).unwrap();
        for (a, b) in weights.values.iter().zip(floats(&case["weights"])) {
            assert!((a - b).abs() < 1e-9, "{}: {a} vs AHPy {b}", case["name"]);
            worst_w = worst_w.max((a - b).abs());
        }
        let consistency = weights.consistency.unwrap();
        let lambda = case["lambda_max"].as_f64().unwrap();
        assert!(
            (consistency.lambda_max - lambda).abs() < 1e-9,
            "{}: {} vs {lambda}",
            case["name"],
            consistency.lambda_max
        );
        worst_lambda = worst_lambda.max((consistency.lambda_max - lambda).abs());
        assert_eq!(consistency.acceptable, consistency.ratio <= 0.10);
    }
    println!("worst difference from AHPy: weights {worst_w:.1e}, lambda_max {worst_lambda:.1e}");
}

#[test]
fn incomplete_matrices_are_completed_as_ahpy_completes_them() {
    // AHPy stops its cyclic coordinates when the completed values move by less than 1e-4, so
    // the comparison is to that precision; lambda_max is flat at the optimum, so closer.
    let fixtures = fixtures();
    let (mut worst_value, mut worst_w, mut worst_lambda) = (0.0_f64, 0.0_f64, 0.0_f64);
    for case in fixtures["ahp_incomplete"].as_array().unwrap() {
        let upper: Vec<Option<f64>> = case["upper"]
            .as_array()
            .unwrap()
            .iter()
            .map(Value::as_f64)
            .collect();
        let comparisons = PairwiseMatrix::from_upper_partial(&upper).unwrap();
        let weights = ahp(&comparisons, PriorityMethod::Eigenvector).unwrap();
        let expected = case["completed"].as_array().unwrap();
        assert_eq!(weights.completed.len(), expected.len(), "{}", case["name"]);
        for (got, want) in weights.completed.iter().zip(expected) {
            assert_eq!(
                (got.row, got.column),
                (
                    want["row"].as_u64().unwrap() as usize,
                    want["column"].as_u64().unwrap() as usize
                )
            );
            let want = want["value"].as_f64().unwrap();
            let relative = (got.value - want).abs() / want;
            assert!(
                relative < 1e-3,
                "{}: {} vs AHPy {want}",
                case["name"],
                got.value
            );
            worst_value = worst_value.max(relative);
        }
        for (a, b) in weights.values.iter().zip(floats(&case["weights"])) {
            assert!((a - b).abs() < 1e-4, "{}: {a} vs AHPy {b}", case["name"]);
            worst_w = worst_w.max((a - b).abs());
        }
        let lambda = case["lambda_max"].as_f64().unwrap();
        let ours = weights.consistency.unwrap().lambda_max;
        assert!(
            ours <= lambda + 1e-9,
            "{}: {ours} vs AHPy {lambda}",
            case["name"]
        );
        assert!(
            (ours - lambda).abs() < 1e-6,
            "{}: {ours} vs AHPy {lambda}",
            case["name"]
        );
        worst_lambda = worst_lambda.max((ours - lambda).abs());
    }
    println!(
        "worst difference from AHPy's completion: values {worst_value:.1e} (relative), weights \
         {worst_w:.1e}, lambda_max {worst_lambda:.1e}"
    );
}

#[test]
fn saatys_worked_example_and_the_geometric_mean() {
    // A near-consistent 3 x 3 matrix: the eigenvector and the row geometric mean agree to four
    // places (they part for less consistent matrices); CR = 0.0193 / 0.58.
    let comparisons = PairwiseMatrix::from_upper(&[3.0, 5.0, 3.0]).unwrap();
    let eigen = ahp(&comparisons, PriorityMethod::Eigenvector).unwrap();
    let geometric = ahp(&comparisons, PriorityMethod::GeometricMean).unwrap();
    assert_eq!(
        format!(
            "{:.4} {:.4} {:.4}",
            eigen.values[0], eigen.values[1], eigen.values[2]
        ),
        "0.6370 0.2583 0.1047"
    );
    assert_eq!(
        format!(
            "{:.4} {:.4} {:.4}",
            geometric.values[0], geometric.values[1], geometric.values[2]
        ),
        "0.6370 0.2583 0.1047"
    );
    let c = eigen.consistency.unwrap();
    assert_eq!(
        format!("{:.4} {:.4} {:.4}", c.lambda_max, c.index, c.ratio),
        "3.0385 0.0193 0.0332"
    );
    assert!(c.acceptable);
    let inconsistent = ahp(
        &PairwiseMatrix::from_upper(&[9.0, 1.0 / 9.0, 9.0]).unwrap(),
        PriorityMethod::Eigenvector,
    )
    .unwrap();
    let verdict = inconsistent.consistency.unwrap();
    assert!(!verdict.acceptable);
    assert!(
        verdict.verdict.starts_with("inconsistent: CR = "),
        "{}",
        verdict.verdict
    );
    // One side of a comparison given: the other is its reciprocal.
    let half =
        PairwiseMatrix::new(vec![vec![Some(1.0), None], vec![Some(0.5), Some(1.0)]]).unwrap();
    assert!(half.missing().is_empty());
    let off_scale = PairwiseMatrix::from_upper(&[12.0]).unwrap_err();
    assert!(off_scale.to_string().contains("outside Saaty's 1/9 .. 9"));
}

fn case() -> impl Strategy<Value = (Vec<Vec<f64>>, Vec<f64>, f64)> {
    (2usize..8, 2usize..5).prop_flat_map(|(m, n)| {
        (
            prop::collection::vec(prop::collection::vec(1.0f64..10.0, n), m),
            prop::collection::vec(0.1f64..3.0, n),
            0.1f64..20.0,
        )
    })
}

fn benefit_matrix(values: Vec<Vec<f64>>) -> DecisionMatrix {
    let n = values[0].len();
    DecisionMatrix::new(
        (0..values.len()).map(|i| format!("s{i}")).collect(),
        (0..n)
            .map(|j| (format!("c{j}"), CriterionType::Benefit))
            .collect(),
        values,
    )
    .unwrap()
}

proptest! {
    /// Weights from the data are non-negative and sum to 1.
    #[test]
    fn derived_weights_are_a_distribution((values, _, _) in case()) {
        let m = benefit_matrix(values);
        for weights in [entropy(&m), critic(&m)].into_iter().flatten() {
            prop_assert!(weights.values.iter().all(|w| *w >= 0.0));
            prop_assert!((weights.values.iter().sum::<f64>() - 1.0).abs() < 1e-12);
            let decimals = weights.to_decimals(4).unwrap();
            prop_assert_eq!(decimals.iter().sum::<igf_rubric::Decimal>(), igf_rubric::Decimal::ONE);
        }
    }

    /// Scaling a benefit criterion by a positive constant changes no TOPSIS (min-max or vector)
    /// or VIKOR rank.
    #[test]
    fn scaling_a_criterion_changes_no_rank((values, weights, factor) in case()) {
        let scaled: Vec<Vec<f64>> = values.iter().map(|r| { let mut r = r.clone(); r[0] *= factor; r }).collect();
        let (a, b) = (benefit_matrix(values), benefit_matrix(scaled));
        for normalisation in [Normalisation::MinMax, Normalisation::Vector] {
            prop_assert_eq!(topsis(&a, &weights, normalisation).unwrap().ranks, topsis(&b, &weights, normalisation).unwrap().ranks);
        }
        prop_assert_eq!(vikor(&a, &weights, 0.5).unwrap().ranks, vikor(&b, &weights, 0.5).unwrap().ranks);
    }

    /// A subject that dominates another (at least as good everywhere, better somewhere) is
    /// never ranked below it by weighted sum, weighted product or TOPSIS.
    #[test]
    fn a_dominating_subject_is_never_ranked_below((mut values, weights, bump) in case()) {
        let better: Vec<f64> = values[0].iter().enumerate().map(|(j, v)| if j == 0 { v + bump } else { *v }).collect();
        values.push(better);
        let m = benefit_matrix(values);
        let (top, base) = (m.subjects().len() - 1, 0);
        for result in [
            weighted_sum(&m, &weights, Normalisation::Sum).unwrap(),
            weighted_product(&m, &weights, Normalisation::Sum).unwrap(),
            topsis(&m, &weights, Normalisation::Vector).unwrap(),
            topsis(&m, &weights, Normalisation::MinMax).unwrap(),
        ] {
            prop_assert!(result.ranks[top] <= result.ranks[base], "{}: {:?}", result.method, result.ranks);
        }
    }

    /// Rank agreement is symmetric and 1 with itself.
    #[test]
    fn rank_agreement_is_symmetric((values, weights, _) in case()) {
        let m = benefit_matrix(values);
        let a = topsis(&m, &weights, Normalisation::Vector).unwrap().scores;
        let b = weighted_sum(&m, &weights, Normalisation::Sum).unwrap().scores;
        if let (Ok(x), Ok(y)) = (kendall_tau(&a, &b), kendall_tau(&b, &a)) {
            prop_assert!((x - y).abs() < 1e-12);
        }
        if let Ok(x) = spearman_rho(&a, &a) {
            prop_assert!((x - 1.0).abs() < 1e-12);
        }
    }
}

#[test]
fn degenerate_data_give_defined_results() {
    let one = benefit_matrix(vec![vec![3.0, 4.0]]);
    assert_eq!(
        topsis(&one, &[0.5, 0.5], Normalisation::MinMax)
            .unwrap()
            .ranks,
        [1]
    );
    assert_eq!(vikor(&one, &[0.5, 0.5], 0.5).unwrap().ranks, [1]);
    assert_eq!(
        promethee_ii(&one, &[0.5, 0.5], &[PreferenceFunction::Usual; 2])
            .unwrap()
            .scores,
        [0.0]
    );
    let constant = benefit_matrix(vec![vec![3.0, 4.0], vec![3.0, 5.0], vec![3.0, 1.0]]);
    assert_eq!(vikor(&constant, &[0.5, 0.5], 0.5).unwrap().ranks, [2, 1, 3]);
    assert_eq!(
        topsis(&constant, &[0.5, 0.5], Normalisation::MinMax)
            .unwrap()
            .ranks,
        [2, 1, 3]
    );
    assert_eq!(
        topsis(&constant, &[0.0, 0.0], Normalisation::MinMax)
            .unwrap_err()
            .code(),
        "invalid_data"
    );
    assert!(entropy(&benefit_matrix(vec![vec![2.0, 2.0], vec![2.0, 2.0]])).is_err());
    assert_eq!(
        kendall_tau(&[1.0, 2.0, 3.0], &[3.0, 2.0, 1.0]).unwrap(),
        -1.0
    );
    assert_eq!(
        spearman_rho(&[1.0, 2.0, 3.0], &[1.0, 2.0, 4.0]).unwrap(),
        1.0
    );
}

#[test]
fn one_at_a_time_finds_the_hand_computed_breakpoints() {
    use igf_rubric::decision::{Method, one_at_a_time};
    // a = (1, 0), b = (0, 1), c = (0.3, 0.3): by weighted sum a leads while w_x > 1/2, and c
    // beats the loser of a and b only when that one scores below 0.3.
    let m = benefit_matrix(vec![vec![1.0, 0.0], vec![0.0, 1.0], vec![0.3, 0.3]]);
    let method = Method::WeightedSum {
        normalisation: Normalisation::None,
    };
    let intervals = one_at_a_time(&m, &[0.6, 0.4], &method, 1).unwrap();
    let x = &intervals[0];
    assert_eq!(x.criterion, "c0");
    // The order a > b > c holds for w_x in (1/2, 0.7): b's 1 - w_x falls below c's 0.3 at 0.7.
    assert!(
        (x.order_holds.0 - 0.5).abs() < 1e-8 && (x.order_holds.1 - 0.7).abs() < 1e-8,
        "{:?}",
        x.order_holds
    );
    // The selection of a alone holds for w_x in (1/2, 1].
    assert!(
        (x.selection_holds.0 - 0.5).abs() < 1e-8 && x.selection_holds.1 == 1.0,
        "{:?}",
        x.selection_holds
    );
    let y = &intervals[1];
    assert!(
        (y.order_holds.0 - 0.3).abs() < 1e-8 && (y.order_holds.1 - 0.5).abs() < 1e-8,
        "{:?}",
        y.order_holds
    );
}

proptest! {
    /// Rank acceptability: each subject's rank shares sum to 1, each rank's shares over the
    /// subjects sum to 1 (no ties with sampled weights), and a seed repeats exactly.
    #[test]
    fn rank_acceptability_is_a_distribution_and_repeats((values, weights, _) in case(), seed in 0u64..1000) {
        use igf_rubric::decision::{Method, Sampling, rank_acceptability};
        let m = benefit_matrix(values);
        let method = Method::Topsis { normalisation: Normalisation::Vector };
        let sampling = Sampling::Uniform { spread: 0.3 };
        let a = rank_acceptability(&m, &weights, &method, 1, sampling, 200, seed).unwrap();
        let b = rank_acceptability(&m, &weights, &method, 1, sampling, 200, seed).unwrap();
        prop_assert_eq!(&a, &b);
        for row in &a.rank_probability {
            prop_assert!((row.iter().sum::<f64>() - 1.0).abs() < 1e-9);
        }
    }
}

/// Each score's rank by definition: one plus the number of strictly better scores.
fn ranks_by_definition(scores: &[f64], higher: bool) -> Vec<usize> {
    scores
        .iter()
        .map(|s| {
            1 + scores
                .iter()
                .filter(|o| if higher { *o > s } else { *o < s })
                .count()
        })
        .collect()
}

proptest! {
    /// Ranks by sorting equal the definition: one plus the number of strictly better scores.
    #[test]
    fn ranks_are_one_plus_the_strictly_better(scores in prop::collection::vec(0u8..6, 1..40), higher in any::<bool>()) {
        let scores: Vec<f64> = scores.into_iter().map(f64::from).collect();
        prop_assert_eq!(igf_rubric::decision::ranks(&scores, higher), ranks_by_definition(&scores, higher));
    }

    /// The same for scores a billionth apart, which the sort separates only in the lower
    /// half of their keys, around any base, of either sign.
    #[test]
    fn ranks_separate_close_scores(steps in prop::collection::vec(0u8..6, 1..60), base in -1e3f64..1e3, higher in any::<bool>()) {
        let scores: Vec<f64> = steps.into_iter().map(|k| base + f64::from(k) * 1e-9 * base.abs().max(1.0)).collect();
        prop_assert_eq!(igf_rubric::decision::ranks(&scores, higher), ranks_by_definition(&scores, higher));
    }

    /// Leaving the table out changes no score or rank; the table kept reproduces TOPSIS's
    /// distances. A cost under sum and max normalisation takes the reciprocal path.
    #[test]
    fn leaving_the_table_out_changes_nothing((values, weights, _) in case()) {
        let n = values[0].len();
        let m = DecisionMatrix::new(
            (0..values.len()).map(|i| format!("s{i}")).collect(),
            (0..n).map(|j| (format!("c{j}"), if j == 0 { CriterionType::Cost } else { CriterionType::Benefit })).collect(),
            values,
        ).unwrap();
        for normalisation in [Normalisation::None, Normalisation::MinMax, Normalisation::Vector, Normalisation::Sum, Normalisation::Max] {
            for method in [
                Method::WeightedSum { normalisation },
                Method::WeightedProduct { normalisation },
                Method::Topsis { normalisation },
            ] {
                let (Ok(full), Ok(lean)) = (method.rank(&m, &weights), method.rank_with(&m, &weights, Tables::Omit)) else {
                    continue;
                };
                prop_assert_eq!(&full.scores, &lean.scores);
                prop_assert_eq!(&full.ranks, &lean.ranks);
                match (full.details, lean.details) {
                    (RankingDetails::Topsis { weighted: Some(table), ideal, anti_ideal, to_ideal, .. }, RankingDetails::Topsis { weighted: None, .. }) => {
                        for (row, d) in table.iter_rows().zip(&to_ideal) {
                            let again = row.iter().zip(&ideal).map(|(x, h)| (x - h) * (x - h)).sum::<f64>().sqrt();
                            // The crate sums in four lanes, this in one: equal to a relative 1e-10.
                            prop_assert!((again - d).abs() <= 1e-10 * d.abs().max(1.0), "{again} vs {d}");
                            prop_assert!(row.iter().zip(&ideal).zip(&anti_ideal).all(|((x, h), l)| *l <= *x && *x <= *h));
                        }
                    }
                    (RankingDetails::Weighted { normalised: Some(_), .. }, RankingDetails::Weighted { normalised: None, .. }) => {}
                    other => prop_assert!(false, "{other:?}"),
                }
            }
        }
    }
}

#[test]
fn an_incomplete_matrix_is_completed_to_its_consistent_value() {
    // a12 = 2 and a23 = 3 given, a13 missing: the completion that minimises lambda_max is the
    // consistent a13 = 6, so CR = 0 and the weights are 6/10, 3/10, 1/10.
    let comparisons = PairwiseMatrix::from_upper_partial(&[Some(2.0), None, Some(3.0)]).unwrap();
    assert_eq!(comparisons.missing(), &[(0, 2)]);
    let w = ahp(&comparisons, PriorityMethod::Eigenvector).unwrap();
    assert!(
        (w.completed[0].value - 6.0).abs() < 1e-6,
        "{:?}",
        w.completed
    );
    assert_eq!((w.completed[0].row, w.completed[0].column), (1, 3));
    for (got, want) in w.values.iter().zip([0.6, 0.3, 0.1]) {
        assert!((got - want).abs() < 1e-7, "{:?}", w.values);
    }
    assert!(w.consistency.unwrap().ratio < 1e-9);
    // A criterion compared with nobody cannot be weighted.
    let lost = PairwiseMatrix::from_upper_partial(&[Some(2.0), None, None]).unwrap_err();
    assert!(
        lost.to_string().contains("criterion 3 is not compared"),
        "{lost}"
    );
}

/// A three-criterion rubric with weights derived by AHP from `upper`, rounded to 2 places.
fn weighted_rubric(upper: &[Option<f64>]) -> igf_rubric::Rubric {
    let scale = r#"{"type": "scale", "min": 1, "max": 5}"#;
    let rubric = igf_rubric::Rubric::from_json(&format!(
        r#"{{"id": "mini", "version": "1", "title": "Mini", "kind": "proposal", "criteria": [
            {{"id": "g", "name": "G", "weight": 1, "criteria": [
              {{"id": "a", "name": "A", "weight": 1, "metric": {scale}}},
              {{"id": "b", "name": "B", "weight": 1, "metric": {scale}}},
              {{"id": "c", "name": "C", "weight": 1, "metric": {scale}}}]}},
            {{"id": "d", "name": "D", "weight": 1, "metric": {scale}}}]}}"#
    ))
    .unwrap();
    let weights = ahp(
        &PairwiseMatrix::from_upper_partial(upper).unwrap(),
        PriorityMethod::Eigenvector,
    )
    .unwrap();
    let derivation = igf_rubric::rubric::WeightDerivation::new(
        Some("g"),
        vec!["a".into(), "b".into(), "c".into()],
        &weights,
        igf_rubric::rubric::WeightInputs::comparisons(upper).unwrap(),
        2,
        "test",
    )
    .unwrap();
    rubric.with_weights(derivation).unwrap()
}

#[test]
fn derived_weights_are_recorded_beside_them_and_checked_on_load() {
    // An incomplete matrix: a/c not compared, completed to the consistent 6.
    let rubric = weighted_rubric(&[Some(2.0), None, Some(3.0)]);
    let weights: Vec<String> = rubric.doc().criteria[0]
        .criteria
        .iter()
        .map(|c| c.weight.unwrap().to_string())
        .collect();
    assert_eq!(weights, ["0.60", "0.30", "0.10"]);
    let json = rubric.to_json().unwrap();
    assert_eq!(igf_rubric::Rubric::from_json(&json).unwrap(), rubric);
    let doc: Value = serde_json::from_str(&json).unwrap();
    assert_eq!(
        doc["weighting"][0]["inputs"]["upper"],
        serde_json::json!(["2", null, "3"])
    );

    // Each edit that breaks the record is refused, with where and why.
    let broken = |edit: &dyn Fn(&mut Value)| {
        let mut doc = doc.clone();
        edit(&mut doc);
        let error = igf_rubric::Rubric::from_json(&doc.to_string()).unwrap_err();
        (error.code(), error.to_string())
    };
    let (code, message) = broken(&|d| d["criteria"][0]["criteria"][1]["weight"] = "0.35".into());
    assert_eq!(code, "inconsistent");
    assert!(
        message.contains("criterion `b` has weight 0.35, but its derivation rounds to 0.30"),
        "{message}"
    );
    let (_, message) = broken(&|d| d["weighting"][0]["inputs"]["upper"][0] = "3".into());
    assert!(
        message.contains("weighting[0].derived") && message.contains("the inputs give"),
        "{message}"
    );
    let (_, message) = broken(&|d| d["weighting"][0]["criteria"][2] = "d".into());
    assert!(message.contains("weighting[0].criteria"), "{message}");
    let (_, message) = broken(&|d| {
        d["weighting"][0]["inputs"] = serde_json::json!({"kind": "ranks", "ranks": [1, 2, 3]})
    });
    assert!(message.contains("cannot give"), "{message}");
    let (code, _) = broken(&|d| d["weighting"][0]["group"] = "nowhere".into());
    assert_eq!(code, "unknown_criterion");
    let (_, message) = broken(&|d| d["weighting"][0]["group"] = "d".into());
    assert!(message.contains("is a leaf"), "{message}");
    let (_, message) = broken(&|d| {
        let again = d["weighting"][0].clone();
        d["weighting"].as_array_mut().unwrap().push(again);
    });
    assert!(message.contains("second derivation"), "{message}");
    let (_, message) = broken(&|d| d["weighting"][0]["derived"][0] = "0.7".into());
    assert!(message.contains("add up to"), "{message}");
}

/// A row-major buffer builds the same matrix as rows of vectors, and its mistakes are named.
#[test]
fn a_row_major_buffer_builds_the_same_matrix() {
    use igf_rubric::decision::{CriterionType, DecisionMatrix};
    let criteria = vec![
        ("cost".to_owned(), CriterionType::Cost),
        ("reach".to_owned(), CriterionType::Benefit),
    ];
    let names = vec!["a".to_owned(), "b".to_owned()];
    let rows = DecisionMatrix::new(
        names.clone(),
        criteria.clone(),
        vec![vec![3.0, -0.0], vec![2.0, 7.5]],
    )
    .unwrap();
    let flat =
        DecisionMatrix::from_row_major(Some(names), criteria.clone(), vec![3.0, -0.0, 2.0, 7.5])
            .unwrap();
    assert_eq!(rows, flat);
    assert!(flat.values().get(0, 1).is_sign_positive());
    let error =
        DecisionMatrix::from_row_major(None, criteria.clone(), vec![1.0, 2.0, f64::NAN, 4.0])
            .unwrap_err();
    assert!(
        error
            .to_string()
            .contains("subject `2`, criterion `cost`: the value is not a finite number"),
        "{error}"
    );
    let error = DecisionMatrix::from_row_major(None, criteria, vec![1.0, 2.0, 3.0]).unwrap_err();
    assert!(
        error
            .to_string()
            .contains("3 values are not a whole number of rows of 2"),
        "{error}"
    );
}

proptest! {
    /// Laws of building a matrix from a flat buffer, whatever the values: it is the matrix the
    /// rows build (its unnamed subjects numbered from 1), -0.0 is 0.0, every method ranks it
    /// as it ranks the rows' matrix, and a value that is not finite anywhere is refused with
    /// the subject and criterion of the first.
    #[test]
    fn a_flat_buffer_is_the_matrix_of_its_rows(
        rows in 1usize..6,
        cells in prop::collection::vec(
            prop_oneof![
                4 => -1e6f64..1e6,
                1 => Just(-0.0),
                1 => Just(0.0),
                1 => Just(1e300),
            ],
            24,
        ),
        spoil in prop::option::of((0usize..24, prop_oneof![
            Just(f64::NAN), Just(f64::INFINITY), Just(f64::NEG_INFINITY)
        ])),
    ) {
        use igf_rubric::decision::{CriterionType, DecisionMatrix, Method, Normalisation, Tables};
        let width = 4;
        let criteria: Vec<(String, CriterionType)> = (0..width)
            .map(|j| (format!("c{j}"), if j == 0 { CriterionType::Cost } else { CriterionType::Benefit }))
            .collect();
        let mut values: Vec<f64> = cells.into_iter().take(rows * width).collect();
        if let Some((at, bad)) = spoil.filter(|(at, _)| *at < values.len()) {
            values[at] = bad;
        }
        let flat = DecisionMatrix::from_row_major(None, criteria.clone(), values.clone());
        let names: Vec<String> = (1..=rows).map(|i| i.to_string()).collect();
        let by_rows = DecisionMatrix::new(
            names.clone(),
            criteria.clone(),
            values.chunks(width).map(<[f64]>::to_vec).collect(),
        );
        match values.iter().position(|v| !v.is_finite()) {
            Some(at) => {
                let expected = format!(
                    "subject `{}`, criterion `c{}`: the value is not a finite number",
                    at / width + 1,
                    at % width
                );
                prop_assert!(flat.unwrap_err().to_string().contains(&expected));
                prop_assert!(by_rows.unwrap_err().to_string().contains(&expected));
            }
            None => {
                let (flat, by_rows) = (flat.unwrap(), by_rows.unwrap());
                prop_assert_eq!(flat.len(), rows);
                prop_assert_eq!(&flat, &by_rows);
                prop_assert_eq!(flat.subjects(), &names[..]);
                prop_assert!(flat.values().iter_rows().flatten().all(|v| v.to_bits() != (-0.0f64).to_bits()));
                let weights = vec![0.25; width];
                for normalisation in [Normalisation::MinMax, Normalisation::Vector, Normalisation::None] {
                    let method = Method::Topsis { normalisation };
                    let a = method.rank_with(&flat, &weights, Tables::Omit);
                    let b = method.rank_with(&by_rows, &weights, Tables::Omit);
                    prop_assert_eq!(a.map(|r| r.scores).ok(), b.map(|r| r.scores).ok());
                }
            }
        }
    }
}
