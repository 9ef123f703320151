"""Generate tests/fixtures/icc.json: intraclass correlations with listwise deletion of units
with a missing rating (pingouin's nan_policy="omit") and Cronbach's alpha with Feldt's interval
(pingouin's cronbach_alpha, nan_policy="listwise"), on seeded random ratings with gaps.

Run from the repository root, in a virtual environment outside the repository:

    python3 -m venv /tmp/sm-venv
    /tmp/sm-venv/bin/pip install pingouin
    /tmp/sm-venv/bin/python scripts/icc_fixtures.py

The output records the package versions used. pingouin rounds Cronbach's interval to three
places, so the Rust test compares it to that precision; with listwise deletion it computes the
interval's degrees of freedom from the units before deletion, so the fixture also records the
interval pingouin gives for the complete rows alone, which the crate matches. The Rust tests need no Python.
"""

import json
import platform
from importlib.metadata import version
from pathlib import Path

import numpy as np
import pandas as pd
import pingouin as pg
from pingouin.config import _no_rounding

ROOT = Path(__file__).resolve().parent.parent
rng = np.random.default_rng(20261129)


def main():
    cases = []
    for i in range(8):
        n, k = int(rng.integers(6, 25)), int(rng.integers(2, 6))
        truth = rng.normal(3, 1, size=(n, 1))
        values = (truth + rng.normal(0, 0.5, size=(1, k)) + rng.normal(0, 0.7, size=(n, k))).round(1)
        rows = values.tolist()
        for _ in range(int(rng.integers(1, 4))):
            rows[int(rng.integers(0, n))][int(rng.integers(0, k))] = None
        wide = pd.DataFrame(rows, dtype=float)
        long = wide.reset_index().melt(id_vars="index", var_name="rater", value_name="score")
        long = long.rename(columns={"index": "target"})
        with _no_rounding():
            table = pg.intraclass_corr(data=long, targets="target", raters="rater", ratings="score", nan_policy="omit")
        alpha, ci = pg.cronbach_alpha(data=wide, nan_policy="listwise")
        # pingouin's interval takes n before listwise deletion; on the complete rows alone it
        # takes the n that is used.
        _, ci_complete = pg.cronbach_alpha(data=wide.dropna())
        dropped = [u for u, row in enumerate(rows) if any(v is None for v in row)]
        cases.append({
            "name": f"gaps_{i}",
            "rows": rows,
            "dropped": sorted(set(dropped)),
            "icc": [{"type": r["Type"], "value": float(r["ICC"]), "f": float(r["F"]), "p_value": float(r["pval"]),
                     "ci95": [float(x) for x in r["CI95"]]} for _, r in table.iterrows()],
            "cronbach": {"value": float(alpha), "ci95": [float(x) for x in ci],
                         "ci95_complete_rows": [float(x) for x in ci_complete]},
        })
    out = {
        "generated_by": "scripts/icc_fixtures.py",
        "python": platform.python_version(),
        "packages": {p: version(p) for p in ["pingouin", "pandas", "numpy", "scipy"]},
        "cases": cases,
    }
    path = ROOT / "tests" / "fixtures" / "icc.json"
    path.write_text(json.dumps(out, indent=1) + "\n")
    print(f"wrote {path}: {len(cases)} cases")


if __name__ == "__main__":
    main()
