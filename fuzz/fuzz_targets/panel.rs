//! Any bytes as a panel: loading and reviewing against the BPF rubrics never panic, a panel
//! that loads round-trips through JSON, and a review accounts for every assessment.
#![no_main]

use igf_rubric::Document;
use igf_rubric::{Panel, presets};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(panel) = Panel::from_json(text) else {
        return;
    };
    let written = panel.to_json().expect("a loaded panel writes");
    let again = Panel::from_json(&written).expect("a written panel loads");
    assert_eq!(again, panel, "the panel changed on its way through JSON");
    for rubric in [presets::bpf_proposal(), presets::bpf_outcome()] {
        if let Ok(report) = rubric.review(&panel) {
            let _ = report.to_json().expect("a report writes");
        }
    }
});
