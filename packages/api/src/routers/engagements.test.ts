import { insertEngagement, inTransaction } from "@steward/db";
import {
  createTenantFixture,
  createTestDatabase,
  type TenantFixture,
  type TestDatabase,
} from "@steward/db/testing";
import { addDays } from "@steward/domain";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { today } from "../contract-facts.ts";
import { callerFor, refusal } from "../testing.ts";

let test: TestDatabase;
let council: TenantFixture;

beforeAll(async () => {
  test = await createTestDatabase();
});
afterAll(() => test.close());
beforeEach(async () => {
  council = await createTenantFixture(test);
});

const admin = () => callerFor(test, { userId: council.users.admin, tenantId: council.tenantId });
const as = (userId: string, tenantId: string | null = council.tenantId) =>
  callerFor(test, { userId, tenantId });

/** A user with an account and no role anywhere, to be engaged (or not) by the test. */
async function newAdvisor(name: string) {
  const [row] = await test.owner<{ id: string }[]>`
    insert into users (id, email, name) values (gen_random_uuid(), ${`${name}@advisory.example`}, ${name}) returning id`;
  if (!row) throw new Error("no user");
  return { id: row.id, email: `${name}@advisory.example` };
}

async function engage(tenantId: string, advisorUserId: string, startsOn: string, endsOn: string) {
  return inTransaction(test.database, { tenantId, userId: null }, (tx) =>
    insertEngagement(tx, {
      tenantId,
      advisorUserId,
      scopes: ["read_portfolio", "add_notes", "run_reviews"],
      startsOn,
      endsOn,
      grantedBy: null,
    }),
  );
}

const on = today();

describe("advisor access through engagements (issue 9 §7)", () => {
  it("lets an actively engaged advisor read the council, read-only", async () => {
    const { caller } = await as(council.users.advisor);
    await expect(caller.contracts.list({})).resolves.toMatchObject({ rows: [] });
    expect(
      await refusal(
        caller.suppliers.create({
          name: "Anyone Ltd",
          registrationNumber: "01234567",
          organisationScheme: "GB-COH",
        }),
      ),
    ).toMatchObject({ code: "FORBIDDEN" });
    expect(
      await refusal(caller.members.invite({ email: "someone@example.test", role: "viewer" })),
    ).toMatchObject({
      code: "FORBIDDEN",
    });
    expect(await refusal(caller.audit.list({ limit: 5 }))).toMatchObject({ code: "FORBIDDEN" });
  });

  it("gives an advisor whose engagement has ended nothing", async () => {
    const advisor = await newAdvisor("ended");
    await engage(council.tenantId, advisor.id, addDays(on, -400), addDays(on, -1));
    const { caller } = await as(advisor.id);
    expect(await refusal(caller.contracts.list({}))).toMatchObject({ code: "FORBIDDEN" });
    expect(await refusal(caller.board.view({}))).toMatchObject({ code: "FORBIDDEN" });
    const { caller: outside } = await as(advisor.id, null);
    expect((await outside.auth.me())?.councils).toEqual([]);
    expect((await outside.portfolio.overview()).councils).toEqual([]);
  });

  it("gives an advisor whose engagement starts tomorrow nothing yet", async () => {
    const advisor = await newAdvisor("scheduled");
    await engage(council.tenantId, advisor.id, addDays(on, 1), addDays(on, 100));
    const { caller } = await as(advisor.id);
    expect(await refusal(caller.contracts.list({}))).toMatchObject({ code: "FORBIDDEN" });
  });

  it("ends a revoked engagement's access at the advisor's next request, on the same session", async () => {
    const { caller } = await as(council.users.advisor);
    await caller.contracts.list({});
    const { caller: adminCaller } = await admin();
    await adminCaller.engagements.revoke({ engagementId: council.engagementId });
    expect(await refusal(caller.contracts.list({}))).toMatchObject({ code: "FORBIDDEN" });
    expect(await refusal(caller.advisory.notes({}))).toMatchObject({ code: "FORBIDDEN" });
    const { caller: outside } = await as(council.users.advisor, null);
    expect((await outside.auth.me())?.councils).toEqual([]);
    expect((await outside.portfolio.overview()).councils).toEqual([]);
    expect((await outside.engagements.mine()).map((engagement) => engagement.status)).toEqual(["revoked"]);
  });

  it("gives a user never engaged nothing", async () => {
    const stranger = await newAdvisor("stranger");
    const { caller } = await as(stranger.id);
    expect(await refusal(caller.contracts.list({}))).toMatchObject({ code: "FORBIDDEN" });
    expect(await refusal(caller.advisory.notes({}))).toMatchObject({ code: "FORBIDDEN" });
    const { caller: outside } = await as(stranger.id, null);
    expect((await outside.portfolio.overview()).councils).toEqual([]);
  });

  it("gives an advisor engaged by one council nothing in another", async () => {
    const other = await createTenantFixture(test);
    const { caller } = await as(council.users.advisor, other.tenantId);
    expect(await refusal(caller.contracts.list({}))).toMatchObject({ code: "FORBIDDEN" });
    expect(await refusal(caller.advisory.reviews())).toMatchObject({ code: "FORBIDDEN" });
    const { caller: outside } = await as(council.users.advisor, null);
    const portfolio = await outside.portfolio.overview();
    expect(portfolio.councils.map((each) => each.tenantId)).toEqual([council.tenantId]);
  });

  it("gives an engaged advisor nothing while the council's plan lacks advisor access (issue 11)", async () => {
    const essentials = await createTenantFixture(test, { licence: { plan: "essentials" } });
    const { caller } = await as(essentials.users.advisor, essentials.tenantId);
    expect(await refusal(caller.contracts.list({}))).toMatchObject({ code: "FORBIDDEN" });
    const { caller: outside } = await as(essentials.users.advisor, null);
    const portfolio = await outside.portfolio.overview();
    expect(portfolio.councils).toEqual([]);
    expect(portfolio.unavailable).toMatchObject([
      { tenantId: essentials.tenantId, reason: expect.stringContaining("Partnership") },
    ]);
    const { caller: essentialsAdmin } = await as(essentials.users.admin, essentials.tenantId);
    expect(
      await refusal(
        essentialsAdmin.engagements.grant({
          advisorEmail: `advisor.${council.slug}@example.test`,
          scopes: ["read_portfolio"],
          startsOn: on,
          endsOn: on,
        }),
      ),
    ).toMatchObject({ code: "FORBIDDEN" });
  });

  it("lists a council whose plan lacks advisor access among the advisor's councils as unavailable, with the reason", async () => {
    const advisor = await newAdvisor("switcher");
    const essentials = await createTenantFixture(test, { licence: { plan: "essentials" } });
    await engage(council.tenantId, advisor.id, on, addDays(on, 30));
    await engage(essentials.tenantId, advisor.id, on, addDays(on, 30));
    const { caller: outside } = await as(advisor.id, null);
    const councils = (await outside.auth.me())?.councils ?? [];
    expect(councils.find((each) => each.tenantId === council.tenantId)).toMatchObject({
      role: "advisor",
      unavailable: null,
    });
    expect(councils.find((each) => each.tenantId === essentials.tenantId)).toMatchObject({
      role: "advisor",
      unavailable: expect.stringContaining("Advisor access is included in the Partnership plan"),
    });
    // The portfolio says the same.
    expect((await outside.portfolio.overview()).unavailable).toMatchObject([
      { tenantId: essentials.tenantId, reason: councils.find((each) => each.unavailable)?.unavailable },
    ]);
    // A member's councils are never marked; reading the plan for the list is not an advisor read.
    const member = (await as(council.users.admin, null)).caller;
    expect((await member.auth.me())?.councils).toMatchObject([
      { tenantId: council.tenantId, unavailable: null },
    ]);
    const events = await (await admin()).caller.audit.list({ limit: 50 });
    expect(events.filter((event) => event.action === "advisor.read").map((event) => event.after)).toEqual([
      { procedure: "portfolio.overview", contractId: null },
    ]);
  });

  it("narrows the advisor role to the engagement's scope", async () => {
    const advisor = await newAdvisor("notes-only");
    await inTransaction(test.database, { tenantId: council.tenantId, userId: null }, (tx) =>
      insertEngagement(tx, {
        tenantId: council.tenantId,
        advisorUserId: advisor.id,
        scopes: ["add_notes"],
        startsOn: on,
        endsOn: on,
        grantedBy: null,
      }),
    );
    const { caller } = await as(advisor.id);
    expect(await refusal(caller.contracts.list({}))).toMatchObject({ code: "FORBIDDEN" });
    await expect(caller.advisory.notes({})).resolves.toEqual([]);
    await caller.advisory.addNote({ kind: "note", title: "Hello", body: "A first note." });
    expect(
      await refusal(
        caller.advisory.draftReview({
          review: { title: "Review", periodStart: on, periodEnd: on, findings: [] },
        }),
      ),
    ).toMatchObject({ code: "FORBIDDEN" });
  });

  it("writes every advisor read to that council's audit log: who, which call, which contract", async () => {
    const { caller: manager } = await as(council.users.contract_manager);
    const { id: contractId } = await manager.contracts.create({
      reference: "AUD-1",
      title: "Audited contract",
      category: "services",
      currency: "GBP",
      startDate: "2025-04-01",
      endDate: "2028-03-31",
      annualValueMinor: 6_000_000,
      totalValueMinor: 18_000_000,
    });
    const { caller } = await as(council.users.advisor);
    await caller.contracts.list({});
    await caller.contracts.get({ contractId });
    const { caller: outside } = await as(council.users.advisor, null);
    await outside.portfolio.overview();
    await outside.trainingOverview.advisor();

    const events = await (await admin()).caller.audit.list({ limit: 50 });
    const reads = events.filter((event) => event.action === "advisor.read");
    expect(
      reads
        .map((event) => ({ actor: event.actorUserId, after: event.after, entity: event.entityId }))
        .reverse(),
    ).toEqual([
      {
        actor: council.users.advisor,
        after: { procedure: "contracts.list", contractId: null },
        entity: council.engagementId,
      },
      {
        actor: council.users.advisor,
        after: { procedure: "contracts.get", contractId },
        entity: council.engagementId,
      },
      {
        actor: council.users.advisor,
        after: { procedure: "portfolio.overview", contractId: null },
        entity: council.engagementId,
      },
      {
        actor: council.users.advisor,
        after: { procedure: "trainingOverview.advisor", contractId: null },
        entity: council.engagementId,
      },
    ]);
    // Members' reads are not advisor reads.
    expect(reads.every((event) => event.actorUserId === council.users.advisor)).toBe(true);
  });
});

describe("granting and revoking", () => {
  it("lets the admin grant an engagement to an advisor's account, listed on both sides", async () => {
    const advisor = await newAdvisor("ade");
    const { caller } = await admin();
    const granted = await caller.engagements.grant({
      advisorEmail: "ADE@advisory.example",
      scopes: ["read_portfolio"],
      startsOn: on,
      endsOn: addDays(on, 90),
    });
    expect(granted.status).toBe("active");
    const list = await caller.engagements.list();
    expect(list.find((each) => each.id === granted.id)).toMatchObject({
      advisorEmail: advisor.email,
      scopes: ["read_portfolio"],
      status: "active",
    });
    const { caller: outside } = await as(advisor.id, null);
    expect(await outside.engagements.mine()).toMatchObject([
      { tenantId: council.tenantId, councilName: `Council ${council.slug}`, status: "active" },
    ]);
    expect((await outside.auth.me())?.councils).toMatchObject([
      { tenantId: council.tenantId, role: "advisor" },
    ]);
    const events = await caller.audit.list({ limit: 5 });
    expect(events[0]).toMatchObject({ action: "engagement.granted", entityName: "ade" });
  });

  it("refuses an unknown address, a member of the council and overlapping dates, field by field", async () => {
    const { caller } = await admin();
    const period = { scopes: ["read_portfolio" as const], startsOn: on, endsOn: addDays(on, 30) };
    expect(
      await refusal(caller.engagements.grant({ advisorEmail: "nobody@advisory.example", ...period })),
    ).toMatchObject({
      code: "BAD_REQUEST",
      fieldErrors: { advisorEmail: expect.stringContaining("No one has a Steward account") },
    });
    expect(
      await refusal(
        caller.engagements.grant({ advisorEmail: `viewer.${council.slug}@example.test`, ...period }),
      ),
    ).toMatchObject({ fieldErrors: { advisorEmail: expect.stringContaining("member of this council") } });
    expect(
      await refusal(
        caller.engagements.grant({ advisorEmail: `advisor.${council.slug}@example.test`, ...period }),
      ),
    ).toMatchObject({ fieldErrors: { startsOn: expect.stringContaining("already engaged") } });
    // Once revoked, the same advisor can be engaged again for the same dates.
    await caller.engagements.revoke({ engagementId: council.engagementId });
    await expect(
      caller.engagements.grant({ advisorEmail: `advisor.${council.slug}@example.test`, ...period }),
    ).resolves.toMatchObject({ status: "active" });
    expect(await refusal(caller.engagements.revoke({ engagementId: council.engagementId }))).toMatchObject({
      code: "BAD_REQUEST",
    });
  });

  it("keeps two grants of overlapping dates sent at once to one engagement", async () => {
    const advisor = await newAdvisor("twice");
    const input = {
      advisorEmail: advisor.email,
      scopes: ["read_portfolio" as const],
      startsOn: on,
      endsOn: addDays(on, 9),
    };
    const results = await Promise.allSettled([
      (await admin()).caller.engagements.grant(input),
      (await admin()).caller.engagements.grant({
        ...input,
        startsOn: addDays(on, 5),
        endsOn: addDays(on, 20),
      }),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const list = await (await admin()).caller.engagements.list();
    expect(list.filter((each) => each.advisorUserId === advisor.id)).toHaveLength(1);
  });
});
