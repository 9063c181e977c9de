//! Dates and numbers as readers of each interface language write them,
//! through ICU4X's compiled CLDR data: Thai dates in the Buddhist era from
//! the Thai calendar, each language's own order of day, month and year,
//! Burmese digits, grouping separators.

use std::fmt;
use std::sync::LazyLock;

use fluent_bundle::FluentValue;
use fluent_bundle::memoizer::MemoizerKind;
use icu_datetime::DateTimeFormatter;
use icu_datetime::fieldsets::{D, MD, YM, YMD};
use icu_datetime::input::Date;
use icu_decimal::DecimalFormatter;
use icu_decimal::input::Decimal;
use writeable::{Part, PartsWrite, Writeable};

use super::Locale;

/// The ICU4X locale whose conventions an interface language's pages follow.
/// English is the region's working language rather than any one country's:
/// CLDR's "world English" writes `8 Feb 2027`, not `Feb 8, 2027`.
fn icu_locale(locale: Locale) -> icu_locale_core::Locale {
    let tag = match locale {
        Locale::En => "en-001",
        other => other.tag(),
    };
    tag.parse().unwrap_or(icu_locale_core::Locale::UNKNOWN)
}

/// The three date shapes a range is written with, in one language.
struct DateFormats {
    full: DateTimeFormatter<YMD>,
    month_day: DateTimeFormatter<MD>,
    day: DateTimeFormatter<D>,
    /// A month of a year, written out: `February 2027`.
    month: DateTimeFormatter<YM>,
    /// Whether the language writes the year before the day (Chinese,
    /// Burmese), so a range shares its year and month on the left.
    year_first: bool,
}

impl DateFormats {
    fn new(locale: Locale) -> Option<DateFormats> {
        let language = icu_locale(locale);
        let full = DateTimeFormatter::try_new((&language).into(), YMD::medium()).ok()?;
        let year_first = {
            let mut order = FieldOrder::default();
            let sample = Date::try_new_iso(2027, 2, 8).ok()?;
            full.format(&sample).write_to_parts(&mut order).ok()?;
            order.year_first()
        };
        Some(DateFormats {
            month_day: DateTimeFormatter::try_new((&language).into(), MD::medium()).ok()?,
            day: DateTimeFormatter::try_new((&language).into(), D::medium()).ok()?,
            month: DateTimeFormatter::try_new((&language).into(), YM::long()).ok()?,
            full,
            year_first,
        })
    }
}

/// Records in which order a formatted date writes its fields.
#[derive(Default)]
struct FieldOrder(Vec<Part>);

impl FieldOrder {
    fn year_first(&self) -> bool {
        let position = |part| self.0.iter().position(|p| *p == part);
        match (
            position(icu_datetime::parts::YEAR),
            position(icu_datetime::parts::DAY),
        ) {
            (Some(year), Some(day)) => year < day,
            _ => false,
        }
    }
}

impl fmt::Write for FieldOrder {
    fn write_str(&mut self, _: &str) -> fmt::Result {
        Ok(())
    }
}

impl PartsWrite for FieldOrder {
    type SubPartsWrite = FieldOrder;

    fn with_part(
        &mut self,
        part: Part,
        mut f: impl FnMut(&mut FieldOrder) -> fmt::Result,
    ) -> fmt::Result {
        self.0.push(part);
        f(self)
    }
}

static DATE_FORMATS: LazyLock<Vec<(Locale, Option<DateFormats>)>> = LazyLock::new(|| {
    Locale::ALL
        .into_iter()
        .map(|locale| (locale, DateFormats::new(locale)))
        .collect()
});

fn date_formats(locale: Locale) -> Option<&'static DateFormats> {
    DATE_FORMATS
        .iter()
        .find(|(l, _)| *l == locale)
        .and_then(|(_, formats)| formats.as_ref())
}

fn icu_date(day: time::Date) -> Option<Date<icu_calendar::Iso>> {
    Date::try_new_iso(day.year(), u8::from(day.month()), day.day()).ok()
}

/// The days from `start` to `end` as readers of `locale` write them, sharing
/// what both ends have in common: `8–12 Feb 2027` reads `8 – 12 ก.พ. 2570`
/// in Thai and `2027年2月8日 – 12日` in Chinese.
pub fn date_range_in(locale: Locale, start: time::Date, end: time::Date) -> String {
    let (Some(formats), Some(first), Some(last)) =
        (date_formats(locale), icu_date(start), icu_date(end))
    else {
        // Compiled data covers every interface language and every date the
        // listing rules accept; should either fail, ISO dates still read.
        return if start == end {
            start.to_string()
        } else {
            format!("{start} – {end}")
        };
    };
    let full = |d: &Date<icu_calendar::Iso>| formats.full.format(d).to_string();
    if start == end {
        return full(&first);
    }
    let same_year = start.year() == end.year();
    let same_month = same_year && start.month() == end.month();
    let shortened = |d: &Date<icu_calendar::Iso>| {
        if same_month {
            formats.day.format(d).to_string()
        } else if same_year {
            formats.month_day.format(d).to_string()
        } else {
            full(d)
        }
    };
    if formats.year_first {
        format!("{} – {}", full(&first), shortened(&last))
    } else {
        format!("{} – {}", shortened(&first), full(&last))
    }
}

/// The month `day` falls in, with its year, as readers of `locale` write
/// it: `February 2027`, `กุมภาพันธ์ 2570`, `2027年2月`.
pub fn month_in(locale: Locale, day: time::Date) -> String {
    match (date_formats(locale), icu_date(day)) {
        (Some(formats), Some(date)) => formats.month.format(&date).to_string(),
        _ => format!("{:04}-{:02}", day.year(), u8::from(day.month())),
    }
}

/// The month `day` falls in, in the request's language.
pub fn month(day: time::Date) -> String {
    month_in(super::locale(), day)
}

/// One day in the request's language, as `30 Sep 2026`.
pub fn date(day: time::Date) -> String {
    date_range(day, day)
}

/// The days from `start` to `end` in the request's language.
pub fn date_range(start: time::Date, end: time::Date) -> String {
    date_range_in(super::locale(), start, end)
}

/// A count as readers of `locale` write it (`12,345`; Burmese digits in
/// Burmese).
pub fn number_in(locale: Locale, n: impl Into<Decimal> + ToString + Copy) -> String {
    static NUMBER_FORMATS: LazyLock<Vec<(Locale, NumberFormat)>> = LazyLock::new(|| {
        Locale::ALL
            .into_iter()
            .map(|locale| (locale, NumberFormat::new(&icu_locale(locale))))
            .collect()
    });
    match NUMBER_FORMATS.iter().find(|(l, _)| *l == locale) {
        Some((_, format)) => format.format(n),
        None => n.to_string(),
    }
}

/// A count in the request's language.
pub fn number(n: impl Into<Decimal> + ToString + Copy) -> String {
    number_in(super::locale(), n)
}

/// A decimal formatter, kept by Fluent's per-bundle memoizer so numbers in
/// messages are formatted like numbers on pages.
struct NumberFormat(Option<DecimalFormatter>);

impl NumberFormat {
    fn new(language: &icu_locale_core::Locale) -> NumberFormat {
        NumberFormat(DecimalFormatter::try_new(language.into(), Default::default()).ok())
    }

    fn format(&self, n: impl Into<Decimal> + ToString + Copy) -> String {
        match &self.0 {
            Some(formatter) => formatter.format(&n.into()).write_to_string().into_owned(),
            None => n.to_string(),
        }
    }
}

impl intl_memoizer::Memoizable for NumberFormat {
    type Args = ();
    type Error = std::convert::Infallible;

    fn construct(
        language: unic_langid::LanguageIdentifier,
        _: (),
    ) -> Result<NumberFormat, Self::Error> {
        let language: icu_locale_core::Locale = language
            .to_string()
            .parse()
            .unwrap_or(icu_locale_core::Locale::UNKNOWN);
        Ok(NumberFormat::new(&language))
    }
}

/// Fluent's hook for formatting values: whole numbers (every number the
/// messages take is a count) go through ICU4X; anything else keeps Fluent's
/// own formatting.
pub(super) fn fluent_number<M: MemoizerKind>(
    value: &FluentValue<'_>,
    memoizer: &M,
) -> Option<String> {
    let FluentValue::Number(number) = value else {
        return None;
    };
    let whole = number.value.fract() == 0.0 && (0.0..=u64::MAX as f64).contains(&number.value);
    if !whole || number.options.minimum_fraction_digits.is_some() {
        return None;
    }
    // Counts are far below 2^53, where f64 holds every integer exactly.
    let count = number.value as u64;
    memoizer
        .with_try_get_threadsafe::<NumberFormat, _, _>((), |format| format.format(count))
        .ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn date_ranges_share_what_both_ends_have() {
        let cases = [
            (
                date!(2027 - 02 - 08),
                date!(2027 - 02 - 12),
                "8 – 12 Feb 2027",
            ),
            (
                date!(2027 - 01 - 30),
                date!(2027 - 02 - 02),
                "30 Jan – 2 Feb 2027",
            ),
            (date!(2027 - 03 - 01), date!(2027 - 03 - 01), "1 Mar 2027"),
            (
                date!(2026 - 12 - 30),
                date!(2027 - 01 - 02),
                "30 Dec 2026 – 2 Jan 2027",
            ),
        ];
        for (start, end, expected) in cases {
            assert_eq!(date_range_in(Locale::En, start, end), expected);
        }
    }

    #[test]
    fn months_are_written_out_in_each_language() {
        let day = date!(2027 - 02 - 08);
        assert_eq!(month_in(Locale::En, day), "February 2027");
        assert_eq!(month_in(Locale::Th, day), "กุมภาพันธ์ 2570");
        assert_eq!(month_in(Locale::Zh, day), "2027年2月");
        for locale in Locale::ALL {
            assert!(!month_in(locale, day).contains("2027-02"), "{locale:?}");
        }
    }

    #[test]
    fn thai_dates_count_years_in_the_buddhist_era() {
        let (start, end) = (date!(2027 - 02 - 08), date!(2027 - 02 - 12));
        assert_eq!(date_range_in(Locale::Th, start, end), "8 – 12 ก.พ. 2570");
        assert_eq!(
            date_range_in(Locale::Th, date!(2026 - 12 - 30), date!(2027 - 01 - 02)),
            "30 ธ.ค. 2569 – 2 ม.ค. 2570"
        );
    }

    #[test]
    fn year_first_languages_keep_their_order() {
        let (start, end) = (date!(2027 - 02 - 08), date!(2027 - 02 - 12));
        assert_eq!(date_range_in(Locale::Zh, start, end), "2027年2月8日 – 12日");
        assert_eq!(
            date_range_in(Locale::Zh, start, date!(2027 - 03 - 01)),
            "2027年2月8日 – 3月1日"
        );
        let burmese = date_range_in(Locale::My, start, end);
        assert!(burmese.starts_with("၂၀၂၇"), "{burmese}");
        assert_eq!(date_range_in(Locale::Vi, start, end), "8 – 12 thg 2, 2027");
    }

    #[test]
    fn numbers_are_grouped_and_in_the_readers_digits() {
        assert_eq!(number_in(Locale::En, 12345), "12,345");
        assert_eq!(number_in(Locale::Id, 12345), "12.345");
        assert_eq!(number_in(Locale::My, 12345), "၁၂,၃၄၅");
        assert_eq!(number_in(Locale::Th, 7), "7");
    }
}
