//! Reading a filled workbook (`.xlsx`, `.ods`) or CSV file into a [`Grid`], within stated
//! limits: a workbook is a zip, and a small file can unpack to gigabytes.

use std::io::Cursor;

use calamine::{Data, Reader};
use rust_decimal::Decimal;

use super::{Cell, Grid, SCORES};
use crate::error::Error;

/// The most a workbook may unpack to, by its zip directory: 256 MiB.
pub const MAX_UNPACKED_BYTES: u64 = 256 * 1024 * 1024;
/// The most cells a sheet may span (rows times columns): 5,000,000.
pub const MAX_CELLS: u64 = 5_000_000;
/// The most files a workbook's zip may hold.
const MAX_ENTRIES: usize = 10_000;

/// Reads the `Scores` sheet of a workbook (`.xlsx` or `.ods`), and the rubric it records.
///
/// # Errors
/// [`Error::InvalidData`] for bytes that are not a workbook, a workbook without a `Scores`
/// sheet, one that unpacks to more than [`MAX_UNPACKED_BYTES`] or holds more than
/// [`MAX_CELLS`] cells in its sheet.
pub fn read_xlsx(bytes: &[u8]) -> Result<Grid, Error> {
    check_zip(bytes)?;
    let mut book = calamine::open_workbook_auto_from_rs(Cursor::new(bytes)).map_err(|e| {
        Error::invalid_data(
            "workbook",
            format!("not a workbook this reader knows (.xlsx or .ods): {e}"),
        )
    })?;
    let names = book.sheet_names();
    let Some(name) = names.iter().find(|n| n.as_str() == SCORES).cloned() else {
        return Err(Error::invalid_data(
            "workbook",
            format!(
                "it has no sheet named `{SCORES}` (its sheets: {})",
                names.join(", ")
            ),
        ));
    };
    let range = book.worksheet_range(&name).map_err(|e| {
        Error::invalid_data(
            "workbook",
            format!("the sheet `{name}` cannot be read: {e}"),
        )
    })?;
    let (height, width) = range.get_size();
    if (height as u64).saturating_mul(width as u64) > MAX_CELLS {
        return Err(Error::invalid_data(
            "workbook",
            format!(
                "the sheet `{name}` spans {height} rows of {width} columns; at most {MAX_CELLS} cells are read"
            ),
        ));
    }
    // The grid starts at A1 whatever the first used cell is, so that references are right.
    let (top, left) = range.start().unwrap_or((0, 0));
    let mut rows: Vec<Vec<Cell>> = vec![Vec::new(); top as usize];
    for row in range.rows() {
        let mut cells = vec![Cell::Empty; left as usize];
        cells.extend(row.iter().map(cell));
        rows.push(cells);
    }
    let rubric = book.worksheet_range("About").ok().and_then(|about| {
        let text = |r: u32| about.get_value((r, 1)).map(|d| cell(d).text());
        Some((text(0)?, text(1)?))
    });
    Ok(Grid {
        sheet: name,
        rows,
        rubric,
    })
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
fn cell(data: &Data) -> Cell {
    match data {
        Data::Empty => Cell::Empty,
        Data::Int(n) => Cell::Number(Decimal::from(*n)),
        // The shortest text that reads back as the same double: what the spreadsheet shows at
        // full precision (0.1, not 0.1000000000000000055511151231257827).
        Data::Float(f) => Decimal::from_str_exact(&f.to_string())
            .map_or_else(|_| Cell::Text(f.to_string()), Cell::Number),
        Data::String(s) => Cell::Text(s.clone()),
        Data::Bool(b) => Cell::Bool(*b),
        Data::DateTime(d) => Cell::Text(d.to_string()),
        Data::DateTimeIso(s) | Data::DurationIso(s) => Cell::Text(s.clone()),
        Data::Error(e) => Cell::Text(format!("#{e}")),
    }
}
