"""``examples/quickstart.ipynb`` runs top to bottom in a real IPython kernel and shows the view."""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

import pytest
import sayso

nbformat = pytest.importorskip("nbformat", reason="test dependency nbformat is not installed")
nbclient = pytest.importorskip("nbclient", reason="test dependency nbclient is not installed")
pytest.importorskip("ipykernel", reason="test dependency ipykernel is not installed")
pytest.importorskip("pandas", reason="the notebook's table cell needs pandas (a test dependency)")

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def _html(cell: Any) -> str:
    return "".join(
        out["data"]["text/html"]
        for out in cell.outputs
        if out.get("output_type") in ("execute_result", "display_data") and "text/html" in out.get("data", {})
    )


def _stdout(cell: Any) -> str:
    return "".join(o.get("text", "") for o in cell.outputs if o.get("output_type") == "stream")


def test_quickstart_notebook_runs_and_shows_the_view() -> None:
    nb = nbformat.read(EXAMPLES / "quickstart.ipynb", as_version=4)
    client = nbclient.NotebookClient(
        nb, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(EXAMPLES)}}
    )
    client.execute()
    cells = [c for c in nb.cells if c.cell_type == "code"]
    for cell in cells:
        assert not [o for o in cell.outputs if o.get("output_type") == "error"], cell.source

    text = (EXAMPLES / "article.txt").read_text(encoding="utf-8")
    doc = sayso.analyze(text)  # what the notebook's kernel saw, computed here too

    by_source = {c.source.strip(): c for c in cells}
    view = _html(by_source["doc"])
    assert view == doc._repr_html_()
    headline = text.strip().splitlines()[0]
    assert html.escape(headline, quote=True) in view
    assert view.count('class="sy sy-cue"') >= len(doc.attributions)

    (table_cell,) = [c for c in cells if "article=False" in c.source]
    table = _html(table_cell)
    assert 'class="sy-article"' not in table
    if doc.speakers:
        assert "<caption>Speakers</caption>" in table
        for speaker in doc.speakers:
            assert f"<td>{html.escape(speaker.name, quote=True)}</td>" in table
    else:
        assert "No speakers found." in table

    (listing,) = [c for c in cells if "for a in doc.attributions" in c.source]
    assert _stdout(listing).strip().endswith(f"{len(doc.attributions)} attributions")

    (frame,) = [c for c in cells if "to_pandas" in c.source]
    assert _stdout(frame).startswith(f"{len(doc.attributions)} rows")
    assert "<table" in _html(frame) and "content_text" in _html(frame)

    (displacy,) = [c for c in cells if "to_displacy" in c.source]
    tokens = len(doc.to_displacy()["tokens"])
    assert _stdout(displacy).startswith(f"{tokens} tokens,")
