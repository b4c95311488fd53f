import { mkdir, readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { type Browser, chromium, type Page } from "playwright-core";
import { expect } from "vitest";

/** Screenshots for people to look at; git-ignored. */
export const artifactsDir = fileURLToPath(new URL("../../.browser-artifacts/", import.meta.url));

/** Debian's Chromium; playwright never downloads a browser here. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}

/** Every demo sign-in's password (the seed's). */
export const demoPassword = "steward-demo-password";

export interface Credentials {
  email: string;
  password: string;
}

/** A page in a browser context of its own (its own cookies), at the size the screenshots are taken. */
export async function newPage(browser: Browser, options: { locale?: string } = {}): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  return context.newPage();
}

/** Fills in the sign-in form the page shows and sends it; where the app goes next is the caller's to wait for. */
export async function submitSignIn(page: Page, credentials: Credentials): Promise<void> {
  await page.getByLabel("Email address").fill(credentials.email);
  await page.getByLabel("Password", { exact: true }).fill(credentials.password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** Opens the sign-in page of the app at `appUrl`, signs in and waits for `landing` (a path, or a URL pattern). */
export async function signIn(
  page: Page,
  appUrl: string,
  credentials: Credentials,
  landing: string | RegExp,
): Promise<void> {
  await page.goto(`${appUrl}/sign-in`);
  await submitSignIn(page, credentials);
  await page.waitForURL(typeof landing === "string" ? `${appUrl}${landing}` : landing);
}

/** Chooses an option of a Kobalte select (a button that opens a listbox). */
export async function choose(page: Page, triggerId: string, option: string): Promise<void> {
  await page.locator(`#${triggerId}`).click();
  await page.getByRole("option", { name: option, exact: true }).click();
  await page.getByRole("listbox").waitFor({ state: "hidden" });
}

/** The whole page, or with `{ fullPage: false }` the viewport (for dialogs, whose overlay is fixed). */
export async function screenshot(page: Page, name: string, options = { fullPage: true }): Promise<void> {
  await mkdir(artifactsDir, { recursive: true });
  await page.screenshot({ path: join(artifactsDir, `${name}.png`), fullPage: options.fullPage });
}

/**
 * Waits until `expression` is true in the page. page.waitForFunction with a string compiles it inside the page
 * on every poll, which the app's Content-Security-Policy (no eval) refuses; this asks from outside instead.
 */
export async function waitUntilTrue(page: Page, expression: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while ((await page.evaluate(expression)) !== true) {
    if (Date.now() > deadline) throw new Error(`Still not true after ${timeoutMs} ms: ${expression}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const axeSource = readFile(
  join(dirname(createRequire(import.meta.url).resolve("axe-core")), "axe.min.js"),
  "utf8",
);

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

/**
 * Runs axe-core on the page (WCAG 2.0–2.2 A and AA rules) and answers the serious and critical
 * violations, each with the selectors of the elements at fault.
 */
export async function seriousAxeViolations(page: Page): Promise<AxeViolation[]> {
  const loaded = await page.evaluate("typeof window.axe !== 'undefined'");
  // Evaluated through the DevTools protocol: the page's Content-Security-Policy refuses an inline script tag.
  if (loaded !== true) await page.evaluate(await axeSource);
  // A string, not a function: this package's TypeScript has no DOM types.
  const results: unknown = await page.evaluate(`
    axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] },
      resultTypes: ["violations"],
    }).then((results) => results.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact ?? null,
      help: violation.help,
      nodes: violation.nodes.map((node) => node.target.join(" ")),
    })))
  `);
  if (!Array.isArray(results)) throw new Error("axe-core returned no results");
  return results
    .filter(isRecord)
    .map((violation) => ({
      id: String(violation.id),
      impact: typeof violation.impact === "string" ? violation.impact : null,
      help: String(violation.help),
      nodes: Array.isArray(violation.nodes) ? violation.nodes.map(String) : [],
    }))
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical");
}

/** Fails with the serious and critical axe-core violations on the page, named by `where`. */
export async function expectNoSeriousAxeViolations(page: Page, where: string): Promise<void> {
  const violations = await seriousAxeViolations(page);
  expect(violations, `${where}: ${JSON.stringify(violations, null, 2)}`).toEqual([]);
}
