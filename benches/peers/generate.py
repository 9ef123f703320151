"""Generate the data benches/peers/compare.sh measures, into DIR (default target/peers/data):

- assessments-N.jsonl: N bpf-proposal assessments, one per line (N = 50,000 and 100,000), their
  answers drawn from each criterion's allowed values around the six sample proposals, some
  "unable to assess";
- ratings-V.f64: 100,000 units x 50 raters of V values (V = 7 and 21), about 10 % missing, as
  little-endian f64 row by row (unit after unit), NaN where missing;
- icc-M.f64: M subjects x 10 raters (M = 1,000 and 10,000) on a 1..10 scale, complete;
- fleiss.u64: 100,000 subjects x 5 categories, counts of 5 raters, little-endian u64;
- cohen.f64: 1,000,000 pairs of two raters' ratings on 1..5.

Seeded: every run writes the same bytes. Standard library only.

    python3 benches/peers/generate.py [DIR]
"""

import json
import math
import random
import sys
from array import array
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def assessments(n, rng):
    samples = [
        json.loads(p.read_text())
        for p in sorted((ROOT / "examples" / "data" / "proposals").glob("*.json"))
    ]
    rubric = json.loads((ROOT / "presets" / "bpf-proposal.json").read_text())
    metrics = {}

    def walk(criteria):
        for c in criteria:
            if "metric" in c:
                metrics[c["id"]] = c["metric"]
            walk(c.get("criteria", []))

    walk(rubric["criteria"])
    groups = ["government", "intergovernmental_organization", "civil_society", "technical_community", "private_sector"]
    regions = ["african", "asia_pacific", "eastern_european", "latin_american_and_caribbean", "western_european_and_others"]
    for i in range(n):
        sheet = json.loads(json.dumps(samples[i % len(samples)]))
        sheet["subject"]["id"] = f"bpf-{i // 7}"
        sheet["assessor"]["id"] = f"mag-{i % 7}"
        sheet["assessor"]["stakeholder_group"] = groups[i % 5]
        sheet["assessor"]["region"] = regions[(i // 5) % 5]
        for answer in sheet["answers"]:
            metric = metrics[answer["criterion"]]
            kind = metric["type"]
            if kind != "yes_no" and rng.random() < 0.03:
                answer["value"] = "unable_to_assess"
            elif kind == "scale":
                answer["value"] = {"scale": str(rng.randint(int(metric["min"]), int(metric["max"])))}
            elif kind == "levels":
                answer["value"] = {"level": rng.choice(metric["levels"])["id"]}
            elif kind == "count":
                answer["value"] = {"count": rng.randint(0, 6)}
            elif kind == "distribution":
                cats = rng.sample(metric["categories"], rng.randint(0, len(metric["categories"])))
                answer["value"] = {"distribution": {c: rng.randint(1, 9) for c in cats}}
        yield json.dumps(sheet, ensure_ascii=False, separators=(",", ":"))


def write(path, values):
    """`values` (an array) as little-endian bytes."""
    if sys.byteorder != "little":
        values.byteswap()
    with path.open("wb") as f:
        values.tofile(f)


def main():
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "target" / "peers" / "data"
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(20261129)
    for n in (50_000, 100_000):
        with (out / f"assessments-{n}.jsonl").open("w", encoding="utf-8") as f:
            for line in assessments(n, rng):
                f.write(line + "\n")
    units, raters = 100_000, 50
    for v in (7, 21):
        values = []
        for u in range(units):
            centre = rng.randint(1, v)
            for _ in range(raters):
                if rng.random() < 0.1:
                    values.append(math.nan)
                else:
                    values.append(float(min(v, max(1, centre + rng.randint(-1, 1)))))
        write(out / f"ratings-{v}.f64", array("d", values))
    for m in (1_000, 10_000):
        values = []
        for _ in range(m):
            truth = rng.uniform(2, 9)
            values.extend(float(min(10, max(1, round(truth + rng.gauss(0, 1))))) for _ in range(10))
        write(out / f"icc-{m}.f64", array("d", values))
    counts = array("Q")
    for _ in range(100_000):
        row = [0] * 5
        centre = rng.randrange(5)
        for _ in range(5):
            row[min(4, max(0, centre + rng.choice((-1, 0, 0, 1))))] += 1
        counts.extend(row)
    write(out / "fleiss.u64", counts)
    pairs = []
    for _ in range(1_000_000):
        a = rng.randint(1, 5)
        pairs.extend((float(a), float(min(5, max(1, a + rng.choice((-1, 0, 0, 0, 1)))))))
    write(out / "cohen.f64", array("d", pairs))
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
