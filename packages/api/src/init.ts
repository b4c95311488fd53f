import { type AuthenticatedUser, SessionStore } from "@steward/auth";
import { plans, termsOf } from "@steward/billing";
import {
  applyScope,
  countSeatsUsed,
  getLicence,
  getTenant,
  inTransaction,
  lockLicence,
  recordAudit,
  recordPlatformAudit,
  type Tx,
} from "@steward/db";
import {
  type AuditEvent,
  can,
  DomainError,
  type EngagementScope,
  type Entitlements,
  engagementPermits,
  entitlements,
  forbidden,
  hasSeatFor,
  isUuid,
  type Module,
  moduleRefusal,
  notFound,
  type Permission,
  type PlatformAuditEvent,
  type Role,
  seatRefusal,
  type TenantSettings,
  tenantSettings,
} from "@steward/domain";
import { initTRPC, TRPCError } from "@trpc/server";
import type { TRPC_ERROR_CODE_KEY } from "@trpc/server/rpc";
import { ZodError } from "zod";
import type { RequestContext } from "./context.ts";

/**
 * `access` says which rung of the ladder a procedure stands on; `permission`, which permission of the matrix its
 * role guard asks for. The security walk and the role tests read both from the router.
 */
export interface ProcedureMeta {
  access: "public" | "authed" | "operator" | "tenant";
  permission?: Permission;
  /** The module of the council's plan the procedure belongs to (issue 11 §4); refused when the plan lacks it. */
  module?: Module;
  /**
   * A mutation a read-only council may still make: only billing's own (renewing the licence is how a lapsed
   * council gets out of read-only). The read-only walk checks that no other procedure has it.
   */
  allowedWhenReadOnly?: true;
}

const domainErrorCodes: Record<DomainError["kind"], TRPC_ERROR_CODE_KEY> = {
  not_found: "NOT_FOUND",
  conflict: "CONFLICT",
  forbidden: "FORBIDDEN",
  invalid: "BAD_REQUEST",
  unauthorised: "UNAUTHORIZED",
  too_many_requests: "TOO_MANY_REQUESTS",
};

/** Field messages for forms: from zod at the edge or from a domain rule. */
export function fieldErrorsOf(cause: unknown): Record<string, string> | null {
  if (cause instanceof DomainError && Object.keys(cause.fieldErrors).length > 0) return cause.fieldErrors;
  if (cause instanceof ZodError) {
    const fields: Record<string, string> = {};
    for (const issue of cause.issues) {
      const key = issue.path.join(".") || "form";
      fields[key] ??= issue.message;
    }
    return fields;
  }
  return null;
}

const t = initTRPC
  .context<RequestContext>()
  .meta<ProcedureMeta>()
  .create({
    errorFormatter({ shape, error, ctx }) {
      // An unexpected failure says nothing of its cause (a database message can describe the schema).
      const internal = error.code === "INTERNAL_SERVER_ERROR";
      const fieldErrors = internal ? null : fieldErrorsOf(error.cause);
      const message = internal
        ? `Something went wrong on our side. Try again; if it keeps happening, quote reference ${ctx?.requestId ?? "unknown"}.`
        : error.cause instanceof ZodError
          ? "Some answers need correcting: see the marked fields."
          : shape.message;
      return { ...shape, message, data: { ...shape.data, stack: undefined, fieldErrors } };
    },
  });

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/**
 * Domain errors become tRPC errors in this one place; anything else is a 500 with no detail (see errorFormatter).
 * Every rung's result goes through it: `base` for the public and signed-in rungs, the tenant rung itself.
 */
function mappedDomainErrors<T extends { ok: boolean; error?: { cause?: unknown } }>(result: T): T {
  if (!result.ok && result.error?.cause instanceof DomainError) throw trpcErrorOf(result.error.cause);
  return result;
}

function trpcErrorOf(cause: DomainError): TRPCError {
  return new TRPCError({ code: domainErrorCodes[cause.kind], message: cause.message, cause });
}

const mapDomainErrors = t.middleware(async ({ next }) => mappedDomainErrors(await next()));

/**
 * One transaction per request (DESIGN §3.4): a failed procedure writes nothing. tRPC returns errors as
 * results, so the middleware rethrows them to roll back. Work that must wait for the commit (waking the
 * mailer for mail the request queued) is registered with `afterCommit`.
 */
/** Carries a failed procedure's result out of the transaction it rolls back. */
class Rollback extends Error {
  constructor(readonly result: unknown) {
    super("rollback");
  }
}

async function inRequestTransaction<T>(
  ctx: RequestContext,
  scope: { tenantId: string | null; userId: string | null },
  work: (tx: Tx, afterCommit: (task: () => void) => void) => Promise<{ ok: boolean; error?: unknown } & T>,
): Promise<T> {
  const committed: (() => void)[] = [];
  try {
    const result = await inTransaction(ctx.database, scope, async (tx) => {
      const outcome = await work(tx, (task) => committed.push(task));
      if (!outcome.ok) throw new Rollback(outcome);
      return outcome;
    });
    for (const task of committed) task();
    return result;
  } catch (error) {
    if (error instanceof Rollback) return error.result as T;
    throw error;
  }
}

const base = t.procedure.use(mapDomainErrors);

const publicTransaction = t.middleware(({ ctx, next }) =>
  inRequestTransaction(ctx, { tenantId: null, userId: null }, (tx, afterCommit) =>
    next({ ctx: { tx, afterCommit, sessions: new SessionStore(tx, null, ctx.cookie) } }),
  ),
);

/** No session: sign-in, password reset, invitations. Runs in a transaction that sees no council. */
export const publicProcedure = base.meta({ access: "public" }).use(publicTransaction);

/**
 * A public procedure whose every attempt is counted against an account and an address before its
 * transaction opens (sign-in, reset requests, accepting an invitation with an existing account's password).
 * The count commits on its own, so a failed attempt that rolls its request back still counts, and an attempt
 * over the limit is refused before any password is hashed (DESIGN §3). `accountOf` reads the account from the
 * raw input; input it cannot read (null) is not counted, since the procedure's schema refuses it first.
 */
export function limitedProcedure(
  limiter: keyof RequestContext["limits"],
  accountOf: (rawInput: unknown) => string | null,
) {
  return base
    .meta({ access: "public" })
    .use(async ({ ctx, getRawInput, next }) => {
      const account = accountOf(await getRawInput());
      if (account !== null && !(await ctx.limits[limiter].reserve(ctx.database, { ip: ctx.ip, account }))) {
        throw new DomainError("too_many_requests", ctx.limits[limiter].refusal);
      }
      return next();
    })
    .use(publicTransaction);
}

async function authenticate(ctx: RequestContext, sessions: SessionStore) {
  const sessionId = sessions.readSessionId(ctx.cookieHeader);
  const validated = sessionId ? await sessions.validate(sessionId) : null;
  if (!validated) {
    throw new TRPCError({ code: "UNAUTHORIZED", message: "Your session has ended. Sign in again." });
  }
  if (validated.setCookie) ctx.resHeaders.append("set-cookie", validated.setCookie);
  return validated;
}

/** A signed-in user, outside any council. */
export const authedProcedure = base.meta({ access: "authed" }).use(async ({ ctx, next }) => {
  return inRequestTransaction(ctx, { tenantId: null, userId: null }, async (tx, afterCommit) => {
    const sessions = new SessionStore(tx, null, ctx.cookie);
    const { user, sessionId } = await authenticate(ctx, sessions);
    return next({ ctx: { tx, afterCommit, sessions, user, sessionId } });
  });
});

/**
 * The platform operator (`users.platform_role = 'operator'`): runs the platform (councils, licences, the
 * catalogues), outside any council. Its transaction sees no council's rows. A procedure that acts on one
 * council's licence narrows the transaction to that council with `actOn` (once: still one tenant per
 * transaction, DESIGN §3.7), which also gives it that council's audit; a change that belongs to no council
 * (the KPI library, the benchmark pool, the platform's courses, the registry) is written to the platform's
 * audit log with `platformAudit`, in the same transaction. Nothing on this rung reads a council's contract data
 * (the security walk runs every procedure as the operator).
 */
export const operatorProcedure = base.meta({ access: "operator" }).use(async ({ ctx, next }) => {
  return inRequestTransaction(ctx, { tenantId: null, userId: null }, async (tx, afterCommit) => {
    const sessions = new SessionStore(tx, null, ctx.cookie);
    const { user, sessionId } = await authenticate(ctx, sessions);
    if (user.platformRole !== "operator") {
      throw new TRPCError({ code: "FORBIDDEN", message: "Only the platform operator can do that." });
    }
    let actedOn: string | null = null;
    const actOn = async (tenantId: string) => {
      if (actedOn !== null && actedOn !== tenantId) throw new Error("One council per transaction.");
      if (actedOn === null) await applyScope(tx, { tenantId });
      actedOn = tenantId;
      return {
        audit: (event: AuditEvent) =>
          recordAudit(tx, { ...event, tenantId, actorUserId: user.id, requestId: ctx.requestId }),
      };
    };
    /**
     * A read of one council's licence and usage for the console, in a read-only transaction of that council's
     * own (one tenant per transaction; the console's list reads each council in turn, as the advisor's
     * portfolio does). Only licence and usage queries go through it: the walk as the operator checks.
     */
    const readCouncil = <T>(tenantId: string, work: (councilTx: Tx) => Promise<T>) =>
      inTransaction(ctx.database, { tenantId, userId: null }, async (councilTx) => {
        await councilTx.execute("set transaction read only");
        return work(councilTx);
      });
    const platformAudit = (event: PlatformAuditEvent) =>
      recordPlatformAudit(tx, { ...event, actorUserId: user.id, requestId: ctx.requestId });
    return next({
      ctx: { tx, afterCommit, sessions, user, sessionId, actOn, readCouncil, platformAudit },
    });
  });
});

const todayIso = () => new Date().toISOString().slice(0, 10);
const unlicensed =
  "This council has no licence yet, so Steward is read-only. The platform operator assigns licences.";

export type Council = Omit<NonNullable<Awaited<ReturnType<typeof getTenant>>>, "settings"> & {
  settings: TenantSettings;
};

export interface TenantContext {
  tx: Tx;
  tenantId: string;
  role: Role;
  user: AuthenticatedUser;
  /** For an advisor, the engagement they work under (issue 9 §7); null for a member of the council. */
  engagement: { id: string; scopes: EngagementScope[] } | null;
  /** The council's row (settings, jurisdiction, currency, locale), read once per request when asked for. */
  council(): Promise<Council>;
  /** Writes this request's audit event (DESIGN §3.8), in its transaction. */
  audit(event: AuditEvent): Promise<void>;
  /** What the council's licence entitles it to today (null: no licence yet), read once per request. */
  entitlements(): Promise<Entitlements | null>;
  /**
   * Refuses unless the licence has a seat free for one more member (an invitation, a re-activation). Locks the
   * licence first, so of two concurrent requests for the last seat the second counts the first's (issue 11 §4).
   */
  takeSeat(): Promise<void>;
}

/**
 * A member of the council named by the request header, whose role has `permission` (the permission matrix of
 * packages/domain decides). The tenant comes from the verified session and membership, never from procedure
 * input (DESIGN §3.5); the session and the membership arrive in one query. One middleware does it all, and maps
 * the domain errors: each middleware level costs tRPC two copies of the call's options (docs/benchmarks.md).
 */
/** The session's user and their role in the council the session store is scoped to, if it has `permission`. */
async function memberOf(ctx: RequestContext, sessions: SessionStore, permission: Permission | null) {
  const { user, sessionId } = await authenticate(ctx, sessions);
  if (!user.role)
    throw new TRPCError({ code: "FORBIDDEN", message: "You are not a member of this council." });
  if (permission && !can(user.role, permission)) {
    throw new TRPCError({ code: "FORBIDDEN", message: "Your role in this council does not allow that." });
  }
  return { user, sessionId, role: user.role };
}

function councilOf(tenantHeader: string | null): string {
  if (!tenantHeader || !isUuid(tenantHeader)) {
    throw new TRPCError({ code: "BAD_REQUEST", message: "Choose a council first." });
  }
  return tenantHeader;
}

function tenantRung(permission: Permission | null) {
  return t.middleware(async ({ ctx, next, meta, path, type, getRawInput }) => {
    const tenantId = councilOf(ctx.tenantHeader);
    const result = await inRequestTransaction(ctx, { tenantId, userId: null }, async (tx, afterCommit) => {
      const sessions = new SessionStore(tx, tenantId, ctx.cookie);
      const { user, sessionId, role } = await memberOf(ctx, sessions, permission);
      const { engagement } = user;
      let council: Promise<Council> | null = null;
      let licensed: Promise<Entitlements | null> | null = null;
      const tenant: TenantContext = {
        tx,
        tenantId,
        role,
        user,
        engagement,
        council: () => {
          council ??= getTenant(tx, { tenantId }).then((row) => {
            if (!row) throw notFound("This council");
            return { ...row, settings: tenantSettings(row.settings) };
          });
          return council;
        },
        audit: (event) =>
          recordAudit(tx, { ...event, tenantId, actorUserId: user.id, requestId: ctx.requestId }),
        entitlements: () => {
          licensed ??= entitlementsOf(tx, { tenantId, council: tenant.council() });
          return licensed;
        },
        takeSeat: async () => {
          const locked = await lockLicence(tx, { tenantId });
          const current = locked && entitlements(termsOf(locked), { today: todayIso() });
          if (!current) throw forbidden(unlicensed);
          if (!hasSeatFor(current, await countSeatsUsed(tx, { tenantId })))
            throw forbidden(seatRefusal(current));
        },
      };
      // The licence (issue 11 §4): a module the plan lacks is refused, and a read-only council's mutations. An
      // engaged advisor works here only while the council's plan includes advisor access.
      const module = meta?.module ?? (engagement ? "advisor_access" : undefined);
      if (module || (type === "mutation" && !meta?.allowedWhenReadOnly)) {
        const current = await tenant.entitlements();
        const refusal = module ? moduleRefusal(module, current, plans) : null;
        if (refusal) throw forbidden(refusal);
        if (type === "mutation" && !meta?.allowedWhenReadOnly && !current?.writable) {
          throw forbidden(current?.standing.kind === "read_only" ? current.standing.reason : unlicensed);
        }
      }
      // An advisor works here through an engagement (issue 9 §7): its scope narrows the role, and every read is
      // written to this council's audit log, in this transaction, before the procedure runs.
      if (engagement) {
        const kind = type === "mutation" ? "mutation" : "query";
        if (!engagementPermits(engagement.scopes, { permission, kind })) {
          throw new TRPCError({
            code: "FORBIDDEN",
            message: "Your engagement with this council does not cover that.",
          });
        }
        if (kind === "query") {
          await recordAudit(tx, {
            tenantId,
            actorUserId: user.id,
            requestId: ctx.requestId,
            ...advisorRead(path, engagement.id, await getRawInput()),
          });
        }
      }
      return next({ ctx: { ...tenant, afterCommit, sessions, sessionId } });
    }).catch((error: unknown) => {
      // Thrown before the procedure ran (its own failures come back as a result).
      throw error instanceof DomainError ? trpcErrorOf(error) : error;
    });
    return mappedDomainErrors(result);
  });
}

/** What the council's licence entitles it to today (null: no licence yet). */
export async function entitlementsOf(
  tx: Tx,
  { tenantId, council }: { tenantId: string; council: Promise<Council> },
): Promise<Entitlements | null> {
  const [licence, row] = await Promise.all([getLicence(tx, { tenantId }), council]);
  return entitlements(licence && termsOf(licence), {
    today: todayIso(),
    graceDays: row.settings.billingGraceDays,
  });
}

/** The audit event of an advisor's read: what they asked for, and the contract when the call names one. */
export function advisorRead(procedure: string, engagementId: string, rawInput: unknown): AuditEvent {
  const contractId =
    typeof rawInput === "object" && rawInput !== null && "contractId" in rawInput
      ? rawInput.contractId
      : null;
  return {
    action: "advisor.read",
    entityType: "engagement",
    entityId: engagementId,
    after: {
      procedure,
      contractId: typeof contractId === "string" && isUuid(contractId) ? contractId : null,
    },
  };
}

/** A member of the council named by the request header, whatever their role. */
export const tenantProcedure = t.procedure.meta({ access: "tenant" }).use(tenantRung(null));

/**
 * A member of the council whose role has `permission`: the role guard of the tenant rung. With `module`, the
 * procedure belongs to that module of the plans (`permittedProcedure("training:read", { module: "training" })`):
 * a council whose plan lacks it is refused with a sentence naming the plans that include it (docs/billing.md).
 */
export function permittedProcedure(
  permission: Permission,
  options: Pick<ProcedureMeta, "module" | "allowedWhenReadOnly"> = {},
) {
  return t.procedure.meta({ access: "tenant", permission, ...options }).use(tenantRung(permission));
}

/**
 * A council admin's call to Stripe (issue 11 §2): the member and their permission are checked, and the
 * council's row and licence read, in a short transaction of the council's that commits before Stripe is called;
 * the procedure calls Stripe, then writes what Stripe answered (and its audit) with `record`, in a second
 * transaction of the same council (DESIGN §3.4: no Stripe call inside a transaction). A crash between the call
 * and the record is repaired by Stripe's webhook. Always allowed when read-only: paying is how a lapsed council
 * gets out of it. In offline mode (no Stripe key) the call is refused with CONFLICT.
 */
export function stripeProcedure(permission: Permission) {
  return t.procedure
    .meta({ access: "tenant", permission, allowedWhenReadOnly: true })
    .use(async ({ ctx, next }) => {
      const tenantId = councilOf(ctx.tenantHeader);
      const checked = await inTransaction(ctx.database, { tenantId, userId: null }, async (tx) => {
        const { user, role } = await memberOf(ctx, new SessionStore(tx, tenantId, ctx.cookie), permission);
        const row = await getTenant(tx, { tenantId });
        if (!row) throw notFound("This council");
        const licence = await getLicence(tx, { tenantId });
        return { user, role, licence, council: { ...row, settings: tenantSettings(row.settings) } };
      }).catch((error: unknown) => {
        throw error instanceof DomainError ? trpcErrorOf(error) : error;
      });
      const stripe = ctx.stripe;
      if (!stripe) {
        throw new TRPCError({
          code: "CONFLICT",
          message: "Billing is offline here (no Stripe key): the platform operator assigns licences by hand.",
        });
      }
      const record = <T>(work: (tx: Tx, audit: (event: AuditEvent) => Promise<void>) => Promise<T>) =>
        inTransaction(ctx.database, { tenantId, userId: null }, (tx) =>
          work(tx, (event) =>
            recordAudit(tx, { ...event, tenantId, actorUserId: checked.user.id, requestId: ctx.requestId }),
          ),
        );
      return mappedDomainErrors(await next({ ctx: { ...checked, tenantId, stripe, record } }));
    });
}
