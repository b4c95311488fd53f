import { gzipSync } from "node:zlib";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoPassword, launchBrowser, newPage, signIn } from "./browser.ts";
import { type RunningServer, startServer } from "./server.ts";

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

/** A page that records what the Content-Security-Policy refused and every script or stylesheet it fetched. */
async function watchedPage(): Promise<{ page: Page; refused: string[]; assets: Map<string, Response> }> {
  const page = await newPage(browser);
  const refused: string[] = [];
  const assets = new Map<string, Response>();
  page.on("console", (message) => {
    if (message.text().includes("Content Security Policy")) refused.push(message.text());
  });
  page.on("pageerror", (error) => {
    if (error.message.includes("Content Security Policy")) refused.push(error.message);
  });
  page.on("response", async (response) => {
    if (new URL(response.url()).pathname.startsWith("/assets/")) {
      assets.set(
        new URL(response.url()).pathname,
        new Response(null, { headers: await response.allHeaders() }),
      );
    }
  });
  return { page, refused, assets };
}

describe("the built app as a browser gets it", () => {
  it("runs under the Content-Security-Policy on every kind of page, with nothing refused", async () => {
    const { page, refused } = await watchedPage();
    await signIn(
      page,
      server.url,
      { email: "admin@oadby-wigston.demo", password: demoPassword },
      "/t/oadby-wigston",
    );
    for (const [path, heading] of [
      ["/t/oadby-wigston/contracts", /Contract register/],
      ["/t/oadby-wigston/suppliers", /Suppliers/],
      ["/t/oadby-wigston/members", /Members/],
      ["/t/oadby-wigston/audit", /Audit log/],
      ["/dev/mailbox", /Development mailbox/],
    ] as const) {
      await page.goto(`${server.url}${path}`);
      await page.getByRole("heading", { level: 1, name: heading }).waitFor();
    }
    // A contract page, with its tabs and a dialog's library code loaded on demand.
    await page.goto(`${server.url}/t/oadby-wigston/contracts`);
    await page.getByRole("link", { name: "WST-2023-01" }).first().click();
    await page.getByRole("tablist").waitFor();
    expect(refused).toEqual([]);
  });

  it("loads the first page from brotli files it may keep, under 100 KB gzipped for index.html's own load", async () => {
    const { page, assets } = await watchedPage();
    await page.goto(`${server.url}/sign-in`);
    await page.getByRole("heading", { level: 1, name: "Sign in" }).waitFor();
    expect(assets.size).toBeGreaterThan(0);
    for (const [path, response] of assets) {
      expect(response.headers.get("content-encoding"), path).toBe("br");
      expect(response.headers.get("cache-control"), path).toBe("public, max-age=31536000, immutable");
    }
    // What index.html itself names (the entry, its preloads and the stylesheet), gzipped as a browser without
    // brotli would get it.
    const html = await (await fetch(`${server.url}/`)).text();
    const named = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((match) => match[1] ?? "");
    let gzipped = 0;
    for (const path of named) {
      gzipped += gzipSync(Buffer.from(await (await fetch(`${server.url}${path}`)).arrayBuffer())).length;
    }
    expect(named.length).toBeGreaterThan(1);
    expect(gzipped).toBeLessThan(100 * 1024);
  });
});
