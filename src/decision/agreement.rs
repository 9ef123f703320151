//! How far rankings agree: Spearman's rho, Kendall's tau-b, and a Borda compromise.

use crate::error::Error;

/// Average ranks (ties share the mean of their positions), higher value first.
fn average_ranks(values: &[f64]) -> Vec<f64> {
    values
        .iter()
        .map(|v| {
            let better = values.iter().filter(|o| *o > v).count() as f64;
            let equal = values.iter().filter(|o| *o == v).count() as f64;
            better + (equal + 1.0) / 2.0
        })
        .collect()
}

fn check(a: &[f64], b: &[f64], statistic: &'static str) -> Result<(), Error> {
    if a.len() != b.len() || a.len() < 2 || a.iter().chain(b).any(|v| !v.is_finite()) {
        return Err(Error::InvalidData {
            statistic,
            reason: "needs two finite lists of the same length, at least 2".to_owned(),
        });
    }
    Ok(())
}

/// Spearman's rho of two lists of scores (or ranks): Pearson's correlation of their average
/// ranks.
///
/// # Errors
/// [`Error::InvalidData`] for lists of different lengths or fewer than 2; [`Error::Undefined`]
/// when a list is constant.
pub fn spearman_rho(a: &[f64], b: &[f64]) -> Result<f64, Error> {
    check(a, b, "Spearman's rho")?;
    let (ra, rb) = (average_ranks(a), average_ranks(b));
    let n = ra.len() as f64;
    let (ma, mb) = (
        ra.iter().fold(0.0, |s, v| s + v) / n,
        rb.iter().fold(0.0, |s, v| s + v) / n,
    );
    let cov = ra
        .iter()
        .zip(&rb)
        .fold(0.0, |s, (x, y)| s + (x - ma) * (y - mb));
    let (va, vb) = (
        ra.iter().fold(0.0, |s, x| s + (x - ma).powi(2)),
        rb.iter().fold(0.0, |s, y| s + (y - mb).powi(2)),
    );
    if va == 0.0 || vb == 0.0 {
        return Err(Error::Undefined {
            statistic: "Spearman's rho",
            reason: "a ranking puts every subject level".to_owned(),
        });
    }
    Ok(cov / (va * vb).sqrt())
}

/// Kendall's tau-b of two lists of scores (or ranks): concordant minus discordant pairs over
/// `√((n₀ - n₁)(n₀ - n₂))`, ties corrected; without ties, tau-a.
///
/// # Errors
/// As for [`spearman_rho`].
pub fn kendall_tau(a: &[f64], b: &[f64]) -> Result<f64, Error> {
    check(a, b, "Kendall's tau")?;
    let (mut concordant, mut tied_a, mut tied_b, mut pairs) = (0.0_f64, 0.0_f64, 0.0_f64, 0.0_f64);
    for i in 0..a.len() {
        for j in i.saturating_add(1)..a.len() {
            let (da, db) = (
                a.get(i).copied().unwrap_or(0.0) - a.get(j).copied().unwrap_or(0.0),
                b.get(i).copied().unwrap_or(0.0) - b.get(j).copied().unwrap_or(0.0),
            );
            pairs += 1.0;
            if da == 0.0 {
                tied_a += 1.0;
            }
            if db == 0.0 {
                tied_b += 1.0;
            }
            concordant += (da * db).signum() * f64::from(u8::from(da != 0.0 && db != 0.0));
        }
    }
    let denominator = ((pairs - tied_a) * (pairs - tied_b)).sqrt();
    if denominator == 0.0 {
        return Err(Error::Undefined {
            statistic: "Kendall's tau",
            reason: "a ranking puts every subject level".to_owned(),
        });
    }
    Ok(concordant / denominator)
}

/// A compromise of several rankings by Borda count: each ranking gives a subject `m - rank`
/// points; the ranks of the summed points, ties sharing the better rank.
///
/// ```
/// use igf_rubric::decision::borda;
///
/// assert_eq!(borda(&[vec![1, 2, 3], vec![2, 1, 3], vec![1, 3, 2]])?, [1, 2, 3]);
/// # Ok::<(), igf_rubric::Error>(())
/// ```
///
/// # Errors
/// [`Error::InvalidData`] for no rankings, or rankings of different lengths or ranks outside
/// `1..=m`.
pub fn borda(rankings: &[Vec<usize>]) -> Result<Vec<usize>, Error> {
    let m = rankings.first().map_or(0, Vec::len);
    if m == 0
        || rankings
            .iter()
            .any(|r| r.len() != m || r.iter().any(|x| *x == 0 || *x > m))
    {
        return Err(Error::InvalidData {
            statistic: "Borda count",
            reason: "needs rankings of the same subjects, ranks from 1".to_owned(),
        });
    }
    let points: Vec<f64> = (0..m)
        .map(|i| {
            rankings.iter().fold(0.0, |s, r| {
                s + m.saturating_sub(r.get(i).copied().unwrap_or(m)) as f64
            })
        })
        .collect();
    Ok(super::ranks(&points, true))
}
