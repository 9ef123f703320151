// Writes the TypeScript declarations of every document type from the bundle schema, with
// json-schema-to-typescript (a generator this crate did not write), each type declared once.
//
// Run from the repository root:
//   node tests/contract/types.mjs            writes typescript/igf-rubric.d.ts
//   node tests/contract/types.mjs --check    fails when the committed file is stale

import { compile } from "json-schema-to-typescript";
import { readFileSync, writeFileSync } from "node:fs";

const target = "typescript/igf-rubric.d.ts";
const bundle = JSON.parse(readFileSync("schemas/igf-rubric.schema.json", "utf8"));

// A reference with sibling keywords (the description of the field that holds it) makes the
// generator declare a copy of the referenced type (`RubricRef1`); the field's description is
// kept as the comment of the field, and the reference left bare, so each type is declared once.
function bareReferences(schema) {
  if (Array.isArray(schema)) return schema.map(bareReferences);
  if (schema === null || typeof schema !== "object") return schema;
  if (typeof schema.$ref === "string") return { $ref: schema.$ref };
  return Object.fromEntries(
    Object.entries(withoutConditions(schema)).map(([k, v]) => [k, bareReferences(v)]),
  );
}

// A rule that holds only under a condition (`if`/`then`: a reason when an item is not
// accepted) has no TypeScript form; the type keeps the members, the schema the rule.
function withoutConditions(schema) {
  if (!Array.isArray(schema.allOf)) return schema;
  const allOf = schema.allOf.filter((part) => !(part && typeof part === "object" && "if" in part));
  const { allOf: _, ...rest } = schema;
  return allOf.length > 0 ? { ...rest, allOf } : rest;
}
const banner =
  "/* Generated from schemas/igf-rubric.schema.json by tests/contract/types.mjs\n" +
  " * (json-schema-to-typescript). Do not edit: regenerate with `node tests/contract/types.mjs`. */";
const text = await compile(bareReferences(bundle), "IgfRubricDocument", {
  bannerComment: banner,
  unreachableDefinitions: true,
  additionalProperties: false,
  strictIndexSignatures: true,
  format: true,
});

// Each type once: no `Name1` beside a `Name` (the generator's way of declaring a copy).
const names = [...text.matchAll(/^export (?:type|interface) (\w+)/gm)].map((m) => m[1]);
const copies = names.filter((n) => /\d$/.test(n) && names.includes(n.replace(/\d+$/, "")));
if (copies.length > 0) {
  console.error(`types declared twice: ${copies.join(", ")}`);
  process.exit(1);
}

if (process.argv.includes("--check")) {
  const committed = readFileSync(target, "utf8");
  if (committed !== text) {
    console.error(`${target} is stale: run \`node tests/contract/types.mjs\` and commit it`);
    process.exit(1);
  }
  console.log(`${target} is current: ${names.length} types, each declared once`);
} else {
  writeFileSync(target, text);
  console.log(`wrote ${target}`);
}
