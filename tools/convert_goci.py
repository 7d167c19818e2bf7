#!/usr/bin/env python3
"""Build data/editions/goci-YYYY.csv from the publisher's GOCI tables.

Reads goci_2021.csv, goci_2023.csv, goci_2025.csv and goci_country_crosswalk.csv
from SOURCE_DIR (default: ../shared/data/goci, next to the repository root).
Publisher columns are mapped to framework ids through the `headers` lists in
data/frameworks/goci-YYYY.toml, countries to ISO3 codes through the crosswalk.

Before writing anything it checks, and stops on the first failure, that:
  * every edition has 193 countries, each placed once, all listed in
    data/geography/countries.csv, whose name or aliases cover every
    publisher spelling (and aliases never point at two countries);
  * every indicator score is a multiple of 0.5 between 1 and 10;
  * every published composite equals the half-up 2-decimal mean recomputed
    exactly (fractions.Fraction) from the indicators, with criminality taken
    as the mean of the unrounded markets and actors means.
The 2021 source keeps unrounded composites; they are rounded half-up to the
published 2 decimals. All figures are written in their shortest decimal form.

Usage: python3 tools/convert_goci.py [SOURCE_DIR]
Standard library only; Python 3.11+ (tomllib).
"""

import csv
import sys
import tomllib
import unicodedata
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "data"
DEFAULT_SOURCE = REPO.parent / "shared" / "data" / "goci"

EDITIONS = ("2021", "2023", "2025")
EXPECTED_COUNTRIES = 193
COMPOSITES = ("criminality", "criminal_markets", "criminal_actors", "resilience")
CROSSWALK = "goci_country_crosswalk.csv"
CROSSWALK_CODE = "Country Code (2021 workbook)"
CROSSWALK_NAME = "Country ({} file)"
CENT = Decimal("0.01")


class CheckFailed(Exception):
    pass


def check(condition, message):
    if not condition:
        raise CheckFailed(message)


def header_key(header):
    """Publisher column label -> the form used in the frameworks' `headers`."""
    return header.strip().lower().rstrip(",.").strip()


def name_key(text):
    """Loose form of a country spelling: case, accents and punctuation ignored."""
    text = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in text if ch.isalnum())


def shortest(value):
    """Decimal -> plain text without exponent or trailing zeros ("4.30" -> "4.3")."""
    return format(value.normalize(), "f")


def half_up(value):
    """Non-negative Fraction -> Decimal rounded half-up to 2 places."""
    check(value >= 0, f"negative value {value}")
    return Decimal((value * 100 + Fraction(1, 2)).__floor__()).scaleb(-2).quantize(CENT)


def mean(values):
    return sum(values, Fraction(0)) / len(values)


def read_csv(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


# ------------------------------------------------------------------ framework

def load_framework(edition):
    """Return (indicator ids in display order, members of each composite, header map)."""
    path = DATA / "frameworks" / f"goci-{edition}.toml"
    with open(path, "rb") as f:
        fw = tomllib.load(f)
    check(fw["framework"]["edition"] == edition, f"{path}: wrong edition")

    nodes = {}
    for node in fw["node"]:
        parent = node.get("parent")
        check(parent is None or parent in nodes, f"{path}: {node['id']} before its parent")
        nodes[node["id"]] = node
    check(all(c in nodes for c in COMPOSITES), f"{path}: missing a composite node")

    def ancestors(node_id):
        while node_id:
            yield node_id
            node_id = nodes[node_id].get("parent")

    indicators = [ind["id"] for ind in fw["indicator"]]
    group_order = [n["id"] for n in fw["node"] if n["kind"] == "group"]
    positions = [group_order.index(ind["group"]) for ind in fw["indicator"]]
    check(positions == sorted(positions), f"{path}: indicators not in group display order")

    members = {
        c: [ind["id"] for ind in fw["indicator"] if c in ancestors(ind["group"])]
        for c in ("criminal_markets", "criminal_actors", "resilience")
    }
    check(len(members["resilience"]) == 12, f"{path}: expected 12 resilience indicators")

    headers = {}
    for item in list(fw["node"]) + list(fw["indicator"]):
        for h in item.get("headers", []):
            check(h not in headers, f"{path}: header {h!r} used twice")
            headers[h] = item["id"]
    return indicators, members, headers


# ------------------------------------------------------------------ countries

def load_countries():
    """Return {spelling: iso3} for every name and alias in countries.csv."""
    rows = read_csv(DATA / "geography" / "countries.csv")
    iso3s = [r["iso3"] for r in rows]
    check(len(rows) == EXPECTED_COUNTRIES, f"countries.csv: {len(rows)} rows")
    check(iso3s == sorted(set(iso3s)), "countries.csv: iso3 not unique and sorted")

    spelling_to_iso3, key_owner = {}, {}
    for r in rows:
        spellings = [r["name"]] + [a for a in r["aliases"].split("|") if a]
        for s in spellings:
            check(s == s.strip() and s, f"countries.csv: bad spelling {s!r}")
            spelling_to_iso3[s] = r["iso3"]
            owner = key_owner.setdefault(name_key(s), r["iso3"])
            check(owner == r["iso3"], f"countries.csv: {s!r} clashes with {owner}")
    return set(iso3s), spelling_to_iso3


# ------------------------------------------------------------------- editions

def parse_score(text, where):
    value = Decimal(text)
    check(1 <= value <= 10 and (value * 2) % 1 == 0, f"{where}: score {text} off the 0.5 grid")
    return value


def convert(edition, source, crosswalk, iso3_set, spelling_to_iso3):
    indicators, members, header_map = load_framework(edition)
    rows = read_csv(source / f"goci_{edition}.csv")
    check(len(rows) == EXPECTED_COUNTRIES, f"{edition}: {len(rows)} rows")

    # Map publisher columns to framework ids; every column must be accounted for.
    columns = {}
    for col in rows[0]:
        if col in ("Continent", "Region", "Country", "Country Code"):
            continue
        fid = header_map.get(header_key(col))
        check(fid is not None, f"{edition}: unknown column {col!r}")
        check(fid not in columns.values(), f"{edition}: two columns for {fid}")
        columns[col] = fid
    check(set(columns.values()) == set(indicators) | set(COMPOSITES),
          f"{edition}: columns do not match the framework")
    by_id = {fid: col for col, fid in columns.items()}

    name_to_iso3 = {c[CROSSWALK_NAME.format(edition)]: c[CROSSWALK_CODE] for c in crosswalk}
    stats = {c: 0 for c in COMPOSITES}
    stats.update(raw_exact=0, naive_criminality=0)
    out = []
    for row in rows:
        country = row["Country"].strip()
        iso3 = name_to_iso3.get(country)
        check(iso3 is not None, f"{edition}: {country!r} not in crosswalk")
        if edition == "2021":
            check(row["Country Code"].strip() == iso3, f"2021: code mismatch for {country}")
        check(iso3 in iso3_set, f"{edition}: {iso3} not in countries.csv")
        check(spelling_to_iso3.get(country) == iso3,
              f"{edition}: spelling {country!r} not a name/alias of {iso3} in countries.csv")

        where = f"{edition} {iso3}"
        scores = {i: parse_score(row[by_id[i]].strip(), f"{where} {i}") for i in indicators}
        exact = {c: mean([Fraction(scores[i]) for i in members[c]]) for c in members}
        exact["criminality"] = (exact["criminal_markets"] + exact["criminal_actors"]) / 2

        published = {}
        for c in COMPOSITES:
            raw = Decimal(row[by_id[c]].strip())
            if edition == "2021":
                # Unrounded workbook value (about 15 significant digits).
                if abs(Fraction(raw) - exact[c]) < Fraction(1, 10**12):
                    stats["raw_exact"] += 1
                value = raw.quantize(CENT, rounding=ROUND_HALF_UP)
            else:
                check(raw == raw.quantize(CENT), f"{where} {c}: more than 2 decimals")
                value = raw
            recomputed = half_up(exact[c])
            check(value == recomputed, f"{where} {c}: published {value}, recomputed {recomputed}")
            stats[c] += 1
            published[c] = value

        naive = half_up((Fraction(published["criminal_markets"]) + Fraction(published["criminal_actors"])) / 2)
        if naive == published["criminality"]:
            stats["naive_criminality"] += 1

        out.append([iso3, country, row["Continent"].strip(), row["Region"].strip()]
                   + [shortest(published[c]) for c in COMPOSITES]
                   + [shortest(scores[i]) for i in indicators])

    iso3s = [r[0] for r in out]
    check(len(set(iso3s)) == EXPECTED_COUNTRIES, f"{edition}: a country appears twice")
    check(all(r[2] and r[3] for r in out), f"{edition}: empty continent or region")
    out.sort(key=lambda r: r[0])

    target = DATA / "editions" / f"goci-{edition}.csv"
    return target, ["iso3", "country", "continent", "region", *COMPOSITES, *indicators], out, stats, len(indicators)


def main(argv):
    source = Path(argv[1]) if len(argv) > 1 else DEFAULT_SOURCE
    crosswalk = read_csv(source / CROSSWALK)
    check(len(crosswalk) == EXPECTED_COUNTRIES, f"crosswalk: {len(crosswalk)} rows")
    iso3_set, spelling_to_iso3 = load_countries()
    check({c[CROSSWALK_CODE] for c in crosswalk} == iso3_set,
          "crosswalk and countries.csv list different countries")
    print(f"countries.csv: {len(iso3_set)} countries, {len(spelling_to_iso3)} spellings, no alias clashes")

    results = [convert(e, source, crosswalk, iso3_set, spelling_to_iso3) for e in EDITIONS]

    # Write only after every edition passed.
    for edition, (target, header, rows, stats, n_ind) in zip(EDITIONS, results):
        target.parent.mkdir(parents=True, exist_ok=True)
        with open(target, "w", encoding="utf-8", newline="") as f:
            writer = csv.writer(f, lineterminator="\n")
            writer.writerow(header)
            writer.writerows(rows)
        n = len(rows)
        print(f"{edition}: {n} countries, {n * n_ind} indicator scores on the 0.5 grid; "
              + ", ".join(f"{c} {stats[c]}/{n}" for c in COMPOSITES)
              + " match the recomputed half-up mean")
        if edition == "2021":
            print(f"      unrounded source composites equal to the exact mean: {stats['raw_exact']}/{4 * n}")
        print(f"      criminality from the rounded sub-scores would match only "
              f"{stats['naive_criminality']}/{n}")
        print(f"      wrote {target.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv))
    except CheckFailed as err:
        sys.exit(f"convert_goci: check failed: {err}")
