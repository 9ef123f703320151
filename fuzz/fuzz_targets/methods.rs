//! Any bytes into the decision methods and agreement statistics, both ways in: read as one of
//! their documents (weights, ranking, rank acceptability, AHP priorities, an ICC analysis),
//! whose accessors must not fail; and read as numbers (a decision matrix, comparisons, ratings)
//! for every method and statistic, which answer with a value or an error, never a panic.
#![no_main]

use igf_rubric::Document;
use igf_rubric::decision::{
    AhpOptions, AlternativePriorities, CriterionType, DecisionMatrix, Method, Normalisation,
    PairwiseMatrix, PreferenceFunction, PriorityMethod, RandomIndex, RankAcceptability, Ranking,
    Synthesis, Weights, ahp, ahp_alternatives, critic, entropy,
};
use igf_rubric::reliability::{
    CategoricalRatings, ChanceCorrected, ContingencyTable, IccAnalysis, IccForm, KappaWeights,
    MeasurementLevel, MissingRatings, Ratings, Weighting, chance_corrected, cohen, cohen_kappa,
    cronbach_alpha, icc_analysis, krippendorff_alpha,
};
use libfuzzer_sys::fuzz_target;

/// The documents the methods write, read back; what they hold must be usable.
fn documents(text: &str) {
    let _ = Weights::from_json(text);
    let _ = Ranking::from_json(text);
    let _ = RankAcceptability::from_json(text);
    let _ = AlternativePriorities::from_json(text);
    if let Ok(analysis) = igf_rubric::json::from_str::<IccAnalysis>(text) {
        for form in ["ICC(1,1)", "ICC(2,1)", "ICC(3,1)", "ICC(1,k)", "ICC(2,k)", "ICC(3,k)"] {
            if let Ok(form) = form.parse::<IccForm>() {
                let _ = analysis.get(form).value;
            }
        }
    }
}

/// The bytes as numbers: each byte a value on a small scale, some of them missing.
fn numbers(data: &[u8]) -> Vec<Option<f64>> {
    data.iter()
        .map(|b| match b % 13 {
            12 => None,
            11 => Some(f64::from(*b) * 1e300),
            v => Some(f64::from(v) - 2.0),
        })
        .collect()
}

fn methods(data: &[u8]) {
    let Some((&shape, rest)) = data.split_first() else {
        return;
    };
    let (m, n) = (usize::from(shape % 7) + 1, usize::from(shape / 7 % 5) + 1);
    let values: Vec<f64> = numbers(rest).into_iter().map(|v| v.unwrap_or(0.0)).collect();
    if values.len() < m * n {
        return;
    }
    let rows: Vec<Vec<f64>> = values.chunks(n).take(m).map(<[f64]>::to_vec).collect();
    let kinds = (0..n)
        .map(|j| {
            let kind = if rest.get(j).is_some_and(|b| b % 2 == 0) {
                CriterionType::Benefit
            } else {
                CriterionType::Cost
            };
            (format!("c{j}"), kind)
        })
        .collect();
    let weights: Vec<f64> = values.iter().rev().take(n).map(|w| w.abs()).collect();
    if let Ok(matrix) = DecisionMatrix::new((0..m).map(|i| format!("s{i}")).collect(), kinds, rows) {
        let _ = entropy(&matrix);
        let _ = critic(&matrix);
        let methods = [
            Method::WeightedSum { normalisation: Normalisation::MinMax },
            Method::WeightedProduct { normalisation: Normalisation::Max },
            Method::Topsis { normalisation: Normalisation::Vector },
            Method::Vikor { v: 0.5, compromise_set: true },
            Method::Vikor { v: 0.5, compromise_set: false },
            Method::PrometheeII {
                preferences: vec![PreferenceFunction::Usual; n],
            },
        ];
        for method in &methods {
            if let Ok(ranking) = method.rank(&matrix, &weights) {
                let _ = ranking.to_json();
            }
        }
    }
    // Comparisons on Saaty's scale, some not made.
    let upper: Vec<Option<f64>> = rest
        .iter()
        .take(n * (n - 1) / 2)
        .map(|b| (b % 10 != 0).then(|| [1.0, 2.0, 3.0, 5.0, 9.0, 0.5, 1.0 / 3.0, 0.2, 1.0 / 9.0][usize::from(b % 9)]))
        .collect();
    if let Ok(criteria) = PairwiseMatrix::from_upper_partial(&upper) {
        for table in [RandomIndex::Saaty1980, RandomIndex::DoneganDodd1991, RandomIndex::TummalaLing1998] {
            let _ = ahp(&criteria, AhpOptions::new(PriorityMethod::GeometricMean, table));
        }
        let alternatives = vec![criteria.clone(); criteria.size()];
        let _ = ahp_alternatives(&criteria, &alternatives, PriorityMethod::Eigenvector, Synthesis::Ideal);
        let _ = PairwiseMatrix::combine(&[criteria.clone(), criteria]);
    }
}

fn statistics(data: &[u8]) {
    let Some((&raters, rest)) = data.split_first() else {
        return;
    };
    let raters = usize::from(raters % 6) + 1;
    let cells = numbers(rest);
    let rows: Vec<Vec<Option<f64>>> = cells.chunks(raters).filter(|r| r.len() == raters).map(<[Option<f64>]>::to_vec).collect();
    let Ok(ratings) = Ratings::from_rows(rows) else {
        return;
    };
    for level in [MeasurementLevel::Nominal, MeasurementLevel::Ordinal, MeasurementLevel::Interval, MeasurementLevel::Ratio] {
        let _ = krippendorff_alpha(&ratings, level);
    }
    for missing in [MissingRatings::Refuse, MissingRatings::DropUnits, MissingRatings::Pairwise] {
        let _ = icc_analysis(&ratings, missing);
        let _ = cronbach_alpha(&ratings, missing);
    }
    if let Ok(categorical) = CategoricalRatings::from_numbers(&ratings, None) {
        for weighting in [Weighting::Identity, Weighting::Quadratic, Weighting::Ratio, Weighting::Circular] {
            for coefficient in [ChanceCorrected::Fleiss, ChanceCorrected::Gwet, ChanceCorrected::Conger, ChanceCorrected::BrennanPrediger, ChanceCorrected::Krippendorff] {
                let _ = chance_corrected(&categorical, coefficient, weighting);
            }
        }
        if let Ok(table) = ContingencyTable::from_ratings(&categorical) {
            for weights in [KappaWeights::Unweighted, KappaWeights::Linear, KappaWeights::QuadraticOnRanks] {
                let _ = cohen(&table, weights);
            }
        }
    }
    let pairs: Vec<(f64, f64)> = cells
        .chunks(2)
        .filter_map(|p| Some((p.first().copied().flatten()?, p.get(1).copied().flatten()?)))
        .collect();
    for weights in [KappaWeights::Linear, KappaWeights::LinearOnRanks, KappaWeights::Quadratic] {
        let _ = cohen_kappa(&pairs, weights);
    }
}

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        documents(text);
    }
    methods(data);
    statistics(data);
});
