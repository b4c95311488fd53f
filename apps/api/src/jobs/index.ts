import type { StripeBilling } from "@steward/billing";
import type { Database } from "@steward/db";
import type { Logger } from "pino";
import { mailSchedule, mailTasks, mailWaker } from "../mailer.ts";
import { benchmarkSchedule, benchmarkTasks } from "./benchmarks.ts";
import { licenceSchedule, licenceTasks } from "./licences.ts";
import { ragReminderSchedule, ragReminderTasks } from "./rag-reminders.ts";
import { startJobRunner } from "./runner.ts";
import { sweepSchedule, sweepTasks } from "./sweep.ts";
import { trainingReminderSchedule, trainingReminderTasks } from "./training-reminders.ts";

export type { JobRunner, QueueDepth } from "./runner.ts";

/**
 * Steward's jobs on the runner: the outbox mailer, the hourly sweep, the monthly RAG reminder, the daily benchmark
 * aggregation, the training expiry reminder, the daily licence check and the hourly reconciliation with Stripe. At start, one drain and one sweep are
 * queued (each under its job key, so several processes starting together queue one of each).
 */
export async function startJobs(options: {
  database: Database;
  ownerUrl: string;
  logger: Logger;
  /** Links in mail point here (APP_URL). */
  appUrl: string;
  smtpUrl: string | undefined;
  mailFrom: string;
  /** The reconciliation with Stripe; absent or null: billing is offline. */
  stripe?: StripeBilling | null;
}) {
  const { database, logger } = options;
  const runner = await startJobRunner({
    ownerUrl: options.ownerUrl,
    logger,
    tasks: {
      ...mailTasks({ database, smtpUrl: options.smtpUrl, from: options.mailFrom, logger }),
      ...sweepTasks({ database }),
      ...ragReminderTasks({ database, appUrl: options.appUrl }),
      ...benchmarkTasks({ database, logger }),
      ...trainingReminderTasks({ database, appUrl: options.appUrl }),
      ...licenceTasks({ database, stripe: options.stripe ?? null, logger }),
    },
    schedule: [
      ...mailSchedule,
      ...sweepSchedule,
      ...ragReminderSchedule,
      ...benchmarkSchedule,
      ...trainingReminderSchedule,
      ...licenceSchedule,
    ],
  });
  const mail = mailWaker(runner, logger);
  mail.wake();
  await runner.add("sweep", {}, { jobKey: "sweep" });
  return { runner, mail };
}
