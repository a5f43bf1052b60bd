//! `_analyze_attributions`: the stages after attribution extraction on attributions given
//! from Python (gold data, another extractor), for evaluation scripts. Converts only.

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;

use super::model::PyDocument;
use super::text::{char_analysis, expect_str, PyText};
use super::{default_analyzer, guarded};
use crate::{Attribution, CharOffsets, Span};

type Pair = (usize, usize);

/// `attributions`: `(source | None, cue, [content, ...])` with `(start, end)` in `str` indices.
#[pyfunction]
pub(crate) fn _analyze_attributions(
    py: Python<'_>,
    text: &Bound<'_, PyAny>,
    attributions: Vec<(Option<Pair>, Pair, Vec<Pair>)>,
) -> PyResult<PyDocument> {
    let text = PyText::new(expect_str(text, "text")?)?;
    let data: &str = &text.text;
    let offsets = CharOffsets::new(data);
    let chars = if offsets.is_ascii() {
        data.len()
    } else {
        offsets.char_index(data.len())
    };
    let span = |(start, end): Pair| -> PyResult<Span> {
        if start > end || end > chars {
            return Err(PyValueError::new_err(format!(
                "span [{start}, {end}) is outside a text of {chars} characters"
            )));
        }
        Ok(Span::new(
            offsets.byte_index(start),
            offsets.byte_index(end),
        ))
    };
    let mut given = Vec::with_capacity(attributions.len());
    for (source, cue, content) in attributions {
        let content = content
            .into_iter()
            .map(span)
            .collect::<PyResult<Vec<_>>>()?;
        given.push(Attribution::given(
            source.map(span).transpose()?,
            span(cue)?,
            content,
        ));
    }
    let analyzer = default_analyzer();
    let analysis = py.detach(|| {
        guarded("analyze_attributions", data.len(), || {
            super::flat::Flat::new(char_analysis(
                data,
                analyzer.analyze_attributions_tabled(data, given),
            ))
        })
    })?;
    Ok(PyDocument::lazy(py, text.obj.unbind(), analysis))
}
