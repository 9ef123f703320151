//! Decision methods at the sizes of issue 10: TOPSIS and VIKOR on 100,000 subjects x 20
//! criteria, and the stochastic sensitivity on 1,000 subjects x 20 criteria x 10,000 weight
//! samples.
//!
//! `cargo bench --bench decision`. Goals on a 2-core machine: TOPSIS and VIKOR at least 10x
//! faster than `pymcdm` with its validation off (`scripts/mcdm_bench.py` times the peer on the
//! same matrix); the stochastic sensitivity in at most 2 s.
// Tests, examples and benches may panic: the no-panic lints of Cargo.toml are for shipped code.
#![allow(
    clippy::arithmetic_side_effects,
    clippy::indexing_slicing,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::disallowed_methods
)]

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use igf_rubric::decision::{
    CriterionType, DecisionMatrix, Method, Normalisation, Sampling, Tables, rank_acceptability,
    topsis, vikor,
};

/// The matrix `scripts/mcdm_bench.py` builds: `x_ij = 1 + ((i * 7919 + j * 104729) mod 1000) /
/// 100`, the first five criteria costs, weights `∝ j + 1`.
fn matrix(m: usize, n: usize) -> (DecisionMatrix, Vec<f64>) {
    let values = (0..m)
        .map(|i| {
            (0..n)
                .map(|j| 1.0 + ((i * 7919 + j * 104_729) % 1000) as f64 / 100.0)
                .collect()
        })
        .collect();
    let criteria = (0..n)
        .map(|j| {
            (
                format!("c{j}"),
                if j < 5 {
                    CriterionType::Cost
                } else {
                    CriterionType::Benefit
                },
            )
        })
        .collect();
    let subjects = (0..m).map(|i| format!("s{i}")).collect();
    let total = (n * (n + 1) / 2) as f64;
    let weights = (0..n).map(|j| (j + 1) as f64 / total).collect();
    (
        DecisionMatrix::new(subjects, criteria, values).unwrap(),
        weights,
    )
}

fn methods(c: &mut Criterion) {
    let (big, weights) = matrix(100_000, 20);
    let mut group = c.benchmark_group("decision");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(8));
    // Building the matrix from the caller's data: rows of vectors, or one row-major buffer
    // (what a NumPy array is), with and without subject names.
    let rows: Vec<Vec<f64>> = big.values().iter_rows().map(<[f64]>::to_vec).collect();
    let flat: Vec<f64> = rows.iter().flatten().copied().collect();
    group.bench_function("matrix/new/100000x20", |b| {
        b.iter_batched(
            || {
                (
                    big.subjects().to_vec(),
                    big.criteria().to_vec(),
                    rows.clone(),
                )
            },
            |(s, c, v)| DecisionMatrix::new(s, c, v).unwrap(),
            criterion::BatchSize::LargeInput,
        )
    });
    group.bench_function("matrix/row_major/100000x20", |b| {
        b.iter_batched(
            || (big.criteria().to_vec(), flat.clone()),
            |(c, v)| DecisionMatrix::from_row_major(None, c, v).unwrap(),
            criterion::BatchSize::LargeInput,
        )
    });
    group.bench_function("matrix/row_major_named/100000x20", |b| {
        b.iter_batched(
            || {
                (
                    big.subjects().to_vec(),
                    big.criteria().to_vec(),
                    flat.clone(),
                )
            },
            |(s, c, v)| DecisionMatrix::from_row_major(Some(s), c, v).unwrap(),
            criterion::BatchSize::LargeInput,
        )
    });
    group.bench_function("topsis/vector/100000x20", |b| {
        b.iter(|| topsis(black_box(&big), black_box(&weights), Normalisation::Vector).unwrap())
    });
    group.bench_function("topsis/minmax/100000x20", |b| {
        b.iter(|| topsis(black_box(&big), black_box(&weights), Normalisation::MinMax).unwrap())
    });
    // What `pymcdm` computes: scores (here with ranks, ideal points and distances too), not
    // the weighted matrix.
    for (name, normalisation) in [
        ("vector", Normalisation::Vector),
        ("minmax", Normalisation::MinMax),
    ] {
        let method = Method::Topsis { normalisation };
        group.bench_function(format!("topsis/{name}-no-table/100000x20"), |b| {
            b.iter(|| {
                method
                    .rank_with(black_box(&big), black_box(&weights), Tables::Omit)
                    .unwrap()
            })
        });
    }
    group.bench_function("vikor/100000x20", |b| {
        b.iter(|| vikor(black_box(&big), black_box(&weights), 0.5).unwrap())
    });
    let (small, weights) = matrix(1_000, 20);
    let method = Method::WeightedSum {
        normalisation: Normalisation::MinMax,
    };
    let sampling = Sampling::Dirichlet {
        concentration: 50.0,
    };
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(20));
    group.bench_function("sensitivity/stochastic/1000x20x10000", |b| {
        b.iter(|| {
            rank_acceptability(
                black_box(&small),
                black_box(&weights),
                &method,
                3,
                sampling,
                10_000,
                7,
            )
            .unwrap()
        })
    });
    group.finish();
}

criterion_group!(benches, methods);
criterion_main!(benches);
