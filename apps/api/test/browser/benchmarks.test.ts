import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  demoPassword,
  expectNoSeriousAxeViolations,
  launchBrowser,
  newPage,
  screenshot,
  signIn,
} from "./browser.ts";
import { type RunningServer, startServer } from "./server.ts";

/**
 * Issue 9 §5 in the browser: Oadby & Wigston's contract manager opens the benchmark of its waste contractor,
 * CleanStreets (linked in the demo to its registry entry), and sees the distribution across councils with the
 * council's own position, the early warning, and a cell said plainly to be suppressed at another council's page.
 */
const manager = { email: "contract-manager@oadby-wigston.demo", password: demoPassword };

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

describe("a council user opens a supplier's benchmark", () => {
  it("sees the distribution across councils with its own position, and the early warning", async () => {
    await signIn(page, server.url, manager, /\/t\/oadby-wigston/);
    await page
      .getByRole("navigation", { name: "Council sections" })
      .getByRole("link", { name: "Benchmarks" })
      .click();
    await page.getByRole("heading", { level: 1, name: "Benchmarks" }).waitFor();
    await expect(
      page.getByText("Oadby & Wigston Borough Council contributes to the benchmarking pool"),
    ).toBeTruthy();
    const warning = page.getByRole("note").filter({ hasText: "Early warning" });
    await warning.waitFor();
    expect(await warning.textContent()).toContain("CleanStreets Services plc");
    await expectNoSeriousAxeViolations(page, "the benchmarks page");

    await page.getByRole("link", { name: "How CleanStreets Services plc compares" }).click();
    await page.getByRole("heading", { level: 1, name: "CleanStreets Services plc" }).waitFor();
    const missed = page.getByRole("img", { name: "Missed collections rate: this supplier across councils" });
    await missed.waitFor();
    const description = await page.locator(`#${await missed.getAttribute("aria-describedby")}`).textContent();
    expect(description).toContain("6 councils.");
    expect(description).toMatch(/Your council with this supplier: [\d.,]+ per 100,000/);
    // No other council is named on the page.
    const text = (await page.locator("main").textContent()) ?? "";
    for (const other of ["Blaby", "Charnwood", "Melton", "Drakenstein", "Harborough", "Stellenbosch"]) {
      expect(text).not.toContain(other);
    }
    await expectNoSeriousAxeViolations(page, "a supplier's benchmark");
    await screenshot(page, "benchmark-supplier");
  });

  it("reaches the supplier's benchmark from its contract", async () => {
    await page.goto(`${server.url}/t/oadby-wigston/contracts`);
    await page.getByRole("link", { name: "WST-2023-01" }).click();
    await page
      .getByRole("region", { name: "At a glance" })
      .getByRole("link", { name: "How CleanStreets Services plc compares across councils" })
      .click();
    await page.getByRole("heading", { level: 1, name: "CleanStreets Services plc" }).waitFor();
  });

  it("says plainly when too few councils measure something", async () => {
    const drakenstein = { email: "contract-manager@drakenstein.demo", password: demoPassword };
    const other = await newPage(browser);
    await signIn(other, server.url, drakenstein, /\/t\/drakenstein/);
    await other.goto(`${server.url}/t/drakenstein/benchmarks`);
    await other.getByRole("link", { name: "How Fynbos Landscapes compares" }).click();
    await other.getByRole("heading", { level: 1, name: "Fynbos Landscapes" }).waitFor();
    await other.getByText("Fewer than 5 councils measure this; nothing can be shown.").first().waitFor();
    await other.close();
  });

  it("lets the platform operator read and edit the KPI library in the console", async () => {
    const operator = await newPage(browser);
    await signIn(
      operator,
      server.url,
      { email: "operator@steward.demo", password: demoPassword },
      /\/operator/,
    );
    await operator.getByRole("link", { name: "KPI library" }).click();
    await operator.getByRole("heading", { level: 1, name: "KPI library and benchmarking" }).waitFor();
    await operator.getByRole("rowheader", { name: "Missed collections rate" }).waitFor();
    await operator.getByLabel("Fewest councils a published figure needs (k)").fill("2");
    await operator.getByRole("button", { name: "Save k" }).click();
    await operator
      .getByRole("alert")
      .getByText("Choose a number of councils from 3 to 50.")
      .first()
      .waitFor();
    await expectNoSeriousAxeViolations(operator, "the operator's KPI library");
    await operator.close();
  });
});
