//! Listings as a spreadsheet (CSV or Excel .xlsx): the columns, reading a
//! file into rows, and checking every row, with each problem tied to its
//! row and column.
//!
//! One listing is one row. Its sessions share one cell (`start/end` pairs
//! separated by `;`), because directors keep a course and its dates on one
//! line. A translation is a row of its own with the listing's id, a blank
//! `kind`, its language in `lang` and its title, summary and description in
//! the same columns as the original: translations can be long and any
//! number, which columns per language would not hold, and CSV has no second
//! sheet to key them by id.

use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::io::Cursor;

use calamine::{Data, Reader};

use crate::domain::{
    AudienceSlug, Contact, CountryCode, Day, Delivery, FieldError, Kind, LanguageTag, Listing,
    ListingId, Location, Problem, Provider, ProviderId, ProviderType, Session, TopicSlug,
    Translation, Vocabulary,
};

/// A spreadsheet column: its header and whether a listing row must have it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Column {
    /// The header, as in the template.
    pub name: &'static str,
    /// Whether the column must be in the file.
    pub required: bool,
}

const fn column(name: &'static str, required: bool) -> Column {
    Column { name, required }
}

/// Every column, in the template's order. The `provider_*` columns other
/// than the id are read only from an operator's file: on the site a listing
/// belongs to an organisation on record, whose details are its own.
pub const COLUMNS: [Column; 23] = [
    column("id", true),
    column("kind", true),
    column("lang", false),
    column("title", true),
    column("summary", true),
    column("description", false),
    column("topics", true),
    column("languages", true),
    column("provider_id", false),
    column("provider_name", false),
    column("provider_type", false),
    column("provider_country", false),
    column("contact_name", true),
    column("contact_role", false),
    column("contact_email", true),
    column("contact_phone", false),
    column("delivery", false),
    column("location_city", false),
    column("location_country", false),
    column("audience", false),
    column("sessions", false),
    column("url", false),
    column("updated", false),
];

/// The columns a translation row may fill besides `id`.
const TRANSLATION_COLUMNS: [&str; 5] = ["id", "lang", "title", "summary", "description"];

/// The most rows a file may have: more is an operator's JSON import.
pub const MAX_ROWS: usize = 10_000;

/// A file read into rows of text, before any checking.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Sheet {
    /// The header row's cells, trimmed.
    pub header: Vec<String>,
    /// Every non-blank row after the header.
    pub rows: Vec<Row>,
}

/// One row of a sheet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// Its number as the spreadsheet shows it (the header is row 1).
    pub number: usize,
    /// Its cells, in the header's order (missing cells are empty).
    pub cells: Vec<String>,
}

/// Why a file could not be read as a sheet at all.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SheetError {
    /// Not a CSV file this reader understands.
    #[error("cannot read the file as CSV: {0}")]
    Csv(String),
    /// Not an Excel workbook.
    #[error(
        "cannot read the file as an Excel workbook (.xlsx): {0}; save it as .xlsx or CSV (UTF-8)"
    )]
    Xlsx(String),
    /// No header row.
    #[error("the file is empty: it needs a header row naming the columns, as in the template")]
    Empty,
    /// More rows than a file may have.
    #[error("the file has {0} rows; at most {MAX_ROWS} are taken from a spreadsheet: split it")]
    TooManyRows(usize),
}

/// The kinds of file read as a sheet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Comma-separated values, UTF-8.
    Csv,
    /// Excel 2007 and later.
    Xlsx,
}

impl Format {
    /// The format a file name's extension says, if a sheet one.
    pub fn of_name(name: &str) -> Option<Format> {
        let extension = name.rsplit_once('.')?.1.to_ascii_lowercase();
        match extension.as_str() {
            "csv" | "txt" => Some(Format::Csv),
            "xlsx" | "xlsm" => Some(Format::Xlsx),
            _ => None,
        }
    }

    /// The format of a file's bytes when its name says nothing: a zip
    /// archive is a workbook.
    pub fn sniff(bytes: &[u8]) -> Format {
        if bytes.starts_with(b"PK\x03\x04") {
            Format::Xlsx
        } else {
            Format::Csv
        }
    }
}

/// Reads a file's bytes as a sheet.
pub fn read(bytes: &[u8], format: Format) -> Result<Sheet, SheetError> {
    match format {
        Format::Csv => read_csv(bytes),
        Format::Xlsx => read_xlsx(bytes),
    }
}

/// The separator a CSV file uses: spreadsheets in many locales save with
/// `;` or a tab, so the header row decides.
fn separator(text: &str) -> u8 {
    let header = text.lines().find(|l| !l.starts_with('#')).unwrap_or("");
    [b',', b';', b'\t']
        .into_iter()
        .max_by_key(|&c| (header.bytes().filter(|&b| b == c).count(), c == b','))
        .unwrap_or(b',')
}

/// Reads CSV (UTF-8, with or without a byte-order mark). Lines starting with
/// `#` are the template's explanations and are skipped.
pub fn read_csv(bytes: &[u8]) -> Result<Sheet, SheetError> {
    let bytes = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|e| {
        SheetError::Csv(format!(
            "it is not UTF-8 text (at byte {}); save it as \"CSV UTF-8\"",
            e.valid_up_to()
        ))
    })?;
    let mut reader = ::csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .comment(Some(b'#'))
        .delimiter(separator(text))
        .from_reader(text.as_bytes());
    let mut records = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| SheetError::Csv(e.to_string()))?;
        records.push(record.iter().map(str::to_owned).collect());
    }
    // CSV has no row numbers of its own: a spreadsheet shows each record as
    // one row, so records are counted (comment lines are not rows).
    sheet_of(
        records
            .into_iter()
            .enumerate()
            .map(|(i, cells)| (i + 1, cells)),
    )
}

/// Reads the first worksheet of an .xlsx workbook (or the one named
/// `Listings`). Numbers and dates become the text a person would type.
pub fn read_xlsx(bytes: &[u8]) -> Result<Sheet, SheetError> {
    refuse_bombs(bytes)?;
    let mut workbook: calamine::Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(bytes))
        .map_err(|e: calamine::XlsxError| SheetError::Xlsx(e.to_string()))?;
    let names = workbook.sheet_names();
    let position = names
        .iter()
        .position(|n| n.eq_ignore_ascii_case("listings"))
        .unwrap_or(0);
    let range = workbook
        .worksheet_range_at(position)
        .ok_or_else(|| SheetError::Xlsx("it has no worksheet".to_owned()))?
        .map_err(|e| SheetError::Xlsx(e.to_string()))?;
    let first_row = range.start().map_or(0, |(row, _)| row as usize);
    let first_column = range.start().map_or(0, |(_, column)| column as usize);
    let rows = range.rows().enumerate().map(|(i, cells)| {
        let mut text: Vec<String> = vec![String::new(); first_column];
        text.extend(cells.iter().map(cell_text));
        (first_row + i + 1, text)
    });
    sheet_of(rows)
}

/// The most a workbook may unpack to: a sheet of 10,000 full rows is some
/// tens of megabytes of XML, and a small file unpacking to gigabytes would
/// take the service's memory.
pub const MAX_UNPACKED: u64 = 100 * 1024 * 1024;

/// Refuses a workbook whose parts say they unpack to more than
/// [`MAX_UNPACKED`], before anything is unpacked.
fn refuse_bombs(bytes: &[u8]) -> Result<(), SheetError> {
    let mut archive =
        zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| SheetError::Xlsx(e.to_string()))?;
    let mut unpacked: u64 = 0;
    for index in 0..archive.len() {
        let part = archive
            .by_index_raw(index)
            .map_err(|e| SheetError::Xlsx(e.to_string()))?;
        unpacked = unpacked.saturating_add(part.size());
    }
    if unpacked > MAX_UNPACKED {
        return Err(SheetError::Xlsx(format!(
            "it unpacks to {} MB, more than the {} MB a workbook may hold",
            unpacked / (1024 * 1024),
            MAX_UNPACKED / (1024 * 1024)
        )));
    }
    Ok(())
}

/// A cell as the text its value stands for.
fn cell_text(cell: &Data) -> String {
    match cell {
        Data::String(text) | Data::DateTimeIso(text) | Data::DurationIso(text) => text.clone(),
        Data::Int(number) => number.to_string(),
        // A whole number typed into a cell is stored as a float.
        Data::Float(number) if number.fract() == 0.0 && number.abs() < 1e15 => {
            format!("{}", *number as i64)
        }
        Data::Float(number) => number.to_string(),
        Data::Bool(true) => "TRUE".to_owned(),
        Data::Bool(false) => "FALSE".to_owned(),
        // A date a spreadsheet recognised as one: the day it shows.
        Data::DateTime(moment) if moment.is_datetime() => {
            let (year, month, day, ..) = moment.to_ymd_hms_milli();
            format!("{year:04}-{month:02}-{day:02}")
        }
        Data::DateTime(moment) => moment.as_f64().to_string(),
        Data::Error(error) => format!("#{error:?}"),
        Data::Empty => String::new(),
    }
}

/// The sheet of numbered rows: the first non-blank one is the header, blank
/// rows are dropped.
fn sheet_of(rows: impl Iterator<Item = (usize, Vec<String>)>) -> Result<Sheet, SheetError> {
    let mut rows = rows.filter(|(_, cells)| cells.iter().any(|c| !c.trim().is_empty()));
    let (_, header) = rows.next().ok_or(SheetError::Empty)?;
    let header: Vec<String> = header.iter().map(|h| h.trim().to_owned()).collect();
    let mut body = Vec::new();
    for (number, mut cells) in rows.by_ref() {
        if body.len() == MAX_ROWS {
            return Err(SheetError::TooManyRows(MAX_ROWS + 1 + rows.count()));
        }
        cells.resize(header.len().max(cells.len()), String::new());
        body.push(Row { number, cells });
    }
    Ok(Sheet { header, rows: body })
}

/// A problem with one cell, one row or the whole file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CellProblem {
    /// The row, as the spreadsheet numbers it (1 is the header).
    pub row: usize,
    /// The column's header, or `None` for the whole row.
    pub column: Option<String>,
    /// What is wrong.
    pub problem: Trouble,
}

impl fmt::Display for CellProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.column {
            Some(column) => write!(f, "row {}, column `{column}`: {}", self.row, self.problem),
            None => write!(f, "row {}: {}", self.row, self.problem),
        }
    }
}

/// What is wrong with a cell, a row or the header: a listing's own check,
/// or what only a spreadsheet can get wrong. Typed so the site can say it
/// in the reader's language; `Display` is the English of the command line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Trouble {
    /// A problem the listing's own checks found.
    Listing(Problem),
    /// A value that is not one of the allowed ones.
    NotOneOf {
        /// What the cell holds.
        value: String,
        /// The allowed values, joined with commas.
        choices: String,
    },
    /// Not a listing id.
    NotAnId(String),
    /// Not an organisation id.
    NotAnOrganisationId(String),
    /// Not a language tag.
    NotALanguage(String),
    /// Not a country code.
    NotACountry(String),
    /// Not a date written `YYYY-MM-DD`.
    NotADate(String),
    /// Not a session written `first/last`.
    NotASession(String),
    /// A city without its country.
    CountryNeeded,
    /// A country without a city.
    CityNeeded,
    /// An organisation the person may not list for.
    NotYourOrganisation {
        /// The id given.
        given: String,
        /// Ids they may use, joined with commas.
        yours: String,
    },
    /// No organisation named where one must be.
    NoOrganisation,
    /// A translation row with no listing row of its id.
    NoListingRow(String),
    /// A listing row repeating another's id.
    RepeatedId(String),
    /// Two translations into one language.
    TranslationTwice(String),
    /// A translation row filling a listing's cell.
    FilledInTranslation,
    /// A header that is not one of the template's columns.
    UnknownColumn,
    /// A column named twice in the header.
    ColumnTwice,
    /// A column every file needs, missing from the header.
    MissingColumn(&'static str),
    /// Worded by the caller, in the reader's language.
    Said(String),
}

impl fmt::Display for Trouble {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Trouble::Listing(problem) => write!(f, "{problem}"),
            Trouble::NotOneOf { value, choices } => {
                write!(f, "\"{value}\" is not one of {choices}")
            }
            Trouble::NotAnId(value) => write!(
                f,
                "\"{value}\" is not a valid listing id: use 3-80 characters from a-z, 0-9 and -"
            ),
            Trouble::NotAnOrganisationId(value) => write!(
                f,
                "\"{value}\" is not a valid organisation id: use a-z, 0-9 and -"
            ),
            Trouble::NotALanguage(value) => write!(
                f,
                "\"{value}\" is not a language tag (for example en, th, km, zh-Hant)"
            ),
            Trouble::NotACountry(value) => write!(
                f,
                "\"{value}\" is not a country code: two letters, such as TH"
            ),
            Trouble::NotADate(value) => {
                write!(f, "\"{value}\" is not a date written YYYY-MM-DD")
            }
            Trouble::NotASession(value) => write!(
                f,
                "\"{value}\" is not a session: write YYYY-MM-DD/YYYY-MM-DD (first and last day), sessions separated by ;"
            ),
            Trouble::CountryNeeded => f.write_str(
                "is empty; give the country of the city (two letters, such as TH)",
            ),
            Trouble::CityNeeded => f.write_str(
                "is empty; give the city where it is held, or leave the country blank too",
            ),
            Trouble::NotYourOrganisation { given, yours } => write!(
                f,
                "\"{given}\" is not an organisation you may list for; use {yours}"
            ),
            Trouble::NoOrganisation => f.write_str(
                "is empty; give the id of the organisation the listing belongs to",
            ),
            Trouble::NoListingRow(id) => write!(
                f,
                "no listing row has the id \"{id}\"; a row with a blank `kind` is a translation of the listing row with its id"
            ),
            Trouble::RepeatedId(id) => write!(
                f,
                "another listing row has the id \"{id}\"; ids must be unique (a translation leaves `kind` blank)"
            ),
            Trouble::TranslationTwice(lang) => write!(
                f,
                "the listing already has a translation into \"{lang}\" in another row"
            ),
            Trouble::FilledInTranslation => f.write_str(
                "a translation row (blank `kind`) gives only id, lang, title, summary and description; leave this blank or give the row a kind",
            ),
            Trouble::UnknownColumn => write!(
                f,
                "is not a column of the template; use {}",
                COLUMNS.map(|c| c.name).join(", ")
            ),
            Trouble::ColumnTwice => f.write_str("is given twice; keep one"),
            Trouble::MissingColumn(column) => write!(
                f,
                "the header has no column `{column}`; every file needs it (see the template)"
            ),
            Trouble::Said(words) => f.write_str(words),
        }
    }
}

/// Whose the listings of a file are.
#[derive(Debug, Clone, Copy)]
pub enum Owners<'a> {
    /// Each row names its organisation in full (an operator's import).
    Named,
    /// Each row's `provider_id` is one of these organisations, the first
    /// when left blank if `blank_is_first` (a contributor's own).
    OnRecord {
        /// The organisations the person may list for.
        organisations: &'a [Provider],
        /// Whether a blank `provider_id` means the first of them.
        blank_is_first: bool,
    },
}

/// What a row is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowKind {
    /// A listing.
    Listing,
    /// A translation of the listing with the row's id.
    Translation,
}

/// One row as checked: its cells by column and its problems.
#[derive(Debug, Clone)]
pub struct CheckedRow {
    /// Its number in the spreadsheet.
    pub number: usize,
    /// A listing or a translation.
    pub kind: RowKind,
    /// Its cells, in the order of [`COLUMNS`].
    pub cells: Vec<String>,
    /// Its problems; a `None` column is the whole row's.
    pub problems: Vec<(Option<String>, Trouble)>,
}

impl CheckedRow {
    /// The cell of `column` (one of [`COLUMNS`]).
    pub fn cell(&self, column: &str) -> &str {
        COLUMNS
            .iter()
            .position(|c| c.name == column)
            .and_then(|i| self.cells.get(i))
            .map_or("", String::as_str)
    }

    /// The problems of one column.
    pub fn problems_of<'a>(&'a self, column: &'a str) -> impl Iterator<Item = &'a Trouble> + 'a {
        self.problems
            .iter()
            .filter(move |(c, _)| c.as_deref() == Some(column))
            .map(|(_, p)| p)
    }

    /// The row's own problems, not tied to a column.
    pub fn row_problems(&self) -> impl Iterator<Item = &Trouble> {
        self.problems
            .iter()
            .filter(|(c, _)| c.is_none())
            .map(|(_, p)| p)
    }
}

/// A whole sheet checked: every row with its problems, and the listings
/// when there are none.
#[derive(Debug, Clone)]
pub struct Checked {
    /// Problems of the file as a whole (its header).
    pub file_problems: Vec<CellProblem>,
    /// Every row.
    pub rows: Vec<CheckedRow>,
    /// The listings, in the order of their rows; complete only when
    /// [`Checked::is_valid`].
    pub listings: Vec<Listing>,
}

impl Checked {
    /// Whether nothing is wrong.
    pub fn is_valid(&self) -> bool {
        self.file_problems.is_empty() && self.rows.iter().all(|r| r.problems.is_empty())
    }

    /// Every problem, file's first, then by row.
    pub fn problems(&self) -> Vec<CellProblem> {
        let mut all = self.file_problems.clone();
        for row in &self.rows {
            all.extend(row.problems.iter().map(|(column, problem)| CellProblem {
                row: row.number,
                column: column.clone(),
                problem: problem.clone(),
            }));
        }
        all
    }

    /// The listings, or every problem.
    pub fn into_listings(self) -> Result<Vec<Listing>, Vec<CellProblem>> {
        if self.is_valid() {
            Ok(self.listings)
        } else {
            Err(self.problems())
        }
    }
}

/// Checks every row of `sheet` as listings owned as `owners` say.
pub fn check(sheet: &Sheet, vocabulary: &Vocabulary, owners: Owners<'_>) -> Checked {
    let mut file_problems = Vec::new();
    let mut position: HashMap<&'static str, usize> = HashMap::new();
    for (index, name) in sheet.header.iter().enumerate() {
        let known = COLUMNS
            .iter()
            .find(|c| c.name.eq_ignore_ascii_case(name.trim()));
        match known {
            Some(column) if position.contains_key(column.name) => {
                file_problems.push(header_problem(name, Trouble::ColumnTwice))
            }
            Some(column) => {
                position.insert(column.name, index);
            }
            None if name.is_empty() => {}
            None => file_problems.push(header_problem(name, Trouble::UnknownColumn)),
        }
    }
    let named = matches!(owners, Owners::Named);
    for column in COLUMNS {
        let needed = column.required
            || (named && column.name.starts_with("provider_"))
            || (matches!(
                owners,
                Owners::OnRecord {
                    blank_is_first: false,
                    ..
                }
            ) && column.name == "provider_id");
        if needed && !position.contains_key(column.name) {
            file_problems.push(CellProblem {
                row: 1,
                column: None,
                problem: Trouble::MissingColumn(column.name),
            });
        }
    }

    let mut rows: Vec<CheckedRow> = sheet
        .rows
        .iter()
        .map(|row| {
            let cell = |name: &str| {
                position
                    .get(name)
                    .and_then(|&i| row.cells.get(i))
                    .map(|c| unguard(c.trim()))
                    .unwrap_or("")
            };
            let kind = if cell("kind").is_empty() && !cell("id").is_empty() {
                RowKind::Translation
            } else {
                RowKind::Listing
            };
            CheckedRow {
                number: row.number,
                kind,
                cells: COLUMNS.iter().map(|c| cell(c.name).to_owned()).collect(),
                problems: Vec::new(),
            }
        })
        .collect();

    // Listings first, so translations find theirs wherever they are.
    let mut listings: Vec<(usize, Listing)> = Vec::new();
    let mut row_of_id: HashMap<String, usize> = HashMap::new();
    for (index, row) in rows.iter_mut().enumerate() {
        if row.kind != RowKind::Listing {
            continue;
        }
        let listing = listing_of(row, owners);
        if listings_unique(&mut row_of_id, row, index) {
            listings.push((index, listing));
        }
    }
    let listing_at: HashMap<usize, usize> = listings
        .iter()
        .enumerate()
        .map(|(at, (row, _))| (*row, at))
        .collect();
    let mut translation_rows: HashMap<(usize, LanguageTag), usize> = HashMap::new();
    for (index, row) in rows.iter_mut().enumerate() {
        if row.kind != RowKind::Translation {
            continue;
        }
        let id = row.cell("id").to_owned();
        let Some(&owner_row) = row_of_id.get(&id) else {
            row.problems
                .push((Some("kind".to_owned()), Trouble::NoListingRow(id)));
            continue;
        };
        let Some(&at) = listing_at.get(&owner_row) else {
            continue; // a repeated id, refused at its row
        };
        if let Some((tag, translation)) = translation_of(row) {
            match listings[at].1.translations.entry(tag.clone()) {
                std::collections::btree_map::Entry::Occupied(_) => row.problems.push((
                    Some("lang".to_owned()),
                    Trouble::TranslationTwice(tag.to_string()),
                )),
                std::collections::btree_map::Entry::Vacant(slot) => {
                    slot.insert(translation);
                    translation_rows.insert((at, tag), index);
                }
            }
        }
    }

    // The listing's own checks, each problem back in its row and column.
    let mut valid = Vec::with_capacity(listings.len());
    for (at, (index, mut listing)) in listings.into_iter().enumerate() {
        if let Err(problems) = listing.check(vocabulary) {
            for problem in problems {
                let (row, column) = place(&problem, index, at, &translation_rows);
                rows[row]
                    .problems
                    .push((column, Trouble::Listing(problem.problem)));
            }
        }
        valid.push(listing);
    }
    let checked = Checked {
        file_problems,
        rows,
        listings: valid,
    };
    // Translation rows with problems leave their listing incomplete.
    if checked.is_valid() {
        checked
    } else {
        Checked {
            listings: Vec::new(),
            ..checked
        }
    }
}

fn header_problem(name: &str, trouble: Trouble) -> CellProblem {
    CellProblem {
        row: 1,
        column: Some(name.to_owned()),
        problem: trouble,
    }
}

/// Notes a listing row's id, or a problem if another row has it.
fn listings_unique(
    row_of_id: &mut HashMap<String, usize>,
    row: &mut CheckedRow,
    index: usize,
) -> bool {
    let id = row.cell("id").to_owned();
    if id.is_empty() {
        return true;
    }
    if row_of_id.contains_key(&id) {
        row.problems
            .push((Some("id".to_owned()), Trouble::RepeatedId(id)));
        return false;
    }
    row_of_id.insert(id, index);
    true
}

/// Where a checked listing's problem shows: its row (the listing's, or a
/// translation's) and column.
fn place(
    problem: &FieldError,
    listing_row: usize,
    at: usize,
    translation_rows: &HashMap<(usize, LanguageTag), usize>,
) -> (usize, Option<String>) {
    let path = problem.field.as_str();
    let head = path.split(['.', '[']).next().unwrap_or(path);
    match head {
        "translations" => {
            let mut parts = path.splitn(3, '.').skip(1);
            let tag = parts.next().and_then(|t| LanguageTag::parse(t).ok());
            let part = parts.next().unwrap_or("lang");
            match tag.and_then(|tag| translation_rows.get(&(at, tag))) {
                Some(&row) => (row, Some(part.to_owned())),
                None => (listing_row, None),
            }
        }
        "contact" | "location" | "provider" => (listing_row, Some(path.replace('.', "_"))),
        "(record)" => (listing_row, None),
        other => (listing_row, Some(other.to_owned())),
    }
}

/// A cell exported with a leading `'` to keep a spreadsheet from running
/// it as a formula, read back as typed.
fn unguard(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@']) => rest,
        _ => cell,
    }
}

/// The values of a list cell: separated by `;`, `,` or line breaks.
fn items(cell: &str) -> impl Iterator<Item = &str> {
    cell.split([';', ',', '\n'])
        .map(str::trim)
        .filter(|v| !v.is_empty())
}

/// Problems noted while reading a row's cells.
#[derive(Default)]
struct Notes(Vec<(Option<String>, Trouble)>);

impl Notes {
    /// The value of `result`, or `None` with its problem noted in `column`.
    fn take<T>(&mut self, column: &str, result: Result<T, Trouble>) -> Option<T> {
        match result {
            Ok(value) => Some(value),
            Err(trouble) => {
                self.0.push((Some(column.to_owned()), trouble));
                None
            }
        }
    }
}

fn optional(cell: &str) -> Option<String> {
    Some(cell.to_owned()).filter(|c| !c.is_empty())
}

/// Reads the listing a row describes, noting each cell that cannot be read;
/// the listing's own checks come later.
fn listing_of(row: &mut CheckedRow, owners: Owners<'_>) -> Listing {
    let (listing, notes) = read_listing(row, owners);
    row.problems.extend(notes.0);
    listing
}

/// The listing a row's cells describe, and the cells that could not be
/// read.
fn read_listing(row: &CheckedRow, owners: Owners<'_>) -> (Listing, Notes) {
    let cell = |name: &str| row.cell(name);
    let mut notes = Notes::default();

    let id = notes.take(
        "id",
        required(cell("id"))
            .and_then(|v| ListingId::parse(v).map_err(|_| Trouble::NotAnId(v.into()))),
    );
    let kind = notes.take(
        "kind",
        choice(cell("kind"), &Kind::ALL.map(|k| (k.as_str(), k))),
    );
    let lang = if cell("lang").is_empty() {
        LanguageTag::parse("en").ok()
    } else {
        notes.take("lang", language(cell("lang")))
    };
    let delivery = if cell("delivery").is_empty() {
        Some(Delivery::default())
    } else {
        notes.take(
            "delivery",
            choice(cell("delivery"), &Delivery::ALL.map(|d| (d.as_str(), d))),
        )
    };
    let topics: Vec<TopicSlug> = items(cell("topics"))
        .filter_map(|v| notes.take("topics", TopicSlug::parse(v).map_err(|_| unknown_topic(v))))
        .collect();
    let languages: Vec<LanguageTag> = items(cell("languages"))
        .filter_map(|v| notes.take("languages", language(v)))
        .collect();
    let audience: Vec<AudienceSlug> = items(cell("audience"))
        .filter_map(|v| {
            let parsed = AudienceSlug::parse(v)
                .map_err(|_| Trouble::Listing(Problem::UnknownAudience(v.to_owned())));
            notes.take("audience", parsed)
        })
        .collect();
    let mut sessions = Vec::new();
    for item in cell("sessions")
        .split([';', '\n'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        if let Some(session) = notes.take("sessions", session(item)) {
            sessions.push(session);
        }
    }
    let location = match (cell("location_city"), cell("location_country")) {
        ("", "") => Some(None),
        (_, "") => notes.take("location_country", Err(Trouble::CountryNeeded)),
        ("", _) => notes.take("location_city", Err(Trouble::CityNeeded)),
        (city, country) => notes
            .take("location_country", country_code(country))
            .map(|country| {
                Some(Location {
                    city: city.to_owned(),
                    country,
                })
            }),
    };
    let updated = if cell("updated").is_empty() {
        Some(None)
    } else {
        notes.take("updated", date(cell("updated")).map(Some))
    };
    let provider = match owners {
        Owners::Named => {
            let id = notes.take(
                "provider_id",
                required(cell("provider_id")).and_then(|v| {
                    ProviderId::parse(v).map_err(|_| Trouble::NotAnOrganisationId(v.into()))
                }),
            );
            let kind = notes.take(
                "provider_type",
                choice(
                    cell("provider_type"),
                    &ProviderType::ALL.map(|t| (t.as_str(), t)),
                ),
            );
            let country = notes.take(
                "provider_country",
                required(cell("provider_country")).and_then(country_code),
            );
            match (id, kind, country) {
                (Some(id), Some(kind), Some(country)) => Some(Provider {
                    id,
                    name: cell("provider_name").to_owned(),
                    kind,
                    country,
                }),
                _ => None,
            }
        }
        Owners::OnRecord {
            organisations,
            blank_is_first,
        } => {
            let given = cell("provider_id");
            let found = if given.is_empty() && blank_is_first {
                organisations.first()
            } else {
                organisations.iter().find(|o| o.id.as_str() == given)
            };
            let refusal = if given.is_empty() {
                Trouble::NoOrganisation
            } else {
                Trouble::NotYourOrganisation {
                    given: given.to_owned(),
                    yours: organisations
                        .iter()
                        .take(12)
                        .map(|o| o.id.as_str())
                        .collect::<Vec<_>>()
                        .join(", "),
                }
            };
            notes.take("provider_id", found.cloned().ok_or(refusal))
        }
    };
    // Cells that could not be read are stood in for, so the listing's own
    // checks still run and every problem of the row shows at once.
    let stand_in_provider = || Provider {
        id: ProviderId::parse("unreadable").expect("a valid id"),
        name: "unreadable".to_owned(),
        kind: ProviderType::Academic,
        country: CountryCode::parse("TH").expect("a valid code"),
    };
    let listing = Listing {
        id: id.unwrap_or_else(|| ListingId::parse("unreadable").expect("a valid id")),
        kind: kind.unwrap_or(Kind::Course),
        lang: lang.unwrap_or_else(|| LanguageTag::parse("en").expect("a valid tag")),
        title: cell("title").to_owned(),
        summary: cell("summary").to_owned(),
        description: optional(cell("description")),
        topics,
        languages,
        provider: provider.unwrap_or_else(stand_in_provider),
        contact: Contact {
            name: cell("contact_name").to_owned(),
            role: optional(cell("contact_role")),
            email: cell("contact_email").to_owned(),
            phone: optional(cell("contact_phone")),
        },
        delivery: delivery.unwrap_or_default(),
        location: location.flatten(),
        audience,
        sessions,
        translations: BTreeMap::new(),
        url: optional(cell("url")),
        updated: updated.flatten(),
    };
    (listing, notes)
}

/// Reads a translation row, noting cells it should have left blank.
fn translation_of(row: &mut CheckedRow) -> Option<(LanguageTag, Translation)> {
    for (column, value) in COLUMNS.iter().zip(&row.cells) {
        if !value.is_empty() && !TRANSLATION_COLUMNS.contains(&column.name) {
            row.problems
                .push((Some(column.name.to_owned()), Trouble::FilledInTranslation));
        }
    }
    let cell = |name: &str| row.cell(name).to_owned();
    let tag = match required(&cell("lang")).and_then(language) {
        Ok(tag) => tag,
        Err(trouble) => {
            row.problems.push((Some("lang".to_owned()), trouble));
            return None;
        }
    };
    let translation = Translation {
        title: cell("title"),
        summary: cell("summary"),
        description: optional(&cell("description")),
    };
    row.problems.is_empty().then_some((tag, translation))
}

fn required(cell: &str) -> Result<&str, Trouble> {
    if cell.is_empty() {
        Err(Trouble::Listing(Problem::Empty))
    } else {
        Ok(cell)
    }
}

fn choice<T: Copy>(value: &str, options: &[(&str, T)]) -> Result<T, Trouble> {
    let value = required(value)?;
    options
        .iter()
        .find(|(name, _)| name.eq_ignore_ascii_case(value))
        .map(|(_, v)| *v)
        .ok_or_else(|| Trouble::NotOneOf {
            value: value.to_owned(),
            choices: options
                .iter()
                .map(|(n, _)| *n)
                .collect::<Vec<_>>()
                .join(", "),
        })
}

fn language(value: &str) -> Result<LanguageTag, Trouble> {
    LanguageTag::parse(value).map_err(|_| Trouble::NotALanguage(value.to_owned()))
}

fn country_code(value: &str) -> Result<CountryCode, Trouble> {
    CountryCode::parse(value).map_err(|_| Trouble::NotACountry(value.to_owned()))
}

fn date(value: &str) -> Result<Day, Trouble> {
    Day::parse(value).map_err(|_| Trouble::NotADate(value.to_owned()))
}

fn unknown_topic(value: &str) -> Trouble {
    Trouble::Listing(Problem::UnknownTopic(value.to_owned()))
}

/// A session written `start/end`, or one day.
fn session(text: &str) -> Result<Session, Trouble> {
    let (start, end) = text.split_once('/').unwrap_or((text, text));
    let day =
        |value: &str| Day::parse(value.trim()).map_err(|_| Trouble::NotASession(text.to_owned()));
    Ok(Session {
        start: day(start)?,
        end: day(end)?,
    })
}

/// A listing as rows of cells in [`COLUMNS`] order: its own row, then one
/// per translation. Reading them back gives the listing again.
pub fn rows_of(listing: &Listing) -> Vec<Vec<String>> {
    let joined = |items: Vec<String>| items.join("; ");
    let location = listing.location.as_ref();
    let own = vec![
        listing.id.to_string(),
        listing.kind.as_str().to_owned(),
        listing.lang.to_string(),
        listing.title.clone(),
        listing.summary.clone(),
        listing.description.clone().unwrap_or_default(),
        joined(listing.topics.iter().map(ToString::to_string).collect()),
        joined(listing.languages.iter().map(ToString::to_string).collect()),
        listing.provider.id.to_string(),
        listing.provider.name.clone(),
        listing.provider.kind.as_str().to_owned(),
        listing.provider.country.to_string(),
        listing.contact.name.clone(),
        listing.contact.role.clone().unwrap_or_default(),
        listing.contact.email.clone(),
        listing.contact.phone.clone().unwrap_or_default(),
        listing.delivery.as_str().to_owned(),
        location.map(|l| l.city.clone()).unwrap_or_default(),
        location.map(|l| l.country.to_string()).unwrap_or_default(),
        joined(listing.audience.iter().map(ToString::to_string).collect()),
        joined(
            listing
                .sessions
                .iter()
                .map(|s| format!("{}/{}", s.start, s.end))
                .collect(),
        ),
        listing.url.clone().unwrap_or_default(),
        listing.updated.map(|d| d.to_string()).unwrap_or_default(),
    ];
    let mut rows = vec![own];
    for (tag, translation) in &listing.translations {
        let mut row = vec![String::new(); COLUMNS.len()];
        row[0] = listing.id.to_string();
        row[2] = tag.to_string();
        row[3] = translation.title.clone();
        row[4] = translation.summary.clone();
        row[5] = translation.description.clone().unwrap_or_default();
        rows.push(row);
    }
    rows
}

/// What each column holds, for the template's explanation.
pub fn explanation(column: &str) -> &'static str {
    match column {
        "id" => {
            "Required. Your stable id for the listing: 3-80 characters from a-z, 0-9 and -, such as jclec-ntd-2027. A row whose id is already yours updates that listing. A translation row repeats its listing's id."
        }
        "kind" => {
            "Required: course, workshop, elearning or material. Leave it blank on a translation row."
        }
        "lang" => {
            "The language of title, summary and description, as a tag such as en, th, km, vi, zh, id (en when blank). On a translation row: the translation's language."
        }
        "title" => "Required. At most 300 characters, one line.",
        "summary" => "Required. At most 600 characters.",
        "description" => "Optional longer text, at most 20,000 characters.",
        "topics" => {
            "Required. One to six topic slugs separated by ; such as document-examination; border-management (the catalogue's topics page lists them)."
        }
        "languages" => {
            "Required. The languages it is given in, as tags separated by ; such as en; th."
        }
        "provider_id" => {
            "The id of the organisation the listing belongs to. On the site: blank means your own organisation (the Secretariat gives it)."
        }
        "provider_name" => {
            "Operator's import only: the organisation's name. On the site the organisation's record is used."
        }
        "provider_type" => {
            "Operator's import only: member-state, international-organisation, regional-institution, civil-society or academic."
        }
        "provider_country" => {
            "Operator's import only: the organisation's country, two letters such as ID."
        }
        "contact_name" => "Required. Whom officials contact about it.",
        "contact_role" => "Optional: their role or office.",
        "contact_email" => "Required. Their e-mail address.",
        "contact_phone" => "Optional: their telephone number, such as +62 24 123 4567.",
        "delivery" => "in-person, online or blended (in-person when blank).",
        "location_city" => "Where it is held: the city (with location_country), or blank.",
        "location_country" => "The country of location_city, two letters such as TH.",
        "audience" => {
            "Optional: who it is for, as audience slugs separated by ; such as immigration-officers; prosecutors-and-judges."
        }
        "sessions" => {
            "Dates of each run as first day/last day, YYYY-MM-DD/YYYY-MM-DD, several separated by ; such as 2027-03-01/2027-03-05; 2027-09-06/2027-09-10. Format the cell as text so the spreadsheet keeps it."
        }
        "url" => "Optional: a web page about it (http or https).",
        "updated" => "Optional: when it was last updated, YYYY-MM-DD (today when blank).",
        _ => "",
    }
}

/// Rows of a template: one example listing and its translation.
pub fn example_rows() -> Vec<Vec<String>> {
    let cells = |values: &[(&str, &str)]| -> Vec<String> {
        COLUMNS
            .iter()
            .map(|c| {
                values
                    .iter()
                    .find(|(name, _)| *name == c.name)
                    .map(|(_, v)| (*v).to_owned())
                    .unwrap_or_default()
            })
            .collect()
    };
    vec![
        cells(&[
            ("id", "jclec-document-examination-2027"),
            ("kind", "course"),
            ("lang", "en"),
            (
                "title",
                "Travel document examination for frontline officers",
            ),
            (
                "summary",
                "Five days of hands-on examination of passports and visas: security features, impostors and forged stamps.",
            ),
            ("topics", "document-examination; border-management"),
            ("languages", "en; id"),
            ("provider_id", "jclec"),
            (
                "provider_name",
                "Jakarta Centre for Law Enforcement Cooperation",
            ),
            ("provider_type", "regional-institution"),
            ("provider_country", "ID"),
            ("contact_name", "Training Office"),
            ("contact_email", "training@jclec.example.org"),
            ("contact_phone", "+62 24 123 4567"),
            ("delivery", "in-person"),
            ("location_city", "Semarang"),
            ("location_country", "ID"),
            ("audience", "immigration-officers"),
            ("sessions", "2027-03-01/2027-03-05; 2027-09-06/2027-09-10"),
            (
                "url",
                "https://jclec.example.org/courses/document-examination",
            ),
        ]),
        cells(&[
            ("id", "jclec-document-examination-2027"),
            ("lang", "id"),
            (
                "title",
                "Pemeriksaan dokumen perjalanan untuk petugas garis depan",
            ),
            (
                "summary",
                "Lima hari praktik pemeriksaan paspor dan visa: fitur keamanan, penyamar dan cap palsu.",
            ),
        ]),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEADER: &str = "id,kind,lang,title,summary,topics,languages,provider_id,provider_name,provider_type,provider_country,contact_name,contact_email,sessions";

    fn operator_check(csv: &str) -> Checked {
        let sheet = read_csv(csv.as_bytes()).unwrap();
        check(&sheet, Vocabulary::builtin(), Owners::Named)
    }

    #[test]
    fn a_listing_row_with_a_translation_row_becomes_one_listing() {
        let checked = operator_check(&format!(
            "{HEADER}\n\
             ntd-2027,course,en,Document examination,Five days on forged passports,document-examination,en; th,jclec,JCLEC,regional-institution,ID,Training Office,training@jclec.example,2027-03-01/2027-03-05; 2027-09-06/2027-09-10\n\
             ntd-2027,,th,การตรวจเอกสาร,ห้าวันเรื่องหนังสือเดินทางปลอม,,,,,,,,,\n"
        ));
        assert!(checked.is_valid(), "{:?}", checked.problems());
        let listing = &checked.listings[0];
        assert_eq!(listing.sessions.len(), 2);
        assert_eq!(listing.translations.len(), 1);
        assert_eq!(checked.rows[1].kind, RowKind::Translation);
    }

    #[test]
    fn every_problem_is_placed_in_its_row_and_column() {
        let checked = operator_check(&format!(
            "{HEADER}\n\
             ok-listing,course,en,Title,Summary,cybercrime,en,p1,P,academic,TH,C,c@example.org,\n\
             bad-listing,lecture,en,,Summary,knitting,en,p1,P,academic,TH,C,not-mail,2027-13-01/2027-13-02\n\
             bad-listing,,xx-invalid-tag-,T,S,,,,,,,,,\n"
        ));
        assert!(!checked.is_valid());
        assert!(checked.listings.is_empty(), "all or nothing");
        let row3 = &checked.rows[1];
        assert_eq!(row3.number, 3);
        assert_eq!(row3.problems_of("kind").count(), 1);
        assert_eq!(row3.problems_of("sessions").count(), 1);
        assert!(checked.rows[0].problems.is_empty());
    }

    #[test]
    fn the_listings_own_checks_come_back_to_their_cells() {
        let checked = operator_check(&format!(
            "{HEADER}\n\
             bad-listing,course,en,,Summary,knitting,en,p1,P,academic,TH,C,not-mail,\n"
        ));
        let row = &checked.rows[0];
        assert!(matches!(
            row.problems_of("title").next(),
            Some(Trouble::Listing(Problem::Empty))
        ));
        assert!(matches!(
            row.problems_of("topics").next(),
            Some(Trouble::Listing(Problem::UnknownTopic(_)))
        ));
        assert!(matches!(
            row.problems_of("contact_email").next(),
            Some(Trouble::Listing(Problem::NotEmail(_)))
        ));
    }

    #[test]
    fn a_missing_column_and_an_unknown_one_are_the_files_problems() {
        let checked = operator_check("id,kind,title,colour\nx-1,course,T,red\n");
        let problems = checked.problems();
        assert!(
            problems
                .iter()
                .any(|p| p.column.as_deref() == Some("colour"))
        );
        assert!(
            problems
                .iter()
                .any(|p| p.problem.to_string().contains("no column `summary`"))
        );
    }

    #[test]
    fn semicolons_and_tabs_separate_as_well_as_commas() {
        for separator in [";", "\t"] {
            let text = format!(
                "{}\nok-listing{s}course{s}en{s}Title{s}Summary{s}cybercrime{s}en{s}p1{s}P{s}academic{s}TH{s}C{s}c@example.org{s}\n",
                HEADER.replace(',', separator),
                s = separator
            );
            assert!(operator_check(&text).is_valid(), "{separator:?}");
        }
    }

    #[test]
    fn a_workbook_that_unpacks_to_too_much_is_refused_before_it_is_read() {
        let mut packed = Vec::new();
        {
            let mut writer = zip::ZipWriter::new(Cursor::new(&mut packed));
            let options = zip::write::SimpleFileOptions::default()
                .compression_method(zip::CompressionMethod::Deflated);
            writer
                .start_file("xl/worksheets/sheet1.xml", options)
                .unwrap();
            let zeros = vec![0u8; 1024 * 1024];
            for _ in 0..=MAX_UNPACKED / (1024 * 1024) {
                std::io::Write::write_all(&mut writer, &zeros).unwrap();
            }
            writer.finish().unwrap();
        }
        assert!(packed.len() < 1024 * 1024, "{} bytes", packed.len());
        let refused = read_xlsx(&packed).unwrap_err();
        assert!(
            refused.to_string().contains("more than the 100 MB"),
            "{refused}"
        );
    }

    #[test]
    fn format_guards_of_the_export_are_undone() {
        assert_eq!(unguard("'+66 2 123"), "+66 2 123");
        assert_eq!(unguard("'tis"), "'tis");
    }
}
