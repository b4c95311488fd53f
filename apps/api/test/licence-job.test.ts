import { inTransaction } from "@steward/db";
import { createTenantFixture, createTestDatabase, type TestDatabase } from "@steward/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type JobRunner, startJobs } from "../src/jobs/index.ts";
import { createLogger } from "../src/logger.ts";
import { idle } from "./job-runner.ts";

let test: TestDatabase;
let runner: JobRunner;
beforeAll(async () => {
  test = await createTestDatabase();
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

const dailyRun = (day: string) => runner.add("licences:check", { _cron: { ts: `${day}T00:10:00.000Z` } });

/** The licence's state and the audit events of the job, read as the app role in the council. */
const stateOf = (tenantId: string) =>
  inTransaction(test.database, { tenantId, userId: null }, async (tx) => {
    const [licence] = await tx.execute<{ state: string }>("select state from licences");
    const audit = await tx.execute<{ after: { state: string; reason: string } }>(
      "select after from audit_events where action = 'licence.state_changed' order by seq",
    );
    return { state: licence?.state, changes: audit.map((row) => row.after) };
  });

describe("the licence job (issue 11 §4)", () => {
  it("lapses a council when its grace ends or its fixed term passes, once, with an audit event", async () => {
    const inGrace = await createTenantFixture(test, {
      licence: { state: "past_due", pastDueSince: "2026-03-01" },
    });
    const fixedTerm = await createTenantFixture(test, { licence: { endsOn: "2026-03-14" } });
    const paidUp = await createTenantFixture(test);

    await dailyRun("2026-03-14");
    await idle(runner);
    expect((await stateOf(inGrace.tenantId)).state).toBe("past_due");
    expect((await stateOf(fixedTerm.tenantId)).state).toBe("active");

    await dailyRun("2026-03-16");
    await idle(runner);
    expect(await stateOf(inGrace.tenantId)).toEqual({
      state: "lapsed",
      changes: [{ state: "lapsed", reason: "The 14-day grace period after the failed payment ended." }],
    });
    expect(await stateOf(fixedTerm.tenantId)).toEqual({
      state: "lapsed",
      changes: [{ state: "lapsed", reason: "The fixed-term licence passed its last day." }],
    });
    expect(await stateOf(paidUp.tenantId)).toEqual({ state: "active", changes: [] });

    // Run again: nothing more to record.
    await dailyRun("2026-03-17");
    await idle(runner);
    expect((await stateOf(inGrace.tenantId)).changes).toHaveLength(1);
  });
});
