"""Sentence segmentation: sayso against every parser-free peer, accuracy and speed, one run.

    maturin develop --release
    pip install sentencex==1.0.32 pysbd==0.3.4 blingfire==0.1.8 spacy==3.8.18
    SAYSO_SHARED=/path/to/shared python benches/peers_segment.py [--runs 3]

For each segmenter that is installed (the others are listed as skipped):

- accuracy with the shared scorer (``../shared/data/score_segmentation.py``, imported, so the
  figures are the scorer's own): Golden Rules and pragmatic_segmenter cases passed, boundary
  F1 on UD GUM dev, UD EWT dev and GUM news;
- speed: the documents of the three boundary sets segmented one by one, as an article
  pipeline calls it, MB/s (UTF-8) by the process's CPU time, median of ``--runs`` after a
  warm-up; each segmenter's call returns what a user needs to slice the text (spans, or the
  sentence strings for the peers whose API gives only those).

The peers: sentencex (``segment("en", text)``), pySBD (``Segmenter(language="en",
clean=False, char_span=False)``), blingfire (``text_to_sentences_and_offsets``) and spaCy's
rule-based ``sentencizer`` in a blank English pipeline (no model download; spaCy's parser
models are the parser-based class this project is a thousand times faster than, and need a
download). blingfire's spans come from its Python wrapper, which maps the C library's UTF-8
offsets to str indices in Python: that, not the C library, sets its speed here (its
strings-only ``text_to_sentences`` ran at about 33 MB/s on this machine). Needs ../shared/data (or $SAYSO_SHARED); prints a message and exits 0 when it is
absent. Timings depend on the machine and its load: this is a benchmark, never a test.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import statistics
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from types import ModuleType

import sayso
from shared_data import shared_dir

RULE_SETS = ("golden_rules_en", "ps_spec_en_extra")
DOC_SETS = ("ud_gum_dev", "ud_ewt_dev", "gum_news_traindev")

Segment = Callable[[str], Iterable[object]]


def _sayso() -> Segment:
    return sayso.segment


def _sentencex() -> Segment:
    from sentencex import segment

    return lambda text: list(segment("en", text))


def _pysbd() -> Segment:
    import pysbd

    seg = pysbd.Segmenter(language="en", clean=False, char_span=False)
    return seg.segment  # type: ignore[no-any-return]


def _blingfire() -> Segment:
    import blingfire

    def run(text: str) -> list[tuple[int, int]]:
        # The Python wrapper maps the library's UTF-8 offsets to str indices itself.
        if not text.strip():
            return []
        return list(blingfire.text_to_sentences_and_offsets(text)[1])

    return run


def _spacy() -> Segment:
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.max_length = 10**9
    return lambda text: [(s.start_char, s.end_char) for s in nlp(text).sents]


PEERS: dict[str, Callable[[], Segment]] = {
    "sayso": _sayso,
    "sentencex 1.0.32": _sentencex,
    "pySBD 0.3.4": _pysbd,
    "blingfire 0.1.8": _blingfire,
    "spaCy 3.8 sentencizer": _spacy,
}


def load_scorer(shared: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "score_segmentation", shared / "data" / "score_segmentation.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def accuracy(scorer: ModuleType, data: Path, fn: Segment) -> list[str]:
    """The scorer's figure for each set, as the README's table prints them."""
    cells = []
    for name in RULE_SETS:
        cases = scorer.read(name, str(data))
        if name == "ps_spec_en_extra":  # the scorer's own filter: pure segmentation cases
            cases = [
                c
                for c in cases
                if scorer.norm("".join(c["sentences"])).replace(" ", "")
                == scorer.norm(c["text"]).replace(" ", "")
            ]
        ok, n, _ = scorer.score_rules(fn, cases, 0)
        cells.append(f"{ok}/{n}")
    for name in DOC_SETS:
        _, _, f1, _, _ = scorer.score_docs(fn, scorer.read(name, str(data)), 0)
        cells.append(f"{100 * f1:.1f}")
    return cells


def speed(fn: Segment, docs: list[str], runs: int) -> float:
    """MB/s (UTF-8) by CPU time, documents one by one, median of ``runs`` after a warm-up."""
    size = sum(len(d.encode("utf-8")) for d in docs) / 1e6

    def once() -> float:
        t = time.process_time()
        for d in docs:
            fn(d)
        return time.process_time() - t

    once()
    return size / statistics.median(once() for _ in range(runs))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args(argv)
    shared = shared_dir()
    if shared is None:
        print("../shared/data not found (or $SAYSO_SHARED): skipped")
        return 0
    data = shared / "data"
    scorer = load_scorer(shared)
    docs = [
        json.loads(line)["text"]
        for name in DOC_SETS
        for line in (data / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    header = ["segmenter", "Golden Rules", "PS extras", "GUM dev F1", "EWT dev F1", "GUM news F1"]
    header.append("MB/s (CPU)")
    rows = []
    for name, make in PEERS.items():
        try:
            fn = make()
        except ImportError as e:
            print(f"{name}: not installed ({e}); skipped")
            continue
        rows.append([name, *accuracy(scorer, data, fn), f"{speed(fn, docs, args.runs):.1f}"])
    print(f"documents for speed: {len(docs)}, "
          f"{sum(len(d.encode('utf-8')) for d in docs) / 1e6:.1f} MB, one call per document")
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    for row in rows:
        print("| " + " | ".join(row) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
