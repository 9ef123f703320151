//! Preset rubrics shipped with the crate, built from the IGF's own practice.
//!
//! ```
//! let proposal = igf_rubric::presets::bpf_proposal()?;
//! assert_eq!(proposal.id(), "bpf-proposal");
//! # Ok::<(), igf_rubric::Error>(())
//! ```

use crate::{Error, Rubric};

/// The JSON text of the `bpf-proposal` preset.
pub const BPF_PROPOSAL_JSON: &str = include_str!("../presets/bpf-proposal.json");

/// The JSON text of the `bpf-outcome` preset.
pub const BPF_OUTCOME_JSON: &str = include_str!("../presets/bpf-outcome.json");

/// The ex-ante rubric a MAG member fills in for a BPF proposal.
///
/// # Errors
/// None for the shipped text (a test loads it); the signature keeps the loader's error type.
pub fn bpf_proposal() -> Result<Rubric, Error> {
    Rubric::from_json(BPF_PROPOSAL_JSON)
}

/// The ex-post rubric for a BPF's outcome, after its final output.
///
/// # Errors
/// None for the shipped text (a test loads it); the signature keeps the loader's error type.
pub fn bpf_outcome() -> Result<Rubric, Error> {
    Rubric::from_json(BPF_OUTCOME_JSON)
}

/// Every preset's id with its JSON text.
#[must_use]
pub fn all() -> [(&'static str, &'static str); 2] {
    [
        ("bpf-proposal", BPF_PROPOSAL_JSON),
        ("bpf-outcome", BPF_OUTCOME_JSON),
    ]
}
