import {
  createTenantFixture,
  createTestDatabase,
  type TenantFixture,
  type TestDatabase,
} from "@steward/db/testing";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ProcedureMeta } from "./init.ts";
import { appRouter } from "./root.ts";
import { callerFor } from "./testing.ts";

/**
 * Walks every procedure of the router (DESIGN §3, §10). Every tenant procedure is called by an admin of
 * council A: once naming council B in the header (must be FORBIDDEN whatever the input), and once in A with
 * B's ids from the table below (must be NOT_FOUND/FORBIDDEN, or return nothing of B). A tenant procedure
 * added without an entry in the table fails this test.
 */
let test: TestDatabase;
let a: TenantFixture;
let b: TenantFixture;
/** Ids of B's records, made through B's own API calls. */
const bIds: Record<string, string> = {};

type Attack = { input: unknown; outcome: "refused" } | { input: unknown; outcome: "nothing of B" };
const attacks: Record<string, () => Attack> = {
  "members.list": () => ({ input: undefined, outcome: "nothing of B" }),
  "members.invitations": () => ({ input: undefined, outcome: "nothing of B" }),
  "members.invite": () => ({
    input: { email: "b.member@example.test", role: "viewer" },
    outcome: "nothing of B",
  }),
  "members.revokeInvitation": () => ({ input: { invitationId: bIds.invitation }, outcome: "refused" }),
  "members.changeRole": () => ({ input: { userId: b.users.viewer, role: "admin" }, outcome: "refused" }),
  "members.deactivate": () => ({ input: { userId: b.users.viewer }, outcome: "refused" }),
  "members.reactivate": () => ({ input: { userId: b.users.viewer }, outcome: "refused" }),
  "audit.list": () => ({ input: { limit: 200 }, outcome: "nothing of B" }),
  "audit.verify": () => ({ input: undefined, outcome: "nothing of B" }),
  "suppliers.list": () => ({ input: { search: "B Supplies" }, outcome: "nothing of B" }),
  "suppliers.get": () => ({ input: { supplierId: bIds.supplier }, outcome: "refused" }),
  "suppliers.create": () => ({ input: { name: "A's own supplier" }, outcome: "nothing of B" }),
  "suppliers.update": () => ({
    input: { supplierId: bIds.supplier, version: 1, values: { name: "Hijacked" } },
    outcome: "refused",
  }),
  "contracts.list": () => ({ input: { search: "B-001" }, outcome: "nothing of B" }),
  "contracts.get": () => ({ input: { contractId: bIds.contract }, outcome: "refused" }),
  "contracts.create": () => ({
    input: {
      ...contractValues("A-STEAL"),
      supplierId: bIds.supplier,
      contractManagerId: b.users.contract_manager,
    },
    outcome: "refused",
  }),
  "contracts.update": () => ({
    input: { contractId: bIds.contract, version: 1, values: contractValues("B-001") },
    outcome: "refused",
  }),
  "contracts.reviewTier": () => ({
    input: { contractId: bIds.contract, version: 1, override: { tier: "low", reason: "attack" } },
    outcome: "refused",
  }),
  "contracts.setArchived": () => ({
    input: { contractId: bIds.contract, version: 1, archived: true },
    outcome: "refused",
  }),
  "contracts.history": () => ({ input: { contractId: bIds.contract }, outcome: "refused" }),
  "contracts.compliance": () => ({ input: undefined, outcome: "nothing of B" }),
  "changes.list": () => ({ input: { contractId: bIds.contract }, outcome: "refused" }),
  "changes.preview": () => ({
    input: { contractId: bIds.contract, valueDeltaMinor: 100, termDeltaDays: 0 },
    outcome: "refused",
  }),
  "changes.request": () => ({
    input: {
      contractId: bIds.contract,
      change: {
        type: "value",
        reason: "other",
        description: "attack",
        valueDeltaMinor: 100,
        termDeltaDays: 0,
      },
    },
    outcome: "refused",
  }),
  "changes.approve": () => ({ input: { changeId: bIds.change, version: 1 }, outcome: "refused" }),
  "changes.reject": () => ({ input: { changeId: bIds.change, version: 1 }, outcome: "refused" }),
  "changes.withdraw": () => ({ input: { changeId: bIds.change, version: 1 }, outcome: "refused" }),
  "invoices.list": () => ({ input: { contractId: bIds.contract }, outcome: "refused" }),
  "invoices.create": () => ({
    input: {
      contractId: bIds.contract,
      invoice: { invoiceNumber: "X-1", amountMinor: 100, receivedOn: "2026-01-05" },
    },
    outcome: "refused",
  }),
  "invoices.update": () => ({
    input: {
      invoiceId: bIds.invoice,
      version: 1,
      invoice: { invoiceNumber: "X-1", amountMinor: 1, receivedOn: "2026-01-05" },
    },
    outcome: "refused",
  }),
  "register.previewImport": () => ({ input: { csv: registerCsv("B-001") }, outcome: "nothing of B" }),
  "register.commitImport": () => ({ input: { csv: registerCsv("A-IMPORTED") }, outcome: "nothing of B" }),
  "register.exportCsv": () => ({ input: {}, outcome: "nothing of B" }),
  "council.get": () => ({ input: undefined, outcome: "nothing of B" }),
  "council.updateSettings": () => ({ input: { settings: { dueSoonDays: 7 } }, outcome: "nothing of B" }),
};

function contractValues(reference: string) {
  return {
    reference,
    title: `${reference} grounds maintenance`,
    category: "services",
    currency: "GBP",
    startDate: "2025-04-01",
    endDate: "2028-03-31",
    totalValueMinor: 12_000_000,
  };
}

function registerCsv(reference: string) {
  return `Reference,Title,Supplier Name,Start Date,End Date,Contract Value,Category\r\n${reference},Street cleansing,B Supplies Ltd,01/04/2025,31/03/2027,50000,Services\r\n`;
}

// At run time tRPC keeps every procedure in one flat record keyed by path ("contracts.list"); its type nests.
const procedures = Object.entries(
  appRouter._def.procedures as unknown as Record<string, { _def: { meta?: ProcedureMeta } }>,
);
const tenantProcedures = procedures.filter(([, procedure]) => procedure._def.meta?.access === "tenant");

function callByPath(caller: unknown, path: string, input: unknown): Promise<unknown> {
  const procedure = path
    .split(".")
    .reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller);
  return (procedure as (input: unknown) => Promise<unknown>)(input);
}

async function snapshotOfB() {
  const { caller } = await callerFor(test, { userId: b.users.admin, tenantId: b.tenantId });
  return {
    members: await caller.members.list(),
    invitations: await caller.members.invitations(),
    audit: await caller.audit.list({ limit: 200 }),
  };
}

beforeAll(async () => {
  test = await createTestDatabase();
  [a, b] = await Promise.all([createTenantFixture(test), createTenantFixture(test)]);
  const { caller } = await callerFor(test, { userId: b.users.admin, tenantId: b.tenantId });
  bIds.invitation = (await caller.members.invite({ email: "b.invitee@example.test", role: "viewer" })).id;
  bIds.supplier = (
    await caller.suppliers.create({ name: "B Supplies Ltd", registrationNumber: "01234567" })
  ).id;
  bIds.contract = (
    await caller.contracts.create({
      ...contractValues("B-001"),
      category: "services",
      supplierId: bIds.supplier,
      contractManagerId: b.users.contract_manager,
    })
  ).id;
  bIds.change = (
    await caller.changes.request({
      contractId: bIds.contract,
      change: {
        type: "value",
        reason: "other",
        description: "B's change",
        valueDeltaMinor: 500_000,
        termDeltaDays: 0,
      },
    })
  ).id;
  bIds.invoice = (
    await caller.invoices.create({
      contractId: bIds.contract,
      invoice: { invoiceNumber: "B-INV-1", amountMinor: 250_000, receivedOn: "2026-01-05" },
    })
  ).id;
});
afterAll(() => test.close());

describe("security walk", () => {
  it("knows every procedure's rung on the ladder", () => {
    for (const [path, procedure] of procedures) {
      expect(["public", "authed", "tenant"], path).toContain(procedure._def.meta?.access);
    }
    expect(tenantProcedures.length).toBeGreaterThan(5);
  });

  it("has a cross-tenant attack for every tenant procedure", () => {
    const missing = tenantProcedures.map(([path]) => path).filter((path) => !(path in attacks));
    expect(missing, "add these procedures to the attack table").toEqual([]);
  });

  it("refuses a member of A who names council B in the header, for every tenant procedure", async () => {
    const before = await snapshotOfB();
    for (const [path] of tenantProcedures) {
      const { caller } = await callerFor(test, { userId: a.users.admin, tenantId: b.tenantId });
      const attack = attacks[path]?.();
      const error = await callByPath(caller, path, attack?.input).catch((caught: unknown) => caught);
      expect(error instanceof TRPCError ? error.code : error, path).toBe("FORBIDDEN");
    }
    expect(await snapshotOfB()).toEqual(before);
  });

  it("gives a member of A nothing of B's when A's procedures are called with B's ids", async () => {
    const before = await snapshotOfB();
    const bMarkers = [b.tenantId, ...Object.values(b.users), ...Object.values(bIds)];
    for (const [path] of tenantProcedures) {
      const attack = attacks[path]?.();
      if (!attack) continue;
      const { caller } = await callerFor(test, { userId: a.users.admin, tenantId: a.tenantId });
      const outcome = await callByPath(caller, path, attack.input).then(
        (value) => ({ ok: true as const, value }),
        (error: unknown) => ({ ok: false as const, error }),
      );
      if (attack.outcome === "refused") {
        expect(outcome.ok, `${path} must refuse B's ids`).toBe(false);
        const code = !outcome.ok && outcome.error instanceof TRPCError ? outcome.error.code : String(outcome);
        expect(["NOT_FOUND", "FORBIDDEN"], path).toContain(code);
      } else if (outcome.ok) {
        const text = JSON.stringify(outcome.value ?? null);
        for (const marker of bMarkers) expect(text, `${path} leaked ${marker}`).not.toContain(marker);
      }
    }
    expect(await snapshotOfB()).toEqual(before);
  });
});
