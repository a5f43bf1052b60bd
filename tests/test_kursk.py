"""The seed article: every required gold attribution is found, and no attribution is made in
a sentence where the gold has none. Needs ../shared/examples (skips when it is absent)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
import sayso


def shared() -> Path | None:
    candidates = [Path(__file__).resolve().parents[1].parent / "shared"]
    if os.environ.get("SAYSO_SHARED"):
        candidates.append(Path(os.environ["SAYSO_SHARED"]))
    for c in candidates:
        if (c / "examples" / "kursk-monument.gold.json").is_file():
            return c
    return None


SHARED = shared()
pytestmark = pytest.mark.skipif(
    SHARED is None, reason="../shared/examples not found (set SAYSO_SHARED to run this test)"
)


def load() -> tuple[str, dict[str, object], sayso.Document]:
    assert SHARED is not None
    folder = SHARED / "examples"
    gold = json.loads((folder / "kursk-monument.gold.json").read_text(encoding="utf-8"))
    text = (folder / gold["text_file"]).read_text(encoding="utf-8")
    return text, gold, sayso.analyze(text)


def overlaps(a: list[int] | None, start: int | None, end: int | None) -> bool:
    if a is None or start is None or end is None:
        return a is None and start is None
    return a[0] < end and start < a[1]


def test_every_required_attribution_is_found() -> None:
    text, gold, doc = load()
    missing = []
    for g in gold["attributions"]:  # type: ignore[attr-defined]
        if not g["required"]:
            continue
        ok = any(
            overlaps(g["cue"], a.cue.start, a.cue.end)
            and overlaps(g["source"], *(a.source.start, a.source.end) if a.source else (None, None))
            and any(overlaps(g["content"], c.start, c.end) for c in a.content)
            for a in doc.attributions
        )
        if not ok:
            missing.append(text[g["cue"][0] : g["cue"][1]])
    assert missing == []


def test_nothing_attributed_where_gold_has_nothing() -> None:
    _text, gold, doc = load()
    sentences = gold["sentences"]  # type: ignore[index]
    with_gold = {
        i
        for i, (s, e) in enumerate(sentences)
        for g in gold["attributions"]  # type: ignore[attr-defined]
        if s <= g["cue"][0] < e
    }
    wrong = []
    for a in doc.attributions:
        idx = next(i for i, (s, e) in enumerate(sentences) if s <= a.cue.start < e)
        if idx not in with_gold:
            wrong.append((a.cue.text, [c.text for c in a.content]))
    assert wrong == []
