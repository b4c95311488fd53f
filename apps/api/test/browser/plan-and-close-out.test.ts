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
 * The contract management plan and close-out (issue 8 §8–§10) through the browser: the demo's contract manager
 * writes the plan of the grounds maintenance contract (a High tier contract with none), is told what is missing
 * first, records a review and attaches a file to the plan; then closes out the office cleaning contract, which
 * has ended: completing is refused until the checklist and the evaluation are done, then closes the contract;
 * the lesson recorded there is found on the council's Lessons learned page; and records a Contract Performance
 * Notice published for the waste contract.
 */

const manager = { email: "contract-manager@oadby-wigston.demo", password: demoPassword };
const grounds = "GRD-2024-03";
const waste = "WST-2023-01";
const cleaning = "CLN-2025-05";
const lesson = "Name the deep clean in the specification";

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

async function openContractTab(reference: string, tab: string) {
  await page.goto(`${server.url}/t/oadby-wigston/contracts?q=${reference}`);
  await page.getByRole("link", { name: reference }).first().click();
  await page.waitForURL(/\/contracts\/[^/?]+$/);
  await page.getByRole("tab", { name: tab, exact: true }).click();
}

describe("the contract management plan and close-out", () => {
  it("writes a plan after saying what is missing, records a review and attaches a file", async () => {
    await signIn(page, server.url, manager, "/t/oadby-wigston");
    await openContractTab(grounds, "Plan");
    await page.getByRole("heading", { level: 3, name: "Write the plan" }).waitFor();
    await page.getByRole("button", { name: "Save the plan" }).click();
    const summary = page.getByRole("alert");
    await summary
      .getByText(/how the contract is monitored/)
      .first()
      .waitFor();
    await expectNoSeriousAxeViolations(page, "plan form with problems");

    await page
      .getByLabel("Monitoring arrangements")
      .fill("Monthly return of the grounds KPIs; quarterly review.");
    await page.getByLabel("Governance").fill("The SRO chairs the quarterly review.");
    await page.getByRole("button", { name: "Add a milestone" }).click();
    await page.getByLabel("Milestone 1").fill("Winter works programme agreed");
    await page.getByLabel("Due", { exact: true }).fill("2027-01-15");
    await page.getByRole("button", { name: "Save the plan" }).click();
    await page.getByRole("status").getByText("The contract management plan is written.").waitFor();
    await page.getByRole("rowheader", { name: "Winter works programme agreed" }).waitFor();
    await page.getByText(/^Next review due by /).waitFor();

    await page.getByRole("button", { name: "Record a review" }).click();
    const dialog = page.getByRole("dialog", { name: "Record a review of the plan" });
    await dialog
      .getByLabel("What was found or changed (optional)")
      .fill("Milestones checked with the supplier.");
    await dialog.getByRole("button", { name: "Record the review" }).click();
    await page
      .getByRole("status")
      .getByText(/^The review is recorded\./)
      .waitFor();
    await page.getByRole("cell", { name: "Milestones checked with the supplier." }).waitFor();

    await page.getByLabel("Attach a file").setInputFiles({
      name: "plan-signed.txt",
      mimeType: "text/plain",
      buffer: Buffer.from("Signed by both parties."),
    });
    await page.getByRole("button", { name: "Attach file" }).click();
    await page.getByRole("button", { name: "plan-signed.txt (download)" }).waitFor();
    await expectNoSeriousAxeViolations(page, "plan tab with a plan");
    await screenshot(page, "plan-tab");

    await page.getByRole("tab", { name: "Obligations" }).click();
    const planRow = page.getByRole("row").filter({ hasText: "Contract management plan reviewed" });
    await planRow.getByText("Met").first().waitFor();
  });

  it("refuses to complete a close-out until it is done, then closes the contract", async () => {
    await openContractTab(cleaning, "Close-out");
    await page.getByRole("heading", { level: 3, name: "Exit checklist and final evaluation" }).waitFor();
    await page.getByRole("button", { name: "Complete the close-out" }).click();
    await page.getByRole("alertdialog").getByRole("button", { name: "Complete and close" }).click();
    const summary = page.getByRole("alert");
    await summary
      .getByText(/Write the final evaluation/)
      .first()
      .waitFor();
    await expectNoSeriousAxeViolations(page, "close-out with problems");

    const checkboxes = page.getByRole("checkbox");
    const count = await checkboxes.count();
    expect(count).toBeGreaterThan(5);
    for (let index = 0; index < count; index += 1) await checkboxes.nth(index).check();
    await page.getByLabel(/^Note on "Assets transferred/).fill("No council assets were used.");
    await page
      .getByLabel("Final evaluation", { exact: true })
      .fill("Cleaning met its standards; renew with a deep clean each summer.");
    await page.getByRole("button", { name: "Complete the close-out" }).click();
    await page.getByRole("alertdialog").getByRole("button", { name: "Complete and close" }).click();
    await page.getByRole("status").getByText("The close-out is complete: the contract is closed.").waitFor();
    await page.getByText(/^Completed on .*: the contract is closed\.$/).waitFor();

    await page.getByLabel("Lesson", { exact: true }).fill(lesson);
    await page
      .getByLabel("What happened, and what to do next time")
      .fill("The summer deep clean was not in the specification and cost a variation.");
    await page.getByRole("button", { name: "Record the lesson" }).click();
    await page.getByText(lesson, { exact: true }).first().waitFor();
    await expectNoSeriousAxeViolations(page, "completed close-out");
    await screenshot(page, "close-out-tab");

    await page.getByRole("tab", { name: "Overview" }).click();
    await page.getByText("Closed", { exact: true }).first().waitFor();
  });

  it("finds the lesson on the council's Lessons learned page", async () => {
    await page
      .getByRole("navigation", { name: "Council sections" })
      .getByRole("link", { name: "Lessons learned" })
      .click();
    await page.getByRole("heading", { level: 1, name: "Lessons learned" }).waitFor();
    await page.getByLabel("Search lessons").fill("deep clean");
    await page.getByRole("status").getByText("1 lesson matching the search.").waitFor();
    await page.getByRole("heading", { level: 2, name: lesson }).waitFor();
    await page.getByRole("link", { name: new RegExp(`^${cleaning}`) }).waitFor();
    await expectNoSeriousAxeViolations(page, "lessons learned");
  });

  it("records a notice published for the waste contract (PA23 s.71, s.80) on its Obligations tab", async () => {
    await openContractTab(waste, "Obligations");
    await page.getByRole("heading", { level: 2, name: "Published notices" }).waitFor();
    await page.getByText("No notice has been recorded for this contract.").waitFor();
    await page.getByRole("button", { name: "Record a published notice" }).click();
    const dialog = page.getByRole("dialog", { name: "Record a published notice" });
    await dialog.getByRole("button", { name: "Record the notice" }).click();
    await dialog.getByText("Choose which notice was published.").first().waitFor();
    await choose(page, "notice-kind-trigger", "Contract Performance Notice (PA23 s.71)");
    await dialog.getByLabel(/Notice identifier/).fill("CDP-2026-004211");
    await expectNoSeriousAxeViolations(page, "record a notice dialog");
    await dialog.getByRole("button", { name: "Record the notice" }).click();
    await dialog.waitFor({ state: "hidden" });
    const notices = page.getByRole("table", { name: "Notices published for this contract, latest first" });
    await notices.getByRole("row").filter({ hasText: "CDP-2026-004211" }).waitFor();
    await page.getByRole("status").getByText("The notice is recorded.").waitFor();
    await expectNoSeriousAxeViolations(page, "contract notices");
    await screenshot(page, "contract-notices");
  });
});
