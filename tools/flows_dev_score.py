#!/usr/bin/env python3
"""Scores `ocindex flows extract` on a flow development set (texts + gold.json).

    flows_dev_score.py [--ocindex build/release/ocindex] [--dev ../shared/data/flows-dev]
                       [--edition 2025] [--with-subject] [--add-heading H] [--verbose] [--check]

Each text of the set is given to `ocindex flows extract TEXT --format json` as it is
(no headings added); with --with-subject the gold subject is passed as --country,
else ocindex infers it. The gold format and the matching rule are the set's README:

  flow   same market (a gold "drugs (unspecified)" accepts any drug market), origin
         sets intersect and destination sets intersect; an empty gold side is not
         checked; via is never required. A predicted domestic flow (origin =
         destination = subject, no via) is dropped first.
  role   exact (market, role) pairs of the subject.
  market set per text.

Negated statements never count. Strict matching compares place codes and names
exactly. Lenient matching also lets a place meet a region that contains it or that it
contains (ITA meets Europe, Southern Europe meets Europe: UN M49 tree) and counts
source and producer as one role. Figures are pooled over the texts (micro averages).
--check exits 1 below the issue's goals: strict flows P >= 0.85, R >= 0.75, roles P
and R >= 0.8, and no flow from a text whose gold has none.
"""
import argparse
import csv
import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DRUG_MARKETS = {"heroin_trade", "cocaine_trade", "cannabis_trade", "synthetic_drug_trade"}
UNSPECIFIED_DRUGS = "drugs (unspecified)"
# UN M49: each region code's parent (the regions of data/geography/regions.csv).
M49_PARENT = {
    "015": "002", "202": "002", "011": "202", "014": "202", "017": "202", "018": "202",
    "419": "019", "021": "019", "029": "419", "013": "419", "005": "419",
    "143": "142", "030": "142", "035": "142", "034": "142", "145": "142",
    "151": "150", "154": "150", "039": "150", "155": "150",
    "053": "009", "054": "009", "057": "009", "061": "009",
}
GOALS = {"flows_p": 0.85, "flows_r": 0.75, "roles_p": 0.8, "roles_r": 0.8}


def read_csv(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


class Places:
    """Place codes as the gold names them, and the M49 regions containing each."""

    def __init__(self):
        geo = os.path.join(ROOT, "data", "geography")
        self.name_of = {r["code"]: r["name"] for r in read_csv(os.path.join(geo, "regions.csv"))}
        self.code_of = {name: code[4:] for code, name in self.name_of.items()}
        self.subregion = {r["iso3"]: r["m49"] for r in read_csv(os.path.join(geo, "subregions.csv"))}

    def gold_name(self, code):
        return self.name_of.get(code, code)

    def ancestors(self, place):
        """The place and every M49 region that contains it (as gold names or ISO3)."""
        out = [place]
        m49 = self.code_of.get(place) or self.subregion.get(place)
        if place in self.subregion and m49:
            out.append(self.name_of.get("M49-" + m49, m49))
        while m49 in M49_PARENT:
            m49 = M49_PARENT[m49]
            out.append(self.name_of.get("M49-" + m49, m49))
        return out

    def meet(self, a, b, lenient):
        if a == b:
            return True
        return lenient and (b in self.ancestors(a) or a in self.ancestors(b))


def market_names(edition):
    """Indicator id -> lower-case name, from the bundled framework of the edition."""
    names = {}
    current = None
    with open(os.path.join(ROOT, "data", "frameworks", f"goci-{edition}.toml"), encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line.startswith("id = "):
                current = line[5:].strip('"')
            elif line.startswith("name = ") and current:
                names[current] = line[7:].strip('"').lower()
                current = None
    return names


def extract(ocindex, db, path, edition, subject):
    command = [ocindex, "--db", db, "--format", "json", "flows", "extract", path, "--edition", edition]
    if subject:
        command += ["--country", subject]
    run = subprocess.run(command, capture_output=True, text=True)
    if run.returncode != 0:
        return None, run.stderr.strip()
    return json.loads(run.stdout), run.stderr.strip()


def sides_meet(places, predicted, gold, lenient):
    if not gold:
        return True
    return any(places.meet(p, g, lenient) for p in predicted for g in gold)


def flow_matches(places, names, p, g, lenient):
    if g["market"] == UNSPECIFIED_DRUGS:
        if p["market"] not in DRUG_MARKETS:
            return False
    elif names.get(p["market"], p["market"]) != g["market"]:
        return False
    return sides_meet(places, p["origins"], g["origin"], lenient) and \
        sides_meet(places, p["destinations"], g["destination"], lenient)


def role_key(names, market, role, lenient):
    if lenient and role == "producer":
        role = "source"
    return (names.get(market, market), role)


class Tally:
    def __init__(self):
        self.tp_p = self.n_p = self.tp_r = self.n_r = 0

    def add(self, matched_predictions, predictions, matched_gold, gold):
        self.tp_p += matched_predictions
        self.n_p += predictions
        self.tp_r += matched_gold
        self.n_r += gold

    def p(self):
        return self.tp_p / self.n_p if self.n_p else 1.0

    def r(self):
        return self.tp_r / self.n_r if self.n_r else 1.0


def score_text(places, names, extracted, gold, lenient, tallies, out):
    subject = gold["subject"]
    statements = [s for s in extracted["statements"] if not s["negated"]]
    flows = []
    for s in statements:
        if s["kind"] != "flow":
            continue
        origins = [places.gold_name(p["code"]) for p in s["origins"]]
        destinations = [places.gold_name(p["code"]) for p in s["destinations"]]
        if origins == [subject] and destinations == [subject] and not s["via"]:
            continue
        flows.append({"market": s["market"], "origins": origins, "destinations": destinations,
                      "via": [places.gold_name(p["code"]) for p in s["via"]], "hedged": s["hedged"]})
    hit_p = [any(flow_matches(places, names, p, g, lenient) for g in gold["flows"]) for p in flows]
    hit_g = [any(flow_matches(places, names, p, g, lenient) for p in flows) for g in gold["flows"]]
    tallies["flows"].add(sum(hit_p), len(flows), sum(hit_g), len(gold["flows"]))

    predicted_roles = {role_key(names, s["market"], s["role"], lenient) for s in statements if s["kind"] == "role"}
    gold_roles = {role_key({}, r["market"], r["role"], lenient) for r in gold["roles"]}
    tallies["roles"].add(len(predicted_roles & gold_roles), len(predicted_roles), len(predicted_roles & gold_roles),
                         len(gold_roles))

    predicted_markets = {names.get(s["market"], s["market"]) for s in statements if s["kind"] == "market"}
    gold_markets = set(gold["markets"])
    tallies["markets"].add(len(predicted_markets & gold_markets), len(predicted_markets),
                           len(predicted_markets & gold_markets), len(gold_markets))
    if out is not None:
        for p, hit in zip(flows, hit_p):
            if not hit:
                out.append(f"  FP flow {p['market']}: {p['origins']} -> {p['via']} -> {p['destinations']}")
        for g, hit in zip(gold["flows"], hit_g):
            if not hit:
                out.append(f"  FN flow {g['market']}: {g['origin']} -> {g['via']} -> {g['destination']}")
        for r in sorted(predicted_roles - gold_roles):
            out.append(f"  FP role {r}")
        for r in sorted(gold_roles - predicted_roles):
            out.append(f"  FN role {r}")
    return len(flows)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--ocindex", default=os.path.join(ROOT, "build", "release", "ocindex"))
    parser.add_argument("--dev", default=os.path.join(os.path.dirname(ROOT), "shared", "data", "flows-dev"))
    parser.add_argument("--edition", default="2025")
    parser.add_argument("--with-subject", action="store_true", help="pass the gold subject as --country")
    parser.add_argument("--add-heading", metavar="HEADING",
                        help="put this heading line before each text (how the issue measured before)")
    parser.add_argument("--verbose", action="store_true", help="every false positive and miss, per text")
    parser.add_argument("--check", action="store_true", help="exit 1 below the goals (strict)")
    args = parser.parse_args()

    with open(os.path.join(args.dev, "gold.json"), encoding="utf-8") as f:
        gold = json.load(f)
    places = Places()
    names = market_names(args.edition)
    results = {mode: {k: Tally() for k in ("flows", "roles", "markets")} for mode in ("strict", "lenient")}
    silent_ok = True
    subjects_right = 0
    with tempfile.TemporaryDirectory() as tmp:
        db = os.path.join(tmp, "ocindex.db")
        for text in gold["texts"]:
            path = os.path.join(args.dev, "texts", text["file"])
            if args.add_heading:
                with open(path, encoding="utf-8") as f:
                    body = f.read()
                path = os.path.join(tmp, text["file"])
                with open(path, "w", encoding="utf-8") as f:
                    f.write(args.add_heading + "\n\n" + body)
            extracted, note = extract(args.ocindex, db, path, args.edition, text["subject"] if args.with_subject else "")
            if extracted is None:
                print(f"{text['file']}: ocindex failed: {note}")
                extracted = {"country": "", "statements": []}
            subjects_right += extracted.get("country") == text["subject"]
            lines = [] if args.verbose else None
            count = 0
            for mode, tallies in results.items():
                count = score_text(places, names, extracted, text, mode == "lenient", tallies,
                                   lines if mode == "strict" else None)
            if not text["flows"] and count:
                silent_ok = False
            if args.verbose:
                print(f"{text['file']}: subject {extracted.get('country')} (gold {text['subject']}), {count} flows")
                print("\n".join(lines))
    print(f"subject inferred right: {subjects_right}/{len(gold['texts'])}"
          + (" (given)" if args.with_subject else ""))
    print(f"{'matching':<8} {'kind':<8} {'P':>5} {'R':>5} {'F1':>5}  matched/predicted, matched/gold")
    for mode, tallies in results.items():
        for kind, t in tallies.items():
            p, r = t.p(), t.r()
            f1 = 2 * p * r / (p + r) if p + r else 0.0
            print(f"{mode:<8} {kind:<8} {p:5.2f} {r:5.2f} {f1:5.2f}  {t.tp_p}/{t.n_p}, {t.tp_r}/{t.n_r}")
    print("no flow from the texts that state none:", "yes" if silent_ok else "NO")
    strict = results["strict"]
    figures = {"flows_p": strict["flows"].p(), "flows_r": strict["flows"].r(), "roles_p": strict["roles"].p(),
               "roles_r": strict["roles"].r()}
    if args.check and (not silent_ok or any(figures[k] < goal for k, goal in GOALS.items())):
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
