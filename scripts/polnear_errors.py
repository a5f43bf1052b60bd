"""Show what sayso misses and invents on PolNeAR **train**, with sentence context.

    SAYSO_SHARED=/path/to/shared python scripts/polnear_errors.py [-n 20] [--seed 0]
        [--show missed,partial,spurious] [--kinds direct,mixed,indirect] [--doc ID] [--limit K]

Samples N train documents (dev is kept for measuring), runs ``sayso.analyze`` and matches
its attributions to the gold ones the way the scorer's triple-overlap does. Then prints:

- MISSED: a gold attribution no prediction touches (no predicted cue overlaps its cue);
- PARTIAL: a gold attribution whose cue a prediction found, but with a wrong source or
  content (the failing roles are named);
- SPURIOUS: a prediction that matches no gold attribution and shares no cue with one;

each with its sentences, roles marked ``[S source]``, ``[C cue]``, ``[Q content]`` (gold) or
``{S ...}``, ``{C ...}``, ``{Q ...}`` (sayso). A summary ends the output: counts, recall by
kind, and the cue words missed and invented most often, so rules can be improved from train.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
from collections import Counter
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import sayso
from sayso.evaluate import attributions_to_gold_format, match_triples, score, trim

Span = tuple[int, int]
Att = Mapping[str, Any]
ROLES = ("source", "cue", "content")
WINDOW = 300  # characters of context kept on each side of the attribution at most


def shared_dir() -> Path | None:
    """../shared beside the repository, else $SAYSO_SHARED."""
    beside = Path(__file__).resolve().parents[1].parent / "shared"
    for candidate in (beside, Path(os.environ.get("SAYSO_SHARED", "/nonexistent"))):
        if (candidate / "data" / "polnear.train.jsonl").is_file():
            return candidate
    return None


def units(att: Att, role: str) -> list[Span]:
    if role == "content" and att.get("content_fragments"):
        return [(int(s), int(e)) for s, e in att["content_fragments"]]
    span = att.get(role)
    return [] if span is None else [(int(span[0]), int(span[1]))]


def overlaps(a: Span, b: Span) -> bool:
    return min(a[1], b[1]) > max(a[0], b[0])


def role_fits(text: str, gold: Att, pred: Att, role: str) -> bool:
    g = [trim(text, u) for u in units(gold, role)]
    p = [trim(text, u) for u in units(pred, role)]
    if not g or not p:
        return not g and not p
    return any(overlaps(a, b) for a in g for b in p)


def context(text: str, sentences: Sequence[Span], atts: Sequence[tuple[Att, str]]) -> str:
    """The sentences around every role of ``atts``, each role marked with its brackets."""
    spans = [u for a, _ in atts for r in ROLES for u in units(a, r)]
    lo = min(s for s, _ in spans)
    hi = max(e for _, e in spans)
    start = next((s for s, e in sentences if s <= lo < e), lo)
    end = next((e for s, e in sentences if s < hi <= e), hi)
    start, end = max(start, lo - WINDOW), min(end, hi + WINDOW)
    marks: list[tuple[int, int, str]] = []  # (position, order, mark)
    for att, style in atts:
        open_, close = ("[", "]") if style == "gold" else ("{", "}")
        for role, letter in zip(ROLES, "SCQ"):
            for s, e in units(att, role):
                marks.append((s, 1, f"{open_}{letter} "))
                marks.append((e, 0, close))
    out = []
    pos = start
    for at, _, mark in sorted(marks):
        at = min(max(at, start), end)
        out.append(text[pos:at])
        out.append(mark)
        pos = at
    out.append(text[pos:end])
    shown = "".join(out).replace("\n\n", " ¶ ").replace("\n", " ")
    return ("…" if start > 0 else "") + shown + ("…" if end < len(text) else "")


def cue_words(text: str, att: Att) -> str:
    s, e = trim(text, tuple(att["cue"]))
    return " ".join(text[s:e].lower().split())


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("-n", type=int, default=20, help="documents to sample (default 20)")
    ap.add_argument("--seed", type=int, default=0, help="sampling seed (default 0)")
    ap.add_argument("--show", default="missed,partial,spurious", help="which errors to print")
    ap.add_argument("--kinds", default=None, help="only gold of these kinds, e.g. direct,mixed")
    ap.add_argument("--doc", default=None, help="one document by id instead of a sample")
    ap.add_argument("--limit", type=int, default=0, help="print at most K errors (0: all)")
    ap.add_argument("--top", type=int, default=15, help="cue words listed in the summary")
    args = ap.parse_args(argv)
    shared = shared_dir()
    if shared is None:
        print(
            "../shared/data/polnear.train.jsonl not found: put the shared folder beside the "
            "repository or set SAYSO_SHARED",
            file=sys.stderr,
        )
        return 2
    show = set(args.show.split(","))
    kinds = set(args.kinds.split(",")) if args.kinds else None
    with (shared / "data" / "polnear.train.jsonl").open(encoding="utf-8") as f:
        docs = [json.loads(line) for line in f if line.strip()]
    if args.doc:
        docs = [d for d in docs if d["id"] == args.doc]
        if not docs:
            print(f"no train document with id {args.doc!r}", file=sys.stderr)
            return 2
    else:
        docs = random.Random(args.seed).sample(docs, min(args.n, len(docs)))

    counts: Counter[str] = Counter()
    by_kind: Counter[tuple[str, bool]] = Counter()
    missed_cues: Counter[str] = Counter()
    spurious_cues: Counter[str] = Counter()
    partial_roles: Counter[str] = Counter()
    golds, preds = [], []
    printed = 0

    def emit(label: str, doc_id: str, body: str) -> None:
        nonlocal printed
        if label.split()[0].lower() in show and (not args.limit or printed < args.limit):
            printed += 1
            print(f"{label}  ({doc_id})\n    {body}\n")

    for doc in docs:
        text = doc["text"]
        gold = [a for a in doc["attributions"] if kinds is None or a.get("kind") in kinds]
        try:
            analysis = sayso.analyze(text)
        except sayso.SaysoError as err:
            counts["analyze failed"] += 1
            print(f"ANALYZE FAILED ({doc['id']}): {str(err).splitlines()[0]}\n")
            analysis = sayso.Document(text)
        pred = attributions_to_gold_format(analysis.attributions)
        golds.append({"id": doc["id"], "text": text, "attributions": gold})
        preds.append({"id": doc["id"], "attributions": pred})
        sentences = [(s.start, s.end) for s in analysis.sentences]
        matched = match_triples(text, gold, pred, exact=False)
        used_g = {i for i, _ in matched}
        used_p = {j for _, j in matched}
        for i, g in enumerate(gold):
            by_kind[(str(g.get("kind")), i in used_g)] += 1
            if i in used_g:
                continue
            near = [
                j for j, p in enumerate(pred) if j not in used_p and role_fits(text, g, p, "cue")
            ]
            if near:
                p = pred[near[0]]
                wrong = [r for r in ("source", "content") if not role_fits(text, g, p, r)]
                counts["partial"] += 1
                partial_roles.update(wrong)
                emit(
                    f"PARTIAL wrong {'+'.join(wrong) or 'match'} [{g.get('kind')}]",
                    doc["id"],
                    context(text, sentences, [(g, "gold"), (p, "pred")]),
                )
            else:
                counts["missed"] += 1
                missed_cues[cue_words(text, g)] += 1
                emit(
                    f"MISSED [{g.get('kind')}]", doc["id"], context(text, sentences, [(g, "gold")])
                )
        for j, p in enumerate(pred):
            if j in used_p:
                continue
            if any(role_fits(text, g, p, "cue") for g in gold):
                continue  # shown as PARTIAL beside its gold
            counts["spurious"] += 1
            spurious_cues[cue_words(text, p)] += 1
            emit(f"SPURIOUS [{p.get('kind')}]", doc["id"], context(text, sentences, [(p, "pred")]))

    s = score(golds, preds, kinds=kinds)
    n_gold = sum(len(d["attributions"]) for d in golds)
    n_pred = sum(len(d["attributions"]) for d in preds)
    print("=" * 78)
    print(f"{len(docs)} train documents, {n_gold} gold and {n_pred} predicted attributions")
    print(
        f"missed {counts['missed']}, partial {counts['partial']} "
        f"(wrong source {partial_roles['source']}, wrong content {partial_roles['content']}), "
        f"spurious {counts['spurious']}, analyze failed on {counts['analyze failed']} documents"
    )
    for metric in (
        "triple-overlap",
        "triple-exact",
        "source-exact",
        "cue-exact",
        "content-overlap",
    ):
        v = s[metric]
        p = "  -  " if v["P"] is None else f"{100 * v['P']:5.1f}"
        f1 = "  -  " if v["F1"] is None else f"{100 * v['F1']:5.1f}"
        print(f"  {metric:16s} P {p}  R {100 * v['R']:5.1f}  F1 {f1}")
    print("triple-overlap recall by gold kind:")
    for kind in sorted({k for k, _ in by_kind}):
        hit, total = by_kind[(kind, True)], by_kind[(kind, True)] + by_kind[(kind, False)]
        print(f"  {kind:9s} {hit:5d}/{total:<5d} {100 * hit / total:5.1f}%")
    for title, counter in (("missed cues", missed_cues), ("spurious cues", spurious_cues)):
        top = ", ".join(f"{w!r} {c}" for w, c in counter.most_common(args.top))
        print(f"{title}: {top or '-'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
