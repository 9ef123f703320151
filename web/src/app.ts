// The reference front end of igf-rubric: an assessment form built from any rubric document,
// checked and scored by the crate (`POST /api/views`, as the user goes), with every problem
// shown once beside its field in the crate's words; the scorecard and the panel review as the
// crate's own reports render them; documents brought by upload or paste; a draft kept in the
// browser.
//
// Plain DOM, no framework. The types are the crate's, generated from its JSON Schemas
// (typescript/igf-rubric.d.ts).

import type {
  Answer,
  AnswerValue,
  Assessment,
  ErrorDetail,
  ErrorDocument,
  EvaluationRequest,
  EvaluationResult,
  Metric,
  Panel,
  Region,
  Role,
  Rubric,
  StakeholderGroup,
} from "../../typescript/igf-rubric";

// ---- What the server answers (`POST /api/views`).

interface Rendered {
  html: string;
  markdown: string;
  csv: string;
}
interface Views {
  result: EvaluationResult;
  scorecards: (Rendered & { subject: string; assessor: string })[];
  panel: (Rendered & { svg: string }) | null;
}

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

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Sends a request to the crate: the views of its result, or the error document. */
async function views(request: EvaluationRequest): Promise<Views | ErrorDocument> {
  const response = await fetch("/api/views", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(request),
  });
  return (await response.json()) as Views | ErrorDocument;
}

/** A link that downloads `text` as a file. */
function download(label: string, name: string, type: string, text: string): HTMLAnchorElement {
  const url = URL.createObjectURL(new Blob([text], { type }));
  return el("a", { class: "button secondary", href: url, download: name }, label);
}

/** An HTML fragment the crate rendered from its own Markdown report. */
function rendered(html: string): HTMLElement {
  const box = el("div", { class: "report" });
  box.innerHTML = html;
  return box;
}

// ---- Names people read, from the assessment schema (each value's description).

interface EnumSchema {
  oneOf?: { const?: string; enum?: string[]; description?: string }[];
}
const names = new Map<string, string>();
let choices: Record<string, [string, string][]> = {};

function readChoices(schema: { $defs?: Record<string, EnumSchema> }): void {
  choices = {};
  for (const kind of ["StakeholderGroup", "Region", "Role"]) {
    const options: [string, string][] = [];
    for (const branch of schema.$defs?.[kind]?.oneOf ?? []) {
      const values = branch.const !== undefined ? [branch.const] : (branch.enum ?? []);
      for (const v of values) {
        const label = (branch.description ?? v).replace(/\.$/, "");
        options.push([v, label]);
        if (kind !== "Role") names.set(v, label);
      }
    }
    choices[kind] = options;
  }
}

/** A category's name: a stakeholder group's or a region's, else the id in words. */
function categoryName(id: string): string {
  return names.get(id) ?? id.replace(/_/g, " ");
}

// ---- The form.

interface Leaf {
  id: string;
  name: string;
  metric: Metric;
  allowNotApplicable: boolean;
}

let rubric: Rubric | null = null;
let leaves: Leaf[] = [];
/** The criterion id of each answer, in the order the last request sent them. */
let sentAnswers: string[] = [];
/** Whether the form was sent once: from then on it is checked as the user goes. */
let checking = false;

function fieldId(...parts: string[]): string {
  return ["f", ...parts].join("-").replace(/[^A-Za-z0-9_-]/g, "_");
}

function errorSlot(id: string): HTMLElement {
  return el("p", { class: "error", id: `${id}-error` });
}

/** A labelled control with a hint and an error slot below it. */
function labelled(id: string, label: string, control: HTMLElement, hint?: string): HTMLElement {
  control.id = id;
  const wrapper = el("div", { class: "field", "data-field": id }, el("label", { for: id }, label), control);
  const described = [`${id}-error`];
  if (hint) {
    wrapper.append(el("p", { class: "hint", id: `${id}-hint` }, hint));
    described.unshift(`${id}-hint`);
  }
  control.setAttribute("aria-describedby", described.join(" "));
  wrapper.append(errorSlot(id));
  return wrapper;
}

function select(options: [string, string][]): HTMLSelectElement {
  const node = el("select");
  for (const [value, label] of options) node.append(el("option", { value }, label));
  return node;
}

/** A fieldset of radio buttons, one per option. */
function radios(id: string, legend: string, options: [string, string][]): HTMLElement {
  const group = el("fieldset", { class: "field choices", "data-field": id, id, "aria-describedby": `${id}-error` },
    el("legend", {}, legend));
  options.forEach(([value, text]) => {
    const optionId = `${id}-${value}`.replace(/[^A-Za-z0-9_-]/g, "_");
    group.append(el("div", { class: "option" },
      el("input", { type: "radio", name: id, value, id: optionId }),
      el("label", { for: optionId }, text)));
  });
  group.append(errorSlot(id));
  return group;
}

function metricControl(leaf: Leaf): HTMLElement {
  const id = fieldId(leaf.id);
  const metric = leaf.metric;
  switch (metric.type) {
    case "scale": {
      const input = el("input", { type: "number", min: String(metric.min), max: String(metric.max),
        step: String(metric.step ?? 1), inputmode: "decimal" });
      const better = metric.direction === "lower_is_better" ? "lower is better" : "higher is better";
      return labelled(id, leaf.name, input, `From ${metric.min} to ${metric.max} in steps of ${metric.step ?? 1}; ${better}.`);
    }
    case "levels":
      return radios(id, leaf.name, metric.levels.map((l) => [l.id, l.descriptor ? `${l.label}: ${l.descriptor}` : l.label]));
    case "yes_no":
      return radios(id, leaf.name, [["yes", "Yes"], ["no", "No"]]);
    case "count": {
      const curve = metric.curve === "all_or_nothing" ? "none below" : "in proportion below";
      return labelled(id, leaf.name, el("input", { type: "number", min: "0", step: "1", inputmode: "numeric" }),
        `A whole number; ${metric.target} or more earns the full score, ${curve}.`);
    }
    case "percent":
      return labelled(id, leaf.name, el("input", { type: "number", min: "0", max: "100", step: "any", inputmode: "decimal" }),
        `A percentage from 0 to 100; ${metric.target} % earns the full score.`);
    case "distribution": {
      const group = el("fieldset", { class: "field distribution", "data-field": id, id, "aria-describedby": `${id}-error` },
        el("legend", {}, leaf.name));
      const grid = el("div", { class: "counts" });
      for (const category of metric.categories) {
        const inputId = `${id}-${category}`;
        grid.append(el("label", { for: inputId }, categoryName(category)),
          el("input", { type: "number", min: "0", step: "1", inputmode: "numeric", id: inputId, "data-category": category }));
      }
      const measure = metric.measure === "evenness"
        ? `an evenness of ${metric.target} (1 is a perfectly even spread) earns the full score`
        : `${metric.target} of the ${metric.categories.length} categories covered earns the full score`;
      group.append(el("p", { class: "hint" }, `How many in each; ${measure}.`), grid, errorSlot(id));
      return group;
    }
    case "text":
      return labelled(id, leaf.name, el("textarea", { rows: "3" }));
  }
}

/** "Unable to assess" and, where allowed, "Not applicable": ticking one unticks the other and
 * sets the answer aside (kept, and said so) until it is unticked. */
function cannotAnswer(leaf: Leaf, box: HTMLElement): HTMLElement {
  const wrapper = el("div", { class: "cannot" });
  const options: [string, string][] = [["unable", "Unable to assess"]];
  if (leaf.allowNotApplicable) options.push(["na", "Not applicable"]);
  const boxes = options.map(([key, label]) => {
    const id = fieldId(leaf.id, key);
    const input = el("input", { type: "checkbox", id, "data-cannot": key });
    wrapper.append(el("div", { class: "option" }, input, el("label", { for: id }, label)));
    return input;
  });
  const kept = el("p", { class: "kept", id: fieldId(leaf.id, "kept"), "aria-live": "polite" });
  wrapper.append(kept);
  for (const input of boxes) {
    input.addEventListener("change", () => {
      if (input.checked) for (const other of boxes) if (other !== input) other.checked = false;
      setAside(leaf, box);
    });
  }
  return wrapper;
}

/** Disables a criterion's answer while it cannot be answered, and says what is kept. */
function setAside(leaf: Leaf, box: HTMLElement): void {
  const aside = checked(fieldId(leaf.id, "unable")) || checked(fieldId(leaf.id, "na"));
  const controls = box.querySelectorAll<HTMLInputElement>(`[data-field="${fieldId(leaf.id)}"] input, [data-field="${fieldId(leaf.id)}"] textarea`);
  for (const control of controls) control.disabled = aside;
  const typed = answerText(leaf);
  byId(fieldId(leaf.id, "kept")).textContent = aside && typed
    ? `Your answer (${typed}) is kept but not sent while this is ticked; untick to use it again.`
    : "";
}

/** The leaves of the criteria tree, each in its group's fieldset. */
function criteriaSection(criteria: Rubric["criteria"]): HTMLElement {
  const section = el("div", { class: "criteria" });
  for (const criterion of criteria) {
    if (criterion.criteria && criterion.criteria.length > 0) {
      const group = el("fieldset", { class: "group" }, el("legend", {}, criterion.name));
      if (criterion.description) group.append(el("p", { class: "hint" }, criterion.description));
      group.append(criteriaSection(criterion.criteria));
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
    if (leaf.metric.type !== "text") {
      box.append(cannotAnswer(leaf, box));
      const commentId = fieldId(criterion.id, "comment");
      box.append(el("details", { class: "comment" }, el("summary", {}, "Add a comment"),
        labelled(commentId, `Comment on ${criterion.name}`, el("input", { type: "text" }))));
    }
    section.append(box);
  }
  return section;
}

/** Whether a rubric asks the three standing BPF questions. */
function asksBpfQuestions(doc: Rubric): boolean {
  return doc.id.startsWith("bpf-");
}

function buildForm(doc: Rubric): void {
  rubric = doc;
  leaves = [];
  checking = false;
  const form = byId<HTMLFormElement>("assessment-form");
  form.replaceChildren();
  form.append(el("h3", {}, doc.title));
  if (doc.description) {
    form.append(el("details", { class: "about" }, el("summary", {}, "About this rubric"), el("p", { class: "hint" }, doc.description)));
  }
  const who = el("fieldset", { class: "group" }, el("legend", {}, "Subject and assessor"));
  who.append(
    labelled("f-subject-id", "Subject id", el("input", { type: "text", value: "bpf-new-proposal", autocomplete: "off" }),
      "Letters, digits, '.', '_' or '-'; no spaces."),
    labelled("f-subject-title", "Subject title", el("input", { type: "text", value: "" })),
    labelled("f-subject-year", "Year", el("input", { type: "number", value: String(new Date().getFullYear()), step: "1", inputmode: "numeric" })),
    labelled("f-assessor-id", "Your assessor id", el("input", { type: "text", value: "", autocomplete: "off" }),
      "As the Secretariat gave it, e.g. mag-07."),
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
  form.append(who, coi, criteriaSection(doc.criteria));
  if (asksBpfQuestions(doc)) {
    const lessons = el("fieldset", { class: "group" }, el("legend", {}, "The three BPF questions (optional)"));
    lessons.append(
      labelled("f-worked-well", "What worked well?", el("textarea", { rows: "2" })),
      labelled("f-worked-less-well", "What worked less well?", el("textarea", { rows: "2" })),
      labelled("f-do-differently", "With hindsight, what would you do differently?", el("textarea", { rows: "2" })),
    );
    form.append(lessons);
  }
  form.append(el("p", { class: "error", id: "form-error" }),
    el("div", { class: "progress" },
      el("label", { for: "progress-bar", id: "progress-text" }, ""),
      el("progress", { id: "progress-bar", max: String(leaves.length), value: "0" }),
      el("button", { type: "submit", id: "score-button" }, "Score this assessment")));
  byId("scorecard").replaceChildren();
  showProgress();
}

function value(id: string): string {
  const node = document.getElementById(id) as HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement | null;
  return node ? node.value.trim() : "";
}

function checked(id: string): boolean {
  const node = document.getElementById(id) as HTMLInputElement | null;
  return node ? node.checked : false;
}

/** A number as typed: kept as its text for decimals, so the crate reads it exactly. */
function numberOf(text: string): number | string {
  const n = Number(text);
  return Number.isFinite(n) && text !== "" ? n : text;
}

/** The answer as typed or picked, before "unable" or "not applicable". */
function typedAnswer(leaf: Leaf): AnswerValue | null {
  const id = fieldId(leaf.id);
  switch (leaf.metric.type) {
    case "scale":
      return value(id) === "" ? null : { scale: value(id) };
    case "percent":
      return value(id) === "" ? null : { percent: value(id) };
    case "count":
      return value(id) === "" ? null : { count: numberOf(value(id)) as number };
    case "levels":
    case "yes_no": {
      const picked = document.querySelector<HTMLInputElement>(`input[name="${id}"]:checked`);
      if (!picked) return null;
      return leaf.metric.type === "levels" ? { level: picked.value } : { yes_no: picked.value === "yes" };
    }
    case "distribution": {
      const counts: Record<string, number> = {};
      let any = false;
      for (const input of document.querySelectorAll<HTMLInputElement>(`#${id} input[data-category]`)) {
        if (input.value.trim() === "") continue;
        counts[input.dataset["category"] ?? ""] = numberOf(input.value.trim()) as number;
        any = true;
      }
      return any ? { distribution: counts } : null;
    }
    case "text":
      return value(id) === "" ? null : { text: value(id) };
  }
}

/** The typed answer in words, for the note on an answer set aside. */
function answerText(leaf: Leaf): string {
  const answer = typedAnswer(leaf);
  if (answer === null || typeof answer === "string") return "";
  if ("distribution" in answer) {
    return Object.entries(answer.distribution).map(([k, n]) => `${categoryName(k)} ${n}`).join(", ");
  }
  if ("level" in answer && leaf.metric.type === "levels") {
    return leaf.metric.levels.find((l) => l.id === answer.level)?.label ?? answer.level;
  }
  if ("yes_no" in answer) return answer.yes_no ? "yes" : "no";
  return String(Object.values(answer)[0]);
}

function answerOf(leaf: Leaf): AnswerValue | null {
  if (checked(fieldId(leaf.id, "na"))) return "not_applicable";
  if (checked(fieldId(leaf.id, "unable"))) return "unable_to_assess";
  return typedAnswer(leaf);
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
  const assessment: Assessment = {
    rubric: { id: doc.id, version: doc.version },
    kind: doc.kind,
    subject: { id: value("f-subject-id"), title: value("f-subject-title"), year: numberOf(value("f-subject-year")) as number },
    assessor: {
      id: value("f-assessor-id"),
      stakeholder_group: value("f-assessor-group") as StakeholderGroup,
      region: value("f-assessor-region") as Region,
      role: value("f-assessor-role") as Role,
    },
    conflict_of_interest: statement ? { declared: checked("f-coi"), statement } : { declared: checked("f-coi") },
    answers,
  };
  if (asksBpfQuestions(doc)) {
    assessment.lessons = {
      worked_well: lesson("f-worked-well"),
      worked_less_well: lesson("f-worked-less-well"),
      do_differently: lesson("f-do-differently"),
    };
  }
  return assessment;
}

// ---- Progress, and a draft kept in the browser.

function showProgress(): void {
  const answered = leaves.filter((leaf) => answerOf(leaf) !== null);
  for (const leaf of leaves) {
    document.querySelector(`.criterion[data-criterion="${leaf.id}"]`)?.classList.toggle("done", answered.includes(leaf));
  }
  const left = leaves.length - answered.length;
  byId("progress-text").textContent = `${answered.length} of ${plural(leaves.length, "criterion", "criteria")} answered${left > 0 ? `, ${left} to go` : ""}`;
  byId<HTMLProgressElement>("progress-bar").value = answered.length;
}

interface Draft {
  saved: string;
  state: Record<string, string | boolean>;
}

function draftKey(doc: Rubric): string {
  return `igf-rubric:draft:${doc.id}@${doc.version}`;
}

/** Every control of the form by id: its value, or whether it is ticked. */
function formState(): Record<string, string | boolean> {
  const state: Record<string, string | boolean> = {};
  for (const node of document.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>(
    "#assessment-form input, #assessment-form select, #assessment-form textarea")) {
    if (!node.id) continue;
    state[node.id] = node instanceof HTMLInputElement && (node.type === "checkbox" || node.type === "radio") ? node.checked : node.value;
  }
  return state;
}

function restoreState(state: Record<string, string | boolean>): void {
  for (const [id, saved] of Object.entries(state)) {
    const node = document.getElementById(id) as HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement | null;
    if (!node) continue;
    if (typeof saved === "boolean" && node instanceof HTMLInputElement) node.checked = saved;
    else if (typeof saved === "string") node.value = saved;
  }
  refreshAll();
}

function refreshAll(): void {
  for (const leaf of leaves) {
    const box = document.querySelector<HTMLElement>(`.criterion[data-criterion="${leaf.id}"]`);
    if (box && leaf.metric.type !== "text") setAside(leaf, box);
  }
  showProgress();
}

function saveDraft(): void {
  if (!rubric) return;
  try {
    localStorage.setItem(draftKey(rubric), JSON.stringify({ saved: new Date().toISOString(), state: formState() }));
  } catch {
    // Storage full or switched off: the form still works, it is only not kept.
  }
}

function offerDraft(doc: Rubric): void {
  const note = byId("draft-note");
  note.hidden = true;
  let draft: Draft | null;
  try {
    draft = JSON.parse(localStorage.getItem(draftKey(doc)) ?? "null") as Draft | null;
  } catch {
    draft = null;
  }
  if (!draft) return;
  restoreState(draft.state);
  const when = new Date(draft.saved).toLocaleString();
  const afresh = el("button", { type: "button", class: "secondary", id: "start-afresh" }, "Start afresh");
  afresh.addEventListener("click", () => {
    localStorage.removeItem(draftKey(doc));
    buildForm(doc);
    note.hidden = true;
    announce("The saved draft was deleted; the form is empty.");
  });
  note.replaceChildren(el("p", {}, `Your draft of ${when} was restored; it is kept in this browser as you type.`), afresh);
  note.hidden = false;
}

/** Fills the form from an assessment document (uploaded or pasted). */
function fillForm(assessment: Assessment): void {
  const set = (id: string, text: string): void => {
    const node = document.getElementById(id) as HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement | null;
    if (node) node.value = text;
  };
  set("f-subject-id", assessment.subject.id);
  set("f-subject-title", assessment.subject.title);
  set("f-subject-year", String(assessment.subject.year));
  set("f-assessor-id", assessment.assessor.id);
  set("f-assessor-group", assessment.assessor.stakeholder_group);
  set("f-assessor-region", assessment.assessor.region);
  set("f-assessor-role", assessment.assessor.role);
  (byId<HTMLInputElement>("f-coi")).checked = assessment.conflict_of_interest.declared;
  set("f-coi-statement", assessment.conflict_of_interest.statement ?? "");
  for (const answer of assessment.answers) {
    const id = fieldId(answer.criterion);
    const v = answer.value;
    if (answer.comment) set(fieldId(answer.criterion, "comment"), answer.comment);
    if (v === "unable_to_assess" || v === "not_applicable") {
      const box = document.getElementById(fieldId(answer.criterion, v === "not_applicable" ? "na" : "unable")) as HTMLInputElement | null;
      if (box) box.checked = true;
    } else if ("scale" in v) set(id, String(v.scale));
    else if ("percent" in v) set(id, String(v.percent));
    else if ("count" in v) set(id, String(v.count));
    else if ("text" in v) set(id, v.text);
    else if ("level" in v || "yes_no" in v) {
      const picked = "level" in v ? v.level : v.yes_no ? "yes" : "no";
      for (const radio of document.querySelectorAll<HTMLInputElement>(`input[name="${id}"]`)) radio.checked = radio.value === picked;
    } else if ("distribution" in v) {
      for (const [category, n] of Object.entries(v.distribution)) set(`${id}-${category}`, String(n));
    }
  }
  set("f-worked-well", assessment.lessons?.worked_well ?? "");
  set("f-worked-less-well", assessment.lessons?.worked_less_well ?? "");
  set("f-do-differently", assessment.lessons?.do_differently ?? "");
  refreshAll();
  saveDraft();
}

// ---- Problems beside their fields: one message per field, in the crate's words.

function clearErrors(): void {
  for (const slot of document.querySelectorAll<HTMLElement>("#assessment-form .error")) slot.textContent = "";
  for (const field of document.querySelectorAll<HTMLElement>("#assessment-form [aria-invalid]")) field.removeAttribute("aria-invalid");
}

/** The form field an error of the request is about. */
function fieldFor(error: ErrorDetail): string {
  const parts = error.pointer.split("/").filter((p) => p !== "").slice(2);
  if (parts[0] === "answers" && parts[1] !== undefined) {
    const criterion = sentAnswers[Number(parts[1])];
    if (criterion !== undefined) return parts[2] === "comment" ? fieldId(criterion, "comment") : fieldId(criterion);
  }
  if (error.criterion && leaves.some((l) => l.id === error.criterion)) return fieldId(error.criterion);
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

/** The crate's message, with what it suggests. */
function said(error: ErrorDetail): string {
  const suggestions = error.suggestions ?? [];
  return suggestions.length > 0 ? `${error.message}. Did you mean ${suggestions.join(" or ")}?` : error.message;
}

function showErrors(errors: ErrorDetail[]): void {
  clearErrors();
  const byField = new Map<string, ErrorDetail[]>();
  for (const error of errors) {
    const field = fieldFor(error);
    byField.set(field, [...(byField.get(field) ?? []), error]);
  }
  for (const [field, found] of byField) {
    const first = found[0];
    if (!first) continue;
    const more = found.length > 1 ? ` (and ${plural(found.length - 1, "more problem", "more problems")} here)` : "";
    const slot = document.getElementById(`${field}-error`) ?? byId("form-error");
    slot.textContent = said(first) + more;
    document.getElementById(field)?.setAttribute("aria-invalid", "true");
  }
  announce(`${plural(byField.size, "problem", "problems")} to fix before scoring.`);
}

// ---- Scoring.

function request(doc: Rubric, assessment: Assessment): EvaluationRequest {
  return { rubric: { document: doc }, assessments: [assessment], options: { review: false } };
}

async function submitAssessment(event: Event): Promise<void> {
  event.preventDefault();
  if (!rubric) return;
  checking = true;
  const assessment = readForm(rubric);
  sentAnswers = assessment.answers.map((a) => a.criterion);
  const body = await views(request(rubric, assessment));
  if ("errors" in body) {
    showErrors(body.errors);
    document.querySelector<HTMLElement>("#assessment-form [aria-invalid]")?.focus();
    return;
  }
  clearErrors();
  const card = body.result.scorecards[0];
  const page = body.scorecards[0];
  if (!card || !page) return;
  const total = card.total?.published ?? "no total";
  const band = card.band?.label ?? "no band";
  const name = `${assessment.subject.id}-${assessment.assessor.id}`;
  byId("scorecard").replaceChildren(
    el("h3", {}, "Scorecard"),
    el("p", { class: "total" }, "Total ", el("strong", { id: "total" }, total), ` on ${card.scale.min} to ${card.scale.max}; band `,
      el("strong", { id: "band" }, band), card.eligible ? "; eligible." : "; not eligible."),
    el("div", { class: "actions" },
      download("Download the assessment (JSON)", `${name}.json`, "application/json", JSON.stringify(assessment, null, 2)),
      download("Scorecard (Markdown)", `${name}-scorecard.md`, "text/markdown", page.markdown),
      download("Scorecard (CSV)", `${name}-scorecard.csv`, "text/csv", page.csv)),
    rendered(page.html),
  );
  announce(`Scored: total ${total}, band ${band}.`);
  byId("scorecard").scrollIntoView({ block: "start" });
}

/** Checks the form with the crate as the user goes, once it has been sent. */
let pending: number | undefined;
function checkSoon(): void {
  if (!checking || !rubric) return;
  window.clearTimeout(pending);
  pending = window.setTimeout(() => {
    if (!rubric) return;
    const assessment = readForm(rubric);
    const sent = assessment.answers.map((a) => a.criterion);
    void views(request(rubric, assessment)).then((body) => {
      sentAnswers = sent;
      if ("errors" in body) showErrors(body.errors);
      else {
        clearErrors();
        announce("No problems left: score the assessment when you are ready.");
      }
    });
  }, 600);
}

// ---- The panel view.

function showPanel(body: Views, about: string): void {
  const report = body.result.panel;
  const page = body.panel;
  if (!report || !page) return;
  const named = (id: string): string => {
    const s = report.subjects.find((x) => x.subject.id === id)?.subject;
    return s ? `${s.title} (${s.year})` : id;
  };
  const chart = el("div", { class: "chart" });
  chart.innerHTML = page.svg;
  byId("panel-report").replaceChildren(
    el("h3", {}, "Panel review"),
    ...(about ? [el("p", { class: "hint" }, about)] : []),
    el("p", {}, "Selected: ", el("strong", { id: "selected" }, report.selected.map(named).join("; ") || "none")),
    el("div", { class: "actions" },
      download("Panel report (Markdown)", "panel-report.md", "text/markdown", page.markdown),
      download("Panel report (CSV)", "panel-report.csv", "text/csv", page.csv),
      download("Chart (SVG)", "panel.svg", "image/svg+xml", page.svg)),
    rendered(page.html),
    chart,
  );
  announce(`Panel reviewed: ${plural(report.subjects.length, "subject", "subjects")}, ${report.selected.length} selected.`);
}

/** The request that reviews a panel. */
async function panelRequest(panel: Panel): Promise<EvaluationRequest> {
  const served = await getJson<{ id: string }[]>("/api/rubrics");
  const known = served.some((r) => r.id === panel.rubric.id);
  return {
    // A rubric the server holds (a preset, or one given with --rubric) travels as a document.
    rubric: known
      ? { document: await getJson<Rubric>(`/api/rubrics/${encodeURIComponent(panel.rubric.id)}`) }
      : { preset: { id: panel.rubric.id as "bpf-proposal" } },
    assessments: panel.assessments,
    options: panel.rules ? { rules: panel.rules, consensus: panel.consensus ?? [] } : { consensus: panel.consensus ?? [] },
  };
}

async function reviewPanel(panel: Panel): Promise<boolean> {
  const body = await views(await panelRequest(panel));
  if ("errors" in body) {
    showDocumentErrors("The panel cannot be reviewed", body.errors);
    return false;
  }
  showPanel(body, panel.description ?? "");
  return true;
}

// ---- Documents brought by the user.

function showDocumentErrors(heading: string, errors: ErrorDetail[]): void {
  const list = el("ul", {}, ...errors.map((e) => el("li", {}, e.path ? `${e.path}: ${said(e)}` : said(e))));
  byId("document-result").replaceChildren(el("p", { class: "error" }, `${heading}: ${plural(errors.length, "problem", "problems")}.`), list);
  announce(`${heading}: ${plural(errors.length, "problem", "problems")}.`);
}

type Known = "rubric" | "assessment" | "panel" | "request";

/** What kind of document this is, by the members it has. */
function kindOf(doc: Record<string, unknown>): Known | null {
  if ("criteria" in doc) return "rubric";
  if ("answers" in doc) return "assessment";
  const source = doc["rubric"] as Record<string, unknown> | undefined;
  if ("assessments" in doc && source && ("preset" in source || "document" in source)) return "request";
  if ("assessments" in doc) return "panel";
  return null;
}

async function useRubric(doc: Rubric): Promise<void> {
  const check = await views({ rubric: { document: doc }, assessments: [] });
  if ("errors" in check) {
    showDocumentErrors("The rubric cannot be used", check.errors);
    return;
  }
  const picker = byId<HTMLSelectElement>("rubric-picker");
  const value = `own:${doc.id}`;
  if (!picker.querySelector(`option[value="${CSS.escape(value)}"]`)) {
    picker.append(el("option", { value }, `${doc.title} (your rubric, ${doc.id} ${doc.version})`));
  }
  ownRubrics.set(value, doc);
  picker.value = value;
  showTemplateLink(value);
  buildForm(doc);
  offerDraft(doc);
  byId("document-result").replaceChildren(el("p", {}, `Your rubric "${doc.title}" is loaded: its form is under "Assess".`));
  announce(`Rubric "${doc.title}" loaded.`);
  byId("assess").scrollIntoView({ block: "start" });
}

async function loadDocument(text: string): Promise<void> {
  let doc: Record<string, unknown>;
  try {
    doc = JSON.parse(text) as Record<string, unknown>;
  } catch (error) {
    showDocumentErrors("This is not JSON", [{ code: "syntax", message: (error as Error).message, path: "", pointer: "" }]);
    return;
  }
  const kind = typeof doc === "object" && doc !== null && !Array.isArray(doc) ? kindOf(doc) : null;
  switch (kind) {
    case "rubric":
      await useRubric(doc as unknown as Rubric);
      return;
    case "assessment": {
      const assessment = doc as unknown as Assessment;
      const picker = byId<HTMLSelectElement>("rubric-picker");
      const wanted = assessment.rubric?.id;
      if (rubric?.id !== wanted && [...picker.options].some((o) => o.value === wanted)) {
        picker.value = wanted;
        buildForm(await getJson<Rubric>(`/api/rubrics/${encodeURIComponent(wanted)}`));
      }
      if (rubric?.id !== wanted) {
        showDocumentErrors("The assessment's rubric is not loaded", [{ code: "unknown_name",
          message: `the assessment is on rubric \`${wanted}\`; load that rubric first`, path: "rubric.id", pointer: "/rubric/id" }]);
        return;
      }
      fillForm(assessment);
      byId("document-result").replaceChildren(el("p", {}, "The assessment fills the form under \"Assess\"; score it there."));
      announce("Assessment loaded into the form.");
      byId("assess").scrollIntoView({ block: "start" });
      return;
    }
    case "panel":
      if (await reviewPanel(doc as unknown as Panel)) {
        byId("document-result").replaceChildren(el("p", {}, "The panel is reviewed under \"Review a panel\"."));
        byId("panel").scrollIntoView({ block: "start" });
      }
      return;
    case "request": {
      const body = await views(doc as unknown as EvaluationRequest);
      if ("errors" in body) {
        showDocumentErrors("The request cannot be evaluated", body.errors);
        return;
      }
      if (body.panel) showPanel(body, "The panel review of your request.");
      const list = el("ul", {}, ...body.scorecards.map((page, n) => {
        const card = body.result.scorecards[n];
        const label = card ? `${card.subject.title} (${card.subject.year}) by ${card.assessor.id}: ${card.total?.published ?? "no total"}` : page.subject;
        return el("li", {}, label, " ", download("Markdown", `${page.subject}-${page.assessor}.md`, "text/markdown", page.markdown));
      }));
      byId("document-result").replaceChildren(el("p", {}, `${plural(body.scorecards.length, "scorecard", "scorecards")} computed.`), list);
      announce("Request evaluated.");
      return;
    }
    default:
      showDocumentErrors("This document is not one the page reads", [{ code: "invalid_data", path: "", pointer: "",
        message: "expected a rubric (with criteria), an assessment (with answers), a panel or a request (with assessments)" }]);
  }
}

// ---- Spreadsheets: the chosen rubric's template, and filled sheets read by the crate.

/** Points the template link at the chosen rubric; a rubric of your own has none served. */
function showTemplateLink(value: string): void {
  const served = !ownRubrics.has(value);
  byId("template").hidden = !served;
  byId<HTMLAnchorElement>("template-link").href = `/api/rubrics/${encodeURIComponent(value)}/template.xlsx`;
}

/** Reads a filled scoring sheet against the chosen rubric and reviews it as a panel. */
async function loadSheet(file: File): Promise<void> {
  const picker = byId<HTMLSelectElement>("rubric-picker");
  if (ownRubrics.has(picker.value)) {
    showDocumentErrors("The sheet cannot be read", [{ code: "invalid_data", path: "", pointer: "",
      message: "filled sheets are read against a rubric the server holds; choose one under \"Assess\"" }]);
    return;
  }
  const csv = file.name.toLowerCase().endsWith(".csv");
  const response = await fetch(`/api/import/${encodeURIComponent(picker.value)}`, {
    method: "POST",
    headers: { "content-type": csv ? "text/csv" : "application/octet-stream" },
    body: await file.arrayBuffer(),
  });
  const read = (await response.json()) as EvaluationRequest | ErrorDocument;
  if ("errors" in read) {
    showDocumentErrors(`The sheet ${file.name} has mistakes`, read.errors);
    return;
  }
  const body = await views(read);
  if ("errors" in body) {
    showDocumentErrors("The sheet's assessments cannot be reviewed", body.errors);
    return;
  }
  showPanel(body, `The panel review of ${file.name}.`);
  byId("document-result").replaceChildren(el("p", {},
    `${plural(read.assessments?.length ?? 0, "assessment", "assessments")} read from ${file.name}; the review is under "Review a panel".`));
  announce("Sheet read and reviewed.");
  byId("panel").scrollIntoView({ block: "start" });
}

// ---- Start.

const ownRubrics = new Map<string, Rubric>();

async function start(): Promise<void> {
  readChoices(await getJson<{ $defs?: Record<string, EnumSchema> }>("/api/schemas/assessment"));
  const list = await getJson<{ id: string; version: string; title: string }[]>("/api/rubrics");
  const picker = byId<HTMLSelectElement>("rubric-picker");
  for (const r of list) picker.append(el("option", { value: r.id }, `${r.title} (${r.id} ${r.version})`));
  const load = async (): Promise<void> => {
    const doc = ownRubrics.get(picker.value) ?? await getJson<Rubric>(`/api/rubrics/${encodeURIComponent(picker.value)}`);
    buildForm(doc);
    offerDraft(doc);
    showTemplateLink(picker.value);
  };
  picker.addEventListener("change", () => void load());
  picker.value = list.some((r) => r.id === "bpf-proposal") ? "bpf-proposal" : (list[0]?.id ?? "");
  await load();
  const form = byId<HTMLFormElement>("assessment-form");
  form.addEventListener("submit", (e) => void submitAssessment(e));
  form.addEventListener("input", () => {
    showProgress();
    saveDraft();
    checkSoon();
  });
  form.addEventListener("change", () => {
    showProgress();
    saveDraft();
    checkSoon();
  });
  byId("sample-panel").addEventListener("click", () =>
    void getJson<Panel>("/api/samples/mag-panel").then((panel) => reviewPanel(panel)));
  byId<HTMLInputElement>("document-file").addEventListener("change", (event) => {
    const file = (event.target as HTMLInputElement).files?.[0];
    if (file && /\.(xlsx|csv)$/i.test(file.name)) void loadSheet(file);
    else if (file) void file.text().then(loadDocument);
  });
  byId("document-load").addEventListener("click", () => void loadDocument(byId<HTMLTextAreaElement>("document-text").value));
  document.body.dataset["ready"] = "true";
}

void start();
