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
 * checked again (revoked or ended since the list was read: the council is left out) with the council's plan
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
  const found = await inEachCouncil(ctx, tenantIds, async (tx, tenantId) => {
    // The engagement, the council's row and its plan go out together, in one round trip.
    const council = councilRowOf(tx, tenantId);
    const [engagement, refusal] = await Promise.all([
      getActiveEngagement(tx, { tenantId, userId: user.id }),
      advisorAccessRefusal(tx, { tenantId, council: council() }),
    ]);
    if (!engagement?.scopes.includes(scope)) return null;
    if (refusal) return { tenantId, result: null, refusal };
    // The audit event is sent first and the reads behind it without waiting, in one round trip: the connection
    // runs them in order, and if the event is refused the transaction fails and nothing read leaves it.
    const [, result] = await Promise.all([
      recordAudit(tx, {
        tenantId,
        actorUserId: user.id,
        requestId: ctx.requestId,
        ...advisorRead(procedure, engagement.id, null),
      }),
      read({ tx, tenantId, council }),
    ]);
    return { tenantId, result, refusal: null };
  });
  return found.flatMap((each) => (each ? [each] : []));
}

/**
 * The engaged councils of `tenantIds` whose plan does not include advisor access (issue 11), each with the
 * sentence that names the plans that do: the council switcher lists them as the portfolio does. Each council's
 * plan is read in that council's own transaction; nothing else of it is read, so nothing is audited (the tenant
 * rung checks the plan before it audits, too).
 */
export async function advisorAccessRefusals(
  ctx: Pick<RequestContext, "database">,
  tenantIds: readonly string[],
): Promise<Map<string, string>> {
  const found = await inEachCouncil(ctx, tenantIds, async (tx, tenantId) => {
    const refusal = await advisorAccessRefusal(tx, { tenantId, council: councilRowOf(tx, tenantId)() });
    return refusal === null ? null : ([tenantId, refusal] as const);
  });
  return new Map(found.flatMap((each) => (each ? [each] : [])));
}

function advisorAccessRefusal(tx: Tx, scope: { tenantId: string; council: Promise<Council> }) {
  return entitlementsOf(tx, scope).then((current) => moduleRefusal("advisor_access", current, plans));
}

/** The council's row, read once when first asked for. */
function councilRowOf(tx: Tx, tenantId: string): () => Promise<Council> {
  let row: Promise<Council> | null = null;
  return () => {
    row ??= getTenant(tx, { tenantId }).then((found) => {
      if (!found) throw new Error("an engaged council has no row");
      return { ...found, settings: tenantSettings(found.settings) };
    });
    return row;
  };
}

/** `work` in each council's own transaction, scoped to it alone, a few councils at a time; answers in order. */
async function inEachCouncil<T>(
  ctx: Pick<RequestContext, "database">,
  tenantIds: readonly string[],
  work: (tx: Tx, tenantId: string) => Promise<T>,
): Promise<T[]> {
  const results: T[] = new Array(tenantIds.length);
  let next = 0;
  const worker = async () => {
    while (next < tenantIds.length) {
      const index = next++;
      const tenantId = tenantIds[index];
      if (!tenantId) continue;
      results[index] = await inTransaction(ctx.database, { tenantId, userId: null }, (tx) =>
        work(tx, tenantId),
      );
    }
  };
  await Promise.all(Array.from({ length: Math.min(councilsAtOnce, tenantIds.length) }, worker));
  return results;
}
