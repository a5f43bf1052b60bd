//! Python `str` in, Rust `&str` out, and Python `str` offsets back.

use pyo3::exceptions::PyTypeError;
use pyo3::intern;
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedStr;
use pyo3::types::PyString;

use crate::speakers::SpeakerTable;
use crate::{Analysis, CharOffsets, Span};

/// A Python string seen as UTF-8. Lone surrogates (which UTF-8 cannot hold) become one
/// U+FFFD each, so code-point offsets still index the original string.
pub(crate) struct PyText<'py> {
    pub(crate) obj: Bound<'py, PyString>,
    pub(crate) text: TextData,
}

/// Anything that is not a `str` is a `TypeError` naming its type.
pub(crate) fn expect_str<'py>(
    value: &Bound<'py, PyAny>,
    what: &str,
) -> PyResult<Bound<'py, PyString>> {
    match value.cast::<PyString>() {
        Ok(s) => Ok(s.clone()),
        Err(_) => {
            let type_name = value
                .get_type()
                .name()
                .map(|n| n.to_string())
                .unwrap_or_else(|_| "?".to_owned());
            Err(PyTypeError::new_err(format!(
                "{what} must be str, not {type_name}"
            )))
        }
    }
}

/// The UTF-8 of a Python string: borrowed from it when it is ASCII, else made here.
/// `Send`, so it can cross `py.detach`.
pub(crate) enum TextData {
    Borrowed(PyBackedStr),
    Owned(String),
}

impl std::ops::Deref for TextData {
    type Target = str;
    fn deref(&self) -> &str {
        match self {
            TextData::Borrowed(s) => s,
            TextData::Owned(s) => s,
        }
    }
}

impl TextData {
    /// The UTF-8 of `obj`, each lone surrogate (which UTF-8 cannot hold) as one U+FFFD, so
    /// code-point offsets still index the original string. (Span texts are always sliced
    /// from `obj` itself, so the replacement never shows.)
    ///
    /// An ASCII `str` is its own UTF-8 and is borrowed. Any other is read out as code points
    /// (`PyUnicode_AsUCS4`, in the stable ABI) and encoded here, sixteen ASCII code points at
    /// a time, rather than asked for its UTF-8 (`PyUnicode_AsUTF8AndSize`): CPython encodes
    /// that one code point at a time (12.7 instructions a char over PolNeAR articles, 5.7
    /// here with the copy; about 7% of what `analyze` and reading the attributions cost)
    /// and keeps the copy inside the `str` for the object's lifetime, so every document held
    /// its text twice. The code points go to a buffer kept per thread, and the UTF-8 made
    /// is freed with the analysis.
    pub(crate) fn from_py(obj: &Bound<'_, PyString>) -> PyResult<Self> {
        let py = obj.py();
        if obj.call_method0(intern!(py, "isascii"))?.is_truthy()? {
            return Ok(TextData::Borrowed(PyBackedStr::try_from(obj.clone())?));
        }
        let len = obj.len()?;
        let mut utf8: Vec<u8> = Vec::with_capacity(len + len / 2 + 16);
        CODE_POINTS.with_borrow_mut(|units| {
            // A long text goes a piece at a time, so that its code points never take more
            // than 4 * PIECE bytes beside the UTF-8 made.
            let mut start = 0;
            while start < len {
                let end = len.min(start + PIECE);
                let piece = if start == 0 && end == len {
                    obj.clone()
                } else {
                    // SAFETY: 0 <= start < end <= len, the bounds PyUnicode_Substring takes;
                    // it returns a new reference or NULL with an exception set.
                    unsafe {
                        Bound::from_owned_ptr_or_err(
                            py,
                            pyo3::ffi::PyUnicode_Substring(
                                obj.as_ptr(),
                                start as pyo3::ffi::Py_ssize_t,
                                end as pyo3::ffi::Py_ssize_t,
                            ),
                        )?
                        .cast_into_unchecked::<PyString>()
                    }
                };
                let n = end - start;
                units.clear();
                units.reserve(n);
                // SAFETY: `units` has room for `n` code points, the length of `piece`;
                // PyUnicode_AsUCS4 writes exactly that many (no terminator: `copy_null` is
                // 0) or fails with an exception set and NULL, and the length is set only
                // after it succeeded.
                unsafe {
                    let written = pyo3::ffi::PyUnicode_AsUCS4(
                        piece.as_ptr(),
                        units.as_mut_ptr(),
                        n as pyo3::ffi::Py_ssize_t,
                        0,
                    );
                    if written.is_null() {
                        return Err(PyErr::fetch(py));
                    }
                    units.set_len(n);
                }
                push_utf8(units, &mut utf8);
                start = end;
            }
            Ok(())
        })?;
        // SAFETY: `utf8` holds, one after another, the UTF-8 encodings of whole scalar
        // values (`push_utf8` writes each in full, U+FFFD for a surrogate), so it is UTF-8.
        Ok(TextData::Owned(unsafe {
            String::from_utf8_unchecked(utf8)
        }))
    }
}

impl<'py> PyText<'py> {
    pub(crate) fn new(obj: Bound<'py, PyString>) -> PyResult<Self> {
        let text = TextData::from_py(&obj)?;
        Ok(PyText { obj, text })
    }
}

thread_local! {
    /// The code points of the last piece of non-ASCII text read, its memory kept for the next.
    static CODE_POINTS: std::cell::RefCell<Vec<u32>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// The most code points read out at once; the buffer keeps its memory between texts.
const PIECE: usize = 1 << 16;

/// The UTF-8 of `units`, code points of a Python `str`, appended to `out`: a surrogate
/// becomes U+FFFD, three bytes for the one code point, as the rest of the binding counts it.
/// Sixteen code points at a time while they are ASCII (most of a news article: its curly
/// quotes and dashes are a few in a hundred), else four at a time, one at a time around a
/// code point beyond ASCII.
fn push_utf8(units: &[u32], out: &mut Vec<u8>) {
    let mut chunks = units.chunks_exact(16);
    for chunk in &mut chunks {
        match ascii_16(chunk) {
            Some(ascii) => out.extend_from_slice(&ascii),
            None => {
                for quad in chunk.chunks_exact(4) {
                    if quad.iter().fold(0, |acc, &u| acc | u) < 0x80 {
                        out.extend_from_slice(&[
                            quad[0] as u8,
                            quad[1] as u8,
                            quad[2] as u8,
                            quad[3] as u8,
                        ]);
                    } else {
                        quad.iter().for_each(|&u| push_code_point(out, u));
                    }
                }
            }
        }
    }
    for &u in chunks.remainder() {
        push_code_point(out, u);
    }
}

/// Code point `u` (at most U+10FFFF, as a `str` holds) appended to `out` in UTF-8, each
/// length written out (a `char`'s `encode_utf8` copies a slice of unknown length).
#[inline(always)]
fn push_code_point(out: &mut Vec<u8>, u: u32) {
    let cont = |shift: u32| 0x80 | ((u >> shift) & 0x3F) as u8;
    if u < 0x80 {
        out.push(u as u8);
    } else if u < 0x800 {
        out.extend_from_slice(&[0xC0 | (u >> 6) as u8, cont(0)]);
    } else if (0xD800..0xE000).contains(&u) {
        // A lone surrogate: U+FFFD.
        out.extend_from_slice(&[0xEF, 0xBF, 0xBD]);
    } else if u < 0x1_0000 {
        out.extend_from_slice(&[0xE0 | (u >> 12) as u8, cont(6), cont(0)]);
    } else {
        out.extend_from_slice(&[0xF0 | (u >> 18) as u8, cont(12), cont(6), cont(0)]);
    }
}

/// The 16 code points of `chunk` as bytes, when all are ASCII.
#[inline]
fn ascii_16(chunk: &[u32]) -> Option<[u8; 16]> {
    assert_eq!(chunk.len(), 16);
    #[cfg(target_arch = "x86_64")]
    {
        // SAFETY: `chunk` holds 16 readable code points (asserted above).
        unsafe { ascii_16_sse2(chunk.as_ptr()) }
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        (chunk.iter().fold(0, |acc, &u| acc | u) < 0x80)
            .then(|| std::array::from_fn(|k| chunk[k] as u8))
    }
}

/// [`ascii_16`] with SSE2 (part of every x86-64 processor): the four vectors' OR against
/// 0x7F (code points are at most 0x10FFFF, so the signed compare is exact), then two
/// saturating packs, exact below 0x80.
///
/// # Safety
/// `at` points to 16 readable `u32`.
#[cfg(target_arch = "x86_64")]
#[inline(always)]
unsafe fn ascii_16_sse2(at: *const u32) -> Option<[u8; 16]> {
    use std::arch::x86_64::{
        __m128i, _mm_cmpgt_epi32, _mm_loadu_si128, _mm_movemask_epi8, _mm_or_si128,
        _mm_packs_epi32, _mm_packus_epi16, _mm_set1_epi32, _mm_storeu_si128,
    };
    let v = |k: usize| _mm_loadu_si128(at.add(4 * k).cast::<__m128i>());
    let (a, b, c, d) = (v(0), v(1), v(2), v(3));
    let any = _mm_or_si128(_mm_or_si128(a, b), _mm_or_si128(c, d));
    if _mm_movemask_epi8(_mm_cmpgt_epi32(any, _mm_set1_epi32(0x7F))) != 0 {
        return None;
    }
    let bytes = _mm_packus_epi16(_mm_packs_epi32(a, b), _mm_packs_epi32(c, d));
    let mut out = [0u8; 16];
    _mm_storeu_si128(out.as_mut_ptr().cast::<__m128i>(), bytes);
    Some(out)
}

/// A core `Analysis` and its speaker table whose spans are `str` indices (code points), not
/// bytes: what a `Document` is built from. Only `char_analysis` makes one.
pub(crate) struct CharAnalysis(pub(crate) Analysis, pub(crate) SpeakerTable);

/// Every span of `analysis` (of `text`) in `str` indices; nothing to do for ASCII text.
/// Needs no Python, so it runs with the GIL released (in the batch workers too), and the
/// thread that builds the Python objects does no offset work.
pub(crate) fn char_analysis(text: &str, analysis: (Analysis, SpeakerTable)) -> CharAnalysis {
    #[cfg(target_arch = "x86_64")]
    if std::is_x86_feature_detected!("popcnt") {
        // SAFETY: the processor has POPCNT (detected just above), the one feature the
        // function is compiled for.
        return unsafe { char_analysis_popcnt(text, analysis) };
    }
    char_analysis_in(text, analysis)
}

/// [`char_analysis`] compiled with POPCNT, which x86-64's baseline lacks (nearly every
/// processor since 2008 has it): each offset's look-up counts the continuation bytes before
/// it in its block, which the baseline does in a dozen instructions.
///
/// # Safety
/// The processor must support POPCNT.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "popcnt")]
unsafe fn char_analysis_popcnt(text: &str, analysis: (Analysis, SpeakerTable)) -> CharAnalysis {
    char_analysis_in(text, analysis)
}

#[inline(always)]
fn char_analysis_in(
    text: &str,
    (mut analysis, mut speakers): (Analysis, SpeakerTable),
) -> CharAnalysis {
    let map = CharOffsets::new(text);
    if !map.is_ascii() {
        // Plain loops, so that every look-up is compiled into this function (and with
        // POPCNT in `char_analysis_popcnt`), not into a shared `for_each`.
        let convert = |s: &mut Span| *s = map.char_span(*s);
        for s in &mut analysis.sentences {
            convert(&mut s.span);
        }
        for s in analysis.quotes.iter_mut().chain(&mut analysis.hedges) {
            convert(s);
        }
        for a in &mut analysis.attributions {
            if let Some(s) = &mut a.source {
                convert(s);
            }
            convert(&mut a.cue);
            for s in &mut a.content {
                convert(s);
            }
        }
        for s in &mut speakers.mentions {
            convert(s);
        }
    }
    CharAnalysis(analysis, speakers)
}

/// `spans` of `text` in `str` indices (no GIL needed, as `char_analysis`).
pub(crate) fn char_spans(text: &str, spans: impl IntoIterator<Item = Span>) -> Vec<Span> {
    let map = CharOffsets::new(text);
    spans.into_iter().map(|s| map.char_span(s)).collect()
}

/// The cyclic garbage collector paused while many objects are created at once (it would
/// otherwise run every 700 allocations and traverse every span made so far), and resumed
/// when dropped if it was running before. Spans hold no cycles.
pub(crate) struct GcPause {
    was_enabled: bool,
}

impl GcPause {
    pub(crate) fn new(_py: Python<'_>) -> Self {
        // SAFETY: the GIL is held (we hold a `Python` token); these calls only flip a flag.
        let was_enabled = unsafe { pyo3::ffi::PyGC_Disable() } != 0;
        GcPause { was_enabled }
    }
}

impl Drop for GcPause {
    fn drop(&mut self) {
        if self.was_enabled {
            // SAFETY: as in `new`; the GIL is still held by the caller that made the pause.
            unsafe {
                pyo3::ffi::PyGC_Enable();
            }
        }
    }
}

/// Characters in UTF-8 `bytes`: the bytes that are not continuation bytes (`10xxxxxx`),
/// counted eight at a time.
fn count_chars(bytes: &[u8]) -> usize {
    const LOW: u64 = 0x0101_0101_0101_0101;
    let mut chunks = bytes.chunks_exact(8);
    let mut continuation = 0usize;
    for c in &mut chunks {
        let w = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
        continuation += ((w >> 7) & !(w >> 6) & LOW).count_ones() as usize;
    }
    continuation += chunks
        .remainder()
        .iter()
        .filter(|&&b| b & 0xC0 == 0x80)
        .count();
    bytes.len() - continuation
}

/// Python spans for byte spans that are sorted and disjoint (sentences): one forward pass
/// counts characters, with no index built, and nothing at all for ASCII text.
pub(crate) fn sorted_span_list<'py>(
    py: Python<'py>,
    text: &PyText<'py>,
    spans: &[Span],
) -> PyResult<Bound<'py, pyo3::types::PyList>> {
    let data: &str = &text.text;
    let bytes = data.as_bytes();
    let ascii = data.is_ascii();
    let count = |from: usize, to: usize| count_chars(&bytes[from..to]);
    let _pause = GcPause::new(py);
    let (mut byte, mut chr) = (0usize, 0usize);
    let mut out = Vec::with_capacity(spans.len());
    for &span in spans {
        let (start, end) = if ascii {
            (span.start, span.end)
        } else {
            debug_assert!(span.start >= byte, "spans must be sorted");
            let start = chr + count(byte.min(span.start), span.start);
            let end = start + count(span.start, span.end);
            byte = span.end;
            chr = end;
            (start, end)
        };
        let obj = Py::new(
            py,
            super::model::PySpan::in_document(start, end, text.obj.clone().unbind()),
        )?;
        // A span holds two ints and a str: it can be in no reference cycle, so the
        // collector need not track (and traverse) the hundreds of thousands made here.
        // SAFETY: `obj` is a live object of a GC type; untracking an object is always
        // allowed, and its dealloc untracks again harmlessly.
        unsafe { pyo3::ffi::PyObject_GC_UnTrack(obj.as_ptr().cast()) };
        out.push(obj);
    }
    pyo3::types::PyList::new(py, out)
}
