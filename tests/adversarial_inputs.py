"""The issue's table of adversarial inputs, shared by ``tests/test_adversarial.py`` (small
sizes, a result and exact offsets for each) and ``benches/adversarial.py`` (time at n and 10n).

Each input is a name, the size the issue names (``full``: the benchmark's 10n), and a function
making the text at size ``n`` (a count of the repeated unit: characters, marks, words or
bytes, as the name says). Every text here is written for this table; none comes from data.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Adversarial:
    """One row of the table."""

    name: str
    full: int
    make: Callable[[int], str]


def _repeat_to(unit: str, n: int) -> str:
    """``unit`` repeated until the text has ``n`` characters (cut at n)."""
    return (unit * (n // len(unit) + 1))[:n]


# Ordinary news prose, written for this table: quotes, cues, abbreviations, numbers.
_ORDINARY = (
    "The council met on Tuesday to discuss the harbour wall. “We cannot wait another "
    "winter,” said Councillor Ana Ribeiro, who chairs the works committee. Mr. Hale, a "
    "fisherman, told reporters that the old wall had cracked in 3.5 places. According to "
    "the U.S. engineer hired in Jan. 2023, repairs would cost about $4.2 million. Officials "
    "said the vote was expected next week, although some residents claimed the plan was "
    "rushed. “It is a good start,” she added.\n\n"
)

_CAPITALISED = [
    "Alexandra",
    "Borislav",
    "Consuela",
    "Dmitri",
    "Evangeline",
    "Fitzgerald",
    "Guadalupe",
    "Hiroshi",
    "Ingeborg",
    "Jovanovic",
    "Kwame",
    "Lucienne",
    "Maximilian",
    "Nkechi",
]

_CONTROLS = "".join(chr(c) for c in [*range(32), 127, *range(0x80, 0xA0)])


def _cap_words(n: int) -> str:
    return " ".join(_CAPITALISED[i % len(_CAPITALISED)] for i in range(n))


def _nested(open_: str, close: str) -> Callable[[int], str]:
    return lambda n: open_ * (n // 2) + "said he" + close * (n // 2)


def _balanced(open_: str, close: str) -> Callable[[int], str]:
    return lambda n: (open_ + "Yes," + close + " he said. ") * (n // 2)


def _unbalanced(mark: str) -> Callable[[int], str]:
    return lambda n: (mark + "Yes, he said. ") * n


_QUOTE_KINDS = [
    ("straight double", '"', '"'),
    ("straight single", "'", "'"),
    ("curly double", "\u201c", "\u201d"),
    ("curly single", "\u2018", "\u2019"),
    ("guillemets", "\u00ab", "\u00bb"),
    ("low-high", "\u201e", "\u201c"),
]

TABLE: list[Adversarial] = [
    Adversarial("ordinary text (chars)", 50_000_000, lambda n: _repeat_to(_ORDINARY, n)),
    Adversarial(
        "no whitespace (chars)",
        10_000_000,
        lambda n: _repeat_to("word.Word,\u201cquote\u201dMr.X(1)said:\u00e9", n),
    ),
    Adversarial("one letter, no whitespace (chars)", 10_000_000, lambda n: "a" * n),
    Adversarial("periods", 1_000_000, lambda n: "." * n),
    Adversarial("periods and spaces", 1_000_000, lambda n: ". " * n),
    Adversarial("abbreviations (Mr. Mr. ...)", 1_000_000, lambda n: "Mr. " * n),
    *(
        Adversarial(f"{kind} quotes, balanced (marks)", 100_000, _balanced(o, c))
        for kind, o, c in _QUOTE_KINDS
    ),
    *(
        Adversarial(f"{kind} quotes, unbalanced (marks)", 100_000, _unbalanced(o))
        for kind, o, _ in _QUOTE_KINDS
    ),
    Adversarial(
        "quote marks only (marks)", 100_000, lambda n: _repeat_to("\"\u201c\u201d'\u00ab", n)
    ),
    Adversarial("nested brackets (brackets)", 100_000, _nested("(", ")")),
    Adversarial("nested square brackets (brackets)", 100_000, _nested("[", "]")),
    Adversarial("unclosed brackets (brackets)", 100_000, lambda n: "(" * n),
    Adversarial("said said said (words)", 1_000_000, lambda n: "said " * n),
    Adversarial("according to ... (phrases)", 1_000_000, lambda n: "according to " * n),
    Adversarial("capitalised words (words)", 100_000, _cap_words),
    Adversarial("lone surrogates (chars)", 1_000_000, lambda n: _repeat_to("\ud800a\udfff. ", n)),
    Adversarial("surrogates only (chars)", 1_000_000, lambda n: "\udc80" * n),
    Adversarial("NUL (chars)", 1_000_000, lambda n: "\x00" * n),
    Adversarial(
        "control characters (chars)", 1_000_000, lambda n: _repeat_to(_CONTROLS + "A. ", n)
    ),
    Adversarial(
        "right-to-left text (chars)",
        1_000_000,
        lambda n: _repeat_to(
            "\u05e9\u05dc\u05d5\u05dd \u05e2\u05d5\u05dc\u05dd. \u202e"
            "\u0645\u0631\u062d\u0628\u0627\u060c \u0642\u0627\u0644. ",
            n,
        ),
    ),
    Adversarial(
        "zero-width joiners (chars)",
        1_000_000,
        lambda n: _repeat_to("\U0001f469\u200d\U0001f469\u200d\U0001f467 \u200d\u200b", n),
    ),
    Adversarial("one grapheme of combining marks (chars)", 1_000_000, lambda n: "e" + "\u0301" * n),
    Adversarial(
        "combining marks in words (chars)",
        1_000_000,
        lambda n: _repeat_to("Cafe\u0301 se\u0301. ", n),
    ),
    Adversarial("CRLF line ends (lines)", 1_000_000, lambda n: "He said so.\r\n" * n),
    Adversarial("lone CR line ends (lines)", 1_000_000, lambda n: "He said so.\r" * n),
    Adversarial("blank CRLF lines (lines)", 1_000_000, lambda n: "\r\n" * n),
    Adversarial("spaces only (chars)", 10_000_000, lambda n: " " * n),
    Adversarial(
        "unicode whitespace only (chars)",
        10_000_000,
        lambda n: _repeat_to(" \t\n\r\x0b\x0c\x85\xa0\u1680\u2000\u2028\u2029\u202f\u3000", n),
    ),
]
