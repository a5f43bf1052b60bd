//! Byte and character classes the segmenter looks at.

/// Bytes the main loop stops at; every other byte is skipped without a look.
pub(super) const INTERESTING: [bool; 256] = {
    let mut t = [false; 256];
    t[b'.' as usize] = true;
    t[b'!' as usize] = true;
    t[b'?' as usize] = true;
    t[b'\n' as usize] = true;
    t[b'\r' as usize] = true;
    t[0x0B] = true;
    t[0x0C] = true;
    t[b')' as usize] = true;
    t[b'\'' as usize] = true;
    t[b':' as usize] = true;
    t[b'-' as usize] = true;
    t[b',' as usize] = true;
    t[b'=' as usize] = true;
    t[b'_' as usize] = true;
    t[b'*' as usize] = true;
    t[b'~' as usize] = true;
    t[b'#' as usize] = true;
    // Lead bytes of the multi-byte characters that matter: U+0900.. (danda), U+06xx
    // (Arabic question mark and full stop), U+2000.. (quotes, ellipsis, bullets, line
    // separators), U+3000.. (ideographic full stop), U+FF00.. (full-width punctuation).
    t[0xD8] = true;
    t[0xDB] = true;
    t[0xE0] = true;
    t[0xE2] = true;
    t[0xE3] = true;
    t[0xEF] = true;
    t
};

/// For eight bytes (little-endian), a mask with the high bit set in each byte that may be
/// `INTERESTING`: ASCII below 0x40 except space, digits, `"` and `(`; `_`, `~` and any
/// non-ASCII byte. A
/// superset of the table, computed without branches; zero means all eight can be skipped.
#[inline]
pub(super) fn maybe_interesting(w: u64) -> u64 {
    const L: u64 = 0x0101_0101_0101_0101;
    const H: u64 = 0x8080_8080_8080_8080;
    const LOW7: u64 = 0x7F7F_7F7F_7F7F_7F7F;
    // High bit set where the byte is zero.
    let zero = |x: u64| !(((x & LOW7).wrapping_add(LOW7)) | x) & H;
    // High bit set where the low seven bits are below 0x40.
    let below = |c: u64| !((w | H).wrapping_sub(c * L)) & H;
    let below40 = below(0x40);
    // Digits, spaces, double quotes and opening parentheses are frequent and never matter.
    let digit = below(0x3A) & !below(0x30);
    let skip = zero(w ^ (0x20 * L)) | zero(w ^ (0x22 * L)) | zero(w ^ (0x28 * L)) | digit;
    (below40 & !skip) | (w & H) | zero(w ^ (0x5F * L)) | zero(w ^ (0x7E * L))
}

/// From byte `i` of `bytes`, past every byte that cannot be [`INTERESTING`]: the first one
/// that may be, or where fewer than eight bytes are left (the caller looks at those one by
/// one).
#[inline]
pub(super) fn skip_plain(bytes: &[u8], mut i: usize) -> usize {
    #[cfg(target_arch = "x86_64")]
    {
        while i + 16 <= bytes.len() {
            // SAFETY: bytes[i..i + 16] is inside `bytes`.
            let m = unsafe { maybe_interesting_16(bytes.as_ptr().add(i)) };
            if m != 0 {
                return i + m.trailing_zeros() as usize;
            }
            i += 16;
        }
    }
    while let Some(chunk) = bytes.get(i..i + 8) {
        let mut lanes = [0u8; 8];
        lanes.copy_from_slice(chunk);
        let m = maybe_interesting(u64::from_le_bytes(lanes));
        if m != 0 {
            return i + (m.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    i
}

/// [`skip_plain`] from one 64-byte block's mask to the next: the segmenter's loop stops every
/// twenty-odd bytes in news text (commas, periods, line breaks, curly quotes), and each stop
/// would otherwise compute the masks of the bytes after it afresh, sixteen at a time, though
/// the last call had computed most of them. A block's mask is computed once, and a stop
/// inside it takes the next bit.
pub(super) struct Skipper {
    /// The block `base..end` whose mask is `mask` (bit `k`: byte `base + k` may be
    /// interesting); empty before the first.
    base: usize,
    end: usize,
    mask: u64,
}

impl Skipper {
    pub(super) fn new() -> Self {
        Skipper {
            base: 0,
            end: 0,
            mask: 0,
        }
    }

    /// What [`skip_plain`] returns for `bytes` (the same slice at every call) from `i`.
    #[inline]
    pub(super) fn skip(&mut self, bytes: &[u8], mut i: usize) -> usize {
        #[cfg(target_arch = "x86_64")]
        loop {
            if self.base <= i && i < self.end {
                let m = self.mask >> (i - self.base);
                if m != 0 {
                    return i + m.trailing_zeros() as usize;
                }
                i = self.end;
            }
            if i + 64 > bytes.len() {
                break;
            }
            // SAFETY: bytes[i..i + 64] is inside `bytes`.
            let mask = unsafe {
                let at = bytes.as_ptr().add(i);
                u64::from(maybe_interesting_16(at))
                    | u64::from(maybe_interesting_16(at.add(16))) << 16
                    | u64::from(maybe_interesting_16(at.add(32))) << 32
                    | u64::from(maybe_interesting_16(at.add(48))) << 48
            };
            (self.base, self.end, self.mask) = (i, i + 64, mask);
        }
        skip_plain(bytes, i)
    }
}

/// [`maybe_interesting`] for the sixteen bytes at `at`, with SSE2 (part of every x86-64
/// processor), as the low 16 bits; the non-ASCII bytes flagged are only the lead bytes of
/// [`INTERESTING`] (so accented words and other scripts are skipped too).
///
/// # Safety
/// `at` points to 16 readable bytes.
#[cfg(target_arch = "x86_64")]
#[inline(always)]
unsafe fn maybe_interesting_16(at: *const u8) -> u32 {
    use std::arch::x86_64::{
        __m128i, _mm_and_si128, _mm_andnot_si128, _mm_cmpeq_epi8, _mm_cmpgt_epi8, _mm_cmplt_epi8,
        _mm_loadu_si128, _mm_movemask_epi8, _mm_or_si128, _mm_set1_epi8,
    };
    let x = _mm_loadu_si128(at.cast::<__m128i>());
    let set = |b: u8| _mm_set1_epi8(b as i8);
    let eq = |b: u8| _mm_cmpeq_epi8(x, set(b));
    let or = |a: __m128i, b: __m128i| _mm_or_si128(a, b);
    // ASCII below 0x40 (as signed bytes, 0x00..=0x3F), less the frequent bytes that never
    // matter: space, digits, `"` and `(`.
    let below40 = _mm_and_si128(_mm_cmpgt_epi8(x, set(0xFF)), _mm_cmplt_epi8(x, set(0x40)));
    let digit = _mm_and_si128(_mm_cmpgt_epi8(x, set(0x2F)), _mm_cmplt_epi8(x, set(0x3A)));
    let skip = or(or(eq(b' '), eq(b'"')), or(eq(b'('), digit));
    let low = _mm_andnot_si128(skip, below40);
    let marks = or(eq(b'_'), eq(b'~'));
    let leads = or(
        or(or(eq(0xD8), eq(0xDB)), or(eq(0xE0), eq(0xE2))),
        or(eq(0xE3), eq(0xEF)),
    );
    _mm_movemask_epi8(or(or(low, marks), leads)) as u32
}

/// The char starting at byte `i` of `text` (which must be a char boundary), if any.
#[inline]
pub(super) fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..).and_then(|s| s.chars().next())
}

/// The char ending at byte `i` (exclusive), if any.
#[inline]
pub(super) fn char_before(text: &str, i: usize) -> Option<char> {
    text.get(..i).and_then(|s| s.chars().next_back())
}

/// Characters that end a sentence like a question or exclamation mark.
#[inline]
pub(super) fn is_strong_terminal(c: char) -> bool {
    matches!(c, '!' | '?' | '‼' | '⁇' | '⁈' | '⁉' | '！' | '？' | '؟')
}

/// Full stops of scripts written without spaces between sentences.
#[inline]
pub(super) fn is_wide_terminal(c: char) -> bool {
    matches!(c, '。' | '．' | '！' | '？' | '｡' | '।' | '॥' | '۔' | '؟')
}

/// Marks that close a quotation or bracket after terminal punctuation.
#[inline]
pub(super) fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | ')' | ']' | '}' | '”' | '’' | '»' | '›' | '」' | '』' | '）' | '］'
    )
}

/// Marks that open a quotation or bracket.
#[inline]
pub(super) fn is_opener(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '('
            | '['
            | '{'
            | '“'
            | '‘'
            | '«'
            | '‹'
            | '„'
            | '¿'
            | '¡'
            | '「'
            | '『'
            | '（'
    )
}

/// List bullets: a bullet after a space starts a new item.
#[inline]
pub(super) fn is_bullet(c: char) -> bool {
    matches!(
        c,
        '•' | '◦'
            | '▪'
            | '▫'
            | '‣'
            | '⁃'
            | '●'
            | '○'
            | '■'
            | '□'
            | '►'
            | '▶'
            | '◆'
            | '◇'
            | '➢'
            | '➤'
            | '✓'
            | '✔'
            | '∙'
    )
}

/// Dashes, as a separate token (`-`, `--`, `–`, `—`).
#[inline]
pub(super) fn is_dash(c: char) -> bool {
    matches!(c, '-' | '–' | '—' | '―' | '‒')
}

/// Line and paragraph separators other than `\n`.
#[inline]
pub(super) fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}

/// Bytes of ASCII whitespace.
#[inline]
pub(super) fn is_ascii_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C)
}

/// Whitespace at byte `i`: its length in bytes, or 0 when `i` holds no whitespace.
#[inline]
pub(super) fn space_len(text: &str, i: usize) -> usize {
    let b = text.as_bytes();
    match b.get(i) {
        None => 0,
        Some(&c) if c < 0x80 => usize::from(is_ascii_space(c)),
        Some(_) => match char_at(text, i) {
            Some(c) if c.is_whitespace() => c.len_utf8(),
            _ => 0,
        },
    }
}

/// Emoji and pictographs, which may start a sentence like a capital.
#[inline]
pub(super) fn is_pictograph(c: char) -> bool {
    matches!(c, '\u{2600}'..='\u{27BF}' | '\u{1F000}'..='\u{1FAFF}')
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// The skipper never passes a byte the segmenter's loop stops at (it may stop before
        /// one, at a byte its masks cannot tell apart, as `skip_plain` may), called from any
        /// position on, in order, as the loop calls it (each time from a byte after the last
        /// stop).
        #[test]
        fn the_skipper_stops_before_every_interesting_byte(
            text in proptest::collection::vec(proptest::sample::select(
                vec![b'a', b' ', b',', b'.', b'\n', 0xE2, 0x80, b'~', b'1']), 0..300),
            steps in proptest::collection::vec(1usize..90, 1..40),
        ) {
            let first = |from: usize| {
                (from..text.len())
                    .find(|&j| INTERESTING[usize::from(text[j])])
                    .unwrap_or(text.len())
            };
            let mut skipper = Skipper::new();
            let mut i = 0;
            for step in steps {
                if i >= text.len() {
                    break;
                }
                let stop = skipper.skip(&text, i);
                proptest::prop_assert!(i <= stop && stop <= first(i), "{} {} {}", i, stop, first(i));
                i = stop + step;
            }
        }
    }

    #[test]
    fn the_word_mask_covers_the_table() {
        for b in 0..=255u8 {
            for pos in 0..8 {
                let mut bytes = [b'a'; 8];
                bytes[pos] = b;
                let m = maybe_interesting(u64::from_le_bytes(bytes));
                if INTERESTING[b as usize] {
                    assert_ne!(m, 0, "byte {b:#x} at {pos} would be skipped");
                    assert_eq!(m.trailing_zeros() / 8, pos as u32);
                }
            }
        }
        // The sixteen-byte mask, and `skip_plain` over it and the eight-byte one.
        #[cfg(target_arch = "x86_64")]
        for b in 0..=255u8 {
            for pos in 0..16 {
                let mut bytes = [b'a'; 16];
                bytes[pos] = b;
                // SAFETY: 16 bytes.
                let m = unsafe { maybe_interesting_16(bytes.as_ptr()) };
                if INTERESTING[b as usize] {
                    assert_ne!(m, 0, "byte {b:#x} at {pos} would be skipped");
                    assert_eq!(m.trailing_zeros(), pos as u32);
                }
            }
        }
        for len in 0..40 {
            for pos in 0..len {
                for &b in &[b'.', b',', b'\n', 0xE2, 0xEF, b'~'] {
                    let mut bytes = vec![b'a'; len];
                    bytes[pos] = b;
                    let stop = skip_plain(&bytes, 0);
                    // Stops at the byte, or (when few bytes are left) before it.
                    assert!(
                        stop == pos || (stop < pos && len - stop < 8),
                        "{len} {pos} {b:#x}: {stop}"
                    );
                }
            }
            let plain = vec![b'a'; len];
            assert!(len - skip_plain(&plain, 0) < 8);
        }
        assert_eq!(maybe_interesting(u64::from_le_bytes(*b"The cat ")), 0);
        assert_eq!(maybe_interesting(u64::from_le_bytes(*b"(\"1990\" ")), 0);
    }
}
