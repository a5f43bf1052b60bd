//! The binding layer: the only place that knows about PyO3. It converts, nothing more.

mod batch;
mod flat;
mod given;
mod model;
mod text;

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::{Arc, OnceLock};

use pyo3::create_exception;
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString};

use self::model::{PyAttribution, PyDocument, PySpan, PySpeaker};
use self::text::{expect_str, PyText};
use crate::{Analyzer, Config, CueClass};

/// Every Rust allocation of the extension module. glibc hands a big block (a text's tokens,
/// sentences, spans) back to the system when it is freed and the next text of that size
/// page-faults it in again, so time grows faster than the text from about a megabyte on;
/// mimalloc keeps and reuses it, and is faster on the core's many small allocations.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// `mi_option_purge_delay` in mimalloc 2's `mimalloc.h` (`mi_option_e`, unchanged since it was
/// `mi_option_reset_delay`); the Rust bindings leave this one out.
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// How long mimalloc keeps freed memory committed before handing it back to the system
/// (its default is 10 ms). One call on a text of ten megabytes runs for a few hundred
/// milliseconds, and its stages free and allocate big buffers as they go: with 10 ms the
/// memory one stage freed was returned and faulted in again by the next (8,000 page faults
/// a call, a third of the time, where a text of one megabyte had none), so time grew
/// faster than the text. A quarter of a second covers a call on such a text; memory is
/// still returned after a pause.
const PURGE_DELAY_MS: std::os::raw::c_long = 250;

/// mimalloc's default purge delay: the option is changed only while it still holds this, so
/// a `MIMALLOC_PURGE_DELAY` the user set wins, and a wrong option number changes nothing.
const DEFAULT_PURGE_DELAY_MS: std::os::raw::c_long = 10;

fn tune_allocator() {
    // SAFETY: mi_option_get and mi_option_set read and store one entry of mimalloc's option
    // table (any value is valid for this option; it is read each time a purge is scheduled).
    unsafe {
        if libmimalloc_sys::mi_option_get(MI_OPTION_PURGE_DELAY) == DEFAULT_PURGE_DELAY_MS {
            libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, PURGE_DELAY_MS);
        }
    }
}

create_exception!(
    _sayso,
    SaysoError,
    PyValueError,
    "sayso could not analyze an input; the message says which and where."
);

/// Run core code; a panic becomes `SaysoError` naming the input instead of a
/// `PanicException` (the fuzzers make sure there is nothing to catch).
pub(crate) fn guarded<T>(what: &str, len: usize, f: impl FnOnce() -> T) -> PyResult<T> {
    catch_unwind(AssertUnwindSafe(f)).map_err(|payload| {
        let reason = payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown panic".to_owned());
        SaysoError::new_err(format!(
            "internal error in {what} on a text of {len} bytes: {reason}"
        ))
    })
}

pub(crate) fn default_analyzer() -> &'static Arc<Analyzer> {
    static DEFAULT: OnceLock<Arc<Analyzer>> = OnceLock::new();
    DEFAULT.get_or_init(|| Arc::new(Analyzer::default()))
}

/// Read `extra_cues`: a dict `{phrase: class}`, or an iterable of phrases (neutral) or of
/// `(phrase, class)` pairs.
fn parse_cues(value: Option<&Bound<'_, PyAny>>) -> PyResult<Vec<(String, CueClass)>> {
    let Some(value) = value else {
        return Ok(Vec::new());
    };
    let parse_class = |name: &str| {
        CueClass::parse(name).ok_or_else(|| {
            PyValueError::new_err(format!(
                "unknown cue class {name:?}: use neutral, assertive, tentative or distancing"
            ))
        })
    };
    let mut out = Vec::new();
    if let Ok(d) = value.cast::<PyDict>() {
        for (k, v) in d.iter() {
            out.push((
                k.extract::<String>()?,
                parse_class(&v.extract::<String>()?)?,
            ));
        }
        return Ok(out);
    }
    if value.is_instance_of::<PyString>() {
        return Err(PyTypeError::new_err(
            "extra_cues must be a dict or a list, not a single str",
        ));
    }
    for item in value.try_iter()? {
        let item = item?;
        if let Ok(s) = item.extract::<String>() {
            out.push((s, CueClass::Neutral));
        } else {
            let (phrase, class): (String, String) = item.extract()?;
            out.push((phrase, parse_class(&class)?));
        }
    }
    Ok(out)
}

/// A configured pipeline: immutable, thread-safe, picklable as its configuration.
#[pyclass(module = "sayso._sayso", name = "Analyzer", frozen)]
pub(crate) struct PyAnalyzer {
    inner: Arc<Analyzer>,
}

impl PyAnalyzer {
    pub(crate) fn core(&self) -> &Arc<Analyzer> {
        &self.inner
    }
}

fn build_analyzer(config: Config) -> PyResult<PyAnalyzer> {
    let inner = Analyzer::new(config).map_err(|e| SaysoError::new_err(e.to_string()))?;
    Ok(PyAnalyzer {
        inner: Arc::new(inner),
    })
}

#[pymethods]
impl PyAnalyzer {
    #[new]
    #[pyo3(signature = (*, abbreviations=None, extra_cues=None, cue_file=None))]
    fn new(
        abbreviations: Option<Vec<String>>,
        extra_cues: Option<&Bound<'_, PyAny>>,
        cue_file: Option<std::path::PathBuf>,
    ) -> PyResult<Self> {
        let cue_lexicon = match cue_file {
            Some(path) => std::fs::read_to_string(&path).map_err(|e| {
                pyo3::exceptions::PyOSError::new_err(format!(
                    "cannot read cue file {}: {e}",
                    path.display()
                ))
            })?,
            None => String::new(),
        };
        build_analyzer(Config {
            abbreviations: abbreviations.unwrap_or_default(),
            extra_cues: parse_cues(extra_cues)?,
            cue_lexicon,
        })
    }

    /// The sentences of `text`.
    fn segment<'py>(
        &self,
        py: Python<'py>,
        text: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyList>> {
        segment_with(py, &self.inner, text)
    }

    /// The whole analysis of `text`.
    fn analyze(&self, py: Python<'_>, text: &Bound<'_, PyAny>) -> PyResult<PyDocument> {
        analyze_with(py, &self.inner, text)
    }

    /// Analyze many texts on all cores, in input order (see `sayso.analyze_many`).
    #[pyo3(signature = (items, **options))]
    fn analyze_many<'py>(
        slf: &Bound<'py, Self>,
        items: &Bound<'py, PyAny>,
        options: Option<&Bound<'py, PyDict>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let run = slf.py().import("sayso._batch")?.getattr("analyze_many")?;
        run.call((items,), Some(&batch_options(slf, options)?))
    }

    /// Segment many texts on all cores, in input order (see `sayso.segment_many`).
    #[pyo3(signature = (items, **options))]
    fn segment_many<'py>(
        slf: &Bound<'py, Self>,
        items: &Bound<'py, PyAny>,
        options: Option<&Bound<'py, PyDict>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let run = slf.py().import("sayso._batch")?.getattr("segment_many")?;
        run.call((items,), Some(&batch_options(slf, options)?))
    }

    /// The configuration as JSON (what pickling carries).
    fn config_json(&self) -> PyResult<String> {
        serde_json::to_string(self.inner.config()).map_err(|e| SaysoError::new_err(e.to_string()))
    }

    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<(Bound<'py, PyAny>, (String,))> {
        let rebuild = py
            .import("sayso._sayso")?
            .getattr("_analyzer_from_config")?;
        Ok((rebuild, (self.config_json()?,)))
    }

    fn __repr__(&self) -> String {
        let c = self.inner.config();
        format!(
            "Analyzer(abbreviations={}, extra_cues={})",
            c.abbreviations.len(),
            c.extra_cues.len()
        )
    }
}

/// The keyword arguments of a batch call, with `analyzer` set to `slf`.
fn batch_options<'py>(
    slf: &Bound<'py, PyAnalyzer>,
    options: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyDict>> {
    let kwargs = match options {
        Some(o) => o.copy()?,
        None => PyDict::new(slf.py()),
    };
    kwargs.set_item("analyzer", slf)?;
    Ok(kwargs)
}

#[pyfunction]
fn _analyzer_from_config(config: &str) -> PyResult<PyAnalyzer> {
    let config: Config = serde_json::from_str(config)
        .map_err(|e| SaysoError::new_err(format!("bad analyzer configuration: {e}")))?;
    build_analyzer(config)
}

pub(crate) fn segment_with<'py>(
    py: Python<'py>,
    analyzer: &Analyzer,
    text: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyList>> {
    let text = PyText::new(expect_str(text, "text")?)?;
    let data: &str = &text.text;
    let sentences = py.detach(|| guarded("segment", data.len(), || analyzer.segment(data)))?;
    let spans: Vec<crate::Span> = sentences.iter().map(|s| s.span).collect();
    text::sorted_span_list(py, &text, &spans)
}

pub(crate) fn analyze_with(
    py: Python<'_>,
    analyzer: &Analyzer,
    text: &Bound<'_, PyAny>,
) -> PyResult<PyDocument> {
    run_with(py, text, |data| analyzer.analyze_tabled(data, true))
}

/// `run` on the `str` `text` off the GIL, its analysis converted to `str` indices: a
/// document.
fn run_with(
    py: Python<'_>,
    text: &Bound<'_, PyAny>,
    run: impl FnOnce(&str) -> (crate::Analysis, crate::speakers::SpeakerTable) + Send,
) -> PyResult<PyDocument> {
    let text = PyText::new(expect_str(text, "text")?)?;
    let data: &str = &text.text;
    let analysis = py.detach(|| {
        guarded("analyze", data.len(), || {
            flat::Flat::new(text::char_analysis(data, run(data)))
        })
    })?;
    Ok(PyDocument::lazy(py, text.obj.unbind(), analysis))
}

/// The sentences of `text` as spans; `abbreviations` adds to the shipped list.
#[pyfunction]
#[pyo3(signature = (text, *, abbreviations=None))]
fn segment<'py>(
    py: Python<'py>,
    text: &Bound<'py, PyAny>,
    abbreviations: Option<Vec<String>>,
) -> PyResult<Bound<'py, PyList>> {
    match abbreviations {
        None => segment_with(py, default_analyzer(), text),
        Some(extra) => {
            let analyzer = build_analyzer(Config {
                abbreviations: extra,
                ..Config::default()
            })?;
            segment_with(py, analyzer.core(), text)
        }
    }
}

/// The whole analysis of `text` with the default analyzer.
#[pyfunction]
fn analyze(py: Python<'_>, text: &Bound<'_, PyAny>) -> PyResult<PyDocument> {
    analyze_with(py, default_analyzer(), text)
}

/// `analyze` without the speaker stage (no speakers, no attribution linked to one), for
/// `benches/bench_analyze.py`, which measures what the stage costs; not part of the API.
#[pyfunction]
fn _analyze_without_speakers(py: Python<'_>, text: &Bound<'_, PyAny>) -> PyResult<PyDocument> {
    let analyzer = default_analyzer();
    run_with(py, text, |data| analyzer.analyze_tabled(data, false))
}

#[pymodule(gil_used = false)]
fn _sayso(m: &Bound<'_, PyModule>) -> PyResult<()> {
    tune_allocator();
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add("SaysoError", m.py().get_type::<SaysoError>())?;
    m.add_class::<PySpan>()?;
    m.add_class::<PyAttribution>()?;
    m.add_class::<PySpeaker>()?;
    m.add_class::<PyDocument>()?;
    m.add_class::<PyAnalyzer>()?;
    m.add_function(wrap_pyfunction!(segment, m)?)?;
    m.add_function(wrap_pyfunction!(analyze, m)?)?;
    m.add_function(wrap_pyfunction!(_analyzer_from_config, m)?)?;
    batch::register(m)?;
    m.add_function(wrap_pyfunction!(given::_analyze_attributions, m)?)?;
    m.add_function(wrap_pyfunction!(_analyze_without_speakers, m)?)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The boundary: a panic in core code (none is known: the fuzzers look for them) reaches
    /// Python as `SaysoError`, a `ValueError` naming the call and the input, never as
    /// `PanicException`. Run with `cargo test --features python --lib`.
    #[test]
    fn a_panic_becomes_sayso_error_naming_the_input() {
        Python::initialize();
        Python::attach(|py| {
            let quiet = std::panic::take_hook();
            std::panic::set_hook(Box::new(|_| {}));
            let literal = guarded("analyze", 42, || -> usize { panic!("boom") });
            let formatted = guarded("segment", 7, || -> usize { panic!("bad byte {}", 3) });
            std::panic::set_hook(quiet);
            for (err, what, len, reason) in [
                (literal.unwrap_err(), "analyze", "42 bytes", "boom"),
                (formatted.unwrap_err(), "segment", "7 bytes", "bad byte 3"),
            ] {
                assert!(err.is_instance_of::<SaysoError>(py));
                assert!(err.is_instance_of::<PyValueError>(py));
                let message = err.value(py).to_string();
                for part in [what, len, reason] {
                    assert!(message.contains(part), "{message:?} lacks {part:?}");
                }
            }
            assert_eq!(guarded("analyze", 0, || 5).unwrap(), 5);
        });
    }
}
