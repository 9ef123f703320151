//! Decision methods: where weights come from (direct, rank-based, AHP, entropy, CRITIC), how
//! established multi-criteria methods rank subjects on a decision matrix (weighted sum and
//! product, TOPSIS, VIKOR, PROMETHEE II), and how far their rankings agree.
//!
//! These methods work on real-valued matrices and need logarithms, powers and square roots, so
//! they compute in `f64`, like the [`reliability`](crate::reliability) statistics; each is
//! checked against Python's `pymcdm` and against published worked examples (fixtures in
//! `tests/fixtures/`). Degenerate data gives a defined result or a typed error, never NaN.
//!
//! ```
//! use igf_rubric::decision::{CriterionType, DecisionMatrix, Normalisation, topsis};
//!
//! let matrix = DecisionMatrix::new(
//!     vec!["a".into(), "b".into(), "c".into()],
//!     vec![("quality".into(), CriterionType::Benefit), ("cost".into(), CriterionType::Cost)],
//!     vec![vec![7.0, 300.0], vec![9.0, 500.0], vec![5.0, 200.0]],
//! )?;
//! let result = topsis(&matrix, &[0.6, 0.4], Normalisation::MinMax)?;
//! assert_eq!(result.ranks, [2, 1, 3]); // b: closeness 0.6, a: 0.55, c: 0.4
//! # Ok::<(), igf_rubric::Error>(())
//! ```

mod agreement;
mod matrix;
mod method;
mod methods;
mod normalise;
mod sensitivity;
mod synthesis;
mod weights;

pub use agreement::{borda, kendall_tau, spearman_rho};
pub use matrix::{CriterionType, DecisionMatrix};
pub use method::Method;
pub use methods::{
    PreferenceFunction, Ranking, RankingDetails, Tables, promethee_ii, ranks, topsis, vikor,
    vikor_compromise, weighted_product, weighted_sum,
};
pub use normalise::Normalisation;
pub use sensitivity::{
    RankAcceptability, Sampling, WeightInterval, one_at_a_time, rank_acceptability,
};
pub use synthesis::{AlternativePriorities, Synthesis, ahp_alternatives};
pub use weights::{
    AhpOptions, Completion, Consistency, PairwiseMatrix, PriorityMethod, RandomIndex, Weights,
    WeightsMethod, ahp, critic, entropy, equal, rank_order_centroid, rank_reciprocal, rank_sum,
};
