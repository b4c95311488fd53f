import { chromium } from "playwright-core";
const url = "http://127.0.0.1:43117";
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "en-GB" })).newPage();
await page.goto(`${url}/sign-in`);
await page.getByLabel("Email address").fill("contract-manager@oadby-wigston.demo");
await page.getByLabel("Password", { exact: true }).fill("steward-demo-password");
await page.getByRole("button", { name: "Sign in" }).click();
await page.waitForURL(/\/t\/oadby-wigston/);
await page.waitForTimeout(2500);
await page.screenshot({ path: "/tmp/shots/home.png", fullPage: true });
await page.goto(`${url}/t/oadby-wigston/contracts`);
await page.waitForTimeout(2000);
await page.getByRole("link", { name: /WST-2023-01/ }).first().click();
await page.waitForTimeout(2000);
const contractUrl = page.url().split("?")[0];
for (const tab of ["kpis", "rag", "overview", "obligations", "meetings", "risks", "plan", "close-out"]) {
  await page.goto(`${contractUrl}?tab=${tab}`);
  await page.waitForTimeout(2500);
  await page.screenshot({ path: `/tmp/shots/tab-${tab}.png`, fullPage: true });
}
await page.goto(`${url}/t/oadby-wigston/board`);
await page.waitForTimeout(3000);
await page.screenshot({ path: "/tmp/shots/board.png", fullPage: true });
await browser.close();
