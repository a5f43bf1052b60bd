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
        assert_eq!(maybe_interesting(u64::from_le_bytes(*b"The cat ")), 0);
        assert_eq!(maybe_interesting(u64::from_le_bytes(*b"(\"1990\" ")), 0);
    }
}
