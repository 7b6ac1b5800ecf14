// Browser tests for `tierwatch serve` in headless Debian chromium (playwright-core, no
// downloaded browser). Usage: node e2e.mjs http://127.0.0.1:PORT [screenshot-dir]
// Opens the map, switches the year, opens Mexico, clicks a fact and checks its sentence is
// highlighted, runs a what-if and saves it, and searches. Screenshots go to the folder
// (default target/e2e-screenshots). Exits non-zero on the first failed check.
import { chromium } from "playwright-core";
import { mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const base = process.argv[2];
const shots = process.argv[3] ?? "target/e2e-screenshots";
if (!base) { console.error("usage: node e2e.mjs URL [screenshot-dir]"); process.exit(2); }
mkdirSync(shots, { recursive: true });

// A fresh, empty profile each run (launchPersistentContext passes it as --user-data-dir).
const browser = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), "tw-chromium-")), {
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  headless: true,
  viewport: { width: 1280, height: 900 },
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
const page = await browser.newPage();
page.setDefaultTimeout(15000);
let passed = 0, failed = 0;
async function step(name, fn) {
  try { await fn(); passed++; console.log(`ok   ${name}`); }
  catch (e) {
    failed++; console.log(`FAIL ${name}: ${e.message.split("\n")[0]}`);
    await page.screenshot({ path: join(shots, `FAILED-${name.replace(/\W+/g, "-")}.png`), fullPage: true }).catch(() => {});
  }
}
function check(cond, msg) { if (!cond) throw new Error(msg); }
const shot = (name) => page.screenshot({ path: join(shots, `${name}.png`) });

await step("map shows 2018 tiers", async () => {
  await page.goto(`${base}/?year=2018`);
  check((await page.locator("h1").innerText()).includes("2018"), "heading names 2018");
  const shapes = await page.locator("svg.map path").count();
  check(shapes > 150, `expected country shapes, got ${shapes}`);
  const mex = await page.locator('svg.map path[data-iso3="MEX"] title').textContent();
  check(/Mexico: Tier 2/.test(mex), `Mexico's title says its tier: ${mex}`);
  await shot("01-map-2018");
});

await step("switch the year", async () => {
  await Promise.all([page.waitForURL(/year=2010/), page.selectOption("#year", "2010")]);
  check((await page.locator("h1").innerText()).includes("2010"), "heading names 2010");
  await shot("02-map-2010");
  await Promise.all([page.waitForURL(/year=2018/), page.selectOption("#year", "2018")]);
});

await step("open Mexico from the map", async () => {
  await Promise.all([page.waitForURL(/\/country\/MEX\/2018/), page.locator('svg.map path[data-iso3="MEX"]').click()]);
  check((await page.locator("h1").innerText()).includes("Mexico 2018"), "Mexico 2018 page");
  check(await page.locator(".assessment .reasons li").count() > 0, "assessment has reasons");
  await shot("03-mexico-2018");
  await page.goto(`${base}/country/MEX`);
  for (const y of ["2007", "2018"]) check(await page.locator(`a[href="/country/MEX/${y}"]`).count() === 1, `link to ${y}`);
  await shot("04-mexico-history");
});

await step("click a fact, see its sentence highlighted", async () => {
  await page.goto(`${base}/country/MEX/2007`);
  const link = page.locator("a.fact-link").nth(3);
  const quote = (await link.innerText()).trim();
  await Promise.all([page.waitForURL(/highlight=\d+-\d+/), link.click()]);
  const mark = page.locator("mark#hl");
  await mark.waitFor({ state: "visible" });
  check((await mark.innerText()).trim() === quote, "the highlighted text is the fact's sentence");
  await page.waitForFunction(() => { const r = document.querySelector("mark#hl").getBoundingClientRect(); return r.top >= -2 && r.bottom <= innerHeight + 2; }, null, { timeout: 5000 });
  await shot("05-fact-highlighted");
});

await step("what-if on the worksheet", async () => {
  await page.goto(`${base}/country/MEX/2018/worksheet`);
  await page.selectOption('select[name="f.significant_efforts"]', "false");
  await Promise.all([page.waitForURL(/significant_efforts=false/), page.click("#reassess")]);
  const outcomes = await page.locator("#compare .outcome").evaluateAll((els) => els.map((e) => e.dataset.outcome));
  check(outcomes.length === 2 && outcomes[0] !== outcomes[1], `tier changes: ${outcomes}`);
  check((await page.locator("#compare").innerText()).includes("analyst override"), "override shown among the reasons");
  await shot("06-worksheet-whatif");
  await page.fill('input[name="analyst"]', "E2E Analyst");
  await Promise.all([page.waitForURL(/saved=\d+/), page.click('#save button[type="submit"]')]);
  check((await page.locator("#saved-list").innerText()).includes("E2E Analyst"), "saved with the analyst's name");
  await shot("07-worksheet-saved");
});

await step("search with facets", async () => {
  await page.goto(`${base}/search`);
  await page.fill('input[name="q"]', "forced labor");
  await Promise.all([page.waitForURL(/q=forced/), page.click('#search-form button[type="submit"]')]);
  check(/\d+ paragraph\(s\) match/.test(await page.locator("#total").innerText()), "total shown");
  check(await page.locator("#hits li.hit mark").count() > 0, "highlighted hits");
  await shot("08-search");
  await Promise.all([page.waitForURL(/year=2018/), page.locator('#facets a[href*="year=2018"]').first().click()]);
  const hits = await page.locator("#hits li.hit").allInnerTexts();
  check(hits.length > 0 && hits.every((h) => h.includes("2018")), "year facet filters");
  await shot("09-search-facet");
});

await browser.close();
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
