//! Tokens: words, numbers and single punctuation marks, each a byte range into the text.
//!
//! Whitespace is not a token; [`Token::gap_before`] says whether any preceded the token, and
//! [`Token::line_break_before`] whether a line break did. Words keep inner apostrophes and
//! hyphens (`Lavrov’s`, `Son-hui`, `don't`) and inner periods between letters (`U.S`).
//!
//! ```
//! let text = "Lavrov’s aide said: “No.”";
//! let words: Vec<&str> = sayso::lex::tokenize(text, 0, text.len())
//!     .iter()
//!     .map(|t| t.span.as_str(text))
//!     .collect();
//! assert_eq!(words, ["Lavrov’s", "aide", "said", ":", "“", "No", ".", "”"]);
//! ```

use crate::Span;

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters (and digits) with inner apostrophes, hyphens or periods.
    Word,
    /// Starts with a digit.
    Number,
    /// Any other single character.
    Punct,
}

/// One token.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    /// Where it is.
    pub span: Span,
    /// Word, number or punctuation.
    pub kind: TokenKind,
    /// True when whitespace precedes it.
    pub gap_before: bool,
    /// True when a line break precedes it.
    pub line_break_before: bool,
}

/// The token lowercased, borrowed when it already is (most words are).
pub fn lower<'a>(text: &'a str, t: &Token) -> std::borrow::Cow<'a, str> {
    let s = t.as_str(text);
    if s.bytes().any(|b| b.is_ascii_uppercase() || b >= 0x80) {
        std::borrow::Cow::Owned(s.to_lowercase())
    } else {
        std::borrow::Cow::Borrowed(s)
    }
}

impl Token {
    /// The token's text.
    pub fn as_str<'a>(&self, text: &'a str) -> &'a str {
        self.span.as_str(text)
    }

    /// True for a word starting with an uppercase letter.
    pub fn is_capitalized(&self, text: &str) -> bool {
        self.kind == TokenKind::Word
            && self
                .as_str(text)
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
    }

    /// True for a word of lowercase letters first.
    pub fn is_lowercase_word(&self, text: &str) -> bool {
        self.kind == TokenKind::Word
            && self
                .as_str(text)
                .chars()
                .next()
                .is_some_and(char::is_lowercase)
    }

    /// True when the token is the single character `c`.
    pub fn is(&self, text: &str, c: char) -> bool {
        self.kind == TokenKind::Punct && self.as_str(text).starts_with(c)
    }
}

/// `c.is_alphanumeric()`, with no Unicode table lookup for ASCII or for the General
/// Punctuation block (U+2000–U+206F: curly quotes, dashes, ellipsis), which holds no letter
/// or digit.
#[inline]
pub(crate) fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else if ('\u{2000}'..='\u{206F}').contains(&c) {
        false
    } else {
        c.is_alphanumeric()
    }
}

fn is_joiner(c: char) -> bool {
    matches!(c, '\'' | '’' | '-' | '‐' | '.' | '&')
}

/// A fixed word list with a hashed membership test, for lists too long to scan word by word
/// for every token. Built on first use: `static L: LazyLock<WordSet> = LazyLock::new(|| ...)`.
pub(crate) struct WordSet(
    std::collections::HashSet<
        &'static str,
        std::hash::BuildHasherDefault<crate::entities::FxHasher>,
    >,
);

/// The days of the week, lowercase: time words for several stages' word lists.
pub(crate) const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

impl WordSet {
    /// The set of `words` (as written: matching is exact).
    pub(crate) fn new(words: &[&'static str]) -> Self {
        WordSet(words.iter().copied().collect())
    }

    /// The set of the words of every list in `lists`.
    pub(crate) fn from_lists(lists: &[&[&'static str]]) -> Self {
        WordSet(lists.iter().flat_map(|l| l.iter().copied()).collect())
    }

    /// True when `word` is one of the words, as `<[&str]>::contains` says for the list.
    pub(crate) fn contains(&self, word: &&str) -> bool {
        self.0.contains(*word)
    }
}

/// The char at byte `i` of `s` (a char boundary), decoded without a slice for ASCII.
#[inline]
pub(crate) fn char_at(s: &str, i: usize) -> Option<char> {
    let b = *s.as_bytes().get(i)?;
    if b < 0x80 {
        Some(b as char)
    } else {
        s[i..].chars().next()
    }
}

/// The tokens of `text[start..end]` (byte offsets on char boundaries), in order.
pub fn tokenize(text: &str, start: usize, end: usize) -> Vec<Token> {
    let mut out = Vec::with_capacity((end - start) / 5 + 1);
    let piece = &text[start..end];
    let bytes = piece.as_bytes();
    let mut i = 0usize;
    let mut gap = false;
    let mut line_break = false;
    while i < bytes.len() {
        let b = bytes[i];
        let (c, w) = if b < 0x80 {
            (b as char, 1)
        } else {
            let c = piece[i..].chars().next().unwrap_or('\u{fffd}');
            (c, c.len_utf8())
        };
        if c.is_whitespace() {
            gap = true;
            if c == '\n' || c == '\r' {
                line_break = true;
            }
            i += w;
            continue;
        }
        let tok_start = i;
        let kind;
        if is_word_char(c) {
            kind = if c.is_ascii_digit() {
                TokenKind::Number
            } else {
                TokenKind::Word
            };
            i += w;
            loop {
                // ASCII letters and digits, the bulk of every word, byte by byte.
                while i < bytes.len() && bytes[i].is_ascii_alphanumeric() {
                    i += 1;
                }
                let Some(c) = char_at(piece, i) else { break };
                if is_word_char(c) {
                    i += c.len_utf8();
                    continue;
                }
                // A joiner stays inside the word when a word character follows it
                // (digits may also join with ',' as in 10,000).
                if is_joiner(c) || (c == ',' && kind == TokenKind::Number) {
                    let after = i + c.len_utf8();
                    if char_at(piece, after).is_some_and(is_word_char) {
                        if c == ',' && !bytes[after].is_ascii_digit() {
                            break;
                        }
                        i = after;
                        continue;
                    }
                }
                break;
            }
        } else {
            kind = TokenKind::Punct;
            i += w;
        }
        out.push(Token {
            span: Span::new(start + tok_start, start + i),
            kind,
            gap_before: gap,
            line_break_before: line_break,
        });
        gap = false;
        line_break = false;
    }
    out
}
