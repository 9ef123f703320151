use igf_rubric::presets;

#[test]
fn presets_load() {
    let proposal = presets::bpf_proposal().unwrap();
    assert_eq!(proposal.leaves().count(), 12);
    let outcome = presets::bpf_outcome().unwrap();
    assert_eq!(outcome.kind(), igf_rubric::RubricKind::Outcome);
}
