import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Credentials, demoPassword, launchBrowser, newPage, signIn } from "./browser.ts";
import { type RunningServer, startServer } from "./server.ts";

const admin = { email: "admin@oadby-wigston.demo", password: demoPassword };
const advisor = { email: "advisor@steward.demo", password: demoPassword };

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

async function signedIn(credentials: Credentials): Promise<Page> {
  const page = await newPage(browser);
  await signIn(page, server.url, credentials, /\/t\/|\/$/);
  return page;
}

/** Marks the loaded document: the mark is gone if anything reloads the page. */
async function markDocument(page: Page) {
  await page.evaluate("window.stewardTestMark = true");
}

async function expectSameDocument(page: Page) {
  expect(await page.evaluate("window.stewardTestMark === true")).toBe(true);
}

async function choose(page: Page, triggerId: string, option: string) {
  await page.locator(`#${triggerId}`).click();
  await page.getByRole("option", { name: option, exact: true }).click();
  await page.getByRole("listbox").waitFor({ state: "hidden" });
}

function section(page: Page, name: string) {
  return page.getByRole("navigation", { name: "Council sections" }).getByRole("link", { name });
}

describe("the query cache", () => {
  it("shows a mutation's audit event on a page visited before it, without a reload (invalidation)", async () => {
    const page = await signedIn(admin);
    await page.goto(`${server.url}/t/oadby-wigston/audit`);
    await page.getByRole("heading", { level: 1, name: /Audit log/ }).waitFor();
    await page.getByRole("table").waitFor();
    expect(await page.getByRole("cell", { name: /^Changed a member's role: / }).count()).toBe(0);
    await markDocument(page);

    await section(page, "Members").click();
    await page.getByRole("button", { name: /Role of Victor Ahmed/ }).click();
    await page.getByRole("option", { name: "Finance" }).click();
    const dialog = page.getByRole("alertdialog", { name: "Change Victor Ahmed's role?" });
    await dialog.getByRole("button", { name: "Change role" }).click();
    await dialog.waitFor({ state: "hidden" });

    // Back within the cache's freshness window: without invalidation the cached list would show.
    await section(page, "Audit log").click();
    await page
      .getByRole("cell", { name: "Changed a member's role: Viewer (auditor, councillor) to Finance" })
      .waitFor();
    await expectSameDocument(page);
    await page.context().close();
  });

  it("shows the support reference when the server fails (one error display for every query)", async () => {
    const page = await signedIn(admin);
    const reference = "req-test-0123";
    // The server's sentence for its own fault, as its error formatter writes it (packages/api/src/init.ts).
    await page.route("**/trpc/members.list*", (route) =>
      route.fulfill({
        status: 500,
        contentType: "application/json",
        body: JSON.stringify([
          {
            error: {
              message: `Something went wrong on our side. Try again; if it keeps happening, quote reference ${reference}.`,
              code: -32603,
              data: {
                code: "INTERNAL_SERVER_ERROR",
                httpStatus: 500,
                path: "members.list",
                fieldErrors: null,
              },
            },
          },
        ]),
      }),
    );
    await page.goto(`${server.url}/t/oadby-wigston/members`);
    const alert = page.getByRole("alert").filter({ hasText: `quote reference ${reference}` });
    await alert.waitFor();
    await alert.getByRole("button", { name: "Try again" }).waitFor();
    await page.context().close();
  });

  it("never shows one council's cached answer in another after switching council", async () => {
    const page = await signedIn(advisor);
    const highAnnual = page.locator("#setting-highAnnualMinor");
    await page.goto(`${server.url}/t/oadby-wigston/settings`);
    await highAnnual.waitFor();
    const oadby = await highAnnual.inputValue();
    await markDocument(page);

    await page.getByRole("button", { name: "Switch council" }).click();
    await page.getByRole("menuitemradio", { name: "Drakenstein Municipality" }).click();
    await page.waitForURL(`${server.url}/t/drakenstein`);
    await section(page, "Settings").click();
    await page.waitForURL(`${server.url}/t/drakenstein/settings`);
    await highAnnual.waitFor();
    // ZA's default High tier threshold (domain tenant-settings.ts): R1,000,000 a year.
    expect(await highAnnual.inputValue()).toBe("1000000.00");
    expect(oadby).not.toBe("1000000.00");
    await expectSameDocument(page);
    await page.context().close();
  });

  it("updates the contract's other tabs after a change is approved, without a reload", async () => {
    // The contract manager asks for a change; the admin approves it on the contract page (segregation of duties).
    const managerPage = await signedIn({
      email: "contract-manager@oadby-wigston.demo",
      password: demoPassword,
    });
    await managerPage.goto(`${server.url}/t/oadby-wigston/contracts`);
    await managerPage.getByRole("table").getByRole("link").first().click();
    await managerPage.waitForURL(/\/contracts\/[0-9a-f-]{36}$/);
    const contractUrl = managerPage.url();
    await managerPage.getByRole("tab", { name: "Changes" }).click();
    await choose(managerPage, "change-type-trigger", "Value");
    await choose(managerPage, "change-reason-trigger", "Customer or service need");
    await managerPage.getByLabel("Description").fill("A second site for the summer.");
    await managerPage.getByLabel(/^Change in total value/).fill("1,000.00");
    await managerPage.getByRole("button", { name: "Record the change" }).click();
    await managerPage.locator(".change").filter({ hasText: "A second site for the summer." }).waitFor();
    await managerPage.context().close();

    const page = await signedIn(admin);
    await page.goto(contractUrl);
    const totalValue = page.locator(".summary-list__row").filter({ hasText: "Total value" });
    await totalValue.waitFor();
    const before = await totalValue.textContent();
    await markDocument(page);
    // The history is read (and cached) before the change.
    await page.getByRole("tab", { name: "History" }).click();
    await page.locator(".timeline").waitFor();
    expect(await page.getByText(/^Approved a change/).count()).toBe(0);

    await page.getByRole("tab", { name: "Changes" }).click();
    const change = page.locator(".change").filter({ hasText: "A second site for the summer." });
    await change.getByRole("button", { name: "Approve" }).click();
    const dialog = page.getByRole("alertdialog", { name: "Approve this change?" });
    await dialog.getByRole("button", { name: "Approve change" }).click();
    await dialog.waitFor({ state: "hidden" });
    await change.getByText("Approved", { exact: true }).waitFor();

    await page.getByRole("tab", { name: "Overview" }).click();
    await totalValue.waitFor();
    expect(await totalValue.textContent()).not.toBe(before);
    await page.getByRole("tab", { name: "History" }).click();
    await page.getByText(/^Approved a change/).waitFor();
    await expectSameDocument(page);
    await page.context().close();
  });

  it("asks for the members once on a page where several parts list them", async () => {
    const page = await signedIn(admin);
    let membersRequests = 0;
    page.on("request", (request) => {
      if (new URL(request.url()).pathname.includes("members.list")) membersRequests += 1;
    });
    await page.goto(`${server.url}/t/oadby-wigston/contracts`);
    // The manager filter lists the members; choosing a contract opens the bulk edit with two more pickers.
    await page.getByRole("table").getByRole("checkbox").first().check();
    await page.getByRole("heading", { name: /together$/ }).waitFor();
    await page.locator("#bulk-manager-trigger").click();
    await page.getByRole("option", { name: "Chris Evans" }).waitFor();
    expect(membersRequests).toBe(1);
    await page.context().close();
  });
});
