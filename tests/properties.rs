//! Property tests: the invariants of `tests/support/invariants.rs` on generated news-like text
//! (quotes, abbreviations, cues, unicode, line breaks) and on arbitrary strings.

mod support;

use proptest::prelude::*;
use sayso::{Analyzer, Sentence};
use support::invariants::{check_analysis, check_sentences};

/// Pieces news text is made of, and the odd things scraped text holds.
const PIECES: &[&str] = &[
    // abbreviations, initials, numbers, ellipses
    "Mr.",
    "Dr.",
    "Mrs.",
    "U.S.",
    "U.K.",
    "e.g.",
    "i.e.",
    "a.m.",
    "p.m.",
    "No.",
    "St.",
    "Jan.",
    "Inc.",
    "etc.",
    "J.",
    "K.",
    "3.5",
    "1,000",
    "2024.",
    "...",
    "…",
    "..", // cues
    "said",
    "says",
    "told",
    "added",
    "according to",
    "in the words of",
    "claimed",
    "that",
    "he",
    "she",
    "they",
    "the spokesman",
    "officials",
    "Minister",
    "President", // quotes
    "\"",
    "'",
    "“",
    "”",
    "‘",
    "’",
    "«",
    "»",
    "„",
    "‹",
    "›",
    "''",
    "``", // punctuation
    ".",
    "!",
    "?",
    "?!",
    ",",
    ":",
    ";",
    "—",
    "–",
    "-",
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    "/",
    "*",
    "#",
    "http://example.com/a.b?c=d.",
    "a@b.co", // unicode
    "é",
    "e\u{301}",
    "ñ",
    "😀",
    "👩\u{200d}👩\u{200d}👧",
    "中文。",
    "日本語！",
    "שלום.",
    "مرحبا.",
    "\u{200f}",
    "\u{202e}",
    "\u{200d}",
    "\u{200b}",
    "\u{feff}",
    "\u{fffd}",
    "Ωμέγα.",
    "\u{0}",
    "\u{1}",
    "\u{1f}",
    "\u{7f}",
    "\u{85}", // whitespace and line breaks
    " ",
    "  ",
    "\t",
    "\n",
    "\n\n",
    "\n \n",
    "\r\n",
    "\r\n\r\n",
    "\r",
    "\r\r",
    "\u{a0}",
    "\u{2028}",
    "\u{2029}",
    "\u{3000}",
    "\u{b}",
    "\u{c}",
];

/// One piece: a lexicon entry, a word, a capitalised word, or any char at all.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        6 => prop::sample::select(PIECES).prop_map(str::to_owned),
        4 => "[a-z]{1,9}",
        3 => "[A-Z][a-z]{1,9}",
        1 => any::<char>().prop_map(String::from),
    ]
}

/// News-like text: pieces, mostly separated by a space.
fn news_text() -> impl Strategy<Value = String> {
    prop::collection::vec((piece(), prop::bool::weighted(0.7)), 0..80).prop_map(|parts| {
        let mut text = String::new();
        for (p, space) in parts {
            text.push_str(&p);
            if space {
                text.push(' ');
            }
        }
        text
    })
}

/// True when `gap` holds a blank line: a line break, then only spaces, tabs or CRs, then
/// another line break.
fn has_blank_line(gap: &str) -> bool {
    gap.match_indices('\n').any(|(i, _)| {
        gap[i + 1..]
            .chars()
            .take_while(|c| matches!(c, ' ' | '\t' | '\r' | '\n'))
            .any(|c| c == '\n')
    })
}

/// Line breaks of any convention in `gap`.
fn line_breaks(gap: &str) -> usize {
    gap.replace("\r\n", "\n")
        .chars()
        .filter(|c| {
            matches!(
                c,
                '\n' | '\r' | '\u{85}' | '\u{2028}' | '\u{2029}' | '\u{b}' | '\u{c}'
            )
        })
        .count()
}

fn check_paragraphs(text: &str, sentences: &[Sentence]) -> Result<(), TestCaseError> {
    for (i, s) in sentences.iter().enumerate() {
        prop_assert!(
            !has_blank_line(s.span.as_str(text)),
            "sentence {i} {:?} runs over a blank line",
            s.span
        );
    }
    for (i, w) in sentences.windows(2).enumerate() {
        let gap = &text[w[0].span.end..w[1].span.start];
        if has_blank_line(gap) {
            prop_assert!(
                w[1].paragraph > w[0].paragraph,
                "a blank line between sentences {i} and {} but one paragraph",
                i + 1
            );
        } else if line_breaks(gap) < 2 {
            prop_assert_eq!(
                w[1].paragraph,
                w[0].paragraph,
                "sentences {} and {} are in different paragraphs without a blank line between",
                i,
                i + 1
            );
        }
    }
    Ok(())
}

fn analyzer() -> &'static Analyzer {
    static A: std::sync::OnceLock<Analyzer> = std::sync::OnceLock::new();
    A.get_or_init(Analyzer::default)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn segment_holds_the_invariants_on_news_like_text(text in news_text()) {
        let sentences = sayso::segment(&text);
        check_sentences(&text, &sentences).map_err(TestCaseError::fail)?;
        check_paragraphs(&text, &sentences)?;
    }

    #[test]
    fn segment_holds_the_invariants_on_any_string(text in any::<String>()) {
        let sentences = sayso::segment(&text);
        check_sentences(&text, &sentences).map_err(TestCaseError::fail)?;
    }

    #[test]
    fn analyze_holds_the_invariants_on_news_like_text(text in news_text()) {
        let analysis = analyzer().analyze(&text);
        check_analysis(&text, &analysis).map_err(TestCaseError::fail)?;
        prop_assert_eq!(&analysis.sentences, &sayso::segment(&text));
        prop_assert_eq!(&analysis, &analyzer().analyze(&text), "two runs differ");
    }

    #[test]
    fn analyze_holds_the_invariants_on_any_string(text in any::<String>()) {
        let analysis = analyzer().analyze(&text);
        check_analysis(&text, &analysis).map_err(TestCaseError::fail)?;
    }

    #[test]
    fn a_configured_analyzer_holds_the_invariants(
        text in news_text(),
        extra in prop::collection::vec("[A-Za-z.]{1,6}", 0..4),
    ) {
        let analyzer = Analyzer::new(sayso::Config {
            abbreviations: extra,
            ..sayso::Config::default()
        })
        .unwrap();
        let analysis = analyzer.analyze(&text);
        check_analysis(&text, &analysis).map_err(TestCaseError::fail)?;
    }
}

/// Regression cases the fuzzers and properties found, kept as plain tests.
#[test]
fn regressions() {
    for text in [
        // A multi-byte space before a period: the abbreviation look-back cut a char in half.
        "?\u{a0}.",
        "Mr.\u{3000}Smith. Next.\u{2028}one. Then\u{a0}etc. Done.",
        // A leading blank line.
        "\n\nb\n",
        // An ellipsis char, then spaced dots: the cut landed inside the "…" (fuzzer).
        "\u{fffd}\u{2026}... . J",
        "a\u{2026}... . The end.",
    ] {
        let analysis = analyzer().analyze(text);
        check_analysis(text, &analysis).unwrap_or_else(|e| panic!("{e} in {text:?}"));
    }
}
