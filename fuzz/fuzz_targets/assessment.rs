//! Any bytes as an assessment against each preset rubric: reading and scoring never panic,
//! the scorecard's total is the total alone, and a read assessment round-trips through JSON.
#![no_main]

use igf_rubric::Document;
use igf_rubric::{Assessment, presets};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    for (id, _) in presets::all() {
        let Some(rubric) = presets::get(id) else {
            continue;
        };
        let Ok(assessment) = rubric.read_assessment(text) else {
            continue;
        };
        let written = assessment.to_json().expect("a read assessment writes");
        let again = Assessment::from_json(&written).expect("a written assessment reads");
        assert_eq!(
            again, assessment,
            "the assessment changed on its way through JSON"
        );
        let scored = rubric.score(&assessment).map(|card| card.total);
        let total = rubric.total(&assessment);
        assert_eq!(
            scored.ok(),
            total.ok(),
            "the scorecard's total is not the total"
        );
    }
    // Parsed without a rubric, an assessment may still be scored against one: errors only.
    if let Ok(assessment) = Assessment::from_json(text) {
        let _ = presets::bpf_proposal().score(&assessment);
        let _ = presets::bpf_outcome().score(&assessment);
    }
});
