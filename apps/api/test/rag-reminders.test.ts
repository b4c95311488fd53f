import { inTransaction, schema } from "@steward/db";
import {
  createTenantFixture,
  createTestDatabase,
  type TenantFixture,
  type TestDatabase,
} from "@steward/db/testing";
import { newId } from "@steward/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type JobRunner, startJobs } from "../src/jobs/index.ts";
import { createLogger } from "../src/logger.ts";
import { idle } from "./job-runner.ts";

let test: TestDatabase;
let council: TenantFixture;
let runner: JobRunner;

/** A contract the council manages (started long ago, so it owes every month's RAG). */
async function contract(reference: string, managerId: string | null) {
  const id = newId();
  await inTransaction(test.database, { tenantId: council.tenantId, userId: null }, (tx) =>
    tx.insert(schema.contracts).values({
      tenantId: council.tenantId,
      id,
      reference,
      title: `${reference} grounds maintenance`,
      category: "services",
      currency: "GBP",
      tier: "medium",
      assessedTier: "medium",
      startDate: "2024-01-01",
      contractManagerId: managerId,
    }),
  );
  return id;
}

/** The council's reminder records, read as the app role in the council (the owner sees no council rows). */
const reminders = () =>
  inTransaction(test.database, { tenantId: council.tenantId, userId: null }, (tx) =>
    tx
      .select({
        month: schema.ragReminders.month,
        contracts: schema.ragReminders.contracts,
        recipients: schema.ragReminders.recipients,
      })
      .from(schema.ragReminders),
  );
const mail = () => test.owner<{ to: string; subject: string; body: string }[]>`
    select "to", subject, body from outbox order by "to"`;
const dailyRun = (day: string) => runner.add("rag:reminders", { _cron: { ts: `${day}T07:00:00.000Z` } });

beforeAll(async () => {
  test = await createTestDatabase();
  council = await createTenantFixture(test);
  await test.owner`update tenants set settings = ${test.owner.json({ ragDueDay: 5 })} where id = ${council.tenantId}`;
  const manager = council.users.contract_manager;
  await contract("GM-1", manager);
  await contract("GM-2", council.users.sro);
  await contract("GM-4", null);
  const set = await contract("GM-3", manager);
  await inTransaction(test.database, { tenantId: council.tenantId, userId: null }, (tx) =>
    tx.insert(schema.ragEntries).values({
      tenantId: council.tenantId,
      contractId: set,
      month: "2026-11-01",
      status: "green",
      setBy: manager,
    }),
  );
  ({ runner } = await startJobs({
    database: test.database,
    ownerUrl: test.ownerUrl,
    logger: createLogger("silent"),
    appUrl: "https://steward.example",
    smtpUrl: undefined,
    mailFrom: "Steward <no-reply@example.test>",
  }));
});
afterAll(async () => {
  await runner.stop();
  await test.close();
});

describe("the monthly RAG reminder", () => {
  it("sends nothing before the council's due day", async () => {
    await dailyRun("2026-12-04");
    await idle(runner);
    expect(await reminders()).toEqual([]);
    expect(await mail()).toEqual([]);
  });

  it("e-mails each manager their contracts with no RAG for last month, once however often it runs", async () => {
    await dailyRun("2026-12-05");
    await idle(runner);
    // The daily job again, the next day, and two council jobs for the same month at once.
    await dailyRun("2026-12-06");
    const job = { tenantId: council.tenantId, month: "2026-11-01" };
    await Promise.all([runner.add("rag:remind-council", job), runner.add("rag:remind-council", job)]);
    await idle(runner);

    expect(await reminders()).toEqual([{ month: "2026-11-01", contracts: 3, recipients: 2 }]);
    const sent = await mail();
    expect(sent.map((each) => each.to)).toEqual([
      `contract_manager.${council.slug}@example.test`,
      `sro.${council.slug}@example.test`,
    ]);
    const [toManager, toSro] = sent;
    expect(toManager?.subject).toBe("1 contract needs a RAG status for November 2026");
    expect(toManager?.body).toContain("GM-1 grounds maintenance");
    expect(toManager?.body).toContain(`https://steward.example/t/${council.slug}/contracts/`);
    // GM-3 has its RAG; GM-4 has no manager to remind.
    expect(toManager?.body).not.toContain("GM-3");
    expect(toSro?.body).toContain("GM-2");
    expect(sent.some((each) => each.body.includes("GM-4"))).toBe(false);
    // The mailer took them (no SMTP_URL: kept for the development mailbox and marked sent).
    const unsent = await test.owner`select id from outbox where sent_at is null`;
    expect(unsent).toHaveLength(0);
  });
});
