//! Speakers: every attribution's source resolved to one entity.
//!
//! The stage reads the text once, left to right. It keeps the entities met so far (people
//! named in the text, organisations, and every source), and links each source to one:
//!
//! - a name to the entity of that name (`Chebanenko` after `Alexei Chebanenko`; two people
//!   who share a surname stay two, and a bare surname goes to the latest of them);
//! - a definite description to the latest entity whose title, apposition or name holds its
//!   head noun (`the sculptor`, `the minister`, `the ministry`);
//! - a pronoun or possessive to the nearest compatible entity before it (`he`, `His comments`,
//!   `they`), gender from the article (`Mr.`, an earlier `he` for that person, `spokeswoman`)
//!   and else from the shipped first-name lists;
//! - groups and anonymous sources to their own speakers, never to a named person.
//!
//! Names in running text are read only when a source needs an antecedent (a pronoun, a
//! definite description, a bare surname) and finds none among the entities its article has
//! given so far, and only in the [`SCAN_SENTENCES`] sentences before it (three before a
//! description, a `they` or an `it`): each byte once, each name classified once; a bare
//! surname classifies only the names that end in it. Most sources are full names or find
//! their antecedent among earlier sources, so most of the text is never read here.
//!
//! Every look-back is bounded ([`WINDOW`] recent mentions, [`SENTENCE_WINDOW`] sentences; at
//! most [`PER_NAME`] entities per name key), so the stage is linear in the text.
//!
//! ```
//! use sayso::{Attribution, Span, SpeakerKind};
//! let text = "Alexei Chebanenko confirmed it. Chebanenko said more. He added detail.";
//! let find = |s: &str| { let i = text.find(s).unwrap(); Span::new(i, i + s.len()) };
//! let mut attributions: Vec<Attribution> = [("Alexei Chebanenko", "confirmed"), ("Chebanenko", "said"), ("He", "added")]
//!     .iter()
//!     .map(|(source, cue)| Attribution::given(Some(find(source)), find(cue), vec![]))
//!     .collect();
//! let speakers = sayso::speakers::resolve(text, &sayso::segment(text), &mut attributions);
//! assert_eq!(speakers.len(), 1);
//! assert_eq!(speakers[0].name, "Alexei Chebanenko");
//! assert_eq!(speakers[0].kind, SpeakerKind::Person);
//! assert_eq!(speakers[0].attributions, [0, 1, 2]);
//! ```

use std::borrow::Cow;
use std::collections::HashMap;
use std::hash::BuildHasher;
use std::ops::Range;

use hashbrown::{hash_table, HashTable};

use crate::document::{Attribution, CueClassCounts, Sentence, Speaker, SpeakerKind};
use crate::entities::{self, Gender, Pronoun, Reference, SourcePhrase};
use crate::swar::{self, HIGH, ONES};
use crate::Span;

/// How many recent mentions a pronoun or description looks back over.
pub const WINDOW: usize = 40;
/// How many sentences before a pronoun, description or bare surname are read for names.
pub const SCAN_SENTENCES: usize = 4;
/// How many sentences before a description are read for names: one fewer than for a
/// pronoun or surname. A description looks back over [`DESCRIPTION_SENTENCE_WINDOW`]
/// sentences of mentions known already, so the names of the fourth sentence back seldom
/// decide it (PolNeAR train: 5 attributions of 14,460 change speaker; dev unchanged) and
/// reading them cost about 1% of the stage.
const DESCRIPTION_SCAN_SENTENCES: usize = 3;
/// How many sentences back a pronoun may find its antecedent.
pub const SENTENCE_WINDOW: usize = 3;
/// How many sentences back a definite description may find its antecedent.
pub const DESCRIPTION_SENTENCE_WINDOW: usize = 12;
/// How many entities are kept per name key (a surname shared by many people).
pub const PER_NAME: usize = 8;
/// At most this many words of a title or apposition are kept for matching descriptions.
const MAX_WORDS: usize = 24;

/// What the text says of one entity; its names are slices of the text.
#[derive(Debug, Default)]
struct Entity<'a> {
    kind: SpeakerKind,
    name: &'a str,
    first: Option<&'a str>,
    last: Option<&'a str>,
    title: Option<&'a str>,
    description: Option<&'a str>,
    gender: Gender,
    /// Lowercase words of the title, apposition and name, for descriptions to match, each
    /// followed by a space (no word holds one). The phrases wait in `pending` until a
    /// description asks (`has_word`) or, for a person, until its role nouns are needed
    /// ([`Resolver::sync_roles`]): most are never asked.
    words: String,
    /// The phrases while `eager` is false, in order; the first `n_read` of them are read
    /// into `words`.
    pending: [Option<Cow<'a, str>>; 4],
    /// How many of `pending` are read into `words` (a person's, for its role nouns).
    n_read: u8,
    /// How many role nouns `roles` held after reading each of `pending`.
    role_marks: [u8; 4],
    /// Whether the words are read as phrases come.
    eager: bool,
    /// How many words `words` holds.
    n_words: usize,
    /// A bit for each word of `words` ([`word_bit`]): a word whose bit is clear is not there.
    word_bits: u64,
    /// Those of `words` that are role nouns (`minister`, `sculptor`).
    roles: Roles,
    /// How many attributions are linked to the entity.
    said: usize,
    /// Whether a person is in `by_last` and `by_first` under its names.
    indexed: bool,
    last_pos: usize,
}

/// A word as descriptions match it: abbreviated titles are the word ("Gov. Ann Lee" is "the
/// governor").
fn normalize(w: &str) -> &str {
    match w {
        "gov" => "governor",
        "sen" => "senator",
        "rep" => "representative",
        "gen" => "general",
        "col" => "colonel",
        "lt" => "lieutenant",
        "sgt" => "sergeant",
        "capt" => "captain",
        "adm" => "admiral",
        "prof" => "professor",
        "dr" => "doctor",
        "atty" => "attorney",
        "sec" | "secy" => "secretary",
        "pres" => "president",
        _ => w,
    }
}

/// The bit of a lowercase word in [`Entity::word_bits`]: from its length and its first and
/// last bytes.
fn word_bit(w: &str) -> u64 {
    let b = w.as_bytes();
    let (first, last) = (
        b.first().copied().unwrap_or(0),
        b.last().copied().unwrap_or(0),
    );
    let h = (b.len() as u32)
        .wrapping_mul(31)
        .wrapping_add(u32::from(first).wrapping_mul(7))
        .wrapping_add(u32::from(last));
    1 << (h % 64)
}

/// Call `f` on the words of `phrase` in order (its runs of alphanumeric chars) while it
/// returns true.
fn for_each_word<'p>(phrase: &'p str, mut f: impl FnMut(&'p str) -> bool) {
    if phrase.is_ascii() {
        // Byte by byte: an ASCII char is alphanumeric as its byte is.
        let b = phrase.as_bytes();
        let mut i = 0;
        while i < b.len() {
            if !b[i].is_ascii_alphanumeric() {
                i += 1;
                continue;
            }
            let start = i;
            i = entities::ascii_alnum_end(b, i + 1);
            if !f(&phrase[start..i]) {
                return;
            }
        }
    } else {
        for w in phrase.split(|c: char| !c.is_alphanumeric()) {
            if !w.is_empty() && !f(w) {
                return;
            }
        }
    }
}

impl<'a> Entity<'a> {
    /// Add the words of `phrase` (at most [`MAX_WORDS`] distinct words in all).
    fn add_words(&mut self, phrase: Cow<'a, str>) {
        if !self.eager {
            if let Some(slot) = self.pending.iter_mut().find(|s| s.is_none()) {
                *slot = Some(phrase);
                return;
            }
            self.eager = true;
            let read = usize::from(self.n_read);
            for p in std::mem::take(&mut self.pending)
                .into_iter()
                .flatten()
                .skip(read)
            {
                self.read_words(&p);
            }
        }
        self.read_words(&phrase);
    }

    /// How many phrases `add_words` was given while `eager` is false.
    fn n_pending(&self) -> usize {
        self.pending.iter().take_while(|p| p.is_some()).count()
    }

    /// How many of `roles` the entity had when its first `n` phrases were read: they are
    /// read now if they were not.
    fn roles_after(&mut self, n: usize) -> usize {
        while usize::from(self.n_read) < n {
            let k = usize::from(self.n_read);
            let p = self.pending[k].take();
            self.read_words(p.as_deref().unwrap_or(""));
            self.pending[k] = p;
            self.role_marks[k] = self.roles.count() as u8;
            self.n_read += 1;
        }
        match n {
            0 => 0,
            n => usize::from(self.role_marks[n - 1]),
        }
    }

    /// Whether a description's head word `w` is one of the entity's words.
    fn has_word(&self, w: &str) -> bool {
        if w.is_empty() {
            return false;
        }
        if self.eager || usize::from(self.n_read) == self.n_pending() {
            return self.read_has(w);
        }
        // A word among the first MAX_WORDS words is among the first MAX_WORDS distinct ones.
        let mut seen = 0;
        // Some(found), or None when there are too many words to tell without reading them
        // as `add_words` does.
        let mut found = Some(false);
        for p in self.pending.iter().flatten() {
            for_each_word(p, |x| {
                if seen >= MAX_WORDS {
                    found = None;
                } else if entities::with_lower(x, |x| normalize(x) == w) {
                    found = Some(true);
                }
                seen += 1;
                found == Some(false)
            });
            if found != Some(false) {
                break;
            }
        }
        found.unwrap_or_else(|| {
            let mut e = Entity {
                eager: true,
                ..Entity::default()
            };
            for p in self.pending.iter().flatten() {
                e.read_words(p);
            }
            e.read_has(w)
        })
    }

    fn read_words(&mut self, phrase: &str) {
        if self.words.capacity() == 0 {
            self.words.reserve(64);
        }
        for_each_word(phrase, |w| {
            if self.n_words >= MAX_WORDS {
                return false;
            }
            entities::with_lower(w, |w| {
                let w = normalize(w);
                let bit = word_bit(w);
                if self.word_bits & bit == 0 || !self.read_has(w) {
                    self.word_bits |= bit;
                    // Only a person's role words are looked up (`touch`).
                    if self.kind == SpeakerKind::Person {
                        if let Some(role) = entities::lexicon().person_noun_key(w) {
                            self.roles.push(role);
                        }
                    }
                    self.words.push_str(w);
                    self.words.push(' ');
                    self.n_words += 1;
                }
            });
            true
        });
    }

    /// Whether `w` is one of the words read.
    fn read_has(&self, w: &str) -> bool {
        !w.is_empty()
            && self.word_bits & word_bit(w) != 0
            && self
                .words
                .as_bytes()
                .split(|&b| b == b' ')
                .any(|x| x == w.as_bytes())
    }

    fn is_speaker(&self) -> bool {
        self.said > 0
    }
}

/// The role nouns of an entity's words, in order: the first [`INLINE_ROLES`] inline (most
/// entities have none or one), the rest on the heap.
#[derive(Debug, Default)]
struct Roles {
    inline: [&'static str; INLINE_ROLES],
    len: usize,
    more: Vec<&'static str>,
}

/// How many role nouns [`Roles`] keeps inline.
const INLINE_ROLES: usize = 2;

impl Roles {
    fn push(&mut self, role: &'static str) {
        if self.len < INLINE_ROLES {
            self.inline[self.len] = role;
            self.len += 1;
        } else {
            self.more.push(role);
        }
    }

    fn count(&self) -> usize {
        self.len + self.more.len()
    }

    fn iter(&self) -> impl Iterator<Item = &&'static str> {
        self.inline[..self.len].iter().chain(&self.more)
    }
}

#[derive(Clone, Copy, Debug)]
struct Recent {
    entity: usize,
    sentence: usize,
    /// Where the mention starts: names read late are merged back into text order.
    pos: usize,
}

/// A source with no antecedent among the entities known so far: the text before it is
/// worth reading for names ([`Resolver::resolve`] with `may_miss`).
#[derive(Debug)]
struct Missed;

/// What a source links to: an entity and the confidence, or no one (`I`, `we`).
type Linked = Option<(usize, f32)>;

/// Maps keyed by words of the input, ignoring case.
type Map<'a, V> = Table<CiKey<'a>, V>;

/// The hasher of the stage's maps: fast (foldhash), with a random seed per thread, so
/// crafted input cannot make keys collide.
type Hasher = foldhash::fast::RandomState;

/// A hash map whose memory is kept from one call to the next though its keys borrow one
/// call's text: the entries in a vector (recycled as the entity list is: see [`recycle`])
/// and a table of their indices, which borrows nothing and is kept as it is.
struct Table<K, V> {
    index: HashTable<usize>,
    entries: Vec<(K, V)>,
    hasher: Hasher,
}

impl<K, V> Default for Table<K, V> {
    fn default() -> Self {
        Table {
            index: HashTable::new(),
            entries: Vec::new(),
            hasher: Hasher::default(),
        }
    }
}

impl<K, V> Table<K, V> {
    /// A table in the memory kept in `index` and `entries` (empty), hashing with `hasher`.
    fn kept<L>(index: &mut HashTable<usize>, entries: &mut Vec<(L, V)>, hasher: &Hasher) -> Self {
        Table {
            index: std::mem::take(index),
            entries: recycle(std::mem::take(entries)),
            hasher: hasher.clone(),
        }
    }

    /// Keep this table's memory in `index` and `entries`, emptied (unless it grew past
    /// [`KEEP`] entries).
    fn keep<L>(self, index: &mut HashTable<usize>, entries: &mut Vec<(L, V)>) {
        *index = self.index;
        clear_table(index);
        *entries = recycle(self.entries);
        reset(entries);
    }
}

/// Empty `t`, and drop its memory when it holds room for more than [`KEEP`] items.
fn clear_table(t: &mut HashTable<usize>) {
    if t.capacity() > KEEP {
        *t = HashTable::new();
    } else {
        t.clear();
    }
}

impl<K: std::hash::Hash + Eq, V> Table<K, V> {
    fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    fn reserve(&mut self, n: usize) {
        let (entries, hasher) = (&self.entries, &self.hasher);
        self.index.reserve(n, |&i| hasher.hash_one(&entries[i].0));
        self.entries.reserve(n);
    }

    fn hash(&self, key: &K) -> u64 {
        self.hasher.hash_one(key)
    }

    /// The value under `key`, whose hash ([`Table::hash`]) is `hash`.
    #[inline]
    fn get_hashed(&self, hash: u64, key: &K) -> Option<&V> {
        let entries = &self.entries;
        self.index
            .find(hash, |&i| entries[i].0 == *key)
            .map(|&i| &entries[i].1)
    }

    fn get(&self, key: &K) -> Option<&V> {
        self.get_hashed(self.hash(key), key)
    }

    fn contains_key(&self, key: &K) -> bool {
        self.get(key).is_some()
    }

    /// The value under `key`, a default one put there first when there is none.
    fn get_or_default(&mut self, key: K) -> &mut V
    where
        V: Default,
    {
        let hash = self.hash(&key);
        let Table {
            index,
            entries,
            hasher,
        } = self;
        let i = match index.entry(
            hash,
            |&i| entries[i].0 == key,
            |&i| hasher.hash_one(&entries[i].0),
        ) {
            hash_table::Entry::Occupied(o) => *o.get(),
            hash_table::Entry::Vacant(v) => {
                let i = entries.len();
                v.insert(i);
                entries.push((key, V::default()));
                i
            }
        };
        &mut entries[i].1
    }

    /// Put `value` under `key` (a key already there stays, as written first).
    fn insert(&mut self, key: K, value: V)
    where
        V: Default,
    {
        *self.get_or_default(key) = value;
    }
}

/// A slice of the text as a map key, hashed and compared by its lowercase form (what
/// `str::to_lowercase` gives) with no copy for ASCII words of up to 64 bytes.
#[derive(Clone, Copy, Debug)]
struct CiKey<'a> {
    text: &'a str,
    /// [`entities::short_key`] of `text`, read once (the common key: ASCII of 1 to 16
    /// bytes): hashing and each comparison of a probe then read no bytes of the text.
    short: Option<(u64, u64)>,
}

impl<'a> CiKey<'a> {
    fn new(text: &'a str) -> Self {
        CiKey {
            text,
            short: entities::short_key(text.as_bytes()),
        }
    }
}

/// Hash the lowercase form `lower` of a key when it is ASCII of 1 to 16 bytes, as two words
/// and its length (the common case, with no copy); false for any other.
#[inline]
fn hash_short<H: std::hash::Hasher>(lower: &[u8], h: &mut H) -> bool {
    match entities::short_key(lower) {
        Some(key) => {
            write_short(key, lower.len(), h);
            true
        }
        None => false,
    }
}

/// Hash the [`entities::short_key`] `(lo, hi)` of a key of `len` bytes: one 128-bit write,
/// the length sharing the last byte's bits (keys that differ only there may collide, and
/// are then told apart by `eq`).
#[inline]
fn write_short<H: std::hash::Hasher>((lo, hi): (u64, u64), len: usize, h: &mut H) {
    let hi = hi ^ ((len as u64) << 56);
    h.write_u128(u128::from(lo) | (u128::from(hi) << 64));
}

impl std::hash::Hash for CiKey<'_> {
    fn hash<H: std::hash::Hasher>(&self, h: &mut H) {
        let b = self.text.as_bytes();
        // `short_key` lowercases ASCII: the same as hashing the lowercase form.
        if let Some(key) = self.short {
            write_short(key, b.len(), h);
            return;
        }
        // Up to 64 bytes: copied, then lowered and told ASCII eight bytes at a time over the
        // whole (zero-padded) buffer, with no loop whose exit depends on the length.
        let mut buf = [0u8; 64];
        let ascii = b.len() <= 64 && {
            buf[..b.len()].copy_from_slice(b);
            let mut high = 0;
            for c in buf.chunks_exact_mut(8) {
                let x = swar::load(c);
                high |= x & HIGH;
                c.copy_from_slice(&swar::lower(x).to_le_bytes());
            }
            high == 0
        };
        if ascii {
            h.write(&buf[..b.len()]);
        } else {
            let lower = self.text.to_lowercase();
            if hash_short(lower.as_bytes(), h) {
                return;
            }
            h.write(lower.as_bytes());
        }
        h.write_u8(0xff);
    }
}

impl PartialEq for CiKey<'_> {
    fn eq(&self, other: &Self) -> bool {
        let (a, b) = (self.text, other.text);
        // ASCII of 1 to 16 bytes (the common key): equal lowercase words and lengths.
        if let (Some(x), Some(y)) = (self.short, other.short) {
            return a.len() == b.len() && x == y;
        }
        if a.is_ascii() && b.is_ascii() {
            a.eq_ignore_ascii_case(b)
        } else {
            a.to_lowercase() == b.to_lowercase()
        }
    }
}

impl Eq for CiKey<'_> {}

/// Whether the lowercase of `a` ends with the lowercase of `b`.
fn ends_with_ci(a: &str, b: &str) -> bool {
    if a.is_ascii() && b.is_ascii() {
        ascii_ends_with_ci(a, b)
    } else {
        a.to_lowercase().ends_with(&b.to_lowercase())
    }
}

/// [`ends_with_ci`] for ASCII `a` and `b`.
fn ascii_ends_with_ci(a: &str, b: &str) -> bool {
    a.len() >= b.len() && a.as_bytes()[a.len() - b.len()..].eq_ignore_ascii_case(b.as_bytes())
}

/// The byte length of the lowercase of `s`.
fn lower_len(s: &str) -> usize {
    if s.is_ascii() {
        s.len()
    } else {
        s.to_lowercase().len()
    }
}

/// A resolver's lists [`Resolver::recent`], [`Resolver::said`], [`Resolver::mentions`] and
/// [`Resolver::role_touches`].
type MentionLists = (
    Vec<Recent>,
    Vec<(usize, usize)>,
    Vec<(usize, Span)>,
    Vec<RoleTouch>,
);

#[derive(Default)]
struct Resolver<'a> {
    entities: Vec<Entity<'a>>,
    recent: Vec<Recent>,
    by_last: Map<'a, Ids>,
    by_first: Map<'a, Ids>,
    /// The keys of `by_last` and `by_first`, for a quick no.
    names: NameFilter,
    /// Organisations, outlets and unknown names by name (no leading `the`).
    by_name: Map<'a, usize>,
    /// Groups by name (no leading `the`).
    by_group: Map<'a, usize>,
    /// The latest person mentioned with each role word in a title or apposition, and where,
    /// as of the first `roles_synced` of `role_touches` ([`Resolver::sync_roles`]).
    by_role: HashMap<&'static str, (usize, usize), Hasher>,
    /// Every mention of a person, in order, with what its role nouns were then: `by_role`
    /// is brought up to date from it only when a description asks, so the words of most
    /// people are never read.
    role_touches: Vec<RoleTouch>,
    roles_synced: usize,
    /// Every mention of every entity: (entity, mention).
    mentions: Vec<(usize, Span)>,
    /// Every attribution linked: (entity, attribution).
    said: Vec<(usize, usize)>,
}

/// A mention of a person for [`Resolver::by_role`]: the person, where, and which of its role
/// nouns it had then.
#[derive(Clone, Copy, Debug)]
struct RoleTouch {
    entity: usize,
    pos: usize,
    /// Its role nouns were those of its first `phrases` phrases, or (with `u8::MAX`, when it
    /// read its words as they came) the first `roles` of them.
    phrases: u8,
    roles: u8,
}

/// At most [`PER_NAME`] entity ids, oldest first, kept inline.
#[derive(Clone, Copy, Debug, Default)]
struct Ids {
    ids: [usize; PER_NAME],
    len: usize,
}

impl std::ops::Deref for Ids {
    type Target = [usize];
    fn deref(&self) -> &[usize] {
        &self.ids[..self.len]
    }
}

impl Ids {
    /// Add `id` unless it is there, dropping the oldest when full: the id dropped.
    fn add(&mut self, id: usize) -> Option<usize> {
        if self.contains(&id) {
            return None;
        }
        let mut dropped = None;
        if self.len >= PER_NAME {
            dropped = Some(self.ids[0]);
            self.ids.copy_within(1.., 0);
            self.len -= 1;
        }
        self.ids[self.len] = id;
        self.len += 1;
        dropped
    }
}

/// Which lengths and first letters the lowercase keys of a map have: `key(word)` is
/// false for most ASCII words whose lowercase is no key, with no hashing.
#[derive(Default)]
struct NameFilter {
    /// Bit `min(len, 63)` of `lengths[first byte & 31]` (a letter and its capital share
    /// the five low bits).
    lengths: [u64; 32],
}

impl NameFilter {
    fn bit(b: &[u8]) -> (usize, u64) {
        (usize::from(b[0] & 31), 1u64 << b.len().min(63))
    }

    /// Note the lowercase key `key`.
    fn insert(&mut self, key: &str) {
        if !key.is_empty() {
            let (i, bit) = Self::bit(key.as_bytes());
            self.lengths[i] |= bit;
        }
    }

    /// `word` as a key of the maps, or None when its lowercase is no key (it may be one
    /// always for a word not all ASCII, whose lowercase can change its bytes).
    fn key<'w>(&self, word: &'w str) -> Option<CiKey<'w>> {
        let key = CiKey::new(word);
        // A short key is read only from ASCII: no scan of the word to tell it (the byte
        // loop's exit is a mispredicted branch on most names).
        if key.short.is_some() || !word.is_empty() && word.is_ascii() {
            let (i, bit) = Self::bit(word.as_bytes());
            if self.lengths[i] & bit == 0 {
                return None;
            }
        }
        Some(key)
    }
}

fn strip_the(name: &str) -> &str {
    name.strip_prefix("The ")
        .or_else(|| name.strip_prefix("the "))
        .unwrap_or(name)
}

/// The key of a name in `by_name` and `by_group`.
fn name_key(name: &str) -> CiKey<'_> {
    CiKey::new(strip_the(name))
}

fn compatible(entity: Gender, wanted: Gender) -> bool {
    entity == Gender::Unknown || wanted == Gender::Unknown || entity == wanted
}

/// The memory of a resolver's maps, kept from one call to the next (empty: their keys
/// borrow the text of a call).
#[derive(Default)]
struct KeptMaps {
    last: (HashTable<usize>, Vec<(CiKey<'static>, Ids)>),
    first: (HashTable<usize>, Vec<(CiKey<'static>, Ids)>),
    name: (HashTable<usize>, Vec<(CiKey<'static>, usize)>),
    group: (HashTable<usize>, Vec<(CiKey<'static>, usize)>),
    by_role: HashMap<&'static str, (usize, usize), Hasher>,
}

impl<'a> Resolver<'a> {
    /// A resolver with room for `entities` entities and `mentions` mentions, its lists of
    /// mentions in the buffers `lists` and its maps in the memory `kept`, hashing with
    /// `hasher`.
    fn with_capacity(
        entities: usize,
        mentions: usize,
        lists: MentionLists,
        mut entity_list: Vec<Entity<'a>>,
        kept: &mut KeptMaps,
        hasher: &Hasher,
    ) -> Self {
        let (mut recent, mut said_list, mut mention_list, mut role_touches) = lists;
        entity_list.clear();
        entity_list.reserve(entities);
        role_touches.clear();
        recent.clear();
        recent.reserve(mentions);
        mention_list.clear();
        mention_list.reserve(mentions);
        said_list.clear();
        said_list.reserve(mentions);
        let mut by_last = Table::kept(&mut kept.last.0, &mut kept.last.1, hasher);
        let mut by_first = Table::kept(&mut kept.first.0, &mut kept.first.1, hasher);
        let mut by_name = Table::kept(&mut kept.name.0, &mut kept.name.1, hasher);
        let by_group = Table::kept(&mut kept.group.0, &mut kept.group.1, hasher);
        let by_role = std::mem::take(&mut kept.by_role);
        by_last.reserve(entities);
        by_first.reserve(entities);
        by_name.reserve(entities);
        Resolver {
            entities: entity_list,
            recent,
            by_last,
            by_first,
            names: NameFilter::default(),
            by_name,
            by_group,
            by_role,
            role_touches,
            roles_synced: 0,
            mentions: mention_list,
            said: said_list,
        }
    }

    fn new_entity(&mut self, p: &SourcePhrase<'a>) -> usize {
        let id = self.entities.len();
        // Filled in place: an entity built on the stack and pushed is copied whole.
        self.entities.resize_with(id + 1, Entity::default);
        let e = &mut self.entities[id];
        e.kind = p.kind;
        e.name = p.name;
        e.first = p.first;
        e.last = p.last;
        e.title = p.title;
        e.description = p.description;
        e.gender = p.gender;
        if let Some(t) = p.title {
            e.add_words(Cow::Borrowed(t));
        }
        if let Some(d) = p.description {
            e.add_words(Cow::Borrowed(d));
        }
        if let Some(h) = &p.head {
            e.add_words(h.clone());
        }
        if p.kind != SpeakerKind::Person {
            e.add_words(Cow::Borrowed(p.name));
        }
        self.index(id);
        id
    }

    fn index(&mut self, id: usize) {
        let e = &self.entities[id];
        if e.kind == SpeakerKind::Person {
            if e.indexed {
                return; // under the same names, and dropped from no list since
            }
            let (last, first) = (e.last, e.first);
            self.entities[id].indexed = true;
            for (map, key) in [(&mut self.by_last, last), (&mut self.by_first, first)] {
                let Some(k) = key else { continue };
                let ci = CiKey::new(k);
                // An ASCII key's lowercase has its length and its first byte's five low
                // bits, all the filter keeps (a short key is ASCII, with no scan).
                if ci.short.is_some() || k.is_ascii() {
                    self.names.insert(k);
                } else {
                    entities::with_lower(k, |k| self.names.insert(k));
                }
                // At most PER_NAME ids under a name: the one dropped to make room.
                if let Some(dropped) = map.get_or_default(ci).add(id) {
                    self.entities[dropped].indexed = false;
                }
            }
        } else if matches!(
            e.kind,
            SpeakerKind::Organization | SpeakerKind::Media | SpeakerKind::Unknown
        ) {
            self.by_name.insert(name_key(e.name), id);
        }
    }

    /// Merge what `p` adds (a fuller name, a title, a description) into entity `id`.
    fn enrich(&mut self, id: usize, p: &SourcePhrase<'a>) {
        let e = &mut self.entities[id];
        if p.kind == SpeakerKind::Person && p.reference == Reference::Name {
            if e.first.is_none() && p.first.is_some() {
                e.first = p.first;
                e.name = p.name;
                e.indexed = false;
            } else if p.name.len() > e.name.len() && p.last == e.last && p.first == e.first {
                e.name = p.name; // "John F. Smith" after "John Smith"
            }
        }
        if e.title.is_none() {
            if let Some(t) = p.title {
                e.title = Some(t);
                e.add_words(Cow::Borrowed(t));
            }
        }
        if e.description.is_none() {
            if let Some(d) = p.description {
                e.description = Some(d);
                e.add_words(Cow::Borrowed(d));
            }
        }
        if e.gender == Gender::Unknown {
            e.gender = p.gender;
        }
        self.index(id);
    }

    fn touch(&mut self, id: usize, mention: Span, sentence: usize) {
        let e = &mut self.entities[id];
        self.mentions.push((id, mention));
        // Names read late come after later sources: positions only move forward.
        e.last_pos = e.last_pos.max(mention.start);
        let pos = mention.start;
        if e.kind == SpeakerKind::Person {
            let (phrases, roles) = if e.eager {
                (u8::MAX, e.roles.count() as u8)
            } else {
                (e.n_pending() as u8, 0)
            };
            // A person with no phrase read or waiting (a name alone, most) has no role noun
            // to note.
            let any = if e.eager { roles != 0 } else { phrases != 0 };
            if any {
                self.role_touches.push(RoleTouch {
                    entity: id,
                    pos,
                    phrases,
                    roles,
                });
            }
        }
        self.recent.push(Recent {
            entity: id,
            sentence,
            pos,
        });
    }

    /// Bring `by_role` up to date: each person's mentions since the last call, in order,
    /// with the role nouns it had at each (its words read now if they were not).
    fn sync_roles(&mut self) {
        for t in &self.role_touches[self.roles_synced..] {
            let e = &mut self.entities[t.entity];
            let n = if t.phrases == u8::MAX {
                usize::from(t.roles)
            } else {
                e.roles_after(usize::from(t.phrases))
            };
            for &w in e.roles.iter().take(n) {
                match self.by_role.get_mut(w) {
                    Some(v) if v.1 <= t.pos => *v = (t.entity, t.pos),
                    Some(_) => {}
                    None => {
                        self.by_role.insert(w, (t.entity, t.pos));
                    }
                }
            }
        }
        self.roles_synced = self.role_touches.len();
    }

    /// The latest entity known by the single name `word` (a surname, or a first name), and
    /// whether another entity also goes by it.
    fn by_single_name(&self, word: &str, gender: Gender) -> Option<(usize, bool)> {
        let key = self.names.key(word)?;
        // The maps hash alike: one hash for both.
        let hash = self.by_last.hash(&key);
        let ids = self
            .by_last
            .get_hashed(hash, &key)
            .filter(|v| !v.is_empty())
            .or_else(|| self.by_first.get_hashed(hash, &key))?;
        let mut fitting = ids
            .iter()
            .copied()
            .filter(|&i| compatible(self.entities[i].gender, gender));
        let first = fitting.next()?;
        let mut count = 1;
        let mut best = first;
        for i in fitting {
            count += 1;
            if self.entities[i].last_pos > self.entities[best].last_pos {
                best = i;
            }
        }
        Some((best, count > 1))
    }

    /// Find the person `p` names (first and last name), or None.
    fn find_person(&self, p: &SourcePhrase<'a>) -> Option<(usize, f32)> {
        let last = p.last?;
        match p.first {
            Some(first) => {
                let ids = self.by_last.get(&CiKey::new(last))?;
                let same = ids.iter().rev().copied().find(|&i| {
                    self.entities[i]
                        .first
                        .is_some_and(|f| f.eq_ignore_ascii_case(first) || is_initial_of(f, first))
                });
                same.or_else(|| {
                    // "Smith" (no first name yet) now named "John Smith", if no other Smith.
                    match **ids {
                        [i] => (self.entities[i].first.is_none()
                            && compatible(self.entities[i].gender, p.gender))
                        .then_some(i),
                        _ => None,
                    }
                })
                .map(|i| (i, 1.0))
            }
            None => {
                let (id, ambiguous) = self.by_single_name(last, p.gender)?;
                Some((id, if ambiguous { 0.6 } else { 1.0 }))
            }
        }
    }

    /// Walk back over recent mentions: the nearest entity `fits` accepts, and whether another
    /// distinct fitting entity is in the window too.
    fn nearest(
        &self,
        sentence: usize,
        max_sentences: usize,
        fits: impl Fn(&Entity) -> bool,
    ) -> Option<(usize, bool)> {
        let mut found: Option<usize> = None;
        for r in self.recent.iter().rev().take(WINDOW) {
            if sentence.saturating_sub(r.sentence) > max_sentences {
                break;
            }
            if fits(&self.entities[r.entity]) {
                match found {
                    None => found = Some(r.entity),
                    Some(f) if f != r.entity => return Some((f, true)),
                    _ => {}
                }
            }
        }
        found.map(|f| (f, false))
    }

    /// Link source phrase `p` (in sentence `sentence`) to an entity: (id, confidence).
    ///
    /// With `may_miss`, a source that needs an antecedent (a pronoun, a definite
    /// description, a bare surname) and finds none among the entities known comes back
    /// [`Missed`], changing nothing, so the caller can read the text before it for names
    /// and ask again without `may_miss`.
    fn resolve(
        &mut self,
        p: &SourcePhrase<'a>,
        sentence: usize,
        may_miss: bool,
    ) -> Result<Linked, Missed> {
        match p.reference {
            Reference::Pronoun(pronoun) => self.resolve_pronoun(pronoun, sentence, may_miss),
            Reference::Name => {
                if p.kind == SpeakerKind::Person {
                    if let Some((id, conf)) = self.find_person(p) {
                        self.enrich(id, p);
                        return Ok(Some((id, conf)));
                    }
                    if may_miss && p.first.is_none() {
                        return Err(Missed);
                    }
                    return Ok(Some((self.new_entity(p), 1.0)));
                }
                let key = name_key(p.name);
                if let Some(&id) = self.by_name.get(&key) {
                    self.enrich(id, p);
                    return Ok(Some((id, 1.0)));
                }
                // "Ministry of Defense" after "the Russian Ministry of Defense".
                let kind = p.kind;
                // The key's ASCII test once (a short key is ASCII), not in each of the two
                // tests of each entity in the window (a loop exit mispredicted on most).
                let key_ascii = key.short.is_some() || key.text.is_ascii();
                let key_len = if key_ascii {
                    key.text.len()
                } else {
                    lower_len(key.text)
                };
                let hit = if key_len >= 4 {
                    self.nearest(sentence, DESCRIPTION_SENTENCE_WINDOW, |e| {
                        e.kind == kind && {
                            let k = strip_the(e.name);
                            if key_ascii && k.is_ascii() {
                                ascii_ends_with_ci(k, key.text) || ascii_ends_with_ci(key.text, k)
                            } else {
                                ends_with_ci(k, key.text) || ends_with_ci(key.text, k)
                            }
                        }
                    })
                } else {
                    None
                };
                if let Some((id, _)) = hit {
                    return Ok(Some((id, 0.9)));
                }
                Ok(Some((self.new_entity(p), 1.0)))
            }
            Reference::Description { definite } => {
                self.resolve_description(p, definite, sentence, may_miss)
            }
        }
    }

    fn resolve_description(
        &mut self,
        p: &SourcePhrase<'a>,
        definite: bool,
        sentence: usize,
        may_miss: bool,
    ) -> Result<Linked, Missed> {
        let kind = p.kind;
        Ok(match kind {
            SpeakerKind::Group => {
                let key = name_key(p.name);
                if let Some(&id) = self.by_group.get(&key) {
                    return Ok(Some((id, 0.9)));
                }
                let id = self.new_entity(p);
                self.by_group.insert(key, id);
                Some((id, 1.0))
            }
            SpeakerKind::Anonymous if definite => {
                let hit = self.nearest(sentence, DESCRIPTION_SENTENCE_WINDOW, |e| {
                    e.kind == SpeakerKind::Anonymous
                });
                match hit {
                    Some((id, more)) => Some((id, if more { 0.5 } else { 0.8 })),
                    None => Some((self.new_entity(p), 1.0)),
                }
            }
            SpeakerKind::Unknown if definite && is_agent_noun(p.head.as_deref()) => {
                let head = p.head.clone().unwrap_or_default();
                let hit = self.nearest(sentence, DESCRIPTION_SENTENCE_WINDOW, |e| {
                    !matches!(e.kind, SpeakerKind::Group | SpeakerKind::Anonymous)
                        && e.has_word(&head)
                });
                match hit {
                    Some((id, more)) => Some((id, if more { 0.5 } else { 0.75 })),
                    None if may_miss => return Err(Missed),
                    None => Some((self.new_entity(p), 0.5)),
                }
            }
            SpeakerKind::Person
            | SpeakerKind::Organization
            | SpeakerKind::Media
            | SpeakerKind::Document
                if definite =>
            {
                let head = p.head.clone().unwrap_or_default();
                let media_head = kind == SpeakerKind::Media;
                let hit = self.nearest(sentence, DESCRIPTION_SENTENCE_WINDOW, |e| {
                    if media_head {
                        e.kind == SpeakerKind::Media
                    } else {
                        e.kind == kind && e.has_word(&head)
                    }
                });
                // Names in running text make people, organisations and outlets only.
                if hit.is_none() && may_miss && kind != SpeakerKind::Document {
                    return Err(Missed);
                }
                match hit {
                    Some((id, more)) => Some((id, if more { 0.6 } else { 0.85 })),
                    None => {
                        // "the president" for a person titled so further back.
                        let far = if kind == SpeakerKind::Person {
                            self.sync_roles();
                            self.by_role.get(&*head).map(|&(id, _)| id)
                        } else {
                            None
                        };
                        match far {
                            Some(id) => Some((id, 0.6)),
                            None => Some((self.new_entity(p), 0.5)),
                        }
                    }
                }
            }
            _ => Some((self.new_entity(p), 1.0)),
        })
    }

    fn resolve_pronoun(
        &mut self,
        pronoun: Pronoun,
        sentence: usize,
        may_miss: bool,
    ) -> Result<Linked, Missed> {
        let (wanted, kinds, window): (Gender, &[SpeakerKind], usize) = match pronoun {
            Pronoun::Masculine => (Gender::Male, &[SpeakerKind::Person], SENTENCE_WINDOW),
            Pronoun::Feminine => (Gender::Female, &[SpeakerKind::Person], SENTENCE_WINDOW),
            Pronoun::Plural => (
                Gender::Unknown,
                &[
                    SpeakerKind::Group,
                    SpeakerKind::Anonymous,
                    SpeakerKind::Organization,
                ],
                SENTENCE_WINDOW,
            ),
            Pronoun::Neuter => (
                Gender::Unknown,
                &[
                    SpeakerKind::Organization,
                    SpeakerKind::Media,
                    SpeakerKind::Document,
                ],
                SENTENCE_WINDOW,
            ),
            Pronoun::RelativePerson => (
                Gender::Unknown,
                &[
                    SpeakerKind::Person,
                    SpeakerKind::Group,
                    SpeakerKind::Anonymous,
                ],
                0,
            ),
            Pronoun::RelativeThing => (
                Gender::Unknown,
                &[
                    SpeakerKind::Organization,
                    SpeakerKind::Media,
                    SpeakerKind::Document,
                    SpeakerKind::Group,
                ],
                0,
            ),
            Pronoun::Speech => return Ok(None),
        };
        // The nearest compatible speaker first, as news tends to go on about who spoke;
        // else the nearest compatible entity (one named in running text: worth reading
        // the text for first).
        let fits = |e: &Entity| kinds.contains(&e.kind) && compatible(e.gender, wanted);
        let speaker = self.nearest(sentence, window, |e| fits(e) && e.is_speaker());
        if speaker.is_none() && may_miss {
            return Err(Missed);
        }
        let Some((id, more)) = speaker.or_else(|| self.nearest(sentence, window, fits)) else {
            return Ok(None);
        };
        let known = wanted != Gender::Unknown && self.entities[id].gender == wanted;
        let conf = match (known, more) {
            (true, false) => 0.95,
            (false, false) => 0.8,
            (true, true) => 0.7,
            (false, true) => 0.5,
        };
        let conf = if self.entities[id].is_speaker() {
            conf
        } else {
            conf * 0.9
        };
        if self.entities[id].gender == Gender::Unknown && wanted != Gender::Unknown {
            self.entities[id].gender = wanted; // the article has told us now
        }
        Ok(Some((id, conf)))
    }
}

/// Nouns that look like they name a doer: glassblower, negotiator, columnist, historian.
fn is_agent_noun(head: Option<&str>) -> bool {
    head.is_some_and(|h| {
        h.len() > 4
            && ["er", "or", "ist", "ian", "ant", "ent"]
                .iter()
                .any(|s| h.ends_with(s))
    })
}

fn is_initial_of(a: &str, b: &str) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    let s = short.trim_end_matches('.');
    s.chars().count() == 1 && long.starts_with(s)
}

/// A capitalised run of running text (not inside a source).
struct TextMention {
    span: Span,
    /// One word: it can only name someone already known.
    single: bool,
}

/// A cheap test before classifying a run of several capitalised words: does any word look
/// like a first name, honorific, title, organisation or outlet, or does a role noun come just
/// before it? ("New York" and "Supreme Court" are left alone.)
fn worth_classifying(text: &str, run: Span) -> bool {
    let lex = entities::lexicon();
    let run_text = run.as_str(text);
    // The words between single spaces (a space byte is never inside a longer char).
    let bytes = text.as_bytes();
    let mut ws = run.start;
    loop {
        let we = space_at(bytes, ws, run.end);
        let info = lex.word_info(text[ws..we].trim_end_matches('.'));
        if info.first_name.is_some()
            || info.honorific.is_some()
            || info.person_noun.is_some()
            || info.org_head.is_some()
        {
            return true;
        }
        if we == run.end {
            break;
        }
        ws = we + 1;
    }
    if lex.name_kind(run_text).is_some() {
        return true;
    }
    // A role noun and one space just before the run ("spokesman John Smith").
    let bytes = text.as_bytes();
    let s = run.start;
    if s == 0 || bytes[s - 1] != b' ' || s >= 2 && bytes[s - 2] == b' ' {
        return false;
    }
    lex.person_noun(entities::last_word(&text[..s - 1]))
        .is_some()
}

/// The exact mask of the bytes of `x` equal to `b`: the high bit of each (no borrow from
/// one byte into the next, so every bit is exact, not only the lowest).
#[inline]
fn byte_eq_mask(x: u64, b: u8) -> u64 {
    let y = x ^ (ONES * u64::from(b));
    !(((y & !HIGH) + !HIGH) | y) & HIGH
}

/// The index of the first space at or after `i` before `end`, else `end`: eight bytes at a
/// time, reading on past `end` within `bytes` (a run's words are mostly shorter than
/// eight bytes: no byte loop, whose exit would be a mispredicted branch).
#[inline]
fn space_at(bytes: &[u8], i: usize, end: usize) -> usize {
    swar::class_end(bytes, i, end, |x| !byte_eq_mask(x, b' '), |b| b != b' ')
}

/// The index of the last space of `bytes[start..end]`, if any: eight bytes at a time from
/// the end, reading back before `start` within `bytes`.
#[inline]
fn last_space(bytes: &[u8], start: usize, mut end: usize) -> Option<usize> {
    while end > start {
        if end < 8 {
            return bytes[start..end]
                .iter()
                .rposition(|&b| b == b' ')
                .map(|k| start + k);
        }
        let spaces = byte_eq_mask(swar::load(&bytes[end - 8..end]), b' ');
        if spaces != 0 {
            let k = end - 1 - (spaces.leading_zeros() / 8) as usize;
            return (k >= start).then_some(k);
        }
        end -= 8;
    }
    None
}

/// [`entities::word_runs_each`] in one copy for the scan ([`Scan::read`]) and the surname
/// searches ([`run_ending_in`]), instead of a copy inlined in each: 3 KB less code on the
/// stage's path, and fewer instructions (the two inlined copies were laid out worse).
#[inline(never)]
fn runs_each(text: &str, span: Span, f: &mut dyn FnMut(Span, bool)) {
    entities::word_runs_each(text, span, f);
}

/// The capitalised runs of running text read so far (each byte read once), and which of
/// them were taken: each is taken at most once.
#[derive(Default)]
struct Scan {
    /// Where reading stopped.
    read_to: usize,
    /// The runs read outside the sources, left to right.
    pending: Vec<TextMention>,
    /// Every run before this one is taken.
    taken_to: usize,
    /// The runs taken last ([`Scan::take`]).
    taken: Vec<usize>,
}

impl Scan {
    /// Read the capitalised runs of `region` not read yet, outside `sources` (sorted,
    /// disjoint).
    fn read(&mut self, text: &str, region: Span, sources: &[Span]) {
        let region = Span::new(region.start.max(self.read_to), region.end);
        if region.start >= region.end {
            return;
        }
        self.read_to = region.end;
        let mut src = sources.partition_point(|s| s.end <= region.start);
        let pending = &mut self.pending;
        runs_each(text, region, &mut |run, single| {
            while src < sources.len() && sources[src].end <= run.start {
                src += 1;
            }
            if !sources.get(src).is_some_and(|x| x.overlaps(&run)) {
                pending.push(TextMention { span: run, single });
            }
        });
    }

    /// The runs not taken yet that start at or after `from`, in order, now taken, into `out`
    /// (cleared first).
    fn take(&mut self, from: usize, out: &mut Vec<usize>) {
        out.clear();
        let n = self.pending.len();
        out.extend((self.taken_to..n).filter(|&k| self.pending[k].span.start >= from));
        self.taken_to = n;
    }
}

/// How many bytes before a bare surname are searched for a full name ending in it, when
/// the sentences just before hold none ("Donald Trump" in the first paragraph, "Trump
/// said" ten paragraphs on).
const SURNAME_REACH: usize = 8192;
/// How many unknown single capitalised words before a `he` or `she` that found no one are
/// looked up as surnames whose full name stood further back.
const SINGLE_TRIES: usize = 3;
/// How many bytes that search reads at a time, going back.
const SURNAME_PIECE: usize = 1024;
/// How many earlier occurrences of the surname that search looks at, nearest first.
const SURNAME_TRIES: usize = 16;

/// Look back over at most [`SURNAME_REACH`] bytes before `before` for a name of several
/// capitalised words ending in the surname `last`, nearest first, and take the first that
/// names a person `r` then knows by that surname. Constant work per call.
fn far_full_name<'a>(
    r: &mut Resolver<'a>,
    runs: &mut Memo<'a>,
    toks: &mut Vec<entities::Tok>,
    text: &'a str,
    last: &str,
    before: usize,
    sentences: &[Sentence],
) {
    if last.is_empty() || last.len() > 64 {
        return;
    }
    let mut lo = before.saturating_sub(SURNAME_REACH);
    while !text.is_char_boundary(lo) {
        lo += 1;
    }
    // The nearest SURNAME_TRIES occurrences, nearest first.
    let mut found = std::mem::take(&mut runs.found);
    let mut hits = std::mem::take(&mut runs.hits);
    let mut tried = 0;
    nearest_occurrences(
        text.as_bytes(),
        Span::new(lo, before),
        last.as_bytes(),
        &mut hits,
        |at| {
            if tried == SURNAME_TRIES {
                return false;
            }
            tried += 1;
            !take_full_name(r, runs, toks, text, last, at, sentences, &mut found)
        },
    );
    (runs.found, runs.hits) = (found, hits);
}

/// Give `f` the leftmost non-overlapping occurrences of `needle` (not empty) in
/// `hay[within]`, nearest the end first, while it returns true (`hits` is scratch space).
/// When the needle's first byte is not in the rest of it, no two occurrences overlap, so
/// every match is one: they are found going back with `memrchr` from the end, a search
/// stopping at the first occurrence `f` takes. Otherwise, a forward search ([`occurrences`])
/// over pieces of [`SURNAME_PIECE`] bytes going back from the end.
fn nearest_occurrences(
    hay: &[u8],
    within: Span,
    needle: &[u8],
    hits: &mut Vec<usize>,
    mut f: impl FnMut(usize) -> bool,
) {
    let Some((&first, rest)) = needle.split_first() else {
        return;
    };
    let (lo, before) = (within.start, within.end);
    if !rest.contains(&first) {
        // Candidates start in lo..hi and end by `before`.
        let mut hi = (before + 1).saturating_sub(needle.len());
        while hi > lo {
            let Some(k) = memchr::memrchr(first, &hay[lo..hi]) else {
                return;
            };
            let s = lo + k;
            if hay[s + 1..s + needle.len()] == *rest && !f(s) {
                return;
            }
            hi = s;
        }
        return;
    }
    let mut hi = before;
    while hi > lo {
        let piece_lo = hi.saturating_sub(SURNAME_PIECE).max(lo);
        // Occurrences that start in piece_lo..hi and end by `before`.
        let piece_hi = (hi + needle.len() - 1).min(before);
        hits.clear();
        hits.extend(occurrences(&hay[piece_lo..piece_hi], needle));
        hi = piece_lo;
        for &hit in hits.iter().rev() {
            if !f(piece_lo + hit) {
                return;
            }
        }
    }
}

/// The leftmost non-overlapping occurrences of `needle` in `hay`, in order (none for an
/// empty needle), as `memchr::memmem::find_iter` gives them but with no searcher built per
/// call: a `memchr` for the needle's first byte (a capital, for a name: rare in running
/// text) and a comparison of the rest.
fn occurrences<'h>(hay: &'h [u8], needle: &'h [u8]) -> impl Iterator<Item = usize> + 'h {
    // One iterator over the first byte's places (its searcher set up once, not per place),
    // the places inside an occurrence taken passed over.
    let (first, rest) = needle.split_first().map_or((0, &[][..]), |(&f, r)| (f, r));
    let starts = if needle.is_empty() || needle.len() > hay.len() {
        &hay[..0]
    } else {
        &hay[..hay.len() - rest.len()]
    };
    let mut at = 0;
    memchr::memchr_iter(first, starts).filter(move |&s| {
        let hit = s >= at && hay[s + 1..s + needle.len()] == *rest;
        if hit {
            at = s + needle.len();
        }
        hit
    })
}

/// The surname `last` at `at` for [`far_full_name`]: take the run of several capitalised
/// words ending in it, if any, and say whether `r` now knows a person by that surname with a
/// first name.
#[allow(clippy::too_many_arguments)]
fn take_full_name<'a>(
    r: &mut Resolver<'a>,
    runs: &mut Memo<'a>,
    toks: &mut Vec<entities::Tok>,
    text: &'a str,
    last: &str,
    at: usize,
    sentences: &[Sentence],
    found: &mut Vec<Span>,
) -> bool {
    let Some(run) = run_ending_in(text, at, last.len(), 0, found) else {
        return false;
    };
    let sentence = sentences
        .partition_point(|x| x.span.end <= run.start)
        .min(sentences.len().saturating_sub(1));
    let m = TextMention {
        span: run,
        single: false,
    };
    take_name(r, runs, toks, text, &m, sentence);
    // Known by a full name: an honorific or a title alone (`Mr. Singer`) goes on looking.
    r.names
        .key(last)
        .and_then(|k| r.by_last.get(&k))
        .is_some_and(|v| v.iter().any(|&i| r.entities[i].first.is_some()))
}

/// The run of several capitalised words (read from at most 64 bytes before, not before
/// `floor`) whose last word is the `len` bytes at `s`: a space before them, no letter after.
/// `found` is scratch space.
fn run_ending_in(
    text: &str,
    s: usize,
    len: usize,
    floor: usize,
    found: &mut Vec<Span>,
) -> Option<Span> {
    let bytes = text.as_bytes();
    let e = s + len;
    if s == 0 || bytes[s - 1] != b' ' || bytes.get(e).is_some_and(u8::is_ascii_alphanumeric) {
        return None;
    }
    // A quick no: a run goes on over the space before `s` only from a word ending just
    // before it, in a letter, a digit, a final `.` or a char beyond ASCII; after any other
    // byte (`, Smith`, `(Smith`) no run of several words ends at the surname.
    if s < 2 || bytes[s - 2] < 0x80 && !bytes[s - 2].is_ascii_alphanumeric() && bytes[s - 2] != b'.'
    {
        return None;
    }
    // Another, with no reading of runs: the word before is ASCII letters after a space,
    // the text's start or a line break, lowercase and neither `of` nor a particle (`said
    // Smith`, `that Smith`): no run starts at it or goes on over it to `s`.
    let mut ws = s - 1;
    while ws > 0 && s - 1 - ws < 64 && bytes[ws - 1].is_ascii_alphabetic() {
        ws -= 1;
    }
    if ws < s - 1
        && (ws == 0 || bytes[ws - 1].is_ascii_whitespace())
        && bytes[ws].is_ascii_lowercase()
    {
        let before = &text[ws..s - 1];
        if before != "of" && !entities::is_particle(before) {
            return None;
        }
    }
    let mut from = s.saturating_sub(64).max(floor);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    found.clear();
    runs_each(text, Span::new(from, e), &mut |run, _| found.push(run));
    found.last().copied().filter(|x| x.end == e && x.start < s)
}

/// The full name of person `id`, known by the surname `last` only: the first name of
/// several capitalised words ending in `last` among the [`SURNAME_TRIES`] occurrences in the
/// [`SURNAME_REACH`] bytes after `after`, if it names a person with a first name. Constant
/// work per call.
fn later_full_name<'a>(
    r: &mut Resolver<'a>,
    runs: &mut Memo<'a>,
    toks: &mut Vec<entities::Tok>,
    text: &'a str,
    id: usize,
    last: &str,
    after: usize,
) {
    if last.is_empty() || last.len() > 64 || after >= text.len() {
        return;
    }
    let mut hi = after.saturating_add(SURNAME_REACH).min(text.len());
    while !text.is_char_boundary(hi) {
        hi -= 1;
    }
    let hay = &text.as_bytes()[after..hi];
    let mut found = std::mem::take(&mut runs.found);
    for hit in occurrences(hay, last.as_bytes()).take(SURNAME_TRIES) {
        let Some(run) = run_ending_in(text, after + hit, last.len(), after, &mut found) else {
            continue;
        };
        let lex = entities::lexicon();
        if let Some((p, _)) = name_run(runs, toks, text, run) {
            let full = p.kind == SpeakerKind::Person
                && p.last.is_some_and(|l| l.eq_ignore_ascii_case(last))
                && p.first.is_some_and(|f| {
                    p.honorific || p.title.is_some() || lex.first_name(f).is_some()
                });
            if full {
                let e = &mut r.entities[id];
                e.first = p.first;
                e.name = p.name;
                break;
            }
        }
    }
    runs.found = found;
}

/// Take the capitalised run `m` (in sentence `sentence`) of running text: a person, an
/// organisation or an outlet it names becomes an entity, or is touched when known.
fn take_name<'a>(
    r: &mut Resolver<'a>,
    runs: &mut Memo<'a>,
    toks: &mut Vec<entities::Tok>,
    text: &'a str,
    m: &TextMention,
    sentence: usize,
) {
    let lex = entities::lexicon();
    if m.single {
        // A single capitalised word: a known surname or first name, if unambiguous.
        let word = m.span.as_str(text);
        let word = word.strip_suffix('.').unwrap_or(word);
        if !r.by_last.is_empty() || !r.by_first.is_empty() {
            if let Some((id, false)) = r.by_single_name(word, Gender::Unknown) {
                r.touch(id, m.span, sentence);
            }
        }
        return;
    }
    // Whether the run's last word is a known surname (`name_run` below changes nothing `r`
    // holds, so it is asked once).
    let known_last = {
        let last = match last_space(text.as_bytes(), m.span.start, m.span.end) {
            Some(k) => &text[k + 1..m.span.end],
            None => m.span.as_str(text),
        };
        r.names
            .key(last)
            .is_some_and(|k| r.by_last.contains_key(&k))
    };
    if !known_last && !worth_classifying(text, m.span) {
        return;
    }
    let phrase = name_run(runs, toks, text, m.span);
    match phrase.as_ref().map(|(p, mention)| (&**p, *mention)) {
        Some((p, mention))
            if p.kind == SpeakerKind::Person
                && p.first.is_some()
                && (p.honorific
                    || p.title.is_some()
                    || p.first.is_some_and(|f| lex.first_name(f).is_some())
                    || known_last) =>
        {
            let id = match r.find_person(p) {
                Some((id, _)) => {
                    r.enrich(id, p);
                    id
                }
                None => r.new_entity(p),
            };
            r.touch(id, mention, sentence);
        }
        Some((p, mention)) if p.kind == SpeakerKind::Person => {
            // A bare surname or a titled one: only known people.
            if let Some((id, false)) = p.last.and_then(|l| r.by_single_name(l, p.gender)) {
                r.enrich(id, p);
                r.touch(id, mention, sentence);
            } else if p.title.is_some() || p.honorific {
                let id = r.new_entity(p);
                r.touch(id, mention, sentence);
            }
        }
        Some((p, mention)) if matches!(p.kind, SpeakerKind::Organization | SpeakerKind::Media) => {
            let id = match r.by_name.get(&name_key(p.name)) {
                Some(&id) => id,
                None => r.new_entity(p),
            };
            r.touch(id, mention, sentence);
        }
        _ => {}
    }
}

/// [`entities::classify`] once per distinct source text in a document ("he", "Trump" and
/// "officials" come back again and again): what it returns depends on the text it reads
/// alone, its mention shifted with it.
/// The same for the heads of capitalised runs ([`entities::classify_name_run`]).
#[derive(Default)]
struct ClassifyMemo<'a> {
    seen: Memo<'a>,
    runs: Memo<'a>,
    /// The token buffer every reading reuses.
    toks: Vec<entities::Tok>,
}

/// Phrases read once per distinct text: each is kept once, and a reading is its index in
/// `store` with its mention in the text at hand.
#[derive(Default)]
struct Memo<'a> {
    /// The texts read, by their indices in `store` (its memory kept from one call to the
    /// next, as it borrows no text).
    index: HashTable<usize>,
    hasher: Hasher,
    /// Each phrase with the text it was read from.
    store: Vec<(Span, SourcePhrase<'a>)>,
    /// Scratch space of the surname searches ([`far_full_name`], [`later_full_name`]),
    /// reused from one search to the next: runs read, and occurrences found.
    found: Vec<Span>,
    hits: Vec<usize>,
}

/// The memory of a [`Memo`], kept from one call to the next (empty: its phrases borrow the
/// text of a call).
#[derive(Default)]
struct KeptMemo {
    index: HashTable<usize>,
    store: Vec<(Span, SourcePhrase<'static>)>,
    found: Vec<Span>,
    hits: Vec<usize>,
}

impl<'a> Memo<'a> {
    /// A memo in the memory kept in `kept` (empty), hashing with `hasher`.
    fn kept(kept: &mut KeptMemo, hasher: &Hasher) -> Self {
        Memo {
            index: std::mem::take(&mut kept.index),
            hasher: hasher.clone(),
            store: recycle(std::mem::take(&mut kept.store)),
            found: std::mem::take(&mut kept.found),
            hits: std::mem::take(&mut kept.hits),
        }
    }

    /// Keep this memo's memory in `kept`, emptied.
    fn keep(self, kept: &mut KeptMemo) {
        kept.index = self.index;
        clear_table(&mut kept.index);
        kept.store = recycle(self.store);
        reset(&mut kept.store);
        (kept.found, kept.hits) = (self.found, self.hits);
        reset(&mut kept.found);
        reset(&mut kept.hits);
    }

    /// Room for `n` phrases, `text` the text they are read from.
    fn reserve(&mut self, text: &str, n: usize) {
        let (store, hasher) = (&self.store, &self.hasher);
        self.index
            .reserve(n, |&i| hasher.hash_one(store[i].0.as_str(text)));
        self.store.reserve(n);
    }

    /// `read()` for `text[at]`, through the memo: (index in `store`, mention).
    fn read(
        &mut self,
        text: &'a str,
        at: Span,
        read: impl FnOnce() -> SourcePhrase<'a>,
    ) -> (usize, Span) {
        // One hash for a look-up and the insertion after it.
        let key = at.as_str(text);
        let hash = self.hasher.hash_one(key);
        let Memo {
            index,
            hasher,
            store,
            ..
        } = self;
        match index.entry(
            hash,
            |&i| store[i].0.as_str(text) == key,
            |&i| hasher.hash_one(store[i].0.as_str(text)),
        ) {
            hash_table::Entry::Occupied(o) => {
                let i = *o.get();
                let (from, p) = &store[i];
                let m = Span::new(
                    p.mention.start - from.start + at.start,
                    p.mention.end - from.start + at.start,
                );
                (i, m)
            }
            hash_table::Entry::Vacant(v) => {
                let p = read();
                let i = store.len();
                let m = p.mention;
                // An empty mention is no position in the text: such a phrase is not shared.
                if !p.mention.is_empty() && p.mention.start >= at.start {
                    v.insert(i);
                }
                store.push((at, p));
                (i, m)
            }
        }
    }

    fn get(&self, i: usize) -> &SourcePhrase<'a> {
        &self.store[i].1
    }
}

impl<'a> ClassifyMemo<'a> {
    /// A memo of `text` with room for `sources` sources, in the memos `seen` and `runs`
    /// (empty).
    fn with_capacity(text: &str, sources: usize, seen: Memo<'a>, runs: Memo<'a>) -> Self {
        let mut m = ClassifyMemo {
            seen,
            runs,
            toks: Vec::new(),
        };
        m.seen.reserve(text, sources);
        let (store, hasher) = (&m.runs.store, &m.runs.hasher);
        m.runs
            .index
            .reserve(sources, |&i| hasher.hash_one(store[i].0.as_str(text)));
        m
    }

    fn classify(&mut self, text: &'a str, span: Span) -> (usize, Span) {
        let at = entities::read_span(text, span);
        if let Some(p) = entities::lone_pronoun(text, at) {
            // A pronoun alone: read at once, no need to share it.
            let m = p.mention;
            self.seen.store.push((at, p));
            return (self.seen.store.len() - 1, m);
        }
        let toks = &mut self.toks;
        self.seen.read(text, at, || {
            // A plain name (`Trump`, `Donald Trump`) with no tokenizing, nor any phrase of
            // words of ASCII letters (`the minister`, `Mr. Trump`), else the whole reading.
            entities::plain_name(text, at)
                .or_else(|| entities::short_phrase(text, at, toks))
                .unwrap_or_else(|| entities::classify_with(text, span, toks))
        })
    }
}

/// [`entities::classify_name_run`] through the memo `runs` (`toks` the token buffer): the
/// phrase (owned only when a title before the run was added to it) and its mention.
fn name_run<'m, 'a>(
    runs: &'m mut Memo<'a>,
    toks: &mut Vec<entities::Tok>,
    text: &'a str,
    run: Span,
) -> Option<(std::borrow::Cow<'m, SourcePhrase<'a>>, Span)> {
    let at = entities::name_run_read(text, run)?;
    let (i, mention) = runs.read(text, at, || entities::name_run_head_with(text, at, toks));
    let head = runs.get(i);
    if !entities::name_run_keep(head) {
        return None;
    }
    Some(match entities::name_run_title(text, run, head) {
        Some(title) => {
            let mut p = head.clone();
            p.title = Some(title);
            (std::borrow::Cow::Owned(p), mention)
        }
        None => (std::borrow::Cow::Borrowed(head), mention),
    })
}

/// Group the sources of `attributions` into speakers and link each attribution to its
/// speaker, setting `speaker` and `speaker_confidence`.
pub fn resolve(
    text: &str,
    sentences: &[Sentence],
    attributions: &mut [Attribution],
) -> Vec<Speaker> {
    let mut table = SpeakerTable::default();
    resolve_into(text, sentences, attributions, &mut table);
    table.to_speakers()
}

/// [`resolve`] into `table` (emptied first), with no allocation per speaker: what the
/// Python binding packs into a `Document` as it is.
pub(crate) fn resolve_into(
    text: &str,
    sentences: &[Sentence],
    attributions: &mut [Attribution],
    table: &mut SpeakerTable,
) {
    // The thread's buffers, taken out while in use (a call that panics leaves fresh ones),
    // boxed so that taking and putting back moves a pointer, not the whole struct.
    let mut buffers = BUFFERS.with(|b| b.take()).unwrap_or_default();
    table.clear();
    resolve_with(text, sentences, attributions, &mut buffers, table);
    buffers.clear();
    BUFFERS.with(|b| b.set(Some(buffers)));
}

/// One speaker of a [`SpeakerTable`]: its strings are ranges of the table's `strings`, its
/// mentions and attributions ranges of its lists.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct SpeakerRow {
    pub(crate) name: Range<usize>,
    pub(crate) kind: SpeakerKind,
    pub(crate) title: Option<Range<usize>>,
    pub(crate) description: Option<Range<usize>>,
    pub(crate) mentions: Range<usize>,
    pub(crate) attributions: Range<usize>,
    pub(crate) cue_classes: CueClassCounts,
}

/// The speakers of one text in four buffers, the same values as a list of [`Speaker`]s
/// (which holds two strings and two lists each: about thirty allocations for a news
/// article, each made, copied and freed again on its way to Python).
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct SpeakerTable {
    /// In order of first mention.
    pub(crate) rows: Vec<SpeakerRow>,
    /// The names, titles and descriptions, one after another.
    pub(crate) strings: String,
    /// Each speaker's mentions in order, one list after another.
    pub(crate) mentions: Vec<Span>,
    /// Each speaker's attribution indices in order, one list after another.
    pub(crate) attributions: Vec<usize>,
}

impl SpeakerTable {
    fn clear(&mut self) {
        self.rows.clear();
        self.strings.clear();
        self.mentions.clear();
        self.attributions.clear();
    }

    fn push_str(&mut self, s: &str) -> Range<usize> {
        let start = self.strings.len();
        self.strings.push_str(s);
        start..self.strings.len()
    }

    /// The speakers as `Speaker`s.
    pub(crate) fn to_speakers(&self) -> Vec<Speaker> {
        let string = |r: &Range<usize>| self.strings[r.clone()].to_owned();
        self.rows
            .iter()
            .map(|row| Speaker {
                name: string(&row.name),
                kind: row.kind,
                title: row.title.as_ref().map(string),
                description: row.description.as_ref().map(string),
                mentions: self.mentions[row.mentions.clone()].to_vec(),
                attributions: self.attributions[row.attributions.clone()].to_vec(),
                cue_classes: row.cue_classes,
            })
            .collect()
    }

    /// `speakers` as a table (for the binding's tests).
    #[cfg(all(test, feature = "python"))]
    pub(crate) fn from_speakers(speakers: &[Speaker]) -> SpeakerTable {
        let mut table = SpeakerTable::default();
        for s in speakers {
            let name = table.push_str(&s.name);
            let title = s.title.as_deref().map(|t| table.push_str(t));
            let description = s.description.as_deref().map(|t| table.push_str(t));
            let m = table.mentions.len();
            table.mentions.extend_from_slice(&s.mentions);
            let a = table.attributions.len();
            table.attributions.extend_from_slice(&s.attributions);
            table.rows.push(SpeakerRow {
                name,
                kind: s.kind,
                title,
                description,
                mentions: m..table.mentions.len(),
                attributions: a..table.attributions.len(),
                cue_classes: s.cue_classes,
            });
        }
        table
    }
}

/// Sort each row's segment of `items` (`range_of` a row's range in it), drop repeats, and
/// close the gaps: the rows' segments are in order, so each moves down only.
fn sort_segments<T: Ord + Copy>(
    rows: &mut [SpeakerRow],
    items: &mut Vec<T>,
    range_of: impl Fn(&mut SpeakerRow) -> &mut Range<usize>,
) {
    let mut at = 0;
    for row in rows {
        let range = range_of(row);
        let segment = &mut items[range.clone()];
        segment.sort_unstable();
        let mut n = 0;
        for i in 0..segment.len() {
            if n == 0 || segment[i] != segment[n - 1] {
                segment[n] = segment[i];
                n += 1;
            }
        }
        items.copy_within(range.start..range.start + n, at);
        *range = at..at + n;
        at += n;
    }
    items.truncate(at);
}

/// Buffers [`resolve`] keeps from one call to the next on a thread, empty between calls
/// (with their capacity, unless it grew past [`KEEP`] items), so that an article
/// allocates few.
#[derive(Default)]
struct Buffers {
    /// (source, attribution) of the attributions with a source, by source.
    order: Vec<(Span, usize)>,
    /// Each distinct source with the range of `order` of its attributions.
    sources: Vec<(Span, std::ops::Range<usize>)>,
    /// The sources merged where they overlap.
    source_spans: Vec<Span>,
    /// Each source's phrase (index in the memo) and mention.
    phrases: Vec<(usize, Span)>,
    /// Each attribution's entity and confidence.
    links: Vec<Option<(usize, f32)>>,
    toks: Vec<entities::Tok>,
    scan: Scan,
    recent: Vec<Recent>,
    mentions: Vec<(usize, Span)>,
    said: Vec<(usize, usize)>,
    role_touches: Vec<RoleTouch>,
    /// Where each entity's first mention ends.
    first_at: Vec<usize>,
    /// Each entity's place among the speakers (`usize::MAX` for none).
    slot: Vec<usize>,
    /// The speakers' entities, and their order of first mention.
    ids: Vec<usize>,
    speaker_order: Vec<usize>,
    /// Each speaker's mentions, attributions, and where its first mention starts.
    counts: Vec<(usize, usize, usize)>,
    /// The memory of the entity list and the memos' phrases, kept from one call to the next
    /// (empty: their items borrow the text of a call; see [`recycle`]).
    entities: Vec<Entity<'static>>,
    /// The memory of the memos and of the resolver's maps.
    seen: KeptMemo,
    runs: KeptMemo,
    maps: KeptMaps,
    /// The hasher of every map of a call, with the thread's random seed.
    hasher: Hasher,
}

/// The most items a buffer of [`Buffers`] keeps room for between calls: one article that
/// needed more does not hold on to its memory.
const KEEP: usize = 1 << 12;

thread_local! {
    static BUFFERS: std::cell::Cell<Option<Box<Buffers>>> = const { std::cell::Cell::new(None) };
}

/// Empty `v`, and drop its memory when it holds room for more than [`KEEP`] items.
fn reset<T>(v: &mut Vec<T>) {
    if v.capacity() > KEEP {
        *v = Vec::new();
    } else {
        v.clear();
    }
}

impl Buffers {
    fn clear(&mut self) {
        reset(&mut self.order);
        reset(&mut self.sources);
        reset(&mut self.source_spans);
        reset(&mut self.phrases);
        reset(&mut self.links);
        reset(&mut self.toks);
        let scan = &mut self.scan;
        (scan.read_to, scan.taken_to) = (0, 0);
        reset(&mut scan.pending);
        reset(&mut scan.taken);
        reset(&mut self.recent);
        reset(&mut self.mentions);
        reset(&mut self.said);
        reset(&mut self.role_touches);
        reset(&mut self.first_at);
        reset(&mut self.slot);
        reset(&mut self.ids);
        reset(&mut self.speaker_order);
        reset(&mut self.counts);
        reset(&mut self.entities);
    }
}

/// [`resolve`] with the thread's buffers `b` (empty).
fn resolve_with(
    text: &str,
    sentences: &[Sentence],
    attributions: &mut [Attribution],
    b: &mut Buffers,
    table: &mut SpeakerTable,
) {
    // Sources, one entry per distinct span, in text order, with the range of `order` that
    // holds the indices of their attributions.
    let sources = &mut b.sources;
    let order = &mut b.order;
    order.extend(
        attributions
            .iter()
            .enumerate()
            .filter_map(|(i, a)| a.source.map(|s| (s, i)))
            .filter(|(s, _)| {
                s.start < s.end
                    && s.end <= text.len()
                    && text.is_char_boundary(s.start)
                    && text.is_char_boundary(s.end)
            }),
    );
    order.sort_by_key(|&(s, i)| (s.start, s.end, i));
    for (k, &(s, _)) in order.iter().enumerate() {
        match sources.last_mut() {
            Some((last, ids)) if *last == s => ids.end = k + 1,
            _ => sources.push((s, k..k + 1)),
        }
    }
    let (sources, order) = (&b.sources, &b.order);
    for a in attributions.iter_mut() {
        a.speaker = None;
        a.speaker_confidence = 0.0;
    }
    if sources.is_empty() {
        return;
    }
    let source_spans = &mut b.source_spans;
    // Merge overlapping source spans for the scan's skip test.
    for (s, _) in sources {
        match source_spans.last_mut() {
            Some(l) if l.end > s.start => l.end = l.end.max(s.end),
            _ => source_spans.push(*s),
        }
    }
    // Whether the sentences' ends never go back: one pass with no early exit (a branch
    // per sentence less; they nearly always are).
    let sorted = sentences
        .iter()
        .fold((true, 0), |(sorted, prev), s| {
            (sorted & (prev <= s.span.end), s.span.end)
        })
        .0;
    let mut sentence_of = SentenceOf::new(sentences, sorted);
    let mut name_sentence_of = SentenceOf::new(sentences, sorted);
    let hasher = &b.hasher;
    let mut classify_memo = ClassifyMemo::with_capacity(
        text,
        sources.len(),
        Memo::kept(&mut b.seen, hasher),
        Memo::kept(&mut b.runs, hasher),
    );
    classify_memo.toks = std::mem::take(&mut b.toks);
    // Classify every source once.
    let phrases = &mut b.phrases;
    phrases.extend(
        sources
            .iter()
            .map(|(span, _)| classify_memo.classify(text, *span)),
    );
    let ClassifyMemo {
        seen,
        runs: run_memo,
        toks,
    } = &mut classify_memo;

    let lists = (
        std::mem::take(&mut b.recent),
        std::mem::take(&mut b.said),
        std::mem::take(&mut b.mentions),
        std::mem::take(&mut b.role_touches),
    );
    let mut r = Resolver::with_capacity(
        sources.len(),
        2 * sources.len(),
        lists,
        recycle(std::mem::take(&mut b.entities)),
        &mut b.maps,
        &b.hasher,
    );
    let links = &mut b.links;
    links.resize(attributions.len(), None);
    // Names in running text are read only before a source that needs an antecedent (a
    // pronoun, a definite description, a bare surname) and finds none among the entities
    // known, in the SCAN_SENTENCES sentences before it (fewer before a description, a `they`
    // or an `it`); never twice.
    let scan = &mut b.scan;
    for (si, (span, ids)) in sources.iter().enumerate() {
        let sentence = sentence_of.get(span.start);
        let (pi, mention) = phrases[si];
        let p = seen.get(pi);
        let linked = match r.resolve(p, sentence, !sentences.is_empty()) {
            Ok(linked) => linked,
            Err(Missed) => {
                let back = match p.reference {
                    Reference::Description { .. } => DESCRIPTION_SCAN_SENTENCES,
                    // A `they` or `it` finds its antecedent within SENTENCE_WINDOW sentences,
                    // and the names further back (mostly organisations) seldom serve a
                    // later source, unlike the full names a `he` or `she` reads there.
                    Reference::Pronoun(Pronoun::Plural | Pronoun::Neuter) => SENTENCE_WINDOW,
                    _ => SCAN_SENTENCES,
                };
                let from = sentences[sentence.saturating_sub(back)]
                    .span
                    .start
                    .min(span.start);
                // A bare surname wants only the names that end in it: `far_full_name`
                // finds them, nearest first, with no reading of the region; anything else
                // takes every name of the region.
                let surname = (p.reference == Reference::Name).then_some(p.last).flatten();
                let mark = r.recent.len();
                let mut taken = std::mem::take(&mut scan.taken);
                taken.clear();
                if surname.is_none() {
                    scan.read(text, Span::new(from, span.start), source_spans);
                    scan.take(from, &mut taken);
                }
                for &k in &taken {
                    let m = &scan.pending[k];
                    let sentence = name_sentence_of.get(m.span.start);
                    take_name(&mut r, run_memo, toks, text, m, sentence);
                }
                if let Some(last) = surname.filter(|_| r.find_person(p).is_none()) {
                    far_full_name(&mut r, run_memo, toks, text, last, span.start, sentences);
                }
                // Back into text order: the last WINDOW mentions known before, then the
                // names read now (sorted runs, merged).
                let lo = mark.saturating_sub(WINDOW);
                r.recent[lo..].sort_by_key(|m| m.pos);
                let linked = r.resolve(p, sentence, false).unwrap_or(None);
                let person = matches!(
                    p.reference,
                    Reference::Pronoun(Pronoun::Masculine | Pronoun::Feminine)
                );
                let linked = if linked.is_none() && person {
                    // `he` after a surname alone whose full name stood further back.
                    let mark = r.recent.len();
                    let mut tried = 0;
                    for &k in taken.iter().rev() {
                        let m = &scan.pending[k];
                        let word = m.span.as_str(text);
                        let word = word.strip_suffix('.').unwrap_or(word);
                        if !m.single || r.by_single_name(word, Gender::Unknown).is_some() {
                            continue;
                        }
                        if tried == SINGLE_TRIES {
                            break;
                        }
                        tried += 1;
                        far_full_name(&mut r, run_memo, toks, text, word, m.span.start, sentences);
                        let sentence = name_sentence_of.get(m.span.start);
                        take_name(&mut r, run_memo, toks, text, m, sentence);
                    }
                    let lo = mark.saturating_sub(WINDOW);
                    r.recent[lo..].sort_by_key(|m| m.pos);
                    r.resolve(p, sentence, false).unwrap_or(None)
                } else {
                    linked
                };
                scan.taken = taken; // its buffer, for the next source
                linked
            }
        };
        if let Some((id, conf)) = linked {
            let mention = if mention.is_empty() { *span } else { mention };
            r.touch(id, mention, sentence);
            for &(_, i) in &order[ids.clone()] {
                r.entities[id].said += 1;
                r.said.push((id, i));
                links[i] = Some((id, conf));
            }
        }
    }

    // A person known only by surname takes the full name the text gives after it (the
    // names there were not read when nothing asked for them).
    let n = r.entities.len();
    let first_at = &mut b.first_at;
    first_at.resize(n, usize::MAX);
    for &(id, m) in &r.mentions {
        first_at[id] = first_at[id].min(m.end);
    }
    for (id, &at) in first_at.iter().enumerate() {
        let e = &r.entities[id];
        if e.is_speaker() && e.kind == SpeakerKind::Person && e.first.is_none() {
            if let Some(last) = e.last {
                later_full_name(&mut r, run_memo, toks, text, id, last, at);
            }
        }
    }

    // Speakers: entities with attributions, in order of first mention, each with its
    // mentions and attributions in order, without repeats: bucketed by speaker in one pass
    // over each list (other entities get no list), into lists of their exact sizes.
    let (slot, ids, counts) = (&mut b.slot, &mut b.ids, &mut b.counts);
    slot.resize(n, usize::MAX);
    for (i, e) in r.entities.iter().enumerate() {
        if e.is_speaker() {
            slot[i] = ids.len();
            ids.push(i);
        }
    }
    // Each speaker's mentions, attributions, and where its first mention starts.
    counts.resize(ids.len(), (0, 0, usize::MAX));
    for &(e, m) in &r.mentions {
        if let Some(c) = counts.get_mut(slot[e]) {
            c.0 += 1;
            c.2 = c.2.min(m.start);
        }
    }
    for &(e, _) in &r.said {
        if let Some(c) = counts.get_mut(slot[e]) {
            c.1 += 1;
        }
    }
    // In order of first mention, ties in the entities' order.
    let order = &mut b.speaker_order;
    order.extend(0..ids.len());
    order.sort_by_key(|&k| counts[k].2);
    // Each speaker's lists laid out in its order, filled, then sorted without repeats.
    table.rows.reserve(ids.len());
    let (mut n_mentions, mut n_said) = (0, 0);
    for &k in order.iter() {
        let e = &r.entities[ids[k]];
        slot[ids[k]] = table.rows.len();
        let name = table.push_str(e.name);
        let title = e.title.map(|t| table.push_str(t));
        let description = e.description.map(|t| table.push_str(t));
        table.rows.push(SpeakerRow {
            name,
            kind: e.kind,
            title,
            description,
            mentions: n_mentions..n_mentions,
            attributions: n_said..n_said,
            cue_classes: CueClassCounts::default(),
        });
        n_mentions += counts[k].0;
        n_said += counts[k].1;
    }
    table.mentions.resize(n_mentions, Span::default());
    table.attributions.resize(n_said, 0);
    for &(e, m) in &r.mentions {
        if let Some(row) = table.rows.get_mut(slot[e]) {
            table.mentions[row.mentions.end] = m;
            row.mentions.end += 1;
        }
    }
    for &(e, a) in &r.said {
        if let Some(row) = table.rows.get_mut(slot[e]) {
            table.attributions[row.attributions.end] = a;
            row.attributions.end += 1;
        }
    }
    sort_segments(&mut table.rows, &mut table.mentions, |row| {
        &mut row.mentions
    });
    sort_segments(&mut table.rows, &mut table.attributions, |row| {
        &mut row.attributions
    });
    for row in &mut table.rows {
        for &a in &table.attributions[row.attributions.clone()] {
            row.cue_classes.add(attributions[a].cue_class);
        }
    }
    for (a, link) in attributions.iter_mut().zip(links.iter()) {
        if let Some((id, conf)) = *link {
            a.speaker = Some(slot[id]);
            a.speaker_confidence = conf;
        }
    }
    // The buffers back, for the next call.
    b.recent = r.recent;
    b.mentions = r.mentions;
    b.said = r.said;
    b.role_touches = r.role_touches;
    b.entities = recycle(r.entities);
    let ClassifyMemo { seen, runs, toks } = classify_memo;
    b.toks = toks;
    seen.keep(&mut b.seen);
    runs.keep(&mut b.runs);
    let kept = &mut b.maps;
    r.by_last.keep(&mut kept.last.0, &mut kept.last.1);
    r.by_first.keep(&mut kept.first.0, &mut kept.first.1);
    r.by_name.keep(&mut kept.name.0, &mut kept.name.1);
    r.by_group.keep(&mut kept.group.0, &mut kept.group.1);
    kept.by_role = r.by_role;
    if kept.by_role.capacity() > KEEP {
        kept.by_role = HashMap::default();
    } else {
        kept.by_role.clear();
    }
}

/// `v` emptied, as a vector of `U`: for the buffers whose items borrow one call's text,
/// `T` and `U` being one type but for that lifetime, so that the standard library's
/// in-place collect keeps the memory (no item is left to map).
fn recycle<T, U>(mut v: Vec<T>) -> Vec<U> {
    v.clear();
    v.into_iter().map(|_| unreachable!()).collect()
}

/// The index of the sentence holding a position (the first that ends after it, else the
/// last): a cursor moving forward while positions come in order, a binary search for one
/// that goes back or when the sentences are not in order.
struct SentenceOf<'s> {
    sentences: &'s [Sentence],
    sorted: bool,
    /// How many sentences end at or before `last`.
    at: usize,
    last: usize,
}

impl<'s> SentenceOf<'s> {
    fn new(sentences: &'s [Sentence], sorted: bool) -> Self {
        SentenceOf {
            sentences,
            sorted,
            at: 0,
            last: 0,
        }
    }

    fn get(&mut self, pos: usize) -> usize {
        let n = self.sentences.len();
        if !self.sorted || pos < self.last {
            return self
                .sentences
                .partition_point(|s| s.span.end <= pos)
                .min(n.saturating_sub(1));
        }
        while self.at < n && self.sentences[self.at].span.end <= pos {
            self.at += 1;
        }
        self.last = pos;
        self.at.min(n.saturating_sub(1))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The thread's buffers carry nothing from one call to the next: an article resolves
    /// alike before and after another (with more sources and names read) on the thread.
    #[test]
    fn buffers_carry_nothing_over() {
        let run = |text: &str, sources: &[&str]| {
            let mut a: Vec<Attribution> = sources
                .iter()
                .map(|s| {
                    let i = text.find(s).unwrap();
                    let cue = Span::new(i + s.len(), i + s.len());
                    Attribution::given(Some(Span::new(i, i + s.len())), cue, vec![])
                })
                .collect();
            let speakers = resolve(text, &crate::segment(text), &mut a);
            let links: Vec<_> = a
                .iter()
                .map(|a| (a.speaker, a.speaker_confidence))
                .collect();
            (format!("{speakers:?}"), links)
        };
        let small = ("Mayor Ann Lee spoke at noon. She said no.", vec!["She"]);
        let big_text = "Judge Tom Hale ruled. Ann Smith met Bo Smith. He said yes. Smith \
                        agreed. The judge said more. Officials said it was over. They said so.";
        let big = (
            big_text,
            vec!["He", "Smith", "The judge", "Officials", "They"],
        );
        let first = run(small.0, &small.1);
        let _ = run(big.0, &big.1);
        assert_eq!(run(small.0, &small.1), first);
        let big_first = run(big.0, &big.1);
        let _ = run(small.0, &small.1);
        assert_eq!(run(big.0, &big.1), big_first);
        assert_ne!(first.0, "[]");
    }

    /// Keys equal ignoring case hash alike, whichever way each is hashed (short ASCII, long
    /// ASCII, or lowercased first), so a map finds one by the other.
    #[test]
    fn ci_keys_equal_hash_equal() {
        use std::hash::BuildHasher;
        let state = foldhash::fast::RandomState::default();
        let pairs = [
            ("smith", "SMITH"),
            ("k", "\u{212a}"), // the Kelvin sign lowercases to `k`
            ("abcdefghijklmnop", "ABCDEFGHIJKLMNOP"),
            ("abcdefghijklmnopq", "ABCDEFGHIJKLMNOPQ"),
            ("ünder", "ÜNDER"),
            ("kelvin\u{212a}", "KELVINk"),
        ];
        for (a, b) in pairs {
            assert_eq!(CiKey::new(a), CiKey::new(b), "{a} {b}");
            assert_eq!(
                state.hash_one(CiKey::new(a)),
                state.hash_one(CiKey::new(b)),
                "{a} {b}"
            );
        }
        let mut map: Map<'_, usize> = Map::default();
        map.insert(CiKey::new("Smith"), 1);
        map.insert(CiKey::new("o'Neil-Smith"), 2);
        assert_eq!(map.get(&CiKey::new("SMITH")), Some(&1));
        assert_eq!(map.get(&CiKey::new("O'NEIL-SMITH")), Some(&2));
        assert_eq!(map.get(&CiKey::new("Smit")), None);
        for (a, b) in [
            ("Smith", "Smyth"),
            ("ab", "abc"),
            ("a\0", "a"),
            ("a@", "a`"), // the bytes just below `A` and above `Z`, lowered or not
            ("[", "{"),
            ("abcdefghijklmnop", "abcdefghijklmnopq"),
        ] {
            assert_ne!(CiKey::new(a), CiKey::new(b), "{a} {b}");
        }
    }

    proptest::proptest! {
        /// Keys are equal exactly when their lowercase forms are.
        #[test]
        fn ci_keys_equal_as_lowercase(
            a in "[a-cA-C@\\[`{\0-]{0,18}",
            b in "[a-cA-C@\\[`{\0-]{0,18}",
        ) {
            proptest::prop_assert_eq!(CiKey::new(&a) == CiKey::new(&b), a.to_lowercase() == b.to_lowercase());
            let b2 = a.to_uppercase();
            proptest::prop_assert_eq!(CiKey::new(&a), CiKey::new(&b2));
        }
    }

    /// An entity that is not a person answers `has_word` from its unread phrases as it would
    /// after reading them, also past MAX_WORDS words with repeats among them.
    #[test]
    fn lazy_words_agree_with_reading_them() {
        let phrases = [
            "the ministry of the interior of the republic",
            "a Ministry spokesman, Gov. Ann Lee, for the ministry of the interior",
            "one two three four five six seven eight nine ten eleven twelve thirteen",
            "fourteen fifteen sixteen seventeen eighteen nineteen twenty café Über",
        ];
        for n in 1..=phrases.len() {
            let mut lazy = Entity {
                kind: SpeakerKind::Organization,
                ..Entity::default()
            };
            let mut eager = Entity {
                eager: true,
                ..Entity::default()
            };
            for p in &phrases[..n] {
                lazy.add_words(Cow::Borrowed(p));
                eager.read_words(p);
            }
            for w in [
                "ministry",
                "interior",
                "governor",
                "lee",
                "spokesman",
                "one",
                "ten",
                "twelve",
                "thirteen",
                "fourteen",
                "twenty",
                "café",
                "über",
                "of",
                "",
            ] {
                assert_eq!(lazy.has_word(w), eager.read_has(w), "{w} after {n} phrases");
            }
        }
    }

    /// A person's role nouns read late, phrase by phrase, are those read as the phrases
    /// came: after each phrase, and in order.
    #[test]
    fn late_roles_agree_with_reading_them() {
        let phrases = [
            "Gov. Ann Lee, a former minister",
            "the spokesman and minister of the interior",
            "one two three four five six seven eight nine ten eleven twelve thirteen",
        ];
        let mut lazy = Entity {
            kind: SpeakerKind::Person,
            ..Entity::default()
        };
        let mut eager = Entity {
            kind: SpeakerKind::Person,
            eager: true,
            ..Entity::default()
        };
        let mut counts = Vec::new();
        for p in &phrases {
            lazy.add_words(Cow::Borrowed(p));
            eager.read_words(p);
            counts.push(eager.roles.count());
        }
        assert!(counts[0] >= 2, "{counts:?}");
        for n in (0..=phrases.len()).rev() {
            let k = lazy.roles_after(n);
            assert_eq!(k, if n == 0 { 0 } else { counts[n - 1] });
        }
        let roles = |e: &Entity| e.roles.iter().copied().collect::<Vec<_>>();
        assert_eq!(roles(&lazy), roles(&eager));
        for w in ["governor", "minister", "interior", "thirteen", "lee"] {
            assert_eq!(lazy.has_word(w), eager.read_has(w), "{w}");
        }
    }

    /// `occurrences` finds what `memchr::memmem::find_iter` finds, overlapping needles and
    /// needles at either end included.
    /// `space_at` and `last_space` find what the byte loops find, at every start and end
    /// of a text with spaces at every distance (and bytes beyond ASCII, whose high bit the
    /// masks must not take for a space).
    #[test]
    fn spaces_are_found_as_the_byte_loops_find_them() {
        let text =
            "a bb ccc dddd eeeee ffffff ggggggg hhhhhhhh iiiiiiiii  j          k é’ x".as_bytes();
        for start in 0..=text.len() {
            for end in start..=text.len() {
                let piece = &text[start..end];
                let first = piece.iter().position(|&b| b == b' ');
                assert_eq!(space_at(text, start, end), first.map_or(end, |k| start + k));
                let last = piece.iter().rposition(|&b| b == b' ');
                assert_eq!(last_space(text, start, end), last.map(|k| start + k));
            }
        }
    }

    #[test]
    fn occurrences_agree_with_memmem() {
        let hays: [&[u8]; 5] = [
            b"Smith said Smith; Smith",
            b"AAAAA aAAA AAAA",
            b"ToToTo To ToTo",
            b"",
            "Ünder Über Ü".as_bytes(),
        ];
        let needles: [&[u8]; 8] = [
            b"Smith",
            b"AA",
            b"AAA",
            b"ToTo",
            b"To",
            b"T",
            b"x",
            "Ü".as_bytes(),
        ];
        for hay in hays {
            for needle in needles {
                let want: Vec<usize> = memchr::memmem::find_iter(hay, needle).collect();
                let got: Vec<usize> = occurrences(hay, needle).collect();
                assert_eq!(got, want, "{hay:?} {needle:?}");
            }
        }
        assert_eq!(occurrences(b"abc", b"").count(), 0);
    }

    /// `nearest_occurrences` as the pieces read forward give them, nearest first, whether
    /// the needle's first byte comes again in it or not, stopping where asked.
    fn nearest_by_pieces(hay: &[u8], within: Span, needle: &[u8]) -> Vec<usize> {
        let mut out = Vec::new();
        let mut hi = within.end;
        while hi > within.start {
            let piece_lo = hi.saturating_sub(SURNAME_PIECE).max(within.start);
            let piece_hi = (hi + needle.len() - 1).min(within.end);
            let piece: Vec<usize> = occurrences(&hay[piece_lo..piece_hi], needle).collect();
            out.extend(piece.iter().rev().map(|&h| piece_lo + h));
            hi = piece_lo;
        }
        out
    }

    fn nearest(hay: &[u8], within: Span, needle: &[u8], stop: usize) -> Vec<usize> {
        let mut out = Vec::new();
        nearest_occurrences(hay, within, needle, &mut Vec::new(), |at| {
            out.push(at);
            out.len() < stop
        });
        out
    }

    #[test]
    fn nearest_occurrences_are_those_of_the_pieces() {
        let mut hay = Vec::new();
        for k in 0..700 {
            hay.extend_from_slice(if k % 7 == 0 {
                b"Smith "
            } else {
                b"The Sm xSmith Smit "
            });
        }
        for needle in [&b"Smith"[..], b"Sm", b"S", b"The", b"x", b"SmS"] {
            for (lo, end) in [(0, hay.len()), (3, 5000), (1020, 1030), (0, 0), (10, 12)] {
                let within = Span::new(lo, end);
                let want = nearest_by_pieces(&hay, within, needle);
                assert_eq!(nearest(&hay, within, needle, usize::MAX), want);
                for stop in [1, 2, 16] {
                    let got = nearest(&hay, within, needle, stop);
                    assert_eq!(got[..], want[..stop.min(want.len())], "{needle:?} {stop}");
                }
            }
        }
    }

    proptest::proptest! {
        /// Over random texts of a few letters, where needles overlap often.
        #[test]
        fn nearest_occurrences_agree_with_the_pieces_random(
            hay in proptest::collection::vec(proptest::sample::select(b"aAb ".to_vec()), 0..3000),
            needle in proptest::collection::vec(proptest::sample::select(b"aAb ".to_vec()), 1..5),
            lo in 0usize..3000,
            len in 0usize..3000,
        ) {
            let lo = lo.min(hay.len());
            let within = Span::new(lo, (lo + len).min(hay.len()));
            let want = nearest_by_pieces(&hay, within, &needle);
            proptest::prop_assert_eq!(nearest(&hay, within, &needle, usize::MAX), want);
        }
    }

    proptest::proptest! {
        /// The same over random texts of a few letters, where needles overlap often.
        #[test]
        fn occurrences_agree_with_memmem_random(
            hay in proptest::collection::vec(proptest::sample::select(b"aAb ".to_vec()), 0..64),
            needle in proptest::collection::vec(proptest::sample::select(b"aAb ".to_vec()), 1..5),
        ) {
            let want: Vec<usize> = memchr::memmem::find_iter(&hay, &needle).collect();
            let got: Vec<usize> = occurrences(&hay, &needle).collect();
            proptest::prop_assert_eq!(got, want);
        }
    }

    /// `run_ending_in` with its quick no agrees with reading the runs for every word of
    /// texts whose words come before a surname in every way the quick no looks at.
    #[test]
    fn run_ending_in_quick_no_agrees_with_the_runs() {
        let texts = [
            "said Smith and Ann Smith met Minister of Defense Smith, then de Smith.",
            "that Smith\nof Smith (de Smith foo(Bar Smith x.Y Smith iPhone Smith",
            "smith Smith ab Smith Bill de Blasio and mayor Blasio; the Ministry of Blasio",
            "Ünder Smith ünder Smith Über Smith — von Smith le Smith la Smith",
            "said, Smith; Smith: Smith \" Smith ) Smith Mr. Smith U.S. Smith 3 Smith é Smith",
            "“ Smith ” Smith Q&A Smith x- Smith O’ Smith Jr. Smith ' Smith  Smith",
        ];
        for text in texts {
            for last in ["Smith", "Blasio"] {
                for (s, _) in text.match_indices(last) {
                    let mut found = Vec::new();
                    let got = run_ending_in(text, s, last.len(), 0, &mut found);
                    // The same without the quick no: the last run of the 64 bytes before.
                    let ok = s > 0
                        && text.as_bytes()[s - 1] == b' '
                        && !text
                            .as_bytes()
                            .get(s + last.len())
                            .is_some_and(u8::is_ascii_alphanumeric);
                    let want = ok
                        .then(|| {
                            let mut from = s.saturating_sub(64);
                            while !text.is_char_boundary(from) {
                                from += 1;
                            }
                            let runs = entities::word_runs(text, Span::new(from, s + last.len()));
                            runs.last()
                                .copied()
                                .filter(|x| x.end == s + last.len() && x.start < s)
                        })
                        .flatten();
                    assert_eq!(got, want, "{text:?} at {s}");
                }
            }
        }
    }
}
