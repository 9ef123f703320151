//! The crate's JSON reader: no effect on the host's serde_json, and the strict, exact reading
//! the schemas promise.

use igf_rubric::Document;
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

// ---- Host types read as serde_json reads them.

/// A JSON value of every kind, with floats, big and negative integers and strings that need
/// escapes, nested a few levels.
fn json_value() -> impl proptest::strategy::Strategy<Value = serde_json::Value> {
    use proptest::prelude::*;
    use serde_json::Value;
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>()
            .prop_filter("finite", |x| x.is_finite())
            .prop_map(Value::from),
        (-1e6f64..1e6).prop_map(Value::from),
        "\\PC{0,12}".prop_map(Value::String),
        "[\"\\\\/\u{8}\u{c}\n\r\t\u{1}é€😀a-z]{0,8}".prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map("[a-z$_]{0,6}", inner, 0..6)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// Both readers' answers for one text: equal values, or both an error.
fn same_as_serde_json<T>(text: &str) -> Result<(), String>
where
    T: serde::de::DeserializeOwned + PartialEq + std::fmt::Debug,
{
    let ours = igf_rubric::json::from_str::<T>(text);
    let theirs = serde_json::from_str::<T>(text);
    match (&ours, &theirs) {
        (Ok(a), Ok(b)) if a == b => Ok(()),
        (Err(_), Err(_)) => Ok(()),
        _ => Err(format!("{text}\n ours: {ours:?}\n serde_json: {theirs:?}")),
    }
}

#[derive(Debug, PartialEq, Deserialize)]
#[serde(untagged)]
enum Untagged {
    Number(f64),
    Text(String),
    Pair { a: f64, b: Option<i64> },
}

#[derive(Debug, PartialEq, Deserialize)]
#[serde(tag = "kind")]
enum Tagged {
    Point { x: f64, y: f64 },
    Label { text: String },
}

#[derive(Debug, PartialEq, Deserialize)]
struct Flattened {
    id: String,
    #[serde(flatten)]
    rest: std::collections::BTreeMap<String, f64>,
}

#[derive(Debug, PartialEq, Deserialize)]
struct WithFlattenedFloat {
    id: String,
    #[serde(flatten)]
    inner: Inner,
}

#[derive(Debug, PartialEq, Deserialize)]
struct Inner {
    score: f64,
}

proptest::proptest! {
    /// Any JSON document reads to the same `serde_json::Value` through both readers, compact
    /// or pretty-printed.
    #[test]
    fn values_read_as_serde_json_reads_them(value in json_value()) {
        let compact = serde_json::to_string(&value).unwrap();
        let pretty = serde_json::to_string_pretty(&value).unwrap();
        for text in [compact, pretty] {
            let ours: serde_json::Value = igf_rubric::json::from_str(&text).unwrap();
            proptest::prop_assert_eq!(&ours, &serde_json::from_str::<serde_json::Value>(&text).unwrap());
        }
    }

    /// Numbers written any way JSON allows read as serde_json reads them, in a `Value`, an
    /// `f64`, an untagged enum, an internally tagged enum and a flattened map.
    #[test]
    fn numbers_read_as_serde_json_reads_them(
        sign in proptest::prop_oneof!["", "-"],
        int in "0|[1-9][0-9]{0,25}",
        frac in proptest::option::of("[0-9]{1,30}"),
        exp in proptest::option::of("[eE][+-]?[0-9]{1,3}"),
    ) {
        let number = format!("{sign}{int}{}{}", frac.map(|f| format!(".{f}")).unwrap_or_default(), exp.unwrap_or_default());
        let check = |result: Result<(), String>| result.map_err(proptest::test_runner::TestCaseError::fail);
        check(same_as_serde_json::<serde_json::Value>(&number))?;
        check(same_as_serde_json::<f64>(&number))?;
        check(same_as_serde_json::<Untagged>(&number))?;
        check(same_as_serde_json::<Untagged>(&format!(r#"{{"a": {number}, "b": null}}"#)))?;
        check(same_as_serde_json::<Tagged>(&format!(r#"{{"kind": "Point", "x": {number}, "y": 1.5}}"#)))?;
        check(same_as_serde_json::<Flattened>(&format!(r#"{{"id": "p1", "score": {number}, "weight": 0.25}}"#)))?;
        check(same_as_serde_json::<WithFlattenedFloat>(&format!(r#"{{"id": "p1", "score": {number}}}"#)))?;
    }
}

#[test]
fn host_types_that_buffer_read_as_serde_json_reads_them() {
    for text in [
        "2.5",
        r#"{"a": 2.5, "b": 3}"#,
        r#"{"kind": "Point", "x": 0.1, "y": -2e-3}"#,
        r#"{"id": "p1", "score": 2.5}"#,
        r#"{"id": "p1", "score": 1e400}"#,
        r#"[1.0, "x", {"y": [0.5]}]"#,
        "18446744073709551616",
        "-9223372036854775809",
    ] {
        same_as_serde_json::<serde_json::Value>(text).unwrap();
        same_as_serde_json::<Untagged>(text).unwrap();
        same_as_serde_json::<Tagged>(text).unwrap();
        same_as_serde_json::<Flattened>(text).unwrap();
        same_as_serde_json::<WithFlattenedFloat>(text).unwrap();
    }
    // The reader's private number token never reaches a host's value.
    let value: serde_json::Value = igf_rubric::json::from_str("2.5").unwrap();
    assert_eq!(value, serde_json::json!(2.5));
}

#[test]
fn the_crates_decimals_stay_exact_inside_host_types_and_tagged_enums() {
    #[derive(Deserialize)]
    struct Call {
        rubric: Rubric,
        note: serde_json::Value,
    }
    let text = r#"{
      "note": {"share": 0.1000000000000000000000000001},
      "rubric": { "id": "demo", "version": "1", "title": "Demo", "kind": "proposal",
        "criteria": [ { "id": "fit", "name": "Fit", "weight": 1,
          "metric": { "type": "scale", "min": 0.1000000000000000000000000001, "max": 5, "step": 0.0000000000000000000000000001 } } ],
        "panel": { "aggregation": { "method": "trimmed_mean", "trim": { "share": 0.1000000000000000000000000001 } } } }
    }"#;
    let call: Call = igf_rubric::json::from_str(text).unwrap();
    let metric = call
        .rubric
        .criterion("fit")
        .and_then(|c| c.metric.clone())
        .unwrap();
    assert!(
        metric
            .to_string()
            .starts_with("scale 0.1000000000000000000000000001 to 5"),
        "{metric}"
    );
    // The host's own value around it reads as serde_json reads it.
    assert_eq!(call.note, serde_json::json!({"share": 0.1}));
}

/// Reads `value` back from the JSON serde_json writes of it, through the crate's reader.
#[track_caller]
fn reads_back<T>(value: &T)
where
    T: serde::Serialize + serde::de::DeserializeOwned + PartialEq + std::fmt::Debug,
{
    let text = serde_json::to_string_pretty(value).unwrap();
    let again: T = igf_rubric::json::from_str(&text).unwrap_or_else(|e| panic!("{e}\n{text}"));
    assert_eq!(&again, value);
}

#[test]
fn every_ranking_weighting_and_acceptability_the_crate_writes_reads_back() {
    use igf_rubric::decision::{
        CriterionType, DecisionMatrix, Method, Normalisation, PreferenceFunction, Sampling,
        entropy, rank_acceptability, rank_order_centroid,
    };
    let matrix = DecisionMatrix::new(
        vec!["a".into(), "b".into(), "c".into()],
        vec![
            ("reach".into(), CriterionType::Benefit),
            ("cost".into(), CriterionType::Cost),
        ],
        vec![vec![7.25, 300.5], vec![9.125, 500.0], vec![5.5, 200.75]],
    )
    .unwrap();
    let weights = [0.6, 0.4];
    let methods = [
        Method::WeightedSum {
            normalisation: Normalisation::MinMax,
        },
        Method::WeightedProduct {
            normalisation: Normalisation::Max,
        },
        Method::Topsis {
            normalisation: Normalisation::Vector,
        },
        Method::Vikor {
            v: 0.5,
            compromise_set: false,
        },
        Method::PrometheeII {
            preferences: vec![
                PreferenceFunction::VShape { p: 2.5 },
                PreferenceFunction::Usual,
            ],
        },
    ];
    for method in &methods {
        reads_back(method);
        reads_back(&method.rank(&matrix, &weights).unwrap());
        let sampling = Sampling::Dirichlet {
            concentration: 20.0,
        };
        reads_back(&rank_acceptability(&matrix, &weights, method, 1, sampling, 200, 7).unwrap());
    }
    reads_back(&entropy(&matrix).unwrap());
    reads_back(&rank_order_centroid(&[1, 2]).unwrap());
}

/// Found by the fuzz target: a 93-digit integer, which serde_json's default parser rounds one
/// unit off; both readers now round it correctly.
#[test]
fn long_integers_round_correctly() {
    let text = format!("[{}854775808]", "5".repeat(84));
    same_as_serde_json::<serde_json::Value>(&text).unwrap();
    let read: Vec<f64> = igf_rubric::json::from_str(&text).unwrap();
    assert_eq!(read, [text[1..text.len() - 1].parse::<f64>().unwrap()]);
}

/// A trim count written `1.0` is the whole number 1, inside the aggregation serde buffers as in
/// the schema, which calls it an integer.
#[test]
fn a_trim_count_is_a_whole_number_however_written() {
    use igf_rubric::rubric::{Aggregation, PanelRules, Trim};
    for text in [
        r#"{"aggregation": {"method": "trimmed_mean", "trim": {"count": 1.0}}}"#,
        r#"{"aggregation": {"method": "trimmed_mean", "trim": {"count": 1}}}"#,
    ] {
        let rules: PanelRules = igf_rubric::json::from_str(text).unwrap();
        assert_eq!(
            rules.aggregation,
            Aggregation::TrimmedMean {
                trim: Trim::Count(1)
            }
        );
    }
    let refused = igf_rubric::json::from_str::<PanelRules>(
        r#"{"aggregation": {"method": "trimmed_mean", "trim": {"count": 1.5}}}"#,
    );
    assert!(refused.unwrap_err().to_string().contains("whole number"));
}
