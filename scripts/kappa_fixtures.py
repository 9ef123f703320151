"""Generate tests/fixtures/kappa.json: Cohen's kappa (unweighted, linear and quadratic
weights) with its asymptotic standard errors, interval and test, computed by statsmodels'
cohens_kappa (which follows SAS PROC FREQ's AGREE formulas) on seeded random tables and on
pairs of ratings with unevenly spaced category values.

Run from the repository root, in a virtual environment outside the repository:

    python3 -m venv /tmp/sm-venv
    /tmp/sm-venv/bin/pip install statsmodels
    /tmp/sm-venv/bin/python scripts/kappa_fixtures.py

The output records the package versions used. The Rust tests need no Python.
"""

import json
import platform
from importlib.metadata import version
from pathlib import Path

import numpy as np
from statsmodels.stats.inter_rater import cohens_kappa

ROOT = Path(__file__).resolve().parent.parent
rng = np.random.default_rng(20261129)


def results(table, scores):
    out = []
    for weights in ["unweighted", "linear", "quadratic"]:
        if weights == "unweighted":
            r = cohens_kappa(table)
        else:
            r = cohens_kappa(table, weights=np.asarray(scores, float), wt=weights)
        out.append({
            "weights": weights,
            "kappa": float(r.kappa),
            "ase": float(r.std_kappa),
            "ase0": float(r.std_kappa0),
            "lower": float(r.kappa_low),
            "upper": float(r.kappa_upp),
            "z": float(r.z_value),
            "p_value": float(r.pvalue_two_sided),
        })
    return out


def main():
    cases = []
    for i in range(12):
        k = int(rng.integers(2, 7))
        agree = rng.integers(3, 25, size=k)
        table = rng.integers(0, 5, size=(k, k)) + np.diag(agree)
        cases.append({"name": f"table_{i}", "table": table.tolist(), "values": None,
                      "results": results(table, np.arange(1, k + 1))})
    for i in range(4):
        values = sorted(rng.choice([1.0, 2.0, 4.0, 7.0, 11.0, 16.0], size=4, replace=False).tolist())
        n = int(rng.integers(20, 60))
        a = rng.integers(0, 4, size=n)
        b = np.clip(a + rng.choice([-1, 0, 0, 1], size=n), 0, 3)
        pairs = [[values[x], values[y]] for x, y in zip(a, b)]
        table = np.zeros((4, 4), int)
        for x, y in zip(a, b):
            table[x, y] += 1
        cases.append({"name": f"pairs_{i}", "pairs": pairs, "values": values, "table": table.tolist(),
                      "results": results(table, values)})
    out = {
        "generated_by": "scripts/kappa_fixtures.py",
        "python": platform.python_version(),
        "packages": {p: version(p) for p in ["statsmodels", "numpy", "scipy"]},
        "cases": cases,
    }
    path = ROOT / "tests" / "fixtures" / "kappa.json"
    path.write_text(json.dumps(out, indent=1) + "\n")
    print(f"wrote {path}: {len(cases)} tables")


if __name__ == "__main__":
    main()
