import { readFileSync } from "node:fs";
import {
  type LibraryCategory,
  latestCompletePeriod,
  type OrganisationScheme,
  parseKpiLibrary,
  previousPeriod,
} from "@steward/domain";
import { publishBenchmarkSnapshot } from "./benchmark-refresh.ts";
import { type Database, inTransaction, type Tx } from "./database.ts";
import { recordAudit } from "./queries/audit.ts";
import { setBenchmarkParticipation } from "./queries/benchmarks.ts";
import { loadKpiLibrary } from "./queries/kpi-library.ts";
import { upsertNamedOrganisation } from "./queries/organisations.ts";

/**
 * The benchmarking demo (issue 9 §8). With k = 5 nothing could be shown across three councils, so the demo has
 * fourteen, English and South African, sharing supplier organisations and KPI templates; twelve take part in the
 * pool (Harborough's Essentials plan has no benchmarking; Rutland has not opted in). Their cohorts are laid out so
 * a newcomer sees real distributions, a suppressed cell and an early warning:
 * - waste: CleanStreets at six councils of the pool, Ubuntu Waste at the six South African ones;
 * - grounds: Greenways at six; Fynbos Landscapes at four and Karoo Green at two (too few: suppressed);
 * - CleanStreets' waste rounds slip at five councils (the first council's story, told five times), so it is Red at
 *   k councils in the last month: an early warning to every council that uses it.
 */

/** The councils beyond the first three: an admin, an SRO and a contract manager each. */
export const benchmarkCouncils = (
  [
    ["blaby", "Blaby District Council", "GB-ENG", ["Amelia Hart", "Simon Reeve", "Claire Dunn"]],
    ["charnwood", "Charnwood Borough Council", "GB-ENG", ["Aaron Fletcher", "Sophie Grant", "Callum Reid"]],
    ["melton", "Melton Borough Council", "GB-ENG", ["Anita Shah", "Stuart Bell", "Chloe Marsh"]],
    [
      "hinckley-bosworth",
      "Hinckley & Bosworth Borough Council",
      "GB-ENG",
      ["Adam Price", "Sunita Rao", "Ciaran Walsh"],
    ],
    [
      "nw-leicestershire",
      "North West Leicestershire District Council",
      "GB-ENG",
      ["Alice Turner", "Steven Cole", "Carys Evans"],
    ],
    ["rutland", "Rutland County Council", "GB-ENG", ["Arthur Lane", "Susan Moss", "Colin Hayes"]],
    ["stellenbosch", "Stellenbosch Municipality", "ZA", ["Ayanda Zulu", "Sibusiso Mthembu", "Chantel Botha"]],
    ["breede-valley", "Breede Valley Municipality", "ZA", ["Andile Nkosi", "Sizwe Mahlangu", "Cindy Adams"]],
    ["witzenberg", "Witzenberg Municipality", "ZA", ["Aviwe Mbeki", "Sello Molefe", "Candice Petersen"]],
    ["swartland", "Swartland Municipality", "ZA", ["Amahle Ntuli", "Siyabonga Khoza", "Christo Louw"]],
    ["saldanha-bay", "Saldanha Bay Municipality", "ZA", ["Anathi Cele", "Sandile Gumede", "Carmen Daniels"]],
  ] as const satisfies readonly (readonly [
    string,
    string,
    "GB-ENG" | "ZA",
    readonly [string, string, string],
  ])[]
).map(([slug, name, jurisdiction, [admin, sro, manager]]) => ({
  slug: slug as string,
  name: name as string,
  jurisdiction: jurisdiction as "GB-ENG" | "ZA",
  currency: jurisdiction === "ZA" ? "ZAR" : "GBP",
  locale: jurisdiction === "ZA" ? "en-ZA" : "en-GB",
  people: { admin, sro, contract_manager: manager } as Record<"admin" | "sro" | "contract_manager", string>,
}));

/** The demo's supplier organisations, with the legal names the operator recorded from each register. */
const registry = {
  greenways: ["GB-COH", "04142000", "GREENWAYS GROUNDS LIMITED", "Greenways Grounds Ltd", true, false],
  cleanstreets: [
    "GB-COH",
    "02931784",
    "CLEANSTREETS SERVICES PLC",
    "CleanStreets Services plc",
    false,
    false,
  ],
  meals: ["GB-COH", "07590785", "COMMUNITY MEALS TRUST", "Community Meals Trust", true, true],
  civicIt: ["GB-COH", "09876543", "CIVIC IT PARTNERS LIMITED", "Civic IT Partners Ltd", true, false],
  ubuntu: ["ZA-CIPC", "2004/123456/07", "UBUNTU WASTE (PTY) LTD", "Ubuntu Waste (Pty) Ltd", false, false],
  fynbos: ["ZA-CIPC", "2011/654321/07", "FYNBOS LANDSCAPES (PTY) LTD", "Fynbos Landscapes", true, false],
  karoo: ["ZA-CIPC", "2015/246810/07", "KAROO GREEN (PTY) LTD", "Karoo Green (Pty) Ltd", true, false],
  ikhaya: ["ZA-NPO", "123-456 NPO", "IKHAYA MEALS ON WHEELS", "Ikhaya Meals on Wheels", true, true],
} as const satisfies Record<string, readonly [OrganisationScheme, string, string, string, boolean, boolean]>;
type RegistryKey = keyof typeof registry;

/** Each council's suppliers, in the register's order: grounds, waste and cleaning, meals, IT. */
const englishSuppliers: RegistryKey[] = ["greenways", "cleanstreets", "meals", "civicIt"];
const fynbosSuppliers: RegistryKey[] = ["fynbos", "ubuntu", "ikhaya", "civicIt"];
const karooSuppliers: RegistryKey[] = ["karoo", "ubuntu", "ikhaya", "civicIt"];

/** How each council takes part: its suppliers, whether its waste rounds slip, whether it opted in. */
export const benchmarkPlans: Record<
  string,
  { suppliers: RegistryKey[]; slipping: boolean; optedIn: boolean }
> = {
  "oadby-wigston": { suppliers: englishSuppliers, slipping: true, optedIn: true },
  drakenstein: { suppliers: fynbosSuppliers, slipping: false, optedIn: true },
  harborough: { suppliers: englishSuppliers, slipping: false, optedIn: false },
  blaby: { suppliers: englishSuppliers, slipping: true, optedIn: true },
  charnwood: { suppliers: englishSuppliers, slipping: true, optedIn: true },
  melton: { suppliers: englishSuppliers, slipping: true, optedIn: true },
  "hinckley-bosworth": { suppliers: englishSuppliers, slipping: true, optedIn: true },
  "nw-leicestershire": { suppliers: englishSuppliers, slipping: false, optedIn: true },
  rutland: { suppliers: englishSuppliers, slipping: false, optedIn: false },
  stellenbosch: { suppliers: fynbosSuppliers, slipping: false, optedIn: true },
  "breede-valley": { suppliers: fynbosSuppliers, slipping: false, optedIn: true },
  witzenberg: { suppliers: fynbosSuppliers, slipping: false, optedIn: true },
  swartland: { suppliers: karooSuppliers, slipping: false, optedIn: true },
  "saldanha-bay": { suppliers: karooSuppliers, slipping: false, optedIn: true },
};

/** Service categories the issue names that the starting material has no KPI for yet: the operator adds them. */
const moreCategories: LibraryCategory[] = [
  { slug: "facilities", name: "Facilities", templates: [] },
  { slug: "ict", name: "ICT", templates: [] },
  { slug: "adult-social-care", name: "Adult social care", templates: [] },
];

export interface BenchmarkDemo {
  templateIds: ReadonlyMap<string, string>;
  organisationIds: ReadonlyMap<RegistryKey, string>;
}

/** The platform's part: the KPI library from fixtures/kpi-library.md and the registry's organisations. */
export async function seedBenchmarkPlatform(database: Database): Promise<BenchmarkDemo> {
  const markdown = readFileSync(new URL("../../../fixtures/kpi-library.md", import.meta.url), "utf8");
  return inTransaction(database, { tenantId: null, userId: null }, async (tx) => {
    const { templateIds } = await loadKpiLibrary(tx, [...parseKpiLibrary(markdown), ...moreCategories]);
    const organisationIds = new Map<RegistryKey, string>();
    for (const [key, [scheme, identifier, name]] of Object.entries(registry) as [
      RegistryKey,
      (typeof registry)[RegistryKey],
    ][]) {
      organisationIds.set(
        key,
        await upsertNamedOrganisation(tx, { scheme, identifier, name, aliases: [], nameSource: "operator" }),
      );
    }
    return { templateIds, organisationIds };
  });
}

/** A council's suppliers for its register, each linked to its registry entry by the council's admin. */
export function demoSuppliersFor(
  slug: string,
  demo: BenchmarkDemo,
  linkedBy: string | null,
): {
  name: string;
  registrationNumber: string;
  isSme: boolean;
  isVcse: boolean;
  organisationId: string | null;
  organisationLinkedBy: string | null;
  organisationLinkedAt: Date | null;
}[] {
  return (benchmarkPlans[slug]?.suppliers ?? englishSuppliers).map((key) => {
    const [, identifier, , name, isSme, isVcse] = registry[key];
    return {
      name,
      registrationNumber: identifier,
      isSme,
      isVcse,
      organisationId: demo.organisationIds.get(key) ?? null,
      organisationLinkedBy: linkedBy,
      organisationLinkedAt: linkedBy ? new Date() : null,
    };
  });
}

/** The council's consent, as its admin gave it (audited like any other). */
export async function seedParticipation(
  tx: Tx,
  council: { tenantId: string; slug: string; admin: string | null },
) {
  if (!benchmarkPlans[council.slug]?.optedIn || !council.admin) return;
  await setBenchmarkParticipation(tx, { tenantId: council.tenantId, optedIn: true, userId: council.admin });
  await recordAudit(tx, {
    tenantId: council.tenantId,
    actorUserId: council.admin,
    requestId: null,
    action: "benchmarks.opted_in",
    entityType: "council",
    entityId: council.tenantId,
    before: { optedIn: false },
    after: { optedIn: true },
  });
}

/** The last three months' snapshots, oldest first, as the daily job would have published them. */
export async function publishDemoBenchmarks(database: Database, today: string) {
  const latest = latestCompletePeriod(today);
  for (const period of [previousPeriod(latest, 2), previousPeriod(latest, 1), latest]) {
    await publishBenchmarkSnapshot(database, { period });
  }
}
