//! Sentence segmentation: byte spans of sentences with their paragraph index.

use std::collections::HashSet;

use crate::document::Sentence;
use crate::lexicon;
use crate::Span;

/// Splits text into sentences. Build once, use from many threads.
///
/// ```
/// let seg = sayso::Segmenter::default();
/// let text = "Mr. Smith arrived at 9 a.m. today. He left.";
/// let spans: Vec<&str> = seg.segment(text).iter().map(|s| s.span.as_str(text)).collect();
/// assert_eq!(spans, ["Mr. Smith arrived at 9 a.m. today.", "He left."]);
/// ```
#[derive(Clone, Debug)]
pub struct Segmenter {
    abbreviations: HashSet<String>,
}

impl Default for Segmenter {
    fn default() -> Self {
        Segmenter::new(std::iter::empty::<&str>())
    }
}

impl Segmenter {
    /// A segmenter knowing the shipped abbreviations plus `extra` (with or without final period).
    pub fn new<I, S>(extra: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let mut abbreviations: HashSet<String> = lexicon::entries(lexicon::ABBREVIATIONS)
            .map(str::to_lowercase)
            .collect();
        for a in extra {
            let a = a.as_ref().trim().trim_end_matches('.').to_lowercase();
            if !a.is_empty() {
                abbreviations.insert(a);
            }
        }
        Segmenter { abbreviations }
    }

    /// The sentences of `text`, in order.
    pub fn segment(&self, text: &str) -> Vec<Sentence> {
        let bytes = text.as_bytes();
        let mut out = Vec::new();
        let mut paragraph = 0usize;
        let mut start = 0usize;
        let mut i = 0usize;
        while i < bytes.len() {
            let b = bytes[i];
            if b == b'\n' {
                // A blank line ends the sentence and the paragraph.
                let mut j = i + 1;
                let mut blank = false;
                while j < bytes.len() && bytes[j].is_ascii_whitespace() {
                    if bytes[j] == b'\n' {
                        blank = true;
                    }
                    j += 1;
                }
                if blank {
                    push(text, start, i, paragraph, &mut out);
                    paragraph += 1;
                    start = j;
                }
                i = j;
                continue;
            }
            if matches!(b, b'.' | b'!' | b'?') {
                let mut end = i + 1;
                while end < bytes.len()
                    && matches!(bytes[end], b'.' | b'!' | b'?' | b'"' | b'\'' | b')' | b']')
                {
                    end += 1;
                }
                while let Some(c) = text[end..].chars().next() {
                    if matches!(c, '”' | '’' | '»') {
                        end += c.len_utf8();
                    } else {
                        break;
                    }
                }
                if (end >= bytes.len() || bytes[end].is_ascii_whitespace())
                    && self.is_boundary(text, start, i, end)
                {
                    push(text, start, end, paragraph, &mut out);
                    start = end;
                }
                i = end;
                continue;
            }
            i += 1;
        }
        push(text, start, text.len(), paragraph, &mut out);
        out
    }

    fn is_boundary(&self, text: &str, start: usize, mark: usize, end: usize) -> bool {
        let next = text[end..].trim_start().chars().next();
        if next.is_some_and(|c| {
            c.is_lowercase() || c.is_ascii_digit() && text.as_bytes()[mark] == b'.'
        }) {
            return false;
        }
        if text.as_bytes()[mark] != b'.' {
            return true;
        }
        let word_start = text[start..mark]
            .char_indices()
            .rev()
            .find(|&(_, c)| c.is_whitespace() || c == '(' || c == '"')
            .map_or(start, |(p, c)| start + p + c.len_utf8());
        let word = &text[word_start..mark];
        if word.chars().count() == 1 && word.chars().all(char::is_uppercase) {
            return false; // an initial: J. K. Rowling
        }
        !self.abbreviations.contains(&word.to_lowercase())
    }
}

fn push(text: &str, start: usize, end: usize, paragraph: usize, out: &mut Vec<Sentence>) {
    let piece = &text[start..end];
    let trimmed = piece.trim_start();
    let s = start + (piece.len() - trimmed.len());
    let e = s + trimmed.trim_end().len();
    if e > s {
        out.push(Sentence {
            span: Span::new(s, e),
            paragraph,
        });
    }
}
