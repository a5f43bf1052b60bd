"""Attributions through the Python API: kinds, fragments, classes, offsets on unicode text."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest
import sayso


def spans_ok(text: str, doc: sayso.Document) -> None:
    for a in doc.attributions:
        for s in [a.cue, *a.content, *([a.source] if a.source else [])]:
            assert text[s.start : s.end] == s.text


def test_direct_quote_with_source_after() -> None:
    text = "“We will rebuild the bridge,” she said."
    (a,) = sayso.analyze(text).attributions
    assert a.source is not None and a.source.text == "she"
    assert a.cue.text == "said"
    assert [c.text for c in a.content] == ["“We will rebuild the bridge,”"]
    assert a.kind == "direct"
    assert a.sentence == 0
    assert a.cue_class == "neutral"


def test_indirect_mixed_and_fragments() -> None:
    text = (
        "The mayor said that the budget would be cut. "
        "She called the plan “a disaster” for farmers, the aide insisted. "
        "“The river is rising,” he said, “and we must leave.”"
    )
    doc = sayso.analyze(text)
    kinds = [a.kind for a in doc.attributions]
    # `called X “…”` is an attribution of its own, nested in what the aide insisted
    assert kinds == ["indirect", "mixed", "mixed", "direct"]
    called, insisted = doc.attributions[1], doc.attributions[2]
    assert (called.cue.text, called.cue_class) == ("called", "distancing")
    assert [c.text for c in called.content] == ["the plan “a disaster” for farmers"]
    assert (insisted.cue.text, insisted.cue_class) == ("insisted", "assertive")
    assert [c.text for c in insisted.content] == ["She called the plan “a disaster” for farmers"]
    assert [c.text for c in doc.attributions[3].content] == [
        "“The river is rising,”",
        "“and we must leave.”",
    ]
    assert [a.sentence for a in doc.attributions] == [0, 1, 1, 2]
    spans_ok(text, doc)


@pytest.mark.parametrize(
    "text",
    [
        "😀 “Ça va très bien,” a dit Zoë Müller. 中文 “好的,” said Li Wei. ",
        "“Is it 10 °C?” asked Søren Ørsted. He added that it was ‘cold’ 🥶.",
        "\ud800 “Broken \udfff text,” said Ana. \x00",
    ],
)
def test_offsets_are_str_indices_on_unicode(text: str) -> None:
    doc = sayso.analyze(text)
    assert doc.attributions
    spans_ok(text, doc)
    for q in doc.quotes:
        assert text[q.start : q.end] == q.text


def test_according_to() -> None:
    text = "The park will close in June, according to a report by the Harbor Times."
    (a,) = sayso.analyze(text).attributions
    assert a.source is not None and a.source.text == "a report by the Harbor Times"
    assert a.cue.text == "according to"
    assert a.content[0].text == "The park will close in June"


def test_extra_cues_and_cue_file(tmp_path: Path) -> None:
    text = "The minister grumbled that the room was cold."
    assert sayso.analyze(text).attributions == []
    extra = sayso.Analyzer(extra_cues={"grumbled": "distancing"})
    (a,) = extra.analyze(text).attributions
    assert a.cue_class == "distancing"
    lexicon = tmp_path / "cues.txt"
    lexicon.write_text("# my cues\ngrumble | distancing | verb\n", encoding="utf-8")
    from_file = sayso.Analyzer(cue_file=str(lexicon))
    (b,) = from_file.analyze("“Cold,” she grumbles.").attributions
    assert b.cue.text == "grumbles"
    again = pickle.loads(pickle.dumps(from_file))
    assert len(again.analyze("“Cold,” she grumbles.").attributions) == 1
    with pytest.raises(OSError):
        sayso.Analyzer(cue_file=str(tmp_path / "missing.txt"))
    lexicon.write_text("grumble | grumpy\n", encoding="utf-8")
    with pytest.raises(sayso.SaysoError):
        sayso.Analyzer(cue_file=str(lexicon))


def test_round_trip_keeps_attributions() -> None:
    text = "“It is early,” the sculptor said. Lavrov said that it would be built."
    doc = sayso.analyze(text)
    back = sayso.Document.from_dict(doc.to_dict())
    assert back.to_dict() == doc.to_dict()
    assert pickle.loads(pickle.dumps(doc)).to_dict() == doc.to_dict()


@pytest.mark.parametrize(
    "text",
    [
        '"' * 100_000,
        "said " * 200_000,
        "he said “" * 20_000,
        "A" * 1_000_000 + " said.",
        "x, " * 100_000 + "he said.",
    ],
)
def test_adversarial_input_is_answered(text: str) -> None:
    doc = sayso.analyze(text)
    spans_ok(text, doc)


def test_readme_example() -> None:
    text = (
        "“The bridge will reopen in May,” Mayor Ruth Okafor said on Monday, “and tolls will not rise.” "
        "City engineers, however, warned that the repairs could take longer. "
        "The plan is rushed, according to a report by the Harbor Gazette. "
        "Some residents praised the decision, with others suggesting it was a campaign stunt."
    )
    got = [
        (a.kind, a.cue_class, a.source.text if a.source else None, a.cue.text)
        + tuple(c.text for c in a.content)
        for a in sayso.analyze(text).attributions
    ]
    assert got == [
        (
            "direct",
            "neutral",
            "Mayor Ruth Okafor",
            "said",
            "“The bridge will reopen in May,”",
            "“and tolls will not rise.”",
        ),
        ("indirect", "assertive", "City engineers", "warned", "that the repairs could take longer"),
        (
            "indirect",
            "neutral",
            "a report by the Harbor Gazette",
            "according to",
            "The plan is rushed",
        ),
        ("indirect", "assertive", "Some residents", "praised", "the decision"),
        ("indirect", "tentative", "others", "suggesting", "it was a campaign stunt"),
    ]


def test_question_and_object_cues() -> None:
    text = (
        "The senator asked whether the dam would hold. "
        "The governor wants to raise the tax on fuel. "
        "The union opposes the new contract."
    )
    doc = sayso.analyze(text)
    got = [
        (a.source.text if a.source else None, a.cue.text, [c.text for c in a.content])
        for a in doc.attributions
    ]
    assert ("The senator", "asked", ["whether the dam would hold"]) in got
    assert ("The governor", "wants", ["to raise the tax on fuel"]) in got
    assert ("The union", "opposes", ["the new contract"]) in got
    spans_ok(text, doc)


def test_evidence_subject_takes_object_clause() -> None:
    text = "A new survey shows the mayor leading by ten points. The photo shows a bridge."
    doc = sayso.analyze(text)
    got = [(a.cue.text, [c.text for c in a.content]) for a in doc.attributions]
    assert got == [("shows", ["the mayor leading by ten points"])]
    spans_ok(text, doc)


def test_object_verb_with_infinitive() -> None:
    text = "The minister vowed to cut the fuel tax. The plan is believed to be costly."
    doc = sayso.analyze(text)
    got = [(a.cue.text, [c.text for c in a.content]) for a in doc.attributions]
    assert got == [("vowed", ["to cut the fuel tax"])]
    spans_ok(text, doc)
