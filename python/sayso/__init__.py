"""sayso: where are the sentences, and who said what, in news text.

>>> import sayso
>>> [s.text for s in sayso.segment("Mr. Smith left. He was late.")]
['Mr. Smith left.', 'He was late.']
"""

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

__all__ = [
    "Analyzer",
    "Attribution",
    "Document",
    "SaysoError",
    "Span",
    "Speaker",
    "__version__",
    "analyze",
    "evaluate",
    "render",
    "segment",
]
