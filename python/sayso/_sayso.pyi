"""Type stubs for the native module ``sayso._sayso``."""

import os
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any, Literal, TypeAlias, TypeVar, final, overload

from sayso._batch import Failure

_C = TypeVar("_C")

__version__: str

AttributionKind: TypeAlias = Literal["direct", "mixed", "indirect", "other"]
CueClass: TypeAlias = Literal["neutral", "assertive", "tentative", "distancing"]
SpeakerKind: TypeAlias = Literal[
    "person", "organization", "media", "group", "anonymous", "document", "unknown"
]

class SaysoError(ValueError): ...

@final
class Span:
    """A piece of the text: ``text[start:end] == span.text`` (Python ``str`` indices)."""

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def text(self) -> str: ...
    def __init__(self, start: int, end: int, text: str) -> None: ...
    def __len__(self) -> int: ...
    def __eq__(self, other: object) -> bool: ...
    def __hash__(self) -> int: ...
    def __reduce__(self) -> tuple[Any, ...]: ...
    def _repr_html_(self) -> str: ...

@final
class Speaker:
    @property
    def name(self) -> str: ...
    @property
    def kind(self) -> SpeakerKind: ...
    @property
    def title(self) -> str | None: ...
    @property
    def description(self) -> str | None: ...
    @property
    def mentions(self) -> list[Span]: ...
    @property
    def attributions(self) -> list[int]: ...
    @property
    def cue_classes(self) -> dict[CueClass, int]: ...
    def __init__(
        self,
        *,
        name: str,
        kind: str,
        title: str | None = None,
        description: str | None = None,
        mentions: list[Span] = ...,
        attributions: list[int] = ...,
        cue_classes: Mapping[str, int] | None = None,
    ) -> None: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __reduce__(self) -> tuple[Any, ...]: ...
    def _repr_html_(self) -> str: ...

@final
class Attribution:
    @property
    def source(self) -> Span | None: ...
    @property
    def cue(self) -> Span: ...
    @property
    def content(self) -> list[Span]: ...
    @property
    def kind(self) -> AttributionKind: ...
    @property
    def sentence(self) -> int: ...
    @property
    def cue_class(self) -> CueClass: ...
    @property
    def speaker(self) -> Speaker | None: ...
    @property
    def hedged(self) -> bool: ...
    @property
    def speaker_confidence(self) -> float:
        """0 without a speaker, 1 when the source names it, less when a pronoun or
        description had several compatible candidates."""
    def __init__(
        self,
        *,
        source: Span | None,
        cue: Span,
        content: list[Span],
        kind: str,
        sentence: int,
        cue_class: str,
        speaker: Speaker | None = None,
        hedged: bool = False,
        speaker_confidence: float | None = None,
    ) -> None: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __reduce__(self) -> tuple[Any, ...]: ...
    def _repr_html_(self) -> str: ...

@final
class Document:
    """An analysed article. One made by ``analyze`` builds each list the first time it is
    read and keeps it; the lists returned are fresh copies holding the same objects."""

    @property
    def text(self) -> str: ...
    @property
    def sentences(self) -> list[Span]: ...
    @property
    def paragraphs(self) -> list[Span]: ...
    @property
    def quotes(self) -> list[Span]: ...
    @property
    def attributions(self) -> list[Attribution]: ...
    @property
    def speakers(self) -> list[Speaker]: ...
    @property
    def hedges(self) -> list[Span]: ...
    def __init__(
        self,
        text: str,
        *,
        sentences: list[Span] = ...,
        paragraphs: list[Span] = ...,
        quotes: list[Span] = ...,
        attributions: list[Attribution] = ...,
        speakers: list[Speaker] = ...,
        hedges: list[Span] = ...,
    ) -> None: ...
    def to_dict(self) -> dict[str, Any]: ...
    def to_json(self, *, indent: int | None = None) -> str: ...
    @staticmethod
    def from_dict(data: Mapping[str, Any] | str) -> Document: ...
    def __reduce__(self) -> tuple[Any, ...]: ...
    def _repr_html_(self) -> str: ...
    def to_displacy(self) -> dict[str, Any]: ...

@final
class Analyzer:
    def __init__(
        self,
        *,
        abbreviations: Iterable[str] | None = None,
        extra_cues: Mapping[str, str] | Iterable[str | tuple[str, str]] | None = None,
        cue_file: str | os.PathLike[str] | None = None,
    ) -> None: ...
    def segment(self, text: str) -> list[Span]: ...
    def analyze(self, text: str) -> Document: ...
    @overload
    def analyze_many(
        self,
        items: Iterable[str | Mapping[str, Any]],
        *,
        threads: int | None = None,
        batch_size: int = ...,
        as_tuples: Literal[False] = False,
        text_field: str = "text",
        id_field: None = None,
        progress: bool = False,
    ) -> Iterator[Document | Failure]: ...
    @overload
    def analyze_many(
        self,
        items: Iterable[tuple[Any, _C]],
        *,
        threads: int | None = None,
        batch_size: int = ...,
        as_tuples: Literal[True],
        text_field: str = "text",
        id_field: str | None = None,
        progress: bool = False,
    ) -> Iterator[tuple[Document | Failure, _C]]: ...
    @overload
    def analyze_many(
        self,
        items: Iterable[Any],
        *,
        threads: int | None = None,
        batch_size: int = ...,
        as_tuples: Literal[False] = False,
        text_field: str = "text",
        id_field: str,
        progress: bool = False,
    ) -> Iterator[tuple[Document | Failure, Any]]: ...
    @overload
    def segment_many(
        self,
        items: Iterable[str | Mapping[str, Any]],
        *,
        threads: int | None = None,
        batch_size: int = ...,
        as_tuples: Literal[False] = False,
        text_field: str = "text",
        id_field: None = None,
        progress: bool = False,
    ) -> Iterator[list[Span] | Failure]: ...
    @overload
    def segment_many(
        self,
        items: Iterable[tuple[Any, _C]],
        *,
        threads: int | None = None,
        batch_size: int = ...,
        as_tuples: Literal[True],
        text_field: str = "text",
        id_field: str | None = None,
        progress: bool = False,
    ) -> Iterator[tuple[list[Span] | Failure, _C]]: ...
    @overload
    def segment_many(
        self,
        items: Iterable[Any],
        *,
        threads: int | None = None,
        batch_size: int = ...,
        as_tuples: Literal[False] = False,
        text_field: str = "text",
        id_field: str,
        progress: bool = False,
    ) -> Iterator[tuple[list[Span] | Failure, Any]]: ...
    def config_json(self) -> str: ...
    def __reduce__(self) -> tuple[Any, ...]: ...

def segment(text: str, *, abbreviations: Iterable[str] | None = None) -> list[Span]: ...
def analyze(text: str) -> Document: ...
def _analyzer_from_config(config: str) -> Analyzer: ...

# Batches (used by sayso._batch and sayso.cli).
@final
class _PendingTexts:
    @property
    def nbytes(self) -> int: ...
    def results(self) -> list[Document | list[Span] | str]: ...

@final
class _PendingLines:
    @property
    def nbytes(self) -> int: ...
    def results(self) -> tuple[list[bytes | int], int, int]: ...
    def write_to(
        self, fd: int, retry: Callable[[int], tuple[bytes, bool]]
    ) -> tuple[int, int]: ...

def _submit_texts(
    analyzer: Analyzer | None,
    texts: list[str],
    *,
    task: str,
    threads: int | None = None,
) -> _PendingTexts: ...
def _submit_lines(
    analyzer: Analyzer | None,
    lines: list[bytes],
    *,
    first_line: int,
    task: str,
    text_field: str | None = None,
    id_field: str = "id",
    threads: int | None = None,
) -> _PendingLines: ...
def _resolve_threads(threads: int | None = None) -> int: ...
def _pool_pid() -> int | None: ...
def _analyze_attributions(
    text: str,
    attributions: list[tuple[tuple[int, int] | None, tuple[int, int], list[tuple[int, int]]]],
) -> Document:
    """Sentences, hedges and speakers for attributions made elsewhere (gold data, another
    extractor): ``(source | None, cue, [content, ...])`` as ``(start, end)`` str indices."""

def _analyze_without_speakers(text: str) -> Document:
    """``analyze`` without the speaker stage (no speakers, no attribution linked to one), for
    ``benches/bench_analyze.py``, which measures what the stage costs."""
