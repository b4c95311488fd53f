import {
  createTenantFixture,
  createTestDatabase,
  type TenantFixture,
  type TestDatabase,
} from "@steward/db/testing";
import { addDays } from "@steward/domain";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
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

const today = () => new Date().toISOString().slice(0, 10);

/** A public contract over £5 million (PA23 s.52, so s.71) that started two years ago and ended a week ago. */
async function endedPublicContract() {
  const { caller } = await callerFor(test, {
    userId: council.users.contract_manager,
    tenantId: council.tenantId,
  });
  const { id } = await caller.contracts.create({
    reference: "WST-9",
    title: "Waste collection",
    category: "services",
    currency: "GBP",
    totalValueMinor: 900_000_000,
    publicContract: true,
    startDate: addDays(today(), -730),
    endDate: addDays(today(), -7),
  });
  return { caller, contractId: id };
}

const duty = async (
  caller: Awaited<ReturnType<typeof endedPublicContract>>["caller"],
  contractId: string,
  key: string,
) => (await caller.contracts.get({ contractId })).obligations.find((obligation) => obligation.key === key);

describe("notices (PA23 s.71, s.80)", () => {
  it("records a published termination notice, which meets the s.80 duty, and audits it", async () => {
    const { caller, contractId } = await endedPublicContract();
    expect(await duty(caller, contractId, "termination_notice")).toMatchObject({
      status: "due_soon",
      dueDate: addDays(today(), 22),
    });
    const publishedOn = addDays(today(), -2);
    const idempotencyKey = "notice-retry-1";
    const recorded = await caller.notices.record({
      contractId,
      kind: "contract_termination",
      publishedOn,
      reference: "  CDP-2026-000123 ",
      idempotencyKey,
    });
    // A retry with the same key replays the first answer and records nothing more.
    const retry = {
      contractId,
      kind: "contract_termination" as const,
      publishedOn,
      reference: "  CDP-2026-000123 ",
    };
    expect(await caller.notices.record({ ...retry, idempotencyKey })).toEqual(recorded);
    const notices = await caller.notices.list({ contractId });
    expect(notices).toEqual([
      expect.objectContaining({
        id: recorded.id,
        kind: "contract_termination",
        publishedOn,
        reference: "CDP-2026-000123",
        recordedByName: expect.any(String),
      }),
    ]);
    expect(await duty(caller, contractId, "termination_notice")).toMatchObject({ status: "met" });
    const admin = (await callerFor(test, { userId: council.users.admin, tenantId: council.tenantId })).caller;
    const events = await admin.audit.list({ limit: 20 });
    expect(events.filter((event) => event.entityId === contractId).map((event) => event.action)).toContain(
      "contract_notice.recorded",
    );
  });

  it("tracks the twelve-monthly Contract Performance Notice of a contract with s.52 KPIs", async () => {
    const { caller } = await callerFor(test, {
      userId: council.users.contract_manager,
      tenantId: council.tenantId,
    });
    const { id: contractId } = await caller.contracts.create({
      reference: "WST-10",
      title: "Waste collection",
      category: "services",
      currency: "GBP",
      totalValueMinor: 900_000_000,
      publicContract: true,
      startDate: addDays(today(), -400),
      endDate: addDays(today(), 1000),
    });
    expect(await duty(caller, contractId, "performance_notice")).toMatchObject({ status: "overdue" });
    await caller.notices.record({
      contractId,
      kind: "contract_performance",
      publishedOn: addDays(today(), -30),
    });
    expect(await duty(caller, contractId, "performance_notice")).toMatchObject({ status: "met" });
  });

  it("refuses a notice dated after today, and one for a contract that publishes none, saying what to fix", async () => {
    const { caller, contractId } = await endedPublicContract();
    const future = await refusal(
      caller.notices.record({ contractId, kind: "contract_performance", publishedOn: addDays(today(), 1) }),
    );
    expect(future.code).toBe("BAD_REQUEST");
    expect(future.fieldErrors).toEqual({
      publishedOn: "Record a notice once it is published: give today's date or an earlier one.",
    });
    const { id: small } = await caller.contracts.create({
      reference: "SML-1",
      title: "Window cleaning",
      category: "services",
      currency: "GBP",
      totalValueMinor: 1_000_000,
      publicContract: false,
    });
    const below = await refusal(
      caller.notices.record({ contractId: small, kind: "contract_termination", publishedOn: today() }),
    );
    expect(below.fieldErrors).toEqual({
      kind: "Only a public (above-threshold) contract publishes these notices (PA23 s.71, s.80).",
    });
    expect(await caller.notices.list({ contractId })).toEqual([]);
  });

  it("keeps a viewer to reading", async () => {
    const { contractId } = await endedPublicContract();
    const viewer = (await callerFor(test, { userId: council.users.viewer, tenantId: council.tenantId }))
      .caller;
    expect(await viewer.notices.list({ contractId })).toEqual([]);
    expect(
      (
        await refusal(
          viewer.notices.record({ contractId, kind: "contract_termination", publishedOn: today() }),
        )
      ).code,
    ).toBe("FORBIDDEN");
  });
});
