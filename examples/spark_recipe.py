"""sayso on Spark: a column of texts → a table of attributions (or sentences, or speakers).

``DataFrame.mapInArrow`` hands each Python worker Arrow record batches of the id and text
columns; they go through ``Analyzer.analyze_many`` and come back as Arrow record batches
made by ``sayso.to_arrow(..., table=...)``. The analyzer is pickled as its configuration
and rebuilt on the executors.

    pip install 'sayso[spark]'
    python examples/spark_recipe.py articles.jsonl attributions.parquet

reads JSON Lines with "id" and "text" in ``local[2]`` mode and writes a Parquet table.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from typing import Any

import pyarrow as pa
import sayso
from pyspark.sql import DataFrame, SparkSession
from pyspark.sql import types as T
from sayso.frames import SCHEMAS

SPARK_TYPES = {
    "str": T.StringType(),
    "int": T.LongType(),
    "float": T.DoubleType(),
    "bool": T.BooleanType(),
}


def spark_schema(table: str, id_type: T.DataType) -> T.StructType:
    fields = [T.StructField("doc_id", id_type, True)]
    fields += [T.StructField(name, SPARK_TYPES[kind], True) for name, kind in SCHEMAS[table]]
    return T.StructType(fields)


def table_of(
    texts: DataFrame,
    *,
    table: str = "attributions",
    text_column: str = "text",
    id_column: str = "id",
    analyzer: sayso.Analyzer | None = None,
) -> DataFrame:
    """A Spark DataFrame of texts → a Spark DataFrame of ``table`` rows, ``doc_id`` being
    the value of ``id_column``. Rows for texts that cannot be analyzed (null) are absent."""
    analyzer = analyzer or sayso.Analyzer()
    id_type = texts.schema[id_column].dataType
    schema = spark_schema(table, id_type)

    def analyze_batches(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        # One Python worker per Spark task: threads=1, Spark runs the tasks in parallel.
        for batch in batches:
            items = zip(
                batch.column(text_column).to_pylist(), batch.column(id_column).to_pylist()
            )
            results = analyzer.analyze_many(items, as_tuples=True, threads=1)
            out: Any = sayso.to_arrow(results, table=table)  # type: ignore[arg-type]
            ids = out.column("doc_id")
            target = batch.schema.field(id_column).type
            out = out.set_column(0, "doc_id", ids.cast(target) if ids.type != target else ids)
            yield from out.to_batches()

    return texts.select(id_column, text_column).mapInArrow(analyze_batches, schema)


def session(app: str = "sayso") -> SparkSession:
    """A local Spark on two cores."""
    return (
        SparkSession.builder.master("local[2]")
        .appName(app)
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .getOrCreate()
    )


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    source, target = argv
    spark = session()
    try:
        texts = spark.read.json(source).select("id", "text")
        table_of(texts).write.mode("overwrite").parquet(target)
    finally:
        spark.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
