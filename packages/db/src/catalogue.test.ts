import { readFileSync } from "node:fs";
import type postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appRole, benchmarkRole } from "./database.ts";
import { createTestDatabase, type TestDatabase } from "./testing/index.ts";

let test: TestDatabase;
beforeAll(async () => {
  test = await createTestDatabase();
});
afterAll(() => test.close());

const policyExpression =
  "(tenant_id = (NULLIF(current_setting('app.tenant_id'::text, true), ''::text))::uuid)";

interface PolicyCall {
  policy: string;
  function: string;
  volatility: "i" | "s" | "v";
}

class RolledBack extends Error {}

/**
 * Every function each policy's USING and WITH CHECK expressions call, with its volatility (`provolatile`).
 * The calls are read from the stored expression trees (`pg_policy.polqual`/`polwithcheck`): function calls carry
 * `:funcid`, operators `:opfuncid`. Built-in functions are pinned and so absent from pg_depend.
 */
function policyCalls(sql: postgres.Sql | postgres.TransactionSql = test.owner) {
  return sql<PolicyCall[]>`
    select c.relname || '.' || p.polname as policy, f.proname as function, f.provolatile as volatility
    from pg_policy p join pg_class c on c.oid = p.polrelid,
      lateral (
        select distinct m[2]::oid as oid
        from regexp_matches(coalesce(p.polqual::text, '') || ' ' || coalesce(p.polwithcheck::text, ''),
          ':(funcid|opfuncid) ([0-9]+)', 'g') as m
      ) called
      join pg_proc f on f.oid = called.oid`;
}

/** The schema's promises (DESIGN §3.1–3.3), checked against the live catalogue so every later table is covered. */
describe("catalogue", () => {
  it("protects every table with a tenant_id: RLS enabled and forced, a tenant policy, tenant-led keys", async () => {
    const tables = await test.owner<{ table: string; rls: boolean; forced: boolean }[]>`
      select c.relname as table, c.relrowsecurity as rls, c.relforcerowsecurity as forced
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      join pg_attribute a on a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped
      where n.nspname = 'public' and c.relkind in ('r', 'p')`;
    expect(tables.length).toBeGreaterThanOrEqual(3);
    for (const table of tables) {
      expect({ table: table.table, rls: table.rls, forced: table.forced }).toEqual({
        table: table.table,
        rls: true,
        forced: true,
      });
      const allPolicies = await test.owner<
        { name: string; roles: string[]; qual: string; with_check: string; cmd: string }[]
      >`
        select policyname as name, roles, qual, with_check, cmd from pg_policies
        where schemaname = 'public' and tablename = ${table.table}`;
      // Besides the tenant policy, a table the benchmark job reads has one read-only policy for its role
      // (issue 9 §4): the pool's councils, never for the app role.
      const policies = allPolicies.filter((policy) => policy.name !== "benchmark_pool");
      for (const pool of allPolicies.filter((policy) => policy.name === "benchmark_pool")) {
        expect({ table: table.table, roles: pool.roles, cmd: pool.cmd }).toEqual({
          table: table.table,
          roles: [benchmarkRole],
          cmd: "SELECT",
        });
        expect(pool.qual, `${table.table}'s pool policy reads opted-in councils only`).toContain("opted_in");
      }
      expect(policies, `${table.table} has one policy`).toHaveLength(1);
      const [policy] = policies;
      expect(policy?.roles).toEqual([appRole]);
      expect(policy?.cmd).toBe("ALL");
      expect(policy?.qual, `${table.table} reads only the current tenant`).toContain(policyExpression);
      expect(policy?.with_check, `${table.table} writes only the current tenant`).toBe(policyExpression);

      const keys = await test.owner<
        { name: string; type: string; columns: string[]; foreign_table: string | null }[]
      >`
        select con.conname as name, con.contype as type,
          array(select a.attname::text from unnest(con.conkey) k join pg_attribute a
                on a.attrelid = con.conrelid and a.attnum = k) as columns,
          ft.relname as foreign_table
        from pg_constraint con join pg_class t on t.oid = con.conrelid
        left join pg_class ft on ft.oid = con.confrelid
        where t.relname = ${table.table} and con.contype in ('p', 'f', 'u')`;
      const primary = keys.find((key) => key.type === "p");
      expect(primary?.columns[0], `${table.table} primary key leads with tenant_id`).toBe("tenant_id");
      for (const key of keys.filter((key) => key.type === "f")) {
        const target = tables.find((candidate) => candidate.table === key.foreign_table);
        // A key into another tenant table must carry tenant_id; keys into platform tables (tenants, users) cannot.
        if (target) expect(key.columns, `${table.table}.${key.name}`).toContain("tenant_id");
      }
      for (const key of keys.filter((key) => key.type === "u")) {
        expect(key.columns, `${table.table}.${key.name} is distributable`).toContain("tenant_id");
      }
    }
  });

  it("calls no VOLATILE function from any policy (DESIGN §3.2: it would turn an index scan into a full scan)", async () => {
    const calls = await policyCalls();
    // Every tenant table's policy reads the tenant through current_setting (STABLE): finding each such call
    // shows the walk sees the calls a policy makes.
    const tenantPolicies = await test.owner<{ policy: string }[]>`
      select c.relname || '.' || p.polname as policy from pg_policy p join pg_class c on c.oid = p.polrelid
      where exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'tenant_id')
        and p.polname <> 'benchmark_pool'`;
    expect(tenantPolicies.length).toBeGreaterThanOrEqual(3);
    const readingTenant = calls
      .filter((call) => call.function === "current_setting")
      .map((call) => call.policy);
    expect(readingTenant).toEqual(expect.arrayContaining(tenantPolicies.map((row) => row.policy)));
    for (const call of calls) {
      expect(call.volatility, `${call.policy} calls ${call.function}`).not.toBe("v");
    }
  });

  it("finds a VOLATILE function in a policy when there is one", async () => {
    await test.owner
      .begin(async (sql) => {
        await sql`create table volatile_probe (tenant_id uuid)`;
        await sql`create policy volatile_probe_policy on volatile_probe using (random() < 0.5 and tenant_id is not null)`;
        const calls = await policyCalls(sql);
        expect(calls.filter((call) => call.policy === "volatile_probe.volatile_probe_policy")).toContainEqual(
          {
            policy: "volatile_probe.volatile_probe_policy",
            function: "random",
            volatility: "v",
          },
        );
        throw new RolledBack();
      })
      .catch((error: unknown) => {
        if (!(error instanceof RolledBack)) throw error;
      });
  });

  it("keeps every unique index of a tenant table distributable by tenant_id", async () => {
    const indexes = await test.owner<{ index: string; definition: string }[]>`
      select i.relname as index, pg_get_indexdef(i.oid) as definition
      from pg_index x join pg_class i on i.oid = x.indexrelid join pg_class t on t.oid = x.indrelid
      join pg_namespace n on n.oid = t.relnamespace
      where n.nspname = 'public' and x.indisunique
        and exists (select 1 from pg_attribute a where a.attrelid = t.oid and a.attname = 'tenant_id')`;
    for (const index of indexes) expect(index.definition, index.index).toMatch(/\(tenant_id[,)]/);
  });

  it("runs the app as a role that is not superuser, cannot bypass RLS and owns nothing", async () => {
    const [role] = await test.owner<{ rolsuper: boolean; rolbypassrls: boolean; rolcanlogin: boolean }[]>`
      select rolsuper, rolbypassrls, rolcanlogin from pg_roles where rolname = ${appRole}`;
    expect(role).toEqual({ rolsuper: false, rolbypassrls: false, rolcanlogin: false });
    const [owned] = await test.owner<{ count: number }[]>`
      select count(*)::int as count from pg_class c join pg_roles r on r.oid = c.relowner where r.rolname = ${appRole}`;
    expect(owned?.count).toBe(0);
    const [ownedFunctions] = await test.owner<{ count: number }[]>`
      select count(*)::int as count from pg_proc p join pg_roles r on r.oid = p.proowner where r.rolname = ${appRole}`;
    expect(ownedFunctions?.count).toBe(0);
  });

  it("runs the benchmark job as its own role: not the app role's, not superuser, no BYPASSRLS, owns nothing", async () => {
    const [role] = await test.owner<{ rolsuper: boolean; rolbypassrls: boolean; rolcanlogin: boolean }[]>`
      select rolsuper, rolbypassrls, rolcanlogin from pg_roles where rolname = ${benchmarkRole}`;
    expect(role).toEqual({ rolsuper: false, rolbypassrls: false, rolcanlogin: false });
    const [membership] = await test.owner<{ app_can_become_it: boolean; it_can_become_app: boolean }[]>`
      select pg_has_role(${appRole}, ${benchmarkRole}, 'member') as app_can_become_it,
        pg_has_role(${benchmarkRole}, ${appRole}, 'member') as it_can_become_app`;
    expect(membership).toEqual({ app_can_become_it: false, it_can_become_app: false });
    const [owned] = await test.owner<{ count: number }[]>`
      select count(*)::int as count from pg_class c join pg_roles r on r.oid = c.relowner where r.rolname = ${benchmarkRole}`;
    expect(owned?.count).toBe(0);
  });

  it("allows SECURITY DEFINER functions only from the allow-list, each with an empty search_path", async () => {
    const allowList: string[] = [];
    const definers = await test.owner<{ name: string; config: string[] | null }[]>`
      select p.proname as name, p.proconfig as config from pg_proc p join pg_namespace n on n.oid = p.pronamespace
      where n.nspname = 'public' and p.prosecdef`;
    for (const definer of definers) {
      expect(allowList).toContain(definer.name);
      expect(definer.config).toContain('search_path=""');
    }
  });

  it("distributes every council table by tenant_id and copies every platform table on Citus (infra/citus.sql)", async () => {
    const ddl = readFileSync(new URL("../../../infra/citus.sql", import.meta.url), "utf8");
    const distributed = [...ddl.matchAll(/create_distributed_table\('(\w+)', 'tenant_id'/g)].map(
      (match) => match[1],
    );
    const reference = [...ddl.matchAll(/create_reference_table\('(\w+)'\)/g)].map((match) => match[1]);
    const tables = await test.owner<{ table: string; tenant: boolean }[]>`
      select c.relname as table, exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'tenant_id') as tenant
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind = 'r'`;
    expect(distributed.sort()).toEqual(
      tables
        .filter((table) => table.tenant)
        .map((table) => table.table)
        .sort(),
    );
    expect(reference.sort()).toEqual(
      tables
        .filter((table) => !table.tenant)
        .map((table) => table.table)
        .sort(),
    );
  });
});
