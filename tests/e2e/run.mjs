// End-to-end tests of the reference front end in a real browser (Debian's Chromium, driven by
// playwright-core), against `igf-rubric serve` on 127.0.0.1.
//
// Run from the repository root, after `cargo build --features cli`, `npm ci` and
// `cargo run --example bpf_on_bpfs_report -- target/report` (whose charts are checked too):
//   REPORTS=target/report node tests/e2e/run.mjs target/debug/igf-rubric
// Screenshots go to $E2E_OUT (default: $CARGO_TARGET_DIR/e2e, or target/e2e). Prints the number
// of browser tests passed; exits 1 on a failure, after printing why: the error, the page's
// console, the end of the server's log and a screenshot of the page.

import { spawn, execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join as pathJoin } from "node:path";
import { chromium } from "playwright-core";

const targetDir = process.env.CARGO_TARGET_DIR ?? "target";
const binary = process.argv[2] ?? `${targetDir}/debug/igf-rubric`;
const chromiumPath = process.env.CHROMIUM ?? "/usr/bin/chromium";
const out = process.env.E2E_OUT ?? `${targetDir}/e2e`;
mkdirSync(out, { recursive: true });

// ---- The server, on a free port.

const server = spawn(binary, ["serve", "--port", "0"], { stdio: ["ignore", "ignore", "pipe"] });
const serverLog = [];
const base = await new Promise((resolve, reject) => {
  const timer = setTimeout(() => reject(new Error("the server did not start in 20 s")), 20000);
  server.stderr.setEncoding("utf8");
  server.stderr.on("data", (chunk) => {
    serverLog.push(chunk);
    const match = /serving on (http:\/\/[^ ]+)/.exec(serverLog.join(""));
    if (match) {
      clearTimeout(timer);
      resolve(match[1]);
    }
  });
  server.on("exit", (code) => reject(new Error(`the server exited with ${code}: ${serverLog.join("")}`)));
});

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

/** A fresh page on the front end, with every console error and page error collected. */
async function open() {
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  // Generous waits: CI shares two cores between the browser, the server and the build.
  page.setDefaultTimeout(60000);
  const problems = [];
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console: ${message.text()}`);
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
    await page.waitForFunction((title) => document.querySelector("#assessment-form h2")?.textContent === title, rubric.title);
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
  await page.click("#score-button");
  await page.waitForSelector("#total");
  const card = expected();
  const total = await page.textContent("#total");
  const band = await page.textContent("#band");
  assert(total === card.total.published, `total ${total}, library ${card.total.published}`);
  assert(band === card.band.label, `band ${band}, library ${card.band.label}`);
  const rows = await page.$$eval("#points tbody tr", (trs) => trs.length);
  assert(rows >= answers.length, `${rows} criteria rows`);
  await page.screenshot({ path: `${out}/scored-form.png`, fullPage: true });
  await page.locator("#scorecard").screenshot({ path: `${out}/scorecard.png` });
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

test("a value the schema rejects is caught in the browser, beside its field", async () => {
  const { page } = await open();
  await fillWithMouse(page);
  await page.fill("#f-subject-id", "not an id");
  await page.click("#score-button");
  await page.waitForFunction(() => (document.querySelector("#f-subject-id-error")?.textContent ?? "") !== "");
  const message = await page.textContent("#f-subject-id-error");
  assert(message.includes("checked in the browser"), `subject id error: ${message}`);
  await page.close();
});

test("the sample MAG panel shows the library's ranking and selection", async () => {
  const { page, problems } = await open();
  await page.click("#sample-panel");
  await page.waitForSelector("#ranking tbody tr");
  const panel = JSON.parse(readFileSync("examples/data/mag-panel.json", "utf8"));
  const report = library({
    rubric: { preset: { id: panel.rubric.id } },
    assessments: panel.assessments,
    options: { ...(panel.rules ? { rules: panel.rules } : {}), consensus: panel.consensus ?? [] },
  }).panel;
  const shown = await page.$$eval("#ranking tbody tr", (trs) => trs.map((tr) => tr.dataset.subject));
  const order = report.subjects.map((s) => s.subject.id);
  assert(JSON.stringify(shown) === JSON.stringify(order), `ranking ${shown} vs ${order}`);
  const selected = await page.textContent("#selected");
  assert(selected === report.selected.join(", "), `selected ${selected} vs ${report.selected}`);
  const reasons = await page.$$eval("#ranking tbody tr td:last-child", (tds) => tds.map((td) => td.textContent));
  assert(reasons.every((r) => r.length > 0), "a decision without its reason");
  await page.screenshot({ path: `${out}/panel.png`, fullPage: true });
  assert(problems.length === 0, problems.join("\n"));
  await page.close();
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
  const post = (body) => fetch(`${base}api/evaluate`, { method: "POST", body });
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
  const ok = await fetch(`${base}api/schemas/assessment`);
  assert(ok.status === 200 && (await ok.json()).title === "Assessment", "the assessment schema");
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
const requests = serverLog.join("").split("\n").filter((line) => /^(GET|POST) /.test(line)).length;
console.log(`${passed} of ${tests.length} browser tests passed (Chromium ${browser.version()}; the server logged ${requests} requests)`);
if (failures.length > 0) process.exit(1);
