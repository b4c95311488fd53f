import { reconcileCouncil } from "@steward/api";
import type { StripeBilling } from "@steward/billing";
import {
  type Database,
  getTenant,
  inTransaction,
  listAllTenants,
  listStripeCustomers,
  lockLicence,
  recordAudit,
  updateLicence,
} from "@steward/db";
import { idInput, isoDate, licenceStateOn, tenantSettings } from "@steward/domain";
import type { Logger } from "pino";
import { z } from "zod";
import type { JobTask } from "./runner.ts";

const platform = { tenantId: null, userId: null };
const councilCheck = z.object({ tenantId: idInput, today: isoDate });
const councilReconciliation = z.object({ tenantId: idInput });
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
 *
 * `licences:reconcile`, hourly, queues one `licences:reconcile-council` per council with a Stripe customer,
 * which re-reads its subscription from Stripe and applies it as the webhook would (issue 11 §2:
 * packages/api/src/stripe-reconciliation.ts). Offline (no Stripe key) it does nothing and logs that.
 */
export function licenceTasks(options: {
  database: Database;
  stripe: StripeBilling | null;
  logger: Logger;
}): Record<string, JobTask> {
  const { database, stripe, logger } = options;
  return {
    async "licences:reconcile"(_payload, helpers) {
      if (!stripe) {
        logger.info(
          { task: "licences:reconcile" },
          "billing is offline (no Stripe key): nothing to reconcile",
        );
        return;
      }
      const customers = await inTransaction(database, platform, (tx) => listStripeCustomers(tx));
      for (const { tenantId } of customers) {
        await helpers.addJob("licences:reconcile-council", { tenantId }, { jobKey: `reconcile:${tenantId}` });
      }
    },
    async "licences:reconcile-council"(payload, helpers) {
      const { tenantId } = councilReconciliation.parse(payload);
      if (!stripe) return;
      const outcome = await reconcileCouncil(database, stripe, tenantId);
      logger.info(
        { task: "licences:reconcile-council", jobId: helpers.job.id, outcome },
        "reconciled with Stripe",
      );
    },
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

/**
 * The check every day at 00:10 UTC (a run missed in the last day, the server down, is run when it starts); the
 * reconciliation with Stripe every hour at :25.
 */
export const licenceSchedule = [
  {
    task: "licences:check",
    match: "10 0 * * *",
    options: { jobKey: "licences:check", backfillPeriod: 24 * 60 * 60 * 1000 },
  },
  { task: "licences:reconcile", match: "25 * * * *", options: { jobKey: "licences:reconcile" } },
];
