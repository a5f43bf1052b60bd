"""Speakers, hedges and speaker confidence from Python, on passages written for these tests.

Attributions are given by hand through ``sayso._sayso._analyze_attributions`` so that the
speaker stage is tested whatever the attribution stage finds.
"""

from __future__ import annotations

import json
import pickle

import pytest
import sayso
from sayso._sayso import _analyze_attributions


def find(text: str, part: str, start: int = 0) -> tuple[int, int]:
    i = text.index(part, start)
    return (i, i + len(part))


def given(text: str, pairs: list[tuple[str, str]]) -> sayso.Document:
    """Attributions from (source, cue) pairs, found left to right; content is the rest of
    the cue's sentence."""
    rels = []
    cursor = 0
    for source, cue in pairs:
        s = find(text, source, cursor)
        c = find(text, cue, cursor)
        cursor = min(s[1], c[1])
        end = text.find(".", c[1])
        content = [(c[1] + 1, end)] if end > c[1] + 1 else []
        rels.append((s, c, content))
    return _analyze_attributions(text, rels)


TEXT = (
    "😀 Ágnes Kovács, a chemist at the city lab, said the water was safe. "
    "Kovács added that tests allegedly showed lead in two schools. "
    "Her report said more tests were due. "
    "Anonymous officials said the lab was short of staff."
)


def test_names_kinds_and_links_with_str_offsets() -> None:
    doc = given(
        TEXT,
        [
            ("Ágnes Kovács, a chemist at the city lab", "said"),
            ("Kovács", "added"),
            ("Her report", "said"),
            ("Anonymous officials", "said"),
        ],
    )
    names = [s.name for s in doc.speakers]
    assert names == ["Ágnes Kovács", "Anonymous officials"]
    chemist = doc.speakers[0]
    assert chemist.kind == "person"
    assert chemist.description == "a chemist at the city lab"
    assert chemist.attributions == [0, 1, 2]
    assert [m.text for m in chemist.mentions] == ["Ágnes Kovács", "Kovács", "Her"]
    for m in chemist.mentions:
        assert TEXT[m.start : m.end] == m.text
    a = doc.attributions
    assert a[0].speaker is not None and a[0].speaker.name == "Ágnes Kovács"
    assert a[2].speaker is not None and a[2].speaker.name == "Ágnes Kovács"
    assert a[3].speaker is not None and a[3].speaker.kind == "anonymous"
    assert a[0].speaker_confidence == 1.0
    assert 0.0 < a[2].speaker_confidence < 1.0


def test_hedges_are_found_and_flag_the_attribution_holding_them() -> None:
    doc = given(TEXT, [("Kovács", "added")])
    assert [h.text for h in doc.hedges] == ["allegedly"]
    h = doc.hedges[0]
    assert TEXT[h.start : h.end] == "allegedly"
    assert doc.attributions[0].hedged
    assert [h.text for h in sayso.analyze(TEXT).hedges] == ["allegedly"]


def test_cue_classes_are_counted_per_speaker() -> None:
    doc = given(TEXT, [("Kovács", "added")])
    assert doc.speakers[0].cue_classes == {
        "neutral": 1,
        "assertive": 0,
        "tentative": 0,
        "distancing": 0,
    }


def test_speakers_round_trip_through_dict_json_and_pickle() -> None:
    doc = given(TEXT, [("Ágnes Kovács, a chemist at the city lab", "said"), ("Her report", "said")])
    data = doc.to_dict()
    assert data["attributions"][1]["speaker"] == 0
    assert data["attributions"][1]["speaker_confidence"] == pytest.approx(
        doc.attributions[1].speaker_confidence
    )
    assert data["speakers"][0]["description"] == "a chemist at the city lab"
    again = sayso.Document.from_dict(json.loads(doc.to_json()))
    assert again.to_dict() == data
    assert pickle.loads(pickle.dumps(doc)).to_dict() == data
    speaker = pickle.loads(pickle.dumps(doc.speakers[0]))
    assert speaker.name == "Ágnes Kovács" and speaker.attributions == [0, 1]
    attribution = pickle.loads(pickle.dumps(doc.attributions[1]))
    assert attribution.speaker_confidence == doc.attributions[1].speaker_confidence


def test_speaker_objects_are_frozen() -> None:
    doc = given(TEXT, [("Kovács", "added")])
    with pytest.raises(AttributeError):
        doc.speakers[0].name = "x"  # type: ignore[misc]
    with pytest.raises(AttributeError):
        doc.attributions[0].speaker_confidence = 0.1  # type: ignore[misc]


def test_pronoun_follows_gender_and_groups_stay_apart() -> None:
    text = (
        "Coach Maria Santos met club owner Peter Hall. She said the season was over. "
        "He said it was not. Fans said they were angry."
    )
    doc = given(
        text,
        [("Coach Maria Santos", "met"), ("She", "said"), ("He", "said"), ("Fans", "said")],
    )
    who = [a.speaker.name if a.speaker else None for a in doc.attributions]
    assert who == ["Maria Santos", "Maria Santos", "Peter Hall", "Fans"]
    assert [a.speaker.kind for a in doc.attributions if a.speaker] == [
        "person",
        "person",
        "person",
        "group",
    ]


def test_missing_source_has_no_speaker_and_zero_confidence() -> None:
    text = "It was said that the river rose."
    doc = _analyze_attributions(text, [(None, find(text, "said"), [])])
    assert doc.attributions[0].speaker is None
    assert doc.attributions[0].speaker_confidence == 0.0
    assert doc.speakers == []


@pytest.mark.parametrize("bad", [[((5, 2), (0, 1), [])], [(None, (0, 999), [])]])
def test_bad_given_spans_are_value_errors(bad: list[object]) -> None:
    with pytest.raises(ValueError, match="outside"):
        _analyze_attributions("short text", bad)  # type: ignore[arg-type]


def test_odd_text_never_fails() -> None:
    for text in ["", "\ud800 he said", "\x00", "’s", "“" * 1000]:
        n = len(text)
        doc = _analyze_attributions(text, [((0, min(2, n)), (0, n), [])])
        for s in doc.speakers:
            for m in s.mentions:
                assert text[m.start : m.end] == m.text
