"""A ``Document`` made by the pipeline builds its lists on first access and keeps them.
Nothing of that shows: the same values, the same objects on every access, from any thread,
in any order, pickled or rebuilt before any access, from ``analyze``, ``analyze_many`` and
``Document.from_dict`` alike."""

from __future__ import annotations

import gc
import pickle
import threading
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import sayso

# Written for these tests: quotes, cues, a pronoun that resolves, non-ASCII text (curly
# quotes, accents, an emoji, CJK) so that str indices differ from UTF-8 byte offsets.
TEXT = (
    "\u201cThe bridge will open in May,\u201d said Mayor Ren\u00e9e Okafor on Tuesday. "
    "She added that the budget was \u201cunder control\u201d. \U0001f309\n\n"
    "According to the ministry, the plan is allegedly late. Dr. Hiro Tanaka (\u7530\u4e2d) "
    "said: \u201cWe are not worried.\u201d He told reporters the design was sound."
)
SURROGATE = "\ud800 " + TEXT + " \udfff"


def snapshot(doc: sayso.Document) -> dict[str, Any]:
    return doc.to_dict()


def check_links(doc: sayso.Document) -> None:
    """Every attribution's speaker is the very object in ``doc.speakers``, and the indices
    agree both ways."""
    attributions = doc.attributions
    speakers = doc.speakers
    for s in speakers:
        for i in s.attributions:
            assert attributions[i].speaker is s
    for a in attributions:
        if a.speaker is not None:
            assert any(a.speaker is s for s in speakers)


def test_the_seed_text_has_attributions_and_speakers() -> None:
    doc = sayso.analyze(TEXT)
    assert len(doc.attributions) >= 3
    assert any(a.speaker is not None for a in doc.attributions)
    assert doc.hedges
    assert len(doc.paragraphs) == 2


def test_every_access_gives_the_same_objects_in_fresh_lists() -> None:
    doc = sayso.analyze(TEXT)
    first = doc.attributions
    again = doc.attributions
    assert first is not again
    assert all(a is b for a, b in zip(first, again, strict=True))
    first.clear()  # the caller's list; the document keeps its own
    assert len(doc.attributions) == len(again)
    for name in ("sentences", "paragraphs", "quotes", "hedges", "speakers"):
        one, two = getattr(doc, name), getattr(doc, name)
        assert all(x is y for x, y in zip(one, two, strict=True)), name


def test_attribution_parts_read_twice_are_equal() -> None:
    # An attribution from the pipeline makes its spans when they are read: equal values,
    # equal hashes, every time (not the same objects).
    for a in sayso.analyze(SURROGATE).attributions:
        assert a.cue == a.cue and hash(a.cue) == hash(a.cue)
        assert a.source == a.source and a.content == a.content
        assert (a.kind, a.cue_class, a.sentence, a.hedged) == (
            a.kind,
            a.cue_class,
            a.sentence,
            a.hedged,
        )
        assert a.to_dict() == a.to_dict()


def test_speakers_link_whichever_list_is_read_first() -> None:
    speakers_first = sayso.analyze(TEXT)
    assert speakers_first.speakers
    check_links(speakers_first)
    attributions_first = sayso.analyze(TEXT)
    speaker = next(a.speaker for a in attributions_first.attributions if a.speaker is not None)
    assert any(speaker is s for s in attributions_first.speakers)
    check_links(attributions_first)
    assert snapshot(speakers_first) == snapshot(attributions_first)


def test_an_attribution_outlives_its_document() -> None:
    attribution = next(a for a in sayso.analyze(TEXT).attributions if a.speaker is not None)
    gc.collect()
    speaker = attribution.speaker
    assert speaker is not None
    assert speaker is attribution.speaker
    assert attribution.cue.text == TEXT[attribution.cue.start : attribution.cue.end]
    assert pickle.loads(pickle.dumps(attribution)).to_dict() == attribution.to_dict()


def test_spans_index_the_original_string_in_every_list() -> None:
    for text in (TEXT, SURROGATE):
        doc = sayso.analyze(text)
        spans = [*doc.sentences, *doc.paragraphs, *doc.quotes, *doc.hedges]
        for a in doc.attributions:
            spans += [a.cue, *a.content] + ([] if a.source is None else [a.source])
        for s in doc.speakers:
            spans += s.mentions
        assert spans
        for s in spans:
            assert text[s.start : s.end] == s.text


def test_pickled_before_any_access() -> None:
    fresh = sayso.analyze(SURROGATE)
    restored = pickle.loads(pickle.dumps(fresh))
    assert snapshot(restored) == snapshot(sayso.analyze(SURROGATE))
    check_links(restored)
    # and the original still builds its lists after being pickled
    check_links(fresh)
    assert snapshot(fresh) == snapshot(restored)


def test_from_dict_documents_behave_like_analyzed_ones() -> None:
    data = sayso.analyze(TEXT).to_dict()
    rebuilt = sayso.Document.from_dict(data)
    assert snapshot(rebuilt) == data
    check_links(rebuilt)
    assert all(a is b for a, b in zip(rebuilt.attributions, rebuilt.attributions, strict=True))
    assert repr(rebuilt) == repr(sayso.analyze(TEXT))
    from_json = sayso.Document.from_dict(rebuilt.to_json())
    assert snapshot(from_json) == data


def test_a_hand_built_document_keeps_what_it_was_given() -> None:
    text = "Ann said yes."
    span = sayso.Span(0, 3, "Ann")
    speaker = sayso.Speaker(name="Ann", kind="person", mentions=[span], attributions=[0])
    a = sayso.Attribution(
        source=span,
        cue=sayso.Span(4, 8, "said"),
        content=[sayso.Span(9, 12, "yes")],
        kind="indirect",
        sentence=0,
        cue_class="neutral",
        speaker=speaker,
    )
    doc = sayso.Document(text, attributions=[a], speakers=[speaker])
    assert doc.attributions[0] is a
    assert doc.speakers[0] is speaker
    assert doc.sentences == [] and doc.quotes == []
    check_links(doc)


def read_all(
    doc: sayso.Document, barrier: threading.Barrier, speakers_first: bool
) -> tuple[list[int], list[int], dict[str, Any]]:
    barrier.wait(timeout=30)
    if speakers_first:
        speakers, attributions = doc.speakers, doc.attributions
    else:
        attributions, speakers = doc.attributions, doc.speakers
    check_links(doc)
    return [id(a) for a in attributions], [id(s) for s in speakers], doc.to_dict()


def test_one_document_read_from_eight_threads_at_once() -> None:
    expected = snapshot(sayso.analyze(SURROGATE))
    with ThreadPoolExecutor(8) as pool:
        for _ in range(5):
            doc = sayso.analyze(SURROGATE)  # nothing built yet
            barrier = threading.Barrier(8)
            # half the threads start with the speakers, half with the attributions
            futures = [pool.submit(read_all, doc, barrier, k % 2 == 1) for k in range(8)]
            seen = [f.result(timeout=60) for f in futures]
            for ids_a, ids_s, data in seen:
                assert ids_a == seen[0][0] and ids_s == seen[0][1]
                assert data == expected


def test_batch_documents_equal_analyze() -> None:
    texts = [TEXT, SURROGATE, "", "plain ascii, he said.", "\u00e9" * 50 + " said Ann."]
    for threads in (1, 2):
        docs = list(sayso.analyze_many(texts, threads=threads))
        assert [snapshot(d) for d in docs if isinstance(d, sayso.Document)] == [
            snapshot(sayso.analyze(t)) for t in texts
        ]
        for doc in docs:
            assert isinstance(doc, sayso.Document)
            check_links(doc)
        segmented = list(sayso.segment_many(texts, threads=threads))
        assert segmented == [sayso.segment(t) for t in texts]
