"""analyze_many / segment_many: order, ids, failures, laziness, threads, fork."""

from __future__ import annotations

import itertools
import multiprocessing
import os
import pickle
import sys
import warnings
from collections.abc import Iterator
from typing import Any

import pytest
import sayso
import sayso._batch
from sayso import _sayso

TEXTS = [
    "“We will rebuild it,” said the mayor. Work starts in May.",
    "Emoji 😀 first. Then 中文 text. Then e\u0301 combined.",
    "",
    "Lone \ud800 surrogate. Another \udfff one.",
    "NUL \x00 inside. Still fine.\n\nA second paragraph here.",
    "No full stop at all",
    "Dr. Brenner called it rushed. He said so twice.",
]


def many_texts(n: int) -> list[str]:
    return [f"Item {i} begins. {TEXTS[i % len(TEXTS)]} Item {i} ends." for i in range(n)]


@pytest.mark.parametrize("threads", [1, 2, 3])
@pytest.mark.parametrize("batch_size", [1, 5, 256])
def test_results_are_in_input_order_and_equal_to_analyze(threads: int, batch_size: int) -> None:
    texts = many_texts(40)
    docs = list(sayso.analyze_many(texts, threads=threads, batch_size=batch_size))
    assert len(docs) == len(texts)
    for text, doc in zip(texts, docs):
        assert isinstance(doc, sayso.Document)
        assert doc.text == text
        assert doc.to_dict() == sayso.analyze(text).to_dict()
        for s in doc.sentences:
            assert text[s.start : s.end] == s.text


@pytest.mark.parametrize("threads", [1, 2])
def test_segment_many_equals_segment(threads: int) -> None:
    texts = many_texts(30)
    got = list(sayso.segment_many(iter(texts), threads=threads, batch_size=4))
    assert got == [sayso.segment(t) for t in texts]


def test_analyzer_methods_use_its_configuration() -> None:
    analyzer = sayso.Analyzer(abbreviations=["Qrx"])
    text = "We met Qrx. Brown there. Fine."
    [spans] = list(analyzer.segment_many([text], threads=2))
    assert [s.text for s in spans] == ["We met Qrx. Brown there.", "Fine."]
    [doc] = list(analyzer.analyze_many([text], threads=2))
    assert isinstance(doc, sayso.Document)
    assert [s.text for s in doc.sentences] == ["We met Qrx. Brown there.", "Fine."]
    # The default analyzer does not know the abbreviation.
    [plain] = list(sayso.segment_many([text]))
    assert len(plain) == 3


def test_as_tuples_hands_back_the_context_untouched() -> None:
    contexts = [object() for _ in range(12)]
    items = list(zip(many_texts(12), contexts))
    out = list(sayso.analyze_many(items, as_tuples=True, batch_size=5, threads=2))
    assert [c for _, c in out] == contexts
    assert all(got is want for (_, got), want in zip(out, contexts))
    assert [d.text for d, _ in out] == [t for t, _ in items]  # type: ignore[union-attr]


def test_dicts_with_text_and_id_fields() -> None:
    records = [{"key": f"k{i}", "body": t} for i, t in enumerate(many_texts(9))]
    out = list(sayso.analyze_many(records, text_field="body", id_field="key", batch_size=4))
    assert [i for _, i in out] == [r["key"] for r in records]
    assert [d.text for d, _ in out] == [r["body"] for r in records]  # type: ignore[union-attr]
    # Without id_field, dicts give plain documents.
    docs = list(sayso.analyze_many(records, text_field="body"))
    assert [d.text for d in docs] == [r["body"] for r in records]


def test_bad_records_yield_failures_and_the_rest_goes_on() -> None:
    items: list[Any] = [
        {"id": "a", "text": "Fine. Good."},
        {"id": "b"},
        {"id": "c", "text": 42},
        7,
        b"bytes are not text",
        "A plain string.",
        {"text": "No id here."},
    ]
    out = list(sayso.analyze_many(items, id_field="id", batch_size=3, threads=2))
    assert [i for _, i in out] == ["a", "b", "c", None, None, None, None]
    results = [r for r, _ in out]
    failures = [r for r in results if isinstance(r, sayso.Failure)]
    assert [(f.index, f.id) for f in failures] == [(1, "b"), (2, "c"), (3, None), (4, None)]
    assert "no 'text' field" in failures[0].error
    assert "'text' is int, not str" in failures[1].error
    assert "int" in failures[2].error and "bytes" in failures[3].error
    assert isinstance(results[0], sayso.Document) and results[0].text == "Fine. Good."
    assert isinstance(results[5], sayso.Document) and results[5].text == "A plain string."
    assert isinstance(results[6], sayso.Document)


def test_bad_tuples_are_failures_with_their_index() -> None:
    items: list[Any] = [("Good text.", 1), "not a tuple", ("a", "b", "c"), (None, 4)]
    out = list(sayso.analyze_many(items, as_tuples=True))
    assert isinstance(out[0][0], sayso.Document) and out[0][1] == 1
    assert [(r.index, c) for r, c in out[1:] if isinstance(r, sayso.Failure)] == [
        (1, None),
        (2, None),
        (3, 4),
    ]


def test_failure_is_plain_data() -> None:
    f = sayso.Failure(3, "x", "no 'text' field")
    assert pickle.loads(pickle.dumps(f)) == f
    assert f.to_dict() == {"index": 3, "id": "x", "error": "no 'text' field"}
    with pytest.raises(AttributeError):
        f.index = 4  # type: ignore[misc]


@pytest.mark.parametrize("batch_size", [1, 2, 3, 10])
def test_an_iterator_exception_propagates_after_the_earlier_results(batch_size: int) -> None:
    class Boom(Exception):
        pass

    def source() -> Iterator[str]:
        yield from ["One.", "Two.", "Three.", "Four."]
        raise Boom("the source broke")

    got: list[str] = []
    with pytest.raises(Boom, match="the source broke"):
        for doc in sayso.analyze_many(source(), batch_size=batch_size, threads=2):
            got.append(doc.text)
    assert got == ["One.", "Two.", "Three.", "Four."]


def test_input_is_pulled_lazily_in_batches() -> None:
    pulled = 0

    def endless() -> Iterator[str]:
        nonlocal pulled
        for i in itertools.count():
            pulled += 1
            yield f"Sentence {i}. Another one."

    first = list(itertools.islice(sayso.analyze_many(endless(), batch_size=10), 25))
    assert [d.text for d in first] == [f"Sentence {i}. Another one." for i in range(25)]
    # Only the batches in flight were pulled beyond what was handed out.
    assert pulled <= 25 + (sayso._batch.AHEAD + 1) * 10


def test_arguments_are_checked_at_the_call() -> None:
    with pytest.raises(ValueError, match="threads"):
        sayso.analyze_many(["x"], threads=0)
    with pytest.raises(ValueError, match="batch_size"):
        sayso.analyze_many(["x"], batch_size=0)
    with pytest.raises(TypeError, match="single str"):
        sayso.analyze_many("a text, not a list of texts")
    with pytest.raises(TypeError, match="iterable"):
        sayso.segment_many(12)  # type: ignore[arg-type]


def test_sayso_threads_overrides_the_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SAYSO_THREADS", "3")
    assert _sayso._resolve_threads() == 3
    assert _sayso._resolve_threads(1) == 1  # an explicit argument wins
    docs = list(sayso.analyze_many(many_texts(7)))
    assert len(docs) == 7
    monkeypatch.setenv("SAYSO_THREADS", "many")
    with pytest.raises(ValueError, match="SAYSO_THREADS"):
        sayso.analyze_many(["x"])
    monkeypatch.delenv("SAYSO_THREADS")
    assert _sayso._resolve_threads() >= 1


def _child_work(texts: list[str]) -> list[dict[str, Any]]:
    docs = list(sayso.analyze_many(texts, threads=2, batch_size=3))
    assert _sayso._pool_pid() == os.getpid()
    return [d.to_dict() for d in docs]


@pytest.mark.skipif(sys.platform == "win32", reason="fork is POSIX only")
def test_a_forked_child_builds_its_own_pool() -> None:
    texts = many_texts(20)
    parent = [d.to_dict() for d in sayso.analyze_many(texts, threads=2)]
    assert _sayso._pool_pid() == os.getpid()
    ctx = multiprocessing.get_context("fork")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)  # fork with threads running
        with ctx.Pool(2) as pool:
            children = pool.map(_child_work, [texts[:10], texts[10:]])
    assert children[0] + children[1] == parent


def _analyze_with(args: tuple[sayso.Analyzer, list[str]]) -> list[int]:
    analyzer, texts = args
    return [len(d.sentences) for d in analyzer.analyze_many(texts)]


def test_a_configured_analyzer_ships_to_spawned_processes() -> None:
    analyzer = sayso.Analyzer(abbreviations=["Qrx"])
    texts = ["We met Qrx. Brown there. Fine."] * 3
    with multiprocessing.get_context("spawn").Pool(1) as pool:
        [counts] = pool.map(_analyze_with, [(analyzer, texts)])
    assert counts == [2, 2, 2]


def test_progress_bar_counts_documents(capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("tqdm")
    docs = list(sayso.analyze_many(many_texts(30), progress=True, batch_size=7))
    assert len(docs) == 30
    err = capsys.readouterr().err
    assert "30" in err and "doc" in err and "MB" in err


def test_progress_without_tqdm_warns_and_still_works(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "tqdm", None)
    monkeypatch.setitem(sys.modules, "tqdm.auto", None)
    with pytest.warns(RuntimeWarning, match="tqdm"):
        docs = list(sayso.analyze_many(["One. Two."], progress=True))
    assert len(docs) == 1


def test_stopping_early_leaves_nothing_broken() -> None:
    texts = many_texts(200)
    gen = sayso.analyze_many(texts, batch_size=16, threads=2)
    first = next(gen)
    assert isinstance(first, sayso.Document) and first.text == texts[0]
    gen.close()  # a batch is still in flight
    del gen
    again = list(sayso.analyze_many(texts, batch_size=16, threads=2))
    assert [d.text for d in again] == texts  # type: ignore[union-attr]


def test_several_python_threads_share_the_pools() -> None:
    from concurrent.futures import ThreadPoolExecutor

    texts = many_texts(60)
    want = [sayso.analyze(t).to_dict() for t in texts]

    def run(threads: int) -> list[dict[str, Any]]:
        return [d.to_dict() for d in sayso.analyze_many(texts, threads=threads, batch_size=7)]

    with ThreadPoolExecutor(4) as ex:
        results = list(ex.map(run, [1, 2, 2, 3, 1, 2]))
    assert all(r == want for r in results)


def _rss_mb() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6


@pytest.mark.skipif(not os.path.exists("/proc/self/statm"), reason="needs Linux /proc")
def test_memory_stays_flat_over_a_long_generator() -> None:
    def texts(n: int) -> Iterator[str]:
        for i in range(n):
            yield f"Item {i} was sold, the owner said. “Fine,” she added. " * 2

    seen = 0
    base = 0.0
    for doc in sayso.analyze_many(texts(30_000), batch_size=128, threads=2):
        seen += 1
        if seen == 5_000:
            base = _rss_mb()
    assert seen == 30_000
    # Six times as many documents after the baseline; memory must not follow them.
    assert _rss_mb() - base < 25, (base, _rss_mb())


def test_failures_keep_their_index_across_plain_and_mixed_batches() -> None:
    # Batches of two: [str, str] (all plain), [int, str], [str, str], [bytes].
    items: list[Any] = ["One. Two.", "Three.", 7, "Four.", "Five.", "Six.", b"seven"]
    for threads in (1, 2):
        out = list(sayso.analyze_many(items, batch_size=2, threads=threads))
        assert len(out) == len(items)
        assert [(r.index, r.id) for r in out if isinstance(r, sayso.Failure)] == [
            (2, None),
            (6, None),
        ]
        texts = [r.text for r in out if isinstance(r, sayso.Document)]
        assert texts == [t for t in items if isinstance(t, str)]
