"""Issue 3's quality targets on PolNeAR dev, scored with ``sayso.evaluate`` (which agrees with
../shared/data/score_attribution.py, see test_evaluate.py). Runs when ../shared is present."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
import sayso

# Every figure of issue 3 is a plain test now; exact cue was the last to pass (dev 70.9 =
# 1354/1630/2191 at the end of the session that reached it). How the figures rose, session by
# session, is in the README's history (docs/history.md).


def polnear_dev() -> Path | None:
    """../shared/data/polnear.dev.jsonl beside the repository, else under $SAYSO_SHARED."""
    beside = Path(__file__).resolve().parents[1].parent / "shared"
    for shared in (beside, Path(os.environ.get("SAYSO_SHARED", "/nonexistent"))):
        path = shared / "data" / "polnear.dev.jsonl"
        if path.is_file():
            return path
    return None


@pytest.fixture(scope="module")
def scores() -> dict[str, Any]:
    path = polnear_dev()
    if path is None:
        pytest.skip(
            "../shared/data/polnear.dev.jsonl is absent; set SAYSO_SHARED to check the "
            "PolNeAR dev figures"
        )
    return sayso.evaluate(path)


def pct(scores: dict[str, Any], metric: str, key: str) -> float:
    return 100 * float(scores[metric][key])


def test_no_document_fails(scores: dict[str, Any]) -> None:
    assert scores["failed"] == []


def test_triple_overlap_f1_at_least_70_with_precision_at_least_80(scores: dict[str, Any]) -> None:
    assert pct(scores, "triple-overlap", "P") >= 80.0, scores["triple-overlap"]
    assert pct(scores, "triple-overlap", "F1") >= 70.0, scores["triple-overlap"]


@pytest.mark.parametrize("role", ["source", "cue"])
def test_exact_f1_at_least_70(scores: dict[str, Any], role: str) -> None:
    assert pct(scores, f"{role}-exact", "F1") >= 70.0, scores[f"{role}-exact"]


def test_content_overlap_f1_at_least_75(scores: dict[str, Any]) -> None:
    assert pct(scores, "content-overlap", "F1") >= 75.0, scores["content-overlap"]
