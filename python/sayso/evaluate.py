"""Score sayso (or any system) against gold attributions: ``sayso.evaluate`` and ``sayso evaluate``.

Gold is JSONL, one document a line::

    {"id": "doc-1", "text": "...", "attributions": [
        {"source": [s, e] | null, "cue": [s, e], "content": [s, e] | null,
         "content_fragments": [[s, e], ...], "kind": "direct" | "mixed" | "indirect"}]}

Offsets are Python ``str`` indices (code points, end exclusive). ``content_fragments`` is
optional; without it ``content`` is one fragment. Predictions use the same format.

Scores, each as precision / recall / F1 with the counts behind them:

- per role (``source``, ``cue``, ``content``), spans matched one-to-one within a document:
  ``exact`` (same offsets once surrounding whitespace, ``,.;:`` and quotation marks are
  trimmed), ``overlap`` (any shared character; greedy, largest overlap first) and ``char``
  (characters covered by the gold spans against those covered by the predicted ones).
  Content is scored per fragment: ``"A," he said, "B."`` is two units.
- whole attributions: ``triple-overlap`` (cues overlap and, for source and content, both
  absent or overlapping) and ``triple-exact`` (source and cue exact, every predicted content
  fragment equal to a gold fragment), matched one-to-one, so a prediction that splits one gold
  attribution in two gets one match and one false positive.

``kinds`` keeps only the gold attributions of those kinds; precision is then meaningless
(the predictions are not restricted) and only recall is reported.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import IO, Any, Protocol

__all__ = [
    "METRICS",
    "attributions_to_gold_format",
    "evaluate",
    "format_scores",
    "match_spans",
    "match_triples",
    "read_jsonl",
    "score",
    "trim",
]

Pair = tuple[int, int]
Doc = Mapping[str, Any]
Att = Mapping[str, Any]

ROLES = ("source", "cue", "content")
METRICS = tuple(f"{r}-{m}" for r in ROLES for m in ("exact", "overlap", "char")) + (
    "triple-exact",
    "triple-overlap",
)
# Trimmed from both ends of a span before exact comparison.
_TRIM = frozenset(" \t\n\r,.;:\"'\u201c\u201d\u2018\u2019\u00ab\u00bb")


class _Analyzes(Protocol):
    def analyze(self, text: str) -> Any: ...


def trim(text: str, span: Pair) -> Pair:
    """``span`` without surrounding whitespace, ``,.;:`` and quotation marks.

    A span made only of such characters is kept as it is.

    >>> trim('He said: "Yes."', (8, 15))
    (10, 13)
    """
    start, end = span
    s, e = max(start, 0), min(end, len(text))
    while s < e and text[s] in _TRIM:
        s += 1
    while e > s and text[e - 1] in _TRIM:
        e -= 1
    return (s, e) if s < e else (start, end)


def _pair(value: Any) -> Pair | None:
    if value is None:
        return None
    start, end = value
    return (int(start), int(end))


def _units(att: Att, role: str) -> list[Pair]:
    """The scored units of one role: content fragments, or the one span, or nothing."""
    if role == "content":
        fragments = att.get("content_fragments")
        if fragments:
            return [(int(s), int(e)) for s, e in fragments]
    span = _pair(att.get(role))
    return [] if span is None else [span]


def _overlap(a: Pair, b: Pair) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def match_spans(gold: Sequence[Pair], pred: Sequence[Pair], *, exact: bool) -> list[Pair]:
    """One-to-one matches ``(gold index, pred index)`` between two lists of spans.

    ``exact``: equal spans pair up (as many times as both sides hold them). Otherwise spans
    sharing a character pair up greedily, largest overlap first (ties: later gold, then
    later prediction, as score_attribution.py sorts them).

    >>> match_spans([(0, 5), (10, 20)], [(12, 30), (3, 11)], exact=False)
    [(1, 0), (0, 1)]
    """
    if exact:
        waiting: dict[Pair, list[int]] = {}
        for j, p in enumerate(pred):
            waiting.setdefault(p, []).append(j)
        pairs = []
        for i, g in enumerate(gold):
            js = waiting.get(g)
            if js:
                pairs.append((i, js.pop(0)))
        return pairs
    # Candidate pairs by a sweep over spans sorted by start: only overlapping ones.
    events = sorted(
        [(s, e, 0, i) for i, (s, e) in enumerate(gold) if e > s]
        + [(s, e, 1, j) for j, (s, e) in enumerate(pred) if e > s]
    )
    open_gold: list[tuple[int, int]] = []  # (end, index)
    open_pred: list[tuple[int, int]] = []
    candidates: list[tuple[int, int, int]] = []
    for s, e, side, k in events:
        open_gold = [x for x in open_gold if x[0] > s]
        open_pred = [x for x in open_pred if x[0] > s]
        if side == 0:
            candidates.extend((_overlap(gold[k], pred[j]), k, j) for _, j in open_pred)
            open_gold.append((e, k))
        else:
            candidates.extend((_overlap(gold[i], pred[k]), i, k) for _, i in open_gold)
            open_pred.append((e, k))
    candidates.sort(key=lambda c: (-c[0], -c[1], -c[2]))
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    pairs = []
    for _, i, j in candidates:
        if i not in used_gold and j not in used_pred:
            used_gold.add(i)
            used_pred.add(j)
            pairs.append((i, j))
    return pairs


def _covered(spans: Iterable[Pair]) -> list[Pair]:
    """The union of spans as sorted, disjoint intervals."""
    merged: list[Pair] = []
    for s, e in sorted(x for x in spans if x[1] > x[0]):
        if merged and s <= merged[-1][1]:
            if e > merged[-1][1]:
                merged[-1] = (merged[-1][0], e)
        else:
            merged.append((s, e))
    return merged


def _length(intervals: Sequence[Pair]) -> int:
    return sum(e - s for s, e in intervals)


def _shared_length(a: Sequence[Pair], b: Sequence[Pair]) -> int:
    """Characters in both unions (each a sorted list of disjoint intervals)."""
    i = j = total = 0
    while i < len(a) and j < len(b):
        total += _overlap(a[i], b[j])
        if a[i][1] < b[j][1]:
            i += 1
        else:
            j += 1
    return total


def _role_fits(text: str, gold: Att, pred: Att, role: str, exact: bool) -> bool:
    g = [trim(text, u) for u in _units(gold, role)]
    p = [trim(text, u) for u in _units(pred, role)]
    if not g or not p:
        return not g and not p
    if exact:
        return set(p) <= set(g)
    return any(_overlap(a, b) > 0 for a in g for b in p)


def match_triples(
    text: str, gold: Sequence[Att], pred: Sequence[Att], *, exact: bool
) -> list[Pair]:
    """One-to-one matches ``(gold index, pred index)`` between whole attributions.

    Two attributions fit when every role fits (see the module docstring); among fitting
    pairs a maximum one-to-one matching is taken.
    """
    fits: list[list[int]] = [
        [j for j, p in enumerate(pred) if all(_role_fits(text, g, p, r, exact) for r in ROLES)]
        for g in gold
    ]
    owner: dict[int, int] = {}  # pred index -> gold index
    for root in range(len(gold)):
        if fits[root]:
            _augment(root, fits, owner)
    return sorted((i, j) for j, i in owner.items())


def _augment(root: int, fits: Sequence[Sequence[int]], owner: dict[int, int]) -> bool:
    """Find an augmenting path from gold ``root`` (Kuhn's algorithm, without recursion)."""
    seen: set[int] = set()
    stack = [root]
    todo = [iter(fits[root])]
    via: list[int] = []  # via[k]: the prediction leading from stack[k] to stack[k + 1]
    while stack:
        for j in todo[-1]:
            if j in seen:
                continue
            seen.add(j)
            if j not in owner:
                owner[j] = stack[-1]
                for k, jk in enumerate(via):
                    owner[jk] = stack[k]
                return True
            via.append(j)
            stack.append(owner[j])
            todo.append(iter(fits[owner[j]]))
            break
        else:
            stack.pop()
            todo.pop()
            if via:
                via.pop()
    return False


def _prf(tp: int, npred: int, ngold: int, recall_only: bool) -> dict[str, Any]:
    p = tp / npred if npred else 0.0
    r = tp / ngold if ngold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    if recall_only:
        return {"P": None, "R": r, "F1": None, "tp": tp, "pred": npred, "gold": ngold}
    return {"P": p, "R": r, "F1": f, "tp": tp, "pred": npred, "gold": ngold}


def score(
    gold: Iterable[Doc], predictions: Iterable[Doc], *, kinds: Iterable[str] | None = None
) -> dict[str, Any]:
    """Score ``predictions`` against ``gold`` (both documents in the gold format).

    Returns ``{metric: {"P", "R", "F1", "tp", "pred", "gold"}}`` for every name in
    ``METRICS`` (P, R, F1 as fractions), plus ``"documents"`` and ``"recall_by_kind"``:
    ``{kind: {"triple-overlap": {"tp", "gold", "R"}, "triple-exact": ...}}`` over the gold
    kinds. Gold documents without a prediction count as predicting nothing; predictions
    without gold are ignored.
    """
    keep = None if kinds is None else set(kinds)
    by_id = {d["id"]: d for d in predictions}
    counts = {m: [0, 0, 0] for m in METRICS}  # tp, pred, gold
    per_kind: dict[tuple[str, str], list[int]] = {}  # (kind, metric) -> [tp, gold]
    n_docs = 0
    for doc in gold:
        n_docs += 1
        text: str = doc["text"]
        g_atts = [a for a in doc.get("attributions") or [] if keep is None or a.get("kind") in keep]
        p_atts = list((by_id.get(doc["id"]) or {}).get("attributions") or [])
        for role in ROLES:
            g = [trim(text, u) for a in g_atts for u in _units(a, role)]
            p = [trim(text, u) for a in p_atts for u in _units(a, role)]
            for mode in ("exact", "overlap"):
                c = counts[f"{role}-{mode}"]
                c[0] += len(match_spans(g, p, exact=mode == "exact"))
                c[1] += len(p)
                c[2] += len(g)
            gc, pc = _covered(g), _covered(p)
            c = counts[f"{role}-char"]
            c[0] += _shared_length(gc, pc)
            c[1] += _length(pc)
            c[2] += _length(gc)
        for mode in ("overlap", "exact"):
            c = counts[f"triple-{mode}"]
            found = {i for i, _ in match_triples(text, g_atts, p_atts, exact=mode == "exact")}
            c[0] += len(found)
            c[1] += len(p_atts)
            c[2] += len(g_atts)
            for i, a in enumerate(g_atts):
                k = per_kind.setdefault((str(a.get("kind") or "(none)"), f"triple-{mode}"), [0, 0])
                k[0] += i in found
                k[1] += 1
    out: dict[str, Any] = {
        m: _prf(tp, npred, ngold, keep is not None) for m, (tp, npred, ngold) in counts.items()
    }
    out["documents"] = n_docs
    by_kind: dict[str, dict[str, Any]] = {}
    for (kind, metric), (tp, ngold) in sorted(per_kind.items(), key=lambda x: x[0][0]):
        by_kind.setdefault(kind, {})[metric] = {"tp": tp, "gold": ngold, "R": tp / ngold}
    out["recall_by_kind"] = by_kind
    return out


def read_jsonl(source: str | os.PathLike[str] | IO[str]) -> Iterator[dict[str, Any]]:
    """The JSON objects of a JSONL file (path or open text file); blank lines are skipped."""
    if isinstance(source, (str, os.PathLike)):
        with open(source, encoding="utf-8") as f:
            yield from read_jsonl(f)
        return
    for number, line in enumerate(source, 1):
        if line.strip():
            try:
                yield json.loads(line)
            except json.JSONDecodeError as err:
                raise ValueError(f"line {number}: not JSON: {err}") from err


def _span(span: Any) -> list[int]:
    return [int(span.start), int(span.end)]


def attributions_to_gold_format(attributions: Iterable[Any]) -> list[dict[str, Any]]:
    """``sayso.Attribution`` objects as gold-format dicts (``content`` spans all fragments)."""
    out = []
    for n, a in enumerate(attributions, 1):
        fragments = [_span(c) for c in a.content]
        out.append(
            {
                "id": f"P{n}",
                "source": None if a.source is None else _span(a.source),
                "cue": _span(a.cue),
                "content": [fragments[0][0], fragments[-1][1]] if fragments else None,
                "content_fragments": fragments,
                "kind": a.kind,
                "cue_class": a.cue_class,
            }
        )
    return out


def evaluate(
    gold: str | os.PathLike[str] | Iterable[Doc],
    *,
    analyzer: _Analyzes | None = None,
    predictions: str | os.PathLike[str] | IO[str] | None = None,
    kinds: Iterable[str] | None = None,
) -> dict[str, Any]:
    """Run ``analyze`` on every gold document and score the result.

    ``gold`` is a JSONL path or an iterable of gold-format dicts. ``analyzer`` is a
    ``sayso.Analyzer`` (default: ``sayso.analyze``). ``predictions``, a path or an open text
    file, receives what sayso found, one document a line in the gold format. ``kinds``
    (e.g. ``{"direct", "mixed"}``) restricts the gold and reports recall only. Returns the
    scores of ``score``.

    >>> gold = [{"id": "a", "text": "“Yes,” she said.", "attributions": [
    ...     {"source": [7, 10], "cue": [11, 15], "content": [0, 6]}]}]
    >>> sorted(evaluate(gold)["triple-overlap"])
    ['F1', 'P', 'R', 'gold', 'pred', 'tp']
    """
    import sayso

    docs = list(read_jsonl(gold) if isinstance(gold, (str, os.PathLike)) else gold)
    analyze: Callable[[str], Any] = sayso.analyze if analyzer is None else analyzer.analyze
    found = []
    failed = []
    for doc in docs:
        text = doc["text"]
        try:
            atts = attributions_to_gold_format(analyze(text).attributions)
        except sayso.SaysoError as err:  # one bad document must not stop the evaluation
            failed.append({"id": doc["id"], "error": str(err).splitlines()[0]})
            atts = []
        found.append({"id": doc["id"], "text": text, "attributions": atts})
    if predictions is not None:
        _write_jsonl(predictions, found)
    scores = score(docs, found, kinds=kinds)
    scores["failed"] = failed
    return scores


def _write_jsonl(target: str | os.PathLike[str] | IO[str], docs: Iterable[Doc]) -> None:
    if isinstance(target, (str, os.PathLike)):
        with open(target, "w", encoding="utf-8", errors="surrogatepass") as f:
            _write_jsonl(f, docs)
        return
    for doc in docs:
        target.write(json.dumps(doc, ensure_ascii=False) + "\n")


def format_scores(scores: Mapping[str, Any]) -> str:
    """The scores as a table, percentages, one metric a line."""
    recall_only = scores[METRICS[0]]["P"] is None
    head = "recall only (gold restricted by kind)" if recall_only else ""
    lines = [f"{'metric':16s} {'P':>6s} {'R':>6s} {'F1':>6s}   tp/pred/gold {head}".rstrip()]

    def pct(x: float | None) -> str:
        return f"{'-':>6s}" if x is None else f"{100 * x:6.1f}"

    for m in METRICS:
        v = scores[m]
        lines.append(
            f"{m:16s} {pct(v['P'])} {pct(v['R'])} {pct(v['F1'])}   "
            f"{v['tp']}/{v['pred']}/{v['gold']}"
        )
    for kind, v in scores.get("recall_by_kind", {}).items():
        lines.append(
            f"recall of {kind + ' gold':14s}"
            + "".join(f"  {m} {100 * v[m]['R']:5.1f} ({v[m]['tp']}/{v[m]['gold']})" for m in v)
        )
    lines.append(f"{scores.get('documents', 0)} documents")
    for fail in scores.get("failed", []):
        lines.append(f"analyze failed on {fail['id']!r} (scored as empty): {fail['error']}")
    return "\n".join(lines)


def _run(args: argparse.Namespace) -> int:
    kinds = [k for k in args.kinds.split(",") if k] if args.kinds else None
    scores = evaluate(args.gold, predictions=args.predictions, kinds=kinds)
    if args.json:
        print(json.dumps(scores, indent=1))
    else:
        print(format_scores(scores))
    return 0


def add_subcommand(sub: Any) -> None:
    """Add ``evaluate`` to the ``sayso`` command's subparsers."""
    ev = sub.add_parser(
        "evaluate",
        help="score sayso on gold attributions (JSONL) and print P/R/F1",
        description="Run sayso on every document of GOLD.jsonl and score it: P/R/F1 per role "
        "(exact, overlap, char) and for whole attributions (triple-exact, triple-overlap).",
    )
    ev.add_argument("gold", metavar="GOLD.jsonl", help="one gold document a line")
    ev.add_argument("--predictions", metavar="OUT.jsonl", help="write what sayso found here")
    ev.add_argument("--kinds", metavar="K1,K2", help="keep only gold of these kinds (recall)")
    ev.add_argument("--json", action="store_true", help="print the scores as JSON")
    ev.set_defaults(run=_run)


if __name__ == "__main__":  # pragma: no cover
    parser = argparse.ArgumentParser(prog="python -m sayso.evaluate")
    add_subcommand(parser.add_subparsers(dest="command", required=True))
    namespace = parser.parse_args(["evaluate", *sys.argv[1:]])
    sys.exit(namespace.run(namespace))
