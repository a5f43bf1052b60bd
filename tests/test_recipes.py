"""The Dask and Spark recipes in examples/, run for real on a few hundred documents and
checked row by row against `sayso.analyze` run directly."""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import sayso
from sayso import frames

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
TABLES = ("attributions", "sentences", "speakers")

PEOPLE = ["Mayor Ruth Okafor", "Dr. Paul Brenner", "the harbour master", "Anna Kovacs",
          "a council spokesman", "Prof. Lena Ortiz", "officials", "Mr. Tom Reyes"]
VERBS = ["said", "told reporters", "insisted", "suggested", "claimed", "added"]
TOPICS = ["the bridge", "the new school", "the budget for 2025", "the ferry timetable",
          "the café on Main St.", "the flood wall", "the museum’s roof"]


def make_texts(n: int) -> list[str]:
    """News-like documents with quotes, reported speech and abbreviations, all different."""
    texts = []
    for i in range(n):
        who = PEOPLE[i % len(PEOPLE)]
        other = PEOPLE[(i * 3 + 1) % len(PEOPLE)]
        verb = VERBS[i % len(VERBS)]
        topic = TOPICS[(i * 5) % len(TOPICS)]
        texts.append(
            f"Story {i}: a vote on {topic}.\n\n"
            f"“We will finish {topic} by Sept. {i % 28 + 1},” {verb} {who}. "
            f"{other.capitalize()} said that the plan cost about ${i}.{i % 10} million. "
            f"According to {other}, {topic} was “rushed”.\n\n"
            f"Nobody else commented on item {i} — not even the U.S. team."
        )
    return texts


def rows(table: dict[str, list[Any]]) -> list[tuple[Any, ...]]:
    return sorted(zip(*table.values()), key=lambda r: tuple(str(v) for v in r))


def expected(ids: list[str], texts: list[str], table: str) -> list[tuple[Any, ...]]:
    docs = [(sayso.analyze(t), i) for t, i in zip(texts, ids)]
    return rows(frames.columns(docs, table))  # type: ignore[arg-type]


def load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, EXAMPLES / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def na_to_none(value: Any) -> Any:
    import pandas as pd

    return None if value is pd.NA or value is None else value


@pytest.fixture(scope="module")
def corpus() -> tuple[list[str], list[str]]:
    texts = make_texts(300)
    return [f"doc-{i:04d}" for i in range(len(texts))], texts


def test_the_corpus_is_not_trivial(corpus: tuple[list[str], list[str]]) -> None:
    ids, texts = corpus
    assert len(set(texts)) == len(texts) == 300
    assert len(expected(ids, texts, "sentences")) > 1000
    # The comparisons below are not vacuous: there are attributions and speakers to compare.
    assert len(expected(ids, texts, "attributions")) > 100
    assert len(expected(ids, texts, "speakers")) > 100


# ---------------------------------------------------------------------------------------
# Dask


@pytest.mark.parametrize("table", TABLES)
def test_dask_recipe_matches_analyze(corpus: tuple[list[str], list[str]], table: str) -> None:
    dd = pytest.importorskip("dask.dataframe")
    pd = pytest.importorskip("pandas")
    recipe = load("dask_recipe")
    ids, texts = corpus
    source = dd.from_pandas(pd.DataFrame({"id": ids, "text": texts}), npartitions=5)
    result = recipe.table_of(source, table=table).compute(scheduler="threads")
    assert list(result.columns) == ["doc_id"] + [n for n, _ in frames.SCHEMAS[table]]
    got = {c: [na_to_none(v) for v in result[c].tolist()] for c in result.columns}
    assert rows(got) == expected(ids, texts, table)


def test_dask_recipe_command_writes_parquet(
    corpus: tuple[list[str], list[str]], tmp_path: Path
) -> None:
    pytest.importorskip("dask.dataframe")
    pq = pytest.importorskip("pyarrow.parquet")
    recipe = load("dask_recipe")
    ids, texts = corpus
    source = tmp_path / "articles.jsonl"
    with source.open("w", encoding="utf-8") as f:
        for i, t in zip(ids[:120], texts[:120]):
            f.write(json.dumps({"id": i, "text": t, "extra": 1}) + "\n")
    target = tmp_path / "attributions.parquet"
    assert recipe.main([str(source), str(target)]) == 0
    got = pq.read_table(target).to_pydict()
    assert rows(got) == expected(ids[:120], texts[:120], "attributions")


# ---------------------------------------------------------------------------------------
# Spark


@pytest.fixture(scope="module")
def spark() -> Iterator[Any]:
    pytest.importorskip("pyspark")
    pytest.importorskip("pyarrow")
    if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        pytest.skip("Spark needs Java (17): neither java on PATH nor JAVA_HOME is set")
    # The Python workers must run this interpreter, the one sayso is installed in.
    os.environ["PYSPARK_PYTHON"] = sys.executable
    os.environ["PYSPARK_DRIVER_PYTHON"] = sys.executable
    recipe = load("spark_recipe")
    session = recipe.session("sayso-tests")
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


@pytest.mark.parametrize("table", TABLES)
def test_spark_recipe_matches_analyze(
    spark: Any, corpus: tuple[list[str], list[str]], table: str
) -> None:
    recipe = load("spark_recipe")
    ids, texts = corpus
    source = spark.createDataFrame(list(zip(ids, texts)), "id string, text string")
    source = source.repartition(4)
    result = recipe.table_of(source, table=table)
    assert result.columns == ["doc_id"] + [n for n, _ in frames.SCHEMAS[table]]
    got_rows = [tuple(r) for r in result.collect()]
    got = rows({c: [r[k] for r in got_rows] for k, c in enumerate(result.columns)})
    assert got == expected(ids, texts, table)


def test_spark_recipe_skips_null_texts(spark: Any) -> None:
    recipe = load("spark_recipe")
    source = spark.createDataFrame(
        [(1, "One here. Two there."), (2, None), (3, "Three.")], "id long, text string"
    )
    result = recipe.table_of(source, table="sentences").collect()
    assert sorted((r.doc_id, r.text) for r in result) == [
        (1, "One here."), (1, "Two there."), (3, "Three."),
    ]
