//! CSV in the spreadsheet layout of [`super::sheet`]: the export and the
//! template, which the spreadsheet import reads back.

use std::io::Write;

use super::Result;
use super::sheet::{self, COLUMNS};
use crate::domain::Listing;

/// Prefixes a cell that a spreadsheet would run as a formula with `'`.
/// <https://owasp.org/www-community/attacks/CSV_Injection>
fn guard(cell: String) -> String {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}")
    } else {
        cell
    }
}

/// Writes `listings` as CSV with a header row: a row per listing and one
/// per translation.
pub fn write(listings: &[Listing], out: &mut impl Write) -> Result<()> {
    let mut writer = ::csv::Writer::from_writer(out);
    writer.write_record(COLUMNS.map(|c| c.name))?;
    for listing in listings {
        for row in sheet::rows_of(listing) {
            writer.write_record(row.into_iter().map(guard))?;
        }
    }
    writer.flush()?;
    Ok(())
}

/// The template to fill in: the header, an example listing with its
/// translation, and after them, on lines starting with `#` (which the
/// import skips), what each column holds.
pub fn template() -> Result<Vec<u8>> {
    let mut writer = ::csv::Writer::from_writer(Vec::new());
    writer.write_record(COLUMNS.map(|c| c.name))?;
    for row in sheet::example_rows() {
        writer.write_record(row.into_iter().map(guard))?;
    }
    let mut bytes = writer
        .into_inner()
        .map_err(|err| super::Error::from(err.into_error()))?;
    bytes.extend_from_slice(
        b"# Delete the example rows and these lines, then add a row per listing.\n\
          # A row with the id of a listing above and a blank kind is a translation of it.\n",
    );
    for column in COLUMNS {
        let line = format!("# {}: {}\n", column.name, sheet::explanation(column.name));
        bytes.extend_from_slice(line.as_bytes());
    }
    Ok(bytes)
}

/// A small CSV table written in memory (a report rather than listings),
/// every cell guarded against being run as a formula: what is reported may
/// be text anyone typed.
pub struct Table(::csv::Writer<Vec<u8>>);

impl Default for Table {
    fn default() -> Self {
        Table::new()
    }
}

impl Table {
    /// An empty table.
    pub fn new() -> Table {
        Table(::csv::Writer::from_writer(Vec::new()))
    }

    /// Adds a row.
    pub fn row<S: Into<String>>(&mut self, cells: impl IntoIterator<Item = S>) -> Result<()> {
        let cells: Vec<String> = cells.into_iter().map(|c| guard(c.into())).collect();
        self.0.write_record(&cells)?;
        Ok(())
    }

    /// The table's bytes.
    pub fn finish(self) -> Result<Vec<u8>> {
        self.0
            .into_inner()
            .map_err(|err| super::Error::from(err.into_error()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_a_spreadsheet_would_evaluate_are_defused() {
        assert_eq!(guard("=HYPERLINK(\"x\")".into()), "'=HYPERLINK(\"x\")");
        assert_eq!(guard("@SUM(A1)".into()), "'@SUM(A1)");
        assert_eq!(guard("Border management".into()), "Border management");
    }
}
