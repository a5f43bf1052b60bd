"""sayso: where are the sentences, and who said what, in news text.

>>> import sayso
>>> [s.text for s in sayso.segment("Mr. Smith left. He was late.")]
['Mr. Smith left.', 'He was late.']
"""

from sayso._batch import Failure, analyze_many, segment_many
from sayso._sayso import (
    Analyzer,
    Attribution,
    Document,
    SaysoError,
    Span,
    Speaker,
    __version__,
    analyze,
    segment,
)
from sayso.display import render
from sayso.evaluate import evaluate
from sayso.frames import to_arrow, to_pandas, to_polars

__all__ = [
    "Analyzer",
    "Attribution",
    "Document",
    "Failure",
    "SaysoError",
    "Span",
    "Speaker",
    "__version__",
    "analyze",
    "analyze_many",
    "evaluate",
    "render",
    "segment",
    "segment_many",
    "to_arrow",
    "to_pandas",
    "to_polars",
]
