"""Generate tests/fixtures/agreement.json: the chance-corrected agreement family (Fleiss,
Gwet AC1/AC2, Conger, Brennan-Prediger, Krippendorff) computed by Python's irrCAC on Gwet's
published example and on seeded random ratings with missing values, numbers and labels, for
igf-rubric's Rust tests to compare against.

Run from the repository root, in a virtual environment outside the repository (irrCAC pins
older numpy, scipy and pandas, so give it its own):

    python3 -m venv /tmp/irr-venv
    /tmp/irr-venv/bin/pip install irrCAC
    /tmp/irr-venv/bin/python scripts/agreement_fixtures.py

The output records the package versions used. The Rust tests need no Python.
"""

import json
import platform
import random
from importlib.metadata import version
from pathlib import Path

import numpy as np
import pandas as pd
from irrCAC.datasets import raw_4raters
from irrCAC.raw import CAC

ROOT = Path(__file__).resolve().parent.parent
rng = random.Random(20261129)
WEIGHTS = ["identity", "linear", "quadratic", "ordinal", "radical", "ratio", "circular", "bipolar"]
METHODS = {"fleiss": "fleiss", "gwet": "gwet", "conger": "conger", "brennan_prediger": "bp", "krippendorff": "krippendorff"}


def random_case(labels):
    raters, units, q = rng.randint(2, 6), rng.randint(6, 40), rng.randint(3, 6)
    names = ["low", "fair", "good", "high", "top", "best"][:q]
    rows = []
    for _ in range(units):
        centre = rng.randrange(q)
        row = []
        for _ in range(raters):
            if rng.random() < 0.15:
                row.append(None)
            else:
                k = min(q - 1, max(0, centre + rng.choice([-1, 0, 0, 0, 1])))
                row.append(names[k] if labels else float(k + 1))
        if all(v is None for v in row):
            row[0] = names[0] if labels else 1.0
        rows.append(row)
    declared = None
    if not labels and rng.random() < 0.5:
        declared = [float(k + 1) for k in range(q + 1)]  # one category nobody used
    if labels:
        declared = names
    return rows, declared


def compute(rows, declared, labels):
    frame = pd.DataFrame(rows, dtype=object if labels else float)
    results = []
    for weights in WEIGHTS if not labels else ["identity", "linear", "quadratic", "ordinal"]:
        for name, method in METHODS.items():
            cac = CAC(frame, weights=weights, categories=declared, digits=17)
            est = getattr(cac, method)()["est"]
            results.append({
                "coefficient": name,
                "weights": weights,
                "value": float(est["coefficient_value"]),
                "pa": float(est["pa"]),
                "pe": float(est["pe"]),
                "se": float(est["se"]),
                "ci": [float(est["confidence_interval"][0]), float(est["confidence_interval"][1])],
                "p_value": float(est["p_value"]),
            })
    return results


def main():
    cases = []
    gwet = raw_4raters()
    rows = [[None if pd.isna(v) else float(v) for v in row] for row in gwet.values.tolist()]
    cases.append({"name": "gwet_raw_4raters", "labels": False, "rows": rows, "categories": None,
                  "results": compute(rows, None, False)})
    for i in range(10):
        labels = i >= 7
        rows, declared = random_case(labels)
        cases.append({"name": f"random_{i}", "labels": labels, "rows": rows, "categories": declared,
                      "results": compute(rows, declared, labels)})
    out = {
        "generated_by": "scripts/agreement_fixtures.py",
        "python": platform.python_version(),
        "packages": {p: version(p) for p in ["irrCAC", "numpy", "pandas", "scipy"]},
        "note": "irrCAC reports Brennan-Prediger's p-value one-sided; the crate's is two-sided (twice it).",
        "cases": cases,
    }
    path = ROOT / "tests" / "fixtures" / "agreement.json"
    path.write_text(json.dumps(out, indent=1) + "\n")
    print(f"wrote {path}: {len(cases)} cases, {sum(len(c['results']) for c in cases)} coefficients")


if __name__ == "__main__":
    main()
