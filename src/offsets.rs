//! Byte offsets to code-point offsets (Python `str` indices), computed once per document.

/// Bytes between checkpoints of the char count; a lookup counts at most this many bytes.
const STRIDE: usize = 64;

/// Maps byte offsets of a text to code-point offsets in O(1) per lookup.
///
/// ASCII text maps each offset to itself and stores nothing. Other text stores the char
/// count at every 64th byte and a bit for each continuation byte (memory 1/4 of the text),
/// so a lookup is a checkpoint and one masked popcount.
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
    /// Bit `j` of `continuations[i]` is set when byte `i * STRIDE + j` is a UTF-8
    /// continuation byte (`0b10xx_xxxx`); empty for ASCII text.
    continuations: Vec<u64>,
}

#[inline]
fn is_char_start(b: u8) -> bool {
    (b as i8) >= -0x40
}

/// The eight bytes at `i` as a little-endian word.
#[inline]
fn word_at(bytes: &[u8], i: usize) -> u64 {
    let mut lanes = [0u8; 8];
    lanes.copy_from_slice(&bytes[i..i + 8]);
    u64::from_le_bytes(lanes)
}

/// A bit for each byte of `chunk` (at most 64 bytes), set where the byte is a UTF-8
/// continuation byte: eight bytes at a time, their high bits gathered by one multiply.
fn continuation_bits(chunk: &[u8]) -> u64 {
    const HI: u64 = 0x8080_8080_8080_8080;
    let mut mask = 0u64;
    let mut words = chunk.chunks_exact(8);
    for (k, w) in (&mut words).enumerate() {
        let x = word_at(w, 0);
        // Bit 7 of each continuation byte, moved to bit 0, then byte `j`'s bit to bit
        // `56 + j` by the multiply (no two products meet, so nothing carries).
        let high = (x & !(x << 1) & HI) >> 7;
        mask |= (high.wrapping_mul(0x0102_0408_1020_4080) >> 56) << (8 * k);
    }
    let done = chunk.len() - words.remainder().len();
    for (j, &b) in words.remainder().iter().enumerate() {
        if !is_char_start(b) {
            mask |= 1 << (done + j);
        }
    }
    mask
}

impl<'a> CharOffsets<'a> {
    /// Index `text` (one linear pass; none at all for ASCII).
    pub fn new(text: &'a str) -> Self {
        if text.is_ascii() {
            return CharOffsets {
                text,
                checkpoints: Vec::new(),
                continuations: Vec::new(),
            };
        }
        let bytes = text.as_bytes();
        let mut checkpoints = Vec::with_capacity(bytes.len() / STRIDE + 2);
        let mut masks = Vec::with_capacity(bytes.len() / STRIDE + 1);
        let mut count = 0usize;
        for chunk in bytes.chunks(STRIDE) {
            checkpoints.push(count);
            let mask = continuation_bits(chunk);
            masks.push(mask);
            count += chunk.len() - mask.count_ones() as usize;
        }
        checkpoints.push(count);
        CharOffsets {
            text,
            checkpoints,
            continuations: masks,
        }
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
        let (block, rest) = (byte / STRIDE, byte % STRIDE);
        let count = self.checkpoints[block];
        if rest == 0 {
            return count;
        }
        // The bytes of the block before `byte`, less its continuation bytes.
        let before = self.continuations[block] & (u64::MAX >> (64 - rest));
        count + rest - before.count_ones() as usize
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
    fn continuation_bits_at_every_length_and_alignment() {
        let text = "a“b”é😀中文e\u{301}x\u{7f}\u{80}".repeat(5);
        let bytes = text.as_bytes();
        for from in 0..bytes.len() {
            for to in from..bytes.len().min(from + STRIDE) {
                let slow = bytes[from..to]
                    .iter()
                    .enumerate()
                    .filter(|&(_, &b)| !is_char_start(b))
                    .fold(0u64, |m, (j, _)| m | 1 << j);
                assert_eq!(continuation_bits(&bytes[from..to]), slow, "{from}..{to}");
            }
        }
        // Every byte value in every lane of a word.
        for b in 0..=255u8 {
            for k in 0..8 {
                let mut word = [b'x'; 8];
                word[k] = b;
                let expect = if is_char_start(b) { 0 } else { 1 << k };
                assert_eq!(continuation_bits(&word), expect, "{b:#x} in lane {k}");
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
