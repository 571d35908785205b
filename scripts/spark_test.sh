#!/usr/bin/env bash
# Opt-in: runs examples/spark/test_whosaid_spark.py, whosaid on Spark in local
# mode against a single-machine run. Builds the release binary and installs
# PySpark (large: about 400 MB) into target/spark-venv on first use. Needs
# Java 17 or later on PATH.
set -euo pipefail
cd "$(dirname "$0")/.."

target="${CARGO_TARGET_DIR:-target}"
cargo build --release --bin whosaid
export WHOSAID_BIN="$(realpath "${WHOSAID_BIN:-$target/release/whosaid}")"

venv=target/spark-venv
if [ ! -x "$venv/bin/spark-submit" ]; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet "pyspark>=3.5,<5"
fi
export SPARK_LOCAL_IP="${SPARK_LOCAL_IP:-127.0.0.1}"
export SPARK_SUBMIT="$venv/bin/spark-submit"
# The executors' Python is the venv's too.
export PYSPARK_PYTHON="$PWD/$venv/bin/python"
"$venv/bin/python" examples/spark/test_whosaid_spark.py "$@"
