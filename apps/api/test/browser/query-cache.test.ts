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
});
