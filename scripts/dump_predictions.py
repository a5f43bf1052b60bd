#!/usr/bin/env python3
"""Run sayso over a gold JSONL file and write predictions in the scorer's format.

    python3 scripts/dump_predictions.py GOLD.jsonl PRED.jsonl [--limit N]

Then: python3 ../shared/data/score_attribution.py GOLD.jsonl PRED.jsonl
"""

from __future__ import annotations

import argparse
import json

import sayso


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("gold")
    ap.add_argument("pred")
    ap.add_argument("--limit", type=int, default=None)
    args = ap.parse_args()
    with open(args.gold, encoding="utf-8") as f, open(args.pred, "w", encoding="utf-8") as out:
        for n, line in enumerate(f):
            if args.limit is not None and n >= args.limit:
                break
            doc = json.loads(line)
            try:
                analysis = sayso.analyze(doc["text"])
            except sayso.SaysoError as e:  # one bad document must not stop the run
                print(f"{doc['id']}: {e}".splitlines()[0])
                out.write(json.dumps({"id": doc["id"], "attributions": []}) + "\n")
                continue
            atts = []
            for a in analysis.attributions:
                frags = [[c.start, c.end] for c in a.content]
                atts.append(
                    {
                        "source": [a.source.start, a.source.end] if a.source else None,
                        "cue": [a.cue.start, a.cue.end],
                        "content": [frags[0][0], frags[-1][1]] if frags else None,
                        "content_fragments": frags,
                    }
                )
            out.write(json.dumps({"id": doc["id"], "attributions": atts}) + "\n")


if __name__ == "__main__":
    main()
