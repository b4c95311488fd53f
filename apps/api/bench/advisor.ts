import { createCaller } from "@steward/api";
import { addMembership, appRole, insertEngagement, inTransaction, saveLicence } from "@steward/db";
import { addDays, engagementScopes, firstOfMonth, newId } from "@steward/domain";
import { type BenchDatabase, sessionCookie } from "./database.ts";
import { context, timeEach } from "./register.ts";

/** Issue 9's figure: an advisor portfolio of 30 councils under 300 ms server time. */
export const advisorSize = { councils: 30, contracts: 200, kpis: 3, months: 12, organisations: 40 };
const samples = 50;

/**
 * Thirty councils written by PostgreSQL itself (generate_series), each with 200 contracts from suppliers linked
 * to 40 shared organisations, three KPIs a contract measured for the last 12 months (rated by a simple rule on the
 * value), a RAG for last month (every seventh Amber, every nineteenth Red) and two open actions a contract; one
 * advisor engaged by all of them with every scope.
 */
async function seedPortfolio(bench: BenchDatabase, today: string) {
  const size = advisorSize;
  const lastMonth = firstOfMonth(today, -1);
  const advisorId = newId();
  await bench.owner`insert into users (id, email, name) values (${advisorId}, 'advisor@bench.test', 'Bench Advisor')`;
  await bench.owner`
    insert into organisations (id, scheme, identifier, name, name_source)
    select gen_random_uuid(), 'GB-COH', lpad((30000000 + i)::text, 8, '0'), 'Organisation ' || i || ' Ltd', 'operator'
    from generate_series(0, ${size.organisations - 1}) i`;
  const started = performance.now();
  for (let index = 0; index < size.councils; index += 1) {
    const tenantId = newId();
    const managerId = newId();
    const slug = `bench-advisor-${index}`;
    await bench.owner`insert into tenants (id, slug, name, jurisdiction, currency, locale)
      values (${tenantId}, ${slug}, ${`Bench Council ${index}`}, 'GB-ENG', 'GBP', 'en-GB')`;
    await bench.owner`insert into users (id, email, name) values (${managerId}, ${`manager@${slug}.test`}, 'Manager')`;
    await inTransaction(bench.database, { tenantId, userId: null }, async (tx) => {
      await addMembership(tx, { tenantId, userId: managerId, role: "contract_manager" });
      await saveLicence(tx, { tenantId, values: { plan: "partnership", seats: 50, startsOn: "2025-04-01" } });
      await insertEngagement(tx, {
        tenantId,
        advisorUserId: advisorId,
        scopes: [...engagementScopes],
        startsOn: addDays(today, -30),
        endsOn: addDays(today, 335),
        grantedBy: null,
      });
    });
    await bench.owner.begin(async (sql) => {
      await sql.unsafe(`set local role ${appRole}; set local app.tenant_id = '${tenantId}'`);
      await sql`
        insert into suppliers (tenant_id, id, name, registration_number, organisation_id)
        select ${tenantId}, gen_random_uuid(), o.name, o.identifier, o.id from organisations o`;
      await sql`
        with numbered as (
          select id, row_number() over (order by name) - 1 as n from suppliers where tenant_id = ${tenantId}
        )
        insert into contracts (tenant_id, id, reference, title, category, supplier_id, contract_manager_id, sro_id,
          start_date, end_date, annual_value_minor, total_value_minor, currency, tier, assessed_tier,
          original_total_value_minor, original_end_date)
        select ${tenantId}, gen_random_uuid(), 'AD-' || lpad(i::text, 4, '0'), 'Service lot ' || i, 'services',
          numbered.id, ${managerId}::uuid, ${managerId}::uuid, date '2024-01-01',
          ${today}::date + (i * 11 % 900), 10000000 + i * 1000, 60000000 + i * 6000, 'GBP',
          (array['high', 'medium', 'low'])[i % 3 + 1], 'low', 60000000 + i * 6000, ${today}::date + (i * 11 % 900)
        from generate_series(0, ${size.contracts - 1}) i join numbered on numbered.n = i % ${size.organisations}`;
      await sql`
        insert into kpis (tenant_id, id, contract_id, name, definition, unit, direction, target, tolerance,
          frequency, data_source, position)
        select ${tenantId}, gen_random_uuid(), c.id, 'KPI ' || k, 'Measured monthly', 'count', 'higher_is_better',
          100, 5, 'monthly', 'supplier', k
        from contracts c cross join generate_series(0, ${size.kpis - 1}) k where c.tenant_id = ${tenantId}`;
      await sql`
        insert into kpi_measurements (tenant_id, id, contract_id, kpi_id, period_start, value, rating, rating_reason,
          entered_by)
        select ${tenantId}, gen_random_uuid(), k.contract_id, k.id,
          (date_trunc('month', ${lastMonth}::date) - make_interval(months => m))::date, v.value,
          case when v.value >= 100 then 'good' when v.value >= 95 then 'approaching_target'
               when v.value >= 85 then 'requires_improvement' else 'inadequate' end,
          'Rated by the bench seed.', ${managerId}::uuid
        from kpis k cross join generate_series(0, ${size.months - 1}) m
          cross join lateral (select 80 + (hashtext(k.id::text || m) & 31) as value) v
        where k.tenant_id = ${tenantId}`;
      await sql`
        with numbered as (
          select id, row_number() over (order by reference) - 1 as n from contracts where tenant_id = ${tenantId}
        )
        insert into rag_entries (tenant_id, id, contract_id, month, status, commentary, set_by)
        select ${tenantId}, gen_random_uuid(), id, ${lastMonth}::date,
          case when n % 19 = 0 then 'red' when n % 7 = 0 then 'amber' else 'green' end,
          case when n % 7 = 0 or n % 19 = 0 then 'Behind on two KPIs; the supplier has a plan.' end, ${managerId}::uuid
        from numbered`;
      await sql`
        insert into actions (tenant_id, id, contract_id, description, owner_party, owner_user_id, due_on, created_by)
        select ${tenantId}, gen_random_uuid(), c.id, 'Agree the recovery steps', 'council', ${managerId}::uuid,
          ${today}::date + (a * 20 - 25), ${managerId}::uuid
        from contracts c cross join generate_series(0, 1) a where c.tenant_id = ${tenantId}`;
    });
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `seeded ${size.councils} councils × ${size.contracts} contracts × ${size.kpis} KPIs × ${size.months} months (${(size.councils * size.contracts * size.kpis * size.months).toLocaleString("en-GB")} measurements), ${size.organisations} shared organisations, in ${seconds} s`,
  );
  await bench.owner.unsafe("vacuum analyze");
  return { advisorId, cookie: await sessionCookie(bench, advisorId) };
}

/** `npm run bench -- advisor`: prints figures; it is not a test. */
export async function benchAdvisor(bench: BenchDatabase) {
  const today = new Date().toISOString().slice(0, 10);
  const { cookie } = await seedPortfolio(bench, today);
  const caller = () => createCaller({ ...context(bench.database, "", cookie), tenantHeader: null });
  const first = await caller().portfolio.overview();
  console.log(
    `portfolio: ${first.councils.length} councils, ${first.suppliers.length} named suppliers across them; each call writes an audit event in every council`,
  );
  console.table({
    "advisor portfolio (portfolio.overview)": await timeEach(samples, () => caller().portfolio.overview()),
  });
  console.log(
    `target: under 300 ms server time (${samples} calls after 20 to warm up, one at a time, in process)`,
  );
}
