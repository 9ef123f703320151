//! Any bytes as a rubric: loading never panics, and a rubric that loads writes back to JSON
//! that loads to the same rubric.
#![no_main]

use igf_rubric::Document;
use igf_rubric::Rubric;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(rubric) = Rubric::from_json(text) {
        let written = rubric.to_json().expect("a loaded rubric writes");
        let again = Rubric::from_json(&written).expect("a written rubric loads");
        assert_eq!(again, rubric, "the rubric changed on its way through JSON");
    }
});
