"""Shared by the display tests: a hand-built document and a reader of the rendered HTML."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

import sayso

VOID = {"meta", "br", "hr", "img", "input", "link", "col", "wbr", "source", "area", "base"}


def span(text: str, sub: str, after: str = "") -> sayso.Span:
    """The first occurrence of ``sub`` in ``text`` after the first occurrence of ``after``."""
    start = text.index(sub, text.index(after) if after else 0)
    return sayso.Span(start, start + len(sub), sub)


def nested_document() -> sayso.Document:
    """Three attributions and a hedge; the third lies inside the content of the second, and
    the first two share their cue span's neighbourhood; markup-like text everywhere."""
    text = (
        "Council votes <b>on</b> the light & more\n\n"
        "“We will rebuild it,” said Mayor Ruth O'Brien-Okafor. “It stays.”\n\n"
        "Dr. Lee said the plan, which O'Brien-Okafor called “rushed”, was reportedly "
        "too costly.\n\nIt ends here."
    )
    mayor = sayso.Speaker(name="Ruth O'Brien-Okafor", kind="person", attributions=[0, 2])
    lee = sayso.Speaker(name='Dr. "Doc" Lee', kind="person", attributions=[1])
    content_start = text.index("the plan")
    content_end = text.index("too costly") + len("too costly")
    attributions = [
        sayso.Attribution(
            source=span(text, "Mayor Ruth O'Brien-Okafor"),
            cue=span(text, "said"),
            content=[span(text, "“We will rebuild it,”"), span(text, "“It stays.”")],
            kind="direct",
            sentence=1,
            cue_class="neutral",
            speaker=mayor,
        ),
        sayso.Attribution(
            source=span(text, "Dr. Lee"),
            cue=span(text, "said", after="Dr. Lee"),
            content=[sayso.Span(content_start, content_end, text[content_start:content_end])],
            kind="mixed",
            sentence=2,
            cue_class="neutral",
            speaker=lee,
            hedged=True,
        ),
        sayso.Attribution(
            source=span(text, "O'Brien-Okafor", after="which"),
            cue=span(text, "called"),
            content=[span(text, "“rushed”")],
            kind="direct",
            sentence=2,
            cue_class="distancing",
            speaker=mayor,
        ),
    ]
    return sayso.Document(
        text,
        sentences=sayso.segment(text),
        attributions=attributions,
        speakers=[mayor, lee],
        hedges=[span(text, "reportedly")],
    )


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]
    parent: Element | None
    text: list[str] = field(default_factory=list)  # all text inside, descendants included

    @property
    def classes(self) -> list[str]:
        return self.attrs.get("class", "").split()

    def inside(self, cls: str, number: str | None = None) -> bool:
        """Whether an ancestor has class ``cls`` (and attribution number ``number``)."""
        node = self.parent
        while node is not None:
            if cls in node.classes and (number is None or node.attrs.get("data-a") == number):
                return True
            node = node.parent
        return False


class Reader(HTMLParser):
    """Parses rendered HTML strictly: every element must be closed in order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[Element] = []
        self.elements: list[Element] = []
        self.errors: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        if tag in VOID:
            return
        el = Element(tag, {k: v or "" for k, v in attrs}, self.stack[-1] if self.stack else None)
        self.stack.append(el)
        self.elements.append(el)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        if not self.stack or self.stack[-1].tag != tag:
            self.errors.append(f"unexpected </{tag}>")
            return
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        for el in self.stack:
            el.text.append(data)

    def spans(self, cls: str) -> list[Element]:
        """Elements with class ``cls``, the legend's samples left out."""
        return [e for e in self.elements if cls in e.classes and not e.inside("sy-legend")]

    def article_text(self) -> str:
        (article,) = self.spans("sy-article")
        return "".join(article.text)


def read(markup: str) -> Reader:
    reader = Reader()
    reader.feed(markup)
    reader.close()
    assert not reader.errors, reader.errors
    assert not reader.stack or [e.tag for e in reader.stack] == ["html", "body"], [
        e.tag for e in reader.stack
    ]
    return reader


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def check_attributions(doc: sayso.Document, reader: Reader) -> int:
    """Every part of every attribution is highlighted with its text and hover text.

    Returns the number of parts checked. Whitespace is ignored in the comparison (the blank
    lines between paragraphs are not part of any paragraph).
    """
    checked = 0
    for n, a in enumerate(doc.attributions, start=1):
        parts: list[tuple[str, list[sayso.Span]]] = [("sy-cue", [a.cue]), ("sy-content", a.content)]
        if a.source is not None:
            parts.append(("sy-source", [a.source]))
        for cls, expected in parts:
            if not any(s.end > s.start for s in expected):
                assert not [e for e in reader.spans(cls) if e.attrs.get("data-a") == str(n)]
                continue
            pieces = [e for e in reader.spans(cls) if e.attrs.get("data-a") == str(n)]
            assert pieces, f"attribution {n}: no {cls}"
            shown = squash("".join("".join(p.text) for p in pieces))
            assert shown == squash("".join(s.text for s in expected)), (n, cls)
            badges = [p for p in pieces if p.attrs.get("data-n") == str(n)]
            assert len(badges) == len(expected), (n, cls, "one numbered piece per span")
            for p in pieces:
                title = p.attrs["title"]
                assert f"attribution {n}" in title
                assert f"Kind: {a.kind}" in title and f"cue class: {a.cue_class}" in title
                if a.speaker is not None:
                    assert f"Speaker: {a.speaker.name} ({a.speaker.kind})" in title
            checked += 1
    return checked


def check_nesting(doc: sayso.Document, reader: Reader) -> int:
    """A source or cue lying inside another attribution's content is a descendant of that
    content's element. Returns the number of such containments checked."""
    checked = 0
    for n, a in enumerate(doc.attributions, start=1):
        for cls, part in (("sy-source", a.source), ("sy-cue", a.cue)):
            if part is None or part.end <= part.start:
                continue
            pieces = [e for e in reader.spans(cls) if e.attrs.get("data-a") == str(n)]
            for m, other in enumerate(doc.attributions, start=1):
                if m == n:
                    continue
                for c in other.content:
                    if c.start <= part.start and part.end <= c.end and c.end - c.start > len(part):
                        assert all(p.inside("sy-content", str(m)) for p in pieces), (n, m)
                        checked += 1
    return checked
