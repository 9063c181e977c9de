//! Pieces shared by several pages.

use maud::{Markup, html};

use crate::domain::lifecycle::RevisionState;
use crate::domain::{CountryCode, LanguageTag, Session};
use crate::i18n::{self, t};
use crate::search::Highlighted;
use crate::web::forms::FormErrors;
use crate::web::paths;

/// A text with its matched words in `<mark>`.
pub fn highlighted(text: &Highlighted) -> Markup {
    html! {
        @for (piece, marked) in text.pieces() {
            @if marked { mark { (piece) } } @else { (piece) }
        }
    }
}

/// The `dir` attribute for text in `lang`: `rtl` for right-to-left scripts.
pub fn dir(lang: &LanguageTag) -> Option<&'static str> {
    lang.is_right_to_left().then_some("rtl")
}

/// A session's dates in the reader's language, as `8 – 12 Feb 2027`.
pub fn session_dates(session: &Session) -> String {
    i18n::date_range(session.start.date(), session.end.date())
}

/// The hidden field carrying the session's form token.
pub fn form_token_field(token: &str) -> Markup {
    html! { input type="hidden" name="csrf" value=(token); }
}

/// The list of problems at the top of a form, each linking to its field
/// (read first by screen readers: it takes the focus target `#errors`).
pub fn error_summary(errors: &FormErrors) -> Markup {
    html! {
        @if !errors.is_empty() {
            div.error-summary #errors role="alert" tabindex="-1" {
                h2 { (t!("form-problems", count = errors.0.len())) }
                ul {
                    @for (field, reason) in &errors.0 {
                        li { a href={ "#" (field) } { (reason) } }
                    }
                }
            }
        }
    }
}

/// The problems of one field, shown next to it.
pub fn field_errors(errors: &FormErrors, field: &str) -> Markup {
    html! {
        @if errors.has(field) {
            p.field-error id={ (field) "-error" } {
                @for reason in errors.of(field) { span { (reason) } " " }
            }
        }
    }
}

/// The label, hint and errors around a form control, and the
/// `aria-describedby` that ties the control to the hint and the errors.
fn labelled(
    errors: &FormErrors,
    name: &str,
    label: &str,
    hint: Option<&str>,
    required: bool,
    control: impl FnOnce(Option<&str>) -> Markup,
) -> Markup {
    let hint_id = format!("{name}-hint");
    let described = [hint.map(|_| hint_id.clone()), errors.described_by(name)]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");
    html! {
        div.field.invalid[errors.has(name)] {
            label for=(name) { (label) @if !required { span.optional { " " (t!("form-optional")) } } }
            @if let Some(hint) = hint { p.hint id=(hint_id) { (hint) } }
            (field_errors(errors, name))
            (control((!described.is_empty()).then_some(described.as_str())))
        }
    }
}

/// A labelled one-line text input with its errors.
pub fn text_field(
    errors: &FormErrors,
    name: &str,
    label: &str,
    value: &str,
    kind: &str,
    hint: Option<&str>,
    required: bool,
) -> Markup {
    labelled(errors, name, label, hint, required, |described| {
        html! {
            input type=(kind) id=(name) name=(name) value=(value) required[required]
                aria-invalid=[errors.has(name).then_some("true")]
                aria-describedby=[described];
        }
    })
}

/// A labelled multi-line text input with its errors.
pub fn text_area(
    errors: &FormErrors,
    name: &str,
    label: &str,
    value: &str,
    rows: u32,
    hint: Option<&str>,
    required: bool,
) -> Markup {
    labelled(errors, name, label, hint, required, |described| {
        html! {
            textarea id=(name) name=(name) rows=(rows) required[required]
                aria-invalid=[errors.has(name).then_some("true")]
                aria-describedby=[described] { (value) }
        }
    })
}

/// A labelled choice of one of `options` (value, text), with its errors;
/// an optional one starts with an empty choice.
pub fn select(
    errors: &FormErrors,
    name: &str,
    label: &str,
    options: &[(String, String)],
    chosen: &str,
    required: bool,
) -> Markup {
    labelled(errors, name, label, None, required, |described| {
        html! {
            select id=(name) name=(name) aria-invalid=[errors.has(name).then_some("true")] aria-describedby=[described] {
                @if !required { option value="" { "—" } }
                @for (value, text) in options {
                    option value=(value) selected[value == chosen] { (text) }
                }
            }
        }
    })
}

/// Every country as (code, name in the reader's language), sorted as
/// readers of that language sort, for a `select`.
pub fn country_options() -> Vec<(String, String)> {
    let mut options: Vec<(String, String)> = CountryCode::all()
        .into_iter()
        .map(|c| (c.as_str().to_owned(), super::country_name(c)))
        .collect();
    crate::i18n::sort_by_name(&mut options);
    options
}

/// A notice at the top of a page after something was done.
pub fn notice(text: Option<&str>) -> Markup {
    html! {
        @if let Some(text) = text { p.notice role="status" { (text) } }
    }
}

/// A time as a short UTC date and time, such as `2026-12-02 08:52` (the
/// messages say UTC).
pub fn when(at: &time::OffsetDateTime) -> String {
    const SHORT: &[time::format_description::BorrowedFormatItem<'static>] =
        time::macros::format_description!("[year]-[month]-[day] [hour]:[minute]");
    at.to_offset(time::UtcOffset::UTC)
        .format(SHORT)
        .unwrap_or_default()
}

/// How an open revision is named to its owner.
pub fn revision_label(state: RevisionState) -> String {
    t!(match state {
        RevisionState::Draft => "revision-draft",
        RevisionState::Submitted => "revision-submitted",
        RevisionState::ChangesRequested => "revision-changes-requested",
    })
}

/// Listings already in the catalogue that look like the same training,
/// each linked, with why: shown before a submission and at review. Never a
/// refusal, only a look.
pub fn possible_duplicates(
    duplicates: &[crate::search::Duplicate],
    vocabulary: &crate::domain::Vocabulary,
) -> Markup {
    html! {
        @if !duplicates.is_empty() {
            section.duplicates aria-labelledby="duplicates-heading" {
                h2 #duplicates-heading { (t!("duplicates-heading")) }
                p { (t!("duplicates-explained")) }
                ul { @for duplicate in duplicates { li { (duplicate_link(duplicate, vocabulary)) } } }
            }
        }
    }
}

/// One possible duplicate: its title linked, and why it looks the same.
pub fn duplicate_link(
    duplicate: &crate::search::Duplicate,
    vocabulary: &crate::domain::Vocabulary,
) -> Markup {
    use crate::domain::likeness::Likeness;
    let listing = &duplicate.listing;
    let organisation = listing.provider.name.as_str();
    let why = match &duplicate.likeness {
        Likeness::SameTitle { lang } => t!(
            "duplicates-same-title",
            organisation = organisation,
            language = crate::i18n::language_name(vocabulary, lang.as_str())
        ),
        Likeness::SameText { lang } => t!(
            "duplicates-same-text",
            organisation = organisation,
            language = crate::i18n::language_name(vocabulary, lang.as_str())
        ),
    };
    html! {
        a href=(paths::listing(&listing.id)) lang=(listing.lang.as_str()) { (listing.title) }
        " (" (listing.id) ") — " (why)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_time_is_shown_to_the_minute_in_utc() {
        let at = time::macros::datetime!(2026-12-02 08:52:07.123 UTC);
        assert_eq!(
            crate::store::format_timestamp(at),
            "2026-12-02T08:52:07.123Z"
        );
        assert_eq!(when(&at), "2026-12-02 08:52");
        let in_bangkok = at.to_offset(time::macros::offset!(+7));
        assert_eq!(when(&in_bangkok), "2026-12-02 08:52");
    }
    #[test]
    fn highlighted_text_is_escaped() {
        let text = Highlighted {
            text: "<b>x</b> border".into(),
            marks: vec![std::ops::Range { start: 9, end: 15 }],
        };
        assert_eq!(
            highlighted(&text).into_string(),
            "&lt;b&gt;x&lt;/b&gt; <mark>border</mark>"
        );
    }
}
