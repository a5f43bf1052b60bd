#!/usr/bin/env bash
# Every test, Rust and Python: the Rust suite, then the wheel built, installed into a fresh
# virtual environment and tested there, so a broken wheel cannot pass.
set -euo pipefail
cd "$(dirname "$0")/.."

cargo test --quiet
# The binding's own unit tests (the panic boundary); they link libpython.
cargo test --quiet --features python --lib

python3 -m pip install --quiet "maturin>=1.9.4,<2"
rm -rf target/wheels
python3 -m maturin build --release --quiet --out target/wheels
venv="$(mktemp -d)/venv"
python3 -m venv "$venv"
"$venv/bin/pip" install --quiet target/wheels/sayso-*.whl
"$venv/bin/pip" install --quiet pytest hypothesis nbclient nbformat ipykernel
# Pipelines: progress bars, tables, and the Dask and Spark recipes run for real
# (tests/test_recipes.py; Spark needs Java 17 and runs its workers on this interpreter).
"$venv/bin/pip" install --quiet tqdm pandas pyarrow polars "dask[dataframe]" pyspark
export PYSPARK_PYTHON="$venv/bin/python"
"$venv/bin/python" -m pytest -q tests
# Once more under CPython's debug allocator, which turns a buffer overrun, a double free or a
# use of freed memory in the binding into a crash here.
PYTHONMALLOC=debug "$venv/bin/python" -m pytest -q tests
