//! Words around a candidate boundary: abbreviations, sentence starters, list labels.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

use crate::lexicon;

/// How a period after an abbreviation is judged (see `src/lexicon/abbreviations.txt`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum AbbrevClass {
    /// Never ends a sentence.
    Prefix,
    /// Before numbers; ends a sentence only before a sentence starter.
    Number,
    /// A month; like `Number`.
    Month,
    /// a.m., p.m.
    Time,
    /// May end a sentence.
    General,
}

impl AbbrevClass {
    fn parse(name: &str) -> Option<Self> {
        Some(match name.trim() {
            "prefix" => AbbrevClass::Prefix,
            "number" => AbbrevClass::Number,
            "month" => AbbrevClass::Month,
            "time" => AbbrevClass::Time,
            "general" | "" => AbbrevClass::General,
            _ => return None,
        })
    }
}

/// FNV-1a: the keys are a few bytes long and not attacker-chosen in a way that matters
/// (a lookup is bounded by the word length), so a fast hash beats SipHash here.
#[derive(Default)]
pub(super) struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

type Map<V> = HashMap<Box<[u8]>, V, BuildHasherDefault<Fnv>>;
type Set = HashSet<Box<[u8]>, BuildHasherDefault<Fnv>>;

/// Longest word (bytes) looked up in the tables; longer words are plain words.
pub(super) const MAX_WORD: usize = 24;

/// The word lists the segmenter consults, lowercased.
#[derive(Clone, Debug, Default)]
pub(super) struct Words {
    /// The abbreviations of at most [`SHORT`] bytes (all the shipped ones), asked about at
    /// every period: see [`ShortWords`].
    short_abbreviations: ShortWords,
    /// The longer ones.
    abbreviations: Map<AbbrevClass>,
    starters: Set,
    time_followers: Set,
    captions: Set,
    closings: Set,
    /// Longest abbreviation (bytes): longer words are not looked up.
    longest: usize,
}

/// Lowercase `word` into `buf` when it is short; None when it is too long.
fn lower<'b>(word: &str, buf: &'b mut [u8; 4 * MAX_WORD]) -> Option<&'b [u8]> {
    if word.len() > MAX_WORD {
        return None;
    }
    if word.is_ascii() {
        let n = word.len();
        buf[..n].copy_from_slice(word.as_bytes());
        buf[..n].make_ascii_lowercase();
        return Some(&buf[..n]);
    }
    let mut n = 0;
    for c in word.chars().flat_map(char::to_lowercase) {
        let l = c.len_utf8();
        if n + l > buf.len() {
            return None;
        }
        c.encode_utf8(&mut buf[n..n + l]);
        n += l;
    }
    Some(&buf[..n])
}

/// Longest word (bytes) that [`ShortWords`] holds.
const SHORT: usize = 7;

/// Words of 1 to [`SHORT`] bytes with their class, each word's bytes and length packed in
/// one integer ([`short_key`]), in an open-addressing table at most a quarter full: a look-up
/// is a few loads, a multiply and a compare, where the hashed map's was a byte-by-byte hash,
/// a probe and a `memcmp` (about 165 instructions, for 25K periods a pass over PolNeAR).
#[derive(Clone, Debug)]
struct ShortWords {
    /// A power of two of keys; 0 is an empty slot (no key is 0: its length byte is not).
    keys: Box<[u64]>,
    classes: Box<[AbbrevClass]>,
}

impl Default for ShortWords {
    fn default() -> Self {
        ShortWords {
            keys: vec![0; 16].into_boxed_slice(),
            classes: vec![AbbrevClass::General; 16].into_boxed_slice(),
        }
    }
}

/// `w` (1 to [`SHORT`] bytes) as one integer: its bytes little-endian, its length in the top
/// byte (so that a word ending in NUL bytes differs from the shorter one). Read as two
/// overlapping four-byte loads, or three single bytes, with no loop over the bytes.
#[inline]
fn short_key(w: &[u8]) -> u64 {
    let n = w.len();
    debug_assert!((1..=SHORT).contains(&n));
    let bytes = if n >= 4 {
        let u32_at = |i: usize| {
            let mut lanes = [0u8; 4];
            lanes.copy_from_slice(&w[i..i + 4]);
            u64::from(u32::from_le_bytes(lanes))
        };
        // (the overlapping bytes are the same in both)
        u32_at(0) | u32_at(n - 4) << (8 * (n - 4))
    } else {
        u64::from(w[0])
            | u64::from(w[n / 2]) << (8 * (n / 2))
            | u64::from(w[n - 1]) << (8 * (n - 1))
    };
    bytes | (n as u64) << 56
}

impl ShortWords {
    fn slot(key: u64, mask: usize) -> usize {
        (key.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 40) as usize & mask
    }

    /// The table of `words` (each 1 to [`SHORT`] bytes).
    fn new<'w>(words: impl Iterator<Item = (&'w [u8], AbbrevClass)> + Clone) -> Self {
        let size = (4 * words.clone().count()).next_power_of_two().max(16);
        let mask = size - 1;
        let mut keys = vec![0u64; size];
        let mut classes = vec![AbbrevClass::General; size];
        for (w, class) in words {
            let key = short_key(w);
            let mut s = Self::slot(key, mask);
            while keys[s] != 0 && keys[s] != key {
                s = (s + 1) & mask;
            }
            keys[s] = key;
            classes[s] = class;
        }
        ShortWords {
            keys: keys.into_boxed_slice(),
            classes: classes.into_boxed_slice(),
        }
    }

    /// The class of the word whose [`short_key`] is `key`.
    #[inline]
    fn get(&self, key: u64) -> Option<AbbrevClass> {
        let mask = self.keys.len() - 1;
        let mut s = Self::slot(key, mask);
        loop {
            let k = self.keys[s];
            if k == key {
                return Some(self.classes[s]);
            }
            if k == 0 {
                return None;
            }
            s = (s + 1) & mask;
        }
    }
}

fn key(word: &str) -> Box<[u8]> {
    word.trim()
        .trim_end_matches('.')
        .to_lowercase()
        .into_bytes()
        .into_boxed_slice()
}

impl Words {
    /// The shipped lists plus `extra` abbreviations (class general).
    pub(super) fn new<I, S>(extra: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let mut abbreviations = Map::default();
        for line in lexicon::entries(lexicon::ABBREVIATIONS) {
            let (word, class) = match line.split_once('|').or_else(|| line.split_once('\t')) {
                Some((w, c)) => (w, AbbrevClass::parse(c).unwrap_or(AbbrevClass::General)),
                None => (line, AbbrevClass::General),
            };
            let k = key(word);
            if !k.is_empty() {
                abbreviations.insert(k, class);
            }
        }
        for a in extra {
            let k = key(a.as_ref());
            if !k.is_empty() {
                abbreviations.entry(k).or_insert(AbbrevClass::General);
            }
        }
        let set = |data: &str| -> Set {
            lexicon::entries(data)
                .map(key)
                .filter(|k| !k.is_empty())
                .collect()
        };
        let longest = abbreviations.keys().map(|k| k.len()).max().unwrap_or(0);
        let short_abbreviations = ShortWords::new(
            abbreviations
                .iter()
                .filter(|(k, _)| k.len() <= SHORT)
                .map(|(k, &c)| (&k[..], c)),
        );
        abbreviations.retain(|k, _| k.len() > SHORT);
        Words {
            longest,
            short_abbreviations,
            abbreviations,
            starters: set(lexicon::SENTENCE_STARTERS),
            time_followers: set(lexicon::TIME_FOLLOWERS),
            captions: set(lexicon::CAPTION_LABELS),
            closings: set(lexicon::CLOSINGS),
        }
    }

    /// The class of `word` (without its final period) when it is a known abbreviation.
    pub(super) fn abbreviation(&self, word: &str) -> Option<AbbrevClass> {
        let n = word.len();
        if (1..=SHORT).contains(&n) {
            let key = short_key(word.as_bytes());
            if key & crate::swar::HIGH == 0 {
                // ASCII (the length byte is at most 7): lowered in place.
                return self.short_abbreviations.get(crate::swar::lower(key));
            }
        }
        let limit = if word.is_ascii() {
            self.longest
        } else {
            self.longest * 3 // lowercasing shrinks a char to no less than a third of its bytes
        };
        if word.len() > limit {
            return None;
        }
        let mut buf = [0u8; 4 * MAX_WORD];
        let low = lower(word, &mut buf)?;
        if (1..=SHORT).contains(&low.len()) {
            return self.short_abbreviations.get(short_key(low));
        }
        self.abbreviations.get(low).copied()
    }

    /// True when capitalised `word` typically starts a sentence.
    pub(super) fn is_starter(&self, word: &str) -> bool {
        let mut buf = [0u8; 4 * MAX_WORD];
        lower(word, &mut buf).is_some_and(|k| self.starters.contains(k))
    }

    /// True when `word` labels a photo credit or caption (`Image`, `Photo`).
    pub(super) fn is_caption(&self, word: &str) -> bool {
        let mut buf = [0u8; 4 * MAX_WORD];
        lower(word, &mut buf).is_some_and(|k| self.captions.contains(k))
    }

    /// True when `phrase` closes a letter (`Regards`, `Best wishes`).
    pub(super) fn is_closing(&self, phrase: &str) -> bool {
        let mut buf = [0u8; 4 * MAX_WORD];
        lower(phrase, &mut buf).is_some_and(|k| self.closings.contains(k))
    }

    /// True when `word` may follow a time of day in the same sentence.
    pub(super) fn is_time_follower(&self, word: &str) -> bool {
        let mut buf = [0u8; 4 * MAX_WORD];
        lower(word, &mut buf).is_some_and(|k| self.time_followers.contains(k))
    }
}

/// True for a run of digits with inner `,` or `.` and an optional currency or sign in front:
/// `600`, `1,000`, `$100.00`, `11.18.2014`.
pub(super) fn is_number(word: &str) -> bool {
    let w = word.trim_start_matches(['$', '€', '£', '¥', '#', '%', '+', '-', '~']);
    let b = w.as_bytes();
    !b.is_empty()
        && b[0].is_ascii_digit()
        && b[b.len() - 1].is_ascii_digit()
        && b.iter()
            .all(|&c| c.is_ascii_digit() || c == b',' || c == b'.')
}

/// True for dotted acronyms without the final period: `U.S`, `J.C`, `Ph.D`, `i.v`.
pub(super) fn is_dotted_acronym(word: &str) -> bool {
    if !word.contains('.') {
        return false;
    }
    word.split('.').all(|part| {
        let n = part.chars().count();
        (1..=2).contains(&n) && part.chars().all(char::is_alphabetic)
    })
}

/// A list label: `1`, `b`, `iv` (before `.`, `)` or inside `( )`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Label {
    /// 1, 2, 10
    Number(u32),
    /// a, b, A, B (the letter as a byte)
    Letter(u8),
    /// i, ii, IV (value, uppercase)
    Roman(u32, bool),
}

/// How a label is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Style {
    /// `1.`
    Dot,
    /// `1)`
    Paren,
    /// `1.)`
    DotParen,
    /// `(1)`
    Enclosed,
}

fn roman_value(s: &str) -> Option<u32> {
    if s.is_empty() || s.len() > 5 {
        return None;
    }
    let lower = s.bytes().all(|b| b.is_ascii_lowercase());
    let upper = s.bytes().all(|b| b.is_ascii_uppercase());
    if !lower && !upper {
        return None;
    }
    let val = |b: u8| match b.to_ascii_lowercase() {
        b'i' => Some(1),
        b'v' => Some(5),
        b'x' => Some(10),
        _ => None,
    };
    let bytes = s.as_bytes();
    let mut total = 0i64;
    for (k, &b) in bytes.iter().enumerate() {
        let v = val(b)?;
        let next = bytes.get(k + 1).and_then(|&n| val(n)).unwrap_or(0);
        if v < next {
            total -= i64::from(v);
        } else {
            total += i64::from(v);
        }
    }
    let total = u32::try_from(total).ok()?;
    // Only canonical spellings count (ii, iv, ix, xii), checked by writing the value back.
    let back = to_roman(total)?;
    (back.eq_ignore_ascii_case(s)).then_some(total)
}

fn to_roman(mut v: u32) -> Option<String> {
    if v == 0 || v > 39 {
        return None;
    }
    let mut s = String::new();
    for (n, r) in [(10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")] {
        while v >= n {
            s.push_str(r);
            v -= n;
        }
    }
    Some(s)
}

impl Label {
    /// Read a label from the word before `.`/`)`; the word may start with `(`.
    pub(super) fn parse(word: &str) -> Option<Label> {
        let b = word.as_bytes();
        if b.is_empty() || b.len() > 5 {
            return None;
        }
        if b.iter().all(u8::is_ascii_digit) {
            return (b.len() <= 3)
                .then(|| word.parse().ok().map(Label::Number))
                .flatten();
        }
        if b.len() == 1 && b[0].is_ascii_alphabetic() {
            // i, v, x are read as letters here; `follows` accepts both readings.
            return Some(Label::Letter(b[0]));
        }
        roman_value(word).map(|v| Label::Roman(v, b[0].is_ascii_uppercase()))
    }

    /// True when this label may open a list (1, a, A, i, I or any number).
    pub(super) fn opens_list(self) -> bool {
        match self {
            Label::Number(_) => true,
            Label::Letter(c) => matches!(c, b'a' | b'A' | b'i' | b'I'),
            Label::Roman(v, _) => v == 1,
        }
    }

    /// True when `self` is the label right after `prev` in a list.
    pub(super) fn follows(self, prev: Label) -> bool {
        let roman_of = |l: Label| match l {
            Label::Roman(v, up) => Some((v, up)),
            Label::Letter(c) => {
                roman_value(&(c as char).to_string()).map(|v| (v, c.is_ascii_uppercase()))
            }
            Label::Number(_) => None,
        };
        match (prev, self) {
            (Label::Number(a), Label::Number(b)) => b == a + 1,
            (Label::Letter(a), Label::Letter(b)) => {
                b == a + 1 && a.is_ascii_uppercase() == b.is_ascii_uppercase()
            }
            _ => match (roman_of(prev), roman_of(self)) {
                (Some((a, ua)), Some((b, ub))) => b == a + 1 && ua == ub,
                _ => false,
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roman_numerals() {
        assert_eq!(roman_value("iv"), Some(4));
        assert_eq!(roman_value("ix"), Some(9));
        assert_eq!(roman_value("XII"), Some(12));
        assert_eq!(roman_value("iiii"), None);
        assert_eq!(roman_value("vx"), None);
        assert_eq!(roman_value("Iv"), None);
    }

    #[test]
    fn labels_follow() {
        assert!(Label::Number(2).follows(Label::Number(1)));
        assert!(Label::Letter(b'b').follows(Label::Letter(b'a')));
        assert!(Label::Roman(2, false).follows(Label::Letter(b'i')));
        assert!(Label::Letter(b'v').follows(Label::Roman(4, false)));
        assert!(Label::Letter(b'i').follows(Label::Letter(b'h')));
        assert!(!Label::Letter(b'B').follows(Label::Letter(b'a')));
    }

    #[test]
    fn words() {
        assert!(is_number("$100.00"));
        assert!(is_number("1,000"));
        assert!(!is_number("x10"));
        assert!(is_dotted_acronym("U.S"));
        assert!(is_dotted_acronym("Ph.D"));
        assert!(!is_dotted_acronym("Jane.Doe"));
        let w = Words::new(["approx."]);
        assert_eq!(w.abbreviation("Mr"), Some(AbbrevClass::Prefix));
        assert_eq!(w.abbreviation("U.S"), Some(AbbrevClass::General));
        assert_eq!(w.abbreviation("N°"), Some(AbbrevClass::Number));
        assert!(w.is_starter("The"));
        assert!(!w.is_starter("Government"));
    }

    #[test]
    fn abbreviations_are_the_map() {
        // The map of every abbreviation, as `Words::abbreviation` looked them up before the
        // short ones moved to their own table.
        let extra = ["approx.", "Ab\0", "Ünivers", "longerthanseven", "x"];
        let w = Words::new(extra);
        let mut all: HashMap<Box<[u8]>, AbbrevClass> = HashMap::new();
        for line in lexicon::entries(lexicon::ABBREVIATIONS) {
            let (word, class) = match line.split_once('|').or_else(|| line.split_once('\t')) {
                Some((w, c)) => (w, AbbrevClass::parse(c).unwrap_or(AbbrevClass::General)),
                None => (line, AbbrevClass::General),
            };
            all.insert(key(word), class);
        }
        for a in extra {
            all.entry(key(a)).or_insert(AbbrevClass::General);
        }
        all.retain(|k, _| !k.is_empty());
        let expect = |word: &str| {
            let mut buf = [0u8; 4 * MAX_WORD];
            lower(word, &mut buf).and_then(|k| all.get(k).copied())
        };
        let mut words: Vec<String> = all
            .keys()
            .map(|k| String::from_utf8(k.to_vec()).unwrap())
            .collect();
        words.extend(words.clone().iter().map(|k| k.to_uppercase()));
        words.extend(words.clone().iter().map(|k| format!("{k}s")));
        words.extend(
            words
                .clone()
                .iter()
                .filter_map(|k| k.get(1..).map(String::from)),
        );
        words.extend(
            [
                "", "A", "Ab", "Ab\0\0", "said", "N°", "n°", "İ", "Mr\0", "ÜNIVERS", "e.g",
            ]
            .map(String::from),
        );
        for word in &words {
            assert_eq!(w.abbreviation(word), expect(word), "{word:?}");
        }
    }
}
