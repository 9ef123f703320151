//! The crate's JSON reader: no effect on the host's serde_json, and the strict, exact reading
//! the schemas promise.

use igf_rubric::{Assessment, Error, Rubric};
use serde::Deserialize;
use serde_json::json;

use crate::common::{assessment, rubric, with};

/// Fails while any crate in this build turns on serde_json's `arbitrary_precision`: with it,
/// numbers inside untagged enums and flattened structs reach their visitor as maps.
#[test]
fn the_host_programs_serde_json_is_unchanged() {
    #[derive(Deserialize, Debug, PartialEq)]
    #[serde(untagged)]
    enum Amount {
        Number(f64),
        Text(String),
    }
    #[derive(Deserialize, Debug, PartialEq)]
    struct Inner {
        rate: f64,
    }
    #[derive(Deserialize, Debug, PartialEq)]
    struct Outer {
        amount: Amount,
        #[serde(flatten)]
        inner: Inner,
    }
    let read: Outer = serde_json::from_str(r#"{"amount": 2.5, "rate": 0.25}"#).unwrap();
    assert_eq!(
        read,
        Outer {
            amount: Amount::Number(2.5),
            inner: Inner { rate: 0.25 }
        }
    );
}

fn read_error(input: &str) -> String {
    match Assessment::from_json(input) {
        Err(Error::Json { path, message, .. }) => format!("{path}: {message}"),
        other => panic!("expected a JSON error, got {other:?}"),
    }
}

#[test]
fn structs_load_from_objects_only() {
    let doc = assessment();
    let Some(fields) = doc.as_object() else {
        panic!()
    };
    let positional: Vec<_> = fields.values().cloned().collect();
    assert_eq!(
        read_error(&serde_json::Value::Array(positional).to_string()),
        "$: expected an object, found an array"
    );
    assert_eq!(read_error("[]"), "$: expected an object, found an array");
    assert_eq!(read_error("null"), "$: expected an object, found null");
}

#[test]
fn whole_numbers_are_read_as_json_schema_reads_integers() {
    for year in ["2016", "2016.0", "2.016e3"] {
        let text = with(assessment(), "/subject/year", json!(0))
            .to_string()
            .replace(r#""year":0"#, &format!(r#""year":{year}"#));
        let loaded = Assessment::from_json(&text).unwrap();
        assert_eq!(loaded.subject.year, 2016, "{year}");
    }
    let text = assessment()
        .to_string()
        .replace(r#""year":2020"#, r#""year":2020.5"#);
    assert_eq!(
        read_error(&text),
        "subject.year: expected a whole number >= 0, found the number 2020.5"
    );
}

#[test]
fn syntax_errors_say_what_and_where_in_words() {
    let cases = [
        (
            "",
            "$: the document is empty: expected a JSON value (line 1, column 1)",
        ),
        (
            "\u{feff}{}",
            "$: the document starts with a byte-order mark (U+FEFF); save it as UTF-8 without one (line 1, column 1)",
        ),
        (
            r#"{"subject": {"title": "\ud800"}}"#,
            "subject.title: the escape \\uD800 is half of a surrogate pair without its other half, so the string is not valid Unicode (line 1, column 30)",
        ),
        (
            "{\"answers\": [1,\n 2,, 3]}",
            "answers[2]: expected a value (an object, array, string, number, true, false or null), found `,` (line 2, column 4)",
        ),
        (
            "{\"kind\": \"a\u{1}b\"}",
            "kind: control character U+0001 inside a string (write it as an escape such as \\n) (line 1, column 12)",
        ),
        (
            "{} x",
            "$: unexpected text after the end of the document, found `x` (line 1, column 4)",
        ),
        (
            "01",
            "$: a number may not start with 0 followed by digits (line 1, column 2)",
        ),
    ];
    for (input, expected) in cases {
        assert_eq!(read_error(input), expected, "{input:?}");
    }
}

#[test]
fn nesting_is_limited_and_says_so() {
    let deep = format!("{}{}", "[".repeat(200), "]".repeat(200));
    let message = read_error(&deep);
    assert!(
        message.ends_with(&format!(
            "the document nests arrays and objects deeper than {} levels (line 1, column 129)",
            igf_rubric::json::MAX_DEPTH
        )),
        "{message}"
    );
}

#[test]
fn quoted_values_are_shortened_and_escaped() {
    let id = format!("\u{1b}[31m{}", "x".repeat(10_000_000));
    let text = with(rubric(), "/criteria/0/wieght", json!(1))
        .to_string()
        .replace("wieght", &id.replace('\u{1b}', "\\u001b"));
    let message = Rubric::from_json(&text).unwrap_err().to_string();
    assert!(message.len() < 1_000, "{} bytes", message.len());
    assert!(!message.contains('\u{1b}'), "{message}");
    assert!(
        message.starts_with("criteria[0](fit).\\u{1b}[31mxxx"),
        "{}",
        &message[..100]
    );
    assert!(
        message.contains("(10000005 characters in all)"),
        "{}",
        &message[..200]
    );
}

#[test]
fn bytes_that_are_not_utf8_are_named() {
    let err = igf_rubric::json::from_slice::<Assessment>(b"{\"kind\": \"\xff\"}").unwrap_err();
    assert_eq!(
        err.to_string(),
        "$: the document is not UTF-8 text (invalid byte at offset 10)"
    );
}

#[test]
fn other_deserializers_refuse_binary_floats_for_decimals() {
    let text = rubric()
        .to_string()
        .replace(r#""weight":"4""#, r#""weight":0.1"#);
    let err = serde_json::from_str::<Rubric>(&text)
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("reached the decimal reader as a binary float"),
        "{err}"
    );
    assert!(Rubric::from_json(&text).is_ok());
}
