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
    // Council attendees are ticked from the council's members; anyone else is typed.
    await dialog.getByRole("checkbox", { name: "Chris Evans" }).check();
    await dialog.getByLabel("Other council attendees").fill("Cllr Pat Hughes");
    await dialog.getByLabel("Supplier attendees").fill("Greenways account manager");
    await dialog.getByLabel("Notes").fill("Recovery of the east wards agreed.");
    await dialog.getByLabel("Insight").fill("Only the east wards are behind: one crew short since March.");
    await expectNoSeriousAxeViolations(page, "record a meeting dialog");
    await dialog.getByRole("button", { name: "Record the meeting" }).click();
    await page.getByText("The meeting is recorded as held.").waitFor();
    const todayInWords = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium" }).format(new Date());
    const held = page.getByRole("region", { name: `Contract review: held ${todayInWords}` });
    await held
      .getByText("Chris Evans (Council), Cllr Pat Hughes (Council), Greenways account manager")
      .waitFor();
    await expectNoSeriousAxeViolations(page, "meetings and actions tab");
    await screenshot(page, "meetings-tab");

    await page.getByRole("tab", { name: "Obligations" }).click();
    await reviewMeetings().getByText("Met", { exact: true }).waitFor();
  });

  it("plans a performance meeting and cancels it, saying why", async () => {
    await page.getByRole("tab", { name: "Meetings and actions" }).click();
    await page.getByRole("button", { name: "Plan a meeting" }).click();
    const dialog = page.getByRole("dialog", { name: "Plan a meeting" });
    await dialog.getByRole("radio", { name: "Performance meeting" }).check();
    await dialog.getByRole("button", { name: "Plan the meeting" }).click();
    await page.getByText("The meeting is planned.").waitFor();
    const todayInWords = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium" }).format(new Date());
    const planned = page.getByRole("region", { name: `Performance meeting: planned for ${todayInWords}` });
    await planned.getByRole("button", { name: "Cancel the meeting" }).click();
    const cancel = page.getByRole("dialog", { name: /^Cancel the performance meeting/ });
    // A reason is required; the field says so.
    await cancel.getByRole("button", { name: "Cancel the meeting" }).click();
    await cancel.getByText("Say why the meeting is cancelled.").first().waitFor();
    await expectNoSeriousAxeViolations(page, "cancel a meeting dialog");
    await cancel.getByLabel("Why it is cancelled").fill("The supplier's manager is ill; moved to next week.");
    await cancel.getByRole("button", { name: "Cancel the meeting" }).click();
    await page.getByText("The meeting is cancelled.").waitFor();
    const cancelled = page.getByRole("region", {
      name: `Performance meeting: planned for ${todayInWords}, cancelled`,
    });
    await cancelled.getByText("The supplier's manager is ill; moved to next week.").waitFor();
    await expectNoSeriousAxeViolations(page, "meetings tab with a cancelled meeting");
  });
});
