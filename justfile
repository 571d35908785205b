# whosaid's everyday commands (https://github.com/casey/just).

# The quote CSV of the embedded sample, or of the given inputs.
run *ARGS:
    cargo run --release -- {{ARGS}}

# The README's test command.
test:
    cargo test --workspace

# Accuracy on PolNeAR dev (../shared beside the repository).
eval *ARGS:
    cargo run --release -- eval --gold ../shared/corpora/polnear/polnear-dev.jsonl {{ARGS}}

# What CI checks before the tests.
lint:
    cargo fmt --all -- --check
    cargo clippy --workspace --all-targets -- -D warnings

fmt:
    cargo fmt --all

# Throughput, scaling, peak memory and growth of the release binary against
# the targets of docs/performance.md (scripts/bench.py --help for options).
bench *ARGS:
    python3 scripts/bench.py {{ARGS}}

# Opt-in: whosaid on Spark in local mode must give the rows of a single
# machine run (installs PySpark into target/spark-venv on first use).
spark-test *ARGS:
    scripts/spark_test.sh {{ARGS}}

# Fuzz one target (segment or pipeline) for SECONDS; crashes land in
# fuzz/artifacts/TARGET. libFuzzer needs nightly flags, hence RUSTC_BOOTSTRAP.
fuzz TARGET="pipeline" SECONDS="300":
    mkdir -p fuzz/corpus/{{TARGET}}
    RUSTC_BOOTSTRAP=1 cargo fuzz run {{TARGET}} fuzz/corpus/{{TARGET}} data/sample -- -max_total_time={{SECONDS}} -dict=fuzz/whosaid.dict -max_len=16384 -len_control=0
