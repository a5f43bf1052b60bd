"""The HTML view (``sayso.render``, ``_repr_html_``) and ``Document.to_displacy``."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest
import sayso
from display_fixtures import (
    check_attributions,
    check_nesting,
    nested_document,
    read,
    span,
    squash,
)
from hypothesis import given, settings
from hypothesis import strategies as st
from sayso import display
from sayso.cli import main


def test_page_is_self_contained_and_has_no_scripts() -> None:
    page = sayso.render(nested_document())
    reader = read(page)
    assert page.startswith("<!DOCTYPE html>")
    assert "script" not in reader.tags
    for forbidden in ("<script", "src=", "href=", "@import", "url(", "<link"):
        assert forbidden not in page.lower()


def test_every_attribution_part_is_highlighted_with_hover_text() -> None:
    doc = nested_document()
    reader = read(sayso.render(doc))
    assert check_attributions(doc, reader) == 9
    (hedge,) = reader.spans("sy-hedge")
    assert "".join(hedge.text) == "reportedly"
    assert "Hedge" in hedge.attrs["title"]


def test_the_article_text_is_kept_whole() -> None:
    doc = nested_document()
    reader = read(sayso.render(doc, page=False))
    assert squash(reader.article_text()) == squash(doc.text)
    assert len([e for e in reader.elements if e.tag == "p" and e.parent and
                "sy-article" in e.parent.classes]) == 4


def test_nested_attribution_is_rendered_as_nested_elements() -> None:
    doc = nested_document()
    reader = read(sayso.render(doc))
    assert check_nesting(doc, reader) == 2
    inner_source = [e for e in reader.spans("sy-source") if e.attrs["data-a"] == "3"]
    inner_cue = [e for e in reader.spans("sy-cue") if e.attrs["data-a"] == "3"]
    assert inner_source and inner_cue
    for el in inner_source + inner_cue:
        assert el.inside("sy-content")
        assert el.parent is not None and el.parent.attrs.get("data-a") == "2"
    # the hedge lies inside the content of attribution 2 as well
    (hedge,) = reader.spans("sy-hedge")
    assert hedge.inside("sy-content")


def test_crossing_spans_are_split_and_reopened() -> None:
    text = "alpha beta gamma delta"
    a = sayso.Attribution(
        source=sayso.Span(0, 10, "alpha beta"),
        cue=sayso.Span(6, 16, "beta gamma"),
        content=[sayso.Span(11, 22, "gamma delta")],
        kind="indirect",
        sentence=0,
        cue_class="neutral",
    )
    doc = sayso.Document(text, attributions=[a])
    reader = read(sayso.render(doc))
    check_attributions(doc, reader)
    cues = reader.spans("sy-cue")
    # the cue crosses the end of the source: closed there and reopened, the content likewise
    assert ["".join(c.text) for c in cues] == ["beta", " gamma"]
    assert [c.attrs.get("data-n") for c in cues] == ["1", None]
    contents = reader.spans("sy-content")
    assert ["".join(c.text) for c in contents] == ["gamma", " delta"]
    assert contents[0].inside("sy-cue") and not contents[1].inside("sy-cue")
    assert "Source: not stated" not in cues[0].attrs["title"]


def test_source_not_stated_and_unresolved_speaker_are_said() -> None:
    text = "Reports say the dam leaks."
    unstated = sayso.Attribution(
        source=None, cue=span(text, "say"), content=[span(text, "the dam leaks")],
        kind="indirect", sentence=0, cue_class="neutral",
    )
    doc = sayso.Document(text, attributions=[unstated])
    (cue,) = read(sayso.render(doc)).spans("sy-cue")
    assert "Source: not stated" in cue.attrs["title"]
    sourced = sayso.Attribution(
        source=span(text, "Reports"), cue=span(text, "say"), content=[],
        kind="other", sentence=0, cue_class="neutral",
    )
    doc = sayso.Document(text, attributions=[sourced])
    (source,) = read(sayso.render(doc)).spans("sy-source")
    assert "Speaker: unresolved" in source.attrs["title"]


@pytest.mark.parametrize(
    "nasty",
    [
        "<script>alert('x')</script>",
        "Tom & Jerry &amp; &lt;co&gt;",
        'She said "yes" and \'no\' " onmouseover="alert(1)',
        "</div></p></span></table><div>",
        "<!-- comment --> <![CDATA[ x ]]> <style>body{display:none}</style>",
    ],
)
def _quoted(nasty: str) -> tuple[sayso.Document, sayso.Attribution, sayso.Span]:
    text = f"{nasty}.\n\n“{nasty},” reported {nasty}."
    source = span(text, nasty, after="reported")
    speaker = sayso.Speaker(name=nasty, kind="person", attributions=[0])
    a = sayso.Attribution(
        source=source, cue=span(text, "reported"), content=[span(text, f"“{nasty},”")],
        kind="direct", sentence=1, cue_class="neutral", speaker=speaker,
    )
    return sayso.Document(text, attributions=[a], speakers=[speaker]), a, source


def _markups(nasty: str) -> list[str]:
    doc, a, source = _quoted(nasty)
    return [
        sayso.render(doc),
        doc._repr_html_(),
        a._repr_html_(),
        source._repr_html_(),
        doc.speakers[0]._repr_html_(),
    ]


@pytest.mark.parametrize(
    "nasty",
    [
        "<script>alert('x')</script>",
        "Tom & Jerry &amp; &lt;co&gt;",
        'She said "yes" and \'no\' " onmouseover="alert(1)',
        "</div></p></span></table><div>",
        "<!-- comment --> <![CDATA[ x ]]> <style>body{display:none}</style>",
    ],
)
def test_article_markup_renders_as_text(nasty: str) -> None:
    plain = [read(m) for m in _markups("plain words")]
    for markup, clean in zip(_markups(nasty), plain):
        assert nasty not in markup  # it always needs escaping
        reader = read(markup)
        # the same elements, attributes and nesting as for harmless text
        assert reader.tags == clean.tags
        assert [sorted(e.attrs) for e in reader.elements] == [
            sorted(e.attrs) for e in clean.elements
        ]
    doc, _, _ = _quoted(nasty)
    reader = read(doc._repr_html_())
    assert reader.article_text().replace("\n", "") == doc.text.replace("\n", "")
    check_attributions(doc, reader)
    cells = [e for e in reader.elements if e.tag == "td"]
    assert "".join(cells[0].text) == nasty  # the speaker table too
    (source,) = reader.spans("sy-source")
    assert f"Speaker: {nasty} (person)" in source.attrs["title"]  # and the hover text


def test_lone_surrogates_and_nul_still_give_utf8_html() -> None:
    text = "Odd \ud800 text\x00 here. Fine."
    html = sayso.render(sayso.analyze(text))
    html.encode("utf-8")
    assert "\ufffd" in html


def test_empty_and_blank_documents() -> None:
    for text in ("", "   \n\n  "):
        reader = read(sayso.render(sayso.Document(text)))
        assert reader.article_text() == ""
    reader = read(sayso.render(sayso.analyze("One. Two.")))
    assert reader.article_text() == "One. Two."


def test_options_leave_parts_out() -> None:
    doc = nested_document()
    reader = read(sayso.render(doc, attributions=False, speakers=False, hedges=False))
    assert not reader.spans("sy") and not reader.spans("sy-speakers")
    assert squash(reader.article_text()) == squash(doc.text)
    reader = read(sayso.render(doc, attributions=False))
    assert len(reader.spans("sy-hedge")) == 1
    assert not reader.spans("sy-cue")


def test_speaker_table_counts_kinds() -> None:
    reader = read(sayso.render(nested_document()))
    rows = [e for e in reader.elements if e.tag == "tr"]
    cells = [["".join(c.text) for c in reader.elements if c.tag == "td" and c.parent is r]
             for r in rows[1:]]
    assert cells == [
        ["Ruth O'Brien-Okafor", "person", "2", "2", "0", "0", "0", "1, 3"],
        ['Dr. "Doc" Lee', "person", "1", "0", "1", "0", "0", "2"],
    ]


def test_render_rejects_what_is_not_a_document() -> None:
    with pytest.raises(TypeError, match="str"):
        sayso.render("just text")  # type: ignore[arg-type]


def test_css_has_dark_themes_and_non_colour_cues() -> None:
    css = display.CSS
    assert "prefers-color-scheme:dark" in css
    assert 'data-jp-theme-light="false"' in css and "vscode-dark" in css
    assert "dashed" in css and "double" in css and "wavy" in css and "solid" in css


def test_attribution_and_span_html() -> None:
    doc = nested_document()
    a = doc.attributions[1]
    reader = read(a._repr_html_())
    (content,) = reader.spans("sy-content")
    assert "".join(content.text) == a.content[0].text
    (source,) = reader.spans("sy-source")
    assert "".join(source.text) == "Dr. Lee" and "…" in "".join(reader.elements[0].text)
    reader = read(doc.sentences[0]._repr_html_())
    assert "".join(t for e in reader.elements[:1] for t in e.text) == doc.sentences[0].text


def test_speaker_html() -> None:
    text = "Ann Lee spoke. Lee left."
    speaker = sayso.Speaker(
        name="Ann Lee", kind="person", title="Dr.", description="a <b>historian</b>",
        mentions=[span(text, "Ann Lee"), span(text, "Lee", after="spoke")],
        attributions=[0, 4], cue_classes={"neutral": 1, "tentative": 1},
    )
    reader = read(speaker._repr_html_())
    shown = "".join(reader.elements[0].text)
    assert "Ann Lee · person" in shown and "described as: a <b>historian</b>" in shown
    assert "attributions: 2 (1, 5)" in shown and "cues: neutral 1, tentative 1" in shown
    mentions = reader.spans("sy-source")
    assert [("".join(m.text), m.attrs["title"]) for m in mentions] == [
        ("Ann Lee", "text[0:7]"), ("Lee", "text[15:18]")
    ]


def test_displacy_dict_matches_spacy_manual_span_format() -> None:
    doc = nested_document()
    data = doc.to_displacy()
    assert set(data) == {"text", "spans", "tokens"}
    assert data["text"] == doc.text
    tokens = data["tokens"]
    assert all(isinstance(t, str) and t and not t.isspace() for t in tokens)
    labels = [s["label"] for s in data["spans"]]
    assert labels.count("CONTENT 1") == 2 and "SOURCE 3" in labels and "HEDGE" in labels
    for s in data["spans"]:
        assert 0 <= s["start_token"] < s["end_token"] <= len(tokens)
        covered = "".join(tokens[s["start_token"] : s["end_token"]])
        assert covered == squash(doc.text[s["start"] : s["end"]])
    # tokens are the text's non-space characters, in order
    assert "".join(tokens) == squash(doc.text)


def test_displacy_tokens_keep_words_whole_and_options_colour_every_label() -> None:
    data = nested_document().to_displacy()
    assert "O'Brien-Okafor" in data["tokens"]
    colours = display.displacy_options(data)["colors"]
    assert set(colours) == {s["label"] for s in data["spans"]}
    assert colours["SOURCE 1"] == colours["SOURCE 3"] != colours["CUE 1"]


def test_cli_render_writes_a_page(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "a.txt"
    path.write_text("“Fine & <dandy>,” she said.\n\nEnd.", encoding="utf-8")
    out = io.BytesIO()

    class Stdout:
        buffer = out

    monkeypatch.setattr(sys, "stdout", Stdout)
    assert main(["render", str(path)]) == 0
    page = out.getvalue().decode("utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert "Fine &amp; &lt;dandy&gt;" in page
    read(page)


@st.composite
def documents(draw: st.DrawFn) -> sayso.Document:
    text = draw(st.text(alphabet="ab <&\"'\n“”.", max_size=40))
    n = len(text)

    def a_span() -> sayso.Span:
        s = draw(st.integers(0, n))
        e = draw(st.integers(s, n))
        return sayso.Span(s, e, text[s:e])

    def fragments() -> list[sayso.Span]:
        cuts = sorted(draw(st.lists(st.integers(0, n), max_size=4)))
        return [sayso.Span(s, e, text[s:e]) for s, e in zip(cuts[::2], cuts[1::2])]

    attributions = []
    for _ in range(draw(st.integers(0, 4))):
        attributions.append(
            sayso.Attribution(
                source=a_span() if draw(st.booleans()) else None,
                cue=a_span(),
                content=fragments(),
                kind="direct",
                sentence=0,
                cue_class="neutral",
            )
        )
    hedges = [a_span() for _ in range(draw(st.integers(0, 2)))]
    paragraphs = sayso.analyze(text).paragraphs if draw(st.booleans()) else []
    return sayso.Document(text, attributions=attributions, hedges=hedges, paragraphs=paragraphs)


@settings(max_examples=300, deadline=None)
@given(documents())
def test_any_overlap_gives_well_formed_html_with_every_part(doc: sayso.Document) -> None:
    reader = read(sayso.render(doc))
    assert squash(reader.article_text()) == squash(doc.text)
    # every non-empty part with some non-space text is shown, whitespace aside
    for n, a in enumerate(doc.attributions, start=1):
        parts = [("sy-cue", [a.cue]), ("sy-content", a.content)]
        if a.source is not None:
            parts.append(("sy-source", [a.source]))
        for cls, spans in parts:
            pieces = [e for e in reader.spans(cls) if e.attrs.get("data-a") == str(n)]
            shown = squash("".join("".join(p.text) for p in pieces))
            assert shown == squash("".join(s.text for s in spans))
    check_nesting(doc, reader)
    data = doc.to_displacy()
    assert "".join(data["tokens"]) == squash(doc.text)


def test_reprs_are_short_and_name_the_speaker() -> None:
    doc = nested_document()
    first = doc.attributions[0]
    assert repr(first) == (
        "Attribution(source=\"Mayor Ruth O'Brien-Okafor\", speaker=\"Ruth O'Brien-Okafor\", "
        "cue='said', content='“We will rebuild it,” … “It stays.”', kind='direct')"
    )
    assert "speaker=\"Ruth O'Brien-Okafor\"" in repr(doc.attributions[2])  # "O'Brien-Okafor"
    same = sayso.Attribution(
        source=sayso.Span(0, 3, "Ann"), cue=sayso.Span(4, 8, "said"), content=[], kind="other",
        sentence=0, cue_class="neutral", speaker=sayso.Speaker(name="Ann", kind="person"),
    )
    assert "speaker=" not in repr(same)  # the source text is the speaker's name
    assert repr(doc.speakers[1]) == "Speaker('Dr. \"Doc\" Lee', kind='person', attributions=1)"
    long = sayso.Document("x" * 500)
    assert len(repr(long)) < 120


def test_a_short_unpunctuated_first_paragraph_reads_as_the_headline() -> None:
    def first_p(text: str) -> list[str]:
        reader = read(sayso.render(sayso.analyze(text)))
        return next(e for e in reader.elements if e.tag == "p" and e.inside("sy-article")).classes

    assert first_p("Town keeps its lighthouse\n\nThe council voted. It was close.") == ["sy-headline"]
    assert first_p("The council voted.\n\nIt was close.") == []
    assert first_p("Town keeps its lighthouse") == []  # a lone paragraph is the article


@settings(max_examples=200, deadline=None)
@given(
    st.text(alphabet="ab \n<&“.\ud800", max_size=30),
    st.lists(st.tuples(st.integers(0, 40), st.integers(0, 40)), max_size=8),
)
def test_hand_built_documents_with_stray_spans_still_render(
    text: str, pairs: list[tuple[int, int]]
) -> None:
    # spans past the end of the text, or whose text does not match it: shown clipped, no error
    spans = [sayso.Span(min(a, b), max(a, b), "zz") for a, b in pairs]
    cue = spans[0] if spans else sayso.Span(0, 0, "")
    speaker = sayso.Speaker(name="<N>", kind="person", attributions=[0, 99])
    a = sayso.Attribution(
        source=spans[-1] if spans else None, cue=cue, content=spans[1:3], kind="mixed",
        sentence=7, cue_class="neutral", speaker=speaker,
    )
    doc = sayso.Document(
        text, attributions=[a], speakers=[speaker], hedges=spans[3:5], paragraphs=spans[5:]
    )
    for markup in (sayso.render(doc), a._repr_html_(), speaker._repr_html_()):
        markup.encode("utf-8")
        read(markup)
    data = doc.to_displacy()
    assert all(0 <= s["start_token"] < s["end_token"] <= len(data["tokens"]) for s in data["spans"])


def test_max_chars_shows_the_start_with_a_note() -> None:
    doc = nested_document()
    cut = doc.text.index("Dr. Lee") + 3
    reader = read(sayso.render(doc, max_chars=cut))
    assert squash(reader.article_text()) == squash(doc.text[:cut])
    assert not [e for e in reader.elements if e.attrs.get("data-a") == "3"]  # past the cut
    note = [e for e in reader.spans("sy-note") if "Showing the first" in "".join(e.text)]
    assert len(note) == 1
    (source,) = [e for e in reader.spans("sy-source") if e.attrs["data-a"] == "2"]
    assert "".join(source.text) == "Dr."  # a part crossing the cut is shown up to it
    assert "Showing the first" not in sayso.render(doc)
    huge = sayso.Document("word " * 100_000)
    html = huge._repr_html_()
    assert len(html) < display.NOTEBOOK_MAX_CHARS + 20_000 and "Showing the first" in html
