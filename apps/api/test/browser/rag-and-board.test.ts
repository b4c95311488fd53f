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
 * The monthly RAG tracker and the board (issue 8 §4, §12) through the browser: the demo's contract manager has
 * last month's RAG still to set for the meals contract; the home asks for it; the contract's Monthly RAG tab
 * shows the suggestion with its reasons; Amber without commentary is refused on the field; with commentary it
 * is set, and the contract then shows on the Contract Assurance Board with that commentary.
 */

const manager = { email: "contract-manager@oadby-wigston.demo", password: demoPassword };
const board = { email: "board@oadby-wigston.demo", password: demoPassword };
const meals = "MLS-2025-02";
const commentary = "Two missed deliveries in the north; the supplier is recruiting drivers this month.";

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

describe("the monthly RAG and the assurance board", () => {
  it("asks the contract manager on the home page for the RAG still to set", async () => {
    await signIn(page, server.url, manager, "/t/oadby-wigston");
    await page.getByRole("heading", { level: 2, name: "My contracts" }).waitFor();
    await page.getByRole("link", { name: new RegExp(`^Set the RAG of ${meals}`) }).waitFor();
    await expectNoSeriousAxeViolations(page, "home with my contracts");
    await screenshot(page, "home-my-contracts");
  });

  it("shows the suggested RAG with its reasons, and sets Amber with commentary", async () => {
    await page.getByRole("link", { name: new RegExp(`^Set the RAG of ${meals}`) }).click();
    await page.waitForURL(/\/contracts\/[^/]+\?tab=rag$/);
    const suggestion = page.getByRole("region", { name: /^Suggested for / });
    await suggestion.waitFor();
    expect(await suggestion.getByRole("listitem").count()).toBeGreaterThan(0);
    await page.getByRole("img", { name: new RegExp(`^${meals}: RAG status by month`) }).waitFor();

    await page.getByRole("radio", { name: /^Amber/ }).check();
    await page.getByRole("button", { name: "Set Amber" }).click();
    const summary = page.getByRole("alert");
    await summary.getByText("Amber and Red need commentary").first().waitFor();
    await expectNoSeriousAxeViolations(page, "RAG tab with a missing commentary");

    await page.getByLabel("Commentary").fill(commentary);
    await page.getByRole("button", { name: "Set Amber" }).click();
    await page
      .getByRole("status")
      .getByText(/is set to Amber\.$/)
      .waitFor();
    await page.getByText(commentary).first().waitFor();
    await expectNoSeriousAxeViolations(page, "RAG tab after setting Amber");
    await screenshot(page, "rag-tab");

    // The contract's overview shows the month's status at a glance.
    await page.getByRole("tab", { name: "Overview" }).click();
    const glance = page.getByRole("region", { name: "At a glance" });
    await glance.getByText(/^RAG for /).waitFor();
    await glance.getByText("Amber", { exact: true }).waitFor();
    await expectNoSeriousAxeViolations(page, "contract overview at a glance");
  });

  it("shows the contract on the board with its manager and commentary, and prints without the navigation", async () => {
    const boardPage = await newPage(browser, { locale: "en-GB" });
    await signIn(boardPage, server.url, board, "/t/oadby-wigston");
    await boardPage
      .getByRole("navigation", { name: "Council sections" })
      .getByRole("link", { name: "Assurance board" })
      .click();
    await boardPage.getByRole("heading", { level: 1, name: /Contract Assurance Board/ }).waitFor();
    const entry = boardPage
      .getByRole("article")
      .filter({ has: boardPage.getByRole("link", { name: new RegExp(`^${meals}`) }) });
    await entry.waitFor();
    await entry.getByText(commentary).waitFor();
    await entry.getByText("Amber", { exact: true }).first().waitFor();
    await boardPage.getByRole("heading", { level: 2, name: "Contracts by tier" }).waitFor();
    await expectNoSeriousAxeViolations(boardPage, "assurance board");
    await screenshot(boardPage, "assurance-board");

    await boardPage.emulateMedia({ media: "print" });
    expect(await boardPage.getByRole("navigation", { name: "Council sections" }).isVisible()).toBe(false);
    expect(await boardPage.getByRole("button", { name: "Print the board pack" }).isVisible()).toBe(false);
    expect(await entry.isVisible()).toBe(true);
    await screenshot(boardPage, "assurance-board-print");
    await boardPage.close();
  });
});
