import { createCaller, type RequestContext } from "@steward/api";
import { AttemptLimiter, passwordResetLimiter } from "@steward/auth";
import {
  addMembership,
  appRole,
  connectDatabase,
  inTransaction,
  postgresAttachmentStore,
  saveLicence,
} from "@steward/db";
import { newId, toCsv } from "@steward/domain";
import type postgres from "postgres";
import { type BenchDatabase, sessionCookie } from "./database.ts";

/** Two councils, to show how the cost grows with the register: issue 3's and issue 7 §3's. */
export const sizes = [
  { slug: "bench-5k", contracts: 5_000, suppliers: 1_000, invoices: 60_000 },
  { slug: "bench-50k", contracts: 50_000, suppliers: 10_000, invoices: 600_000 },
] as const;
const samples = 300;
const importRowCount = 50_000;
const previewRowCount = 70_000;

const services = [
  "Waste collection",
  "Street cleansing",
  "Grounds maintenance",
  "Housing repairs",
  "Leisure management",
  "Catering",
  "IT support",
  "Cleaning",
];

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

function summarise(times: number[]) {
  const sorted = [...times].sort((a, b) => a - b);
  return { p50: Number(percentile(sorted, 50).toFixed(2)), p95: Number(percentile(sorted, 95).toFixed(2)) };
}

export async function timeEach(count: number, work: (index: number) => Promise<unknown>) {
  for (let index = 0; index < 20; index += 1) await work(index);
  const times: number[] = [];
  for (let index = 0; index < count; index += 1) {
    const started = performance.now();
    await work(index);
    times.push(performance.now() - started);
  }
  return summarise(times);
}

interface Council {
  tenantId: string;
  userId: string;
  contractIds: string[];
}

/**
 * A council written by the database itself (generate_series), not through the API: 50,000 contracts and
 * 600,000 invoices take seconds. Tiers follow a simple rule on the annual value, not the tiering engine.
 * End dates spread over 2024–2031, every fourth contract has a notice date 180 days before its end.
 */
export async function seedCouncil(bench: BenchDatabase, size: (typeof sizes)[number]): Promise<Council> {
  const tenantId = newId();
  const userId = newId();
  await bench.owner`insert into tenants (id, slug, name, jurisdiction, currency, locale)
    values (${tenantId}, ${size.slug}, ${`Bench Council ${size.slug}`}, 'GB-ENG', 'GBP', 'en-GB')`;
  await bench.owner`insert into users (id, email, name) values (${userId}, ${`manager@${size.slug}.test`}, 'Bench Manager')`;
  await inTransaction(bench.database, { tenantId, userId: null }, async (tx) => {
    await addMembership(tx, { tenantId, userId, role: "admin" });
    await saveLicence(tx, { tenantId, values: { plan: "partnership", seats: 50, startsOn: "2025-04-01" } });
  });
  const contractIds = await bench.owner.begin(async (sql) => {
    await sql.unsafe(`set local role ${appRole}; set local app.tenant_id = '${tenantId}'`);
    await sql`
      insert into suppliers (tenant_id, id, name, registration_number)
      select ${tenantId}, gen_random_uuid(), 'Supplier ' || lpad(i::text, 5, '0') || ' Ltd', (10000000 + i)::text
      from generate_series(0, ${size.suppliers - 1}) i`;
    await sql`
      with numbered as (
        select id, row_number() over (order by name) - 1 as n from suppliers where tenant_id = ${tenantId}
      ), rows as (
        select i, ((i * 7919) % 200000) * 100 as annual, date '2024-01-01' + (i * 37) % 2900 as ends
        from generate_series(0, ${size.contracts - 1}) i
      )
      insert into contracts (tenant_id, id, reference, title, category, supplier_id, contract_manager_id,
        start_date, end_date, notice_date, annual_value_minor, total_value_minor, currency, tier, assessed_tier,
        original_total_value_minor, original_end_date)
      select ${tenantId}, gen_random_uuid(), 'BR-' || lpad(i::text, 5, '0'),
        (${services}::text[])[i % ${services.length} + 1] || ' lot ' || i,
        case when i % 10 = 0 then 'works' else 'services' end, numbered.id,
        case when i % 3 = 0 then ${userId}::uuid end,
        ends - 1095, ends, case when i % 4 = 0 then ends - 180 end, annual, annual * 3, 'GBP',
        case when annual > 5000000 then 'high' when annual >= 500000 then 'medium' else 'low' end, 'low',
        annual * 3, ends
      from rows join numbered on numbered.n = i % ${size.suppliers}`;
    await sql`
      with numbered as (
        select id, row_number() over (order by reference) - 1 as n from contracts where tenant_id = ${tenantId}
      )
      insert into invoices (tenant_id, id, contract_id, invoice_number, amount_minor, received_on, paid_on)
      select ${tenantId}, gen_random_uuid(), numbered.id, 'INV-' || i, 100000 + i % 50000,
        date '2026-01-01' + (i % 9) * 30 + i % 28,
        case when i % 4 <> 0 then date '2026-01-01' + (i % 9) * 30 + i % 28 + 20 end
      from generate_series(0, ${size.invoices - 1}) i join numbered on numbered.n = i % ${size.contracts}`;
    const rows = await sql<
      { id: string }[]
    >`select id from contracts where tenant_id = ${tenantId} order by reference`;
    return rows.map((row) => row.id);
  });
  return { tenantId, userId, contractIds };
}

export function context(
  database: BenchDatabase["database"],
  tenantId: string,
  cookieHeader: string,
): RequestContext {
  return {
    database,
    requestId: newId(),
    ip: "127.0.0.1",
    cookieHeader,
    tenantHeader: tenantId,
    appUrl: "http://localhost",
    cookie: { secure: false },
    limits: { signIn: new AttemptLimiter(), passwordReset: passwordResetLimiter() },
    attachments: postgresAttachmentStore,
    stripe: null,
    resHeaders: new Headers(),
    mail: { mailboxReaders: "anyone", wake: () => {} },
  };
}

export const listInput = (index: number) => ({
  tiers: ["high" as const, "medium" as const],
  search: services[index % services.length]?.split(" ")[0],
  sort: "endDate" as const,
  direction: "desc" as const,
  page: (index % 5) + 1,
  pageSize: 50,
});

/** The register list and the contract page of one council through the API and as the same SQL bare. */
async function measureCouncil(bench: BenchDatabase, council: Council) {
  // A second pool that records every statement the procedures send, to replay the same SQL bare.
  const recorded: { query: string; parameters: unknown[] }[] = [];
  let recording = false;
  const recordingDatabase = connectDatabase(bench.ownerUrl, {
    max: 4,
    onQuery: (query, parameters) => {
      if (recording) recorded.push({ query, parameters });
    },
  });
  const cookie = await sessionCookie(bench, council.userId);
  const caller = () => createCaller(context(bench.database, council.tenantId, cookie));

  /** Runs `work` once through the recording pool; returns a function replaying its statements bare. */
  async function bareReplay(work: () => Promise<unknown>) {
    recorded.length = 0;
    recording = true;
    await work();
    recording = false;
    // The same statements in the same RLS transaction: the opening's SET LOCALs stay, BEGIN/COMMIT are begin()'s.
    const statements = recorded
      .map(({ query, parameters }) => ({ query: query.replace(/^begin;\s*/i, ""), parameters }))
      .filter(({ query }) => !/^(commit|rollback)\b/i.test(query.trim()));
    return () =>
      bench.database.sql.begin(async (sql) => {
        for (const { query, parameters } of statements)
          await sql.unsafe(query, parameters as postgres.ParameterOrJSON<never>[], {
            prepare: parameters.length > 0,
          });
      });
  }

  // Both sides cycle through the same inputs; each variant's statements are recorded once.
  const variants = 8;
  const recordingCaller = () => createCaller(context(recordingDatabase, council.tenantId, cookie));
  const pageContract = (index: number) =>
    council.contractIds[(index * 37) % council.contractIds.length] ?? "";
  const listBare: (() => Promise<unknown>)[] = [];
  const pageBare: (() => Promise<unknown>)[] = [];
  for (let index = 0; index < variants; index += 1) {
    listBare.push(await bareReplay(() => recordingCaller().contracts.list(listInput(index))));
    pageBare.push(
      await bareReplay(() => recordingCaller().contracts.get({ contractId: pageContract(index) })),
    );
  }
  const replay = (replays: (() => Promise<unknown>)[], index: number) =>
    replays[index % variants]?.() ?? Promise.resolve();

  const list = await timeEach(samples, (index) => caller().contracts.list(listInput(index % variants)));
  const listSql = await timeEach(samples, (index) => replay(listBare, index));
  const page = await timeEach(samples, (index) =>
    caller().contracts.get({ contractId: pageContract(index % variants) }),
  );
  const pageSql = await timeEach(samples, (index) => replay(pageBare, index));
  await recordingDatabase.close();
  const row = (api: typeof list, sql: typeof list) => ({
    ...api,
    "bare SQL p50": sql.p50,
    "bare SQL p95": sql.p95,
    "API/SQL (p50)": Number((api.p50 / sql.p50).toFixed(2)),
  });
  return { list: row(list, listSql), page: row(page, pageSql) };
}

/** A register export as councils send it: 8 columns, 700 distinct suppliers, day-first dates. */
function registerCsv(rows: number, prefix: string) {
  return toCsv([
    [
      "Reference",
      "Title",
      "Supplier Name",
      "Companies House Number",
      "Start Date",
      "End Date",
      "Contract Value",
      "Category",
    ],
    ...Array.from({ length: rows }, (_, index) => [
      `${prefix}-${String(index).padStart(5, "0")}`,
      `${services[index % services.length]} (imported ${index})`,
      `Imported Supplier ${index % 700}`,
      String(20_000_000 + (index % 700)),
      "01/04/2025",
      "31/03/2028",
      String(((index * 104_729) % 900_000) + 1000),
      index % 9 === 0 ? "Works" : "Services",
    ]),
  ]);
}

async function timed<T>(work: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const started = performance.now();
  const result = await work();
  return { result, ms: Math.round(performance.now() - started) };
}

/**
 * Issue 3's and issue 7 §3's figures: a council of 5,000 contracts and one of 50,000, each with twelve
 * invoices a contract; the register list and the contract page timed in the server (tRPC caller:
 * procedure, session, RLS transaction, queries) and the same SQL replayed bare through postgres.js in the
 * same kind of transaction; a 50,000-row import and a 70,000-row preview into the large council.
 */
export async function benchRegister(bench: BenchDatabase) {
  const councils: Council[] = [];
  for (const size of sizes) {
    const { result, ms } = await timed(() => seedCouncil(bench, size));
    councils.push(result);
    console.log(
      `\nSeeded ${size.slug}: ${size.contracts} contracts, ${size.suppliers} suppliers, ${size.invoices} invoices in ${ms} ms`,
    );
  }
  // Steady state: statistics, and the visibility map that index-only scans need (docs/benchmarks.md).
  await bench.owner`vacuum analyze`;

  const figures: Record<string, Record<string, number>> = {};
  for (const [index, council] of councils.entries()) {
    const size = sizes[index];
    const { list, page } = await measureCouncil(bench, council);
    figures[
      `${size?.contracts.toLocaleString("en-GB")}: register list (page of 50, tiers + search, by end date)`
    ] = list;
    figures[`${size?.contracts.toLocaleString("en-GB")}: contract page (obligations, spend, payments)`] =
      page;
  }
  console.log(
    `Register, ${samples} requests each, server time in ms (tRPC caller) and the same SQL bare through postgres.js`,
  );
  console.table(figures);

  const large = councils[councils.length - 1];
  if (!large) return;
  await measureImport(bench, large, { preview: true });
  console.log("Targets: p95 < 50 ms at both sizes, import < 30 s, API within 2× of bare SQL.");
}

/** The 70,000-row preview (when asked) and the 50,000-row import into a council of 50,000 contracts. */
async function measureImport(bench: BenchDatabase, council: Council, { preview }: { preview: boolean }) {
  const caller = createCaller(
    context(bench.database, council.tenantId, await sessionCookie(bench, council.userId)),
  );
  if (preview) {
    const previewed = await timed(() =>
      caller.register.previewImport({ csv: registerCsv(previewRowCount, "PRE") }),
    );
    console.log(
      `Preview of a ${previewRowCount.toLocaleString("en-GB")}-row CSV: ${previewed.ms} ms (${previewed.result.validCount} valid rows).`,
    );
  }
  const imported = await timed(() =>
    caller.register.commitImport({ csv: registerCsv(importRowCount, "IMP") }),
  );
  console.log(
    `Import of a ${importRowCount.toLocaleString("en-GB")}-row CSV into the 50,000-contract council: ${imported.ms} ms (${imported.result.created} contracts, ${imported.result.suppliersCreated} suppliers created).`,
  );
}

/** The import alone: the 50,000-contract council seeded, then the 50,000-row import timed (target < 30 s). */
export async function benchImport(bench: BenchDatabase) {
  const size = sizes[sizes.length - 1];
  if (!size) return;
  const { result: council, ms } = await timed(() => seedCouncil(bench, size));
  console.log(`\nSeeded ${size.slug}: ${size.contracts} contracts in ${ms} ms`);
  await bench.owner`analyze`;
  await measureImport(bench, council, { preview: false });
  console.log("Target: import < 30 s.");
}
