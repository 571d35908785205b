#!/usr/bin/env python3
"""Cycle proxy per function (or per source line) from a cachegrind output.

    valgrind --tool=cachegrind --cache-sim=yes --branch-sim=yes \
        --cachegrind-out-file=cg.out target/release/whosaid -j1 CORPUS -o rows.csv
    python3 scripts/cg_proxy.py cg.out            # top 40 functions
    python3 scripts/cg_proxy.py cg.out 30 --lines # top 30 function:line pairs

proxy = Ir + 10 * Bcm + 10 * D1mr + 100 * DLmr: instructions, mispredicted
conditional branches, first-level data read misses and last-level data read
misses, weighted roughly by what each costs. Fewer instructions alone did
not buy CPU time (docs/performance.md), so speed work is judged by this.
Standard library only.
"""

import collections
import sys


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    by_line = "--lines" in sys.argv
    path = args[0]
    top = int(args[1]) if len(args) > 1 else 40
    events: list[str] = []
    file = function = ""
    costs: dict[str, list[int]] = collections.defaultdict(lambda: [0] * len(events))
    total: list[int] = []
    with open(path, encoding="utf-8", errors="replace") as out:
        for line in out:
            if line.startswith("events:"):
                events = line.split()[1:]
                total = [0] * len(events)
            elif line.startswith("fl="):
                file = line[3:].strip()
            elif line.startswith("fn="):
                function = line[3:].strip()
            elif line[:1].isdigit():
                number, *values = line.split()
                key = f"{function}  {file.rsplit('/', 1)[-1]}:{number}" if by_line else function
                cost = costs[key]
                for i, value in enumerate(values):
                    cost[i] += int(value)
                    total[i] += int(value)
    at = {event: i for i, event in enumerate(events)}

    def proxy(c: list[int]) -> int:
        return c[at["Ir"]] + 10 * c[at["Bcm"]] + 10 * c[at["D1mr"]] + 100 * c[at["DLmr"]]

    def row(name: str, c: list[int]) -> str:
        m = [c[at[e]] / 1e6 for e in ("Ir", "Bcm", "D1mr", "DLmr")]
        return f"{proxy(c) / 1e6:9.1f} {m[0]:9.1f} {m[1]:7.2f} {m[2]:7.2f} {m[3]:6.3f}  {name}"

    print(f"{'proxy M':>9} {'Ir M':>9} {'Bcm M':>7} {'D1mr M':>7} {'DLmr M':>6}")
    print(row("TOTAL", total))
    for name, c in sorted(costs.items(), key=lambda kv: -proxy(kv[1]))[:top]:
        print(row(name[:160], c))


if __name__ == "__main__":
    main()
