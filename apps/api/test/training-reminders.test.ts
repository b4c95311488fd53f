import { publishTestCourse } from "@steward/api/testing";
import { insertCompletion, inTransaction, schema } from "@steward/db";
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
let course: { courseId: string; versionId: string };

/** A completion of the test course by `userId`, expiring on `expiresOn`. */
async function completion(userId: string, completedOn: string, expiresOn: string) {
  await inTransaction(test.database, { tenantId: council.tenantId, userId: null }, async (tx) => {
    const enrolmentId = newId();
    await tx.insert(schema.enrolments).values({
      tenantId: council.tenantId,
      id: enrolmentId,
      userId,
      courseId: course.courseId,
      versionId: course.versionId,
      completedAt: new Date(`${completedOn}T12:00:00Z`),
    });
    await insertCompletion(tx, {
      tenantId: council.tenantId,
      userId,
      courseId: course.courseId,
      versionId: course.versionId,
      enrolmentId,
      holderName: "Holder",
      completedOn,
      expiresOn,
      verificationCode: `TEST-${newId().slice(-4).toUpperCase()}-${newId().slice(-4).toUpperCase()}-0000`,
    });
  });
}
const mail = () => test.owner<{ to: string; subject: string; body: string }[]>`
    select "to", subject, body from outbox order by "to"`;
const dailyRun = (day: string) => runner.add("training:reminders", { _cron: { ts: `${day}T06:30:00.000Z` } });

beforeAll(async () => {
  test = await createTestDatabase();
  council = await createTenantFixture(test);
  course = await publishTestCourse(test);
  // The manager's expires on 2027-03-01; the SRO's did too, but a later completion renewed it.
  await completion(council.users.contract_manager, "2025-03-01", "2027-03-01");
  await completion(council.users.sro, "2025-03-01", "2027-03-01");
  await completion(council.users.sro, "2026-12-01", "2028-12-01");
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

describe("the training expiry reminder (issue 10 §5)", () => {
  it("sends nothing more than 60 days before expiry", async () => {
    await dailyRun("2026-12-30");
    await idle(runner);
    expect(await mail()).toEqual([]);
  });

  it("e-mails the holder 60 days before, once however often it runs, and not for a renewed certificate", async () => {
    await dailyRun("2026-12-31");
    await idle(runner);
    await dailyRun("2027-01-01");
    const job = { tenantId: council.tenantId, today: "2027-01-02" };
    await Promise.all([
      runner.add("training:remind-council", job),
      runner.add("training:remind-council", job),
    ]);
    await idle(runner);
    const sent = await mail();
    expect(sent.map((each) => each.to)).toEqual([`contract_manager.${council.slug}@example.test`]);
    expect(sent[0]?.subject).toBe("Your Test Foundation certificate expires on 1 March 2027");
    expect(sent[0]?.body).toContain(`https://steward.example/t/${council.slug}/training`);
  });
});
