//! Excel workbooks in the spreadsheet layout of [`super::sheet`]: the
//! template, with a second sheet explaining each column, and the export.

use rust_xlsxwriter::{Format, Workbook, Worksheet, XlsxError};

use super::sheet::{self, COLUMNS};
use crate::domain::Listing;

/// The template: a `Listings` sheet with the header and an example listing
/// with its translation, and a `Columns` sheet saying what each holds.
pub fn template() -> Result<Vec<u8>, XlsxError> {
    workbook(&sheet::example_rows())
}

/// `listings` as a workbook: a row per listing and one per translation.
pub fn write(listings: &[Listing]) -> Result<Vec<u8>, XlsxError> {
    let rows: Vec<Vec<String>> = listings.iter().flat_map(sheet::rows_of).collect();
    workbook(&rows)
}

fn workbook(rows: &[Vec<String>]) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = Workbook::new();
    let bold = Format::new().set_bold();
    // Every cell is text: a spreadsheet left to guess turns `2027-03-01`
    // into a date and `0812...` into a number.
    let text = Format::new().set_num_format("@");
    let listings = workbook.add_worksheet();
    listings.set_name("Listings")?;
    for (index, column) in COLUMNS.iter().enumerate() {
        let index = u16::try_from(index).unwrap_or(u16::MAX);
        listings.set_column_format(index, &text)?;
        listings.set_column_width(index, width(column.name))?;
        listings.write_string_with_format(0, index, column.name, &bold)?;
    }
    listings.set_freeze_panes(1, 0)?;
    for (number, row) in rows.iter().enumerate() {
        write_row(listings, number + 1, row, &text)?;
    }
    let columns = workbook.add_worksheet();
    columns.set_name("Columns")?;
    columns.write_string_with_format(0, 0, "column", &bold)?;
    columns.write_string_with_format(0, 1, "what it holds", &bold)?;
    columns.set_column_width(0, 20)?;
    columns.set_column_width(1, 120)?;
    let wrap = Format::new().set_text_wrap();
    for (number, column) in COLUMNS.iter().enumerate() {
        let row = u32::try_from(number + 1).unwrap_or(u32::MAX);
        columns.write_string(row, 0, column.name)?;
        columns.write_string_with_format(row, 1, sheet::explanation(column.name), &wrap)?;
    }
    let note = u32::try_from(COLUMNS.len() + 2).unwrap_or(u32::MAX);
    columns.write_string(
        note,
        1,
        "One listing per row of the Listings sheet. A row with the id of a listing and a blank kind is a translation of that listing. Delete the example rows before uploading.",
    )?;
    workbook.save_to_buffer()
}

fn write_row(
    sheet: &mut Worksheet,
    number: usize,
    row: &[String],
    text: &Format,
) -> Result<(), XlsxError> {
    let number = u32::try_from(number).unwrap_or(u32::MAX);
    for (index, cell) in row.iter().enumerate() {
        if !cell.is_empty() {
            let index = u16::try_from(index).unwrap_or(u16::MAX);
            sheet.write_string_with_format(number, index, cell, text)?;
        }
    }
    Ok(())
}

fn width(column: &str) -> f64 {
    match column {
        "title" | "summary" | "description" => 50.0,
        "sessions" | "topics" | "url" => 40.0,
        _ => 18.0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Vocabulary;
    use crate::interchange::sheet::{Format as SheetFormat, Owners, check, read};

    #[test]
    fn the_templates_example_reads_back_as_a_valid_listing_in_both_formats() {
        let xlsx = template().unwrap();
        let csv = crate::interchange::csv::template().unwrap();
        for (bytes, format) in [(xlsx, SheetFormat::Xlsx), (csv, SheetFormat::Csv)] {
            let sheet = read(&bytes, format).unwrap();
            assert_eq!(sheet.rows.len(), 2, "{format:?}");
            let checked = check(&sheet, Vocabulary::builtin(), Owners::Named);
            assert!(checked.is_valid(), "{format:?}: {:?}", checked.problems());
            assert_eq!(checked.listings[0].translations.len(), 1);
            assert_eq!(checked.listings[0].sessions.len(), 2);
        }
    }
}
