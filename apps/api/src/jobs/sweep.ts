import { longestMailedTokenLifetimeMs, SessionStore } from "@steward/auth";
import { type Database, deleteExpiredAttemptCounters, deleteMailOlderThan, inTransaction } from "@steward/db";
import type { JobTask } from "./runner.ts";

const platform = { tenantId: null, userId: null };

/**
 * Hourly: expired sessions and limiter counters (they count for nothing; this keeps their tables small), and
 * mail older than the longest-lived link it can carry, since a kept message holds live invitation and reset links.
 */
export function sweepTasks(options: { database: Database }): Record<string, JobTask> {
  return {
    async sweep() {
      await inTransaction(options.database, platform, async (tx) => {
        await new SessionStore(tx, null, { secure: false }).sweepExpired();
        await deleteExpiredAttemptCounters(tx);
      });
      await inTransaction(options.database, platform, (tx) =>
        deleteMailOlderThan(tx, { before: new Date(Date.now() - longestMailedTokenLifetimeMs) }),
      );
    },
  };
}

/** Once an hour, on the hour, in one process of all. */
export const sweepSchedule = [{ task: "sweep", match: "0 * * * *", options: { jobKey: "sweep" } }];
