import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { freePort } from "@steward/db/testing";

const apiRoot = fileURLToPath(new URL("../..", import.meta.url));
const webIndex = fileURLToPath(new URL("../../../web/dist/index.html", import.meta.url));

export interface RunningServer {
  /** e.g. http://127.0.0.1:41234, also the server's APP_URL, so mailed links point here. */
  url: string;
  /** What the server printed, for the failure message when something goes wrong. */
  output(): string;
  stop(): Promise<void>;
}

function exited(child: ChildProcess, timeoutMs: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/**
 * Starts apps/api as a child process (`tsx src/main.ts`) on free ports with a fresh embedded PostgreSQL in
 * a temporary directory, and waits until /readyz answers. `stop` sends SIGTERM, which shuts PostgreSQL
 * down cleanly, then removes the directory.
 */
export async function startServer(): Promise<RunningServer> {
  if (!existsSync(webIndex)) {
    throw new Error("apps/web/dist is missing: build the web app first (npm run test:browser does).");
  }
  const [port, postgresPort] = [await freePort(), await freePort()];
  const dataDir = await mkdtemp(join(tmpdir(), "steward-browser-"));
  const url = `http://127.0.0.1:${port}`;
  let log = "";
  // node --import tsx rather than npx: signals reach the server itself, not a wrapper process.
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: apiRoot,
    env: {
      ...process.env,
      PORT: String(port),
      EMBEDDED_POSTGRES_PORT: String(postgresPort),
      DATA_DIR: dataDir,
      APP_URL: url,
      HOST: "127.0.0.1",
      LOG_LEVEL: "warn",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (chunk: Buffer) => {
    log += chunk.toString();
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    log += chunk.toString();
  });

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      if (!(await exited(child, 30_000))) {
        child.kill("SIGKILL");
        await exited(child, 5_000);
      }
    }
    await rm(dataDir, { recursive: true, force: true });
  };

  const deadline = Date.now() + 110_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`The server stopped while starting (exit ${child.exitCode}):\n${log}`);
    }
    try {
      const response = await fetch(`${url}/readyz`);
      if (response.status === 200) return { url, output: () => log, stop };
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await stop();
  throw new Error(`The server was not ready in time:\n${log}`);
}
