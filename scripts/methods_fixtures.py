"""Generate tests/fixtures/methods.json: the conventions igf-rubric offers as options, computed
by the Python packages that use them, for the Rust tests to compare against:

- AHP consistency ratios under three random index tables: AHPy's 'saaty' (Saaty 2005) and
  'dd' (Donegan and Dodd 1991, interpolated beyond 20), and pymcdm's (Tummala and Ling 1998);
- the weighted product model's log10 score (scikit-criteria's `wpm`);
- VIKOR ranked through the compromise set (scikit-criteria's `VIKOR(use_compromise_set=True)`);
- Cronbach's alpha with pairwise deletion (pingouin's default `nan_policy="pairwise"`);
- AHP over alternatives: AHPy's target (global) weights of a criteria hierarchy, with complete
  and incomplete comparison matrices.

Run from the repository root, in a virtual environment outside the repository:

    python3 -m venv /tmp/methods-venv
    /tmp/methods-venv/bin/pip install ahpy pymcdm scikit-criteria pingouin
    /tmp/methods-venv/bin/python scripts/methods_fixtures.py

The output records the package versions used. The Rust tests need no Python.
"""

import itertools
import json
import platform
from importlib.metadata import version
from pathlib import Path

import ahpy
import numpy as np
import pandas as pd
import pingouin
from pymcdm.weights.subjective import AHP as PymcdmAhp
from skcriteria.agg.simple import wpm
from skcriteria.agg.vikor import VIKOR
import skcriteria

ROOT = Path(__file__).resolve().parent.parent
rng = np.random.default_rng(20261205)
SAATY = [1 / 9, 1 / 8, 1 / 7, 1 / 6, 1 / 5, 1 / 4, 1 / 3, 1 / 2, 1, 2, 3, 4, 5, 6, 7, 8, 9]


def upper(n):
    """Random comparisons above the diagonal, row by row, on Saaty's scale."""
    return [float(rng.choice(SAATY)) for _ in range(n * (n - 1) // 2)]


def full(n, values):
    m = np.ones((n, n))
    it = iter(values)
    for i in range(n):
        for j in range(i + 1, n):
            v = next(it)
            m[i, j], m[j, i] = v, 1 / v
    return m


def names(n, prefix):
    return [f"{prefix}{i}" for i in range(n)]


def ahpy_compare(name, n, values, random_index, prefix="c", missing=()):
    items = names(n, prefix)
    comparisons = {}
    it = iter(values)
    for i in range(n):
        for j in range(i + 1, n):
            v = next(it)
            if (i, j) not in missing:
                comparisons[(items[i], items[j])] = v
    # AHPy rounds to `precision` places; 10 converges before its repeated squaring overflows.
    return ahpy.Compare(name, comparisons, precision=10, random_index=random_index, iterations=30, tolerance=1e-12)


def random_index_cases():
    cases = []
    for n in [3, 4, 5, 6, 7, 8, 9, 10, 12, 15, 18, 22, 35]:
        values = upper(n)
        case = {"n": n, "upper": values}
        for table in ["saaty", "dd"]:
            if table == "saaty" and n > 15:
                continue
            compare = ahpy_compare("goal", n, values, table)
            case[f"ahpy_{table}"] = {
                "cr": float(compare.consistency_ratio),
                "weights": [float(compare.local_weights[k]) for k in names(n, "c")],
            }
        if n <= 15:
            ahp = PymcdmAhp(matrix=full(n, values))
            case["pymcdm_tummala_ling"] = {"cr": float(ahp.get_cr())}
        cases.append(case)
    return cases


def wpm_cases():
    cases = []
    for m, n in [(4, 3), (6, 5), (10, 8), (40, 30)]:
        matrix = rng.uniform(0.05, 1.0, size=(m, n))
        weights = rng.dirichlet(np.ones(n))
        ranks, score = wpm(matrix, weights)
        cases.append({
            "matrix": matrix.tolist(),
            "weights": weights.tolist(),
            "log10_scores": score.tolist(),
            "ranks": ranks.tolist(),
        })
    return cases


def vikor_cases():
    cases = []
    for m, n in [(4, 3), (5, 4), (7, 3), (8, 5), (10, 6), (12, 4)]:
        for attempt in range(2):
            matrix = rng.integers(1, 10, size=(m, n)).astype(float)
            while any(len(set(matrix[:, j])) == 1 for j in range(n)):
                matrix = rng.integers(1, 10, size=(m, n)).astype(float)
            objectives = [1 if rng.random() < 0.7 else -1 for _ in range(n)]
            weights = rng.dirichlet(np.ones(n))
            dm = skcriteria.mkdm(matrix, objectives, weights=weights)
            for use_set in [True, False]:
                result = VIKOR(v=0.5, use_compromise_set=use_set).evaluate(dm)
                cases.append({
                    "matrix": matrix.tolist(),
                    "objectives": ["benefit" if o == 1 else "cost" for o in objectives],
                    "weights": weights.tolist(),
                    "use_compromise_set": use_set,
                    "q": result.e_.q_k.tolist(),
                    "ranks": result.rank_.tolist(),
                    "compromise_set": sorted(int(i) for i in result.e_.compromise_set),
                })
    return cases


def cronbach_cases():
    cases = []
    for n, k, holes in [(8, 3, 3), (12, 4, 6), (20, 5, 15), (30, 6, 30)]:
        data = rng.integers(1, 6, size=(n, k)).astype(float) + rng.normal(0, 0.3, size=(n, k))
        cells = list(itertools.product(range(n), range(k)))
        for index in rng.choice(len(cells), size=holes, replace=False):
            i, j = cells[index]
            data[i, j] = np.nan
        frame = pd.DataFrame(data)
        alpha, ci = pingouin.cronbach_alpha(data=frame)
        cases.append({
            "rows": [[None if np.isnan(v) else float(v) for v in row] for row in data],
            "alpha": float(alpha),
            "ci95_rounded": [float(ci[0]), float(ci[1])],
        })
    return cases


LEADER = {
    "criteria": ["Experience", "Education", "Charisma", "Age"],
    "criteria_upper": [4, 3, 7, 1 / 3, 3, 5],
    "alternatives": ["Moll", "Nell", "Sue"],
    "alternatives_upper": {
        "Experience": [1 / 4, 4, 9],
        "Education": [3, 1 / 5, 1 / 7],
        "Charisma": [5, 9, 4],
        "Age": [1 / 3, 5, 9],
    },
}


def hierarchy(criteria_n, alternatives_n, criteria_upper, alternatives_upper, missing=()):
    """AHPy's target weights of a two-level hierarchy, `missing` comparisons left out of the
    first criterion's alternatives."""
    crit = ahpy_compare("goal", criteria_n, criteria_upper, "saaty", prefix="k")
    children = []
    for j in range(criteria_n):
        gaps = missing if j == 0 else ()
        children.append(ahpy_compare(f"k{j}", alternatives_n, alternatives_upper[j], "saaty", prefix="a", missing=gaps))
    crit.add_children(children)
    target = crit.target_weights
    return {
        "criteria_weights": [float(crit.local_weights[f"k{j}"]) for j in range(criteria_n)],
        "local": [[float(c.local_weights[f"a{i}"]) for i in range(alternatives_n)] for c in children],
        "global": [float(target[f"a{i}"]) for i in range(alternatives_n)],
    }


def alternatives_cases():
    cases = []
    leader = LEADER
    cases.append({
        "name": "AHPy leader example",
        "criteria_upper": leader["criteria_upper"],
        "alternatives_upper": [leader["alternatives_upper"][c] for c in leader["criteria"]],
        "missing": [],
        **hierarchy(4, 3, leader["criteria_upper"], [leader["alternatives_upper"][c] for c in leader["criteria"]]),
    })
    for (kn, an, missing) in [(3, 4, []), (4, 5, []), (5, 6, [(0, 2)]), (3, 7, [(0, 3), (1, 5)])]:
        criteria_upper = upper(kn)
        alternatives_upper = [upper(an) for _ in range(kn)]
        cases.append({
            "name": f"random {kn} criteria, {an} alternatives" + (", incomplete" if missing else ""),
            "criteria_upper": criteria_upper,
            "alternatives_upper": alternatives_upper,
            "missing": [list(p) for p in missing],
            **hierarchy(kn, an, criteria_upper, alternatives_upper, missing=tuple(missing)),
        })
    return cases


def main():
    fixtures = {
        "generated_by": "scripts/methods_fixtures.py",
        "python": platform.python_version(),
        "packages": {p: version(p) for p in ["ahpy", "pymcdm", "scikit-criteria", "pingouin", "numpy", "pandas"]},
        "random_index": random_index_cases(),
        "wpm": wpm_cases(),
        "vikor": vikor_cases(),
        "cronbach_pairwise": cronbach_cases(),
        "ahp_alternatives": alternatives_cases(),
    }
    out = ROOT / "tests" / "fixtures" / "methods.json"
    out.write_text(json.dumps(fixtures, indent=1) + "\n")
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
