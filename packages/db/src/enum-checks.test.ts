import { is, sql } from "drizzle-orm";
import { getTableConfig, PgTable } from "drizzle-orm/pg-core";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { inTransaction } from "./database.ts";
import * as schema from "./schema/index.ts";
import {
  createTenantFixture,
  createTestDatabase,
  databaseError,
  type TenantFixture,
  type TestDatabase,
} from "./testing/index.ts";

const tables = (Object.values(schema) as unknown[]).filter((value): value is PgTable => is(value, PgTable));

describe("enum columns", () => {
  it("check every text column with an enum against the domain's values in PostgreSQL too", () => {
    const unchecked: string[] = [];
    for (const table of tables) {
      const config = getTableConfig(table);
      const checks = new Set(config.checks.map((check) => check.name));
      for (const column of config.columns) {
        const columnName = column.name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
        if (column.enumValues?.length && !checks.has(`${config.name}_${columnName}_check`)) {
          unchecked.push(`${config.name}.${column.name}`);
        }
      }
    }
    expect(unchecked, "add oneOf(…) for these columns (packages/db/src/schema/columns.ts)").toEqual([]);
  });
});

describe("the database refuses a value outside the domain's list", () => {
  let test: TestDatabase;
  let council: TenantFixture;
  beforeAll(async () => {
    test = await createTestDatabase();
  });
  afterAll(() => test.close());
  beforeEach(async () => {
    council = await createTenantFixture(test);
  });

  it("refuses a role that is not a role", async () => {
    const error = await databaseError(
      inTransaction(test.database, { tenantId: council.tenantId, userId: null }, (tx) =>
        tx.execute(sql`update memberships set role = 'root'`),
      ),
    );
    expect(error.code).toBe("23514");
    expect(error.message).toContain("memberships_role_check");
  });
});
