#!/usr/bin/env bash
# Runs every fuzz target for SECONDS each (default 60), with the committed seeds and the JSON
# dictionary; new inputs go to fuzz/corpus/ and crashes to fuzz/artifacts/ (both ignored by
# git). Needs a nightly toolchain and cargo-fuzz:
#
#     rustup toolchain install nightly && cargo install cargo-fuzz
#     bash fuzz/run.sh          # 60 s per target
#     bash fuzz/run.sh 600      # 10 minutes per target
#     bash fuzz/run.sh 60 panel # one target
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
    targets=(rubric assessment panel request reader methods)
fi
failed=()
for target in "${targets[@]}"; do
    mkdir -p "fuzz/corpus/$target"
    echo "== $target: ${seconds} s"
    if ! cargo +nightly fuzz run "$target" "fuzz/corpus/$target" "fuzz/seeds/$target" -- \
        -max_total_time="$seconds" -dict=fuzz/json.dict -max_len=65536 -rss_limit_mb=2048 \
        -timeout=10 -print_final_stats=1 > "fuzz/$target.log" 2>&1; then
        failed+=("$target")
    fi
    grep -E "DONE|stat::(number_of_executed_units|average_exec_per_sec|new_units_added|slowest_unit_time_sec|peak_rss_mb)|panicked|ERROR|SUMMARY|Test unit written" "fuzz/$target.log" | tail -n 12
done
if [ ${#failed[@]} -gt 0 ]; then
    echo "crashed: ${failed[*]} (logs in fuzz/<target>.log, inputs in fuzz/artifacts/)"
    exit 1
fi
echo "no crash in ${targets[*]}"
