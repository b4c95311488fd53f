import { createCaller, type RequestContext } from "@steward/api";
import { AttemptLimiter, passwordResetLimiter } from "@steward/auth";
import {
  addMembership,
  connectDatabase,
  insertContracts,
  insertSuppliers,
  inTransaction,
  schema,
} from "@steward/db";
import { newId, toCsv } from "@steward/domain";
import type postgres from "postgres";
import { type BenchDatabase, sessionCookie } from "./database.ts";

const contractCount = 5_000;
const supplierCount = 1_000;
const invoiceCount = 60_000;
const samples = 300;

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

async function timeEach(count: number, work: (index: number) => Promise<unknown>) {
  for (let index = 0; index < 20; index += 1) await work(index);
  const times: number[] = [];
  for (let index = 0; index < count; index += 1) {
    const started = performance.now();
    await work(index);
    times.push(performance.now() - started);
  }
  return summarise(times);
}

/**
 * Issue 3's figures: a council with 5,000 contracts, 1,000 suppliers and 60,000 invoices; the register list
 * and the contract page timed in the server (tRPC caller: procedure, session, RLS transaction, queries) and
 * the same SQL replayed bare through postgres.js in the same kind of transaction; a 5,000-row import.
 */
export async function benchRegister(bench: BenchDatabase) {
  const tenantId = newId();
  const userId = newId();
  await bench.owner`insert into tenants (id, slug, name, jurisdiction, currency, locale)
    values (${tenantId}, 'bench-register', 'Bench Register Council', 'GB-ENG', 'GBP', 'en-GB')`;
  await bench.owner`insert into users (id, email, name) values (${userId}, 'manager@bench.test', 'Bench Manager')`;

  const seedStarted = performance.now();
  const contractIds = await inTransaction(bench.database, { tenantId, userId: null }, async (tx) => {
    await addMembership(tx, { tenantId, userId, role: "admin" });
    const suppliers = await insertSuppliers(
      tx,
      Array.from({ length: supplierCount }, (_, index) => ({
        tenantId,
        name: `Supplier ${String(index).padStart(4, "0")} Ltd`,
        registrationNumber: String(10_000_000 + index),
      })),
    );
    const ids: string[] = [];
    for (let start = 0; start < contractCount; start += 1000) {
      const rows = Array.from({ length: 1000 }, (_, offset) => {
        const index = start + offset;
        const annual = ((index * 7919) % 200_000) * 100;
        return {
          tenantId,
          reference: `BR-${String(index).padStart(5, "0")}`,
          title: `${services[index % services.length]} lot ${index}`,
          category: index % 10 === 0 ? ("works" as const) : ("services" as const),
          supplierId: suppliers[index % supplierCount]?.id ?? null,
          contractManagerId: index % 3 === 0 ? userId : null,
          startDate: `202${index % 5}-04-01`,
          endDate: `202${(index % 5) + 3}-03-31`,
          annualValueMinor: annual,
          totalValueMinor: annual * 3,
          currency: "GBP",
          tier:
            annual > 5_000_000
              ? ("high" as const)
              : annual >= 500_000
                ? ("medium" as const)
                : ("low" as const),
          assessedTier: "low" as const,
          originalTotalValueMinor: annual * 3,
          originalEndDate: `202${(index % 5) + 3}-03-31`,
        };
      });
      ids.push(...(await insertContracts(tx, rows)).map((row) => row.id));
    }
    for (let start = 0; start < invoiceCount; start += 5000) {
      await tx.insert(schema.invoices).values(
        Array.from({ length: 5000 }, (_, offset) => {
          const index = start + offset;
          const day = String((index % 28) + 1).padStart(2, "0");
          return {
            tenantId,
            contractId: ids[index % ids.length] ?? "",
            invoiceNumber: `INV-${index}`,
            amountMinor: 100_000 + (index % 50_000),
            receivedOn: `2026-0${(index % 9) + 1}-${day}`,
            paidOn: index % 4 === 0 ? null : `2026-${String((index % 9) + 2).padStart(2, "0")}-${day}`,
          };
        }),
      );
    }
    return ids;
  });
  await bench.owner`analyze`;
  console.log(
    `\nSeeded ${contractCount} contracts, ${supplierCount} suppliers, ${invoiceCount} invoices in ${Math.round(performance.now() - seedStarted)} ms`,
  );

  // A second pool that records every statement the procedures send, to replay the same SQL bare.
  const recorded: { query: string; parameters: unknown[] }[] = [];
  let recording = false;
  const recordingDatabase = connectDatabase(bench.ownerUrl, {
    max: 4,
    onQuery: (query, parameters) => {
      if (recording) recorded.push({ query, parameters });
    },
  });
  const context = (database: BenchDatabase["database"], cookieHeader: string): RequestContext => ({
    database,
    requestId: newId(),
    ip: "127.0.0.1",
    cookieHeader,
    tenantHeader: tenantId,
    appUrl: "http://localhost",
    cookie: { secure: false },
    limits: { signIn: new AttemptLimiter(), passwordReset: passwordResetLimiter() },
    resHeaders: new Headers(),
    mail: { mailboxReaders: "anyone", wake: () => {} },
  });
  const cookie = await sessionCookie(bench, userId);
  const caller = () => createCaller(context(bench.database, cookie));
  const listInput = (index: number) => ({
    tiers: ["high" as const, "medium" as const],
    search: services[index % services.length]?.split(" ")[0],
    sort: "endDate" as const,
    direction: "desc" as const,
    page: (index % 5) + 1,
    pageSize: 50,
  });

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
  const recordingCaller = () => createCaller(context(recordingDatabase, cookie));
  const pageContract = (index: number) => contractIds[(index * 37) % contractIds.length] ?? "";
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

  const importRows = [
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
    ...Array.from({ length: 5_000 }, (_, index) => [
      `IMP-${String(index).padStart(5, "0")}`,
      `${services[index % services.length]} (imported ${index})`,
      `Imported Supplier ${index % 700}`,
      String(20_000_000 + (index % 700)),
      "01/04/2025",
      "31/03/2028",
      String(((index * 104_729) % 900_000) + 1000),
      index % 9 === 0 ? "Works" : "Services",
    ]),
  ];
  const csv = toCsv(importRows);
  const importStarted = performance.now();
  const imported = await caller().register.commitImport({ csv });
  const importMs = Math.round(performance.now() - importStarted);

  console.log(
    `Register, ${samples} requests each, server time in ms (tRPC caller) and the same SQL bare through postgres.js`,
  );
  console.table({
    "register list (page of 50, tier filter + search, sorted by end date)": {
      ...list,
      "bare SQL p50": listSql.p50,
      "bare SQL p95": listSql.p95,
      "API/SQL (p50)": Number((list.p50 / listSql.p50).toFixed(2)),
    },
    "contract page (overview with obligations, spend, payments)": {
      ...page,
      "bare SQL p50": pageSql.p50,
      "bare SQL p95": pageSql.p95,
      "API/SQL (p50)": Number((page.p50 / pageSql.p50).toFixed(2)),
    },
  });
  console.log(
    `Import of a 5,000-row CSV: ${importMs} ms (${imported.created} contracts, ${imported.suppliersCreated} suppliers created). Targets: p95 < 50 ms, import < 10 s, API within 3× of bare SQL.`,
  );
}
