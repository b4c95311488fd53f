import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { serve } from "@hono/node-server";
import { hashPassword, longestMailedTokenLifetimeMs, SessionStore } from "@steward/auth";
import {
  deleteExpiredAttemptCounters,
  deleteMailOlderThan,
  demoPassword,
  inTransaction,
  listDemoSignIns,
  pingDatabase,
  seedDemo,
} from "@steward/db";
import { createApp } from "./app.ts";
import { openDatabase, repositoryRoot } from "./database-boot.ts";
import { parseEnv } from "./env.ts";
import { createLogger } from "./logger.ts";
import { startMailer } from "./mailer.ts";

const env = parseEnv();
const logger = createLogger(env.LOG_LEVEL);
const started = performance.now();
const { database, close } = await openDatabase(env, logger);
// The first start creates the demo; every later start lists the same sign-ins again.
const demoSignIns = env.SEED_DEMO
  ? ((await seedDemo(database, await hashPassword(demoPassword))) ?? (await listDemoSignIns(database)))
  : null;

const mailer = startMailer({ database, smtpUrl: env.SMTP_URL, from: env.MAIL_FROM, logger });
const webRoot = resolve(repositoryRoot, "apps/web/dist");
const platform = { tenantId: null, userId: null };
/**
 * Hourly: expired sessions and limiter counters (they count for nothing; this keeps their tables small), and
 * mail older than the longest-lived link it can carry, since a kept message holds live invitation and reset links.
 */
function sweep() {
  inTransaction(database, platform, async (tx) => {
    await new SessionStore(tx, null, { secure: false }).sweepExpired();
    await deleteExpiredAttemptCounters(tx);
  }).catch((error) => logger.error({ err: error }, "session sweep failed"));
  inTransaction(database, platform, (tx) =>
    deleteMailOlderThan(tx, { before: new Date(Date.now() - longestMailedTokenLifetimeMs) }),
  ).catch((error) => logger.error({ err: error }, "outbox sweep failed"));
}
sweep();
const hourlySweep = setInterval(sweep, 60 * 60 * 1000);
hourlySweep.unref();
let shuttingDown = false;
const app = createApp({
  database,
  appUrl: env.APP_URL,
  trustedProxy: env.TRUSTED_PROXY,
  logger,
  mail: mailer,
  mailbox: env.MAILBOX,
  metricsToken: env.METRICS_TOKEN,
  webRoot: existsSync(`${webRoot}/index.html`) ? webRoot : undefined,
  isReady: async () => {
    if (shuttingDown) return false;
    await pingDatabase(database);
    return true;
  },
});

const mailboxHint = {
  closed: null,
  local: `Mail is not sent (no SMTP_URL): read it on this machine at ${env.APP_URL}/dev/mailbox`,
  operator: `Mail is not sent (no SMTP_URL): the platform operator reads it at ${env.APP_URL}/dev/mailbox`,
  open: `Mail is not sent (no SMTP_URL): ANYONE can read it at ${env.APP_URL}/dev/mailbox (DEV_MAILBOX=open)`,
}[env.MAILBOX];

const server = serve({ fetch: app.fetch, port: env.PORT, hostname: env.HOST }, () => {
  const lines = [
    `Steward is ready at ${env.APP_URL} (started in ${Math.round(performance.now() - started)} ms)`,
    ...(demoSignIns
      ? [
          `Demo sign-ins (password "${demoPassword}"):`,
          ...demoSignIns.map((signIn) => `  ${signIn.email.padEnd(36)} ${signIn.role}`),
        ]
      : []),
    ...(mailboxHint ? [mailboxHint] : []),
  ];
  console.log(lines.join("\n"));
});

/** Graceful shutdown: stop taking requests, finish the outbox, close the pool, stop PostgreSQL cleanly. */
async function shutdown(signal: string) {
  if (shuttingDown) return;
  shuttingDown = true;
  logger.info({ signal }, "shutting down");
  clearInterval(hourlySweep);
  await new Promise<void>((done) => server.close(() => done()));
  await mailer.stop();
  await close();
  process.exit(0);
}
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));
