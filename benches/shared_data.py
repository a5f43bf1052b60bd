"""Where the shared evaluation data is: ``../shared`` beside the repository, else
``$SAYSO_SHARED``. The benchmarks skip with a message when neither has it."""

import os
from pathlib import Path


def shared_dir() -> Path | None:
    """../shared beside the repository, else $SAYSO_SHARED."""
    beside = Path(__file__).resolve().parents[1].parent / "shared"
    for candidate in (beside, Path(os.environ.get("SAYSO_SHARED", "/nonexistent"))):
        if (candidate / "data").is_dir():
            return candidate
    return None
