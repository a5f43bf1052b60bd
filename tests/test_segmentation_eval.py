"""The issue's accuracy figures on the shared evaluation sets (skipped when they are absent).

Accuracy is deterministic, so asserting it is a fair test. The sets live beside the
repository in ``shared/data`` (or wherever ``SAYSO_SHARED`` points) and are never copied
into it.
"""

from __future__ import annotations

import importlib.util
import json
import os
from pathlib import Path
from types import ModuleType

import pytest
import sayso

REPO = Path(__file__).resolve().parents[1]


def _shared() -> Path | None:
    for cand in (REPO.parent / "shared", Path(os.environ.get("SAYSO_SHARED", "/nonexistent"))):
        if (cand / "data" / "score_segmentation.py").is_file():
            return cand
    return None


SHARED = _shared()
pytestmark = pytest.mark.skipif(
    SHARED is None,
    reason="shared evaluation data not found (looked in ../shared and $SAYSO_SHARED); "
    "accuracy figures not checked",
)


def _scorer() -> ModuleType:
    assert SHARED is not None
    path = SHARED / "data" / "score_segmentation.py"
    spec = importlib.util.spec_from_file_location("score_segmentation", path)
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _rules(name: str) -> tuple[int, int]:
    sc = _scorer()
    data = sc.read(name, str(SHARED / "data"))  # type: ignore[union-attr]
    if name == "ps_spec_en_extra":
        data = [
            c
            for c in data
            if sc.norm("".join(c["sentences"])).replace(" ", "")
            == sc.norm(c["text"]).replace(" ", "")
        ]
    ok, n, _ = sc.score_rules(sayso.segment, data, 0)
    return ok, n


def _f1(name: str) -> float:
    sc = _scorer()
    data = sc.read(name, str(SHARED / "data"))  # type: ignore[union-attr]
    _, _, f, _, _ = sc.score_docs(sayso.segment, data, 0)
    return 100 * f


def test_golden_rules() -> None:
    ok, n = _rules("golden_rules_en")
    assert n == 52 and ok >= 50, f"{ok}/{n}"


def test_pragmatic_extras() -> None:
    ok, n = _rules("ps_spec_en_extra")
    assert n == 117 and ok >= 108, f"{ok}/{n}"


@pytest.mark.parametrize(
    "name, floor",
    [("ud_gum_dev", 98.5), ("ud_ewt_dev", 93.0), ("gum_news_traindev", 98.5)],
)
def test_document_sets(name: str, floor: float) -> None:
    f1 = _f1(name)
    # The figures are the scorer's one-decimal F1.
    assert round(f1, 1) >= floor, f"{name} boundary F1 {f1:.2f} < {floor}"


def test_kursk_monument_sentences() -> None:
    assert SHARED is not None
    gold = json.loads((SHARED / "examples" / "kursk-monument.gold.json").read_text("utf-8"))
    text = (SHARED / "examples" / gold["text_file"]).read_text("utf-8")
    want = [(s["start"], s["end"]) if isinstance(s, dict) else tuple(s) for s in gold["sentences"]]
    got = [(s.start, s.end) for s in sayso.segment(text)]
    assert len(want) == 19
    assert got == want
