//! Reliability statistics against published examples and Python fixtures
//! (`tests/fixtures/reliability.json`, made by `scripts/reliability_fixtures.py`).

use igf_rubric::Error;
use igf_rubric::reliability::{
    KappaWeights, MeasurementLevel, Ratings, cohen_kappa, fleiss_kappa, intraclass_correlations,
    krippendorff_alpha,
};
use serde_json::Value;

const TOLERANCE: f64 = 1e-9;

fn fixtures() -> Value {
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/reliability.json");
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn number(v: &Value) -> f64 {
    v.as_f64().unwrap()
}

fn ratings(rows: &Value) -> Ratings {
    Ratings::from_rows(
        rows.as_array()
            .unwrap()
            .iter()
            .map(|row| row.as_array().unwrap().iter().map(Value::as_f64).collect())
            .collect(),
    )
    .unwrap()
}

/// Tracks the worst absolute difference seen and fails past the tolerance.
struct Worst(&'static str, f64);

impl Worst {
    #[track_caller]
    fn check(&mut self, what: &str, ours: f64, theirs: f64) {
        let diff = (ours - theirs).abs();
        assert!(
            diff <= TOLERANCE,
            "{}: {what}: ours {ours}, reference {theirs}",
            self.0
        );
        self.1 = self.1.max(diff);
    }
}

impl Drop for Worst {
    fn drop(&mut self) {
        eprintln!("{}: worst absolute difference {:e}", self.0, self.1);
    }
}

#[test]
fn krippendorff_alpha_matches_the_krippendorff_package() {
    let mut worst = Worst("krippendorff_alpha", 0.0);
    let levels = [
        ("nominal", MeasurementLevel::Nominal),
        ("ordinal", MeasurementLevel::Ordinal),
        ("interval", MeasurementLevel::Interval),
        ("ratio", MeasurementLevel::Ratio),
    ];
    let cases = fixtures()["krippendorff_alpha"].as_array().unwrap().clone();
    assert!(cases.len() >= 10);
    for case in &cases {
        let data = ratings(&case["units"]);
        for (name, level) in levels {
            let ours = krippendorff_alpha(&data, level).unwrap();
            worst.check(
                &format!("{} {name}", case["name"]),
                ours,
                number(&case["alpha"][name]),
            );
        }
    }
}

#[test]
fn krippendorff_published_example() {
    // Krippendorff (2011), "Computing Krippendorff's alpha-reliability", 4 coders x 12 units.
    let case = &fixtures()["krippendorff_alpha"][0];
    assert_eq!(case["name"], "krippendorff_2011");
    let data = ratings(&case["units"]);
    let shown = |level| format!("{:.3}", krippendorff_alpha(&data, level).unwrap());
    assert_eq!(shown(MeasurementLevel::Nominal), "0.743");
    assert_eq!(shown(MeasurementLevel::Ordinal), "0.815");
    assert_eq!(shown(MeasurementLevel::Interval), "0.849");
    assert_eq!(shown(MeasurementLevel::Ratio), "0.797");
}

#[test]
fn interval_alpha_does_not_lose_small_differences_between_large_values() {
    // Interval alpha is one-pass sums of squares; shifting every value by 1e9 must not
    // cancel the differences away (the sums are taken relative to the first value).
    let case = &fixtures()["krippendorff_alpha"][0];
    let near = ratings(&case["units"]);
    let far_rows: Vec<Vec<Option<f64>>> = near
        .rows_with_gaps()
        .map(|row| row.iter().map(|v| v.map(|x| x + 1e9)).collect())
        .collect();
    let far = Ratings::from_rows(far_rows).unwrap();
    let alpha = |data: &Ratings| krippendorff_alpha(data, MeasurementLevel::Interval).unwrap();
    assert!(
        (alpha(&near) - alpha(&far)).abs() < 1e-9,
        "{} vs {}",
        alpha(&near),
        alpha(&far)
    );
}

#[test]
fn intraclass_correlations_match_pingouin() {
    let mut worst = Worst("icc", 0.0);
    let cases = fixtures()["icc"].as_array().unwrap().clone();
    for case in &cases {
        let ours = intraclass_correlations(&ratings(&case["rows"])).unwrap();
        let theirs = case["icc"].as_array().unwrap();
        assert_eq!(ours.len(), theirs.len());
        for (o, t) in ours.iter().zip(theirs) {
            let what = format!("{} {} ({})", case["name"], o.name, t["type"]);
            worst.check(&format!("{what} value"), o.value, number(&t["value"]));
            worst.check(&format!("{what} F"), o.f, number(&t["f"]));
            worst.check(&format!("{what} df1"), o.df1, number(&t["df1"]));
            worst.check(&format!("{what} df2"), o.df2, number(&t["df2"]));
            worst.check(&format!("{what} p"), o.p_value, number(&t["p_value"]));
            worst.check(
                &format!("{what} ci lower"),
                o.ci95_lower,
                number(&t["ci95"][0]),
            );
            worst.check(
                &format!("{what} ci upper"),
                o.ci95_upper,
                number(&t["ci95"][1]),
            );
        }
    }
}

#[test]
fn kappas_match_statsmodels() {
    let mut worst = Worst("kappa", 0.0);
    let data = fixtures();
    for case in data["fleiss_kappa"].as_array().unwrap() {
        let table: Vec<Vec<u64>> = case["table"]
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
        worst.check(
            &format!("fleiss {}", case["name"]),
            fleiss_kappa(&table).unwrap(),
            number(&case["kappa"]),
        );
    }
    for case in data["cohen_kappa"].as_array().unwrap() {
        let pairs: Vec<(f64, f64)> = case["pairs"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| (number(&p[0]), number(&p[1])))
            .collect();
        // statsmodels without category values weighs their positions: the `…OnRanks` options.
        for (name, weights) in [
            ("unweighted", KappaWeights::Unweighted),
            ("linear", KappaWeights::LinearOnRanks),
            ("quadratic", KappaWeights::QuadraticOnRanks),
        ] {
            let ours = cohen_kappa(&pairs, weights).unwrap();
            worst.check(
                &format!("cohen {} {name}", case["name"]),
                ours,
                number(&case["kappa"][name]),
            );
        }
    }
}

fn undefined_or_invalid(result: Result<impl std::fmt::Debug, Error>) -> String {
    match result {
        Err(e @ (Error::Undefined { .. } | Error::InvalidData { .. })) => e.to_string(),
        other => panic!("expected a typed error, got {other:?}"),
    }
}

#[test]
fn degenerate_data_gives_typed_errors_never_nan() {
    let same =
        Ratings::from_rows(vec![vec![Some(3.0), Some(3.0)], vec![Some(3.0), Some(3.0)]]).unwrap();
    let one_rater = Ratings::from_rows(vec![vec![Some(1.0)], vec![Some(2.0)]]).unwrap();
    let one_unit = Ratings::from_rows(vec![vec![Some(1.0), Some(2.0), Some(4.0)]]).unwrap();
    let missing = Ratings::from_rows(vec![vec![None, None], vec![Some(1.0), None]]).unwrap();
    let cases = [
        (
            undefined_or_invalid(krippendorff_alpha(&same, MeasurementLevel::Interval)),
            "Krippendorff's alpha is undefined: every pairable value is the same (no variation)",
        ),
        (
            undefined_or_invalid(krippendorff_alpha(&one_rater, MeasurementLevel::Nominal)),
            "Krippendorff's alpha is undefined: fewer than two pairable values (no unit has two ratings)",
        ),
        (
            undefined_or_invalid(krippendorff_alpha(&missing, MeasurementLevel::Nominal)),
            "Krippendorff's alpha is undefined: fewer than two pairable values (no unit has two ratings)",
        ),
        (
            undefined_or_invalid(intraclass_correlations(&same)),
            "intraclass correlation is undefined: every rating is the same (no variation)",
        ),
        (
            undefined_or_invalid(intraclass_correlations(&one_rater)),
            "intraclass correlation: needs at least 2 units and 2 raters, found 2 complete units and 1 raters",
        ),
        (
            undefined_or_invalid(intraclass_correlations(&one_unit)),
            "intraclass correlation: needs at least 2 units and 2 raters, found 1 complete units and 3 raters",
        ),
        (
            undefined_or_invalid(intraclass_correlations(&missing)),
            "intraclass correlation: unit 0 has a missing rating; ICCs need every rater to rate every unit (or leave such units out with listwise deletion)",
        ),
        (
            undefined_or_invalid(fleiss_kappa(&[vec![3, 0], vec![3, 0]])),
            "Fleiss' kappa is undefined: every rating falls in one category (chance agreement is 1)",
        ),
        (
            undefined_or_invalid(fleiss_kappa(&[vec![3, 0], vec![2, 0]])),
            "Fleiss' kappa: subject 1 has 2 ratings, subject 0 has 3",
        ),
        (
            undefined_or_invalid(cohen_kappa(&[(1.0, 1.0), (1.0, 1.0)], KappaWeights::Linear)),
            "Cohen's kappa is undefined: chance disagreement is zero (one category throughout)",
        ),
        (
            undefined_or_invalid(cohen_kappa(&[], KappaWeights::Unweighted)),
            "Cohen's kappa: no pairs of ratings",
        ),
        (
            undefined_or_invalid(Ratings::from_rows(vec![vec![Some(f64::NAN)]])),
            "ratings: unit 0, rater 0: rating is not a finite number",
        ),
    ];
    for (actual, expected) in cases {
        assert_eq!(actual, expected);
    }
}

#[test]
fn panel_aggregates_match_numpy_and_scipy() {
    use igf_rubric::{
        Decimal,
        panel::Spread,
        rubric::{Aggregation, Trim},
    };
    use rust_decimal::prelude::ToPrimitive;
    let mut worst = Worst("aggregation", 0.0);
    let data = fixtures();
    let cases = data["aggregation"].as_array().unwrap();
    assert!(cases.len() >= 10);
    for case in cases {
        let name = case["name"].as_str().unwrap();
        let values: Vec<Decimal> = case["values"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap().parse().unwrap())
            .collect();
        let share: Decimal = case["share"].as_str().unwrap().parse().unwrap();
        let f = |d: Decimal| d.to_f64().unwrap();
        worst.check(
            &format!("{name} mean"),
            f(Aggregation::Mean.combine(&values).unwrap()),
            number(&case["mean"]),
        );
        worst.check(
            &format!("{name} median"),
            f(Aggregation::Median.combine(&values).unwrap()),
            number(&case["median"]),
        );
        let spread = Spread::of(&values).unwrap();
        worst.check(
            &format!("{name} iqr"),
            f(spread.iqr),
            number(&case["q3"]) - number(&case["q1"]),
        );
        match (spread.sd, case["sd"].as_f64()) {
            (Some(ours), Some(theirs)) => worst.check(&format!("{name} sd"), f(ours), theirs),
            (None, None) => {}
            other => panic!("{name}: sd {other:?}"),
        }
        let trim = Trim::Share(share);
        let trimmed = Aggregation::TrimmedMean { trim }.combine(&values);
        let winsorised = Aggregation::WinsorisedMean { trim }.combine(&values);
        match case.get("trimmed_mean") {
            Some(expected) => {
                worst.check(
                    &format!("{name} trimmed"),
                    f(trimmed.unwrap()),
                    number(expected),
                );
                worst.check(
                    &format!("{name} winsorised"),
                    f(winsorised.unwrap()),
                    number(&case["winsorised_mean"]),
                );
            }
            None => assert!(matches!(trimmed, Err(Error::Undefined { .. }))),
        }
    }
}

/// Every coefficient of `rows`, as text (or the error), for comparing two data sets exactly.
fn every_coefficient(rows: &[Vec<Option<f64>>]) -> Vec<String> {
    let ratings = Ratings::from_rows(rows.to_vec()).unwrap();
    let mut out = Vec::new();
    for level in [
        MeasurementLevel::Nominal,
        MeasurementLevel::Ordinal,
        MeasurementLevel::Interval,
        MeasurementLevel::Ratio,
    ] {
        out.push(format!("{:?}", krippendorff_alpha(&ratings, level)));
    }
    out.push(format!(
        "{:?}",
        intraclass_correlations(&ratings)
            .map(|iccs| iccs.iter().map(|i| i.value).collect::<Vec<_>>())
    ));
    let pairs: Vec<(f64, f64)> = rows
        .iter()
        .filter_map(|r| Some((r.first().copied().flatten()?, r.get(1).copied().flatten()?)))
        .collect();
    for weights in [
        KappaWeights::Unweighted,
        KappaWeights::Linear,
        KappaWeights::Quadratic,
    ] {
        out.push(format!("{:?}", cohen_kappa(&pairs, weights)));
    }
    out
}

proptest::proptest! {
    /// Writing any 0.0 as -0.0 changes no coefficient, at any level.
    #[test]
    fn negative_zero_is_zero_to_every_statistic(
        rows in proptest::collection::vec(
            proptest::collection::vec(proptest::option::weighted(0.9, -2i8..=3), 3),
            2..12,
        ),
        flips in proptest::collection::vec(proptest::bool::ANY, 36),
    ) {
        let plain: Vec<Vec<Option<f64>>> = rows
            .iter()
            .map(|r| r.iter().map(|v| v.map(f64::from)).collect())
            .collect();
        let mut n = 0;
        let signed: Vec<Vec<Option<f64>>> = plain
            .iter()
            .map(|r| {
                r.iter()
                    .map(|v| {
                        n += 1;
                        v.map(|x| if x == 0.0 && flips[n % flips.len()] { -0.0 } else { x })
                    })
                    .collect()
            })
            .collect();
        proptest::prop_assert_eq!(every_coefficient(&plain), every_coefficient(&signed));
    }
}

#[test]
fn ordinal_alpha_with_both_zeros_equals_alpha_with_one() {
    let plain = vec![
        vec![Some(0.0), Some(1.0), Some(2.0)],
        vec![Some(1.0), Some(0.0), Some(0.0)],
        vec![Some(2.0), Some(2.0), Some(1.0)],
        vec![Some(0.0), Some(0.0), Some(2.0)],
    ];
    let mut signed = plain.clone();
    signed[1][1] = Some(-0.0);
    signed[3][0] = Some(-0.0);
    assert_eq!(every_coefficient(&plain), every_coefficient(&signed));
}

#[test]
fn listwise_deletion_and_cronbach_alpha_agree_with_pingouin() {
    use igf_rubric::reliability::{IccForm, MissingRatings, cronbach_alpha, icc_analysis};
    let fixtures: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/icc.json"
        ))
        .unwrap(),
    )
    .unwrap();
    let forms = [
        "ICC(1,1)", "ICC(2,1)", "ICC(3,1)", "ICC(1,k)", "ICC(2,k)", "ICC(3,k)",
    ];
    let mut worst = 0.0_f64;
    for case in fixtures["cases"].as_array().unwrap() {
        let rows: Vec<Vec<Option<f64>>> = case["rows"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| {
                r.as_array()
                    .unwrap()
                    .iter()
                    .map(serde_json::Value::as_f64)
                    .collect()
            })
            .collect();
        let ratings = Ratings::from_rows(rows).unwrap();
        assert_eq!(
            intraclass_correlations(&ratings).unwrap_err().code(),
            "invalid_data",
            "missing ratings are refused by default"
        );
        let analysis = icc_analysis(&ratings, MissingRatings::DropUnits).unwrap();
        let dropped: Vec<usize> = case["dropped"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d.as_u64().unwrap() as usize)
            .collect();
        assert_eq!(analysis.dropped_units, dropped);
        for (form, expected) in forms.iter().zip(case["icc"].as_array().unwrap()) {
            let icc = analysis.get(form.parse::<IccForm>().unwrap());
            for (a, b) in [
                (icc.value, expected["value"].as_f64().unwrap()),
                (icc.f, expected["f"].as_f64().unwrap()),
                (icc.p_value, expected["p_value"].as_f64().unwrap()),
                (icc.ci95_lower, expected["ci95"][0].as_f64().unwrap()),
                (icc.ci95_upper, expected["ci95"][1].as_f64().unwrap()),
            ] {
                assert!(
                    (a - b).abs() < 1e-9,
                    "{} {form}: {a} vs pingouin {b}",
                    case["name"]
                );
                worst = worst.max((a - b).abs());
            }
        }
        let alpha = cronbach_alpha(&ratings, MissingRatings::DropUnits).unwrap();
        let expected = &case["cronbach"];
        assert!(
            (alpha.value - expected["value"].as_f64().unwrap()).abs() < 1e-12,
            "{}",
            case["name"]
        );
        // pingouin rounds the interval to three places, and after listwise deletion takes its
        // degrees of freedom from the units before deletion: the crate's interval is pingouin's
        // for the complete rows alone.
        let ci = &expected["ci95_complete_rows"];
        assert!(
            (alpha.ci95_lower - ci[0].as_f64().unwrap()).abs() <= 5e-4 + 1e-12,
            "{}",
            case["name"]
        );
        assert!(
            (alpha.ci95_upper - ci[1].as_f64().unwrap()).abs() <= 5e-4 + 1e-12,
            "{}",
            case["name"]
        );
    }
    println!("worst ICC difference from pingouin with listwise deletion: {worst:.1e}");
}

#[test]
fn icc_forms_read_both_naming_schemes() {
    use igf_rubric::reliability::{IccForm, IccModel, IccUnit};
    let form = |s: &str| s.parse::<IccForm>().map(|f| (f.model, f.unit));
    assert_eq!(
        form("ICC(2,4)").unwrap(),
        (IccModel::TwoWayRandom, IccUnit::Average)
    );
    assert_eq!(
        form("ICC(A,k)").unwrap(),
        (IccModel::TwoWayRandom, IccUnit::Average)
    );
    assert_eq!(
        form("ICC(C,1)").unwrap(),
        (IccModel::TwoWayMixed, IccUnit::Single)
    );
    assert_eq!(
        form("ICC(k)").unwrap(),
        (IccModel::OneWayRandom, IccUnit::Average)
    );
    assert_eq!(
        form("ICC(1)").unwrap(),
        (IccModel::OneWayRandom, IccUnit::Single)
    );
    assert_eq!(form("ICC(4,1)").unwrap_err().code(), "unknown_name");
    assert_eq!(form("ICC(2,0)").unwrap_err().code(), "unknown_name");
}

#[test]
fn the_bootstrap_interval_is_fixed_by_its_seed() {
    use igf_rubric::reliability::{MeasurementLevel, krippendorff_bootstrap};
    // Krippendorff (2011): 4 coders x 12 units, as coders' rows.
    let coders = vec![
        vec![
            Some(1.0),
            Some(2.0),
            Some(3.0),
            Some(3.0),
            Some(2.0),
            Some(1.0),
            Some(4.0),
            Some(1.0),
            Some(2.0),
            None,
            None,
            None,
        ],
        vec![
            Some(1.0),
            Some(2.0),
            Some(3.0),
            Some(3.0),
            Some(2.0),
            Some(2.0),
            Some(4.0),
            Some(1.0),
            Some(2.0),
            Some(5.0),
            None,
            Some(3.0),
        ],
        vec![
            None,
            Some(3.0),
            Some(3.0),
            Some(3.0),
            Some(2.0),
            Some(3.0),
            Some(4.0),
            Some(2.0),
            Some(2.0),
            Some(5.0),
            Some(1.0),
            None,
        ],
        vec![
            Some(1.0),
            Some(2.0),
            Some(3.0),
            Some(3.0),
            Some(2.0),
            Some(4.0),
            Some(4.0),
            Some(1.0),
            Some(2.0),
            Some(5.0),
            Some(1.0),
            None,
        ],
    ];
    let ratings = Ratings::from_rater_rows(coders).unwrap();
    assert_eq!(
        format!(
            "{:.3}",
            krippendorff_alpha(&ratings, MeasurementLevel::Nominal).unwrap()
        ),
        "0.743"
    );
    let interval =
        krippendorff_bootstrap(&ratings, MeasurementLevel::Nominal, 1_000, 2026).unwrap();
    // The ChaCha8 stream is specified, so these digits hold on every machine.
    assert_eq!(
        format!(
            "{:.6} {:.6} {} {}",
            interval.ci95_lower, interval.ci95_upper, interval.samples, interval.undefined
        ),
        "0.446319 0.940859 1000 0"
    );
    assert_eq!(
        krippendorff_bootstrap(&ratings, MeasurementLevel::Nominal, 1_000, 2026).unwrap(),
        interval
    );
    assert_ne!(
        krippendorff_bootstrap(&ratings, MeasurementLevel::Nominal, 1_000, 2027).unwrap(),
        interval
    );
    assert_eq!(
        krippendorff_bootstrap(&ratings, MeasurementLevel::Nominal, 10, 1)
            .unwrap_err()
            .code(),
        "invalid_data"
    );
}

proptest::proptest! {
    /// Units as rows or raters as rows: the same ratings give the same coefficients.
    #[test]
    fn both_shapes_give_the_same_coefficients(cells in proptest::collection::vec(proptest::collection::vec(proptest::option::weighted(0.9, 1u8..6), 3), 3..15)) {
        use igf_rubric::reliability::MeasurementLevel;
        let rows: Vec<Vec<Option<f64>>> = cells.iter().map(|r| r.iter().map(|v| v.map(f64::from)).collect()).collect();
        let columns: Vec<Vec<Option<f64>>> = (0..3).map(|g| rows.iter().map(|r| r[g]).collect()).collect();
        let (a, b) = (Ratings::from_rows(rows).unwrap(), Ratings::from_rater_rows(columns).unwrap());
        proptest::prop_assert_eq!(&a, &b);
        for level in [MeasurementLevel::Nominal, MeasurementLevel::Ordinal, MeasurementLevel::Interval] {
            proptest::prop_assert_eq!(krippendorff_alpha(&a, level).ok(), krippendorff_alpha(&b, level).ok());
        }
    }
}

proptest::proptest! {
    /// Alpha depends on the values only through their differences (interval), order (ordinal)
    /// or identity (nominal): shifting every rating by a constant, into or out of the whole
    /// numbers a table looks up and the range the crate looks up by search, changes nothing.
    #[test]
    fn alpha_is_the_same_for_shifted_values(
        rows in proptest::collection::vec(
            proptest::collection::vec(proptest::option::weighted(0.8, 0u8..7), 4),
            2..30,
        ),
        shift in proptest::prop_oneof![proptest::strategy::Just(0.5), proptest::strategy::Just(-3.0), proptest::strategy::Just(1000.0)],
    ) {
        let at = |shift: f64| -> Vec<Vec<Option<f64>>> {
            rows.iter().map(|r| r.iter().map(|v| v.map(|x| f64::from(x) + shift)).collect()).collect()
        };
        let (plain, moved) = (Ratings::from_rows(at(0.0)).unwrap(), Ratings::from_rows(at(shift)).unwrap());
        for level in [MeasurementLevel::Nominal, MeasurementLevel::Ordinal, MeasurementLevel::Interval] {
            match (krippendorff_alpha(&plain, level), krippendorff_alpha(&moved, level)) {
                (Ok(a), Ok(b)) => proptest::prop_assert!((a - b).abs() < 1e-9, "{level:?}: {a} vs {b}"),
                (Err(_), Err(_)) => {}
                other => proptest::prop_assert!(false, "{level:?}: {other:?}"),
            }
        }
    }
}

proptest::proptest! {
    /// Raters' rows are the units' rows turned round: both layouts give the same ratings.
    #[test]
    fn raters_rows_are_units_rows_turned_round(
        rows in proptest::collection::vec(
            proptest::collection::vec(proptest::option::weighted(0.8, -3i8..=3), 4),
            1..30,
        ),
    ) {
        let units: Vec<Vec<Option<f64>>> = rows
            .iter()
            .map(|r| r.iter().map(|v| v.map(f64::from)).collect())
            .collect();
        let raters: Vec<Vec<Option<f64>>> = (0..4)
            .map(|r| units.iter().map(|u| u[r]).collect())
            .collect();
        proptest::prop_assert_eq!(
            Ratings::from_rater_rows(raters).unwrap(),
            Ratings::from_rows(units).unwrap()
        );
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]

    /// A raters-by-units array read as it lies in memory gives the ratings of its transpose,
    /// over blocks of units and partial blocks alike.
    #[test]
    fn a_raters_by_units_array_is_its_transpose(
        raters in 1usize..60,
        units in 1usize..700,
        seed in proptest::prelude::any::<u64>(),
    ) {
        let value = |u: usize, r: usize| {
            let x = seed.wrapping_mul(31).wrapping_add((u * 1_000 + r) as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 58;
            if x < 6 { f64::NAN } else { (x % 7) as f64 }
        };
        let by_rater: Vec<f64> = (0..raters).flat_map(|r| (0..units).map(move |u| value(u, r))).collect();
        let by_unit: Vec<f64> = (0..units).flat_map(|u| (0..raters).map(move |r| value(u, r))).collect();
        let (in_place, turned) = (
            Ratings::from_rater_values(raters, by_rater).unwrap(),
            Ratings::from_values(raters, by_unit).unwrap(),
        );
        // Alpha reads the raters' rows in place, block by block: to the last bit the alpha
        // of the units' rows.
        for level in [MeasurementLevel::Nominal, MeasurementLevel::Ordinal, MeasurementLevel::Interval, MeasurementLevel::Ratio] {
            proptest::prop_assert_eq!(
                krippendorff_alpha(&in_place, level).map(f64::to_bits).ok(),
                krippendorff_alpha(&turned, level).map(f64::to_bits).ok()
            );
        }
        proptest::prop_assert_eq!(in_place, turned);
    }
}

#[test]
fn a_raters_by_units_array_names_an_infinite_rating_by_unit_and_rater() {
    let error = Ratings::from_rater_values(2, vec![1.0, 2.0, 3.0, 1.0, f64::INFINITY, 3.0])
        .unwrap_err()
        .to_string();
    assert!(error.contains("unit 1, rater 1"), "{error}");
    // Three raters of two units: the fifth value is rater 2's first.
    let error = Ratings::from_rater_values(3, vec![1.0, 2.0, 3.0, 4.0, f64::NEG_INFINITY, 6.0])
        .unwrap_err()
        .to_string();
    assert!(error.contains("unit 0, rater 2"), "{error}");
    let error = Ratings::from_rater_values(2, vec![1.0, 2.0, 3.0])
        .unwrap_err()
        .to_string();
    assert!(
        error.contains("3 values do not fill rows of 2 raters"),
        "{error}"
    );
}

#[test]
fn a_raters_nan_is_named_at_its_place() {
    let error = Ratings::from_rater_rows(vec![
        vec![Some(1.0), Some(2.0), Some(3.0)],
        vec![Some(1.0), Some(f64::NAN), None],
    ])
    .unwrap_err();
    assert!(
        error
            .to_string()
            .contains("unit 1, rater 1: rating is not a finite number"),
        "{error}"
    );
}
