//! The main example prints exactly the committed expected output.

use std::path::Path;
use std::process::Command;

#[test]
fn score_proposals_prints_the_expected_ranking() {
    // Integration tests live in target/<profile>/deps; `cargo test` builds examples into
    // target/<profile>/examples.
    let exe = std::env::current_exe().unwrap();
    let profile_dir = exe.parent().and_then(Path::parent).unwrap();
    let example = profile_dir
        .join("examples")
        .join(format!("score_proposals{}", std::env::consts::EXE_SUFFIX));
    let output = Command::new(&example)
        .output()
        .unwrap_or_else(|e| panic!("cannot run {}: {e}", example.display()));
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let expected = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/expected/score_proposals.txt"),
    )
    .unwrap();
    let actual = String::from_utf8(output.stdout).unwrap();
    assert!(
        actual == expected,
        "output differs from tests/expected/score_proposals.txt; if the change is intended, run\n  cargo run --example score_proposals > tests/expected/score_proposals.txt\n--- actual ---\n{actual}"
    );
}
