"""The `sayso` command line: text files, streaming JSON Lines, errors, exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import sayso
from sayso import cli

REPO = Path(__file__).resolve().parents[1]

TEXTS = [
    "“We will rebuild it,” said the mayor. Work starts in May.",
    "Emoji 😀 first. Then 中文 text. Then e\u0301 combined.",
    "",
    "NUL \x00 inside. Still fine.\n\nA second paragraph here.",
    "No full stop at all",
    "Dr. Brenner called it rushed. He said so twice.",
]


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "sayso.cli", *args],
        input=stdin,
        capture_output=True,
        check=False,
    )


def records(data: bytes) -> list[dict[str, Any]]:
    return [json.loads(line) for line in data.decode("utf-8").splitlines()]


def expected(text: str, line: int, id: Any) -> dict[str, Any]:
    return {"line": line, "id": id, **sayso.analyze(text).to_dict()}


def write_jsonl(path: Path, rows: list[Any]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    return path


def test_segment_a_text_file_prints_its_sentences() -> None:
    article = REPO / "examples" / "article.txt"
    done = run("segment", str(article))
    assert done.returncode == 0, done.stderr
    text = article.read_text("utf-8")
    want = [s.text.replace("\n", " ") for s in sayso.segment(text)]
    assert done.stdout.decode("utf-8").splitlines() == want


def test_segment_a_text_file_as_jsonl(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("One here. Two there.", "utf-8")
    out = tmp_path / "out.jsonl"
    assert cli.main(["segment", str(path), "--jsonl", "-o", str(out)]) == 0
    [rec] = records(out.read_bytes())
    assert rec["id"] == str(path)
    assert [s["text"] for s in rec["sentences"]] == ["One here.", "Two there."]


@pytest.mark.parametrize("threads", ["1", "2"])
def test_analyze_jsonl_keeps_order_and_ids_and_matches_analyze(
    tmp_path: Path, threads: str
) -> None:
    texts = [f"Record {i}. {TEXTS[i % len(TEXTS)]}" for i in range(50)]
    rows = [{"id": f"r{i}", "text": t, "other": [1, 2]} for i, t in enumerate(texts)]
    src = write_jsonl(tmp_path / "in.jsonl", rows)
    out = tmp_path / "out.jsonl"
    code = cli.main(
        ["analyze", str(src), "-o", str(out), "--threads", threads, "--batch-size", "7"]
    )
    assert code == 0
    got = records(out.read_bytes())
    assert got == [expected(t, i + 1, f"r{i}") for i, t in enumerate(texts)]
    # The layouts are compared on attributions and speakers too, not only on sentences.
    assert any(r["attributions"] and r["speakers"] for r in got)
    # Every output line reads back as a Document.
    for rec, text in zip(got, texts):
        doc = sayso.Document.from_dict(rec)
        assert doc.text == text
        for s in doc.sentences:
            assert text[s.start : s.end] == s.text


def test_segment_jsonl_from_stdin_with_custom_fields() -> None:
    rows = [{"doc": 1, "body": "A first one. A second."}, {"doc": {"n": 2}, "body": "Only."}]
    data = "".join(json.dumps(r) + "\n" for r in rows).encode()
    done = run("segment", "-", "--text-field", "body", "--id-field", "doc", stdin=data)
    assert done.returncode == 0, done.stderr
    got = records(done.stdout)
    assert [r["id"] for r in got] == [1, {"n": 2}]
    assert [r["line"] for r in got] == [1, 2]
    assert [[s["text"] for s in r["sentences"]] for r in got] == [
        ["A first one.", "A second."],
        ["Only."],
    ]


def test_bad_lines_give_error_records_and_a_failing_exit(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_bytes(
        b'{"id": 1, "text": "Good one."}\n'
        b"\n"
        b"this is not json\n"
        b'{"id": 2, "body": "no text key"}\n'
        b'{"id": 3, "text": 17}\n'
        b'["an", "array"]\n'
        b'{"id": 4, "text": "Bad \xff byte"}\n'
        b'{"id": 5, "text": "Lone \\ud800 escape. Then more."}\n'
        b'{"id": 6, "text": "Last good one."}'
    )
    out = tmp_path / "out.jsonl"
    assert cli.main(["analyze", str(src), "-o", str(out), "--batch-size", "3"]) == 1
    got = records(out.read_bytes())
    assert [r["line"] for r in got] == [1, 3, 4, 5, 6, 7, 8, 9]  # the blank line 2 is skipped
    assert [r["id"] for r in got] == [1, None, 2, 3, None, None, 5, 6]
    errors = {r["line"]: r["error"] for r in got if "error" in r}
    assert set(errors) == {3, 4, 5, 6, 7}
    assert errors[3].startswith("not JSON")
    assert errors[4] == 'no "text" field'
    assert errors[5] == '"text" is a number, not a string'
    assert errors[6] == "expected a JSON object, got an array"
    assert errors[7].startswith("not JSON")
    assert got[0] == expected("Good one.", 1, 1)
    lone = "Lone \ud800 escape. Then more."
    assert got[6] == expected(lone, 8, 5)
    assert got[7] == expected("Last good one.", 9, 6)


def test_output_is_the_same_through_a_descriptor_and_through_a_python_stream(
    tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    # `-o FILE` has a descriptor: the native side writes the workers' buffers to it. A
    # captured stdout has none: the lines come back as bytes and Python writes them.
    # Either way the bytes, the order and the lines read again by Python must agree.
    rows = [{"id": i, "text": t} for i, t in enumerate(TEXTS * 3)]
    lines = [json.dumps(r, ensure_ascii=False).encode("utf-8") + b"\n" for r in rows]
    half = len(lines) // 2
    lines[half:half] = [
        b'{"id": "bad", "text": "Bad \xff byte"}\n',
        b'{"id": "lone", "text": "Lone \\udc80 escape."}\n',
    ]
    src = tmp_path / "in.jsonl"
    src.write_bytes(b"".join(lines))
    out = tmp_path / "out.jsonl"
    with open(out, "wb") as f:
        assert cli._fileno(f) == f.fileno()
    assert cli.main(["analyze", str(src), "-o", str(out), "--batch-size", "2"]) == 1
    assert cli._fileno(sys.stdout.buffer) is None
    assert cli.main(["analyze", str(src), "--batch-size", "2"]) == 1
    through_python = capsysbinary.readouterr().out
    assert through_python == out.read_bytes()
    got = records(through_python)
    assert len(got) == len(rows) + 2
    assert [r["line"] for r in got] == list(range(1, len(rows) + 3))
    assert sum("error" in r for r in got) == 1
    lone = next(r for r in got if r["id"] == "lone")
    assert lone == expected("Lone \udc80 escape.", lone["line"], "lone")
    for r in got:
        if "error" not in r and r["id"] != "lone":
            assert r == expected(TEXTS[r["id"] % len(TEXTS)], r["line"], r["id"])


def test_failures_are_counted_on_stderr() -> None:
    done = run("segment", "-", "--format", "jsonl", stdin=b'{"text": "Fine."}\n{"x": 1}\n')
    assert done.returncode == 1
    assert b"1 of 2 records failed" in done.stderr
    assert len(records(done.stdout)) == 2


def test_line_numbers_run_on_over_several_files(tmp_path: Path) -> None:
    a = write_jsonl(tmp_path / "a.jsonl", [{"text": "A."}, {"text": "B."}])
    b = write_jsonl(tmp_path / "b.jsonl", [{"text": "C."}])
    out = tmp_path / "out.jsonl"
    assert cli.main(["segment", str(a), str(b), "-o", str(out)]) == 0
    got = records(out.read_bytes())
    assert [(r["line"], r["sentences"][0]["text"]) for r in got] == [(1, "A."), (2, "B."), (3, "C.")]


def test_plain_text_lines_are_documents(tmp_path: Path) -> None:
    src = tmp_path / "in.txt"
    src.write_bytes(b"First doc. Yes.\r\n\nSecond \xe2\x80\x9cdoc\xe2\x80\x9d.\ncaf\xe9 bad. Ok.\n")
    out = tmp_path / "out.jsonl"
    assert cli.main(["analyze", "--format", "lines", str(src), "-o", str(out)]) == 0
    got = records(out.read_bytes())
    assert [r["line"] for r in got] == [1, 2, 3, 4]
    assert got[0] == expected("First doc. Yes.", 1, None)
    assert got[1] == expected("", 2, None)
    assert got[2] == expected("Second “doc”.", 3, None)
    bad = b"caf\xe9 bad. Ok.".decode("utf-8", "surrogateescape")
    assert got[3] == expected(bad, 4, None)


def test_jsonl_is_detected_from_content(tmp_path: Path) -> None:
    src = write_jsonl(tmp_path / "records.data", [{"text": "One. Two."}])
    out = tmp_path / "out.jsonl"
    assert cli.main(["segment", str(src), "-o", str(out)]) == 0
    [rec] = records(out.read_bytes())
    assert len(rec["sentences"]) == 2


def test_bad_arguments_exit_with_status_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert cli.main(["segment", str(tmp_path / "missing.txt")]) == 2
    assert cli.main(["segment", "--threads", "0", str(REPO / "examples" / "article.txt")]) == 2
    monkeypatch.setenv("SAYSO_THREADS", "lots")
    assert cli.main(["segment", str(REPO / "examples" / "article.txt")]) == 2


def test_help_documents_the_options() -> None:
    for command in ("analyze", "segment"):
        done = run(command, "--help")
        assert done.returncode == 0
        text = done.stdout.decode()
        for option in ("--text-field", "--id-field", "--threads", "--progress", "--output",
                       "--format", "error", "SAYSO_THREADS"):
            assert option in text, (command, option)


def test_progress_goes_to_stderr(tmp_path: Path) -> None:
    pytest.importorskip("tqdm")
    src = write_jsonl(tmp_path / "in.jsonl", [{"text": "One."}] * 20)
    done = run("analyze", str(src), "--progress")
    assert done.returncode == 0
    assert len(records(done.stdout)) == 20
    assert b"20 docs" in done.stderr
