"""Invariants every sayso result holds for any ``str``, checked from Python. Shared by the
hypothesis, adversarial and thread tests (the Rust side has ``tests/support/invariants.rs``).
"""

from __future__ import annotations

from collections.abc import Sequence

import sayso

# What the core counts as whitespace (Rust's ``char::is_whitespace``, the Unicode White_Space
# property). Python's ``str.isspace`` differs: it also counts U+001C..U+001F.
RUST_WHITESPACE = (
    "\t\n\x0b\x0c\r \x85\xa0\u1680"
    + "".join(chr(c) for c in range(0x2000, 0x200B))
    + "\u2028\u2029\u202f\u205f\u3000"
)


def check_span(text: str, s: sayso.Span, what: str) -> None:
    assert isinstance(s.start, int) and isinstance(s.end, int), what
    assert 0 <= s.start <= s.end <= len(text), f"{what} {s!r} out of bounds ({len(text)})"
    assert text[s.start : s.end] == s.text, f"{what} {s!r} does not match the text"


def check_ordered(text: str, spans: Sequence[sayso.Span], what: str) -> None:
    """Valid, non-empty, in order, disjoint."""
    end = 0
    for i, s in enumerate(spans):
        check_span(text, s, f"{what}[{i}]")
        assert s.start < s.end, f"{what}[{i}] {s!r} is empty"
        assert s.start >= end, f"{what}[{i}] {s!r} overlaps the span before it"
        end = s.end


def check_sentences(text: str, sentences: Sequence[sayso.Span]) -> None:
    """Ordered, trimmed, and every non-whitespace character in exactly one sentence."""
    check_ordered(text, sentences, "sentence")
    pos = 0
    for i, s in enumerate(sentences):
        assert s.text.strip(RUST_WHITESPACE) == s.text, f"sentence[{i}] {s!r} is not trimmed"
        gap = text[pos : s.start]
        assert gap.strip(RUST_WHITESPACE) == "", f"{gap!r} before sentence[{i}] is in none"
        pos = s.end
    assert text[pos:].strip(RUST_WHITESPACE) == "", "text after the last sentence is in none"


def check_document(text: str, doc: sayso.Document) -> None:
    """Every span of the document indexes ``text``; every link points inside the document."""
    assert doc.text == text
    sentences = doc.sentences
    check_sentences(text, sentences)
    paragraphs = doc.paragraphs
    check_ordered(text, paragraphs, "paragraph")
    for i, s in enumerate(sentences):
        assert any(p.start <= s.start and s.end <= p.end for p in paragraphs), (
            f"sentence[{i}] {s!r} is in no paragraph"
        )
    for name, spans in (("quote", doc.quotes), ("hedge", doc.hedges)):
        for i, s in enumerate(spans):
            check_span(text, s, f"{name}[{i}]")
    speakers = doc.speakers
    for i, a in enumerate(doc.attributions):
        check_span(text, a.cue, f"attribution[{i}].cue")
        if a.source is not None:
            check_span(text, a.source, f"attribution[{i}].source")
        check_ordered(text, a.content, f"attribution[{i}].content")
        assert a.kind in ("direct", "mixed", "indirect", "other")
        assert 0 <= a.sentence < len(sentences), f"attribution[{i}].sentence out of range"
        if a.speaker is not None:
            assert any(a.speaker is sp for sp in speakers), f"attribution[{i}] speaker unknown"
    for k, sp in enumerate(speakers):
        for j, m in enumerate(sp.mentions):
            check_span(text, m, f"speaker[{k}].mention[{j}]")
