//! Panel reviews at the size of a real call: sparse panels where each subject is scored by 5
//! reviewers drawn from a pool of 40 to 400, reliability included.
//!
//! `cargo bench --bench review`. The goal (issue 6): 50,000 sheets (10,000 subjects x 5 of
//! 200 assessors) reviewed in at most 1 s; `review/sparse/*` should grow linearly.
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
use std::hint::black_box;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use igf_rubric::{Panel, presets};

/// A deterministic xorshift generator, so every run reviews the same panel.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
}

const LEVELS: [[&str; 4]; 3] = [
    ["vague", "broad", "defined", "targeted"],
    ["none", "generic", "defined", "planned"],
    ["none", "late", "timely", "complete"],
];
const GROUPS: [&str; 5] = [
    "government",
    "intergovernmental_organization",
    "civil_society",
    "technical_community",
    "private_sector",
];
const REGIONS: [&str; 5] = [
    "african",
    "asia_pacific",
    "eastern_european",
    "latin_american_and_caribbean",
    "western_european_and_others",
];

/// A bpf-proposal panel of `subjects` subjects, each scored by `per_subject` distinct
/// assessors out of `pool`. A subject's quality shifts every assessor's answers, so the
/// reliability statistics have something to find.
fn sparse_panel(subjects: usize, per_subject: usize, pool: usize) -> Panel {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut assessments = Vec::with_capacity(subjects * per_subject);
    for s in 0..subjects {
        let quality = rng.below(3);
        let mut chosen: Vec<usize> = Vec::with_capacity(per_subject);
        while chosen.len() < per_subject {
            let a = rng.below(pool as u64) as usize;
            if !chosen.contains(&a) {
                chosen.push(a);
            }
        }
        for a in chosen {
            let mut draws = [0u64; 12];
            for d in &mut draws {
                *d = rng.below(3);
            }
            let pick = |i: usize, n: u64| (quality + draws[i] % 2).min(n - 1);
            let levels: Vec<String> = LEVELS
                .iter()
                .enumerate()
                .map(|(i, names)| {
                    format!(
                        r#"{{"criterion":"P{}","value":{{"level":"{}"}}}}"#,
                        i + 2,
                        names[pick(i, 4) as usize]
                    )
                })
                .collect();
            assessments.push(format!(
                r#"{{"rubric":{{"id":"bpf-proposal","version":"1.0.0"}},"kind":"proposal",
                "subject":{{"id":"bpf-{s:05}","title":"Proposal {s}","year":2026}},
                "assessor":{{"id":"mag-{a:03}","stakeholder_group":"{}","region":"{}","role":"mag_member"}},
                "conflict_of_interest":{{"declared":false}},
                "answers":[
                  {{"criterion":"G1","value":{{"yes_no":true}}}},{{"criterion":"G2","value":{{"yes_no":true}}}},
                  {{"criterion":"G3","value":{{"yes_no":true}}}},{{"criterion":"G4","value":{{"yes_no":true}}}},
                  {{"criterion":"P1","value":{{"scale":"{}"}}}},{},
                  {{"criterion":"P5a","value":{{"distribution":{{"government":{},"civil_society":2,"technical_community":3,"private_sector":{}}}}}}},
                  {{"criterion":"P5b","value":{{"distribution":{{"african":2,"asia_pacific":{},"eastern_european":1}}}}}},
                  {{"criterion":"P6","value":{{"count":{}}}}},
                  {{"criterion":"P7","value":{{"scale":"{}"}}}}]}}"#,
                GROUPS[a % 5],
                REGIONS[a / 5 % 5],
                pick(3, 5) + 2,
                levels.join(","),
                draws[4],
                draws[5] % 2,
                draws[6],
                pick(7, 4),
                pick(8, 5) + 1,
            ));
        }
    }
    let text = format!(
        r#"{{"rubric":{{"id":"bpf-proposal","version":"1.0.0"}},"assessments":[{}]}}"#,
        assessments.join(",")
    );
    Panel::from_json(&text).unwrap()
}

fn bench(c: &mut Criterion) {
    let rubric = presets::bpf_proposal();
    let mut group = c.benchmark_group("review/sparse");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(10));
    for sheets in [1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 64_000] {
        let pool = (sheets / 160).clamp(40, 400);
        let panel = sparse_panel(sheets / 5, 5, pool);
        group.throughput(Throughput::Elements(sheets as u64));
        group.bench_with_input(
            BenchmarkId::from_parameter(format!("{}k", sheets / 1000)),
            &panel,
            |b, panel| {
                b.iter(|| {
                    let report = rubric.review(black_box(panel)).unwrap();
                    assert_eq!(report.subjects.len(), sheets / 5);
                    assert!(report.reliability.totals_alpha.value.is_some());
                })
            },
        );
    }
    let panel = sparse_panel(10_000, 5, 200);
    group.throughput(Throughput::Elements(50_000));
    group.bench_function("goal/10000_subjects_x5_of_200", |b| {
        b.iter(|| {
            let report = rubric.review(black_box(&panel)).unwrap();
            assert_eq!(report.subjects.len(), 10_000);
            assert!(report.reliability.totals_alpha.value.is_some());
        })
    });
    group.finish();
}

/// Building ratings from the layouts the Python packages take: raters x units (Python's
/// `krippendorff`, as lists and as one flat array), units x raters, and one flat buffer; 50 raters x 100,000 units, 10 %
/// missing.
fn layouts(c: &mut Criterion) {
    use igf_rubric::reliability::Ratings;
    let (raters, units) = (50usize, 100_000usize);
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let by_rater: Vec<Vec<Option<f64>>> = (0..raters)
        .map(|_| {
            (0..units)
                .map(|_| (rng.below(10) > 0).then(|| rng.below(7) as f64))
                .collect()
        })
        .collect();
    let by_unit: Vec<Vec<Option<f64>>> = (0..units)
        .map(|u| by_rater.iter().map(|r| r[u]).collect())
        .collect();
    let flat: Vec<f64> = by_unit
        .iter()
        .flatten()
        .map(|v| v.unwrap_or(f64::NAN))
        .collect();
    let mut group = c.benchmark_group("ratings");
    group.sample_size(10);
    group.bench_function("from_rater_rows/50x100000", |b| {
        b.iter_batched(
            || by_rater.clone(),
            |rows| Ratings::from_rater_rows(rows).unwrap(),
            criterion::BatchSize::LargeInput,
        )
    });
    group.bench_function("from_rows/50x100000", |b| {
        b.iter_batched(
            || by_unit.clone(),
            |rows| Ratings::from_rows(rows).unwrap(),
            criterion::BatchSize::LargeInput,
        )
    });
    let flat_by_rater: Vec<f64> = by_rater
        .iter()
        .flatten()
        .map(|v| v.unwrap_or(f64::NAN))
        .collect();
    group.bench_function("from_rater_values/50x100000", |b| {
        b.iter_batched(
            || flat_by_rater.clone(),
            |values| Ratings::from_rater_values(raters, values).unwrap(),
            criterion::BatchSize::LargeInput,
        )
    });
    group.bench_function("from_values/50x100000", |b| {
        b.iter_batched(
            || flat.clone(),
            |cells| Ratings::from_values(raters, cells).unwrap(),
            criterion::BatchSize::LargeInput,
        )
    });
    group.finish();
}

criterion_group!(benches, bench, layouts);
criterion_main!(benches);
