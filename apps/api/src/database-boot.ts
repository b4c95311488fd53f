import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import {
  connectDatabase,
  type Database,
  ensureDatabase,
  runMigrations,
  startEmbeddedPostgres,
} from "@steward/db";
import type { Logger } from "pino";
import type { Env } from "./env.ts";

export const repositoryRoot = fileURLToPath(new URL("../../..", import.meta.url));

export interface OpenedDatabase {
  database: Database;
  /** The owner role's URL: the job runner connects with it, as the migrator does. */
  ownerUrl: string;
  /** Closes the pool and, when this process started the embedded server, stops it cleanly. */
  close(): Promise<void>;
}

/**
 * The database the app runs on: DATABASE_URL when set, otherwise the embedded PostgreSQL in DATA_DIR —
 * started here, or reused when another Steward process already runs it. Migrations are applied as the owner.
 */
export async function openDatabase(env: Env, logger: Logger): Promise<OpenedDatabase> {
  let ownerUrl = env.DATABASE_URL;
  let stopEmbedded = async () => {};
  if (!ownerUrl) {
    const dataDir = resolve(repositoryRoot, env.DATA_DIR);
    logger.info({ dataDir }, "starting embedded PostgreSQL");
    const embedded = await startEmbeddedPostgres({
      dataDir,
      port: env.EMBEDDED_POSTGRES_PORT,
      persistent: true,
      durable: true,
      log: (message) => logger.warn(message),
    });
    stopEmbedded = () => embedded.stop();
    await ensureDatabase(embedded.ownerUrl("postgres"), "steward");
    ownerUrl = embedded.ownerUrl("steward");
  }
  await runMigrations(ownerUrl);
  const database = connectDatabase(ownerUrl);
  return {
    database,
    ownerUrl,
    async close() {
      await database.close();
      await stopEmbedded();
    },
  };
}
