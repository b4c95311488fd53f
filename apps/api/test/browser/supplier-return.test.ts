import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
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
 * Issue 8 §2 in the browser: Oadby & Wigston's contract manager adds a KPI with a regional breakdown, uploads the
 * supplier's return with a mistake in it and sees the problem on its row with nothing recorded, then uploads the
 * corrected file and finds the months recorded and rated on the KPIs tab.
 */

const manager = { email: "contract-manager@oadby-wigston.demo", password: demoPassword };
const kpiName = "Meals delivered on time";

const monthBack = (months: number) => {
  const date = new Date();
  date.setUTCDate(1);
  date.setUTCMonth(date.getUTCMonth() - months);
  return date.toISOString().slice(0, 7);
};
const lastMonth = monthBack(1);
const monthBefore = monthBack(2);

function returnFile(rows: string[]) {
  return {
    name: "supplier-return.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(["KPI,Period,Numerator,Denominator,Round,Evidence", ...rows].join("\r\n")),
  };
}

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

const upload = () =>
  page
    .locator("section.panel")
    .filter({ has: page.getByRole("heading", { name: "Upload a supplier's return" }) });

describe("a supplier's return uploaded on the KPIs tab", () => {
  it("shows each problem on its row and records nothing", async () => {
    await signIn(page, server.url, manager, /\/t\/oadby-wigston/);
    await page.goto(`${server.url}/t/oadby-wigston/contracts`);
    await page.getByRole("link", { name: "MLS-2025-02" }).click();
    await page.getByRole("heading", { level: 1, name: /Meals at home/ }).waitFor();
    await page.getByRole("tab", { name: "KPIs" }).click();
    await page.waitForURL(/tab=kpis/);
    await page.getByRole("button", { name: "Add a KPI" }).click();
    const dialog = page.getByRole("dialog", { name: "Add a KPI" });
    await dialog.getByLabel("What is measured").fill(kpiName);
    await dialog.getByLabel("How it is measured").fill("Meals delivered in their slot ÷ meals delivered");
    await choose(page, "kpi-unit-trigger", "Percentage (%)");
    await choose(page, "kpi-direction-trigger", "Higher is better");
    await dialog.getByLabel("Target", { exact: true }).fill("95");
    await dialog.getByLabel("Approaching target within").fill("2");
    await dialog.getByLabel("Broken down by (optional)").fill("Round");
    await dialog.getByRole("button", { name: "Add KPI" }).click();
    await dialog.waitFor({ state: "hidden" });

    await page.getByLabel("Return file (CSV)").setInputFiles(
      returnFile([
        `${kpiName},${lastMonth},1900,2000,,Supplier's return`,
        `${kpiName},${lastMonth},950,1000,North,`,
        `${kpiName},${lastMonth},950,1000,South,`,
        // The parts of this month do not add up to its total.
        `${kpiName},${monthBefore},1700,2000,,`,
        `${kpiName},${monthBefore},950,1000,North,`,
        `${kpiName},${monthBefore},700,1000,South,`,
      ]),
    );
    const problems = upload().getByRole("table", { name: /Problems in the file/ });
    await problems
      .getByRole("row", { name: /^5 .*The parts' numerators and denominators must add up to the total's\./ })
      .waitFor();
    await expect(
      upload()
        .getByRole("button", { name: /^Record / })
        .isDisabled(),
    ).resolves.toBe(true);
    await expectNoSeriousAxeViolations(page, "a supplier return with a problem");
    await screenshot(page, "supplier-return-problem");
  });

  it("records the corrected file, rated, and says what it recorded", async () => {
    await page
      .getByLabel("Return file (CSV)")
      .setInputFiles(
        returnFile([
          `${kpiName},${lastMonth},1900,2000,,Supplier's return`,
          `${kpiName},${lastMonth},950,1000,North,`,
          `${kpiName},${lastMonth},950,1000,South,`,
          `${kpiName},${monthBefore},1650,2000,,`,
          `${kpiName},${monthBefore},950,1000,North,`,
          `${kpiName},${monthBefore},700,1000,South,`,
        ]),
      );
    const measurements = upload().getByRole("table", { name: /Measurements to record/ });
    await measurements.getByRole("row", { name: /Requires improvement/ }).waitFor();
    await upload().getByRole("button", { name: "Record 2 measurements" }).click();
    await upload()
      .getByText(/^Recorded 2 measurements from supplier-return\.csv/)
      .waitFor();
    const kpi = page
      .locator("section.panel")
      .filter({ has: page.getByRole("heading", { level: 3, name: kpiName }) });
    await kpi.getByRole("cell", { name: /95% is at or above the target of 95%\./ }).waitFor();
    await kpi.getByRole("cell", { name: /82\.5% misses the target of 95%/ }).waitFor();
    await expectNoSeriousAxeViolations(page, "the KPIs tab after a supplier return");
    await screenshot(page, "supplier-return-recorded");
  });
});
