"""Plain-data views of the result classes: dicts, JSON, pickling, reprs.

The classes themselves live in the native module; their methods call these functions.
Dict layout (also the JSON layout): spans are ``{"start", "end", "text"}`` with Python
``str`` offsets; an attribution's ``speaker`` is an index into ``speakers``.
"""

from __future__ import annotations

import json
from typing import Any

from sayso import display
from sayso._sayso import Attribution, Document, Span, Speaker

SpanDict = dict[str, Any]


def span_to_dict(span: Span) -> SpanDict:
    return {"start": span.start, "end": span.end, "text": span.text}


def span_from_dict(data: SpanDict, text: str) -> Span:
    start, end = int(data["start"]), int(data["end"])
    if not 0 <= start <= end <= len(text):
        raise ValueError(f"span [{start}, {end}) is outside a text of {len(text)} characters")
    return Span(start, end, text[start:end])


def _opt_span(span: Span | None) -> SpanDict | None:
    return None if span is None else span_to_dict(span)


def speaker_to_dict(speaker: Speaker) -> dict[str, Any]:
    return {
        "name": speaker.name,
        "kind": speaker.kind,
        "title": speaker.title,
        "description": speaker.description,
        "mentions": [span_to_dict(m) for m in speaker.mentions],
        "attributions": list(speaker.attributions),
        "cue_classes": dict(speaker.cue_classes),
    }


def attribution_to_dict(
    attribution: Attribution, speaker_index: dict[int, int] | None = None
) -> dict[str, Any]:
    speaker = attribution.speaker
    out: dict[str, Any] = {
        "source": _opt_span(attribution.source),
        "cue": span_to_dict(attribution.cue),
        "content": [span_to_dict(c) for c in attribution.content],
        "kind": attribution.kind,
        "sentence": attribution.sentence,
        "cue_class": attribution.cue_class,
        "hedged": attribution.hedged,
        "speaker_confidence": attribution.speaker_confidence,
    }
    if speaker_index is not None:
        out["speaker"] = None if speaker is None else speaker_index[id(speaker)]
    else:
        out["speaker"] = None if speaker is None else speaker.name
    return out


def document_to_dict(doc: Document) -> dict[str, Any]:
    speakers = doc.speakers
    index = {id(s): i for i, s in enumerate(speakers)}
    return {
        "text": doc.text,
        "sentences": [span_to_dict(s) for s in doc.sentences],
        "paragraphs": [span_to_dict(s) for s in doc.paragraphs],
        "quotes": [span_to_dict(s) for s in doc.quotes],
        "attributions": [attribution_to_dict(a, index) for a in doc.attributions],
        "speakers": [speaker_to_dict(s) for s in speakers],
        "hedges": [span_to_dict(s) for s in doc.hedges],
    }


def document_to_json(doc: Document, indent: int | None = None) -> str:
    return json.dumps(document_to_dict(doc), ensure_ascii=False, indent=indent)


def _speaker_from_dict(data: dict[str, Any], text: str) -> Speaker:
    return Speaker(
        name=data["name"],
        kind=data["kind"],
        title=data.get("title"),
        description=data.get("description"),
        mentions=[span_from_dict(m, text) for m in data.get("mentions", [])],
        attributions=[int(i) for i in data.get("attributions", [])],
        cue_classes=dict(data.get("cue_classes") or {}),
    )


def _attribution_from_dict(
    data: dict[str, Any], text: str, speakers: list[Speaker]
) -> Attribution:
    source = data.get("source")
    speaker = data.get("speaker")
    return Attribution(
        source=None if source is None else span_from_dict(source, text),
        cue=span_from_dict(data["cue"], text),
        content=[span_from_dict(c, text) for c in data.get("content", [])],
        kind=data["kind"],
        sentence=int(data["sentence"]),
        cue_class=data.get("cue_class", "neutral"),
        speaker=None if speaker is None else speakers[int(speaker)],
        hedged=bool(data.get("hedged", False)),
        speaker_confidence=(
            None if data.get("speaker_confidence") is None else float(data["speaker_confidence"])
        ),
    )


def document_from_dict(data: dict[str, Any] | str) -> Document:
    """Rebuild a ``Document`` from ``to_dict()`` output (or its JSON string)."""
    if isinstance(data, str):
        data = json.loads(data)
    if not isinstance(data, dict) or not isinstance(data.get("text"), str):
        raise TypeError("Document.from_dict expects a dict with a str 'text'")
    text: str = data["text"]
    speakers = [_speaker_from_dict(s, text) for s in data.get("speakers", [])]
    return Document(
        text,
        sentences=[span_from_dict(s, text) for s in data.get("sentences", [])],
        paragraphs=[span_from_dict(s, text) for s in data.get("paragraphs", [])],
        quotes=[span_from_dict(s, text) for s in data.get("quotes", [])],
        attributions=[
            _attribution_from_dict(a, text, speakers) for a in data.get("attributions", [])
        ],
        speakers=speakers,
        hedges=[span_from_dict(s, text) for s in data.get("hedges", [])],
    )


def document_reduce(doc: Document) -> tuple[Any, tuple[Any, ...]]:
    return (document_from_dict, (document_to_dict(doc),))


def _rebuild_speaker(data: dict[str, Any]) -> Speaker:
    mentions = [Span(int(m["start"]), int(m["end"]), m["text"]) for m in data["mentions"]]
    return Speaker(
        name=data["name"],
        kind=data["kind"],
        title=data.get("title"),
        description=data.get("description"),
        mentions=mentions,
        attributions=list(data["attributions"]),
        cue_classes=dict(data["cue_classes"]),
    )


def speaker_reduce(speaker: Speaker) -> tuple[Any, tuple[Any, ...]]:
    return (_rebuild_speaker, (speaker_to_dict(speaker),))


def attribution_reduce(attribution: Attribution) -> tuple[Any, tuple[Any, ...]]:
    return (_rebuild_standalone_attribution, (attribution_state(attribution),))


def attribution_state(attribution: Attribution) -> dict[str, Any]:
    speaker = attribution.speaker
    return {
        "source": attribution.source,
        "cue": attribution.cue,
        "content": attribution.content,
        "kind": attribution.kind,
        "sentence": attribution.sentence,
        "cue_class": attribution.cue_class,
        "speaker": speaker,
        "hedged": attribution.hedged,
        "speaker_confidence": attribution.speaker_confidence,
    }


def _rebuild_standalone_attribution(state: dict[str, Any]) -> Attribution:
    return Attribution(**state)


def _short(text: str, limit: int = 50) -> str:
    return text if len(text) <= limit else text[: limit - 3] + "..."


def speaker_repr(speaker: Speaker) -> str:
    return (
        f"Speaker({speaker.name!r}, kind={speaker.kind!r}, "
        f"attributions={len(speaker.attributions)})"
    )


def attribution_repr(a: Attribution) -> str:
    source = "None" if a.source is None else repr(_short(a.source.text, 40))
    content = " … ".join(c.text for c in a.content)
    speaker = a.speaker
    # who "she" or "the sculptor" is, when the source text does not say it
    who = (
        f", speaker={speaker.name!r}"
        if speaker is not None and (a.source is None or speaker.name != a.source.text)
        else ""
    )
    return (
        f"Attribution(source={source}{who}, cue={a.cue.text!r}, "
        f"content={_short(content)!r}, kind={a.kind!r})"
    )


def document_repr(doc: Document) -> str:
    return (
        f"Document({_short(doc.text, 40)!r}, sentences={len(doc.sentences)}, "
        f"attributions={len(doc.attributions)}, speakers={len(doc.speakers)})"
    )


def span_html(span: Span) -> str:
    return display.span_html(span)


def speaker_html(speaker: Speaker) -> str:
    return display.speaker_html(speaker)


def attribution_html(a: Attribution) -> str:
    return display.attribution_html(a)


def document_html(doc: Document) -> str:
    return display.render(doc, page=False, max_chars=display.NOTEBOOK_MAX_CHARS)


def document_displacy(doc: Document) -> dict[str, Any]:
    return display.document_displacy(doc)
