//! Decimals arrive exactly, as JSON strings or JSON numbers, even inside tagged enums.

use igf_rubric::Document;
use std::str::FromStr;

use igf_rubric::{Decimal, Metric, Rubric};

use crate::common::rubric;

const TINY_ABOVE_ONE: &str = "1.0000000000000000000000000001";

#[test]
fn json_numbers_keep_all_28_decimal_places() {
    // A plain field (weight) and a field inside the internally tagged metric (a level value),
    // both written as bare JSON numbers.
    let text = rubric()
        .to_string()
        .replacen(
            r#""weight":"4""#,
            &format!(r#""weight":{TINY_ABOVE_ONE}"#),
            1,
        )
        .replacen(r#""value":"2""#, &format!(r#""value":{TINY_ABOVE_ONE}"#), 1);
    let loaded = Rubric::from_json(&text).unwrap();
    let expected = Decimal::from_str(TINY_ABOVE_ONE).unwrap();
    assert_eq!(loaded.criterion("fit").unwrap().weight, Some(expected));
    let Some(Metric::Levels { levels }) = &loaded.criterion("clarity").unwrap().metric else {
        panic!("clarity is a levels criterion");
    };
    assert_eq!(levels[1].value, expected);
    assert_ne!(levels[1].value, Decimal::ONE);
}

#[test]
fn strings_numbers_and_exponents_agree() {
    for written in [r#""2.50""#, "2.50", "25e-1", "0.25E1"] {
        let text =
            rubric()
                .to_string()
                .replacen(r#""weight":"4""#, &format!(r#""weight":{written}"#), 1);
        let weight = Rubric::from_json(&text)
            .unwrap()
            .criterion("fit")
            .unwrap()
            .weight
            .unwrap();
        assert_eq!(weight, Decimal::new(25, 1), "{written}");
    }
    // A string holds digits only: the exponent form is for JSON numbers.
    let text = rubric()
        .to_string()
        .replacen(r#""weight":"4""#, r#""weight":"0.25E1""#, 1);
    assert!(Rubric::from_json(&text).is_err());
}

#[test]
fn decimals_are_written_as_strings_and_read_back_equal() {
    let loaded = crate::common::load_rubric(&rubric());
    let text = loaded.to_json().unwrap();
    assert!(text.contains(r#""weight": "4""#), "{text}");
    assert_eq!(Rubric::from_json(&text).unwrap(), loaded);
}
