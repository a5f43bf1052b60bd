"""Benchmark: ``analyze_many`` on 2 threads against 1, and the command line on a big JSONL.

    maturin develop --release
    SAYSO_SHARED=/path/to/shared python benches/bench_batch.py [--mb 20] [--cli-mb 1000]
   (``--cli-mb 0`` runs part 1 alone)

1. ``analyze_many`` over >= ``--mb`` MB of news text (PolNeAR train articles, repeated until
   the size is reached; needs ../shared/data, skipped with a message when absent) with
   ``threads=1`` and ``threads=2``: median of ``--runs`` timed runs after a warm-up (the
   1- and 2-thread runs alternate), MB/s (10^6 UTF-8 bytes of text) and the speed-up. The
   issue's goal: >= 1.8x on 2 cores. The consumer reads every attribution (``a.source,
   a.cue, a.content``), as a user does: a ``Document`` builds its lists on first access, so
   handing out documents alone would cost the calling thread almost nothing. The figures
   with nothing read follow.
2. ``sayso analyze FILE.jsonl -o /dev/null`` on a JSONL file of ``--cli-mb`` MB (the same
   articles with ids, written to a temporary file first) in a child process, median of
   ``--runs`` runs: input MB/s,
   its CPU time (user + system, all threads, start-up included: printed alone too) and its
   peak resident memory (``wait4``'s ``ru_maxrss``). Compared with ``analyze_many`` (default
   threads) on the in-memory texts of part 1, by wall time and by MB per CPU-second (what
   the machine's load does not skew). The issue's goals: throughput within 20% of
   ``analyze_many``, peak memory <= 200 MB.

Timings depend on the machine and its load (printed first: on a loaded machine the 2-thread
figure means little); this is a benchmark, never a test.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import sayso
from shared_data import shared_dir


def articles() -> list[str] | None:
    shared = shared_dir()
    path = None if shared is None else shared / "data" / "polnear.train.jsonl"
    if path is None or not path.is_file():
        return None
    with path.open(encoding="utf-8") as f:
        return [json.loads(line)["text"] for line in f if line.strip()]


def repeat_to(texts: Sequence[str], min_mb: float) -> list[str]:
    out: list[str] = []
    size = 0
    while size < min_mb * 1e6:
        for text in texts:
            out.append(text)
            size += len(text.encode("utf-8", "surrogatepass"))
    return out


def mb(texts: Sequence[str]) -> float:
    return sum(len(t.encode("utf-8", "surrogatepass")) for t in texts) / 1e6


def median_times(
    runs: int, *jobs: Callable[[], object]
) -> list[tuple[float, float, float]]:
    """For each job: median wall time, CPU time of all threads, and CPU time of the calling
    thread. The jobs' runs alternate (1, 2, 1, 2, ...), so that a change in the machine's
    load during the measurement weighs on each alike."""
    for run in jobs:
        run()  # warm-up
    times: list[list[tuple[float, float, float]]] = [[] for _ in jobs]
    for _ in range(runs):
        for run, out in zip(jobs, times):
            start, cpu, main = time.perf_counter(), time.process_time(), time.thread_time()
            run()
            out.append(
                (
                    time.perf_counter() - start,
                    time.process_time() - cpu,
                    time.thread_time() - main,
                )
            )
    return [
        (
            statistics.median(t[0] for t in out),
            statistics.median(t[1] for t in out),
            statistics.median(t[2] for t in out),
        )
        for out in times
    ]


def median_time(run: Callable[[], object], runs: int) -> tuple[float, float, float]:
    """Median wall time, CPU time of all threads, and CPU time of the calling thread."""
    return median_times(runs, run)[0]


def consume(texts: Sequence[str], threads: int | None, read: bool = True) -> None:
    """What a consumer does: every document's attributions read (``a.source, a.cue,
    a.content``; a ``Document`` builds them on first access), or nothing when not ``read``."""
    failed = 0
    for result in sayso.analyze_many(texts, threads=threads):
        if isinstance(result, sayso.Failure):
            failed += 1
        elif read:
            for a in result.attributions:
                _ = (a.source, a.cue, a.content)
    if failed:
        print(f"  note: {failed} failures")


def bench_threads(texts: list[str], runs: int) -> tuple[float, float]:
    """Part 1; returns the default-threads throughput in MB/s and in MB per CPU-second."""
    size = mb(texts)
    print(f"1. analyze_many on {size:.1f} MB ({len(texts)} articles), median of {runs} runs,")
    print("   the consumer reading every attribution")
    (t1, c1, _), (t2, c2, m2) = median_times(
        runs, lambda: consume(texts, 1), lambda: consume(texts, 2)
    )
    print(f"   threads=1: {t1:7.2f} s  {size / t1:7.1f} MB/s  (CPU {c1:.2f} s)")
    print(f"   threads=2: {t2:7.2f} s  {size / t2:7.1f} MB/s  (CPU {c2:.2f} s, "
          f"of which the calling thread {m2:.2f} s)")
    ratio = t1 / t2
    print(f"   speed-up 2 vs 1 thread: {ratio:.2f}x  (goal >= 1.8x: {'met' if ratio >= 1.8 else 'NOT met'})")
    # What two idle cores would give: the workers' CPU time spread over both cores, or the
    # calling thread's serial share (building objects), whichever is longer.
    bound = c1 / max(c2 / 2, m2)
    print(f"   CPU-time bound on two idle cores: {bound:.2f}x (the calling thread does "
          f"{m2 / c2:.0%} of the work)")
    (b1, _, _), (b2, _, _) = median_times(
        runs, lambda: consume(texts, 1, read=False), lambda: consume(texts, 2, read=False)
    )
    print(f"   nothing read: threads=1 {size / b1:7.1f} MB/s, threads=2 {size / b2:7.1f} MB/s, "
          f"speed-up {b1 / b2:.2f}x")
    tdef, cdef, _ = median_time(lambda: consume(texts, None), runs)
    print(f"   default threads ({sayso._sayso._resolve_threads()}): {size / tdef:7.1f} MB/s "
          f"({size / cdef:.1f} MB per CPU-second)")
    return size / tdef, size / cdef


def write_jsonl(path: Path, texts: Sequence[str], min_mb: float) -> float:
    size = 0
    i = 0
    with path.open("w", encoding="utf-8") as f:
        while size < min_mb * 1e6:
            for text in texts:
                line = json.dumps({"id": f"a{i}", "text": text}, ensure_ascii=False) + "\n"
                f.write(line)
                size += len(line.encode("utf-8", "surrogatepass"))
                i += 1
                if size >= min_mb * 1e6:
                    break
    return size / 1e6


def run_cli(path: Path) -> tuple[float, float, float, int]:
    """`sayso analyze path -o /dev/null` in a child: wall s, CPU s (user + system, all
    threads), peak RSS in MB, exit code."""
    start = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, "-m", "sayso.cli", "analyze", str(path), "-o", os.devnull]
    )
    _, status, usage = os.wait4(child.pid, 0)
    elapsed = time.perf_counter() - start
    cpu = usage.ru_utime + usage.ru_stime
    # ru_maxrss is in KiB on Linux.
    return elapsed, cpu, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status)


def bench_cli(
    texts: Sequence[str], cli_mb: float, reference: float, reference_cpu: float, runs: int
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "articles.jsonl"
        size = write_jsonl(path, texts, cli_mb)
        print(f"2. sayso analyze on a {size:.0f} MB JSONL file, output to /dev/null, "
              f"median of {runs} runs")
        results = [run_cli(path) for _ in range(runs)]
        empty = Path(tmp) / "empty.jsonl"
        empty.write_text('{"text": "Hi."}\n', encoding="utf-8")
        _, startup, _, _ = run_cli(empty)
    elapsed = statistics.median(r[0] for r in results)
    cpu = statistics.median(r[1] for r in results)
    peak = max(r[2] for r in results)
    codes = sorted({r[3] for r in results})
    rate = size / elapsed
    print(f"   {elapsed:7.2f} s  {rate:7.1f} MB/s (exit {codes}); analyze_many: {reference:.1f} MB/s")
    ratio = rate / reference
    print(f"   CLI / analyze_many throughput: {ratio:.2f}  (goal >= 0.8: {'met' if ratio >= 0.8 else 'NOT met'})")
    # On a shared machine wall time lies; CPU time says what two idle cores would give when
    # the workers are kept busy (both sides run 2 threads and keep them busy).
    print(f"   CPU time: CLI {cpu:.2f} s = {size / cpu:.1f} MB per CPU-second (start-up alone "
          f"{startup:.2f} s); analyze_many {reference_cpu:.1f}; ratio {size / cpu / reference_cpu:.2f}")
    print(f"   CLI peak memory (highest run): {peak:.0f} MB  "
          f"(goal <= 200 MB: {'met' if peak <= 200 else 'NOT met'})")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mb", type=float, default=20.0, help="MB of text for part 1")
    parser.add_argument(
        "--cli-mb", type=float, default=1000.0, help="MB of JSONL for part 2 (0: skip it)"
    )
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    base = articles()
    if base is None:
        print("skipped: ../shared/data/polnear.train.jsonl is absent (set SAYSO_SHARED)")
        return 0
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"sayso {sayso.__version__}, {os.cpu_count()} cores, load average {load}")
    reference, reference_cpu = bench_threads(repeat_to(base, args.mb), args.runs)
    if args.cli_mb > 0:
        bench_cli(base, args.cli_mb, reference, reference_cpu, args.runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
