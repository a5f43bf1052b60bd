"""Many texts on all cores: ``analyze_many`` and ``segment_many``.

Items are pulled from the caller's iterable in batches of ``batch_size``; each batch is
analyzed by the native module with the GIL released, on a pool of ``threads`` threads,
while the objects of an earlier batch are built and handed out (``AHEAD + 1`` batches are
in flight). Results come back in input order.

A record that cannot be analyzed does not stop the run: it yields a :class:`Failure`
carrying its index, its id (when known) and the reason. An exception raised by the
caller's iterable propagates after the results of every item before it were yielded.
"""

from __future__ import annotations

import importlib
import warnings
from collections import deque
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any, Literal, Protocol, TypeVar, overload

from sayso import _sayso
from sayso._sayso import Analyzer, Document, Span

DEFAULT_BATCH_SIZE = 256
"""Items pulled from the input at a time (256: smaller batches left the pool idle at
batch ends, 1.67x instead of 1.9x on two cores in `benches/bench_batch.py`)."""
AHEAD = 2
"""Batches submitted beyond the one being handed out, so the pool rarely waits for Python."""

Task = Literal["analyze", "segment"]


@dataclass(frozen=True, slots=True)
class Failure:
    """The result for a record that could not be analyzed.

    ``index`` is the record's position in the input (from 0), ``id`` its id when the
    record had one (``id_field`` of a dict record, else ``None``), ``error`` the reason.
    """

    index: int
    id: Any
    error: str

    def to_dict(self) -> dict[str, Any]:
        return {"index": self.index, "id": self.id, "error": self.error}


class _Bar(Protocol):
    def update(self, n: int = 1) -> object: ...
    def set_postfix_str(self, s: str = "", refresh: bool = True) -> object: ...
    def close(self) -> object: ...


def progress_bar(enabled: bool, *, unit: str = "doc", total: int | None = None) -> _Bar | None:
    """A tqdm bar when ``enabled`` and tqdm is installed; a warning and None otherwise."""
    if not enabled:
        return None
    try:
        tqdm = importlib.import_module("tqdm.auto").tqdm
    except ImportError:
        warnings.warn(
            "progress=True needs tqdm, which is not installed (pip install tqdm)",
            RuntimeWarning,
            stacklevel=3,
        )
        return None
    bar: _Bar = tqdm(desc="sayso", unit=unit, unit_scale=True, total=total)
    return bar


def _type_name(value: object) -> str:
    return type(value).__name__


@dataclass(slots=True)
class _Meta:
    """What rides along with an item: its index, id, context, or why it failed early."""

    index: int
    id: Any = None
    context: Any = None
    error: str | None = None


def _read_item(
    item: Any, index: int, as_tuples: bool, text_field: str, id_field: str | None
) -> tuple[str | None, _Meta]:
    meta = _Meta(index)
    if as_tuples:
        if not isinstance(item, tuple) or len(item) != 2:
            meta.error = f"expected a (text, context) tuple, got {_type_name(item)}"
            return None, meta
        item, meta.context = item
    if isinstance(item, str):
        return item, meta
    if isinstance(item, Mapping):
        if id_field is not None:
            meta.id = item.get(id_field)
        if text_field not in item:
            meta.error = f"no {text_field!r} field"
            return None, meta
        text = item[text_field]
        if not isinstance(text, str):
            meta.error = f"{text_field!r} is {_type_name(text)}, not str"
            return None, meta
        return text, meta
    meta.error = f"expected str or a mapping with {text_field!r}, got {_type_name(item)}"
    return None, meta


class _Batch:
    """One batch in flight: the native job, the index of its first item and the metadata
    of every item (``None`` for a plain ``str``: no id, no context, its index
    ``start + position``; most inputs are all plain, and a ``_Meta`` per item was a tenth
    of the calling thread's work in ``analyze_many``)."""

    __slots__ = ("job", "metas", "plain", "start")

    def __init__(self, job: Any, metas: list[_Meta | None], start: int, plain: bool) -> None:
        self.job = job
        self.metas = metas
        self.start = start
        self.plain = plain


def _run(
    analyzer: Analyzer | None,
    items: Iterable[Any],
    task: Task,
    threads: int,
    batch_size: int,
    as_tuples: bool,
    text_field: str,
    id_field: str | None,
    progress: bool,
) -> Iterator[Any]:
    iterator = iter(items)
    bar = progress_bar(progress)
    index = 0
    text_bytes = 0
    in_flight: deque[_Batch] = deque()

    def finish(batch: _Batch) -> Iterator[Any]:
        results = iter(batch.job.results()) if batch.job is not None else iter(())
        result: Any
        if batch.plain and id_field is None:
            # Every item a plain str: one result each, in order (the common case, kept lean).
            for position, result in enumerate(results):
                if type(result) is str:
                    result = Failure(batch.start + position, None, result)
                yield result
        else:
            for position, meta in enumerate(batch.metas):
                if meta is None:
                    result = next(results)
                    if isinstance(result, str):
                        result = Failure(batch.start + position, None, result)
                    yield result if id_field is None else (result, None)
                    continue
                if meta.error is not None:
                    result = Failure(meta.index, meta.id, meta.error)
                else:
                    result = next(results)
                    if isinstance(result, str):
                        result = Failure(meta.index, meta.id, result)
                if as_tuples:
                    yield (result, meta.context)
                elif id_field is not None:
                    yield (result, meta.id)
                else:
                    yield result
        if bar is not None:
            nonlocal text_bytes
            text_bytes += 0 if batch.job is None else batch.job.nbytes
            bar.set_postfix_str(f"{text_bytes / 1e6:.1f} MB", refresh=False)
            bar.update(len(batch.metas))

    try:
        while True:
            texts: list[str] = []
            metas: list[_Meta | None] = []
            start = index
            plain = not as_tuples
            raised: Exception | None = None
            exhausted = True
            try:
                for item in iterator:
                    if type(item) is str and not as_tuples:
                        texts.append(item)
                        metas.append(None)
                    else:
                        plain = False
                        text, meta = _read_item(
                            item, start + len(metas), as_tuples, text_field, id_field
                        )
                        if text is not None:
                            texts.append(text)
                        metas.append(meta)
                    if len(metas) >= batch_size:
                        exhausted = False
                        break
            except Exception as exc:  # noqa: BLE001 - re-raised once the rest is yielded
                raised = exc
            index = start + len(metas)
            job = _sayso._submit_texts(analyzer, texts, task=task, threads=threads) if texts else None
            in_flight.append(_Batch(job, metas, start, plain))
            if raised is not None or exhausted:
                while in_flight:
                    yield from finish(in_flight.popleft())
                if raised is not None:
                    raise raised
                return
            if len(in_flight) > AHEAD:
                yield from finish(in_flight.popleft())
    finally:
        if bar is not None:
            bar.close()


def _start(
    task: Task,
    items: Iterable[Any],
    analyzer: Analyzer | None,
    threads: int | None,
    batch_size: int,
    as_tuples: bool,
    text_field: str,
    id_field: str | None,
    progress: bool,
) -> Iterator[Any]:
    # Check everything now, not at the first next(): errors belong to the call.
    if isinstance(items, (str, bytes)):
        raise TypeError(f"items must be an iterable of texts, not a single {_type_name(items)}")
    if not isinstance(items, Iterable):
        raise TypeError(f"items must be iterable, not {_type_name(items)}")
    if isinstance(batch_size, bool) or not isinstance(batch_size, int) or batch_size < 1:
        raise ValueError(f"batch_size must be a positive int, not {batch_size!r}")
    if not isinstance(text_field, str):
        raise TypeError(f"text_field must be str, not {_type_name(text_field)}")
    if id_field is not None and not isinstance(id_field, str):
        raise TypeError(f"id_field must be str or None, not {_type_name(id_field)}")
    n = _sayso._resolve_threads(threads)
    return _run(
        analyzer, items, task, n, batch_size, as_tuples, text_field, id_field, progress
    )


C = TypeVar("C")


@overload
def analyze_many(
    items: Iterable[str | Mapping[str, Any]],
    *,
    analyzer: Analyzer | None = None,
    threads: int | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    as_tuples: Literal[False] = False,
    text_field: str = "text",
    id_field: None = None,
    progress: bool = False,
) -> Iterator[Document | Failure]: ...
@overload
def analyze_many(
    items: Iterable[tuple[Any, C]],
    *,
    analyzer: Analyzer | None = None,
    threads: int | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    as_tuples: Literal[True],
    text_field: str = "text",
    id_field: str | None = None,
    progress: bool = False,
) -> Iterator[tuple[Document | Failure, C]]: ...
@overload
def analyze_many(
    items: Iterable[Any],
    *,
    analyzer: Analyzer | None = None,
    threads: int | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    as_tuples: Literal[False] = False,
    text_field: str = "text",
    id_field: str,
    progress: bool = False,
) -> Iterator[tuple[Document | Failure, Any]]: ...
def analyze_many(
    items: Iterable[Any],
    *,
    analyzer: Analyzer | None = None,
    threads: int | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    as_tuples: bool = False,
    text_field: str = "text",
    id_field: str | None = None,
    progress: bool = False,
) -> Iterator[Any]:
    """Analyze many texts on all cores; a generator of results in input order.

    ``items`` are ``str``, or mappings holding the text under ``text_field``, or with
    ``as_tuples=True`` ``(text, context)`` pairs (the text a ``str`` or mapping).
    Yields a :class:`Document` per item, or a :class:`Failure` for an item that cannot be
    analyzed; ``(result, context)`` pairs with ``as_tuples=True``, else ``(result, id)``
    pairs when ``id_field`` is given. ``threads`` defaults to ``$SAYSO_THREADS`` or the
    cores available; ``batch_size`` items are pulled from ``items`` at a time;
    ``progress=True`` shows a tqdm bar (when tqdm is installed). ``analyzer`` defaults to
    the default one; ``Analyzer.analyze_many`` passes itself.
    """
    return _start(
        "analyze", items, analyzer, threads, batch_size, as_tuples, text_field, id_field,
        progress,
    )


@overload
def segment_many(
    items: Iterable[str | Mapping[str, Any]],
    *,
    analyzer: Analyzer | None = None,
    threads: int | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    as_tuples: Literal[False] = False,
    text_field: str = "text",
    id_field: None = None,
    progress: bool = False,
) -> Iterator[list[Span] | Failure]: ...
@overload
def segment_many(
    items: Iterable[tuple[Any, C]],
    *,
    analyzer: Analyzer | None = None,
    threads: int | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    as_tuples: Literal[True],
    text_field: str = "text",
    id_field: str | None = None,
    progress: bool = False,
) -> Iterator[tuple[list[Span] | Failure, C]]: ...
@overload
def segment_many(
    items: Iterable[Any],
    *,
    analyzer: Analyzer | None = None,
    threads: int | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    as_tuples: Literal[False] = False,
    text_field: str = "text",
    id_field: str,
    progress: bool = False,
) -> Iterator[tuple[list[Span] | Failure, Any]]: ...
def segment_many(
    items: Iterable[Any],
    *,
    analyzer: Analyzer | None = None,
    threads: int | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    as_tuples: bool = False,
    text_field: str = "text",
    id_field: str | None = None,
    progress: bool = False,
) -> Iterator[Any]:
    """Like :func:`analyze_many`, but each result is the list of sentence spans."""
    return _start(
        "segment", items, analyzer, threads, batch_size, as_tuples, text_field, id_field,
        progress,
    )


__all__ = ["DEFAULT_BATCH_SIZE", "Document", "Failure", "Span", "analyze_many", "segment_many"]
