//! An evaluation's result as a workbook: the ranking and decisions with their reasons, every
//! scorecard with its criteria, the per-criterion aggregates and spreads, the agreement
//! figures and the exclusions; numbers as numbers at the rubric's places.

use rust_decimal::Decimal;
use rust_xlsxwriter::{Format, Workbook, Worksheet, XlsxError};

use crate::error::Error;
use crate::evaluation::EvaluationResult;
use crate::panel::PanelReport;
use crate::rubric::Rubric;
use crate::scoring::CriterionResult;

/// The result of an evaluation as an `.xlsx` workbook: `Ranking` (when there is a panel),
/// `Scorecards`, `Criteria`, `Agreement` and `Exclusions`, each with a frozen header row, a
/// filter and readable widths. Totals and points are numbers formatted at the rubric's places
/// (a decimal a spreadsheet number cannot hold exactly is written as text).
///
/// ```
/// use igf_rubric::{evaluate_json, presets, sheet};
///
/// let request = r#"{"rubric": {"preset": {"id": "bpf-proposal"}}, "assessments": [
///     "#.to_owned() + include_str!("../../examples/data/proposals/ipv6-2016.json") + "]}";
/// let result = evaluate_json(&request).unwrap();
/// let workbook = sheet::report_xlsx(&result, presets::get("bpf-proposal").unwrap())?;
/// assert!(workbook.starts_with(b"PK"));
/// # Ok::<(), igf_rubric::Error>(())
/// ```
///
/// # Errors
/// [`Error::InvalidData`] if the spreadsheet library refuses the workbook (more rows than a
/// sheet holds).
pub fn report_xlsx(result: &EvaluationResult, rubric: &Rubric) -> Result<Vec<u8>, Error> {
    write(result, rubric).map_err(|e| Error::invalid_data("workbook", e.to_string()))
}

/// Writes a table: a bold, frozen, filtered header and the column widths.
fn table(sheet: &mut Worksheet, headers: &[(&str, f64)], rows: u32) -> Result<(), XlsxError> {
    let bold = Format::new().set_bold().set_text_wrap();
    for (col, (header, width)) in (0u16..).zip(headers) {
        sheet.write_string_with_format(0, col, *header, &bold)?;
        sheet.set_column_width(col, *width)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    let last = u16::try_from(headers.len().saturating_sub(1)).unwrap_or(0);
    sheet.autofilter(0, 0, rows, last)?;
    Ok(())
}

/// A published decimal as a number at the rubric's places, or as text when a spreadsheet
/// number (a double) cannot hold it exactly.
pub(super) fn decimal(
    sheet: &mut Worksheet,
    row: u32,
    col: u16,
    value: Decimal,
    places: &Format,
) -> Result<(), XlsxError> {
    let text = value.normalize().to_string();
    match text.parse::<f64>() {
        Ok(number) if number.to_string() == text => {
            sheet.write_number_with_format(row, col, number, places)?;
        }
        _ => {
            sheet.write_string(row, col, &text)?;
        }
    }
    Ok(())
}

fn write(result: &EvaluationResult, rubric: &Rubric) -> Result<Vec<u8>, XlsxError> {
    let dp = rubric.doc().rounding.dp;
    let zeros = "0".repeat(usize::try_from(dp).unwrap_or(0));
    let places = Format::new().set_num_format(if zeros.is_empty() {
        "0".to_owned()
    } else {
        format!("0.{zeros}")
    });
    let share = Format::new().set_num_format("0.0000");
    let mut book = Workbook::new();
    if let Some(panel) = &result.panel {
        ranking(book.add_worksheet().set_name("Ranking")?, panel, &places)?;
    }
    scorecards(
        book.add_worksheet().set_name("Scorecards")?,
        result,
        &places,
    )?;
    if let Some(panel) = &result.panel {
        criteria(
            book.add_worksheet().set_name("Criteria")?,
            panel,
            rubric,
            &share,
            &places,
        )?;
        agreement(book.add_worksheet().set_name("Agreement")?, panel)?;
        exclusions(book.add_worksheet().set_name("Exclusions")?, panel)?;
    }
    book.save_to_buffer()
}

fn ranking(sheet: &mut Worksheet, panel: &PanelReport, places: &Format) -> Result<(), XlsxError> {
    let rows = u32::try_from(panel.subjects.len()).unwrap_or(u32::MAX);
    table(
        sheet,
        &[
            ("Rank", 7.0),
            ("Subject", 18.0),
            ("Title", 40.0),
            ("Total", 9.0),
            ("Band", 14.0),
            ("Selected", 9.0),
            ("Why", 70.0),
            ("Assessors", 10.0),
            ("Lowest", 9.0),
            ("Highest", 9.0),
            ("Range", 9.0),
        ],
        rows,
    )?;
    for (row, subject) in (1u32..).zip(&panel.subjects) {
        if let Some(rank) = subject.rank {
            sheet.write_number(row, 0, u32::try_from(rank).unwrap_or(u32::MAX))?;
        }
        sheet.write_string(row, 1, &subject.subject.id)?;
        sheet.write_string(row, 2, &subject.subject.title)?;
        if let Some(total) = &subject.total {
            decimal(sheet, row, 3, total.published, places)?;
        }
        if let Some(band) = &subject.band {
            sheet.write_string(row, 4, &band.label)?;
        }
        sheet.write_string(
            row,
            5,
            if subject.decision.selected {
                "yes"
            } else {
                "no"
            },
        )?;
        sheet.write_string(row, 6, &subject.decision.explanation)?;
        let included = subject.assessors.iter().filter(|a| a.included).count();
        sheet.write_number(row, 7, u32::try_from(included).unwrap_or(u32::MAX))?;
        if let Some(spread) = &subject.spread {
            decimal(sheet, row, 8, spread.min, places)?;
            decimal(sheet, row, 9, spread.max, places)?;
            decimal(sheet, row, 10, spread.range, places)?;
        }
    }
    Ok(())
}

/// The leaves of a scorecard's criteria, in rubric order.
fn leaves(list: &[CriterionResult]) -> Vec<&CriterionResult> {
    list.iter()
        .flat_map(|c| {
            if c.criteria.is_empty() {
                vec![c]
            } else {
                leaves(&c.criteria)
            }
        })
        .collect()
}

fn scorecards(
    sheet: &mut Worksheet,
    result: &EvaluationResult,
    places: &Format,
) -> Result<(), XlsxError> {
    let names: Vec<String> = result
        .scorecards
        .first()
        .map(|card| {
            leaves(&card.criteria)
                .iter()
                .map(|c| format!("{} {} (points)", c.id, c.name))
                .collect()
        })
        .unwrap_or_default();
    let mut headers: Vec<(&str, f64)> = vec![
        ("Subject", 18.0),
        ("Title", 40.0),
        ("Assessor", 14.0),
        ("Total", 9.0),
        ("Band", 14.0),
        ("Eligible", 9.0),
        ("Complete", 9.0),
        ("Notes", 50.0),
    ];
    headers.extend(names.iter().map(|n| (n.as_str(), 16.0)));
    let rows = u32::try_from(result.scorecards.len()).unwrap_or(u32::MAX);
    table(sheet, &headers, rows)?;
    for (row, card) in (1u32..).zip(&result.scorecards) {
        sheet.write_string(row, 0, &card.subject.id)?;
        sheet.write_string(row, 1, &card.subject.title)?;
        sheet.write_string(row, 2, &card.assessor.id)?;
        if let Some(total) = &card.total {
            decimal(sheet, row, 3, total.published, places)?;
        }
        if let Some(band) = &card.band {
            sheet.write_string(row, 4, &band.label)?;
        }
        sheet.write_string(row, 5, if card.eligible { "yes" } else { "no" })?;
        sheet.write_string(row, 6, if card.complete { "yes" } else { "no" })?;
        let notes: Vec<&str> = card.flags.iter().map(|f| f.message.as_str()).collect();
        sheet.write_string(row, 7, notes.join("; "))?;
        for (col, criterion) in (8u16..).zip(leaves(&card.criteria)) {
            decimal(sheet, row, col, criterion.contribution.published, places)?;
        }
    }
    Ok(())
}

fn criteria(
    sheet: &mut Worksheet,
    panel: &PanelReport,
    rubric: &Rubric,
    share: &Format,
    places: &Format,
) -> Result<(), XlsxError> {
    let rows: usize = panel
        .subjects
        .iter()
        .fold(0usize, |n, s| n.saturating_add(s.criteria.len()));
    table(
        sheet,
        &[
            ("Subject", 18.0),
            ("Criterion", 10.0),
            ("Name", 36.0),
            ("Answers", 9.0),
            ("Score (0-1)", 11.0),
            ("Raw", 9.0),
            ("Lowest", 9.0),
            ("Highest", 9.0),
            ("Range", 9.0),
            ("Divergent", 10.0),
        ],
        u32::try_from(rows).unwrap_or(u32::MAX),
    )?;
    let mut row = 1u32;
    for subject in &panel.subjects {
        for aggregate in &subject.criteria {
            sheet.write_string(row, 0, &subject.subject.id)?;
            sheet.write_string(row, 1, &aggregate.id)?;
            let name = rubric
                .criterion(&aggregate.id)
                .map_or("", |c| c.name.as_str());
            sheet.write_string(row, 2, name)?;
            sheet.write_number(row, 3, u32::try_from(aggregate.n).unwrap_or(u32::MAX))?;
            if let Some(normalised) = aggregate.normalised {
                decimal(sheet, row, 4, normalised.round_dp(4), share)?;
            }
            if let Some(raw) = aggregate.raw {
                decimal(sheet, row, 5, raw, places)?;
            }
            if let Some(spread) = &aggregate.spread {
                decimal(sheet, row, 6, spread.min, places)?;
                decimal(sheet, row, 7, spread.max, places)?;
                decimal(sheet, row, 8, spread.range, places)?;
            }
            sheet.write_string(row, 9, if aggregate.divergent { "yes" } else { "no" })?;
            row = row.saturating_add(1);
        }
    }
    Ok(())
}

fn agreement(sheet: &mut Worksheet, panel: &PanelReport) -> Result<(), XlsxError> {
    let figure = Format::new().set_num_format("0.000");
    let reliability = &panel.reliability;
    let mut lines: Vec<(String, Option<f64>)> = vec![(
        "Krippendorff's alpha, totals (interval)".to_owned(),
        reliability.totals_alpha.value,
    )];
    if let Some(bands) = &reliability.bands_alpha {
        lines.push((
            "Krippendorff's alpha, bands (ordinal)".to_owned(),
            bands.value,
        ));
    }
    for icc in &reliability.totals_icc {
        lines.push((
            format!("{} ({})", icc.name, icc.mcgraw_wong),
            Some(icc.value),
        ));
    }
    for criterion in &reliability.criteria_alpha {
        lines.push((
            format!("Krippendorff's alpha, criterion {}", criterion.criterion),
            criterion.alpha.value,
        ));
    }
    let rows = u32::try_from(lines.len().saturating_add(1)).unwrap_or(u32::MAX);
    table(sheet, &[("Figure", 50.0), ("Value", 10.0)], rows)?;
    for (row, (name, value)) in (1u32..).zip(&lines) {
        sheet.write_string(row, 0, name)?;
        match value {
            Some(v) if v.is_finite() => {
                sheet.write_number_with_format(row, 1, *v, &figure)?;
            }
            _ => {
                sheet.write_string(row, 1, "not defined")?;
            }
        }
    }
    if let Some(note) = &reliability.icc_note {
        let row = u32::try_from(lines.len()).unwrap_or(0).saturating_add(2);
        sheet.write_string(row, 0, note)?;
    }
    Ok(())
}

fn exclusions(sheet: &mut Worksheet, panel: &PanelReport) -> Result<(), XlsxError> {
    let excluded: Vec<(&str, &str, &str)> = panel
        .subjects
        .iter()
        .flat_map(|s| {
            s.assessors.iter().filter(|a| !a.included).map(|a| {
                (
                    s.subject.id.as_str(),
                    a.id.as_str(),
                    a.excluded_because.as_deref().unwrap_or(""),
                )
            })
        })
        .collect();
    let rows = u32::try_from(excluded.len()).unwrap_or(u32::MAX);
    table(
        sheet,
        &[
            ("Subject", 18.0),
            ("Assessor", 14.0),
            ("Why excluded", 70.0),
        ],
        rows,
    )?;
    for (row, (subject, assessor, why)) in (1u32..).zip(&excluded) {
        sheet.write_string(row, 0, *subject)?;
        sheet.write_string(row, 1, *assessor)?;
        sheet.write_string(row, 2, *why)?;
    }
    Ok(())
}
