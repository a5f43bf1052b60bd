"""sayso.segment from Python: exact str offsets on any text, bad input, extra abbreviations."""

from __future__ import annotations

import pytest
import sayso
from hypothesis import given, settings
from hypothesis import strategies as st
from sayso_checks import check_sentences


def texts(text: str) -> list[str]:
    return [s.text for s in sayso.segment(text)]


def check(text: str) -> None:
    check_sentences(text, sayso.segment(text))


@pytest.mark.parametrize(
    "text, want",
    [
        ("“Are you coming?” she asked. He was.", ["“Are you coming?” she asked.", "He was."]),
        (
            "Dr. Lee paid $4.50 at 3 p.m. Tuesday. Fine.",
            ["Dr. Lee paid $4.50 at 3 p.m. Tuesday.", "Fine."],
        ),
        (
            "It was an ‘illegal raid.’ Officials denied it.",
            ["It was an ‘illegal raid.’", "Officials denied it."],
        ),
        ("Title Line\n\nBody text — more. 😀 Yes.", ["Title Line", "Body text — more.", "😀 Yes."]),
        ("日本語の文。次の文！", ["日本語の文。", "次の文！"]),
        ("Café e\u0301t\u00e9. Ok.", ["Café e\u0301t\u00e9.", "Ok."]),
    ],
)
def test_own_cases(text: str, want: list[str]) -> None:
    assert texts(text) == want
    check(text)


@pytest.mark.parametrize(
    "text",
    [
        "“Quoted,” she said — then left. 😀😀 Next… 中文。 e\u0301! ok",
        "\ud800 lone. \udfff Surrogates. A\ud83dB.",
        "NUL\x00 inside. Yes\x00.",
        "no-spaces" * 1000,
        "." * 10_000,
        '"' * 10_000,
        "",
        "   \n\n  ",
    ],
)
def test_offsets_are_str_indices(text: str) -> None:
    check(text)


def test_lone_surrogate_counts_as_one_character() -> None:
    text = "A\ud800. Next one."
    spans = sayso.segment(text)
    assert [(s.start, s.end) for s in spans] == [(0, 3), (4, 13)]
    assert spans[0].text == "A\ud800."


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab .?!\n'\"“”‘’()[]1Mr…—•。😀é\u0301")), max_size=60))
def test_invariants_hold_for_generated_text(text: str) -> None:
    check(text)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=40))
def test_invariants_hold_for_any_str(text: str) -> None:
    check(text)


@pytest.mark.parametrize("bad", [None, b"bytes", 3, ["a list"]])
def test_non_str_is_a_type_error(bad: object) -> None:
    with pytest.raises(TypeError):
        sayso.segment(bad)  # type: ignore[arg-type]


def test_extra_abbreviations() -> None:
    text = "The fee is Ksh. Ten thousand is a lot."
    assert len(sayso.segment(text)) == 2
    assert len(sayso.segment(text, abbreviations=["Ksh."])) == 1
    assert len(sayso.segment(text, abbreviations=["ksh"])) == 1
    assert texts(text) == texts(text)  # the default segmenter is untouched


def test_analyzer_segment_matches_function() -> None:
    text = "Mr. Lee met Gov. Hart. They spoke."
    assert sayso.Analyzer().segment(text) == sayso.segment(text)
