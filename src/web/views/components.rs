//! Pieces shared by several pages.

use maud::{Markup, html};

use crate::domain::{LanguageTag, Session};
use crate::search::Highlighted;

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

/// A session's dates, as `8–12 Feb 2027`.
pub fn session_dates(session: &Session) -> String {
    let (start, end) = (session.start.date(), session.end.date());
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let month = |d: time::Date| MONTHS[usize::from(u8::from(d.month())) - 1];
    if start == end {
        format!("{} {} {}", start.day(), month(start), start.year())
    } else if (start.year(), start.month()) == (end.year(), end.month()) {
        format!(
            "{}–{} {} {}",
            start.day(),
            end.day(),
            month(end),
            end.year()
        )
    } else if start.year() == end.year() {
        format!(
            "{} {} – {} {} {}",
            start.day(),
            month(start),
            end.day(),
            month(end),
            end.year()
        )
    } else {
        format!(
            "{} {} {} – {} {} {}",
            start.day(),
            month(start),
            start.year(),
            end.day(),
            month(end),
            end.year()
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Day;

    fn session(start: &str, end: &str) -> Session {
        Session {
            start: Day::parse(start).unwrap(),
            end: Day::parse(end).unwrap(),
        }
    }

    #[test]
    fn session_dates_read_naturally() {
        assert_eq!(
            session_dates(&session("2027-02-08", "2027-02-12")),
            "8–12 Feb 2027"
        );
        assert_eq!(
            session_dates(&session("2027-01-30", "2027-02-02")),
            "30 Jan – 2 Feb 2027"
        );
        assert_eq!(
            session_dates(&session("2027-03-01", "2027-03-01")),
            "1 Mar 2027"
        );
        assert_eq!(
            session_dates(&session("2026-12-30", "2027-01-02")),
            "30 Dec 2026 – 2 Jan 2027"
        );
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
