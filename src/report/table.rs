//! One table, two renderings: a Markdown table for pages and RFC 4180 CSV for spreadsheets.

/// How a column's cells line up in Markdown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Align {
    Left,
    Right,
}

/// A table with a header row; every row has as many cells as the header.
#[derive(Clone, Debug, Default)]
pub(crate) struct Table {
    columns: Vec<(String, Align)>,
    rows: Vec<Vec<String>>,
}

impl Table {
    pub(crate) fn new(columns: &[(&str, Align)]) -> Table {
        Table {
            columns: columns
                .iter()
                .map(|(name, align)| ((*name).to_owned(), *align))
                .collect(),
            rows: Vec::new(),
        }
    }

    /// Adds a row, padded or cut to the header's width (callers pass the header's width).
    pub(crate) fn row(&mut self, cells: Vec<String>) {
        let mut cells = cells;
        cells.resize(self.columns.len(), String::new());
        self.rows.push(cells);
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// The table in Markdown: pipes and line breaks in cells escaped, nothing cut.
    pub(crate) fn markdown(&self) -> String {
        let mut out = String::new();
        let names: Vec<String> = self.columns.iter().map(|(name, _)| cell(name)).collect();
        out.push_str(&format!("| {} |\n", names.join(" | ")));
        let rules: Vec<&str> = self
            .columns
            .iter()
            .map(|(_, align)| match align {
                Align::Left => "---",
                Align::Right => "---:",
            })
            .collect();
        out.push_str(&format!("|{}|\n", rules.join("|")));
        for row in &self.rows {
            let cells: Vec<String> = row.iter().map(|c| cell(c)).collect();
            out.push_str(&format!("| {} |\n", cells.join(" | ")));
        }
        out
    }

    /// The table as CSV (RFC 4180): a header line, fields quoted where they hold a comma, a
    /// quote or a line break, lines ended by CRLF.
    pub(crate) fn csv(&self) -> String {
        let mut out = String::new();
        let names: Vec<&str> = self.columns.iter().map(|(name, _)| name.as_str()).collect();
        csv_line(&mut out, &names);
        for row in &self.rows {
            let cells: Vec<&str> = row.iter().map(String::as_str).collect();
            csv_line(&mut out, &cells);
        }
        out
    }
}

fn cell(text: &str) -> String {
    let text = text
        .replace('|', "\\|")
        .replace("\r\n", "<br>")
        .replace('\n', "<br>");
    if text.is_empty() {
        " ".to_owned()
    } else {
        text
    }
}

/// One CSV record (RFC 4180): fields quoted where they must be, CRLF at the end.
pub(crate) fn csv_line(out: &mut String, fields: &[&str]) {
    let quoted: Vec<String> = fields
        .iter()
        .map(|f| {
            if f.contains([',', '"', '\n', '\r']) {
                format!("\"{}\"", f.replace('"', "\"\""))
            } else {
                (*f).to_owned()
            }
        })
        .collect();
    out.push_str(&quoted.join(","));
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_escaped_for_each_format() {
        let mut table = Table::new(&[("Name", Align::Left), ("Points", Align::Right)]);
        table.row(vec!["a | b, \"c\"\nd".to_owned(), "1.50".to_owned()]);
        table.row(vec![String::new()]);
        assert_eq!(
            table.markdown(),
            "| Name | Points |\n|---|---:|\n| a \\| b, \"c\"<br>d | 1.50 |\n|   |   |\n"
        );
        assert_eq!(
            table.csv(),
            "Name,Points\r\n\"a | b, \"\"c\"\"\nd\",1.50\r\n,\r\n"
        );
    }
}
