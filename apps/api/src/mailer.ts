import {
  type Database,
  getUnsentMail,
  inTransaction,
  listUnsentMailIds,
  markMailSent,
  recordMailFailure,
} from "@steward/db";
import nodemailer from "nodemailer";
import type { Logger } from "pino";
import type { JobRunner, JobTask } from "./jobs/runner.ts";

const platform = { tenantId: null, userId: null };

/** What a log line may say of a failed send: nodemailer's error code and the SMTP reply code, never text. */
function sendFailure(error: unknown): { code: unknown; responseCode: unknown } {
  const field = (name: string) => (error instanceof Error ? Reflect.get(error, name) : undefined);
  return { code: field("code"), responseCode: field("responseCode") };
}

/** A message is sent by its own job, keyed by its id, so it is queued once however many drains find it. */
const sendJob = (mailId: string) => ({ jobKey: `mail:${mailId}`, jobKeyMode: "unsafe_dedupe" as const });
/** Queued drains collapse into one. */
export const drainJob = { jobKey: "mail:drain" };

function mailIdOf(payload: unknown): string {
  const mailId = typeof payload === "object" && payload !== null ? Reflect.get(payload, "mailId") : undefined;
  if (typeof mailId !== "string") throw new Error("mail:send needs a mailId");
  return mailId;
}

/**
 * The outbox mailer on the job runner (issue 8 §11). `mail:drain` finds unsent messages and queues one
 * `mail:send` job for each, keyed by the message's id (a key that exists, running or failed, queues nothing);
 * `mail:send` sends that one message and marks it sent. A job runs in one process at a time, so two API
 * processes never send one message twice; a failed send is retried with graphile-worker's back-off.
 * Without SMTP_URL mail stays in the outbox for the development mailbox, and only its id is logged.
 */
export function mailTasks(options: {
  database: Database;
  smtpUrl: string | undefined;
  from: string;
  logger: Logger;
}): Record<string, JobTask> {
  const transport = options.smtpUrl ? nodemailer.createTransport(options.smtpUrl) : null;
  return {
    async "mail:drain"(_payload, helpers) {
      const unsent = await inTransaction(options.database, platform, (tx) =>
        listUnsentMailIds(tx, { limit: 500 }),
      );
      for (const { id } of unsent) await helpers.addJob("mail:send", { mailId: id }, sendJob(id));
    },
    async "mail:send"(payload) {
      const mailId = mailIdOf(payload);
      const mail = await inTransaction(options.database, platform, (tx) => getUnsentMail(tx, { id: mailId }));
      // Sent by an earlier job, or deleted by the sweep: nothing to do.
      if (!mail) return;
      try {
        if (transport) {
          await transport.sendMail({
            from: options.from,
            to: mail.to,
            subject: mail.subject,
            text: mail.body,
          });
        } else {
          // The message's id, not its recipient: logs hold no one's address (DESIGN §9).
          options.logger.info({ mailId }, "mail kept for the development mailbox");
        }
      } catch (error) {
        // Not the error itself: an SMTP error's message quotes the server's reply, which names the recipient.
        options.logger.error({ mailId, ...sendFailure(error) }, "mail could not be sent");
        await inTransaction(options.database, platform, (tx) =>
          recordMailFailure(tx, { id: mailId, error: String(error) }),
        );
        throw new Error("mail could not be sent");
      }
      await inTransaction(options.database, platform, (tx) => markMailSent(tx, { id: mailId }));
    },
  };
}

/** The mailer's handle for requests: after a commit that queued mail, drain the outbox. */
export function mailWaker(runner: JobRunner, logger: Logger) {
  return {
    wake() {
      runner
        .add("mail:drain", {}, drainJob)
        .catch((error) => logger.error({ err: error }, "outbox drain could not be queued"));
    },
  };
}

/** Every minute, a drain catches mail whose wake was lost (a process that stopped between commit and wake). */
export const mailSchedule = [{ task: "mail:drain", match: "* * * * *", options: drainJob }];
