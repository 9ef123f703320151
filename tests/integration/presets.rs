use igf_rubric::Document;
use igf_rubric::presets;

#[test]
fn presets_load() {
    let proposal = presets::bpf_proposal();
    assert_eq!(proposal.leaves().count(), 12);
    let outcome = presets::bpf_outcome();
    assert_eq!(outcome.kind(), igf_rubric::RubricKind::Outcome);
}

#[test]
fn outcome_preset_scores_the_sample_outcomes() {
    let rubric = presets::bpf_outcome();
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/data/outcomes");
    let load = |name: &str| {
        let text = std::fs::read_to_string(dir.join(name)).unwrap();
        rubric
            .score(&igf_rubric::Assessment::from_json(&text).unwrap())
            .unwrap()
    };
    let cyber = load("cybersecurity-2019.json");
    assert!(cyber.eligible);
    assert_eq!(cyber.total.unwrap().published.to_string(), CYBER_2019_TOTAL);
    assert_eq!(cyber.band.unwrap().id, "S");
    let data = load("data-new-technologies-2020.json");
    assert!(
        data.flags
            .iter()
            .any(|f| f.criterion.as_deref() == Some("O2a"))
    );
}

/// By hand: O1 0.8·20 = 16; O2 (1 + 1)/2·10 = 10; O3 S = 4/5·10 = 8; O4 (1 + 12/15)/2·10 = 9;
/// O5 15·(min(Ja/0.7, 1) + min(Jb/0.7, 1))/2 with Ja = 0.9282.., Jb = 0.8984.. -> 15;
/// O6 cited = 3/4·20 = 15; O7 follow-up = 1/3·10 = 3.333..; O8 4 -> 3/4·5 = 3.75.
/// Sum 80.0833.. of 100.
const CYBER_2019_TOTAL: &str = "80.08";

#[test]
fn public_types_are_send_and_sync() {
    fn check<T: Send + Sync>() {}
    check::<igf_rubric::Rubric>();
    check::<igf_rubric::Assessment>();
    check::<igf_rubric::Scorecard>();
    check::<igf_rubric::Error>();
    check::<igf_rubric::Path>();
    check::<igf_rubric::Panel>();
    check::<igf_rubric::PanelReport>();
    check::<igf_rubric::PanelRules>();
    check::<igf_rubric::reliability::Ratings>();
    check::<igf_rubric::reliability::Icc>();
}

#[test]
fn every_preset_loads_and_names_itself() {
    for (id, text) in presets::all() {
        let rubric = igf_rubric::Rubric::from_json(text).unwrap_or_else(|e| panic!("{id}: {e}"));
        assert_eq!(rubric.id(), id);
    }
}
