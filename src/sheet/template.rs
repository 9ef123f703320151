//! Writing a rubric's scoring template: as a grid, as CSV, or as an `.xlsx` workbook whose
//! columns guide the person filling it (drop-downs, limits, notes).

use rust_xlsxwriter::{
    DataValidation, DataValidationErrorStyle, DataValidationRule, DocProperties, Format, Formula,
    Note, Workbook, Worksheet, XlsxError,
};

use rust_decimal::prelude::ToPrimitive as _;

use super::columns::{Column, ColumnKind, columns, header};
use super::{Cell, Grid, SCORES};
use crate::assessment::{AnswerValue, Assessment, Region, Role, StakeholderGroup, Subject};
use crate::error::Error;
use crate::label::clip;
use crate::rubric::{Metric, Rubric};

/// Rows of a template that carry the columns' drop-downs and limits, at least.
const GUIDED_ROWS: u32 = 1_000;

/// The template as a grid: the header row and one row per subject with its id, title and
/// year filled in.
#[must_use]
pub fn template_grid(rubric: &Rubric, subjects: &[Subject]) -> Grid {
    let columns = columns(rubric);
    let mut rows = vec![
        columns
            .iter()
            .map(|c| Cell::Text(header(c)))
            .collect::<Vec<_>>(),
    ];
    for subject in subjects {
        rows.push(
            columns
                .iter()
                .map(|c| match c.kind {
                    ColumnKind::SubjectId => Cell::Text(subject.id.clone()),
                    ColumnKind::SubjectTitle => Cell::Text(subject.title.clone()),
                    ColumnKind::SubjectYear => Cell::Number(subject.year.into()),
                    _ => Cell::Empty,
                })
                .collect(),
        );
    }
    Grid {
        sheet: SCORES.to_owned(),
        rows,
        rubric: Some((rubric.id().to_owned(), rubric.version().to_owned())),
    }
}

/// A filled sheet as a grid: the header row and one row per assessment, each answer written
/// as a person would fill it in (level labels, Yes/No, numbers, "Unable to assess"). What
/// [`import`](super::import) reads back from it is the same assessments (answers in rubric
/// order; comments and derivations, which a sheet has no column for, are left out).
///
/// ```
/// use igf_rubric::{Assessment, Document, presets, sheet};
///
/// let rubric = presets::get("bpf-proposal").unwrap();
/// let sheet_json = Assessment::from_json(include_str!("../../examples/data/proposals/ipv6-2016.json"))?;
/// let grid = sheet::filled_grid(rubric, std::slice::from_ref(&sheet_json));
/// let back = sheet::import(rubric, &grid).unwrap();
/// assert_eq!(back[0].answers.len(), sheet_json.answers.len());
/// assert_eq!(back[0].subject, sheet_json.subject);
/// # Ok::<(), igf_rubric::Error>(())
/// ```
#[must_use]
pub fn filled_grid(rubric: &Rubric, assessments: &[Assessment]) -> Grid {
    let columns = columns(rubric);
    let mut grid = template_grid(rubric, &[]);
    for assessment in assessments {
        grid.rows.push(
            columns
                .iter()
                .map(|c| filled(rubric, c, assessment))
                .collect(),
        );
    }
    grid
}

/// What `assessment` puts in `column`.
fn filled(rubric: &Rubric, column: &Column, assessment: &Assessment) -> Cell {
    let text = |t: &str| Cell::Text(t.to_owned());
    let optional = |t: &Option<String>| t.as_deref().map_or(Cell::Empty, text);
    let answer = |id: &str| assessment.answers.iter().find(|a| a.criterion == id);
    match &column.kind {
        ColumnKind::SubjectId => text(&assessment.subject.id),
        ColumnKind::SubjectTitle => text(&assessment.subject.title),
        ColumnKind::SubjectYear => Cell::Number(assessment.subject.year.into()),
        ColumnKind::AssessorId => text(&assessment.assessor.id),
        ColumnKind::AssessorName => optional(&assessment.assessor.name),
        ColumnKind::StakeholderGroup => text(assessment.assessor.stakeholder_group.label()),
        ColumnKind::Region => text(assessment.assessor.region.label()),
        ColumnKind::Role => text(assessment.assessor.role.label()),
        ColumnKind::ConflictDeclared => text(if assessment.conflict_of_interest.declared {
            "Yes"
        } else {
            "No"
        }),
        ColumnKind::ConflictStatement => optional(&assessment.conflict_of_interest.statement),
        ColumnKind::WorkedWell => optional(&assessment.lessons.worked_well),
        ColumnKind::WorkedLessWell => optional(&assessment.lessons.worked_less_well),
        ColumnKind::DoDifferently => optional(&assessment.lessons.do_differently),
        ColumnKind::Share {
            criterion,
            category,
        } => match answer(criterion).map(|a| &a.value) {
            Some(AnswerValue::Distribution(counts))
                if counts.categories().any(|c| c == category) =>
            {
                Cell::Number(counts.get(category).into())
            }
            // A distribution not answered is said once, in its first category's column.
            Some(value @ (AnswerValue::UnableToAssess | AnswerValue::NotApplicable))
                if first_category(rubric, criterion) == Some(category.as_str()) =>
            {
                text(if matches!(value, AnswerValue::UnableToAssess) {
                    UNABLE
                } else {
                    NOT_APPLICABLE
                })
            }
            _ => Cell::Empty,
        },
        ColumnKind::Answer { criterion } => {
            let Some(found) = answer(criterion) else {
                return Cell::Empty;
            };
            match &found.value {
                AnswerValue::Scale(d) | AnswerValue::Percent(d) => Cell::Number(*d),
                AnswerValue::Count(n) => Cell::Number((*n).into()),
                AnswerValue::YesNo(yes) => text(if *yes { "Yes" } else { "No" }),
                AnswerValue::Level(id) => {
                    let label = rubric
                        .criterion(criterion)
                        .and_then(|c| match &c.metric {
                            Some(Metric::Levels { levels }) => levels.iter().find(|l| &l.id == id),
                            _ => None,
                        })
                        .map_or(id.as_str(), |l| l.label.as_str());
                    text(label)
                }
                AnswerValue::Text(t) => text(t),
                AnswerValue::UnableToAssess => text(UNABLE),
                AnswerValue::NotApplicable => text(NOT_APPLICABLE),
                AnswerValue::Distribution(_) => Cell::Empty,
            }
        }
    }
}

/// The first category of a distribution criterion.
fn first_category<'a>(rubric: &'a Rubric, criterion: &str) -> Option<&'a str> {
    match &rubric.criterion(criterion)?.metric {
        Some(Metric::Distribution { categories, .. }) => categories.first().map(String::as_str),
        _ => None,
    }
}

/// The template as CSV (RFC 4180), the plain fallback: the header row and one row per
/// subject. CSV cannot record the rubric, so the reader checks only the columns.
#[must_use]
pub fn template_csv(rubric: &Rubric, subjects: &[Subject]) -> String {
    write_csv(&template_grid(rubric, subjects))
}

/// A grid as CSV (RFC 4180, CRLF line ends), each cell as the text a person reads in it.
#[must_use]
pub fn write_csv(grid: &Grid) -> String {
    let mut out = String::new();
    for row in &grid.rows {
        let texts: Vec<String> = row.iter().map(Cell::text).collect();
        let fields: Vec<&str> = texts.iter().map(String::as_str).collect();
        crate::report::table::csv_line(&mut out, &fields);
    }
    out
}

/// The template as an `.xlsx` workbook: a first sheet that explains how to fill it in; the
/// `Scores` sheet with a row per subject (ids, titles and years filled in), the header frozen,
/// each header carrying its criterion's name, weight and descriptors as a note, and each
/// column guided (a drop-down of level labels, yes/no, groups, regions and roles; whole or
/// decimal limits for scales, counts and percentages; "Unable to assess" and "Not applicable"
/// where the rubric accepts them); and the rubric's id and version recorded.
///
/// # Errors
/// [`Error::InvalidData`] if the spreadsheet library refuses the workbook (a rubric larger
/// than a sheet holds).
pub fn template_xlsx(rubric: &Rubric, subjects: &[Subject]) -> Result<Vec<u8>, Error> {
    write(rubric, &template_grid(rubric, subjects))
        .map_err(|e| Error::invalid_data("workbook", e.to_string()))
}

/// A filled sheet as a workbook: the template of [`template_xlsx`] with a row per assessment
/// (what [`filled_grid`] holds), which [`read_xlsx`](super::read_xlsx) and
/// [`import`](super::import) read back as the same assessments. For handing a panel's scores
/// back to the people who gave them, or for tests.
///
/// # Errors
/// As [`template_xlsx`].
pub fn filled_xlsx(rubric: &Rubric, assessments: &[Assessment]) -> Result<Vec<u8>, Error> {
    write(rubric, &filled_grid(rubric, assessments))
        .map_err(|e| Error::invalid_data("workbook", e.to_string()))
}

/// The template workbook with `grid`'s rows (after its header) on the `Scores` sheet.
fn write(rubric: &Rubric, grid: &Grid) -> Result<Vec<u8>, XlsxError> {
    let listed = grid.rows.len().saturating_sub(1);
    let columns = columns(rubric);
    let mut book = Workbook::new();
    book.set_properties(
        &DocProperties::new()
            .set_title(format!("{} scoring template", rubric.doc().title))
            .set_custom_property("igf-rubric id", rubric.id())
            .set_custom_property("igf-rubric version", rubric.version()),
    );
    let bold = Format::new().set_bold();
    let wrapped = Format::new().set_text_wrap();

    let guide = book.add_worksheet().set_name("How to fill")?;
    guide.set_column_width(0, 100)?;
    for (row, line) in (0u32..).zip(instructions(rubric, listed)) {
        if row == 0 {
            guide.write_string_with_format(row, 0, &line, &bold)?;
        } else {
            guide.write_string_with_format(row, 0, &line, &wrapped)?;
        }
    }

    let scores = book.add_worksheet().set_name(SCORES)?;
    let header_format = Format::new().set_bold().set_text_wrap();
    let last_row = u32::try_from(listed)
        .unwrap_or(u32::MAX)
        .saturating_add(GUIDED_ROWS);
    for (col, column) in (0u16..).zip(&columns) {
        scores.write_string_with_format(0, col, header(column), &header_format)?;
        scores.set_column_width(col, width(column))?;
        scores.insert_note(
            0,
            col,
            &Note::new(&column.guidance).set_width(420).set_height(240),
        )?;
        if let Some(validation) = validation(rubric, column)? {
            scores.add_data_validation(1, col, last_row, col, &validation)?;
        }
    }
    scores.set_row_height(0, 45)?;
    scores.set_freeze_panes(1, 2)?;
    for (row, cells) in (0u32..).zip(&grid.rows).skip(1) {
        for (col, cell) in (0u16..).zip(cells) {
            match cell {
                Cell::Empty => {}
                Cell::Text(text) => {
                    scores.write_string(row, col, text)?;
                }
                Cell::Bool(b) => {
                    scores.write_boolean(row, col, *b)?;
                }
                Cell::Number(n) => {
                    super::report::decimal(scores, row, col, *n, &Format::new())?;
                }
            }
        }
    }
    let last_col = u16::try_from(columns.len().saturating_sub(1)).unwrap_or(u16::MAX);
    scores.autofilter(0, 0, last_row, last_col)?;

    let lists = book.add_worksheet().set_name("Lists")?;
    write_lists(lists)?;
    lists.set_hidden(true);

    let about = book.add_worksheet().set_name("About")?;
    about.write_string_with_format(0, 0, "Rubric id", &bold)?;
    about.write_string(0, 1, rubric.id())?;
    about.write_string_with_format(1, 0, "Rubric version", &bold)?;
    about.write_string(1, 1, rubric.version())?;
    about.write_string(
        3,
        0,
        "The reader checks these against the rubric it is given: do not change them.",
    )?;
    about.set_column_width(0, 20)?;
    about.set_column_width(1, 30)?;
    book.define_name("igf_rubric_id", "=About!$B$1")?;
    book.define_name("igf_rubric_version", "=About!$B$2")?;
    book.save_to_buffer()
}

/// The lines of the "How to fill" sheet.
fn instructions(rubric: &Rubric, subjects: usize) -> Vec<String> {
    vec![
        format!("{} (version {})", rubric.doc().title, rubric.version()),
        String::new(),
        format!(
            "Score on the \"{SCORES}\" sheet: one row per proposal or BPF{}. Fill in your assessor details and the conflict-of-interest declaration on every row you score.",
            if subjects > 0 {
                format!(" ({subjects} are listed already; add a row for any other)")
            } else {
                String::new()
            }
        ),
        "Each criterion has a column. Point at a column's header to read the criterion, its weight and what each level means; the cell offers the allowed answers (a drop-down, or the limits of a number).".to_owned(),
        "Write decimals with a point (4.5), not a comma. Where you cannot judge, pick \"Unable to assess\"; \"Not applicable\" is offered only where the rubric accepts it.".to_owned(),
        "Leave a row empty to skip it. Do not rename the sheets or change the keys in brackets in the headers: the reader finds the columns by them. The \"About\" sheet records the rubric this template is for.".to_owned(),
        "Send the file back as it is (.xlsx); it is read back exactly, and every mistake is reported with its cell.".to_owned(),
    ]
}

/// Column widths that fit their contents.
fn width(column: &Column) -> f64 {
    match column.kind {
        ColumnKind::SubjectTitle => 40.0,
        ColumnKind::ConflictStatement
        | ColumnKind::WorkedWell
        | ColumnKind::WorkedLessWell
        | ColumnKind::DoDifferently => 45.0,
        ColumnKind::StakeholderGroup | ColumnKind::Region => 28.0,
        _ => 18.0,
    }
}

/// The answers that are no value: "Unable to assess" always, "Not applicable" where allowed.
pub(crate) const UNABLE: &str = "Unable to assess";
pub(crate) const NOT_APPLICABLE: &str = "Not applicable";

/// The hidden sheet's lists, one per column: A yes/no, B groups, C regions, D roles.
fn write_lists(sheet: &mut Worksheet) -> Result<(), XlsxError> {
    let lists: [Vec<&str>; 4] = [
        vec!["Yes", "No"],
        StakeholderGroup::ALL.iter().map(|g| g.label()).collect(),
        Region::ALL.iter().map(|r| r.label()).collect(),
        Role::ALL.iter().map(|r| r.label()).collect(),
    ];
    for (col, list) in (0u16..).zip(&lists) {
        for (row, item) in (0u32..).zip(list) {
            sheet.write_string(row, col, *item)?;
        }
    }
    Ok(())
}

/// A list validation over `=Lists!$X$1:$X$n`.
fn from_list(col: &str, length: usize) -> DataValidation {
    DataValidation::new()
        .allow_list_formula(Formula::new(format!("=Lists!${col}$1:${col}${length}")))
}

/// The guidance a column's cells carry, if any.
fn validation(rubric: &Rubric, column: &Column) -> Result<Option<DataValidation>, XlsxError> {
    let criterion = match &column.kind {
        ColumnKind::Answer { criterion } | ColumnKind::Share { criterion, .. } => {
            rubric.criterion(criterion)
        }
        ColumnKind::ConflictDeclared => return Ok(Some(from_list("A", 2))),
        ColumnKind::StakeholderGroup => {
            return Ok(Some(from_list("B", StakeholderGroup::ALL.len())));
        }
        ColumnKind::Region => return Ok(Some(from_list("C", Region::ALL.len()))),
        ColumnKind::Role => return Ok(Some(from_list("D", Role::ALL.len()))),
        ColumnKind::SubjectYear => {
            return Ok(Some(
                DataValidation::new()
                    .allow_whole_number(DataValidationRule::Between(2006, 2100))
                    .set_error_message("A year from 2006 (the first IGF) on.")?,
            ));
        }
        _ => return Ok(None),
    };
    let Some(criterion) = criterion else {
        return Ok(None);
    };
    let Some(metric) = &criterion.metric else {
        return Ok(None);
    };
    let mut others = vec![UNABLE];
    if criterion.allow_not_applicable {
        others.push(NOT_APPLICABLE);
    }
    let as_number =
        |d: rust_decimal::Decimal| d.normalize().to_string().parse::<f64>().unwrap_or(0.0);
    let number = |validation: DataValidation, what: String| -> Result<DataValidation, XlsxError> {
        // A number rule cannot also offer the words: typing one warns, and lets it stand.
        validation
            .set_error_style(DataValidationErrorStyle::Warning)
            .set_input_title(clip(&column.key, 32))?
            .set_input_message(clip(
                &format!("{what}, or \"{}\".", others.join("\" or \"")),
                255,
            ))?
            .set_error_message(clip(
                &format!(
                    "{what}. Keep this only if it is \"{}\".",
                    others.join("\" or \"")
                ),
                255,
            ))
    };
    let validation = match (metric, &column.kind) {
        (Metric::Levels { levels }, _) => {
            let mut labels: Vec<&str> = levels.iter().map(|l| l.label.as_str()).collect();
            labels.extend(&others);
            let joined = labels
                .iter()
                .map(|l| l.len())
                .fold(0usize, |a, b| a.saturating_add(b).saturating_add(1));
            if joined <= 255 {
                DataValidation::new()
                    .allow_list_strings(&labels)?
                    .set_error_message(clip(&format!("Pick one of: {}.", labels.join(", ")), 255))?
            } else {
                return Ok(None);
            }
        }
        (Metric::YesNo, _) => {
            let mut labels = vec!["Yes", "No"];
            labels.extend(&others);
            DataValidation::new()
                .allow_list_strings(&labels)?
                .set_error_message(clip(&format!("Pick one of: {}.", labels.join(", ")), 255))?
        }
        (Metric::Scale { min, max, step, .. }, _) => {
            let whole = step.fract().is_zero() && min.fract().is_zero() && max.fract().is_zero();
            let what = format!(
                "A number from {} to {} in steps of {}",
                min.normalize(),
                max.normalize(),
                step.normalize()
            );
            let rule = if whole {
                DataValidation::new().allow_whole_number(DataValidationRule::Between(
                    min.to_i32().unwrap_or(i32::MIN),
                    max.to_i32().unwrap_or(i32::MAX),
                ))
            } else {
                DataValidation::new().allow_decimal_number(DataValidationRule::Between(
                    as_number(*min),
                    as_number(*max),
                ))
            };
            number(rule, what)?
        }
        (Metric::Count { .. }, _) | (Metric::Distribution { .. }, ColumnKind::Share { .. }) => {
            number(
                DataValidation::new()
                    .allow_whole_number(DataValidationRule::GreaterThanOrEqualTo(0)),
                "A whole number of 0 or more".to_owned(),
            )?
        }
        (Metric::Percent { .. }, _) => number(
            DataValidation::new().allow_decimal_number(DataValidationRule::Between(0.0, 100.0)),
            "A percentage from 0 to 100".to_owned(),
        )?,
        _ => return Ok(None),
    };
    Ok(Some(validation))
}
