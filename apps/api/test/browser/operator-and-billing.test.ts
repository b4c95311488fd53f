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
 * Issue 11's browser test: the platform operator sets up a council, its admin accepts the invitation, hits the
 * seat limit when inviting, and sees the billing page in offline mode (the embedded default: no Stripe key).
 */
const operator = { email: "operator@steward.demo", password: demoPassword };
const firstAdmin = {
  email: "admin@rockingham.example",
  name: "Bea Rockingham",
  password: "a long enough password",
};

let server: RunningServer;
let browser: Browser;
beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe("the operator sets up a council whose admin fills its seats (issue 11)", () => {
  let operatorPage: Page;
  let invitationLink = "";

  it("shows the operator the councils, their licences and that billing is offline", async () => {
    operatorPage = await newPage(browser);
    await signIn(operatorPage, server.url, operator, "/operator");
    const page = operatorPage;
    await page.getByRole("heading", { level: 1, name: /Councils/ }).waitFor();
    await page.getByText("Billing is offline.").waitFor();
    const councils = page.getByRole("table", { name: "Councils" }).or(page.locator("table"));
    await councils.getByRole("rowheader", { name: /Harborough/ }).waitFor();
    await expectNoSeriousAxeViolations(page, "operator console");
    await screenshot(page, "operator-councils");
  });

  it("sets up a council with a two-seat licence and its first admin's invitation", async () => {
    const page = operatorPage;
    await page.getByRole("link", { name: "Set up a council" }).click();
    await page.getByRole("heading", { level: 1, name: /Set up a council/ }).waitFor();
    await page.getByRole("button", { name: "Set up the council" }).click();
    await page.locator("#council-name-error").waitFor();
    await page.locator(".field-error", { hasText: "Choose England or South Africa." }).waitFor();
    await expectNoSeriousAxeViolations(page, "new council form with errors");
    await page.getByLabel("Name", { exact: true }).fill("Rockingham Forest Council");
    await page.getByLabel("Web address name").fill("rockingham-forest");
    await choose(page, "council-jurisdiction-trigger", "England (pounds, English UK)");
    await page.getByLabel("First admin's email address").fill(firstAdmin.email);
    await page.getByLabel("Seats").fill("2");
    await screenshot(page, "operator-new-council");
    await page.getByRole("button", { name: "Set up the council" }).click();
    await page.waitForURL(`${server.url}/operator`);
    const row = page.getByRole("row").filter({ hasText: "Rockingham Forest Council" });
    await row.waitFor();
    expect(await row.textContent()).toContain("1 of 2");
    expect(await row.textContent()).toContain("Essentials");

    await page.goto(`${server.url}/dev/mailbox`);
    const mail = page.getByRole("article").filter({ hasText: firstAdmin.email });
    await mail.first().waitFor();
    invitationLink = (await mail.first().getByRole("link").first().getAttribute("href")) ?? "";
    expect(invitationLink).toMatch(/\/accept-invitation\?council=[0-9a-f-]{36}&token=/);
  });

  it("shows the operator the platform's audit log: not the council set up (its own log), but a change to k", async () => {
    const page = operatorPage;
    await page.goto(`${server.url}/operator`);
    await page
      .getByRole("navigation", { name: "Operator console sections" })
      .getByRole("link", { name: "Audit log" })
      .click();
    await page.waitForURL(`${server.url}/operator/audit`);
    await page.getByRole("heading", { level: 1, name: /Platform audit log/ }).waitFor();
    await page.getByText("Nothing has been changed on the platform yet.").waitFor();
    await expectNoSeriousAxeViolations(page, "platform audit log, empty");

    // A change that belongs to no council: the benchmark pool's k.
    await page.getByRole("link", { name: "KPI library" }).click();
    await page.getByLabel("Fewest councils a published figure needs (k)").fill("6");
    await page.getByRole("button", { name: "Save k" }).click();
    await page.getByText("From the next published month, a figure needs 6 councils.").waitFor();
    await page.getByRole("link", { name: "Audit log" }).click();
    const row = page.getByRole("row").filter({ hasText: "Changed the benchmark pool's smallest group (k)" });
    await row.waitFor();
    expect(await row.textContent()).toContain("Benchmark pool: k is 6");
    await page.getByText("Showing 1 event").waitFor();
    await expectNoSeriousAxeViolations(page, "platform audit log");
    await screenshot(page, "operator-audit-log");
  });

  it("lets the first admin accept, invite up to the seat limit, and read the billing page", async () => {
    const page = await newPage(browser);
    await page.goto(invitationLink);
    await page.getByRole("heading", { level: 1, name: "Accept your invitation" }).waitFor();
    await page.getByLabel("Your name").fill(firstAdmin.name);
    await page.getByLabel("Choose a password").fill(firstAdmin.password);
    await page.getByRole("button", { name: "Accept the invitation" }).click();
    await page.waitForURL(`${server.url}/t/rockingham-forest`);

    await page.goto(`${server.url}/t/rockingham-forest/members`);
    await page.getByRole("heading", { level: 1, name: /Members/ }).waitFor();
    const invite = async (email: string) => {
      await page.getByLabel("Email address").fill(email);
      await choose(page, "invite-role-trigger", "Contract manager");
      await page.getByRole("button", { name: "Send invitation" }).click();
    };
    await invite("first.officer@rockingham.example");
    await page
      .getByRole("status")
      .filter({ hasText: "Invitation sent to first.officer@rockingham.example." })
      .first()
      .waitFor();
    await invite("second.officer@rockingham.example");
    const refusal = page.getByRole("alert").filter({ hasText: "Your licence has 2 seats and all are taken" });
    await refusal.waitFor();
    await expectNoSeriousAxeViolations(page, "members page at the seat limit");
    await screenshot(page, "members-seat-limit");

    await page
      .getByRole("navigation", { name: "Council sections" })
      .getByRole("link", { name: "Billing" })
      .click();
    await page.waitForURL(`${server.url}/t/rockingham-forest/billing`);
    await page.getByRole("heading", { level: 1, name: /Billing/ }).waitFor();
    await page.getByText("Billing is offline.").waitFor();
    await page.getByText("2 used of 2 (0 available)").waitFor();
    await page.getByText(/Essentials: the contract register/).waitFor();
    await page.getByText("No invoices here: in offline mode").waitFor();
    await page
      .getByRole("region", { name: "Next invoice" })
      .getByText(/None from Stripe: billing is offline.*The licence says: Essentials, 2 seats/)
      .waitFor();
    await expectNoSeriousAxeViolations(page, "billing page, offline");
    await screenshot(page, "billing-offline");
    await page.context().close();
  });

  it("shows a council past due in its grace period a banner on every page", async () => {
    const page = await newPage(browser);
    await signIn(
      page,
      server.url,
      { email: "admin@drakenstein.demo", password: demoPassword },
      /\/t\/drakenstein/,
    );
    await page.getByText(/A payment is overdue: Steward keeps working until/).waitFor();
    await expectNoSeriousAxeViolations(page, "council past due");
    await screenshot(page, "council-past-due-banner");
    // The banner leads the admin to the Billing page, which says it once, in its own words.
    await page.getByRole("link", { name: "Billing page" }).click();
    await page.waitForURL(/\/t\/drakenstein\/billing$/);
    await page.getByText("A payment is overdue. Steward keeps working until", { exact: false }).waitFor();
    expect(await page.getByText(/A payment is overdue/).count()).toBe(1);
    await page.context().close();
  });
});
