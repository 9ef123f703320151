//! Any bytes as a host's JSON: the crate's public reader reads them to the `serde_json::Value`
//! serde_json reads (with `float_roundtrip`, so both round floats correctly), or refuses them
//! when serde_json does. The one difference allowed: nesting deeper than the reader's limit,
//! which it refuses with its own error.
#![no_main]

use igf_rubric::error::{Error, JsonProblem};
use libfuzzer_sys::fuzz_target;
use serde_json::Value;

fuzz_target!(|data: &[u8]| {
    let ours = igf_rubric::json::from_slice::<Value>(data);
    let theirs = serde_json::from_slice::<Value>(data);
    match (ours, theirs) {
        (Ok(a), Ok(b)) => assert_eq!(a, b, "the readers disagree on a value"),
        (Err(_), Err(_)) => {}
        (Err(Error::Json { problem: JsonProblem::TooDeep, .. }), Ok(_)) => {}
        (ours, theirs) => panic!("the readers disagree: ours {ours:?}, serde_json {theirs:?}"),
    }
});
