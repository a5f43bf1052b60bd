//! A hand-written JSON writer for the output records: the bytes `serde_json::to_vec` would
//! write for the same values (compact, the same string escapes), written straight into one
//! buffer without serde's generic path, and with a fast path over runs of bytes that need no
//! escape (eight bytes at a time).

/// Every byte repeated: `0x01` in each lane.
const LO: u64 = 0x0101_0101_0101_0101;
/// The high bit of each lane.
const HI: u64 = 0x8080_8080_8080_8080;

/// The high bit of each lane of `x` (eight bytes, the first in the lowest lane) that needs
/// an escape in a JSON string: a control character (< 0x20), `"` or `\\`. A lane above a
/// flagged one may be flagged wrongly (a borrow runs upwards); the lowest flag is exact, and
/// no flag at all means no such byte.
#[cfg_attr(all(target_arch = "x86_64", not(test)), allow(dead_code))]
#[inline]
fn escape_lanes(x: u64) -> u64 {
    // A lane below 0x20: subtracting 0x20 borrows into its high bit (x's own high bit clear).
    let control = x.wrapping_sub(LO * 0x20) & !x & HI;
    let quote = x ^ (LO * u64::from(b'"'));
    let backslash = x ^ (LO * u64::from(b'\\'));
    let zero = |v: u64| v.wrapping_sub(LO) & !v & HI;
    control | zero(quote) | zero(backslash)
}

/// The index of the first byte of `bytes` at or after `from` that needs an escape, or
/// `bytes.len()`: sixteen bytes at a time with SSE2 (always there on x86-64, the tail
/// included), elsewhere eight with plain integer arithmetic, then byte by byte.
#[inline]
fn next_escape(bytes: &[u8], from: usize) -> usize {
    #[cfg(target_arch = "x86_64")]
    return next_escape_sse2(bytes, from);
    #[cfg(not(target_arch = "x86_64"))]
    return next_escape_swar(bytes, from);
}

/// `next_escape` with SSE2, part of every x86-64 processor.
#[cfg(target_arch = "x86_64")]
#[inline]
fn next_escape_sse2(bytes: &[u8], from: usize) -> usize {
    use std::arch::x86_64::{
        __m128i, _mm_cmpeq_epi8, _mm_loadu_si128, _mm_movemask_epi8, _mm_or_si128, _mm_set1_epi8,
        _mm_setzero_si128, _mm_subs_epu8,
    };
    let mut i = from;
    if i >= bytes.len() {
        return bytes.len();
    }
    /// The bytes to escape among the 16 at `at`, as the low 16 bits.
    ///
    /// # Safety
    /// `at` points to 16 readable bytes. (SSE2 itself is always there on x86-64.)
    #[inline(always)]
    unsafe fn flagged(at: *const u8) -> u32 {
        let x = _mm_loadu_si128(at.cast::<__m128i>());
        // x - 0x1F saturates to 0 exactly for the control bytes 0x00..=0x1F.
        let control = _mm_cmpeq_epi8(_mm_subs_epu8(x, _mm_set1_epi8(0x1F)), _mm_setzero_si128());
        let quote = _mm_cmpeq_epi8(x, _mm_set1_epi8(b'"' as i8));
        let backslash = _mm_cmpeq_epi8(x, _mm_set1_epi8(b'\\' as i8));
        _mm_movemask_epi8(_mm_or_si128(control, _mm_or_si128(quote, backslash))) as u32
    }
    while i + 16 <= bytes.len() {
        // SAFETY: bytes[i..i + 16] is inside `bytes`.
        let mask = unsafe { flagged(bytes.as_ptr().add(i)) };
        if mask != 0 {
            return i + mask.trailing_zeros() as usize;
        }
        i += 16;
    }
    if i == bytes.len() {
        return i;
    }
    // The last 1..=15 bytes: the 16 that end the string (those before `i`, seen
    // already, masked off), or in a shorter string a copy padded with a plain byte.
    let (base, mask) = if bytes.len() >= 16 {
        let base = bytes.len() - 16;
        // SAFETY: bytes[base..] is 16 bytes inside `bytes`.
        let mask = unsafe { flagged(bytes.as_ptr().add(base)) };
        (base, mask >> (i - base) << (i - base))
    } else {
        let mut padded = [b'x'; 16];
        padded[..bytes.len() - i].copy_from_slice(&bytes[i..]);
        // SAFETY: `padded` is 16 bytes.
        (i, unsafe { flagged(padded.as_ptr()) })
    };
    if mask == 0 {
        bytes.len()
    } else {
        base + mask.trailing_zeros() as usize
    }
}

/// `next_escape` eight bytes at a time in an integer, then byte by byte.
#[cfg_attr(all(target_arch = "x86_64", not(test)), allow(dead_code))]
#[inline]
fn next_escape_swar(bytes: &[u8], from: usize) -> usize {
    let mut i = from;
    while let Some(chunk) = bytes.get(i..i + 8) {
        let mut lanes = [0u8; 8];
        lanes.copy_from_slice(chunk);
        let flags = escape_lanes(u64::from_le_bytes(lanes));
        if flags != 0 {
            // A borrow only runs towards higher lanes, so the lowest flag is a real one.
            return i + (flags.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while i < bytes.len() && escape_of(bytes[i]) == 0 {
        i += 1;
    }
    i
}

/// The escape of byte `b` in a JSON string, or 0 when it is written as it is (serde_json's
/// table: `\b \t \n \f \r \" \\`, `u` for `\u00XX`).
#[inline]
fn escape_of(b: u8) -> u8 {
    match b {
        b'"' => b'"',
        b'\\' => b'\\',
        0x08 => b'b',
        0x09 => b't',
        0x0A => b'n',
        0x0C => b'f',
        0x0D => b'r',
        0x00..=0x1F => b'u',
        _ => 0,
    }
}

fn write_escape(out: &mut Vec<u8>, b: u8, escape: u8) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    if escape == b'u' {
        out.extend_from_slice(&[
            b'\\',
            b'u',
            b'0',
            b'0',
            HEX[usize::from(b >> 4)],
            HEX[usize::from(b & 0xF)],
        ]);
    } else {
        out.extend_from_slice(&[b'\\', escape]);
    }
}

/// `s` as a JSON string, quotes included.
pub(crate) fn string(out: &mut Vec<u8>, s: &str) {
    let bytes = s.as_bytes();
    out.reserve(bytes.len() + 2);
    out.push(b'"');
    let mut run = 0;
    loop {
        let at = next_escape(bytes, run);
        out.extend_from_slice(&bytes[run..at]);
        let Some(&b) = bytes.get(at) else { break };
        write_escape(out, b, escape_of(b));
        run = at + 1;
    }
    out.push(b'"');
}

/// An integer.
#[inline]
pub(crate) fn uint<I: itoa::Integer>(out: &mut Vec<u8>, n: I) {
    let mut buf = itoa::Buffer::new();
    out.extend_from_slice(buf.format(n).as_bytes());
}

/// A JSON key and its colon: `"key":` (the key needs no escape).
#[inline]
pub(crate) fn key(out: &mut Vec<u8>, key: &str) {
    out.push(b'"');
    out.extend_from_slice(key.as_bytes());
    out.extend_from_slice(b"\":");
}

/// `true` or `false`.
#[inline]
pub(crate) fn boolean(out: &mut Vec<u8>, b: bool) {
    out.extend_from_slice(if b { b"true" } else { b"false" });
}

/// Any serializable value, through serde_json (for the rare values of no fixed shape: a
/// record's id, a float).
pub(crate) fn value<T: serde::Serialize + ?Sized>(out: &mut Vec<u8>, v: &T) {
    if serde_json::to_writer(&mut *out, v).is_err() {
        // Only a map with non-string keys fails, and none is written here.
        out.extend_from_slice(b"null");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn via_writer(s: &str) -> Vec<u8> {
        let mut out = Vec::new();
        string(&mut out, s);
        out
    }

    #[test]
    fn strings_match_serde_json_byte_for_byte() {
        let mut cases: Vec<String> = vec![
            String::new(),
            "plain ascii text that runs past eight bytes".into(),
            "“Curly,” é, 中文, 😀 and \u{7f}\u{80}".into(),
            "quote \" backslash \\ slash / tab\tnl\ncr\r ff\u{c} bs\u{8} nul\0 esc\u{1b}".into(),
            "\"\"\"\"\"\"\"\"\"".into(),
            "\\".repeat(17),
        ];
        // Every byte value below 0x80 at every position of a 17-byte string.
        for b in 0u8..0x80 {
            for pos in 0..17 {
                let mut s = vec![b'a'; 17];
                s[pos] = b;
                cases.push(String::from_utf8(s).unwrap());
            }
        }
        for s in &cases {
            assert_eq!(
                via_writer(s),
                serde_json::to_vec(s).unwrap(),
                "string {s:?}"
            );
        }
    }

    fn needs(b: u8) -> bool {
        b < 0x20 || b == b'"' || b == b'\\'
    }

    #[test]
    fn the_first_byte_to_escape_is_found_at_every_position() {
        // Every byte value at every position of runs of 40, 20, 16, 15, 9 bytes and of
        // every length that ends on it (the SSE2 tail, the padded copy, the integer lanes),
        // over a background of bytes that need no escape, with a second escape after it.
        for b in 0u8..=255 {
            for pos in 0..40 {
                for background in [b'x', 0xE2, 0x7F, 0x20] {
                    let mut full = [background; 40];
                    full[pos] = b;
                    if pos + 3 < 40 {
                        full[pos + 3] = b'"';
                    }
                    for len in [40, 20, 16, 15, 9, pos + 1] {
                        let bytes = &full[..len];
                        let froms = [0, pos.min(5), pos, pos + 1, len];
                        for from in froms.into_iter().filter(|&f| f <= len) {
                            let want = (from..len).find(|&i| needs(bytes[i])).unwrap_or(len);
                            let at = format!("{b:#x} at {pos} of {len} from {from}");
                            assert_eq!(next_escape(bytes, from), want, "{at}");
                            assert_eq!(next_escape_swar(bytes, from), want, "{at}");
                        }
                    }
                }
            }
        }
        assert_eq!(next_escape(b"", 0), 0);
    }

    #[test]
    fn lanes_with_no_escape_are_told_apart_from_lanes_with_one() {
        for b in 0u8..=255 {
            for lane in 0..8 {
                let mut bytes = [b'x'; 8];
                bytes[lane] = b;
                let flags = escape_lanes(u64::from_le_bytes(bytes));
                assert_eq!(flags != 0, needs(b), "{b:#x}");
                if needs(b) {
                    assert_eq!(flags.trailing_zeros() / 8, lane as u32);
                }
            }
        }
    }

    #[test]
    fn numbers_and_values() {
        let mut out = Vec::new();
        uint(&mut out, 0);
        out.push(b',');
        uint(&mut out, usize::MAX);
        out.push(b',');
        boolean(&mut out, true);
        out.push(b',');
        value(&mut out, &f64::from(0.8f32));
        out.push(b',');
        value(&mut out, &f64::NAN);
        assert_eq!(
            String::from_utf8(out).unwrap(),
            format!("0,{},true,{},null", usize::MAX, f64::from(0.8f32))
        );
    }
}
