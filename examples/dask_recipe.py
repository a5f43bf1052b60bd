"""sayso on Dask: a column of texts → a table of attributions (or sentences, or speakers).

Each partition (a pandas DataFrame with an id column and a text column) goes through
``Analyzer.analyze_many`` and comes back as ``sayso.to_pandas(..., table=...)``. The
analyzer is pickled as its configuration and rebuilt on the workers.

    pip install 'sayso[dask]'
    python examples/dask_recipe.py articles.jsonl attributions.parquet

reads JSON Lines with "id" and "text" and writes a Parquet table, one row per attribution.
"""

from __future__ import annotations

import sys
from typing import Any

import dask.dataframe as dd
import pandas as pd
import sayso


def analyze_partition(
    part: pd.DataFrame,
    analyzer: sayso.Analyzer,
    table: str,
    text_column: str,
    id_column: str,
) -> pd.DataFrame:
    """One partition → its table. ``threads=1``: Dask already runs partitions in parallel
    (the analysis releases the GIL, so Dask's threads run it on every core)."""
    items = zip(part[text_column].tolist(), part[id_column].tolist())
    results = analyzer.analyze_many(items, as_tuples=True, threads=1)
    frame: pd.DataFrame = sayso.to_pandas(results, table=table)  # type: ignore[arg-type]
    return frame


def table_of(
    texts: Any,
    *,
    table: str = "attributions",
    text_column: str = "text",
    id_column: str = "id",
    analyzer: sayso.Analyzer | None = None,
) -> Any:
    """A Dask DataFrame of texts → a Dask DataFrame of ``table`` rows, ``doc_id`` being the
    value of ``id_column``. Rows for texts that cannot be analyzed (not a string) are absent."""
    analyzer = analyzer or sayso.Analyzer()
    meta = sayso.to_pandas([], table=table)  # type: ignore[arg-type]
    meta["doc_id"] = meta["doc_id"].astype(texts[id_column].dtype)
    return texts.map_partitions(
        analyze_partition, analyzer, table, text_column, id_column, meta=meta
    )


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    source, target = argv
    texts = dd.read_json(source, lines=True, blocksize=64 << 20)[["id", "text"]]
    table_of(texts).to_parquet(target, write_index=False)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
