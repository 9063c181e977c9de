//! Interchange format v1 as JSON: a JSON array of listings, or JSON Lines
//! (one listing per line).

use std::collections::HashMap;
use std::io::{BufRead, Write};

use serde_json::Value;

use super::{Error, RecordError, Result};
use crate::domain::{FieldError, Listing, Problem, Vocabulary};

/// Reads every listing of a file's contents. A file whose first non-blank
/// character is `[` is a JSON array; anything else is read as JSON Lines.
/// Returns all the listings, or every problem found.
pub fn read(text: &str, vocabulary: &Vocabulary) -> Result<Vec<Listing>> {
    let mut listings = Vec::new();
    each_listing(text.as_bytes(), vocabulary, |listing| {
        listings.push(listing);
        true
    })?;
    Ok(listings)
}

/// Reads the listings of `input` one record at a time, handing each valid
/// one to `take` (which returns `false` to stop), and returns how many there
/// were, or every problem found. JSON Lines are read a line at a time, so a
/// file of any length needs memory for one record; a JSON array is read
/// whole. When a record is invalid, `take` may already have had the ones
/// before it: a caller that writes as it reads checks the file first.
pub fn each_listing(
    mut input: impl BufRead,
    vocabulary: &Vocabulary,
    mut take: impl FnMut(Listing) -> bool,
) -> Result<usize> {
    let mut checker = Checker::new(vocabulary);
    // Blank lines before the first record still count for line numbers.
    let mut blank_lines = 0;
    let array = loop {
        let buffer = input.fill_buf().map_err(Error::Read)?;
        let buffer = buffer.strip_prefix("\u{feff}".as_bytes()).unwrap_or(buffer);
        match buffer.iter().find(|b| !b.is_ascii_whitespace()) {
            Some(first) => break *first == b'[',
            None if buffer.is_empty() => break false,
            None => {
                let len = buffer.len();
                blank_lines += buffer.iter().filter(|b| **b == b'\n').count();
                input.consume(len);
            }
        }
    };
    if array {
        let mut text = String::new();
        input.read_to_string(&mut text).map_err(Error::Read)?;
        let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
        let values: Vec<Value> = serde_json::from_str(text).map_err(|e| Error::Syntax {
            line: e.line(),
            column: e.column(),
            message: e.to_string(),
        })?;
        for value in values {
            if let Some(listing) = checker.check(None, Ok(value))
                && !take(listing)
            {
                break;
            }
        }
    } else {
        let mut line = String::new();
        let mut number = blank_lines;
        loop {
            line.clear();
            if input.read_line(&mut line).map_err(Error::Read)? == 0 {
                break;
            }
            number += 1;
            let text = if number == blank_lines + 1 {
                line.strip_prefix('\u{feff}').unwrap_or(&line)
            } else {
                &line
            };
            if text.trim().is_empty() {
                continue;
            }
            let value = serde_json::from_str(text).map_err(|e| format!("not valid JSON: {e}"));
            if let Some(listing) = checker.check(Some(number), value)
                && !take(listing)
            {
                break;
            }
        }
    }
    checker.finish()
}

/// Checks records one after another: each on its own, and that no two
/// share an id.
struct Checker<'v> {
    vocabulary: &'v Vocabulary,
    records: usize,
    errors: Vec<RecordError>,
    first_record_of: HashMap<String, usize>,
}

impl<'v> Checker<'v> {
    fn new(vocabulary: &'v Vocabulary) -> Checker<'v> {
        Checker {
            vocabulary,
            records: 0,
            errors: Vec::new(),
            first_record_of: HashMap::new(),
        }
    }

    /// The listing of the next record, or `None` with its problems noted.
    fn check(&mut self, line: Option<usize>, value: Result<Value, String>) -> Option<Listing> {
        self.records += 1;
        let record = self.records;
        let problem = |id: Option<String>, field: &str, reason: String| RecordError {
            record,
            line,
            id,
            field: field.to_owned(),
            reason,
        };
        let value = match value {
            Ok(value) => value,
            Err(reason) => {
                self.errors.push(problem(None, "(record)", reason));
                return None;
            }
        };
        let id = value.get("id").and_then(Value::as_str).map(str::to_owned);
        let listing = match parse_listing(value, self.vocabulary) {
            Ok(listing) => listing,
            Err(field_errors) => {
                self.errors.extend(
                    field_errors
                        .into_iter()
                        .map(|e| problem(id.clone(), &e.field, e.reason())),
                );
                return None;
            }
        };
        if let Some(first) = self.first_record_of.insert(listing.id.to_string(), record) {
            self.errors.push(problem(
                id,
                "id",
                format!("record {first} already has this id; ids must be unique"),
            ));
            return None;
        }
        Some(listing)
    }

    fn finish(self) -> Result<usize> {
        if self.errors.is_empty() {
            Ok(self.records)
        } else {
            Err(Error::Invalid(self.errors))
        }
    }
}

/// Reads one listing from its JSON value: the shape, then every check.
/// Returns the listing or every problem found, each with its field (`(record)`
/// for the whole).
pub fn parse_listing(value: Value, vocabulary: &Vocabulary) -> Result<Listing, Vec<FieldError>> {
    let whole = |reason: String| {
        vec![FieldError {
            field: "(record)".to_owned(),
            problem: Problem::Described(reason),
        }]
    };
    if !value.is_object() {
        return Err(whole(
            "is not a JSON object; each listing is an object {...}".to_owned(),
        ));
    }
    let mut listing: Listing = match serde_path_to_error::deserialize(value) {
        Ok(listing) => listing,
        Err(err) => {
            let path = err.path().to_string();
            let field = if path == "." {
                "(record)".to_owned()
            } else {
                path
            };
            return Err(vec![FieldError {
                field,
                problem: Problem::Described(err.into_inner().to_string()),
            }]);
        }
    };
    listing.check(vocabulary)?;
    Ok(listing)
}

/// Writes `listings` as a JSON array, one listing per element.
pub fn write(listings: &[Listing], out: &mut impl Write) -> Result<()> {
    serde_json::to_writer_pretty(&mut *out, listings).map_err(std::io::Error::from)?;
    out.write_all(b"\n")?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const VALID: &str = r#"{"id":"abc-1","kind":"course","title":"T","summary":"S","topics":["cybercrime"],"languages":["en"],"provider":{"id":"p1","name":"P","type":"academic","country":"TH"},"contact":{"name":"C","email":"c@example.org"}}"#;

    fn invalid(text: &str) -> Vec<RecordError> {
        match read(text, Vocabulary::builtin()) {
            Err(Error::Invalid(errors)) => errors,
            other => panic!("expected invalid records, got {other:?}"),
        }
    }

    #[test]
    fn a_file_that_is_not_utf8_is_refused_as_unreadable_not_as_a_write() {
        let refused = each_listing(&b"{\"id\": \"\xff\"}\n"[..], Vocabulary::builtin(), |_| {
            true
        })
        .unwrap_err();
        assert!(matches!(refused, Error::Read(_)), "{refused:?}");
        assert!(refused.to_string().starts_with("cannot read the file"));
    }

    #[test]
    fn json_lines_and_arrays_read_the_same() {
        let lines = read(VALID, Vocabulary::builtin()).unwrap();
        let array = read(&format!("[{VALID}]"), Vocabulary::builtin()).unwrap();
        assert_eq!(lines, array);
    }

    #[test]
    fn a_bad_line_is_reported_with_its_line_and_the_rest_still_checked() {
        let errors = invalid(&format!(
            "{VALID}\n\n{{oops\n{}",
            VALID.replace("cybercrime", "knitting")
        ));
        assert_eq!(errors.len(), 2);
        assert_eq!((errors[0].record, errors[0].line), (2, Some(3)));
        assert_eq!(errors[1].field, "topics[0]");
        assert_eq!(errors[1].line, Some(4));
    }

    #[test]
    fn unknown_fields_are_refused_by_name() {
        let errors = invalid(&VALID.replace("\"kind\"", "\"colour\":\"red\",\"kind\""));
        assert!(
            errors[0].reason.contains("unknown field `colour`"),
            "{:?}",
            errors[0]
        );
    }

    #[test]
    fn nested_problems_name_their_path() {
        let errors = invalid(&VALID.replace("\"TH\"", "\"ZZ\""));
        assert_eq!(errors[0].field, "provider.country");
    }

    #[test]
    fn a_repeated_id_is_refused() {
        let errors = invalid(&format!("{VALID}\n{VALID}"));
        assert_eq!(errors[0].field, "id");
        assert_eq!(errors[0].record, 2);
    }
}
