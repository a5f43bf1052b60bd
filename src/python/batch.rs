//! Batches on all cores: a batch of inputs is pulled into owned Rust values under the GIL,
//! analyzed with the GIL released on a rayon pool, and turned into Python objects after.
//!
//! A batch is submitted (`_submit_texts`, `_submit_lines`) and collected later
//! (`.results()`), so the pool analyzes batch k+1 while Python builds and hands out the
//! objects of batch k. With one thread there is no pool: the work runs on the calling
//! thread. The generator logic (pulling items, error records, progress) is Python, in
//! `sayso._batch`; this module only moves data.

use std::sync::{mpsc, Arc, Mutex};

use pyo3::exceptions::{PyRuntimeError, PyValueError};
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedBytes;
use pyo3::types::{PyBytes, PyList, PyString};
use rayon::prelude::*;
use rayon::ThreadPool;

use super::model::{self, PyDocument};
use super::text::{char_analysis, char_spans, expect_str, CharAnalysis, GcPause, TextData};
use super::{default_analyzer, PyAnalyzer};
use crate::jsonl::{self, LineFormat, LineOptions, Outcome, Task};
use crate::{Analyzer, Span};

/// Most pools kept at once (one per thread count asked for).
const MAX_POOLS: usize = 4;

/// The pools of this process. A forked child finds the parent's pid here and builds its
/// own: the parent's worker threads do not exist in the child.
struct Pools {
    pid: u32,
    pools: Vec<(usize, Arc<ThreadPool>)>,
}

static POOLS: Mutex<Option<Pools>> = Mutex::new(None);

fn pool(threads: usize) -> PyResult<Arc<ThreadPool>> {
    let mut guard = POOLS.lock().unwrap_or_else(|e| e.into_inner());
    let pid = std::process::id();
    if guard.as_ref().is_some_and(|p| p.pid != pid) {
        // Dropping the inherited pools would signal threads that are gone: leak them.
        if let Some(inherited) = guard.take() {
            std::mem::forget(inherited);
        }
    }
    let pools = guard.get_or_insert_with(|| Pools {
        pid,
        pools: Vec::new(),
    });
    if let Some((_, p)) = pools.pools.iter().find(|(n, _)| *n == threads) {
        return Ok(p.clone());
    }
    let built = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .thread_name(|i| format!("sayso-{i}"))
        .build()
        .map_err(|e| PyRuntimeError::new_err(format!("cannot start {threads} threads: {e}")))?;
    let built = Arc::new(built);
    if pools.pools.len() >= MAX_POOLS {
        pools.pools.remove(0);
    }
    pools.pools.push((threads, built.clone()));
    Ok(built)
}

/// The pid that built the current pools (None before the first pool); for tests.
#[pyfunction]
fn _pool_pid() -> Option<u32> {
    POOLS
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .as_ref()
        .map(|p| p.pid)
}

/// `threads`, or `SAYSO_THREADS`, or the cores this process may use.
#[pyfunction]
#[pyo3(signature = (threads=None))]
pub(crate) fn _resolve_threads(threads: Option<usize>) -> PyResult<usize> {
    match threads {
        Some(0) => Err(PyValueError::new_err("threads must be at least 1")),
        Some(n) => Ok(n),
        None => match std::env::var("SAYSO_THREADS") {
            Ok(v) if !v.trim().is_empty() => v
                .trim()
                .parse::<usize>()
                .ok()
                .filter(|&n| n > 0)
                .ok_or_else(|| {
                    PyValueError::new_err(format!(
                        "SAYSO_THREADS must be a positive integer, not {v:?}"
                    ))
                }),
            _ => Ok(std::thread::available_parallelism()
                .map(|n| n.get())
                .unwrap_or(1)),
        },
    }
}

/// Work started on the pool (or already done on the calling thread).
enum Pending<T> {
    Ready(T),
    Running(mpsc::Receiver<T>),
}

/// Run `job` on `threads` threads; `job` gets `true` when it runs on a pool (and may then
/// use rayon's parallel iterators) and `false` when it must stay on the calling thread.
fn start<T, F>(py: Python<'_>, threads: usize, job: F) -> PyResult<Pending<T>>
where
    T: Send + 'static,
    F: FnOnce(bool) -> T + Send + 'static,
{
    if threads <= 1 {
        return Ok(Pending::Ready(py.detach(|| job(false))));
    }
    let pool = pool(threads)?;
    let (tx, rx) = mpsc::sync_channel(1);
    pool.spawn(move || {
        // The receiver may be gone (the caller dropped the batch): nothing to do then.
        let _ = tx.send(job(true));
    });
    Ok(Pending::Running(rx))
}

fn finish<T: Send>(py: Python<'_>, pending: Pending<T>) -> PyResult<T> {
    match pending {
        Pending::Ready(value) => Ok(value),
        Pending::Running(rx) => py
            .detach(move || rx.recv())
            .map_err(|_| super::SaysoError::new_err("a sayso worker thread stopped")),
    }
}

/// `f(index, item)` over `items`, in parallel on the current pool when `parallel`, in
/// order either way.
fn map_all<I: Sync, O: Send>(
    items: &[I],
    parallel: bool,
    f: impl Fn(usize, &I) -> O + Sync,
) -> Vec<O> {
    if parallel {
        items.par_iter().enumerate().map(|(i, x)| f(i, x)).collect()
    } else {
        items.iter().enumerate().map(|(i, x)| f(i, x)).collect()
    }
}

fn catch<T>(what: &str, len: usize, f: impl FnOnce() -> T) -> Result<T, String> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)).map_err(|payload| {
        let reason = payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown panic".to_owned());
        format!("internal error in {what} on a text of {len} bytes: {reason}")
    })
}

fn parse_task(task: &str) -> PyResult<Task> {
    match task {
        "analyze" => Ok(Task::Analyze),
        "segment" => Ok(Task::Segment),
        _ => Err(PyValueError::new_err(format!(
            "task must be 'analyze' or 'segment', not {task:?}"
        ))),
    }
}

fn core_analyzer(analyzer: Option<PyRef<'_, PyAnalyzer>>) -> Arc<Analyzer> {
    match analyzer {
        Some(a) => a.core().clone(),
        None => default_analyzer().clone(),
    }
}

/// What one text became, with spans in `str` indices (converted by the workers).
enum TextOut {
    Analysis(CharAnalysis),
    Sentences(Vec<Span>),
}

type TextResults = Vec<Result<TextOut, String>>;

struct TextsState {
    objs: Vec<Py<PyString>>,
    data: Arc<Vec<TextData>>,
    pending: Pending<TextResults>,
}

/// A batch of texts being analyzed; `results()` waits for it and builds the objects.
#[pyclass(module = "sayso._sayso", name = "_PendingTexts", frozen)]
struct PendingTexts {
    state: Mutex<Option<TextsState>>,
    /// UTF-8 bytes of the batch, for progress reports.
    #[pyo3(get)]
    nbytes: usize,
}

/// Start `task` ("analyze" or "segment") on each str of `texts`.
#[pyfunction]
#[pyo3(signature = (analyzer, texts, *, task, threads=None))]
fn _submit_texts(
    py: Python<'_>,
    analyzer: Option<PyRef<'_, PyAnalyzer>>,
    texts: Vec<Bound<'_, PyAny>>,
    task: &str,
    threads: Option<usize>,
) -> PyResult<PendingTexts> {
    let task = parse_task(task)?;
    let threads = _resolve_threads(threads)?;
    let analyzer = core_analyzer(analyzer);
    let mut objs = Vec::with_capacity(texts.len());
    let mut data = Vec::with_capacity(texts.len());
    for t in &texts {
        let s = expect_str(t, "text")?;
        let d = TextData::from_py(&s)?;
        objs.push(s.unbind());
        data.push(d);
    }
    let nbytes = data.iter().map(|d| d.len()).sum();
    let data = Arc::new(data);
    let shared = data.clone();
    let pending = start(py, threads, move |parallel| {
        let out = map_all(&shared, parallel, |_, text| {
            catch(
                match task {
                    Task::Analyze => "analyze",
                    Task::Segment => "segment",
                },
                text.len(),
                || match task {
                    Task::Analyze => TextOut::Analysis(char_analysis(text, analyzer.analyze(text))),
                    Task::Segment => TextOut::Sentences(char_spans(
                        text,
                        analyzer.segment(text).iter().map(|s| s.span),
                    )),
                },
            )
        });
        // Let go of the texts before answering, so the caller holds the last reference.
        drop(shared);
        out
    })?;
    Ok(PendingTexts {
        state: Mutex::new(Some(TextsState {
            objs,
            data,
            pending,
        })),
        nbytes,
    })
}

#[pymethods]
impl PendingTexts {
    /// Wait for the batch: a `Document` (or a list of spans) per text, or a `str` saying
    /// why that text failed.
    fn results<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let state = self
            .state
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .take()
            .ok_or_else(|| PyRuntimeError::new_err("the results were already taken"))?;
        let TextsState {
            objs,
            data,
            pending,
        } = state;
        let outs = finish(py, pending)?;
        // The workers are done with the texts: let go of their UTF-8 (with the GIL held).
        drop(data);
        let _pause = GcPause::new(py);
        let list = PyList::empty(py);
        for (obj, out) in objs.into_iter().zip(outs) {
            match out {
                Ok(TextOut::Analysis(analysis)) => {
                    list.append(PyDocument::lazy(py, obj, analysis))?
                }
                Ok(TextOut::Sentences(spans)) => {
                    list.append(PyList::new(py, model::span_objects(py, &obj, spans)?)?)?
                }
                Err(reason) => list.append(reason)?,
            }
        }
        Ok(list)
    }
}

/// What a batch of lines became: runs of finished output lines, and the batch indices of
/// lines to read again with a more lenient reader (Python's).
enum Chunk {
    Lines(Vec<u8>),
    Retry(usize),
}

struct LinesOut {
    chunks: Vec<Chunk>,
    failed: usize,
    records: usize,
}

/// The input lines (kept so that they are released with the GIL) and the work on them.
type LinesState = (Arc<Vec<PyBackedBytes>>, Pending<LinesOut>);

/// A batch of input lines being processed; `results()` waits for it.
#[pyclass(module = "sayso._sayso", name = "_PendingLines", frozen)]
struct PendingLines {
    state: Mutex<Option<LinesState>>,
    /// Bytes of input in the batch, for progress reports.
    #[pyo3(get)]
    nbytes: usize,
}

/// Start `task` on each line of `lines` (bytes, numbered from `first_line`): JSON objects
/// with the text under `text_field`, or plain text lines when `text_field` is None.
#[pyfunction]
#[pyo3(signature = (analyzer, lines, *, first_line, task, text_field=None, id_field="id".to_owned(), threads=None))]
#[allow(clippy::too_many_arguments)]
fn _submit_lines(
    py: Python<'_>,
    analyzer: Option<PyRef<'_, PyAnalyzer>>,
    lines: Vec<PyBackedBytes>,
    first_line: u64,
    task: &str,
    text_field: Option<String>,
    id_field: String,
    threads: Option<usize>,
) -> PyResult<PendingLines> {
    let options = LineOptions {
        task: parse_task(task)?,
        format: match text_field {
            Some(text_field) => LineFormat::Json {
                text_field,
                id_field,
            },
            None => LineFormat::Text,
        },
    };
    let threads = _resolve_threads(threads)?;
    let analyzer = core_analyzer(analyzer);
    let nbytes = lines.iter().map(|l| l.len()).sum();
    let lines = Arc::new(lines);
    let shared = lines.clone();
    let pending = start(py, threads, move |parallel| {
        let outcomes = map_all(&shared, parallel, |i, line| {
            jsonl::process_line(&analyzer, line, first_line + i as u64, &options)
        });
        // Let go of the input before answering, so the caller holds the last reference.
        drop(shared);
        let mut out = LinesOut {
            chunks: Vec::new(),
            failed: 0,
            records: 0,
        };
        let mut run: Vec<u8> = Vec::new();
        for (i, outcome) in outcomes.into_iter().enumerate() {
            match outcome {
                Outcome::Record { json, failed } => {
                    run.extend_from_slice(&json);
                    run.push(b'\n');
                    out.records += 1;
                    out.failed += usize::from(failed);
                }
                Outcome::Blank => {}
                Outcome::Unreadable { .. } => {
                    if !run.is_empty() {
                        out.chunks.push(Chunk::Lines(std::mem::take(&mut run)));
                    }
                    out.chunks.push(Chunk::Retry(i));
                }
            }
        }
        if !run.is_empty() {
            out.chunks.push(Chunk::Lines(run));
        }
        out
    })?;
    Ok(PendingLines {
        state: Mutex::new(Some((lines, pending))),
        nbytes,
    })
}

#[pymethods]
impl PendingLines {
    /// Wait for the batch: `(chunks, records, failed)` where each chunk is `bytes` (output
    /// lines, each ending in a newline) or an `int` (the batch index of a line this reader
    /// could not read), `records` counts the output lines and `failed` the error records.
    fn results<'py>(&self, py: Python<'py>) -> PyResult<(Bound<'py, PyList>, usize, usize)> {
        let (lines, pending) = self
            .state
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .take()
            .ok_or_else(|| PyRuntimeError::new_err("the results were already taken"))?;
        let out = finish(py, pending)?;
        drop(lines);
        let list = PyList::empty(py);
        for chunk in out.chunks {
            match chunk {
                Chunk::Lines(bytes) => list.append(PyBytes::new(py, &bytes))?,
                Chunk::Retry(i) => list.append(i)?,
            }
        }
        Ok((list, out.records, out.failed))
    }
}

/// Add the batch functions and classes to the module.
pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PendingTexts>()?;
    m.add_class::<PendingLines>()?;
    m.add_function(wrap_pyfunction!(_submit_texts, m)?)?;
    m.add_function(wrap_pyfunction!(_submit_lines, m)?)?;
    m.add_function(wrap_pyfunction!(_resolve_threads, m)?)?;
    m.add_function(wrap_pyfunction!(_pool_pid, m)?)?;
    Ok(())
}
