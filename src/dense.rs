//! A dense copy of an unanchored Aho-Corasick DFA for walking lowercased text: its states
//! renumbered breadth first from the start, so that the few states near the start that
//! nearly every byte of a text leads to lie together in a few kilobytes, rows exactly as
//! wide as the DFA's byte classes, and ASCII capitals folded into the classes of their
//! lowercase letters (the walk lowercases nothing). The cue matcher
//! ([`crate::cues::CueLexicon::find_with_hedges`]) walks the cue and hedge automaton
//! through it: the library's DFA pads each row to a power of two (38 classes in 64
//! columns) and numbers states in the order the phrases made them, so the states a walk
//! visits are spread over its whole megabyte.

use std::collections::{HashMap, VecDeque};

use aho_corasick::automaton::{Automaton, StateID};
use aho_corasick::dfa::DFA;
use aho_corasick::Anchored;

/// Set in a state's id when the DFA reports matches there.
pub(crate) const MATCH: u32 = 1 << 31;

/// The dense table of an unanchored DFA (see the module documentation).
#[derive(Clone, Debug)]
pub(crate) struct DenseDfa {
    /// The class of each byte; a capital's is its lowercase letter's.
    classes: [u8; 256],
    /// Row after row, `stride` entries each: the next state's row offset (its index times
    /// `stride`), with [`MATCH`] set when it is a match state.
    trans: Vec<u32>,
    /// The patterns each state matches, by state index: a range of `hits`.
    match_at: Vec<(u32, u32)>,
    /// The patterns matched (the DFA's pattern id and length) state after state, in the
    /// DFA's order: read here, a match leaves the DFA's own tables (a list on the heap for
    /// each state) out of the cache.
    hits: Vec<(u32, u32)>,
    /// The start state's id.
    start: u32,
    stride: u32,
}

impl DenseDfa {
    /// The dense table of `dfa` (built with `StartKind::Unanchored` over lowercase
    /// patterns), or None when its table would not fit 31-bit ids.
    pub(crate) fn new(dfa: &DFA) -> Option<Self> {
        let start = dfa.start_state(Anchored::No).ok()?;
        // The bytes a lowercased text holds: all but the ASCII capitals.
        let bytes: Vec<u8> = (0..=255u8).filter(|b| !b.is_ascii_uppercase()).collect();
        // Every state reachable from the start, breadth first.
        // (the DFA's ids are small integers: an index by id, `NONE` where no state is)
        const NONE: u32 = u32::MAX;
        let mut by_id: Vec<u32> = Vec::new();
        let mut orig: Vec<StateID> = Vec::new();
        let mut queue = VecDeque::from([start]);
        let visit = |s: StateID, by_id: &mut Vec<u32>, orig: &mut Vec<StateID>| -> bool {
            let k = s.as_usize();
            if by_id.len() <= k {
                by_id.resize(k + 1, NONE);
            }
            if by_id[k] != NONE {
                return false;
            }
            by_id[k] = orig.len() as u32;
            orig.push(s);
            true
        };
        visit(start, &mut by_id, &mut orig);
        while let Some(s) = queue.pop_front() {
            for &b in &bytes {
                let next = dfa.next_state(Anchored::No, s, b);
                if visit(next, &mut by_id, &mut orig) {
                    queue.push_back(next);
                }
            }
        }
        let index = |s: StateID| by_id[s.as_usize()];
        // Bytes that lead every state to the same state share a class.
        let mut class_of: HashMap<Vec<u32>, u8> = HashMap::new();
        let mut classes = [0u8; 256];
        let mut representative: Vec<u8> = Vec::new();
        for &b in &bytes {
            let column: Vec<u32> = orig
                .iter()
                .map(|&s| index(dfa.next_state(Anchored::No, s, b)))
                .collect();
            let next_class = class_of.len();
            let class = *class_of.entry(column).or_insert_with(|| {
                representative.push(b);
                next_class as u8
            });
            if class_of.len() > 256 {
                return None;
            }
            classes[usize::from(b)] = class;
        }
        for b in b'A'..=b'Z' {
            classes[usize::from(b)] = classes[usize::from(b.to_ascii_lowercase())];
        }
        let stride = representative.len();
        let id = |s: StateID| -> Option<u32> {
            let offset = u32::try_from(index(s) as usize * stride).ok()?;
            if offset >= MATCH {
                return None;
            }
            Some(offset | if dfa.is_match(s) { MATCH } else { 0 })
        };
        let mut trans = Vec::with_capacity(orig.len() * stride);
        for &s in &orig {
            for &b in &representative {
                trans.push(id(dfa.next_state(Anchored::No, s, b))?);
            }
        }
        let mut match_at = Vec::with_capacity(orig.len());
        let mut hits = Vec::new();
        for &s in &orig {
            let from = u32::try_from(hits.len()).ok()?;
            if dfa.is_match(s) {
                for k in 0..dfa.match_len(s) {
                    let p = dfa.match_pattern(s, k);
                    hits.push((p.as_u32(), u32::try_from(dfa.pattern_len(p)).ok()?));
                }
            }
            match_at.push((from, u32::try_from(hits.len()).ok()?));
        }
        Some(DenseDfa {
            classes,
            trans,
            match_at,
            hits,
            start: id(start)?,
            stride: stride as u32,
        })
    }

    /// The start state's id.
    #[inline]
    pub(crate) fn start(&self) -> u32 {
        self.start
    }

    /// The state after `state` reads `byte` (in any case).
    #[inline(always)]
    pub(crate) fn next(&self, state: u32, byte: u8) -> u32 {
        self.trans[((state & !MATCH) + u32::from(self.classes[usize::from(byte)])) as usize]
    }

    /// The patterns `state` matches, as the DFA reports them (`match_pattern` for each `k`
    /// below `match_len`): each pattern's id and length.
    #[inline]
    pub(crate) fn matches(&self, state: u32) -> &[(u32, u32)] {
        let (from, to) = self.match_at[((state & !MATCH) / self.stride) as usize];
        &self.hits[from as usize..to as usize]
    }

    /// The table's size in bytes.
    #[cfg(test)]
    pub(crate) fn memory_usage(&self) -> usize {
        self.trans.len() * 4 + self.match_at.len() * 8 + self.hits.len() * 8 + 256
    }
}
