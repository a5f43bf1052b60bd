//! Byte offsets to code-point offsets (Python `str` indices), computed once per document.

/// Bytes between checkpoints of the char count; a lookup counts at most this many bytes.
const STRIDE: usize = 64;

/// Maps byte offsets of a text to code-point offsets in O(1) per lookup.
///
/// ASCII text maps each offset to itself and stores nothing. Other text stores the char
/// count at every 64th byte, so memory is 1/16 of the text and a lookup scans ≤ 64 bytes.
///
/// ```
/// let text = "“Hi,” she said.";
/// let map = sayso::CharOffsets::new(text);
/// let end = text.find(" she").unwrap();
/// assert_eq!(map.char_index(end), 5);
/// assert_eq!(map.byte_index(5), end);
/// ```
#[derive(Clone, Debug)]
pub struct CharOffsets<'a> {
    text: &'a str,
    /// `checkpoints[i]` = number of chars in `text[..i * STRIDE]`; empty for ASCII text.
    checkpoints: Vec<usize>,
}

#[inline]
fn is_char_start(b: u8) -> bool {
    (b as i8) >= -0x40
}

/// The number of chars that start in `bytes` (the bytes that are not UTF-8 continuation
/// bytes `0b10xx_xxxx`), eight bytes at a time.
#[inline]
fn count_char_starts(bytes: &[u8]) -> usize {
    const HI: u64 = 0x8080_8080_8080_8080;
    let mut chunks = bytes.chunks_exact(8);
    let mut continuations = 0;
    for chunk in &mut chunks {
        let mut lanes = [0u8; 8];
        lanes.copy_from_slice(chunk);
        let x = u64::from_le_bytes(lanes);
        // Bit 7 set and bit 6 clear; the shift moves each lane's bit 6 to its bit 7 (what
        // crosses into the next lane lands in bit 0, which the mask drops).
        continuations += (x & !(x << 1) & HI).count_ones() as usize;
    }
    let rest = chunks.remainder();
    bytes.len() - rest.len() - continuations + rest.iter().filter(|&&b| is_char_start(b)).count()
}

/// The eight bytes at `i` as a little-endian word.
#[inline]
fn word_at(bytes: &[u8], i: usize) -> u64 {
    let mut lanes = [0u8; 8];
    lanes.copy_from_slice(&bytes[i..i + 8]);
    u64::from_le_bytes(lanes)
}

/// How many bytes of the word `x` are UTF-8 continuation bytes (`0b10xx_xxxx`). A zero byte
/// (what a mask leaves) is none.
#[inline]
fn continuations(x: u64) -> usize {
    const HI: u64 = 0x8080_8080_8080_8080;
    // Bit 7 set and bit 6 clear; the shift moves each lane's bit 6 to its bit 7 (what
    // crosses into the next lane lands in bit 0, which the mask drops).
    (x & !(x << 1) & HI).count_ones() as usize
}

impl<'a> CharOffsets<'a> {
    /// Index `text` (one linear pass; none at all for ASCII).
    pub fn new(text: &'a str) -> Self {
        if text.is_ascii() {
            return CharOffsets {
                text,
                checkpoints: Vec::new(),
            };
        }
        let bytes = text.as_bytes();
        let mut checkpoints = Vec::with_capacity(bytes.len() / STRIDE + 1);
        let mut count = 0usize;
        for chunk in bytes.chunks(STRIDE) {
            checkpoints.push(count);
            count += count_char_starts(chunk);
        }
        checkpoints.push(count);
        CharOffsets { text, checkpoints }
    }

    /// True when the text is ASCII, so byte and char offsets agree.
    pub fn is_ascii(&self) -> bool {
        self.checkpoints.is_empty()
    }

    /// The code-point index of byte offset `byte` (which must be a char boundary).
    pub fn char_index(&self, byte: usize) -> usize {
        if self.is_ascii() {
            return byte;
        }
        let block = byte / STRIDE;
        let bytes = self.text.as_bytes();
        let mut count = self.checkpoints[block];
        // Whole words from the checkpoint, then the last few bytes out of one more word,
        // masked: no loop byte by byte (whose exit the branch predictor keeps missing).
        let mut i = block * STRIDE;
        while i + 8 <= byte {
            count += 8 - continuations(word_at(bytes, i));
            i += 8;
        }
        let rest = byte - i;
        if rest > 0 {
            if i + 8 <= bytes.len() {
                // The low `rest` bytes of the word (little-endian) are the ones before `byte`.
                let low = u64::MAX >> (64 - 8 * rest);
                count += rest - continuations(word_at(bytes, i) & low);
            } else {
                count += count_char_starts(&bytes[i..byte]);
            }
        }
        count
    }

    /// The byte offset of code-point index `index`; indices past the end map to the text length.
    pub fn byte_index(&self, index: usize) -> usize {
        if self.is_ascii() {
            return index.min(self.text.len());
        }
        // Last checkpoint whose count is <= index, then walk forward.
        let block = self
            .checkpoints
            .partition_point(|&c| c <= index)
            .saturating_sub(1);
        let mut count = self.checkpoints[block];
        let bytes = self.text.as_bytes();
        let mut pos = block * STRIDE;
        while pos < bytes.len() {
            if is_char_start(bytes[pos]) {
                if count == index {
                    return pos;
                }
                count += 1;
            }
            pos += 1;
        }
        bytes.len()
    }

    /// Convert a byte span to a char span.
    pub fn char_span(&self, span: crate::Span) -> crate::Span {
        crate::Span::new(self.char_index(span.start), self.char_index(span.end))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roundtrip_every_boundary() {
        let text = "a“b”é😀中文e\u{301}".repeat(40);
        let map = CharOffsets::new(&text);
        for (ci, (bi, _)) in text.char_indices().enumerate() {
            assert_eq!(map.char_index(bi), ci);
            assert_eq!(map.byte_index(ci), bi);
        }
        let n = text.chars().count();
        assert_eq!(map.char_index(text.len()), n);
        assert_eq!(map.byte_index(n), text.len());
    }

    #[test]
    fn char_starts_are_counted_at_every_length_and_alignment() {
        let text = "a“b”é😀中文e\u{301}x\u{7f}\u{80}".repeat(5);
        let bytes = text.as_bytes();
        for from in 0..bytes.len() {
            for to in from..bytes.len() {
                let slow = bytes[from..to]
                    .iter()
                    .filter(|&&b| is_char_start(b))
                    .count();
                assert_eq!(count_char_starts(&bytes[from..to]), slow, "{from}..{to}");
            }
        }
    }

    #[test]
    fn every_offset_at_every_alignment() {
        // Multibyte chars of every width at every offset from a checkpoint, and the text's
        // last bytes (where no whole word is left to read).
        for pad in 0..9 {
            let text = format!("{}{}", "x".repeat(pad), "aé“😀b”中".repeat(30));
            let map = CharOffsets::new(&text);
            let mut chars = 0;
            for b in 0..=text.len() {
                if text.is_char_boundary(b) {
                    assert_eq!(map.char_index(b), chars, "pad {pad}, byte {b}");
                    chars += 1;
                }
            }
        }
    }

    #[test]
    fn ascii_is_identity() {
        let map = CharOffsets::new("plain text");
        assert!(map.is_ascii());
        assert_eq!(map.char_index(5), 5);
    }
}
