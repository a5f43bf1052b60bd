//! Cue lexicon: reporting verbs, phrasal and nominal cues, each with a class, and the cue
//! matches of a text.
//!
//! The shipped lexicon is `src/lexicon/cues.txt` (format in its header). Verbs are
//! inflected in code (`say` → `says`, `said`, `saying`). All phrases go into one
//! Aho-Corasick automaton, matched case-insensitively in one pass over the text and kept
//! only on word boundaries.
//!
//! ```
//! use sayso::cues::{CueLexicon, CueType};
//! let lexicon = CueLexicon::new(&[]).unwrap();
//! let text = "Lavrov said it, according to Tass.";
//! let found: Vec<(&str, CueType)> = lexicon
//!     .find(text)
//!     .iter()
//!     .map(|m| (m.span.as_str(text), m.entry.kind))
//!     .collect();
//! assert_eq!(found, [("said", CueType::Verb), ("according to", CueType::Phrase)]);
//! ```

use std::cmp::Reverse;
use std::collections::HashMap;
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, MatchKind};

use crate::dense::WordDfa;
use crate::document::CueClass;
use crate::lexicon;
use crate::{Error, ErrorKind, Span};

/// How a cue frames its source and content.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CueType {
    /// A verb (`said`, `has pointed to`): source before it (or after, inverted).
    Verb,
    /// A phrase whose source follows it (`according to X`).
    Phrase,
    /// A noun (`remarks`, `statement`) with a possessor or `by` agent as source.
    Noun,
}

/// Which inflection of a verb matched.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VerbForm {
    /// `say`
    Base,
    /// `says`
    Third,
    /// `said` (also the participle when it is the same word)
    Past,
    /// `written` (a participle differing from the past)
    Participle,
    /// `saying`
    Gerund,
    /// Not a verb.
    None,
}

/// What the lexicon says about a matched phrase.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CueEntry {
    /// The stance of the cue.
    pub class: CueClass,
    /// Verb, phrase or noun.
    pub kind: CueType,
    /// The inflection matched (verbs only).
    pub form: VerbForm,
    /// Needs content introduced by a quotation, a colon or `that`.
    pub strict: bool,
    /// A belief or knowledge verb.
    pub belief: bool,
    /// The content may be the verb's object (`praised the plan`).
    pub object: bool,
    /// The first object is the addressee (`told reporters that …`).
    pub addressee: bool,
    /// A to-infinitive after the verb is its content (`declined to comment`).
    pub infinitive: bool,
    /// The verb may have no source: its subject is part of the content (`X seems to …`,
    /// and in the passive `X is expected to …`).
    pub evidential: bool,
    /// A sentence adverb (`reportedly`), matched as written: no source; the clause around
    /// it, its subject first, is the content.
    pub adverb: bool,
    /// The same word is also a nominal cue (`reports`, `claims`).
    pub also_noun: bool,
    /// The third person of a verb otherwise taken only in the past (`past` and `third`):
    /// a cue only after a name (`the Tribune reports`).
    pub named: bool,
    /// A cue only in the passive, whose subject is the source and whose `be` belongs to the
    /// cue (`Roe was quoted as saying …`).
    pub passive: bool,
}

/// One cue found in a text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CueMatch {
    /// Where the cue words are.
    pub span: Span,
    /// What the lexicon says about them.
    pub entry: CueEntry,
}

/// The cues sayso knows: the shipped lexicon plus user entries.
#[derive(Clone, Debug)]
pub struct CueLexicon {
    extra: Vec<(String, CueClass)>,
    automaton: AhoCorasick,
    entries: Vec<CueEntry>,
    /// The cue phrases, in pattern order.
    phrases: Vec<String>,
    /// The cue phrases and then the hedges in one automaton reporting every match that
    /// starts at a word start, for [`CueLexicon::find_with_hedges`]; built on first use
    /// (None if it cannot be).
    with_hedges: OnceLock<Option<WordDfa>>,
}

impl Default for CueLexicon {
    fn default() -> Self {
        CueLexicon::new(&[]).expect("the shipped cue lexicon is valid")
    }
}

fn third_person(lemma: &str) -> String {
    let b = lemma.as_bytes();
    let n = b.len();
    if lemma.ends_with('s')
        || lemma.ends_with('x')
        || lemma.ends_with('z')
        || lemma.ends_with("ch")
        || lemma.ends_with("sh")
        || lemma.ends_with('o')
    {
        format!("{lemma}es")
    } else if n >= 2 && b[n - 1] == b'y' && !is_vowel(b[n - 2]) {
        format!("{}ies", &lemma[..n - 1])
    } else {
        format!("{lemma}s")
    }
}

fn is_vowel(b: u8) -> bool {
    matches!(b, b'a' | b'e' | b'i' | b'o' | b'u')
}

fn past(lemma: &str) -> String {
    let b = lemma.as_bytes();
    let n = b.len();
    if lemma.ends_with('e') {
        format!("{lemma}d")
    } else if n >= 2 && b[n - 1] == b'y' && !is_vowel(b[n - 2]) {
        format!("{}ied", &lemma[..n - 1])
    } else {
        format!("{lemma}ed")
    }
}

fn gerund(lemma: &str, past: &str) -> String {
    let b = lemma.as_bytes();
    let n = b.len();
    if let Some(stem) = lemma.strip_suffix("ie") {
        return format!("{stem}ying");
    }
    if n >= 3 && lemma.ends_with('e') && !lemma.ends_with("ee") && !lemma.ends_with("ye") {
        return format!("{}ing", &lemma[..n - 1]);
    }
    // Doubled final consonant in the past (admitted) doubles in the gerund (admitting).
    if let Some(last) = lemma.chars().last() {
        if past == format!("{lemma}{last}ed") {
            return format!("{lemma}{last}ing");
        }
    }
    format!("{lemma}ing")
}

fn invalid(line_no: usize, line: &str, why: &str) -> Error {
    Error::new(
        ErrorKind::InvalidConfig,
        format!("cue lexicon line {line_no}: {why}: {line:?}"),
    )
}

/// Normalise a phrase: lowercase, single spaces.
fn normalise(phrase: &str) -> String {
    phrase
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

struct Builder {
    map: HashMap<String, CueEntry>,
}

impl Builder {
    fn add(&mut self, phrase: String, entry: CueEntry) {
        match self.map.get_mut(&phrase) {
            Some(old) => {
                if old.kind == CueType::Noun && entry.kind == CueType::Verb {
                    *old = CueEntry {
                        also_noun: true,
                        ..entry
                    };
                } else if old.kind == CueType::Verb && entry.kind == CueType::Noun {
                    old.also_noun = true;
                } else if entry.kind == old.kind && entry.form != old.form {
                    // Keep the first form (said: past before participle).
                } else {
                    *old = CueEntry {
                        also_noun: old.also_noun || entry.also_noun,
                        ..entry
                    };
                }
            }
            None => {
                self.map.insert(phrase, entry);
            }
        }
    }

    /// One lexicon line: `PHRASE | CLASS | TYPE [| FLAG ...]`.
    fn line(&mut self, line_no: usize, line: &str) -> Result<(), Error> {
        let mut parts = line.split('|').map(str::trim);
        let phrase = parts.next().unwrap_or("");
        if phrase.is_empty() {
            return Err(invalid(line_no, line, "empty phrase"));
        }
        let class = match parts.next() {
            Some(c) => CueClass::parse(c).ok_or_else(|| {
                invalid(
                    line_no,
                    line,
                    "class must be neutral, assertive, tentative or distancing",
                )
            })?,
            None => CueClass::Neutral,
        };
        let kind = match parts.next() {
            None | Some("verb") => CueType::Verb,
            Some("phrase") => CueType::Phrase,
            Some("noun") => CueType::Noun,
            Some(_) => return Err(invalid(line_no, line, "type must be verb, phrase or noun")),
        };
        let mut strict = false;
        let mut belief = false;
        let mut object = false;
        let mut addressee = false;
        let mut past_only = false;
        let mut third = false;
        let mut infinitive = false;
        let mut evidential = false;
        let mut adverb = false;
        let mut adjective = false;
        let mut passive = false;
        for flag in parts {
            match flag {
                "addressee" => addressee = true,
                "past" => past_only = true,
                "third" => third = true,
                "strict" => strict = true,
                "belief" => belief = true,
                "object" => object = true,
                "infinitive" => infinitive = true,
                "evidential" => evidential = true,
                "adverb" => adverb = true,
                "adjective" => adjective = true,
                "passive" => passive = true,
                "" => {}
                _ => return Err(invalid(
                    line_no,
                    line,
                    "flags are strict, belief, object, addressee, past, third, infinitive, evidential, adverb, adjective and passive",
                )),
            }
        }
        let entry = |form| CueEntry {
            class,
            kind,
            form,
            strict,
            belief,
            object,
            addressee,
            infinitive,
            evidential: evidential || adverb,
            adverb,
            also_noun: false,
            named: false,
            passive,
        };
        if adverb || adjective && kind == CueType::Verb {
            // not inflected: one form, framed like an evidential verb (an adverb) or like a
            // verb after `be` (an adjective: `was critical of`)
            self.add(normalise(phrase), entry(VerbForm::Base));
            return Ok(());
        }
        if kind != CueType::Verb {
            self.add(normalise(phrase), entry(VerbForm::None));
            return Ok(());
        }
        let phrase = phrase.to_lowercase();
        let mut words = phrase.split_whitespace();
        let head = words.next().unwrap_or("");
        let rest: Vec<&str> = words.collect();
        let rest = if rest.is_empty() {
            String::new()
        } else {
            format!(" {}", rest.join(" "))
        };
        let mut forms = head.split(',').map(str::trim);
        let lemma = forms.next().unwrap_or("");
        if lemma.is_empty() {
            return Err(invalid(line_no, line, "empty verb"));
        }
        let past_form = forms
            .next()
            .filter(|s| !s.is_empty())
            .map_or_else(|| past(lemma), str::to_owned);
        let participle = forms
            .next()
            .filter(|s| !s.is_empty())
            .map_or_else(|| past_form.clone(), str::to_owned);
        let gerund_form = forms
            .next()
            .filter(|s| !s.is_empty())
            .map_or_else(|| gerund(lemma, &past_form), str::to_owned);
        if !past_only {
            self.add(format!("{lemma}{rest}"), entry(VerbForm::Base));
            self.add(
                format!("{}{rest}", third_person(lemma)),
                entry(VerbForm::Third),
            );
        } else if third {
            self.add(
                format!("{}{rest}", third_person(lemma)),
                CueEntry {
                    named: true,
                    ..entry(VerbForm::Third)
                },
            );
        }
        self.add(format!("{past_form}{rest}"), entry(VerbForm::Past));
        self.add(format!("{participle}{rest}"), entry(VerbForm::Participle));
        self.add(format!("{gerund_form}{rest}"), entry(VerbForm::Gerund));
        Ok(())
    }
}

impl CueLexicon {
    /// The shipped lexicon plus `extra` entries. An extra phrase is matched as written and
    /// framed like a speech verb; a phrase holding ` | ` is read as a lexicon line
    /// (`"slam | distancing | verb"` inflects `slam`).
    pub fn new(extra: &[(String, CueClass)]) -> Result<Self, Error> {
        Self::with_lexicon(extra, "")
    }

    /// The shipped lexicon plus `extra` entries plus `lines` in the lexicon file format
    /// (the contents of a user's cue file).
    ///
    /// ```
    /// use sayso::cues::CueLexicon;
    /// let lexicon = CueLexicon::with_lexicon(&[], "lambaste | distancing | verb\n").unwrap();
    /// assert_eq!(lexicon.find("She lambasted them.").len(), 1);
    /// assert!(CueLexicon::with_lexicon(&[], "x | loud").is_err());
    /// ```
    pub fn with_lexicon(extra: &[(String, CueClass)], lines: &str) -> Result<Self, Error> {
        let mut b = Builder {
            map: HashMap::new(),
        };
        for (i, line) in lexicon::CUES.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            b.line(i + 1, line)?;
        }
        for (i, line) in lines.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            b.line(i + 1, line)?;
        }
        for (phrase, class) in extra {
            if phrase.trim().is_empty() {
                return Err(Error::new(
                    ErrorKind::InvalidConfig,
                    format!("empty cue phrase {phrase:?}"),
                ));
            }
            if phrase.contains('|') {
                b.line(0, phrase)?;
                continue;
            }
            let p = normalise(phrase);
            let entry = CueEntry {
                class: *class,
                kind: CueType::Verb,
                form: if p.ends_with("ing") {
                    VerbForm::Gerund
                } else {
                    VerbForm::Past
                },
                strict: false,
                belief: false,
                object: false,
                addressee: false,
                infinitive: false,
                evidential: false,
                adverb: false,
                also_noun: false,
                named: false,
                passive: false,
            };
            b.map.insert(p, entry);
        }
        let mut pairs: Vec<(String, CueEntry)> = b.map.into_iter().collect();
        pairs.sort_by(|x, y| x.0.cmp(&y.0));
        let automaton = AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .kind(Some(aho_corasick::AhoCorasickKind::DFA))
            .match_kind(MatchKind::Standard)
            .build(pairs.iter().map(|(p, _)| p.as_str()))
            .map_err(|e| Error::new(ErrorKind::InvalidConfig, format!("cue lexicon: {e}")))?;
        let (phrases, entries) = pairs.into_iter().unzip();
        Ok(CueLexicon {
            extra: extra.to_vec(),
            automaton,
            entries,
            phrases,
            with_hedges: OnceLock::new(),
        })
    }

    /// The automaton of the cue phrases followed by the hedges, reporting every match that
    /// starts at a word start.
    fn with_hedges(&self) -> Option<&WordDfa> {
        self.with_hedges
            .get_or_init(|| {
                // ASCII-lowercased patterns, for the text's bytes lowercased as they are read:
                // what ASCII case-insensitive matching finds.
                let mut patterns: Vec<String> = self.phrases.clone();
                patterns.extend(crate::hedges::patterns().map(str::to_owned));
                for p in &mut patterns {
                    p.make_ascii_lowercase();
                }
                WordDfa::new(&patterns)
            })
            .as_ref()
    }

    /// The user entries added to the shipped lexicon.
    pub fn extra(&self) -> &[(String, CueClass)] {
        &self.extra
    }

    /// Every cue in `text` on word boundaries, in order, not overlapping: at the leftmost
    /// start of a match on word boundaries, the longest such match, then on from its end.
    ///
    /// A match that is not on word boundaries hides nothing: in `was told to`, the phrase
    /// `as told to` inside `was` is no cue, and `told` is found.
    pub fn find(&self, text: &str) -> Vec<CueMatch> {
        let mut hits: Vec<(usize, usize, usize)> = self
            .automaton
            .find_overlapping_iter(text)
            .map(|m| (m.start(), m.end(), m.pattern().as_usize()))
            .collect();
        pick_words(&mut hits, |s, e, p| self.accept(text, s, e, p))
    }

    /// The cue pattern `pattern` matched at `text[s..e]`, if on word boundaries.
    fn accept(&self, text: &str, s: usize, e: usize, pattern: usize) -> Option<CueMatch> {
        let bytes = text.as_bytes();
        if !text.is_char_boundary(s) || !text.is_char_boundary(e) {
            return None;
        }
        let before_ok = text[..s]
            .chars()
            .next_back()
            .map_or(true, |c| !c.is_alphanumeric() && c != '-');
        let after_ok = match text[e..].chars().next() {
            None => true,
            Some(c) if c.is_alphanumeric() => false,
            // `said-so` is one word, `tell-all` too; `don't` ends a word at the apostrophe.
            Some('-') => !bytes.get(e + 1).is_some_and(u8::is_ascii_alphanumeric),
            Some(_) => true,
        };
        (before_ok && after_ok).then(|| CueMatch {
            span: Span::new(s, e),
            entry: self.entries[pattern],
        })
    }

    /// `(self.find(text), hedges::find_hedges(text))` in one pass over `text`.
    ///
    /// One DFA holds the cue phrases and the hedges, ASCII-lowercased, and the text's bytes
    /// are lowercased as it reads them; every match is reported. Each set's leftmost-longest,
    /// non-overlapping matches are then picked from those (at the leftmost start the longest
    /// match, the next search from its end), which is what the two leftmost-longest
    /// case-insensitive automata find.
    ///
    /// ```
    /// use sayso::cues::CueLexicon;
    /// let lexicon = CueLexicon::new(&[]).unwrap();
    /// let text = "He reportedly said so, according to aides who allegedly knew.";
    /// let (cues, hedges) = lexicon.find_with_hedges(text);
    /// assert_eq!(cues, lexicon.find(text));
    /// assert_eq!(hedges, sayso::hedges::find_hedges(text));
    /// assert_eq!(hedges.len(), 2);
    /// ```
    pub fn find_with_hedges(&self, text: &str) -> (Vec<CueMatch>, Vec<Span>) {
        let Some(dense) = self.with_hedges() else {
            return (self.find(text), crate::hedges::find_hedges(text));
        };
        let n = self.entries.len();
        let mut cue_hits: Vec<(usize, usize, usize)> = Vec::new();
        let mut hedge_hits: Vec<(usize, usize, usize)> = Vec::new();
        // Every match that starts at a word start (after a byte that is not an ASCII letter
        // or digit), from a DFA that begins its walks only there (`WordDfa`: inside a word
        // no phrase begins, the walk stays in one state). Matches starting after a letter
        // or digit are refused by `accept` and `on_word_boundaries`, and a refused match
        // blocks nothing in `pick_words`.
        let bytes = text.as_bytes();
        // Nor is a match ending before an ASCII letter or digit kept: that drops the phrases
        // that begin longer words (`add` in `additional`) before their matches are read.
        dense.for_each_match(bytes, |found, end| {
            if bytes.get(end).is_some_and(u8::is_ascii_alphanumeric) {
                return;
            }
            for &(p, len) in found {
                let (p, start) = (p as usize, end - len as usize);
                if p < n {
                    cue_hits.push((start, end, p));
                } else {
                    hedge_hits.push((start, end, p));
                }
            }
        });
        let cues = pick_words(&mut cue_hits, |s, e, p| self.accept(text, s, e, p));
        let hedges = pick_words(&mut hedge_hits, |s, e, _| {
            crate::hedges::on_word_boundaries(text, s, e).then(|| Span::new(s, e))
        });
        (cues, hedges)
    }
}

/// The words among the matches `hits` (`(start, end, pattern)`, every match, overlapping):
/// leftmost first, at one start the longest first, each kept when `accept` takes it (a
/// match on word boundaries), the next one looked for from its end. A match `accept`
/// refuses blocks nothing: a shorter one at its start, or one starting inside it, can
/// still be a word. Sorting the hits is the only step above linear, and there are at most
/// a few per byte.
pub(crate) fn pick_words<T>(
    hits: &mut [(usize, usize, usize)],
    mut accept: impl FnMut(usize, usize, usize) -> Option<T>,
) -> Vec<T> {
    hits.sort_unstable_by_key(|&(s, e, p)| (s, Reverse(e), p));
    let mut out = Vec::new();
    let mut next = 0;
    for &(s, e, p) in hits.iter() {
        if s >= next {
            if let Some(word) = accept(s, e, p) {
                out.push(word);
                next = e;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inflections() {
        assert_eq!(third_person("say"), "says");
        assert_eq!(third_person("deny"), "denies");
        assert_eq!(third_person("stress"), "stresses");
        assert_eq!(past("deny"), "denied");
        assert_eq!(past("note"), "noted");
        assert_eq!(gerund("note", "noted"), "noting");
        assert_eq!(gerund("admit", "admitted"), "admitting");
        assert_eq!(gerund("lie", "lied"), "lying");
        assert_eq!(gerund("agree", "agreed"), "agreeing");
    }

    #[test]
    fn a_match_inside_a_word_hides_no_cue() {
        let lexicon = CueLexicon::default();
        // `as told to` is a phrase of the lexicon; here it starts inside `was`.
        let text = "She was told to leave, Kansas said.";
        let words = |found: Vec<CueMatch>| -> Vec<&str> {
            found.iter().map(|m| m.span.as_str(text)).collect()
        };
        assert_eq!(words(lexicon.find(text)), ["told", "said"]);
        assert_eq!(words(lexicon.find_with_hedges(text).0), ["told", "said"]);
        let text = "Crowds reportedly gathered (unreportedly, too).";
        let hedges: Vec<&str> = crate::hedges::find_hedges(text)
            .iter()
            .map(|h| h.as_str(text))
            .collect();
        assert_eq!(hedges, ["reportedly"]);
    }

    #[test]
    fn user_phrases_beginning_with_punctuation_or_beyond_ascii() {
        // Walks then begin after any byte that is no letter or digit, not only at letters.
        let extra: Vec<(String, CueClass)> = ["— per", "“quoth", "über-sagt", "'tis said"]
            .iter()
            .map(|p| (p.to_string(), CueClass::Neutral))
            .collect();
        let lexicon = CueLexicon::new(&extra).unwrap();
        let text =
            "It is over — per aides,“quoth” he; über-sagt X, Über-sagt Y. 'Tis said, x'tis said \
                    —— per —per über-sagt-x said";
        let (cues, hedges) = lexicon.find_with_hedges(text);
        assert_eq!(cues, lexicon.find(text));
        assert_eq!(hedges, crate::hedges::find_hedges(text));
        let words: Vec<&str> = cues.iter().map(|m| m.span.as_str(text)).collect();
        assert!(
            words.contains(&"— per") && words.contains(&"über-sagt"),
            "{words:?}"
        );
        let dense = lexicon.with_hedges().expect("the phrases build");
        assert!(dense.memory_usage() < 4 << 20, "{}", dense.memory_usage());
    }

    proptest::proptest! {
        /// The one-pass matcher (its own walk of a lowercase DFA) finds what the two
        /// case-insensitive automata find, whatever the case and the words around.
        #[test]
        fn one_pass_is_find_and_find_hedges(
            words in proptest::collection::vec(
                "(said|SAID|Said|according to|ACCORDING To|allegedly|Reportedly|it’s unclear whether|IT'S UNCLEAR WHETHER|says|told|as told to|was|Kansas|re|x|É|-|,|\\.|’|\\PC{1,3})",
                0..24,
            ),
            seps in proptest::collection::vec("( |  |\n|-|’|)", 24),
        ) {
            static LEXICON: OnceLock<CueLexicon> = OnceLock::new();
            let lexicon = LEXICON.get_or_init(CueLexicon::default);
            let text: String = words.iter().zip(&seps).map(|(w, s)| format!("{w}{s}")).collect();
            let (cues, hedges) = lexicon.find_with_hedges(&text);
            proptest::prop_assert_eq!(cues, lexicon.find(&text));
            proptest::prop_assert_eq!(hedges, crate::hedges::find_hedges(&text));
        }

        /// Long texts are walked in pieces side by side: a phrase across the cut between
        /// two pieces, or just after it, is found once, as by one walk.
        #[test]
        fn pieces_find_what_one_walk_finds(
            words in proptest::collection::vec(
                "(said|Said|according to|in the words of|allegedly|it is unclear whether|speak out against|told|as told to|was|x|’|,)",
                1..16,
            ),
            seps in proptest::collection::vec("( |  |\n|-|)", 16),
            pad in 0usize..90,
        ) {
            static LEXICON: OnceLock<CueLexicon> = OnceLock::new();
            let lexicon = LEXICON.get_or_init(CueLexicon::default);
            let unit: String = words.iter().zip(&seps).map(|(w, s)| format!("{w}{s}")).collect();
            let mut text = "y".repeat(pad);
            while text.len() < 3 * crate::dense::LANE_MIN {
                text.push_str(&unit);
            }
            let (cues, hedges) = lexicon.find_with_hedges(&text);
            proptest::prop_assert_eq!(cues, lexicon.find(&text));
            proptest::prop_assert_eq!(hedges, crate::hedges::find_hedges(&text));
        }
    }
}
