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

use super::flat::Flat;
use super::model::{self, PyDocument};
use super::text::{char_analysis, char_spans, expect_str, GcPause, TextData};
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
    Analysis(Flat),
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
                    Task::Analyze => TextOut::Analysis(Flat::new(char_analysis(
                        text,
                        analyzer.analyze_tabled(text, true),
                    ))),
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

/// What a batch of lines became: one outcome per line (each record ends in a newline),
/// counted.
struct LinesOut {
    outcomes: Vec<Outcome>,
    failed: usize,
    records: usize,
}

/// The input lines (kept so that they are released with the GIL) and the work on them.
type LinesState = (Arc<Vec<PyBackedBytes>>, Pending<LinesOut>);

/// A batch of input lines being processed; `results()` or `write_to()` waits for it.
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
        // Each worker finishes its records, newline included: nothing is left to do
        // serially here but counting.
        let outcomes = map_all(&shared, parallel, |i, line| {
            let mut outcome = jsonl::process_line(&analyzer, line, first_line + i as u64, &options);
            if let Outcome::Record { json, .. } = &mut outcome {
                json.push(b'\n');
            }
            outcome
        });
        // Let go of the input before answering, so the caller holds the last reference.
        drop(shared);
        let mut out = LinesOut {
            outcomes,
            failed: 0,
            records: 0,
        };
        for outcome in &out.outcomes {
            if let Outcome::Record { failed, .. } = outcome {
                out.records += 1;
                out.failed += usize::from(*failed);
            }
        }
        out
    })?;
    Ok(PendingLines {
        state: Mutex::new(Some((lines, pending))),
        nbytes,
    })
}

/// Write every line of `lines` to `file`, with as few system calls as the OS allows
/// (`write_vectored`, resumed after a partial write).
fn write_lines<W: std::io::Write>(file: &mut W, lines: &[&[u8]]) -> std::io::Result<()> {
    use std::io::{ErrorKind, IoSlice};
    /// Slices per call (POSIX guarantees at least 16, Linux takes 1024).
    const MAX_SLICES: usize = 512;
    let (mut i, mut offset) = (0, 0);
    let mut slices: Vec<IoSlice<'_>> = Vec::with_capacity(MAX_SLICES.min(lines.len()));
    while i < lines.len() {
        if offset == lines[i].len() {
            (i, offset) = (i + 1, 0);
            continue;
        }
        slices.clear();
        slices.push(IoSlice::new(&lines[i][offset..]));
        let end = (i + MAX_SLICES).min(lines.len());
        slices.extend(lines[i + 1..end].iter().map(|l| IoSlice::new(l)));
        let mut written = match file.write_vectored(&slices) {
            Ok(0) => return Err(ErrorKind::WriteZero.into()),
            Ok(n) => n,
            Err(e) if e.kind() == ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        while written > 0 {
            let left = lines[i].len() - offset;
            if written >= left {
                written -= left;
                (i, offset) = (i + 1, 0);
            } else {
                offset += written;
                written = 0;
            }
        }
    }
    Ok(())
}

impl PendingLines {
    fn take(&self, py: Python<'_>) -> PyResult<LinesOut> {
        let (lines, pending) = self
            .state
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .take()
            .ok_or_else(|| PyRuntimeError::new_err("the results were already taken"))?;
        let out = finish(py, pending)?;
        drop(lines);
        Ok(out)
    }
}

#[pymethods]
impl PendingLines {
    /// Wait for the batch: `(chunks, records, failed)` where each chunk is `bytes` (output
    /// lines, each ending in a newline) or an `int` (the batch index of a line this reader
    /// could not read), `records` counts the output lines and `failed` the error records.
    fn results<'py>(&self, py: Python<'py>) -> PyResult<(Bound<'py, PyList>, usize, usize)> {
        let out = self.take(py)?;
        let list = PyList::empty(py);
        let mut run: Vec<&[u8]> = Vec::new();
        let flush = |run: &mut Vec<&[u8]>| -> PyResult<()> {
            if run.is_empty() {
                return Ok(());
            }
            let len = run.iter().map(|r| r.len()).sum();
            let bytes = PyBytes::new_with(py, len, |buf| {
                let mut at = 0;
                for r in run.iter() {
                    buf[at..at + r.len()].copy_from_slice(r);
                    at += r.len();
                }
                Ok(())
            })?;
            run.clear();
            list.append(bytes)
        };
        for (i, outcome) in out.outcomes.iter().enumerate() {
            match outcome {
                Outcome::Record { json, .. } => run.push(json),
                Outcome::Blank => {}
                Outcome::Unreadable { .. } => {
                    flush(&mut run)?;
                    list.append(i)?;
                }
            }
        }
        flush(&mut run)?;
        Ok((list, out.records, out.failed))
    }

    /// Wait for the batch and write its output lines to the file descriptor `fd` (with the
    /// GIL released, straight from the workers' buffers). A line this reader could not read
    /// is handed to `retry(index)`, which returns `(record, failed)`: the record (bytes,
    /// ending in a newline) is written in its place. Returns `(records, failed)` as
    /// `results()` counts them. The caller flushes whatever it buffered for `fd` first.
    #[cfg(unix)]
    fn write_to(
        &self,
        py: Python<'_>,
        fd: i32,
        retry: &Bound<'_, PyAny>,
    ) -> PyResult<(usize, usize)> {
        use std::os::fd::FromRawFd;
        let out = self.take(py)?;
        let (mut records, mut failed) = (out.records, out.failed);
        // The descriptor belongs to the caller's file object: never close it here.
        // SAFETY: `fd` is an open descriptor of the caller's, which outlives this call.
        let mut file = std::mem::ManuallyDrop::new(unsafe { std::fs::File::from_raw_fd(fd) });
        let mut run: Vec<&[u8]> = Vec::new();
        for (i, outcome) in out.outcomes.iter().enumerate() {
            match outcome {
                Outcome::Record { json, .. } => run.push(json),
                Outcome::Blank => {}
                Outcome::Unreadable { .. } => {
                    py.detach(|| write_lines(&mut *file, &run))?;
                    run.clear();
                    let (record, bad): (PyBackedBytes, bool) = retry.call1((i,))?.extract()?;
                    py.detach(|| write_lines(&mut *file, &[&record]))?;
                    records += 1;
                    failed += usize::from(bad);
                }
            }
        }
        py.detach(|| write_lines(&mut *file, &run))?;
        drop(run);
        // Free the batch's buffers without the GIL too.
        py.detach(move || drop(out));
        Ok((records, failed))
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

#[cfg(test)]
mod tests {
    use super::write_lines;
    use std::io::{self, IoSlice, Write};

    /// A writer that takes at most `limit` bytes per call, across slices, and is
    /// interrupted every third call: what a pipe or a signal may do.
    struct Stingy {
        written: Vec<u8>,
        limit: usize,
        calls: usize,
    }

    impl Write for Stingy {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            self.write_vectored(&[IoSlice::new(buf)])
        }

        fn write_vectored(&mut self, bufs: &[IoSlice<'_>]) -> io::Result<usize> {
            self.calls += 1;
            if self.calls % 3 == 0 {
                return Err(io::ErrorKind::Interrupted.into());
            }
            let mut taken = 0;
            for b in bufs {
                let n = b.len().min(self.limit - taken);
                self.written.extend_from_slice(&b[..n]);
                taken += n;
                if taken == self.limit {
                    break;
                }
            }
            Ok(taken)
        }

        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn partial_and_interrupted_writes_still_write_every_line_once_in_order() {
        let owned: Vec<Vec<u8>> = (0..2000)
            .map(|i| {
                let mut line = format!("{{\"line\":{i}}}").into_bytes();
                line.extend(std::iter::repeat(b'x').take(i % 7));
                if i % 5 == 0 {
                    line.clear(); // an empty slice is skipped, not an error
                } else {
                    line.push(b'\n');
                }
                line
            })
            .collect();
        let lines: Vec<&[u8]> = owned.iter().map(|l| l.as_slice()).collect();
        for limit in [1, 3, 17, 4096, usize::MAX / 2] {
            let mut w = Stingy {
                written: Vec::new(),
                limit,
                calls: 0,
            };
            write_lines(&mut w, &lines).unwrap();
            assert_eq!(w.written, owned.concat(), "limit {limit}");
        }
    }

    #[test]
    fn a_writer_that_takes_nothing_is_an_error_not_a_hang() {
        let mut w = Stingy {
            written: Vec::new(),
            limit: 0,
            calls: 0,
        };
        let err = write_lines(&mut w, &[b"a\n"]).unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::WriteZero);
    }
}
