// The reference front end of igf-rubric: an assessment form built from any rubric document,
// checked in the browser against the assessment schema (Ajv), scored by the crate through
// `POST /api/evaluate`, with every error shown beside its field; and a panel view.
//
// Plain DOM, no framework. The types are the crate's, generated from its JSON Schemas
// (typescript/igf-rubric.d.ts).

import type {
  Answer,
  AnswerValue,
  Assessment,
  CriterionResult,
  ErrorDetail,
  ErrorDocument,
  EvaluationRequest,
  EvaluationResult,
  Metric,
  Panel,
  PanelReport,
  Region,
  Role,
  Rubric,
  Scorecard,
  StakeholderGroup,
} from "../../typescript/igf-rubric";

// ---- The Ajv bundle (vendor/ajv2020.min.js) defines a global constructor.

interface AjvError {
  instancePath: string;
  message?: string;
}
interface AjvValidate {
  (data: unknown): boolean;
  errors?: AjvError[] | null;
}
interface AjvInstance {
  compile(schema: unknown): AjvValidate;
}
declare const ajv2020: { default: new (options: object) => AjvInstance };

// ---- Small DOM helpers.

type Attributes = Record<string, string>;

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Attributes = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value);
  for (const child of children) node.append(child);
  return node;
}

function byId<T extends HTMLElement>(id: string): T {
  const node = document.getElementById(id);
  if (!node) throw new Error(`missing element #${id}`);
  return node as T;
}

async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return (await response.json()) as T;
}

/** Announces a message to screen readers and shows it in the status line. */
function announce(text: string): void {
  byId("status").textContent = text;
}

// ---- Names people read, from the assessment schema (each value's description).

interface EnumSchema {
  oneOf?: { const?: string; enum?: string[]; description?: string }[];
}
let choices: Record<string, [string, string][]> = {};

function readChoices(schema: { $defs?: Record<string, EnumSchema> }): void {
  choices = {};
  for (const name of ["StakeholderGroup", "Region", "Role"]) {
    const options: [string, string][] = [];
    for (const branch of schema.$defs?.[name]?.oneOf ?? []) {
      const values = branch.const !== undefined ? [branch.const] : (branch.enum ?? []);
      for (const v of values) options.push([v, (branch.description ?? v).replace(/\.$/, "")]);
    }
    choices[name] = options;
  }
}

// ---- The form.

interface Leaf {
  id: string;
  name: string;
  metric: Metric;
  allowNotApplicable: boolean;
}

let rubric: Rubric | null = null;
let validateAssessment: AjvValidate | null = null;
/** The criterion id of each answer, in the order the last request sent them. */
let sentAnswers: string[] = [];

function fieldId(...parts: string[]): string {
  return ["f", ...parts].join("-").replace(/[^A-Za-z0-9_-]/g, "_");
}

/** A labelled control with an error slot below it. */
function labelled(id: string, label: string, control: HTMLElement, hint?: string): HTMLElement {
  control.id = id;
  const wrapper = el("div", { class: "field", "data-field": id }, el("label", { for: id }, label), control);
  if (hint) {
    const hintId = `${id}-hint`;
    wrapper.append(el("p", { class: "hint", id: hintId }, hint));
    control.setAttribute("aria-describedby", hintId);
  }
  wrapper.append(el("p", { class: "error", id: `${id}-error`, role: "alert" }));
  return wrapper;
}

function select(options: [string, string][]): HTMLSelectElement {
  const node = el("select");
  for (const [value, label] of options) node.append(el("option", { value }, label));
  return node;
}

function metricControl(leaf: Leaf): HTMLElement {
  const id = fieldId(leaf.id);
  const metric = leaf.metric;
  switch (metric.type) {
    case "scale": {
      const input = el("input", {
        type: "number",
        min: String(metric.min),
        max: String(metric.max),
        step: String(metric.step ?? 1),
        inputmode: "decimal",
      });
      const better = metric.direction === "lower_is_better" ? "lower is better" : "higher is better";
      return labelled(id, leaf.name, input, `From ${metric.min} to ${metric.max} in steps of ${metric.step ?? 1}; ${better}.`);
    }
    case "levels": {
      const group = el("fieldset", { class: "field levels", "data-field": id, id },
        el("legend", {}, leaf.name));
      metric.levels.forEach((level, n) => {
        const optionId = `${id}-${n}`;
        const radio = el("input", { type: "radio", name: id, value: level.id, id: optionId });
        const text = level.descriptor ? `${level.label}: ${level.descriptor}` : level.label;
        group.append(el("div", { class: "option" }, radio, el("label", { for: optionId }, text)));
      });
      group.append(el("p", { class: "error", id: `${id}-error`, role: "alert" }));
      return group;
    }
    case "yes_no": {
      const group = el("fieldset", { class: "field yes-no", "data-field": id, id }, el("legend", {}, leaf.name));
      for (const [value, text] of [["yes", "Yes"], ["no", "No"]] as const) {
        const optionId = `${id}-${value}`;
        group.append(el("div", { class: "option" },
          el("input", { type: "radio", name: id, value, id: optionId }),
          el("label", { for: optionId }, text)));
      }
      group.append(el("p", { class: "error", id: `${id}-error`, role: "alert" }));
      return group;
    }
    case "count":
      return labelled(id, leaf.name, el("input", { type: "number", min: "0", step: "1", inputmode: "numeric" }),
        `A whole number; ${metric.target} earns the full score.`);
    case "percent":
      return labelled(id, leaf.name, el("input", { type: "number", min: "0", max: "100", step: "any", inputmode: "decimal" }),
        "A percentage from 0 to 100.");
    case "distribution": {
      const group = el("fieldset", { class: "field distribution", "data-field": id, id }, el("legend", {}, leaf.name));
      for (const category of metric.categories) {
        const inputId = `${id}-${category}`;
        group.append(el("div", { class: "option" },
          el("label", { for: inputId }, category.replace(/_/g, " ")),
          el("input", { type: "number", min: "0", step: "1", id: inputId, "data-category": category })));
      }
      group.append(el("p", { class: "error", id: `${id}-error`, role: "alert" }));
      return group;
    }
    case "text":
      return labelled(id, leaf.name, el("textarea", { rows: "2" }));
  }
}

/** The leaves of the criteria tree, each in its group's fieldset. */
function criteriaSection(criteria: Rubric["criteria"], leaves: Leaf[]): HTMLElement {
  const section = el("div", { class: "criteria" });
  for (const criterion of criteria) {
    if (criterion.criteria && criterion.criteria.length > 0) {
      const group = el("fieldset", { class: "group" }, el("legend", {}, criterion.name));
      if (criterion.description) group.append(el("p", { class: "hint" }, criterion.description));
      group.append(criteriaSection(criterion.criteria, leaves));
      section.append(group);
      continue;
    }
    if (!criterion.metric) continue;
    const leaf: Leaf = {
      id: criterion.id,
      name: criterion.name,
      metric: criterion.metric,
      allowNotApplicable: criterion.allow_not_applicable === true,
    };
    leaves.push(leaf);
    const box = el("div", { class: "criterion", "data-criterion": criterion.id });
    box.append(metricControl(leaf));
    if (criterion.description) box.append(el("p", { class: "hint" }, criterion.description));
    const unableId = fieldId(criterion.id, "unable");
    box.append(el("div", { class: "option" },
      el("input", { type: "checkbox", id: unableId }),
      el("label", { for: unableId }, "Unable to assess")));
    if (leaf.allowNotApplicable) {
      const naId = fieldId(criterion.id, "na");
      box.append(el("div", { class: "option" },
        el("input", { type: "checkbox", id: naId }),
        el("label", { for: naId }, "Not applicable")));
    }
    const commentId = fieldId(criterion.id, "comment");
    box.append(labelled(commentId, `Comment on ${criterion.name}`, el("input", { type: "text" })));
    section.append(box);
  }
  return section;
}

let leaves: Leaf[] = [];

function buildForm(doc: Rubric): void {
  rubric = doc;
  leaves = [];
  const form = byId<HTMLFormElement>("assessment-form");
  form.replaceChildren();
  form.append(el("h2", {}, doc.title));
  if (doc.description) form.append(el("p", { class: "hint" }, doc.description));

  const who = el("fieldset", { class: "group" }, el("legend", {}, "Subject and assessor"));
  who.append(
    labelled("f-subject-id", "Subject id", el("input", { type: "text", value: "bpf-new-proposal" })),
    labelled("f-subject-title", "Subject title", el("input", { type: "text", value: "" })),
    labelled("f-subject-year", "Year", el("input", { type: "number", value: String(new Date().getFullYear()), step: "1" })),
    labelled("f-assessor-id", "Assessor id", el("input", { type: "text", value: "" })),
    labelled("f-assessor-group", "Stakeholder group", select(choices["StakeholderGroup"] ?? [])),
    labelled("f-assessor-region", "Region", select(choices["Region"] ?? [])),
    labelled("f-assessor-role", "Role", select(choices["Role"] ?? [])),
  );
  const coi = el("fieldset", { class: "group" }, el("legend", {}, "Conflict of interest"));
  coi.append(
    el("div", { class: "option" }, el("input", { type: "checkbox", id: "f-coi" }),
      el("label", { for: "f-coi" }, "I have a conflict of interest with this subject")),
    labelled("f-coi-statement", "Statement (if any)", el("input", { type: "text" })),
  );
  form.append(who, coi, criteriaSection(doc.criteria, leaves));

  const lessons = el("fieldset", { class: "group" }, el("legend", {}, "The three BPF questions"));
  lessons.append(
    labelled("f-worked-well", "What worked well?", el("textarea", { rows: "2" })),
    labelled("f-worked-less-well", "What worked less well?", el("textarea", { rows: "2" })),
    labelled("f-do-differently", "With hindsight, what would you do differently?", el("textarea", { rows: "2" })),
  );
  form.append(lessons, el("button", { type: "submit", id: "score-button" }, "Score this assessment"));
  byId("scorecard").replaceChildren();
}

function value(id: string): string {
  const node = document.getElementById(id) as HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement | null;
  return node ? node.value.trim() : "";
}

function checked(id: string): boolean {
  const node = document.getElementById(id) as HTMLInputElement | null;
  return node ? node.checked : false;
}

/** A number as typed, kept as its text so the crate reads it exactly. */
function decimalText(text: string): string | number {
  return text === "" ? Number.NaN : text;
}

function answerOf(leaf: Leaf): AnswerValue | null {
  const id = fieldId(leaf.id);
  if (checked(fieldId(leaf.id, "na"))) return "not_applicable";
  if (checked(fieldId(leaf.id, "unable"))) return "unable_to_assess";
  const metric = leaf.metric;
  switch (metric.type) {
    case "scale": {
      const text = value(id);
      return text === "" ? null : { scale: decimalText(text) };
    }
    case "percent": {
      const text = value(id);
      return text === "" ? null : { percent: decimalText(text) };
    }
    case "count": {
      const text = value(id);
      return text === "" ? null : { count: Number(text) };
    }
    case "levels": {
      const picked = document.querySelector<HTMLInputElement>(`input[name="${id}"]:checked`);
      return picked ? { level: picked.value } : null;
    }
    case "yes_no": {
      const picked = document.querySelector<HTMLInputElement>(`input[name="${id}"]:checked`);
      return picked ? { yes_no: picked.value === "yes" } : null;
    }
    case "distribution": {
      const counts: Record<string, number> = {};
      let any = false;
      for (const input of document.querySelectorAll<HTMLInputElement>(`#${id} input[data-category]`)) {
        if (input.value.trim() === "") continue;
        counts[input.dataset["category"] ?? ""] = Number(input.value);
        any = true;
      }
      return any ? { distribution: counts } : null;
    }
    case "text": {
      const text = value(id);
      return text === "" ? null : { text };
    }
  }
}

function readForm(doc: Rubric): Assessment {
  const answers: Answer[] = [];
  for (const leaf of leaves) {
    const answer = answerOf(leaf);
    if (answer === null) continue;
    const comment = value(fieldId(leaf.id, "comment"));
    answers.push(comment ? { criterion: leaf.id, value: answer, comment } : { criterion: leaf.id, value: answer });
  }
  const statement = value("f-coi-statement");
  const lesson = (id: string): string | null => value(id) || null;
  return {
    rubric: { id: doc.id, version: doc.version },
    kind: doc.kind,
    subject: { id: value("f-subject-id"), title: value("f-subject-title"), year: Number(value("f-subject-year")) },
    assessor: {
      id: value("f-assessor-id"),
      stakeholder_group: value("f-assessor-group") as StakeholderGroup,
      region: value("f-assessor-region") as Region,
      role: value("f-assessor-role") as Role,
    },
    conflict_of_interest: statement
      ? { declared: checked("f-coi"), statement }
      : { declared: checked("f-coi") },
    answers,
    lessons: {
      worked_well: lesson("f-worked-well"),
      worked_less_well: lesson("f-worked-less-well"),
      do_differently: lesson("f-do-differently"),
    },
  };
}

// ---- Errors beside their fields.

function clearErrors(): void {
  for (const slot of document.querySelectorAll<HTMLElement>("#assessment-form .error")) slot.textContent = "";
  for (const field of document.querySelectorAll<HTMLElement>("#assessment-form [aria-invalid]")) {
    field.removeAttribute("aria-invalid");
  }
}

/** The form field a JSON Pointer into the assessment names. */
function fieldFor(pointer: string): string {
  const parts = pointer.split("/").filter((p) => p !== "");
  if (parts[0] === "answers" && parts[1] !== undefined) {
    const criterion = sentAnswers[Number(parts[1])];
    if (criterion !== undefined) return parts[2] === "comment" ? fieldId(criterion, "comment") : fieldId(criterion);
  }
  const known: Record<string, string> = {
    "subject/id": "f-subject-id",
    "subject/title": "f-subject-title",
    "subject/year": "f-subject-year",
    "assessor/id": "f-assessor-id",
    "assessor/stakeholder_group": "f-assessor-group",
    "assessor/region": "f-assessor-region",
    "assessor/role": "f-assessor-role",
    "conflict_of_interest/statement": "f-coi-statement",
  };
  return known[parts.slice(0, 2).join("/")] ?? "form";
}

function showError(field: string, message: string): void {
  const slot = document.getElementById(`${field}-error`) ?? byId("form-error");
  slot.textContent = slot.textContent ? `${slot.textContent} ${message}` : message;
  document.getElementById(field)?.setAttribute("aria-invalid", "true");
}

function showErrors(errors: { pointer: string; message: string }[]): void {
  for (const error of errors) showError(fieldFor(error.pointer), error.message);
  announce(`${errors.length} problem${errors.length === 1 ? "" : "s"} to fix before scoring.`);
  const first = document.querySelector<HTMLElement>("#assessment-form [aria-invalid]");
  first?.focus();
}

// ---- Scoring.

/** Sends a request to the crate: the result, or the error document. */
async function evaluate(request: EvaluationRequest): Promise<EvaluationResult | ErrorDocument> {
  const response = await fetch("/api/evaluate", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(request),
  });
  return (await response.json()) as EvaluationResult | ErrorDocument;
}

/** An answer as people read it. */
function answerText(answer: CriterionResult["answer"]): string {
  if (answer === undefined || answer === null) return "";
  if (typeof answer === "string") return answer.replace(/_/g, " ");
  if ("yes_no" in answer) return answer.yes_no ? "yes" : "no";
  if ("scale" in answer) return String(answer.scale);
  if ("level" in answer) return answer.level;
  if ("count" in answer) return String(answer.count);
  if ("percent" in answer) return `${answer.percent} %`;
  if ("distribution" in answer) {
    return Object.entries(answer.distribution).map(([k, n]) => `${k.replace(/_/g, " ")}: ${n}`).join(", ");
  }
  return answer.text;
}

/** A long exact decimal shown to four places, the exact value kept in its title. */
function shortNumber(text: string | null | undefined): HTMLElement {
  const value = text ?? "";
  const places = value.split(".")[1]?.length ?? 0;
  const shown = places > 4 ? Number(value).toFixed(4) : value;
  return el("td", { class: "num", title: value }, shown);
}

function pointsRows(results: CriterionResult[], depth: number, rows: HTMLElement[]): void {
  for (const result of results) {
    rows.push(el("tr", { "data-criterion": result.id },
      el("td", { style: `padding-left: ${depth * 1.2}em` }, result.name),
      el("td", {}, answerText(result.answer)),
      shortNumber(result.normalised),
      shortNumber(result.effective_weight),
      el("td", { class: "num" }, result.contribution.published),
      el("td", {}, result.status.replace(/_/g, " ") + (result.comment ? ` — ${result.comment}` : ""))));
    if (result.criteria) pointsRows(result.criteria, depth + 1, rows);
  }
}

function showScorecard(card: Scorecard): void {
  const out = byId("scorecard");
  const total = card.total?.published ?? "no total";
  const band = card.band?.label ?? "no band";
  const rows: HTMLElement[] = [];
  pointsRows(card.criteria, 0, rows);
  out.replaceChildren(
    el("h2", {}, "Scorecard"),
    el("p", { class: "total" }, "Total: ", el("strong", { id: "total" }, total),
      ` on ${card.scale.min}..${card.scale.max}; band: `, el("strong", { id: "band" }, band),
      card.eligible ? "; eligible." : "; not eligible."),
    el("h3", {}, "Gates"),
    el("ul", { id: "gates" }, ...card.gates.map((g) =>
      el("li", { class: g.passed ? "pass" : "fail" }, `${g.passed ? "Passed" : "Failed"}: ${g.label}. ${g.reason}`))),
    el("h3", {}, "Criteria"),
    el("table", { id: "points" },
      el("thead", {}, el("tr", {}, ...["Criterion", "Answer", "Normalised", "Effective weight", "Points", "Status"]
        .map((h) => el("th", { scope: "col" }, h)))),
      el("tbody", {}, ...rows)),
    el("h3", {}, "Explanation"),
    el("ul", { id: "flags" }, ...card.flags.map((f) => el("li", {}, f.message))),
  );
  announce(`Scored: total ${total}, band ${band}.`);
}

async function submitAssessment(event: Event): Promise<void> {
  event.preventDefault();
  if (!rubric || !validateAssessment) return;
  clearErrors();
  const assessment = readForm(rubric);
  sentAnswers = assessment.answers.map((a) => a.criterion);
  if (!validateAssessment(assessment)) {
    showErrors((validateAssessment.errors ?? []).map((e) => ({
      pointer: e.instancePath,
      message: `${e.message ?? "is not valid"} (checked in the browser)`,
    })));
    return;
  }
  const request: EvaluationRequest = {
    rubric: { document: rubric },
    assessments: [assessment],
    options: { review: false },
  };
  const body = await evaluate(request);
  if ("errors" in body) {
    showErrors(body.errors.map((e: ErrorDetail) => ({
      pointer: e.pointer.replace(/^\/assessments\/0/, ""),
      message: e.message + (e.suggestions && e.suggestions.length > 0 ? ` Did you mean ${e.suggestions.join(" or ")}?` : ""),
    })));
    return;
  }
  const card = body.scorecards[0];
  if (card) showScorecard(card);
}

// ---- The panel view.

function showPanel(report: PanelReport): void {
  const out = byId("panel-report");
  const rows = report.subjects.map((s) =>
    el("tr", { "data-subject": s.subject.id },
      el("td", { class: "num" }, s.rank === undefined || s.rank === null ? "-" : String(s.rank)),
      el("th", { scope: "row" }, s.subject.title),
      el("td", { class: "num" }, s.total?.published ?? "-"),
      el("td", { class: "num" }, s.spread ? `${s.spread.min}–${s.spread.max}` : "-"),
      el("td", {}, s.band?.label ?? ""),
      el("td", {}, s.decision.selected ? "Selected" : "Not selected"),
      el("td", {}, s.decision.explanation)));
  const r = report.reliability;
  const coefficient = (c: { value?: number | null; note?: string | null; interpretation?: string | null }): string =>
    c.value === undefined || c.value === null ? (c.note ?? "no value") : `${c.value.toFixed(3)} (${c.interpretation ?? ""})`;
  out.replaceChildren(
    el("h2", {}, "Panel review"),
    el("p", {}, "Selected: ", el("strong", { id: "selected" }, report.selected.join(", ") || "none")),
    el("table", { id: "ranking" },
      el("thead", {}, el("tr", {}, ...["Rank", "Subject", "Total", "Spread", "Band", "Decision", "Why"]
        .map((h) => el("th", { scope: "col" }, h)))),
      el("tbody", {}, ...rows)),
    el("h3", {}, "Reliability"),
    el("ul", { id: "reliability" },
      el("li", {}, `Krippendorff's alpha of the totals: ${coefficient(r.totals_alpha)}`),
      ...(r.bands_alpha ? [el("li", {}, `Alpha of the bands: ${coefficient(r.bands_alpha)}`)] : []),
      ...(r.totals_icc ?? []).map((icc) => el("li", {}, `${icc.name}: ${icc.value.toFixed(3)} (${icc.interpretation})`)),
      ...(r.icc_note ? [el("li", {}, r.icc_note)] : [])),
  );
  announce(`Panel reviewed: ${report.subjects.length} subjects, ${report.selected.length} selected.`);
}

async function reviewPanel(panel: Panel): Promise<void> {
  const request: EvaluationRequest = {
    rubric: { preset: { id: panel.rubric.id as "bpf-proposal" } },
    assessments: panel.assessments,
    options: panel.rules ? { rules: panel.rules, consensus: panel.consensus ?? [] } : { consensus: panel.consensus ?? [] },
  };
  // A rubric the server holds (a preset or one given with --rubric) travels as a document.
  const served = await getJson<{ id: string }[]>("/api/rubrics");
  if (served.some((r) => r.id === panel.rubric.id)) {
    request.rubric = { document: await getJson<Rubric>(`/api/rubrics/${encodeURIComponent(panel.rubric.id)}`) };
  }
  const body = await evaluate(request);
  if ("errors" in body) {
    byId("panel-report").replaceChildren(el("h2", {}, "The panel cannot be reviewed"),
      el("ul", {}, ...body.errors.map((e) => el("li", {}, `${e.path}: ${e.message}`))));
    announce(`The panel has ${body.errors.length} problem(s).`);
    return;
  }
  if (body.panel) showPanel(body.panel);
}

// ---- Start.

async function start(): Promise<void> {
  const Ajv = ajv2020.default;
  const schema = await getJson<{ $defs?: Record<string, EnumSchema> }>("/api/schemas/assessment");
  readChoices(schema);
  validateAssessment = new Ajv({ strict: true, allErrors: true }).compile(schema);
  const list = await getJson<{ id: string; version: string; title: string }[]>("/api/rubrics");
  const picker = byId<HTMLSelectElement>("rubric-picker");
  for (const r of list) picker.append(el("option", { value: r.id }, `${r.title} (${r.id} ${r.version})`));
  const load = async (): Promise<void> => buildForm(await getJson<Rubric>(`/api/rubrics/${encodeURIComponent(picker.value)}`));
  picker.addEventListener("change", () => void load());
  picker.value = list.some((r) => r.id === "bpf-proposal") ? "bpf-proposal" : (list[0]?.id ?? "");
  await load();
  byId<HTMLFormElement>("assessment-form").addEventListener("submit", (e) => void submitAssessment(e));
  byId("sample-panel").addEventListener("click", () =>
    void getJson<Panel>("/api/samples/mag-panel").then(reviewPanel));
  byId<HTMLInputElement>("panel-file").addEventListener("change", (event) => {
    const file = (event.target as HTMLInputElement).files?.[0];
    if (file) void file.text().then((text) => reviewPanel(JSON.parse(text) as Panel));
  });
  document.body.dataset["ready"] = "true";
}

void start();
