import { newId, type Role, roleLabels } from "@steward/domain";
import { type Database, inTransaction } from "./database.ts";
import { addMembership } from "./queries/memberships.ts";

export const demoPassword = "steward-demo-password";

export const demoCouncils = [
  {
    slug: "oadby-wigston",
    name: "Oadby & Wigston Borough Council",
    jurisdiction: "GB-ENG",
    currency: "GBP",
    locale: "en-GB",
  },
  {
    slug: "drakenstein",
    name: "Drakenstein Municipality",
    jurisdiction: "ZA",
    currency: "ZAR",
    locale: "en-ZA",
  },
  {
    slug: "harborough",
    name: "Harborough District Council",
    jurisdiction: "GB-ENG",
    currency: "GBP",
    locale: "en-GB",
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

/**
 * The demo platform of a first start: three councils with a member in every role, an advisor engaged by
 * all three and a platform operator. Platform rows are written by the owner; council rows under RLS.
 * Runs only on an empty platform. All demo accounts share one password hash (hashed once by the caller).
 */
export async function seedDemo(database: Database, passwordHash: string): Promise<DemoSignIn[] | null> {
  const [existing] = await database.sql`select 1 from tenants limit 1`;
  if (existing) return null;
  const signIns: DemoSignIn[] = [];
  const createUser = async (email: string, name: string, platformRole: "operator" | null = null) => {
    const id = newId();
    await database.sql`insert into users (id, email, name, password_hash, platform_role)
      values (${id}, ${email}, ${name}, ${passwordHash}, ${platformRole})`;
    return id;
  };

  await createUser("operator@steward.demo", "Olu Operator", "operator");
  signIns.push({ email: "operator@steward.demo", role: "Platform operator" });
  const advisorId = await createUser("advisor@steward.demo", "Ade Advisor");
  signIns.push({ email: "advisor@steward.demo", role: "Advisor to all three councils" });

  for (const council of demoCouncils) {
    const tenantId = newId();
    await database.sql`insert into tenants (id, slug, name, jurisdiction, currency, locale)
      values (${tenantId}, ${council.slug}, ${council.name}, ${council.jurisdiction}, ${council.currency}, ${council.locale})`;
    const members: { userId: string; role: Role }[] = [{ userId: advisorId, role: "advisor" }];
    for (const role of councilRoles) {
      const email = `${role.replace("_", "-")}@${council.slug}.demo`;
      members.push({ userId: await createUser(email, `${roleLabels[role]} (${council.name})`), role });
      signIns.push({ email, role: `${roleLabels[role]}, ${council.name}` });
    }
    await inTransaction(database, { tenantId, userId: null }, async (tx) => {
      for (const member of members) await addMembership(tx, { tenantId, ...member });
    });
  }
  return signIns;
}
