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
 * A South African council's contract pages (issue 7 §1.3): the MFMA rule pack, no Procurement Act words. The
 * demo's Drakenstein car park resurfacing was an emergency deviation (SCM reg 36) not yet reported to council;
 * the contract manager records the council meeting it was reported to, and the duty is met.
 */
const manager = { email: "contract-manager@drakenstein.demo", password: demoPassword };

let server: RunningServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  page = await newPage(browser, { locale: "en-GB" });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** Procurement Act words a South African council must not see outside the change pages. */
const englandOnly = /PA23|Procurement Act|light-touch|s\.68|reg 38|Termination Notice|Competitive flexible/i;

async function expectNoEnglishLaw(where: string) {
  const text = (await page.locator("main").textContent()) ?? "";
  expect(text.match(englandOnly)?.[0] ?? null, where).toBeNull();
}

describe("a South African council", () => {
  it("records that a deviation was reported to council, and sees MFMA rules, not the Procurement Act", async () => {
    await signIn(page, server.url, manager, "/t/drakenstein");

    await page.goto(`${server.url}/t/drakenstein/contracts?q=WRK-2026-01`);
    await page.getByRole("link", { name: "WRK-2026-01" }).click();
    await page.getByRole("heading", { level: 1, name: /Car park resurfacing/ }).waitFor();
    const deviation = page.getByRole("region", { name: "Deviation from procurement processes" });
    await deviation.getByText("Emergency (reg 36(1)(a)(i))").waitFor();
    await deviation.getByText("Not yet: report it to the next council meeting").waitFor();
    await expectNoEnglishLaw("overview");
    await expectNoSeriousAxeViolations(page, "overview with a deviation");

    await deviation.getByRole("button", { name: "Edit the deviation" }).click();
    const dialog = page.getByRole("dialog", { name: "Deviation from procurement processes" });
    await dialog.getByLabel("Date of the council meeting").fill("2026-11-26");
    await dialog.getByRole("button", { name: "Save the deviation" }).click();
    await dialog.getByText("Give the council meeting's item or resolution reference.").first().waitFor();
    await dialog.getByLabel("Item or resolution reference").fill("Council item 7.3, 26 November 2026");
    await expectNoSeriousAxeViolations(page, "deviation dialog");
    await dialog.getByRole("button", { name: "Save the deviation" }).click();
    await dialog.waitFor({ state: "hidden" });
    await deviation.getByText("26 Nov 2026, Council item 7.3, 26 November 2026").waitFor();
    await screenshot(page, "za-deviation");

    await page.getByRole("tab", { name: "Obligations" }).click();
    const duty = page.getByRole("row").filter({ hasText: "Deviation reported to council" });
    await duty.getByText("Met").waitFor();
    await page.getByRole("row").filter({ hasText: "Invoices paid within 30 days" }).waitFor();
    await page
      .getByText(/\d+ of \d+ duties tracked/)
      .first()
      .waitFor();
    await expectNoEnglishLaw("obligations");

    await page.getByRole("tab", { name: "Invoices" }).click();
    await page.getByText(/Paid within 30 days of receiving the invoice or statement/).waitFor();
    await expectNoEnglishLaw("invoices");
    await expectNoSeriousAxeViolations(page, "invoices");

    await page.getByRole("tab", { name: "History" }).click();
    await page
      .getByText(
        "Recorded the deviation as reported to council on 26 Nov 2026 (Council item 7.3, 26 November 2026).",
      )
      .waitFor();

    await page.goto(`${server.url}/t/drakenstein/compliance`);
    await page.getByRole("heading", { level: 2, name: "Paying suppliers" }).waitFor();
    await page.getByText("Paid within 30 days (MFMA s.65(2)(e))").waitFor();
    await expectNoEnglishLaw("compliance");
    await expectNoSeriousAxeViolations(page, "compliance");
    await screenshot(page, "za-compliance");
  });
});
