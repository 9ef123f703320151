//! The cases `benches/peers/compare.sh` sets beside Python's peers, on the data
//! `benches/peers/generate.py` writes (to `target/peers/data`, or `IGF_PEERS_DATA`). Before
//! timing, each case's answer goes to `target/peers/rust-results.json` for the script to check
//! against the peers'. Without the data, the bench says how to make it and measures nothing.
//!
//! `cargo bench --bench peers`; `bash benches/peers/compare.sh` runs everything.
// Tests, examples and benches may panic: the no-panic lints of Cargo.toml are for shipped code.
#![allow(
    clippy::arithmetic_side_effects,
    clippy::indexing_slicing,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::disallowed_methods
)]

use std::collections::BTreeMap;
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Duration;

use criterion::{BatchSize, Criterion, Throughput, criterion_group, criterion_main};
use igf_rubric::decision::{CriterionType, DecisionMatrix, Method, Normalisation, Tables};
use igf_rubric::reliability::{
    KappaWeights, MeasurementLevel, MissingRatings, Ratings, cohen_kappa, fleiss_kappa,
    icc_analysis, krippendorff_alpha,
};
use igf_rubric::{Assessment, Decimal, Document, Score, presets};
use serde_json::{Value, json};

fn data_dir() -> PathBuf {
    std::env::var_os("IGF_PEERS_DATA").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("target/peers/data"),
        PathBuf::from,
    )
}

fn f64s(path: &Path) -> Vec<f64> {
    std::fs::read(path)
        .unwrap()
        .chunks_exact(8)
        .map(|b| f64::from_le_bytes(b.try_into().unwrap()))
        .collect()
}

fn u64s(path: &Path) -> Vec<u64> {
    std::fs::read(path)
        .unwrap()
        .chunks_exact(8)
        .map(|b| u64::from_le_bytes(b.try_into().unwrap()))
        .collect()
}

fn score_all(text: &str) -> Vec<Option<Score>> {
    let rubric = presets::bpf_proposal();
    text.lines()
        .map(|line| {
            rubric
                .score_owned(Assessment::from_json(line).unwrap())
                .unwrap()
                .total
        })
        .collect()
}

fn total_all(text: &str) -> Vec<Option<Score>> {
    let rubric = presets::bpf_proposal();
    text.lines()
        .map(|line| rubric.total(&Assessment::from_json(line).unwrap()).unwrap())
        .collect()
}

fn digest(totals: &[Option<Score>]) -> Value {
    let published: Vec<Option<Decimal>> = totals.iter().map(|t| t.map(|t| t.published)).collect();
    json!({
        "count": published.len(),
        "without_total": published.iter().filter(|t| t.is_none()).count(),
        "sum": published.iter().flatten().sum::<Decimal>().to_string(),
        "first": published.iter().take(5).map(|t| t.map(|t| t.to_string())).collect::<Vec<_>>(),
    })
}

/// Ratings from a flat NaN-for-missing array, copied as a caller who keeps the array would.
fn ratings(flat: &[f64], raters: usize) -> Ratings {
    Ratings::from_values(raters, flat.to_vec()).unwrap()
}

fn krippendorff(flat: &[f64], level: MeasurementLevel) -> f64 {
    krippendorff_alpha(&ratings(flat, 50), level).unwrap()
}

fn iccs(flat: &[f64]) -> Vec<f64> {
    icc_analysis(&ratings(flat, 10), MissingRatings::Refuse)
        .unwrap()
        .iccs
        .iter()
        .map(|icc| icc.value)
        .collect()
}

/// Rows of five counts, read once into the shape a caller holds a table in (as numpy holds a
/// 2-D array), so the timing has no copy in it.
fn rows_of_five(flat: &[u64]) -> Vec<[u64; 5]> {
    flat.chunks_exact(5)
        .map(|row| row.try_into().unwrap())
        .collect()
}

fn fleiss(table: &[[u64; 5]]) -> f64 {
    fleiss_kappa(table).unwrap()
}

fn cohen(flat: &[f64]) -> f64 {
    let pairs: Vec<(f64, f64)> = flat.chunks_exact(2).map(|p| (p[0], p[1])).collect();
    cohen_kappa(&pairs, KappaWeights::Unweighted).unwrap()
}

/// The matrix `python_peers.py` builds for pymcdm, row-major: `x_ij = 1 + ((i * 7919 + j *
/// 104729) mod 1000) / 100`, the first five criteria costs, weights `∝ j + 1`.
fn mcdm_matrix(m: usize, n: usize) -> (Vec<f64>, Vec<(String, CriterionType)>, Vec<f64>) {
    let values = (0..m)
        .flat_map(|i| (0..n).map(move |j| 1.0 + ((i * 7919 + j * 104_729) % 1000) as f64 / 100.0))
        .collect();
    let criteria = (0..n)
        .map(|j| {
            let kind = if j < 5 {
                CriterionType::Cost
            } else {
                CriterionType::Benefit
            };
            (format!("c{j}"), kind)
        })
        .collect();
    let total = (n * (n + 1) / 2) as f64;
    (
        values,
        criteria,
        (0..n).map(|j| (j + 1) as f64 / total).collect(),
    )
}

fn peers(c: &mut Criterion) {
    let data = data_dir();
    if !data.join("cohen.f64").exists() {
        eprintln!(
            "no peer data in {}: run `python3 benches/peers/generate.py` (or benches/peers/compare.sh)",
            data.display()
        );
        return;
    }
    let mut results = BTreeMap::new();
    let levels = [
        ("nominal", MeasurementLevel::Nominal),
        ("ordinal", MeasurementLevel::Ordinal),
        ("interval", MeasurementLevel::Interval),
    ];

    let mut group = c.benchmark_group("load");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(20));
    for n in [50_000, 100_000] {
        let text = std::fs::read_to_string(data.join(format!("assessments-{n}.jsonl"))).unwrap();
        results.insert(format!("load/score/{n}"), digest(&score_all(&text)));
        results.insert(format!("load/total/{n}"), digest(&total_all(&text)));
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(format!("score/{n}"), |b| {
            b.iter(|| score_all(black_box(&text)))
        });
        group.bench_function(format!("total/{n}"), |b| {
            b.iter(|| total_all(black_box(&text)))
        });
    }
    group.finish();

    let mut group = c.benchmark_group("reliability");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(10));
    for v in [7, 21] {
        let flat = f64s(&data.join(format!("ratings-{v}.f64")));
        for (name, level) in levels {
            let id = format!("krippendorff-{name}-{v}/100000x50");
            results.insert(
                format!("reliability/{id}"),
                json!(krippendorff(&flat, level)),
            );
            group.bench_function(id, |b| b.iter(|| krippendorff(black_box(&flat), level)));
        }
        // The same, the array handed over (moved into `Ratings`, as a caller who reads the
        // ratings for this purpose does) rather than copied: building the ratings included,
        // the copy not.
        for (name, level) in levels {
            let id = format!("krippendorff-{name}-{v}-handed-over/100000x50");
            group.bench_function(id, |b| {
                b.iter_batched(
                    || flat.clone(),
                    |cells| {
                        let ratings = Ratings::from_values(50, cells).unwrap();
                        krippendorff_alpha(black_box(&ratings), level).unwrap()
                    },
                    BatchSize::LargeInput,
                )
            });
        }
    }
    // End to end from the layout Python's `krippendorff.alpha` takes: raters by units, as a
    // row-major array (NaN missing) and as one list per rater; building the ratings is timed,
    // copying the caller's data (a setup a caller who reads the array for this does not pay)
    // is not.
    for v in [7, 21] {
        let by_unit = f64s(&data.join(format!("ratings-{v}.f64")));
        let raters = 50;
        let units = by_unit.len() / raters;
        let by_rater: Vec<f64> = (0..raters)
            .flat_map(|r| by_unit.iter().skip(r).step_by(raters).copied())
            .collect();
        let rater_rows: Vec<Vec<Option<f64>>> = by_rater
            .chunks_exact(units)
            .map(|row| row.iter().map(|x| (!x.is_nan()).then_some(*x)).collect())
            .collect();
        for (name, level) in levels {
            let id = format!("krippendorff-{name}-{v}-raters-by-units/100000x50");
            group.bench_function(id, |b| {
                b.iter_batched(
                    || by_rater.clone(),
                    |values| {
                        let ratings = Ratings::from_rater_values(raters, values).unwrap();
                        krippendorff_alpha(black_box(&ratings), level).unwrap()
                    },
                    BatchSize::LargeInput,
                )
            });
            let id = format!("krippendorff-{name}-{v}-rater-rows/100000x50");
            group.bench_function(id, |b| {
                b.iter_batched(
                    || rater_rows.clone(),
                    |rows| {
                        let ratings = Ratings::from_rater_rows(rows).unwrap();
                        krippendorff_alpha(black_box(&ratings), level).unwrap()
                    },
                    BatchSize::LargeInput,
                )
            });
        }
    }
    // Records a case's answer, then times it.
    let mut case = |id: String, answer: Value, run: &dyn Fn()| {
        results.insert(format!("reliability/{id}"), answer);
        group.bench_function(id, |b| b.iter(run));
    };
    for m in [1_000, 10_000] {
        let flat = f64s(&data.join(format!("icc-{m}.f64")));
        case(format!("icc-six-forms/{m}x10"), json!(iccs(&flat)), &|| {
            black_box(iccs(black_box(&flat)));
        });
    }
    let table = rows_of_five(&u64s(&data.join("fleiss.u64")));
    case(
        "fleiss-kappa/100000x5".into(),
        json!(fleiss(&table)),
        &|| {
            black_box(fleiss(black_box(&table)));
        },
    );
    let flat = f64s(&data.join("cohen.f64"));
    case("cohen-kappa/1000000".into(), json!(cohen(&flat)), &|| {
        black_box(cohen(black_box(&flat)));
    });
    group.finish();

    // TOPSIS and VIKOR end to end from a row-major array (what a NumPy matrix is), as
    // pymcdm takes it with its validation off: building the matrix and the scores, ranks and
    // ideal points, without the weighted table.
    let (flat, criteria, weights) = mcdm_matrix(100_000, 20);
    let mut group = c.benchmark_group("decision");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(10));
    let methods = [
        (
            "topsis-vector",
            Method::Topsis {
                normalisation: Normalisation::Vector,
            },
        ),
        (
            "topsis-minmax",
            Method::Topsis {
                normalisation: Normalisation::MinMax,
            },
        ),
        (
            "vikor",
            Method::Vikor {
                v: 0.5,
                compromise_set: false,
            },
        ),
    ];
    for (name, method) in methods {
        let run = |values: Vec<f64>| {
            let matrix = DecisionMatrix::from_row_major(None, criteria.clone(), values).unwrap();
            method.rank_with(&matrix, &weights, Tables::Omit).unwrap()
        };
        let scores = run(flat.clone()).scores;
        results.insert(
            format!("decision/{name}/100000x20"),
            json!({ "first": &scores[..5], "sum": scores.iter().sum::<f64>() }),
        );
        group.bench_function(format!("{name}/100000x20"), |b| {
            b.iter_batched(|| flat.clone(), run, BatchSize::LargeInput)
        });
    }
    group.finish();

    let out = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/peers/rust-results.json");
    std::fs::write(out, serde_json::to_string_pretty(&results).unwrap()).unwrap();
}

criterion_group!(benches, peers);
criterion_main!(benches);
