#!/usr/bin/env python3
"""Opt-in test: whosaid on Spark (local mode) gives the rows of a
single-machine run, ignoring order. Run it with `just spark-test`
(scripts/spark_test.sh), which builds the binary and installs PySpark into
target/spark-venv.

The corpus: the PolNeAR texts of ../shared/corpora/polnear (ids and texts
only) when they are there, else the embedded sample stories; split over a few
JSONL files, plus invented articles whose ids and quotes are hard on CSV (a
comma and quotation marks in the id, a quote that starts with `=`).

Environment: WHOSAID_BIN (the release binary, default
target/release/whosaid), SPARK_SUBMIT (default: spark-submit beside this
Python).
"""

from __future__ import annotations

import collections
import csv
import glob
import json
import os
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
POLNEAR = REPO.parent / "shared" / "corpora" / "polnear"
JOB = HERE / "whosaid_spark.py"
BINARY = Path(os.environ.get("WHOSAID_BIN", REPO / "target" / "release" / "whosaid"))
SPARK_SUBMIT = os.environ.get("SPARK_SUBMIT", str(Path(sys.executable).with_name("spark-submit")))
FILES = 4
# Local mode talks to itself only: keep Spark on the loopback interface.
os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")

sys.path.insert(0, str(HERE))
from whosaid_spark import typed  # noqa: E402  (the job's own row typing)


def articles() -> list[dict]:
    found = []
    for path in sorted(POLNEAR.glob("*.jsonl")):
        with open(path, encoding="utf-8") as lines:
            found += [{"id": r["id"], "text": r["text"]} for r in map(json.loads, lines)]
    if not found:
        print(f"spark test: {POLNEAR} not found; using the embedded sample", file=sys.stderr)
        for path in sorted((REPO / "data" / "sample").glob("*.txt")):
            found.append({"id": path.stem, "text": path.read_text(encoding="utf-8")})
    story = found[0]["text"]
    found.append({"id": 'tricky, "quoted" id', "text": story})
    found.append({"id": "formula", "text": '"=1+1 is two," the teacher said. ' + story})
    return found


def rows_of(paths: list[str], header: bool) -> collections.Counter:
    """The typed rows of CSV files, as a multiset."""
    rows: collections.Counter = collections.Counter()
    for path in paths:
        with open(path, encoding="utf-8", newline="") as file:
            records = csv.reader(file)
            if header:
                next(records, None)
            rows.update(typed(record) for record in records)
    return rows


class SparkMatchesOneMachine(unittest.TestCase):
    @classmethod
    def setUpClass(cls) -> None:
        if not BINARY.exists():
            raise unittest.SkipTest(f"{BINARY} not built: cargo build --release")
        cls.scratch = tempfile.TemporaryDirectory(prefix="whosaid-spark-")
        cls.dir = Path(cls.scratch.name)
        cls.corpus = cls.dir / "articles"
        cls.corpus.mkdir()
        cls.articles = articles()
        for n in range(FILES):
            with open(cls.corpus / f"part-{n}.jsonl", "w", encoding="utf-8") as out:
                for article in cls.articles[n::FILES]:
                    out.write(json.dumps(article, ensure_ascii=False) + "\n")

    @classmethod
    def tearDownClass(cls) -> None:
        cls.scratch.cleanup()

    def one_machine(self, *options: str) -> Path:
        out = self.dir / f"one-machine{'-'.join(options)}.csv"
        with open(out, "wb") as file:
            subprocess.run([str(BINARY), "-q", *options, str(self.corpus)], stdout=file, check=True)
        return out

    def spark(self, input_path: Path, output: Path, *options: str) -> None:
        command = [
            SPARK_SUBMIT,
            "--master",
            "local[2]",
            "--conf",
            "spark.log.level=WARN",
            "--conf",
            "spark.ui.showConsoleProgress=false",
            "--files",
            str(BINARY),
            str(JOB),
            str(input_path),
            str(output),
            *options,
        ]
        run = subprocess.run(command, capture_output=True, text=True)
        self.assertEqual(run.returncode, 0, f"{' '.join(command)} failed:\n{run.stderr[-5000:]}")

    def test_jsonl_to_csv(self) -> None:
        expected = rows_of([str(self.one_machine())], header=True)
        self.assertGreater(sum(expected.values()), 0)
        output = self.dir / "spark-csv"
        self.spark(self.corpus, output, "--partitions", "3")
        parts = sorted(glob.glob(str(output / "part-*.csv")))
        self.assertTrue(parts, "Spark wrote no CSV part")
        got = rows_of(parts, header=True)
        self.assertEqual(got, expected)
        self.assertIn('tricky, "quoted" id', {row[0] for row in got})

    def test_parquet_to_parquet(self) -> None:
        from pyspark.sql import SparkSession

        expected = rows_of([str(self.one_machine("--raw-cells"))], header=True)
        table = self.dir / "articles.parquet"
        output = self.dir / "spark-parquet"
        spark = SparkSession.builder.master("local[2]").getOrCreate()
        spark.sparkContext.setLogLevel("WARN")
        try:
            spark.read.json(str(self.corpus)).select("id", "text").write.parquet(str(table))
            self.spark(table, output, "--input-format", "parquet", "--output-format", "parquet")
            got = collections.Counter(tuple(row) for row in spark.read.parquet(str(output)).collect())
        finally:
            spark.stop()
        self.assertEqual(got, expected)

    def test_pure_filter(self) -> None:
        """JSONL on stdin, rows on stdout with --no-header: the same rows as
        the file run, each carrying its article's id, nothing else on stdout
        (the progress bar and summary go to stderr)."""
        stdin = b"".join(path.read_bytes() for path in sorted(self.corpus.glob("*.jsonl")))
        run = subprocess.run(
            [str(BINARY), "--no-header", "-"], input=stdin, capture_output=True, check=True
        )
        filtered = self.dir / "filtered.csv"
        filtered.write_bytes(run.stdout)
        got = rows_of([str(filtered)], header=False)
        self.assertEqual(got, rows_of([str(self.one_machine())], header=True))
        ids = {str(article["id"]) for article in self.articles}
        self.assertTrue(all(row[0] in ids for row in got), "a row without its article's id")


if __name__ == "__main__":
    unittest.main(verbosity=2)
