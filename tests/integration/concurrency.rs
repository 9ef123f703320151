//! Every public type can cross and be shared between threads, and work done on many threads
//! at once gives what it gives on one.

use igf_rubric::{decision, reliability};

/// Compiles only when every listed type is `Send + Sync`.
macro_rules! send_and_sync {
    ($($t:ty),* $(,)?) => {{
        fn check<T: Send + Sync>() {}
        $(check::<$t>();)*
    }};
}

#[test]
fn every_public_type_is_send_and_sync() {
    send_and_sync![
        // Rubrics.
        igf_rubric::Rubric,
        igf_rubric::RubricDoc,
        igf_rubric::Criterion,
        igf_rubric::Metric,
        igf_rubric::Level,
        igf_rubric::Gate,
        igf_rubric::GateRule,
        igf_rubric::Band,
        igf_rubric::TotalScale,
        igf_rubric::UnablePolicy,
        igf_rubric::RubricKind,
        igf_rubric::CountCurve,
        igf_rubric::Direction,
        igf_rubric::DistributionMeasure,
        igf_rubric::WeightDerivation,
        igf_rubric::WeightInputs,
        igf_rubric::Rounding,
        igf_rubric::RoundingMode,
        igf_rubric::Score,
        // Assessments and scorecards.
        igf_rubric::Assessment,
        igf_rubric::Answer,
        igf_rubric::AnswerValue,
        igf_rubric::Assessor,
        igf_rubric::ConflictOfInterest,
        igf_rubric::Derivation,
        igf_rubric::Distribution,
        igf_rubric::Lessons,
        igf_rubric::Region,
        igf_rubric::Role,
        igf_rubric::RubricRef,
        igf_rubric::StakeholderGroup,
        igf_rubric::Subject,
        igf_rubric::Scorecard,
        igf_rubric::BandResult,
        igf_rubric::CriterionResult,
        igf_rubric::CriterionStatus,
        igf_rubric::Flag,
        igf_rubric::FlagKind,
        igf_rubric::GateResult,
        // Panels.
        igf_rubric::Panel,
        igf_rubric::PanelRules,
        igf_rubric::PanelReport,
        igf_rubric::PanelReliability,
        igf_rubric::SubjectReport,
        igf_rubric::SubjectStatus,
        igf_rubric::Decision,
        igf_rubric::DecisionReason,
        igf_rubric::Aggregation,
        igf_rubric::Consensus,
        igf_rubric::ConsensusRecord,
        igf_rubric::CriterionAggregate,
        igf_rubric::Coefficient,
        igf_rubric::Breakdown,
        igf_rubric::Calibration,
        igf_rubric::TieBreak,
        igf_rubric::Trim,
        igf_rubric::Spread,
        // Requests, errors.
        igf_rubric::EvaluationRequest,
        igf_rubric::EvaluationResult,
        igf_rubric::EvaluationOptions,
        igf_rubric::RubricSource,
        igf_rubric::Warning,
        igf_rubric::ReliabilityFigure,
        igf_rubric::Error,
        igf_rubric::ErrorDetail,
        igf_rubric::ErrorDocument,
        igf_rubric::JsonProblem,
        igf_rubric::Path,
        igf_rubric::Segment,
        // The BPF cycle.
        igf_rubric::OutcomeRecord,
        igf_rubric::Indicator,
        igf_rubric::IndicatorResult,
        igf_rubric::Commitments,
        igf_rubric::ResultsFramework,
        igf_rubric::Date,
        igf_rubric::Consultation,
        igf_rubric::LessonsSummary,
        igf_rubric::ReportText,
        igf_rubric::FeedbackRound,
        igf_rubric::Revision,
        igf_rubric::RubricDiff,
        igf_rubric::Migration,
        igf_rubric::Rescoring,
        // Statistics and decisions.
        reliability::Ratings,
        reliability::CategoricalRatings,
        reliability::ContingencyTable,
        reliability::Kappa,
        reliability::Agreement,
        reliability::ChanceCorrected,
        reliability::Weighting,
        reliability::Icc,
        reliability::IccAnalysis,
        reliability::MeanSquares,
        reliability::CronbachAlpha,
        reliability::BootstrapInterval,
        reliability::MeasurementLevel,
        decision::DecisionMatrix,
        decision::Ranking,
        decision::RankingDetails,
        decision::Tables,
        decision::Weights,
        decision::PairwiseMatrix,
        decision::Method,
        decision::Sampling,
        decision::RankAcceptability,
        decision::WeightInterval,
        decision::PreferenceFunction,
        decision::Normalisation,
    ];
}

#[test]
fn one_request_on_many_threads_gives_one_result() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/contract/valid/request.json"
    ))
    .unwrap();
    let request = igf_rubric::EvaluationRequest::from_json(&text).unwrap();
    let alone = serde_json::to_string(&igf_rubric::evaluate(&request).unwrap()).unwrap();
    // One request shared by reference, and the presets (parsed once) shared by all.
    let results: Vec<String> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..8)
            .map(|_| {
                scope.spawn(|| {
                    (0..5)
                        .map(|_| {
                            serde_json::to_string(&igf_rubric::evaluate(&request).unwrap()).unwrap()
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|worker| worker.join().unwrap())
            .collect()
    });
    assert_eq!(results.len(), 40);
    assert!(results.iter().all(|r| *r == alone));
}

#[test]
fn a_panel_reviewed_on_many_threads_gives_one_report() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/examples/data/mag-panel.json"
    ))
    .unwrap();
    let panel = igf_rubric::Panel::from_json(&text).unwrap();
    let rubric = igf_rubric::presets::bpf_proposal();
    let alone = rubric.review(&panel).unwrap();
    std::thread::scope(|scope| {
        let workers: Vec<_> = (0..4)
            .map(|_| scope.spawn(|| rubric.review(&panel).unwrap()))
            .collect();
        for worker in workers {
            assert_eq!(worker.join().unwrap(), alone);
        }
    });
}
