//! How alike two listings' texts are, to flag possible duplicates: the same
//! course listed twice, under another id or by another organisation, in the
//! same language or through a translation.
//!
//! Texts are compared as sets of character trigrams (Dice's coefficient)
//! after folding case, punctuation and spacing: it needs no word breaks, so
//! Thai, Khmer, Lao, Burmese and Chinese compare as well as English, and a
//! changed year or a typo lowers the score only a little.

use std::collections::HashSet;

use super::{LanguageTag, Listing, ListingId, ProviderId};

/// How alike two titles of one organisation's listings must be to flag.
pub const SAME_TITLE: f64 = 0.9;
/// Titles of one organisation this alike flag when their summaries are
/// alike too ([`SAME_OWNER_TEXT`]): "Interviewing victims" and
/// "Interviewing child victims" are two guides, but the same title with a
/// run number and the same summary is one course.
pub const NEAR_TITLE: f64 = 0.8;
/// See [`NEAR_TITLE`].
pub const SAME_OWNER_TEXT: f64 = 0.6;
/// How alike two listings' title and summary must be to flag, whoever
/// lists them.
pub const SAME_TEXT: f64 = 0.8;

/// Why two listings look like the same training.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Likeness {
    /// One organisation's, with nearly the same title in `lang`.
    SameTitle {
        /// The language the titles are in.
        lang: LanguageTag,
    },
    /// Nearly the same title and summary in `lang`.
    SameText {
        /// The language the texts are in.
        lang: LanguageTag,
    },
}

/// Text folded for comparison: lower case, punctuation and runs of spaces
/// as one space.
fn folded(text: &str) -> Vec<char> {
    let mut out: Vec<char> = Vec::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        let blank = c.is_whitespace() || c.is_ascii_punctuation() || is_wide_punctuation(c);
        if blank {
            if out.last().is_some_and(|&last| last != ' ') {
                out.push(' ');
            }
        } else {
            out.push(c);
        }
    }
    while out.last() == Some(&' ') {
        out.pop();
    }
    out
}

fn is_wide_punctuation(c: char) -> bool {
    matches!(
        c,
        '\u{2010}'..='\u{2027}' | '\u{3000}'..='\u{303F}' | '\u{FF01}'..='\u{FF0F}' | '\u{FF1A}'..='\u{FF20}' | '\u{0E2F}' | '\u{0E5A}' | '\u{0E5B}' | '\u{104A}' | '\u{104B}' | '\u{17D4}'..='\u{17DA}'
    )
}

fn trigrams(text: &str) -> Trigrams {
    let chars = folded(text);
    if chars.len() < 3 {
        let mut padded = [' '; 3];
        padded[..chars.len()].copy_from_slice(&chars);
        return HashSet::from([padded]);
    }
    chars.windows(3).map(|w| [w[0], w[1], w[2]]).collect()
}

type Trigrams = HashSet<[char; 3]>;

/// Dice's coefficient of two trigram sets.
fn dice(a: &Trigrams, b: &Trigrams) -> f64 {
    let shared = a.intersection(b).count();
    (2 * shared) as f64 / (a.len() + b.len()) as f64
}

/// How alike two texts are, from 0 (nothing shared) to 1 (the same once
/// folded).
pub fn similarity(a: &str, b: &str) -> f64 {
    dice(&trigrams(a), &trigrams(b))
}

/// A listing's texts as trigram sets, in each language it reads in (its
/// own and its translations'): made once, compared with many candidates.
#[derive(Debug, Clone)]
pub struct Fingerprint {
    id: ListingId,
    owner: ProviderId,
    /// Per language: the title's trigrams, and the title and summary's.
    texts: Vec<(LanguageTag, Trigrams, Trigrams)>,
}

impl Fingerprint {
    /// The fingerprint of `listing`.
    pub fn of(listing: &Listing) -> Fingerprint {
        let own = (&listing.lang, &listing.title, &listing.summary);
        let translated = listing
            .translations
            .iter()
            .map(|(tag, t)| (tag, &t.title, &t.summary));
        Fingerprint {
            id: listing.id.clone(),
            owner: listing.provider.id.clone(),
            texts: std::iter::once(own)
                .chain(translated)
                .map(|(lang, title, summary)| {
                    (
                        lang.clone(),
                        trigrams(title),
                        trigrams(&format!("{title}\n{summary}")),
                    )
                })
                .collect(),
        }
    }

    /// Whether the listing of `other` (another listing) looks like the same
    /// training as this one's, and why.
    pub fn likeness(&self, other: &Fingerprint) -> Option<Likeness> {
        if self.id == other.id {
            return None;
        }
        let same_owner = self.owner == other.owner;
        for (lang, title, whole) in &self.texts {
            for (other_lang, other_title, other_whole) in &other.texts {
                if lang != other_lang {
                    continue;
                }
                let titles = dice(title, other_title);
                let wholes = dice(whole, other_whole);
                let same_title =
                    titles >= SAME_TITLE || (titles >= NEAR_TITLE && wholes >= SAME_OWNER_TEXT);
                if same_owner && same_title {
                    return Some(Likeness::SameTitle { lang: lang.clone() });
                }
                if wholes >= SAME_TEXT {
                    return Some(Likeness::SameText { lang: lang.clone() });
                }
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_ignores_case_punctuation_and_spacing() {
        assert_eq!(
            similarity(
                "Document Examination – Level 1",
                "document examination level 1"
            ),
            1.0
        );
    }

    #[test]
    fn a_changed_year_is_still_near_and_another_course_is_not() {
        let a = "Travel document examination for frontline officers 2027";
        assert!(
            similarity(a, "Travel document examination for frontline officers 2028") > SAME_TITLE
        );
        assert!(similarity(a, "Financial investigation of trafficking networks") < 0.3);
    }

    #[test]
    fn unspaced_scripts_compare_without_word_breaks() {
        let a = "การตรวจสอบเอกสารการเดินทางสำหรับเจ้าหน้าที่ด่านหน้า";
        assert!(similarity(a, "การตรวจสอบเอกสารการเดินทางสำหรับเจ้าหน้าที่ด่านหน้า ๒๕๗๐") > SAME_TITLE);
        assert!(similarity(a, "การสืบสวนทางการเงินของเครือข่ายค้ามนุษย์") < 0.3);
    }
}
