//! Every public type can cross and be shared between threads, and work done on many threads
//! at once gives what it gives on one.

use igf_rubric::Document;
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
        igf_rubric::rubric::RubricDoc,
        igf_rubric::Criterion,
        igf_rubric::Metric,
        igf_rubric::Level,
        igf_rubric::Gate,
        igf_rubric::GateRule,
        igf_rubric::Band,
        igf_rubric::TotalScale,
        igf_rubric::rubric::UnablePolicy,
        igf_rubric::RubricKind,
        igf_rubric::rubric::CountCurve,
        igf_rubric::rubric::Direction,
        igf_rubric::rubric::DistributionMeasure,
        igf_rubric::rubric::WeightDerivation,
        igf_rubric::rubric::WeightInputs,
        igf_rubric::Rounding,
        igf_rubric::RoundingMode,
        igf_rubric::Score,
        // Assessments and scorecards.
        igf_rubric::Assessment,
        igf_rubric::Answer,
        igf_rubric::AnswerValue,
        igf_rubric::Assessor,
        igf_rubric::ConflictOfInterest,
        igf_rubric::assessment::Derivation,
        igf_rubric::assessment::Distribution,
        igf_rubric::assessment::Lessons,
        igf_rubric::Region,
        igf_rubric::Role,
        igf_rubric::rubric::RubricRef,
        igf_rubric::StakeholderGroup,
        igf_rubric::Subject,
        igf_rubric::Scorecard,
        igf_rubric::scoring::BandResult,
        igf_rubric::CriterionResult,
        igf_rubric::CriterionStatus,
        igf_rubric::Flag,
        igf_rubric::scoring::FlagKind,
        igf_rubric::scoring::GateResult,
        // Panels.
        igf_rubric::Panel,
        igf_rubric::PanelRules,
        igf_rubric::PanelReport,
        igf_rubric::panel::PanelReliability,
        igf_rubric::panel::SubjectReport,
        igf_rubric::panel::SubjectStatus,
        igf_rubric::panel::Decision,
        igf_rubric::panel::DecisionReason,
        igf_rubric::rubric::Aggregation,
        igf_rubric::panel::Consensus,
        igf_rubric::panel::ConsensusRecord,
        igf_rubric::panel::CriterionAggregate,
        igf_rubric::panel::Coefficient,
        igf_rubric::panel::Breakdown,
        igf_rubric::rubric::Calibration,
        igf_rubric::rubric::TieBreak,
        igf_rubric::rubric::Trim,
        igf_rubric::panel::Spread,
        // Requests, errors.
        igf_rubric::EvaluationRequest,
        igf_rubric::EvaluationResult,
        igf_rubric::evaluation::EvaluationOptions,
        igf_rubric::evaluation::RubricSource,
        igf_rubric::evaluation::Warning,
        igf_rubric::evaluation::ReliabilityFigure,
        igf_rubric::Error,
        igf_rubric::error::ErrorDetail,
        igf_rubric::ErrorDocument,
        igf_rubric::error::JsonProblem,
        igf_rubric::Path,
        igf_rubric::error::Segment,
        // The BPF cycle.
        igf_rubric::evidence::OutcomeRecord,
        igf_rubric::rubric::Indicator,
        igf_rubric::evidence::IndicatorResult,
        igf_rubric::evidence::Commitments,
        igf_rubric::evidence::ResultsFramework,
        igf_rubric::evidence::Date,
        igf_rubric::lessons::Consultation,
        igf_rubric::lessons::LessonsSummary,
        igf_rubric::feedback::ReportText,
        igf_rubric::feedback::FeedbackRound,
        igf_rubric::feedback::Revision,
        igf_rubric::revision::RubricDiff,
        igf_rubric::revision::Migration,
        igf_rubric::revision::Rescoring,
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
