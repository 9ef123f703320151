"""Spreadsheets checked with openpyxl, a library real spreadsheet users use: the template's
sheets, headers, notes, drop-downs and limits; a template filled by openpyxl read back by the
crate as the same assessment; and a template filled with typical mistakes, each reported at
its cell.

python tests/sheet/check.py target/debug/igf-rubric
"""

import json
import subprocess
import sys
import tempfile
from pathlib import Path

import openpyxl

binary = sys.argv[1]
failures = 0


def check(ok, what):
    global failures
    print(("ok   " if ok else "FAIL ") + what)
    if not ok:
        failures += 1


def run(*args):
    return subprocess.run([binary, *args], capture_output=True, text=True)


rubric = json.loads(run("presets", "bpf-proposal").stdout)
leaves = []


def walk(criteria):
    for c in criteria:
        if c.get("metric"):
            leaves.append(c)
        walk(c.get("criteria", []))


walk(rubric["criteria"])
sample = json.loads(Path("examples/data/proposals/ipv6-2016.json").read_text())
work = Path(tempfile.mkdtemp(prefix="igf-rubric-sheets-"))
template = work / "t.xlsx"
subjects = work / "subjects.json"
subjects.write_text(json.dumps([sample["subject"], {"id": "bpf-ixps-2016", "title": "IXPs", "year": 2016}]))

made = run("template", "--rubric", "bpf-proposal", "--format", "xlsx", "--subjects", str(subjects), "-o", str(template))
check(made.returncode == 0, f"igf-rubric template writes {template.name} ({made.stderr.strip() or 'no error'})")

book = openpyxl.load_workbook(template)
check(book.sheetnames[:2] == ["How to fill", "Scores"], f"sheets {book.sheetnames}: instructions first, then Scores")
about = book["About"]
check((about["B1"].value, about["B2"].value) == (rubric["id"], rubric["version"]), "the About sheet records the rubric's id and version")
scores = book["Scores"]
headers = [cell.value for cell in scores[1]]
keys = [h[h.rindex("[") + 1:-1] for h in headers]
column = {key: openpyxl.utils.get_column_letter(i + 1) for i, key in enumerate(keys)}
check(scores.freeze_panes == "C2", f"the header row and the subject columns are frozen ({scores.freeze_panes})")
check(scores["A2"].value == sample["subject"]["id"] and scores["A3"].value == "bpf-ixps-2016", "subjects are pre-filled")

validations = {}
for dv in scores.data_validations.dataValidation:
    for ref in str(dv.sqref).split():
        validations[ref.split(":")[0].rstrip("0123456789")] = dv
for leaf in leaves:
    metric = leaf["metric"]
    kind = metric["type"]
    if kind == "distribution":
        continue
    letter = column[leaf["id"]]
    dv = validations.get(letter)
    note = scores[f"{letter}1"].comment
    check(note is not None and leaf["name"] in note.text, f"{leaf['id']} has its name in a header note")
    if kind == "levels":
        labels = [level["label"] for level in metric["levels"]]
        listed = dv is not None and dv.type == "list" and all(label in dv.formula1 for label in labels)
        check(listed, f"{leaf['id']} (levels) offers a drop-down of its labels: {dv.formula1 if dv else None}")
    elif kind == "scale":
        limits = dv is not None and dv.type in ("whole", "decimal") and dv.operator in (None, "between") \
            and float(dv.formula1) == float(metric["min"]) and float(dv.formula2) == float(metric["max"])
        check(limits, f"{leaf['id']} (scale) is limited to {metric['min']}..{metric['max']}")
    elif kind == "yes_no":
        check(dv is not None and dv.type == "list" and "Yes" in dv.formula1, f"{leaf['id']} (yes/no) offers Yes and No")


def fill(row, assessment, mistakes=None):
    sheet = book["Scores"]
    values = {
        "assessor_id": assessment["assessor"]["id"],
        "stakeholder_group": "Technical community",
        "region": "Asia-Pacific Group",
        "role": "MAG member",
        "conflict_declared": "No",
    }
    for answer in assessment["answers"]:
        value = answer["value"]
        if isinstance(value, str):
            values[answer["criterion"]] = "Unable to assess" if value == "unable_to_assess" else "Not applicable"
            continue
        kind, v = next(iter(value.items()))
        leaf = next(l for l in leaves if l["id"] == answer["criterion"])
        if kind == "level":
            values[answer["criterion"]] = next(l["label"] for l in leaf["metric"]["levels"] if l["id"] == v)
        elif kind == "yes_no":
            values[answer["criterion"]] = "Yes" if v else "No"
        elif kind == "distribution":
            for category, count in v.items():
                values[f"{answer['criterion']}.{category}"] = count
        elif kind in ("scale", "percent"):
            values[answer["criterion"]] = float(v) if "." in str(v) else int(v)
        elif kind == "count":
            values[answer["criterion"]] = v
        else:
            values[answer["criterion"]] = v
    values.update(mistakes or {})
    for key, value in values.items():
        sheet[f"{column[key]}{row}"] = value


fill(2, sample)
filled = work / "filled.xlsx"
book.save(filled)
imported = run("import", str(filled), "--rubric", "bpf-proposal")
check(imported.returncode == 0, f"a template filled by openpyxl is read back ({imported.stderr.strip()[:300] or 'no error'})")
if imported.returncode == 0:
    request = json.loads(imported.stdout)
    got = {a["criterion"]: a["value"] for a in request["assessments"][0]["answers"]}
    want = {a["criterion"]: a["value"] for a in sample["answers"]}

    def norm(value):
        # Decimals are strings in the crate's output and may be numbers in a hand-written file.
        if isinstance(value, dict):
            return {k: norm(v) for k, v in value.items()}
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return str(value)
        return value

    differ = [k for k in want if norm(got.get(k)) != norm(want[k])]
    check(not differ and len(got) == len(want),
          f"the assessment read back answers as the JSON one does ({len(got)} answers; differing: {[(k, got.get(k), want[k]) for k in differ]})")
    check(request["assessments"][0]["subject"] == sample["subject"], "its subject is the JSON one's")

# Typical mistakes, in a fresh template.
book = openpyxl.load_workbook(template)
fill(2, sample, {"P1": "4,5", "assessor_id": None, "region": "Asia Pacific"})
fill(3, {**sample, "answers": sample["answers"]}, {"P2": "Definde", "P1": 4.5})
broken = work / "broken.xlsx"
book.save(broken)
imported = run("import", str(broken), "--rubric", "bpf-proposal")
report = imported.stderr
check(imported.returncode == 1, f"mistakes give exit 1 ({imported.returncode})")
for cell, words in [
    (f"Scores!{column['P1']}2", "4,5"),
    (f"Scores!{column['assessor_id']}2", "empty"),
    (f"Scores!{column['region']}2", "Asia Pacific"),
    (f"Scores!{column['P2']}3", "Definde"),
    (f"Scores!{column['P1']}3", "4.5"),
]:
    line = next((l for l in report.splitlines() if cell + " " in l), None)
    check(line is not None and words in line, f"{cell}: {line.strip() if line else 'not reported'}")

# The panel report as a workbook.
panel = json.loads(Path("examples/data/mag-panel.json").read_text())
request = work / "request.json"
request.write_text(json.dumps({"rubric": {"preset": {"id": panel["rubric"]["id"]}}, "assessments": panel["assessments"],
                               "options": {"consensus": panel.get("consensus", [])}}))
report_file = work / "report.xlsx"
written = run("evaluate", str(request), "--format", "xlsx", "-o", str(report_file))
check(written.returncode == 0, f"igf-rubric evaluate --format xlsx writes the report ({written.stderr.strip()[:200] or 'no error'})")
result = json.loads(run("evaluate", str(request)).stdout)
report = openpyxl.load_workbook(report_file)
check(report.sheetnames == ["Ranking", "Scorecards", "Criteria", "Agreement", "Exclusions"], f"report sheets {report.sheetnames}")
ranking = report["Ranking"]
places = rubric["rounding"]["dp"]
totals_ok = True
for row, subject in enumerate(result["panel"]["subjects"], start=2):
    cell = ranking.cell(row=row, column=4)
    if subject.get("total"):
        want = subject["total"]["published"]
        totals_ok &= isinstance(cell.value, (int, float)) and f"{cell.value:.{places}f}" == want \
            and cell.number_format == "0." + "0" * places
    totals_ok &= ranking.cell(row=row, column=3).value == subject["subject"]["title"]
check(totals_ok, f"ranking totals are numbers equal to the result's, formatted at {places} places, beside the titles")
check(all(report[name].freeze_panes == "A2" and report[name].auto_filter.ref for name in report.sheetnames),
      "every report sheet has a frozen header and a filter")
cards = report["Scorecards"]
check(cards.max_row - 1 == len(result["scorecards"]), f"one scorecard row per scorecard ({cards.max_row - 1})")

# A zip bomb: a small file that unpacks to 300 MiB is refused before it is unpacked.
import zipfile

bomb = work / "bomb.xlsx"
with zipfile.ZipFile(bomb, "w", compression=zipfile.ZIP_DEFLATED) as z:
    with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as member:
        chunk = b"0" * (1 << 20)
        for _ in range(300):
            member.write(chunk)
refused = run("import", str(bomb), "--rubric", "bpf-proposal")
check(refused.returncode == 2 and "unpacks to" in refused.stderr,
      f"a {bomb.stat().st_size // 1024} KiB zip that unpacks to 300 MiB is refused: {refused.stderr.strip()}")

# A sheet that claims a billion cells with two: refused by the area its cells span.
wide = openpyxl.Workbook()
sheet = wide.active
sheet.title = "Scores"
sheet["A1"] = "Subject id [subject_id]"
for row in range(2, 400):
    sheet.cell(row=row, column=16384, value="x")
wide_file = work / "wide.xlsx"
wide.save(wide_file)
refused = run("import", str(wide_file), "--rubric", "bpf-proposal")
check(refused.returncode == 2 and "spans more than" in refused.stderr,
      f"a sheet whose cells span 400 rows of 16,384 columns is refused: {refused.stderr.strip()}")

print("all spreadsheet checks passed" if failures == 0 else f"{failures} spreadsheet check(s) failed")
sys.exit(1 if failures else 0)
