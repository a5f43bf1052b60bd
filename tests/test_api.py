"""The Python API contract: types, offsets, errors, round trips."""

import pickle

import pytest
import sayso


def check_offsets(text: str, spans: list[sayso.Span]) -> None:
    for s in spans:
        assert text[s.start : s.end] == s.text


def test_empty_text_has_no_sentences() -> None:
    assert sayso.segment("") == []
    assert sayso.analyze("").sentences == []


@pytest.mark.parametrize("bad", [None, 3, b"bytes", ["a list"], 4.5])
def test_non_str_raises_type_error_naming_the_type(bad: object) -> None:
    with pytest.raises(TypeError, match=type(bad).__name__):
        sayso.segment(bad)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=type(bad).__name__):
        sayso.analyze(bad)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "text",
    [
        "“Are you coming?” she asked. — He didn’t say.",
        "Emoji 😀 first. Then 中文 text. Then e\u0301 combined.",
        "Lone \ud800 surrogate. Another \udfff one.",
        "NUL \x00 inside. Still fine.",
    ],
)
def test_offsets_index_the_original_string(text: str) -> None:
    spans = sayso.segment(text)
    assert spans
    check_offsets(text, spans)
    doc = sayso.analyze(text)
    assert doc.text is text or doc.text == text
    check_offsets(text, doc.sentences)


def test_span_is_frozen_comparable_and_picklable() -> None:
    s = sayso.Span(0, 5, "Hello")
    assert s == sayso.Span(0, 5, "Hello")
    assert s != sayso.Span(0, 4, "Hell")
    assert hash(s) == hash(sayso.Span(0, 5, "Hello"))
    assert pickle.loads(pickle.dumps(s)) == s
    assert repr(s) == "Span(0, 5, 'Hello')"
    with pytest.raises(AttributeError):
        s.start = 3  # type: ignore[misc]


def test_document_round_trips_through_dict_json_and_pickle() -> None:
    text = "It rained. The match went on.\n\nA new paragraph."
    doc = sayso.analyze(text)
    again = sayso.Document.from_dict(doc.to_dict())
    assert again.to_dict() == doc.to_dict()
    assert sayso.Document.from_dict(doc.to_json()).to_dict() == doc.to_dict()
    assert pickle.loads(pickle.dumps(doc)).to_dict() == doc.to_dict()
    assert [p.text for p in doc.paragraphs] == ["It rained. The match went on.", "A new paragraph."]


def test_analyzer_pickles_as_its_configuration() -> None:
    analyzer = sayso.Analyzer(abbreviations=["approx"], extra_cues={"opined": "neutral"})
    clone = pickle.loads(pickle.dumps(analyzer))
    assert clone.config_json() == analyzer.config_json()
    text = "It costs approx. five dollars. Fine."
    assert [s.text for s in clone.segment(text)] == ["It costs approx. five dollars.", "Fine."]


def test_bad_cue_class_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="cue class"):
        sayso.Analyzer(extra_cues={"opined": "angry"})


def test_analyze_without_speakers_differs_only_in_speakers() -> None:
    # The benchmark's entry point (benches/bench_analyze.py) must time the same work as
    # analyze, less the speaker stage.
    from sayso._sayso import _analyze_without_speakers

    text = (
        "Mayor Ann Lee said the bridge would reopen. “It is safe,” she added. "
        "Critics, according to the Daily Courier, allegedly disagree."
    )
    full, bare = sayso.analyze(text), _analyze_without_speakers(text)
    assert full.speakers and not bare.speakers
    assert [s.text for s in bare.sentences] == [s.text for s in full.sentences]
    assert [s.text for s in bare.hedges] == [s.text for s in full.hedges]
    assert len(bare.attributions) == len(full.attributions) > 0
    for a, b in zip(full.attributions, bare.attributions):
        assert (a.source, a.cue, a.content, a.kind, a.hedged) == (
            b.source,
            b.cue,
            b.content,
            b.kind,
            b.hedged,
        )
        assert b.speaker is None and b.speaker_confidence == 0.0
    with pytest.raises(TypeError):
        _analyze_without_speakers(b"bytes")  # type: ignore[arg-type]
