#!/usr/bin/env python3
"""Throughput, scaling, memory and growth benchmark of the `whosaid` binary.

`just bench` (or `python3 scripts/bench.py`) builds the release binary and the
I/O floor example, builds a corpus of real news JSONL by repeating the PolNeAR
texts of ../shared/corpora/polnear/*.jsonl under distinct ids (into
target/bench-corpus, never committed), and measures:

- throughput: the median of --runs runs at -j1 and at all cores, as MB of
  article text and articles per second of wall time, per core, and per
  CPU-second (user + system time of the process);
- the I/O floor: the same readers and CSV writer with the analysis left out
  (examples/io_floor.rs), and the ratio of the full run's time to it;
- peak RSS (maximum resident set size of each run, from /usr/bin/time), at two corpus sizes, to show
  memory does not grow with the corpus;
- growth: time against article length (texts concatenated 1x to 256x, at a
  constant total size, so constant time means linear), and pathological
  articles (only quotation marks; one long run without whitespace) at doubling
  sizes, so each doubling should double the time.

Python 3.11 standard library only. Prints tables (Markdown with --markdown)
and writes every figure to target/bench-corpus/results.json.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import signal
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CORPORA = REPO.parent / "shared" / "corpora" / "polnear"
MB = 1_000_000


@dataclass
class Run:
    """One timed process: wall and CPU seconds, peak RSS in MiB."""

    wall: float
    cpu: float
    rss_mib: float


def run_once(argv: list[str], stdout: Path, timeout: float) -> Run | None:
    """Runs argv under /usr/bin/time with stdout to a file; None if it ran out
    of time. (os.wait4's ru_maxrss would count the forked Python's memory.)"""
    usage = stdout.with_suffix(".time")
    timed = ["/usr/bin/time", "-f", "%U %S %M", "-o", str(usage), *argv]
    with open(stdout, "wb") as out:
        start = time.perf_counter()
        child = subprocess.Popen(timed, stdout=out, stderr=subprocess.DEVNULL, start_new_session=True)
        try:
            code = child.wait(timeout)
        except subprocess.TimeoutExpired:
            os.killpg(child.pid, signal.SIGKILL)
            child.wait()
            return None
        wall = time.perf_counter() - start
    if code != 0:
        sys.exit(f"bench: {' '.join(argv)} exited with {code}")
    user, system, rss_kib = usage.read_text().split()[-3:]
    return Run(wall, float(user) + float(system), int(rss_kib) / 1024)


def measure(argv: list[str], out: Path, runs: int, timeout: float = 600) -> list[Run] | None:
    """One untimed warm-up run (page cache, lazily built tables), then `runs`."""
    if run_once(argv, out, timeout) is None:
        return None
    timed = [run_once(argv, out, timeout) for _ in range(runs)]
    return None if any(r is None for r in timed) else timed  # type: ignore[return-value]


def median(runs: list[Run], field: str) -> float:
    return statistics.median(getattr(r, field) for r in runs)


# ---------------------------------------------------------------------------
# Corpora


def polnear_articles() -> list[tuple[str, str]]:
    """(id, text) of every PolNeAR article, train then dev."""
    files = sorted(CORPORA.glob("*.jsonl"))
    if not files:
        sys.exit(f"bench: no PolNeAR JSONL under {CORPORA}")
    articles = []
    for path in files:
        with open(path, encoding="utf-8") as lines:
            for line in lines:
                if line.strip():
                    record = json.loads(line)
                    articles.append((str(record["id"]), record["text"]))
    return articles


def write_jsonl(path: Path, articles) -> tuple[int, int]:
    """Writes {"id", "text"} lines; returns (articles, bytes of text)."""
    count = text_bytes = 0
    with open(path, "w", encoding="utf-8") as out:
        for article_id, text in articles:
            out.write(json.dumps({"id": article_id, "text": text}, ensure_ascii=False))
            out.write("\n")
            count += 1
            text_bytes += len(text.encode("utf-8"))
    return count, text_bytes


def repeated(articles, min_bytes: int):
    """The articles over and over, round k's ids suffixed `#k`, until the
    texts add up to min_bytes."""
    total, round_no = 0, 0
    while total < min_bytes:
        for article_id, text in articles:
            yield (article_id if round_no == 0 else f"{article_id}#{round_no}", text)
            total += len(text.encode("utf-8"))
            if total >= min_bytes:
                return
        round_no += 1


def concatenated(articles, times: int, total_bytes: int):
    """Articles each made of `times` consecutive texts joined by a blank
    line, until they add up to total_bytes."""
    size, start, number = 0, 0, 0
    while size < total_bytes:
        texts = [articles[(start + i) % len(articles)][1] for i in range(times)]
        text = "\n\n".join(texts)
        number += 1
        yield (f"x{times}-{number}", text)
        size += len(text.encode("utf-8"))
        start += times


# ---------------------------------------------------------------------------
# Report


def machine() -> dict[str, str]:
    model = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = "unknown"
    try:
        kib = int(Path("/proc/meminfo").read_text().split()[1])
        memory = f"{kib / 1024 / 1024:.1f} GiB"
    except (OSError, ValueError, IndexError):
        pass
    rustc = subprocess.run(["rustc", "--version"], capture_output=True, text=True).stdout.strip()
    return {
        "cpu": model,
        "cores": str(os.cpu_count()),
        "memory": memory,
        "os": f"{platform.system()} {platform.release()}",
        "rustc": rustc,
        "python": platform.python_version(),
    }


def table(headers: list[str], rows: list[list[str]], markdown: bool) -> str:
    if markdown:
        lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
        lines += ["| " + " | ".join(row) + " |" for row in rows]
        return "\n".join(lines)
    widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(headers)]
    fmt = "  ".join(f"{{:<{w}}}" for w in widths)
    return "\n".join([fmt.format(*headers)] + [fmt.format(*row) for row in rows])


def rate(amount: float, seconds: float) -> str:
    """amount per second, or "-" under /usr/bin/time's 10 ms resolution."""
    return f"{amount / seconds:.1f}" if seconds > 0 else "-"


def verdict(ok: bool) -> str:
    return "met" if ok else "NOT met"


# ---------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="timed runs per configuration")
    parser.add_argument("--mb", type=float, default=40, help="MB of article text in the corpus")
    parser.add_argument("--no-build", action="store_true", help="use the binaries as they are")
    parser.add_argument("--no-growth", action="store_true", help="skip the growth benchmark")
    parser.add_argument("--markdown", action="store_true", help="print Markdown tables")
    args = parser.parse_args()

    target = Path(os.environ.get("CARGO_TARGET_DIR", REPO / "target"))
    scratch = REPO / "target" / "bench-corpus"
    scratch.mkdir(parents=True, exist_ok=True)
    binary = target / "release" / "whosaid"
    floor = target / "release" / "examples" / "io_floor"
    if not args.no_build:
        build = ["cargo", "build", "--release", "--bin", "whosaid", "--example", "io_floor"]
        subprocess.run(build, cwd=REPO, check=True)
    cores = os.cpu_count() or 1

    print("machine: " + ", ".join(f"{k} {v}" for k, v in machine().items()))
    articles = polnear_articles()
    corpus = scratch / "corpus.jsonl"
    n_articles, text_bytes = write_jsonl(corpus, repeated(articles, int(args.mb * MB)))
    small = scratch / "corpus-quarter.jsonl"
    write_jsonl(small, repeated(articles, int(args.mb * MB / 4)))
    file_mb = corpus.stat().st_size / MB
    text_mb = text_bytes / MB
    print(
        f"corpus: {corpus.relative_to(REPO)}: {n_articles} articles, "
        f"{text_mb:.1f} MB of text, {file_mb:.1f} MB of JSONL; {args.runs} runs each"
    )
    out = scratch / "rows.csv"

    results: dict = {"machine": machine(), "articles": n_articles, "text_mb": text_mb}
    rows = []
    configs = [("whosaid -j1", [str(binary), "-q", "-j1", str(corpus)], 1)]
    configs.append((f"whosaid -j{cores}", [str(binary), "-q", f"-j{cores}", str(corpus)], cores))
    configs.append(("io_floor", [str(floor), str(corpus)], 1))
    timings = {}
    for name, argv, threads in configs:
        runs = measure(argv, out, args.runs)
        assert runs is not None
        timings[name] = runs
        wall, cpu = median(runs, "wall"), median(runs, "cpu")
        rss = max(r.rss_mib for r in runs)
        results[name] = {
            "wall_s": [r.wall for r in runs],
            "cpu_s": [r.cpu for r in runs],
            "peak_rss_mib": rss,
        }
        rows.append([
            name,
            f"{wall:.2f}",
            f"{cpu:.2f}",
            f"{text_mb / wall:.1f}",
            f"{text_mb / wall / threads:.1f}",
            f"{n_articles / wall / threads:.0f}",
            rate(text_mb, cpu),
            f"{rss:.1f}",
        ])
    print()
    headers = ["run", "wall s", "cpu s", "MB/s", "MB/s/core", "articles/s/core", "MB/cpu-s", "peak RSS MiB"]
    print(table(headers, rows, args.markdown))

    one = median(timings["whosaid -j1"], "wall")
    all_cores = median(timings[f"whosaid -j{cores}"], "wall")
    floor_wall = median(timings["io_floor"], "wall")
    one_cpu = median(timings["whosaid -j1"], "cpu")
    quarter = measure([str(binary), "-q", f"-j{cores}", str(small)], out, 1)
    assert quarter is not None
    rss_full = max(r.rss_mib for runs in timings.values() for r in runs)
    rss_quarter = quarter[0].rss_mib
    scaling = one / all_cores
    summary = {
        "mb_per_cpu_second_j1": text_mb / one_cpu,
        "full_over_floor_j1": one / floor_wall,
        f"full_over_floor_j{cores}": all_cores / floor_wall,
        f"speedup_j{cores}_over_j1": scaling,
        "peak_rss_mib": rss_full,
        "peak_rss_mib_quarter_corpus": rss_quarter,
    }
    results["summary"] = summary
    print()
    targets = [
        ["MB of text per CPU-second, -j1", f"{text_mb / one_cpu:.1f}", ">= 50", verdict(text_mb / one_cpu >= 50)],
        ["full run / I/O floor, -j1", f"{one / floor_wall:.2f}", "<= 3", verdict(one / floor_wall <= 3)],
        [f"full run / I/O floor, -j{cores}", f"{all_cores / floor_wall:.2f}", "<= 3", verdict(all_cores / floor_wall <= 3)],
        [f"-j{cores} speedup over -j1", f"{scaling:.2f}", ">= 1.8", verdict(scaling >= 1.8)],
        [f"peak RSS MiB ({text_mb:.0f} MB corpus)", f"{rss_full:.1f}", "<= 200", verdict(rss_full <= 200)],
        [f"peak RSS MiB ({text_mb / 4:.0f} MB corpus, -j{cores})", f"{rss_quarter:.1f}", "<= 200", verdict(rss_quarter <= 200)],
    ]
    print(table(["target", "measured", "goal", ""], targets, args.markdown))

    if not args.no_growth:
        results["growth"] = growth(binary, articles, scratch, args.markdown)

    (scratch / "results.json").write_text(json.dumps(results, indent=2))
    print(f"\nfigures: {(scratch / 'results.json').relative_to(REPO)}")


def growth(binary: Path, articles, scratch: Path, markdown: bool) -> list[dict]:
    """Time against article length; every case runs at -j1, median of 3."""
    cases = []
    total = 4 * MB
    for times in (1, 2, 4, 8, 16, 64, 256):
        cases.append((f"{times}x concatenated texts", "concat", times, list(concatenated(articles, times, total))))
    for mib in (1, 2, 4):
        text = '"' * (mib * MB)
        cases.append((f'only " marks, {mib} MB', "quotes", mib, [("quotes", text)]))
    for mib in (1, 2, 4):
        unit = "\u201c\u201d''"
        text = unit * (mib * MB // len(unit.encode("utf-8")))
        cases.append((f"only \u201c\u201d'' marks, {mib} MB", "curly", mib, [("curly", text)]))
    for mib in (2.5, 5, 10):
        unit = "Said.\u201cNo,\u201dhe-said:Kirby."
        text = unit * int(mib * MB / len(unit.encode("utf-8")))
        cases.append((f"no whitespace, {mib} MB", "nospace", mib, [("nospace", text)]))

    rows, figures = [], []
    for name, family, size, records in cases:
        path = scratch / f"growth-{family}-{size}.jsonl"
        count, text_bytes = write_jsonl(path, records)
        runs = measure([str(binary), "-q", "-j1", str(path)], scratch / "growth.csv", 3, timeout=300)
        mb = text_bytes / MB
        if runs is None:
            rows.append([name, str(count), f"{mb:.1f}", "timeout (300 s)", "", "", "", ""])
            figures.append({"case": name, "articles": count, "text_mb": mb, "timeout": True})
            continue
        wall, cpu = median(runs, "wall"), median(runs, "cpu")
        rss = max(r.rss_mib for r in runs)
        rows.append([
            name,
            str(count),
            f"{mb:.1f}",
            f"{wall:.3f}",
            f"{mb / wall:.1f}",
            f"{wall / mb * 1000:.1f}",
            f"{cpu / mb * 1000:.1f}",
            f"{rss:.1f}",
        ])
        figures.append(
            {
                "case": name,
                "family": family,
                "articles": count,
                "text_mb": mb,
                "wall_s": wall,
                "cpu_s": cpu,
                "peak_rss_mib": rss,
            }
        )
    print()
    headers = ["growth case (-j1)", "articles", "MB", "wall s", "MB/s", "ms per MB", "cpu ms per MB", "peak RSS MiB"]
    print(table(headers, rows, markdown))
    # Linear time means a constant CPU cost per MB within each family.
    print()
    for family in dict.fromkeys(f["family"] for f in figures):
        cases = [f for f in figures if f["family"] == family and not f.get("timeout")]
        if len(cases) >= 2:
            first, last = cases[0], cases[-1]
            growth = (last["cpu_s"] / last["text_mb"]) / max(first["cpu_s"] / first["text_mb"], 1e-9)
            verdict_text = "linear" if growth <= 1.5 else "NOT linear"
            print(f"{family}: CPU per MB at {last['case']!r} is {growth:.2f}x that at {first['case']!r}: {verdict_text}")
    return figures


if __name__ == "__main__":
    main()
