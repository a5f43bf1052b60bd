//! Quotation spans, opening mark to closing mark.
//!
//! Straight and curly, double and single quotes, guillemets, `„…“` and NYT-style
//! ` ``…'' `. An apostrophe (`Lavrov’s`, `’90s`, `rock ’n’ roll`, `students’`) is not a
//! quote. A quote may run over sentences; at a paragraph break an open quote continues when
//! the next paragraph reopens it (the news convention) and is dropped otherwise, so odd
//! counts and unclosed marks never fail. One pass over the bytes: linear on any input.
//!
//! ```
//! let text = "“It is early,” Lavrov’s aide said. ‘Fine.’";
//! let quotes: Vec<&str> = sayso::quotes::find_quotes(text, &[])
//!     .iter()
//!     .map(|q| q.as_str(text))
//!     .collect();
//! assert_eq!(quotes, ["“It is early,”", "‘Fine.’"]);
//! ```

use crate::document::Sentence;
use crate::Span;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Family {
    Double,
    Single,
    Guillemet,
}

#[derive(Clone, Copy, Debug)]
enum Mark {
    Open(Family),
    Close(Family),
    /// A straight mark that may open or close.
    Either(Family),
}

#[derive(Clone, Copy, Debug)]
struct Open {
    start: usize,
    family: Family,
    /// Opened by `„`: a `“` closes it.
    low: bool,
}

const MAX_DEPTH: usize = 3;

/// The bytes the scanner acts on: newline, `"`, `'`, `` ` `` and the lead bytes of `«»`
/// (0xC2) and of the curly marks (0xE2).
const MAY_MARK: [bool; 256] = {
    let mut t = [false; 256];
    t[b'\n' as usize] = true;
    t[b'"' as usize] = true;
    t[b'\'' as usize] = true;
    t[b'`' as usize] = true;
    t[0xC2] = true;
    t[0xE2] = true;
    t
};

/// The first byte at or after `from` that [`MAY_MARK`] flags, or `bytes.len()`.
#[inline]
fn next_mark(bytes: &[u8], from: usize) -> usize {
    #[cfg(target_arch = "x86_64")]
    return next_mark_sse2(bytes, from);
    #[cfg(not(target_arch = "x86_64"))]
    return next_mark_bytewise(bytes, from);
}

/// `next_mark` one byte at a time.
#[cfg_attr(all(target_arch = "x86_64", not(test)), allow(dead_code))]
#[inline]
fn next_mark_bytewise(bytes: &[u8], from: usize) -> usize {
    let mut i = from;
    while i < bytes.len() && !MAY_MARK[usize::from(bytes[i])] {
        i += 1;
    }
    i
}

/// `next_mark` sixteen bytes at a time with SSE2, part of every x86-64 processor (as
/// `jsonl::write` does for the bytes to escape).
#[cfg(target_arch = "x86_64")]
#[inline]
fn next_mark_sse2(bytes: &[u8], from: usize) -> usize {
    use std::arch::x86_64::{
        __m128i, _mm_cmpeq_epi8, _mm_loadu_si128, _mm_movemask_epi8, _mm_or_si128, _mm_set1_epi8,
    };
    /// The bytes [`MAY_MARK`] flags among the 16 at `at`, as the low 16 bits.
    ///
    /// # Safety
    /// `at` points to 16 readable bytes. (SSE2 itself is always there on x86-64.)
    #[inline(always)]
    unsafe fn flagged(at: *const u8) -> u32 {
        let x = _mm_loadu_si128(at.cast::<__m128i>());
        let is = |b: u8| _mm_cmpeq_epi8(x, _mm_set1_epi8(b as i8));
        let ascii = _mm_or_si128(
            _mm_or_si128(is(b'\n'), is(b'"')),
            _mm_or_si128(is(b'\''), is(b'`')),
        );
        _mm_movemask_epi8(_mm_or_si128(ascii, _mm_or_si128(is(0xC2), is(0xE2)))) as u32
    }
    let mut i = from;
    while i + 16 <= bytes.len() {
        // SAFETY: bytes[i..i + 16] is inside `bytes`.
        let mask = unsafe { flagged(bytes.as_ptr().add(i)) };
        if mask != 0 {
            return i + mask.trailing_zeros() as usize;
        }
        i += 16;
    }
    next_mark_bytewise(bytes, i)
}

fn char_before(text: &str, i: usize) -> Option<char> {
    text[..i].chars().next_back()
}

fn char_at(text: &str, i: usize) -> Option<char> {
    text[i..].chars().next()
}

fn is_opening_context(c: Option<char>) -> bool {
    match c {
        None => true,
        Some(c) => {
            c.is_whitespace()
                || matches!(
                    c,
                    '(' | '[' | '{' | '—' | '–' | '-' | '/' | '“' | '‘' | '"' | '\'' | '«' | '„'
                )
        }
    }
}

fn is_closing_context(c: Option<char>) -> bool {
    match c {
        None => true,
        Some(c) => c.is_whitespace() || (!c.is_alphanumeric() && !matches!(c, '(' | '[' | '{')),
    }
}

/// Classify a single-quote-like mark at `i` (`'`, `’` or `‘`) of byte width `w`.
fn single_mark(text: &str, i: usize, w: usize, c: char) -> Option<Mark> {
    let prev = char_before(text, i);
    let next = char_at(text, i + w);
    let prev_word = prev.is_some_and(char::is_alphanumeric);
    let next_word = next.is_some_and(char::is_alphanumeric);
    if prev_word && next_word {
        return None; // Lavrov’s, don't
    }
    if c != '‘' && next.is_some_and(|n| n.is_ascii_digit()) {
        // ’90s
        let rest = &text[i + w..];
        let digits = rest.bytes().take(3).take_while(u8::is_ascii_digit).count();
        if digits == 2 && rest[digits..].starts_with('s') {
            return None;
        }
    }
    if c != '‘' {
        let rest = &text[i + w..];
        let after_n = |r: &str| r.starts_with("n’") || r.starts_with("n'");
        if !prev_word && after_n(rest) {
            return None; // the first mark of rock ’n’ roll
        }
        let before = &text[..i];
        if prev == Some('n') && (before.ends_with("’n") || before.ends_with("'n")) {
            return None; // the second one
        }
    }
    match c {
        '‘' => {
            if is_opening_context(prev) || !prev_word {
                Some(Mark::Open(Family::Single))
            } else {
                None
            }
        }
        _ => {
            let opening = is_opening_context(prev) && next.is_some_and(|n| !n.is_whitespace());
            let closing = !is_opening_context(prev) && is_closing_context(next);
            match (opening, closing) {
                (true, false) => Some(Mark::Open(Family::Single)),
                (false, true) => Some(Mark::Close(Family::Single)),
                _ => None,
            }
        }
    }
}

fn double_straight(text: &str, i: usize, w: usize) -> Mark {
    let prev = char_before(text, i);
    let next = char_at(text, i + w);
    let opening = is_opening_context(prev) && next.is_some_and(|n| !n.is_whitespace());
    let closing = !is_opening_context(prev) && is_closing_context(next);
    match (opening, closing) {
        (true, false) => Mark::Open(Family::Double),
        (false, true) => Mark::Close(Family::Double),
        _ => Mark::Either(Family::Double),
    }
}

struct Scanner {
    stack: Vec<Open>,
    out: Vec<Span>,
}

impl Scanner {
    fn open(&mut self, start: usize, family: Family, low: bool) {
        if self.stack.len() < MAX_DEPTH {
            self.stack.push(Open { start, family, low });
        }
    }

    /// Close the innermost open quote of `family`; inner quotes left open are dropped.
    fn close(&mut self, family: Family, end: usize) -> bool {
        if let Some(pos) = self.stack.iter().rposition(|o| o.family == family) {
            let o = self.stack[pos];
            self.stack.truncate(pos);
            self.out.push(Span::new(o.start, end));
            true
        } else {
            false
        }
    }

    fn is_open(&self, family: Family) -> bool {
        self.stack.iter().any(|o| o.family == family)
    }

    fn apply(&mut self, mark: Mark, i: usize, w: usize) {
        match mark {
            Mark::Open(f) => self.open(i, f, false),
            Mark::Close(f) => {
                self.close(f, i + w);
            }
            Mark::Either(f) => {
                if !self.close(f, i + w) {
                    self.open(i, f, false);
                }
            }
        }
    }
}

/// The opening mark (family, byte width) at `i`, if the text reopens a quote there.
fn reopening_at(text: &str, i: usize) -> Option<(Family, usize)> {
    let rest = &text[i..];
    if rest.starts_with("``") {
        return Some((Family::Double, 2));
    }
    let c = rest.chars().next()?;
    match c {
        '“' | '"' | '„' => Some((Family::Double, c.len_utf8())),
        '‘' | '\'' => Some((Family::Single, c.len_utf8())),
        '«' => Some((Family::Guillemet, c.len_utf8())),
        _ => None,
    }
}

/// The quotations of `text`, ordered by start (a nested quote follows the one holding it).
/// `_sentences` is accepted for the pipeline's shape; paragraphs are found from blank lines.
pub fn find_quotes(text: &str, _sentences: &[Sentence]) -> Vec<Span> {
    let bytes = text.as_bytes();
    let mut sc = Scanner {
        stack: Vec::new(),
        out: Vec::new(),
    };
    let mut i = 0usize;
    while i < bytes.len() {
        let b = bytes[i];
        match b {
            b'\n' => {
                // A blank line ends the paragraph.
                let mut j = i + 1;
                let mut blank = false;
                while j < bytes.len() && bytes[j].is_ascii_whitespace() {
                    blank |= bytes[j] == b'\n';
                    j += 1;
                }
                if blank && !sc.stack.is_empty() {
                    let outer = sc.stack[0];
                    match reopening_at(text, j) {
                        Some((family, w)) if family == outer.family => {
                            // The news convention: the quote goes on in the next paragraph.
                            sc.stack.truncate(1);
                            i = j + w;
                            continue;
                        }
                        _ => sc.stack.clear(),
                    }
                }
                i = j;
            }
            b'"' => {
                let mark = double_straight(text, i, 1);
                sc.apply(mark, i, 1);
                i += 1;
            }
            b'\'' => {
                if bytes.get(i + 1) == Some(&b'\'') && bytes.get(i + 2) != Some(&b'\'') {
                    // `''` closes ``…'' and, in some archives (NYT), both opens and closes.
                    let mark = if sc.is_open(Family::Double) {
                        Mark::Close(Family::Double)
                    } else {
                        double_straight(text, i, 2)
                    };
                    match mark {
                        Mark::Close(f) if !sc.is_open(f) => {}
                        m => sc.apply(m, i, 2),
                    }
                    i += 2;
                    continue;
                }
                if let Some(mark) = single_mark(text, i, 1, '\'') {
                    match mark {
                        Mark::Close(f) if !sc.is_open(f) => {}
                        m => sc.apply(m, i, 1),
                    }
                }
                i += 1;
            }
            b'`' => {
                if bytes.get(i + 1) == Some(&b'`') {
                    sc.open(i, Family::Double, false);
                    i += 2;
                } else {
                    sc.open(i, Family::Single, false);
                    i += 1;
                }
            }
            0xC2 => {
                match bytes.get(i + 1) {
                    Some(0xAB) => sc.open(i, Family::Guillemet, false),
                    Some(0xBB) => {
                        sc.close(Family::Guillemet, i + 2);
                    }
                    _ => {}
                }
                i += 2;
            }
            0xE2 if bytes.get(i + 1) == Some(&0x80) => {
                let w = 3;
                match bytes.get(i + 2) {
                    Some(0x9C) => {
                        // “ : closes a „ quote, else opens (or closes a double left open
                        // when it sits where a closing mark would).
                        let low_open = sc
                            .stack
                            .iter()
                            .rposition(|o| o.family == Family::Double)
                            .is_some_and(|p| sc.stack[p].low);
                        let closes_here = sc.is_open(Family::Double)
                            && !is_opening_context(char_before(text, i))
                            && is_closing_context(char_at(text, i + w));
                        if low_open || closes_here {
                            sc.close(Family::Double, i + w);
                        } else {
                            sc.open(i, Family::Double, false);
                        }
                    }
                    Some(0x9D)
                        if !sc.close(Family::Double, i + w)
                            && is_opening_context(char_before(text, i))
                            && char_at(text, i + w).is_some_and(char::is_alphanumeric) =>
                    {
                        sc.open(i, Family::Double, false);
                    }
                    Some(0x9E) => sc.open(i, Family::Double, true),
                    Some(0x98) => {
                        if let Some(m) = single_mark(text, i, w, '‘') {
                            sc.apply(m, i, w);
                        }
                    }
                    Some(0x99) => {
                        if let Some(mark) = single_mark(text, i, w, '’') {
                            match mark {
                                Mark::Close(f) if !sc.is_open(f) => {}
                                Mark::Open(f) => {
                                    // ’ opening is rare; only when nothing single is open.
                                    if !sc.is_open(f) {
                                        sc.open(i, f, false);
                                    }
                                }
                                m => sc.apply(m, i, w),
                            }
                        }
                    }
                    Some(0xB9) => sc.open(i, Family::Guillemet, false),
                    Some(0xBA) => {
                        sc.close(Family::Guillemet, i + w);
                    }
                    _ => {}
                }
                i += w;
            }
            _ => {
                // Most bytes mark nothing: skip to the next one that may.
                i = next_mark(bytes, i + 1);
            }
        }
    }
    sc.out
        .sort_unstable_by_key(|s| (s.start, std::cmp::Reverse(s.end)));
    sc.out
}

/// The quotes not inside another quote, in order.
///
/// ```
/// use sayso::Span;
/// let quotes = [Span::new(0, 20), Span::new(5, 9), Span::new(25, 30)];
/// assert_eq!(sayso::quotes::top_level(&quotes), [Span::new(0, 20), Span::new(25, 30)]);
/// ```
pub fn top_level(quotes: &[Span]) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::with_capacity(quotes.len());
    for q in quotes {
        match out.last() {
            Some(last) if last.end >= q.end && last.start <= q.start => {}
            _ => out.push(*q),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// The sixteen-at-a-time search stops where the byte loop stops, from any start.
        #[test]
        fn next_mark_is_the_byte_loop(
            bytes in proptest::collection::vec(
                proptest::prop_oneof![
                    4 => proptest::prelude::any::<u8>(),
                    1 => proptest::sample::select(vec![b'\n', b'"', b'\'', b'`', 0xC2, 0xE2, b'a', b' ']),
                ],
                0..80,
            ),
            from in 0usize..80,
        ) {
            let from = from.min(bytes.len());
            proptest::prop_assert_eq!(next_mark(&bytes, from), next_mark_bytewise(&bytes, from));
        }
    }

    #[test]
    fn next_mark_finds_each_mark_at_each_place() {
        for mark in [b'\n', b'"', b'\'', b'`', 0xC2, 0xE2] {
            for len in 0..40 {
                for at in 0..len {
                    let mut bytes = vec![b'x'; len];
                    bytes[at] = mark;
                    assert_eq!(next_mark(&bytes, 0), at, "{mark:#x} at {at} of {len}");
                    assert_eq!(next_mark(&bytes, at + 1), len);
                }
            }
        }
        // Bytes near the marks are no marks.
        let others: Vec<u8> = (0..=255u8).filter(|b| !MAY_MARK[usize::from(*b)]).collect();
        assert_eq!(next_mark(&others, 0), others.len());
    }
}
