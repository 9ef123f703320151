// A front end's side of the contract, typed with the generated declarations: build an
// evaluation request, send it (here: hand it to a function), read the result or the errors.
// Compiled with `tsc --strict` in CI (tests/contract/tsconfig.json).

import type {
  Answer,
  Assessment,
  ErrorDocument,
  EvaluationRequest,
  EvaluationResult,
  Scorecard,
} from "./igf-rubric";

/** One MAG member's assessment of one proposal, as a form would collect it. */
const answers: Answer[] = [
  { criterion: "G1", value: { yes_no: true } },
  { criterion: "P1", value: { scale: "4" }, comment: "Clear link to the IGF theme." },
  { criterion: "P2", value: { level: "defined" } },
  { criterion: "P5a", value: { distribution: { civil_society: 3, government: 2 } } },
  { criterion: "P6", value: { count: 3 } },
  { criterion: "P7", value: "unable_to_assess" },
];

const assessment: Assessment = {
  rubric: { id: "bpf-proposal", version: "1.0.0" },
  kind: "proposal",
  subject: { id: "bpf-ai-2026", title: "Artificial intelligence and data governance", year: 2026 },
  assessor: { id: "mag-11", stakeholder_group: "civil_society", region: "african", role: "mag_member" },
  conflict_of_interest: { declared: false },
  answers,
  lessons: { worked_well: "Early start", worked_less_well: null, do_differently: null },
};

export const request: EvaluationRequest = {
  schema_version: 1,
  rubric: { preset: { id: "bpf-proposal" } },
  assessments: [assessment],
  options: { review: true, rules: { capacity: 2, min_assessors: 1 }, reliability: ["totals_alpha"] },
};

/** One line per scorecard: subject, total and band, or why there is no total. */
export function summarise(card: Scorecard): string {
  const total = card.total?.published ?? "no total";
  const band = card.band?.label ?? "no band";
  return `${card.subject.title}: ${total} (${band})${card.eligible ? "" : ", not eligible"}`;
}

/** Reads what the crate returned: a result, or an error document whose errors a form places. */
export function read(response: EvaluationResult | ErrorDocument): string[] {
  if ("errors" in response) {
    return response.errors.map(
      (e) => `${e.pointer || "/"}: ${e.message} [${e.code}]${e.suggestions?.length ? ` (${e.suggestions.join(", ")}?)` : ""}`,
    );
  }
  const lines = response.scorecards.map(summarise);
  for (const subject of response.panel?.subjects ?? []) {
    lines.push(`#${subject.rank ?? "-"} ${subject.subject.id}: ${subject.decision.explanation}`);
  }
  return lines;
}
