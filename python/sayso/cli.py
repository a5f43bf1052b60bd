"""The ``sayso`` command line."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

import sayso
from sayso.evaluate import add_subcommand as _add_evaluate


def _read(path: str) -> str:
    if path == "-":
        return sys.stdin.read()
    with open(path, encoding="utf-8", errors="surrogateescape") as f:
        return f.read()


def _cmd_segment(args: argparse.Namespace) -> int:
    for path in args.files or ["-"]:
        text = _read(path)
        for span in sayso.segment(text):
            if args.json:
                print(json.dumps({"start": span.start, "end": span.end, "text": span.text},
                                 ensure_ascii=False))
            else:
                print(span.text.replace("\n", " "))
    return 0


def _cmd_analyze(args: argparse.Namespace) -> int:
    for path in args.files or ["-"]:
        doc = sayso.analyze(_read(path))
        print(doc.to_json())
    return 0


def _cmd_render(args: argparse.Namespace) -> int:
    sys.stdout.buffer.write(sayso.render(sayso.analyze(_read(args.file))).encode("utf-8"))
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="sayso", description="Sentences and attributions (who said what) in news text."
    )
    parser.add_argument("--version", action="version", version=f"sayso {sayso.__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    seg = sub.add_parser("segment", help="print the sentences of each FILE, one a line")
    seg.add_argument("files", nargs="*", metavar="FILE", help="text files ('-' for stdin)")
    seg.add_argument("--json", action="store_true", help="one JSON object per sentence")
    seg.set_defaults(run=_cmd_segment)
    ana = sub.add_parser("analyze", help="print the analysis of each FILE as JSON")
    ana.add_argument("files", nargs="*", metavar="FILE", help="text files ('-' for stdin)")
    ana.set_defaults(run=_cmd_analyze)
    _add_evaluate(sub)
    ren = sub.add_parser("render", help="print FILE as a standalone HTML page: who said what")
    ren.add_argument("file", metavar="FILE", help="a text file ('-' for stdin)")
    ren.set_defaults(run=_cmd_render)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    code: int = args.run(args)
    return code


if __name__ == "__main__":
    sys.exit(main())
