//! Any bytes as an evaluation request (a rubric or preset, assessments, a panel, evidence):
//! evaluating never panics, and answers with a result or an error document.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match igf_rubric::evaluate_json(text) {
        Ok(result) => {
            serde_json::to_string(&result).expect("a result writes");
        }
        Err(document) => {
            assert!(
                !document.errors.is_empty(),
                "an error document without errors"
            );
        }
    }
});
