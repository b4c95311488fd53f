import {
  type Database,
  getTenant,
  inTransaction,
  listAllTenants,
  lockLicence,
  recordAudit,
  updateLicence,
} from "@steward/db";
import { idInput, isoDate, licenceStateOn, tenantSettings } from "@steward/domain";
import { z } from "zod";
import type { JobTask } from "./runner.ts";

const platform = { tenantId: null, userId: null };
const councilCheck = z.object({ tenantId: idInput, today: isoDate });
const cronPayload = z.object({ _cron: z.object({ ts: z.string().max(40) }) });

/** The day (UTC) a job runs for: its cron slot's, so a late run decides for its own day. */
function dayOf(payload: unknown): string {
  const parsed = cronPayload.safeParse(payload);
  return (parsed.success ? new Date(parsed.data._cron.ts) : new Date()).toISOString().slice(0, 10);
}

/**
 * Licence state changes on the job runner (issue 11 §4): `licences:check`, daily, queues one
 * `licences:check-council` per council; that job, in the council's own transaction, locks the licence and
 * records what today makes of it (a grace period that ended, a fixed-term licence past its last day: lapsed),
 * with its audit event. Entitlements already read the dates on every request, so a council is read-only on the
 * day whether or not this has run; the job makes the state, and the audit log, say so.
 */
export function licenceTasks(options: { database: Database }): Record<string, JobTask> {
  const { database } = options;
  return {
    async "licences:check"(payload, helpers) {
      const today = dayOf(payload);
      const councils = await inTransaction(database, platform, (tx) => listAllTenants(tx));
      for (const council of councils) {
        await helpers.addJob(
          "licences:check-council",
          { tenantId: council.id, today },
          { jobKey: `licences:${council.id}:${today}` },
        );
      }
    },
    async "licences:check-council"(payload) {
      const { tenantId, today } = councilCheck.parse(payload);
      await inTransaction(database, { tenantId, userId: null }, async (tx) => {
        const licence = await lockLicence(tx, { tenantId });
        const council = await getTenant(tx, { tenantId });
        if (!licence || !council) return;
        const graceDays = tenantSettings(council.settings).billingGraceDays;
        const state = licenceStateOn(licence, { today, graceDays });
        if (state === licence.state) return;
        await updateLicence(tx, { tenantId, version: null, changes: { state } });
        await recordAudit(tx, {
          tenantId,
          actorUserId: null,
          requestId: null,
          action: "licence.state_changed",
          entityType: "council",
          entityId: tenantId,
          before: { state: licence.state },
          after: {
            state,
            reason:
              licence.state === "past_due"
                ? `The ${graceDays}-day grace period after the failed payment ended.`
                : "The fixed-term licence passed its last day.",
          },
        });
      });
    },
  };
}

/** Every day at 00:10 UTC; a run missed in the last day (the server was down) is run when it starts. */
export const licenceSchedule = [
  {
    task: "licences:check",
    match: "10 0 * * *",
    options: { jobKey: "licences:check", backfillPeriod: 24 * 60 * 60 * 1000 },
  },
];
