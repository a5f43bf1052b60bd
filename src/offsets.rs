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

/// [`continuation_bits`] of a whole chunk of [`STRIDE`] bytes: with SSE2 (part of every
/// x86-64 processor) sixteen bytes a compare, where the portable way takes eight bytes and a
/// multiply (the index is built for every non-ASCII text `analyze` returns to Python: it was
/// 2.6 instructions a byte, as much as the segmenter's whole walk).
#[inline]
fn continuation_bits_64(chunk: &[u8]) -> u64 {
    assert_eq!(chunk.len(), STRIDE);
    #[cfg(target_arch = "x86_64")]
    {
        // SAFETY: `chunk` holds 64 readable bytes (asserted above).
        unsafe { continuation_bits_64_sse2(chunk.as_ptr()) }
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        continuation_bits(chunk)
    }
}

/// A bit for each of the 64 bytes at `at`, set where the byte is a UTF-8 continuation byte:
/// as a signed byte, below -0x40 (`0x80..=0xBF`).
///
/// # Safety
/// `at` points to 64 readable bytes.
#[cfg(target_arch = "x86_64")]
#[inline(always)]
unsafe fn continuation_bits_64_sse2(at: *const u8) -> u64 {
    use std::arch::x86_64::{
        __m128i, _mm_cmplt_epi8, _mm_loadu_si128, _mm_movemask_epi8, _mm_set1_epi8,
    };
    let below = _mm_set1_epi8(-0x40);
    let lane = |k: usize| {
        let x = _mm_loadu_si128(at.add(16 * k).cast::<__m128i>());
        u64::from(_mm_movemask_epi8(_mm_cmplt_epi8(x, below)) as u16)
    };
    lane(0) | lane(1) << 16 | lane(2) << 32 | lane(3) << 48
}

impl<'a> CharOffsets<'a> {
    /// Index `text` (one linear pass; none at all for ASCII). Always inlined, so that a
    /// caller compiled with POPCNT (the binding's `char_analysis`) counts with it.
    #[inline(always)]
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
        let mut chunks = bytes.chunks_exact(STRIDE);
        for chunk in &mut chunks {
            checkpoints.push(count);
            let mask = continuation_bits_64(chunk);
            masks.push(mask);
            count += STRIDE - mask.count_ones() as usize;
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            checkpoints.push(count);
            let mask = continuation_bits(rest);
            masks.push(mask);
            count += rest.len() - mask.count_ones() as usize;
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
    #[inline]
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
    #[inline]
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
    fn whole_chunks_agree_with_the_portable_bits() {
        // Every byte value in every lane of a 64-byte chunk, over a background of each kind
        // of byte (ASCII, continuation, lead).
        for background in [b'x', 0x80, 0xBF, 0xC3, 0xE2, 0xFF] {
            for b in 0..=255u8 {
                for k in 0..STRIDE {
                    let mut chunk = [background; STRIDE];
                    chunk[k] = b;
                    assert_eq!(
                        continuation_bits_64(&chunk),
                        continuation_bits(&chunk),
                        "{b:#x} in lane {k} over {background:#x}"
                    );
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
