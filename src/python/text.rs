//! Python `str` in, Rust `&str` out, and Python `str` offsets back.

use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedStr;
use pyo3::types::{PyBytes, PySlice, PyString};

use crate::{CharOffsets, Span};

/// A Python string seen as UTF-8. Lone surrogates (which UTF-8 cannot hold) become one
/// U+FFFD each, so code-point offsets still index the original string.
pub(crate) struct PyText<'py> {
    pub(crate) obj: Bound<'py, PyString>,
    pub(crate) text: TextData,
    /// True when surrogates were replaced: span texts must then be sliced from `obj`.
    pub(crate) replaced: bool,
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
    /// The UTF-8 of `obj`, surrogates replaced; the flag says whether any were.
    pub(crate) fn from_py(obj: &Bound<'_, PyString>) -> PyResult<(Self, bool)> {
        if let Ok(s) = PyBackedStr::try_from(obj.clone()) {
            return Ok((TextData::Borrowed(s), false));
        }
        let encoded = obj.call_method1("encode", ("utf-8", "surrogatepass"))?;
        let mut bytes = encoded.cast::<PyBytes>()?.as_bytes().to_vec();
        replace_surrogates(&mut bytes);
        let text = match String::from_utf8(bytes) {
            Ok(t) => t,
            Err(e) => String::from_utf8_lossy(e.as_bytes()).into_owned(),
        };
        Ok((TextData::Owned(text), true))
    }
}

impl<'py> PyText<'py> {
    pub(crate) fn new(obj: Bound<'py, PyString>) -> PyResult<Self> {
        let (text, replaced) = TextData::from_py(&obj)?;
        Ok(PyText {
            obj,
            text,
            replaced,
        })
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

/// Turns core byte spans into Python spans over the original string.
pub(crate) struct SpanMaker<'a, 'py> {
    py: Python<'py>,
    text: &'a PyText<'py>,
    offsets: CharOffsets<'a>,
}

impl<'a, 'py> SpanMaker<'a, 'py> {
    pub(crate) fn new(py: Python<'py>, text: &'a PyText<'py>) -> Self {
        SpanMaker {
            py,
            text,
            offsets: CharOffsets::new(&text.text),
        }
    }

    pub(crate) fn span(&self, span: Span) -> PyResult<Py<super::model::PySpan>> {
        let start = self.offsets.char_index(span.start);
        let end = self.offsets.char_index(span.end);
        let text = if self.text.replaced {
            let slice = PySlice::new(self.py, start as isize, end as isize, 1);
            self.text
                .obj
                .get_item(slice)?
                .cast_into::<PyString>()?
                .unbind()
        } else {
            PyString::new(self.py, &self.text.text[span.start..span.end]).unbind()
        };
        Py::new(self.py, super::model::PySpan { start, end, text })
    }

    pub(crate) fn spans(
        &self,
        spans: impl IntoIterator<Item = Span>,
    ) -> PyResult<Vec<Py<super::model::PySpan>>> {
        spans.into_iter().map(|s| self.span(s)).collect()
    }
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
        // An ASCII str: the piece is copied out of it (no decoding). Lone surrogates: the
        // same, the only way to keep them. Other text: decoded from the UTF-8 piece, which
        // is faster than narrowing a wide str (most sentences are ASCII).
        let piece = if !ascii && !text.replaced {
            PyString::new(py, &data[span.start..span.end]).unbind()
        } else {
            // SAFETY: the GIL is held, `text.obj` is a live str and 0 <= start <= end <= its
            // length (char offsets of a span inside it); a null result is a raised error.
            unsafe {
                let ptr = pyo3::ffi::PyUnicode_Substring(
                    text.obj.as_ptr(),
                    start as pyo3::ffi::Py_ssize_t,
                    end as pyo3::ffi::Py_ssize_t,
                );
                Bound::from_owned_ptr_or_err(py, ptr)?
                    .cast_into_unchecked::<PyString>()
                    .unbind()
            }
        };
        let obj = Py::new(
            py,
            super::model::PySpan {
                start,
                end,
                text: piece,
            },
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
