"""The issue's adversarial inputs, at sizes that keep the suite fast: each gives a result, not
an exception, and the result indexes the text exactly. Their timing at full size is in
``benches/adversarial.py``; no test here asserts a time.
"""

from __future__ import annotations

import pytest
import sayso
from adversarial_inputs import TABLE, Adversarial
from sayso_checks import check_document, check_sentences


def small(row: Adversarial) -> str:
    """The input at 1/100 of the issue's size, at most 200,000 units."""
    return row.make(min(row.full // 100, 200_000))


@pytest.mark.parametrize("row", TABLE, ids=[row.name for row in TABLE])
def test_adversarial_input_gives_a_result(row: Adversarial) -> None:
    text = small(row)
    check_sentences(text, sayso.segment(text))
    check_document(text, sayso.analyze(text))


@pytest.mark.parametrize("row", TABLE, ids=[row.name for row in TABLE])
def test_adversarial_input_in_a_configured_analyzer(row: Adversarial) -> None:
    analyzer = sayso.Analyzer(abbreviations=["approx", "Mr"], extra_cues={"opined": "tentative"})
    text = small(row)
    check_document(text, analyzer.analyze(text))


@pytest.mark.parametrize(
    "text",
    ["", " ", "\n", "\r", "\r\n", "\u2028", "\x00", "\ud800", "\udfff\ud800", ".", '"', "\u201c"],
)
def test_tiny_inputs(text: str) -> None:
    check_sentences(text, sayso.segment(text))
    check_document(text, sayso.analyze(text))


def test_whitespace_only_has_no_sentences() -> None:
    for row in TABLE:
        if "whitespace only" in row.name or "spaces only" in row.name:
            text = small(row)
            assert sayso.segment(text) == []
            assert sayso.analyze(text).sentences == []


def test_lone_surrogates_survive_in_span_text() -> None:
    text = "\ud800Abc said \udfff. Next \udc00 one."
    spans = sayso.segment(text)
    assert "".join(s.text for s in spans).count("\ud800") == 1
    assert any("\udc00" in s.text for s in spans)
    check_sentences(text, spans)


def test_the_whole_table_in_one_batch_with_bad_records() -> None:
    """One batch of every adversarial input, with non-str records between them: each text
    is answered with its document, each bad record with a failure at its index."""
    items: list[object] = []
    for row in TABLE:
        items += [small(row), None]
    results = list(sayso.analyze_many(items, threads=2, batch_size=7))
    assert len(results) == len(items)
    for i, (item, result) in enumerate(zip(items, results)):
        if item is None:
            assert isinstance(result, sayso.Failure) and result.index == i
        else:
            assert isinstance(item, str) and isinstance(result, sayso.Document)
            check_document(item, result)
