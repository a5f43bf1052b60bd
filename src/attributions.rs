//! Attributions: source, cue and content from quotes, cues and mentions.
//!
//! Works one sentence at a time, and only on sentences holding a cue: the sentence is
//! tokenized once, each cue gets a *frame* (its auxiliaries, its source before or after it),
//! then its content: what follows the cue (`that …`, a quotation, a clause) up to the next
//! attribution's frame, or else the quotation or clause before it (`“…,” he said.`). Every
//! look-around is bounded by a constant number of tokens, and quotes are found by binary
//! search, so the stage is linear in the text on any input. The sentences go through in
//! batches, each step over all of a batch's sentences before the next step (tokens, then
//! frames, then attributions): the rules' code is far larger than the instruction cache, and
//! one step's code then stays in it from one sentence to the next.
//!
//! ```
//! let text = "“It is early,” the sculptor said. Lavrov said that it would be built.";
//! let a = sayso::Analyzer::default().analyze(text).attributions;
//! assert_eq!(a[0].source.unwrap().as_str(text), "the sculptor");
//! assert_eq!(a[0].content[0].as_str(text), "“It is early,”");
//! assert_eq!(a[1].content[0].as_str(text), "that it would be built");
//! ```

use crate::cues::{CueEntry, CueMatch, CueType, VerbForm};
use crate::document::{Attribution, AttributionKind, Sentence};
use crate::lex::{Token, TokenKind, Tokens};
use crate::mentions::{self, Mention, MentionFinder, MentionKind};
use std::sync::LazyLock;

use crate::lex::{WordClasses, WordSet, WEEKDAYS};

use crate::Span;

/// Words between a subject and its verb that belong to the cue (`has also said`).
const AUXILIARIES_LIST: &[&str] = &[
    "has",
    "have",
    "had",
    "also",
    "previously",
    "repeatedly",
    "recently",
    "later",
    "earlier",
    "again",
    "publicly",
    "privately",
    "then",
    "once",
    "still",
    "often",
    "frequently",
    "already",
    "just",
    "long",
    "never",
    "not",
    "did",
    "does",
    "do",
    "will",
    "would",
    "could",
    "may",
    "might",
    "can",
    "should",
    "first",
    "further",
    "simply",
    "flatly",
    "quickly",
    "initially",
    "originally",
    "separately",
    "explicitly",
    "openly",
    "directly",
    "reportedly",
    "allegedly",
    "apparently",
    "even",
    "only",
    "always",
    "both",
    "cannot",
    "now",
    "must",
    "yet",
    "likely",
];
/// The auxiliaries that are verbs (perfect, `do`, modals): no adverbs between `be` and a
/// participle (`was not told` but not `was will told`).
const VERBAL_AUXILIARIES: &[&str] = &[
    "has", "have", "had", "did", "does", "do", "will", "would", "could", "may", "might", "can",
    "should", "cannot",
];
const BE: &[&str] = &["is", "was", "were", "are", "been", "being", "be", "am"];
/// Words after a cue that do not start its content (adjuncts: `said on Tuesday`).
const ADJUNCT_STARTS_LIST: &[&str] = &[
    "on",
    "in",
    "at",
    "during",
    "after",
    "before",
    "with",
    "to",
    "for",
    "about",
    "of",
    "from",
    "by",
    "through",
    "via",
    "over",
    "under",
    "since",
    "while",
    "when",
    "as",
    "last",
    "this",
    "earlier",
    "later",
    "recently",
    "today",
    "yesterday",
    "tonight",
    "repeatedly",
    "again",
    "also",
    "publicly",
    "privately",
    "previously",
    "once",
    "so",
    "then",
    "too",
    "instead",
    "and",
    "or",
    "but",
    "afterward",
    "afterwards",
    "now",
    "back",
    "up",
    "out",
    "late",
    "early",
    "separately",
    "simply",
    "only",
    "not",
    "never",
    "if",
    "whether",
    "how",
    "what",
    "why",
    "where",
    "nothing",
    "something",
    "anything",
    "much",
    "little",
    "more",
    "less",
    "yes",
    "no",
    "hello",
    "goodbye",
    "thanks",
    "sorry",
    "so",
];
/// Prepositions opening an adjunct after a speech verb (`said in a statement …`).
const PREPOSITIONS: &[&str] = &[
    "on", "in", "at", "during", "after", "before", "with", "for", "about", "from", "through",
    "via", "over", "since", "while", "when", "as", "outside", "inside", "near",
];
/// Time words and adverbs that make up an adjunct by themselves (`said Tuesday night`).
const TIME_WORDS_LIST: &[&str] = &[
    "today",
    "yesterday",
    "tonight",
    "morning",
    "afternoon",
    "evening",
    "night",
    "week",
    "weekend",
    "month",
    "year",
    "last",
    "this",
    "earlier",
    "later",
    "recently",
    "again",
    "also",
    "repeatedly",
    "publicly",
    "privately",
    "previously",
    "once",
    "then",
    "too",
    "separately",
    "late",
    "early",
    "afterward",
    "afterwards",
    "now",
    "back",
    "simply",
    "only",
    "still",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];
/// Nouns that make `this` a time adjunct after a verb (`said this week`, `this spring`).
const THIS_TIME_NOUNS: &[&str] = &[
    "week",
    "weekend",
    "month",
    "year",
    "morning",
    "afternoon",
    "evening",
    "night",
    "time",
    "spring",
    "summer",
    "fall",
    "autumn",
    "winter",
    "season",
    "quarter",
    "decade",
    "century",
    "term",
    "session",
    "past",
    "coming",
    "last",
    "next",
];
/// Words that open a noun phrase, so a clause after an adjunct (`said in May the plan …`).
const CLAUSE_DETERMINERS: &[&str] = &[
    "the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "this", "these", "those",
    "some", "many", "most", "several", "all", "no", "every", "each", "both", "any", "if",
];
/// Words that end a subject read backwards from its verb (clause openers, conjunctions).
const BARE_STOPS: &[&str] = &[
    "and", "but", "or", "nor", "that", "which", "who", "whom", "whose", "when", "while", "if",
    "because", "as", "so", "then", "than", "where", "after", "before", "since", "although",
    "though", "unless", "until", "whether", "what", "how", "why", "to", "not", "also", "said",
    "says", "say", "told", "it", "this", "there", "here", "however", "yet",
];
const DISCOURSE_LIST: &[&str] = &[
    "but",
    "and",
    "so",
    "yet",
    "however",
    "still",
    "also",
    "meanwhile",
    "now",
    "indeed",
    "then",
];
static DISCOURSE: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(DISCOURSE_LIST));
/// The most bytes of a word of [`DISCOURSE_LIST`] or [`SKIPPED_ADVERBS`].
const LONE_WORD: usize = 16;
/// Sentence adverbs that may stand between a source and its verb without belonging to the
/// cue (`Carter however said`, `Officials here said`).
const SKIPPED_ADVERBS: &[&str] = &[
    "however",
    "here",
    "there",
    "though",
    "too",
    "meanwhile",
    "therefore",
    "instead",
    "nonetheless",
    "nevertheless",
    "likewise",
    "similarly",
    "meantime",
];
/// How far (tokens) a cue may be from `that` or a quotation introducing its content.
const CONTENT_WINDOW: usize = 20;
/// How many tokens of a relative clause's content are looked at for its end.
const RELATIVE_CLAUSE_WINDOW: usize = 64;
/// Irregular past tenses that end a description opening its clause (`The senator began`).
const IRREGULAR_PAST: &[&str] = &[
    "began", "left", "took", "made", "gave", "went", "came", "spoke", "wrote", "held", "met",
    "brought", "sent", "won", "lost", "ran", "stood", "kept", "drew", "threw", "chose", "led",
    "paid", "sat", "saw", "knew", "got", "became", "struck", "fought", "sought", "felt", "broke",
    "rose", "fell", "told", "said", "found", "heard", "shook", "hit", "put", "set", "cut",
];
/// Words after which a participle is an adjective (`a certified letter`).
const DETERMINERS_BEFORE_ADJECTIVE: &[&str] = &[
    "a", "an", "the", "his", "her", "their", "its", "our", "of", "and", "this", "that",
];
/// Evidence that shows or finds (`a new poll shows`, `FEC records show`): the subject of a
/// strict verb whose object clause is its content.
const EVIDENCE_LIST: &[&str] = &[
    "poll",
    "polls",
    "survey",
    "surveys",
    "study",
    "studies",
    "records",
    "data",
    "findings",
    "figures",
    "research",
    "polling",
    "review",
    "analysis",
    "audit",
    "investigation",
    "footage",
    "video",
    "photos",
    "images",
    "documents",
    "emails",
    "results",
    "numbers",
    "outcome",
    "count",
    "tally",
    "estimates",
    "census",
    "filings",
    "clip",
    "post",
];
/// The word classes the rules ask about, each a bit of [`CLASSES`]: `Ctx::is(i, class::BE)`
/// asks whether token `i` is a word of [`BE`], and one probe per token answers for every
/// list. The mention finder's lists are classes too (one table serves a sentence's tokens).
pub(crate) mod class {
    pub(super) const AUXILIARIES: u64 = 1;
    pub(super) const BE: u64 = 1 << 1;
    pub(super) const PREPOSITIONS: u64 = 1 << 2;
    pub(super) const BARE_STOPS: u64 = 1 << 3;
    pub(super) const TIME_WORDS: u64 = 1 << 4;
    pub(super) const ADJUNCT_STARTS: u64 = 1 << 5;
    pub(super) const CLAUSE_DETERMINERS: u64 = 1 << 6;
    pub(super) const DISCOURSE: u64 = 1 << 7;
    pub(super) const EVIDENCE: u64 = 1 << 8;
    pub(super) const WEEKDAYS: u64 = 1 << 9;
    pub(super) const SKIPPED_ADVERBS: u64 = 1 << 10;
    pub(super) const THIS_TIME_NOUNS: u64 = 1 << 11;
    pub(super) const VERBAL_AUXILIARIES: u64 = 1 << 12;
    pub(super) const TIME_ANCHORS: u64 = 1 << 13;
    pub(super) const TIME_LINKS: u64 = 1 << 14;
    pub(crate) const PRONOUNS: u64 = 1 << 15;
    pub(crate) const OBJECT_PRONOUNS: u64 = 1 << 16;
    pub(crate) const RELATIVES: u64 = 1 << 17;
    pub(crate) const DETERMINERS: u64 = 1 << 18;
    pub(crate) const STOP_CAPS: u64 = 1 << 19;
    pub(crate) const FUNCTION_WORDS: u64 = 1 << 20;
    pub(crate) const CONNECTORS: u64 = 1 << 21;
    pub(crate) const QUANTITY_HEADS: u64 = 1 << 22;
    pub(crate) const EVIDENCE_HEADS: u64 = 1 << 23;
    pub(crate) const LEADING_DETERMINERS: u64 = 1 << 24;
    pub(crate) const STOP_FORWARD: u64 = 1 << 25;
    pub(crate) const CLAUSE_WORDS: u64 = 1 << 26;
    pub(crate) const CLAUSE_OPENERS: u64 = 1 << 27;
    pub(crate) const PARENTHETICAL_OPENERS: u64 = 1 << 28;
    pub(crate) const NUMBER_WORDS: u64 = 1 << 29;
    pub(crate) const TITLE_ABBREVIATIONS: u64 = 1 << 30;
    pub(super) const NOUN_DETERMINERS: u64 = 1 << 31;
    pub(super) const CLAUSE_OPENERS_AFTER_ADDRESSEE: u64 = 1 << 32;
    pub(super) const POSSESSIVE_DETERMINERS: u64 = 1 << 33;
    pub(super) const CLAUSE_SUBJECTS: u64 = 1 << 34;
    pub(super) const ADJUNCT_SUBJECTS: u64 = 1 << 35;
    pub(super) const ADJUNCT_STOPS: u64 = 1 << 36;
}

/// The lists of [`class`], one bit each.
pub(crate) static CLASSES: LazyLock<WordClasses> = LazyLock::new(|| {
    WordClasses::new(&[
        (class::AUXILIARIES, AUXILIARIES_LIST),
        (class::BE, BE),
        (class::PREPOSITIONS, PREPOSITIONS),
        (class::BARE_STOPS, BARE_STOPS),
        (class::TIME_WORDS, TIME_WORDS_LIST),
        (class::TIME_WORDS, WEEKDAYS),
        (class::ADJUNCT_STARTS, ADJUNCT_STARTS_LIST),
        (class::ADJUNCT_STARTS, WEEKDAYS),
        (class::CLAUSE_DETERMINERS, CLAUSE_DETERMINERS),
        (class::DISCOURSE, DISCOURSE_LIST),
        (class::EVIDENCE, EVIDENCE_LIST),
        (class::WEEKDAYS, WEEKDAYS),
        (class::SKIPPED_ADVERBS, SKIPPED_ADVERBS),
        (class::THIS_TIME_NOUNS, THIS_TIME_NOUNS),
        (class::VERBAL_AUXILIARIES, VERBAL_AUXILIARIES),
        (class::TIME_ANCHORS, TIME_ANCHORS),
        (class::TIME_LINKS, TIME_LINKS),
        (class::PRONOUNS, mentions::PRONOUNS),
        (class::OBJECT_PRONOUNS, mentions::OBJECT_PRONOUNS),
        (class::RELATIVES, mentions::RELATIVES),
        (class::DETERMINERS, mentions::DETERMINERS_LIST),
        (class::STOP_CAPS, mentions::STOP_CAPS_LIST),
        (class::FUNCTION_WORDS, mentions::FUNCTION_WORDS_LIST),
        (class::CONNECTORS, mentions::CONNECTORS),
        (class::QUANTITY_HEADS, mentions::QUANTITY_HEADS),
        (class::EVIDENCE_HEADS, mentions::EVIDENCE_HEADS),
        (class::LEADING_DETERMINERS, mentions::LEADING_DETERMINERS),
        (class::STOP_FORWARD, mentions::STOP_FORWARD_LIST),
        (class::CLAUSE_WORDS, mentions::CLAUSE_WORDS),
        (class::CLAUSE_OPENERS, mentions::CLAUSE_OPENERS),
        (
            class::PARENTHETICAL_OPENERS,
            mentions::PARENTHETICAL_OPENERS,
        ),
        (class::NUMBER_WORDS, mentions::NUMBER_WORDS),
        (
            class::TITLE_ABBREVIATIONS,
            mentions::TITLE_ABBREVIATIONS_LIST,
        ),
        (class::STOP_CAPS, WEEKDAYS),
        (class::NOUN_DETERMINERS, NOUN_DETERMINERS),
        (
            class::CLAUSE_OPENERS_AFTER_ADDRESSEE,
            CLAUSE_OPENERS_AFTER_ADDRESSEE,
        ),
        (class::POSSESSIVE_DETERMINERS, POSSESSIVE_DETERMINERS),
        (class::CLAUSE_SUBJECTS, CLAUSE_SUBJECTS),
        (class::ADJUNCT_SUBJECTS, ADJUNCT_SUBJECTS),
        (class::ADJUNCT_STOPS, ADJUNCT_STOPS),
    ])
});

/// Words after which a verb cue's word is a noun (`the call`, `his support`, `a show`).
const NOUN_DETERMINERS: &[&str] = &[
    "the", "a", "an", "this", "these", "those", "his", "their", "its", "our", "my", "your",
    "every", "each", "no", "any",
];
/// Words that end the addressee of a verb that takes one (`told reporters that …`, `asked
/// the minister why …`).
const CLAUSE_OPENERS_AFTER_ADDRESSEE: &[&str] = &[
    "that", "whether", "if", "how", "what", "why", "when", "where",
];
/// Possessive determiners: after an addressee's first word they open what was told (`told
/// him his …`).
const POSSESSIVE_DETERMINERS: &[&str] = &["his", "her", "their", "its", "our", "my"];
/// Subject pronouns that open a reported clause even after a strict verb (`I know he'll
/// win`).
const CLAUSE_SUBJECTS: &[&str] = &["he", "she", "they", "we", "i", "you"];
/// Subject pronouns that open a clause after a cue's adjunct (`said Tuesday he …`).
const ADJUNCT_SUBJECTS: &[&str] = &["he", "she", "they", "we", "i", "it", "there"];
/// Words after a cue's adjunct that open no clause of its content.
const ADJUNCT_STOPS: &[&str] = &["that", "and", "but", "or", "to", "who", "which"];
/// Time nouns that hold a short time adjunct between a source and its verb (`Roe last week
/// said`).
const TIME_ANCHORS: &[&str] = &[
    "week",
    "weekend",
    "month",
    "year",
    "night",
    "morning",
    "afternoon",
    "evening",
    "today",
    "yesterday",
    "tonight",
];
/// Words that join a time noun into such an adjunct (`on Tuesday`, `late last night`).
const TIME_LINKS: &[&str] = &[
    "on", "last", "this", "earlier", "later", "late", "early", "in", "next",
];
/// Frames further apart than this (tokens) cannot share words.
const NEAR: usize = 40;
/// The most words between a passive cue and its `as saying` (`was quoted by the paper in
/// its Sunday edition as saying`).
const PASSIVE_GAP: usize = 8;
/// A bound in bytes on that gap, tested before the words are counted.
const PASSIVE_GAP_BYTES: usize = 1024;

/// One cue with what surrounds it.
#[derive(Clone, Copy, Debug)]
struct Frame {
    /// Last token of the matched cue words (before a manner adverb).
    cue_last: usize,
    m: CueMatch,
    /// First token of the cue with its auxiliaries.
    first: usize,
    /// Last token of the cue.
    last: usize,
    source: Option<Mention>,
    source_after: bool,
    /// Token index where the previous attribution's content must stop (exclusive).
    cut: Option<usize>,
    /// An evidential frame (`X appears to …`): no source, the subject (if any) is content.
    evidential: bool,
    /// The subject of an evidential frame.
    subject: Option<Mention>,
}

struct Ctx<'a> {
    text: &'a str,
    toks: &'a Tokens,
    sentence: Span,
    index: usize,
    quotes: &'a [Span],
    finder: &'a MentionFinder,
}

/// The byte length of the pronoun of a contracted auxiliary (`he's`, `I’ve`, `they'd`).
fn contraction_pronoun(word: &str) -> Option<usize> {
    // A pronoun has one to four letters and an auxiliary at least one, so a contraction
    // of one has three bytes or more and its apostrophe (or the first byte of `’`) among
    // bytes 1 to 4; a word without is no contraction. Tested with no loop over the bytes,
    // whose exit was mispredicted (nearly every word asked is no contraction). (A `’` needs
    // three bytes of its own: a word of three or four bytes holding one is no contraction.)
    let b = word.as_bytes();
    let marked = if b.len() >= 5 {
        let four = u32::from_le_bytes([b[1], b[2], b[3], b[4]]);
        // (a byte of `four` equal to the mark: a zero byte of `four ^ mark`)
        let zero_byte = |x: u32| x.wrapping_sub(0x0101_0101) & !x & 0x8080_8080 != 0;
        zero_byte(four ^ 0x2727_2727) | zero_byte(four ^ 0xE2E2_E2E2)
    } else {
        b.len() >= 3 && ((b[1] == b'\'') | (b[2] == b'\''))
    };
    if !marked {
        return None;
    }
    let (stem, rest) = word.split_once(['\'', '’'])?;
    // (compared without a lowercased copy: no allocation)
    let pronoun = ["he", "she", "i", "we", "they", "you"]
        .iter()
        .any(|p| stem.eq_ignore_ascii_case(p));
    let aux = matches!(rest, "s" | "ve" | "d" | "re" | "ll");
    (pronoun && aux).then_some(stem.len())
}

/// Words in `-ly` that are no adverbs (or not ones that go with a verb).
const NOT_ADVERBS: &[&str] = &[
    "likely",
    "unlikely",
    "family",
    "early",
    "daily",
    "weekly",
    "monthly",
    "yearly",
    "hourly",
    "elderly",
    "ally",
    "rally",
    "supply",
    "reply",
    "apply",
    "assembly",
    "holy",
    "ugly",
    "friendly",
    "lonely",
    "costly",
    "deadly",
    "only",
    "belly",
    "bully",
    "jelly",
    "lily",
    "fly",
    "july",
    "italy",
    "quarterly",
    "nightly",
    "orderly",
    "worldly",
    "comply",
    "imply",
    "multiply",
];

/// A lowercase `-ly` adverb between a subject and its verb (`proudly declared`,
/// `basically said`): it belongs to the cue.
fn is_manner_adverb(text: &str, t: &Token, w: &str) -> bool {
    w.len() >= 5 && w.ends_with("ly") && !NOT_ADVERBS.contains(&w) && t.is_lowercase_word(text)
}

fn is_open_quote_char(s: &str) -> bool {
    matches!(s, "“" | "\"" | "‘" | "'" | "«" | "„" | "`" | "‹")
}

fn is_close_quote_char(s: &str) -> bool {
    matches!(s, "”" | "\"" | "’" | "'" | "»" | "“" | "›")
}

/// The byte after the spaces, tabs and no-break spaces (and line breaks, with `lines`) from
/// `pos`, looking at most 16 bytes ahead.
fn skip_blank(text: &str, pos: usize, lines: bool) -> usize {
    let b = text.as_bytes();
    let mut i = pos;
    while i < b.len() && i - pos < 16 {
        match b[i] {
            b' ' | b'\t' => i += 1,
            b'\n' | b'\r' if lines => i += 1,
            0xC2 if b.get(i + 1) == Some(&0xA0) => i += 2,
            _ => break,
        }
    }
    i
}

/// A credit line's quotation and dash in sentence `s`: a top-level quotation ending at most
/// a few blanks (line breaks included) before a dash (`―`, `—`, `–`, `-`) that lies in `s`.
/// Looks only at the quotations ending near or inside `s`. `from` is a cursor over the
/// quotations (top-level ones do not overlap, so their ends come in order): how many end
/// well before the sentence asked last, moved up to `s`.
fn credit_dash(text: &str, top: &[Span], s: Span, from: &mut usize) -> Option<(Span, usize)> {
    if *from > 0 && top[*from - 1].end + 16 >= s.start {
        // (a sentence behind the last one: a search)
        *from = top.partition_point(|q| q.end + 16 < s.start);
    }
    while *from < top.len() && top[*from].end + 16 < s.start {
        *from += 1;
    }
    for q in top[*from..].iter().take_while(|q| q.end < s.end) {
        let d = skip_blank(text, q.end, true);
        if d >= s.start && d < s.end && text[d..].starts_with(['―', '—', '–', '-']) {
            return Some((*q, d));
        }
    }
    None
}

/// The top-level quote starting exactly at `pos`.
fn quote_starting_at(quotes: &[Span], pos: usize) -> Option<Span> {
    let i = quotes.partition_point(|q| q.start < pos);
    quotes.get(i).copied().filter(|q| q.start == pos)
}

/// The top-level quote holding byte `pos` strictly inside (not at its marks).
fn quote_around(quotes: &[Span], pos: usize) -> Option<Span> {
    let i = quotes.partition_point(|q| q.start <= pos);
    if i == 0 {
        return None;
    }
    let q = quotes[i - 1];
    (q.start < pos && pos < q.end).then_some(q)
}

/// [`quote_around`] for positions asked in increasing order: a cursor stepping over the
/// quotations instead of a search each time (a position behind the last one is searched
/// for).
struct Around<'q> {
    quotes: &'q [Span],
    /// The quotations starting at or before the last position asked.
    i: usize,
}

impl<'q> Around<'q> {
    /// A cursor at `pos`.
    fn new(quotes: &'q [Span], pos: usize) -> Self {
        Around {
            quotes,
            i: quotes.partition_point(|q| q.start <= pos),
        }
    }

    /// `quote_around(quotes, pos)`.
    #[inline]
    fn at(&mut self, pos: usize) -> Option<Span> {
        let quotes = self.quotes;
        if self.i > 0 && quotes[self.i - 1].start > pos {
            self.i = quotes.partition_point(|q| q.start <= pos);
        }
        while self.i < quotes.len() && quotes[self.i].start <= pos {
            self.i += 1;
        }
        let q = *quotes.get(self.i.checked_sub(1)?)?;
        (q.start < pos && pos < q.end).then_some(q)
    }
}

/// The top-level quote ending last at or before `pos`.
fn quote_ending_before(quotes: &[Span], pos: usize) -> Option<Span> {
    let i = quotes.partition_point(|q| q.end <= pos);
    if i == 0 {
        return None;
    }
    Some(quotes[i - 1])
}

impl Ctx<'_> {
    #[inline]
    fn word(&self, i: usize) -> Option<&str> {
        self.toks.word(i)
    }

    /// The [`class`] bits of token `i`: 0 when it is no word (or no token).
    #[inline]
    fn class(&self, i: usize) -> u64 {
        match self.toks.get(i) {
            Some(t) if t.kind == TokenKind::Word => self.toks.class(i, &CLASSES),
            _ => 0,
        }
    }

    /// True when token `i` is a word of any of the classes `bits` (`class::BE | …`).
    #[inline]
    fn is(&self, i: usize, bits: u64) -> bool {
        self.class(i) & bits != 0
    }

    #[inline]
    fn is_punct(&self, i: usize, c: char) -> bool {
        self.toks.get(i).is_some_and(|t| t.is(self.text, c))
    }

    /// The first token of a dash ending at token `j`: `—`, `–`, or `--` written as two
    /// hyphens; None when token `j` ends no dash.
    fn dash_start(&self, j: usize) -> Option<usize> {
        if self.is_punct(j, '—') || self.is_punct(j, '–') {
            return Some(j);
        }
        (j > 0 && self.is_punct(j, '-') && self.is_punct(j - 1, '-')).then(|| j - 1)
    }

    fn tok_str(&self, i: usize) -> &str {
        self.toks.get(i).map_or("", |t| t.as_str(self.text))
    }

    /// The frame of cue `m` (token range `a..=b`), or None when it is no cue here.
    fn frame(&self, m: CueMatch, a: usize, b: usize, earlier: &[Frame]) -> Option<Frame> {
        let text = self.text;
        let mut frame = Frame {
            cue_last: b,
            m,
            first: a,
            last: b,
            source: None,
            source_after: false,
            cut: None,
            evidential: false,
            subject: None,
        };
        match m.entry.kind {
            CueType::Verb => {
                // `the Tribune reports that …`, `…, the Tribune reports.`: a third person the
                // lexicon takes only after a name, before `that`, a colon or the clause's end
                if m.entry.named && m.entry.form == VerbForm::Third {
                    let ends = self
                        .toks
                        .get(b + 1)
                        .map_or(true, |t| matches!(t.as_str(text), "." | "," | ":" | ";"))
                        || self.word(b + 1) == Some("that");
                    if a == 0 || !self.toks[a - 1].is_capitalized(text) || !ends {
                        return None;
                    }
                }
                // `All told, 40 died`, `Having said that, …`, `Let's say …`: set phrases,
                // no saying.
                if self.set_phrase(a, b) {
                    return None;
                }
                // `When asked about …, X said`, `Asked if …`: a question with no source.
                let asked = self.toks.lower(a) == "asked"
                    && (a == 0
                        || matches!(
                            self.word(a - 1),
                            Some("when" | "if" | "after" | "before" | "as" | "once" | "while")
                        ));
                if asked {
                    return Some(self.asked_by(frame, b));
                }
                // `the call`, `his support`, `a show`: after a determiner the word is a noun.
                if a > 0 {
                    let p = self.word(a - 1).unwrap_or_default();
                    // (a class, not a `match` on the word: that jumps on its length, which
                    // mispredicted; the word's classes are asked next for its auxiliaries)
                    if self.is(a - 1, class::NOUN_DETERMINERS)
                        || (p.ends_with("’s") || p.ends_with("'s"))
                            && contraction_pronoun(p).is_none()
                    {
                        return None;
                    }
                }
                // `Critics of the ferry plan said`: a strict catenative (`plan`, `decide`) in a
                // form its noun shares is a verb only before `to` or `that`.
                if m.entry.infinitive
                    && m.entry.strict
                    && matches!(m.entry.form, VerbForm::Base | VerbForm::Third)
                    && !matches!(self.word(b + 1), Some("to" | "that"))
                {
                    return None;
                }
                if m.entry.evidential {
                    if let Some(f) = self.evidential_frame(frame, earlier) {
                        return Some(f);
                    }
                    if !m.entry.belief {
                        return None;
                    }
                }
                let mut k = a;
                let mut steps = 0;
                // (a passive cue needs its `be`: `was quoted as saying`)
                let mut passive = false;
                while k > 0 && steps < 4 {
                    let Some(w) = self.word(k - 1) else { break };
                    // (`has since said`: `since` between a perfect's parts)
                    let since = w == "since"
                        && k >= 2
                        && matches!(self.word(k - 2), Some("has" | "have" | "had"));
                    if self.is(k - 1, class::AUXILIARIES)
                        || since
                        || w == "n't"
                        || w.ends_with("n't")
                        || w.ends_with("n’t")
                        || is_manner_adverb(text, &self.toks[k - 1], w)
                    {
                        k -= 1;
                    } else if self.is(k - 1, class::BE) {
                        // (only adverbs between: `was adamantly opposed`, `was not told`)
                        let adverbs_only = (k..a).all(|j| {
                            let wj = self.word(j).unwrap_or_default();
                            is_manner_adverb(text, &self.toks[j], wj)
                                || wj == "not"
                                || wj.ends_with("n't")
                                || self.class(j) & (class::AUXILIARIES | class::VERBAL_AUXILIARIES)
                                    == class::AUXILIARIES
                        });
                        if adverbs_only
                            && matches!(m.entry.form, VerbForm::Past | VerbForm::Participle)
                        {
                            // `was asked about …`: a question put to someone, no source
                            if self.toks.lower(a) == "asked" {
                                frame.first = k - 1;
                                return Some(self.asked_by(frame, b));
                            }
                            if !m.entry.passive {
                                return None; // passive: `was told`, `is expected`
                            }
                            passive = true;
                        }
                        k -= 1;
                    } else {
                        break;
                    }
                    steps += 1;
                }
                if m.entry.passive && !passive {
                    return None;
                }
                // `to say`: an infinitive belongs to another verb's frame.
                if k > 0 && self.word(k - 1) == Some("to") && k == a {
                    return None;
                }
                frame.first = k;
                // `said dryly`, `said flatly`: a manner adverb belongs to the cue.
                if let Some(w) = self.word(b + 1) {
                    if w.len() > 5
                        && w.ends_with("ly")
                        && !matches!(w, "likely" | "family" | "weekly" | "monthly")
                        && self.toks[b + 1].is_lowercase_word(text)
                    {
                        frame.last = b + 1;
                    }
                }
                frame.last = self.cue_tail(frame.last);
                let b = frame.last;
                let before = k.checked_sub(1).map(|j| self.before_time_adjunct(j));
                let gerund = m.entry.form == VerbForm::Gerund;
                match before {
                    Some(j) if matches!(self.word(j), Some("and" | "but")) && !gerund => {
                        // `Twitter reported flat growth, and said it was …`
                        frame.source = self.subject(earlier, j);
                    }
                    Some(j)
                        if gerund
                            && self.word(j) == Some("and")
                            && earlier.last().is_some_and(|e| {
                                e.m.entry.form == VerbForm::Gerund && !e.source_after
                            }) =>
                    {
                        // `…, pointing to his record and saying that …`: a second gerund
                        // shares the first one's subject.
                        frame.source = self.subject(earlier, j);
                    }
                    Some(j)
                        if self.is_punct(j, ',')
                            && !gerund
                            && self.word(k) == Some("then")
                            && self
                                .finder
                                .apposition_before(text, self.toks, j, 0)
                                .is_none() =>
                    {
                        // `Lee offered the man a job, then says he …` (`then` is no part of
                        // the cue: PolNeAR marks `says`)
                        frame.source = self.subject(earlier, k);
                        frame.first = k + 1;
                    }
                    Some(j) if self.toks[j].kind == TokenKind::Number => {
                        // `Six in 10 say`, `43 percent said`
                        let floor = earlier.last().map_or(0, |p| p.last + 1);
                        if !gerund && !m.entry.strict && !m.entry.object {
                            // `About three in 10 said`: a share first, else the clause's words
                            frame.source = self
                                .finder
                                .before(text, self.toks, j, floor)
                                .filter(|s| s.first < j)
                                .or_else(|| self.bare_subject(j, floor));
                        } else if gerund {
                            // `…, with three in 10 saying they …`
                            frame.source =
                                self.finder.before(text, self.toks, j, floor).filter(|s| {
                                    s.first < j
                                        && s.first > 0
                                        && self.word(s.first - 1) == Some("with")
                                });
                        }
                    }
                    Some(j)
                        if self.toks[j].kind == TokenKind::Word
                            && contraction_pronoun(self.tok_str(j)).is_some() =>
                    {
                        // `he's said`, `I’ve argued`: the pronoun is the source
                        let t = self.toks[j];
                        let len = contraction_pronoun(self.tok_str(j)).unwrap_or(0);
                        frame.source = Some(Mention {
                            span: Span::new(t.span.start, t.span.start + len),
                            kind: MentionKind::Pronoun,
                            first: j,
                            last: j,
                        });
                    }
                    Some(j)
                        if self.is_punct(j, '.')
                            && j > 0
                            && matches!(self.word(j - 1), Some("jr" | "sr")) =>
                    {
                        // `Joseph R. Biden Jr. said`
                        let floor = earlier.last().map_or(0, |p| p.last + 1);
                        frame.source =
                            self.finder
                                .before(text, self.toks, j - 1, floor)
                                .map(|s| Mention {
                                    span: Span::new(s.span.start, self.toks[j].span.end),
                                    last: j,
                                    ..s
                                });
                    }
                    Some(j) if self.toks[j].kind == TokenKind::Word => {
                        // `Clinton says many doubted`: no source runs over the cue before.
                        let floor = earlier.last().map_or(0, |p| p.last + 1);
                        frame.source = self.finder.before(text, self.toks, j, floor);
                        // `a source close to him said`: an object pronoun ending the phrase
                        if frame.source.is_none()
                            && !gerund
                            && j > floor + 2
                            && matches!(self.word(j), Some("him" | "her" | "them" | "us" | "me"))
                            && matches!(self.word(j - 1), Some("to" | "with"))
                        {
                            let pronoun = Mention {
                                span: self.toks[j].span,
                                kind: MentionKind::Pronoun,
                                first: j,
                                last: j,
                            };
                            let head = self.prepositional_head(pronoun, floor);
                            frame.source = (head.first < j).then_some(head);
                        }
                        if frame.source.is_none() && !gerund {
                            frame.source = self.quantifier_subject(j, floor);
                        }
                        if frame.source.is_none()
                            && !gerund
                            && !m.entry.also_noun
                            && !m.entry.strict
                            && !m.entry.object
                            && m.entry.form != VerbForm::Participle
                        {
                            frame.source = self.bare_subject(j, floor);
                        }
                        if frame.source.is_none() && gerund && self.is_punct(j.wrapping_sub(1), ',')
                        {
                            frame.source = self.subject(earlier, a);
                        }
                        // `Roe ended the debate by saying …`: a gerund after `by` or `after`
                        // is the clause subject's act.
                        if frame.source.is_none()
                            && gerund
                            && matches!(self.word(j), Some("by" | "after" | "before"))
                        {
                            frame.source = self.subject(earlier, a);
                        }
                        // `The officials whose laws were struck down say`: a source with its
                        // relative clause (no punctuation inside it).
                        if frame.source.is_none() && !gerund {
                            let lowest = floor.max(j.saturating_sub(15));
                            let relative = (lowest..j)
                                .rev()
                                .take_while(|&k| self.toks[k].kind != TokenKind::Punct)
                                .find(|&k| matches!(self.word(k), Some("who" | "whose")))
                                .filter(|&r| r > lowest);
                            frame.source = relative
                                .and_then(|r| self.finder.before(text, self.toks, r - 1, floor))
                                .filter(|h| {
                                    matches!(
                                        h.kind,
                                        MentionKind::Name
                                            | MentionKind::Group
                                            | MentionKind::Description
                                    )
                                })
                                .map(|h| Mention {
                                    span: Span::new(h.span.start, self.toks[j].span.end),
                                    last: j,
                                    ..h
                                });
                        }
                        // `The town released a statement saying …`: after the object of
                        // another verb, a gerund's source is that verb's subject.
                        let object = frame.source.filter(|s| {
                            gerund
                                && matches!(s.kind, MentionKind::Description | MentionKind::Group)
                                && s.first > 0
                                && self.toks[s.first - 1].is_lowercase_word(text)
                                && self.word(s.first - 1).is_some_and(|w| {
                                    !self.is(s.first - 1, class::PREPOSITIONS | class::BARE_STOPS)
                                        && !matches!(w, "of" | "by" | "to")
                                })
                        });
                        if let Some(s) = object {
                            // the subject ends before the verb and its auxiliaries
                            let mut e = s.first - 1;
                            let mut steps = 0;
                            while e > floor && steps < 4 {
                                let w = self.word(e - 1).unwrap_or_default();
                                if self.is(e - 1, class::AUXILIARIES | class::BE)
                                    || is_manner_adverb(text, &self.toks[e - 1], w)
                                {
                                    e -= 1;
                                    steps += 1;
                                } else {
                                    break;
                                }
                            }
                            let subject = e
                                .checked_sub(1)
                                .filter(|&v| v >= floor)
                                .and_then(|v| self.finder.before(text, self.toks, v, floor))
                                .filter(|m| m.kind != MentionKind::Relative || m.first == m.last)
                                .or_else(|| self.subject(earlier, s.first));
                            if let Some(subject) = subject {
                                frame.source = Some(subject);
                            }
                        }
                    }
                    Some(j)
                        if self.is_punct(j, ')')
                            || self.is_punct(j, '%')
                            || self.toks[j].kind == TokenKind::Number =>
                    {
                        // `Sen. Jane Roe (D-Ohio) said`, `Six in 10 say`, `26% say`
                        let floor = earlier.last().map_or(0, |p| p.last + 1);
                        frame.source = self.finder.before(text, self.toks, j, floor);
                    }
                    Some(j) if self.is_punct(j, ',') && gerund => {
                        frame.source = self.subject(earlier, a);
                    }
                    Some(j)
                        if self.is_punct(j, ',') && self.share_apposition(j, earlier).is_some() =>
                    {
                        // `A third of independents, 33%, say`
                        frame.source = self.share_apposition(j, earlier);
                    }
                    Some(j) if self.is_punct(j, ',') => {
                        // `Tomas Berg, now 70 and retired in Lund, Sweden, said`: the
                        // sentence's opening name with all its apposition first.
                        let floor = earlier.last().map_or(0, |p| p.last + 1);
                        let long = true.then(|| self.long_apposition(j, floor)).flatten();
                        let near = self.finder.apposition_before(text, self.toks, j, 0);
                        frame.source = match (near, long) {
                            (Some(n), Some(l)) if n.first > l.first => Some(l),
                            (n, l) => n.or(l),
                        };
                        if frame.source.is_none() {
                            frame.source = self.inverted(b);
                            frame.source_after = frame.source.is_some();
                        }
                    }
                    Some(j)
                        if gerund
                            && j > 0
                            && is_close_quote_char(self.tok_str(j))
                            && (self.is_punct(j - 1, ',')
                                || j > 1
                                    && is_close_quote_char(self.tok_str(j - 1))
                                    && self.is_punct(j - 2, ',')) =>
                    {
                        // `… of “New York values,” saying …` (or `values,'' saying`)
                        frame.source = self.subject(earlier, a);
                    }
                    Some(j)
                        if is_close_quote_char(self.tok_str(j)) || self.dash_start(j).is_some() =>
                    {
                        // `Jane Roe — a potter from Hull — said`, `The justice -- who … --
                        // said`: the phrase with its apposition
                        let floor = earlier.last().map_or(0, |p| p.last + 1);
                        let dashed = self
                            .dash_start(j)
                            .and_then(|e| {
                                (floor.max(e.saturating_sub(25))..e)
                                    .rev()
                                    .find_map(|d| self.dash_start(d))
                            })
                            .filter(|&d| d > floor)
                            .and_then(|d| self.finder.before(text, self.toks, d - 1, floor))
                            .filter(|s| {
                                matches!(
                                    s.kind,
                                    MentionKind::Name
                                        | MentionKind::Group
                                        | MentionKind::Description
                                )
                            })
                            .map(|s| Mention {
                                span: Span::new(s.span.start, self.toks[j].span.end),
                                last: j,
                                ..s
                            });
                        // `Roe, citing “a broken promise,” said`: the quotation closes an
                        // aside, and the aside's subject is the source.
                        let aside = earlier
                            .last()
                            .filter(|e| {
                                e.m.entry.form == VerbForm::Gerund
                                    && e.first > 0
                                    && self.is_punct(e.first - 1, ',')
                                    && !e.source_after
                                    && e.last < j
                            })
                            .and_then(|e| e.source)
                            .filter(|s| s.last + 2 == earlier[earlier.len() - 1].first);
                        if dashed.is_some() {
                            frame.source = dashed;
                        } else if aside.is_some() {
                            frame.source = aside;
                        } else {
                            frame.source = self.inverted(b).or_else(|| self.described_after(b));
                            frame.source_after = frame.source.is_some();
                        }
                    }
                    None => {
                        frame.source = self.inverted(b);
                        frame.source_after = frame.source.is_some();
                    }
                    _ => {}
                }
                // `Exit polling showed …`, `A Monmouth poll out Monday showed …`: evidence
                // opening the clause before a strict verb, a phrase the mention finder does
                // not read.
                if frame.source.is_none() && m.entry.strict && !gerund {
                    let floor = earlier.last().map_or(0, |p| p.last + 1);
                    frame.source = k
                        .checked_sub(1)
                        .and_then(|j| self.evidence_subject(j, floor));
                }
                // `A poll released Thursday found`, `The report last week showed`: a time
                // adjunct after a document or a participle is part of the source (PolNeAR: 21
                // of 24 train sources so), unlike one after a person (`Roe on Tuesday said`).
                if let (Some(j), Some(s)) = (before, frame.source) {
                    let document = |w: &str| {
                        w.len() > 3 && w.ends_with("ed")
                            || matches!(
                                w,
                                "poll"
                                    | "polls"
                                    | "survey"
                                    | "surveys"
                                    | "report"
                                    | "reports"
                                    | "study"
                                    | "ad"
                                    | "ads"
                                    | "order"
                                    | "memo"
                                    | "letter"
                                    | "article"
                                    | "analysis"
                                    | "document"
                            )
                    };
                    if !frame.source_after
                        && s.last == j
                        && j + 1 < k
                        && self.word(j).is_some_and(document)
                        && self.toks[j].is_lowercase_word(text)
                    {
                        frame.source = Some(Mention {
                            span: Span::new(s.span.start, self.toks[k - 1].span.end),
                            last: k - 1,
                            ..s
                        });
                    }
                }
                // (`a fit for a group seeking …`: a gerund's phrase is its own)
                if !frame.source_after && m.entry.form != VerbForm::Gerund {
                    let floor = earlier.last().map_or(0, |p| p.last + 1);
                    // `Sen. Ana Ruiz and Rep. Tom Hale said`: the whole coordination
                    frame.source = frame
                        .source
                        .map(|s| self.with_conjuncts(self.prepositional_head(s, floor), floor));
                }
                // `Several candidates, including Trump, said`: the examples between commas
                // belong to the source (PolNeAR: 14 of 14 on train).
                if let Some(src) = frame.source.filter(|_| !frame.source_after) {
                    frame.source = Some(self.with_examples(src, frame.first));
                }
                let mut src = frame.source?;
                // `Cruz made an unprompted call for …`, `a controversial tweet`: a singular
                // indefinite phrase with no noun of its own before a base form with no
                // auxiliary is the cue noun's determiner; the subject of the act before it,
                // if any, is the source.
                // (`as an American diplomat put it`: a past tense spelled like the base form)
                let past_alike = matches!(
                    self.word(a),
                    Some("put" | "read" | "set" | "cut" | "cast" | "hit" | "let" | "bet" | "bid")
                );
                if m.entry.form == VerbForm::Base && k == a && !frame.source_after && !past_alike {
                    if let Some(v) = self.indefinite_before_noun(src, a) {
                        let floor = earlier.last().map_or(0, |p| p.last + 1);
                        src = v
                            .checked_sub(1)
                            .filter(|&u| u >= floor)
                            .and_then(|u| self.finder.before(text, self.toks, u, floor))
                            .filter(|s| s.kind != MentionKind::Relative)?;
                        frame.source = Some(src);
                    }
                }
                // `Do you support …?`: a question, not a report.
                // (the position first: the word's `match` jumps on its length)
                if !frame.source_after
                    && src.first == 1
                    && matches!(
                        self.word(0),
                        Some("do" | "does" | "did" | "would" | "will" | "can" | "could" | "should")
                    )
                {
                    return None;
                }
                // `45 percent support among …`: after a share a base form is a noun.
                if matches!(m.entry.form, VerbForm::Base | VerbForm::Third)
                    && m.entry.object
                    && a > 0
                    && (matches!(self.word(a - 1), Some("percent" | "percentage"))
                        || self.is_punct(a - 1, '%')
                        || self.toks[a - 1].kind == TokenKind::Number)
                {
                    return None;
                }
                // `Clinton has support among …`: after `has` a base form is a noun.
                if matches!(m.entry.form, VerbForm::Base | VerbForm::Third)
                    && k < a
                    && matches!(self.word(a - 1), Some("has" | "have" | "had"))
                {
                    return None;
                }
                // `said X` after a name is a verb of another subject only when inverted.
                if m.entry.also_noun && !frame.source_after {
                    // `the reports` / `his claims`: a noun, not a verb.
                    if let Some(j) = before {
                        let w = self.word(j).unwrap_or_default();
                        if matches!(
                            w,
                            "the"
                                | "a"
                                | "an"
                                | "his"
                                | "her"
                                | "their"
                                | "its"
                                | "these"
                                | "of"
                                | "in"
                                | "on"
                                | "for"
                                | "about"
                                | "with"
                                | "by"
                                | "to"
                                | "from"
                                | "and"
                                | "or"
                                | "new"
                                | "any"
                                | "no"
                                | "such"
                        ) || w.ends_with("’s")
                            || w.ends_with("'s")
                        {
                            return None;
                        }
                    }
                }
            }
            CueType::Phrase => {
                let s = self
                    .finder
                    .after(text, self.toks, b + 1, self.toks.len())
                    .or_else(|| {
                        self.finder
                            .clause_phrase(text, self.toks, b + 1, self.toks.len())
                    })?;
                frame.source = Some(s);
                frame.source_after = true;
            }
            CueType::Noun => {
                let prev = a.checked_sub(1)?;
                let pw = self.word(prev).unwrap_or_default();
                if matches!(pw, "his" | "her" | "their" | "its" | "our" | "my") {
                    frame.source = Some(Mention {
                        span: self.toks[prev].span,
                        kind: MentionKind::Pronoun,
                        first: prev,
                        last: prev,
                    });
                } else if pw.ends_with("’s") || pw.ends_with("'s") {
                    let t = self.toks[prev];
                    let mut first = prev;
                    while first > 1
                        && self.is_punct(first - 1, '.')
                        && self.word(first - 2).is_some_and(|w| {
                            matches!(w, "mr" | "mrs" | "ms" | "dr" | "sen" | "rep" | "gov")
                        })
                        || first > 0
                            && prev - first < 4
                            && self.toks[first - 1].is_capitalized(text)
                            && !matches!(
                                self.word(first - 1),
                                Some("the" | "in" | "on" | "at" | "but" | "and" | "as" | "after")
                            )
                    {
                        first -= if self.is_punct(first - 1, '.') { 2 } else { 1 };
                    }
                    let end = t.span.end
                        - "’s".len().min(t.span.len()).min(if pw.ends_with("’s") {
                            "’s".len()
                        } else {
                            2
                        });
                    frame.source = Some(Mention {
                        span: Span::new(self.toks[first].span.start, end),
                        kind: MentionKind::Name,
                        first,
                        last: prev,
                    });
                } else if matches!(self.word(b + 1), Some("by" | "from")) {
                    frame.source = self.finder.after(text, self.toks, b + 2, self.toks.len());
                    frame.source_after = frame.source.is_some();
                }
                frame.source?;
            }
        }
        Some(frame)
    }

    /// Source `s` widened over `, including …,` or `, like …,` when that aside ends with a
    /// comma just before the cue's first token `first` (at most 30 tokens, no other
    /// punctuation but commas inside).
    fn with_examples(&self, s: Mention, first: usize) -> Mention {
        let c = s.last + 1;
        let opens = self.is_punct(c, ',') && matches!(self.word(c + 1), Some("including" | "like"));
        if !opens || first < c + 3 || first - c > 30 || !self.is_punct(first - 1, ',') {
            return s;
        }
        let plain = (c + 2..first - 1).all(|k| {
            self.toks[k].kind != TokenKind::Punct
                || self.is_punct(k, ',')
                || self.is_punct(k, '.')
                || self.is_punct(k, '-')
        });
        if !plain {
            return s;
        }
        Mention {
            span: Span::new(s.span.start, self.toks[first - 2].span.end),
            last: first - 2,
            ..s
        }
    }

    /// Source `s` widened over the phrases coordinated before it (`A and B`, `A, B and C`,
    /// `He and B`), at most four, not before token `floor`, when the coordination opens its
    /// clause: it starts the sentence or follows punctuation or a conjunction. `Prices rose and
    /// analysts said` keeps `analysts`: `rose` heads no phrase that opens the clause.
    fn with_conjuncts(&self, s: Mention, floor: usize) -> Mention {
        if s.is_pronominal_kind() {
            return s;
        }
        let mut first = s.first;
        let mut start = s.span.start;
        // `, and` joins clauses as often as phrases: only a list of three or more is sure
        let mut comma_and = false;
        let mut conjuncts = 1;
        for _ in 0..4 {
            if first < floor + 2 {
                break;
            }
            let p = first - 1;
            let last = if self.toks[p].is_lowercase_word(self.text) && self.word(p) == Some("and") {
                if self.is_punct(p - 1, ',') {
                    comma_and = conjuncts == 1;
                    p.checked_sub(2)
                } else {
                    Some(p - 1)
                }
            } else if conjuncts > 1 && self.is_punct(p, ',') {
                Some(p - 1)
            } else {
                None
            };
            let Some(last) = last.filter(|&l| l >= floor) else {
                break;
            };
            let head = self
                .finder
                .before(self.text, self.toks, last, floor)
                .filter(|h| h.last == last && h.first >= floor);
            let Some(h) = head else { break };
            let subject_pronoun = h.kind == MentionKind::Pronoun
                && self
                    .word(h.first)
                    .is_some_and(|w| matches!(w, "he" | "she" | "they" | "i" | "we"));
            if !(subject_pronoun
                || matches!(
                    h.kind,
                    MentionKind::Name | MentionKind::Description | MentionKind::Group
                ))
            {
                break;
            }
            first = h.first;
            start = h.span.start;
            conjuncts += 1;
        }
        if conjuncts == 1 || (comma_and && conjuncts < 3) {
            return s;
        }
        // (the floor alone is no clause start: `asked for a photo and Roe said`)
        let opens = first == 0
            || self.toks[first - 1].kind == TokenKind::Punct
            || self.word(first - 1).is_some_and(|w| {
                matches!(
                    w,
                    "but" | "and" | "so" | "yet" | "while" | "as" | "because" | "when" | "although"
                )
            });
        if !opens {
            return s;
        }
        Mention {
            span: Span::new(start, s.span.end),
            kind: MentionKind::Group,
            first,
            last: s.last,
        }
    }

    /// `Asked by a reporter whether …`, `was asked by host Jane Roe if …`: the agent after
    /// `by` (cue token `b` is `asked`) is who put the question, the frame's source.
    fn asked_by(&self, mut f: Frame, b: usize) -> Frame {
        if self.word(b + 1) == Some("by") {
            if let Some(mut s) = self
                .finder
                .after(self.text, self.toks, b + 2, self.toks.len())
            {
                // (the question starts after the agent: `by a reporter whether …`)
                if let Some(q) = (s.first + 1..=s.last).find(|&k| {
                    matches!(
                        self.word(k),
                        Some("whether" | "if" | "why" | "what" | "how" | "to" | "about")
                    )
                }) {
                    s.last = q - 1;
                    s.span = Span::new(s.span.start, self.toks[q - 1].span.end);
                }
                f.source = Some(s);
                f.source_after = true;
            }
        }
        f
    }

    /// `Majorities in many European countries see`, `Proponents of the new bill say`: a
    /// source before its cue that is the object of a preposition belongs to the noun phrase
    /// before the preposition (not before token `floor`); a name before `in`, `at` or `on`
    /// is the source by itself (`Roe in her speech said`), and after an opening adjunct the
    /// name after its comma is (`In the primary, Gov. Jane Roe said`). At most two steps.
    fn prepositional_head(&self, mut s: Mention, floor: usize) -> Mention {
        for _ in 0..2 {
            // (`a source close to him said`: an object pronoun ends a phrase's preposition)
            let object = s.kind == MentionKind::Pronoun
                && s.first == s.last
                && matches!(
                    self.word(s.first),
                    Some("him" | "her" | "them" | "us" | "me")
                );
            if s.first < floor + 2 || s.is_pronominal_kind() && !object {
                return s;
            }
            let p = s.first - 1;
            let pw = self.word(p).unwrap_or_default();
            if !self.toks[p].is_lowercase_word(self.text)
                || !matches!(
                    pw,
                    "of" | "in" | "at" | "on" | "with" | "from" | "for" | "among" | "across" | "to"
                )
            {
                return s;
            }
            let adjunct = matches!(pw, "in" | "at" | "on");
            // `In the primary, Gov. Jane Roe said`: the name after the adjunct
            let after_comma = (s.first..s.last)
                .rev()
                .find(|&k| self.is_punct(k, ','))
                .and_then(|c| self.finder.after(self.text, self.toks, c + 1, s.last + 1))
                .filter(|n| n.kind == MentionKind::Name && n.last == s.last);
            if let Some(n) = after_comma.filter(|_| adjunct) {
                return n;
            }
            let head = self
                .finder
                .before(self.text, self.toks, p - 1, floor)
                .filter(|h| h.last + 1 == p);
            // (a lone capitalised word opening the sentence is no name: `Majorities in …`)
            let name = |h: &Mention| h.kind == MentionKind::Name && (h.first > 0 || h.last > 0);
            match head {
                Some(h) if name(&h) && adjunct => return h,
                Some(h)
                    if matches!(
                        h.kind,
                        MentionKind::Name | MentionKind::Description | MentionKind::Group
                    ) =>
                {
                    s = Mention {
                        span: Span::new(h.span.start, s.span.end),
                        kind: h.kind,
                        first: h.first,
                        last: s.last,
                    };
                }
                _ => return after_comma.unwrap_or(s),
            }
        }
        s
    }

    /// The phrase opening its clause and ending with token `j` (at most twelve tokens, none a
    /// clause word, not before token `floor`) when evidence heads it within its first
    /// nine tokens (`Exit polling`, `New polls released Sunday`, `A CNN/ORC poll out Monday`).
    fn evidence_subject(&self, j: usize, floor: usize) -> Option<Mention> {
        let lowest = floor.max(j.saturating_sub(11));
        let mut start = j + 1;
        while start > lowest {
            let k = start - 1;
            let w = self.word(k);
            let slash = self.is_punct(k, '/') && k > lowest && k < j;
            let plain = slash
                || matches!(self.toks[k].kind, TokenKind::Word | TokenKind::Number)
                    && w.is_some_and(|w| {
                        !self.is(k, class::BARE_STOPS | class::AUXILIARIES | class::BE) && w != "if"
                    });
            if !plain {
                break;
            }
            start = k;
            // (a determiner opens the phrase)
            if self.is(k, class::CLAUSE_DETERMINERS) {
                break;
            }
        }
        if start > j {
            return None;
        }
        let opens = start == 0
            || self.toks[start - 1].kind == TokenKind::Punct
            || matches!(self.word(start - 1), Some("and" | "but" | "as"));
        let head = (start..=j.min(start + 8)).any(|h| self.is(h, class::EVIDENCE));
        (opens && head && start >= floor).then(|| Mention {
            span: Span::new(self.toks[start].span.start, self.toks[j].span.end),
            kind: MentionKind::Description,
            first: start,
            last: j,
        })
    }

    /// `made an unprompted call for`, `delivered a forceful promise`: when source `s`, just
    /// before the cue at token `a`, is `a`/`an` with at most three words and no noun phrase
    /// head of a share (`a third`, `a majority of`), the act before it (a lowercase word that
    /// is no preposition, auxiliary or form of `be`); None when `s` is not such a phrase.
    /// Returns Some(0) when there is no such act (the caller then finds no subject).
    fn indefinite_before_noun(&self, s: Mention, a: usize) -> Option<usize> {
        if s.last + 1 != a || s.last < s.first + 1 || s.last - s.first > 3 {
            return None;
        }
        if !matches!(self.word(s.first), Some("a" | "an")) {
            return None;
        }
        let plain = (s.first + 1..=s.last).all(|i| {
            self.toks[i].kind == TokenKind::Word
                && !matches!(
                    self.word(i),
                    Some(
                        "of" | "few"
                            | "lot"
                            | "number"
                            | "majority"
                            | "minority"
                            | "plurality"
                            | "third"
                            | "quarter"
                            | "half"
                            | "couple"
                            | "dozen"
                            | "handful"
                            | "host"
                            | "group"
                    )
                )
        });
        if !plain {
            return None;
        }
        // `How does a voter decide …`, `would a president say`: an inverted question.
        let prev = s.first.checked_sub(1);
        let pw = prev.and_then(|p| self.word(p)).unwrap_or_default();
        let pc = prev.map_or(0, |p| self.class(p));
        if pc & class::AUXILIARIES != 0 && pc & class::BE == 0 {
            return None;
        }
        let act = prev.filter(|&p| {
            self.toks[p].is_lowercase_word(self.text)
                && pc & (class::PREPOSITIONS | class::BE | class::BARE_STOPS) == 0
                && !matches!(
                    pw,
                    "of" | "by"
                        | "into"
                        | "under"
                        | "against"
                        | "without"
                        | "among"
                        | "within"
                        | "like"
                        | "than"
                )
                && !pw.ends_with("ing")
        });
        Some(act.unwrap_or(0))
    }

    /// `The council issued a statement saying …`: the first token of the act before a gerund
    /// cue (`issued a statement`, `released a letter`, `sent out an email`), which PolNeAR
    /// marks as part of the cue; a bounded look back of at most six tokens.
    fn issued_document(&self, f: &Frame) -> Option<usize> {
        if f.m.entry.form != VerbForm::Gerund {
            return None;
        }
        let mut k = f.first;
        if k > 0 && self.is_punct(k - 1, ',') {
            k -= 1;
        }
        let noun = self.word(k.checked_sub(1)?)?;
        if !matches!(
            noun,
            "statement" | "letter" | "memo" | "email" | "e-mail" | "message" | "note" | "tweet"
        ) {
            return None;
        }
        k -= 1;
        // a determiner and at most one modifier (`a joint statement`)
        let mut steps = 0;
        while k > 0 && steps < 2 {
            let w = self.word(k - 1)?;
            if matches!(w, "a" | "an" | "the") {
                k -= 1;
                break;
            }
            if !self.toks[k - 1].is_lowercase_word(self.text) {
                return None;
            }
            k -= 1;
            steps += 1;
        }
        let verb = self.word(k.checked_sub(1)?)?;
        let v = k - 1;
        match verb {
            "issued" | "released" | "sent" | "posted" | "published" | "issues" | "releases" => {
                Some(v)
            }
            "out" if v > 0 && matches!(self.word(v - 1), Some("put" | "sent" | "puts")) => {
                Some(v - 1)
            }
            _ => None,
        }
    }

    /// The last token of a verb cue with the words PolNeAR marks as part of it, given its
    /// last token `b`: `respond to`, `went on to say`, `continued to question`, `said in a
    /// statement`, `said in an email` (each more often in the cue than not on PolNeAR train;
    /// other catenatives, `declined to`, `seemed to`, are more often not).
    fn cue_tail(&self, b: usize) -> usize {
        let next = |k: usize| self.word(b + k).unwrap_or_default();
        // (every tail opens with one of three words: asked first, the `match` on the cue's
        // word below is a jump on its length, which the cue words' lengths kept mispredicting)
        if !matches!(next(1).as_bytes(), b"to" | b"in" | b"on") {
            return b;
        }
        let w = self.word(b).unwrap_or_default();
        let verb_after = |k: usize| {
            self.toks
                .get(b + k)
                .is_some_and(|t| t.is_lowercase_word(self.text))
        };
        match w {
            "respond" | "responding" if next(1) == "to" => b + 1,
            "on" if b > 0
                && matches!(
                    self.word(b - 1),
                    Some("went" | "go" | "goes" | "going" | "gone")
                )
                && next(1) == "to"
                && verb_after(2) =>
            {
                b + 2
            }
            "continue" | "continues" | "continued" | "continuing"
                if next(1) == "to" && verb_after(2) =>
            {
                b + 2
            }
            "said" | "says"
                if next(1) == "in"
                    && matches!((next(2), next(3)), ("a", "statement") | ("an", "email")) =>
            {
                b + 3
            }
            // `wrote on Facebook`, `said on Twitter`: the medium (PolNeAR train: 13 cues so
            // against 7 without)
            _ if next(1) == "on"
                && matches!(next(2), "twitter" | "facebook" | "instagram" | "youtube") =>
            {
                b + 2
            }
            _ => b,
        }
    }

    /// `Roe on Tuesday said`, `Roe last week said`: the token before a short time adjunct
    /// ending at token `j` (at most four words holding a day, a month or a time noun), when a
    /// word that may end a source precedes it; `j` otherwise.
    fn before_time_adjunct(&self, j: usize) -> usize {
        let is_anchor = |k: usize| {
            let c = self.class(k);
            c & (class::TIME_ANCHORS | class::WEEKDAYS) != 0
                || c & class::TIME_WORDS != 0 && self.toks[k].is_capitalized(self.text)
        };
        // `Carter however said`, `Officials there said`: a sentence adverb between the
        // source and its verb belongs to neither.
        if j > 0 && self.is(j, class::SKIPPED_ADVERBS) {
            return if self.may_end_source(j - 1) { j - 1 } else { j };
        }
        if !is_anchor(j) {
            return j;
        }
        let lowest = j.saturating_sub(4);
        let mut first = j;
        while first > lowest {
            let p = first - 1;
            if is_anchor(p)
                || self.is(p, class::TIME_LINKS)
                || self.toks[p].kind == TokenKind::Number
            {
                first = p;
            } else {
                break;
            }
        }
        // (`Ortiz, the mayor, on Tuesday said`: an apposition's comma may end the source)
        match first.checked_sub(1) {
            Some(src_end)
                if self.may_end_source(src_end)
                    || src_end > 0
                        && self.is_punct(src_end, ',')
                        && self.may_end_source(src_end - 1) =>
            {
                src_end
            }
            _ => j,
        }
    }

    /// `A person familiar with the talks said`: a source before its cue that is the object
    /// of `familiar with`, `close to`, `briefed on` … belongs to the noun phrase before that
    /// adjective (not before token `floor`), the one who was informed.
    fn with_informed_head(&self, mut f: Frame, floor: usize) -> Frame {
        let Some(s) = f.source.filter(|s| !f.source_after && s.first >= floor + 3) else {
            return f;
        };
        let informed = matches!(
            (self.word(s.first - 2), self.word(s.first - 1)),
            (Some("familiar" | "knowledgeable"), Some("with" | "about"))
                | (Some("close"), Some("to"))
                | (Some("briefed"), Some("on" | "about"))
                | (Some("involved"), Some("in"))
        );
        if !informed {
            return f;
        }
        if let Some(head) = self
            .finder
            .before(self.text, self.toks, s.first - 3, floor)
            .filter(|h| h.kind != MentionKind::Pronoun && h.kind != MentionKind::Relative)
        {
            f.source = Some(Mention {
                span: Span::new(head.span.start, s.span.end),
                kind: head.kind,
                first: head.first,
                last: s.last,
            });
        }
        f
    }

    /// True when frame `p` is a cue in a restrictive relative clause (`who asked not to be
    /// named`, no comma before `who`) that runs, with no punctuation, to within eight tokens
    /// of the next cue at token `a`.
    fn restrictive_relative(&self, p: &Frame, a: usize) -> bool {
        let Some(r) = p
            .source
            .filter(|r| r.kind == MentionKind::Relative && r.first == r.last)
        else {
            return false;
        };
        r.first > 0
            && !p.source_after
            && self.toks[r.first - 1].kind == TokenKind::Word
            && a > p.last
            && a - p.last <= 8
            && (r.first..a).all(|k| self.toks[k].kind != TokenKind::Punct)
    }

    /// True when token `k` may be the last of a source before its verb: a closing
    /// parenthesis, or a word that is no function word (`Roe`, `officials`; not `the`, `in`,
    /// `has`, `was`).
    fn may_end_source(&self, k: usize) -> bool {
        self.toks[k].is(self.text, ')')
            || self.toks[k].kind == TokenKind::Word
                && !self.is(
                    k,
                    class::BARE_STOPS | class::PREPOSITIONS | class::AUXILIARIES | class::BE,
                )
    }

    /// `Roe was quoted by the paper as saying …`: a verb cue's participle, an adjunct of at
    /// most [`PASSIVE_GAP`] words, then `as` and the gerund of a speech verb (`next`, at
    /// token `a2`), one passive cue from the participle (its last token `b`) to the gerund,
    /// framed like the speech verb; [`Self::frame`] takes it only after `be`.
    fn passive_as(&self, m: &CueMatch, b: usize, next: &CueMatch, a2: usize) -> Option<CueMatch> {
        let speech = |e: &CueEntry| e.kind == CueType::Verb && !e.belief && !e.evidential;
        let fits = speech(&m.entry)
            && matches!(m.entry.form, VerbForm::Past | VerbForm::Participle)
            && speech(&next.entry)
            && next.entry.form == VerbForm::Gerund
            && a2 >= b + 2
            && a2 - b - 2 <= PASSIVE_GAP
            && self.word(a2 - 1) == Some("as")
            && (b + 1..a2 - 1).all(|k| self.toks[k].kind == TokenKind::Word);
        fits.then(|| CueMatch {
            span: Span::new(m.span.start, next.span.end),
            entry: CueEntry {
                form: VerbForm::Past,
                passive: true,
                ..next.entry
            },
        })
    }

    /// `The minister is expected to say that …`: the participle of a belief verb whose
    /// passive is evidential (`p`'s cue, `is expected to`) and right after its `to` the base
    /// form of a speech verb (`m`, at token `a`): one cue from the participle to the speech
    /// verb, framed like the speech verb, whose source is the passive's subject.
    fn expected_speech(&self, p: &Frame, m: &CueMatch, a: usize) -> Option<CueMatch> {
        let e = &p.m.entry;
        let raising = e.belief
            && e.evidential
            && !e.adverb
            && matches!(e.form, VerbForm::Past | VerbForm::Participle)
            && p.cue_last + 2 == a
            && self.word(a - 1) == Some("to");
        let s = &m.entry;
        // (not a verb whose content is its object or an infinitive, nor one that often
        // means something else: `is expected to discuss the budget`, `the filings are
        // expected to show that …` stay what is expected)
        let speech = s.kind == CueType::Verb
            && s.form == VerbForm::Base
            && !(s.belief || s.evidential || s.object || s.infinitive || s.strict || s.passive);
        (raising && speech).then(|| CueMatch {
            span: Span::new(p.m.span.start, m.span.end),
            entry: m.entry,
        })
    }

    /// Whether `f` reports a clause that `that`, a quotation or a colon opens (`is expected to
    /// say that …`), not an object or a bare clause (`is expected to veto the bill`).
    fn reports_opened_clause(&self, f: &Frame) -> bool {
        let Some(c) = self
            .content_after(f, f.last + 1, self.toks.len())
            .and_then(|c| c.first().copied())
        else {
            return false;
        };
        let at = self.toks.partition_point(|t| t.span.start < c.start);
        quote_starting_at(self.quotes, c.start).is_some()
            || self.word(at) == Some("that")
            || at > 0 && self.is_punct(at - 1, ':')
    }

    /// `Sanders appears to lead`, `the bank is expected to raise rates`: a frame with no
    /// source whose subject belongs to the content; None when the cue is not used so.
    fn evidential_frame(&self, mut f: Frame, earlier: &[Frame]) -> Option<Frame> {
        let (a, b) = (f.first, f.last);
        let next = self.word(b + 1)?;
        if f.m.entry.form == VerbForm::Gerund {
            return None; // `appearing on TV`, `avoid appearing to …`
        }
        let mut first = a;
        if f.m.entry.adverb {
            // `Roe reportedly plans …`, `The club is reportedly spending …`: the subject
            // stands before the adverb and its auxiliaries (at most three).
            while first > 0 && a - first < 3 && self.is(first - 1, class::AUXILIARIES | class::BE) {
                first -= 1;
            }
        } else if f.m.entry.belief {
            // only the passive: `is expected to`, `is widely expected to`
            let adverb = a > 1
                && self.word(a - 1).is_some_and(|w| {
                    is_manner_adverb(self.text, &self.toks[a - 1], w)
                        || matches!(w, "also" | "still" | "now" | "not" | "already")
                });
            let be = if adverb { a - 1 } else { a };
            let passive = matches!(f.m.entry.form, VerbForm::Past | VerbForm::Participle)
                && be > 0
                && self.is(be - 1, class::BE);
            if !passive || next != "to" {
                return None;
            }
            first = be - 1;
        } else {
            // `seems to`, `appeared rattled`, `it appears that`; not `appeared on TV`
            let t = &self.toks[b + 1];
            let opens = next == "to"
                || next == "that"
                || (t.is_lowercase_word(self.text)
                    && !self.is(
                        b + 1,
                        class::ADJUNCT_STARTS | class::PREPOSITIONS | class::CLAUSE_DETERMINERS,
                    )
                    && !matches!(next, "together" | "like" | "alongside" | "beside"));
            if !opens {
                return None;
            }
        }
        while first > 0
            && self
                .word(first - 1)
                .is_some_and(|w| matches!(w, "also" | "still" | "now" | "already"))
        {
            first -= 1;
        }
        // (an adverb's cue is the adverb alone)
        f.first = if f.m.entry.adverb { a } else { first };
        f.evidential = true;
        let passive_belief = f.m.entry.belief;
        if first > 0 && self.toks[first - 1].kind == TokenKind::Word {
            let floor = earlier.last().map_or(0, |p| p.last + 1);
            f.subject = self
                .finder
                .before(self.text, self.toks, first - 1, floor)
                .or_else(|| self.bare_subject(first - 1, floor))
                .filter(|m| {
                    !(m.kind == MentionKind::Pronoun
                        && matches!(self.word(m.first), Some("it" | "there")))
                        // `a vote which is expected to pass`: a passive's relative pronoun
                        // stands for what is expected (PolNeAR's content)
                        && (m.kind != MentionKind::Relative || passive_belief)
                });
        }
        // `The new government, headed by Jane Roe, seems ready to …`: a subject before an
        // aside between commas, with the aside (PolNeAR's content)
        if f.subject.is_none() && first > 1 && self.is_punct(first - 1, ',') {
            let floor = earlier.last().map_or(0, |p| p.last + 1);
            f.subject = self.subject_before_comma(first - 1, floor, true);
        }
        // Without a subject of its own (`it appears that`, `cases that seemed …`) the
        // verb is too often no attribution.
        f.subject?;
        Some(f)
    }

    /// `Mr. Daniloff, now 81 and retired in Cambridge, Mass., said`: a clause opening with
    /// a name and a comma, whose words up to the comma at token `comma` (just before the
    /// cue) are the source with its apposition, whatever the apposition holds (bounded
    /// to 40 tokens, no quotation inside).
    fn long_apposition(&self, comma: usize, floor: usize) -> Option<Mention> {
        self.subject_before_comma(comma, floor, false)
    }

    /// [`Self::long_apposition`]; with `content`, any noun phrase may open the clause (`The
    /// new government, headed by Jane Roe,`) and the phrase with its aside is returned: the
    /// subject of an evidential verb, which is content.
    fn subject_before_comma(&self, comma: usize, floor: usize, content: bool) -> Option<Mention> {
        let lowest = floor.max(comma.saturating_sub(40));
        let mut start = None;
        let mut skip_to: Option<usize> = None;
        for k in (lowest..comma).rev() {
            let t = &self.toks[k];
            if let Some(o) = skip_to {
                if k == o {
                    skip_to = None;
                }
                continue;
            }
            // `Rep. Jane Roe (D-Ohio), who …, said`: a bracket inside the name.
            if t.is(self.text, ')') {
                skip_to = (lowest.max(k.saturating_sub(8))..k)
                    .rev()
                    .find(|&o| self.is_punct(o, '('));
                if skip_to.is_some() {
                    continue;
                }
            }
            if t.kind == TokenKind::Punct
                && (matches!(t.as_str(self.text), ";" | ":" | "(" | ")")
                    || is_open_quote_char(t.as_str(self.text))
                    || is_close_quote_char(t.as_str(self.text)))
            {
                start = Some(k + 1);
                break;
            }
        }
        let mut start = match start {
            Some(s) => s,
            None if lowest == 0 => 0,
            None => return None,
        };
        while start < comma && self.is(start, class::DISCOURSE) {
            start += 1;
        }
        // `Similarly, Roe, a potter, said`: a sentence adverb and its comma.
        if start + 1 < comma
            && self
                .word(start)
                .is_some_and(|w| w.len() > 4 && w.ends_with("ly"))
            && self.is_punct(start + 1, ',')
        {
            start += 2;
        }
        // `In July, Roe, vice chair of the board, said`: a short opening adjunct and its comma.
        if self.is(start, class::PREPOSITIONS | class::TIME_WORDS) {
            if let Some(c) = (start + 1..comma.min(start + 6)).find(|&c| self.is_punct(c, ',')) {
                start = c + 1;
            }
        }
        // (as content, any plain noun phrase opening the clause: `The bank, under pressure,`)
        let plain = || {
            let c1 = (start + 1..comma.min(start + 7)).find(|&k| self.is_punct(k, ','))?;
            let opens = self.toks[start].is_capitalized(self.text)
                || matches!(
                    self.word(start),
                    Some("the" | "a" | "an" | "this" | "that" | "his" | "her" | "its" | "their")
                );
            ((start..c1).all(|k| self.toks[k].kind == TokenKind::Word) && opens).then(|| Mention {
                span: Span::new(self.toks[start].span.start, self.toks[c1 - 1].span.end),
                kind: MentionKind::Description,
                first: start,
                last: c1 - 1,
            })
        };
        let m = match self.finder.after(self.text, self.toks, start, comma) {
            Some(m) => m,
            None if content => plain()?,
            None => return None,
        };
        let kind = if content {
            !matches!(m.kind, MentionKind::Pronoun | MentionKind::Relative)
                || !matches!(
                    self.word(m.first),
                    Some("it" | "there" | "this" | "that" | "which" | "who")
                )
        } else {
            matches!(m.kind, MentionKind::Name | MentionKind::Group)
        };
        if m.first != start || !kind || !self.is_punct(m.last + 1, ',') || m.last + 1 >= comma {
            return None;
        }
        // `Ted Cruz, by contrast, said`, `Roe, during a visit to Ohio, said`: an aside, not
        // part of the source.
        if !content && crate::mentions::opens_aside(self.text, self.toks, m.last + 2) {
            return Some(m);
        }
        Some(Mention {
            span: Span::new(m.span.start, self.toks[comma - 1].span.end),
            kind: m.kind,
            first: start,
            last: comma - 1,
        })
    }

    /// A subject the mention finder does not know (`Her campaign workers here said`, `Six
    /// in 10 say`, `Sanders' team said`): the words from a clause boundary (the sentence
    /// start, a comma, a conjunction) to token `last`, at most eight, not opening with a
    /// preposition.
    fn bare_subject(&self, last: usize, floor: usize) -> Option<Mention> {
        let t = self.toks.get(last)?;
        let w = match t.kind {
            TokenKind::Number => "",
            _ => self.word(last)?,
        };
        let stops = class::BARE_STOPS | class::PREPOSITIONS | class::AUXILIARIES | class::BE;
        if self.is(last, stops) || (w.ends_with("ly") && t.is_lowercase_word(self.text)) {
            return None;
        }
        let lowest = floor.max(last.saturating_sub(8));
        let mut first = last;
        while first > lowest {
            let p = &self.toks[first - 1];
            let boundary = match p.kind {
                TokenKind::Punct => !matches!(p.as_str(self.text), "-" | "." | "'" | "’"),
                _ => self.is(first - 1, class::BARE_STOPS),
            };
            if boundary {
                break;
            }
            first -= 1;
        }
        let at_boundary = first == 0
            || first == floor && floor > 0
            || self.toks[first - 1].kind == TokenKind::Punct
            || self.is(first - 1, class::BARE_STOPS);
        if !at_boundary || first == floor && floor > 0 {
            return None;
        }
        if self.is(
            first,
            class::PREPOSITIONS | class::TIME_WORDS | class::BARE_STOPS,
        ) {
            return None;
        }
        // It opens like a noun phrase (a capital, a determiner, a number) and ends with a
        // noun, not a determiner or a possessive (`The tweet`, `Editor’s note`: nouns).
        let ft = &self.toks[first];
        let opens = ft.kind == TokenKind::Number
            || ft.is_capitalized(self.text)
            || self.is(first, class::CLAUSE_DETERMINERS);
        if !opens
            || self.is(last, class::CLAUSE_DETERMINERS)
            || w.ends_with("’s")
            || w.ends_with("'s")
        {
            return None;
        }
        if self.toks[first].kind == TokenKind::Punct {
            return None;
        }
        // Only noun-phrase words: no verb, adverb or pronoun inside (`Twitter made his …`).
        let nominal = (first..=last).all(|k| {
            let tk = &self.toks[k];
            let Some(w) = self.word(k) else {
                return true; // numbers, hyphens
            };
            let c = self.class(k);
            if tk.is_capitalized(self.text) {
                return c & class::BARE_STOPS == 0;
            }
            if matches!(w, "in" | "of") {
                return k > first && k < last;
            }
            c & class::CLAUSE_DETERMINERS != 0
                || !(w.ends_with("ed")
                    || w.ends_with("ing")
                    || w.ends_with("ly")
                    || c & stops != 0
                    || matches!(
                        w,
                        "he" | "she" | "they" | "we" | "i" | "you" | "him" | "them"
                    ))
        });
        if !nominal {
            return None;
        }
        Some(Mention {
            span: Span::new(self.toks[first].span.start, t.span.end),
            kind: MentionKind::Description,
            first,
            last,
        })
    }

    /// `Most said`, `Half say`, `most of them said`: a quantifier standing for a group, as
    /// the whole subject of its clause (after punctuation, a conjunction or the floor).
    fn quantifier_subject(&self, last: usize, floor: usize) -> Option<Mention> {
        const QUANTIFIERS: &[&str] = &[
            "most", "many", "some", "all", "half", "both", "each", "few", "several", "none", "one",
            "two", "three", "four", "five", "majority", "others",
        ];
        let w = self.word(last)?;
        let first = if matches!(w, "them" | "us" | "those") {
            // `most of them`, `all of those`
            let q = last.checked_sub(2).filter(|&q| q >= floor)?;
            (self.word(q + 1) == Some("of")
                && self.word(q).is_some_and(|qw| QUANTIFIERS.contains(&qw)))
            .then_some(q)?
        } else if matches!(
            w,
            "most" | "half" | "both" | "each" | "several" | "few" | "none" | "another" | "others"
        ) {
            last
        } else {
            return None;
        };
        let opens_clause = first == 0
            || first == floor
            || self.toks[first - 1].kind == TokenKind::Punct
                && !is_close_quote_char(self.tok_str(first - 1))
            || self
                .word(first - 1)
                .is_some_and(|p| matches!(p, "and" | "but" | "yet" | "while" | "whereas"));
        opens_clause.then(|| Mention {
            span: Span::new(self.toks[first].span.start, self.toks[last].span.end),
            kind: MentionKind::Group,
            first,
            last,
        })
    }

    /// `X said A, adding B`: the subject of the sentence for a gerund after a comma.
    fn subject(&self, earlier: &[Frame], before: usize) -> Option<Mention> {
        if let Some(f) = earlier.iter().rev().find(|f| f.source.is_some()) {
            return f.source;
        }
        // The subject of the nearest clause: after `, and` / `but` / `;`, else the sentence's.
        let lowest = before.saturating_sub(30);
        let mut i = 0;
        for k in (lowest..before.saturating_sub(2)).rev() {
            let conj = matches!(self.word(k), Some("and" | "but" | "while"))
                && k > 0
                && self.is_punct(k - 1, ',');
            if conj || self.is_punct(k, ';') {
                i = k + 1;
                break;
            }
        }
        while i < before && self.is(i, class::DISCOURSE) {
            i += 1;
        }
        let clause = i;
        let at = |i: usize| -> Option<Mention> {
            let mut m = self.finder.after(self.text, self.toks, i, before)?;
            // `The president left no doubt …, saying`: a description or group opening the
            // clause is its subject too, up to its verb.
            let opening = i == clause
                && m.first == i
                && matches!(m.kind, MentionKind::Description | MentionKind::Group);
            if opening {
                m = self.before_past_verb(m);
                // (`A few minutes later they …`: a time phrase is no subject; `the other
                // candidate on the stage, …`: nor is a phrase its preposition continues)
                let timed = (m.first..=m.last).any(|k| {
                    let w = self.word(k).unwrap_or_default();
                    self.is(k, class::TIME_WORDS)
                        || matches!(
                            w,
                            "later" | "earlier" | "ago" | "minutes" | "hours" | "days" | "weeks"
                        )
                });
                let continued = self.word(m.last + 1).is_some_and(|w| {
                    self.is(m.last + 1, class::PREPOSITIONS)
                        || matches!(w, "of" | "to" | "by" | "from" | "at")
                });
                if timed || continued {
                    return None;
                }
            } else if !matches!(m.kind, MentionKind::Name | MentionKind::Pronoun) {
                return None;
            }
            // `Facing criticism, Roe …`, `Publicly, Roe …`, `Hours later, Roe …`, `Amid
            // protests, Roe …`: an opening participle, adverb, time phrase or preposition is
            // no subject.
            let w = self.word(m.first).unwrap_or_default();
            let opener = m.first == m.last
                && (w.ends_with("ing")
                    || w.ends_with("ly")
                    || self.is(m.first, class::PREPOSITIONS)
                    || matches!(w, "amid" | "amidst" | "following" | "despite")
                    || matches!(
                        w,
                        "minutes" | "hours" | "days" | "weeks" | "months" | "years" | "moments"
                    ));
            if opener {
                return None;
            }
            // The subject is followed by its verb (a lowercase word), or a name by its
            // apposition (`Sen. Jane Roe, R-Ohio, who …, dropped …`).
            let next = self.toks.get(m.last + 1)?;
            if next.is_lowercase_word(self.text) {
                return Some(m);
            }
            if !(m.kind == MentionKind::Name && next.is(self.text, ',')) {
                return None;
            }
            Some(self.subject_apposition(m, before).unwrap_or(m))
        };
        // `On Thursday, Warren appeared …, saying`: past an opening adjunct.
        // (`Asked on Monday whether …, Mrs. Roe shook her head and said`: after a later one)
        at(i).or_else(|| {
            (i + 1..before.min(i + 30))
                .filter(|&k| self.is_punct(k, ','))
                .take(3)
                .find_map(|comma| at(comma + 1))
        })
    }

    /// Description `m` cut before the first past-tense verb inside it, after its first two
    /// words (`The president left no doubt` gives `The president`); `m` when there is none.
    fn before_past_verb(&self, m: Mention) -> Mention {
        let verb = (m.first + 2..=m.last).find(|&k| {
            let w = self.word(k).unwrap_or_default();
            let prev = self.word(k - 1).unwrap_or_default();
            self.toks[k].is_lowercase_word(self.text)
                && !DETERMINERS_BEFORE_ADJECTIVE.contains(&prev)
                && (w.len() > 4 && w.ends_with("ed") || IRREGULAR_PAST.contains(&w))
        });
        // (`The candidates briefly put away …`: an adverb before the verb goes with it)
        let verb = verb.map(|k| {
            if self.word(k - 1).is_some_and(|p| p.ends_with("ly")) {
                k - 1
            } else {
                k
            }
        });
        match verb.filter(|&k| k >= m.first + 2) {
            Some(k) => Mention {
                span: Span::new(m.span.start, self.toks[k - 1].span.end),
                last: k - 1,
                ..m
            },
            None => m,
        }
    }

    /// `Owen Jones, a columnist who is gay, walked off …, arguing`: subject `m` with the
    /// apposition after it, up to the comma its verb follows (a lowercase word that opens no
    /// clause), before token `before` and within a bounded window.
    fn subject_apposition(&self, m: Mention, before: usize) -> Option<Mention> {
        let a = m.last + 2;
        let aw = self.word(a)?;
        let appositive = matches!(
            aw,
            "a" | "an" | "the" | "who" | "whose" | "which" | "his" | "her" | "their" | "its"
        ) || self.toks[a].is_capitalized(self.text)
            || self.finder.is_title(aw);
        if !appositive {
            return None;
        }
        let end = before.min(a + 30).min(self.toks.len());
        for c in a + 1..end {
            let t = &self.toks[c];
            if t.kind != TokenKind::Punct {
                continue;
            }
            let s = t.as_str(self.text);
            if is_open_quote_char(s) || is_close_quote_char(s) || matches!(s, ";" | ":" | "—") {
                return None;
            }
            if s == "," {
                let n = self.toks.get(c + 1)?;
                let w = self.toks.lower(c + 1);
                let verb = n.is_lowercase_word(self.text)
                    && !w.ends_with("ing")
                    && !matches!(
                        w,
                        "and" | "but" | "or" | "who" | "which" | "whose" | "a" | "an" | "the"
                    )
                    && !self.is(c + 1, class::PREPOSITIONS);
                if verb {
                    return Some(Mention {
                        span: Span::new(m.span.start, self.toks[c - 1].span.end),
                        last: c - 1,
                        ..m
                    });
                }
            }
        }
        None
    }

    /// `…,” said Smith.`: the source after cue token `b`, followed by punctuation.
    fn inverted(&self, b: usize) -> Option<Mention> {
        let m = self
            .finder
            .after(self.text, self.toks, b + 1, self.toks.len())?;
        if m.kind == MentionKind::Pronoun && self.word(m.first) == Some("it") {
            return None;
        }
        let next = m.last + 1;
        match self.toks.get(next) {
            None => Some(m),
            // `said Jane Roe, a potter from Hull, who …`: the apposition is added once every
            // frame of the sentence is known (`MentionFinder::apposition_after`).
            Some(t) if t.kind == TokenKind::Punct => Some(m),
            Some(_) => {
                let w = self.word(next).unwrap_or_default();
                if matches!(
                    w,
                    "who" | "whose" | "involved" | "close" | "familiar" | "based" | "known"
                ) {
                    // `said a source close to the campaign`
                    Some(self.extend_source(m, next))
                } else if self.is(next, class::PREPOSITIONS | class::TIME_WORDS)
                    || matches!(w, "speaking" | "adding" | "referring" | "noting")
                {
                    // `said Smith in an interview`, `said Smith when asked`
                    Some(m)
                } else {
                    self.titled_name_after(m).or_else(|| {
                        // (not after a gerund: `Listing … she added`)
                        let gerund = self.word(b).is_some_and(|w| w.ends_with("ing"));
                        (!gerund && self.toks[m.first].is_capitalized(self.text))
                            .then(|| self.of_phrase_tail(m))
                            .flatten()
                    })
                }
            }
        }
    }

    /// `said Robert Roe of the Ohio delegation.`: a name whose `of`/`for`/`from` phrase the
    /// mention finder ended at its last capital, taken to the end of the sentence or
    /// clause when only a few lowercase words (the phrase's head) remain.
    fn of_phrase_tail(&self, m: Mention) -> Option<Mention> {
        let connector = (m.first + 1..m.last)
            .any(|k| matches!(self.word(k), Some("of" | "for" | "from" | "at")));
        if !connector || m.kind != MentionKind::Name {
            return None;
        }
        let stop = self.toks.len().min(m.last + 5);
        let mut k = m.last + 1;
        while k < stop
            && self.toks[k].is_lowercase_word(self.text)
            && self.word(k).is_some_and(|w| {
                !self.is(
                    k,
                    class::BARE_STOPS | class::PREPOSITIONS | class::TIME_WORDS,
                ) && !matches!(w, "of" | "to" | "by")
            })
        {
            k += 1;
        }
        let ends = self.toks.get(k).map_or(true, |t| {
            matches!(t.as_str(self.text), "." | "," | ";" | "!" | "?")
        });
        (k > m.last + 1 && ends).then(|| Mention {
            span: Span::new(m.span.start, self.toks[k - 1].span.end),
            last: k - 1,
            ..m
        })
    }

    /// `A third of independents, 33%,` before the cue (comma `j`): a share restated as a
    /// percentage between commas, with all of its clause from the sentence start (or the
    /// last frame) as the source; at most 20 tokens, commas the only punctuation.
    fn share_apposition(&self, j: usize, earlier: &[Frame]) -> Option<Mention> {
        let p = j.checked_sub(1)?;
        let percent = self.is_punct(p, '%') || self.word(p) == Some("percent");
        let n = p.checked_sub(1)?;
        if !percent || self.toks[n].kind != TokenKind::Number || n < 2 || !self.is_punct(n - 1, ',')
        {
            return None;
        }
        let floor = earlier.last().map_or(0, |f| f.last + 1);
        if j - floor > 20
            || (floor..j)
                .any(|k| self.toks[k].kind == TokenKind::Punct && !self.is_punct(k, ',') && k != p)
        {
            return None;
        }
        let mut start = floor;
        while start + 1 < n && self.is(start, class::DISCOURSE) {
            start += 1;
        }
        (start + 1 < n - 1).then(|| Mention {
            span: Span::new(self.toks[start].span.start, self.toks[p].span.end),
            kind: MentionKind::Group,
            first: start,
            last: p,
        })
    }

    /// `said Clinton ally James Carville`, `said Republican party boss Jane Roe`: mention `m`
    /// followed by at most three lowercase words and then a name, up to punctuation, the
    /// sentence end or a preposition (at most twelve tokens on).
    fn titled_name_after(&self, m: Mention) -> Option<Mention> {
        let stop = self.toks.len().min(m.last + 13);
        let mut k = m.last + 1;
        let mut lowers = 0;
        while k < stop && self.toks[k].is_lowercase_word(self.text) {
            if self.is(k, class::BARE_STOPS | class::PREPOSITIONS) {
                return None;
            }
            lowers += 1;
            if lowers > 3 {
                return None;
            }
            k += 1;
        }
        if lowers == 0 || k >= stop || !self.toks[k].is_capitalized(self.text) {
            return None;
        }
        let mut last = k;
        while k < stop
            && (self.toks[k].is_capitalized(self.text)
                || self.is_punct(k, '.')
                    && k + 1 < stop
                    && self.toks[k + 1].is_capitalized(self.text))
        {
            if self.toks[k].kind == TokenKind::Word {
                last = k;
            }
            k += 1;
        }
        let ends = k >= self.toks.len()
            || self.toks[k].kind == TokenKind::Punct
            || self.is(k, class::PREPOSITIONS)
            || matches!(self.word(k), Some("of" | "who"));
        ends.then(|| Mention {
            span: Span::new(m.span.start, self.toks[last].span.end),
            kind: MentionKind::Name,
            first: m.first,
            last,
        })
    }

    /// `“…,” said a 2008 Clinton veteran.`: after a quotation, a determiner and the words
    /// up to the sentence end or a comma (at most eight) are the source the finder missed.
    fn described_after(&self, b: usize) -> Option<Mention> {
        let first = b + 1;
        let w = self.word(first)?;
        if !matches!(
            w,
            "a" | "an" | "the" | "one" | "another" | "two" | "three" | "several" | "some"
        ) {
            return None;
        }
        let stop = self.toks.len().min(first + 9);
        let mut k = first + 1;
        while k < stop && self.toks[k].kind != TokenKind::Punct {
            let w = self.word(k).unwrap_or_default();
            if matches!(w, "who" | "whose" | "that" | "when" | "as" | "in" | "on") {
                break;
            }
            k += 1;
        }
        if k == first + 1 || k == stop {
            return None;
        }
        let end_ok = k == self.toks.len()
            || self.toks[k].kind == TokenKind::Punct
            || matches!(self.word(k), Some("who" | "whose"));
        if !end_ok {
            return None;
        }
        let m = Mention {
            span: Span::new(self.toks[first].span.start, self.toks[k - 1].span.end),
            kind: MentionKind::Description,
            first,
            last: k - 1,
        };
        Some(if self.word(k).is_some() {
            self.extend_source(m, k)
        } else {
            m
        })
    }

    /// Mention `m` extended from token `from` to the next comma, semicolon, quotation or
    /// the sentence end, at most 25 tokens on.
    fn extend_source(&self, m: Mention, from: usize) -> Mention {
        let stop = self.toks.len().min(from + 25);
        let mut k = from;
        while k < stop {
            let t = &self.toks[k];
            if t.kind == TokenKind::Punct
                && (matches!(t.as_str(self.text), "," | ";" | "." | "!" | "?" | "(" | ":")
                    || quote_starting_at(self.quotes, t.span.start).is_some())
            {
                break;
            }
            k += 1;
        }
        if k == stop && k < self.toks.len() {
            return m; // too long to be one phrase
        }
        let last = k - 1;
        Mention {
            span: Span::new(m.span.start, self.toks[last].span.end),
            last,
            ..m
        }
    }

    /// End byte of content stopping before token `limit` (exclusive), without trailing
    /// sentence punctuation (closing quote marks stay).
    fn content_end(&self, from: usize, limit: usize) -> Option<usize> {
        let mut e = limit;
        while e > from {
            let t = &self.toks[e - 1];
            let s = t.as_str(self.text);
            if t.kind == TokenKind::Punct
                && matches!(s, "." | "," | ";" | ":" | "!" | "?" | "—" | "–" | "-" | "(")
                && limit - e < 4
            {
                e -= 1;
            } else {
                break;
            }
        }
        (e > from).then(|| self.toks[e - 1].span.end)
    }

    /// `As the paper noted (in May), …`: a frame opened by `as` before its source, whose
    /// clause ends at a comma; the comma's token index.
    fn as_comma(&self, f: &Frame) -> Option<usize> {
        // `According to the survey, 51 percent said …`: the whole clause after an opening
        // phrase cue is its content (PolNeAR marks no attribution of its own inside it).
        if f.m.entry.kind == CueType::Phrase && f.source_after {
            let opens = f.first == 0 || !self.is_punct(f.first - 1, ',');
            let comma = f.source?.last + 1;
            return (opens && self.is_punct(comma, ',') && comma + 1 < self.toks.len())
                .then_some(comma);
        }
        if f.m.entry.kind != CueType::Verb || f.source_after {
            return None;
        }
        let s = f.source?;
        let p = s.first.checked_sub(1)?;
        if self.word(p) != Some("as") {
            return None;
        }
        let opens =
            p == 0 || self.toks[p - 1].kind == TokenKind::Punct || self.is(p - 1, class::DISCOURSE);
        if !opens {
            return None;
        }
        let stop = self.toks.len().min(f.last + 12);
        let comma = (f.last + 1..stop).find(|&k| self.toks[k].kind == TokenKind::Punct)?;
        // Nothing or an adjunct between the cue and the comma (`as X noted in May,`), not an
        // object (`as they call each other,`, `as polls show him ahead,`).
        // (`as Roe told the Daily News,`: whom it was told to)
        let bare = comma == f.last + 1
            || f.m.entry.addressee
            || self.is(f.last + 1, class::PREPOSITIONS | class::TIME_WORDS);
        (bare && self.is_punct(comma, ',') && comma + 1 < self.toks.len()).then_some(comma)
    }

    /// Content following the cue (from token `i`), up to token `limit`.
    fn content_after(&self, f: &Frame, mut i: usize, limit: usize) -> Option<Vec<Span>> {
        let text = self.text;
        // `a new poll shows Trump leading …`: with evidence as its subject, a strict verb
        // (`show`, `find`, `indicate`) takes its object clause as content.
        let evidence = f.m.entry.kind == CueType::Verb
            && !f.source_after
            && f.source.is_some_and(|s| {
                // any noun of the phrase (`a poll of voters in Ohio`, `FEC records from
                // 2008`, `The most recent polling in Florida`)
                (s.first..=s.last)
                    .take(16)
                    .any(|h| self.is(h, class::EVIDENCE))
            });
        let strict = (f.m.entry.strict && !evidence) || f.m.entry.kind == CueType::Noun;
        if f.m.entry.object
            && !f.m.entry.strict
            && self.is_punct(i, ',')
            // (`responded, “Thank you.”`: a quotation after the comma is what was said)
            && !self
                .toks
                .get(i + 1)
                .is_some_and(|n| quote_starting_at(self.quotes, n.span.start).is_some())
        {
            return None; // `won with 60% support, …`: no object
        }
        let mut colon = false;
        let comma_after_cue = self.is_punct(i, ',');
        while i < limit && (self.is_punct(i, ',') || self.is_punct(i, ':')) {
            colon |= self.is_punct(i, ':');
            i += 1;
        }
        if i >= limit {
            return None;
        }
        // `believes, for example, that …`: an aside between commas before the content.
        if comma_after_cue
            && self.word(i).is_some_and(|w| {
                matches!(
                    w,
                    "for"
                        | "however"
                        | "in"
                        | "of"
                        | "though"
                        | "moreover"
                        | "meanwhile"
                        | "again"
                        | "instead"
                        | "indeed"
                        | "perhaps"
                        | "too"
                        | "also"
                        | "per"
                        | "without"
                ) || self.is(i, class::PREPOSITIONS | class::TIME_WORDS)
            })
        {
            // (`said, on Twitter, that …`, `said, Tuesday, that …`, `said, per a
            // translator, that …`: at most six words)
            let close = (i + 1..limit.min(i + 7))
                .take_while(|&k| self.toks[k].kind != TokenKind::Punct || self.is_punct(k, ','))
                .find(|&k| self.is_punct(k, ','));
            if let Some(c) = close.filter(|&c| c + 1 < limit) {
                let next = self.toks[c + 1];
                if self.word(c + 1) == Some("that")
                    || quote_starting_at(self.quotes, next.span.start).is_some()
                {
                    i = c + 1;
                }
            }
        }
        // `said — on Twitter, as it happens — that …`: an aside between dashes.
        if !comma_after_cue && (self.is_punct(i, '—') || self.is_punct(i, '–')) {
            let close = (i + 1..limit.min(i + 12))
                .take_while(|&k| {
                    self.toks[k].kind != TokenKind::Punct
                        || self.is_punct(k, ',')
                        || self.is_punct(k, '—')
                        || self.is_punct(k, '–')
                })
                .find(|&k| self.is_punct(k, '—') || self.is_punct(k, '–'));
            if let Some(c) = close.filter(|&c| c > i + 1 && c + 1 < limit) {
                let next = self.toks[c + 1];
                if self.word(c + 1) == Some("that")
                    || quote_starting_at(self.quotes, next.span.start).is_some()
                {
                    i = c + 1;
                }
            }
        }
        if let Some(k) = self.that_after_medium_phrase(f, i, limit) {
            i = k;
        }
        if f.m.entry.addressee {
            // `told reporters (on Tuesday) that …`: skip whom it was told to.
            // The addressee ends before `that` or a question word (`asked the minister why`).
            let ceil = (i..limit.min(i + 16))
                .find(|&k| {
                    let c = self.class(k);
                    c & class::CLAUSE_OPENERS_AFTER_ADDRESSEE != 0
                        || k > i && c & class::POSSESSIVE_DETERMINERS != 0
                })
                .unwrap_or(limit);
            if let Some(mut m) = self.finder.after(text, self.toks, i, ceil) {
                // `told reporters the plan was …`: the finder reads on over a determiner
                // after a head noun; the addressee ends at the noun.
                if let Some(k) = (m.first + 1..=m.last).find(|&k| {
                    self.is(k, class::DETERMINERS)
                        && self
                            .word(k - 1)
                            .is_some_and(|w| self.finder.is_group(w) || self.finder.is_title(w))
                }) {
                    m.last = k - 1;
                }
                // `asked a judge to block the rules`: the addressee and what it was asked
                if self.word(m.last + 1) == Some("to")
                    && (!matches!(m.kind, MentionKind::Pronoun)
                        // `asking them to host events`
                        || matches!(
                            self.word(m.first),
                            Some("them" | "him" | "us" | "me")
                        ))
                    && quote_starting_at(self.quotes, self.toks[i].span.start).is_none()
                {
                    let stop = limit.min(i + 60);
                    let end_tok = (m.last + 2..stop)
                        .find(|&k| self.is_punct(k, ',') || self.is_punct(k, ';'))
                        .unwrap_or(limit);
                    let end = self.content_end(i, end_tok)?;
                    return Some(vec![Span::new(self.toks[i].span.start, end)]);
                }
                if quote_starting_at(self.quotes, self.toks[i].span.start).is_none() {
                    i = m.last + 1;
                    while i < limit && (self.is_punct(i, ',') || self.is_punct(i, ':')) {
                        colon |= self.is_punct(i, ':');
                        i += 1;
                    }
                    if i >= limit {
                        return None;
                    }
                    let w = self.word(i).unwrap_or_default();
                    let quoted = quote_starting_at(self.quotes, self.toks[i].span.start).is_some();
                    let pronoun = matches!(w, "he" | "she" | "they" | "it" | "we" | "i")
                        || contraction_pronoun(w).is_some(); // `told Reuters he’d …`
                    if !(quoted
                        || colon
                        || pronoun
                        || w == "that"
                        || self.is(i, class::ADJUNCT_STARTS))
                    {
                        // `told a Wall Street Journal lunch group that …`: the rest of a long
                        // addressee, then `that`, within a few words.
                        // (`told supporters in Columbus, Ohio, that …`, `told reporters,
                        // however, that …`: commas inside)
                        let that = (i..limit.min(i + 8))
                            .take_while(|&k| {
                                self.toks[k].kind != TokenKind::Punct || self.is_punct(k, ',')
                            })
                            .find(|&k| self.word(k) == Some("that"));
                        // `told the AP his firm worked …`: a speech verb's clause starts
                        // right after the addressee, with a noun phrase of its own.
                        let opens = !f.m.entry.strict
                            && (self.is(i, class::CLAUSE_DETERMINERS)
                                || self.toks[i].kind == TokenKind::Number
                                || self.toks[i].is_capitalized(text));
                        // `told the mayors who gathered in the city, “…”`: a relative clause
                        // on the addressee, then a quotation after its comma.
                        let relative_quote = (w == "who")
                            .then(|| {
                                (i + 1..limit.min(i + 16))
                                    .take_while(|&k| {
                                        self.toks[k].kind != TokenKind::Punct
                                            || self.is_punct(k, ',')
                                    })
                                    .find(|&k| {
                                        self.is_punct(k, ',')
                                            && self.toks.get(k + 1).is_some_and(|n| {
                                                quote_starting_at(self.quotes, n.span.start)
                                                    .is_some()
                                            })
                                    })
                            })
                            .flatten()
                            .filter(|&k| k + 1 < limit);
                        match (that, relative_quote) {
                            (_, Some(k)) => i = k + 1,
                            (Some(k), None) => i = k,
                            (None, None) if opens => {}
                            (None, None) => return None,
                        }
                    }
                }
            } else if let Some(k) = self.pronoun_after_addressee(i, limit) {
                // `told the board it was over`: an addressee the mention finder does not
                // know, then a clause opened by a subject pronoun.
                i = k;
            } else if let Some(k) = self.clause_after_listener(i, limit) {
                i = k;
            }
        }
        let t = self.toks[i];
        // `a book called “Hope”`: a name right after `called` is no object of naming.
        let cue_word = self.toks.lower(f.cue_last);
        let naming = f.m.entry.object && cue_word.starts_with("call");
        // (`what he called “our arguments”` has its speaker before it: a name or pronoun)
        let named_speaker = f
            .source
            .is_some_and(|s| matches!(s.kind, MentionKind::Pronoun | MentionKind::Name));
        if naming && !named_speaker && quote_starting_at(self.quotes, t.span.start).is_some() {
            return None;
        }
        if let Some(q) = quote_starting_at(self.quotes, t.span.start) {
            return Some(self.quoted_content(q, limit));
        }
        let w = self.toks.lower(i);
        let question = f.m.entry.addressee
            && matches!(
                w,
                "if" | "how" | "what" | "why" | "which" | "who" | "when" | "where"
            )
            // `explained how …`, `did not say why …`: a speech verb's indirect question
            // (`when`, `where`, `if` after one more often open an adjunct: `said when asked`);
            // also an object verb's, but for its gerund (`questioned why …`)
            || f.m.entry.kind == CueType::Verb
                && (!f.m.entry.object || f.m.entry.form != VerbForm::Gerund)
                && !f.m.entry.belief
                && !f.source_after
                && matches!(w, "how" | "what" | "why");
        if w == "that" || w == "whether" || question {
            // `said that …`, `asked whether …`
            let end = self.content_end(i, limit)?;
            return Some(vec![Span::new(t.span.start, end)]);
        }
        // `believed to be …` is not content; `wants to raise …`, `vowed to fight …` (a verb
        // taking an object) is
        let wants_to = (f.m.entry.object || f.m.entry.infinitive) && w == "to";
        let quantity = self.quantity_subject(i, !f.m.entry.object);
        let speech = !strict && !f.m.entry.object && !f.m.entry.belief;
        // `said this was a mistake`, `thinks this plan will fail`: `this` opens the clause
        // unless a time noun follows it (`said this week …`).
        let this_subject = w == "this"
            && self.word(i + 1).is_some()
            && !self.is(i + 1, class::THIS_TIME_NOUNS | class::WEEKDAYS);
        let clause_start = t.kind != TokenKind::Punct
            && (wants_to
                || quantity
                || this_subject
                || (speech && w == "if")
                || !self.is(i, class::ADJUNCT_STARTS))
            // `believed to be …` is no content; `hopes to …`, `wants to …` are

            && !(w == "to" && f.m.entry.belief && !(f.m.entry.object || f.m.entry.infinitive));
        if f.m.entry.kind == CueType::Verb
            && !f.source_after
            && w == "so"
            && self
                .toks
                .get(i + 1)
                .map_or(true, |n| n.kind == TokenKind::Punct)
        {
            // `He said so.`, `I think so.`: `so` stands for the content.
            return Some(vec![t.span]);
        }
        if speech && !clause_start && matches!(w, "yes" | "no") {
            // `Sanders said yes and …`: the answer is the content.
            let next = self.toks.get(i + 1);
            if next.map_or(true, |n| n.kind == TokenKind::Punct)
                || matches!(self.word(i + 1), Some("and" | "but"))
            {
                return Some(vec![t.span]);
            }
        }
        if speech && !colon && !clause_start && self.opens_subordinate_clause(i, limit) {
            // `said while the plan was flawed, it was needed`: the clause before the comma
            // is part of what was said
            let end = self.content_end(i, limit)?;
            return Some(vec![Span::new(t.span.start, end)]);
        }
        if speech && !colon && !clause_start {
            // `said on Friday he …`, `said in a statement the company …`
            if let Some(k) = self.clause_after_adjunct(i, limit) {
                let end = self.content_end(k, limit)?;
                return Some(vec![Span::new(self.toks[k].span.start, end)]);
            }
        }
        if (f.m.entry.object || wants_to) && clause_start {
            // `praised the plan, …`: the object up to the end of its clause.
            let stop = limit.min(i + 60);
            let end_tok = (i + 1..stop)
                .find_map(|k| {
                    // `called it “X” and left`: `and` before a past verb opens a new clause
                    if self.word(k) == Some("and")
                        && self
                            .toks
                            .get(k + 1)
                            .is_some_and(|n| n.is_lowercase_word(text))
                        && self.word(k + 1).is_some_and(|w| {
                            w.len() > 4 && w.ends_with("ed")
                                // `calling him a “liar” and moving on`: a gerund's own
                                || f.m.entry.form == VerbForm::Gerund
                                    && w.len() > 5
                                    && w.ends_with("ing")
                                || matches!(
                                    w,
                                    "said" | "says" | "told" | "left" | "went" | "made" | "took"
                                )
                        })
                    {
                        return Some(k);
                    }
                    if !(self.is_punct(k, ',') || self.is_punct(k, ';') || self.is_punct(k, '(')) {
                        return None;
                    }
                    // `defended the “harbor plan,” saying`: a comma closing a quotation
                    // ends the clause after the quotation mark; one inside it does not.
                    match quote_around(self.quotes, self.toks[k].span.start) {
                        None => Some(k),
                        Some(q) => self
                            .toks
                            .get(k + 1)
                            .filter(|n| n.span.end == q.end)
                            .map(|_| k + 2),
                    }
                })
                .unwrap_or(limit);
            // `called him “a liar”`, `calls it a disgrace`: naming takes an object and its
            // complement (not `called a meeting`, `a group called Hope`).
            // `sees the issue as a way to …`: seeing is a view only with `as`.
            if matches!(cue_word, "see" | "sees" | "saw" | "seen" | "seeing")
                && !(i + 1..end_tok).any(|k| self.word(k) == Some("as"))
            {
                return None;
            }
            if naming {
                let complement = (i + 1..end_tok).any(|k| {
                    quote_starting_at(self.quotes, self.toks[k].span.start).is_some()
                        || matches!(self.word(k), Some("a" | "an"))
                        // `calls it the nerd prom`, `called her son her hero`: a definite
                        // complement right after a word of the object (not `called the
                        // hotel from the lobby`)
                        || matches!(
                            self.word(k),
                            Some("the" | "his" | "her" | "their" | "its" | "our" | "my" | "your")
                        ) && k <= i + 3
                            && (i..k).all(|j| {
                                self.toks[j].kind == TokenKind::Word
                                    && self.word(j).is_some_and(|p| {
                                        !self.is(j, class::PREPOSITIONS | class::BARE_STOPS)
                                            && !matches!(
                                                p,
                                                "of" | "by" | "into" | "onto" | "up" | "throughout"
                                            )
                                    })
                            })
                });
                if !complement {
                    return None;
                }
            }
            let end = self.content_end(i, end_tok)?;
            return Some(vec![Span::new(t.span.start, end)]);
        }
        // `I know he'll win`, `recalled they had …`: a clause opening with a subject pronoun
        // is content even for a strict verb.
        let pronoun_clause = f.m.entry.kind == CueType::Verb
            && !f.source_after
            && (self.is(i, class::CLAUSE_SUBJECTS) || contraction_pronoun(w).is_some())
            && self
                .toks
                .get(i + 1)
                .is_some_and(|n| n.is_lowercase_word(text));
        if (!strict || colon || pronoun_clause) && clause_start {
            let end = self.content_end(i, limit)?;
            return Some(vec![Span::new(t.span.start, end)]);
        }
        // `announced during a press conference … that …`, `told reporters: “…”`
        let stop = limit.min(i + CONTENT_WINDOW);
        let mut k = i;
        while k < stop {
            let tk = self.toks[k];
            if k > i && matches!(self.word(k), Some("and" | "but" | "or")) {
                return None;
            }
            if tk.kind == TokenKind::Punct {
                let s = tk.as_str(text);
                if matches!(s, "." | "!" | "?" | ";" | "(") || (s == "," && k > i) {
                    // a clause boundary; `, “…”` and `: “…”` are still looked at
                    if !(s == "," || s == ":")
                        || self
                            .toks
                            .get(k + 1)
                            .and_then(|n| quote_starting_at(self.quotes, n.span.start))
                            .is_none()
                    {
                        return None;
                    }
                }
                if matches!(s, ":" | ",") {
                    if let Some(q) = self
                        .toks
                        .get(k + 1)
                        .and_then(|n| quote_starting_at(self.quotes, n.span.start))
                    {
                        if k + 1 < limit {
                            return Some(self.quoted_content(q, limit));
                        }
                    }
                }
                if is_open_quote_char(s) {
                    if let Some(q) = quote_starting_at(self.quotes, tk.span.start) {
                        // a quoted title inside the adjunct (`said on “This Week” that …`): not
                        // content; a short one is stepped over, a long one ends the search
                        let after =
                            k + self.toks[k..stop].partition_point(|t| t.span.start < q.end);
                        if after >= stop || after - k > 8 {
                            return None;
                        }
                        k = after;
                        continue;
                    }
                }
            } else if self.toks.lower(k) == "that"
                && (self.toks[k - 1].kind != TokenKind::Punct
                    || is_close_quote_char(self.tok_str(k - 1)))
                // `the state that she won`: a relative clause, not content
                && !(k >= 2
                    && !matches!(
                        self.word(k - 1),
                        Some(
                            // `said this year that …`: a time adjunct, not a relative clause's head
                            "year" | "month" | "week" | "weekend" | "morning" | "afternoon"
                                | "evening" | "spring" | "summer" | "fall" | "winter"
                                | "statement" | "interview" | "speech" | "release" | "tweet"
                                | "letter" | "email" | "post" | "memo" | "briefing"
                                | "conference" | "call" | "video" | "column" | "note"
                                | "message" | "op-ed" | "editorial" | "appearance"
                        )
                    )
                    && matches!(
                        self.word(k - 2),
                        Some("the" | "a" | "an" | "this" | "his" | "her" | "their" | "its")
                    ))
                && !matches!(
                    self.word(k - 1),
                    Some("so" | "such" | "now" | "than" | "like" | "in" | "of" | "about" | "all")
                )
            {
                let end = self.content_end(k, limit)?;
                return Some(vec![Span::new(tk.span.start, end)]);
            }
            k += 1;
        }
        None
    }

    /// Whether the word at `i`, which could open an adjunct or stand for the content itself
    /// (`said more on Friday`, `said no.`), opens the subject of a reported clause instead: a
    /// quantity (`said much of it …`, `said more than half …`, `said at least 12 people …`,
    /// `said about 200 …`), a determiner before a noun (`said more troops …`, `said no one
    /// was hurt`, `said no decision …`), or `not` before one (`said not all members …`).
    /// Only a quantity of `of` or `than` after a verb taking an object (`wants more funding`
    /// is its object, no clause), unless `clause_verb`.
    fn quantity_subject(&self, i: usize, clause_verb: bool) -> bool {
        // (the first letter first: this runs for every content, and nearly all start
        // otherwise: `that`, `the`, `he`)
        let first = self
            .toks
            .get(i)
            .and_then(|t| self.text.as_bytes().get(t.span.start))
            .map(u8::to_ascii_lowercase);
        if !matches!(first, Some(b'm' | b'l' | b'n' | b'a' | b'o' | b'u' | b'r')) {
            return false;
        }
        let (Some(w), next) = (self.word(i), self.word(i + 1)) else {
            return false;
        };
        // the next word a noun or a quantifier, not an adverb, a preposition or a conjunction
        // (`said more later`, `said no to …`, `said no and left`)
        let noun_next = || {
            self.toks
                .get(i + 1)
                .is_some_and(|n| n.is_lowercase_word(self.text))
                && !self.is(
                    i + 1,
                    class::ADJUNCT_STARTS
                        | class::PREPOSITIONS
                        | class::CLAUSE_OPENERS_AFTER_ADDRESSEE
                        | class::ADJUNCT_STOPS,
                )
        };
        let number_next = || {
            self.toks
                .get(i + 1)
                .is_some_and(|n| n.kind == TokenKind::Number)
        };
        if matches!(w, "much" | "little" | "more" | "less") && matches!(next, Some("of" | "than")) {
            return true;
        }
        if !clause_verb {
            return false;
        }
        let subject = match w {
            "more" | "less" => noun_next(),
            "no" => noun_next() || matches!(next, Some("one")),
            "not" => matches!(
                next,
                Some("all" | "every" | "everyone" | "everybody" | "everything" | "many" | "enough")
            ),
            "at" => matches!(next, Some("least" | "most")),
            "about" | "around" | "over" | "under" | "nearly" | "almost" | "roughly" => {
                number_next()
            }
            _ => false,
        };
        // and a verb of its own after it (`claims more territory from …`, `reported no
        // arrests on Monday` have none: an object)
        subject && self.finite_verb_within(i + 2, CONTENT_WINDOW)
    }

    /// Whether a finite verb (an auxiliary, a form of `be`, or a past form) comes
    /// in the `window` tokens from `from`, before a punctuation mark other than an
    /// apostrophe or a hyphen.
    fn finite_verb_within(&self, from: usize, window: usize) -> bool {
        (from..self.toks.len().min(from + window))
            .take_while(|&k| {
                self.toks[k].kind != TokenKind::Punct
                    || ["'", "’", "-"].contains(&self.toks[k].as_str(self.text))
            })
            .any(|k| {
                self.is(k, class::VERBAL_AUXILIARIES | class::BE)
                    || self.toks[k].is_lowercase_word(self.text)
                        && self.word(k).is_some_and(|w| {
                            w.len() >= 4 && w.ends_with("ed") || IRREGULAR_PAST.contains(&w)
                        })
            })
    }

    /// Where the told clause starts after an addressee the mention finder does not know (`a
    /// news conference`, `the jury`, `an audience at a festival in Hull`: a determiner and at
    /// most ten words at `i`): at `that` when a subject follows it (`told a story that moved …` is a relative
    /// clause), or at a second determiner with a verb after it (`told the network the plan
    /// was …`).
    fn clause_after_listener(&self, i: usize, limit: usize) -> Option<usize> {
        if !self.is(i, class::DETERMINERS) {
            return None;
        }
        for k in i + 1..limit.min(i + 12) {
            if self.toks[k].kind == TokenKind::Punct {
                return None;
            }
            if k < i + 2 {
                continue;
            }
            if self.word(k) == Some("that") {
                return (k + 1 < limit && self.clause_after_that(k)).then_some(k);
            }
            // (not a determiner inside the addressee: `an audience at a festival`, `the
            // story of a mom`, `our readers who their …`)
            if k < i + 6
                && self.is(k, class::CLAUSE_DETERMINERS)
                && self.toks[k].is_lowercase_word(self.text)
                && self.toks[k - 1].is_lowercase_word(self.text)
                && !self.is(
                    k - 1,
                    class::PREPOSITIONS | class::ADJUNCT_STOPS | class::DETERMINERS,
                )
                && !matches!(
                    self.word(k - 1),
                    Some("of" | "by" | "into" | "between" | "among" | "against" | "toward")
                )
                && self.finite_verb_within(k + 1, CONTENT_WINDOW)
            {
                return Some(k);
            }
        }
        None
    }

    /// Where content `c` of a relative clause set off by commas ends, when it runs on into
    /// the main clause: the end of the word before the first comma (outside quotations, not
    /// closing a relative clause inside it) that a verb follows within two words.
    fn relative_clause_end(&self, c: Span) -> Option<usize> {
        let from = self.toks.partition_point(|t| t.span.start < c.start);
        if let Some(q) = quote_starting_at(self.quotes, c.start) {
            // `who said “we will win,” resigned`: the comma closing the clause inside the
            // quotation's marks
            let after = self.toks.partition_point(|t| t.span.start < q.end);
            let comma_inside = self.text[c.start..q.end]
                .trim_end_matches(|ch: char| is_close_quote_char(ch.encode_utf8(&mut [0; 4])))
                .ends_with(',');
            return (q.end < c.end && comma_inside && self.finite_verb_within(after, 2))
                .then_some(q.end);
        }
        let mut inner = false; // inside `, which …,` within the content
                               // (a bounded look: a clause longer than that is left as it is)
        for k in from + 1..self.toks.len().min(from + RELATIVE_CLAUSE_WINDOW) {
            let t = self.toks[k];
            if t.span.end > c.end {
                break;
            }
            if !self.is_punct(k, ',') || quote_around(self.quotes, t.span.start).is_some() {
                continue;
            }
            if matches!(self.word(k + 1), Some("who" | "which" | "where" | "whose")) {
                inner = true;
            } else if inner {
                inner = false;
            } else if self.toks.get(k + 1).is_some_and(|n| n.span.end <= c.end)
                && self.finite_verb_within(k + 1, 2)
            {
                return Some(self.toks[k - 1].span.end);
            }
        }
        None
    }

    /// Whether token `i` opens a subordinate clause of the reported sentence (`while the plan
    /// was flawed, it was needed`, `although he lost, he …`): a conjunction with a subject
    /// and a verb of its own, then a comma and the main clause's subject, within
    /// [`CONTENT_WINDOW`] tokens. (`said while visiting Ohio`, `said as he left` are
    /// adjuncts of the saying.)
    fn opens_subordinate_clause(&self, i: usize, limit: usize) -> bool {
        if !matches!(
            self.word(i),
            Some("while" | "although" | "though" | "because" | "unless" | "once" | "since")
        ) || !self.opens_subject(i + 1)
            || !self.finite_verb_within(i + 2, 4)
        {
            return false;
        }
        (i + 2..limit.min(i + CONTENT_WINDOW))
            .take_while(|&k| self.toks[k].kind != TokenKind::Punct || self.is_punct(k, ','))
            .find(|&k| self.is_punct(k, ','))
            .is_some_and(|k| k + 1 < limit && self.opens_subject(k + 1))
    }

    /// Whether the verb cue at tokens `a..=b` is part of a set phrase that reports nothing:
    /// `All told,` (in all), `Having said that,` (even so), `let's say` / `let us say`
    /// (suppose).
    fn set_phrase(&self, a: usize, b: usize) -> bool {
        // (`told`, `said`, `say`: the length first, as this runs for every verb cue)
        if a != b || a == 0 || !(3..=4).contains(&self.toks[a].span.len()) {
            return false;
        }
        let opens = |k: usize| k == 0 || self.toks[k - 1].kind == TokenKind::Punct;
        match (self.word(a - 1), self.word(a)) {
            (Some("all"), Some("told")) => opens(a - 1) && self.is_punct(a + 1, ','),
            (Some("having"), Some("said")) => {
                opens(a - 1) && self.word(a + 1) == Some("that") && self.is_punct(a + 2, ',')
            }
            (Some("us"), Some("say")) => a >= 2 && self.word(a - 2) == Some("let"),
            (Some(w), Some("say")) => w == "let's" || w == "let’s",
            _ => false,
        }
    }

    /// Whether token `k` can open a clause's subject: a determiner, a number, a capitalised
    /// word or a subject pronoun.
    fn opens_subject(&self, k: usize) -> bool {
        self.toks
            .get(k)
            .is_some_and(|t| t.kind == TokenKind::Number || t.is_capitalized(self.text))
            || self.is(k, class::CLAUSE_DETERMINERS)
            || self.word(k).is_some_and(|w| {
                matches!(w, "he" | "she" | "they" | "it" | "we" | "i")
                    || contraction_pronoun(w).is_some()
            })
    }

    /// `said in a statement released by his office that …`: when token `i`, just after a
    /// cue ending in its medium (`in a statement`, `in an email`), is a participle opening a
    /// phrase on that noun, the `that` ending it (within ten words, a subject after it).
    fn that_after_medium_phrase(&self, f: &Frame, i: usize, limit: usize) -> Option<usize> {
        if f.last + 1 != i
            || !matches!(
                self.word(f.last),
                Some("statement" | "email" | "interview" | "release" | "letter" | "post")
            )
            || !self.toks[i].is_lowercase_word(self.text)
            || !self.word(i).is_some_and(|w| {
                w.len() >= 4 && w.ends_with("ed") || IRREGULAR_PAST.contains(&w) || w == "given"
            })
        {
            return None;
        }
        (i + 1..limit.min(i + 12))
            .take_while(|&k| self.toks[k].kind != TokenKind::Punct || self.is_punct(k, ','))
            .find(|&k| self.word(k) == Some("that"))
            .filter(|&k| k + 1 < limit && self.clause_after_that(k))
    }

    /// Whether `that` at token `k` opens a clause with a subject (`that the plan …`, `that
    /// he …`, `that fares would …`) rather than a relative clause (`that moved them`).
    fn clause_after_that(&self, k: usize) -> bool {
        self.opens_subject(k + 1)
            || !self.finite_verb_within(k + 1, 1) && self.finite_verb_within(k + 2, 3)
    }

    /// The subject pronoun opening a clause right after a short addressee that starts with
    /// a determiner (`the board`, `a local radio station`), at most five words from `i`.
    fn pronoun_after_addressee(&self, i: usize, limit: usize) -> Option<usize> {
        let det = self.word(i)?;
        let subject = |k: usize| {
            self.word(k).is_some_and(|w| {
                matches!(w, "he" | "she" | "they" | "it" | "we" | "i")
                    || contraction_pronoun(w).is_some()
            })
        };
        if !matches!(
            det,
            "the" | "a" | "an" | "his" | "her" | "their" | "our" | "its" | "my" | "your"
        ) {
            // `told reporters he …`: a bare plural noun
            let plural =
                det.len() > 3 && det.ends_with('s') && self.toks[i].is_lowercase_word(self.text);
            return (plural && i + 1 < limit && subject(i + 1)).then_some(i + 1);
        }
        (i + 2..limit.min(i + 6))
            .take_while(|&k| self.toks[k].kind == TokenKind::Word)
            .find(|&k| subject(k))
            .filter(|&k| (i + 1..k).all(|m| self.toks[m].kind == TokenKind::Word))
    }

    /// Where a reported clause starts after adjuncts that follow a speech verb (`said on
    /// Friday he …`, `said in an interview with CNN the plan …`, `said Tuesday the …`), at
    /// most [`CONTENT_WINDOW`] tokens from `i`; None when no clause is seen there, or when
    /// `that` or a quotation introduces it (the window search takes those).
    fn clause_after_adjunct(&self, i: usize, limit: usize) -> Option<usize> {
        let stop = limit.min(i + CONTENT_WINDOW);
        let mut in_pp = false; // inside a prepositional phrase
        let mut head = false; // a word of the phrase's noun seen
        let mut skipped = false; // an adjunct seen
        let mut k = i;
        while k < stop {
            let t = self.toks[k];
            match t.kind {
                TokenKind::Punct => {
                    if self.is_punct(k, ',') && skipped {
                        // after `said on Tuesday,` only a pronoun or `if` opens the clause
                        let next = self.word(k + 1).unwrap_or_default();
                        if !matches!(
                            next,
                            "he" | "she" | "they" | "we" | "i" | "it" | "if" | "there"
                        ) && contraction_pronoun(next).is_none()
                        {
                            return None;
                        }
                        in_pp = false;
                        head = false;
                    } else if !(in_pp && head && (self.is_punct(k, '.') || self.is_punct(k, '-'))) {
                        return None;
                    }
                }
                TokenKind::Number => {
                    if !in_pp {
                        return (skipped).then_some(k);
                    }
                    head = true;
                }
                TokenKind::Word => {
                    let w = self.toks.lower(k);
                    // (classes, not `match`es on the word, which jump on its length)
                    let c = self.class(k);
                    if c & class::ADJUNCT_SUBJECTS != 0 || contraction_pronoun(w).is_some() {
                        // `said Tuesday he …`, `says tonight he’s …`
                        return skipped.then_some(k);
                    }
                    if c & class::ADJUNCT_STOPS != 0 {
                        return None;
                    }
                    if c & class::TIME_WORDS != 0 {
                        skipped = true;
                        head |= in_pp;
                    } else if c & class::PREPOSITIONS != 0 {
                        in_pp = true;
                        head = false;
                        skipped = true;
                    } else if in_pp {
                        let det = c & class::CLAUSE_DETERMINERS != 0;
                        let after_noun = k > i
                            && self.toks[k - 1].is_lowercase_word(self.text)
                            && !self.is(k - 1, class::CLAUSE_DETERMINERS | class::PREPOSITIONS);
                        if !head && !det && w.ends_with("ing") {
                            return None; // `insisted on paying …`: a verb's object
                        }
                        if head && (det || (t.is_capitalized(self.text) && after_noun)) {
                            return Some(k);
                        }
                        head |= !det;
                    } else {
                        let starts = c & class::CLAUSE_DETERMINERS != 0
                            || t.is_capitalized(self.text)
                            || w == "if";
                        return (skipped && starts).then_some(k);
                    }
                }
            }
            k += 1;
        }
        None
    }

    /// A quote as content: direct when it ends the content, mixed when words follow.
    fn quoted_content(&self, q: Span, limit: usize) -> Vec<Span> {
        let limit_end = self.content_end(0, limit).unwrap_or(q.end);
        if q.end >= limit_end || q.end >= self.sentence.end {
            return vec![q];
        }
        // Only punctuation between the quote's end and the limit: direct.
        let rest = &self.text[q.end..limit_end];
        if !rest.chars().any(char::is_alphanumeric) {
            return vec![q];
        }
        vec![Span::new(q.start, limit_end)]
    }

    /// A quotation just before token `p` (only spaces, commas or dashes between).
    fn quote_before(&self, p: usize) -> Option<Span> {
        let pos = self.toks.get(p)?.span.start;
        let q = quote_ending_before(self.quotes, pos)?;
        let between = self.text.get(q.end..pos)?;
        (between.len() <= 8
            && between
                .chars()
                .all(|c| c.is_whitespace() || matches!(c, ',' | '—' | '–' | '-')))
        .then_some(q)
    }

    /// Content before the frame: `“…,” he said.` or `The plan failed, he said.`
    fn content_before(
        &self,
        f: &Frame,
        earlier_in_sentence: bool,
        limit: usize,
    ) -> Option<Vec<Span>> {
        let p = match f.source {
            Some(s) if !f.source_after => s.first,
            _ => f.first,
        };
        if let Some(q) = self.quote_before(p) {
            if q.start < self.sentence.start && q.end <= self.sentence.start {
                // Across a sentence boundary only a quotation that is a sentence itself
                // (`“Is it over?” Smith asked.`).
                let before = self.text[..q.start].trim_end();
                let starts_sentence = before.is_empty()
                    || before.ends_with(['.', '!', '?', ':', '”', '"', '’', '\n']);
                let text_q = q.as_str(self.text);
                let ends_sentence = text_q
                    .trim_end_matches(['”', '"', '’', '\'', '»'])
                    .ends_with(['.', '!', '?', ',', '—', '-']);
                if !(starts_sentence && ends_sentence) {
                    return None;
                }
                return Some(vec![q]);
            }
            if q.start < self.sentence.start {
                return Some(vec![q]); // a quotation running over sentences into this one
            }
            let head = &self.text[self.sentence.start..q.start];
            if head.chars().any(char::is_alphanumeric) {
                if earlier_in_sentence {
                    return Some(vec![q]);
                }
                return Some(vec![Span::new(self.sentence.start, q.end)]);
            }
            return Some(vec![q]);
        }
        if p < 2 || !self.is_punct(p - 1, ',') {
            return None;
        }
        let after = match f.source {
            Some(s) if f.source_after => s.last + 1,
            _ => f.last + 1,
        };
        // `The plan is sound, analysts say; in 2012, …`: a semicolon right after the frame
        // ends its clause as a full stop would.
        let (limit, clause_end) = if after < limit && self.is_punct(after, ';') {
            (after, after)
        } else {
            (limit, self.toks.len())
        };
        if earlier_in_sentence {
            // `She called the plan “a disaster”, the aide insisted.`: a frame ending the
            // sentence still takes the clause before it, with the attribution inside.
            // (`…, officials said Tuesday.`, `…, she said in an interview.`: a short adjunct
            // tail still ends the sentence)
            let words = (after..clause_end)
                .take(6)
                .filter(|&k| self.toks[k].kind != TokenKind::Punct)
                .count();
            let adjunct = self.word(after).is_some_and(|w| {
                self.is(after, class::WEEKDAYS)
                    || matches!(
                        w,
                        "on" | "in"
                            | "at"
                            | "today"
                            | "yesterday"
                            | "tonight"
                            | "last"
                            | "this"
                            | "late"
                            | "early"
                            | "earlier"
                            | "later"
                    )
            });
            if words > 0 && !(adjunct && !f.source_after && words <= 4 && clause_end - after <= 5) {
                return None;
            }
        }
        if f.m.entry.strict {
            // `…, the Sun-Times reported (on Tuesday).`: a strict cue takes the clause before
            // only when it ends the sentence.
            let words = (after..clause_end)
                .take(8)
                .filter(|&k| self.toks[k].kind != TokenKind::Punct)
                .count();
            // (`…, a judge ruled Monday.`: a weekday or a day word alone too)
            let adjunct = self.word(after).is_some_and(|w| {
                matches!(
                    w,
                    "on" | "in"
                        | "last"
                        | "this"
                        | "earlier"
                        | "late"
                        | "early"
                        | "today"
                        | "yesterday"
                        | "tonight"
                ) || self.is(after, class::WEEKDAYS)
            });
            if !(words == 0 || adjunct && words <= 4) {
                return None;
            }
        }
        // Only a short tail after the frame (`…, he said on Tuesday.`), or the rest of the
        // sentence after a comma (`The plan, he said, is dead.`).
        let mut second: Option<Span> = None;
        let tail = limit.saturating_sub(after);
        let adjunct = self.is(after, class::ADJUNCT_STARTS);
        if self.is_punct(after, ',') && after + 1 < limit && tail > 3 {
            let e = self.content_end(after + 1, limit)?;
            second = Some(Span::new(self.toks[after + 1].span.start, e));
        } else if tail > if adjunct { 12 } else { 6 } {
            return None;
        }
        if second.is_none() && (after..limit).any(|k| self.word(k) == Some("that")) {
            return None;
        }
        let first = self.toks[0];
        if quote_around(self.quotes, first.span.start).is_some() {
            return None;
        }
        let end = self.toks[p - 2].span.end;
        let mut start = 0;
        while start + 1 < p - 1 && self.is(start, class::DISCOURSE) {
            start += 1;
            while self.is_punct(start, ',') {
                start += 1;
            }
        }
        let mut out = vec![Span::new(self.toks[start].span.start, end)];
        out.extend(second);
        Some(out)
    }

    /// A second quotation right after the frame: `“A,” he said, “B.”`
    fn trailing_quote(&self, f: &Frame, limit: usize) -> Option<Span> {
        let after = match f.source {
            Some(s) if f.source_after || s.first > f.last => s.last + 1,
            _ => f.last + 1,
        };
        if after >= limit || !(self.is_punct(after, ',') || self.is_punct(after, ':')) {
            return None;
        }
        quote_starting_at(self.quotes, self.toks.get(after + 1)?.span.start)
    }

    /// `“A,” he said. “B.”`: the quotation opening the next sentence of the paragraph, when
    /// the frame ends its sentence; `last` when no frame follows in the sentence.
    fn next_sentence_quote(&self, f: &Frame, last: bool) -> Option<Span> {
        let after = match f.source {
            Some(s) if f.source_after || s.first > f.last => s.last + 1,
            _ => f.last + 1,
        };
        let n = self.toks.len();
        let at_end = after + 2 >= n && (after..n).all(|k| self.toks[k].kind == TokenKind::Punct);
        // `“A,” Roe said on Tuesday at a rally in Hull. “B.”`: an adjunct may end the
        // sentence (a bounded tail of words, no quotation in it).
        let adjunct_tail = !at_end
            && after < n
            && n - after <= 20
            && self.is(
                after,
                class::PREPOSITIONS | class::TIME_WORDS | class::WEEKDAYS,
            )
            && (after..n).all(|k| {
                let t = self.tok_str(k);
                !is_open_quote_char(t) && !is_close_quote_char(t) && t != ":" && t != ";"
            });
        if at_end || adjunct_tail {
            let start = skip_blank(self.text, self.sentence.end, false);
            if start - self.sentence.end <= 4 {
                if let Some(q) = quote_starting_at(self.quotes, start) {
                    return Some(q);
                }
            }
        }
        if !last {
            return None;
        }
        self.continuing_quote(after)
    }

    /// `Roe said:¶¶“…”`: a frame whose sentence ends in a colon right after it, and the
    /// quotation opening the next line or paragraph.
    fn quote_after_colon(&self, f: &Frame) -> Option<Span> {
        let after = match f.source {
            Some(s) if f.source_after || s.first > f.last => s.last + 1,
            _ => f.last + 1,
        };
        if after + 1 != self.toks.len() || !self.is_punct(after, ':') {
            return None;
        }
        let start = skip_blank(self.text, self.sentence.end, true);
        (start - self.sentence.end <= 8)
            .then(|| quote_starting_at(self.quotes, start))
            .flatten()
    }

    /// `“A,” Roe told reporters in Hull. “B.”`, `Roe said the pier was unsafe. “B.”`: with no
    /// quotation from token `from` to the end of the sentence, a quotation that is the whole
    /// next sentence (it ends in a full stop and nothing of that sentence follows it) continues
    /// what the last frame of the sentence quoted or reported, also in the next paragraph
    /// (PolNeAR marks it so).
    fn continuing_quote(&self, from: usize) -> Option<Span> {
        let n = self.toks.len();
        let floor = self
            .toks
            .get(from)
            .map_or(self.sentence.end, |t| t.span.start);
        // a short quoted title in the rest of the sentence (`on ABC’s “This Week.”`) is no
        // quotation of the speaker's
        let title = |pos: usize| {
            let i = self.quotes.partition_point(|q| q.start <= pos);
            i > 0 && {
                let q = self.quotes[i - 1];
                q.start >= floor && pos < q.end && q.end <= self.sentence.end && q.len() <= 40
            }
        };
        // (the quotation after the sentence first: the scan of the sentence's rest is asked
        // only when there is one)
        let start = skip_blank(self.text, self.sentence.end, true);
        if start - self.sentence.end > 8 {
            return None;
        }
        let q = quote_starting_at(self.quotes, start)?;
        if (from.min(n)..n).any(|k| {
            let t = self.tok_str(k);
            matches!(t, "“" | "”" | "\"" | "«" | "»" | "„") && !title(self.toks[k].span.start)
        }) {
            return None;
        }
        self.quote_is_sentence(q).then_some(q)
    }

    /// Whether quotation `q` ends a sentence: a full stop, `?` or `!` before its closing mark,
    /// then the end of the text, a line break, or a space and a capital or an opening mark.
    fn quote_is_sentence(&self, q: Span) -> bool {
        let inner = self.text[q.start..q.end].trim_end_matches(['”', '"', '’', '\'', '»']);
        if !inner.ends_with(['.', '?', '!', '…']) {
            return false;
        }
        let next = skip_blank(self.text, q.end, false);
        match self.text[next..].chars().next() {
            None | Some('\n' | '\r') => true,
            Some(c) => next > q.end && (c.is_uppercase() || matches!(c, '“' | '"' | '‘' | '«')),
        }
    }

    /// `Lynch: No outside influence on the probe.` — a name, a colon and what it said, at
    /// the start of a paragraph (headlines, transcripts).
    fn colon_attribution(&self) -> Option<Attribution> {
        let k = (1..self.toks.len().min(6)).find(|&k| self.is_punct(k, ':'))?;
        if self.toks.len() < k + 3 || self.is_punct(k + 1, '/') {
            return None; // `http://`, too short
        }
        let first = self.word(0)?;
        if matches!(
            first,
            "update"
                | "note"
                | "watch"
                | "video"
                | "photo"
                | "related"
                | "read"
                | "breaking"
                | "editor"
                | "exclusive"
                | "correction"
                | "warning"
                | "source"
                | "sources"
                | "listen"
                | "see"
                | "click"
                | "follow"
                | "email"
                | "contact"
                | "subscribe"
                | "advertisement"
                | "caption"
                | "credit"
                | "q"
                | "a"
        ) {
            return None;
        }
        // `More from the report: “…”`: the report is the source
        let lead = match (first, self.word(1)) {
            ("from", _) => 1,
            ("more", Some("from")) => 2,
            _ => 0,
        };
        let m = self.finder.after(self.text, self.toks, lead, k)?;
        if m.last + 1 != k
            || lead == 0 && m.kind != MentionKind::Name
            || !self.toks[0].is_capitalized(self.text)
        {
            return None;
        }
        let t = self.toks[k + 1];
        // What follows is a statement, not a number or a list of names.
        let commas = (k + 1..self.toks.len().min(k + 40))
            .filter(|&j| self.is_punct(j, ','))
            .count();
        let words = (k + 1..self.toks.len().min(k + 8))
            .filter(|&j| self.toks[j].kind == TokenKind::Word)
            .count();
        if t.kind == TokenKind::Number || commas > 3 || words < 3 {
            return None;
        }
        let content = match quote_starting_at(self.quotes, t.span.start) {
            Some(q) => self.quoted_content(q, self.toks.len()),
            None => vec![Span::new(
                t.span.start,
                self.content_end(k + 1, self.toks.len())?,
            )],
        };
        Some(self.unlisted_cue(Some(m.span), self.toks[k].span, content))
    }

    /// `Pollsters agree - Jane Roe: “…”`, `- More from the report: “…”`: a dash, a name (or
    /// `More from`/`From` and what it names) and a colon opening a quotation inside a sentence,
    /// the way news digests quote their sources. The first such colon of the sentence only.
    fn dash_colon_attribution(&self) -> Option<(Attribution, usize)> {
        let n = self.toks.len();
        let k = (1..n).find(|&k| {
            self.is_punct(k, ':')
                && self
                    .toks
                    .get(k + 1)
                    .is_some_and(|t| quote_starting_at(self.quotes, t.span.start).is_some())
        })?;
        let q = quote_starting_at(self.quotes, self.toks[k + 1].span.start)?;
        // the dash, at most eight tokens back, with nothing but words and full stops
        // (`Jeffrey M. Jones`) between it and the colon
        let d = (k.saturating_sub(9)..k)
            .rev()
            .find(|&j| self.is_punct(j, '-') || self.is_punct(j, '—') || self.is_punct(j, '–'))?;
        let plain =
            (d + 1..k).all(|j| self.toks[j].kind != TokenKind::Punct || self.is_punct(j, '.'));
        if !plain || d + 1 >= k {
            return None;
        }
        let mut start = d + 1;
        let lead = (start..k.min(start + 2)).find(|&j| self.word(j) == Some("from"));
        let from =
            lead.is_some_and(|j| j == start || j == start + 1 && self.word(start) == Some("more"));
        if from {
            start = lead.unwrap_or(start) + 1;
        }
        let m = self.finder.after(self.text, self.toks, start, k)?;
        if m.last + 1 != k || !(from || m.kind == MentionKind::Name) {
            return None;
        }
        let content = self.quoted_content(q, n);
        let a = self.unlisted_cue(Some(m.span), self.toks[k].span, content);
        Some((a, self.toks[d].span.start))
    }

    /// `In a CBS News poll released Monday, Lee led Roe by 8 points.`, `In exit polls, …`: a
    /// sentence opening with `In`, a poll or survey (at most twelve plain words) and a comma: `In` is the
    /// cue, the poll the source and the clause after the comma the content (PolNeAR marks
    /// it so).
    fn poll_attribution(&self) -> Option<Attribution> {
        let n = self.toks.len();
        if self.word(0) != Some("in") || self.toks.get(1)?.kind != TokenKind::Word {
            return None;
        }
        let k = (2..n.min(15)).find(|&k| {
            self.toks[k].kind == TokenKind::Punct
                && !matches!(self.tok_str(k), "/" | "-" | "." | "’" | "'")
        })?;
        if !self.is_punct(k, ',') {
            return None;
        }
        let poll = (1..k).any(|j| {
            matches!(
                self.word(j),
                Some("poll" | "polls" | "survey" | "surveys" | "polling")
            )
        });
        // (`In a memo released as polls closed, …`: a clause inside is no poll's name)
        let clause = (1..k).any(|j| {
            matches!(
                self.word(j),
                Some(
                    "as" | "when"
                        | "while"
                        | "that"
                        | "which"
                        | "who"
                        | "where"
                        | "after"
                        | "before"
                        | "since"
                        | "if"
                )
            )
        });
        let words = (k + 1..n.min(k + 6))
            .filter(|&j| self.toks[j].kind == TokenKind::Word)
            .count();
        if !poll || clause || words < 3 {
            return None;
        }
        let content = vec![Span::new(
            self.toks[k + 1].span.start,
            self.content_end(k + 1, n)?,
        )];
        Some(self.unlisted_cue(
            Some(Span::new(
                self.toks[1].span.start,
                self.toks[k - 1].span.end,
            )),
            self.toks[0].span,
            content,
        ))
    }

    /// `“We will rebuild.” ― Jane Roe`, `"…"¶¶- Jane Roe.`: a credit line, the dash and name
    /// that follow a quotation in pull quotes, reader comments and fact checks. `q` is the
    /// quotation, `dash` where its dash starts (in this sentence). The quotation must read as
    /// whole sentences and the name must end the line: the sentence's end, a full stop, an
    /// opening parenthesis or quotation, or `, Place.`.
    fn credit_attribution(&self, q: Span, dash: usize) -> Option<Attribution> {
        let inner = self.text[q.start..q.end].trim_end_matches(['”', '"', '’', '\'', '»']);
        if !inner.ends_with(['.', '?', '!', '…']) {
            return None;
        }
        let n = self.toks.len();
        let d = self.toks.partition_point(|t| t.span.start < dash);
        if d >= n || self.toks[d].span.start != dash {
            return None;
        }
        let m = self
            .finder
            .after(self.text, self.toks, d + 1, n.min(d + 10))?;
        if m.kind != MentionKind::Name || m.first != d + 1 {
            return None;
        }
        let after = m.last + 1;
        let capital_word = |j: usize| {
            self.toks[j].kind == TokenKind::Word && self.toks[j].is_capitalized(self.text)
        };
        let ends_line = match self.toks.get(after) {
            None => true,
            Some(t) => {
                quote_starting_at(self.quotes, t.span.start).is_some()
                    || self.is_punct(after, '(')
                    || self.is_punct(after, '.') && after + 1 == n
                    || self.is_punct(after, ',')
                        && n - after <= 5
                        && (after + 1..n)
                            .all(|j| capital_word(j) || j + 1 == n && self.is_punct(j, '.'))
                        && after + 1 < n
                        && capital_word(after + 1)
            }
        };
        if !ends_line {
            return None;
        }
        let content = vec![q];
        Some(self.unlisted_cue(Some(m.span), self.toks[d].span, content))
    }

    /// An attribution whose cue is punctuation or a word outside the lexicon (a colon, a
    /// credit dash, the `In` of a poll): neutral, its speaker still to be resolved.
    fn unlisted_cue(&self, source: Option<Span>, cue: Span, content: Vec<Span>) -> Attribution {
        Attribution {
            source,
            cue,
            kind: self.kind(&content),
            content,
            sentence: self.index,
            cue_class: crate::document::CueClass::Neutral,
            speaker: None,
            hedged: false,
            speaker_confidence: 0.0,
        }
    }

    fn kind(&self, content: &[Span]) -> AttributionKind {
        if content.is_empty() {
            return AttributionKind::Other;
        }
        let mut all_quoted = true;
        let mut any_quoted = false;
        for c in content {
            if quote_starting_at(self.quotes, c.start).is_some_and(|q| q.end == c.end) {
                any_quoted = true;
            } else {
                all_quoted = false;
                let i = self.quotes.partition_point(|q| q.end <= c.start);
                if self.quotes.get(i).is_some_and(|q| q.start < c.end) {
                    any_quoted = true;
                }
            }
        }
        if all_quoted {
            AttributionKind::Direct
        } else if any_quoted {
            AttributionKind::Mixed
        } else {
            AttributionKind::Indirect
        }
    }

    /// The attribution of frame `f`, content stopping before token `limit`; `as_comma` is
    /// [`Ctx::as_comma`] of `f`.
    fn attribution(
        &self,
        f: &Frame,
        as_comma: Option<usize>,
        limit: usize,
        earlier: bool,
    ) -> Option<Attribution> {
        let text = self.text;
        let mut content: Option<Vec<Span>> = None;
        match f.m.entry.kind {
            CueType::Phrase => {
                // `According to X, …` or `…, according to X.`
                let s = f.source?;
                let mut lead = 0;
                while lead < f.first
                    && (self.is(lead, class::DISCOURSE) || self.is_punct(lead, ','))
                {
                    lead += 1;
                }
                if lead == f.first {
                    content = self.content_after(
                        &Frame {
                            m: CueMatch {
                                entry: crate::cues::CueEntry {
                                    strict: false,
                                    ..f.m.entry
                                },
                                ..f.m
                            },
                            ..*f
                        },
                        s.last + 1,
                        limit,
                    );
                    if content.is_none() {
                        content = self.quote_before(f.first).map(|q| vec![q]);
                    }
                } else if let Some(q) = self.quote_before(f.first) {
                    content = Some(vec![q]);
                } else {
                    let end_tok = if self.is_punct(f.first - 1, ',') {
                        f.first - 1
                    } else {
                        f.first
                    };
                    if end_tok > lead {
                        let start = self.toks[lead].span.start;
                        let end = self.toks[end_tok - 1].span.end;
                        let mut frags = vec![Span::new(start, end)];
                        if self.is_punct(s.last + 1, ',') && s.last + 2 < limit {
                            if let Some(e) = self.content_end(s.last + 2, limit) {
                                frags.push(Span::new(self.toks[s.last + 2].span.start, e));
                            }
                        }
                        content = Some(frags);
                    }
                }
            }
            CueType::Verb if f.evidential => {
                // the subject, then what follows the cue to the end of its clause
                let entry = crate::cues::CueEntry {
                    object: true,
                    strict: false,
                    addressee: false,
                    ..f.m.entry
                };
                let plain = Frame {
                    m: CueMatch { entry, ..f.m },
                    ..*f
                };
                let mut c = self.content_after(&plain, f.last + 1, limit)?;
                if let Some(s) = f.subject {
                    c.insert(0, s.span);
                }
                content = Some(c);
            }
            CueType::Verb if as_comma.is_some_and(|c| c + 1 < limit) => {
                // `As the paper noted, the port closed.`: the clause after the comma.
                let c = as_comma?;
                let end = self.content_end(c + 1, limit)?;
                content = Some(vec![Span::new(self.toks[c + 1].span.start, end)]);
            }
            CueType::Verb | CueType::Noun => {
                // `Asked which county …, he said`: a question with no source ends its clause.
                let limit = if f.source.is_none()
                    && self.word(f.cue_last).is_some_and(|w| w.starts_with("ask"))
                {
                    (f.last + 1..limit)
                        .take(60)
                        .find(|&k| self.is_punct(k, ','))
                        .unwrap_or(limit)
                } else {
                    limit
                };
                let from = match f.source {
                    Some(s) if f.source_after => s.last + 1,
                    _ => f.last + 1,
                };
                content = self.content_after(f, from, limit);
                // `Asked on Fox News who leads the party, he said`, `Asked Tuesday about the
                // port, …`: a question with no source, after adjuncts, up to its comma.
                if content.is_none()
                    && f.source.is_none()
                    && self.word(f.cue_last).is_some_and(|w| w == "asked")
                    // (not `has been asked to …`, `was not asked`)
                    && !(f.first..f.cue_last)
                        .any(|k| matches!(self.word(k), Some("been" | "not")))
                {
                    let window = limit.min(from + 12);
                    content = (from..window)
                        .take_while(|&k| self.toks[k].kind != TokenKind::Punct)
                        .find(|&k| {
                            matches!(
                                self.word(k),
                                Some(
                                    "who"
                                        | "which"
                                        | "why"
                                        | "whether"
                                        | "how"
                                        | "what"
                                        | "about"
                                        | "to"
                                )
                            )
                        })
                        .and_then(|k| {
                            let end = self.content_end(k, limit)?;
                            Some(vec![Span::new(self.toks[k].span.start, end)])
                        });
                }
                let before = self.quote_before(match f.source {
                    Some(s) if !f.source_after => s.first,
                    _ => f.first,
                });
                // A quotation ending the paragraph before is not this frame's content when the
                // frame has its own (`“…” ¶ Smith said that …`).
                // Nor is a quoted phrase inside an opening adjunct (`Wednesday on “Fox &
                // Friends,” Roe discussed …`): only a quotation opening the sentence is.
                let before = before.filter(|q| {
                    content.is_none()
                        || q.end > self.sentence.start && {
                            // only punctuation before it in the sentence (a bounded look)
                            let n = self.toks.partition_point(|t| t.span.start < q.start);
                            n <= 8 && self.toks[..n].iter().all(|t| t.kind == TokenKind::Punct)
                        }
                });
                let own_object = f.m.entry.form == VerbForm::Gerund && content.is_some();
                match (&mut content, before) {
                    (Some(c), Some(q))
                        if c.len() == 1
                            && quote_starting_at(self.quotes, c[0].start).is_some()
                            && q.end <= c[0].start =>
                    {
                        c.insert(0, q);
                    }
                    // `…,” Lind said, referring to the port`: a gerund's own object stays.
                    (_, Some(_)) | (None, None)
                        if f.m.entry.kind == CueType::Verb && !own_object =>
                    {
                        // A quotation just before the frame is its content: what follows
                        // (`…,” Wilkin said, eliciting jeers`) is not.
                        let after = content.take();
                        content = self.content_before(f, earlier, limit).or(after);
                        let next = self
                            .trailing_quote(f, limit)
                            .or_else(|| self.next_sentence_quote(f, limit >= self.toks.len()));
                        if let (Some(c), Some(q2)) = (&mut content, next) {
                            let quoted = quote_starting_at(self.quotes, c[0].start).is_some();
                            if quoted && c.last().is_some_and(|l| l.end <= q2.start) {
                                c.push(q2);
                            }
                        }
                        if content.is_none() {
                            content = self.quote_after_colon(f).map(|q| vec![q]);
                        }
                    }
                    _ => {}
                }
            }
        }
        let mut content = content?;
        if content.iter().any(|c| c.is_empty()) {
            return None;
        }
        // `Roe said the pier was unsafe. “It will close.”`: reported content ending its
        // sentence, then a quotation that is the whole next sentence.
        if limit >= self.toks.len()
            && content.last().is_some_and(|c| {
                c.end <= self.sentence.end
                    && quote_starting_at(self.quotes, content[0].start).is_none()
            })
        {
            let end = content.iter().map(|c| c.end).max().unwrap_or(0);
            let from = self
                .toks
                .partition_point(|t| t.span.start < end)
                .max(f.last + 1);
            let from = match f.source {
                Some(s) if s.last >= from => s.last + 1,
                _ => from,
            };
            if let Some(q) = self.continuing_quote(from) {
                content.push(q);
            }
        }
        // `Still, he called …`: a lone discourse word before the frame is no content.
        if let [only] = content.as_slice() {
            let before_cue = only.end <= self.toks[f.first].span.start;
            // (a lowercased copy only of a fragment short enough to be one of those words
            // (`lone_words_are_short`), not of every quotation and clause)
            if before_cue && only.len() <= LONE_WORD {
                let w = self.text[only.start..only.end].to_ascii_lowercase();
                if DISCOURSE.contains(&w.as_str()) || SKIPPED_ADVERBS.contains(&w.as_str()) {
                    return None;
                }
            }
        }
        // `The pier, he said, will close by May.`: a frame set off by commas inside the
        // clause it reports; the words before it are content too (a bounded look back).
        if !earlier && content.len() == 1 && f.m.entry.kind == CueType::Verb {
            let start = region_start(f);
            let c = content[0];
            let at = self.toks.partition_point(|t| t.span.start < c.start);
            let parenthetical = (2..=40).contains(&start)
                && self.is_punct(start - 1, ',')
                && at > f.last + 1
                && self.is_punct(at - 1, ',')
                && quote_starting_at(self.quotes, c.start).is_none()
                && (0..start - 1).all(|k| {
                    let t = self.tok_str(k);
                    !is_open_quote_char(t) && !is_close_quote_char(t) && t != ":" && t != ";"
                });
            if parenthetical {
                content.insert(
                    0,
                    Span::new(self.toks[0].span.start, self.toks[start - 2].span.end),
                );
            }
        }
        // `A council official, who asked not to be named, said …`: what comes before a relative
        // pronoun is its antecedent, never what it says (a quotation aside).
        if let Some(s) = f
            .source
            .filter(|s| s.kind == MentionKind::Relative && !f.source_after)
        {
            if content
                .iter()
                .any(|c| c.end <= s.span.start && quote_starting_at(self.quotes, c.start).is_none())
            {
                return None;
            }
        }
        // `Smith, who said the plan was doomed, resigned`: a relative source's clause set off
        // by commas ends at the comma before the main clause's verb.
        if f.source.is_some_and(|s| {
            s.kind == MentionKind::Relative
                && s.first == s.last
                && !f.source_after
                && s.first > 0
                && self.is_punct(s.first - 1, ',')
        }) {
            if let Some(last) = content.last_mut() {
                if let Some(end) = self.relative_clause_end(*last) {
                    last.end = end;
                }
            }
        }
        let source = f.source.map(|s| s.span);
        let first = self.issued_document(f).unwrap_or(f.first);
        let mut cue = Span::new(self.toks[first].span.start, self.toks[f.last].span.end);
        // `he’s said`, `I’ve argued`: the contracted auxiliary belongs to the cue.
        if let Some(m) = f.source.filter(|m| f.first > 0 && m.last + 1 == f.first) {
            let t = self.toks[f.first - 1];
            if m.span.start == t.span.start && m.span.end < t.span.end {
                cue = Span::new(m.span.end, cue.end);
            }
        }
        // `what the army describes as “…”`: PolNeAR's cue is the verb without its `as`
        // (train: 7 so, 1 with it)
        if f.m.entry.kind == CueType::Verb
            && !f.m.entry.adverb
            && f.last == f.cue_last
            && f.last > first
            && self.word(f.last) == Some("as")
        {
            cue = Span::new(cue.start, self.toks[f.last - 1].span.end);
        }
        if source.is_some_and(|s| s.overlaps(&cue)) {
            return None;
        }
        if content
            .iter()
            .any(|c| c.overlaps(&cue) || source.is_some_and(|s| c.overlaps(&s)))
        {
            return None;
        }
        let _ = text;
        Some(Attribution {
            source,
            cue,
            kind: self.kind(&content),
            content,
            sentence: self.index,
            cue_class: f.m.entry.class,
            speaker: None,
            hedged: false,
            speaker_confidence: 0.0,
        })
    }
}

/// The attributions of `text`, ordered by cue.
///
/// `quotes` are the quotation spans of `text` (from [`crate::quotes::find_quotes`]); `cues`
/// the cue matches in order (from [`crate::cues::CueLexicon::find`]).
pub fn extract(
    text: &str,
    sentences: &[Sentence],
    quotes: &[Span],
    cues: &[CueMatch],
    finder: &MentionFinder,
) -> Vec<Attribution> {
    let run = |b: &mut Buffers| {
        let out = extract_with(text, sentences, quotes, cues, finder, b);
        b.release_large();
        out
    };
    // (fresh buffers if the thread's are gone or in use, which no caller does today)
    BUFFERS
        .try_with(|b| b.try_borrow_mut().ok().map(|mut b| run(&mut b)))
        .ok()
        .flatten()
        .unwrap_or_else(|| run(&mut Buffers::default()))
}

/// The token tables and the per-sentence buffers of [`extract`], kept by each thread from
/// text to text so that a text allocates only the attributions it makes.
#[derive(Default)]
struct Buffers {
    /// One token table per sentence of a batch.
    toks: Vec<Tokens>,
    /// One list of frames per sentence of a batch.
    frames: Vec<Vec<Frame>>,
    /// The sentences of the batch.
    batch: Vec<Work>,
    scratch: Scratch,
    /// [`drop_nested`]'s content after and before cues.
    covers: [Cover; 2],
}

thread_local! {
    static BUFFERS: std::cell::RefCell<Buffers> = std::cell::RefCell::default();
}

/// The most tokens (or frames) a buffer of [`Buffers`] keeps room for between texts: one text
/// with a huge sentence does not hold on to its memory.
const KEEP: usize = 1 << 14;

/// The most sentences, and about the most tokens, a batch of [`extract_with`] holds: each
/// step of the stage (tokens, frames, attributions) runs over a batch's sentences in turn,
/// so that its code stays in the instruction cache from one sentence to the next, and the
/// batch's tables stay in the data caches.
const BATCH: usize = 32;
const BATCH_TOKENS: usize = 4096;

/// One sentence of a batch: what the sentence filter found.
#[derive(Clone, Copy)]
struct Work {
    si: usize,
    /// Its cues: `cues[first_cue..end_cue]`.
    first_cue: usize,
    end_cue: usize,
    colon: bool,
    dash_colon: bool,
    poll: bool,
    credit: Option<(Span, usize)>,
}

impl Buffers {
    fn release_large(&mut self) {
        // (the batch's tables together: each keeps the room its largest sentence took)
        if self.toks.iter().map(Tokens::capacity).sum::<usize>() > 2 * KEEP {
            self.toks = Vec::new();
        }
        if self.covers.iter().any(|c| c.frags.capacity() > KEEP) {
            self.covers = Default::default();
        }
        if self.frames.iter().map(Vec::capacity).sum::<usize>() > KEEP {
            self.frames = Vec::new();
        }
        if self.scratch.made_now.capacity() > KEEP || self.scratch.keep.capacity() > KEEP {
            self.scratch = Scratch::default();
        }
    }
}

/// [`extract`] with a thread's buffers `b`.
fn extract_with(
    text: &str,
    sentences: &[Sentence],
    quotes: &[Span],
    cues: &[CueMatch],
    finder: &MentionFinder,
    b: &mut Buffers,
) -> Vec<Attribution> {
    let top = crate::quotes::top_level(quotes);
    // (room for about as many attributions as a text makes, about four for ten cues: a
    // growing list was copied three or four times a text)
    let mut out = Vec::with_capacity(cues.len() / 2 + 4);
    let Buffers {
        toks,
        frames,
        batch,
        scratch,
        covers,
    } = b;
    batch.clear();
    let mut tokens = 0usize;
    let mut c = 0usize;
    let mut q0 = 0usize;
    let mut around = Around::new(&top, 0);
    let mut credit_from = 0usize;
    // What every batch of the text shares.
    let work = Batch {
        text,
        sentences,
        top: &top,
        cues,
        finder,
    };
    for (si, sentence) in sentences.iter().enumerate() {
        while c < cues.len() && cues[c].span.start < sentence.span.start {
            c += 1;
        }
        let first_cue = c;
        while c < cues.len() && cues[c].span.end <= sentence.span.end {
            c += 1;
        }
        // `Gingrich: Trump Must Decide …` — a name and a colon opening a paragraph.
        let opens_paragraph = si == 0 || sentences[si - 1].paragraph != sentence.paragraph;
        let head =
            &text.as_bytes()[sentence.span.start..sentence.span.end.min(sentence.span.start + 60)];
        let colon = opens_paragraph && memchr::memchr(b':', head).is_some();
        // `In a CBS News poll, …`
        // (searchers built once: `memmem::find` builds one each call, about 600 instructions)
        static POLL: LazyLock<[memchr::memmem::Finder<'static>; 2]> = LazyLock::new(|| {
            [
                memchr::memmem::Finder::new(b"oll"),
                memchr::memmem::Finder::new(b"urvey"),
            ]
        });
        let poll = head.starts_with(b"In ") && POLL.iter().any(|f| f.find(head).is_some());
        // `… - Jane Roe: “…”`: a colon right before a quotation that starts in the sentence
        // (a cursor: sentences come in order; a search should one not)
        if q0 > 0 && top[q0 - 1].start >= sentence.span.start {
            q0 = top.partition_point(|q| q.start < sentence.span.start);
        }
        while q0 < top.len() && top[q0].start < sentence.span.start {
            q0 += 1;
        }
        let dash_colon = top[q0..]
            .iter()
            .take_while(|q| q.start < sentence.span.end)
            .any(|q| text[sentence.span.start..q.start].trim_end().ends_with(':'));
        // No cue outside a quotation (those are the quoted speaker's words, passed over by
        // `sentence_frames`): nothing to tokenize.
        let quoted = |m: &CueMatch| around.at(m.span.start).is_some();
        // `“…” ― Jane Roe`: a quotation credited with a dash and a name
        let credit = credit_dash(text, &top, sentence.span, &mut credit_from);
        if !colon
            && !dash_colon
            && !poll
            && credit.is_none()
            && cues[first_cue..c].iter().all(quoted)
        {
            continue;
        }
        // One token table for each sentence of the batch.
        let k = batch.len();
        if toks.len() <= k {
            toks.push(Tokens::default());
        }
        toks[k].fill(text, sentence.span.start, sentence.span.end);
        tokens += toks[k].len();
        batch.push(Work {
            si,
            first_cue,
            end_cue: c,
            colon,
            dash_colon,
            poll,
            credit,
        });
        if batch.len() == BATCH || tokens >= BATCH_TOKENS {
            work.run(batch, toks, frames, scratch, &mut out);
            batch.clear();
            tokens = 0;
        }
    }
    work.run(batch, toks, frames, scratch, &mut out);
    drop_nested(text, &mut out, covers);
    out
}

/// What every sentence of a text shares in [`extract_with`].
struct Batch<'a> {
    text: &'a str,
    sentences: &'a [Sentence],
    top: &'a [Span],
    cues: &'a [CueMatch],
    finder: &'a MentionFinder,
}

impl Batch<'_> {
    /// The context of the sentence of `w` on its token table.
    fn ctx<'c>(&'c self, w: &Work, toks: &'c Tokens) -> Ctx<'c> {
        Ctx {
            text: self.text,
            toks,
            sentence: self.sentences[w.si].span,
            index: w.si,
            quotes: self.top,
            finder: self.finder,
        }
    }

    /// The attributions of the sentences of `batch` (tokenized into `toks`), appended to
    /// `out` in order: first every sentence's frames, then every sentence's attributions.
    fn run(
        &self,
        batch: &[Work],
        toks: &[Tokens],
        frames: &mut Vec<Vec<Frame>>,
        scratch: &mut Scratch,
        out: &mut Vec<Attribution>,
    ) {
        while frames.len() < batch.len() {
            frames.push(Vec::new());
        }
        for ((w, t), f) in batch.iter().zip(toks).zip(frames.iter_mut()) {
            sentence_frames(&self.ctx(w, t), &self.cues[w.first_cue..w.end_cue], f);
        }
        for ((w, t), f) in batch.iter().zip(toks).zip(frames.iter_mut()) {
            self.sentence(w, &self.ctx(w, t), f, scratch, out);
        }
    }

    /// The attributions of sentence `w` whose frames are `frames`.
    fn sentence(
        &self,
        w: &Work,
        ctx: &Ctx<'_>,
        frames: &mut Vec<Frame>,
        scratch: &mut Scratch,
        out: &mut Vec<Attribution>,
    ) {
        let text = self.text;
        let opening = w.colon.then(|| ctx.colon_attribution()).flatten();
        let dashed = opening
            .is_none()
            .then(|| w.dash_colon.then(|| ctx.dash_colon_attribution()).flatten())
            .flatten();
        out.extend(opening);
        let polled = w.poll.then(|| ctx.poll_attribution()).flatten();
        let from = out.len();
        sentence_attributions(ctx, frames, scratch, out);
        // (`In a poll of voters, 40% said …`: the poll's content stops before the words of
        // an attribution inside it, which stands on its own)
        if let Some(mut p) = polled {
            let inner = out[from..]
                .iter()
                .filter(|a| {
                    p.content
                        .iter()
                        .any(|c| c.start <= a.cue.start && a.cue.end <= c.end)
                })
                .map(|a| a.source.map_or(a.cue.start, |s| s.start.min(a.cue.start)))
                .min();
            if let Some(end) = inner {
                let c = p.content[0];
                let head = text[c.start..end.max(c.start)].trim_end_matches(|ch: char| {
                    ch.is_whitespace() || matches!(ch, ',' | ';' | ':' | '-' | '—')
                });
                p.content = if head.is_empty() {
                    Vec::new()
                } else {
                    vec![Span::new(c.start, c.start + head.len())]
                };
                p.kind = ctx.kind(&p.content);
            }
            out.insert(from, p);
        }
        if let Some(d) = dashed {
            // (`Pollsters agree - Jane Roe: “…”`: the quotation is Roe's alone; content of
            // the words before the dash ends there)
            let (d, dash) = d;
            let rest: Vec<Attribution> = out
                .drain(from..)
                .filter_map(|mut a| {
                    if a.content.is_empty() || a.content.iter().all(|c| c.end <= dash) {
                        return Some(a);
                    }
                    let head = |c: &Span| {
                        Span::new(c.start, c.start + text[c.start..dash].trim_end().len())
                    };
                    a.content = a
                        .content
                        .iter()
                        .filter(|c| c.start < dash)
                        .map(|c| if c.end > dash { head(c) } else { *c })
                        .filter(|c| !c.is_empty())
                        .collect();
                    a.kind = ctx.kind(&a.content);
                    (!a.content.is_empty()).then_some(a)
                })
                .collect();
            out.extend(rest);
            out.push(d);
            out[from..].sort_by_key(|a| a.cue.start);
        }
        if let Some((q, dash)) = w.credit {
            // unless a cue already gave the quotation its speaker
            let told = out
                .iter()
                .rev()
                .take(8)
                .any(|a| a.content.iter().any(|c| c.start < q.end && q.start < c.end));
            if let Some(a) = ctx.credit_attribution(q, dash).filter(|_| !told) {
                out.push(a);
                out[from..].sort_by_key(|a| a.cue.start);
            }
        }
    }
}

/// Content fragments sorted by start, with the furthest end up to each one, for asking
/// whether a span lies inside any of them in O(log n).
#[derive(Default)]
struct Cover {
    frags: Vec<(usize, usize)>,
    reach: Vec<usize>,
}

impl Cover {
    /// The cover of `frags`, in this one's buffers.
    fn refill(&mut self, frags: impl Iterator<Item = (usize, usize)>) {
        self.frags.clear();
        self.frags.extend(frags);
        self.frags.sort_unstable();
        self.reach.clear();
        self.reach
            .extend(self.frags.iter().scan(0usize, |far, &(_, end)| {
                *far = (*far).max(end);
                Some(*far)
            }));
    }

    fn covers(&self, s: Span) -> bool {
        let n = self.frags.partition_point(|f| f.0 <= s.start);
        n > 0 && self.reach[n - 1] >= s.end
    }
}

/// Drops the attributions whose cue lies inside another's content: those words are the other
/// speaker's (`Roe said the critics had claimed too much` attributes one claim, Roe's), unless
/// the cue reports speech (`said`, `says`) or names a source (`according to`), which news
/// nests (`Roe said Lee says …`). In content before its cue (`…, the union insisted`) an
/// attribution quoting words of its own stays (`She called it “a disgrace”, …`). PolNeAR
/// nests 1 cue of 19,913 in another's content. O(n log n) in the attributions.
fn drop_nested(text: &str, out: &mut Vec<Attribution>, covers: &mut [Cover; 2]) {
    let fragments = |cover: &mut Cover, after: bool| {
        cover.refill(out.iter().flat_map(|a| {
            a.content
                .iter()
                .filter(move |c| {
                    if after {
                        c.start >= a.cue.end
                    } else {
                        c.end <= a.cue.start
                    }
                })
                .map(|c| (c.start, c.end))
        }));
    };
    let [after, before] = covers;
    fragments(after, true);
    fragments(before, false);
    if after.frags.is_empty() && before.frags.is_empty() {
        return;
    }
    out.retain(|a| {
        let quoting = matches!(a.kind, AttributionKind::Direct | AttributionKind::Mixed);
        if !(after.covers(a.cue) || !quoting && before.covers(a.cue)) {
            return true;
        }
        let cue = a.cue.as_str(text);
        let last = cue.rsplit(char::is_whitespace).next().unwrap_or("");
        // (`critics who say …`: a relative clause's own report)
        let relative = cue.eq_ignore_ascii_case("say")
            && a.source
                .is_some_and(|s| s.as_str(text).eq_ignore_ascii_case("who"));
        last.eq_ignore_ascii_case("said")
            || last.eq_ignore_ascii_case("says")
            || relative
            || cue.eq_ignore_ascii_case("according to")
    });
}

/// The first token of a frame's words: its source when that stands just before the cue.
fn region_start(f: &Frame) -> usize {
    match f.source {
        Some(s) if !f.source_after && s.last < f.first && f.first - s.last <= 2 => s.first,
        _ => f.first,
    }
}

/// The buffers [`sentence_attributions`] fills for each sentence, kept across the sentences of
/// a text so that a sentence allocates only the attributions it makes.
#[derive(Default)]
struct Scratch {
    keep: Vec<bool>,
    live: Vec<bool>,
    now: Vec<bool>,
    made_now: Vec<Option<Attribution>>,
    asked: Vec<(usize, bool)>,
    nested: Vec<bool>,
    /// Each frame's [`Ctx::as_comma`], asked by both passes and the nesting test.
    as_commas: Vec<Option<usize>>,
}

/// The frames of the cues of one sentence (`frames`, emptied first): the first half of a
/// sentence's work, [`sentence_attributions`] the second.
fn sentence_frames(ctx: &Ctx<'_>, cues: &[CueMatch], frames: &mut Vec<Frame>) {
    let toks = &ctx.toks;
    frames.clear();
    let mut around = Around::new(ctx.quotes, ctx.sentence.start);
    for (i, m) in cues.iter().enumerate() {
        // Cues inside a quotation are the quoted speaker's words.
        if around.at(m.span.start).is_some() {
            continue;
        }
        let a = toks.partition_point(|t| t.span.start < m.span.start);
        // (the tokens the cue covers, counted from `a`: when token `a` starts the cue, every
        // token before it ends before the cue)
        let mut b_end = a;
        while b_end < toks.len() && toks[b_end].span.end <= m.span.end {
            b_end += 1;
        }
        if a >= toks.len() || b_end == 0 || b_end <= a || toks[a].span.start != m.span.start {
            continue;
        }
        // A capitalised verb is a name (`United States`, `Post`) unless it opens the sentence
        // or sits in a title-case headline between capitalised words (`Bush Says We …`).
        if m.entry.kind != CueType::Phrase && a > 0 && toks[a].is_capitalized(ctx.text) {
            let headline = matches!(m.entry.form, VerbForm::Third | VerbForm::Past)
                && toks[a - 1].is_capitalized(ctx.text)
                && toks.get(b_end).is_some_and(|t| t.is_capitalized(ctx.text));
            if !headline {
                continue;
            }
        }
        let b = b_end - 1;
        if frames.last().is_some_and(|f| f.last >= a) {
            continue;
        }
        // `Roe was quoted by the paper as saying …`: the participle and the gerund, one cue
        // (the gerund among the next cues within the gap: `was described in the report as
        // saying`).
        let mut joined = None;
        let participle = m.entry.kind == CueType::Verb
            && !m.entry.passive
            && matches!(m.entry.form, VerbForm::Past | VerbForm::Participle);
        for next in cues[i + 1..].iter().take_while(|_| participle) {
            // (cheap tests first: this runs after every past-tense cue, `said` above all)
            if next.span.start > m.span.end + PASSIVE_GAP_BYTES {
                break;
            }
            if next.entry.form != VerbForm::Gerund {
                continue;
            }
            let a2 = toks.partition_point(|t| t.span.start < next.span.start);
            if a2 > b + 2 + PASSIVE_GAP || a2 >= toks.len() {
                break;
            }
            let b2 = toks.partition_point(|t| t.span.end <= next.span.end);
            if a2 < b2 && toks[a2].span.start == next.span.start {
                if let Some(c) = ctx.passive_as(m, b, next, a2) {
                    joined = ctx.frame(c, a, b2 - 1, frames);
                    break;
                }
            }
        }
        if let Some(f) = joined {
            let floor = frames.last().map_or(0, |p| p.last + 1);
            frames.push(ctx.with_informed_head(f, floor));
            continue;
        }
        // `The minister is expected to say that …`: the evidential passive's frame gives
        // way to one cue from its participle to the speech verb when that reports a clause
        // `that`, a quotation or a colon opens (one more content scan, for these cues only).
        if let Some(p) = frames.last().copied() {
            if let Some(c) = ctx.expected_speech(&p, m, a) {
                frames.pop();
                let joined = ctx
                    .frame(c, p.cue_last, b, frames)
                    .filter(|f| ctx.reports_opened_clause(f));
                match joined {
                    Some(f) => {
                        let floor = frames.last().map_or(0, |q| q.last + 1);
                        frames.push(ctx.with_informed_head(f, floor));
                        continue;
                    }
                    None => frames.push(p),
                }
            }
        }
        // `An official who asked not to be named said …`: a cue inside a restrictive relative
        // clause (no comma before `who`) is part of the next cue's source when that source
        // then takes in the whole phrase.
        if let Some(p) = frames
            .last()
            .copied()
            .filter(|p| ctx.restrictive_relative(p, a))
        {
            frames.pop();
            let plain = ctx.frame(*m, a, b, frames);
            let outer = plain.filter(|f| {
                f.source
                    .is_some_and(|s| s.first < p.first && !f.source_after)
            });
            // `The members who backed the plan said`: the source found before the cue lies
            // inside the relative clause; its antecedent with the clause is the source.
            let outer = outer.or_else(|| {
                let f = plain.filter(|f| {
                    !f.source_after
                        && f.source
                            .is_some_and(|s| s.first > p.last && s.kind != MentionKind::Pronoun)
                })?;
                let r = p.source?.first;
                let floor = frames.last().map_or(0, |q| q.last + 1);
                let ante = ctx
                    .finder
                    .before(ctx.text, toks, r.checked_sub(1)?, floor)
                    .filter(|h| {
                        h.last + 1 == r
                            && matches!(h.kind, MentionKind::Group | MentionKind::Description)
                    })?;
                let last = f.first.checked_sub(1)?;
                Some(Frame {
                    source: Some(Mention {
                        span: Span::new(ante.span.start, toks[last].span.end),
                        last,
                        ..ante
                    }),
                    ..f
                })
            });
            match outer {
                Some(f) => frames.push(f),
                None => {
                    frames.push(p);
                    if let Some(f) = ctx.frame(*m, a, b, frames) {
                        frames.push(f);
                    }
                }
            }
            continue;
        }
        if let Some(f) = ctx.frame(*m, a, b, frames) {
            let floor = frames.last().map_or(0, |p| p.last + 1);
            frames.push(ctx.with_informed_head(f, floor));
        }
    }
}

/// The attributions of one sentence's `frames` (made by [`sentence_frames`]), appended to
/// `out`.
fn sentence_attributions(
    ctx: &Ctx<'_>,
    frames: &mut Vec<Frame>,
    scratch: &mut Scratch,
    out: &mut Vec<Attribution>,
) {
    let toks = &ctx.toks;
    let Scratch {
        keep,
        live,
        now,
        made_now,
        asked,
        nested,
        as_commas,
    } = scratch;
    // A cue inside another frame's source (`a report by …`) is part of that source. Sources
    // lie within a bounded window of their cue, so only nearby frames are compared.
    keep.clear();
    keep.extend((0..frames.len()).map(|i| {
        let f = &frames[i];
        let cue = Span::new(toks[f.first].span.start, toks[f.last].span.end);
        let near = |g: &Frame| g.last + NEAR >= f.first && f.last + NEAR >= g.first;
        let lo = (0..i)
            .rev()
            .take_while(|&j| near(&frames[j]))
            .last()
            .unwrap_or(i);
        let hi = (i + 1..frames.len())
            .take_while(|&j| near(&frames[j]))
            .last()
            .unwrap_or(i);
        // `Cruz, who says …, said`: a relative clause's own frame stays.
        let relative = f
            .source
            .is_some_and(|s| s.kind == MentionKind::Relative && s.first == s.last);
        relative
            || !(lo..=hi).any(|j| j != i && frames[j].source.is_some_and(|s| s.span.overlaps(&cue)))
    }));
    let mut keep = keep.iter();
    frames.retain(|_| keep.next().copied().unwrap_or(false));
    // A source after its cue runs to the end of its phrase: `according to a poll by the Pew
    // Research Center`, `said Jane Roe, a potter from Hull` (news convention, and PolNeAR's).
    for i in 0..frames.len() {
        // (`said Jane Roe, a potter, who also said …`: a relative source that takes in this
        // source as its antecedent ends it at the relative pronoun)
        let ceil = frames.get(i + 1).map_or(toks.len(), |n| match n.source {
            Some(r)
                if r.kind == MentionKind::Relative
                    && r.first < r.last
                    && frames[i].source.is_some_and(|s| s.first == r.first) =>
            {
                r.last.saturating_sub(1)
            }
            _ => region_start(n),
        });
        let f = &frames[i];
        let Some(s) = f.source.filter(|_| f.source_after) else {
            continue;
        };
        let widened = if f.m.entry.kind == CueType::Phrase {
            ctx.finder.phrase_to_clause_end(ctx.text, toks, &s, ceil)
        } else {
            Some(s)
        };
        // After `According to X,` opening a clause the comma opens the content (`According
        // to the council, the park closes.`); only `…, according to X, a …` has an apposition.
        let opening =
            f.m.entry.kind == CueType::Phrase && (f.first == 0 || !ctx.is_punct(f.first - 1, ','));
        let widened = widened.map(|w| {
            (!opening)
                .then(|| {
                    let loose = f.m.entry.kind != CueType::Phrase;
                    ctx.finder.apposition_after(ctx.text, toks, &w, ceil, loose)
                })
                .flatten()
                .unwrap_or(w)
        });
        if let Some(w) = widened.filter(|w| w.last < ceil) {
            frames[i].source = Some(w);
            // `…, adding that …`: a gerund's frame took this source as its subject.
            for g in frames[i + 1..].iter_mut().take(4) {
                if g.source.is_some_and(|gs| gs.span == s.span) {
                    g.source = Some(w);
                }
            }
        }
    }
    // Where each frame's words begin: content of the frame before stops there.
    for f in frames.iter_mut() {
        let start = region_start(f);
        // (`called them “overblown,” adding …`: a comma inside the closing quotation mark)
        let quote_comma = start > 1 && is_close_quote_char(ctx.tok_str(start - 1)) && {
            let end = toks[start - 1].span.end;
            let q = if is_close_quote_char(ctx.tok_str(start - 2)) {
                start - 2 // `''`
            } else {
                start - 1
            };
            q > 0
                && ctx.is_punct(q - 1, ',')
                && quote_ending_before(ctx.quotes, end).is_some_and(|s| s.end == end)
        };
        if start > 0 && (ctx.is_punct(start - 1, ',') || ctx.is_punct(start - 1, ';')) {
            f.cut = Some(start - 1);
        } else if quote_comma {
            f.cut = Some(start);
        } else if start > 0
            && matches!(
                ctx.word(start - 1),
                Some("and" | "but" | "while" | "whereas")
            )
        {
            let conj = start - 1;
            let comma = conj > 0 && ctx.is_punct(conj - 1, ',');
            f.cut = Some(if comma { conj - 1 } else { conj });
        }
    }
    // Two passes: a frame that makes no attribution does not cut the content before it.
    // (`attribution` depends only on the frame, its limit and whether one was made before
    // it: the second pass asks again only where one of those changed.)
    live.clear();
    live.resize(frames.len(), true);
    as_commas.clear();
    as_commas.extend(frames.iter().map(|f| ctx.as_comma(f)));
    made_now.clear();
    asked.clear();
    for pass in 0..2 {
        let mut made = 0usize;
        for i in 0..frames.len() {
            // Content may hold one nested attribution (`suggest that the Kremlin views …`)
            // but not run over the next ones: that keeps the output linear in the text.
            let second_next = frames
                .get(i + 2)
                .map_or(toks.len(), |n| region_start(n).max(frames[i].last + 1));
            // `As X noted, Y said …`: the frame after the comma lies inside the content.
            let as_comma = as_commas[i];
            let limit = frames[i + 1..]
                .iter()
                .zip(&live[i + 1..])
                .take(4)
                .find_map(|(n, &ok)| {
                    n.cut
                        .filter(|&c| ok && c > frames[i].last && Some(c) != as_comma)
                })
                .unwrap_or(toks.len())
                .min(second_next);
            // A relative clause inside the next frame's source ends before that cue.
            let cue_i = Span::new(
                toks[frames[i].first].span.start,
                toks[frames[i].last].span.end,
            );
            let limit = frames[i + 1..]
                .iter()
                .take(4)
                .find(|n| n.source.is_some_and(|s| s.span.overlaps(&cue_i)))
                .map_or(limit, |n| limit.min(n.first));
            let key = (limit, made > 0);
            if pass == 0 {
                made_now.push(ctx.attribution(&frames[i], as_comma, limit, made > 0));
                asked.push(key);
            } else if asked[i] != key {
                made_now[i] = ctx.attribution(&frames[i], as_comma, limit, made > 0);
            }
            made += usize::from(made_now[i].is_some());
        }
        now.clear();
        now.extend(made_now.iter().map(Option::is_some));
        if pass == 0 && now == live {
            break;
        }
        std::mem::swap(live, now);
    }
    // `Trump, who questioned …, said`: a relative clause making an attribution of its own is
    // no part of the source after it; the antecedent alone is (PolNeAR marks it so).
    for i in 1..frames.len() {
        let (Some(s), Some(made)) = (
            frames[i].source.filter(|_| !frames[i].source_after),
            made_now[i].as_ref(),
        ) else {
            continue;
        };
        if made.source != Some(s.span) {
            continue;
        }
        let lo = i.saturating_sub(4);
        let relative = (lo..i).find_map(|j| {
            made_now[j].as_ref()?;
            frames[j].source.filter(|r| {
                r.kind == MentionKind::Relative
                    && r.first == r.last
                    && r.first > s.first + 1
                    && r.first <= s.last
                    && ctx.is_punct(r.first - 1, ',')
            })
        });
        if let Some(r) = relative {
            let span = Span::new(s.span.start, toks[r.first - 2].span.end);
            if let Some(a) = made_now[i].as_mut() {
                a.source = Some(span);
            }
        }
    }
    // A belief inside what someone is reported to have said (`Smith said he thinks …`)
    // is part of that content, not an attribution of its own (PolNeAR marks it so).
    // So is any attribution inside the clause an opening `According to X,` introduces.
    nested.clear();
    nested.extend((0..made_now.len()).map(|i| {
        let Some(a) = made_now[i].as_ref() else {
            return false;
        };
        let own = frames[i].m.entry.belief || frames[i].m.entry.object;
        (i.saturating_sub(4)..i).any(|j| {
            let opening = || frames[j].m.entry.kind == CueType::Phrase && as_commas[j].is_some();
            made_now[j].as_ref().is_some_and(|p| {
                p.cue.end <= a.cue.start
                    && p.content
                        .iter()
                        .any(|c| c.start <= a.cue.start && a.cue.end <= c.end)
            }) && (own || opening())
        })
    }));
    out.extend(
        made_now
            .drain(..)
            .zip(nested.iter())
            .filter(|(_, &n)| !n)
            .filter_map(|(a, _)| a),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The cursor answers as the search does, positions going forward or back.
    #[test]
    fn around_is_quote_around() {
        let quotes = [
            Span::new(2, 5),
            Span::new(5, 9),
            Span::new(12, 20),
            Span::new(20, 21),
        ];
        for list in [&quotes[..], &quotes[..1], &[]] {
            let mut around = Around::new(list, 3);
            for pos in (0..24).chain((0..24).rev()).chain([7, 1, 15, 15, 30, 0]) {
                assert_eq!(around.at(pos), quote_around(list, pos), "{pos}");
            }
        }
    }

    /// Sentences go through in batches (by count and by tokens): every sentence of a text is
    /// read, once and in order, past the batches' edges and after a sentence larger than a
    /// batch.
    #[test]
    fn batches_cover_every_sentence() {
        let one = "Jane Roe said the park would close. ";
        let long = format!("{}Lee said it was fine. ", "word ".repeat(2 * BATCH_TOKENS));
        let text = format!(
            "{}{long}{}",
            one.repeat(2 * BATCH + 3),
            one.repeat(BATCH + 5)
        );
        let a = crate::Analyzer::default().analyze(&text).attributions;
        assert_eq!(a.len(), 3 * BATCH + 9);
        assert!(a.windows(2).all(|w| w[0].cue.start < w[1].cue.start));
        for (i, a) in a.iter().enumerate() {
            let source = a.source.map(|s| s.as_str(&text));
            let want = if i == 2 * BATCH + 3 {
                "Lee"
            } else {
                "Jane Roe"
            };
            assert_eq!(source, Some(want), "{i}");
            assert_eq!(a.cue.as_str(&text), "said");
        }
    }

    /// The pronoun of a contraction, by its length; none for other words with apostrophes.
    #[test]
    fn lone_words_are_short() {
        for w in DISCOURSE_LIST.iter().chain(SKIPPED_ADVERBS) {
            assert!(w.len() <= LONE_WORD, "{w}");
        }
    }

    #[test]
    fn contraction_pronouns() {
        for (w, n) in [
            ("he's", Some(2)),
            ("She’d", Some(3)),
            ("THEY'll", Some(4)),
            ("THEY'LL", None), // (the auxiliary as written)
            ("I’ve", Some(1)),
            ("we're", Some(2)),
            ("you’ll", Some(3)),
            ("they", None),
            ("it's", None),
            ("Roe’s", None),
            ("they’s’", None),
            ("theyy's", None),
            ("“he's", None),
            ("he—s", None),
            ("", None),
        ] {
            assert_eq!(contraction_pronoun(w), n, "{w:?}");
        }
    }

    proptest::proptest! {
        /// The test of a word's bytes 1 to 4 passes every word the byte loop over its first
        /// five passed that is a contraction.
        #[test]
        fn contraction_pronouns_as_by_the_byte_loop(
            w in "(he|she|i|we|they|you|x|[a-zA-Z]{0,3})?['’“—é]?(s|ve|d|re|ll|[a-z]{0,3})['’]?",
        ) {
            let old = if !w.bytes().take(5).any(|c| c == b'\'' || c == 0xE2) {
                None
            } else {
                w.split_once(['\'', '’']).and_then(|(stem, rest)| {
                    let pronoun = ["he", "she", "i", "we", "they", "you"]
                        .iter()
                        .any(|p| stem.eq_ignore_ascii_case(p));
                    let aux = matches!(rest, "s" | "ve" | "d" | "re" | "ll");
                    (pronoun && aux).then_some(stem.len())
                })
            };
            proptest::prop_assert_eq!(contraction_pronoun(&w), old, "{:?}", w);
        }
    }
}
