// Browser test of team mode for `tierwatch serve` on a store with accounts (headless Debian
// chromium, playwright-core). Usage: node e2e-team.mjs http://127.0.0.1:PORT [screenshot-dir]
// The store must hold Mexico 2018 and the accounts ana (analyst) and rita (reviewer) with the
// password in $TW_E2E_PASSWORD. An anonymous visit goes to the login page; ana logs in, drafts
// a team assessment on the worksheet (an override and a proposed tier), submits it and logs
// out; rita logs in and approves it; the country page shows the approved assessment beside
// the official tier, with who approved it. Exits non-zero on the first failed check.
import { chromium } from "playwright-core";
import { mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const base = process.argv[2];
const shots = process.argv[3] ?? "target/e2e-screenshots";
const password = process.env.TW_E2E_PASSWORD;
if (!base || !password) { console.error("usage: TW_E2E_PASSWORD=... node e2e-team.mjs URL [screenshot-dir]"); process.exit(2); }
mkdirSync(shots, { recursive: true });

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
    await page.screenshot({ path: join(shots, `FAILED-team-${name.replace(/\W+/g, "-")}.png`), fullPage: true }).catch(() => {});
  }
}
function check(cond, msg) { if (!cond) throw new Error(msg); }
const shot = (name) => page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });

async function logIn(name) {
  await page.fill('#login input[name="name"]', name);
  await page.fill('#login input[name="password"]', password);
  await Promise.all([page.waitForNavigation(), page.click('#login button[type="submit"]')]);
  check((await page.locator("#whoami").innerText()).startsWith(name), `logged in as ${name}`);
}

await step("an anonymous visit goes to the login page", async () => {
  await page.goto(`${base}/country/MEX/2018`);
  check(/\/login\?next=/.test(page.url()), `redirected to the login page: ${page.url()}`);
  await shot("team-01-login");
  await logIn("ana");
  check(/\/country\/MEX\/2018$/.test(page.url()), `back where the visit started: ${page.url()}`);
});

await step("the analyst drafts and submits", async () => {
  await page.goto(`${base}/country/MEX/2018/worksheet`);
  await page.selectOption('select[name="f.significant_efforts"]', "false");
  await Promise.all([page.waitForURL(/significant_efforts=false/), page.click("#reassess")]);
  check(await page.locator('#save input[name="analyst"]').count() === 0, "no name to type: the account saves");
  await page.selectOption('#save select[name="proposed_tier"]', "tier3");
  await page.fill('#save input[name="note"]', "no significant efforts this year");
  await Promise.all([page.waitForURL(/saved=\d+/), page.click('#save button[type="submit"]')]);
  const row = page.locator("#saved-list tbody tr").first();
  check((await row.getAttribute("data-state")) === "draft", "saved as a draft");
  check((await row.innerText()).includes("ana"), "by the account");
  await shot("team-02-draft");
  await Promise.all([page.waitForNavigation(), row.locator('button[data-action="submit"]').click()]);
  check((await page.locator("#saved-list tbody tr").first().getAttribute("data-state")) === "submitted", "submitted");
  check(await page.locator('button[data-action="approve"]').count() === 0, "the analyst cannot approve");
  await Promise.all([page.waitForURL(/\/login/), page.click("#logout")]);
});

await step("a reviewer approves", async () => {
  await logIn("rita");
  await page.goto(`${base}/country/MEX/2018/worksheet`);
  const row = page.locator('#saved-list tbody tr[data-state="submitted"]').first();
  await row.locator('form[action$="/approve"] input[name="comment"]').fill("agreed");
  await shot("team-03-review");
  await Promise.all([page.waitForNavigation(), row.locator('button[data-action="approve"]').click()]);
  check((await page.locator("#saved-list tbody tr").first().getAttribute("data-state")) === "approved", "approved");
});

await step("the country page shows the approved assessment", async () => {
  await page.goto(`${base}/country/MEX`);
  const table = await page.locator("#team-assessments").innerText();
  check(table.includes("2018") && table.includes("Tier 3") && table.includes("rita") && table.includes("ana"), `approved assessment shown: ${table}`);
  await shot("team-04-country");
  await page.goto(`${base}/country/MEX/2018`);
  check((await page.locator("#team-assessment").innerText()).includes("approved by rita"), "and on the narrative page");
});

await browser.close();
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
