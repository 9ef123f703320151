// End-to-end tests of the reference front end in a real browser (Debian's Chromium, driven by
// playwright-core), against `igf-rubric serve` on 127.0.0.1.
//
// Run from the repository root, after `cargo build --features cli`, `npm ci` and
// `cargo run --example bpf_on_bpfs_report -- target/report` (whose charts are checked too):
//   REPORTS=target/report node tests/e2e/run.mjs target/debug/igf-rubric
// Screenshots go to $E2E_OUT (default: $CARGO_TARGET_DIR/e2e, or target/e2e); with $PICTURES set,
// the README's pictures are written there too (scripts/readme-pictures). Prints the number of
// browser tests passed; exits 1 on a failure, after printing why: the error, the page's console,
// the end of the server's log and a screenshot of the page.

import { spawn, spawnSync, execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join as pathJoin } from "node:path";
import { chromium } from "playwright-core";

const targetDir = process.env.CARGO_TARGET_DIR ?? "target";
const binary = process.argv[2] ?? `${targetDir}/debug/igf-rubric`;
const chromiumPath = process.env.CHROMIUM ?? "/usr/bin/chromium";
const out = process.env.E2E_OUT ?? `${targetDir}/e2e`;
mkdirSync(out, { recursive: true });

// ---- The server, on a free port.

/** Starts `igf-rubric serve` on a free port: the process, its address and its log so far. */
async function startServer() {
  const child = spawn(binary, ["serve", "--port", "0"], { stdio: ["ignore", "ignore", "pipe"] });
  const log = [];
  const address = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("the server did not start in 20 s")), 20000);
    child.stderr.setEncoding("utf8");
    child.stderr.on("data", (chunk) => {
      log.push(chunk);
      const match = /serving on (http:\/\/[^ ]+\/) /.exec(log.join(""));
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.on("exit", (code) => reject(new Error(`the server exited with ${code}: ${log.join("")}`)));
  });
  return { child, address, log };
}

const { child: server, address: base, log: serverLog } = await startServer();

/** The library's numbers for a request, through the command-line tool. */
function library(request) {
  const out = execFileSync(binary, ["evaluate", "-"], { input: JSON.stringify(request) });
  return JSON.parse(out.toString("utf8"));
}

const browser = await chromium.launch({
  executablePath: chromiumPath,
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-quic",
    "--no-first-run", "--disable-component-update", "--disable-sync"],
});

/** The page the running test opened last, so a failure can show it. */
let lastOpened = null;

const pictures = process.env.PICTURES;
if (pictures) mkdirSync(pictures, { recursive: true });

/** Saves a README picture of the window or of the top of one element (at most 1400 px of
 * it), when $PICTURES is set. */
async function picture(page, name, selector) {
  if (!pictures) return;
  const path = `${pictures}/${name}.png`;
  if (!selector) {
    await page.screenshot({ path });
    return;
  }
  const box = await page.$eval(selector, (node) => {
    const r = node.getBoundingClientRect();
    return { x: r.left + window.scrollX, y: r.top + window.scrollY, width: r.width, height: r.height };
  });
  await page.screenshot({ path, fullPage: true, clip: { ...box, height: Math.min(box.height, 1400) } });
}

/** A fresh page on the front end, with every console error and page error collected. */
async function open(width = 1200, { axe = false } = {}) {
  // axe-core is injected as an inline script, which the server's CSP refuses: the pages that
  // run it bypass the CSP, the others keep it (and show the page works under it).
  const page = await browser.newPage({ viewport: { width, height: 900 }, bypassCSP: axe });
  // Generous waits: CI shares two cores between the browser, the server and the build.
  page.setDefaultTimeout(60000);
  const problems = [];
  page.on("console", (message) => {
    // A 4xx answer to a request the page sends on purpose is logged by the browser itself.
    const expected = /^Failed to load resource: the server responded with a status of 4(00|22)/;
    if (message.type() === "error" && !expected.test(message.text())) problems.push(`console: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`page: ${error.message}`));
  lastOpened = { page, problems };
  await page.goto(base);
  await page.waitForSelector("body[data-ready=true]");
  return { page, problems };
}

function assert(condition, message) {
  if (!condition) throw new Error(message);
}

const axeSource = readFileSync("node_modules/axe-core/axe.min.js", "utf8");

/** axe-core's serious and critical findings on the page as it is (WCAG 2.0 to 2.2, A and AA). */
async function accessibility(page, view) {
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ content: axeSource });
  const found = await page.evaluate(async () => {
    const result = await window.axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
    });
    return result.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => `${v.id} (${v.impact}): ${v.help}; ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", ")}`);
  });
  assert(found.length === 0, `${view}: axe-core finds\n  ${found.join("\n  ")}`);
}

/** Whether the page scrolls sideways at its width, and what sticks out. */
async function sideways(page, view) {
  const wide = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const out = [...document.querySelectorAll("body *")]
      .filter((n) => n.getBoundingClientRect().right > width + 0.5 && n.getClientRects().length > 0)
      .slice(0, 5)
      .map((n) => `${n.tagName.toLowerCase()}${n.id ? `#${n.id}` : ""}.${n.className} (${Math.round(n.getBoundingClientRect().right)} px)`);
    return { scroll: document.documentElement.scrollWidth, width, out };
  });
  assert(wide.scroll <= wide.width && wide.out.length === 0,
    `${view}: the page is ${wide.scroll} px wide in a ${wide.width} px window: ${wide.out.join(", ")}`);
}

// ---- What a MAG member enters for one proposal.

const subject = { id: "bpf-ai-2026", title: "AI and data governance", year: 2026 };
const assessor = { id: "mag-11", stakeholder_group: "civil_society", region: "african", role: "mag_member" };
const answers = [
  { criterion: "G1", value: { yes_no: true } },
  { criterion: "G2", value: { yes_no: true } },
  { criterion: "G3", value: { yes_no: true } },
  { criterion: "G4", value: "not_applicable" },
  { criterion: "P1", value: { scale: "4" } },
  { criterion: "P2", value: { level: "defined" } },
  { criterion: "P3", value: { level: "planned" } },
  { criterion: "P4", value: { level: "timely" } },
  { criterion: "P5a", value: { distribution: { civil_society: 4, government: 2, technical_community: 3 } } },
  { criterion: "P5b", value: { distribution: { african: 3, asia_pacific: 2 } } },
  { criterion: "P6", value: { count: 2 } },
  { criterion: "P7", value: { scale: "3" } },
];

async function fillWithMouse(page, p1 = "4") {
  await page.fill("#f-subject-id", subject.id);
  await page.fill("#f-subject-title", subject.title);
  await page.fill("#f-subject-year", String(subject.year));
  await page.fill("#f-assessor-id", assessor.id);
  await page.selectOption("#f-assessor-group", assessor.stakeholder_group);
  await page.selectOption("#f-assessor-region", assessor.region);
  await page.selectOption("#f-assessor-role", assessor.role);
  for (const g of ["G1", "G2", "G3"]) await page.check(`#f-${g}-yes`);
  await page.check("#f-G4-na");
  await page.fill("#f-P1", p1);
  await page.check("#f-P2 input[value=defined]");
  await page.check("#f-P3 input[value=planned]");
  await page.check("#f-P4 input[value=timely]");
  for (const [c, n] of Object.entries({ civil_society: 4, government: 2, technical_community: 3 })) {
    await page.fill(`#f-P5a-${c}`, String(n));
  }
  for (const [c, n] of Object.entries({ african: 3, asia_pacific: 2 })) await page.fill(`#f-P5b-${c}`, String(n));
  await page.fill("#f-P6", "2");
  await page.fill("#f-P7", "3");
}

function expected() {
  return library({
    rubric: { preset: { id: "bpf-proposal" } },
    assessments: [{
      rubric: { id: "bpf-proposal", version: "1.0.0" }, kind: "proposal", subject, assessor,
      conflict_of_interest: { declared: false }, answers,
    }],
    options: { review: false },
  }).scorecards[0];
}

// ---- The tests.

const tests = [];
const test = (name, body) => tests.push({ name, body });

test("a form for every shipped preset renders without a console error", async () => {
  const { page, problems } = await open();
  const ids = await page.$$eval("#rubric-picker option", (options) => options.map((o) => o.value));
  assert(ids.length >= 5, `only ${ids.length} rubrics`);
  for (const id of ids) {
    await page.selectOption("#rubric-picker", id);
    const rubric = JSON.parse(readFileSync(`presets/${id}.json`, "utf8"));
    await page.waitForFunction((title) => document.querySelector("#assessment-form h3")?.textContent === title, rubric.title);
    const inputs = await page.$$eval("#assessment-form input, #assessment-form select, #assessment-form textarea",
      (nodes) => nodes.filter((n) => !n.labels || n.labels.length === 0).map((n) => n.id));
    assert(inputs.length === 0, `${id}: inputs without a label: ${inputs.join(", ")}`);
  }
  assert(problems.length === 0, problems.join("\n"));
  await page.close();
});

test("a MAG member fills the bpf-proposal form and gets the library's total and band", async () => {
  const { page, problems } = await open();
  await fillWithMouse(page);
  await picture(page, "form-desktop");
  await page.click("#score-button");
  await page.waitForSelector("#total");
  const card = expected();
  const total = await page.textContent("#total");
  const band = await page.textContent("#band");
  assert(total === card.total.published, `total ${total}, library ${card.total.published}`);
  assert(band === card.band.label, `band ${band}, library ${card.band.label}`);
  const rows = await page.$$eval("#scorecard td[data-label=Criterion]", (tds) => tds.map((td) => td.textContent));
  assert(rows.length >= answers.length, `${rows.length} criteria rows`);
  const shown = await page.$$eval("#scorecard td[data-label=Answer]", (tds) => tds.map((td) => td.textContent));
  const levels = JSON.parse(readFileSync("presets/bpf-proposal.json", "utf8")).criteria
    .flatMap((c) => c.metric?.levels ?? []);
  const label = (id) => levels.find((l) => l.id === id)?.label;
  for (const id of ["defined", "planned", "timely"]) {
    assert(shown.includes(label(id)), `the scorecard does not show the level ${id} by its label ${label(id)}: ${shown.join(" | ")}`);
  }
  await page.screenshot({ path: `${out}/scored-form.png`, fullPage: true });
  await page.locator("#scorecard").screenshot({ path: `${out}/scorecard.png` });
  await picture(page, "scorecard-desktop", "#scorecard");
  assert(problems.length === 0, problems.join("\n"));
  await page.close();
});

test("an off-step scale value shows the crate's error beside its field", async () => {
  const { page } = await open();
  await fillWithMouse(page, "4.5");
  await page.click("#score-button");
  await page.waitForFunction(() => (document.querySelector("#f-P1-error")?.textContent ?? "") !== "");
  const message = await page.textContent("#f-P1-error");
  assert(message.includes("not on the scale's steps"), `P1 error: ${message}`);
  const invalid = await page.getAttribute("#f-P1", "aria-invalid");
  assert(invalid === "true", "P1 is not marked invalid");
  const status = await page.textContent("#status");
  assert(status.includes("problem"), `status: ${status}`);
  await page.close();
});

test("a count of -1 gets one short message in words, and the status counts one problem", async () => {
  const { page } = await open(1200, { axe: true });
  await fillWithMouse(page);
  await page.fill("#f-P6", "-1");
  await page.click("#score-button");
  await page.waitForFunction(() => (document.querySelector("#f-P6-error")?.textContent ?? "") !== "");
  const message = await page.textContent("#f-P6-error");
  assert(message === "-1 is not a whole number of 0 or more", `P6 error: ${message}`);
  const status = await page.textContent("#status");
  assert(status === "1 problem to fix before scoring.", `status: ${status}`);
  // Two fields breaking the rubric's rules: two problems, each once, no schema vocabulary.
  await page.fill("#f-P6", "2");
  await page.fill("#f-P1", "4.5");
  await page.fill("#f-assessor-id", "");
  await page.click("#score-button");
  await page.waitForFunction(() => (document.querySelector("#f-assessor-id-error")?.textContent ?? "") !== "");
  const shownErrors = await page.$$eval("#assessment-form .error", (slots) => slots.map((s) => s.textContent).filter((t) => t));
  assert(shownErrors.length === 2, `errors shown: ${shownErrors.join(" | ")}`);
  assert((await page.textContent("#status")) === "2 problems to fix before scoring.", "status for two fields");
  const vocabulary = /oneOf|anyOf|allOf|additional properties|must match|pattern|\$defs|schema/i;
  assert(!shownErrors.some((e) => vocabulary.test(e)), `schema words shown: ${shownErrors.join(" | ")}`);
  await accessibility(page, "the form with errors");
  await picture(page, "form-errors-desktop", "[data-criterion=P1]");
  // Fixed as the user types: the messages go without sending again.
  await page.fill("#f-P1", "4");
  await page.fill("#f-assessor-id", "mag-11");
  await page.waitForFunction(() => [...document.querySelectorAll("#assessment-form .error")].every((s) => s.textContent === ""));
  await page.close();
});

test("unable to assess and not applicable exclude each other, and set an answer aside with a word", async () => {
  const { page } = await open();
  await page.check("#f-G4-yes");
  await page.check("#f-G4-na");
  await page.check("#f-G4-unable");
  assert(!(await page.isChecked("#f-G4-na")), "both unable and not applicable are ticked");
  assert(await page.isDisabled("#f-G4-yes"), "the answer stays open while it cannot be answered");
  const kept = await page.textContent("#f-G4-kept");
  assert(kept.includes("(yes) is kept"), `no word on the answer set aside: ${kept}`);
  await page.uncheck("#f-G4-unable");
  assert(await page.isChecked("#f-G4-yes"), "the answer was lost");
  assert((await page.textContent("#f-G4-kept")) === "", "the note stays after unticking");
  await page.close();
});

test("a draft is kept in the browser and restored, and the form shows its progress", async () => {
  const { page } = await open();
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page.waitForSelector("body[data-ready=true]");
  const start = await page.textContent("#progress-text");
  assert(start === "0 of 12 criteria answered, 12 to go", `progress: ${start}`);
  await page.fill("#f-subject-title", "Kept in the browser");
  await page.check("#f-P2 input[value=defined]");
  await page.fill("#f-P1", "4");
  assert((await page.textContent("#progress-text")) === "2 of 12 criteria answered, 10 to go", "progress after two answers");
  await page.reload();
  await page.waitForSelector("body[data-ready=true]");
  assert((await page.inputValue("#f-subject-title")) === "Kept in the browser", "the title was not restored");
  assert(await page.isChecked("#f-P2 input[value=defined]"), "the level was not restored");
  assert((await page.textContent("#draft-note")).includes("was restored"), "no word that a draft was restored");
  await page.click("#start-afresh");
  assert((await page.inputValue("#f-subject-title")) === "", "start afresh kept the draft");
  await page.reload();
  await page.waitForSelector("body[data-ready=true]");
  assert(await page.isHidden("#draft-note"), "a deleted draft came back");
  await page.close();
});

test("documents brought by paste or upload: an assessment fills the form, a panel is reviewed, a broken rubric is explained", async () => {
  const { page, problems } = await open();
  await page.fill("#document-text", readFileSync("examples/data/proposals/ipv6-2016.json", "utf8"));
  await page.click("#document-load");
  await page.waitForFunction(() => document.querySelector("#f-subject-id").value === "bpf-ipv6-2016");
  await page.click("#score-button");
  await page.waitForSelector("#total");
  await page.setInputFiles("#document-file", "examples/data/mag-panel.json");
  await page.waitForSelector("#panel-report table");
  const rubric = JSON.parse(readFileSync("presets/bpf-proposal.json", "utf8"));
  rubric.id = "my-rubric";
  rubric.criteria[1].weight = "-5";
  await page.fill("#document-text", JSON.stringify(rubric));
  await page.click("#document-load");
  await page.waitForSelector("#document-result li");
  const said = await page.textContent("#document-result");
  assert(said.includes("rubric.document.criteria[1]"), `the broken rubric's problem: ${said}`);
  rubric.criteria[1].weight = "5";
  await page.fill("#document-text", JSON.stringify(rubric));
  await page.click("#document-load");
  await page.waitForFunction(() => document.querySelector("#rubric-picker").value === "own:my-rubric");
  assert(problems.length === 0, problems.join("\n"));
  await page.close();
});

test("the sample MAG panel shows the library's ranking and selection", async () => {
  const { page, problems } = await open();
  await page.click("#sample-panel");
  await page.waitForSelector("#panel-report table");
  const panel = JSON.parse(readFileSync("examples/data/mag-panel.json", "utf8"));
  const report = library({
    rubric: { preset: { id: panel.rubric.id } },
    assessments: panel.assessments,
    options: { ...(panel.rules ? { rules: panel.rules } : {}), consensus: panel.consensus ?? [] },
  }).panel;
  const named = (id) => {
    const found = report.subjects.find((x) => x.subject.id === id).subject;
    return `${found.title} (${found.year})`;
  };
  // The first table of the crate's panel report is the ranking.
  const ranking = (label) => page.$eval("#panel-report .report table",
    (table, l) => [...table.querySelectorAll(`td[data-label=${l}]`)].map((td) => td.textContent), label);
  const shown = await ranking("Subject");
  const order = report.subjects.map((s) => s.subject.title);
  assert(JSON.stringify(shown.slice(0, order.length)) === JSON.stringify(order), `ranking ${shown} vs ${order}`);
  const selected = await page.textContent("#selected");
  assert(selected === report.selected.map(named).join("; "), `selected ${selected} vs ${report.selected}`);
  const reasons = await ranking("Why");
  assert(reasons.length === order.length && reasons.every((r) => r.length > 0), "a decision without its reason");
  const text = await page.innerText("#panel-report");
  const ids = report.subjects.map((s) => s.subject.id).filter((id) => text.includes(id));
  assert(ids.length === 0, `the panel view shows ids: ${ids.join(", ")}`);
  // Totals and spreads at the rubric's places; no figure anywhere with more than three.
  const dp = JSON.parse(readFileSync(`presets/${panel.rubric.id}.json`, "utf8")).rounding.dp;
  const cells = [...await ranking("Total"), ...await ranking("Lowest"), ...await ranking("Highest")];
  const off = cells.filter((c) => (c.split(".")[1] ?? "").length !== dp);
  assert(cells.length > 0 && off.length === 0, `figures not at ${dp} places: ${off.join(" ")}`);
  const long = text.match(/\d+\.\d{4,}/g) ?? [];
  assert(long.length === 0, `numbers with more than three places: ${long.slice(0, 5).join(" ")}`);
  for (const phrase of ["Assessments left out", "Agreed by the panel", "To discuss", "prevalence paradox"]) {
    assert(text.includes(phrase), `the panel view leaves out "${phrase}"`);
  }
  await page.screenshot({ path: `${out}/panel.png`, fullPage: true });
  await picture(page, "panel-desktop", "#panel-report");
  assert(problems.length === 0, problems.join("\n"));
  await page.close();
});

test("every view fits a phone at 320 and 390 px, and axe-core finds nothing serious on any", async () => {
  for (const width of [320, 390, 1200]) {
    const { page, problems } = await open(width, { axe: true });
    await sideways(page, `start at ${width} px`);
    await accessibility(page, `start at ${width} px`);
    if (width === 390) await picture(page, "form-phone");
    await fillWithMouse(page, "4.5");
    await page.click("#score-button");
    await page.waitForFunction(() => (document.querySelector("#f-P1-error")?.textContent ?? "") !== "");
    await sideways(page, `form with errors at ${width} px`);
    await accessibility(page, `form with errors at ${width} px`);
    await page.fill("#f-P1", "4");
    await page.click("#score-button");
    await page.waitForSelector("#total");
    await sideways(page, `scorecard at ${width} px`);
    await accessibility(page, `scorecard at ${width} px`);
    if (width === 390) await picture(page, "scorecard-phone");
    await page.click("#sample-panel");
    await page.waitForSelector("#panel-report table");
    await sideways(page, `panel at ${width} px`);
    await accessibility(page, `panel at ${width} px`);
    if (width === 390) await picture(page, "panel-phone");
    // Touch targets: every control at least 24 px square (WCAG 2.2, 2.5.8).
    const small = await page.evaluate(() => [...document.querySelectorAll("input, select, textarea, button, a, summary")]
      .filter((n) => n.getClientRects().length > 0 && n.type !== "hidden")
      .map((n) => ({ n, box: n.getBoundingClientRect() }))
      .filter(({ box }) => box.width < 24 || box.height < 24)
      .slice(0, 5).map(({ n, box }) => `${n.tagName.toLowerCase()}#${n.id} ${Math.round(box.width)}x${Math.round(box.height)}`));
    assert(small.length === 0, `targets under 24 px at ${width} px: ${small.join(", ")}`);
    assert(problems.length === 0, problems.join("\n"));
    await page.close();
  }
});

test("the form can be completed with the keyboard alone", async () => {
  const { page, problems } = await open();
  // What to type into each field reached with Tab; radios take Space (and arrows to move on).
  const text = {
    "f-subject-id": subject.id, "f-subject-title": subject.title, "f-subject-year": String(subject.year),
    "f-assessor-id": assessor.id, "f-P1": "4", "f-P6": "2", "f-P7": "3",
    "f-P5a-civil_society": "4", "f-P5a-government": "2", "f-P5a-technical_community": "3",
    "f-P5b-african": "3", "f-P5b-asia_pacific": "2",
  };
  // Tab lands on a group's first radio; each ArrowDown moves to the next level and picks it.
  const levels = JSON.parse(readFileSync("presets/bpf-proposal.json", "utf8")).criteria
    .filter((c) => ["P2", "P3", "P4"].includes(c.id))
    .map((c) => [c.id, c.metric.levels.map((l) => l.id)]);
  const wanted = Object.fromEntries(answers.filter((a) => a.value.level).map((a) => [a.criterion, a.value.level]));
  const arrows = Object.fromEntries(levels.map(([id, ids]) => [`f-${id}`, ids.indexOf(wanted[id])]));
  const selects = { "f-assessor-group": "civil_society", "f-assessor-region": "african", "f-assessor-role": "mag_member" };
  await page.focus("#rubric-picker");
  let submitted = false;
  for (let step = 0; step < 400 && !submitted; step += 1) {
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => {
      const a = document.activeElement;
      return a ? { id: a.id, name: a.getAttribute("name"), type: a.getAttribute("type"), tag: a.tagName } : null;
    });
    if (!focused) continue;
    if (focused.id in text) {
      await page.keyboard.press("Control+A");
      await page.keyboard.type(text[focused.id]);
    } else if (focused.id in selects) {
      // Typing a label's first letters picks an option in a focused select.
      const label = await page.$eval(`#${focused.id} option[value=${selects[focused.id]}]`, (o) => o.textContent);
      await page.keyboard.type(label);
    } else if (focused.type === "radio" && focused.name in arrows) {
      if (arrows[focused.name] === 0) await page.keyboard.press("Space");
      for (let n = 0; n < arrows[focused.name]; n += 1) await page.keyboard.press("ArrowDown");
    } else if (focused.type === "radio" && /^f-G[123]$/.test(focused.name)) {
      await page.keyboard.press("Space");
    } else if (focused.id === "f-G4-na") {
      await page.keyboard.press("Space");
    } else if (focused.id === "score-button") {
      await page.keyboard.press("Enter");
      submitted = true;
    }
  }
  assert(submitted, "the score button was never reached with Tab");
  await page.waitForSelector("#total");
  const card = expected();
  const total = await page.textContent("#total");
  assert(total === card.total.published, `keyboard total ${total}, library ${card.total.published}`);
  assert(problems.length === 0, problems.join("\n"));
  await page.close();
});

test("the server answers bad requests with a 4xx and the error document", async () => {
  const json = { "content-type": "application/json" };
  const post = (body) => fetch(`${base}api/evaluate`, { method: "POST", headers: json, body });
  const cases = [
    ["not JSON", await post("{"), 400, "syntax"],
    ["not UTF-8", await post(new Uint8Array([0xff, 0xfe, 0x00])), 400, "not_utf8"],
    ["over the size limit", await post("x".repeat(17 * 1024 * 1024)), 413, "invalid_data"],
    ["a rule broken", await post(JSON.stringify({ rubric: { preset: { id: "bpf-proposals" } } })), 422, "unknown_name"],
    ["an unknown rubric", await fetch(`${base}api/rubrics/nothing`), 404, "invalid_data"],
  ];
  for (const [what, response, status, code] of cases) {
    assert(response.status === status, `${what}: status ${response.status}, expected ${status}`);
    const document = await response.json();
    assert(document.errors?.[0]?.code === code, `${what}: ${JSON.stringify(document)}`);
  }
  const wrongMethod = await fetch(`${base}api/rubrics`, { method: "DELETE" });
  assert(wrongMethod.status === 405 && (await wrongMethod.json()).errors[0].code === "invalid_data", "405 with an error document");
  const compact = await (await post(JSON.stringify({ rubric: { preset: { id: "bpf-proposals" } } }))).text();
  assert(!compact.includes("\n"), "answers are compact JSON");
  const form = await fetch(`${base}api/evaluate`, { method: "POST", body: "a=1", headers: { "content-type": "application/x-www-form-urlencoded" } });
  assert(form.status === 415 && (await form.json()).errors[0].code === "invalid_data", "a form post gets 415");
  const headers = (await fetch(base)).headers;
  assert(headers.get("content-security-policy")?.includes("frame-ancestors 'none'") && headers.get("x-content-type-options") === "nosniff", "security headers");
  const broken = await fetch(`${base}api/views`, { method: "POST", headers: json, body: "{" });
  assert(broken.status === 400 && (await broken.json()).errors[0].code === "syntax", "views: not JSON");
  const ok = await fetch(`${base}api/schemas/assessment`);
  assert(ok.status === 200 && (await ok.json()).title === "Assessment", "the assessment schema");
});

test("a stop signal lets the evaluation in flight finish, and small requests stay fast beside it", async () => {
  const panel = JSON.parse(readFileSync("examples/data/mag-panel.json", "utf8"));
  // A large panel: the sample's sheets many times over, each under its own assessor.
  const assessments = [];
  for (let copy = 0; copy < 120; copy += 1) {
    for (const sheet of panel.assessments) assessments.push({ ...sheet, assessor: { ...sheet.assessor, id: `${sheet.assessor.id}-${copy}` } });
  }
  const large = JSON.stringify({ rubric: { preset: { id: panel.rubric.id } }, assessments, options: {} });
  const { child: second, address } = await startServer();
  const exited = new Promise((resolve) => second.on("exit", (code) => resolve(code)));
  const inFlight = fetch(`${address}api/evaluate`, { method: "POST", headers: { "content-type": "application/json" }, body: large });
  await new Promise((resolve) => setTimeout(resolve, 150));
  const started = Date.now();
  const small = await fetch(`${address}api/rubrics`);
  const smallMs = Date.now() - started;
  assert(small.status === 200 && smallMs < 1000, `a small request took ${smallMs} ms beside a large one`);
  second.kill("SIGTERM");
  const answer = await inFlight;
  assert(answer.status === 200, `the evaluation in flight answered ${answer.status}`);
  const body = await answer.json();
  assert(body.panel?.subjects?.length === 6, "the in-flight evaluation's answer is whole");
  const code = await Promise.race([exited, new Promise((resolve) => setTimeout(() => resolve("still running"), 15000))]);
  assert(code === 0, `after SIGTERM the server ended with ${code}`);
});

test("a filled scoring sheet is read back and reviewed, and its mistakes are shown at their cells", async () => {
  const { page, problems } = await open(1200);
  const href = await page.getAttribute("#template-link", "href");
  assert(href === "/api/rubrics/bpf-proposal/template.xlsx", `template link: ${href}`);
  const template = await page.evaluate(async (url) => {
    const r = await fetch(url);
    const bytes = new Uint8Array(await r.arrayBuffer());
    return { status: r.status, type: r.headers.get("content-type"), zip: bytes[0] === 0x50 && bytes[1] === 0x4b };
  }, href);
  assert(template.status === 200 && template.zip && template.type.includes("spreadsheetml"), JSON.stringify(template));

  // A CSV filled from the template's header, with one sheet's answers (ids are accepted).
  const csv = spawnSync(binary, ["template", "--rubric", "bpf-proposal", "--format", "csv"], { encoding: "utf8" }).stdout;
  const keys = [...csv.split("\r\n")[0].matchAll(/\[([^\]]+)\]"?(?:,|$)/g)].map((m) => m[1]);
  const sheet = JSON.parse(readFileSync("examples/data/proposals/ipv6-2016.json", "utf8"));
  const row = (answers, extra = {}) => {
    const values = { subject_id: sheet.subject.id, subject_title: sheet.subject.title, subject_year: sheet.subject.year,
      assessor_id: sheet.assessor.id, stakeholder_group: sheet.assessor.stakeholder_group, region: sheet.assessor.region,
      role: sheet.assessor.role, conflict_declared: "No" };
    for (const answer of answers) {
      if (typeof answer.value === "string") { values[answer.criterion] = answer.value; continue; }
      const [kind, v] = Object.entries(answer.value)[0];
      if (kind === "distribution") for (const [c, n] of Object.entries(v)) values[`${answer.criterion}.${c}`] = n;
      else values[answer.criterion] = kind === "yes_no" ? (v ? "Yes" : "No") : v;
    }
    Object.assign(values, extra);
    return keys.map((k) => JSON.stringify(String(values[k] ?? ""))).join(",");
  };
  const upload = async (name, text) => {
    await page.setInputFiles("#document-file", { name, mimeType: "text/csv", buffer: Buffer.from(text) });
  };
  await upload("filled.csv", `${csv.split("\r\n")[0]}\r\n${row(sheet.answers)}\r\n`);
  await page.waitForFunction(() => document.querySelector("#panel-report")?.textContent.includes("filled.csv"));
  const result = await page.textContent("#document-result");
  assert(result.includes("1 assessment read from filled.csv"), result);

  await upload("broken.csv", `${csv.split("\r\n")[0]}\r\n${row(sheet.answers, { P1: "4,5", P2: "definde" })}\r\n`);
  await page.waitForFunction(() => document.querySelector("#document-result")?.textContent.includes("mistakes"));
  const mistakes = await page.textContent("#document-result");
  const column = (key) => { let n = keys.indexOf(key) + 1, name = ""; while (n > 0) { const r = (n - 1) % 26; name = String.fromCharCode(65 + r) + name; n = Math.floor((n - 1) / 26); } return name; };
  assert(mistakes.includes(`${column("P1")}2: "4,5" is not a number: write 4.5`), mistakes);
  assert(mistakes.includes(`${column("P2")}2: criterion`) && mistakes.includes("did you mean `defined`"), mistakes);
  assert(mistakes.includes("2 problems"), mistakes);
  assert(problems.length === 0, problems.join("\n"));
});

test("the report charts read well in a browser, and each report shows its charts", async () => {
  // The BPF on BPFs example's output, written by `.ci/run` before these tests.
  const reports = process.env.REPORTS;
  if (!reports) throw new Error("REPORTS is not set: run the bpf_on_bpfs_report example into a folder and name it");
  const files = readdirSync(reports, { recursive: true }).map(String);
  const charts = files.filter((f) => f.endsWith(".svg"));
  assert(charts.length > 0, `no charts under ${reports}`);
  const shown = new Set();
  for (const markdown of files.filter((f) => f.endsWith("report.md"))) {
    const text = readFileSync(`${reports}/${markdown}`, "utf8");
    for (const [, link] of text.matchAll(/\]\(([^)]+\.svg)\)/g)) {
      const target = pathJoin(dirname(markdown), link);
      assert(charts.includes(target), `${markdown} links ${link}, which was not written`);
      shown.add(target);
    }
  }
  const unshown = charts.filter((c) => !shown.has(c));
  assert(unshown.length === 0, `charts no report shows: ${unshown.join(", ")}`);
  const page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
  lastOpened = { page, problems: [] };
  for (const chart of charts) {
    await page.setContent(`<html><body style="margin:0">${readFileSync(`${reports}/${chart}`, "utf8")}</body></html>`);
    const found = await page.evaluate(() => {
      const svg = document.querySelector("svg").getBoundingClientRect();
      const texts = [...document.querySelectorAll("svg > text")].map((t) => ({ text: t.textContent, box: t.getBoundingClientRect(), tick: t.classList.contains("tick") }));
      const problems = [];
      for (const { text, box } of texts) {
        if (box.left < svg.left || box.right > svg.right || box.top < svg.top || box.bottom > svg.bottom) problems.push(`outside the drawing: ${text}`);
      }
      texts.forEach((a, i) => texts.slice(i + 1).forEach((b) => {
        const apart = a.box.right <= b.box.left + 0.5 || b.box.right <= a.box.left + 0.5 || a.box.bottom <= b.box.top + 0.5 || b.box.bottom <= a.box.top + 0.5;
        if (!apart) problems.push(`overlapping: "${a.text}" and "${b.text}"`);
      }));
      const ticks = texts.filter((t) => t.tick).map((t) => Number(t.text));
      if (ticks.some((t, i) => Number.isNaN(t) || (i > 0 && t <= ticks[i - 1]))) problems.push(`ticks not increasing: ${ticks.join(" ")}`);
      return problems;
    });
    assert(found.length === 0, `${chart}: ${found.join("; ")}`);
  }
});

// ---- Run them.

/** Everything that says why a test failed: the error, the page's console, the server's log. */
async function explain(name, error, index) {
  console.log(`FAILED - ${name}: ${error.stack ?? error.message}`);
  if (lastOpened) {
    const shot = `${out}/failed-${index + 1}.png`;
    try {
      await lastOpened.page.screenshot({ path: shot, fullPage: true });
      console.log(`  screenshot: ${shot} (page ${lastOpened.page.url()})`);
    } catch (shotError) {
      console.log(`  no screenshot: ${shotError.message}`);
    }
    for (const problem of lastOpened.problems) console.log(`  ${problem}`);
  }
  const log = serverLog.join("").trimEnd().split("\n").slice(-15);
  console.log(`  the server's last ${log.length} log lines:\n    ${log.join("\n    ")}`);
}

let passed = 0;
const failures = [];
for (const [index, { name, body }] of tests.entries()) {
  lastOpened = null;
  const started = Date.now();
  try {
    await body();
    passed += 1;
    console.log(`ok - ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  } catch (error) {
    failures.push(name);
    await explain(name, error, index);
  } finally {
    await lastOpened?.page.close().catch(() => {});
  }
}
await browser.close();
server.kill("SIGINT");
const requests = serverLog.join("").split("\n").filter((line) => / request client=\S+ method=(GET|POST) /.test(line)).length;
console.log(`${passed} of ${tests.length} browser tests passed (Chromium ${browser.version()}; the server logged ${requests} requests)`);
if (failures.length > 0) process.exit(1);
