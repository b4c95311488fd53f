import {
  createTenantFixture,
  createTestDatabase,
  type TenantFixture,
  type TestDatabase,
} from "@steward/db/testing";
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

const managerOf = async () =>
  (await callerFor(test, { userId: council.users.contract_manager, tenantId: council.tenantId })).caller;

async function contract(sroId: string | null) {
  const manager = await managerOf();
  return (
    await manager.contracts.create({
      reference: "IP-1",
      title: "Waste collection",
      category: "services",
      currency: "GBP",
      startDate: "2025-04-01",
      totalValueMinor: 10_000_000,
      contractManagerId: council.users.contract_manager,
      sroId,
    })
  ).id;
}

describe("improvement plans", () => {
  it("opens a plan from a Red month, escalates it to the SRO and closes it with an outcome, each audited", async () => {
    const manager = await managerOf();
    const contractId = await contract(council.users.sro);
    const { id } = await manager.improvementPlans.open({
      contractId,
      trigger: "red_month",
      triggerMonth: "2026-10-01",
      title: "Recover missed collections",
      reason: "  Missed bins at twice the target in the north round  ",
    });
    const [plan] = await manager.improvementPlans.list({ contractId });
    expect(plan).toMatchObject({
      id,
      status: "open",
      trigger: "red_month",
      triggerMonth: "2026-10-01",
      reason: "Missed bins at twice the target in the north round",
      openedBy: council.users.contract_manager,
      progress: { done: 0, open: 0, overdue: 0, total: 0 },
      items: [],
    });

    const escalated = await manager.improvementPlans.escalate({
      improvementPlanId: id,
      version: 1,
      note: "A rectification notice needs the SRO's decision",
    });
    expect(
      await refusal(manager.improvementPlans.escalate({ improvementPlanId: id, version: 2, note: "again" })),
    ).toMatchObject({ code: "CONFLICT" });
    const [after] = await manager.improvementPlans.list({ contractId });
    expect(after).toMatchObject({ status: "escalated", escalatedTo: council.users.sro });

    // A stale version is a conflict, not a second close.
    expect(
      await refusal(
        manager.improvementPlans.close({
          improvementPlanId: id,
          version: 1,
          closure: { outcome: "recovered" },
        }),
      ),
    ).toMatchObject({ code: "CONFLICT" });
    await manager.improvementPlans.close({
      improvementPlanId: id,
      version: escalated.version,
      closure: { outcome: "change", outcomeNote: "Rounds re-planned by a contract change" },
    });
    const [closed] = await manager.improvementPlans.list({ contractId });
    expect(closed).toMatchObject({ status: "closed", outcome: "change" });
    expect(closed?.closedOn).not.toBeNull();

    const history = await manager.contracts.history({ contractId });
    expect(history.map((event) => event.action)).toEqual(
      expect.arrayContaining([
        "improvement_plan.opened",
        "improvement_plan.escalated",
        "improvement_plan.closed",
      ]),
    );
  });

  it("refuses a plan without its trigger, a KPI of no contract of its own and an escalation with no SRO", async () => {
    const manager = await managerOf();
    const contractId = await contract(null);
    expect(
      await refusal(
        manager.improvementPlans.open({ contractId, trigger: "red_month", title: "", reason: "Failing" }),
      ),
    ).toEqual({
      code: "BAD_REQUEST",
      fieldErrors: { title: "Give the plan a short title.", triggerMonth: "Name the Red month." },
    });
    expect(
      (
        await refusal(
          manager.improvementPlans.open({
            contractId,
            trigger: "red_month",
            triggerMonth: "2026-10-15",
            title: "Plan",
            reason: "Failing",
          }),
        )
      ).fieldErrors,
    ).toEqual({ triggerMonth: "Give the month as its first day (YYYY-MM-01)." });
    expect(
      (
        await refusal(
          manager.improvementPlans.open({
            contractId,
            trigger: "inadequate_kpi",
            triggerKpiId: "01890000-0000-7000-8000-000000000000",
            title: "Plan",
            reason: "Failing",
          }),
        )
      ).fieldErrors,
    ).toEqual({ triggerKpiId: "Choose one of this contract's KPIs." });
    const { id } = await manager.improvementPlans.open({
      contractId,
      trigger: "other",
      title: "Plan",
      reason: "Failing",
    });
    expect(
      await refusal(manager.improvementPlans.escalate({ improvementPlanId: id, version: 1, note: "Help" })),
    ).toEqual({
      code: "BAD_REQUEST",
      fieldErrors: { note: "This contract has no Senior Responsible Officer to escalate to." },
    });
  });

  it("opens one plan for a retried request with the same key", async () => {
    const manager = await managerOf();
    const contractId = await contract(null);
    const input = {
      contractId,
      trigger: "other" as const,
      title: "Plan",
      reason: "Failing",
      idempotencyKey: "improvement-plan-key-1",
    };
    const first = await manager.improvementPlans.open(input);
    expect(await manager.improvementPlans.open(input)).toEqual(first);
    expect(await manager.improvementPlans.list({ contractId })).toHaveLength(1);
  });
});
