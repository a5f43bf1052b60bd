//! What a source phrase refers to: its kind (person, organization, media, group, anonymous,
//! document, unknown), whether it is a name, a description or a pronoun, and the name, title
//! and description it gives.
//!
//! ```
//! use sayso::entities::{classify, Reference};
//! use sayso::{Span, SpeakerKind};
//! let text = "Russian Foreign Minister Sergey Lavrov";
//! let p = classify(text, Span::new(0, text.len()));
//! assert_eq!((p.kind, p.reference), (SpeakerKind::Person, Reference::Name));
//! assert_eq!(p.name, "Sergey Lavrov");
//! assert_eq!(p.title.as_deref(), Some("Russian Foreign Minister"));
//! ```
//!
//! The lexicons are data files in `src/lexicon/`. A phrase is read only up to
//! [`MAX_PHRASE`] bytes, so classifying costs a bounded time whatever the source's length.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use crate::lex::{char_at, is_word_char};

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use crate::document::SpeakerKind;
use crate::swar::{self, HIGH};
use crate::{lexicon, Span};

/// How many bytes of a source phrase are read.
pub const MAX_PHRASE: usize = 320;

/// News outlets and agencies.
pub const OUTLETS: &str = include_str!("lexicon/outlets.txt");
/// Institutions, countries and capitals that speak as organisations.
pub const ORGANIZATIONS: &str = include_str!("lexicon/organizations.txt");
/// Head words of organisation and media names, and company suffixes.
pub const ORG_HEADS: &str = include_str!("lexicon/org_heads.txt");
/// Role nouns for persons, with gender.
pub const PERSON_NOUNS: &str = include_str!("lexicon/person_nouns.txt");
/// Quantifiers and plural nouns for groups.
pub const GROUP_NOUNS: &str = include_str!("lexicon/group_nouns.txt");
/// Markers of anonymous sources.
pub const ANONYMITY: &str = include_str!("lexicon/anonymity.txt");
/// Nouns for documents.
pub const DOCUMENT_NOUNS: &str = include_str!("lexicon/document_nouns.txt");
/// Honorifics with gender.
pub const HONORIFICS: &str = include_str!("lexicon/honorifics.txt");
/// First names with gender (generated from US SSA tables, see the file header).
pub const FIRST_NAMES: &str = include_str!("lexicon/first_names.txt");
/// More first names with gender, written by hand.
pub const FIRST_NAMES_EXTRA: &str = include_str!("lexicon/first_names_extra.txt");

/// Grammatical gender of a person, as far as the text or the name lists tell.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Gender {
    /// he, Mr., spokesman, a male first name
    Male,
    /// she, Ms., spokeswoman, a female first name
    Female,
    /// Nothing decides.
    #[default]
    Unknown,
}

impl Gender {
    fn parse(code: &str) -> Gender {
        match code.trim() {
            "m" => Gender::Male,
            "f" => Gender::Female,
            _ => Gender::Unknown,
        }
    }
}

/// The speaker kind and gender a pronoun source gives: `he` and `she` a person of that
/// gender, the others nothing yet.
fn pronoun_kind_gender(p: Pronoun) -> (SpeakerKind, Gender) {
    match p {
        Pronoun::Masculine => (SpeakerKind::Person, Gender::Male),
        Pronoun::Feminine => (SpeakerKind::Person, Gender::Female),
        _ => (SpeakerKind::Unknown, Gender::Unknown),
    }
}

/// Which pronoun a source is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Pronoun {
    /// he, him, his
    Masculine,
    /// she, her, hers
    Feminine,
    /// they, them, their
    Plural,
    /// it, its
    Neuter,
    /// who, whom, whose: a relative pronoun for people
    RelativePerson,
    /// which, that: a relative pronoun for things and organisations
    RelativeThing,
    /// I, we, you: first and second person, not resolved
    Speech,
}

/// Documents whose `of` names what was sampled or examined (`a poll of voters`, `a study of
/// 2,000 patients`), not who made them.
const SAMPLED_DOCUMENTS: &[&str] = &[
    "poll",
    "polls",
    "survey",
    "surveys",
    "study",
    "studies",
    "analysis",
    "analyses",
    "review",
    "census",
    "audit",
    "investigation",
    "sample",
];

/// How a source phrase refers to its entity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Reference {
    /// A proper name: `Sergey Lavrov`, `Chebanenko`, `the Kremlin`, `RIA Novosti`.
    Name,
    /// A common noun: `the sculptor`, `the ministry`, `a spokesman`, `analysts`.
    Description {
        /// `the`/`this`/`that` before the noun: it points back at someone already named.
        definite: bool,
    },
    /// A pronoun or possessive determiner: `he`, `His comments`, `who`.
    Pronoun(Pronoun),
}

/// What a source phrase says about its entity.
#[derive(Clone, Debug, PartialEq)]
pub struct SourcePhrase<'a> {
    /// Person, organization, media, group, anonymous, document or unknown.
    pub kind: SpeakerKind,
    /// Name, description or pronoun.
    pub reference: Reference,
    /// The name (`Sergey Lavrov`, `Russian Ministry of Defense`) or, for descriptions and
    /// groups, the phrase (`The sculptor`, `Independent analysts`).
    pub name: &'a str,
    /// A person's first name, when given.
    pub first: Option<&'a str>,
    /// A person's last name, when given.
    pub last: Option<&'a str>,
    /// A title before the name (`Russian Foreign Minister`, `Sen.`).
    pub title: Option<&'a str>,
    /// True when the name came with an honorific (`Mr.`, `Ms.`, `Dr.`).
    pub honorific: bool,
    /// An apposition (`a sculptor associated with ...`, `the head of the ministry`).
    pub description: Option<&'a str>,
    /// The head noun of a description, lowercase (`sculptor`, `ministry`).
    pub head: Option<Cow<'a, str>>,
    /// What the phrase tells of the gender.
    pub gender: Gender,
    /// The part of the text that refers to the entity (`Lavrov` in `Lavrov’s remarks`).
    pub mention: Span,
}

/// A fast hasher for the fixed lexicon tables (keys come from the crate's own data files, so
/// hash flooding from input text is not a concern there; maps keyed by input keep SipHash).
#[derive(Clone, Copy, Default)]
pub(crate) struct FxHasher(u64);

impl std::hash::Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let w = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
            self.0 = (self.0.rotate_left(5) ^ w).wrapping_mul(K);
        }
        for &b in chunks.remainder() {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(K);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

type Fx = std::hash::BuildHasherDefault<FxHasher>;
type LexMap<V> = HashMap<String, V, Fx>;
type LexSet = HashSet<String, Fx>;

/// A lexicon map of lowercase words looked up ignoring case: `get(word)` is
/// `with_lower(word, |w| map.get(w))`, but an ASCII word is hashed and compared as it is
/// written, with no lowercase copy, in a table of the ASCII keys.
#[derive(Debug, Default)]
pub(crate) struct CiMap<V> {
    /// Every key, as `with_lower` gives it: for words that are not ASCII.
    map: LexMap<V>,
    /// Open addressing over the ASCII keys: (hash, index into `keys`), `u32::MAX` empty.
    slots: Vec<(u64, u32)>,
    keys: Vec<(String, V)>,
    /// A quick no for most ASCII words that are no key: bit `min(len, 63)` of
    /// `lengths[first byte & 31]` is set when an ASCII key of that length starts with such a
    /// byte (a letter and its capital share the five low bits).
    lengths: [u64; 32],
    /// Open addressing over the ASCII keys of at most 16 bytes, held inline ([`short_key`]):
    /// a word is found by comparing two words of memory, with no pointer to follow.
    short: Vec<ShortSlot<V>>,
    /// One byte per slot of `short`, read before it: 0 for an empty slot, else
    /// [`short_tag`] of the key's hash. The word table's slots take 128 KB, which the rest
    /// of the pipeline pushes out of the caches between two articles, so a probe of a slot
    /// mostly waited on memory; the tags take 4 KB, and about half the words asked for are
    /// no key, which the tags alone now answer.
    tags: Vec<u8>,
}

/// A slot of [`CiMap::short`]: the key's bytes zero-padded (`lo`, `hi`), its length (0 for
/// an empty slot), its value (so a probe reads one slot and nothing else) and its index in
/// `keys`.
#[derive(Clone, Copy, Debug)]
struct ShortSlot<V> {
    lo: u64,
    hi: u64,
    value: V,
    index: u32,
    len: u8,
}

/// An ASCII word of 1 to 16 bytes as two little-endian words of its lowercase bytes,
/// zero-padded; None for any other word.
#[inline]
pub(crate) fn short_key(b: &[u8]) -> Option<(u64, u64)> {
    written_key(b).map(|(lo, hi)| (swar::lower(lo), swar::lower(hi)))
}

/// [`short_key`] with the bytes as written, not lowered.
#[inline]
fn written_key(b: &[u8]) -> Option<(u64, u64)> {
    let n = b.len();
    if n == 0 || n > 16 {
        return None;
    }
    // The bytes zero-padded, read with no copy: two overlapping loads for 4 bytes and more
    // (the second shifted so that it holds only the bytes after the first), three byte
    // reads below that.
    let (lo, hi) = if n >= 8 {
        let lo = swar::load(&b[..8]);
        let hi = if n > 8 {
            swar::load(&b[n - 8..]) >> (8 * (16 - n))
        } else {
            0
        };
        (lo, hi)
    } else if n >= 4 {
        let first = u64::from(u32::from_le_bytes([b[0], b[1], b[2], b[3]]));
        let last = u64::from(u32::from_le_bytes([b[n - 4], b[n - 3], b[n - 2], b[n - 1]]));
        (first | last << (8 * (n - 4)), 0)
    } else {
        let mid = n / 2;
        (
            u64::from(b[0]) | u64::from(b[mid]) << (8 * mid) | u64::from(b[n - 1]) << (8 * (n - 1)),
            0,
        )
    };
    ((lo | hi) & HIGH == 0).then_some((lo, hi))
}

/// The slot [`CiMap::short`] starts probing at for a short key.
#[inline]
fn short_hash(lo: u64, hi: u64, len: usize) -> u64 {
    const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;
    let h = (lo ^ (len as u64)).wrapping_mul(K);
    let h = (h.rotate_left(23) ^ hi).wrapping_mul(K);
    h ^ (h >> 29)
}

/// The byte [`CiMap::tags`] holds for a key of hash `h`: seven bits of the hash the
/// slot's index does not use, and the top bit, so that no tag is 0.
#[inline]
fn short_tag(h: u64) -> u8 {
    (h >> 57) as u8 | 0x80
}

/// The bit of `lengths` (in [`CiMap`]) for the ASCII word `b` (not empty).
fn length_bit(b: &[u8]) -> (usize, u64) {
    (usize::from(b[0] & 31), 1u64 << b.len().min(63))
}

/// A hash of the ASCII lowercase of `b`, None when `b` is not all ASCII.
fn ascii_ci_hash(b: &[u8]) -> Option<u64> {
    const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;
    let mut h = (b.len() as u64).wrapping_mul(K);
    let mut high = 0u64;
    let mut chunks = b.chunks_exact(8);
    for c in &mut chunks {
        let x = swar::load(c);
        high |= x;
        h = (h.rotate_left(5) ^ swar::lower(x & !HIGH)).wrapping_mul(K);
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut buf = [0u8; 8];
        buf[..rest.len()].copy_from_slice(rest);
        let x = u64::from_le_bytes(buf);
        high |= x;
        h = (h.rotate_left(5) ^ swar::lower(x & !HIGH)).wrapping_mul(K);
    }
    (high & HIGH == 0).then_some(h ^ (h >> 31))
}

impl<V: Copy> CiMap<V> {
    fn new(map: LexMap<V>) -> Self {
        let keys: Vec<(String, V)> = map
            .iter()
            .filter(|(k, _)| k.is_ascii() && !k.bytes().any(|b| b.is_ascii_uppercase()))
            .map(|(k, &v)| (k.clone(), v))
            .collect();
        let mut lengths = [0u64; 32];
        for (k, _) in keys.iter().filter(|(k, _)| !k.is_empty()) {
            let (i, bit) = length_bit(k.as_bytes());
            lengths[i] |= bit;
        }
        let size = (keys.len() * 2).next_power_of_two().max(8);
        let mut slots = vec![(0u64, u32::MAX); size];
        for (n, (k, _)) in keys.iter().enumerate() {
            let h = ascii_ci_hash(k.as_bytes()).unwrap_or(0);
            let mut i = (h as usize) & (size - 1);
            while slots[i].1 != u32::MAX {
                i = (i + 1) & (size - 1);
            }
            slots[i] = (h, u32::try_from(n).unwrap_or(u32::MAX));
        }
        let short_keys: Vec<(usize, u64, u64)> = keys
            .iter()
            .enumerate()
            .filter_map(|(n, (k, _))| short_key(k.as_bytes()).map(|(lo, hi)| (n, lo, hi)))
            .collect();
        let size = (short_keys.len() * 2).next_power_of_two().max(8);
        let empty = keys.first().map(|&(_, value)| ShortSlot {
            lo: 0,
            hi: 0,
            value,
            index: 0,
            len: 0,
        });
        let mut short = match empty {
            Some(e) => vec![e; size],
            None => Vec::new(),
        };
        let mut tags = vec![0u8; short.len()];
        for (n, lo, hi) in short_keys {
            let (len, value) = (keys[n].0.len(), keys[n].1);
            let h = short_hash(lo, hi, len);
            let mut i = (h as usize) & (size - 1);
            while short[i].len != 0 {
                i = (i + 1) & (size - 1);
            }
            tags[i] = short_tag(h);
            short[i] = ShortSlot {
                lo,
                hi,
                value,
                index: u32::try_from(n).unwrap_or(u32::MAX),
                len: len as u8,
            };
        }
        CiMap {
            map,
            slots,
            keys,
            lengths,
            short,
            tags,
        }
    }

    /// The value of `word`'s lowercase form.
    #[inline]
    pub(crate) fn get(&self, word: &str) -> Option<V> {
        match self.probe_short(word.as_bytes()) {
            Some(slot) => slot.map(|s| s.value),
            None => self.entry_long(word).map(|(_, v)| v),
        }
    }

    /// The slot of the ASCII word `b` of 1 to 16 bytes (None inside when it is no key); None
    /// for any other word.
    #[inline]
    fn probe_short(&self, b: &[u8]) -> Option<Option<&ShortSlot<V>>> {
        let (lo, hi) = short_key(b)?;
        Some(self.probe_key(lo, hi, b))
    }

    /// The slot of the ASCII word `b` of 1 to 16 bytes whose [`short_key`] is `(lo, hi)`,
    /// None when it is no key.
    #[inline]
    fn probe_key(&self, lo: u64, hi: u64, b: &[u8]) -> Option<&ShortSlot<V>> {
        let (i, bit) = length_bit(b);
        if self.lengths[i] & bit == 0 || self.short.is_empty() {
            return None;
        }
        let mask = self.short.len() - 1;
        let h = short_hash(lo, hi, b.len());
        let tag = short_tag(h);
        let mut i = (h as usize) & mask;
        loop {
            let t = self.tags[i];
            if t == 0 {
                return None;
            }
            if t == tag {
                let slot = &self.short[i];
                if slot.lo == lo && slot.hi == hi && usize::from(slot.len) == b.len() {
                    return Some(slot);
                }
            }
            i = (i + 1) & mask;
        }
    }

    /// The key that is `word`'s lowercase form, and its value.
    #[inline]
    fn entry(&self, word: &str) -> Option<(&str, V)> {
        match self.probe_short(word.as_bytes()) {
            Some(slot) => slot.map(|s| (self.keys[s.index as usize].0.as_str(), s.value)),
            None => self.entry_long(word),
        }
    }

    /// [`CiMap::entry`] for a word that is not ASCII or longer than 16 bytes.
    fn entry_long(&self, word: &str) -> Option<(&str, V)> {
        let b = word.as_bytes();
        if !b.is_empty() && b.is_ascii() {
            let (i, bit) = length_bit(b);
            if self.lengths[i] & bit == 0 {
                return None;
            }
        }
        let Some(h) = ascii_ci_hash(b) else {
            return with_lower(word, |w| {
                self.map.get_key_value(w).map(|(k, &v)| (k.as_str(), v))
            });
        };
        let mask = self.slots.len() - 1;
        let mut i = (h as usize) & mask;
        loop {
            let (sh, k) = self.slots[i];
            if k == u32::MAX {
                return None;
            }
            if sh == h {
                let (key, v) = &self.keys[k as usize];
                if key.as_bytes().eq_ignore_ascii_case(b) {
                    return Some((key, *v));
                }
            }
            i = (i + 1) & mask;
        }
    }

    /// The key that is `word`'s lowercase form.
    #[cfg(test)]
    pub(crate) fn get_key(&self, word: &str) -> Option<&str> {
        self.entry(word).map(|(k, _)| k)
    }

    /// Whether `word`'s lowercase form is a key.
    pub(crate) fn contains(&self, word: &str) -> bool {
        self.get(word).is_some()
    }
}

impl<V> std::ops::Deref for CiMap<V> {
    type Target = LexMap<V>;
    fn deref(&self) -> &LexMap<V> {
        &self.map
    }
}

fn ci_set(words: impl IntoIterator<Item = String>) -> CiMap<()> {
    CiMap::new(words.into_iter().map(|w| (w, ())).collect())
}

/// The lexicons, loaded once.
#[derive(Debug)]
pub struct Lexicon {
    // The word lists one by one: the word table (`words`) has them all, and is what the
    // stage looks up; these are kept for the tests that hold the table to them.
    #[cfg(test)]
    first_names: CiMap<Gender>,
    #[cfg(test)]
    honorifics: CiMap<Gender>,
    #[cfg(test)]
    person_nouns: CiMap<Gender>,
    #[cfg(test)]
    group_nouns: CiMap<()>,
    #[cfg(test)]
    org_heads: CiMap<SpeakerKind>,
    /// lowercase names, and names in capitals matched as written (`WHO`, `US`)
    orgs: CiMap<()>,
    orgs_exact: LexSet,
    outlets: CiMap<()>,
    /// The lowercase names of `outlets` ([`OUTLET`]) and `orgs` ([`ORGANIZATION`]) in one
    /// table, so that [`Lexicon::name_kind`] asks both with one look-up.
    names: CiMap<u8>,
    outlets_exact: LexSet,
    /// The longest name of the four sets above, in bytes.
    names_max: usize,
    #[cfg(test)]
    doc_nouns: CiMap<()>,
    anonymity: AhoCorasick,
    /// One word of each anonymity marker (its longest): a phrase that has none of them as a
    /// word holds no marker on word boundaries, and the automaton is not run.
    anonymity_words: CiMap<()>,
    /// What the word lexicons above say of each of their words, in one lookup: the four
    /// word tables, the group and document nouns (with the plurals of role nouns), and the
    /// one-word names of the outlet and organisation lists.
    words: CiMap<WordInfo>,
}

/// What the word lexicons say of one word: [`Lexicon::word_info`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct WordInfo {
    /// [`Lexicon::first_name`]
    pub first_name: Option<Gender>,
    /// [`Lexicon::honorific`]
    pub honorific: Option<Gender>,
    /// [`Lexicon::person_noun`]
    pub person_noun: Option<Gender>,
    /// [`Lexicon::org_head`]
    pub org_head: Option<SpeakerKind>,
    /// [`Lexicon::is_group_noun`]
    pub group_noun: bool,
    /// [`Lexicon::is_document_noun`]
    pub document_noun: bool,
    /// The word, lowercase, is in the outlet list (the names not in capitals).
    pub outlet: bool,
    /// The word, lowercase, is in the organisation list (the names not in capitals).
    pub organization: bool,
    /// What the classifier's word lists say of the word (the `class` bits below): set
    /// in the table for every ASCII word of up to 16 bytes they hold, and read only by
    /// [`word_facts`], which adds [`CAP`] and drops the bits that hold only as written.
    pub class: u16,
}

// The bits of [`WordInfo::class`]. Looked up by the lowercase word, so the lists that match
// only as written (all lowercase) are kept apart: [`word_facts`] drops [`AS_WRITTEN`] from a
// word with a capital.
/// [`is_cap`]: set by [`word_facts`] alone.
const CAP: u16 = 1;
/// [`is_determiner`]
const DETERMINER: u16 = 1 << 1;
/// [`is_definite`]
const DEFINITE: u16 = 1 << 2;
/// [`is_name_stop`]
const NAME_STOP: u16 = 1 << 3;
/// A company suffix (`Inc.`, `LLC`), ignoring case.
const SUFFIX: u16 = 1 << 4;
/// [`is_cut_word`] (as written)
const CUT: u16 = 1 << 5;
/// [`is_particle`] (as written)
const PARTICLE: u16 = 1 << 6;
/// `of` as written.
const OF: u16 = 1 << 7;
/// `and` as written.
const AND: u16 = 1 << 8;
/// `for` or `the` as written: with `of` and `and`, the lowercase words a capitalised name
/// may hold.
const FOR_THE: u16 = 1 << 9;
/// The bits that hold only for a word written in lowercase.
const AS_WRITTEN: u16 = CUT | PARTICLE | OF | AND | FOR_THE;
/// Where the [`Pronoun`] a word is (`pronoun`) is kept, as its index in [`PRONOUN_KINDS`]
/// plus one (0 for none), ignoring case.
const PRONOUN_SHIFT: u32 = 10;
const PRONOUN_BITS: u16 = 7 << PRONOUN_SHIFT;
/// Set by [`word_facts`] for a word it looked up by its short key (an ASCII word of at most
/// 16 bytes): only then do the other bits say all the lists say of it.
const SHORT: u16 = 1 << 13;
/// The pronouns in the order of their index in [`PRONOUN_BITS`].
const PRONOUN_KINDS: [Pronoun; 7] = [
    Pronoun::Masculine,
    Pronoun::Feminine,
    Pronoun::Plural,
    Pronoun::Neuter,
    Pronoun::RelativePerson,
    Pronoun::RelativeThing,
    Pronoun::Speech,
];

/// The pronoun a word whose facts are `info` is, from its [`PRONOUN_BITS`].
fn pronoun_of(info: &WordInfo) -> Option<Pronoun> {
    match (info.class & PRONOUN_BITS) >> PRONOUN_SHIFT {
        0 => None,
        k => PRONOUN_KINDS.get(usize::from(k) - 1).copied(),
    }
}

/// The class bits of each lowercase word of the classifier's lists.
fn class_words() -> Vec<(&'static str, u16)> {
    let mut out: Vec<(&'static str, u16)> = Vec::new();
    out.extend(DETERMINERS.iter().map(|&w| (w, DETERMINER)));
    out.extend(["the", "this", "that"].map(|w| (w, DEFINITE)));
    out.extend(NAME_STOPS.iter().map(|&w| (w, NAME_STOP)));
    out.extend(COMPANY_SUFFIXES.iter().map(|&w| (w, SUFFIX)));
    out.push(("of", OF));
    out.extend(CUT_WORDS.iter().map(|&w| (w, CUT)));
    out.extend(PARTICLES.iter().map(|&w| (w, PARTICLE)));
    out.push(("and", AND));
    out.extend(["for", "the"].map(|w| (w, FOR_THE)));
    for w in PRONOUN_WORDS {
        if let Some(p) = pronoun_lower(w) {
            let k = PRONOUN_KINDS.iter().position(|&q| q == p).unwrap_or(0);
            out.push((w, ((k + 1) as u16) << PRONOUN_SHIFT));
        }
    }
    out
}

/// Call `f` with the lowercase form of `word`, without allocating for short ASCII words.
pub(crate) fn with_lower<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    let bytes = word.as_bytes();
    if let Some((lo, hi)) = short_key(bytes) {
        // 1 to 16 ASCII bytes, lowered eight at a time.
        let mut buf = [0u8; 16];
        buf[..8].copy_from_slice(&lo.to_le_bytes());
        buf[8..].copy_from_slice(&hi.to_le_bytes());
        // SAFETY: `short_key` takes only ASCII words and lowering keeps every byte ASCII,
        // so `buf[..bytes.len()]` is valid UTF-8.
        return f(unsafe { std::str::from_utf8_unchecked(&buf[..bytes.len()]) });
    }
    if bytes.len() <= 48 && word.is_ascii() {
        let mut buf = [0u8; 48];
        for (d, s) in buf.iter_mut().zip(bytes) {
            *d = s.to_ascii_lowercase();
        }
        // SAFETY: `word` is ASCII and ASCII lowercase keeps every byte ASCII, so
        // `buf[..bytes.len()]` is valid UTF-8.
        f(unsafe { std::str::from_utf8_unchecked(&buf[..bytes.len()]) })
    } else {
        f(&word.to_lowercase())
    }
}

fn with_class(data: &str) -> impl Iterator<Item = (&str, &str)> {
    lexicon::entries(data).map(|line| match line.split_once(" | ") {
        Some((a, b)) => (a.trim(), b.trim()),
        None => (line, ""),
    })
}

fn is_all_caps(s: &str) -> bool {
    // One pass that stops at the first ASCII lowercase letter (a name's second byte,
    // mostly: no char test can then say yes), reading chars only from a byte beyond ASCII.
    let mut upper = false;
    for &b in s.as_bytes() {
        if b.is_ascii_lowercase() {
            return false;
        }
        if b >= 0x80 {
            return s.chars().any(char::is_uppercase) && !s.chars().any(char::is_lowercase);
        }
        upper |= b.is_ascii_uppercase();
    }
    upper
}

fn names_sets(data: &str) -> (CiMap<()>, LexSet) {
    let mut lower = LexSet::default();
    let mut exact = LexSet::default();
    for e in lexicon::entries(data) {
        let e = e.strip_prefix("The ").unwrap_or(e);
        if is_all_caps(e) {
            exact.insert(e.to_owned());
        } else {
            lower.insert(e.to_lowercase());
        }
    }
    (ci_set(lower), exact)
}

impl Lexicon {
    fn load() -> Lexicon {
        let mut first_names = LexMap::<Gender>::default();
        for data in [FIRST_NAMES, FIRST_NAMES_EXTRA] {
            for (name, g) in with_class(data) {
                first_names
                    .entry(name.to_lowercase())
                    .or_insert(Gender::parse(g));
            }
        }
        let map = |data: &str| -> LexMap<Gender> {
            with_class(data)
                .map(|(w, g)| (w.to_lowercase(), Gender::parse(g)))
                .collect()
        };
        let set =
            |data: &str| -> LexSet { lexicon::entries(data).map(str::to_lowercase).collect() };
        let org_heads: LexMap<SpeakerKind> = with_class(ORG_HEADS)
            .map(|(w, k)| {
                let kind = if k == "media" {
                    SpeakerKind::Media
                } else {
                    SpeakerKind::Organization
                };
                (w.to_lowercase(), kind)
            })
            .collect();
        let (orgs, orgs_exact) = names_sets(ORGANIZATIONS);
        let (outlets, outlets_exact) = names_sets(OUTLETS);
        let names_max = (orgs.keys().chain(outlets.keys()))
            .chain(orgs_exact.iter().chain(&outlets_exact))
            .map(String::len)
            .max()
            .unwrap_or(0);
        let anonymity = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .build(lexicon::entries(ANONYMITY))
            .expect("the shipped anonymity lexicon builds");
        let anonymity_words = ci_set(lexicon::entries(ANONYMITY).filter_map(|e| {
            e.split(|c: char| !c.is_alphanumeric())
                .fold(None, |best: Option<&str>, w| match best {
                    Some(b) if b.len() >= w.len() => Some(b),
                    _ if w.is_empty() => best,
                    _ => Some(w),
                })
                .map(str::to_lowercase)
        }));
        let honorifics = map(HONORIFICS);
        let person_nouns = map(PERSON_NOUNS);
        let mut words = LexMap::<WordInfo>::default();
        for (w, &g) in &first_names {
            words.entry(w.clone()).or_default().first_name = Some(g);
        }
        for (w, &g) in &honorifics {
            words.entry(w.clone()).or_default().honorific = Some(g);
        }
        for (w, &g) in &person_nouns {
            words.entry(w.clone()).or_default().person_noun = Some(g);
        }
        for (w, &k) in &org_heads {
            words.entry(w.clone()).or_default().org_head = Some(k);
        }
        let group_nouns = set(GROUP_NOUNS);
        // `is_group_noun_lower`'s plurals of role nouns: `-men` for `-man`, `-ies` for `-y`,
        // `-s` after two or more bytes.
        let plurals = person_nouns.keys().flat_map(|p| {
            let men = p.strip_suffix("man").map(|stem| format!("{stem}men"));
            let ies = p.strip_suffix('y').map(|stem| format!("{stem}ies"));
            let s = (p.len() > 1).then(|| format!("{p}s"));
            [men, ies, s].into_iter().flatten()
        });
        for w in group_nouns.iter().cloned().chain(plurals) {
            words.entry(w).or_default().group_noun = true;
        }
        let doc_nouns = set(DOCUMENT_NOUNS);
        for w in &doc_nouns {
            words.entry(w.clone()).or_default().document_noun = true;
        }
        let mut names = LexMap::<u8>::default();
        for w in outlets.keys() {
            *names.entry(w.clone()).or_default() |= OUTLET;
        }
        for w in orgs.keys() {
            *names.entry(w.clone()).or_default() |= ORGANIZATION;
        }
        for w in outlets.keys().filter(|w| !w.contains(' ')) {
            words.entry(w.clone()).or_default().outlet = true;
        }
        for w in orgs.keys().filter(|w| !w.contains(' ')) {
            words.entry(w.clone()).or_default().organization = true;
        }
        for (w, class) in class_words() {
            words.entry(w.to_owned()).or_default().class |= class;
        }
        Lexicon {
            #[cfg(test)]
            first_names: CiMap::new(first_names),
            #[cfg(test)]
            honorifics: CiMap::new(honorifics),
            #[cfg(test)]
            person_nouns: CiMap::new(person_nouns),
            #[cfg(test)]
            group_nouns: ci_set(group_nouns),
            #[cfg(test)]
            org_heads: CiMap::new(org_heads),
            orgs,
            names_max,
            orgs_exact,
            outlets,
            names: CiMap::new(names),
            outlets_exact,
            #[cfg(test)]
            doc_nouns: ci_set(doc_nouns),
            anonymity,
            anonymity_words,
            words: CiMap::new(words),
        }
    }

    /// What the word lexicons say of `word`: `first_name(word)`, `honorific(word)`,
    /// `person_noun(word)` and `org_head(word)` at once.
    pub(crate) fn word_info(&self, word: &str) -> WordInfo {
        let mut info = self.words.get(word).unwrap_or_default();
        // Most words end in no `.`: no trimming for them.
        if word.as_bytes().last() == Some(&b'.') {
            let bare = word.trim_end_matches('.');
            info.honorific = self.words.get(bare).and_then(|i| i.honorific);
        }
        info
    }

    /// The gender of a first name, None when the lists do not have it.
    pub fn first_name(&self, word: &str) -> Option<Gender> {
        self.words.get(word).and_then(|i| i.first_name)
    }

    /// The gender an honorific gives (`Mr.` → Male), None when `word` is none.
    pub fn honorific(&self, word: &str) -> Option<Gender> {
        self.words
            .get(word.trim_end_matches('.'))
            .and_then(|i| i.honorific)
    }

    /// The gender a role noun gives, None when `word` is no role noun.
    pub fn person_noun(&self, word: &str) -> Option<Gender> {
        self.words.get(word).and_then(|i| i.person_noun)
    }

    /// The lexicon's own copy of the person noun `word` (lowercase), for keeping it with no
    /// copy.
    pub(crate) fn person_noun_key(&self, word: &str) -> Option<&str> {
        self.words
            .entry(word)
            .and_then(|(k, i)| i.person_noun.is_some().then_some(k))
    }

    /// True for group words: quantifiers, plural people nouns, plurals of role nouns.
    pub fn is_group_noun(&self, word: &str) -> bool {
        self.words.get(word).is_some_and(|i| i.group_noun)
    }

    /// [`Lexicon::is_group_noun`] of a lowercase word, from the lists themselves: what the
    /// word table's `group_noun` must agree with.
    #[cfg(test)]
    fn is_group_noun_lower(&self, w: &str) -> bool {
        if self.group_nouns.contains(w) {
            return true;
        }
        if let Some(stem) = w.strip_suffix("men") {
            if self.person_nouns.contains_key(&format!("{stem}man")) {
                return true;
            }
        }
        if let Some(stem) = w.strip_suffix("ies") {
            if self.person_nouns.contains_key(&format!("{stem}y")) {
                return true;
            }
        }
        w.strip_suffix('s')
            .is_some_and(|stem| stem.len() > 1 && self.person_nouns.contains_key(stem))
    }

    /// The kind an organisation or media head word gives.
    pub fn org_head(&self, word: &str) -> Option<SpeakerKind> {
        self.words.get(word).and_then(|i| i.org_head)
    }

    /// True for a known organisation, country or capital name.
    pub fn is_organization(&self, name: &str) -> bool {
        let name = strip_the(name);
        if self.too_long_for_a_name(name) {
            return false;
        }
        // The names matched as written are all in capitals.
        let caps = is_all_caps(name);
        caps && self.orgs_exact.contains(name)
            || (!caps || name.len() > 4) && self.orgs.contains(name)
    }

    /// True for a known outlet name.
    pub fn is_outlet(&self, name: &str) -> bool {
        let name = strip_the(name);
        if self.too_long_for_a_name(name) {
            return false;
        }
        // The names matched as written are all in capitals.
        let caps = is_all_caps(name);
        caps && self.outlets_exact.contains(name)
            || (!caps || name.len() > 4) && self.outlets.contains(name)
    }

    /// What the outlet and organisation lists say of `name`: [`SpeakerKind::Media`] for a
    /// known outlet, else [`SpeakerKind::Organization`] for a known organisation
    /// (`is_outlet`, then `is_organization`, reading the name once).
    pub(crate) fn name_kind(&self, name: &str) -> Option<SpeakerKind> {
        self.name_kind_with(name, None)
    }

    /// [`Lexicon::name_kind`], with `word_info(name)` when the caller has it (`name` one
    /// word with no leading `the`): the lowercase lists are then not looked up again.
    fn name_kind_with(&self, name: &str, info: Option<&WordInfo>) -> Option<SpeakerKind> {
        let name = strip_the(name);
        if self.too_long_for_a_name(name) {
            return None;
        }
        let caps = is_all_caps(name);
        let lower = !caps || name.len() > 4;
        let (outlet, org) = match info {
            Some(i) => (i.outlet, i.organization),
            None => {
                let bits = self.names.get(name).unwrap_or(0);
                (bits & OUTLET != 0, bits & ORGANIZATION != 0)
            }
        };
        if caps && self.outlets_exact.contains(name) || lower && outlet {
            Some(SpeakerKind::Media)
        } else if caps && self.orgs_exact.contains(name) || lower && org {
            Some(SpeakerKind::Organization)
        } else {
            None
        }
    }

    /// True when `name` cannot be a known organisation or outlet name, even lowercased (a
    /// char's lowercase takes at least a quarter of its bytes).
    fn too_long_for_a_name(&self, name: &str) -> bool {
        name.len() > 4 * self.names_max
    }

    /// True for a document noun.
    pub fn is_document_noun(&self, word: &str) -> bool {
        self.words.get(word).is_some_and(|i| i.document_noun)
    }

    /// True when `phrase` holds an anonymity marker on word boundaries.
    pub fn is_anonymous(&self, phrase: &str) -> bool {
        // A marker found on word boundaries has each of its words as a whole word of the
        // phrase: with none of the markers' chosen words, there is none.
        let maybe = if phrase.is_ascii() {
            // An ASCII char is alphanumeric as its byte is: the words eight bytes at a time,
            // and most of them said no to by the keys' lengths and first letters, with no
            // probe.
            let b = phrase.as_bytes();
            let words = &self.anonymity_words;
            let mut i = 0;
            let mut found = false;
            while i < b.len() && !found {
                if !b[i].is_ascii_alphanumeric() {
                    i += 1;
                    continue;
                }
                let start = i;
                let end = ascii_alnum_end(b, i + 1);
                let (k, bit) = length_bit(&b[start..end]);
                found = words.lengths[k] & bit != 0 && words.contains(&phrase[start..end]);
                // The byte at `end` is no letter or digit (or the end): passed over at once.
                i = end + 1;
            }
            found
        } else {
            phrase
                .split(|c: char| !c.is_alphanumeric())
                .any(|w| !w.is_empty() && self.anonymity_words.contains(w))
        };
        maybe && self.is_anonymous_scan(phrase)
    }

    /// [`Lexicon::is_anonymous`] by the automaton alone.
    fn is_anonymous_scan(&self, phrase: &str) -> bool {
        self.anonymity.find_iter(phrase).any(|m| {
            let before = phrase[..m.start()].chars().next_back();
            let after = phrase[m.end()..].chars().next();
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
        })
    }
}

/// [`Lexicon::names`]: the name is an outlet's.
const OUTLET: u8 = 1;
/// [`Lexicon::names`]: the name is an organisation's.
const ORGANIZATION: u8 = 2;

/// The shipped lexicons.
pub fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(Lexicon::load)
}

fn strip_the(name: &str) -> &str {
    name.strip_prefix("The ")
        .or_else(|| name.strip_prefix("the "))
        .unwrap_or(name)
}

/// A bit for each lowercase ASCII letter of `letters` (bit 0 for `a`).
const fn letter_bits(letters: &[u8]) -> u32 {
    let mut bits = 0;
    let mut i = 0;
    while i < letters.len() {
        bits |= 1 << (letters[i] - b'a');
        i += 1;
    }
    bits
}

/// The letters a pronoun may start with, as [`letter_bits`].
const PRONOUN_FIRST: u32 = letter_bits(b"himostuwy");

/// The pronoun `word` is, if any.
pub fn pronoun(word: &str) -> Option<Pronoun> {
    // Every pronoun starts with one of `himostuwy`: a word whose first byte is another
    // ASCII letter (most names) is none, with no lowercasing.
    match word.as_bytes().first() {
        Some(&b) if b.is_ascii_alphabetic() && PRONOUN_FIRST & 1 << ((b | 0x20) - b'a') == 0 => {
            return None
        }
        Some(&b) if b < 0x80 && !b.is_ascii_alphabetic() => return None,
        _ => {}
    }
    with_lower(word, pronoun_lower)
}

/// Every word [`pronoun_lower`] knows.
const PRONOUN_WORDS: &[&str] = &[
    "he",
    "him",
    "his",
    "himself",
    "she",
    "her",
    "hers",
    "herself",
    "they",
    "them",
    "their",
    "theirs",
    "themselves",
    "it",
    "its",
    "itself",
    "who",
    "whom",
    "whose",
    "which",
    "that",
    "i",
    "me",
    "my",
    "we",
    "us",
    "our",
    "you",
    "your",
];

fn pronoun_lower(word: &str) -> Option<Pronoun> {
    Some(match word {
        "he" | "him" | "his" | "himself" => Pronoun::Masculine,
        "she" | "her" | "hers" | "herself" => Pronoun::Feminine,
        "they" | "them" | "their" | "theirs" | "themselves" => Pronoun::Plural,
        "it" | "its" | "itself" => Pronoun::Neuter,
        "who" | "whom" | "whose" => Pronoun::RelativePerson,
        "which" | "that" => Pronoun::RelativeThing,
        "i" | "me" | "my" | "we" | "us" | "our" | "you" | "your" => Pronoun::Speech,
        _ => return None,
    })
}

/// Call `f` with `word` in ASCII lowercase; false for a word longer than `max` bytes or not
/// ASCII (neither can equal, ignoring ASCII case, an ASCII word of at most `max` bytes).
fn ascii_lower_is(word: &str, max: usize, f: impl FnOnce(&str) -> bool) -> bool {
    word.len() <= max && word.is_ascii() && with_lower(word, f)
}

/// The determiners [`is_determiner`] knows, lowercase.
const DETERMINERS: &[&str] = &[
    "the",
    "a",
    "an",
    "this",
    "that",
    "these",
    "those",
    "some",
    "many",
    "several",
    "most",
    "few",
    "other",
    "another",
    "various",
    "numerous",
    "both",
    "all",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "dozens",
    "hundreds",
    "thousands",
    "one",
    "more",
    "certain",
    "any",
    "each",
    "every",
    "no",
];

/// [`DETERMINERS`] as a [`WordSet`].
static DETERMINER_SET: WordSet<128> = WordSet::new(DETERMINERS);

fn is_determiner(word: &str) -> bool {
    // Every determiner is 1 to 9 ASCII letters, starting with one of `abcdefhmnostv`: a
    // word starting with another letter (many names) is none, with no lowercasing.
    const FIRST: u32 = letter_bits(b"abcdefhmnostv");
    let b = word.as_bytes();
    match b.first() {
        Some(&c) if c.is_ascii_alphabetic() && FIRST & 1 << ((c | 0x20) - b'a') != 0 => {}
        _ => return false,
    }
    b.len() <= 9 && short_key(b).is_some_and(|key| DETERMINER_SET.contains(key, b.len()))
}

#[cfg(test)]
fn is_definite(word: &str) -> bool {
    ascii_lower_is(word, 4, |w| matches!(w, "the" | "this" | "that"))
}

/// Company suffixes, lowercase: a name with one is an organisation's.
const COMPANY_SUFFIXES: &[&str] = &[
    "inc", "inc.", "corp", "corp.", "llc", "ltd", "ltd.", "plc", "co.",
];

/// The words of [`is_cut_word`].
const CUT_WORDS: &[&str] = &[
    "who",
    "whom",
    "whose",
    "which",
    "that",
    "for",
    "at",
    "with",
    "from",
    "in",
    "on",
    "by",
    "to",
    "about",
    "familiar",
    "close",
    "associated",
    "under",
    "over",
    "after",
    "during",
    "according",
    "involved",
    "working",
    "speaking",
    "based",
    "inside",
    "within",
    "near",
    "since",
    "as",
];

/// Words that end the head of a noun phrase (`of` is handled apart), as written.
#[cfg(test)]
fn is_cut_word(word: &str) -> bool {
    CUT_WORDS.contains(&word)
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum TokKind {
    Word,
    Comma,
    Possessive,
    Break,
}

/// A token of a phrase (absolute offsets).
#[derive(Clone, Copy, Debug)]
pub(crate) struct Tok {
    start: usize,
    end: usize,
    kind: TokKind,
}

/// [`CAP`] when `word` [`is_cap`], else 0.
#[inline]
fn cap_bit(word: &str) -> u16 {
    let cap = match word.as_bytes().first() {
        Some(&c) if c < 0x80 => c.is_ascii_uppercase(),
        _ => is_cap(word),
    };
    if cap {
        CAP
    } else {
        0
    }
}

/// What the word lexicons and the classifier's word lists say of `word`, from one look-up
/// of its lowercase form: [`Lexicon::word_info`], with [`WordInfo::class`] holding [`CAP`]
/// when [`is_cap`], and the other class bits as the word is written (a capital drops the
/// bits of [`AS_WRITTEN`]; a word that is not ASCII, or longer than 16 bytes, is in none of
/// the lists).
fn word_facts(lex: &Lexicon, word: &str) -> WordInfo {
    let b = word.as_bytes();
    let mut info = match written_key(b) {
        Some((lo, hi)) => {
            let (llo, lhi) = (swar::lower(lo), swar::lower(hi));
            let mut info = lex
                .words
                .probe_key(llo, lhi, b)
                .map_or_else(WordInfo::default, |s| s.value);
            if (llo, lhi) != (lo, hi) {
                info.class &= !AS_WRITTEN;
            }
            info.class |= SHORT;
            info
        }
        None => WordInfo {
            class: 0,
            ..lex.words.get(word).unwrap_or_default()
        },
    };
    // As `word_info` reads an honorific: without its final dots.
    if b.last() == Some(&b'.') {
        let bare = word.trim_end_matches('.');
        info.honorific = lex.words.get(bare).and_then(|i| i.honorific);
    }
    info.class |= cap_bit(word);
    info
}

fn keeps_final_dot(word: &str) -> bool {
    let letters = word.trim_end_matches('.');
    // The lexicon's test last: most words ending a sentence pass none of the four.
    letters.as_bytes().contains(&b'.')
        || letters.chars().count() == 1 && letters.chars().all(char::is_uppercase)
        || ["inc", "corp", "co", "ltd", "jr", "st", "no"]
            .iter()
            .any(|s| s.eq_ignore_ascii_case(letters))
        || lexicon().honorific(letters).is_some()
}

/// Tokens of `text[start..end]` (absolute offsets) into `toks` (cleared first), so a caller
/// can reuse one buffer.
fn tokenize_into(text: &str, start: usize, end: usize, toks: &mut Vec<Tok>) {
    toks.clear();
    let piece = &text[start..end];
    let bytes = piece.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // The common bytes first, as the char reading below takes them: a space, and a word
        // of ASCII letters and digits ended by a space, a comma or the end.
        let b = bytes[i];
        if b == b' ' {
            i += 1;
            continue;
        }
        if b.is_ascii_alphanumeric() {
            let j = ascii_alnum_end(bytes, i + 1);
            if bytes.get(j).map_or(true, |&d| d == b' ' || d == b',') {
                toks.push(Tok {
                    start: start + i,
                    end: start + j,
                    kind: TokKind::Word,
                });
                i = j;
                continue;
            }
        }
        let Some(c) = char_at(piece, i) else { break };
        let len = c.len_utf8();
        if is_word_char(c) {
            let mut j = i + len;
            loop {
                // ASCII letters and digits, the bulk of a word, byte by byte.
                j = ascii_alnum_end(bytes, j);
                let Some(d) = char_at(piece, j) else { break };
                if is_word_char(d) {
                    j += d.len_utf8();
                    continue;
                }
                if matches!(d, '-' | '.' | '\'' | '’' | '&') {
                    let after = j + d.len_utf8();
                    let next = char_at(piece, after);
                    let possessive = matches!(d, '\'' | '’')
                        && matches!(next, Some('s' | 'S'))
                        && !char_at(piece, after + 1).is_some_and(is_word_char);
                    if next.is_some_and(is_word_char) && !possessive {
                        j = after;
                        continue;
                    }
                    if d == '.' && keeps_final_dot(&piece[i..j + 1]) {
                        j += 1;
                    }
                }
                break;
            }
            toks.push(Tok {
                start: start + i,
                end: start + j,
                kind: TokKind::Word,
            });
            i = j;
        } else if matches!(c, '\'' | '’') {
            // A possessive: 's after a word, or a lone ' after a plural.
            let after_word = toks
                .last()
                .is_some_and(|t| t.kind == TokKind::Word && t.end == start + i);
            if after_word {
                let mut e = i + len;
                if char_at(piece, e).is_some_and(|d| matches!(d, 's' | 'S'))
                    && !char_at(piece, e + 1).is_some_and(is_word_char)
                {
                    e += 1;
                }
                toks.push(Tok {
                    start: start + i,
                    end: start + e,
                    kind: TokKind::Possessive,
                });
                i = e;
            } else {
                toks.push(Tok {
                    start: start + i,
                    end: start + i + len,
                    kind: TokKind::Break,
                });
                i += len;
            }
        } else if c == ',' {
            toks.push(Tok {
                start: start + i,
                end: start + i + 1,
                kind: TokKind::Comma,
            });
            i += 1;
        } else {
            if !c.is_whitespace() {
                toks.push(Tok {
                    start: start + i,
                    end: start + i + len,
                    kind: TokKind::Break,
                });
            }
            i += len;
        }
    }
}

fn is_cap(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// Classify the source phrase `text[span]`.
///
/// ```
/// use sayso::entities::{classify, Pronoun, Reference};
/// use sayso::{Span, SpeakerKind};
/// let text = "His comments";
/// let p = classify(text, Span::new(0, text.len()));
/// assert_eq!(p.reference, Reference::Pronoun(Pronoun::Masculine));
/// assert_eq!(p.mention.as_str(text), "His");
/// ```
pub fn classify(text: &str, span: Span) -> SourcePhrase<'_> {
    classify_with(text, span, &mut Vec::new())
}

/// [`classify`] with `toks` as the token buffer (reused across calls).
pub(crate) fn classify_with<'a>(
    text: &'a str,
    span: Span,
    toks: &mut Vec<Tok>,
) -> SourcePhrase<'a> {
    let read = read_span(text, span);
    tokenize_into(text, read.start, read.end, toks);
    classify_tokens(text, toks, 0)
}

/// The part of `span` that [`classify`] reads: at most [`MAX_PHRASE`] bytes, ending on a
/// char boundary. What `classify` returns depends on `text[read_span(text, span)]` alone,
/// its `mention` (when not empty) shifted with it.
pub(crate) fn read_span(text: &str, span: Span) -> Span {
    let mut end = span
        .end
        .min(text.len())
        .min(span.start.saturating_add(MAX_PHRASE));
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    Span::new(span.start.min(end), end)
}

/// What [`classify`] gives for `text[read]` (a [`read_span`]) when it is a plain name: one
/// or two capitalised words of ASCII letters (`Trump`, `Donald Trump`) that the lexicons
/// know as nothing but, at most, a first name. None for any other phrase, and for the
/// cases of that shape the general reading treats apart (a determiner, an honorific, a
/// title, an organisation or outlet word, a group, role or document noun, a company
/// suffix, `Jr`, a name stop, `By`/`From`/`Of`, a pronoun alone): [`classify`] then reads
/// it. A test holds it to [`classify`].
pub(crate) fn plain_name(text: &str, read: Span) -> Option<SourcePhrase<'_>> {
    let phrase = text.get(read.start..read.end)?;
    let b = phrase.as_bytes();
    if b.len() > 40 || !b.first().is_some_and(u8::is_ascii_uppercase) {
        return None;
    }
    // The first word's shape and its end in one reading (a capital, then small letters up
    // to the end or a space), eight bytes at a time: no byte loop whose exit is a
    // mispredicted branch, most words being shorter than eight letters.
    let bytes = text.as_bytes();
    let k = ascii_small_end(bytes, read.start + 1, read.end) - read.start;
    if k < 2 {
        return None;
    }
    let (w1, w2) = if k == b.len() {
        (phrase, None)
    } else if b[k] == b' ' {
        (&phrase[..k], Some(&phrase[k + 1..]))
    } else {
        return None;
    };
    if is_determiner(w1) {
        return None;
    }
    let lex = lexicon();
    // What makes a word more than a name to the reading of a head: it is then read there.
    let special = |i: &WordInfo| {
        i.org_head.is_some()
            || i.group_noun
            || i.person_noun.is_some()
            || i.document_noun
            || i.outlet
            || i.organization
    };
    let suffix = |w: &str| {
        ascii_lower_is(w, 5, |w| {
            matches!(
                w,
                "inc" | "inc." | "corp" | "corp." | "llc" | "ltd" | "ltd." | "plc" | "co."
            )
        })
    };
    // The second word's shape before any look-up: most phrases of two words or more that
    // come here are no plain name (`the minister`, `Smith, a spokesman`).
    if let Some(w) = w2 {
        // (a capital, then small letters up to the end)
        let s = read.end - w.len();
        if w.len() < 2
            || !w.as_bytes()[0].is_ascii_uppercase()
            || ascii_small_end(bytes, s + 1, read.end) != read.end
        {
            return None;
        }
    }
    let info1 = lex.word_info(w1);
    let mut out = unknown_at(text, read);
    out.kind = SpeakerKind::Person;
    out.reference = Reference::Name;
    match w2 {
        None => {
            if special(&info1) || suffix(w1) || pronoun(w1).is_some() {
                return None;
            }
            out.last = Some(phrase);
        }
        Some(w2) => {
            if info1.honorific.is_some()
                || info1.person_noun.is_some()
                || suffix(w1)
                || suffix(w2)
                || is_name_stop(w2)
                || ascii_lower_is(w2, 4, |w| {
                    matches!(w, "jr" | "sr" | "ii" | "iii" | "iv" | "by" | "from" | "of")
                })
            {
                return None;
            }
            let info2 = lex.word_info(w2);
            if special(&info2) {
                return None;
            }
            if info1.first_name.is_none() && lex.name_kind(phrase).is_some() {
                return None;
            }
            out.first = Some(w1);
            out.last = Some(w2);
            out.gender = info1.first_name.unwrap_or_default();
        }
    }
    Some(out)
}

/// How many words [`letter_tokens`] reads: a longer phrase is tokenized.
const MAX_LETTER_WORDS: usize = 16;

/// The tokens of `text[read]` into `toks` (cleared first) when it is words of ASCII
/// letters with one space between them, each perhaps ending in a `.` that the tokenizer
/// keeps (`Mr. Trump`, `John F. Kennedy`), at most [`MAX_LETTER_WORDS`] of them: what
/// [`tokenize_into`] gives, read with no char decoding, and the first word's
/// [`word_facts`]. None for any other text (`toks` then holds no meaning).
fn letter_tokens(lex: &Lexicon, text: &str, read: Span, toks: &mut Vec<Tok>) -> Option<WordInfo> {
    let bytes = text.as_bytes();
    let (start, end) = (read.start, read.end.min(bytes.len()));
    toks.clear();
    let mut s = start;
    loop {
        let k = ascii_letters_end(bytes, s, end);
        if k == s {
            return None;
        }
        let dot = k < end && bytes[k] == b'.';
        let e = k + usize::from(dot);
        if e < end && bytes[e] != b' ' {
            return None;
        }
        // The first word's dot is told from its facts, read once the phrase is known to
        // be of this shape (most that are not fail after their first word).
        if dot && !toks.is_empty() && !keeps_final_dot(&text[s..e]) {
            return None;
        }
        toks.push(Tok {
            start: s,
            end: e,
            kind: TokKind::Word,
        });
        if e == end {
            break;
        }
        if toks.len() == MAX_LETTER_WORDS {
            return None;
        }
        s = e + 1;
    }
    let (s, e) = (toks[0].start, toks[0].end);
    let first = word_facts(lex, &text[s..e]);
    // `keeps_final_dot` for letters and a dot, its honorific test read from the facts
    // (`word_facts` looks up a word's honorific without its dot, as it does).
    if bytes[e - 1] == b'.' {
        let letters = &text[s..e - 1];
        let kept = letters.len() == 1 && bytes[s].is_ascii_uppercase()
            || ["inc", "corp", "co", "ltd", "jr", "st", "no"]
                .iter()
                .any(|w| w.eq_ignore_ascii_case(letters))
            || first.honorific.is_some();
        if !kept {
            return None;
        }
    }
    Some(first)
}

/// The index of the first byte at or after `i` that is no ASCII small letter, or `end` if
/// none comes before it: eight bytes at a time, reading on past `end` within `bytes`.
#[inline]
fn ascii_small_end(bytes: &[u8], i: usize, end: usize) -> usize {
    swar::class_end(bytes, i, end, swar::small_mask, |b| b.is_ascii_lowercase())
}

/// The index of the first byte at or after `i` that is no ASCII letter, or `end` if none
/// comes before it: eight bytes at a time, reading on past `end` within `bytes`.
#[inline]
fn ascii_letters_end(bytes: &[u8], i: usize, end: usize) -> usize {
    swar::class_end(bytes, i, end, swar::letter_mask, |b| {
        b.is_ascii_alphabetic()
    })
}

/// What [`classify`] gives for `text[read]` (a [`read_span`]) of words of ASCII letters
/// ([`letter_tokens`], `toks` the token buffer), with no tokenizing: with no comma or
/// possessive, and no inner `and` or author's marker (`by`, `from`, `of`: a phrase with one
/// goes the whole way from its tokens), [`classify_tokens`] comes down to the pronoun test,
/// the head's reading and the anonymity test. None for any other phrase. A test holds it
/// to [`classify`].
pub(crate) fn short_phrase<'a>(
    text: &'a str,
    read: Span,
    toks: &mut Vec<Tok>,
) -> Option<SourcePhrase<'a>> {
    let facts = letter_tokens(lexicon(), text, read, toks)?;
    let toks = &toks[..];
    let bytes = text.as_bytes();
    // Of two words, the second can be neither an inner `and` nor a marker followed by an
    // author.
    if toks.len() > 2
        && toks[1..].iter().any(|t| {
            let b = &bytes[t.start..t.end];
            b == b"and"
                || b.eq_ignore_ascii_case(b"by")
                || b.eq_ignore_ascii_case(b"from")
                || b.eq_ignore_ascii_case(b"of")
        })
    {
        return Some(classify_tokens(text, toks, 0));
    }
    let first = &text[toks[0].start..toks[0].end];
    let first_pronoun = if facts.class & SHORT != 0 {
        pronoun_of(&facts)
    } else {
        pronoun(first)
    };
    if let Some(p) = first_pronoun {
        if toks.len() <= 4 && toks[1..].iter().all(|t| !is_cap(&text[t.start..t.end])) {
            return Some(pronoun_phrase(text, toks, 0, p));
        }
    }
    let head = analyze_head(text, toks, Some((0, facts)));
    Some(finish_phrase(text, toks, toks, head.phrase))
}

/// What [`classify`] gives for `text[read]` (a [`read_span`]) when it is one pronoun of ASCII
/// letters alone (`he`, `They`, the most common source), with no tokenizing; None for
/// anything else.
pub(crate) fn lone_pronoun(text: &str, read: Span) -> Option<SourcePhrase<'_>> {
    let word = text.get(read.start..read.end)?;
    // Most sources fail on their first byte (a capital no pronoun starts with: a name), so
    // it is asked first: the loop over the letters, whose exit is a mispredicted branch, is
    // then run only on the few that may be pronouns.
    match word.as_bytes().first() {
        Some(&b) if b.is_ascii_alphabetic() && PRONOUN_FIRST & 1 << ((b | 0x20) - b'a') != 0 => {}
        _ => return None,
    }
    if word.len() > 10 || !word.bytes().all(|b| b.is_ascii_alphabetic()) {
        return None;
    }
    let p = pronoun(word)?;
    let mut out = unknown_at(text, read);
    out.reference = Reference::Pronoun(p);
    (out.kind, out.gender) = pronoun_kind_gender(p);
    Some(out)
}

fn unknown<'a>(text: &'a str, toks: &[Tok]) -> SourcePhrase<'a> {
    let mention = match (toks.first(), toks.last()) {
        (Some(a), Some(b)) => Span::new(a.start, b.end),
        _ => Span::default(),
    };
    unknown_at(text, mention)
}

/// An unknown phrase named by `text[mention]`.
fn unknown_at(text: &str, mention: Span) -> SourcePhrase<'_> {
    SourcePhrase {
        kind: SpeakerKind::Unknown,
        reference: Reference::Name,
        name: mention.as_str(text),
        first: None,
        last: None,
        title: None,
        honorific: false,
        description: None,
        head: None,
        gender: Gender::Unknown,
        mention,
    }
}

fn text_of<'a>(text: &'a str, toks: &[Tok]) -> &'a str {
    match (toks.first(), toks.last()) {
        (Some(a), Some(b)) => &text[a.start..b.end],
        _ => "",
    }
}

fn classify_tokens<'a>(text: &'a str, toks: &[Tok], depth: u8) -> SourcePhrase<'a> {
    let lex = lexicon();
    let word = |t: &Tok| &text[t.start..t.end];
    // A token's bytes, for comparing with ASCII words (no char boundary to check).
    let bytes_of = |t: &Tok| &text.as_bytes()[t.start..t.end];
    let Some(first) = toks.iter().position(|t| t.kind == TokKind::Word) else {
        return unknown(text, toks);
    };

    // The first word's facts, read once for the pronoun test and the head's reading.
    let first_facts = word_facts(lex, word(&toks[first]));
    let first_pronoun = if first_facts.class & SHORT != 0 {
        pronoun_of(&first_facts)
    } else {
        pronoun(word(&toks[first]))
    };
    // A pronoun alone, or a possessive determiner before a noun: "he", "His comments".
    if let Some(p) = first_pronoun {
        let mut rest = toks[first + 1..].iter().filter(|t| t.kind == TokKind::Word);
        let n_words = 1 + rest.clone().count();
        let rest_lower = rest.all(|t| !is_cap(word(t)));
        if n_words == 1 || rest_lower && n_words <= 4 {
            return pronoun_phrase(text, toks, first, p);
        }
    }

    // A possessive before a noun: "Lavrov’s remarks" → "Lavrov".
    if depth < 2 {
        if let Some(p) = toks.iter().position(|t| t.kind == TokKind::Possessive) {
            let after_lower = toks[p + 1..]
                .iter()
                .take_while(|t| t.kind == TokKind::Word)
                .all(|t| !is_cap(word(t)));
            if p > 0 && after_lower && toks.get(p + 1).is_some_and(|t| t.kind == TokKind::Word) {
                return classify_tokens(text, &toks[..p], depth + 1);
            }
        }
    }

    // `Mayor Ana Ruiz and Councillor Tom Hale`, `She and Dr. Tom Hale`: people coordinated
    // are a group of them, not the last one named (`Procter and Gamble` names no person);
    // an `and` after a comma is an apposition's (`Dee Roe, head of Health and Safety`).
    if depth == 0 {
        if let Some(and) = toks
            .iter()
            .take_while(|t| t.kind != TokKind::Comma)
            .position(|t| t.kind == TokKind::Word && bytes_of(t) == b"and")
            .filter(|&a| a > first && a + 1 < toks.len())
        {
            let person = |p: &SourcePhrase<'_>| {
                p.kind == SpeakerKind::Person
                    && (matches!(p.reference, Reference::Pronoun(_))
                        || p.first.is_some()
                        || p.title.is_some()
                        || p.honorific)
            };
            if person(&classify_tokens(text, &toks[..and], depth + 1))
                && person(&classify_tokens(text, &toks[and + 1..], depth + 1))
            {
                let mut out = unknown(text, toks);
                out.kind = SpeakerKind::Group;
                out.reference = Reference::Description { definite: false };
                return out;
            }
        }
    }

    // Split off an apposition at the first comma.
    let comma = toks.iter().position(|t| t.kind == TokKind::Comma);
    let (head_toks, appos) = match comma {
        Some(c) => (&toks[..c], Some(&toks[c + 1..])),
        None => (toks, None),
    };

    // A document with its author: "a report by RIA Novosti", "a statement from the ministry".
    if depth < 2 {
        // The first 11 words: a document noun among the first 6, its marker within 4 more.
        let mut hw_buf = [0usize; 11];
        let mut n_hw = 0;
        for (i, t) in head_toks.iter().enumerate() {
            if t.kind == TokKind::Word {
                hw_buf[n_hw] = i;
                n_hw += 1;
                if n_hw == hw_buf.len() {
                    break;
                }
            }
        }
        let hw = &hw_buf[..n_hw];
        // Only a `by`, `from` or `of` after the first word can name an author: look up the
        // document nouns only then.
        let marked = hw.iter().skip(1).any(|&k| {
            let b = bytes_of(&head_toks[k]);
            b.eq_ignore_ascii_case(b"by")
                || b.eq_ignore_ascii_case(b"from")
                || b.eq_ignore_ascii_case(b"of")
        });
        for (n, &i) in hw.iter().enumerate().take(if marked { 6 } else { 0 }) {
            if !lex.is_document_noun(word(&head_toks[i])) {
                continue;
            }
            // The author follows the noun (`of`, `by`, `from`) or its participle (`a poll
            // released Monday by Gallup`), within a few words. After a poll or a study `of`
            // names who was asked or studied (`a poll of voters`), not the author.
            let noun = word(&head_toks[i]);
            let of_is_author = !SAMPLED_DOCUMENTS
                .iter()
                .any(|d| noun.eq_ignore_ascii_case(d));
            let marker = hw[n + 1..].iter().take(4).enumerate().find(|&(d, &k)| {
                let b = bytes_of(&head_toks[k]);
                b.eq_ignore_ascii_case(b"by")
                    || b.eq_ignore_ascii_case(b"from")
                    || d == 0 && of_is_author && b.eq_ignore_ascii_case(b"of")
            });
            if let Some((_, &by)) = marker {
                let author_starts = by + 1 < head_toks.len();
                if author_starts {
                    let author = classify_tokens(text, &head_toks[by + 1..], depth + 1);
                    // A named author of no known kind (`a report by the Chicago Tribune`)
                    // is still who speaks: the document is the speaker only when no one is
                    // named.
                    let named = author.reference == Reference::Name
                        && author
                            .name
                            .trim_start_matches("the ")
                            .chars()
                            .next()
                            .is_some_and(char::is_uppercase);
                    if !matches!(author.kind, SpeakerKind::Unknown | SpeakerKind::Document) {
                        return author;
                    }
                    if author.kind == SpeakerKind::Unknown && named {
                        let mut author = author;
                        if let Some(bare) = author.name.strip_prefix("the ") {
                            author.name = bare;
                        }
                        return author;
                    }
                }
            }
            break;
        }
    }

    let head = analyze_head(text, head_toks, Some((first, first_facts)));
    let appos_toks = appos.map(|a| {
        let end = a
            .iter()
            .position(|t| t.kind == TokKind::Comma)
            .unwrap_or(a.len());
        &a[..end]
    });
    // "the head of the ministry, Andrei Belyushikov": the name is in the apposition (read
    // only when the head names no person).
    let named_appos = appos_toks
        .filter(|a| !head.is_named_person() && !a.is_empty())
        .map(|a| analyze_head(text, a, None))
        .filter(Head::is_named_person);

    let (main, description) = match (head, appos_toks) {
        (_, Some(_)) if named_appos.is_some() => {
            let a = named_appos.unwrap_or_else(|| unreachable!("checked just above"));
            (a, Some(text_of(text, head_toks)))
        }
        (h, Some(a_toks)) => {
            // The apposition up to its closing comma: "Smith, a sculptor, who ..."
            let desc =
                Some(text_of(text, a_toks)).map(|t| t.trim_end_matches([',', '.', ';', ':', ' ']));
            let desc = desc.filter(|d| {
                // A relative clause (`who asked not to be named`) describes no one by itself.
                let relative = ["who ", "which ", "whose ", "that "]
                    .iter()
                    .any(|r| d.starts_with(r));
                !relative
                    && !d.is_empty()
                    && !d.chars().all(|c| c.is_ascii_digit() || c.is_whitespace())
            });
            (h, desc)
        }
        (h, None) => (h, None),
    };
    let mut p = main.phrase;
    p.description = description.or(p.description);
    finish_phrase(text, toks, head_toks, p)
}

/// The phrase `toks` as the pronoun `p` at its token `first` ("he", "His comments").
fn pronoun_phrase<'a>(text: &'a str, toks: &[Tok], first: usize, p: Pronoun) -> SourcePhrase<'a> {
    let mut out = unknown(text, toks);
    out.reference = Reference::Pronoun(p);
    out.name = &text[toks[first].start..toks[first].end];
    out.mention = Span::new(toks[first].start, toks[first].end);
    (out.kind, out.gender) = pronoun_kind_gender(p);
    out
}

/// The phrase `toks` as read from its head `head_toks` (`p`, its description set): a group
/// or an anonymous source is named by the whole head.
fn finish_phrase<'a>(
    text: &'a str,
    toks: &[Tok],
    head_toks: &[Tok],
    mut p: SourcePhrase<'a>,
) -> SourcePhrase<'a> {
    // Whether the phrase holds an anonymity marker: read only when it can matter (not for
    // a named person).
    let anonymous = !(p.kind == SpeakerKind::Person && p.reference == Reference::Name)
        && match (toks.first(), toks.last()) {
            (Some(a), Some(b)) => lexicon().is_anonymous(&text[a.start..b.end]),
            _ => lexicon().is_anonymous(""),
        };
    if (p.kind == SpeakerKind::Group || anonymous) && !head_toks.is_empty() {
        // Groups and anonymous sources are named by their whole phrase: "farmers in the
        // valley", "a source familiar with the talks".
        p.name = text_of(text, head_toks);
        p.mention = Span::new(head_toks[0].start, head_toks[head_toks.len() - 1].end);
    }
    if anonymous {
        let definite = matches!(p.reference, Reference::Description { definite: true });
        p.kind = SpeakerKind::Anonymous;
        p.reference = Reference::Description { definite };
    }
    if p.mention.is_empty() && p.name.is_empty() {
        return unknown(text, toks);
    }
    p
}

#[derive(Clone, Debug)]
struct Head<'a> {
    phrase: SourcePhrase<'a>,
}

impl Head<'_> {
    fn is_named_person(&self) -> bool {
        self.phrase.kind == SpeakerKind::Person && self.phrase.reference == Reference::Name
    }
}

/// Read the head of a noun phrase (no comma inside); `known` is a token's index with its
/// [`word_facts`], when the caller has them. Two words are read first by
/// [`two_word_head`], every other phrase and the cases it leaves by [`general_head`].
fn analyze_head<'a>(text: &'a str, toks: &[Tok], known: Option<(usize, WordInfo)>) -> Head<'a> {
    let lex = lexicon();
    let facts = |t: &Tok| match known {
        Some((0, facts)) => facts,
        _ => word_facts(lex, &text[t.start..t.end]),
    };
    match toks {
        [t0] if t0.kind == TokKind::Word => {
            let f0 = facts(t0);
            if let Some(phrase) = one_word_head(text, t0, &f0) {
                return Head { phrase };
            }
            general_head(text, toks, Some((0, f0)), None)
        }
        [t0, t1] if t0.kind == TokKind::Word && t1.kind == TokKind::Word => {
            let f0 = facts(t0);
            let f1 = word_facts(lex, &text[t1.start..t1.end]);
            if let Some(phrase) = two_word_head(text, toks, &f0, &f1) {
                return Head { phrase };
            }
            general_head(text, toks, Some((0, f0)), Some(f1))
        }
        _ => general_head(text, toks, known, None),
    }
}

/// What [`general_head`] reads from one word `tok`, its facts `f`: a determiner alone, a
/// known outlet or organisation, an organisation head, a group, role or document noun, a
/// name in capitals (an organisation) or capitalised (a person). None for `of`, which the
/// general reading takes. A test holds it to the general reading.
fn one_word_head<'a>(text: &'a str, tok: &Tok, f: &WordInfo) -> Option<SourcePhrase<'a>> {
    if f.class & OF != 0 {
        return None;
    }
    let span = Span::new(tok.start, tok.end);
    let w = span.as_str(text);
    let mut out = unknown_at(text, span);
    if f.class & DETERMINER != 0 {
        // "some", "others", "many": a group alone.
        if f.group_noun {
            out.kind = SpeakerKind::Group;
            out.reference = Reference::Description { definite: false };
        }
        return Some(out);
    }
    if let Some(kind) = lexicon().name_kind_with(w, Some(f)) {
        return Some(named(out, w, span, kind));
    }
    let all_cap = f.class & (CAP | OF | AND | FOR_THE) != 0;
    let suffix = f.class & SUFFIX != 0;
    if let Some(kind) = f.org_head.or(suffix.then_some(SpeakerKind::Organization)) {
        if all_cap {
            return Some(named(out, w, span, kind));
        }
        out.kind = kind;
    } else if f.group_noun {
        out.kind = SpeakerKind::Group;
    } else if let Some(g) = f.person_noun {
        out.kind = SpeakerKind::Person;
        out.gender = g;
    } else if f.document_noun {
        out.kind = SpeakerKind::Document;
    } else {
        if all_cap {
            if is_all_caps(w) && w.chars().count() >= 2 {
                return Some(named(out, w, span, SpeakerKind::Organization));
            }
            if f.class & AND != 0 {
                return Some(named(out, w, span, SpeakerKind::Unknown));
            }
            set_person(&mut out, text, &[*tok], &[0], Gender::Unknown, f.first_name);
        }
        return Some(out);
    }
    out.reference = Reference::Description { definite: false };
    out.head = Some(lower_cow(w));
    Some(out)
}

/// What [`general_head`] reads from two words, their facts `f0` and `f1`, in the commonest
/// cases, each read directly: two capitalised words (`Donald Trump`, `Boston Globe`: a
/// known outlet or organisation, else a person) when the first is no determiner,
/// honorific or role noun and the second no organisation head, group, role or document
/// noun, company suffix or name stop; an honorific and a capitalised name (`Mr. Trump`);
/// a determiner and a word (`the minister`, `some officials`). None for the rest, which
/// the general reading takes. A test holds it to the general reading.
fn two_word_head<'a>(
    text: &'a str,
    toks: &[Tok],
    f0: &WordInfo,
    f1: &WordInfo,
) -> Option<SourcePhrase<'a>> {
    let span = Span::new(toks[0].start, toks[1].end);
    let mut out = unknown_at(text, span);
    // `of` first ends the head before it, a cut word or `of` second after the first word:
    // the general reading's.
    if f0.class & OF != 0 || f1.class & (CUT | OF) != 0 {
        return None;
    }
    if f0.class & DETERMINER != 0 {
        if f1.class & DETERMINER != 0 {
            return None;
        }
        // The general reading of one word after a determiner.
        let definite = f0.class & DEFINITE != 0;
        let wspan = Span::new(toks[1].start, toks[1].end);
        let w = wspan.as_str(text);
        let lex = lexicon();
        if let Some(kind) = lex.name_kind_with(w, Some(f1)) {
            return Some(named(out, w, wspan, kind));
        }
        let suffix = f1.class & SUFFIX != 0;
        let cap = f1.class & CAP != 0;
        if let Some(kind) = f1.org_head.or(suffix.then_some(SpeakerKind::Organization)) {
            if suffix && f1.class & (CAP | OF | AND | FOR_THE) != 0 {
                return Some(named(out, w, wspan, kind));
            }
            out.kind = kind;
            out.reference = Reference::Description { definite };
            out.head = Some(lower_cow(w));
            return Some(out);
        }
        // "The Times", "the Post": an outlet's short form.
        if definite && cap && lex.is_outlet(w) {
            return Some(named(out, w, wspan, SpeakerKind::Media));
        }
        if f1.group_noun {
            out.kind = SpeakerKind::Group;
        } else if let Some(g) = f1.person_noun {
            out.kind = SpeakerKind::Person;
            out.gender = g;
        } else if f1.document_noun {
            out.kind = SpeakerKind::Document;
        } else if !definite || cap {
            return Some(out);
        }
        out.reference = Reference::Description { definite };
        out.head = Some(lower_cow(w));
        return Some(out);
    }
    if f1.class & CAP == 0 {
        return None;
    }
    if let Some(g) = f0.honorific {
        set_person(&mut out, text, toks, &[1], g, f1.first_name);
        out.honorific = true;
        let h = &text[toks[0].start..toks[0].end];
        let plain = with_lower(h.trim_end_matches('.'), |h| {
            ["mr", "mrs", "ms", "miss", "mx"].contains(&h)
        });
        if !plain {
            out.title = Some(h);
        }
        return Some(out);
    }
    if f0.class & CAP == 0
        || f0.class & SUFFIX != 0
        || f1.class & (SUFFIX | NAME_STOP) != 0
        || f0.person_noun.is_some()
        || f1.org_head.is_some()
        || f1.group_noun
        || f1.person_noun.is_some()
        || f1.document_noun
    {
        return None;
    }
    if f0.first_name.is_none() {
        if let Some(kind) = lexicon().name_kind_with(span.as_str(text), None) {
            return Some(named(out, span.as_str(text), span, kind));
        }
    }
    set_person(
        &mut out,
        text,
        toks,
        &[0, 1],
        Gender::Unknown,
        f0.first_name,
    );
    Some(out)
}

/// `w` lowercase, borrowed when it is already.
fn lower_cow(w: &str) -> Cow<'_, str> {
    if w.bytes().any(|b| b.is_ascii_uppercase() || b >= 0x80) {
        Cow::Owned(w.to_lowercase())
    } else {
        Cow::Borrowed(w)
    }
}

/// [`analyze_head`] by the general reading; `known1` is the facts of the token 1, when
/// the caller has them.
fn general_head<'a>(
    text: &'a str,
    toks: &[Tok],
    known: Option<(usize, WordInfo)>,
    known1: Option<WordInfo>,
) -> Head<'a> {
    let lex = lexicon();
    let word = |i: usize| &text[toks[i].start..toks[i].end];
    // Words up to the first break, cut word or lowercase "of" (at most 12, on the stack).
    let mut ws_buf = [0usize; 12];
    // What the lexicons and the word lists say of each of them, looked up once
    // ([`word_facts`]): every question below about a word is asked of these.
    let mut info = [WordInfo::default(); 12];
    let mut n = 0;
    for i in 0..toks.len() {
        let t = toks[i];
        if t.kind != TokKind::Word {
            if t.kind == TokKind::Possessive {
                continue;
            }
            break;
        }
        let facts = match (known, known1) {
            (Some((k, facts)), _) if k == i => facts,
            (_, Some(facts)) if i == 1 => facts,
            _ => word_facts(lex, word(i)),
        };
        let class = facts.class;
        if n > 0 && class & CUT != 0 {
            break;
        }
        if class & OF != 0 {
            let prev_cap = n > 0 && info[n - 1].class & CAP != 0;
            let next_cap = toks
                .get(i + 1)
                .is_some_and(|n| n.kind == TokKind::Word && is_cap(&text[n.start..n.end]));
            if !(prev_cap && next_cap) {
                break;
            }
        }
        ws_buf[n] = i;
        info[n] = facts;
        n += 1;
        if n >= 12 {
            break;
        }
    }
    let ws = &ws_buf[..n];
    let class = |k: usize, bits: u16| info[k].class & bits != 0;
    if ws.is_empty() {
        return Head {
            phrase: unknown(text, toks),
        };
    }
    let span_of = |a: usize, b: usize| Span::new(toks[a].start, toks[b].end);
    let whole = span_of(ws[0], ws[n - 1]);
    let mut out = unknown_at(text, whole);

    // Determiners.
    let mut d = 0;
    while d < ws.len() && class(d, DETERMINER) {
        d += 1;
    }
    let definite = d > 0 && class(d - 1, DEFINITE);
    if d == ws.len() {
        // "some", "others", "many": a group alone.
        if info[d - 1].group_noun {
            out.kind = SpeakerKind::Group;
            out.reference = Reference::Description { definite: false };
        }
        return Head { phrase: out };
    }
    let body = &ws[d..];
    let bw = |k: usize| word(body[k]);
    let last = body.len() - 1;
    let info = &info[d..n];
    let is = |k: usize, bits: u16| info[k].class & bits != 0;

    // An honorific before a name: "Mr. Smith", "Sen. Ted Cruz".
    for k in 0..last {
        if let Some(g) = info[k].honorific {
            if is(k + 1, CAP) {
                let end = cap_run_end(info, k + 1);
                set_person(
                    &mut out,
                    text,
                    toks,
                    &body[k + 1..=end],
                    g,
                    info[k + 1].first_name,
                );
                out.honorific = true;
                let plain = with_lower(bw(k).trim_end_matches('.'), |h| {
                    ["mr", "mrs", "ms", "miss", "mx"].contains(&h)
                });
                if !plain {
                    out.title = Some(&text[toks[body[0]].start..toks[body[k]].end]);
                }
                return Head { phrase: out };
            }
        }
    }

    // A title (a capitalised role noun) before a name: "Foreign Minister Sergey Lavrov".
    let mut title_end = None;
    let mut k = 0;
    while k < last {
        if info[k].person_noun.is_some() && (k > 0 || d > 0 || is(k, CAP)) {
            let mut e = k;
            // "Secretary of State John Kerry"
            if is(e + 1, OF) && e + 3 <= last && is(e + 2, CAP) {
                e += 2;
            }
            if e < last
                && is(e + 1, CAP)
                && info[e + 1].person_noun.is_none()
                && info[e + 1].org_head.is_none()
            {
                title_end = Some(e);
            }
        }
        k += 1;
    }
    if let Some(e) = title_end {
        // The name starts at the first known first name after the title, else right after it.
        let mut s = e + 1;
        if let Some(f) = (e + 1..=last).find(|&j| info[j].first_name.is_some() && j < last) {
            s = f;
        }
        let end = cap_run_end(info, s);
        let g = info[e].person_noun.unwrap_or_default();
        set_person(&mut out, text, toks, &body[s..=end], g, info[s].first_name);
        out.title = Some(&text[toks[body[0]].start..toks[body[s - 1]].end]);
        return Head { phrase: out };
    }

    // A known first name before a capitalised word: "Alexei Chebanenko".
    for k in 0..last {
        if is(k, CAP)
            && (is(k + 1, CAP) || is(k + 1, PARTICLE) && cap_run_end(info, k) > k)
            && info[k].first_name.is_some()
            && info[k + 1].org_head.is_none()
        {
            let end = cap_run_end(info, k);
            set_person(
                &mut out,
                text,
                toks,
                &body[k..=end],
                Gender::Unknown,
                info[k].first_name,
            );
            if k > 0 {
                out.title = Some(&text[toks[body[0]].start..toks[body[k - 1]].end]);
            }
            return Head { phrase: out };
        }
    }

    let body_span = span_of(body[0], body[last]);
    let body_text = body_span.as_str(text);
    let all_cap = (0..=last).all(|k| is(k, CAP | OF | AND | FOR_THE));

    // Known outlets and organisations (a one-word name from its word's facts).
    let one_word =
        (body.len() == 1 && strip_the(body_text).len() == body_text.len()).then_some(&info[0]);
    if let Some(kind) = lex.name_kind_with(body_text, one_word) {
        return Head {
            phrase: named(out, body_text, body_span, kind),
        };
    }

    // The head noun: the last word before "of", else the last word.
    let head_k = (0..=last)
        .find(|&k| is(k, OF))
        .map_or(last, |k| k.saturating_sub(1));
    let head_word = bw(head_k);
    let head_lower = || -> Cow<'a, str> {
        if head_word
            .bytes()
            .any(|b| b.is_ascii_uppercase() || b >= 0x80)
        {
            Cow::Owned(head_word.to_lowercase())
        } else {
            Cow::Borrowed(head_word)
        }
    };
    let suffix = (0..=last).any(|k| is(k, SUFFIX));
    if let Some(kind) = info[head_k]
        .org_head
        .or(suffix.then_some(SpeakerKind::Organization))
    {
        if all_cap && (body.len() > 1 || !definite && d == 0 || suffix) {
            return Head {
                phrase: named(out, body_text, body_span, kind),
            };
        }
        // "the nonpartisan Congressional Budget Office": a capitalised name inside.
        if is(head_k, CAP) {
            let mut a = head_k;
            while a > 0 && is(a - 1, CAP) {
                a -= 1;
            }
            let mut b = head_k;
            while b + 2 <= last && is(b + 1, OF) && is(b + 2, CAP) {
                b += 2;
                while b < last && is(b + 1, CAP) {
                    b += 1;
                }
            }
            if b > a {
                let span = span_of(body[a], body[b]);
                return Head {
                    phrase: named(out, span.as_str(text), span, kind),
                };
            }
        }
        out.kind = kind;
        out.reference = Reference::Description { definite };
        out.head = Some(head_lower());
        return Head { phrase: out };
    }
    // "The Times", "the Post": an outlet's short form.
    // (`is_outlet` reads `The Times` as `Times`.)
    if definite && body.len() == 1 && is(head_k, CAP) && lex.is_outlet(head_word) {
        return Head {
            phrase: named(out, body_text, body_span, SpeakerKind::Media),
        };
    }
    if info[head_k].group_noun || (0..=last).any(|k| is(k, AND)) && info[last].group_noun {
        out.kind = SpeakerKind::Group;
        out.reference = Reference::Description { definite };
        out.head = Some(head_lower());
        return Head { phrase: out };
    }
    if let Some(g) = info[head_k].person_noun {
        out.kind = SpeakerKind::Person;
        out.reference = Reference::Description { definite };
        out.head = Some(head_lower());
        out.gender = g;
        return Head { phrase: out };
    }
    if info[head_k].document_noun {
        out.kind = SpeakerKind::Document;
        out.reference = Reference::Description { definite };
        out.head = Some(head_lower());
        return Head { phrase: out };
    }
    if definite && !is(head_k, CAP) {
        // "the glassblower": a description whose noun the lexicons do not know.
        out.reference = Reference::Description { definite };
        out.head = Some(head_lower());
        return Head { phrase: out };
    }
    if all_cap && d == 0 {
        if body.len() == 1 && is_all_caps(head_word) && head_word.chars().count() >= 2 {
            return Head {
                phrase: named(out, body_text, body_span, SpeakerKind::Organization),
            };
        }
        if body.len() <= 4 && !(0..=last).any(|k| is(k, OF | AND)) {
            set_person(
                &mut out,
                text,
                toks,
                body,
                Gender::Unknown,
                info[0].first_name,
            );
            return Head { phrase: out };
        }
        return Head {
            phrase: named(out, body_text, body_span, SpeakerKind::Unknown),
        };
    }
    Head { phrase: out }
}

/// Title-case words that do not continue a name ("Hillary Clinton Was Headed").
const NAME_STOPS: &[&str] = &[
    "is", "was", "are", "were", "has", "have", "had", "will", "would", "says", "said", "to", "for",
    "and", "or", "but", "the", "a", "an", "in", "on", "at", "by", "with", "from", "of", "as",
    "after", "over", "not", "says", "tells", "calls", "slams", "wins",
];

/// Whether `word` is one of the name stops (`NAME_STOPS`, held to this match by a test),
/// ignoring case (each is 1 to 5 ASCII letters).
fn is_name_stop(word: &str) -> bool {
    if word.len() > 5 || !word.is_ascii() {
        return false;
    }
    // NAME_STOPS as a match over the lowercase bytes.
    let mut buf = [0u8; 5];
    for (d, s) in buf.iter_mut().zip(word.as_bytes()) {
        *d = s.to_ascii_lowercase();
    }
    matches!(
        &buf[..word.len()],
        b"is"
            | b"was"
            | b"are"
            | b"were"
            | b"has"
            | b"have"
            | b"had"
            | b"will"
            | b"would"
            | b"says"
            | b"said"
            | b"to"
            | b"for"
            | b"and"
            | b"or"
            | b"but"
            | b"the"
            | b"a"
            | b"an"
            | b"in"
            | b"on"
            | b"at"
            | b"by"
            | b"with"
            | b"from"
            | b"of"
            | b"as"
            | b"after"
            | b"over"
            | b"not"
            | b"tells"
            | b"calls"
            | b"slams"
            | b"wins"
    )
}

/// How many words a person's name may have.
const MAX_NAME_WORDS: usize = 4;

/// Lowercase particles inside names: "Bill de Blasio", "Ursula von der Leyen".
const PARTICLES: &[&str] = &[
    "de", "van", "von", "der", "den", "da", "di", "del", "della", "la", "le", "du", "bin", "al",
    "ibn", "dos", "das", "ter",
];

pub(crate) fn is_particle(word: &str) -> bool {
    // PARTICLES as a match (a switch on the length, then a few comparisons).
    matches!(
        word,
        "de" | "van"
            | "von"
            | "der"
            | "den"
            | "da"
            | "di"
            | "del"
            | "della"
            | "la"
            | "le"
            | "du"
            | "bin"
            | "al"
            | "ibn"
            | "dos"
            | "das"
            | "ter"
    )
}

/// The last word of the name that starts at word `from` of the words whose facts are
/// `body`.
fn cap_run_end(body: &[WordInfo], from: usize) -> usize {
    let mut end = from;
    let mut words = 1;
    while words < MAX_NAME_WORDS {
        // Step over particles to a capitalised word.
        let mut next = end + 1;
        while next < body.len() && body[next].class & PARTICLE != 0 {
            next += 1;
        }
        if next < body.len() && body[next].class & (CAP | NAME_STOP) == CAP {
            end = next;
            words += 1;
        } else {
            break;
        }
    }
    end
}

/// Words that start a sentence or clause and are capitalised only for that.
const FUNCTION_WORDS: &[&str] = &[
    "but",
    "and",
    "or",
    "while",
    "when",
    "if",
    "although",
    "though",
    "after",
    "before",
    "as",
    "so",
    "yet",
    "however",
    "meanwhile",
    "also",
    "then",
    "still",
    "now",
    "it",
    "he",
    "she",
    "they",
    "we",
    "i",
    "his",
    "her",
    "their",
    "its",
    "our",
    "in",
    "on",
    "at",
    "for",
    "with",
    "from",
    "by",
    "to",
    "of",
    "under",
    "since",
    "because",
    "despite",
    "during",
    "last",
    "next",
    "there",
    "here",
    "what",
    "why",
    "how",
    "where",
    "who",
    "which",
    "that",
    "this",
    "these",
    "those",
    "the",
    "a",
    "an",
    "some",
    "many",
    "most",
    "all",
    "one",
    "no",
    "not",
    "yes",
    "asked",
    "according",
    "earlier",
    "later",
    "today",
    "yesterday",
    "on",
    "read",
    "see",
];

fn is_function_word(word: &str) -> bool {
    // Every function word is 1 to 9 ASCII letters: a longer or other word is none, even
    // lowercased.
    let b = word.as_bytes();
    if b.is_empty() || b.len() > 10 || !b[0].is_ascii_alphabetic() {
        return false;
    }
    match short_key(b) {
        Some(key) => FUNCTION_SET.contains(key, b.len()),
        None => {
            static SET: OnceLock<LexSet> = OnceLock::new();
            let set = SET.get_or_init(|| FUNCTION_WORDS.iter().map(|w| (*w).to_owned()).collect());
            with_lower(word, |w| set.contains(w))
        }
    }
}

/// [`FUNCTION_WORDS`] as a [`WordSet`].
static FUNCTION_SET: WordSet<256> = WordSet::new(FUNCTION_WORDS);

/// A set of lowercase ASCII words of 1 to 16 bytes, built at compile time, looked up by a
/// word's [`short_key`] with a probe or two: no lowercase copy, no comparison with each word
/// of the same length as a `match` on strings makes.
pub(crate) struct WordSet<const N: usize> {
    /// Each word's [`short_key`] by open addressing (`(0, 0)`: an empty slot); `N` a power
    /// of two, at least twice the words.
    slots: [(u64, u64); N],
}

impl<const N: usize> WordSet<N> {
    pub(crate) const fn new(words: &[&str]) -> Self {
        assert!(N.is_power_of_two() && 2 * words.len() <= N);
        let mut slots = [(0u64, 0u64); N];
        let mut k = 0;
        while k < words.len() {
            let w = words[k].as_bytes();
            assert!(
                !w.is_empty() && w.len() <= 16,
                "a set word is 1 to 16 bytes"
            );
            let key = (pack(w, 0), pack(w, 8));
            let mut i = Self::slot(key.0);
            while slots[i].0 != 0 && !(slots[i].0 == key.0 && slots[i].1 == key.1) {
                i = (i + 1) % N;
            }
            slots[i] = key;
            k += 1;
        }
        WordSet { slots }
    }

    const fn slot(lo: u64) -> usize {
        (lo.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 40) as usize % N
    }

    /// Whether the word of `len` bytes whose [`short_key`] is `key` is in the set (a word
    /// with a NUL byte packs as a shorter one: the length tells them apart).
    #[inline]
    pub(crate) fn contains(&self, key: (u64, u64), len: usize) -> bool {
        let mut i = Self::slot(key.0);
        loop {
            let s = self.slots[i];
            if s == key {
                return packed_len(key) == len;
            }
            if s.0 == 0 {
                return false;
            }
            i = (i + 1) % N;
        }
    }
}

/// The bytes `w[from..from + 8]` (those there are) as a little-endian word, zero-padded:
/// [`short_key`]'s halves for a lowercase word.
const fn pack(w: &[u8], from: usize) -> u64 {
    let mut x = 0u64;
    let mut i = from;
    while i < w.len() && i < from + 8 {
        x |= (w[i] as u64) << (8 * (i - from));
        i += 1;
    }
    x
}

/// How many bytes a [`pack`]ed word with no NUL byte has.
fn packed_len((lo, hi): (u64, u64)) -> usize {
    if hi != 0 {
        16 - (hi.leading_zeros() / 8) as usize
    } else {
        8 - (lo.leading_zeros() / 8) as usize
    }
}

/// [`FUNCTION_WORDS`] as a match, for lowercase ASCII bytes (the reading before the table,
/// kept for the tests).
#[cfg(test)]
fn is_function_word_lower(w: &[u8]) -> bool {
    matches!(
        w,
        b"but"
            | b"and"
            | b"or"
            | b"while"
            | b"when"
            | b"if"
            | b"although"
            | b"though"
            | b"after"
            | b"before"
            | b"as"
            | b"so"
            | b"yet"
            | b"however"
            | b"meanwhile"
            | b"also"
            | b"then"
            | b"still"
            | b"now"
            | b"it"
            | b"he"
            | b"she"
            | b"they"
            | b"we"
            | b"i"
            | b"his"
            | b"her"
            | b"their"
            | b"its"
            | b"our"
            | b"in"
            | b"on"
            | b"at"
            | b"for"
            | b"with"
            | b"from"
            | b"by"
            | b"to"
            | b"of"
            | b"under"
            | b"since"
            | b"because"
            | b"despite"
            | b"during"
            | b"last"
            | b"next"
            | b"there"
            | b"here"
            | b"what"
            | b"why"
            | b"how"
            | b"where"
            | b"who"
            | b"which"
            | b"that"
            | b"this"
            | b"these"
            | b"those"
            | b"the"
            | b"a"
            | b"an"
            | b"some"
            | b"many"
            | b"most"
            | b"all"
            | b"one"
            | b"no"
            | b"not"
            | b"yes"
            | b"asked"
            | b"according"
            | b"earlier"
            | b"later"
            | b"today"
            | b"yesterday"
            | b"read"
            | b"see"
    )
}

/// How many words a capitalised run may have before it is cut.
const MAX_RUN_WORDS: usize = 8;

/// The runs of capitalised words in `text[span]` (a sentence), in order: candidate names.
/// Leading function words ("While", "The") are left out; "of" may join two capitalised words.
///
/// ```
/// let text = "While Alexei Chebanenko met the Ministry of Defense, Lavrov spoke.";
/// let runs: Vec<&str> = sayso::entities::word_runs(text, sayso::Span::new(0, text.len()))
///     .iter().map(|s| s.as_str(text)).collect();
/// assert_eq!(runs, ["Alexei Chebanenko", "Ministry of Defense", "Lavrov"]);
/// ```
pub fn word_runs(text: &str, span: Span) -> Vec<Span> {
    let mut out = Vec::new();
    word_runs_into(text, span, &mut out);
    out
}

/// [`word_runs`], appended to `out`.
pub(crate) fn word_runs_into(text: &str, span: Span, out: &mut Vec<Span>) {
    word_runs_each(text, span, |run, _| out.push(run));
}

/// [`word_runs`], each run given to `f` with whether it is one word (no space inside).
#[inline]
pub(crate) fn word_runs_each(text: &str, span: Span, mut f: impl FnMut(Span, bool)) {
    let bytes = text.as_bytes();
    let end = span.end.min(text.len());
    let mut i = span.start.min(end);
    while i < end && !text.is_char_boundary(i) {
        i += 1;
    }
    let mut hits = CapitalHits::default();
    while i < end {
        // Jump to the next capital letter or non-ASCII byte.
        match hits.next(bytes, i, end) {
            Some(k) => i = k,
            None => break,
        }
        if i > 0 && bytes[i - 1].is_ascii_alphanumeric() {
            // Inside a word ("McDonald", "café"): step past this byte and the ASCII letters
            // after it.
            i += 1;
            while i < end && bytes[i].is_ascii_alphanumeric() {
                i += 1;
            }
            // After a byte beyond ASCII (`’` in `Trump’s`), its continuation bytes at once:
            // each would be found and stepped over alone below.
            while i < end && !text.is_char_boundary(i) {
                i += 1;
            }
            continue;
        }
        // An ASCII capital starts a word, and is capitalised: read it with no slicing (the
        // common case); anything else as `word_at` reads it.
        let (ws, we) = if bytes[i].is_ascii_uppercase() {
            match ascii_word_end(bytes, i, end) {
                Ok(we) => (i, we),
                Err(k) => word_at_mark(text, i, end, k),
            }
        } else {
            if !text.is_char_boundary(i) {
                // Inside a char: on to the next one's start.
                i += 1;
                while i < end && !text.is_char_boundary(i) {
                    i += 1;
                }
                continue;
            }
            let (ws, we) = word_at(text, i, end);
            if we == ws {
                // Not a word: step over one char.
                i += text[i..].chars().next().map_or(1, char::len_utf8);
                continue;
            }
            if !is_cap(&text[ws..we]) {
                i = we;
                continue;
            }
            (ws, we)
        };
        if is_function_word(&text[ws..we]) {
            i = we;
            continue;
        }
        let (mut run_end, mut words) = (we, 1);
        while words < MAX_RUN_WORDS && run_end < end && bytes[run_end] == b' ' {
            // A lowercase word goes on a run only as "of" or a particle (all ASCII): skip
            // reading any other.
            let next = bytes.get(run_end + 1).copied();
            if next.is_some_and(|b| b.is_ascii_lowercase() && !b"abdilotv".contains(&b)) {
                break;
            }
            // Nor one whose first two bytes start neither (`the`, `to`, `and`, `in`).
            if let (Some(a), Some(&b)) = (next, bytes.get(run_end + 2)) {
                if a.is_ascii_lowercase() && !may_start_particle(a, b) {
                    break;
                }
            }
            let (ns, ne) = if next.is_some_and(|b| b.is_ascii_uppercase()) && run_end + 1 < end {
                // A capitalised ASCII word goes on the run, read with no slicing when it can be.
                match ascii_word_end(bytes, run_end + 1, end) {
                    Ok(ne) => {
                        run_end = ne;
                        words += 1;
                        continue;
                    }
                    Err(k) => word_at_mark(text, run_end + 1, end, k),
                }
            } else {
                word_at(text, run_end + 1, end)
            };
            if ne == ns {
                break;
            }
            let w = &text[ns..ne];
            if is_cap(w) {
                run_end = ne;
                words += 1;
                continue;
            }
            // "Ministry of Defense", "Bill de Blasio"
            if (w == "of" || is_particle(w)) && ne < end && bytes[ne] == b' ' {
                let (ms, me) = word_at(text, ne + 1, end);
                if me > ms && is_cap(&text[ms..me]) {
                    run_end = me;
                    words += 2;
                    continue;
                }
            }
            break;
        }
        f(Span::new(ws, run_end), words == 1);
        i = run_end;
    }
}

/// Whether `of` or a particle ([`is_particle`]) may start with the bytes `a`, `b`.
#[inline]
fn may_start_particle(a: u8, b: u8) -> bool {
    matches!(
        (a, b),
        (b'a', b'l')
            | (b'b', b'i')
            | (b'd', b'a' | b'e' | b'i' | b'o' | b'u')
            | (b'i', b'b')
            | (b'l', b'a' | b'e')
            | (b'o', b'f')
            | (b't', b'e')
            | (b'v', b'a' | b'o')
    )
}

/// The end of the word [`word_at`] reads at `i` (an ASCII letter or digit, `i < end`) when
/// it is ASCII letters and digits ended by `end` or by an ASCII byte that neither joins nor
/// ends an abbreviation (a space, a comma), with no slicing of the text. For any other word,
/// where its ASCII letters and digits end (at a joining mark or a byte beyond ASCII), for
/// [`word_at_mark`] to read on from.
#[inline]
fn ascii_word_end(bytes: &[u8], i: usize, end: usize) -> Result<usize, usize> {
    let k = ascii_alnum_end(&bytes[..end], i + 1);
    if k == end {
        return Ok(k);
    }
    let b = bytes[k];
    if b < 0x80 && !matches!(b, b'-' | b'.' | b'\'' | b'&') {
        Ok(k)
    } else {
        Err(k)
    }
}

/// [`word_at`] for a word whose ASCII letters and digits run from `i` (an ASCII letter or
/// digit) to `k`, where a joining mark or a byte beyond ASCII stands ([`ascii_word_end`]'s
/// `Err`): what `word_at` reads after finding `k` itself.
fn word_at_mark(text: &str, i: usize, end: usize, k: usize) -> (usize, usize) {
    match ascii_word_at_mark(&text[i..end], k - i) {
        Some(j) => (i, i + j),
        None => word_at_read(text, i, end),
    }
}

/// The index of the first byte at or after `i` that is no ASCII letter or digit (`bytes.len()`
/// when there is none), eight bytes at a time.
#[inline]
pub(crate) fn ascii_alnum_end(bytes: &[u8], mut i: usize) -> usize {
    while let Some(chunk) = bytes.get(i..i + 8) {
        let other = !swar::alnum_mask(swar::load(chunk)) & HIGH;
        if other != 0 {
            return i + (other.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while i < bytes.len() && bytes[i].is_ascii_alphanumeric() {
        i += 1;
    }
    i
}

/// Where the ASCII capitals and bytes beyond ASCII are in the 64 bytes from `base`: the
/// scan of running text steps from one to the next by a mask read once a block, most
/// steps then staying in the block (one capital in about thirty bytes of news text), with
/// no new scan and no mispredicted exit from one.
#[derive(Default)]
struct CapitalHits {
    base: usize,
    /// Bit `k` for byte `base + k`, none at or past the scan's end; meaningless (and `base`
    /// too) while `read` is false.
    mask: u64,
    read: bool,
}

impl CapitalHits {
    /// The first ASCII capital or byte beyond ASCII of `bytes[i..end]`, as an index of
    /// `bytes` (`i` never going back from one call to the next, `end` the same in each).
    #[inline]
    fn next(&mut self, bytes: &[u8], i: usize, end: usize) -> Option<usize> {
        if !self.read || i >= self.base + 64 {
            self.base = i;
            self.mask = capital_mask(bytes, i, end);
            self.read = true;
        }
        let mut m = self.mask & (!0u64 << (i - self.base));
        while m == 0 {
            self.base += 64;
            if self.base >= end {
                return None;
            }
            self.mask = capital_mask(bytes, self.base, end);
            m = self.mask;
        }
        Some(self.base + m.trailing_zeros() as usize)
    }
}

/// The ASCII capitals and bytes beyond ASCII of `bytes[at..end]` (`at < end <=
/// bytes.len()`), bit `k` for byte `at + k`, of its first 64 bytes: with SSE2 (part of
/// every x86-64 processor), sixteen bytes a compare.
#[cfg(target_arch = "x86_64")]
fn capital_mask(bytes: &[u8], at: usize, end: usize) -> u64 {
    use std::arch::x86_64::{
        __m128i, _mm_add_epi8, _mm_cmplt_epi8, _mm_loadu_si128, _mm_movemask_epi8, _mm_or_si128,
        _mm_set1_epi8,
    };
    /// The mask of the 64 bytes at `p`.
    ///
    /// # Safety
    /// `p` points to 64 readable bytes.
    #[inline(always)]
    unsafe fn mask64(p: *const u8) -> u64 {
        let mut m = 0u64;
        for k in 0..4 {
            let x = _mm_loadu_si128(p.add(16 * k).cast::<__m128i>());
            // A capital: `x - b'A'` below 26 (unsigned) as a signed compare, `x + (0x80 -
            // b'A')` below `-128 + 26`; a byte beyond ASCII: its high bit, which
            // `movemask` reads.
            let upper = _mm_cmplt_epi8(
                _mm_add_epi8(x, _mm_set1_epi8(0x80u8.wrapping_sub(b'A') as i8)),
                _mm_set1_epi8(i8::MIN + 26),
            );
            m |= u64::from(_mm_movemask_epi8(_mm_or_si128(upper, x)) as u16) << (16 * k);
        }
        m
    }
    let m = match bytes.get(at..at + 64) {
        // SAFETY: `chunk` holds 64 bytes.
        Some(chunk) => unsafe { mask64(chunk.as_ptr()) },
        None => {
            // The text's last bytes, zero-padded (a zero byte is no hit).
            let mut buf = [0u8; 64];
            let tail = &bytes[at..];
            buf[..tail.len()].copy_from_slice(tail);
            // SAFETY: `buf` holds 64 bytes.
            unsafe { mask64(buf.as_ptr()) }
        }
    };
    let n = end - at;
    if n < 64 {
        m & ((1u64 << n) - 1)
    } else {
        m
    }
}

/// [`capital_mask`] a byte at a time.
#[cfg(not(target_arch = "x86_64"))]
fn capital_mask(bytes: &[u8], at: usize, end: usize) -> u64 {
    bytes[at..end.min(at + 64)]
        .iter()
        .enumerate()
        .fold(0, |m, (k, &b)| {
            m | u64::from(b.is_ascii_uppercase() || b >= 0x80) << k
        })
}

/// The index of the first ASCII capital or non-ASCII byte of `bytes`, eight bytes at a time.
#[cfg(test)]
fn next_upper_or_non_ascii(bytes: &[u8]) -> Option<usize> {
    let mut chunks = bytes.chunks_exact(8);
    let mut at = 0;
    for c in &mut chunks {
        let x = swar::load(c);
        let hits = (swar::upper_mask(x) | x) & HIGH;
        if hits != 0 {
            return Some(at + (hits.trailing_zeros() / 8) as usize);
        }
        at += 8;
    }
    chunks
        .remainder()
        .iter()
        .position(|&b| b.is_ascii_uppercase() || b >= 0x80)
        .map(|k| at + k)
}

/// The word starting at `i` (no further than `end`): letters and digits, with inner `-`,
/// `.`, `'`, `’` and `&`, and a final `.` for abbreviations and initials (`Mr.`, `J.`).
/// `(i, i)` when no word starts at `i`. A possessive `’s` is not part of the word.
fn word_at(text: &str, i: usize, end: usize) -> (usize, usize) {
    let piece = &text[i..end];
    let bytes = piece.as_bytes();
    // The common word: ASCII letters and digits ended by an ASCII byte that neither joins
    // nor ends an abbreviation (a space, a comma), or by the end.
    if bytes.first().is_some_and(u8::is_ascii_alphanumeric) {
        let k = ascii_alnum_end(bytes, 1);
        match bytes.get(k) {
            None => return (i, i + k),
            Some(&b) if b < 0x80 && !matches!(b, b'-' | b'.' | b'\'' | b'&') => return (i, i + k),
            _ => {}
        }
        if let Some(j) = ascii_word_at_mark(piece, k) {
            return (i, i + j);
        }
    }
    word_at_read(text, i, end)
}

/// What [`word_at_read`] gives (the word's length) for `piece`, ASCII letters and digits up
/// to `k` and then a joining mark (`-`, `.`, `'`, `’`, `&`), when the mark joins nothing:
/// after it comes the end or an ASCII byte that is no letter or digit (`Trump.`, `Mr. `), or
/// the mark is a possessive's (`Trump’s `). None when the mark may join a word (`U.S.`,
/// `O'Neil`) or when a byte beyond ASCII follows: `word_at_read` reads those.
#[inline]
fn ascii_word_at_mark(piece: &str, k: usize) -> Option<usize> {
    let bytes = piece.as_bytes();
    let (mark_len, quote) = match bytes.get(k)? {
        b'-' | b'.' | b'&' => (1, false),
        b'\'' => (1, true),
        0xE2 if bytes.get(k + 1..k + 3) == Some(&[0x80, 0x99]) => (3, true),
        _ => return None,
    };
    let after = k + mark_len;
    // The end, or an ASCII byte that is no letter or digit, at `at`.
    let ends =
        |at: usize| !matches!(bytes.get(at), Some(&b) if b >= 0x80 || b.is_ascii_alphanumeric());
    match bytes.get(after) {
        // A possessive `’s`: not part of the word.
        Some(b's' | b'S') if quote && ends(after + 1) => return Some(k),
        _ if !ends(after) => return None,
        _ => {}
    }
    if bytes[k] == b'.' && k <= 6 && keeps_final_dot(&piece[..k + 1]) {
        Some(k + 1)
    } else {
        Some(k)
    }
}

/// [`word_at`] char by char, with no fast path.
fn word_at_read(text: &str, i: usize, end: usize) -> (usize, usize) {
    let piece = &text[i..end];
    let bytes = piece.as_bytes();
    match char_at(piece, 0) {
        Some(c) if is_word_char(c) => {}
        _ => return (i, i),
    }
    let (mut j, mut k) = (0, 0);
    loop {
        // ASCII letters and digits, the bulk of a word, byte by byte.
        let from = k;
        k = ascii_alnum_end(bytes, k);
        if k > from {
            j = k;
        }
        let Some(c) = char_at(piece, k) else { break };
        if is_word_char(c) {
            k += c.len_utf8();
            j = k;
            continue;
        }
        if matches!(c, '-' | '.' | '\'' | '’' | '&') {
            let after = k + c.len_utf8();
            let next = char_at(piece, after);
            let possessive = matches!(c, '\'' | '’')
                && matches!(next, Some('s' | 'S'))
                && !char_at(piece, after + 1).is_some_and(is_word_char);
            if next.is_some_and(is_word_char) && !possessive {
                k = after;
                continue;
            }
            if c == '.' && k <= 6 && keeps_final_dot(&piece[..k + 1]) {
                j = k + 1;
            }
        }
        break;
    }
    (i, i + j)
}

/// What a capitalised run of running text names: a person (with a first name, an honorific
/// or a title, or a bare surname), an organisation or an outlet; None for anything else.
pub fn classify_name_run(text: &str, run: Span) -> Option<SourcePhrase<'_>> {
    let read = name_run_read(text, run)?;
    name_run_finish(text, run, name_run_head(text, read))
}

/// The part of `run` that [`classify_name_run`] reads, None when it reads nothing.
pub(crate) fn name_run_read(text: &str, run: Span) -> Option<Span> {
    let end = run
        .end
        .min(text.len())
        .min(run.start.saturating_add(MAX_PHRASE));
    if !text.is_char_boundary(end) || run.start > end {
        return None;
    }
    Some(Span::new(run.start, end))
}

/// The head of the words `text[read]`: depends on those words alone, its `mention` (when
/// not empty) shifted with them.
pub(crate) fn name_run_head(text: &str, read: Span) -> SourcePhrase<'_> {
    name_run_head_with(text, read, &mut Vec::new())
}

/// [`name_run_head`] with `toks` as the token buffer (reused across calls).
pub(crate) fn name_run_head_with<'a>(
    text: &'a str,
    read: Span,
    toks: &mut Vec<Tok>,
) -> SourcePhrase<'a> {
    // Most runs are words of ASCII letters: their tokens with no tokenizing.
    if let Some(facts) = letter_tokens(lexicon(), text, read, toks) {
        return analyze_head(text, toks, Some((0, facts))).phrase;
    }
    tokenize_into(text, read.start, read.end, toks);
    analyze_head(text, toks, None).phrase
}

/// [`classify_name_run`] from the head `p` of `run`'s words: a role noun before the run is
/// a title; only names of people, organisations and outlets are kept.
pub(crate) fn name_run_finish<'a>(
    text: &'a str,
    run: Span,
    mut p: SourcePhrase<'a>,
) -> Option<SourcePhrase<'a>> {
    if let Some(title) = name_run_title(text, run, &p) {
        p.title = Some(title);
    }
    name_run_keep(&p).then_some(p)
}

/// Whether [`classify_name_run`] keeps the head `p`: names of people, organisations and
/// outlets.
pub(crate) fn name_run_keep(p: &SourcePhrase) -> bool {
    p.reference == Reference::Name
        && matches!(
            p.kind,
            SpeakerKind::Person | SpeakerKind::Organization | SpeakerKind::Media
        )
}

/// The title [`classify_name_run`] gives a person `p` named by `run` that has none: a
/// lowercase role noun just before the run ("engineer Dariusz Wrobel").
pub(crate) fn name_run_title<'a>(text: &'a str, run: Span, p: &SourcePhrase) -> Option<&'a str> {
    if p.kind != SpeakerKind::Person || p.title.is_some() {
        return None;
    }
    let mut from = run.start.saturating_sub(40);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let before = text[from..run.start].trim_end();
    let word = last_word(before);
    (before.len() + 1 >= text[from..run.start].len()
        && !word.is_empty()
        && word.chars().all(char::is_lowercase)
        && lexicon().person_noun(word).is_some())
    .then_some(word)
}

/// The last run of alphanumeric chars of `s` (empty when `s` ends in another char), as
/// `s.rsplit(|c: char| !c.is_alphanumeric()).next()` gives it: read back byte by byte while
/// ASCII.
pub(crate) fn last_word(s: &str) -> &str {
    let b = s.as_bytes();
    let mut k = b.len();
    while k > 0 && b[k - 1].is_ascii_alphanumeric() {
        k -= 1;
    }
    if k > 0 && b[k - 1] >= 0x80 {
        return s
            .rsplit(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("");
    }
    &s[k..]
}

fn named<'a>(
    mut out: SourcePhrase<'a>,
    name: &'a str,
    span: Span,
    kind: SpeakerKind,
) -> SourcePhrase<'a> {
    out.kind = kind;
    out.reference = Reference::Name;
    out.name = name;
    out.mention = span;
    out
}

/// Fill `out` as the person named by the words `name` (indices into `toks`).
/// Make `out` the person named by the words `name` (token indices); `first_name` is what
/// the first-name lists say of the first of them (its [`WordInfo::first_name`], which the
/// caller has looked up already).
fn set_person<'a>(
    out: &mut SourcePhrase<'a>,
    text: &'a str,
    toks: &[Tok],
    name: &[usize],
    gender: Gender,
    first_name: Option<Gender>,
) {
    let span = Span::new(toks[name[0]].start, toks[name[name.len() - 1]].end);
    let word = |i: usize| &text[toks[i].start..toks[i].end];
    out.kind = SpeakerKind::Person;
    out.reference = Reference::Name;
    out.name = span.as_str(text);
    out.mention = span;
    // Drop generational suffixes for the surname: "Jr.", "III".
    let mut last_i = name.len() - 1;
    while last_i > 0 {
        let w = word(name[last_i]).trim_end_matches('.');
        // A suffix is at most 3 bytes, and only an ASCII word lowercases to one.
        if w.len() <= 3 && with_lower(w, |w| matches!(w, "jr" | "sr" | "ii" | "iii" | "iv")) {
            last_i -= 1;
        } else {
            break;
        }
    }
    out.last = Some(word(name[last_i]));
    out.first = (last_i > 0).then(|| word(name[0]));
    out.gender = if gender != Gender::Unknown {
        gender
    } else {
        out.first.and(first_name).unwrap_or_default()
    };
}

#[cfg(test)]
#[path = "entities_reference.rs"]
mod reference;

#[cfg(test)]
mod tests {
    /// `word_runs_into` as it read every word with `word_at` (session 9): the runs read
    /// byte by byte must be the same.
    fn word_runs_reference(text: &str, span: Span, out: &mut Vec<Span>) {
        let bytes = text.as_bytes();
        let end = span.end.min(text.len());
        let mut i = span.start.min(end);
        while i < end && !text.is_char_boundary(i) {
            i += 1;
        }
        while i < end {
            // Jump to the next capital letter or non-ASCII byte.
            match next_upper_or_non_ascii(&bytes[i..end]) {
                Some(k) => i += k,
                None => break,
            }
            if i > 0 && bytes[i - 1].is_ascii_alphanumeric() {
                // Inside a word ("McDonald", "café"): step past this byte and the ASCII letters
                // after it.
                i += 1;
                while i < end && bytes[i].is_ascii_alphanumeric() {
                    i += 1;
                }
                continue;
            }
            if !text.is_char_boundary(i) {
                i += 1;
                continue;
            }
            let (ws, we) = word_at(text, i, end);
            if we == ws {
                // Not a word: step over one char.
                i += text[i..].chars().next().map_or(1, char::len_utf8);
                continue;
            }
            let first = &text[ws..we];
            if !is_cap(first) || is_function_word(first) {
                i = we;
                continue;
            }
            let (mut run_end, mut words) = (we, 1);
            while words < MAX_RUN_WORDS && run_end < end && bytes[run_end] == b' ' {
                // A lowercase word goes on a run only as "of" or a particle (all ASCII): skip
                // reading any other.
                if bytes
                    .get(run_end + 1)
                    .is_some_and(|&b| b.is_ascii_lowercase() && !b"abdilotv".contains(&b))
                {
                    break;
                }
                let (ns, ne) = word_at(text, run_end + 1, end);
                if ne == ns {
                    break;
                }
                let w = &text[ns..ne];
                if is_cap(w) {
                    run_end = ne;
                    words += 1;
                    continue;
                }
                // "Ministry of Defense", "Bill de Blasio"
                if (w == "of" || is_particle(w)) && ne < end && bytes[ne] == b' ' {
                    let (ms, me) = word_at(text, ne + 1, end);
                    if me > ms && is_cap(&text[ms..me]) {
                        run_end = me;
                        words += 2;
                        continue;
                    }
                }
                break;
            }
            out.push(Span::new(ws, run_end));
            i = run_end;
        }
    }

    /// `tokenize_into` as it read every char (session 9): the fast path for spaces and
    /// plain ASCII words must give the same tokens.
    fn tokenize_reference(text: &str, start: usize, end: usize, toks: &mut Vec<Tok>) {
        toks.clear();
        let piece = &text[start..end];
        let bytes = piece.as_bytes();
        let mut i = 0;
        while let Some(c) = char_at(piece, i) {
            let len = c.len_utf8();
            if is_word_char(c) {
                let mut j = i + len;
                loop {
                    // ASCII letters and digits, the bulk of a word, byte by byte.
                    j = ascii_alnum_end(bytes, j);
                    let Some(d) = char_at(piece, j) else { break };
                    if is_word_char(d) {
                        j += d.len_utf8();
                        continue;
                    }
                    if matches!(d, '-' | '.' | '\'' | '’' | '&') {
                        let after = j + d.len_utf8();
                        let next = char_at(piece, after);
                        let possessive = matches!(d, '\'' | '’')
                            && matches!(next, Some('s' | 'S'))
                            && !char_at(piece, after + 1).is_some_and(is_word_char);
                        if next.is_some_and(is_word_char) && !possessive {
                            j = after;
                            continue;
                        }
                        if d == '.' && keeps_final_dot(&piece[i..j + 1]) {
                            j += 1;
                        }
                    }
                    break;
                }
                toks.push(Tok {
                    start: start + i,
                    end: start + j,
                    kind: TokKind::Word,
                });
                i = j;
            } else if matches!(c, '\'' | '’') {
                // A possessive: 's after a word, or a lone ' after a plural.
                let after_word = toks
                    .last()
                    .is_some_and(|t| t.kind == TokKind::Word && t.end == start + i);
                if after_word {
                    let mut e = i + len;
                    if char_at(piece, e).is_some_and(|d| matches!(d, 's' | 'S'))
                        && !char_at(piece, e + 1).is_some_and(is_word_char)
                    {
                        e += 1;
                    }
                    toks.push(Tok {
                        start: start + i,
                        end: start + e,
                        kind: TokKind::Possessive,
                    });
                    i = e;
                } else {
                    toks.push(Tok {
                        start: start + i,
                        end: start + i + len,
                        kind: TokKind::Break,
                    });
                    i += len;
                }
            } else if c == ',' {
                toks.push(Tok {
                    start: start + i,
                    end: start + i + 1,
                    kind: TokKind::Comma,
                });
                i += 1;
            } else {
                if !c.is_whitespace() {
                    toks.push(Tok {
                        start: start + i,
                        end: start + i + len,
                        kind: TokKind::Break,
                    });
                }
                i += len;
            }
        }
    }

    fn toks_eq(a: &[Tok], b: &[Tok]) -> bool {
        a.len() == b.len()
            && a.iter()
                .zip(b)
                .all(|(x, y)| (x.start, x.end, x.kind) == (y.start, y.end, y.kind))
    }

    #[test]
    fn tokens_agree_with_the_reference() {
        let text = "Mr. Ann O'Neil-Smith, the U.S. envoy & Co., said 42 times: café Trump’s \
                    Jr. x.y a-b- 'quoted' end. Lavrov's remarks, the Smiths' dog,\tTAB\nline";
        for start in 0..text.len() {
            for end in start..=text.len() {
                if !text.is_char_boundary(start) || !text.is_char_boundary(end) {
                    continue;
                }
                let (mut a, mut b) = (Vec::new(), Vec::new());
                tokenize_into(text, start, end, &mut a);
                tokenize_reference(text, start, end, &mut b);
                assert!(toks_eq(&a, &b), "{start}..{end}");
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn tokens_agree_on_any_text(text in "([A-Za-z0-9]{1,6}|[ ,.’'&\t-]|é|“){0,40}") {
            let (mut a, mut b) = (Vec::new(), Vec::new());
            tokenize_into(&text, 0, text.len(), &mut a);
            tokenize_reference(&text, 0, text.len(), &mut b);
            proptest::prop_assert!(toks_eq(&a, &b));
        }
    }

    /// `w` with its first letter upper-case.
    fn capitalized(w: &str) -> String {
        let mut c = w.chars();
        c.next().map_or(String::new(), |f| {
            f.to_uppercase().collect::<String>() + c.as_str()
        })
    }

    /// `plain_name` gives what `classify` gives, or leaves the phrase to it: on one and two
    /// capitalised words made of the lexicons' words (first names, honorifics, role and
    /// group nouns, organisation heads, outlets...), the word lists of this module, and
    /// names of no list.
    #[test]
    fn plain_names_are_classified_as_classify_does() {
        let lex = lexicon();
        let cap = capitalized;
        let mut words: Vec<String> = lex
            .words
            .keys()
            .filter(|k| !k.contains(' '))
            .step_by(2)
            .map(|k| cap(k))
            .collect();
        let cut: &[&str] = &[
            "who", "which", "that", "for", "with", "about", "familiar", "close",
        ];
        for list in [FUNCTION_WORDS, NAME_STOPS, PARTICLES, cut] {
            words.extend(list.iter().map(|w| cap(w)));
        }
        words.extend(
            [
                "Trump",
                "Clinton",
                "Chebanenko",
                "Donald",
                "Hillary",
                "Inc",
                "Corp",
                "Jr",
                "Sr",
                "Iii",
                "By",
                "From",
                "Of",
                "Some",
                "The",
                "Reuters",
                "Times",
                "Ministry",
                "Officials",
                "Report",
                "Mr",
                "Sen",
                "Gov",
                "Smith",
                "Was",
                "Says",
                "Ab",
                "Zz",
                "Ox",
            ]
            .map(str::to_owned),
        );
        let mut checked = 0;
        let mut taken = 0;
        let firsts: Vec<&String> = words.iter().step_by(3).collect();
        for (n, w1) in words.iter().enumerate() {
            let mut phrases = vec![w1.clone()];
            phrases.extend(
                firsts
                    .iter()
                    .skip(n % 5)
                    .step_by(40)
                    .map(|w0| format!("{w0} {w1}")),
            );
            for text in phrases {
                let read = Span::new(0, text.len());
                if let Some(p) = plain_name(&text, read) {
                    assert_eq!(p, classify(&text, read), "{text:?}");
                    taken += 1;
                }
                checked += 1;
            }
        }
        assert!(taken > checked / 10, "{taken} of {checked}");
    }

    proptest::proptest! {
        /// On any text of words, marks and spaces, read up to where small letters follow
        /// (which the eight-byte reading looks at), `plain_name` gives what `classify` gives,
        /// or leaves the phrase to it.
        #[test]
        fn plain_name_is_classify_on_any_text(
            text in "([A-Z][a-z]{0,9}|[a-z]{1,4}|[A-Z]{1,3}|Mr\\.|[ ,.'0-9-]|é|É){0,5}",
            tail in "[a-z ]{0,9}",
        ) {
            let read = Span::new(0, text.len());
            let full = format!("{text}{tail}");
            if let Some(p) = plain_name(&full, read) {
                proptest::prop_assert_eq!(p, classify(&full, read));
            }
        }
    }

    /// `short_phrase` (words of ASCII letters, with no tokenizing) gives what `classify`
    /// gives, and `letter_tokens` the tokens `tokenize_into` gives, so a name run's head read
    /// from them is the head read from the tokenizer's: every one-word key of the word table
    /// and of the anonymity words in three cases and with a dot, the classifier's lists,
    /// names, marks and words beyond ASCII, alone and after determiners, pronouns, honorifics
    /// (with and without a dot), titles, first names and a sample of the rest; then 400,000
    /// phrases of three to seventeen of those words.
    #[test]
    fn short_phrases_are_classified_as_classify_does() {
        let lex = lexicon();
        let cap = capitalized;
        let mut words = phrase_vocabulary();
        push_key_forms(
            &mut words,
            lex.words.keys().chain(lex.anonymity_words.keys()),
        );
        words.sort();
        words.dedup();
        let mut firsts: Vec<String> = Vec::new();
        for w in DETERMINERS.iter().chain(PRONOUN_WORDS) {
            firsts.extend([w.to_string(), cap(w), w.to_uppercase()]);
        }
        firsts.extend(
            [
                "Mr.",
                "Mr",
                "Mrs.",
                "Ms.",
                "Dr.",
                "Sen.",
                "Sen",
                "Gov.",
                "Rep.",
                "Gen.",
                "St.",
                "President",
                "president",
                "Minister",
                "Secretary",
                "Chairman",
                "spokesman",
                "Donald",
                "Hillary",
                "Bernie",
                "Trump",
                "Clinton",
                "New",
                "White",
                "Fox",
                "Budget",
                "Congressional",
                "Republican",
                "Democratic",
                "Officials",
                "of",
                "Of",
                "and",
                "by",
                "from",
                "who",
                "The",
                "A",
                "Inc.",
                "Jr.",
                "U.",
                "J.",
                "X.",
                "Says",
                "Was",
            ]
            .map(str::to_owned),
        );
        firsts.extend(words.iter().step_by(97).cloned());
        let (mut checked, mut taken) = (0, 0);
        let (mut toks, mut buf) = (Vec::new(), Vec::new());
        let mut check = |text: &str| {
            let read = Span::new(0, text.len());
            checked += 1;
            if let Some(facts) = letter_tokens(lex, text, read, &mut buf) {
                assert_eq!(facts, word_facts(lex, &text[buf[0].start..buf[0].end]));
                tokenize_into(text, 0, text.len(), &mut toks);
                assert!(toks_eq(&buf, &toks), "{text:?}");
                assert_eq!(
                    analyze_head(text, &buf, Some((0, facts))).phrase,
                    analyze_head(text, &toks, None).phrase,
                    "{text:?}"
                );
            }
            if let Some(p) = short_phrase(text, read, &mut buf) {
                assert_eq!(p, classify(text, read), "{text:?}");
                taken += 1;
            }
        };
        for (n, w) in words.iter().enumerate() {
            check(w);
            // Every word after the chosen first words, the big word table's in part.
            let all = n % 4 == 0 || !w.bytes().all(|b| b.is_ascii_alphabetic());
            for f in firsts
                .iter()
                .skip(if all { 0 } else { n % 9 })
                .step_by(if all { 1 } else { 9 })
            {
                check(&format!("{f} {w}"));
            }
        }
        // Three to seventeen words (past `MAX_LETTER_WORDS`), each from the first words
        // (titles, names, determiners, markers...) or the rest, half and half.
        let mut seed = 7u64;
        let mut next = || next_random(&mut seed);
        for k in 0..400_000 {
            let n = if k % 50 == 0 {
                7 + next() % 11
            } else {
                3 + next() % 4
            };
            let mut text = String::new();
            for i in 0..n {
                if i > 0 {
                    text.push(' ');
                }
                let r = next();
                text.push_str(if r % 2 == 0 {
                    &firsts[(r / 2) % firsts.len()]
                } else {
                    &words[(r / 2) % words.len()]
                });
            }
            check(&text);
        }
        assert!(taken > checked / 3, "{taken} of {checked}");
    }

    /// `analyze_head` (one or two words read by `one_word_head` and `two_word_head` first)
    /// gives what the general reading gives, with and without the first word's facts known:
    /// on the word table's, the anonymity words', outlets' and organisations' one-word keys
    /// in three cases and with a dot, the classifier's lists, names and words beyond ASCII,
    /// alone and in pairs.
    #[test]
    fn short_heads_are_the_general_reading() {
        let lex = lexicon();
        let cap = capitalized;
        let mut words = phrase_vocabulary();
        push_key_forms(
            &mut words,
            lex.words
                .keys()
                .chain(lex.anonymity_words.keys())
                .chain(lex.outlets.keys())
                .chain(lex.orgs.keys()),
        );
        words.extend(
            [
                "Trump", "Donald", "Élise", "Zoë", "McCain", "O'Neil", "Jr", "Jr.", "III",
            ]
            .map(str::to_owned),
        );
        words.sort();
        words.dedup();
        let (mut checked, mut taken) = (0, 0);
        let mut toks = Vec::new();
        let mut seed = 11u64;
        let mut next = || next_random(&mut seed);
        // Half the first words from those the direct readings look at: determiners,
        // honorifics and role nouns, in three cases, with a dot or not.
        let mut firsts: Vec<String> = Vec::new();
        for w in DETERMINERS
            .iter()
            .chain(PRONOUN_WORDS)
            .chain(&["of", "who", "and"])
        {
            firsts.extend([w.to_string(), cap(w), w.to_uppercase()]);
        }
        let mut specials: Vec<&String> = lex
            .words
            .iter()
            .filter(|(_, i)| i.honorific.is_some() || i.person_noun.is_some())
            .map(|(k, _)| k)
            .collect();
        specials.sort();
        for k in specials {
            firsts.extend([k.clone(), cap(k), k.to_uppercase(), format!("{}.", cap(k))]);
        }
        for w in &words {
            tokenize_into(w, 0, w.len(), &mut toks);
            if let [t] = toks[..] {
                if t.kind == TokKind::Word {
                    let f = word_facts(lex, &w[t.start..t.end]);
                    let general = general_head(w, &toks, None, None).phrase;
                    assert_eq!(analyze_head(w, &toks, None).phrase, general, "{w:?}");
                    assert_eq!(analyze_head(w, &toks, Some((0, f))).phrase, general);
                    checked += 1;
                    taken += usize::from(one_word_head(w, &t, &f).is_some());
                }
            }
        }
        for w1 in &words {
            for j in 0..150 {
                let r = next();
                let w0 = if j % 2 == 0 {
                    &firsts[r % firsts.len()]
                } else {
                    &words[r % words.len()]
                };
                let text = format!("{w0} {w1}");
                tokenize_into(&text, 0, text.len(), &mut toks);
                if toks.len() != 2 || toks.iter().any(|t| t.kind != TokKind::Word) {
                    continue;
                }
                let f0 = word_facts(lex, &text[toks[0].start..toks[0].end]);
                let f1 = word_facts(lex, &text[toks[1].start..toks[1].end]);
                let general = general_head(&text, &toks, None, None).phrase;
                assert_eq!(analyze_head(&text, &toks, None).phrase, general, "{text:?}");
                assert_eq!(
                    analyze_head(&text, &toks, Some((0, f0))).phrase,
                    general,
                    "{text:?}"
                );
                checked += 1;
                taken += usize::from(two_word_head(&text, &toks, &f0, &f1).is_some());
            }
        }
        assert!(taken > checked / 10, "{taken} of {checked}");
    }

    /// `name_kind` (one look-up in the joined table) says what `is_outlet`, then
    /// `is_organization` (each its own list) say, on every name of the lists in three cases,
    /// with and without `The `, and on other words.
    #[test]
    fn name_kind_is_outlet_then_organization() {
        let lex = lexicon();
        let mut names: Vec<String> = Vec::new();
        for n in lex.outlets.keys().chain(lex.orgs.keys()) {
            names.extend([n.clone(), n.to_uppercase(), format!("The {n}")]);
            let mut c = n.chars();
            if let Some(f) = c.next() {
                names.push(f.to_uppercase().collect::<String>() + c.as_str());
            }
        }
        names.extend(lex.outlets_exact.iter().chain(&lex.orgs_exact).cloned());
        names.extend(phrase_vocabulary());
        for n in &names {
            let expected = if lex.is_outlet(n) {
                Some(SpeakerKind::Media)
            } else if lex.is_organization(n) {
                Some(SpeakerKind::Organization)
            } else {
                None
            };
            assert_eq!(lex.name_kind(n), expected, "{n:?}");
        }
    }

    /// The next number of the differential tests' generator (a 64-bit LCG) at `seed`.
    fn next_random(seed: &mut u64) -> usize {
        *seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (*seed >> 33) as usize
    }

    /// Each one-word key of `keys`, in order, as written, capitalised, in capitals and
    /// capitalised with a dot: how a lexicon word can stand in a source.
    fn push_key_forms<'k>(words: &mut Vec<String>, keys: impl Iterator<Item = &'k String>) {
        let mut keys: Vec<&String> = keys.filter(|k| !k.contains(' ')).collect();
        keys.sort();
        for k in keys {
            let cap = capitalized(k);
            words.extend([k.clone(), cap.clone(), k.to_uppercase(), format!("{cap}.")]);
        }
    }

    /// The vocabulary of the differential tests: the lexicons' words (a sample), every word
    /// of the classifier's own lists in three cases, names, titles, marks, words beyond ASCII
    /// and curly apostrophes.
    fn phrase_vocabulary() -> Vec<String> {
        let lex = lexicon();
        let mut words: Vec<String> = Vec::new();
        let mut keys: Vec<&String> = lex.words.keys().collect();
        keys.sort();
        for (n, k) in keys.iter().enumerate().filter(|(n, _)| n % 7 == 0) {
            let mut c = k.chars();
            let cap = c.next().map_or(String::new(), |f| {
                f.to_uppercase().collect::<String>() + c.as_str()
            });
            words.push(if n % 3 == 0 { k.to_string() } else { cap });
        }
        let lists: [&[&str]; 7] = [
            DETERMINERS,
            CUT_WORDS,
            NAME_STOPS,
            PARTICLES,
            COMPANY_SUFFIXES,
            FUNCTION_WORDS,
            SAMPLED_DOCUMENTS,
        ];
        for w in lists.iter().flat_map(|l| l.iter()) {
            let mut c = w.chars();
            let cap = c.next().map_or(String::new(), |f| {
                f.to_uppercase().collect::<String>() + c.as_str()
            });
            words.extend([w.to_string(), cap, w.to_uppercase()]);
        }
        words.extend(
            [
                "Trump",
                "Donald",
                "Hillary",
                "Clinton",
                "Lavrov",
                "Sergey",
                "O'Neil-Smith",
                "Mr.",
                "Ms.",
                "Dr.",
                "Sen.",
                "Gov.",
                "Mr",
                "Jr.",
                "III",
                "Inc.",
                "U.S.",
                "Co.",
                "Foreign",
                "Minister",
                "Secretary",
                "State",
                "spokesman",
                "officials",
                "report",
                "poll",
                "by",
                "from",
                "of",
                "and",
                "Of",
                "And",
                "the",
                "The",
                "a",
                "he",
                "His",
                "who",
                "sources",
                "anonymous",
                "familiar",
                "said",
                "Reuters",
                "Times",
                "Post",
                "Ministry",
                "Congressional",
                "Budget",
                "Office",
                "42",
                "2012",
                ",",
                ",",
                ",",
                "’s",
                "'s",
                "’",
                "'",
                ".",
                "-",
                "&",
                ";",
                "(",
                ")",
                "“",
                "”",
                "José",
                "Émile",
                "ÉTAT",
                "Straße",
                "İstanbul",
                "ß",
                "é",
                "de",
                "von",
                "Was",
                "Says",
                "X",
            ]
            .map(str::to_owned),
        );
        words
    }

    /// A phrase of `n` words of `vocabulary`, picked by the generator `seed`; marks are
    /// joined to the word before when the generator says so.
    fn random_phrase(vocabulary: &[String], seed: &mut u64, n: usize) -> String {
        let mut next = || next_random(seed);
        let mut text = String::new();
        for k in 0..n {
            let w = &vocabulary[next() % vocabulary.len()];
            if k > 0 && (next() % 4 != 0 || w.starts_with(char::is_alphanumeric)) {
                text.push(' ');
            }
            text.push_str(w);
        }
        text
    }

    /// The pronoun bits of a word looked up by its short key say what `pronoun` says.
    #[test]
    fn pronoun_bits_are_pronoun() {
        let lex = lexicon();
        let mut words = phrase_vocabulary();
        for w in PRONOUN_WORDS {
            words.extend([
                w.to_string(),
                w.to_uppercase(),
                format!("{w}s"),
                format!("{w}."),
            ]);
        }
        for w in &words {
            let facts = word_facts(lex, w);
            if facts.class & SHORT != 0 {
                assert_eq!(pronoun_of(&facts), pronoun(w), "{w:?}");
            }
        }
    }

    /// The classifier that reads each word's facts once gives what the reference reading
    /// gives, on source phrases and on name runs.
    #[test]
    fn classify_agrees_with_the_reference() {
        let vocabulary = phrase_vocabulary();
        let mut seed = 7u64;
        for round in 0..60_000 {
            let text = random_phrase(&vocabulary, &mut seed, 1 + round % 14);
            let all = Span::new(0, text.len());
            assert_eq!(
                classify(&text, all),
                reference::classify(&text, all),
                "{text:?}"
            );
            assert_eq!(
                name_run_head(&text, all),
                reference::name_run_head(&text, all),
                "{text:?}"
            );
        }
        for text in [
            "Seth McKee, a political scientist at Texas Tech University",
            "the head of the ministry, Andrei Belyushikov",
            "Trump campaign spokeswoman Hope Hicks",
            "Stu Rothenberg of the non-partisan Rothenberg-Gonzales Political Report",
            "a report by the Chicago Tribune",
            "a poll released Monday by Gallup",
            "Mayor Ana Ruiz and Councillor Tom Hale",
            "Lavrov’s remarks",
            "Secretary of State John Kerry",
            "the nonpartisan Congressional Budget Office",
            "a source familiar with the talks, who asked not to be named",
            "Bill de Blasio",
            "Mr. Kirk, who still speaks with difficulty from a stroke in 2012",
            "ACME Holdings Inc.",
            "The Times",
        ] {
            let all = Span::new(0, text.len());
            assert_eq!(
                classify(text, all),
                reference::classify(text, all),
                "{text:?}"
            );
        }
    }

    proptest::proptest! {
        #[test]
        fn classify_agrees_with_the_reference_on_any_text(
            text in "((Mr|Sen|Inc|Jr|Co|U\\.S)\\.|[A-Z][a-z]{0,5}|[a-z]{1,4}|of|and|by|the|who|[ ,.’'&-]|é|É){0,16}"
        ) {
            let all = Span::new(0, text.len());
            proptest::prop_assert_eq!(classify(&text, all), reference::classify(&text, all));
            proptest::prop_assert_eq!(
                name_run_head(&text, all),
                reference::name_run_head(&text, all)
            );
        }
    }

    /// `is_determiner`'s first-letter filter says no only to words its match says no to.
    #[test]
    fn determiner_filter_keeps_every_determiner() {
        for &w in DETERMINERS {
            assert!(is_determiner(w), "{w}");
            assert!(is_determiner(&w.to_uppercase()), "{w}");
        }
        for w in ["Trump", "Xi", "", "1", "é", "Thé", "Zero", "Google", "I"] {
            assert!(!is_determiner(w), "{w}");
        }
    }

    /// `pronoun`'s first-letter filter and `is_all_caps`'s one pass answer as the plain
    /// readings do.
    #[test]
    fn pronoun_and_all_caps_agree_with_plain_readings() {
        let words = [
            "he",
            "He",
            "HE",
            "him",
            "his",
            "himself",
            "she",
            "Her",
            "hers",
            "herself",
            "they",
            "Them",
            "their",
            "theirs",
            "themselves",
            "it",
            "Its",
            "itself",
            "who",
            "whom",
            "whose",
            "which",
            "That",
            "I",
            "me",
            "my",
            "We",
            "us",
            "our",
            "You",
            "your",
            "",
            "Trump",
            "NATO",
            "U.S.",
            "x",
            "1st",
            "'he",
            "Éric",
            "ÉTÉ",
            "été",
            "HÉ",
            "Zed",
            "Ωmega",
            "he's",
            "hex",
            "A",
            "NASA-led",
            "G7",
            "iPhone",
        ];
        for w in words {
            assert_eq!(pronoun(w), with_lower(w, pronoun_lower), "{w}");
            let plain = w.chars().any(char::is_uppercase) && !w.chars().any(char::is_lowercase);
            assert_eq!(is_all_caps(w), plain, "{w}");
        }
    }

    #[test]
    fn last_word_is_the_last_alphanumeric_piece() {
        for s in [
            "",
            " ",
            "the spokesman",
            "spokesman",
            "a (spokesman",
            "x-ray",
            "café",
            "le café",
            "naïve x",
            "été,",
            "a b2",
        ] {
            let want = s
                .rsplit(|c: char| !c.is_alphanumeric())
                .next()
                .unwrap_or("");
            assert_eq!(last_word(s), want, "{s}");
        }
    }

    /// The runs of mixed text at every start and end: the same as the reference reading.
    #[test]
    fn word_runs_agree_with_the_reference() {
        let text = "While Alexei Chebanenko met the Ministry of Defense, Lavrov spoke. Mr. Ann \
                    O'Neil-Smith of the U.S. Senate and Bill de Blasio, NATO’s Jens Stoltenberg \
                    said Trump’s aide, Sen. Ted Cruz Jr. (R-Texas) and Éric Zemmour, Q&A at \
                    A.B.C. News: “Hillary Clinton Was Headed” — Donald J. Trump said X Y Z";
        for start in 0..text.len() {
            for end in start..=text.len() {
                if !text.is_char_boundary(start) || !text.is_char_boundary(end) {
                    continue;
                }
                let span = Span::new(start, end);
                let (mut a, mut b) = (Vec::new(), Vec::new());
                word_runs_into(text, span, &mut a);
                word_runs_reference(text, span, &mut b);
                assert_eq!(a, b, "{start}..{end}");
            }
        }
    }

    proptest::proptest! {
        /// On any text of words, marks and spaces, `word_at` reads as `word_at_read` does.
        #[test]
        fn word_at_is_the_char_reading_on_any_text(text in "([A-Za-z]{1,4}|Mr|Jr|Inc|[sS]|[ ,.’'&-]|é|\u{2019}\u{2019}){0,12}") {
            for i in 0..text.len() {
                if text.is_char_boundary(i) {
                    proptest::prop_assert_eq!(word_at(&text, i, text.len()), word_at_read(&text, i, text.len()));
                }
            }
        }
    }

    proptest::proptest! {
        /// On any text of capitals, letters, spaces and the joining marks, the runs are the
        /// reference reading's.
        #[test]
        fn word_runs_agree_on_any_text(text in "([A-Z][a-z]{0,6}|[a-z]{1,4}|of|de|Mr\\.|U\\.S\\.|[ ,.’'&-]|é|É){0,40}") {
            let span = Span::new(0, text.len());
            let (mut a, mut b) = (Vec::new(), Vec::new());
            word_runs_into(&text, span, &mut a);
            word_runs_reference(&text, span, &mut b);
            proptest::prop_assert_eq!(a, b);
        }
    }

    /// `word_at`'s fast path gives what reading char by char gives, at every position.
    #[test]
    fn word_at_is_the_char_reading() {
        let text = "Mr. Ann O'Neil-Smith, the U.S. envoy & Co., said 42 times: café Trump’s \
                    Jr. x.y a-b- 'quoted' end. Trump's Obama’S Bush’st Kerry’é Lee’’ A&. B&c \
                    Dr.\nSt.é Inc.’s X’";
        for i in 0..text.len() {
            if !text.is_char_boundary(i) {
                continue;
            }
            for end in [text.len(), (i + 3).min(text.len())] {
                if text.is_char_boundary(end) {
                    assert_eq!(
                        super::word_at(text, i, end),
                        super::word_at_read(text, i, end),
                        "at {i}..{end}"
                    );
                }
            }
        }
    }

    /// `short_key` reads the bytes as zero-padding them into 16 bytes would.
    #[test]
    fn short_key_is_the_zero_padded_bytes() {
        let text = b"abcdefghijklmnopQRSTUVWXYZ0123456789-.'";
        for start in 0..text.len() {
            for end in start..=text.len().min(start + 20) {
                let b = &text[start..end];
                let want = (!b.is_empty() && b.len() <= 16).then(|| {
                    let mut buf = [0u8; 16];
                    buf[..b.len()].copy_from_slice(b);
                    buf.make_ascii_lowercase();
                    let word =
                        |k: usize| u64::from_le_bytes(buf[k..k + 8].try_into().expect("8 bytes"));
                    (word(0), word(8))
                });
                assert_eq!(super::short_key(b), want, "{:?}", std::str::from_utf8(b));
            }
        }
        assert_eq!(super::short_key("é".as_bytes()), None);
        assert_eq!(super::short_key("abcdefgé".as_bytes()), None);
    }

    #[test]
    fn ascii_alnum_end_is_the_byte_loop() {
        let naive = |b: &[u8], mut i: usize| {
            while i < b.len() && b[i].is_ascii_alphanumeric() {
                i += 1;
            }
            i
        };
        // Every byte value at every position of a run of letters, from every start.
        for v in 0..=255u8 {
            for at in 0..20 {
                let mut b = b"Abcdefghijklmnopqrstuvwxyz0123456789".to_vec();
                b[at] = v;
                for start in 0..b.len() {
                    assert_eq!(
                        super::ascii_alnum_end(&b, start),
                        naive(&b, start),
                        "{v} {at}"
                    );
                }
            }
        }
    }

    use super::*;

    fn c(text: &str) -> SourcePhrase<'_> {
        classify(text, Span::new(0, text.len()))
    }

    #[test]
    fn determiners_ignore_case_and_nothing_else() {
        for w in ["the", "The", "THE", "thousands", "Several", "no", "a"] {
            assert!(is_determiner(w), "{w}");
        }
        for w in [
            "",
            "them",
            "thousandss",
            "officials",
            "thé",
            "Smith",
            "the.",
        ] {
            assert!(!is_determiner(w), "{w}");
        }
    }

    #[test]
    fn kinds_of_sources() {
        let cases = [
            (
                "Alexei Chebanenko, a sculptor",
                SpeakerKind::Person,
                "Alexei Chebanenko",
            ),
            ("a report by RIA Novosti", SpeakerKind::Media, "RIA Novosti"),
            (
                "The Russian Ministry of Defense",
                SpeakerKind::Organization,
                "Russian Ministry of Defense",
            ),
            ("the Kremlin", SpeakerKind::Organization, "Kremlin"),
            ("Russia", SpeakerKind::Organization, "Russia"),
            ("Reuters", SpeakerKind::Media, "Reuters"),
            ("The New York Times", SpeakerKind::Media, "New York Times"),
            (
                "Independent analysts",
                SpeakerKind::Group,
                "Independent analysts",
            ),
            (
                "some Russian officials and supporters",
                SpeakerKind::Group,
                "some Russian officials and supporters",
            ),
            ("others", SpeakerKind::Group, "others"),
            ("some", SpeakerKind::Group, "some"),
            (
                "a source familiar with the talks",
                SpeakerKind::Anonymous,
                "a source familiar with the talks",
            ),
            (
                "officials who spoke on condition of anonymity",
                SpeakerKind::Anonymous,
                "officials who spoke on condition of anonymity",
            ),
            ("The sculptor", SpeakerKind::Person, "The sculptor"),
            ("the statement", SpeakerKind::Document, "the statement"),
            ("Acme Corp.", SpeakerKind::Organization, "Acme Corp."),
            ("the FBI", SpeakerKind::Organization, "FBI"),
            ("Mr. Smith", SpeakerKind::Person, "Smith"),
            ("Chebanenko", SpeakerKind::Person, "Chebanenko"),
        ];
        for (text, kind, name) in cases {
            let p = c(text);
            assert_eq!((p.kind, p.name), (kind, name), "{text}");
        }
    }

    #[test]
    fn names_titles_descriptions() {
        let p = c(
            "Alexei Chebanenko, a sculptor associated with the Studio of Military Painters, who",
        );
        assert_eq!(p.first, Some("Alexei"));
        assert_eq!(p.last, Some("Chebanenko"));
        assert_eq!(
            p.description,
            Some("a sculptor associated with the Studio of Military Painters")
        );
        assert_eq!(p.gender, Gender::Male);
        let p = c("Secretary of State John Kerry");
        assert_eq!(
            (p.name, p.title),
            ("John Kerry", Some("Secretary of State"))
        );
        let p = c("the head of the ministry, Andrei Belyushikov");
        assert_eq!(p.name, "Andrei Belyushikov");
        assert_eq!(p.description, Some("the head of the ministry"));
        let p = c("Ms. Jones");
        assert_eq!((p.gender, p.title), (Gender::Female, None));
        let p = c("Sen. Mary Smith");
        assert_eq!((p.name, p.title), ("Mary Smith", Some("Sen.")));
        let p = c("the ministry");
        assert_eq!(
            (p.kind, p.reference, p.head.as_deref()),
            (
                SpeakerKind::Organization,
                Reference::Description { definite: true },
                Some("ministry")
            )
        );
    }

    #[test]
    fn pronouns_and_possessives() {
        let text = "Lavrov’s remarks";
        let p = c(text);
        assert_eq!((p.name, p.mention.as_str(text)), ("Lavrov", "Lavrov"));
        assert_eq!(c("she").reference, Reference::Pronoun(Pronoun::Feminine));
        assert_eq!(
            c("their statement").reference,
            Reference::Pronoun(Pronoun::Plural)
        );
        assert_eq!(
            c("who").reference,
            Reference::Pronoun(Pronoun::RelativePerson)
        );
        let text = "the officials' report";
        assert_eq!(c(text).kind, SpeakerKind::Group);
    }

    #[test]
    fn ci_map_finds_a_word_in_any_case_and_nothing_else() {
        let keys = [
            "a",
            "smith",
            "sixteen-letters!",
            "seventeen-letters",
            "o'neil",
            "é",
            "zz",
        ];
        let m = CiMap::new(keys.iter().map(|k| (k.to_string(), k.len())).collect());
        for k in keys {
            assert_eq!(m.get(k), Some(k.len()), "{k}");
            assert_eq!(m.get(&k.to_uppercase()), Some(k.len()), "{k}");
            assert_eq!(m.get_key(&k.to_uppercase()), Some(k), "{k}");
        }
        for w in [
            "",
            "b",
            "smit",
            "smiths",
            "smith\0",
            "sixteen-letters",
            "É",
            "zz ",
            "Ä",
        ] {
            assert_eq!(
                m.get(w),
                keys.contains(&w.to_lowercase().as_str()).then_some(w.len())
            );
        }
        assert_eq!(m.get("É"), Some(2));
    }

    #[test]
    fn anonymity_words_skip_only_phrases_with_no_marker() {
        let lex = lexicon();
        let mut phrases = vec![
            String::new(),
            "officials".into(),
            "a SOURCE".into(),
            "a source-close".into(),
            "ex-insider".into(),
            "two people familiar with the talks".into(),
            "a person who asked not to be identified".into(),
            "sources' views".into(),
            "résource".into(),
            "unnamedofficials".into(),
        ];
        for e in super::lexicon::entries(ANONYMITY) {
            for (a, b) in [
                ("", ""),
                ("an ", " said"),
                ("x", ""),
                ("", "y"),
                ("(", ")"),
                ("é", ""),
            ] {
                phrases.push(format!("{a}{e}{b}"));
                phrases.push(format!("{a}{}{b}", e.to_uppercase()));
            }
        }
        for p in &phrases {
            assert_eq!(lex.is_anonymous(p), lex.is_anonymous_scan(p), "{p:?}");
        }
        assert!(lex.is_anonymous("a source familiar with the talks"));
        assert!(!lex.is_anonymous("the resources minister"));
    }

    #[test]
    fn lone_pronoun_is_what_classify_gives() {
        for text in [
            "he",
            "He",
            "SHE",
            "they",
            "Its",
            "who",
            "that",
            "we",
            "I",
            "his",
            "themselves",
            "hex",
            "He said",
            " he",
            "he.",
            "Ünd",
            "",
            "Smith",
        ] {
            let read = read_span(text, Span::new(0, text.len()));
            if let Some(p) = lone_pronoun(text, read) {
                assert_eq!(p, classify(text, read), "{text:?}");
                assert!(matches!(p.reference, Reference::Pronoun(_)), "{text:?}");
            } else {
                assert!(
                    !text.bytes().all(|b| b.is_ascii_alphabetic()) || pronoun(text).is_none(),
                    "{text:?}"
                );
            }
        }
    }

    #[test]
    fn word_table_agrees_with_the_lists() {
        let lex = lexicon();
        let mut words: Vec<String> = lex.words.keys().cloned().collect();
        for w in lex.person_nouns.keys() {
            words.push(format!("{w}s"));
            words.push(format!("{w}es"));
            words.push(w.to_uppercase());
        }
        words.extend(
            [
                "s",
                "ies",
                "men",
                "xs",
                "Officials",
                "SPOKESMEN",
                "Über",
                "smiths",
                "AP",
                "cnn",
            ]
            .map(String::from),
        );
        for w in lex.words.keys() {
            words.push(format!("{}.", w.to_uppercase()));
            words.push(format!("{w}x"));
        }
        for w in &words {
            let lower = w.to_lowercase();
            assert_eq!(lex.is_group_noun(w), lex.is_group_noun_lower(&lower), "{w}");
            let info = lex.word_info(w);
            assert_eq!(info.document_noun, lex.doc_nouns.contains(w), "{w}");
            assert_eq!(lex.is_document_noun(w), lex.doc_nouns.contains(w), "{w}");
            assert_eq!(lex.first_name(w), lex.first_names.get(w), "{w}");
            let bare = w.trim_end_matches('.');
            assert_eq!(lex.honorific(w), lex.honorifics.get(bare), "{w}");
            assert_eq!(lex.person_noun(w), lex.person_nouns.get(w), "{w}");
            assert_eq!(lex.person_noun_key(w), lex.person_nouns.get_key(w), "{w}");
            assert_eq!(lex.org_head(w), lex.org_heads.get(w), "{w}");
            if !w.contains(' ') && strip_the(w).len() == w.len() {
                assert_eq!(lex.name_kind_with(w, Some(&info)), lex.name_kind(w), "{w}");
            }
        }
    }

    /// The matches of `is_particle` and `is_name_stop` hold their lists' words, and only
    /// those (in any case, for the name stops).
    #[test]
    fn particles_and_name_stops_match_their_lists() {
        let mut words: Vec<String> = Vec::new();
        for w in PARTICLES.iter().chain(NAME_STOPS).chain(FUNCTION_WORDS) {
            words.push((*w).to_owned());
            words.push(w.to_uppercase());
            words.push(w[..1].to_uppercase() + &w[1..]);
            words.push(format!("{w}s"));
            words.push(w[1..].to_owned());
        }
        for w in PARTICLES.iter().chain(&["of"]) {
            let b = w.as_bytes();
            assert!(may_start_particle(b[0], b[1]), "{w}");
        }
        for w in &words {
            assert_eq!(is_particle(w), PARTICLES.contains(&w.as_str()), "{w}");
            let stop = w.len() <= 5 && NAME_STOPS.iter().any(|s| s.eq_ignore_ascii_case(w));
            assert_eq!(is_name_stop(w), stop, "{w}");
        }
    }

    #[test]
    fn function_words_match_their_list() {
        for w in FUNCTION_WORDS {
            assert!(is_function_word_lower(w.as_bytes()), "{w}");
            assert!(is_function_word(&w.to_uppercase()), "{w}");
        }
        let listed = |w: &str| FUNCTION_WORDS.contains(&w);
        for w in ["Smith", "Thus", "Andrew", "Ann", "Them", "Ask", "X"] {
            assert_eq!(is_function_word(w), listed(&w.to_lowercase()), "{w}");
        }
    }

    /// Any word is a determiner by the set exactly when it was by the match (session 11).
    #[test]
    fn determiners_by_set_as_by_match() {
        let reference = |word: &str| {
            const FIRST: u32 = letter_bits(b"abcdefhmnostv");
            match word.as_bytes().first() {
                Some(&b) if b.is_ascii_alphabetic() && FIRST & 1 << ((b | 0x20) - b'a') != 0 => {}
                _ => return false,
            }
            ascii_lower_is(word, 9, |w| DETERMINERS.contains(&w))
        };
        let mut words: Vec<String> = FUNCTION_WORDS.iter().map(|w| w.to_string()).collect();
        words.extend(DETERMINERS.iter().map(|w| w.to_string()));
        words.extend(["Smith", "Thousandsx", "The", "THE", "a\u{0}", "thé", "x"].map(String::from));
        for w in words {
            let shorter: String = w.chars().skip(1).collect();
            for v in [
                w.clone(),
                w.to_uppercase(),
                format!("{w}s"),
                format!("{w}\0"),
                shorter,
            ] {
                assert_eq!(is_determiner(&v), reference(&v), "{v:?}");
            }
        }
    }

    /// `is_function_word` as it lowercased a word into a buffer and matched it (session 11).
    fn is_function_word_reference(word: &str) -> bool {
        let b = word.as_bytes();
        if b.is_empty() || b.len() > 10 || !b[0].is_ascii_alphabetic() {
            return false;
        }
        if !word.is_ascii() {
            return FUNCTION_WORDS.contains(&word.to_lowercase().as_str());
        }
        let mut buf = [0u8; 10];
        for (d, s) in buf.iter_mut().zip(b) {
            *d = s.to_ascii_lowercase();
        }
        is_function_word_lower(&buf[..b.len()])
    }

    #[test]
    fn function_words_by_table_as_by_match() {
        for w in FUNCTION_WORDS {
            for v in [
                w.to_string(),
                w.to_uppercase(),
                format!("{w}s"),
                format!("{w}\0"),
                format!("{w}\0\0"),
                w[..w.len() - 1].to_string(),
                format!("{w}é"),
                format!("x{w}"),
            ] {
                assert_eq!(
                    is_function_word(&v),
                    is_function_word_reference(&v),
                    "{v:?}"
                );
            }
        }
    }

    proptest::proptest! {
        /// Any short word of letters, digits, NUL and chars beyond ASCII is a function word
        /// by the table exactly when it is by the match.
        #[test]
        fn function_words_agree_on_any_word(w in "([a-zA-Z]{1,3}|the|and|accordin|g|yesterday|i|[0-9]|\0|é|ß){0,5}") {
            proptest::prop_assert_eq!(is_function_word(&w), is_function_word_reference(&w));
        }
    }

    #[test]
    fn odd_input_never_panics() {
        for text in [
            "",
            ",",
            "’s",
            "'",
            "a",
            "Mr.",
            "The",
            "of of of",
            "Ministry of",
            "😀 Smith’s",
            "by",
            "a report by",
        ] {
            let p = c(text);
            assert!(p.mention.end <= text.len());
        }
        let long = "Smith ".repeat(10_000);
        assert!(c(&long).mention.end <= MAX_PHRASE);
    }
}
