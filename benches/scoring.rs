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

/// A realistic corpus of `n` bpf-proposal sheets, made from the samples with a fixed seed:
/// answers drawn across each criterion's values, about 3 % "unable to assess", about one
/// sheet in ten with eligibility G4 "not applicable", and one sheet in four with its answers
/// in another order than the rubric's.
fn corpus(samples: &[String], n: usize) -> Vec<Assessment> {
    let rubric: serde_json::Value = serde_json::from_str(include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/presets/bpf-proposal.json"
    )))
    .unwrap();
    let mut metrics = std::collections::HashMap::new();
    let mut stack: Vec<&serde_json::Value> =
        rubric["criteria"].as_array().unwrap().iter().collect();
    while let Some(c) = stack.pop() {
        if let Some(metric) = c.get("metric") {
            metrics.insert(c["id"].as_str().unwrap().to_owned(), metric.clone());
        }
        stack.extend(c["criteria"].as_array().into_iter().flatten());
    }
    let mut seed = 20_261_205_u64;
    let mut next = move |below: u64| {
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (seed >> 33) % below
    };
    (0..n)
        .map(|i| {
            let mut sheet: serde_json::Value =
                serde_json::from_str(&samples[i % samples.len()]).unwrap();
            let answers = sheet["answers"].as_array_mut().unwrap();
            for answer in answers.iter_mut() {
                let id = answer["criterion"].as_str().unwrap().to_owned();
                let metric = &metrics[&id];
                let value = match metric["type"].as_str().unwrap() {
                    "yes_no" if id == "G4" && next(10) == 0 => serde_json::json!("not_applicable"),
                    "yes_no" => continue,
                    _ if next(100) < 3 => serde_json::json!("unable_to_assess"),
                    "scale" => {
                        let min: u64 = metric["min"].as_str().unwrap().parse().unwrap();
                        let max: u64 = metric["max"].as_str().unwrap().parse().unwrap();
                        serde_json::json!({ "scale": (min + next(max - min + 1)).to_string() })
                    }
                    "levels" => {
                        let levels = metric["levels"].as_array().unwrap();
                        serde_json::json!({ "level": levels[next(levels.len() as u64) as usize]["id"] })
                    }
                    "count" => serde_json::json!({ "count": next(7) }),
                    _ => continue,
                };
                answer["value"] = value;
            }
            if next(4) == 0 {
                let k = answers.len();
                for j in (1..k).rev() {
                    answers.swap(j, next(j as u64 + 1) as usize);
                }
            }
            Assessment::from_json(&sheet.to_string()).unwrap()
        })
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
    // The bare total over a realistic corpus: out of order, unable to assess, not applicable.
    let realistic = corpus(&texts, 1_000);
    group.throughput(Throughput::Elements(realistic.len() as u64));
    group.bench_function("bpf_proposal/total_only_realistic/1000_sheets", |b| {
        b.iter(|| {
            for assessment in &realistic {
                black_box(rubric.total(black_box(assessment)).unwrap());
            }
        })
    });
    group.throughput(Throughput::Bytes(bytes));
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
