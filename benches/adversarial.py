"""Benchmark: linear time on the issue's adversarial inputs.

    maturin develop --release
    python benches/adversarial.py [--scale 1.0] [--only NAME] [--repeats 3]

For every input of ``tests/adversarial_inputs.py`` (50 MB of ordinary text, 10 MB without
whitespace, 10^6 periods, 10^5 quotation marks of each kind balanced and not, 10^5 nested
brackets, 10^6 ``said``, 10^5 capitalised words, lone surrogates, NUL and control characters,
right-to-left text, zero-width joiners, combining marks, CRLF and lone CR, whitespace only),
the time of ``sayso.segment``, of ``sayso.analyze`` with every attribution read (what a
user does: a ``Document`` builds its lists on first access) and of the bare ``sayso.analyze``
call at n and at 10n, where 10n is the size the issue names (times ``--scale``), and the
ratio t(10n) / t(n). Linear time gives about 10; every ratio must be <= 12. Each time is the
least CPU time (``time.process_time``) of ``--repeats`` runs (more when the runs at 10n
total under 0.2 s; the same count at n and 10n), with the garbage collector off while
timing, as ``timeit`` does. Exits with status 1 when a ratio is over 12.

Timings depend on the machine and its load; this is a benchmark, never a test.
"""

from __future__ import annotations

import argparse
import gc
import sys
import time
from collections.abc import Callable
from pathlib import Path

import sayso

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from adversarial_inputs import TABLE

LIMIT = 12.0


def analyze_read(text: str) -> sayso.Document:
    """``sayso.analyze`` and every attribution read."""
    doc = sayso.analyze(text)
    for a in doc.attributions:
        _ = (a.source, a.cue, a.content)
    return doc


def analyze_bare(text: str) -> sayso.Document:
    """The bare call: the document's lists are not built."""
    return sayso.analyze(text)


def cpu_time(fn: Callable[[str], object], text: str) -> float:
    """CPU time of one call, the garbage collector off (as ``timeit`` does): its passes over
    every live object are Python's cost, not sayso's. CPU time, not wall time: on a loaded
    machine a long run is preempted more often than a short one, which would show as a
    false superlinear ratio."""
    gc.collect()
    gc.disable()
    try:
        start = time.process_time()
        result = fn(text)
        elapsed = time.process_time() - start
    finally:
        gc.enable()
    del result
    return elapsed


def best_pair(
    fn: Callable[[str], object], small: str, big: str, repeats: int
) -> tuple[float, float]:
    """The least CPU time at n and at 10n, each over the same number of runs: ``repeats``, or
    more while the runs at 10n total under 0.2 s (one run of microseconds is too easily
    disturbed). The same count at both sizes, so that neither minimum has more chances."""
    first = cpu_time(fn, big)
    runs = max(repeats, min(200, int(0.2 / max(first, 1e-6))))
    t_big = min([first] + [cpu_time(fn, big) for _ in range(runs - 1)])
    t_small = min(cpu_time(fn, small) for _ in range(runs))
    return t_small, t_big


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=float, default=1.0, help="fraction of the issue's sizes")
    parser.add_argument("--only", default="", help="run only inputs whose name contains this")
    parser.add_argument("--repeats", type=int, default=3, help="runs per time (best is kept)")
    args = parser.parse_args()

    print(
        f"sayso {sayso.__version__}; time = least CPU time of >= {args.repeats} runs, "
        "gc off; ratio = t(10n) / t(n)"
    )
    header = f"{'input':44} {'10n':>10} {'segment n':>10} {'10n':>9} {'ratio':>6}"
    header += f" {'analyze n':>10} {'10n':>9} {'ratio':>6}"
    header += f" {'bare n':>10} {'10n':>9} {'ratio':>6}"
    print(header)
    worst = 0.0
    over = []
    for row in TABLE:
        if args.only not in row.name:
            continue
        big = max(10, int(row.full * args.scale))
        small_text = row.make(big // 10)
        big_text = row.make(big)
        cells = []
        for fn in (sayso.segment, analyze_read, analyze_bare):
            t_small, t_big = best_pair(fn, small_text, big_text, args.repeats)
            ratio = t_big / t_small if t_small > 0 else float("inf")
            worst = max(worst, ratio)
            if ratio > LIMIT:
                over.append(f"{row.name} ({fn.__name__}: {ratio:.1f})")
            cells.append(f"{t_small * 1e3:8.1f}ms {t_big * 1e3:7.0f}ms {ratio:6.1f}")
        mark = "  <-- over 12" if any(row.name in o for o in over) else ""
        print(f"{row.name:44} {big:>10,} {' '.join(cells)}{mark}", flush=True)
        del small_text, big_text
    print(f"worst ratio: {worst:.1f} (limit {LIMIT:.0f})")
    if over:
        print("OVER THE LIMIT: " + "; ".join(over))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
