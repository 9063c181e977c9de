//! Small checks on free text shared by the listing's parts.

use super::listing::Problem;

/// Trims `value` and checks that it is non-empty and at most `max` characters
/// long (characters, not bytes: Thai or Khmer text is three bytes a character).
pub(crate) fn bounded(value: &str, max: usize) -> Result<String, Problem> {
    let trimmed = value.trim();
    if trimmed.is_empty() {
        return Err(Problem::Empty);
    }
    let chars = trimmed.chars().count();
    if chars > max {
        return Err(Problem::TooLong { chars, max });
    }
    Ok(trimmed.to_owned())
}
