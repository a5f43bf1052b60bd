//! The result classes Python sees, and their construction from a core `Analysis`.
//!
//! Conversions to and from plain data (`to_dict`, `from_dict`, pickling) and HTML live in
//! the Python package (`sayso._model`); these classes only hold the values.

use std::sync::Arc;

use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyList, PyString, PyTuple};

use super::flat::{Flat, FlatAttribution};
use super::text::GcPause;
use crate::{AttributionKind, CueClass, CueClassCounts, Span, SpeakerKind};

fn py_call<'py>(
    py: Python<'py>,
    module: &str,
    func: &str,
    args: impl pyo3::call::PyCallArgs<'py>,
) -> PyResult<Bound<'py, PyAny>> {
    py.import(module)?.getattr(func)?.call1(args)
}

fn span_list<'py>(py: Python<'py>, spans: &[Py<PySpan>]) -> PyResult<Bound<'py, PyList>> {
    PyList::new(py, spans.iter().map(|s| s.clone_ref(py)))
}

/// `obj`, no longer tracked by the cyclic garbage collector. The result classes hold only
/// spans, strings, numbers and speakers, and do not let the collector traverse them, so
/// tracking them only costs: a collection would visit each one and find nothing.
fn untracked<T>(obj: Py<T>) -> Py<T> {
    // SAFETY: `obj` is a live object of a GC type (every pyclass is one); untracking an
    // object is always allowed, and its dealloc untracks again harmlessly.
    unsafe { pyo3::ffi::PyObject_GC_UnTrack(obj.as_ptr().cast()) };
    obj
}

/// The `str` of an enum's label (`"direct"`, `"neutral"`, `"person"`), each made once per
/// process in `cache`: reading `kind` or `cue_class` then takes a reference, where interning
/// the label on every read looked it up in the interpreter's table (about 50 ns a read, as
/// long as the rest of reading an attribution's kind). A value missing from `variants` is
/// interned as before.
fn label<T: Copy + PartialEq, const N: usize>(
    py: Python<'_>,
    cache: &PyOnceLock<[Py<PyString>; N]>,
    variants: [T; N],
    name: fn(T) -> &'static str,
    value: T,
) -> Py<PyString> {
    let labels = cache.get_or_init(py, || {
        variants.map(|v| PyString::intern(py, name(v)).unbind())
    });
    match variants.iter().position(|&v| v == value) {
        Some(i) => labels[i].clone_ref(py),
        None => PyString::intern(py, name(value)).unbind(),
    }
}

fn attribution_kind_label(py: Python<'_>, kind: AttributionKind) -> Py<PyString> {
    static CACHE: PyOnceLock<[Py<PyString>; 4]> = PyOnceLock::new();
    label(
        py,
        &CACHE,
        AttributionKind::ALL,
        AttributionKind::as_str,
        kind,
    )
}

fn cue_class_label(py: Python<'_>, class: CueClass) -> Py<PyString> {
    static CACHE: PyOnceLock<[Py<PyString>; 4]> = PyOnceLock::new();
    label(py, &CACHE, CueClass::ALL, CueClass::as_str, class)
}

fn speaker_kind_label(py: Python<'_>, kind: SpeakerKind) -> Py<PyString> {
    static CACHE: PyOnceLock<[Py<PyString>; 7]> = PyOnceLock::new();
    label(py, &CACHE, SpeakerKind::ALL, SpeakerKind::as_str, kind)
}

/// The span `span` (`str` indices) of the document `text`.
pub(crate) fn span_object(py: Python<'_>, text: &Py<PyString>, span: Span) -> PyResult<Py<PySpan>> {
    let span = PySpan::in_document(span.start, span.end, text.clone_ref(py));
    Ok(untracked(Py::new(py, span)?))
}

/// The spans `spans` (`str` indices) of the document `text`.
pub(crate) fn span_objects(
    py: Python<'_>,
    text: &Py<PyString>,
    spans: impl IntoIterator<Item = Span>,
) -> PyResult<Vec<Py<PySpan>>> {
    spans
        .into_iter()
        .map(|s| span_object(py, text, s))
        .collect()
}

/// A new list of the spans `spans` (`str` indices) of the document `text`, filled in place
/// (no intermediate vector: an attribution's content is read once per attribution).
pub(crate) fn span_list_of<'py>(
    py: Python<'py>,
    text: &Py<PyString>,
    spans: &[Span],
) -> PyResult<Bound<'py, PyList>> {
    // SAFETY: PyList_New returns a new list of `len` empty (NULL) slots, or NULL with an
    // exception set; each slot is filled once with a new reference, which PyList_SetItem
    // steals. Should a span fail, the slots left NULL are skipped when the list is freed.
    unsafe {
        let list = Bound::from_owned_ptr_or_err(py, pyo3::ffi::PyList_New(spans.len() as _))?
            .cast_into_unchecked::<PyList>();
        for (i, &span) in spans.iter().enumerate() {
            let item = span_object(py, text, span)?;
            if pyo3::ffi::PyList_SetItem(list.as_ptr(), i as _, item.into_ptr()) != 0 {
                return Err(PyErr::fetch(py));
            }
        }
        Ok(list)
    }
}

/// A piece of the text: `text[start:end] == span.text` (Python `str` indices).
///
/// A span made by the pipeline holds the document's `str` and slices its text on access,
/// so making one allocates a single object (segmentation makes hundreds of thousands).
/// A span built by hand holds its own text.
///
/// Freed spans are kept for reuse, up to 2^20 of them (64 bytes each), as CPython keeps its
/// own small objects. Without the free list every call that makes many spans faults fresh
/// pages into CPython's allocator, which gives its arenas back once they are empty: a text
/// of 10^6 sentences took 12.5-12.8x the time of one of 10^5 (benches/adversarial.py;
/// 10.1x with the list), and 65,536 kept spans only moved that to the next decade. The
/// cost: a lock, about 8 ns a span, and after the largest call the memory of its spans
/// stays held for the next one (64 MB after 10^6 sentences; a news article makes hundreds).
#[pyclass(module = "sayso._sayso", name = "Span", frozen, freelist = 1_048_576)]
pub(crate) struct PySpan {
    #[pyo3(get)]
    pub(crate) start: usize,
    #[pyo3(get)]
    pub(crate) end: usize,
    /// The document's text when `in_document`, else the span's own text.
    source: Py<PyString>,
    in_document: bool,
}

impl PySpan {
    /// The span `start..end` (char indices) of `document`.
    pub(crate) fn in_document(start: usize, end: usize, document: Py<PyString>) -> Self {
        PySpan {
            start,
            end,
            source: document,
            in_document: true,
        }
    }

    fn text_of<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyString>> {
        if !self.in_document {
            return Ok(self.source.bind(py).clone());
        }
        // SAFETY: `source` is a live str and 0 <= start <= end <= len(source) by construction;
        // PyUnicode_Substring returns a new reference or NULL with an exception set.
        unsafe {
            let ptr = pyo3::ffi::PyUnicode_Substring(
                self.source.as_ptr(),
                self.start as pyo3::ffi::Py_ssize_t,
                self.end as pyo3::ffi::Py_ssize_t,
            );
            Ok(Bound::from_owned_ptr_or_err(py, ptr)?.cast_into_unchecked::<PyString>())
        }
    }
}

#[pymethods]
impl PySpan {
    #[new]
    fn new(start: usize, end: usize, text: Py<PyString>) -> Self {
        PySpan {
            start,
            end,
            source: text,
            in_document: false,
        }
    }

    /// The text the span covers.
    #[getter]
    fn text<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyString>> {
        self.text_of(py)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let text = self.text_of(py)?;
        let shown = if text.len()? > 60 {
            let head: String = text.to_cow()?.chars().take(57).collect();
            format!("{}...", PyString::new(py, &head).repr()?)
        } else {
            text.repr()?.to_string()
        };
        Ok(format!("Span({}, {}, {})", self.start, self.end, shown))
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> PyResult<bool> {
        let py = other.py();
        let Ok(other) = other.cast::<PySpan>() else {
            return Ok(false);
        };
        let other = other.get();
        Ok(self.start == other.start
            && self.end == other.end
            && self.text_of(py)?.as_any().eq(other.text_of(py)?)?)
    }

    fn __hash__(&self, py: Python<'_>) -> PyResult<isize> {
        (self.start, self.end, self.text_of(py)?)
            .into_pyobject(py)?
            .hash()
    }

    fn __len__(&self) -> usize {
        self.end - self.start
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let py = slf.py();
        let me = slf.get();
        (slf.get_type(), (me.start, me.end, me.text_of(py)?)).into_pyobject(py)
    }

    fn _repr_html_(slf: &Bound<'_, Self>) -> PyResult<String> {
        py_call(slf.py(), "sayso._model", "span_html", (slf,))?.extract()
    }
}

/// One speaker of the article.
#[pyclass(module = "sayso._sayso", name = "Speaker", frozen)]
pub(crate) struct PySpeaker {
    #[pyo3(get)]
    name: Py<PyString>,
    #[pyo3(get)]
    kind: Py<PyString>,
    #[pyo3(get)]
    title: Option<Py<PyString>>,
    #[pyo3(get)]
    description: Option<Py<PyString>>,
    mentions: Vec<Py<PySpan>>,
    #[pyo3(get)]
    attributions: Vec<usize>,
    cue_classes: CueClassCounts,
}

#[pymethods]
impl PySpeaker {
    #[new]
    #[pyo3(signature = (*, name, kind, title=None, description=None, mentions=Vec::new(), attributions=Vec::new(), cue_classes=None))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        name: Py<PyString>,
        kind: Py<PyString>,
        title: Option<Py<PyString>>,
        description: Option<Py<PyString>>,
        mentions: Vec<Py<PySpan>>,
        attributions: Vec<usize>,
        cue_classes: Option<&Bound<'_, PyDict>>,
    ) -> PyResult<Self> {
        let mut counts = CueClassCounts::default();
        if let Some(d) = cue_classes {
            let get = |k: &str| -> PyResult<usize> {
                Ok(match d.get_item(k)? {
                    Some(v) => v.extract()?,
                    None => 0,
                })
            };
            counts = CueClassCounts {
                neutral: get("neutral")?,
                assertive: get("assertive")?,
                tentative: get("tentative")?,
                distancing: get("distancing")?,
            };
        }
        Ok(PySpeaker {
            name,
            kind,
            title,
            description,
            mentions,
            attributions,
            cue_classes: counts,
        })
    }

    #[getter]
    fn mentions<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        span_list(py, &self.mentions)
    }

    /// Counts of the speaker's cues per class.
    #[getter]
    fn cue_classes<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        let c = self.cue_classes;
        d.set_item("neutral", c.neutral)?;
        d.set_item("assertive", c.assertive)?;
        d.set_item("tentative", c.tentative)?;
        d.set_item("distancing", c.distancing)?;
        Ok(d)
    }

    fn to_dict<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        py_call(slf.py(), "sayso._model", "speaker_to_dict", (slf,))
    }

    fn __repr__(slf: &Bound<'_, Self>) -> PyResult<String> {
        py_call(slf.py(), "sayso._model", "speaker_repr", (slf,))?.extract()
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        py_call(slf.py(), "sayso._model", "speaker_reduce", (slf,))
    }

    fn _repr_html_(slf: &Bound<'_, Self>) -> PyResult<String> {
        py_call(slf.py(), "sayso._model", "speaker_html", (slf,))?.extract()
    }
}

/// An attribution built by hand (`Attribution(...)`, `from_dict`, unpickling): its values.
struct GivenAttribution {
    source: Option<Py<PySpan>>,
    cue: Py<PySpan>,
    content: Vec<Py<PySpan>>,
    kind: Py<PyString>,
    sentence: usize,
    cue_class: Py<PyString>,
    speaker: Option<Py<PySpeaker>>,
    hedged: bool,
    speaker_confidence: f32,
}

/// What an attribution is read from.
enum AttributionData {
    Given(Box<GivenAttribution>),
    /// The attribution at this index of the results of the pipeline: its spans are made
    /// when read, so holding an attribution costs one small object, and reading its parts
    /// makes objects that go when the reader lets go of them.
    Pipeline(Arc<Results>, usize),
}

/// Who said what.
///
/// Freed attributions are kept for reuse, up to 2^16 of them (64 bytes each). Besides
/// saving the allocator, an object from the free list is not counted by the cyclic garbage
/// collector, which otherwise ran a collection every ~700 attributions made (reading every
/// attribution of 20 MB of news made 117 collections; 14% of the calling thread's time in
/// `analyze_many`).
#[pyclass(
    module = "sayso._sayso",
    name = "Attribution",
    frozen,
    freelist = 65_536
)]
pub(crate) struct PyAttribution {
    data: AttributionData,
}

/// An attribution's values, wherever they are.
enum Parts<'a> {
    Given(&'a GivenAttribution),
    Pipeline(&'a Results, &'a FlatAttribution),
}

impl PyAttribution {
    fn parts(&self) -> Parts<'_> {
        match &self.data {
            AttributionData::Given(g) => Parts::Given(g),
            AttributionData::Pipeline(results, i) => {
                Parts::Pipeline(results, &results.flat.attributions[*i])
            }
        }
    }
}

#[pymethods]
impl PyAttribution {
    #[new]
    #[pyo3(signature = (*, source, cue, content, kind, sentence, cue_class, speaker=None, hedged=false, speaker_confidence=None))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        source: Option<Py<PySpan>>,
        cue: Py<PySpan>,
        content: Vec<Py<PySpan>>,
        kind: Py<PyString>,
        sentence: usize,
        cue_class: Py<PyString>,
        speaker: Option<Py<PySpeaker>>,
        hedged: bool,
        speaker_confidence: Option<f32>,
    ) -> Self {
        let speaker_confidence =
            speaker_confidence.unwrap_or(if speaker.is_some() { 1.0 } else { 0.0 });
        PyAttribution {
            data: AttributionData::Given(Box::new(GivenAttribution {
                source,
                cue,
                content,
                kind,
                sentence,
                cue_class,
                speaker,
                hedged,
                speaker_confidence,
            })),
        }
    }

    /// Who said it (None when the text does not say).
    #[getter]
    fn source(&self, py: Python<'_>) -> PyResult<Option<Py<PySpan>>> {
        match self.parts() {
            Parts::Given(g) => Ok(g.source.as_ref().map(|s| s.clone_ref(py))),
            Parts::Pipeline(r, a) => a.source().map(|i| r.span(py, i)).transpose(),
        }
    }

    /// The words that mark the attribution.
    #[getter]
    fn cue(&self, py: Python<'_>) -> PyResult<Py<PySpan>> {
        match self.parts() {
            Parts::Given(g) => Ok(g.cue.clone_ref(py)),
            Parts::Pipeline(r, a) => r.span(py, a.cue),
        }
    }

    /// The content fragments, in text order.
    #[getter]
    fn content<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        match self.parts() {
            Parts::Given(g) => span_list(py, &g.content),
            Parts::Pipeline(r, a) => span_list_of(py, &r.text, &r.flat.spans[a.content()]),
        }
    }

    /// `"direct"`, `"mixed"`, `"indirect"` or `"other"`.
    #[getter]
    fn kind(&self, py: Python<'_>) -> Py<PyString> {
        match self.parts() {
            Parts::Given(g) => g.kind.clone_ref(py),
            Parts::Pipeline(_, a) => attribution_kind_label(py, a.kind),
        }
    }

    /// Index of the sentence holding the cue.
    #[getter]
    fn sentence(&self) -> usize {
        match self.parts() {
            Parts::Given(g) => g.sentence,
            Parts::Pipeline(_, a) => a.sentence,
        }
    }

    /// The stance of the cue.
    #[getter]
    fn cue_class(&self, py: Python<'_>) -> Py<PyString> {
        match self.parts() {
            Parts::Given(g) => g.cue_class.clone_ref(py),
            Parts::Pipeline(_, a) => cue_class_label(py, a.cue_class),
        }
    }

    /// The speaker the source refers to (the same object as in `Document.speakers`).
    #[getter]
    fn speaker(&self, py: Python<'_>) -> PyResult<Option<Py<PySpeaker>>> {
        Ok(match self.parts() {
            Parts::Given(g) => g.speaker.as_ref().map(|s| s.clone_ref(py)),
            Parts::Pipeline(r, a) => match a.speaker {
                Some(i) => r.speakers(py)?.get(i).map(|s| s.clone_ref(py)),
                None => None,
            },
        })
    }

    /// True when a hedge lies inside the content.
    #[getter]
    fn hedged(&self) -> bool {
        match self.parts() {
            Parts::Given(g) => g.hedged,
            Parts::Pipeline(_, a) => a.hedged,
        }
    }

    /// How sure the link to `speaker` is, from 0 to 1.
    #[getter]
    fn speaker_confidence(&self) -> f32 {
        match self.parts() {
            Parts::Given(g) => g.speaker_confidence,
            Parts::Pipeline(_, a) => a.speaker_confidence,
        }
    }

    fn to_dict<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        py_call(slf.py(), "sayso._model", "attribution_to_dict", (slf,))
    }

    fn __repr__(slf: &Bound<'_, Self>) -> PyResult<String> {
        py_call(slf.py(), "sayso._model", "attribution_repr", (slf,))?.extract()
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        py_call(slf.py(), "sayso._model", "attribution_reduce", (slf,))
    }

    fn _repr_html_(slf: &Bound<'_, Self>) -> PyResult<String> {
        py_call(slf.py(), "sayso._model", "attribution_html", (slf,))?.extract()
    }
}

/// What a `Document` made by the pipeline builds its lists from: the document's `str` and
/// the core analysis with every span already in `str` indices, packed (both off the GIL,
/// see `text::char_analysis` and `flat::Flat`). Speakers live here, not in the `Document`,
/// because attributions link to them too.
pub(crate) struct Results {
    text: Py<PyString>,
    flat: Flat,
    speakers: PyOnceLock<Vec<Py<PySpeaker>>>,
}

impl Results {
    /// The span at `index` of the packed spans.
    fn span(&self, py: Python<'_>, index: usize) -> PyResult<Py<PySpan>> {
        span_object(py, &self.text, self.flat.spans[index])
    }

    /// The spans in `range` of the packed spans.
    fn spans(&self, py: Python<'_>, range: std::ops::Range<usize>) -> PyResult<Vec<Py<PySpan>>> {
        span_objects(py, &self.text, self.flat.spans[range].iter().copied())
    }

    fn string(&self, py: Python<'_>, range: &std::ops::Range<usize>) -> Py<PyString> {
        PyString::new(py, &self.flat.speakers.strings[range.clone()]).unbind()
    }

    fn speakers(&self, py: Python<'_>) -> PyResult<&Vec<Py<PySpeaker>>> {
        self.speakers.get_or_try_init(py, || {
            let _pause = GcPause::new(py);
            let table = &self.flat.speakers;
            table
                .rows
                .iter()
                .map(|sp| {
                    Ok(untracked(Py::new(
                        py,
                        PySpeaker {
                            name: self.string(py, &sp.name),
                            kind: speaker_kind_label(py, sp.kind),
                            title: sp.title.as_ref().map(|t| self.string(py, t)),
                            description: sp.description.as_ref().map(|t| self.string(py, t)),
                            mentions: span_objects(
                                py,
                                &self.text,
                                table.mentions[sp.mentions.clone()].iter().copied(),
                            )?,
                            attributions: table.attributions[sp.attributions.clone()].to_vec(),
                            cue_classes: sp.cue_classes,
                        },
                    )?))
                })
                .collect()
        })
    }

    fn attributions(self: &Arc<Self>, py: Python<'_>) -> PyResult<Vec<Py<PyAttribution>>> {
        let _pause = GcPause::new(py);
        (0..self.flat.attributions.len())
            .map(|i| {
                let data = AttributionData::Pipeline(self.clone(), i);
                Ok(untracked(Py::new(py, PyAttribution { data })?))
            })
            .collect()
    }
}

fn cell<T>(py: Python<'_>, value: T) -> PyOnceLock<T> {
    let cell = PyOnceLock::new();
    let _ = cell.set(py, value);
    cell
}

/// An analysed article.
///
/// A document made by the pipeline holds the core results and builds each list the first
/// time it is read (then keeps it): `analyze` itself makes one object. A document built by
/// hand (`Document(...)`, `from_dict`, unpickling) holds its lists from the start.
#[pyclass(module = "sayso._sayso", name = "Document", frozen)]
pub(crate) struct PyDocument {
    #[pyo3(get)]
    text: Py<PyString>,
    results: Option<Arc<Results>>,
    sentences: PyOnceLock<Vec<Py<PySpan>>>,
    paragraphs: PyOnceLock<Vec<Py<PySpan>>>,
    quotes: PyOnceLock<Vec<Py<PySpan>>>,
    attributions: PyOnceLock<Vec<Py<PyAttribution>>>,
    speakers: PyOnceLock<Vec<Py<PySpeaker>>>,
    hedges: PyOnceLock<Vec<Py<PySpan>>>,
}

impl PyDocument {
    /// A document over `text` whose lists are built from `analysis` on first access.
    pub(crate) fn lazy(py: Python<'_>, text: Py<PyString>, flat: Flat) -> Self {
        PyDocument {
            results: Some(Arc::new(Results {
                text: text.clone_ref(py),
                flat,
                speakers: PyOnceLock::new(),
            })),
            text,
            sentences: PyOnceLock::new(),
            paragraphs: PyOnceLock::new(),
            quotes: PyOnceLock::new(),
            attributions: PyOnceLock::new(),
            speakers: PyOnceLock::new(),
            hedges: PyOnceLock::new(),
        }
    }

    /// The list in `cell`, built from the packed spans in `range` on first access.
    fn spans_of<'py>(
        &self,
        py: Python<'py>,
        cell: &PyOnceLock<Vec<Py<PySpan>>>,
        range: impl FnOnce(&Flat) -> std::ops::Range<usize>,
    ) -> PyResult<Bound<'py, PyList>> {
        let spans = cell.get_or_try_init(py, || match &self.results {
            Some(r) => {
                let _pause = GcPause::new(py);
                r.spans(py, range(&r.flat))
            }
            None => Ok(Vec::new()),
        })?;
        span_list(py, spans)
    }
}

#[pymethods]
impl PyDocument {
    #[new]
    #[allow(clippy::too_many_arguments)]
    #[pyo3(signature = (text, *, sentences=Vec::new(), paragraphs=Vec::new(), quotes=Vec::new(), attributions=Vec::new(), speakers=Vec::new(), hedges=Vec::new()))]
    fn new(
        py: Python<'_>,
        text: Py<PyString>,
        sentences: Vec<Py<PySpan>>,
        paragraphs: Vec<Py<PySpan>>,
        quotes: Vec<Py<PySpan>>,
        attributions: Vec<Py<PyAttribution>>,
        speakers: Vec<Py<PySpeaker>>,
        hedges: Vec<Py<PySpan>>,
    ) -> Self {
        PyDocument {
            text,
            results: None,
            sentences: cell(py, sentences),
            paragraphs: cell(py, paragraphs),
            quotes: cell(py, quotes),
            attributions: cell(py, attributions),
            speakers: cell(py, speakers),
            hedges: cell(py, hedges),
        }
    }

    #[getter]
    fn sentences<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        self.spans_of(py, &self.sentences, |f| f.sentences.clone())
    }

    #[getter]
    fn paragraphs<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        self.spans_of(py, &self.paragraphs, |f| f.paragraphs.clone())
    }

    #[getter]
    fn quotes<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        self.spans_of(py, &self.quotes, |f| f.quotes.clone())
    }

    #[getter]
    fn hedges<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        self.spans_of(py, &self.hedges, |f| f.hedges.clone())
    }

    #[getter]
    fn attributions<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let attributions = self
            .attributions
            .get_or_try_init(py, || match &self.results {
                Some(r) => r.attributions(py),
                None => Ok(Vec::new()),
            })?;
        PyList::new(py, attributions.iter().map(|a| a.clone_ref(py)))
    }

    #[getter]
    fn speakers<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let speakers = match &self.results {
            Some(r) => r.speakers(py)?,
            None => self.speakers.get_or_init(py, Vec::new),
        };
        PyList::new(py, speakers.iter().map(|a| a.clone_ref(py)))
    }

    fn to_dict<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        py_call(slf.py(), "sayso._model", "document_to_dict", (slf,))
    }

    #[pyo3(signature = (*, indent=None))]
    fn to_json<'py>(slf: &Bound<'py, Self>, indent: Option<usize>) -> PyResult<Bound<'py, PyAny>> {
        py_call(slf.py(), "sayso._model", "document_to_json", (slf, indent))
    }

    #[staticmethod]
    fn from_dict<'py>(py: Python<'py>, data: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
        py_call(py, "sayso._model", "document_from_dict", (data,))
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        py_call(slf.py(), "sayso._model", "document_reduce", (slf,))
    }

    fn __repr__(slf: &Bound<'_, Self>) -> PyResult<String> {
        py_call(slf.py(), "sayso._model", "document_repr", (slf,))?.extract()
    }

    fn _repr_html_(slf: &Bound<'_, Self>) -> PyResult<String> {
        py_call(slf.py(), "sayso._model", "document_html", (slf,))?.extract()
    }

    fn to_displacy<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        py_call(slf.py(), "sayso._model", "document_displacy", (slf,))
    }
}
