#!/usr/bin/env bash
# igf-rubric beside its Python peers, in one run on this machine: installs the peers in a
# virtual environment (target/peers-venv, or $PEERS_VENV), generates the data
# (target/peers/data), times the Rust cases with criterion and the peers with
# python_peers.py, measures the peak memory of a whole-process load-and-score run of each,
# checks that both computed the same answers, and prints the table. About 15 minutes.
#
#     bash benches/peers/compare.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
venv="${PEERS_VENV:-target/peers-venv}"
data=target/peers/data
if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install -q -r benches/peers/requirements.txt
fi
[ -f "$data/cohen.f64" ] || python3 benches/peers/generate.py "$data"

echo "== igf-rubric (cargo bench --bench peers)"
cargo bench --bench peers 2>&1 | grep -E "^(load|reliability)/|time:" || true
echo "== Python peers"
"$venv/bin/python" benches/peers/python_peers.py "$data" target/peers/python-results.json

echo "== peak memory: load and score 100,000 assessments, whole process"
cargo build -q --release --example score_jsonl
peak() { /usr/bin/time -f "%M" "$@" 2>&1 >/dev/null | tail -n 1; }
rust_kb=$(peak target/release/examples/score_jsonl "$data/assessments-100000.jsonl")
python_kb=$(peak "$venv/bin/python" benches/peers/python_peers.py --score "$data/assessments-100000.jsonl")
echo
python3 benches/peers/table.py "$PWD" "$rust_kb" "$python_kb"
