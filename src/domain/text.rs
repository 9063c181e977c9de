//! Small checks on free text shared by the listing's parts.

/// Trims `value` and checks that it is non-empty and at most `max` characters
/// long (characters, not bytes: Thai or Khmer text is three bytes a character).
pub(crate) fn bounded(value: &str, max: usize) -> Result<String, String> {
    let trimmed = value.trim();
    if trimmed.is_empty() {
        return Err("must not be empty".to_owned());
    }
    let chars = trimmed.chars().count();
    if chars > max {
        return Err(format!(
            "is {chars} characters long; at most {max} are allowed"
        ));
    }
    Ok(trimmed.to_owned())
}
