//! Mentions: candidate sources beside a cue, found without a parser.
//!
//! A source is a noun phrase ending just before a cue (`Russian Foreign Minister Sergey
//! Lavrov announced`) or starting just after one (`said Mr. Smith`, `according to a report
//! by RIA Novosti`): names as capitalised runs with titles, initials and connectors
//! (`Ministry of Defense`), pronouns, relative pronouns with their antecedent, descriptions
//! led by a determiner (`the sculptor`, `his campaign`), groups (`Independent analysts`,
//! `some Russian officials and supporters`, `others`), possessives (`Lavrov’s`) and
//! appositions (`Andrei Belyushikov, the head of the ministry,`). Every search looks at a
//! bounded window of tokens, so the cost per cue is constant.
//!
//! ```
//! use sayso::lex::Tokens;
//! use sayso::mentions::{MentionFinder, MentionKind};
//! let text = "In July, Russian Foreign Minister Sergey Lavrov announced it.";
//! let tokens = Tokens::new(text, 0, text.len());
//! let finder = MentionFinder::default();
//! let m = finder.before(text, &tokens, 7, 0).unwrap(); // ends at "Lavrov"
//! assert_eq!(m.span.as_str(text), "Russian Foreign Minister Sergey Lavrov");
//! assert_eq!(m.kind, MentionKind::Name);
//! ```

use std::sync::OnceLock;

use crate::lex::{Token, TokenKind, Tokens, WEEKDAYS};
use crate::lexicon;

use crate::attributions::{class, CLASSES};

/// True when token `i`'s lowercase form is a word of any of the classes `bits`.
#[inline]
fn is(tokens: &Tokens, i: usize, bits: u64) -> bool {
    tokens.class(i, &CLASSES) & bits != 0
}

use crate::Span;

/// What kind of phrase a mention is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MentionKind {
    /// he, she, they, I, we, it
    Pronoun,
    /// who, which (with its antecedent when the text gives one)
    Relative,
    /// A capitalised name, possibly with a title or an apposition.
    Name,
    /// A group: `analysts`, `some officials`, `others`.
    Group,
    /// A description: `the sculptor`, `his campaign`, `a report by RIA Novosti`.
    Description,
}

/// A candidate source.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Mention {
    /// Where it is.
    pub span: Span,
    /// What kind of phrase it is.
    pub kind: MentionKind,
    /// Index of its first token.
    pub first: usize,
    /// Index of its last token.
    pub last: usize,
}

impl Mention {
    /// This mention widened to end with token `last`.
    fn through(&self, tokens: &Tokens, last: usize) -> Mention {
        Mention {
            span: Span::new(self.span.start, tokens[last].span.end),
            last,
            ..*self
        }
    }

    /// A pronoun or a relative: nothing to widen it over.
    fn is_pronominal(&self) -> bool {
        matches!(self.kind, MentionKind::Pronoun | MentionKind::Relative)
    }

    /// True for a pronoun or a relative (`he`, `who`).
    pub fn is_pronominal_kind(&self) -> bool {
        self.is_pronominal()
    }
}

pub(crate) const PRONOUNS: &[&str] = &["he", "she", "they", "i", "we", "you", "it"];
pub(crate) const OBJECT_PRONOUNS: &[&str] = &["him", "her", "them", "me", "us", "you", "it"];
pub(crate) const RELATIVES: &[&str] = &["who", "which"];
pub(crate) const DETERMINERS_LIST: &[&str] = &[
    "the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "this", "these", "those",
    "some", "many", "most", "several", "other", "both", "all", "few", "two", "three", "four",
    "five", "six", "seven", "eight", "nine", "ten", "dozens", "hundreds", "no", "any", "each",
    "every", "another", "one",
];
/// Capitalised words that do not belong to a name (sentence-initial function words ...).
pub(crate) const STOP_CAPS_LIST: &[&str] = &[
    "having",
    "being",
    "but",
    "and",
    "or",
    "so",
    "yet",
    "then",
    "now",
    "when",
    "while",
    "if",
    "as",
    "after",
    "before",
    "since",
    "because",
    "although",
    "though",
    "however",
    "meanwhile",
    "still",
    "also",
    "in",
    "on",
    "at",
    "for",
    "with",
    "by",
    "from",
    "to",
    "of",
    "last",
    "next",
    "this",
    "that",
    "these",
    "those",
    "there",
    "here",
    "what",
    "which",
    "who",
    "why",
    "how",
    "where",
    "today",
    "yesterday",
    "tomorrow",
    "not",
    "even",
    "only",
    "just",
    "instead",
    "indeed",
    "later",
    "earlier",
    "asked",
    "speaking",
    "writing",
    "said",
    "says",
    "according",
    "it",
    "he",
    "she",
    "they",
    "we",
    "i",
    "you",
    "his",
    "her",
    "their",
    "its",
    "our",
    "my",
    "your",
    "an",
    "a",
    "the",
    "some",
    "many",
    "most",
    "several",
    "all",
    "both",
    "other",
    "others",
    "one",
    "no",
    "yes",
    "oh",
    "well",
    "like",
    "unlike",
    "despite",
    "during",
    "under",
    "over",
    "about",
    "against",
    "among",
    "between",
    "without",
    "within",
    "until",
    "unless",
    "whether",
    "whatever",
    "whoever",
    "both",
    "either",
    "neither",
    "nor",
    "every",
    "each",
    "any",
];
/// Lowercase words that never head a noun phrase.
pub(crate) const FUNCTION_WORDS_LIST: &[&str] = &[
    "of",
    "to",
    "in",
    "on",
    "at",
    "for",
    "with",
    "by",
    "from",
    "and",
    "or",
    "but",
    "that",
    "than",
    "as",
    "is",
    "was",
    "were",
    "are",
    "be",
    "been",
    "has",
    "have",
    "had",
    "not",
    "so",
    "if",
    "when",
    "while",
    "then",
    "also",
    "about",
    "into",
    "over",
    "after",
    "before",
    "what",
    "how",
    "why",
    "where",
    "whether",
    "there",
    "here",
    "this",
    "these",
    "those",
    "the",
    "a",
    "an",
    "very",
    "just",
    "only",
    "even",
    "still",
    "again",
    "ever",
    "never",
    "more",
    "less",
    "most",
    "much",
    "too",
    "will",
    "would",
    "could",
    "should",
    "can",
    "may",
    "might",
    "must",
    "do",
    "does",
    "did",
    "up",
    "out",
    "off",
    "down",
    "against",
    "because",
    "since",
    "until",
    "them",
    "him",
    "us",
    "me",
    "whom",
    "himself",
    "herself",
    "themselves",
    "itself",
];
pub(crate) const CONNECTORS: &[&str] = &[
    "of", "for", "and", "de", "del", "la", "le", "van", "von", "der", "bin", "al", "el", "da",
    "dos", "du",
];
/// Words that head `X of …` as a quantity of a group (`Most of the senators`).
pub(crate) const QUANTITY_HEADS: &[&str] = &[
    "most",
    "many",
    "some",
    "all",
    "one",
    "none",
    "each",
    "half",
    "majority",
    "average",
    "several",
    "two",
    "three",
    "few",
    "both",
    "members",
    "member",
    "plurality",
    "share",
];
/// Evidence that heads a phrase before a preposition (`a poll of voters`).
pub(crate) const EVIDENCE_HEADS: &[&str] = &[
    "poll",
    "polls",
    "survey",
    "surveys",
    "polling",
    "study",
    "studies",
    "analysis",
    "review",
    "report",
    "data",
    "results",
    "audit",
    "story",
    "article",
    "research",
    "editorial",
    "investigation",
    "memo",
    "letter",
];

/// Determiners and quantifiers a phrase read backwards may open with (`The two voters`,
/// `many other polls`).
pub(crate) const LEADING_DETERMINERS: &[&str] = &[
    "the", "a", "an", "many", "several", "some", "most", "all", "both", "few", "these", "those",
];

/// Mention `m` with the determiner just before it (`The` of `The 50-state poll`), when it
/// opens with no determiner of its own.
fn with_determiner(tokens: &Tokens, m: Mention, floor: usize) -> Mention {
    if !matches!(
        m.kind,
        MentionKind::Name | MentionKind::Group | MentionKind::Description
    ) || m.first <= floor
    {
        return m;
    }
    let own = tokens.lower(m.first);
    if matches!(own, "the" | "a" | "an") || is_possessive(own) {
        return m;
    }
    let p = m.first - 1;
    let t = &tokens[p];
    if t.kind != TokenKind::Word || tokens[m.first].line_break_before {
        return m;
    }
    if !is(tokens, p, class::LEADING_DETERMINERS) {
        return m;
    }
    Mention {
        span: Span::new(t.span.start, m.span.end),
        first: p,
        ..m
    }
}

/// Mention `m` from the last line break inside it (a heading line before a name is no part
/// of it).
fn after_line_break(text: &str, tokens: &Tokens, m: Mention) -> Mention {
    let _ = text;
    match (m.first + 1..=m.last)
        .rev()
        .find(|&k| tokens[k].line_break_before)
    {
        Some(k) => Mention {
            span: Span::new(tokens[k].span.start, m.span.end),
            first: k,
            ..m
        },
        None => m,
    }
}

/// Words that end a forward noun phrase.
pub(crate) const STOP_FORWARD_LIST: &[&str] = &[
    "that", "who", "which", "whom", "whose", "is", "was", "were", "are", "has", "have", "had",
    "will", "would", "can", "could", "may", "might", "should", "must", "and", "but", "or", "said",
    "says", "say", "told", "tells", "when", "while", "because", "if", "as", "after", "before",
    "since", "though", "although", "during", "on", "in", "at", "to", "with", "about", "than",
    "not", "also", "did", "does", "do", "added", "wrote", "noted", "he", "she", "they", "we", "i",
    "there",
];
/// Words that join clauses or make a verb phrase: no noun phrase runs back over them.
pub(crate) const CLAUSE_WORDS: &[&str] = &[
    "but", "that", "when", "where", "after", "as", "because", "while", "if", "than", "since",
    "before", "until", "whether", "what", "how", "why", "is", "was", "were", "are", "has", "have",
    "had", "will", "would", "can", "could", "should", "may", "might", "must", "do", "does", "did",
];
/// Words that open a new clause after a comma, ending an apposition before them.
pub(crate) const CLAUSE_OPENERS: &[&str] = &[
    "and",
    "but",
    "or",
    "while",
    "although",
    "though",
    "because",
    "as",
    "so",
    "if",
    "when",
    "according",
    "where",
    "since",
    "after",
    "before",
    "then",
];

/// `J`, `J.M`: one capital letter, or capitals joined by periods (the last period is a
/// token of its own).
fn is_initials(s: &str) -> bool {
    s.split('.').all(|part| {
        let mut chars = part.chars();
        chars.next().is_some_and(char::is_uppercase) && chars.next().is_none()
    })
}

/// A word that can modify a noun phrase's head: not a function word, a verb-like word of
/// the forward stop list, or an adverb.
fn is_modifier(tokens: &Tokens, i: usize) -> bool {
    let t = &tokens[i];
    if t.kind == TokenKind::Number {
        return true;
    }
    let w = tokens.lower(i);
    t.kind == TokenKind::Word
        && !is(tokens, i, class::FUNCTION_WORDS)
        && !is(tokens, i, class::STOP_FORWARD)
        && !is(tokens, i, class::DETERMINERS)
        && !is(tokens, i, class::PRONOUNS)
        && !w.ends_with("ly")
        && !matches!(
            w,
            "then" | "now" | "still" | "even" | "already" | "just" | "however" | "yet" | "so"
        )
}

/// True when token `s` opens a clause: the sentence's first token, or one after a comma,
/// colon, semicolon, bracket, dash, quotation mark or a clause-joining word; or one after
/// `of`, which opens a noun phrase (`85% of ferry riders`).
fn opens_clause(text: &str, tokens: &Tokens, s: usize) -> bool {
    let Some(pi) = s.checked_sub(1) else {
        return true;
    };
    let p = &tokens[pi];
    if p.kind == TokenKind::Punct {
        let ps = p.as_str(text);
        return is_quote_mark(ps) || matches!(ps, "," | ":" | ";" | "(" | "—" | "–");
    }
    matches!(
        tokens.lower(pi),
        "that"
            | "of"
            | "and"
            | "but"
            | "because"
            | "while"
            | "when"
            | "if"
            | "although"
            | "though"
            | "since"
            | "as"
            | "so"
            | "where"
            | "whether"
    )
}

/// Lowercase words opening an aside between a source and its cue (`Roe, in a statement,
/// said`), besides participles (`citing`, `asked`).
pub(crate) const PARENTHETICAL_OPENERS: &[&str] = &[
    "for",
    "however",
    "in",
    "on",
    "at",
    "during",
    "after",
    "before",
    "with",
    "without",
    "like",
    "unlike",
    "despite",
    "meanwhile",
    "though",
    "too",
    "also",
    "when",
    "while",
    "if",
    "as",
    "through",
    "via",
    "once",
    "speaking",
    "by",
    "to",
    "of",
    "under",
    "against",
    "among",
    "from",
    "perhaps",
];

/// True when token `t` opens an aside between a source and its cue rather than an
/// apposition: `Roe, in a statement, said`, `Roe, citing data, said`, `Roe, by contrast,`.
pub fn opens_aside(text: &str, tokens: &Tokens, i: usize) -> bool {
    let t = &tokens[i];
    let w = tokens.lower(i);
    t.is_lowercase_word(text)
        && (w.ends_with("ing") || w.ends_with("ed") || is(tokens, i, class::PARENTHETICAL_OPENERS))
        && !matches!(w, "and" | "but" | "or")
}

/// The `(` matching the `)` at token `close`, no further back than eight tokens or `floor`.
fn open_bracket_before(text: &str, tokens: &Tokens, close: usize, floor: usize) -> Option<usize> {
    (floor.max(close.saturating_sub(8))..close)
        .rev()
        .find(|&i| tokens[i].is(text, '('))
}

/// Numbers written as words, for shares (`six in 10`).
pub(crate) const NUMBER_WORDS: &[&str] = &[
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
];

fn is_quote_mark(s: &str) -> bool {
    matches!(
        s,
        "“" | "”" | "\"" | "‘" | "’" | "'" | "«" | "»" | "„" | "`" | "‹" | "›"
    )
}

pub(crate) const TITLE_ABBREVIATIONS_LIST: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "lt", "col", "capt", "sgt", "adm",
    "rev", "st", "jr", "sr", "u.s", "u.n", "u.k", "no",
];

/// Finds mentions; holds the title and group lexicons. Build once, share across threads.
#[derive(Clone, Debug)]
pub struct MentionFinder {
    titles: LexSet,
    groups: LexSet,
}

/// The lexicon sets: keys from the crate's data files, hashed fast.
type LexSet = crate::lex::StringSet;

impl Default for MentionFinder {
    fn default() -> Self {
        MentionFinder::new()
    }
}

fn is_possessive(word: &str) -> bool {
    word.len() > 2
        && (word.ends_with("’s")
            || word.ends_with("'s")
            || word.ends_with("s’")
            || word.ends_with("s'"))
}

impl MentionFinder {
    /// The finder with the shipped lexicons.
    pub fn new() -> Self {
        let mut titles = LexSet::default();
        // Person nouns (`producer`, `lawmaker`, `woman`) head a description as titles do.
        let person_nouns = lexicon::entries(crate::entities::PERSON_NOUNS)
            .filter_map(|line| line.split('|').next())
            .map(str::trim);
        for t in lexicon::entries(lexicon::TITLES).chain(person_nouns) {
            let t = t.to_lowercase();
            let bare = t.trim_end_matches('.').to_owned();
            if bare.ends_with("man") {
                titles.insert(format!("{}men", &bare[..bare.len() - 3]));
            }
            titles.insert(format!("{bare}s"));
            titles.insert(bare);
        }
        let groups = lexicon::entries(lexicon::GROUPS)
            .map(str::to_lowercase)
            .collect();
        MentionFinder { titles, groups }
    }

    /// The shared default finder.
    pub fn shared() -> &'static MentionFinder {
        static F: OnceLock<MentionFinder> = OnceLock::new();
        F.get_or_init(MentionFinder::new)
    }

    /// True when `word` (lowercase) is a known title or role.
    pub fn is_title(&self, word: &str) -> bool {
        self.titles.contains(word)
    }

    /// True when `word` (lowercase) can head a source description on its own.
    pub fn is_group(&self, word: &str) -> bool {
        self.groups.contains(word)
    }

    /// The plural of a group noun of the lexicon: `groups`, `parties`, `unions`.
    fn group_plural(&self, word: &str) -> bool {
        if let Some(stem) = word.strip_suffix("ies") {
            return self.groups.contains(format!("{stem}y").as_str());
        }
        word.strip_suffix('s')
            .is_some_and(|stem| !stem.ends_with('s') && self.groups.contains(stem))
    }

    /// `Six in 10`, `nearly nine out of 10`, `26%`: the share of a poll's respondents
    /// ending at token `last` (a number or `%`).
    fn poll_share_before(
        &self,
        text: &str,
        tokens: &Tokens,
        last: usize,
        floor: usize,
    ) -> Option<Mention> {
        let is_number =
            |i: usize| tokens[i].kind == TokenKind::Number || is(tokens, i, class::NUMBER_WORDS);
        let mut first = if tokens[last].is(text, '%') {
            last.checked_sub(1)
                .filter(|&i| i >= floor && is_number(i))?
        } else {
            // `N in 10`, `N out of 10`
            let of = last.checked_sub(1).filter(|&i| i > floor)?;
            let w = tokens.lower(of);
            let n = match w {
                "in" => of - 1,
                "of" if of >= floor + 2 && tokens.lower(of - 1) == "out" => of - 2,
                _ => return None,
            };
            if !is_number(last) || !is_number(n) {
                return None;
            }
            n
        };
        // `nearly`, `about`, `just over`: qualifiers of the share.
        let mut steps = 0;
        while first > floor && steps < 2 {
            let q = tokens.lower(first - 1);
            if !matches!(
                q,
                "nearly"
                    | "about"
                    | "almost"
                    | "roughly"
                    | "around"
                    | "some"
                    | "only"
                    | "just"
                    | "over"
                    | "under"
                    | "than"
                    | "more"
                    | "fewer"
                    | "less"
                    | "barely"
            ) {
                break;
            }
            first -= 1;
            steps += 1;
        }
        Some(Mention {
            span: Span::new(tokens[first].span.start, tokens[last].span.end),
            kind: MentionKind::Group,
            first,
            last,
        })
    }

    fn agent_plural(word: &str) -> bool {
        ["ers", "ors", "ists", "ians", "ants", "ents", "men", "ees"]
            .iter()
            .any(|s| word.len() > s.len() + 2 && word.ends_with(s))
    }

    /// The noun phrase whose last token is `tokens[last]`, looking back no further than
    /// `floor` (a token index) and at most a dozen tokens.
    pub fn before(
        &self,
        text: &str,
        tokens: &Tokens,
        last: usize,
        floor: usize,
    ) -> Option<Mention> {
        let t = tokens.get(last)?;
        if last >= floor && t.is(text, ')') {
            return self.name_or_bracketed_before(text, tokens, last, floor);
        }
        if last >= floor && (t.is(text, '%') || t.kind == TokenKind::Number) {
            return self.poll_share_before(text, tokens, last, floor);
        }
        if last < floor || t.kind != TokenKind::Word {
            return None;
        }
        if is(tokens, last, class::PRONOUNS) {
            return Some(Mention {
                span: t.span,
                kind: MentionKind::Pronoun,
                first: last,
                last,
            });
        }
        if is(tokens, last, class::RELATIVES) {
            // `X, a sculptor ..., who said`: the antecedent with its apposition; a bare
            // `who` otherwise (the PolNeAR convention).
            if last >= floor + 2 && tokens[last - 1].is(text, ',') {
                let antecedent = self
                    .apposition_before(text, tokens, last - 1, floor)
                    .filter(|a| a.last + 2 == last);
                if let Some(a) = antecedent {
                    return Some(Mention {
                        span: Span::new(a.span.start, t.span.end),
                        kind: MentionKind::Relative,
                        first: a.first,
                        last,
                    });
                }
            }
            return Some(Mention {
                span: t.span,
                kind: MentionKind::Relative,
                first: last,
                last,
            });
        }
        self.phrase_before(text, tokens, last, floor)
            .map(|m| with_determiner(tokens, m, floor))
            .map(|m| self.widen_left(text, tokens, m, floor))
            .map(|m| with_determiner(tokens, m, floor))
            .map(|m| after_line_break(text, tokens, m))
    }

    /// The whole phrase a mention ends: the head before a preposition (`a spokesman for
    /// the ministry`, `a majority of voters`) and a coordinated phrase (`She and her aides`,
    /// `Neither Cruz nor Christie`), at most two steps back, each bounded.
    fn widen_left(&self, text: &str, tokens: &Tokens, m: Mention, floor: usize) -> Mention {
        let mut m = m;
        for _ in 0..2 {
            let Some(p) = m.first.checked_sub(1).filter(|&p| p > floor) else {
                break;
            };
            // `a CNN/ORC poll`, `the Reuters/Ipsos poll`: names joined by a slash.
            if tokens[p].is(text, '/') && tokens[p - 1].is_capitalized(text) {
                match self
                    .phrase_before(text, tokens, p - 1, floor)
                    .filter(|l| l.kind == MentionKind::Name && l.last + 1 == p)
                {
                    Some(l) => {
                        m.first = l.first;
                        m.span = Span::new(l.span.start, m.span.end);
                        continue;
                    }
                    None => break,
                }
            }
            if tokens[p].kind != TokenKind::Word {
                break;
            }
            let pw = tokens.lower(p);
            // `a super PAC`: the lowercase word is part of the name.
            if pw == "super" && matches!(tokens[m.first].as_str(text), "PAC" | "PACs") {
                m.first = p;
                m.span = Span::new(tokens[p].span.start, m.span.end);
                continue;
            }
            let joined = match pw {
                "of" | "for" | "at" | "in" | "with" | "from" | "on" => {
                    let h = &tokens[p - 1];
                    let hw = tokens.lower(p - 1);
                    // `Most of the senators`, `An average of 10 percent of voters`: a
                    // quantity heads the phrase (with its article).
                    // `85% of Democrats`, `61 percent of voters`: a share heads it too.
                    let share = (pw == "of")
                        .then(|| {
                            if h.is(text, '%') {
                                self.poll_share_before(text, tokens, p - 1, floor)
                            } else if matches!(hw, "percent" | "per") {
                                self.phrase_before(text, tokens, p - 1, floor)
                                    .filter(|l| l.first < p - 1)
                            } else {
                                None
                            }
                        })
                        .flatten();
                    if share.is_some() || pw == "of" && is(tokens, p - 1, class::QUANTITY_HEADS) {
                        let mut first = match p.checked_sub(2) {
                            _ if share.is_some() => share.map_or(p - 1, |l| l.first),
                            Some(d)
                                if d >= floor && matches!(tokens.lower(d), "the" | "a" | "an") =>
                            {
                                d
                            }
                            _ => p - 1,
                        };
                        // `Almost half of`, `nearly 60% of`: a qualifier of the quantity.
                        if first > floor
                            && matches!(
                                tokens.lower(first - 1),
                                "almost"
                                    | "nearly"
                                    | "about"
                                    | "roughly"
                                    | "only"
                                    | "just"
                                    | "virtually"
                                    | "fully"
                                    | "some"
                                    | "around"
                            )
                        {
                            first -= 1;
                        }
                        m = Mention {
                            span: Span::new(tokens[first].span.start, m.span.end),
                            kind: MentionKind::Group,
                            first,
                            last: m.last,
                        };
                        break;
                    }
                    let evidence =
                        h.kind == TokenKind::Word && is(tokens, p - 1, class::EVIDENCE_HEADS);
                    let known =
                        self.groups.contains(hw as &str) || self.titles.contains(hw as &str);
                    // A capital opening the sentence hides no head of the lexicons (`Leaders
                    // of the union`); the plural-agent guess needs a lowercase word.
                    // `the director of the bureau`, `a slice of Hollywood`: any noun with a
                    // determiner heads an `of` phrase (phrase_before wants the determiner).
                    let of_noun = pw == "of"
                        && h.is_lowercase_word(text)
                        && !is(tokens, p - 1, class::FUNCTION_WORDS)
                        && !is(tokens, p - 1, class::STOP_FORWARD)
                        && !is(tokens, p - 1, class::CLAUSE_WORDS)
                        && !hw.ends_with("ed");
                    let head = evidence
                        || of_noun
                        || h.is_lowercase_word(text) && (known || Self::agent_plural(hw))
                        || p == 1 && h.kind == TokenKind::Word && known;
                    // `Paul Okafor of the Tribune`: a name before `of` is who speaks, the
                    // phrase after it where they belong.
                    let named = !head
                        && pw == "of"
                        && h.kind == TokenKind::Word
                        && !h.is_lowercase_word(text);
                    (head || named)
                        .then(|| self.phrase_before(text, tokens, p - 1, floor))
                        .flatten()
                        .filter(|l| {
                            if named {
                                // A lone capital opening the sentence is no name (`Dozens
                                // of residents`, `Leaders of the union`).
                                l.kind == MentionKind::Name && (l.first > 0 || l.last > l.first)
                            } else {
                                l.kind != MentionKind::Pronoun
                            }
                        })
                        .map(|l| (l, l.kind))
                }
                "by" => {
                    // `A 2009 report by the Center`, `a poll released Sunday by The Post`: the
                    // evidence (with a participle and a time word after it) heads the phrase.
                    (p.saturating_sub(4).max(floor + 1)..p)
                        .rev()
                        .take_while(|&h| {
                            tokens[h].kind == TokenKind::Word || tokens[h].kind == TokenKind::Number
                        })
                        .find(|&h| {
                            tokens[h].is_lowercase_word(text)
                                && is(tokens, h, class::EVIDENCE_HEADS)
                        })
                        .and_then(|h| self.phrase_before(text, tokens, h, floor))
                        .map(|l| with_determiner(tokens, l, floor))
                        .filter(|l| l.kind != MentionKind::Pronoun)
                        .map(|l| (l, MentionKind::Description))
                }
                "and" | "nor" => {
                    let left = &tokens[p - 1];
                    let lw = tokens.lower(p - 1);
                    if matches!(lw, "he" | "she" | "they" | "we" | "i") {
                        Some(Mention {
                            span: left.span,
                            kind: MentionKind::Pronoun,
                            first: p - 1,
                            last: p - 1,
                        })
                    } else {
                        self.phrase_before(text, tokens, p - 1, floor)
                            .filter(|l| matches!(l.kind, MentionKind::Name | MentionKind::Group))
                    }
                    .map(|l| (l, MentionKind::Group))
                }
                _ => None,
            };
            let Some((l, kind)) = joined else { break };
            m = Mention {
                span: Span::new(l.span.start, m.span.end),
                kind,
                first: l.first,
                last: m.last,
            };
        }
        // `Neither Cruz nor Christie`, `both the union and the party`
        if let Some(q) = m.first.checked_sub(1).filter(|&q| q >= floor) {
            let coordinated = (q + 1..=m.last).any(|i| matches!(tokens.lower(i), "and" | "nor"));
            if coordinated && matches!(tokens.lower(q), "neither" | "both") {
                m.first = q;
                m.span = Span::new(tokens[q].span.start, m.span.end);
                m.kind = MentionKind::Group;
            }
        }
        m
    }

    fn phrase_before(
        &self,
        text: &str,
        tokens: &Tokens,
        last: usize,
        floor: usize,
    ) -> Option<Mention> {
        let t = &tokens[last];
        let w = tokens.lower(last);
        let capital_head = t.is_capitalized(text) && !is(tokens, last, class::STOP_CAPS);
        // (asked only where it matters, mostly for a lowercase head: two hashed look-ups)
        let known = std::cell::OnceCell::new();
        let known_head = || {
            *known.get_or_init(|| {
                self.groups.contains(w as &str)
                    || self.titles.contains(w as &str)
                    || (t.is_lowercase_word(text)
                        && (Self::agent_plural(w) || self.group_plural(w)))
            })
        };
        if !(capital_head || t.is_lowercase_word(text) || t.is_capitalized(text)) {
            return None;
        }
        if is_possessive(w) || (!capital_head && is(tokens, last, class::FUNCTION_WORDS)) {
            return None;
        }
        let mut committed = last;
        let mut start = last;
        let mut has_det = false;
        let mut has_capital = capital_head;
        let mut pending_lower = 0usize;
        let mut k = last;
        let window_floor = floor.max(last.saturating_sub(12));
        while k > window_floor {
            let p = &tokens[k - 1];
            let pw = tokens.lower(k - 1);
            match p.kind {
                TokenKind::Word => {
                    if is(tokens, k - 1, class::DETERMINERS) {
                        // `The plan came from Lena Voss`: a determiner far from a name
                        // starts another phrase; so does one before a clause word when the
                        // head is known without it (`the attack but officials`, `the limit
                        // that economists`).
                        let clause_between = known_head()
                            && (k..committed).any(|i| {
                                tokens[i].is_lowercase_word(text)
                                    && is(tokens, i, class::CLAUSE_WORDS)
                            });
                        // `Many veteran Republicans`: a quantifier before modifiers of a name.
                        let quantified = capital_head
                            && pending_lower > 0
                            && matches!(
                                pw,
                                "many" | "some" | "most" | "several" | "all" | "few" | "both"
                            )
                            && (k..committed).all(|i| {
                                tokens[i].is_lowercase_word(text) && is_modifier(tokens, i)
                            });
                        if quantified || !(clause_between || capital_head && pending_lower > 0) {
                            start = k - 1;
                            committed = start;
                            has_det = true;
                        }
                        break;
                    }
                    // `That person said`: `that` opening the clause before a noun.
                    if pw == "that"
                        && !capital_head
                        && k - 1 == window_floor.max(floor)
                        && (k - 1 == 0 || tokens[k - 2].kind == TokenKind::Punct)
                        && pending_lower == 0
                        && k == last
                        && is_modifier(tokens, k)
                    {
                        start = k - 1;
                        committed = start;
                        has_det = true;
                        break;
                    }
                    if p.is_capitalized(text) {
                        if is(tokens, k - 1, class::STOP_CAPS) {
                            break;
                        }
                        // `Years after Bill Clinton`, `emails that Donald Trump`: a capital
                        // beyond a clause word starts another phrase.
                        if pending_lower > 0
                            && (k..committed).any(|i| {
                                tokens[i].is_lowercase_word(text)
                                    && is(tokens, i, class::CLAUSE_WORDS)
                            })
                        {
                            break;
                        }
                        // `Clinton says many`: a name beyond lowercase words does not belong
                        // to a lowercase head, unless they are all modifiers (`The state’s
                        // Republican party leader`): then the name is one too.
                        if !capital_head && pending_lower > 0 {
                            if (k..committed).all(|i| is_modifier(tokens, i)) {
                                start = k - 1;
                                k -= 1;
                                continue;
                            }
                            break;
                        }
                        start = k - 1;
                        committed = start;
                        has_capital = true;
                        pending_lower = 0;
                    } else if is_possessive(pw) {
                        start = k - 1;
                        committed = start;
                        has_det = true;
                        pending_lower = 0;
                    } else if is(tokens, k - 1, class::CONNECTORS)
                        && k >= window_floor + 2
                        && (tokens[k - 2].is_capitalized(text) && tokens[k].is_capitalized(text)
                            || pw == "and"
                                && (self.groups.contains(tokens.lower(k - 2) as &str)
                                    || self.titles.contains(tokens.lower(k - 2) as &str)))
                    {
                        start = k - 1;
                    } else if p.is_lowercase_word(text) && self.titles.contains(pw as &str) {
                        // `former`, `senior`, `spokesman` before a name or a head
                        start = k - 1;
                        if pending_lower == 0 {
                            committed = start;
                        }
                    } else if p.is_lowercase_word(text) && pending_lower < 3 {
                        pending_lower += 1;
                        start = k - 1;
                    } else {
                        break;
                    }
                }
                TokenKind::Number => {
                    start = k - 1;
                    if !capital_head {
                        // `61 percent`, `two aides`: a number determines a lowercase head;
                        // a share too (`4 in 10 Republican voters`).
                        committed = self
                            .poll_share_before(text, tokens, k - 1, window_floor)
                            .map_or(start, |share| share.first);
                        has_det = true;
                        break;
                    }
                    pending_lower += 1;
                    if pending_lower > 3 {
                        break;
                    }
                }
                TokenKind::Punct => {
                    // `Sanders’ campaign`: the apostrophe of a plural possessive.
                    if (p.is(text, '’') || p.is(text, '\''))
                        && !p.gap_before
                        && tokens[k].gap_before
                        && k >= window_floor + 2
                        && tokens[k - 2].kind == TokenKind::Word
                        && tokens[k - 2].as_str(text).ends_with('s')
                    {
                        start = k - 2;
                        committed = start;
                        has_det = true;
                        pending_lower = 0;
                        k -= 2;
                        continue;
                    }
                    // Mr. / J. (initials) / U.S.
                    if p.is(text, '.') && k >= window_floor + 2 {
                        let q = &tokens[k - 2];
                        let initial = q.kind == TokenKind::Word && is_initials(q.as_str(text));
                        if initial || is(tokens, k - 2, class::TITLE_ABBREVIATIONS) {
                            start = k - 2;
                            committed = start;
                            k -= 2;
                            continue;
                        }
                    }
                    if (p.is(text, '-') || p.is(text, '‐'))
                        && !p.gap_before
                        && !tokens[k].gap_before
                    {
                        start = k - 1;
                        k -= 1;
                        continue;
                    }
                    break;
                }
            }
            k -= 1;
        }
        // `local officials said`, `Digital forensics experts noted`: lowercase words (and
        // capitalised ones before them) between the start of a clause and the head are its
        // modifiers.
        // Only the modifiers next to the head count: `, but security specialists say`.
        if start < committed && !capital_head {
            let mut m = committed;
            while m > start && is_modifier(tokens, m - 1) {
                m -= 1;
            }
            let mut s = m;
            while s == start
                && s > window_floor
                && tokens[s - 1].is_capitalized(text)
                && !is(tokens, s - 1, class::STOP_CAPS)
                && start - s < 3
            {
                s -= 1;
            }
            if s < start {
                if opens_clause(text, tokens, s) {
                    committed = s;
                } else if m < committed && opens_clause(text, tokens, m) {
                    committed = m;
                }
            } else if m < committed && opens_clause(text, tokens, m) {
                committed = m;
            }
        }
        // `, local Democrats said`, `that veteran Republicans say`: a capitalised head keeps
        // the modifiers opening its clause too.
        if start < committed && capital_head && pending_lower > 0 {
            let mut m = committed;
            while m > start && tokens[m - 1].is_lowercase_word(text) && is_modifier(tokens, m - 1) {
                m -= 1;
            }
            if m < committed && opens_clause(text, tokens, m) {
                committed = m;
            }
        }
        let first = committed;
        // A lowercase head needs a determiner or a lexicon entry.
        if !capital_head && !known_head() && !has_det {
            return None;
        }
        if !capital_head && !known_head() && t.is_capitalized(text) {
            return None;
        }
        let kind = if has_capital && capital_head {
            MentionKind::Name
        } else if self.groups.contains(w as &str) || Self::agent_plural(w) || self.group_plural(w) {
            MentionKind::Group
        } else if has_capital && !has_det {
            MentionKind::Name
        } else {
            MentionKind::Description
        };
        Some(Mention {
            span: Span::new(tokens[first].span.start, t.span.end),
            kind,
            first,
            last,
        })
    }

    /// A phrase ending at token `last`, with a bracket after it when `last` closes one
    /// (`Sen. Jane Roe (D-Ohio)`): the bracket is part of the mention.
    fn name_or_bracketed_before(
        &self,
        text: &str,
        tokens: &Tokens,
        last: usize,
        floor: usize,
    ) -> Option<Mention> {
        if !tokens[last].is(text, ')') {
            return self.phrase_before(text, tokens, last, floor);
        }
        let open = open_bracket_before(text, tokens, last, floor)?;
        let inner = open.checked_sub(1).filter(|&i| i >= floor)?;
        let m = self
            .phrase_before(text, tokens, inner, floor)
            .filter(|m| m.kind == MentionKind::Name)?;
        Some(m.through(tokens, last))
    }

    /// `NAME, APPOSITION,` ending with the comma at `comma`: the name and its apposition
    /// (`Andrei Belyushikov, the head of the ministry`), without the final comma.
    pub fn apposition_before(
        &self,
        text: &str,
        tokens: &Tokens,
        comma: usize,
        floor: usize,
    ) -> Option<Mention> {
        if comma < floor + 3 || !tokens[comma].is(text, ',') {
            return None;
        }
        let lowest = floor.max(comma.saturating_sub(24));
        let mut k = comma - 1;
        while k > lowest {
            let p = &tokens[k];
            if p.kind == TokenKind::Punct {
                if p.is(text, ',') {
                    break;
                }
                if p.is(text, ')') {
                    // `(D-Ohio)`, `(Reuters)`: a bracket inside the apposition or the name.
                    match open_bracket_before(text, tokens, k, lowest) {
                        Some(open) => {
                            k = open;
                            continue;
                        }
                        None => return None,
                    }
                }
                if !(p.is(text, '-')
                    || p.is(text, '.')
                    || p.is(text, '’')
                    || p.is(text, '\'')
                    || p.is(text, '('))
                {
                    return None;
                }
            }
            k -= 1;
        }
        if !tokens[k].is(text, ',') || k + 1 >= comma || k == 0 {
            return None;
        }
        // The apposition starts like a noun phrase: a determiner, a name, a number, a title.
        let a = &tokens[k + 1];
        let aw = tokens.lower(k + 1);
        let appositive = is(tokens, k + 1, class::DETERMINERS)
            || a.kind == TokenKind::Number
            || (a.is_capitalized(text) && !is(tokens, k + 1, class::STOP_CAPS))
            || self.titles.contains(aw as &str);
        if opens_aside(text, tokens, k + 1) {
            // `Salceda, citing data from the State Department, said`, `Roe, in a statement,
            // said`: the name alone.
            return self
                .name_or_bracketed_before(text, tokens, k - 1, floor)
                .filter(|m| m.kind != MentionKind::Pronoun);
        }
        if aw == "who" || aw == "which" {
            // `A White House official, who asked not to be named, said`: the antecedent,
            // with its own apposition when it has one (`Jane Roe, a sculptor, who ...`).
            // The raised floor bounds a chain of such clauses to one window in all.
            // The relative clause is part of the source phrase (news and PolNeAR mark it so).
            let antecedent = self
                .apposition_before(text, tokens, k, floor.max(k.saturating_sub(24)))
                .or_else(|| self.name_or_bracketed_before(text, tokens, k - 1, floor))
                .filter(|m| m.kind != MentionKind::Pronoun)?;
            return Some(Mention {
                span: Span::new(antecedent.span.start, tokens[comma - 1].span.end),
                last: comma - 1,
                ..antecedent
            });
        }
        if !appositive {
            return None;
        }
        // `Jane Roe, 44, a potter,`: an age between the name and its apposition.
        let mut end_of_name = k - 1;
        if tokens[end_of_name].kind == TokenKind::Number
            && end_of_name > floor + 1
            && tokens[end_of_name - 1].is(text, ',')
        {
            end_of_name -= 2;
        }
        // `Joseph Roe Jr., the mayor,`: the suffix's full stop ends the name.
        if tokens[end_of_name].is(text, '.')
            && end_of_name > floor + 1
            && matches!(tokens.lower(end_of_name - 1), "jr" | "sr")
        {
            end_of_name -= 1;
        }
        // `Jane Roe, a potter,` and `the city's chief planner, Jane Roe,`: a name on one side
        // (`One of the authors, Jane Roe,`: a group naming one of its members).
        let name = self
            .name_or_bracketed_before(text, tokens, end_of_name, floor)
            .filter(|m| {
                m.kind == MentionKind::Name
                    || matches!(m.kind, MentionKind::Description | MentionKind::Group)
                        && a.is_capitalized(text)
            })
            .filter(|m| !self.is_opening_adjunct(tokens, m))?;
        Some(Mention {
            span: Span::new(name.span.start, tokens[comma - 1].span.end),
            kind: MentionKind::Name,
            first: name.first,
            last: comma - 1,
        })
    }

    /// `In the interview,`, `Earlier this week,`, `Similarly,`: a phrase before a comma that
    /// is an adjunct of the clause (after a preposition or a time adverb, a time phrase, a
    /// lone -ly adverb), not a name an apposition may follow.
    fn is_opening_adjunct(&self, tokens: &Tokens, m: &Mention) -> bool {
        // (a preposition opening the clause: `In the interview,`, not `made by Roe,`)
        let after_preposition = m.first.checked_sub(1).is_some_and(|p| {
            let w = tokens.lower(p);
            let opens = p == 0 || tokens[p - 1].kind == TokenKind::Punct;
            opens
                && tokens[p].kind == TokenKind::Word
                && (matches!(
                    w,
                    "in" | "on"
                        | "at"
                        | "during"
                        | "after"
                        | "before"
                        | "for"
                        | "with"
                        | "from"
                        | "since"
                        | "by"
                        | "of"
                        | "under"
                        | "over"
                        | "through"
                        | "among"
                ) || matches!(w, "earlier" | "later" | "last" | "next" | "this"))
        });
        let timed = (m.first..=m.last).any(|i| {
            let w = tokens.lower(i);
            WEEKDAYS.contains(&w)
                || matches!(
                    w,
                    "week"
                        | "weekend"
                        | "month"
                        | "year"
                        | "morning"
                        | "afternoon"
                        | "evening"
                        | "night"
                        | "today"
                        | "yesterday"
                )
        });
        let adverb = m.first == m.last && tokens.lower(m.first).ends_with("ly");
        after_preposition || timed || adverb
    }

    /// `said Jane Roe, a potter from Hull.`: a mention standing after its cue, widened over
    /// the apposition that follows it to the end of its clause, before token `ceil`
    /// (exclusive). None when no apposition follows, or when the clause runs on for more
    /// than a bounded window (then its end is not known and the mention stays as it is).
    /// With `to_sentence_end`, any phrase that runs on to the sentence's end and opens with
    /// no verb or clause word is an apposition too (`said Jane Roe, Democrat of Ohio.`).
    pub fn apposition_after(
        &self,
        text: &str,
        tokens: &Tokens,
        m: &Mention,
        ceil: usize,
        to_sentence_end: bool,
    ) -> Option<Mention> {
        if m.is_pronominal() {
            return None;
        }
        let comma = m.last + 1;
        if !tokens.get(comma)?.is(text, ',') {
            return None;
        }
        let a = tokens.get(comma + 1)?;
        let aw = tokens.lower(comma + 1);
        // An apposition opens with a determiner, a relative, an age (`Jane Roe, 44,`) or a
        // title within its first words (`Jane Roe, communications director for ...`).
        let titled = || {
            (comma + 1..tokens.len().min(comma + 5))
                .take_while(|&i| tokens[i].kind == TokenKind::Word)
                .any(|i| self.titles.contains(tokens.lower(i)))
        };
        let appositive = a.kind == TokenKind::Number
            || a.kind == TokenKind::Word
                && (matches!(
                    aw,
                    "a" | "an" | "the" | "his" | "her" | "their" | "its" | "who" | "whose" | "one"
                ) || titled());
        let last = self.clause_end(text, tokens, comma + 1, ceil, true)?;
        // `said Jane Roe, Democrat of Ohio.`, `said Jane Roe, Hull's harbor master.`: any
        // phrase that runs on to the sentence's end is an apposition too (no new clause,
        // verb or quotation opens it).
        let to_end = || {
            let rest = &tokens[last + 1..];
            rest.is_empty()
                || rest.len() <= 3
                    && rest.iter().all(|t| {
                        t.kind == TokenKind::Punct
                            && (matches!(t.as_str(text), "." | "?" | "!")
                                || is_quote_mark(t.as_str(text)))
                    })
        };
        let opener = || {
            (a.kind == TokenKind::Word || a.kind == TokenKind::Number)
                && !(a.is_lowercase_word(text)
                    && (aw.ends_with("ing")
                        || aw.ends_with("ed")
                        || is(tokens, comma + 1, class::CLAUSE_OPENERS)
                        || is(tokens, comma + 1, class::FUNCTION_WORDS)
                        || is(tokens, comma + 1, class::STOP_FORWARD)))
        };
        (appositive || to_sentence_end && opener() && to_end()).then(|| m.through(tokens, last))
    }

    /// `according to a poll by the Pew Research Center, …`: a mention standing after its
    /// cue, widened to the end of its clause (the next comma, or the sentence's end), before
    /// token `ceil` (exclusive); None past a bounded window.
    pub fn phrase_to_clause_end(
        &self,
        text: &str,
        tokens: &Tokens,
        m: &Mention,
        ceil: usize,
    ) -> Option<Mention> {
        if m.is_pronominal() {
            return None;
        }
        let last = self.clause_end(text, tokens, m.first, ceil, false)?;
        (last >= m.last).then(|| m.through(tokens, last))
    }

    /// Whatever phrase runs from token `first` to the end of its clause (before `ceil`):
    /// the source of a cue that can only be followed by one (`according to early
    /// returns`, `according to ouest-france.fr`) when no noun phrase is recognised.
    pub fn clause_phrase(
        &self,
        text: &str,
        tokens: &Tokens,
        first: usize,
        ceil: usize,
    ) -> Option<Mention> {
        let t = tokens.get(first)?;
        if first >= ceil || t.kind == TokenKind::Punct && !is_quote_mark(t.as_str(text)) {
            return None;
        }
        let last = self.clause_end(text, tokens, first, ceil, false)?;
        let kind = if tokens[first..=last].iter().any(|t| t.is_capitalized(text)) {
            MentionKind::Name
        } else {
            MentionKind::Description
        };
        Some(Mention {
            span: Span::new(t.span.start, tokens[last].span.end),
            kind,
            first,
            last,
        })
    }

    /// The last token of the clause starting at token `from`: it ends before a quotation
    /// mark, `;`, `:`, a dash, the sentence's final stop or token `ceil`, and at a comma —
    /// except, when `through_commas`, a comma that goes on with more of the same phrase
    /// (`a pollster in Reno, who ...`), not with a new clause (`, adding`, `, and`).
    fn clause_end(
        &self,
        text: &str,
        tokens: &Tokens,
        from: usize,
        ceil: usize,
        through_commas: bool,
    ) -> Option<usize> {
        const WINDOW: usize = 40;
        let ceil = ceil.min(tokens.len());
        let stop = ceil.min(from + WINDOW);
        let mut last = None;
        let mut open = 0usize;
        let mut i = from;
        while i < stop {
            let t = &tokens[i];
            if t.kind != TokenKind::Punct {
                last = Some(i);
                i += 1;
                continue;
            }
            let s = t.as_str(text);
            if is_quote_mark(s) || t.is(text, ';') || t.is(text, ':') || t.is(text, '—') {
                break;
            }
            if t.is(text, '(') {
                open += 1;
            } else if t.is(text, ')') {
                // `(according to Nielsen.)`: a bracket opened before the phrase ends it.
                if open == 0 {
                    break;
                }
                open -= 1;
                last = Some(i);
            } else if t.is(text, ',') {
                let next = tokens.get(i + 1);
                // `, on Monday`, `, in a statement`, `, via email`: an adjunct of the cue.
                let adjunct = |n: &Token| {
                    let w = tokens.lower(i + 1);
                    n.is_lowercase_word(text)
                        && matches!(
                            w,
                            "in" | "on"
                                | "at"
                                | "via"
                                | "during"
                                | "with"
                                | "after"
                                | "before"
                                | "through"
                                | "under"
                                | "over"
                                | "by"
                                | "last"
                                | "this"
                                | "earlier"
                                | "later"
                                | "today"
                                | "yesterday"
                        )
                        || WEEKDAYS.contains(&w)
                };
                let new_clause = !through_commas
                    || next.map_or(true, |n| {
                        is_quote_mark(n.as_str(text))
                            || adjunct(n)
                            || n.is_lowercase_word(text)
                                && (n.as_str(text).ends_with("ing")
                                    || is(tokens, i + 1, class::CLAUSE_OPENERS))
                    });
                if new_clause {
                    break;
                }
            } else if (t.is(text, '.') || t.is(text, '?') || t.is(text, '!'))
                && tokens
                    .get(i + 1)
                    .map_or(true, |n| is_quote_mark(n.as_str(text)))
            {
                break;
            }
            i += 1;
        }
        // A clause cut by the window has an unknown end; one cut by `ceil` ends there.
        if i == from + WINDOW && i < ceil {
            return None;
        }
        last
    }

    /// The noun phrase starting at `tokens[first]`, looking no further than `ceil`
    /// (exclusive) and at most a dozen tokens: `Mr. Smith`, `a report by RIA Novosti`.
    pub fn after(&self, text: &str, tokens: &Tokens, first: usize, ceil: usize) -> Option<Mention> {
        let t = tokens.get(first)?;
        if first >= ceil || t.kind != TokenKind::Word {
            return None;
        }
        let w = tokens.lower(first);
        // `according to her lawyers`: `her` before a noun is a determiner.
        let determiner = w == "her"
            && tokens.get(first + 1).is_some_and(|n| {
                n.is_lowercase_word(text)
                    && first + 1 < ceil
                    && !is(tokens, first + 1, class::STOP_FORWARD)
                    && !is(tokens, first + 1, class::FUNCTION_WORDS)
                    && !is(tokens, first + 1, class::DETERMINERS)
                    && !is(tokens, first + 1, class::PRONOUNS)
            });
        if !determiner
            && (is(tokens, first, class::PRONOUNS) || is(tokens, first, class::OBJECT_PRONOUNS))
        {
            return Some(Mention {
                span: t.span,
                kind: MentionKind::Pronoun,
                first,
                last: first,
            });
        }
        let ceil = ceil.min(first + 14).min(tokens.len());
        let mut last: Option<usize> = None;
        let mut has_head = false;
        let mut has_capital = false;
        let mut lowers = 0usize;
        let mut i = first;
        while i < ceil {
            let p = &tokens[i];
            let pw = tokens.lower(i);
            match p.kind {
                TokenKind::Word => {
                    if i == first && is(tokens, i, class::DETERMINERS) {
                        // leading determiner
                    } else if p.is_capitalized(text) {
                        if is(tokens, i, class::STOP_CAPS) && i == first {
                            return None;
                        }
                        has_head = true;
                        has_capital = true;
                        last = Some(i);
                    } else if is_possessive(pw) {
                        last = Some(i);
                    } else if i > first
                        && (matches!(pw, "of" | "for" | "by" | "from" | "at" | "and")
                            || pw == "to"
                                && tokens.get(i + 1).is_some_and(|n| n.is_capitalized(text)))
                        && last.is_some()
                    {
                        // a connector: keep going if a phrase follows
                    } else if i > first && is(tokens, i, class::STOP_FORWARD) {
                        break;
                    } else if is(tokens, i, class::DETERMINERS)
                        && i > first
                        && tokens[i - 1].kind == TokenKind::Word
                        && matches!(
                            tokens.lower(i - 1),
                            "of" | "for" | "by" | "from" | "at" | "and" | "to"
                        )
                    {
                        // `of the`; elsewhere a determiner opens another phrase (`told
                        // Jim the bridge …`)
                    } else if p.is_lowercase_word(text)
                        && has_capital
                        && last == Some(i - 1)
                        && !self.titles.contains(pw as &str)
                        && !self.groups.contains(pw as &str)
                        && !(i == first + 1 && self.head_ahead(text, tokens, i, ceil))
                    {
                        break; // `Senator Mills attacked`: a verb after the name
                    } else if p.is_lowercase_word(text) {
                        lowers += 1;
                        if lowers > 6 {
                            break;
                        }
                        if self.groups.contains(pw as &str) || self.titles.contains(pw as &str) {
                            has_head = true;
                        }
                        if has_head || i > first {
                            last = Some(i);
                        }
                    } else {
                        break;
                    }
                }
                TokenKind::Number => last = Some(i),
                TokenKind::Punct => {
                    if p.is(text, '.')
                        && i > first
                        && last == Some(i - 1)
                        && i + 1 < ceil
                        && tokens[i + 1].is_capitalized(text)
                    {
                        let initial = is_initials(tokens[i - 1].as_str(text));
                        if initial || is(tokens, i - 1, class::TITLE_ABBREVIATIONS) {
                            i += 1;
                            continue;
                        }
                    }
                    if (p.is(text, '-') || p.is(text, '&')) && last == Some(i - 1) {
                        i += 1;
                        continue;
                    }
                    break;
                }
            }
            i += 1;
        }
        let last = last?;
        if !has_head {
            return None;
        }
        let kind = if has_capital {
            MentionKind::Name
        } else if self.groups.contains(tokens.lower(last) as &str) {
            MentionKind::Group
        } else {
            MentionKind::Description
        };
        // `Sen. Jane Roe (D-Ohio)`: the bracket after a name belongs to it.
        let mut last = last;
        if kind == MentionKind::Name && tokens.get(last + 1).is_some_and(|t| t.is(text, '(')) {
            if let Some(close) = (last + 2..ceil.min(last + 8)).find(|&k| tokens[k].is(text, ')')) {
                last = close;
            }
        }
        Some(Mention {
            span: Span::new(t.span.start, tokens[last].span.end),
            kind,
            first,
            last,
        })
    }

    /// `Syrian hackers`, `Nuclear proliferation experts`: after one capitalised modifier at
    /// token `i - 1`, a lowercase run of at most two words ending in a known head (not a
    /// verb: `Trump slams critics`, `Mills attacked aides`).
    fn head_ahead(&self, text: &str, tokens: &Tokens, i: usize, ceil: usize) -> bool {
        for (j, t) in tokens.iter().enumerate().take(ceil.min(i + 2)).skip(i) {
            let w = tokens.lower(j);
            if !t.is_lowercase_word(text)
                || is(tokens, j, class::STOP_FORWARD)
                || is(tokens, j, class::FUNCTION_WORDS)
            {
                return false;
            }
            let head = self.groups.contains(w as &str)
                || self.titles.contains(w as &str)
                || Self::agent_plural(w)
                || self.group_plural(w);
            if head {
                return true;
            }
            if w.ends_with('s') || w.ends_with("ed") {
                return false; // `Trump slams`, `Mills attacked`
            }
        }
        false
    }
}
