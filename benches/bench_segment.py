"""Benchmark: ``sayso.segment`` against sentencex 1.0.32, in the same run, and peak memory.

    maturin develop --release && pip install sentencex==1.0.32
    SAYSO_SHARED=/path/to/shared python benches/bench_segment.py [--mb 20] [--runs 3]

1. Throughput: one string of >= ``--mb`` MB (10^6 UTF-8 bytes) of varied English text, built
   from the shared dev documents (UD GUM dev, UD EWT dev, GUM news: 15 genres) repeated,
   paragraphs joined by a blank line. ``sayso.segment(text)`` (the full Python call: str in,
   list of Span with str offsets and texts out) against sentencex's ``segment("en", text)``,
   median of ``--runs`` timed runs after a warm-up, each on new ``str`` objects (made
   untimed, as a program reading texts has: see ``new_object``), MB/s and the ratio, both by CPU time of
   the process (robust when other jobs share the machine) and by wall time. Both are also run on
   the documents one by one (the per-article case), which adds per-call overhead. The issue's
   goal: sayso >= 2x sentencex.
2. Peak memory while segmenting a 50 MB string (the corpus repeated), measured in a fresh
   child process as the growth of peak RSS over the process before the call (Linux: the
   peak reset just before it, so the text's building does not hide it; else ``ru_maxrss``),
   printed as a multiple of the input size. The issue's goal: <= 10x.

Needs ../shared/data (or $SAYSO_SHARED); prints a message and exits 0 when it is absent.
Timings depend on the machine and its load: this is a benchmark, never a test.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from shared_data import shared_dir

SETS = ("ud_gum_dev", "ud_ewt_dev", "gum_news_traindev")


def documents(shared: Path) -> list[str]:
    docs: list[str] = []
    for name in SETS:
        with (shared / "data" / f"{name}.jsonl").open(encoding="utf-8") as f:
            docs.extend(json.loads(line)["text"] for line in f if line.strip())
    return docs


def build(docs: list[str], min_mb: float) -> tuple[str, list[str]]:
    """One text of at least ``min_mb`` MB, and the documents it is made of."""
    parts: list[str] = []
    size = 0
    while size < min_mb * 1e6:
        for d in docs:
            parts.append(d)
            size += len(d.encode("utf-8")) + 2
    return "\n\n".join(parts), parts


def new_object(text: str) -> str:
    """``text`` as a new ``str`` object. A ``str`` keeps what it was once asked for (CPython
    caches a str's UTF-8 inside the object; sayso asked for it until session 14), so timing
    the same object again times what a user's fresh text never has."""
    return (text + " ")[:-1]


def median_time(
    run: Callable[[str, list[str]], object],
    text: str,
    parts: list[str],
    runs: int,
    clock: Callable[[], float],
) -> float:
    """Median time of ``runs`` runs of ``run`` after a warm-up, each on new ``str`` objects
    of ``text`` and ``parts`` (made outside the timing)."""
    run(text, parts)  # warm-up
    times = []
    for _ in range(runs):
        fresh_text, fresh_parts = new_object(text), [new_object(p) for p in parts]
        t0 = clock()
        run(fresh_text, fresh_parts)
        times.append(clock() - t0)
    return statistics.median(times)


MEMORY_CHILD = r"""
import resource, sys
import sayso
sys.path.insert(0, {bench!r})
from bench_segment import build, documents
from pathlib import Path
text, parts = build(documents(Path({shared!r})), {mb})
size = sum(len(p.encode("utf-8")) for p in parts) + 2 * (len(parts) - 1)
del parts
sayso.segment("warm up. Yes.")

def status(key):
    with open("/proc/self/status") as f:
        return next(int(l.split()[1]) * 1024 for l in f if l.startswith(key))

try:
    # The peak since now (Linux: writing 5 to clear_refs resets VmHWM to the current RSS),
    # so that what building the text took does not hide the call's own peak.
    with open("/proc/self/clear_refs", "w") as f:
        f.write("5")
    before = status("VmRSS:")
    spans = sayso.segment(text)
    after = status("VmHWM:")
except OSError:
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    spans = sayso.segment(text)
    after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
print(size, after - before, len(spans))
"""


def peak_memory(shared: Path, mb: float) -> None:
    code = MEMORY_CHILD.format(bench=str(Path(__file__).parent), shared=str(shared), mb=mb)
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.split()
    size, grown, n = int(out[0]), max(0, int(out[1])), int(out[2])
    print(
        f"peak memory, one {size / 1e6:.1f} MB string: RSS grew {grown / 1e6:.1f} MB "
        f"= {grown / size:.2f}x the input ({n:,} sentences; goal <= 10x)"
    )


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--mb", type=float, default=20.0, help="size of the text (MB)")
    ap.add_argument("--runs", type=int, default=3, help="timed runs (median)")
    ap.add_argument("--memory-mb", type=float, default=50.0, help="size for the memory check")
    a = ap.parse_args()
    shared = shared_dir()
    if shared is None:
        print("bench_segment: ../shared/data not found (set SAYSO_SHARED); nothing measured.")
        return 0
    import sayso

    try:
        import sentencex
    except ImportError:
        print("bench_segment: sentencex is not installed (pip install sentencex==1.0.32).")
        return 0

    text, parts = build(documents(shared), a.mb)
    mb = len(text.encode("utf-8")) / 1e6
    ascii_share = sum(c.isascii() for c in parts) / len(parts)
    print(f"text: {mb:.1f} MB, {len(parts):,} documents ({ascii_share:.0%} pure ASCII)")

    def sx_whole(text: str, parts: list[str]) -> object:
        return list(sentencex.segment("en", text))

    def sy_whole(text: str, parts: list[str]) -> object:
        return sayso.segment(text)

    def sx_docs(text: str, parts: list[str]) -> object:
        return [list(sentencex.segment("en", d)) for d in parts]

    def sy_docs(text: str, parts: list[str]) -> object:
        return [sayso.segment(d) for d in parts]

    print(f"{'':40s} {'sentencex':>10s} {'sayso':>10s} {'ratio':>7s}")
    for label, sx, sy in (
        ("one string", sx_whole, sy_whole),
        ("document by document", sx_docs, sy_docs),
    ):
        for clock_name, clock in (("CPU", time.process_time), ("wall", time.perf_counter)):
            t_sx = median_time(sx, text, parts, a.runs, clock)
            t_sy = median_time(sy, text, parts, a.runs, clock)
            name = f"{label}, MB/s of {clock_name} time"
            print(f"{name:40s} {mb / t_sx:10.1f} {mb / t_sy:10.1f} {t_sx / t_sy:6.2f}x")
    peak_memory(shared, a.memory_mb)
    return 0


if __name__ == "__main__":
    sys.exit(main())
