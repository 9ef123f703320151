//! Spreadsheets: what is written to a sheet reads back as the same assessment, through the
//! grid and through CSV; a filled sheet's mistakes are found at their cells, all at once.

use igf_rubric::sheet::{self, Cell, Grid};
use igf_rubric::{Assessment, Document, presets};
use proptest::prelude::*;

use crate::properties::case;

/// An assessment as a sheet holds it: answers in criterion order, no comments or
/// derivations (a sheet has no column for them).
fn as_a_sheet_holds_it(mut assessment: Assessment) -> Assessment {
    for answer in &mut assessment.answers {
        answer.comment = None;
        answer.derivation = None;
        answer.override_reason = None;
    }
    assessment
        .answers
        .sort_by(|a, b| a.criterion.cmp(&b.criterion));
    assessment
}

fn read_back(rubric: &igf_rubric::Rubric, grid: &Grid) -> Vec<Assessment> {
    sheet::import(rubric, grid)
        .unwrap_or_else(|errors| panic!("{errors:#?}"))
        .into_iter()
        .map(as_a_sheet_holds_it)
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Written to a sheet and read back, an assessment is the same assessment; through CSV
    /// too, where every cell is text, and through an .xlsx workbook, where numbers are
    /// doubles.
    #[test]
    fn an_assessment_written_to_a_sheet_reads_back_the_same((rubric, assessment) in case()) {
        let want = vec![as_a_sheet_holds_it(assessment.clone())];
        let grid = sheet::filled_grid(&rubric, std::slice::from_ref(&assessment));
        prop_assert_eq!(&read_back(&rubric, &grid), &want);
        let csv = sheet::read_csv(&sheet::write_csv(&grid)).unwrap();
        prop_assert_eq!(&read_back(&rubric, &csv), &want);
        let workbook = sheet::filled_xlsx(&rubric, std::slice::from_ref(&assessment)).unwrap();
        let xlsx = sheet::read_xlsx(&workbook).unwrap();
        prop_assert_eq!(&read_back(&rubric, &xlsx), &want);
    }
}

#[test]
fn the_sample_sheets_read_back_from_csv_as_written() {
    let rubric = presets::get("bpf-proposal").unwrap();
    let sheets: Vec<Assessment> = ["ipv6-2016", "ixps-2016", "gender-2016"]
        .iter()
        .filter_map(|name| {
            let path = format!(
                "{}/examples/data/proposals/{name}.json",
                env!("CARGO_MANIFEST_DIR")
            );
            std::fs::read_to_string(path).ok()
        })
        .map(|text| Assessment::from_json(&text).unwrap())
        .collect();
    assert!(!sheets.is_empty());
    let csv = sheet::write_csv(&sheet::filled_grid(rubric, &sheets));
    let back = read_back(rubric, &sheet::read_csv(&csv).unwrap());
    let want: Vec<Assessment> = sheets.into_iter().map(as_a_sheet_holds_it).collect();
    assert_eq!(back, want);
}

#[test]
fn every_mistake_of_a_filled_sheet_is_reported_at_its_cell() {
    let rubric = presets::get("bpf-proposal").unwrap();
    let sample =
        Assessment::from_json(include_str!("../../examples/data/proposals/ipv6-2016.json"))
            .unwrap();
    let mut grid = sheet::filled_grid(rubric, &[sample.clone(), sample]);
    let keys: Vec<String> = sheet::columns(rubric).into_iter().map(|c| c.key).collect();
    let at = |key: &str| keys.iter().position(|k| k == key).unwrap();
    grid.rows[1][at("P1")] = Cell::Text("4,5".into());
    grid.rows[1][at("P2")] = Cell::Text("Definde".into());
    grid.rows[1][at("role")] = Cell::Empty;
    grid.rows[1][at("P6")] = Cell::Text("2.5".into());
    grid.rows[2][at("P7")] = Cell::Number("0.1".parse().unwrap());
    grid.rows.push(vec![Cell::Empty; keys.len()]);
    grid.rows[0][at("worked_well")] = Cell::Text("Worked wel [worked_wel]".into());
    let errors = sheet::import(rubric, &grid).unwrap_err();
    let found: Vec<(String, String)> = errors
        .iter()
        .map(|e| (e.cell.clone(), e.code.clone()))
        .collect();
    let cell = |key: &str, row: usize| format!("{}{row}", sheet::column_name(at(key)));
    for expected in [
        (cell("worked_well", 1), "unknown_column"),
        (cell("P1", 2), "decimal_comma"),
        (cell("role", 2), "missing_value"),
        (cell("P6", 2), "not_whole"),
        (cell("P2", 2), "unknown_choice"),
        (cell("P7", 3), "out_of_range"),
        ("A3".to_owned(), "duplicate_row"),
    ] {
        assert!(
            found.contains(&(expected.0.clone(), expected.1.to_owned())),
            "{expected:?} not in {found:#?}"
        );
    }
    assert_eq!(
        errors
            .iter()
            .find(|e| e.code == "unknown_column")
            .unwrap()
            .suggestions,
        ["worked_well"]
    );
}

#[test]
fn a_sheet_made_for_another_rubric_is_refused() {
    let rubric = presets::get("bpf-proposal").unwrap();
    let mut grid = sheet::template_grid(rubric, &[]);
    grid.rubric = Some(("bpf-outcome".into(), "1.0.0".into()));
    let errors = sheet::import(rubric, &grid).unwrap_err();
    assert_eq!(errors[0].code, "wrong_rubric");
    assert_eq!(
        errors[0].to_string(),
        "About!B1: the workbook was made for rubric `bpf-outcome` version 1.0.0, not `bpf-proposal` version 1.0.0"
    );
}

#[test]
fn a_workbook_is_read_within_its_limits() {
    let rubric = presets::get("bpf-proposal").unwrap();
    let bytes = sheet::template_xlsx(rubric, &[igf_rubric::Subject::new("s1", "S", 2024)]).unwrap();
    let grid = sheet::read_xlsx(&bytes).unwrap();
    assert_eq!(grid.rubric, Some(("bpf-proposal".into(), "1.0.0".into())));
    assert_eq!(grid.rows[1][0], Cell::Text("s1".into()));
    assert_eq!(
        sheet::import(rubric, &grid).unwrap(),
        Vec::<Assessment>::new()
    );
    let error = sheet::read_xlsx(b"not a workbook").unwrap_err();
    assert!(
        error.to_string().contains("not an .xlsx workbook"),
        "{error}"
    );
}

/// A parsed panel holds an answer per criterion per sheet: an answer stays small (a
/// derivation, which most answers lack, is boxed).
#[test]
fn an_answer_stays_small() {
    assert!(
        std::mem::size_of::<igf_rubric::Answer>() <= 112,
        "{} bytes",
        std::mem::size_of::<igf_rubric::Answer>()
    );
}
