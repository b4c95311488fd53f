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
 * A South African council amends a contract (issue 7 §1.3): MFMA s.116(3) allows it "only after" the reasons
 * are tabled in the council and the local community has had notice and been invited to make representations.
 * Drakenstein's contract manager records a change; its SRO cannot approve it until both steps are recorded,
 * then approves it, and the decision names the SRO. No Procurement Act words appear on the change pages.
 */

const manager = { email: "contract-manager@drakenstein.demo", password: demoPassword };
const sro = { email: "sro@drakenstein.demo", password: demoPassword };

let server: RunningServer;
let browser: Browser;
let managerPage: Page;
let sroPage: Page;
let changesUrl: string;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  managerPage = await newPage(browser, { locale: "en-ZA" });
  sroPage = await newPage(browser, { locale: "en-ZA" });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function expectNoProcurementActWords(target: Page) {
  const text = (await target.locator("main").textContent()) ?? "";
  expect(text).not.toMatch(/Contract Change Notice|Procurement Act|s\.7[45]|light touch|public contract/i);
}

const change = (target: Page) => target.locator(".change").filter({ hasText: "Two more parks" });

describe("a South African council's contract change (MFMA s.116(3))", () => {
  it("records the change under the MFMA, with no Procurement Act test", async () => {
    await signIn(managerPage, server.url, manager, "/t/drakenstein");
    await managerPage.goto(`${server.url}/t/drakenstein/contracts`);
    await managerPage.getByRole("link", { name: "GRD-2024-03" }).click();
    await managerPage.getByRole("heading", { level: 1, name: /Parks and grounds maintenance/ }).waitFor();
    await managerPage.getByRole("tab", { name: "Changes" }).click();
    await managerPage.waitForURL(/tab=changes/);
    changesUrl = managerPage.url();
    await managerPage.getByText(/tabled in the council and the local community/).waitFor();

    await choose(managerPage, "change-type-trigger", "Value");
    await choose(managerPage, "change-reason-trigger", "Customer or service need");
    await managerPage.getByLabel("Description").fill("Two more parks added to the maintenance rounds.");
    await managerPage.getByLabel(/^Change in total value/).fill("120,000");
    const preview = managerPage.locator(".preview-box");
    await preview
      .getByText("Amend only after council tabling and notice to the local community: MFMA s.116(3)")
      .waitFor();
    await expectNoProcurementActWords(managerPage);
    await expectNoSeriousAxeViolations(managerPage, "ZA change form with its preview");
    await managerPage.getByRole("button", { name: "Record the change" }).click();
    await change(managerPage).waitFor();
    await change(managerPage)
      .getByText(/Table the reasons for the amendment in the council/)
      .waitFor();
    await expectNoProcurementActWords(managerPage);
    await screenshot(managerPage, "za-change-recorded");
  });

  it("cannot be approved by the SRO before the council and community steps", async () => {
    await signIn(sroPage, server.url, sro, "/t/drakenstein");
    await sroPage.goto(changesUrl);
    await change(sroPage).waitFor();
    await change(sroPage)
      .getByText(/This amendment cannot be approved yet \(MFMA s\.116\(3\)\)/)
      .waitFor();
    expect(await change(sroPage).getByRole("button", { name: "Approve" }).count()).toBe(0);
    await expectNoSeriousAxeViolations(sroPage, "ZA change waiting for its steps");
  });

  it("records the tabling and the notice, then the SRO approves, named on the decision", async () => {
    const steps = change(managerPage);
    await steps.getByLabel("Date the reasons were tabled in the council").fill("2026-01-20");
    await steps.getByLabel("Council resolution or item reference").fill("Item 7.3, C45/2026");
    // Half of the second step is refused beside its field.
    await steps.getByLabel("Date notice was given to the local community").fill("2026-01-22");
    await steps.getByRole("button", { name: "Save the council and community steps" }).click();
    await steps.getByText("Enter the date representations close.").first().waitFor();
    await steps.getByLabel("Representations invited until").fill("2026-02-05");
    await steps.getByRole("button", { name: "Save the council and community steps" }).click();
    await managerPage
      .getByRole("status")
      .filter({ hasText: "The council and community steps are recorded" })
      .waitFor();
    await steps.getByText(/resolution Item 7\.3, C45\/2026/).waitFor();
    await expectNoSeriousAxeViolations(managerPage, "ZA change with its steps recorded");
    await screenshot(managerPage, "za-change-steps");

    await sroPage.reload();
    await change(sroPage).getByRole("button", { name: "Approve" }).click();
    const dialog = sroPage.getByRole("alertdialog", { name: "Approve this change?" });
    await dialog.getByRole("button", { name: "Approve change" }).click();
    await dialog.waitFor({ state: "hidden" });
    await change(sroPage)
      .getByText(/Approved on .* by Sipho Ndlovu, Senior responsible officer/)
      .waitFor();
    await expectNoProcurementActWords(sroPage);
  });
});
