import { type Database, inTransaction, listUnsentMail, markMailSent, recordMailFailure } from "@steward/db";
import nodemailer from "nodemailer";
import type { Logger } from "pino";

/** What a log line may say of a failed send: nodemailer's error code and the SMTP reply code, never text. */
function sendFailure(error: unknown): { code: unknown; responseCode: unknown } {
  const field = (name: string) => (error instanceof Error ? Reflect.get(error, name) : undefined);
  return { code: field("code"), responseCode: field("responseCode") };
}

/**
 * Sends the outbox after the transaction that wrote it has committed, so no request waits on SMTP.
 * Without SMTP_URL mail stays in the outbox for the development mailbox, and only its id is logged.
 */
export function startMailer(options: {
  database: Database;
  smtpUrl: string | undefined;
  from: string;
  logger: Logger;
}) {
  const transport = options.smtpUrl ? nodemailer.createTransport(options.smtpUrl) : null;
  let running: Promise<void> | null = null;
  let again = false;

  async function drain() {
    const platform = { tenantId: null, userId: null };
    const batch = await inTransaction(options.database, platform, (tx) => listUnsentMail(tx, { limit: 20 }));
    for (const mail of batch) {
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
          options.logger.info({ mailId: mail.id }, "mail kept for the development mailbox");
        }
        await inTransaction(options.database, platform, (tx) => markMailSent(tx, { id: mail.id }));
      } catch (error) {
        // Not the error itself: an SMTP error's message quotes the server's reply, which names the recipient.
        options.logger.error({ mailId: mail.id, ...sendFailure(error) }, "mail could not be sent");
        await inTransaction(options.database, platform, (tx) =>
          recordMailFailure(tx, { id: mail.id, error: String(error) }),
        );
      }
    }
  }

  function wake() {
    if (running) {
      again = true;
      return;
    }
    running = drain()
      .catch((error) => options.logger.error({ err: error }, "outbox drain failed"))
      .finally(() => {
        running = null;
        if (again) {
          again = false;
          wake();
        }
      });
  }

  const timer = setInterval(wake, 30_000);
  timer.unref();
  wake();
  return {
    wake,
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
