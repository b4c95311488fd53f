import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { serve } from "@hono/node-server";
import { hashPassword } from "@steward/auth";
import { StripeBilling } from "@steward/billing";
import { demoPassword, listDemoSignIns, pingDatabase, postgresAttachmentStore, seedDemo } from "@steward/db";
import { createApp } from "./app.ts";
import { openDatabase, repositoryRoot } from "./database-boot.ts";
import { parseEnv } from "./env.ts";
import { startJobs } from "./jobs/index.ts";
import { createLogger } from "./logger.ts";
import { s3AttachmentStore } from "./s3-attachment-store.ts";

const env = parseEnv();
const logger = createLogger(env.LOG_LEVEL);
const started = performance.now();
const { database, ownerUrl, close } = await openDatabase(env, logger);
// The first start creates the demo; every later start lists the same sign-ins again.
const demoSignIns = env.SEED_DEMO
  ? ((await seedDemo(database, await hashPassword(demoPassword))) ?? (await listDemoSignIns(database)))
  : null;

// One Stripe client (none offline) for the app's billing and the jobs' reconciliation.
const stripe = env.STRIPE ? new StripeBilling(env.STRIPE) : null;
// The mailer and the hourly sweep run as jobs (apps/api/src/jobs): no timers of their own in the server.
const jobs = await startJobs({
  database,
  ownerUrl,
  logger,
  appUrl: env.APP_URL,
  smtpUrl: env.SMTP_URL,
  mailFrom: env.MAIL_FROM,
  stripe,
});
const webRoot = resolve(repositoryRoot, "apps/web/dist");
let shuttingDown = false;
const app = createApp({
  database,
  appUrl: env.APP_URL,
  trustedProxy: env.TRUSTED_PROXY,
  logger,
  mail: jobs.mail,
  jobs: jobs.runner,
  mailbox: env.MAILBOX,
  metricsToken: env.METRICS_TOKEN,
  attachments: env.ATTACHMENT_S3 ? s3AttachmentStore(env.ATTACHMENT_S3) : postgresAttachmentStore,
  stripe,
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

/** Graceful shutdown: stop taking requests, finish the running jobs, close the pool, stop PostgreSQL cleanly. */
async function shutdown(signal: string) {
  if (shuttingDown) return;
  shuttingDown = true;
  logger.info({ signal }, "shutting down");
  await new Promise<void>((done) => server.close(() => done()));
  await jobs.runner.stop();
  await close();
  process.exit(0);
}
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));
