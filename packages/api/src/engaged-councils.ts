import type { AuthenticatedUser } from "@steward/auth";
import { plans } from "@steward/billing";
import { getActiveEngagement, getTenant, inTransaction, recordAudit, type Tx } from "@steward/db";
import { type EngagementScope, moduleRefusal, tenantSettings } from "@steward/domain";
import type { RequestContext } from "./context.ts";
import { advisorRead, type Council, entitlementsOf } from "./init.ts";

/** Councils read at once: enough to overlap their round trips, few enough to leave the pool to others. */
const councilsAtOnce = 6;

export interface EngagedCouncil {
  tx: Tx;
  tenantId: string;
  council(): Promise<Council>;
}

export type EngagedCouncilRead<T> =
  | { tenantId: string; result: T; refusal: null }
  /** The council's plan does not include advisor access (issue 11): nothing was read. */
  | { tenantId: string; result: null; refusal: string };

/**
 * DESIGN §3 rule 7: the advisor's portfolio reads each actively engaged council in a transaction of its own,
 * scoped to that council alone, and combines the answers in the server. Inside each transaction the engagement is
 * checked again (revoked or ended since the list was read: the council is left out), then the council's plan
 * (advisor access, as the tenant rung checks it), and the read is written to that council's audit log before
 * anything else is read there. Councils are read a few at a time.
 */
export async function readEngagedCouncils<T>(
  ctx: Pick<RequestContext, "database" | "requestId">,
  user: Pick<AuthenticatedUser, "id">,
  {
    tenantIds,
    procedure,
    scope,
  }: { tenantIds: readonly string[]; procedure: string; scope: EngagementScope },
  read: (council: EngagedCouncil) => Promise<T>,
): Promise<EngagedCouncilRead<T>[]> {
  const results: EngagedCouncilRead<T>[] = [];
  let next = 0;
  const worker = async () => {
    while (next < tenantIds.length) {
      const tenantId = tenantIds[next++];
      if (!tenantId) continue;
      const found = await inTransaction(ctx.database, { tenantId, userId: null }, async (tx) => {
        const engagement = await getActiveEngagement(tx, { tenantId, userId: user.id });
        if (!engagement?.scopes.includes(scope)) return null;
        let row: Promise<Council> | null = null;
        const council = () => {
          row ??= getTenant(tx, { tenantId }).then((found) => {
            if (!found) throw new Error("an engaged council has no row");
            return { ...found, settings: tenantSettings(found.settings) };
          });
          return row;
        };
        const refusal = moduleRefusal(
          "advisor_access",
          await entitlementsOf(tx, { tenantId, council: council() }),
          plans,
        );
        if (refusal) return { tenantId, result: null, refusal };
        await recordAudit(tx, {
          tenantId,
          actorUserId: user.id,
          requestId: ctx.requestId,
          ...advisorRead(procedure, engagement.id, null),
        });
        return { tenantId, result: await read({ tx, tenantId, council }), refusal: null };
      });
      if (found) results.push(found);
    }
  };
  await Promise.all(Array.from({ length: Math.min(councilsAtOnce, tenantIds.length) }, worker));
  return results;
}
