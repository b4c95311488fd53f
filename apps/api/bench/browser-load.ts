import { existsSync } from "node:fs";
import { readdir, readFile, stat } from "node:fs/promises";
import { join, resolve } from "node:path";
import { serve } from "@hono/node-server";
import pino from "pino";
import { chromium } from "playwright-core";
import { createApp } from "../src/app.ts";
import { repositoryRoot } from "../src/database-boot.ts";
import type { BenchDatabase } from "./database.ts";

export const webRoot = resolve(repositoryRoot, "apps/web/dist");

const kilobytes = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/**
 * The built bundle as a browser fetches it (the `.gz` beside each file, as the server sends it): what
 * index.html loads before any page runs, and every other script with its gzipped size (a page's chunk and the
 * shared pieces it pulls in). Prints both.
 */
export async function printBundleSizes() {
  const html = await readFile(join(webRoot, "index.html"), "utf8");
  const firstLoad = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.(?:js|css))"/g)].map(
    (match) => match[1] ?? "",
  );
  const gzipped = async (file: string) => (await stat(join(webRoot, `${file}.gz`))).size;
  let total = 0;
  for (const file of firstLoad) total += await gzipped(file);
  console.log(
    `first load (index.html's scripts and styles): ${kilobytes(total)} gzipped (target under 100 KB)`,
  );
  for (const file of firstLoad)
    console.log(`  ${file.padEnd(44)} ${kilobytes(await gzipped(file)).padStart(9)}`);
  const chunks = (await readdir(join(webRoot, "assets")))
    .filter((file) => file.endsWith(".js") && !firstLoad.includes(`assets/${file}`))
    .sort();
  console.log(`the other chunks, loaded with the page that needs them (${chunks.length}):`);
  for (const file of chunks) {
    console.log(`  ${file.padEnd(44)} ${kilobytes(await gzipped(`assets/${file}`)).padStart(9)}`);
  }
}

/**
 * A page's first load in Chromium (/usr/bin/chromium, playwright-core) on the built bundle served locally by the
 * real app (createApp, with compression as in production), signed in by the session cookie: each run in a
 * fresh browser context, so nothing is cached. The figure is the time from navigation start to the last
 * response the page asked for (its tRPC answers), read from the page's own performance entries once the network
 * is idle; the first contentful paint beside it.
 */
export async function timeFirstLoad(
  bench: BenchDatabase,
  options: { path: string; cookie: string; runs: number; label: string },
) {
  if (!existsSync(join(webRoot, "index.html"))) {
    console.log(`${options.label}: skipped, apps/web is not built (npm run build -w @steward/web)`);
    return;
  }
  const app = createApp({
    database: bench.database,
    appUrl: "http://127.0.0.1",
    logger: pino({ level: "silent" }),
    mail: { wake: () => {} },
    mailbox: "closed",
    webRoot,
    isReady: async () => true,
  });
  const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" });
  await new Promise<void>((done) => server.once("listening", () => done()));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  const origin = `http://127.0.0.1:${port}`;
  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
  });
  const [name, value] = options.cookie.split("=");
  const loads: { loaded: number; paint: number }[] = [];
  try {
    for (let run = 0; run < options.runs; run += 1) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      await context.addCookies([{ name: name ?? "", value: value ?? "", url: origin }]);
      const page = await context.newPage();
      await page.goto(`${origin}${options.path}`, { waitUntil: "networkidle" });
      loads.push(
        await page.evaluate(() => {
          const entries = performance.getEntriesByType("resource") as unknown as { responseEnd: number }[];
          const paint = performance.getEntriesByName("first-contentful-paint")[0];
          return {
            loaded: Math.max(0, ...entries.map((entry) => entry.responseEnd)),
            paint: paint?.startTime ?? 0,
          };
        }),
      );
      await context.close();
    }
  } finally {
    await browser.close();
    await new Promise<void>((done) => server.close(() => done()));
  }
  const sorted = [...loads].sort((a, b) => a.loaded - b.loaded);
  const median = sorted[Math.floor(sorted.length / 2)];
  console.log(
    `${options.label}: first load ${Math.round(median?.loaded ?? 0)} ms median of ${options.runs} (all: ${loads.map((load) => Math.round(load.loaded)).join(", ")} ms; first contentful paint ${Math.round(median?.paint ?? 0)} ms) (target under 1,500 ms)`,
  );
}
