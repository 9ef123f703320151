//! Nothing lost: every document the crate reads or writes comes back equal through JSON, free
//! text in any Unicode included, and a panel review accounts for every assessment it was given.

use igf_rubric::Document;
use igf_rubric::{Assessment, Panel, PanelReport, Rubric, Scorecard, Subject};
use proptest::prelude::*;

use crate::properties::case;

/// Any Unicode text: control characters, quotes, backslashes, astral planes, combining marks.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[\"\\\\\u{0}-\u{1f}\u{7f}\u{2028}\u{2029}\u{feff}\u{1f600}e\u{301}]{0,12}",
    ]
}

/// `rubric` with its free text replaced by `texts` (cycled), reloaded.
fn with_text(rubric: &Rubric, texts: &[String]) -> Rubric {
    let mut doc = rubric.doc().clone();
    let mut next = texts.iter().cycle();
    doc.title = next.next().cloned().unwrap_or_default();
    doc.description = next.next().cloned().unwrap_or_default();
    let mut stack: Vec<&mut igf_rubric::Criterion> = doc.criteria.iter_mut().collect();
    while let Some(criterion) = stack.pop() {
        criterion.name = next.next().cloned().unwrap_or_default();
        criterion.description = next.next().cloned().unwrap_or_default();
        stack.extend(criterion.criteria.iter_mut());
    }
    Rubric::try_from(doc).unwrap()
}

/// `assessment` with its free text replaced by `texts` (cycled), for `subject`.
fn sheet_with_text(assessment: &Assessment, texts: &[String], subject: &str) -> Assessment {
    let mut sheet = assessment.clone();
    let mut next = texts.iter().cycle();
    sheet.subject = Subject {
        id: subject.to_owned(),
        title: next.next().cloned().unwrap_or_default(),
        year: 2026,
    };
    sheet.assessor.name = next.next().cloned();
    for answer in &mut sheet.answers {
        answer.comment = next.next().cloned();
    }
    sheet.lessons.worked_well = next.next().cloned();
    sheet.lessons.worked_less_well = next.next().cloned();
    sheet.lessons.do_differently = next.next().cloned();
    sheet
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// A rubric, an assessment, its scorecard, a panel and its report each read back equal to
    /// what was written; the report lists every assessment of the panel exactly once.
    #[test]
    fn every_document_round_trips((rubric, assessment) in case(), texts in prop::collection::vec(text(), 1..8), assessors in 1usize..4) {
        let rubric = with_text(&rubric, &texts);
        prop_assert_eq!(&Rubric::from_json(&rubric.to_json().unwrap()).unwrap(), &rubric);

        let sheet = sheet_with_text(&assessment, &texts, "s1");
        let written = sheet.to_json().unwrap();
        prop_assert_eq!(&Assessment::from_json(&written).unwrap(), &sheet);
        prop_assert_eq!(&rubric.read_assessment(&written).unwrap(), &sheet);

        let card = rubric.score(&sheet).unwrap();
        let card_json = serde_json::to_string(&card).unwrap();
        prop_assert_eq!(&Scorecard::from_json(&card_json).unwrap(), &card);

        // Several assessors on two subjects.
        let sheets: Vec<Assessment> = (0..assessors)
            .flat_map(|k| {
                ["s1", "s2"].into_iter().map(move |subject| (k, subject))
            })
            .map(|(k, subject)| {
                let mut sheet = sheet_with_text(&assessment, &texts, subject);
                sheet.assessor.id = format!("a{k}");
                sheet
            })
            .collect();
        let panel = Panel::new(&rubric, sheets.clone()).unwrap();
        prop_assert_eq!(&Panel::from_json(&panel.to_json().unwrap()).unwrap(), &panel);
        let report = rubric.review(&panel).unwrap();
        prop_assert_eq!(&PanelReport::from_json(&report.to_json().unwrap()).unwrap(), &report);
        let mut listed: Vec<(String, String)> = report
            .subjects
            .iter()
            .flat_map(|s| s.assessors.iter().map(move |a| (s.subject.id.clone(), a.id.clone())))
            .collect();
        let mut given: Vec<(String, String)> = sheets
            .iter()
            .map(|s| (s.subject.id.clone(), s.assessor.id.clone()))
            .collect();
        listed.sort();
        given.sort();
        prop_assert_eq!(listed, given);
    }
}
