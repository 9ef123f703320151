//! Where weights come from: given directly, equal, from a ranking of the criteria, from AHP
//! pairwise comparisons (with the consistency ratio), or from the data (entropy, CRITIC).

use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::DecisionMatrix;
use crate::error::Error;

/// How a set of weights was derived.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case", tag = "method")]
#[non_exhaustive]
pub enum WeightsMethod {
    /// Given as they are (normalised to sum to 1).
    Direct,
    /// `1/n` each.
    Equal,
    /// Rank-order centroid: `w_i = (1/n) Σ_{k=i..n} 1/k` for rank `i`.
    RankOrderCentroid,
    /// Rank sum: `w_i ∝ n - i + 1` for rank `i`.
    RankSum,
    /// Reciprocal rank: `w_i ∝ 1/i`.
    RankReciprocal,
    /// AHP priorities from a pairwise comparison matrix.
    Ahp {
        /// How the priorities were read from the matrix.
        priorities: PriorityMethod,
    },
    /// Shannon entropy of each criterion's shares (more dispersion, more weight).
    Entropy,
    /// CRITIC: each criterion's standard deviation times its total conflict `Σ (1 - r_jk)` with
    /// the others (Diakoulaki, Mavrotas and Papayannakis 1995).
    Critic,
}

/// How AHP priorities are read from a pairwise comparison matrix.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum PriorityMethod {
    /// Saaty's principal right eigenvector (power iteration to 1e-15).
    #[default]
    Eigenvector,
    /// The normalised geometric means of the rows (Crawford and Williams 1985).
    GeometricMean,
}

/// Weights that sum to 1, with how they were derived.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct Weights {
    /// Version of the document format; 1.
    #[schemars(extend("const" = 1))]
    pub format_version: u32,
    /// The derivation.
    #[serde(deserialize_with = "crate::json::object")]
    pub method: WeightsMethod,
    /// One weight per criterion, each `>= 0`, summing to 1.
    pub values: Vec<f64>,
    /// For AHP: the consistency of the comparisons.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub consistency: Option<Consistency>,
    /// For AHP: the comparisons not made, with the values that completed them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub completed: Vec<Completion>,
}

/// A comparison AHP completed: the value that makes the completed matrix most consistent
/// (Bozóki, Fülöp and Rónyai 2010).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct Completion {
    /// The row's criterion, from 1.
    pub row: usize,
    /// The column's criterion, from 1.
    pub column: usize,
    /// The value completed.
    pub value: f64,
}

/// The consistency of an AHP comparison matrix (Saaty 1980).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct Consistency {
    /// The principal eigenvalue `λ_max` (from `A w ./ w`, averaged).
    pub lambda_max: f64,
    /// Consistency index `(λ_max - n) / (n - 1)`.
    pub index: f64,
    /// The random index for `n` criteria, from [`Consistency::random_index_table`].
    pub random_index: f64,
    /// The published table the random index comes from: a consistency ratio is comparable
    /// only with ratios computed on the same table.
    #[serde(default)]
    pub random_index_table: RandomIndex,
    /// Consistency ratio `CI / RI` (0 for `n <= 2`, which are always consistent).
    pub ratio: f64,
    /// Whether `CR <= 0.10`, Saaty's limit.
    pub acceptable: bool,
    /// The verdict in words.
    pub verdict: String,
}

/// A published table of random consistency indices: the mean consistency index of random
/// reciprocal matrices of each size, which AHP's consistency ratio `CR = CI / RI` divides by.
/// Each table was estimated by its own simulation, so the same comparisons give a different
/// ratio under each; name the table beside the ratio.
///
/// ```
/// use igf_rubric::decision::RandomIndex;
///
/// assert_eq!(RandomIndex::Saaty1980.value(7), Some(1.32));
/// assert_eq!(RandomIndex::Saaty2005.value(7), Some(1.35)); // AHPy's 'saaty'
/// assert_eq!(RandomIndex::TummalaLing1998.value(7), Some(1.3322)); // pymcdm
/// // AHPy's default, linear between the sizes tabulated (20: 1.5371, 25: 1.5619):
/// assert!((RandomIndex::DoneganDodd1991.value(22).unwrap() - 1.54702).abs() < 1e-12);
/// assert_eq!(RandomIndex::Saaty1980.value(16), None);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum RandomIndex {
    /// Saaty (1980), for 1 to 15 criteria: 0, 0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45,
    /// 1.49, 1.51, 1.48, 1.56, 1.57, 1.59.
    #[default]
    #[serde(rename = "saaty_1980")]
    Saaty1980,
    /// Saaty (2005, *Theory and Applications of the Analytic Network Process*, p. 31), for 1
    /// to 15 criteria: 0, 0, 0.52, 0.89, 1.11, 1.25, 1.35, 1.40, 1.45, 1.49, 1.52, 1.54, 1.56,
    /// 1.58, 1.59; AHPy's `random_index='saaty'`.
    #[serde(rename = "saaty_2005")]
    Saaty2005,
    /// Donegan and Dodd (1991), for 1 to 100 criteria: tabulated for 3 to 20 and every tenth
    /// size from 30 (and 25), linear between them; AHPy's default (`random_index='dd'`).
    #[serde(rename = "donegan_dodd_1991")]
    DoneganDodd1991,
    /// Tummala and Ling (1998), for 1 to 15 criteria: 0, 0, 0.5799, 0.8921, 1.1159, 1.2358,
    /// 1.3322, 1.3952, 1.4537, 1.4882, 1.5117, 1.5356, 1.5571, 1.5714, 1.5831; pymcdm's AHP.
    #[serde(rename = "tummala_ling_1998")]
    TummalaLing1998,
}

const SAATY_1980: [f64; 15] = [
    0.0, 0.0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49, 1.51, 1.48, 1.56, 1.57, 1.59,
];
const SAATY_2005: [f64; 15] = [
    0.0, 0.0, 0.52, 0.89, 1.11, 1.25, 1.35, 1.40, 1.45, 1.49, 1.52, 1.54, 1.56, 1.58, 1.59,
];
const TUMMALA_LING_1998: [f64; 15] = [
    0.0, 0.0, 0.5799, 0.8921, 1.1159, 1.2358, 1.3322, 1.3952, 1.4537, 1.4882, 1.5117, 1.5356,
    1.5571, 1.5714, 1.5831,
];
/// Donegan and Dodd's estimates: (size, index).
const DONEGAN_DODD_1991: [(usize, f64); 27] = [
    (3, 0.4914),
    (4, 0.8286),
    (5, 1.0591),
    (6, 1.1797),
    (7, 1.2519),
    (8, 1.3171),
    (9, 1.3733),
    (10, 1.4055),
    (11, 1.4213),
    (12, 1.4497),
    (13, 1.4643),
    (14, 1.4822),
    (15, 1.4969),
    (16, 1.5078),
    (17, 1.5153),
    (18, 1.5262),
    (19, 1.5313),
    (20, 1.5371),
    (25, 1.5619),
    (30, 1.5772),
    (40, 1.5976),
    (50, 1.6102),
    (60, 1.6178),
    (70, 1.6237),
    (80, 1.6277),
    (90, 1.6213),
    (100, 1.6339),
];

impl RandomIndex {
    /// The random index for `n` criteria (0 for 1 and 2, which are always consistent), or
    /// `None` beyond the table.
    #[must_use]
    pub fn value(self, n: usize) -> Option<f64> {
        let listed = |table: &[f64]| table.get(n.checked_sub(1)?).copied();
        match self {
            RandomIndex::Saaty1980 => listed(&SAATY_1980),
            RandomIndex::Saaty2005 => listed(&SAATY_2005),
            RandomIndex::TummalaLing1998 => listed(&TUMMALA_LING_1998),
            RandomIndex::DoneganDodd1991 => match n {
                0 => None,
                1 | 2 => Some(0.0),
                _ => {
                    let above = DONEGAN_DODD_1991.iter().position(|(size, _)| *size >= n)?;
                    let (size, index) = DONEGAN_DODD_1991.get(above)?;
                    if *size == n {
                        return Some(*index);
                    }
                    let (below, below_index) = DONEGAN_DODD_1991.get(above.checked_sub(1)?)?;
                    let slope = (index - below_index) / size.saturating_sub(*below) as f64;
                    Some(below_index + slope * n.saturating_sub(*below) as f64)
                }
            },
        }
    }

    /// The largest number of criteria the table covers.
    #[must_use]
    pub fn max_criteria(self) -> usize {
        match self {
            RandomIndex::DoneganDodd1991 => 100,
            _ => 15,
        }
    }

    /// The table's name as cited: `Saaty (1980)`, `Donegan and Dodd (1991)`, ...
    #[must_use]
    pub fn citation(self) -> &'static str {
        match self {
            RandomIndex::Saaty1980 => "Saaty (1980)",
            RandomIndex::Saaty2005 => "Saaty (2005)",
            RandomIndex::DoneganDodd1991 => "Donegan and Dodd (1991)",
            RandomIndex::TummalaLing1998 => "Tummala and Ling (1998)",
        }
    }
}

/// How AHP reads priorities from a comparison matrix and which random index its consistency
/// ratio uses; a [`PriorityMethod`] alone means Saaty's 1980 table.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct AhpOptions {
    /// How the priorities are read from the matrix.
    pub priorities: PriorityMethod,
    /// The table the consistency ratio divides by.
    pub random_index: RandomIndex,
}

impl AhpOptions {
    /// The options with `priorities` and `random_index`.
    #[must_use]
    pub fn new(priorities: PriorityMethod, random_index: RandomIndex) -> AhpOptions {
        AhpOptions {
            priorities,
            random_index,
        }
    }
}

impl From<PriorityMethod> for AhpOptions {
    fn from(priorities: PriorityMethod) -> AhpOptions {
        AhpOptions::new(priorities, RandomIndex::default())
    }
}

fn undefined(statistic: &'static str, reason: &str) -> Error {
    Error::Undefined {
        statistic,
        reason: reason.to_owned(),
    }
}

fn normalised(
    method: WeightsMethod,
    raw: Vec<f64>,
    statistic: &'static str,
) -> Result<Weights, Error> {
    let total = raw.iter().fold(0.0, |s, v| s + v);
    if total.partial_cmp(&0.0) != Some(std::cmp::Ordering::Greater)
        || raw.iter().any(|v| !v.is_finite() || *v < 0.0)
    {
        return Err(undefined(
            statistic,
            "the weights do not sum to a positive number",
        ));
    }
    Ok(Weights {
        format_version: crate::document::FORMAT_VERSION,
        method,
        values: raw.iter().map(|v| v / total).collect(),
        consistency: None,
        completed: Vec::new(),
    })
}

impl Weights {
    /// Weights given directly, normalised to sum to 1.
    ///
    /// # Errors
    /// [`Error::Undefined`] when a weight is negative or not finite, or all are 0.
    pub fn direct(values: &[f64]) -> Result<Weights, Error> {
        normalised(WeightsMethod::Direct, values.to_vec(), "weights")
    }

    /// The weights as exact decimals at `dp` places that add up exactly to 1: each is cut down
    /// to `dp` places, then the units still missing go, one each, to the weights with the
    /// largest remainders (the first among equal remainders).
    ///
    /// ```
    /// use igf_rubric::decision::equal;
    ///
    /// let thirds = equal(3)?.to_decimals(2)?;
    /// assert_eq!(thirds.iter().map(ToString::to_string).collect::<Vec<_>>(), ["0.34", "0.33", "0.33"]);
    /// # Ok::<(), igf_rubric::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidData`] for more than 10 places.
    pub fn to_decimals(&self, dp: u32) -> Result<Vec<Decimal>, Error> {
        if dp > crate::num::MAX_DECIMAL_PLACES {
            return Err(Error::InvalidData {
                statistic: "weights",
                reason: format!(
                    "at most {} places, asked for {dp}",
                    crate::num::MAX_DECIMAL_PLACES
                ),
            });
        }
        let exact: Vec<Decimal> = self
            .values
            .iter()
            .map(|v| {
                Decimal::from_f64_retain(*v)
                    .unwrap_or_default()
                    .round_dp_with_strategy(20, rust_decimal::RoundingStrategy::MidpointNearestEven)
            })
            .collect();
        crate::num::largest_remainder(&exact, dp, Decimal::ONE)
    }

    /// Group weights times the local weights of each group's members: the global weights of
    /// a two-level hierarchy, in the order of the groups' members.
    ///
    /// ```
    /// use igf_rubric::decision::{Weights, equal};
    ///
    /// let groups = Weights::direct(&[0.6, 0.4])?;
    /// let global = Weights::hierarchy(&groups, &[equal(2)?, Weights::direct(&[3.0, 1.0])?])?;
    /// assert_eq!(global.values, [0.3, 0.3, 0.30000000000000004, 0.1]);
    /// # Ok::<(), igf_rubric::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidData`] when the number of local weight sets is not the number of groups.
    pub fn hierarchy(groups: &Weights, locals: &[Weights]) -> Result<Weights, Error> {
        if groups.values.len() != locals.len() {
            return Err(Error::InvalidData {
                statistic: "weights",
                reason: format!(
                    "{} groups but {} sets of local weights",
                    groups.values.len(),
                    locals.len()
                ),
            });
        }
        let values = groups
            .values
            .iter()
            .zip(locals)
            .flat_map(|(g, local)| local.values.iter().map(move |l| g * l))
            .collect();
        Ok(Weights {
            format_version: crate::document::FORMAT_VERSION,
            method: groups.method,
            values,
            consistency: groups.consistency.clone(),
            completed: groups.completed.clone(),
        })
    }
}

/// Equal weights for `n` criteria.
///
/// # Errors
/// [`Error::InvalidData`] for `n = 0`.
pub fn equal(n: usize) -> Result<Weights, Error> {
    if n == 0 {
        return Err(Error::InvalidData {
            statistic: "equal weights",
            reason: "no criteria".to_owned(),
        });
    }
    Ok(Weights {
        format_version: crate::document::FORMAT_VERSION,
        method: WeightsMethod::Equal,
        values: vec![1.0 / n as f64; n],
        consistency: None,
        completed: Vec::new(),
    })
}

/// Weights from the criteria's ranks (1 = most important; equal ranks for ties), each rank's
/// weight by `formula` over positions `1..=n`, tied criteria sharing the mean of the weights of
/// the positions they take.
fn from_ranks(
    ranks: &[usize],
    method: WeightsMethod,
    statistic: &'static str,
    formula: impl Fn(usize, usize) -> f64,
) -> Result<Weights, Error> {
    let n = ranks.len();
    if n == 0 || ranks.iter().any(|r| *r == 0 || *r > n) {
        return Err(Error::InvalidData {
            statistic,
            reason: format!("ranks must run from 1 to the number of criteria ({n})"),
        });
    }
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by_key(|i| ranks.get(*i).copied().unwrap_or(0));
    let by_position: Vec<f64> = (1..=n).map(|i| formula(i, n)).collect();
    let mut values = vec![0.0; n];
    let mut start = 0;
    while start < n {
        let rank = order
            .get(start)
            .and_then(|i| ranks.get(*i))
            .copied()
            .unwrap_or(0);
        let end = (start..n)
            .find(|p| order.get(*p).and_then(|i| ranks.get(*i)) != Some(&rank))
            .unwrap_or(n);
        let shared = by_position.get(start..end).map_or(0.0, |w| {
            w.iter().fold(0.0, |s, v| s + v) / end.saturating_sub(start) as f64
        });
        for p in start..end {
            if let Some(v) = order.get(p).and_then(|i| values.get_mut(*i)) {
                *v = shared;
            }
        }
        start = end;
    }
    normalised(method, values, statistic)
}

/// Rank-order centroid weights (Barron and Barrett 1996) from the criteria's ranks.
///
/// ```
/// use igf_rubric::decision::rank_order_centroid;
///
/// let w = rank_order_centroid(&[1, 2, 3])?; // (1 + 1/2 + 1/3)/3, (1/2 + 1/3)/3, (1/3)/3
/// assert_eq!(format!("{:.4} {:.4} {:.4}", w.values[0], w.values[1], w.values[2]), "0.6111 0.2778 0.1111");
/// # Ok::<(), igf_rubric::Error>(())
/// ```
///
/// # Errors
/// [`Error::InvalidData`] for ranks outside `1..=n`.
pub fn rank_order_centroid(ranks: &[usize]) -> Result<Weights, Error> {
    from_ranks(
        ranks,
        WeightsMethod::RankOrderCentroid,
        "rank-order centroid weights",
        |i, n| (i..=n).fold(0.0, |s, k| s + 1.0 / k as f64) / n as f64,
    )
}

/// Rank-sum weights from the criteria's ranks: `w_i ∝ n - i.saturating_add(1)`.
///
/// # Errors
/// As for [`rank_order_centroid`].
pub fn rank_sum(ranks: &[usize]) -> Result<Weights, Error> {
    from_ranks(ranks, WeightsMethod::RankSum, "rank-sum weights", |i, n| {
        n.saturating_sub(i).saturating_add(1) as f64
    })
}

/// Reciprocal-rank weights from the criteria's ranks: `w_i ∝ 1/i`.
///
/// # Errors
/// As for [`rank_order_centroid`].
pub fn rank_reciprocal(ranks: &[usize]) -> Result<Weights, Error> {
    from_ranks(
        ranks,
        WeightsMethod::RankReciprocal,
        "reciprocal-rank weights",
        |i, _| 1.0 / i as f64,
    )
}

/// A complete AHP pairwise comparison matrix: `a_ij` says how much more important criterion
/// `i` is than `j` on Saaty's 1/9 .. 9 scale, with `a_ii = 1` and `a_ji = 1 / a_ij`. Built
/// only through its checked constructors.
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
pub struct PairwiseMatrix {
    values: Vec<Vec<f64>>,
    /// Comparisons not given, above the diagonal (`i < j`), completed by [`ahp`].
    missing: Vec<(usize, usize)>,
}

impl PairwiseMatrix {
    /// A complete matrix from its rows of plain numbers.
    ///
    /// ```
    /// use igf_rubric::decision::{PairwiseMatrix, PriorityMethod, ahp};
    ///
    /// let m = PairwiseMatrix::from_rows(vec![vec![1.0, 2.0, 4.0], vec![0.5, 1.0, 2.0], vec![0.25, 0.5, 1.0]])?;
    /// assert!((ahp(&m, PriorityMethod::Eigenvector)?.values[0] - 4.0 / 7.0).abs() < 1e-12);
    /// # Ok::<(), igf_rubric::Error>(())
    /// ```
    ///
    /// # Errors
    /// As for [`PairwiseMatrix::new`].
    pub fn from_rows(rows: Vec<Vec<f64>>) -> Result<PairwiseMatrix, Error> {
        PairwiseMatrix::new(
            rows.into_iter()
                .map(|row| row.into_iter().map(Some).collect())
                .collect(),
        )
    }

    /// The matrix from its rows; a comparison not made is `None` in both `(i, j)` and `(j, i)`
    /// (one given fills the other with its reciprocal), and [`ahp`] completes it.
    ///
    /// # Errors
    /// [`Error::InvalidData`] for a matrix that is not square, a diagonal other than 1, a value
    /// outside 1/9 .. 9, `a_ji` not `1 / a_ij` (to 1e-9), naming the cell, or comparisons that
    /// leave a criterion unconnected to the others (nothing could weigh it).
    pub fn new(rows: Vec<Vec<Option<f64>>>) -> Result<PairwiseMatrix, Error> {
        let invalid = |reason: String| Error::InvalidData {
            statistic: "AHP comparisons",
            reason,
        };
        let n = rows.len();
        if n == 0 || rows.iter().any(|r| r.len() != n) {
            return Err(invalid(
                "the comparison matrix must be square and not empty".to_owned(),
            ));
        }
        let mut values = vec![vec![1.0; n]; n];
        let mut missing = Vec::new();
        for (i, row) in rows.iter().enumerate() {
            for (j, cell) in row.iter().enumerate() {
                let mirror = rows.get(j).and_then(|r| r.get(i)).copied().flatten();
                let Some(v) = cell.or(mirror.map(|m| 1.0 / m)).as_ref().copied() else {
                    if i < j {
                        missing.push((i, j));
                    }
                    continue;
                };
                let v = &v;
                if i == j && (*v - 1.0).abs() > 1e-12 {
                    return Err(invalid(format!(
                        "comparison ({}, {}) compares a criterion with itself and must be 1, found {v}",
                        i.saturating_add(1),
                        j.saturating_add(1)
                    )));
                }
                if !(1.0 / 9.0 - 1e-12..=9.0 + 1e-12).contains(v) {
                    return Err(invalid(format!(
                        "comparison ({}, {}) is {v}, outside Saaty's 1/9 .. 9",
                        i.saturating_add(1),
                        j.saturating_add(1)
                    )));
                }
                let mirror = rows.get(j).and_then(|r| r.get(i)).copied().flatten();
                if mirror.is_some_and(|m| (m * v - 1.0).abs() > 1e-9) {
                    return Err(invalid(format!(
                        "comparisons ({}, {}) and ({}, {}) are not reciprocal",
                        i.saturating_add(1),
                        j.saturating_add(1),
                        j.saturating_add(1),
                        i.saturating_add(1)
                    )));
                }
                if let Some(slot) = values.get_mut(i).and_then(|r| r.get_mut(j)) {
                    *slot = *v;
                }
            }
        }
        // Every criterion must be reachable from the first through comparisons made.
        let mut reached = vec![false; n];
        let mut stack = vec![0usize];
        while let Some(i) = stack.pop() {
            if reached.get(i).copied().unwrap_or(true) {
                continue;
            }
            if let Some(r) = reached.get_mut(i) {
                *r = true;
            }
            for j in 0..n {
                let known = j != i && !missing.contains(&(i.min(j), i.max(j)));
                if known && !reached.get(j).copied().unwrap_or(true) {
                    stack.push(j);
                }
            }
        }
        if let Some(lost) = reached.iter().position(|r| !r) {
            return Err(invalid(format!(
                "criterion {} is not compared, directly or through others, with criterion 1: no completion can weigh it",
                lost.saturating_add(1)
            )));
        }
        Ok(PairwiseMatrix { values, missing })
    }

    /// The matrix from the comparisons above the diagonal, row by row, `None` where a
    /// comparison was not made; [`ahp`] completes those.
    ///
    /// # Errors
    /// As for [`PairwiseMatrix::from_upper`].
    pub fn from_upper_partial(upper: &[Option<f64>]) -> Result<PairwiseMatrix, Error> {
        let n = (1..=64usize)
            .find(|n| n.saturating_mul(n.saturating_sub(1)) / 2 == upper.len())
            .ok_or_else(|| Error::InvalidData {
                statistic: "AHP comparisons",
                reason: format!("{} comparisons is not n(n-1)/2 for any n", upper.len()),
            })?;
        let mut rows = vec![vec![Some(1.0); n]; n];
        let mut next = upper.iter();
        for i in 0..n {
            for j in i.saturating_add(1)..n {
                let v = next.next().copied().flatten();
                if let Some(cell) = rows.get_mut(i).and_then(|r| r.get_mut(j)) {
                    *cell = v;
                }
                if let Some(cell) = rows.get_mut(j).and_then(|r| r.get_mut(i)) {
                    *cell = v.map(|v| 1.0 / v);
                }
            }
        }
        PairwiseMatrix::new(rows)
    }

    /// The comparisons not made, as `(row, column)` above the diagonal, from 0.
    #[must_use]
    pub fn missing(&self) -> &[(usize, usize)] {
        &self.missing
    }

    fn set(&mut self, (i, j): (usize, usize), value: f64) {
        if let Some(cell) = self.values.get_mut(i).and_then(|r| r.get_mut(j)) {
            *cell = value;
        }
        if let Some(cell) = self.values.get_mut(j).and_then(|r| r.get_mut(i)) {
            *cell = 1.0 / value;
        }
    }

    /// The matrix from the comparisons above the diagonal, row by row (`n(n-1)/2` values:
    /// `a_12, a_13, ..., a_23, ...`); the diagonal and the reciprocals are filled in.
    ///
    /// # Errors
    /// As for [`PairwiseMatrix::new`], and for a count that is no `n(n-1)/2`.
    pub fn from_upper(upper: &[f64]) -> Result<PairwiseMatrix, Error> {
        let given: Vec<Option<f64>> = upper.iter().copied().map(Some).collect();
        PairwiseMatrix::from_upper_partial(&given)
    }

    /// How many items (criteria or alternatives) the matrix compares.
    #[must_use]
    pub fn size(&self) -> usize {
        self.values.len()
    }

    /// The comparison of item `i` with item `j` (from 0), `None` where it was not made or
    /// there is no such cell.
    #[must_use]
    pub fn get(&self, i: usize, j: usize) -> Option<f64> {
        if self.missing.contains(&(i.min(j), i.max(j))) {
            return None;
        }
        self.values.get(i).and_then(|r| r.get(j)).copied()
    }

    fn n(&self) -> usize {
        self.values.len()
    }

    fn at(&self, i: usize, j: usize) -> f64 {
        self.values
            .get(i)
            .and_then(|r| r.get(j))
            .copied()
            .unwrap_or(1.0)
    }
}

/// AHP weights from a pairwise comparison matrix, with the consistency index and ratio.
///
/// # Examples
/// Saaty's consistent 3 x 3 example `[[1, 2, 4], [1/2, 1, 2], [1/4, 1/2, 1]]` gives 4/7, 2/7,
/// 1/7 and `CR = 0`.
/// ```
/// use igf_rubric::decision::{PairwiseMatrix, PriorityMethod, ahp};
///
/// let comparisons = PairwiseMatrix::from_upper(&[2.0, 4.0, 2.0])?;
/// let w = ahp(&comparisons, PriorityMethod::Eigenvector)?;
/// assert!((w.values[0] - 4.0 / 7.0).abs() < 1e-12);
/// let consistency = w.consistency.unwrap();
/// assert!(consistency.ratio.abs() < 1e-12 && consistency.acceptable);
/// # Ok::<(), igf_rubric::Error>(())
/// ```
///
/// An incomplete matrix (comparisons not made, [`PairwiseMatrix::missing`]) is completed
/// first by the optimal completion of Bozóki, Fülöp and Rónyai (2010), the method AHPy uses,
/// and the values used are listed in [`Weights::completed`].
///
/// The second argument is a [`PriorityMethod`] (with Saaty's 1980 random index) or
/// [`AhpOptions`] naming another table:
/// ```
/// use igf_rubric::decision::{AhpOptions, PairwiseMatrix, PriorityMethod, RandomIndex, ahp};
///
/// let comparisons = PairwiseMatrix::from_upper(&[3.0, 5.0, 1.0 / 2.0, 2.0, 1.0 / 3.0, 4.0])?;
/// let options = AhpOptions::new(PriorityMethod::Eigenvector, RandomIndex::DoneganDodd1991);
/// let consistency = ahp(&comparisons, options)?.consistency.unwrap();
/// assert_eq!(consistency.random_index, 0.8286);
/// assert_eq!(consistency.random_index_table, RandomIndex::DoneganDodd1991);
/// # Ok::<(), igf_rubric::Error>(())
/// ```
///
/// Matches AHPy's `Compare(...).local_weights` and `consistency_ratio` (with `RandomIndex::Saaty2005` or `DoneganDodd1991`) and pymcdm's `weights.subjective.AHP.get_cr` (with `TummalaLing1998`) (tests/fixtures/mcdm.json, methods.json).
///
/// # Errors
/// [`Error::InvalidData`] for more criteria than the random index table covers (15, or 100
/// for Donegan and Dodd).
pub fn ahp(comparisons: &PairwiseMatrix, options: impl Into<AhpOptions>) -> Result<Weights, Error> {
    const STATISTIC: &str = "AHP weights";
    let AhpOptions {
        priorities,
        random_index: table,
    } = options.into();
    let (completed_matrix, completed) = complete(comparisons);
    let comparisons = &completed_matrix;
    let n = comparisons.n();
    let Some(random_index) = table.value(n) else {
        return Err(Error::InvalidData {
            statistic: STATISTIC,
            reason: format!(
                "the random index of {} covers up to {} criteria, found {n}",
                table.citation(),
                table.max_criteria()
            ),
        });
    };
    let raw: Vec<f64> = match priorities {
        PriorityMethod::GeometricMean => (0..n)
            .map(|i| (0..n).fold(0.0, |s, j| s + comparisons.at(i, j).ln()) / n as f64)
            .map(f64::exp)
            .collect(),
        PriorityMethod::Eigenvector => principal(comparisons),
    };
    let mut weights = normalised(WeightsMethod::Ahp { priorities }, raw, STATISTIC)?;
    weights.completed = completed;
    let w = &weights.values;
    let lambda_max = (0..n)
        .map(|i| {
            (0..n).fold(0.0, |s, j| {
                s + comparisons.at(i, j) * w.get(j).copied().unwrap_or(0.0)
            }) / w.get(i).copied().unwrap_or(1.0)
        })
        .fold(0.0, |s, v| s + v)
        / n as f64;
    let index = if n > 1 {
        ((lambda_max - n as f64) / (n as f64 - 1.0)).max(0.0)
    } else {
        0.0
    };
    let ratio = if random_index > 0.0 {
        index / random_index
    } else {
        0.0
    };
    let acceptable = ratio <= 0.10;
    let verdict = if acceptable {
        format!("consistent enough: CR = {ratio:.3} <= 0.10")
    } else {
        format!(
            "inconsistent: CR = {ratio:.3} > 0.10; revisit the comparisons before using these weights"
        )
    };
    weights.consistency = Some(Consistency {
        lambda_max,
        index,
        random_index,
        random_index_table: table,
        ratio,
        acceptable,
        verdict,
    });
    Ok(weights)
}

/// The principal right eigenvector of a comparison matrix, normalised to sum to 1 (power
/// iteration until no component moves by 1e-15).
fn principal(comparisons: &PairwiseMatrix) -> Vec<f64> {
    let n = comparisons.n();
    let mut w = vec![1.0 / n as f64; n];
    for _ in 0..10_000 {
        let next: Vec<f64> = (0..n)
            .map(|i| {
                (0..n).fold(0.0, |s, j| {
                    s + comparisons.at(i, j) * w.get(j).copied().unwrap_or(0.0)
                })
            })
            .collect();
        let total = next.iter().fold(0.0, |s, v| s + v);
        let next: Vec<f64> = next.iter().map(|v| v / total).collect();
        let change = next
            .iter()
            .zip(&w)
            .fold(0.0_f64, |m, (a, b)| m.max((a - b).abs()));
        w = next;
        if change < 1e-15 {
            break;
        }
    }
    w
}

/// The principal eigenvalue `λ_max` of a comparison matrix.
fn lambda_max(comparisons: &PairwiseMatrix) -> f64 {
    let w = principal(comparisons);
    let n = comparisons.n();
    (0..n)
        .map(|i| {
            (0..n).fold(0.0, |s, j| {
                s + comparisons.at(i, j) * w.get(j).copied().unwrap_or(0.0)
            }) / w.get(i).copied().unwrap_or(1.0)
        })
        .fold(0.0, |s, v| s + v)
        / n as f64
}

/// The optimal completion of Bozóki, Fülöp and Rónyai (2010): the missing comparisons, in
/// turn, set to the value that minimises `λ_max` (which is convex in their logarithms), by
/// golden-section search over 1/1000 .. 1000 in log scale, sweep after sweep until no value
/// moves by more than 1e-7 (relative) or 200 sweeps. Missing comparisons start at 1. `λ_max`
/// is flat at its minimum, so its floating-point value fixes the optimum to about the square
/// root of its precision (1e-8): a closer stop would only chase rounding.
fn complete(comparisons: &PairwiseMatrix) -> (PairwiseMatrix, Vec<Completion>) {
    let mut matrix = comparisons.clone();
    let missing = comparisons.missing.clone();
    if missing.is_empty() {
        return (matrix, Vec::new());
    }
    for cell in &missing {
        matrix.set(*cell, 1.0);
    }
    let ratio = (5.0_f64.sqrt() - 1.0) / 2.0;
    for _ in 0..200 {
        let mut moved = 0.0_f64;
        for cell in &missing {
            let before = matrix.at(cell.0, cell.1).ln();
            let mut at = |t: f64| {
                matrix.set(*cell, t.exp());
                lambda_max(&matrix)
            };
            let (mut a, mut b) = (-(1000.0_f64.ln()), 1000.0_f64.ln());
            let (mut c, mut d) = (b - ratio * (b - a), a + ratio * (b - a));
            let (mut fc, mut fd) = (at(c), at(d));
            while b - a > 1e-8 {
                if fc < fd {
                    b = d;
                    d = c;
                    fd = fc;
                    c = b - ratio * (b - a);
                    fc = at(c);
                } else {
                    a = c;
                    c = d;
                    fc = fd;
                    d = a + ratio * (b - a);
                    fd = at(d);
                }
            }
            let best = 0.5 * (a + b);
            matrix.set(*cell, best.exp());
            moved = moved.max((best - before).abs());
        }
        if moved < 1e-7 {
            break;
        }
    }
    let completed = missing
        .iter()
        .map(|(i, j)| Completion {
            row: i.saturating_add(1),
            column: j.saturating_add(1),
            value: matrix.at(*i, *j),
        })
        .collect();
    (matrix, completed)
}

/// Entropy weights from a decision matrix of positive values: each column's shares
/// `p_ij = x_ij / Σ_i x_ij`, entropy `e_j = -Σ_i p_ij ln p_ij / ln m` (with `0 ln 0 = 0`), and
/// weight `∝ 1 - e_j`. (`pymcdm` sets the entropy of a column holding a 0 to 0 instead.)
///
/// Matches pymcdm's `weights.entropy_weights` (tests/fixtures/mcdm.json).
///
/// # Errors
/// [`Error::InvalidData`] for a negative value or a column summing to 0;
/// [`Error::Undefined`] for one subject, or when every column is constant.
pub fn entropy(matrix: &DecisionMatrix) -> Result<Weights, Error> {
    const STATISTIC: &str = "entropy weights";
    let m = matrix.len();
    if m < 2 {
        return Err(undefined(STATISTIC, "needs at least two subjects"));
    }
    let mut raw = Vec::with_capacity(matrix.criteria().len());
    for (j, (name, _)) in matrix.criteria().iter().enumerate() {
        let column = matrix.column(j);
        let total = column.iter().fold(0.0, |s, v| s + v);
        if column.iter().any(|v| *v < 0.0) || total <= 0.0 {
            return Err(Error::InvalidData {
                statistic: STATISTIC,
                reason: format!("criterion `{name}` needs values >= 0 with a positive sum"),
            });
        }
        let e = -column
            .iter()
            .map(|v| v / total)
            .filter(|p| *p > 0.0)
            .fold(0.0, |s, p| s + p * p.ln())
            / (m as f64).ln();
        raw.push((1.0 - e).max(0.0));
    }
    normalised(WeightsMethod::Entropy, raw, STATISTIC)
        .map_err(|_| undefined(STATISTIC, "every criterion is constant"))
}

/// CRITIC weights: columns min-max normalised, `C_j = s_j Σ_k (1 - r_jk)` with `s_j` the
/// sample standard deviation and `r` Pearson's correlation (a constant column has `s_j = 0`
/// and weight 0), weight `∝ C_j`.
///
/// Matches pymcdm's `weights.critic_weights` (tests/fixtures/mcdm.json).
///
/// # Errors
/// [`Error::Undefined`] for fewer than two subjects, or when every column is constant.
pub fn critic(matrix: &DecisionMatrix) -> Result<Weights, Error> {
    const STATISTIC: &str = "CRITIC weights";
    let m = matrix.len();
    if m < 2 {
        return Err(undefined(STATISTIC, "needs at least two subjects"));
    }
    let columns: Vec<Vec<f64>> = (0..matrix.criteria().len())
        .map(|j| {
            let c = matrix.column(j);
            let (lo, hi) = c
                .iter()
                .fold((f64::INFINITY, f64::NEG_INFINITY), |(l, h), v| {
                    (l.min(*v), h.max(*v))
                });
            if hi > lo {
                c.iter().map(|v| (v - lo) / (hi - lo)).collect()
            } else {
                vec![1.0; c.len()]
            }
        })
        .collect();
    let mean = |c: &[f64]| c.iter().fold(0.0, |s, v| s + v) / c.len() as f64;
    let sd = |c: &[f64]| {
        let mu = mean(c);
        (c.iter().fold(0.0, |s, v| s + (v - mu).powi(2)) / (c.len() as f64 - 1.0)).sqrt()
    };
    let sds: Vec<f64> = columns.iter().map(|c| sd(c)).collect();
    let correlation = |a: &[f64], b: &[f64]| {
        let (ma, mb) = (mean(a), mean(b));
        let cov = a
            .iter()
            .zip(b)
            .fold(0.0, |s, (x, y)| s + (x - ma) * (y - mb));
        let (va, vb) = (
            a.iter().fold(0.0, |s, x| s + (x - ma).powi(2)),
            b.iter().fold(0.0, |s, y| s + (y - mb).powi(2)),
        );
        if va > 0.0 && vb > 0.0 {
            cov / (va * vb).sqrt()
        } else {
            0.0
        }
    };
    let raw: Vec<f64> = columns
        .iter()
        .zip(&sds)
        .map(|(a, s)| {
            if *s > 0.0 {
                s * columns
                    .iter()
                    .fold(0.0, |t, b| t + (1.0 - correlation(a, b)))
            } else {
                0.0
            }
        })
        .collect();
    normalised(WeightsMethod::Critic, raw, STATISTIC)
        .map_err(|_| undefined(STATISTIC, "every criterion is constant"))
}

impl crate::document::sealed::Sealed for Weights {
    const WRITTEN: bool = true;
}

impl crate::document::Document for Weights {
    const NAME: &'static str = "weights";

    fn format_version(&self) -> u32 {
        self.format_version
    }
}
