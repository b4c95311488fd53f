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
let supplierId: string;

beforeAll(async () => {
  test = await createTestDatabase();
});
afterAll(() => test.close());
// One fresh council per test, with one supplier: no test depends on rows another made.
beforeEach(async () => {
  council = await createTenantFixture(test);
  const { caller } = await manager();
  supplierId = (
    await caller.suppliers.create({
      name: "Greenways Grounds Ltd",
      registrationNumber: "04142000",
      organisationScheme: "GB-COH",
    })
  ).id;
});

const manager = () => callerFor(test, { userId: council.users.contract_manager, tenantId: council.tenantId });
const viewer = () => callerFor(test, { userId: council.users.viewer, tenantId: council.tenantId });

const contract = (reference: string, overrides: Record<string, unknown> = {}) => ({
  reference,
  title: `Grounds maintenance ${reference}`,
  category: "services" as const,
  currency: "GBP",
  startDate: "2025-04-01",
  endDate: "2028-03-31",
  annualValueMinor: 6_000_000,
  totalValueMinor: 18_000_000,
  ...overrides,
});

describe("contracts", () => {
  it("creates a contract, tiers it with reasons and derives its obligations", async () => {
    const { caller } = await manager();
    const { id } = await caller.contracts.create({
      ...contract("GM-001"),
      supplierId,
      contractManagerId: council.users.contract_manager,
    });
    const page = await caller.contracts.get({ contractId: id });
    expect(page.contract.tier).toBe("high");
    expect(page.contract.tierReasons[0]).toMatch(/Annual value £60,000 is over the £50,000 High threshold/);
    expect(page.supplier?.name).toBe("Greenways Grounds Ltd");
    expect(page.contract.originalTotalValueMinor).toBe(18_000_000);
    const sro = page.obligations.find((obligation) => obligation.key === "sro_named");
    expect(sro?.status).toBe("overdue");
    expect(page.obligations.find((obligation) => obligation.key === "contract_manager_named")?.status).toBe(
      "met",
    );
    expect(page.complianceScore).toBeLessThan(100);
  });

  it("replays a create retried with the same idempotency key", async () => {
    const { caller } = await manager();
    const first = await caller.contracts.create({
      ...contract("GM-IDEM"),
      idempotencyKey: "form-submission-1",
    });
    const again = await caller.contracts.create({
      ...contract("GM-IDEM"),
      idempotencyKey: "form-submission-1",
    });
    expect(again.id).toBe(first.id);
    expect((await caller.contracts.list({ search: "GM-IDEM" })).total).toBe(1);
  });

  it("gives field errors for bad input and a duplicate reference", async () => {
    const { caller } = await manager();
    const bad = await refusal(
      caller.contracts.create({ ...contract("GM-BAD"), endDate: "2020-01-01", cpvCode: "7731" }),
    );
    expect(bad.code).toBe("BAD_REQUEST");
    expect(Object.keys(bad.fieldErrors).sort()).toEqual(["cpvCode", "endDate"]);
    await caller.contracts.create(contract("GM-001"));
    const duplicate = await refusal(caller.contracts.create(contract("gm-001")));
    expect(duplicate.fieldErrors.reference).toMatch(/already used/);
  });

  it("refuses a stale edit with CONFLICT and re-tiers when the value changes", async () => {
    const { caller } = await manager();
    const { id } = await caller.contracts.create(
      contract("GM-EDIT", { annualValueMinor: 300_000, totalValueMinor: 900_000 }),
    );
    expect((await caller.contracts.get({ contractId: id })).contract.tier).toBe("low");
    const edited = await caller.contracts.update({
      contractId: id,
      version: 1,
      values: contract("GM-EDIT", { annualValueMinor: 1_000_000, totalValueMinor: 3_000_000 }),
    });
    expect(edited).toMatchObject({ version: 2, tier: "medium", retierRequested: false });
    await expect(
      caller.contracts.update({ contractId: id, version: 1, values: contract("GM-EDIT") }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("keeps an override with its reason and asks for a review when the value then changes", async () => {
    const { caller } = await manager();
    const { id } = await caller.contracts.create(
      contract("GM-OVR", { annualValueMinor: 300_000, totalValueMinor: 900_000 }),
    );
    await expect(
      caller.contracts.reviewTier({ contractId: id, version: 1, override: { tier: "high", reason: " " } }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await caller.contracts.reviewTier({
      contractId: id,
      version: 1,
      override: { tier: "high", reason: "Statutory service for vulnerable residents" },
    });
    let page = await caller.contracts.get({ contractId: id });
    expect(page.contract).toMatchObject({
      tier: "high",
      assessedTier: "low",
      tierOverrideReason: "Statutory service for vulnerable residents",
    });
    await caller.contracts.update({
      contractId: id,
      version: page.contract.version,
      values: contract("GM-OVR", { annualValueMinor: 700_000, totalValueMinor: 2_100_000 }),
    });
    page = await caller.contracts.get({ contractId: id });
    expect(page.contract).toMatchObject({ tier: "high", retierRequested: true });
    await caller.contracts.reviewTier({ contractId: id, version: page.contract.version, override: null });
    expect((await caller.contracts.get({ contractId: id })).contract).toMatchObject({
      tier: "medium",
      retierRequested: false,
      tierOverrideReason: null,
    });
  });

  it("archives and restores instead of deleting, and records it all in the history", async () => {
    const sro = await callerFor(test, { userId: council.users.sro, tenantId: council.tenantId });
    const { id } = await sro.caller.contracts.create(contract("GM-ARCH"));
    await sro.caller.contracts.setArchived({ contractId: id, version: 1, archived: true });
    expect((await sro.caller.contracts.list({ search: "GM-ARCH" })).total).toBe(0);
    expect((await sro.caller.contracts.list({ search: "GM-ARCH", archived: true })).total).toBe(1);
    await sro.caller.contracts.setArchived({ contractId: id, version: 2, archived: false });
    const history = await sro.caller.contracts.history({ contractId: id });
    expect(history.map((event) => event.action)).toEqual([
      "contract.restored",
      "contract.archived",
      "contract.created",
    ]);
    const { caller } = await manager();
    await expect(
      caller.contracts.setArchived({ contractId: id, version: 3, archived: true }),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });

  it("lets a viewer read but not write", async () => {
    await (await manager()).caller.contracts.create(contract("GM-READ"));
    const { caller } = await viewer();
    expect((await caller.contracts.list({})).total).toBe(1);
    await expect(caller.contracts.create(contract("GM-VIEW"))).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("searches, filters, sorts and pages the register on the server", async () => {
    const { caller } = await manager();
    for (let index = 1; index <= 12; index += 1) {
      await caller.contracts.create(
        contract(`PAGE-${String(index).padStart(2, "0")}`, {
          title: index % 2 ? "Street cleansing" : "Waste collection",
          endDate: `2029-01-${String(index).padStart(2, "0")}`,
          annualValueMinor: index * 100_000,
          totalValueMinor: index * 300_000,
          supplierId: index <= 3 ? supplierId : null,
        }),
      );
    }
    const first = await caller.contracts.list({
      search: "page-",
      sort: "endDate",
      direction: "desc",
      pageSize: 5,
    });
    expect(first.total).toBe(12);
    expect(first.rows.map((row) => row.reference)).toEqual([
      "PAGE-12",
      "PAGE-11",
      "PAGE-10",
      "PAGE-09",
      "PAGE-08",
    ]);
    const third = await caller.contracts.list({
      search: "page-",
      sort: "endDate",
      direction: "desc",
      pageSize: 5,
      page: 3,
    });
    expect(third.rows.map((row) => row.reference)).toEqual(["PAGE-02", "PAGE-01"]);
    const cleansing = await caller.contracts.list({ search: "cleansing" });
    expect(cleansing.rows.every((row) => row.title === "Street cleansing")).toBe(true);
    const lowTier = await caller.contracts.list({ search: "page-", tiers: ["low"] });
    expect(lowTier.rows.map((row) => row.reference).sort()).toEqual([
      "PAGE-01",
      "PAGE-02",
      "PAGE-03",
      "PAGE-04",
    ]);
    const bySupplier = await caller.contracts.list({ search: "page-", supplierId });
    expect(bySupplier.total).toBe(3);
    expect(bySupplier.rows[0]?.supplierName).toBe("Greenways Grounds Ltd");
    const literal = await caller.contracts.list({ search: "%" });
    expect(literal.total).toBe(0);
  });

  it("counts a large register's matches only to the first thousand past the page", async () => {
    const { caller } = await manager();
    // 1,060 contracts written by the database (the API would take a minute), under the council's RLS.
    await test.owner.begin(async (sql) => {
      await sql.unsafe(`set local role steward_app; set local app.tenant_id = '${council.tenantId}'`);
      await sql`
        insert into contracts (tenant_id, id, reference, title, category, start_date, end_date,
          annual_value_minor, total_value_minor, currency, tier, assessed_tier, original_total_value_minor,
          original_end_date)
        select ${council.tenantId}, gen_random_uuid(), 'CAP-' || lpad(i::text, 4, '0'), 'Catering lot ' || i,
          'services', date '2025-04-01', date '2028-03-31', 100000, 300000, 'GBP', 'low', 'low', 300000,
          date '2028-03-31'
        from generate_series(1, 1060) i`;
    });
    const first = await caller.contracts.list({ search: "cap-", sort: "reference", pageSize: 50 });
    expect(first).toMatchObject({ total: 1000, totalCapped: true, page: 1 });
    expect(first.rows.map((row) => row.reference).slice(0, 2)).toEqual(["CAP-0001", "CAP-0002"]);
    // From page 20 the count goes on to 2,000, past the last match: exact again.
    const twentieth = await caller.contracts.list({
      search: "cap-",
      sort: "reference",
      pageSize: 50,
      page: 20,
    });
    expect(twentieth).toMatchObject({ total: 1060, totalCapped: false });
    expect(twentieth.rows[0]?.reference).toBe("CAP-0951");
    const last = await caller.contracts.list({ search: "cap-", sort: "reference", pageSize: 50, page: 22 });
    expect(last.rows.map((row) => row.reference)).toEqual(
      Array.from({ length: 10 }, (_, index) => `CAP-${1051 + index}`),
    );
    expect((await caller.contracts.list({ search: "cap-1059" })).total).toBe(1);
  });

  it("summarises the council's compliance", async () => {
    const { caller } = await manager();
    for (const [reference, annualValueMinor] of [
      ["SUM-HIGH", 6_000_000],
      ["SUM-MEDIUM", 1_000_000],
      ["SUM-LOW", 100_000],
    ] as const) {
      await caller.contracts.create(
        contract(reference, { annualValueMinor, totalValueMinor: annualValueMinor * 3 }),
      );
    }
    const overview = await caller.contracts.compliance();
    expect(overview.contractCount).toBe(3);
    expect(overview.byTier).toEqual({ high: 1, medium: 1, low: 1 });
    expect(overview.byTier.high + overview.byTier.medium + overview.byTier.low).toBe(overview.contractCount);
    expect(overview.overdueByDuty.find((duty) => duty.key === "sro_named")?.count).toBeGreaterThan(0);
    expect(overview.needingAttention.length).toBeGreaterThan(0);
    // Every duty these contracts owe is tracked now (meetings, risks, plans, RAG, KPIs): no manager is named, so
    // no training duty, and none is a public contract, so no termination notice (the two still untracked).
    expect(overview.tracked).toBe(overview.owed);
    expect(overview.payments.current.rule.source).toBe("PA23 s.68(2)");
    expect(overview.payments.publicContractsOnly).toBe(true);
  });

  it("an invoice unpaid past its deadline makes the contract non-compliant", async () => {
    const { caller } = await manager();
    const finance = (await callerFor(test, { userId: council.users.finance, tenantId: council.tenantId }))
      .caller;
    const { id } = await caller.contracts.create({
      ...contract("GM-UNPAID"),
      contractManagerId: council.users.contract_manager,
      sroId: council.users.sro,
    });
    // Other duties of a High tier contract (its KPIs, from issue 8) are overdue too: compare before and after.
    const before = await caller.contracts.get({ contractId: id });
    expect(before.obligations.find((o) => o.key === "invoices_paid_on_time")?.status).toBe("not_applicable");
    await finance.invoices.create({
      contractId: id,
      invoice: { invoiceNumber: "U1", amountMinor: 1_000, receivedOn: "2025-05-01" },
    });
    const after = await caller.contracts.get({ contractId: id });
    expect(after.obligations.find((o) => o.key === "invoices_paid_on_time")?.status).toBe("overdue");
    expect(after.compliance?.overdue).toBe((before.compliance?.overdue ?? 0) + 1);
    expect(after.complianceScore).toBeLessThan(before.complianceScore ?? 0);
    const overview = await caller.contracts.compliance();
    expect(overview.needingAttention.map((c) => c.reference)).toContain("GM-UNPAID");
    expect(overview.payments.now.unpaidLateCount).toBeGreaterThan(0);
  });
});

describe("deviations (SCM reg 36)", () => {
  it("records a South African deviation, owes its report to council until reported, audited", async () => {
    const za = await createTenantFixture(test, { jurisdiction: "ZA" });
    const { caller } = await callerFor(test, { userId: za.users.contract_manager, tenantId: za.tenantId });
    const { id } = await caller.contracts.create({ ...contract("ZA-DEV"), currency: "ZAR" });
    const duty = async () =>
      (await caller.contracts.get({ contractId: id })).obligations.find(
        (o) => o.key === "za_deviation_reported",
      );
    expect((await duty())?.status).toBe("not_applicable");
    const refused = await refusal(
      caller.contracts.setDeviation({
        contractId: id,
        version: 1,
        deviation: {
          ground: "emergency",
          reason: "Burst main",
          reportedOn: "2026-01-20",
          reportReference: null,
        },
      }),
    );
    expect(refused.fieldErrors).toEqual({
      "deviation.reportReference": "Give the council meeting's item or resolution reference.",
    });
    const recorded = await caller.contracts.setDeviation({
      contractId: id,
      version: 1,
      deviation: { ground: "emergency", reason: "Burst main", reportedOn: null, reportReference: null },
    });
    expect((await duty())?.status).toBe("due_soon");
    const reported = await caller.contracts.setDeviation({
      contractId: id,
      version: recorded.version,
      deviation: {
        ground: "emergency",
        reason: "Burst main",
        reportedOn: "2026-01-20",
        reportReference: "Council resolution C12/2026",
      },
    });
    expect(await duty()).toMatchObject({ status: "met", dueDate: "2026-01-20" });
    expect((await caller.contracts.get({ contractId: id })).deviation).toMatchObject({
      reportReference: "Council resolution C12/2026",
    });
    await caller.contracts.setDeviation({ contractId: id, version: reported.version, deviation: null });
    expect((await duty())?.status).toBe("not_applicable");
    const actions = (await caller.contracts.history({ contractId: id })).map((event) => event.action);
    expect(actions.filter((action) => action.startsWith("contract.deviation"))).toEqual([
      "contract.deviation_removed",
      "contract.deviation_recorded",
      "contract.deviation_recorded",
    ]);
  });

  it("is refused for an English council", async () => {
    const { caller } = await manager();
    const { id } = await caller.contracts.create(contract("GM-DEV"));
    const refused = await refusal(
      caller.contracts.setDeviation({
        contractId: id,
        version: 1,
        deviation: { ground: "emergency", reason: "x", reportedOn: null, reportReference: null },
      }),
    );
    expect(refused.code).toBe("BAD_REQUEST");
  });
});

describe("council settings", () => {
  it("re-tiers new contracts by the council's own thresholds, which only an admin can change", async () => {
    const { caller } = await manager();
    expect((await refusal(caller.council.updateSettings({ settings: {} }))).code).toBe("FORBIDDEN");
    const admin = (await callerFor(test, { userId: council.users.admin, tenantId: council.tenantId })).caller;
    const current = await admin.council.get();
    const refused = await refusal(
      admin.council.updateSettings({
        settings: {
          ...current.settings,
          tiering: { ...current.settings.tiering, mediumAnnualMinor: 9_000_000 },
        },
      }),
    );
    expect(refused.fieldErrors).toEqual({
      "settings.tiering.mediumAnnualMinor": "The Medium threshold must be below the High threshold.",
    });
    await admin.council.updateSettings({
      settings: {
        ...current.settings,
        tiering: { ...current.settings.tiering, highAnnualMinor: 10_000_000 },
      },
    });
    const { id } = await caller.contracts.create(contract("SET-001"));
    expect((await caller.contracts.get({ contractId: id })).contract.tier).toBe("medium");
    const events = await admin.audit.list({ limit: 5 });
    expect(events.some((event) => event.action === "council.settings_changed")).toBe(true);
  });
});

describe("contracts ending soon", () => {
  it("counts and lists contracts ending or reaching their notice date in 30, 90 and 180 days", async () => {
    const { caller } = await manager();
    const today = new Date().toISOString().slice(0, 10);
    const on = (days: number) => addDays(today, days);
    const dated = (reference: string, dates: { endDate: string; noticeDate?: string }) =>
      caller.contracts.create({ ...contract(reference), startDate: on(-700), ...dates });
    await dated("END-30", { endDate: on(30) });
    await dated("NOTICE-60", { endDate: on(400), noticeDate: on(60) });
    await dated("END-150", { endDate: on(150) });
    await dated("ENDED", { endDate: on(-1) });
    await dated("END-181", { endDate: on(181) });
    await dated("NOTICE-PASSED", { endDate: on(500), noticeDate: on(-5) });

    const soon = await caller.contracts.endingSoon();
    expect(soon.windows).toEqual([
      { days: 30, count: 1 },
      { days: 90, count: 2 },
      { days: 180, count: 3 },
    ]);
    expect(soon.nearest.map((row) => [row.reference, row.next])).toEqual([
      ["END-30", { date: on(30), kind: "end" }],
      ["NOTICE-60", { date: on(60), kind: "notice" }],
      ["END-150", { date: on(150), kind: "end" }],
    ]);

    const within90 = await caller.contracts.list({ endingWithinDays: 90, sort: "endDate" });
    expect(within90.rows.map((row) => row.reference)).toEqual(["END-30", "NOTICE-60"]);
    const exported = await caller.register.exportCsv({ endingWithinDays: 30 });
    expect(exported.count).toBe(1);
    expect(exported.csv).toContain(`Notice date`);
  });

  it("refuses a window other than 30, 90 or 180 days", async () => {
    const { caller } = await manager();
    const bad = await refusal(caller.contracts.list({ endingWithinDays: 60 as 30 }));
    expect(bad.code).toBe("BAD_REQUEST");
  });
});
