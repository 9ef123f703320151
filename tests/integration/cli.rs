//! The command-line tool (built with `--features cli`): exit codes, messages on standard error,
//! and the same numbers as the library.

use igf_rubric::Document;
use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

use serde_json::{Value, json};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn run(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_igf-rubric"))
        .args(args)
        .current_dir(root())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    input.write_all(stdin.unwrap_or_default()).unwrap();
    drop(input);
    child.wait_with_output().unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn every_invalid_document_of_the_corpus_exits_1_and_names_its_problem() {
    let manifest: Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("tests/contract/manifest.json")).unwrap(),
    )
    .unwrap();
    let cases = manifest["invalid"].as_array().unwrap();
    for case in cases {
        let file = case["file"].as_str().unwrap();
        let kind = case["schema"]
            .as_str()
            .unwrap()
            .trim_end_matches(".schema.json");
        let rubric = if file.contains("mini-assessment") {
            vec!["--rubric", "tests/contract/valid/mini-rubric.json"]
        } else if kind == "assessment" || kind == "panel" {
            vec!["--rubric", "bpf-proposal"]
        } else {
            vec![]
        };
        let mut args = vec!["validate", "--kind", kind];
        args.extend(rubric);
        args.push(file);
        let out = run(&args, None);
        assert_eq!(out.status.code(), Some(1), "{file}: {}", text(&out.stderr));
        let stderr = text(&out.stderr);
        assert!(
            stderr.contains("invalid") && stderr.contains('['),
            "{file}: {stderr}"
        );
    }
    assert!(cases.len() >= 150);
}

#[test]
fn random_bytes_never_crash_the_tool() {
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    for round in 0..200 {
        let len = (round * 7) % 300;
        let bytes: Vec<u8> = (0..len)
            .map(|_| {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                // Mostly JSON punctuation and digits, sometimes any byte.
                let pick = state % 16;
                if pick < 12 {
                    b"{}[]\":,0123456789-.eE tfn"[(state >> 8) as usize % 25]
                } else {
                    (state >> 16) as u8
                }
            })
            .collect();
        for command in [&["validate", "-"][..], &["evaluate", "-"][..]] {
            let out = run(command, Some(&bytes));
            assert_eq!(out.status.code(), Some(1), "{command:?} {bytes:?}");
            assert!(!out.stderr.is_empty(), "{command:?} {bytes:?}");
            assert!(
                !text(&out.stderr).contains("panicked"),
                "{command:?} {bytes:?}"
            );
        }
    }
}

#[test]
fn usage_and_input_errors_exit_2() {
    for args in [
        &[][..],
        &["validate"][..],
        &["frobnicate"][..],
        &["validate", "no/such/file.json"][..],
        &["validate", "src"][..],
        &["schema", "nonsense"][..],
        &["presets", "nonsense"][..],
        &[
            "validate",
            "--rubric",
            "no-such-rubric",
            "presets/bpf-proposal.json",
        ][..],
    ] {
        let out = run(args, None);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(!out.stderr.is_empty(), "{args:?}");
    }
    let help = run(&["--help"], None);
    assert_eq!(help.status.code(), Some(0));
    assert!(text(&help.stdout).contains("Exit codes"));
}

#[test]
fn valid_documents_exit_0() {
    let out = run(
        &[
            "validate",
            "presets/bpf-proposal.json",
            "examples/data/proposals/ipv6-2016.json",
            "examples/data/mag-panel.json",
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(
        stdout.contains("ipv6-2016.json: valid assessment (checked against bpf-proposal 1.0.0)"),
        "{stdout}"
    );
    assert!(
        stdout.contains("mag-panel.json: valid panel (reviewed under bpf-proposal 1.0.0)"),
        "{stdout}"
    );
}

#[test]
fn a_hand_written_request_gives_the_numbers_of_the_library() {
    let request = json!({
        "rubric": { "preset": { "id": "bpf-proposal" } },
        "assessments": [
            serde_json::from_str::<Value>(&std::fs::read_to_string(root().join("examples/data/proposals/ipv6-2016.json")).unwrap()).unwrap(),
            serde_json::from_str::<Value>(&std::fs::read_to_string(root().join("examples/data/proposals/ixps-2016.json")).unwrap()).unwrap()
        ],
        "options": { "rules": { "min_assessors": 1, "capacity": 1 } }
    })
    .to_string();
    let out = run(&["evaluate", "-"], Some(request.as_bytes()));
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let from_cli = igf_rubric::EvaluationResult::from_json(&text(&out.stdout)).unwrap();
    let from_library = igf_rubric::evaluate_json(&request).unwrap();
    assert_eq!(from_cli, from_library);

    let csv = run(
        &["evaluate", "--format", "csv", "-"],
        Some(request.as_bytes()),
    );
    let csv = text(&csv.stdout);
    let first = &from_library.scorecards[0];
    assert!(
        csv.contains(&format!(",{},", first.total.as_ref().unwrap().published)),
        "{csv}"
    );
    let markdown = run(
        &["evaluate", "--format", "markdown", "-"],
        Some(request.as_bytes()),
    );
    assert!(text(&markdown.stdout).contains("## Ranking"));
}

#[test]
fn schemas_and_presets_are_printed_as_committed() {
    let out = run(&["schema", "rubric"], None);
    assert_eq!(
        text(&out.stdout),
        std::fs::read_to_string(root().join("schemas/rubric.schema.json")).unwrap()
    );
    let out = run(&["schema", "bundle"], None);
    assert_eq!(
        text(&out.stdout),
        std::fs::read_to_string(root().join("schemas/igf-rubric.schema.json")).unwrap()
    );
    let list = text(&run(&["presets"], None).stdout);
    for (id, _) in igf_rubric::presets::all() {
        assert!(list.contains(id), "{list}");
    }
    let preset = run(&["presets", "bpf-outcome"], None);
    assert_eq!(text(&preset.stdout), igf_rubric::presets::BPF_OUTCOME_JSON);
}

/// The text of the fenced block of `language` that follows `marker` in the README.
fn readme_block(marker: &str, language: &str) -> String {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let after = &readme[readme.find(marker).unwrap()..];
    let fence = format!("```{language}\n");
    let start = after.find(&fence).unwrap() + fence.len();
    let end = start + after[start..].find("```").unwrap();
    after[start..end].to_owned()
}

#[test]
fn the_readme_session_is_true() {
    let request = readme_block("A worked session", "json");
    let out = run(
        &["evaluate", "--format", "markdown", "-"],
        Some(request.as_bytes()),
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let shown = readme_block("A worked session", "text");
    let shown = shown
        .strip_prefix("$ igf-rubric evaluate request.json --format markdown\n")
        .unwrap();
    assert_eq!(text(&out.stdout), shown);

    let json = run(&["evaluate", "-"], Some(request.as_bytes()));
    let from_cli = igf_rubric::EvaluationResult::from_json(&text(&json.stdout)).unwrap();
    assert_eq!(from_cli, igf_rubric::evaluate_json(&request).unwrap());

    let bad = request
        .replace(r#""scale": 4 }"#, r#""scale": 4.5 }"#)
        .replace(r#""level": "defined""#, r#""level": "definde""#);
    let out = run(&["evaluate", "-"], Some(bad.as_bytes()));
    assert_eq!(out.status.code(), Some(1));
    let shown = readme_block("the request is invalid: the error", "text");
    let shown = shown
        .strip_prefix("$ igf-rubric evaluate bad-request.json > errors.json\n")
        .unwrap();
    assert_eq!(text(&out.stderr), shown);
    igf_rubric::ErrorDocument::from_json(&text(&out.stdout)).unwrap();
}

/// The sample IPv6 proposal assessment with its heaviest criterion, P1, left out.
fn without_p1() -> Value {
    let mut sheet: Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("examples/data/proposals/ipv6-2016.json")).unwrap(),
    )
    .unwrap();
    sheet["answers"]
        .as_array_mut()
        .unwrap()
        .retain(|a| a["criterion"] != "P1");
    sheet
}

#[test]
fn an_omitted_answer_shows_in_validate_and_in_every_evaluate_format() {
    let sheet = without_p1().to_string();
    let validated = run(&["validate", "-"], Some(sheet.as_bytes()));
    let said = text(&validated.stdout);
    assert!(
        said.contains("note: criterion P1 (Relevance and timeliness) is not answered; under bpf-proposal 1.0.0 an omitted answer makes the sheet incomplete"),
        "{said}"
    );
    let request = json!({
        "schema_version": 1,
        "rubric": { "preset": { "id": "bpf-proposal" } },
        "assessments": [without_p1()],
    })
    .to_string();
    let json_out = run(&["evaluate", "-"], Some(request.as_bytes()));
    let result = igf_rubric::EvaluationResult::from_json(&text(&json_out.stdout)).unwrap();
    assert!(!result.scorecards[0].complete);
    assert!(result.scorecards[0].total.is_none());
    for format in ["markdown", "csv"] {
        let out = text(
            &run(
                &["evaluate", "--format", format, "-"],
                Some(request.as_bytes()),
            )
            .stdout,
        );
        assert!(
            out.contains("P1 is not answered (left out of the assessment)"),
            "{format}: {out}"
        );
    }
    let rubric = igf_rubric::presets::bpf_proposal();
    let card = &result.scorecards[0];
    let csv = igf_rubric::report::scorecard_csv(card, rubric).unwrap();
    let p1 = csv.lines().find(|l| l.starts_with("P1,")).unwrap();
    assert!(
        p1.contains("not answered") && p1.contains("incomplete"),
        "{p1}"
    );
    let markdown = igf_rubric::report::scorecard_markdown(card, rubric).unwrap();
    assert!(markdown.contains("not answered"), "{markdown}");
}

#[test]
fn validate_reports_every_shape_mistake_of_a_sheet_with_what_was_meant() {
    let mut sheet = without_p1();
    let answers = sheet["answers"].as_array_mut().unwrap();
    answers.push(json!({ "criterion": "p1", "value": { "scael": 4 } }));
    answers[0]["comments"] = json!("see the annex");
    sheet["subject"]["yaer"] = sheet["subject"]["year"].take();
    sheet["subject"].as_object_mut().unwrap().remove("year");
    sheet["conflict_of_interest"]["declared"] = json!("no");
    sheet["assessor"]["stakeholder_group"] = json!("Civil society");
    let out = run(&["validate", "-"], Some(sheet.to_string().as_bytes()));
    assert_eq!(out.status.code(), Some(1));
    let said = text(&out.stderr);
    for expected in [
        "subject.yaer: unknown field `yaer` (did you mean `year`?)",
        "assessor.stakeholder_group: unknown value `Civil society` (did you mean `civil_society`?)",
        "conflict_of_interest.declared: expected true or false, found the string \"no\"",
        "answers[0](G1).comments: unknown field `comments` (did you mean `comment`?)",
        ".value.scael: unknown value `scael` (did you mean `scale`?)",
        ".criterion: unknown criterion `p1` (did you mean `P1`?)",
    ] {
        assert!(said.contains(expected), "missing {expected:?} in\n{said}");
    }
    // The misspelt `yaer` stands for `year`: its absence is not a second mistake.
    assert!(!said.contains("missing field"), "{said}");
    assert!(said.contains("(6 errors)"), "{said}");
}

#[test]
fn evaluate_names_the_document_it_was_given() {
    let out = run(
        &["evaluate", "examples/data/proposals/ipv6-2016.json"],
        None,
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("this is an assessment, not an evaluation request"),
        "{}",
        text(&out.stderr)
    );
    let out = run(&["evaluate", "presets/bpf-proposal.json"], None);
    assert!(text(&out.stderr).contains("this is a rubric, not an evaluation request"));
}

#[test]
fn validate_checks_every_file_even_after_one_that_cannot_be_read() {
    let out = run(
        &[
            "validate",
            "presets/bpf-proposal.json",
            "no/such/file.json",
            "presets/bpf-outcome.json",
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
    let said = text(&out.stdout);
    assert!(
        said.contains("presets/bpf-proposal.json: valid rubric")
            && said.contains("presets/bpf-outcome.json: valid rubric"),
        "{said}"
    );
    let complained = text(&out.stderr);
    assert!(
        complained.contains("no/such/file.json")
            && complained.contains("could not read 1 of 3 files"),
        "{complained}"
    );
}
