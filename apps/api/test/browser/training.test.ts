import { readFileSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
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
 * Issue 10's browser test: a new contract manager (the demo's Chris Evans, two lessons into the Foundation
 * course) sees the training duty overdue on their contract, finishes the lessons, passes the quiz, gets a
 * certificate that the public page verifies, and the duty on their contract is then met. The answers come from
 * the course's own questions.json (the test plays a learner who knows the material).
 */

const manager = { email: "contract-manager@oadby-wigston.demo", password: demoPassword };
const waste = "WST-2023-01";
const questions = JSON.parse(
  readFileSync(
    new URL("../../../../fixtures/training/contract-management-foundation/questions.json", import.meta.url),
    "utf8",
  ),
) as { prompt: string; options: { text: string; correct: boolean }[] }[];

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

async function trainingDuty() {
  await page.goto(`${server.url}/t/oadby-wigston/contracts?q=${waste}`);
  await page.getByRole("link", { name: waste }).first().click();
  await page.waitForURL(/\/contracts\/[^/?]+$/);
  await page.getByRole("tab", { name: "Obligations", exact: true }).click();
  const row = page.getByRole("row", { name: /Contract manager's foundation training/ });
  await row.waitFor();
  return row;
}

describe("training: a new contract manager completes the Foundation course", () => {
  it("shows the training duty overdue on the manager's contract", async () => {
    await signIn(page, server.url, manager, "/t/oadby-wigston");
    const row = await trainingDuty();
    await row.getByText("Overdue").waitFor();
    expect(await row.textContent()).toContain("has not completed Contract Management Foundation");
  });

  it("resumes the course, finishes every lesson and passes the quiz", async () => {
    await page.getByRole("link", { name: "Training", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: /Training/ }).waitFor();
    await expectNoSeriousAxeViolations(page, "training home");
    await page.getByRole("link", { name: "Contract Management Foundation" }).first().click();
    await page.getByRole("link", { name: "Resume where you left off" }).click();
    for (let lessons = 0; lessons < 20; lessons += 1) {
      await page.getByRole("button", { name: /Mark as done and continue|Next/ }).waitFor();
      if (lessons === 0) {
        await expectNoSeriousAxeViolations(page, "a lesson");
        await screenshot(page, "training-lesson");
      }
      // Each lesson leads to the next one, and the last back to the course.
      const before = page.url();
      await page.getByRole("button", { name: /Mark as done and continue|Next/ }).click();
      await page.waitForURL((url) => url.toString() !== before);
      if (/\/training\/courses\/[^/]+$/.test(new URL(page.url()).pathname)) break;
    }
    await page.getByRole("button", { name: "Start the quiz" }).click();
    await page.waitForURL(/\/training\/attempts\//);
    const groups = page.getByRole("group");
    await groups.first().waitFor();
    const count = await groups.count();
    expect(count).toBe(10);
    for (let index = 0; index < count; index += 1) {
      const group = groups.nth(index);
      const legend = (await group.locator("legend").textContent()) ?? "";
      const question = questions.find((candidate) => legend.includes(candidate.prompt));
      if (!question) throw new Error(`no question in the fixture for: ${legend}`);
      for (const option of question.options.filter((candidate) => candidate.correct)) {
        await group.getByLabel(option.text, { exact: true }).check();
      }
    }
    await expectNoSeriousAxeViolations(page, "the quiz");
    await page.getByRole("button", { name: "Submit your answers" }).click();
    await page.getByText(/you passed/).waitFor();
    await screenshot(page, "training-quiz-passed");
  });

  it("issues a certificate that the public page verifies, and the duty on the contract is met", async () => {
    await page.getByRole("link", { name: "See your certificate" }).click();
    const certificate = page.getByRole("region", { name: "The certificate" });
    await certificate.waitFor();
    expect(await certificate.textContent()).toContain("Chris Evans");
    await expectNoSeriousAxeViolations(page, "certificate");
    await page.emulateMedia({ media: "print" });
    await screenshot(page, "training-certificate-print");
    await page.emulateMedia({ media: "screen" });
    const code = ((await certificate.locator("span").last().textContent()) ?? "").trim();
    expect(code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);

    const visitor = await newPage(browser, { locale: "en-GB" });
    await visitor.goto(`${server.url}/verify`);
    await visitor.getByLabel("Verification code").fill(code.toLowerCase());
    await visitor.getByRole("button", { name: "Check" }).click();
    await visitor.getByText("This certificate is genuine.").waitFor();
    const details = (await visitor.locator("dl").textContent()) ?? "";
    expect(details).toContain("Chris Evans");
    expect(details).toContain("Contract Management Foundation");
    expect(details).not.toContain("oadby");
    await expectNoSeriousAxeViolations(visitor, "public verification");
    await visitor.close();

    const row = await trainingDuty();
    await row.getByText("Met", { exact: true }).waitFor();
  });

  it("lets the platform operator open the Foundation course in the console and start its next version", async () => {
    const operator = await newPage(browser, { locale: "en-GB" });
    await signIn(
      operator,
      server.url,
      { email: "operator@steward.demo", password: demoPassword },
      "/operator",
    );
    await operator.getByRole("link", { name: "Courses" }).click();
    await operator.getByRole("link", { name: "Contract Management Foundation" }).click();
    await operator.getByRole("button", { name: "Start version 2" }).click();
    await operator.getByRole("button", { name: "Save the draft" }).waitFor();
    await expectNoSeriousAxeViolations(operator, "course authoring");
    await operator.getByRole("button", { name: "Save the draft" }).click();
    await operator.getByText("The draft is saved.").waitFor();

    // Issue 10 §7: the operator's view across councils, counts only and no one's name.
    await operator.goto(`${server.url}/operator/courses`);
    const across = operator.getByRole("region", { name: "Training across councils" });
    await across.getByRole("rowheader", { name: "Oadby & Wigston Borough Council" }).waitFor();
    const text = (await across.textContent()) ?? "";
    for (const name of ["Chris Evans", "Okafor", "Haddad"]) expect(text).not.toContain(name);
    await expectNoSeriousAxeViolations(operator, "training across councils");
    await operator.close();
  });

  it("lets a council admin reset a learner's used-up quiz attempts from the matrix, after a confirmation", async () => {
    const admin = await newPage(browser, { locale: "en-GB" });
    await signIn(
      admin,
      server.url,
      { email: "admin@oadby-wigston.demo", password: demoPassword },
      "/t/oadby-wigston",
    );
    await admin.goto(`${server.url}/t/oadby-wigston/training/matrix`);
    await admin.getByRole("heading", { level: 1, name: /Training matrix/ }).waitFor();
    // The demo's learner who failed every attempt the Foundation course allows.
    const reset = admin.getByRole("button", {
      name: /^Reset attempts of .+ at Contract Management Foundation$/,
    });
    await reset.waitFor();
    expect(await reset.count()).toBe(1);
    const learner = ((await reset.textContent()) ?? "").match(/of (.+) at /)?.[1] ?? "";
    await expectNoSeriousAxeViolations(admin, "training matrix");
    await reset.click();
    const dialog = admin.getByRole("alertdialog", { name: `Reset ${learner}'s quiz attempts?` });
    await dialog.getByText("Their earlier attempts and scores stay on their record").waitFor();
    await dialog.getByRole("button", { name: "Reset the attempts" }).click();
    await dialog.waitFor({ state: "hidden" });
    await admin
      .getByRole("status")
      .filter({ hasText: `${learner} can take the Contract Management Foundation quiz again.` })
      .waitFor();
    await reset.waitFor({ state: "detached" });
    await admin.close();
  });
});
