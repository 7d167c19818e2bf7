"""A synthetic index of any size, for the scaling benchmarks (bench/scaling/scaling.sh).

Writes a framework file (docs/FRAMEWORK_FORMAT.md) and a CSV of scores in the project's
layout for UNITS units and INDICATORS indicators, shaped like the GOCI: two pillars,
"criminality" the mean of two components ("markets", two thirds of the indicators, and
"actors") and "resilience" the mean of the rest, a 1-10 scale in steps of 0.5, 2
decimals, the quadrant at 5.5. Each unit has a latent level on each pillar; its scores
are that level plus noise, on the scale, so ranks mean something and ties are common,
as in a real index.

Up to the number of countries in data/geography/countries.csv the units are real
countries; beyond that they are "U0000001"... (a subnational or company index), listed
in OUT_PREFIX.units.csv (code,name,aliases) for `ocindex import --units`.

Usage: synthetic_index.py UNITS INDICATORS OUT_PREFIX [SEED]
Writes OUT_PREFIX.toml, OUT_PREFIX.csv and, beyond the countries, OUT_PREFIX.units.csv.
"""
import csv
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def units(count):
    with open(ROOT / "data/geography/countries.csv", newline="") as f:
        countries = [(row["iso3"], row["name"]) for row in csv.DictReader(f)]
    if count <= len(countries):
        return countries[:count]
    return [(f"U{u:07d}", f"Unit {u}") for u in range(1, count + 1)]


def framework(indicators, edition):
    resilience = max(1, indicators * 3 // 8)
    actors = max(1, (indicators - resilience) // 3)
    groups = ["resilience"] * resilience + ["actors"] * actors
    groups = ["markets"] * (indicators - len(groups)) + groups
    lines = [
        "[framework]", f'id = "synthetic-{edition}"', f'name = "Synthetic index {edition}"', f'edition = "{edition}"',
        "", "[scale]", "min = 1.0", "max = 10.0", "step = 0.5",
        "", "[rounding]", "decimals = 2", 'mode = "half-up"',
        "", "[quadrant]", 'x = "resilience"', 'y = "criminality"', "threshold = 5.5", "",
    ]
    nodes = [("criminality", "pillar", None, "children"), ("markets", "component", "criminality", "indicators"),
             ("actors", "component", "criminality", "indicators"), ("resilience", "pillar", None, "indicators")]
    for node, kind, parent, aggregate in nodes:
        lines += ["[[node]]", f'id = "{node}"', f'kind = "{kind}"', f'name = "{node.capitalize()}"',
                  f'aggregate = "{aggregate}"']
        lines += [f'parent = "{parent}"'] if parent else []
        lines.append("")
    ids = [f"i{i + 1:03d}" for i in range(indicators)]
    for indicator, group in zip(ids, groups):
        lines += ["[[indicator]]", f'id = "{indicator}"', f'group = "{group}"', f'name = "Indicator {indicator}"', ""]
    return "\n".join(lines), ids, groups


def main():
    count, indicators, prefix = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
    rng = random.Random(int(sys.argv[4]) if len(sys.argv) > 4 else 1)
    text, ids, groups = framework(indicators, "2030")
    Path(prefix + ".toml").write_text(text)
    listed = units(count)
    if listed[0][0].startswith("U"):  # not countries: the unit list the importer needs
        with open(prefix + ".units.csv", "w", newline="") as f:
            out = csv.writer(f)
            out.writerow(["code", "name", "aliases"])
            out.writerows((code, name, "") for code, name in listed)
    with open(prefix + ".csv", "w", newline="") as f:
        out = csv.writer(f)
        out.writerow(["iso3", "country", "continent", "region"] + ids)
        for code, name in listed:
            level = {"resilience": rng.uniform(2, 8)}
            level["markets"] = level["actors"] = rng.uniform(2, 8)
            scores = [min(20, max(2, round(2 * rng.gauss(level[g], 1.5)))) / 2 for g in groups]
            out.writerow([code, name, "Synthetic", "Synthetic"] + [f"{s:g}" for s in scores])


if __name__ == "__main__":
    main()
