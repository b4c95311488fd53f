import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inTransaction } from "./database.ts";
import { seedDemo } from "./seed.ts";
import { createTestDatabase, type TestDatabase } from "./testing/index.ts";

let test: TestDatabase;
beforeAll(async () => {
  test = await createTestDatabase();
});
afterAll(() => test.close());

describe("the demo's training (issue 10)", () => {
  // The whole demo is seeded (fourteen councils, issue 9 §8): as long as the seed test's run under a shared load.
  it("publishes the Foundation course from fixtures/training/ and puts staff at every stage", {
    timeout: 90_000,
  }, async () => {
    const started = Date.now();
    await seedDemo(test.database, "not-a-real-hash");
    const seconds = (Date.now() - started) / 1000;
    const platform = await inTransaction(test.database, { tenantId: null, userId: null }, (tx) =>
      tx.execute(`select c.slug, v.status, v.validity_months,
          (select count(*)::int from course_lessons l where l.version_id = v.id) as lessons,
          (select count(*)::int from course_questions q where q.version_id = v.id) as questions
        from courses c join course_versions v on v.course_id = c.id`),
    );
    expect(platform).toContainEqual(
      expect.objectContaining({
        slug: "contract-management-foundation",
        status: "published",
        validity_months: 24,
      }),
    );
    const [first] = await test.owner<{ id: string }[]>`select id from tenants where slug = 'oadby-wigston'`;
    const today = new Date().toISOString().slice(0, 10);
    const stages = await inTransaction(test.database, { tenantId: first?.id ?? "", userId: null }, (tx) =>
      tx.execute(`select
          count(*) filter (where expires_on > '${today}'::date + 60)::int as complete,
          count(*) filter (where expires_on > '${today}' and expires_on <= '${today}'::date + 60)::int as due,
          count(*) filter (where expires_on <= '${today}')::int as expired,
          (select count(*)::int from enrolments where completed_at is null) as open,
          (select count(distinct enrolment_id)::int from quiz_attempts where passed = false) as failed
        from completions`),
    );
    expect(stages[0]).toMatchObject({ complete: 3, due: 1, expired: 2, open: 3, failed: 1 });
    expect(seconds).toBeLessThan(60);
  });
});
