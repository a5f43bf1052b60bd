"""Tidy tables of results for pandas, Arrow and polars.

``to_pandas(docs, table=...)``, ``to_arrow(...)`` and ``to_polars(...)`` take documents
(or what ``analyze_many`` yields: ``Document``, ``Failure``, ``(result, id)`` pairs) and
return one row per attribution, sentence or speaker:

- ``"attributions"``: ``doc_id, attribution, sentence, kind, cue_class, hedged,
  source_start, source_end, source_text, cue_start, cue_end, cue_text, content_start,
  content_end, content_text, fragments, speaker, speaker_kind, speaker_confidence``. ``content_start`` and
  ``content_end`` are those of the first and last fragment; ``content_text`` joins the
  fragments with `` … ``.
- ``"sentences"``: ``doc_id, sentence, paragraph, start, end, text``.
- ``"speakers"``: ``doc_id, speaker, name, kind, title, description, mentions,
  attributions, neutral, assertive, tentative, distancing`` (the last two groups count).

Offsets are Python ``str`` indices into the document's text. ``doc_id`` is the id of a
``(document, id)`` pair, else the document's position in ``docs`` (failures count).
Failures give no rows. pandas, pyarrow and polars are optional extras
(``pip install 'sayso[pandas]'``, ``sayso[arrow]``, ``sayso[polars]``).
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable
from typing import Any, Literal

from sayso._batch import Failure
from sayso._sayso import Document

Table = Literal["attributions", "sentences", "speakers"]

# Column name → "str" | "int" | "float" | "bool" (all nullable); doc_id is typed from its values.
SCHEMAS: dict[str, list[tuple[str, str]]] = {
    "attributions": [
        ("attribution", "int"),
        ("sentence", "int"),
        ("kind", "str"),
        ("cue_class", "str"),
        ("hedged", "bool"),
        ("source_start", "int"),
        ("source_end", "int"),
        ("source_text", "str"),
        ("cue_start", "int"),
        ("cue_end", "int"),
        ("cue_text", "str"),
        ("content_start", "int"),
        ("content_end", "int"),
        ("content_text", "str"),
        ("fragments", "int"),
        ("speaker", "str"),
        ("speaker_kind", "str"),
        ("speaker_confidence", "float"),
    ],
    "sentences": [
        ("sentence", "int"),
        ("paragraph", "int"),
        ("start", "int"),
        ("end", "int"),
        ("text", "str"),
    ],
    "speakers": [
        ("speaker", "int"),
        ("name", "str"),
        ("kind", "str"),
        ("title", "str"),
        ("description", "str"),
        ("mentions", "int"),
        ("attributions", "int"),
        ("neutral", "int"),
        ("assertive", "int"),
        ("tentative", "int"),
        ("distancing", "int"),
    ],
}

FRAGMENT_SEPARATOR = " … "


def _attribution_rows(doc: Document) -> Iterable[tuple[Any, ...]]:
    for i, a in enumerate(doc.attributions):
        src, cue, content, speaker = a.source, a.cue, a.content, a.speaker
        yield (
            i,
            a.sentence,
            a.kind,
            a.cue_class,
            a.hedged,
            None if src is None else src.start,
            None if src is None else src.end,
            None if src is None else src.text,
            cue.start,
            cue.end,
            cue.text,
            content[0].start if content else None,
            content[-1].end if content else None,
            FRAGMENT_SEPARATOR.join(c.text for c in content) if content else None,
            len(content),
            None if speaker is None else speaker.name,
            None if speaker is None else speaker.kind,
            a.speaker_confidence,
        )


def _sentence_rows(doc: Document) -> Iterable[tuple[Any, ...]]:
    paragraphs = doc.paragraphs
    p = 0
    for i, s in enumerate(doc.sentences):
        while p + 1 < len(paragraphs) and s.start >= paragraphs[p].end:
            p += 1
        yield (i, p if paragraphs else None, s.start, s.end, s.text)


def _speaker_rows(doc: Document) -> Iterable[tuple[Any, ...]]:
    for i, sp in enumerate(doc.speakers):
        counts = sp.cue_classes
        yield (
            i,
            sp.name,
            sp.kind,
            sp.title,
            sp.description,
            len(sp.mentions),
            len(sp.attributions),
            counts.get("neutral", 0),
            counts.get("assertive", 0),
            counts.get("tentative", 0),
            counts.get("distancing", 0),
        )


ROWS = {"attributions": _attribution_rows, "sentences": _sentence_rows, "speakers": _speaker_rows}


def columns(docs: Iterable[Any], table: Table = "attributions") -> dict[str, list[Any]]:
    """The table as plain columns: ``{"doc_id": [...], name: [...], ...}``."""
    if table not in SCHEMAS:
        raise ValueError(f"table must be one of {sorted(SCHEMAS)}, not {table!r}")
    names = ["doc_id"] + [name for name, _ in SCHEMAS[table]]
    out: dict[str, list[Any]] = {name: [] for name in names}
    lists = [out[name] for name in names]
    rows = ROWS[table]
    for position, item in enumerate(docs):
        doc_id: Any = position
        if isinstance(item, tuple) and len(item) == 2:
            item, doc_id = item
        if isinstance(item, Failure):
            continue
        if not isinstance(item, Document):
            raise TypeError(
                f"expected Document, Failure or (result, id) pairs, not {type(item).__name__}"
            )
        for row in rows(item):
            lists[0].append(doc_id)
            for column, value in zip(lists[1:], row):
                column.append(value)
    return out


def _require(module: str, extra: str, what: str) -> Any:
    try:
        return importlib.import_module(module)
    except ImportError as exc:
        raise ImportError(
            f"sayso.{what} needs {module}, which is not installed: "
            f"pip install 'sayso[{extra}]'"
        ) from exc


def to_arrow(docs: Iterable[Any], table: Table = "attributions") -> Any:
    """The table as a ``pyarrow.Table`` (extra ``sayso[arrow]``)."""
    pa = _require("pyarrow", "arrow", "to_arrow")
    data = columns(docs, table)
    types = {"str": pa.string(), "int": pa.int64(), "float": pa.float64(), "bool": pa.bool_()}
    arrays = [pa.array(data["doc_id"])]
    arrays += [pa.array(data[name], type=types[kind]) for name, kind in SCHEMAS[table]]
    return pa.Table.from_arrays(arrays, names=list(data))


def to_pandas(docs: Iterable[Any], table: Table = "attributions") -> Any:
    """The table as a ``pandas.DataFrame`` (extra ``sayso[pandas]``), with pandas'
    nullable dtypes (``Int64``, ``boolean``, ``string``): a missing value is ``pd.NA``."""
    pd = _require("pandas", "pandas", "to_pandas")
    data = columns(docs, table)
    dtypes = {"str": "string", "int": "Int64", "float": "Float64", "bool": "boolean"}
    frame = {"doc_id": pd.Series(data["doc_id"], dtype=None if data["doc_id"] else "object")}
    for name, kind in SCHEMAS[table]:
        frame[name] = pd.Series(data[name], dtype=dtypes[kind])
    return pd.DataFrame(frame)


def to_polars(docs: Iterable[Any], table: Table = "attributions") -> Any:
    """The table as a ``polars.DataFrame`` (extra ``sayso[polars]``)."""
    pl = _require("polars", "polars", "to_polars")
    data = columns(docs, table)
    types = {"str": pl.Utf8, "int": pl.Int64, "float": pl.Float64, "bool": pl.Boolean}
    series = [pl.Series("doc_id", data["doc_id"])]
    series += [pl.Series(name, data[name], dtype=types[kind]) for name, kind in SCHEMAS[table]]
    return pl.DataFrame(series)


__all__ = ["FRAGMENT_SEPARATOR", "SCHEMAS", "columns", "to_arrow", "to_pandas", "to_polars"]
