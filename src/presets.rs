//! Preset rubrics shipped with the crate: the IGF's own (BPF proposals and outcomes), and Horizon
//! Europe and NIH review schemes, which show that the model carries other real rules.
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

/// The JSON text of the `horizon-europe-ria` preset.
pub const HORIZON_EUROPE_RIA_JSON: &str = include_str!("../presets/horizon-europe-ria.json");

/// The JSON text of the `horizon-europe-ia` preset.
pub const HORIZON_EUROPE_IA_JSON: &str = include_str!("../presets/horizon-europe-ia.json");

/// The JSON text of the `nih-overall-impact` preset.
pub const NIH_OVERALL_IMPACT_JSON: &str = include_str!("../presets/nih-overall-impact.json");

/// The ex-ante rubric a MAG member fills in for a BPF proposal, with the MAG's panel rules.
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

/// Horizon Europe Research and Innovation Actions: three criteria 0..5 in half points,
/// thresholds 3 each and 10 overall, median per criterion summed, ex aequo by Excellence then
/// Impact.
///
/// # Errors
/// None for the shipped text (a test loads it); the signature keeps the loader's error type.
pub fn horizon_europe_ria() -> Result<Rubric, Error> {
    Rubric::from_json(HORIZON_EUROPE_RIA_JSON)
}

/// Horizon Europe Innovation Actions: as [`horizon_europe_ria`], with Impact weighing 1.5 for
/// ranking only and ex aequo by Impact then Excellence.
///
/// # Errors
/// None for the shipped text (a test loads it); the signature keeps the loader's error type.
pub fn horizon_europe_ia() -> Result<Rubric, Error> {
    Rubric::from_json(HORIZON_EUROPE_IA_JSON)
}

/// NIH-style overall impact: 1 (exceptional) .. 9 (poor) in whole numbers; a panel's score is
/// the mean of eligible reviewers, rounded to one decimal, times 10 (10..90, lower is better).
///
/// # Errors
/// None for the shipped text (a test loads it); the signature keeps the loader's error type.
pub fn nih_overall_impact() -> Result<Rubric, Error> {
    Rubric::from_json(NIH_OVERALL_IMPACT_JSON)
}

/// Every preset's id with its JSON text.
#[must_use]
pub fn all() -> [(&'static str, &'static str); 5] {
    [
        ("bpf-proposal", BPF_PROPOSAL_JSON),
        ("bpf-outcome", BPF_OUTCOME_JSON),
        ("horizon-europe-ria", HORIZON_EUROPE_RIA_JSON),
        ("horizon-europe-ia", HORIZON_EUROPE_IA_JSON),
        ("nih-overall-impact", NIH_OVERALL_IMPACT_JSON),
    ]
}
