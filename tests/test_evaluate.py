"""The attribution scorer (``sayso.evaluate``) on hand-made cases, and its agreement with the
reference scorer in ../shared/data on PolNeAR dev when that folder is present."""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import sayso
from sayso.cli import main
from sayso.evaluate import match_spans, match_triples, score, trim


def shared_dir() -> Path | None:
    """../shared beside the repository, else $SAYSO_SHARED."""
    beside = Path(__file__).resolve().parents[1].parent / "shared"
    for candidate in (beside, Path(os.environ.get("SAYSO_SHARED", "/nonexistent"))):
        if (candidate / "data" / "score_attribution.py").is_file():
            return candidate
    return None


def find(text: str, piece: str, after: int = 0) -> list[int]:
    start = text.index(piece, after)
    return [start, start + len(piece)]


def att(
    source: list[int] | None,
    cue: list[int],
    *content: list[int],
    kind: str = "indirect",
) -> dict[str, Any]:
    return {
        "source": source,
        "cue": cue,
        "content": [content[0][0], content[-1][1]] if content else None,
        "content_fragments": list(content),
        "kind": kind,
    }


def doc(text: str, *atts: dict[str, Any], id: str = "d") -> dict[str, Any]:
    return {"id": id, "text": text, "attributions": list(atts)}


def prf(scores: dict[str, Any], metric: str) -> tuple[int, int, int]:
    v = scores[metric]
    return v["tp"], v["pred"], v["gold"]


T1 = "The mayor said that taxes will rise. “It is a shame,” she added, “but we must.”"


def gold_t1() -> dict[str, Any]:
    t = T1
    return doc(
        t,
        att(find(t, "The mayor"), find(t, "said"), find(t, "that taxes will rise")),
        att(
            find(t, "she"),
            find(t, "added"),
            find(t, "“It is a shame,”"),
            find(t, "“but we must.”"),
            kind="direct",
        ),
    )


# --- trimming ------------------------------------------------------------------------------


def test_trim_strips_space_punctuation_and_quote_marks_only_at_the_ends() -> None:
    text = " “Yes, sir.” "
    assert trim(text, (0, len(text))) == (2, 10)
    assert text[2:10] == "Yes, sir"
    assert trim("a «b» c", (2, 5)) == (3, 4)


def test_trim_keeps_a_span_made_only_of_trimmed_characters() -> None:
    assert trim("He said: “", (7, 10)) == (7, 10)


def test_exact_match_ignores_trimmed_characters_at_the_edges() -> None:
    gold = gold_t1()
    t = T1
    pred = doc(
        t,
        att(find(t, "The mayor "), find(t, " said "), find(t, "that taxes will rise.")),
    )
    s = score([gold], [pred])
    assert prf(s, "source-exact") == (1, 1, 2)
    assert prf(s, "cue-exact") == (1, 1, 2)
    assert prf(s, "content-exact") == (1, 1, 3)
    assert prf(s, "triple-exact") == (1, 1, 2)


# --- exact against overlap -----------------------------------------------------------------


def test_a_partly_right_span_counts_for_overlap_not_exact() -> None:
    t = T1
    pred = doc(t, att(find(t, "mayor"), find(t, "said that"), find(t, "taxes will")))
    s = score([gold_t1()], [pred])
    for role in ("source", "cue", "content"):
        assert s[f"{role}-exact"]["tp"] == 0
        assert s[f"{role}-overlap"]["tp"] == 1
    assert prf(s, "triple-overlap") == (1, 1, 2)
    assert prf(s, "triple-exact") == (0, 1, 2)
    assert s["triple-overlap"]["P"] == 1.0
    assert s["triple-overlap"]["R"] == 0.5
    assert s["triple-overlap"]["F1"] == pytest.approx(2 / 3)


def test_char_scores_count_characters_of_the_unions() -> None:
    t = "Ann said no."
    gold = doc(t, att(find(t, "Ann"), find(t, "said"), find(t, "no")))
    pred = doc(t, att(find(t, "Ann said"), find(t, "said"), find(t, "no")))
    s = score([gold], [pred])
    assert prf(s, "source-char") == (3, 8, 3)
    assert prf(s, "cue-char") == (4, 4, 4)
    # Two predicted spans covering the same characters count them once.
    pred2 = doc(
        t,
        att(find(t, "Ann"), find(t, "said"), find(t, "no")),
        att(find(t, "Ann"), find(t, "said"), find(t, "no")),
    )
    assert prf(score([gold], [pred2]), "source-char") == (3, 3, 3)


# --- fragments -----------------------------------------------------------------------------


def test_content_fragments_are_units_and_one_envelope_span_matches_one_of_them() -> None:
    t = T1
    quote = find(t, "“It is a shame,” she added, “but we must.”")
    envelope = doc(t, att(find(t, "she"), find(t, "added"), quote, kind="direct"))
    s = score([gold_t1()], [envelope])
    assert prf(s, "content-overlap") == (1, 1, 3)
    assert prf(s, "content-exact") == (0, 1, 3)
    assert prf(s, "triple-overlap") == (1, 1, 2)
    assert prf(s, "triple-exact") == (0, 1, 2)


def test_both_fragments_given_match_exactly_and_a_subset_is_still_a_triple_exact() -> None:
    t = T1
    both = doc(
        t,
        att(
            find(t, "she"),
            find(t, "added"),
            find(t, "It is a shame"),
            find(t, "but we must"),
            kind="direct",
        ),
    )
    s = score([gold_t1()], [both])
    assert prf(s, "content-exact") == (2, 2, 3)
    assert prf(s, "triple-exact") == (1, 1, 2)
    one = doc(t, att(find(t, "she"), find(t, "added"), find(t, "but we must")))
    assert prf(score([gold_t1()], [one]), "triple-exact") == (1, 1, 2)


def test_content_without_fragments_is_one_unit() -> None:
    t = "Bo said “yes” and “no”."
    gold = doc(
        t, {"source": find(t, "Bo"), "cue": find(t, "said"), "content": find(t, "“yes” and “no”")}
    )
    assert prf(score([gold], [gold]), "content-exact") == (1, 1, 1)


# --- one-to-one matching -------------------------------------------------------------------


def test_split_prediction_gets_one_match_and_one_false_positive() -> None:
    t = "Al said that it rained and that it snowed."
    gold = doc(t, att(find(t, "Al"), find(t, "said"), find(t, "that it rained and that it snowed")))
    pred = doc(
        t,
        att(find(t, "Al"), find(t, "said"), find(t, "that it rained")),
        att(find(t, "Al"), find(t, "said"), find(t, "that it snowed")),
    )
    s = score([gold], [pred])
    assert prf(s, "triple-overlap") == (1, 2, 1)
    assert prf(s, "source-exact") == (1, 2, 1)
    assert prf(s, "content-overlap") == (1, 2, 1)


def test_overlap_matching_takes_the_largest_overlap_first() -> None:
    gold = [(0, 10), (8, 20)]
    pred = [(0, 9), (9, 12)]
    # (0,9)-(0,10) shares 9; then (9,12) may only take (8,20): both matched.
    assert sorted(match_spans(gold, pred, exact=False)) == [(0, 0), (1, 1)]
    # One prediction overlapping two gold spans is matched once, to the larger overlap.
    assert match_spans([(0, 4), (5, 20)], [(2, 18)], exact=False) == [(1, 0)]


def test_exact_matching_pairs_duplicates_one_to_one() -> None:
    assert len(match_spans([(1, 2), (1, 2)], [(1, 2)], exact=True)) == 1
    assert len(match_spans([(1, 2)], [(1, 2), (1, 2)], exact=True)) == 1
    assert len(match_spans([(1, 2), (1, 2)], [(1, 2), (1, 2)], exact=True)) == 2


def test_triple_matching_is_a_maximum_one_to_one_matching() -> None:
    t = "Ann said A. Bob said B."
    a_said, b_said = find(t, "said"), find(t, "said", 8)
    # Gold 0 fits both predictions; gold 1 fits only prediction 0. Taking gold 0 -> pred 0
    # first would leave gold 1 unmatched; the best matching pairs all.
    gold = [
        att(None, [a_said[0], b_said[1]], [0, len(t)]),
        att(None, a_said, [0, len(t)]),
    ]
    pred = [att(None, a_said, [0, 5]), att(None, b_said, [12, 14])]
    assert sorted(match_triples(t, gold, pred, exact=False)) == [(0, 1), (1, 0)]


def test_missing_source_must_be_missing_on_both_sides() -> None:
    t = "It was said that polls close early."
    gold = doc(t, att(None, find(t, "was said"), find(t, "that polls close early")))
    with_source = doc(t, att(find(t, "It"), find(t, "was said"), find(t, "that polls close early")))
    assert prf(score([gold], [gold]), "triple-exact") == (1, 1, 1)
    assert prf(score([gold], [with_source]), "triple-overlap") == (0, 1, 1)
    assert prf(score([gold], [with_source]), "source-overlap") == (0, 1, 0)


def test_cue_without_content() -> None:
    t = "Ed declined to comment."
    gold = doc(t, att(find(t, "Ed"), find(t, "declined to comment")))
    assert prf(score([gold], [gold]), "triple-exact") == (1, 1, 1)
    assert prf(score([gold], [gold]), "content-exact") == (0, 0, 0)
    assert score([gold], [gold])["content-exact"]["F1"] == 0.0


# --- empty predictions, missing documents, kinds -------------------------------------------


def test_empty_and_missing_predictions_score_zero_without_error() -> None:
    s = score([gold_t1()], [])
    assert prf(s, "triple-overlap") == (0, 0, 2)
    assert s["triple-overlap"]["P"] == 0.0 and s["triple-overlap"]["F1"] == 0.0
    s = score([gold_t1()], [doc(T1)])
    assert prf(s, "content-char") == (0, 0, s["content-char"]["gold"])
    s = score([doc("Nothing here.")], [doc("Nothing here.")])
    assert all(s[m]["F1"] == 0.0 for m in ("cue-exact", "triple-overlap"))
    assert s["documents"] == 1


def test_predictions_for_unknown_documents_are_ignored() -> None:
    extra = doc("Zed said hi.", att([0, 3], [4, 8], [9, 11]), id="other")
    assert prf(score([gold_t1()], [gold_t1(), extra]), "triple-exact") == (2, 2, 2)


def test_recall_is_also_given_per_gold_kind() -> None:
    t = T1
    pred = doc(t, att(find(t, "The mayor"), find(t, "said"), find(t, "that taxes will rise")))
    by_kind = score([gold_t1()], [pred])["recall_by_kind"]
    assert by_kind["indirect"]["triple-overlap"] == {"tp": 1, "gold": 1, "R": 1.0}
    assert by_kind["direct"]["triple-exact"] == {"tp": 0, "gold": 1, "R": 0.0}


def test_kinds_restrict_gold_and_report_recall_only() -> None:
    s = score([gold_t1()], [gold_t1()], kinds=["direct"])
    assert prf(s, "triple-exact") == (1, 2, 1)
    assert s["triple-exact"]["R"] == 1.0
    assert s["triple-exact"]["P"] is None and s["triple-exact"]["F1"] is None


# --- evaluate() and the command ------------------------------------------------------------


class FixedAnalyzer:
    """Answers every text with one attribution built from the text's own words."""

    def analyze(self, text: str) -> sayso.Document:
        def span(piece: str) -> sayso.Span:
            s, e = find(text, piece)
            return sayso.Span(s, e, piece)

        a = sayso.Attribution(
            source=span("she"),
            cue=span("added"),
            content=[span("“It is a shame,”"), span("“but we must.”")],
            kind="direct",
            sentence=1,
            cue_class="neutral",
        )
        return sayso.Document(text, attributions=[a])


class BrokenAnalyzer:
    def analyze(self, text: str) -> sayso.Document:
        raise sayso.SaysoError("cannot read this one")


def test_evaluate_runs_the_analyzer_and_writes_gold_format_predictions(tmp_path: Path) -> None:
    gold_path = tmp_path / "gold.jsonl"
    gold_path.write_text(json.dumps(gold_t1(), ensure_ascii=False) + "\n\n", encoding="utf-8")
    out = tmp_path / "pred.jsonl"
    s = sayso.evaluate(gold_path, analyzer=FixedAnalyzer(), predictions=out)
    assert prf(s, "triple-exact") == (1, 1, 2)
    assert prf(s, "content-exact") == (2, 2, 3)
    assert s["failed"] == []
    (pred,) = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert pred["id"] == "d" and pred["text"] == T1
    (a,) = pred["attributions"]
    assert T1[slice(*a["source"])] == "she"
    assert [T1[s:e] for s, e in a["content_fragments"]] == ["“It is a shame,”", "“but we must.”"]
    assert a["content"] == [a["content_fragments"][0][0], a["content_fragments"][1][1]]
    assert a["kind"] == "direct"
    # The written predictions score the same through score().
    assert score([gold_t1()], [pred]) == {k: v for k, v in s.items() if k != "failed"}


def test_evaluate_with_sayso_itself_keeps_offsets_in_str_indices() -> None:
    text = "Ça va 😀. “We will win,” said Ms. Núñez. She said that it was close."
    gold = [
        doc(text, att(find(text, "Ms. Núñez"), find(text, "said"), find(text, "“We will win,”")))
    ]
    s = sayso.evaluate(gold)
    assert s["triple-overlap"]["gold"] == 1
    assert s["documents"] == 1 and s["failed"] == []


def test_evaluate_records_a_failing_document_and_goes_on() -> None:
    s = sayso.evaluate([gold_t1()], analyzer=BrokenAnalyzer())
    assert s["failed"] == [{"id": "d", "error": "cannot read this one"}]
    assert prf(s, "triple-overlap") == (0, 0, 2)


def test_command_prints_table_or_json_and_writes_predictions(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    gold_path = tmp_path / "gold.jsonl"
    gold_path.write_text(json.dumps(gold_t1(), ensure_ascii=False) + "\n", encoding="utf-8")
    out = tmp_path / "pred.jsonl"
    assert main(["evaluate", str(gold_path), "--predictions", str(out), "--json"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed["triple-overlap"]["gold"] == 2
    assert out.is_file()
    assert main(["evaluate", str(gold_path), "--kinds", "direct,mixed"]) == 0
    table = capsys.readouterr().out
    assert "triple-overlap" in table and "recall only" in table


# --- agreement with the reference scorer on PolNeAR dev ------------------------------------


def perturb(gold_docs: list[dict[str, Any]], seed: int) -> list[dict[str, Any]]:
    """Predictions made from the gold by random edits that exercise every rule of the scorer:
    shifted edges, trimmed characters, dropped roles, split and merged fragments, doubles,
    misses and spurious attributions."""
    rng = random.Random(seed)
    out = []
    for d in gold_docs:
        n = len(d["text"])

        def jitter(span: list[int] | None, n: int = n) -> list[int] | None:
            if span is None:
                return None
            s = min(max(0, span[0] + rng.choice([-3, -1, 0, 0, 0, 1, 2])), n)
            e = min(max(s + 1, span[1] + rng.choice([-2, -1, 0, 0, 0, 1, 3])), n)
            return [s, e]

        atts = []
        for a in d["attributions"]:
            r = rng.random()
            frags = [list(f) for f in a.get("content_fragments") or []]
            if r < 0.1:
                continue
            if r < 0.2 and len(frags) > 1:  # one attribution per fragment
                for f in frags:
                    atts.append({"source": a["source"], "cue": a["cue"], "content": f})
                continue
            new = {
                "source": None if rng.random() < 0.1 else jitter(a["source"]),
                "cue": jitter(a["cue"]),
                "content": jitter(a["content"]),
            }
            if frags and rng.random() < 0.5:
                new["content_fragments"] = [jitter(f) for f in frags]
            atts.append(new)
            if rng.random() < 0.05:
                atts.append(dict(new))
        for _ in range(rng.randrange(4)):
            s = rng.randrange(max(n - 40, 1))
            atts.append({"source": [s, s + 5], "cue": [s + 6, s + 10], "content": [s + 11, s + 40]})
        out.append({"id": d["id"], "attributions": atts})
    return out


def reference_scores(scorer: Path, gold: Path, pred: Path, *extra: str) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, str(scorer), str(gold), str(pred), "--json", *extra],
        check=True,
        capture_output=True,
        text=True,
    )
    result: dict[str, Any] = json.loads(done.stdout)
    return result


@pytest.mark.parametrize("predictions", ["sayso", "perturbed-gold"])
def test_agrees_with_the_reference_scorer_on_polnear_dev(predictions: str, tmp_path: Path) -> None:
    shared = shared_dir()
    if shared is None:
        pytest.skip(
            "../shared/data (PolNeAR dev and score_attribution.py) is absent; "
            "set SAYSO_SHARED to run the agreement test"
        )
    gold_path = shared / "data" / "polnear.dev.jsonl"
    scorer = shared / "data" / "score_attribution.py"
    gold_docs = [json.loads(line) for line in gold_path.open(encoding="utf-8")]
    pred_path = tmp_path / "pred.jsonl"
    if predictions == "sayso":
        ours = sayso.evaluate(gold_docs, predictions=pred_path)
    else:
        pred_docs = perturb(gold_docs, seed=3)
        pred_path.write_text("".join(json.dumps(d) + "\n" for d in pred_docs), encoding="utf-8")
        ours = score(gold_docs, pred_docs)
        assert ours["triple-overlap"]["tp"] > 1000  # a real test, not zeros against zeros
    theirs = reference_scores(scorer, gold_path, pred_path)
    for metric, ref in theirs.items():
        for key in ("P", "R", "F1"):
            assert ours[metric][key] == pytest.approx(ref[key], abs=0.001), (metric, key)
        assert ours[metric]["pred"] == ref["pred"] and ours[metric]["gold"] == ref["gold"]
    # Gold restricted by kind: recall only, on both sides.
    kinds = ["direct", "mixed"]
    ours_k = score(
        gold_docs, [json.loads(x) for x in pred_path.open(encoding="utf-8")], kinds=kinds
    )
    theirs_k = reference_scores(scorer, gold_path, pred_path, "--kinds", ",".join(kinds))
    for metric, ref in theirs_k.items():
        assert ours_k[metric]["R"] == pytest.approx(ref["R"], abs=0.001), metric
