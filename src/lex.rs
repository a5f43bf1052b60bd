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

use crate::{swar, Span};

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
pub fn lower<'a>(text: &'a str, t: &Token) -> Lower<'a> {
    let s = t.as_str(text);
    let bytes = s.as_bytes();
    if !bytes.is_ascii() {
        Lower(Repr::Owned(s.to_lowercase()))
    } else if !bytes.iter().any(u8::is_ascii_uppercase) {
        Lower(Repr::Borrowed(s))
    } else if bytes.len() <= INLINE {
        // ASCII: lowercased byte by byte, the same length, no allocation.
        let mut buf = [0u8; INLINE];
        buf[..bytes.len()].copy_from_slice(bytes);
        buf[..bytes.len()].make_ascii_lowercase();
        Lower(Repr::Inline(bytes.len() as u8, buf))
    } else {
        Lower(Repr::Owned(s.to_ascii_lowercase()))
    }
}

/// How long a lowercased ASCII word [`Lower`] holds without allocating.
const INLINE: usize = 22;

/// A lowercased token ([`lower`]): borrowed from the text when it is lowercase already,
/// held inline when it is a short ASCII word (the capitalised words of every sentence: no
/// allocation), owned otherwise. Reads as a `&str`. Only [`lower`] and `Default` make one,
/// so the inline bytes are always ASCII.
#[derive(Clone)]
pub struct Lower<'a>(Repr<'a>);

#[derive(Clone)]
enum Repr<'a> {
    /// The token itself, already lowercase.
    Borrowed(&'a str),
    /// A short ASCII word lowercased: its length and bytes.
    Inline(u8, [u8; INLINE]),
    /// Any other word lowercased.
    Owned(String),
}

impl std::ops::Deref for Lower<'_> {
    type Target = str;

    #[inline]
    fn deref(&self) -> &str {
        match &self.0 {
            Repr::Borrowed(s) => s,
            // Only ever ASCII bytes (see `lower`), so valid UTF-8.
            // SAFETY: only `lower` makes an inline buffer (the variant is private), with ASCII
            // bytes alone.
            Repr::Inline(n, buf) => unsafe {
                std::str::from_utf8_unchecked(&buf[..usize::from(*n)])
            },
            Repr::Owned(s) => s,
        }
    }
}

impl AsRef<str> for Lower<'_> {
    #[inline]
    fn as_ref(&self) -> &str {
        self
    }
}

impl Default for Lower<'_> {
    fn default() -> Self {
        Lower(Repr::Borrowed(""))
    }
}

impl PartialEq<str> for Lower<'_> {
    fn eq(&self, other: &str) -> bool {
        **self == *other
    }
}

impl PartialEq<&str> for Lower<'_> {
    fn eq(&self, other: &&str) -> bool {
        **self == **other
    }
}

impl std::fmt::Debug for Lower<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        (**self).fmt(f)
    }
}

/// The tokens of one sentence with each one's lowercase form, made once when the sentence
/// is tokenized, so that the rules asking about a word read it instead of lowercasing the
/// token again. Reads as the slice of its tokens; [`Tokens::lower`] gives token `i`
/// lowercased, as [`lower`] would. One value serves sentence after sentence
/// ([`Tokens::fill`]), its buffers reused.
///
/// ```
/// let text = "Lavrov’s AIDE said: “No.”";
/// let mut t = sayso::lex::Tokens::default();
/// t.fill(text, 0, text.len());
/// assert_eq!(t.len(), 8);
/// assert_eq!((t.lower(0), t.lower(1), t.lower(5)), ("lavrov’s", "aide", "no"));
/// ```
#[derive(Clone, Debug, Default)]
pub struct Tokens {
    toks: Vec<Token>,
    /// Where the sentence starts in its text.
    base: usize,
    /// The sentence's text (UTF-8) with every ASCII letter lowercased, and each token beyond
    /// ASCII whose lowercase form has its length written over it: token `i`'s lowercase form
    /// sits where the token sits in the sentence. After them, [`KEY_BYTES`] zeros, so that a
    /// word's class key is read from here with one load ([`word_key`]).
    lower: Vec<u8>,
    /// Each token's word classes ([`WordClasses`]) once asked for, with `generation` in the
    /// bits above [`CLASS_BITS`]: an entry of another generation (an earlier sentence's, or
    /// 0) is not looked up yet. Longer than the tokens when an earlier sentence was.
    classes: Vec<std::cell::Cell<u64>>,
    /// This sentence's generation of `classes`, in the bits above [`CLASS_BITS`] (never 0
    /// once filled): a new sentence takes the next one instead of writing every entry.
    generation: u64,
    /// Empty unless a token's lowercase form differs from it in length (`İ`): then each
    /// token's lowercase form as a byte range in `lower`, those forms appended to it.
    low: Vec<(usize, usize)>,
}

impl std::ops::Deref for Tokens {
    type Target = [Token];

    #[inline]
    fn deref(&self) -> &[Token] {
        &self.toks
    }
}

impl Tokens {
    /// The tokens of `text[start..end]` (byte offsets on char boundaries) with their
    /// lowercase forms.
    pub fn new(text: &str, start: usize, end: usize) -> Self {
        let mut t = Tokens::default();
        t.fill(text, start, end);
        t
    }

    /// Tokenize `text[start..end]` into this table, replacing what it held.
    pub fn fill(&mut self, text: &str, start: usize, end: usize) {
        // The text with its ASCII capitals lowered (ASCII letters lowercase as themselves in
        // any word) first: the copy tells the tokenizer whether the sentence is ASCII.
        let beyond = lower_ascii_into(text.as_bytes(), start, end, &mut self.lower);
        tokenize_known(text, start, end, !beyond, &mut self.toks);
        let piece = &text[start..end];
        self.base = start;
        // (a loop writing every token's entry afresh exited at a length no predictor learns)
        self.generation = self.generation.wrapping_add(1 << CLASS_BITS);
        if self.generation == 0 {
            // (after 2^16 sentences: no entry may be taken for one of this generation)
            self.classes.iter().for_each(|c| c.set(0));
            self.generation = 1 << CLASS_BITS;
        }
        if self.classes.len() < self.toks.len() {
            self.classes
                .resize(self.toks.len(), std::cell::Cell::new(0));
        }
        let bytes = piece.as_bytes();
        self.low.clear();
        if !beyond {
            // (`lower` ends in its zeros)
            return;
        }
        self.lower.truncate(bytes.len());
        // Then the chars beyond ASCII that lowercasing changes (few: most are quotation
        // marks and dashes), each token holding one lowercased whole (`ΟΔΟΣ`: final sigma).
        let mut i = 0usize;
        while let Some(at) = next_beyond_ascii(bytes, i) {
            let c = piece[at..].chars().next().unwrap_or('\u{fffd}');
            i = at + c.len_utf8();
            if c.to_lowercase().eq(std::iter::once(c)) {
                continue;
            }
            // The token holding the char (every char that has a lowercase form is a word's
            // or a punctuation token's).
            let k = self.toks.partition_point(|t| t.span.end <= start + at);
            let Some(t) = self.toks.get(k).filter(|t| t.span.start <= start + at) else {
                continue;
            };
            let (s, e) = (t.span.start - start, t.span.end - start);
            i = e;
            let l = piece[s..e].to_lowercase();
            if l.len() == e - s {
                self.lower[s..e].copy_from_slice(l.as_bytes());
                continue;
            }
            // A form of another length: from the first, every token's range, this one's
            // appended.
            if self.low.is_empty() {
                self.low.extend(
                    self.toks
                        .iter()
                        .map(|t| (t.span.start - start, t.span.end - start)),
                );
            }
            self.low[k] = (self.lower.len(), self.lower.len() + l.len());
            self.lower.extend_from_slice(l.as_bytes());
        }
        self.lower.extend_from_slice(&[0; KEY_BYTES]);
    }

    /// How many tokens the table holds room for.
    pub fn capacity(&self) -> usize {
        self.toks.capacity()
    }

    /// Token `i` lowercased ([`lower`]); panics when there is no token `i`.
    #[inline]
    pub fn lower(&self, i: usize) -> &str {
        let (s, e) = self.lower_range(i);
        let bytes = &self.lower[s..e];
        debug_assert!(std::str::from_utf8(bytes).is_ok());
        // SAFETY: `bytes` is UTF-8. `lower` is a copy of the sentence's text (UTF-8) in which
        // `fill` changed only ASCII capitals into ASCII lowercase letters and wrote whole
        // tokens' lowercase forms (UTF-8, of the same length) over whole tokens, then
        // appended whole lowercase forms; `s..e` is a token's range (its ends are char
        // boundaries of the text, so of the copy) or an appended form's.
        unsafe { std::str::from_utf8_unchecked(bytes) }
    }

    /// The classes in `table` of token `i`'s lowercase form, looked up the first time they
    /// are asked for and kept for the sentence: every list a rule asks about is one bit,
    /// and all of them one probe. A table of tokens is asked with one `table` only (each
    /// stage has its own static one). Panics when there is no token `i`.
    #[inline]
    pub(crate) fn class(
        &self,
        i: usize,
        table: &impl std::ops::Deref<Target = WordClasses>,
    ) -> u64 {
        // (of this generation exactly when the bits above the classes are all 0)
        let c = self.classes[i].get() ^ self.generation;
        if c < 1 << CLASS_BITS {
            return c;
        }
        self.look_up(i, table)
    }

    /// Where token `i`'s lowercase form lies in `lower`.
    #[inline]
    fn lower_range(&self, i: usize) -> (usize, usize) {
        if self.low.is_empty() {
            let t = &self.toks[i].span;
            (t.start - self.base, t.end - self.base)
        } else {
            self.low[i]
        }
    }

    /// [`Tokens::class`] the first time: the probe, kept.
    #[inline(never)]
    fn look_up(&self, i: usize, table: &impl std::ops::Deref<Target = WordClasses>) -> u64 {
        let (s, e) = self.lower_range(i);
        // (`lower` ends in `KEY_BYTES` zeros: the key's bytes are read from there at most)
        let c = match self.lower.get(s..s + KEY_BYTES) {
            Some(padded) if (1..=KEY_BYTES).contains(&(e - s)) => table.of_padded(padded, e - s),
            _ => table.of(self.lower(i)),
        };
        self.classes[i].set(c | self.generation);
        c
    }

    /// Token `i` lowercased when it is a word, else None.
    #[inline]
    pub fn word(&self, i: usize) -> Option<&str> {
        self.toks
            .get(i)
            .filter(|t| t.kind == TokenKind::Word)
            .map(|_| self.lower(i))
    }
}

impl Token {
    /// The token's text.
    pub fn as_str<'a>(&self, text: &'a str) -> &'a str {
        self.span.as_str(text)
    }

    /// True for a word starting with an uppercase letter.
    #[inline]
    pub fn is_capitalized(&self, text: &str) -> bool {
        if self.kind != TokenKind::Word {
            return false;
        }
        match text.as_bytes().get(self.span.start) {
            // (an ASCII first letter read as a byte)
            Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
            _ => self
                .as_str(text)
                .chars()
                .next()
                .is_some_and(char::is_uppercase),
        }
    }

    /// True for a word of lowercase letters first.
    #[inline]
    pub fn is_lowercase_word(&self, text: &str) -> bool {
        if self.kind != TokenKind::Word {
            return false;
        }
        match text.as_bytes().get(self.span.start) {
            Some(b) if b.is_ascii() => b.is_ascii_lowercase(),
            _ => self
                .as_str(text)
                .chars()
                .next()
                .is_some_and(char::is_lowercase),
        }
    }

    /// True when the token is the single character `c`.
    #[inline]
    pub fn is(&self, text: &str, c: char) -> bool {
        if self.kind != TokenKind::Punct {
            return false;
        }
        if c.is_ascii() {
            // (a punctuation token is one char: its first byte tells an ASCII one)
            return text.as_bytes().get(self.span.start) == Some(&(c as u8));
        }
        self.as_str(text).starts_with(c)
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
///
/// Most words asked about are in no list: a 4096-bit filter on the word's length and three
/// of its bytes turns nearly all of those away with one load, before any hashing.
pub(crate) struct WordSet {
    filter: Box<[u64; FILTER_WORDS]>,
    set: std::collections::HashSet<
        &'static str,
        std::hash::BuildHasherDefault<crate::entities::FxHasher>,
    >,
}

/// The filter's size in `u64`s (4096 bits).
const FILTER_WORDS: usize = 64;

/// The filter bit of `word`: its length, first, middle and last bytes, mixed.
#[inline]
fn filter_bit(word: &[u8]) -> usize {
    let n = word.len();
    let (first, mid, last) = match n {
        0 => (0, 0, 0),
        _ => (word[0], word[n / 2], word[n - 1]),
    };
    let x =
        (n as u32 & 0xff) | u32::from(first) << 8 | u32::from(mid) << 16 | u32::from(last) << 24;
    (x.wrapping_mul(0x9e37_79b1) >> 20) as usize
}

/// A set of owned strings (lexicon entries read at run time) with [`WordSet`]'s filter in
/// front of the hashed look-up.
#[derive(Clone, Debug)]
pub(crate) struct StringSet {
    filter: Box<[u64; FILTER_WORDS]>,
    set:
        std::collections::HashSet<String, std::hash::BuildHasherDefault<crate::entities::FxHasher>>,
}

impl Default for StringSet {
    fn default() -> Self {
        StringSet {
            filter: Box::new([0u64; FILTER_WORDS]),
            set: Default::default(),
        }
    }
}

impl StringSet {
    /// Add `word`.
    pub(crate) fn insert(&mut self, word: String) {
        let bit = filter_bit(word.as_bytes());
        self.filter[bit / 64] |= 1 << (bit % 64);
        self.set.insert(word);
    }

    /// True when `word` is in the set.
    #[inline]
    pub(crate) fn contains(&self, word: &str) -> bool {
        let bit = filter_bit(word.as_bytes());
        self.filter[bit / 64] & (1 << (bit % 64)) != 0 && self.set.contains(word)
    }
}

impl FromIterator<String> for StringSet {
    fn from_iter<I: IntoIterator<Item = String>>(words: I) -> Self {
        let mut set = StringSet::default();
        for w in words {
            set.insert(w);
        }
        set
    }
}

/// How many bits classes may take: [`Tokens`] keeps a generation above them.
const CLASS_BITS: u32 = 48;

/// Word classes: each of up to 48 word lists is a bit, and the bits of every list holding a
/// word come from one probe ([`WordClasses::of`]): an open-addressing table keyed by the
/// word's length and bytes read as two integers (words of up to 16 bytes; longer ones, rare
/// in lists and in text, are looked up in a map).
pub(crate) struct WordClasses {
    /// A power of two of slots, at least twice the words held.
    slots: Box<[Slot]>,
    long: std::collections::HashMap<
        &'static str,
        u64,
        std::hash::BuildHasherDefault<crate::entities::FxHasher>,
    >,
}

/// One word of [`WordClasses`]: its key ([`word_key`]) and classes; `len == 0` when empty.
#[derive(Clone, Copy, Default)]
struct Slot {
    a: u64,
    b: u64,
    len: u64,
    bits: u64,
}

/// The longest word [`WordClasses`] keys by its bytes (longer ones go to its map), and how
/// many bytes [`Tokens`] keeps after its lowercase text for reading a key there.
const KEY_BYTES: usize = 16;

/// A word of 1 to 16 bytes, the first `n` bytes of `padded` (16 bytes: the word and what
/// follows it), as two integers that, with its length, determine it: its bytes, zeros after
/// them. One load and one mask, with no branch on the length (whose three ways, by the
/// word's length, mispredicted about one probe in four).
#[inline]
fn word_key(padded: &[u8], n: usize) -> (u64, u64) {
    debug_assert!((1..=KEY_BYTES).contains(&n) && padded.len() >= KEY_BYTES);
    /// For each length, the masks of a word's bytes in the two integers.
    static MASKS: [(u64, u64); KEY_BYTES + 1] = {
        let mut m = [(0u64, 0u64); KEY_BYTES + 1];
        let mut n = 1;
        while n <= KEY_BYTES {
            let bits = u128::MAX >> (128 - 8 * n);
            m[n] = (bits as u64, (bits >> 64) as u64);
            n += 1;
        }
        m
    };
    let (lo, hi) = MASKS[n];
    (
        swar::load(&padded[..8]) & lo,
        swar::load(&padded[8..16]) & hi,
    )
}

/// [`word_key`] of a word of 1 to 16 bytes alone.
fn word_key_of(w: &[u8]) -> (u64, u64) {
    let mut padded = [0u8; KEY_BYTES];
    padded[..w.len()].copy_from_slice(w);
    word_key(&padded, w.len())
}

/// The slot a key starts probing from, in a table of `mask + 1` slots.
#[inline]
fn slot_of(a: u64, b: u64, n: usize, mask: usize) -> usize {
    let x = (a ^ b.rotate_left(29) ^ n as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    (x >> 40) as usize & mask
}

impl WordClasses {
    /// The classes of `lists`: each a bit (below bit 48) and its words, matched exactly.
    pub(crate) fn new(lists: &[(u64, &[&'static str])]) -> Self {
        let words: usize = lists.iter().map(|l| l.1.len()).sum();
        let size = (2 * words).next_power_of_two().max(16);
        let mask = size - 1;
        let mut t = WordClasses {
            slots: vec![Slot::default(); size].into_boxed_slice(),
            long: Default::default(),
        };
        for &(bit, words) in lists {
            assert!(
                bit != 0 && bit < 1 << CLASS_BITS,
                "a class is a bit below {CLASS_BITS}"
            );
            for &w in words {
                let n = w.len();
                if n == 0 || n > 16 {
                    *t.long.entry(w).or_insert(0) |= bit;
                    continue;
                }
                let (a, b) = word_key_of(w.as_bytes());
                let mut s = slot_of(a, b, n, mask);
                loop {
                    let slot = &mut t.slots[s];
                    if slot.len == 0 {
                        *slot = Slot {
                            a,
                            b,
                            len: n as u64,
                            bits: bit,
                        };
                        break;
                    }
                    if (slot.a, slot.b, slot.len) == (a, b, n as u64) {
                        slot.bits |= bit;
                        break;
                    }
                    s = (s + 1) & mask;
                }
            }
        }
        t
    }

    /// The bits of every class holding `word`; 0 for a word in none.
    pub(crate) fn of(&self, word: &str) -> u64 {
        let n = word.len();
        if n == 0 || n > KEY_BYTES {
            return self.long.get(word).copied().unwrap_or(0);
        }
        let mut padded = [0u8; KEY_BYTES];
        padded[..n].copy_from_slice(word.as_bytes());
        self.of_padded(&padded, n)
    }

    /// [`WordClasses::of`] the word of 1 to 16 bytes that is the first `n` bytes of `padded`
    /// (at least 16 bytes).
    #[inline]
    pub(crate) fn of_padded(&self, padded: &[u8], n: usize) -> u64 {
        let (a, b) = word_key(padded, n);
        let mask = self.slots.len() - 1;
        let mut s = slot_of(a, b, n, mask);
        loop {
            let slot = &self.slots[s];
            // Either end of the probe, an empty slot (whose bits are 0) or the word's, is
            // one test and one branch, taken on nearly every first slot (the table is at most
            // half full): whether a word is listed is no pattern a predictor learns.
            let differs = (slot.a ^ a) | (slot.b ^ b) | (slot.len ^ n as u64);
            if differs.min(slot.len) == 0 {
                return slot.bits;
            }
            s = (s + 1) & mask;
        }
    }
}

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
        Self::from_lists(&[words])
    }

    /// The set of the words of every list in `lists`.
    pub(crate) fn from_lists(lists: &[&[&'static str]]) -> Self {
        let set: std::collections::HashSet<_, _> =
            lists.iter().flat_map(|l| l.iter().copied()).collect();
        let mut filter = Box::new([0u64; FILTER_WORDS]);
        for w in &set {
            let bit = filter_bit(w.as_bytes());
            filter[bit / 64] |= 1 << (bit % 64);
        }
        WordSet { filter, set }
    }

    /// True when `word` is one of the words, as `<[&str]>::contains` says for the list.
    #[inline]
    pub(crate) fn contains(&self, word: &&str) -> bool {
        let bit = filter_bit(word.as_bytes());
        self.filter[bit / 64] & (1 << (bit % 64)) != 0 && self.set.contains(*word)
    }
}

/// `text[start..end]` with its ASCII capitals lowercased into `out` (emptied first), then
/// [`KEY_BYTES`] zeros; true when a byte is beyond ASCII. Sixteen bytes a step with SSE2,
/// the last step's bytes past `end` zeroed: no loop over the last bytes one by one (whose
/// exit, at a length no predictor learns, mispredicted about twice a sentence), and no copy
/// before.
#[cfg(target_arch = "x86_64")]
fn lower_ascii_into(text: &[u8], start: usize, end: usize, out: &mut Vec<u8>) -> bool {
    use std::arch::x86_64::{
        __m128i, _mm_add_epi8, _mm_and_si128, _mm_cmplt_epi8, _mm_loadu_si128, _mm_movemask_epi8,
        _mm_or_si128, _mm_set1_epi8, _mm_setzero_si128, _mm_storeu_si128,
    };
    /// 16 bytes kept and 16 zeroed: the 16 bytes at `16 - n` keep the first `n` bytes.
    static KEEP: [u8; 32] = {
        let mut k = [0u8; 32];
        let mut i = 0;
        while i < 16 {
            k[i] = 0xFF;
            i += 1;
        }
        k
    };
    assert!(start <= end && end <= text.len());
    let n = end - start;
    let (full, rest) = (n / 16, n % 16);
    out.clear();
    // (the steps over the piece, the last one masked, then one of zeros: at least
    // `KEY_BYTES` zeros past the piece)
    out.reserve(16 * (full + 1) + KEY_BYTES);
    let dst = out.as_mut_ptr();
    // SAFETY: the loads read `text[start + 16 * k..][..16]` for `k < full` (inside
    // `text[start..end]`), `text[at..at + 16]` only when `at + 16 <= text.len()`, `last` (16
    // bytes) and `KEEP[16 - rest..][..16]` (`rest` is 1 to 15); the stores write 16 bytes at
    // `16 * k` for `k <= full + 1`, inside the `16 * (full + 1) + 16` bytes reserved; the
    // length set covers `n + KEY_BYTES` of the bytes written (the piece's lowercased, zeros
    // after it).
    unsafe {
        // `A` to `Z`: `x - 'A'` below 26 (unsigned) as a signed compare
        let lowered = |x: __m128i| {
            let capital = _mm_cmplt_epi8(
                _mm_add_epi8(x, _mm_set1_epi8(0x80u8.wrapping_sub(b'A') as i8)),
                _mm_set1_epi8(i8::MIN + 26),
            );
            _mm_or_si128(x, _mm_and_si128(capital, _mm_set1_epi8(0x20)))
        };
        let src = text.as_ptr().add(start);
        let mut any = _mm_setzero_si128();
        for k in 0..full {
            let x = _mm_loadu_si128(src.add(16 * k).cast::<__m128i>());
            any = _mm_or_si128(any, x);
            _mm_storeu_si128(dst.add(16 * k).cast::<__m128i>(), lowered(x));
        }
        let mut steps = full;
        if rest > 0 {
            let at = start + 16 * full;
            let x = if at + 16 <= text.len() {
                _mm_loadu_si128(text.as_ptr().add(at).cast::<__m128i>())
            } else {
                // (the text's last bytes: behind zeros)
                let mut last = [0u8; 16];
                last[..rest].copy_from_slice(&text[at..end]);
                _mm_loadu_si128(last.as_ptr().cast::<__m128i>())
            };
            let x = _mm_and_si128(
                x,
                _mm_loadu_si128(KEEP.as_ptr().add(16 - rest).cast::<__m128i>()),
            );
            any = _mm_or_si128(any, x);
            _mm_storeu_si128(dst.add(16 * full).cast::<__m128i>(), lowered(x));
            steps += 1;
        }
        _mm_storeu_si128(dst.add(16 * steps).cast::<__m128i>(), _mm_setzero_si128());
        out.set_len(n + KEY_BYTES);
        _mm_movemask_epi8(any) != 0
    }
}

/// [`lower_ascii_into`] on other targets: a copy lowercased byte by byte.
#[cfg(not(target_arch = "x86_64"))]
fn lower_ascii_into(text: &[u8], start: usize, end: usize, out: &mut Vec<u8>) -> bool {
    out.clear();
    out.extend_from_slice(&text[start..end]);
    let mut any = 0u8;
    for b in out.iter_mut() {
        any |= *b;
        b.make_ascii_lowercase();
    }
    out.extend_from_slice(&[0; KEY_BYTES]);
    any >= 0x80
}

/// Where the first byte beyond ASCII at or after `i` is in `bytes`: eight bytes at a time,
/// the last few as part of the last eight.
#[inline]
fn next_beyond_ascii(bytes: &[u8], mut i: usize) -> Option<usize> {
    let n = bytes.len();
    while let Some(chunk) = bytes.get(i..i + 8) {
        let high = swar::load(chunk) & swar::HIGH;
        if high != 0 {
            return Some(i + (high.trailing_zeros() / 8) as usize);
        }
        i += 8;
    }
    if i >= n {
        return None;
    }
    if n >= 8 {
        // (1 to 7 bytes left: the last eight bytes, those before `i` masked off)
        let before = 8 - (n - i);
        let high = swar::load(&bytes[n - 8..]) & swar::HIGH & (!0u64 << (8 * before));
        return (high != 0).then(|| n - 8 + (high.trailing_zeros() / 8) as usize);
    }
    bytes[i..].iter().position(|&b| b >= 0x80).map(|p| i + p)
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

/// Byte classes for [`tokenize`]: flags of each byte value (bytes of 0x80 and above have
/// none; their chars are decoded and classed one by one).
const SPACE: u8 = 1;
/// `\n` and `\r`.
const BREAK: u8 = 2;
/// ASCII letters and digits.
const ALNUM: u8 = 4;
/// ASCII digits.
const DIGIT: u8 = 8;
/// The ASCII joiners of [`is_joiner`].
const JOIN: u8 = 16;
/// `,`, which joins digits (`10,000`).
const COMMA: u8 = 32;

/// The class of every byte value: one table load per byte instead of a chain of compares.
static CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0usize;
    while b < 128 {
        let c = b as u8;
        t[b] = if c.is_ascii_digit() {
            ALNUM | DIGIT
        } else if c.is_ascii_alphabetic() {
            ALNUM
        } else if c == b'\n' || c == b'\r' {
            SPACE | BREAK
        } else if c == b' ' || (c >= 0x09 && c <= 0x0d) {
            // `char::is_whitespace` for ASCII: U+0009–U+000D and the space.
            SPACE
        } else if c == b'\'' || c == b'-' || c == b'.' || c == b'&' {
            JOIN
        } else if c == b',' {
            COMMA
        } else {
            0
        };
        b += 1;
    }
    t
};

/// The tokens of `text[start..end]` (byte offsets on char boundaries), in order.
pub fn tokenize(text: &str, start: usize, end: usize) -> Vec<Token> {
    let mut out = Vec::new();
    tokenize_into(text, start, end, &mut out);
    out
}

/// [`tokenize`] into `out`, which is cleared first: one buffer serves many calls.
pub fn tokenize_into(text: &str, start: usize, end: usize, out: &mut Vec<Token>) {
    let ascii = text.as_bytes()[start..end].is_ascii();
    tokenize_known(text, start, end, ascii, out);
}

/// [`tokenize_into`] told whether `text[start..end]` is ASCII (`ascii`).
#[inline(always)]
fn tokenize_known(text: &str, start: usize, end: usize, ascii: bool, out: &mut Vec<Token>) {
    out.clear();
    out.reserve((end - start) / 5 + 1);
    let piece = &text[start..end];
    let bytes = piece.as_bytes();
    #[cfg(target_arch = "x86_64")]
    if ascii {
        return tokenize_ascii(piece, &text.as_bytes()[start..], start, out);
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = ascii;
    let mut i = 0usize;
    let mut gap = false;
    let mut line_break = false;
    while i < bytes.len() {
        let b = bytes[i];
        let class = CLASS[b as usize];
        let tok_start = i;
        let kind;
        // (words first: they are most tokens)
        if class & ALNUM != 0 {
            kind = if class & DIGIT != 0 {
                TokenKind::Number
            } else {
                TokenKind::Word
            };
            i = word_end(piece, i + 1, kind);
        } else if class & SPACE != 0 {
            gap = true;
            line_break |= class & BREAK != 0;
            i += 1;
            continue;
        } else if b < 0x80 {
            kind = TokenKind::Punct;
            i += 1;
        } else {
            let c = piece[i..].chars().next().unwrap_or('\u{fffd}');
            if c.is_whitespace() {
                // No line break: `\n` and `\r` are ASCII.
                gap = true;
                i += c.len_utf8();
                continue;
            }
            if is_word_char(c) {
                // Not an ASCII digit, so a word.
                kind = TokenKind::Word;
                i = word_end(piece, i + c.len_utf8(), kind);
            } else {
                kind = TokenKind::Punct;
                i += c.len_utf8();
            }
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
}

/// Class masks of 64 bytes of ASCII text: bit `i` stands for byte `i`.
#[cfg(target_arch = "x86_64")]
#[derive(Clone, Copy, Default)]
struct Masks {
    /// Letters and digits.
    alnum: u64,
    /// Digits.
    digit: u64,
    /// The tokenizer's spaces (U+0009–U+000D and the space).
    space: u64,
    /// `\n` and `\r`.
    brk: u64,
    /// The ASCII joiners of [`is_joiner`].
    join: u64,
    /// `,`.
    comma: u64,
}

/// [`Masks`] of the 64 bytes at `at` with SSE2 (part of every x86-64 processor): sixteen
/// bytes a step, a few compares and one `movemask` per class.
///
/// # Safety
/// `at` points to 64 readable bytes.
#[cfg(target_arch = "x86_64")]
#[inline(always)]
unsafe fn masks(at: *const u8) -> Masks {
    use std::arch::x86_64::{
        __m128i, _mm_add_epi8, _mm_cmpeq_epi8, _mm_cmplt_epi8, _mm_loadu_si128, _mm_movemask_epi8,
        _mm_or_si128, _mm_set1_epi8,
    };
    // `x - lo` below `n` (unsigned) as a signed compare (see `alnum_end_sse2`)
    let within = |v: __m128i, lo: u8, n: i8| {
        _mm_cmplt_epi8(
            _mm_add_epi8(v, _mm_set1_epi8(0x80u8.wrapping_sub(lo) as i8)),
            _mm_set1_epi8(i8::MIN + n),
        )
    };
    let eq = |x: __m128i, c: u8| _mm_cmpeq_epi8(x, _mm_set1_epi8(c as i8));
    let mut m = Masks::default();
    // The control spaces (`\t` to `\r`): a chunk holding none, nearly every one inside a
    // sentence, has no line break to look for.
    let mut controls = 0u64;
    for k in 0..4 {
        let x = _mm_loadu_si128(at.add(16 * k).cast::<__m128i>());
        let bits = |v: __m128i| u64::from(_mm_movemask_epi8(v) as u16) << (16 * k);
        let digit = within(x, b'0', 10);
        let letter = within(_mm_or_si128(x, _mm_set1_epi8(0x20)), b'a', 26);
        m.alnum |= bits(_mm_or_si128(digit, letter));
        m.digit |= bits(digit);
        let control = within(x, 0x09, 5);
        controls |= bits(control);
        m.space |= bits(_mm_or_si128(eq(x, b' '), control));
        // `&` (0x26) and `'` (0x27) are the bytes that `| 1` makes 0x27; `-` and `.` are
        // 0x2D and 0x2E.
        m.join |= bits(_mm_or_si128(
            eq(_mm_or_si128(x, _mm_set1_epi8(1)), b'\''),
            within(x, b'-', 2),
        ));
        m.comma |= bits(eq(x, b','));
    }
    if controls != 0 {
        for k in 0..4 {
            let x = _mm_loadu_si128(at.add(16 * k).cast::<__m128i>());
            m.brk |= u64::from(_mm_movemask_epi8(_mm_or_si128(eq(x, b'\n'), eq(x, b'\r'))) as u16)
                << (16 * k);
        }
    }
    m
}

/// [`tokenize_into`] for ASCII text (`piece`, starting at byte `start` of its text), 64
/// bytes at a time with no branch per byte. Class masks say where tokens start: at a byte
/// that is no space and does not continue the token before it (a letter or digit after
/// one, a joiner between two, a letter or digit after such a joiner); a token ends at the
/// next start or space. The one rule masks do not hold, a comma inside a number (`10,000`,
/// not `a,b`), is left to [`word_end`] for a number that ends at a comma.
#[cfg(target_arch = "x86_64")]
///
/// `tail` is the text from the piece's start on (the piece and what follows it): the last
/// chunk's masks are read from there when 64 bytes remain, the bytes past the piece masked
/// off, rather than from a zeroed copy (a store of 64 bytes and a copy, whose 16-byte loads
/// then each wait on two stores of other sizes).
fn tokenize_ascii(piece: &str, tail: &[u8], start: usize, out: &mut Vec<Token>) {
    // (index: letter or digit, plus 2 for a digit)
    const KINDS: [TokenKind; 4] = [
        TokenKind::Punct,
        TokenKind::Word,
        TokenKind::Punct,
        TokenKind::Number,
    ];
    let bytes = piece.as_bytes();
    let n = bytes.len();
    // The masks of the chunk at byte `base` (none past the end).
    let masks_at = |base: usize| {
        if base + 64 <= n {
            // SAFETY: bytes[base..base + 64] is inside `bytes`.
            unsafe { masks(bytes.as_ptr().add(base)) }
        } else if base < n {
            if let Some(chunk) = tail.get(base..base + 64) {
                // (the bytes past the piece are no part of it: no letter, digit, space or
                // joiner)
                let valid = (1u64 << (n - base)) - 1;
                // SAFETY: `chunk` holds 64 bytes.
                let m = unsafe { masks(chunk.as_ptr()) };
                return Masks {
                    alnum: m.alnum & valid,
                    digit: m.digit & valid,
                    space: m.space & valid,
                    brk: m.brk & valid,
                    join: m.join & valid,
                    comma: m.comma & valid,
                };
            }
            // (the last bytes, behind zeros: a zero is no letter, digit, space or joiner)
            let mut last = [0u8; 64];
            last[..n - base].copy_from_slice(&bytes[base..]);
            // SAFETY: `last` holds 64 bytes.
            unsafe { masks(last.as_ptr()) }
        } else {
            Masks::default()
        }
    };
    let mut cur = masks_at(0);
    // Carried from the chunk before: its last byte's classes.
    let (mut alnum_top, mut joined_top, mut space_top) = (0u64, 0u64, 0u64);
    // A line break since the last token start, for the next token.
    let mut break_pending = false;
    // A token whose end lies in a later chunk (its index in `out`).
    let mut open: Option<usize> = None;
    // Tokens starting before this were taken into a number with a comma.
    let mut skip_to = 0usize;
    let mut base = 0usize;
    while base < n {
        let next = masks_at(base + 64);
        let valid = if n - base >= 64 {
            !0u64
        } else {
            (1u64 << (n - base)) - 1
        };
        let alnum = cur.alnum;
        let alnum_before = (alnum << 1) | alnum_top;
        let alnum_after = (alnum >> 1) | (next.alnum << 63);
        let joined = cur.join & alnum_before & alnum_after;
        let continues = (alnum & alnum_before) | joined | (alnum & ((joined << 1) | joined_top));
        let mut t = !cur.space & !continues & valid;
        // Where a token ends: the next start, space or the text's end.
        let stops = t | cur.space | !valid;
        let space_before = (cur.space << 1) | space_top;
        // Numbers ending at a comma (digits before it, a digit after).
        let commas = cur.comma & alnum_before & ((cur.digit >> 1) | (next.digit << 63));
        if let Some(k) = open.filter(|_| stops != 0) {
            let end = base + stops.trailing_zeros() as usize;
            out[k].span.end = start + end;
            if out[k].kind == TokenKind::Number && bytes.get(end) == Some(&b',') {
                skip_to = number_with_commas(piece, start, &mut out[k]);
            }
            open = None;
        }
        if skip_to > base {
            t &= (!0u64).checked_shl((skip_to - base) as u32).unwrap_or(0);
        }
        // The starts with a line break in the spaces before them: the first start after each
        // break (here, or in a later chunk), found once a chunk rather than asked per token.
        // (A start a number with a comma takes in below has no break before it: no number
        // holds a space.)
        let mut broken = 0u64;
        if cur.brk != 0 || break_pending {
            if break_pending && t != 0 {
                broken |= t & t.wrapping_neg();
                break_pending = false;
            }
            let mut brk = cur.brk;
            while brk != 0 {
                let after = t & (!0u64 << brk.trailing_zeros());
                brk &= brk - 1;
                if after != 0 {
                    broken |= after & after.wrapping_neg();
                } else {
                    break_pending = true;
                }
            }
        }
        // Whether the last token pushed runs on into the next chunk (only the chunk's last
        // start can: any other has the next start after it).
        let mut runs_on = false;
        loop {
            let mut comma_number = false;
            // The chunk's tokens are written into room for 64 (a chunk has at most 64
            // starts), with no length kept in the list and no room asked for each token.
            out.reserve(64);
            let room = &mut out.spare_capacity_mut()[..64];
            let mut written = 0usize;
            while t != 0 {
                let bit = t.trailing_zeros();
                t &= t - 1;
                let p = base + bit as usize;
                let kind = KINDS[(alnum >> bit & 1 | (cur.digit >> bit & 1) << 1) as usize];
                let rest = stops & (!1u64 << bit);
                let end = (base + rest.trailing_zeros() as usize).min(n);
                runs_on = rest == 0;
                // (`& 63`: no bounds check; `written` stays below 64, one per start)
                room[written & 63].write(Token {
                    span: Span::new(start + p, start + end),
                    kind,
                    gap_before: space_before >> bit & 1 != 0,
                    line_break_before: broken >> bit & 1 != 0,
                });
                written += 1;
                if commas != 0
                    && kind == TokenKind::Number
                    && rest != 0
                    && bytes.get(end) == Some(&b',')
                {
                    comma_number = true;
                    break;
                }
            }
            // SAFETY: `room` is the list's spare capacity from its length on, and its first
            // `written` slots (at most 64, one per start bit of the 64-bit `t`) were just
            // written, each with a whole `Token` (a `Copy` type, nothing to drop).
            unsafe { out.set_len(out.len() + written) };
            if !comma_number {
                break;
            }
            // (out of the token loop: the call would hold the list's length in memory)
            let k = out.len() - 1;
            skip_to = number_with_commas(piece, start, &mut out[k]);
            t &= (!0u64)
                .checked_shl((skip_to - base).min(64) as u32)
                .unwrap_or(0);
        }
        if runs_on {
            open = Some(out.len() - 1);
        }
        alnum_top = alnum >> 63;
        joined_top = joined >> 63;
        space_top = cur.space >> 63;
        cur = next;
        base += 64;
    }
    if let Some(k) = open {
        out[k].span.end = start + n;
    }
}

/// A number token `t` of [`tokenize_ascii`] that ends at a comma, taken on over the commas
/// that join digits (`10,000`) as [`word_end`] does; returns its end in `piece`.
#[cfg(target_arch = "x86_64")]
#[cold]
#[inline(never)]
fn number_with_commas(piece: &str, start: usize, t: &mut Token) -> usize {
    let end = word_end(piece, t.span.end - start, TokenKind::Number);
    t.span.end = start + end;
    end
}

/// The end of the run of ASCII letters and digits starting at `i` (`bytes.len()` at most).
#[inline(always)]
fn alnum_end(bytes: &[u8], i: usize) -> usize {
    #[cfg(target_arch = "x86_64")]
    return alnum_end_sse2(bytes, i);
    #[cfg(not(target_arch = "x86_64"))]
    return alnum_end_swar(bytes, i);
}

/// [`alnum_end`] eight bytes at a time, then byte by byte.
#[cfg_attr(all(target_arch = "x86_64", not(test)), allow(dead_code))]
#[inline(always)]
fn alnum_end_swar(bytes: &[u8], mut i: usize) -> usize {
    while let Some(chunk) = bytes.get(i..i + 8) {
        let Ok(chunk) = <[u8; 8]>::try_from(chunk) else {
            break;
        };
        let stop = !swar::alnum_mask(u64::from_le_bytes(chunk)) & swar::HIGH;
        if stop != 0 {
            return i + (stop.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while i < bytes.len() && CLASS[bytes[i] as usize] & ALNUM != 0 {
        i += 1;
    }
    i
}

/// [`alnum_end`] sixteen bytes at a time with SSE2 (part of every x86-64 processor), the
/// last fifteen bytes as [`alnum_end_swar`] does.
#[cfg(target_arch = "x86_64")]
#[inline(always)]
fn alnum_end_sse2(bytes: &[u8], mut i: usize) -> usize {
    use std::arch::x86_64::{
        __m128i, _mm_add_epi8, _mm_cmplt_epi8, _mm_loadu_si128, _mm_movemask_epi8, _mm_or_si128,
        _mm_set1_epi8,
    };
    /// The ASCII letters and digits among the 16 bytes at `at`, as the low 16 bits.
    ///
    /// # Safety
    /// `at` points to 16 readable bytes.
    #[inline(always)]
    unsafe fn alnum(at: *const u8) -> u32 {
        let x = _mm_loadu_si128(at.cast::<__m128i>());
        // `x - lo` below `n` (unsigned) as a signed compare: `x + (0x80 - lo)` below
        // `-128 + n`.
        let within = |v: __m128i, lo: u8, n: i8| {
            _mm_cmplt_epi8(
                _mm_add_epi8(v, _mm_set1_epi8(0x80u8.wrapping_sub(lo) as i8)),
                _mm_set1_epi8(i8::MIN + n),
            )
        };
        let digit = within(x, b'0', 10);
        // (`| 0x20` maps the capitals onto the small letters and no other byte onto them)
        let letter = within(_mm_or_si128(x, _mm_set1_epi8(0x20)), b'a', 26);
        _mm_movemask_epi8(_mm_or_si128(digit, letter)) as u32
    }
    while i + 16 <= bytes.len() {
        // SAFETY: bytes[i..i + 16] is inside `bytes`.
        let run = unsafe { alnum(bytes.as_ptr().add(i)) };
        if run != 0xFFFF {
            return i + (!run).trailing_zeros() as usize;
        }
        i += 16;
    }
    alnum_end_swar(bytes, i)
}

/// Where the word (or number, per `kind`) whose first char ends at `i` ends.
#[inline(always)]
fn word_end(piece: &str, mut i: usize, kind: TokenKind) -> usize {
    let bytes = piece.as_bytes();
    loop {
        // ASCII letters and digits, the bulk of every word.
        i = alnum_end(bytes, i);
        let Some(&b) = bytes.get(i) else { break };
        let class = CLASS[b as usize];
        let after = if class & (JOIN | COMMA) != 0 {
            // A joiner stays inside the word when a word character follows it (digits may
            // also join with ',' as in 10,000).
            if class & COMMA != 0 && kind != TokenKind::Number {
                break;
            }
            i + 1
        } else if b < 0x80 {
            // (most words end here, at a space or a punctuation mark)
            break;
        } else {
            let c = piece[i..].chars().next().unwrap_or('\u{fffd}');
            if is_word_char(c) {
                i += c.len_utf8();
                continue;
            }
            if !is_joiner(c) {
                break;
            }
            i + c.len_utf8()
        };
        if !char_at(piece, after).is_some_and(is_word_char) {
            break;
        }
        if b == b',' && !bytes[after].is_ascii_digit() {
            break;
        }
        i = after;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The tokenizer as first written, char by char: the table-driven one must agree.
    fn reference(text: &str, start: usize, end: usize) -> Vec<Token> {
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

    #[test]
    fn alnum_run_ends_agree_with_the_byte_test() {
        // every byte value in every lane of a 16-byte load, behind runs of each length
        for b in 0..=255u8 {
            for k in 0..40 {
                let mut bytes = vec![b'a'; 40];
                bytes[k] = b;
                for from in [0, 1, 7, 15, 23] {
                    let want = bytes[from..]
                        .iter()
                        .position(|x| !x.is_ascii_alphanumeric())
                        .map_or(40, |p| from + p);
                    assert_eq!(
                        alnum_end_swar(&bytes, from),
                        want,
                        "{b:#x} at {k} from {from}"
                    );
                    assert_eq!(alnum_end(&bytes, from), want, "{b:#x} at {k} from {from}");
                }
            }
        }
    }

    #[test]
    fn agrees_with_the_reference() {
        let cases = [
            "",
            " ",
            "Lavrov’s aide said: “No.”",
            "He paid $10,000.50 (U.S.) to AT&T's well-known co-op -- on 3,a 4,5 x. y",
            "tab\there\r\nline\u{2028}sep\u{a0}nbsp\u{3000}ideo\u{85}nel",
            "naïve Zürich 東京 ٣٤ x‐y x’ ’90s rock ’n’ roll don't end.' -x x- &&a a&b",
            "\u{1}\u{1f}\u{7f}a\u{0}b\u{feff}c\u{200b}d",
            "10,000,, 1,a 1,2,3 1.2.3 a.b. a..b 1'2 1-2 ½x x½ 1½",
            "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJ Internationalization's co-operation",
            "abcdefgé abcdefg' abcdefgh' abcdefghi-j 12345678,901 1234567,x",
        ];
        for text in cases {
            assert_eq!(
                tokenize(text, 0, text.len()),
                reference(text, 0, text.len()),
                "{text:?}"
            );
            // A piece of the text, on char boundaries.
            let cut: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
            if cut.len() > 4 {
                let (s, e) = (cut[2], cut[cut.len() - 2]);
                assert_eq!(tokenize(text, s, e), reference(text, s, e), "{text:?}");
            }
        }
        // Every ASCII char and a few others, around letters and digits.
        let extra = ['’', '‐', '\u{2028}', '\u{a0}', 'é', '٣', '“', '…'];
        for c in (0u8..128).map(char::from).chain(extra) {
            for pattern in ["a{}b", "1{}2", "{}a", "a{}", "{}{}1", " {}\n"] {
                let text = pattern.replace("{}", &c.to_string());
                assert_eq!(
                    tokenize(&text, 0, text.len()),
                    reference(&text, 0, text.len()),
                    "{text:?}"
                );
            }
        }
    }

    /// `lower` is `str::to_lowercase` of the token, whichever way it holds it.
    #[test]
    fn lower_is_to_lowercase() {
        let text = "said Said SAID Internationalization INTERNATIONALIZATIONS's Zürich ΟΔΟΣ \
                    İstanbul x Ab-Cd’s ABCDEFGHIJKLMNOPQRSTUV ABCDEFGHIJKLMNOPQRSTUVW 1A";
        for t in tokenize(text, 0, text.len()) {
            let l = lower(text, &t);
            assert_eq!(&*l, t.as_str(text).to_lowercase(), "{l:?}");
            assert!(l == *t.as_str(text).to_lowercase());
        }
        assert!(matches!(
            lower("ABC", &tokenize("ABC", 0, 3)[0]),
            Lower(Repr::Inline(..))
        ));
        assert!(matches!(
            lower("abc", &tokenize("abc", 0, 3)[0]),
            Lower(Repr::Borrowed(_))
        ));
    }

    /// The table's lowercase forms are `lower`'s, token by token, whatever the text.
    #[test]
    fn table_lowers_as_lower_does() {
        let text = "said Said SAID Zürich ΟΔΟΣ İstanbul İİ x Ab-Cd’s “Q” — ǅ Ⓐb 1A";
        let mut table = Tokens::default();
        // (an ASCII sentence after one with a form of another length, and the reverse)
        for (s, e) in [(0, text.len()), (0, 14), (5, 14), (0, text.len()), (0, 0)] {
            table.fill(text, s, e);
            let toks = tokenize(text, s, e);
            assert_eq!(&*table, &toks[..]);
            for (i, t) in toks.iter().enumerate() {
                assert_eq!(table.lower(i), &*lower(text, t), "{i}");
            }
        }
    }

    /// A word's classes are the lists holding it, and a table of tokens gives each token's.
    #[test]
    fn classes_are_the_lists() {
        let (a, b, c): (&[&str], &[&str], &[&str]) =
            (&["said", "the", ""], &["the", "of"], &["mr.", "über"]);
        let table = WordClasses::new(&[(1, a), (2, b), (4, c)]);
        let long: &[&str] = &[
            "internationalization",
            "abcdefghijklmnop",
            "abcdefgh",
            "abcd",
            "abc",
        ];
        let more = WordClasses::new(&[(8, long), (16, &long[..2])]);
        for (w, bits) in [
            ("internationalization", 24),
            ("abcdefghijklmnop", 24),
            ("abcdefghijklmnoq", 0),
            ("bbcdefghijklmnop", 0),
            ("abcdefgh", 8),
            ("abcdefgH", 0),
            ("abcd", 8),
            ("abce", 0),
            ("abc", 8),
            ("acc", 0),
            ("ab", 0),
            ("", 0),
            ("internationalizatio", 0),
        ] {
            assert_eq!(more.of(w), bits, "{w:?}");
        }
        for (w, bits) in [
            ("said", 1),
            ("the", 3),
            ("", 1),
            ("of", 2),
            ("mr.", 4),
            ("über", 4),
            ("The", 0),
            ("says", 0),
        ] {
            assert_eq!(table.of(w), bits, "{w:?}");
        }
        let text = "THE Über said Mr. Of.";
        let mut tokens = Tokens::default();
        tokens.fill(text, 0, text.len());
        let got: Vec<u64> = (0..tokens.len())
            .map(|i| tokens.class(i, &&table))
            .collect();
        assert_eq!(got, [3, 4, 1, 0, 0, 2, 0]); // `Mr` `.`: no `mr.`
                                                // asked again (kept), then for another sentence (forgotten)
        assert_eq!(tokens.class(0, &&table), 3);
        tokens.fill(text, 4, text.len());
        assert_eq!(tokens.class(0, &&table), 4);
        // Once the generations wrap (2^16 sentences), no entry an earlier sentence left is
        // taken: token 5's, kept from the first sentence, asked again at the sentence whose
        // generation would be the first's.
        let other = "said said said said said said said";
        tokens.fill(text, 0, text.len());
        assert_eq!(tokens.class(5, &&table), 2);
        for _ in 2..1 << 16 {
            tokens.fill(other, 0, other.len());
            assert_eq!(tokens.class(0, &&table), 1);
        }
        tokens.fill(other, 0, other.len());
        assert_eq!(tokens.class(5, &&table), 1);
    }

    /// The first byte beyond ASCII from any position, in texts of every short length.
    #[test]
    fn next_beyond_ascii_is_the_byte_search() {
        for n in 0..20usize {
            for at in [None, Some(0), Some(n / 2), Some(n.saturating_sub(1))] {
                let mut bytes = vec![b'a'; n];
                if let Some(k) = at.filter(|&k| k < n) {
                    bytes[k] = 0xC3;
                }
                for i in 0..=n {
                    let want = bytes[i..].iter().position(|&b| b >= 0x80).map(|p| i + p);
                    assert_eq!(next_beyond_ascii(&bytes, i), want, "{n} {at:?} {i}");
                }
            }
        }
    }

    /// The filter turns away no word of the list.
    #[test]
    fn word_set_is_its_list() {
        let list = [
            "said",
            "a",
            "",
            "according",
            "über",
            "mr.",
            "n't",
            "x y",
            "Said",
        ];
        let set = WordSet::new(&list);
        for w in list {
            assert!(set.contains(&w), "{w:?}");
        }
        for w in [
            "says", "b", " ", "SAID", "accordin", "uber", "mr", "nt", "xy",
        ] {
            assert!(!set.contains(&w), "{w:?}");
        }
    }

    /// A piece followed by more text ends where it ends: a joiner at its end joins nothing
    /// after it, a number at its end takes in no comma after it.
    #[test]
    fn pieces_end_at_their_end() {
        for (before, after) in [("ab.", "cd"), ("U.S.", "A"), ("10", ",000"), ("rock-", "n")] {
            for lead in [0, 30, 60, 63, 64, 70] {
                let piece = format!("{}{before}", "x ".repeat(lead / 2));
                let text = format!("{piece}{after}{}", " z".repeat(40));
                let e = piece.len();
                assert_eq!(tokenize(&text, 0, e), reference(&text, 0, e), "{text:?}");
                assert_eq!(tokenize(&text, 0, e), tokenize(&piece, 0, e), "{text:?}");
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn word_set_agrees_with_the_list(
            list in proptest::collection::vec("[a-z’'.]{0,9}", 0..300),
            probes in proptest::collection::vec("[a-z’'.]{0,9}", 0..300),
        ) {
            let list: Vec<&'static str> =
                list.into_iter().map(|w| &*Box::leak(w.into_boxed_str())).collect();
            let set = WordSet::new(&list);
            let strings: StringSet = list.iter().map(|w| w.to_string()).collect();
            let classes = WordClasses::new(&[(1, &list), (2, &list[list.len() / 2..])]);
            for w in list.iter().chain(probes.iter().map(String::as_str).collect::<Vec<_>>().iter()) {
                proptest::prop_assert_eq!(set.contains(w), list.contains(w));
                proptest::prop_assert_eq!(strings.contains(w), list.contains(w));
                proptest::prop_assert_eq!(classes.of(w) & 1 != 0, list.contains(w));
                proptest::prop_assert_eq!(
                    classes.of(w) & 2 != 0,
                    list[list.len() / 2..].contains(w)
                );
            }
        }

        /// The lowercase copy agrees with a copy lowercased byte by byte, for pieces anywhere
        /// in a text (ending at its end too, where fewer than 16 bytes follow), any bytes
        /// after them left out.
        #[test]
        fn lowercase_copy_agrees(
            text in proptest::collection::vec(proptest::num::u8::ANY, 0..80),
            a in 0usize..80,
            b in 0usize..80,
        ) {
            let (s, e) = (a.min(b).min(text.len()), a.max(b).min(text.len()));
            let mut got = vec![7u8; 3];
            let beyond = lower_ascii_into(&text, s, e, &mut got);
            let mut want = text[s..e].to_ascii_lowercase();
            want.extend_from_slice(&[0; KEY_BYTES]);
            proptest::prop_assert_eq!(got, want);
            proptest::prop_assert_eq!(beyond, text[s..e].iter().any(|&b| b >= 0x80));
        }

        #[test]
        fn table_agrees_on_any_text(text in "[a-zA-Z0-9 ’éİΣ]{0,60}|\\PC{0,20}") {
            let table = Tokens::new(&text, 0, text.len());
            for (i, t) in tokenize(&text, 0, text.len()).iter().enumerate() {
                proptest::prop_assert_eq!(table.lower(i), &*lower(&text, t));
            }
        }

        #[test]
        fn lower_agrees_on_any_text(text in "[a-zA-Z0-9 ’é]{0,60}|\\PC{0,20}") {
            for t in tokenize(&text, 0, text.len()) {
                proptest::prop_assert_eq!(&*lower(&text, &t), t.as_str(&text).to_lowercase());
            }
        }

        /// ASCII text of several 64-byte chunks, dense in joiners, commas and spaces of
        /// every kind: the masked tokenizer agrees with the reference.
        #[test]
        fn agrees_on_ascii_text(
            text in "([a-zA-Z0-9]{0,9}[ ,.'&\\-\n\r\t\x0b\x0c\x08\x0e\x1f_$@`\\[{\x00\x7f%(/+/:]{0,3}){0,60}",
            cut in 0usize..8,
            end_cut in 0usize..80,
        ) {
            proptest::prop_assert_eq!(tokenize(&text, 0, text.len()), reference(&text, 0, text.len()));
            let s = cut.min(text.len());
            proptest::prop_assert_eq!(tokenize(&text, s, text.len()), reference(&text, s, text.len()));
            // (a piece with text after it: its last chunk's masks read from the text)
            let e = text.len().saturating_sub(end_cut).max(s);
            proptest::prop_assert_eq!(tokenize(&text, s, e), reference(&text, s, e));
        }

        #[test]
        fn agrees_on_any_text(text in "[a-zA-Z0-9 ,.'&\\-\n\r\t’‐é٣“…\u{2028}\u{a0}_$@`\\[{]{0,60}|\\PC{0,20}") {
            proptest::prop_assert_eq!(tokenize(&text, 0, text.len()), reference(&text, 0, text.len()));
        }
    }
}
