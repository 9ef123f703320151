//! Reading a filled sheet back: assessments exactly as if written in JSON, and every mistake
//! at its cell, all at once.

use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::str::FromStr;

use rust_decimal::Decimal;

use super::columns::{Column, ColumnKind, columns, header};
use super::template::{NOT_APPLICABLE, UNABLE};
use super::{Cell, Grid, column_name};
use crate::assessment::{Answer, AnswerValue, Assessment, Assessor, Subject};
use crate::error::{Error, ErrorDetail, ErrorDocument};
use crate::rubric::{Metric, Rubric};

/// A mistake in a filled sheet, at its cell.
///
/// Displayed as `Scores!F7 (P1, bpf-ixps-2016): value 4.5 is not on the scale's steps (1, 2,
/// 3, ...)`: the sheet and cell, the column's key and the row's subject where known, and the
/// message (which names what was probably meant).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CellError {
    /// The sheet's name; empty for CSV.
    pub sheet: String,
    /// The cell, `F7`; a whole row is `A7`, the header row's cells are in row 1.
    pub cell: String,
    /// The column's key (`P1`), when the mistake is in one column.
    pub column: Option<String>,
    /// The row's subject id, when it has one.
    pub subject: Option<String>,
    /// A stable code: the crate's error code (`off_step`, `unknown_choice`, ...) or one of
    /// `not_a_number`, `decimal_comma`, `not_whole`, `not_yes_no`, `missing_value`,
    /// `unknown_column`, `missing_column`, `duplicate_row`, `wrong_rubric`.
    pub code: String,
    /// What is wrong, and what is allowed.
    pub message: String,
    /// What was probably meant.
    pub suggestions: Vec<String>,
}

impl fmt::Display for CellError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if !self.sheet.is_empty() {
            write!(f, "{}!", self.sheet)?;
        }
        write!(f, "{}", self.cell)?;
        let about: Vec<&str> = [self.column.as_deref(), self.subject.as_deref()]
            .into_iter()
            .flatten()
            .collect();
        if !about.is_empty() {
            write!(f, " ({})", about.join(", "))?;
        }
        write!(f, ": {}", self.message)
    }
}

impl std::error::Error for CellError {}

impl CellError {
    /// The error as an entry of an error document: its path is the cell (`Scores!F7`), its
    /// criterion the column's, when the column is a criterion's.
    #[must_use]
    pub fn detail(&self) -> ErrorDetail {
        let criterion = self
            .column
            .as_deref()
            .map(|key| key.split_once('.').map_or(key, |(id, _)| id).to_owned());
        ErrorDetail {
            code: self.code.clone(),
            message: match (&self.column, &self.subject) {
                (Some(column), Some(subject)) => format!("{} ({column}, {subject})", self.message),
                (Some(about), None) | (None, Some(about)) => format!("{} ({about})", self.message),
                (None, None) => self.message.clone(),
            },
            path: if self.sheet.is_empty() {
                self.cell.clone()
            } else {
                format!("{}!{}", self.sheet, self.cell)
            },
            pointer: String::new(),
            criterion,
            found: None,
            allowed: Vec::new(),
            suggestions: self.suggestions.clone(),
        }
    }
}

/// The mistakes of filled sheets as an error document (at most
/// [`MAX_LISTED_ERRORS`](crate::error::MAX_LISTED_ERRORS) listed, the rest counted), for a
/// front end that shows the crate's error documents.
#[must_use]
pub fn error_document(errors: &[CellError]) -> ErrorDocument {
    let listed = errors
        .iter()
        .take(crate::error::MAX_LISTED_ERRORS)
        .map(CellError::detail)
        .collect();
    ErrorDocument {
        format_version: crate::error::ERROR_DOCUMENT_VERSION,
        errors: listed,
        omitted: errors.len().saturating_sub(crate::error::MAX_LISTED_ERRORS),
    }
}

/// Where the reader is: the sheet, the row (0 = header) and its subject.
struct At<'a> {
    sheet: &'a str,
    row: usize,
    subject: Option<String>,
}

impl At<'_> {
    fn error(&self, col: Option<(usize, &Column)>, code: &str, message: String) -> CellError {
        CellError {
            sheet: self.sheet.to_owned(),
            cell: format!(
                "{}{}",
                column_name(col.map_or(0, |(i, _)| i)),
                self.row.saturating_add(1)
            ),
            column: col.map(|(_, c)| c.key.clone()),
            subject: self.subject.clone(),
            code: code.to_owned(),
            message,
            suggestions: Vec::new(),
        }
    }
}

/// Reads the assessments of a filled sheet against `rubric`: one per row that is not empty, in
/// row order. Labels or ids are accepted for levels, groups, regions and roles; numbers are
/// read exactly; a text like `4,5` is an error, never a guess.
///
/// # Errors
/// Every mistake found, each at its cell: a sheet made for another rubric, an unknown or
/// missing column, an empty required cell, a value that is not what its column takes (and
/// everything the crate's own check of an assessment finds, placed at the cell it came from),
/// a row repeating another's subject and assessor.
pub fn import(rubric: &Rubric, grid: &Grid) -> Result<Vec<Assessment>, Vec<CellError>> {
    let mut errors = Vec::new();
    let found = read(rubric, grid, &mut errors);
    if errors.is_empty() {
        Ok(found.into_iter().map(|(_, a)| a).collect())
    } else {
        Err(errors)
    }
}

/// Reads several filled sheets (one per assessor, say) into one list of assessments, in
/// order, reporting a subject scored twice by the same assessor wherever it is.
///
/// # Errors
/// Every mistake of every sheet, as [`import`] reports them.
pub fn merge(rubric: &Rubric, grids: &[Grid]) -> Result<Vec<Assessment>, Vec<CellError>> {
    let mut errors = Vec::new();
    let mut all = Vec::new();
    let mut seen: HashMap<(String, String), String> = HashMap::new();
    for grid in grids {
        for (at, assessment) in read(rubric, grid, &mut errors) {
            let key = (
                assessment.subject.id.clone(),
                assessment.assessor.id.clone(),
            );
            let here = format!("{}!A{}", grid.sheet, at.saturating_add(1));
            if let Some(first) = seen.get(&key) {
                errors.push(CellError {
                    sheet: grid.sheet.clone(),
                    cell: format!("A{}", at.saturating_add(1)),
                    column: None,
                    subject: Some(key.0.clone()),
                    code: "duplicate_row".to_owned(),
                    message: format!(
                        "assessor `{}` scored `{}` already, at {first}",
                        key.1, key.0
                    ),
                    suggestions: Vec::new(),
                });
                continue;
            }
            seen.insert(key, here);
            all.push(assessment);
        }
    }
    if errors.is_empty() {
        Ok(all)
    } else {
        Err(errors)
    }
}

/// The assessments of a sheet with their row numbers; mistakes go to `errors`.
fn read(rubric: &Rubric, grid: &Grid, errors: &mut Vec<CellError>) -> Vec<(usize, Assessment)> {
    let sheet = grid.sheet.as_str();
    let header_at = At {
        sheet,
        row: 0,
        subject: None,
    };
    if let Some((id, version)) = &grid.rubric
        && (id != rubric.id() || version != rubric.version())
    {
        errors.push(CellError {
            sheet: "About".to_owned(),
            cell: "B1".to_owned(),
            column: None,
            subject: None,
            code: "wrong_rubric".to_owned(),
            message: format!(
                "the workbook was made for rubric `{id}` version {version}, not `{}` version {}",
                rubric.id(),
                rubric.version()
            ),
            suggestions: Vec::new(),
        });
        return Vec::new();
    }
    let expected = columns(rubric);
    let Some(head) = grid.rows.first() else {
        errors.push(header_at.error(
            None,
            "missing_column",
            "the sheet is empty: it needs the template's header row".to_owned(),
        ));
        return Vec::new();
    };
    // Which expected column each cell of the header is.
    let mut layout: Vec<Option<usize>> = Vec::with_capacity(head.len());
    for (i, cell) in head.iter().enumerate() {
        if cell.is_blank() {
            layout.push(None);
            continue;
        }
        let text = cell.text();
        let key = text
            .rsplit_once('[')
            .and_then(|(_, rest)| rest.strip_suffix(']'))
            .unwrap_or(&text)
            .trim();
        match expected
            .iter()
            .position(|c| c.key == key || c.label.eq_ignore_ascii_case(key))
        {
            Some(at) if layout.contains(&Some(at)) => {
                let column = expected.get(at);
                errors.push(header_at.error(
                    column.map(|c| (i, c)),
                    "duplicate_column",
                    format!("the column `{key}` appears twice"),
                ));
                layout.push(None);
            }
            Some(at) => layout.push(Some(at)),
            None => {
                let mut error = header_at.error(
                    None,
                    "unknown_column",
                    format!("`{text}` is not a column of this rubric's template"),
                );
                error.cell = format!("{}1", column_name(i));
                error.suggestions =
                    crate::error::nearest(key, expected.iter().map(|c| c.key.as_str())).into_vec();
                errors.push(error);
                layout.push(None);
            }
        }
    }
    for (at, column) in expected.iter().enumerate() {
        if column.required && !layout.contains(&Some(at)) {
            errors.push(header_at.error(
                None,
                "missing_column",
                format!("the column `{}` is missing", header(column)),
            ));
        }
    }
    let mut out = Vec::new();
    let mut seen: BTreeMap<(String, String), usize> = BTreeMap::new();
    for (r, row) in grid.rows.iter().enumerate().skip(1) {
        // A row with nothing but the subject a template listed is a subject nobody scored.
        let unscored = row.iter().enumerate().all(|(i, cell)| {
            cell.is_blank()
                || layout
                    .get(i)
                    .copied()
                    .flatten()
                    .and_then(|at| expected.get(at))
                    .is_some_and(|c| {
                        matches!(
                            c.kind,
                            ColumnKind::SubjectId
                                | ColumnKind::SubjectTitle
                                | ColumnKind::SubjectYear
                        )
                    })
        });
        if unscored {
            continue;
        }
        let cells: Vec<(usize, &Column, &Cell)> = layout
            .iter()
            .enumerate()
            .filter_map(|(i, at)| {
                let column = expected.get((*at)?)?;
                Some((i, column, row.get(i).unwrap_or(&Cell::Empty)))
            })
            .collect();
        let subject = cells
            .iter()
            .find(|(_, c, _)| c.kind == ColumnKind::SubjectId)
            .map(|(_, _, cell)| cell.text())
            .filter(|s| !s.is_empty());
        let at = At {
            sheet,
            row: r,
            subject,
        };
        let (assessment, sound, identified) = row_assessment(rubric, &cells, &at, errors);
        if !identified {
            continue;
        }
        let key = (
            assessment.subject.id.clone(),
            assessment.assessor.id.clone(),
        );
        if let Some(first) = seen.get(&key) {
            errors.push(at.error(
                None,
                "duplicate_row",
                format!(
                    "assessor `{}` scored `{}` already, in row {}",
                    key.1,
                    key.0,
                    first.saturating_add(1)
                ),
            ));
        } else {
            seen.insert(key, r);
            if sound {
                out.push((r, assessment));
            }
        }
    }
    out
}

/// The assessment of one row, whether it is sound (every mistake is reported), and whether
/// its subject and assessor ids were read (and can be matched against other rows).
fn row_assessment(
    rubric: &Rubric,
    cells: &[(usize, &Column, &Cell)],
    at: &At<'_>,
    errors: &mut Vec<CellError>,
) -> (Assessment, bool, bool) {
    let find = |kind: &ColumnKind| cells.iter().find(|(_, c, _)| &c.kind == kind).copied();
    let text = |kind: &ColumnKind| {
        find(kind)
            .map(|(_, _, cell)| cell.text())
            .unwrap_or_default()
    };
    let mut ok = true;
    let mut required =
        |kind: ColumnKind, errors: &mut Vec<CellError>| -> Option<(usize, &Column, String)> {
            let (i, column, cell) = find(&kind)?;
            if cell.is_blank() {
                errors.push(at.error(
                    Some((i, column)),
                    "missing_value",
                    format!("`{}` is empty; it is required", column.label),
                ));
                ok = false;
                return None;
            }
            Some((i, column, cell.text()))
        };
    let id = required(ColumnKind::SubjectId, errors);
    let title = required(ColumnKind::SubjectTitle, errors);
    let year = required(ColumnKind::SubjectYear, errors).and_then(|(i, column, text)| {
        let year = text.parse::<u16>().ok();
        if year.is_none() {
            errors.push(at.error(
                Some((i, column)),
                "not_whole",
                format!("{text:?} is not a year"),
            ));
        }
        year
    });
    let assessor_id = required(ColumnKind::AssessorId, errors);
    let group = required(ColumnKind::StakeholderGroup, errors)
        .and_then(|(i, c, t)| named(&t, (i, c), at, errors));
    let region =
        required(ColumnKind::Region, errors).and_then(|(i, c, t)| named(&t, (i, c), at, errors));
    let role =
        required(ColumnKind::Role, errors).and_then(|(i, c, t)| named(&t, (i, c), at, errors));
    let declared = required(ColumnKind::ConflictDeclared, errors)
        .and_then(|(i, c, t)| yes_no(&t, (i, c), at, errors));
    // A cell that could not be read stands in with a valid placeholder, so that the rest of
    // the row is still checked and every mistake reported at once; the row is then dropped.
    let identified = id.is_some() && assessor_id.is_some();
    let ok = ok
        && [id.is_some(), title.is_some(), assessor_id.is_some()]
            .iter()
            .all(|f| *f)
        && year.is_some()
        && group.is_some()
        && region.is_some()
        && role.is_some()
        && declared.is_some();
    let placeholder = |field: Option<(usize, &Column, String)>, stand_in: &str| {
        field.map_or_else(|| stand_in.to_owned(), |(_, _, text)| text)
    };
    let (id, title, assessor_id) = (
        placeholder(id, "unknown"),
        placeholder(title, "unknown"),
        placeholder(assessor_id, "unknown"),
    );
    let year = year.unwrap_or(2006);
    let group = group.unwrap_or(crate::assessment::StakeholderGroup::CivilSociety);
    let region = region.unwrap_or(crate::assessment::Region::Other);
    let role = role.unwrap_or(crate::assessment::Role::MagMember);
    let declared = declared.unwrap_or(false);
    let mut assessor = Assessor::new(assessor_id, group, region, role);
    let name = text(&ColumnKind::AssessorName);
    if !name.is_empty() {
        assessor.name = Some(name);
    }
    let mut assessment = Assessment::new(rubric, Subject::new(id, title, year), assessor);
    assessment.conflict_of_interest.declared = declared;
    let statement = text(&ColumnKind::ConflictStatement);
    if !statement.is_empty() {
        assessment.conflict_of_interest.statement = Some(statement);
    }
    for (kind, slot) in [
        (ColumnKind::WorkedWell, &mut assessment.lessons.worked_well),
        (
            ColumnKind::WorkedLessWell,
            &mut assessment.lessons.worked_less_well,
        ),
        (
            ColumnKind::DoDifferently,
            &mut assessment.lessons.do_differently,
        ),
    ] {
        let said = text(&kind);
        if !said.is_empty() {
            *slot = Some(said);
        }
    }
    let (list, sources, unread) = answers(rubric, cells, at, errors);
    assessment.answers = list;
    let found: Vec<Error> = rubric
        .assessment_errors(&assessment)
        .into_iter()
        // A criterion whose cell could not be read is reported there, not as missing.
        .filter(|e| {
            !(e.code() == "missing_answer"
                && e.detail().criterion.is_some_and(|c| unread.contains(&c)))
        })
        .collect();
    for error in &found {
        errors.push(placed(error, cells, &sources, at));
    }
    let sound = ok && unread.is_empty() && found.is_empty();
    (assessment, sound, identified)
}

/// The answers of a row, each with the cell it came from, and the criteria whose cells could
/// not be read (reported).
fn answers(
    rubric: &Rubric,
    cells: &[(usize, &Column, &Cell)],
    at: &At<'_>,
    errors: &mut Vec<CellError>,
) -> (Vec<Answer>, Vec<usize>, Vec<String>) {
    let mut list = Vec::new();
    let mut sources = Vec::new();
    let mut unread: Vec<String> = Vec::new();
    // Per distribution: its first column, its counts, whether any cell was given, and a word
    // ("Unable to assess", "Not applicable") given instead of counts.
    let mut shares: BTreeMap<String, Shares> = BTreeMap::new();
    for &(i, column, cell) in cells {
        match &column.kind {
            ColumnKind::Answer { criterion } => {
                if cell.is_blank() {
                    continue;
                }
                let metric = rubric.criterion(criterion).and_then(|c| c.metric.as_ref());
                match value(metric, cell, (i, column), at, errors) {
                    Some(value) => {
                        list.push(Answer::new(criterion.clone(), value));
                        sources.push(i);
                    }
                    None => unread.push(criterion.clone()),
                }
            }
            ColumnKind::Share {
                criterion,
                category,
            } => {
                let entry = shares.entry(criterion.clone()).or_insert(Shares {
                    first: i,
                    counts: BTreeMap::new(),
                    given: false,
                    word: None,
                });
                if cell.is_blank() {
                    continue;
                }
                entry.given = true;
                if let Some(word) = no_value(&cell.text()) {
                    entry.word = Some(word);
                    continue;
                }
                match whole(cell, (i, column), at, errors) {
                    Some(n) => {
                        entry.counts.insert(category.clone(), n);
                    }
                    None => unread.push(criterion.clone()),
                }
            }
            _ => {}
        }
    }
    for (criterion, shares) in shares {
        let value = match shares.word {
            Some(word) if shares.counts.is_empty() => word,
            Some(_) => {
                let column = cells
                    .iter()
                    .find(|(j, _, _)| *j == shares.first)
                    .map(|(j, c, _)| (*j, *c));
                errors.push(at.error(
                    column,
                    "mixed_answer",
                    format!(
                        "`{criterion}` has counts and \"{UNABLE}\" or \"{NOT_APPLICABLE}\": give one or the other"
                    ),
                ));
                unread.push(criterion);
                continue;
            }
            None if shares.given => {
                AnswerValue::Distribution(crate::assessment::Distribution::new(shares.counts))
            }
            None => continue,
        };
        list.push(Answer::new(criterion, value));
        sources.push(shares.first);
    }
    (list, sources, unread)
}

/// What a row gives for a distribution criterion, column by column.
struct Shares {
    first: usize,
    counts: BTreeMap<String, u64>,
    given: bool,
    word: Option<AnswerValue>,
}

/// "Unable to assess" or "Not applicable" (or their JSON names), in any letter case.
fn no_value(text: &str) -> Option<AnswerValue> {
    let words = text.trim().to_lowercase().replace('_', " ");
    if words == UNABLE.to_lowercase() {
        Some(AnswerValue::UnableToAssess)
    } else if words == NOT_APPLICABLE.to_lowercase() {
        Some(AnswerValue::NotApplicable)
    } else {
        None
    }
}

/// A cell's answer for a criterion with `metric`.
fn value(
    metric: Option<&Metric>,
    cell: &Cell,
    col: (usize, &Column),
    at: &At<'_>,
    errors: &mut Vec<CellError>,
) -> Option<AnswerValue> {
    let text = cell.text();
    if let Some(word) = no_value(&text) {
        return Some(word);
    }
    match metric? {
        Metric::Scale { .. } => decimal(cell, col, at, errors).map(AnswerValue::Scale),
        Metric::Percent { .. } => {
            let bare = text
                .strip_suffix('%')
                .map(|t| Cell::Text(t.trim().to_owned()));
            decimal(bare.as_ref().unwrap_or(cell), col, at, errors).map(AnswerValue::Percent)
        }
        Metric::Levels { levels } => Some(AnswerValue::Level(
            levels
                .iter()
                .find(|l| l.id == text)
                .or_else(|| levels.iter().find(|l| l.label.eq_ignore_ascii_case(&text)))
                .map_or(text, |l| l.id.clone()),
        )),
        Metric::YesNo => yes_no(&text, col, at, errors).map(AnswerValue::YesNo),
        Metric::Count { .. } => whole(cell, col, at, errors).map(AnswerValue::Count),
        Metric::Text => Some(AnswerValue::Text(text)),
        Metric::Distribution { .. } => None,
    }
}

/// A number read exactly; a comma for the decimal point is named, never guessed.
fn decimal(
    cell: &Cell,
    col: (usize, &Column),
    at: &At<'_>,
    errors: &mut Vec<CellError>,
) -> Option<Decimal> {
    match cell {
        Cell::Number(n) => return Some(*n),
        Cell::Text(text) => {
            let text = text.trim();
            if let Ok(n) = Decimal::from_str_exact(text) {
                return Some(n);
            }
            if text.contains(',') && Decimal::from_str_exact(&text.replace(',', ".")).is_ok() {
                errors.push(at.error(
                    Some(col),
                    "decimal_comma",
                    format!(
                        "{text:?} is not a number: write {} (a point, not a comma)",
                        text.replace(',', ".")
                    ),
                ));
                return None;
            }
        }
        Cell::Empty | Cell::Bool(_) => {}
    }
    errors.push(at.error(
        Some(col),
        "not_a_number",
        format!("{:?} is not a number", cell.text()),
    ));
    None
}

/// A whole number of 0 or more.
fn whole(
    cell: &Cell,
    col: (usize, &Column),
    at: &At<'_>,
    errors: &mut Vec<CellError>,
) -> Option<u64> {
    let n = decimal(cell, col, at, errors)?;
    let whole = (n.fract().is_zero() && n >= Decimal::ZERO)
        .then(|| u64::from_str(&n.trunc().normalize().to_string()).ok())
        .flatten();
    if whole.is_none() {
        errors.push(at.error(
            Some(col),
            "not_whole",
            format!("{} is not a whole number of 0 or more", n.normalize()),
        ));
    }
    whole
}

fn yes_no(
    text: &str,
    col: (usize, &Column),
    at: &At<'_>,
    errors: &mut Vec<CellError>,
) -> Option<bool> {
    match text.to_lowercase().as_str() {
        "yes" | "y" | "true" => Some(true),
        "no" | "n" | "false" => Some(false),
        _ => {
            errors.push(at.error(
                Some(col),
                "not_yes_no",
                format!("{text:?} is not Yes or No"),
            ));
            None
        }
    }
}

/// A stakeholder group, region or role from its id or label.
fn named<T: FromStr<Err = Error>>(
    text: &str,
    col: (usize, &Column),
    at: &At<'_>,
    errors: &mut Vec<CellError>,
) -> Option<T> {
    match text.parse::<T>() {
        Ok(value) => Some(value),
        Err(error) => {
            let detail = error.detail();
            let mut placed = at.error(Some(col), &detail.code, detail.message);
            placed.suggestions = detail.suggestions;
            errors.push(placed);
            None
        }
    }
}

/// The crate's error about an assessment, at the cell its answer came from (or the row's
/// first cell).
fn placed(
    error: &Error,
    cells: &[(usize, &Column, &Cell)],
    sources: &[usize],
    at: &At<'_>,
) -> CellError {
    let detail = error.detail();
    let answer = detail
        .path
        .strip_prefix("answers[")
        .and_then(|rest| rest.split(']').next())
        .and_then(|n| n.parse::<usize>().ok())
        .and_then(|n| sources.get(n).copied());
    let criterion_column = detail.criterion.as_ref().and_then(|id| {
        cells.iter().find(|(_, c, _)| match &c.kind {
            ColumnKind::Answer { criterion } | ColumnKind::Share { criterion, .. } => {
                criterion == id
            }
            _ => false,
        })
    });
    let col = match answer {
        Some(i) => cells
            .iter()
            .find(|(j, _, _)| *j == i)
            .map(|(j, c, _)| (*j, *c)),
        None => criterion_column.map(|(j, c, _)| (*j, *c)),
    };
    let mut placed = at.error(col, &detail.code, detail.message);
    placed.suggestions = detail.suggestions;
    placed
}
