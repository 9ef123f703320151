//! AHP over alternatives: the alternatives compared pairwise under each criterion, their local
//! priorities synthesised with the criteria's weights into global priorities (Saaty's
//! distributive and ideal modes), and a panel's judgments combined into one matrix.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::ranks;
use super::weights::{AhpOptions, PairwiseMatrix, Weights, ahp};
use crate::error::Error;

/// How local priorities are combined into global ones (Saaty 2001; Belton and Gear 1983).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Synthesis {
    /// `g_i = Σ_j w_j l_ij`, the local priorities as they are (each sums to 1 under its
    /// criterion): AHPy's `target_weights`. Adding or removing an alternative can reverse the
    /// order of others.
    #[default]
    Distributive,
    /// `g_i ∝ Σ_j w_j l_ij / max_k l_kj`: under each criterion the best alternative counts 1;
    /// the totals are then normalised to sum to 1. An alternative that is nowhere best cannot
    /// reverse the order of others (Belton and Gear).
    Ideal,
}

/// The global priorities of alternatives, with everything that went into them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct AlternativePriorities {
    /// Version of the document format; 1.
    #[schemars(extend("const" = 1))]
    pub format_version: u32,
    /// How the local priorities were combined.
    pub synthesis: Synthesis,
    /// The criteria's weights, with their consistency.
    pub criteria: Weights,
    /// Under each criterion, in the criteria's order, the alternatives' local priorities with
    /// their consistency.
    pub local: Vec<Weights>,
    /// The alternatives' global priorities, summing to 1.
    pub global: Vec<f64>,
    /// Ranks from 1 by global priority, ties sharing the better rank.
    #[serde(deserialize_with = "crate::json::wholes")]
    #[schemars(with = "Vec<crate::kinds::Count>")]
    pub ranks: Vec<usize>,
}

/// The classic AHP: the criteria compared pairwise, the alternatives compared pairwise under
/// each criterion (complete or incomplete matrices, completed as [`ahp`] completes them), and
/// the global priorities by `synthesis`.
///
/// AHPy's car example, distributive (its `target_weights`), and the same in the ideal mode:
/// ```
/// use igf_rubric::decision::{PairwiseMatrix, PriorityMethod, Synthesis, ahp_alternatives};
///
/// // Criteria: cost, safety, style; alternatives: civic, saturn, escort.
/// let criteria = PairwiseMatrix::from_upper(&[3.0, 7.0, 9.0])?;
/// let alternatives = [
///     PairwiseMatrix::from_upper(&[1.0 / 5.0, 2.0, 5.0])?, // cost
///     PairwiseMatrix::from_upper(&[3.0, 2.0, 1.0 / 3.0])?, // safety
///     PairwiseMatrix::from_upper(&[1.0 / 7.0, 2.0, 9.0])?, // style
/// ];
/// let result = ahp_alternatives(&criteria, &alternatives, PriorityMethod::Eigenvector, Synthesis::Distributive)?;
/// assert!((result.global.iter().sum::<f64>() - 1.0).abs() < 1e-12);
/// assert_eq!(result.ranks, [2, 1, 3]);
/// let ideal = ahp_alternatives(&criteria, &alternatives, PriorityMethod::Eigenvector, Synthesis::Ideal)?;
/// assert_eq!(ideal.ranks, result.ranks);
/// # Ok::<(), igf_rubric::Error>(())
/// ```
///
/// # Errors
/// [`Error::InvalidData`] when the number of alternative matrices is not the number of
/// criteria, when the alternative matrices differ in size, or what [`ahp`] finds in a matrix
/// (its error names the criterion).
pub fn ahp_alternatives(
    criteria: &PairwiseMatrix,
    alternatives: &[PairwiseMatrix],
    options: impl Into<AhpOptions>,
    synthesis: Synthesis,
) -> Result<AlternativePriorities, Error> {
    const STATISTIC: &str = "AHP over alternatives";
    let options = options.into();
    let invalid = |reason: String| Error::InvalidData {
        statistic: STATISTIC,
        reason,
    };
    let weights = ahp(criteria, options)?;
    if alternatives.len() != weights.values.len() {
        return Err(invalid(format!(
            "{} criteria but {} matrices of alternatives",
            weights.values.len(),
            alternatives.len()
        )));
    }
    let mut local = Vec::with_capacity(alternatives.len());
    for (j, matrix) in alternatives.iter().enumerate() {
        let priorities = ahp(matrix, options).map_err(|e| match e {
            Error::InvalidData { reason, .. } | Error::Undefined { reason, .. } => {
                invalid(format!("under criterion {}: {reason}", j.saturating_add(1)))
            }
            other => other,
        })?;
        local.push(priorities);
    }
    let m = local.first().map_or(0, |l| l.values.len());
    if let Some(j) = local.iter().position(|l| l.values.len() != m) {
        return Err(invalid(format!(
            "criterion {} compares {} alternatives, criterion 1 compares {m}",
            j.saturating_add(1),
            local.get(j).map_or(0, |l| l.values.len())
        )));
    }
    let mut global = vec![0.0; m];
    for (w, l) in weights.values.iter().zip(&local) {
        let best = l.values.iter().fold(0.0_f64, |a, v| a.max(*v));
        let scale = match synthesis {
            Synthesis::Distributive => 1.0,
            Synthesis::Ideal if best > 0.0 => 1.0 / best,
            Synthesis::Ideal => 0.0,
        };
        for (g, v) in global.iter_mut().zip(&l.values) {
            *g += w * v * scale;
        }
    }
    let total = global.iter().fold(0.0, |s, g| s + g);
    if !(total.is_finite() && total > 0.0) {
        return Err(Error::Undefined {
            statistic: STATISTIC,
            reason: "the global priorities do not sum to a positive number".to_owned(),
        });
    }
    for g in &mut global {
        *g /= total;
    }
    let ranks = ranks(&global, true);
    Ok(AlternativePriorities {
        format_version: crate::document::FORMAT_VERSION,
        synthesis,
        criteria: weights,
        local,
        global,
        ranks,
    })
}

impl crate::document::sealed::Sealed for AlternativePriorities {
    const WRITTEN: bool = true;
}

impl crate::document::Document for AlternativePriorities {
    const NAME: &'static str = "ahp-priorities";

    fn format_version(&self) -> u32 {
        self.format_version
    }

    /// Checks its format version and those of the weights it holds.
    ///
    /// # Errors
    /// [`Error::UnsupportedFormat`], at the weights that carry another version.
    fn check(&self) -> Result<(), Error> {
        use crate::error::Path;
        crate::document::check_format(self.format_version)?;
        let at = |path: Path| move |e: Error| e.at(&path);
        crate::document::check_format(self.criteria.format_version)
            .map_err(at(Path::root().key("criteria")))?;
        for (j, local) in self.local.iter().enumerate() {
            crate::document::check_format(local.format_version)
                .map_err(at(Path::root().key("local").index(j)))?;
        }
        Ok(())
    }
}

impl PairwiseMatrix {
    /// One matrix from several people's judgments of the same comparisons: each cell the
    /// geometric mean of the judgments given (Aczél and Saaty 1983, the aggregation of
    /// individual judgments that keeps the matrix reciprocal), missing where nobody compared
    /// the pair. A MAG that compares a shortlist pairwise, member by member, is combined so.
    ///
    /// ```
    /// use igf_rubric::decision::PairwiseMatrix;
    ///
    /// let a = PairwiseMatrix::from_upper(&[2.0, 4.0, 2.0])?;
    /// let b = PairwiseMatrix::from_upper_partial(&[Some(8.0), None, Some(2.0)])?;
    /// let panel = PairwiseMatrix::combine(&[a, b])?;
    /// assert!((panel.get(0, 1).unwrap() - 4.0).abs() < 1e-12); // √(2 · 8)
    /// assert!((panel.get(0, 2).unwrap() - 4.0).abs() < 1e-12); // only a compared it
    /// # Ok::<(), igf_rubric::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidData`] for no matrices or matrices of different sizes, and what
    /// [`PairwiseMatrix::new`] finds in the result.
    pub fn combine(judgments: &[PairwiseMatrix]) -> Result<PairwiseMatrix, Error> {
        let invalid = |reason: String| Error::InvalidData {
            statistic: "AHP comparisons",
            reason,
        };
        let n = judgments
            .first()
            .map(PairwiseMatrix::size)
            .ok_or_else(|| invalid("no judgments to combine".to_owned()))?;
        if let Some(k) = judgments.iter().position(|m| m.size() != n) {
            return Err(invalid(format!(
                "judgment {} compares {} items, the first {n}",
                k.saturating_add(1),
                judgments.get(k).map_or(0, PairwiseMatrix::size)
            )));
        }
        let rows = (0..n)
            .map(|i| {
                (0..n)
                    .map(|j| {
                        let given: Vec<f64> =
                            judgments.iter().filter_map(|m| m.get(i, j)).collect();
                        (!given.is_empty()).then(|| {
                            let logs = given.iter().fold(0.0, |s, v| s + v.ln());
                            (logs / given.len() as f64).exp()
                        })
                    })
                    .collect()
            })
            .collect();
        PairwiseMatrix::new(rows)
    }
}
