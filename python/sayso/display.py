"""See who said what: the HTML view of a ``Document`` and its spaCy displaCy form.

``render(doc)`` gives a self-contained HTML page (inline CSS, no scripts, nothing fetched);
``render(doc, page=False)`` the fragment that ``Document._repr_html_`` shows in Jupyter.

The article keeps its paragraphs. Every source, cue and content fragment is a ``<span>`` with
a class (``sy-source``, ``sy-cue``, ``sy-content``, ``sy-hedge``), the attribution's number
in ``data-a`` (shared by all its parts, shown as a small badge on each part's first piece)
and a ``title`` the browser shows on hover. Overlapping parts become properly nested
elements: where a part crosses the end of the part that holds it, it is closed there and
reopened after, so the HTML is always well formed. All text is HTML-escaped.

Styles use the Okabe-Ito colour-blind-safe palette and differ by more than colour: a source
is boxed, a cue is bold with a double underline, content has a dashed underline, a hedge a
wavy one. Colours are translucent so they read on light and dark backgrounds, and adapt to
``prefers-color-scheme`` and to the dark themes of JupyterLab and VS Code.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from sayso._sayso import Attribution, Document, Span, Speaker

__all__ = [
    "CSS",
    "attribution_html",
    "displacy_options",
    "document_displacy",
    "render",
    "span_html",
    "speaker_html",
    "speaker_table",
]

# Okabe-Ito: blue, vermillion, orange, reddish purple (light); sky blue and lighter tones (dark).
CSS = """
.sayso-view{--sy-src:#0072B2;--sy-src-bg:rgba(0,114,178,.13);--sy-src-fg:#fff;
--sy-cue:#D55E00;--sy-cue-bg:rgba(213,94,0,.15);--sy-cue-fg:#000;
--sy-con:#E69F00;--sy-con-bg:rgba(230,159,0,.17);--sy-con-fg:#000;
--sy-hedge:#CC79A7;--sy-rule:rgba(128,128,128,.35);--sy-muted:rgba(128,128,128,1);
font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;
font-size:15px;line-height:1.9;color:inherit;max-width:54rem;text-align:left}
.sayso-view .sy-dark-vars{display:none}
.sayso-view .sy-article{margin:.4em 0 1em}
.sayso-view .sy-article p{margin:0 0 .8em;white-space:pre-wrap;overflow-wrap:anywhere}
.sayso-view .sy-article p.sy-headline{font-weight:650;font-size:1.12em}
.sayso-view .sy{border-radius:3px;-webkit-box-decoration-break:clone;box-decoration-break:clone}
.sayso-view .sy-source{background:var(--sy-src-bg);border:1.5px solid var(--sy-src);
padding:0 .15em}
.sayso-view .sy-cue{background:var(--sy-cue-bg);font-weight:650;
border-bottom:3px double var(--sy-cue)}
.sayso-view .sy-content{background:var(--sy-con-bg);border-bottom:2px dashed var(--sy-con)}
.sayso-view .sy-hedge{text-decoration:underline wavy var(--sy-hedge);
text-decoration-thickness:1.5px;text-underline-offset:4px}
.sayso-view .sy[data-n]::before{content:attr(data-n);font-size:.68em;font-weight:700;
vertical-align:.45em;line-height:1;margin-right:.2em;padding:.05em .35em;border-radius:.7em;
font-style:normal}
.sayso-view .sy-source[data-n]::before{background:var(--sy-src);color:var(--sy-src-fg)}
.sayso-view .sy-cue[data-n]::before{background:var(--sy-cue);color:var(--sy-cue-fg)}
.sayso-view .sy-content[data-n]::before{background:var(--sy-con);color:var(--sy-con-fg)}
.sayso-view .sy-legend{font-size:.85em;margin:.2em 0 .4em;
line-height:2.2}
.sayso-view .sy-legend .sy{margin-right:.9em}
.sayso-view .sy-note{color:var(--sy-muted)}
.sayso-view .sy-summary{font-size:.85em;color:var(--sy-muted)}
.sayso-view table.sy-speakers{border-collapse:collapse;margin:.4em 0 1em;font-size:.9em;
line-height:1.5}
.sayso-view table.sy-speakers caption{text-align:left;font-weight:600;padding:.2em 0}
.sayso-view table.sy-speakers th,.sayso-view table.sy-speakers td{padding:.25em .7em;
border-bottom:1px solid var(--sy-rule);text-align:left;vertical-align:top}
.sayso-view table.sy-speakers td.sy-num{text-align:right;font-variant-numeric:tabular-nums}
.sayso-view .sy-gap{color:var(--sy-muted)}
@media (prefers-color-scheme:dark){.sayso-view{--sy-src:#56B4E9;--sy-src-bg:rgba(86,180,233,.2);
--sy-src-fg:#000;--sy-cue:#F0824A;--sy-cue-bg:rgba(240,130,74,.2);--sy-con:#F0B43C;
--sy-con-bg:rgba(240,180,60,.17);--sy-hedge:#E29CC5}}
body[data-jp-theme-light="false"] .sayso-view,body.vscode-dark .sayso-view,
body.vscode-high-contrast:not(.vscode-high-contrast-light) .sayso-view,
html[data-theme="dark"] .sayso-view,.theme-dark .sayso-view{--sy-src:#56B4E9;
--sy-src-bg:rgba(86,180,233,.2);--sy-src-fg:#000;--sy-cue:#F0824A;
--sy-cue-bg:rgba(240,130,74,.2);--sy-con:#F0B43C;--sy-con-bg:rgba(240,180,60,.17);
--sy-hedge:#E29CC5}
body[data-jp-theme-light="true"] .sayso-view,body.vscode-light .sayso-view,
html[data-theme="light"] .sayso-view{--sy-src:#0072B2;--sy-src-bg:rgba(0,114,178,.13);
--sy-src-fg:#fff;--sy-cue:#D55E00;--sy-cue-bg:rgba(213,94,0,.15);--sy-con:#E69F00;
--sy-con-bg:rgba(230,159,0,.17);--sy-hedge:#CC79A7}
""".strip()

_PAGE_CSS = """
body.sayso-page{margin:2rem auto;padding:0 1.2rem;max-width:56rem;background:#fff;color:#1b1b1b}
body.sayso-page h1{font:600 1.15rem system-ui,sans-serif;margin:0 0 .3rem}
@media (prefers-color-scheme:dark){body.sayso-page{background:#16181c;color:#e6e6e6}}
""".strip()

# How much of an article ``Document._repr_html_`` shows: far more than any news article, far
# less than what freezes a notebook.
NOTEBOOK_MAX_CHARS = 300_000

# Nesting order when two marks start and end at the same place: outermost first.
_ORDER = {"content": 0, "source": 1, "cue": 2, "hedge": 3}
_LABEL = {"source": "Source", "cue": "Cue", "content": "Content", "hedge": "Hedge"}
_BLANK_LINES = re.compile(r"\n[ \t\r\f\v]*\n\s*")


def _esc(text: str) -> str:
    """Escape text for element content and for quoted attribute values."""
    return html.escape(text, quote=True)


def _encodable(markup: str) -> str:
    """Replace lone surrogates (valid in a Python ``str``, not in UTF-8) by U+FFFD.

    Only the HTML is touched; offsets are computed on the original text.
    """
    if markup.isascii():
        return markup
    try:
        markup.encode("utf-8")
    except UnicodeEncodeError:
        return markup.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    return markup


@dataclass(frozen=True)
class _Mark:
    start: int
    end: int
    part: str  # source, cue, content, hedge
    number: int  # attribution number from 1; 0 for a hedge
    title: str


def _speaker_label(speaker: Speaker | None, confidence: float | None = None) -> str:
    if speaker is None:
        return "unresolved"
    label = f"{speaker.name} ({speaker.kind})"
    if confidence is not None and confidence < 1:
        label += f", confidence {confidence:.2f}"
    return label


def _attribution_title(part: str, number: int, a: Attribution) -> str:
    lines = [f"{_LABEL[part]} of attribution {number}"]
    if a.source is None:
        lines.append("Source: not stated")
    else:
        confidence = getattr(a, "speaker_confidence", None)
        lines.append(f"Speaker: {_speaker_label(a.speaker, confidence)}")
    detail = f"Kind: {a.kind} · cue class: {a.cue_class}"
    if a.hedged:
        detail += " · hedged"
    lines.append(detail)
    return "\n".join(lines)


def _marks(doc: Document, attributions: bool, hedges: bool) -> list[_Mark]:
    out: list[_Mark] = []
    if attributions:
        for n, a in enumerate(doc.attributions, start=1):
            parts: list[tuple[str, Span]] = []
            if a.source is not None:
                parts.append(("source", a.source))
            parts.append(("cue", a.cue))
            parts.extend(("content", c) for c in a.content)
            for part, span in parts:
                if span.end > span.start:
                    out.append(_Mark(span.start, span.end, part, n, _attribution_title(part, n, a)))
    if hedges:
        for h in doc.hedges:
            if h.end > h.start:
                out.append(_Mark(h.start, h.end, "hedge", 0, "Hedge: the writer or the source "
                                 "marks this as uncertain"))
    out.sort(key=lambda m: (m.start, -m.end, _ORDER[m.part], m.number))
    return out


def _open_tag(mark: _Mark, first: bool) -> str:
    attrs = f'class="sy sy-{mark.part}"'
    if mark.number:
        attrs += f' data-a="{mark.number}"'
        if first:
            attrs += f' data-n="{mark.number}"'
    return f'<span {attrs} title="{_esc(mark.title)}">'


def _render_block(
    text: str, base: int, start: int, end: int, marks: Sequence[_Mark], started: set[int]
) -> str:
    """HTML for ``[start, end)`` of the text (``text[i - base]`` is character ``i``).

    ``marks`` are those overlapping the block, sorted by ``(start, -end, order)``; they are
    clipped to the block. ``started`` holds the ids of marks already shown (their number
    badge is not repeated).
    """
    # Boundary events inside the block.
    opens: dict[int, list[_Mark]] = {}
    points = {start, end}
    for m in marks:
        s, e = max(m.start, start), min(m.end, end)
        if s >= e:
            continue
        opens.setdefault(s, []).append(m)
        points.add(s)
        points.add(e)
    out: list[str] = []
    stack: list[_Mark] = []
    pos = start
    for p in sorted(points):
        if p > pos:
            out.append(_esc(text[pos - base : p - base]))
            pos = p
        # Close every mark ending here; marks above one that closes are closed and reopened.
        if any(min(m.end, end) <= p for m in stack):
            keep: list[_Mark] = []
            while stack and any(min(m.end, end) <= p for m in stack):
                top = stack.pop()
                out.append("</span>")
                if min(top.end, end) > p:
                    keep.append(top)
            for m in reversed(keep):
                out.append(_open_tag(m, False))
                stack.append(m)
        for m in opens.get(p, ()):
            out.append(_open_tag(m, id(m) not in started))
            started.add(id(m))
            stack.append(m)
    out.extend("</span>" for _ in stack)
    return "".join(out)


def _blocks(doc: Document) -> list[tuple[int, int]]:
    """The paragraphs to show: the document's, plus any non-blank text between them."""
    text = doc.text
    size = len(text)
    # clipped to the text: a hand-built document may hold spans past its end
    paragraphs = [
        (min(p.start, size), min(p.end, size)) for p in doc.paragraphs if p.end > p.start
    ]
    paragraphs = [(s, e) for s, e in paragraphs if e > s]
    if not paragraphs:
        # A hand-built document: split the text at blank lines.
        blocks: list[tuple[int, int]] = []
        pos = 0
        for m in _BLANK_LINES.finditer(text):
            if m.start() > pos:
                blocks.append((pos, m.start()))
            pos = m.end()
        if pos < len(text):
            blocks.append((pos, len(text)))
        return [(s, e) for s, e in blocks if text[s:e].strip()]
    out: list[tuple[int, int]] = []
    pos = 0
    for s, e in sorted(paragraphs):
        s = max(s, pos)
        if s > pos and text[pos:s].strip():
            gs, ge = pos, s
            while gs < ge and text[gs].isspace():
                gs += 1
            while ge > gs and text[ge - 1].isspace():
                ge -= 1
            out.append((gs, ge))
        if e > s:
            out.append((s, e))
            pos = e
    if pos < len(text) and text[pos:].strip():
        tail = text[pos:]
        lead = len(tail) - len(tail.lstrip())
        out.append((pos + lead, pos + len(tail.rstrip())))
    return out


def _article(doc: Document, marks: list[_Mark], limit: int) -> str:
    text = doc.text
    started: set[int] = set()
    out: list[str] = []
    i = 0  # marks[:i] start before the current block
    active: list[_Mark] = []
    blocks = [(s, min(e, limit)) for s, e in _blocks(doc) if s < limit]
    for k, (s, e) in enumerate(blocks):
        while i < len(marks) and marks[i].start < e:
            active.append(marks[i])
            i += 1
        active = [m for m in active if m.end > s]
        inside = [m for m in active if m.start < e]
        tag = '<p class="sy-headline">' if k == 0 and len(blocks) > 1 and _headline(text[s:e]) else "<p>"
        out.append(f"{tag}{_render_block(text, 0, s, e, inside, started)}</p>")
    return "".join(out)


def _headline(block: str) -> bool:
    """A first paragraph that reads as a news headline: one short line, no closing stop."""
    return len(block) <= 150 and "\n" not in block and not block.rstrip().endswith(
        (".", "!", "?", ":", ";", ",", "…", "\"", "”", "’", "'", "»")
    )


def _kind_counts(doc: Document, speaker: Speaker) -> dict[str, int]:
    counts = {"direct": 0, "mixed": 0, "indirect": 0, "other": 0}
    attributions = doc.attributions
    for i in speaker.attributions:
        if 0 <= i < len(attributions):
            kind = attributions[i].kind
            counts[kind] = counts.get(kind, 0) + 1
    return counts


def speaker_table(doc: Document) -> str:
    """The speakers as an HTML table (a fragment without CSS; ``render`` styles it).

    One row per speaker: name, kind, number of attributions, counts per attribution kind
    (direct, mixed, indirect, other: a cue without content), and the attribution numbers
    used in the highlighted article.
    """
    rows = []
    for sp in doc.speakers:
        counts = _kind_counts(doc, sp)
        numbers = ", ".join(str(i + 1) for i in sp.attributions)
        rows.append(
            "<tr>"
            f"<td>{_esc(sp.name)}</td><td>{_esc(sp.kind)}</td>"
            f'<td class="sy-num">{len(sp.attributions)}</td>'
            f'<td class="sy-num">{counts["direct"]}</td>'
            f'<td class="sy-num">{counts["mixed"]}</td>'
            f'<td class="sy-num">{counts["indirect"]}</td>'
            f'<td class="sy-num">{counts["other"]}</td>'
            f"<td>{_esc(numbers)}</td>"
            "</tr>"
        )
    if not rows:
        return '<p class="sy-summary">No speakers found.</p>'
    head = (
        "<tr><th>Speaker</th><th>Kind</th><th>Attributions</th><th>Direct</th>"
        "<th>Mixed</th><th>Indirect</th><th>Other</th>"
        '<th title="the numbers of their attributions in the article">Numbers</th></tr>'
    )
    return _encodable(
        f'<table class="sy-speakers"><caption>Speakers</caption><thead>{head}</thead>'
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


def _legend(attributions: bool, hedges: bool) -> str:
    items = []
    if attributions:
        items += [
            '<span class="sy sy-source">source</span>',
            '<span class="sy sy-cue">cue</span>',
            '<span class="sy sy-content">content</span>',
        ]
    if hedges:
        items.append('<span class="sy sy-hedge">hedge</span>')
    if not items:
        return ""
    note = (
        '<span class="sy-note">Parts of one attribution share a number; hover for details.</span>'
        if attributions
        else ""
    )
    return f'<div class="sy-legend">{"".join(items)}{note}</div>'


def _summary(doc: Document) -> str:
    def n(count: int, word: str) -> str:
        return f"{count} {word}" + ("" if count == 1 else "s")

    return (
        f'<div class="sy-summary">{n(len(doc.sentences), "sentence")} · '
        f'{n(len(doc.attributions), "attribution")} · {n(len(doc.speakers), "speaker")}'
        f"{' · ' + n(len(doc.hedges), 'hedge') if doc.hedges else ''}</div>"
    )


def render(
    doc: Document,
    *,
    attributions: bool = True,
    speakers: bool = True,
    hedges: bool = True,
    page: bool = True,
    article: bool = True,
    max_chars: int | None = None,
) -> str:
    """The highlighted article, legend and speaker table as HTML.

    With ``page=True`` (the default) a standalone HTML page; with ``page=False`` the
    fragment Jupyter shows (``Document._repr_html_``). ``article=False`` leaves out the
    article and its legend (the speaker table alone); ``max_chars`` shows only the start of
    a longer article, with a note (``_repr_html_`` shows 300,000 characters, so that a huge
    text does not freeze the notebook). Self-contained: inline CSS, no scripts, nothing
    fetched.

    >>> import sayso
    >>> text = "Bread & <b>butter</b>, she said."
    >>> html = render(sayso.Document(text), page=False)
    >>> "Bread &amp; &lt;b&gt;butter&lt;/b&gt;" in html
    True
    """
    if not isinstance(doc, Document):
        raise TypeError(f"render expects a sayso.Document, not {type(doc).__name__}")
    shown = ""
    if article:
        marks = _marks(doc, attributions, hedges)
        limit = len(doc.text) if max_chars is None else max(0, max_chars)
        shown = (
            f'{_legend(attributions, hedges)}<div class="sy-article">'
            f"{_article(doc, marks, limit)}</div>"
        )
        if limit < len(doc.text):
            shown += (
                f'<p class="sy-note">Showing the first {limit:,} of {len(doc.text):,} '
                "characters; sayso.render(doc) gives the whole article.</p>"
            )
    body = (
        f'<div class="sayso-view"><style>{CSS}</style>{shown}'
        f"{speaker_table(doc) if speakers else ''}"
        f"{_summary(doc)}</div>"
    )
    if not page:
        return _encodable(body)
    title = _esc(_page_title(doc.text))
    return _encodable(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        '<meta http-equiv="Content-Security-Policy" '
        "content=\"default-src 'none'; style-src 'unsafe-inline'\">"
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<meta name="color-scheme" content="light dark">'
        f"<title>{title}</title><style>{_PAGE_CSS}</style></head>"
        f'<body class="sayso-page"><h1>sayso · who said what</h1>{body}</body></html>\n'
    )


def _page_title(text: str) -> str:
    first = text.strip().split("\n", 1)[0].strip() if text.strip() else ""
    if len(first) > 80:
        first = first[:77] + "..."
    return f"{first} — sayso" if first else "sayso"


def span_html(span: Span) -> str:
    """A span in Jupyter: its text, escaped, with its offsets."""
    return _encodable(
        f'<span title="text[{span.start}:{span.end}]" style="white-space:pre-wrap">'
        f"{_esc(span.text)}</span> "
        f'<small style="opacity:.7">[{span.start}:{span.end}]</small>'
    )


def speaker_html(speaker: Speaker) -> str:
    """One speaker in Jupyter: name and kind, title, description, mentions, attributions."""
    facts = [f"<b>{_esc(speaker.name)}</b> · {_esc(speaker.kind)}"]
    if speaker.title:
        facts.append(f"title: {_esc(speaker.title)}")
    if speaker.description:
        facts.append(f"described as: {_esc(speaker.description)}")
    rows = [" · ".join(facts)]
    if speaker.mentions:
        mentions = " ".join(
            f'<span class="sy sy-source" title="text[{m.start}:{m.end}]">{_esc(m.text)}</span>'
            for m in speaker.mentions
        )
        rows.append(f"mentions: {mentions}")
    numbers = ", ".join(str(i + 1) for i in speaker.attributions)
    rows.append(f"attributions: {len(speaker.attributions)}" + (f" ({numbers})" if numbers else ""))
    classes = [f"{k} {v}" for k, v in speaker.cue_classes.items() if v]
    if classes:
        rows.append(f"cues: {_esc(', '.join(classes))}")
    body = "".join(f"<div>{r}</div>" for r in rows)
    return _encodable(f'<div class="sayso-view"><style>{CSS}</style>{body}</div>')


def _covered(spans: Iterable[Span]) -> list[tuple[int, int, str]]:
    """Merge spans into disjoint covered pieces, each with its text."""
    pieces: list[tuple[int, int, str]] = []
    for s in sorted(spans, key=lambda s: (s.start, -s.end)):
        if s.end <= s.start:
            continue
        if pieces and s.start <= pieces[-1][1]:
            ps, pe, pt = pieces[-1]
            if s.end > pe:
                pt = pt + s.text[pe - s.start :]
                pieces[-1] = (ps, s.end, pt)
        else:
            pieces.append((s.start, s.end, s.text))
    return pieces


def attribution_html(a: Attribution, number: int = 1) -> str:
    """One attribution in Jupyter: its parts highlighted, gaps between them elided."""
    parts: list[Span] = ([] if a.source is None else [a.source]) + [a.cue] + list(a.content)
    marks = [
        _Mark(s.start, s.end, part, number, _attribution_title(part, number, a))
        for part, s in (
            ([] if a.source is None else [("source", a.source)])
            + [("cue", a.cue)]
            + [("content", c) for c in a.content]
        )
        if s.end > s.start
    ]
    marks.sort(key=lambda m: (m.start, -m.end, _ORDER[m.part], m.number))
    started: set[int] = set()
    pieces = []
    for s, e, piece_text in _covered(parts):
        inside = [m for m in marks if m.start < e and m.end > s]
        pieces.append(_render_block(piece_text, s, s, e, inside, started))
    gap = ' <span class="sy-gap">…</span> '
    detail = f"{a.kind} · {a.cue_class}" + (" · hedged" if a.hedged else "")
    speaker = "" if a.speaker is None else f" · speaker: {_esc(_speaker_label(a.speaker))}"
    return _encodable(
        f'<div class="sayso-view"><style>{CSS}</style><p style="white-space:pre-wrap">'
        f"{gap.join(pieces)}</p>"
        f'<div class="sy-summary">{_esc(detail)}{speaker}</div></div>'
    )


# --- displaCy ---------------------------------------------------------------------------

# Words keep inner apostrophes, hyphens and points (O'Brien-Okafor, 2.4); other marks stand alone.
_TOKEN = re.compile(r"\w+(?:['’.\-]\w+)*|[^\w\s]", re.UNICODE)


def _tokens(text: str, cuts: Iterable[int]) -> list[tuple[int, int]]:
    """Word and punctuation tokens of ``text``, also split at every offset in ``cuts``."""
    cut_points = sorted(set(cuts))
    out: list[tuple[int, int]] = []
    j = 0
    for m in _TOKEN.finditer(text):
        s, e = m.start(), m.end()
        while j < len(cut_points) and cut_points[j] <= s:
            j += 1
        k = j
        while k < len(cut_points) and cut_points[k] < e:
            out.append((s, cut_points[k]))
            s = cut_points[k]
            k += 1
        out.append((s, e))
    return out


def _displacy_spans(doc: Document) -> Iterator[tuple[int, int, str]]:
    for n, a in enumerate(doc.attributions, start=1):
        if a.source is not None:
            yield a.source.start, a.source.end, f"SOURCE {n}"
        yield a.cue.start, a.cue.end, f"CUE {n}"
        for c in a.content:
            yield c.start, c.end, f"CONTENT {n}"
    for h in doc.hedges:
        yield h.start, h.end, "HEDGE"


_DISPLACY_COLOURS = {
    "SOURCE": "#9fd3f5",
    "CUE": "#f5b48a",
    "CONTENT": "#f7d58b",
    "HEDGE": "#e7b5d2",
}


def displacy_options(data: dict[str, Any]) -> dict[str, Any]:
    """``options`` for ``displacy.render`` giving sources, cues, contents and hedges this
    view's colours (lighter Okabe-Ito tones): ``displacy.render(data, style="span",
    manual=True, options=displacy_options(data))``."""
    colours = {}
    for span in data.get("spans", []):
        label = str(span["label"])
        colour = _DISPLACY_COLOURS.get(label.split(" ", 1)[0])
        if colour is not None:
            colours[label] = colour
    return {"colors": colours}


def document_displacy(doc: Document) -> dict[str, Any]:
    """The document in the dict format of spaCy's ``displacy.render(..., style="span",
    manual=True)``: ``{"text", "spans": [{"start_token", "end_token", "label"}], "tokens"}``.

    Tokens are words and punctuation marks (whitespace is dropped), split wherever a span
    starts or ends, so every span maps onto whole tokens; ``end_token`` is exclusive, as in
    spaCy. Labels carry the attribution number (``SOURCE 1``, ``CUE 1``, ``CONTENT 1``;
    ``HEDGE``). Each span also keeps its ``start`` and ``end`` character offsets.
    """
    raw = [(s, e, label) for s, e, label in _displacy_spans(doc) if e > s]
    tokens = _tokens(doc.text, [p for s, e, _ in raw for p in (s, e)])
    starts = [s for s, _ in tokens]
    import bisect

    spans = []
    for s, e, label in raw:
        first = bisect.bisect_left(starts, s)
        last = bisect.bisect_left(starts, e)
        if last > first:
            spans.append(
                {"start_token": first, "end_token": last, "label": label, "start": s, "end": e}
            )
    return {
        "text": doc.text,
        "spans": spans,
        "tokens": [doc.text[s:e] for s, e in tokens],
    }
