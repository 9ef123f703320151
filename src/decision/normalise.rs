//! Bringing each column of a decision matrix to a common scale, streamed a row at a time so a
//! method that needs only per-row figures never holds the whole normalised matrix.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::matrix::{Table, invalid};
use super::{CriterionType, DecisionMatrix};
use crate::error::Error;

/// How a column is brought to a common scale before weighting. Each is named for its formula;
/// the matching function of `pymcdm.normalizations` is given where there is one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Normalisation {
    /// The values as they are; a cost `x` becomes `max - x`.
    None,
    /// `(x - min)/(max - min)`, a cost `(max - x)/(max - min)`; a constant column is all 1
    /// (`minmax_normalization`).
    MinMax,
    /// `x / ‖x‖`, a cost `1 - x / ‖x‖` (`vector_normalization`).
    Vector,
    /// `x / Σx`, a cost `(1/x) / Σ(1/x)`, positive values only (`sum_normalization`).
    Sum,
    /// `x / max`, a cost `min / x`, positive values only: pymcdm's `linear_normalization`
    /// (not its `max_normalization`, which makes a cost `1 - x / max`).
    Max,
}

/// Each column's sum of `f(x)`, from one pass over the rows.
fn column_sums(values: &Table, f: impl Fn(f64) -> f64) -> Vec<f64> {
    let mut sums = vec![0.0; values.columns()];
    for row in values.iter_rows() {
        for (s, x) in sums.iter_mut().zip(row) {
            *s += f(*x);
        }
    }
    sums
}

/// How one column maps to its normalised values: `x · scale + shift`, or `scale / x`.
#[derive(Clone, Copy)]
struct ColumnMap {
    scale: f64,
    shift: f64,
    reciprocal: bool,
}

impl ColumnMap {
    const fn affine(scale: f64, shift: f64) -> ColumnMap {
        ColumnMap {
            scale,
            shift,
            reciprocal: false,
        }
    }

    fn apply(self, x: f64) -> f64 {
        if self.reciprocal {
            self.scale / x
        } else {
            x * self.scale + self.shift
        }
    }
}

/// A matrix's normalisation, ready to apply row by row. Each column's map is monotone, so the
/// normalised column's extremes are the maps of the raw column's extremes.
pub(crate) struct Normaliser {
    maps: Vec<ColumnMap>,
    lo: Vec<f64>,
    hi: Vec<f64>,
}

impl Normaliser {
    /// The maps for `how`, from the figures the matrix took when it was built, and, for sum
    /// normalisation of a cost, one pass for the sums of reciprocals.
    pub(crate) fn new(matrix: &DecisionMatrix, how: Normalisation) -> Result<Normaliser, Error> {
        let stats = matrix.stats();
        let (lo, hi) = (stats.lo.clone(), stats.hi.clone());
        // Vector normalisation needs the sums of squares; sum normalisation the sums, and the
        // sums of reciprocals for a cost.
        let sums: &[f64] = match how {
            Normalisation::Vector => &stats.sum_of_squares,
            Normalisation::Sum => &stats.sum,
            _ => &[],
        };
        let reciprocals = if how == Normalisation::Sum
            && matrix.criteria().iter().any(|c| c.1 == CriterionType::Cost)
            && lo.iter().all(|l| *l > 0.0)
        {
            column_sums(matrix.values(), |x| 1.0 / x)
        } else {
            Vec::new()
        };
        let maps = matrix
            .criteria()
            .iter()
            .enumerate()
            .map(|(j, (name, kind))| {
                let cost = *kind == CriterionType::Cost;
                let (l, h) = (
                    lo.get(j).copied().unwrap_or(0.0),
                    hi.get(j).copied().unwrap_or(0.0),
                );
                let sum = sums.get(j).copied().unwrap_or(0.0);
                Ok(match how {
                    Normalisation::None if cost => ColumnMap::affine(-1.0, h),
                    Normalisation::None => ColumnMap::affine(1.0, 0.0),
                    Normalisation::MinMax if h > l && cost => {
                        ColumnMap::affine(-1.0 / (h - l), h / (h - l))
                    }
                    Normalisation::MinMax if h > l => {
                        ColumnMap::affine(1.0 / (h - l), -l / (h - l))
                    }
                    Normalisation::MinMax => ColumnMap::affine(0.0, 1.0),
                    Normalisation::Vector => {
                        let norm = sum.sqrt();
                        if norm == 0.0 {
                            return Err(invalid(format!(
                                "criterion `{name}` is all 0, which vector normalisation cannot \
                                 scale"
                            )));
                        }
                        if cost {
                            ColumnMap::affine(-1.0 / norm, 1.0)
                        } else {
                            ColumnMap::affine(1.0 / norm, 0.0)
                        }
                    }
                    Normalisation::Sum | Normalisation::Max if l <= 0.0 => {
                        return Err(invalid(format!(
                            "criterion `{name}` has a value <= 0, which this normalisation cannot \
                             scale"
                        )));
                    }
                    Normalisation::Sum if cost => ColumnMap {
                        scale: 1.0 / reciprocals.get(j).copied().unwrap_or(1.0),
                        shift: 0.0,
                        reciprocal: true,
                    },
                    Normalisation::Sum => ColumnMap::affine(1.0 / sum, 0.0),
                    Normalisation::Max if cost => ColumnMap {
                        scale: l,
                        shift: 0.0,
                        reciprocal: true,
                    },
                    Normalisation::Max => ColumnMap::affine(1.0 / h, 0.0),
                })
            })
            .collect::<Result<_, Error>>()?;
        Ok(Normaliser { maps, lo, hi })
    }

    /// Each normalised column's smallest and largest value, times `weights`.
    pub(crate) fn extremes(&self, weights: &[f64]) -> (Vec<f64>, Vec<f64>) {
        self.maps
            .iter()
            .zip(self.lo.iter().zip(&self.hi))
            .zip(weights)
            .map(|((map, (l, h)), w)| {
                let (a, b) = (map.apply(*l) * w, map.apply(*h) * w);
                (a.min(b), a.max(b))
            })
            .unzip()
    }

    /// Each column's normalised value times its weight as `x · a + b`, when every map is
    /// affine (every normalisation but sum and max on a cost).
    pub(crate) fn weighted_affine(&self, weights: &[f64]) -> Option<Vec<(f64, f64)>> {
        self.maps
            .iter()
            .zip(weights)
            .map(|(map, w)| (!map.reciprocal).then_some((map.scale * w, map.shift * w)))
            .collect()
    }

    /// Calls `f` with each row normalised and multiplied by `weights` (1 when `None`), in
    /// order, through one reused buffer.
    pub(crate) fn for_each_row(
        &self,
        matrix: &DecisionMatrix,
        weights: Option<&[f64]>,
        mut f: impl FnMut(&[f64]),
    ) {
        let n = self.maps.len();
        let ones = vec![1.0; n];
        let weights = weights.unwrap_or(&ones);
        let mut row_out = vec![0.0; n];
        // Without a reciprocal column, every map is `x · scale + shift`: two plain arrays
        // the compiler vectorises.
        let affine = !self.maps.iter().any(|m| m.reciprocal);
        let scale: Vec<f64> = self.maps.iter().map(|m| m.scale).collect();
        let shift: Vec<f64> = self.maps.iter().map(|m| m.shift).collect();
        for row in matrix.values().iter_rows() {
            if affine {
                for ((out, x), ((s, t), w)) in row_out
                    .iter_mut()
                    .zip(row)
                    .zip(scale.iter().zip(&shift).zip(weights))
                {
                    *out = (x * s + t) * w;
                }
            } else {
                for ((out, x), (map, w)) in row_out
                    .iter_mut()
                    .zip(row)
                    .zip(self.maps.iter().zip(weights))
                {
                    *out = map.apply(*x) * w;
                }
            }
            f(&row_out);
        }
    }

    /// The whole normalised matrix, times `weights` when given.
    pub(crate) fn table(&self, matrix: &DecisionMatrix, weights: Option<&[f64]>) -> Table {
        let n = self.maps.len();
        let mut data = Vec::with_capacity(matrix.len().saturating_mul(n));
        self.for_each_row(matrix, weights, |row| data.extend_from_slice(row));
        Table::from_data(n, data)
    }
}

/// Folds a row into four lanes with `K` parameters per column (each given as a column-long
/// slice), column `j` into lane `j mod 4`: four independent chains the compiler keeps in vector
/// registers, where one chain would wait on each addition. The order of operations is fixed,
/// so every machine gets the same bits.
#[inline]
pub(crate) fn fold_lanes<A: Copy, const K: usize>(
    init: A,
    row: &[f64],
    params: [&[f64]; K],
    step: impl Fn(A, f64, [f64; K]) -> A,
) -> [A; 4] {
    let mut lanes = [init; 4];
    let mut blocks = params.map(|p| p.chunks_exact(4));
    let mut rows = row.chunks_exact(4);
    for x in &mut rows {
        let block: [[f64; 4]; K] =
            std::array::from_fn(|k| match blocks.get_mut(k).and_then(Iterator::next) {
                Some(&[a, b, c, d]) => [a, b, c, d],
                _ => [0.0; 4],
            });
        for (l, (lane, x)) in lanes.iter_mut().zip(x).enumerate() {
            *lane = step(*lane, *x, block.map(|p| p.get(l).copied().unwrap_or(0.0)));
        }
    }
    // The tail is shorter than 4: one column per lane.
    let tails = blocks.map(|b| b.remainder());
    for (l, (lane, x)) in lanes.iter_mut().zip(rows.remainder()).enumerate() {
        *lane = step(*lane, *x, tails.map(|t| t.get(l).copied().unwrap_or(0.0)));
    }
    lanes
}
