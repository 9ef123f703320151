// Checks the crate's JSON contract with Ajv, a validator the crate did not write.
//
// Every schema in schemas/ must compile with Ajv's 2020-12 dialect in strict mode and no other
// options; every valid document of tests/contract/manifest.json must validate against its
// schema; every invalid one must be rejected, except those marked "loader_only" (rules JSON
// Schema cannot state), which must be accepted. Prints the counts; exits 1 on any mismatch.
//
// Run from the repository root: node tests/contract/check.mjs

import Ajv2020 from "ajv/dist/2020.js";
import { readFileSync, readdirSync } from "node:fs";

const read = (path) => JSON.parse(readFileSync(path, "utf8"));
const failures = [];
const validators = {};
const names = readdirSync("schemas").filter((name) => name.endsWith(".json")).sort();
for (const name of names) {
  try {
    validators[name] = new Ajv2020({ strict: true }).compile(read(`schemas/${name}`));
  } catch (error) {
    failures.push(`${name} does not compile: ${error.message}`);
  }
}

const manifest = read("tests/contract/manifest.json");
let valid = 0;
for (const { file, schema } of manifest.valid) {
  const validate = validators[schema];
  if (validate && validate(read(file))) {
    valid += 1;
  } else {
    failures.push(`${file} should be valid: ${JSON.stringify(validate?.errors?.slice(0, 2))}`);
  }
}

let rejected = 0;
let loaderOnly = 0;
for (const { file, schema, rule, loader_only: why } of manifest.invalid) {
  const validate = validators[schema];
  const accepted = validate ? validate(read(file)) : true;
  if (why) {
    if (accepted) loaderOnly += 1;
    else failures.push(`${file} (${rule}) is marked loader only, but Ajv rejects it`);
  } else if (!accepted) {
    rejected += 1;
  } else {
    failures.push(`${file} (${rule}) is accepted by Ajv`);
  }
}

console.log(
  `Ajv (strict, 2020-12): ${Object.keys(validators).length} of ${names.length} schemas compile; ` +
    `${valid} of ${manifest.valid.length} valid documents accepted; ` +
    `${rejected} invalid documents rejected, ${loaderOnly} loader-only documents accepted, ` +
    `of ${manifest.invalid.length}`,
);
if (failures.length > 0) {
  console.error(failures.join("\n"));
  process.exit(1);
}
