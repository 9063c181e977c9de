//! CSV export for spreadsheets: one row per listing, lists joined by `; `.

use std::io::Write;

use super::Result;
use crate::domain::Listing;

const HEADER: [&str; 24] = [
    "id",
    "kind",
    "lang",
    "title",
    "summary",
    "description",
    "topics",
    "languages",
    "provider_id",
    "provider_name",
    "provider_type",
    "provider_country",
    "contact_name",
    "contact_role",
    "contact_email",
    "contact_phone",
    "delivery",
    "location_city",
    "location_country",
    "audience",
    "sessions",
    "translations",
    "url",
    "updated",
];

/// Prefixes a cell that a spreadsheet would run as a formula with `'`.
/// <https://owasp.org/www-community/attacks/CSV_Injection>
fn guard(cell: String) -> String {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}")
    } else {
        cell
    }
}

fn joined<T: ToString>(items: &[T]) -> String {
    items
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("; ")
}

/// Writes `listings` as CSV with a header row.
pub fn write(listings: &[Listing], out: &mut impl Write) -> Result<()> {
    let mut writer = ::csv::Writer::from_writer(out);
    writer.write_record(HEADER)?;
    for l in listings {
        let sessions: Vec<String> = l
            .sessions
            .iter()
            .map(|s| format!("{}/{}", s.start, s.end))
            .collect();
        let translations: Vec<&str> = l.translations.keys().map(|t| t.as_str()).collect();
        let row = [
            l.id.to_string(),
            l.kind.as_str().to_owned(),
            l.lang.to_string(),
            l.title.clone(),
            l.summary.clone(),
            l.description.clone().unwrap_or_default(),
            joined(&l.topics),
            joined(&l.languages),
            l.provider.id.to_string(),
            l.provider.name.clone(),
            l.provider.kind.as_str().to_owned(),
            l.provider.country.to_string(),
            l.contact.name.clone(),
            l.contact.role.clone().unwrap_or_default(),
            l.contact.email.clone(),
            l.contact.phone.clone().unwrap_or_default(),
            l.delivery.as_str().to_owned(),
            l.location
                .as_ref()
                .map(|x| x.city.clone())
                .unwrap_or_default(),
            l.location
                .as_ref()
                .map(|x| x.country.to_string())
                .unwrap_or_default(),
            joined(&l.audience),
            sessions.join("; "),
            translations.join("; "),
            l.url.clone().unwrap_or_default(),
            l.updated.map(|d| d.to_string()).unwrap_or_default(),
        ];
        writer.write_record(row.map(guard))?;
    }
    writer.flush()?;
    Ok(())
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
