import { addDays } from "@steward/domain";
import { type Database, inTransaction } from "./database.ts";
import { recordAudit } from "./queries/audit.ts";
import { type LicenceValues, licenceRecord, saveLicence } from "./queries/licences.ts";
import { listAllTenants } from "./queries/tenants.ts";

/**
 * The demo's licences (issue 11 "Demo data"), assigned by hand as in offline mode, so entitlements and banners
 * show on a first start: Harborough is on Essentials (no training, benchmarking or advisors), Drakenstein's
 * payment failed five days ago (past due, in its grace period: a banner, nothing refused yet), and every other
 * council is on Partnership.
 */
const demoLicences: Record<string, (today: string) => Partial<LicenceValues>> = {
  harborough: () => ({ plan: "essentials", seats: 10 }),
  drakenstein: (today) => ({ state: "past_due", pastDueSince: addDays(today, -5) }),
};

export async function seedBilling(database: Database, today: string): Promise<void> {
  const councils = await inTransaction(database, { tenantId: null, userId: null }, listAllTenants);
  for (const council of councils) {
    const values: LicenceValues = {
      plan: "partnership",
      seats: 50,
      startsOn: addDays(today, -400),
      ...demoLicences[council.slug]?.(today),
    };
    await inTransaction(database, { tenantId: council.id, userId: null }, async (tx) => {
      const saved = await saveLicence(tx, { tenantId: council.id, values });
      await recordAudit(tx, {
        tenantId: council.id,
        actorUserId: null,
        requestId: null,
        action: "licence.assigned",
        entityType: "council",
        entityId: council.id,
        before: null,
        after: licenceRecord(saved),
      });
    });
  }
}
