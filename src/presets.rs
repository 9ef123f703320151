//! Preset rubrics shipped with the crate: the IGF's own (BPF proposals and outcomes), and Horizon
//! Europe and NIH review schemes, which show that the model carries other real rules.
//!
//! Each preset is parsed once, on first use, and shared: the functions return `&'static Rubric`
//! and cannot fail (every shipped text is loaded by the crate's tests). Clone one to change it.
//!
//! ```
//! let proposal = igf_rubric::presets::bpf_proposal();
//! assert_eq!(proposal.id(), "bpf-proposal");
//! ```

use std::sync::LazyLock;

use crate::document::Document;
use crate::rubric::Rubric;

macro_rules! preset {
    ($cell:ident, $text:ident) => {
        static $cell: LazyLock<Rubric> = LazyLock::new(|| {
            // OK because the text is compiled in and `tests/integration/presets.rs` loads every
            // preset: this cannot fail at run time unless the crate itself is broken.
            #[allow(clippy::expect_used)]
            Rubric::from_json($text).expect("a shipped preset is a valid rubric")
        });
    };
}

preset!(BPF_PROPOSAL, BPF_PROPOSAL_JSON);
preset!(BPF_OUTCOME, BPF_OUTCOME_JSON);
preset!(HORIZON_EUROPE_RIA, HORIZON_EUROPE_RIA_JSON);
preset!(HORIZON_EUROPE_IA, HORIZON_EUROPE_IA_JSON);
preset!(NIH_OVERALL_IMPACT, NIH_OVERALL_IMPACT_JSON);

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
#[must_use]
pub fn bpf_proposal() -> &'static Rubric {
    &BPF_PROPOSAL
}

/// The ex-post rubric for a BPF's outcome, after its final output.
#[must_use]
pub fn bpf_outcome() -> &'static Rubric {
    &BPF_OUTCOME
}

/// Horizon Europe Research and Innovation Actions: three criteria 0..5 in half points,
/// thresholds 3 each and 10 overall, median per criterion summed, ex aequo by Excellence then
/// Impact.
#[must_use]
pub fn horizon_europe_ria() -> &'static Rubric {
    &HORIZON_EUROPE_RIA
}

/// Horizon Europe Innovation Actions: as [`horizon_europe_ria`], with Impact weighing 1.5 for
/// ranking only and ex aequo by Impact then Excellence.
#[must_use]
pub fn horizon_europe_ia() -> &'static Rubric {
    &HORIZON_EUROPE_IA
}

/// NIH-style overall impact: 1 (exceptional) .. 9 (poor) in whole numbers; a panel's score is
/// the mean of eligible reviewers, rounded to one decimal, times 10 (10..90, lower is better).
#[must_use]
pub fn nih_overall_impact() -> &'static Rubric {
    &NIH_OVERALL_IMPACT
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

/// The preset with this id, if there is one.
///
/// ```
/// assert_eq!(igf_rubric::presets::get("bpf-outcome").map(|r| r.id()), Some("bpf-outcome"));
/// assert!(igf_rubric::presets::get("bpf").is_none());
/// ```
#[must_use]
pub fn get(id: &str) -> Option<&'static Rubric> {
    match id {
        "bpf-proposal" => Some(bpf_proposal()),
        "bpf-outcome" => Some(bpf_outcome()),
        "horizon-europe-ria" => Some(horizon_europe_ria()),
        "horizon-europe-ia" => Some(horizon_europe_ia()),
        "nih-overall-impact" => Some(nih_overall_impact()),
        _ => None,
    }
}
