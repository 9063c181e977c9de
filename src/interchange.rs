//! Reading and writing listings as files: interchange format v1 in JSON (an
//! array or JSON Lines) for import and export, CSV for spreadsheets, and
//! iCalendar and Atom for calendars and feed readers.
//!
//! Reading is all or nothing per file: every invalid record is reported, and
//! a file with any invalid record yields no listing.

pub mod calendar;
pub mod csv;
pub mod feed;
pub mod json;
pub mod sheet;
pub mod xlsx;

use std::fmt;

/// What is wrong with one record of a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordError {
    /// The record's position in the file, from 1.
    pub record: usize,
    /// The line it starts on, where known (JSON Lines).
    pub line: Option<usize>,
    /// The record's id, where it has a readable one.
    pub id: Option<String>,
    /// The field at fault, such as `topics[1]`, or `(record)` for the whole.
    pub field: String,
    /// What is wrong, in words a contributor can act on.
    pub reason: String,
}

impl fmt::Display for RecordError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "record {}", self.record)?;
        match (&self.line, &self.id) {
            (Some(line), Some(id)) => write!(f, " (line {line}, id \"{id}\")")?,
            (Some(line), None) => write!(f, " (line {line})")?,
            (None, Some(id)) => write!(f, " (id \"{id}\")")?,
            (None, None) => {}
        }
        write!(f, ": field `{}`: {}", self.field, self.reason)
    }
}

/// What can go wrong reading or writing an interchange file.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The file is not JSON at all (only for a JSON array file; JSON Lines
    /// report a bad line as a [`RecordError`]).
    #[error("not valid JSON at line {line}, column {column}: {message}")]
    Syntax {
        /// Line of the error.
        line: usize,
        /// Column of the error.
        column: usize,
        /// What the JSON reader says.
        message: String,
    },
    /// Some records are invalid; none of the file was taken.
    #[error("{} invalid record(s); nothing from this file was imported", .0.len())]
    Invalid(Vec<RecordError>),
    /// Some rows of a spreadsheet are invalid; none of the file was taken.
    #[error("{} problem(s) in the spreadsheet; nothing from this file was imported", .0.len())]
    Sheet(Vec<sheet::CellProblem>),
    /// A spreadsheet that cannot be read at all.
    #[error(transparent)]
    Unreadable(#[from] sheet::SheetError),
    /// Reading the file failed (or it is not UTF-8).
    #[error("cannot read the file: {0}")]
    Read(std::io::Error),
    /// Writing the output failed.
    #[error("cannot write the export")]
    Write(#[from] std::io::Error),
    /// Writing CSV failed.
    #[error("cannot write the CSV export")]
    Csv(#[from] ::csv::Error),
}

/// Results of interchange.
pub type Result<T, E = Error> = std::result::Result<T, E>;
