//! Byte classes eight bytes at a time (SWAR): a `u64` read little-endian from eight bytes of
//! text, and masks holding the high bit of each byte of a class. The tokenizer (`lex`) and
//! the source-phrase reader (`entities`) step over words with these.

/// 0x01 in every byte.
pub(crate) const ONES: u64 = 0x0101_0101_0101_0101;
/// The high bit of every byte.
pub(crate) const HIGH: u64 = 0x8080_8080_8080_8080;

/// Eight bytes (`chunk.len() == 8`) as one little-endian word.
#[inline]
pub(crate) fn load(chunk: &[u8]) -> u64 {
    let mut lanes = [0u8; 8];
    lanes.copy_from_slice(chunk);
    u64::from_le_bytes(lanes)
}

/// The high bit of each byte of `x` set where that byte is an ASCII letter or digit, none
/// elsewhere (`x7 + (0x80 - lo)` has its high bit set when `x7 >= lo`, and no byte carries
/// into the next since every byte of `x7` is below 0x80).
#[inline]
pub(crate) fn alnum_mask(x: u64) -> u64 {
    let x7 = x & !HIGH;
    let at_least = |v: u64, lo: u8| v + ONES * u64::from(0x80 - lo);
    let above = |v: u64, hi: u8| v + ONES * u64::from(0x7f - hi);
    let digit = at_least(x7, b'0') & !above(x7, b'9');
    let folded = x7 | (ONES * 0x20);
    let letter = at_least(folded, b'a') & !above(folded, b'z');
    (digit | letter) & !x & HIGH
}

/// The high bit of each byte of `x` set where that byte is an ASCII letter, none elsewhere
/// (as [`alnum_mask`], exact in every byte).
#[inline]
pub(crate) fn letter_mask(x: u64) -> u64 {
    // Folded to small letters: the high bits, which `range_mask` reads from `x`, stay.
    range_mask(x | (ONES * 0x20), b'a', b'z')
}

/// The high bit of each byte of `x` set where that byte is an ASCII small letter.
#[inline]
pub(crate) fn small_mask(x: u64) -> u64 {
    range_mask(x, b'a', b'z')
}

/// The high bit of each byte of `x` set where that byte is an ASCII capital.
#[inline]
pub(crate) fn upper_mask(x: u64) -> u64 {
    range_mask(x, b'A', b'Z')
}

/// The high bit of each byte of `x` set where that byte is in `lo..=hi` (ASCII, `lo > 0`),
/// none elsewhere: the seven low bits of each byte plus `0x80 - lo` carry into its high bit
/// from `lo` on, plus `0x7f - hi` from past `hi` on, and no byte carries into the next.
#[inline(always)]
fn range_mask(x: u64, lo: u8, hi: u8) -> u64 {
    let x7 = x & !HIGH;
    let at_least = x7 + ONES * u64::from(0x80 - lo);
    let above = x7 + ONES * u64::from(0x7f - hi);
    at_least & !above & !x & HIGH
}

/// `x` with its ASCII capitals lowered ('A'..='Z' gain 0x20), other bytes unchanged.
#[inline]
pub(crate) fn lower(x: u64) -> u64 {
    x | (upper_mask(x) >> 2)
}

/// The index of the first byte at or after `i` outside a class of bytes, or `end` if none
/// comes before it: eight bytes at a time by `mask` (the high bit of each byte in the class,
/// as this module's masks give them), reading on past `end` within `bytes`, then a byte at a
/// time by `is` (no byte loop over most words, whose exit would be a mispredicted branch).
#[inline(always)]
pub(crate) fn class_end(
    bytes: &[u8],
    mut i: usize,
    end: usize,
    mask: impl Fn(u64) -> u64,
    is: impl Fn(u8) -> bool,
) -> usize {
    while i < end {
        let Some(chunk) = bytes.get(i..i + 8) else {
            break;
        };
        let other = !mask(load(chunk)) & HIGH;
        if other != 0 {
            return (i + (other.trailing_zeros() / 8) as usize).min(end);
        }
        i += 8;
    }
    while i < end && is(bytes[i]) {
        i += 1;
    }
    i.min(end)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn alnum_mask_is_the_byte_test() {
        for b in 0..=255u8 {
            for k in 0..8 {
                let mut bytes = [b'.'; 8];
                bytes[k] = b;
                let mask = alnum_mask(u64::from_le_bytes(bytes));
                let expect = if b.is_ascii_alphanumeric() {
                    0x80u64 << (8 * k)
                } else {
                    0
                };
                assert_eq!(mask, expect, "byte {b:#x} at {k}");
            }
        }
    }

    /// Every byte value in every lane, among bytes of other classes: each mask is the
    /// byte test it stands for.
    #[test]
    fn masks_are_the_byte_tests() {
        for b in 0..=255u8 {
            for k in 0..8 {
                for fill in [b'.', b'a', b'Z', 0xC3] {
                    let mut bytes = [fill; 8];
                    bytes[k] = b;
                    let x = u64::from_le_bytes(bytes);
                    let bit = 0x80u64 << (8 * k);
                    assert_eq!(
                        alnum_mask(x) & bit != 0,
                        b.is_ascii_alphanumeric(),
                        "{b:#x}"
                    );
                    assert_eq!(upper_mask(x) & bit != 0, b.is_ascii_uppercase(), "{b:#x}");
                    assert_eq!(small_mask(x) & bit != 0, b.is_ascii_lowercase(), "{b:#x}");
                    assert_eq!(letter_mask(x) & bit != 0, b.is_ascii_alphabetic(), "{b:#x}");
                    assert_eq!(lower(x).to_le_bytes()[k], b.to_ascii_lowercase(), "{b:#x}");
                }
            }
        }
    }
}
