import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
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
  waitUntilTrue,
} from "./browser.ts";
import { type RunningServer, startServer } from "./server.ts";

/**
 * The register (issue 3, parts 7–8) through the browser: a contract manager imports the real Contracts
 * Finder extract, fixes the column mapping, skips the rows with problems, finds an imported contract,
 * records a change and sees its change test. The demo seed has a few contracts of its own, so the test
 * searches for what it imported rather than counting the register.
 */

const manager = { email: "contract-manager@oadby-wigston.demo", password: demoPassword };
const admin = { email: "admin@oadby-wigston.demo", password: demoPassword };
const extract = fileURLToPath(
  new URL("../../../../fixtures/registers/uk_la_contracts_contractsfinder_ocds_2025.csv", import.meta.url),
);
// Row 2 of the extract: Merton's parking pilot, £93,007.
const merton = { reference: "MRTN001-DN756786-01185010", title: "Parking Pilot - CEO" };

let server: RunningServer;
let browser: Browser;
let page: Page;
let contractUrl: string;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  page = await newPage(browser, { locale: "en-GB" });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** The row of the mapping table for a column of the file, named "E department" (letter and header). */
const mappingRow = (target: Page, column: string) =>
  target
    .getByRole("row")
    .filter({ has: target.getByRole("rowheader", { name: new RegExp(`^[A-Z]+ ${column}$`) }) });
const mappingSelect = (target: Page, column: string) => mappingRow(target, column).locator("button");

describe("the contract register", () => {
  it("opens the register from the navigation, with its actions for a contract manager", async () => {
    await signIn(page, server.url, manager, "/t/oadby-wigston");
    const nav = page.getByRole("navigation", { name: "Council sections" });
    for (const section of ["Register", "Suppliers", "Compliance"]) {
      await nav.getByRole("link", { name: section }).waitFor();
    }
    await nav.getByRole("link", { name: "Register" }).click();
    await page.waitForURL(`${server.url}/t/oadby-wigston/contracts`);
    await page.getByRole("heading", { level: 1, name: /Contract register/ }).waitFor();
    await waitUntilTrue(page, "document.activeElement && document.activeElement.tagName === 'H1'");
    await page
      .getByRole("status")
      .filter({ hasText: /Showing|No contracts/ })
      .first()
      .waitFor();
    for (const action of ["Add contract", "Import register"]) {
      await page.getByRole("link", { name: action }).waitFor();
    }
    await page.getByRole("button", { name: "Export CSV" }).waitFor();
    await expectNoSeriousAxeViolations(page, "register");
    await screenshot(page, "register");
  });

  it("counts the contracts ending or with notice due on the overview, each window a link to the filtered register", async () => {
    await page.goto(`${server.url}/t/oadby-wigston`);
    const panel = page.getByRole("region", { name: "Ending or notice due soon" });
    await panel.getByRole("link", { name: /contracts? within 30 days/ }).waitFor();
    await panel.getByRole("link", { name: /contracts? within 180 days/ }).waitFor();
    await expectNoSeriousAxeViolations(page, "overview");
    await screenshot(page, "overview-ending-soon");
    await panel.getByRole("link", { name: /within 90 days/ }).click();
    await page.waitForURL(/\/contracts\?.*ending=90/);
    await page.locator("#filter-ending-trigger", { hasText: "Within 90 days" }).waitFor();
    await page
      .getByRole("status")
      .filter({ hasText: /Showing|No contracts/ })
      .first()
      .waitFor();
  });

  it("imports the real extract: suggested mapping, fixed columns, the columns left out listed, 34 problem rows skipped", async () => {
    await page.getByRole("link", { name: "Import register" }).click();
    await page.getByRole("heading", { level: 1, name: "Import a register" }).waitFor();
    await page.getByRole("heading", { level: 2, name: /Step 1 of 3/ }).waitFor();
    await expectNoSeriousAxeViolations(page, "import: choose the file");
    await screenshot(page, "import-1-choose-file");

    await page.locator("#register-file").setInputFiles(extract);
    await page.getByRole("heading", { level: 2, name: /Step 2 of 3/ }).waitFor();
    await page.getByText("uk_la_contracts_contractsfinder_ocds_2025.csv").first().waitFor();
    const summary = page.getByRole("status").filter({ hasText: /rows:/ });
    // Every row names its buying council, and none is this one: nothing would be imported.
    await summary.filter({ hasText: /^81 rows: 0 ready to import, 81 with problems/ }).waitFor();

    // The server's suggestions, with sample values from the file.
    const suggested: [string, string][] = [
      ["reference_number", "Reference (required)"],
      ["title_of_agreement", "Title (required)"],
      ["department", "Service area"],
      ["supplier_name", "Supplier name"],
      ["contract_value", "Total value"],
      ["procurement_method", "Do not import"],
      ["procurement_method_details", "Procurement route"],
      ["buyer_local_authority", "Buying council"],
    ];
    for (const [column, field] of suggested) {
      expect(await mappingSelect(page, column).textContent(), column).toContain(field);
    }
    await mappingRow(page, "reference_number").getByText(merton.reference).waitFor();
    await expectNoSeriousAxeViolations(page, "import: column mapping");
    await screenshot(page, "import-2-mapping");

    // The extract's "department" holds the buyer's department, not the council's service area: left out.
    await mappingSelect(page, "department").click();
    await page.getByRole("option", { name: "Do not import", exact: true }).click();
    await mappingRow(page, "department").getByText("Changed from the suggestion").waitFor();
    // The extract gathers many councils' awards; this test imports them all into the demo council.
    await mappingSelect(page, "buyer_local_authority").click();
    await page.getByRole("option", { name: "Do not import", exact: true }).click();
    // Mapping a second column to Title is a problem with the mapping itself, shown before anything is written.
    await mappingSelect(page, "description").click();
    await page.getByRole("option", { name: "Title (required)", exact: true }).click();
    await page.getByRole("button", { name: "Check the rows" }).click();
    await page.getByRole("heading", { level: 2, name: /Step 3 of 3/ }).waitFor();
    await page.getByRole("alert").filter({ hasText: "The column mapping needs fixing" }).waitFor();
    await page.getByText(/both mapped to Title/).waitFor();
    expect(await page.getByRole("button", { name: /^Import/ }).isDisabled()).toBe(true);
    await page.getByRole("button", { name: "Back to the columns" }).click();
    await page.getByRole("heading", { level: 2, name: /Step 2 of 3/ }).waitFor();
    await mappingSelect(page, "description").click();
    await page.getByRole("option", { name: "Description", exact: true }).click();
    await summary
      .filter({ hasText: "81 rows: 47 ready to import, 34 with problems, 23 warnings." })
      .waitFor();
    expect(await mappingSelect(page, "department").textContent()).toContain("Do not import");

    await page.getByRole("button", { name: "Check the rows" }).click();
    await page.getByRole("heading", { level: 2, name: /Step 3 of 3/ }).waitFor();
    await waitUntilTrue(page, "document.activeElement && document.activeElement.tagName === 'H2'");
    const stat = (name: string) => page.locator(".stat").filter({ hasText: name }).locator("dd");
    expect(await stat("Rows in the file").textContent()).toBe("81");
    expect(await stat("New contracts").textContent()).toBe("47");
    expect(await stat("Contracts to update").textContent()).toBe("0");
    expect(await stat("Rows with problems").textContent()).toBe("34");
    expect(await stat("Warnings").textContent()).toBe("23");
    // Every column is either mapped or listed as not imported before anything is written.
    const notImported = page.getByRole("region", { name: "Columns that will not be imported" });
    for (const column of [
      "A: buyer_local_authority",
      "E: department",
      "S: procurement_method",
      "AD: source_file",
    ]) {
      await notImported
        .getByRole("listitem")
        .filter({ hasText: `Column ${column}` })
        .waitFor();
    }
    const problems = page.getByRole("table", { name: "34 problems on 34 rows" });
    // The demo register holds 07590785 for another supplier: the row names both, and is not imported.
    await problems
      .getByRole("row")
      .filter({
        hasText: `supplier "Day's Accountancy Services Limited" has registration number 07590785, which your register holds for "Community Meals Trust"`,
      })
      .waitFor();
    await problems
      .getByRole("row")
      .filter({ hasText: "reference RCC-1118-S-DPS is also used on rows 41, 42, 43 and 44" })
      .waitFor();
    await problems
      .getByRole("row")
      .filter({ hasText: "this row repeats row 12 in every imported column" })
      .first()
      .waitFor();
    // Warnings are folded away until asked for: zero values and the repaired mojibake.
    const warnings = page.getByRole("table", { name: "23 warnings" });
    expect(await warnings.isVisible()).toBe(false);
    await page.getByText("Show 23 warnings").click();
    await warnings.getByRole("row").filter({ hasText: "total value is 0 — left blank" }).first().waitFor();
    await warnings.getByRole("row").filter({ hasText: 'repaired ("Â£" → "£")' }).first().waitFor();
    await page.getByRole("table").filter({ hasText: merton.title }).first().waitFor();

    const importButton = page.getByRole("button", { name: "Import: add 47 contracts" });
    expect(await importButton.isDisabled()).toBe(true);
    await expectNoSeriousAxeViolations(page, "import: preview");
    await screenshot(page, "import-3-preview");
    await page.getByLabel("Skip the 34 rows with problems").check();
    expect(await importButton.isDisabled()).toBe(false);

    await importButton.click();
    await page.getByRole("heading", { level: 2, name: "Import complete" }).waitFor({ timeout: 45_000 });
    const result = page.getByRole("status").filter({ hasText: "Imported 47 contracts" });
    await result.waitFor();
    expect(await result.textContent()).toMatch(
      /Imported 47 contracts, updated 0 contracts,\s+created \d+ suppliers, skipped 34 rows\./,
    );
    await expectNoSeriousAxeViolations(page, "import: result");
    await screenshot(page, "import-4-result");
  });

  it("finds an imported contract by searching, and keeps the search in the URL", async () => {
    await page.getByRole("link", { name: "See the imported contracts in the register" }).click();
    await page.waitForURL(/\/contracts\?sort=updatedAt&dir=desc$/);
    await page.getByRole("table", { name: /Contracts, sorted by last change descending/ }).waitFor();
    const table = page.getByRole("table", { name: /^Contracts, sorted by/ });

    await page.getByLabel("Search the register").fill(merton.reference);
    await page.waitForURL(new RegExp(`q=${merton.reference}`));
    await page.getByRole("status").filter({ hasText: "Showing 1 contract" }).waitFor();
    const row = table.getByRole("row").filter({ hasText: merton.reference });
    await row.waitFor();

    // The export is the filtered register, downloaded from the answer without another request.
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Export CSV" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^contract-register-\d{4}-\d{2}-\d{2}\.csv$/);
    const exported = await readFile(await download.path(), "utf8");
    expect(exported.startsWith("\uFEFF")).toBe(true);
    expect(exported.split("\r\n").filter(Boolean)).toHaveLength(2);
    expect(exported).toContain(merton.reference);
    await page.getByRole("status").filter({ hasText: "Downloaded 1 contract as" }).waitFor();
    expect(await row.textContent()).toContain("Marstons holdings plc");
    expect(await row.textContent()).toContain("£93,007.00");
    expect(await row.textContent()).toContain("23 Apr 2025");

    // Reload keeps the search; sorting by a column header is announced through aria-sort.
    await page.reload();
    expect(await page.getByLabel("Search the register").inputValue()).toBe(merton.reference);
    await page.getByLabel("Search the register").fill("");
    await page.waitForURL((url) => !url.search.includes("q="));
    await page.getByRole("button", { name: "Total value" }).click();
    await page.waitForURL(/sort=totalValue/);
    expect(await page.getByRole("columnheader", { name: "Total value" }).getAttribute("aria-sort")).toBe(
      "ascending",
    );
    await page.getByRole("button", { name: "Total value" }).click();
    await page.waitForURL(/dir=desc/);
    expect(await page.getByRole("columnheader", { name: "Total value" }).getAttribute("aria-sort")).toBe(
      "descending",
    );
    await page.goBack();
    await page.waitForURL((url) => !url.search.includes("dir=desc"));
    expect(await page.getByRole("columnheader", { name: "Total value" }).getAttribute("aria-sort")).toBe(
      "ascending",
    );

    // A filter with no match offers to clear the filters.
    await page.getByLabel("Search the register").fill("no such contract anywhere");
    await page.getByText("No contracts match your search and filters.").waitFor();
    await page.getByRole("button", { name: "Clear filters" }).first().click();
    await page.getByLabel("Search the register").fill("MRTN001");
    await page.waitForURL(/q=MRTN001/);
    await row.waitFor();
    // Checked once the search has answered: a table waiting for its answer is dimmed (aria-busy).
    await table.and(page.locator(":not([aria-busy])")).waitFor();
    await expectNoSeriousAxeViolations(page, "register with a search");
    await screenshot(page, "register-search");

    await row.getByRole("link", { name: merton.reference }).click();
    await page.getByRole("heading", { level: 1, name: new RegExp(merton.title) }).waitFor();
    contractUrl = page.url();
  });

  it("shows the contract's overview, obligations, invoices and history in keyboard-operable tabs", async () => {
    await waitUntilTrue(page, "document.activeElement && document.activeElement.tagName === 'H1'");
    const tabs = page.getByRole("tablist", { name: "Contract sections" });
    await tabs.getByRole("tab", { name: "Overview", selected: true }).waitFor();
    const overview = page.getByRole("tabpanel");
    await overview.getByText("Marstons holdings plc").first().waitFor();
    await overview.getByRole("heading", { name: /Tier:/ }).waitFor();
    await overview.getByText(/No annual value is recorded/).waitFor();
    await overview
      .locator(".summary-list__row")
      .filter({ hasText: "Service area" })
      .getByText("Not recorded")
      .waitFor();
    await expectNoSeriousAxeViolations(page, "contract overview");
    await screenshot(page, "contract-overview");

    await tabs.getByRole("tab", { name: "Overview" }).focus();
    await page.keyboard.press("ArrowRight");
    await tabs.getByRole("tab", { name: "Obligations", selected: true }).waitFor();
    await page.waitForURL(/tab=obligations/);
    await page.getByRole("tabpanel").getByText("Compliance score").waitFor();
    await page.getByRole("table", { name: "Obligations of this contract and their status" }).waitFor();
    await expectNoSeriousAxeViolations(page, "contract obligations");
    await screenshot(page, "contract-obligations");

    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowRight");
    await tabs.getByRole("tab", { name: "Invoices", selected: true }).waitFor();
    await page.getByText("No invoices have been recorded for this contract.").waitFor();
    await page.getByLabel("Supplier's invoice number").fill("INV-0001");
    await page.getByLabel(/^Amount/).fill("12,000");
    await page.getByLabel("Received").fill("2025-02-03");
    await page.getByRole("button", { name: "Add invoice" }).click();
    const invoices = page.getByRole("table", { name: "Invoices for this contract" });
    await invoices.getByRole("row").filter({ hasText: "INV-0001" }).waitFor();
    await invoices.getByRole("button", { name: /Mark as paid/ }).click();
    const paidDialog = page.getByRole("alertdialog", { name: "Mark invoice INV-0001 as paid?" });
    await paidDialog.getByLabel("Date paid").fill("2025-02-20");
    await expectNoSeriousAxeViolations(page, "mark invoice paid dialog");
    await paidDialog.getByRole("button", { name: "Mark as paid" }).click();
    await paidDialog.waitFor({ state: "hidden" });
    await invoices.getByRole("row").filter({ hasText: "17" }).waitFor();
    await page
      .locator(".stat")
      .filter({ hasText: "Paid on time (PA23 s.68(2))" })
      .getByText("100%")
      .waitFor();
    await page.getByLabel("Supplier's invoice number").fill("INV-0002");
    await page.getByLabel(/^Amount/).fill("800");
    await page.getByLabel("Received").fill("2025-02-10");
    await page.getByRole("button", { name: "Add invoice" }).click();
    const second = invoices.getByRole("row").filter({ hasText: "INV-0002" });
    await second.getByRole("button", { name: /Mark disputed/ }).click();
    const disputeDialog = page.getByRole("alertdialog", { name: "Mark invoice INV-0002 as disputed?" });
    await disputeDialog.getByLabel("Disputed since").fill("2025-02-12");
    await disputeDialog.getByRole("button", { name: "Mark as disputed" }).click();
    await disputeDialog.getByText("Say what is disputed, so the supplier can be told.").waitFor();
    await disputeDialog.getByLabel("What is disputed").fill("Charged for two visits; one was made.");
    await expectNoSeriousAxeViolations(page, "mark invoice disputed dialog");
    await disputeDialog.getByRole("button", { name: "Mark as disputed" }).click();
    await disputeDialog.waitFor({ state: "hidden" });
    await second.getByText("Disputed", { exact: true }).waitFor();
    await page
      .locator(".stat")
      .filter({ hasText: "Unpaid past the deadline" })
      .locator("dd", { hasText: /^0\D/ })
      .waitFor();
    await expectNoSeriousAxeViolations(page, "contract invoices");
    await screenshot(page, "contract-invoices");
    await page.getByRole("tab", { name: "History" }).click();
    await page
      .getByText("Imported the contract from uk_la_contracts_contractsfinder_ocds_2025.csv.")
      .waitFor();
    await page.getByText("Marked invoice INV-0001 as paid on 20 Feb 2025.").waitFor();
    await page
      .getByText("Marked invoice INV-0002 disputed from 12 Feb 2025: Charged for two visits; one was made.")
      .waitFor();
    await expectNoSeriousAxeViolations(page, "contract history");
  });

  it("records a 5% value increase and lists it with the change test and its approver", async () => {
    await page.getByRole("tab", { name: "Changes" }).click();
    await page.waitForURL(/tab=changes/);
    await page.getByText("No changes have been recorded.").waitFor();
    await choose(page, "change-type-trigger", "Value");
    await choose(page, "change-reason-trigger", "Customer or service need");
    await page.getByLabel("Description").fill("Extend the pilot to a second car park for the summer.");
    // 5% of £93,007.00.
    await page.getByLabel(/^Change in total value/).fill("4,650.35");
    // £93,007 of services is under the PA23 threshold: not a public contract, so s.74–75 do not govern it.
    const freely = "No Contract Change Notice needed: not a public contract, so it may be modified freely";
    const preview = page.locator(".preview-box");
    await preview.getByText(freely).waitFor();
    await preview
      .getByText(/After the change its value is £97,657\.35, under the £[\d,]+ threshold/)
      .waitFor();
    await preview.getByText(/Approved by:/).waitFor();
    await expectNoSeriousAxeViolations(page, "record a change with its preview");
    await screenshot(page, "contract-change-preview");

    await page.getByRole("button", { name: "Record the change" }).click();
    await page
      .getByRole("status")
      .filter({ hasText: `The change has been recorded. ${freely}.` })
      .waitFor();
    const change = page.locator(".change").filter({ hasText: "Extend the pilot" });
    await change.waitFor();
    expect(await change.textContent()).toContain("Awaiting decision");
    expect(await change.textContent()).toContain("+£4,650.35");
    expect(await change.textContent()).toContain(freely);
    await change.getByText("Change test when requested").click();
    await change.getByText(/Section 74 governs only public contracts and convertible contracts/).waitFor();
    await screenshot(page, "contract-change-listed");

    // A change of term needs a term to measure against, and bad input is said next to its field.
    await choose(page, "change-type-trigger", "Term");
    await choose(page, "change-reason-trigger", "Other (explain in the description)");
    await page.getByLabel(/^Change in term/).fill("ninety");
    await page.getByRole("button", { name: "Record the change" }).click();
    await page.locator("#change-term-error").waitFor();
    expect(await page.locator("#change-term").getAttribute("aria-invalid")).toBe("true");
    await page
      .getByRole("alert")
      .getByRole("link", { name: /Enter a whole number of days/ })
      .click();
    expect(await page.evaluate("document.activeElement && document.activeElement.id")).toBe("change-term");
    await expectNoSeriousAxeViolations(page, "change form with errors");
  });

  it("lets an admin approve the change, which updates the contract's value", async () => {
    const adminPage = await newPage(browser, { locale: "en-GB" });
    await signIn(adminPage, server.url, admin, "/t/oadby-wigston");
    await adminPage.goto(`${contractUrl}?tab=changes`);
    const change = adminPage.locator(".change").filter({ hasText: "Extend the pilot" });
    await change.getByRole("button", { name: "Approve" }).click();
    const dialog = adminPage.getByRole("alertdialog", { name: "Approve this change?" });
    await dialog.getByLabel("Note (optional)").fill("Within budget.");
    await dialog.getByRole("button", { name: "Approve change" }).click();
    await dialog.waitFor({ state: "hidden" });
    await change.getByText("Approved", { exact: true }).waitFor();
    // The decision names the person, not only the role.
    await change.getByText(/Approved on .* by Alex Morgan, Council admin: Within budget\./).waitFor();
    await adminPage.getByRole("tab", { name: "Overview" }).click();
    const totalValue = adminPage.locator(".summary-list__row").filter({ hasText: "Total value" });
    await totalValue.getByText("£97,657.35").waitFor();
    await totalValue.getByText("As awarded: £93,007.00").waitFor();
    // An approved change re-assesses the tier from the new value (004 §4).
    await adminPage.getByText(/the total £97,657\.35 over 1 year/).waitFor();
    await screenshot(adminPage, "contract-overview-after-change");

    // Archiving asks first, and leaves the contract readable with a way back.
    await adminPage.getByRole("button", { name: "Archive contract" }).click();
    const archive = adminPage.getByRole("alertdialog", { name: `Archive ${merton.reference}?` });
    await expectNoSeriousAxeViolations(adminPage, "archive dialog");
    await archive.getByRole("button", { name: "Archive contract" }).click();
    await archive.waitFor({ state: "hidden" });
    await adminPage.getByText("This contract is archived").waitFor();
    await adminPage.getByRole("button", { name: "Restore contract" }).click();
    await adminPage.getByRole("alertdialog").getByRole("button", { name: "Restore contract" }).click();
    await adminPage.getByRole("status").filter({ hasText: "The contract has been restored." }).waitFor();

    // An override of the assessed tier needs a reason, which then travels with the tier.
    await adminPage.getByRole("button", { name: "Review tier" }).click();
    const review = adminPage.getByRole("dialog", { name: "Review the tier" });
    // Kobalte moves focus into the dialog a moment after it opens: act once it has.
    await waitUntilTrue(adminPage, "document.activeElement?.closest('[role=dialog]') != null");
    await review.getByLabel("Override the assessment, with a reason").check();
    await choose(adminPage, "tier-override-trigger", "Medium");
    await review.getByRole("button", { name: "Save the tier" }).click();
    await review.locator("#tier-reason-error").waitFor();
    await expectNoSeriousAxeViolations(adminPage, "tier review dialog");
    await screenshot(adminPage, "contract-tier-review", { fullPage: false });
    await review
      .getByLabel("Reason for the override")
      .fill("A three-month pilot: the full contract is tendered later.");
    await review.getByRole("button", { name: "Save the tier" }).click();
    await review.waitFor({ state: "hidden" });
    await adminPage.getByRole("status").filter({ hasText: "The tier has been reviewed: Medium." }).waitFor();
    await adminPage.getByText("Set by override (assessed as High): A three-month pilot").waitFor();
    expect(await adminPage.evaluate("document.activeElement && document.activeElement.textContent")).toBe(
      "Review tier",
    );
    await adminPage.context().close();
  });

  it("edits the contract with field errors from the API beside the fields and in a summary", async () => {
    await page.goto(contractUrl);
    await page.getByRole("link", { name: "Edit contract" }).click();
    await page.getByRole("heading", { level: 1, name: `Edit ${merton.reference}` }).waitFor();
    for (const legend of [
      "Identification",
      "Supplier and people",
      "Dates",
      "Values",
      "Procurement",
      "Flags",
      "Status",
    ]) {
      await page.getByRole("group", { name: legend }).waitFor();
    }
    expect(await page.getByLabel("Title").inputValue()).toBe(merton.title);
    expect(await page.getByLabel(/^Total value/).inputValue()).toBe("97657.35");
    await expectNoSeriousAxeViolations(page, "contract form");

    await page.getByLabel("Title").fill("");
    await page.getByLabel("End date", { exact: true }).fill("2024-01-01");
    await page.getByLabel(/^Annual value/).fill("lots");
    await page.getByRole("button", { name: "Save changes" }).click();
    const summary = page.getByRole("alert").filter({ hasText: "There is a problem" });
    await summary.waitFor();
    await page.locator("#contract-annualValue-error").waitFor();
    await page.getByLabel(/^Annual value/).fill("");
    await page.getByRole("button", { name: "Save changes" }).click();
    await page.locator("#contract-title-error").filter({ hasText: "Give the contract a title." }).waitFor();
    await page
      .locator("#contract-endDate-error")
      .filter({ hasText: "The end date must be on or after the start date." })
      .waitFor();
    await summary.getByRole("link", { name: "Give the contract a title." }).click();
    expect(await page.evaluate("document.activeElement && document.activeElement.id")).toBe("contract-title");
    await expectNoSeriousAxeViolations(page, "contract form with errors");
    await screenshot(page, "contract-form-errors");

    await page.getByLabel("Title").fill(`${merton.title} (pilot)`);
    await page.getByLabel("End date", { exact: true }).fill("2025-07-23");
    await page.getByRole("button", { name: "Save changes" }).click();
    await page.getByRole("heading", { level: 1, name: `${merton.title} (pilot)` }).waitFor();
    await page.getByRole("status").filter({ hasText: "Your changes have been saved." }).waitFor();
  });

  it("adds a contract with a new supplier added in a dialog", async () => {
    await page.goto(`${server.url}/t/oadby-wigston/contracts/new`);
    await page.getByRole("heading", { level: 1, name: "Add a contract" }).waitFor();
    await expectNoSeriousAxeViolations(page, "add contract form");
    await page.getByLabel("Reference").fill("OWBC-TEST-001");
    await page.getByLabel("Title").fill("Christmas lights");
    await choose(page, "contract-category-trigger", "Works");
    await page.getByRole("button", { name: "Add a new supplier" }).click();
    const dialog = page.getByRole("dialog", { name: "Add a supplier" });
    await waitUntilTrue(page, "document.activeElement?.closest('[role=dialog]') != null");
    await dialog.getByLabel("Supplier name").fill("Festive Lighting Ltd");
    await dialog.getByLabel("Registration number").fill("01234567");
    await expectNoSeriousAxeViolations(page, "add supplier dialog");
    await screenshot(page, "contract-form-new-supplier", { fullPage: false });
    await dialog.getByRole("button", { name: "Add supplier" }).click();
    await dialog.waitFor({ state: "hidden" });
    expect(await page.locator("#contract-supplier-input").inputValue()).toBe("Festive Lighting Ltd");
    await page.getByLabel(/^Annual value/).fill("62,000");
    await page.getByLabel("Start date").fill("2025-11-01");
    await page.getByLabel("End date", { exact: true }).fill("2026-01-31");
    await screenshot(page, "contract-form-new");
    await page.getByRole("button", { name: "Add contract" }).click();
    await page.getByRole("heading", { level: 1, name: "Christmas lights" }).waitFor();
    await page
      .getByRole("status")
      .filter({ hasText: "The contract has been added to the register." })
      .waitFor();
    await page.getByRole("heading", { name: /Tier:/ }).getByText("High").waitFor();
  });

  it("sets the manager and service area on chosen contracts with the bulk edit, after a confirmation", async () => {
    const nav = page.getByRole("navigation", { name: "Council sections" });
    await nav.getByRole("link", { name: "Register" }).click();
    await page.getByRole("heading", { level: 1, name: /Contract register/ }).waitFor();
    await page.getByLabel("Search the register").fill("MRTN001");
    const table = page.getByRole("table", { name: /^Contracts, sorted by/ });
    await page.getByRole("status").filter({ hasText: "Showing all 3 contracts" }).waitFor();
    await page.getByLabel("Choose every contract on this page").check();
    await page.getByLabel(`Choose ${merton.reference}`).uncheck();
    const panel = page.getByRole("form", { name: "Edit 2 contracts together" });
    await panel.waitFor();
    await choose(page, "bulk-manager-trigger", "Chris Evans");
    await panel.getByLabel("Set service area").fill("Parks and open spaces");
    await table.and(page.locator(":not([aria-busy])")).waitFor();
    await expectNoSeriousAxeViolations(page, "register: bulk edit");
    await screenshot(page, "register-bulk-edit");
    await panel.getByRole("button", { name: "Apply to 2 contracts" }).click();
    const dialog = page.getByRole("alertdialog", { name: "Change 2 contracts?" });
    await dialog.getByText("contract manager, service area “Parks and open spaces”").waitFor();
    await dialog.getByRole("button", { name: "Change 2 contracts" }).click();
    await dialog.waitFor({ state: "hidden" });
    const done = page.getByRole("status").filter({ hasText: "Changed 2 contracts." });
    await done.waitFor();
    // Issue 10 §6: Chris Evans is part-way through the Foundation course, so the result says so.
    expect(await done.textContent()).toContain(
      "Chris Evans has no current completion of Contract Management Foundation",
    );
    expect(await page.getByRole("form", { name: /together/ }).count()).toBe(0);
    const managed = table.getByRole("row").filter({ hasText: "Chris Evans" });
    await managed.first().waitFor();
    expect(await managed.count()).toBe(2);
    const untouched = table.getByRole("row").filter({ hasText: merton.reference });
    expect(await untouched.textContent()).not.toContain("Chris Evans");
    await page.getByLabel("Search the register").fill("");
  });

  it("lists suppliers with a supplier's contracts, and the council's compliance", async () => {
    const nav = page.getByRole("navigation", { name: "Council sections" });
    await nav.getByRole("link", { name: "Suppliers" }).click();
    await page.getByRole("heading", { level: 1, name: /Suppliers/ }).waitFor();
    await page.getByLabel("Search suppliers").fill("Marstons");
    await page.getByRole("link", { name: "Marstons holdings plc" }).click();
    await page.getByRole("heading", { level: 1, name: /Marstons holdings plc/ }).waitFor();
    await page.getByRole("link", { name: merton.reference }).waitFor();
    await expectNoSeriousAxeViolations(page, "supplier page");
    await screenshot(page, "supplier-page");

    // The register's supplier filter: type part of the name, choose from the server's matches.
    await nav.getByRole("link", { name: "Register" }).click();
    await page.getByRole("heading", { level: 1, name: /Contract register/ }).waitFor();
    const supplierFilter = page.getByRole("combobox", { name: "Supplier" });
    await supplierFilter.fill("Marstons");
    await page.getByRole("option", { name: "Marstons holdings plc" }).click();
    await page.waitForURL(/supplier=[0-9a-f-]{36}/);
    await page.getByRole("status").filter({ hasText: "Showing 1 contract" }).waitFor();
    expect(await supplierFilter.inputValue()).toBe("Marstons holdings plc");
    await page.getByRole("button", { name: "Clear filters" }).first().click();
    await page.waitForURL((url) => !url.search.includes("supplier="));
    await nav.getByRole("link", { name: "Compliance" }).click();

    await page.getByRole("heading", { level: 1, name: /Compliance/ }).waitFor();
    await page.getByRole("heading", { level: 2, name: "Contracts needing attention" }).waitFor();
    await expectNoSeriousAxeViolations(page, "compliance");
    await screenshot(page, "compliance");
  });

  it("lets an admin change the tiering thresholds, with the error beside the field", async () => {
    const adminPage = await newPage(browser, { locale: "en-GB" });
    await signIn(adminPage, server.url, admin, "/t/oadby-wigston");
    await adminPage.getByRole("link", { name: "Settings" }).click();
    await adminPage.getByRole("heading", { name: "Council settings" }).waitFor();
    const medium = adminPage.getByLabel("Medium tier: value per year from");
    expect(await medium.inputValue()).toBe("5000.00");
    await medium.fill("60000");
    await adminPage.getByRole("button", { name: "Save settings" }).click();
    await adminPage
      .getByRole("alert")
      .getByText("The Medium threshold must be below the High threshold.")
      .waitFor();
    expect(await medium.getAttribute("aria-invalid")).toBe("true");
    await expectNoSeriousAxeViolations(adminPage, "settings with an error");
    await screenshot(adminPage, "settings-error");
    await medium.fill("4000");
    await adminPage.getByRole("button", { name: "Save settings" }).click();
    await adminPage.getByText("Settings saved.").waitFor();
    await adminPage.reload();
    expect(await adminPage.getByLabel("Medium tier: value per year from").inputValue()).toBe("4000.00");

    // A contract manager reads the settings but cannot change them.
    await page.goto(`${server.url}/t/oadby-wigston/settings`);
    await page.getByText("Only a council admin can change these settings.").waitFor();
    expect(await page.getByLabel("Medium tier: value per year from").isDisabled()).toBe(true);
    await adminPage.context().close();
  });
});
