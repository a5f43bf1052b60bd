"""Issue 3's quality targets on PolNeAR dev, scored with ``sayso.evaluate`` (which agrees with
../shared/data/score_attribution.py, see test_evaluate.py). Runs when ../shared is present."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
import sayso

# Marked at 07:10 UTC on the day the evaluation landed, when these figures were not reached
# yet (PolNeAR dev: triple-overlap P/R/F1 80.9/45.7/58.4, exact F1 source 55.6, cue 59.3,
# content-overlap F1 61.8); remove a mark once its figure is reached: an XPASS shows which.
# Session 2, 09:25 UTC: 81.8/52.6/64.0, exact F1 source 63.5, cue 64.0, content-overlap F1
# 68.1 -- still short of every figure, so the marks stay.
# Session 3, 11:50 UTC: 84.8/58.5/69.3, exact F1 source 67.2, cue 66.7, content-overlap F1
# 72.0 -- precision (>= 80) is met but each F1 is still short, so the marks stay.
# Session 4, 13:55 UTC: 83.8/59.7/69.7, exact F1 source 67.6, cue 67.4, content-overlap F1
# 73.8 -- still short of every F1 figure, so the marks stay.
# End of session 4: 83.9/59.7/69.8, exact F1 source 67.7, cue 67.5, content-overlap F1 73.8 --
# still short, so the marks stay.
# Session 5, 16:15 UTC: 83.9/60.6/70.3, exact F1 source 68.9, cue 68.1, content-overlap F1
# 75.1 -- triple-overlap (F1 >= 70, P >= 80) and content-overlap (>= 75) are reached, so their
# marks are gone; exact source and cue are still short.
# Session 5, 16:30 UTC, with the last source rules: 83.9/60.6/70.4, exact F1 source 69.0, cue
# 68.1, content-overlap F1 75.1 -- exact source and cue still short, so their marks stay.
# End of session 6 (19:36 UTC), with the coordinated-source rule: 85.6/60.6/70.9, exact F1
# source 70.09 (1261/1534/2064), cue 68.6, content-overlap F1 76.1 -- exact source is reached,
# so its mark is gone; exact cue is still short.
# Session 7, with about 135 cue entries mined from train: 85.4/61.9/71.8, exact F1 source 70.9
# (1287/1569/2064), cue 69.5 (1313/1587/2191), content-overlap F1 76.7 -- exact cue still short
# (about 10 exact cues), so its mark stays.
# Session 8, with 57 more cue entries mined from train: 85.4/62.1/71.9, exact F1 source 71.1
# (1294/1575/2064), cue 69.7 (1319/1593/2191), content-overlap F1 76.8 -- exact cue still short
# (about 6 exact cues), so its mark stays.
# Session 9 (cues10), with structural rules for known cues: 85.5/62.5/72.2, exact F1 source
# 71.4 (1303/1585/2064), cue 70.0 (1328/1603/2191), content-overlap F1 77.1 -- exact cue is
# reached, so its mark is gone (by one exact cue: 1327 would be 69.98).
NOT_YET = pytest.mark.xfail(
    strict=False, reason="issue 3 figure not reached yet on PolNeAR dev (rules still missing)"
)


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
