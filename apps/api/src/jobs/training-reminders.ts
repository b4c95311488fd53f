import {
  type Database,
  enqueueMail,
  getTenant,
  inTransaction,
  listAllTenants,
  listCompletionsToRemind,
  markReminderSent,
} from "@steward/db";
import {
  addDays,
  expiryReminderDays,
  expiryReminderMail,
  idInput,
  isExpiryReminderDue,
  isoDate,
} from "@steward/domain";
import { z } from "zod";
import { drainJob } from "../mailer.ts";
import type { JobTask } from "./runner.ts";

const platform = { tenantId: null, userId: null };
const councilReminder = z.object({ tenantId: idInput, today: isoDate });
const cronPayload = z.object({ _cron: z.object({ ts: z.string().max(40) }) });

/** The day (UTC) a job runs for: its cron slot's, so a backfilled or late job reminds for its own day. */
function dayOf(payload: unknown): string {
  const parsed = cronPayload.safeParse(payload);
  return (parsed.success ? new Date(parsed.data._cron.ts) : new Date()).toISOString().slice(0, 10);
}

/**
 * The training expiry reminder (issue 10 §5), as two jobs. `training:reminders`, daily, queues one
 * `training:remind-council` per council. That job, in the council's own transaction as the app role, finds the
 * completions `expiryReminderDays` or fewer from expiry whose reminder is unsent and that no later completion has
 * renewed, marks each one's reminder sent and queues its e-mail in the same transaction: one reminder a
 * completion, however often either job runs.
 */
export function trainingReminderTasks(options: {
  database: Database;
  appUrl: string;
}): Record<string, JobTask> {
  const { database } = options;
  return {
    async "training:reminders"(payload, helpers) {
      const today = dayOf(payload);
      const councils = await inTransaction(database, platform, (tx) => listAllTenants(tx));
      for (const council of councils) {
        await helpers.addJob(
          "training:remind-council",
          { tenantId: council.id, today },
          { jobKey: `training-reminder:${council.id}:${today}` },
        );
      }
    },
    async "training:remind-council"(payload, helpers) {
      const { tenantId, today } = councilReminder.parse(payload);
      const queued = await inTransaction(database, { tenantId, userId: null }, async (tx) => {
        const council = await getTenant(tx, { tenantId });
        if (!council) return 0;
        const due = (
          await listCompletionsToRemind(tx, { tenantId, untilDate: addDays(today, expiryReminderDays) })
        ).filter((completion) => isExpiryReminderDue(completion, today, completion.superseded));
        let sent = 0;
        for (const completion of due) {
          if (!(await markReminderSent(tx, { tenantId, completionId: completion.id, sentOn: today })))
            continue;
          await enqueueMail(
            tx,
            expiryReminderMail({
              to: completion.email,
              holderName: completion.holderName,
              courseTitle: completion.courseTitle,
              expiresOn: completion.expiresOn ?? today,
              council,
              appUrl: options.appUrl,
            }),
          );
          sent += 1;
        }
        return sent;
      });
      if (queued > 0) await helpers.addJob("mail:drain", {}, drainJob);
    },
  };
}

/** Every day at 06:30 UTC; a run missed in the last day is run when the server starts. */
export const trainingReminderSchedule = [
  {
    task: "training:reminders",
    match: "30 6 * * *",
    options: { jobKey: "training:reminders", backfillPeriod: 24 * 60 * 60 * 1000 },
  },
];
