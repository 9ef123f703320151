//! The ranking methods behind one type: a method and its settings, chosen at run time.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::methods::{topsis_with, weighted_product_with, weighted_sum_with};
use super::{
    DecisionMatrix, Normalisation, PreferenceFunction, Ranking, Tables, promethee_ii, vikor,
    vikor_compromise,
};
use crate::error::Error;

/// A ranking method with its settings: the one entry point to every method of
/// [`methods`](super) for the callers that choose the method at run time (the sensitivity
/// analyses, a panel's decision documents).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case", tag = "method")]
#[non_exhaustive]
pub enum Method {
    /// [`weighted_sum`](super::weighted_sum).
    WeightedSum {
        /// The normalisation.
        normalisation: Normalisation,
    },
    /// [`weighted_product`](super::weighted_product).
    WeightedProduct {
        /// The normalisation.
        normalisation: Normalisation,
    },
    /// [`topsis`](super::topsis).
    Topsis {
        /// The normalisation.
        normalisation: Normalisation,
    },
    /// [`vikor`], or [`vikor_compromise`](super::vikor_compromise).
    Vikor {
        /// The weight of the majority strategy.
        v: f64,
        /// Whether the compromise solution shares rank 1 (scikit-criteria's
        /// `use_compromise_set`), rather than ranking by `Q` alone.
        #[serde(default)]
        compromise_set: bool,
    },
    /// [`promethee_ii`].
    PrometheeII {
        /// One preference function per criterion.
        preferences: Vec<PreferenceFunction>,
    },
}

impl Method {
    /// Ranks `matrix` with `weights` by this method, the details complete.
    ///
    /// # Errors
    /// As for the method.
    pub fn rank(&self, matrix: &DecisionMatrix, weights: &[f64]) -> Result<Ranking, Error> {
        self.rank_with(matrix, weights, Tables::Keep)
    }

    /// Ranks `matrix` with `weights` by this method, keeping its subjects-by-criteria table
    /// in the details or not (the methods that have none ignore `tables`).
    ///
    /// ```
    /// use igf_rubric::decision::{
    ///     CriterionType, DecisionMatrix, Method, Normalisation, RankingDetails, Tables,
    /// };
    ///
    /// let matrix = DecisionMatrix::new(
    ///     vec!["a".into(), "b".into()],
    ///     vec![("reach".into(), CriterionType::Benefit), ("cost".into(), CriterionType::Cost)],
    ///     vec![vec![7.0, 300.0], vec![9.0, 500.0]],
    /// )?;
    /// let method = Method::Topsis { normalisation: Normalisation::Vector };
    /// let lean = method.rank_with(&matrix, &[0.5, 0.5], Tables::Omit)?;
    /// let full = method.rank(&matrix, &[0.5, 0.5])?;
    /// assert_eq!(lean.ranks, full.ranks);
    /// assert!(matches!(lean.details, RankingDetails::Topsis { weighted: None, .. }));
    /// # Ok::<(), igf_rubric::Error>(())
    /// ```
    ///
    /// # Errors
    /// As for the method.
    pub fn rank_with(
        &self,
        matrix: &DecisionMatrix,
        weights: &[f64],
        tables: Tables,
    ) -> Result<Ranking, Error> {
        match self {
            Method::WeightedSum { normalisation } => {
                weighted_sum_with(matrix, weights, *normalisation, tables)
            }
            Method::WeightedProduct { normalisation } => {
                weighted_product_with(matrix, weights, *normalisation, tables)
            }
            Method::Topsis { normalisation } => {
                topsis_with(matrix, weights, *normalisation, tables)
            }
            Method::Vikor {
                v,
                compromise_set: false,
            } => vikor(matrix, weights, *v),
            Method::Vikor {
                v,
                compromise_set: true,
            } => vikor_compromise(matrix, weights, *v),
            Method::PrometheeII { preferences } => promethee_ii(matrix, weights, preferences),
        }
    }
}
