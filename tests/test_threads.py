"""Eight Python threads calling the API at once, on shared and on distinct texts, get
exactly the results of a sequential run."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import sayso
from adversarial_inputs import TABLE

THREADS = 8
ROUNDS = 3

SHARED = [
    "\u201cWe will rebuild it,\u201d said Mayor Ruth Okafor. Dr. Brenner called it rushed.",
    "Officials said the talks had stalled.\n\nAccording to the ministry, no date was set.",
    "Caf\u00e9 owners \U0001f600 told reporters: \u201cIt is over.\u201d \ud800 She left.",
    "The U.S. envoy arrived at 9 a.m. and said that \u00abnothing\u00bb had changed.",
    *(row.make(2_000) for row in TABLE[:12]),
]


def distinct(k: int) -> list[str]:
    """Texts only thread ``k`` analyzes."""
    return [
        f"Thread {k} spoke. \u201cNumber {k} is here,\u201d said Agent No. {k}. \u00e9{k}",
        f"{'(' * k}Paragraph {k}.{')' * k}\r\n\r\nAnother {k}, he added.\ud800",
        TABLE[(12 + k) % len(TABLE)].make(1_000 + k),
    ]


def run(analyzer: sayso.Analyzer, text: str) -> tuple[Any, ...]:
    doc = analyzer.analyze(text)
    return (
        doc.to_dict(),
        [(s.start, s.end, s.text) for s in sayso.segment(text)],
        sayso.analyze(text).to_dict(),
    )


def test_threads_match_a_sequential_run() -> None:
    analyzer = sayso.Analyzer()
    own = {k: distinct(k) for k in range(THREADS)}
    expected_shared = [run(analyzer, t) for t in SHARED]
    expected_own = {k: [run(analyzer, t) for t in texts] for k, texts in own.items()}

    barrier = threading.Barrier(THREADS)

    def worker(k: int) -> list[tuple[str, int, tuple[Any, ...]]]:
        out = []
        barrier.wait(timeout=60)
        for r in range(ROUNDS):
            # Each thread walks the shared texts from a different place, so that the same
            # text is analyzed by several threads at the same moment.
            order = list(range(len(SHARED)))
            if r % 2:
                order = order[k:] + order[:k]
            for i in order:
                out.append(("shared", i, run(analyzer, SHARED[i])))
            for i, text in enumerate(own[k]):
                out.append(("own", i, run(analyzer, text)))
        return out

    # A thread's exception comes back through its future's result().
    with ThreadPoolExecutor(max_workers=THREADS) as pool:
        futures = [pool.submit(worker, k) for k in range(THREADS)]
        results = [f.result() for f in futures]
    for k, got_k in enumerate(results):
        assert len(got_k) == ROUNDS * (len(SHARED) + len(own[k]))
        for where, i, got in got_k:
            want = expected_shared[i] if where == "shared" else expected_own[k][i]
            assert got == want, f"thread {k}, {where} text {i} differs from the sequential run"
