"""Generate tests/fixtures/mcdm.json: decision methods and weights computed by Python's pymcdm
(TOPSIS with min-max and vector normalisation, weighted sum and product, VIKOR, PROMETHEE II
with five preference functions, entropy and CRITIC weights) on seeded random decision
matrices, and AHP priorities with the consistency index by AHPy on seeded random comparison
matrices, for igf-rubric's Rust tests to compare against.

Run from the repository root, in a virtual environment outside the repository:

    python3 -m venv /tmp/mcdm-venv
    /tmp/mcdm-venv/bin/pip install pymcdm ahpy
    /tmp/mcdm-venv/bin/python scripts/mcdm_fixtures.py

The output records the package versions used. The Rust tests need no Python.
"""

import itertools
import json
import platform
from importlib.metadata import version
from pathlib import Path

import ahpy
import numpy as np
from pymcdm import methods, normalizations, weights as pw

ROOT = Path(__file__).resolve().parent.parent
rng = np.random.default_rng(20261129)


def matrix_case(i):
    m, n = int(rng.integers(4, 12)), int(rng.integers(3, 7))
    matrix = rng.uniform(1, 10, size=(m, n)).round(2)
    types = rng.choice([1, -1], size=n, p=[0.7, 0.3])
    w = rng.uniform(0.5, 3, size=n)
    w = w / w.sum()
    spread = matrix.max(axis=0) - matrix.min(axis=0)
    q, p = (0.1 * spread).round(3), (0.5 * spread).round(3)
    results = {
        "topsis_minmax": methods.TOPSIS(normalizations.minmax_normalization)(matrix, w, types),
        "topsis_vector": methods.TOPSIS(normalizations.vector_normalization)(matrix, w, types),
        "weighted_sum": methods.WSM()(matrix, w, types),
        "weighted_product": methods.WPM()(matrix, w, types),
        "vikor_0.5": methods.VIKOR(v=0.5)(matrix, w, types),
        "vikor_0.3": methods.VIKOR(v=0.3)(matrix, w, types),
        "promethee_usual": methods.PROMETHEE_II("usual")(matrix, w, types),
        "promethee_ushape": methods.PROMETHEE_II("ushape", q=q)(matrix, w, types),
        "promethee_vshape": methods.PROMETHEE_II("vshape", p=p)(matrix, w, types),
        "promethee_level": methods.PROMETHEE_II("level", p=p, q=q)(matrix, w, types),
        "promethee_linear": methods.PROMETHEE_II("vshape_2", p=p, q=q)(matrix, w, types),
    }
    return {
        "name": f"matrix_{i}",
        "matrix": matrix.tolist(),
        "types": [int(t) for t in types],
        "weights": w.tolist(),
        "q": q.tolist(),
        "p": p.tolist(),
        "scores": {k: [float(x) for x in v] for k, v in results.items()},
        "entropy": [float(x) for x in pw.entropy_weights(matrix)],
        "critic": [float(x) for x in pw.critic_weights(matrix)],
    }


SCALE = [1 / 9, 1 / 7, 1 / 5, 1 / 3, 1, 3, 5, 7, 9, 2, 1 / 2, 4, 1 / 4]


def ahp_case(i):
    n = int(rng.integers(3, 9))
    names = [f"c{k}" for k in range(n)]
    upper = [float(rng.choice(SCALE)) for _ in range(n * (n - 1) // 2)]
    comparisons = {pair: v for pair, v in zip(itertools.combinations(names, 2), upper)}
    compare = ahpy.Compare(f"ahp_{i}", comparisons, precision=15, random_index="saaty", iterations=1000, tolerance=1e-15)
    lambda_max = float(np.max(np.real(np.linalg.eigvals(compare._matrix))))
    return {
        "name": f"ahp_{i}",
        "upper": upper,
        "weights": [float(compare.target_weights[c]) for c in names],
        "lambda_max": lambda_max,
        "ahpy_consistency_ratio_saaty_2005": float(compare.consistency_ratio),
    }


def incomplete_ahp_case(i):
    """A comparison matrix with pairs left out (the given pairs stay connected: each criterion
    after the first is compared with an earlier one), completed by AHPy's cyclic coordinates
    (Bozoki, Fulop and Ronyai 2010) at its default tolerance, 1e-4."""
    n = int(rng.integers(4, 8))
    pairs = list(itertools.combinations(range(n), 2))
    tree = {(int(rng.integers(0, k)), k) for k in range(1, n)}
    upper, comparisons = [], {}
    for a, b in pairs:
        value = float(rng.choice(SCALE))
        if (a, b) in tree or rng.random() < 0.5:
            comparisons[(f"c{a}", f"c{b}")] = value
            upper.append(value)
        else:
            upper.append(None)
    compare = ahpy.Compare(f"incomplete_{i}", comparisons, precision=15, random_index="saaty")
    # AHPy orders its matrix by each element's first appearance among the comparisons.
    at = [compare._elements.index(f"c{k}") for k in range(n)]
    matrix = np.array(compare._matrix, dtype=float)[np.ix_(at, at)]
    return {
        "name": f"incomplete_{i}",
        "upper": upper,
        "completed": [
            {"row": a + 1, "column": b + 1, "value": float(matrix[a, b])}
            for (a, b), given in zip(pairs, upper)
            if given is None
        ],
        "weights": [float(compare.target_weights[f"c{k}"]) for k in range(n)],
        "lambda_max": float(np.max(np.real(np.linalg.eigvals(matrix)))),
    }


def main():
    out = {
        "generated_by": "scripts/mcdm_fixtures.py",
        "python": platform.python_version(),
        "packages": {p: version(p) for p in ["pymcdm", "AHPy", "numpy"]},
        "note": "AHPy's 'saaty' random index is Saaty (2005); the crate uses Saaty (1980), so the fixture keeps lambda_max and the tests compare the consistency index.",
        "matrices": [matrix_case(i) for i in range(10)],
        "ahp": [ahp_case(i) for i in range(10)],
        # Drawn after the cases above, so adding these changed none of them.
        "ahp_incomplete": [incomplete_ahp_case(i) for i in range(10)],
        "ahp_incomplete_note": "AHPy completes by cyclic coordinates with scipy's bounded Brent search and stops when the completed values move by less than 1e-4 (its default tolerance); the tests compare to that precision.",
    }
    path = ROOT / "tests" / "fixtures" / "mcdm.json"
    path.write_text(json.dumps(out, indent=1) + "\n")
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
