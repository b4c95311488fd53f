import { inTransaction, schema } from "@steward/db";
import {
  createTenantFixture,
  createTestDatabase,
  type TenantFixture,
  type TestDatabase,
} from "@steward/db/testing";
import { firstOfMonth, newId } from "@steward/domain";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { today } from "../contract-facts.ts";
import { callerFor, refusal } from "../testing.ts";

let test: TestDatabase;
let council: TenantFixture;
let contractId: string;

beforeAll(async () => {
  test = await createTestDatabase();
});
afterAll(() => test.close());

const lastMonth = firstOfMonth(today(), -1).slice(0, 7);
const monthBefore = firstOfMonth(today(), -2).slice(0, 7);
const header = "KPI,Period,Value,Numerator,Denominator,Region,Evidence";

async function manager() {
  return (await callerFor(test, { userId: council.users.contract_manager, tenantId: council.tenantId }))
    .caller;
}

/** A KPI as the kpis router stores one. */
async function kpi(values: Partial<typeof schema.kpis.$inferInsert> & { name: string }) {
  await inTransaction(test.database, { tenantId: council.tenantId, userId: null }, (tx) =>
    tx.insert(schema.kpis).values({
      tenantId: council.tenantId,
      id: newId(),
      contractId,
      definition: `${values.name}, as the supplier's return counts it`,
      unit: "count",
      direction: "lower_is_better",
      target: 20,
      tolerance: 5,
      ...values,
    }),
  );
}

const measurements = () =>
  inTransaction(test.database, { tenantId: council.tenantId, userId: null }, async (tx) => ({
    rows: await tx.select().from(schema.kpiMeasurements),
    parts: await tx.select().from(schema.kpiMeasurementParts),
  }));

beforeEach(async () => {
  council = await createTenantFixture(test);
  const caller = await manager();
  ({ id: contractId } = await caller.contracts.create({
    reference: "SR-1",
    title: "Waste collection",
    category: "services",
    currency: "GBP",
    startDate: "2024-01-01",
    endDate: "2029-03-31",
  }));
  await kpi({
    name: "Collections on time",
    unit: "percent",
    direction: "higher_is_better",
    target: 95,
    tolerance: 2,
    inadequateAt: 85,
    breakdownLabel: "Region",
  });
  await kpi({ name: "Complaints" });
});

const goodReturn = [
  header,
  `Collections on time,${lastMonth},,960,1000,,Supplier's return`,
  `Collections on time,${lastMonth},,470,500,North,`,
  `Collections on time,${lastMonth},,490,500,South,`,
  `Complaints,${lastMonth},31,,,,`,
  `Complaints,${monthBefore},12,,,,`,
].join("\n");

describe("supplier returns (issue 8 §2)", () => {
  it("previews a return with each measurement rated, then records it with its parts and one audit event", async () => {
    const caller = await manager();
    const preview = await caller.kpis.previewReturn({ contractId, csv: goodReturn });
    expect(preview).toMatchObject({ rowCount: 5, measurementCount: 3, problemCount: 0, problems: [] });
    expect(preview.sample.map((row) => [row.kpiName, row.value, row.parts, row.rating])).toEqual([
      ["Collections on time", 96, 2, "good"],
      ["Complaints", 31, 0, "requires_improvement"],
      ["Complaints", 12, 0, "good"],
    ]);
    expect((await measurements()).rows).toHaveLength(0);

    const committed = await caller.kpis.commitReturn({
      contractId,
      csv: goodReturn,
      fileName: "november.csv",
    });
    expect(committed).toEqual({
      recorded: 3,
      firstPeriod: `${monthBefore}-01`,
      lastPeriod: `${lastMonth}-01`,
    });
    const stored = await measurements();
    expect(stored.rows).toHaveLength(3);
    expect(stored.parts.map((part) => [part.label, part.numerator, part.denominator]).sort()).toEqual([
      ["North", 470, 500],
      ["South", 490, 500],
    ]);
    const rated = stored.rows.find((row) => row.value === 96);
    expect(rated).toMatchObject({
      numerator: 960,
      denominator: 1000,
      rating: "good",
      evidenceNote: "Supplier's return",
      enteredBy: council.users.contract_manager,
    });
    const [event] = await caller.contracts.history({ contractId });
    expect(event).toMatchObject({
      action: "kpi.supplier_return_recorded",
      after: { fileName: "november.csv", measurements: 3 },
    });

    // The same file again: every period is measured now, so each total row is a problem and nothing is added.
    const again = await caller.kpis.previewReturn({ contractId, csv: goodReturn });
    expect(again.problems.map((problem) => problem.rowNumber)).toEqual([2, 5, 6]);
    expect((await refusal(caller.kpis.commitReturn({ contractId, csv: goodReturn }))).code).toBe(
      "BAD_REQUEST",
    );
  });

  it("records nothing when one row has a problem", async () => {
    const caller = await manager();
    const csv = `${goodReturn}\nComplaints,${lastMonth}-15,3,,,,`;
    const preview = await caller.kpis.previewReturn({ contractId, csv });
    expect(preview.problems).toEqual([
      {
        rowNumber: 7,
        column: "period",
        message: "Enter the period as a month (2026-11) or its first day (2026-11-01).",
        value: `${lastMonth}-15`,
      },
    ]);
    const refused = await refusal(caller.kpis.commitReturn({ contractId, csv }));
    expect(refused.code).toBe("BAD_REQUEST");
    expect(await measurements()).toEqual({ rows: [], parts: [] });
  });

  it("rolls back every measurement when the database fails part-way through the write", async () => {
    // The measurements go in first; then every part is refused, as a full disk or a broken constraint would.
    await test.owner.unsafe(`
      create or replace function refuse_parts_for_the_test() returns trigger language plpgsql
        as $$ begin raise exception 'refused for the test'; end $$;
      create trigger refuse_parts_for_the_test before insert on kpi_measurement_parts
        for each row execute function refuse_parts_for_the_test()`);
    try {
      const caller = await manager();
      const refused = await refusal(caller.kpis.commitReturn({ contractId, csv: goodReturn }));
      expect(refused.code).toBe("INTERNAL_SERVER_ERROR");
      expect(await measurements()).toEqual({ rows: [], parts: [] });
      expect(await caller.contracts.history({ contractId })).not.toContainEqual(
        expect.objectContaining({ action: "kpi.supplier_return_recorded" }),
      );
    } finally {
      await test.owner.unsafe("drop trigger refuse_parts_for_the_test on kpi_measurement_parts");
    }
  });

  it("answers bad input with a 4xx and a message, never a 500", async () => {
    const caller = await manager();
    expect((await refusal(caller.kpis.previewReturn({ contractId, csv: "" }))).code).toBe("BAD_REQUEST");
    expect((await refusal(caller.kpis.previewReturn({ contractId, csv: '"never closed' }))).code).toBe(
      "BAD_REQUEST",
    );
    expect((await refusal(caller.kpis.previewReturn({ contractId: newId(), csv: goodReturn }))).code).toBe(
      "NOT_FOUND",
    );
    const noColumns = await caller.kpis.previewReturn({ contractId, csv: "a,b\n1,2" });
    expect(noColumns.problems.map((problem) => problem.column)).toEqual([
      null,
      null,
      "kpi",
      "period",
      "value",
    ]);
    expect((await refusal(caller.kpis.commitReturn({ contractId, csv: header }))).code).toBe("BAD_REQUEST");
  });

  it("lets only those who record performance upload a return", async () => {
    const viewer = (await callerFor(test, { userId: council.users.viewer, tenantId: council.tenantId }))
      .caller;
    expect((await refusal(viewer.kpis.previewReturn({ contractId, csv: goodReturn }))).code).toBe(
      "FORBIDDEN",
    );
    expect((await refusal(viewer.kpis.commitReturn({ contractId, csv: goodReturn }))).code).toBe("FORBIDDEN");
  });
});
