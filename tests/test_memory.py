"""200,000 documents analyzed in a loop keep the resident memory flat: after a warm-up, RSS
grows by less than 5%. A leak of a single span per document would add tens of MB."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
import sayso

DOCUMENTS = 200_000
WARM_UP = 20_000
CHECKPOINT = 10_000

TEMPLATES = [
    "\u201cWe will rebuild it,\u201d said Mayor Okafor. Dr. Brenner called it rushed. {i}",
    "Officials said {i} talks had stalled.\n\nAccording to the ministry, no date was set.",
    "Caf\u00e9 {i} \U0001f600 told reporters: \u201cIt is over.\u201d She left.",
    "A lone surrogate \ud800 in text {i}. It stays.",
    "{i}",
    "",
]


def rss_bytes() -> int:
    """Current resident set size (Linux), else the peak (other Unix)."""
    statm = Path("/proc/self/statm")
    if statm.exists():
        return int(statm.read_text().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    try:
        import resource
    except ImportError:
        pytest.skip("no way to read the resident set size on this platform")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak if sys.platform == "darwin" else peak * 1024


def analyze(count: int, offset: int) -> int:
    found = 0
    for i in range(offset, offset + count):
        text = TEMPLATES[i % len(TEMPLATES)].format(i=i)
        doc = sayso.analyze(text)
        found += len(doc.sentences) + len(doc.attributions) + len(doc.speakers)
    return found


def test_rss_stays_flat_over_200000_documents() -> None:
    # RSS is read every CHECKPOINT documents. The allocator returns freed pages to the
    # system after a delay, so one reading can carry memory that is already free; the
    # least of the first and of the last readings compare what is really held. A leak
    # raises every later reading, the least one too.
    analyze(WARM_UP, 0)
    readings = []
    found = 0
    for start in range(WARM_UP, WARM_UP + DOCUMENTS, CHECKPOINT):
        found += analyze(CHECKPOINT, start)
        readings.append(rss_bytes())
    assert found > DOCUMENTS // 2  # the documents were really analyzed
    before = min(readings[:3])
    after = min(readings[-3:])
    growth = (after - before) / before
    assert growth < 0.05, (
        f"RSS grew {growth:.1%}: {before / 1e6:.1f} MB -> {after / 1e6:.1f} MB "
        f"(readings in MB: {[round(r / 1e6, 1) for r in readings]})"
    )
