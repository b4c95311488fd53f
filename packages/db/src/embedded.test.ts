import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type EmbeddedServer, startEmbeddedPostgres } from "./embedded.ts";
import { freePort } from "./testing/free-port.ts";

const start = (dataDir: string, port: number) =>
  startEmbeddedPostgres({ dataDir, port, persistent: false, durable: false, log: () => {} });

async function dataDirectoryOf(url: string): Promise<string> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const [row] = await sql<{ setting: string }[]>`select current_setting('data_directory') as setting`;
    return row?.setting ?? "";
  } finally {
    await sql.end();
  }
}

const directories: string[] = [];
const servers: EmbeddedServer[] = [];
let foreignDir: string;
let foreignPort: number;

beforeAll(async () => {
  foreignDir = await mkdtemp(join(tmpdir(), "steward-foreign-pg-"));
  directories.push(foreignDir);
  foreignPort = await freePort();
  servers.push(await start(foreignDir, foreignPort));
}, 60_000);

afterAll(async () => {
  for (const server of servers.reverse()) await server.stop();
  for (const directory of directories) await rm(directory, { recursive: true, force: true });
}, 60_000);

describe("the embedded PostgreSQL", () => {
  it("does not attach to another server that answers on its port, even with a postmaster.pid", async () => {
    const ours = await mkdtemp(join(tmpdir(), "steward-ours-pg-"));
    directories.push(ours);
    // A pid file as a crash leaves it, naming a live process (this one) and the foreign server's port:
    // the server answering there has the same superuser password, as every embedded server does.
    await writeFile(
      join(ours, "postmaster.pid"),
      `${process.pid}\n${ours}\n${Math.floor(Date.now() / 1000)}\n${foreignPort}\n/tmp\n127.0.0.1\n`,
    );
    await expect(start(ours, foreignPort)).rejects.toThrow(
      `cannot start on port ${foreignPort}: another program listens there`,
    );
    // The foreign server serves its own directory, untouched.
    expect(await dataDirectoryOf(servers[0]?.superuserUrl ?? "")).toBe(foreignDir);
  });

  it("reuses the server of its own data directory, on the port its pid file names", async () => {
    const ours = await mkdtemp(join(tmpdir(), "steward-ours-pg-"));
    directories.push(ours);
    const port = await freePort();
    const first = await start(ours, port);
    servers.push(first);
    // A second process configured with another port finds the running server through its pid file.
    const second = await start(ours, await freePort());
    expect(second.superuserUrl).toBe(first.superuserUrl);
    expect(await dataDirectoryOf(second.superuserUrl)).toBe(ours);
    // Stopping the reusing handle leaves the server to the process that started it.
    await second.stop();
    expect(await dataDirectoryOf(first.superuserUrl)).toBe(ours);
  }, 60_000);
});
