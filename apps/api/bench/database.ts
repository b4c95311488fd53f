import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SessionStore } from "@steward/auth";
import {
  connectDatabase,
  type Database,
  ensureDatabase,
  inTransaction,
  runMigrations,
  startEmbeddedPostgres,
} from "@steward/db";
import postgres from "postgres";

export interface BenchDatabase {
  database: Database;
  owner: postgres.Sql;
  ownerUrl: string;
  stop(): Promise<void>;
}

/** A throwaway embedded PostgreSQL with the migrations applied, as the app would run on it. */
export async function startBenchDatabase(): Promise<BenchDatabase> {
  const dataDir = await mkdtemp(join(tmpdir(), "steward-bench-pg-"));
  const server = await startEmbeddedPostgres({
    dataDir,
    port: await freePort(),
    persistent: false,
    durable: false,
    log: (message) => console.error(message),
  });
  await ensureDatabase(server.ownerUrl("postgres"), "steward_bench");
  const ownerUrl = server.ownerUrl("steward_bench");
  await runMigrations(ownerUrl);
  const database = connectDatabase(ownerUrl);
  const owner = postgres(ownerUrl, { max: 4, onnotice: () => {} });
  return {
    database,
    owner,
    ownerUrl,
    async stop() {
      await database.close();
      await owner.end();
      await server.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export async function sessionCookie(bench: BenchDatabase, userId: string): Promise<string> {
  const { sessionId } = await inTransaction(bench.database, { tenantId: null, userId: null }, (tx) =>
    new SessionStore(tx, null, { secure: false }).create(userId),
  );
  return `steward_session=${sessionId}`;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
