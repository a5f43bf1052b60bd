"""Hypothesis: the offset invariants of the Python API on arbitrary ``str``, lone surrogates,
NUL and every other code point included, and on news-like text built from the pieces that
the stages react to. No deadline: tests never assert a time.
"""

from __future__ import annotations

import pickle

import sayso
from hypothesis import given, settings
from hypothesis import strategies as st
from sayso_checks import check_document, check_sentences

# Every code point, surrogates (category Cs) included.
ANY_CHAR = st.characters(exclude_categories=())

PIECES = [
    # abbreviations, initials, numbers, ellipses
    *["Mr.", "Dr.", "U.S.", "e.g.", "a.m.", "No.", "Jan.", "J.", "3.5", "...", "\u2026"],
    # cues and sources
    *["said", "says", "told", "according to", "added", "he", "she", "officials", "Minister"],
    # quotes and brackets
    *['"', "'", "\u201c", "\u201d", "\u2018", "\u2019", "\u00ab", "\u00bb", "\u201e", "(", ")"],
    # punctuation
    *[".", "!", "?", ",", ":", ";", "\u2014", "-"],
    # unicode: accents, combining, emoji with ZWJ, CJK, RTL, BOM, replacement char
    *["\u00e9", "e\u0301", "\U0001f600", "\U0001f469\u200d\U0001f467", "\u4e2d\u6587\u3002"],
    *["\u05e9\u05dc\u05d5\u05dd.", "\u202e", "\u200d", "\u200b", "\ufeff", "\ufffd"],
    # lone surrogates, a split pair, NUL and controls
    *["\ud800", "\udfff", "\ud83d\ude00", "\x00", "\x1c", "\x7f", "\x85"],
    # whitespace and line breaks
    *[" ", "  ", "\t", "\n", "\n\n", "\r\n", "\r", "\r\n\r\n", "\xa0", "\u2028", "\u3000"],
]

NEWS_LIKE = st.lists(
    st.one_of(
        st.sampled_from(PIECES),
        st.from_regex(r"[A-Z]?[a-z]{1,8}", fullmatch=True),
        st.text(ANY_CHAR, max_size=3),
    ),
    max_size=60,
).map(" ".join)

ANY_TEXT = st.text(ANY_CHAR, max_size=200)

TEXTS = st.one_of(ANY_TEXT, NEWS_LIKE)


@settings(deadline=None, max_examples=300)
@given(TEXTS)
def test_segment_offsets_index_the_string(text: str) -> None:
    check_sentences(text, sayso.segment(text))


@settings(deadline=None, max_examples=300)
@given(TEXTS)
def test_analyze_offsets_index_the_string(text: str) -> None:
    doc = sayso.analyze(text)
    check_document(text, doc)
    assert doc.sentences == sayso.segment(text)


@settings(deadline=None, max_examples=150)
@given(TEXTS)
def test_document_round_trips(text: str) -> None:
    doc = sayso.analyze(text)
    data = doc.to_dict()
    assert sayso.Document.from_dict(data).to_dict() == data
    assert pickle.loads(pickle.dumps(doc)).to_dict() == data
    check_document(text, pickle.loads(pickle.dumps(doc)))


@settings(deadline=None, max_examples=150)
@given(TEXTS, st.lists(st.from_regex(r"[A-Za-z.]{1,6}", fullmatch=True), max_size=4))
def test_configured_analyzer_offsets(text: str, abbreviations: list[str]) -> None:
    analyzer = sayso.Analyzer(abbreviations=abbreviations)
    check_document(text, analyzer.analyze(text))
    check_sentences(text, sayso.segment(text, abbreviations=abbreviations))


@settings(deadline=None, max_examples=60)
@given(
    st.lists(st.one_of(TEXTS, st.none(), st.integers(), st.binary(max_size=5)), max_size=12),
    st.integers(min_value=1, max_value=3),
    st.integers(min_value=1, max_value=5),
)
def test_batches_answer_every_record_in_order(
    items: list[object], threads: int, batch_size: int
) -> None:
    """Every record gets its result at its index: a Document equal to ``analyze`` for a str,
    a Failure naming the record's type for anything else, and the batch goes on."""
    results = list(sayso.analyze_many(items, threads=threads, batch_size=batch_size))
    assert len(results) == len(items)
    for i, (item, result) in enumerate(zip(items, results)):
        if isinstance(item, str):
            assert isinstance(result, sayso.Document), result
            check_document(item, result)
            assert result.to_dict() == sayso.analyze(item).to_dict()
        else:
            assert isinstance(result, sayso.Failure)
            assert result.index == i
            assert type(item).__name__ in result.error


# Each kind of code point (two, three and four UTF-8 bytes, a lone surrogate) at every
# position of a sixteen-code-point block of an otherwise ASCII attribution: the binding
# encodes non-ASCII text sixteen and four code points at a time.
BEYOND_ASCII = ["\u00e9", "\u2019", "\U0001f600", "\ud800", "\udfff"]


def test_every_position_of_a_block_beyond_ascii() -> None:
    base = '"The vote was close," Mayor Jane Roe said on Tuesday. She added that it rained.'
    for char in BEYOND_ASCII:
        for at in range(40):
            text = base[:at] + char + base[at:]
            doc = sayso.analyze(text)
            check_document(text, doc)
            assert doc.text is text
            assert doc.attributions, (char, at)
