//! The interface's languages (English, Bahasa Indonesia, Thai, Vietnamese,
//! Simplified Chinese, Malay, Khmer, Lao, Burmese), for everything that speaks to people (the
//! site, mail, later exports and the command line), not only the web layer.
//!
//! Every interface string lives in a Fluent message catalogue,
//! `assets/locales/TAG.ftl`, compiled into the binary. Each request
//! chooses its language once (the remembered choice, else `Accept-Language`,
//! else English) and runs inside a task-local scope holding it, so views and
//! error pages ask for a message by id with [`t!`] without every view
//! function taking the language as an argument.

mod format;
mod names;

pub use format::{date, date_range, date_range_in, month, month_in, number, number_in};

pub use names::{
    Localised, audience_name, country_name, language_name, language_short_name, topic_name,
};

use std::future::Future;
use std::sync::LazyLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};
use fluent_langneg::{NegotiationStrategy, accepted_languages, negotiate_languages};
use unic_langid::LanguageIdentifier;

/// The cookie that remembers a visitor's choice of language.
pub const COOKIE: &str = "catalogue_lang";

/// A language of the interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Locale {
    /// English, the default.
    #[default]
    En,
    /// Bahasa Indonesia.
    Id,
    /// Thai.
    Th,
    /// Vietnamese.
    Vi,
    /// Chinese, in simplified characters.
    Zh,
    /// Malay.
    Ms,
    /// Khmer.
    Km,
    /// Lao.
    Lo,
    /// Burmese.
    My,
}

impl Locale {
    /// Every interface language, in the order the switcher offers them.
    pub const ALL: [Locale; 9] = [
        Locale::En,
        Locale::Id,
        Locale::Th,
        Locale::Vi,
        Locale::Zh,
        Locale::Ms,
        Locale::Km,
        Locale::Lo,
        Locale::My,
    ];

    /// The BCP 47 tag, as in `lang` attributes and the cookie.
    pub fn tag(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::Id => "id",
            Locale::Th => "th",
            Locale::Vi => "vi",
            Locale::Zh => "zh",
            Locale::Ms => "ms",
            Locale::Km => "km",
            Locale::Lo => "lo",
            Locale::My => "my",
        }
    }

    /// The language's name in itself, as the switcher shows it.
    pub fn native_name(self) -> &'static str {
        match self {
            Locale::En => "English",
            Locale::Id => "Bahasa Indonesia",
            Locale::Th => "ไทย",
            Locale::Vi => "Tiếng Việt",
            Locale::Zh => "简体中文",
            Locale::Ms => "Bahasa Melayu",
            Locale::Km => "ភាសាខ្មែរ",
            Locale::Lo => "ພາສາລາວ",
            Locale::My => "မြန်မာဘာသာ",
        }
    }

    /// The interface language with this tag.
    pub fn parse(tag: &str) -> Option<Locale> {
        Locale::ALL.into_iter().find(|l| l.tag() == tag)
    }

    /// The Fluent source of this language's catalogue.
    pub fn catalogue(self) -> &'static str {
        match self {
            Locale::En => include_str!("../assets/locales/en.ftl"),
            Locale::Id => include_str!("../assets/locales/id.ftl"),
            Locale::Th => include_str!("../assets/locales/th.ftl"),
            Locale::Vi => include_str!("../assets/locales/vi.ftl"),
            Locale::Zh => include_str!("../assets/locales/zh.ftl"),
            Locale::Ms => include_str!("../assets/locales/ms.ftl"),
            Locale::Km => include_str!("../assets/locales/km.ftl"),
            Locale::Lo => include_str!("../assets/locales/lo.ftl"),
            Locale::My => include_str!("../assets/locales/my.ftl"),
        }
    }

    /// The Fluent source naming the catalogue's vocabulary (topics,
    /// audiences, languages, countries) in this language; English names
    /// are the data's own.
    pub fn vocabulary(self) -> Option<&'static str> {
        VOCABULARIES
            .iter()
            .find(|(tag, _)| *tag == self.tag())
            .map(|(_, source)| *source)
    }
}

/// The vocabulary's names in every language the catalogue has them in
/// (`assets/locales/vocabulary/TAG.ftl`), interface languages or not: search
/// finds a topic, audience, kind, delivery mode or country by its name in
/// any of them.
pub const VOCABULARIES: &[(&str, &str)] = &[
    ("bn", include_str!("../assets/locales/vocabulary/bn.ftl")),
    ("fil", include_str!("../assets/locales/vocabulary/fil.ftl")),
    ("id", include_str!("../assets/locales/vocabulary/id.ftl")),
    ("km", include_str!("../assets/locales/vocabulary/km.ftl")),
    ("ko", include_str!("../assets/locales/vocabulary/ko.ftl")),
    ("lo", include_str!("../assets/locales/vocabulary/lo.ftl")),
    ("ms", include_str!("../assets/locales/vocabulary/ms.ftl")),
    ("my", include_str!("../assets/locales/vocabulary/my.ftl")),
    ("prs", include_str!("../assets/locales/vocabulary/prs.ftl")),
    ("ps", include_str!("../assets/locales/vocabulary/ps.ftl")),
    ("si", include_str!("../assets/locales/vocabulary/si.ftl")),
    ("ta", include_str!("../assets/locales/vocabulary/ta.ftl")),
    ("tet", include_str!("../assets/locales/vocabulary/tet.ftl")),
    ("th", include_str!("../assets/locales/vocabulary/th.ftl")),
    ("ur", include_str!("../assets/locales/vocabulary/ur.ftl")),
    ("vi", include_str!("../assets/locales/vocabulary/vi.ftl")),
    ("zh", include_str!("../assets/locales/vocabulary/zh.ftl")),
];

/// Which of `languages` (tags, in order, repeats allowed) the interface
/// speaks, once each: the languages a listing written in the first and
/// translated into the rest can be read in on the site.
pub fn interface_languages<'a>(languages: impl IntoIterator<Item = &'a str>) -> Vec<Locale> {
    let mut found: Vec<Locale> = Vec::new();
    for locale in languages.into_iter().filter_map(Locale::parse) {
        if !found.contains(&locale) {
            found.push(locale);
        }
    }
    found
}

/// The language for a request: the remembered choice if it is one of ours,
/// else the best match for `Accept-Language`, else English.
pub fn negotiate(remembered: Option<&str>, accept_language: Option<&str>) -> Locale {
    if let Some(locale) = remembered.and_then(Locale::parse) {
        return locale;
    }
    let Some(header) = accept_language else {
        return Locale::default();
    };
    let requested = accepted_languages::parse(header);
    let available: Vec<LanguageIdentifier> = Locale::ALL
        .iter()
        .filter_map(|l| l.tag().parse().ok())
        .collect();
    let default: LanguageIdentifier = Locale::default()
        .tag()
        .parse()
        .expect("a valid language tag");
    negotiate_languages(
        &requested,
        &available,
        Some(&default),
        NegotiationStrategy::Lookup,
    )
    .first()
    .and_then(|chosen| Locale::parse(chosen.language.as_str()))
    .unwrap_or_default()
}

struct Catalogues {
    bundles: Vec<(Locale, FluentBundle<FluentResource>)>,
    vocabularies: Vec<(&'static str, FluentBundle<FluentResource>)>,
}

static CATALOGUES: LazyLock<Catalogues> = LazyLock::new(|| Catalogues {
    bundles: Locale::ALL
        .into_iter()
        .map(|locale| (locale, bundle(locale.tag(), locale.catalogue())))
        .collect(),
    vocabularies: VOCABULARIES
        .iter()
        .map(|(tag, source)| (*tag, bundle(tag, source)))
        .collect(),
});

fn bundle(tag: &str, source: &str) -> FluentBundle<FluentResource> {
    let resource = FluentResource::try_new(source.to_owned())
        .unwrap_or_else(|(_, errors)| panic!("the {tag} catalogue does not parse: {errors:?}"));
    let language: LanguageIdentifier = tag.parse().expect("a valid language tag");
    let mut bundle = FluentBundle::new_concurrent(vec![language]);
    // Isolation marks around arguments would end up inside HTML attributes
    // and e-mail subjects; the pages mark directions themselves.
    bundle.set_use_isolating(false);
    bundle.set_formatter(Some(format::fluent_number));
    bundle
        .add_resource(resource)
        .unwrap_or_else(|errors| panic!("{tag}.ftl repeats messages: {errors:?}"));
    bundle
}

/// What the current request needs to draw its pages.
#[derive(Debug, Clone, Default)]
pub struct RequestLocale {
    /// The interface language.
    pub locale: Locale,
    /// The path and query of the request, so the language switcher can
    /// come back to the same page.
    pub path: String,
}

tokio::task_local! {
    static CURRENT: RequestLocale;
}

/// Runs `future` with `current` as the request's language.
pub async fn scope<F: Future>(current: RequestLocale, future: F) -> F::Output {
    CURRENT.scope(current, future).await
}

/// Runs `f` with messages in `locale`, whatever the request's language.
pub fn in_locale<R>(locale: Locale, f: impl FnOnce() -> R) -> R {
    let current = RequestLocale {
        locale,
        path: request_path(),
    };
    CURRENT.sync_scope(current, f)
}

/// The interface language of the request being answered (English outside
/// a request, as in the command line and the mail sender).
pub fn locale() -> Locale {
    CURRENT.try_with(|c| c.locale).unwrap_or_default()
}

/// The path and query of the request being answered.
pub fn request_path() -> String {
    CURRENT
        .try_with(|c| c.path.clone())
        .unwrap_or_else(|_| "/".to_owned())
}

/// The message `id` in `locale`, falling back to English, then to the id
/// itself (a test checks that every id used exists in every catalogue).
pub fn message_in(locale: Locale, id: &str, args: Option<&FluentArgs<'_>>) -> String {
    let catalogues = &*CATALOGUES;
    let find = |wanted: Locale| {
        catalogues
            .bundles
            .iter()
            .find(|(l, _)| *l == wanted)
            .map(|(_, b)| b)
    };
    for candidate in [locale, Locale::En] {
        let Some(bundle) = find(candidate) else {
            continue;
        };
        if let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) {
            let mut errors = Vec::new();
            return bundle
                .format_pattern(pattern, args, &mut errors)
                .into_owned();
        }
    }
    id.to_owned()
}

/// The name of a vocabulary value (`topic-SLUG`, `audience-SLUG`,
/// `language-TAG`, `country-CODE`) in the request's language, if it has one.
pub fn vocabulary_name(id: &str) -> Option<String> {
    vocabulary_name_in(locale().tag(), id)
}

/// The name of a vocabulary value in the language `tag`, if it has one:
/// from its vocabulary file, or for kinds and delivery modes from its
/// interface catalogue.
pub fn vocabulary_name_in(tag: &str, id: &str) -> Option<String> {
    let in_vocabulary = CATALOGUES
        .vocabularies
        .iter()
        .find(|(t, _)| *t == tag)
        .map(|(_, bundle)| bundle);
    let in_catalogue = CATALOGUES
        .bundles
        .iter()
        .find(|(l, _)| l.tag() == tag)
        .map(|(_, bundle)| bundle);
    [in_vocabulary, in_catalogue]
        .into_iter()
        .flatten()
        .find_map(|bundle| {
            let pattern = bundle.get_message(id)?.value()?;
            let mut errors = Vec::new();
            Some(
                bundle
                    .format_pattern(pattern, None, &mut errors)
                    .into_owned(),
            )
        })
}

/// Sorts `(value, name)` pairs by name as readers of the current language
/// expect, with ICU4X's collation for that language: Thai words sort by
/// their first consonant, not a leading vowel; accents and case are
/// secondary; numbers by their value.
pub fn sort_by_name(items: &mut [(String, String)]) {
    let language: icu_locale_core::Locale = locale()
        .tag()
        .parse()
        .unwrap_or(icu_locale_core::Locale::UNKNOWN);
    let mut prefs = icu_collator::CollatorPreferences::from(&language);
    // Numbers in names sort by value: "Centre 14" before "Centre 140".
    prefs.numeric_ordering = Some(icu_collator::preferences::CollationNumericOrdering::True);
    match icu_collator::Collator::try_new(prefs, icu_collator::options::CollatorOptions::default())
    {
        Ok(collator) => items.sort_by(|a, b| collator.compare(&a.1, &b.1)),
        // Compiled data covers every interface language; should it not,
        // code-point order is still an order.
        Err(_) => items.sort_by(|a, b| a.1.cmp(&b.1)),
    }
}

/// The message `id` in the request's language.
pub fn message(id: &str, args: Option<&FluentArgs<'_>>) -> String {
    message_in(locale(), id, args)
}

/// An interface string by message id, with named arguments:
/// `t!("results-count", count = 12)`.
macro_rules! t {
    ($id:expr) => {
        $crate::i18n::message($id, None)
    };
    ($id:expr, $($name:ident = $value:expr),+ $(,)?) => {{
        let mut args = ::fluent_bundle::FluentArgs::new();
        $( args.set(stringify!($name), $value); )+
        $crate::i18n::message($id, Some(&args))
    }};
}
pub(crate) use t;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_sort_as_readers_of_the_language_expect() {
        /// The values of `(value, name)` pairs, sorted by name in `locale`.
        fn sorted(locale: Locale, pairs: &[(&str, &str)]) -> Vec<String> {
            let mut items: Vec<(String, String)> = pairs
                .iter()
                .map(|(value, name)| ((*value).to_owned(), (*name).to_owned()))
                .collect();
            in_locale(locale, || sort_by_name(&mut items));
            items.into_iter().map(|(value, _)| value).collect()
        }
        // By code point the leading vowel of เกาหลีใต้ would put it last.
        let thai = [("CN", "จีน"), ("KR", "เกาหลีใต้"), ("KH", "กัมพูชา")];
        assert_eq!(sorted(Locale::Th, &thai), ["KH", "KR", "CN"]);
        let vietnamese = [("a", "Việt Nam"), ("b", "Úc"), ("c", "Anh")];
        assert_eq!(sorted(Locale::Vi, &vietnamese), ["c", "b", "a"]);
        let numbered = [
            ("140", "Police Academy 140"),
            ("14", "Police Academy 14"),
            ("2", "Police Academy 2"),
        ];
        assert_eq!(sorted(Locale::En, &numbered), ["2", "14", "140"]);
    }

    #[test]
    fn the_remembered_choice_wins_then_accept_language_then_english() {
        assert_eq!(negotiate(Some("th"), Some("id")), Locale::Th);
        assert_eq!(negotiate(Some("xx"), Some("id-ID,id;q=0.9")), Locale::Id);
        assert_eq!(negotiate(None, Some("th-TH, en;q=0.5")), Locale::Th);
        assert_eq!(negotiate(None, Some("km, th;q=0.8, en;q=0.5")), Locale::Km);
        assert_eq!(negotiate(None, Some("ta, th;q=0.8, en;q=0.5")), Locale::Th);
        assert_eq!(negotiate(None, Some("vi, fr")), Locale::Vi);
        assert_eq!(negotiate(None, Some("fr, de")), Locale::En);
        assert_eq!(negotiate(None, Some("")), Locale::En);
        assert_eq!(negotiate(None, Some(";;q=,,garbage")), Locale::En);
        assert_eq!(negotiate(None, None), Locale::En);
    }

    /// Message ids and the `$arguments` of each message, from Fluent source.
    fn messages(source: &str) -> Vec<(String, Vec<String>)> {
        let mut found: Vec<(String, Vec<String>)> = Vec::new();
        for line in source.lines() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            if !line.starts_with(' ')
                && let Some((id, _)) = line.split_once(" =")
            {
                found.push((id.trim().to_owned(), Vec::new()));
            }
            if let Some((_, arguments)) = found.last_mut() {
                for piece in line.split('$').skip(1) {
                    let name: String = piece
                        .chars()
                        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-')
                        .collect();
                    if !arguments.contains(&name) {
                        arguments.push(name);
                    }
                }
                arguments.sort();
            }
        }
        found
    }

    #[test]
    fn every_catalogue_has_every_message_with_the_same_arguments() {
        let english = messages(Locale::En.catalogue());
        assert!(english.len() > 100, "{} messages", english.len());
        for locale in Locale::ALL.into_iter().skip(1) {
            let other = messages(locale.catalogue());
            for (id, arguments) in &english {
                let Some((_, theirs)) = other.iter().find(|(i, _)| i == id) else {
                    panic!("{}.ftl lacks {id}", locale.tag());
                };
                assert_eq!(arguments, theirs, "{id} in {}.ftl", locale.tag());
            }
            for (id, _) in &other {
                assert!(
                    english.iter().any(|(i, _)| i == id),
                    "{}.ftl has {id}, which en.ftl lacks",
                    locale.tag()
                );
            }
            // Every catalogue parses and builds.
            let _ = bundle(locale.tag(), locale.catalogue());
        }
    }

    /// Every Rust source file under `src/`, by path.
    fn sources() -> Vec<(String, String)> {
        let mut found = Vec::new();
        let mut stack = vec![std::path::PathBuf::from(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/src"
        ))];
        while let Some(path) = stack.pop() {
            if path.is_dir() {
                for entry in std::fs::read_dir(&path).unwrap() {
                    stack.push(entry.unwrap().path());
                }
            } else if path.extension().is_some_and(|e| e == "rs") {
                let code = std::fs::read_to_string(&path).unwrap();
                found.push((path.display().to_string(), code));
            }
        }
        found
    }

    #[test]
    fn every_message_the_code_asks_for_exists() {
        let english = messages(Locale::En.catalogue());
        let mut missing = Vec::new();
        for (path, code) in sources() {
            for (at, _) in code.match_indices("t!(\"") {
                // Not the end of another macro's name, such as `format!`.
                if code[..at]
                    .chars()
                    .next_back()
                    .is_some_and(|c| c.is_alphanumeric() || c == '_')
                {
                    continue;
                }
                let id = code[at + 4..].split('"').next().unwrap();
                if !english.iter().any(|(i, _)| i == id) {
                    missing.push(format!("{id} ({path})"));
                }
            }
        }
        assert!(
            missing.is_empty(),
            "messages missing from en.ftl: {missing:?}"
        );
    }

    /// Ids chosen in a `match` or passed on before reaching `t!`, found by
    /// the prefixes such ids use.
    #[test]
    fn every_message_id_written_elsewhere_exists() {
        let english = messages(Locale::En.catalogue());
        let prefixes = [
            "audit-",
            "revision-",
            "problem-",
            "admin-",
            "listing-form-",
            "refusal-",
            "mail-",
            "settings-",
            "confirm-link-",
        ];
        let mut missing = Vec::new();
        for (name, code) in sources() {
            for literal in code.split('"').skip(1).step_by(2) {
                let looks_like_id = prefixes.iter().any(|p| literal.starts_with(p))
                    && !literal.ends_with('-')
                    && literal
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
                if looks_like_id && !english.iter().any(|(i, _)| i == literal) {
                    missing.push(format!("{literal} ({name})"));
                }
            }
        }
        assert!(
            missing.is_empty(),
            "messages missing from en.ftl: {missing:?}"
        );
    }

    #[test]
    fn messages_take_arguments_and_fall_back_to_english() {
        let mut args = FluentArgs::new();
        args.set("count", 12);
        assert_eq!(
            message_in(Locale::En, "results-count", Some(&args)),
            "12 results"
        );
        args.set("count", 1);
        assert_eq!(
            message_in(Locale::En, "results-count", Some(&args)),
            "1 result"
        );
        args.set("count", 12345);
        assert_eq!(
            message_in(Locale::En, "results-count", Some(&args)),
            "12,345 results"
        );
        assert!(
            message_in(Locale::My, "results-count", Some(&args)).contains("၁၂,၃၄၅"),
            "numbers in messages are written in the reader's digits"
        );
        assert_eq!(
            message_in(Locale::Th, "no-such-message", None),
            "no-such-message"
        );
        assert_eq!(locale(), Locale::En);
    }
}
