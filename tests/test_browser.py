"""The page ``sayso render`` writes, loaded by a real headless Chromium.

Checks the DOM the browser built (``--dump-dom``): every attribution's highlights are there
with their hover text, nothing was parsed as markup that should have been text. Screenshots
(light and dark) go to ``test-artifacts/`` for a person to look at.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import sayso
from display_fixtures import check_attributions, check_nesting, nested_document, read, squash

ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = ROOT / "test-artifacts"
BROWSER = next(
    (p for p in map(shutil.which, ("chromium", "chromium-browser", "google-chrome")) if p), None
)

pytestmark = pytest.mark.skipif(
    BROWSER is None, reason="no chromium on PATH (install it: apt-get install -y chromium)"
)

FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium(page: Path, profile: Path, *extra: str) -> str:
    assert BROWSER is not None
    done = subprocess.run(
        [BROWSER, *FLAGS, f"--user-data-dir={profile}", *extra, page.as_uri()],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=True,
    )
    return done.stdout


def render_with_cli(text: str, tmp_path: Path) -> Path:
    source = tmp_path / "article.txt"
    source.write_text(text, encoding="utf-8")
    page = tmp_path / "page.html"
    with page.open("wb") as out:
        subprocess.run([sys.executable, "-m", "sayso.cli", "render", str(source)], stdout=out,
                       check=True, timeout=120)
    return page


def screenshot(page: Path, name: str, tmp_path: Path, *extra: str, size: str = "1000,900") -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / name
    shot.unlink(missing_ok=True)
    chromium(page, tmp_path / f"profile-{name}", f"--window-size={size}",
             f"--screenshot={shot}", *extra)
    data = shot.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) > 5000
    return shot


def test_the_example_article_page_in_chromium(tmp_path: Path) -> None:
    text = (ROOT / "examples" / "article.txt").read_text(encoding="utf-8")
    page = render_with_cli(text, tmp_path)
    reader = read(chromium(page, tmp_path / "profile-dom", "--dump-dom"))
    assert squash(reader.article_text()) == squash(text)
    doc = sayso.analyze(text)
    check_attributions(doc, reader)  # whatever the analyzer finds today, all of it is shown
    assert len({e.attrs["data-a"] for e in reader.spans("sy-cue")}) == len(doc.attributions)
    screenshot(page, "article-light.png", tmp_path)
    screenshot(page, "article-dark.png", tmp_path, "--force-dark-mode",
               "--blink-settings=preferredColorScheme=0")


def test_nested_and_hostile_page_in_chromium(tmp_path: Path) -> None:
    doc = nested_document()
    hostile = sayso.Document(
        "<script>document.title='owned'</script> & </div> \" ' done",
        sentences=[], attributions=[],
    )
    page = tmp_path / "page.html"
    page.write_text(sayso.render(doc), encoding="utf-8")
    reader = read(chromium(page, tmp_path / "profile-nested", "--dump-dom"))
    assert check_attributions(doc, reader) == 9
    assert check_nesting(doc, reader) == 2
    screenshot(page, "nested-light.png", tmp_path)

    # the notebook fragment inside a JupyterLab dark theme's body
    page.write_text(
        '<!DOCTYPE html><html><head><meta charset="utf-8"></head>'
        '<body data-jp-theme-light="false" style="background:#111;color:#ddd">'
        f"{doc._repr_html_()}</body></html>",
        encoding="utf-8",
    )
    reader = read(chromium(page, tmp_path / "profile-jupyter", "--dump-dom"))
    assert check_attributions(doc, reader) == 9
    screenshot(page, "nested-jupyter-dark.png", tmp_path)

    page.write_text(sayso.render(hostile), encoding="utf-8")
    reader = read(chromium(page, tmp_path / "profile-hostile", "--dump-dom"))
    assert "script" not in reader.tags
    assert reader.article_text() == hostile.text
    titles = [e for e in reader.elements if e.tag == "title"]
    # shown as text, never run (a script would have set the title to 'owned')
    assert "".join(titles[0].text).startswith("<script>document.title='owned'</script> &")


def _shared() -> Path | None:
    for candidate in (ROOT.parent / "shared", Path(os.environ.get("SAYSO_SHARED", "/nonexistent"))):
        if (candidate / "examples" / "kursk-monument.gold.json").is_file():
            return candidate
    return None


def _gold_document(shared: Path) -> sayso.Document:
    """The shared example's gold analysis as a Document: a real article, real attributions."""
    gold = json.loads((shared / "examples" / "kursk-monument.gold.json").read_text("utf-8"))
    text = (shared / "examples" / gold["text_file"]).read_text("utf-8")

    def sp(pair: list[int] | None) -> sayso.Span | None:
        return None if pair is None else sayso.Span(pair[0], pair[1], text[pair[0] : pair[1]])

    speakers: dict[str, sayso.Speaker] = {}
    by_name: dict[str, list[int]] = {}
    for i, a in enumerate(gold["attributions"]):
        by_name.setdefault(a["speaker"], []).append(i)
    for a in gold["attributions"]:
        if a["speaker"] not in speakers:
            speakers[a["speaker"]] = sayso.Speaker(
                name=a["speaker"], kind=a["speaker_kind"], attributions=by_name[a["speaker"]]
            )
    attributions = []
    for a in gold["attributions"]:
        cue = sp(a["cue"])
        assert cue is not None
        content = sp(a["content"])
        attributions.append(sayso.Attribution(
            source=sp(a["source"]), cue=cue, content=[] if content is None else [content],
            kind=a["kind"], sentence=0, cue_class="neutral", speaker=speakers[a["speaker"]],
        ))
    return sayso.Document(
        text,
        sentences=[s for s in map(sp, gold["sentences"]) if s is not None],
        paragraphs=sayso.analyze(text).paragraphs,
        attributions=attributions,
        speakers=list(speakers.values()),
        hedges=[s for s in map(sp, gold["hedges"]) if s is not None],
    )


def test_the_shared_gold_example_in_chromium(tmp_path: Path) -> None:
    shared = _shared()
    if shared is None:
        pytest.skip("../shared/examples is absent (set SAYSO_SHARED): no gold example to show")
    doc = _gold_document(shared)
    page = tmp_path / "gold.html"
    page.write_text(sayso.render(doc), encoding="utf-8")
    reader = read(chromium(page, tmp_path / "profile-gold", "--dump-dom"))
    assert squash(reader.article_text()) == squash(doc.text)
    assert check_attributions(doc, reader) == sum(
        1 + (a.source is not None) + bool(a.content) for a in doc.attributions
    )
    check_nesting(doc, reader)
    screenshot(page, "gold-light.png", tmp_path, size="1000,1500")
