import {
  addDays,
  assessContractTier,
  defaultSettingsFor,
  firstOfMonth,
  isPublicContractByValue,
  type Jurisdiction,
  type MemberRole,
  newId,
  type PlatformRole,
  type Role,
  roleLabels,
  type TenantSettings,
} from "@steward/domain";
import { type Database, inTransaction, type Tx } from "./database.ts";
import { recordAuditMany } from "./queries/audit.ts";
import { insertContracts } from "./queries/contracts.ts";
import { insertInvoice } from "./queries/invoices.ts";
import { addMembership } from "./queries/memberships.ts";
import { insertSuppliers, type SupplierValues } from "./queries/suppliers.ts";
import { seedAdvisory } from "./seed-advisory.ts";
import {
  benchmarkCouncils,
  benchmarkPlans,
  demoSuppliersFor,
  publishDemoBenchmarks,
  seedBenchmarkPlatform,
  seedParticipation,
} from "./seed-benchmarks.ts";
import { seedBilling } from "./seed-billing.ts";
import { seedPerformance } from "./seed-performance.ts";
import { seedTraining } from "./seed-training.ts";

export const demoPassword = "steward-demo-password";

export const demoCouncils = [
  {
    slug: "oadby-wigston",
    name: "Oadby & Wigston Borough Council",
    jurisdiction: "GB-ENG",
    currency: "GBP",
    locale: "en-GB",
    people: {
      admin: "Alex Morgan",
      board: "Beatrice Clarke",
      sro: "Samir Patel",
      contract_manager: "Chris Evans",
      finance: "Fiona Reid",
      viewer: "Victor Ahmed",
    },
  },
  {
    slug: "drakenstein",
    name: "Drakenstein Municipality",
    jurisdiction: "ZA",
    currency: "ZAR",
    locale: "en-ZA",
    people: {
      admin: "Anele Dlamini",
      board: "Busisiwe Mokoena",
      sro: "Sipho Ndlovu",
      contract_manager: "Carla van der Merwe",
      finance: "Fatima Jacobs",
      viewer: "Vusi Khumalo",
    },
  },
  {
    slug: "harborough",
    name: "Harborough District Council",
    jurisdiction: "GB-ENG",
    currency: "GBP",
    locale: "en-GB",
    people: {
      admin: "Amara Okafor",
      board: "Ben Hughes",
      sro: "Sarah Whitfield",
      contract_manager: "Connor Doyle",
      finance: "Freya Lin",
      viewer: "Vera Novak",
    },
  },
] as const;

const councilRoles = [
  "admin",
  "board",
  "sro",
  "contract_manager",
  "finance",
  "viewer",
] as const satisfies Role[];

export interface DemoSignIn {
  email: string;
  role: string;
}

const demoPlatformAccounts = {
  operator: { email: "operator@steward.demo", name: "Olu Operator", role: "Platform operator" },
  advisor: { email: "advisor@steward.demo", name: "Ade Advisor", role: "Advisor engaged by six councils" },
} as const;

const demoMemberEmail = (role: Role, slug: string) => `${role.replace("_", "-")}@${slug}.demo`;

/** Every demo sign-in, in the order a start prints them. */
function demoSignIns(): DemoSignIn[] {
  return [
    ...Object.values(demoPlatformAccounts).map(({ email, role }) => ({ email, role })),
    ...demoCouncils.flatMap((council) =>
      councilRoles.map((role) => ({
        email: demoMemberEmail(role, council.slug),
        role: `${roleLabels[role]}, ${council.name}`,
      })),
    ),
  ];
}

/**
 * The demo sign-ins whose accounts exist, or null when there are none: a restart prints them again, as the
 * first start did.
 */
export async function listDemoSignIns(database: Database): Promise<DemoSignIn[] | null> {
  const signIns = demoSignIns();
  const rows = await database.sql<{ email: string }[]>`
    select email from users where email in ${database.sql(signIns.map((signIn) => signIn.email))}`;
  const present = new Set(rows.map((row) => row.email));
  const found = signIns.filter((signIn) => present.has(signIn.email));
  return found.length > 0 ? found : null;
}

/**
 * The demo platform of a first start: councils with their members, an advisor engaged by the first six
 * (seed-advisory.ts) and a platform operator. Platform rows are written by the owner; council rows under RLS.
 * Runs only on an empty platform. All demo accounts share one password hash (hashed once by the caller).
 */
export async function seedDemo(database: Database, passwordHash: string): Promise<DemoSignIn[] | null> {
  const [existing] = await database.sql`select 1 from tenants limit 1`;
  if (existing) return null;
  const createUser = async (email: string, name: string, platformRole: PlatformRole | null = null) => {
    const id = newId();
    await database.sql`insert into users (id, email, name, password_hash, platform_role)
      values (${id}, ${email}, ${name}, ${passwordHash}, ${platformRole})`;
    return id;
  };

  const { operator, advisor } = demoPlatformAccounts;
  await createUser(operator.email, operator.name, "operator");
  const advisorId = await createUser(advisor.email, advisor.name);

  const benchmarks = await seedBenchmarkPlatform(database);
  const today = new Date().toISOString().slice(0, 10);
  // The councils are independent (one transaction each), so they are written side by side: the start stays
  // quick with fourteen councils. Each council's figures come from its own seeded generator, so they are the
  // same on every fresh start whatever the order the transactions finish in.
  const councils = [...demoCouncils, ...benchmarkCouncils];
  const seedCouncil = async (council: (typeof councils)[number], index: number) => {
    const tenantId = newId();
    const settings = defaultSettingsFor(council.jurisdiction);
    await database.sql`insert into tenants (id, slug, name, jurisdiction, currency, locale, settings)
      values (${tenantId}, ${council.slug}, ${council.name}, ${council.jurisdiction}, ${council.currency},
        ${council.locale}, ${JSON.stringify(settings)}::jsonb)`;
    // The advisor is engaged (seed-advisory.ts), not a member; the benchmarking councils have an admin, an SRO and
    // a manager.
    const members: { userId: string; role: MemberRole }[] = [];
    const people: Partial<Record<Role, string>> = council.people;
    for (const role of councilRoles) {
      const name = people[role];
      if (name) members.push({ userId: await createUser(demoMemberEmail(role, council.slug), name), role });
    }
    await inTransaction(database, { tenantId, userId: null }, async (tx) => {
      for (const member of members) await addMembership(tx, { tenantId, ...member });
      const byRole = (role: Role) => members.find((member) => member.role === role)?.userId ?? null;
      const created = await seedRegister(
        tx,
        {
          tenantId,
          jurisdiction: council.jurisdiction,
          currency: council.currency,
          locale: council.locale,
          settings,
        },
        byRole,
        demoSuppliersFor(council.slug, benchmarks, byRole("admin")),
        { today, seed: index + 1 },
      );
      const manager = byRole("contract_manager");
      if (manager) {
        await seedPerformance(
          tx,
          {
            tenantId,
            locale: council.locale,
            currency: council.currency,
            slipping: benchmarkPlans[council.slug]?.slipping ?? false,
            seed: index + 1,
          },
          created,
          { manager, sro: byRole("sro") },
          today,
          benchmarks.templateIds,
        );
      }
      await seedParticipation(tx, { tenantId, slug: council.slug, admin: byRole("admin") });
      await seedAdvisory(tx, {
        tenantId,
        advisorId,
        adminId: byRole("admin"),
        contracts: created,
        seed: index,
      });
    });
  };
  await Promise.all(councils.map(seedCouncil));
  await seedBilling(database, today);
  await publishDemoBenchmarks(database, today);
  await seedTraining(database, passwordHash, today);
  return demoSignIns();
}

/** The service area of each demo contract, as the board counts them. */
const demoServiceAreas: Record<string, string> = {
  "WST-2023-01": "Environment",
  "GRD-2024-03": "Environment",
  "MLS-2025-02": "Adult social care",
  "ICT-2022-07": "Corporate services",
  "CLN-2025-05": "Corporate services",
  "WRK-2026-01": "Highways and transport",
};

/** [reference, title, category, supplier index, start, end, annual value in major units, flags] */
const demoContracts = [
  [
    "WST-2023-01",
    "Household waste and recycling collection",
    "services",
    1,
    "2023-04-01",
    "2030-03-31",
    1_850_000,
    { keyPublicService: true },
  ],
  ["GRD-2024-03", "Parks and grounds maintenance", "services", 0, "2024-04-01", "2027-03-31", 240_000, {}],
  [
    "MLS-2025-02",
    "Meals at home for older residents",
    "services",
    2,
    "2025-01-06",
    "2027-01-05",
    36_000,
    { corporatePriority: true },
  ],
  ["ICT-2022-07", "Service desk and device support", "services", 3, "2022-10-01", "2026-09-30", 48_000, {}],
  ["CLN-2025-05", "Office cleaning, civic centre", "services", 1, "2025-06-01", "2026-05-31", 4_200, {}],
  ["WRK-2026-01", "Car park resurfacing", "works", 0, "2026-03-02", "2026-08-28", null, { capital: 160_000 }],
] as const;

/**
 * A small register so the demo has something to show: suppliers, contracts in every tier, a few invoices
 * (one paid late, one unpaid past its deadline, one disputed) and, in South Africa, a deviation (SCM reg 36)
 * awaiting its report to council.
 */
async function seedRegister(
  tx: Tx,
  council: {
    tenantId: string;
    jurisdiction: Jurisdiction;
    currency: string;
    locale: string;
    settings: TenantSettings;
  },
  memberWithRole: (role: Role) => string | null,
  demoSuppliers: readonly Omit<SupplierValues, "tenantId">[],
  { today, seed }: { today: string; seed: number },
) {
  const { tenantId } = council;
  const suppliers = await insertSuppliers(
    tx,
    demoSuppliers.map((supplier) => ({ ...supplier, tenantId })),
  );
  const thresholds = council.settings.tiering;
  // The demo's amounts are pounds; a rand register carries about twenty times the figures.
  const scale = council.currency === "ZAR" ? 20 : 1;
  const rows = demoContracts.map(
    ([reference, title, category, supplierIndex, startDate, endDate, annual, flags]) => {
      const facts = {
        annualValueMinor: annual === null ? null : annual * 100 * scale,
        capitalValueMinor: "capital" in flags ? flags.capital * 100 * scale : null,
        totalValueMinor: annual === null ? ("capital" in flags ? flags.capital * 100 * scale : null) : null,
        corporatePriority: "corporatePriority" in flags,
        keyPublicService: "keyPublicService" in flags,
        serviceRisk: "low" as const,
        startDate,
        endDate,
      };
      const years = Math.max(
        1,
        Math.round((Date.parse(endDate) - Date.parse(startDate)) / (365.25 * 86_400_000)),
      );
      const totalValueMinor = facts.totalValueMinor ?? (facts.annualValueMinor ?? 0) * years;
      const assessed = assessContractTier({ ...facts, totalValueMinor }, thresholds, council);
      return {
        tenantId,
        reference,
        title,
        category,
        serviceArea: demoServiceAreas[reference] ?? null,
        supplierId: suppliers[supplierIndex]?.id ?? null,
        contractManagerId: memberWithRole("contract_manager"),
        sroId: reference === "CLN-2025-05" ? null : memberWithRole("sro"),
        ...facts,
        totalValueMinor,
        currency: council.currency,
        status: endDate < new Date().toISOString().slice(0, 10) ? ("expired" as const) : ("active" as const),
        tier: assessed.tier,
        assessedTier: assessed.tier,
        tierReasons: assessed.reasons,
        originalTotalValueMinor: totalValueMinor,
        originalEndDate: endDate,
        // SCM reg 36(1)(a)(i): an emergency deviation, recorded with its reasons, not yet reported to council.
        ...(council.jurisdiction === "ZA" && reference === "WRK-2026-01"
          ? {
              deviationGround: "emergency" as const,
              deviationReason:
                "A collapsed stormwater culvert under the car park had to be repaired before the rains; there was no time for competitive bidding.",
            }
          : {}),
        publicContract: isPublicContractByValue(
          { ...council, category, lightTouch: false, totalValueMinor, awardDate: null, startDate },
          startDate,
        ),
      };
    },
  );
  const created = (await insertContracts(tx, rows)).map((contract) => {
    const row = rows.find((each) => each.reference === contract.reference);
    return { ...contract, startDate: row?.startDate ?? null, endDate: row?.endDate ?? null };
  });
  const waste = created[0];
  if (waste) {
    // The last five months' invoices, from the fifth month back: one paid in time, one paid late, one paid in time,
    // one unpaid past its deadline, one paid last month (in a number of days that differs from council to council,
    // so the benchmark of days to pay has a spread) and last month's, disputed.
    const receivedIn = (monthsBack: number, day: number) =>
      addDays(firstOfMonth(today, -monthsBack), day - 1);
    const invoices = [
      ["INV-1041", receivedIn(5, 3), 21],
      ["INV-1058", receivedIn(4, 4), 39],
      ["INV-1077", receivedIn(3, 2), 28],
      ["INV-1093", receivedIn(2, 5), null],
      ["INV-1099", receivedIn(2, 20), 14 + ((seed * 5) % 17)],
      ["INV-1102", receivedIn(1, 3), null],
    ] as const;
    for (const [invoiceNumber, receivedOn, daysToPay] of invoices) {
      await insertInvoice(tx, {
        tenantId,
        contractId: waste.id,
        invoiceNumber,
        amountMinor: 15_400_000,
        receivedOn,
        paidOn: daysToPay === null ? null : addDays(receivedOn, daysToPay),
        // PA23 s.68(3): disputed, so left out of lateness while the council and the supplier settle it.
        ...(invoiceNumber === "INV-1102"
          ? {
              disputedOn: addDays(receivedOn, 3),
              disputeReason: "Charged for 22 collection rounds last month; the crew logs show 20.",
            }
          : {}),
      });
    }
  }
  await recordAuditMany(
    tx,
    created.map((contract) => ({
      tenantId,
      actorUserId: null,
      action: "contract.created",
      entityType: "contract",
      entityId: contract.id,
      after: { reference: contract.reference, source: "demo data" },
      requestId: null,
    })),
  );
  return created;
}
