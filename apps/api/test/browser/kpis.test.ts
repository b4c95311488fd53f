import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  artifactsDir,
  choose,
  demoPassword,
  expectNoSeriousAxeViolations,
  launchBrowser,
  newPage,
  screenshot,
  signIn,
} from "./browser.ts";
import { type RunningServer, startServer } from "./server.ts";

/**
 * Issue 8 §1–3 in the browser: Oadby & Wigston's contract manager adds a KPI to the meals contract, records last
 * month's figures for it with the region breakdown, sees the PR24 reg 39(5) rating with its reason and the
 * charts, then corrects the month and finds the earlier figures kept.
 */

const manager = { email: "contract-manager@oadby-wigston.demo", password: demoPassword };
const kpiName = "Meals matching the resident's dietary plan";

let server: RunningServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  page = await newPage(browser);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const section = () =>
  page.locator("section.panel").filter({ has: page.getByRole("heading", { level: 3, name: kpiName }) });

describe("KPIs of a contract", () => {
  it("adds a KPI with its target, tolerance and Inadequate line", async () => {
    await signIn(page, server.url, manager, /\/t\/oadby-wigston/);
    await page.goto(`${server.url}/t/oadby-wigston/contracts`);
    await page.getByRole("link", { name: "MLS-2025-02" }).click();
    await page.getByRole("heading", { level: 1, name: /Meals at home/ }).waitFor();
    await page.getByRole("tab", { name: "KPIs" }).click();
    await page.waitForURL(/tab=kpis/);
    await page.getByRole("button", { name: "Add a KPI" }).click();
    const dialog = page.getByRole("dialog", { name: "Add a KPI" });
    await dialog.getByLabel("What is measured").fill(kpiName);
    await dialog
      .getByLabel("How it is measured")
      .fill("Meals checked against the dietary plan at delivery ÷ meals checked");
    await choose(page, "kpi-unit-trigger", "Percentage (%)");
    await choose(page, "kpi-direction-trigger", "Higher is better");
    await dialog.getByLabel("Target", { exact: true }).fill("95");
    await dialog.getByLabel("Approaching target within").fill("2");
    await dialog.getByLabel("Inadequate at (optional)").fill("85");
    await dialog.getByLabel("Broken down by (optional)").fill("Round");
    await expectNoSeriousAxeViolations(page, "the KPI form");
    await dialog.getByRole("button", { name: "Add KPI" }).click();
    await dialog.waitFor({ state: "hidden" });
    await section().waitFor();
    await section().getByText("Nothing measured yet, so there is no trend to draw.").waitFor();
  });

  it("records last month with its parts and shows the rating with its reason and the charts", async () => {
    const form = page
      .locator("section")
      .filter({ has: page.getByRole("heading", { name: "Record a month" }) });
    const entry = form.locator("fieldset").filter({ has: page.locator("legend", { hasText: kpiName }) });
    // Nothing of the month but an evidence note, for a start: the server names the missing numbers.
    await entry.getByLabel("Evidence (optional)").fill("Supplier's monthly return");
    await form.getByRole("button", { name: /^Save / }).click();
    await form.getByText("Enter the number counted (the numerator).").first().waitFor();

    await entry.getByLabel("Number counted", { exact: true }).fill("1,720");
    await entry.getByLabel("Out of", { exact: true }).fill("2000");
    await entry.getByRole("button", { name: /Add a round/ }).click();
    await entry.getByRole("button", { name: /Add a round/ }).click();
    const rounds = entry.getByLabel("Round", { exact: true });
    await rounds.nth(0).fill("North");
    await rounds.nth(1).fill("South");
    await entry.getByLabel("Counted in North").fill("950");
    await entry.getByLabel("Out of, in North").fill("1000");
    await entry.getByLabel("Counted in South").fill("770");
    await entry.getByLabel("Out of, in South").fill("1000");
    await expectNoSeriousAxeViolations(page, "the month's entry form");
    await form.getByRole("button", { name: /^Save / }).click();
    await page.getByText(/is recorded for 1 KPI\./).waitFor();

    const recorded = section();
    await recorded
      .getByRole("cell", { name: /86% misses the target of 95% by 9%, more than the tolerance of 2%\./ })
      .waitFor();
    await expect(recorded.locator(".tag--rating-requires_improvement").first().textContent()).resolves.toBe(
      "Requires improvement",
    );
    await recorded.getByRole("img", { name: `${kpiName}: trend against the target` }).waitFor();
    const breakdown = recorded.getByRole("img", { name: new RegExp(`^${kpiName} by round`) });
    await breakdown.waitFor();
    await expect(breakdown.locator("desc").textContent()).resolves.toMatch(
      /Short of target: South \(77%, Inadequate\)/,
    );
    await expectNoSeriousAxeViolations(page, "the KPIs tab with a month recorded");
    await screenshot(page, "kpis-month-recorded");
    await recorded.screenshot({ path: join(artifactsDir, "kpi-with-breakdown.png") });
  });

  it("corrects the month and keeps the earlier figures", async () => {
    const recorded = section();
    await recorded.getByRole("button", { name: new RegExp(`^Correct ${kpiName}`) }).click();
    const dialog = page.getByRole("dialog", { name: new RegExp(`^Correct ${kpiName}`) });
    await dialog.getByLabel("Number counted", { exact: true }).fill("1,900");
    await dialog.getByLabel("Counted in South").fill("950");
    await dialog
      .getByLabel("Why the figures are corrected")
      .fill("South's late deliveries were counted twice");
    await dialog.getByRole("button", { name: "Save the correction" }).click();
    await dialog.waitFor({ state: "hidden" });
    await recorded.getByRole("cell", { name: /95% is at or above the target of 95%\./ }).waitFor();
    await recorded.getByText(/^Earlier figures/).click();
    await recorded.getByText(/86%.*corrected by .*South's late deliveries were counted twice/).waitFor();
    await expectNoSeriousAxeViolations(page, "the KPIs tab after a correction");
  });

  it("keeps the supplier's return as the month's evidence", async () => {
    const recorded = section();
    await recorded
      .getByText(/^Evidence files/)
      .first()
      .click();
    await recorded.getByLabel("Attach a file").setInputFiles({
      name: "return-south.csv",
      mimeType: "text/csv",
      buffer: Buffer.from("Region,Delivered,On time\r\nSouth,1000,950\r\n"),
    });
    await recorded.getByRole("button", { name: "Attach file" }).click();
    await recorded.getByRole("button", { name: "return-south.csv (download)" }).waitFor();
    await expectNoSeriousAxeViolations(page, "the KPIs tab with evidence attached");
  });
});
