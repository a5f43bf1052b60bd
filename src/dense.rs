//! A DFA finding every phrase of a set that starts at a word start: an Aho-Corasick
//! automaton whose walks begin only where the byte before is not an ASCII letter or digit
//! (or at the text's start), walked over lowercased text by the cue matcher
//! ([`crate::cues::CueLexicon::find_with_hedges`]).
//!
//! The state after a byte is the longest phrase prefix read from such a start (a node of the
//! phrases' trie), or, when none is alive, one of two states: `BOUNDARY` (the byte is not a
//! letter or digit, so a walk may begin at the next byte) and `DEAD` (inside a word that no
//! phrase begins). The shorter walks alive beside the longest are its suffixes that begin
//! after a byte of it that is not a letter or digit: they depend on the node's bytes alone,
//! so the node is the whole state, and there are as many states as trie nodes, plus one.
//!
//! An unanchored automaton over every byte (what this replaces) follows each suffix of a
//! word that begins a phrase (`re` in `there`, `add` in `address`), so a text visits states
//! all over its table, and matches inside words are reported and dropped. Here a word no
//! phrase begins falls into `DEAD` after a byte or two and stays in that one row to its
//! end, so the walk touches few rows and those stay in the cache.
//!
//! States are numbered breadth first (`DEAD`, `BOUNDARY`, then the trie by depth); bytes
//! that lead every state to the same state share a class, and ASCII capitals share their
//! lowercase letters' classes (the walk lowercases nothing). The table is stored column by
//! column, a class's column holding every state's next state as 16 bits: a walk spends
//! nearly all its steps in the first few hundred states (`DEAD`, `BOUNDARY` and the first
//! bytes of phrases, numbered first), and those lie side by side in each column, so the
//! rows a text visits share cache lines (row after row of 32-bit entries, one per class,
//! spread them over about a megabyte, which inside `analyze` the other stages' data pushed
//! out of the L2 cache).

/// The word-start automaton of a phrase set (see the module documentation).
#[derive(Clone, Debug)]
pub(crate) struct WordDfa {
    /// Where each byte's column starts in `trans`: its class times `column`. A capital's is
    /// its lowercase letter's.
    columns: [u32; 256],
    /// Column after column, one per byte class, `column` entries each: the next state's id
    /// after the state whose id is the entry's index in the column. Every entry plus any
    /// column's start is an index of `trans`.
    trans: Vec<u16>,
    /// The phrases each match state matches, by its id less `match_bit`.
    match_at: Vec<MatchAt>,
    /// The phrases matched beyond each match state's first (their index and length in
    /// bytes), state after state.
    hits: Vec<(u32, u32)>,
    /// The start state's id (`BOUNDARY`).
    start: u32,
    /// The bit set in the ids of the states where phrases end, and in no other's.
    match_bit: u32,
    /// The longest phrase's length in bytes.
    max_len: usize,
}

/// The phrases a match state matches: the first held here, so that the common state that
/// ends one phrase is read with one load (a cache miss more often than not: matches are
/// rare and far apart), the others a range of [`WordDfa`]'s `hits`.
#[derive(Clone, Copy, Debug, Default)]
#[repr(C, align(16))]
struct MatchAt {
    /// The first phrase's index and length in bytes.
    first: (u32, u32),
    /// The others: a range of `hits`.
    more: (u32, u32),
}

/// A node of the phrases' trie while the automaton is built.
struct Node {
    /// The children, by byte.
    children: Vec<(u8, usize)>,
    /// The phrases ending here.
    out: Vec<u32>,
    /// The bytes from the root.
    path: Vec<u8>,
}

impl Node {
    fn child(&self, b: u8) -> Option<usize> {
        self.children
            .iter()
            .find(|&&(c, _)| c == b)
            .map(|&(_, n)| n)
    }
}

/// How many pieces [`WordDfa::for_each_match`] walks side by side.
const LANES: usize = 4;
/// Texts shorter than this are walked in one piece.
pub(crate) const LANE_MIN: usize = 512;

const DEAD: usize = 0;
const BOUNDARY: usize = 1;

impl WordDfa {
    /// The automaton of `phrases` (ASCII-lowercased by the caller: bytes are compared
    /// exactly, capitals in the text read as lowercase), or None when a phrase is empty or
    /// the states would not fit 16-bit ids (about 30,000 trie nodes; the shipped lexicon
    /// makes about 7,500).
    pub(crate) fn new<S: AsRef<[u8]>>(phrases: &[S]) -> Option<Self> {
        let word = |b: u8| b.is_ascii_alphanumeric();
        // The trie.
        let mut nodes = vec![Node {
            children: Vec::new(),
            out: Vec::new(),
            path: Vec::new(),
        }];
        let mut max_len = 0;
        for (k, phrase) in phrases.iter().enumerate() {
            let phrase = phrase.as_ref();
            if phrase.is_empty() {
                return None;
            }
            max_len = max_len.max(phrase.len());
            let mut n = 0;
            for &b in phrase {
                n = match nodes[n].child(b) {
                    Some(c) => c,
                    None => {
                        let c = nodes.len();
                        let mut path = nodes[n].path.clone();
                        path.push(b);
                        nodes.push(Node {
                            children: Vec::new(),
                            out: Vec::new(),
                            path,
                        });
                        nodes[n].children.push((b, c));
                        c
                    }
                };
            }
            nodes[n].out.push(u32::try_from(k).ok()?);
        }
        // Breadth first, children in byte order.
        let mut order = vec![0usize];
        let mut head = 0;
        while head < order.len() {
            let n = order[head];
            head += 1;
            let mut children = nodes[n].children.clone();
            children.sort_unstable();
            order.extend(children.iter().map(|&(_, c)| c));
        }
        // Byte classes: bytes labelling the same edges, both letters or digits or neither.
        let mut edges: Vec<Vec<(usize, usize)>> = vec![Vec::new(); 256];
        for (n, node) in nodes.iter().enumerate() {
            for &(b, c) in &node.children {
                edges[usize::from(b)].push((n, c));
            }
        }
        let mut classes = [0u8; 256];
        let mut keys: Vec<(bool, &Vec<(usize, usize)>)> = Vec::new();
        let mut representative: Vec<u8> = Vec::new();
        for b in (0..=255u8).filter(|b| !b.is_ascii_uppercase()) {
            let key = (word(b), &edges[usize::from(b)]);
            let class = match keys.iter().position(|k| *k == key) {
                Some(c) => c,
                None => {
                    keys.push(key);
                    representative.push(b);
                    keys.len() - 1
                }
            };
            classes[usize::from(b)] = u8::try_from(class).ok()?;
        }
        for b in b'A'..=b'Z' {
            classes[usize::from(b)] = classes[usize::from(b.to_ascii_lowercase())];
        }
        let stride = representative.len();
        // Each node's fallback: its longest proper suffix that begins after a byte that is
        // not a letter or digit and is a node, else none (`Err`), with the next walk's
        // start allowed (BOUNDARY) or not (DEAD) by its last byte.
        let lookup = |bytes: &[u8]| -> Option<usize> {
            bytes
                .iter()
                .try_fold(0usize, |n, &b| nodes[n].child(b))
                .filter(|&n| n != 0)
        };
        let mut fail: Vec<Result<usize, usize>> = vec![Err(BOUNDARY); nodes.len()];
        for &n in &order[1..] {
            let path = &nodes[n].path;
            let suffix = (1..path.len())
                .filter(|&k| !word(path[k - 1]))
                .find_map(|k| lookup(&path[k..]));
            fail[n] = match suffix {
                Some(m) => Ok(m),
                None if word(path[path.len() - 1]) => Err(DEAD),
                None => Err(BOUNDARY),
            };
        }
        // The phrases each node matches: its own, then its fallback's (made before it:
        // a fallback is shorter).
        let mut outs: Vec<Vec<(u32, u32)>> = vec![Vec::new(); nodes.len()];
        for &n in &order[1..] {
            let len = u32::try_from(nodes[n].path.len()).ok()?;
            let mut out: Vec<(u32, u32)> = nodes[n].out.iter().map(|&p| (p, len)).collect();
            if let Ok(m) = fail[n] {
                out.extend_from_slice(&outs[m]);
            }
            outs[n] = out;
        }
        // The states: DEAD, BOUNDARY (the root), the other nodes breadth first, those where
        // phrases end last (from `first_match` on).
        let mut state_of = vec![0usize; nodes.len()];
        let mut states = 1; // the root is BOUNDARY
        for ends in [false, true] {
            for &n in order[1..].iter().filter(|&&n| outs[n].is_empty() != ends) {
                states += 1;
                state_of[n] = states;
            }
        }
        states += 1;
        let first_match = 2 + order[1..].iter().filter(|&&n| outs[n].is_empty()).count();
        let state = |f: Result<usize, usize>| f.map_or_else(|s| s, |m| state_of[m]);
        // The match states' phrases, by match state (from `first_match` on).
        let mut match_at = vec![MatchAt::default(); states - first_match];
        let mut hits: Vec<(u32, u32)> = Vec::new();
        for &n in &order[1..] {
            if state_of[n] >= first_match {
                let from = u32::try_from(hits.len()).ok()?;
                hits.extend_from_slice(&outs[n][1..]);
                match_at[state_of[n] - first_match] = MatchAt {
                    first: outs[n][0],
                    more: (from, u32::try_from(hits.len()).ok()?),
                };
            }
        }
        // A state's id is its index in every column. The states where no phrase ends lie
        // below a power of two, `match_bit`, and the others from it on, so that one bit of
        // an id says whether it is a match state, and one test of four states `or`ed tells
        // whether any is (the entries between are never read).
        let match_bit = first_match
            .max(states - first_match)
            .checked_next_power_of_two()?;
        if match_bit > 1 << 15 {
            return None;
        }
        let id = |s: usize| -> usize {
            if s < first_match {
                s
            } else {
                match_bit + (s - first_match)
            }
        };
        // The rows, breadth first: a fallback's row is always made before its node's.
        let mut next = vec![0usize; states * stride];
        for (c, &b) in representative.iter().enumerate() {
            let rest = if word(b) { DEAD } else { BOUNDARY };
            next[DEAD * stride + c] = rest;
            next[BOUNDARY * stride + c] = nodes[0].child(b).map_or(rest, |m| state_of[m]);
        }
        for &n in &order[1..] {
            let s = state_of[n];
            let f = state(fail[n]);
            for (c, &b) in representative.iter().enumerate() {
                next[s * stride + c] = match nodes[n].child(b) {
                    Some(m) => state_of[m],
                    None => next[f * stride + c],
                };
            }
        }
        let column = match_bit + (states - first_match);
        let mut trans = vec![0u16; column * stride];
        for s in 0..states {
            for c in 0..stride {
                trans[c * column + id(s)] = u16::try_from(id(next[s * stride + c])).ok()?;
            }
        }
        let mut columns = [0u32; 256];
        for (b, &class) in classes.iter().enumerate() {
            columns[b] = u32::try_from(usize::from(class) * column).ok()?;
        }
        Some(WordDfa {
            columns,
            trans,
            match_at,
            hits,
            start: id(BOUNDARY) as u32,
            match_bit: match_bit as u32,
            max_len,
        })
    }

    /// The state after `state` (an id this automaton made) reads `byte` (in any case).
    #[inline(always)]
    fn next(&self, state: usize, byte: u8) -> usize {
        let at = self.columns[usize::from(byte)] as usize + state;
        debug_assert!(at < self.trans.len());
        // SAFETY: `state` is a state's id (the start's or an entry of `trans`: states never
        // leave this module), below the length of a column, and `columns` holds the starts
        // of the columns, so `at` is an index of `trans`.
        usize::from(unsafe { *self.trans.get_unchecked(at) })
    }

    /// True when phrases end at `state`.
    #[inline(always)]
    fn is_match(&self, state: usize) -> bool {
        state & self.match_bit as usize != 0
    }

    /// Calls `found` with the phrases ending at `state` (a match state), each one's index
    /// and length, and `end`: the first phrase alone, then any others.
    #[inline]
    fn report(&self, state: usize, end: usize, found: &mut impl FnMut(&[(u32, u32)], usize)) {
        let m = &self.match_at[state - self.match_bit as usize];
        found(std::slice::from_ref(&m.first), end);
        if m.more.0 < m.more.1 {
            found(&self.hits[m.more.0 as usize..m.more.1 as usize], end);
        }
    }

    /// The matches of the lanes in `states` after step `t` of `for_each_match`, out of its
    /// loop (rarely taken: the loop keeps its registers).
    #[cold]
    #[inline(never)]
    fn found_in_lanes(
        &self,
        states: [usize; LANES],
        t: usize,
        from: &[usize; LANES],
        own: &[usize; LANES],
        found: &mut impl FnMut(&[(u32, u32)], usize),
    ) {
        for (k, &sk) in states.iter().enumerate() {
            let i = from[k] + t;
            if self.is_match(sk) && i >= own[k] {
                self.report(sk, i + 1, found);
            }
        }
    }

    /// Calls `found(phrases, end)` for every phrase that ends at `end` (exclusive) in
    /// `bytes` and starts at a word start (the text's start or after a byte that is not an
    /// ASCII letter or digit): `phrases` are some of those ending there, each one's index
    /// and length, every phrase once (an end's phrases in one call or two), in no particular
    /// order.
    pub(crate) fn for_each_match(&self, bytes: &[u8], mut found: impl FnMut(&[(u32, u32)], usize)) {
        // Each step's state depends on the last, so one walk waits on every load. The text
        // is cut in `LANES` pieces walked side by side, each load independent of the
        // others. The state after a byte is the longest walk alive, never longer than the
        // longest phrase, and the shorter walks alive are the suffixes of it that begin
        // after a byte of it that is not a letter or digit. A lane started from the start
        // state that many bytes before its piece (`warm`) takes its first byte for a word
        // start even when it is not, but a walk from there is longer than any phrase when
        // its piece begins: there it is in the very state of one walk from the text's
        // start, and it reports only the matches ending in its piece. So every end is
        // reported once, as by one walk.
        let lanes = if bytes.len() >= LANE_MIN { LANES } else { 1 };
        let piece = bytes.len() / lanes;
        let mut from = [0usize; LANES]; // first byte the lane reads
        let mut own = [0usize; LANES]; // first byte of the lane's piece
        let mut to = [0usize; LANES]; // end of the lane's piece
        for k in 0..lanes {
            own[k] = k * piece;
            from[k] = own[k].saturating_sub(self.max_len);
            to[k] = if k + 1 == lanes {
                bytes.len()
            } else {
                own[k] + piece
            };
        }
        // Side by side for as many steps as the shortest lane takes (lanes after the first
        // read `warm` bytes more than it), the four states in registers.
        let steps = if lanes == LANES {
            (0..LANES).map(|k| to[k] - from[k]).min().unwrap_or(0)
        } else {
            0
        };
        let mut sid = [self.start as usize; LANES];
        if steps > 0 {
            let lane = |k: usize| &bytes[from[k]..from[k] + steps];
            let (b0, b1, b2, b3) = (lane(0), lane(1), lane(2), lane(3));
            let [mut s0, mut s1, mut s2, mut s3] = sid;
            for t in 0..steps {
                s0 = self.next(s0, b0[t]);
                s1 = self.next(s1, b1[t]);
                s2 = self.next(s2, b2[t]);
                s3 = self.next(s3, b3[t]);
                if self.is_match(s0 | s1 | s2 | s3) {
                    self.found_in_lanes([s0, s1, s2, s3], t, &from, &own, &mut found);
                }
            }
            sid = [s0, s1, s2, s3];
        }
        // Then each lane to the end of its piece.
        for k in 0..lanes {
            let mut s = sid[k];
            for (i, &b) in bytes.iter().enumerate().take(to[k]).skip(from[k] + steps) {
                s = self.next(s, b);
                if self.is_match(s) && i >= own[k] {
                    self.report(s, i + 1, &mut found);
                }
            }
        }
    }

    /// The table's size in bytes.
    #[cfg(test)]
    pub(crate) fn memory_usage(&self) -> usize {
        self.trans.len() * 2 + self.match_at.len() * 16 + self.hits.len() * 8 + 1024
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every (start, end, phrase) of `phrases` in `text` whose start follows no ASCII letter
    /// or digit, by brute force.
    fn brute(phrases: &[&str], text: &[u8]) -> Vec<(usize, usize, u32)> {
        let mut out = Vec::new();
        for s in 0..text.len() {
            if s > 0 && text[s - 1].is_ascii_alphanumeric() {
                continue;
            }
            for (k, p) in phrases.iter().enumerate() {
                let p = p.as_bytes();
                if text.len() - s >= p.len() && text[s..s + p.len()].eq_ignore_ascii_case(p) {
                    out.push((s, s + p.len(), k as u32));
                }
            }
        }
        out.sort_unstable();
        out
    }

    fn walk(dfa: &WordDfa, text: &[u8]) -> Vec<(usize, usize, u32)> {
        let mut out = Vec::new();
        dfa.for_each_match(text, |found, end| {
            for &(p, len) in found {
                out.push((end - len as usize, end, p));
            }
        });
        out.sort_unstable();
        out
    }

    #[test]
    fn a_small_set() {
        let phrases = ["said", "said to", "to", "a-b", "-x", "é", "o o"];
        let dfa = WordDfa::new(&phrases).unwrap();
        for text in [
            "He said to me, Said TO. Tosaid to-said -x a-b-x é éé o o o",
            "xsaid to",
            "",
            "-x-x--x",
        ] {
            assert_eq!(
                walk(&dfa, text.as_bytes()),
                brute(&phrases, text.as_bytes())
            );
        }
        assert!(dfa.memory_usage() > 0);
    }

    proptest::proptest! {
        #[test]
        fn finds_what_brute_force_finds(
            phrases in proptest::collection::vec("[ab ’é-]{1,5}", 1..8),
            text in "[abAB ’é.x-]{0,40}",
        ) {
            let dfa = WordDfa::new(&phrases).unwrap();
            let phrases: Vec<&str> = phrases.iter().map(String::as_str).collect();
            proptest::prop_assert_eq!(walk(&dfa, text.as_bytes()), brute(&phrases, text.as_bytes()));
        }

        /// Long texts are walked in pieces side by side: what one walk finds.
        #[test]
        fn pieces_find_what_brute_force_finds(
            phrases in proptest::collection::vec("[ab ’é-]{1,5}", 1..8),
            unit in "[abAB ’é.x-]{1,40}",
            pad in 0usize..12,
        ) {
            let dfa = WordDfa::new(&phrases).unwrap();
            let phrases: Vec<&str> = phrases.iter().map(String::as_str).collect();
            let mut text = "a".repeat(pad);
            while text.len() < 3 * LANE_MIN {
                text.push_str(&unit);
            }
            proptest::prop_assert_eq!(walk(&dfa, text.as_bytes()), brute(&phrases, text.as_bytes()));
        }
    }
}
