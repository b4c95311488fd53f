import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, it } from "vitest";
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
 * Improvement plans and meetings (issue 8 §5–6) through the browser: the demo's grounds maintenance contract
 * (High tier) last held a review meeting 13 months ago, so its quarterly review cadence is overdue. The contract
 * manager opens an improvement plan, records a review meeting held today with the supplier, and the obligation
 * shows as met.
 */

const manager = { email: "contract-manager@oadby-wigston.demo", password: demoPassword };
const grounds = "GRD-2024-03";

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

const reviewMeetings = () => page.getByRole("row", { name: /Contract review meetings/ });

describe("improvement plans and review meetings", () => {
  it("shows the grounds contract's review meetings overdue", async () => {
    await signIn(page, server.url, manager, "/t/oadby-wigston");
    await page.goto(`${server.url}/t/oadby-wigston/contracts`);
    await page.getByLabel("Search the register").fill(grounds);
    await page.waitForURL(new RegExp(`q=${grounds}`));
    await page.getByRole("link", { name: grounds }).click();
    await page.getByRole("heading", { level: 1, name: /Parks and grounds maintenance/ }).waitFor();
    await page.getByRole("tab", { name: "Obligations" }).click();
    await reviewMeetings().getByText("Overdue", { exact: true }).waitFor();
  });

  it("opens an improvement plan", async () => {
    await page.getByRole("tab", { name: "Improvement plans" }).click();
    await page.getByRole("button", { name: "Open an improvement plan" }).click();
    const dialog = page.getByRole("dialog", { name: "Open an improvement plan" });
    await dialog.waitFor();
    // Without a title the form says what is missing, on the field.
    await dialog.getByRole("button", { name: "Open the plan" }).click();
    await dialog.getByText("Give the plan a short title.").first().waitFor();
    await expectNoSeriousAxeViolations(page, "open improvement plan dialog with a problem");
    await dialog.getByLabel("Title").fill("Catch up the cutting programme");
    await dialog
      .getByLabel("How is the contract failing?")
      .fill("Two rounds of cuts missed in the east wards.");
    await dialog.getByRole("button", { name: "Open the plan" }).click();
    await page
      .getByRole("status")
      .getByText(/The improvement plan is open\./)
      .waitFor();
    await page.getByRole("heading", { level: 3, name: "Catch up the cutting programme" }).waitFor();
    await page.getByText("Progress: 0 of 0 items done").waitFor();
    await expectNoSeriousAxeViolations(page, "improvement plans tab");
    await screenshot(page, "improvement-plans-tab");
  });

  it("records a review meeting held today, and the review cadence is met", async () => {
    await page.getByRole("tab", { name: "Meetings and actions" }).click();
    await page.getByRole("button", { name: "Record a meeting held" }).click();
    const dialog = page.getByRole("dialog", { name: "Record a meeting held" });
    await dialog.waitFor();
    await dialog.getByRole("radio", { name: "Contract review" }).check();
    await dialog.getByLabel("Council attendees").fill("Casey, contract manager");
    await dialog.getByLabel("Supplier attendees").fill("Greenways account manager");
    await dialog.getByLabel("Notes").fill("Recovery of the east wards agreed.");
    await dialog.getByLabel("Insight").fill("Only the east wards are behind: one crew short since March.");
    await expectNoSeriousAxeViolations(page, "record a meeting dialog");
    await dialog.getByRole("button", { name: "Record the meeting" }).click();
    await page.getByText("The meeting is recorded as held.").waitFor();
    const todayInWords = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium" }).format(new Date());
    await page.getByRole("heading", { level: 3, name: `Contract review: held ${todayInWords}` }).waitFor();
    await expectNoSeriousAxeViolations(page, "meetings and actions tab");
    await screenshot(page, "meetings-tab");

    await page.getByRole("tab", { name: "Obligations" }).click();
    await reviewMeetings().getByText("Met", { exact: true }).waitFor();
  });
});
