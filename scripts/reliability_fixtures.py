"""Generate tests/fixtures/reliability.json: reliability statistics and panel aggregates computed
by established Python packages on seeded random data, for igf-rubric's Rust tests to compare
against.

Run from the repository root, in a virtual environment outside the repository:

    python3 -m venv /tmp/igf-venv
    /tmp/igf-venv/bin/pip install krippendorff pingouin statsmodels
    /tmp/igf-venv/bin/python scripts/reliability_fixtures.py

The output records the package versions used. The Rust tests need no Python.
"""

import json
import platform
from importlib.metadata import version

import krippendorff
import numpy as np
import pandas as pd
import pingouin as pg
from pingouin.config import _no_rounding
from statsmodels.stats.inter_rater import cohens_kappa, fleiss_kappa

rng = np.random.default_rng(20261128)


def alpha_cases():
    cases = []
    # Krippendorff (2011), "Computing Krippendorff's alpha-reliability": 4 coders x 12 units.
    coders = [
        [1, 2, 3, 3, 2, 1, 4, 1, 2, None, None, None],
        [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, None, 3],
        [None, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, None],
        [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, None],
    ]
    datasets = [("krippendorff_2011", coders)]
    for i in range(12):
        raters, units = int(rng.integers(2, 7)), int(rng.integers(5, 30))
        values = rng.integers(1, 6, size=(raters, units)).astype(float)
        if i % 3 == 0:
            values = values + rng.normal(0, 0.3, size=values.shape).round(2) + 2
        mask = rng.random(size=values.shape) < 0.2
        data = [[None if mask[r, u] else float(values[r, u]) for u in range(units)] for r in range(raters)]
        datasets.append((f"random_{i}", data))
    for name, data in datasets:
        array = np.array([[np.nan if v is None else v for v in row] for row in data], dtype=float)
        # igf-rubric takes units in rows and raters in columns.
        units = [[row[u] for row in data] for u in range(len(data[0]))]
        results = {}
        for level in ["nominal", "ordinal", "interval", "ratio"]:
            results[level] = float(krippendorff.alpha(reliability_data=array, level_of_measurement=level))
        cases.append({"name": name, "units": units, "alpha": results})
    return cases


def icc_cases():
    cases = []
    shrout_fleiss = [[9, 2, 5, 8], [6, 1, 3, 2], [8, 4, 6, 8], [7, 1, 2, 6], [10, 5, 6, 9], [6, 2, 4, 7]]
    datasets = [("shrout_fleiss_1979", shrout_fleiss)]
    for i in range(8):
        n, k = int(rng.integers(4, 20)), int(rng.integers(2, 7))
        truth = rng.normal(3, 1, size=(n, 1))
        bias = rng.normal(0, 0.5, size=(1, k))
        noise = rng.normal(0, 0.7, size=(n, k))
        values = (truth + bias + noise).round(1)
        datasets.append((f"random_{i}", values.tolist()))
    for name, rows in datasets:
        long = pd.DataFrame(
            [{"target": t, "rater": r, "score": float(v)} for t, row in enumerate(rows) for r, v in enumerate(row)]
        )
        # Full precision: pingouin rounds the CI95 column to 2 places by default.
        with _no_rounding():
            table = pg.intraclass_corr(data=long, targets="target", raters="rater", ratings="score")
        results = []
        for _, row in table.iterrows():
            results.append(
                {
                    "type": row["Type"],
                    "value": float(row["ICC"]),
                    "f": float(row["F"]),
                    "df1": float(row["df1"]),
                    "df2": float(row["df2"]),
                    "p_value": float(row["pval"]),
                    "ci95": [float(x) for x in row["CI95"]],
                }
            )
        cases.append({"name": name, "rows": [[float(v) for v in r] for r in rows], "icc": results})
    return cases


def fleiss_cases():
    cases = []
    for i in range(8):
        subjects, raters, categories = int(rng.integers(3, 25)), int(rng.integers(2, 9)), int(rng.integers(2, 6))
        probs = rng.dirichlet(np.ones(categories))
        table = np.array([rng.multinomial(raters, probs) for _ in range(subjects)])
        if len(set(np.flatnonzero(table.sum(axis=0)))) < 2:
            continue
        cases.append({"name": f"random_{i}", "table": table.tolist(), "kappa": float(fleiss_kappa(table))})
    return cases


def cohen_cases():
    cases = []
    for i in range(8):
        n, categories = int(rng.integers(5, 40)), int(rng.integers(2, 6))
        a = rng.integers(1, categories + 1, size=n)
        noise = rng.integers(-1, 2, size=n) * (rng.random(size=n) < 0.4)
        b = np.clip(a + noise, 1, categories)
        labels = sorted(set(a.tolist()) | set(b.tolist()))
        if len(labels) < 2:
            continue
        table = np.zeros((len(labels), len(labels)))
        for x, y in zip(a, b):
            table[labels.index(x), labels.index(y)] += 1
        kappas = {
            "unweighted": float(cohens_kappa(table).kappa),
            "linear": float(cohens_kappa(table, wt="linear").kappa),
            "quadratic": float(cohens_kappa(table, wt="quadratic").kappa),
        }
        cases.append({"name": f"random_{i}", "pairs": [[float(x), float(y)] for x, y in zip(a, b)], "kappa": kappas})
    return cases


def aggregation_cases():
    from scipy import stats
    from scipy.stats import mstats

    cases = []
    for i in range(12):
        n = int(rng.integers(1, 12))
        values = (rng.integers(0, 401, size=n) / 4).tolist()
        share = [0.0, 0.1, 0.2, 0.25, 0.3][i % 5]
        array = np.array(values)
        case = {
            "name": f"random_{i}",
            "values": [str(v) for v in values],
            "share": str(share),
            "mean": float(np.mean(array)),
            "median": float(np.median(array)),
            "q1": float(np.percentile(array, 25)),
            "q3": float(np.percentile(array, 75)),
            "sd": float(np.std(array, ddof=1)) if n > 1 else None,
        }
        if 2 * int(share * n) < n:
            case["trimmed_mean"] = float(stats.trim_mean(array, share))
            case["winsorised_mean"] = float(np.mean(mstats.winsorize(array, limits=(share, share))))
        cases.append(case)
    return cases


fixtures = {
    "generated_by": "scripts/reliability_fixtures.py",
    "versions": {
        "python": platform.python_version(),
        "numpy": version("numpy"),
        "scipy": version("scipy"),
        "pandas": version("pandas"),
        "krippendorff": version("krippendorff"),
        "pingouin": version("pingouin"),
        "statsmodels": version("statsmodels"),
    },
    "krippendorff_alpha": alpha_cases(),
    "icc": icc_cases(),
    "fleiss_kappa": fleiss_cases(),
    "cohen_kappa": cohen_cases(),
    "aggregation": aggregation_cases(),
}

with open("tests/fixtures/reliability.json", "w") as out:
    json.dump(fixtures, out, indent=1)
    out.write("\n")
