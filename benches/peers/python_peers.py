"""The Python peers of benches/peers/compare.sh, on the data generate.py writes.

    python python_peers.py DATA_DIR OUT.json     # times every case, writes results and medians
    python python_peers.py --score FILE.jsonl    # one load-and-score run (for peak memory)

Load and score: json.loads with decimal.Decimal numbers, and the bpf-proposal rubric's total
(weighted normalised answers, siblings renormalised over "unable to assess", 0..100, two places
half-even), written for this rubric's metrics. The statistics: krippendorff.alpha,
pingouin.intraclass_corr, statsmodels' fleiss_kappa, scikit-learn's cohen_kappa_score. The
decision methods: pymcdm's TOPSIS (vector and min-max) and VIKOR, validation off.
"""

import json
import statistics
import sys
import time
from decimal import ROUND_HALF_EVEN, Decimal
from fractions import Fraction
from importlib.metadata import version
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
RUBRIC = json.loads((ROOT / "presets" / "bpf-proposal.json").read_text(), parse_float=Decimal)


def normalised(metric, value, number=Decimal):
    """An answer's normalised score in [0, 1], or None when unable to assess; `number` is
    Decimal (the peer) or Fraction (the exact answer both are checked against)."""
    if value == "unable_to_assess":
        return None
    kind = metric["type"]
    if kind == "scale":
        lo, hi = number(str(metric["min"])), number(str(metric["max"]))
        return (number(str(value["scale"])) - lo) / (hi - lo)
    if kind == "levels":
        levels = {l["id"]: number(str(l["value"])) for l in metric["levels"]}
        lo, hi = levels[metric["levels"][0]["id"]], levels[metric["levels"][-1]["id"]]
        return (levels[value["level"]] - lo) / (hi - lo)
    if kind == "count":
        return min(number(value["count"]) / number(metric["target"]), number(1))
    if kind == "distribution":
        present = sum(1 for n in value["distribution"].values() if n > 0)
        return min(number(present) / number(str(metric["target"])), number(1))
    raise ValueError(kind)


def group_score(criteria, answers, number=Decimal):
    """The weighted mean of the answered criteria, or None when none is answered."""
    total, weights = number(0), number(0)
    for c in criteria:
        w = number(str(c.get("weight", "0")))
        if w == 0:
            continue
        n = (
            group_score(c["criteria"], answers, number)
            if "criteria" in c
            else normalised(c["metric"], answers[c["id"]], number)
        )
        if n is not None:
            total += w * n
            weights += w
    return total / weights if weights else None


def score(line):
    sheet = json.loads(line, parse_float=Decimal)
    answers = {a["criterion"]: a["value"] for a in sheet["answers"]}
    n = group_score(RUBRIC["criteria"], answers)
    if n is None:
        return None
    return (Decimal(100) * n).quantize(Decimal("0.01"), rounding=ROUND_HALF_EVEN)


def exact_score(line):
    """The total from exact fractions, rounded half-even to two places: what both should print."""
    sheet = json.loads(line)
    answers = {a["criterion"]: a["value"] for a in sheet["answers"]}
    n = group_score(RUBRIC["criteria"], answers, Fraction)
    if n is None:
        return None
    hundredths = n * 10_000
    whole = hundredths.numerator // hundredths.denominator
    rest = hundredths - whole
    if rest > Fraction(1, 2) or (rest == Fraction(1, 2) and whole % 2 == 1):
        whole += 1
    return Decimal(whole).scaleb(-2)


def score_file(path):
    with open(path, encoding="utf-8") as f:
        return [score(line) for line in f]


def median_ms(f, runs):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        result = f()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), result


def main():
    import numpy as np

    if sys.argv[1] == "--score":
        totals = score_file(sys.argv[2])
        print(f"{len(totals)} scored, {sum(t is None for t in totals)} without a total")
        return
    data, out = Path(sys.argv[1]), Path(sys.argv[2])
    cases = {}

    def case(name, size, runs, f, result=lambda r: r):
        ms, value = median_ms(f, runs)
        cases[f"{name}/{size}"] = {"median_ms": ms, "runs": runs, "result": result(value)}
        print(f"  python {name}/{size}: {ms:.2f} ms", file=sys.stderr)

    def totals_digest(totals):
        return {
            "count": len(totals),
            "without_total": sum(t is None for t in totals),
            "sum": str(sum(t for t in totals if t is not None)),
            "first": [None if t is None else str(t) for t in totals[:5]],
        }

    for n in (50_000, 100_000):
        path = data / f"assessments-{n}.jsonl"
        case("load/score", n, 3, lambda: score_file(path), totals_digest)
        # Not timed: the exact totals, and where the peer's 28-digit decimals round otherwise.
        with open(path, encoding="utf-8") as f:
            exact = [exact_score(line) for line in f]
        peer = score_file(path)
        cases[f"load/score/{n}"]["exact"] = totals_digest(exact)
        cases[f"load/score/{n}"]["peer_off_by_rounding"] = sum(a != b for a, b in zip(exact, peer))

    import krippendorff

    for v in (7, 21):
        flat = np.fromfile(data / f"ratings-{v}.f64", dtype="<f8").reshape(100_000, 50)
        raters_by_units = np.ascontiguousarray(flat.T)
        for level in ("nominal", "ordinal", "interval"):
            case(
                f"reliability/krippendorff-{level}-{v}",
                "100000x50",
                3,
                lambda: krippendorff.alpha(
                    reliability_data=raters_by_units,
                    level_of_measurement=level,
                    value_domain=list(range(1, v + 1)),
                ),
                float,
            )

    import pandas as pd
    import pingouin as pg

    for m in (1_000, 10_000):
        wide = np.fromfile(data / f"icc-{m}.f64", dtype="<f8").reshape(m, 10)
        long = pd.DataFrame(
            {
                "subject": np.repeat(np.arange(m), 10),
                "rater": np.tile(np.arange(10), m),
                "rating": wide.reshape(-1),
            }
        )
        case(
            "reliability/icc-six-forms",
            f"{m}x10",
            7,
            lambda: pg.intraclass_corr(data=long, targets="subject", raters="rater", ratings="rating"),
            lambda table: [float(x) for x in table["ICC"]],
        )

    from statsmodels.stats.inter_rater import fleiss_kappa

    counts = np.fromfile(data / "fleiss.u64", dtype="<u8").reshape(100_000, 5).astype(np.int64)
    case("reliability/fleiss-kappa", "100000x5", 7, lambda: fleiss_kappa(counts), float)

    from sklearn.metrics import cohen_kappa_score

    pairs = np.fromfile(data / "cohen.f64", dtype="<f8").reshape(-1, 2)
    a, b = pairs[:, 0].astype(np.int64), pairs[:, 1].astype(np.int64)
    case("reliability/cohen-kappa", "1000000", 7, lambda: cohen_kappa_score(a, b), float)

    from pymcdm import methods, normalizations

    # The matrix peers.rs builds, as pymcdm takes it (validation off, as benches/decision.rs
    # sets it beside): scores only.
    m, n = 100_000, 20
    i = np.arange(m).reshape(m, 1)
    j = np.arange(n).reshape(1, n)
    matrix = 1 + ((i * 7919 + j * 104729) % 1000) / 100
    types = np.where(np.arange(n) < 5, -1, 1)
    weights = (np.arange(n) + 1) / (n * (n + 1) / 2)
    for name, method in [
        ("topsis-vector", methods.TOPSIS(normalizations.vector_normalization)),
        ("topsis-minmax", methods.TOPSIS(normalizations.minmax_normalization)),
        ("vikor", methods.VIKOR(v=0.5)),
    ]:
        case(
            f"decision/{name}",
            "100000x20",
            7,
            lambda: method(matrix, weights, types, validation=False),
            lambda scores: {"first": [float(x) for x in scores[:5]], "sum": float(scores.sum())},
        )

    out.write_text(
        json.dumps(
            {
                "python": sys.version.split()[0],
                "packages": {p: version(p) for p in ["numpy", "pandas", "krippendorff", "pingouin", "statsmodels", "scikit-learn", "pymcdm"]},
                "cases": cases,
            },
            indent=1,
        )
    )


if __name__ == "__main__":
    main()
