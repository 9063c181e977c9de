//! Text analysis for the region's languages.
//!
//! Words are found with ICU4X's word segmenter, which splits scripts written
//! without spaces (Thai, Lao, Khmer, Burmese, Chinese and Japanese, with
//! dictionaries) as well as those with spaces. Every word is
//! put in NFKC form and lower case, so the same word in different encodings
//! or cases is one term. On top of that:
//! - `folded` also folds diacritics to ASCII (`việt` → `viet`), for people
//!   who type without accents;
//! - `english` folds and stems, for English text only;
//! - `grams` indexes overlapping character pairs of the scripts written
//!   without spaces, so that a word is found inside a longer run however the
//!   segmenter cut it (a phrase of pairs is a substring match).
//!
//! Measured facts behind these choices are in the README's search section.

use icu_normalizer::ComposingNormalizerBorrowed;
use icu_segmenter::{WordSegmenter, WordSegmenterBorrowed};
use tantivy::tokenizer::{
    AsciiFoldingFilter, Language, RawTokenizer, Stemmer, TextAnalyzer, Token, TokenStream,
    Tokenizer, TokenizerManager,
};

/// Words in NFKC, lower case, diacritics kept.
pub const WORDS: &str = "catalogue_words";
/// Words with diacritics folded to ASCII.
pub const FOLDED: &str = "catalogue_folded";
/// English words, folded and stemmed.
pub const ENGLISH: &str = "catalogue_english";
/// Character pairs of the scripts written without spaces.
pub const GRAMS: &str = "catalogue_grams";

/// Longest word kept, in bytes; longer runs are noise (or an attack).
const MAX_WORD_BYTES: usize = 120;

/// NFKC then lower case: the form every word is indexed and searched in.
pub fn normalise(text: &str) -> String {
    ComposingNormalizerBorrowed::new_nfkc()
        .normalize(text)
        .to_lowercase()
}

/// Whether a character belongs to a script written without spaces between
/// words (or, for Hangul, with particles glued to words).
pub fn is_unspaced(c: char) -> bool {
    matches!(c as u32,
        0x0E00..=0x0EFF      // Thai, Lao
        | 0x1000..=0x109F    // Myanmar
        | 0x1780..=0x17FF    // Khmer
        | 0x19E0..=0x19FF    // Khmer symbols
        | 0x3040..=0x30FF    // Hiragana, Katakana
        | 0x3400..=0x4DBF    // CJK extension A
        | 0x4E00..=0x9FFF    // CJK unified ideographs
        | 0xAC00..=0xD7AF    // Hangul syllables
        | 0xF900..=0xFAFF    // CJK compatibility ideographs
    )
}

/// Whether a character is a Chinese or Japanese ideograph, kana or a Hangul
/// syllable: scripts where two characters already make a word.
pub fn is_ideographic(c: char) -> bool {
    is_unspaced(c)
        && !matches!(c as u32, 0x0E00..=0x0EFF | 0x1000..=0x109F | 0x1780..=0x17FF | 0x19E0..=0x19FF)
}

/// A token stream over tokens computed up front.
#[derive(Debug)]
pub struct VecTokenStream {
    tokens: Vec<Token>,
    next: usize,
}

impl TokenStream for VecTokenStream {
    fn advance(&mut self) -> bool {
        self.next += 1;
        self.next <= self.tokens.len()
    }

    fn token(&self) -> &Token {
        &self.tokens[self.next - 1]
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.tokens[self.next - 1]
    }
}

/// Splits text into words with ICU4X and normalises each.
#[derive(Clone, Copy)]
pub struct WordTokenizer {
    segmenter: WordSegmenterBorrowed<'static>,
}

impl Default for WordTokenizer {
    fn default() -> Self {
        WordTokenizer {
            segmenter: WordSegmenter::new_dictionary(Default::default()),
        }
    }
}

/// Texts segmented lately on this thread, with their words: the same text
/// reaches the words, folded and English analysers and the field of all
/// text, one after the other as a document is indexed, and segmenting and
/// normalising it is most of the cost of indexing.
const RECENT_TEXTS: usize = 16;

thread_local! {
    static RECENT: std::cell::RefCell<std::collections::VecDeque<(String, Vec<Token>)>> =
        const { std::cell::RefCell::new(std::collections::VecDeque::new()) };
}

impl WordTokenizer {
    /// The words of `text` with their byte offsets, normalised.
    pub fn words(&self, text: &str) -> Vec<Token> {
        let seen = RECENT.with_borrow(|recent| {
            recent
                .iter()
                .find(|(seen, _)| seen == text)
                .map(|(_, tokens)| tokens.clone())
        });
        if let Some(tokens) = seen {
            return tokens;
        }
        let tokens = self.segment(text);
        RECENT.with_borrow_mut(|recent| {
            if recent.len() == RECENT_TEXTS {
                recent.pop_front();
            }
            recent.push_back((text.to_owned(), tokens.clone()));
        });
        tokens
    }

    fn segment(&self, text: &str) -> Vec<Token> {
        let mut tokens = Vec::new();
        let mut start = 0;
        for end in self.segmenter.segment_str(text).skip(1) {
            let segment = &text[start..end];
            // Keep any segment with a letter or digit: ICU marks words that
            // end in a combining mark (common in Sinhala) as not word-like
            // (icu4x issue #8321), so `is_word_like` alone would drop them.
            if segment.chars().any(char::is_alphanumeric) && segment.len() <= MAX_WORD_BYTES {
                tokens.push(Token {
                    offset_from: start,
                    offset_to: end,
                    position: tokens.len(),
                    text: normalise(segment),
                    position_length: 1,
                });
            }
            start = end;
        }
        tokens
    }
}

impl Tokenizer for WordTokenizer {
    type TokenStream<'a> = VecTokenStream;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> VecTokenStream {
        VecTokenStream {
            tokens: self.words(text),
            next: 0,
        }
    }
}

/// Overlapping pairs of characters from runs of the unspaced scripts; a run
/// of one character is its own token. Positions leave a gap between runs so
/// a phrase of pairs never spans two runs.
#[derive(Clone, Copy, Default)]
pub struct GramTokenizer;

impl GramTokenizer {
    /// The pairs of `text`.
    pub fn grams(text: &str) -> Vec<Token> {
        let normalised = normalise(text);
        let chars: Vec<(usize, char)> = normalised.char_indices().collect();
        let mut tokens = Vec::new();
        let mut position = 0;
        let mut i = 0;
        while i < chars.len() {
            if !is_unspaced(chars[i].1) {
                i += 1;
                continue;
            }
            let run_start = i;
            while i < chars.len() && is_unspaced(chars[i].1) {
                i += 1;
            }
            let run = &chars[run_start..i];
            let end_of = |k: usize| chars.get(k).map_or(normalised.len(), |(offset, _)| *offset);
            if run.len() == 1 {
                tokens.push(gram(&normalised, run[0].0, end_of(run_start + 1), position));
                position += 1;
            }
            for (k, (from, _)) in run.iter().enumerate().take(run.len().saturating_sub(1)) {
                tokens.push(gram(
                    &normalised,
                    *from,
                    end_of(run_start + k + 2),
                    position,
                ));
                position += 1;
            }
            position += 2;
        }
        tokens
    }
}

fn gram(text: &str, from: usize, to: usize, position: usize) -> Token {
    Token {
        offset_from: from,
        offset_to: to,
        position,
        text: text[from..to].to_owned(),
        position_length: 1,
    }
}

impl Tokenizer for GramTokenizer {
    type TokenStream<'a> = VecTokenStream;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> VecTokenStream {
        VecTokenStream {
            tokens: Self::grams(text),
            next: 0,
        }
    }
}

/// The words analyser with diacritics folded.
pub fn folded() -> TextAnalyzer {
    TextAnalyzer::builder(WordTokenizer::default())
        .filter(AsciiFoldingFilter)
        .build()
}

/// The English analyser: folded and stemmed.
pub fn english() -> TextAnalyzer {
    TextAnalyzer::builder(WordTokenizer::default())
        .filter(AsciiFoldingFilter)
        .filter(Stemmer::new(Language::English))
        .build()
}

/// Registers the catalogue's analysers with an index.
pub fn register(manager: &TokenizerManager) {
    manager.register(WORDS, TextAnalyzer::from(WordTokenizer::default()));
    manager.register(FOLDED, folded());
    manager.register(ENGLISH, english());
    manager.register(GRAMS, TextAnalyzer::from(GramTokenizer));
}

thread_local! {
    static FOLD: std::cell::RefCell<TextAnalyzer> =
        std::cell::RefCell::new(TextAnalyzer::builder(RawTokenizer::default()).filter(AsciiFoldingFilter).build());
    static STEM: std::cell::RefCell<TextAnalyzer> = std::cell::RefCell::new(
        TextAnalyzer::builder(RawTokenizer::default())
            .filter(AsciiFoldingFilter)
            .filter(Stemmer::new(Language::English))
            .build(),
    );
}

fn whole(analyzer: &std::cell::RefCell<TextAnalyzer>, word: &str) -> String {
    let mut analyzer = analyzer.borrow_mut();
    let mut stream = analyzer.token_stream(word);
    stream.next().map(|t| t.text.clone()).unwrap_or_default()
}

/// A normalised word with its diacritics folded, as the folded fields hold it.
pub fn fold(word: &str) -> String {
    FOLD.with(|analyzer| whole(analyzer, word))
}

/// A normalised word folded and stemmed, as the English fields hold it.
pub fn stem(word: &str) -> String {
    STEM.with(|analyzer| whole(analyzer, word))
}

/// Whether a character ends a word: white space or punctuation, in the
/// scripts of the region (danda, Myanmar and Khmer signs, Thai marks,
/// Arabic punctuation, CJK and full-width punctuation).
pub fn is_separator(c: char) -> bool {
    c.is_whitespace()
        || c.is_ascii_punctuation()
        || matches!(c as u32,
            0x00A0..=0x00BF | 0x2000..=0x206F | 0x3000..=0x303F | 0xFF00..=0xFF0F | 0xFF1A..=0xFF20
            | 0x0964 | 0x0965 | 0x104A | 0x104B | 0x17D4..=0x17D6 | 0x060C | 0x061B | 0x061F | 0x06D4
            | 0x0E2F | 0x0E5A | 0x0E5B)
}

/// Byte ranges of the words of `text`: runs between separators. Cheaper
/// than the segmenter, for marking and finding terms in hits; ASCII, most
/// of the text, is judged byte by byte.
pub fn word_spans(text: &str) -> Vec<std::ops::Range<usize>> {
    let bytes = text.as_bytes();
    let mut spans = Vec::with_capacity(text.len() / 6);
    let mut start = None;
    let mut at = 0;
    while at < bytes.len() {
        let byte = bytes[at];
        let (separator, width) = if byte.is_ascii() {
            (byte.is_ascii_whitespace() || byte.is_ascii_punctuation(), 1)
        } else {
            let c = text[at..].chars().next().expect("at is a char boundary");
            (is_separator(c), c.len_utf8())
        };
        match (start, separator) {
            (None, false) => start = Some(at),
            (Some(from), true) => {
                spans.push(from..at);
                start = None;
            }
            _ => {}
        }
        at += width;
    }
    if let Some(from) = start {
        spans.push(from..text.len());
    }
    spans
}

/// The analysed forms of `text` under `analyzer`.
pub fn terms(analyzer: &mut TextAnalyzer, text: &str) -> Vec<String> {
    let mut stream = analyzer.token_stream(text);
    let mut terms = Vec::new();
    while let Some(token) = stream.next() {
        terms.push(token.text.clone());
    }
    terms
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        WordTokenizer::default()
            .words(text)
            .into_iter()
            .map(|t| t.text)
            .collect()
    }

    #[test]
    fn thai_text_is_split_into_words() {
        let found = words("หลักสูตรการคัดแยกผู้เสียหายจากการค้ามนุษย์");
        assert!(found.len() >= 4, "{found:?}");
        assert!(
            found
                .iter()
                .any(|w| w == "มนุษย์" || w == "การค้ามนุษย์" || w == "ค้า"),
            "{found:?}"
        );
    }

    #[test]
    fn sinhala_words_ending_in_a_combining_mark_are_kept() {
        let found = words("මිනිස් ජාවාරම");
        assert_eq!(found, ["මිනිස්", "ජාවාරම"]);
    }

    #[test]
    fn offsets_point_into_the_original_text() {
        let text = "Cross-border VRS-MSRC";
        for token in WordTokenizer::default().words(text) {
            assert_eq!(
                normalise(&text[token.offset_from..token.offset_to]),
                token.text
            );
        }
        assert_eq!(words(text), ["cross", "border", "vrs", "msrc"]);
    }

    #[test]
    fn folding_lets_vietnamese_be_typed_without_accents() {
        let mut analyzer = folded();
        assert_eq!(
            terms(&mut analyzer, "Việt Nam, biên phòng, đường dây"),
            ["viet", "nam", "bien", "phong", "duong", "day"]
        );
    }

    #[test]
    fn different_encodings_of_a_word_are_one_term() {
        // "Việt" precomposed and decomposed (NFD).
        assert_eq!(words("Vi\u{1EC7}t"), words("Vie\u{0323}\u{0302}t"));
    }

    #[test]
    fn one_word_folds_and_stems_as_the_fields_do() {
        assert_eq!(fold("đường"), "duong");
        assert_eq!(stem("trainers"), terms(&mut english(), "trainer")[0]);
    }

    #[test]
    fn english_words_are_stemmed() {
        let mut analyzer = english();
        assert_eq!(
            terms(&mut analyzer, "trainers"),
            terms(&mut analyzer, "trainer")
        );
        assert_eq!(
            terms(&mut analyzer, "investigating"),
            terms(&mut analyzer, "investigation")
        );
    }

    #[test]
    fn pairs_cover_unspaced_runs_only() {
        let grams: Vec<String> = GramTokenizer::grams("ab 人口贩运 c 中")
            .into_iter()
            .map(|t| t.text)
            .collect();
        assert_eq!(grams, ["人口", "口贩", "贩运", "中"]);
    }
}
