import { inTransaction, updateLicence } from "@steward/db";
import { createTenantFixture, createTestDatabase, type TestDatabase } from "@steward/db/testing";
import { addDays, can } from "@steward/domain";
import { TRPCError } from "@trpc/server";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ProcedureMeta, permittedProcedure, router } from "./init.ts";
import { appRouter } from "./root.ts";
import { callerFor } from "./testing.ts";

/**
 * The licence on the tenant rung (issue 11 §4): read-only when lapsed or suspended, walked over every tenant
 * mutation of the router as the security walk walks it; the module gate; the grace period.
 */
let test: TestDatabase;
beforeAll(async () => {
  test = await createTestDatabase();
});
afterAll(() => test.close());

type Procedure = { _def: { type: "query" | "mutation" | "subscription"; meta?: ProcedureMeta } };
const tenantProcedures = Object.entries(
  appRouter._def.procedures as unknown as Record<string, Procedure>,
).filter(([, procedure]) => procedure._def.meta?.access === "tenant");
const mutations = tenantProcedures.filter(([, procedure]) => procedure._def.type === "mutation");
const queries = tenantProcedures.filter(([, procedure]) => procedure._def.type === "query");

function callByPath(caller: unknown, path: string, input: unknown): Promise<unknown> {
  const procedure = path
    .split(".")
    .reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller);
  return (procedure as (input: unknown) => Promise<unknown>)(input);
}
const answerOf = (call: Promise<unknown>) =>
  call.then(
    () => "answered",
    (error: unknown) => (error instanceof TRPCError ? `${error.code}: ${error.message}` : String(error)),
  );

const today = new Date().toISOString().slice(0, 10);

/** Every row of the council, as the app role sees it under its scope. */
async function rowsOf(tenantId: string) {
  const tables = await test.owner<{ table: string }[]>`
    select c.relname as table from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind = 'r'
      and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'tenant_id')
    order by 1`;
  return inTransaction(test.database, { tenantId, userId: null }, async (tx) => {
    const counts: Record<string, number> = {};
    for (const { table } of tables) {
      const [row] = await tx.execute<{ count: number }>(
        sql`select count(*)::int as count from ${sql.identifier(table)}`,
      );
      counts[table] = row?.count ?? 0;
    }
    return counts;
  });
}

describe("a read-only council (issue 11 §4)", () => {
  it.each([
    ["lapsed", { state: "lapsed" as const }, "has lapsed"],
    ["suspended by the operator", { suspendedAt: new Date() }, "suspended"],
    ["past its fixed term", { endsOn: addDays(today, -1) }, "has lapsed"],
    [
      "past due beyond its grace",
      { state: "past_due" as const, pastDueSince: addDays(today, -15) },
      "has lapsed",
    ],
  ])(
    "refuses every mutation when %s, answers every read, and keeps every row",
    async (_case, changes, why) => {
      const council = await createTenantFixture(test);
      await inTransaction(test.database, { tenantId: council.tenantId, userId: null }, (tx) =>
        updateLicence(tx, { tenantId: council.tenantId, version: null, changes }),
      );
      const before = await rowsOf(council.tenantId);
      const { caller } = await callerFor(test, { userId: council.users.admin, tenantId: council.tenantId });
      // The advisor's own work (notes, reviews) is no admin's: called as the council's engaged advisor.
      const { caller: advisor } = await callerFor(test, {
        userId: council.users.advisor,
        tenantId: council.tenantId,
      });
      const refused = mutations.filter(([, procedure]) => !procedure._def.meta?.allowedWhenReadOnly);
      expect(refused.length).toBeGreaterThan(40);
      for (const [path, procedure] of refused) {
        const permission = procedure._def.meta?.permission;
        const as = permission && !can("admin", permission) ? advisor : caller;
        const answer = await answerOf(callByPath(as, path, undefined));
        expect(answer, path).toMatch(/^FORBIDDEN: .+/);
        expect(answer, path).toContain(why);
      }
      // Reads (and exports) are not refused for the licence: an input error is the procedure's own answer.
      for (const [path] of queries) {
        const answer = await answerOf(callByPath(caller, path, undefined));
        expect(answer, path).not.toContain(why);
      }
      expect(await answerOf(caller.contracts.list({}))).toBe("answered");
      expect(await answerOf(caller.register.exportCsv({}))).toBe("answered");
      expect(await rowsOf(council.tenantId)).toEqual(before);
    },
  );

  it("lets only billing's own mutations through (renewing is how a council leaves read-only)", () => {
    const allowed = mutations
      .filter(([, procedure]) => procedure._def.meta?.allowedWhenReadOnly)
      .map(([path]) => path);
    for (const path of allowed) expect(path).toMatch(/^billing\./);
  });

  it("works as usual in its grace period, and refuses from the day after it ends", async () => {
    const council = await createTenantFixture(test);
    const { caller } = await callerFor(test, { userId: council.users.admin, tenantId: council.tenantId });
    const pastDue = async (since: string) =>
      inTransaction(test.database, { tenantId: council.tenantId, userId: null }, (tx) =>
        updateLicence(tx, {
          tenantId: council.tenantId,
          version: null,
          changes: { state: "past_due", pastDueSince: since },
        }),
      );
    await pastDue(addDays(today, -14));
    expect(await answerOf(caller.suppliers.create({ name: "In grace Ltd" }))).toBe("answered");
    await pastDue(addDays(today, -15));
    expect(await answerOf(caller.suppliers.create({ name: "After grace Ltd" }))).toContain("FORBIDDEN");
    // The grace period is the council's setting.
    await test.owner`update tenants set settings = settings || '{"billingGraceDays": 30}' where id = ${council.tenantId}`;
    expect(await answerOf(caller.suppliers.create({ name: "Longer grace Ltd" }))).toBe("answered");
  });

  it("is read-only without a licence", async () => {
    const council = await createTenantFixture(test, { licence: null });
    const { caller } = await callerFor(test, { userId: council.users.admin, tenantId: council.tenantId });
    expect(await answerOf(caller.suppliers.create({ name: "Unlicensed Ltd" }))).toContain(
      "FORBIDDEN: This council has no licence yet",
    );
    expect(await answerOf(caller.suppliers.list({}))).toBe("answered");
  });
});

describe("the module gate (issue 11 §4)", () => {
  const gated = router({
    lesson: permittedProcedure("contracts:read", { module: "training" }).query(() => "a lesson"),
    benchmark: permittedProcedure("contracts:read", { module: "benchmarking" }).query(() => "a benchmark"),
  });
  const callerIn = async (tenantId: string, userId: string) => {
    const { context } = await callerFor(test, { userId, tenantId });
    return gated.createCaller(context);
  };

  it.each([
    [
      "essentials",
      "training",
      "FORBIDDEN: Training is included in the Professional and Partnership plans. This council is on the Essentials plan.",
    ],
    ["professional", "training", "answered"],
    [
      "professional",
      "benchmarking",
      "FORBIDDEN: Benchmarking is included in the Partnership plan. This council is on the Professional plan.",
    ],
    ["partnership", "benchmarking", "answered"],
  ] as const)("on %s, %s: %s", async (plan, module, expected) => {
    const council = await createTenantFixture(test, { licence: { plan } });
    const caller = await callerIn(council.tenantId, council.users.viewer);
    const answer = await answerOf(module === "training" ? caller.lesson() : caller.benchmark());
    if (expected === "answered") expect(answer).toBe("answered");
    else expect(answer).toContain(expected);
  });

  it("still answers a gated read of a lapsed council on a plan that includes it", async () => {
    const council = await createTenantFixture(test, { licence: { plan: "partnership", state: "lapsed" } });
    const caller = await callerIn(council.tenantId, council.users.viewer);
    expect(await answerOf(caller.benchmark())).toBe("answered");
  });
});

describe("the seat limit (issue 11 §4)", () => {
  /** A council whose six members leave `free` seats (its engaged advisor is no member and takes none). */
  async function councilWithFreeSeats(free: number) {
    const council = await createTenantFixture(test, { licence: { plan: "essentials", seats: 6 + free } });
    const { caller } = await callerFor(test, { userId: council.users.admin, tenantId: council.tenantId });
    return { council, admin: caller };
  }
  const seatRefusal = "FORBIDDEN: Your licence has 7 seats and all are taken";

  it("counts open invitations as seats, and engaged advisors not at all", async () => {
    const { admin } = await councilWithFreeSeats(1);
    expect(await answerOf(admin.members.invite({ email: "last.seat@example.test", role: "viewer" }))).toBe(
      "answered",
    );
    expect(
      await answerOf(admin.members.invite({ email: "one.more@example.test", role: "viewer" })),
    ).toContain(seatRefusal);
    // An advisor is engaged, never invited as a member.
    expect(
      await answerOf(admin.members.invite({ email: "an.advisor@example.test", role: "advisor" as never })),
    ).toContain("BAD_REQUEST");
    // Revoking the invitation frees its seat.
    const [open] = (await admin.members.invitations()).filter((each) => each.role === "viewer");
    await admin.members.revokeInvitation({ invitationId: open?.id ?? "" });
    expect(await answerOf(admin.members.invite({ email: "one.more@example.test", role: "viewer" }))).toBe(
      "answered",
    );
  });

  it("gives the last seat to one of two concurrent invitations", async () => {
    for (let round = 0; round < 3; round += 1) {
      const { admin } = await councilWithFreeSeats(1);
      const answers = await Promise.all(
        ["first", "second"].map((who) =>
          answerOf(admin.members.invite({ email: `${who}.${round}@example.test`, role: "viewer" })),
        ),
      );
      expect(answers.filter((answer) => answer === "answered")).toHaveLength(1);
      expect(answers.find((answer) => answer !== "answered")).toContain(seatRefusal);
      expect(await admin.members.invitations()).toHaveLength(1);
    }
  });

  it("refuses to re-activate a member when the seats are taken; an engaged advisor is no member to re-role", async () => {
    const { council, admin } = await councilWithFreeSeats(1);
    await admin.members.deactivate({ userId: council.users.viewer });
    await admin.members.invite({ email: "a.second@example.test", role: "viewer" });
    await admin.members.invite({ email: "a.third@example.test", role: "viewer" });
    expect(await answerOf(admin.members.reactivate({ userId: council.users.viewer }))).toContain(seatRefusal);
    expect(
      await answerOf(admin.members.changeRole({ userId: council.users.advisor, role: "viewer" })),
    ).toContain("NOT_FOUND");
    // Re-activating someone already active takes no seat.
    expect(await answerOf(admin.members.reactivate({ userId: council.users.sro }))).toBe("answered");
  });
});

describe("the gates on the other parts' routers", () => {
  it.each([
    ["advisory.notes", "essentials", "Advisor access is included in the Partnership plan."],
    ["advisory.reviews", "professional", "Advisor access is included in the Partnership plan."],
  ] as const)("refuses %s on %s", async (path, plan, sentence) => {
    const council = await createTenantFixture(test, { licence: { plan } });
    const { caller } = await callerFor(test, { userId: council.users.admin, tenantId: council.tenantId });
    expect(await answerOf(callByPath(caller, path, undefined))).toContain(`FORBIDDEN: ${sentence}`);
  });
});
