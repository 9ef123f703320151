//! Reading a filled workbook (`.xlsx`) or CSV file into a [`Grid`], within stated limits: a
//! workbook is a zip, and a small file can unpack to gigabytes or claim a sheet of billions of
//! cells.

use std::io::Cursor;

use calamine::{DataRef, Reader, Xlsx};
use rust_decimal::Decimal;

use super::{Cell, Grid, SCORES};
use crate::error::Error;

/// The most a workbook may unpack to, by its zip directory: 256 MiB.
pub const MAX_UNPACKED_BYTES: u64 = 256 * 1024 * 1024;
/// The most cells a sheet's cells may span, row by row (each row counted to its last cell):
/// 5,000,000.
pub const MAX_CELLS: u64 = 5_000_000;
/// The most files a workbook's zip may hold.
const MAX_ENTRIES: usize = 10_000;

/// Reads the `Scores` sheet of an `.xlsx` workbook, and the rubric it records.
///
/// Cells are read one by one, so a sheet that claims a huge size costs nothing: what counts is
/// the area its cells span, row by row, at most [`MAX_CELLS`].
///
/// # Errors
/// [`Error::InvalidData`] for bytes that are not an `.xlsx` workbook, a workbook without a
/// `Scores` sheet, one whose zip declares more than [`MAX_UNPACKED_BYTES`] unpacked, or a sheet
/// whose cells span more than [`MAX_CELLS`].
pub fn read_xlsx(bytes: &[u8]) -> Result<Grid, Error> {
    check_zip(bytes)?;
    let mut book: Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(bytes)).map_err(|e| {
        Error::invalid_data(
            "workbook",
            format!("not an .xlsx workbook (save it as .xlsx, or as CSV): {e}"),
        )
    })?;
    let names = book.sheet_names();
    if !names.iter().any(|n| n == SCORES) {
        return Err(Error::invalid_data(
            "workbook",
            format!(
                "it has no sheet named `{SCORES}` (its sheets: {})",
                names.join(", ")
            ),
        ));
    }
    let rows = cells(&mut book, SCORES, u32::MAX)?;
    let rubric = if names.iter().any(|n| n == "About") {
        let about = cells(&mut book, "About", 2)?;
        let text = |r: usize| about.get(r).and_then(|row| row.get(1)).map(Cell::text);
        text(0).zip(text(1))
    } else {
        None
    };
    Ok(Grid {
        sheet: SCORES.to_owned(),
        rows,
        rubric,
    })
}

/// The cells of a sheet's first `row_limit` rows, as rows from A1, within [`MAX_CELLS`].
fn cells(
    book: &mut Xlsx<Cursor<&[u8]>>,
    name: &str,
    row_limit: u32,
) -> Result<Vec<Vec<Cell>>, Error> {
    let unreadable = |e: calamine::XlsxError| {
        Error::invalid_data(
            "workbook",
            format!("the sheet `{name}` cannot be read: {e}"),
        )
    };
    let mut reader = book.worksheet_cells_reader(name).map_err(unreadable)?;
    let mut rows: Vec<Vec<Cell>> = Vec::new();
    let mut spanned: u64 = 0;
    while let Some(found) = reader.next_cell().map_err(unreadable)? {
        let (row, col) = found.get_position();
        if row >= row_limit {
            continue;
        }
        let value = cell(found.get_value());
        if value == Cell::Empty {
            continue;
        }
        let (row, col) = (row as usize, col as usize);
        // The area grows by the rows and columns this cell adds; refused before it is made.
        let new_rows = row.saturating_add(1).saturating_sub(rows.len());
        let width = rows.get(row).map_or(0, Vec::len);
        let new_cols = col.saturating_add(1).saturating_sub(width);
        spanned = spanned
            .saturating_add(new_rows as u64)
            .saturating_add(new_cols as u64);
        if spanned > MAX_CELLS {
            return Err(Error::invalid_data(
                "workbook",
                format!(
                    "the sheet `{name}` spans more than {MAX_CELLS} cells (a cell at row {}, column {})",
                    row.saturating_add(1),
                    col.saturating_add(1)
                ),
            ));
        }
        if new_rows > 0 {
            rows.resize_with(row.saturating_add(1), Vec::new);
        }
        if let Some(cells) = rows.get_mut(row) {
            if new_cols > 0 {
                cells.resize(col.saturating_add(1), Cell::Empty);
            }
            if let Some(slot) = cells.get_mut(col) {
                *slot = value;
            }
        }
    }
    Ok(rows)
}

/// Reads a CSV file (comma-separated, RFC 4180). Every field is text; numbers are read from
/// it exactly when a column needs one.
///
/// # Errors
/// [`Error::InvalidData`] for a malformed record, with its line.
pub fn read_csv(text: &str) -> Result<Grid, Error> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let mut rows = Vec::new();
    let mut cells: u64 = 0;
    for record in reader.records() {
        let record = record.map_err(|e| Error::invalid_data("csv", e.to_string()))?;
        cells = cells.saturating_add(record.len() as u64);
        if cells > MAX_CELLS {
            return Err(Error::invalid_data(
                "csv",
                format!("more than {MAX_CELLS} cells"),
            ));
        }
        rows.push(
            record
                .iter()
                .map(|field| {
                    if field.trim().is_empty() {
                        Cell::Empty
                    } else {
                        Cell::Text(field.to_owned())
                    }
                })
                .collect(),
        );
    }
    Ok(Grid {
        sheet: String::new(),
        rows,
        rubric: None,
    })
}

/// Refuses a zip whose directory declares too many files or too many unpacked bytes.
fn check_zip(bytes: &[u8]) -> Result<(), Error> {
    let Ok(mut archive) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        // Not a zip: calamine says what it is not.
        return Ok(());
    };
    if archive.len() > MAX_ENTRIES {
        return Err(Error::invalid_data(
            "workbook",
            format!(
                "its zip holds {} files; at most {MAX_ENTRIES} are read",
                archive.len()
            ),
        ));
    }
    let mut total: u64 = 0;
    for i in 0..archive.len() {
        let size = archive
            .by_index_raw(i)
            .map(|f| f.size())
            .unwrap_or(u64::MAX);
        total = total.saturating_add(size);
    }
    if total > MAX_UNPACKED_BYTES {
        return Err(Error::invalid_data(
            "workbook",
            format!(
                "it unpacks to {} MiB; at most {} MiB are read (a zip bomb?)",
                total / 1024 / 1024,
                MAX_UNPACKED_BYTES / 1024 / 1024
            ),
        ));
    }
    Ok(())
}

/// A spreadsheet's cell as a [`Cell`]: a number exactly as its shortest form shows it.
fn cell(data: &DataRef<'_>) -> Cell {
    match data {
        DataRef::Empty => Cell::Empty,
        DataRef::Int(n) => Cell::Number(Decimal::from(*n)),
        // The shortest text that reads back as the same double: what the spreadsheet shows at
        // full precision (0.1, not 0.1000000000000000055511151231257827).
        DataRef::Float(f) => Decimal::from_str_exact(&f.to_string())
            .map_or_else(|_| Cell::Text(f.to_string()), Cell::Number),
        DataRef::String(s) => Cell::Text(s.clone()),
        DataRef::SharedString(s) => Cell::Text((*s).to_owned()),
        DataRef::Bool(b) => Cell::Bool(*b),
        DataRef::DateTime(d) => Cell::Text(d.to_string()),
        DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => Cell::Text(s.clone()),
        DataRef::Error(e) => Cell::Text(format!("#{e}")),
    }
}
