import { randomBytes } from "node:crypto";
import { addDays, engagementScopes, memberRoles, newId, type Role, roles } from "@steward/domain";
import postgres from "postgres";
import { inject } from "vitest";
import { connectDatabase, type Database, inTransaction } from "../database.ts";
import { ensureDatabase } from "../embedded.ts";
import { insertEngagement } from "../queries/engagements.ts";
import { type LicenceValues, saveLicence } from "../queries/licences.ts";
import { addMembership } from "../queries/memberships.ts";
import { templateDatabase } from "./global-setup.ts";

export { freePort } from "./free-port.ts";

export interface TestDatabase {
  database: Database;
  /** The owner's connection: for set-up only, and for tests that play an attacker with the owner's powers. */
  owner: postgres.Sql;
  /** The database's URL as its owner, for tests that open a pool of their own. */
  ownerUrl: string;
  close(): Promise<void>;
}

/** A fresh database cloned from the migrated template, so test files run in parallel. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = inject("testServerUrl");
  const name = `steward_test_${randomBytes(6).toString("hex")}`;
  await ensureDatabase(serverUrl, name, templateDatabase);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = connectDatabase(url.toString(), { max: 10 });
  const owner = postgres(url.toString(), { max: 2, onnotice: () => {} });
  return {
    database,
    owner,
    ownerUrl: url.toString(),
    async close() {
      await database.close();
      await owner.end();
      const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
      try {
        await dropWhenAutovacuumLetsGo(admin, name);
      } finally {
        await admin.end();
      }
    },
  };
}

/**
 * `drop database … with (force)` ends the database's other sessions, and refuses ("permission denied to terminate
 * process") while an autovacuum worker, which runs as a superuser, is in it: under load autovacuum visits the
 * test databases. The worker finishes or yields within moments, so the drop is tried again for a few seconds.
 */
async function dropWhenAutovacuumLetsGo(admin: postgres.Sql, name: string) {
  for (let attempt = 1; ; attempt += 1) {
    try {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      return;
    } catch (error) {
      const refused = error instanceof postgres.PostgresError && error.code === "42501";
      if (!refused || attempt >= 50) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

export interface TenantFixture {
  tenantId: string;
  slug: string;
  users: Record<Role, string>;
  /** The advisor's engagement (every scope, active from a month ago for a year). */
  engagementId: string;
}

/**
 * A council with one member in every member role and an advisor engaged with every scope, on an open-ended
 * Partnership licence (every module, 50 seats) unless `licence` says otherwise (null: none). Platform rows are
 * written by the owner, council rows under RLS.
 */
export async function createTenantFixture(
  test: TestDatabase,
  options: {
    jurisdiction?: "GB-ENG" | "ZA";
    passwordHash?: string;
    licence?: Partial<LicenceValues> | null;
  } = {},
): Promise<TenantFixture> {
  const tenantId = newId();
  const slug = `council-${tenantId.slice(-8)}`;
  const jurisdiction = options.jurisdiction ?? "GB-ENG";
  const [currency, locale] = jurisdiction === "ZA" ? ["ZAR", "en-ZA"] : ["GBP", "en-GB"];
  await test.owner`insert into tenants (id, slug, name, jurisdiction, currency, locale)
    values (${tenantId}, ${slug}, ${`Council ${slug}`}, ${jurisdiction}, ${currency}, ${locale})`;
  const users = {} as Record<Role, string>;
  for (const role of roles) {
    const userId = newId();
    users[role] = userId;
    await test.owner`insert into users (id, email, name, password_hash)
      values (${userId}, ${`${role}.${slug}@example.test`}, ${`${role} of ${slug}`}, ${options.passwordHash ?? null})`;
  }
  const today = new Date().toISOString().slice(0, 10);
  const engagementId = await inTransaction(test.database, { tenantId, userId: null }, async (tx) => {
    for (const role of memberRoles) await addMembership(tx, { tenantId, userId: users[role], role });
    if (options.licence !== null) {
      const values = { plan: "partnership" as const, seats: 50, startsOn: "2025-04-01", ...options.licence };
      await saveLicence(tx, { tenantId, values });
    }
    const engagement = await insertEngagement(tx, {
      tenantId,
      advisorUserId: users.advisor,
      scopes: [...engagementScopes],
      startsOn: addDays(today, -30),
      endsOn: addDays(today, 365),
      grantedBy: users.admin,
    });
    return engagement.id;
  });
  return { tenantId, slug, users, engagementId };
}

/** A platform operator (issue 11 §6): a user of no council whose platform role is `operator`. */
export async function createOperator(test: TestDatabase): Promise<string> {
  const userId = newId();
  await test.owner`insert into users (id, email, name, platform_role)
    values (${userId}, ${`operator.${userId.slice(-8)}@example.test`}, 'Platform operator', 'operator')`;
  return userId;
}

/** The PostgreSQL error under drizzle's wrapper, for asserting on its code and message. */
export async function databaseError(work: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await work;
  } catch (error) {
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
    if (cause instanceof postgres.PostgresError) return { code: cause.code, message: cause.message };
    throw error;
  }
  throw new Error("expected the database to refuse, but it did not");
}
