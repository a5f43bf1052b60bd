//! Python `str` in, Rust `&str` out, and Python `str` offsets back.

use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedStr;
use pyo3::types::{PyBytes, PyString};

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

/// The UTF-8 of a Python string: borrowed from it when it has no lone surrogates.
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
    /// The UTF-8 of `obj`, surrogates replaced. (Span texts are always sliced from `obj`
    /// itself, so the replacement never shows.)
    pub(crate) fn from_py(obj: &Bound<'_, PyString>) -> PyResult<Self> {
        if let Ok(s) = PyBackedStr::try_from(obj.clone()) {
            return Ok(TextData::Borrowed(s));
        }
        let encoded = obj.call_method1("encode", ("utf-8", "surrogatepass"))?;
        let mut bytes = encoded.cast::<PyBytes>()?.as_bytes().to_vec();
        replace_surrogates(&mut bytes);
        let text = match String::from_utf8(bytes) {
            Ok(t) => t,
            Err(e) => String::from_utf8_lossy(e.as_bytes()).into_owned(),
        };
        Ok(TextData::Owned(text))
    }
}

impl<'py> PyText<'py> {
    pub(crate) fn new(obj: Bound<'py, PyString>) -> PyResult<Self> {
        let text = TextData::from_py(&obj)?;
        Ok(PyText { obj, text })
    }
}

/// A surrogate encoded with `surrogatepass` is `ED A0..BF 80..BF`; U+FFFD is `EF BF BD`,
/// also three bytes, so replacing in place keeps every other byte where it was.
fn replace_surrogates(bytes: &mut [u8]) {
    let mut i = 0;
    while i + 2 < bytes.len() {
        if bytes[i] == 0xED && (0xA0..=0xBF).contains(&bytes[i + 1]) {
            bytes[i..i + 3].copy_from_slice(&[0xEF, 0xBF, 0xBD]);
            i += 3;
        } else {
            i += 1;
        }
    }
}

/// A core `Analysis` whose spans are `str` indices (code points), not bytes: what a
/// `Document` is built from. Only `char_analysis` makes one.
pub(crate) struct CharAnalysis(pub(crate) Analysis);

/// Every span of `analysis` (of `text`) in `str` indices; nothing to do for ASCII text.
/// Needs no Python, so it runs with the GIL released (in the batch workers too), and the
/// thread that builds the Python objects does no offset work.
pub(crate) fn char_analysis(text: &str, mut analysis: Analysis) -> CharAnalysis {
    let map = CharOffsets::new(text);
    if !map.is_ascii() {
        let convert = |s: &mut Span| *s = map.char_span(*s);
        for s in &mut analysis.sentences {
            convert(&mut s.span);
        }
        analysis.quotes.iter_mut().for_each(convert);
        analysis.hedges.iter_mut().for_each(convert);
        for a in &mut analysis.attributions {
            if let Some(s) = &mut a.source {
                convert(s);
            }
            convert(&mut a.cue);
            a.content.iter_mut().for_each(convert);
        }
        for sp in &mut analysis.speakers {
            sp.mentions.iter_mut().for_each(convert);
        }
    }
    CharAnalysis(analysis)
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
