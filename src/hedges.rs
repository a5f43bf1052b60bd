//! Epistemic hedges: allegedly, reportedly, it is unclear whether ...
//!
//! The hedges are a data file (`src/lexicon/hedges.txt`), matched in one pass with
//! Aho-Corasick, ASCII case-insensitively, on word boundaries.

use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use crate::document::Attribution;
use crate::{lexicon, Span};

/// The shipped hedge lexicon, one entry a line.
pub const HEDGES: &str = include_str!("lexicon/hedges.txt");

/// The hedge patterns, as the matcher takes them.
pub(crate) fn patterns() -> impl Iterator<Item = &'static str> {
    lexicon::entries(HEDGES)
}

fn matcher() -> &'static AhoCorasick {
    static MATCHER: OnceLock<AhoCorasick> = OnceLock::new();
    MATCHER.get_or_init(|| {
        AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .build(patterns())
            .expect("the shipped hedge lexicon builds")
    })
}

/// True when the hedge matched at `text[s..e]` stands on word boundaries.
pub(crate) fn on_word_boundaries(text: &str, s: usize, e: usize) -> bool {
    let before = text[..s].chars().next_back();
    let after = text[e..].chars().next();
    !(before.is_some_and(is_word_char) || after.is_some_and(is_word_char))
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// The hedges of `text`, in order, not overlapping.
///
/// ```
/// let text = "Troops allegedly crossed; it is unclear whether they stayed.";
/// let hedges: Vec<&str> = sayso::hedges::find_hedges(text).iter().map(|h| h.as_str(text)).collect();
/// assert_eq!(hedges, ["allegedly", "it is unclear whether"]);
/// ```
pub fn find_hedges(text: &str) -> Vec<Span> {
    let mut hits: Vec<(usize, usize, usize)> = matcher()
        .find_overlapping_iter(text)
        .map(|m| (m.start(), m.end(), 0))
        .collect();
    crate::cues::pick_words(&mut hits, |s, e, _| {
        on_word_boundaries(text, s, e).then(|| Span::new(s, e))
    })
}

/// Set `hedged` on every attribution whose content holds one of `hedges` (sorted, as
/// `find_hedges` returns them). Each content fragment is one binary search.
///
/// ```
/// use sayso::{Attribution, Span};
/// let text = "He said troops allegedly crossed.";
/// let mut a = vec![Attribution::given(Some(Span::new(0, 2)), Span::new(3, 7), vec![Span::new(8, 33)])];
/// sayso::hedges::flag_hedged(&mut a, &sayso::hedges::find_hedges(text));
/// assert!(a[0].hedged);
/// ```
pub fn flag_hedged(attributions: &mut [Attribution], hedges: &[Span]) {
    for a in attributions.iter_mut() {
        a.hedged = a.content.iter().any(|c| {
            let i = hedges.partition_point(|h| h.start < c.start);
            hedges.get(i).is_some_and(|h| c.contains(h))
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hedges(text: &str) -> Vec<&str> {
        find_hedges(text).iter().map(|h| h.as_str(text)).collect()
    }

    #[test]
    fn words_and_phrases_on_word_boundaries() {
        assert_eq!(hedges("Reportedly, it rained."), ["Reportedly"]);
        assert_eq!(
            hedges("He was unalleged and unreportedly."),
            Vec::<&str>::new()
        );
        assert_eq!(
            hedges("It is not clear whether the claims, unverified, hold."),
            ["It is not clear whether", "unverified"]
        );
        assert_eq!(hedges("It’s unclear whether é"), ["It’s unclear whether"]);
    }

    #[test]
    fn details_remain_unclear_is_not_a_hedge() {
        assert!(hedges("The details remain unclear.").is_empty());
    }

    #[test]
    fn any_text_is_fine() {
        for text in ["", "\u{0}", "é", "allegedly", "x allegedl", "😀allegedly😀"] {
            for h in find_hedges(text) {
                assert!(text.is_char_boundary(h.start) && text.is_char_boundary(h.end));
            }
        }
        assert_eq!(hedges("😀allegedly😀"), ["allegedly"]);
    }
}
