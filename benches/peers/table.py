"""Prints the table of benches/peers/compare.sh: for each case, the Rust median (from
criterion's estimates), the Python peer's median, the ratio, and how each grows when the size
doubles; checks first that both computed the same answers (exit 1 when they do not).

    python3 benches/peers/table.py ROOT PEAK_RUST_KB PEAK_PYTHON_KB [EARLIER_ROOT]
Standard library only.
"""

import json
import sys
from decimal import Decimal
from pathlib import Path

GOALS = {
    "load/score/100000": ">= 5x and >= 150 MB/s",
    "load/total/100000": ">= 10x and >= 300 MB/s",
    "reliability/krippendorff-ordinal-7/100000x50": "<= 60 ms",
    "reliability/krippendorff-nominal-7/100000x50": "<= 60 ms",
    "reliability/krippendorff-interval-7/100000x50": "<= 15 ms",
    "reliability/krippendorff-ordinal-7-raters-by-units/100000x50": ">= 2.5x",
    "reliability/krippendorff-nominal-7-raters-by-units/100000x50": ">= 2.5x",
    "reliability/krippendorff-interval-7-raters-by-units/100000x50": ">= 2.5x",
    "reliability/krippendorff-ordinal-21/100000x50": "<= 60 ms",
    "reliability/krippendorff-nominal-21/100000x50": "<= 60 ms",
    "reliability/krippendorff-interval-21/100000x50": "<= 15 ms",
    "reliability/icc-six-forms/1000x10": "ratio >= 30",
    "reliability/icc-six-forms/10000x10": "ratio >= 30",
    "reliability/fleiss-kappa/100000x5": "ratio >= 10",
    "reliability/cohen-kappa/1000000": "ratio >= 10",
    "decision/topsis-vector/100000x20": ">= 20x",
    "decision/topsis-minmax/100000x20": ">= 20x",
}
# Cases printed under a peer's case: the same peer, another way in on the Rust side.
VARIANTS = {
    "-handed-over": "the ratings handed over (unit by unit) instead of copied",
    "-raters-by-units": "from a raters-by-units array, as the peer takes it",
    "-rater-rows": "from one list of optional ratings per rater",
}
DOUBLES = {
    "load/score/100000": "load/score/50000",
    "load/total/100000": "load/total/50000",
    "reliability/icc-six-forms/10000x10": "reliability/icc-six-forms/1000x10",
}


def criterion_medians(root):
    medians = {}
    for bench in (root / "target" / "criterion").glob("**/new/benchmark.json"):
        info = json.loads(bench.read_text())
        estimates = json.loads((bench.parent / "estimates.json").read_text())
        medians[info["full_id"]] = estimates["median"]["point_estimate"] / 1e6
    return medians


def agree(case, rust, python, peer=None):
    if case.startswith("load/"):
        # Both are checked against the exact totals (fractions, rounded once); the peer's
        # decimals may round a total on a boundary otherwise, which the table reports.
        exact = peer["exact"]
        keys = ("count", "without_total", "first")
        same = all(rust[k] == exact[k] for k in keys) and Decimal(rust["sum"]) == Decimal(exact["sum"])
        return same, (
            f"{rust['count']} totals equal the exact ones; the peer's decimals round "
            f"{peer['peer_off_by_rounding']} otherwise"
        )
    if case.startswith("decision/"):
        worst = max(abs(a - b) for a, b in zip(rust["first"], python["first"]))
        off = abs(rust["sum"] - python["sum"]) / max(abs(python["sum"]), 1.0)
        return worst < 1e-9 and off < 1e-9, f"first five |diff| {worst:.1e}, sums {off:.1e} apart"
    if isinstance(rust, list):
        worst = max(abs(a - b) for a, b in zip(sorted(rust), sorted(python)))
        return len(rust) == len(python) and worst < 1e-9, f"worst |diff| {worst:.1e}"
    return abs(rust - python) < 1e-9, f"|diff| {abs(rust - python):.1e}"


def main():
    root = Path(sys.argv[1])
    peak_rust, peak_python = int(sys.argv[2]), int(sys.argv[3])
    medians = criterion_medians(root)
    # Back to back: the same Rust cases from an earlier revision, run just before (see
    # compare.sh --against).
    previous_root = Path(sys.argv[4]) if len(sys.argv) > 4 else None
    previous = criterion_medians(previous_root) if previous_root else {}
    rust = json.loads((root / "target" / "peers" / "rust-results.json").read_text())
    python = json.loads((root / "target" / "peers" / "python-results.json").read_text())
    sizes = {
        f"load/{kind}/{n}": (root / "target" / "peers" / "data" / f"assessments-{n}.jsonl").stat().st_size
        for kind in ("score", "total")
        for n in (50_000, 100_000)
    }
    ok = True
    print(f"Python {python['python']}; " + ", ".join(f"{k} {v}" for k, v in python["packages"].items()))
    print()
    print("| case | answers agree | igf-rubric | peer | ratio | doubling the size | goal |")
    print("|---|---|---|---|---|---|---|")
    for case, peer in python["cases"].items():
        peer_case = case
        ours = medians.get(case)
        if ours is None or case not in rust:
            print(f"| {case} | not run | | {peer['median_ms']:.1f} ms | | | |")
            ok = False
            continue
        same, how = agree(case, rust[case], peer["result"], peer)
        ok &= same
        rate = f" ({sizes[case] / ours / 1e3:.0f} MB/s)" if case in sizes else ""
        grow = ""
        if case in DOUBLES and DOUBLES[case] in medians:
            small = DOUBLES[case]
            grow = f"x{ours / medians[small]:.2f} (peer x{peer['median_ms'] / python['cases'][small]['median_ms']:.2f})"
        print(
            f"| {peer_case} | {'yes' if same else 'NO'}: {how} | {ours:.2f} ms{rate} | "
            f"{peer['median_ms']:.1f} ms | {peer['median_ms'] / ours:.1f}x | {grow} | {GOALS.get(case, '')} |"
        )
        # The total-only case has the same peer as the full scorecard.
        if case.startswith("load/score/"):
            total = case.replace("score", "total")
            if total in medians:
                same, how = agree(total, rust[total], peer["result"], peer)
                ok &= same
                t = medians[total]
                grow = ""
                if total in DOUBLES and DOUBLES[total] in medians:
                    grow = f"x{t / medians[DOUBLES[total]]:.2f}"
                print(
                    f"| {total} | {'yes' if same else 'NO'}: {how} | {t:.2f} ms ({sizes[total] / t / 1e3:.0f} MB/s) | "
                    f"{peer['median_ms']:.1f} ms | {peer['median_ms'] / t:.1f}x | {grow} | {GOALS.get(total, '')} |"
                )
        # The same coefficient from the other layouts a caller may hold.
        if case.startswith("reliability/krippendorff-"):
            for suffix, how in VARIANTS.items():
                other = case.replace("/100000x50", f"{suffix}/100000x50")
                if other in medians:
                    a = medians[other]
                    print(
                        f"| {other} | (as above: {how}) | {a:.2f} ms | {peer['median_ms']:.1f} ms | "
                        f"{peer['median_ms'] / a:.1f}x | | {GOALS.get(other, '')} |"
                    )
    if previous:
        print()
        print(f"Back to back with {previous_root.name} (same machine, same data, just before):")
        print()
        print("| case | earlier | now | change |")
        print("|---|---|---|---|")
        for case in sorted(set(previous) & set(medians)):
            if case.split("/")[0] in ("load", "reliability", "decision"):
                was, now = previous[case], medians[case]
                print(f"| {case} | {was:.2f} ms | {now:.2f} ms | {100 * (now - was) / was:+.1f} % |")
    print()
    print(
        f"Peak memory, whole process, load and score 100,000 assessments: igf-rubric "
        f"{peak_rust / 1024:.0f} MiB, Python {peak_python / 1024:.0f} MiB."
    )
    if not ok:
        print("The answers differ, or a case did not run: the timings above compare nothing.")
        sys.exit(1)


if __name__ == "__main__":
    main()
