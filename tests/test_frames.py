"""Tidy tables: sayso.to_pandas / to_arrow / to_polars and sayso.frames.columns."""

from __future__ import annotations

import sys
from typing import Any

import pytest
import sayso
from sayso import frames
from sayso._sayso import Attribution, Document, Span, Speaker

TEXT = "“It will rain,” said Ann Lee. Later, officials claimed it would not."


def span(text: str, part: str, start_at: int = 0) -> Span:
    start = text.index(part, start_at)
    return Span(start, start + len(part), part)


def built_document() -> Document:
    """A document with attributions and speakers, built by hand."""
    t = TEXT
    ann = Speaker(
        name="Ann Lee",
        kind="person",
        mentions=[span(t, "Ann Lee")],
        attributions=[0],
        cue_classes={"neutral": 1},
    )
    officials = Speaker(
        name="officials",
        kind="group",
        mentions=[span(t, "officials")],
        attributions=[1],
        cue_classes={"distancing": 1},
    )
    a0 = Attribution(
        source=span(t, "Ann Lee"),
        cue=span(t, "said"),
        content=[span(t, "It will rain,")],
        kind="direct",
        sentence=0,
        cue_class="neutral",
        speaker=ann,
    )
    a1 = Attribution(
        source=None,
        cue=span(t, "claimed"),
        content=[span(t, "it would"), span(t, "not")],
        kind="indirect",
        sentence=1,
        cue_class="distancing",
        speaker=None,
        hedged=True,
    )
    return Document(
        t,
        sentences=[span(t, "“It will rain,” said Ann Lee."), span(t, "Later, officials claimed it would not.")],
        paragraphs=[Span(0, len(t), t)],
        attributions=[a0, a1],
        speakers=[ann, officials],
    )


def test_attribution_rows() -> None:
    cols = frames.columns([(built_document(), "doc-1")], "attributions")
    assert list(cols) == ["doc_id"] + [n for n, _ in frames.SCHEMAS["attributions"]]
    rows = [dict(zip(cols, values)) for values in zip(*cols.values())]
    assert len(rows) == 2
    first, second = rows
    assert first["doc_id"] == "doc-1" and first["attribution"] == 0
    assert (first["source_text"], first["cue_text"], first["content_text"]) == (
        "Ann Lee", "said", "It will rain,",
    )
    assert TEXT[first["source_start"] : first["source_end"]] == "Ann Lee"
    assert TEXT[first["content_start"] : first["content_end"]] == "It will rain,"
    assert (first["kind"], first["cue_class"], first["speaker"], first["speaker_kind"]) == (
        "direct", "neutral", "Ann Lee", "person",
    )
    assert second["source_start"] is None and second["speaker"] is None
    assert second["content_text"] == "it would … not" and second["fragments"] == 2
    assert TEXT[second["content_start"] : second["content_end"]] == "it would not"
    assert second["hedged"] is True
    assert first["speaker_confidence"] == 1.0 and second["speaker_confidence"] == 0.0


def test_sentence_and_speaker_rows_and_doc_ids() -> None:
    docs: list[Any] = [
        sayso.analyze("One. Two.\n\nThree."),
        sayso.Failure(1, None, "bad"),
        built_document(),
    ]
    cols = frames.columns(docs, "sentences")
    assert cols["doc_id"] == [0, 0, 0, 2, 2]
    assert cols["paragraph"] == [0, 0, 1, 0, 0]
    assert cols["text"][:3] == ["One.", "Two.", "Three."]
    sp = frames.columns(docs, "speakers")
    assert sp["name"] == ["Ann Lee", "officials"]
    assert sp["distancing"] == [0, 1] and sp["neutral"] == [1, 0]
    assert sp["mentions"] == [1, 1] and sp["attributions"] == [1, 1]


def test_bad_input_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="table must be one of"):
        frames.columns([], "quotes")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="expected Document"):
        frames.columns(["a string"])


def test_pandas_arrow_and_polars_agree() -> None:
    pd = pytest.importorskip("pandas")
    pa = pytest.importorskip("pyarrow")
    pl = pytest.importorskip("polars")
    docs = list(sayso.analyze_many(["A first one. A second.", "Third."], id_field=None))
    docs.append(built_document())
    for table in ("attributions", "sentences", "speakers"):
        want = frames.columns(docs, table)  # type: ignore[arg-type]
        df = sayso.to_pandas(docs, table=table)  # type: ignore[arg-type]
        assert isinstance(df, pd.DataFrame)
        assert list(df.columns) == list(want)
        got = {c: [None if v is pd.NA else v for v in df[c].tolist()] for c in df.columns}
        assert got == want
        at = sayso.to_arrow(docs, table=table)  # type: ignore[arg-type]
        assert isinstance(at, pa.Table)
        assert at.to_pydict() == want
        pf = sayso.to_polars(docs, table=table)  # type: ignore[arg-type]
        assert isinstance(pf, pl.DataFrame)
        assert pf.to_dict(as_series=False) == want


def test_empty_tables_keep_their_columns_and_types() -> None:
    pa = pytest.importorskip("pyarrow")
    at = sayso.to_arrow([], table="attributions")
    assert at.num_rows == 0
    assert at.schema.field("source_start").type == pa.int64()
    assert at.schema.field("hedged").type == pa.bool_()
    df = pytest.importorskip("pandas") and sayso.to_pandas([], table="sentences")
    assert list(df.columns) == ["doc_id", "sentence", "paragraph", "start", "end", "text"]


@pytest.mark.parametrize(
    ("function", "module", "extra"),
    [("to_pandas", "pandas", "pandas"), ("to_arrow", "pyarrow", "arrow"),
     ("to_polars", "polars", "polars")],
)
def test_a_missing_extra_is_named(
    monkeypatch: pytest.MonkeyPatch, function: str, module: str, extra: str
) -> None:
    monkeypatch.setitem(sys.modules, module, None)
    with pytest.raises(ImportError, match=rf"pip install 'sayso\[{extra}\]'"):
        getattr(sayso, function)([sayso.analyze("One.")])
