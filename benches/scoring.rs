//! Scoring throughput on the sample BPF proposals, with plain JSON parsing as the peer, and the
//! cost of reviewing the sample MAG panel.
//!
//! `cargo bench --bench scoring`. Throughput is in bytes of assessment JSON.
// Tests, examples and benches may panic: the no-panic lints of Cargo.toml are for shipped code.
#![allow(
    clippy::arithmetic_side_effects,
    clippy::indexing_slicing,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::disallowed_methods
)]

use igf_rubric::Document;
use std::fs;
use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use igf_rubric::{AnswerValue, Assessment, presets};

fn samples() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/data/proposals");
    let mut files: Vec<_> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    files
        .iter()
        .map(|f| fs::read_to_string(f).unwrap())
        .collect()
}

fn bench(c: &mut Criterion) {
    let rubric = presets::bpf_proposal();
    let texts = samples();
    let bytes: u64 = texts.iter().map(|t| t.len() as u64).sum();
    let parsed: Vec<Assessment> = texts
        .iter()
        .map(|t| Assessment::from_json(t).unwrap())
        .collect();

    let mut group = c.benchmark_group("score");
    group.throughput(Throughput::Bytes(bytes));
    group.bench_function("bpf_proposal/parse_and_score/6_samples", |b| {
        b.iter(|| {
            for text in &texts {
                let assessment = Assessment::from_json(black_box(text)).unwrap();
                assert!(rubric.score(&assessment).unwrap().total.is_some());
            }
        })
    });
    group.bench_function("bpf_proposal/parse_and_total/6_samples", |b| {
        b.iter(|| {
            for text in &texts {
                let assessment = Assessment::from_json(black_box(text)).unwrap();
                assert!(rubric.total(&assessment).unwrap().is_some());
            }
        })
    });
    group.bench_function("bpf_proposal/parse_only/6_samples", |b| {
        b.iter(|| {
            for text in &texts {
                assert!(
                    !Assessment::from_json(black_box(text))
                        .unwrap()
                        .answers
                        .is_empty()
                );
            }
        })
    });
    group.bench_function("bpf_proposal/score_only/6_samples", |b| {
        b.iter(|| {
            for assessment in &parsed {
                assert!(rubric.score(black_box(assessment)).unwrap().total.is_some());
            }
        })
    });
    group.bench_function("bpf_proposal/total_only/6_samples", |b| {
        b.iter(|| {
            for assessment in &parsed {
                assert!(rubric.total(black_box(assessment)).unwrap().is_some());
            }
        })
    });
    // The common sheet, every criterion answered: the bare total's short way.
    let complete: Vec<&Assessment> = parsed
        .iter()
        .filter(|a| {
            a.answers.iter().all(|x| {
                !matches!(
                    x.value,
                    AnswerValue::UnableToAssess | AnswerValue::NotApplicable
                )
            })
        })
        .collect();
    group.bench_function(
        format!(
            "bpf_proposal/total_only_complete/{}_samples",
            complete.len()
        ),
        |b| {
            b.iter(|| {
                for assessment in &complete {
                    assert!(rubric.total(black_box(assessment)).unwrap().is_some());
                }
            })
        },
    );
    group.bench_function("peer/serde_json_value/6_samples", |b| {
        b.iter(|| {
            for text in &texts {
                let value: serde_json::Value = serde_json::from_str(black_box(text)).unwrap();
                assert!(value.is_object());
            }
        })
    });
    group.finish();

    let panel_text = fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/data/mag-panel.json"),
    )
    .unwrap();
    let panel = igf_rubric::Panel::from_json(&panel_text).unwrap();
    let mut group = c.benchmark_group("review");
    group.throughput(Throughput::Bytes(panel_text.len() as u64));
    group.bench_function("bpf_proposal/mag_panel/42_assessments", |b| {
        b.iter(|| assert_eq!(rubric.review(black_box(&panel)).unwrap().selected.len(), 3))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
