import { readFileSync } from "node:fs";
import {
  inTransaction,
  loadKpiLibrary,
  publishBenchmarkSnapshot,
  upsertNamedOrganisation,
} from "@steward/db";
import {
  createOperator,
  createTenantFixture,
  createTestDatabase,
  type TenantFixture,
  type TestDatabase,
} from "@steward/db/testing";
import { newId, parseKpiLibrary } from "@steward/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callerFor } from "../testing.ts";

let test: TestDatabase;
let templateId: string;
const library = readFileSync(new URL("../../../../fixtures/kpi-library.md", import.meta.url), "utf8");
const period = { start: "2026-10-01", end: "2026-11-01" };

beforeAll(async () => {
  test = await createTestDatabase();
  await inTransaction(test.database, { tenantId: null, userId: null }, async (tx) => {
    const loaded = await loadKpiLibrary(tx, parseKpiLibrary(library));
    templateId = loaded.templateIds.get("missed-collections-rate") as string;
    await upsertNamedOrganisation(tx, {
      scheme: "GB-COH",
      identifier: "02931784",
      name: "CLEANSTREETS SERVICES PLC",
      aliases: ["CleanStreets"],
      nameSource: "registry",
    });
  });
});
afterAll(() => test.close());

const as = async (council: TenantFixture, role: keyof TenantFixture["users"] = "admin") =>
  (await callerFor(test, { userId: council.users[role], tenantId: council.tenantId })).caller;

/** A council whose waste contractor is CleanStreets (by its Companies House number), measuring missed bins. */
async function wasteCouncil(missedPer100k: number, optIn = true) {
  const council = await createTenantFixture(test);
  const admin = await as(council);
  const supplier = await admin.suppliers.create({
    name: "Clean Streets (our depot)",
    registrationNumber: "2931784",
    organisationScheme: "GB-COH",
  });
  const contract = await admin.contracts.create({
    reference: "WST-1",
    title: "Waste collection",
    category: "services",
    currency: "GBP",
    startDate: "2025-04-01",
    endDate: "2030-03-31",
    totalValueMinor: 500_000_000,
    supplierId: supplier.id,
  });
  const kpi = await admin.kpis.create({
    contractId: contract.id,
    kpi: {
      name: "Missed bins per 100,000",
      definition: "Missed ÷ due",
      unit: "per_100000",
      direction: "lower_is_better",
      target: 40,
      numeratorLabel: "Missed",
      denominatorLabel: "Due",
      templateId,
    },
  });
  await inTransaction(
    test.database,
    { tenantId: council.tenantId, userId: null },
    (tx) =>
      tx.$client`insert into kpi_measurements (tenant_id, id, contract_id, kpi_id, period_start, value, numerator,
        denominator, rating, rating_reason, entered_by)
      values (${council.tenantId}, ${newId()}, ${contract.id}, ${kpi.id}, ${period.start}, ${missedPer100k},
        ${missedPer100k}, 100000, 'good', 'test', ${council.users.admin})`,
  );
  if (optIn) await admin.benchmarks.setParticipation({ optedIn: true });
  return { council, supplierId: supplier.id };
}

describe("benchmark pages (issue 9 §3, §5)", () => {
  const councils: Awaited<ReturnType<typeof wasteCouncil>>[] = [];
  let outsider: Awaited<ReturnType<typeof wasteCouncil>>;

  beforeAll(async () => {
    for (const value of [20, 30, 40, 50, 60, 70]) councils.push(await wasteCouncil(value));
    outsider = await wasteCouncil(5, false);
    expect(await publishBenchmarkSnapshot(test.database, { period })).toMatchObject({
      published: true,
      poolSize: 6,
    });
  });

  it("shows a council the distribution with its own position, and no other council's name or id", async () => {
    const first = councils[0] as (typeof councils)[number];
    const overview = await (await as(first.council, "viewer")).benchmarks.overview();
    expect(overview.snapshot).toMatchObject({ period: period.start, k: 5, poolSize: 6 });
    const missed = overview.templates.find((row) => row.templateId === templateId);
    expect(missed?.benchmark).toMatchObject({
      state: "published",
      own: 20,
      position: "best_quarter",
      councilCount: 6,
      median: 45,
    });
    const text = JSON.stringify(overview);
    const others = [...councils.slice(1).map((each) => each.council), outsider.council];
    for (const other of others) {
      expect(text).not.toContain(other.tenantId);
      expect(text).not.toContain(other.slug);
    }
  });

  it("shows a supplier's benchmark across councils against the whole pool", async () => {
    const last = councils[5] as (typeof councils)[number];
    const page = await (await as(last.council, "contract_manager")).benchmarks.supplier({
      supplierId: last.supplierId,
    });
    expect(page.supplier.organisation).toMatchObject({ scheme: "GB-COH", identifier: "02931784" });
    const row = page.templates.find((template) => template.templateId === templateId);
    expect(row?.benchmark).toMatchObject({
      state: "published",
      own: 70,
      position: "worst_quarter",
      councilCount: 6,
    });
    expect(row?.comparison).toMatchObject({ state: "published", councilCount: 6 });
  });

  it("shows nothing of the pool to a council that does not contribute, and audits opting in and out", async () => {
    const outsiderView = await (await as(outsider.council)).benchmarks.overview();
    expect(outsiderView).toEqual({
      contributing: false,
      snapshot: null,
      measures: [],
      templates: [],
      suppliers: [],
    });

    const leaving = councils[1] as (typeof councils)[number];
    const admin = await as(leaving.council);
    await admin.benchmarks.setParticipation({ optedIn: false });
    expect((await admin.benchmarks.overview()).contributing).toBe(false);
    const audit = await admin.audit.list({ limit: 20 });
    const actions = audit.map((event) => event.action);
    expect(actions).toEqual(expect.arrayContaining(["benchmarks.opted_in", "benchmarks.opted_out"]));
    await admin.benchmarks.setParticipation({ optedIn: true });
  });

  it("refuses a council whose plan lacks benchmarking (issue 11: Partnership), with the reason", async () => {
    const essentials = await createTenantFixture(test, { licence: { plan: "essentials" } });
    await expect((await as(essentials)).benchmarks.overview()).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("lets only a council admin change the council's consent", async () => {
    const manager = await as(councils[2]?.council as TenantFixture, "contract_manager");
    await expect(manager.benchmarks.setParticipation({ optedIn: false })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });
});

describe("organisation matching (issue 9 §1)", () => {
  it("suggests the registry entry by number, then by name, showing only the registry's name; a person links it", async () => {
    const council = await createTenantFixture(test);
    const admin = await as(council);
    const byNumber = await admin.suppliers.create({ name: "Our bin people", registrationNumber: "02931784" });
    const byName = await admin.suppliers.create({ name: "Cleanstreets Ltd" });
    const first = await admin.organisations.suggestions({ supplierId: byNumber.id });
    expect(first.linked).toBeNull();
    expect(first.suggestions).toEqual([
      expect.objectContaining({
        scheme: "GB-COH",
        identifier: "02931784",
        name: "CLEANSTREETS SERVICES PLC",
        matchedBy: "registration_number",
      }),
    ]);
    const second = await admin.organisations.suggestions({ supplierId: byName.id });
    expect(second.suggestions.map((suggestion) => suggestion.matchedBy)).toEqual(["name"]);
    const organisationId = second.suggestions[0]?.organisationId as string;
    await admin.organisations.link({ supplierId: byName.id, version: second.version, organisationId });
    expect((await admin.suppliers.get({ supplierId: byName.id })).organisation).toMatchObject({
      id: organisationId,
      name: "CLEANSTREETS SERVICES PLC",
    });
    // A stale version is refused, not applied.
    await expect(
      admin.organisations.link({ supplierId: byName.id, version: second.version, organisationId }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    const audit = await admin.audit.list({ limit: 5 });
    expect(audit.map((event) => event.action)).toContain("supplier.organisation_linked");
  });

  it("refuses a Companies House number of the wrong shape with a field message", async () => {
    const council = await createTenantFixture(test);
    const admin = await as(council);
    await expect(
      admin.suppliers.create({
        name: "Bad Number Ltd",
        registrationNumber: "ABC",
        organisationScheme: "GB-COH",
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});

describe("the pool's k (issue 9 §4: default 5, never below 3)", () => {
  it("lets the platform operator raise k and refuses anything below 3", async () => {
    const operator = (await callerFor(test, { userId: await createOperator(test) })).caller;
    const settings = await operator.benchmarks.settings();
    expect(settings.k).toBe(5);
    await expect(operator.benchmarks.setK({ k: 2, version: settings.version })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    const raised = await operator.benchmarks.setK({ k: 6, version: settings.version });
    expect(raised.k).toBe(6);
    await expect(operator.benchmarks.setK({ k: 7, version: settings.version })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    await operator.benchmarks.setK({ k: 5, version: raised.version });
  });
});
