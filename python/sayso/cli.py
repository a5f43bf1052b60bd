"""The ``sayso`` command line.

``sayso segment FILE`` prints the sentences of a text file, one a line. ``sayso analyze``
and ``sayso segment`` also stream JSON Lines: one JSON object in, one JSON object out,
order kept, the id carried, on all cores, in constant memory. See ``sayso COMMAND --help``.

Adding a command: write ``add_NAME(commands)`` that adds a subparser and sets
``run=function(args) -> exit code`` as its default, and list it in ``COMMANDS``.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from typing import IO, Any

import sayso
from sayso import _sayso
from sayso._batch import progress_bar
from sayso.evaluate import add_subcommand as add_evaluate

BATCH_LINES = 1000
"""Most input lines in one batch."""
BATCH_BYTES = 2 << 20
"""Most input bytes in one batch (a longer single line is still read whole)."""

AHEAD = 2
"""Batches submitted beyond the one being written, so the workers rarely wait for Python."""

FORMATS = ("auto", "jsonl", "lines", "text")
SEPARATORS = (",", ":")


class Stats:
    """Counts over a run: output records, failed ones, input bytes."""

    def __init__(self) -> None:
        self.records = 0
        self.failed = 0


# ---------------------------------------------------------------------------------------
# Input


def _open_input(path: str) -> IO[bytes]:
    if path == "-":
        return sys.stdin.buffer
    return open(path, "rb")


def _detect_format(path: str, f: IO[bytes]) -> str:
    """JSONL for `.jsonl`/`.ndjson` files or input whose first non-blank byte is `{`."""
    if path.lower().endswith((".jsonl", ".ndjson")):
        return "jsonl"
    peek = getattr(f, "peek", None)
    head = peek(256) if peek is not None else b""
    return "jsonl" if head.lstrip()[:1] == b"{" else "text"


def _batches(f: IO[bytes], max_lines: int) -> Iterator[list[bytes]]:
    """Lists of raw lines (terminators kept), at most `max_lines` or ~BATCH_BYTES each."""
    while True:
        lines: list[bytes] = []
        size = 0
        while len(lines) < max_lines and size < BATCH_BYTES:
            line = f.readline()
            if not line:
                break
            lines.append(line)
            size += len(line)
        if not lines:
            return
        yield lines


# ---------------------------------------------------------------------------------------
# Output


def _dumps(obj: dict[str, Any]) -> bytes:
    """One JSON line; texts holding lone surrogates are written with escapes."""
    try:
        return (json.dumps(obj, ensure_ascii=False, separators=SEPARATORS) + "\n").encode("utf-8")
    except UnicodeEncodeError:
        return (json.dumps(obj, separators=SEPARATORS) + "\n").encode("ascii")


def _result_record(task: str, analyzer: sayso.Analyzer, text: str) -> dict[str, Any]:
    if task == "analyze":
        data: dict[str, Any] = analyzer.analyze(text).to_dict()
        return data
    spans = analyzer.segment(text)
    return {"sentences": [{"start": s.start, "end": s.end, "text": s.text} for s in spans]}


def _json_type(value: object) -> str:
    names = {dict: "an object", list: "an array", str: "a string", bool: "a boolean"}
    if value is None:
        return "null"
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return "a number"
    return names.get(type(value), type(value).__name__)


def _retry_line(
    raw: bytes, line_no: int, args: argparse.Namespace, fmt: str, analyzer: sayso.Analyzer
) -> tuple[bytes, bool]:
    """A line the native reader refused (bad UTF-8, lone surrogate escapes, not JSON),
    read by Python's more lenient reader: `(record, failed)`."""
    record: dict[str, Any] = {"line": line_no, "id": None}
    if fmt == "lines":
        text = raw.removesuffix(b"\n").removesuffix(b"\r").decode("utf-8", "surrogateescape")
        return _dumps({**record, **_result_record(args.command, analyzer, text)}), False
    try:
        value = json.loads(raw)
    except ValueError as exc:
        return _dumps({**record, "error": f"not JSON: {exc}"}), True
    if not isinstance(value, dict):
        return _dumps({**record, "error": f"expected a JSON object, got {_json_type(value)}"}), True
    record["id"] = value.get(args.id_field)
    field = value.get(args.text_field)
    if args.text_field not in value:
        return _dumps({**record, "error": f'no "{args.text_field}" field'}), True
    if not isinstance(field, str):
        error = f'"{args.text_field}" is {_json_type(field)}, not a string'
        return _dumps({**record, "error": error}), True
    return _dumps({**record, **_result_record(args.command, analyzer, field)}), False


# ---------------------------------------------------------------------------------------
# Running


def _fileno(out: IO[bytes]) -> int | None:
    """The descriptor the native side may write `out`'s lines to directly, or None (not a
    POSIX system, or `out` is no OS file: a BytesIO, a captured stream)."""
    if os.name != "posix" or not hasattr(_sayso._PendingLines, "write_to"):
        return None
    try:
        return out.fileno()
    except (AttributeError, OSError, ValueError):  # io.UnsupportedOperation is an OSError
        return None


def _stream(
    f: IO[bytes],
    fmt: str,
    args: argparse.Namespace,
    analyzer: sayso.Analyzer,
    out: IO[bytes],
    first_line: int,
    stats: Stats,
    on_batch: Callable[[int, int], None],
) -> int:
    """Process `f` line by line; returns the number of the next line. The native side
    works on the next AHEAD batches while one batch is written and another read. Output
    lines go from the workers' buffers straight to `out`'s descriptor when it has one."""
    text_field = args.text_field if fmt == "jsonl" else None
    line_no = first_line
    in_flight: deque[tuple[Any, list[bytes], int]] = deque()
    fd = _fileno(out)

    def finish(job: Any, lines: list[bytes], first: int) -> None:
        def retry(index: int) -> tuple[bytes, bool]:
            return _retry_line(lines[index], first + index, args, fmt, analyzer)

        if fd is not None:
            out.flush()  # what Python wrote before goes first
            records, failed = job.write_to(fd, retry)
        else:
            chunks, records, failed = job.results()
            for chunk in chunks:
                if isinstance(chunk, bytes):
                    out.write(chunk)
                else:
                    record, bad = retry(chunk)
                    out.write(record)
                    records += 1
                    failed += bad
        stats.records += records
        stats.failed += failed
        on_batch(job.nbytes, records)

    for lines in _batches(f, args.batch_size):
        job = _sayso._submit_lines(
            analyzer,
            lines,
            first_line=line_no,
            task=args.command,
            text_field=text_field,
            id_field=args.id_field,
            threads=args.threads,
        )
        in_flight.append((job, lines, line_no))
        line_no += len(lines)
        if len(in_flight) > AHEAD:
            finish(*in_flight.popleft())
    while in_flight:
        finish(*in_flight.popleft())
    return line_no


def _whole_file(
    path: str, f: IO[bytes], args: argparse.Namespace, analyzer: sayso.Analyzer, out: IO[bytes]
) -> None:
    """A plain text file is one document, read whole."""
    text = f.read().decode("utf-8", "surrogateescape")
    if args.command == "segment" and not args.jsonl:
        for span in analyzer.segment(text):
            out.write(span.text.replace("\n", " ").encode("utf-8", "surrogateescape") + b"\n")
        return
    out.write(_dumps({"id": path, **_result_record(args.command, analyzer, text)}))


def _total_size(paths: list[str]) -> int | None:
    try:
        return sum(os.path.getsize(p) for p in paths) if "-" not in paths else None
    except OSError:
        return None


def _run_stream(args: argparse.Namespace) -> int:
    try:
        _sayso._resolve_threads(args.threads)  # a bad SAYSO_THREADS fails before any output
    except ValueError as exc:
        print(f"sayso: {exc}", file=sys.stderr)
        return 2
    analyzer = sayso.Analyzer()
    paths: list[str] = args.files or ["-"]
    for path in paths:
        if path != "-" and not os.path.isfile(path):
            print(f"sayso: {path}: no such file", file=sys.stderr)
            return 2
    stats = Stats()
    bar = progress_bar(args.progress, unit="B", total=_total_size(paths))

    def on_batch(nbytes: int, records: int) -> None:
        if bar is not None:
            bar.update(nbytes)
            bar.set_postfix_str(f"{stats.records} docs", refresh=False)

    with contextlib.ExitStack() as stack:
        out: IO[bytes] = (
            stack.enter_context(open(args.output, "wb")) if args.output else sys.stdout.buffer
        )
        if bar is not None:
            stack.callback(bar.close)
        try:
            line_no = 1
            for path in paths:
                with contextlib.ExitStack() as inputs:
                    f = _open_input(path)
                    if f is not sys.stdin.buffer:
                        inputs.enter_context(f)
                    fmt = args.format if args.format != "auto" else _detect_format(path, f)
                    if fmt == "text":
                        _whole_file(path, f, args, analyzer, out)
                        stats.records += 1
                    else:
                        line_no = _stream(f, fmt, args, analyzer, out, line_no, stats, on_batch)
            out.flush()
        except BrokenPipeError:
            # The reader went away (`sayso analyze big.jsonl | head`): stop quietly.
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            return 0
    if stats.failed:
        print(
            f"sayso: {stats.failed} of {stats.records} records failed "
            "(see the lines with an \"error\" key in the output)",
            file=sys.stderr,
        )
        return 1
    return 0


# ---------------------------------------------------------------------------------------
# Commands

STREAM_EPILOG = """\
input formats (--format):
  text   each FILE is one document, read whole (the default for files that do not
         look like JSON Lines)
  jsonl  one JSON object per line, the text under --text-field and an optional id under
         --id-field (the default for *.jsonl, *.ndjson, and input starting with '{')
  lines  each line of plain text is one document

output: JSON Lines, one object per input record, in input order, each with "line" (the
input line number, counted over all FILEs as if concatenated; blank JSONL lines are
skipped) and "id" (the record's id, or null). analyze writes the layout of
sayso.Document.to_dict() (offsets are Python str indices), segment writes "sentences". A
record that cannot be read (not JSON, no text field, text not a string) gives
{"line": N, "id": ..., "error": "why"}; the run goes on and exits with status 1 at the
end. A text FILE gives {"id": FILE, ...}; `sayso segment FILE.txt` prints its sentences,
one a line, unless --jsonl.

threads: --threads, else $SAYSO_THREADS, else the cores available.
"""


def _add_stream_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("files", nargs="*", metavar="FILE", help="input files ('-' or none: stdin)")
    p.add_argument("--format", choices=FORMATS, default="auto", help="input format (see below)")
    p.add_argument("--text-field", default="text", metavar="KEY",
                   help="JSONL key of the text (default: text)")
    p.add_argument("--id-field", default="id", metavar="KEY",
                   help="JSONL key of the id carried to the output (default: id)")
    p.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")
    p.add_argument("--threads", type=int, metavar="N",
                   help="threads to use (default: $SAYSO_THREADS or all cores)")
    p.add_argument("--batch-size", type=int, default=BATCH_LINES, metavar="N",
                   help=f"lines per batch (default: {BATCH_LINES})")
    p.add_argument("--progress", action="store_true",
                   help="show a progress bar on stderr (needs tqdm)")


def add_segment(commands: Any) -> None:
    p = commands.add_parser(
        "segment", help="the sentences of each text or record",
        description="Split texts into sentences.", epilog=STREAM_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _add_stream_options(p)
    p.add_argument("--jsonl", action="store_true",
                   help="for a text FILE, write JSON Lines instead of one sentence a line")
    p.set_defaults(run=_run_stream)


def add_analyze(commands: Any) -> None:
    p = commands.add_parser(
        "analyze", help="sentences, quotes, attributions and speakers as JSON Lines",
        description="Analyze texts: sentences, quotes, who said what.", epilog=STREAM_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _add_stream_options(p)
    p.set_defaults(run=_run_stream, jsonl=True)


def _cmd_render(args: argparse.Namespace) -> int:
    if args.file == "-":
        text = sys.stdin.buffer.read().decode("utf-8", "surrogateescape")
    else:
        with open(args.file, encoding="utf-8", errors="surrogateescape") as f:
            text = f.read()
    sys.stdout.buffer.write(sayso.render(sayso.analyze(text)).encode("utf-8"))
    return 0


def add_render(commands: Any) -> None:
    p = commands.add_parser("render", help="print FILE as a standalone HTML page: who said what")
    p.add_argument("file", metavar="FILE", help="a text file ('-' for stdin)")
    p.set_defaults(run=_cmd_render)


COMMANDS: list[Callable[[Any], None]] = [add_segment, add_analyze, add_evaluate, add_render]
"""Each adds one subcommand; new commands (evaluate, render, ...) go here."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="sayso", description="Sentences and attributions (who said what) in news text."
    )
    parser.add_argument("--version", action="version", version=f"sayso {sayso.__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for add in COMMANDS:
        add(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if getattr(args, "batch_size", 1) < 1:
        print("sayso: --batch-size must be at least 1", file=sys.stderr)
        return 2
    code: int = args.run(args)
    return code


if __name__ == "__main__":
    sys.exit(main())
