#!/usr/bin/env bash
# igf-rubric beside its Python peers, in one run on this machine: installs the peers in a
# virtual environment (target/peers-venv, or $PEERS_VENV), generates the data
# (target/peers/data), times the Rust cases with criterion and the peers with
# python_peers.py, measures the peak memory of a whole-process load-and-score run of each,
# checks that both computed the same answers, and prints the table with the load average
# before and after. About 20 minutes.
#
#     bash benches/peers/compare.sh                 # this revision and the peers
#     bash benches/peers/compare.sh --against REV   # and, back to back, the Rust cases of an
#                                                   # earlier revision (a git worktree in
#                                                   # target/peers/earlier; about 10 minutes more)
set -euo pipefail
cd "$(dirname "$0")/../.."
against=""
if [ "${1:-}" = "--against" ]; then
    against="${2:?--against needs a revision}"
fi
venv="${PEERS_VENV:-target/peers-venv}"
data=target/peers/data
if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv"
fi
"$venv/bin/pip" install -q -r benches/peers/requirements.txt
[ -f "$data/cohen.f64" ] || python3 benches/peers/generate.py "$data"
echo "== load average before: $(cut -d' ' -f1-3 /proc/loadavg)"

earlier=""
if [ -n "$against" ]; then
    earlier="$PWD/target/peers/earlier"
    git worktree remove --force "$earlier" 2>/dev/null || rm -rf "$earlier"
    git worktree add --detach "$earlier" "$against" >/dev/null
    echo "== igf-rubric at $(git -C "$earlier" log -1 --format='%h %s' | cut -c1-72)"
    (cd "$earlier" && IGF_PEERS_DATA="$PWD/../data" cargo bench --bench peers 2>&1 \
        | grep -E "^(load|reliability|decision)/|time:" || true)
fi

echo "== igf-rubric (cargo bench --bench peers)"
cargo bench --bench peers 2>&1 | grep -E "^(load|reliability|decision)/|time:" || true
echo "== Python peers"
"$venv/bin/python" benches/peers/python_peers.py "$data" target/peers/python-results.json

echo "== peak memory: load and score 100,000 assessments, whole process"
cargo build -q --release --example score_jsonl
peak() { /usr/bin/time -f "%M" "$@" 2>&1 >/dev/null | tail -n 1; }
rust_kb=$(peak target/release/examples/score_jsonl "$data/assessments-100000.jsonl")
python_kb=$(peak "$venv/bin/python" benches/peers/python_peers.py --score "$data/assessments-100000.jsonl")
echo "== load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
python3 benches/peers/table.py "$PWD" "$rust_kb" "$python_kb" ${earlier:+"$earlier"}
