//! Spreadsheets in and out (feature `xlsx`): a scoring template per rubric, filled sheets read
//! back as assessments with every mistake at its cell, CSV as the plain fallback, and an
//! evaluation's result as a workbook.
//!
//! A template has one row per subject and one column per criterion in rubric order (one per
//! category for a distribution), after the subject's and the assessor's details and the
//! conflict-of-interest declaration, and before the three BPF questions. Each column's first
//! cell is its header, `Label [key]`: the key in brackets is what the reader goes by, so
//! columns may be moved and the labels reworded.
//!
//! ```
//! use igf_rubric::sheet::{self, Cell};
//! use igf_rubric::{Subject, presets};
//!
//! let rubric = presets::get("bpf-proposal").unwrap();
//! let subjects = [Subject::new("bpf-ixps-2016", "IXPs", 2016)];
//! let workbook = sheet::template_xlsx(rubric, &subjects)?;
//! assert!(workbook.starts_with(b"PK")); // a zip: an .xlsx workbook
//!
//! // A filled sheet, as a grid of cells (here filled in code; `read_xlsx` and `read_csv`
//! // make one from a file), with a decimal comma where P1 wants a number.
//! let mut grid = sheet::template_grid(rubric, &subjects);
//! let keys: Vec<String> = sheet::columns(rubric).into_iter().map(|c| c.key).collect();
//! let mut fill = |key: &str, text: &str| {
//!     let at = keys.iter().position(|k| k == key).unwrap();
//!     grid.rows[1][at] = Cell::Text(text.into());
//! };
//! fill("assessor_id", "mag-03");
//! fill("stakeholder_group", "Technical community");
//! fill("region", "Asia-Pacific Group");
//! fill("role", "MAG member");
//! fill("conflict_declared", "No");
//! fill("P1", "4,5");
//! let errors = sheet::import(rubric, &grid).unwrap_err();
//! assert_eq!(
//!     errors[0].to_string(),
//!     "Scores!O2 (P1, bpf-ixps-2016): \"4,5\" is not a number: write 4.5 (a point, not a comma)"
//! );
//! assert_eq!(errors[0].code, "decimal_comma");
//! # Ok::<(), igf_rubric::Error>(())
//! ```

mod columns;
mod import;
mod read;
mod report;
mod template;

pub use columns::{Column, ColumnKind, columns};
pub use import::{CellError, error_document, import, merge};
pub use read::{MAX_CELLS, MAX_UNPACKED_BYTES, read_csv, read_xlsx};
pub use report::report_xlsx;
pub use template::{
    filled_grid, filled_xlsx, template_csv, template_grid, template_xlsx, write_csv,
};

use rust_decimal::Decimal;

/// The name of the sheet that holds the scores.
pub const SCORES: &str = "Scores";

/// One cell of a filled sheet, as a spreadsheet holds it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Cell {
    /// Nothing in it.
    Empty,
    /// Text, as typed.
    Text(String),
    /// A number, read exactly as the spreadsheet shows it at full precision (a cell holding 0.1
    /// is 0.1).
    Number(Decimal),
    /// TRUE or FALSE.
    Bool(bool),
}

impl Cell {
    /// Whether the cell holds nothing but spaces.
    #[must_use]
    pub fn is_blank(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(text) => text.trim().is_empty(),
            Cell::Number(_) | Cell::Bool(_) => false,
        }
    }

    /// The cell as the text a person reads in it.
    #[must_use]
    pub fn text(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(text) => text.trim().to_owned(),
            Cell::Number(number) => number.normalize().to_string(),
            Cell::Bool(true) => "TRUE".to_owned(),
            Cell::Bool(false) => "FALSE".to_owned(),
        }
    }
}

/// A sheet read into memory: its name and its rows of cells, the header row first.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Grid {
    /// The sheet's name, for cell references (`Scores!F7`); empty for CSV.
    pub sheet: String,
    /// The rows, the header first; rows may be shorter than the header.
    pub rows: Vec<Vec<Cell>>,
    /// The rubric the workbook says it was made for (`id`, `version`), when it says.
    pub rubric: Option<(String, String)>,
}

/// `A`, `B`, ..., `Z`, `AA`, ... for a column index from 0.
#[must_use]
pub fn column_name(index: usize) -> String {
    let mut name = Vec::new();
    let mut n = index.saturating_add(1);
    while n > 0 {
        let rest = n.saturating_sub(1);
        // A remainder of 26 is below 26: the letter is in range.
        name.push(char::from(
            b'A'.saturating_add(u8::try_from(rest % 26).unwrap_or(0)),
        ));
        n = rest / 26;
    }
    name.iter().rev().collect()
}

#[cfg(test)]
mod tests {
    use super::column_name;

    #[test]
    fn columns_are_named_as_spreadsheets_name_them() {
        assert_eq!(column_name(0), "A");
        assert_eq!(column_name(25), "Z");
        assert_eq!(column_name(26), "AA");
        assert_eq!(column_name(701), "ZZ");
        assert_eq!(column_name(702), "AAA");
    }
}
