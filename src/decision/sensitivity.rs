//! How robust a ranking is to its weights: one weight at a time (the interval within which the
//! order or the selection holds), and stochastically (rank acceptability indices from weights
//! sampled around the declared ones, from a seed).

use rand_chacha::ChaCha8Rng;
use rand_core::{RngCore, SeedableRng};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::matrix::invalid;
use super::{DecisionMatrix, Method, Tables};
use crate::error::Error;

/// For one criterion, the interval of its weight within which the result holds, the other
/// weights rescaled in proportion.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct WeightInterval {
    /// The criterion.
    pub criterion: String,
    /// Its declared weight (normalised).
    pub weight: f64,
    /// The interval `[lower, upper]` (within `[0, 1]`) in which the whole rank order holds.
    pub order_holds: (f64, f64),
    /// The interval in which the selection of the top `k` holds.
    pub selection_holds: (f64, f64),
}

/// One weight at a time: for each criterion, how far its weight can move (the others rescaled
/// in proportion, `w_k' = w_k (1 - w_j') / (1 - w_j)`) before the rank order, and before the
/// selection of the top `k`, changes. Each end is found by a scan of 200 steps and bisection to
/// 1e-9; a change that reverses within one step of the scan can be missed.
///
/// # Errors
/// As for the method; [`Error::InvalidData`] for `k` of 0 or beyond the subjects.
pub fn one_at_a_time(
    matrix: &DecisionMatrix,
    weights: &[f64],
    method: &Method,
    k: usize,
) -> Result<Vec<WeightInterval>, Error> {
    let m = matrix.len();
    if k == 0 || k > m {
        return Err(invalid(format!(
            "the selection size must lie in 1..={m}, found {k}"
        )));
    }
    let total = weights.iter().fold(0.0, |s, w| s + w);
    let weights: Vec<f64> = weights.iter().map(|w| w / total).collect();
    let base = method.rank_with(matrix, &weights, Tables::Omit)?.ranks;
    let selected = |ranks: &[usize]| ranks.iter().map(|r| *r <= k).collect::<Vec<bool>>();
    let base_selection = selected(&base);
    let mut out = Vec::with_capacity(weights.len());
    for (j, (name, _)) in matrix.criteria().iter().enumerate() {
        let wj = weights.get(j).copied().unwrap_or(0.0);
        let at = |x: f64| -> Result<Vec<usize>, Error> {
            let rest = 1.0 - wj;
            let moved: Vec<f64> = weights
                .iter()
                .enumerate()
                .map(|(i, w)| {
                    if i == j {
                        x
                    } else if rest > 0.0 {
                        w * (1.0 - x) / rest
                    } else {
                        (1.0 - x) / (weights.len() as f64 - 1.0).max(1.0)
                    }
                })
                .collect();
            Ok(method.rank_with(matrix, &moved, Tables::Omit)?.ranks)
        };
        let holds_order = |x: f64| at(x).map(|r| r == base);
        let holds_selection = |x: f64| at(x).map(|r| selected(&r) == base_selection);
        let order_holds = (edge(wj, 0.0, &holds_order)?, edge(wj, 1.0, &holds_order)?);
        let selection_holds = (
            edge(wj, 0.0, &holds_selection)?,
            edge(wj, 1.0, &holds_selection)?,
        );
        out.push(WeightInterval {
            criterion: name.clone(),
            weight: wj,
            order_holds,
            selection_holds,
        });
    }
    Ok(out)
}

/// The farthest point from `from` toward `to` up to which `holds` stays true.
fn edge(from: f64, to: f64, holds: &dyn Fn(f64) -> Result<bool, Error>) -> Result<f64, Error> {
    const STEPS: u32 = 200;
    let mut inside = from;
    for step in 1..=STEPS {
        let x = from + (to - from) * f64::from(step) / f64::from(STEPS);
        // Degenerate weights (all on one criterion) can make a method refuse: count as a change.
        if holds(x).unwrap_or(false) {
            inside = x;
            continue;
        }
        let (mut a, mut b) = (inside, x);
        while (b - a).abs() > 1e-9 {
            let mid = 0.5 * (a + b);
            if holds(mid).unwrap_or(false) {
                a = mid;
            } else {
                b = mid;
            }
        }
        return Ok(a);
    }
    Ok(to)
}

/// How weights are sampled around the declared ones.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case", tag = "sampling")]
#[non_exhaustive]
pub enum Sampling {
    /// Dirichlet with parameters `concentration · w`: the declared weights are the mean, and a
    /// larger concentration samples closer to them.
    Dirichlet {
        /// The concentration, > 0.
        concentration: f64,
    },
    /// Each weight times `1 + u`, `u` uniform in `[-spread, spread]`, then renormalised.
    Uniform {
        /// The relative spread, in `[0, 1)`.
        spread: f64,
    },
}

/// Rank acceptability indices (as in SMAA): for each subject, the share of sampled weight
/// vectors that put it at each rank, and that select it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct RankAcceptability {
    /// Version of the document format; 1.
    #[schemars(extend("const" = 1))]
    pub format_version: u32,
    /// The subjects, in the matrix's order.
    pub subjects: Vec<String>,
    /// `rank_probability[i][r]`: the share of samples ranking subject `i` at rank `r + 1`.
    pub rank_probability: Vec<Vec<f64>>,
    /// The share of samples selecting each subject (rank `<= k`).
    pub selected_probability: Vec<f64>,
    /// The selection size.
    pub k: usize,
    /// Samples drawn.
    pub samples: usize,
    /// The seed.
    pub seed: u64,
    /// How the weights were sampled.
    pub sampling: Sampling,
}

/// A uniform number in `[0, 1)` with 53 random bits.
fn uniform(rng: &mut ChaCha8Rng) -> f64 {
    (rng.next_u64() >> 11) as f64 / (1u64 << 53) as f64
}

/// A standard normal number (Box-Muller).
fn normal(rng: &mut ChaCha8Rng) -> f64 {
    let u = 1.0 - uniform(rng);
    let v = uniform(rng);
    (-2.0 * u.ln()).sqrt() * (std::f64::consts::TAU * v).cos()
}

/// A Gamma(`shape`, 1) number (Marsaglia and Tsang 2000; boosted for `shape < 1`).
fn gamma(rng: &mut ChaCha8Rng, shape: f64) -> f64 {
    if shape < 1.0 {
        let boost = uniform(rng).max(f64::MIN_POSITIVE).powf(1.0 / shape);
        return gamma(rng, shape + 1.0) * boost;
    }
    let d = shape - 1.0 / 3.0;
    let c = 1.0 / (9.0 * d).sqrt();
    loop {
        let x = normal(rng);
        let v = (1.0 + c * x).powi(3);
        if v <= 0.0 {
            continue;
        }
        let u = uniform(rng);
        if u.ln() < 0.5 * x * x + d - d * v + d * v.ln() {
            return d * v;
        }
    }
}

/// Stochastic sensitivity: `samples` weight vectors drawn around `weights` from a seed (ChaCha8
/// from `rand_chacha`, so one seed gives one answer on every machine), each ranking counted.
///
/// ```
/// use igf_rubric::decision::{CriterionType, DecisionMatrix, Method, Normalisation, Sampling, rank_acceptability};
///
/// let matrix = DecisionMatrix::new(
///     vec!["a".into(), "b".into(), "c".into()],
///     vec![("x".into(), CriterionType::Benefit), ("y".into(), CriterionType::Benefit)],
///     vec![vec![0.9, 0.2], vec![0.6, 0.6], vec![0.1, 0.8]],
/// )?;
/// let method = Method::WeightedSum { normalisation: Normalisation::None };
/// let sampling = Sampling::Dirichlet { concentration: 20.0 };
/// let result = rank_acceptability(&matrix, &[0.5, 0.5], &method, 1, sampling, 1_000, 42)?;
/// assert_eq!(result, rank_acceptability(&matrix, &[0.5, 0.5], &method, 1, sampling, 1_000, 42)?);
/// let total: f64 = result.selected_probability.iter().sum();
/// assert!((total - 1.0).abs() < 1e-12); // one subject selected per sample
/// # Ok::<(), igf_rubric::Error>(())
/// ```
///
/// # Errors
/// As for the method; [`Error::InvalidData`] for `k` out of range, no samples, or sampling
/// settings out of range.
pub fn rank_acceptability(
    matrix: &DecisionMatrix,
    weights: &[f64],
    method: &Method,
    k: usize,
    sampling: Sampling,
    samples: usize,
    seed: u64,
) -> Result<RankAcceptability, Error> {
    let m = matrix.len();
    if k == 0 || k > m || samples == 0 {
        return Err(invalid(format!(
            "needs 1 <= k <= {m} and at least one sample"
        )));
    }
    match sampling {
        Sampling::Dirichlet { concentration }
            if !(concentration.is_finite() && concentration > 0.0) =>
        {
            return Err(invalid(
                "the Dirichlet concentration must be > 0".to_owned(),
            ));
        }
        Sampling::Uniform { spread } if !(0.0..1.0).contains(&spread) => {
            return Err(invalid("the uniform spread must lie in [0, 1)".to_owned()));
        }
        _ => {}
    }
    let total = weights.iter().fold(0.0, |s, w| s + w);
    let declared: Vec<f64> = weights.iter().map(|w| w / total).collect();
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let mut counts = vec![vec![0usize; m]; m];
    let mut chosen = vec![0usize; m];
    for _ in 0..samples {
        let raw: Vec<f64> = match sampling {
            Sampling::Dirichlet { concentration } => declared
                .iter()
                .map(|w| {
                    if *w > 0.0 {
                        gamma(&mut rng, concentration * w)
                    } else {
                        0.0
                    }
                })
                .collect(),
            Sampling::Uniform { spread } => declared
                .iter()
                .map(|w| w * (1.0 + spread * (2.0 * uniform(&mut rng) - 1.0)))
                .collect(),
        };
        let sum = raw.iter().fold(0.0, |s, w| s + w);
        let drawn: Vec<f64> = if sum > 0.0 {
            raw.iter().map(|w| w / sum).collect()
        } else {
            declared.clone()
        };
        let ranks = method.rank_with(matrix, &drawn, Tables::Omit)?.ranks;
        for (i, r) in ranks.iter().enumerate() {
            if let Some(cell) = counts
                .get_mut(i)
                .and_then(|row| row.get_mut(r.saturating_sub(1)))
            {
                *cell = cell.saturating_add(1);
            }
            if *r <= k
                && let Some(c) = chosen.get_mut(i)
            {
                *c = c.saturating_add(1);
            }
        }
    }
    let share = |n: usize| n as f64 / samples as f64;
    Ok(RankAcceptability {
        format_version: crate::document::FORMAT_VERSION,
        subjects: matrix.subjects().to_vec(),
        rank_probability: counts
            .iter()
            .map(|row| row.iter().map(|n| share(*n)).collect())
            .collect(),
        selected_probability: chosen.iter().map(|n| share(*n)).collect(),
        k,
        samples,
        seed,
        sampling,
    })
}

impl crate::document::sealed::Sealed for RankAcceptability {
    const WRITTEN: bool = true;
}

impl crate::document::Document for RankAcceptability {
    const NAME: &'static str = "rank-acceptability";

    fn format_version(&self) -> u32 {
        self.format_version
    }
}
