#!/usr/bin/env python3
"""Scores `ocindex flows extract --format json` output against a gold annotation.

    flows_gold_score.py EXTRACTED.json GOLD.json

Matching rules (docs/FLOWS.md, "Gold scoring"): negated statements never count.
  flow   market, origin set and destination set agree (via, modes: reported apart)
  role   market and role agree
  trend  subject (market or actor), direction and figure agree
  market market and section agree
  actor  actor type and section agree
Predicted statements are deduplicated by those keys. A gold fact marked optional
(ambiguous in the text) counts when found and is not missed when absent.
Precision = matched predictions / predictions; recall = matched required facts /
required facts. Evidence agreement: a matched prediction cites a sentence of the gold
fact's section that contains (within 120 characters) the gold offset.
Exit status 1 when flow precision or recall is below 0.85 or, for a gold file with
"issue_checks": true (the seed's), one of the issue's required statements is missing.
"""
import json
import sys

GOAL = 0.85
EVIDENCE_SLACK = 120


def flow_key(s):
    return (s["market"], frozenset(p["code"] if isinstance(p, dict) else p for p in s["origins"]),
            frozenset(p["code"] if isinstance(p, dict) else p for p in s["destinations"]))


KEYS = {
    "flow": flow_key,
    "role": lambda s: (s["market"], s["role"]),
    "trend": lambda s: (s.get("market") or s.get("actor") or s.get("subject"), s["direction"], s.get("figure") or ""),
    "market": lambda s: (s["market"], s["section"] if "section" in s else s["evidence"][0]["section"]),
    "actor": lambda s: (s["actor"], s["section"] if "section" in s else s["evidence"][0]["section"]),
}
GOLD_LISTS = {"flow": "flows", "role": "roles", "trend": "trends", "market": "markets", "actor": "actors"}


def evidence_agrees(predicted, gold):
    for e in predicted["evidence"]:
        if e["section"] == gold["section"] and e["begin"] - EVIDENCE_SLACK <= gold["offset"] <= e["end"] + EVIDENCE_SLACK:
            return True
    return False


def score(extracted, gold):
    rows = []
    matched = {}
    for kind, list_name in GOLD_LISTS.items():
        predictions = {}
        for s in extracted["statements"]:
            if s["kind"] != kind or s["negated"]:
                continue
            predictions.setdefault(KEYS[kind](s), []).append(s)
        facts = {}
        for g in gold[list_name]:
            facts.setdefault(KEYS[kind](g), g)
        tp = [k for k in predictions if k in facts]
        fp = [k for k in predictions if k not in facts]
        required = [k for k, g in facts.items() if not g.get("optional")]
        fn = [k for k in required if k not in predictions]
        evidence = sum(1 for k in tp if any(evidence_agrees(p, facts[k]) for p in predictions[k]))
        p = len(tp) / len(predictions) if predictions else 0.0
        r = (len(required) - len(fn)) / len(required) if required else 1.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        rows.append((kind, len(required), len(predictions), len(tp), len(fp), len(fn), p, r, f1, evidence))
        matched[kind] = (predictions, facts, fp, fn)
    return rows, matched


def fmt_key(key):
    return " ".join(",".join(sorted(x)) if isinstance(x, frozenset) else str(x) for x in key)


def checks(extracted):
    """The issue's 'done means' list: each must be extracted, with evidence."""
    flows = [s for s in extracted["statements"] if s["kind"] == "flow" and not s["negated"] and s["evidence"]]
    roles = [s for s in extracted["statements"] if s["kind"] == "role" and not s["negated"] and s["evidence"]]

    def codes(places):
        return {p["code"] for p in places}

    def has_flow(market, origins=None, via=None, destinations=None):
        for s in flows:
            if s["market"] != market:
                continue
            if origins and not origins <= codes(s["origins"]):
                continue
            if via and not via <= codes(s["via"]):
                continue
            if destinations and not destinations <= codes(s["destinations"]):
                continue
            return s
        return None

    found = [
        ("northern heroin route AFG -> KAZ -> RUS", has_flow("heroin_trade", {"AFG"}, {"KAZ"}, {"RUS"})),
        ("cannabis to RUS", has_flow("cannabis_trade", None, None, {"RUS"})),
        ("fuel to KGZ", has_flow("non_renewable_resource_crimes", {"KAZ"}, None, {"KGZ"})),
        ("saiga parts to CHN and Eastern/South-eastern Asia",
         has_flow("fauna_crimes", None, None, {"CHN", "M49-030", "M49-035"})),
        ("sources of illicit arms", has_flow("arms_trafficking", {"RUS", "TJK", "AFG"}, None, {"KAZ"})),
    ]
    for role in ("source", "transit", "destination"):
        hit = next((s for s in roles if s["market"] == "human_trafficking" and s["role"] == role), None)
        found.append((f"human trafficking role: {role}", hit))
    return found


def main():
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    extracted = json.load(open(sys.argv[1]))
    if isinstance(extracted, list):
        extracted = extracted[0]
    gold = json.load(open(sys.argv[2]))
    rows, matched = score(extracted, gold)
    print(f"{'kind':8} {'gold':>5} {'pred':>5} {'tp':>4} {'fp':>4} {'fn':>4} {'precision':>9} {'recall':>7} {'f1':>5} {'evidence':>8}")
    for kind, g, n, tp, fp, fn, p, r, f1, ev in rows:
        print(f"{kind:8} {g:5} {n:5} {tp:4} {fp:4} {fn:4} {p:9.2f} {r:7.2f} {f1:5.2f} {ev:>4}/{tp:<3}")
    for kind, (predictions, facts, fp, fn) in matched.items():
        for key in fp:
            print(f"  {kind} false positive: {fmt_key(key)}")
        for key in fn:
            print(f"  {kind} missed: {fmt_key(key)}")
    flows = next(r for r in rows if r[0] == "flow")
    failed = flows[6] < GOAL or flows[7] < GOAL
    # The required statements are about the seed; a gold file says if it is that one.
    if gold.get("issue_checks"):
        failed = report_checks(extracted) or failed
    print(f"\nflows: precision {flows[6]:.2f}, recall {flows[7]:.2f} (goal {GOAL})")
    return 1 if failed else 0


def report_checks(extracted):
    failed = False
    print("\nrequired (issue 7, 'done means'):")
    for label, statement in checks(extracted):
        if statement is None:
            failed = True
            print(f"  MISSING  {label}")
        else:
            e = statement["evidence"][0]
            print(f"  ok       {label}: {statement.get('path', statement.get('role', ''))} "
                  f"[{e['section']} sentence {e['sentence']}, {e['begin']}-{e['end']}]")
    return failed


if __name__ == "__main__":
    sys.exit(main())
