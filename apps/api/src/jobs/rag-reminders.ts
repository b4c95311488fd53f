import {
  type Database,
  enqueueMail,
  getTenant,
  inTransaction,
  listContractsMissingRag,
  listCouncilSettings,
  recordRagReminder,
} from "@steward/db";
import { idInput, isoDate, ragReminderMails, ragReminderMonth, tenantSettings } from "@steward/domain";
import { z } from "zod";
import { drainJob } from "../mailer.ts";
import type { JobTask } from "./runner.ts";

const platform = { tenantId: null, userId: null };
const councilReminder = z.object({ tenantId: idInput, month: isoDate });
/** graphile-worker puts the time slot a cron job is for in its payload; a job queued by hand runs for now. */
const cronPayload = z.object({ _cron: z.object({ ts: z.string().max(40) }) });

/** The day (UTC) a job runs for: its cron slot's, so a backfilled or late job reminds for its own day. */
function dayOf(payload: unknown): string {
  const parsed = cronPayload.safeParse(payload);
  return (parsed.success ? new Date(parsed.data._cron.ts) : new Date()).toISOString().slice(0, 10);
}

/**
 * The monthly RAG reminder (issue 8 §4), as two jobs. `rag:reminders`, daily, queues one `rag:remind-council`
 * for each council on or after its due day (`ragDueDay`). That job, in the council's own transaction as the app
 * role, lists the contracts with no RAG for last month, queues one e-mail per manager and records the reminder
 * (`rag_reminders`) in the same transaction: a council is reminded once a month however often either job runs.
 */
export function ragReminderTasks(options: { database: Database; appUrl: string }): Record<string, JobTask> {
  const { database } = options;
  return {
    async "rag:reminders"(payload, helpers) {
      const today = dayOf(payload);
      const councils = await inTransaction(database, platform, (tx) => listCouncilSettings(tx));
      for (const council of councils) {
        const month = ragReminderMonth(today, tenantSettings(council.settings).ragDueDay);
        if (month === null) continue;
        await helpers.addJob(
          "rag:remind-council",
          { tenantId: council.id, month },
          { jobKey: `rag-reminder:${council.id}:${month}` },
        );
      }
    },
    async "rag:remind-council"(payload, helpers) {
      const { tenantId, month } = councilReminder.parse(payload);
      const queued = await inTransaction(database, { tenantId, userId: null }, async (tx) => {
        const council = await getTenant(tx, { tenantId });
        if (!council) return 0;
        const contracts = await listContractsMissingRag(tx, { tenantId, month });
        const mails = ragReminderMails({ month, council, appUrl: options.appUrl, contracts });
        const recorded = await recordRagReminder(tx, {
          tenantId,
          month,
          contracts: contracts.length,
          recipients: mails.length,
        });
        if (!recorded) return 0;
        for (const mail of mails) await enqueueMail(tx, mail);
        return mails.length;
      });
      if (queued > 0) await helpers.addJob("mail:drain", {}, drainJob);
    },
  };
}

/** Every day at 07:00 UTC; a run missed in the last day (the server was down) is run when it starts. */
export const ragReminderSchedule = [
  {
    task: "rag:reminders",
    match: "0 7 * * *",
    options: { jobKey: "rag:reminders", backfillPeriod: 24 * 60 * 60 * 1000 },
  },
];
