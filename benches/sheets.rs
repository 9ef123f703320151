//! Spreadsheets at the size of a real call: 10,000 filled rows of the BPF proposal rubric read
//! from an .xlsx workbook and evaluated.
//!
//! `cargo bench --bench sheets --features xlsx`. The goal (issue 24): reading 10,000 filled
//! rows and evaluating them in under 1 s in release.
// Tests, examples and benches may panic: the no-panic lints of Cargo.toml are for shipped code.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use igf_rubric::evaluation::RubricSource;
use igf_rubric::{Assessment, Document, EvaluationRequest, presets, sheet};

fn rows(n: usize) -> Vec<Assessment> {
    let sample =
        Assessment::from_json(include_str!("../examples/data/proposals/ipv6-2016.json")).unwrap();
    (0..n)
        .map(|i| {
            let mut sheet = sample.clone();
            sheet.subject.id = format!("bpf-{i:05}");
            sheet
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let rubric = presets::get("bpf-proposal").unwrap();
    let workbook = sheet::filled_xlsx(rubric, &rows(10_000)).unwrap();
    let mut group = c.benchmark_group("sheets");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(10))
        .throughput(Throughput::Elements(10_000));
    group.bench_function("read_xlsx/10000", |b| {
        b.iter(|| sheet::read_xlsx(black_box(&workbook)).unwrap())
    });
    group.bench_function("read_import_evaluate/10000", |b| {
        b.iter(|| {
            let grid = sheet::read_xlsx(black_box(&workbook)).unwrap();
            let assessments = sheet::import(rubric, &grid).unwrap();
            let request = EvaluationRequest::new(
                RubricSource::Preset {
                    id: rubric.id().to_owned(),
                    version: None,
                },
                assessments,
            );
            igf_rubric::evaluate(&request).unwrap()
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
