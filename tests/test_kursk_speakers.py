"""The seed article (../shared/examples): speaker names and kinds against the gold.

Skips, saying so, when ../shared is not beside the repository (set SAYSO_SHARED to point
at it). The whole-pipeline test also skips, saying so, while ``analyze`` finds no
attributions (the attribution stage is built separately); the gold-source test checks the
speaker stage alone on the gold sources.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
import sayso
from sayso._sayso import _analyze_attributions


def shared() -> Path | None:
    candidates = [Path(__file__).resolve().parents[1].parent / "shared"]
    if os.environ.get("SAYSO_SHARED"):
        candidates.append(Path(os.environ["SAYSO_SHARED"]))
    for c in candidates:
        if (c / "examples" / "kursk-monument.txt").is_file():
            return c
    return None


@pytest.fixture(scope="module")
def seed() -> tuple[str, dict[str, Any]]:
    root = shared()
    if root is None:
        pytest.skip("../shared/examples not found: set SAYSO_SHARED to the shared folder")
    text = (root / "examples" / "kursk-monument.txt").read_text(encoding="utf-8")
    gold = json.loads((root / "examples" / "kursk-monument.gold.json").read_text("utf-8"))
    return text, gold


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def test_gold_sources_resolve_to_gold_speakers(seed: tuple[str, dict[str, Any]]) -> None:
    text, gold = seed
    rels = [
        (tuple(g["source"]), tuple(g["cue"]), [tuple(g["content"])] if g.get("content") else [])
        for g in gold["attributions"]
    ]
    doc = _analyze_attributions(text, rels)  # type: ignore[arg-type]
    by_cue = {(a.cue.start, a.cue.end): a for a in doc.attributions}
    for g in gold["attributions"]:
        a = by_cue[tuple(g["cue"])]
        assert a.speaker is not None, g
        assert (a.speaker.name, a.speaker.kind) == (g["speaker"], g["speaker_kind"])
    cheb = [s for s in doc.speakers if s.name == "Alexei Chebanenko"]
    assert len(cheb) == 1
    cues = sorted(doc.attributions[i].cue.text for i in cheb[0].attributions)
    assert cues == ["confirmed", "emphasized", "revealed"]
    assert "allegedly" in [h.text for h in doc.hedges]


def test_whole_pipeline_on_the_seed(seed: tuple[str, dict[str, Any]]) -> None:
    text, gold = seed
    doc = sayso.analyze(text)
    assert "allegedly" in [h.text for h in doc.hedges]
    if not doc.attributions:
        pytest.skip("analyze() found no attributions yet: the attribution stage has not landed")
    missing = []
    for g in gold["attributions"]:
        if not g.get("required"):
            continue
        cue = tuple(g["cue"])
        found = [a for a in doc.attributions if overlaps((a.cue.start, a.cue.end), cue)]
        ok = any(
            a.speaker is not None
            and (a.speaker.name, a.speaker.kind) == (g["speaker"], g["speaker_kind"])
            for a in found
        )
        if not ok:
            missing.append(
                (
                    text[cue[0] : cue[1]],
                    g["speaker"],
                    [(a.speaker.name, a.speaker.kind) if a.speaker else None for a in found],
                )
            )
    assert not missing, missing
    cheb = [s for s in doc.speakers if s.name == "Alexei Chebanenko"]
    assert len(cheb) == 1
    cues = sorted(doc.attributions[i].cue.text for i in cheb[0].attributions)
    assert {"confirmed", "revealed", "emphasized"} <= set(cues)
    his = [a for a in doc.attributions if a.source is not None and a.source.text.startswith("His")]
    if his:
        assert his[0].speaker is not None and his[0].speaker.name == "Andrei Belyushikov"
