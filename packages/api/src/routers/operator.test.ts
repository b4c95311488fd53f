import { inTransaction, listRecentMail, verifyAuditChain } from "@steward/db";
import {
  createOperator,
  createTenantFixture,
  createTestDatabase,
  type TestDatabase,
} from "@steward/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callerFor, refusal } from "../testing.ts";

let test: TestDatabase;
beforeAll(async () => {
  test = await createTestDatabase();
});
afterAll(() => test.close());

const licence = { plan: "essentials" as const, seats: 3, startsOn: "2026-01-01" };

describe("the platform operator's console (issue 11 §6)", () => {
  it("sets up a council with its licence and its first admin's invitation, and lists it with its usage", async () => {
    const { caller: operator } = await callerFor(test, { userId: await createOperator(test) });
    const { tenantId } = await operator.operator.createCouncil({
      council: {
        name: "Blaby District Council",
        slug: "blaby",
        jurisdiction: "GB-ENG",
        currency: "GBP",
        locale: "en-GB",
        adminEmail: "First.Admin@Blaby.example",
      },
      licence,
    });
    const mail = await inTransaction(test.database, { tenantId: null, userId: null }, (tx) =>
      listRecentMail(tx, { limit: 10 }),
    );
    expect(mail.find((message) => message.to === "first.admin@blaby.example")?.body).toContain(
      `/accept-invitation?council=${tenantId}&token=`,
    );
    const { offline, councils } = await operator.operator.councils();
    expect(offline).toBe(true);
    const listed = councils.find((council) => council.slug === "blaby");
    expect(listed).toMatchObject({
      name: "Blaby District Council",
      seatsUsed: 1,
      licence: { plan: "essentials", seats: 3, state: "active", source: "offline", standing: "good" },
    });
    expect(listed?.lastActivityAt).not.toBeNull();
    const chain = await inTransaction(test.database, { tenantId, userId: null }, async (tx) => ({
      chain: await verifyAuditChain(tx, { tenantId }),
      actions: await tx.execute("select action from audit_events order by seq"),
    }));
    expect(chain.chain.ok).toBe(true);
    expect(chain.actions.map((row) => row.action)).toEqual([
      "council.created",
      "licence.assigned",
      "invitation.sent",
    ]);
    // The web address is the council's own.
    const again = await refusal(
      operator.operator.createCouncil({
        council: {
          name: "Another Blaby",
          slug: "blaby",
          jurisdiction: "GB-ENG",
          currency: "GBP",
          locale: "en-GB",
          adminEmail: "someone@example.test",
        },
        licence,
      }),
    );
    expect(again).toEqual({
      code: "BAD_REQUEST",
      fieldErrors: { "council.slug": "Another council uses this name." },
    });
  });

  it("suspends a council to read-only and reactivates it; assigns licences by version", async () => {
    const council = await createTenantFixture(test);
    const { caller: operator } = await callerFor(test, { userId: await createOperator(test) });
    const { caller: admin } = await callerFor(test, {
      userId: council.users.admin,
      tenantId: council.tenantId,
    });
    await operator.operator.suspend({ tenantId: council.tenantId, reason: "Unpaid since March" });
    expect((await refusal(admin.suppliers.create({ name: "Suspended Ltd" }))).code).toBe("FORBIDDEN");
    expect((await admin.suppliers.list({})).total).toBe(0);
    await operator.operator.reactivate({ tenantId: council.tenantId });
    await admin.suppliers.create({ name: "Reactivated Ltd" });

    const assigned = await operator.operator.assignLicence({
      tenantId: council.tenantId,
      version: 3,
      licence,
    });
    expect(assigned).toMatchObject({ plan: "essentials", seats: 3, version: 4 });
    expect(
      (await refusal(operator.operator.assignLicence({ tenantId: council.tenantId, version: 3, licence })))
        .code,
    ).toBe("CONFLICT");
    // Three seats, six members: nobody more can be invited until seats are added.
    expect((await refusal(admin.members.invite({ email: "new@example.test", role: "viewer" }))).code).toBe(
      "FORBIDDEN",
    );
  });

  it("pages the platform's audit log newest first, each event in words with who made it", async () => {
    // Its own database: the log is the platform's, so other tests' events would count.
    const own = await createTestDatabase();
    try {
      const { caller: operator } = await callerFor(own, { userId: await createOperator(own) });
      expect(await operator.operator.auditLog({})).toEqual({ events: [], total: 0, page: 1, pageSize: 50 });
      for (const name of ["Leisure", "Highways", "Waste"]) {
        await operator.kpiLibrary.createCategory({ slug: name.toLowerCase(), name });
      }
      const page = await operator.operator.auditLog({ page: 1, pageSize: 2 });
      expect(page.total).toBe(3);
      expect(
        page.events.map((event) => event.action === "kpi_library.category_created" && event.after.name),
      ).toEqual(["Waste", "Highways"]);
      expect(page.events[0]).toMatchObject({
        actorName: "Platform operator",
        entityType: "service_category",
        words: "added a service category to the KPI library",
      });
      const next = await operator.operator.auditLog({ page: 2, pageSize: 2 });
      expect(next.events.map((event) => event.seq)).toEqual([1]);
    } finally {
      await own.close();
    }
  });
});
