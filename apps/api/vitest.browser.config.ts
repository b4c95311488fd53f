import { defineConfig } from "vitest/config";

/**
 * Browser tests: the real server (built web app, embedded PostgreSQL, demo data) driven by Debian's
 * Chromium through playwright-core. One file at a time: each starts its own server and browser.
 */
export default defineConfig({
  test: {
    include: ["test/browser/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
