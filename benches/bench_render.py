"""Benchmark: the HTML view and the displaCy dicts take linear time.

    maturin develop --release
    python benches/bench_render.py [--max-chars 2000000] [--only NAME] [--repeats 3]

For the project's example article repeated, a hand-made document whose attributions nest
(content holding another attribution's source and cue) and every input of
``tests/adversarial_inputs.py``, each analysed once (not timed): the CPU time of
``sayso.render(doc)`` and of ``doc.to_displacy()`` at n and at 10n characters, where 10n is
the size the table names, capped at ``--max-chars`` (the view is Python code: 2 MB of
article is already more than a browser wants to show), and the ratio t(10n) / t(n). Linear
time gives about 10; sorting the highlights (and, for displaCy, finding their tokens by
bisection) adds a log factor in their number, worth up to about 12.5 from n to 10n. Exits
with status 1 when a ratio is over 13.

Timings depend on the machine and its load; this is a benchmark, never a test.
"""

from __future__ import annotations

import argparse
import functools
import gc
import sys
import time
from collections.abc import Callable
from pathlib import Path

import sayso

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
from adversarial_inputs import TABLE

LIMIT = 13.0


def best_of(fn: Callable[[], object], repeats: int) -> float:
    """The least CPU time of ``repeats`` runs (more while they total under 0.2 s), with the
    garbage collector off while timing, as ``timeit`` does."""
    best, total, runs = float("inf"), 0.0, 0
    while runs < repeats or (total < 0.2 and runs < 100):
        gc.collect()
        gc.disable()
        try:
            start = time.process_time()
            fn()
            elapsed = time.process_time() - start
        finally:
            gc.enable()
        best, total, runs = min(best, elapsed), total + elapsed, runs + 1
    return best


def _article(n: int) -> str:
    unit = (ROOT / "examples" / "article.txt").read_text(encoding="utf-8") + "\n\n"
    return (unit * (n // len(unit) + 1))[:n]


def _nested(n: int) -> sayso.Document:
    """Units of a content holding a whole other attribution, repeated to ``n`` characters."""
    unit = "“The plan,” said Ann Lee, “which Bo Kim called rushed, is late.” "
    text = (unit * (n // len(unit) + 1))[:n]
    attributions = []
    for base in range(0, len(text) - len(unit) + 1, len(unit)):

        def sp(sub: str, after: int = 0, base: int = base) -> sayso.Span:
            start = base + unit.index(sub, after)
            return sayso.Span(start, start + len(sub), sub)

        attributions.append(sayso.Attribution(
            source=sp("Ann Lee"), cue=sp("said"),
            content=[sp("“The plan,”"), sp("“which Bo Kim called rushed, is late.”")],
            kind="direct", sentence=0, cue_class="neutral",
        ))
        attributions.append(sayso.Attribution(
            source=sp("Bo Kim"), cue=sp("called"), content=[sp("rushed")],
            kind="indirect", sentence=0, cue_class="distancing",
        ))
    return sayso.Document(text, attributions=attributions, hedges=[])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--max-chars", type=int, default=2_000_000)
    parser.add_argument("--only", default="")
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()

    cases: list[tuple[str, int, Callable[[int], sayso.Document]]] = [
        ("example article, repeated (chars)", 10_000_000, lambda n: sayso.analyze(_article(n))),
        ("nested attributions (chars)", 10_000_000, _nested),
    ]
    for row in TABLE:
        cases.append((row.name, row.full, lambda n, make=row.make: sayso.analyze(make(n))))

    worst = 0.0
    print(f"{'input':45} {'10n':>9} {'marks':>7} {'render':>8} {'ratio':>6} {'displacy':>9} {'ratio':>6}")
    for name, full, build in cases:
        if args.only and args.only not in name:
            continue
        big = max(10, min(full, args.max_chars))
        small_doc, big_doc = build(big // 10), build(big)
        marks = len(big_doc.attributions)
        r_small = best_of(functools.partial(sayso.render, small_doc), args.repeats)
        r_big = best_of(functools.partial(sayso.render, big_doc), args.repeats)
        d_small = best_of(small_doc.to_displacy, args.repeats)
        d_big = best_of(big_doc.to_displacy, args.repeats)
        r_ratio = r_big / max(r_small, 1e-6)
        d_ratio = d_big / max(d_small, 1e-6)
        worst = max(worst, r_ratio, d_ratio)
        print(f"{name[:45]:45} {big:>9} {marks:>7} {r_big:>7.3f}s {r_ratio:>6.1f} "
              f"{d_big:>8.3f}s {d_ratio:>6.1f}")
    print(f"worst ratio {worst:.1f} (linear is about 10, limit {LIMIT})")
    return 0 if worst <= LIMIT else 1


if __name__ == "__main__":
    sys.exit(main())
