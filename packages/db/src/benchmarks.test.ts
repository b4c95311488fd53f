import { newId } from "@steward/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { publishBenchmarkSnapshot } from "./benchmark-refresh.ts";
import { appRole, inBenchmarkTransaction, inTransaction } from "./database.ts";
import { councilContributions, setBenchmarkParticipation } from "./queries/benchmarks.ts";
import { loadKpiLibrary } from "./queries/kpi-library.ts";
import { upsertNamedOrganisation } from "./queries/organisations.ts";
import {
  createTenantFixture,
  createTestDatabase,
  databaseError,
  type TenantFixture,
  type TestDatabase,
} from "./testing/index.ts";

let test: TestDatabase;
let templateId: string;
let organisationId: string;
let otherOrganisationId: string;
/** The council that joins in July, after another has left. */
let joiner: TenantFixture | null = null;

beforeAll(async () => {
  test = await createTestDatabase();
  await inTransaction(test.database, { tenantId: null, userId: null }, async (tx) => {
    const library = await loadKpiLibrary(tx, [
      {
        slug: "waste-collection",
        name: "Waste collection",
        templates: [
          {
            slug: "missed-collections-rate",
            name: "Missed collections rate",
            definition: "Missed ÷ due",
            unit: "per_100000",
            unitLabel: null,
            direction: "lower_is_better",
            numeratorDefinition: "Missed",
            denominatorDefinition: "Due",
            guidance: "",
            source: "",
          },
        ],
      },
    ]);
    templateId = library.templateIds.get("missed-collections-rate") as string;
    const named = { aliases: [], nameSource: "operator" as const };
    organisationId = await upsertNamedOrganisation(tx, {
      scheme: "GB-COH",
      identifier: "02931784",
      name: "CleanStreets Services plc",
      ...named,
    });
    otherOrganisationId = await upsertNamedOrganisation(tx, {
      scheme: "GB-COH",
      identifier: "01010101",
      name: "Other Waste Ltd",
      ...named,
    });
  });
});
afterAll(() => test.close());

const may2026 = { start: "2026-05-01", end: "2026-06-01" };
const june2026 = { start: "2026-06-01", end: "2026-07-01" };
const july2026 = { start: "2026-07-01", end: "2026-08-01" };

/** A council measuring the template on one waste contract with `organisation`, every month of 2026 to July. */
async function council(
  value: number,
  options: { organisation?: string; optIn?: boolean; red?: boolean } = {},
) {
  const fixture = await createTenantFixture(test);
  const { tenantId } = fixture;
  await inTransaction(test.database, { tenantId, userId: null }, async (tx) => {
    const supplierId = newId();
    const contractId = newId();
    const kpiId = newId();
    await tx.$client`insert into suppliers (tenant_id, id, name, organisation_id)
      values (${tenantId}, ${supplierId}, ${`Supplier of ${fixture.slug}`}, ${options.organisation ?? organisationId})`;
    await tx.$client`insert into contracts (tenant_id, id, reference, title, category, supplier_id, currency, tier,
        assessed_tier, original_total_value_minor, start_date)
      values (${tenantId}, ${contractId}, 'WST-1', 'Waste', 'services', ${supplierId}, 'GBP', 'high', 'high',
        100000000, '2025-01-01')`;
    await tx.$client`insert into kpis (tenant_id, id, contract_id, name, definition, unit, direction, target, template_id)
      values (${tenantId}, ${kpiId}, ${contractId}, 'Missed bins', 'Missed ÷ due', 'per_100000', 'lower_is_better',
        40, ${templateId})`;
    for (const month of ["2026-05-01", "2026-06-01", "2026-07-01"]) {
      await tx.$client`insert into kpi_measurements (tenant_id, id, contract_id, kpi_id, period_start, value, rating,
          rating_reason, entered_by)
        values (${tenantId}, ${newId()}, ${contractId}, ${kpiId}, ${month}, ${value},
          ${value > 40 ? "inadequate" : "good"}, 'demo', ${fixture.users.contract_manager})`;
      await tx.$client`insert into rag_entries (tenant_id, id, contract_id, month, status, commentary, set_by)
        values (${tenantId}, ${newId()}, ${contractId}, ${month}, ${options.red ? "red" : "green"},
          ${options.red ? "Failing" : null}, ${fixture.users.contract_manager})`;
    }
    if (options.optIn ?? true) {
      await setBenchmarkParticipation(tx, { tenantId, optedIn: true, userId: fixture.users.admin });
    }
  });
  return fixture;
}

const cellsOf = (period: { start: string }) => test.owner<
  {
    template_id: string | null;
    measure: string | null;
    organisation_id: string | null;
    category_id: string | null;
    suppression_reason: string | null;
    council_count: number | null;
    median: number | null;
    high_band: number | null;
  }[]
>`select c.* from benchmark_cells c join benchmark_snapshots s on s.id = c.snapshot_id
  where s.period_start = ${period.start}`;

describe("the aggregation job (issue 9 §4)", () => {
  const councils: TenantFixture[] = [];

  it("suppresses a cell at k − 1 councils and publishes it at k; cohorts are fixed once a period is published", async () => {
    for (const value of [30, 35, 40, 45]) councils.push(await council(value));
    councils.push(await council(99, { optIn: false }));
    const atFour = await publishBenchmarkSnapshot(test.database, { period: may2026 });
    expect(atFour).toMatchObject({ published: true, k: 5, poolSize: 4 });
    const may = await cellsOf(may2026);
    const templateCell = may.find((cell) => cell.template_id === templateId && cell.organisation_id === null);
    expect(templateCell).toMatchObject({
      suppression_reason: "too_few_councils",
      council_count: null,
      median: null,
    });

    councils.push(await council(50));
    const grown = councils[0] as TenantFixture;
    await inTransaction(
      test.database,
      { tenantId: grown.tenantId, userId: null },
      (tx) =>
        tx.$client`insert into contract_changes (tenant_id, id, contract_id, type, reason, description, value_delta_minor,
          status, threshold_test, change_notice_required, requested_by, decided_at)
        select tenant_id, ${newId()}, id, 'value', 'other', 'More rounds', 10000000, 'approved', '{}'::jsonb, false,
          ${grown.users.contract_manager}, '2026-05-15'
        from contracts`,
    );
    const atFive = await publishBenchmarkSnapshot(test.database, { period: june2026 });
    expect(atFive).toMatchObject({ published: true, poolSize: 5 });
    const june = await cellsOf(june2026);
    expect(
      june.find((cell) => cell.template_id === templateId && cell.organisation_id === null),
    ).toMatchObject({
      suppression_reason: null,
      council_count: 5,
      median: 40,
    });
    // Variation rate: approved change value ÷ original total value (one council's contract grew by 10%).
    const variation = june.find((cell) => cell.measure === "variation_rate" && cell.organisation_id === null);
    expect(variation).toMatchObject({ council_count: 5, median: 0 });
    expect(variation?.high_band).toBeGreaterThanOrEqual(10);
    // The council that did not opt in (its value 99) is in no cell.
    expect(
      june.find((cell) => cell.template_id === templateId && cell.organisation_id === organisationId),
    ).toMatchObject({
      council_count: 5,
    });

    // May stays as it was published: a later joiner never recomputes it.
    expect(await publishBenchmarkSnapshot(test.database, { period: may2026 })).toMatchObject({
      published: false,
    });
    expect(await cellsOf(may2026)).toEqual(may);
  });

  it("holds no tenant id and no council name in any snapshot column or row", async () => {
    const columns = await test.owner<{ table: string; column: string }[]>`
      select table_name as table, column_name as column from information_schema.columns
      where table_schema = 'public' and table_name like 'benchmark\\_%' and table_name <> 'benchmark_participation'`;
    expect(columns.length).toBeGreaterThan(10);
    expect(columns.filter((column) => /tenant|council_id|name/.test(column.column))).toEqual([]);
    const tenants = await test.owner<
      { id: string; name: string; slug: string }[]
    >`select id, name, slug from tenants`;
    for (const table of [
      "benchmark_snapshots",
      "benchmark_cells",
      "benchmark_warnings",
      "benchmark_settings",
    ]) {
      const rows = await test.owner.unsafe(`select * from ${table}`);
      const text = JSON.stringify(rows);
      for (const tenant of tenants) {
        expect(text, table).not.toContain(tenant.id);
        expect(text, table).not.toContain(tenant.name);
        expect(text, table).not.toContain(tenant.slug);
      }
    }
  });

  it("leaves a council that opts out out of the next snapshot", async () => {
    const leaving = councils[0] as TenantFixture;
    await inTransaction(test.database, { tenantId: leaving.tenantId, userId: null }, (tx) =>
      setBenchmarkParticipation(tx, {
        tenantId: leaving.tenantId,
        optedIn: false,
        userId: leaving.users.admin,
      }),
    );
    joiner = await council(55);
    const report = await publishBenchmarkSnapshot(test.database, { period: july2026 });
    expect(report).toMatchObject({ published: true, poolSize: 5 });
    const july = await cellsOf(july2026);
    // The grown contract's council has left: every council left has a variation rate of 0.
    expect(
      july.find((each) => each.measure === "variation_rate" && each.organisation_id === null),
    ).toMatchObject({
      median: 0,
      high_band: 0.5,
    });
    const cell = july.find((each) => each.template_id === templateId && each.organisation_id === null);
    // 35, 40, 45, 50, 55: the leaver's 30 is gone.
    expect(cell).toMatchObject({ council_count: 5, median: 45 });
  });

  it("suppresses a supplier's cell that differs from the whole by one council (differencing)", async () => {
    const period = { start: "2026-03-01", end: "2026-04-01" };
    // Six councils measure in March: five with one supplier, one with another.
    const march: TenantFixture[] = [];
    for (const value of [31, 32, 33, 34, 36]) march.push(await council(value));
    march.push(await council(77, { organisation: otherOrganisationId }));
    for (const fixture of march) {
      await inTransaction(
        test.database,
        { tenantId: fixture.tenantId, userId: null },
        (tx) =>
          tx.$client`update kpi_measurements set period_start = '2026-03-01' where period_start = '2026-05-01'`,
      );
    }
    await publishBenchmarkSnapshot(test.database, { period });
    const cells = await cellsOf(period);
    const whole = cells.find((cell) => cell.template_id === templateId && cell.organisation_id === null);
    const supplier = cells.find(
      (cell) => cell.template_id === templateId && cell.organisation_id === organisationId,
    );
    expect(whole).toMatchObject({ suppression_reason: null, council_count: 6 });
    expect(supplier).toMatchObject({ suppression_reason: "differencing", council_count: null, median: null });
  });

  it("flags a supplier Red at k councils to the snapshot, naming none of them", async () => {
    const period = { start: "2026-01-01", end: "2026-02-01" };
    for (let index = 0; index < 5; index += 1) {
      const fixture = await council(60, { organisation: otherOrganisationId, red: true });
      await inTransaction(
        test.database,
        { tenantId: fixture.tenantId, userId: null },
        (tx) => tx.$client`update rag_entries set month = '2026-01-01' where month = '2026-05-01'`,
      );
    }
    const report = await publishBenchmarkSnapshot(test.database, { period });
    expect(report.warnings).toBe(1);
    const warnings = await test.owner<{ organisation_id: string }[]>`
      select w.organisation_id from benchmark_warnings w join benchmark_snapshots s on s.id = w.snapshot_id
      where s.period_start = '2026-01-01'`;
    expect(warnings).toEqual([{ organisation_id: otherOrganisationId }]);
  });
});

describe("who can read what (issue 9 §4: the app role reads only the snapshots)", () => {
  it("lets only the job's role write snapshots, and shows that role no council that did not opt in", async () => {
    const outsider = await council(10, { optIn: false });
    const inside = await council(20);
    // The app role may read the snapshots and write none of them; only the job's role writes them.
    const [privileges] = await test.owner<{ app_reads: boolean; app_writes: boolean; job_writes: boolean }[]>`
      select has_table_privilege(${appRole}, 'benchmark_cells', 'SELECT') as app_reads,
        has_table_privilege(${appRole}, 'benchmark_cells', 'INSERT') as app_writes,
        has_table_privilege('steward_benchmark', 'benchmark_cells', 'INSERT') as job_writes`;
    expect(privileges).toEqual({ app_reads: true, app_writes: false, job_writes: true });
    const seen = await inBenchmarkTransaction(
      test.database,
      (tx) => tx.$client<{ tenant_id: string }[]>`select distinct tenant_id from kpi_measurements`,
    );
    const tenantIds = seen.map((row) => row.tenant_id);
    expect(tenantIds).toContain(inside.tenantId);
    expect(tenantIds).not.toContain(outsider.tenantId);
    // The benchmark role writes nothing but snapshots.
    const write = await databaseError(
      inBenchmarkTransaction(test.database, (tx) => tx.$client`update kpi_measurements set value = 0`),
    );
    expect(write.code).toBe("42501");
  });

  it("gives a council its own figures only, through the same SQL as the job", async () => {
    const own = joiner as TenantFixture;
    const figures = await inTransaction(test.database, { tenantId: own.tenantId, userId: null }, (tx) =>
      councilContributions(tx, { tenantId: own.tenantId, period: july2026, organisationId: null }),
    );
    expect(
      figures.find((figure) => figure.templateId === templateId && figure.organisationId === null),
    ).toMatchObject({
      value: 55,
      measurements: 1,
    });
    // Another council's id gives nothing: RLS and the explicit filter both hold.
    const other = await inTransaction(test.database, { tenantId: own.tenantId, userId: null }, async (tx) => {
      const [someoneElse] = await test.owner<
        { id: string }[]
      >`select id from tenants where id <> ${own.tenantId} limit 1`;
      return councilContributions(tx, {
        tenantId: someoneElse?.id as string,
        period: july2026,
        organisationId: null,
      });
    });
    expect(other).toEqual([]);
  });
});
