#!/usr/bin/env python3
"""Run whosaid over a corpus on a Spark cluster.

Every partition of the articles is piped through the `whosaid` binary on the
executor that holds it (shipped with `spark-submit --files .../whosaid`), as
JSON Lines on its standard input; the quote rows it writes on its standard
output become a DataFrame, written as CSV (with a header) or Parquet. The rows
are the ones a single-machine run gives on the same articles; only their
order across partitions differs. See README.md beside this file.

    spark-submit --files target/release/whosaid examples/spark/whosaid_spark.py \\
        articles/ quotes/ --output-format csv

Input: a directory (or glob) of JSONL files, plain or compressed as Spark
reads them (.gz, .bz2), one article a line with `id` and `text`; or a Parquet
table with those columns (`--input-format parquet`; other names with
`--id-column` and `--text-column`). Every article needs an id: whosaid names
an article without one `stdin:LINE`, and that line is counted within the
partition, so it means nothing across a cluster.
"""

from __future__ import annotations

import argparse
import csv
import io
import os
import shutil
import stat
import subprocess
import tempfile
import threading
from typing import Iterable, Iterator

from pyspark import SparkFiles
from pyspark.sql import DataFrame, SparkSession
from pyspark.sql import functions as F
from pyspark.sql import types as T

#: The quote CSV's columns (../../../shared/docs/csv-format.md), typed.
SCHEMA = T.StructType(
    [
        T.StructField("article_id", T.StringType(), False),
        T.StructField("quote_id", T.IntegerType(), False),
        T.StructField("kind", T.StringType(), False),
        T.StructField("quote", T.StringType(), False),
        T.StructField("quote_start", T.LongType(), False),
        T.StructField("quote_end", T.LongType(), False),
        T.StructField("quote_spans", T.StringType(), False),
        T.StructField("speaker", T.StringType(), False),
        T.StructField("speaker_mention", T.StringType(), False),
        T.StructField("speaker_start", T.LongType(), True),
        T.StructField("speaker_end", T.LongType(), True),
        T.StructField("speaker_type", T.StringType(), False),
        T.StructField("cue", T.StringType(), False),
        T.StructField("cue_start", T.LongType(), True),
        T.StructField("cue_end", T.LongType(), True),
        T.StructField("sieve", T.StringType(), False),
        T.StructField("confidence", T.DoubleType(), False),
    ]
)


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("input", help="a directory or glob of JSONL files, or a Parquet table")
    parser.add_argument("output", help="the output directory (one part file per partition)")
    parser.add_argument("--input-format", choices=["jsonl", "parquet"], default="jsonl")
    parser.add_argument("--output-format", choices=["csv", "parquet"], default="csv")
    parser.add_argument("--id-column", default="id")
    parser.add_argument("--text-column", default="text")
    parser.add_argument(
        "--binary",
        default="whosaid",
        help="the binary's file name as shipped with --files (default: whosaid), "
        "or an absolute path present on every executor",
    )
    parser.add_argument(
        "--threads", type=int, default=1, help="whosaid threads per task (default 1: Spark runs one task per core)"
    )
    parser.add_argument("--offsets", choices=["chars", "bytes"], default="chars")
    parser.add_argument(
        "--skip-bad",
        action="store_true",
        help="pass over articles whosaid cannot read (no text, say), reporting them on the executors' stderr, "
        "instead of failing the task",
    )
    parser.add_argument("--partitions", type=int, help="repartition the articles into N partitions first")
    parser.add_argument("--single-file", action="store_true", help="write one output file (coalesce(1))")
    parser.add_argument("--mode", default="errorifexists", help="Spark save mode: errorifexists, overwrite, …")
    return parser.parse_args(argv)


def read_articles(spark: SparkSession, args: argparse.Namespace) -> DataFrame:
    """The articles as one JSON line each, `{"id": …, "text": …}`."""
    if args.input_format == "parquet":
        table = spark.read.parquet(args.input)
    else:
        # A fixed schema: no pass over the data to infer one, and other
        # fields (gold annotations, metadata) are never parsed.
        schema = T.StructType(
            [
                T.StructField(args.id_column, T.StringType()),
                T.StructField(args.text_column, T.StringType()),
            ]
        )
        table = spark.read.schema(schema).json(args.input)
    article = F.struct(
        F.col(args.id_column).cast("string").alias("id"),
        F.col(args.text_column).cast("string").alias("text"),
    )
    return table.select(F.to_json(article).alias("line"))


def executable(name: str) -> str:
    """The shipped binary's path on this executor, made executable (a copy in
    a temporary directory when the shipped file cannot be chmod-ed)."""
    path = name if os.path.isabs(name) else SparkFiles.get(name)
    if os.access(path, os.X_OK):
        return path
    try:
        os.chmod(path, os.stat(path).st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
        return path
    except OSError:
        copy = os.path.join(tempfile.mkdtemp(prefix="whosaid-"), os.path.basename(path))
        shutil.copy(path, copy)
        os.chmod(copy, 0o755)
        return copy


def whosaid_rows(lines: Iterable[str], command: list[str]) -> Iterator[tuple]:
    """Pipes JSON lines through whosaid and yields its CSV rows, typed as
    SCHEMA. The input is fed from a thread so that a full output pipe never
    blocks the writer; a failing run fails the task with whosaid's message."""
    process = subprocess.Popen(
        command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    errors: list[BaseException] = []

    def feed() -> None:
        try:
            assert process.stdin is not None
            for line in lines:
                process.stdin.write(line.encode("utf-8"))
                process.stdin.write(b"\n")
            process.stdin.close()
        except BaseException as error:  # BrokenPipe: whosaid stopped, reported below
            errors.append(error)

    feeder = threading.Thread(target=feed, daemon=True)
    feeder.start()
    assert process.stdout is not None
    # The csv module reads records, not lines: a cell may hold a line break.
    for record in csv.reader(io.TextIOWrapper(process.stdout, encoding="utf-8", newline="")):
        yield typed(record)
    feeder.join()
    stderr = process.stderr.read().decode("utf-8", "replace") if process.stderr else ""
    code = process.wait()
    if code != 0 or errors:
        raise RuntimeError(f"{' '.join(command)} exited with {code}: {stderr.strip() or errors}")


def typed(record: list[str]) -> tuple:
    if len(record) != len(SCHEMA.fields):
        raise ValueError(f"whosaid wrote a row of {len(record)} cells, not {len(SCHEMA.fields)}: {record}")
    cells = []
    for cell, field in zip(record, SCHEMA.fields):
        if isinstance(field.dataType, (T.IntegerType, T.LongType)):
            cells.append(int(cell) if cell else None)
        elif isinstance(field.dataType, T.DoubleType):
            cells.append(float(cell))
        else:
            cells.append(cell)
    return tuple(cells)


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    spark = SparkSession.builder.appName("whosaid").getOrCreate()
    articles = read_articles(spark, args)
    if args.partitions:
        articles = articles.repartition(args.partitions)

    options = ["-q", "--no-header", "-j", str(args.threads), "--offsets", args.offsets]
    if args.skip_bad:
        options.append("--skip-bad")
    if args.output_format == "parquet":
        # Formula-looking cells get a ' in front only for spreadsheets.
        options.append("--raw-cells")
    binary = args.binary

    def partition(rows: Iterable) -> Iterator[tuple]:
        command = [executable(binary), *options, "-"]
        return whosaid_rows((row.line for row in rows), command)

    quotes = spark.createDataFrame(articles.rdd.mapPartitions(partition), SCHEMA)
    if args.single_file:
        quotes = quotes.coalesce(1)
    writer = quotes.write.mode(args.mode)
    if args.output_format == "parquet":
        writer.parquet(args.output)
    else:
        # RFC 4180 as whosaid writes it: quotes doubled (Spark's default
        # escape is a backslash), cells kept as they are.
        (
            writer.option("header", True)
            .option("escape", '"')
            .option("emptyValue", "")
            .option("ignoreLeadingWhiteSpace", False)
            .option("ignoreTrailingWhiteSpace", False)
            .csv(args.output)
        )
    spark.stop()


if __name__ == "__main__":
    main()
