import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { serve } from "@hono/node-server";
import { hashPassword, SessionStore } from "@steward/auth";
import { deleteExpiredAttemptCounters, demoPassword, inTransaction, seedDemo } from "@steward/db";
import pino from "pino";
import { createApp } from "./app.ts";
import { openDatabase, repositoryRoot } from "./database-boot.ts";
import { parseEnv } from "./env.ts";
import { startMailer } from "./mailer.ts";

const env = parseEnv();
const logger = pino({ level: env.LOG_LEVEL, base: undefined });
const started = performance.now();
const { database, close } = await openDatabase(env, logger);
const demoSignIns = env.SEED_DEMO ? await seedDemo(database, await hashPassword(demoPassword)) : null;

const mailer = startMailer({
  database,
  smtpUrl: env.SMTP_URL,
  from: env.MAIL_FROM,
  logger,
  production: env.NODE_ENV === "production",
});
const webRoot = resolve(repositoryRoot, "apps/web/dist");
// Expired sessions and limiter counters count for nothing; this only keeps their tables small.
const sessionSweep = setInterval(
  () => {
    inTransaction(database, { tenantId: null, userId: null }, async (tx) => {
      await new SessionStore(tx, null, { secure: false }).sweepExpired();
      await deleteExpiredAttemptCounters(tx);
    }).catch((error) => logger.error({ err: error }, "session sweep failed"));
  },
  60 * 60 * 1000,
);
sessionSweep.unref();
let shuttingDown = false;
const app = createApp({
  database,
  appUrl: env.APP_URL,
  trustedProxy: env.TRUSTED_PROXY,
  logger,
  mail: mailer,
  webRoot: existsSync(`${webRoot}/index.html`) ? webRoot : undefined,
  isReady: async () => {
    if (shuttingDown) return false;
    await database.sql`select 1`;
    return true;
  },
});

const server = serve({ fetch: app.fetch, port: env.PORT, hostname: env.HOST }, () => {
  const lines = [
    `Steward is ready at ${env.APP_URL} (started in ${Math.round(performance.now() - started)} ms)`,
    ...(demoSignIns
      ? [
          `Demo sign-ins (password "${demoPassword}"):`,
          ...demoSignIns.map((signIn) => `  ${signIn.email.padEnd(36)} ${signIn.role}`),
        ]
      : env.SEED_DEMO
        ? [`Demo sign-ins: e.g. admin@oadby-wigston.demo, password "${demoPassword}"`]
        : []),
    ...(!mailer.mailboxOpen ? [] : [`Mail is not sent (no SMTP_URL): read it at ${env.APP_URL}/dev/mailbox`]),
  ];
  console.log(lines.join("\n"));
});

/** Graceful shutdown: stop taking requests, finish the outbox, close the pool, stop PostgreSQL cleanly. */
async function shutdown(signal: string) {
  if (shuttingDown) return;
  shuttingDown = true;
  logger.info({ signal }, "shutting down");
  clearInterval(sessionSweep);
  await new Promise<void>((done) => server.close(() => done()));
  await mailer.stop();
  await close();
  process.exit(0);
}
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));
