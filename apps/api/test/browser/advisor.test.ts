import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type Credentials,
  demoPassword,
  launchBrowser,
  newPage,
  seriousAxeViolations,
  signIn,
} from "./browser.ts";
import { type RunningServer, startServer } from "./server.ts";

const admin = { email: "admin@oadby-wigston.demo", password: demoPassword };
const advisor = { email: "advisor@steward.demo", password: demoPassword };
const oadby = "Oadby & Wigston Borough Council";
const harborough = "Harborough District Council";

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

async function signedIn(credentials: Credentials, landing: string | RegExp): Promise<Page> {
  const page = await newPage(browser);
  await signIn(page, server.url, credentials, landing);
  return page;
}

const engagedCouncils = (page: Page) =>
  page.getByRole("table", { name: "Engaged councils side by side" }).getByRole("rowheader");

describe("the advisor workspace (issue 9 §7)", () => {
  it("an admin revokes and then grants an engagement, and the advisor's portfolio follows", async () => {
    // The demo advisor lands on their portfolio, with Oadby & Wigston among the engaged councils.
    const advisorPage = await signedIn(advisor, "/advisor");
    await engagedCouncils(advisorPage).filter({ hasText: oadby }).waitFor();
    // Issue 10 §7: each engaged council's required training by status, counts only; Harborough's Essentials
    // plan has no advisor access, so it is named under the councils with the reason and has no training row.
    const training = advisorPage.getByRole("table", { name: "Required training by council and status" });
    const oadbyTraining = training
      .getByRole("row")
      .filter({ has: advisorPage.getByRole("rowheader", { name: oadby }) });
    await oadbyTraining.waitFor();
    expect(await oadbyTraining.getByRole("cell").count()).toBe(6);
    expect(Number(await oadbyTraining.getByRole("cell").first().textContent())).toBeGreaterThan(0);
    expect(await training.getByRole("rowheader", { name: harborough }).count()).toBe(0);
    await advisorPage
      .getByText(`${harborough}: Advisor access is included in the Partnership plan`)
      .waitFor();
    expect(await seriousAxeViolations(advisorPage)).toEqual([]);

    const adminPage = await signedIn(admin, /\/t\/oadby-wigston/);
    await adminPage.goto(`${server.url}/t/oadby-wigston/advisors`);
    await adminPage.getByRole("heading", { level: 1, name: /Advisors/ }).waitFor();
    await adminPage.getByRole("button", { name: "Revoke Ade Advisor's engagement" }).click();
    const dialog = adminPage.getByRole("alertdialog", { name: "Revoke Ade Advisor's engagement?" });
    await dialog.getByRole("button", { name: "Revoke engagement" }).click();
    await dialog.waitFor({ state: "hidden" });
    await adminPage.getByRole("cell", { name: "Revoked" }).waitFor();

    // The advisor's next request sees the council gone.
    await advisorPage.reload();
    await advisorPage.getByRole("heading", { name: "Your engagements" }).waitFor();
    await advisorPage.getByRole("table", { name: "Engaged councils side by side" }).waitFor();
    expect(await engagedCouncils(advisorPage).filter({ hasText: oadby }).count()).toBe(0);

    // The admin engages them again, from today for a year.
    const today = new Date().toISOString().slice(0, 10);
    const nextYear = `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`;
    await adminPage.getByLabel("Advisor's email address").fill("advisor@steward.demo");
    await adminPage.getByLabel("Run performance reviews").uncheck();
    await adminPage.getByLabel("From").fill(today);
    await adminPage.getByLabel("Until (included)").fill(nextYear);
    await adminPage.getByRole("button", { name: "Engage advisor" }).click();
    await adminPage.getByRole("status").filter({ hasText: "advisor@steward.demo is engaged." }).waitFor();
    expect(await seriousAxeViolations(adminPage)).toEqual([]);

    await advisorPage.reload();
    await engagedCouncils(advisorPage).filter({ hasText: oadby }).waitFor();
    const row = advisorPage
      .getByRole("row")
      .filter({ has: advisorPage.getByRole("rowheader", { name: oadby }) });
    expect(await row.getByRole("cell").count()).toBeGreaterThanOrEqual(7);

    // From the portfolio into the council, read-only, where the advisor's read is in the audit log.
    await advisorPage.getByRole("link", { name: oadby }).click();
    await advisorPage.waitForURL(`${server.url}/t/oadby-wigston`);
    // The council's page has loaded (and with it the switcher's list of councils) before the switcher is opened.
    await advisorPage.getByRole("heading", { level: 1, name: oadby }).waitFor();
    // The council switcher lists Harborough as the portfolio does: not open, with the plan that includes access.
    await advisorPage.getByRole("button", { name: "Switch council" }).click();
    const harboroughItem = advisorPage.getByRole("menuitemradio", { name: harborough });
    await harboroughItem.waitFor();
    expect(await harboroughItem.getAttribute("aria-disabled")).toBe("true");
    expect(await harboroughItem.textContent()).toContain(
      "Not open to you: Advisor access is included in the Partnership plan",
    );
    expect(await seriousAxeViolations(advisorPage)).toEqual([]);
    await advisorPage.keyboard.press("Escape");
    await adminPage.goto(`${server.url}/t/oadby-wigston/audit`);
    await adminPage
      .getByRole("cell", { name: /read the council's data as its advisor/i })
      .first()
      .waitFor();
    await advisorPage.context().close();
    await adminPage.context().close();
  });

  it("the advisor writes a recommendation that the council answers", async () => {
    const advisorPage = await signedIn(advisor, "/advisor");
    await advisorPage.goto(`${server.url}/t/drakenstein/advice`);
    await advisorPage.getByRole("heading", { name: "Write a note or recommendation" }).waitFor();
    await advisorPage.locator("#note-title").fill("Name an SRO for every contract");
    await advisorPage.locator("#note-body").fill("Two contracts have no senior responsible officer.");
    await advisorPage.getByRole("button", { name: "Add note" }).click();
    await advisorPage.getByRole("heading", { name: /Name an SRO for every contract/ }).waitFor();
    expect(await seriousAxeViolations(advisorPage)).toEqual([]);

    const councilPage = await signedIn(
      { email: "admin@drakenstein.demo", password: demoPassword },
      /\/t\/drakenstein/,
    );
    await councilPage.goto(`${server.url}/t/drakenstein/advice`);
    await councilPage.getByLabel("Accepted").first().check();
    await councilPage
      .getByLabel('Answer "Name an SRO for every contract"')
      .fill("Agreed: by the end of the month.");
    await councilPage.getByRole("button", { name: "Send the council's answer" }).first().click();
    await councilPage.getByText("Agreed: by the end of the month.").waitFor();
    await councilPage.getByText("Accepted", { exact: true }).first().waitFor();
    await advisorPage.context().close();
    await councilPage.context().close();
  });
});
