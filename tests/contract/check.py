"""Checks the crate's JSON contract with Python's jsonschema, a validator the crate did not write.

Every schema in schemas/ must be a valid 2020-12 schema; every valid document of
tests/contract/manifest.json must validate against its schema; every invalid one must be
rejected, except those marked "loader_only" (rules JSON Schema cannot state), which must be
accepted. Prints the counts; exits 1 on any mismatch.

Run from the repository root, in a virtual environment with the pinned jsonschema:
    python3 -m venv ../venv-contract && ../venv-contract/bin/pip install -r tests/contract/requirements.txt
    ../venv-contract/bin/python tests/contract/check.py
"""

import json
import sys
from importlib.metadata import version
from pathlib import Path

from jsonschema import Draft202012Validator


def read(path):
    return json.loads(Path(path).read_text(encoding="utf-8"))


def main():
    failures = []
    validators = {}
    names = sorted(p.name for p in Path("schemas").glob("*.json"))
    for name in names:
        schema = read(f"schemas/{name}")
        try:
            Draft202012Validator.check_schema(schema)
            validators[name] = Draft202012Validator(schema)
        except Exception as error:  # noqa: BLE001 - report every schema that fails
            failures.append(f"{name} is not a valid schema: {error}")

    manifest = read("tests/contract/manifest.json")
    valid = 0
    for entry in manifest["valid"]:
        validator = validators.get(entry["schema"])
        if validator and validator.is_valid(read(entry["file"])):
            valid += 1
        else:
            failures.append(f"{entry['file']} should be valid")

    rejected = loader_only = 0
    for entry in manifest["invalid"]:
        validator = validators.get(entry["schema"])
        accepted = validator.is_valid(read(entry["file"])) if validator else True
        if entry["loader_only"]:
            if accepted:
                loader_only += 1
            else:
                failures.append(f"{entry['file']} ({entry['rule']}) is marked loader only, but jsonschema rejects it")
        elif not accepted:
            rejected += 1
        else:
            failures.append(f"{entry['file']} ({entry['rule']}) is accepted by jsonschema")

    print(
        f"Python jsonschema {version('jsonschema')} (Draft 2020-12): {len(validators)} of {len(names)} schemas valid; "
        f"{valid} of {len(manifest['valid'])} valid documents accepted; "
        f"{rejected} invalid documents rejected, {loader_only} loader-only documents accepted, "
        f"of {len(manifest['invalid'])}"
    )
    if failures:
        print("\n".join(failures), file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
