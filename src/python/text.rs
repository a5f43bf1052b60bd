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
