//! The examples print exactly their committed expected output.

use std::path::Path;
use std::process::Command;

#[track_caller]
fn prints_expected(example: &str) {
    // Integration tests live in target/<profile>/deps; `cargo test` builds examples into
    // target/<profile>/examples.
    let exe = std::env::current_exe().unwrap();
    let profile_dir = exe.parent().and_then(Path::parent).unwrap();
    let binary = profile_dir
        .join("examples")
        .join(format!("{example}{}", std::env::consts::EXE_SUFFIX));
    let output = Command::new(&binary)
        .output()
        .unwrap_or_else(|e| panic!("cannot run {}: {e}", binary.display()));
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let expected_path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("tests/expected/{example}.txt"));
    let expected = std::fs::read_to_string(&expected_path).unwrap();
    let actual = String::from_utf8(output.stdout).unwrap();
    assert!(
        actual == expected,
        "output differs from {}; if the change is intended, run\n  cargo run --example {example} > tests/expected/{example}.txt\n--- actual ---\n{actual}",
        expected_path.display()
    );
}

#[test]
fn score_proposals_prints_the_expected_panel_review() {
    prints_expected("score_proposals");
}

#[test]
fn score_outcomes_prints_the_expected_ratings() {
    prints_expected("score_outcomes");
}

#[test]
fn weights_and_sensitivity_prints_the_expected_analysis() {
    prints_expected("weights_and_sensitivity");
}
