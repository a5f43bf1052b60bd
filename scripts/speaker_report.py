"""How often pronoun and description sources resolve to a named speaker, on PolNeAR dev.

    SAYSO_SHARED=/path/to/shared python scripts/speaker_report.py [--show 50] [--seed 4]
        [--pipeline]

By default the speaker stage runs on PolNeAR's gold attributions (sources, cues and content
given through ``sayso._sayso._analyze_attributions``), so it is measured on its own; with
``--pipeline`` it runs on what ``sayso.analyze`` finds instead.

A source is a *pronoun* when its first word is a personal, possessive or relative pronoun
(``he``, ``his comments``, ``who``), and a *description* when it starts with a determiner
and a lowercase noun (``the minister``, ``a spokesman for ...``, ``the company``). It
*resolves to a named speaker* when its speaker's name is a proper name from elsewhere in
the article (capitalised, not the source phrase itself, not starting with a determiner).

The report prints the shares per class, then ``--show`` random resolved cases with the
sentence before and the sentence holding the source, for a hand check of precision.
The data is research-only: the script reads it in place and writes nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import sayso
from sayso._sayso import _analyze_attributions

PRONOUNS = {
    "he", "him", "his", "she", "her", "hers", "they", "them", "their", "it", "its",
    "who", "whom", "whose", "which", "that", "i", "me", "my", "we", "us", "our", "you", "your",
}  # fmt: skip
DETERMINERS = {"the", "a", "an", "this", "that", "these", "those", "another", "one", "some"}


def shared_dir() -> Path | None:
    beside = Path(__file__).resolve().parents[1].parent / "shared"
    for candidate in (beside, Path(os.environ.get("SAYSO_SHARED", "/nonexistent"))):
        if (candidate / "data" / "polnear.dev.jsonl").is_file():
            return candidate
    return None


def source_class(source: str) -> str | None:
    words = source.split()
    if not words:
        return None
    first = words[0].lower().strip("\"'“”‘’")
    if first in PRONOUNS:
        return "pronoun"
    if first in DETERMINERS and len(words) > 1 and words[1][:1].islower():
        return "description"
    return None


def is_named(speaker: sayso.Speaker | None, source: str) -> bool:
    if speaker is None:
        return False
    name = speaker.name
    first = name.split()[0].lower() if name.split() else ""
    return (
        name[:1].isupper()
        and first not in DETERMINERS
        and first not in PRONOUNS
        and name.strip() != source.strip()
    )


def sentence_context(doc: sayso.Document, start: int) -> str:
    idx = 0
    for i, s in enumerate(doc.sentences):
        if s.start <= start:
            idx = i
    before = doc.sentences[idx - 1].text if idx > 0 else ""
    return (before + " ‖ " + doc.sentences[idx].text) if doc.sentences else ""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", type=int, default=50)
    parser.add_argument("--seed", type=int, default=4)
    parser.add_argument("--pipeline", action="store_true")
    args = parser.parse_args()
    shared = shared_dir()
    if shared is None:
        print("../shared/data/polnear.dev.jsonl not found: set SAYSO_SHARED", file=sys.stderr)
        return 2
    totals: Counter[str] = Counter()
    named: Counter[str] = Counter()
    any_speaker: Counter[str] = Counter()
    cases: list[dict[str, Any]] = []
    with (shared / "data" / "polnear.dev.jsonl").open(encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            text = row["text"]
            if args.pipeline:
                doc = sayso.analyze(text)
            else:
                rels = [
                    (
                        tuple(a["source"]) if a["source"] else None,
                        tuple(a["cue"]),
                        [tuple(c) for c in a.get("content_fragments") or []],
                    )
                    for a in row["attributions"]
                    if a.get("cue")
                ]
                doc = _analyze_attributions(text, rels)  # type: ignore[arg-type]
            for a in doc.attributions:
                if a.source is None:
                    continue
                cls = source_class(a.source.text)
                if cls is None:
                    continue
                totals[cls] += 1
                if a.speaker is not None:
                    any_speaker[cls] += 1
                if is_named(a.speaker, a.source.text):
                    named[cls] += 1
                    cases.append(
                        {
                            "doc": row["id"],
                            "class": cls,
                            "source": a.source.text,
                            "speaker": a.speaker.name if a.speaker else None,
                            "kind": a.speaker.kind if a.speaker else None,
                            "confidence": a.speaker_confidence,
                            "context": sentence_context(doc, a.source.start),
                        }
                    )
    mode = "sayso.analyze attributions" if args.pipeline else "gold attributions"
    print(f"PolNeAR dev, {mode}")
    for cls in ("pronoun", "description"):
        n = totals[cls]
        if n:
            print(
                f"  {cls:12s} sources {n:5d}  any speaker {any_speaker[cls] / n:6.1%}"
                f"  named speaker {named[cls]:5d} = {named[cls] / n:6.1%}"
            )
    n = sum(totals.values())
    if n:
        print(f"  {'both':12s} sources {n:5d}  named speaker {sum(named.values()) / n:6.1%}")
    random.Random(args.seed).shuffle(cases)
    print(f"\n{min(args.show, len(cases))} resolved cases for a hand check (seed {args.seed}):")
    for i, c in enumerate(cases[: args.show], 1):
        ctx = c["context"]
        if len(ctx) > 400:
            ctx = "…" + ctx[-400:]
        print(
            f"\n[{i}] {c['class']} {c['source'][:60]!r} -> {c['speaker']!r} ({c['kind']},"
            f" conf {c['confidence']:.2f})  {c['doc']}\n    {ctx}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
