"""Time pymcdm's TOPSIS and VIKOR on the matrix benches/decision.rs builds (100,000 subjects x
20 criteria), with pymcdm's input validation turned off, to set beside `cargo bench --bench
decision` in the same run.

    /tmp/mcdm-venv/bin/python scripts/mcdm_bench.py
"""

import time
from importlib.metadata import version

import numpy as np
from pymcdm import methods, normalizations

m, n = 100_000, 20
i = np.arange(m).reshape(m, 1)
j = np.arange(n).reshape(1, n)
matrix = 1 + ((i * 7919 + j * 104729) % 1000) / 100
types = np.where(np.arange(n) < 5, -1, 1)
weights = (np.arange(n) + 1) / (n * (n + 1) / 2)


def best(f, runs=7):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        f()
        times.append(time.perf_counter() - start)
    return min(times) * 1000


for name, method in [
    ("topsis/vector", methods.TOPSIS(normalizations.vector_normalization)),
    ("topsis/minmax", methods.TOPSIS(normalizations.minmax_normalization)),
    ("vikor", methods.VIKOR(v=0.5)),
]:
    ms = best(lambda: method(matrix, weights, types, validation=False))
    ranked = best(lambda: method.rank(method(matrix, weights, types, validation=False)))
    print(
        f"pymcdm {version('pymcdm')} {name}/100000x20: {ms:.1f} ms scores, "
        f"{ranked:.1f} ms scores and ranks (best of 7)"
    )
