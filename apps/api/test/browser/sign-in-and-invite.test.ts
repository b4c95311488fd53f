import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  demoPassword,
  expectNoSeriousAxeViolations,
  launchBrowser,
  newPage,
  screenshot,
  submitSignIn,
  waitUntilTrue,
} from "./browser.ts";
import { type RunningServer, startServer } from "./server.ts";

const admin = { email: "admin@oadby-wigston.demo", password: demoPassword };
const councilName = "Oadby & Wigston Borough Council";
const invitee = {
  email: "new.officer@example.test",
  name: "New Officer",
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

const activeElement = (page: Page) =>
  page.evaluate(
    "document.activeElement ? document.activeElement.tagName + '#' + document.activeElement.id : ''",
  );

describe("signing in", () => {
  it("shows problems next to the fields and in a summary, and the server's sentence for a wrong password", async () => {
    const page = await newPage(browser);
    await page.goto(`${server.url}/sign-in`);
    await page.getByRole("heading", { level: 1, name: "Sign in" }).waitFor();
    expect(await page.getAttribute("html", "lang")).toBe("en-GB");
    await expectNoSeriousAxeViolations(page, "sign-in page");

    await page.getByRole("button", { name: "Sign in" }).click();
    const emailError = page.locator("#sign-in-email-error");
    await emailError.waitFor();
    expect(await emailError.textContent()).toContain("Enter an email address like name@council.gov.uk.");
    expect(await page.locator("#sign-in-email").getAttribute("aria-describedby")).toBe("sign-in-email-error");
    expect(await page.locator("#sign-in-email").getAttribute("aria-invalid")).toBe("true");
    expect(await page.locator("#sign-in-password-error").textContent()).toContain("Enter your password.");
    await page.getByRole("alert").getByRole("link", { name: "Enter your password." }).click();
    expect(await activeElement(page)).toBe("INPUT#sign-in-password");
    await expectNoSeriousAxeViolations(page, "sign-in page with field errors");

    await submitSignIn(page, { email: admin.email, password: "not the password" });
    const summary = page.getByRole("alert").filter({ hasText: "The email or password is not right" });
    await summary.waitFor();
    expect(await activeElement(page)).toBe("DIV#");
    expect(await page.locator("#sign-in-email-error").count()).toBe(0);
    await screenshot(page, "sign-in-wrong-password");
    expect(page.url()).toBe(`${server.url}/sign-in`);
    await page.context().close();
  });
});

describe("an admin invites a new officer, who accepts", () => {
  let adminPage: Page;
  let invitationLink: string;

  it("signs the admin in to the council's shell", async () => {
    adminPage = await newPage(browser);
    await adminPage.goto(`${server.url}/`);
    await adminPage.waitForURL(`${server.url}/sign-in?next=%2F`);
    await submitSignIn(adminPage, admin);
    await adminPage.waitForURL(`${server.url}/t/oadby-wigston`);

    await adminPage.getByRole("banner").locator(".masthead__council", { hasText: councilName }).waitFor();
    await adminPage.getByRole("heading", { level: 1, name: `Welcome to ${councilName}` }).waitFor();
    const nav = adminPage.getByRole("navigation", { name: "Council sections" });
    for (const section of ["Overview", "Register", "Members", "Audit log"]) {
      await nav.getByRole("link", { name: section }).waitFor();
    }
    expect(await nav.getByRole("link", { name: "Overview" }).getAttribute("aria-current")).toBe("page");
    await adminPage.getByText("You are signed in to this council as Council admin").waitFor();
    await expectNoSeriousAxeViolations(adminPage, "council shell");
    await screenshot(adminPage, "shell-overview");
  });

  it("invites from the Members page, with the API's field errors shown on the form", async () => {
    const page = adminPage;
    await page
      .getByRole("navigation", { name: "Council sections" })
      .getByRole("link", { name: "Members" })
      .click();
    await page.waitForURL(`${server.url}/t/oadby-wigston/members`);
    await page.getByRole("heading", { level: 1, name: /Members/ }).waitFor();
    await waitUntilTrue(page, "document.activeElement && document.activeElement.tagName === 'H1'");
    await page.getByRole("cell", { name: admin.email }).waitFor();
    await page.getByText("There are no open invitations.").waitFor();
    await expectNoSeriousAxeViolations(page, "members page");

    await page.getByLabel("Email address").fill("not an email");
    await page.locator("#invite-role-trigger").click();
    await page.getByRole("option", { name: "Contract manager" }).click();
    await page.getByRole("button", { name: "Send invitation" }).click();
    const emailError = page.locator("#invite-email-error");
    await emailError.waitFor();
    expect(await emailError.textContent()).toContain("Enter an email address like name@council.gov.uk.");
    await expectNoSeriousAxeViolations(page, "members page with an invitation error");

    await page.getByLabel("Email address").fill(invitee.email);
    await page.getByRole("button", { name: "Send invitation" }).click();
    await page
      .getByRole("status")
      .filter({ hasText: `Invitation sent to ${invitee.email}.` })
      .first()
      .waitFor();
    await page
      .getByRole("table", { name: "Open invitations" })
      .getByRole("rowheader", { name: invitee.email })
      .waitFor();
    await screenshot(page, "members-invited");
  });

  it("reads the invitation link in the development mailbox", async () => {
    const page = adminPage;
    await page.goto(`${server.url}/dev/mailbox`);
    const mail = page.getByRole("article").filter({ hasText: invitee.email });
    await mail.first().waitFor();
    const href = await mail.first().getByRole("link").first().getAttribute("href");
    expect(href).toMatch(/\/accept-invitation\?council=[0-9a-f-]{36}&token=/);
    invitationLink = href ?? "";
    await expectNoSeriousAxeViolations(page, "development mailbox");
    await screenshot(page, "dev-mailbox");
  });

  it("lets the invitee accept in another browser and land in the council as a contract manager", async () => {
    const page = await newPage(browser);
    await page.goto(invitationLink);
    await page.getByRole("heading", { level: 1, name: "Accept your invitation" }).waitFor();
    await page.getByText(invitee.email).waitFor();
    await page.getByText("Contract manager").first().waitFor();
    await expectNoSeriousAxeViolations(page, "accept invitation page");
    await screenshot(page, "accept-invitation");

    await page.getByLabel("Your name").fill(invitee.name);
    await page.getByLabel("Choose a password").fill(invitee.password);
    await page.getByRole("button", { name: "Accept the invitation" }).click();
    await page.waitForURL(`${server.url}/t/oadby-wigston`);
    await page.getByRole("banner").locator(".masthead__council", { hasText: councilName }).waitFor();
    await page
      .getByRole("banner")
      .getByRole("button", { name: /New Officer/ })
      .waitFor();
    await page.getByText("You are signed in to this council as Contract manager").waitFor();
    const nav = page.getByRole("navigation", { name: "Council sections" });
    await nav.getByRole("link", { name: "Register" }).waitFor();
    expect(await nav.getByRole("link", { name: "Members" }).count()).toBe(0);
    await screenshot(page, "invitee-shell");

    // The account menu and the change-password dialog work from the keyboard.
    await page
      .getByRole("banner")
      .getByRole("button", { name: /New Officer/ })
      .focus();
    await page.keyboard.press("Enter");
    await page.getByRole("menuitem", { name: "Change password" }).waitFor();
    // Opening by keyboard focuses the first item, a frame after the menu appears.
    await waitUntilTrue(page, "document.activeElement?.textContent === 'Change password'");
    await page.keyboard.press("Enter");
    const dialog = page.getByRole("dialog", { name: "Change your password" });
    await dialog.waitFor();
    await page.getByRole("button", { name: "Change password" }).click();
    await dialog.locator("#current-password-error").waitFor();
    await expectNoSeriousAxeViolations(page, "change password dialog");
    await screenshot(page, "change-password-dialog", { fullPage: false });
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "hidden" });

    await page
      .getByRole("banner")
      .getByRole("button", { name: /New Officer/ })
      .click();
    await page.getByRole("menuitem", { name: "Sign out" }).click();
    await page.waitForURL(`${server.url}/sign-in`);
    await page.goto(`${server.url}/t/oadby-wigston`);
    await page.waitForURL(`${server.url}/sign-in?next=%2Ft%2Foadby-wigston`);
    await page.context().close();
  });

  it("changes the new member's role after a confirmation dialog", async () => {
    const page = adminPage;
    await page.goto(`${server.url}/t/oadby-wigston/members`);
    const roleOfNewOfficer = page.getByRole("button", { name: /Role of New Officer/ });
    await roleOfNewOfficer.click();
    await page.getByRole("option", { name: "Finance" }).click();
    const dialog = page.getByRole("alertdialog", { name: "Change New Officer's role?" });
    await dialog.waitFor();
    await expectNoSeriousAxeViolations(page, "role change dialog");
    await screenshot(page, "members-confirm-role", { fullPage: false });
    await dialog.getByRole("button", { name: "Change role" }).click();
    await dialog.waitFor({ state: "hidden" });
    await page
      .getByRole("status")
      .filter({ hasText: "New Officer is now Finance." })
      .waitFor({ state: "attached" });
    expect(await roleOfNewOfficer.textContent()).toContain("Finance");
  });

  it("shows the audit log and verifies the chain", async () => {
    const page = adminPage;
    await page
      .getByRole("navigation", { name: "Council sections" })
      .getByRole("link", { name: "Audit log" })
      .click();
    await page.getByRole("heading", { level: 1, name: /Audit log/ }).waitFor();
    await page.getByRole("cell", { name: "Accepted an invitation" }).waitFor();
    await page
      .getByRole("cell", { name: /^Changed a member's role: / })
      .first()
      .waitFor();
    // The entity by name, not an id: the invitation by its address, the new member by their name.
    await page
      .getByRole("cell", { name: `Invitation to ${invitee.email}` })
      .first()
      .waitFor();
    await page
      .getByRole("cell", { name: `Member ${invitee.name}` })
      .first()
      .waitFor();
    await page.getByRole("button", { name: "Verify the audit chain" }).click();
    await page.getByText("The chain is intact.").waitFor();
    await expectNoSeriousAxeViolations(page, "audit log");
    await screenshot(page, "audit-log");
    await page.context().close();
  });
});
